//! The PDF export of a session (Sitzungsmappe, Anwesenheitsliste, Protokoll): build through
//! `usecase::pdf` (the same function the command line uses), ask "Speichern unter", save as a new
//! file, open it in the system's PDF viewer. And the cover logo the office chooses.

use chrono::Utc;
use netzwerkmappe_core::export::write_new_file_at;
use netzwerkmappe_core::pdf::PdfRequest;
use netzwerkmappe_core::settings::{LOGO_MAX_BYTES, Logo};
use netzwerkmappe_core::usecase::pdf::build_session_pdf;
use serde::Serialize;
use tauri::{AppHandle, State};

use super::CommandResult;
use crate::dialog;
use crate::state::AppState;

/// Where the PDF was saved and how many pages it has.
#[derive(Debug, Serialize)]
pub struct SavedPdf {
    pub path: String,
    pub pages: usize,
    /// Attachments left out of the dossier, each with the reason.
    pub notes: Vec<String>,
}

/// Builds the requested PDF of session `id` first (so a problem is reported before the dialog;
/// `usecase::pdf` adds the papers, their attachments and the stored logo), then asks where to
/// save it ("Sitzungsmappe_2026-11-24.pdf" in Downloads suggested), saves it as a new file and
/// opens it. A cancelled dialog answers `null`.
#[tauri::command]
pub async fn export_session_pdf(
    app: AppHandle,
    state: State<'_, AppState>,
    id: i64,
    request: PdfRequest,
) -> CommandResult<Option<SavedPdf>> {
    let store = state.store().await?;
    let built = build_session_pdf(&store, id, request, Utc::now()).await?;
    let Some(target) = dialog::save_target(&app, &dialog::PDF_TARGET, &built.file_name).await else {
        return Ok(None);
    };
    write_new_file_at(&target, &built.file.bytes)?;
    dialog::open_in_viewer(&target);
    Ok(Some(SavedPdf {
        path: target.display().to_string(),
        pages: built.file.pages,
        notes: built.file.notes,
    }))
}

/// The cover logo the office chose, if any (its file name for the contents dialog).
#[tauri::command]
pub async fn get_pdf_logo(state: State<'_, AppState>) -> CommandResult<Option<Logo>> {
    Ok(state.store().await?.logo().await?)
}

/// "Logo wählen …": asks for a PNG, checks it (PNG, at most 2 MB) and keeps it in the data file.
/// A cancelled dialog answers `null` and keeps the earlier logo.
#[tauri::command]
pub async fn choose_pdf_logo(app: AppHandle, state: State<'_, AppState>) -> CommandResult<Option<Logo>> {
    let Some(path) = dialog::pick_logo_file(&app).await else {
        return Ok(None);
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "Logo.png".into());
    // Refuse a huge file before reading all of it.
    let size = std::fs::metadata(&path)
        .map_err(|e| logo_unreadable(&name, &e))?
        .len();
    let bytes = if size > LOGO_MAX_BYTES as u64 {
        vec![0; LOGO_MAX_BYTES + 1]
    } else {
        std::fs::read(&path).map_err(|e| logo_unreadable(&name, &e))?
    };
    let store = state.store().await?;
    Ok(Some(store.set_logo(&name, bytes, Utc::now()).await?))
}

/// "Logo entfernen".
#[tauri::command]
pub async fn remove_pdf_logo(state: State<'_, AppState>) -> CommandResult<()> {
    Ok(state.store().await?.remove_logo().await?)
}

fn logo_unreadable(name: &str, e: &std::io::Error) -> netzwerkmappe_core::Error {
    netzwerkmappe_core::Error::validation(
        "Logo",
        format!("Die Datei „{name}“ konnte nicht gelesen werden ({e})."),
    )
}

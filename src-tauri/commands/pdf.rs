//! The PDF export of a session (Sitzungsmappe, Anwesenheitsliste, Protokoll): build on a blocking
//! thread (a 100-page dossier must never stall the window's event loop), ask "Speichern unter",
//! save as a new file, open it in the system's PDF viewer.

use chrono::Utc;
use netzwerkmappe_core::berlin::today;
use netzwerkmappe_core::export::{EXPORT_DIR_ENV, export_dir, write_new_file_at};
use netzwerkmappe_core::pdf::PdfRequest;
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
}

/// Builds the requested PDF of session `id` first (so a problem is reported before the dialog),
/// then asks where to save it ("Sitzungsmappe_2026-11-24.pdf" in Downloads suggested), saves it
/// as a new file and opens it. A cancelled dialog answers `null`.
#[tauri::command]
pub async fn export_session_pdf(
    app: AppHandle,
    state: State<'_, AppState>,
    id: i64,
    request: PdfRequest,
) -> CommandResult<Option<SavedPdf>> {
    let store = state.store().await?;
    let now = Utc::now();
    let data = store.session_pdf_data(id, today(now)).await?;
    let name = request.kind.file_name(&data.session);
    let built = tauri::async_runtime::spawn_blocking(move || request.build(&data, now))
        .await
        .map_err(|e| netzwerkmappe_core::Error::Pdf {
            reason: e.to_string(),
        })??;
    let folder = export_dir(std::env::var_os(EXPORT_DIR_ENV));
    let Some(target) = dialog::pick_pdf_target(&app, folder, &name).await else {
        return Ok(None);
    };
    write_new_file_at(&target, &built.bytes)?;
    dialog::open_in_viewer(&target);
    Ok(Some(SavedPdf {
        path: target.display().to_string(),
        pages: built.pages,
    }))
}

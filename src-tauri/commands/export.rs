//! Commands for exports into the user's Downloads folder: the filtered contacts list as CSV for
//! Excel, and the selected contacts (or the list) as vCard 3.0 for address books.

use chrono::Local;
use netzwerkmappe_core::contact::ContactFilter;
use netzwerkmappe_core::export::{EXPORT_DIR_ENV, contacts_csv, contacts_vcard, export_dir, write_new_file};
use netzwerkmappe_core::{Error, ErrorPayload};
use serde::Serialize;
use tauri::State;

use super::CommandResult;
use crate::state::AppState;

/// Where an export went and how many contacts it holds.
#[derive(Debug, Serialize)]
pub struct ExportOutcome {
    pub path: String,
    pub count: usize,
}

/// Writes the contacts matching `filter` as CSV for Excel and mail merges.
#[tauri::command]
pub async fn export_contacts_csv(
    state: State<'_, AppState>,
    filter: ContactFilter,
) -> CommandResult<ExportOutcome> {
    let contacts = state.store()?.full_contacts(&filter).await?;
    save("csv", &contacts_csv(&contacts)?, contacts.len())
}

/// Writes the contacts matching `filter` (usually a selection by id) as one vCard 3.0 file.
#[tauri::command]
pub async fn export_contacts_vcard(
    state: State<'_, AppState>,
    filter: ContactFilter,
) -> CommandResult<ExportOutcome> {
    let contacts = state.store()?.full_contacts(&filter).await?;
    save("vcf", &contacts_vcard(&contacts), contacts.len())
}

fn save(ext: &str, bytes: &[u8], count: usize) -> CommandResult<ExportOutcome> {
    if count == 0 {
        return Err(Error::validation("Export", "Die Liste ist leer: es gibt nichts zu exportieren.").into());
    }
    let dir = export_dir(std::env::var_os(EXPORT_DIR_ENV)).ok_or_else(|| {
        ErrorPayload::from(Error::validation(
            "Exportordner",
            "Es wurde kein Ordner für Exporte gefunden.",
        ))
    })?;
    let stem = format!("Kontakte_{}", Local::now().format("%Y-%m-%d"));
    let path = write_new_file(&dir, &stem, ext, bytes)?;
    Ok(ExportOutcome {
        path: path.display().to_string(),
        count,
    })
}

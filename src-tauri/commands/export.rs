//! Commands for exports: the filtered contacts list as CSV into the user's Downloads folder.

use chrono::Local;
use netzwerkmappe_core::contact::ContactFilter;
use netzwerkmappe_core::export::{EXPORT_DIR_ENV, contacts_csv, export_dir, write_new_file};
use netzwerkmappe_core::{Error, ErrorPayload};
use tauri::State;

use super::CommandResult;
use crate::state::AppState;

/// Writes the contacts matching `filter` as CSV for Excel; returns the path of the new file.
#[tauri::command]
pub async fn export_contacts_csv(state: State<'_, AppState>, filter: ContactFilter) -> CommandResult<String> {
    let rows = state.store()?.list_contacts(&filter).await?;
    let dir = export_dir(std::env::var_os(EXPORT_DIR_ENV)).ok_or_else(|| {
        ErrorPayload::from(Error::validation(
            "Exportordner",
            "Es wurde kein Ordner für Exporte gefunden.",
        ))
    })?;
    let stem = format!("Kontakte_{}", Local::now().format("%Y-%m-%d"));
    let path = write_new_file(&dir, &stem, "csv", &contacts_csv(&rows)?)?;
    Ok(path.display().to_string())
}

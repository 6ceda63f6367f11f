//! Commands for exports: the contacts list as CSV for Excel, the selection (or the list) as vCard
//! 3.0 for address books, in one file or one file per contact (ZIP, for Outlook desktop). Each builds the export in core, asks "Speichern unter" (Downloads and
//! `Kontakte_<Datum>.<ext>` suggested) and saves it there. A cancelled dialog answers `null`.

use chrono::Local;
use netzwerkmappe_core::contact::ContactFilter;
use netzwerkmappe_core::export::{ExportFormat, ExportOutcome};
use netzwerkmappe_core::usecase::export::contacts_export;
use tauri::{AppHandle, State};

use super::CommandResult;
use crate::dialog;
use crate::state::AppState;

/// Writes the contacts matching `filter` as CSV for Excel and mail merges, in the on-screen `order` (ids).
#[tauri::command]
pub async fn export_contacts_csv(
    app: AppHandle,
    state: State<'_, AppState>,
    filter: ContactFilter,
    order: Vec<i64>,
) -> CommandResult<Option<ExportOutcome>> {
    export(&app, &state, ExportFormat::Csv, &filter, &order).await
}

/// Writes the contacts matching `filter` (usually a selection by id) as one vCard 3.0 file.
#[tauri::command]
pub async fn export_contacts_vcard(
    app: AppHandle,
    state: State<'_, AppState>,
    filter: ContactFilter,
    order: Vec<i64>,
) -> CommandResult<Option<ExportOutcome>> {
    export(&app, &state, ExportFormat::Vcard, &filter, &order).await
}

/// Writes the contacts matching `filter` as one vCard file each, packed in a ZIP: Outlook desktop
/// imports only the first card of a multi-card file.
#[tauri::command]
pub async fn export_contacts_vcard_zip(
    app: AppHandle,
    state: State<'_, AppState>,
    filter: ContactFilter,
    order: Vec<i64>,
) -> CommandResult<Option<ExportOutcome>> {
    export(&app, &state, ExportFormat::VcardZip, &filter, &order).await
}

async fn export(
    app: &AppHandle,
    state: &AppState,
    format: ExportFormat,
    filter: &ContactFilter,
    order: &[i64],
) -> CommandResult<Option<ExportOutcome>> {
    // Built first: an empty list is reported before the person picks a file name.
    let export = contacts_export(&state.store().await?, format, filter, order).await?;
    let name = format.default_file_name(Local::now().date_naive());
    match dialog::save_target(app, &dialog::export_target(format), &name).await {
        Some(target) => Ok(Some(export.save(&target)?)),
        None => Ok(None),
    }
}

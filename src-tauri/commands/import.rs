//! Commands for the import screen: preview a file the user picked, then apply it.

use chrono::Utc;
use netzwerkmappe_core::import::Mapping;
use netzwerkmappe_core::import::plan::{DuplicateAction, ImportPreview, ImportSummary};
use tauri::State;

use super::CommandResult;
use crate::state::AppState;

#[tauri::command]
pub async fn preview_import(
    state: State<'_, AppState>,
    bytes: Vec<u8>,
    mapping: Option<Mapping>,
) -> CommandResult<ImportPreview> {
    Ok(state.store()?.preview_import(&bytes, mapping).await?)
}

#[tauri::command]
pub async fn apply_import(
    state: State<'_, AppState>,
    bytes: Vec<u8>,
    mapping: Option<Mapping>,
    duplicates: DuplicateAction,
    skip_error_rows: bool,
) -> CommandResult<ImportSummary> {
    Ok(state
        .store()?
        .apply_import(&bytes, mapping, duplicates, skip_error_rows, Utc::now())
        .await?)
}

//! Commands for the import screen: pick a file in the system's dialog, preview it (again after
//! each change of the column mapping), then apply it. The file is read from the path the person
//! picked, which stays on the Rust side; the UI never sends file contents or paths.

use chrono::Utc;
use netzwerkmappe_core::Error;
use netzwerkmappe_core::import::Mapping;
use netzwerkmappe_core::import::plan::{DuplicateAction, ImportPreview, ImportSummary};
use netzwerkmappe_core::usecase;
use tauri::{AppHandle, State};

use super::CommandResult;
use crate::state::AppState;
use crate::{dialog, files};

/// Opens the system's file dialog. Returns the picked file's name to show, or `null` when the
/// person cancelled (the previously picked file, if any, stays picked).
#[tauri::command]
pub async fn choose_import_file(app: AppHandle, state: State<'_, AppState>) -> CommandResult<Option<String>> {
    let Some(path) = dialog::pick_import_file(&app).await else {
        return Ok(None);
    };
    let name = files::display_name(&path);
    state.set_import_file(path).await;
    Ok(Some(name))
}

#[tauri::command]
pub async fn preview_import(
    state: State<'_, AppState>,
    mapping: Option<Mapping>,
) -> CommandResult<ImportPreview> {
    let bytes = read_picked(&state).await?;
    Ok(usecase::import::preview_import(&state.store().await?, &bytes, mapping).await?)
}

#[tauri::command]
pub async fn apply_import(
    state: State<'_, AppState>,
    mapping: Option<Mapping>,
    duplicates: DuplicateAction,
    skip_error_rows: bool,
) -> CommandResult<ImportSummary> {
    let bytes = read_picked(&state).await?;
    let store = state.store().await?;
    Ok(
        usecase::import::apply_import(&store, &bytes, mapping, duplicates, skip_error_rows, Utc::now())
            .await?,
    )
}

async fn read_picked(state: &AppState) -> Result<Vec<u8>, Error> {
    let path = state
        .import_file()
        .await
        .ok_or_else(|| Error::validation("Datei", "Bitte wählen Sie zuerst eine Datei aus."))?;
    files::read_user_file(&path)
}

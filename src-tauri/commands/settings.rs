//! Commands for the Einstellungen screen: the office's settings, read and saved.

use chrono::Utc;
use netzwerkmappe_core::settings::Settings;
use tauri::State;

use super::CommandResult;
use crate::state::AppState;

#[tauri::command]
pub async fn get_settings(state: State<'_, AppState>) -> CommandResult<Settings> {
    Ok(state.store().await?.settings().await?)
}

#[tauri::command]
pub async fn update_settings(state: State<'_, AppState>, settings: Settings) -> CommandResult<Settings> {
    Ok(state.store().await?.update_settings(settings, Utc::now()).await?)
}

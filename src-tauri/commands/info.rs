//! Commands for the Info view and the start-up benchmark.

use netzwerkmappe_core::info::Info;
use tauri::{AppHandle, State};

use super::CommandResult;
use crate::state::AppState;

#[tauri::command]
pub async fn app_info(state: State<'_, AppState>) -> CommandResult<Info> {
    Ok(state.store().await?.info(crate::APP_VERSION).await?)
}

/// Called by the UI once its first screen is painted. Under `--startzeit-messen` it prints the time
/// since process start and quits; otherwise it does nothing.
#[tauri::command]
pub fn ui_ready(state: State<'_, AppState>, app: AppHandle) {
    if let Some(started) = state.measure_startup {
        println!("startzeit_ms={:.1}", started.elapsed().as_secs_f64() * 1000.0);
        app.exit(0);
    }
}

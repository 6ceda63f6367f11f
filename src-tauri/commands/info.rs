//! Commands for the Info view and the start-up benchmark.

use netzwerkmappe_core::info::Info;
use tauri::{AppHandle, State};

use super::CommandResult;
use crate::state::AppState;

#[tauri::command]
pub async fn app_info(state: State<'_, AppState>) -> CommandResult<Info> {
    Ok(state.store().await?.info(crate::identity::APP_VERSION).await?)
}

/// Called by the UI twice at start: `stage` "shell" once the window's first frame (header,
/// navigation, "wird geladen") is painted, "data" once the first screen shows its data. Under
/// `--startzeit-messen` it prints the time since process start for each (`startzeit_ms`,
/// `daten_ms`, and the UI's own phase marks in ms since the page began loading) and quits after
/// "data"; otherwise it does nothing.
#[tauri::command]
pub fn ui_ready(state: State<'_, AppState>, app: AppHandle, stage: String, phases: Option<String>) {
    if let Some(started) = state.measure_startup {
        let ms = started.elapsed().as_secs_f64() * 1000.0;
        let phases = phases.unwrap_or_default();
        if stage == "shell" {
            println!("startzeit_ms={ms:.1}");
            println!("phasen_bild={phases}");
            return;
        }
        println!("daten_ms={ms:.1}");
        println!("phasen={phases}");
        app.exit(0);
    }
}

//! The German words for the core's codes (organisation kinds, encodings, noun forms), loaded once
//! by the UI at start so they are defined only in the core.

use netzwerkmappe_core::labels::UiLabels;

/// Needs no store: the window can label its screens even when the data file cannot be opened.
#[tauri::command]
pub fn ui_labels() -> UiLabels {
    UiLabels::new()
}

//! Commands for the Erinnerungen region of the main window: the reminders not delivered as
//! desktop notifications (`reminders.rs` marks those shown), and "Erledigt – nicht mehr erinnern".

use chrono::Utc;
use netzwerkmappe_core::reminder::Reminder;
use tauri::State;

use super::CommandResult;
use crate::state::AppState;

/// What the window should show: every pending reminder (none when reminders are switched off).
#[tauri::command]
pub async fn pending_reminders(state: State<'_, AppState>) -> CommandResult<Vec<Reminder>> {
    let store = state.store().await?;
    let settings = store.settings().await?;
    if !settings.reminders_enabled {
        return Ok(Vec::new());
    }
    Ok(store
        .pending_reminders(Utc::now(), i64::from(settings.reminder_days))
        .await?)
}

/// The person saw these reminders in the window: they are not shown again.
#[tauri::command]
pub async fn acknowledge_reminders(state: State<'_, AppState>, keys: Vec<String>) -> CommandResult<()> {
    Ok(state
        .store()
        .await?
        .mark_reminders_shown(&keys, Utc::now())
        .await?)
}

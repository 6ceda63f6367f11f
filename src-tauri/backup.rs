//! The daily automatic backup in the shell: a few seconds after the window shows (never in the
//! start's way: `make bench` measures it), then every few hours while the app runs, the core's
//! `automatic_backup` makes the day's backup once, after a full `integrity_check` of the data
//! file. When that check fails, the damage is kept in the state and the window is told, so it
//! offers the newest good backup exactly as for a file damaged at start.

use std::time::Duration;

use netzwerkmappe_core::{ErrorCode, ErrorPayload};
use tauri::{AppHandle, Emitter, Manager};

use crate::state::{AppState, LastCheck};

/// Wait after start: the first screen and its data come first.
const AFTER_START: Duration = Duration::from_secs(3);
/// How often a running app looks whether a new day needs its backup (a look is one `stat` when
/// the day's backup exists).
const LOOK_EVERY: Duration = Duration::from_secs(60 * 60);
/// Event telling the window that the data file was found damaged.
pub const DAMAGED_EVENT: &str = "datendatei-beschaedigt";

pub fn spawn_daily(app: AppHandle) {
    tauri::async_runtime::spawn(async move {
        tokio::time::sleep(AFTER_START).await;
        loop {
            run_once(&app).await;
            tokio::time::sleep(LOOK_EVERY).await;
        }
    });
}

async fn run_once(app: &AppHandle) {
    let state = app.state::<AppState>();
    // The store is read from the state each time: after a restore it is another one.
    let Ok(store) = state.store().await else {
        return;
    };
    if store.is_read_only() || state.damage().await.is_some() {
        return;
    }
    let now = chrono::Utc::now();
    match netzwerkmappe_core::usecase::backup::automatic_backup(&store, now).await {
        Ok(Some(made)) => {
            state
                .set_last_check(LastCheck {
                    when: netzwerkmappe_core::format::datetime_de(&now),
                    result: netzwerkmappe_core::backup::CheckResult::passed(),
                })
                .await;
            eprintln!("Sicherung: {} ({})", made.path, made.size_label);
        }
        Ok(None) => {}
        Err(e) if e.code() == ErrorCode::DamagedDatabase => {
            eprintln!("Fehler: {e}");
            state.set_damage(ErrorPayload::from(e)).await;
            let _ = app.emit(DAMAGED_EVENT, ());
        }
        // Also on the terminal for IT staff; the next look tries again.
        Err(e) => eprintln!("Die automatische Sicherung ist fehlgeschlagen: {e}"),
    }
}

//! Commands of the "Datensicherung" screen and of the page a damaged data file leads to: back up
//! now, list the automatic backups, check the file, restore (from the list or a picked file),
//! and recover from damage. The file work is `netzwerkmappe_core::backup`; swapping the open
//! store is `AppState::reopen_after`. Paths never cross the bridge: the UI names a listed
//! backup by its file name, and other files only come from the system's dialogs.

use chrono::Local;
use netzwerkmappe_core::backup::{self, BackupEntry, BackupMade, FileFacts, SetAside};
use netzwerkmappe_core::{ErrorCode, ErrorPayload, usecase};
use serde::Serialize;
use tauri::{AppHandle, State};

use super::CommandResult;
use crate::dialog;
use crate::state::{AppState, LastCheck};

/// What the window must know before its first screen: a damaged data file (with the newest good
/// backup to offer) and warnings about where the file lies.
#[derive(Debug, Serialize)]
pub struct StartupState {
    pub damaged: Option<DamageReport>,
    pub warnings: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct DamageReport {
    /// The German explanation (what was found, that nothing was changed).
    pub message: String,
    pub newest_backup: Option<BackupEntry>,
}

#[derive(Debug, Serialize)]
pub struct BackupOverview {
    /// The folder of the automatic backups, to tell the person where they are.
    pub folder: String,
    pub backups: Vec<BackupEntry>,
    pub last_check: Option<LastCheck>,
    /// How long backups keep data (for the DSGVO notes on erasure).
    pub retention_note: String,
}

#[derive(Debug, Serialize)]
pub struct RestoreOutcome {
    pub facts: FileFacts,
    /// Where the replaced data file was kept.
    pub set_aside: Option<String>,
}

#[tauri::command]
pub async fn startup_state(state: State<'_, AppState>) -> CommandResult<StartupState> {
    let (damage, warnings) = match state.store().await {
        Ok(store) => (state.damage().await, store.warnings()),
        Err(e) if e.code == ErrorCode::DamagedDatabase => (Some(e), Vec::new()),
        Err(_) => (None, Vec::new()),
    };
    let damaged = match damage {
        Some(e) => Some(DamageReport {
            message: e.message,
            newest_backup: usecase::backup::newest_good_backup(state.data_file()?).await?,
        }),
        None => None,
    };
    Ok(StartupState { damaged, warnings })
}

#[tauri::command]
pub async fn backup_overview(state: State<'_, AppState>) -> CommandResult<BackupOverview> {
    let data_file = state.data_file()?;
    Ok(BackupOverview {
        folder: backup::backup_dir(data_file).display().to_string(),
        backups: backup::list_backups(data_file)?,
        last_check: state.last_check().await,
        retention_note: backup::retention_note(),
    })
}

/// "Jetzt sichern": asks "Speichern unter" (`Netzwerkmappe_Sicherung_<Datum>.sqlite` in
/// Downloads suggested) and writes a checked backup there. `null` when cancelled.
#[tauri::command]
pub async fn backup_now(app: AppHandle, state: State<'_, AppState>) -> CommandResult<Option<BackupMade>> {
    let store = state.store().await?;
    let name = backup::backup_file_name(Local::now().date_naive());
    match dialog::save_target(&app, &dialog::BACKUP_TARGET, &name).await {
        Some(target) => {
            let made = usecase::backup::write_backup(&store, &target).await?;
            usecase::backup::note_backup(&store, &made, false, chrono::Utc::now()).await?;
            Ok(Some(made))
        }
        None => Ok(None),
    }
}

/// The full `integrity_check` now; a failure is remembered as damage (the window then offers
/// the newest good backup).
#[tauri::command]
pub async fn check_data_file(state: State<'_, AppState>) -> CommandResult<LastCheck> {
    let store = state.store().await?;
    let result = store.integrity_check().await?;
    if !result.ok {
        let path = state.data_file()?;
        state
            .set_damage(ErrorPayload::from(result.clone().into_error(path)))
            .await;
    }
    let check = LastCheck {
        when: netzwerkmappe_core::format::datetime_de(&chrono::Utc::now()),
        result,
    };
    state.set_last_check(check.clone()).await;
    Ok(check)
}

/// Restores an automatic backup, named as `backup_overview` listed it.
#[tauri::command]
pub async fn restore_backup(state: State<'_, AppState>, file_name: String) -> CommandResult<RestoreOutcome> {
    let candidate = backup::backup_path(state.data_file()?, &file_name)?;
    restore(&state, &candidate).await
}

/// "Aus Datei wiederherstellen …": a file picked in the system's dialog. `null` when cancelled.
#[tauri::command]
pub async fn restore_from_file(
    app: AppHandle,
    state: State<'_, AppState>,
) -> CommandResult<Option<RestoreOutcome>> {
    match dialog::pick_backup_file(&app).await {
        Some(candidate) => Ok(Some(restore(&state, &candidate).await?)),
        None => Ok(None),
    }
}

async fn restore(state: &AppState, candidate: &std::path::Path) -> CommandResult<RestoreOutcome> {
    // Checked and migrated as a copy first: nothing current is touched if the file is unfit.
    let (prepared, facts) = usecase::backup::prepare_restore(candidate, state.data_file()?).await?;
    let now = chrono::Utc::now();
    // Restoring over a damaged file (from the damage page) keeps it under the damaged name.
    let damaged = state.damage().await.is_some()
        || state
            .store()
            .await
            .is_err_and(|e| e.code == ErrorCode::DamagedDatabase);
    let why = if damaged {
        SetAside::Damaged
    } else {
        SetAside::BeforeRestore
    };
    let aside = state
        .reopen_after(|data_file| backup::put_in_place(&prepared, data_file, why, now))
        .await?;
    usecase::backup::note_restore(&state.store().await?, candidate, aside.as_deref(), now).await?;
    Ok(RestoreOutcome {
        facts,
        set_aside: aside.map(|p| p.display().to_string()),
    })
}

/// The damaged-file page's choice: set the damaged file aside (never deleted) and restore the
/// named automatic backup, or (`file_name` null, only when the person chose it) start empty.
#[tauri::command]
pub async fn recover_data_file(state: State<'_, AppState>, file_name: Option<String>) -> CommandResult<()> {
    let data_file = state.data_file()?;
    let prepared = match file_name {
        Some(name) => Some(
            usecase::backup::prepare_restore(&backup::backup_path(data_file, &name)?, data_file)
                .await?
                .0,
        ),
        None => None,
    };
    let now = chrono::Utc::now();
    state
        .reopen_after(|data_file| {
            backup::set_aside(data_file, backup::SetAside::Damaged, now)?;
            match &prepared {
                Some(prepared) => backup::put_in_place(prepared, data_file, SetAside::BeforeRestore, now),
                None => Ok(None),
            }
        })
        .await?;
    Ok(())
}

//! Commands for the Datenschutz and Änderungsprotokoll screens: the audit trail, contacts without
//! a legal basis, the retention review, Auskunft (Art. 15) and erasure (Art. 17). Each calls one
//! core function, mostly a use case of `core/src/usecase/privacy.rs`; the rules and texts are in
//! `core/src/privacy/` and `core/src/audit.rs`.

use chrono::Utc;
use netzwerkmappe_core::audit::{AuditFilter, AuditPage};
use netzwerkmappe_core::berlin::today;
use netzwerkmappe_core::privacy::{
    ContactWithoutBasis, ErasureReport, RetentionCandidate, SavedAccess, SubjectAccess,
    subject_access_file_name,
};
use netzwerkmappe_core::usecase::privacy as usecase;
use tauri::{AppHandle, State};

use super::CommandResult;
use crate::dialog;
use crate::state::AppState;

#[tauri::command]
pub async fn list_audit(state: State<'_, AppState>, filter: AuditFilter) -> CommandResult<AuditPage> {
    Ok(state.store().await?.list_audit(&filter).await?)
}

#[tauri::command]
pub async fn contacts_without_basis(state: State<'_, AppState>) -> CommandResult<Vec<ContactWithoutBasis>> {
    Ok(state.store().await?.contacts_without_basis().await?)
}

/// Contacts due for review after the years set in Einstellungen.
#[tauri::command]
pub async fn retention_candidates(state: State<'_, AppState>) -> CommandResult<Vec<RetentionCandidate>> {
    let store = state.store().await?;
    let years = store.settings().await?.retention_years;
    Ok(usecase::retention_candidates(&store, today(Utc::now()), years).await?)
}

#[tauri::command]
pub async fn keep_contact(state: State<'_, AppState>, id: i64) -> CommandResult<()> {
    Ok(usecase::keep_contact(&state.store().await?, id, Utc::now()).await?)
}

/// What the Auskunft would contain, for the screen.
#[tauri::command]
pub async fn subject_access(state: State<'_, AppState>, id: i64) -> CommandResult<SubjectAccess> {
    Ok(usecase::subject_access(&state.store().await?, id, Utc::now()).await?)
}

/// "Auskunft exportieren": "Speichern unter" (Downloads suggested), then JSON + text. `null`
/// when the dialog was cancelled.
#[tauri::command]
pub async fn export_subject_access(
    app: AppHandle,
    state: State<'_, AppState>,
    id: i64,
) -> CommandResult<Option<SavedAccess>> {
    let store = state.store().await?;
    // Fails before the dialog when the contact does not exist.
    store.get_contact(id).await?;
    let now = Utc::now();
    let name = subject_access_file_name(id, today(now));
    match dialog::save_target(&app, &dialog::SUBJECT_ACCESS_TARGET, &name).await {
        Some(target) => Ok(Some(
            usecase::save_subject_access(&store, id, &target, now).await?,
        )),
        None => Ok(None),
    }
}

#[tauri::command]
pub async fn erase_contact(state: State<'_, AppState>, id: i64) -> CommandResult<ErasureReport> {
    Ok(usecase::erase_contact(&state.store().await?, id, Utc::now()).await?)
}

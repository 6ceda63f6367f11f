//! Commands for the Organisationen screen.

use chrono::Utc;
use netzwerkmappe_core::organisation::ContactsOnDelete;
use netzwerkmappe_core::organisation::{Organisation, OrganisationInput};
use tauri::State;

use super::CommandResult;
use crate::state::AppState;

#[tauri::command]
pub async fn list_organisations(state: State<'_, AppState>) -> CommandResult<Vec<Organisation>> {
    Ok(state.store().await?.list_organisations().await?)
}

#[tauri::command]
pub async fn get_organisation(state: State<'_, AppState>, id: i64) -> CommandResult<Organisation> {
    Ok(state.store().await?.get_organisation(id).await?)
}

#[tauri::command]
pub async fn create_organisation(
    state: State<'_, AppState>,
    input: OrganisationInput,
) -> CommandResult<Organisation> {
    Ok(state
        .store()
        .await?
        .create_organisation(input, Utc::now())
        .await?)
}

#[tauri::command]
pub async fn update_organisation(
    state: State<'_, AppState>,
    id: i64,
    input: OrganisationInput,
) -> CommandResult<Organisation> {
    Ok(state
        .store()
        .await?
        .update_organisation(id, input, Utc::now())
        .await?)
}

#[tauri::command]
pub async fn delete_organisation(
    state: State<'_, AppState>,
    id: i64,
    contacts: ContactsOnDelete,
) -> CommandResult<()> {
    Ok(state.store().await?.delete_organisation(id, contacts).await?)
}

/// "Kreis zuordnen" for the organisations ticked in the list; returns how many were changed.
#[tauri::command]
pub async fn set_organisation_district(
    state: State<'_, AppState>,
    ids: Vec<i64>,
    ags: Option<String>,
) -> CommandResult<usize> {
    Ok(state
        .store()
        .await?
        .set_organisation_district(&ids, ags.as_deref(), Utc::now())
        .await?)
}

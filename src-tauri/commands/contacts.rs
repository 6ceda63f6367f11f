//! Commands for the Kontakte screen and the search box.

use chrono::Utc;
use netzwerkmappe_core::contact::{Contact, ContactFilter, ContactInput, ContactRow};
use netzwerkmappe_core::search::SearchResults;
use tauri::State;

use super::CommandResult;
use crate::state::AppState;

/// Most hits per kind the search box shows while typing. Eight of each of eight kinds fill the
/// list already, and the cost is linear in it: over 100,000 contacts, 2,000 sessions and 10,000
/// papers a keystroke took a p95 of about 9 ms CPU with 20, under 5 ms with 8
/// (`core/examples/bench_search.rs`).
const SEARCH_LIMIT_PER_KIND: i64 = 8;

#[tauri::command]
pub async fn list_contacts(
    state: State<'_, AppState>,
    filter: ContactFilter,
) -> CommandResult<Vec<ContactRow>> {
    Ok(state.store().await?.list_contacts(&filter).await?)
}

#[tauri::command]
pub async fn get_contact(state: State<'_, AppState>, id: i64) -> CommandResult<Contact> {
    Ok(state.store().await?.get_contact(id).await?)
}

#[tauri::command]
pub async fn create_contact(state: State<'_, AppState>, input: ContactInput) -> CommandResult<Contact> {
    Ok(state.store().await?.create_contact(input, Utc::now()).await?)
}

#[tauri::command]
pub async fn update_contact(
    state: State<'_, AppState>,
    id: i64,
    input: ContactInput,
) -> CommandResult<Contact> {
    Ok(state.store().await?.update_contact(id, input, Utc::now()).await?)
}

#[tauri::command]
pub async fn delete_contact(state: State<'_, AppState>, id: i64) -> CommandResult<()> {
    Ok(state.store().await?.delete_contact(id).await?)
}

#[tauri::command]
pub async fn list_groups(state: State<'_, AppState>) -> CommandResult<Vec<String>> {
    Ok(state.store().await?.list_groups().await?)
}

#[tauri::command]
pub async fn search(state: State<'_, AppState>, text: String) -> CommandResult<SearchResults> {
    Ok(state
        .store()
        .await?
        .search_all(&text, SEARCH_LIMIT_PER_KIND)
        .await?)
}

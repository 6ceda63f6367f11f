//! Commands for the Protokoll screen and the Aufgabenübersicht: discussion per TOP (autosaved),
//! decisions, action items, approval and Nachtrag. Each write calls one use case of
//! `usecase::minutes` (the CLI calls the same ones), each read one store query; the approval lock
//! and the numbering are the core's rules (`minutes.rs`).

use chrono::Utc;
use netzwerkmappe_core::agenda::AgendaItem;
use netzwerkmappe_core::berlin::{parse_date, today};
use netzwerkmappe_core::minutes::{
    ActionItem, ActionItemFilter, ActionItemInput, ActionItemRow, ActionStatus, Addendum, AddendumInput,
    Decision, DecisionInput, Minutes, MinutesInput, MinutesView,
};
use netzwerkmappe_core::usecase::minutes as usecase;
use tauri::State;

use super::CommandResult;
use crate::state::AppState;

#[tauri::command]
pub async fn get_minutes(state: State<'_, AppState>, session: i64) -> CommandResult<MinutesView> {
    Ok(state.store().await?.get_minutes(session).await?)
}

/// Protokollführung.
#[tauri::command]
pub async fn update_minutes(
    state: State<'_, AppState>,
    session: i64,
    input: MinutesInput,
) -> CommandResult<Minutes> {
    Ok(usecase::update_minutes(&state.store().await?, session, input, Utc::now()).await?)
}

/// The discussion of one TOP, sent while the person types (debounced in the UI).
#[tauri::command]
pub async fn set_discussion(
    state: State<'_, AppState>,
    item: i64,
    text: String,
    expected_version: Option<i64>,
) -> CommandResult<AgendaItem> {
    Ok(usecase::set_discussion(&state.store().await?, item, &text, expected_version, Utc::now()).await?)
}

#[tauri::command]
pub async fn add_decision(
    state: State<'_, AppState>,
    session: i64,
    input: DecisionInput,
) -> CommandResult<Decision> {
    Ok(usecase::add_decision(&state.store().await?, session, input, Utc::now()).await?)
}

#[tauri::command]
pub async fn update_decision(
    state: State<'_, AppState>,
    id: i64,
    input: DecisionInput,
) -> CommandResult<Decision> {
    Ok(usecase::update_decision(&state.store().await?, id, input, Utc::now()).await?)
}

#[tauri::command]
pub async fn delete_decision(state: State<'_, AppState>, id: i64) -> CommandResult<()> {
    Ok(usecase::delete_decision(&state.store().await?, id).await?)
}

#[tauri::command]
pub async fn add_action_item(
    state: State<'_, AppState>,
    session: i64,
    input: ActionItemInput,
) -> CommandResult<ActionItem> {
    Ok(usecase::add_action_item(&state.store().await?, session, input, Utc::now()).await?)
}

#[tauri::command]
pub async fn update_action_item(
    state: State<'_, AppState>,
    id: i64,
    input: ActionItemInput,
) -> CommandResult<ActionItem> {
    Ok(usecase::update_action_item(&state.store().await?, id, input, Utc::now()).await?)
}

/// "Erledigt" / "wieder offen" from the minutes or the Aufgabenübersicht; `done_on` as typed
/// ("24.11.2026"), empty for today.
#[tauri::command]
pub async fn set_action_item_status(
    state: State<'_, AppState>,
    id: i64,
    status: ActionStatus,
    done_on: Option<String>,
    expected_version: Option<i64>,
) -> CommandResult<ActionItem> {
    let done_on = match done_on.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        Some(text) => Some(parse_date("Erledigt am", text)?),
        None => None,
    };
    Ok(usecase::set_action_item_status(
        &state.store().await?,
        id,
        status,
        done_on,
        expected_version,
        Utc::now(),
    )
    .await?)
}

#[tauri::command]
pub async fn delete_action_item(state: State<'_, AppState>, id: i64) -> CommandResult<()> {
    Ok(usecase::delete_action_item(&state.store().await?, id).await?)
}

/// Entwurf → freigegeben; `by` names who approved (a person or "Beschluss 3/2027-1").
#[tauri::command]
pub async fn approve_minutes(state: State<'_, AppState>, session: i64, by: String) -> CommandResult<Minutes> {
    Ok(usecase::approve_minutes(&state.store().await?, session, &by, Utc::now()).await?)
}

/// A Nachtrag to approved minutes (date, reason, text); stays visible with them.
#[tauri::command]
pub async fn add_addendum(
    state: State<'_, AppState>,
    session: i64,
    input: AddendumInput,
) -> CommandResult<Addendum> {
    Ok(usecase::add_addendum(&state.store().await?, session, input, Utc::now()).await?)
}

/// Aufgabenübersicht (Beschlusskontrolle).
#[tauri::command]
pub async fn list_action_items(
    state: State<'_, AppState>,
    filter: ActionItemFilter,
) -> CommandResult<Vec<ActionItemRow>> {
    Ok(state
        .store()
        .await?
        .list_action_items(&filter, today(Utc::now()))
        .await?)
}

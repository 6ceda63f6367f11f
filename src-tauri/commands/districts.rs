//! Commands for the Stadt- und Landkreise screen.

use netzwerkmappe_core::district::{District, DistrictFilter, Region};
use tauri::State;

use super::CommandResult;
use crate::state::AppState;

#[tauri::command]
pub async fn list_regions(state: State<'_, AppState>) -> CommandResult<Vec<Region>> {
    Ok(state.store().await?.list_regions().await?)
}

#[tauri::command]
pub async fn list_districts(
    state: State<'_, AppState>,
    filter: DistrictFilter,
) -> CommandResult<Vec<District>> {
    Ok(state.store().await?.list_districts(&filter).await?)
}

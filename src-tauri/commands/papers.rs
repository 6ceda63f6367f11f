//! Commands for the Konzeptpapiere screens: the list, one paper with its versions, the editor's
//! autosave and live preview, comparing and restoring versions, status changes, Handlungsfelder,
//! attachments (picked in the system's dialog, opened with the system's program) and links to
//! sessions and TOPs. Each calls one core function; the rules live in the core.
//!
//! "Gespeichert von" is the name the Änderungsprotokoll records too (`Store::user_name`: the name set
//! in Einstellungen, else the operating system's user name).

use chrono::Utc;
use netzwerkmappe_core::document::Document;
use netzwerkmappe_core::paper::{
    AttachmentMeta, DecisionChoice, DraftComparison, DraftInput, Handlungsfeld, LinkTarget, PaperFilter,
    PaperInput, PaperLink, PaperRow, PaperVersion, PaperView, StatusChangeInput, VersionComparison,
    VersionInput, write_private_copy,
};
use tauri::{AppHandle, State};

use netzwerkmappe_core::usecase::papers;

use super::CommandResult;
use crate::dialog;
use crate::state::AppState;

#[tauri::command]
pub async fn list_papers(state: State<'_, AppState>, filter: PaperFilter) -> CommandResult<Vec<PaperRow>> {
    Ok(state.store().await?.list_papers(&filter).await?)
}

#[tauri::command]
pub async fn get_paper(state: State<'_, AppState>, id: i64) -> CommandResult<PaperView> {
    Ok(papers::get_paper(&state.store().await?, id).await?)
}

#[tauri::command]
pub async fn create_paper(state: State<'_, AppState>, input: PaperInput) -> CommandResult<PaperView> {
    let store = state.store().await?;
    let by = store.user_name().await?;
    Ok(papers::create_paper(&store, input, &by, Utc::now()).await?)
}

#[tauri::command]
pub async fn update_paper_meta(
    state: State<'_, AppState>,
    id: i64,
    input: PaperInput,
) -> CommandResult<PaperView> {
    Ok(papers::update_paper_meta(&state.store().await?, id, input, Utc::now()).await?)
}

#[tauri::command]
pub async fn delete_paper(state: State<'_, AppState>, id: i64) -> CommandResult<()> {
    Ok(state.store().await?.delete_paper(id).await?)
}

/// Autosave of the editor (a second after the last key and on leaving the field).
#[tauri::command]
pub async fn save_paper_draft(state: State<'_, AppState>, id: i64, input: DraftInput) -> CommandResult<()> {
    Ok(papers::save_paper_draft(&state.store().await?, id, input, Utc::now()).await?)
}

#[tauri::command]
pub async fn discard_paper_draft(state: State<'_, AppState>, id: i64) -> CommandResult<()> {
    Ok(state.store().await?.discard_paper_draft(id).await?)
}

#[tauri::command]
pub async fn save_paper_version(
    state: State<'_, AppState>,
    id: i64,
    input: VersionInput,
) -> CommandResult<PaperView> {
    let store = state.store().await?;
    let by = store.user_name().await?;
    Ok(papers::save_paper_version(&store, id, input, &by, Utc::now()).await?)
}

#[tauri::command]
pub async fn get_paper_version(state: State<'_, AppState>, id: i64) -> CommandResult<PaperVersion> {
    Ok(state.store().await?.get_paper_version(id).await?)
}

#[tauri::command]
pub async fn compare_paper_versions(
    state: State<'_, AppState>,
    a: i64,
    b: i64,
) -> CommandResult<VersionComparison> {
    Ok(papers::compare_paper_versions(&state.store().await?, a, b).await?)
}

#[tauri::command]
pub async fn compare_paper_draft(state: State<'_, AppState>, version: i64) -> CommandResult<DraftComparison> {
    Ok(papers::compare_paper_draft(&state.store().await?, version).await?)
}

#[tauri::command]
pub async fn restore_paper_version(
    state: State<'_, AppState>,
    id: i64,
    expected_version: Option<i64>,
) -> CommandResult<PaperView> {
    let store = state.store().await?;
    let by = store.user_name().await?;
    Ok(papers::restore_paper_version(&store, id, expected_version, &by, Utc::now()).await?)
}

#[tauri::command]
pub async fn change_paper_status(
    state: State<'_, AppState>,
    id: i64,
    input: StatusChangeInput,
) -> CommandResult<PaperView> {
    let store = state.store().await?;
    let by = store.user_name().await?;
    Ok(papers::change_paper_status(&store, id, input, &by, Utc::now()).await?)
}

#[tauri::command]
pub async fn list_handlungsfelder(state: State<'_, AppState>) -> CommandResult<Vec<Handlungsfeld>> {
    Ok(state.store().await?.list_handlungsfelder().await?)
}

#[tauri::command]
pub async fn add_handlungsfeld(state: State<'_, AppState>, name: String) -> CommandResult<Handlungsfeld> {
    Ok(papers::add_handlungsfeld(&state.store().await?, &name, Utc::now()).await?)
}

/// The editor's live preview: the text as the document tree the window builds its DOM from.
/// Async, so a long text is parsed beside the window's event loop, never on it.
#[tauri::command]
pub async fn render_markdown(text: String) -> CommandResult<Document> {
    Ok(netzwerkmappe_core::markdown::parse(&text))
}

/// "Anhang hinzufügen": the system's open dialog, then the file goes into the data file. `None`
/// when the person cancelled.
#[tauri::command]
pub async fn add_paper_attachment(
    app: AppHandle,
    state: State<'_, AppState>,
    paper_id: i64,
    version_id: Option<i64>,
) -> CommandResult<Option<AttachmentMeta>> {
    let Some(path) = dialog::pick_attachment_file(&app).await else {
        return Ok(None);
    };
    let store = state.store().await?;
    let by = store.user_name().await?;
    Ok(Some(
        papers::add_attachment_from_file(&store, paper_id, version_id, &path, &by, Utc::now()).await?,
    ))
}

/// Opens an attachment with the system's program: its bytes are checked against the checksum,
/// written to a private temporary folder and handed to the system (no webview permission needed).
#[tauri::command]
pub async fn open_paper_attachment(state: State<'_, AppState>, id: i64) -> CommandResult<()> {
    let file = papers::read_attachment(&state.store().await?, id).await?;
    let path = write_private_copy(&file, &std::env::temp_dir())?;
    dialog::open_with_system(&path).map_err(|e| {
        netzwerkmappe_core::Error::io(
            format!(
                "„{}“ konnte nicht geöffnet werden; vielleicht ist für diese Art Datei kein Programm eingerichtet",
                file.meta.file_name
            ),
            e,
        )
    })?;
    Ok(())
}

#[tauri::command]
pub async fn delete_paper_attachment(state: State<'_, AppState>, id: i64) -> CommandResult<()> {
    Ok(state.store().await?.delete_attachment(id, Utc::now()).await?)
}

/// Links a paper to a session (`target.session_id`) or a TOP (`target.agenda_item_id`).
#[tauri::command]
pub async fn link_paper(
    state: State<'_, AppState>,
    paper_id: i64,
    target: LinkTarget,
) -> CommandResult<PaperLink> {
    Ok(papers::link_paper(&state.store().await?, paper_id, target, Utc::now()).await?)
}

#[tauri::command]
pub async fn unlink_paper(state: State<'_, AppState>, link_id: i64) -> CommandResult<()> {
    Ok(state.store().await?.unlink_paper(link_id, Utc::now()).await?)
}

/// The decisions the status form offers for "beschlossen" (linked sessions' first).
#[tauri::command]
pub async fn list_decisions_for_paper(
    state: State<'_, AppState>,
    paper_id: i64,
) -> CommandResult<Vec<DecisionChoice>> {
    Ok(state.store().await?.list_decisions_for_paper(paper_id).await?)
}

/// The papers linked to a session or its TOPs (for the session's screens).
#[tauri::command]
pub async fn list_papers_for_session(
    state: State<'_, AppState>,
    session_id: i64,
) -> CommandResult<Vec<PaperLink>> {
    Ok(state.store().await?.list_papers_for_session(session_id).await?)
}

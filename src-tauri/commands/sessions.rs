//! Commands for the Sitzungen screens: the list, the session form, the agenda editor, the
//! participants and attendance, the `.ics` export ("Speichern unter") and "Beispielnetzwerk laden".
//! Each write calls one use case of `usecase::{sessions, agenda, participants}` (the CLI calls the
//! same ones), each read one store query; the rules live in the core.

use chrono::Utc;
use netzwerkmappe_core::agenda::{AgendaItem, AgendaItemInput, AgendaMove};
use netzwerkmappe_core::berlin::today;
use netzwerkmappe_core::export::write_new_file_at;
use netzwerkmappe_core::ics::file_stem;
use netzwerkmappe_core::invitation::{InvitationMail, invitation_mail};
use netzwerkmappe_core::participant::{Added, Participant, ParticipantSet, ParticipantStatus};
use netzwerkmappe_core::session::{Session, SessionFilter, SessionInput, SessionRow};
use netzwerkmappe_core::usecase;
use netzwerkmappe_core::usecase::demo::DemoSummary;
use serde::Serialize;
use tauri::{AppHandle, State};

use super::CommandResult;
use crate::dialog;
use crate::state::AppState;

#[tauri::command]
pub async fn list_sessions(
    state: State<'_, AppState>,
    filter: SessionFilter,
) -> CommandResult<Vec<SessionRow>> {
    Ok(state
        .store()
        .await?
        .list_sessions(&filter, today(Utc::now()))
        .await?)
}

#[tauri::command]
pub async fn get_session(state: State<'_, AppState>, id: i64) -> CommandResult<Session> {
    Ok(state.store().await?.get_session(id).await?)
}

#[tauri::command]
pub async fn create_session(state: State<'_, AppState>, input: SessionInput) -> CommandResult<Session> {
    Ok(usecase::sessions::create_session(&state.store().await?, input, Utc::now()).await?)
}

/// "Als Vorlage für die nächste Sitzung verwenden": agenda and participants of `source` go along.
#[tauri::command]
pub async fn create_session_from_template(
    state: State<'_, AppState>,
    source: i64,
    input: SessionInput,
) -> CommandResult<Session> {
    Ok(
        usecase::sessions::create_session_from_template(&state.store().await?, source, input, Utc::now())
            .await?,
    )
}

#[tauri::command]
pub async fn update_session(
    state: State<'_, AppState>,
    id: i64,
    input: SessionInput,
) -> CommandResult<Session> {
    Ok(usecase::sessions::update_session(&state.store().await?, id, input, Utc::now()).await?)
}

#[tauri::command]
pub async fn delete_session(state: State<'_, AppState>, id: i64) -> CommandResult<()> {
    Ok(usecase::sessions::delete_session(&state.store().await?, id).await?)
}

#[tauri::command]
pub async fn list_agenda(state: State<'_, AppState>, session: i64) -> CommandResult<Vec<AgendaItem>> {
    Ok(state.store().await?.list_agenda(session).await?)
}

#[tauri::command]
pub async fn add_agenda_item(
    state: State<'_, AppState>,
    session: i64,
    input: AgendaItemInput,
) -> CommandResult<AgendaItem> {
    Ok(usecase::agenda::add_agenda_item(&state.store().await?, session, input, Utc::now()).await?)
}

/// TOP 1 "Genehmigung des Protokolls der letzten Sitzung", linked to the latest draft minutes.
#[tauri::command]
pub async fn add_minutes_approval_item(
    state: State<'_, AppState>,
    session: i64,
) -> CommandResult<AgendaItem> {
    Ok(usecase::agenda::add_minutes_approval_item(&state.store().await?, session, Utc::now()).await?)
}

#[tauri::command]
pub async fn update_agenda_item(
    state: State<'_, AppState>,
    id: i64,
    input: AgendaItemInput,
) -> CommandResult<AgendaItem> {
    Ok(usecase::agenda::update_agenda_item(&state.store().await?, id, input, Utc::now()).await?)
}

/// Answers the agenda as it is afterwards (numbers and clock times follow).
#[tauri::command]
pub async fn delete_agenda_item(state: State<'_, AppState>, id: i64) -> CommandResult<Vec<AgendaItem>> {
    Ok(usecase::agenda::delete_agenda_item(&state.store().await?, id).await?)
}

/// Up, down, indent (becomes TOP n.1 of the one above) or outdent; answers the new agenda.
#[tauri::command]
pub async fn move_agenda_item(
    state: State<'_, AppState>,
    id: i64,
    how: AgendaMove,
) -> CommandResult<Vec<AgendaItem>> {
    Ok(usecase::agenda::move_agenda_item(&state.store().await?, id, how, Utc::now()).await?)
}

#[tauri::command]
pub async fn list_participants(state: State<'_, AppState>, session: i64) -> CommandResult<Vec<Participant>> {
    Ok(state.store().await?.list_participants(session).await?)
}

/// Adds people one by one or as a set (`{"set":"region","value":"084"}`, see `ParticipantSet`).
#[tauri::command]
pub async fn add_participants(
    state: State<'_, AppState>,
    session: i64,
    set: ParticipantSet,
) -> CommandResult<Added> {
    Ok(usecase::participants::add_participants(&state.store().await?, session, &set, Utc::now()).await?)
}

/// Several status changes at once (the attendance checklist), in one transaction.
#[tauri::command]
pub async fn set_participant_status(
    state: State<'_, AppState>,
    session: i64,
    changes: Vec<(i64, ParticipantStatus)>,
) -> CommandResult<Vec<Participant>> {
    Ok(
        usecase::participants::set_participant_status(&state.store().await?, session, &changes, Utc::now())
            .await?,
    )
}

#[tauri::command]
pub async fn remove_participant(
    state: State<'_, AppState>,
    session: i64,
    participant: i64,
) -> CommandResult<()> {
    Ok(usecase::participants::remove_participant(&state.store().await?, session, participant).await?)
}

/// Where the calendar file went.
#[derive(Debug, Clone, Serialize)]
pub struct SavedFile {
    pub path: String,
}

/// The session as an `.ics` for Outlook and Thunderbird: built first (so a problem is reported
/// before the dialog), then "Speichern unter" (Downloads, "Sitzung <Datum> <Titel>.ics"), never
/// overwriting. A cancelled dialog answers `null`.
#[tauri::command]
pub async fn export_session_ics(
    app: AppHandle,
    state: State<'_, AppState>,
    id: i64,
) -> CommandResult<Option<SavedFile>> {
    let store = state.store().await?;
    let session = store.get_session(id).await?;
    let text = usecase::sessions::session_ics(&store, id, Utc::now()).await?;
    let name = format!("{}.ics", file_stem(&session));
    match dialog::save_target(&app, &dialog::CALENDAR_TARGET, &name).await {
        Some(target) => {
            write_new_file_at(&target, text.as_bytes())?;
            Ok(Some(SavedFile {
                path: target.display().to_string(),
            }))
        }
        None => Ok(None),
    }
}

/// "Beispielnetzwerk laden": fills an empty data file with the demo network; refuses one with data.
#[tauri::command]
pub async fn load_demo(state: State<'_, AppState>) -> CommandResult<DemoSummary> {
    Ok(netzwerkmappe_core::usecase::demo::fill(&state.store().await?, Utc::now()).await?)
}

/// "Einladung per E-Mail": opens the mail program with the invited and accepted people in BCC and
/// the German invitation (date, place or link, agenda); when the link would be too long or no mail
/// program answers, the window offers subject, text and addresses for copying.
#[tauri::command]
pub async fn write_invitation(state: State<'_, AppState>, id: i64) -> CommandResult<InvitationMail> {
    let (invitation, addresses) = usecase::sessions::session_invitation(&state.store().await?, id).await?;
    let mut mail = invitation_mail(&invitation, &addresses)?;
    if let Some(link) = &mail.link {
        mail.opened = open::that_detached(link).is_ok();
    }
    Ok(mail)
}

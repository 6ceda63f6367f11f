//! Use cases of sessions: create, change, delete, "Als Vorlage für die nächste Sitzung verwenden",
//! a session named on the command line, its `.ics` and its invitation (see `usecase/mod.rs` for
//! the layer's shape). The rules are `crate::session` and `crate::minutes`, the documents
//! `crate::ics` / `crate::invitation`, the SQL `store/sessions.rs` (and `store/agenda.rs`,
//! `store/participants.rs` for the template's copy).

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::SqliteConnection;

use crate::invitation::Invitation;
use crate::minutes::check_session_deletable;
use crate::participant::ParticipantStatus;
use crate::session::{Session, SessionFields, SessionInput, SessionReference, check_update, host_gone};
use crate::store::agenda::copy_agenda;
use crate::store::audit::{record_audit, session_words_of};
use crate::store::participants::copy_participants;
use crate::store::session_index::index_session_tree;
use crate::store::sessions as sql;
use crate::store::write::{Versioned, check_version};
use crate::{Result, store::Store};

pub async fn create_session(store: &Store, input: SessionInput, now: DateTime<Utc>) -> Result<Session> {
    let fields = input.normalised()?;
    let mut tx = store.begin_write().await?;
    check_host(&mut tx, &fields).await?;
    let id = sql::insert_session(&mut tx, &fields, now).await?;
    tx.commit().await?;
    store.get_session(id).await
}

/// "Als Vorlage für die nächste Sitzung verwenden": a new session from `input` with the agenda
/// (TOPs, sub-items, planned minutes, responsible people; without minutes texts) and the
/// participants (invited again, with today's names) of session `source_id`. One transaction.
pub async fn create_session_from_template(
    store: &Store,
    source_id: i64,
    input: SessionInput,
    now: DateTime<Utc>,
) -> Result<Session> {
    let fields = input.normalised()?;
    let mut tx = store.begin_write().await?;
    sql::load_session(&mut tx, source_id).await?;
    check_host(&mut tx, &fields).await?;
    let id = sql::insert_session(&mut tx, &fields, now).await?;
    copy_agenda(&mut tx, source_id, id, now).await?;
    copy_participants(&mut tx, source_id, id, now).await?;
    index_session_tree(&mut tx, id).await?;
    tx.commit().await?;
    store.get_session(id).await
}

/// Saves the form over the stored session. Refused when someone changed it meanwhile
/// (`expected_version`), when the status may not follow the stored one, or when the session's
/// date or times would change after its minutes were approved (`session::check_update`).
pub async fn update_session(
    store: &Store,
    id: i64,
    input: SessionInput,
    now: DateTime<Utc>,
) -> Result<Session> {
    let fields = input.normalised()?;
    let mut tx = store.begin_write().await?;
    check_version(&mut tx, Versioned::Session, id, fields.expected_version).await?;
    let stored = sql::load_session(&mut tx, id).await?;
    check_update(&stored, &fields)?;
    check_host(&mut tx, &fields).await?;
    sql::update_session(&mut tx, id, &fields, now).await?;
    index_session_tree(&mut tx, id).await?;
    tx.commit().await?;
    store.get_session(id).await
}

/// Deletes a session with its agenda, participants and draft minutes, traced in the
/// Änderungsprotokoll. Refused when its minutes are approved (they are the record of what the
/// network decided).
pub async fn delete_session(store: &Store, id: i64) -> Result<()> {
    let mut tx = store.begin_write().await?;
    let stored = sql::load_session(&mut tx, id).await?;
    check_session_deletable(stored.minutes_status)?;
    let words = session_words_of(&mut tx, id).await?;
    record_audit(&mut tx, &crate::audit::session_deleted(id, &words), None).await?;
    sql::delete_session(&mut tx, id).await?;
    tx.commit().await?;
    Ok(())
}

/// A session as people name it on the command line: its number ("12"), "naechste"/"nächste"
/// (the next one from `today` on that is not cancelled) or "letzte" (the latest one before
/// `today` that was not cancelled). German message when there is none (`SessionReference`).
pub async fn find_session(store: &Store, reference: &str, today: NaiveDate) -> Result<Session> {
    let reference = SessionReference::parse(reference)?;
    let id = match reference {
        SessionReference::Number(id) => Some(id),
        SessionReference::Next => store.next_session_id(today).await?,
        SessionReference::Last => store.last_session_id(today).await?,
    };
    match id {
        Some(id) => store.get_session(id).await,
        None => Err(reference.none_found()),
    }
}

/// The session as an iCalendar file's text (see `crate::ics`): agenda in the description,
/// participants with an e-mail address as attendees. `now` is the DTSTAMP.
pub async fn session_ics(store: &Store, id: i64, now: DateTime<Utc>) -> Result<String> {
    let session = store.get_session(id).await?;
    let agenda = store.list_agenda(id).await?;
    let participants = store.list_participants(id).await?;
    crate::ics::session_ics(&session, &agenda, &participants, now)
}

/// Subject and body of "Einladung per E-Mail" (see `crate::invitation`), and the participants'
/// addresses for the BCC field (only those still invited or accepted).
pub async fn session_invitation(store: &Store, id: i64) -> Result<(Invitation, Vec<String>)> {
    let session = store.get_session(id).await?;
    let agenda = store.list_agenda(id).await?;
    let recipients = store
        .list_participants(id)
        .await?
        .into_iter()
        .filter(|p| {
            matches!(
                p.status,
                ParticipantStatus::Eingeladen | ParticipantStatus::Zugesagt
            )
        })
        .filter_map(|p| p.email)
        .collect();
    Ok((crate::invitation::invitation(&session, &agenda), recipients))
}

/// The chosen host organisation must (still) exist.
async fn check_host(conn: &mut SqliteConnection, fields: &SessionFields) -> Result<()> {
    match fields.host_organisation_id {
        Some(id) if !sql::organisation_exists(conn, id).await? => Err(host_gone()),
        _ => Ok(()),
    }
}

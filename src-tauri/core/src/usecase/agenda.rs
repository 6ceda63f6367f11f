//! Use cases of the agenda (Tagesordnung): adding, changing, moving and deleting TOPs and the TOP
//! "Genehmigung des Protokolls" (see `usecase/mod.rs` for the layer's shape). The rules are
//! `crate::agenda` (one sub-level, moves, no self-approval, no deleting a TOP with decisions) and
//! the approval lock of `crate::minutes`; the SQL is `store/agenda.rs`.

use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use crate::agenda::{
    self, APPROVAL_TOP_TITLE, AgendaItem, AgendaItemInput, AgendaMove, Placement, apply_move, close_ranks,
};
use crate::minutes::check_editable;
use crate::store::agenda as sql;
use crate::store::audit::{record_audit, session_words_of};
use crate::store::session_index::index_session_tree;
use crate::store::sessions::{load_session, minutes_status};
use crate::store::write::{Versioned, check_version};
use crate::{Result, store::Store};

/// Minutes the TOP "Genehmigung des Protokolls" is planned with.
const APPROVAL_TOP_MINUTES: i64 = 5;

/// Adds a TOP at the end (or as the last sub-item of `input.parent_id`). Returns the new TOP with
/// its number.
pub async fn add_agenda_item(
    store: &Store,
    session_id: i64,
    input: AgendaItemInput,
    now: DateTime<Utc>,
) -> Result<AgendaItem> {
    let input = input.normalised()?;
    let id = change_agenda(store, Of::Session(session_id), None, async |conn, session_id| {
        if let Some(parent) = input.parent_id {
            agenda::check_one_sub_level(sql::is_sub_item(conn, parent, session_id).await?)?;
        }
        check_approved_session(conn, input.approves_session_id, session_id).await?;
        check_responsible(conn, &input.responsible_contact_ids).await?;
        let id = sql::insert_item(conn, session_id, &input, now).await?;
        sql::set_responsible(conn, id, &input.responsible_contact_ids).await?;
        Ok(id)
    })
    .await?;
    store.get_agenda_item(id).await
}

/// "Genehmigung des Protokolls der letzten Sitzung" as TOP 1 of session `session_id` (the other
/// TOPs move down), linked to the draft minutes of the latest earlier session that was not
/// cancelled; recording a decision on it approves those minutes.
pub async fn add_minutes_approval_item(
    store: &Store,
    session_id: i64,
    now: DateTime<Utc>,
) -> Result<AgendaItem> {
    let id = change_agenda(store, Of::Session(session_id), None, async |conn, session_id| {
        let session = load_session(conn, session_id).await?;
        let previous = sql::previous_draft_minutes(conn, &session)
            .await?
            .ok_or_else(agenda::no_minutes_to_approve)?;
        sql::insert_first_item(
            conn,
            session_id,
            APPROVAL_TOP_TITLE,
            APPROVAL_TOP_MINUTES,
            previous,
            now,
        )
        .await
    })
    .await?;
    store.get_agenda_item(id).await
}

/// Saves title, description, planned minutes, responsible people and the approval link of a
/// TOP (its place changes only through [`move_agenda_item`]).
pub async fn update_agenda_item(
    store: &Store,
    id: i64,
    input: AgendaItemInput,
    now: DateTime<Utc>,
) -> Result<AgendaItem> {
    let input = input.normalised()?;
    let of = Of::Item(id);
    change_agenda(store, of, input.expected_version, async |conn, session_id| {
        check_approved_session(conn, input.approves_session_id, session_id).await?;
        check_responsible(conn, &input.responsible_contact_ids).await?;
        sql::update_item(conn, id, &input, now).await?;
        sql::set_responsible(conn, id, &input.responsible_contact_ids).await
    })
    .await?;
    store.get_agenda_item(id).await
}

/// Deletes a TOP (with its sub-items); the others close ranks. Refused when decisions or action
/// items were recorded on it, or when the minutes are approved. Traced in the Änderungsprotokoll.
pub async fn delete_agenda_item(store: &Store, id: i64) -> Result<Vec<AgendaItem>> {
    let session_id = change_agenda(store, Of::Item(id), None, async |conn, session_id| {
        agenda::check_deletable(sql::recorded_on(conn, id).await?)?;
        let title = sql::item_title(conn, id).await?;
        let words = session_words_of(conn, session_id).await?;
        let event = crate::audit::agenda_item_deleted(session_id, &words, &title);
        record_audit(conn, &event, None).await?;
        sql::delete_item(conn, id).await?;
        let placements = sql::placements_of(conn, session_id).await?;
        sql::write_placements(conn, &close_ranks(&placements)).await?;
        Ok(session_id)
    })
    .await?;
    store.list_agenda(session_id).await
}

/// Moves a TOP up, down, in or out (keyboard and mouse do the same); every TOP's place is
/// rewritten in one transaction, so numbering follows. Returns the new agenda.
pub async fn move_agenda_item(
    store: &Store,
    id: i64,
    how: AgendaMove,
    now: DateTime<Utc>,
) -> Result<Vec<AgendaItem>> {
    let session_id = change_agenda(store, Of::Item(id), None, async |conn, session_id| {
        let before = sql::placements_of(conn, session_id).await?;
        let after = apply_move(&before, id, how)?;
        let changed: Vec<Placement> = after.iter().copied().filter(|p| !before.contains(p)).collect();
        sql::write_placements(conn, &changed).await?;
        sql::touch_item(conn, id, now).await?;
        Ok(session_id)
    })
    .await?;
    store.list_agenda(session_id).await
}

/// The record a change of the agenda is about.
#[derive(Debug, Clone, Copy)]
enum Of {
    Session(i64),
    /// A TOP, version-checked.
    Item(i64),
}

/// One transaction around a change of a session's agenda: the TOP's version checked, the session
/// found, the approval lock applied (the agenda is what the minutes follow), then `change` with the
/// session's id, then the session's search rows rebuilt, then commit.
async fn change_agenda<T>(
    store: &Store,
    of: Of,
    expected_version: Option<i64>,
    change: impl AsyncFnOnce(&mut SqliteConnection, i64) -> Result<T>,
) -> Result<T> {
    let mut tx = store.begin_write().await?;
    let session_id = match of {
        Of::Session(id) => load_session(&mut tx, id).await?.id,
        Of::Item(id) => {
            check_version(&mut tx, Versioned::AgendaItem, id, expected_version).await?;
            sql::session_of_item(&mut tx, id).await?
        }
    };
    check_editable(minutes_status(&mut tx, session_id).await?)?;
    let out = change(&mut *tx, session_id).await?;
    index_session_tree(&mut tx, session_id).await?;
    tx.commit().await?;
    Ok(out)
}

/// A TOP can approve the minutes of another, existing session only.
async fn check_approved_session(
    conn: &mut SqliteConnection,
    approves: Option<i64>,
    session_id: i64,
) -> Result<()> {
    agenda::check_approves(approves, session_id)?;
    if let Some(other) = approves {
        load_session(conn, other).await?;
    }
    Ok(())
}

async fn check_responsible(conn: &mut SqliteConnection, contacts: &[i64]) -> Result<()> {
    if sql::contacts_exist(conn, contacts).await? {
        Ok(())
    } else {
        Err(agenda::responsible_gone())
    }
}

//! Use cases of the minutes: Protokollführung, discussion per TOP, decisions, action items,
//! "Protokoll genehmigen" and Nachträge (see `usecase/mod.rs` for the layer's shape). The window's
//! commands (`commands/minutes.rs`) call these functions; the rules are `crate::minutes`, the SQL
//! `store/minutes.rs` and `store/action_items.rs`.
//!
//! Every change goes through [`change_minutes`]: one transaction, the session found from the
//! record, the minutes begun when needed, the approval lock, the change, the session's search rows,
//! commit. A change states only what is its own.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use sqlx::SqliteConnection;

use crate::agenda::{AgendaItem, reading_order};
use crate::berlin::{stored_date, today};
use crate::minutes::{
    self, ActionItem, ActionItemFields, ActionItemInput, ActionStatus, Addendum, AddendumInput, Decision,
    DecisionInput, Minutes, MinutesInput, MinutesStatus,
};
use crate::participant::display_name;
use crate::session::SessionStatus;
use crate::store::action_items;
use crate::store::agenda::{placements_of, session_of_item};
use crate::store::audit::{record_audit, session_words_of};
use crate::store::minutes as sql;
use crate::store::session_index::index_session_tree;
use crate::store::sessions::{load_session, minutes_status};
use crate::store::write::{Versioned, check_version};
use crate::{Result, store::Store};

/// "Protokoll genehmigen": Entwurf → freigegeben, who and when; from then on the minutes are
/// read-only (corrections are Nachträge).
pub async fn approve_minutes(
    store: &Store,
    session_id: i64,
    approved_by: &str,
    now: DateTime<Utc>,
) -> Result<Minutes> {
    change_minutes(
        store,
        Of::Session(session_id),
        None,
        Lock::Own,
        async |conn, open| approve(conn, open.session_id, open.minutes, approved_by, now).await,
    )
    .await?;
    store.get_minutes_row(session_id).await
}

/// Protokollführung (a contact, or a name as written). Begins the minutes if needed.
pub async fn update_minutes(
    store: &Store,
    session_id: i64,
    input: MinutesInput,
    now: DateTime<Utc>,
) -> Result<Minutes> {
    let of = Of::Session(session_id);
    change_minutes(
        store,
        of,
        input.expected_version,
        Lock::Begin(now),
        async |conn, open| {
            let mut name = minutes::minute_taker_name(input.minute_taker_name);
            if let Some(contact) = input.minute_taker_contact_id
                && name.is_none()
            {
                name = Some(person_name(conn, contact, "Protokollführung").await?);
            }
            let minutes_id = open.minutes_id.unwrap_or_default();
            sql::set_minute_taker(
                conn,
                minutes_id,
                input.minute_taker_contact_id,
                name.as_deref(),
                now,
            )
            .await
        },
    )
    .await?;
    store.get_minutes_row(session_id).await
}

/// Saves the discussion text of a TOP (the minutes form saves while the user types). Text is
/// kept exactly as typed or pasted. `expected_version` is the TOP's version the text was read at.
pub async fn set_discussion(
    store: &Store,
    agenda_item_id: i64,
    text: &str,
    expected_version: Option<i64>,
    now: DateTime<Utc>,
) -> Result<AgendaItem> {
    let text = minutes::discussion(text)?;
    let of = Of::AgendaItem(agenda_item_id);
    change_minutes(store, of, expected_version, Lock::Begin(now), async |conn, _| {
        sql::set_discussion(conn, agenda_item_id, text, now).await
    })
    .await?;
    store.get_agenda_item(agenda_item_id).await
}

/// Records a decision. Numbers follow the agenda (renumbered in the same transaction). A
/// decision on a TOP "Genehmigung des Protokolls" approves the linked minutes.
pub async fn add_decision(
    store: &Store,
    session_id: i64,
    input: DecisionInput,
    now: DateTime<Utc>,
) -> Result<Decision> {
    let input = input.normalised()?;
    let of = Of::Session(session_id);
    let id = change_minutes(store, of, None, Lock::Begin(now), async |conn, open| {
        check_item_of_session(conn, input.agenda_item_id, session_id).await?;
        let id = sql::insert_decision(conn, session_id, input.agenda_item_id, &input.text, now).await?;
        renumber_decisions(conn, session_id).await?;
        if let Some(item) = input.agenda_item_id {
            approve_linked_minutes(conn, item, open.session_id, id, now).await?;
        }
        Ok(id)
    })
    .await?;
    store.get_decision(id).await
}

pub async fn update_decision(
    store: &Store,
    id: i64,
    input: DecisionInput,
    now: DateTime<Utc>,
) -> Result<Decision> {
    let input = input.normalised()?;
    let of = Of::Decision(id);
    change_minutes(
        store,
        of,
        input.expected_version,
        Lock::Draft,
        async |conn, open| {
            check_item_of_session(conn, input.agenda_item_id, open.session_id).await?;
            sql::update_decision(conn, id, input.agenda_item_id, &input.text, now).await?;
            renumber_decisions(conn, open.session_id).await
        },
    )
    .await?;
    store.get_decision(id).await
}

/// Draft minutes may lose a decision, but not without a trace in the Änderungsprotokoll (issue 13).
pub async fn delete_decision(store: &Store, id: i64) -> Result<()> {
    change_minutes(store, Of::Decision(id), None, Lock::Draft, async |conn, open| {
        let gone = sql::load_decision(conn, id).await?;
        let words = session_words_of(conn, open.session_id).await?;
        let event = crate::audit::decision_deleted(open.session_id, &words, &gone.label, &gone.text);
        record_audit(conn, &event, None).await?;
        sql::delete_decision(conn, id).await?;
        renumber_decisions(conn, open.session_id).await
    })
    .await
}

/// Records an action item (owner: a contact and/or an organisation; due date not before the
/// session). `now` also decides "today" for a done date left empty.
pub async fn add_action_item(
    store: &Store,
    session_id: i64,
    input: ActionItemInput,
    now: DateTime<Utc>,
) -> Result<ActionItem> {
    let of = Of::Session(session_id);
    let id = change_minutes(store, of, None, Lock::Begin(now), async |conn, _| {
        let session = load_session(conn, session_id).await?;
        let fields = input.normalised(stored_date(&session.date)?, today(now))?;
        check_item_of_session(conn, fields.agenda_item_id, session_id).await?;
        let owner = owner_name(conn, &fields).await?;
        action_items::insert_action_item(conn, session_id, &fields, owner.as_deref(), now).await
    })
    .await?;
    store.get_action_item(id).await
}

/// Saves an action item from the minutes form. While the minutes are a draft everything may
/// change; once approved only status and done date (`minutes::check_action_item_change`).
pub async fn update_action_item(
    store: &Store,
    id: i64,
    input: ActionItemInput,
    now: DateTime<Utc>,
) -> Result<ActionItem> {
    let of = Of::ActionItem(id);
    change_minutes(
        store,
        of,
        input.expected_version,
        Lock::Own,
        async |conn, open| {
            let stored = action_items::load_action_item(conn, id).await?;
            let session = load_session(conn, open.session_id).await?;
            let fields = input.normalised(stored_date(&session.date)?, today(now))?;
            let content_changed = minutes::check_action_item_change(&stored, &fields, open.minutes)?;
            check_item_of_session(conn, fields.agenda_item_id, open.session_id).await?;
            let owner = if content_changed {
                owner_name(conn, &fields).await?
            } else {
                stored.owner_name.clone()
            };
            action_items::update_action_item(conn, id, &fields, owner.as_deref(), now).await
        },
    )
    .await?;
    store.get_action_item(id).await
}

/// Marks an action item done (on `done_on`, default today) or open again, from the
/// Aufgabenübersicht; allowed also after approval (following up is not editing the minutes).
pub async fn set_action_item_status(
    store: &Store,
    id: i64,
    status: ActionStatus,
    done_on: Option<NaiveDate>,
    expected_version: Option<i64>,
    now: DateTime<Utc>,
) -> Result<ActionItem> {
    let done = minutes::done_date(status, done_on, today(now));
    change_minutes(
        store,
        Of::ActionItem(id),
        expected_version,
        Lock::Own,
        async |conn, _| action_items::set_action_item_status(conn, id, status, done, now).await,
    )
    .await?;
    store.get_action_item(id).await
}

pub async fn delete_action_item(store: &Store, id: i64) -> Result<()> {
    change_minutes(
        store,
        Of::ActionItem(id),
        None,
        Lock::Draft,
        async |conn, open| {
            let gone = action_items::load_action_item(conn, id).await?;
            let words = session_words_of(conn, open.session_id).await?;
            let event = crate::audit::action_item_deleted(open.session_id, &words, &gone.what);
            record_audit(conn, &event, None).await?;
            action_items::delete_action_item(conn, id).await
        },
    )
    .await
}

/// Records a Nachtrag to approved minutes (a correction that stays visible beside them).
pub async fn add_addendum(
    store: &Store,
    session_id: i64,
    input: AddendumInput,
    now: DateTime<Utc>,
) -> Result<Addendum> {
    let of = Of::Session(session_id);
    let id = change_minutes(store, of, None, Lock::Own, async |conn, _| {
        let approval = sql::approval_of(conn, session_id).await?;
        let approved_on = minutes::approved_on(approval.as_ref().and_then(|(_, at)| at.as_deref()));
        let fields = input.normalised(approval.map(|(s, _)| s), approved_on, today(now))?;
        let id = sql::insert_addendum(conn, session_id, &fields, now).await?;
        let words = session_words_of(conn, session_id).await?;
        let event = crate::audit::addendum(session_id, &words, &fields.reason);
        record_audit(conn, &event, Some(now)).await?;
        Ok(id)
    })
    .await?;
    store.get_addendum(id).await
}

// ---- the one write path of the minutes ----

/// The record a change is about; the session whose minutes change is found from it.
#[derive(Debug, Clone, Copy)]
enum Of {
    Session(i64),
    AgendaItem(i64),
    Decision(i64),
    ActionItem(i64),
}

/// What the approval lock asks of a change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lock {
    /// Adds to the minutes: begins them when needed (never for a cancelled session, the session's
    /// place in its year fixed at `now`), then as [`Lock::Draft`].
    Begin(DateTime<Utc>),
    /// Part of the minutes: refused once they are approved (`minutes::check_editable`).
    Draft,
    /// Follows its own rule: approval, Nachtrag, following up an action item.
    Own,
}

/// The facts a change starts from, read inside its transaction.
#[derive(Debug, Clone, Copy)]
struct Open {
    session_id: i64,
    /// The minutes row (begun by a [`Lock::Begin`] change), `None` when there is none.
    minutes_id: Option<i64>,
    minutes: Option<MinutesStatus>,
}

/// One transaction around a change of a session's minutes: the record's version checked
/// (`expected_version`: the record's, or the minutes' for [`Of::Session`] with [`Lock::Begin`]), the session found, the
/// minutes begun and the lock applied as `lock` says, then `change`, then the session's search rows
/// rebuilt, then commit.
async fn change_minutes<T>(
    store: &Store,
    of: Of,
    expected_version: Option<i64>,
    lock: Lock,
    change: impl AsyncFnOnce(&mut SqliteConnection, Open) -> Result<T>,
) -> Result<T> {
    let mut tx = store.begin_write().await?;
    let session_id = match of {
        Of::Session(id) => load_session(&mut tx, id).await?.id,
        Of::AgendaItem(id) => {
            check_version(&mut tx, Versioned::AgendaItem, id, expected_version).await?;
            session_of_item(&mut tx, id).await?
        }
        Of::Decision(id) => {
            check_version(&mut tx, Versioned::Decision, id, expected_version).await?;
            sql::load_decision(&mut tx, id).await?.session_id
        }
        Of::ActionItem(id) => {
            check_version(&mut tx, Versioned::ActionItem, id, expected_version).await?;
            action_items::load_action_item(&mut tx, id).await?.session_id
        }
    };
    let minutes_id = match lock {
        Lock::Begin(now) => {
            let id = begin_minutes(&mut tx, session_id, now).await?;
            if let Of::Session(_) = of {
                check_version(&mut tx, Versioned::Minutes, id, expected_version).await?;
            }
            Some(id)
        }
        Lock::Draft | Lock::Own => sql::minutes_id(&mut tx, session_id).await?,
    };
    let status = minutes_status(&mut tx, session_id).await?;
    if lock != Lock::Own {
        minutes::check_editable(status)?;
    }
    let open = Open {
        session_id,
        minutes_id,
        minutes: status,
    };
    let out = change(&mut *tx, open).await?;
    index_session_tree(&mut tx, session_id).await?;
    tx.commit().await?;
    Ok(out)
}

/// The minutes row of a session, begun when missing: the session's place in its year is fixed
/// now (see `minutes.ordinal`). Minutes belong to sessions that were not cancelled.
async fn begin_minutes(conn: &mut SqliteConnection, session_id: i64, now: DateTime<Utc>) -> Result<i64> {
    if let Some(id) = sql::minutes_id(conn, session_id).await? {
        return Ok(id);
    }
    let session = load_session(conn, session_id).await?;
    minutes::check_may_begin(session.status == SessionStatus::Abgesagt)?;
    let year = stored_date(&session.date)?.year();
    let earlier = sql::earlier_sessions_of_year(conn, &session, year).await?;
    sql::insert_minutes(conn, session_id, year, minutes::session_ordinal(earlier), now).await
}

/// Approves a session's minutes inside the caller's transaction, traced in the Änderungsprotokoll.
async fn approve(
    conn: &mut SqliteConnection,
    session_id: i64,
    status: Option<MinutesStatus>,
    approved_by: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    minutes::check_approval(status, approved_by)?;
    let words = session_words_of(conn, session_id).await?;
    let event = crate::audit::minutes_approved(session_id, &words, approved_by.trim());
    record_audit(conn, &event, Some(now)).await?;
    sql::set_approved(conn, session_id, approved_by.trim(), now).await
}

/// A decision on a TOP that approves another session's minutes approves them, in the same
/// transaction, naming the decision.
async fn approve_linked_minutes(
    conn: &mut SqliteConnection,
    item: i64,
    session_id: i64,
    decision_id: i64,
    now: DateTime<Utc>,
) -> Result<()> {
    let Some(other) = sql::approved_by_item(conn, item).await? else {
        return Ok(());
    };
    let other_status = minutes_status(conn, other).await?;
    if !minutes::approves_linked(other_status) {
        return Ok(());
    }
    let label = sql::load_decision(conn, decision_id).await?.label;
    let title = load_session(conn, session_id).await?.title;
    let by = minutes::approved_by_decision(&label, &title);
    approve(conn, other, other_status, &by, now).await?;
    index_session_tree(conn, other).await
}

/// Rewrites decision numbers 1, 2, 3 … in agenda order (`minutes::number_in_agenda`).
async fn renumber_decisions(conn: &mut SqliteConnection, session_id: i64) -> Result<()> {
    let agenda: Vec<i64> = reading_order(&placements_of(conn, session_id).await?)
        .into_iter()
        .map(|p| p.id)
        .collect();
    let decisions = sql::decision_items(conn, session_id).await?;
    sql::set_decision_numbers(conn, &minutes::number_in_agenda(&agenda, &decisions)).await
}

async fn check_item_of_session(
    conn: &mut SqliteConnection,
    item: Option<i64>,
    session_id: i64,
) -> Result<()> {
    let item_session = match item {
        Some(item) => Some(session_of_item(conn, item).await?),
        None => None,
    };
    minutes::check_item_of_session(item_session, session_id)
}

/// A contact's name as shown; refused (naming `field`) when the contact was deleted meanwhile.
async fn person_name(conn: &mut SqliteConnection, id: i64, field: &str) -> Result<String> {
    action_items::contact_name_parts(conn, id)
        .await?
        .map(|(t, f, l)| display_name(t.as_deref(), f.as_deref(), &l))
        .ok_or_else(|| minutes::person_gone(field))
}

/// The owner as stored with the item (`minutes::owner_label`), the organisation being the chosen
/// one or else the person's.
async fn owner_name(conn: &mut SqliteConnection, f: &ActionItemFields) -> Result<Option<String>> {
    let person = match f.owner_contact_id {
        Some(id) => Some(person_name(conn, id, "Verantwortlich").await?),
        None => None,
    };
    let org_id = match (f.owner_organisation_id, f.owner_contact_id) {
        (Some(org), _) => Some(org),
        (None, Some(contact)) => action_items::organisation_of_contact(conn, contact).await?,
        (None, None) => None,
    };
    let org = match org_id {
        Some(id) => Some(
            action_items::organisation_name(conn, id)
                .await?
                .ok_or_else(minutes::organisation_gone)?,
        ),
        None => None,
    };
    Ok(minutes::owner_label(person, org))
}

//! SQL for minutes: discussion per TOP, decisions (renumbered in agenda order while a draft),
//! action items and the Aufgabenübersicht, approval, Nachträge. Every rule (lock, numbering,
//! addendum, due dates) comes from `crate::minutes`; this file loads, calls and writes.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use sqlx::{QueryBuilder, Sqlite, SqliteConnection};

use super::agenda::{placements_of, session_of_item};
use super::search::remove_rows;
use super::session_index::index_session_tree;
use super::sessions::{load_session, minutes_status};
use super::write::{Versioned, check_version, timestamp};
use crate::agenda::reading_order;
use crate::berlin::{iso_date, stored_date, today};
use crate::minutes::{
    ActionItem, ActionItemFields, ActionItemFilter, ActionItemInput, ActionItemRow, ActionStatus, Addendum,
    AddendumInput, Decision, DecisionInput, Minutes, MinutesInput, MinutesStatus, MinutesView,
    check_approval, check_editable, decision_label, number_decisions, session_ordinal,
};
use crate::participant::display_name;
use crate::search::SearchKind;
use crate::session::SessionStatus;
use crate::{Error, Result, Store};

const SELECT_MINUTES: &str =
    "SELECT id, session_id, status, minute_taker_contact_id, minute_taker_name, year, ordinal,
    approved_by, approved_at, created_at, updated_at, version FROM minutes";
const SELECT_ACTION: &str =
    "SELECT id, session_id, agenda_item_id, what, owner_contact_id, owner_organisation_id,
    owner_name, due_date, status, done_date, created_at, updated_at, version FROM action_items";

impl Store {
    /// Everything of a session's minutes: status, decisions with their numbers, action items,
    /// Nachträge. (The per-TOP discussion comes with [`Store::list_agenda`].)
    pub async fn get_minutes(&self, session_id: i64) -> Result<MinutesView> {
        let mut conn = self.pool.acquire().await?;
        load_session(&mut conn, session_id).await?;
        let sql = format!("{SELECT_MINUTES} WHERE session_id = ?1");
        let minutes: Option<Minutes> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(session_id)
            .fetch_optional(&mut *conn)
            .await?;
        let mut decisions: Vec<Decision> = sqlx::query_as(
            "SELECT id, session_id, agenda_item_id, number, text, created_at, updated_at, version
             FROM decisions WHERE session_id = ?1 ORDER BY number",
        )
        .bind(session_id)
        .fetch_all(&mut *conn)
        .await?;
        if let Some(m) = &minutes {
            for d in &mut decisions {
                d.label = decision_label(m.ordinal, m.year, d.number);
            }
        }
        let sql = format!("{SELECT_ACTION} WHERE session_id = ?1 ORDER BY id");
        let action_items = sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(session_id)
            .fetch_all(&mut *conn)
            .await?;
        let addenda = sqlx::query_as(
            "SELECT id, session_id, date, reason, text, created_at FROM minutes_addenda WHERE session_id = ?1 ORDER BY id",
        )
        .bind(session_id)
        .fetch_all(&mut *conn)
        .await?;
        Ok(MinutesView {
            minutes,
            decisions,
            action_items,
            addenda,
        })
    }

    /// Protokollführung (a contact, or a name as written). Begins the minutes if needed.
    pub async fn update_minutes(
        &self,
        session_id: i64,
        input: MinutesInput,
        now: DateTime<Utc>,
    ) -> Result<Minutes> {
        let mut tx = self.begin_write().await?;
        let minutes_id = ensure_minutes(&mut tx, session_id, now).await?;
        check_version(&mut tx, Versioned::Minutes, minutes_id, input.expected_version).await?;
        check_editable(minutes_status(&mut tx, session_id).await?)?;
        let mut name = input
            .minute_taker_name
            .map(|n| n.trim().to_owned())
            .filter(|n| !n.is_empty());
        if let Some(contact) = input.minute_taker_contact_id
            && name.is_none()
        {
            name = Some(contact_name(&mut tx, contact, "Protokollführung").await?);
        }
        sqlx::query(
            "UPDATE minutes SET minute_taker_contact_id = ?1, minute_taker_name = ?2, updated_at = ?3,
                    version = version + 1 WHERE id = ?4",
        )
        .bind(input.minute_taker_contact_id)
        .bind(&name)
        .bind(timestamp(now))
        .bind(minutes_id)
        .execute(&mut *tx)
        .await?;
        index_session_tree(&mut tx, session_id).await?;
        tx.commit().await?;
        self.minutes_row(session_id).await
    }

    /// Saves the discussion text of a TOP (the minutes form saves while the user types). Text is
    /// kept exactly as typed or pasted. `expected_version` is the TOP's version the text was read at.
    pub async fn set_discussion(
        &self,
        agenda_item_id: i64,
        text: &str,
        expected_version: Option<i64>,
        now: DateTime<Utc>,
    ) -> Result<crate::agenda::AgendaItem> {
        crate::session::check_length("Diskussion", text, crate::session::MAX_TEXT)?;
        let mut tx = self.begin_write().await?;
        check_version(&mut tx, Versioned::AgendaItem, agenda_item_id, expected_version).await?;
        let session_id = session_of_item(&mut tx, agenda_item_id).await?;
        ensure_minutes(&mut tx, session_id, now).await?;
        check_editable(minutes_status(&mut tx, session_id).await?)?;
        let value = (!text.trim().is_empty()).then_some(text);
        sqlx::query(
            "UPDATE agenda_items SET discussion = ?1, updated_at = ?2, version = version + 1 WHERE id = ?3",
        )
        .bind(value)
        .bind(timestamp(now))
        .bind(agenda_item_id)
        .execute(&mut *tx)
        .await?;
        index_session_tree(&mut tx, session_id).await?;
        tx.commit().await?;
        self.get_agenda_item(agenda_item_id).await
    }

    /// Records a decision. Numbers follow the agenda (renumbered in the same transaction). A
    /// decision on a TOP "Genehmigung des Protokolls" approves the linked minutes.
    pub async fn add_decision(
        &self,
        session_id: i64,
        input: DecisionInput,
        now: DateTime<Utc>,
    ) -> Result<Decision> {
        let input = input.normalised()?;
        let mut tx = self.begin_write().await?;
        load_session(&mut tx, session_id).await?;
        ensure_minutes(&mut tx, session_id, now).await?;
        check_editable(minutes_status(&mut tx, session_id).await?)?;
        check_item_of_session(&mut tx, input.agenda_item_id, session_id).await?;
        let ts = timestamp(now);
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO decisions (session_id, agenda_item_id, number, text, created_at, updated_at)
             VALUES (?1, ?2, (SELECT COUNT(*) + 1 FROM decisions WHERE session_id = ?1), ?3, ?4, ?4) RETURNING id",
        )
        .bind(session_id)
        .bind(input.agenda_item_id)
        .bind(&input.text)
        .bind(&ts)
        .fetch_one(&mut *tx)
        .await?;
        renumber_decisions(&mut tx, session_id).await?;
        if let Some(item) = input.agenda_item_id {
            approve_linked_minutes(&mut tx, item, session_id, id, now).await?;
        }
        index_session_tree(&mut tx, session_id).await?;
        tx.commit().await?;
        self.get_decision(id).await
    }

    pub async fn get_decision(&self, id: i64) -> Result<Decision> {
        let mut conn = self.pool.acquire().await?;
        decision(&mut conn, id).await
    }

    pub async fn update_decision(
        &self,
        id: i64,
        input: DecisionInput,
        now: DateTime<Utc>,
    ) -> Result<Decision> {
        let input = input.normalised()?;
        let mut tx = self.begin_write().await?;
        check_version(&mut tx, Versioned::Decision, id, input.expected_version).await?;
        let session_id = decision(&mut tx, id).await?.session_id;
        check_editable(minutes_status(&mut tx, session_id).await?)?;
        check_item_of_session(&mut tx, input.agenda_item_id, session_id).await?;
        sqlx::query(
            "UPDATE decisions SET agenda_item_id = ?1, text = ?2, updated_at = ?3, version = version + 1 WHERE id = ?4",
        )
        .bind(input.agenda_item_id)
        .bind(&input.text)
        .bind(timestamp(now))
        .bind(id)
        .execute(&mut *tx)
        .await?;
        renumber_decisions(&mut tx, session_id).await?;
        index_session_tree(&mut tx, session_id).await?;
        tx.commit().await?;
        self.get_decision(id).await
    }

    pub async fn delete_decision(&self, id: i64) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let gone = decision(&mut tx, id).await?;
        let session_id = gone.session_id;
        check_editable(minutes_status(&mut tx, session_id).await?)?;
        // Draft minutes may lose a decision, but not without a trace (issue 13).
        let words = super::audit::session_words_of(&mut tx, session_id).await?;
        let event = crate::audit::decision_deleted(session_id, &words, &gone.label, &gone.text);
        super::audit::record_audit(&mut tx, &event, None).await?;
        sqlx::query("DELETE FROM decisions WHERE id = ?1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        remove_rows(&mut tx, SearchKind::Decision, &[id]).await?;
        renumber_decisions(&mut tx, session_id).await?;
        index_session_tree(&mut tx, session_id).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Records an action item (owner: a contact and/or an organisation; due date not before the
    /// session). `now` also decides "today" for a done date left empty.
    pub async fn add_action_item(
        &self,
        session_id: i64,
        input: ActionItemInput,
        now: DateTime<Utc>,
    ) -> Result<ActionItem> {
        let mut tx = self.begin_write().await?;
        let session = load_session(&mut tx, session_id).await?;
        let fields = input.normalised(stored_date(&session.date)?, today(now))?;
        ensure_minutes(&mut tx, session_id, now).await?;
        check_editable(minutes_status(&mut tx, session_id).await?)?;
        check_item_of_session(&mut tx, fields.agenda_item_id, session_id).await?;
        let owner = owner_name(&mut tx, &fields).await?;
        let ts = timestamp(now);
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO action_items (session_id, agenda_item_id, what, owner_contact_id, owner_organisation_id,
                                       owner_name, due_date, status, done_date, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10) RETURNING id",
        )
        .bind(session_id)
        .bind(fields.agenda_item_id)
        .bind(&fields.what)
        .bind(fields.owner_contact_id)
        .bind(fields.owner_organisation_id)
        .bind(&owner)
        .bind(fields.due_date.map(iso_date))
        .bind(fields.status)
        .bind(fields.done_date.map(iso_date))
        .bind(&ts)
        .fetch_one(&mut *tx)
        .await?;
        index_session_tree(&mut tx, session_id).await?;
        tx.commit().await?;
        self.get_action_item(id).await
    }

    pub async fn get_action_item(&self, id: i64) -> Result<ActionItem> {
        let mut conn = self.pool.acquire().await?;
        action_item(&mut conn, id).await
    }

    /// Saves an action item from the minutes form. While the minutes are a draft everything may
    /// change; once approved only status and done date (following up is not editing the minutes).
    pub async fn update_action_item(
        &self,
        id: i64,
        input: ActionItemInput,
        now: DateTime<Utc>,
    ) -> Result<ActionItem> {
        let mut tx = self.begin_write().await?;
        check_version(&mut tx, Versioned::ActionItem, id, input.expected_version).await?;
        let stored = action_item(&mut tx, id).await?;
        let session = load_session(&mut tx, stored.session_id).await?;
        let fields = input.normalised(stored_date(&session.date)?, today(now))?;
        let locked = check_editable(session.minutes_status);
        let content_changed = stored.what != fields.what
            || stored.agenda_item_id != fields.agenda_item_id
            || stored.owner_contact_id != fields.owner_contact_id
            || stored.owner_organisation_id != fields.owner_organisation_id
            || stored.due_date != fields.due_date.map(iso_date);
        if content_changed {
            locked?;
        }
        check_item_of_session(&mut tx, fields.agenda_item_id, stored.session_id).await?;
        let owner = if content_changed {
            owner_name(&mut tx, &fields).await?
        } else {
            stored.owner_name.clone()
        };
        sqlx::query(
            "UPDATE action_items SET agenda_item_id = ?1, what = ?2, owner_contact_id = ?3, owner_organisation_id = ?4,
                    owner_name = ?5, due_date = ?6, status = ?7, done_date = ?8, updated_at = ?9, version = version + 1
             WHERE id = ?10",
        )
        .bind(fields.agenda_item_id)
        .bind(&fields.what)
        .bind(fields.owner_contact_id)
        .bind(fields.owner_organisation_id)
        .bind(&owner)
        .bind(fields.due_date.map(iso_date))
        .bind(fields.status)
        .bind(fields.done_date.map(iso_date))
        .bind(timestamp(now))
        .bind(id)
        .execute(&mut *tx)
        .await?;
        index_session_tree(&mut tx, stored.session_id).await?;
        tx.commit().await?;
        self.get_action_item(id).await
    }

    /// Marks an action item done (on `done_on`, default today) or open again, from the
    /// Aufgabenübersicht; allowed also after approval.
    pub async fn set_action_item_status(
        &self,
        id: i64,
        status: ActionStatus,
        done_on: Option<NaiveDate>,
        expected_version: Option<i64>,
        now: DateTime<Utc>,
    ) -> Result<ActionItem> {
        let mut tx = self.begin_write().await?;
        check_version(&mut tx, Versioned::ActionItem, id, expected_version).await?;
        let done = match status {
            ActionStatus::Offen => None,
            ActionStatus::Erledigt => Some(iso_date(done_on.unwrap_or_else(|| today(now)))),
        };
        sqlx::query("UPDATE action_items SET status = ?1, done_date = ?2, updated_at = ?3, version = version + 1 WHERE id = ?4")
            .bind(status)
            .bind(done)
            .bind(timestamp(now))
            .bind(id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        self.get_action_item(id).await
    }

    pub async fn delete_action_item(&self, id: i64) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let gone = action_item(&mut tx, id).await?;
        let session_id = gone.session_id;
        check_editable(minutes_status(&mut tx, session_id).await?)?;
        let words = super::audit::session_words_of(&mut tx, session_id).await?;
        let event = crate::audit::action_item_deleted(session_id, &words, &gone.what);
        super::audit::record_audit(&mut tx, &event, None).await?;
        sqlx::query("DELETE FROM action_items WHERE id = ?1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        remove_rows(&mut tx, SearchKind::ActionItem, &[id]).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Approves the minutes (Entwurf → freigegeben, who and when); from then on they are read-only.
    pub async fn approve_minutes(
        &self,
        session_id: i64,
        approved_by: &str,
        now: DateTime<Utc>,
    ) -> Result<Minutes> {
        let mut tx = self.begin_write().await?;
        load_session(&mut tx, session_id).await?;
        approve_in(&mut tx, session_id, approved_by, now).await?;
        tx.commit().await?;
        self.minutes_row(session_id).await
    }

    /// Records a Nachtrag to approved minutes (a correction that stays visible beside them).
    pub async fn add_addendum(
        &self,
        session_id: i64,
        input: AddendumInput,
        now: DateTime<Utc>,
    ) -> Result<Addendum> {
        let mut tx = self.begin_write().await?;
        load_session(&mut tx, session_id).await?;
        let approved: Option<(MinutesStatus, Option<String>)> =
            sqlx::query_as("SELECT status, approved_at FROM minutes WHERE session_id = ?1")
                .bind(session_id)
                .fetch_optional(&mut *tx)
                .await?;
        let approved_on = approved
            .as_ref()
            .and_then(|(_, at)| at.as_deref())
            .and_then(|at| DateTime::parse_from_rfc3339(at).ok())
            .map(|at| today(at.with_timezone(&Utc)));
        let fields = input.normalised(approved.map(|(s, _)| s), approved_on, today(now))?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO minutes_addenda (session_id, date, reason, text, created_at) VALUES (?1, ?2, ?3, ?4, ?5)
             RETURNING id",
        )
        .bind(session_id)
        .bind(iso_date(fields.date))
        .bind(&fields.reason)
        .bind(&fields.text)
        .bind(timestamp(now))
        .fetch_one(&mut *tx)
        .await?;
        let session = super::audit::session_words_of(&mut tx, session_id).await?;
        let event = crate::audit::addendum(session_id, &session, &fields.reason);
        super::audit::record_audit(&mut tx, &event, Some(now)).await?;
        index_session_tree(&mut tx, session_id).await?;
        tx.commit().await?;
        let mut conn = self.pool.acquire().await?;
        Ok(sqlx::query_as(
            "SELECT id, session_id, date, reason, text, created_at FROM minutes_addenda WHERE id = ?1",
        )
        .bind(id)
        .fetch_one(&mut *conn)
        .await?)
    }

    /// Aufgabenübersicht (Beschlusskontrolle): action items across sessions, open ones by due date
    /// first (overdue on top), then done ones; narrowed by `filter`. `today` decides "overdue".
    pub async fn list_action_items(
        &self,
        filter: &ActionItemFilter,
        today: NaiveDate,
    ) -> Result<Vec<ActionItemRow>> {
        let today = iso_date(today);
        let mut q: QueryBuilder<Sqlite> = QueryBuilder::new(
            "SELECT a.id, a.session_id, s.title AS session_title, s.date AS session_date, a.what, a.owner_contact_id,
                    a.owner_organisation_id, a.owner_name, a.due_date, a.status, a.done_date,
                    (a.status = 'offen' AND a.due_date < ",
        );
        q.push_bind(today.clone()).push(
            ") AS overdue, a.version
             FROM action_items a JOIN sessions s ON s.id = a.session_id
             LEFT JOIN contacts c ON c.id = a.owner_contact_id
             WHERE 1 = 1",
        );
        if let Some(contact) = filter.owner_contact_id {
            q.push(" AND a.owner_contact_id = ").push_bind(contact);
        }
        if let Some(org) = filter.owner_organisation_id {
            q.push(" AND (a.owner_organisation_id = ")
                .push_bind(org)
                .push(" OR c.organisation_id = ")
                .push_bind(org)
                .push(")");
        }
        if let Some(session) = filter.session_id {
            q.push(" AND a.session_id = ").push_bind(session);
        }
        if let Some(status) = filter.status {
            q.push(" AND a.status = ").push_bind(status);
        }
        if filter.overdue_only {
            q.push(" AND a.status = 'offen' AND a.due_date < ")
                .push_bind(today);
        }
        q.push(" ORDER BY a.status = 'erledigt', a.due_date IS NULL, a.due_date, s.date, a.id LIMIT 100000");
        Ok(q.build_query_as::<ActionItemRow>().fetch_all(&self.pool).await?)
    }

    async fn minutes_row(&self, session_id: i64) -> Result<Minutes> {
        let sql = format!("{SELECT_MINUTES} WHERE session_id = ?1");
        sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(session_id)
            .fetch_optional(&self.pool)
            .await?
            .ok_or_else(|| Error::NotFound {
                what: "Das Protokoll".into(),
            })
    }
}

/// The minutes row of a session, begun when missing: the session's place in its year is fixed
/// now (see `minutes.ordinal`). Minutes belong to sessions that were not cancelled.
async fn ensure_minutes(conn: &mut SqliteConnection, session_id: i64, now: DateTime<Utc>) -> Result<i64> {
    let existing: Option<i64> = sqlx::query_scalar("SELECT id FROM minutes WHERE session_id = ?1")
        .bind(session_id)
        .fetch_optional(&mut *conn)
        .await?;
    if let Some(id) = existing {
        return Ok(id);
    }
    let session = load_session(conn, session_id).await?;
    if session.status == SessionStatus::Abgesagt {
        return Err(Error::validation(
            "Protokoll",
            "Die Sitzung wurde abgesagt; für sie kann kein Protokoll geschrieben werden.",
        ));
    }
    let year = stored_date(&session.date)?.year();
    let earlier: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM sessions
         WHERE status <> 'abgesagt' AND date >= ?1 AND date <= ?2 AND id <> ?5
           AND (date, start_time, id) < (?3, ?4, ?5)",
    )
    .bind(format!("{year:04}-01-01"))
    .bind(format!("{year:04}-12-31"))
    .bind(&session.date)
    .bind(&session.start_time)
    .bind(session_id)
    .fetch_one(&mut *conn)
    .await?;
    let ts = timestamp(now);
    Ok(sqlx::query_scalar(
        "INSERT INTO minutes (session_id, year, ordinal, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4) RETURNING id",
    )
    .bind(session_id)
    .bind(i64::from(year))
    .bind(session_ordinal(earlier))
    .bind(ts)
    .fetch_one(&mut *conn)
    .await?)
}

async fn approve_in(
    conn: &mut SqliteConnection,
    session_id: i64,
    approved_by: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    check_approval(minutes_status(conn, session_id).await?, approved_by)?;
    let session = super::audit::session_words_of(conn, session_id).await?;
    let event = crate::audit::minutes_approved(session_id, &session, approved_by.trim());
    super::audit::record_audit(conn, &event, Some(now)).await?;
    let ts = timestamp(now);
    sqlx::query(
        "UPDATE minutes SET status = 'freigegeben', approved_by = ?1, approved_at = ?2, updated_at = ?2,
                version = version + 1 WHERE session_id = ?3",
    )
    .bind(approved_by.trim())
    .bind(ts)
    .bind(session_id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// A decision on a TOP that approves another session's minutes approves them, in the same
/// transaction, naming the decision. Minutes already approved stay as they are.
async fn approve_linked_minutes(
    conn: &mut SqliteConnection,
    item: i64,
    session_id: i64,
    decision_id: i64,
    now: DateTime<Utc>,
) -> Result<()> {
    let linked: Option<i64> =
        sqlx::query_scalar("SELECT approves_session_id FROM agenda_items WHERE id = ?1")
            .bind(item)
            .fetch_one(&mut *conn)
            .await?;
    let Some(other) = linked else { return Ok(()) };
    if minutes_status(conn, other).await? != Some(MinutesStatus::Entwurf) {
        return Ok(());
    }
    let d = decision(conn, decision_id).await?;
    let title: String = sqlx::query_scalar("SELECT title FROM sessions WHERE id = ?1")
        .bind(session_id)
        .fetch_one(&mut *conn)
        .await?;
    approve_in(conn, other, &format!("{} der Sitzung „{title}“", d.label), now).await?;
    index_session_tree(conn, other).await
}

async fn decision(conn: &mut SqliteConnection, id: i64) -> Result<Decision> {
    let mut d: Decision = sqlx::query_as(
        "SELECT id, session_id, agenda_item_id, number, text, created_at, updated_at, version FROM decisions WHERE id = ?1",
    )
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?
    .ok_or_else(|| Error::NotFound { what: "Der Beschluss".into() })?;
    let m: Option<(i64, i64)> = sqlx::query_as("SELECT year, ordinal FROM minutes WHERE session_id = ?1")
        .bind(d.session_id)
        .fetch_optional(&mut *conn)
        .await?;
    if let Some((year, ordinal)) = m {
        d.label = decision_label(ordinal, year, d.number);
    }
    Ok(d)
}

async fn action_item(conn: &mut SqliteConnection, id: i64) -> Result<ActionItem> {
    let sql = format!("{SELECT_ACTION} WHERE id = ?1");
    sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or_else(|| Error::NotFound {
            what: "Die Aufgabe".into(),
        })
}

/// Rewrites decision numbers 1, 2, 3 … in agenda order (`minutes::number_decisions`).
async fn renumber_decisions(conn: &mut SqliteConnection, session_id: i64) -> Result<()> {
    let order: Vec<i64> = reading_order(&placements_of(conn, session_id).await?)
        .into_iter()
        .map(|p| p.id)
        .collect();
    let rows: Vec<(i64, Option<i64>)> =
        sqlx::query_as("SELECT id, agenda_item_id FROM decisions WHERE session_id = ?1")
            .bind(session_id)
            .fetch_all(&mut *conn)
            .await?;
    let input: Vec<(i64, Option<usize>, i64)> = rows
        .iter()
        .map(|(id, item)| (*id, item.and_then(|i| order.iter().position(|x| *x == i)), *id))
        .collect();
    for (id, number) in number_decisions(&input) {
        sqlx::query("UPDATE decisions SET number = ?1 WHERE id = ?2 AND number <> ?1")
            .bind(number)
            .bind(id)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

async fn check_item_of_session(
    conn: &mut SqliteConnection,
    item: Option<i64>,
    session_id: i64,
) -> Result<()> {
    if let Some(item) = item
        && session_of_item(conn, item).await? != session_id
    {
        return Err(Error::validation(
            "Tagesordnungspunkt",
            "Der gewählte Tagesordnungspunkt gehört zu einer anderen Sitzung.",
        ));
    }
    Ok(())
}

async fn contact_name(conn: &mut SqliteConnection, id: i64, field: &str) -> Result<String> {
    let row: Option<(Option<String>, Option<String>, String)> =
        sqlx::query_as("SELECT title, first_name, last_name FROM contacts WHERE id = ?1")
            .bind(id)
            .fetch_optional(&mut *conn)
            .await?;
    row.map(|(t, f, l)| display_name(t.as_deref(), f.as_deref(), &l))
        .ok_or_else(|| {
            Error::validation(
                field,
                "Die gewählte Person gibt es nicht mehr. Bitte wählen Sie erneut.",
            )
        })
}

/// "Anna Müller (Landratsamt Tübingen)", "Landratsamt Tübingen" or "Anna Müller".
async fn owner_name(conn: &mut SqliteConnection, f: &ActionItemFields) -> Result<Option<String>> {
    let person = match f.owner_contact_id {
        Some(id) => Some(contact_name(conn, id, "Verantwortlich").await?),
        None => None,
    };
    let org_id = match (f.owner_organisation_id, f.owner_contact_id) {
        (Some(org), _) => Some(org),
        (None, Some(contact)) => {
            sqlx::query_scalar("SELECT organisation_id FROM contacts WHERE id = ?1")
                .bind(contact)
                .fetch_one(&mut *conn)
                .await?
        }
        (None, None) => None,
    };
    let org = match org_id {
        Some(id) => Some(
            sqlx::query_scalar::<_, String>("SELECT name FROM organisations WHERE id = ?1")
                .bind(id)
                .fetch_optional(&mut *conn)
                .await?
                .ok_or_else(|| {
                    Error::validation(
                        "Verantwortlich",
                        "Die gewählte Organisation gibt es nicht mehr. Bitte wählen Sie eine andere.",
                    )
                })?,
        ),
        None => None,
    };
    Ok(match (person, org) {
        (Some(p), Some(o)) => Some(format!("{p} ({o})")),
        (p, o) => p.or(o),
    })
}

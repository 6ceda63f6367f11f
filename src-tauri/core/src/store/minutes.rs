//! SQL for minutes: the minutes row, discussion per TOP, decisions and their numbers, approval,
//! Nachträge (action items: `action_items.rs`). Statements and queries only: what may change and
//! how decisions are numbered is `crate::minutes`, the order of the steps `usecase/minutes.rs`.

use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use super::action_items::SELECT_ACTION;
use super::search::remove_rows;
use super::sessions::load_session;
use super::write::timestamp;
use crate::berlin::iso_date;
use crate::minutes::{
    Addendum, AddendumFields, Decision, Minutes, MinutesStatus, MinutesView, decision_label,
};
use crate::search::SearchKind;
use crate::session::Session;
use crate::{Error, Result, store::Store};

const SELECT_MINUTES: &str =
    "SELECT id, session_id, status, minute_taker_contact_id, minute_taker_name, year, ordinal,
    approved_by, approved_at, created_at, updated_at, version FROM minutes";
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

    /// The minutes row of a session.
    pub async fn get_minutes_row(&self, session_id: i64) -> Result<Minutes> {
        let sql = format!("{SELECT_MINUTES} WHERE session_id = ?1");
        sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(session_id)
            .fetch_optional(&self.pool)
            .await?
            .ok_or_else(|| Error::NotFound {
                what: "Das Protokoll".into(),
            })
    }

    pub async fn get_decision(&self, id: i64) -> Result<Decision> {
        let mut conn = self.pool.acquire().await?;
        load_decision(&mut conn, id).await
    }

    pub async fn get_addendum(&self, id: i64) -> Result<Addendum> {
        Ok(sqlx::query_as(
            "SELECT id, session_id, date, reason, text, created_at FROM minutes_addenda WHERE id = ?1",
        )
        .bind(id)
        .fetch_one(&self.pool)
        .await?)
    }
}

// ---- the minutes row ----

/// The id of a session's minutes row, `None` when none were begun.
pub(crate) async fn minutes_id(conn: &mut SqliteConnection, session_id: i64) -> Result<Option<i64>> {
    Ok(sqlx::query_scalar("SELECT id FROM minutes WHERE session_id = ?1")
        .bind(session_id)
        .fetch_optional(&mut *conn)
        .await?)
}

/// How many sessions of `year` that were not cancelled come before `session` (by date, time, id).
pub(crate) async fn earlier_sessions_of_year(
    conn: &mut SqliteConnection,
    session: &Session,
    year: i32,
) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "SELECT COUNT(*) FROM sessions
         WHERE status <> 'abgesagt' AND date >= ?1 AND date <= ?2 AND id <> ?5
           AND (date, start_time, id) < (?3, ?4, ?5)",
    )
    .bind(format!("{year:04}-01-01"))
    .bind(format!("{year:04}-12-31"))
    .bind(&session.date)
    .bind(&session.start_time)
    .bind(session.id)
    .fetch_one(&mut *conn)
    .await?)
}

pub(crate) async fn insert_minutes(
    conn: &mut SqliteConnection,
    session_id: i64,
    year: i32,
    ordinal: i64,
    now: DateTime<Utc>,
) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "INSERT INTO minutes (session_id, year, ordinal, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4) RETURNING id",
    )
    .bind(session_id)
    .bind(i64::from(year))
    .bind(ordinal)
    .bind(timestamp(now))
    .fetch_one(&mut *conn)
    .await?)
}

pub(crate) async fn set_minute_taker(
    conn: &mut SqliteConnection,
    minutes_id: i64,
    contact_id: Option<i64>,
    name: Option<&str>,
    now: DateTime<Utc>,
) -> Result<()> {
    sqlx::query(
        "UPDATE minutes SET minute_taker_contact_id = ?1, minute_taker_name = ?2, updated_at = ?3,
                version = version + 1 WHERE id = ?4",
    )
    .bind(contact_id)
    .bind(name)
    .bind(timestamp(now))
    .bind(minutes_id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Status and `approved_at` of a session's minutes, `None` when none were begun.
pub(crate) async fn approval_of(
    conn: &mut SqliteConnection,
    session_id: i64,
) -> Result<Option<(MinutesStatus, Option<String>)>> {
    Ok(
        sqlx::query_as("SELECT status, approved_at FROM minutes WHERE session_id = ?1")
            .bind(session_id)
            .fetch_optional(&mut *conn)
            .await?,
    )
}

/// Entwurf → freigegeben, naming who approved and when.
pub(crate) async fn set_approved(
    conn: &mut SqliteConnection,
    session_id: i64,
    approved_by: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    sqlx::query(
        "UPDATE minutes SET status = 'freigegeben', approved_by = ?1, approved_at = ?2, updated_at = ?2,
                version = version + 1 WHERE session_id = ?3",
    )
    .bind(approved_by)
    .bind(timestamp(now))
    .bind(session_id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The session whose minutes a decision on this TOP approves ("Genehmigung des Protokolls").
pub(crate) async fn approved_by_item(conn: &mut SqliteConnection, item: i64) -> Result<Option<i64>> {
    Ok(
        sqlx::query_scalar("SELECT approves_session_id FROM agenda_items WHERE id = ?1")
            .bind(item)
            .fetch_one(&mut *conn)
            .await?,
    )
}

// ---- discussion ----

/// The discussion text of a TOP (`None` clears it).
pub(crate) async fn set_discussion(
    conn: &mut SqliteConnection,
    agenda_item_id: i64,
    text: Option<&str>,
    now: DateTime<Utc>,
) -> Result<()> {
    sqlx::query(
        "UPDATE agenda_items SET discussion = ?1, updated_at = ?2, version = version + 1 WHERE id = ?3",
    )
    .bind(text)
    .bind(timestamp(now))
    .bind(agenda_item_id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

// ---- decisions ----

/// A decision with its label ("Beschluss 3/2027-2", empty while no minutes exist).
pub(crate) async fn load_decision(conn: &mut SqliteConnection, id: i64) -> Result<Decision> {
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

/// Inserts a decision as the session's last number (renumbering follows); returns its id.
pub(crate) async fn insert_decision(
    conn: &mut SqliteConnection,
    session_id: i64,
    agenda_item_id: Option<i64>,
    text: &str,
    now: DateTime<Utc>,
) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "INSERT INTO decisions (session_id, agenda_item_id, number, text, created_at, updated_at)
         VALUES (?1, ?2, (SELECT COUNT(*) + 1 FROM decisions WHERE session_id = ?1), ?3, ?4, ?4) RETURNING id",
    )
    .bind(session_id)
    .bind(agenda_item_id)
    .bind(text)
    .bind(timestamp(now))
    .fetch_one(&mut *conn)
    .await?)
}

pub(crate) async fn update_decision(
    conn: &mut SqliteConnection,
    id: i64,
    agenda_item_id: Option<i64>,
    text: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    sqlx::query(
        "UPDATE decisions SET agenda_item_id = ?1, text = ?2, updated_at = ?3, version = version + 1 WHERE id = ?4",
    )
    .bind(agenda_item_id)
    .bind(text)
    .bind(timestamp(now))
    .bind(id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Deletes a decision and its search row.
pub(crate) async fn delete_decision(conn: &mut SqliteConnection, id: i64) -> Result<()> {
    sqlx::query("DELETE FROM decisions WHERE id = ?1")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    remove_rows(conn, SearchKind::Decision, &[id]).await
}

/// Each decision of a session with its TOP: `(decision id, agenda item id)`.
pub(crate) async fn decision_items(
    conn: &mut SqliteConnection,
    session_id: i64,
) -> Result<Vec<(i64, Option<i64>)>> {
    Ok(
        sqlx::query_as("SELECT id, agenda_item_id FROM decisions WHERE session_id = ?1")
            .bind(session_id)
            .fetch_all(&mut *conn)
            .await?,
    )
}

/// Writes the numbers that changed.
pub(crate) async fn set_decision_numbers(conn: &mut SqliteConnection, numbers: &[(i64, i64)]) -> Result<()> {
    for (id, number) in numbers {
        sqlx::query("UPDATE decisions SET number = ?1 WHERE id = ?2 AND number <> ?1")
            .bind(number)
            .bind(id)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

// ---- Nachträge ----

pub(crate) async fn insert_addendum(
    conn: &mut SqliteConnection,
    session_id: i64,
    fields: &AddendumFields,
    now: DateTime<Utc>,
) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "INSERT INTO minutes_addenda (session_id, date, reason, text, created_at) VALUES (?1, ?2, ?3, ?4, ?5)
         RETURNING id",
    )
    .bind(session_id)
    .bind(iso_date(fields.date))
    .bind(&fields.reason)
    .bind(&fields.text)
    .bind(timestamp(now))
    .fetch_one(&mut *conn)
    .await?)
}

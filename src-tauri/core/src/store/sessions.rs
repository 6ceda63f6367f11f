//! SQL for sessions: read one, the list (upcoming first, past below, searchable), insert, update,
//! delete with everything in it, and the few facts every session write starts from (the session,
//! its minutes' status). Statements and queries only: the rules are `crate::session` /
//! `crate::minutes`, the steps `usecase/sessions.rs`. The lowest of the session store files: it
//! imports none of `agenda`, `participants`, `minutes`.

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::{QueryBuilder, Sqlite, SqliteConnection};

use super::session_index::{index_session_tree, remove_session_tree};
use super::write::timestamp;
use crate::berlin::iso_date;
use crate::minutes::MinutesStatus;
use crate::search::{SearchKind, fts_match};
use crate::session::{Session, SessionFields, SessionFilter, SessionRow};
use crate::{Error, Result, store::Store};

const SELECT_SESSION: &str = "
    SELECT s.id, s.title, s.date, s.start_time, s.end_time, s.format, s.place, s.video_link,
           s.host_organisation_id, o.name AS host_organisation_name, s.status, s.notes,
           s.created_at, s.updated_at, s.version, m.status AS minutes_status
    FROM sessions s
    LEFT JOIN organisations o ON o.id = s.host_organisation_id
    LEFT JOIN minutes m ON m.session_id = s.id";

/// Longest Sitzungen list in one go (the screen pages through more).
pub const MAX_SESSIONS: i64 = 10_000;

impl Store {
    pub async fn get_session(&self, id: i64) -> Result<Session> {
        let mut conn = self.pool.acquire().await?;
        load_session(&mut conn, id).await
    }

    /// The Sitzungen list: sessions from `today` on first (soonest first), then the past (latest
    /// first), narrowed by `filter` (the text through the search index: a session is found by its
    /// title, date, place, host and TOP titles).
    pub async fn list_sessions(&self, filter: &SessionFilter, today: NaiveDate) -> Result<Vec<SessionRow>> {
        let today = iso_date(today);
        let mut q: QueryBuilder<Sqlite> = QueryBuilder::new(
            "SELECT s.id, s.title, s.date, s.start_time, s.end_time, s.format, s.place, o.name AS host_organisation_name, s.status, m.status AS minutes_status, (SELECT COUNT(*) FROM session_participants p WHERE p.session_id = s.id) AS participant_count, s.date >= ",
        );
        q.push_bind(today.clone());
        q.push(
            " AS upcoming
             FROM sessions s
             LEFT JOIN organisations o ON o.id = s.host_organisation_id
             LEFT JOIN minutes m ON m.session_id = s.id
             WHERE 1 = 1",
        );
        if let Some(expression) = filter
            .query
            .as_deref()
            .and_then(|t| fts_match(SearchKind::Session, t))
        {
            q.push(" AND s.id IN (SELECT ref_id FROM search_index WHERE search_index MATCH ")
                .push_bind(expression)
                .push(")");
        } else if filter.query.as_deref().is_some_and(|t| !t.trim().is_empty()) {
            return Ok(Vec::new());
        }
        if let Some(status) = filter.status {
            q.push(" AND s.status = ").push_bind(status);
        }
        if let Some(year) = filter.year {
            q.push(" AND s.date >= ")
                .push_bind(format!("{year:04}-01-01"))
                .push(" AND s.date <= ")
                .push_bind(format!("{year:04}-12-31"));
        }
        // Same order as `session::list_order`, done by SQLite over the (date, start_time) index.
        q.push(" ORDER BY s.date < ")
            .push_bind(today.clone())
            .push(", CASE WHEN s.date >= ")
            .push_bind(today)
            .push(" THEN s.date || s.start_time END ASC, s.date DESC, s.start_time DESC, s.id LIMIT ")
            .push_bind(MAX_SESSIONS);
        Ok(q.build_query_as::<SessionRow>().fetch_all(&self.pool).await?)
    }

    /// The next session from `day` on that is not cancelled.
    pub async fn next_session_id(&self, day: NaiveDate) -> Result<Option<i64>> {
        Ok(sqlx::query_scalar(
            "SELECT id FROM sessions WHERE date >= ?1 AND status <> 'abgesagt'
             ORDER BY date, start_time, id LIMIT 1",
        )
        .bind(iso_date(day))
        .fetch_optional(&self.pool)
        .await?)
    }

    /// The latest session before `day` that is not cancelled.
    pub async fn last_session_id(&self, day: NaiveDate) -> Result<Option<i64>> {
        Ok(sqlx::query_scalar(
            "SELECT id FROM sessions WHERE date < ?1 AND status <> 'abgesagt'
             ORDER BY date DESC, start_time DESC, id DESC LIMIT 1",
        )
        .bind(iso_date(day))
        .fetch_optional(&self.pool)
        .await?)
    }
}

impl Store {
    /// Whether the data file holds anything a person entered or imported (contacts,
    /// organisations, groups, sessions); reference data does not count. The demo refuses such a file.
    pub async fn holds_records(&self) -> Result<bool> {
        Ok(sqlx::query_scalar(
            "SELECT EXISTS (SELECT 1 FROM contacts) OR EXISTS (SELECT 1 FROM organisations)
                 OR EXISTS (SELECT 1 FROM groups) OR EXISTS (SELECT 1 FROM sessions)
                 OR EXISTS (SELECT 1 FROM papers)",
        )
        .fetch_one(&self.pool)
        .await?)
    }
}

pub(crate) async fn load_session(conn: &mut SqliteConnection, id: i64) -> Result<Session> {
    let sql = format!("{SELECT_SESSION} WHERE s.id = ?1");
    sqlx::query_as::<_, Session>(sqlx::AssertSqlSafe(sql))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or_else(|| Error::NotFound {
            what: "Die Sitzung".into(),
        })
}

/// Inserts a session (and its search row); returns its id.
pub(crate) async fn insert_session(
    conn: &mut SqliteConnection,
    f: &SessionFields,
    now: DateTime<Utc>,
) -> Result<i64> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO sessions (title, date, start_time, end_time, format, place, video_link, host_organisation_id,
                               status, notes, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11) RETURNING id",
    )
    .bind(&f.title)
    .bind(f.date_iso())
    .bind(f.start_hhmm())
    .bind(f.end_hhmm())
    .bind(f.format)
    .bind(&f.place)
    .bind(&f.video_link)
    .bind(f.host_organisation_id)
    .bind(f.status)
    .bind(&f.notes)
    .bind(timestamp(now))
    .fetch_one(&mut *conn)
    .await?;
    index_session_tree(conn, id).await?;
    Ok(id)
}

/// Writes the form's fields over session `id` (raising its version).
pub(crate) async fn update_session(
    conn: &mut SqliteConnection,
    id: i64,
    fields: &SessionFields,
    now: DateTime<Utc>,
) -> Result<()> {
    sqlx::query(
        "UPDATE sessions SET title = ?1, date = ?2, start_time = ?3, end_time = ?4, format = ?5, place = ?6,
                video_link = ?7, host_organisation_id = ?8, status = ?9, notes = ?10, updated_at = ?11,
                version = version + 1
         WHERE id = ?12",
    )
    .bind(&fields.title)
    .bind(fields.date_iso())
    .bind(fields.start_hhmm())
    .bind(fields.end_hhmm())
    .bind(fields.format)
    .bind(&fields.place)
    .bind(&fields.video_link)
    .bind(fields.host_organisation_id)
    .bind(fields.status)
    .bind(&fields.notes)
    .bind(timestamp(now))
    .bind(id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Deletes a session with its agenda, participants, minutes and their search rows.
pub(crate) async fn delete_session(conn: &mut SqliteConnection, id: i64) -> Result<()> {
    remove_session_tree(conn, id).await?;
    // Children that RESTRICT their TOP go first, so the cascade never meets them.
    for sql in [
        "DELETE FROM decisions WHERE session_id = ?1",
        "DELETE FROM action_items WHERE session_id = ?1",
        "DELETE FROM sessions WHERE id = ?1",
    ] {
        sqlx::query(sql).bind(id).execute(&mut *conn).await?;
    }
    Ok(())
}

/// Whether organisation `id` exists.
pub(crate) async fn organisation_exists(conn: &mut SqliteConnection, id: i64) -> Result<bool> {
    let found: Option<i64> = sqlx::query_scalar("SELECT id FROM organisations WHERE id = ?1")
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(found.is_some())
}

/// The status of a session's minutes, `None` when none were begun.
pub(crate) async fn minutes_status(
    conn: &mut SqliteConnection,
    session_id: i64,
) -> Result<Option<MinutesStatus>> {
    Ok(
        sqlx::query_scalar("SELECT status FROM minutes WHERE session_id = ?1")
            .bind(session_id)
            .fetch_optional(&mut *conn)
            .await?,
    )
}

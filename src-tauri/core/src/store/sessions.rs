//! SQL for sessions: create, read, update (version-checked), delete (refused with approved
//! minutes), the list (upcoming first, past below, searchable) and "Als Vorlage verwenden". The
//! rules come from `session.rs` / `minutes.rs`; the search rows from `session_index.rs`.

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::{QueryBuilder, Sqlite, SqliteConnection};

use super::session_index::{index_session_tree, remove_session_tree};
use super::write::{Versioned, check_version, timestamp};
use crate::berlin::iso_date;
use crate::minutes::{MinutesStatus, check_session_deletable};
use crate::search::{SearchKind, fts_match};
use crate::session::{Session, SessionFields, SessionFilter, SessionInput, SessionRow};
use crate::{Error, Result, Store};

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
    pub async fn create_session(&self, input: SessionInput, now: DateTime<Utc>) -> Result<Session> {
        let fields = input.normalised()?;
        let mut tx = self.begin_write().await?;
        let id = insert_session(&mut tx, &fields, now).await?;
        tx.commit().await?;
        self.get_session(id).await
    }

    pub async fn get_session(&self, id: i64) -> Result<Session> {
        let mut conn = self.pool.acquire().await?;
        load_session(&mut conn, id).await
    }

    /// Saves the form over the stored session. Refused when someone changed it meanwhile
    /// (`expected_version`), when the status may not follow the stored one, or when the session's
    /// date or times would change after its minutes were approved.
    pub async fn update_session(&self, id: i64, input: SessionInput, now: DateTime<Utc>) -> Result<Session> {
        let fields = input.normalised()?;
        let mut tx = self.begin_write().await?;
        check_version(&mut tx, Versioned::Session, id, fields.expected_version).await?;
        let stored = load_session(&mut tx, id).await?;
        stored
            .status
            .check_change(fields.status, stored.minutes_status.is_some())?;
        if stored.minutes_status == Some(MinutesStatus::Freigegeben)
            && (stored.date != fields.date_iso()
                || stored.start_time != fields.start_hhmm()
                || stored.end_time != fields.end_hhmm())
        {
            crate::minutes::check_editable(stored.minutes_status)?;
        }
        check_host(&mut tx, fields.host_organisation_id).await?;
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
        .execute(&mut *tx)
        .await?;
        index_session_tree(&mut tx, id).await?;
        tx.commit().await?;
        self.get_session(id).await
    }

    /// Deletes a session with its agenda, participants and draft minutes. Refused when its minutes
    /// are approved (they are the record of what the network decided).
    pub async fn delete_session(&self, id: i64) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let stored = load_session(&mut tx, id).await?;
        check_session_deletable(stored.minutes_status)?;
        remove_session_tree(&mut tx, id).await?;
        // Children that RESTRICT their TOP go first, so the cascade never meets them.
        for sql in [
            "DELETE FROM decisions WHERE session_id = ?1",
            "DELETE FROM action_items WHERE session_id = ?1",
            "DELETE FROM sessions WHERE id = ?1",
        ] {
            sqlx::query(sql).bind(id).execute(&mut *tx).await?;
        }
        tx.commit().await?;
        Ok(())
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

    /// The session as an iCalendar file's text (see `crate::ics`): agenda in the description,
    /// participants with an e-mail address as attendees. `now` is the DTSTAMP.
    pub async fn session_ics(&self, id: i64, now: DateTime<Utc>) -> Result<String> {
        let session = self.get_session(id).await?;
        let agenda = self.list_agenda(id).await?;
        let participants = self.list_participants(id).await?;
        crate::ics::session_ics(&session, &agenda, &participants, now)
    }

    /// Subject and body of "Einladung per E-Mail" (see `crate::invitation`), and the participants'
    /// addresses for the BCC field (only those still invited or accepted).
    pub async fn session_invitation(&self, id: i64) -> Result<(crate::invitation::Invitation, Vec<String>)> {
        let session = self.get_session(id).await?;
        let agenda = self.list_agenda(id).await?;
        let recipients = self
            .list_participants(id)
            .await?
            .into_iter()
            .filter(|p| {
                matches!(
                    p.status,
                    crate::participant::ParticipantStatus::Eingeladen
                        | crate::participant::ParticipantStatus::Zugesagt
                )
            })
            .filter_map(|p| p.email)
            .collect();
        Ok((crate::invitation::invitation(&session, &agenda), recipients))
    }

    /// A session as people name it on the command line: its number ("12"), "naechste"/"nächste"
    /// (the next one from `today` on that is not cancelled) or "letzte" (the latest one before
    /// `today` that took place or is not cancelled). German message when there is none.
    pub async fn find_session(&self, reference: &str, today: NaiveDate) -> Result<Session> {
        let r = crate::search::fold(reference.trim());
        let day = iso_date(today);
        let id: Option<i64> = match r.as_str() {
            "nachste" | "naechste" => {
                sqlx::query_scalar(
                    "SELECT id FROM sessions WHERE date >= ?1 AND status <> 'abgesagt'
                     ORDER BY date, start_time, id LIMIT 1",
                )
                .bind(&day)
                .fetch_optional(&self.pool)
                .await?
            }
            "letzte" => {
                sqlx::query_scalar(
                    "SELECT id FROM sessions WHERE date < ?1 AND status <> 'abgesagt'
                     ORDER BY date DESC, start_time DESC, id DESC LIMIT 1",
                )
                .bind(&day)
                .fetch_optional(&self.pool)
                .await?
            }
            number => match number.parse::<i64>() {
                Ok(id) => Some(id),
                Err(_) => {
                    return Err(Error::validation(
                        "Sitzung",
                        format!(
                            "„{}“ ist keine Sitzung. Bitte geben Sie ihre Nummer an oder „naechste“ bzw. „letzte“.",
                            reference.trim()
                        ),
                    ));
                }
            },
        };
        match id {
            Some(id) => self.get_session(id).await,
            None if r == "letzte" => Err(Error::validation(
                "Sitzung",
                "Es gibt noch keine vergangene Sitzung.",
            )),
            None => Err(Error::validation("Sitzung", "Es ist keine Sitzung geplant.")),
        }
    }

    /// "Als Vorlage für die nächste Sitzung verwenden": a new session from `input` with the
    /// agenda (TOPs, sub-items, planned minutes, responsible people; without minutes texts) and the
    /// participants (invited again, with today's names) of session `source_id`. One transaction.
    pub async fn create_session_from_template(
        &self,
        source_id: i64,
        input: SessionInput,
        now: DateTime<Utc>,
    ) -> Result<Session> {
        let fields = input.normalised()?;
        let mut tx = self.begin_write().await?;
        load_session(&mut tx, source_id).await?;
        let id = insert_session(&mut tx, &fields, now).await?;
        super::agenda::copy_agenda(&mut tx, source_id, id, now).await?;
        super::participants::copy_participants(&mut tx, source_id, id, now).await?;
        index_session_tree(&mut tx, id).await?;
        tx.commit().await?;
        self.get_session(id).await
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

async fn insert_session(conn: &mut SqliteConnection, f: &SessionFields, now: DateTime<Utc>) -> Result<i64> {
    check_host(conn, f.host_organisation_id).await?;
    let ts = timestamp(now);
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
    .bind(ts)
    .fetch_one(&mut *conn)
    .await?;
    index_session_tree(conn, id).await?;
    Ok(id)
}

/// The chosen host organisation must (still) exist.
async fn check_host(conn: &mut SqliteConnection, id: Option<i64>) -> Result<()> {
    if let Some(id) = id {
        let found: Option<i64> = sqlx::query_scalar("SELECT id FROM organisations WHERE id = ?1")
            .bind(id)
            .fetch_optional(&mut *conn)
            .await?;
        if found.is_none() {
            return Err(Error::validation(
                "Gastgeber",
                "Die gewählte Organisation gibt es nicht mehr. Bitte wählen Sie eine andere.",
            ));
        }
    }
    Ok(())
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

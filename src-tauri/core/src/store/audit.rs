//! SQL of the Änderungsprotokoll (`audit.rs` says what is recorded). Entries are written with
//! [`record_audit`] on the connection of the change's own transaction; `Store::list_audit` pages
//! through them newest first.

use chrono::{DateTime, Days, NaiveDate, NaiveTime, Utc};
use sqlx::{QueryBuilder, Sqlite, SqliteConnection};

use super::write::timestamp;
use crate::audit::{
    AuditAction, AuditEntry, AuditEvent, AuditFilter, AuditPage, AuditRecord, current_user, folded_text,
};
use crate::berlin::{instant, to_utc};
use crate::settings::KEY_USER_NAME;
use crate::{Error, Result, store::Store};

/// Writes `event` inside the caller's transaction, so the entry commits or rolls back with the
/// change. Who: the setting `user_name`, else the OS user. `now` is `None` only on paths that get
/// no time from their caller (deleting a record); then SQLite's clock stamps the entry.
pub(crate) async fn record_audit(
    conn: &mut SqliteConnection,
    event: &AuditEvent,
    now: Option<DateTime<Utc>>,
) -> Result<i64> {
    let user = user_name_of(conn).await?;
    let id = sqlx::query_scalar(
        "INSERT INTO audit_log (at, user, action, record_kind, record_id, summary, folded)
         VALUES (COALESCE(?1, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')), ?2, ?3, ?4, ?5, ?6, ?7)
         RETURNING id",
    )
    .bind(now.map(timestamp))
    .bind(&user)
    .bind(event.action.code())
    .bind(event.record.code())
    .bind(event.record_id)
    .bind(&event.summary)
    .bind(folded_text(&user, &event.summary))
    .fetch_one(&mut *conn)
    .await?;
    Ok(id)
}

/// Who is at the PC, for the Änderungsprotokoll and for "gespeichert von" of papers alike: the
/// setting `user_name` (Einstellungen), else the operating system's user name.
pub(crate) async fn user_name_of(conn: &mut SqliteConnection) -> Result<String> {
    let setting: Option<String> = sqlx::query_scalar("SELECT value FROM settings WHERE key = ?1")
        .bind(KEY_USER_NAME)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(current_user(setting.as_deref()))
}

type Row = (i64, String, String, String, String, Option<i64>, String);

impl Store {
    /// The name recorded as "who" ([`user_name_of`]): commands pass it on as "gespeichert von".
    pub async fn user_name(&self) -> Result<String> {
        let mut conn = self.pool.acquire().await?;
        user_name_of(&mut conn).await
    }

    /// Records an event in its own transaction: for changes that happen outside the data file's
    /// transactions (a backup written with `VACUUM INTO`, a restore after the file was replaced).
    /// Backup and restore call this; papers call [`Store::record_paper_status`] inside theirs.
    pub async fn record_audit(&self, event: &AuditEvent, now: DateTime<Utc>) -> Result<i64> {
        let mut tx = self.begin_write().await?;
        let id = record_audit(&mut tx, event, Some(now)).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// One page of the Änderungsprotokoll, newest first (by entry id: the order things were
    /// recorded, whatever the PC's clock did), with the total matching the filter.
    pub async fn list_audit(&self, filter: &AuditFilter) -> Result<AuditPage> {
        let (from, to) = filter.period()?;
        let from = from.map(|d| day_start("Von", d)).transpose()?;
        let to = to
            .map(|d| {
                d.checked_add_days(Days::new(1))
                    .ok_or_else(|| Error::validation("Bis", "Bitte ein gültiges Datum eingeben."))
                    .and_then(|next| day_start("Bis", next))
            })
            .transpose()?;
        let patterns = filter.like_patterns();
        let conditions = |q: &mut QueryBuilder<Sqlite>, with_page: bool| {
            q.push(" WHERE 1 = 1");
            if let Some(action) = filter.action {
                q.push(" AND action = ").push_bind(action.code());
            }
            if let Some(from) = &from {
                q.push(" AND at >= ").push_bind(from.clone());
            }
            if let Some(to) = &to {
                q.push(" AND at < ").push_bind(to.clone());
            }
            for p in &patterns {
                q.push(" AND folded LIKE ")
                    .push_bind(p.clone())
                    .push(" ESCAPE '\\'");
            }
            if with_page && let Some(before) = filter.before_id {
                q.push(" AND id < ").push_bind(before);
            }
        };
        let mut count = QueryBuilder::<Sqlite>::new("SELECT count(*) FROM audit_log");
        conditions(&mut count, false);
        let total: i64 = count.build_query_scalar().fetch_one(&self.pool).await?;

        let size = filter.page_size();
        let mut q = QueryBuilder::<Sqlite>::new(
            "SELECT id, at, user, action, record_kind, record_id, summary FROM audit_log",
        );
        conditions(&mut q, true);
        // One more than the page shows tells whether another page follows.
        q.push(" ORDER BY id DESC LIMIT ").push_bind(i64::from(size) + 1);
        let mut rows: Vec<Row> = q.build_query_as().fetch_all(&self.pool).await?;
        let more = rows.len() > size as usize;
        rows.truncate(size as usize);
        let next_before_id = if more { rows.last().map(|r| r.0) } else { None };
        let entries = rows.into_iter().map(entry).collect::<Result<Vec<_>>>()?;
        Ok(AuditPage {
            entries,
            total,
            next_before_id,
        })
    }
}

fn day_start(field: &str, day: NaiveDate) -> Result<String> {
    Ok(timestamp(to_utc(instant(field, day, NaiveTime::MIN)?)))
}

fn entry((id, at, user, action, record, record_id, summary): Row) -> Result<AuditEntry> {
    // Codes were written by this module; an unknown one is a newer app's entry or a damaged file.
    let unknown = |code: &str| Error::Validation {
        field: "Änderungsprotokoll".into(),
        message: format!("Der Eintrag {id} hat eine unbekannte Art „{code}“."),
    };
    let action = AuditAction::from_code(&action).ok_or_else(|| unknown(&action))?;
    let record = AuditRecord::from_code(&record).ok_or_else(|| unknown(&record))?;
    Ok(AuditEntry {
        id,
        at,
        user,
        action,
        action_label: action.label(),
        record,
        record_label: record.label(),
        record_id,
        summary,
    })
}

/// A session as audit summaries name it ("„Titel“ vom 24.11.2026"); its id when it is gone.
pub(crate) async fn session_words_of(conn: &mut SqliteConnection, session_id: i64) -> Result<String> {
    let row: Option<(String, String)> = sqlx::query_as("SELECT title, date FROM sessions WHERE id = ?1")
        .bind(session_id)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(match row {
        Some((title, date)) => crate::audit::session_words(&title, &date),
        None => format!("Nr. {session_id}"),
    })
}

/// Records a paper's status change inside the caller's transaction (`change_paper_status`).
pub(crate) async fn record_paper_status(
    conn: &mut SqliteConnection,
    paper_id: i64,
    title: &str,
    from: &str,
    to: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    record_audit(
        conn,
        &crate::audit::paper_status(paper_id, title, from, to),
        Some(now),
    )
    .await?;
    Ok(())
}

//! What every write shares: the one way to open a write transaction, the timestamp format, and
//! the version check that refuses stale saves.
//!
//! Every write starts with `BEGIN IMMEDIATE`, i.e. it takes SQLite's write lock at its first
//! statement. A deferred `BEGIN` would read first and ask for the lock at its first write; when
//! another connection wrote in between, SQLite must then fail with SQLITE_BUSY at once (the busy
//! timeout cannot help a transaction whose snapshot is stale). With the lock from the start, the
//! checks a write makes (duplicates, versions, ids assigned up front) still hold when it writes.

use chrono::{DateTime, SecondsFormat, Utc};
use sqlx::{Sqlite, SqliteConnection, Transaction};

use crate::{Error, Result, store::Store};

impl Store {
    /// A transaction holding the write lock from its start. The only place writes begin.
    pub(crate) async fn begin_write(&self) -> Result<Transaction<'static, Sqlite>> {
        Ok(self.pool.begin_with("BEGIN IMMEDIATE").await?)
    }

    /// A read-only snapshot: several statements that must see the same state of the file (the
    /// full check reads the search index and then checks it). Never used for writes.
    pub(crate) async fn begin_read(&self) -> Result<Transaction<'static, Sqlite>> {
        Ok(self.pool.begin_with("BEGIN DEFERRED").await?)
    }
}

/// `created_at` / `updated_at` as stored: RFC 3339 in UTC, whole seconds ("2026-11-24T13:30:00Z").
pub(crate) fn timestamp(now: DateTime<Utc>) -> String {
    now.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// Records whose updates are checked against the version the form was filled from.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Versioned {
    Contact,
    Organisation,
    Session,
    AgendaItem,
    Decision,
    ActionItem,
    Minutes,
    Paper,
}

impl Versioned {
    fn table(self) -> &'static str {
        match self {
            Versioned::Contact => "contacts",
            Versioned::Organisation => "organisations",
            Versioned::Session => "sessions",
            Versioned::AgendaItem => "agenda_items",
            Versioned::Decision => "decisions",
            Versioned::ActionItem => "action_items",
            Versioned::Minutes => "minutes",
            Versioned::Paper => "papers",
        }
    }

    /// The record in German: nominative, accusative.
    fn words(self) -> (&'static str, &'static str) {
        match self {
            Versioned::Contact => ("Der Kontakt", "den Kontakt"),
            Versioned::Organisation => ("Die Organisation", "die Organisation"),
            Versioned::Session => ("Die Sitzung", "die Sitzung"),
            Versioned::AgendaItem => ("Der Tagesordnungspunkt", "die Tagesordnung"),
            Versioned::Decision => ("Der Beschluss", "das Protokoll"),
            Versioned::ActionItem => ("Die Aufgabe", "die Aufgabe"),
            Versioned::Minutes => ("Das Protokoll", "das Protokoll"),
            Versioned::Paper => ("Das Konzeptpapier", "das Konzeptpapier"),
        }
    }
}

/// Refuses an update of a record that does not exist, or whose stored version is not the one the
/// caller read (`expected`; `None` skips that check). Call inside the update's write transaction,
/// so nobody can change the record between the check and the write; the UPDATE then raises
/// `version` by one.
pub(crate) async fn check_version(
    conn: &mut SqliteConnection,
    record: Versioned,
    id: i64,
    expected: Option<i64>,
) -> Result<()> {
    let sql = format!("SELECT version FROM {} WHERE id = ?1", record.table());
    let stored: Option<i64> = sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    let (what, which) = record.words();
    match stored {
        None => Err(Error::NotFound { what: what.into() }),
        Some(version) if expected.is_some_and(|e| e != version) => Err(Error::Conflict {
            what: what.into(),
            which: which.into(),
        }),
        Some(_) => Ok(()),
    }
}

//! The SQLite store: one file, opened once, with its pragmas and migrations applied before anyone
//! gets to use it. All SQL of the app lives below this module, one file per table group.
//!
//! The FTS5 table `search_index` holds every searchable kind of record; its rowid is the id of the
//! record's `(kind, ref_id)` row in `search_keys`, so a record's row is found (and replaced) by key
//! inside the record's own transaction (see `search.rs`). Every write opens its transaction through
//! `write.rs` (`BEGIN IMMEDIATE`).

mod agenda;
mod attachments;
mod contact_details;
mod contact_insert;
mod contacts;
mod districts;
mod import;
mod info;
mod minutes;
mod organisations;
mod paper_links;
mod paper_versions;
mod papers;
mod participants;
mod pdf;
mod reminders;
mod search;
mod session_index;
mod sessions;
mod settings;
mod write;

pub use contacts::MAX_LIST;
pub use papers::MAX_PAPERS;
pub use pdf::PdfSaved;
pub use sessions::MAX_SESSIONS;

use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use sqlx::{ConnectOptions, Connection};

use crate::error::{DamageFinding, sqlite_version_is_supported};
use crate::{Error, Result};

/// How long a writer waits for another connection's lock before giving up with [`Error::Busy`].
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);
/// Small pool: a desktop app with one user; WAL lets readers run beside the single writer.
const MAX_CONNECTIONS: u32 = 4;

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// `ids` as a JSON array for `… IN (SELECT value FROM json_each(?))`: one bound parameter
/// however many ids (a selection can hold thousands; SQLite allows 32,766 parameters).
pub(crate) fn json_ids(ids: &[i64]) -> String {
    let list: Vec<String> = ids.iter().map(i64::to_string).collect();
    format!("[{}]", list.join(","))
}

#[derive(Debug, Clone)]
pub struct Store {
    pool: SqlitePool,
    /// `None` for in-memory stores.
    path: Option<PathBuf>,
}

impl Store {
    /// Opens (or creates) the data file at `path`. On return the schema is current.
    ///
    /// Order matters: check the SQLite library first, then look at an existing file read-only
    /// (`quick_check`) so a damaged file is reported and never written to, then open for real with
    /// WAL (readers never block the writer), `synchronous=FULL` (office PCs lose power; a committed
    /// transaction must survive that), foreign keys and a busy timeout, then migrate.
    pub async fn open(path: &Path) -> Result<Store> {
        check_sqlite_library().await?;

        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|e| {
                Error::io(
                    format!(
                        "Der Datenordner „{}“ konnte nicht angelegt werden",
                        parent.display()
                    ),
                    e,
                )
            })?;
        }

        if path.exists() {
            check_existing_file(path).await?;
        }

        let options = SqliteConnectOptions::new()
            .filename(path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            .busy_timeout(BUSY_TIMEOUT)
            .optimize_on_close(true, None);
        let pool = SqlitePoolOptions::new()
            .max_connections(MAX_CONNECTIONS)
            .acquire_timeout(BUSY_TIMEOUT)
            .connect_with(options)
            .await
            .map_err(|e| with_path(e.into(), path))?;

        let store = Store {
            pool,
            path: Some(path.to_path_buf()),
        };
        store.migrate().await.map_err(|e| with_path(e, path))?;
        Ok(store)
    }

    /// A fresh in-memory store with all migrations applied; for tests and benchmarks.
    pub async fn open_in_memory() -> Result<Store> {
        check_sqlite_library().await?;
        let options = SqliteConnectOptions::from_str("sqlite::memory:")
            .map_err(Error::from)?
            .foreign_keys(true);
        // One connection only: every in-memory connection would otherwise be its own database.
        let pool = SqlitePoolOptions::new()
            .max_connections(1)
            .min_connections(1)
            .idle_timeout(None)
            .max_lifetime(None)
            .connect_with(options)
            .await?;
        let store = Store { pool, path: None };
        store.migrate().await?;
        Ok(store)
    }

    async fn migrate(&self) -> Result<()> {
        match MIGRATOR.run(&self.pool).await {
            Ok(()) => Ok(()),
            Err(sqlx::migrate::MigrateError::VersionMissing(_))
            | Err(sqlx::migrate::MigrateError::VersionTooNew(..)) => Err(Error::NewerDatabase {
                path: self.path.clone().unwrap_or_default(),
            }),
            Err(e) => Err(e.into()),
        }
    }

    /// Closes the pool, checkpointing the WAL into the main file.
    pub async fn close(self) {
        self.pool.close().await;
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The SQLite library version actually linked (bundled), e.g. "3.51.3".
    pub async fn sqlite_version(&self) -> Result<String> {
        Ok(sqlx::query_scalar("SELECT sqlite_version()")
            .fetch_one(&self.pool)
            .await?)
    }

    /// The journal mode of the data file ("wal" for file stores, "memory" in memory).
    pub async fn journal_mode(&self) -> Result<String> {
        Ok(sqlx::query_scalar("PRAGMA journal_mode")
            .fetch_one(&self.pool)
            .await?)
    }

    /// A per-connection integer pragma as a pooled connection sees it; for tests and diagnostics.
    pub async fn pragma(&self, pragma: Pragma) -> Result<i64> {
        let sql = match pragma {
            Pragma::Synchronous => "PRAGMA synchronous",
            Pragma::ForeignKeys => "PRAGMA foreign_keys",
            Pragma::BusyTimeout => "PRAGMA busy_timeout",
        };
        Ok(sqlx::query_scalar(sql).fetch_one(&self.pool).await?)
    }
}

/// Integer pragmas a caller may read back.
#[derive(Debug, Clone, Copy)]
pub enum Pragma {
    /// 2 = FULL
    Synchronous,
    /// 1 = on
    ForeignKeys,
    /// milliseconds
    BusyTimeout,
}

/// Refuses to run on a SQLite older than [`crate::error::MIN_SQLITE_VERSION`].
async fn check_sqlite_library() -> Result<()> {
    let mut conn = SqliteConnectOptions::from_str("sqlite::memory:")?
        .connect()
        .await?;
    let version: String = sqlx::query_scalar("SELECT sqlite_version()")
        .fetch_one(&mut conn)
        .await?;
    conn.close().await?;
    if sqlite_version_is_supported(&version) {
        Ok(())
    } else {
        Err(Error::SqliteTooOld { found: version })
    }
}

/// Opens an existing file read-only and runs `PRAGMA quick_check`. Anything but "ok" (or a file
/// SQLite does not recognise at all) is reported as damaged; the file is not modified.
async fn check_existing_file(path: &Path) -> Result<()> {
    let damaged = |technical: String| Error::DamagedDatabase {
        path: path.to_path_buf(),
        finding: DamageFinding::StructureCheckFailed,
        technical,
    };
    let options = SqliteConnectOptions::new()
        .filename(path)
        .read_only(true)
        .busy_timeout(BUSY_TIMEOUT);
    let mut conn = match options.connect().await {
        Ok(conn) => conn,
        Err(e) => return Err(classify_open_error(e, path)),
    };
    let result: Result<Vec<String>, sqlx::Error> = sqlx::query_scalar("PRAGMA quick_check")
        .fetch_all(&mut conn)
        .await;
    let _ = conn.close().await;
    match result {
        Ok(rows) if rows.len() == 1 && rows[0] == "ok" => Ok(()),
        Ok(rows) => Err(damaged(rows.into_iter().take(3).collect::<Vec<_>>().join("; "))),
        Err(e) => Err(classify_open_error(e, path)),
    }
}

fn classify_open_error(e: sqlx::Error, path: &Path) -> Error {
    with_path(e.into(), path)
}

/// Fills in the file path for errors that arose below the point where the path was known.
fn with_path(err: Error, path: &Path) -> Error {
    match err {
        Error::DamagedDatabase {
            finding, technical, ..
        } => Error::DamagedDatabase {
            path: path.to_path_buf(),
            finding,
            technical,
        },
        Error::NewerDatabase { .. } => Error::NewerDatabase {
            path: path.to_path_buf(),
        },
        other => other,
    }
}

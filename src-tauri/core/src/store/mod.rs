//! The SQLite store: one file, opened once, with its pragmas and migrations applied before anyone
//! gets to use it. All SQL of the app lives below this module, one file per table group.
//!
//! The FTS5 table `search_index` holds every searchable kind of record; its rowid is the id of the
//! record's `(kind, ref_id)` row in `search_keys`, so a record's row is found (and replaced) by key
//! inside the record's own transaction (see `search.rs`). Every write opens its transaction through
//! `write.rs` (`BEGIN IMMEDIATE`).

pub(crate) mod action_items;
pub(crate) mod agenda;
mod attachments;
pub(crate) mod audit;
mod backup;
mod contact_details;
mod contact_insert;
mod contacts;
mod districts;
mod import;
mod info;
pub(crate) mod minutes;
mod organisations;
mod paper_links;
mod paper_versions;
mod papers;
pub(crate) mod participants;
mod pdf;
mod privacy;
mod reminders;
mod search;
pub(crate) mod session_index;
pub(crate) mod sessions;
mod settings;
pub(crate) mod write;

pub use backup::{corrupt_index_entry_for_tests, inspect_file, integrity_check_file};
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
    /// Opened read-only because the file or its folder cannot be written: reading works, every
    /// write is refused by SQLite (→ [`Error::ReadOnly`]).
    read_only: bool,
}

/// How [`Store::open_with`] may open an existing file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Read and write; falls back to read-only when the file or folder cannot be written.
    ReadWrite,
    /// Read only, never creating or migrating anything (what the fallback does; tests ask for it
    /// directly).
    ReadOnly,
}

impl Store {
    /// Opens (or creates) the data file at `path`. On return the schema is current.
    ///
    /// Order matters: check the SQLite library first, then look at an existing file read-only
    /// (`quick_check`) so a damaged file is reported and never written to, then open for real with
    /// WAL (readers never block the writer), `synchronous=FULL` (office PCs lose power; a committed
    /// transaction must survive that), foreign keys and a busy timeout, then migrate.
    pub async fn open(path: &Path) -> Result<Store> {
        Store::open_with(path, Access::ReadWrite).await
    }

    /// [`Store::open`] with the access asked for. A file that cannot be written (read-only file or
    /// folder, `chattr +i`, a write-protected share) is opened read-only instead of failing, so
    /// people can still look things up; its writes then get the German read-only message.
    pub async fn open_with(path: &Path, access: Access) -> Result<Store> {
        check_sqlite_library().await?;

        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            crate::backup::create_private_dir(parent).map_err(|e| {
                Error::io(
                    format!(
                        "Der Datenordner „{}“ konnte nicht angelegt werden",
                        parent.display()
                    ),
                    e,
                )
            })?;
        }

        if path.is_dir() {
            // SQLite would answer with a disk I/O error, which sends people looking at the disk.
            return Err(Error::io(
                format!("Die Datendatei „{}“ kann nicht geöffnet werden", path.display()),
                std::io::ErrorKind::IsADirectory.into(),
            ));
        }
        if path.exists() {
            check_existing_file(path).await?;
        } else if access == Access::ReadWrite {
            // Created by us (not by SQLite) so it is the user's alone from the first byte: 0600
            // on Unix. SQLite gives its -wal and -shm files the same permissions.
            crate::backup::create_private_file(path).map_err(|e| with_path(e, path))?;
        }

        // A file we may not open for writing (read-only attribute, `chattr +i`, a share's
        // rights; root is not exempt from the last two) is opened for reading right away.
        let writable = std::fs::OpenOptions::new().write(true).open(path).is_ok();
        if access == Access::ReadWrite && writable {
            match Store::open_pool(path, false).await {
                Ok(store) => return Ok(store),
                Err(Error::ReadOnly | Error::CannotOpen | Error::SharedMemory) => {}
                Err(Error::Io { source, .. })
                    if matches!(
                        source.kind(),
                        std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem
                    ) => {}
                Err(e) => return Err(e),
            }
        }
        Store::open_pool(path, true).await
    }

    async fn open_pool(path: &Path, read_only: bool) -> Result<Store> {
        let options = SqliteConnectOptions::new()
            .filename(path)
            .foreign_keys(true)
            .busy_timeout(BUSY_TIMEOUT)
            // Deleted content is overwritten with zeros, not just unlinked: an erased person's
            // name (Art. 17 DSGVO) must not linger in free pages (see store/privacy.rs).
            .pragma("secure_delete", "ON");
        let options = if read_only {
            options.read_only(true)
        } else {
            options
                .create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Full)
                .optimize_on_close(true, None)
        };
        let connect = |options: SqliteConnectOptions| {
            SqlitePoolOptions::new()
                .max_connections(MAX_CONNECTIONS)
                .acquire_timeout(BUSY_TIMEOUT)
                .connect_with(options)
        };
        let pool = match connect(options.clone()).await {
            Ok(pool) => pool,
            Err(e) => return Err(with_path(e.into(), path)),
        };
        // A WAL file in a folder nobody may write to: without a -shm file SQLite can only read it
        // as immutable (nothing else can be writing there anyway). Opening is lazy, so the first
        // read tells.
        let pool = if read_only
            && sqlx::query("SELECT COUNT(*) FROM sqlite_master")
                .execute(&pool)
                .await
                .is_err()
        {
            pool.close().await;
            connect(options.immutable(true))
                .await
                .map_err(|e| with_path(e.into(), path))?
        } else {
            pool
        };

        let store = Store {
            pool,
            path: Some(path.to_path_buf()),
            read_only,
        };
        let migrated = if read_only {
            store.check_schema_current().await
        } else {
            store.migrate().await
        };
        if let Err(e) = migrated {
            // Close on every path: a dropped pool would leave -wal/-shm files behind.
            store.close().await;
            return Err(with_path(e, path));
        }
        Ok(store)
    }

    /// Caps the database at `pages` pages on every pooled connection, so a test can fill the
    /// "disk" (SQLite then answers SQLITE_FULL exactly as on a full disk).
    #[doc(hidden)]
    pub async fn limit_pages_for_tests(&self, pages: i64) -> Result<()> {
        for _ in 0..MAX_CONNECTIONS {
            // An integer, formatted here: PRAGMA takes no bound parameters.
            sqlx::query(sqlx::AssertSqlSafe(format!("PRAGMA max_page_count = {pages}")))
                .execute(&self.pool)
                .await?;
        }
        Ok(())
    }

    /// Whether the data file could only be opened for reading.
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// For a read-only file: every migration this program knows must already be applied (none can
    /// be run), and none it does not know (a newer program's file).
    async fn check_schema_current(&self) -> Result<()> {
        let applied: i64 =
            sqlx::query_scalar("SELECT COALESCE(MAX(version), 0) FROM _sqlx_migrations WHERE success")
                .fetch_one(&self.pool)
                .await?;
        let known = newest_migration();
        if applied > known {
            Err(Error::NewerDatabase {
                path: self.path.clone().unwrap_or_default(),
            })
        } else if applied < known {
            Err(Error::ReadOnly)
        } else {
            Ok(())
        }
    }

    /// A fresh in-memory store with all migrations applied; for tests and benchmarks.
    pub async fn open_in_memory() -> Result<Store> {
        check_sqlite_library().await?;
        let options = SqliteConnectOptions::from_str("sqlite::memory:")
            .map_err(Error::from)?
            .pragma("secure_delete", "ON")
            .foreign_keys(true);
        // One connection only: every in-memory connection would otherwise be its own database.
        let pool = SqlitePoolOptions::new()
            .max_connections(1)
            .min_connections(1)
            .idle_timeout(None)
            .max_lifetime(None)
            .connect_with(options)
            .await?;
        let store = Store {
            pool,
            path: None,
            read_only: false,
        };
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

/// The version (timestamp) of the newest migration this program ships.
pub fn newest_migration() -> i64 {
    MIGRATOR.iter().map(|m| m.version).max().unwrap_or(0)
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
    // SQLite would silently start a 0-byte file over as a new, empty database: almost always a
    // lost file (a copy that failed, a disk that filled up). Report it like a damaged one.
    if std::fs::metadata(path).is_ok_and(|m| m.len() == 0) {
        return Err(Error::DamagedDatabase {
            path: path.to_path_buf(),
            finding: DamageFinding::Empty,
            technical: "file is empty (0 bytes)".to_owned(),
        });
    }
    let options = SqliteConnectOptions::new()
        .filename(path)
        .read_only(true)
        .busy_timeout(BUSY_TIMEOUT);
    let result = match quick_check(options.clone()).await {
        // A WAL file in a folder that cannot be written: no -shm can be made, so look at it as
        // immutable (nobody can be writing there).
        Err(Error::CannotOpen | Error::SharedMemory | Error::ReadOnly) => {
            quick_check(options.immutable(true)).await
        }
        other => other,
    };
    match result {
        Ok(rows) if rows.len() == 1 && rows[0] == "ok" => Ok(()),
        Ok(rows) => Err(damaged(rows.into_iter().take(3).collect::<Vec<_>>().join("; "))),
        Err(e) => Err(with_path(e, path)),
    }
}

async fn quick_check(options: SqliteConnectOptions) -> Result<Vec<String>> {
    let mut conn = options.connect().await?;
    let result = sqlx::query_scalar("PRAGMA quick_check")
        .fetch_all(&mut conn)
        .await;
    let _ = conn.close().await;
    Ok(result?)
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

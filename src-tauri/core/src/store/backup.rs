//! The SQL side of backups: `VACUUM INTO`, the full `integrity_check`, and looking into a file a
//! person wants to restore before anything is replaced. The file moves around it (temporary name,
//! fsync, rename, setting the current file aside) are in `crate::backup`.

use std::path::Path;
use std::str::FromStr;

use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{ConnectOptions, Connection, SqliteConnection};

use crate::backup::{CheckResult, FileFacts};
use crate::error::DamageFinding;
use crate::{Error, Result, store::Store};

impl Store {
    /// Writes a compact copy of the whole database into `target`, which must not exist yet.
    /// `VACUUM INTO` reads one consistent snapshot, so the copy is complete even while the window
    /// writes; it is the caller's temporary file (see `usecase::backup::write_backup`).
    pub(crate) async fn vacuum_into(&self, target: &Path) -> Result<()> {
        let target = target.to_str().ok_or_else(|| {
            Error::validation(
                "Sicherung",
                "Der Pfad der Sicherungsdatei enthält Zeichen, die SQLite nicht verarbeiten kann.",
            )
        })?;
        sqlx::query("VACUUM INTO ?")
            .bind(target)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// The full `PRAGMA integrity_check` on the open data file (seconds on a large file; run in
    /// the background, by `pruefen`, and before each automatic backup). Unlike the `quick_check`
    /// at start it compares every index with its table.
    pub async fn integrity_check(&self) -> Result<CheckResult> {
        // FTS5 keeps the structure of the search index it last read on a connection, and the
        // FTS5 part of `integrity_check` uses that copy without asking whether another connection
        // wrote since: while the window saves, it then reads pages that are gone and reports
        // "fts5: corruption found reading blob …", a false "Datendatei beschädigt" (seen in the
        // window 3 s after start, while TOPs were added). A query on the index inside the same
        // read transaction makes FTS5 load the structure of this snapshot first.
        let mut tx = self.begin_read().await?;
        let _: Option<i64> =
            sqlx::query_scalar("SELECT rowid FROM search_index WHERE search_index MATCH 'netzwerk' LIMIT 1")
                .fetch_optional(&mut *tx)
                .await?;
        let rows: Vec<String> = sqlx::query_scalar("PRAGMA integrity_check")
            .fetch_all(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(CheckResult::from_rows(rows))
    }

    /// The schema version (newest applied migration) of the open data file.
    pub async fn schema_version(&self) -> Result<i64> {
        Ok(
            sqlx::query_scalar("SELECT COALESCE(MAX(version), 0) FROM _sqlx_migrations WHERE success")
                .fetch_one(&self.pool)
                .await?,
        )
    }
}

/// Opens `path` read-only (never creating or changing it) for a look inside.
async fn open_read_only(path: &Path) -> Result<SqliteConnection> {
    let options = SqliteConnectOptions::from_str("sqlite://")
        .map_err(Error::from)?
        .filename(path)
        .read_only(true);
    match options.clone().connect().await {
        Ok(conn) => Ok(conn),
        // A WAL file in a folder that cannot be written gets no -shm file; read it as immutable.
        Err(_) => Ok(options.immutable(true).connect().await?),
    }
}

/// The full `integrity_check` of a file that is not open as the store (a fresh backup, a file
/// to restore). A file SQLite does not recognise is a failed check, not an error.
pub async fn integrity_check_file(path: &Path) -> Result<CheckResult> {
    if std::fs::metadata(path)
        .map_err(|e| Error::io(format!("„{}“", path.display()), e))?
        .len()
        == 0
    {
        return Ok(CheckResult::failed(
            DamageFinding::Empty,
            "file is empty (0 bytes)",
        ));
    }
    let mut conn = match open_read_only(path).await {
        Ok(conn) => conn,
        Err(Error::DamagedDatabase {
            finding, technical, ..
        }) => {
            return Ok(CheckResult::failed(finding, technical));
        }
        Err(e) => return Err(e),
    };
    let rows: std::result::Result<Vec<String>, sqlx::Error> = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_all(&mut conn)
        .await;
    let _ = conn.close().await;
    match rows.map_err(Error::from) {
        Ok(rows) => Ok(CheckResult::from_rows(rows)),
        Err(Error::DamagedDatabase {
            finding, technical, ..
        }) => Ok(CheckResult::failed(finding, technical)),
        Err(e) => Err(e),
    }
}

/// What a file a person picked for restoring holds: is it a healthy Netzwerkmappe data file, of
/// which schema version, with how many contacts and sessions. Read-only; the file is not changed.
pub async fn inspect_file(path: &Path) -> Result<FileFacts> {
    let not_ours = || {
        Error::validation(
            "Sicherung",
            format!(
                "Die Datei „{}“ ist keine Sicherung von Netzwerkmappe. Bitte wählen Sie eine Datei \
                 „Netzwerkmappe_Sicherung_….sqlite“ oder die Datendatei „netzwerkmappe.sqlite3“.",
                path.display()
            ),
        )
    };
    let check = integrity_check_file(path).await?;
    if check.finding == Some(DamageFinding::NotADatabase) || check.finding == Some(DamageFinding::Empty) {
        return Err(not_ours());
    }
    if !check.ok {
        return Err(Error::validation(
            "Sicherung",
            format!(
                "Die Datei „{}“ ist beschädigt (die Prüfung hat Fehler gefunden) und wird nicht \
                 wiederhergestellt. Bitte wählen Sie eine andere Sicherung.",
                path.display()
            ),
        ));
    }
    let mut conn = open_read_only(path).await?;
    let facts = read_facts(&mut conn).await;
    let _ = conn.close().await;
    let facts = facts.map_err(|_| not_ours())?;
    if facts.schema_version > crate::store::newest_migration() {
        return Err(Error::NewerDatabase {
            path: path.to_path_buf(),
        });
    }
    Ok(facts)
}

/// Whether `table` has `column` (older backups lack later migrations' tables and columns).
async fn has_column(
    conn: &mut SqliteConnection,
    table: &str,
    column: &str,
) -> std::result::Result<bool, sqlx::Error> {
    sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM pragma_table_info(?1) WHERE name = ?2)")
        .bind(table)
        .bind(column)
        .fetch_one(&mut *conn)
        .await
}

async fn read_facts(conn: &mut SqliteConnection) -> std::result::Result<FileFacts, sqlx::Error> {
    let schema_version: i64 =
        sqlx::query_scalar("SELECT COALESCE(MAX(version), 0) FROM _sqlx_migrations WHERE success")
            .fetch_one(&mut *conn)
            .await?;
    let created_at: Option<String> =
        sqlx::query_scalar("SELECT value FROM app_meta WHERE key = 'created_at'")
            .fetch_optional(&mut *conn)
            .await?;
    // The placeholders of erased people are no contacts to the person restoring; the column
    // came with a later migration, so an older backup counts every row.
    let contacts: i64 = if has_column(conn, "contacts", "anonymised_at").await? {
        sqlx::query_scalar("SELECT COUNT(*) FROM contacts WHERE anonymised_at IS NULL")
            .fetch_one(&mut *conn)
            .await?
    } else {
        sqlx::query_scalar("SELECT COUNT(*) FROM contacts")
            .fetch_one(&mut *conn)
            .await?
    };
    // Sessions came with a later migration; an older backup has none.
    let sessions: i64 = if has_column(conn, "sessions", "id").await? {
        sqlx::query_scalar("SELECT COUNT(*) FROM sessions")
            .fetch_one(&mut *conn)
            .await?
    } else {
        0
    };
    Ok(FileFacts {
        schema_version,
        created_at,
        contacts,
        sessions,
        summary: crate::backup::facts_summary(contacts, sessions),
    })
}

/// Changes the row id of the last entry of the `contacts_sort` index (a leaf page), as a bad
/// sector or a stray write might: the b-tree stays well-formed, so `quick_check` passes, but
/// `integrity_check` finds a row missing from the index.
#[doc(hidden)]
pub async fn corrupt_index_entry_for_tests(path: &Path) -> Result<()> {
    let mut conn = sqlx::sqlite::SqliteConnectOptions::new()
        .filename(path)
        .connect()
        .await?;
    let page_size: i64 = sqlx::query_scalar("PRAGMA page_size")
        .fetch_one(&mut conn)
        .await?;
    let root: i64 = sqlx::query_scalar("SELECT rootpage FROM sqlite_master WHERE name = 'contacts_sort'")
        .fetch_one(&mut conn)
        .await?;
    sqlx::query("PRAGMA journal_mode = DELETE")
        .execute(&mut conn)
        .await?;
    conn.close().await?;
    let mut bytes = std::fs::read(path).map_err(|e| Error::io("Testdatei", e))?;
    let page = ((root - 1) * page_size) as usize;
    let header = if root == 1 { page + 100 } else { page };
    assert_eq!(bytes[header], 0x0A, "index leaf page");
    let cells = u16::from_be_bytes([bytes[header + 3], bytes[header + 4]]) as usize;
    assert!(cells >= 1);
    let pointer = header + 8 + 2 * (cells - 1);
    let cell = page + u16::from_be_bytes([bytes[pointer], bytes[pointer + 1]]) as usize;
    // Cell: payload length (one-byte varint for small records), then the record; the row id is
    // its last column, a one-byte integer (serial type 1) for ids 2..127.
    let payload = bytes[cell] as usize;
    assert!(payload < 0x80);
    let header_len = bytes[cell + 1] as usize;
    assert_eq!(bytes[cell + header_len], 1, "row id stored as one byte");
    let rowid = cell + 1 + payload - 1;
    bytes[rowid] = 120;
    std::fs::write(path, &bytes).map_err(|e| Error::io("Testdatei", e))?;
    Ok(())
}

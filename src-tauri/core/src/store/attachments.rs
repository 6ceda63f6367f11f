//! SQL for attachments of concept papers. The bytes live in the data file (table `attachments`),
//! so a backup or an exchange package of the file carries them and deleting the paper erases them;
//! a SHA-256 taken when the file was attached is checked on every read, so a damaged attachment is
//! reported instead of opened.

use std::path::Path;

use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use super::audit::record_audit;
use super::papers::{load_paper, mark_updated};
use super::write::timestamp;
use crate::paper::{AttachmentFile, AttachmentMeta, check_attachment, media_type, sha256_hex};
use crate::{Error, Result, Store};

const SELECT_META: &str = "
    SELECT a.id, a.paper_id, a.version_id, v.number AS version_number, a.file_name, a.media_type, a.size,
           a.sha256, a.added_by, a.added_at
    FROM attachments a LEFT JOIN paper_versions v ON v.id = a.version_id";

impl Store {
    /// Attaches `data` as `file_name` to a paper (or to one of its versions). Refused over the size
    /// limit or when empty, with a German message naming the file. Allowed in every status: an
    /// attachment adds material (a signed copy of the decision, say) and changes no version.
    pub async fn add_attachment(
        &self,
        paper_id: i64,
        version_id: Option<i64>,
        file_name: &str,
        data: &[u8],
        by: &str,
        now: DateTime<Utc>,
    ) -> Result<AttachmentMeta> {
        let file_name = file_name.trim();
        check_attachment(file_name, u64::try_from(data.len()).unwrap_or(u64::MAX))?;
        let mut tx = self.begin_write().await?;
        load_paper(&mut tx, paper_id).await?;
        if let Some(version) = version_id {
            let owner: Option<i64> = sqlx::query_scalar("SELECT paper_id FROM paper_versions WHERE id = ?1")
                .bind(version)
                .fetch_optional(&mut *tx)
                .await?;
            if owner != Some(paper_id) {
                return Err(Error::NotFound {
                    what: "Die Version".into(),
                });
            }
        }
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO attachments (paper_id, version_id, file_name, media_type, size, sha256, added_by, added_at, data)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) RETURNING id",
        )
        .bind(paper_id)
        .bind(version_id)
        .bind(file_name)
        .bind(media_type(file_name))
        .bind(i64::try_from(data.len()).unwrap_or(i64::MAX))
        .bind(sha256_hex(data))
        .bind(by)
        .bind(timestamp(now))
        .bind(data)
        .fetch_one(&mut *tx)
        .await?;
        mark_updated(&mut tx, paper_id, now).await?;
        let meta = load_meta(&mut tx, id).await?;
        tx.commit().await?;
        Ok(meta)
    }

    /// Attaches the file at `path` (picked in the system's dialog, or named on the command line).
    /// The size is checked before the file is read, so a film picked by mistake is refused at once.
    pub async fn add_attachment_from_file(
        &self,
        paper_id: i64,
        version_id: Option<i64>,
        path: &Path,
        by: &str,
        now: DateTime<Utc>,
    ) -> Result<AttachmentMeta> {
        let file_name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let unreadable = |e| {
            Error::io(
                format!("Die Datei „{}“ konnte nicht gelesen werden", path.display()),
                e,
            )
        };
        let size = std::fs::metadata(path).map_err(unreadable)?.len();
        check_attachment(&file_name, size)?;
        let data = std::fs::read(path).map_err(unreadable)?;
        self.add_attachment(paper_id, version_id, &file_name, &data, by, now)
            .await
    }

    /// An attachment's bytes, after checking them against the stored checksum.
    pub async fn read_attachment(&self, id: i64) -> Result<AttachmentFile> {
        let mut conn = self.pool.acquire().await?;
        let meta = load_meta(&mut conn, id).await?;
        let data: Vec<u8> = sqlx::query_scalar("SELECT data FROM attachments WHERE id = ?1")
            .bind(id)
            .fetch_one(&mut *conn)
            .await?;
        let size_matches = i64::try_from(data.len()).is_ok_and(|n| n == meta.size);
        if !size_matches || sha256_hex(&data) != meta.sha256 {
            return Err(Error::validation(
                "Anhang",
                format!(
                    "Der Anhang „{}“ ist beschädigt: Sein Inhalt stimmt nicht mehr mit der Prüfsumme überein, \
                     die beim Anhängen gespeichert wurde. Er wird deshalb nicht geöffnet. Bitte hängen Sie die \
                     Datei erneut an oder stellen Sie eine Sicherung wieder her.",
                    meta.file_name
                ),
            ));
        }
        Ok(AttachmentFile { meta, data })
    }

    /// Removes an attachment, noted in the Änderungsprotokoll with its file name.
    pub async fn delete_attachment(&self, id: i64, now: DateTime<Utc>) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let meta = load_meta(&mut tx, id).await?;
        let paper = load_paper(&mut tx, meta.paper_id).await?;
        sqlx::query("DELETE FROM attachments WHERE id = ?1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        mark_updated(&mut tx, meta.paper_id, now).await?;
        let event = crate::audit::attachment_deleted(meta.paper_id, &paper.title, &meta.file_name);
        record_audit(&mut tx, &event, Some(now)).await?;
        tx.commit().await?;
        Ok(())
    }
}

pub(crate) async fn list_attachments(
    conn: &mut SqliteConnection,
    paper_id: i64,
) -> Result<Vec<AttachmentMeta>> {
    let sql = format!("{SELECT_META} WHERE a.paper_id = ?1 ORDER BY a.id");
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(paper_id)
        .fetch_all(&mut *conn)
        .await?)
}

async fn load_meta(conn: &mut SqliteConnection, id: i64) -> Result<AttachmentMeta> {
    let sql = format!("{SELECT_META} WHERE a.id = ?1");
    sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or_else(|| Error::NotFound {
            what: "Der Anhang".into(),
        })
}

//! SQL for attachments of concept papers. The bytes live in the data file (table `attachments`),
//! so a backup or an exchange package of the file carries them and deleting the paper erases them;
//! a SHA-256 taken when the file was attached is checked on every read (`usecase::papers`), so a
//! damaged attachment is reported instead of opened.

use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use super::audit::record_audit;
use super::paper_record::{load_paper, mark_updated};
use super::write::timestamp;
use crate::paper::{AttachmentFile, AttachmentMeta, media_type, sha256_hex};
use crate::{Error, Result, store::Store};

const SELECT_META: &str = "
    SELECT a.id, a.paper_id, a.version_id, v.number AS version_number, a.file_name, a.media_type, a.size,
           a.sha256, a.added_by, a.added_at
    FROM attachments a LEFT JOIN paper_versions v ON v.id = a.version_id";

impl Store {
    /// An attachment's bytes as stored, NOT yet checked against the checksum
    /// (`usecase::papers::read_attachment` checks them).
    pub async fn attachment_as_stored(&self, id: i64) -> Result<AttachmentFile> {
        let mut conn = self.pool.acquire().await?;
        let meta = load_meta(&mut conn, id).await?;
        let data: Vec<u8> = sqlx::query_scalar("SELECT data FROM attachments WHERE id = ?1")
            .bind(id)
            .fetch_one(&mut *conn)
            .await?;
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

/// Stores `data` as attachment `file_name` of the paper (or of its version `version_id`), with
/// its size and checksum.
pub(crate) async fn insert_attachment(
    conn: &mut SqliteConnection,
    paper_id: i64,
    version_id: Option<i64>,
    file_name: &str,
    data: &[u8],
    by: &str,
    now: DateTime<Utc>,
) -> Result<i64> {
    Ok(sqlx::query_scalar(
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
    .fetch_one(&mut *conn)
    .await?)
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

pub(crate) async fn load_meta(conn: &mut SqliteConnection, id: i64) -> Result<AttachmentMeta> {
    let sql = format!("{SELECT_META} WHERE a.id = ?1");
    sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or_else(|| Error::NotFound {
            what: "Der Anhang".into(),
        })
}

//! The paper row that every other paper table's SQL needs: loading it, raising its version or
//! only its `updated_at`, and rebuilding its search row. It sits below `papers.rs`,
//! `paper_versions.rs`, `attachments.rs` and `paper_links.rs`, so those import it and never each
//! other.

use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use super::search::put_rows;
use super::write::timestamp;
use crate::paper::Paper;
use crate::search::{PaperWords, SearchKind, paper_text};
use crate::{Error, Result};

pub(crate) const SELECT_PAPER: &str = "
    SELECT p.id, p.title, p.summary, p.handlungsfeld_id, h.name AS handlungsfeld, p.lead_organisation_id,
           coalesce(o.name, p.lead_organisation_name) AS lead_organisation_name, p.status, p.created_at,
           p.updated_at, p.version
    FROM papers p
    LEFT JOIN handlungsfelder h ON h.id = p.handlungsfeld_id
    LEFT JOIN organisations o ON o.id = p.lead_organisation_id";

pub(crate) fn not_found() -> Error {
    Error::NotFound {
        what: "Das Konzeptpapier".into(),
    }
}

pub(crate) async fn load_paper(conn: &mut SqliteConnection, id: i64) -> Result<Paper> {
    let sql = format!("{SELECT_PAPER} WHERE p.id = ?1");
    sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or_else(not_found)
}

/// Raises the paper's version and `updated_at`: a new version or status is a change an open
/// editor must not overwrite unknowingly (optimistic locking).
pub(crate) async fn touch_paper(conn: &mut SqliteConnection, id: i64, now: DateTime<Utc>) -> Result<()> {
    sqlx::query("UPDATE papers SET updated_at = ?1, version = version + 1 WHERE id = ?2")
        .bind(timestamp(now))
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Sets `updated_at` only: attachments and links change nothing an open editor could overwrite,
/// so they must not make its next "Version speichern" a conflict.
pub(crate) async fn mark_updated(conn: &mut SqliteConnection, id: i64, now: DateTime<Utc>) -> Result<()> {
    sqlx::query("UPDATE papers SET updated_at = ?1 WHERE id = ?2")
        .bind(timestamp(now))
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Rebuilds the paper's search row from what it says now: title, summary, Handlungsfeld, lead
/// organisation, authors and the latest version's text (never an older version, never the draft).
pub(crate) async fn index_paper(conn: &mut SqliteConnection, id: i64) -> Result<()> {
    let paper = load_paper(conn, id).await?;
    let authors: Vec<String> =
        sqlx::query_scalar("SELECT name FROM paper_authors WHERE paper_id = ?1 ORDER BY position")
            .bind(id)
            .fetch_all(&mut *conn)
            .await?;
    let body: Option<String> = sqlx::query_scalar(
        "SELECT body FROM paper_versions WHERE paper_id = ?1 ORDER BY number DESC LIMIT 1",
    )
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?;
    let body_text = body
        .map(|b| crate::markdown::parse(&b).plain_text())
        .unwrap_or_default();
    let author_refs: Vec<&str> = authors.iter().map(String::as_str).collect();
    let text = paper_text(&PaperWords {
        title: &paper.title,
        summary: paper.summary.as_deref(),
        body_text: &body_text,
        handlungsfeld: paper.handlungsfeld.as_deref(),
        lead_organisation: paper.lead_organisation_name.as_deref(),
        authors: &author_refs,
    });
    put_rows(conn, SearchKind::Paper, &[(id, text)]).await
}

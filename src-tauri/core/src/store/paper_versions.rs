//! SQL for a paper's texts and status: saving a version (never changing one), the autosaved
//! draft, reading versions, and status changes with their history. What may be saved when is
//! decided in `usecase::papers` with the rules of `paper_status.rs`; tree: `markdown.rs`.

use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use super::paper_record::{load_paper, touch_paper};
use super::write::timestamp;
use crate::paper::{DraftInput, PaperDraft, PaperVersion, StatusChange, VersionInput, VersionSummary};
use crate::paper_status::PaperStatus;
use crate::{Error, Result, store::Store};

impl Store {
    /// Throws the draft away ("Entwurf verwerfen"); the saved versions stay as they are.
    pub async fn discard_paper_draft(&self, paper_id: i64) -> Result<()> {
        let mut tx = self.begin_write().await?;
        load_paper(&mut tx, paper_id).await?;
        sqlx::query("DELETE FROM paper_drafts WHERE paper_id = ?1")
            .bind(paper_id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// One saved version with its document tree.
    pub async fn get_paper_version(&self, version_id: i64) -> Result<PaperVersion> {
        let mut conn = self.pool.acquire().await?;
        load_version(&mut conn, version_id).await
    }

    /// The paper's autosaved draft, if it has one.
    pub async fn paper_draft(&self, paper_id: i64) -> Result<Option<PaperDraft>> {
        let mut conn = self.pool.acquire().await?;
        draft_of(&mut conn, paper_id).await
    }
}

/// Keeps `input` as the draft of the paper's next version (replacing an earlier draft).
pub(crate) async fn upsert_draft(
    conn: &mut SqliteConnection,
    paper_id: i64,
    input: &DraftInput,
    now: DateTime<Utc>,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO paper_drafts (paper_id, title, summary, body, base_number, updated_at)
         VALUES (?1, ?2, ?3, ?4, (SELECT max(number) FROM paper_versions WHERE paper_id = ?1), ?5)
         ON CONFLICT (paper_id) DO UPDATE SET title = excluded.title, summary = excluded.summary,
             body = excluded.body, updated_at = excluded.updated_at",
    )
    .bind(paper_id)
    .bind(&input.title)
    .bind(&input.summary)
    .bind(&input.body)
    .bind(timestamp(now))
    .execute(&mut *conn)
    .await?;
    Ok(())
}

pub(crate) async fn draft_of(conn: &mut SqliteConnection, paper_id: i64) -> Result<Option<PaperDraft>> {
    Ok(sqlx::query_as(
        "SELECT title, summary, body, base_number, updated_at FROM paper_drafts WHERE paper_id = ?1",
    )
    .bind(paper_id)
    .fetch_optional(&mut *conn)
    .await?)
}

/// The paper's versions without their text, newest first.
pub(crate) async fn version_summaries(
    conn: &mut SqliteConnection,
    paper_id: i64,
) -> Result<Vec<VersionSummary>> {
    Ok(sqlx::query_as(
        "SELECT id, number, title, note, saved_by, saved_at, restored_from, length(body) AS length
         FROM paper_versions WHERE paper_id = ?1 ORDER BY number DESC",
    )
    .bind(paper_id)
    .fetch_all(&mut *conn)
    .await?)
}

/// The paper's status changes, oldest first, each with the session of its decision.
pub(crate) async fn status_history(conn: &mut SqliteConnection, paper_id: i64) -> Result<Vec<StatusChange>> {
    Ok(sqlx::query_as(
        "SELECT c.id, c.from_status, c.to_status, c.at, c.note, c.changed_by, c.decision_id, c.decision_label,
                c.adopted_version, d.session_id
         FROM paper_status_changes c LEFT JOIN decisions d ON d.id = c.decision_id
         WHERE c.paper_id = ?1 ORDER BY c.id",
    )
    .bind(paper_id)
    .fetch_all(&mut *conn)
    .await?)
}

/// The number of the paper's latest version (`None` before the first).
pub(crate) async fn latest_number(conn: &mut SqliteConnection, paper_id: i64) -> Result<Option<i64>> {
    Ok(
        sqlx::query_scalar("SELECT max(number) FROM paper_versions WHERE paper_id = ?1")
            .bind(paper_id)
            .fetch_one(&mut *conn)
            .await?,
    )
}

/// The paper a version belongs to (`None`: no such version).
pub(crate) async fn paper_of_version(conn: &mut SqliteConnection, version_id: i64) -> Result<Option<i64>> {
    Ok(
        sqlx::query_scalar("SELECT paper_id FROM paper_versions WHERE id = ?1")
            .bind(version_id)
            .fetch_optional(&mut *conn)
            .await?,
    )
}

/// Whether the paper has a draft whose text differs from its latest version (a draft an editor
/// saved without changing anything holds nothing that could be lost; it is removed).
pub(crate) async fn has_draft(conn: &mut SqliteConnection, paper_id: i64) -> Result<bool> {
    let unsaved: bool = sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM paper_drafts d WHERE d.paper_id = ?1 AND NOT EXISTS (
             SELECT 1 FROM paper_versions v WHERE v.paper_id = d.paper_id
             AND v.number = (SELECT max(number) FROM paper_versions WHERE paper_id = d.paper_id)
             AND v.title = trim(d.title) AND v.summary IS d.summary AND v.body = d.body))",
    )
    .bind(paper_id)
    .fetch_one(&mut *conn)
    .await?;
    if !unsaved {
        sqlx::query("DELETE FROM paper_drafts WHERE paper_id = ?1")
            .bind(paper_id)
            .execute(&mut *conn)
            .await?;
    }
    Ok(unsaved)
}

/// A decision's number and its minutes' ordinal and year (`None` before the minutes exist);
/// `None` when there is no such decision.
pub(crate) async fn decision_number(
    conn: &mut SqliteConnection,
    decision: i64,
) -> Result<Option<(i64, Option<i64>, Option<i64>)>> {
    Ok(sqlx::query_as(
        "SELECT d.number, m.ordinal, m.year FROM decisions d LEFT JOIN minutes m ON m.session_id = d.session_id
         WHERE d.id = ?1",
    )
    .bind(decision)
    .fetch_optional(&mut *conn)
    .await?)
}

/// A status change as it is recorded in the paper's history.
pub(crate) struct StatusChangeRow<'a> {
    pub paper_id: i64,
    pub from: PaperStatus,
    pub to: PaperStatus,
    pub note: Option<&'a str>,
    pub by: &'a str,
    pub decision_id: Option<i64>,
    pub decision_label: Option<&'a str>,
    pub adopted_version: Option<i64>,
}

/// Records a status change and sets the paper's status (the caller touches and indexes it).
pub(crate) async fn write_status_change(
    conn: &mut SqliteConnection,
    change: &StatusChangeRow<'_>,
    now: DateTime<Utc>,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO paper_status_changes (paper_id, from_status, to_status, at, note, changed_by, decision_id,
                                           decision_label, adopted_version)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )
    .bind(change.paper_id)
    .bind(change.from)
    .bind(change.to)
    .bind(timestamp(now))
    .bind(change.note)
    .bind(change.by)
    .bind(change.decision_id)
    .bind(change.decision_label)
    .bind(change.adopted_version)
    .execute(&mut *conn)
    .await?;
    sqlx::query("UPDATE papers SET status = ?1 WHERE id = ?2")
        .bind(change.to)
        .bind(change.paper_id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Links the paper to the session (and TOP) of `decision`, unless it is linked there already.
pub(crate) async fn link_to_decision(
    conn: &mut SqliteConnection,
    paper_id: i64,
    decision: i64,
    now: DateTime<Utc>,
) -> Result<()> {
    sqlx::query(
        "INSERT OR IGNORE INTO paper_links (paper_id, session_id, agenda_item_id, created_at)
         SELECT ?1, session_id, agenda_item_id, ?2 FROM decisions WHERE id = ?3",
    )
    .bind(paper_id)
    .bind(timestamp(now))
    .bind(decision)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Adds the next version (number = latest + 1) with `input`'s text, makes its title and summary
/// the paper's, removes the draft and raises the paper's version. The caller indexes the paper.
pub(crate) async fn insert_version(
    conn: &mut SqliteConnection,
    paper_id: i64,
    input: &VersionInput,
    restored_from: Option<i64>,
    by: &str,
    now: DateTime<Utc>,
) -> Result<i64> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO paper_versions (paper_id, number, title, summary, body, note, saved_by, saved_at, restored_from)
         VALUES (?1, coalesce((SELECT max(number) FROM paper_versions WHERE paper_id = ?1), 0) + 1,
                 ?2, ?3, ?4, ?5, ?6, ?7, ?8)
         RETURNING id",
    )
    .bind(paper_id)
    .bind(&input.title)
    .bind(&input.summary)
    .bind(&input.body)
    .bind(&input.note)
    .bind(by)
    .bind(timestamp(now))
    .bind(restored_from)
    .fetch_one(&mut *conn)
    .await?;
    sqlx::query("UPDATE papers SET title = ?1, summary = ?2, sort_key = ?3 WHERE id = ?4")
        .bind(&input.title)
        .bind(&input.summary)
        .bind(crate::search::sort_key(&[&input.title]))
        .bind(paper_id)
        .execute(&mut *conn)
        .await?;
    sqlx::query("DELETE FROM paper_drafts WHERE paper_id = ?1")
        .bind(paper_id)
        .execute(&mut *conn)
        .await?;
    touch_paper(conn, paper_id, now).await?;
    Ok(id)
}

type VersionRow = (
    i64,
    i64,
    i64,
    String,
    Option<String>,
    String,
    Option<String>,
    String,
    String,
    Option<i64>,
);

pub(crate) async fn load_version(conn: &mut SqliteConnection, version_id: i64) -> Result<PaperVersion> {
    let row: Option<VersionRow> = sqlx::query_as(
        "SELECT id, paper_id, number, title, summary, body, note, saved_by, saved_at, restored_from
         FROM paper_versions WHERE id = ?1",
    )
    .bind(version_id)
    .fetch_optional(&mut *conn)
    .await?;
    let Some((id, paper_id, number, title, summary, body, note, saved_by, saved_at, restored_from)) = row
    else {
        return Err(Error::NotFound {
            what: "Die Version".into(),
        });
    };
    let document = crate::markdown::parse(&body);
    Ok(PaperVersion {
        id,
        paper_id,
        number,
        title,
        summary,
        body,
        note,
        saved_by,
        saved_at,
        restored_from,
        document,
    })
}

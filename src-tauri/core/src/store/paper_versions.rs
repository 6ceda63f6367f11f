//! SQL for a paper's texts and status: saving a version (never changing one), the autosaved
//! draft, reading and comparing versions, restoring an old version as a new one, and status
//! changes with their history. Rules: `paper_status.rs`; tree: `markdown.rs`; diff: `paper_diff.rs`.

use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use super::audit::record_paper_status;
use super::papers::{index_paper, load_paper, touch_paper};
use super::write::{Versioned, check_version, timestamp};
use crate::paper::{
    DraftComparison, DraftInput, PaperDraft, PaperVersion, PaperView, StatusChangeInput, VersionComparison,
    VersionInput, VersionSummary, restored_note,
};
use crate::paper_diff::{compare_documents, compare_texts};
use crate::paper_status::{PaperStatus, check_change, check_editable, check_no_draft};
use crate::{Error, Result, Store};

impl Store {
    /// Autosave: keeps the text being written as the draft of the next version (replacing the
    /// previous draft). Not version-checked: a draft belongs to the one editor open on it, and
    /// losing typed text is worse than the last of two editors winning.
    pub async fn save_paper_draft(&self, paper_id: i64, input: DraftInput, now: DateTime<Utc>) -> Result<()> {
        let input = input.normalised()?;
        let mut tx = self.begin_write().await?;
        let paper = load_paper(&mut tx, paper_id).await?;
        check_editable(paper.status, "Ein Entwurf der nächsten Version")?;
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
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

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

    /// Saves the text as the paper's next version (saved by `by`), takes its title and summary
    /// as the paper's, removes the draft and updates the search row, in one transaction.
    pub async fn save_paper_version(
        &self,
        paper_id: i64,
        input: VersionInput,
        by: &str,
        now: DateTime<Utc>,
    ) -> Result<PaperView> {
        let input = input.normalised()?;
        let mut tx = self.begin_write().await?;
        check_version(&mut tx, Versioned::Paper, paper_id, input.expected_version).await?;
        let paper = load_paper(&mut tx, paper_id).await?;
        check_editable(paper.status, "Eine neue Version")?;
        insert_version(&mut tx, paper_id, &input, None, by, now).await?;
        index_paper(&mut tx, paper_id).await?;
        tx.commit().await?;
        self.get_paper(paper_id).await
    }

    /// One saved version with its document tree.
    pub async fn get_paper_version(&self, version_id: i64) -> Result<PaperVersion> {
        let mut conn = self.pool.acquire().await?;
        load_version(&mut conn, version_id).await
    }

    /// Compares two versions of one paper word by word; the older is always `a`.
    pub async fn compare_paper_versions(&self, first: i64, second: i64) -> Result<VersionComparison> {
        let mut conn = self.pool.acquire().await?;
        let x = load_version(&mut conn, first).await?;
        let y = load_version(&mut conn, second).await?;
        if x.paper_id != y.paper_id {
            return Err(Error::validation(
                "Version",
                "Es können nur Versionen desselben Konzeptpapiers verglichen werden.",
            ));
        }
        let (a, b) = if x.number <= y.number { (x, y) } else { (y, x) };
        Ok(VersionComparison {
            title_diff: compare_texts(&a.title, &b.title),
            summary_diff: compare_texts(
                a.summary.as_deref().unwrap_or_default(),
                b.summary.as_deref().unwrap_or_default(),
            ),
            body_diff: compare_documents(&a.document, &b.document),
            a: summary_of(&a),
            b: summary_of(&b),
        })
    }

    /// Compares a saved version with the paper's draft ("Entwurf mit Version n vergleichen");
    /// `NotFound` when the paper has no draft (it was saved or discarded meanwhile).
    pub async fn compare_paper_draft(&self, version_id: i64) -> Result<DraftComparison> {
        let mut conn = self.pool.acquire().await?;
        let a = load_version(&mut conn, version_id).await?;
        let draft: PaperDraft = sqlx::query_as(
            "SELECT title, summary, body, base_number, updated_at FROM paper_drafts WHERE paper_id = ?1",
        )
        .bind(a.paper_id)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or_else(|| Error::NotFound {
            what: "Der Entwurf".into(),
        })?;
        Ok(DraftComparison {
            title_diff: compare_texts(&a.title, draft.title.trim()),
            summary_diff: compare_texts(
                a.summary.as_deref().unwrap_or_default(),
                draft.summary.as_deref().unwrap_or_default(),
            ),
            body_diff: compare_documents(&a.document, &crate::markdown::parse(&draft.body)),
            a: summary_of(&a),
            draft,
        })
    }

    /// Restores an old version as the paper's newest one (its text, title and summary, with the
    /// note "Wiederhergestellt aus Version n"); every version in between stays. A draft is
    /// removed like with every new version.
    pub async fn restore_paper_version(
        &self,
        version_id: i64,
        expected_version: Option<i64>,
        by: &str,
        now: DateTime<Utc>,
    ) -> Result<PaperView> {
        let mut tx = self.begin_write().await?;
        let old = load_version(&mut tx, version_id).await?;
        check_version(&mut tx, Versioned::Paper, old.paper_id, expected_version).await?;
        let paper = load_paper(&mut tx, old.paper_id).await?;
        check_editable(paper.status, "Das Wiederherstellen einer Version")?;
        check_no_draft(
            has_draft(&mut tx, old.paper_id).await?,
            "Das Wiederherstellen einer Version",
        )?;
        let input = VersionInput {
            title: old.title.clone(),
            summary: old.summary.clone(),
            body: old.body.clone(),
            note: Some(restored_note(old.number)),
            expected_version: None,
        };
        insert_version(&mut tx, old.paper_id, &input, Some(old.number), by, now).await?;
        index_paper(&mut tx, old.paper_id).await?;
        tx.commit().await?;
        self.get_paper(old.paper_id).await
    }

    /// Moves the paper to another status, recording date, note, who, and for "beschlossen" the
    /// decision (with its printed number) and the version it adopted.
    pub async fn change_paper_status(
        &self,
        paper_id: i64,
        input: StatusChangeInput,
        by: &str,
        now: DateTime<Utc>,
    ) -> Result<PaperView> {
        let note = input.note.map(|n| n.trim().to_owned()).filter(|n| !n.is_empty());
        if let Some(note) = &note {
            crate::session::check_length("Notiz", note, crate::limits::SHORT_TEXT)?;
        }
        let mut tx = self.begin_write().await?;
        check_version(&mut tx, Versioned::Paper, paper_id, input.expected_version).await?;
        let paper = load_paper(&mut tx, paper_id).await?;
        let latest: Option<i64> =
            sqlx::query_scalar("SELECT max(number) FROM paper_versions WHERE paper_id = ?1")
                .bind(paper_id)
                .fetch_one(&mut *tx)
                .await?;
        check_change(paper.status, input.to, input.decision_id, latest.is_some())?;
        if input.to.is_frozen() {
            let what = format!("Der Status „{}“", input.to.label());
            check_no_draft(has_draft(&mut tx, paper_id).await?, &what)?;
        }
        let (decision_label, adopted) = match input.decision_id {
            Some(decision) if input.to == PaperStatus::Beschlossen => {
                (Some(decision_label(&mut tx, decision).await?), latest)
            }
            _ => (None, None),
        };
        sqlx::query(
            "INSERT INTO paper_status_changes (paper_id, from_status, to_status, at, note, changed_by, decision_id,
                                               decision_label, adopted_version)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )
        .bind(paper_id)
        .bind(paper.status)
        .bind(input.to)
        .bind(timestamp(now))
        .bind(&note)
        .bind(by)
        .bind(input.decision_id)
        .bind(&decision_label)
        .bind(adopted)
        .execute(&mut *tx)
        .await?;
        if let (PaperStatus::Beschlossen, Some(decision)) = (input.to, input.decision_id) {
            // The adopting session (and TOP) shows the paper too, linked or not before.
            sqlx::query(
                "INSERT OR IGNORE INTO paper_links (paper_id, session_id, agenda_item_id, created_at)
                 SELECT ?1, session_id, agenda_item_id, ?2 FROM decisions WHERE id = ?3",
            )
            .bind(paper_id)
            .bind(timestamp(now))
            .bind(decision)
            .execute(&mut *tx)
            .await?;
        }
        sqlx::query("UPDATE papers SET status = ?1 WHERE id = ?2")
            .bind(input.to)
            .bind(paper_id)
            .execute(&mut *tx)
            .await?;
        touch_paper(&mut tx, paper_id, now).await?;
        index_paper(&mut tx, paper_id).await?;
        record_paper_status(
            &mut tx,
            paper_id,
            &paper.title,
            paper.status.label(),
            input.to.label(),
            now,
        )
        .await?;
        tx.commit().await?;
        self.get_paper(paper_id).await
    }
}

/// Whether the paper has a draft whose text differs from its latest version (a draft an editor
/// saved without changing anything holds nothing that could be lost; it is removed).
async fn has_draft(conn: &mut SqliteConnection, paper_id: i64) -> Result<bool> {
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

/// "Beschluss 3/2027-2" of an existing decision (plain "Beschluss n" before its minutes exist).
async fn decision_label(conn: &mut SqliteConnection, decision: i64) -> Result<String> {
    let row: Option<(i64, Option<i64>, Option<i64>)> = sqlx::query_as(
        "SELECT d.number, m.ordinal, m.year FROM decisions d LEFT JOIN minutes m ON m.session_id = d.session_id
         WHERE d.id = ?1",
    )
    .bind(decision)
    .fetch_optional(&mut *conn)
    .await?;
    match row {
        Some((number, Some(ordinal), Some(year))) => {
            Ok(crate::minutes::decision_label(ordinal, year, number))
        }
        Some((number, _, _)) => Ok(format!("Beschluss {number}")),
        None => Err(Error::NotFound {
            what: "Der Beschluss".into(),
        }),
    }
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

fn summary_of(v: &PaperVersion) -> VersionSummary {
    VersionSummary {
        id: v.id,
        number: v.number,
        title: v.title.clone(),
        note: v.note.clone(),
        saved_by: v.saved_by.clone(),
        saved_at: v.saved_at.clone(),
        restored_from: v.restored_from,
        length: i64::try_from(v.body.chars().count()).unwrap_or(i64::MAX),
    }
}

//! SQL for concept papers themselves: create, the paper's data (title, Handlungsfeld, lead
//! organisation, authors), the list, the whole view of one paper, delete, the Handlungsfelder, and
//! the paper's search row. Versions, drafts and status are in `paper_versions.rs`, attachments in
//! `attachments.rs`, links in `paper_links.rs`.

use chrono::{DateTime, Utc};
use sqlx::{QueryBuilder, Sqlite, SqliteConnection};

use super::audit::record_audit;
use super::json_ids;
use super::search::{put_rows, remove_rows};
use super::write::{Versioned, check_version, timestamp};
use crate::paper::{
    AttachmentMeta, Handlungsfeld, Paper, PaperAuthor, PaperDraft, PaperFields, PaperFilter, PaperInput,
    PaperRow, PaperView, StatusChange, StatusOption, VersionInput, VersionSummary, kept_former_authors,
};
use crate::paper_status::check_editable;
use crate::search::{PaperWords, SearchKind, fts_match, paper_text, sort_key};
use crate::{Error, Result, Store};

/// Longest Konzeptpapiere list in one go.
pub const MAX_PAPERS: i64 = 10_000;

const SELECT_PAPER: &str = "
    SELECT p.id, p.title, p.summary, p.handlungsfeld_id, h.name AS handlungsfeld, p.lead_organisation_id,
           coalesce(o.name, p.lead_organisation_name) AS lead_organisation_name, p.status, p.created_at,
           p.updated_at, p.version
    FROM papers p
    LEFT JOIN handlungsfelder h ON h.id = p.handlungsfeld_id
    LEFT JOIN organisations o ON o.id = p.lead_organisation_id";

impl Store {
    /// A new paper (status Entwurf). With a first text in `input.body`, that text is saved as
    /// version 1 in the same transaction, saved by `by`.
    pub async fn create_paper(&self, input: PaperInput, by: &str, now: DateTime<Utc>) -> Result<PaperView> {
        let fields = input.normalised()?;
        let mut tx = self.begin_write().await?;
        let lead_name = lead_organisation_name(&mut tx, fields.lead_organisation_id).await?;
        check_handlungsfeld(&mut tx, fields.handlungsfeld_id).await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO papers (title, summary, handlungsfeld_id, lead_organisation_id, lead_organisation_name,
                                 sort_key, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7) RETURNING id",
        )
        .bind(&fields.title)
        .bind(&fields.summary)
        .bind(fields.handlungsfeld_id)
        .bind(fields.lead_organisation_id)
        .bind(&lead_name)
        .bind(sort_key(&[&fields.title]))
        .bind(timestamp(now))
        .fetch_one(&mut *tx)
        .await?;
        write_authors(&mut tx, id, &fields.author_ids, fields.former_authors.as_deref()).await?;
        if let Some(body) = &fields.body {
            let first = VersionInput {
                title: fields.title.clone(),
                summary: fields.summary.clone(),
                body: body.clone(),
                note: Some("Erste Fassung".into()),
                expected_version: None,
            };
            super::paper_versions::insert_version(&mut tx, id, &first, None, by, now).await?;
        }
        index_paper(&mut tx, id).await?;
        tx.commit().await?;
        self.get_paper(id).await
    }

    /// Saves the paper's data (title, summary, Handlungsfeld, lead organisation, authors). Refused
    /// when someone changed the paper meanwhile, and for title and summary while it is frozen.
    pub async fn update_paper_meta(
        &self,
        id: i64,
        input: PaperInput,
        now: DateTime<Utc>,
    ) -> Result<PaperView> {
        let fields: PaperFields = input.normalised()?;
        let mut tx = self.begin_write().await?;
        check_version(&mut tx, Versioned::Paper, id, fields.expected_version).await?;
        let stored = load_paper(&mut tx, id).await?;
        if stored.title != fields.title || stored.summary != fields.summary {
            check_editable(stored.status, "Eine Änderung von Titel oder Kurzfassung")?;
        }
        check_handlungsfeld(&mut tx, fields.handlungsfeld_id).await?;
        let lead_name = if fields.lead_organisation_id.is_some() {
            lead_organisation_name(&mut tx, fields.lead_organisation_id).await?
        } else {
            None
        };
        sqlx::query(
            "UPDATE papers SET title = ?1, summary = ?2, handlungsfeld_id = ?3, lead_organisation_id = ?4,
                    lead_organisation_name = ?5, sort_key = ?6, updated_at = ?7, version = version + 1
             WHERE id = ?8",
        )
        .bind(&fields.title)
        .bind(&fields.summary)
        .bind(fields.handlungsfeld_id)
        .bind(fields.lead_organisation_id)
        .bind(&lead_name)
        .bind(sort_key(&[&fields.title]))
        .bind(timestamp(now))
        .bind(id)
        .execute(&mut *tx)
        .await?;
        write_authors(&mut tx, id, &fields.author_ids, fields.former_authors.as_deref()).await?;
        index_paper(&mut tx, id).await?;
        tx.commit().await?;
        self.get_paper(id).await
    }

    /// Deletes a paper with everything that belongs to it (versions, draft, status history,
    /// attachments, links: ON DELETE CASCADE) and its search row, in one transaction, noted in the
    /// Änderungsprotokoll by its title.
    pub async fn delete_paper(&self, id: i64) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let title: Option<String> = sqlx::query_scalar("SELECT title FROM papers WHERE id = ?1")
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
        let deleted = sqlx::query("DELETE FROM papers WHERE id = ?1")
            .bind(id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if deleted == 0 {
            return Err(not_found());
        }
        remove_rows(&mut tx, SearchKind::Paper, &[id]).await?;
        let event = crate::audit::paper_deleted(id, title.as_deref().unwrap_or_default());
        record_audit(&mut tx, &event, None).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The Konzeptpapiere list in German order of the title, narrowed by `filter` (text through the
    /// search index: the current version's words, title, Handlungsfeld, authors).
    pub async fn list_papers(&self, filter: &PaperFilter) -> Result<Vec<PaperRow>> {
        let mut q: QueryBuilder<Sqlite> = QueryBuilder::new(
            "SELECT p.id, p.title, h.name AS handlungsfeld,
                    coalesce(o.name, p.lead_organisation_name) AS lead_organisation_name, p.status,
                    (SELECT max(v.number) FROM paper_versions v WHERE v.paper_id = p.id) AS current_version,
                    EXISTS (SELECT 1 FROM paper_drafts d WHERE d.paper_id = p.id) AS has_draft,
                    (SELECT group_concat(a.name, ', ') FROM (SELECT name FROM paper_authors
                        WHERE paper_id = p.id ORDER BY position) a) AS authors,
                    p.updated_at
             FROM papers p
             LEFT JOIN handlungsfelder h ON h.id = p.handlungsfeld_id
             LEFT JOIN organisations o ON o.id = p.lead_organisation_id
             WHERE 1 = 1",
        );
        if let Some(expression) = filter
            .text
            .as_deref()
            .and_then(|t| fts_match(SearchKind::Paper, t))
        {
            q.push(" AND p.id IN (SELECT ref_id FROM search_index WHERE search_index MATCH ")
                .push_bind(expression)
                .push(")");
        } else if filter.text.as_deref().is_some_and(|t| !t.trim().is_empty()) {
            return Ok(Vec::new());
        }
        if let Some(status) = filter.status {
            q.push(" AND p.status = ").push_bind(status);
        }
        if let Some(field) = filter.handlungsfeld_id {
            q.push(" AND p.handlungsfeld_id = ").push_bind(field);
        }
        q.push(" ORDER BY p.sort_key, p.id LIMIT ").push_bind(MAX_PAPERS);
        Ok(q.build_query_as::<PaperRow>().fetch_all(&self.pool).await?)
    }

    /// Everything the paper screen shows: data, authors, the current version with its tree, the
    /// draft, the list of versions, the status history, attachments (without bytes) and links.
    pub async fn get_paper(&self, id: i64) -> Result<PaperView> {
        let mut conn = self.pool.acquire().await?;
        let paper = load_paper(&mut conn, id).await?;
        let authors: Vec<PaperAuthor> = sqlx::query_as(
            "SELECT contact_id, name FROM paper_authors WHERE paper_id = ?1 ORDER BY position",
        )
        .bind(id)
        .fetch_all(&mut *conn)
        .await?;
        let versions: Vec<VersionSummary> = sqlx::query_as(
            "SELECT id, number, title, note, saved_by, saved_at, restored_from, length(body) AS length
             FROM paper_versions WHERE paper_id = ?1 ORDER BY number DESC",
        )
        .bind(id)
        .fetch_all(&mut *conn)
        .await?;
        let current = match versions.first() {
            Some(latest) => Some(super::paper_versions::load_version(&mut conn, latest.id).await?),
            None => None,
        };
        let draft: Option<PaperDraft> = sqlx::query_as(
            "SELECT title, summary, body, base_number, updated_at FROM paper_drafts WHERE paper_id = ?1",
        )
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
        let status_history: Vec<StatusChange> = sqlx::query_as(
            "SELECT c.id, c.from_status, c.to_status, c.at, c.note, c.changed_by, c.decision_id, c.decision_label,
                    c.adopted_version, d.session_id
             FROM paper_status_changes c LEFT JOIN decisions d ON d.id = c.decision_id
             WHERE c.paper_id = ?1 ORDER BY c.id",
        )
        .bind(id)
        .fetch_all(&mut *conn)
        .await?;
        let attachments: Vec<AttachmentMeta> = super::attachments::list_attachments(&mut conn, id).await?;
        let links = super::paper_links::links_of_paper(&mut conn, id).await?;
        Ok(PaperView {
            status_label: paper.status.label(),
            next_statuses: StatusOption::all_after(paper.status),
            frozen: paper.status.is_frozen(),
            paper,
            authors,
            current,
            draft,
            versions,
            status_history,
            attachments,
            links,
        })
    }

    /// The Handlungsfelder in German order, with how many papers use each.
    pub async fn list_handlungsfelder(&self) -> Result<Vec<Handlungsfeld>> {
        let mut rows: Vec<Handlungsfeld> = sqlx::query_as(
            "SELECT h.id, h.name, (SELECT COUNT(*) FROM papers p WHERE p.handlungsfeld_id = h.id) AS paper_count
             FROM handlungsfelder h",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.sort_by_cached_key(|h| (sort_key(&[&h.name]), h.id));
        Ok(rows)
    }

    /// Adds a Handlungsfeld; a name that exists already (any case) is refused in German.
    pub async fn add_handlungsfeld(&self, name: &str, now: DateTime<Utc>) -> Result<Handlungsfeld> {
        let name = name.trim();
        if name.is_empty() {
            return Err(Error::validation(
                "Handlungsfeld",
                "Bitte geben Sie einen Namen ein.",
            ));
        }
        crate::session::check_length("Handlungsfeld", name, crate::limits::GROUP)?;
        let mut tx = self.begin_write().await?;
        let existing: Option<String> =
            sqlx::query_scalar("SELECT name FROM handlungsfelder WHERE name = ?1 COLLATE NOCASE")
                .bind(name)
                .fetch_optional(&mut *tx)
                .await?;
        if let Some(existing) = existing {
            return Err(Error::validation(
                "Handlungsfeld",
                format!("Das Handlungsfeld „{existing}“ gibt es schon."),
            ));
        }
        let id: i64 =
            sqlx::query_scalar("INSERT INTO handlungsfelder (name, created_at) VALUES (?1, ?2) RETURNING id")
                .bind(name)
                .bind(timestamp(now))
                .fetch_one(&mut *tx)
                .await?;
        tx.commit().await?;
        Ok(Handlungsfeld {
            id,
            name: name.to_owned(),
            paper_count: 0,
        })
    }
}

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

async fn check_handlungsfeld(conn: &mut SqliteConnection, id: Option<i64>) -> Result<()> {
    let Some(id) = id else { return Ok(()) };
    let exists: Option<i64> = sqlx::query_scalar("SELECT id FROM handlungsfelder WHERE id = ?1")
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    exists.map(|_| ()).ok_or_else(|| Error::NotFound {
        what: "Das Handlungsfeld".into(),
    })
}

/// The name of the lead organisation, kept beside its id (the paper keeps it if it is deleted).
async fn lead_organisation_name(conn: &mut SqliteConnection, id: Option<i64>) -> Result<Option<String>> {
    let Some(id) = id else { return Ok(None) };
    let name: Option<String> = sqlx::query_scalar("SELECT name FROM organisations WHERE id = ?1")
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    name.map(Some).ok_or_else(|| Error::NotFound {
        what: "Die federführende Organisation".into(),
    })
}

/// Replaces the authors with `contact_ids` in that order, their names as they are now. Authors
/// whose contact was deleted (kept by name) stay in front as `kept_former_authors` decides: all of
/// them unless the caller named the ones to keep.
async fn write_authors(
    conn: &mut SqliteConnection,
    paper_id: i64,
    contact_ids: &[i64],
    former: Option<&[String]>,
) -> Result<()> {
    let names: Vec<(i64, String)> = sqlx::query_as(
        "SELECT id, concat_ws(' ', title, first_name, last_name) FROM contacts
         WHERE id IN (SELECT value FROM json_each(?1))",
    )
    .bind(json_ids(contact_ids))
    .fetch_all(&mut *conn)
    .await?;
    if contact_ids.iter().any(|id| !names.iter().any(|(n, _)| n == id)) {
        return Err(Error::NotFound {
            what: "Ein gewählter Autor oder eine gewählte Autorin".into(),
        });
    }
    let orphans: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM paper_authors WHERE paper_id = ?1 AND contact_id IS NULL ORDER BY position",
    )
    .bind(paper_id)
    .fetch_all(&mut *conn)
    .await?;
    let orphans = kept_former_authors(orphans, former);
    sqlx::query("DELETE FROM paper_authors WHERE paper_id = ?1")
        .bind(paper_id)
        .execute(&mut *conn)
        .await?;
    let mut position = 0_i64;
    for name in orphans {
        sqlx::query(
            "INSERT INTO paper_authors (paper_id, position, contact_id, name) VALUES (?1, ?2, NULL, ?3)",
        )
        .bind(paper_id)
        .bind(position)
        .bind(name)
        .execute(&mut *conn)
        .await?;
        position += 1;
    }
    for id in contact_ids {
        let name = names
            .iter()
            .find(|(n, _)| n == id)
            .map(|(_, name)| name.clone())
            .unwrap_or_default();
        sqlx::query(
            "INSERT INTO paper_authors (paper_id, position, contact_id, name) VALUES (?1, ?2, ?3, ?4)",
        )
        .bind(paper_id)
        .bind(position)
        .bind(id)
        .bind(name)
        .execute(&mut *conn)
        .await?;
        position += 1;
    }
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

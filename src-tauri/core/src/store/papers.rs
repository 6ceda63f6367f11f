//! SQL for concept papers themselves: the paper row (insert, update, delete), its authors, the
//! list, the Handlungsfelder, and the parts of the paper screen that live in `papers` and
//! `paper_authors`. Versions, drafts and status are in `paper_versions.rs`, attachments in
//! `attachments.rs`, links in `paper_links.rs`; the row all of them touch in `paper_record.rs`.
//! What a save may do is decided in `usecase::papers`.

use chrono::{DateTime, Utc};
use sqlx::{QueryBuilder, Sqlite, SqliteConnection};

use super::audit::record_audit;
use super::json_ids;
use super::paper_record::not_found;
use super::search::remove_rows;
use super::write::timestamp;
use crate::paper::{Handlungsfeld, PaperAuthor, PaperFields, PaperFilter, PaperRow};
use crate::search::{SearchKind, fts_match, sort_key};
use crate::{Result, store::Store};

// `store/privacy.rs` rebuilds a paper's search row after an erasure through this path.
pub(crate) use super::paper_record::index_paper;

/// Longest Konzeptpapiere list in one go.
pub const MAX_PAPERS: i64 = 10_000;

impl Store {
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
}

/// Inserts a new paper (status Entwurf) with `fields`' data; its authors are written apart.
pub(crate) async fn insert_paper(
    conn: &mut SqliteConnection,
    fields: &PaperFields,
    lead_name: Option<&str>,
    now: DateTime<Utc>,
) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "INSERT INTO papers (title, summary, handlungsfeld_id, lead_organisation_id, lead_organisation_name,
                             sort_key, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7) RETURNING id",
    )
    .bind(&fields.title)
    .bind(&fields.summary)
    .bind(fields.handlungsfeld_id)
    .bind(fields.lead_organisation_id)
    .bind(lead_name)
    .bind(sort_key(&[&fields.title]))
    .bind(timestamp(now))
    .fetch_one(&mut *conn)
    .await?)
}

/// Writes the paper's data (title, summary, Handlungsfeld, lead organisation) and raises its version.
pub(crate) async fn update_paper_row(
    conn: &mut SqliteConnection,
    id: i64,
    fields: &PaperFields,
    lead_name: Option<&str>,
    now: DateTime<Utc>,
) -> Result<()> {
    sqlx::query(
        "UPDATE papers SET title = ?1, summary = ?2, handlungsfeld_id = ?3, lead_organisation_id = ?4,
                lead_organisation_name = ?5, sort_key = ?6, updated_at = ?7, version = version + 1
         WHERE id = ?8",
    )
    .bind(&fields.title)
    .bind(&fields.summary)
    .bind(fields.handlungsfeld_id)
    .bind(fields.lead_organisation_id)
    .bind(lead_name)
    .bind(sort_key(&[&fields.title]))
    .bind(timestamp(now))
    .bind(id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Whether Handlungsfeld `id` exists.
pub(crate) async fn handlungsfeld_exists(conn: &mut SqliteConnection, id: i64) -> Result<bool> {
    let found: Option<i64> = sqlx::query_scalar("SELECT id FROM handlungsfelder WHERE id = ?1")
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(found.is_some())
}

/// The stored spelling of a Handlungsfeld named `name` in any case, if there is one.
pub(crate) async fn handlungsfeld_named(conn: &mut SqliteConnection, name: &str) -> Result<Option<String>> {
    Ok(
        sqlx::query_scalar("SELECT name FROM handlungsfelder WHERE name = ?1 COLLATE NOCASE")
            .bind(name)
            .fetch_optional(&mut *conn)
            .await?,
    )
}

pub(crate) async fn insert_handlungsfeld(
    conn: &mut SqliteConnection,
    name: &str,
    now: DateTime<Utc>,
) -> Result<i64> {
    Ok(
        sqlx::query_scalar("INSERT INTO handlungsfelder (name, created_at) VALUES (?1, ?2) RETURNING id")
            .bind(name)
            .bind(timestamp(now))
            .fetch_one(&mut *conn)
            .await?,
    )
}

/// The name of organisation `id` as it is now (the paper keeps it beside the id, so a deleted
/// lead organisation stays named); `None` when there is no such organisation.
pub(crate) async fn organisation_name(conn: &mut SqliteConnection, id: i64) -> Result<Option<String>> {
    Ok(sqlx::query_scalar("SELECT name FROM organisations WHERE id = ?1")
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?)
}

/// The names of the contacts `ids` as authors are named ("Dr. Erika Muster"); missing ids are
/// simply not in the answer.
pub(crate) async fn author_names(conn: &mut SqliteConnection, ids: &[i64]) -> Result<Vec<(i64, String)>> {
    Ok(sqlx::query_as(
        "SELECT id, concat_ws(' ', title, first_name, last_name) FROM contacts
         WHERE id IN (SELECT value FROM json_each(?1))",
    )
    .bind(json_ids(ids))
    .fetch_all(&mut *conn)
    .await?)
}

/// The names of the paper's authors whose contact was deleted, in their order.
pub(crate) async fn former_authors(conn: &mut SqliteConnection, paper_id: i64) -> Result<Vec<String>> {
    Ok(sqlx::query_scalar(
        "SELECT name FROM paper_authors WHERE paper_id = ?1 AND contact_id IS NULL ORDER BY position",
    )
    .bind(paper_id)
    .fetch_all(&mut *conn)
    .await?)
}

/// Replaces the authors: the former ones (by name only) first, then the contacts in that order.
pub(crate) async fn replace_authors(
    conn: &mut SqliteConnection,
    paper_id: i64,
    former: &[String],
    contacts: &[(i64, String)],
) -> Result<()> {
    sqlx::query("DELETE FROM paper_authors WHERE paper_id = ?1")
        .bind(paper_id)
        .execute(&mut *conn)
        .await?;
    let rows = former
        .iter()
        .map(|name| (None, name))
        .chain(contacts.iter().map(|(id, name)| (Some(*id), name)));
    for (position, (contact_id, name)) in (0_i64..).zip(rows) {
        sqlx::query(
            "INSERT INTO paper_authors (paper_id, position, contact_id, name) VALUES (?1, ?2, ?3, ?4)",
        )
        .bind(paper_id)
        .bind(position)
        .bind(contact_id)
        .bind(name)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// The paper's authors in their order.
pub(crate) async fn authors_of(conn: &mut SqliteConnection, paper_id: i64) -> Result<Vec<PaperAuthor>> {
    Ok(
        sqlx::query_as("SELECT contact_id, name FROM paper_authors WHERE paper_id = ?1 ORDER BY position")
            .bind(paper_id)
            .fetch_all(&mut *conn)
            .await?,
    )
}

//! SQL for the erasure's part in concept papers: the texts that may name a person, writing the
//! replaced ones (saved versions only between lifting and restoring their guard), the status
//! note and the record version; and the paper rows the Auskunft lists.

use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use crate::Result;
use crate::paper_status::PaperStatus;
use crate::privacy::{FoundPaperText, PaperPlace};
use crate::store::papers::index_paper;
use crate::store::write::timestamp;

/// The table and column behind a paper place, the column holding the paper's id, and the column
/// that tells the row apart within the paper (the paper's id again for one-per-paper rows).
fn paper_column(place: PaperPlace) -> (&'static str, &'static str, &'static str, &'static str) {
    match place {
        PaperPlace::Author => ("paper_authors", "name", "paper_id", "position"),
        PaperPlace::Title => ("papers", "title", "id", "id"),
        PaperPlace::Summary => ("papers", "summary", "id", "id"),
        PaperPlace::VersionTitle => ("paper_versions", "title", "paper_id", "id"),
        PaperPlace::VersionSummary => ("paper_versions", "summary", "paper_id", "id"),
        PaperPlace::VersionBody => ("paper_versions", "body", "paper_id", "id"),
        PaperPlace::VersionNote => ("paper_versions", "note", "paper_id", "id"),
        PaperPlace::VersionSavedBy => ("paper_versions", "saved_by", "paper_id", "id"),
        PaperPlace::DraftTitle => ("paper_drafts", "title", "paper_id", "paper_id"),
        PaperPlace::DraftSummary => ("paper_drafts", "summary", "paper_id", "paper_id"),
        PaperPlace::DraftBody => ("paper_drafts", "body", "paper_id", "paper_id"),
        PaperPlace::StatusNote => ("paper_status_changes", "note", "paper_id", "id"),
        PaperPlace::StatusChangedBy => ("paper_status_changes", "changed_by", "paper_id", "id"),
        PaperPlace::AttachmentName => ("attachments", "file_name", "paper_id", "id"),
        PaperPlace::AttachmentAddedBy => ("attachments", "added_by", "paper_id", "id"),
    }
}

/// Every concept-paper text ([`PaperPlace::ALL`]) that `names` accepts.
pub(crate) async fn paper_texts_naming(
    conn: &mut SqliteConnection,
    names: impl Fn(&str) -> bool,
) -> Result<Vec<FoundPaperText>> {
    let mut found = Vec::new();
    for place in PaperPlace::ALL {
        let (table, column, paper, key) = paper_column(place);
        let sql = format!(
            "SELECT {paper}, {key}, {column} FROM {table} WHERE {column} IS NOT NULL ORDER BY {paper}, {key}"
        );
        let rows: Vec<(i64, i64, String)> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .fetch_all(&mut *conn)
            .await?;
        found.extend(
            rows.into_iter()
                .filter(|(_, _, text)| names(text))
                .map(|(paper_id, key, text)| FoundPaperText {
                    place,
                    paper_id,
                    key,
                    text,
                }),
        );
    }
    Ok(found)
}

/// Writes a replaced paper text. A saved version's text may only be written between
/// [`lift_version_guard`] and [`restore_version_guard`].
pub(crate) async fn set_paper_text(
    conn: &mut SqliteConnection,
    found: &FoundPaperText,
    text: &str,
) -> Result<()> {
    let (table, column, paper, key) = paper_column(found.place);
    let sql = format!("UPDATE {table} SET {column} = ?1 WHERE {paper} = ?2 AND {key} = ?3");
    sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(text)
        .bind(found.paper_id)
        .bind(found.key)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// The list's order follows the title.
pub(crate) async fn set_paper_sort_key(conn: &mut SqliteConnection, paper_id: i64, key: &str) -> Result<()> {
    sqlx::query("UPDATE papers SET sort_key = ?1 WHERE id = ?2")
        .bind(key)
        .bind(paper_id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Drops the trigger `paper_versions_unchanged` (saved versions are never changed; an erasure is
/// the one legal exception, Art. 17 DSGVO) and returns its statement for
/// [`restore_version_guard`]. Both run inside the erasure's transaction, so no other write ever
/// sees the table unguarded and a failed erasure rolls the trigger back with everything else.
/// The statement is read from the schema, so the trigger is written once, in its migration.
pub(crate) async fn lift_version_guard(conn: &mut SqliteConnection) -> Result<String> {
    let ddl: String = sqlx::query_scalar(
        "SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = 'paper_versions_unchanged'",
    )
    .fetch_one(&mut *conn)
    .await?;
    sqlx::query("DROP TRIGGER paper_versions_unchanged")
        .execute(&mut *conn)
        .await?;
    Ok(ddl)
}

/// Creates the trigger again from the statement [`lift_version_guard`] read.
pub(crate) async fn restore_version_guard(conn: &mut SqliteConnection, ddl: String) -> Result<()> {
    sqlx::query(sqlx::AssertSqlSafe(ddl)).execute(&mut *conn).await?;
    Ok(())
}

/// The person's authorship becomes `name` (no longer linked to the contact); returns the papers.
pub(crate) async fn unlink_authorship(
    conn: &mut SqliteConnection,
    contact_id: i64,
    name: &str,
) -> Result<Vec<i64>> {
    Ok(sqlx::query_scalar(
        "UPDATE paper_authors SET name = ?1, contact_id = NULL WHERE contact_id = ?2 RETURNING paper_id",
    )
    .bind(name)
    .bind(contact_id)
    .fetch_all(&mut *conn)
    .await?)
}

pub(crate) async fn paper_status(conn: &mut SqliteConnection, paper_id: i64) -> Result<PaperStatus> {
    Ok(sqlx::query_scalar("SELECT status FROM papers WHERE id = ?1")
        .bind(paper_id)
        .fetch_one(&mut *conn)
        .await?)
}

/// A note in the paper's status history that leaves the status as it is.
pub(crate) async fn add_status_note(
    conn: &mut SqliteConnection,
    paper_id: i64,
    status: PaperStatus,
    note: &str,
    who: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO paper_status_changes (paper_id, from_status, to_status, at, note, changed_by)
         VALUES (?1, ?2, ?2, ?3, ?4, ?5)",
    )
    .bind(paper_id)
    .bind(status)
    .bind(timestamp(now))
    .bind(note)
    .bind(who)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The paper counts a new record version (a form still open on it reloads) and its search row
/// is rebuilt.
pub(crate) async fn touch_paper(
    conn: &mut SqliteConnection,
    paper_id: i64,
    now: DateTime<Utc>,
) -> Result<()> {
    sqlx::query("UPDATE papers SET version = version + 1, updated_at = ?1 WHERE id = ?2")
        .bind(timestamp(now))
        .bind(paper_id)
        .execute(&mut *conn)
        .await?;
    index_paper(conn, paper_id).await
}

/// The papers the contact is an author of (linked by id): id and title, in list order.
pub(crate) async fn authored_papers(
    conn: &mut SqliteConnection,
    contact_id: i64,
) -> Result<Vec<(i64, String)>> {
    Ok(sqlx::query_as(
        "SELECT p.id, p.title FROM paper_authors a JOIN papers p ON p.id = a.paper_id
         WHERE a.contact_id = ?1 ORDER BY p.sort_key, p.id",
    )
    .bind(contact_id)
    .fetch_all(&mut *conn)
    .await?)
}

pub(crate) async fn paper_title(conn: &mut SqliteConnection, paper_id: i64) -> Result<String> {
    Ok(sqlx::query_scalar("SELECT title FROM papers WHERE id = ?1")
        .bind(paper_id)
        .fetch_one(&mut *conn)
        .await?)
}

pub(crate) async fn version_number(conn: &mut SqliteConnection, version_id: i64) -> Result<i64> {
    Ok(
        sqlx::query_scalar("SELECT number FROM paper_versions WHERE id = ?1")
            .bind(version_id)
            .fetch_one(&mut *conn)
            .await?,
    )
}

//! SQL for the DSGVO features: Auskunft (Art. 15), erasure (Art. 17), contacts without a legal
//! basis and the retention review. Statements only: what is erased and what is kept is decided
//! in `crate::privacy` (rules) and carried out by `usecase::privacy` inside one transaction.
//!
//! Where a person can appear besides their contact row: attendance (`session_participants`),
//! TOP responsibility (`agenda_item_contacts`), task ownership (`action_items`), Protokollführung
//! (`minutes`), free text ([`TextPlace`], read by [`texts_naming`]) and concept papers:
//! authorship (`paper_authors`) and their texts (`papers.rs`). The Auskunft's reads and the
//! retention review are in `access.rs`.

mod access;
mod papers;

pub(crate) use access::*;
pub(crate) use papers::*;

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::SqliteConnection;

use super::search::remove_rows;
use super::session_index::index_sessions;
use super::write::timestamp;
use crate::berlin::iso_date;
use crate::privacy::{AuditText, FoundText, PersonName, TextPlace};
use crate::search::SearchKind;
use crate::{Result, store::Store};

/// The table and column behind a free-text place, the column holding the session id (none for
/// notes on contacts and organisations), and whether the table counts versions (a form still
/// showing the old text must then reload instead of writing the name back).
fn text_column(place: TextPlace) -> (&'static str, &'static str, Option<&'static str>, bool) {
    match place {
        TextPlace::ContactNote => ("contacts", "notes", None, true),
        TextPlace::OrganisationNote => ("organisations", "notes", None, true),
        TextPlace::SessionTitle => ("sessions", "title", Some("id"), true),
        TextPlace::SessionNote => ("sessions", "notes", Some("id"), true),
        TextPlace::AgendaTitle => ("agenda_items", "title", Some("session_id"), true),
        TextPlace::AgendaDescription => ("agenda_items", "description", Some("session_id"), true),
        TextPlace::Discussion => ("agenda_items", "discussion", Some("session_id"), true),
        TextPlace::Decision => ("decisions", "text", Some("session_id"), true),
        TextPlace::Task => ("action_items", "what", Some("session_id"), true),
        TextPlace::TaskOwner => ("action_items", "owner_name", Some("session_id"), true),
        TextPlace::MinuteTaker => ("minutes", "minute_taker_name", Some("session_id"), true),
        TextPlace::Approval => ("minutes", "approved_by", Some("session_id"), true),
        TextPlace::AddendumReason => ("minutes_addenda", "reason", Some("session_id"), false),
        TextPlace::AddendumText => ("minutes_addenda", "text", Some("session_id"), false),
    }
}

type NameRow = (
    Option<String>,
    Option<String>,
    Option<String>,
    String,
    Option<String>,
);

/// The contact's name parts and whether it is an anonymised placeholder; `None` for no such row.
pub(crate) async fn person(conn: &mut SqliteConnection, id: i64) -> Result<Option<(PersonName, bool)>> {
    let row: Option<NameRow> = sqlx::query_as(
        "SELECT salutation, title, first_name, last_name, anonymised_at FROM contacts WHERE id = ?1",
    )
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.map(|(salutation, title, first_name, last_name, anonymised)| {
        let person = PersonName {
            salutation,
            title,
            first_name,
            last_name,
        };
        (person, anonymised.is_some())
    }))
}

/// Whether another live contact's sort key starts with `surname_key` (the folded surname;
/// `sort_key` is the folded surname, then a space and the first name).
pub(crate) async fn surname_shared(conn: &mut SqliteConnection, id: i64, surname_key: &str) -> Result<bool> {
    let others: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM contacts WHERE id <> ?1 AND anonymised_at IS NULL
         AND (sort_key = ?2 OR substr(sort_key, 1, length(?2) + 1) = ?2 || ' ')",
    )
    .bind(id)
    .bind(surname_key)
    .fetch_one(&mut *conn)
    .await?;
    Ok(others > 0)
}

/// Every free text ([`TextPlace::ALL`]) that `names` accepts.
pub(crate) async fn texts_naming(
    conn: &mut SqliteConnection,
    names: impl Fn(&str) -> bool,
) -> Result<Vec<FoundText>> {
    let mut found = Vec::new();
    for place in TextPlace::ALL {
        let (table, column, session, _) = text_column(place);
        let sql = format!(
            "SELECT id, {session}, {column} FROM {table} WHERE {column} IS NOT NULL",
            session = session.unwrap_or("NULL"),
        );
        let rows: Vec<(i64, Option<i64>, String)> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .fetch_all(&mut *conn)
            .await?;
        found.extend(
            rows.into_iter()
                .filter(|(_, _, text)| names(text))
                .map(|(id, session_id, text)| FoundText {
                    place,
                    id,
                    session_id,
                    text,
                }),
        );
    }
    Ok(found)
}

/// Writes a replaced free text; a versioned record counts a new version.
pub(crate) async fn set_text(conn: &mut SqliteConnection, found: &FoundText, text: &str) -> Result<()> {
    let (table, column, _, versioned) = text_column(found.place);
    let bump = if versioned { ", version = version + 1" } else { "" };
    let sql = format!("UPDATE {table} SET {column} = ?1{bump} WHERE id = ?2");
    sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(text)
        .bind(found.id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Whether sessions, TOPs, tasks or minutes still point at the contact.
pub(crate) async fn is_involved(conn: &mut SqliteConnection, id: i64) -> Result<bool> {
    Ok(sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM session_participants WHERE contact_id = ?1)
             OR EXISTS (SELECT 1 FROM agenda_item_contacts WHERE contact_id = ?1)
             OR EXISTS (SELECT 1 FROM action_items WHERE owner_contact_id = ?1)
             OR EXISTS (SELECT 1 FROM minutes WHERE minute_taker_contact_id = ?1)",
    )
    .bind(id)
    .fetch_one(&mut *conn)
    .await?)
}

/// Sessions the contact is linked to by id (attendance, TOP, task, Protokollführung).
pub(crate) async fn linked_sessions(conn: &mut SqliteConnection, id: i64) -> Result<Vec<i64>> {
    Ok(sqlx::query_scalar(
        "SELECT session_id FROM session_participants WHERE contact_id = ?1
         UNION SELECT a.session_id FROM agenda_item_contacts ac JOIN agenda_items a ON a.id = ac.agenda_item_id
               WHERE ac.contact_id = ?1
         UNION SELECT session_id FROM action_items WHERE owner_contact_id = ?1
         UNION SELECT session_id FROM minutes WHERE minute_taker_contact_id = ?1",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?)
}

/// The contact's place in attendance lists, task ownership and Protokollführung takes `name`.
pub(crate) async fn rename_references(
    conn: &mut SqliteConnection,
    id: i64,
    name: &str,
    sort_key: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    sqlx::query(
        "UPDATE session_participants SET name_snapshot = ?1, function_snapshot = NULL, sort_key = ?2,
                updated_at = ?3 WHERE contact_id = ?4",
    )
    .bind(name)
    .bind(sort_key)
    .bind(timestamp(now))
    .bind(id)
    .execute(&mut *conn)
    .await?;
    for sql in [
        "UPDATE action_items SET owner_name = ?1, version = version + 1 WHERE owner_contact_id = ?2",
        "UPDATE minutes SET minute_taker_name = ?1, version = version + 1 WHERE minute_taker_contact_id = ?2",
    ] {
        sqlx::query(sql).bind(name).bind(id).execute(&mut *conn).await?;
    }
    Ok(())
}

/// Every entry of the Änderungsprotokoll: its id, who and what.
pub(crate) async fn audit_texts(conn: &mut SqliteConnection) -> Result<Vec<AuditText>> {
    let rows: Vec<(i64, String, String)> = sqlx::query_as("SELECT id, user, summary FROM audit_log")
        .fetch_all(&mut *conn)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(id, user, summary)| AuditText { id, user, summary })
        .collect())
}

/// Rewrites an entry's who and what, with `folded` its search text.
pub(crate) async fn set_audit_text(
    conn: &mut SqliteConnection,
    entry: &AuditText,
    folded: &str,
) -> Result<()> {
    sqlx::query("UPDATE audit_log SET user = ?1, summary = ?2, folded = ?3 WHERE id = ?4")
        .bind(&entry.user)
        .bind(&entry.summary)
        .bind(folded)
        .bind(entry.id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Removes the contact's e-mail addresses, phone numbers and groups.
pub(crate) async fn delete_contact_details(conn: &mut SqliteConnection, id: i64) -> Result<()> {
    for sql in [
        "DELETE FROM contact_emails WHERE contact_id = ?1",
        "DELETE FROM contact_phones WHERE contact_id = ?1",
        "DELETE FROM contact_groups WHERE contact_id = ?1",
    ] {
        sqlx::query(sql).bind(id).execute(&mut *conn).await?;
    }
    Ok(())
}

/// The contact row keeps only `name` (no personal data) and is marked anonymised.
pub(crate) async fn anonymise_contact(
    conn: &mut SqliteConnection,
    id: i64,
    name: &str,
    sort_key: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    sqlx::query(
        "UPDATE contacts SET salutation = NULL, title = NULL, first_name = NULL, last_name = ?1,
                function = NULL, organisation_id = NULL, street = NULL, postal_code = NULL,
                city = NULL, notes = NULL, consent_basis = NULL, consent_date = NULL,
                consent_source = NULL, consent_note = NULL, sort_key = ?2, created_at = ?3,
                updated_at = ?3, anonymised_at = ?3, retention_kept_at = NULL,
                version = version + 1
         WHERE id = ?4",
    )
    .bind(name)
    .bind(sort_key)
    .bind(timestamp(now))
    .bind(id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Deletes the contact row and its search row.
pub(crate) async fn delete_contact(conn: &mut SqliteConnection, id: i64) -> Result<()> {
    sqlx::query("DELETE FROM contacts WHERE id = ?1")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Drops the contact's search row.
pub(crate) async fn remove_contact_search_row(conn: &mut SqliteConnection, id: i64) -> Result<()> {
    remove_rows(conn, SearchKind::Contact, &[id]).await
}

/// Of `sessions`, those whose minutes are approved.
pub(crate) async fn approved_minutes(conn: &mut SqliteConnection, sessions: &[i64]) -> Result<Vec<i64>> {
    Ok(sqlx::query_scalar(
        "SELECT session_id FROM minutes WHERE status = 'freigegeben'
         AND session_id IN (SELECT value FROM json_each(?1))",
    )
    .bind(super::json_ids(sessions))
    .fetch_all(&mut *conn)
    .await?)
}

/// Adds a Nachtrag to a session's minutes.
pub(crate) async fn add_addendum(
    conn: &mut SqliteConnection,
    session_id: i64,
    on: NaiveDate,
    reason: &str,
    text: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO minutes_addenda (session_id, date, reason, text, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )
    .bind(session_id)
    .bind(iso_date(on))
    .bind(reason)
    .bind(text)
    .bind(timestamp(now))
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Rebuilds the search rows of the sessions.
pub(crate) async fn reindex_sessions(conn: &mut SqliteConnection, ids: &[i64]) -> Result<()> {
    index_sessions(conn, ids).await
}

/// Merges the search index into one segment, dropping the deleted entries' terms (FTS5 keeps
/// them as delete markers until a merge).
pub(crate) async fn optimize_search_index(conn: &mut SqliteConnection) -> Result<()> {
    sqlx::query("INSERT INTO search_index (search_index) VALUES ('optimize')")
        .execute(&mut *conn)
        .await?;
    Ok(())
}

impl Store {
    /// Leaves no old copy of erased data in the file: checkpoint the write-ahead log into the
    /// main file and empty it, rebuild the file without free pages (`VACUUM`; `secure_delete`
    /// zeroed what was freed before), and empty the log VACUUM wrote through.
    ///
    /// A checkpoint cannot empty the log while another connection (a screen's read, the reminder
    /// check) still reads an older snapshot; it then reports busy. That is retried for up to two
    /// seconds, then reported as not scrubbed (the data is erased either way; the log is emptied
    /// at the latest when the app closes its connections).
    pub(crate) async fn scrub_file(&self) -> Result<bool> {
        let mut conn = self.pool.acquire().await?;
        let checkpoint = async |conn: &mut sqlx::SqliteConnection| -> Result<bool> {
            for _ in 0..20 {
                let (busy, _, _): (i64, i64, i64) = sqlx::query_as("PRAGMA wal_checkpoint(TRUNCATE)")
                    .fetch_one(&mut *conn)
                    .await?;
                if busy == 0 {
                    return Ok(true);
                }
                tokio::time::sleep(std::time::Duration::from_millis(100)).await;
            }
            Ok(false)
        };
        let first = checkpoint(&mut conn).await?;
        sqlx::query("VACUUM").execute(&mut *conn).await?;
        let second = checkpoint(&mut conn).await?;
        Ok(first && second)
    }
}

//! Inserting new contacts, one from the form or ten thousand from an import, with their
//! addresses, numbers, groups and search-index rows (text from [`crate::search::contact_text`]).
//! Multi-row INSERTs with ids assigned here, so an import of 10,000 rows costs a few dozen
//! statements instead of tens of thousands.
//!
//! The caller owns the transaction and must hold the write lock from its start
//! (`BEGIN IMMEDIATE`, see `write.rs`), because the ids are taken from `sqlite_sequence` before the
//! first write.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sqlx::{QueryBuilder, Sqlite, SqliteConnection};

use super::search::put_rows;
use super::write::timestamp;
use crate::Result;
use crate::contact::ContactInput;
use crate::search::{ContactWords, SearchKind, contact_text, sort_key};

/// A validated contact to insert, with its organisation's stored name for the search index.
pub(crate) struct NewContact<'a> {
    pub input: &'a ContactInput,
    /// Must be the name of `input.organisation_id` (or `None` without organisation).
    pub organisation_name: Option<&'a str>,
}

/// Rows per multi-row INSERT (17 parameters each): well below SQLite's limit of 32,766.
const ROWS_PER_STATEMENT: usize = 500;

/// The `sort_key` column of a contact: folded "Nachname Vorname".
pub(crate) fn contact_sort_key(input: &ContactInput) -> String {
    sort_key(&[&input.last_name, input.first_name.as_deref().unwrap_or_default()])
}

/// The words the search box finds a new contact by (its organisation's name from the caller).
fn search_words<'a>(
    new: &'a NewContact<'a>,
    emails: &'a [&'a str],
    groups: &'a [&'a str],
) -> ContactWords<'a> {
    let c = new.input;
    ContactWords {
        title: c.title.as_deref(),
        first_name: c.first_name.as_deref(),
        last_name: &c.last_name,
        function: c.function.as_deref(),
        city: c.city.as_deref(),
        organisation: new.organisation_name,
        emails,
        groups,
    }
}

/// Inserts the contacts in the given order and returns their new ids (same order).
pub(crate) async fn insert_contacts(
    conn: &mut SqliteConnection,
    contacts: &[NewContact<'_>],
    now: DateTime<Utc>,
) -> Result<Vec<i64>> {
    if contacts.is_empty() {
        return Ok(Vec::new());
    }
    // The next id AUTOINCREMENT would hand out: past every id ever used (sqlite_sequence), and past
    // the largest stored one in case the sequence row lags. Never MAX(id) + 1 alone, which would
    // reuse the id of the newest contact once it is deleted. SQLite advances the sequence itself
    // when the explicit ids below are inserted.
    let first: i64 = sqlx::query_scalar(
        "SELECT max(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'contacts'), 0),
                    COALESCE((SELECT MAX(id) FROM contacts), 0)) + 1",
    )
    .fetch_one(&mut *conn)
    .await?;
    let ids: Vec<i64> = (first..).take(contacts.len()).collect();
    let stamp = timestamp(now);

    for (ids, chunk) in ids
        .chunks(ROWS_PER_STATEMENT)
        .zip(contacts.chunks(ROWS_PER_STATEMENT))
    {
        let mut q: QueryBuilder<Sqlite> = QueryBuilder::new(
            "INSERT INTO contacts (id, salutation, title, first_name, last_name, function, organisation_id,
                                   street, postal_code, city, notes, consent_basis, consent_date,
                                   consent_source, consent_note, sort_key, created_at, updated_at) ",
        );
        q.push_values(ids.iter().zip(chunk), |mut row, (id, new)| {
            let c = new.input;
            row.push_bind(*id)
                .push_bind(c.salutation.clone())
                .push_bind(c.title.clone())
                .push_bind(c.first_name.clone())
                .push_bind(c.last_name.clone())
                .push_bind(c.function.clone())
                .push_bind(c.organisation_id)
                .push_bind(c.street.clone())
                .push_bind(c.postal_code.clone())
                .push_bind(c.city.clone())
                .push_bind(c.notes.clone())
                .push_bind(c.consent_basis.clone())
                .push_bind(c.consent_date.clone())
                .push_bind(c.consent_source.clone())
                .push_bind(c.consent_note.clone())
                .push_bind(contact_sort_key(c))
                .push_bind(stamp.clone())
                .push_bind(stamp.clone());
        });
        q.build().execute(&mut *conn).await?;
    }

    let pairs: Vec<(i64, &ContactInput)> = ids
        .iter()
        .copied()
        .zip(contacts.iter().map(|c| c.input))
        .collect();
    insert_children(conn, &pairs).await?;

    let rows: Vec<(i64, String)> = ids
        .iter()
        .zip(contacts)
        .map(|(id, new)| {
            let emails: Vec<&str> = new.input.emails.iter().map(|e| e.address.as_str()).collect();
            let groups: Vec<&str> = new.input.groups.iter().map(String::as_str).collect();
            (*id, contact_text(&search_words(new, &emails, &groups)))
        })
        .collect();
    put_rows(conn, SearchKind::Contact, &rows).await?;
    Ok(ids)
}

/// Stores the e-mail addresses, phone numbers and group memberships of contacts that have none yet.
pub(crate) async fn insert_children(
    conn: &mut SqliteConnection,
    pairs: &[(i64, &ContactInput)],
) -> Result<()> {
    let emails: Vec<_> = pairs
        .iter()
        .copied()
        .flat_map(|(id, c)| c.emails.iter().enumerate().map(move |(pos, e)| (id, pos, e)))
        .collect();
    for chunk in emails.chunks(ROWS_PER_STATEMENT) {
        let mut q: QueryBuilder<Sqlite> =
            QueryBuilder::new("INSERT INTO contact_emails (contact_id, address, kind, preferred, position) ");
        q.push_values(chunk, |mut row, (id, pos, e)| {
            row.push_bind(*id)
                .push_bind(e.address.clone())
                .push_bind(e.kind.clone())
                .push_bind(e.preferred)
                .push_bind(*pos as i64);
        });
        q.build().execute(&mut *conn).await?;
    }
    let phones: Vec<_> = pairs
        .iter()
        .copied()
        .flat_map(|(id, c)| c.phones.iter().enumerate().map(move |(pos, p)| (id, pos, p)))
        .collect();
    for chunk in phones.chunks(ROWS_PER_STATEMENT) {
        let mut q: QueryBuilder<Sqlite> =
            QueryBuilder::new("INSERT INTO contact_phones (contact_id, number, kind, preferred, position) ");
        q.push_values(chunk, |mut row, (id, pos, p)| {
            row.push_bind(*id)
                .push_bind(p.number.clone())
                .push_bind(p.kind.clone())
                .push_bind(p.preferred)
                .push_bind(*pos as i64);
        });
        q.build().execute(&mut *conn).await?;
    }
    // Collected first: an iterator held across `.await` would make the future not `Send`.
    let memberships: Vec<(i64, &str)> = pairs
        .iter()
        .flat_map(|(id, c)| c.groups.iter().map(move |g| (*id, g.as_str())))
        .collect();
    insert_groups(conn, &memberships).await?;
    Ok(())
}

/// Puts contacts into groups by name, creating groups that do not exist yet. Group names are
/// case-insensitive for ASCII letters (the column is `COLLATE NOCASE`), so "kernnetzwerk" joins
/// "Kernnetzwerk".
async fn insert_groups(conn: &mut SqliteConnection, memberships: &[(i64, &str)]) -> Result<()> {
    let mut group_ids: HashMap<String, i64> = HashMap::new();
    let mut rows = Vec::new();
    for &(contact_id, name) in memberships {
        // NOCASE folds ASCII letters only; so does this key.
        let key = name.to_ascii_lowercase();
        let group_id = match group_ids.get(&key) {
            Some(id) => *id,
            None => {
                sqlx::query("INSERT INTO groups (name) VALUES (?1) ON CONFLICT (name) DO NOTHING")
                    .bind(name)
                    .execute(&mut *conn)
                    .await?;
                let id: i64 = sqlx::query_scalar("SELECT id FROM groups WHERE name = ?1")
                    .bind(name)
                    .fetch_one(&mut *conn)
                    .await?;
                group_ids.insert(key, id);
                id
            }
        };
        rows.push((contact_id, group_id));
    }
    for chunk in rows.chunks(ROWS_PER_STATEMENT) {
        let mut q: QueryBuilder<Sqlite> =
            QueryBuilder::new("INSERT OR IGNORE INTO contact_groups (contact_id, group_id) ");
        q.push_values(chunk, |mut row, (contact_id, group_id)| {
            row.push_bind(*contact_id).push_bind(*group_id);
        });
        q.build().execute(&mut *conn).await?;
    }
    Ok(())
}

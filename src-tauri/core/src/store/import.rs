//! SQL of the contact import: loading what the plan needs (stored contacts sharing an address or
//! name with rows of the file, the stored organisations) and the statements applying it uses.
//! The rules (new / duplicate / error per row, what "update" merges) are in `crate::import`; the
//! use case `usecase::import` runs them in one transaction, so a broken file or a crash halfway
//! stores nothing.

use std::collections::HashMap;

use sqlx::{QueryBuilder, Sqlite, SqliteConnection};

pub(crate) use super::contact_insert::{NewContact, insert_contacts};
pub(crate) use super::contacts::{load_input, update_contact_in};
pub(crate) use super::organisations::{find_organisation_by_name_in, insert_organisation};
use crate::Result;
use crate::import::plan::{LookupKeys, StoredIdentities};
use crate::organisation::OrganisationKind;

/// The stored organisations by sort key: kind and Kreis name. For the preview, which says for
/// each row's organisation what the import will do with it; one query for all organisations (a
/// network has hundreds, not a million). Where several share a key, the lowest id wins, as
/// [`find_organisation_by_name_in`] picks it.
pub(crate) async fn organisation_facts(
    conn: &mut SqliteConnection,
) -> Result<HashMap<String, (OrganisationKind, Option<String>)>> {
    let stored: Vec<(String, OrganisationKind, Option<String>)> = sqlx::query_as(
        "SELECT o.sort_key, o.kind, d.name FROM organisations o
         LEFT JOIN districts d ON d.ags = o.district_ags ORDER BY o.id DESC",
    )
    .fetch_all(&mut *conn)
    .await?;
    // Descending ids into a map: the lowest id is inserted last and wins.
    Ok(stored
        .into_iter()
        .map(|(key, kind, district)| (key, (kind, district)))
        .collect())
}

/// Keys per `IN (…)` list; below SQLite's limit of bound parameters.
const KEYS_PER_QUERY: usize = 500;

/// Stored contacts that share an e-mail address or a name with rows of the file, in a few
/// `IN (…)` queries instead of one query per row.
pub(crate) async fn load_identities(
    conn: &mut SqliteConnection,
    keys: &LookupKeys,
) -> Result<StoredIdentities> {
    let mut found = StoredIdentities::default();
    for chunk in keys.emails.chunks(KEYS_PER_QUERY) {
        let mut q: QueryBuilder<Sqlite> = QueryBuilder::new(
            "SELECT lower(address), contact_id FROM contact_emails WHERE lower(address) IN (",
        );
        let mut list = q.separated(", ");
        for email in chunk {
            list.push_bind(email.as_str());
        }
        q.push(") ORDER BY contact_id");
        for (email, id) in q.build_query_as::<(String, i64)>().fetch_all(&mut *conn).await? {
            found.by_email.entry(email).or_insert(id);
        }
    }
    for chunk in keys.names.chunks(KEYS_PER_QUERY) {
        let mut q: QueryBuilder<Sqlite> = QueryBuilder::new(
            "SELECT c.sort_key || '|' || COALESCE(o.sort_key, ''), c.id FROM contacts c
             LEFT JOIN organisations o ON o.id = c.organisation_id
             WHERE c.anonymised_at IS NULL AND c.sort_key IN (",
        );
        let mut list = q.separated(", ");
        for name in chunk {
            list.push_bind(name.as_str());
        }
        q.push(") ORDER BY c.id");
        for (key, id) in q.build_query_as::<(String, i64)>().fetch_all(&mut *conn).await? {
            found.by_name.entry(key).or_insert(id);
        }
    }
    Ok(found)
}

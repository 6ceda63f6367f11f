//! Contact import against the store: loading what the plan needs (stored contacts sharing an
//! address or name with rows of the file), and applying the plan in one transaction, so a broken
//! file or a crash halfway stores nothing. The rules (new / duplicate / error per row, what "update"
//! merges) are plain functions in `crate::import::plan` and `crate::import::merge`.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sqlx::{QueryBuilder, Sqlite, SqliteConnection};

use super::contact_insert::{NewContact, insert_contacts};
use super::contacts::{load_input, update_contact_in};
use super::organisations::{find_organisation_by_name_in, insert_organisation};
use crate::contact::ContactInput;
use crate::district::{DistrictFilter, DistrictNames};
use crate::format::{self, Noun};
use crate::import::Mapping;
use crate::import::merge::merge_duplicate;
use crate::import::plan::{
    DuplicateAction, ImportPreview, ImportSummary, LookupKeys, ParsedFile, PreviewRow, StoredIdentities,
    check_rows, lookup_keys, parse_file, plan_rows, row_action,
};
use crate::organisation::{OrganisationInput, OrganisationKind};
use crate::search::{fold, sort_key};
use crate::{Error, Result, Store};

impl Store {
    /// Reads `bytes` (CSV or vCard) and says what importing it would do. Stores nothing.
    /// `mapping` overrides the column mapping guessed from the CSV header.
    pub async fn preview_import(&self, bytes: &[u8], mapping: Option<Mapping>) -> Result<ImportPreview> {
        let file = parse_file(bytes, mapping)?;
        let districts = self.list_districts(&DistrictFilter::default()).await?;
        let mut conn = self.pool.acquire().await?;
        let mut preview = plan(&mut conn, file).await?;
        describe_organisations(&mut conn, &DistrictNames::new(&districts), &mut preview.rows).await?;
        Ok(preview)
    }

    /// Imports the file in one transaction. Rows with errors are left out when `skip_error_rows`
    /// is set; otherwise any error row means nothing is stored. Duplicates follow `duplicates`.
    pub async fn apply_import(
        &self,
        bytes: &[u8],
        mapping: Option<Mapping>,
        duplicates: DuplicateAction,
        skip_error_rows: bool,
        now: DateTime<Utc>,
    ) -> Result<ImportSummary> {
        let file = parse_file(bytes, mapping)?;
        let districts = self.list_districts(&DistrictFilter::default()).await?;
        let districts = DistrictNames::new(&districts);
        // The write lock from the start, so the plan's duplicate check still holds when the rows
        // are written, and new contact ids can be assigned up front.
        let mut tx = self.begin_write().await?;
        let preview = plan(&mut tx, file).await?;
        if preview.error_count > 0 && !skip_error_rows {
            return Err(Error::validation(
                "Import",
                format!(
                    "Die Datei hat {} mit Fehlern, deshalb wurde nichts importiert. Korrigieren Sie die Datei \
                     oder importieren Sie nur die fehlerfreien Zeilen.",
                    format::count(preview.error_count, Noun::Zeile)
                ),
            ));
        }
        let mut summary = ImportSummary::default();
        let mut organisations: HashMap<String, (i64, String)> = HashMap::new();
        // New contacts are inserted together at the end (few multi-row statements).
        let mut inserts: Vec<(ContactInput, Option<String>)> = Vec::new();
        for row in preview.rows {
            let action = row_action(&row, duplicates);
            let Some(mut input) = row.input else {
                summary.failed += 1;
                continue;
            };
            if action == DuplicateAction::Skip {
                summary.skipped += 1;
                continue;
            }
            let organisation = match &row.organisation {
                Some(name) => {
                    let district = districts
                        .derive(row.district.as_deref(), name, input.city.as_deref())
                        .map(|d| d.ags.clone());
                    let new = NewOrganisation { name, district };
                    Some(organisation_for(&mut tx, &mut organisations, new, &mut summary, now).await?)
                }
                None => None,
            };
            input.organisation_id = organisation.as_ref().map(|(id, _)| *id);
            match (action, row.duplicate_of) {
                (DuplicateAction::Update, Some(id)) => {
                    let stored = load_input(&mut tx, id).await?;
                    let merged = merge_duplicate(stored, input).normalised()?;
                    update_contact_in(&mut tx, id, merged, now).await?;
                    summary.updated += 1;
                }
                _ => inserts.push((input, organisation.map(|(_, name)| name))),
            }
        }
        let new: Vec<NewContact> = inserts
            .iter()
            .map(|(input, organisation)| NewContact {
                input,
                organisation_name: organisation.as_deref(),
            })
            .collect();
        summary.created = insert_contacts(&mut tx, &new, now).await?.len();
        let event = crate::audit::import(
            summary.created,
            summary.updated,
            summary.skipped,
            summary.failed,
            summary.organisations_created,
        );
        super::audit::record_audit(&mut tx, &event, Some(now)).await?;
        tx.commit().await?;
        Ok(summary)
    }
}

/// Validates the rows, loads the stored contacts they could duplicate and plans every row.
async fn plan(conn: &mut SqliteConnection, file: ParsedFile) -> Result<ImportPreview> {
    let checked = check_rows(&file.contacts);
    let keys = lookup_keys(&file.contacts, &checked);
    let stored = load_identities(conn, &keys).await?;
    let rows = plan_rows(&file.contacts, checked, &stored);
    Ok(ImportPreview::new(file, rows))
}

/// Says for each row's organisation what the import will do with it: a stored one (same sort
/// key, as `organisation_for` finds it) keeps its kind and Kreis; a new one gets the guessed kind
/// (already in the row) and the Kreis `apply_import` will derive the same way. Only the preview
/// needs this; one query for all organisations (a network has hundreds, not a million).
async fn describe_organisations(
    conn: &mut SqliteConnection,
    districts: &DistrictNames<'_>,
    rows: &mut [PreviewRow],
) -> Result<()> {
    let stored: Vec<(String, OrganisationKind, Option<String>)> = sqlx::query_as(
        "SELECT o.sort_key, o.kind, d.name FROM organisations o
         LEFT JOIN districts d ON d.ags = o.district_ags ORDER BY o.id DESC",
    )
    .fetch_all(&mut *conn)
    .await?;
    // Descending ids into a map: the lowest id wins, as `find_organisation_by_name_in` picks it.
    let stored: HashMap<String, (OrganisationKind, Option<String>)> = stored
        .into_iter()
        .map(|(key, kind, district)| (key, (kind, district)))
        .collect();
    for row in rows.iter_mut() {
        let Some(name) = row.organisation.as_deref() else {
            continue;
        };
        if let Some((kind, district)) = stored.get(&sort_key(&[name])) {
            row.organisation_new = false;
            row.organisation_kind = Some(*kind);
            row.organisation_district = district.clone();
        } else {
            let city = row.input.as_ref().and_then(|i| i.city.as_deref());
            row.organisation_district = districts
                .derive(row.district.as_deref(), name, city)
                .map(|d| d.name.clone());
        }
    }
    Ok(())
}

/// Keys per `IN (…)` list; below SQLite's limit of bound parameters.
const KEYS_PER_QUERY: usize = 500;

/// Stored contacts that share an e-mail address or a name with rows of the file, in a few
/// `IN (…)` queries instead of one query per row.
async fn load_identities(conn: &mut SqliteConnection, keys: &LookupKeys) -> Result<StoredIdentities> {
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

/// An organisation a row names, with the Kreis the row gives (if it names a known one).
struct NewOrganisation<'a> {
    name: &'a str,
    district: Option<String>,
}

/// The id and stored name of the organisation of this name, created (kind guessed from the name,
/// Kreis from the row) when it does not exist. Existing organisations are left as they are.
async fn organisation_for(
    conn: &mut SqliteConnection,
    cache: &mut HashMap<String, (i64, String)>,
    new: NewOrganisation<'_>,
    summary: &mut ImportSummary,
    now: DateTime<Utc>,
) -> Result<(i64, String)> {
    let name = new.name;
    let key = fold(name.trim());
    if let Some(found) = cache.get(&key) {
        return Ok(found.clone());
    }
    let found = match find_organisation_by_name_in(conn, name).await? {
        Some(found) => found,
        None => {
            let input = OrganisationInput {
                name: name.to_owned(),
                kind: Some(OrganisationKind::guess_from_name(name)),
                district_ags: new.district,
                ..Default::default()
            }
            .normalised()?;
            summary.organisations_created += 1;
            let id = insert_organisation(conn, &input, now).await?;
            (id, input.name)
        }
    };
    cache.insert(key, found.clone());
    Ok(found)
}

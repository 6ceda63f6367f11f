//! "Importieren": the preview of a CSV or vCard file (what would happen to each row) and applying
//! it in one transaction. The rules are in `crate::import` (parsing, checking, planning, merging);
//! the statements in `store::import`. Shared by the window's commands and the CLI (`import`).

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use crate::district::DistrictFilter;
use crate::district_derivation::DistrictNames;
use crate::import::Mapping;
use crate::import::merge::merge_duplicate;
use crate::import::plan::{
    DuplicateAction, ImportPreview, ImportSummary, ParsedFile, PreviewRow, check_rows, lookup_keys,
    organisation_to_create, parse_file, plan_rows, refuse_rows_with_errors, row_action,
};
use crate::search::{fold, sort_key};
use crate::store::audit::record_audit;
use crate::store::import as sql;
use crate::{Result, store::Store};

/// Reads `bytes` (CSV or vCard) and says what importing it would do. Stores nothing.
/// `mapping` overrides the column mapping guessed from the CSV header.
pub async fn preview_import(store: &Store, bytes: &[u8], mapping: Option<Mapping>) -> Result<ImportPreview> {
    let file = parse_file(bytes, mapping)?;
    let districts = store.list_districts(&DistrictFilter::default()).await?;
    let mut tx = store.begin_read().await?;
    let mut preview = plan(&mut tx, file).await?;
    let stored = sql::organisation_facts(&mut tx).await?;
    tx.commit().await?;
    describe_organisations(&stored, &DistrictNames::new(&districts), &mut preview.rows);
    Ok(preview)
}

/// Imports the file in one transaction. Rows with errors are left out when `skip_error_rows`
/// is set; otherwise any error row means nothing is stored. Duplicates follow `duplicates`.
pub async fn apply_import(
    store: &Store,
    bytes: &[u8],
    mapping: Option<Mapping>,
    duplicates: DuplicateAction,
    skip_error_rows: bool,
    now: DateTime<Utc>,
) -> Result<ImportSummary> {
    let file = parse_file(bytes, mapping)?;
    let districts = store.list_districts(&DistrictFilter::default()).await?;
    let districts = DistrictNames::new(&districts);
    // The write lock from the start, so the plan's duplicate check still holds when the rows
    // are written, and new contact ids can be assigned up front.
    let mut tx = store.begin_write().await?;
    let preview = plan(&mut tx, file).await?;
    refuse_rows_with_errors(preview.error_count, skip_error_rows)?;
    let mut summary = ImportSummary::default();
    let mut organisations = Organisations::default();
    // New contacts are inserted together at the end (few multi-row statements).
    let mut inserts: Vec<(crate::contact::ContactInput, Option<String>)> = Vec::new();
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
                // Derived only for an organisation the import creates (a few dozen), not per row.
                let district = || {
                    districts
                        .derive(row.district.as_deref(), name, input.city.as_deref())
                        .map(|d| d.ags.clone())
                };
                Some(
                    organisations
                        .find_or_create(&mut tx, name, district, &mut summary, now)
                        .await?,
                )
            }
            None => None,
        };
        input.organisation_id = organisation.as_ref().map(|(id, _)| *id);
        match (action, row.duplicate_of) {
            (DuplicateAction::Update, Some(id)) => {
                let stored = sql::load_input(&mut tx, id).await?;
                let merged = merge_duplicate(stored, input).normalised()?;
                sql::update_contact_in(&mut tx, id, merged, now).await?;
                summary.updated += 1;
            }
            _ => inserts.push((input, organisation.map(|(_, name)| name))),
        }
    }
    let new: Vec<sql::NewContact> = inserts
        .iter()
        .map(|(input, organisation)| sql::NewContact {
            input,
            organisation_name: organisation.as_deref(),
        })
        .collect();
    summary.created = sql::insert_contacts(&mut tx, &new, now).await?.len();
    let event = crate::audit::import(
        summary.created,
        summary.updated,
        summary.skipped,
        summary.failed,
        summary.organisations_created,
    );
    record_audit(&mut tx, &event, Some(now)).await?;
    tx.commit().await?;
    Ok(summary)
}

/// Validates the rows, loads the stored contacts they could duplicate and plans every row.
async fn plan(conn: &mut SqliteConnection, file: ParsedFile) -> Result<ImportPreview> {
    let checked = check_rows(&file.contacts);
    let keys = lookup_keys(&file.contacts, &checked);
    let stored = sql::load_identities(conn, &keys).await?;
    let rows = plan_rows(&file.contacts, checked, &stored);
    Ok(ImportPreview::new(file, rows))
}

/// Says for each row's organisation what the import will do with it: a stored one (same sort
/// key, as [`Organisations::find_or_create`] finds it) keeps its kind and Kreis; a new one gets
/// the guessed kind (already in the row) and the Kreis `apply_import` will derive the same way.
fn describe_organisations(
    stored: &HashMap<String, (crate::organisation::OrganisationKind, Option<String>)>,
    districts: &DistrictNames<'_>,
    rows: &mut [PreviewRow],
) {
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
}

/// The organisations the rows name, found or created once per (folded) name.
#[derive(Default)]
struct Organisations(HashMap<String, (i64, String)>);

impl Organisations {
    /// The id and stored name of the organisation of this name, created (kind guessed from the
    /// name, Kreis from the row) when it does not exist. Existing organisations stay as they are.
    async fn find_or_create(
        &mut self,
        conn: &mut SqliteConnection,
        name: &str,
        district: impl FnOnce() -> Option<String>,
        summary: &mut ImportSummary,
        now: DateTime<Utc>,
    ) -> Result<(i64, String)> {
        let key = fold(name.trim());
        if let Some(found) = self.0.get(&key) {
            return Ok(found.clone());
        }
        let found = match sql::find_organisation_by_name_in(conn, name).await? {
            Some(found) => found,
            None => {
                let input = organisation_to_create(name, district())?;
                summary.organisations_created += 1;
                let id = sql::insert_organisation(conn, &input, now).await?;
                (id, input.name)
            }
        };
        self.0.insert(key, found.clone());
        Ok(found)
    }
}

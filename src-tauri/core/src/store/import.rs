//! Contact import against the store: the preview (what would happen to each row, duplicates
//! checked against stored contacts and earlier rows) and applying it in one transaction, so a
//! broken file or a crash halfway stores nothing.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sqlx::{QueryBuilder, Sqlite, SqliteConnection};

use super::contact_insert::{NewContact, insert_contacts};
use super::contacts::update_contact_in;
use super::organisations::{find_organisation_by_name_in, insert_organisation};
use crate::contact::ContactInput;
use crate::district::{DistrictFilter, find_district};
use crate::import::plan::{
    DuplicateAction, ImportPreview, ImportSummary, PreviewRow, RowStatus, display_name, identity, to_input,
};
use crate::import::{
    FileKind, ImportedContact, Mapping, detect_kind, guess_mapping, map_rows, parse_vcards, read_table,
};
use crate::organisation::{OrganisationInput, OrganisationKind};
use crate::search::fold;
use crate::{Error, Result, Store};

struct ParsedFile {
    kind: FileKind,
    encoding: Option<crate::import::Encoding>,
    delimiter: Option<char>,
    headers: Vec<String>,
    mapping: Mapping,
    contacts: Vec<ImportedContact>,
}

fn parse(bytes: &[u8], mapping: Option<Mapping>) -> Result<ParsedFile> {
    let file_error = |e: crate::import::ParseError| Error::validation("Datei", e.0);
    match detect_kind(bytes).map_err(file_error)? {
        FileKind::Csv => {
            let table = read_table(bytes).map_err(file_error)?;
            let mapping = mapping.unwrap_or_else(|| guess_mapping(&table.headers));
            let contacts = map_rows(&table, &mapping);
            Ok(ParsedFile {
                kind: FileKind::Csv,
                encoding: Some(table.encoding),
                delimiter: Some(table.delimiter),
                headers: table.headers,
                mapping,
                contacts,
            })
        }
        FileKind::VCard => Ok(ParsedFile {
            kind: FileKind::VCard,
            encoding: None,
            delimiter: None,
            headers: Vec::new(),
            mapping: Vec::new(),
            contacts: parse_vcards(bytes).map_err(file_error)?,
        }),
    }
}

impl Store {
    /// Reads `bytes` (CSV or vCard) and says what importing it would do. Stores nothing.
    /// `mapping` overrides the column mapping guessed from the CSV header.
    pub async fn preview_import(&self, bytes: &[u8], mapping: Option<Mapping>) -> Result<ImportPreview> {
        let file = parse(bytes, mapping)?;
        let mut conn = self.pool.acquire().await?;
        plan(&mut conn, file).await
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
        let file = parse(bytes, mapping)?;
        let districts = self.list_districts(&DistrictFilter::default()).await?;
        // IMMEDIATE: the write lock from the start, so the plan's duplicate check still holds when
        // the rows are written, and new contact ids can be assigned up front.
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        let preview = plan(&mut tx, file).await?;
        if preview.error_count > 0 && !skip_error_rows {
            return Err(Error::validation(
                "Import",
                format!(
                    "{} Zeilen haben Fehler, deshalb wurde nichts importiert. Korrigieren Sie die Datei oder \
                     importieren Sie nur die fehlerfreien Zeilen.",
                    preview.error_count
                ),
            ));
        }
        let mut summary = ImportSummary::default();
        let mut organisations: HashMap<String, i64> = HashMap::new();
        // New contacts are inserted together at the end (few multi-row statements).
        let mut inserts: Vec<(ContactInput, Option<String>)> = Vec::new();
        for row in preview.rows {
            let Some(mut input) = row.input else {
                summary.failed += 1;
                continue;
            };
            let action = match (row.status, row.duplicate_of) {
                (RowStatus::New, _) => DuplicateAction::ImportAnyway,
                (RowStatus::Duplicate, Some(_)) => duplicates,
                // A repeat of an earlier row of the same file: only "anyway" imports it twice.
                (RowStatus::Duplicate, None) if duplicates == DuplicateAction::ImportAnyway => {
                    DuplicateAction::ImportAnyway
                }
                _ => DuplicateAction::Skip,
            };
            if action == DuplicateAction::Skip {
                summary.skipped += 1;
                continue;
            }
            input.organisation_id = match &row.organisation {
                Some(name) => {
                    let district = row
                        .district
                        .as_deref()
                        .and_then(|d| find_district(&districts, d, name))
                        .map(|d| d.ags.clone());
                    let new = NewOrganisation { name, district };
                    Some(organisation_id(&mut tx, &mut organisations, new, &mut summary, now).await?)
                }
                None => None,
            };
            match (action, row.duplicate_of) {
                (DuplicateAction::Update, Some(id)) => {
                    merge_into(&mut tx, id, input, now).await?;
                    summary.updated += 1;
                }
                _ => inserts.push((input, row.organisation)),
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
        tx.commit().await?;
        Ok(summary)
    }
}

async fn plan(conn: &mut SqliteConnection, file: ParsedFile) -> Result<ImportPreview> {
    let checked: Vec<Result<ContactInput>> = file.contacts.iter().map(|c| to_input(c).normalised()).collect();
    let identities: Vec<(Vec<String>, String)> = checked
        .iter()
        .zip(&file.contacts)
        .filter_map(|(input, c)| Some(identity(input.as_ref().ok()?, c.organisation.as_deref())))
        .collect();
    let stored = StoredIdentities::load(conn, identities.iter()).await?;

    let mut rows = Vec::with_capacity(file.contacts.len());
    let mut seen_emails: HashMap<String, String> = HashMap::new();
    let mut seen_names: HashMap<String, String> = HashMap::new();
    for (contact, checked) in file.contacts.iter().zip(checked) {
        let position_label = contact.position.to_string();
        let mut row = PreviewRow {
            position: contact.position,
            position_label: position_label.clone(),
            name: display_name(contact),
            organisation: contact.organisation.clone(),
            district: contact.district.clone(),
            email: contact.emails.first().map(|e| e.value.clone()),
            status: RowStatus::New,
            message: None,
            field: None,
            duplicate_of: None,
            input: None,
        };
        match checked {
            Ok(input) => {
                let (emails, name_key) = identity(&input, contact.organisation.as_deref());
                if let Some((id, why)) = stored.find(&emails, &name_key) {
                    row.status = RowStatus::Duplicate;
                    row.duplicate_of = Some(id);
                    row.message = Some(format!("{position_label}: {why}"));
                } else if let Some(earlier) = emails
                    .iter()
                    .find_map(|e| seen_emails.get(e))
                    .or_else(|| seen_names.get(&name_key))
                {
                    row.status = RowStatus::Duplicate;
                    row.message = Some(format!("{position_label}: steht schon in {earlier} dieser Datei"));
                } else {
                    for e in emails {
                        seen_emails.insert(e, position_label.clone());
                    }
                    seen_names.insert(name_key, position_label.clone());
                }
                row.input = Some(input);
            }
            Err(e) => {
                row.status = RowStatus::Error;
                row.message = Some(format!("{position_label}: {e}"));
            }
        }
        rows.push(row);
    }
    let count = |s: RowStatus| rows.iter().filter(|r| r.status == s).count();
    Ok(ImportPreview {
        kind: file.kind,
        encoding: file.encoding,
        delimiter: file.delimiter,
        headers: file.headers,
        mapping: file.mapping,
        fields: crate::import::plan::field_options(),
        new_count: count(RowStatus::New),
        duplicate_count: count(RowStatus::Duplicate),
        error_count: count(RowStatus::Error),
        rows,
    })
}

/// Stored contacts that share an e-mail address or "name|organisation" key with rows of the
/// file: looked up in a few `IN (…)` queries instead of one query per row.
#[derive(Default)]
struct StoredIdentities {
    by_email: HashMap<String, i64>,
    by_name: HashMap<String, i64>,
}

/// Keys per `IN (…)` list; below SQLite's limit of bound parameters.
const KEYS_PER_QUERY: usize = 500;

impl StoredIdentities {
    async fn load<'a>(
        conn: &mut SqliteConnection,
        identities: impl Iterator<Item = &'a (Vec<String>, String)>,
    ) -> Result<StoredIdentities> {
        let mut emails: Vec<&str> = Vec::new();
        let mut names: Vec<&str> = Vec::new();
        for (row_emails, name_key) in identities {
            emails.extend(row_emails.iter().map(String::as_str));
            names.push(
                name_key
                    .split_once('|')
                    .map_or(name_key.as_str(), |(name, _)| name),
            );
        }
        emails.sort_unstable();
        emails.dedup();
        names.sort_unstable();
        names.dedup();
        let mut found = StoredIdentities::default();
        for chunk in emails.chunks(KEYS_PER_QUERY) {
            let mut q: QueryBuilder<Sqlite> = QueryBuilder::new(
                "SELECT lower(address), contact_id FROM contact_emails WHERE lower(address) IN (",
            );
            let mut list = q.separated(", ");
            for email in chunk {
                list.push_bind(*email);
            }
            q.push(") ORDER BY contact_id");
            for (email, id) in q.build_query_as::<(String, i64)>().fetch_all(&mut *conn).await? {
                found.by_email.entry(email).or_insert(id);
            }
        }
        for chunk in names.chunks(KEYS_PER_QUERY) {
            let mut q: QueryBuilder<Sqlite> = QueryBuilder::new(
                "SELECT c.sort_key || '|' || COALESCE(o.sort_key, ''), c.id FROM contacts c
                 LEFT JOIN organisations o ON o.id = c.organisation_id WHERE c.sort_key IN (",
            );
            let mut list = q.separated(", ");
            for name in chunk {
                list.push_bind(*name);
            }
            q.push(") ORDER BY c.id");
            for (key, id) in q.build_query_as::<(String, i64)>().fetch_all(&mut *conn).await? {
                found.by_name.entry(key).or_insert(id);
            }
        }
        Ok(found)
    }

    /// The stored contact this row duplicates, with the reason in German.
    fn find(&self, emails: &[String], name_key: &str) -> Option<(i64, &'static str)> {
        if let Some(id) = emails.iter().find_map(|e| self.by_email.get(e)) {
            return Some((*id, "gleiche E-Mail-Adresse wie ein gespeicherter Kontakt"));
        }
        self.by_name.get(name_key).map(|id| {
            (
                *id,
                "gleicher Name bei gleicher Organisation wie ein gespeicherter Kontakt",
            )
        })
    }
}

/// An organisation a row names, with the Kreis the row gives (if it names a known one).
struct NewOrganisation<'a> {
    name: &'a str,
    district: Option<String>,
}

/// The organisation of this name, created (kind guessed from the name, Kreis from the row) when
/// it does not exist. Existing organisations are left as they are.
async fn organisation_id(
    conn: &mut SqliteConnection,
    cache: &mut HashMap<String, i64>,
    new: NewOrganisation<'_>,
    summary: &mut ImportSummary,
    now: DateTime<Utc>,
) -> Result<i64> {
    let name = new.name;
    let key = fold(name.trim());
    if let Some(id) = cache.get(&key) {
        return Ok(*id);
    }
    let id = match find_organisation_by_name_in(conn, name).await? {
        Some(id) => id,
        None => {
            let input = OrganisationInput {
                name: name.to_owned(),
                kind: Some(OrganisationKind::guess_from_name(name)),
                district_ags: new.district,
                ..Default::default()
            }
            .normalised()?;
            summary.organisations_created += 1;
            insert_organisation(conn, &input, now).await?
        }
    };
    cache.insert(key, id);
    Ok(id)
}

/// "Update" for a duplicate: empty fields are filled, addresses, numbers and groups added.
async fn merge_into(
    conn: &mut SqliteConnection,
    id: i64,
    new: ContactInput,
    now: DateTime<Utc>,
) -> Result<()> {
    let mut merged = super::contacts::load_input(conn, id).await?;
    let fill = |old: &mut Option<String>, new: Option<String>| {
        if old.is_none() {
            *old = new;
        }
    };
    fill(&mut merged.salutation, new.salutation);
    fill(&mut merged.title, new.title);
    fill(&mut merged.first_name, new.first_name);
    fill(&mut merged.function, new.function);
    fill(&mut merged.street, new.street);
    fill(&mut merged.postal_code, new.postal_code);
    fill(&mut merged.city, new.city);
    fill(&mut merged.notes, new.notes);
    if merged.organisation_id.is_none() {
        merged.organisation_id = new.organisation_id;
    }
    for mut e in new.emails {
        if !merged
            .emails
            .iter()
            .any(|m| m.address.eq_ignore_ascii_case(&e.address))
        {
            e.preferred = false;
            merged.emails.push(e);
        }
    }
    for mut p in new.phones {
        if !merged.phones.iter().any(|m| m.number == p.number) {
            p.preferred = false;
            merged.phones.push(p);
        }
    }
    merged.groups.extend(new.groups);
    update_contact_in(conn, id, merged.normalised()?, now).await
}

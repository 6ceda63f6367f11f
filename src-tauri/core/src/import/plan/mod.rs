//! From a parsed file to a decision per row: new, duplicate (of a stored contact or of an earlier
//! row) or error (with the row number and the field). The preview shows this plan; applying it
//! stores the chosen rows in one transaction.
//!
//! Everything here is a plain function of the file and of the [`StoredIdentities`] the store
//! loaded for it, so the rules are tested without a database; the store only loads and writes.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::{
    Encoding, FileKind, ImportedContact, Mapping, ParseError, Position, detect_kind, guess_mapping, map_rows,
    parse_vcards, read_table,
};
use crate::contact::{ContactInput, EmailInput, PhoneInput};
use crate::error::FieldError;
use crate::organisation::{OrganisationInput, OrganisationKind};
use crate::search::sort_key;
use crate::{Error, Result};

/// What the user chose for rows that look like contacts already stored.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DuplicateAction {
    /// Leave the stored contact alone (the default: importing twice never doubles contacts).
    #[default]
    Skip,
    /// Fill in and add what the file has (addresses, numbers, groups, empty fields).
    Update,
    /// Import as a new contact anyway.
    ImportAnyway,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RowStatus {
    New,
    Duplicate,
    Error,
}

/// One row of the preview.
#[derive(Debug, Clone, Serialize)]
pub struct PreviewRow {
    pub position: Position,
    /// "Zeile 14" / "Karte 2"
    pub position_label: String,
    pub name: String,
    pub organisation: Option<String>,
    /// The Stadt-/Landkreis as the file names it (CSV column "Stadt-/Landkreis"); used for the
    /// district of an organisation the import creates.
    pub district: Option<String>,
    /// The kind of the row's organisation: its stored kind when it exists, else the kind the
    /// import will give the new organisation (guessed from the name, `Sonstige` when unsure), so
    /// the preview shows what will be chosen before anything is stored.
    pub organisation_kind: Option<OrganisationKind>,
    /// The Kreis of the row's organisation: stored, or for a new one what the import derives
    /// from the file's Kreis column, the name or the Ort (`None`: stays empty). Filled by the store.
    pub organisation_district: Option<String>,
    /// Whether the import creates the row's organisation (no stored one has that name).
    pub organisation_new: bool,
    pub email: Option<String>,
    pub status: RowStatus,
    /// For errors what is wrong with the first field at fault, without its label („x“ ist keine
    /// …; `field` carries the label); for duplicates why ("gleiche E-Mail-Adresse wie ein
    /// gespeicherter Kontakt"). Never the row's own position: `position` / `position_label`
    /// carry it. As in `ErrorPayload`, field and message stay apart; whoever shows them joins them.
    pub message: Option<String>,
    /// For errors in a field: the first field's German label ("E-Mail-Adresse"), as forms label it.
    pub field: Option<String>,
    /// Every field at fault with what is wrong with it, in form order (the first is `field` and
    /// `message`); empty for rows without field errors.
    pub fields: Vec<FieldError>,
    /// What the reader had to change or could not use, in German, without the position (a phone
    /// text kept in the notes, a broken byte replaced). The row is imported all the same.
    pub warnings: Vec<String>,
    /// The stored contact this row duplicates, if it is one (not for duplicates within the file).
    pub duplicate_of: Option<i64>,
    /// The validated contact (no organisation id yet; `organisation` names it).
    #[serde(skip)]
    pub input: Option<ContactInput>,
}

/// The preview of a file: how it was read and what would happen to each row.
#[derive(Debug, Clone, Serialize)]
pub struct ImportPreview {
    pub kind: FileKind,
    pub encoding: Option<Encoding>,
    pub delimiter: Option<char>,
    /// CSV only: the header names and the column → field mapping in use.
    pub headers: Vec<String>,
    pub mapping: Mapping,
    pub rows: Vec<PreviewRow>,
    /// Every field a column can be mapped to, with its German label (for the mapping selects).
    pub fields: Vec<FieldOption>,
    pub new_count: usize,
    pub duplicate_count: usize,
    pub error_count: usize,
    /// Rows that are imported, but with something the reader had to change (see `warnings`).
    pub warning_count: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct FieldOption {
    pub value: super::Field,
    pub label: &'static str,
}

pub(crate) fn field_options() -> Vec<FieldOption> {
    super::Field::ALL
        .iter()
        .map(|f| FieldOption {
            value: *f,
            label: f.label(),
        })
        .collect()
}

/// The result of applying an import.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ImportSummary {
    pub created: usize,
    pub updated: usize,
    pub skipped: usize,
    pub failed: usize,
    pub organisations_created: usize,
}

/// Turns one read contact into what the store validates.
pub(crate) fn to_input(contact: &ImportedContact) -> ContactInput {
    let mut notes = contact.notes.clone();
    if let Some(department) = &contact.department {
        // No own field for the department; keep it where a person will see it.
        let line = format!("Abteilung: {department}");
        notes = Some(match notes {
            Some(n) => format!("{line}\n{n}"),
            None => line,
        });
    }
    ContactInput {
        salutation: contact.salutation.clone(),
        title: contact.title.clone(),
        first_name: contact.first_name.clone(),
        last_name: contact.last_name.clone().unwrap_or_default(),
        function: contact.function.clone(),
        organisation_id: None,
        emails: contact
            .emails
            .iter()
            .map(|e| EmailInput {
                address: e.value.clone(),
                kind: e.kind.clone(),
                preferred: e.preferred,
            })
            .collect(),
        phones: contact
            .phones
            .iter()
            .map(|p| PhoneInput {
                number: p.value.clone(),
                kind: p.kind.clone(),
                preferred: p.preferred,
            })
            .collect(),
        street: contact.street.clone(),
        postal_code: contact.postal_code.clone(),
        city: contact.city.clone(),
        notes,
        groups: contact.groups.clone(),
        ..Default::default()
    }
}

/// Identity keys used to spot duplicates: e-mail addresses (lower case) and "name|organisation".
pub fn identity(input: &ContactInput, organisation: Option<&str>) -> (Vec<String>, String) {
    let emails = input.emails.iter().map(|e| e.address.to_lowercase()).collect();
    let name = sort_key(&[&input.last_name, input.first_name.as_deref().unwrap_or_default()]);
    let org = organisation.map(|o| sort_key(&[o])).unwrap_or_default();
    (emails, format!("{name}|{org}"))
}

pub(crate) fn display_name(contact: &ImportedContact) -> String {
    [
        contact.title.as_deref(),
        contact.first_name.as_deref(),
        contact.last_name.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ")
}

/// A contact file as read: how, and the contacts in it (not yet validated).
#[derive(Debug, Clone)]
pub struct ParsedFile {
    pub kind: FileKind,
    pub encoding: Option<Encoding>,
    pub delimiter: Option<char>,
    pub headers: Vec<String>,
    pub mapping: Mapping,
    pub contacts: Vec<ImportedContact>,
}

/// Reads `bytes` as CSV or vCard. `mapping` overrides the column mapping guessed from the CSV
/// header. A file that cannot be used at all is a validation error of the field "Datei".
pub fn parse_file(bytes: &[u8], mapping: Option<Mapping>) -> Result<ParsedFile> {
    let file_error = |e: ParseError| Error::validation("Datei", e.0);
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

/// Every row validated as the form would validate it.
pub fn check_rows(contacts: &[ImportedContact]) -> Vec<Result<ContactInput>> {
    contacts.iter().map(|c| to_input(c).normalised()).collect()
}

/// What the store has to look up for a file: every e-mail address (lower case) and every folded
/// "Nachname Vorname" of its valid rows, each once and sorted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LookupKeys {
    pub emails: Vec<String>,
    pub names: Vec<String>,
}

pub fn lookup_keys(contacts: &[ImportedContact], checked: &[Result<ContactInput>]) -> LookupKeys {
    let mut keys = LookupKeys::default();
    for (contact, input) in contacts.iter().zip(checked) {
        let Ok(input) = input else { continue };
        let (emails, name_key) = identity(input, contact.organisation.as_deref());
        keys.emails.extend(emails);
        let name = name_key
            .split_once('|')
            .map_or(name_key.as_str(), |(name, _)| name);
        keys.names.push(name.to_owned());
    }
    for list in [&mut keys.emails, &mut keys.names] {
        list.sort_unstable();
        list.dedup();
    }
    keys
}

/// Stored contacts that share an e-mail address or a "name|organisation" key with rows of a file,
/// as the store found them for the file's [`LookupKeys`]. With several matches the smallest id.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StoredIdentities {
    /// Lower-case address → contact id.
    pub by_email: HashMap<String, i64>,
    /// Folded "Nachname Vorname|Organisation" → contact id.
    pub by_name: HashMap<String, i64>,
}

impl StoredIdentities {
    /// The stored contact this row duplicates, with the reason in German.
    pub fn find(&self, emails: &[String], name_key: &str) -> Option<(i64, &'static str)> {
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

/// The decision for every row: error (with its field), duplicate of a stored contact, duplicate
/// of an earlier row of the file, or new.
pub fn plan_rows(
    contacts: &[ImportedContact],
    checked: Vec<Result<ContactInput>>,
    stored: &StoredIdentities,
) -> Vec<PreviewRow> {
    let mut rows = Vec::with_capacity(contacts.len());
    let mut seen_emails: HashMap<String, String> = HashMap::new();
    let mut seen_names: HashMap<String, String> = HashMap::new();
    for (contact, checked) in contacts.iter().zip(checked) {
        let position_label = contact.position.to_string();
        let mut row = PreviewRow {
            position: contact.position,
            position_label: position_label.clone(),
            name: display_name(contact),
            organisation: contact.organisation.clone(),
            district: contact.district.clone(),
            organisation_kind: contact
                .organisation
                .as_deref()
                .map(OrganisationKind::guess_from_name),
            organisation_district: None,
            organisation_new: contact.organisation.is_some(),
            email: contact.emails.first().map(|e| e.value.clone()),
            status: RowStatus::New,
            message: None,
            field: None,
            fields: Vec::new(),
            warnings: contact.warnings.clone(),
            duplicate_of: None,
            input: None,
        };
        match checked {
            Ok(input) => {
                let (emails, name_key) = identity(&input, contact.organisation.as_deref());
                if let Some((id, why)) = stored.find(&emails, &name_key) {
                    row.status = RowStatus::Duplicate;
                    row.duplicate_of = Some(id);
                    row.message = Some(why.to_owned());
                } else if let Some(earlier) = emails
                    .iter()
                    .find_map(|e| seen_emails.get(e))
                    .or_else(|| seen_names.get(&name_key))
                {
                    row.status = RowStatus::Duplicate;
                    row.message = Some(format!("steht schon in {earlier} dieser Datei"));
                } else {
                    for e in emails {
                        seen_emails.insert(e, position_label.clone());
                    }
                    seen_names.insert(name_key, position_label);
                }
                row.input = Some(input);
            }
            Err(e) => {
                row.status = RowStatus::Error;
                // A row can have several fields at fault; `field` and `message` are the first.
                let problems = row_problems(contact, e.field_errors());
                row.field = problems.first().map(|f| f.field.clone());
                row.message = Some(match problems.first() {
                    Some(first) => first.message.clone(),
                    None => e.to_string(),
                });
                row.fields = problems;
            }
        }
        rows.push(row);
    }
    rows
}

/// A row's problems as notes about the row ("Nachname fehlt.") rather than the form's request
/// ("Bitte geben Sie einen Nachnamen ein."), which nobody can follow for a line in a file.
fn row_problems(contact: &ImportedContact, problems: Vec<FieldError>) -> Vec<FieldError> {
    let last_name_missing = contact.last_name.as_deref().is_none_or(|n| n.trim().is_empty());
    problems
        .into_iter()
        .map(|mut p| {
            if p.field == "Nachname" && last_name_missing {
                p.message = "Nachname fehlt.".to_owned();
            }
            p
        })
        .collect()
}

/// A row's reason as one line, for a reader without columns (the command line): each field at
/// fault as "Feld: was" (a note that already names its field, "Nachname fehlt.", as it is), else
/// the message.
pub fn row_reason(row: &PreviewRow) -> String {
    if row.fields.is_empty() {
        return row.message.clone().unwrap_or_default();
    }
    row.fields
        .iter()
        .map(|f| {
            if f.message.starts_with(&f.field) {
                f.message.clone()
            } else {
                format!("{}: {}", f.field, f.message)
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

impl ImportPreview {
    /// The preview of a read file whose rows were planned by [`plan_rows`].
    pub fn new(file: ParsedFile, rows: Vec<PreviewRow>) -> ImportPreview {
        let count = |s: RowStatus| rows.iter().filter(|r| r.status == s).count();
        ImportPreview {
            kind: file.kind,
            encoding: file.encoding,
            delimiter: file.delimiter,
            headers: file.headers,
            mapping: file.mapping,
            fields: field_options(),
            new_count: count(RowStatus::New),
            duplicate_count: count(RowStatus::Duplicate),
            error_count: count(RowStatus::Error),
            warning_count: rows.iter().filter(|r| !r.warnings.is_empty()).count(),
            rows,
        }
    }
}

/// What applying the import does with a row, given the user's choice for duplicates: only rows
/// that duplicate a stored contact can be updated; a repeat of an earlier row of the same file is
/// imported twice only with "anyway". Error rows are skipped (the caller counts them as failed).
pub fn row_action(row: &PreviewRow, duplicates: DuplicateAction) -> DuplicateAction {
    match (row.status, row.duplicate_of) {
        (RowStatus::New, _) => DuplicateAction::ImportAnyway,
        (RowStatus::Duplicate, Some(_)) => duplicates,
        (RowStatus::Duplicate, None) if duplicates == DuplicateAction::ImportAnyway => {
            DuplicateAction::ImportAnyway
        }
        _ => DuplicateAction::Skip,
    }
}

/// Applying a file with error rows stores nothing, unless the person chose to import only the
/// rows without errors.
pub fn refuse_rows_with_errors(error_count: usize, skip_error_rows: bool) -> Result<()> {
    if error_count > 0 && !skip_error_rows {
        return Err(Error::validation(
            "Import",
            format!(
                "Die Datei hat {} mit Fehlern, deshalb wurde nichts importiert. Korrigieren Sie die Datei \
                 oder importieren Sie nur die fehlerfreien Zeilen.",
                crate::format::count(error_count, crate::format::Noun::Zeile)
            ),
        ));
    }
    Ok(())
}

/// The organisation an import creates for a name no stored organisation has: the kind guessed
/// from the name, the Kreis the row gives or suggests (`district`).
pub fn organisation_to_create(name: &str, district: Option<String>) -> Result<OrganisationInput> {
    OrganisationInput {
        name: name.to_owned(),
        kind: Some(OrganisationKind::guess_from_name(name)),
        district_ags: district,
        ..Default::default()
    }
    .normalised()
}

#[cfg(test)]
mod tests;

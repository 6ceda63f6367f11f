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
use crate::organisation::OrganisationKind;
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
    /// For errors the whole German message ("E-Mail-Adresse: „x“ ist keine …"); for duplicates why
    /// ("gleiche E-Mail-Adresse wie ein gespeicherter Kontakt"). Never the row's own position:
    /// `position` / `position_label` carry it.
    pub message: Option<String>,
    /// For errors in one field: its German label ("E-Mail-Adresse"), as forms label it.
    pub field: Option<String>,
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
                // The first field at fault (a row can have several; the message names them all).
                row.field = e.field_errors().into_iter().next().map(|f| f.field);
                row.message = Some(e.to_string());
            }
        }
        rows.push(row);
    }
    rows
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::ImportedValue;

    fn row(line: usize, first: &str, last: &str, email: Option<&str>) -> ImportedContact {
        ImportedContact {
            position: Position::Line(line),
            first_name: Some(first.into()),
            last_name: (!last.is_empty()).then(|| last.into()),
            organisation: Some("Landratsamt Tübingen".into()),
            emails: email
                .map(|e| ImportedValue {
                    value: e.into(),
                    kind: "work".into(),
                    preferred: true,
                })
                .into_iter()
                .collect(),
            ..Default::default()
        }
    }

    fn file() -> Vec<ImportedContact> {
        vec![
            row(2, "Anna", "Müller", Some("A.Mueller@lrat.example")),
            row(3, "Bernd", "", Some("b@lrat.example")),
            row(4, "Carla", "Schmidt", Some("carla(at)lrat")),
            row(5, "Anna", "Mueller", None),
            row(6, "Dora", "Stein", Some("a.mueller@lrat.example")),
            row(7, "Emil", "Ende", Some("e@lrat.example")),
        ]
    }

    #[test]
    fn keys_are_what_the_valid_rows_need_each_once() {
        let contacts = file();
        let checked = check_rows(&contacts);
        let keys = lookup_keys(&contacts, &checked);
        assert_eq!(keys.emails, ["a.mueller@lrat.example", "e@lrat.example"]);
        assert_eq!(keys.names, ["ende emil", "muller anna", "stein dora"]);
    }

    #[test]
    fn every_row_gets_a_decision_with_its_field_and_without_its_own_position() {
        let contacts = file();
        let stored = StoredIdentities {
            by_email: HashMap::from([("e@lrat.example".to_owned(), 41)]),
            by_name: HashMap::new(),
        };
        let rows = plan_rows(&contacts, check_rows(&contacts), &stored);
        let got: Vec<(&str, RowStatus, Option<&str>, Option<i64>)> = rows
            .iter()
            .map(|r| {
                (
                    r.position_label.as_str(),
                    r.status,
                    r.field.as_deref(),
                    r.duplicate_of,
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("Zeile 2", RowStatus::New, None, None),
                ("Zeile 3", RowStatus::Error, Some("Nachname"), None),
                ("Zeile 4", RowStatus::Error, Some("E-Mail-Adresse"), None),
                ("Zeile 5", RowStatus::Duplicate, None, None),
                ("Zeile 6", RowStatus::Duplicate, None, None),
                ("Zeile 7", RowStatus::Duplicate, None, Some(41)),
            ]
        );
        assert_eq!(
            rows[1].message.as_deref(),
            Some("Nachname: Bitte geben Sie einen Nachnamen ein.")
        );
        assert!(
            rows[2]
                .message
                .as_deref()
                .unwrap()
                .starts_with("E-Mail-Adresse: „carla(at)lrat“")
        );
        // Same name and organisation, and same address (any case), as row 2.
        assert_eq!(
            rows[3].message.as_deref(),
            Some("steht schon in Zeile 2 dieser Datei")
        );
        assert_eq!(
            rows[4].message.as_deref(),
            Some("steht schon in Zeile 2 dieser Datei")
        );
        assert_eq!(
            rows[5].message.as_deref(),
            Some("gleiche E-Mail-Adresse wie ein gespeicherter Kontakt")
        );
        assert!(rows.iter().all(|r| {
            !r.message
                .as_deref()
                .unwrap_or_default()
                .contains(&r.position_label)
        }));

        let preview = ImportPreview::new(
            ParsedFile {
                kind: FileKind::Csv,
                encoding: Some(Encoding::Utf8),
                delimiter: Some(';'),
                headers: Vec::new(),
                mapping: Vec::new(),
                contacts,
            },
            rows,
        );
        assert_eq!(
            (preview.new_count, preview.duplicate_count, preview.error_count),
            (1, 3, 2)
        );
        let json = serde_json::to_value(&preview.rows[2]).unwrap();
        assert_eq!(json["field"], "E-Mail-Adresse");
        assert_eq!(json["position"], serde_json::json!({"kind": "line", "number": 4}));
    }

    #[test]
    fn only_duplicates_of_stored_contacts_can_be_updated() {
        let contacts = file();
        let stored = StoredIdentities {
            by_email: HashMap::from([("e@lrat.example".to_owned(), 41)]),
            by_name: HashMap::new(),
        };
        let rows = plan_rows(&contacts, check_rows(&contacts), &stored);
        let actions =
            |choice| -> Vec<DuplicateAction> { rows.iter().map(|r| row_action(r, choice)).collect() };
        use DuplicateAction::{ImportAnyway as Anyway, Skip, Update};
        assert_eq!(actions(Skip), [Anyway, Skip, Skip, Skip, Skip, Skip]);
        assert_eq!(actions(Update), [Anyway, Skip, Skip, Skip, Skip, Update]);
        assert_eq!(actions(Anyway), [Anyway, Skip, Skip, Anyway, Anyway, Anyway]);
    }
}

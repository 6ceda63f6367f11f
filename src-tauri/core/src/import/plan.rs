//! From a parsed file to a decision per row: new, duplicate (of a stored contact or of an earlier
//! row) or error (with the row number and the field). The preview shows this plan; applying it
//! stores the chosen rows in one transaction.

use serde::{Deserialize, Serialize};

use super::{Encoding, FileKind, ImportedContact, Mapping, Position};
use crate::contact::{ContactInput, EmailInput, PhoneInput};
use crate::search::sort_key;

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
    pub email: Option<String>,
    pub status: RowStatus,
    /// For errors: "Zeile 14: E-Mail-Adresse: „x“ ist keine …"; for duplicates: why.
    pub message: Option<String>,
    /// For errors: the German label of the field at fault ("E-Mail-Adresse"), if one is.
    #[serde(default)]
    pub field: Option<String>,
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

/// Turns one read contact into what the store validates; errors carry the row position.
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
pub(crate) fn identity(input: &ContactInput, organisation: Option<&str>) -> (Vec<String>, String) {
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

//! Reading contact files for the import: CSV exports (Outlook, Excel incl. „Unicode-Text“,
//! Thunderbird, Google Contacts) and vCards (2.1, 3.0, 4.0).
//!
//! This module only turns bytes into [`ImportedContact`]s; it does not validate, look for duplicates
//! or touch the database. Every function here accepts arbitrary bytes and never panics: a file that
//! cannot be used at all gives a [`ParseError`] with a German message; anything smaller (a ragged
//! row, an unknown vCard property) is tolerated and left to the validation that follows. What the
//! reader had to change or could not use (a phone text moved to the notes, a broken byte) is kept
//! as [`ImportedContact::warnings`], so the person is never lost.
//!
//! Files: `file` (which files are accepted, size limit), `decode` (encodings), `csv_table` +
//! `table` (CSV into rows), `mapping` (columns to fields), `vcard/` (cards), `names` (salutation,
//! title, whole names), `phone` (written phone numbers), `plan` (new/duplicate/error per row, as plain rules), `merge`
//! (what "update a duplicate" keeps).
//!
//! CSV is read in two steps so the user can check the column assignment in a preview:
//! [`read_table`] gives the raw [`Table`], [`guess_mapping`] proposes a [`Mapping`] from the header
//! names, and [`map_rows`] applies the (possibly edited) mapping. vCards map themselves:
//! [`parse_vcards`].

mod csv_table;
mod decode;
mod file;
mod mapping;
pub mod merge;
mod names;
mod phone;
pub mod plan;
mod table;
mod vcard;

pub use csv_table::read_table;
pub use decode::decode;
pub use file::{MAX_FILE_BYTES, detect_kind, read_file};
pub(crate) use file::{check_text, is_utf16, starts_with_vcard};
pub use mapping::{guess_mapping, map_rows};
pub(crate) use names::{apply_full_name, split_salutation};
pub use phone::normalise_phone;
pub use table::{Cells, Table, TableRow};
pub use vcard::parse_vcards;

/// Which field of a contact a CSV column feeds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Salutation,
    Title,
    FirstName,
    LastName,
    Function,
    Organisation,
    Department,
    District,
    Email,
    Phone,
    Mobile,
    Street,
    PostalCode,
    City,
    Country,
    Notes,
    Groups,
    /// The whole name in one column (Thunderbird's „Anzeigename“, Google's „Name“): used for first
    /// and last name when the file has no separate ones.
    FullName,
}

impl Field {
    /// Every field, in the order the preview offers them.
    pub const ALL: [Field; 18] = [
        Field::Salutation,
        Field::Title,
        Field::FirstName,
        Field::LastName,
        Field::Function,
        Field::Organisation,
        Field::Department,
        Field::District,
        Field::Email,
        Field::Phone,
        Field::Mobile,
        Field::Street,
        Field::PostalCode,
        Field::City,
        Field::Country,
        Field::Notes,
        Field::Groups,
        Field::FullName,
    ];

    /// The German label the preview shows for the field.
    pub fn label(self) -> &'static str {
        match self {
            Field::Salutation => "Anrede",
            Field::Title => "Titel",
            Field::FirstName => "Vorname",
            Field::LastName => "Nachname",
            Field::Function => "Funktion",
            Field::Organisation => "Organisation",
            Field::Department => "Abteilung",
            Field::District => "Stadt-/Landkreis",
            Field::Email => "E-Mail",
            Field::Phone => "Telefon",
            Field::Mobile => "Mobiltelefon",
            Field::Street => "Straße",
            Field::PostalCode => "PLZ",
            Field::City => "Ort",
            Field::Country => "Land",
            Field::Notes => "Notizen",
            Field::Groups => "Gruppen",
            Field::FullName => "Name (Vor- und Nachname)",
        }
    }

    /// Whether several columns may feed this field (e-mails, phones, groups). For every other field
    /// the first non-empty column wins (notes are joined).
    pub fn is_multi_valued(self) -> bool {
        matches!(self, Field::Email | Field::Phone | Field::Mobile | Field::Groups)
    }
}

/// The character encoding a file was read with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum Encoding {
    Utf8,
    Utf8Bom,
    Windows1252,
    /// Excel's „Unicode-Text (*.txt)“: UTF-16 little-endian with BOM, tab-separated.
    Utf16Le,
    Utf16Be,
}

impl Encoding {
    /// The name the preview shows ("UTF-8", "UTF-8 mit BOM", "Windows-1252 (ANSI)", …).
    pub fn label(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8Bom => "UTF-8 mit BOM",
            Encoding::Windows1252 => "Windows-1252 (ANSI)",
            Encoding::Utf16Le => "UTF-16 („Unicode-Text“)",
            Encoding::Utf16Be => "UTF-16 BE („Unicode-Text“)",
        }
    }
}

/// What kind of contact file some bytes are, judged by content (not by file name).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum FileKind {
    Csv,
    VCard,
}

/// Column index → field. `None` = column ignored. Built automatically from header names, editable
/// by the user in the preview. Entries beyond the table's width are ignored; missing ones count as
/// `None`.
pub type Mapping = Vec<Option<Field>>;

/// One contact as read from a file, not yet validated. Strings trimmed; empty → None / omitted.
/// Line breaks inside values are `\n`.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ImportedContact {
    /// For messages: "Zeile 14" (CSV, line where the record starts) or "Karte 2" (vCard, 1-based
    /// card number).
    pub position: Position,
    pub salutation: Option<String>,
    pub title: Option<String>,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub function: Option<String>,
    pub organisation: Option<String>,
    pub department: Option<String>,
    pub district: Option<String>,
    /// At most one is `preferred` (the first one if the file marks none).
    pub emails: Vec<ImportedValue>,
    /// At most one is `preferred` (the first one if the file marks none).
    pub phones: Vec<ImportedValue>,
    pub street: Option<String>,
    pub postal_code: Option<String>,
    pub city: Option<String>,
    pub country: Option<String>,
    pub notes: Option<String>,
    /// Group names, without duplicates (compared case-insensitively).
    pub groups: Vec<String>,
    /// What the reader changed or could not use, as German sentences for the preview (without the
    /// position, which the preview shows beside them), e.g. a phone text moved to the notes.
    /// The contact is imported all the same.
    #[serde(default)]
    pub warnings: Vec<String>,
}

/// Where in the file a contact came from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "kind", content = "number", rename_all = "snake_case")]
pub enum Position {
    #[default]
    Unknown,
    /// CSV: the 1-based line where the record starts.
    Line(usize),
    /// vCard: the 1-based number of the card in the file.
    Card(usize),
}

impl std::fmt::Display for Position {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Position::Unknown => f.write_str("Unbekannte Stelle"),
            Position::Line(n) => write!(f, "Zeile {n}"),
            Position::Card(n) => write!(f, "Karte {n}"),
        }
    }
}

/// An e-mail address or phone number with its kind.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ImportedValue {
    pub value: String,
    /// "work", "home", "mobile", "fax", "other" (e-mails only use "work", "home", "other").
    pub kind: String,
    pub preferred: bool,
}

/// A file-level failure (nothing usable), with the German message to show.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct ParseError(pub String);

impl ParseError {
    fn new(message: impl Into<String>) -> Self {
        ParseError(message.into())
    }
}

/// Trims a value, turns `\r\n` / `\r` into `\n` and drops NUL characters (a vCard can encode
/// them as `=00`); `None` if nothing is left.
pub(crate) fn clean(value: &str) -> Option<String> {
    let value: std::borrow::Cow<'_, str> = if value.contains('\0') {
        value.replace('\0', "").into()
    } else {
        value.into()
    };
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return None;
    }
    let text = if trimmed.contains('\r') {
        trimmed.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        trimmed.to_owned()
    };
    Some(text)
}

/// Adds group names from a list separated by `;`, `,` or Google's " ::: ", skipping empty names
/// and Google's system labels ("* myContacts", "* starred"). Duplicates are removed at the end
/// with [`dedupe_case_insensitive`].
pub(crate) fn push_groups(groups: &mut Vec<String>, list: &str) {
    groups.extend(
        list.split(":::")
            .flat_map(|part| part.split([';', ',']))
            .filter(|name| !name.trim_start().starts_with('*'))
            .filter_map(clean),
    );
}

/// Adds a warning naming every field that holds U+FFFD: the file had bytes there that are no
/// valid text (a broken byte in an otherwise UTF-8 file), so the person can check the value
/// instead of finding a silently garbled name later.
pub(crate) fn warn_replacement(contact: &mut ImportedContact) {
    const MARK: char = '\u{FFFD}';
    let has = |v: &Option<String>| v.as_deref().is_some_and(|v| v.contains(MARK));
    let mut fields: Vec<&str> = [
        (Field::Salutation, &contact.salutation),
        (Field::Title, &contact.title),
        (Field::FirstName, &contact.first_name),
        (Field::LastName, &contact.last_name),
        (Field::Function, &contact.function),
        (Field::Organisation, &contact.organisation),
        (Field::Department, &contact.department),
        (Field::District, &contact.district),
        (Field::Street, &contact.street),
        (Field::PostalCode, &contact.postal_code),
        (Field::City, &contact.city),
        (Field::Country, &contact.country),
        (Field::Notes, &contact.notes),
    ]
    .into_iter()
    .filter(|(_, value)| has(value))
    .map(|(field, _)| field.label())
    .collect();
    if contact.emails.iter().any(|e| e.value.contains(MARK)) {
        fields.push(Field::Email.label());
    }
    if contact.phones.iter().any(|p| p.value.contains(MARK)) {
        fields.push(Field::Phone.label());
    }
    if contact.groups.iter().any(|g| g.contains(MARK)) {
        fields.push(Field::Groups.label());
    }
    let verb = match fields.len() {
        0 => return,
        1 => "enthält",
        _ => "enthalten",
    };
    contact.warnings.push(format!(
        "{} {verb} Zeichen, die in der Datei ungültig gespeichert sind; sie wurden durch „{MARK}“ ersetzt. \
         Bitte prüfen Sie den Wert nach dem Import.",
        fields.join(", ")
    ));
}

/// Keeps the first of values that differ only in case (as the groups table and e-mail duplicate
/// detection compare them).
pub(crate) fn dedupe_case_insensitive<T>(values: &mut Vec<T>, key: impl Fn(&T) -> &str) {
    let mut seen = std::collections::HashSet::new();
    values.retain(|v| seen.insert(key(v).to_lowercase()));
}

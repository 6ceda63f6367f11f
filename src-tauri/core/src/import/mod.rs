//! Reading contact files for the import: CSV exports (Outlook, Excel) and vCards (2.1, 3.0, 4.0).
//!
//! This module only turns bytes into [`ImportedContact`]s; it does not validate, look for duplicates
//! or touch the database. Every function here accepts arbitrary bytes and never panics: a file that
//! cannot be used at all gives a [`ParseError`] with a German message; anything smaller (a ragged
//! row, an unknown vCard property) is tolerated and left to the validation that follows.
//!
//! CSV is read in two steps so the user can check the column assignment in a preview:
//! [`read_table`] gives the raw [`Table`], [`guess_mapping`] proposes a [`Mapping`] from the header
//! names, and [`map_rows`] applies the (possibly edited) mapping. vCards map themselves:
//! [`parse_vcards`].

mod csv_table;
mod decode;
mod mapping;
mod phone;
pub mod plan;
mod vcard;

pub use csv_table::read_table;
pub use decode::decode;
pub use mapping::{guess_mapping, map_rows};
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

/// A parsed CSV file before mapping: header names and records (all strings, already decoded).
///
/// The table is rectangular: every row has exactly `headers.len()` cells. Short rows are padded
/// with empty cells; if a row is longer than the header, headers "Spalte 12" … are added.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Table {
    pub encoding: Encoding,
    pub delimiter: char,
    pub headers: Vec<String>,
    pub rows: Vec<TableRow>,
}

/// One record of a [`Table`].
#[derive(Debug, Clone, serde::Serialize)]
pub struct TableRow {
    /// 1-based line number in the file where this record starts (header = line 1), for messages
    /// like "Zeile 14: …". A field with an embedded line break makes the next record start later.
    pub line: usize,
    pub cells: Cells,
}

/// The cells of one row, stored compactly: all text in one allocation plus where each cell ends.
///
/// Why not `Vec<String>`: an Outlook export has about 90 columns, mostly empty, and every
/// `String` costs 24 bytes even when empty, so a large file cost ten times its size in memory
/// (the issue measured 1.5 GB for 50 MB). Here an empty cell costs 4 bytes.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Cells {
    text: Box<str>,
    /// Byte offset in `text` where each cell ends; cell `i` starts where cell `i - 1` ends.
    ends: Box<[u32]>,
}

impl Cells {
    /// Builds the cells from their values, padded with empty cells to `width`.
    pub fn new<'a>(values: impl IntoIterator<Item = &'a str>, width: usize) -> Cells {
        let mut text = String::new();
        let mut ends = Vec::with_capacity(width);
        for value in values {
            text.push_str(value);
            // Files are far below 4 GB (MAX_FILE_BYTES), so a row's length fits.
            ends.push(u32::try_from(text.len()).unwrap_or(u32::MAX));
        }
        let end = ends.last().copied().unwrap_or(0);
        ends.resize(ends.len().max(width), end);
        Cells {
            text: text.into_boxed_str(),
            ends: ends.into_boxed_slice(),
        }
    }

    /// Pads the row with empty cells to `width` (rows shorter than the widest one).
    pub(crate) fn pad(&mut self, width: usize) {
        if self.ends.len() < width {
            let end = self.ends.last().copied().unwrap_or(0);
            let mut ends = std::mem::take(&mut self.ends).into_vec();
            ends.resize(width, end);
            self.ends = ends.into_boxed_slice();
        }
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Cell `i`, `None` beyond the row.
    pub fn get(&self, i: usize) -> Option<&str> {
        let end = usize::try_from(*self.ends.get(i)?).ok()?;
        let start = match i.checked_sub(1) {
            Some(prev) => usize::try_from(*self.ends.get(prev)?).ok()?,
            None => 0,
        };
        self.text.get(start..end)
    }

    pub fn iter(&self) -> impl Iterator<Item = &str> {
        (0..self.len()).map(|i| self.get(i).unwrap_or_default())
    }
}

impl std::ops::Index<usize> for Cells {
    type Output = str;

    /// Like a slice: panics beyond the row (tests); the parsers use [`Cells::get`].
    fn index(&self, i: usize) -> &str {
        match self.get(i) {
            Some(cell) => cell,
            None => panic!("cell {i} of {}", self.len()),
        }
    }
}

impl std::fmt::Debug for Cells {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl serde::Serialize for Cells {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
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

pub(crate) const MSG_EMPTY: &str = "Die Datei ist leer.";
pub(crate) const MSG_BINARY: &str = "Die Datei ist keine CSV- oder vCard-Datei (sie enthält Binärdaten).";
pub(crate) const MSG_OFFICE: &str = "Die Datei ist eine Excel- oder andere Office-Datei, keine CSV-Datei. \
     Bitte speichern Sie sie in Excel mit „Speichern unter“ als „CSV UTF-8 (durch Trennzeichen getrennt)“ \
     und importieren Sie diese Datei.";
pub(crate) const MSG_UTF16: &str = "Die Datei ist als UTF-16 ohne Byte-Order-Mark gespeichert. \
     Bitte speichern Sie sie als „CSV UTF-8 (durch Trennzeichen getrennt)“ und importieren Sie diese Datei.";

/// The largest file the import reads: 20 MB hold about 150,000 Outlook rows, far more than any
/// network's address book, and keep the preview (which holds every row) well within an office
/// PC's memory. Larger files are refused before they are read.
pub const MAX_FILE_BYTES: u64 = 20 * 1024 * 1024;

fn too_large(bytes: u64) -> ParseError {
    // Megabytes with one decimal and a German comma: "48,3 MB".
    let tenths = bytes.saturating_mul(10) / (1024 * 1024);
    ParseError::new(format!(
        "Die Datei ist {},{} MB groß; importiert werden Dateien bis {} MB. \
         Bitte teilen Sie sie in kleinere Dateien auf.",
        tenths / 10,
        tenths % 10,
        MAX_FILE_BYTES / (1024 * 1024)
    ))
}

/// Reads a file for the import, refusing one over [`MAX_FILE_BYTES`] before reading it (so a
/// wrongly picked video never fills the memory). The messages name the file.
pub fn read_file(path: &std::path::Path) -> Result<Vec<u8>, ParseError> {
    use std::io::{ErrorKind, Read};
    let fail = |e: std::io::Error| {
        let name = path.display();
        ParseError::new(match e.kind() {
            ErrorKind::NotFound => format!("Die Datei „{name}“ gibt es nicht."),
            ErrorKind::PermissionDenied => {
                format!("Die Datei „{name}“ darf nicht gelesen werden (keine Berechtigung).")
            }
            ErrorKind::IsADirectory => format!("„{name}“ ist ein Ordner, keine Datei."),
            _ => format!("Die Datei „{name}“ konnte nicht gelesen werden ({e})."),
        })
    };
    let file = std::fs::File::open(path).map_err(fail)?;
    let size = file.metadata().map_err(fail)?.len();
    if size > MAX_FILE_BYTES {
        return Err(too_large(size));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    // `take` guards against a file that grows while it is read.
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(fail)?;
    let read = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if read > MAX_FILE_BYTES {
        return Err(too_large(read));
    }
    Ok(bytes)
}

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Tells CSV from vCard by content: a vCard starts with `BEGIN:VCARD` (after an optional byte-order
/// mark and blank space); any other text is taken as CSV. Empty and binary files are refused.
pub fn detect_kind(bytes: &[u8]) -> Result<FileKind, ParseError> {
    check_text(bytes)?;
    if starts_with_vcard(bytes) {
        Ok(FileKind::VCard)
    } else {
        Ok(FileKind::Csv)
    }
}

/// Whether the bytes start with `BEGIN:VCARD` after an optional BOM and whitespace (also in
/// UTF-16 with BOM).
pub(crate) fn starts_with_vcard(bytes: &[u8]) -> bool {
    if is_utf16(bytes) {
        let head = bytes.get(..256).unwrap_or(bytes);
        let (text, _) = decode::decode_text(head);
        return starts_with_vcard(text.as_bytes());
    }
    let rest = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    let start = rest
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(rest.len());
    rest.get(start..)
        .and_then(|r| r.get(..11))
        .is_some_and(|head| head.eq_ignore_ascii_case(b"BEGIN:VCARD"))
}

/// Whether the bytes start with a UTF-16 byte-order mark (LE or BE).
pub(crate) fn is_utf16(bytes: &[u8]) -> bool {
    bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF")
}

/// Refuses what is no text file: files over [`MAX_FILE_BYTES`], empty (or only blank) files,
/// UTF-16 text without BOM, Office files and anything with NUL bytes or many control characters
/// near the start. (NUL bytes further in are dropped when the text is decoded.)
pub(crate) fn check_text(bytes: &[u8]) -> Result<(), ParseError> {
    let size = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if size > MAX_FILE_BYTES {
        return Err(too_large(size));
    }
    if is_utf16(bytes) {
        return check_utf16_text(bytes);
    }
    let body = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    if body.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ParseError::new(MSG_EMPTY));
    }
    // ZIP (xlsx, ods) and OLE compound files (xls).
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        return Err(ParseError::new(MSG_OFFICE));
    }
    let head = bytes.get(..8192).unwrap_or(bytes);
    if head.contains(&0) {
        // UTF-16 without BOM: every other byte is NUL in Latin text.
        let zeros = head.iter().filter(|&&b| b == 0).count();
        if zeros * 3 >= head.len() && zeros * 3 <= head.len() * 2 && head.len() >= 4 {
            let odd_zeros = head.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
            let even_zeros = zeros - odd_zeros;
            if odd_zeros == 0 || even_zeros == 0 {
                return Err(ParseError::new(MSG_UTF16));
            }
        }
        return Err(ParseError::new(MSG_BINARY));
    }
    // Tab, line feed, form feed, carriage return, vertical tab (Excel's in-cell break) and Ctrl-Z
    // (old DOS end-of-file) occur in real text files; other control characters do not.
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0B | 0x0C | 0x1A))
        .count();
    if controls > 0 && controls * 100 >= head.len() {
        return Err(ParseError::new(MSG_BINARY));
    }
    Ok(())
}

/// [`check_text`] for UTF-16 with BOM: the same tests on the decoded start of the file.
fn check_utf16_text(bytes: &[u8]) -> Result<(), ParseError> {
    // An even number of bytes after the two-byte mark, so no character is cut in half.
    let head = bytes.get(..16_386).unwrap_or(bytes);
    let (text, _) = decode::decode_text(head);
    let blank = |t: &str| t.chars().all(|c| c.is_whitespace() || c == '\0');
    if blank(&text) && (head.len() == bytes.len() || blank(&decode::decode_text(bytes).0)) {
        return Err(ParseError::new(MSG_EMPTY));
    }
    let (chars, controls) = text.chars().fold((0usize, 0usize), |(n, c), ch| {
        let control = ch.is_control() && !matches!(ch, '\t' | '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{1A}');
        (n + 1, c + usize::from(control))
    });
    // decode_text already dropped NULs: a text of mostly NULs is a binary file with a lucky start.
    let raw_chars = head.len().saturating_sub(2) / 2;
    if (controls > 0 && controls * 100 >= chars) || chars * 2 < raw_chars {
        return Err(ParseError::new(MSG_BINARY));
    }
    Ok(())
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

/// Splits an Anrede such as "Frau", "Herr Dr.", "Dr." or "Mr." into salutation and academic title.
/// English salutations become German ones ("Mr." → "Herr", "Ms."/"Mrs." → "Frau"). A value that is
/// neither is kept whole as the salutation, so nothing is lost.
pub(crate) fn split_salutation(value: &str) -> (Option<String>, Option<String>) {
    let Some(value) = clean(value) else {
        return (None, None);
    };
    let mut salutation: Option<&'static str> = None;
    let mut title: Vec<&str> = Vec::new();
    for token in value.split_whitespace() {
        match (salutation_word(token), salutation) {
            (Some(word), None) if title.is_empty() => salutation = Some(word),
            _ if is_title_word(token) => title.push(token),
            _ => return (Some(value), None),
        }
    }
    let title = (!title.is_empty()).then(|| title.join(" "));
    (salutation.map(str::to_owned), title)
}

/// The German salutation a word stands for ("frau", "Mrs." → "Frau"; "Herrn", "Mr" → "Herr").
pub(crate) fn salutation_word(token: &str) -> Option<&'static str> {
    let word = token.strip_suffix('.').unwrap_or(token).to_lowercase();
    match word.as_str() {
        "frau" | "ms" | "mrs" | "miss" => Some("Frau"),
        "herr" | "herrn" | "mr" => Some("Herr"),
        _ => None,
    }
}

/// Academic titles and their parts: "Dr.", "Prof.", "Dr.-Ing.", "Dipl.-Kffr.", "med.", "h.c." …
/// Apart from a few bare abbreviations a title word has a dot, so names like "Ingrid" or
/// "Magnus" never count as titles.
pub(crate) fn is_title_word(token: &str) -> bool {
    const PREFIXES: [&str; 16] = [
        "dr", "prof", "dipl", "pd", "mag", "ing", "habil", "med", "rer", "nat", "phil", "jur", "oec", "pol",
        "h.c", "em.",
    ];
    let lower = token.to_lowercase();
    matches!(lower.as_str(), "dr" | "prof" | "pd")
        || (lower.contains('.') && PREFIXES.iter().any(|p| lower.starts_with(p)))
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

/// Without separate name fields, the name comes from one whole-name value (vCard's FN,
/// Thunderbird's „Anzeigename“): "Dr. Kemal Öztürk" → title, first and last name; "Öztürk, Kemal"
/// → last and first name. A value that only repeats the organisation is no name.
pub(crate) fn apply_full_name(contact: &mut ImportedContact, full_name: Option<String>) {
    let Some(name) = full_name else { return };
    if contact
        .organisation
        .as_deref()
        .is_some_and(|org| org.eq_ignore_ascii_case(&name))
    {
        return;
    }
    if let Some((last, first)) = name.split_once(',') {
        contact.last_name = clean(last);
        contact.first_name = clean(first);
        return;
    }
    let mut words: Vec<&str> = name.split_whitespace().collect();
    let honorifics = words
        .iter()
        .take_while(|w| salutation_word(w).is_some() || is_title_word(w))
        .count();
    let rest = words.split_off(honorifics.min(words.len()));
    if !words.is_empty() && contact.salutation.is_none() && contact.title.is_none() {
        let (salutation, title) = split_salutation(&words.join(" "));
        contact.salutation = salutation;
        contact.title = title;
    }
    if let Some((last, given)) = rest.split_last() {
        contact.last_name = Some((*last).to_owned());
        contact.first_name = (!given.is_empty()).then(|| given.join(" "));
    }
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

//! Which bytes the import accepts as a contact file at all: within the size limit, text (not an
//! Office or binary file, not empty), and whether it is a vCard or a CSV table. Every parser runs
//! these checks first, so each refusal has one German message.

use super::{FileKind, ParseError, decode};

pub(super) const MSG_EMPTY: &str = "Die Datei ist leer.";
pub(super) const MSG_BINARY: &str = "Die Datei ist keine CSV- oder vCard-Datei (sie enthält Binärdaten).";
pub(super) const MSG_OFFICE: &str = "Die Datei ist eine Excel- oder andere Office-Datei, keine CSV-Datei. \
     Bitte speichern Sie sie in Excel mit „Speichern unter“ als „CSV UTF-8 (durch Trennzeichen getrennt)“ \
     und importieren Sie diese Datei.";
pub(super) const MSG_UTF16: &str = "Die Datei ist als UTF-16 ohne Byte-Order-Mark gespeichert. \
     Bitte speichern Sie sie als „CSV UTF-8 (durch Trennzeichen getrennt)“ und importieren Sie diese Datei.";

/// The largest file the import reads: 10 MB hold about 20,000 Outlook rows or 70,000 short Excel
/// rows, far more than any network's address book. The preview holds every row several times
/// (file, table, contacts, plan); measured peak for a whole preview through the store: 85 MB for
/// a 10 MB Outlook export, 237 MB for 10 MB of short Excel rows (the worst shape), so an office PC
/// never runs short. Larger files are refused before they are read.
pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;

fn too_large(bytes: u64) -> ParseError {
    // Megabytes with one decimal and a German comma, rounded up so a file just over the limit
    // never reads as equal to it: "10,1 MB".
    let tenths = bytes.saturating_mul(10).div_ceil(1024 * 1024);
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

//! Broken input: empty, header-only, binary, Office and UTF-16 files, truncated vCards, ragged rows.

use super::*;

// ---------------------------------------------------------------------------------------------
// Broken input

fn error_of<T: std::fmt::Debug>(result: Result<T, netzwerkmappe_core::import::ParseError>) -> String {
    result.unwrap_err().to_string()
}

#[test]
fn empty_files_are_refused() {
    for bytes in [&b""[..], b"   \r\n\r\n", b"\xEF\xBB\xBF", b"\xEF\xBB\xBF\n"] {
        assert_eq!(error_of(detect_kind(bytes)), "Die Datei ist leer.");
        assert_eq!(error_of(read_table(bytes)), "Die Datei ist leer.");
        assert_eq!(error_of(parse_vcards(bytes)), "Die Datei ist leer.");
    }
    // Only delimiters: no header.
    assert_eq!(error_of(read_table(b";;;\r\n;;\r\n")), "Die Datei ist leer.");
}

#[test]
fn header_only_is_refused() {
    let message = error_of(read_table(b"Anrede;Vorname;Nachname\r\n"));
    assert_eq!(
        message,
        "Die Datei enthält nur die Kopfzeile, aber keine Kontakte."
    );
    assert_eq!(
        error_of(read_table(b"Anrede;Vorname;Nachname\r\n;;\r\n\r\n")),
        message
    );
}

#[test]
fn binary_files_are_refused() {
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.extend([0u8; 64]);
    let message = "Die Datei ist keine CSV- oder vCard-Datei (sie enthält Binärdaten).";
    assert_eq!(error_of(detect_kind(&png)), message);
    assert_eq!(error_of(read_table(&png)), message);
    assert_eq!(error_of(parse_vcards(&png)), message);
    // Control characters without NUL.
    assert_eq!(error_of(detect_kind(&[1, 2, 3, 4, 5, 6, 7, 8])), message);
    // A NUL after a vCard start is still binary.
    assert_eq!(error_of(parse_vcards(b"BEGIN:VCARD\r\n\0\0")), message);
}

#[test]
fn office_and_utf16_files_get_their_own_message() {
    let xlsx = b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00";
    assert!(error_of(detect_kind(xlsx)).contains("CSV UTF-8"));
    assert!(error_of(read_table(xlsx)).starts_with("Die Datei ist eine Excel-"));
    // UTF-16 with BOM is read (tests/import_formats.rs); only an empty one is refused as empty.
    let utf16: Vec<u8> = "\u{FEFF}  \r\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    assert_eq!(error_of(read_table(&utf16)), "Die Datei ist leer.");
    let utf16_no_bom: Vec<u8> = "Vorname;Nachname\r\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    assert!(error_of(read_table(&utf16_no_bom)).contains("UTF-16"));
}

#[test]
fn truncated_vcard_is_refused() {
    let cut = VCARD_30.len() - "END:VCARD\r\n".len();
    assert_eq!(
        error_of(parse_vcards(&VCARD_30[..cut])),
        "Die vCard-Datei ist unvollständig: Karte 2 endet nicht mit END:VCARD."
    );
    // Cut in the middle of the first card.
    assert_eq!(
        error_of(parse_vcards(&VCARD_40[..120])),
        "Die vCard-Datei ist unvollständig: Karte 1 endet nicht mit END:VCARD."
    );
    // Three cards, the third without END.
    let three = "BEGIN:VCARD\nN:A\nEND:VCARD\nBEGIN:VCARD\nN:B\nEND:VCARD\nBEGIN:VCARD\nN:C\n";
    assert_eq!(
        error_of(parse_vcards(three.as_bytes())),
        "Die vCard-Datei ist unvollständig: Karte 3 endet nicht mit END:VCARD."
    );
}

#[test]
fn wrong_kind_for_the_parser() {
    assert!(error_of(parse_vcards(EXCEL_UTF8_BOM)).contains("BEGIN:VCARD"));
    assert_eq!(
        error_of(read_table(VCARD_21)),
        "Die Datei ist eine vCard-Datei, keine CSV-Datei."
    );
}

#[test]
fn ragged_rows_still_parse() {
    let csv =
        "Vorname;Nachname;E-Mail\r\nAnna;Müller\r\nKemal;Öztürk;k@m.example;extra;mehr\r\n\r\n;;\r\nLars\r\n";
    let table = read_table(csv.as_bytes()).unwrap();
    assert_eq!(
        table.headers,
        ["Vorname", "Nachname", "E-Mail", "Spalte 4", "Spalte 5"]
    );
    assert!(table.rows.iter().all(|r| r.cells.len() == 5));
    let lines: Vec<usize> = table.rows.iter().map(|r| r.line).collect();
    assert_eq!(lines, vec![2, 3, 6]);
    let contacts = map_rows(&table, &guess_mapping(&table.headers));
    assert_eq!(contacts.len(), 3);
    assert_eq!(contacts[0].last_name, s("Müller"));
    assert!(contacts[0].emails.is_empty());
    assert_eq!(email_values(&contacts[1]), vec!["k@m.example"]);
    assert_eq!(contacts[2].first_name, s("Lars"));
    assert_eq!(contacts[2].last_name, None);
}

#[test]
fn unclosed_quote_does_not_fail() {
    let table = read_table(b"Vorname;Nachname\nAnna;\"M\xFCller\nKemal;X\n").unwrap();
    assert_eq!(table.rows.len(), 1);
    assert_eq!(&table.rows[0].cells[1], "Müller\nKemal;X\n");
}

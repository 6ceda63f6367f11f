//! Arbitrary bytes: the parsers never panic.

use super::*;

// ---------------------------------------------------------------------------------------------
// Never panic

/// Lines that look like vCard content, with the tricky parts: folding, quoted-printable, quotes,
/// escapes, groups, odd parameters.
fn vcard_line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("BEGIN:VCARD".to_owned()),
        Just("END:VCARD".to_owned()),
        Just("VERSION:2.1".to_owned()),
        "(item[0-9]\\.)?(N|FN|ORG|TITLE|ROLE|EMAIL|TEL|ADR|NOTE|CATEGORIES|X-Y|AGENT)(;[A-Za-z=\",^'-]{0,12}){0,3}:[ -~äöüß\\\\;,=]{0,30}",
        "[A-Z]{1,5};ENCODING=QUOTED-PRINTABLE(;CHARSET=(UTF-8|Windows-1252|x))?:[=0-9A-Fa-z ]{0,20}=?",
        "[ \t][ -~]{0,20}",
        "=[0-9A-F]{0,2}",
        ".{0,20}",
    ]
}

fn vcard_text() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(vcard_line(), 0..25),
        prop_oneof![Just("\r\n"), Just("\n"), Just("\r")],
    )
        .prop_map(|(lines, newline)| lines.join(newline))
}

/// Bytes that pass the binary check: printable ASCII, Windows-1252 / UTF-8 high bytes, line breaks,
/// quotes and delimiters.
fn text_like_bytes() -> impl Strategy<Value = Vec<u8>> {
    let byte = prop_oneof![
        4 => 0x20u8..0x7f,
        2 => 0x80u8..=0xff,
        1 => prop::sample::select(b"\r\n\t\";,:=\\".to_vec()),
    ];
    prop::collection::vec(byte, 0..600)
}

// 256 cases each by default; more with e.g. PROPTEST_CASES=20000.
proptest! {
    #[test]
    fn nothing_panics_on_arbitrary_bytes(
        bytes in prop_oneof![prop::collection::vec(any::<u8>(), 0..600), text_like_bytes()],
    ) {
        let _ = detect_kind(&bytes);
        let _ = decode(&bytes);
        if let Ok(table) = read_table(&bytes) {
            let mapping = guess_mapping(&table.headers);
            prop_assert_eq!(map_rows(&table, &mapping).len(), table.rows.len());
            prop_assert!(table.rows.iter().all(|r| r.cells.len() == table.headers.len()));
        }
        let _ = parse_vcards(&bytes);
    }

    #[test]
    fn nothing_panics_on_vcard_like_text(text in vcard_text(), bom in any::<bool>()) {
        let mut bytes = if bom { b"\xEF\xBB\xBF".to_vec() } else { Vec::new() };
        bytes.extend_from_slice(text.as_bytes());
        let _ = detect_kind(&bytes);
        if let Ok(contacts) = parse_vcards(&bytes) {
            for (i, contact) in contacts.iter().enumerate() {
                prop_assert_eq!(contact.position, Position::Card(i + 1));
                prop_assert!(contact.emails.iter().filter(|e| e.preferred).count() <= 1);
                prop_assert!(contact.phones.iter().filter(|e| e.preferred).count() <= 1);
            }
        }
        let _ = read_table(&bytes);
    }

    #[test]
    fn nothing_panics_on_utf16_text(
        text in "[A-Za-zäöüşłО@.;,\t\"\r\n =:-]{0,200}",
        big_endian in any::<bool>(),
        cut in any::<bool>(),
    ) {
        let mut bytes: Vec<u8> = if big_endian { vec![0xFE, 0xFF] } else { vec![0xFF, 0xFE] };
        for unit in text.encode_utf16() {
            bytes.extend(if big_endian { unit.to_be_bytes() } else { unit.to_le_bytes() });
        }
        if cut {
            bytes.pop();
        }
        let _ = detect_kind(&bytes);
        let _ = decode(&bytes);
        if let Ok(table) = read_table(&bytes) {
            prop_assert!(table.rows.iter().all(|r| r.cells.len() == table.headers.len()));
            prop_assert_eq!(map_rows(&table, &guess_mapping(&table.headers)).len(), table.rows.len());
        }
        let _ = parse_vcards(&bytes);
        // The same text as UTF-8 gives the same table.
        if !cut && let (Ok(a), Ok(b)) = (read_table(&bytes), read_table(text.as_bytes())) {
            prop_assert_eq!(a.headers, b.headers);
            prop_assert_eq!(a.rows.len(), b.rows.len());
        }
    }

    #[test]
    fn nothing_panics_on_csv_like_text(
        text in "[A-Za-zäöü@.;,\t\"\r\n =-]{0,200}",
        mapping in prop::collection::vec(prop::option::of(prop::sample::select(Field::ALL.to_vec())), 0..12),
    ) {
        if let Ok(table) = read_table(text.as_bytes()) {
            let contacts = map_rows(&table, &mapping);
            prop_assert_eq!(contacts.len(), table.rows.len());
            for contact in &contacts {
                prop_assert!(contact.emails.iter().filter(|e| e.preferred).count() <= 1);
                prop_assert!(contact.salutation.as_deref().is_none_or(|s| !s.is_empty()));
            }
        }
    }
}

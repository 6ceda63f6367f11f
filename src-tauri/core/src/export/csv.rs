//! The (filtered) contacts list as CSV for Excel. Excel on German Windows expects semicolons
//! and, to read umlauts right, a UTF-8 byte-order mark.

use crate::contact::ContactRow;
use crate::{Error, Result};

const HEADERS: [&str; 8] = [
    "Titel",
    "Vorname",
    "Nachname",
    "Funktion",
    "Organisation",
    "Stadt-/Landkreis",
    "E-Mail",
    "Telefon",
];

/// CSV for Excel: UTF-8 with BOM, `;`, CRLF, German headers, one row per contact.
pub fn contacts_csv(rows: &[ContactRow]) -> Result<Vec<u8>> {
    let mut out = Vec::with_capacity(64 + rows.len() * 96);
    out.extend_from_slice("\u{feff}".as_bytes());
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(csv::Terminator::CRLF)
        .from_writer(out);
    let fail = |e: csv::Error| Error::Database(format!("CSV-Ausgabe fehlgeschlagen: {e}"));
    writer.write_record(HEADERS).map_err(fail)?;
    for r in rows {
        let cells = [
            r.title.as_deref(),
            r.first_name.as_deref(),
            Some(r.last_name.as_str()),
            r.function.as_deref(),
            r.organisation_name.as_deref(),
            r.district_name.as_deref(),
            r.email.as_deref(),
            r.phone.as_deref(),
        ];
        writer
            .write_record(cells.map(|c| defuse(c.unwrap_or_default())))
            .map_err(fail)?;
    }
    writer
        .into_inner()
        .map_err(|e| Error::Database(format!("CSV-Ausgabe fehlgeschlagen: {e}")))
}

/// Excel runs cells starting with = @ (and + - followed by a non-digit) as formulas; a leading
/// apostrophe makes them plain text. Phone numbers like "+49 711 …" stay as they are.
fn defuse(value: &str) -> String {
    let mut chars = value.chars();
    let risky = match chars.next() {
        Some('=' | '@' | '\t' | '\r') => true,
        Some('+' | '-') => !chars
            .next()
            .is_some_and(|c| c.is_ascii_digit() || c == ' ' || c == '('),
        _ => false,
    };
    if risky {
        format!("'{value}")
    } else {
        value.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(last: &str, email: Option<&str>, phone: Option<&str>) -> ContactRow {
        ContactRow {
            id: 1,
            title: Some("Dr.".into()),
            first_name: Some("Grüße".into()),
            last_name: last.into(),
            function: Some("Referentin; Integration".into()),
            organisation_name: Some("Ministerium für Soziales, \"Gesundheit\"".into()),
            district_name: None,
            email: email.map(Into::into),
            phone: phone.map(Into::into),
        }
    }

    #[test]
    fn excel_csv_round_trips_with_bom_semicolons_and_umlauts() {
        let bytes = contacts_csv(&[row(
            "Weiß-Straßburger",
            Some("g@sm.example"),
            Some("+49 711 123-0"),
        )])
        .unwrap();
        assert!(bytes.starts_with("\u{feff}Titel;Vorname;Nachname;".as_bytes()));
        let text = std::str::from_utf8(&bytes[3..]).unwrap();
        assert!(text.contains("\r\n"));
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(b';')
            .from_reader(text.as_bytes());
        let record = reader.records().next().unwrap().unwrap();
        assert_eq!(&record[1], "Grüße");
        assert_eq!(&record[2], "Weiß-Straßburger");
        assert_eq!(&record[3], "Referentin; Integration");
        assert_eq!(&record[4], "Ministerium für Soziales, \"Gesundheit\"");
        assert_eq!(&record[7], "+49 711 123-0");
    }

    #[test]
    fn formulas_are_defused_but_phone_numbers_are_not() {
        assert_eq!(defuse("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(defuse("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(defuse("-cmd"), "'-cmd");
        assert_eq!(defuse("+49 711 1"), "+49 711 1");
        assert_eq!(defuse("-1"), "-1");
        assert_eq!(defuse("Müller"), "Müller");
    }
}

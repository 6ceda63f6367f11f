//! The contact-file parsers on the shared sample files (Outlook and Excel CSV, vCard 2.1/3.0/4.0),
//! on small hand-written files for headers, delimiters and salutations, on broken input, and with
//! arbitrary bytes (they must never panic).
#![allow(clippy::unwrap_used)]

use netzwerkmappe_core::import::{
    Encoding, Field, FileKind, ImportedContact, ImportedValue, Position, Table, decode, detect_kind,
    guess_mapping, map_rows, parse_vcards, read_table,
};
use proptest::prelude::*;

macro_rules! sample {
    ($name:literal) => {
        include_bytes!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../tests/data/samples/contacts/",
            $name
        ))
    };
}

const OUTLOOK_CSV: &[u8] = sample!("outlook-de-windows1252.csv");
const EXCEL_1252: &[u8] = sample!("excel-de-semicolon-windows1252.csv");
const EXCEL_UTF8_BOM: &[u8] = sample!("excel-de-semicolon-utf8-bom.csv");
const VCARD_21: &[u8] = sample!("outlook-2.1-quoted-printable.vcf");
const VCARD_30: &[u8] = sample!("apple-3.0-utf8.vcf");
const VCARD_40: &[u8] = sample!("rfc6350-4.0.vcf");

fn csv_contacts(bytes: &[u8]) -> (Table, Vec<ImportedContact>) {
    let table = read_table(bytes).unwrap();
    let mapping = guess_mapping(&table.headers);
    let contacts = map_rows(&table, &mapping);
    (table, contacts)
}

fn find<'a>(contacts: &'a [ImportedContact], last_name: &str) -> &'a ImportedContact {
    contacts
        .iter()
        .find(|c| c.last_name.as_deref() == Some(last_name))
        .unwrap_or_else(|| panic!("{last_name} missing in {contacts:#?}"))
}

fn s(value: &str) -> Option<String> {
    Some(value.to_owned())
}

fn value(value: &str, kind: &str, preferred: bool) -> ImportedValue {
    ImportedValue {
        value: value.to_owned(),
        kind: kind.to_owned(),
        preferred,
    }
}

fn email_values(contact: &ImportedContact) -> Vec<&str> {
    contact.emails.iter().map(|e| e.value.as_str()).collect()
}

mod broken;
mod csv;
mod detection;
mod never_panic;
mod vcard;

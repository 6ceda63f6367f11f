//! "Eine Datei je Kontakt": the vCards as one `.vcf` file per person, packed in a ZIP.
//!
//! Outlook desktop imports only the first card of a multi-card `.vcf`; a folder of single cards is
//! what it can take (drag them in, or open them one by one). Entries are stored uncompressed: a
//! card is a few hundred bytes, so compressing would gain nothing and cost a dependency.

use std::collections::HashSet;
use std::io::{Cursor, Write};

use chrono::{Datelike, NaiveDateTime, Timelike};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use super::contacts_vcard;
use crate::contact::Contact;
use crate::{Error, Result};

/// Longest file name (without ".vcf") inside the ZIP; long enough for "Nachname_Vorname".
const MAX_NAME_CHARS: usize = 80;

/// One `Nachname_Vorname.vcf` per contact (unique names, in the given order), dated `now`.
pub fn contacts_vcard_zip(contacts: &[Contact], now: NaiveDateTime) -> Result<Vec<u8>> {
    let fail = |e: zip::result::ZipError| Error::Database(format!("ZIP-Ausgabe fehlgeschlagen: {e}"));
    let mut options = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
    // ZIP dates start in 1980; a clock outside that range keeps the format's default date.
    if let Ok(stamp) = zip::DateTime::from_date_and_time(
        u16::try_from(now.year()).unwrap_or(1980),
        now.month() as u8,
        now.day() as u8,
        now.hour() as u8,
        now.minute() as u8,
        now.second() as u8,
    ) {
        options = options.last_modified_time(stamp);
    }
    let mut zip = ZipWriter::new(Cursor::new(Vec::with_capacity(contacts.len() * 600)));
    let mut taken = HashSet::new();
    for contact in contacts {
        let name = unique(&mut taken, &file_stem(contact));
        zip.start_file(format!("{name}.vcf"), options).map_err(fail)?;
        zip.write_all(&contacts_vcard(std::slice::from_ref(contact)))
            .map_err(|e| Error::io("ZIP-Ausgabe fehlgeschlagen", e))?;
    }
    Ok(zip.finish().map_err(fail)?.into_inner())
}

/// "Müller_Anna" from the names, with every character a Windows, macOS or Linux file system could
/// refuse replaced by "_"; "Kontakt_<id>" when nothing usable is left.
fn file_stem(c: &Contact) -> String {
    let raw = [Some(c.last_name.as_str()), c.first_name.as_deref()]
        .into_iter()
        .flatten()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("_");
    let cleaned: String = raw
        .chars()
        .map(|ch| match ch {
            '<' | '>' | ':' | '"' | '/' | '\\' | '|' | '?' | '*' => '_',
            ch if ch.is_control() => '_',
            ch => ch,
        })
        .take(MAX_NAME_CHARS)
        .collect();
    // Windows refuses names ending in a dot or space.
    let cleaned = cleaned.trim_matches(|ch: char| ch == '.' || ch == ' ' || ch == '_');
    if cleaned.is_empty() {
        format!("Kontakt_{}", c.id)
    } else {
        cleaned.to_owned()
    }
}

/// `stem`, or `stem (2)`, `stem (3)` … when two people share a name (compared case-insensitively,
/// as Windows does).
fn unique(taken: &mut HashSet<String>, stem: &str) -> String {
    let mut candidate = stem.to_owned();
    let mut n = 1;
    while !taken.insert(candidate.to_lowercase()) {
        n += 1;
        candidate = format!("{stem} ({n})");
    }
    candidate
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    /// Contacts numbered from 1 as the store would give them (`..Default::default()`: `Contact`
    /// grows fields); no store needed for what the ZIP makes of them.
    fn contacts(names: &[(&str, Option<&str>)]) -> Vec<Contact> {
        names
            .iter()
            .zip(1..)
            .map(|((last, first), id)| Contact {
                id,
                last_name: (*last).into(),
                first_name: first.map(str::to_owned),
                ..Default::default()
            })
            .collect()
    }

    #[test]
    fn names_are_safe_and_unique() {
        // Longer than a ZIP entry name may be, within what a last name may hold (200 characters).
        let long = "x".repeat(150);
        let list = contacts(&[
            ("Müller", Some("Anna")),
            ("müller", Some("anna")),
            ("A/B: \"C\"?", None),
            (long.as_str(), None),
        ]);
        let by_last = |last: &str| list.iter().find(|c| c.last_name == last).unwrap();
        let mut taken = HashSet::new();
        assert_eq!(unique(&mut taken, &file_stem(by_last("Müller"))), "Müller_Anna");
        assert_eq!(
            unique(&mut taken, &file_stem(by_last("müller"))),
            "müller_anna (2)"
        );
        assert_eq!(file_stem(by_last("A/B: \"C\"?")), "A_B_ _C");
        assert_eq!(file_stem(by_last(&long)).chars().count(), MAX_NAME_CHARS);
        let mut nameless = by_last("Müller").clone();
        nameless.last_name = " ... ".into();
        nameless.first_name = None;
        assert_eq!(file_stem(&nameless), format!("Kontakt_{}", nameless.id));
    }

    #[test]
    fn every_contact_is_its_own_card_in_the_zip() {
        let mut list = contacts(&[("Müller", Some("Anna")), ("Öztürk", Some("Cem"))]);
        list.push(list[0].clone());
        let now = chrono::NaiveDate::from_ymd_opt(2026, 11, 27)
            .unwrap()
            .and_hms_opt(14, 30, 0)
            .unwrap();
        let bytes = contacts_vcard_zip(&list, now).unwrap();
        let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        let names: Vec<String> = archive.file_names().map(|n| n.unwrap().into_owned()).collect();
        assert_eq!(
            names,
            ["Müller_Anna.vcf", "Öztürk_Cem.vcf", "Müller_Anna (2).vcf"]
        );
        for (i, expected) in ["Müller", "Öztürk", "Müller"].iter().enumerate() {
            let mut card = Vec::new();
            archive.by_index(i).unwrap().read_to_end(&mut card).unwrap();
            let parsed = crate::import::parse_vcards(&card).unwrap();
            assert_eq!(parsed.len(), 1);
            assert_eq!(parsed[0].last_name.as_deref(), Some(*expected));
        }
        let stamp = archive.by_index(0).unwrap().last_modified().unwrap();
        assert_eq!(
            (stamp.year(), stamp.month(), stamp.day(), stamp.hour()),
            (2026, 11, 27, 14)
        );
    }
}

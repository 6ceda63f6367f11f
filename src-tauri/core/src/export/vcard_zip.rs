//! "Eine Datei je Kontakt": Outlook desktop imports only the first card of a multi-card `.vcf`, so
//! this export packs one vCard file per contact into a ZIP the user unpacks and opens card by card.
//! Entries are stored uncompressed (a card is a few hundred bytes); names are readable and unique.

use std::collections::HashSet;
use std::io::{Cursor, Write};

use zip::ZipWriter;
use zip::write::SimpleFileOptions;

use super::contacts_vcard;
use crate::contact::Contact;
use crate::{Error, Result};

/// One `.vcf` per contact ("Müller_Anna.vcf", "Müller_Anna (2).vcf" …) in a ZIP, in the given order.
pub fn contacts_vcard_zip(contacts: &[Contact]) -> Result<Vec<u8>> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let mut taken = HashSet::new();
    for contact in contacts {
        let name = unique_name(&mut taken, &file_stem(contact));
        zip.start_file(name, options).map_err(zip_error)?;
        zip.write_all(&contacts_vcard(std::slice::from_ref(contact)))
            .map_err(|e| {
                Error::io(
                    "Die vCard-Datei konnte nicht in das ZIP-Archiv geschrieben werden",
                    e,
                )
            })?;
    }
    Ok(zip.finish().map_err(zip_error)?.into_inner())
}

/// "Nachname_Vorname" with characters Windows forbids in file names replaced by "_".
fn file_stem(contact: &Contact) -> String {
    let raw = match contact.first_name.as_deref().filter(|f| !f.trim().is_empty()) {
        Some(first) => format!("{}_{}", contact.last_name.trim(), first.trim()),
        None => contact.last_name.trim().to_owned(),
    };
    let cleaned: String = raw
        .chars()
        .map(|c| match c {
            '<' | '>' | ':' | '"' | '/' | '\\' | '|' | '?' | '*' => '_',
            c if c.is_control() => '_',
            c => c,
        })
        .take(80)
        .collect();
    let cleaned = cleaned.trim_matches(['.', ' ']).to_owned();
    if cleaned.is_empty() {
        "Kontakt".to_owned()
    } else {
        cleaned
    }
}

fn unique_name(taken: &mut HashSet<String>, stem: &str) -> String {
    let mut n = 1;
    loop {
        let name = if n == 1 {
            format!("{stem}.vcf")
        } else {
            format!("{stem} ({n}).vcf")
        };
        // Windows file names are case-insensitive: "müller_anna.vcf" would overwrite "Müller_Anna.vcf".
        if taken.insert(name.to_lowercase()) {
            return name;
        }
        n += 1;
    }
}

fn zip_error(e: zip::result::ZipError) -> Error {
    match e {
        zip::result::ZipError::Io(io) => Error::io("Das ZIP-Archiv konnte nicht geschrieben werden", io),
        other => Error::Database(format!("ZIP: {other}")),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use std::io::Read;

    use super::*;

    /// A stored contact, made through the store so the test does not depend on every field.
    async fn contact(store: &crate::Store, first: Option<&str>, last: &str) -> Contact {
        let input = crate::contact::ContactInput {
            first_name: first.map(str::to_owned),
            last_name: last.to_owned(),
            ..Default::default()
        };
        store.create_contact(input, chrono::Utc::now()).await.unwrap()
    }

    #[tokio::test]
    async fn one_card_per_file_with_unique_readable_names() {
        let store = crate::Store::open_in_memory().await.unwrap();
        let contacts = [
            contact(&store, Some("Anna"), "Müller").await,
            contact(&store, Some("anna"), "müller").await,
            contact(&store, None, "Öztürk/Yılmaz").await,
        ];
        let bytes = contacts_vcard_zip(&contacts).unwrap();
        let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        let names: Vec<String> = (0..archive.len())
            .map(|i| archive.by_index(i).unwrap().name().unwrap().into_owned())
            .collect();
        assert_eq!(names.len(), 3);
        assert!(names.contains(&"Müller_Anna.vcf".to_owned()), "{names:?}");
        assert!(names.contains(&"müller_anna (2).vcf".to_owned()), "{names:?}");
        assert!(names.contains(&"Öztürk_Yılmaz.vcf".to_owned()), "{names:?}");
        let mut text = String::new();
        archive
            .by_name("Müller_Anna.vcf")
            .unwrap()
            .read_to_string(&mut text)
            .unwrap();
        assert_eq!(text.matches("BEGIN:VCARD").count(), 1);
        assert!(text.contains("N:Müller;Anna;;;"), "{text}");
    }
}

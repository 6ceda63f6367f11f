//! Reading vCard files (2.1, 3.0 and 4.0, several cards per file) into [`ImportedContact`]s.
//!
//! The file is handled as bytes until each value is decoded on its own, because vCard 2.1 names
//! the charset per property (`CHARSET=Windows-1252`) and may quoted-printable-encode it. Steps,
//! one module each: [`lines`] splits the file into logical lines (unfolding, quoted-printable
//! soft breaks), [`property`] parses `group.NAME;params:value` and decodes values, [`card`] maps
//! the properties of one card to a contact. This file finds the cards. Unknown properties are
//! ignored.

mod card;
mod lines;
mod property;

use std::borrow::Cow;

use super::decode::decode_text;
use super::{ImportedContact, ParseError, check_text, is_utf16};
use card::build_contact;
use lines::logical_lines;
use property::Property;

const MSG_NO_VCARD: &str = "Die Datei enthält keine vCard (die Zeile BEGIN:VCARD fehlt).";

fn truncated(card: usize) -> ParseError {
    ParseError::new(format!(
        "Die vCard-Datei ist unvollständig: Karte {card} endet nicht mit END:VCARD."
    ))
}

/// Reads all cards of a vCard file. A card that does not end with `END:VCARD` makes the whole
/// file fail (it was probably cut off); a file without any card fails, too.
pub fn parse_vcards(bytes: &[u8]) -> Result<Vec<ImportedContact>, ParseError> {
    check_text(bytes)?;
    // UTF-16 (with BOM) becomes UTF-8 up front: the per-value charset logic below works on bytes.
    // NUL bytes past the binary check's reach are dropped, as for CSV.
    let body: Cow<'_, [u8]> = if is_utf16(bytes) {
        match decode_text(bytes).0 {
            Cow::Owned(text) => Cow::Owned(text.into_bytes()),
            Cow::Borrowed(text) => Cow::Owned(text.as_bytes().to_vec()),
        }
    } else {
        let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        if body.contains(&0) {
            Cow::Owned(body.iter().copied().filter(|&b| b != 0).collect())
        } else {
            Cow::Borrowed(body)
        }
    };

    let mut contacts = Vec::new();
    let mut current: Option<Vec<Property>> = None;
    // vCard 2.1 may embed a whole card as the value of AGENT; its lines are skipped.
    let mut nested = 0usize;
    for line in logical_lines(&body) {
        let Some(property) = Property::parse(&line) else {
            continue;
        };
        let is_vcard = property.raw_value.trim_ascii().eq_ignore_ascii_case(b"VCARD");
        match (property.name.as_str(), current.as_mut()) {
            ("BEGIN", None) if is_vcard => current = Some(Vec::new()),
            ("BEGIN", Some(_)) if is_vcard => nested += 1,
            ("END", Some(_)) if is_vcard && nested > 0 => nested -= 1,
            ("END", Some(_)) if is_vcard => {
                let properties = current.take().unwrap_or_default();
                let number = contacts.len() + 1;
                contacts.push(build_contact(&properties, number));
            }
            (_, Some(properties)) if nested == 0 => properties.push(property),
            _ => {}
        }
    }
    if current.is_some() {
        return Err(truncated(contacts.len() + 1));
    }
    if contacts.is_empty() {
        return Err(ParseError::new(MSG_NO_VCARD));
    }
    Ok(contacts)
}

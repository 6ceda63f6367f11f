//! Reading vCard files (2.1, 3.0 and 4.0, several cards per file) into [`ImportedContact`]s.
//!
//! The file is handled as bytes until each value is decoded on its own, because vCard 2.1 names
//! the charset per property (`CHARSET=Windows-1252`) and may quoted-printable-encode it. Steps:
//! split into physical lines, join quoted-printable soft line breaks and folded lines (CRLF or LF
//! followed by space or tab) into logical lines, parse `group.NAME;params:value`, then map the
//! properties of each card. Unknown properties are ignored.

use std::borrow::Cow;

use super::decode::{decode_charset, decode_text, quoted_printable};
use super::phone::settle_phones;
use super::{
    ImportedContact, ImportedValue, ParseError, Position, apply_full_name, check_text, clean,
    dedupe_case_insensitive, is_utf16, split_salutation, warn_replacement,
};

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

/// Splits into physical lines (CRLF, LF or CR) and joins them into logical lines: a line starting
/// with space or tab continues the previous one (without that character); a quoted-printable
/// value ending in `=` continues on the next line whatever it starts with.
fn logical_lines(bytes: &[u8]) -> Vec<Vec<u8>> {
    let mut lines: Vec<Vec<u8>> = Vec::new();
    let mut qp_continues = false;
    for physical in physical_lines(bytes) {
        if qp_continues
            && !physical.trim_ascii().eq_ignore_ascii_case(b"END:VCARD")
            && let Some(last) = lines.last_mut()
        {
            // Keep the soft break for the quoted-printable decoder, which removes "=\r\n".
            last.extend_from_slice(b"\r\n");
            last.extend_from_slice(physical);
            qp_continues = physical.ends_with(b"=");
            continue;
        }
        match (physical.split_first(), lines.last_mut()) {
            (Some((b' ' | b'\t', rest)), Some(last)) => last.extend_from_slice(rest),
            _ if physical.trim_ascii().is_empty() => {}
            _ => lines.push(physical.to_vec()),
        }
        qp_continues = lines
            .last()
            .is_some_and(|l| l.ends_with(b"=") && is_quoted_printable(l));
    }
    lines
}

fn physical_lines(bytes: &[u8]) -> impl Iterator<Item = &[u8]> {
    let mut rest = bytes;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let end = rest
            .iter()
            .position(|&b| b == b'\n' || b == b'\r')
            .unwrap_or(rest.len());
        let line = rest.get(..end).unwrap_or_default();
        let skip = match (rest.get(end), rest.get(end + 1)) {
            (Some(b'\r'), Some(b'\n')) => 2,
            (Some(_), _) => 1,
            (None, _) => 0,
        };
        rest = rest.get(end + skip..).unwrap_or_default();
        Some(line)
    })
}

/// Whether the parameters of a (logical) line say `QUOTED-PRINTABLE`.
fn is_quoted_printable(line: &[u8]) -> bool {
    let head = line
        .get(..find_outside_quotes(line, b':').unwrap_or(line.len()))
        .unwrap_or_default();
    head.windows(16)
        .any(|w| w.eq_ignore_ascii_case(b"QUOTED-PRINTABLE"))
}

/// The first position of `needle` that is not inside double quotes.
fn find_outside_quotes(bytes: &[u8], needle: u8) -> Option<usize> {
    let mut in_quotes = false;
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'"' {
            in_quotes = !in_quotes;
        } else if b == needle && !in_quotes {
            return Some(i);
        }
    }
    None
}

/// Splits bytes at every `sep` outside double quotes.
fn split_outside_quotes(bytes: &[u8], sep: u8) -> Vec<&[u8]> {
    let mut parts = Vec::new();
    let mut rest = bytes;
    while let Some(i) = find_outside_quotes(rest, sep) {
        parts.push(rest.get(..i).unwrap_or_default());
        rest = rest.get(i + 1..).unwrap_or_default();
    }
    parts.push(rest);
    parts
}

/// One content line: `[group.]NAME[;param…]:value`.
#[derive(Debug, Default)]
struct Property {
    /// Upper case, without group.
    name: String,
    /// Lower case values of TYPE= and of bare 2.1 parameters (`TEL;WORK;VOICE`).
    types: Vec<String>,
    /// 1 for `PREF`, `TYPE=pref` and `PREF=1`; the number of `PREF=n`.
    pref: Option<u32>,
    /// Upper case, e.g. `QUOTED-PRINTABLE`, `BASE64`.
    encoding: Option<String>,
    charset: Option<String>,
    raw_value: Vec<u8>,
}

impl Property {
    fn parse(line: &[u8]) -> Option<Property> {
        let colon = find_outside_quotes(line, b':')?;
        let head = line.get(..colon)?;
        let raw_value = line.get(colon + 1..)?.to_vec();
        let mut parts = split_outside_quotes(head, b';').into_iter();
        let name = String::from_utf8_lossy(parts.next()?).trim().to_ascii_uppercase();
        let name = name.rsplit('.').next().unwrap_or_default().to_owned();
        let mut property = Property {
            name,
            raw_value,
            ..Property::default()
        };
        for param in parts {
            let param = String::from_utf8_lossy(param);
            match param.split_once('=') {
                Some((key, values)) => property.add_param(&key.trim().to_ascii_uppercase(), values),
                None => property.add_bare_param(param.trim()),
            }
        }
        Some(property)
    }

    fn add_param(&mut self, key: &str, values: &str) {
        let values = param_values(values);
        match key {
            "TYPE" => {
                for value in values {
                    self.add_type(value.to_lowercase());
                }
            }
            "PREF" => {
                let rank = values
                    .first()
                    .and_then(|v| v.trim().parse::<u32>().ok())
                    .unwrap_or(1);
                self.set_pref(rank);
            }
            "ENCODING" => self.encoding = values.first().map(|v| v.to_ascii_uppercase()),
            "CHARSET" => self.charset = values.into_iter().next(),
            _ => {}
        }
    }

    /// vCard 2.1 parameters without a name: an encoding or a type.
    fn add_bare_param(&mut self, value: &str) {
        let upper = value.to_ascii_uppercase();
        match upper.as_str() {
            "" => {}
            "QUOTED-PRINTABLE" | "BASE64" | "B" | "8BIT" | "7BIT" => self.encoding = Some(upper),
            _ => self.add_type(value.to_lowercase()),
        }
    }

    fn add_type(&mut self, value: String) {
        if value == "pref" {
            self.set_pref(1);
        } else if !value.is_empty() {
            self.types.push(value);
        }
    }

    fn set_pref(&mut self, rank: u32) {
        self.pref = Some(self.pref.map_or(rank, |old| old.min(rank)));
    }

    fn has_type(&self, wanted: &str) -> bool {
        self.types.iter().any(|t| t == wanted)
    }

    /// The value as text: quoted-printable decoded, charset applied; escapes are still in.
    /// Binary (base64) values give an empty string: none of the properties we read is binary.
    fn text(&self) -> String {
        let bytes = match self.encoding.as_deref() {
            Some("QUOTED-PRINTABLE") => quoted_printable(&self.raw_value),
            Some("BASE64" | "B") => return String::new(),
            _ => self.raw_value.clone(),
        };
        decode_charset(&bytes, self.charset.as_deref())
    }

    /// The components of a structured value (N, ORG, ADR), escapes still in.
    fn components(&self) -> Vec<String> {
        split_unescaped(&self.text(), ';')
    }
}

/// Parameter values: comma-separated outside quotes, quotes removed, RFC 6868 `^` escapes undone.
/// A quoted value holding a list (`TYPE="work,voice"`) is split, too.
fn param_values(raw: &str) -> Vec<String> {
    raw.split(',')
        .map(|v| caret_unescape(v.trim().trim_matches('"').trim()))
        .filter(|v| !v.is_empty())
        .collect()
}

fn caret_unescape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c != '^' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('\'') => out.push('"'),
            Some('^') => out.push('^'),
            Some(other) => {
                out.push('^');
                out.push(other);
            }
            None => out.push('^'),
        }
    }
    out
}

/// Splits at `sep` unless it is escaped with a backslash; escapes stay in the parts.
fn split_unescaped(text: &str, sep: char) -> Vec<String> {
    let mut parts = Vec::new();
    let mut current = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            current.push(c);
            if let Some(next) = chars.next() {
                current.push(next);
            }
        } else if c == sep {
            parts.push(std::mem::take(&mut current));
        } else {
            current.push(c);
        }
    }
    parts.push(current);
    parts
}

/// Undoes text escapes: `\n` (or `\N`) is a line break, `\,` `\;` `\\` `\:` the character itself.
/// Any other backslash is kept (vCard 2.1 has no escapes beyond `\;`, so "C:\Daten" stays intact).
fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.peek().copied() {
            Some('n' | 'N') => {
                out.push('\n');
                chars.next();
            }
            Some(escaped @ (',' | ';' | '\\' | ':')) => {
                out.push(escaped);
                chars.next();
            }
            _ => out.push('\\'),
        }
    }
    out
}

/// A component that may be a comma list (N's prefix "Prof.,Dr."): items joined with a space.
fn list_component(component: Option<&String>) -> Option<String> {
    let items: Vec<String> = split_unescaped(component?, ',')
        .iter()
        .filter_map(|item| clean(&unescape(item)))
        .collect();
    (!items.is_empty()).then(|| items.join(" "))
}

/// An e-mail or phone while the card is read: value, kind and `PREF` rank.
struct Candidate {
    value: String,
    kind: &'static str,
    pref: Option<u32>,
}

/// Picks one preferred value (the lowest `PREF`, else the first) and drops duplicates.
fn finish_values(candidates: Vec<Candidate>) -> Vec<ImportedValue> {
    let mut unique: Vec<Candidate> = Vec::new();
    let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for candidate in candidates {
        match index
            .get(&candidate.value.to_lowercase())
            .and_then(|&i| unique.get_mut(i))
        {
            Some(existing) => {
                if let Some(rank) = candidate.pref {
                    existing.pref = Some(existing.pref.map_or(rank, |old| old.min(rank)));
                }
            }
            None => {
                index.insert(candidate.value.to_lowercase(), unique.len());
                unique.push(candidate);
            }
        }
    }
    let preferred = unique
        .iter()
        .enumerate()
        .filter_map(|(i, c)| c.pref.map(|rank| (rank, i)))
        .min()
        .map_or(0, |(_, i)| i);
    unique
        .into_iter()
        .enumerate()
        .map(|(i, c)| ImportedValue {
            value: c.value,
            kind: c.kind.to_owned(),
            preferred: i == preferred,
        })
        .collect()
}

fn email_kind(property: &Property) -> &'static str {
    if property.has_type("home") {
        "home"
    } else if property.has_type("work") || !property.has_type("other") {
        "work"
    } else {
        "other"
    }
}

fn phone_kind(property: &Property) -> &'static str {
    if property.has_type("fax") {
        "fax"
    } else if ["cell", "mobile", "iphone"].iter().any(|t| property.has_type(t)) {
        "mobile"
    } else if property.has_type("pager") {
        "other"
    } else if property.has_type("home") && !property.has_type("work") {
        "home"
    } else {
        "work"
    }
}

/// Strips a URI scheme such as `mailto:` or `tel:` (case-insensitive).
fn strip_scheme<'a>(value: &'a str, scheme: &str) -> &'a str {
    match value.get(..scheme.len()) {
        Some(head) if head.eq_ignore_ascii_case(scheme) => value.get(scheme.len()..).unwrap_or(value),
        _ => value,
    }
}

/// Maps the properties of one card.
fn build_contact(properties: &[Property], number: usize) -> ImportedContact {
    let mut contact = ImportedContact {
        position: Position::Card(number),
        ..ImportedContact::default()
    };
    let mut emails = Vec::new();
    let mut phones = Vec::new();
    let mut addresses: Vec<(&Property, Vec<String>)> = Vec::new();
    let mut formatted_name = None;
    let mut seen_n = false;
    let mut title = None;
    let mut role = None;
    let mut notes = Vec::new();

    for property in properties {
        match property.name.as_str() {
            "N" if !seen_n => {
                seen_n = true;
                let parts = property.components();
                contact.last_name = list_component(parts.first());
                contact.first_name = list_component(parts.get(1));
                if let Some(prefix) = list_component(parts.get(3)) {
                    let (salutation, academic) = split_salutation(&prefix);
                    contact.salutation = salutation;
                    contact.title = academic;
                }
            }
            "FN" if formatted_name.is_none() => formatted_name = clean(&unescape(&property.text())),
            "ORG" if contact.organisation.is_none() => {
                let mut parts = property
                    .components()
                    .into_iter()
                    .filter_map(|p| clean(&unescape(&p)));
                contact.organisation = parts.next();
                let units: Vec<String> = parts.collect();
                contact.department = (!units.is_empty()).then(|| units.join(", "));
            }
            "TITLE" if title.is_none() => title = clean(&unescape(&property.text())),
            "ROLE" if role.is_none() => role = clean(&unescape(&property.text())),
            "EMAIL" => {
                let text = unescape(&property.text());
                if let Some(value) = clean(strip_scheme(text.trim(), "mailto:")) {
                    emails.push(Candidate {
                        value,
                        kind: email_kind(property),
                        pref: property.pref,
                    });
                }
            }
            "TEL" => {
                let text = unescape(&property.text());
                if let Some(value) = clean(strip_scheme(text.trim(), "tel:")) {
                    phones.push(Candidate {
                        value,
                        kind: phone_kind(property),
                        pref: property.pref,
                    });
                }
            }
            "ADR" => addresses.push((property, property.components())),
            "NOTE" => notes.extend(clean(&unescape(&property.text()))),
            "CATEGORIES" => {
                for list in split_unescaped(&property.text(), ',') {
                    for name in split_unescaped(&list, ';') {
                        contact.groups.extend(clean(&unescape(&name)));
                    }
                }
            }
            _ => {}
        }
    }

    if contact.last_name.is_none() && contact.first_name.is_none() {
        apply_full_name(&mut contact, formatted_name);
    }
    dedupe_case_insensitive(&mut contact.groups, |g| g.as_str());
    contact.function = title.or(role);
    contact.emails = finish_values(emails);
    contact.phones = finish_values(phones);
    settle_phones(&mut contact);
    if !notes.is_empty() {
        contact.notes = Some(notes.join("\n"));
    }

    // The work address, among several the preferred one; otherwise the preferred or first one.
    let chosen = addresses
        .iter()
        .enumerate()
        .min_by_key(|(i, (p, _))| (!p.has_type("work"), p.pref.unwrap_or(u32::MAX), *i))
        .map(|(_, (_, parts))| parts);
    if let Some(parts) = chosen {
        let part = |i: usize| parts.get(i).and_then(|p| clean(&unescape(p).replace('\n', ", ")));
        contact.street = part(2).or_else(|| part(1)).or_else(|| part(0));
        contact.city = part(3);
        contact.postal_code = part(5);
        contact.country = part(6);
    }
    warn_replacement(&mut contact);
    contact
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unfolding_and_soft_breaks() {
        let lines =
            logical_lines(b"NOTE:a\r\n b\r\n\tc\r\nX;ENCODING=QUOTED-PRINTABLE:x=\r\n y=\r\nz\r\nEND:VCARD");
        assert_eq!(
            lines,
            vec![
                b"NOTE:abc".to_vec(),
                b"X;ENCODING=QUOTED-PRINTABLE:x=\r\n y=\r\nz".to_vec(),
                b"END:VCARD".to_vec()
            ]
        );
    }

    #[test]
    fn params_are_parsed() {
        let p = Property::parse(b"item1.TEL;type=WORK;TYPE=\"voice,cell\";PREF=2:tel:123").unwrap();
        assert_eq!(p.name, "TEL");
        assert_eq!(p.types, vec!["work", "voice", "cell"]);
        assert_eq!(p.pref, Some(2));
        let p = Property::parse(b"EMAIL;PREF;INTERNET:a@b").unwrap();
        assert_eq!((p.types.clone(), p.pref), (vec!["internet".to_owned()], Some(1)));
        let p = Property::parse(b"X-A;LABEL=\"a:b;c\":v").unwrap();
        assert_eq!(p.raw_value, b"v");
    }

    #[test]
    fn escapes() {
        assert_eq!(unescape(r"a\, b\; c\nd\\e\x"), "a, b; c\nd\\e\\x");
        assert_eq!(split_unescaped(r"a\;b;c", ';'), vec![r"a\;b", "c"]);
        assert_eq!(caret_unescape("a^'b^'^n^^"), "a\"b\"\n^");
    }

    #[test]
    fn formatted_name_fallback() {
        let mut c = ImportedContact::default();
        apply_full_name(&mut c, Some("Dr. Kemal Öztürk".into()));
        assert_eq!(c.title.as_deref(), Some("Dr."));
        assert_eq!(c.first_name.as_deref(), Some("Kemal"));
        assert_eq!(c.last_name.as_deref(), Some("Öztürk"));
        let mut c = ImportedContact::default();
        apply_full_name(&mut c, Some("Müller, Anna".into()));
        assert_eq!(
            (c.first_name.as_deref(), c.last_name.as_deref()),
            (Some("Anna"), Some("Müller"))
        );
        let mut c = ImportedContact::default();
        apply_full_name(&mut c, Some("Ingrid".into()));
        assert_eq!((c.first_name, c.last_name.as_deref()), (None, Some("Ingrid")));
    }
}

//! vCard 3.0 (RFC 2426) of stored contacts, for Outlook, Thunderbird, phones and other address
//! books: UTF-8, CRLF, lines folded at 75 octets without splitting a character, text escaped.
//! The import parser reads these files back (tests round-trip through it).

use crate::contact::Contact;

/// All `contacts` as one .vcf file, a card each, in the given order.
pub fn contacts_vcard(contacts: &[Contact]) -> Vec<u8> {
    let mut out = String::with_capacity(contacts.len() * 400);
    for c in contacts {
        card(&mut out, c);
    }
    out.into_bytes()
}

fn card(out: &mut String, c: &Contact) {
    line(out, "BEGIN:VCARD");
    line(out, "VERSION:3.0");
    // N prefix "Frau Dr.": the importer splits it back into Anrede and Titel.
    let prefix = [c.salutation.as_deref(), c.title.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let first = c.first_name.as_deref().unwrap_or_default();
    line(
        out,
        &format!("N:{};{};;{};", text(&c.last_name), text(first), text(&prefix)),
    );
    let full_name = [
        c.title.as_deref(),
        c.first_name.as_deref(),
        Some(c.last_name.as_str()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    line(out, &format!("FN:{}", text(&full_name)));
    if let Some(org) = &c.organisation_name {
        line(out, &format!("ORG:{}", text(org)));
    }
    if let Some(function) = &c.function {
        line(out, &format!("TITLE:{}", text(function)));
    }
    for e in &c.emails {
        let kind = match e.kind.as_str() {
            "home" => ",HOME",
            "work" => ",WORK",
            _ => "",
        };
        let pref = if e.preferred { ",PREF" } else { "" };
        line(
            out,
            &format!("EMAIL;TYPE=INTERNET{kind}{pref}:{}", text(&e.address)),
        );
    }
    for p in &c.phones {
        let kind = match p.kind.as_str() {
            "mobile" => "CELL",
            "home" => "HOME,VOICE",
            "fax" => "WORK,FAX",
            "work" => "WORK,VOICE",
            _ => "VOICE",
        };
        let pref = if p.preferred { ",PREF" } else { "" };
        line(out, &format!("TEL;TYPE={kind}{pref}:{}", single_line(&p.number)));
    }
    if c.street.is_some() || c.postal_code.is_some() || c.city.is_some() {
        let part = |v: &Option<String>| text(v.as_deref().unwrap_or_default());
        line(
            out,
            &format!(
                "ADR;TYPE=WORK:;;{};{};;{};",
                part(&c.street),
                part(&c.city),
                part(&c.postal_code)
            ),
        );
    }
    if let Some(notes) = &c.notes {
        line(out, &format!("NOTE:{}", text(notes)));
    }
    if !c.groups.is_empty() {
        let groups: Vec<String> = c.groups.iter().map(|g| text(g)).collect();
        line(out, &format!("CATEGORIES:{}", groups.join(",")));
    }
    line(out, &format!("REV:{}", c.updated_at));
    line(out, "END:VCARD");
}

/// RFC 2426 text value: backslash, comma, semicolon and line breaks escaped.
fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars().peekable();
    while let Some(ch) = chars.next() {
        match ch {
            '\\' => out.push_str("\\\\"),
            ',' => out.push_str("\\,"),
            ';' => out.push_str("\\;"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            _ => out.push(ch),
        }
    }
    out
}

/// EMAIL and TEL values are not text-typed in RFC 2426: no escaping (a "\\," would show up in
/// address books), only line breaks removed.
fn single_line(value: &str) -> String {
    value.replace(['\r', '\n'], " ")
}

/// Appends one content line, folded so no physical line exceeds 75 octets (plus CRLF).
fn line(out: &mut String, content: &str) {
    const MAX: usize = 75;
    let mut width = 0;
    for ch in content.chars() {
        let len = ch.len_utf8();
        if width + len > MAX {
            out.push_str("\r\n ");
            // The leading space of a continuation line counts towards its 75 octets.
            width = 1;
        }
        out.push(ch);
        width += len;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contact::{Email, Phone};
    use crate::import::parse_vcards;

    fn anna() -> Contact {
        Contact {
            id: 7,
            salutation: Some("Frau".into()),
            title: Some("Dr.".into()),
            first_name: Some("Anna".into()),
            last_name: "Müller".into(),
            function: Some("Integrationsbeauftragte; Landkreis".into()),
            organisation_id: Some(1),
            organisation_name: Some("Landratsamt Tübingen, Stabsstelle".into()),
            street: Some("Wilhelm-Keil-Straße 50".into()),
            postal_code: Some("72072".into()),
            city: Some("Tübingen".into()),
            notes: Some("Erreichbar Mo–Do\nBitte \\ nicht vor 9 Uhr".into()),
            consent_basis: None,
            consent_date: None,
            consent_source: None,
            consent_note: None,
            created_at: "2026-11-25T09:00:00Z".into(),
            updated_at: "2026-11-26T10:00:00Z".into(),
            version: 1,
            anonymised_at: None,
            emails: vec![
                Email {
                    address: "a.mueller@kreis-tuebingen.de".into(),
                    kind: "work".into(),
                    preferred: true,
                },
                Email {
                    address: "anna@example.org".into(),
                    kind: "home".into(),
                    preferred: false,
                },
            ],
            phones: vec![
                Phone {
                    number: "07071 207-1234".into(),
                    kind: "work".into(),
                    preferred: true,
                },
                Phone {
                    number: "0170 1234567".into(),
                    kind: "mobile".into(),
                    preferred: false,
                },
            ],
            groups: vec!["Kernnetzwerk".into(), "Sprache, Bildung".into()],
        }
    }

    #[test]
    fn written_cards_read_back_through_the_importer() {
        let bytes = contacts_vcard(&[anna(), anna()]);
        let text = std::str::from_utf8(&bytes).unwrap();
        assert!(text.starts_with("BEGIN:VCARD\r\nVERSION:3.0\r\n"), "{text}");
        assert!(
            text.contains("ORG:Landratsamt Tübingen\\, Stabsstelle\r\n"),
            "{text}"
        );
        let cards = parse_vcards(&bytes).unwrap();
        assert_eq!(cards.len(), 2);
        let a = &cards[0];
        assert_eq!(a.salutation.as_deref(), Some("Frau"));
        assert_eq!(a.title.as_deref(), Some("Dr."));
        assert_eq!(a.first_name.as_deref(), Some("Anna"));
        assert_eq!(a.last_name.as_deref(), Some("Müller"));
        assert_eq!(a.function.as_deref(), Some("Integrationsbeauftragte; Landkreis"));
        assert_eq!(
            a.organisation.as_deref(),
            Some("Landratsamt Tübingen, Stabsstelle")
        );
        assert_eq!(a.emails[0].value, "a.mueller@kreis-tuebingen.de");
        assert!(a.emails[0].preferred);
        assert_eq!(a.emails[1].kind, "home");
        assert_eq!(a.phones[1].kind, "mobile");
        assert_eq!(a.street.as_deref(), Some("Wilhelm-Keil-Straße 50"));
        assert_eq!(a.postal_code.as_deref(), Some("72072"));
        assert_eq!(a.city.as_deref(), Some("Tübingen"));
        assert_eq!(
            a.notes.as_deref(),
            Some("Erreichbar Mo–Do\nBitte \\ nicht vor 9 Uhr")
        );
        assert_eq!(a.groups, ["Kernnetzwerk", "Sprache, Bildung"]);
    }

    #[test]
    fn long_lines_fold_at_75_octets_without_splitting_umlauts() {
        let mut c = anna();
        c.notes = Some("Grüße aus Öhringen – ".repeat(20));
        let bytes = contacts_vcard(&[c.clone()]);
        let text = std::str::from_utf8(&bytes).unwrap();
        for physical in text.split("\r\n") {
            assert!(physical.len() <= 75, "{} octets: {physical}", physical.len());
        }
        let cards = parse_vcards(&bytes).unwrap();
        assert_eq!(cards[0].notes.as_deref(), Some(c.notes.unwrap().trim()));
    }
}

//! Phone numbers as files write them, made acceptable before validation: RFC 3966 extensions
//! (`;ext=102`), written extensions ("Durchwahl 12", "App. 3", "x 102"), "+49 (0)711 …", and the
//! typographic spaces and dashes word processors and Outlook put in. A value that is still no
//! phone number does not cost the contact: it moves to the notes with a warning.
//!
//! The validator itself is `contact::check_phone`; this module only rewrites what it would refuse
//! into the form it accepts (an extension joined with a hyphen, as DIN 5008 writes it).

use super::{ImportedContact, ImportedValue};
use crate::contact::check_phone;

/// Words that introduce an extension, lower case, longest first so "durchwahl" wins over "dw".
const EXTENSION_MARKERS: [&str; 12] = [
    "nebenstelle",
    "durchwahl",
    "extension",
    "apparat",
    "durchw.",
    "durchw",
    "ext.",
    "app.",
    "ext",
    "dw.",
    "dw",
    "x",
];

/// The number in a form `check_phone` accepts, or `None` if the text is no phone number.
/// ("+1-418-656-9254;ext=102" → "+1-418-656-9254-102", "0711 123-45 Durchwahl 12" →
/// "0711 123-45-12", "+49 (0)711 123-0" → "+49 711 123-0"). Forms may use it too.
pub fn normalise_phone(raw: &str) -> Option<String> {
    let text: String = raw
        .trim()
        .chars()
        .map(|c| match c {
            // No-break, figure, thin and narrow no-break spaces.
            '\u{A0}' | '\u{2007}' | '\u{2009}' | '\u{202F}' => ' ',
            // Hyphen, non-breaking hyphen, figure dash, en and em dash, minus sign.
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            c => c,
        })
        .collect();
    let text = text
        .get(..4)
        .filter(|head| head.eq_ignore_ascii_case("tel:"))
        .and_then(|_| text.get(4..))
        .unwrap_or(&text)
        .trim();
    let (main, extension) = split_extension(text)?;
    let main = drop_trunk_zero(main.trim().trim_end_matches([',', ';', '-', '/']).trim());
    let number = match extension {
        Some(ext) => format!("{main}-{ext}"),
        None => main,
    };
    check_phone("Telefon", &number).is_ok().then_some(number)
}

/// Splits off an extension: RFC 3966 `;ext=…` or a written marker followed by digits. `None` if
/// there is an extension marker whose extension is not digits, or other URI parameters.
fn split_extension(text: &str) -> Option<(&str, Option<String>)> {
    // RFC 3966 parameters: `;ext=102` is kept, anything else (`;phone-context=…`) is dropped,
    // because it says how to dial, not what the number is.
    if let Some(semicolon) = text.find(';') {
        let main = text.get(..semicolon)?;
        let extension = match text.get(semicolon..)?.split(';').find_map(|param| {
            let param = param.trim();
            param
                .get(..4)
                .filter(|key| key.eq_ignore_ascii_case("ext="))
                .and_then(|_| param.get(4..))
        }) {
            Some(ext) => Some(digits_only(ext)?),
            None => None,
        };
        return Some((main, extension));
    }
    let lower = text.to_lowercase();
    let found = EXTENSION_MARKERS
        .iter()
        .find_map(|marker| marker_position(&lower, marker).map(|at| (at, at + marker.len())));
    match found {
        // Offsets found in `lower` fit `text` only if lowercasing kept every byte length (it
        // does not for a few non-ASCII letters); otherwise the text is no number anyway.
        Some((start, end)) if lower.len() == text.len() => {
            let main = text.get(..start)?;
            let rest = text.get(end..)?.trim_start_matches([' ', ':', '.', '=']);
            Some((main, Some(digits_only(rest)?)))
        }
        Some(_) => None,
        None => Some((text, None)),
    }
}

/// Where a marker stands as a word of its own after some digits ("… 123 Durchwahl 12",
/// "555-1234x102"): not at the start, and followed by digits (after spaces, `:`, `.` or `=`).
fn marker_position(lower: &str, marker: &str) -> Option<usize> {
    lower.match_indices(marker).map(|(i, _)| i).find(|&i| {
        let before = lower.get(..i).unwrap_or_default();
        let after = lower.get(i + marker.len()..).unwrap_or_default();
        let prev = before.chars().next_back();
        before.chars().any(|c| c.is_ascii_digit())
            && !prev.is_some_and(char::is_alphabetic)
            && after
                .trim_start_matches([' ', ':', '.', '='])
                .starts_with(|c: char| c.is_ascii_digit())
            && (marker.ends_with('.') || !after.starts_with(char::is_alphabetic))
    })
}

/// The extension's digits (spaces allowed between them), or `None` if anything else is there.
fn digits_only(text: &str) -> Option<String> {
    let digits: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    (!digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit())).then_some(digits)
}

/// "+49 (0)711 …" → "+49 711 …": the trunk zero is not dialled from abroad, and the bracket form
/// is ambiguous to anyone who types it.
fn drop_trunk_zero(main: &str) -> String {
    if !main.starts_with('+') {
        return main.to_owned();
    }
    let without = main.replacen("(0)", " ", 1);
    without.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Rewrites every phone of a contact into a form the validator accepts; values that are still no
/// phone number leave the list and go into the notes ("Telefon (nicht erkannt): …") with a
/// warning, so the person is imported and nothing typed is lost. Afterwards repeated numbers are
/// dropped and exactly one remaining number is preferred.
pub(crate) fn settle_phones(contact: &mut ImportedContact) {
    let mut kept: Vec<ImportedValue> = Vec::with_capacity(contact.phones.len());
    for mut phone in std::mem::take(&mut contact.phones) {
        match normalise_phone(&phone.value) {
            Some(number) => {
                phone.value = number;
                kept.push(phone);
            }
            None => {
                let label = kind_label(&phone.kind);
                let line = format!("{label} (nicht erkannt): {}", phone.value);
                contact.notes = Some(match contact.notes.take() {
                    Some(notes) => format!("{notes}\n{line}"),
                    None => line,
                });
                contact.warnings.push(format!(
                    "{label}: „{}“ ist keine Telefonnummer; der Text steht in den Notizen.",
                    phone.value
                ));
            }
        }
    }
    super::dedupe_case_insensitive(&mut kept, |p| p.value.as_str());
    let preferred = kept.iter().position(|p| p.preferred).unwrap_or(0);
    for (i, phone) in kept.iter_mut().enumerate() {
        phone.preferred = i == preferred;
    }
    contact.phones = kept;
}

fn kind_label(kind: &str) -> &'static str {
    match kind {
        "mobile" => "Mobiltelefon",
        "fax" => "Fax",
        "home" => "Telefon privat",
        _ => "Telefon",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_forms_become_valid_numbers() {
        let cases = [
            ("0711 123-45", "0711 123-45"),
            ("+1-418-656-9254;ext=102", "+1-418-656-9254-102"),
            ("tel:+1-418-656-9254;ext=102", "+1-418-656-9254-102"),
            ("+1-418-262-6501;phone-context=example", "+1-418-262-6501"),
            ("+1-418-656-9254;EXT=102", "+1-418-656-9254-102"),
            ("0711 123-45 Durchwahl 12", "0711 123-45-12"),
            ("0711 12345, Durchwahl: 12", "0711 12345-12"),
            ("0711 12345 DW 12", "0711 12345-12"),
            ("0711 12345 App. 3", "0711 12345-3"),
            ("555-1234 x102", "555-1234-102"),
            ("555-1234x102", "555-1234-102"),
            ("+1 555 1234 ext. 7", "+1 555 1234-7"),
            ("+49 (0)711 123-0", "+49 711 123-0"),
            ("+49(0)711 123-0", "+49 711 123-0"),
            ("+49\u{A0}711\u{202F}123\u{2013}0", "+49 711 123-0"),
            ("(07071) 207-0000", "(07071) 207-0000"),
            ("07071 / 12 34 56", "07071 / 12 34 56"),
        ];
        for (raw, expected) in cases {
            assert_eq!(normalise_phone(raw).as_deref(), Some(expected), "{raw}");
        }
    }

    #[test]
    fn text_is_no_number() {
        for raw in [
            "nur vormittags",
            "über Zentrale",
            "0711 123 (vormittags)",
            "0711 123 Durchwahl folgt",
            "12",
            "+49 711 + 1",
            "Xaver 123",
        ] {
            assert_eq!(normalise_phone(raw), None, "{raw}");
        }
    }

    #[test]
    fn unrecognised_numbers_move_to_the_notes_with_a_warning() {
        let phone = |value: &str, kind: &str, preferred: bool| ImportedValue {
            value: value.into(),
            kind: kind.into(),
            preferred,
        };
        let mut contact = ImportedContact {
            notes: Some("Kennt alle.".into()),
            phones: vec![
                phone("über Zentrale", "work", true),
                phone("+49 (0)711 123-0", "work", false),
                phone("+49 711 123-0", "work", false),
                phone("ab 9 Uhr", "mobile", false),
            ],
            ..Default::default()
        };
        settle_phones(&mut contact);
        assert_eq!(contact.phones, vec![phone("+49 711 123-0", "work", true)]);
        assert_eq!(
            contact.notes.as_deref(),
            Some(
                "Kennt alle.\nTelefon (nicht erkannt): über Zentrale\nMobiltelefon (nicht erkannt): ab 9 Uhr"
            )
        );
        assert_eq!(contact.warnings.len(), 2);
        assert!(contact.warnings[0].contains("„über Zentrale“ ist keine Telefonnummer"));
    }
}

//! Unit tests of the contact rules: checking and cleaning input, references.

use super::*;

#[test]
fn a_reference_is_a_number_or_a_name_that_finds_one_contact() {
    assert_eq!(contact_number(" Nr. 12 "), Some(12));
    assert_eq!(contact_number("12"), Some(12));
    assert_eq!(contact_number("Wagner"), None);
    assert_eq!(one_contact("Wagner", &[4]).ok(), Some(4));
    assert!(matches!(one_contact("Wagner", &[]), Err(Error::NotFound { .. })));
    let many = one_contact("Wagner", &[4, 5]).unwrap_err();
    assert!(many.to_string().contains("passt auf 2 Kontakte"), "{many}");
}

fn input(last: &str) -> ContactInput {
    ContactInput {
        last_name: last.into(),
        ..Default::default()
    }
}

#[test]
fn missing_last_name_names_the_field() {
    let err = input("  ").normalised().unwrap_err();
    assert_eq!(err.to_string(), "Nachname: Bitte geben Sie einen Nachnamen ein.");
}

#[test]
fn malformed_email_names_the_field_and_value() {
    for bad in [
        "anna.mueller",
        "anna@",
        "@landkreis.de",
        "anna@landkreis",
        "an na@x.de",
        "a@b@c.de",
        "a@x..de",
    ] {
        let mut c = input("Müller");
        c.emails.push(EmailInput {
            address: bad.into(),
            kind: "work".into(),
            preferred: false,
        });
        let err = c.normalised().unwrap_err();
        assert!(err.to_string().starts_with("E-Mail-Adresse: „"), "{bad}: {err}");
    }
    let mut c = input("Müller");
    c.emails.push(EmailInput {
        address: " a.mueller@lrat.example ".into(),
        kind: "x".into(),
        preferred: false,
    });
    let c = c.normalised().unwrap();
    assert_eq!(c.emails[0].address, "a.mueller@lrat.example");
    assert_eq!(c.emails[0].kind, "other");
    assert!(c.emails[0].preferred, "the only address is preferred");
}

#[test]
fn malformed_phone_names_the_field() {
    for bad in ["12", "07071 / abc", "0711+49", "#123"] {
        let mut c = input("Müller");
        c.phones.push(PhoneInput {
            number: bad.into(),
            kind: "work".into(),
            preferred: false,
        });
        let err = c.normalised().unwrap_err();
        assert!(err.to_string().starts_with("Telefon: „"), "{bad}: {err}");
    }
    for good in ["07071 207-0000", "+49 (711) 123/45", "tel:+49-711-0000-0"] {
        check_phone("Telefon", good).unwrap();
    }
}

#[test]
fn exactly_one_preferred_address() {
    let mut c = input("Müller");
    for (a, p) in [("a@x.de", false), ("b@x.de", true), ("c@x.de", true)] {
        c.emails.push(EmailInput {
            address: a.into(),
            kind: "work".into(),
            preferred: p,
        });
    }
    let c = c.normalised().unwrap();
    let preferred: Vec<bool> = c.emails.iter().map(|e| e.preferred).collect();
    assert_eq!(preferred, [false, true, false]);
}

#[test]
fn consent_date_accepts_german_and_iso_and_rejects_nonsense() {
    let mut c = input("Müller");
    c.consent_date = Some("24.11.2026".into());
    assert_eq!(
        c.normalised().unwrap().consent_date.as_deref(),
        Some("2026-11-24")
    );
    let mut c = input("Müller");
    c.consent_date = Some("31.02.2026".into());
    let err = c.normalised().unwrap_err();
    assert_eq!(
        err.to_string(),
        "Einwilligung am: „31.02.2026“ ist kein gültiges Datum (TT.MM.JJJJ)."
    );
}

#[test]
fn every_field_error_is_reported_at_once() {
    let mut c = input("  ");
    c.emails = ["ok@x.de", "kaputt"]
        .into_iter()
        .map(|a| EmailInput {
            address: a.into(),
            kind: "work".into(),
            preferred: false,
        })
        .collect();
    c.phones.push(PhoneInput {
        number: "abc".into(),
        kind: "work".into(),
        preferred: false,
    });
    c.consent_date = Some("gestern".into());
    c.notes = Some("x".repeat(limits::NOTES + 1));
    let err = c.normalised().unwrap_err();
    assert_eq!(err.code(), crate::ErrorCode::Validation);
    let fields: Vec<(String, Option<usize>)> = err
        .field_errors()
        .into_iter()
        .map(|e| (e.field, e.index))
        .collect();
    assert_eq!(
        fields,
        [
            ("Nachname".to_owned(), None),
            ("Notizen".to_owned(), None),
            ("E-Mail-Adresse".to_owned(), Some(1)),
            ("Telefon".to_owned(), None),
            ("Einwilligung am".to_owned(), None),
        ]
    );
    let text = err.to_string();
    assert!(
        text.starts_with("Bitte prüfen Sie 5 Angaben: Nachname: "),
        "{text}"
    );
    assert!(text.contains("„kaputt“"), "{text}");
}

#[test]
fn field_lengths_are_capped_with_the_field_named() {
    let mut c = input(&"M".repeat(201));
    c.function = Some("F".repeat(200));
    c.emails.push(EmailInput {
        address: format!("{}@x.de", "a".repeat(260)),
        kind: "work".into(),
        preferred: false,
    });
    let err = c.normalised().unwrap_err();
    let fields: Vec<String> = err.field_errors().into_iter().map(|e| e.field).collect();
    assert_eq!(fields, ["Nachname", "E-Mail-Adresse"]);
    assert!(err.to_string().contains("Höchstens 200 Zeichen"), "{err}");
    assert!(err.to_string().contains("Höchstens 254 Zeichen"), "{err}");
}

#[test]
fn groups_are_trimmed_and_deduplicated() {
    let mut c = input("Müller");
    c.groups = vec![
        " Kernnetzwerk".into(),
        "kernnetzwerk".into(),
        "".into(),
        "Sprache".into(),
    ];
    assert_eq!(c.normalised().unwrap().groups, ["Kernnetzwerk", "Sprache"]);
}

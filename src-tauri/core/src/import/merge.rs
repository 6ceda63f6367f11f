//! "Update" for an imported row that duplicates a stored contact: what the file adds to the stored
//! contact. A plain function, so the rule is tested without a database; the store loads the stored
//! contact, calls [`merge_duplicate`] and saves the result.
//!
//! The rule keeps everything the user already has: empty fields are filled, e-mail addresses,
//! phone numbers and groups the contact lacks are added (never preferred over the stored ones),
//! and nothing stored is overwritten or removed.

use crate::contact::ContactInput;

/// The stored contact with what the imported row adds.
pub fn merge_duplicate(stored: ContactInput, new: ContactInput) -> ContactInput {
    let mut merged = stored;
    let fill = |old: &mut Option<String>, new: Option<String>| {
        if old.is_none() {
            *old = new;
        }
    };
    fill(&mut merged.salutation, new.salutation);
    fill(&mut merged.title, new.title);
    fill(&mut merged.first_name, new.first_name);
    fill(&mut merged.function, new.function);
    fill(&mut merged.street, new.street);
    fill(&mut merged.postal_code, new.postal_code);
    fill(&mut merged.city, new.city);
    fill(&mut merged.notes, new.notes);
    if merged.organisation_id.is_none() {
        merged.organisation_id = new.organisation_id;
    }
    for mut e in new.emails {
        if !merged
            .emails
            .iter()
            .any(|m| m.address.eq_ignore_ascii_case(&e.address))
        {
            e.preferred = false;
            merged.emails.push(e);
        }
    }
    for mut p in new.phones {
        if !merged.phones.iter().any(|m| m.number == p.number) {
            p.preferred = false;
            merged.phones.push(p);
        }
    }
    // Case-insensitive duplicates are dropped when the merged contact is normalised.
    merged.groups.extend(new.groups);
    merged
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contact::{EmailInput, PhoneInput};

    fn email(address: &str, preferred: bool) -> EmailInput {
        EmailInput {
            address: address.into(),
            kind: "work".into(),
            preferred,
        }
    }

    #[test]
    fn fills_empty_fields_adds_what_is_missing_and_overwrites_nothing() {
        let stored = ContactInput {
            first_name: Some("Anna".into()),
            last_name: "Müller".into(),
            function: Some("Integrationsbeauftragte".into()),
            organisation_id: Some(3),
            emails: vec![email("a.mueller@lrat.example", true)],
            groups: vec!["Kernnetzwerk".into()],
            ..Default::default()
        };
        let new = ContactInput {
            salutation: Some("Frau".into()),
            first_name: Some("Anne".into()),
            last_name: "Mueller".into(),
            function: Some("Referentin".into()),
            city: Some("Tübingen".into()),
            organisation_id: Some(9),
            emails: vec![
                email("A.MUELLER@lrat.example", true),
                email("anna@example.org", true),
            ],
            phones: vec![PhoneInput {
                number: "07071 207-0000".into(),
                kind: "work".into(),
                preferred: true,
            }],
            groups: vec!["kernnetzwerk".into(), "Sprache".into()],
            expected_version: None,
            ..Default::default()
        };
        let merged = merge_duplicate(stored, new).normalised().unwrap();
        assert_eq!(merged.salutation.as_deref(), Some("Frau"), "empty field filled");
        assert_eq!(merged.first_name.as_deref(), Some("Anna"), "stored value kept");
        assert_eq!(merged.last_name, "Müller");
        assert_eq!(merged.function.as_deref(), Some("Integrationsbeauftragte"));
        assert_eq!(merged.city.as_deref(), Some("Tübingen"));
        assert_eq!(merged.organisation_id, Some(3));
        let emails: Vec<(&str, bool)> = merged
            .emails
            .iter()
            .map(|e| (e.address.as_str(), e.preferred))
            .collect();
        assert_eq!(
            emails,
            [("a.mueller@lrat.example", true), ("anna@example.org", false)]
        );
        assert_eq!(merged.phones.len(), 1);
        assert_eq!(merged.groups, ["Kernnetzwerk", "Sprache"]);
    }
}

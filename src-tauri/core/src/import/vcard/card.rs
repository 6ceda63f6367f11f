//! Mapping the properties of one card to an [`ImportedContact`]: N or FN for the name, ORG with its
//! units, TITLE/ROLE, every EMAIL and TEL with its kind and `PREF` rank, the work address among
//! several ADRs, NOTE and CATEGORIES. Phone numbers are made acceptable (or moved to the notes)
//! by `settle_phones`.

use super::super::phone::settle_phones;
use super::super::{
    ImportedContact, ImportedValue, Position, apply_full_name, clean, dedupe_case_insensitive,
    split_salutation, warn_replacement,
};
use super::property::{Property, split_unescaped, unescape};

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
pub(super) fn build_contact(properties: &[Property], number: usize) -> ImportedContact {
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

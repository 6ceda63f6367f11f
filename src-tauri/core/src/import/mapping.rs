//! From CSV columns to contact fields: guessing the column assignment from header names (German
//! and English Outlook, German Excel lists) and turning table rows into [`ImportedContact`]s.

use super::{
    Field, ImportedContact, ImportedValue, Mapping, Position, Table, clean, dedupe_case_insensitive,
    push_groups, split_salutation,
};

/// Known header names, normalised (see [`normalise`]), with the field they feed and a rank:
/// for single-valued fields only the column with the best (lowest) rank is mapped, so e.g.
/// Outlook's "Ort geschäftlich" wins over its "Ort" (which there means the office location).
const KNOWN_HEADERS: &[(&str, Field, u8)] = &[
    // Salutation. English Outlook's "Title" holds "Mr.", "Dr." …: a salutation, not a job title.
    ("anrede", Field::Salutation, 0),
    ("salutation", Field::Salutation, 0),
    ("title", Field::Salutation, 1),
    // Academic title.
    ("titel", Field::Title, 0),
    ("akademischertitel", Field::Title, 0),
    ("academictitle", Field::Title, 0),
    // Names.
    ("vorname", Field::FirstName, 0),
    ("firstname", Field::FirstName, 0),
    ("givenname", Field::FirstName, 1),
    ("nachname", Field::LastName, 0),
    ("familienname", Field::LastName, 1),
    ("lastname", Field::LastName, 0),
    ("surname", Field::LastName, 1),
    ("familyname", Field::LastName, 1),
    // Function.
    ("funktion", Field::Function, 0),
    ("position", Field::Function, 0),
    ("jobtitle", Field::Function, 0),
    ("function", Field::Function, 1),
    ("rolle", Field::Function, 2),
    ("role", Field::Function, 2),
    // Organisation.
    ("organisation", Field::Organisation, 0),
    ("organization", Field::Organisation, 0),
    ("firma", Field::Organisation, 0),
    ("company", Field::Organisation, 0),
    ("behoerde", Field::Organisation, 1),
    ("institution", Field::Organisation, 1),
    ("dienststelle", Field::Organisation, 1),
    ("abteilung", Field::Department, 0),
    ("department", Field::Department, 0),
    ("referat", Field::Department, 1),
    // District.
    ("stadtlandkreis", Field::District, 0),
    ("landkreisstadtkreis", Field::District, 0),
    ("kreis", Field::District, 1),
    ("landkreis", Field::District, 1),
    ("stadtkreis", Field::District, 1),
    ("district", Field::District, 1),
    // E-mail: every address column (Outlook's "E-Mail-Typ" and "Angezeigter Name" are not listed).
    ("email", Field::Email, 0),
    ("emailadresse", Field::Email, 0),
    ("emailaddress", Field::Email, 0),
    ("mail", Field::Email, 0),
    ("email2", Field::Email, 0),
    ("email3", Field::Email, 0),
    ("email2adresse", Field::Email, 0),
    ("email3adresse", Field::Email, 0),
    ("email2address", Field::Email, 0),
    ("email3address", Field::Email, 0),
    // Phones (business; private numbers are left for the user to assign).
    ("telefon", Field::Phone, 0),
    ("telefonnummer", Field::Phone, 0),
    ("tel", Field::Phone, 0),
    ("festnetz", Field::Phone, 0),
    ("phone", Field::Phone, 0),
    ("telephone", Field::Phone, 0),
    ("telefongeschaeftlich", Field::Phone, 0),
    ("telefongeschaeftlich2", Field::Phone, 0),
    ("businessphone", Field::Phone, 0),
    ("businessphone2", Field::Phone, 0),
    ("haupttelefon", Field::Phone, 0),
    ("primaryphone", Field::Phone, 0),
    ("mobiltelefon", Field::Mobile, 0),
    ("mobiltelefon2", Field::Mobile, 0),
    ("mobil", Field::Mobile, 0),
    ("mobilnummer", Field::Mobile, 0),
    ("handy", Field::Mobile, 0),
    ("mobile", Field::Mobile, 0),
    ("mobilephone", Field::Mobile, 0),
    // Address (business first; Outlook's bare "Ort" only if nothing better is there).
    ("strassegeschaeftlich", Field::Street, 0),
    ("businessstreet", Field::Street, 0),
    ("strasse", Field::Street, 1),
    ("street", Field::Street, 1),
    ("anschrift", Field::Street, 2),
    ("adresse", Field::Street, 2),
    ("postleitzahlgeschaeftlich", Field::PostalCode, 0),
    ("businesspostalcode", Field::PostalCode, 0),
    ("plz", Field::PostalCode, 1),
    ("postleitzahl", Field::PostalCode, 1),
    ("postalcode", Field::PostalCode, 1),
    ("zip", Field::PostalCode, 1),
    ("zipcode", Field::PostalCode, 1),
    ("ortgeschaeftlich", Field::City, 0),
    ("businesscity", Field::City, 0),
    ("stadt", Field::City, 1),
    ("city", Field::City, 1),
    ("ort", Field::City, 2),
    ("wohnort", Field::City, 2),
    ("landregiongeschaeftlich", Field::Country, 0),
    ("businesscountryregion", Field::Country, 0),
    ("businesscountry", Field::Country, 0),
    ("land", Field::Country, 1),
    ("landregion", Field::Country, 1),
    ("country", Field::Country, 1),
    ("countryregion", Field::Country, 1),
    // Notes and groups.
    ("notizen", Field::Notes, 0),
    ("notes", Field::Notes, 0),
    ("notiz", Field::Notes, 1),
    ("bemerkung", Field::Notes, 1),
    ("bemerkungen", Field::Notes, 1),
    ("anmerkungen", Field::Notes, 1),
    ("kommentar", Field::Notes, 2),
    ("kategorien", Field::Groups, 0),
    ("categories", Field::Groups, 0),
    ("gruppen", Field::Groups, 0),
    ("gruppe", Field::Groups, 0),
    ("groups", Field::Groups, 0),
    ("themen", Field::Groups, 0),
];

/// Proposes a field for every column from its header name (German and English Outlook exports,
/// German Excel lists; case, umlaut spelling, spaces and punctuation do not matter). Several
/// columns may feed e-mails, phones and groups; every other field goes to one column only.
pub fn guess_mapping(headers: &[String]) -> Mapping {
    let candidates: Vec<Option<(Field, u8)>> = headers
        .iter()
        .map(|h| {
            let key = normalise(h);
            KNOWN_HEADERS
                .iter()
                .find(|(name, _, _)| *name == key)
                .map(|&(_, field, rank)| (field, rank))
        })
        .collect();
    candidates
        .iter()
        .enumerate()
        .map(|(i, candidate)| {
            let (field, rank) = (*candidate)?;
            if field.is_multi_valued() {
                return Some(field);
            }
            // The first column with the best rank for this field takes it.
            let best = candidates
                .iter()
                .enumerate()
                .filter_map(|(j, c)| c.filter(|(f, _)| *f == field).map(|(_, r)| (r, j)))
                .min()?;
            (best == (rank, i)).then_some(field)
        })
        .collect()
}

/// Lower case, umlauts and ß spelled out, everything but letters and digits dropped:
/// "E-Mail 2: Adresse" → "email2adresse", "Straße geschäftlich" → "strassegeschaeftlich".
fn normalise(header: &str) -> String {
    let mut key = String::with_capacity(header.len());
    for c in header.chars().flat_map(char::to_lowercase) {
        match c {
            'ä' => key.push_str("ae"),
            'ö' => key.push_str("oe"),
            'ü' => key.push_str("ue"),
            'ß' => key.push_str("ss"),
            c if c.is_alphanumeric() => key.push(c),
            _ => {}
        }
    }
    key
}

/// Applies a mapping to every row of the table: one contact per row, in order, with the row's
/// line as position.
///
/// - Several e-mail columns give several addresses (the first is preferred); a cell may hold
///   several addresses separated by `;` or `,`. Duplicates are dropped.
/// - Phone columns give phones of kind "work", mobile columns of kind "mobile"; the first is
///   preferred.
/// - Groups are split on `;` and `,`.
/// - An academic title in the salutation column ("Dr.", "Frau Dr.") moves to `title` unless a
///   title column is filled; "Mr." becomes "Herr", "Ms."/"Mrs." become "Frau".
/// - Several columns for any other field: the first non-empty one wins; notes are joined.
pub fn map_rows(table: &Table, mapping: &Mapping) -> Vec<ImportedContact> {
    table
        .rows
        .iter()
        .map(|row| {
            let mut contact = ImportedContact {
                position: Position::Line(row.line),
                ..Default::default()
            };
            let mut title_from_salutation = None;
            let mut notes: Vec<String> = Vec::new();
            for (cell, field) in row.cells.iter().zip(mapping) {
                let Some(field) = *field else { continue };
                let Some(value) = clean(cell) else { continue };
                match field {
                    Field::Salutation => {
                        let (salutation, title) = split_salutation(&value);
                        set_once(&mut contact.salutation, salutation);
                        if title_from_salutation.is_none() {
                            title_from_salutation = title;
                        }
                    }
                    Field::Title => set_once(&mut contact.title, Some(value)),
                    Field::FirstName => set_once(&mut contact.first_name, Some(value)),
                    Field::LastName => set_once(&mut contact.last_name, Some(value)),
                    Field::Function => set_once(&mut contact.function, Some(value)),
                    Field::Organisation => set_once(&mut contact.organisation, Some(value)),
                    Field::Department => set_once(&mut contact.department, Some(value)),
                    Field::District => set_once(&mut contact.district, Some(value)),
                    Field::Street => set_once(&mut contact.street, Some(value)),
                    Field::PostalCode => set_once(&mut contact.postal_code, Some(value)),
                    Field::City => set_once(&mut contact.city, Some(value)),
                    Field::Country => set_once(&mut contact.country, Some(value)),
                    Field::Notes => notes.push(value),
                    Field::Groups => push_groups(&mut contact.groups, &value),
                    Field::Email => {
                        for address in value.split([';', ',']).filter_map(clean) {
                            push_value(&mut contact.emails, address, "work");
                        }
                    }
                    Field::Phone => push_value(&mut contact.phones, value, "work"),
                    Field::Mobile => push_value(&mut contact.phones, value, "mobile"),
                }
            }
            if contact.title.is_none() {
                contact.title = title_from_salutation;
            }
            finish_values(&mut contact.emails);
            finish_values(&mut contact.phones);
            dedupe_case_insensitive(&mut contact.groups, |g| g.as_str());
            if !notes.is_empty() {
                contact.notes = Some(notes.join("\n"));
            }
            contact
        })
        .collect()
}

fn set_once(slot: &mut Option<String>, value: Option<String>) {
    if slot.is_none() {
        *slot = value;
    }
}

fn push_value(values: &mut Vec<ImportedValue>, value: String, kind: &str) {
    values.push(ImportedValue {
        value,
        kind: kind.to_owned(),
        preferred: false,
    });
}

/// Drops repeated e-mails or phones (case-insensitively) and makes the first one the preferred one.
fn finish_values(values: &mut Vec<ImportedValue>) {
    dedupe_case_insensitive(values, |v| v.value.as_str());
    if let Some(first) = values.first_mut() {
        first.preferred = true;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn normalise_headers() {
        assert_eq!(normalise("E-Mail 2: Adresse"), "email2adresse");
        assert_eq!(normalise("Straße geschäftlich"), "strassegeschaeftlich");
        assert_eq!(normalise(" Stadt-/Landkreis "), "stadtlandkreis");
        assert_eq!(normalise("E-mail Address"), "emailaddress");
    }

    #[test]
    fn best_ranked_column_wins_for_single_fields() {
        let m = guess_mapping(&headers(&[
            "Ort",
            "Ort geschäftlich",
            "E-Mail",
            "E-Mail 2: Adresse",
        ]));
        assert_eq!(
            m,
            vec![None, Some(Field::City), Some(Field::Email), Some(Field::Email)]
        );
        let m = guess_mapping(&headers(&["Ort", "ort"]));
        assert_eq!(m, vec![Some(Field::City), None]);
    }

    #[test]
    fn outlook_email_side_columns_are_not_emails() {
        let m = guess_mapping(&headers(&[
            "E-Mail-Typ",
            "E-Mail: Angezeigter Name",
            "E-mail Display Name",
        ]));
        assert_eq!(m, vec![None, None, None]);
    }
}

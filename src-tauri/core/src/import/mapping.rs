//! From CSV columns to contact fields: guessing the column assignment from header names (German
//! and English Outlook, Thunderbird's address book in German and English, Google Contacts, German
//! Excel lists) and turning table rows into [`ImportedContact`]s.

use super::phone::settle_phones;
use super::{
    Field, ImportedContact, ImportedValue, Mapping, Position, Table, apply_full_name, clean,
    dedupe_case_insensitive, push_groups, split_salutation, warn_replacement,
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
    // Thunderbird, German ("Primäre E-Mail-Adresse", "Tel. dienstlich", "Dienstlich: PLZ" …) and
    // English ("Primary Email", "Work Phone", "Work Zip", in older versions "Work ZipCode" …). Private numbers and addresses
    // ("Tel. privat", "Privat: Ort") are left for the user to assign, as for Outlook.
    ("anzeigename", Field::FullName, 0),
    ("displayname", Field::FullName, 0),
    ("primaereemailadresse", Field::Email, 0),
    ("sekundaereemailadresse", Field::Email, 0),
    ("primaryemail", Field::Email, 0),
    ("secondaryemail", Field::Email, 0),
    ("teldienstlich", Field::Phone, 0),
    ("workphone", Field::Phone, 0),
    ("mobiltelnr", Field::Mobile, 0),
    ("mobilenumber", Field::Mobile, 0),
    ("arbeitstitel", Field::Function, 0),
    ("dienstlichadresse", Field::Street, 0),
    ("workaddress", Field::Street, 0),
    ("dienstlichplz", Field::PostalCode, 0),
    ("workzip", Field::PostalCode, 0),
    ("workzipcode", Field::PostalCode, 0),
    ("dienstlichort", Field::City, 0),
    ("workcity", Field::City, 0),
    ("dienstlichland", Field::Country, 0),
    ("workcountry", Field::Country, 0),
    // Google Contacts without numbers (the numbered columns are matched by `numbered_header`).
    ("name", Field::FullName, 1),
    ("nameprefix", Field::Salutation, 0),
    ("organizationname", Field::Organisation, 0),
    ("organizationtitle", Field::Function, 0),
    ("organizationdepartment", Field::Department, 0),
    ("labels", Field::Groups, 0),
    ("groupmembership", Field::Groups, 0),
];

/// Google's numbered columns ("E-mail 1 - Value", "Organization 1 - Name", "Address 2 - City"),
/// with the number replaced by `#`. Rank: the number, so "… 1 …" wins for single fields.
const NUMBERED_HEADERS: &[(&str, Field)] = &[
    ("email#value", Field::Email),
    ("phone#value", Field::Phone),
    ("organization#name", Field::Organisation),
    ("organization#title", Field::Function),
    ("organization#department", Field::Department),
    ("address#street", Field::Street),
    ("address#postalcode", Field::PostalCode),
    ("address#city", Field::City),
    ("address#country", Field::Country),
];

fn numbered_header(key: &str) -> Option<(Field, u8)> {
    let digits_at = key.find(|c: char| c.is_ascii_digit())?;
    let digits_end = key
        .get(digits_at..)?
        .find(|c: char| !c.is_ascii_digit())
        .map_or(key.len(), |n| digits_at + n);
    let number: u8 = key.get(digits_at..digits_end)?.parse().unwrap_or(u8::MAX);
    let pattern = format!("{}#{}", key.get(..digits_at)?, key.get(digits_end..)?);
    NUMBERED_HEADERS
        .iter()
        .find(|(name, _)| *name == pattern)
        .map(|&(_, field)| (field, number))
}

/// Proposes a field for every column from its header name (German and English Outlook exports,
/// German Excel lists; case, umlaut spelling, spaces and punctuation do not matter). Several
/// columns may feed e-mails, phones and groups; every other field goes to one column only.
pub fn guess_mapping(headers: &[String]) -> Mapping {
    let keys: Vec<String> = headers.iter().map(|h| normalise(h)).collect();
    let mut candidates: Vec<Option<(Field, u8)>> = keys
        .iter()
        .map(|key| {
            KNOWN_HEADERS
                .iter()
                .find(|(name, _, _)| name == key)
                .map(|&(_, field, rank)| (field, rank))
                .or_else(|| numbered_header(key))
        })
        .collect();
    // German lists write "Name; Vorname": beside a first-name column, "Name" is the last name.
    let has = |field: Field, c: &[Option<(Field, u8)>]| c.iter().flatten().any(|(f, _)| *f == field);
    if has(Field::FirstName, &candidates) && !has(Field::LastName, &candidates) {
        for (key, candidate) in keys.iter().zip(candidates.iter_mut()) {
            if key == "name" {
                *candidate = Some((Field::LastName, 0));
            }
        }
    }
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
///   several addresses separated by `;`, `,` or Google's " ::: ". Duplicates are dropped.
/// - Phone columns give phones of kind "work", mobile columns of kind "mobile", unless a type
///   column beside them says otherwise (Google's "Phone 1 - Type": "Mobile", "Work Fax" …); the
///   first is preferred. Written forms are normalised and text that is no number goes to the
///   notes with a warning (see [`settle_phones`]).
/// - Groups are split on `;`, `,` and " ::: ".
/// - An academic title in the salutation column ("Dr.", "Frau Dr.") moves to `title` unless a
///   title column is filled; "Mr." becomes "Herr", "Ms."/"Mrs." become "Frau".
/// - A whole-name column fills first and last name when neither has its own column value.
/// - Several columns for any other field: the first non-empty one wins; notes are joined.
pub fn map_rows(table: &Table, mapping: &Mapping) -> Vec<ImportedContact> {
    let kind_columns = kind_columns(&table.headers);
    table
        .rows
        .iter()
        .map(|row| {
            let mut contact = ImportedContact {
                position: Position::Line(row.line),
                ..Default::default()
            };
            let mut title_from_salutation = None;
            let mut full_name = None;
            let mut notes: Vec<String> = Vec::new();
            for (column, (cell, field)) in row.cells.iter().zip(mapping).enumerate() {
                let Some(field) = *field else { continue };
                let Some(value) = clean(cell) else { continue };
                let kind_cell = kind_columns
                    .get(column)
                    .copied()
                    .flatten()
                    .and_then(|i| row.cells.get(i));
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
                    Field::FullName => set_once(&mut full_name, Some(value)),
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
                        let kind = kind_cell.and_then(email_kind).unwrap_or("work");
                        for address in value
                            .split(":::")
                            .flat_map(|v| v.split([';', ',']))
                            .filter_map(clean)
                        {
                            push_value(&mut contact.emails, address, kind);
                        }
                    }
                    Field::Phone | Field::Mobile => {
                        let default = if field == Field::Mobile { "mobile" } else { "work" };
                        let kind = kind_cell.and_then(phone_kind).unwrap_or(default);
                        for number in value.split(":::").filter_map(clean) {
                            push_value(&mut contact.phones, number, kind);
                        }
                    }
                }
            }
            if contact.title.is_none() {
                contact.title = title_from_salutation;
            }
            if contact.first_name.is_none() && contact.last_name.is_none() {
                apply_full_name(&mut contact, full_name);
            }
            finish_values(&mut contact.emails);
            finish_values(&mut contact.phones);
            settle_phones(&mut contact);
            dedupe_case_insensitive(&mut contact.groups, |g| g.as_str());
            if !notes.is_empty() {
                let mut text = notes.join("\n");
                if let Some(moved) = contact.notes.take() {
                    text = format!("{text}\n{moved}");
                }
                contact.notes = Some(text);
            }
            warn_replacement(&mut contact);
            contact
        })
        .collect()
}

/// For each column whose header ends in "Value" (Google: "Phone 1 - Value"), the column that
/// names its kind ("Phone 1 - Type" or, in newer exports, "Phone 1 - Label").
fn kind_columns(headers: &[String]) -> Vec<Option<usize>> {
    let keys: Vec<String> = headers.iter().map(|h| normalise(h)).collect();
    keys.iter()
        .map(|key| {
            let prefix = key.strip_suffix("value")?;
            keys.iter().position(|k| {
                k.strip_prefix(prefix)
                    .is_some_and(|rest| rest == "type" || rest == "label")
            })
        })
        .collect()
}

/// A phone kind from a type cell ("Mobile", "Work Fax", "* Home", "Privat"); `None` if unknown.
fn phone_kind(text: &str) -> Option<&'static str> {
    let t = text.to_lowercase();
    if t.contains("fax") {
        Some("fax")
    } else if ["mobil", "cell", "handy"].iter().any(|w| t.contains(w)) {
        Some("mobile")
    } else if t.contains("home") || t.contains("privat") {
        Some("home")
    } else if ["work", "gesch", "dienst", "main"].iter().any(|w| t.contains(w)) {
        Some("work")
    } else if t.contains("other") || t.contains("sonst") {
        Some("other")
    } else {
        None
    }
}

/// An e-mail kind from a type cell ("Work", "* Home", "Other"); `None` if unknown.
fn email_kind(text: &str) -> Option<&'static str> {
    match phone_kind(text)? {
        "home" => Some("home"),
        "work" => Some("work"),
        "other" => Some("other"),
        _ => None,
    }
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
    fn thunderbird_zip_spellings_and_google_numbers() {
        let m = guess_mapping(&headers(&["Work Zip", "Work ZipCode", "Home Zipcode"]));
        assert_eq!(m, vec![Some(Field::PostalCode), None, None]);
        assert_eq!(numbered_header("email12value"), Some((Field::Email, 12)));
        assert_eq!(numbered_header("address2city"), Some((Field::City, 2)));
        assert_eq!(numbered_header("website1value"), None);
        assert_eq!(numbered_header("email"), None);
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

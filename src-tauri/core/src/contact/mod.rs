//! Contacts: the network's people, with several e-mail addresses and phone numbers, groups, and
//! the DSGVO consent record (legal basis, date, source, note).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::error::FieldError;
pub use crate::field::check_phone;
use crate::field::clean;
use crate::limits;
use crate::{Error, Result};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmailInput {
    pub address: String,
    /// "work", "home" or "other"
    #[serde(default = "work")]
    pub kind: String,
    #[serde(default)]
    pub preferred: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhoneInput {
    pub number: String,
    /// "work", "mobile", "home", "fax" or "other"
    #[serde(default = "work")]
    pub kind: String,
    #[serde(default)]
    pub preferred: bool,
}

fn work() -> String {
    "work".to_owned()
}

/// What the form (or an import) sends to create or change a contact.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ContactInput {
    pub salutation: Option<String>,
    pub title: Option<String>,
    pub first_name: Option<String>,
    pub last_name: String,
    pub function: Option<String>,
    pub organisation_id: Option<i64>,
    pub emails: Vec<EmailInput>,
    pub phones: Vec<PhoneInput>,
    pub street: Option<String>,
    pub postal_code: Option<String>,
    pub city: Option<String>,
    pub notes: Option<String>,
    pub groups: Vec<String>,
    pub consent_basis: Option<String>,
    /// ISO (2026-11-24) or German (24.11.2026) date.
    pub consent_date: Option<String>,
    pub consent_source: Option<String>,
    pub consent_note: Option<String>,
    /// The `version` of the contact the form was filled from. An update is refused with
    /// `ErrorCode::Conflict` when the stored version differs; `None` skips the check (imports, CLI).
    #[serde(default)]
    pub expected_version: Option<i64>,
}

pub(crate) const EMAIL_KINDS: [&str; 3] = ["work", "home", "other"];
pub(crate) const PHONE_KINDS: [&str; 5] = ["work", "mobile", "home", "fax", "other"];

impl ContactInput {
    /// Trims, drops empty entries, checks every field and makes exactly one address and one number
    /// preferred. Every problem found is returned at once ([`Error::Fields`], or
    /// [`Error::Validation`] for a single one), each naming the field as the form labels it, so a
    /// person fixes them in one go.
    pub fn normalised(mut self) -> Result<ContactInput> {
        let mut errors: Vec<FieldError> = Vec::new();
        self.last_name = self.last_name.trim().to_owned();
        if self.last_name.is_empty() {
            errors.push(FieldError::new(
                "Nachname",
                "Bitte geben Sie einen Nachnamen ein.",
            ));
        }
        for field in [
            &mut self.salutation,
            &mut self.title,
            &mut self.first_name,
            &mut self.function,
            &mut self.street,
            &mut self.postal_code,
            &mut self.city,
            &mut self.notes,
            &mut self.consent_basis,
            &mut self.consent_source,
            &mut self.consent_note,
        ] {
            *field = clean(field.take());
        }
        // In form order, so the first error is the first field a person meets.
        let texts: [(&str, Option<&str>, usize); 12] = [
            ("Anrede", self.salutation.as_deref(), limits::SALUTATION),
            ("Titel", self.title.as_deref(), limits::NAME),
            ("Vorname", self.first_name.as_deref(), limits::NAME),
            ("Nachname", Some(self.last_name.as_str()), limits::NAME),
            ("Funktion", self.function.as_deref(), limits::NAME),
            ("Straße", self.street.as_deref(), limits::NAME),
            ("PLZ", self.postal_code.as_deref(), limits::POSTAL_CODE),
            ("Ort", self.city.as_deref(), limits::NAME),
            ("Notizen", self.notes.as_deref(), limits::NOTES),
            ("Rechtsgrundlage", self.consent_basis.as_deref(), limits::NAME),
            ("Quelle", self.consent_source.as_deref(), limits::SHORT_TEXT),
            (
                "Notiz zur Einwilligung",
                self.consent_note.as_deref(),
                limits::SHORT_TEXT,
            ),
        ];
        for (label, value, max) in texts {
            if let Some(e) = value.and_then(|v| limits::check_length(label, v, max)) {
                errors.push(e);
            }
        }

        self.emails.retain(|e| !e.address.trim().is_empty());
        // An index only where it is needed to tell several addresses apart, so a single bad
        // address stays a plain `Error::Validation` (as imports with one address per row expect).
        let several = self.emails.len() > 1;
        for (i, email) in self.emails.iter_mut().enumerate() {
            email.address = email.address.trim().to_owned();
            let problem = limits::check_length("E-Mail-Adresse", &email.address, limits::EMAIL)
                .or_else(|| check_email(&email.address).err().and_then(first_field_error));
            if let Some(e) = problem {
                errors.push(if several { e.at(i) } else { e });
            }
            if !EMAIL_KINDS.contains(&email.kind.as_str()) {
                email.kind = "other".into();
            }
        }
        let first_preferred = self.emails.iter().position(|e| e.preferred).unwrap_or(0);
        for (i, email) in self.emails.iter_mut().enumerate() {
            email.preferred = i == first_preferred;
        }

        self.phones.retain(|p| !p.number.trim().is_empty());
        let several = self.phones.len() > 1;
        for (i, phone) in self.phones.iter_mut().enumerate() {
            phone.number = phone.number.trim().to_owned();
            let problem = limits::check_length("Telefon", &phone.number, limits::PHONE).or_else(|| {
                check_phone("Telefon", &phone.number)
                    .err()
                    .and_then(first_field_error)
            });
            if let Some(e) = problem {
                errors.push(if several { e.at(i) } else { e });
            }
            if !PHONE_KINDS.contains(&phone.kind.as_str()) {
                phone.kind = "other".into();
            }
        }
        let first_preferred = self.phones.iter().position(|p| p.preferred).unwrap_or(0);
        for (i, phone) in self.phones.iter_mut().enumerate() {
            phone.preferred = i == first_preferred;
        }

        let mut groups: Vec<String> = Vec::new();
        for g in self.groups.iter().map(|g| g.trim()).filter(|g| !g.is_empty()) {
            if let Some(e) = limits::check_length("Gruppen", g, limits::GROUP) {
                errors.push(e);
            } else if !groups.iter().any(|x| x.eq_ignore_ascii_case(g)) {
                groups.push(g.to_owned());
            }
        }
        self.groups = groups;

        self.consent_date = match clean(self.consent_date.take()) {
            Some(text) => match parse_date("Einwilligung am", &text) {
                Ok(date) => Some(date.format("%Y-%m-%d").to_string()),
                Err(e) => {
                    errors.extend(e.field_errors());
                    Some(text)
                }
            },
            None => None,
        };
        match Error::from_fields(errors) {
            Some(err) => Err(err),
            None => Ok(self),
        }
    }
}

/// The field error inside a single-field validation error (the checks below return those).
fn first_field_error(err: Error) -> Option<FieldError> {
    err.field_errors().into_iter().next()
}

/// A plausible e-mail address: one @, something before it, a domain with a dot after it, no spaces.
/// (Deliverability can only be known by sending; this catches typos.)
pub fn check_email(address: &str) -> Result<()> {
    let invalid = || {
        Error::validation(
            "E-Mail-Adresse",
            format!("„{address}“ ist keine gültige E-Mail-Adresse (Beispiel: name@landkreis.de)."),
        )
    };
    let (local, domain) = address.split_once('@').ok_or_else(invalid)?;
    let ok = !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
        && !address
            .chars()
            .any(|c| c.is_whitespace() || c == ',' || c == ';' || c == '<' || c == '>');
    if ok { Ok(()) } else { Err(invalid()) }
}

/// 24.11.2026 or 2026-11-24.
pub fn parse_date(field: &str, text: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(text, "%d.%m.%Y")
        .or_else(|_| NaiveDate::parse_from_str(text, "%Y-%m-%d"))
        .map_err(|_| Error::validation(field, format!("„{text}“ ist kein gültiges Datum (TT.MM.JJJJ).")))
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct Email {
    pub address: String,
    pub kind: String,
    pub preferred: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct Phone {
    pub number: String,
    pub kind: String,
    pub preferred: bool,
}

/// A contact with everything stored about it (detail view, "Auskunft" under DSGVO).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct Contact {
    pub id: i64,
    pub salutation: Option<String>,
    pub title: Option<String>,
    pub first_name: Option<String>,
    pub last_name: String,
    pub function: Option<String>,
    pub organisation_id: Option<i64>,
    pub organisation_name: Option<String>,
    pub street: Option<String>,
    pub postal_code: Option<String>,
    pub city: Option<String>,
    pub notes: Option<String>,
    pub consent_basis: Option<String>,
    pub consent_date: Option<String>,
    pub consent_source: Option<String>,
    pub consent_note: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    /// Raised by one with every update; send it back as `ContactInput::expected_version`.
    pub version: i64,
    /// When the person's data were erased (Art. 17 DSGVO): the row is only a placeholder that old
    /// minutes point at, shown read-only and never saved again. Left out of the JSON while `None`,
    /// so exports and the Auskunft keep their shape.
    #[sqlx(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub anonymised_at: Option<String>,
    #[sqlx(skip)]
    pub emails: Vec<Email>,
    #[sqlx(skip)]
    pub phones: Vec<Phone>,
    #[sqlx(skip)]
    pub groups: Vec<String>,
}

/// One line of the contacts list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct ContactRow {
    pub id: i64,
    pub title: Option<String>,
    pub first_name: Option<String>,
    pub last_name: String,
    pub function: Option<String>,
    pub organisation_name: Option<String>,
    pub district_name: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
}

/// What the contacts list can be narrowed to; all criteria must hold.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct ContactFilter {
    /// Words typed into the search box (prefix match, umlaut-insensitive).
    pub query: Option<String>,
    pub district_ags: Option<String>,
    pub region_code: Option<String>,
    pub organisation_kind: Option<crate::organisation::OrganisationKind>,
    pub group: Option<String>,
    /// Only these contacts (the rows the user selected); `None` for no such restriction.
    pub ids: Option<Vec<i64>>,
}

/// A contact named on the command line by its number ("12", "Nr. 12"); `None` for a name.
pub fn contact_number(reference: &str) -> Option<i64> {
    reference.trim().trim_start_matches("Nr.").trim().parse().ok()
}

/// The one contact a name means: refused when the search finds none or several (then the
/// number must be given).
pub fn one_contact(reference: &str, found: &[i64]) -> Result<i64> {
    let reference = reference.trim();
    match found {
        [one] => Ok(*one),
        [] => Err(Error::NotFound {
            what: format!("Ein Kontakt „{reference}“"),
        }),
        many => Err(Error::validation(
            "Kontakt",
            format!(
                "„{reference}“ passt auf {}. Bitte geben Sie die Nummer des Kontakts an.",
                crate::format::count(many.len(), crate::format::Noun::Kontakt)
            ),
        )),
    }
}

#[cfg(test)]
mod tests;

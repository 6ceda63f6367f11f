//! Organisations of the network: Landratsämter, Stadtverwaltungen, the ministry, associations …
//! each optionally in one of the 44 Stadt- und Landkreise.

use serde::{Deserialize, Serialize};

use crate::error::FieldError;
use crate::field::{check_phone, clean};
use crate::limits;
use crate::{Error, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, sqlx::Type)]
#[serde(rename_all = "snake_case")]
#[sqlx(type_name = "TEXT", rename_all = "snake_case")]
pub enum OrganisationKind {
    Landratsamt,
    Stadtverwaltung,
    Gemeindeverwaltung,
    Ministerium,
    Regierungspraesidium,
    KommunalerLandesverband,
    Migrantenorganisation,
    Wohlfahrtsverband,
    Bildungstraeger,
    Sonstige,
}

impl OrganisationKind {
    pub const ALL: [OrganisationKind; 10] = [
        OrganisationKind::Landratsamt,
        OrganisationKind::Stadtverwaltung,
        OrganisationKind::Gemeindeverwaltung,
        OrganisationKind::Ministerium,
        OrganisationKind::Regierungspraesidium,
        OrganisationKind::KommunalerLandesverband,
        OrganisationKind::Migrantenorganisation,
        OrganisationKind::Wohlfahrtsverband,
        OrganisationKind::Bildungstraeger,
        OrganisationKind::Sonstige,
    ];

    pub fn label(self) -> &'static str {
        match self {
            OrganisationKind::Landratsamt => "Landratsamt",
            OrganisationKind::Stadtverwaltung => "Stadtverwaltung",
            OrganisationKind::Gemeindeverwaltung => "Gemeindeverwaltung",
            OrganisationKind::Ministerium => "Ministerium",
            OrganisationKind::Regierungspraesidium => "Regierungspräsidium",
            OrganisationKind::KommunalerLandesverband => "Kommunaler Landesverband",
            OrganisationKind::Migrantenorganisation => "Migrantenorganisation",
            OrganisationKind::Wohlfahrtsverband => "Wohlfahrtsverband",
            OrganisationKind::Bildungstraeger => "Bildungsträger",
            OrganisationKind::Sonstige => "Sonstige",
        }
    }

    /// A kind for an organisation known only by its name (e.g. from an import), where the name
    /// makes it plain; `Sonstige` when unsure, because a wrong kind is worse than none: the user
    /// filters and counts by it. Words are compared whole and umlaut-folded, so "Stadtjugendring"
    /// is not a "Stadt" and "Kirchengemeinde" not a "Gemeinde".
    pub fn guess_from_name(name: &str) -> OrganisationKind {
        use OrganisationKind as K;
        let folded = crate::search::fold(name);
        let words: Vec<&str> = folded
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        let word = |w: &str| words.contains(&w);
        // The first word, not cut off by a hyphen: "Stadt- und Kreisjugendring" is no "Stadt".
        let starts = |w: &str| {
            folded.trim_start().strip_prefix(w).is_some_and(|rest| {
                rest.chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric() && c != '-')
            })
        };
        let part = |p: &str| words.iter().any(|w| w.contains(p));
        // Welfare first: "Caritas der Kirchengemeinde", "Diakonie der Stadt …" are welfare.
        if part("diakonie")
            || part("diakonisch")
            || part("caritas")
            || part("arbeiterwohlfahrt")
            || word("awo")
            || word("drk")
            || (word("rotes") && word("kreuz"))
            || part("paritatisch")
            || part("wohlfahrtsverband")
        {
            return K::Wohlfahrtsverband;
        }
        if part("volkshochschule") || word("vhs") {
            return K::Bildungstraeger;
        }
        // Parishes, mosques and religious communities call themselves "Gemeinde" too.
        if word("kirche")
            || part("kirchengemeinde")
            || part("kirchenbezirk")
            || part("pfarramt")
            || part("pfarrei")
            || part("moschee")
            || word("ditib")
            || part("islamisch")
            || part("evangelisch")
            || part("katholisch")
        {
            return K::Sonstige;
        }
        if part("landratsamt") {
            return K::Landratsamt;
        }
        if part("ministerium") {
            return K::Ministerium;
        }
        if part("regierungsprasidium") {
            return K::Regierungspraesidium;
        }
        if word("landkreistag") || word("stadtetag") || word("gemeindetag") {
            return K::KommunalerLandesverband;
        }
        // A town's administration names itself by its title first ("Stadt Mannheim",
        // "Landeshauptstadt Stuttgart") or as "… der Stadt Ulm"; "Stadtjugendring", "Stadtwerke"
        // and "Griechische Gemeinde" are other things.
        let after_der = |w: &str| words.windows(2).any(|pair| pair == ["der", w]);
        if [
            "stadt",
            "stadtverwaltung",
            "landeshauptstadt",
            "universitatsstadt",
            "stadtkreis",
        ]
        .iter()
        .any(|w| starts(w))
            || (starts("grosse") && words.get(1) == Some(&"kreisstadt"))
            || word("stadtverwaltung")
            || after_der("stadt")
        {
            return K::Stadtverwaltung;
        }
        if ["gemeinde", "gemeindeverwaltung", "burgermeisteramt"]
            .iter()
            .any(|w| starts(w))
            || word("gemeindeverwaltung")
            || after_der("gemeinde")
        {
            return K::Gemeindeverwaltung;
        }
        K::Sonstige
    }
}

/// What the form (or an import) sends to create or change an organisation.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganisationInput {
    pub name: String,
    pub kind: Option<OrganisationKind>,
    pub district_ags: Option<String>,
    pub street: Option<String>,
    pub postal_code: Option<String>,
    pub city: Option<String>,
    pub phone: Option<String>,
    pub web: Option<String>,
    pub notes: Option<String>,
    /// The `version` the form was filled from; see `ContactInput::expected_version`.
    #[serde(default)]
    pub expected_version: Option<i64>,
}

impl OrganisationInput {
    /// Trims every field, turns empty strings into `None` and checks what a person can get wrong;
    /// every problem at once, each naming its field (see `ContactInput::normalised`).
    pub fn normalised(mut self) -> Result<OrganisationInput> {
        let mut errors: Vec<FieldError> = Vec::new();
        self.name = self.name.trim().to_owned();
        if self.name.is_empty() {
            errors.push(FieldError::new(
                "Name",
                "Bitte geben Sie den Namen der Organisation ein.",
            ));
        }
        for field in [
            &mut self.district_ags,
            &mut self.street,
            &mut self.postal_code,
            &mut self.city,
            &mut self.web,
            &mut self.notes,
        ] {
            *field = clean(field.take());
        }
        self.phone = clean(self.phone.take());
        // In form order.
        let texts: [(&str, Option<&str>, usize); 7] = [
            ("Name", Some(self.name.as_str()), limits::NAME),
            ("Straße", self.street.as_deref(), limits::NAME),
            ("PLZ", self.postal_code.as_deref(), limits::POSTAL_CODE),
            ("Ort", self.city.as_deref(), limits::NAME),
            ("Telefon", self.phone.as_deref(), limits::PHONE),
            ("Internetseite", self.web.as_deref(), limits::WEB),
            ("Notizen", self.notes.as_deref(), limits::NOTES),
        ];
        for (label, value, max) in texts {
            let Some(value) = value else { continue };
            if let Some(e) = limits::check_length(label, value, max) {
                errors.push(e);
            } else if label == "Telefon"
                && let Err(e) = check_phone(label, value)
            {
                errors.extend(e.field_errors());
            }
        }
        match Error::from_fields(errors) {
            Some(err) => Err(err),
            None => Ok(self),
        }
    }
}

/// An organisation as stored, with the names the list shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct Organisation {
    pub id: i64,
    pub name: String,
    pub kind: OrganisationKind,
    pub district_ags: Option<String>,
    pub district_name: Option<String>,
    pub region_name: Option<String>,
    pub street: Option<String>,
    pub postal_code: Option<String>,
    pub city: Option<String>,
    pub phone: Option<String>,
    pub web: Option<String>,
    pub notes: Option<String>,
    pub contact_count: i64,
    pub created_at: String,
    pub updated_at: String,
    /// Raised by one with every update; send it back as `OrganisationInput::expected_version`.
    pub version: i64,
}

/// What to do with an organisation's contacts when it is deleted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContactsOnDelete {
    /// Refuse if it still has contacts (the default; the UI then asks).
    Refuse,
    /// Keep the contacts, without organisation.
    Detach,
    /// Delete the contacts too.
    Delete,
}

/// How the command line names an organisation: its number ("12") or a name, whole or its
/// beginning. An empty reference is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OrganisationReference {
    Number(i64),
    Name(String),
}

impl OrganisationReference {
    pub fn parse(reference: &str) -> Result<OrganisationReference> {
        let reference = reference.trim();
        if reference.is_empty() {
            return Err(Error::validation(
                "Organisation",
                "Bitte geben Sie die Organisation an: ihre Nummer oder ihren Namen.",
            ));
        }
        Ok(match reference.parse::<i64>() {
            Ok(id) => OrganisationReference::Number(id),
            Err(_) => OrganisationReference::Name(reference.to_owned()),
        })
    }
}

/// The refusal for a number no organisation has.
pub fn no_organisation_numbered(id: i64) -> Error {
    Error::validation(
        "Organisation",
        format!("Es gibt keine Organisation mit der Nummer {id}."),
    )
}

/// The one organisation whose name begins with `reference` (`starts`: id and name of up to four
/// that do, in list order); a German message names what did not match, or the candidates when
/// the beginning fits several.
pub fn one_organisation_starting(reference: &str, starts: &[(i64, String)]) -> Result<i64> {
    match starts {
        [] => Err(Error::validation(
            "Organisation",
            format!("Es gibt keine Organisation „{reference}“."),
        )),
        [(id, _)] => Ok(*id),
        several => {
            let names: Vec<String> = several
                .iter()
                .take(3)
                .map(|(_, name)| format!("„{name}“"))
                .collect();
            let more = if several.len() > 3 { " und weitere" } else { "" };
            Err(Error::validation(
                "Organisation",
                format!(
                    "„{reference}“ passt zu mehreren Organisationen: {}{more}. Bitte geben Sie den vollen Namen oder die Nummer an.",
                    names.join(", ")
                ),
            ))
        }
    }
}

#[cfg(test)]
mod tests;

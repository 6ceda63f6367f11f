//! Organisations of the network: Landratsämter, Stadtverwaltungen, the ministry, associations …
//! each optionally in one of the 44 Stadt- und Landkreise.

use serde::{Deserialize, Serialize};

use crate::error::FieldError;
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

    /// A sensible kind for an organisation known only by its name (e.g. from an import).
    pub fn guess_from_name(name: &str) -> OrganisationKind {
        let n = name.to_lowercase();
        let rules: [(&str, OrganisationKind); 9] = [
            ("landratsamt", OrganisationKind::Landratsamt),
            ("ministerium", OrganisationKind::Ministerium),
            ("regierungspräsidium", OrganisationKind::Regierungspraesidium),
            ("landkreistag", OrganisationKind::KommunalerLandesverband),
            ("städtetag", OrganisationKind::KommunalerLandesverband),
            ("gemeindetag", OrganisationKind::KommunalerLandesverband),
            ("gemeinde", OrganisationKind::Gemeindeverwaltung),
            ("stadt", OrganisationKind::Stadtverwaltung),
            ("caritas", OrganisationKind::Wohlfahrtsverband),
        ];
        rules
            .iter()
            .find(|(needle, _)| n.contains(needle))
            .map(|(_, k)| *k)
            .unwrap_or(OrganisationKind::Sonstige)
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
                && let Err(e) = crate::contact::check_phone(label, value)
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
}

/// Trimmed, `None` when empty.
pub(crate) fn clean(value: Option<String>) -> Option<String> {
    value.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_name_is_rejected_with_the_field_name() {
        let err = OrganisationInput {
            name: "   ".into(),
            ..Default::default()
        }
        .normalised()
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "Name: Bitte geben Sie den Namen der Organisation ein."
        );
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let err = OrganisationInput {
            name: " ".into(),
            phone: Some("keine".into()),
            notes: Some("n".repeat(limits::NOTES + 1)),
            ..Default::default()
        }
        .normalised()
        .unwrap_err();
        let fields: Vec<String> = err.field_errors().into_iter().map(|e| e.field).collect();
        assert_eq!(fields, ["Name", "Telefon", "Notizen"]);
        assert!(
            err.to_string().starts_with("Bitte prüfen Sie 3 Angaben: Name: "),
            "{err}"
        );
        let err = OrganisationInput {
            name: "L".repeat(201),
            ..Default::default()
        }
        .normalised()
        .unwrap_err();
        assert!(
            err.to_string().starts_with("Name: Höchstens 200 Zeichen"),
            "{err}"
        );
    }

    #[test]
    fn kinds_are_guessed_from_names() {
        assert_eq!(
            OrganisationKind::guess_from_name("Landratsamt Tübingen"),
            OrganisationKind::Landratsamt
        );
        assert_eq!(
            OrganisationKind::guess_from_name("Stadt Mannheim"),
            OrganisationKind::Stadtverwaltung
        );
        assert_eq!(
            OrganisationKind::guess_from_name("Ministerium für Soziales, Gesundheit und Integration"),
            OrganisationKind::Ministerium
        );
        assert_eq!(
            OrganisationKind::guess_from_name("Verein XY"),
            OrganisationKind::Sonstige
        );
    }
}

//! Organisations of the network: Landratsämter, Stadtverwaltungen, the ministry, associations …
//! each optionally in one of the 44 Stadt- und Landkreise.

use serde::{Deserialize, Serialize};

use crate::field::{check_phone, clean};
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
    /// The `version` the form was filled from; see `ContactInput::expected_version`.
    #[serde(default)]
    pub expected_version: Option<i64>,
}

impl OrganisationInput {
    /// Trims every field, turns empty strings into `None` and checks what a person can get wrong.
    pub fn normalised(mut self) -> Result<OrganisationInput> {
        self.name = self.name.trim().to_owned();
        if self.name.is_empty() {
            return Err(Error::validation(
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
        if let Some(phone) = &self.phone {
            check_phone("Telefon", phone)?;
        }
        Ok(self)
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

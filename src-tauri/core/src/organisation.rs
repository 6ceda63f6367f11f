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

    fn kinds_of(names: &[&str], kind: OrganisationKind) {
        for name in names {
            assert_eq!(OrganisationKind::guess_from_name(name), kind, "{name}");
        }
    }

    #[test]
    fn welfare_associations_are_recognised() {
        kinds_of(
            &[
                "Diakonie Württemberg",
                "Diakonisches Werk Baden",
                "Kreisdiakonieverband Esslingen",
                "Caritasverband für Stuttgart e. V.",
                "AWO Kreisverband Tübingen",
                "Arbeiterwohlfahrt Bezirksverband Baden",
                "DRK-Kreisverband Reutlingen",
                "Deutsches Rotes Kreuz, Landesverband Baden-Württemberg",
                "Der Paritätische Baden-Württemberg",
                "Paritaetischer Wohlfahrtsverband",
                "Caritas der Kirchengemeinde St. Martin",
            ],
            OrganisationKind::Wohlfahrtsverband,
        );
        // "awo"/"drk" only as whole words.
        kinds_of(&["Hawos GmbH", "Drkopf Verlag"], OrganisationKind::Sonstige);
    }

    #[test]
    fn adult_education_centres_are_bildungstraeger() {
        kinds_of(
            &[
                "Volkshochschule Tübingen",
                "VHS Reutlingen",
                "vhs Stuttgart",
                "Volkshochschule der Stadt Ulm",
            ],
            OrganisationKind::Bildungstraeger,
        );
    }

    #[test]
    fn parishes_and_mosques_are_not_gemeindeverwaltungen() {
        kinds_of(
            &[
                "Katholische Kirchengemeinde St. Martin",
                "Evangelische Kirchengemeinde Tübingen",
                "Evangelische Gemeinde Ludwigsburg",
                "Katholisches Pfarramt St. Georg",
                "Pfarrei Heilig Kreuz",
                "DITIB Türkisch-Islamische Gemeinde zu Ulm e. V.",
                "Islamische Gemeinde Stuttgart",
                "Griechische Gemeinde Stuttgart e. V.",
                "Moscheeverein Heilbronn",
            ],
            OrganisationKind::Sonstige,
        );
    }

    #[test]
    fn town_bodies_that_are_not_the_administration_are_sonstige() {
        kinds_of(
            &[
                "Stadtjugendring Stuttgart e. V.",
                "Stadtwerke Tübingen",
                "Stadtbibliothek Reutlingen",
                "Stadt- und Kreisjugendring",
                "Gemeindepsychiatrisches Zentrum",
                "Integrationsbüro",
            ],
            OrganisationKind::Sonstige,
        );
    }

    #[test]
    fn administrations_are_recognised_by_their_title() {
        kinds_of(
            &[
                "Stadt Mannheim",
                "Stadtverwaltung Freiburg im Breisgau",
                "Landeshauptstadt Stuttgart",
                "Universitätsstadt Tübingen",
                "Große Kreisstadt Aalen",
                "Integrationsbeauftragte der Stadt Ulm",
                "Stadt Mannheim, Fachbereich Integration",
            ],
            OrganisationKind::Stadtverwaltung,
        );
        kinds_of(
            &[
                "Gemeinde Ammerbuch",
                "Gemeindeverwaltung Ammerbuch",
                "Bürgermeisteramt Abstatt",
                "Buergermeisteramt Abstatt",
                // Not a church for containing "kirche".
                "Gemeinde Kirchentellinsfurt",
            ],
            OrganisationKind::Gemeindeverwaltung,
        );
        kinds_of(
            &[
                "Landratsamt Böblingen",
                "Integrationsbeauftragte im Landratsamt Calw",
            ],
            OrganisationKind::Landratsamt,
        );
        kinds_of(
            &[
                "Ministerium für Soziales, Gesundheit und Integration",
                "Sozialministerium",
            ],
            OrganisationKind::Ministerium,
        );
        kinds_of(
            &["Regierungspräsidium Karlsruhe", "Regierungspraesidium Tübingen"],
            OrganisationKind::Regierungspraesidium,
        );
        kinds_of(
            &[
                "Landkreistag Baden-Württemberg",
                "Städtetag Baden-Württemberg",
                "Gemeindetag Baden-Württemberg",
            ],
            OrganisationKind::KommunalerLandesverband,
        );
    }
}

//! Unit tests of the organisation rules: kinds, input, references.

use super::*;

#[test]
fn an_organisation_is_named_by_number_or_by_the_one_name_that_begins_so() {
    assert_eq!(
        OrganisationReference::parse(" 12 ").ok(),
        Some(OrganisationReference::Number(12))
    );
    assert_eq!(
        OrganisationReference::parse("Landratsamt").ok(),
        Some(OrganisationReference::Name("Landratsamt".into()))
    );
    assert!(OrganisationReference::parse("  ").is_err());
    assert_eq!(
        one_organisation_starting("LRA", &[(3, "LRA Tübingen".into())]).ok(),
        Some(3)
    );
    let none = one_organisation_starting("X", &[]).unwrap_err().to_string();
    assert!(none.contains("keine Organisation „X“"), "{none}");
    let four: Vec<(i64, String)> = (1..=4).map(|i| (i, format!("Amt {i}"))).collect();
    let many = one_organisation_starting("Amt", &four).unwrap_err().to_string();
    assert!(many.contains("„Amt 1“, „Amt 2“, „Amt 3“ und weitere"), "{many}");
}

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

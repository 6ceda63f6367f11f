//! The Kreis an import gives a new organisation, against the real 44 districts of the migration and
//! the shipped list of Gemeinden (for now the 9 Stadtkreise): certain where the name or Ort makes it
//! so, empty where not. What needs ordinary Gemeinden is checked against an invented list.
#![allow(clippy::unwrap_used)]

use chrono::{TimeZone, Utc};
use netzwerkmappe_core::district::{District, DistrictFilter, DistrictKind};
use netzwerkmappe_core::district_derivation::{DistrictNames, derive_district};
use netzwerkmappe_core::gemeinde::{Gemeinden, single_district};
use netzwerkmappe_core::import::plan::DuplicateAction;
use netzwerkmappe_core::store::Store;
use netzwerkmappe_core::usecase;

async fn districts() -> Vec<District> {
    let store = Store::open_in_memory().await.unwrap();
    let all = store.list_districts(&DistrictFilter::default()).await.unwrap();
    assert_eq!(all.len(), 44);
    all
}

/// The derived Kreisschlüssel for (Kreis column, organisation, Ort).
fn ags(all: &[District], kreis: &str, organisation: &str, city: &str) -> Option<String> {
    fn opt(s: &str) -> Option<&str> {
        Some(s).filter(|s| !s.is_empty())
    }
    derive_district(all, opt(kreis), organisation, opt(city)).map(|d| d.ags.clone())
}

#[tokio::test]
async fn every_landratsamt_names_its_landkreis() {
    let all = districts().await;
    let landkreise: Vec<&District> = all.iter().filter(|d| d.kind == DistrictKind::Landkreis).collect();
    assert_eq!(landkreise.len(), 35);
    for d in landkreise {
        for name in [
            format!("Landratsamt {}", d.name),
            format!("Landkreis {}", d.name),
            format!("Landratsamt {}, Integrationsbeauftragte", d.name),
        ] {
            assert_eq!(ags(&all, "", &name, ""), Some(d.ags.clone()), "{name}");
        }
        // The Ort of the Landratsamt does not override its name (Heilbronn's sits in the Stadtkreis).
        let name = format!("Landratsamt {}", d.name);
        assert_eq!(ags(&all, "", &name, "Mannheim"), Some(d.ags.clone()), "{name}");
    }
    // The examples, and the umlaut-free spelling of a typed list.
    assert_eq!(
        ags(&all, "", "Landratsamt Böblingen", "").as_deref(),
        Some("08115")
    );
    assert_eq!(
        ags(&all, "", "Landratsamt Ortenaukreis", "").as_deref(),
        Some("08317")
    );
    assert_eq!(
        ags(&all, "", "Landratsamt Rems-Murr-Kreis", "").as_deref(),
        Some("08119")
    );
    assert_eq!(
        ags(&all, "", "Landratsamt Loerrach", "").as_deref(),
        Some("08336")
    );
    assert_eq!(
        ags(&all, "", "Ortenaukreis – Amt für Migration", "").as_deref(),
        Some("08317")
    );
    assert_eq!(
        ags(&all, "", "Landratsamt des Landkreises Tübingen", "").as_deref(),
        Some("08416")
    );
}

#[tokio::test]
async fn every_stadtkreis_is_named_by_its_town() {
    let all = districts().await;
    let stadtkreise: Vec<&District> = all
        .iter()
        .filter(|d| d.kind == DistrictKind::Stadtkreis)
        .collect();
    assert_eq!(stadtkreise.len(), 9);
    for d in stadtkreise {
        for name in [
            format!("Stadt {}", d.name),
            format!("Stadtverwaltung {}", d.name),
            format!("Stadt {} – Integrationsbüro", d.name),
        ] {
            assert_eq!(ags(&all, "", &name, ""), Some(d.ags.clone()), "{name}");
        }
        // A club in the town: its Ort is the Stadtkreis.
        assert_eq!(
            ags(&all, "", "Verein Miteinander e. V.", &d.name),
            Some(d.ags.clone())
        );
    }
    assert_eq!(ags(&all, "", "Stadt Mannheim", "").as_deref(), Some("08222"));
    assert_eq!(
        ags(&all, "", "Stadtverwaltung Freiburg im Breisgau", "").as_deref(),
        Some("08311")
    );
    assert_eq!(ags(&all, "", "Stadt Freiburg", "").as_deref(), Some("08311"));
    assert_eq!(
        ags(&all, "", "Landeshauptstadt Stuttgart", "").as_deref(),
        Some("08111")
    );
}

/// Invented Gemeinden with clearly invented keys (no real Gemeinde has a number above 900) in
/// real Kreise, in the official list's form, plus four Stadtkreise as the shipped list has them.
const FIXTURE: &str = "# invented for tests\n\
    ags\tname\n\
    08111000\tStuttgart\n\
    08121000\tHeilbronn\n\
    08212000\tKarlsruhe\n\
    08311000\tFreiburg im Breisgau\n\
    08115990\tMusterhausen, Stadt\n\
    08116990\tBeispieldorf\n\
    08416990\tBeispieldorf\n\
    08125990\tNeckarmüstingen, Stadt\n\
    08215990\tBrunnenfeld, Stadt\n\
    08416991\tMusterburg am Neckar, Stadt\n\
    08336990\tMusterberg am Rhein, Stadt\n\
    08115991\tMusterberg im Schönbuch\n\
    08317990\tLahrmuster (Schwarzwald), Stadt\n\
    08435990\tSeemusterhafen, Stadt\n\
    08116991\tEsslmuster am Neckar, Stadt\n\
    08136990\tOstmusterstadt, Große Kreisstadt\n";

/// The derived Kreisschlüssel for (Kreis column, organisation, Ort) against the invented list.
fn ags_with(names: &DistrictNames, kreis: &str, organisation: &str, city: &str) -> Option<String> {
    fn opt(s: &str) -> Option<&str> {
        Some(s).filter(|s| !s.is_empty())
    }
    names
        .derive(opt(kreis), organisation, opt(city))
        .map(|d| d.ags.clone())
}

#[tokio::test]
async fn gemeinden_are_put_in_their_kreis_unless_their_name_is_shared() {
    let all = districts().await;
    let list = Gemeinden::from_tsv(FIXTURE);
    let names = DistrictNames::with_gemeinden(&all, &list);
    let ags = |kreis: &str, organisation: &str, city: &str| ags_with(&names, kreis, organisation, city);
    assert_eq!(ags("", "Stadt Musterhausen", "").as_deref(), Some("08115"));
    assert_eq!(
        ags("", "Gemeindeverwaltung Musterhausen", "").as_deref(),
        Some("08115")
    );
    assert_eq!(
        ags("", "Bürgermeisteramt Neckarmüstingen", "").as_deref(),
        Some("08125")
    );
    assert_eq!(
        ags("", "Große Kreisstadt Ostmusterstadt", "").as_deref(),
        Some("08136")
    );
    assert_eq!(ags("", "Stadt Musterberg am Rhein", "").as_deref(), Some("08336"));
    assert_eq!(
        ags("", "Stadt Musterburg am Neckar", "").as_deref(),
        Some("08416")
    );
    assert_eq!(
        ags("", "Stadt Lahrmuster (Schwarzwald)", "").as_deref(),
        Some("08317")
    );
    assert_eq!(
        ags("", "Universitätsstadt Musterburg", "").as_deref(),
        Some("08416")
    );
    // Beispieldorf is a Gemeinde in the Landkreise Esslingen and Tübingen, "Musterberg" could be
    // Musterberg am Rhein or Musterberg im Schönbuch: nothing is guessed.
    assert_eq!(ags("", "Gemeinde Beispieldorf", ""), None);
    assert_eq!(ags("", "Stadt Musterberg", ""), None);
    assert_eq!(ags("", "Verein Miteinander e. V.", "Beispieldorf"), None);
    assert_eq!(ags("", "Verein Miteinander e. V.", "Musterberg"), None);
    // Not in the list at all.
    assert_eq!(ags("", "Gemeinde Nirgendwo", ""), None);

    // Every Gemeinde of the list, as "Gemeinde <official name>" and as an Ort: its Kreis, or none
    // when that name also belongs to a Gemeinde in another Kreis.
    let mut certain = 0;
    for g in list.all() {
        let shared = single_district(&list.find(&g.name)).is_none();
        let expected = (!shared).then(|| g.district_ags().to_owned());
        let name = format!("Gemeinde {}", g.name);
        assert_eq!(ags("", &name, ""), expected, "{name}");
        assert_eq!(ags("", "Verein Miteinander e. V.", &g.name), expected, "{name}");
        certain += usize::from(!shared);
    }
    // Only the two Beispieldorf share their official name.
    assert_eq!(certain, list.all().len() - 2, "{certain}");
}

#[tokio::test]
async fn the_ort_and_the_column_decide_with_ordinary_gemeinden() {
    let all = districts().await;
    let list = Gemeinden::from_tsv(FIXTURE);
    let names = DistrictNames::with_gemeinden(&all, &list);
    let ags = |kreis: &str, organisation: &str, city: &str| ags_with(&names, kreis, organisation, city);
    let club = "Deutsch-Türkischer Kulturverein e. V.";
    assert_eq!(ags("", club, "Neckarmüstingen").as_deref(), Some("08125"));
    assert_eq!(
        ags("", club, "72108 Musterburg am Neckar").as_deref(),
        Some("08416")
    );
    assert_eq!(ags("", "Landratsamt", "Seemusterhafen").as_deref(), Some("08435"));
    // Name and Ort disagree: neither is certain. They agree: fine.
    assert_eq!(ags("", "Caritas Stuttgart", "Esslmuster am Neckar"), None);
    assert_eq!(
        ags("", "Caritas Tübingen", "Musterburg am Neckar").as_deref(),
        Some("08416")
    );
    // A town in the Landkreis settles the ambiguous column "Heilbronn" / "Karlsruhe".
    assert_eq!(
        ags("Heilbronn", "Verein Miteinander e. V.", "Neckarmüstingen").as_deref(),
        Some("08125")
    );
    assert_eq!(
        ags("Karlsruhe", "Stadt Brunnenfeld", "").as_deref(),
        Some("08215")
    );
    // A column that names the Kreis exactly wins; one that names no BW Kreis keeps it empty.
    assert_eq!(
        ags("Stadtkreis Heilbronn", "Stadt Neckarmüstingen", "").as_deref(),
        Some("08121")
    );
    assert_eq!(
        ags("Tübingen", "Stadt Musterhausen", "Musterhausen").as_deref(),
        Some("08416")
    );
    assert_eq!(ags("Berlin", "Verein Miteinander e. V.", "Neckarmüstingen"), None);
    assert_eq!(ags("  ", "Stadt Neckarmüstingen", "").as_deref(), Some("08125"));
    // The shipped list does not know these Gemeinden yet: nothing is derived from them there.
    assert_eq!(
        DistrictNames::new(&all).derive(None, "Stadt Neckarmüstingen", Some("Neckarmüstingen")),
        None
    );
}

#[tokio::test]
async fn heilbronn_and_karlsruhe_are_decided_by_the_organisation() {
    let all = districts().await;
    for (town, stadt, land) in [("Heilbronn", "08121", "08125"), ("Karlsruhe", "08212", "08215")] {
        let lra = format!("Landratsamt {town}");
        let stadtverwaltung = format!("Stadt {town}");
        // The row's Kreis column says only the town's name.
        assert_eq!(ags(&all, town, &lra, "").as_deref(), Some(land), "{lra}");
        assert_eq!(ags(&all, town, &stadtverwaltung, "").as_deref(), Some(stadt));
        assert_eq!(ags(&all, town, "Verein Miteinander e. V.", ""), None, "{town}");
        // No Kreis column: the name alone.
        assert_eq!(ags(&all, "", &lra, "").as_deref(), Some(land));
        assert_eq!(ags(&all, "", &stadtverwaltung, "").as_deref(), Some(stadt));
        // The Ort is the Stadtkreis, but a Landratsamt or a Kreis-level body there is not in it.
        assert_eq!(
            ags(&all, town, "Verein Miteinander e. V.", town).as_deref(),
            Some(stadt)
        );
        assert_eq!(ags(&all, "", "Landratsamt", town), None);
        let jobcenter = format!("Jobcenter Landkreis {town}");
        assert_eq!(ags(&all, "", &jobcenter, town), None);
        assert_eq!(ags(&all, "", "DRK-Kreisverband", town), None);
    }
    // A column that names the Kreis exactly wins, as it did before names and Orte were read.
    assert_eq!(
        ags(&all, "Landkreis Heilbronn", "Stadt Heilbronn", "Heilbronn").as_deref(),
        Some("08125")
    );
}

#[tokio::test]
async fn the_ort_alone_decides_where_nothing_else_does() {
    let all = districts().await;
    let club = "Deutsch-Türkischer Kulturverein e. V.";
    assert_eq!(ags(&all, "", club, "Mannheim").as_deref(), Some("08222"));
    assert_eq!(ags(&all, "", club, "68159 Mannheim").as_deref(), Some("08222"));
    assert_eq!(ags(&all, "", club, "Freiburg").as_deref(), Some("08311"));
    assert_eq!(ags(&all, "", club, "Berlin"), None);
    assert_eq!(ags(&all, "", club, ""), None);
    // Bodies of the Land or a Regierungsbezirk belong to no Kreis, wherever they sit.
    for state in [
        "Ministerium für Soziales, Gesundheit und Integration",
        "Regierungspräsidium Stuttgart",
        "Landkreistag Baden-Württemberg",
    ] {
        assert_eq!(ags(&all, "", state, "Stuttgart"), None, "{state}");
    }
    // Name and Ort disagree: neither is certain.
    assert_eq!(ags(&all, "", "Caritas Stuttgart", "Mannheim"), None);
    assert_eq!(ags(&all, "", "Caritas Pforzheim-Enzkreis", "Pforzheim"), None);
    // They agree: fine.
    assert_eq!(
        ags(&all, "", "Caritas Mannheim", "Mannheim").as_deref(),
        Some("08222")
    );
}

#[tokio::test]
async fn the_kreis_column_comes_first_and_is_not_contradicted() {
    let all = districts().await;
    assert_eq!(
        ags(&all, "Tübingen", "Stadt Reutlingen", "Reutlingen").as_deref(),
        Some("08416")
    );
    assert_eq!(ags(&all, "08416", "", "").as_deref(), Some("08416"));
    // A column that names no BW Kreis keeps the organisation out of any.
    assert_eq!(ags(&all, "Berlin", "Verein Miteinander e. V.", "Mannheim"), None);
    assert_eq!(ags(&all, "  ", "Stadt Mannheim", "").as_deref(), Some("08222"));
}

#[tokio::test]
async fn nothing_is_guessed_for_names_that_are_not_certain() {
    let all = districts().await;
    for name in [
        "Integrationsbüro",
        "Stadtjugendring Ulm",
        "Kreisjugendring Esslingen",
        "Stadtwerke Tübingen",
        "Katholische Kirchengemeinde St. Martin",
        "Landratsamt",
        "Stadt",
        "",
    ] {
        assert_eq!(ags(&all, "", name, ""), None, "{name}");
    }
}

#[tokio::test]
async fn an_import_puts_new_organisations_in_the_kreis_their_name_or_ort_makes_certain() {
    let store = Store::open_in_memory().await.unwrap();
    let csv = "Vorname;Nachname;Firma;Ort geschäftlich\r\n\
               Anna;Abel;Landratsamt Böblingen;Böblingen\r\n\
               Bernd;Bach;Landratsamt Heilbronn;Heilbronn\r\n\
               Cem;Celik;Stadtverwaltung Freiburg im Breisgau;Freiburg im Breisgau\r\n\
               Dora;Dietz;Gemeindeverwaltung Musterhausen;Musterhausen\r\n\
               Emil;Engel;Deutsch-Türkischer Kulturverein e. V.;Mannheim\r\n\
               Gül;Gür;Ministerium für Soziales, Gesundheit und Integration;Stuttgart\r\n";
    let now = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    usecase::import::apply_import(&store, csv.as_bytes(), None, DuplicateAction::Skip, false, now)
        .await
        .unwrap();
    let organisations = store.list_organisations().await.unwrap();
    let kreis = |name: &str| {
        organisations
            .iter()
            .find(|o| o.name == name)
            .unwrap_or_else(|| panic!("{name} missing: {organisations:?}"))
            .district_ags
            .clone()
    };
    assert_eq!(kreis("Landratsamt Böblingen").as_deref(), Some("08115"));
    assert_eq!(kreis("Landratsamt Heilbronn").as_deref(), Some("08125"));
    assert_eq!(
        kreis("Stadtverwaltung Freiburg im Breisgau").as_deref(),
        Some("08311")
    );
    // A Gemeinde the shipped list does not know yet: no Kreis rather than a guess.
    assert_eq!(kreis("Gemeindeverwaltung Musterhausen"), None);
    assert_eq!(
        kreis("Deutsch-Türkischer Kulturverein e. V.").as_deref(),
        Some("08222")
    );
    assert_eq!(
        kreis("Ministerium für Soziales, Gesundheit und Integration"),
        None
    );
}

//! The files common programs write, imported through the store as the window and the CLI do:
//! nobody is lost to a phone text, Thunderbird and Google keep e-mail, phone and organisation,
//! and Excel's „Unicode-Text“ arrives with its Turkish, Polish and Cyrillic names.
#![allow(clippy::unwrap_used)]

use chrono::{TimeZone, Utc};
use netzwerkmappe_core::contact::ContactFilter;
use netzwerkmappe_core::import::plan::{DuplicateAction, RowStatus};
use netzwerkmappe_core::store::Store;
use netzwerkmappe_core::usecase;

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/data/contacts");

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap()
}

/// Imports a file into a fresh store; returns the store after checking that every row is new.
async fn import(name: &str, rows: usize) -> Store {
    let bytes = std::fs::read(format!("{DATA}/{name}")).unwrap();
    let store = Store::open_in_memory().await.unwrap();
    let preview = usecase::import::preview_import(&store, &bytes, None)
        .await
        .unwrap();
    let messages: Vec<_> = preview
        .rows
        .iter()
        .map(|r| (r.status, r.message.clone()))
        .collect();
    assert_eq!(preview.error_count, 0, "{name}: {messages:?}");
    assert_eq!(preview.new_count, rows, "{name}: {messages:?}");
    assert!(preview.rows.iter().all(|r| r.status == RowStatus::New));
    let summary = usecase::import::apply_import(&store, &bytes, None, DuplicateAction::Skip, false, now())
        .await
        .unwrap();
    assert_eq!(summary.created, rows, "{name}");
    store
}

async fn contact_named(store: &Store, last_name: &str) -> netzwerkmappe_core::contact::Contact {
    let rows = store.list_contacts(&ContactFilter::default()).await.unwrap();
    let row = rows
        .iter()
        .find(|r| r.last_name == last_name)
        .unwrap_or_else(|| panic!("{last_name} missing in {rows:?}"));
    store.get_contact(row.id).await.unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn every_new_file_imports_without_errors() {
    for (name, rows) in [
        ("excel-unicode-text-utf16le.txt", 4),
        ("excel-unicode-text-utf16be.txt", 4),
        ("thunderbird-de-windows1252.csv", 3),
        ("thunderbird-en-utf8.csv", 2),
        ("google-contacts.csv", 2),
        ("google-contacts-legacy.csv", 2),
        ("rfc6350-section8-example.vcf", 1),
        ("outlook-2003.vcf", 1),
    ] {
        import(name, rows).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn phone_texts_end_up_in_the_notes_and_numbers_are_stored() {
    let store = import("outlook-2003.vcf", 1).await;
    let jonas = contact_named(&store, "Bäuerle").await;
    let numbers: Vec<&str> = jonas.phones.iter().map(|p| p.number.as_str()).collect();
    assert_eq!(
        numbers,
        [
            "+49 (781) 805 1234",
            "+49 781 805-0-1235",
            "(0781) 12 34 56",
            "0171 / 123 45 67",
            "+49 (781) 805-9999"
        ]
    );
    assert!(
        jonas
            .notes
            .as_deref()
            .unwrap()
            .contains("Telefon (nicht erkannt): nur über Zentrale"),
        "{:?}",
        jonas.notes
    );
    assert_eq!(
        jonas.organisation_name.as_deref(),
        Some("Landratsamt Ortenaukreis")
    );

    let store = import("rfc6350-section8-example.vcf", 1).await;
    let simon = contact_named(&store, "Perreault").await;
    assert_eq!(simon.phones[0].number, "+1-418-656-9254-102");
    assert!(simon.phones[0].preferred);
}

#[tokio::test(flavor = "multi_thread")]
async fn thunderbird_and_google_keep_email_phone_and_organisation() {
    let store = import("thunderbird-de-windows1252.csv", 3).await;
    let anna = contact_named(&store, "Müller").await;
    assert_eq!(anna.emails[0].address, "a.mueller@landkreis-tuebingen.example");
    assert_eq!(anna.phones[0].number, "07071 207-0000");
    assert_eq!(anna.organisation_name.as_deref(), Some("Landratsamt Tübingen"));
    assert_eq!(anna.city.as_deref(), Some("Tübingen"));
    let zofia = contact_named(&store, "Nowak").await;
    assert_eq!(zofia.first_name.as_deref(), Some("Zofia"));

    let store = import("google-contacts.csv", 2).await;
    let gerlinde = contact_named(&store, "Weiß-Straßburger").await;
    assert_eq!(gerlinde.emails.len(), 3);
    assert_eq!(gerlinde.phones.len(), 3);
    assert_eq!(
        gerlinde.organisation_name.as_deref(),
        Some("Ministerium für Soziales, Gesundheit und Integration Baden-Württemberg")
    );
    assert_eq!(gerlinde.groups, ["Netzwerk Integration", "Sprache"]);
}

#[tokio::test(flavor = "multi_thread")]
async fn unicode_text_names_survive() {
    let store = import("excel-unicode-text-utf16le.txt", 4).await;
    for (first, last) in [
        ("Ayşe", "Yılmaz"),
        ("Małgorzata", "Wiśniewska"),
        ("Олена", "Коваленко"),
    ] {
        let contact = contact_named(&store, last).await;
        assert_eq!(contact.first_name.as_deref(), Some(first));
    }
    // Search folds them like any other name.
    let hits = store
        .list_contacts(&ContactFilter {
            query: Some("yilmaz".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(hits.len(), 1, "{hits:?}");
}

/// What the reader had to change reaches the preview row, so the person sees it before importing.
#[tokio::test(flavor = "multi_thread")]
async fn a_phone_text_that_is_no_number_is_a_warning_in_the_preview() {
    let csv = "Vorname;Nachname;Telefon geschäftlich\r\nAnna;Ortner;bitte über Zentrale\r\nBen;Berg;0711 123-45\r\n";
    let store = Store::open_in_memory().await.unwrap();
    let preview = usecase::import::preview_import(&store, csv.as_bytes(), None)
        .await
        .unwrap();
    assert_eq!(preview.new_count, 2);
    assert_eq!(preview.warning_count, 1);
    let anna = &preview.rows[0];
    assert_eq!(anna.status, RowStatus::New);
    assert_eq!(anna.warnings.len(), 1, "{:?}", anna.warnings);
    assert!(
        anna.warnings[0].contains("bitte über Zentrale"),
        "{:?}",
        anna.warnings
    );
    assert!(preview.rows[1].warnings.is_empty());
}

/// The preview says, per row, what kind and Kreis the row's organisation will have: a new one
/// the guessed kind and derived Kreis, a stored one its own (the import does not change it).
#[tokio::test(flavor = "multi_thread")]
async fn the_preview_shows_the_kind_and_kreis_of_each_rows_organisation() {
    use netzwerkmappe_core::organisation::{OrganisationInput, OrganisationKind};
    let store = Store::open_in_memory().await.unwrap();
    let stored = OrganisationInput {
        name: "Diakonie Musterdorf".into(),
        kind: Some(OrganisationKind::Sonstige),
        district_ags: Some("08416".into()),
        ..Default::default()
    };
    store.create_organisation(stored, now()).await.unwrap();
    let csv = "Vorname;Nachname;Firma\r\n\
               Anna;Ortner;Landratsamt Ortenaukreis\r\n\
               Ben;Berg;Caritasverband Beispielstadt\r\n\
               Cem;Cakir;DIAKONIE Musterdorf\r\n\
               Dora;Dorn;\r\n";
    let preview = usecase::import::preview_import(&store, csv.as_bytes(), None)
        .await
        .unwrap();
    let described: Vec<_> = preview
        .rows
        .iter()
        .map(|r| {
            (
                r.organisation_new,
                r.organisation_kind,
                r.organisation_district.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        described,
        [
            (true, Some(OrganisationKind::Landratsamt), Some("Ortenaukreis")),
            (true, Some(OrganisationKind::Wohlfahrtsverband), None),
            (false, Some(OrganisationKind::Sonstige), Some("Tübingen")),
            (false, None, None),
        ]
    );
}

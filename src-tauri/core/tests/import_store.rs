//! Importing the sample files into the store: people, organisations, duplicates, all-or-nothing.
#![allow(clippy::unwrap_used)]

use chrono::{TimeZone, Utc};
use netzwerkmappe_core::contact::{ContactFilter, ContactInput, EmailInput};
use netzwerkmappe_core::import::plan::{DuplicateAction, RowStatus};
use netzwerkmappe_core::usecase;
use netzwerkmappe_core::{ErrorCode, store::Store};

const SAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/data/samples/contacts");
const FILES: [&str; 6] = [
    "outlook-de-windows1252.csv",
    "excel-de-semicolon-windows1252.csv",
    "excel-de-semicolon-utf8-bom.csv",
    "outlook-2.1-quoted-printable.vcf",
    "apple-3.0-utf8.vcf",
    "rfc6350-4.0.vcf",
];

fn sample(name: &str) -> Vec<u8> {
    std::fs::read(format!("{SAMPLES}/{name}")).unwrap()
}

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 25, 9, 0, 0).unwrap()
}

async fn all_names(store: &Store) -> Vec<String> {
    store
        .list_contacts(&ContactFilter::default())
        .await
        .unwrap()
        .into_iter()
        .map(|c| format!("{} {}", c.first_name.unwrap_or_default(), c.last_name))
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn every_sample_imports_with_umlauts_and_organisations() {
    for file in FILES {
        let store = Store::open_in_memory().await.unwrap();
        let bytes = sample(file);
        let preview = usecase::import::preview_import(&store, &bytes, None)
            .await
            .unwrap();
        assert_eq!(
            preview.error_count,
            0,
            "{file}: {:?}",
            preview
                .rows
                .iter()
                .filter_map(|r| r.message.clone())
                .collect::<Vec<_>>()
        );
        assert!(preview.new_count >= 1, "{file}");
        let summary =
            usecase::import::apply_import(&store, &bytes, None, DuplicateAction::Skip, false, now())
                .await
                .unwrap();
        assert_eq!(summary.created, preview.new_count, "{file}");
        let names = all_names(&store).await;
        let joined = names.join(", ");
        // Every file has at least one of the three people the README names, umlauts intact.
        assert!(
            joined.contains("Anna Müller")
                || joined.contains("Kemal Öztürk")
                || joined.contains("Weiß-Straßburger"),
            "{file}: {joined}"
        );
        if joined.contains("Anna Müller") {
            let anna = store
                .list_contacts(&ContactFilter {
                    query: Some("mueller".into()),
                    ..Default::default()
                })
                .await
                .unwrap();
            assert_eq!(
                anna[0].organisation_name.as_deref(),
                Some("Landratsamt Tübingen"),
                "{file}"
            );
        }
        if joined.contains("Öztürk") {
            let k = store
                .list_contacts(&ContactFilter {
                    query: Some("ozturk".into()),
                    ..Default::default()
                })
                .await
                .unwrap();
            assert_eq!(
                k[0].organisation_name.as_deref(),
                Some("Stadt Mannheim"),
                "{file}"
            );
            assert_eq!(k[0].title.as_deref(), Some("Dr."), "{file}");
        }
        let orgs = store.list_organisations().await.unwrap();
        assert!(orgs.iter().all(|o| !o.name.is_empty()), "{file}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn importing_the_same_file_twice_does_not_double_contacts() {
    for file in FILES {
        let store = Store::open_in_memory().await.unwrap();
        let bytes = sample(file);
        let first = usecase::import::apply_import(&store, &bytes, None, DuplicateAction::Skip, false, now())
            .await
            .unwrap();
        let before = all_names(&store).await.len();
        let preview = usecase::import::preview_import(&store, &bytes, None)
            .await
            .unwrap();
        assert_eq!(preview.new_count, 0, "{file}: second preview finds nothing new");
        assert_eq!(preview.duplicate_count, first.created, "{file}");
        assert!(
            preview
                .rows
                .iter()
                .all(|r| r.status != RowStatus::Duplicate || r.duplicate_of.is_some())
        );
        let second = usecase::import::apply_import(&store, &bytes, None, DuplicateAction::Skip, false, now())
            .await
            .unwrap();
        assert_eq!((second.created, second.skipped), (0, first.created), "{file}");
        assert_eq!(all_names(&store).await.len(), before, "{file}");
        assert_eq!(
            second.organisations_created, 0,
            "{file}: organisations are matched, not re-created"
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_same_people_from_different_programs_are_recognised() {
    let store = Store::open_in_memory().await.unwrap();
    usecase::import::apply_import(
        &store,
        &sample("outlook-de-windows1252.csv"),
        None,
        DuplicateAction::Skip,
        false,
        now(),
    )
    .await
    .unwrap();
    let count = all_names(&store).await.len();
    // The vCards hold people the Outlook export already had (same e-mail addresses).
    for file in [
        "outlook-2.1-quoted-printable.vcf",
        "apple-3.0-utf8.vcf",
        "rfc6350-4.0.vcf",
    ] {
        let preview = usecase::import::preview_import(&store, &sample(file), None)
            .await
            .unwrap();
        assert!(preview.duplicate_count >= 1, "{file}");
    }
    let merged = usecase::import::apply_import(
        &store,
        &sample("apple-3.0-utf8.vcf"),
        None,
        DuplicateAction::Update,
        false,
        now(),
    )
    .await
    .unwrap();
    assert!(merged.updated >= 1);
    assert_eq!(all_names(&store).await.len(), count + merged.created);
}

#[tokio::test(flavor = "multi_thread")]
async fn duplicate_rows_against_a_stored_contact_by_email() {
    let store = Store::open_in_memory().await.unwrap();
    let mut anna = ContactInput {
        first_name: Some("A.".into()),
        last_name: "Müller".into(),
        ..Default::default()
    };
    anna.emails.push(EmailInput {
        address: "A.Mueller@landkreis-tuebingen.example".into(),
        kind: "work".into(),
        preferred: true,
    });
    let stored = store.create_contact(anna, now()).await.unwrap();
    let preview = usecase::import::preview_import(&store, &sample("excel-de-semicolon-utf8-bom.csv"), None)
        .await
        .unwrap();
    let row = preview.rows.iter().find(|r| r.name.contains("Anna")).unwrap();
    assert_eq!(row.status, RowStatus::Duplicate);
    assert_eq!(row.duplicate_of, Some(stored.id));
    assert!(
        row.message.as_deref().unwrap().contains("gleiche E-Mail-Adresse"),
        "{row:?}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn rows_with_errors_are_named_and_block_the_import_unless_skipped() {
    let store = Store::open_in_memory().await.unwrap();
    let csv = "Vorname;Nachname;E-Mail\r\nAnna;Müller;a.mueller@lrat.example\r\nBernd;;b@x.example\r\nCarla;Schmidt;carla(at)x\r\n";
    let preview = usecase::import::preview_import(&store, csv.as_bytes(), None)
        .await
        .unwrap();
    assert_eq!((preview.new_count, preview.error_count), (1, 2));
    let errors: Vec<(&str, Option<&str>, &str)> = preview
        .rows
        .iter()
        .filter(|r| r.status == RowStatus::Error)
        .map(|r| {
            (
                r.position_label.as_str(),
                r.field.as_deref(),
                r.message.as_deref().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        errors[0],
        (
            "Zeile 3",
            Some("Nachname"),
            // A note about the row, not the form's request to type something.
            "Nachname fehlt."
        )
    );
    assert_eq!(errors[1].0, "Zeile 4");
    assert_eq!(errors[1].1, Some("E-Mail-Adresse"));
    assert!(
        // The label is in `field`; the message says only what is wrong.
        errors[1].2.starts_with("„carla(at)x“"),
        "{errors:?}"
    );

    let err =
        usecase::import::apply_import(&store, csv.as_bytes(), None, DuplicateAction::Skip, false, now())
            .await
            .unwrap_err();
    assert_eq!(err.code(), ErrorCode::Validation);
    assert!(
        err.to_string()
            .contains("Die Datei hat 2 Zeilen mit Fehlern, deshalb"),
        "{err}"
    );
    assert!(all_names(&store).await.is_empty(), "nothing stored");

    let summary =
        usecase::import::apply_import(&store, csv.as_bytes(), None, DuplicateAction::Skip, true, now())
            .await
            .unwrap();
    assert_eq!((summary.created, summary.failed), (1, 2));
    assert_eq!(all_names(&store).await, ["Anna Müller"]);
}

#[tokio::test(flavor = "multi_thread")]
async fn broken_files_store_nothing() {
    let store = Store::open_in_memory().await.unwrap();
    let outlook = sample("outlook-de-windows1252.csv");
    let truncated_vcard = {
        let v = sample("apple-3.0-utf8.vcf");
        v[..v.len() / 2].to_vec()
    };
    let binary: Vec<u8> = b"\x89PNG\r\n\x1a\n"
        .iter()
        .copied()
        .chain(std::iter::repeat_n(0u8, 512))
        .collect();
    for bytes in [
        Vec::new(),
        binary,
        truncated_vcard,
        b"Vorname;Nachname\r\n".to_vec(),
    ] {
        let err = usecase::import::apply_import(&store, &bytes, None, DuplicateAction::Skip, true, now())
            .await
            .unwrap_err();
        assert_eq!(err.code(), ErrorCode::Validation, "{err}");
        assert!(err.to_string().starts_with("Datei: "), "{err}");
    }
    assert!(all_names(&store).await.is_empty());
    assert!(store.list_organisations().await.unwrap().is_empty());
    // A file cut off in the middle of a quoted field still parses what is there, or refuses: never half.
    let cut = &outlook[..outlook.len() * 2 / 3];
    let _ = usecase::import::apply_import(&store, cut, None, DuplicateAction::Skip, true, now()).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_large_import_spans_several_statements_and_keeps_groups_and_search() {
    let store = Store::open_in_memory().await.unwrap();
    // One contact stored before, so the imported ids must continue after it.
    let before = store
        .create_contact(
            ContactInput {
                last_name: "Vorher".into(),
                groups: vec!["Kernnetzwerk".into()],
                ..Default::default()
            },
            now(),
        )
        .await
        .unwrap();
    let mut csv = String::from("Vorname;Nachname;E-Mail;Firma;Kategorien;Telefon geschäftlich\n");
    for i in 0..1234 {
        // Alternating case: the group column is case-insensitive, so this is one group.
        let group = if i % 2 == 0 {
            "kernnetzwerk"
        } else {
            "Kernnetzwerk"
        };
        csv += &format!(
            "Jörg;Bäuerle{i};j{i}@lra.example;Landratsamt Nr. {};{group};07071 {i:04}\n",
            i % 7
        );
    }
    let summary =
        usecase::import::apply_import(&store, csv.as_bytes(), None, DuplicateAction::Skip, false, now())
            .await
            .unwrap();
    assert_eq!(summary.created, 1234);
    assert_eq!(summary.organisations_created, 7);
    assert_eq!(store.list_groups().await.unwrap(), ["Kernnetzwerk"]);

    let kern = store
        .list_contacts(&ContactFilter {
            group: Some("Kernnetzwerk".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(kern.len(), 1235);
    assert!(kern.iter().all(|c| c.id >= before.id));

    // The last row (third chunk) is complete: e-mail, phone, organisation, and found by search.
    let hits = store
        .list_contacts(&ContactFilter {
            query: Some("bauerle1233".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(hits.len(), 1);
    let last = store.get_contact(hits[0].id).await.unwrap();
    assert_eq!(last.first_name.as_deref(), Some("Jörg"));
    assert_eq!(last.emails[0].address, "j1233@lra.example");
    assert_eq!(last.phones[0].number, "07071 1233");
    assert_eq!(last.organisation_name.as_deref(), Some("Landratsamt Nr. 1"));
    assert_eq!(last.groups, ["Kernnetzwerk"]);
    // Found by its organisation's name too (the index text includes it).
    let by_org = store.search_all("landratsamt nr", 2000).await.unwrap();
    assert!(
        by_org
            .hits()
            .any(|h| h.kind == netzwerkmappe_core::search::SearchKind::Contact && h.id == last.id),
        "{by_org:?}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn organisations_created_by_an_excel_import_get_the_kreis_of_the_row() {
    let store = Store::open_in_memory().await.unwrap();
    usecase::import::apply_import(
        &store,
        &sample("excel-de-semicolon-utf8-bom.csv"),
        None,
        DuplicateAction::Skip,
        false,
        now(),
    )
    .await
    .unwrap();
    let organisations = store.list_organisations().await.unwrap();
    let kreis = |name: &str| {
        organisations
            .iter()
            .find(|o| o.name == name)
            .unwrap_or_else(|| panic!("{name} missing"))
            .district_ags
            .clone()
    };
    assert_eq!(kreis("Landratsamt Tübingen").as_deref(), Some("08416"));
    assert_eq!(kreis("Stadt Mannheim").as_deref(), Some("08222"));
    assert_eq!(kreis("Landratsamt Rems-Murr-Kreis").as_deref(), Some("08119"));
    // No Kreis in the row: none is guessed.
    assert_eq!(
        kreis("Ministerium für Soziales, Gesundheit und Integration"),
        None
    );
    // The contacts list can now be narrowed by Kreis.
    let in_tuebingen = store
        .list_contacts(&ContactFilter {
            district_ags: Some("08416".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(in_tuebingen.len(), 1);
    assert_eq!(in_tuebingen[0].last_name, "Müller");
}

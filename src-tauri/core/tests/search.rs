//! The one search over all kinds: its index text is built in one place whatever path wrote the
//! record, hits come grouped by kind with the words to highlight, and a kind with few records is
//! not crowded out by thousands of matches of another.
#![allow(clippy::unwrap_used)]

use chrono::{TimeZone, Utc};
use netzwerkmappe_core::contact::{ContactFilter, ContactInput, EmailInput};
use netzwerkmappe_core::import::plan::DuplicateAction;
use netzwerkmappe_core::organisation::OrganisationInput;
use netzwerkmappe_core::search::SearchKind;
use netzwerkmappe_core::store::Store;
use netzwerkmappe_core::usecase;

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 27, 8, 0, 0).unwrap()
}

fn organisation(name: &str, ags: Option<&str>) -> OrganisationInput {
    OrganisationInput {
        name: name.into(),
        city: Some("Tübingen".into()),
        district_ags: ags.map(Into::into),
        ..Default::default()
    }
}

fn anna(organisation_id: i64) -> ContactInput {
    ContactInput {
        title: Some("Dr.".into()),
        first_name: Some("Anna".into()),
        last_name: "Müller".into(),
        function: Some("Integrationsbeauftragte".into()),
        city: Some("Tübingen".into()),
        organisation_id: Some(organisation_id),
        emails: vec![EmailInput {
            address: "a.mueller@lrat.example".into(),
            kind: "work".into(),
            preferred: true,
        }],
        groups: vec!["Kernnetzwerk".into(), "Sprache".into()],
        ..Default::default()
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_contacts_text_after_an_organisation_rename_equals_a_fresh_saves() {
    let store = Store::open_in_memory().await.unwrap();
    let org = store
        .create_organisation(organisation("Landratsamt Tübingen", Some("08416")), now())
        .await
        .unwrap();
    let renamed_contact = store.create_contact(anna(org.id), now()).await.unwrap();
    let before = store
        .search_text(SearchKind::Contact, renamed_contact.id)
        .await
        .unwrap()
        .unwrap();
    assert!(before.contains("landratsamt tubingen"), "{before}");

    // The rename re-indexes the contact (a path that used to build the text in SQL).
    store
        .update_organisation(
            org.id,
            organisation("Landratsamt Reutlingen", Some("08415")),
            now(),
        )
        .await
        .unwrap();
    let after_rename = store
        .search_text(SearchKind::Contact, renamed_contact.id)
        .await
        .unwrap()
        .unwrap();
    assert_ne!(after_rename, before);

    // A fresh save of the same person in the renamed organisation, and an unchanged update.
    let fresh = store.create_contact(anna(org.id), now()).await.unwrap();
    let fresh_text = store.search_text(SearchKind::Contact, fresh.id).await.unwrap();
    assert_eq!(fresh_text.as_deref(), Some(after_rename.as_str()));
    store
        .update_contact(renamed_contact.id, anna(org.id), now())
        .await
        .unwrap();
    let resaved = store
        .search_text(SearchKind::Contact, renamed_contact.id)
        .await
        .unwrap();
    assert_eq!(resaved.as_deref(), Some(after_rename.as_str()));

    // The import writes the same text (organisation matched by name, group order as stored).
    let csv = "Titel;Vorname;Nachname;Funktion;Ort;Organisation;E-Mail;Kategorien\n\
               Dr.;Anna;Müller;Integrationsbeauftragte;Tübingen;landratsamt reutlingen;a.mueller@lrat.example;\"Sprache, Kernnetzwerk\"\n";
    let summary = usecase::import::apply_import(
        &store,
        csv.as_bytes(),
        None,
        DuplicateAction::ImportAnyway,
        false,
        now(),
    )
    .await
    .unwrap();
    assert_eq!(summary.created, 1);
    let imported = store
        .list_contacts(&ContactFilter::default())
        .await
        .unwrap()
        .into_iter()
        .map(|c| c.id)
        .max()
        .unwrap();
    let imported_text = store.search_text(SearchKind::Contact, imported).await.unwrap();
    assert_eq!(imported_text.as_deref(), Some(after_rename.as_str()));

    // The organisation's own row follows its new name and Kreis.
    let org_text = store
        .search_text(SearchKind::Organisation, org.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(org_text, "landratsamt reutlingen tubingen reutlingen");
}

#[tokio::test(flavor = "multi_thread")]
async fn hits_come_grouped_by_kind_with_the_words_to_highlight() {
    let store = Store::open_in_memory().await.unwrap();
    let org = store
        .create_organisation(organisation("Landratsamt Tübingen", Some("08416")), now())
        .await
        .unwrap();
    let contact = store.create_contact(anna(org.id), now()).await.unwrap();

    let results = store.search_all("tüb", 10).await.unwrap();
    assert_eq!(results.terms, ["tub"]);
    let kinds: Vec<SearchKind> = results.groups.iter().map(|g| g.kind).collect();
    assert_eq!(kinds, [SearchKind::Contact, SearchKind::Organisation]);
    assert_eq!(results.groups[0].label, "Kontakte");
    let hit = &results.groups[0].hits[0];
    assert_eq!((hit.id, hit.label.as_str()), (contact.id, "Dr. Anna Müller"));
    assert_eq!(
        hit.detail.as_deref(),
        Some("Integrationsbeauftragte, Landratsamt Tübingen")
    );
    assert_eq!(hit.matched, ["Tübingen"]);
    let hit = &results.groups[1].hits[0];
    assert_eq!(
        (hit.id, hit.label.as_str(), hit.detail.as_deref()),
        (org.id, "Landratsamt Tübingen", Some("Tübingen"))
    );
    assert_eq!(hit.matched, ["Tübingen"]);

    // Found through a value the list does not show: a hit without words to highlight.
    let results = store.search_all("kernnetz", 10).await.unwrap();
    assert_eq!(results.groups.len(), 1);
    assert!(results.groups[0].hits[0].matched.is_empty());
    // Two words must both match; the spelling of the typed text does not matter.
    let results = store.search_all("MUELLER anna", 10).await.unwrap();
    assert_eq!(results.groups[0].hits[0].matched, ["Anna", "Müller"]);
    assert!(
        store
            .search_all("müller xyz", 10)
            .await
            .unwrap()
            .groups
            .is_empty()
    );
    assert!(store.search_all(" \"*( ", 10).await.unwrap().groups.is_empty());

    // JSON for the window: kinds as snake_case names.
    let json = serde_json::to_value(store.search_all("tüb", 1).await.unwrap()).unwrap();
    assert_eq!(json["groups"][1]["kind"], "organisation");
    assert_eq!(json["groups"][1]["hits"][0]["matched"][0], "Tübingen");
}

#[tokio::test(flavor = "multi_thread")]
async fn few_organisations_are_found_beside_many_contacts_with_the_same_prefix() {
    let store = Store::open_in_memory().await.unwrap();
    let mut csv = String::from("Vorname;Nachname\n");
    for i in 0..300 {
        csv += &format!("Lars;Lang{i}\n");
    }
    usecase::import::apply_import(&store, csv.as_bytes(), None, DuplicateAction::Skip, false, now())
        .await
        .unwrap();
    let org = store
        .create_organisation(organisation("Landratsamt Ludwigsburg", None), now())
        .await
        .unwrap();
    let results = store.search_all("l", 3).await.unwrap();
    assert_eq!(results.groups.len(), 2, "{results:?}");
    assert_eq!(results.groups[0].hits.len(), 3);
    assert_eq!(results.groups[1].hits[0].id, org.id);

    // A deleted record leaves nothing behind in the index.
    store
        .delete_organisation(org.id, netzwerkmappe_core::organisation::ContactsOnDelete::Refuse)
        .await
        .unwrap();
    assert_eq!(
        store.search_text(SearchKind::Organisation, org.id).await.unwrap(),
        None
    );
    assert_eq!(store.search_all("ludw", 3).await.unwrap().groups.len(), 0);
}

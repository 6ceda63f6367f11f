//! Contacts and organisations in the store: validation, German order, search, safe deletes.
#![allow(clippy::unwrap_used)]

use chrono::{TimeZone, Utc};
use netzwerkmappe_core::contact::{ContactFilter, ContactInput, EmailInput, PhoneInput};
use netzwerkmappe_core::organisation::ContactsOnDelete;
use netzwerkmappe_core::organisation::{OrganisationInput, OrganisationKind};
use netzwerkmappe_core::search::{SearchHit, SearchKind};
use netzwerkmappe_core::{ErrorCode, store::Store};

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 24, 13, 30, 0).unwrap()
}

fn person(first: &str, last: &str) -> ContactInput {
    ContactInput {
        first_name: Some(first.into()),
        last_name: last.into(),
        ..Default::default()
    }
}

async fn names(store: &Store, filter: ContactFilter) -> Vec<String> {
    store
        .list_contacts(&filter)
        .await
        .unwrap()
        .into_iter()
        .map(|c| c.last_name)
        .collect()
}

/// Every hit of the global search, group after group.
async fn search(store: &Store, text: &str, limit_per_kind: i64) -> Vec<SearchHit> {
    let results = store.search_all(text, limit_per_kind).await.unwrap();
    results.hits().cloned().collect()
}

fn query(q: &str) -> ContactFilter {
    ContactFilter {
        query: Some(q.into()),
        ..Default::default()
    }
}

async fn seeded() -> Store {
    let store = Store::open_in_memory().await.unwrap();
    let lra = store
        .create_organisation(
            OrganisationInput {
                name: "Landratsamt Tübingen".into(),
                district_ags: Some("08416".into()),
                ..Default::default()
            },
            now(),
        )
        .await
        .unwrap();
    let mut anna = person("Anna", "Müller");
    anna.organisation_id = Some(lra.id);
    anna.function = Some("Integrationsbeauftragte".into());
    anna.emails.push(EmailInput {
        address: "a.mueller@lrat.example".into(),
        kind: "work".into(),
        preferred: true,
    });
    anna.phones.push(PhoneInput {
        number: "07071 207-0000".into(),
        kind: "work".into(),
        preferred: true,
    });
    anna.groups = vec!["Kernnetzwerk".into()];
    store.create_contact(anna, now()).await.unwrap();
    for (f, l) in [
        ("Kemal", "Öztürk"),
        ("Gerlinde", "Weiß-Straßburger"),
        ("Jonas", "Bäuerle"),
        ("Zofia", "Nowak"),
    ] {
        store.create_contact(person(f, l), now()).await.unwrap();
    }
    store
}

#[tokio::test(flavor = "multi_thread")]
async fn search_ignores_case_umlauts_and_spelling_variants() {
    let store = seeded().await;
    for q in ["muller", "müller", "mueller", "MUELLER", "mü", "mue", "anna mu"] {
        assert_eq!(names(&store, query(q)).await, ["Müller"], "query {q:?}");
    }
    assert_eq!(names(&store, query("weiss")).await, ["Weiß-Straßburger"]);
    assert_eq!(names(&store, query("strassb")).await, ["Weiß-Straßburger"]);
    assert_eq!(names(&store, query("ozturk")).await, ["Öztürk"]);
    assert_eq!(names(&store, query("oeztuerk")).await, ["Öztürk"]);
    // by organisation, function, e-mail and group
    assert_eq!(names(&store, query("landratsamt tub")).await, ["Müller"]);
    assert_eq!(names(&store, query("integrationsbeauf")).await, ["Müller"]);
    assert_eq!(names(&store, query("kernnetz")).await, ["Müller"]);
    assert!(names(&store, query("xyz")).await.is_empty());
    assert!(
        names(&store, query("\"*(")).await.is_empty(),
        "FTS syntax is not an error"
    );

    let hits = search(&store, "mu", 10).await;
    assert_eq!(
        hits[0].label, "Anna Müller",
        "names starting with the typed prefix come first: {hits:?}"
    );

    let hits = search(&store, "tübingen", 10).await;
    assert!(
        hits.iter()
            .any(|h| h.kind == SearchKind::Organisation && h.label == "Landratsamt Tübingen"),
        "{hits:?}"
    );
    assert!(
        hits.iter()
            .any(|h| h.kind == SearchKind::Contact && h.label == "Anna Müller"),
        "{hits:?}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn list_is_in_german_order() {
    let store = seeded().await;
    assert_eq!(
        names(&store, ContactFilter::default()).await,
        ["Bäuerle", "Müller", "Nowak", "Öztürk", "Weiß-Straßburger"]
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn filters_by_district_region_kind_and_group() {
    let store = seeded().await;
    let by = |f: ContactFilter| {
        let store = store.clone();
        async move { names(&store, f).await }
    };
    assert_eq!(
        by(ContactFilter {
            district_ags: Some("08416".into()),
            ..Default::default()
        })
        .await,
        ["Müller"]
    );
    assert_eq!(
        by(ContactFilter {
            region_code: Some("084".into()),
            ..Default::default()
        })
        .await,
        ["Müller"]
    );
    assert!(
        by(ContactFilter {
            region_code: Some("081".into()),
            ..Default::default()
        })
        .await
        .is_empty()
    );
    assert_eq!(
        by(ContactFilter {
            organisation_kind: Some(OrganisationKind::Landratsamt),
            ..Default::default()
        })
        .await,
        ["Müller"]
    );
    assert_eq!(
        by(ContactFilter {
            group: Some("Kernnetzwerk".into()),
            ..Default::default()
        })
        .await,
        ["Müller"]
    );
    assert_eq!(store.list_groups().await.unwrap(), ["Kernnetzwerk"]);
}

#[tokio::test(flavor = "multi_thread")]
async fn invalid_input_is_rejected_and_nothing_is_stored() {
    let store = seeded().await;
    let before = store
        .list_contacts(&ContactFilter::default())
        .await
        .unwrap()
        .len();
    let mut bad = person("Max", "Mustermann");
    bad.emails.push(EmailInput {
        address: "max@".into(),
        kind: "work".into(),
        preferred: false,
    });
    let err = store.create_contact(bad, now()).await.unwrap_err();
    assert_eq!(err.code(), ErrorCode::Validation);
    assert!(err.to_string().starts_with("E-Mail-Adresse:"));
    let err = store.create_contact(person("Max", " "), now()).await.unwrap_err();
    assert_eq!(err.to_string(), "Nachname: Bitte geben Sie einen Nachnamen ein.");
    let mut ghost = person("Max", "Mustermann");
    ghost.organisation_id = Some(9999);
    assert_eq!(
        store.create_contact(ghost, now()).await.unwrap_err().code(),
        ErrorCode::Validation
    );
    assert_eq!(
        store
            .list_contacts(&ContactFilter::default())
            .await
            .unwrap()
            .len(),
        before
    );
    assert!(
        names(&store, query("mustermann")).await.is_empty(),
        "no half-written index row"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn update_replaces_details_and_reindexes() {
    let store = seeded().await;
    let id = store.list_contacts(&query("nowak")).await.unwrap()[0].id;
    let mut changed = person("Zofia", "Nowak-Schmidt");
    changed.emails.push(EmailInput {
        address: "z.nowak@stadt.example".into(),
        kind: "work".into(),
        preferred: false,
    });
    changed.consent_basis = Some("Einwilligung Art. 6 Abs. 1 lit. a DSGVO".into());
    changed.consent_date = Some("01.10.2026".into());
    let later = now() + chrono::Duration::hours(1);
    let c = store.update_contact(id, changed, later).await.unwrap();
    assert_eq!(c.last_name, "Nowak-Schmidt");
    assert_eq!(c.emails[0].address, "z.nowak@stadt.example");
    assert!(c.emails[0].preferred);
    assert_eq!(c.consent_date.as_deref(), Some("2026-10-01"));
    assert_ne!(c.created_at, c.updated_at);
    assert_eq!(names(&store, query("schmidt")).await, ["Nowak-Schmidt"]);
    assert_eq!(
        search(&store, "nowak", 10).await.len(),
        1,
        "one index row per contact after update"
    );
    assert_eq!(names(&store, query("z.nowak")).await, ["Nowak-Schmidt"]);
}

#[tokio::test(flavor = "multi_thread")]
async fn deleting_an_organisation_with_contacts_asks_and_never_orphans() {
    let store = seeded().await;
    let org = store.list_organisations().await.unwrap()[0].clone();
    assert_eq!(org.contact_count, 1);
    assert_eq!(org.district_name.as_deref(), Some("Tübingen"));
    let err = store
        .delete_organisation(org.id, ContactsOnDelete::Refuse)
        .await
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::Validation);
    assert!(err.to_string().contains("hat noch 1 Kontakt."), "singular: {err}");

    store
        .delete_organisation(org.id, ContactsOnDelete::Detach)
        .await
        .unwrap();
    let anna = store.list_contacts(&query("anna")).await.unwrap();
    assert_eq!(anna.len(), 1);
    assert_eq!(anna[0].organisation_name, None);
    assert!(
        search(&store, "landratsamt", 10).await.is_empty(),
        "index has no trace of the org"
    );

    let org2 = store
        .create_organisation(
            OrganisationInput {
                name: "Stadt Mannheim".into(),
                ..Default::default()
            },
            now(),
        )
        .await
        .unwrap();
    assert_eq!(org2.kind, OrganisationKind::Stadtverwaltung);
    let mut k = person("Kemal", "Öztürk-Neu");
    k.organisation_id = Some(org2.id);
    store.create_contact(k, now()).await.unwrap();
    store
        .delete_organisation(org2.id, ContactsOnDelete::Delete)
        .await
        .unwrap();
    assert!(names(&store, query("neu")).await.is_empty());
}

#[tokio::test(flavor = "multi_thread")]
async fn renaming_an_organisation_updates_contact_search() {
    let store = seeded().await;
    let org = store.list_organisations().await.unwrap()[0].clone();
    let input = OrganisationInput {
        name: "Landratsamt Reutlingen".into(),
        district_ags: Some("08415".into()),
        ..Default::default()
    };
    store.update_organisation(org.id, input, now()).await.unwrap();
    assert_eq!(names(&store, query("reutl")).await, ["Müller"]);
    assert!(names(&store, query("tubingen")).await.is_empty());
    let bad = OrganisationInput {
        name: "X".into(),
        district_ags: Some("09999".into()),
        ..Default::default()
    };
    let err = store.update_organisation(org.id, bad, now()).await.unwrap_err();
    assert!(err.to_string().starts_with("Stadt-/Landkreis:"), "{err}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_selection_exports_as_vcard_with_everything_stored() {
    let store = seeded().await;
    let all = store.list_contacts(&ContactFilter::default()).await.unwrap();
    let anna = all.iter().find(|c| c.last_name == "Müller").unwrap().id;
    let kemal = all.iter().find(|c| c.last_name == "Öztürk").unwrap().id;
    let selection = ContactFilter {
        ids: Some(vec![kemal, anna]),
        ..Default::default()
    };
    // The selection keeps the list's German order, whatever order the ids came in.
    assert_eq!(names(&store, selection.clone()).await, ["Müller", "Öztürk"]);
    // Selection and search narrow together.
    let both = ContactFilter {
        query: Some("ozturk".into()),
        ..selection.clone()
    };
    assert_eq!(names(&store, both).await, ["Öztürk"]);

    let full = store.full_contacts(&selection).await.unwrap();
    assert_eq!(full.len(), 2);
    assert_eq!(full[0].emails[0].address, "a.mueller@lrat.example");
    assert_eq!(full[0].groups, ["Kernnetzwerk"]);
    assert_eq!(full[0].organisation_name.as_deref(), Some("Landratsamt Tübingen"));

    let bytes = netzwerkmappe_core::export::contacts_vcard(&full);
    let cards = netzwerkmappe_core::import::parse_vcards(&bytes).unwrap();
    assert_eq!(cards.len(), 2);
    assert_eq!(cards[0].last_name.as_deref(), Some("Müller"));
    assert_eq!(cards[0].phones[0].value, "07071 207-0000");
    assert_eq!(cards[1].last_name.as_deref(), Some("Öztürk"));
    // An empty selection selects nobody (not everybody).
    let none = ContactFilter {
        ids: Some(Vec::new()),
        ..Default::default()
    };
    assert!(store.full_contacts(&none).await.unwrap().is_empty());
}

#[tokio::test(flavor = "multi_thread")]
async fn a_save_from_a_stale_form_is_refused_and_changes_nothing() {
    let store = seeded().await;
    let id = store.list_contacts(&query("nowak")).await.unwrap()[0].id;
    let read = store.get_contact(id).await.unwrap();
    assert_eq!(read.version, 1);

    // Window A saves what it read: accepted, the version goes up.
    let mut from_a = person("Zofia", "Nowak-Schmidt");
    from_a.expected_version = Some(read.version);
    let saved = store.update_contact(id, from_a, now()).await.unwrap();
    assert_eq!(saved.version, 2);

    // Window B still shows version 1: refused with a German message, nothing overwritten.
    let mut from_b = person("Zofia", "Nowak-Meier");
    from_b.expected_version = Some(read.version);
    let err = store.update_contact(id, from_b.clone(), now()).await.unwrap_err();
    assert_eq!(err.code(), ErrorCode::Conflict);
    assert_eq!(
        err.to_string(),
        "Der Kontakt wurde inzwischen an anderer Stelle geändert. Ihre Änderungen wurden nicht \
         gespeichert; bitte laden Sie den Kontakt neu."
    );
    let stored = store.get_contact(id).await.unwrap();
    assert_eq!((stored.last_name.as_str(), stored.version), ("Nowak-Schmidt", 2));
    assert!(names(&store, query("meier")).await.is_empty(), "index untouched");

    // Without an expected version (imports, CLI) there is no check; the version still rises.
    from_b.expected_version = None;
    assert_eq!(store.update_contact(id, from_b, now()).await.unwrap().version, 3);
    // A deleted contact is "not found", not a conflict.
    store.delete_contact(id).await.unwrap();
    let mut late = person("Zofia", "Nowak");
    late.expected_version = Some(3);
    let err = store.update_contact(id, late, now()).await.unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotFound);
    // The window reads the version from the contact's JSON and sends it back in the input's.
    assert_eq!(serde_json::to_value(&stored).unwrap()["version"], 2);
    let input: ContactInput =
        serde_json::from_str(r#"{"last_name": "Nowak", "expected_version": 2}"#).unwrap();
    assert_eq!(input.expected_version, Some(2));
    let input: ContactInput = serde_json::from_str(r#"{"last_name": "Nowak"}"#).unwrap();
    assert_eq!(input.expected_version, None);
}

#[tokio::test(flavor = "multi_thread")]
async fn organisations_refuse_stale_saves_and_detaching_changes_the_contacts_version() {
    let store = seeded().await;
    let org = store.list_organisations().await.unwrap()[0].clone();
    assert_eq!(org.version, 1);
    let input = |name: &str, expected| OrganisationInput {
        name: name.into(),
        district_ags: Some("08416".into()),
        expected_version: expected,
        ..Default::default()
    };
    let saved = store
        .update_organisation(
            org.id,
            input("Landratsamt Tübingen (Amt für Migration)", Some(1)),
            now(),
        )
        .await
        .unwrap();
    assert_eq!(saved.version, 2);
    let err = store
        .update_organisation(org.id, input("Landratsamt Tübingen", Some(1)), now())
        .await
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::Conflict);
    assert!(
        err.to_string().starts_with("Die Organisation wurde inzwischen"),
        "{err}"
    );
    assert!(
        err.to_string().contains("laden Sie die Organisation neu"),
        "{err}"
    );
    assert_eq!(
        store.get_organisation(org.id).await.unwrap().name,
        "Landratsamt Tübingen (Amt für Migration)"
    );

    // Anna's form still shows the organisation: after the detach her version has moved on.
    let anna = store.list_contacts(&query("anna")).await.unwrap()[0].id;
    let before = store.get_contact(anna).await.unwrap().version;
    store
        .delete_organisation(org.id, ContactsOnDelete::Detach)
        .await
        .unwrap();
    assert_eq!(store.get_contact(anna).await.unwrap().version, before + 1);
    let mut stale = person("Anna", "Müller");
    stale.expected_version = Some(before);
    assert_eq!(
        store.update_contact(anna, stale, now()).await.unwrap_err().code(),
        ErrorCode::Conflict
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn many_organisations_get_one_kreis_at_once_all_or_nothing() {
    let store = Store::open_in_memory().await.unwrap();
    let mut ids = Vec::new();
    for name in [
        "Caritasverband Offenburg",
        "Diakonie Lahr",
        "Stadtjugendring Musterstadt",
    ] {
        let input = OrganisationInput {
            name: name.into(),
            ..Default::default()
        };
        ids.push(store.create_organisation(input, now()).await.unwrap().id);
    }
    let before = store.list_organisations().await.unwrap();
    assert!(before.iter().all(|o| o.district_ags.is_none()));
    let version = |id: i64, list: &[netzwerkmappe_core::organisation::Organisation]| {
        list.iter().find(|o| o.id == id).unwrap().version
    };

    // Two ticked (one twice): both in the Ortenaukreis, each one version further, searchable by it.
    let n = store
        .set_organisation_district(&[ids[0], ids[1], ids[0]], Some("08317"), now())
        .await
        .unwrap();
    assert_eq!(n, 2);
    let after = store.list_organisations().await.unwrap();
    for id in &ids[..2] {
        let o = after.iter().find(|o| o.id == *id).unwrap();
        assert_eq!(o.district_name.as_deref(), Some("Ortenaukreis"));
        assert_eq!(o.region_name.as_deref(), Some("Freiburg"));
        assert_eq!(o.version, version(*id, &before) + 1);
    }
    assert_eq!(after.iter().find(|o| o.id == ids[2]).unwrap().district_ags, None);
    assert_eq!(version(ids[2], &after), version(ids[2], &before));
    let mut found: Vec<i64> = search(&store, "ortenau", 10)
        .await
        .into_iter()
        .filter(|h| h.kind == SearchKind::Organisation)
        .map(|h| h.id)
        .collect();
    found.sort_unstable();
    assert_eq!(found, ids[..2]);

    // An unknown organisation among the ticked ones changes none of them.
    let err = store
        .set_organisation_district(&[ids[2], 999_999], Some("08317"), now())
        .await
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotFound);
    let unchanged = store.get_organisation(ids[2]).await.unwrap();
    assert_eq!(unchanged.district_ags, None);
    assert_eq!(unchanged.version, version(ids[2], &before));

    // An unknown Kreis and an empty selection are refused with the field named.
    let err = store
        .set_organisation_district(&[ids[2]], Some("09999"), now())
        .await
        .unwrap_err();
    assert!(err.to_string().starts_with("Stadt-/Landkreis:"), "{err}");
    let err = store
        .set_organisation_district(&[], None, now())
        .await
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::Validation);

    // "keiner" takes the Kreis away again, and out of the search.
    assert_eq!(
        store
            .set_organisation_district(&[ids[0]], None, now())
            .await
            .unwrap(),
        1
    );
    assert_eq!(store.get_organisation(ids[0]).await.unwrap().district_ags, None);
    let found: Vec<i64> = search(&store, "ortenau", 10)
        .await
        .into_iter()
        .filter(|h| h.kind == SearchKind::Organisation)
        .map(|h| h.id)
        .collect();
    assert_eq!(found, [ids[1]]);
}

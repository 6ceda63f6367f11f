//! Links to sessions and TOPs both ways, search by the current text, the Handlungsfelder, authors
//! whose contact was deleted, and deleting a paper with everything it holds.

use crate::fixtures::*;

#[tokio::test]
async fn search_finds_the_current_text_without_umlauts_only() {
    let store = Store::open_in_memory().await.unwrap();
    let anna = author(&store, "Anna", "Özdemir").await;
    let id = paper(
        &store,
        "Integrationskurse",
        Some("Die Verwaltung plant Elternabende."),
    )
    .await;
    let view = papers::get_paper(&store, id).await.unwrap();
    papers::update_paper_meta(
        &store,
        id,
        PaperInput {
            title: view.paper.title.clone(),
            summary: view.paper.summary.clone(),
            handlungsfeld_id: view.paper.handlungsfeld_id,
            author_ids: vec![anna],
            expected_version: Some(view.paper.version),
            ..PaperInput::default()
        },
        at(10),
    )
    .await
    .unwrap();
    papers::save_paper_version(
        &store,
        id,
        version("Integrationskurse", "Die **Förderung** der Sprachkurse.", "neu"),
        "tester",
        at(11),
    )
    .await
    .unwrap();

    assert_eq!(
        hits(
            &store.search_all("Foerderung", 10).await.unwrap(),
            SearchKind::Paper
        ),
        vec![id]
    );
    assert_eq!(
        hits(&store.search_all("forder", 10).await.unwrap(), SearchKind::Paper),
        vec![id]
    );
    assert_eq!(
        hits(&store.search_all("ozdemir", 10).await.unwrap(), SearchKind::Paper),
        vec![id]
    );
    assert_eq!(
        hits(&store.search_all("sprache", 10).await.unwrap(), SearchKind::Paper),
        vec![id],
        "Handlungsfeld"
    );
    assert!(
        hits(
            &store.search_all("Elternabende", 10).await.unwrap(),
            SearchKind::Paper
        )
        .is_empty(),
        "a word only an old version had"
    );
    // A draft is not searched either.
    papers::save_paper_draft(
        &store,
        id,
        DraftInput {
            title: "x".into(),
            body: "Quartiersmanagement".into(),
            ..DraftInput::default()
        },
        at(12),
    )
    .await
    .unwrap();
    assert!(
        hits(
            &store.search_all("quartier", 10).await.unwrap(),
            SearchKind::Paper
        )
        .is_empty()
    );

    let list = store
        .list_papers(&PaperFilter {
            text: Some("Förderung".into()),
            ..PaperFilter::default()
        })
        .await
        .unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].current_version, Some(2));
    assert!(list[0].has_draft);
    assert_eq!(list[0].authors.as_deref(), Some("Anna Özdemir"));
    assert!(
        store
            .list_papers(&PaperFilter {
                status: Some(PaperStatus::Beschlossen),
                ..PaperFilter::default()
            })
            .await
            .unwrap()
            .is_empty()
    );

    // The author's name stays when the contact is deleted.
    store.delete_contact(anna).await.unwrap();
    let view = papers::get_paper(&store, id).await.unwrap();
    assert_eq!(view.authors[0].contact_id, None);
    assert_eq!(view.authors[0].name, "Anna Özdemir");
}

#[tokio::test]
async fn links_both_ways_and_deleting_a_paper_erases_everything() {
    let store = Store::open_in_memory().await.unwrap();
    let id = paper(&store, "Teilhabe im Sport", Some("Vereine öffnen sich.")).await;
    let session = usecase::sessions::create_session(
        &store,
        SessionInput {
            title: "Netzwerktreffen".into(),
            date: "2026-12-03".into(),
            start_time: "10:00".into(),
            ..SessionInput::default()
        },
        at(8),
    )
    .await
    .unwrap();
    let top = usecase::agenda::add_agenda_item(
        &store,
        session.id,
        AgendaItemInput {
            title: "Sport".into(),
            ..AgendaItemInput::default()
        },
        at(8),
    )
    .await
    .unwrap();
    let link = papers::link_paper(
        &store,
        id,
        LinkTarget {
            session_id: None,
            agenda_item_id: Some(top.id),
        },
        at(9),
    )
    .await
    .unwrap();
    assert_eq!(link.session_id, session.id);
    assert_eq!(link.agenda_item_title.as_deref(), Some("Sport"));
    let twice = papers::link_paper(
        &store,
        id,
        LinkTarget {
            session_id: Some(session.id),
            agenda_item_id: Some(top.id),
        },
        at(9),
    )
    .await
    .unwrap_err();
    assert_eq!(twice.code(), ErrorCode::Validation);
    papers::link_paper(
        &store,
        id,
        LinkTarget {
            session_id: Some(session.id),
            agenda_item_id: None,
        },
        at(9),
    )
    .await
    .unwrap();
    let for_session = store.list_papers_for_session(session.id).await.unwrap();
    assert_eq!(for_session.len(), 2);
    assert_eq!(for_session[0].agenda_item_id, None, "session-wide links first");
    assert_eq!(papers::get_paper(&store, id).await.unwrap().links.len(), 2);
    store.unlink_paper(for_session[0].id, at(9)).await.unwrap();
    assert_eq!(store.list_papers_for_session(session.id).await.unwrap().len(), 1);

    papers::add_attachment(&store, id, None, "a.txt", b"hallo", "tester", at(9))
        .await
        .unwrap();
    papers::save_paper_draft(
        &store,
        id,
        DraftInput {
            title: "t".into(),
            body: "b".into(),
            ..DraftInput::default()
        },
        at(9),
    )
    .await
    .unwrap();
    papers::change_paper_status(
        &store,
        id,
        StatusChangeInput {
            to: PaperStatus::InAbstimmung,
            ..StatusChangeInput::default()
        },
        "tester",
        at(9),
    )
    .await
    .unwrap();

    store.delete_paper(id).await.unwrap();
    assert_eq!(
        papers::get_paper(&store, id).await.unwrap_err().code(),
        ErrorCode::NotFound
    );
    assert!(
        store
            .list_papers_for_session(session.id)
            .await
            .unwrap()
            .is_empty()
    );
    assert!(store.search_text(SearchKind::Paper, id).await.unwrap().is_none());
    assert!(hits(&store.search_all("vereine", 10).await.unwrap(), SearchKind::Paper).is_empty());
    assert_eq!(
        store.delete_paper(id).await.unwrap_err().code(),
        ErrorCode::NotFound
    );
}

#[tokio::test]
async fn handlungsfelder_are_seeded_and_extendable() {
    let store = Store::open_in_memory().await.unwrap();
    let names: Vec<String> = store
        .list_handlungsfelder()
        .await
        .unwrap()
        .into_iter()
        .map(|h| h.name)
        .collect();
    for expected in ["Sprache", "Bildung", "Arbeit", "Wohnen", "Gesundheit", "Teilhabe"] {
        assert!(names.iter().any(|n| n == expected), "{expected} in {names:?}");
    }
    let added = papers::add_handlungsfeld(&store, "  Sport  ", at(9))
        .await
        .unwrap();
    assert_eq!(added.name, "Sport");
    let err = papers::add_handlungsfeld(&store, "sprache", at(9))
        .await
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "Handlungsfeld: Das Handlungsfeld „Sprache“ gibt es schon."
    );
    assert!(papers::add_handlungsfeld(&store, " ", at(9)).await.is_err());
}

/// The paper form sends contact ids; an author whose contact was deleted has none. Saving the
/// paper's data must neither drop that name (a save that does not name former authors keeps them)
/// nor make it impossible to remove (the form names the ones still listed).
#[tokio::test]
async fn authors_of_deleted_contacts_survive_a_save_and_can_be_removed() {
    let store = Store::open_in_memory().await.unwrap();
    let anna = author(&store, "Anna", "Özdemir").await;
    let ben = author(&store, "Ben", "Kaya").await;
    let carla = author(&store, "Carla", "Berger").await;
    let id = paper(&store, "Elternarbeit", None).await;
    let meta = |view: &PaperView, author_ids: Vec<i64>, former: Option<Vec<String>>| PaperInput {
        title: view.paper.title.clone(),
        author_ids,
        former_authors: former,
        expected_version: Some(view.paper.version),
        ..PaperInput::default()
    };
    let view = papers::get_paper(&store, id).await.unwrap();
    papers::update_paper_meta(&store, id, meta(&view, vec![anna, ben, carla], None), at(9))
        .await
        .unwrap();
    store.delete_contact(anna).await.unwrap();
    store.delete_contact(ben).await.unwrap();
    let names = |view: &PaperView| -> Vec<(Option<i64>, String)> {
        view.authors
            .iter()
            .map(|a| (a.contact_id, a.name.clone()))
            .collect()
    };

    // The form as the window sends it: both former authors still listed, Carla kept.
    let view = papers::get_paper(&store, id).await.unwrap();
    let former = vec!["Anna Özdemir".to_owned(), "Ben Kaya".to_owned()];
    let view = papers::update_paper_meta(&store, id, meta(&view, vec![carla], Some(former)), at(10))
        .await
        .unwrap();
    assert_eq!(
        names(&view),
        vec![
            (None, "Anna Özdemir".to_owned()),
            (None, "Ben Kaya".to_owned()),
            (Some(carla), "Carla Berger".to_owned()),
        ]
    );
    // A caller that does not know about former authors (the CLI, an older form) keeps them all.
    let view = papers::update_paper_meta(&store, id, meta(&view, vec![carla], None), at(11))
        .await
        .unwrap();
    assert_eq!(view.authors.len(), 3);
    assert_eq!(view.authors[1].name, "Ben Kaya");
    // Removing one former author; a name that was never an author cannot be slipped in.
    let view = papers::update_paper_meta(
        &store,
        id,
        meta(
            &view,
            vec![carla],
            Some(vec!["Ben Kaya".into(), "Erfunden".into()]),
        ),
        at(12),
    )
    .await
    .unwrap();
    assert_eq!(
        names(&view),
        vec![
            (None, "Ben Kaya".to_owned()),
            (Some(carla), "Carla Berger".to_owned())
        ]
    );
    let list = store.list_papers(&PaperFilter::default()).await.unwrap();
    assert_eq!(list[0].authors.as_deref(), Some("Ben Kaya, Carla Berger"));
}

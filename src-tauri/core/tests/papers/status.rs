//! Status changes: a session's decision adopts a version and freezes the paper.

use crate::fixtures::*;

#[tokio::test]
async fn status_with_a_decision_freezes_the_adopted_version() {
    let store = Store::open_in_memory().await.unwrap();
    let id = paper(&store, "Wohnraum für Geflüchtete", None).await;
    let session = usecase::sessions::create_session(
        &store,
        SessionInput {
            title: "Netzwerktreffen Herbst".into(),
            date: "2026-11-20".into(),
            start_time: "14:00".into(),
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
            title: "Konzeptpapier Wohnen".into(),
            ..AgendaItemInput::default()
        },
        at(8),
    )
    .await
    .unwrap();
    let decision = usecase::minutes::add_decision(
        &store,
        session.id,
        DecisionInput {
            agenda_item_id: Some(top.id),
            text: "Das Netzwerk beschließt das Konzeptpapier Wohnen.".into(),
            ..DecisionInput::default()
        },
        at(8),
    )
    .await
    .unwrap();

    // Offered for "beschlossen": linked sessions' decisions first.
    let other = usecase::sessions::create_session(
        &store,
        SessionInput {
            title: "Späteres Treffen".into(),
            date: "2026-12-20".into(),
            start_time: "10:00".into(),
            ..SessionInput::default()
        },
        at(8),
    )
    .await
    .unwrap();
    usecase::minutes::add_decision(
        &store,
        other.id,
        DecisionInput {
            text: "Anderes".into(),
            ..DecisionInput::default()
        },
        at(8),
    )
    .await
    .unwrap();
    let choices = store.list_decisions_for_paper(id).await.unwrap();
    assert_eq!(choices[0].session_id, other.id, "unlinked: latest session first");
    papers::link_paper(
        &store,
        id,
        LinkTarget {
            session_id: None,
            agenda_item_id: Some(top.id),
        },
        at(8),
    )
    .await
    .unwrap();
    let choices = store.list_decisions_for_paper(id).await.unwrap();
    assert_eq!((choices[0].id, choices[0].linked), (decision.id, true));
    assert_eq!(choices[0].label, decision.label);
    assert!(!choices[1].linked);

    let to = |to: PaperStatus, decision_id: Option<i64>| StatusChangeInput {
        to,
        decision_id,
        note: Some("laut Sitzung".into()),
        expected_version: None,
    };
    // Not allowed: straight from Entwurf to beschlossen; German message naming both.
    let err = papers::change_paper_status(
        &store,
        id,
        to(PaperStatus::Beschlossen, Some(decision.id)),
        "tester",
        at(9),
    )
    .await
    .unwrap_err();
    assert!(
        err.to_string().contains("von „Entwurf“ auf „beschlossen“"),
        "{err}"
    );

    papers::change_paper_status(&store, id, to(PaperStatus::InAbstimmung, None), "tester", at(9))
        .await
        .unwrap();
    // No version yet: nothing to adopt.
    let err = papers::change_paper_status(
        &store,
        id,
        to(PaperStatus::Beschlossen, Some(decision.id)),
        "tester",
        at(9),
    )
    .await
    .unwrap_err();
    assert!(err.to_string().contains("keine gespeicherte Version"), "{err}");
    papers::save_paper_version(
        &store,
        id,
        version("Wohnraum für Geflüchtete", "Text A", "v1"),
        "tester",
        at(10),
    )
    .await
    .unwrap();
    papers::save_paper_draft(
        &store,
        id,
        DraftInput {
            title: "x".into(),
            body: "ungespeichert".into(),
            ..DraftInput::default()
        },
        at(10),
    )
    .await
    .unwrap();
    // Back and forth once, then adopted (after the draft is saved or discarded).
    papers::change_paper_status(&store, id, to(PaperStatus::Entwurf, None), "tester", at(10))
        .await
        .unwrap();
    papers::change_paper_status(&store, id, to(PaperStatus::InAbstimmung, None), "tester", at(10))
        .await
        .unwrap();
    let err = papers::change_paper_status(
        &store,
        id,
        to(PaperStatus::Beschlossen, Some(decision.id)),
        "tester",
        at(11),
    )
    .await
    .unwrap_err();
    assert!(err.to_string().contains("ungespeicherte Entwurf"), "{err}");
    store.discard_paper_draft(id).await.unwrap();
    let view = papers::change_paper_status(
        &store,
        id,
        to(PaperStatus::Beschlossen, Some(decision.id)),
        "tester",
        at(11),
    )
    .await
    .unwrap();
    assert_eq!(view.paper.status, PaperStatus::Beschlossen);
    assert!(view.frozen);
    assert!(view.draft.is_none());
    let adopted = view.status_history.last().unwrap();
    assert_eq!(adopted.decision_label.as_deref(), Some(decision.label.as_str()));
    assert_eq!(adopted.adopted_version, Some(1));
    assert_eq!(adopted.session_id, Some(session.id));
    assert_eq!(view.status_history.len(), 4);
    // Adopting linked the paper to the decision's TOP (it was linked there already: no second link).
    assert_eq!(view.links.len(), 1);
    assert_eq!(view.links[0].agenda_item_id, Some(top.id));

    // Frozen: no version, no draft, no restore, no new title.
    let err = papers::save_paper_version(&store, id, version("Wohnraum", "Text B", "v2"), "tester", at(12))
        .await
        .unwrap_err();
    assert!(matches!(&err, Error::Validation { field, .. } if field == "Status"));
    assert!(err.to_string().contains("festgeschrieben"));
    assert!(
        papers::save_paper_draft(&store, id, DraftInput::default(), at(12))
            .await
            .is_err()
    );
    assert!(
        papers::restore_paper_version(&store, view.versions[0].id, None, "tester", at(12))
            .await
            .is_err()
    );
    let meta = PaperInput {
        title: "Neuer Titel".into(),
        summary: view.paper.summary.clone(),
        handlungsfeld_id: view.paper.handlungsfeld_id,
        ..PaperInput::default()
    };
    assert!(papers::update_paper_meta(&store, id, meta, at(12)).await.is_err());
    assert_eq!(papers::get_paper(&store, id).await.unwrap().versions.len(), 1);

    // Fortschreibung: back to Entwurf, then a new version is possible; version 1 stays.
    papers::change_paper_status(&store, id, to(PaperStatus::Entwurf, None), "tester", at(13))
        .await
        .unwrap();
    let view = papers::save_paper_version(
        &store,
        id,
        version("Wohnraum für Geflüchtete", "Text B", "Fortschreibung"),
        "tester",
        at(13),
    )
    .await
    .unwrap();
    assert_eq!(view.versions.len(), 2);
    assert_eq!(
        store.get_paper_version(view.versions[1].id).await.unwrap().body,
        "Text A"
    );
}

//! Participants on the real store: names as on the day, who cannot vanish from minutes, names that
//! follow the contact until the session took place, people chosen with the pickers.

use super::*;

#[tokio::test(flavor = "multi_thread")]
async fn participants_keep_the_names_of_the_day_and_cannot_vanish() {
    let net = Network::new(at(2026, 11, 1)).await;
    let (store, now) = (&net.store, net.now);
    let p = people(store).await;
    let s = net.session("Treffen", "24.11.2026").await;
    // A Regierungsbezirk: the two people in Tübingen; then a group adds the ministry, not Anna twice.
    let added =
        usecase::participants::add_participants(store, s.id, &ParticipantSet::Region("084".into()), now)
            .await
            .unwrap();
    assert_eq!((added.added, added.already), (2, 0));
    let added = usecase::participants::add_participants(
        store,
        s.id,
        &ParticipantSet::Group("Kernnetzwerk".into()),
        now,
    )
    .await
    .unwrap();
    assert_eq!((added.added, added.already), (1, 1));
    let list = store.list_participants(s.id).await.unwrap();
    let names: Vec<&str> = list.iter().map(|x| x.name.as_str()).collect();
    assert_eq!(
        names,
        ["Anna Müller", "Leyla Öztürk", "Jonas Weiß"],
        "German order of last names"
    );
    assert!(list.iter().all(|x| x.status == ParticipantStatus::Eingeladen));

    // Attendance by checklist.
    let anna = list.iter().find(|x| x.contact_id == p.anna).unwrap().id;
    let leyla = list
        .iter()
        .find(|x| x.contact_id == p.ministry_person)
        .unwrap()
        .id;
    usecase::participants::set_participant_status(
        store,
        s.id,
        &[
            (anna, ParticipantStatus::Teilgenommen),
            (leyla, ParticipantStatus::Entschuldigt),
        ],
        now,
    )
    .await
    .unwrap();
    usecase::sessions::update_session(
        store,
        s.id,
        SessionInput {
            status: SessionStatus::Durchgefuehrt,
            ..session("Treffen", "24.11.2026")
        },
        now,
    )
    .await
    .unwrap();

    // Anna marries and changes organisation; the session keeps her name and organisation of the day.
    let mut changed = store.get_contact(p.anna).await.unwrap();
    changed.last_name = "Schmidt".into();
    store
        .update_contact(
            p.anna,
            ContactInput {
                first_name: changed.first_name.clone(),
                last_name: "Schmidt".into(),
                organisation_id: None,
                ..Default::default()
            },
            now,
        )
        .await
        .unwrap();
    assert_eq!(
        usecase::participants::refresh_participant_names(store, s.id, now)
            .await
            .unwrap(),
        0,
        "frozen after the session"
    );
    let kept = store.list_participants(s.id).await.unwrap();
    let anna_row = kept.iter().find(|x| x.contact_id == p.anna).unwrap();
    assert_eq!(anna_row.name, "Anna Müller");
    assert_eq!(anna_row.organisation.as_deref(), Some("Landratsamt Tübingen"));

    // Who took part cannot be deleted; a mere invitation is released.
    let err = store.delete_contact(p.anna).await.unwrap_err();
    assert_eq!(err.code(), ErrorCode::Validation);
    assert!(
        err.to_string()
            .contains("Er steht in der Anwesenheitsliste einer Sitzung."),
        "{err}"
    );
    store.delete_contact(p.jonas).await.unwrap();
    assert_eq!(store.list_participants(s.id).await.unwrap().len(), 2);
    let _ = p.tuebingen;
}

#[tokio::test(flavor = "multi_thread")]
async fn names_follow_the_contact_until_the_session_took_place() {
    let net = Network::new(at(2026, 11, 1)).await;
    let (store, now) = (&net.store, net.now);
    let p = people(store).await;
    let s = net.session("Treffen", "24.11.2026").await;
    usecase::participants::add_participants(
        store,
        s.id,
        &ParticipantSet::Contacts(vec![p.anna, p.jonas]),
        now,
    )
    .await
    .unwrap();
    store
        .update_contact(
            p.anna,
            ContactInput {
                first_name: Some("Anna".into()),
                last_name: "Schmidt".into(),
                ..Default::default()
            },
            now,
        )
        .await
        .unwrap();
    assert_eq!(
        usecase::participants::refresh_participant_names(store, s.id, now)
            .await
            .unwrap(),
        1,
        "only Anna changed"
    );
    let names: Vec<String> = store
        .list_participants(s.id)
        .await
        .unwrap()
        .into_iter()
        .map(|x| x.name)
        .collect();
    assert_eq!(names, ["Anna Schmidt", "Jonas Weiß"]);
    let anna = store
        .list_participants(s.id)
        .await
        .unwrap()
        .into_iter()
        .find(|x| x.contact_id == p.anna)
        .unwrap();
    assert_eq!(anna.organisation, None, "she left the Landratsamt in that update");
}

/// What the window's pickers send (issue 10): several responsible people per TOP, in the order
/// chosen; a task owned by an organisation alone; the Protokollführung as a contact, whose name
/// stays as it was on the day when the contact is renamed later.
#[tokio::test(flavor = "multi_thread")]
async fn people_chosen_for_tops_tasks_and_minutes_keep_their_order_and_names() {
    let net = Network::new(at(2026, 11, 1)).await;
    let (store, now) = (&net.store, net.now);
    let p = people(store).await;
    let s = net.session("Treffen", "24.11.2026").await;
    let item = usecase::agenda::add_agenda_item(
        store,
        s.id,
        AgendaItemInput {
            responsible_contact_ids: vec![p.ministry_person, p.anna, p.jonas],
            ..top("Bericht", 20)
        },
        now,
    )
    .await
    .unwrap();
    let names: Vec<&str> = item.responsible.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["Leyla Öztürk", "Anna Müller", "Jonas Weiß"]);
    // The form sends the list again without Anna: she is gone, the order of the others stays.
    let item = usecase::agenda::update_agenda_item(
        store,
        item.id,
        AgendaItemInput {
            responsible_contact_ids: vec![p.ministry_person, p.jonas],
            expected_version: Some(item.version),
            ..top("Bericht", 20)
        },
        now,
    )
    .await
    .unwrap();
    let ids: Vec<i64> = item.responsible.iter().map(|r| r.contact_id).collect();
    assert_eq!(ids, [p.ministry_person, p.jonas]);

    // A task of the organisation itself, and one of the ministry's person.
    let org_task = usecase::minutes::add_action_item(
        store,
        s.id,
        ActionItemInput {
            agenda_item_id: Some(item.id),
            what: "Zahlen liefern".into(),
            owner_organisation_id: Some(p.tuebingen),
            ..Default::default()
        },
        now,
    )
    .await
    .unwrap();
    assert_eq!(org_task.owner_name.as_deref(), Some("Landratsamt Tübingen"));
    assert_eq!(org_task.owner_contact_id, None);
    usecase::minutes::add_action_item(
        store,
        s.id,
        ActionItemInput {
            agenda_item_id: Some(item.id),
            what: "Einladung verschicken".into(),
            owner_contact_id: Some(p.ministry_person),
            ..Default::default()
        },
        now,
    )
    .await
    .unwrap();
    let of_org = store
        .list_action_items(
            &ActionItemFilter {
                owner_organisation_id: Some(p.tuebingen),
                ..Default::default()
            },
            day(2026, 11, 1),
        )
        .await
        .unwrap();
    let whats: Vec<&str> = of_org.iter().map(|a| a.what.as_str()).collect();
    assert_eq!(whats, ["Zahlen liefern"]);

    // Protokollführung picked as a contact: the name of the day is stored …
    let minutes = usecase::minutes::update_minutes(
        store,
        s.id,
        MinutesInput {
            minute_taker_contact_id: Some(p.anna),
            ..Default::default()
        },
        now,
    )
    .await
    .unwrap();
    assert_eq!(minutes.minute_taker_name.as_deref(), Some("Anna Müller"));
    // … and kept when she is renamed later and the form saves the same choice again.
    store
        .update_contact(
            p.anna,
            ContactInput {
                first_name: Some("Anna".into()),
                last_name: "Schmidt".into(),
                ..Default::default()
            },
            now,
        )
        .await
        .unwrap();
    let minutes = usecase::minutes::update_minutes(
        store,
        s.id,
        MinutesInput {
            minute_taker_contact_id: Some(p.anna),
            minute_taker_name: Some("Anna Müller".into()),
            expected_version: Some(minutes.version),
        },
        now,
    )
    .await
    .unwrap();
    assert_eq!(minutes.minute_taker_name.as_deref(), Some("Anna Müller"));
    let view = store.get_minutes(s.id).await.unwrap();
    let stored = view.minutes.unwrap();
    assert_eq!(stored.minute_taker_contact_id, Some(p.anna));
    assert_eq!(stored.minute_taker_name.as_deref(), Some("Anna Müller"));
}

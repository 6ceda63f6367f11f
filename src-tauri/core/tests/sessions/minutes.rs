//! Minutes on the real store: from draft to approval and Nachträge, decisions numbered in agenda
//! order, the next session's decision approving the previous minutes.

use super::*;

#[tokio::test(flavor = "multi_thread")]
async fn minutes_from_draft_to_approval_then_only_addenda() {
    let net = Network::new(at(2027, 3, 10)).await;
    let (store, now) = (&net.store, net.now);
    let p = people(store).await;
    // Two earlier sessions in 2027 (one cancelled): this one is the 2nd of the year.
    net.session("Auftakt", "20.01.2027").await;
    usecase::sessions::create_session(
        store,
        SessionInput {
            status: SessionStatus::Abgesagt,
            ..session("Ausgefallen", "15.02.2027")
        },
        now,
    )
    .await
    .unwrap();
    let s = net.session("2. Netzwerktreffen 2027", "10.03.2027").await;
    let t1 = net.top(s.id, "Begrüßung", 10).await;
    let t2 = net.top(s.id, "Sprachkurse", 30).await;

    let discussion = "• Bedarf steigt\n\t– „Kita-Einstieg“ läuft gut";
    let item = usecase::minutes::set_discussion(store, t2.id, discussion, Some(t2.version), now)
        .await
        .unwrap();
    assert_eq!(item.discussion.as_deref(), Some(discussion), "kept as typed");
    // A stale autosave is refused.
    let stale = usecase::minutes::set_discussion(store, t2.id, "alt", Some(t2.version), now)
        .await
        .unwrap_err();
    assert_eq!(stale.code(), ErrorCode::Conflict);

    usecase::minutes::update_minutes(
        store,
        s.id,
        MinutesInput {
            minute_taker_contact_id: Some(p.ministry_person),
            ..Default::default()
        },
        now,
    )
    .await
    .unwrap();
    // Recorded out of agenda order: numbers follow the agenda.
    let d_late = usecase::minutes::add_decision(
        store,
        s.id,
        DecisionInput {
            agenda_item_id: Some(t2.id),
            text: "Das Netzwerk empfiehlt …".into(),
            ..Default::default()
        },
        now,
    )
    .await
    .unwrap();
    assert_eq!(d_late.label, "Beschluss 2/2027-1");
    let d_early = usecase::minutes::add_decision(
        store,
        s.id,
        DecisionInput {
            agenda_item_id: Some(t1.id),
            text: "Die Tagesordnung wird genehmigt.".into(),
            ..Default::default()
        },
        now,
    )
    .await
    .unwrap();
    assert_eq!(d_early.label, "Beschluss 2/2027-1");
    assert_eq!(
        store.get_decision(d_late.id).await.unwrap().label,
        "Beschluss 2/2027-2"
    );

    let err = usecase::minutes::add_action_item(
        store,
        s.id,
        ActionItemInput {
            what: "Bericht".into(),
            due_date: Some("01.03.2027".into()),
            ..Default::default()
        },
        now,
    )
    .await
    .unwrap_err();
    assert!(
        err.to_string()
            .starts_with("Fällig am: Der 01.03.2027 liegt vor der Sitzung"),
        "{err}"
    );
    let task = usecase::minutes::add_action_item(
        store,
        s.id,
        ActionItemInput {
            agenda_item_id: Some(t2.id),
            what: "Bedarfsabfrage an alle Kreise schicken".into(),
            owner_contact_id: Some(p.anna),
            due_date: Some("31.03.2027".into()),
            ..Default::default()
        },
        now,
    )
    .await
    .unwrap();
    assert_eq!(
        task.owner_name.as_deref(),
        Some("Anna Müller (Landratsamt Tübingen)")
    );

    // Nachtrag before approval: refused.
    let early = usecase::minutes::add_addendum(
        store,
        s.id,
        AddendumInput {
            reason: "x".into(),
            text: "y".into(),
            date: None,
        },
        now,
    )
    .await
    .unwrap_err();
    assert!(early.to_string().starts_with("Nachtrag: "));

    let approved = usecase::minutes::approve_minutes(store, s.id, "Dr. Leyla Öztürk", at(2027, 3, 20))
        .await
        .unwrap();
    assert_eq!(approved.status, MinutesStatus::Freigegeben);
    assert_eq!(approved.approved_by.as_deref(), Some("Dr. Leyla Öztürk"));
    assert_eq!(approved.approved_at.as_deref(), Some("2027-03-20T09:00:00Z"));

    // Read-only now: discussion, decisions, agenda, attendance, session date, deletion.
    let locked = |e: netzwerkmappe_core::Error| {
        assert_eq!(e.code(), ErrorCode::Validation);
        assert!(e.to_string().contains("freigegeben"), "{e}");
    };
    locked(
        usecase::minutes::set_discussion(store, t2.id, "geändert", None, now)
            .await
            .unwrap_err(),
    );
    locked(
        usecase::minutes::update_decision(
            store,
            d_late.id,
            DecisionInput {
                text: "anders".into(),
                ..Default::default()
            },
            now,
        )
        .await
        .unwrap_err(),
    );
    locked(
        usecase::minutes::delete_decision(store, d_late.id)
            .await
            .unwrap_err(),
    );
    locked(
        usecase::agenda::add_agenda_item(store, s.id, top("Nachgereicht", 5), now)
            .await
            .unwrap_err(),
    );
    locked(
        usecase::agenda::move_agenda_item(store, t2.id, AgendaMove::Up, now)
            .await
            .unwrap_err(),
    );
    locked(
        usecase::participants::add_participants(store, s.id, &ParticipantSet::Contacts(vec![p.jonas]), now)
            .await
            .unwrap_err(),
    );
    locked(
        usecase::sessions::update_session(store, s.id, session("2. Netzwerktreffen 2027", "11.03.2027"), now)
            .await
            .unwrap_err(),
    );
    locked(usecase::sessions::delete_session(store, s.id).await.unwrap_err());
    locked(
        usecase::minutes::update_action_item(
            store,
            task.id,
            ActionItemInput {
                what: "Etwas anderes".into(),
                ..Default::default()
            },
            now,
        )
        .await
        .unwrap_err(),
    );
    let unchanged = store.get_minutes(s.id).await.unwrap();
    assert_eq!(unchanged.decisions.len(), 2);
    assert_eq!(unchanged.decisions[1].text, "Das Netzwerk empfiehlt …");

    // The correction is a Nachtrag, dated, with a reason, visible beside the minutes.
    let addendum = usecase::minutes::add_addendum(
        store,
        s.id,
        AddendumInput {
            date: Some("25.03.2027".into()),
            reason: "Name falsch geschrieben".into(),
            text: "In TOP 2 muss es „Öztürk“ heißen.".into(),
        },
        at(2027, 3, 25),
    )
    .await
    .unwrap();
    assert_eq!(addendum.date, "2027-03-25");
    assert_eq!(store.get_minutes(s.id).await.unwrap().addenda.len(), 1);

    // Aufgabenübersicht: overdue in April, done from there (allowed after approval).
    let overdue = store
        .list_action_items(
            &ActionItemFilter {
                overdue_only: true,
                ..Default::default()
            },
            day(2027, 4, 2),
        )
        .await
        .unwrap();
    assert_eq!(overdue.len(), 1);
    assert!(overdue[0].overdue);
    assert_eq!(overdue[0].session_title, "2. Netzwerktreffen 2027");
    let by_org = store
        .list_action_items(
            &ActionItemFilter {
                owner_organisation_id: Some(p.tuebingen),
                ..Default::default()
            },
            day(2027, 4, 2),
        )
        .await
        .unwrap();
    assert_eq!(by_org.len(), 1, "an item of a person at the organisation");
    let done = usecase::minutes::set_action_item_status(
        store,
        task.id,
        ActionStatus::Erledigt,
        None,
        Some(task.version),
        at(2027, 4, 2),
    )
    .await
    .unwrap();
    assert_eq!(done.done_date.as_deref(), Some("2027-04-02"));
    let overdue = store
        .list_action_items(
            &ActionItemFilter {
                overdue_only: true,
                ..Default::default()
            },
            day(2027, 4, 2),
        )
        .await
        .unwrap();
    assert!(overdue.is_empty());
    // The owner of a task stays.
    let err = store.delete_contact(p.anna).await.unwrap_err();
    assert!(
        err.to_string().contains("für eine Aufgabe verantwortlich"),
        "{err}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn the_next_sessions_decision_approves_the_previous_minutes() {
    let net = Network::new(at(2027, 3, 1)).await;
    let (store, now) = (&net.store, net.now);
    let first = net.session("1. Treffen", "10.03.2027").await;
    let t = net.top(first.id, "Bericht", 30).await;
    usecase::minutes::add_decision(
        store,
        first.id,
        DecisionInput {
            agenda_item_id: Some(t.id),
            text: "Bericht angenommen.".into(),
            ..Default::default()
        },
        now,
    )
    .await
    .unwrap();
    // "Als Vorlage verwenden": agenda and participants go into the next session.
    let second = usecase::sessions::create_session_from_template(
        store,
        first.id,
        session("2. Treffen", "16.06.2027"),
        now,
    )
    .await
    .unwrap();
    let copied = store.list_agenda(second.id).await.unwrap();
    assert_eq!(copied.len(), 1);
    assert_eq!(copied[0].title, "Bericht");
    assert_eq!(copied[0].discussion, None);
    let approval = usecase::agenda::add_agenda_item(
        store,
        second.id,
        AgendaItemInput {
            approves_session_id: Some(first.id),
            ..top("Genehmigung des Protokolls der letzten Sitzung", 5)
        },
        now,
    )
    .await
    .unwrap();
    usecase::minutes::add_decision(
        store,
        second.id,
        DecisionInput {
            agenda_item_id: Some(approval.id),
            text: "Das Protokoll wird genehmigt.".into(),
            ..Default::default()
        },
        at(2027, 6, 16),
    )
    .await
    .unwrap();
    let m = store.get_minutes(first.id).await.unwrap().minutes.unwrap();
    assert_eq!(m.status, MinutesStatus::Freigegeben);
    assert_eq!(
        m.approved_by.as_deref(),
        Some("Beschluss 2/2027-1 der Sitzung „2. Treffen“")
    );
}

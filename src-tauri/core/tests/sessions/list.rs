//! The Sitzungen list and form: refused input, order and search of the list, stale saves and the
//! status rule, a session named on the command line, invitations, reminders, a session on a file.

use super::*;

#[tokio::test(flavor = "multi_thread")]
async fn bad_session_input_is_refused_with_the_field_and_nothing_is_stored() {
    let net = Network::new(at(2026, 11, 1)).await;
    let (store, now) = (&net.store, net.now);
    for (input, field) in [
        (
            SessionInput {
                title: " ".into(),
                ..session("x", "24.11.2026")
            },
            "Titel",
        ),
        (session("Treffen", "31.02.2027"), "Datum"),
        (
            SessionInput {
                end_time: Some("13:00".into()),
                ..session("Treffen", "24.11.2026")
            },
            "Ende",
        ),
    ] {
        let err = usecase::sessions::create_session(store, input, now)
            .await
            .unwrap_err();
        assert_eq!(err.code(), ErrorCode::Validation);
        assert!(err.to_string().starts_with(&format!("{field}: ")), "{err}");
    }
    let all = store
        .list_sessions(&SessionFilter::default(), day(2026, 11, 1))
        .await
        .unwrap();
    assert!(all.is_empty());
}

#[tokio::test(flavor = "multi_thread")]
async fn sessions_are_listed_upcoming_first_and_found_by_text() {
    let net = Network::new(at(2026, 11, 1)).await;
    let (store, now) = (&net.store, net.now);
    for (title, date) in [
        ("1. Netzwerktreffen 2026", "12.03.2026"),
        ("4. Netzwerktreffen 2026", "24.11.2026"),
        ("2. Netzwerktreffen 2026", "18.06.2026"),
        ("1. Netzwerktreffen 2027", "10.03.2027"),
    ] {
        usecase::sessions::create_session(store, session(title, date), now)
            .await
            .unwrap();
    }
    let rows = store
        .list_sessions(&SessionFilter::default(), day(2026, 11, 24))
        .await
        .unwrap();
    let titles: Vec<&str> = rows.iter().map(|r| r.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "4. Netzwerktreffen 2026",
            "1. Netzwerktreffen 2027",
            "2. Netzwerktreffen 2026",
            "1. Netzwerktreffen 2026"
        ]
    );
    assert!(rows[0].upcoming && rows[1].upcoming && !rows[2].upcoming);

    let found = store
        .list_sessions(
            &SessionFilter {
                query: Some("netzwerktr 2027".into()),
                ..Default::default()
            },
            day(2026, 11, 24),
        )
        .await
        .unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].title, "1. Netzwerktreffen 2027");
    // By the German date and by place.
    let by_date = store
        .list_sessions(
            &SessionFilter {
                query: Some("18.06.2026".into()),
                ..Default::default()
            },
            day(2026, 11, 24),
        )
        .await
        .unwrap();
    assert_eq!(by_date.len(), 1);
    let by_year = store
        .list_sessions(
            &SessionFilter {
                year: Some(2026),
                ..Default::default()
            },
            day(2026, 11, 24),
        )
        .await
        .unwrap();
    assert_eq!(by_year.len(), 3);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_stale_save_is_refused_and_status_follows_the_rule() {
    let net = Network::new(at(2026, 11, 1)).await;
    let (store, now) = (&net.store, net.now);
    let s = net.session("Treffen", "24.11.2026").await;
    assert_eq!(s.version, 1);
    assert_eq!(s.when_de(), "Di., 24.11.2026, 14:00–16:30 Uhr");
    let changed = usecase::sessions::update_session(
        store,
        s.id,
        SessionInput {
            status: SessionStatus::Eingeladen,
            expected_version: Some(1),
            ..session("Treffen (geändert)", "24.11.2026")
        },
        now,
    )
    .await
    .unwrap();
    assert_eq!(changed.version, 2);
    let stale = usecase::sessions::update_session(
        store,
        s.id,
        SessionInput {
            expected_version: Some(1),
            ..session("Alt", "24.11.2026")
        },
        now,
    )
    .await
    .unwrap_err();
    assert_eq!(stale.code(), ErrorCode::Conflict);
    assert!(stale.to_string().starts_with("Die Sitzung wurde inzwischen"));
    usecase::sessions::update_session(
        store,
        s.id,
        SessionInput {
            status: SessionStatus::Abgesagt,
            ..session("Treffen", "24.11.2026")
        },
        now,
    )
    .await
    .unwrap();
    let err = usecase::sessions::update_session(
        store,
        s.id,
        SessionInput {
            status: SessionStatus::Durchgefuehrt,
            ..session("Treffen", "24.11.2026")
        },
        now,
    )
    .await
    .unwrap_err();
    assert!(err.to_string().starts_with("Status: "), "{err}");
}

/// The same cycle on a file (WAL, foreign keys on a real connection pool) survives a reopen.
#[tokio::test(flavor = "multi_thread")]
async fn sessions_on_a_file_survive_a_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("netzwerkmappe.sqlite3");
    let now = at(2027, 3, 1);
    let id = {
        let store = Store::open(&path).await.unwrap();
        let p = people(&store).await;
        let s = usecase::sessions::create_session(&store, session("Treffen", "10.03.2027"), now)
            .await
            .unwrap();
        usecase::agenda::add_agenda_item(&store, s.id, top("Begrüßung", 10), now)
            .await
            .unwrap();
        usecase::participants::add_participants(&store, s.id, &ParticipantSet::AllDistricts, now)
            .await
            .unwrap();
        let list = store.list_participants(s.id).await.unwrap();
        assert_eq!(
            list.len(),
            2,
            "the two people at the Landratsamt, not the ministry"
        );
        usecase::participants::set_participant_status(
            &store,
            s.id,
            &[(list[0].id, ParticipantStatus::Teilgenommen)],
            now,
        )
        .await
        .unwrap();
        usecase::minutes::add_decision(
            &store,
            s.id,
            DecisionInput {
                text: "Beschlossen.".into(),
                ..Default::default()
            },
            now,
        )
        .await
        .unwrap();
        usecase::minutes::approve_minutes(&store, s.id, "Vorsitz", now)
            .await
            .unwrap();
        let _ = p;
        store.close().await;
        s.id
    };
    let store = Store::open(&path).await.unwrap();
    let s = store.get_session(id).await.unwrap();
    assert_eq!(s.minutes_status, Some(MinutesStatus::Freigegeben));
    let err = usecase::sessions::delete_session(&store, id).await.unwrap_err();
    assert!(
        err.to_string()
            .starts_with("Sitzung: Die Sitzung hat ein freigegebenes Protokoll"),
        "{err}"
    );
    // A participant who attended cannot be deleted even by the database itself (FK RESTRICT).
    let attended = store.list_participants(id).await.unwrap()[0].contact_id;
    assert!(store.delete_contact(attended).await.is_err());
    assert_eq!(store.list_agenda(id).await.unwrap().len(), 1);
}

#[tokio::test(flavor = "multi_thread")]
async fn sessions_are_found_by_number_next_and_last_and_invitations_are_written() {
    let net = Network::new(at(2026, 11, 1)).await;
    let (store, now) = (&net.store, net.now);
    let err = usecase::sessions::find_session(store, "naechste", day(2026, 11, 24))
        .await
        .unwrap_err();
    assert_eq!(err.to_string(), "Sitzung: Es ist keine Sitzung geplant.");
    let past = net.session("Vorher", "12.03.2026").await;
    usecase::sessions::create_session(
        store,
        SessionInput {
            status: SessionStatus::Abgesagt,
            ..session("Abgesagt", "01.12.2026")
        },
        now,
    )
    .await
    .unwrap();
    let next = net.session("Demnächst", "10.12.2026").await;
    let today = day(2026, 11, 24);
    assert_eq!(
        usecase::sessions::find_session(store, "naechste", today)
            .await
            .unwrap()
            .id,
        next.id
    );
    assert_eq!(
        usecase::sessions::find_session(store, "Nächste", today)
            .await
            .unwrap()
            .id,
        next.id
    );
    assert_eq!(
        usecase::sessions::find_session(store, "letzte", today)
            .await
            .unwrap()
            .id,
        past.id
    );
    assert_eq!(
        usecase::sessions::find_session(store, &past.id.to_string(), today)
            .await
            .unwrap()
            .title,
        "Vorher"
    );
    assert_eq!(
        usecase::sessions::find_session(store, "999", today)
            .await
            .unwrap_err()
            .code(),
        ErrorCode::NotFound
    );
    assert!(
        usecase::sessions::find_session(store, "morgen", today)
            .await
            .unwrap_err()
            .to_string()
            .starts_with("Sitzung: „morgen“")
    );

    let p = people(store).await;
    net.top(next.id, "Begrüßung", 10).await;
    usecase::participants::add_participants(
        store,
        next.id,
        &ParticipantSet::Contacts(vec![p.anna, p.jonas]),
        now,
    )
    .await
    .unwrap();
    let (invitation, recipients) = usecase::sessions::session_invitation(store, next.id)
        .await
        .unwrap();
    assert_eq!(
        invitation.subject,
        "Einladung: Demnächst am Do., 10.12.2026, 14:00–16:30 Uhr"
    );
    assert!(invitation.body.contains("TOP 1  14:00 Uhr  Begrüßung"));
    assert!(recipients.is_empty(), "the test people have no addresses");
}

#[tokio::test(flavor = "multi_thread")]
async fn reminders_are_shown_once_and_again_after_a_move() {
    let net = Network::new(at(2027, 3, 8)).await;
    let (store, now) = (&net.store, net.now);
    let s = net.session("Bald", "10.03.2027").await;
    usecase::minutes::add_action_item(
        store,
        s.id,
        ActionItemInput {
            what: "Unterlagen schicken".into(),
            due_date: Some("12.03.2027".into()),
            ..Default::default()
        },
        now,
    )
    .await
    .unwrap();
    let first = store.pending_reminders(now, 7).await.unwrap();
    let titles: Vec<&str> = first.iter().map(|r| r.title.as_str()).collect();
    assert_eq!(titles, ["Sitzung in 2 Tagen", "Aufgabe fällig in 4 Tagen"]);
    let keys: Vec<String> = first.iter().map(|r| r.key.clone()).collect();
    store.mark_reminders_shown(&keys, now).await.unwrap();
    store.mark_reminders_shown(&keys, now).await.unwrap();
    assert!(
        store.pending_reminders(now, 7).await.unwrap().is_empty(),
        "once only, also after a restart"
    );
    // The session moves to another day: reminded again.
    usecase::sessions::update_session(store, s.id, session("Bald", "11.03.2027"), now)
        .await
        .unwrap();
    let again = store.pending_reminders(now, 7).await.unwrap();
    assert_eq!(again.len(), 1);
    assert_eq!(again[0].body, "Bald, Do., 11.03.2027, 14:00–16:30 Uhr");
    // A week later the task is overdue: a new reminder.
    let later = store.pending_reminders(at(2027, 3, 15), 7).await.unwrap();
    assert!(
        later
            .iter()
            .any(|r| r.title == "Aufgabe überfällig seit 12.03.2027")
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_session_is_found_by_its_hosts_current_name() {
    let net = Network::new(at(2027, 3, 1)).await;
    let (store, now) = (&net.store, net.now);
    let host = store
        .create_organisation(
            OrganisationInput {
                name: "Landratsamt Calw".into(),
                ..Default::default()
            },
            now,
        )
        .await
        .unwrap();
    usecase::sessions::create_session(
        store,
        SessionInput {
            host_organisation_id: Some(host.id),
            ..session("Treffen", "10.03.2027")
        },
        now,
    )
    .await
    .unwrap();
    let find = |text: &'static str| {
        let store = store.clone();
        async move {
            store
                .list_sessions(
                    &SessionFilter {
                        query: Some(text.into()),
                        ..Default::default()
                    },
                    day(2027, 3, 1),
                )
                .await
                .unwrap()
                .len()
        }
    };
    assert_eq!(find("calw").await, 1);
    store
        .update_organisation(
            host.id,
            OrganisationInput {
                name: "Landratsamt Nordschwarzwald".into(),
                ..Default::default()
            },
            now,
        )
        .await
        .unwrap();
    assert_eq!(find("calw").await, 0);
    assert_eq!(find("nordschw").await, 1);
    store
        .delete_organisation(
            host.id,
            netzwerkmappe_core::organisation::ContactsOnDelete::Refuse,
        )
        .await
        .unwrap();
    assert_eq!(find("nordschw").await, 0);
    assert_eq!(find("treffen").await, 1, "the session stays, without host");
}

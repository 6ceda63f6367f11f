//! Sessions on the real store: plan, invite, meet, minute, approve, follow up; the approval lock,
//! numbering, kept names of participants, and the search over the new kinds.
#![allow(clippy::unwrap_used)]

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use netzwerkmappe_core::agenda::{AgendaItemInput, AgendaMove};
use netzwerkmappe_core::contact::ContactInput;
use netzwerkmappe_core::minutes::{
    ActionItemFilter, ActionItemInput, ActionStatus, AddendumInput, DecisionInput, MinutesInput,
    MinutesStatus,
};
use netzwerkmappe_core::organisation::{OrganisationInput, OrganisationKind};
use netzwerkmappe_core::participant::{ParticipantSet, ParticipantStatus};
use netzwerkmappe_core::search::SearchKind;
use netzwerkmappe_core::session::{SessionFilter, SessionInput, SessionStatus};
use netzwerkmappe_core::{ErrorCode, Store};

fn at(y: i32, m: u32, d: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, 9, 0, 0).unwrap()
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn session(title: &str, date: &str) -> SessionInput {
    SessionInput {
        title: title.into(),
        date: date.into(),
        start_time: "14:00".into(),
        end_time: Some("16:30".into()),
        place: Some("Stuttgart, Else-Josenhans-Straße 6".into()),
        ..Default::default()
    }
}

fn top(title: &str, minutes: i64) -> AgendaItemInput {
    AgendaItemInput {
        title: title.into(),
        planned_minutes: Some(minutes),
        ..Default::default()
    }
}

struct People {
    tuebingen: i64,
    anna: i64,
    jonas: i64,
    ministry_person: i64,
}

/// Two people at the Landratsamt Tübingen (Regierungsbezirk Tübingen), one at the ministry.
async fn people(store: &Store) -> People {
    let now = at(2026, 11, 1);
    let tuebingen = store
        .create_organisation(
            OrganisationInput {
                name: "Landratsamt Tübingen".into(),
                kind: Some(OrganisationKind::Landratsamt),
                district_ags: Some("08416".into()),
                ..Default::default()
            },
            now,
        )
        .await
        .unwrap()
        .id;
    let ministry = store
        .create_organisation(
            OrganisationInput {
                name: "Ministerium für Soziales, Gesundheit und Integration".into(),
                kind: Some(OrganisationKind::Ministerium),
                ..Default::default()
            },
            now,
        )
        .await
        .unwrap()
        .id;
    let contact = |first: &str, last: &str, org: i64, groups: Vec<String>| ContactInput {
        first_name: Some(first.into()),
        last_name: last.into(),
        organisation_id: Some(org),
        function: Some("Integrationsbeauftragte".into()),
        groups,
        ..Default::default()
    };
    let anna = store
        .create_contact(
            contact("Anna", "Müller", tuebingen, vec!["Kernnetzwerk".into()]),
            now,
        )
        .await
        .unwrap()
        .id;
    let jonas = store
        .create_contact(contact("Jonas", "Weiß", tuebingen, vec![]), now)
        .await
        .unwrap()
        .id;
    let ministry_person = store
        .create_contact(
            contact("Leyla", "Öztürk", ministry, vec!["Kernnetzwerk".into()]),
            now,
        )
        .await
        .unwrap()
        .id;
    People {
        tuebingen,
        anna,
        jonas,
        ministry_person,
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn bad_session_input_is_refused_with_the_field_and_nothing_is_stored() {
    let store = Store::open_in_memory().await.unwrap();
    let now = at(2026, 11, 1);
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
        let err = store.create_session(input, now).await.unwrap_err();
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
    let store = Store::open_in_memory().await.unwrap();
    let now = at(2026, 11, 1);
    for (title, date) in [
        ("1. Netzwerktreffen 2026", "12.03.2026"),
        ("4. Netzwerktreffen 2026", "24.11.2026"),
        ("2. Netzwerktreffen 2026", "18.06.2026"),
        ("1. Netzwerktreffen 2027", "10.03.2027"),
    ] {
        store.create_session(session(title, date), now).await.unwrap();
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
    let store = Store::open_in_memory().await.unwrap();
    let now = at(2026, 11, 1);
    let s = store
        .create_session(session("Treffen", "24.11.2026"), now)
        .await
        .unwrap();
    assert_eq!(s.version, 1);
    assert_eq!(s.when_de(), "Di., 24.11.2026, 14:00–16:30 Uhr");
    let changed = store
        .update_session(
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
    let stale = store
        .update_session(
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
    store
        .update_session(
            s.id,
            SessionInput {
                status: SessionStatus::Abgesagt,
                ..session("Treffen", "24.11.2026")
            },
            now,
        )
        .await
        .unwrap();
    let err = store
        .update_session(
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

#[tokio::test(flavor = "multi_thread")]
async fn agenda_numbering_clock_times_and_moves() {
    let store = Store::open_in_memory().await.unwrap();
    let now = at(2026, 11, 1);
    let s = store
        .create_session(session("Treffen", "24.11.2026"), now)
        .await
        .unwrap();
    let t1 = store
        .add_agenda_item(s.id, top("Begrüßung", 20), now)
        .await
        .unwrap();
    let t2 = store
        .add_agenda_item(s.id, top("Berichte aus den Kreisen", 0), now)
        .await
        .unwrap();
    let t3 = store
        .add_agenda_item(s.id, top("Verschiedenes", 15), now)
        .await
        .unwrap();
    let sub = store
        .add_agenda_item(
            s.id,
            AgendaItemInput {
                parent_id: Some(t2.id),
                ..top("Landkreis Tübingen", 25)
            },
            now,
        )
        .await
        .unwrap();
    assert_eq!(sub.number, "2.1");
    let agenda = store.list_agenda(s.id).await.unwrap();
    let shown: Vec<String> = agenda
        .iter()
        .map(|i| format!("{} {} {}", i.number, i.clock_time, i.title))
        .collect();
    assert_eq!(
        shown,
        [
            "1 14:00 Begrüßung",
            "2 14:20 Berichte aus den Kreisen",
            "2.1 14:20 Landkreis Tübingen",
            "3 14:45 Verschiedenes"
        ]
    );
    // TOP 3 up: it becomes TOP 2, the reports TOP 3 with their sub-item 3.1.
    let agenda = store.move_agenda_item(t3.id, AgendaMove::Up, now).await.unwrap();
    let shown: Vec<String> = agenda
        .iter()
        .map(|i| format!("{} {}", i.number, i.title))
        .collect();
    assert_eq!(
        shown,
        [
            "1 Begrüßung",
            "2 Verschiedenes",
            "3 Berichte aus den Kreisen",
            "3.1 Landkreis Tübingen"
        ]
    );
    // Indent "Verschiedenes" under "Begrüßung", then out again.
    let agenda = store
        .move_agenda_item(t3.id, AgendaMove::Indent, now)
        .await
        .unwrap();
    assert_eq!(agenda.iter().find(|i| i.id == t3.id).unwrap().number, "1.1");
    let agenda = store
        .move_agenda_item(t3.id, AgendaMove::Outdent, now)
        .await
        .unwrap();
    assert_eq!(agenda.iter().find(|i| i.id == t3.id).unwrap().number, "2");
    let err = store
        .move_agenda_item(t1.id, AgendaMove::Up, now)
        .await
        .unwrap_err();
    assert_eq!(err.to_string(), "Tagesordnung: Der Punkt steht schon ganz oben.");
    // Deleting a TOP closes ranks.
    let agenda = store.delete_agenda_item(t1.id).await.unwrap();
    let shown: Vec<String> = agenda.iter().map(|i| i.number.clone()).collect();
    assert_eq!(shown, ["1", "2", "2.1"]);
}

#[tokio::test(flavor = "multi_thread")]
async fn participants_keep_the_names_of_the_day_and_cannot_vanish() {
    let store = Store::open_in_memory().await.unwrap();
    let p = people(&store).await;
    let now = at(2026, 11, 1);
    let s = store
        .create_session(session("Treffen", "24.11.2026"), now)
        .await
        .unwrap();
    // A Regierungsbezirk: the two people in Tübingen; then a group adds the ministry, not Anna twice.
    let added = store
        .add_participants(s.id, &ParticipantSet::Region("084".into()), now)
        .await
        .unwrap();
    assert_eq!((added.added, added.already), (2, 0));
    let added = store
        .add_participants(s.id, &ParticipantSet::Group("Kernnetzwerk".into()), now)
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
    store
        .set_participant_status(
            s.id,
            &[
                (anna, ParticipantStatus::Teilgenommen),
                (leyla, ParticipantStatus::Entschuldigt),
            ],
            now,
        )
        .await
        .unwrap();
    store
        .update_session(
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
        store.refresh_participant_names(s.id, now).await.unwrap(),
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
async fn minutes_from_draft_to_approval_then_only_addenda() {
    let store = Store::open_in_memory().await.unwrap();
    let p = people(&store).await;
    let now = at(2027, 3, 10);
    // Two earlier sessions in 2027 (one cancelled): this one is the 2nd of the year.
    store
        .create_session(session("Auftakt", "20.01.2027"), now)
        .await
        .unwrap();
    store
        .create_session(
            SessionInput {
                status: SessionStatus::Abgesagt,
                ..session("Ausgefallen", "15.02.2027")
            },
            now,
        )
        .await
        .unwrap();
    let s = store
        .create_session(session("2. Netzwerktreffen 2027", "10.03.2027"), now)
        .await
        .unwrap();
    let t1 = store
        .add_agenda_item(s.id, top("Begrüßung", 10), now)
        .await
        .unwrap();
    let t2 = store
        .add_agenda_item(s.id, top("Sprachkurse", 30), now)
        .await
        .unwrap();

    let discussion = "• Bedarf steigt\n\t– „Kita-Einstieg“ läuft gut";
    let item = store
        .set_discussion(t2.id, discussion, Some(t2.version), now)
        .await
        .unwrap();
    assert_eq!(item.discussion.as_deref(), Some(discussion), "kept as typed");
    // A stale autosave is refused.
    let stale = store
        .set_discussion(t2.id, "alt", Some(t2.version), now)
        .await
        .unwrap_err();
    assert_eq!(stale.code(), ErrorCode::Conflict);

    store
        .update_minutes(
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
    let d_late = store
        .add_decision(
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
    let d_early = store
        .add_decision(
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

    let err = store
        .add_action_item(
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
    let task = store
        .add_action_item(
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
    let early = store
        .add_addendum(
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

    let approved = store
        .approve_minutes(s.id, "Dr. Leyla Öztürk", at(2027, 3, 20))
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
        store
            .set_discussion(t2.id, "geändert", None, now)
            .await
            .unwrap_err(),
    );
    locked(
        store
            .update_decision(
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
    locked(store.delete_decision(d_late.id).await.unwrap_err());
    locked(
        store
            .add_agenda_item(s.id, top("Nachgereicht", 5), now)
            .await
            .unwrap_err(),
    );
    locked(
        store
            .move_agenda_item(t2.id, AgendaMove::Up, now)
            .await
            .unwrap_err(),
    );
    locked(
        store
            .add_participants(s.id, &ParticipantSet::Contacts(vec![p.jonas]), now)
            .await
            .unwrap_err(),
    );
    locked(
        store
            .update_session(s.id, session("2. Netzwerktreffen 2027", "11.03.2027"), now)
            .await
            .unwrap_err(),
    );
    locked(store.delete_session(s.id).await.unwrap_err());
    locked(
        store
            .update_action_item(
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
    let addendum = store
        .add_addendum(
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
    let done = store
        .set_action_item_status(
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
    let store = Store::open_in_memory().await.unwrap();
    let now = at(2027, 3, 1);
    let first = store
        .create_session(session("1. Treffen", "10.03.2027"), now)
        .await
        .unwrap();
    let t = store
        .add_agenda_item(first.id, top("Bericht", 30), now)
        .await
        .unwrap();
    store
        .add_decision(
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
    let second = store
        .create_session_from_template(first.id, session("2. Treffen", "16.06.2027"), now)
        .await
        .unwrap();
    let copied = store.list_agenda(second.id).await.unwrap();
    assert_eq!(copied.len(), 1);
    assert_eq!(copied[0].title, "Bericht");
    assert_eq!(copied[0].discussion, None);
    let approval = store
        .add_agenda_item(
            second.id,
            AgendaItemInput {
                approves_session_id: Some(first.id),
                ..top("Genehmigung des Protokolls der letzten Sitzung", 5)
            },
            now,
        )
        .await
        .unwrap();
    store
        .add_decision(
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

#[tokio::test(flavor = "multi_thread")]
async fn the_search_box_finds_sessions_tops_decisions_tasks_and_minutes() {
    let store = Store::open_in_memory().await.unwrap();
    let now = at(2027, 3, 1);
    let s = store
        .create_session(session("Frühjahrstreffen", "10.03.2027"), now)
        .await
        .unwrap();
    let t = store
        .add_agenda_item(s.id, top("Wohnraum für Geflüchtete", 30), now)
        .await
        .unwrap();
    store
        .set_discussion(t.id, "Die Quote der Anschlussunterbringung", None, now)
        .await
        .unwrap();
    store
        .add_decision(
            s.id,
            DecisionInput {
                agenda_item_id: Some(t.id),
                text: "Arbeitsgruppe Wohnraum wird gegründet.".into(),
                ..Default::default()
            },
            now,
        )
        .await
        .unwrap();
    store
        .add_action_item(
            s.id,
            ActionItemInput {
                what: "Wohnraumbörse prüfen".into(),
                ..Default::default()
            },
            now,
        )
        .await
        .unwrap();
    let results = store.search_all("wohnr", 10).await.unwrap();
    let kinds: Vec<SearchKind> = results.groups.iter().map(|g| g.kind).collect();
    assert_eq!(
        kinds,
        [
            SearchKind::Session,
            SearchKind::AgendaItem,
            SearchKind::Decision,
            SearchKind::ActionItem
        ]
    );
    let decision = &results.groups[2].hits[0];
    assert_eq!(decision.label, "Beschluss 1/2027-1");
    // Every hit names its session, so the window opens the screen that shows it.
    for hit in results.hits() {
        assert_eq!(hit.session_id, Some(s.id), "{hit:?}");
    }
    let minutes = store.search_all("anschlussunterbr", 10).await.unwrap();
    assert_eq!(minutes.groups.len(), 1);
    assert_eq!(minutes.groups[0].kind, SearchKind::Minutes);
    assert_eq!(minutes.groups[0].hits[0].label, "Protokoll: Frühjahrstreffen");
    assert_eq!(minutes.groups[0].hits[0].id, s.id);
    assert_eq!(minutes.groups[0].hits[0].session_id, Some(s.id));
    // Umlaut-insensitive: "fruhjahr" finds the session.
    let by_title = store.search_all("fruhjahr", 10).await.unwrap();
    assert_eq!(by_title.groups[0].kind, SearchKind::Session);
    // Deleting the session (draft minutes) removes every row.
    store.delete_session(s.id).await.unwrap();
    assert!(store.search_all("wohnr", 10).await.unwrap().groups.is_empty());
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
        let s = store
            .create_session(session("Treffen", "10.03.2027"), now)
            .await
            .unwrap();
        store
            .add_agenda_item(s.id, top("Begrüßung", 10), now)
            .await
            .unwrap();
        store
            .add_participants(s.id, &ParticipantSet::AllDistricts, now)
            .await
            .unwrap();
        let list = store.list_participants(s.id).await.unwrap();
        assert_eq!(
            list.len(),
            2,
            "the two people at the Landratsamt, not the ministry"
        );
        store
            .set_participant_status(s.id, &[(list[0].id, ParticipantStatus::Teilgenommen)], now)
            .await
            .unwrap();
        store
            .add_decision(
                s.id,
                DecisionInput {
                    text: "Beschlossen.".into(),
                    ..Default::default()
                },
                now,
            )
            .await
            .unwrap();
        store.approve_minutes(s.id, "Vorsitz", now).await.unwrap();
        let _ = p;
        store.close().await;
        s.id
    };
    let store = Store::open(&path).await.unwrap();
    let s = store.get_session(id).await.unwrap();
    assert_eq!(s.minutes_status, Some(MinutesStatus::Freigegeben));
    let err = store.delete_session(id).await.unwrap_err();
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
    let store = Store::open_in_memory().await.unwrap();
    let now = at(2026, 11, 1);
    let err = store
        .find_session("naechste", day(2026, 11, 24))
        .await
        .unwrap_err();
    assert_eq!(err.to_string(), "Sitzung: Es ist keine Sitzung geplant.");
    let past = store
        .create_session(session("Vorher", "12.03.2026"), now)
        .await
        .unwrap();
    store
        .create_session(
            SessionInput {
                status: SessionStatus::Abgesagt,
                ..session("Abgesagt", "01.12.2026")
            },
            now,
        )
        .await
        .unwrap();
    let next = store
        .create_session(session("Demnächst", "10.12.2026"), now)
        .await
        .unwrap();
    let today = day(2026, 11, 24);
    assert_eq!(store.find_session("naechste", today).await.unwrap().id, next.id);
    assert_eq!(store.find_session("Nächste", today).await.unwrap().id, next.id);
    assert_eq!(store.find_session("letzte", today).await.unwrap().id, past.id);
    assert_eq!(
        store
            .find_session(&past.id.to_string(), today)
            .await
            .unwrap()
            .title,
        "Vorher"
    );
    assert_eq!(
        store.find_session("999", today).await.unwrap_err().code(),
        ErrorCode::NotFound
    );
    assert!(
        store
            .find_session("morgen", today)
            .await
            .unwrap_err()
            .to_string()
            .starts_with("Sitzung: „morgen“")
    );

    let p = people(&store).await;
    store
        .add_agenda_item(next.id, top("Begrüßung", 10), now)
        .await
        .unwrap();
    store
        .add_participants(next.id, &ParticipantSet::Contacts(vec![p.anna, p.jonas]), now)
        .await
        .unwrap();
    let (invitation, recipients) = store.session_invitation(next.id).await.unwrap();
    assert_eq!(
        invitation.subject,
        "Einladung: Demnächst am Do., 10.12.2026, 14:00–16:30 Uhr"
    );
    assert!(invitation.body.contains("TOP 1  14:00 Uhr  Begrüßung"));
    assert!(recipients.is_empty(), "the test people have no addresses");
}

#[tokio::test(flavor = "multi_thread")]
async fn reminders_are_shown_once_and_again_after_a_move() {
    let store = Store::open_in_memory().await.unwrap();
    let now = at(2027, 3, 8);
    let s = store
        .create_session(session("Bald", "10.03.2027"), now)
        .await
        .unwrap();
    store
        .add_action_item(
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
    store
        .update_session(s.id, session("Bald", "11.03.2027"), now)
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
    let store = Store::open_in_memory().await.unwrap();
    let now = at(2027, 3, 1);
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
    store
        .create_session(
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

#[tokio::test(flavor = "multi_thread")]
async fn the_approval_top_goes_first_and_links_the_latest_draft() {
    let store = Store::open_in_memory().await.unwrap();
    let now = at(2027, 3, 1);
    let older = store
        .create_session(session("Januar", "20.01.2027"), now)
        .await
        .unwrap();
    let previous = store
        .create_session(session("Februar", "17.02.2027"), now)
        .await
        .unwrap();
    let next = store
        .create_session(session("März", "17.03.2027"), now)
        .await
        .unwrap();
    let err = store.add_minutes_approval_item(next.id, now).await.unwrap_err();
    assert!(
        err.to_string()
            .starts_with("Tagesordnung: Es gibt keine frühere Sitzung"),
        "{err}"
    );
    for s in [older.id, previous.id] {
        store
            .add_decision(
                s,
                DecisionInput {
                    text: "Beschlossen.".into(),
                    ..Default::default()
                },
                now,
            )
            .await
            .unwrap();
    }
    store
        .add_agenda_item(next.id, top("Berichte", 30), now)
        .await
        .unwrap();
    let item = store.add_minutes_approval_item(next.id, now).await.unwrap();
    assert_eq!(item.number, "1");
    assert_eq!(item.title, "Genehmigung des Protokolls der letzten Sitzung");
    assert_eq!(item.approves_session_id, Some(previous.id));
    let agenda = store.list_agenda(next.id).await.unwrap();
    let shown: Vec<String> = agenda
        .iter()
        .map(|i| format!("{} {} {}", i.number, i.clock_time, i.title))
        .collect();
    assert_eq!(
        shown,
        [
            "1 14:00 Genehmigung des Protokolls der letzten Sitzung",
            "2 14:05 Berichte"
        ]
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn names_follow_the_contact_until_the_session_took_place() {
    let store = Store::open_in_memory().await.unwrap();
    let p = people(&store).await;
    let now = at(2026, 11, 1);
    let s = store
        .create_session(session("Treffen", "24.11.2026"), now)
        .await
        .unwrap();
    store
        .add_participants(s.id, &ParticipantSet::Contacts(vec![p.anna, p.jonas]), now)
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
        store.refresh_participant_names(s.id, now).await.unwrap(),
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
    let store = Store::open_in_memory().await.unwrap();
    let p = people(&store).await;
    let now = at(2026, 11, 1);
    let s = store
        .create_session(session("Treffen", "24.11.2026"), now)
        .await
        .unwrap();
    let item = store
        .add_agenda_item(
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
    let item = store
        .update_agenda_item(
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
    let org_task = store
        .add_action_item(
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
    store
        .add_action_item(
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
    let minutes = store
        .update_minutes(
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
    let minutes = store
        .update_minutes(
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

//! The agenda on the real store: numbering, clock times, moves, and the TOP "Genehmigung des
//! Protokolls" that goes first.

use super::*;

#[tokio::test(flavor = "multi_thread")]
async fn agenda_numbering_clock_times_and_moves() {
    let net = Network::new(at(2026, 11, 1)).await;
    let (store, now) = (&net.store, net.now);
    let s = net.session("Treffen", "24.11.2026").await;
    let t1 = net.top(s.id, "Begrüßung", 20).await;
    let t2 = net.top(s.id, "Berichte aus den Kreisen", 0).await;
    let t3 = net.top(s.id, "Verschiedenes", 15).await;
    let sub = usecase::agenda::add_agenda_item(
        store,
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
    let agenda = usecase::agenda::move_agenda_item(store, t3.id, AgendaMove::Up, now)
        .await
        .unwrap();
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
    let agenda = usecase::agenda::move_agenda_item(store, t3.id, AgendaMove::Indent, now)
        .await
        .unwrap();
    assert_eq!(agenda.iter().find(|i| i.id == t3.id).unwrap().number, "1.1");
    let agenda = usecase::agenda::move_agenda_item(store, t3.id, AgendaMove::Outdent, now)
        .await
        .unwrap();
    assert_eq!(agenda.iter().find(|i| i.id == t3.id).unwrap().number, "2");
    let err = usecase::agenda::move_agenda_item(store, t1.id, AgendaMove::Up, now)
        .await
        .unwrap_err();
    assert_eq!(err.to_string(), "Tagesordnung: Der Punkt steht schon ganz oben.");
    // Deleting a TOP closes ranks.
    let agenda = usecase::agenda::delete_agenda_item(store, t1.id).await.unwrap();
    let shown: Vec<String> = agenda.iter().map(|i| i.number.clone()).collect();
    assert_eq!(shown, ["1", "2", "2.1"]);
}

#[tokio::test(flavor = "multi_thread")]
async fn the_approval_top_goes_first_and_links_the_latest_draft() {
    let net = Network::new(at(2027, 3, 1)).await;
    let (store, now) = (&net.store, net.now);
    let older = net.session("Januar", "20.01.2027").await;
    let previous = net.session("Februar", "17.02.2027").await;
    let next = net.session("März", "17.03.2027").await;
    let err = usecase::agenda::add_minutes_approval_item(store, next.id, now)
        .await
        .unwrap_err();
    assert!(
        err.to_string()
            .starts_with("Tagesordnung: Es gibt keine frühere Sitzung"),
        "{err}"
    );
    for s in [older.id, previous.id] {
        usecase::minutes::add_decision(
            store,
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
    net.top(next.id, "Berichte", 30).await;
    let item = usecase::agenda::add_minutes_approval_item(store, next.id, now)
        .await
        .unwrap();
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

//! The search box over sessions, TOPs, decisions, action items and minutes.

use super::*;

#[tokio::test(flavor = "multi_thread")]
async fn the_search_box_finds_sessions_tops_decisions_tasks_and_minutes() {
    let net = Network::new(at(2027, 3, 1)).await;
    let (store, now) = (&net.store, net.now);
    let s = net.session("Frühjahrstreffen", "10.03.2027").await;
    let t = net.top(s.id, "Wohnraum für Geflüchtete", 30).await;
    usecase::minutes::set_discussion(store, t.id, "Die Quote der Anschlussunterbringung", None, now)
        .await
        .unwrap();
    usecase::minutes::add_decision(
        store,
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
    usecase::minutes::add_action_item(
        store,
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
    usecase::sessions::delete_session(store, s.id).await.unwrap();
    assert!(store.search_all("wohnr", 10).await.unwrap().groups.is_empty());
}

//! The demo network: 44 officers at the right offices, the state and partners, three sessions
//! with approved minutes and overdue tasks; refuses a data folder that holds data.
#![allow(clippy::unwrap_used)]

use chrono::{TimeZone, Utc};
use netzwerkmappe_core::contact::ContactFilter;
use netzwerkmappe_core::district::DistrictFilter;
use netzwerkmappe_core::document::Block;
use netzwerkmappe_core::minutes::{ActionItemFilter, MinutesStatus};
use netzwerkmappe_core::organisation::OrganisationKind;
use netzwerkmappe_core::paper_status::PaperStatus;
use netzwerkmappe_core::session::{SessionFilter, SessionStatus};
use netzwerkmappe_core::usecase::demo;
use netzwerkmappe_core::{ErrorCode, berlin, store::Store};

#[tokio::test(flavor = "multi_thread")]
async fn the_demo_network_is_complete_and_consistent() {
    let store = Store::open_in_memory().await.unwrap();
    let now = Utc.with_ymd_and_hms(2026, 11, 27, 8, 0, 0).unwrap();
    let started = std::time::Instant::now();
    let summary = demo::fill(&store, now).await.unwrap();
    eprintln!("demo filled in {:?}", started.elapsed());
    assert_eq!(summary.sessions, 3);
    assert_eq!(summary.organisations, 44 + 8);

    // One officer per Kreis, at the Landratsamt or Stadtverwaltung of exactly that Kreis.
    let districts = store.list_districts(&DistrictFilter::default()).await.unwrap();
    let orgs = store.list_organisations().await.unwrap();
    for d in &districts {
        let at_kreis: Vec<_> = orgs
            .iter()
            .filter(|o| o.district_ags.as_deref() == Some(d.ags.as_str()))
            .collect();
        assert_eq!(at_kreis.len(), 1, "{}", d.name);
        let o = at_kreis[0];
        assert!(matches!(
            o.kind,
            OrganisationKind::Landratsamt | OrganisationKind::Stadtverwaltung
        ));
        assert!(o.name.ends_with(&d.name), "{} for {}", o.name, d.name);
        assert_eq!(o.contact_count, 1, "{}", o.name);
    }
    assert!(
        orgs.iter()
            .any(|o| o.name == "Landratsamt Rems-Murr-Kreis" && o.city.as_deref() == Some("Waiblingen"))
    );
    assert!(orgs.iter().any(|o| o.name == "Landeshauptstadt Stuttgart"));
    for umbrella in [
        "Landkreistag Baden-Württemberg",
        "Städtetag Baden-Württemberg",
        "Gemeindetag Baden-Württemberg",
    ] {
        assert!(
            orgs.iter()
                .any(|o| o.name == umbrella && o.kind == OrganisationKind::KommunalerLandesverband)
        );
    }
    assert!(orgs.iter().any(|o| o.kind == OrganisationKind::Ministerium));
    let everyone = store.list_contacts(&ContactFilter::default()).await.unwrap();
    assert_eq!(everyone.len(), summary.contacts);
    assert!(everyone.iter().all(|c| {
        c.email
            .as_deref()
            .is_some_and(|e| e.ends_with(".example") && e.is_ascii())
    }));

    // Two past sessions with approved minutes, one upcoming with an agenda and invitations.
    let today = berlin::today(now);
    let sessions = store
        .list_sessions(&SessionFilter::default(), today)
        .await
        .unwrap();
    assert_eq!(sessions.len(), 3);
    assert!(sessions[0].upcoming && sessions[0].status == SessionStatus::Eingeladen);
    assert_eq!(sessions[0].minutes_status, None);
    assert!(sessions[0].participant_count > 44);
    let agenda = store.list_agenda(sessions[0].id).await.unwrap();
    assert_eq!(agenda.len(), 5);
    // The paper's TOP names the two officers responsible for it.
    assert_eq!(agenda[3].responsible.len(), 2, "{:?}", agenda[3]);
    for past in &sessions[1..] {
        assert!(!past.upcoming);
        assert_eq!(past.status, SessionStatus::Durchgefuehrt);
        assert_eq!(past.minutes_status, Some(MinutesStatus::Freigegeben));
        let minutes = store.get_minutes(past.id).await.unwrap();
        assert!(!minutes.decisions.is_empty());
        assert!(!minutes.action_items.is_empty());
        let attended = store.list_participants(past.id).await.unwrap();
        assert!(
            attended
                .iter()
                .any(|p| p.status == netzwerkmappe_core::participant::ParticipantStatus::Teilgenommen)
        );
        assert!(
            attended
                .iter()
                .any(|p| p.status == netzwerkmappe_core::participant::ParticipantStatus::Entschuldigt)
        );
    }
    // The older minutes were approved by the newer session's decision on TOP 1.
    let older = store.get_minutes(sessions[2].id).await.unwrap().minutes.unwrap();
    assert!(
        older
            .approved_by
            .unwrap()
            .contains(&format!("der Sitzung „{}“", sessions[1].title))
    );

    let overdue = store
        .list_action_items(
            &ActionItemFilter {
                overdue_only: true,
                ..Default::default()
            },
            today,
        )
        .await
        .unwrap();
    assert!(overdue.len() >= 2, "some tasks are overdue: {}", overdue.len());
    let all = store
        .list_action_items(&ActionItemFilter::default(), today)
        .await
        .unwrap();
    assert!(all.len() > overdue.len(), "and some are not");

    // Concept papers: one adopted by the last past session's decision and linked to its TOP, one
    // in Abstimmung with a draft on the next session's agenda; several versions each.
    assert_eq!(summary.papers, 4);
    let papers = store.list_papers(&Default::default()).await.unwrap();
    assert_eq!(papers.len(), 4);
    let adopted = papers
        .iter()
        .find(|p| p.status == PaperStatus::Beschlossen)
        .unwrap();
    let adopted = netzwerkmappe_core::usecase::papers::get_paper(&store, adopted.id)
        .await
        .unwrap();
    assert_eq!(adopted.versions.len(), 3);
    let decision = adopted.status_history.last().unwrap();
    assert_eq!(decision.session_id, Some(sessions[1].id));
    assert_eq!(decision.adopted_version, Some(3));
    assert!(
        decision
            .decision_label
            .as_deref()
            .unwrap()
            .starts_with("Beschluss ")
    );
    assert_eq!(adopted.links[0].session_id, sessions[1].id);
    assert!(adopted.links[0].agenda_item_id.is_some());
    // Every later version repeats the Kurzfassung: comparing versions shows no summary dropped.
    assert!(adopted.paper.summary.is_some());
    assert_eq!(adopted.current.as_ref().unwrap().summary, adopted.paper.summary);
    let current = adopted.current.unwrap().document;
    assert!(current.blocks.iter().any(|b| matches!(b, Block::Table { .. })));
    assert!(
        current
            .blocks
            .iter()
            .any(|b| matches!(b, Block::List { ordered: true, .. }))
    );
    let voting = papers
        .iter()
        .find(|p| p.status == PaperStatus::InAbstimmung)
        .unwrap();
    assert!(voting.has_draft);
    assert_eq!(voting.current_version, Some(2));
    let upcoming = store.list_papers_for_session(sessions[0].id).await.unwrap();
    assert_eq!(upcoming.len(), 1);
    assert_eq!(upcoming[0].paper_id, voting.id);

    // A second fill is refused and changes nothing.
    let err = demo::fill(&store, now).await.unwrap_err();
    assert_eq!(err.code(), ErrorCode::Validation);
    assert!(
        err.to_string()
            .starts_with("Datenordner: Der Datenordner enthält schon Daten.")
    );
    assert_eq!(
        store
            .list_sessions(&SessionFilter::default(), today)
            .await
            .unwrap()
            .len(),
        3
    );
}

//! The Änderungsprotokoll: what is recorded with who, and paging through many entries.

use super::*;

#[tokio::test(flavor = "multi_thread")]
async fn audit_records_approval_addendum_deletions_and_imports_with_who() {
    let store = Store::open_in_memory().await.unwrap();
    store
        .update_settings(
            Settings {
                user_name: "Frau Kaya".into(),
                ..Settings::default()
            },
            at(2026, 1, 1),
        )
        .await
        .unwrap();
    let w = world(&store).await;
    store.delete_contact(w.other).await.unwrap_err(); // took part: refused, nothing recorded
    let lone = store
        .create_contact(
            ContactInput {
                last_name: "Weg".into(),
                ..Default::default()
            },
            at(2026, 4, 1),
        )
        .await
        .unwrap()
        .id;
    store.delete_contact(lone).await.unwrap();
    let csv = "Vorname;Nachname;E-Mail\nAnna;Neu;anna.neu@example.org\n";
    usecase::import::apply_import(
        &store,
        csv.as_bytes(),
        None,
        DuplicateAction::Skip,
        false,
        at(2026, 5, 1),
    )
    .await
    .unwrap();

    let page = store.list_audit(&AuditFilter::default()).await.unwrap();
    let actions: Vec<AuditAction> = page.entries.iter().map(|e| e.action).collect();
    assert_eq!(
        actions,
        vec![
            AuditAction::Import,
            AuditAction::Deleted,
            AuditAction::MinutesApproved
        ],
        "newest first; the refused deletion left no entry"
    );
    assert!(page.entries.iter().all(|e| e.user == "Frau Kaya"));
    assert_eq!(
        page.entries[0].summary,
        "Kontakte importiert: 1 neu, 0 aktualisiert, 0 übersprungen, 0 fehlerhaft; 0 Organisationen neu angelegt."
    );
    assert_eq!(page.entries[1].summary, format!("Kontakt Nr. {lone} gelöscht."));
    assert_eq!(
        page.entries[2].summary,
        "Protokoll der Sitzung „1. Netzwerktreffen 2026“ vom 10.03.2026 freigegeben (Leyla Öztürk)."
    );
    assert_eq!(page.entries[2].at, "2026-03-20T09:00:00Z");

    // Filter by text (folded), by period, by kind.
    let by_text = |t: &str| AuditFilter {
        text: Some(t.into()),
        ..AuditFilter::default()
    };
    assert_eq!(store.list_audit(&by_text("oztuerk")).await.unwrap().total, 1);
    assert_eq!(store.list_audit(&by_text("kaya import")).await.unwrap().total, 1);
    assert_eq!(store.list_audit(&by_text("50%")).await.unwrap().total, 0);
    let march = AuditFilter {
        from: Some("01.03.2026".into()),
        to: Some("2026-03-31".into()),
        ..AuditFilter::default()
    };
    assert_eq!(store.list_audit(&march).await.unwrap().total, 1);
    let backwards = AuditFilter {
        from: Some("01.04.2026".into()),
        to: Some("01.03.2026".into()),
        ..AuditFilter::default()
    };
    let err = store.list_audit(&backwards).await.unwrap_err();
    assert_eq!(
        err.to_string(),
        "Bis: Das Ende des Zeitraums liegt vor seinem Anfang."
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn audit_pages_through_ten_thousand_entries_quickly() {
    use netzwerkmappe_core::audit::{AuditEvent, AuditRecord};
    let store = Store::open_in_memory().await.unwrap();
    for i in 0..10_000 {
        let event = AuditEvent::new(
            if i % 2 == 0 {
                AuditAction::Backup
            } else {
                AuditAction::Import
            },
            AuditRecord::DataFile,
            None,
            format!("Eintrag {i}"),
        );
        store
            .record_audit(&event, at(2026, 1, 1) + chrono::Duration::minutes(i))
            .await
            .unwrap();
    }
    let started = std::time::Instant::now();
    let first = store.list_audit(&AuditFilter::default()).await.unwrap();
    assert_eq!(first.total, 10_000);
    assert_eq!(first.entries.len(), 200);
    assert_eq!(first.entries[0].summary, "Eintrag 9999");
    let second = store
        .list_audit(&AuditFilter {
            before_id: first.next_before_id,
            ..AuditFilter::default()
        })
        .await
        .unwrap();
    assert_eq!(second.entries[0].summary, "Eintrag 9799");
    let filtered = store
        .list_audit(&AuditFilter {
            action: Some(AuditAction::Backup),
            text: Some("eintrag 99".into()),
            ..AuditFilter::default()
        })
        .await
        .unwrap();
    // Even numbers below 10,000 containing "99" (each word is matched on its own).
    let expected = (0..10_000)
        .filter(|i| i % 2 == 0 && i.to_string().contains("99"))
        .count();
    assert_eq!(filtered.total, i64::try_from(expected).unwrap());
    let elapsed = started.elapsed();
    assert!(elapsed.as_millis() < 1500, "three pages took {elapsed:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn audit_records_paper_status_changes_and_deletions_with_the_name_papers_save_by() {
    let store = Store::open_in_memory().await.unwrap();
    store
        .update_settings(
            Settings {
                user_name: "Frau Kaya".into(),
                ..Settings::default()
            },
            at(2026, 1, 1),
        )
        .await
        .unwrap();
    // One name for both: what papers record as "gespeichert von" is the audit's "who".
    assert_eq!(store.user_name().await.unwrap(), "Frau Kaya");
    let w = world(&store).await;
    let paper = paper_by_him(&store, &w).await;
    let file = usecase::papers::add_attachment(
        &store,
        paper,
        None,
        "Beschluss.pdf",
        b"%PDF-1.7",
        "Frau Kaya",
        at(2026, 3, 3),
    )
    .await
    .unwrap();
    store.delete_attachment(file.id, at(2026, 3, 4)).await.unwrap();
    store.delete_paper(paper).await.unwrap();

    let status = store
        .list_audit(&AuditFilter {
            action: Some(AuditAction::PaperStatus),
            ..AuditFilter::default()
        })
        .await
        .unwrap();
    let summaries: Vec<&str> = status.entries.iter().map(|e| e.summary.as_str()).collect();
    assert_eq!(
        summaries,
        vec![
            "Konzeptpapier „Sprachkurse nach Zanderbeck“: Status von „in Abstimmung“ auf „beschlossen“ geändert.",
            "Konzeptpapier „Sprachkurse nach Zanderbeck“: Status von „Entwurf“ auf „in Abstimmung“ geändert.",
        ]
    );
    assert!(
        status
            .entries
            .iter()
            .all(|e| e.user == "Frau Kaya" && e.record_id == Some(paper))
    );
    let deleted = store
        .list_audit(&AuditFilter {
            action: Some(AuditAction::Deleted),
            ..AuditFilter::default()
        })
        .await
        .unwrap();
    let summaries: Vec<&str> = deleted.entries.iter().map(|e| e.summary.as_str()).collect();
    assert_eq!(
        summaries[..2],
        [
            "Konzeptpapier „Sprachkurse nach Zanderbeck“ gelöscht.",
            "Anhang „Beschluss.pdf“ des Konzeptpapiers „Sprachkurse nach Zanderbeck“ gelöscht.",
        ]
    );
    assert_eq!(deleted.entries[0].record_label, "Konzeptpapier");
}

#[tokio::test(flavor = "multi_thread")]
async fn deleting_tops_decisions_action_items_and_attendance_of_draft_minutes_is_recorded() {
    let store = Store::open_in_memory().await.unwrap();
    let now = at(2026, 6, 1);
    let session = usecase::sessions::create_session(
        &store,
        SessionInput {
            title: "2. Netzwerktreffen 2026".into(),
            date: "15.06.2026".into(),
            start_time: "10:00".into(),
            ..Default::default()
        },
        now,
    )
    .await
    .unwrap()
    .id;
    let top = |title: &str| AgendaItemInput {
        title: title.into(),
        ..Default::default()
    };
    let wohnen = usecase::agenda::add_agenda_item(&store, session, top("Wohnen"), now)
        .await
        .unwrap();
    let arbeit = usecase::agenda::add_agenda_item(&store, session, top("Arbeitsmarkt"), now)
        .await
        .unwrap();
    let decision = usecase::minutes::add_decision(
        &store,
        session,
        DecisionInput {
            agenda_item_id: Some(wohnen.id),
            text: "Die AG Wohnen wird gegründet.".into(),
            expected_version: None,
        },
        now,
    )
    .await
    .unwrap();
    let task = usecase::minutes::add_action_item(
        &store,
        session,
        ActionItemInput {
            agenda_item_id: Some(wohnen.id),
            what: "Einladung zur AG Wohnen".into(),
            ..Default::default()
        },
        now,
    )
    .await
    .unwrap();

    // Two on the list: one invited (coming and going unrecorded), one who took part.
    let people = |last: &str| ContactInput {
        last_name: last.into(),
        ..Default::default()
    };
    let invited = store.create_contact(people("Eingeladen"), now).await.unwrap().id;
    let attended = store.create_contact(people("Dabei"), now).await.unwrap().id;
    usecase::participants::add_participants(
        &store,
        session,
        &ParticipantSet::Contacts(vec![invited, attended]),
        now,
    )
    .await
    .unwrap();
    let list = store.list_participants(session).await.unwrap();
    let row_of = |contact: i64| list.iter().find(|p| p.contact_id == contact).unwrap().id;
    usecase::participants::set_participant_status(
        &store,
        session,
        &[(row_of(attended), ParticipantStatus::Teilgenommen)],
        now,
    )
    .await
    .unwrap();

    usecase::minutes::delete_decision(&store, decision.id)
        .await
        .unwrap();
    usecase::minutes::delete_action_item(&store, task.id)
        .await
        .unwrap();
    usecase::agenda::delete_agenda_item(&store, arbeit.id)
        .await
        .unwrap();
    usecase::participants::remove_participant(&store, session, row_of(invited))
        .await
        .unwrap();
    usecase::participants::remove_participant(&store, session, row_of(attended))
        .await
        .unwrap();

    let page = store
        .list_audit(&AuditFilter {
            action: Some(AuditAction::Deleted),
            ..AuditFilter::default()
        })
        .await
        .unwrap();
    let summaries: Vec<&str> = page.entries.iter().map(|e| e.summary.as_str()).collect();
    assert_eq!(
        summaries,
        vec![
            format!(
                "Kontakt Nr. {attended} (teilgenommen) aus der Anwesenheit der Sitzung „2. Netzwerktreffen 2026“ vom 15.06.2026 entfernt."
            )
            .as_str(),
            "Tagesordnungspunkt „Arbeitsmarkt“ der Sitzung „2. Netzwerktreffen 2026“ vom 15.06.2026 gelöscht.",
            "Aufgabe „Einladung zur AG Wohnen“ der Sitzung „2. Netzwerktreffen 2026“ vom 15.06.2026 gelöscht.",
            format!(
                "{} der Sitzung „2. Netzwerktreffen 2026“ vom 15.06.2026 gelöscht: „Die AG Wohnen wird gegründet.“",
                decision.label
            )
            .as_str(),
        ],
        "newest first"
    );
    assert!(page.entries.iter().all(|e| e.record_id == Some(session)));

    // A refused deletion (approved minutes) leaves no entry: it shares the deletion's transaction.
    let w = world(&store).await;
    let approved = store.get_minutes(w.session).await.unwrap();
    usecase::minutes::delete_decision(&store, approved.decisions[0].id)
        .await
        .unwrap_err();
    usecase::minutes::delete_action_item(&store, approved.action_items[0].id)
        .await
        .unwrap_err();
    let after = store
        .list_audit(&AuditFilter {
            action: Some(AuditAction::Deleted),
            ..AuditFilter::default()
        })
        .await
        .unwrap();
    assert_eq!(after.total, 4);
}

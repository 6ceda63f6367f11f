//! Art. 17: what an erasure replaces, keeps as a placeholder or deletes, down to the bytes of the file.

use super::*;

#[tokio::test(flavor = "multi_thread")]
async fn erasure_keeps_the_minutes_and_leaves_the_name_in_no_byte_of_the_files() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("netzwerkmappe.sqlite3");
    let store = Store::open(&path).await.unwrap();
    let w = world(&store).await;
    let needles = [
        "Zanderbeck",
        "Quirin",
        "q.zanderbeck@kreis-tuebingen.de",
        "Wilhelm-Keil",
    ];
    let paper = paper_by_him(&store, &w).await;
    // The check is meaningful: before the erasure the name is in the files.
    let before = raw_files(&path);
    assert!(before.iter().any(|(_, b)| contains(b, "Zanderbeck")));

    let report = usecase::privacy::erase_contact(&store, w.erased, at(2026, 11, 27))
        .await
        .unwrap();
    assert!(report.kept_as_placeholder, "he attended a session");
    assert_eq!(report.sessions_affected, 1);
    assert_eq!(report.addenda_added, 1);
    assert!(report.texts_replaced >= 3, "{report:?}");
    assert!(report.backup_notice.contains("bis zu 5 Wochen"));
    assert!(report.file_scrubbed);

    // The minutes keep their structure with "anonymisierte Person".
    let participants = store.list_participants(w.session).await.unwrap();
    assert_eq!(participants.len(), 2);
    let placeholder = participants.iter().find(|p| p.contact_id == w.erased).unwrap();
    assert_eq!(placeholder.name, ANONYMISED);
    assert_eq!(placeholder.status, ParticipantStatus::Teilgenommen);
    assert_eq!(placeholder.function, None);
    assert_eq!(placeholder.email, None);
    let agenda = store.list_agenda(w.session).await.unwrap();
    assert_eq!(
        agenda[0].discussion.as_deref(),
        Some("anonymisierte Person berichtet über die Kurse. Frau Öztürk ergänzt.")
    );
    let minutes = store.get_minutes(w.session).await.unwrap();
    assert_eq!(
        minutes.decisions[0].text,
        "anonymisierte Person legt bis Juni ein Konzept vor."
    );
    assert_eq!(
        minutes.action_items[0].what,
        "Konzept Sprachkurse (anonymisierte Person)"
    );
    assert_eq!(minutes.action_items[0].owner_name.as_deref(), Some(ANONYMISED));
    assert_eq!(minutes.action_items[0].owner_contact_id, Some(w.erased));
    let note = minutes.addenda.last().unwrap();
    assert_eq!(
        note.text,
        "Personenbezogene Daten gemäß Art. 17 DSGVO entfernt am 27.11.2026."
    );

    // The paper keeps its versions, authors and adoption, with "anonymisierte Person" in place of
    // him; the adopted (frozen) version's history records the erasure.
    let view = usecase::papers::get_paper(&store, paper).await.unwrap();
    assert_eq!(view.paper.title, "Sprachkurse nach anonymisierte Person");
    assert_eq!(view.paper.status, PaperStatus::Beschlossen);
    assert_eq!(
        view.authors
            .iter()
            .map(|a| (a.contact_id, a.name.as_str()))
            .collect::<Vec<_>>(),
        vec![(None, ANONYMISED), (Some(w.other), "Leyla Öztürk")]
    );
    assert_eq!(view.versions.len(), 2);
    let current = view.current.as_ref().unwrap();
    assert!(
        current
            .body
            .contains("anonymisierte Person und Frau Öztürk schlagen vor:"),
        "{}",
        current.body
    );
    assert_eq!(
        current.note.as_deref(),
        Some("Ergänzt nach Rücksprache mit anonymisierte Person")
    );
    let first = store
        .get_paper_version(view.versions.iter().map(|v| v.id).min().unwrap())
        .await
        .unwrap();
    assert_eq!(first.saved_by, ANONYMISED);
    assert!(
        first.body.contains("\n\nanonymisierte Person schlägt vor:"),
        "{}",
        first.body
    );
    let last = view.status_history.last().unwrap();
    assert_eq!(
        (last.from_status, last.to_status),
        (PaperStatus::Beschlossen, PaperStatus::Beschlossen)
    );
    assert_eq!(
        last.note.as_deref(),
        Some("Personenbezogene Daten gemäß Art. 17 DSGVO entfernt am 27.11.2026.")
    );
    assert!(
        view.status_history
            .iter()
            .all(|c| !c.note.as_deref().unwrap_or("").contains("Zanderbeck"))
    );
    assert_eq!(
        store
            .search_all("kinderbetreuung", 10)
            .await
            .unwrap()
            .hits()
            .count(),
        1
    );

    // Gone from the list and the search; the other person stays.
    let list = store.list_contacts(&ContactFilter::default()).await.unwrap();
    assert_eq!(list.iter().map(|c| c.id).collect::<Vec<_>>(), vec![w.other]);
    assert_eq!(
        store.get_contact(w.other).await.unwrap().notes.as_deref(),
        Some("Vertritt anonymisierte Person bei Terminen.")
    );
    let found = store.search_all("zanderbeck", 10).await.unwrap();
    assert_eq!(found.hits().count(), 0);
    assert!(store.search_all("oztürk", 10).await.unwrap().hits().count() >= 1);

    // The audit trail records the erasure without the name.
    let page = store
        .list_audit(&AuditFilter {
            action: Some(AuditAction::Erasure),
            ..AuditFilter::default()
        })
        .await
        .unwrap();
    assert_eq!(page.total, 1);
    assert!(
        page.entries[0]
            .summary
            .starts_with(&format!("Kontakt Nr. {}", w.erased))
    );

    // A second erasure is refused in German.
    let again = usecase::privacy::erase_contact(&store, w.erased, at(2026, 11, 27))
        .await
        .unwrap_err();
    assert_eq!(again.code(), ErrorCode::Validation);

    // Not in any byte: data file, write-ahead log, shared memory (also case-insensitively, which
    // covers the folded form in the search index and the sort key).
    let after = raw_files(&path);
    assert!(!after.is_empty());
    for (file, bytes) in &after {
        for needle in needles {
            assert!(!contains(bytes, needle), "{needle} still in {file}");
        }
    }
    // A name with umlauts: neither the stored spelling nor the folded form of the search index
    // and sort key ("ozturk") is left.
    assert!(raw_files(&path).iter().any(|(_, b)| contains(b, "ozturk")));
    usecase::privacy::erase_contact(&store, w.other, at(2026, 11, 27))
        .await
        .unwrap();
    let needles = [needles.as_slice(), &["Öztürk", "ozturk", "Leyla"]].concat();
    store.close().await;
    for (file, bytes) in raw_files(&path) {
        for needle in &needles {
            assert!(!contains(&bytes, needle), "{needle} in {file} after close");
        }
    }
    // The file is healthy and opens again.
    let reopened = Store::open(&path).await.unwrap();
    assert_eq!(reopened.list_participants(w.session).await.unwrap().len(), 2);
    reopened.close().await;
    // The erasure created the trigger again: saved versions are still never changed.
    let mut conn =
        <sqlx::SqliteConnection as sqlx::Connection>::connect(&format!("sqlite://{}", path.display()))
            .await
            .unwrap();
    let err = sqlx::query("UPDATE paper_versions SET note = 'geändert'")
        .execute(&mut conn)
        .await
        .unwrap_err();
    assert!(
        err.to_string().contains("paper versions are never changed"),
        "{err}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn erasing_the_approver_rewrites_the_approval_and_older_audit_entries() {
    let store = Store::open_in_memory().await.unwrap();
    let w = world(&store).await;
    let before = store.list_audit(&AuditFilter::default()).await.unwrap();
    assert!(before.entries[0].summary.contains("Leyla Öztürk"));
    usecase::privacy::erase_contact(&store, w.other, at(2026, 11, 27))
        .await
        .unwrap();
    let minutes = store.get_minutes(w.session).await.unwrap().minutes.unwrap();
    assert_eq!(minutes.approved_by.as_deref(), Some(ANONYMISED));
    assert_eq!(minutes.minute_taker_name.as_deref(), Some(ANONYMISED));
    let agenda = store.list_agenda(w.session).await.unwrap();
    assert_eq!(
        agenda[0].discussion.as_deref(),
        Some("Herr Dr. Zanderbeck berichtet über die Kurse. anonymisierte Person ergänzt.")
    );
    let after = store.list_audit(&AuditFilter::default()).await.unwrap();
    assert!(
        after.entries.iter().all(|e| !e.summary.contains("Öztürk")),
        "{:?}",
        after.entries
    );
    let by_name = AuditFilter {
        text: Some("ozturk".into()),
        ..AuditFilter::default()
    };
    assert_eq!(
        store.list_audit(&by_name).await.unwrap().total,
        0,
        "folded copy rewritten too"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_contact_nothing_points_at_is_deleted_outright() {
    let store = Store::open_in_memory().await.unwrap();
    let now = at(2026, 3, 1);
    let id = store
        .create_contact(
            ContactInput {
                last_name: "Einzeln".into(),
                ..Default::default()
            },
            now,
        )
        .await
        .unwrap()
        .id;
    let report = usecase::privacy::erase_contact(&store, id, now).await.unwrap();
    assert!(!report.kept_as_placeholder);
    assert_eq!(report.addenda_added, 0);
    assert_eq!(
        store.get_contact(id).await.unwrap_err().code(),
        ErrorCode::NotFound
    );
    let page = store.list_audit(&AuditFilter::default()).await.unwrap();
    assert!(
        page.entries[0].summary.contains("gelöscht"),
        "{:?}",
        page.entries[0]
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_shared_surname_is_replaced_only_with_first_name_or_salutation() {
    let store = Store::open_in_memory().await.unwrap();
    let w = world(&store).await;
    // A second Zanderbeck: the bare surname may be hers.
    let now = at(2026, 3, 2);
    store
        .create_contact(
            ContactInput {
                first_name: Some("Maria".into()),
                last_name: "Zanderbeck".into(),
                ..Default::default()
            },
            now,
        )
        .await
        .unwrap();
    let agenda = store.list_agenda(w.session).await.unwrap();
    usecase::minutes::set_discussion(&store, agenda[0].id, "Zanderbeck und Herr Zanderbeck", None, now)
        .await
        .unwrap_err(); // approved minutes stay locked for ordinary edits
    usecase::privacy::erase_contact(&store, w.erased, now)
        .await
        .unwrap();
    let minutes = store.get_minutes(w.session).await.unwrap();
    assert_eq!(minutes.action_items[0].what, "Konzept Sprachkurse (Zanderbeck)");
}

#[tokio::test(flavor = "multi_thread")]
async fn an_erased_persons_placeholder_reads_as_anonymised_and_takes_no_save() {
    let store = Store::open_in_memory().await.unwrap();
    let w = world(&store).await;
    let before = store.get_contact(w.erased).await.unwrap();
    assert_eq!(before.anonymised_at, None);
    assert!(
        serde_json::to_value(&before)
            .unwrap()
            .get("anonymised_at")
            .is_none(),
        "the JSON of a living contact keeps its shape"
    );
    let contacts = |counts: Vec<netzwerkmappe_core::info::RecordCount>| {
        counts.iter().find(|c| c.key == "contacts").unwrap().count
    };
    assert_eq!(contacts(store.record_counts().await.unwrap()), 2);
    usecase::privacy::erase_contact(&store, w.erased, at(2026, 11, 27))
        .await
        .unwrap();
    // Info counts the contacts the list shows, not the placeholder.
    assert_eq!(contacts(store.record_counts().await.unwrap()), 1);

    // Opened by its number (the window's #/kontakte/<id>), it says so and holds nothing personal.
    let placeholder = store.get_contact(w.erased).await.unwrap();
    assert_eq!(placeholder.anonymised_at.as_deref(), Some("2026-11-27T09:00:00Z"));
    assert_eq!(placeholder.last_name, ANONYMISED);
    assert!(placeholder.emails.is_empty() && placeholder.groups.is_empty());
    assert_eq!(placeholder.street, None);

    // A form (or the CLI) that still holds the old values cannot bring the person back.
    let err = store
        .update_contact(
            w.erased,
            ContactInput {
                first_name: Some("Quirin".into()),
                last_name: "Zanderbeck".into(),
                ..Default::default()
            },
            at(2026, 11, 28),
        )
        .await
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::Validation);
    assert!(err.to_string().contains("Art. 17 DSGVO gelöscht"), "{err}");
    assert_eq!(store.get_contact(w.erased).await.unwrap().last_name, ANONYMISED);
}

//! Concept papers on the real store: versions (every one kept, restore makes a new one), drafts,
//! comparison, status with a session's decision and freezing, attachments (checksum checked on
//! read), links both ways, search by the current text only, and erasure with the paper.
#![allow(clippy::unwrap_used)]

use chrono::{DateTime, TimeZone, Utc};
use netzwerkmappe_core::agenda::AgendaItemInput;
use netzwerkmappe_core::contact::ContactInput;
use netzwerkmappe_core::minutes::DecisionInput;
use netzwerkmappe_core::paper::{
    DraftInput, LinkTarget, PaperFilter, PaperInput, PaperView, StatusChangeInput, VersionInput,
};
use netzwerkmappe_core::paper_diff::ChangeKind;
use netzwerkmappe_core::paper_status::PaperStatus;
use netzwerkmappe_core::search::SearchKind;
use netzwerkmappe_core::session::SessionInput;
use netzwerkmappe_core::usecase;
use netzwerkmappe_core::{Error, ErrorCode, Store};
use sqlx::Connection;

fn at(h: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 27, h, 0, 0).unwrap()
}

fn version(title: &str, body: &str, note: &str) -> VersionInput {
    VersionInput {
        title: title.into(),
        body: body.into(),
        note: Some(note.into()),
        ..VersionInput::default()
    }
}

async fn author(store: &Store, first: &str, last: &str) -> i64 {
    store
        .create_contact(
            ContactInput {
                first_name: Some(first.into()),
                last_name: last.into(),
                ..ContactInput::default()
            },
            at(8),
        )
        .await
        .unwrap()
        .id
}

async fn paper(store: &Store, title: &str, body: Option<&str>) -> i64 {
    let fields = store.list_handlungsfelder().await.unwrap();
    let sprache = fields.iter().find(|h| h.name == "Sprache").unwrap().id;
    store
        .create_paper(
            PaperInput {
                title: title.into(),
                summary: Some("Kurz gesagt".into()),
                handlungsfeld_id: Some(sprache),
                body: body.map(str::to_owned),
                ..PaperInput::default()
            },
            "tester",
            at(9),
        )
        .await
        .unwrap()
        .paper
        .id
}

fn hits(results: &netzwerkmappe_core::search::SearchResults, kind: SearchKind) -> Vec<i64> {
    results.hits().filter(|h| h.kind == kind).map(|h| h.id).collect()
}

#[tokio::test]
async fn versions_are_kept_and_restore_makes_a_new_one() {
    let store = Store::open_in_memory().await.unwrap();
    let id = paper(
        &store,
        "Sprachförderung im Kreis",
        Some("# Ziele\n\nErste Fassung."),
    )
    .await;
    let view = store.get_paper(id).await.unwrap();
    assert_eq!(view.versions.len(), 1);
    assert_eq!(
        view.current.as_ref().unwrap().note.as_deref(),
        Some("Erste Fassung")
    );

    store
        .save_paper_draft(
            id,
            DraftInput {
                title: "Sprachförderung im Kreis".into(),
                body: "# Ziele\n\nZweite Fassung, noch nicht fertig.".into(),
                ..DraftInput::default()
            },
            at(10),
        )
        .await
        .unwrap();
    let view = store.get_paper(id).await.unwrap();
    let draft = view.draft.unwrap();
    assert_eq!(draft.base_number, Some(1));
    assert!(draft.body.contains("Zweite"));

    let view = store
        .save_paper_version(
            id,
            VersionInput {
                expected_version: Some(view.paper.version),
                ..version(
                    "Sprachförderung im Landkreis",
                    "# Ziele\n\nZweite Fassung.",
                    "Rückmeldungen eingearbeitet",
                )
            },
            "tester",
            at(11),
        )
        .await
        .unwrap();
    assert!(view.draft.is_none(), "saving a version clears the draft");
    assert_eq!(view.paper.title, "Sprachförderung im Landkreis");
    assert_eq!(
        view.versions.iter().map(|v| v.number).collect::<Vec<_>>(),
        vec![2, 1]
    );

    // A stale editor cannot overwrite.
    let stale = store
        .save_paper_version(
            id,
            VersionInput {
                expected_version: Some(1),
                ..version("x", "y", "z")
            },
            "tester",
            at(11),
        )
        .await
        .unwrap_err();
    assert_eq!(stale.code(), ErrorCode::Conflict);

    let first = view.versions.iter().find(|v| v.number == 1).unwrap().id;
    // An unsaved draft is never dropped by a restore: it must be saved or discarded first.
    let typed = DraftInput {
        title: "t".into(),
        body: "getippt".into(),
        ..DraftInput::default()
    };
    store.save_paper_draft(id, typed, at(12)).await.unwrap();
    let err = store
        .restore_paper_version(first, None, "tester", at(12))
        .await
        .unwrap_err();
    assert!(
        matches!(&err, Error::Validation { field, .. } if field == "Entwurf"),
        "{err}"
    );
    store.discard_paper_draft(id).await.unwrap();
    // A draft with the current version's text unchanged holds nothing to lose: no refusal.
    let current = store.get_paper(id).await.unwrap().current.unwrap();
    let unchanged = DraftInput {
        title: current.title.clone(),
        summary: current.summary.clone(),
        body: current.body.clone(),
    };
    store.save_paper_draft(id, unchanged, at(12)).await.unwrap();
    let view = store
        .restore_paper_version(first, None, "tester", at(12))
        .await
        .unwrap();
    let numbers: Vec<i64> = view.versions.iter().map(|v| v.number).collect();
    assert_eq!(numbers, vec![3, 2, 1], "every earlier version is kept");
    let current = view.current.unwrap();
    assert_eq!(current.number, 3);
    assert_eq!(current.body, "# Ziele\n\nErste Fassung.");
    assert_eq!(current.note.as_deref(), Some("Wiederhergestellt aus Version 1"));
    assert_eq!(current.restored_from, Some(1));
    assert_eq!(view.paper.title, "Sprachförderung im Kreis");
    assert_eq!(
        store.get_paper_version(first).await.unwrap().body,
        "# Ziele\n\nErste Fassung."
    );
}

#[tokio::test]
async fn versions_compare_word_by_word() {
    let store = Store::open_in_memory().await.unwrap();
    let id = paper(
        &store,
        "Kita-Plätze",
        Some("Die Förderung der Kurse wird fortgesetzt."),
    )
    .await;
    let view = store
        .save_paper_version(
            id,
            version(
                "Kita-Plätze",
                "Die Förderung aller Kurse wird fortgesetzt.",
                "ausgeweitet",
            ),
            "tester",
            at(10),
        )
        .await
        .unwrap();
    let (v2, v1) = (view.versions[0].id, view.versions[1].id);
    // Asked the other way round, the older one is still `a`.
    let cmp = store.compare_paper_versions(v2, v1).await.unwrap();
    assert_eq!((cmp.a.number, cmp.b.number), (1, 2));
    let changed: Vec<(ChangeKind, &str)> = cmp
        .body_diff
        .parts
        .iter()
        .map(|p| (p.kind, p.text.as_str()))
        .filter(|(k, _)| *k != ChangeKind::Equal)
        .collect();
    assert_eq!(
        changed,
        vec![(ChangeKind::Deleted, " der"), (ChangeKind::Inserted, " aller")]
    );
    assert_eq!(cmp.title_diff.inserted_words + cmp.title_diff.deleted_words, 0);

    let other = paper(&store, "Anderes", Some("Text")).await;
    let other_version = store.get_paper(other).await.unwrap().versions[0].id;
    let err = store.compare_paper_versions(v1, other_version).await.unwrap_err();
    assert_eq!(err.code(), ErrorCode::Validation);
}

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
    store
        .link_paper(
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
    let err = store
        .change_paper_status(
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

    store
        .change_paper_status(id, to(PaperStatus::InAbstimmung, None), "tester", at(9))
        .await
        .unwrap();
    // No version yet: nothing to adopt.
    let err = store
        .change_paper_status(
            id,
            to(PaperStatus::Beschlossen, Some(decision.id)),
            "tester",
            at(9),
        )
        .await
        .unwrap_err();
    assert!(err.to_string().contains("keine gespeicherte Version"), "{err}");
    store
        .save_paper_version(
            id,
            version("Wohnraum für Geflüchtete", "Text A", "v1"),
            "tester",
            at(10),
        )
        .await
        .unwrap();
    store
        .save_paper_draft(
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
    store
        .change_paper_status(id, to(PaperStatus::Entwurf, None), "tester", at(10))
        .await
        .unwrap();
    store
        .change_paper_status(id, to(PaperStatus::InAbstimmung, None), "tester", at(10))
        .await
        .unwrap();
    let err = store
        .change_paper_status(
            id,
            to(PaperStatus::Beschlossen, Some(decision.id)),
            "tester",
            at(11),
        )
        .await
        .unwrap_err();
    assert!(err.to_string().contains("ungespeicherte Entwurf"), "{err}");
    store.discard_paper_draft(id).await.unwrap();
    let view = store
        .change_paper_status(
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
    let err = store
        .save_paper_version(id, version("Wohnraum", "Text B", "v2"), "tester", at(12))
        .await
        .unwrap_err();
    assert!(matches!(&err, Error::Validation { field, .. } if field == "Status"));
    assert!(err.to_string().contains("festgeschrieben"));
    assert!(
        store
            .save_paper_draft(id, DraftInput::default(), at(12))
            .await
            .is_err()
    );
    assert!(
        store
            .restore_paper_version(view.versions[0].id, None, "tester", at(12))
            .await
            .is_err()
    );
    let meta = PaperInput {
        title: "Neuer Titel".into(),
        summary: view.paper.summary.clone(),
        handlungsfeld_id: view.paper.handlungsfeld_id,
        ..PaperInput::default()
    };
    assert!(store.update_paper_meta(id, meta, at(12)).await.is_err());
    assert_eq!(store.get_paper(id).await.unwrap().versions.len(), 1);

    // Fortschreibung: back to Entwurf, then a new version is possible; version 1 stays.
    store
        .change_paper_status(id, to(PaperStatus::Entwurf, None), "tester", at(13))
        .await
        .unwrap();
    let view = store
        .save_paper_version(
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

#[tokio::test]
async fn attachments_are_checked_on_every_read() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("daten.sqlite3")).await.unwrap();
    let id = paper(&store, "Gesundheitslotsen", Some("Text")).await;
    let bytes = b"%PDF-1.7 Beispiel".to_vec();
    let meta = store
        .add_attachment(id, None, "Beschluss.pdf", &bytes, "tester", at(10))
        .await
        .unwrap();
    assert_eq!(meta.media_type, "application/pdf");
    assert_eq!(meta.size, 17);
    // Attaching does not make an open editor's next save a conflict.
    let before = store.get_paper(id).await.unwrap().paper.version;
    store
        .add_attachment(id, None, "Notiz.txt", b"x", "tester", at(10))
        .await
        .unwrap();
    assert_eq!(store.get_paper(id).await.unwrap().paper.version, before);
    let file = store.read_attachment(meta.id).await.unwrap();
    assert_eq!(file.data, bytes);
    assert_eq!(store.get_paper(id).await.unwrap().attachments[0], meta);

    let err = store
        .add_attachment(
            id,
            None,
            "riesig.pdf",
            &vec![0_u8; 25 * 1024 * 1024 + 1],
            "tester",
            at(10),
        )
        .await
        .unwrap_err();
    assert!(err.to_string().contains("höchstens 25 MB"), "{err}");

    // From a file: unreadable, too large (refused before reading), fine.
    let missing = dir.path().join("fehlt.pdf");
    let err = store
        .add_attachment_from_file(id, None, &missing, "tester", at(10))
        .await
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::Io);
    assert!(err.to_string().starts_with("Die Datei „"), "{err}");
    let huge = dir.path().join("Film.mp4");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(26 * 1024 * 1024)
        .unwrap();
    let err = store
        .add_attachment_from_file(id, None, &huge, "tester", at(10))
        .await
        .unwrap_err();
    assert!(err.to_string().contains("„Film.mp4“ ist 26 MB groß"), "{err}");
    let table = dir.path().join("Übersicht.xlsx");
    std::fs::write(&table, b"PK\x03\x04 Tabelle").unwrap();
    let from_file = store
        .add_attachment_from_file(id, None, &table, "tester", at(10))
        .await
        .unwrap();
    assert_eq!(from_file.file_name, "Übersicht.xlsx");
    assert_eq!(
        from_file.media_type,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    );
    store.delete_attachment(from_file.id, at(10)).await.unwrap();

    // One byte of the stored blob changed behind the app's back.
    let mut conn = sqlx::SqliteConnection::connect(&format!(
        "sqlite://{}",
        dir.path().join("daten.sqlite3").display()
    ))
    .await
    .unwrap();
    sqlx::query("UPDATE attachments SET data = CAST('%PDF-1.7 Beispie!' AS BLOB) WHERE id = ?1")
        .bind(meta.id)
        .execute(&mut conn)
        .await
        .unwrap();
    let err = store.read_attachment(meta.id).await.unwrap_err();
    assert!(
        err.to_string().contains("„Beschluss.pdf“ ist beschädigt"),
        "{err}"
    );

    store.delete_attachment(meta.id, at(11)).await.unwrap();
    assert_eq!(
        store.get_paper(id).await.unwrap().attachments.len(),
        1,
        "only the other one is left"
    );
}

#[tokio::test]
async fn search_finds_the_current_text_without_umlauts_only() {
    let store = Store::open_in_memory().await.unwrap();
    let anna = author(&store, "Anna", "Özdemir").await;
    let id = paper(
        &store,
        "Integrationskurse",
        Some("Die Verwaltung plant Elternabende."),
    )
    .await;
    let view = store.get_paper(id).await.unwrap();
    store
        .update_paper_meta(
            id,
            PaperInput {
                title: view.paper.title.clone(),
                summary: view.paper.summary.clone(),
                handlungsfeld_id: view.paper.handlungsfeld_id,
                author_ids: vec![anna],
                expected_version: Some(view.paper.version),
                ..PaperInput::default()
            },
            at(10),
        )
        .await
        .unwrap();
    store
        .save_paper_version(
            id,
            version("Integrationskurse", "Die **Förderung** der Sprachkurse.", "neu"),
            "tester",
            at(11),
        )
        .await
        .unwrap();

    assert_eq!(
        hits(
            &store.search_all("Foerderung", 10).await.unwrap(),
            SearchKind::Paper
        ),
        vec![id]
    );
    assert_eq!(
        hits(&store.search_all("forder", 10).await.unwrap(), SearchKind::Paper),
        vec![id]
    );
    assert_eq!(
        hits(&store.search_all("ozdemir", 10).await.unwrap(), SearchKind::Paper),
        vec![id]
    );
    assert_eq!(
        hits(&store.search_all("sprache", 10).await.unwrap(), SearchKind::Paper),
        vec![id],
        "Handlungsfeld"
    );
    assert!(
        hits(
            &store.search_all("Elternabende", 10).await.unwrap(),
            SearchKind::Paper
        )
        .is_empty(),
        "a word only an old version had"
    );
    // A draft is not searched either.
    store
        .save_paper_draft(
            id,
            DraftInput {
                title: "x".into(),
                body: "Quartiersmanagement".into(),
                ..DraftInput::default()
            },
            at(12),
        )
        .await
        .unwrap();
    assert!(
        hits(
            &store.search_all("quartier", 10).await.unwrap(),
            SearchKind::Paper
        )
        .is_empty()
    );

    let list = store
        .list_papers(&PaperFilter {
            text: Some("Förderung".into()),
            ..PaperFilter::default()
        })
        .await
        .unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].current_version, Some(2));
    assert!(list[0].has_draft);
    assert_eq!(list[0].authors.as_deref(), Some("Anna Özdemir"));
    assert!(
        store
            .list_papers(&PaperFilter {
                status: Some(PaperStatus::Beschlossen),
                ..PaperFilter::default()
            })
            .await
            .unwrap()
            .is_empty()
    );

    // The author's name stays when the contact is deleted.
    store.delete_contact(anna).await.unwrap();
    let view = store.get_paper(id).await.unwrap();
    assert_eq!(view.authors[0].contact_id, None);
    assert_eq!(view.authors[0].name, "Anna Özdemir");
}

#[tokio::test]
async fn links_both_ways_and_deleting_a_paper_erases_everything() {
    let store = Store::open_in_memory().await.unwrap();
    let id = paper(&store, "Teilhabe im Sport", Some("Vereine öffnen sich.")).await;
    let session = usecase::sessions::create_session(
        &store,
        SessionInput {
            title: "Netzwerktreffen".into(),
            date: "2026-12-03".into(),
            start_time: "10:00".into(),
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
            title: "Sport".into(),
            ..AgendaItemInput::default()
        },
        at(8),
    )
    .await
    .unwrap();
    let link = store
        .link_paper(
            id,
            LinkTarget {
                session_id: None,
                agenda_item_id: Some(top.id),
            },
            at(9),
        )
        .await
        .unwrap();
    assert_eq!(link.session_id, session.id);
    assert_eq!(link.agenda_item_title.as_deref(), Some("Sport"));
    let twice = store
        .link_paper(
            id,
            LinkTarget {
                session_id: Some(session.id),
                agenda_item_id: Some(top.id),
            },
            at(9),
        )
        .await
        .unwrap_err();
    assert_eq!(twice.code(), ErrorCode::Validation);
    store
        .link_paper(
            id,
            LinkTarget {
                session_id: Some(session.id),
                agenda_item_id: None,
            },
            at(9),
        )
        .await
        .unwrap();
    let for_session = store.list_papers_for_session(session.id).await.unwrap();
    assert_eq!(for_session.len(), 2);
    assert_eq!(for_session[0].agenda_item_id, None, "session-wide links first");
    assert_eq!(store.get_paper(id).await.unwrap().links.len(), 2);
    store.unlink_paper(for_session[0].id, at(9)).await.unwrap();
    assert_eq!(store.list_papers_for_session(session.id).await.unwrap().len(), 1);

    store
        .add_attachment(id, None, "a.txt", b"hallo", "tester", at(9))
        .await
        .unwrap();
    store
        .save_paper_draft(
            id,
            DraftInput {
                title: "t".into(),
                body: "b".into(),
                ..DraftInput::default()
            },
            at(9),
        )
        .await
        .unwrap();
    store
        .change_paper_status(
            id,
            StatusChangeInput {
                to: PaperStatus::InAbstimmung,
                ..StatusChangeInput::default()
            },
            "tester",
            at(9),
        )
        .await
        .unwrap();

    store.delete_paper(id).await.unwrap();
    assert_eq!(store.get_paper(id).await.unwrap_err().code(), ErrorCode::NotFound);
    assert!(
        store
            .list_papers_for_session(session.id)
            .await
            .unwrap()
            .is_empty()
    );
    assert!(store.search_text(SearchKind::Paper, id).await.unwrap().is_none());
    assert!(hits(&store.search_all("vereine", 10).await.unwrap(), SearchKind::Paper).is_empty());
    assert_eq!(
        store.delete_paper(id).await.unwrap_err().code(),
        ErrorCode::NotFound
    );
}

#[tokio::test]
async fn handlungsfelder_are_seeded_and_extendable() {
    let store = Store::open_in_memory().await.unwrap();
    let names: Vec<String> = store
        .list_handlungsfelder()
        .await
        .unwrap()
        .into_iter()
        .map(|h| h.name)
        .collect();
    for expected in ["Sprache", "Bildung", "Arbeit", "Wohnen", "Gesundheit", "Teilhabe"] {
        assert!(names.iter().any(|n| n == expected), "{expected} in {names:?}");
    }
    let added = store.add_handlungsfeld("  Sport  ", at(9)).await.unwrap();
    assert_eq!(added.name, "Sport");
    let err = store.add_handlungsfeld("sprache", at(9)).await.unwrap_err();
    assert_eq!(
        err.to_string(),
        "Handlungsfeld: Das Handlungsfeld „Sprache“ gibt es schon."
    );
    assert!(store.add_handlungsfeld(" ", at(9)).await.is_err());
}

#[tokio::test]
async fn empty_title_and_oversized_body_store_nothing() {
    let store = Store::open_in_memory().await.unwrap();
    let err = store
        .create_paper(PaperInput::default(), "tester", at(9))
        .await
        .unwrap_err();
    assert_eq!(err.field_errors()[0].field, "Titel");
    let err = store
        .create_paper(
            PaperInput {
                title: "Zu lang".into(),
                body: Some("- a\n".repeat(200_000)),
                ..PaperInput::default()
            },
            "tester",
            at(9),
        )
        .await
        .unwrap_err();
    assert_eq!(err.field_errors()[0].field, "Text");
    assert!(
        store
            .list_papers(&PaperFilter::default())
            .await
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn versions_are_stored_once_each() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("daten.sqlite3");
    let store = Store::open(&path).await.unwrap();
    let id = paper(&store, "Wachstum", None).await;
    let body = "Ein Absatz mit etwas Text über Integration und Teilhabe. ".repeat(400); // about 23 KB
    let mut expected = 0_i64;
    for n in 0..30 {
        let text = format!("{body} Fassung {n}");
        expected += i64::try_from(text.chars().count()).unwrap();
        store
            .save_paper_version(id, version("Wachstum", &text, "weiter"), "tester", at(10))
            .await
            .unwrap();
    }
    let mut conn = sqlx::SqliteConnection::connect(&format!("sqlite://{}", path.display()))
        .await
        .unwrap();
    // Each version holds its own text once: no copies of earlier versions, no growing history rows.
    let stored: i64 = sqlx::query_scalar("SELECT sum(length(body)) FROM paper_versions")
        .fetch_one(&mut conn)
        .await
        .unwrap();
    assert_eq!(stored, expected);
    let index_rows: i64 = sqlx::query_scalar("SELECT count(*) FROM search_keys WHERE kind = 'paper'")
        .fetch_one(&mut conn)
        .await
        .unwrap();
    assert_eq!(index_rows, 1, "only the current text is indexed");
}

/// The paper form sends contact ids; an author whose contact was deleted has none. Saving the
/// paper's data must neither drop that name (a save that does not name former authors keeps them)
/// nor make it impossible to remove (the form names the ones still listed).
#[tokio::test]
async fn authors_of_deleted_contacts_survive_a_save_and_can_be_removed() {
    let store = Store::open_in_memory().await.unwrap();
    let anna = author(&store, "Anna", "Özdemir").await;
    let ben = author(&store, "Ben", "Kaya").await;
    let carla = author(&store, "Carla", "Berger").await;
    let id = paper(&store, "Elternarbeit", None).await;
    let meta = |view: &PaperView, author_ids: Vec<i64>, former: Option<Vec<String>>| PaperInput {
        title: view.paper.title.clone(),
        author_ids,
        former_authors: former,
        expected_version: Some(view.paper.version),
        ..PaperInput::default()
    };
    let view = store.get_paper(id).await.unwrap();
    store
        .update_paper_meta(id, meta(&view, vec![anna, ben, carla], None), at(9))
        .await
        .unwrap();
    store.delete_contact(anna).await.unwrap();
    store.delete_contact(ben).await.unwrap();
    let names = |view: &PaperView| -> Vec<(Option<i64>, String)> {
        view.authors
            .iter()
            .map(|a| (a.contact_id, a.name.clone()))
            .collect()
    };

    // The form as the window sends it: both former authors still listed, Carla kept.
    let view = store.get_paper(id).await.unwrap();
    let former = vec!["Anna Özdemir".to_owned(), "Ben Kaya".to_owned()];
    let view = store
        .update_paper_meta(id, meta(&view, vec![carla], Some(former)), at(10))
        .await
        .unwrap();
    assert_eq!(
        names(&view),
        vec![
            (None, "Anna Özdemir".to_owned()),
            (None, "Ben Kaya".to_owned()),
            (Some(carla), "Carla Berger".to_owned()),
        ]
    );
    // A caller that does not know about former authors (the CLI, an older form) keeps them all.
    let view = store
        .update_paper_meta(id, meta(&view, vec![carla], None), at(11))
        .await
        .unwrap();
    assert_eq!(view.authors.len(), 3);
    assert_eq!(view.authors[1].name, "Ben Kaya");
    // Removing one former author; a name that was never an author cannot be slipped in.
    let view = store
        .update_paper_meta(
            id,
            meta(
                &view,
                vec![carla],
                Some(vec!["Ben Kaya".into(), "Erfunden".into()]),
            ),
            at(12),
        )
        .await
        .unwrap();
    assert_eq!(
        names(&view),
        vec![
            (None, "Ben Kaya".to_owned()),
            (Some(carla), "Carla Berger".to_owned())
        ]
    );
    let list = store.list_papers(&PaperFilter::default()).await.unwrap();
    assert_eq!(list[0].authors.as_deref(), Some("Ben Kaya, Carla Berger"));
}

/// "Entwurf mit Version n vergleichen": the unsaved draft against a saved version, word by word;
/// without a draft there is nothing to compare and the message says so.
#[tokio::test]
async fn the_draft_compares_with_a_saved_version() {
    let store = Store::open_in_memory().await.unwrap();
    let id = paper(&store, "Sprachkurse", Some("Kurse am Abend anbieten.")).await;
    let v1 = store.get_paper(id).await.unwrap().versions[0].id;
    let err = store.compare_paper_draft(v1).await.unwrap_err();
    assert!(err.to_string().contains("Entwurf"), "{err}");
    store
        .save_paper_draft(
            id,
            DraftInput {
                title: "Sprachkurse im Kreis".into(),
                summary: None,
                body: "Kurse am **Morgen** anbieten.".into(),
            },
            at(10),
        )
        .await
        .unwrap();
    let cmp = store.compare_paper_draft(v1).await.unwrap();
    assert_eq!(cmp.a.number, 1);
    assert_eq!(cmp.draft.title, "Sprachkurse im Kreis");
    let changed = |kind: ChangeKind| -> Vec<String> {
        cmp.body_diff
            .parts
            .iter()
            .filter(|p| p.kind == kind)
            .map(|p| p.text.trim().to_owned())
            .collect()
    };
    assert_eq!(changed(ChangeKind::Deleted), vec!["Abend"]);
    assert_eq!(changed(ChangeKind::Inserted), vec!["Morgen"]);
    assert_eq!(
        (cmp.body_diff.inserted_words, cmp.body_diff.deleted_words),
        (1, 1)
    );
    assert_eq!(cmp.title_diff.inserted_words, 2);
}

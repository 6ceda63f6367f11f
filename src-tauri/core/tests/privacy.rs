//! Datenschutz on the real store (issue 13): the Änderungsprotokoll records approvals, Nachträge,
//! deletions, imports and erasures in their own transactions; Auskunft finds a person everywhere;
//! erasure keeps old minutes' structure and leaves the name in no byte of the data file, its
//! write-ahead log or shared memory; contacts without a legal basis and the retention review.
#![allow(clippy::unwrap_used)]

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use netzwerkmappe_core::agenda::AgendaItemInput;
use netzwerkmappe_core::audit::{AuditAction, AuditFilter};
use netzwerkmappe_core::contact::{ContactFilter, ContactInput, EmailInput};
use netzwerkmappe_core::import::plan::DuplicateAction;
use netzwerkmappe_core::minutes::{ActionItemInput, DecisionInput, MinutesInput};
use netzwerkmappe_core::organisation::{OrganisationInput, OrganisationKind};
use netzwerkmappe_core::paper::{PaperInput, StatusChangeInput, VersionInput};
use netzwerkmappe_core::paper_status::PaperStatus;
use netzwerkmappe_core::participant::{ParticipantSet, ParticipantStatus};
use netzwerkmappe_core::privacy::ANONYMISED;
use netzwerkmappe_core::session::SessionInput;
use netzwerkmappe_core::settings::Settings;
use netzwerkmappe_core::usecase;
use netzwerkmappe_core::{ErrorCode, Store};

fn at(y: i32, m: u32, d: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, 9, 0, 0).unwrap()
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

struct World {
    erased: i64,
    other: i64,
    session: i64,
}

/// A session on 10.03.2026 that Dr. Quirin Zanderbeck attended, presented a TOP at, owns a task
/// of and is named in (discussion, decision); approved minutes. Another person beside him.
async fn world(store: &Store) -> World {
    let now = at(2026, 3, 1);
    let org = store
        .create_organisation(
            OrganisationInput {
                name: "Landratsamt Tübingen".into(),
                kind: Some(OrganisationKind::Landratsamt),
                ..Default::default()
            },
            now,
        )
        .await
        .unwrap()
        .id;
    let erased = store
        .create_contact(
            ContactInput {
                salutation: Some("Herr".into()),
                title: Some("Dr.".into()),
                first_name: Some("Quirin".into()),
                last_name: "Zanderbeck".into(),
                function: Some("Integrationsbeauftragter".into()),
                organisation_id: Some(org),
                street: Some("Wilhelm-Keil-Straße 50".into()),
                emails: vec![EmailInput {
                    address: "q.zanderbeck@kreis-tuebingen.de".into(),
                    kind: "work".into(),
                    preferred: true,
                }],
                groups: vec!["Kernnetzwerk".into()],
                consent_basis: Some("Art. 6 Abs. 1 lit. e DSGVO".into()),
                ..Default::default()
            },
            now,
        )
        .await
        .unwrap()
        .id;
    let other = store
        .create_contact(
            ContactInput {
                first_name: Some("Leyla".into()),
                last_name: "Öztürk".into(),
                organisation_id: Some(org),
                notes: Some("Vertritt Herrn Dr. Zanderbeck bei Terminen.".into()),
                ..Default::default()
            },
            now,
        )
        .await
        .unwrap()
        .id;
    let session = usecase::sessions::create_session(
        store,
        SessionInput {
            title: "1. Netzwerktreffen 2026".into(),
            date: "10.03.2026".into(),
            start_time: "14:00".into(),
            ..Default::default()
        },
        now,
    )
    .await
    .unwrap()
    .id;
    usecase::participants::add_participants(
        store,
        session,
        &ParticipantSet::Contacts(vec![erased, other]),
        now,
    )
    .await
    .unwrap();
    let list = store.list_participants(session).await.unwrap();
    let statuses: Vec<(i64, ParticipantStatus)> = list
        .iter()
        .map(|p| (p.id, ParticipantStatus::Teilgenommen))
        .collect();
    usecase::participants::set_participant_status(store, session, &statuses, now)
        .await
        .unwrap();
    let top = usecase::agenda::add_agenda_item(
        store,
        session,
        AgendaItemInput {
            title: "Sprachkurse".into(),
            responsible_contact_ids: vec![erased],
            ..Default::default()
        },
        now,
    )
    .await
    .unwrap();
    usecase::minutes::set_discussion(
        store,
        top.id,
        "Herr Dr. Zanderbeck berichtet über die Kurse. Frau Öztürk ergänzt.",
        None,
        now,
    )
    .await
    .unwrap();
    usecase::minutes::update_minutes(
        store,
        session,
        MinutesInput {
            minute_taker_contact_id: Some(other),
            ..Default::default()
        },
        now,
    )
    .await
    .unwrap();
    usecase::minutes::add_decision(
        store,
        session,
        DecisionInput {
            agenda_item_id: Some(top.id),
            text: "Quirin Zanderbeck legt bis Juni ein Konzept vor.".into(),
            expected_version: None,
        },
        now,
    )
    .await
    .unwrap();
    usecase::minutes::add_action_item(
        store,
        session,
        ActionItemInput {
            agenda_item_id: Some(top.id),
            what: "Konzept Sprachkurse (Zanderbeck)".into(),
            owner_contact_id: Some(erased),
            ..Default::default()
        },
        now,
    )
    .await
    .unwrap();
    usecase::minutes::approve_minutes(store, session, "Leyla Öztürk", at(2026, 3, 20))
        .await
        .unwrap();
    World {
        erased,
        other,
        session,
    }
}

/// A paper Zanderbeck wrote with Frau Öztürk and that names him in its text (two versions, the
/// second adopted by the session's decision, so frozen), with version and status notes naming
/// him. Returns the paper's id.
async fn paper_by_him(store: &Store, w: &World) -> i64 {
    let now = at(2026, 3, 2);
    let id = store
        .create_paper(
            PaperInput {
                title: "Sprachkurse nach Zanderbeck".into(),
                summary: Some("Vorschlag von Dr. Zanderbeck".into()),
                author_ids: vec![w.erased, w.other],
                body: Some("# Sprachkurse\n\nHerr Dr. Zanderbeck schlägt vor:\n\n- mehr Kurse".into()),
                ..Default::default()
            },
            "Quirin Zanderbeck",
            now,
        )
        .await
        .unwrap()
        .paper
        .id;
    store
        .save_paper_version(
            id,
            VersionInput {
                title: "Sprachkurse nach Zanderbeck".into(),
                summary: Some("Vorschlag von Dr. Zanderbeck".into()),
                body: "# Sprachkurse\n\nQuirin Zanderbeck und Frau Öztürk schlagen vor:\n\n- mehr Kurse\n- Kinderbetreuung".into(),
                note: Some("Ergänzt nach Rücksprache mit Zanderbeck".into()),
                expected_version: None,
            },
            "lokal",
            now,
        )
        .await
        .unwrap();
    let decision = store.get_minutes(w.session).await.unwrap().decisions[0].id;
    let to = |to: PaperStatus, decision_id: Option<i64>| StatusChangeInput {
        to,
        decision_id,
        note: Some("Zanderbeck stellt vor".into()),
        expected_version: None,
    };
    store
        .change_paper_status(id, to(PaperStatus::InAbstimmung, None), "lokal", now)
        .await
        .unwrap();
    store
        .change_paper_status(id, to(PaperStatus::Beschlossen, Some(decision)), "lokal", now)
        .await
        .unwrap();
    id
}

/// Every byte of the data file and its companions, as one lossy string (names are ASCII here).
fn raw_files(path: &std::path::Path) -> Vec<(String, Vec<u8>)> {
    ["", "-wal", "-shm", "-journal"]
        .iter()
        .filter_map(|suffix| {
            let file = std::path::PathBuf::from(format!("{}{suffix}", path.display()));
            std::fs::read(&file)
                .ok()
                .map(|bytes| (file.display().to_string(), bytes))
        })
        .collect()
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

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

    let report = store.erase_contact(w.erased, at(2026, 11, 27)).await.unwrap();
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
    let view = store.get_paper(paper).await.unwrap();
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
    let again = store.erase_contact(w.erased, at(2026, 11, 27)).await.unwrap_err();
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
    store.erase_contact(w.other, at(2026, 11, 27)).await.unwrap();
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
    store.erase_contact(w.other, at(2026, 11, 27)).await.unwrap();
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
    let report = store.erase_contact(id, now).await.unwrap();
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
    store.erase_contact(w.erased, now).await.unwrap();
    let minutes = store.get_minutes(w.session).await.unwrap();
    assert_eq!(minutes.action_items[0].what, "Konzept Sprachkurse (Zanderbeck)");
}

#[tokio::test(flavor = "multi_thread")]
async fn auskunft_finds_the_person_everywhere_and_reads_as_german_text() {
    let store = Store::open_in_memory().await.unwrap();
    let w = world(&store).await;
    let a = store.subject_access(w.erased, at(2026, 11, 27)).await.unwrap();
    assert_eq!(a.contact.last_name, "Zanderbeck");
    assert_eq!(a.organisation.as_ref().unwrap().name, "Landratsamt Tübingen");
    assert_eq!(a.sessions.len(), 1);
    assert_eq!(a.sessions[0].status, "teilgenommen");
    assert_eq!(a.agenda_items.len(), 1);
    assert_eq!(a.action_items.len(), 1);
    let places: Vec<&str> = a.mentions.iter().map(|m| m.place.as_str()).collect();
    assert!(places.contains(&"Diskussion"), "{places:?}");
    assert!(places.contains(&"Beschluss"), "{places:?}");
    assert!(places.contains(&"Aufgabe"), "{places:?}");
    assert!(places.contains(&"Notiz zu einem Kontakt"), "{places:?}");
    assert!(a.papers.is_empty());
    // A paper he wrote and that names him: authorship, then each text naming him, the version's
    // text as its lines that name him.
    let paper = paper_by_him(&store, &w).await;
    let a = store.subject_access(w.erased, at(2026, 11, 27)).await.unwrap();
    let papers: Vec<(i64, &str, &str)> = a
        .papers
        .iter()
        .map(|p| (p.paper_id, p.place.as_str(), p.text.as_str()))
        .collect();
    assert_eq!(papers[0], (paper, "Autor/in", ""));
    assert!(
        papers.contains(&(paper, "Titel", "Sprachkurse nach Zanderbeck")),
        "{papers:?}"
    );
    assert!(
        papers.contains(&(
            paper,
            "Text einer Version (Version 2)",
            "Quirin Zanderbeck und Frau Öztürk schlagen vor:"
        )),
        "{papers:?}"
    );
    assert!(papers.contains(&(paper, "Version gespeichert von (Version 1)", "Quirin Zanderbeck")));
    assert!(papers.contains(&(paper, "Notiz zu einer Statusänderung", "Zanderbeck stellt vor")));
    // Frau Öztürk is a co-author, not named as him: authorship only by her contact.
    let hers = store.subject_access(w.other, at(2026, 11, 27)).await.unwrap();
    assert!(
        hers.papers
            .iter()
            .any(|p| p.paper_id == paper && p.place == "Autor/in")
    );
    let text = netzwerkmappe_core::privacy::subject_access_text(&a);
    assert!(
        text.contains("  „Sprachkurse nach Zanderbeck“ – Autor/in\n"),
        "{text}"
    );
    let json = serde_json::to_value(&a).unwrap();
    assert_eq!(json["papers"][0]["place"], "Autor/in");
    assert_eq!(
        json["contact"]["emails"][0]["address"],
        "q.zanderbeck@kreis-tuebingen.de"
    );
    assert_eq!(json["contact"]["groups"][0], "Kernnetzwerk");
    let text = netzwerkmappe_core::privacy::subject_access_text(&a);
    assert!(text.starts_with("Auskunft nach Art. 15 DSGVO\n"));
    assert!(text.contains("  Name: Dr. Quirin Zanderbeck\n"), "{text}");
    assert!(text.contains("  Rechtsgrundlage: Art. 6 Abs. 1 lit. e DSGVO\n"));
    assert!(
        text.contains("Sitzungen (Teilnahme) (1)\n  10.03.2026 1. Netzwerktreffen 2026: teilgenommen\n"),
        "{text}"
    );
    // The other person does not appear in his Auskunft's mentions of the decision.
    assert!(a.mentions.iter().all(|m| !m.text.is_empty()));

    store
        .record_subject_access(w.erased, at(2026, 11, 27))
        .await
        .unwrap();
    let page = store
        .list_audit(&AuditFilter {
            action: Some(AuditAction::SubjectAccess),
            ..AuditFilter::default()
        })
        .await
        .unwrap();
    assert_eq!(page.total, 1);
}

/// The Auskunft is saved as JSON, text and PDF (issue 13: "a readable document (a PDF …)"); the
/// PDF reads back with the person's data, its sections as bookmarks, fonts embedded; an existing
/// PDF of the same name is never overwritten.
#[tokio::test(flavor = "multi_thread")]
async fn auskunft_is_saved_as_a_pdf_that_reads_back_with_the_persons_data() {
    let store = Store::open_in_memory().await.unwrap();
    let w = world(&store).await;
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("auskunft.json");
    let saved = netzwerkmappe_core::privacy::save_subject_access(&store, w.erased, &target, at(2026, 11, 27))
        .await
        .unwrap();
    let pdf = dir.path().join("auskunft.pdf");
    assert_eq!(saved.pdf, pdf.display().to_string());
    let out = std::process::Command::new("pdftotext")
        .args(["-enc", "UTF-8", pdf.to_str().unwrap(), "-"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in [
        "Auskunft nach Art. 15 DSGVO",
        "Erstellt: 27.11.2026, 10:00 Uhr",
        "Name: Dr. Quirin Zanderbeck",
        "Organisation: Landratsamt Tübingen",
        "E-Mail: q.zanderbeck@kreis-tuebingen.de",
        "Rechtsgrundlage: Art. 6 Abs. 1 lit. e DSGVO",
        "Sitzungen (Teilnahme) (1)",
        "10.03.2026 1. Netzwerktreffen 2026: teilgenommen",
        "Erwähnungen in Protokollen",
        "Seite 1 von",
    ] {
        assert!(flat.contains(expected), "{expected} in {flat}");
    }
    let doc = lopdf::Document::load(&pdf).unwrap();
    let catalog = doc.catalog().unwrap();
    assert!(catalog.get(b"Outlines").is_ok(), "bookmarks");
    let fonts = std::process::Command::new("pdffonts").arg(&pdf).output().unwrap();
    let fonts = String::from_utf8(fonts.stdout).unwrap();
    assert!(fonts.lines().skip(2).count() >= 2, "{fonts}");
    assert!(
        fonts.lines().skip(2).all(|l| l.contains("yes yes yes")),
        "{fonts}"
    );
    // A second export to the same name stops at the existing files.
    std::fs::remove_file(&target).unwrap();
    std::fs::remove_file(dir.path().join("auskunft.txt")).unwrap();
    let err = netzwerkmappe_core::privacy::save_subject_access(&store, w.erased, &target, at(2026, 11, 27))
        .await
        .unwrap_err();
    assert!(err.to_string().contains("auskunft.pdf"), "{err}");
    assert!(!target.exists(), "nothing written when the PDF exists");
}

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
    store
        .apply_import(csv.as_bytes(), None, DuplicateAction::Skip, false, at(2026, 5, 1))
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
async fn contacts_without_basis_and_the_retention_review() {
    let store = Store::open_in_memory().await.unwrap();
    let w = world(&store).await; // both created 01.03.2026; the session was 10.03.2026
    let without: Vec<i64> = store
        .contacts_without_basis()
        .await
        .unwrap()
        .iter()
        .map(|c| c.id)
        .collect();
    assert_eq!(without, vec![w.other]);
    let silent = store
        .create_contact(
            ContactInput {
                last_name: "Still".into(),
                ..Default::default()
            },
            at(2022, 6, 1),
        )
        .await
        .unwrap()
        .id;
    let ids = |list: Vec<netzwerkmappe_core::privacy::RetentionCandidate>| {
        list.iter().map(|c| c.id).collect::<Vec<_>>()
    };
    assert_eq!(
        ids(store.retention_candidates(day(2026, 11, 27), 3).await.unwrap()),
        vec![silent]
    );
    // Four years on, the session of 10.03.2026 is more than 3 years back too.
    let later = store.retention_candidates(day(2029, 3, 10), 3).await.unwrap();
    assert_eq!(ids(later.clone()), vec![silent, w.erased, w.other]);
    assert!(!later[0].involved);
    assert!(later[1].involved);
    store.keep_contact(silent, at(2026, 11, 27)).await.unwrap();
    assert!(
        store
            .retention_candidates(day(2026, 11, 27), 3)
            .await
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        ids(store.retention_candidates(day(2029, 11, 27), 3).await.unwrap()),
        vec![w.erased, w.other, silent]
    );
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
    let file = store
        .add_attachment(
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
    store.erase_contact(w.erased, at(2026, 11, 27)).await.unwrap();
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

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
use netzwerkmappe_core::{ErrorCode, store::Store, usecase};

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
    let id = usecase::papers::create_paper(
        store,
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
    usecase::papers::save_paper_version(store,
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
    usecase::papers::change_paper_status(store, id, to(PaperStatus::InAbstimmung, None), "lokal", now)
        .await
        .unwrap();
    usecase::papers::change_paper_status(
        store,
        id,
        to(PaperStatus::Beschlossen, Some(decision)),
        "lokal",
        now,
    )
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

mod access;
mod audit;
mod erasure;
mod retention;

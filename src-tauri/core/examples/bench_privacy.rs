//! Benchmark: the Datenschutz queries on a large office file: 20,000 contacts (imported, so
//! without a legal basis), 500 sessions with 20 participants and 4 TOPs with discussion text
//! each, 10,000 audit entries. Times the retention review, the list without a legal basis, the
//! first audit page (unfiltered and by text), one Auskunft and one erasure with its file scrub.
//! Temporary file store like the app; asserts nothing.
//! Run: `cargo run --release -p netzwerkmappe-core --example bench_privacy`.

use std::time::Instant;

use chrono::{NaiveDate, TimeDelta, TimeZone, Utc};
use netzwerkmappe_core::agenda::AgendaItemInput;
use netzwerkmappe_core::audit::{AuditAction, AuditEvent, AuditFilter, AuditRecord};
use netzwerkmappe_core::contact::ContactFilter;
use netzwerkmappe_core::import::plan::DuplicateAction;
use netzwerkmappe_core::participant::ParticipantSet;
use netzwerkmappe_core::session::SessionInput;
use netzwerkmappe_core::usecase;
use netzwerkmappe_core::{Result, store::Store};

const CONTACTS: usize = 20_000;
const SESSIONS: usize = 500;

#[tokio::main]
async fn main() -> Result<()> {
    let dir = std::env::temp_dir().join(format!("bench-privacy-{}", std::process::id()));
    let store = Store::open(&dir.join("netzwerkmappe.sqlite3")).await?;
    let now = Utc
        .with_ymd_and_hms(2026, 11, 24, 9, 0, 0)
        .single()
        .unwrap_or_default();
    let mut csv = String::from("Vorname;Nachname;E-Mail\n");
    for i in 0..CONTACTS {
        csv.push_str(&format!("Vorname{i};Nachname{i};person{i}@example.org\n"));
    }
    usecase::import::apply_import(
        &store,
        csv.as_bytes(),
        None,
        DuplicateAction::Skip,
        false,
        now - TimeDelta::days(2000),
    )
    .await?;
    let rows = store.list_contacts(&ContactFilter::default()).await?;
    let ids: Vec<i64> = rows.iter().map(|c| c.id).collect();
    let first = NaiveDate::from_ymd_opt(2020, 1, 6).unwrap_or_default();
    for s in 0..SESSIONS {
        let date = first + TimeDelta::days(7 * s as i64 % 2000);
        let session = usecase::sessions::create_session(
            &store,
            SessionInput {
                title: format!("Netzwerktreffen {s}"),
                date: date.format("%d.%m.%Y").to_string(),
                start_time: "14:00".into(),
                ..Default::default()
            },
            now,
        )
        .await?;
        let people: Vec<i64> = (0..20).map(|k| ids[(s * 20 + k) % 2_000]).collect();
        usecase::participants::add_participants(
            &store,
            session.id,
            &ParticipantSet::Contacts(people.clone()),
            now,
        )
        .await?;
        for t in 0..4 {
            let item = usecase::agenda::add_agenda_item(
                &store,
                session.id,
                AgendaItemInput {
                    title: format!("TOP {t}"),
                    ..Default::default()
                },
                now,
            )
            .await?;
            let who = &rows[(s * 20 + t) % 2_000];
            let text = format!(
                "{} {} berichtet über den Stand; Rückfragen zu Sprachkursen und Kita-Plätzen.",
                who.first_name.as_deref().unwrap_or_default(),
                who.last_name
            );
            usecase::minutes::set_discussion(&store, item.id, &text, None, now).await?;
        }
    }
    for i in 0..10_000 {
        let event = AuditEvent::new(
            AuditAction::Backup,
            AuditRecord::DataFile,
            None,
            format!("Sicherung {i}"),
        );
        store.record_audit(&event, now).await?;
    }
    let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap_or_default();
    let time = |label: &str, started: Instant| {
        println!("{label}: {:.1} ms", started.elapsed().as_secs_f64() * 1000.0);
    };
    let t = Instant::now();
    let due = usecase::privacy::retention_candidates(&store, today, 3).await?;
    time(&format!("retention review ({} due)", due.len()), t);
    let t = Instant::now();
    let without = store.contacts_without_basis().await?;
    time(&format!("without legal basis ({})", without.len()), t);
    let t = Instant::now();
    store.list_audit(&AuditFilter::default()).await?;
    time("audit, first page", t);
    let t = Instant::now();
    store
        .list_audit(&AuditFilter {
            text: Some("sicherung 99".into()),
            ..AuditFilter::default()
        })
        .await?;
    time("audit, by text", t);
    let t = Instant::now();
    let access = usecase::privacy::subject_access(&store, ids[2], now).await?;
    time(
        &format!(
            "Auskunft ({} sessions, {} mentions)",
            access.sessions.len(),
            access.mentions.len()
        ),
        t,
    );
    let t = Instant::now();
    usecase::privacy::erase_contact(&store, ids[2], now).await?;
    time("erasure incl. checkpoint + VACUUM", t);
    store.close().await;
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}

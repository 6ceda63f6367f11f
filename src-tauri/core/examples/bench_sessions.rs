//! Benchmark: the Sitzungen list with 2,000 sessions (each with 6 TOPs and 20 participants)
//! unfiltered and filtered by typed text, the agenda of one session, and the global search over
//! the new kinds. Prints p50/p95; asserts nothing. Temporary file store (WAL, synchronous=FULL)
//! like the app. Run: `cargo run --release -p netzwerkmappe-core --example bench_sessions`.

use std::time::{Duration, Instant};

use chrono::{NaiveDate, TimeDelta, TimeZone, Utc};
use netzwerkmappe_core::agenda::AgendaItemInput;
use netzwerkmappe_core::contact::ContactInput;
use netzwerkmappe_core::participant::ParticipantSet;
use netzwerkmappe_core::session::{SessionFilter, SessionInput};
use netzwerkmappe_core::usecase;
use netzwerkmappe_core::{Result, store::Store};

const SESSIONS: usize = 2_000;
const TOPICS: [&str; 8] = [
    "Sprache",
    "Bildung",
    "Arbeit",
    "Wohnen",
    "Gesundheit",
    "Teilhabe",
    "Kita",
    "Ehrenamt",
];

fn percentile(times: &mut [Duration], p: f64) -> f64 {
    times.sort_unstable();
    let i = ((times.len() as f64 - 1.0) * p).round() as usize;
    times[i].as_secs_f64() * 1000.0
}

#[tokio::main]
async fn main() -> Result<()> {
    let dir = std::env::temp_dir().join(format!("bench-sessions-{}", std::process::id()));
    let store = Store::open(&dir.join("netzwerkmappe.sqlite3")).await?;
    let now = Utc
        .with_ymd_and_hms(2026, 11, 24, 9, 0, 0)
        .single()
        .unwrap_or_default();
    let mut contacts = Vec::new();
    for i in 0..20 {
        let c = store
            .create_contact(
                ContactInput {
                    last_name: format!("Teilnehmerin {i}"),
                    ..Default::default()
                },
                now,
            )
            .await?;
        contacts.push(c.id);
    }
    let first_day = NaiveDate::from_ymd_opt(2020, 1, 6).unwrap_or_default();
    let started = Instant::now();
    for i in 0..SESSIONS {
        let date = first_day + TimeDelta::days(i as i64 * 2);
        let topic = TOPICS[i % TOPICS.len()];
        let s = usecase::sessions::create_session(
            &store,
            SessionInput {
                title: format!("{}. Netzwerktreffen {topic}", i + 1),
                date: date.format("%d.%m.%Y").to_string(),
                start_time: "14:00".into(),
                end_time: Some("16:30".into()),
                place: Some("Stuttgart".into()),
                ..Default::default()
            },
            now,
        )
        .await?;
        for t in 0..6 {
            let input = AgendaItemInput {
                title: format!("{} – Bericht {t}", TOPICS[(i + t) % TOPICS.len()]),
                planned_minutes: Some(20),
                ..Default::default()
            };
            usecase::agenda::add_agenda_item(&store, s.id, input, now).await?;
        }
        usecase::participants::add_participants(
            &store,
            s.id,
            &ParticipantSet::Contacts(contacts.clone()),
            now,
        )
        .await?;
    }
    println!(
        "{SESSIONS} Sitzungen mit je 6 TOPs und 20 Teilnehmenden angelegt: {:.1} s",
        started.elapsed().as_secs_f64()
    );

    let today = NaiveDate::from_ymd_opt(2028, 6, 1).unwrap_or_default();
    for (name, filter) in [
        ("Liste ungefiltert", SessionFilter::default()),
        (
            "Liste, Suche „wohn“",
            SessionFilter {
                query: Some("wohn".into()),
                ..Default::default()
            },
        ),
        (
            "Liste, Suche „netzwerktreffen 12“",
            SessionFilter {
                query: Some("netzwerktreffen 12".into()),
                ..Default::default()
            },
        ),
    ] {
        let mut times = Vec::new();
        let mut rows = 0;
        for _ in 0..50 {
            let t = Instant::now();
            rows = store.list_sessions(&filter, today).await?.len();
            times.push(t.elapsed());
        }
        println!(
            "{name}: {rows} Zeilen, p50 {:.2} ms, p95 {:.2} ms",
            percentile(&mut times, 0.5),
            percentile(&mut times, 0.95)
        );
    }
    let mut times = Vec::new();
    for i in 0..50 {
        let t = Instant::now();
        store.list_agenda((i * 37 % SESSIONS as i64) + 1).await?;
        times.push(t.elapsed());
    }
    println!(
        "Tagesordnung einer Sitzung: p50 {:.2} ms, p95 {:.2} ms",
        percentile(&mut times, 0.5),
        percentile(&mut times, 0.95)
    );
    for typed in ["w", "wo", "woh", "wohn"] {
        let mut times = Vec::new();
        for _ in 0..50 {
            let t = Instant::now();
            store.search_all(typed, 10).await?;
            times.push(t.elapsed());
        }
        println!(
            "Suche über alle Arten „{typed}“: p50 {:.2} ms, p95 {:.2} ms",
            percentile(&mut times, 0.5),
            percentile(&mut times, 0.95)
        );
    }
    store.close().await;
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}

//! Benchmark: 10,000 concept papers with three versions each (about 3 KB of German text per
//! version), saved through the ordinary store calls on a temporary file store (WAL,
//! synchronous=FULL, like the app). Prints the data file's size after each round of versions (it
//! must grow linearly: each round adds about the same), then p50/p95 of the global search and of
//! the filtered Konzeptpapiere list for 1–4 letter prefixes. Asserts nothing.
//! Run: `cargo run -p netzwerkmappe-core --example bench_papers` (`BENCH_PAPERS=n` for another count,
//! `BENCH_KEEP=1` to keep the data file).

use std::path::Path;
use std::time::{Duration, Instant};

use chrono::{TimeZone, Utc};
use netzwerkmappe_core::paper::{PaperFilter, PaperInput, VersionInput};
use netzwerkmappe_core::{Result, store::Store};
use sqlx::Connection;

const WORDS: [&str; 24] = [
    "Förderung",
    "Sprachkurse",
    "Kinderbetreuung",
    "Ausländerbehörde",
    "Jobcenter",
    "Ehrenamt",
    "Wohnraum",
    "Anschlussunterbringung",
    "Gesundheitslotsen",
    "Integrationsmanagement",
    "Schulsozialarbeit",
    "Teilhabe",
    "Beratung",
    "Übersetzung",
    "Landratsamt",
    "Gemeinde",
    "Arbeitsmarkt",
    "Anerkennung",
    "Qualifizierung",
    "Elternarbeit",
    "Kreisverwaltung",
    "Netzwerk",
    "Berichtswesen",
    "Fahrtkosten",
];

fn percentile(times: &mut [Duration], p: f64) -> f64 {
    times.sort_unstable();
    let i = ((times.len() as f64 - 1.0) * p).round() as usize;
    times[i].as_secs_f64() * 1000.0
}

/// About 3 KB of text for paper `n`, version `v`: headings, a list, paragraphs of varied words.
fn body(n: usize, v: usize) -> String {
    let mut text = format!("# Konzept {n}\n\n## Ausgangslage\n\n");
    for p in 0..6 {
        let words: Vec<&str> = (0..40)
            .map(|i| WORDS[(n * 7 + p * 13 + i * (v + 3)) % WORDS.len()])
            .collect();
        text += &words.join(" ");
        text += ".\n\n";
    }
    text += "## Maßnahmen\n\n";
    for i in 0..5 {
        text += &format!("- {} im Kreis {}\n", WORDS[(n + i + v) % WORDS.len()], n % 44);
    }
    text
}

async fn data_size(path: &Path) -> Result<u64> {
    let mut conn = sqlx::SqliteConnection::connect(&format!("sqlite://{}", path.display())).await?;
    sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
        .execute(&mut conn)
        .await?;
    conn.close().await?;
    let wal = path.with_extension("sqlite3-wal");
    let main = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    Ok(main + std::fs::metadata(wal).map(|m| m.len()).unwrap_or(0))
}

#[tokio::main]
async fn main() -> Result<()> {
    let papers: usize = std::env::var("BENCH_PAPERS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    let dir = std::env::temp_dir().join(format!("bench-papers-{}", std::process::id()));
    let path = dir.join("netzwerkmappe.sqlite3");
    let store = Store::open(&path).await?;
    let now = Utc
        .with_ymd_and_hms(2026, 11, 27, 9, 0, 0)
        .single()
        .unwrap_or_default();
    let fields = store.list_handlungsfelder().await?;
    let empty = data_size(&path).await?;
    println!("leere Datendatei: {:.1} MB", empty as f64 / 1e6);

    let mut ids = Vec::with_capacity(papers);
    let mut previous = empty;
    for round in 1..=3 {
        let started = Instant::now();
        for n in 0..papers {
            if round == 1 {
                let view = netzwerkmappe_core::usecase::papers::create_paper(
                    &store,
                    PaperInput {
                        title: format!("Konzeptpapier {n}: {}", WORDS[n % WORDS.len()]),
                        handlungsfeld_id: fields.get(n % fields.len()).map(|h| h.id),
                        body: Some(body(n, 1)),
                        ..PaperInput::default()
                    },
                    "bench",
                    now,
                )
                .await?;
                ids.push(view.paper.id);
            } else {
                netzwerkmappe_core::usecase::papers::save_paper_version(
                    &store,
                    ids[n],
                    VersionInput {
                        title: format!("Konzeptpapier {n}: {}", WORDS[n % WORDS.len()]),
                        body: body(n, round),
                        note: Some(format!("Fassung {round}")),
                        ..VersionInput::default()
                    },
                    "bench",
                    now,
                )
                .await?;
            }
        }
        let size = data_size(&path).await?;
        println!(
            "Runde {round}: {papers} Versionen in {:.1} s; Datendatei {:.1} MB (+{:.1} MB)",
            started.elapsed().as_secs_f64(),
            size as f64 / 1e6,
            (size - previous) as f64 / 1e6
        );
        previous = size;
    }

    for (label, prefixes) in [
        (
            "1 Buchstabe",
            vec!["f", "s", "k", "a", "j", "w", "e", "t", "b", "u"],
        ),
        (
            "2–4 Buchstaben",
            vec![
                "fo", "spr", "kind", "aus", "job", "ehr", "wohn", "ansc", "gesu", "uber",
            ],
        ),
    ] {
        let mut search = Vec::new();
        let mut list = Vec::new();
        for _ in 0..10 {
            for prefix in &prefixes {
                let t = Instant::now();
                let _ = store.search_all(prefix, 5).await?;
                search.push(t.elapsed());
                let t = Instant::now();
                let _ = store
                    .list_papers(&PaperFilter {
                        text: Some((*prefix).to_owned()),
                        ..PaperFilter::default()
                    })
                    .await?;
                list.push(t.elapsed());
            }
        }
        println!(
            "{label}: Suche p50 {:.2} ms, p95 {:.2} ms; Liste gefiltert p50 {:.1} ms, p95 {:.1} ms",
            percentile(&mut search, 0.5),
            percentile(&mut search, 0.95),
            percentile(&mut list, 0.5),
            percentile(&mut list, 0.95)
        );
    }
    store.close().await;
    // BENCH_KEEP=1 keeps the data file for a look with other tools.
    if std::env::var_os("BENCH_KEEP").is_some() {
        println!("Datendatei bleibt: {}", path.display());
    } else {
        let _ = std::fs::remove_dir_all(&dir);
    }
    Ok(())
}

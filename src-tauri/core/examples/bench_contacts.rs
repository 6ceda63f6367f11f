//! Benchmark (run by `make bench`): search over 100,000 generated contacts (p50/p95 per prefix
//! length 1–4) and importing 10,000 generated Outlook CSV rows in one transaction.
//! Prints figures; asserts nothing. Uses a temporary file store (WAL, synchronous=FULL) like the app.

use std::time::{Duration, Instant};

use chrono::Utc;
use netzwerkmappe_core::contact::ContactFilter;
use netzwerkmappe_core::import::plan::DuplicateAction;
use netzwerkmappe_core::usecase;
use netzwerkmappe_core::{Result, store::Store};

const LAST: [&str; 16] = [
    "Müller",
    "Schmidt",
    "Öztürk",
    "Weiß",
    "Bäuerle",
    "Nowak",
    "Yılmaz",
    "Fischer",
    "Schneider",
    "Wagner",
    "Becker",
    "Hoffmann",
    "Schäfer",
    "Koch",
    "Richter",
    "Klein",
];
const FIRST: [&str; 12] = [
    "Anna", "Kemal", "Gerlinde", "Jonas", "Zofia", "Lars", "Fatma", "Peter", "Sabine", "Ahmet", "Maria",
    "Jürgen",
];

/// Deterministic pseudo-random numbers (no dependency needed for a benchmark).
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) as usize
    }
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted.get(i).map(|d| d.as_secs_f64() * 1000.0).unwrap_or(0.0)
}

async fn seed(store: &Store, n: usize) -> Result<()> {
    let mut rng = Lcg(42);
    let mut csv = String::from("Vorname;Nachname;E-Mail;Organisation;Funktion\n");
    for i in 0..n {
        let first = FIRST[rng.next() % FIRST.len()];
        let last = LAST[rng.next() % LAST.len()];
        csv += &format!(
            "{first};{last}{i};p{i}@kreis{}.example;Landratsamt {};Referent\n",
            i % 44,
            i % 44
        );
    }
    usecase::import::apply_import(
        store,
        csv.as_bytes(),
        None,
        DuplicateAction::ImportAnyway,
        false,
        Utc::now(),
    )
    .await?;
    Ok(())
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<()> {
    let dir = std::env::temp_dir().join(format!("netzwerkmappe-bench-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);

    // Import: 10,000 Outlook-like rows (German headers, Windows-1252, every field quoted).
    let store = Store::open(&dir.join("import.sqlite3")).await?;
    let mut rows = String::from(
        "\"Anrede\",\"Vorname\",\"Nachname\",\"Firma\",\"Position\",\"E-Mail-Adresse\",\"Telefon geschäftlich\",\"Notizen\"\r\n",
    );
    for i in 0..10_000 {
        rows += &format!(
            "\"Frau\",\"Grüße{i}\",\"Weiß-Straßburger{i}\",\"Landratsamt Nr. {}\",\"Integrationsbeauftragte\",\"g{i}@lra.example\",\"07071 207-{i:04}\",\"Zeile 1\r\nZeile \"\"2\"\"\"\r\n",
            i % 50
        );
    }
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&rows);
    // The preview the window shows before importing: read, map, validate and look for duplicates.
    let started = Instant::now();
    let preview = usecase::import::preview_import(&store, &bytes, None).await?;
    let json =
        serde_json::to_vec(&preview).map_err(|e| netzwerkmappe_core::Error::Database(e.to_string()))?;
    println!(
        "Vorschau 10.000 Outlook-CSV-Zeilen (lesen, prüfen, Doppelte suchen, als JSON): {:.0} ms ({} neu, {:.1} MB JSON)   [Ziel ≤ 1 s]",
        started.elapsed().as_secs_f64() * 1000.0,
        preview.new_count,
        json.len() as f64 / 1_048_576.0
    );
    let started = Instant::now();
    let summary =
        usecase::import::apply_import(&store, &bytes, None, DuplicateAction::Skip, false, Utc::now()).await?;
    let took = started.elapsed();
    println!(
        "Import 10.000 Outlook-CSV-Zeilen (Windows-1252, eine Transaktion): {:.0} ms ({} neu, {} Organisationen)   [Ziel ≤ 500 ms]",
        took.as_secs_f64() * 1000.0,
        summary.created,
        summary.organisations_created
    );
    // The same file again: every row is found as a duplicate of a stored contact and skipped.
    let started = Instant::now();
    let again =
        usecase::import::apply_import(&store, &bytes, None, DuplicateAction::Skip, false, Utc::now()).await?;
    println!(
        "Dieselbe Datei noch einmal (alle doppelt, übersprungen): {:.0} ms ({} übersprungen, {} neu)",
        started.elapsed().as_secs_f64() * 1000.0,
        again.skipped,
        again.created
    );
    store.close().await;

    // Search: 100,000 contacts.
    let store = Store::open(&dir.join("search.sqlite3")).await?;
    let started = Instant::now();
    seed(&store, 100_000).await?;
    println!(
        "100.000 Kontakte angelegt in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let words = [
        "mueller", "oeztuerk", "weiss", "schaefer", "anna", "kemal", "juergen", "fatma",
    ];
    for len in 1..=4 {
        let mut times = Vec::new();
        for round in 0..25 {
            for w in words {
                let prefix: String = w.chars().take(len).collect();
                let started = Instant::now();
                let hits = store.search_all(&prefix, 20).await?;
                times.push(started.elapsed());
                if round == 0 && hits.groups.is_empty() {
                    println!("  (keine Treffer für {prefix})");
                }
            }
        }
        times.sort();
        println!(
            "Suche (Suchfeld, je Art 20 Treffer), Präfix mit {len} Buchstaben: p50 {:.2} ms, p95 {:.2} ms   [Ziel p95 ≤ 5 ms]",
            percentile(&times, 0.5),
            percentile(&times, 0.95)
        );
    }
    let mut times = Vec::new();
    for w in words {
        let started = Instant::now();
        let filter = ContactFilter {
            query: Some(w[..4].to_owned()),
            ..Default::default()
        };
        store.list_contacts(&filter).await?;
        times.push(started.elapsed());
    }
    times.sort();
    println!(
        "Kontaktliste gefiltert (alle Treffer, 4 Buchstaben): p50 {:.1} ms, max {:.1} ms",
        percentile(&times, 0.5),
        percentile(&times, 1.0)
    );
    store.close().await;
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}

//! Benchmark of the one search over everything (issue 11, run by `make bench`): a generated data
//! file with 100,000 contacts, 2,000 sessions with agenda, minutes, decisions and action items and
//! 10,000 concept papers of three versions each (the file size printed after each round of
//! versions: it must grow linearly), then `search_all` (as the search box calls it, 8 hits per
//! kind) for many different typed prefixes: p50/p95/max for one letter and for 2–4 letters. Goals: p95 ≤ 10 ms for one letter,
//! ≤ 5 ms for 2–4 letters. Prints figures; asserts nothing. A temporary file store (WAL,
//! synchronous=FULL) like the app. Run:
//! `cargo run --release -p netzwerkmappe-core --example bench_search`.

use std::time::{Duration, Instant};

use chrono::{NaiveDate, TimeDelta, TimeZone, Utc};
use netzwerkmappe_core::agenda::AgendaItemInput;
use netzwerkmappe_core::import::plan::DuplicateAction;
use netzwerkmappe_core::minutes::{ActionItemInput, DecisionInput};
use netzwerkmappe_core::paper::{PaperInput, VersionInput};
use netzwerkmappe_core::session::SessionInput;
use netzwerkmappe_core::usecase;
use netzwerkmappe_core::{Result, store::Store};

const CONTACTS: usize = 100_000;
const SESSIONS: usize = 2_000;
const PAPERS: usize = 10_000;
const VERSIONS: usize = 3;
/// Hits per kind the search box asks for (`SEARCH_LIMIT_PER_KIND` in `commands/contacts.rs`).
const LIMIT_PER_KIND: i64 = 8;

const LAST: [&str; 24] = [
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
    "Demir",
    "Kovač",
    "Papadopoulos",
    "Haag",
    "Krämer",
    "Ehrle",
    "Aydın",
    "Zimmermann",
];
const FIRST: [&str; 16] = [
    "Anna",
    "Kemal",
    "Gerlinde",
    "Jonas",
    "Zofia",
    "Lars",
    "Fatma",
    "Peter",
    "Sabine",
    "Ahmet",
    "Maria",
    "Jürgen",
    "Olena",
    "Dimitrios",
    "Ewa",
    "Tobias",
];
/// Words of the network's texts (sessions, TOPs, discussions, decisions, tasks).
const WORDS: [&str; 60] = [
    "Sprachförderung",
    "Integrationskurs",
    "Kita",
    "Schule",
    "Ausbildung",
    "Arbeitsmarkt",
    "Wohnraum",
    "Anschlussunterbringung",
    "Gesundheit",
    "Dolmetscher",
    "Ehrenamt",
    "Teilhabe",
    "Beratung",
    "Jobcenter",
    "Ausländerbehörde",
    "Landratsamt",
    "Gemeinde",
    "Förderprogramm",
    "Antrag",
    "Bericht",
    "Quote",
    "Zahlen",
    "Geflüchtete",
    "Familien",
    "Jugendliche",
    "Frauen",
    "Migrantenorganisationen",
    "Netzwerk",
    "Austausch",
    "Fortbildung",
    "Qualifizierung",
    "Anerkennung",
    "Berufsabschlüsse",
    "Mentoring",
    "Sprachmittlung",
    "Elternarbeit",
    "Sportverein",
    "Kulturverein",
    "Begegnung",
    "Willkommenskultur",
    "Stadtteil",
    "Quartier",
    "Bürgerbeteiligung",
    "Landesprogramm",
    "Haushalt",
    "Mittel",
    "Evaluation",
    "Konzept",
    "Arbeitsgruppe",
    "Einladung",
    "Rückmeldung",
    "Übersicht",
    "Kinderbetreuung",
    "Praktikum",
    "Betriebe",
    "Handwerkskammer",
    "Integrationsmanagement",
    "Fallzahlen",
    "Öffentlichkeitsarbeit",
    "Zusammenarbeit",
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
    fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
        list[self.next() % list.len()]
    }
    fn sentence(&mut self, words: usize) -> String {
        (0..words)
            .map(|_| self.pick(&WORDS))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted.get(i).map(|d| d.as_secs_f64() * 1000.0).unwrap_or(0.0)
}

async fn seed_contacts(store: &Store, rng: &mut Lcg) -> Result<()> {
    let mut csv = String::from("Vorname;Nachname;E-Mail;Organisation;Funktion;Ort\n");
    for i in 0..CONTACTS {
        let first = rng.pick(&FIRST);
        let last = rng.pick(&LAST);
        csv += &format!(
            "{first};{last}{i};p{i}@kreis{}.example;Landratsamt {};Integrationsbeauftragte;{}\n",
            i % 44,
            i % 44,
            rng.pick(&[
                "Stuttgart",
                "Tübingen",
                "Freiburg",
                "Ulm",
                "Mannheim",
                "Göppingen",
                "Böblingen"
            ])
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

/// 2,000 sessions, each with four TOPs with discussions, two decisions and two action items,
/// through the ordinary store calls (each rebuilds the session's search rows, as in the app).
async fn seed_sessions(store: &Store, rng: &mut Lcg) -> Result<()> {
    let now = Utc
        .with_ymd_and_hms(2026, 11, 24, 9, 0, 0)
        .single()
        .unwrap_or_default();
    let first_day = NaiveDate::from_ymd_opt(2015, 1, 6).unwrap_or_default();
    for i in 0..SESSIONS {
        let date = first_day + TimeDelta::days(i as i64 * 2);
        let s = usecase::sessions::create_session(
            store,
            SessionInput {
                title: format!("{}. Netzwerktreffen {}", i + 1, rng.pick(&WORDS)),
                date: date.format("%d.%m.%Y").to_string(),
                start_time: "14:00".into(),
                place: Some("Stuttgart".into()),
                ..Default::default()
            },
            now,
        )
        .await?;
        for t in 0..4 {
            let item = usecase::agenda::add_agenda_item(
                store,
                s.id,
                AgendaItemInput {
                    title: rng.sentence(3),
                    planned_minutes: Some(20),
                    ..Default::default()
                },
                now,
            )
            .await?;
            usecase::minutes::set_discussion(store, item.id, &rng.sentence(40), None, now).await?;
            if t < 2 {
                let input = DecisionInput {
                    agenda_item_id: Some(item.id),
                    text: rng.sentence(12),
                    ..Default::default()
                };
                usecase::minutes::add_decision(store, s.id, input, now).await?;
                let input = ActionItemInput {
                    agenda_item_id: Some(item.id),
                    what: rng.sentence(6),
                    ..Default::default()
                };
                usecase::minutes::add_action_item(store, s.id, input, now).await?;
            }
        }
    }
    Ok(())
}

/// The body of version `v` of a paper: about 300 words under three headings, with a list; each
/// version changes a few sentences and adds one, as revisions do.
fn paper_body(rng: &mut Lcg, v: usize) -> String {
    let mut body = String::new();
    for (h, heading) in ["Ausgangslage", "Ziele", "Maßnahmen"].iter().enumerate() {
        body += &format!("## {heading}\n\n");
        for _ in 0..3 {
            body += &rng.sentence(30);
            body += ".\n\n";
        }
        if h == 2 {
            for _ in 0..4 {
                body += &format!("- {}\n", rng.sentence(5));
            }
        }
    }
    for i in 1..v {
        body += &format!("\nErgänzung {i}: {}.\n", rng.sentence(20));
    }
    body
}

/// 10,000 papers, each saved in `VERSIONS` versions through the store's ordinary calls; the size
/// of the data file is printed after every round of versions (it must grow linearly: every
/// version is stored once, the search row holds only the current one).
async fn seed_papers(store: Store, dir: &std::path::Path, rng: &mut Lcg) -> Result<Store> {
    let now = Utc
        .with_ymd_and_hms(2026, 11, 24, 9, 0, 0)
        .single()
        .unwrap_or_default();
    let fields = store.list_handlungsfelder().await?;
    let mut ids = Vec::with_capacity(PAPERS);
    let mut store = store;
    for v in 1..=VERSIONS {
        let started = Instant::now();
        for i in 0..PAPERS {
            let title = format!("Konzept {} {}", rng.pick(&WORDS), i + 1);
            let summary = Some(rng.sentence(15));
            let body = paper_body(rng, v);
            if v == 1 {
                let view = netzwerkmappe_core::usecase::papers::create_paper(
                    &store,
                    PaperInput {
                        title,
                        summary,
                        handlungsfeld_id: fields.get(i % fields.len().max(1)).map(|f| f.id),
                        body: Some(body),
                        ..Default::default()
                    },
                    "Benchmark",
                    now,
                )
                .await?;
                ids.push(view.paper.id);
            } else {
                let input = VersionInput {
                    title,
                    summary,
                    body,
                    note: Some(format!("Fassung {v}")),
                    expected_version: None,
                };
                netzwerkmappe_core::usecase::papers::save_paper_version(
                    &store,
                    ids[i],
                    input,
                    "Benchmark",
                    now,
                )
                .await?;
            }
        }
        // Closing checkpoints the WAL into the file, so the figure is the data file itself.
        store.close().await;
        let bytes = std::fs::metadata(dir.join("netzwerkmappe.sqlite3"))
            .map(|m| m.len())
            .unwrap_or(0);
        println!(
            "{PAPERS} Konzeptpapiere mit {v} Version(en) je Papier ({:.1} s): Datendatei {:.1} MB",
            started.elapsed().as_secs_f64(),
            bytes as f64 / 1_048_576.0
        );
        store = Store::open(&dir.join("netzwerkmappe.sqlite3")).await?;
    }
    Ok(store)
}

/// Many different prefixes as people type them: every letter (also ä, ö, ü) alone, and 2, 3 and
/// 4 letters of names and words of the data (some typed with "ue" for "ü").
fn prefixes(rng: &mut Lcg) -> (Vec<String>, Vec<String>) {
    let one: Vec<String> = "abcdefghijklmnopqrstuvwxyzäöü"
        .chars()
        .map(String::from)
        .collect();
    let mut more = Vec::new();
    let sources: Vec<&str> = LAST
        .iter()
        .chain(FIRST.iter())
        .chain(WORDS.iter())
        .copied()
        .collect();
    for _ in 0..300 {
        let word = rng.pick(&sources).to_lowercase();
        let len = 2 + rng.next() % 3;
        let prefix: String = word.chars().take(len).collect();
        let prefix = if rng.next().is_multiple_of(4) {
            prefix.replace('ü', "ue").replace('ö', "oe").replace('ä', "ae")
        } else {
            prefix
        };
        more.push(prefix);
    }
    (one, more)
}

/// Nanoseconds this process's threads (the async task and sqlx's SQLite worker) have been on a CPU,
/// from Linux's per-thread scheduler statistics. On the shared build machine (load far above its
/// two cores) wall-clock times mostly measure waiting for a core; CPU time is what a keystroke
/// costs on a desk PC that is not busy otherwise. `None` where /proc has no such figures.
fn cpu_ns() -> Option<u64> {
    let mut total = 0u64;
    for task in std::fs::read_dir("/proc/self/task").ok()? {
        let stat = std::fs::read_to_string(task.ok()?.path().join("schedstat")).ok()?;
        total += stat.split_whitespace().next()?.parse::<u64>().ok()?;
    }
    Some(total)
}

async fn time_group(store: &Store, name: &str, typed: &[String], goal_ms: f64) -> Result<()> {
    // One pass to warm the page cache, as a person's first keystrokes would.
    for t in typed {
        store.search_all(t, LIMIT_PER_KIND).await?;
    }
    let mut wall = Vec::new();
    let mut cpu = Vec::new();
    for _ in 0..3 {
        for t in typed {
            let cpu_before = cpu_ns();
            let started = Instant::now();
            store.search_all(t, LIMIT_PER_KIND).await?;
            wall.push(started.elapsed());
            if let (Some(a), Some(b)) = (cpu_before, cpu_ns()) {
                cpu.push(Duration::from_nanos(b.saturating_sub(a)));
            }
        }
    }
    wall.sort_unstable();
    cpu.sort_unstable();
    let figures = |times: &[Duration]| {
        format!(
            "p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms",
            percentile(times, 0.5),
            percentile(times, 0.95),
            percentile(times, 1.0)
        )
    };
    let p95 = if cpu.is_empty() {
        percentile(&wall, 0.95)
    } else {
        percentile(&cpu, 0.95)
    };
    println!(
        "Suche über alles, {name} ({} Eingaben × 3): Rechenzeit {}; Uhrzeit {}   [Ziel p95 ≤ {goal_ms} ms{}]",
        typed.len(),
        if cpu.is_empty() {
            "nicht messbar".to_string()
        } else {
            figures(&cpu)
        },
        figures(&wall),
        if p95 <= goal_ms {
            ", erreicht"
        } else {
            ", VERFEHLT"
        }
    );
    Ok(())
}

fn file_size(dir: &std::path::Path) -> u64 {
    ["netzwerkmappe.sqlite3", "netzwerkmappe.sqlite3-wal"]
        .iter()
        .filter_map(|f| std::fs::metadata(dir.join(f)).ok())
        .map(|m| m.len())
        .sum()
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<()> {
    // BENCH_SEARCH_DIR keeps the generated file (and reuses it on the next run) for looking into
    // a query with the sqlite3 shell; by default a fresh temporary folder is used and removed.
    let kept = std::env::var_os("BENCH_SEARCH_DIR").map(std::path::PathBuf::from);
    let dir = kept.clone().unwrap_or_else(|| {
        std::env::temp_dir().join(format!("netzwerkmappe-bench-search-{}", std::process::id()))
    });
    if kept.is_none() {
        let _ = std::fs::remove_dir_all(&dir);
    }
    let store = Store::open(&dir.join("netzwerkmappe.sqlite3")).await?;
    let mut rng = Lcg(7);

    let mut store = store;
    if !store.holds_records().await? {
        let started = Instant::now();
        seed_contacts(&store, &mut rng).await?;
        println!(
            "{CONTACTS} Kontakte angelegt: {:.1} s",
            started.elapsed().as_secs_f64()
        );
        let started = Instant::now();
        seed_sessions(&store, &mut rng).await?;
        println!(
            "{SESSIONS} Sitzungen mit Tagesordnung, Protokoll, Beschlüssen und Aufgaben angelegt: {:.1} s",
            started.elapsed().as_secs_f64()
        );
    }
    if store.list_papers(&Default::default()).await?.is_empty() {
        store.close().await;
        let size = std::fs::metadata(dir.join("netzwerkmappe.sqlite3"))
            .map(|m| m.len())
            .unwrap_or(0);
        println!(
            "Datendatei vor den Konzeptpapieren: {:.1} MB",
            size as f64 / 1_048_576.0
        );
        store = Store::open(&dir.join("netzwerkmappe.sqlite3")).await?;
        store = seed_papers(store, &dir, &mut rng).await?;
    }
    println!("Datendatei: {:.1} MB", file_size(&dir) as f64 / 1_048_576.0);

    let (one, more) = prefixes(&mut rng);
    time_group(&store, "1 Buchstabe", &one, 10.0).await?;
    time_group(&store, "2–4 Buchstaben", &more, 5.0).await?;

    store.close().await;
    if kept.is_none() {
        let _ = std::fs::remove_dir_all(&dir);
    }
    Ok(())
}

//! Benchmark: a generated Sitzungsmappe of about 100 pages (the demo network's next session plus
//! nine long concept papers with headings, lists and tables), built and written to PDF bytes.
//! Prints the time of the first build (fonts parsed), the median of the following ones, the
//! number of pages, the size and what takes it (stream bytes as stored, by kind). Goal (issue 12): ≤ 100 ms and ≤ 200 kB in a release build.
//!
//!   cargo run --release -p netzwerkmappe-core --example bench_pdf [-- <datei.pdf>]
#![allow(clippy::unwrap_used)]

use std::time::Instant;

use chrono::{TimeZone, Utc};
use netzwerkmappe_core::document::{Block, Cell, Document, Inline, ListItem, Span};
use netzwerkmappe_core::pdf::documents::PaperText;
use netzwerkmappe_core::pdf::{DossierOptions, dossier_pdf};
use netzwerkmappe_core::{Store, berlin, demo};

const SENTENCES: [&str; 6] = [
    "Die Integrationsbeauftragten der Stadt- und Landkreise berichten über die Lage vor Ort und die Wirkung der Sprachförderung.",
    "Für Geflüchtete in der Anschlussunterbringung fehlen bezahlbare Wohnungen, besonders in den Ballungsräumen um Stuttgart und Karlsruhe.",
    "Das Netzwerk empfiehlt dem Ministerium, die Förderrichtlinie so zu fassen, dass auch kleine Gemeinden Anträge stellen können.",
    "Migrantenorganisationen sollen früh beteiligt werden; ihre Erfahrung mit Beratung und Begleitung ist unersetzlich.",
    "Die Arbeitsgruppe schlägt vor, die Zahlen jährlich zu erheben und im Netzwerk zu besprechen, bevor Maßnahmen beschlossen werden.",
    "Weitere Informationen stehen unter https://www.example.org/integration/handlungsfelder/sprache-und-bildung bereit.",
];

fn paragraph(seed: usize) -> Block {
    let text: Vec<&str> = (0..5).map(|i| SENTENCES[(seed + i) % SENTENCES.len()]).collect();
    Block::Paragraph {
        content: vec![
            Inline::Text(Span {
                text: "Kernaussage: ".into(),
                strong: true,
                ..Span::default()
            }),
            Inline::plain(text.join(" ")),
        ],
    }
}

fn paper_body(n: usize) -> Document {
    let mut blocks = Vec::new();
    for section in 0..6 {
        blocks.push(Block::Heading {
            level: 2,
            content: vec![Inline::plain(format!("Abschnitt {}.{section}", n + 1))],
        });
        for p in 0..4 {
            blocks.push(paragraph(n + section + p));
        }
        blocks.push(Block::List {
            ordered: section % 2 == 0,
            start: 1,
            items: (0..4)
                .map(|i| ListItem {
                    blocks: vec![Block::Paragraph {
                        content: vec![Inline::plain(SENTENCES[i].to_string())],
                    }],
                })
                .collect(),
        });
        if section % 3 == 0 {
            blocks.push(Block::Table {
                header: ["Kreis", "Plätze", "Bedarf", "Bemerkung"]
                    .iter()
                    .map(|h| Cell {
                        content: vec![Inline::plain(*h)],
                    })
                    .collect(),
                rows: (0..8)
                    .map(|r| {
                        vec![
                            Cell {
                                content: vec![Inline::plain(format!("Landkreis {r}"))],
                            },
                            Cell {
                                content: vec![Inline::plain(format!("{}", 120 + r * 7))],
                            },
                            Cell {
                                content: vec![Inline::plain(format!("{}", 150 + r * 9))],
                            },
                            Cell {
                                content: vec![Inline::plain("Wartelisten in allen Gemeinden")],
                            },
                        ]
                    })
                    .collect(),
            });
        }
    }
    Document { blocks }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let now = Utc.with_ymd_and_hms(2026, 11, 27, 8, 0, 0).unwrap();
    let store = Store::open_in_memory().await.unwrap();
    demo::fill(&store, now).await.unwrap();
    let next = store.find_session("naechste", berlin::today(now)).await.unwrap();
    let mut data = store.session_pdf_data(next.id, berlin::today(now)).await.unwrap();
    data.papers = (0..13)
        .map(|n| PaperText {
            title: format!("Konzeptpapier {}: Integration vor Ort", n + 1),
            details: "Version 3 · in Abstimmung · Handlungsfeld Sprache".into(),
            agenda_number: Some(format!("{}", n % 4 + 1)),
            body: paper_body(n),
            attachments: Vec::new(),
        })
        .collect();
    let options = DossierOptions::default();

    let started = Instant::now();
    let first = dossier_pdf(&data, &options, now).unwrap();
    let cold = started.elapsed();
    let mut times = Vec::new();
    for _ in 0..9 {
        let started = Instant::now();
        let file = dossier_pdf(&data, &options, now).unwrap();
        times.push(started.elapsed());
        assert_eq!(file.pages, first.pages);
    }
    times.sort();
    if let Some(path) = std::env::args().nth(1) {
        std::fs::write(path, &first.bytes).unwrap();
    }
    println!(
        "Sitzungsmappe: {} Seiten, {} kB; erstes Mal (mit Schriften) {:.1} ms, danach Median {:.1} ms",
        first.pages,
        first.bytes.len() / 1024,
        cold.as_secs_f64() * 1000.0,
        times[times.len() / 2].as_secs_f64() * 1000.0
    );
    breakdown(&first.bytes);
    with_attachments(data, now);
}

/// The same dossier with three attached PDFs of 10 pages each (other dossiers, written by this
/// program, so they are real PDFs with embedded fonts) on its first three papers: what appending
/// costs in time and size.
fn with_attachments(mut data: netzwerkmappe_core::pdf::SessionPdfData, now: chrono::DateTime<Utc>) {
    use netzwerkmappe_core::pdf::documents::PaperAttachment;
    let mut small = data.clone();
    small.papers.truncate(1);
    let attached = dossier_pdf(
        &small,
        &DossierOptions {
            parts: vec![
                netzwerkmappe_core::pdf::DossierPart::Papiere,
                netzwerkmappe_core::pdf::DossierPart::Teilnehmende,
            ],
            ..DossierOptions::default()
        },
        now,
    )
    .unwrap();
    for (n, paper) in data.papers.iter_mut().take(3).enumerate() {
        paper.attachments.push(PaperAttachment {
            id: n as i64,
            file_name: format!("Anlage {}.pdf", n + 1),
            media_type: "application/pdf".into(),
            content: Some(Ok(attached.bytes.clone())),
        });
    }
    let options = DossierOptions {
        attachments: true,
        ..DossierOptions::default()
    };
    let first = dossier_pdf(&data, &options, now).unwrap();
    assert!(first.notes.is_empty(), "{:?}", first.notes);
    let mut times = Vec::new();
    for _ in 0..9 {
        let started = Instant::now();
        dossier_pdf(&data, &options, now).unwrap();
        times.push(started.elapsed());
    }
    times.sort();
    println!(
        "Mit 3 angehängten PDFs zu je {} Seiten ({} kB): {} Seiten, {} kB; Median {:.1} ms",
        attached.pages,
        attached.bytes.len() / 1024,
        first.pages,
        first.bytes.len() / 1024,
        times[times.len() / 2].as_secs_f64() * 1000.0
    );
}

/// Prints the stored (compressed) bytes of the file's streams by kind; the rest is the object
/// streams (page dictionaries, link annotations, outline) and the file's skeleton.
fn breakdown(bytes: &[u8]) {
    let doc = lopdf::Document::load_mem(bytes).unwrap();
    let mut content_ids = std::collections::HashSet::new();
    for page in doc.get_pages().values() {
        content_ids.extend(doc.get_page_contents(*page));
    }
    let mut sizes: std::collections::BTreeMap<&str, (usize, usize)> = Default::default();
    for (id, object) in &doc.objects {
        let lopdf::Object::Stream(stream) = object else {
            continue;
        };
        let has = |key: &[u8]| stream.dict.has(key);
        let type_is = |name: &[u8]| stream.dict.get(b"Type").and_then(|t| t.as_name()).ok() == Some(name);
        let kind = if content_ids.contains(id) {
            "Seiteninhalte"
        } else if has(b"Length1") {
            "Schriften (Teilmengen)"
        } else if type_is(b"Metadata") {
            "XMP"
        } else if type_is(b"ObjStm") {
            // lopdf unpacks object streams on loading; they are counted in the rest.
            continue;
        } else if has(b"N") {
            "ICC-Profil"
        } else if type_is(b"XRef") {
            "Querverweis"
        } else {
            "sonstige Ströme (ToUnicode, Breiten)"
        };
        let entry = sizes.entry(kind).or_default();
        entry.0 += stream.content.len();
        entry.1 += 1;
    }
    let streams: usize = sizes.values().map(|(b, _)| b).sum();
    for (kind, (size, count)) in &sizes {
        println!("  {kind}: {:.1} kB in {count}", *size as f64 / 1024.0);
    }
    println!(
        "  Rest (Objektströme mit Seiten, Links, Gliederung; Rahmen): {:.1} kB",
        bytes.len().saturating_sub(streams) as f64 / 1024.0
    );
}

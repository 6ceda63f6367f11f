//! Benchmark: a generated Sitzungsmappe of about 100 pages (the demo network's next session plus
//! nine long concept papers with headings, lists and tables), built and written to PDF bytes.
//! Prints the time of the first build (fonts parsed), the median of the following ones, the
//! number of pages, the size and what takes it (stream bytes as stored, by kind). Goal (issue 12): ≤ 100 ms and ≤ 200 kB in a release build.
//!
//!   cargo run --release -p netzwerkmappe-core --example bench_pdf [-- <datei.pdf> [<datei.html> [<ordner>]]]
//!
//! With a second file name the same dossier's blocks are also written as plain HTML (headings,
//! paragraphs, lists, tables, page breaks), which `scripts/bench.sh` converts with LibreOffice
//! headless, where it is installed, for the comparison issue 12 asks for. With a third, a data
//! folder is filled with the demo network and the same 13 papers (as Markdown, linked to the next
//! session), so `netzwerkmappe --daten <ordner> mappe naechste` can be timed as a whole process.
#![allow(clippy::unwrap_used)]

use std::time::Instant;

use chrono::{TimeZone, Utc};
use netzwerkmappe_core::document::{Block, Cell, Document, Inline, ListItem, Span};
use netzwerkmappe_core::pdf::documents::PaperText;
use netzwerkmappe_core::pdf::{DossierOptions, dossier_pdf};
use netzwerkmappe_core::usecase::{self, demo};
use netzwerkmappe_core::{berlin, store::Store};

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
    let next = usecase::sessions::find_session(&store, "naechste", berlin::today(now))
        .await
        .unwrap();
    let mut data = usecase::pdf::session_pdf_data(&store, next.id, berlin::today(now))
        .await
        .unwrap();
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
    if let Some(path) = std::env::args().nth(2) {
        let blocks = netzwerkmappe_core::pdf::documents::dossier_blocks(&data, &options);
        std::fs::write(path, blocks_html(&blocks)).unwrap();
    }
    if let Some(folder) = std::env::args().nth(3) {
        fill_folder(std::path::Path::new(&folder), now).await;
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

/// The dossier's blocks as plain HTML for LibreOffice: the same text, headings, lists and tables
/// on A4, so both programs set the same content.
fn blocks_html(blocks: &[netzwerkmappe_core::pdf::layout::Block]) -> String {
    use netzwerkmappe_core::pdf::layout::{Block as B, Run};
    fn esc(text: &str) -> String {
        text.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    }
    fn runs(runs: &[Run]) -> String {
        runs.iter()
            .map(|r| match (r.bold, r.italic) {
                (true, _) => format!("<b>{}</b>", esc(&r.text)),
                (_, true) => format!("<i>{}</i>", esc(&r.text)),
                _ => esc(&r.text),
            })
            .collect()
    }
    let mut html = String::from(
        "<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\"><style>\
         @page { size: A4; margin: 25mm 20mm 25mm 25mm } body { font-family: 'Fira Sans', sans-serif; font-size: 10.5pt }\
         table { border-collapse: collapse; width: 100% } td, th { border: 0.5pt solid #999; padding: 3pt }\
         </style></head><body>\n",
    );
    for block in blocks {
        match block {
            B::Heading { level, text, .. } => {
                let l = (*level).clamp(1, 3);
                html.push_str(&format!("<h{l}>{}</h{l}>\n", esc(text)));
            }
            B::Paragraph { runs: r, .. } => html.push_str(&format!("<p>{}</p>\n", runs(r))),
            B::ListItem { marker, runs: r, .. } => html.push_str(&format!(
                "<p style=\"margin-left:16pt\">{} {}</p>\n",
                esc(marker),
                runs(r)
            )),
            B::TocEntry { text, .. } => html.push_str(&format!("<p>{}</p>\n", esc(text))),
            B::Preformatted { text } => html.push_str(&format!("<pre>{}</pre>\n", esc(text))),
            B::Table { columns, rows, .. } => {
                html.push_str("<table><thead><tr>");
                for c in columns {
                    html.push_str(&format!("<th>{}</th>", esc(&c.header)));
                }
                html.push_str("</tr></thead><tbody>\n");
                for row in rows {
                    html.push_str("<tr>");
                    let span = if row.len() == 1 { columns.len() } else { 1 };
                    for cell in row {
                        html.push_str(&format!("<td colspan=\"{span}\">{}</td>", runs(cell)));
                    }
                    html.push_str("</tr>\n");
                }
                html.push_str("</tbody></table>\n");
            }
            B::Rule => html.push_str("<hr>\n"),
            B::PageBreak => html.push_str("<p style=\"page-break-after: always\"></p>\n"),
            _ => {}
        }
    }
    html.push_str("</body></html>\n");
    html
}

/// A data folder with the demo network and the 13 papers, linked to the next session.
async fn fill_folder(folder: &std::path::Path, now: chrono::DateTime<Utc>) {
    use netzwerkmappe_core::paper::{LinkTarget, PaperInput};
    std::fs::create_dir_all(folder).unwrap();
    let store = Store::open(&folder.join("netzwerkmappe.sqlite3")).await.unwrap();
    demo::fill(&store, now).await.unwrap();
    let next = usecase::sessions::find_session(&store, "naechste", berlin::today(now))
        .await
        .unwrap();
    for n in 0..13 {
        let input = PaperInput {
            title: format!("Konzeptpapier {}: Integration vor Ort", n + 1),
            summary: None,
            handlungsfeld_id: None,
            lead_organisation_id: None,
            author_ids: Vec::new(),
            former_authors: None,
            body: Some(markdown(&paper_body(n))),
            expected_version: None,
        };
        let paper = netzwerkmappe_core::usecase::papers::create_paper(&store, input, "Bench", now)
            .await
            .unwrap()
            .paper
            .id;
        let target = LinkTarget {
            session_id: Some(next.id),
            agenda_item_id: None,
        };
        netzwerkmappe_core::usecase::papers::link_paper(&store, paper, target, now)
            .await
            .unwrap();
    }
}

/// The generated paper as the Markdown a person would have typed (what the store keeps).
fn markdown(doc: &Document) -> String {
    fn inline(content: &[Inline]) -> String {
        content
            .iter()
            .map(|i| match i {
                Inline::Text(span) if span.strong => format!("**{}**", span.text.trim_end()) + " ",
                Inline::Text(span) => span.text.clone(),
                Inline::LineBreak => "\n".into(),
            })
            .collect()
    }
    let mut out = String::new();
    for block in &doc.blocks {
        match block {
            Block::Heading { level, content } => out.push_str(&format!(
                "{} {}\n\n",
                "#".repeat(usize::from(*level)),
                inline(content)
            )),
            Block::Paragraph { content } => out.push_str(&format!("{}\n\n", inline(content))),
            Block::List { ordered, items, .. } => {
                for (i, item) in items.iter().enumerate() {
                    let marker = if *ordered {
                        format!("{}.", i + 1)
                    } else {
                        "-".into()
                    };
                    for b in &item.blocks {
                        if let Block::Paragraph { content } = b {
                            out.push_str(&format!("{marker} {}\n", inline(content)));
                        }
                    }
                }
                out.push('\n');
            }
            Block::Table { header, rows } => {
                let row = |cells: &[Cell]| {
                    let texts: Vec<String> = cells.iter().map(|c| inline(&c.content)).collect();
                    format!("| {} |\n", texts.join(" | "))
                };
                out.push_str(&row(header));
                out.push_str(&format!("|{}\n", "---|".repeat(header.len())));
                for r in rows {
                    out.push_str(&row(r));
                }
                out.push('\n');
            }
            _ => {}
        }
    }
    out
}

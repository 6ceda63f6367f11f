//! The Sitzungsmappe: cover, contents, agenda, participants, the previous minutes, open action
//! items and the concept papers on the agenda with their attached PDFs, as the user ticked them.

use super::*;

/// The dossier's blocks (attached PDFs, if asked for, stand in as `Block::Foreign`).
pub fn dossier_blocks(data: &SessionPdfData, options: &DossierOptions) -> Vec<Block> {
    dossier_parts(data, options).blocks
}

/// The dossier's blocks with the attached PDFs they place and the notes on those left out.
pub(super) struct DossierParts {
    blocks: Vec<Block>,
    foreign: Vec<ForeignPdf>,
    notes: Vec<String>,
}

/// The attachments of one paper as the dossier shows them: each PDF that opens becomes its
/// pages (after a heading, in the outline below the paper); one that does not is named with the
/// reason; other files are listed by name, since a dossier cannot print a Word file.
pub(super) struct PaperAnnex {
    /// The paper's place in the dossier (for anchors).
    index: usize,
    /// (file name, opened PDF or why not)
    pdfs: Vec<(String, std::result::Result<ForeignPdf, String>)>,
    others: Vec<String>,
}

pub(super) fn paper_annex(index: usize, paper: &PaperText, append: bool) -> PaperAnnex {
    let mut annex = PaperAnnex {
        index,
        pdfs: Vec::new(),
        others: Vec::new(),
    };
    for attachment in &paper.attachments {
        if !append || !attachment.is_pdf() {
            annex.others.push(attachment.file_name.clone());
            continue;
        }
        let opened = match &attachment.content {
            Some(Ok(bytes)) => ForeignPdf::open(bytes),
            Some(Err(reason)) => Err(reason.clone()),
            None => Err("Sie wurde nicht geladen.".to_string()),
        };
        annex.pdfs.push((attachment.file_name.clone(), opened));
    }
    annex
}

pub(super) fn dossier_parts(data: &SessionPdfData, options: &DossierOptions) -> DossierParts {
    let session = &data.session;
    let mut foreign: Vec<ForeignPdf> = Vec::new();
    let mut notes: Vec<String> = Vec::new();
    let mut annexes: Vec<PaperAnnex> = data
        .papers
        .iter()
        .enumerate()
        .map(|(i, paper)| paper_annex(i, paper, options.attachments))
        .collect();
    let has = |part: DossierPart| options.parts.contains(&part);
    let mut blocks = Vec::new();
    if has(DossierPart::Deckblatt) {
        if let Some(logo) = &options.logo_png
            && let Some((w, h)) = png_size(logo)
        {
            let width = 140.0_f32.min(w as f32);
            let height = width * h as f32 / w.max(1) as f32;
            blocks.push(Block::Image {
                png: logo.clone(),
                width,
                height: height.min(120.0),
            });
        }
        blocks.push(Block::Skip(150.0));
        blocks.push(Block::Paragraph {
            runs: vec![Run::plain(NETWORK)],
            style: ParagraphStyle {
                size: 14.0,
                ink: crate::pdf::layout::Ink::Accent,
                space_after: 16.0,
                ..ParagraphStyle::body()
            },
        });
        blocks.push(Block::Paragraph {
            runs: vec![Run::bold(session.title.clone())],
            style: ParagraphStyle {
                size: 26.0,
                leading: 1.2,
                space_after: 20.0,
                ..ParagraphStyle::body()
            },
        });
        blocks.push(Block::Paragraph {
            runs: vec![Run::plain(session.when_de())],
            style: ParagraphStyle {
                size: 14.0,
                space_after: 6.0,
                ..ParagraphStyle::body()
            },
        });
        if let Some(place) = where_of(session) {
            blocks.push(Block::Paragraph {
                runs: vec![Run::plain(place)],
                style: ParagraphStyle {
                    size: 14.0,
                    space_after: 6.0,
                    ..ParagraphStyle::body()
                },
            });
        }
        blocks.push(Block::Space(40.0));
        blocks.push(Block::Paragraph {
            runs: vec![Run::bold("Sitzungsmappe")],
            style: ParagraphStyle {
                size: 16.0,
                ink: crate::pdf::layout::Ink::Accent,
                ..ParagraphStyle::body()
            },
        });
        blocks.push(Block::PageBreak);
    }
    // The sections that will be there, for the table of contents.
    let mut sections: Vec<(String, String)> = Vec::new();
    if has(DossierPart::Tagesordnung) {
        sections.push(("Tagesordnung".into(), "tagesordnung".into()));
    }
    if has(DossierPart::Teilnehmende) {
        sections.push(("Teilnehmende".into(), "teilnehmende".into()));
    }
    if has(DossierPart::Vorprotokoll)
        && let Some(previous) = &data.previous
    {
        sections.push((previous_title(previous), "vorprotokoll-protokoll".into()));
    }
    if has(DossierPart::Aufgaben) {
        sections.push(("Offene Aufgaben".into(), "aufgaben".into()));
    }
    let papers = has(DossierPart::Papiere) && !data.papers.is_empty();
    if papers {
        sections.push(("Konzeptpapiere".into(), "papiere".into()));
    }
    if has(DossierPart::Inhalt) && !sections.is_empty() {
        blocks.push(heading(1, "Inhalt", None, None));
        for (title, anchor) in &sections {
            blocks.push(Block::TocEntry {
                text: title.clone(),
                anchor: anchor.clone(),
                level: 0,
            });
            if anchor == "papiere" {
                for (i, paper) in data.papers.iter().enumerate() {
                    blocks.push(Block::TocEntry {
                        text: paper.title.clone(),
                        anchor: format!("papier-{i}"),
                        level: 1,
                    });
                    for (j, (name, opened)) in annexes[i].pdfs.iter().enumerate() {
                        if opened.is_ok() {
                            blocks.push(Block::TocEntry {
                                text: format!("Anlage: {name}"),
                                anchor: format!("papier-{i}-anlage-{j}"),
                                level: 2,
                            });
                        }
                    }
                }
            }
        }
        blocks.push(Block::PageBreak);
    }
    if has(DossierPart::Tagesordnung) {
        blocks.push(heading(1, "Tagesordnung", Some("tagesordnung"), Some(0)));
        if data.agenda.is_empty() {
            blocks.push(para(vec![Run::italic("Die Tagesordnung ist noch leer.")]));
        }
        for item in &data.agenda {
            let sub = item.parent_id.is_some();
            blocks.push(heading(
                if sub { 3 } else { 2 },
                format!("TOP {} {}", item.number, item.title),
                Some(&format!("agenda-top-{}", item.id)),
                Some(if sub { 2 } else { 1 }),
            ));
            let mut facts = vec![Run::plain(format!("{} Uhr", item.clock_time))];
            if let Some(minutes) = item.planned_minutes {
                facts.push(Run::plain(format!(" · {minutes} Min.")));
            }
            if !item.responsible.is_empty() {
                let names: Vec<&str> = item.responsible.iter().map(|r| r.name.as_str()).collect();
                facts.push(Run::plain(format!(" · {}", names.join(", "))));
            }
            blocks.push(Block::Paragraph {
                runs: facts,
                style: ParagraphStyle {
                    ink: crate::pdf::layout::Ink::Gray(0.3),
                    size: 9.5,
                    space_after: 3.0,
                    ..ParagraphStyle::body()
                },
            });
            if let Some(description) = item.description.as_deref() {
                blocks.extend(text_blocks(description));
            }
        }
    }
    if has(DossierPart::Teilnehmende) {
        blocks.push(Block::PageBreak);
        blocks.push(heading(1, "Teilnehmende", Some("teilnehmende"), Some(0)));
        blocks.extend(participant_groups(&data.participants, options.group_by));
    }
    if has(DossierPart::Vorprotokoll)
        && let Some(previous) = &data.previous
    {
        blocks.push(Block::PageBreak);
        let title = previous_title(previous);
        blocks.extend(minutes_blocks(
            &previous.session,
            &previous.agenda,
            &previous.minutes,
            None,
            &title,
            "vorprotokoll-",
        ));
    }
    if has(DossierPart::Aufgaben) {
        blocks.push(Block::PageBreak);
        blocks.push(heading(1, "Offene Aufgaben", Some("aufgaben"), Some(0)));
        if data.open_action_items.is_empty() {
            blocks.push(para(vec![Run::italic("Es gibt keine offenen Aufgaben.")]));
        } else {
            let rows = data
                .open_action_items
                .iter()
                .map(|a| {
                    let mut due = cell(a.due_date.as_deref().map(date_de).unwrap_or_default());
                    if a.overdue {
                        due.push(Run::bold("\nüberfällig"));
                    }
                    vec![
                        cell(a.what.clone()),
                        cell(a.owner_name.clone().unwrap_or_default()),
                        due,
                        cell(format!("{} ({})", a.session_title, date_de(&a.session_date))),
                    ]
                })
                .collect();
            blocks.push(Block::Table {
                columns: vec![
                    Column {
                        header: "Aufgabe".into(),
                        share: 4.0,
                    },
                    Column {
                        header: "Verantwortlich".into(),
                        share: 2.2,
                    },
                    Column {
                        header: "Fällig".into(),
                        share: 1.3,
                    },
                    Column {
                        header: "Aus der Sitzung".into(),
                        share: 2.5,
                    },
                ],
                rows,
                size: 9.5,
                min_row_height: 0.0,
            });
        }
    }
    if papers {
        blocks.push(Block::PageBreak);
        blocks.push(heading(1, "Konzeptpapiere", Some("papiere"), Some(0)));
        for (i, paper) in data.papers.iter().enumerate() {
            if i > 0 {
                blocks.push(Block::PageBreak);
            }
            let title = match &paper.agenda_number {
                Some(top) => format!("{} (TOP {top})", paper.title),
                None => paper.title.clone(),
            };
            blocks.push(heading(2, title, Some(&format!("papier-{i}")), Some(1)));
            blocks.push(Block::Paragraph {
                runs: vec![Run::italic(paper.details.clone())],
                style: ParagraphStyle {
                    ink: crate::pdf::layout::Ink::Gray(0.3),
                    size: 9.5,
                    ..ParagraphStyle::body()
                },
            });
            blocks.extend(document_blocks(&paper.body));
            let annex = &annexes[i];
            if !annex.others.is_empty() {
                let label = if options.attachments {
                    "Weitere Anlagen (nicht in dieser Mappe)"
                } else {
                    "Anlagen (nicht in dieser Mappe)"
                };
                blocks.push(annex_line(format!("{label}: "), annex.others.join(", ")));
            }
            append_annex(&mut blocks, &mut annexes[i], paper, &mut foreign, &mut notes);
        }
    }
    DossierParts {
        blocks,
        foreign,
        notes,
    }
}

/// A small line below a paper about its attachments: a bold lead-in, then the text.
pub(super) fn annex_line(lead: String, text: impl Into<String>) -> Block {
    Block::Paragraph {
        runs: vec![Run::bold(lead), Run::plain(text)],
        style: ParagraphStyle {
            space_before: 6.0,
            ..ParagraphStyle::small()
        },
    }
}

/// Appends paper `i`'s attached PDFs (heading, then their pages) or, for one that cannot be
/// placed, a line that says why; the same reason goes to `notes` for the message after saving.
pub(super) fn append_annex(
    blocks: &mut Vec<Block>,
    annex: &mut PaperAnnex,
    paper: &PaperText,
    foreign: &mut Vec<ForeignPdf>,
    notes: &mut Vec<String>,
) {
    let i = annex.index;
    let pdfs = std::mem::take(&mut annex.pdfs);
    // What is left out is said first, beside the paper's text, not alone after pages of annex.
    for (name, opened) in &pdfs {
        if let Ok(pdf) = opened
            && pdf.form_values_may_be_missing()
        {
            const ADVICE: &str = "Eingetragene Formularwerte werden möglicherweise nicht gedruckt. Öffnen Sie die \
                                  Datei in einem PDF-Programm und speichern Sie sie neu, dann sind sie dabei.";
            blocks.push(annex_line(format!("Hinweis zu „{name}“: "), ADVICE));
            notes.push(format!("„{name}“ ({}): {ADVICE}", paper.title));
        }
        if let Err(reason) = opened {
            blocks.push(annex_line(
                format!("Anlage „{name}“ ist nicht angefügt: "),
                reason.clone(),
            ));
            notes.push(format!("„{name}“ ({}) ist nicht angefügt: {reason}", paper.title));
        }
    }
    for (j, (name, opened)) in pdfs.into_iter().enumerate() {
        let Ok(pdf) = opened else { continue };
        // Each attachment starts on a page of its own, below its heading: a page fitted into
        // what is left below the paper's text would print too small to read.
        blocks.push(Block::PageBreak);
        blocks.push(heading(
            3,
            format!("Anlage: {name}"),
            Some(&format!("papier-{i}-anlage-{j}")),
            Some(2),
        ));
        blocks.push(Block::Foreign {
            source: foreign.len(),
            pages: pdf.page_count(),
            caption: format!("Anlage „{name}“ zu „{}“", paper.title),
        });
        foreign.push(pdf);
    }
}

/// The Sitzungsmappe as PDF bytes.
pub fn dossier_pdf(data: &SessionPdfData, options: &DossierOptions, now: DateTime<Utc>) -> Result<PdfFile> {
    if options.parts.is_empty() {
        return Err(Error::validation(
            "Inhalt",
            "Bitte wählen Sie mindestens einen Teil der Sitzungsmappe aus.",
        ));
    }
    if let Some(logo) = &options.logo_png
        && png_size(logo).is_none()
    {
        return Err(Error::validation("Logo", "Das Logo muss ein PNG-Bild sein."));
    }
    let meta = meta(PdfKind::Mappe, &data.session, now);
    let parts = dossier_parts(data, options);
    write_pdf_with(
        parts.blocks,
        &Frame::a4(),
        &meta,
        &Running {
            cover: options.parts.contains(&DossierPart::Deckblatt),
            ..running(PdfKind::Mappe, &data.session, None)
        },
        &parts.foreign,
        parts.notes,
    )
}

//! The three PDFs of a session, as blocks for the layout: the Anwesenheitsliste (to sign), the
//! Protokoll (the minutes) and the Sitzungsmappe (the handout, with the parts the user ticked).
//! Plain functions from the session's data (loaded by `Store::session_pdf_data`) to PDF bytes; the
//! German words of the documents live here.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::fonts::Fonts;
use super::foreign::ForeignPdf;
use super::layout::{Block, Column, Frame, Laid, ParagraphStyle, Run, layout};
use super::writer::{Meta, Running, write_with_foreign};
use crate::agenda::AgendaItem;
use crate::berlin;
use crate::document::{self, Document, Inline};
use crate::minutes::{ActionItemRow, MinutesStatus, MinutesView};
use crate::participant::ParticipantStatus;
use crate::search::sort_key;
use crate::session::Session;
use crate::{Error, Result};

/// The network whose documents these are (cover, footer, author).
pub const NETWORK: &str = "Netzwerk Integration Baden-Württemberg";

/// A participant as the PDFs show them: as on the day, with the Kreis of their organisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PdfParticipant {
    pub name: String,
    pub function: Option<String>,
    pub organisation: Option<String>,
    pub district: Option<String>,
    pub status: ParticipantStatus,
}

/// The minutes of an earlier session, for the dossier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PreviousMinutes {
    pub session: Session,
    pub agenda: Vec<AgendaItem>,
    pub minutes: MinutesView,
}

/// A concept paper on the agenda: its current version's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PaperText {
    pub title: String,
    /// "Version 3, in Abstimmung, Handlungsfeld Sprache" — what the paper's header line says.
    pub details: String,
    /// The TOP it is on ("3"), if any.
    pub agenda_number: Option<String>,
    pub body: Document,
    /// Its attachments (of the paper and of its current version), in the order they were added.
    #[serde(default)]
    pub attachments: Vec<PaperAttachment>,
}

/// An attachment of a paper on the agenda. Its bytes are loaded only when the dossier appends
/// the attached PDFs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PaperAttachment {
    pub id: i64,
    pub file_name: String,
    pub media_type: String,
    /// The checked bytes, or why they could not be read (a checksum mismatch); `None` if not loaded.
    #[serde(skip)]
    pub content: Option<std::result::Result<Vec<u8>, String>>,
}

impl PaperAttachment {
    /// A PDF by its type or its name (older uploads may carry a generic type).
    pub fn is_pdf(&self) -> bool {
        self.media_type == "application/pdf" || self.file_name.to_lowercase().ends_with(".pdf")
    }
}

/// Everything the three documents need of a session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SessionPdfData {
    pub session: Session,
    pub agenda: Vec<AgendaItem>,
    pub participants: Vec<PdfParticipant>,
    pub minutes: MinutesView,
    pub previous: Option<PreviousMinutes>,
    pub open_action_items: Vec<ActionItemRow>,
    pub papers: Vec<PaperText>,
}

/// Which of the three documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PdfKind {
    Mappe,
    Anwesenheitsliste,
    Protokoll,
}

impl PdfKind {
    pub fn label(self) -> &'static str {
        match self {
            PdfKind::Mappe => "Sitzungsmappe",
            PdfKind::Anwesenheitsliste => "Anwesenheitsliste",
            PdfKind::Protokoll => "Protokoll",
        }
    }

    /// "Sitzungsmappe_2026-11-24.pdf": the name "Speichern unter" suggests.
    pub fn file_name(self, session: &Session) -> String {
        format!("{}_{}.pdf", self.label(), session.date)
    }
}

/// How the participants of the dossier are grouped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GroupBy {
    #[default]
    Organisation,
    Kreis,
}

/// The parts of a Sitzungsmappe, in their order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DossierPart {
    Deckblatt,
    Inhalt,
    Tagesordnung,
    Teilnehmende,
    Vorprotokoll,
    Aufgaben,
    Papiere,
}

impl DossierPart {
    pub const ALL: [DossierPart; 7] = [
        DossierPart::Deckblatt,
        DossierPart::Inhalt,
        DossierPart::Tagesordnung,
        DossierPart::Teilnehmende,
        DossierPart::Vorprotokoll,
        DossierPart::Aufgaben,
        DossierPart::Papiere,
    ];
}

/// What goes into a Sitzungsmappe.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DossierOptions {
    pub parts: Vec<DossierPart>,
    #[serde(default)]
    pub group_by: GroupBy,
    /// The office's logo for the cover (PNG bytes), if any.
    #[serde(default, skip)]
    pub logo_png: Option<Vec<u8>>,
    /// Append the papers' attached PDFs after each paper (page by page, inside the dossier's frame).
    #[serde(default)]
    pub attachments: bool,
}

impl Default for DossierOptions {
    fn default() -> Self {
        DossierOptions {
            parts: DossierPart::ALL.to_vec(),
            group_by: GroupBy::Organisation,
            logo_png: None,
            attachments: false,
        }
    }
}

/// How the attendance list is printed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttendanceOptions {
    #[serde(default)]
    pub landscape: bool,
    /// Empty rows at the end for people who come unannounced.
    #[serde(default = "default_empty_rows")]
    pub empty_rows: usize,
}

fn default_empty_rows() -> usize {
    8
}

impl Default for AttendanceOptions {
    fn default() -> Self {
        AttendanceOptions {
            landscape: false,
            empty_rows: default_empty_rows(),
        }
    }
}

/// Lists of people sort by family name, as printed lists do: the participant keeps only the name
/// as shown ("Dr. Maria Müller"), so its last word is taken as the family name, then the whole.
fn name_key(name: &str) -> String {
    let last = name.split_whitespace().last().unwrap_or(name);
    sort_key(&[last, name])
}

fn session_line(session: &Session) -> String {
    format!("{} · {}", session.title, session.when_de())
}

fn where_of(session: &Session) -> Option<String> {
    match (&session.place, &session.video_link) {
        (Some(place), Some(link)) => Some(format!("{place} und online: {link}")),
        (Some(place), None) => Some(place.clone()),
        (None, Some(link)) => Some(format!("Online: {link}")),
        (None, None) => None,
    }
}

fn date_de(stored: &str) -> String {
    berlin::stored_date(stored)
        .map(berlin::format_date)
        .unwrap_or_else(|_| stored.to_string())
}

fn heading(level: u8, text: impl Into<String>, anchor: Option<&str>, outline: Option<u8>) -> Block {
    Block::Heading {
        level,
        text: text.into(),
        anchor: anchor.map(str::to_string),
        outline,
    }
}

fn para(runs: Vec<Run>) -> Block {
    Block::Paragraph {
        runs,
        style: ParagraphStyle::body(),
    }
}

fn label_value(label: &str, value: impl Into<String>) -> Block {
    Block::Paragraph {
        runs: vec![Run::bold(format!("{label}: ")), Run::plain(value.into())],
        style: ParagraphStyle {
            space_after: 2.0,
            ..ParagraphStyle::body()
        },
    }
}

/// Plain text with blank lines between paragraphs and single line breaks kept.
fn text_blocks(text: &str) -> Vec<Block> {
    text.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| para(vec![Run::plain(p.to_string())]))
        .collect()
}

fn cell(text: impl Into<String>) -> Vec<Run> {
    vec![Run::plain(text.into())]
}

/// A written PDF, its number of pages and what the user should know of it (attachments that
/// could not be appended), for the message after saving.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PdfFile {
    pub bytes: Vec<u8>,
    pub pages: usize,
    pub notes: Vec<String>,
}

fn write_pdf(blocks: Vec<Block>, frame: &Frame, meta: &Meta, running: &Running) -> Result<PdfFile> {
    write_pdf_with(blocks, frame, meta, running, &[], Vec::new())
}

fn write_pdf_with(
    blocks: Vec<Block>,
    frame: &Frame,
    meta: &Meta,
    running: &Running,
    foreign: &[ForeignPdf],
    notes: Vec<String>,
) -> Result<PdfFile> {
    let fonts = Fonts::get()?;
    let blocks = clean_blocks(blocks, fonts);
    let laid: Laid = layout(&blocks, frame, fonts);
    let bytes = write_with_foreign(&laid, frame, meta, Some(running), fonts, foreign)?;
    Ok(PdfFile {
        bytes,
        pages: laid.pages.len(),
        notes,
    })
}

/// What the window or the command line asks for: which document, with its options.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PdfRequest {
    pub kind: PdfKind,
    #[serde(default)]
    pub dossier: DossierOptions,
    #[serde(default)]
    pub attendance: AttendanceOptions,
}

impl PdfRequest {
    /// Builds the requested document from the session's data.
    pub fn build(&self, data: &SessionPdfData, now: DateTime<Utc>) -> Result<PdfFile> {
        match self.kind {
            PdfKind::Mappe => dossier_pdf(data, &self.dossier, now),
            PdfKind::Anwesenheitsliste => attendance_pdf(data, &self.attendance, now),
            PdfKind::Protokoll => minutes_pdf(data, now),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Anwesenheitsliste

/// Who is expected: everyone but those who declined.
fn expected(participant: &PdfParticipant) -> bool {
    !matches!(participant.status, ParticipantStatus::Abgesagt)
}

/// The attendance list's blocks.
pub fn attendance_blocks(data: &SessionPdfData, options: &AttendanceOptions) -> Vec<Block> {
    let session = &data.session;
    let mut blocks = vec![heading(
        1,
        "Anwesenheitsliste",
        Some("anwesenheitsliste"),
        Some(0),
    )];
    blocks.push(label_value("Sitzung", session.title.clone()));
    blocks.push(label_value("Datum", session.when_de()));
    if let Some(place) = where_of(session) {
        blocks.push(label_value("Ort", place));
    }
    blocks.push(Block::Space(8.0));
    let mut people: Vec<&PdfParticipant> = data.participants.iter().filter(|p| expected(p)).collect();
    people.sort_by_cached_key(|p| name_key(&p.name));
    let columns = vec![
        Column {
            header: "Nr.".into(),
            share: 0.65,
        },
        Column {
            header: "Name".into(),
            share: 3.0,
        },
        Column {
            header: "Organisation".into(),
            share: 3.0,
        },
        Column {
            header: "Kreis".into(),
            share: 1.9,
        },
        Column {
            header: "Unterschrift".into(),
            share: 3.0,
        },
    ];
    let mut rows: Vec<Vec<Vec<Run>>> = people
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let mut name = vec![Run::plain(p.name.clone())];
            if let Some(function) = &p.function {
                name.push(Run::italic(format!("\n{function}")));
            }
            vec![
                cell((i + 1).to_string()),
                name,
                cell(p.organisation.clone().unwrap_or_default()),
                cell(p.district.clone().unwrap_or_default()),
                vec![],
            ]
        })
        .collect();
    for n in 0..options.empty_rows {
        rows.push(vec![
            cell((people.len() + n + 1).to_string()),
            vec![],
            vec![],
            vec![],
            vec![],
        ]);
    }
    blocks.push(Block::Table {
        columns,
        rows,
        size: 9.5,
        min_row_height: 30.0,
    });
    blocks
}

/// The Anwesenheitsliste as PDF bytes.
pub fn attendance_pdf(
    data: &SessionPdfData,
    options: &AttendanceOptions,
    now: DateTime<Utc>,
) -> Result<PdfFile> {
    let frame = if options.landscape {
        Frame::a4_landscape()
    } else {
        Frame::a4()
    };
    let meta = meta(PdfKind::Anwesenheitsliste, &data.session, now);
    write_pdf(
        attendance_blocks(data, options),
        &frame,
        &meta,
        &running(PdfKind::Anwesenheitsliste, &data.session, None),
    )
}

fn meta(kind: PdfKind, session: &Session, now: DateTime<Utc>) -> Meta {
    Meta {
        title: format!("{}: {}", kind.label(), session.title),
        author: NETWORK.to_string(),
        subject: format!(
            "{} der Sitzung „{}“ am {}",
            kind.label(),
            session.title,
            date_de(&session.date)
        ),
        created: now,
    }
}

fn running(kind: PdfKind, session: &Session, watermark: Option<&str>) -> Running {
    Running {
        header: session_line(session),
        kind: kind.label().to_string(),
        footer: NETWORK.to_string(),
        watermark: watermark.map(str::to_string),
        cover: false,
    }
}

// ---------------------------------------------------------------------------------------------
// Protokoll

/// The minutes' blocks. `level` is the heading level of the document's title (1 on its own, 1 in
/// the dossier as well, with the TOPs one below); `outline` the bookmark level of that title;
/// `prefix` keeps anchors unique when two sets of minutes share a PDF.
fn minutes_blocks(
    session: &Session,
    agenda: &[AgendaItem],
    view: &MinutesView,
    participants: Option<&[PdfParticipant]>,
    title: &str,
    prefix: &str,
) -> Vec<Block> {
    let mut blocks = vec![heading(1, title, Some(&format!("{prefix}protokoll")), Some(0))];
    blocks.push(label_value("Sitzung", session.title.clone()));
    blocks.push(label_value("Datum", session.when_de()));
    if let Some(place) = where_of(session) {
        blocks.push(label_value("Ort", place));
    }
    let minutes = view.minutes.as_ref();
    if let Some(taker) = minutes.and_then(|m| m.minute_taker_name.clone()) {
        blocks.push(label_value("Protokollführung", taker));
    }
    let status = match minutes {
        Some(m) if m.status == MinutesStatus::Freigegeben => {
            let when = m
                .approved_at
                .as_deref()
                .map(|a| date_de(a.get(..10).unwrap_or(a)))
                .unwrap_or_default();
            let by = m.approved_by.clone().unwrap_or_default();
            format!("freigegeben am {when} durch {by}")
                .trim_end_matches(" durch ")
                .to_string()
        }
        Some(_) => "ENTWURF – noch nicht freigegeben".to_string(),
        None => "ENTWURF – noch nicht begonnen".to_string(),
    };
    blocks.push(label_value("Status", status));

    if let Some(participants) = participants {
        let mut present: Vec<&PdfParticipant> = participants
            .iter()
            .filter(|p| p.status == ParticipantStatus::Teilgenommen)
            .collect();
        present.sort_by_cached_key(|p| name_key(&p.name));
        let mut excused: Vec<&PdfParticipant> = participants
            .iter()
            .filter(|p| p.status == ParticipantStatus::Entschuldigt)
            .collect();
        excused.sort_by_cached_key(|p| name_key(&p.name));
        let names = |list: &[&PdfParticipant]| {
            list.iter()
                .map(|p| match &p.organisation {
                    Some(org) => format!("{} ({org})", p.name),
                    None => p.name.clone(),
                })
                .collect::<Vec<_>>()
                .join(", ")
        };
        blocks.push(heading(
            2,
            "Anwesenheit",
            Some(&format!("{prefix}anwesenheit")),
            Some(1),
        ));
        blocks.push(label_value(
            &format!("Anwesend ({})", present.len()),
            if present.is_empty() {
                "–".into()
            } else {
                names(&present)
            },
        ));
        if !excused.is_empty() {
            blocks.push(label_value(
                &format!("Entschuldigt ({})", excused.len()),
                names(&excused),
            ));
        }
    }

    for item in agenda {
        let sub = item.parent_id.is_some();
        blocks.push(heading(
            if sub { 3 } else { 2 },
            format!("TOP {} {}", item.number, item.title),
            Some(&format!("{prefix}top-{}", item.id)),
            Some(if sub { 2 } else { 1 }),
        ));
        if let Some(discussion) = item.discussion.as_deref().filter(|d| !d.trim().is_empty()) {
            blocks.extend(text_blocks(discussion));
        }
        for decision in view
            .decisions
            .iter()
            .filter(|d| d.agenda_item_id == Some(item.id))
        {
            blocks.push(decision_block(&decision.label, &decision.text));
        }
    }
    let loose: Vec<_> = view
        .decisions
        .iter()
        .filter(|d| d.agenda_item_id.is_none())
        .collect();
    if !loose.is_empty() {
        blocks.push(heading(2, "Weitere Beschlüsse", None, Some(1)));
        for decision in loose {
            blocks.push(decision_block(&decision.label, &decision.text));
        }
    }
    if !view.action_items.is_empty() {
        blocks.push(heading(
            2,
            "Aufgaben",
            Some(&format!("{prefix}aufgaben")),
            Some(1),
        ));
        let top_of = |id: Option<i64>| {
            id.and_then(|id| agenda.iter().find(|a| a.id == id))
                .map(|a| a.number.clone())
                .unwrap_or_default()
        };
        let rows = view
            .action_items
            .iter()
            .map(|a| {
                vec![
                    cell(top_of(a.agenda_item_id)),
                    cell(a.what.clone()),
                    cell(a.owner_name.clone().unwrap_or_default()),
                    cell(a.due_date.as_deref().map(date_de).unwrap_or_default()),
                    cell(a.status.label()),
                ]
            })
            .collect();
        blocks.push(Block::Table {
            columns: vec![
                Column {
                    header: "TOP".into(),
                    share: 0.6,
                },
                Column {
                    header: "Aufgabe".into(),
                    share: 4.0,
                },
                Column {
                    header: "Verantwortlich".into(),
                    share: 2.2,
                },
                Column {
                    header: "Bis".into(),
                    share: 1.2,
                },
                Column {
                    header: "Stand".into(),
                    share: 1.0,
                },
            ],
            rows,
            size: 9.5,
            min_row_height: 0.0,
        });
    }
    if !view.addenda.is_empty() {
        blocks.push(heading(
            2,
            "Nachträge",
            Some(&format!("{prefix}nachtraege")),
            Some(1),
        ));
        for addendum in &view.addenda {
            blocks.push(para(vec![
                Run::bold(format!("Nachtrag vom {}", date_de(&addendum.date))),
                Run::plain(format!(" – {}", addendum.reason)),
            ]));
            blocks.extend(text_blocks(&addendum.text));
        }
    }
    blocks
}

/// A decision, set off: a shaded box with its number in bold.
fn decision_block(label: &str, text: &str) -> Block {
    Block::Paragraph {
        runs: vec![Run::bold(format!("{label}\n")), Run::plain(text.to_string())],
        style: ParagraphStyle {
            boxed: true,
            space_before: 4.0,
            space_after: 8.0,
            ..ParagraphStyle::body()
        },
    }
}

/// The Protokoll as PDF bytes; a draft carries "ENTWURF" across every page.
pub fn minutes_pdf(data: &SessionPdfData, now: DateTime<Utc>) -> Result<PdfFile> {
    let draft = data
        .minutes
        .minutes
        .as_ref()
        .is_none_or(|m| m.status == MinutesStatus::Entwurf);
    let blocks = minutes_blocks(
        &data.session,
        &data.agenda,
        &data.minutes,
        Some(&data.participants),
        "Protokoll",
        "",
    );
    let meta = meta(PdfKind::Protokoll, &data.session, now);
    let running = running(PdfKind::Protokoll, &data.session, draft.then_some("ENTWURF"));
    write_pdf(blocks, &Frame::a4(), &meta, &running)
}

// ---------------------------------------------------------------------------------------------
// Sitzungsmappe

/// The dossier's blocks (attached PDFs, if asked for, stand in as `Block::Foreign`).
pub fn dossier_blocks(data: &SessionPdfData, options: &DossierOptions) -> Vec<Block> {
    dossier_parts(data, options).blocks
}

/// The dossier's blocks with the attached PDFs they place and the notes on those left out.
struct DossierParts {
    blocks: Vec<Block>,
    foreign: Vec<ForeignPdf>,
    notes: Vec<String>,
}

/// The attachments of one paper as the dossier shows them: each PDF that opens becomes its
/// pages (after a heading, in the outline below the paper); one that does not is named with the
/// reason; other files are listed by name, since a dossier cannot print a Word file.
struct PaperAnnex {
    /// The paper's place in the dossier (for anchors).
    index: usize,
    /// (file name, opened PDF or why not)
    pdfs: Vec<(String, std::result::Result<ForeignPdf, String>)>,
    others: Vec<String>,
}

fn paper_annex(index: usize, paper: &PaperText, append: bool) -> PaperAnnex {
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

fn dossier_parts(data: &SessionPdfData, options: &DossierOptions) -> DossierParts {
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
                ink: super::layout::Ink::Accent,
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
                ink: super::layout::Ink::Accent,
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
                    ink: super::layout::Ink::Gray(0.3),
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
                    ink: super::layout::Ink::Gray(0.3),
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
fn annex_line(lead: String, text: impl Into<String>) -> Block {
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
fn append_annex(
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

fn previous_title(previous: &PreviousMinutes) -> String {
    format!("Protokoll der Sitzung vom {}", date_de(&previous.session.date))
}

fn participant_groups(participants: &[PdfParticipant], group_by: GroupBy) -> Vec<Block> {
    let none = match group_by {
        GroupBy::Organisation => "Ohne Organisation",
        GroupBy::Kreis => "Ohne Kreis",
    };
    let key = |p: &PdfParticipant| {
        match group_by {
            GroupBy::Organisation => p.organisation.clone(),
            GroupBy::Kreis => p.district.clone(),
        }
        .unwrap_or_else(|| none.to_string())
    };
    let mut groups: Vec<(String, Vec<&PdfParticipant>)> = Vec::new();
    let mut sorted: Vec<&PdfParticipant> = participants.iter().collect();
    sorted.sort_by_cached_key(|p| (key(p) == none, sort_key(&[&key(p)]), name_key(&p.name)));
    for p in sorted {
        let k = key(p);
        match groups.last_mut() {
            Some((last, list)) if *last == k => list.push(p),
            _ => groups.push((k, vec![p])),
        }
    }
    if groups.is_empty() {
        return vec![para(vec![Run::italic("Noch niemand ist eingeladen.")])];
    }
    let other = match group_by {
        GroupBy::Organisation => "Kreis",
        GroupBy::Kreis => "Organisation",
    };
    let intro = format!(
        "{} nach {}.",
        match participants.len() {
            1 => "1 Person".to_string(),
            n => format!("{} Personen", crate::format::number(n)),
        },
        match group_by {
            GroupBy::Organisation => "Organisation",
            GroupBy::Kreis => "Stadt- oder Landkreis",
        }
    );
    let mut rows = Vec::new();
    for (name, people) in groups {
        rows.push(vec![vec![Run::bold(name)]]);
        for p in people {
            let mut cell_name = vec![Run::plain(p.name.clone())];
            if let Some(function) = &p.function {
                cell_name.push(Run::italic(format!(", {function}")));
            }
            let value = match group_by {
                GroupBy::Organisation => p.district.clone(),
                GroupBy::Kreis => p.organisation.clone(),
            };
            rows.push(vec![
                cell_name,
                cell(value.unwrap_or_default()),
                cell(p.status.label()),
            ]);
        }
    }
    let columns = vec![
        Column {
            header: "Name".into(),
            share: 4.2,
        },
        Column {
            header: other.into(),
            share: 3.0,
        },
        Column {
            header: "Status".into(),
            share: 1.3,
        },
    ];
    vec![
        para(vec![Run::plain(intro)]),
        Block::Table {
            columns,
            rows,
            size: 9.5,
            min_row_height: 0.0,
        },
    ]
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

// ---------------------------------------------------------------------------------------------
// A single document

/// A document tree (a paper's text, a working group's survey) as a PDF of its own, with the
/// network's frame: what the demo network attaches to a paper, so its dossier shows an appended
/// PDF the way a real office's would.
pub fn handout_pdf(title: &str, body: &Document, now: DateTime<Utc>) -> Result<PdfFile> {
    let mut blocks = vec![heading(1, title, None, Some(0))];
    blocks.extend(document_blocks(body));
    let meta = Meta {
        title: title.to_string(),
        author: NETWORK.to_string(),
        subject: title.to_string(),
        created: now,
    };
    let running = Running {
        header: title.to_string(),
        kind: String::new(),
        footer: NETWORK.to_string(),
        watermark: None,
        cover: false,
    };
    write_pdf(blocks, &Frame::a4(), &meta, &running)
}

// ---------------------------------------------------------------------------------------------
// Auskunft (Art. 15 DSGVO)

/// The Auskunft as a PDF, laid out from the readable text `privacy::subject_access_text` writes,
/// so the PDF and the `.txt` beside it say exactly the same (one place words the Auskunft). The
/// text's shape: the title, the date line, then sections, each an unindented title after a blank
/// line followed by indented entries ("  Name: …"; a label before the first ": " is set bold).
pub fn subject_access_pdf(text: &str, person: &str, now: DateTime<Utc>) -> Result<PdfFile> {
    const TITLE: &str = "Auskunft nach Art. 15 DSGVO";
    let mut blocks = Vec::new();
    let mut after_blank = false;
    for (n, line) in text.lines().enumerate() {
        let entry = line.trim_start();
        if entry.is_empty() {
            after_blank = true;
            continue;
        }
        if n == 0 {
            blocks.push(heading(1, entry, None, Some(0)));
        } else if after_blank && !line.starts_with(' ') {
            blocks.push(heading(2, entry, None, Some(1)));
        } else {
            let runs = match entry.split_once(": ") {
                // A short label ("E-Mail", "Rechtsgrundlage"), not a sentence with a colon.
                Some((label, value)) if label.chars().count() <= 20 && !label.contains(' ') => {
                    vec![Run::bold(format!("{label}: ")), Run::plain(value)]
                }
                _ => vec![Run::plain(entry)],
            };
            blocks.push(Block::Paragraph {
                runs,
                style: ParagraphStyle {
                    space_after: 3.0,
                    ..ParagraphStyle::body()
                },
            });
        }
        after_blank = false;
    }
    let meta = Meta {
        title: format!("{TITLE}: {person}"),
        author: NETWORK.to_string(),
        subject: format!("Die in Netzwerkmappe gespeicherten Daten über {person}"),
        created: now,
    };
    let running = Running {
        header: format!("{TITLE}: {person}"),
        kind: "Auskunft".into(),
        footer: NETWORK.to_string(),
        watermark: None,
        cover: false,
    };
    write_pdf(blocks, &Frame::a4(), &meta, &running)
}

/// Width and height of a PNG from its header, or `None` if it is not one.
pub(crate) fn png_size(bytes: &[u8]) -> Option<(u32, u32)> {
    if bytes.len() < 24 || &bytes[..8] != b"\x89PNG\r\n\x1a\n" {
        return None;
    }
    let w = u32::from_be_bytes(bytes[16..20].try_into().ok()?);
    let h = u32::from_be_bytes(bytes[20..24].try_into().ok()?);
    (w > 0 && h > 0).then_some((w, h))
}

// ---------------------------------------------------------------------------------------------
// A paper's document tree

fn inline_runs(content: &[Inline]) -> Vec<Run> {
    content
        .iter()
        .map(|inline| match inline {
            Inline::Text(span) => Run {
                text: span.text.clone(),
                bold: span.strong,
                italic: span.emphasis,
                link: span.link.clone(),
            },
            Inline::LineBreak => Run::plain("\n"),
        })
        .collect()
}

fn inline_text(content: &[Inline]) -> String {
    inline_runs(content).into_iter().map(|r| r.text).collect()
}

/// The blocks of a paper's body (the same tree the window shows). Paper headings sit below the
/// paper's own title: level 1 → 3, deeper → 3 as well (no bookmarks; the paper is one).
pub fn document_blocks(doc: &Document) -> Vec<Block> {
    let mut out = Vec::new();
    for block in &doc.blocks {
        push_document_block(block, 0.0, &mut out);
    }
    out
}

fn push_document_block(block: &document::Block, indent: f32, out: &mut Vec<Block>) {
    match block {
        document::Block::Heading { content, .. } => out.push(heading(3, inline_text(content), None, None)),
        document::Block::Paragraph { content } => out.push(Block::Paragraph {
            runs: inline_runs(content),
            style: ParagraphStyle {
                indent,
                ..ParagraphStyle::body()
            },
        }),
        document::Block::List {
            ordered,
            start,
            items,
        } => {
            for (n, item) in items.iter().enumerate() {
                let marker = if *ordered {
                    format!("{}.", start + n as u64)
                } else {
                    "•".to_string()
                };
                let mut first = true;
                for inner in &item.blocks {
                    match inner {
                        document::Block::Paragraph { content } if first => {
                            out.push(Block::ListItem {
                                marker: marker.clone(),
                                runs: inline_runs(content),
                                indent,
                            });
                        }
                        other => push_document_block(other, indent + 16.0, out),
                    }
                    first = false;
                }
                if item.blocks.is_empty() {
                    out.push(Block::ListItem {
                        marker,
                        runs: vec![],
                        indent,
                    });
                }
            }
        }
        document::Block::Table { header, rows } => {
            let columns = header
                .iter()
                .map(|c| Column {
                    header: inline_text(&c.content),
                    share: 1.0,
                })
                .collect::<Vec<_>>();
            let width = columns.len().max(1);
            let rows = rows
                .iter()
                .map(|row| {
                    let mut cells: Vec<Vec<Run>> = row.iter().map(|c| inline_runs(&c.content)).collect();
                    cells.resize(width, vec![]);
                    cells
                })
                .collect();
            out.push(Block::Table {
                columns,
                rows,
                size: 9.5,
                min_row_height: 0.0,
            });
        }
        document::Block::Quote { blocks } => {
            for inner in blocks {
                match inner {
                    document::Block::Paragraph { content } => out.push(Block::Paragraph {
                        runs: inline_runs(content)
                            .into_iter()
                            .map(|r| Run { italic: true, ..r })
                            .collect(),
                        style: ParagraphStyle {
                            boxed: true,
                            indent,
                            ..ParagraphStyle::body()
                        },
                    }),
                    other => push_document_block(other, indent + 16.0, out),
                }
            }
        }
        document::Block::Preformatted { text } => out.push(Block::Preformatted { text: text.clone() }),
        document::Block::Rule => out.push(Block::Rule),
    }
}

/// Every text with characters no font has replaced (see `Fonts::clean`).
fn clean_blocks(blocks: Vec<Block>, fonts: &Fonts) -> Vec<Block> {
    let runs = |runs: Vec<Run>| -> Vec<Run> {
        runs.into_iter()
            .map(|r| Run {
                text: fonts.clean_keep_breaks(&r.text),
                ..r
            })
            .collect()
    };
    blocks
        .into_iter()
        .map(|block| match block {
            Block::Heading {
                level,
                text,
                anchor,
                outline,
            } => Block::Heading {
                level,
                text: fonts.clean(&text),
                anchor,
                outline,
            },
            Block::Paragraph { runs: r, style } => Block::Paragraph { runs: runs(r), style },
            Block::Foreign {
                source,
                pages,
                caption,
            } => Block::Foreign {
                source,
                pages,
                caption: fonts.clean(&caption),
            },
            Block::ListItem {
                marker,
                runs: r,
                indent,
            } => Block::ListItem {
                marker,
                runs: runs(r),
                indent,
            },
            Block::Table {
                columns,
                rows,
                size,
                min_row_height,
            } => Block::Table {
                columns: columns
                    .into_iter()
                    .map(|c| Column {
                        header: fonts.clean(&c.header),
                        ..c
                    })
                    .collect(),
                rows: rows
                    .into_iter()
                    .map(|row| row.into_iter().map(runs).collect())
                    .collect(),
                size,
                min_row_height,
            },
            Block::TocEntry { text, anchor, level } => Block::TocEntry {
                text: fonts.clean(&text),
                anchor,
                level,
            },
            Block::Preformatted { text } => Block::Preformatted {
                text: fonts.clean_keep_breaks(&text),
            },
            other => other,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn people_sort_by_family_name_in_german_order() {
        let mut names = vec!["Dr. Maria Özdemir", "Ahmet Aydın", "Jürgen Weiß", "Anna Müller"];
        names.sort_by_cached_key(|n| name_key(n));
        assert_eq!(
            names,
            ["Ahmet Aydın", "Anna Müller", "Dr. Maria Özdemir", "Jürgen Weiß"]
        );
    }

    #[test]
    fn a_png_is_recognised_by_its_header() {
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        png.extend_from_slice(&200u32.to_be_bytes());
        png.extend_from_slice(&80u32.to_be_bytes());
        assert_eq!(png_size(&png), Some((200, 80)));
        assert_eq!(png_size(b"GIF89a"), None);
    }
}

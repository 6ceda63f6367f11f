//! The three PDFs of a session, as blocks for the layout: the Anwesenheitsliste (to sign), the
//! Protokoll (the minutes) and the Sitzungsmappe (the handout, with the parts the user ticked).
//! Plain functions from the session's data (loaded by `usecase::pdf::session_pdf_data`) to PDF bytes; the
//! German words of the documents live here, one submodule per document.

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

mod attendance;
mod dossier;
mod handout;
mod minutes;
mod participants;
mod tree;
pub use attendance::{attendance_blocks, attendance_pdf};
pub use dossier::{dossier_blocks, dossier_pdf};
pub(crate) use handout::png_size;
pub use handout::{handout_pdf, subject_access_pdf};
pub use minutes::minutes_pdf;
use minutes::*;
use participants::*;
pub use tree::document_blocks;
use tree::*;

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

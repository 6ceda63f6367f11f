//! PDF export: the Sitzungsmappe, the Anwesenheitsliste and the Protokoll of a session.
//!
//! Three layers, each tested on its own:
//! - `fonts`: the embedded Fira Sans faces, measuring, replacing characters no face has;
//! - `layout`: blocks → positioned pages (wrapping, page breaks, tables, outline, anchors), free
//!   of printpdf and Tauri;
//! - `writer`: pages → PDF bytes through printpdf, then metadata, outline and links (PDF/A-2b
//!   structure) on the lopdf document;
//!
//! `foreign` copies the pages of attached PDFs in as Form XObjects, which the writer draws where
//! the layout placed them (`Block::Foreign`).
//!
//! `documents` turns a session's data into blocks for each of the three documents, and the
//! Art. 15 Auskunft's text into a PDF.

pub mod documents;
pub mod fonts;
pub mod foreign;
pub mod layout;
pub mod writer;

pub use documents::{
    AttendanceOptions, DossierOptions, DossierPart, GroupBy, PdfFile, PdfKind, PdfRequest, SessionPdfData,
    attendance_pdf, dossier_pdf, minutes_pdf, subject_access_pdf,
};

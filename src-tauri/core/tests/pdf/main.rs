//! The three PDFs of a session on the demo network, read back: with lopdf (pages, outline,
//! metadata, links, PDF/A structure) and with poppler's tools (`pdftotext`, `pdffonts`), as a
//! person's viewer, copy/paste and screen reader would see them.
#![allow(clippy::unwrap_used)]

mod attachments;
mod dossier;
mod fixtures;
mod papers_logo;
mod protokoll_attendance;

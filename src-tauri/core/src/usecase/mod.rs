//! The use-case layer: one function per user action ("Protokoll genehmigen", "Sitzungsmappe als
//! PDF", "Person löschen"), shared by the window's commands and the command line.
//!
//! A use case opens one transaction through the store, loads the facts with store queries, calls
//! the rule (a plain function in the feature's domain module, e.g. `crate::minutes`), writes the
//! result with store statements and builds the document or message. Layers point one way:
//! `usecase` → domain rules and `store`; nothing below imports `usecase`.

pub mod agenda;
pub mod backup;
pub mod contacts;
pub mod demo;
pub mod export;
pub mod import;
pub mod mail;
pub mod minutes;
pub mod organisations;
pub mod papers;
pub mod participants;
pub mod pdf;
pub mod privacy;
pub mod sessions;

//! Netzwerkmappe's domain core: the model, the SQLite store and everything the window and the
//! command line share. Nothing in here knows about Tauri; both front-ends call these functions.

pub mod agenda;
pub mod audit;
pub mod backup;
pub mod berlin;
pub mod contact;
pub mod demo;
pub mod district;
pub mod district_derivation;
pub mod document;
pub mod error;
pub mod export;
pub mod field;
pub mod format;
pub mod gemeinde;
pub mod ics;
pub mod import;
pub mod info;
pub mod invitation;
pub mod labels;
pub mod limits;
pub mod mail;
pub mod markdown;
pub mod minutes;
pub mod organisation;
pub mod paper;
pub mod paper_diff;
pub mod paper_status;
pub mod participant;
pub mod paths;
pub mod pdf;
pub mod privacy;
pub mod reminder;
pub mod search;
pub mod session;
pub mod settings;
pub mod store;
pub mod usecase;

pub use error::{Error, ErrorCode, ErrorPayload, Result};

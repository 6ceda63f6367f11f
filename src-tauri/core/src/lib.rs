//! Netzwerkmappe's domain core: the model, the SQLite store and everything the window and the
//! command line share. Nothing in here knows about Tauri; both front-ends call these functions.

pub mod contact;
pub mod district;
pub mod error;
pub mod export;
pub mod format;
pub mod import;
pub mod info;
pub mod labels;
pub mod limits;
pub mod mail;
pub mod organisation;
pub mod paths;
pub mod search;
pub mod store;

pub use error::{Error, ErrorCode, ErrorPayload, Result};
pub use store::Store;

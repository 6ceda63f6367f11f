//! Concept papers on the real store: versions (every one kept, restore makes a new one), drafts,
//! comparison, status with a session's decision and freezing, attachments (checksum checked on
//! read), links both ways, search by the current text only, and erasure with the paper.
#![allow(clippy::unwrap_used)]

mod attachments;
mod fixtures;
mod links_search;
mod status;
mod versions;

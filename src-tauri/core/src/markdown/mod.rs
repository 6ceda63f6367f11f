//! A paper's Markdown body → the one document tree (`document.rs`) the window and the PDF lay out.
//!
//! Parsing is pulldown-cmark's (CommonMark plus tables); this module only maps its events onto the
//! tree's few kinds and decides what is *not* markup:
//!
//! - raw HTML, block or inline, becomes text (an HTML block a preformatted block, inline HTML a
//!   run of text), so `<script>` is shown, never interpreted;
//! - links keep their target only for `http`, `https` and `mailto`; any other (`javascript:`,
//!   `file:`, relative) leaves the link text as plain text;
//! - images become their alt text (nothing is loaded, the app is offline);
//! - lists and quotes nest at most [`MAX_DEPTH`] levels; deeper levels are flattened into the
//!   deepest one, so 1 MB of nested lists neither blows the stack of whoever walks the tree (serde,
//!   `plain_text`, the PDF layout) nor makes a tree nobody can read.
//!
//! Before parsing, [`normalise`] makes text pasted from Word read as Word showed it: each line is a
//! paragraph, "•"/"–"/"1." bullets become list items, tab-indented bullets nest, tab-separated rows
//! become a table. The size of a body is capped where it is saved (`limits::PAPER_BODY`).

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::document::{Block, Cell, Document, Inline, ListItem, Span};

mod builder;
mod paste;

use builder::*;
pub use paste::normalise;

/// Deepest nesting of lists and quotes kept; deeper content joins the deepest level kept.
pub const MAX_DEPTH: usize = 6;

/// The document tree of a Markdown text (after [`normalise`]). Never fails: whatever the text,
/// the result is a tree of the kinds `document.rs` defines.
pub fn parse(markdown: &str) -> Document {
    let text = normalise(markdown);
    let mut builder = Builder::default();
    for event in Parser::new_ext(&text, Options::ENABLE_TABLES) {
        builder.event(event);
    }
    builder.finish()
}

/// Whether a link target may stay a link: only web pages and e-mail addresses.
fn safe_link(target: &str) -> Option<String> {
    let target = target.trim();
    let lower = target.get(..8).unwrap_or(target).to_ascii_lowercase();
    let allowed = ["http://", "https://", "mailto:"]
        .iter()
        .any(|scheme| lower.starts_with(scheme));
    (allowed && target.len() > 7).then(|| target.to_owned())
}

#[cfg(test)]
mod tests;

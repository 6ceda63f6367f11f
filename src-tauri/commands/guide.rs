//! The Benutzerhandbuch inside the window ("Hilfe", F1): the German guide `docs/Benutzerhandbuch.md`
//! is compiled into the binary and parsed by the same Markdown → document tree parser the concept
//! papers use, so the window shows it with text nodes only and nothing is fetched (the app is
//! offline). Its screenshots are not embedded: in the window each shows as its alt text (a few
//! dozen bytes instead of about a megabyte of PNGs in every installer).

use netzwerkmappe_core::document::Document;

use super::CommandResult;

/// The guide's Markdown, as the repository holds it (one paragraph per line: the parser reads a
/// single line break as a new paragraph, see `markdown::normalise`).
const GUIDE: &str = include_str!("../../docs/Benutzerhandbuch.md");

/// "Hilfe": the whole guide as a document tree (its first heading is the page's title).
#[tauri::command]
pub async fn user_guide() -> CommandResult<Document> {
    Ok(netzwerkmappe_core::markdown::parse(GUIDE))
}

#[cfg(test)]
mod tests;

//! The one small document tree a paper's Markdown body becomes. The window builds its DOM from it
//! (text nodes only) and the PDF layout lays out the same tree, so screen and print never disagree.
//!
//! Deliberately small: what an office paper needs (headings, paragraphs, lists, emphasis, links,
//! simple tables). Anything else in the Markdown (raw HTML, images, footnotes) arrives here as plain
//! text, never as markup. The parser that fills it lives in `markdown.rs`.

use serde::{Deserialize, Serialize};

/// A whole body text: blocks from top to bottom.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Document {
    pub blocks: Vec<Block>,
}

/// One block of the body text. Serialised with a `type` tag for the UI (`{"type":"heading",...}`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    /// `level` 1–6; the UI and the PDF may cap how many levels look different.
    Heading {
        level: u8,
        content: Vec<Inline>,
    },
    Paragraph {
        content: Vec<Inline>,
    },
    /// `start` is the first number of an ordered list (1 unless the text says otherwise).
    List {
        ordered: bool,
        start: u64,
        items: Vec<ListItem>,
    },
    /// A simple table: one header row, then body rows; every cell is a run of inlines.
    Table {
        header: Vec<Cell>,
        rows: Vec<Vec<Cell>>,
    },
    /// A quoted passage (`> …`).
    Quote {
        blocks: Vec<Block>,
    },
    /// Pre-formatted text (code blocks, and raw HTML blocks shown as their text): kept verbatim.
    Preformatted {
        text: String,
    },
    /// A thematic break (`---`).
    Rule,
}

/// One list entry: its own blocks (paragraphs, nested lists).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ListItem {
    pub blocks: Vec<Block>,
}

/// One table cell.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Cell {
    pub content: Vec<Inline>,
}

/// Text within a block: styled runs and hard line breaks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Inline {
    Text(Span),
    LineBreak,
}

/// A run of text with one style. `link` is the target of a link the run belongs to (only
/// `http`, `https` and `mailto` survive parsing; anything else stays plain text).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Span {
    pub text: String,
    #[serde(default, skip_serializing_if = "is_false")]
    pub strong: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    pub emphasis: bool,
    /// Inline code: set in a monospaced face.
    #[serde(default, skip_serializing_if = "is_false")]
    pub code: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
}

fn is_false(value: &bool) -> bool {
    !*value
}

impl Span {
    /// A plain run of text.
    pub fn plain(text: impl Into<String>) -> Self {
        Span {
            text: text.into(),
            ..Span::default()
        }
    }
}

impl Inline {
    /// A plain run of text as an inline.
    pub fn plain(text: impl Into<String>) -> Self {
        Inline::Text(Span::plain(text))
    }
}

impl Document {
    /// The document's text without styles, one block per line: for search and plain previews.
    pub fn plain_text(&self) -> String {
        let mut out = String::new();
        for block in &self.blocks {
            push_block_text(block, &mut out);
        }
        out
    }
}

fn push_block_text(block: &Block, out: &mut String) {
    match block {
        Block::Heading { content, .. } | Block::Paragraph { content } => push_inlines(content, out),
        Block::List { items, .. } => {
            for item in items {
                for inner in &item.blocks {
                    push_block_text(inner, out);
                }
            }
            return;
        }
        Block::Table { header, rows } => {
            for cell in header.iter().chain(rows.iter().flatten()) {
                push_inlines(&cell.content, out);
                out.push(' ');
            }
        }
        Block::Quote { blocks } => {
            for inner in blocks {
                push_block_text(inner, out);
            }
            return;
        }
        Block::Preformatted { text } => out.push_str(text),
        Block::Rule => return,
    }
    out.push('\n');
}

fn push_inlines(content: &[Inline], out: &mut String) {
    for inline in content {
        match inline {
            Inline::Text(span) => out.push_str(&span.text),
            Inline::LineBreak => out.push(' '),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serialises_with_type_tags_the_ui_reads() {
        let doc = Document {
            blocks: vec![Block::Heading {
                level: 2,
                content: vec![Inline::plain("Ziele")],
            }],
        };
        let json = serde_json::to_string(&doc).expect("serialises");
        assert_eq!(
            json,
            r#"{"blocks":[{"type":"heading","level":2,"content":[{"type":"text","text":"Ziele"}]}]}"#
        );
    }

    #[test]
    fn plain_text_walks_lists_tables_and_quotes() {
        let doc = Document {
            blocks: vec![
                Block::List {
                    ordered: false,
                    start: 1,
                    items: vec![ListItem {
                        blocks: vec![Block::Paragraph {
                            content: vec![Inline::plain("Sprachkurse")],
                        }],
                    }],
                },
                Block::Table {
                    header: vec![Cell {
                        content: vec![Inline::plain("Kreis")],
                    }],
                    rows: vec![vec![Cell {
                        content: vec![Inline::plain("Tübingen")],
                    }]],
                },
                Block::Quote {
                    blocks: vec![Block::Paragraph {
                        content: vec![Inline::plain("Zitat")],
                    }],
                },
                Block::Rule,
            ],
        };
        assert_eq!(doc.plain_text(), "Sprachkurse\nKreis Tübingen \nZitat\n");
    }
}

//! A paper's document tree (`crate::document`) as layout blocks, and the clean-up that replaces
//! characters no embedded face has.

use super::*;

pub(super) fn inline_runs(content: &[Inline]) -> Vec<Run> {
    content
        .iter()
        .map(|inline| match inline {
            Inline::Text(span) => Run {
                text: span.text.clone(),
                bold: span.strong,
                italic: span.emphasis,
                link: span.link.clone(),
            },
            Inline::LineBreak => Run::plain("\n"),
        })
        .collect()
}

pub(super) fn inline_text(content: &[Inline]) -> String {
    inline_runs(content).into_iter().map(|r| r.text).collect()
}

/// The blocks of a paper's body (the same tree the window shows). Paper headings sit below the
/// paper's own title: level 1 → 3, deeper → 3 as well (no bookmarks; the paper is one).
pub fn document_blocks(doc: &Document) -> Vec<Block> {
    let mut out = Vec::new();
    for block in &doc.blocks {
        push_document_block(block, 0.0, &mut out);
    }
    out
}

pub(super) fn push_document_block(block: &document::Block, indent: f32, out: &mut Vec<Block>) {
    match block {
        document::Block::Heading { content, .. } => out.push(heading(3, inline_text(content), None, None)),
        document::Block::Paragraph { content } => out.push(Block::Paragraph {
            runs: inline_runs(content),
            style: ParagraphStyle {
                indent,
                ..ParagraphStyle::body()
            },
        }),
        document::Block::List {
            ordered,
            start,
            items,
        } => {
            for (n, item) in items.iter().enumerate() {
                let marker = if *ordered {
                    format!("{}.", start + n as u64)
                } else {
                    "•".to_string()
                };
                let mut first = true;
                for inner in &item.blocks {
                    match inner {
                        document::Block::Paragraph { content } if first => {
                            out.push(Block::ListItem {
                                marker: marker.clone(),
                                runs: inline_runs(content),
                                indent,
                            });
                        }
                        other => push_document_block(other, indent + 16.0, out),
                    }
                    first = false;
                }
                if item.blocks.is_empty() {
                    out.push(Block::ListItem {
                        marker,
                        runs: vec![],
                        indent,
                    });
                }
            }
        }
        document::Block::Table { header, rows } => {
            let columns = header
                .iter()
                .map(|c| Column {
                    header: inline_text(&c.content),
                    share: 1.0,
                })
                .collect::<Vec<_>>();
            let width = columns.len().max(1);
            let rows = rows
                .iter()
                .map(|row| {
                    let mut cells: Vec<Vec<Run>> = row.iter().map(|c| inline_runs(&c.content)).collect();
                    cells.resize(width, vec![]);
                    cells
                })
                .collect();
            out.push(Block::Table {
                columns,
                rows,
                size: 9.5,
                min_row_height: 0.0,
            });
        }
        document::Block::Quote { blocks } => {
            for inner in blocks {
                match inner {
                    document::Block::Paragraph { content } => out.push(Block::Paragraph {
                        runs: inline_runs(content)
                            .into_iter()
                            .map(|r| Run { italic: true, ..r })
                            .collect(),
                        style: ParagraphStyle {
                            boxed: true,
                            indent,
                            ..ParagraphStyle::body()
                        },
                    }),
                    other => push_document_block(other, indent + 16.0, out),
                }
            }
        }
        document::Block::Preformatted { text } => out.push(Block::Preformatted { text: text.clone() }),
        document::Block::Rule => out.push(Block::Rule),
    }
}

/// Every text with characters no font has replaced (see `Fonts::clean`).
pub(super) fn clean_blocks(blocks: Vec<Block>, fonts: &Fonts) -> Vec<Block> {
    let runs = |runs: Vec<Run>| -> Vec<Run> {
        runs.into_iter()
            .map(|r| Run {
                text: fonts.clean_keep_breaks(&r.text),
                ..r
            })
            .collect()
    };
    blocks
        .into_iter()
        .map(|block| match block {
            Block::Heading {
                level,
                text,
                anchor,
                outline,
            } => Block::Heading {
                level,
                text: fonts.clean(&text),
                anchor,
                outline,
            },
            Block::Paragraph { runs: r, style } => Block::Paragraph { runs: runs(r), style },
            Block::Foreign {
                source,
                pages,
                caption,
            } => Block::Foreign {
                source,
                pages,
                caption: fonts.clean(&caption),
            },
            Block::ListItem {
                marker,
                runs: r,
                indent,
            } => Block::ListItem {
                marker,
                runs: runs(r),
                indent,
            },
            Block::Table {
                columns,
                rows,
                size,
                min_row_height,
            } => Block::Table {
                columns: columns
                    .into_iter()
                    .map(|c| Column {
                        header: fonts.clean(&c.header),
                        ..c
                    })
                    .collect(),
                rows: rows
                    .into_iter()
                    .map(|row| row.into_iter().map(runs).collect())
                    .collect(),
                size,
                min_row_height,
            },
            Block::TocEntry { text, anchor, level } => Block::TocEntry {
                text: fonts.clean(&text),
                anchor,
                level,
            },
            Block::Preformatted { text } => Block::Preformatted {
                text: fonts.clean_keep_breaks(&text),
            },
            other => other,
        })
        .collect()
}

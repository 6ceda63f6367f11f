//! pulldown-cmark's events → the document tree: the open containers, the depth cap, raw HTML
//! as text, and which links stay links.

use super::*;

/// An open container the events are filling.
pub(super) enum Frame {
    Quote(Vec<Block>),
    List {
        ordered: bool,
        start: u64,
        items: Vec<ListItem>,
    },
    Item(Vec<Block>),
    Table {
        header: Vec<Cell>,
        rows: Vec<Vec<Cell>>,
        row: Vec<Cell>,
    },
}

/// The block whose inline content is being collected.
pub(super) enum Leaf {
    Paragraph,
    Heading(u8),
    Cell,
    /// Code and raw HTML blocks: their text verbatim.
    Verbatim(String),
}

#[derive(Default)]
pub(super) struct Builder {
    pub(super) root: Vec<Block>,
    pub(super) frames: Vec<Frame>,
    /// One entry per List/Item/Quote start: whether it opened a frame (false past the depth cap).
    pub(super) opened: Vec<bool>,
    /// Lists and quotes currently open as frames.
    pub(super) depth: usize,
    pub(super) leaf: Option<Leaf>,
    pub(super) inlines: Vec<Inline>,
    pub(super) strong: usize,
    pub(super) emphasis: usize,
    /// The (safe) targets of the links the text is in; `None` for a refused target.
    pub(super) links: Vec<Option<String>>,
}

impl Builder {
    pub(super) fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(text) => {
                if let Some(Leaf::Verbatim(buffer)) = &mut self.leaf {
                    buffer.push_str(&text);
                } else {
                    self.text(&text, false);
                }
            }
            Event::Html(html) => {
                if let Some(Leaf::Verbatim(buffer)) = &mut self.leaf {
                    buffer.push_str(&html);
                } else {
                    self.text(&html, false);
                }
            }
            Event::InlineHtml(html) => self.text(&html, false),
            Event::Code(code) => self.text(&code, true),
            Event::InlineMath(text) | Event::DisplayMath(text) => self.text(&text, false),
            Event::FootnoteReference(label) => self.text(&format!("[^{label}]"), false),
            Event::SoftBreak => self.text(" ", false),
            Event::HardBreak => self.inline(Inline::LineBreak),
            Event::Rule => {
                self.close_leaf();
                self.push_block(Block::Rule);
            }
            Event::TaskListMarker(done) => self.text(if done { "[x] " } else { "[ ] " }, false),
        }
    }

    pub(super) fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Paragraph => self.open_leaf(Leaf::Paragraph),
            Tag::Heading { level, .. } => self.open_leaf(Leaf::Heading(heading_level(level))),
            Tag::CodeBlock(_) | Tag::HtmlBlock => self.open_leaf(Leaf::Verbatim(String::new())),
            Tag::BlockQuote(_) => self.open_container(Frame::Quote(Vec::new())),
            Tag::List(first) => self.open_container(Frame::List {
                ordered: first.is_some(),
                start: first.unwrap_or(1),
                items: Vec::new(),
            }),
            Tag::Item => {
                self.close_leaf();
                let in_list = matches!(self.frames.last(), Some(Frame::List { .. }));
                if in_list {
                    self.frames.push(Frame::Item(Vec::new()));
                }
                self.opened.push(in_list);
            }
            Tag::Table(_) => {
                self.close_leaf();
                self.frames.push(Frame::Table {
                    header: Vec::new(),
                    rows: Vec::new(),
                    row: Vec::new(),
                });
            }
            Tag::TableCell => self.open_leaf(Leaf::Cell),
            Tag::Emphasis => self.emphasis += 1,
            Tag::Strong => self.strong += 1,
            Tag::Link { dest_url, .. } => self.links.push(safe_link(&dest_url)),
            // Images: the alt text arrives as text events; the picture itself is never loaded.
            // Everything else (not enabled: footnotes, definition lists, metadata, strikethrough)
            // is transparent: its text shows as text.
            _ => {}
        }
    }

    pub(super) fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::CodeBlock | TagEnd::HtmlBlock => {
                self.close_leaf()
            }
            TagEnd::BlockQuote(_) | TagEnd::List(_) | TagEnd::Item => {
                self.close_leaf();
                if self.opened.pop().unwrap_or(false) {
                    self.close_container();
                }
            }
            TagEnd::TableCell => {
                let content = std::mem::take(&mut self.inlines);
                self.leaf = None;
                if let Some(Frame::Table { row, .. }) = self.frames.last_mut() {
                    row.push(Cell { content });
                }
            }
            TagEnd::TableHead => {
                if let Some(Frame::Table { header, row, .. }) = self.frames.last_mut() {
                    *header = std::mem::take(row);
                }
            }
            TagEnd::TableRow => {
                if let Some(Frame::Table { rows, row, .. }) = self.frames.last_mut() {
                    rows.push(std::mem::take(row));
                }
            }
            TagEnd::Table => {
                self.close_leaf();
                if let Some(Frame::Table { header, rows, .. }) = self.frames.pop() {
                    self.push_block(Block::Table { header, rows });
                }
            }
            TagEnd::Emphasis => self.emphasis = self.emphasis.saturating_sub(1),
            TagEnd::Strong => self.strong = self.strong.saturating_sub(1),
            TagEnd::Link => {
                self.links.pop();
            }
            _ => {}
        }
    }

    /// Opens a list or quote, or, past [`MAX_DEPTH`], lets its content join the current level.
    pub(super) fn open_container(&mut self, frame: Frame) {
        self.close_leaf();
        let open = self.depth < MAX_DEPTH;
        if open {
            self.depth += 1;
            self.frames.push(frame);
        }
        self.opened.push(open);
    }

    pub(super) fn close_container(&mut self) {
        let Some(frame) = self.frames.pop() else {
            return;
        };
        match frame {
            Frame::Quote(blocks) => {
                self.depth = self.depth.saturating_sub(1);
                self.push_block(Block::Quote { blocks });
            }
            Frame::List {
                ordered,
                start,
                items,
            } => {
                self.depth = self.depth.saturating_sub(1);
                self.push_block(Block::List {
                    ordered,
                    start,
                    items,
                });
            }
            Frame::Item(blocks) => {
                if let Some(Frame::List { items, .. }) = self.frames.last_mut() {
                    items.push(ListItem { blocks });
                } else {
                    for block in blocks {
                        self.push_block(block);
                    }
                }
            }
            Frame::Table { header, rows, .. } => self.push_block(Block::Table { header, rows }),
        }
    }

    pub(super) fn open_leaf(&mut self, leaf: Leaf) {
        self.close_leaf();
        self.leaf = Some(leaf);
    }

    /// Ends the block whose text is being collected (also the implicit paragraph of a tight list
    /// item, whose text comes without a paragraph start).
    pub(super) fn close_leaf(&mut self) {
        let leaf = self.leaf.take();
        let content = std::mem::take(&mut self.inlines);
        let block = match leaf {
            Some(Leaf::Verbatim(text)) => Some(Block::Preformatted {
                text: text.trim_end_matches('\n').to_owned(),
            }),
            Some(Leaf::Cell) => {
                if let Some(Frame::Table { row, .. }) = self.frames.last_mut() {
                    row.push(Cell { content });
                }
                None
            }
            Some(Leaf::Heading(level)) if !content.is_empty() => Some(Block::Heading { level, content }),
            Some(Leaf::Paragraph) | None if !content.is_empty() => Some(Block::Paragraph { content }),
            _ => None,
        };
        if let Some(block) = block {
            self.push_block(block);
        }
    }

    /// Adds a finished block to the innermost container that holds blocks.
    pub(super) fn push_block(&mut self, block: Block) {
        for frame in self.frames.iter_mut().rev() {
            match frame {
                Frame::Quote(blocks) | Frame::Item(blocks) => {
                    blocks.push(block);
                    return;
                }
                // A block straight inside a list (no item) gets an item of its own.
                Frame::List { items, .. } => {
                    items.push(ListItem { blocks: vec![block] });
                    return;
                }
                Frame::Table { .. } => {}
            }
        }
        self.root.push(block);
    }

    pub(super) fn text(&mut self, text: &str, code: bool) {
        if text.is_empty() {
            return;
        }
        if let Some(Leaf::Verbatim(buffer)) = &mut self.leaf {
            buffer.push_str(text);
            return;
        }
        let span = Span {
            text: text.to_owned(),
            strong: self.strong > 0,
            emphasis: self.emphasis > 0,
            code,
            link: self.links.last().cloned().flatten(),
        };
        // Runs of the same style are one span (the parser splits text at every special character).
        if let Some(Inline::Text(last)) = self.inlines.last_mut()
            && last.strong == span.strong
            && last.emphasis == span.emphasis
            && last.code == span.code
            && last.link == span.link
        {
            last.text.push_str(&span.text);
            return;
        }
        self.inline(Inline::Text(span));
    }

    pub(super) fn inline(&mut self, inline: Inline) {
        if matches!(self.leaf, Some(Leaf::Verbatim(_))) {
            return;
        }
        if self.leaf.is_none() {
            self.leaf = Some(Leaf::Paragraph);
        }
        self.inlines.push(inline);
    }

    pub(super) fn finish(mut self) -> Document {
        self.close_leaf();
        while !self.frames.is_empty() {
            self.close_leaf();
            self.close_container();
        }
        Document { blocks: self.root }
    }
}

pub(super) fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

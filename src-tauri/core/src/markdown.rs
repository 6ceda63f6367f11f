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

// ---------------------------------------------------------------------------------------------
// Word paste normalisation

/// Characters Word (and Outlook, PDF readers) put in front of list items when text is pasted.
const BULLETS: [char; 8] = ['•', '·', '▪', '◦', '–', '—', '\u{f0b7}', '○'];

/// Rewrites pasted office text into the Markdown it means. Plain Markdown passes unchanged except
/// for one deliberate rule: a single line break between two lines of text starts a new paragraph
/// (Word pastes paragraphs that way, and people who type in the editor expect Enter to mean a new
/// line, not a space). Lines of tables (`|`), quotes (`>`), list items and fenced code are left
/// as they are.
///
/// Decided on purpose, over Markdown's own rule (a single line break is a space): the people who
/// write here type in a textarea that wraps by itself, or paste from Word, and both put exactly
/// one paragraph on a line; nobody here wraps text by hand, so joining lines would only ever glue
/// together what the writer separated. The cost: hard-wrapped Markdown from a programmer's editor
/// shows one paragraph per line (texts the app ships, like the demo's, are written unwrapped).
/// A line ending in two spaces or `\` still asks for a line break within the paragraph.
pub fn normalise(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<&str> = text.split('\n').collect();
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    let mut in_fence = false;
    let mut index = 0;
    while index < lines.len() {
        let line = lines[index];
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_fence = !in_fence;
            out.push(line.to_owned());
            index += 1;
            continue;
        }
        if in_fence {
            out.push(line.to_owned());
            index += 1;
            continue;
        }
        // A run of tab-separated rows (a table copied from Word or Excel) becomes a table.
        let rows = tab_rows(&lines[index..]);
        if rows >= 2 {
            push_paragraph_gap(&mut out);
            for (n, row) in lines[index..index + rows].iter().enumerate() {
                let cells: Vec<String> = row
                    .trim()
                    .split('\t')
                    .map(|c| c.trim().replace('|', "\\|"))
                    .collect();
                out.push(format!("| {} |", cells.join(" | ")));
                if n == 0 {
                    out.push(format!("|{}", " --- |".repeat(cells.len())));
                }
            }
            out.push(String::new());
            index += rows;
            continue;
        }
        out.push(normalise_line(line, out.last().map(String::as_str)));
        index += 1;
    }
    out.join("\n")
}

/// How many lines from the start form a tab-separated table (same number of cells, at least two).
fn tab_rows(lines: &[&str]) -> usize {
    let cells = |line: &str| {
        let inner = line.trim();
        if inner.is_empty() || !inner.contains('\t') || bullet_item(line).is_some() {
            0
        } else {
            inner.split('\t').count()
        }
    };
    let Some(first) = lines.first().map(|l| cells(l)).filter(|n| *n >= 2) else {
        return 0;
    };
    lines.iter().take_while(|l| cells(l) == first).count()
}

/// One line: bullets and numbers become Markdown list items (tabs in front nest them), leading
/// tabs of text lines go (Word indents first lines; four spaces would make a code block), and a
/// line of text right after any other non-empty line gets a blank line before it.
fn normalise_line(line: &str, previous: Option<&str>) -> String {
    if let Some((level, marker, rest)) = bullet_item(line) {
        return format!("{}{marker} {rest}", "    ".repeat(level));
    }
    let text = line.trim_start_matches('\t');
    let starts_block = |l: &str| {
        let t = l.trim_start();
        t.is_empty()
            || t.starts_with('|')
            || t.starts_with('>')
            || t.starts_with('#')
            || l.starts_with(' ')
            || is_markdown_item(t)
    };
    // A line ending in two spaces or a backslash asks for a line break, not a new paragraph.
    let hard_break = |l: &str| l.ends_with("  ") || l.ends_with('\\');
    // After a list item, table row or quote too: Markdown would carry the line on as part of
    // it ("lazy continuation"), where Word meant a paragraph of its own.
    if let Some(prev) = previous
        && !prev.trim().is_empty()
        && !hard_break(prev)
        && !starts_block(text)
        && !is_setext_underline(text)
    {
        return format!("\n{text}");
    }
    text.to_owned()
}

/// `(nesting level, Markdown marker, text)` for a pasted bullet or number ("•\tText", "\t–
/// Text", "1.\tText", "2) Text").
fn bullet_item(line: &str) -> Option<(usize, String, &str)> {
    let level = line.chars().take_while(|c| *c == '\t').count();
    let rest = &line[level..];
    let first = rest.chars().next()?;
    if BULLETS.contains(&first) {
        let after = &rest[first.len_utf8()..];
        let text = after.strip_prefix(['\t', ' ', '\u{a0}'])?;
        return Some((level, "-".into(), text.trim_start()));
    }
    // Word's default bullets for the 2nd and 3rd level arrive as "o" (Courier New) and "§"
    // (Wingdings ▪) followed by a tab, without indentation: their character is their level.
    // Only with a tab, so "o Text" or "§ 5 UrhG" stay text.
    if let Some(text) = rest.strip_prefix("o\t") {
        return Some((level.max(1), "-".into(), text.trim_start()));
    }
    if let Some(text) = rest.strip_prefix("§\t") {
        return Some((level.max(2), "-".into(), text.trim_start()));
    }
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && digits <= 3 {
        let after = &rest[digits..];
        let after = after.strip_prefix(['.', ')'])?;
        // "1.\tText" (Word's numbering) is a list item; "1. Text" already is one in Markdown,
        // and "2025. Jahr" stays text (more than three digits are no list number).
        let text = after.strip_prefix('\t')?;
        return Some((level, format!("{}.", &rest[..digits]), text.trim_start()));
    }
    None
}

/// A Markdown list item as typed ("- x", "* x", "+ x", "1. x").
fn is_markdown_item(text: &str) -> bool {
    if let Some(rest) = text.strip_prefix(['-', '*', '+']) {
        return rest.is_empty() || rest.starts_with(' ');
    }
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    digits > 0
        && text[digits..]
            .strip_prefix(['.', ')'])
            .is_some_and(|r| r.is_empty() || r.starts_with(' '))
}

/// "===" / "---" under a line make it a heading in Markdown; they must stay attached to it.
fn is_setext_underline(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty() && (t.chars().all(|c| c == '=') || t.chars().all(|c| c == '-'))
}

fn push_paragraph_gap(out: &mut Vec<String>) {
    if out.last().is_some_and(|l| !l.trim().is_empty()) {
        out.push(String::new());
    }
}

// ---------------------------------------------------------------------------------------------
// Events → tree

/// An open container the events are filling.
enum Frame {
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
enum Leaf {
    Paragraph,
    Heading(u8),
    Cell,
    /// Code and raw HTML blocks: their text verbatim.
    Verbatim(String),
}

#[derive(Default)]
struct Builder {
    root: Vec<Block>,
    frames: Vec<Frame>,
    /// One entry per List/Item/Quote start: whether it opened a frame (false past the depth cap).
    opened: Vec<bool>,
    /// Lists and quotes currently open as frames.
    depth: usize,
    leaf: Option<Leaf>,
    inlines: Vec<Inline>,
    strong: usize,
    emphasis: usize,
    /// The (safe) targets of the links the text is in; `None` for a refused target.
    links: Vec<Option<String>>,
}

impl Builder {
    fn event(&mut self, event: Event<'_>) {
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

    fn start(&mut self, tag: Tag<'_>) {
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

    fn end(&mut self, tag: TagEnd) {
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
    fn open_container(&mut self, frame: Frame) {
        self.close_leaf();
        let open = self.depth < MAX_DEPTH;
        if open {
            self.depth += 1;
            self.frames.push(frame);
        }
        self.opened.push(open);
    }

    fn close_container(&mut self) {
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

    fn open_leaf(&mut self, leaf: Leaf) {
        self.close_leaf();
        self.leaf = Some(leaf);
    }

    /// Ends the block whose text is being collected (also the implicit paragraph of a tight list
    /// item, whose text comes without a paragraph start).
    fn close_leaf(&mut self) {
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
    fn push_block(&mut self, block: Block) {
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

    fn text(&mut self, text: &str, code: bool) {
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

    fn inline(&mut self, inline: Inline) {
        if matches!(self.leaf, Some(Leaf::Verbatim(_))) {
            return;
        }
        if self.leaf.is_none() {
            self.leaf = Some(Leaf::Paragraph);
        }
        self.inlines.push(inline);
    }

    fn finish(mut self) -> Document {
        self.close_leaf();
        while !self.frames.is_empty() {
            self.close_leaf();
            self.close_container();
        }
        Document { blocks: self.root }
    }
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn para(text: &str) -> Block {
        Block::Paragraph {
            content: vec![Inline::plain(text)],
        }
    }

    fn item(text: &str) -> ListItem {
        ListItem {
            blocks: vec![para(text)],
        }
    }

    #[test]
    fn headings_paragraphs_and_emphasis() {
        let doc = parse("# Ziele\n\nDie **Förderung** von *Sprachkursen* und `Code`.");
        assert_eq!(
            doc.blocks[0],
            Block::Heading {
                level: 1,
                content: vec![Inline::plain("Ziele")]
            }
        );
        let Block::Paragraph { content } = &doc.blocks[1] else {
            panic!("paragraph expected: {doc:?}");
        };
        let spans: Vec<(&str, bool, bool, bool)> = content
            .iter()
            .filter_map(|i| match i {
                Inline::Text(s) => Some((s.text.as_str(), s.strong, s.emphasis, s.code)),
                Inline::LineBreak => None,
            })
            .collect();
        assert_eq!(
            spans,
            vec![
                ("Die ", false, false, false),
                ("Förderung", true, false, false),
                (" von ", false, false, false),
                ("Sprachkursen", false, true, false),
                (" und ", false, false, false),
                ("Code", false, false, true),
                (".", false, false, false),
            ]
        );
    }

    #[test]
    fn lists_ordered_unordered_and_nested() {
        let doc = parse("3. drei\n4. vier\n\n- a\n    - b\n");
        assert_eq!(
            doc.blocks[0],
            Block::List {
                ordered: true,
                start: 3,
                items: vec![item("drei"), item("vier")]
            }
        );
        assert_eq!(
            doc.blocks[1],
            Block::List {
                ordered: false,
                start: 1,
                items: vec![ListItem {
                    blocks: vec![
                        para("a"),
                        Block::List {
                            ordered: false,
                            start: 1,
                            items: vec![item("b")]
                        }
                    ]
                }]
            }
        );
    }

    #[test]
    fn tables_quotes_code_rules_and_breaks() {
        let doc = parse(
            "| Kreis | Kurse |\n|---|---|\n| Ulm | 4 |\n\n> zitiert\n\n```\nlet x = <b>;\n```\n\n---\n\nerste  \nzweite",
        );
        assert_eq!(
            doc.blocks[0],
            Block::Table {
                header: vec![
                    Cell {
                        content: vec![Inline::plain("Kreis")]
                    },
                    Cell {
                        content: vec![Inline::plain("Kurse")]
                    }
                ],
                rows: vec![vec![
                    Cell {
                        content: vec![Inline::plain("Ulm")]
                    },
                    Cell {
                        content: vec![Inline::plain("4")]
                    }
                ]]
            }
        );
        assert_eq!(
            doc.blocks[1],
            Block::Quote {
                blocks: vec![para("zitiert")]
            }
        );
        assert_eq!(
            doc.blocks[2],
            Block::Preformatted {
                text: "let x = <b>;".into()
            }
        );
        assert_eq!(doc.blocks[3], Block::Rule);
        assert_eq!(
            doc.blocks[4],
            Block::Paragraph {
                content: vec![Inline::plain("erste"), Inline::LineBreak, Inline::plain("zweite")]
            }
        );
    }

    #[test]
    fn raw_html_is_text_never_markup() {
        let doc =
            parse("<div onclick=\"x()\">Block</div>\n\nText mit <b>fett</b> und <script>alert(1)</script>.");
        assert_eq!(
            doc.blocks[0],
            Block::Preformatted {
                text: "<div onclick=\"x()\">Block</div>".into()
            }
        );
        assert_eq!(
            doc.blocks[1],
            para("Text mit <b>fett</b> und <script>alert(1)</script>.")
        );
    }

    #[test]
    fn only_web_and_mail_links_stay_links() {
        let doc = parse(
            "[Amt](https://example.org) [Mail](mailto:a@b.de) [Böse](javascript:alert(1)) [Datei](file:///etc/passwd) [rel](/x)",
        );
        let Block::Paragraph { content } = &doc.blocks[0] else {
            panic!("paragraph expected");
        };
        let links: Vec<(String, Option<String>)> = content
            .iter()
            .filter_map(|i| match i {
                Inline::Text(s) => Some((s.text.clone(), s.link.clone())),
                Inline::LineBreak => None,
            })
            .collect();
        assert_eq!(
            links,
            vec![
                ("Amt".into(), Some("https://example.org".into())),
                (" ".into(), None),
                ("Mail".into(), Some("mailto:a@b.de".into())),
                (" Böse Datei rel".into(), None),
            ]
        );
    }

    #[test]
    fn images_become_their_alt_text() {
        assert_eq!(
            parse("Vorher ![Organigramm des Netzwerks](bild.png) nachher").blocks,
            vec![para("Vorher Organigramm des Netzwerks nachher")]
        );
    }

    #[test]
    fn word_paste_keeps_paragraphs_lists_and_tables() {
        let pasted = "Einleitung des Papiers.\r\nZweiter Absatz.\r\n•\tSprachkurse\r\n\t–\tfür Eltern\r\n•\tBeratung\r\n1.\tErstens\r\n2.\tZweitens\r\nKreis\tKurse\r\nUlm\t4\r\n\tEingerückter Absatz.";
        let doc = parse(pasted);
        assert_eq!(doc.blocks[0], para("Einleitung des Papiers."));
        assert_eq!(doc.blocks[1], para("Zweiter Absatz."));
        assert_eq!(
            doc.blocks[2],
            Block::List {
                ordered: false,
                start: 1,
                items: vec![
                    ListItem {
                        blocks: vec![
                            para("Sprachkurse"),
                            Block::List {
                                ordered: false,
                                start: 1,
                                items: vec![item("für Eltern")]
                            }
                        ]
                    },
                    item("Beratung")
                ]
            }
        );
        assert_eq!(
            doc.blocks[3],
            Block::List {
                ordered: true,
                start: 1,
                items: vec![item("Erstens"), item("Zweitens")]
            }
        );
        assert!(
            matches!(&doc.blocks[4], Block::Table { header, rows } if header.len() == 2 && rows.len() == 1)
        );
        assert_eq!(doc.blocks[5], para("Eingerückter Absatz."));
        assert_eq!(doc.blocks.len(), 6);
    }

    #[test]
    fn word_bullet_levels_by_character() {
        let doc = parse("•\tEins\no\tUnterpunkt\n§\tTiefer\n•\tZwei\n§ 5 UrhG gilt.");
        let Block::List { items, .. } = &doc.blocks[0] else {
            panic!("list expected: {doc:?}");
        };
        assert_eq!(items.len(), 2);
        assert!(depth(&doc.blocks[..1]) == 3, "{doc:?}");
        assert_eq!(doc.blocks[1], para("§ 5 UrhG gilt."));
    }

    #[test]
    fn normalise_leaves_markdown_structure_alone() {
        let markdown = "# Titel\n\n- a\n- b\n\n| x | y |\n|---|---|\n| 1 | 2 |\n\n```\ncode\nzeilen\n```\n\nÜberschrift\n===";
        assert_eq!(normalise(markdown), markdown);
        assert_eq!(normalise("2025. war ein gutes Jahr"), "2025. war ein gutes Jahr");
    }

    /// Nesting depth of lists and quotes in a block list.
    fn depth(blocks: &[Block]) -> usize {
        blocks
            .iter()
            .map(|b| match b {
                Block::List { items, .. } => 1 + items.iter().map(|i| depth(&i.blocks)).max().unwrap_or(0),
                Block::Quote { blocks } => 1 + depth(blocks),
                _ => 0,
            })
            .max()
            .unwrap_or(0)
    }

    #[test]
    fn deep_nesting_is_flattened_and_fast() {
        // About 1 MB of ever deeper list items, and the same as quotes.
        let mut lists = String::new();
        let mut level = 0;
        while lists.len() < 1_000_000 {
            lists.push_str(&"  ".repeat(level % 2_000));
            lists.push_str("- Punkt\n");
            level += 1;
        }
        let quotes = "> ".repeat(200_000) + "tief";
        let started = std::time::Instant::now();
        let doc = parse(&lists);
        assert!(depth(&doc.blocks) <= MAX_DEPTH);
        assert!(doc.plain_text().contains("Punkt"));
        let doc = parse(&quotes);
        assert!(depth(&doc.blocks) <= MAX_DEPTH);
        assert!(doc.plain_text().contains("tief"));
        assert!(serde_json::to_string(&doc).is_ok());
        assert!(
            started.elapsed() < std::time::Duration::from_secs(20),
            "took {:?}",
            started.elapsed()
        );
    }

    fn links(blocks: &[Block], out: &mut Vec<String>) {
        let inlines = |content: &[Inline], out: &mut Vec<String>| {
            for inline in content {
                if let Inline::Text(Span { link: Some(l), .. }) = inline {
                    out.push(l.clone());
                }
            }
        };
        for block in blocks {
            match block {
                Block::Heading { content, .. } | Block::Paragraph { content } => inlines(content, out),
                Block::List { items, .. } => items.iter().for_each(|i| links(&i.blocks, out)),
                Block::Table { header, rows } => header
                    .iter()
                    .chain(rows.iter().flatten())
                    .for_each(|c| inlines(&c.content, out)),
                Block::Quote { blocks } => links(blocks, out),
                Block::Preformatted { .. } | Block::Rule => {}
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]

        /// Whatever is typed or pasted: no panic, the tree is of the known kinds within the depth
        /// cap, links are only web or mail links, and raw HTML tags arrive as text.
        #[test]
        fn never_panics_and_never_lets_html_through(
            parts in proptest::collection::vec(prop_oneof![
                Just("<script>"), Just("</script>"), Just("<b>"), Just("<div>"), Just("<!--"), Just("-->"),
                Just("*"), Just("**"), Just("_"), Just("#"), Just("- "), Just("1. "), Just("1.\t"), Just("•\t"),
                Just("|"), Just("---"), Just("\n"), Just("\n\n"), Just(" "), Just("    "), Just("\t"), Just("> "),
                Just("`"), Just("```"), Just("[x](javascript:alert(1))"), Just("[y](https://a.de)"),
                Just("![alt](bild.png)"), Just("<https://b.de>"), Just("Förderung"), Just("Text"), Just("\r\n"),
                Just("&lt;"), Just("\\"), Just("["), Just("]"), Just("("), Just(")"),
            ], 0..60)
        ) {
            let input: String = parts.concat();
            let doc = parse(&input);
            prop_assert!(depth(&doc.blocks) <= MAX_DEPTH);
            let mut found = Vec::new();
            links(&doc.blocks, &mut found);
            for link in found {
                prop_assert!(link.starts_with("https://") || link.starts_with("http://") || link.starts_with("mailto:"), "{link}");
            }
            // Every <script> typed is still there as text: the tag reached the tree as characters.
            let text = doc.plain_text();
            // (Except inside a link target, `[a](<script>)`, or as a code fence's language name,
            // neither of which is ever shown.)
            if input.contains("<script>") && !input.contains("](") && !input.contains("```") {
                prop_assert!(text.contains("<script>"), "{input:?} → {text:?}");
            }
            let json = serde_json::to_string(&doc);
            prop_assert!(json.is_ok());
        }

        #[test]
        fn any_text_parses(input in "\\PC{0,300}") {
            let doc = parse(&input);
            prop_assert!(depth(&doc.blocks) <= MAX_DEPTH);
        }
    }
}

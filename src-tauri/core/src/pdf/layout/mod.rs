//! The PDF layout layer: turns a flow of blocks (headings, paragraphs, list entries, tables, boxes)
//! into positioned pages. printpdf only places single lines; wrapping, page breaks, tables and the
//! page frame are ours, here, free of printpdf and Tauri so they are tested on their own with a
//! stand-in `Measure`.
//!
//! Coordinates are points (1/72 inch) from the page's top-left corner; the writer flips them.
//! The rules a careful typesetter follows and this layer keeps:
//! - a heading never ends a page (it moves with the first lines of what follows);
//! - a paragraph breaks across pages line by line but leaves no single line behind on its own
//!   (two lines at least at a page's foot and head where the paragraph has four or more);
//! - table rows never split (except a row taller than a page), the header row repeats;
//! - running text is hyphenated in German where a long word would leave a wide gap at a line's end
//!   (`hyphenate.rs`; not headings, code, addresses, numbers, abbreviations);
//! - a word wider than its line (a 300-character word, a URL) is broken inside, after a hyphen or
//!   slash where there is one, else at a syllable, else at a letter, so nothing runs off the page.

mod hyphenate;
mod wrap;

pub use wrap::{Hyphenation, Line, Piece, wrap, wrap_with};

use crate::pdf::fonts::{Face, Measure};

/// A4 in points.
pub const A4_WIDTH: f32 = 595.28;
pub const A4_HEIGHT: f32 = 841.89;

/// One styled run of text inside a block.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Run {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
    /// An `http(s)`/`mailto` target: the run becomes a link annotation.
    pub link: Option<String>,
}

impl Run {
    pub fn plain(text: impl Into<String>) -> Run {
        Run {
            text: text.into(),
            ..Run::default()
        }
    }
    pub fn bold(text: impl Into<String>) -> Run {
        Run {
            text: text.into(),
            bold: true,
            ..Run::default()
        }
    }
    pub fn italic(text: impl Into<String>) -> Run {
        Run {
            text: text.into(),
            italic: true,
            ..Run::default()
        }
    }
    pub fn face(&self) -> Face {
        Face::styled(self.bold, self.italic)
    }
}

/// A grey level, 0 = black, 1 = white, or the one accent colour.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Ink {
    Gray(f32),
    Accent,
}

/// How a paragraph looks.
#[derive(Debug, Clone, PartialEq)]
pub struct ParagraphStyle {
    pub size: f32,
    /// Line height as a multiple of the size.
    pub leading: f32,
    pub indent: f32,
    pub space_before: f32,
    pub space_after: f32,
    pub ink: Ink,
    /// A shaded box with a bar on the left (decisions, quotes).
    pub boxed: bool,
}

impl ParagraphStyle {
    pub fn body() -> ParagraphStyle {
        ParagraphStyle {
            size: 10.5,
            leading: 1.4,
            indent: 0.0,
            space_before: 0.0,
            space_after: 6.0,
            ink: Ink::Gray(0.0),
            boxed: false,
        }
    }
    pub fn small() -> ParagraphStyle {
        ParagraphStyle {
            size: 9.0,
            space_after: 4.0,
            ..ParagraphStyle::body()
        }
    }
}

/// A table column: its share of the available width and its header.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub header: String,
    pub share: f32,
}

/// One block of the flow.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// `level` 1 (section) … 3. `anchor` names it for the table of contents; `outline` puts it into
    /// the bookmarks at that level (0 = top).
    Heading {
        level: u8,
        text: String,
        anchor: Option<String>,
        outline: Option<u8>,
    },
    Paragraph {
        runs: Vec<Run>,
        style: ParagraphStyle,
    },
    /// A list entry: `marker` ("•", "1.") hangs left of the text at `indent`.
    ListItem {
        marker: String,
        runs: Vec<Run>,
        indent: f32,
    },
    /// A table: each row one list of runs per column. A row with a single cell (in a table of
    /// several columns) is a group row: it spans the table, shaded, and stays with the next row.
    Table {
        columns: Vec<Column>,
        rows: Vec<Vec<Vec<Run>>>,
        size: f32,
        min_row_height: f32,
    },
    /// A line of the table of contents: title left, page number of `anchor` right, all of it a link.
    TocEntry {
        text: String,
        anchor: String,
        level: u8,
    },
    /// Fixed-width text kept line by line (code blocks); wrapped only where a line is too long.
    Preformatted {
        text: String,
    },
    /// A PNG image `width` points wide (the office's logo on the cover).
    Image {
        png: Vec<u8>,
        width: f32,
        height: f32,
    },
    /// The pages of another PDF (`source`, an index the writer resolves), one per page of the
    /// flow, each below a small `caption` line, scaled into the content area. The first starts
    /// below what is already on the page if at least half of it is free.
    Foreign {
        source: usize,
        pages: usize,
        caption: String,
    },
    /// Vertical space, dropped at the top of a page.
    Space(f32),
    /// Vertical space that is kept even at the top of a page (the cover's layout).
    Skip(f32),
    Rule,
    PageBreak,
}

/// Where a link leads.
#[derive(Debug, Clone, PartialEq)]
pub enum Target {
    Uri(String),
    Anchor(String),
}

/// Something placed on a page. `y` of text is its baseline.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    Text {
        x: f32,
        y: f32,
        face: Face,
        size: f32,
        ink: Ink,
        text: String,
    },
    /// The page number of an anchor, right-aligned at `right` (resolved when writing).
    PageNumber {
        right: f32,
        y: f32,
        size: f32,
        anchor: String,
    },
    Line {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        width: f32,
        ink: Ink,
    },
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        ink: Ink,
    },
    Link {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        target: Target,
    },
    Image {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        png: Vec<u8>,
    },
    /// Page `page` of foreign PDF `source`, fitted into the box (`y` its top).
    Foreign {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        source: usize,
        page: usize,
    },
}

/// A laid-out page.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Page {
    pub items: Vec<Item>,
}

/// A bookmark: its title, nesting level (0 = top) and where it points.
#[derive(Debug, Clone, PartialEq)]
pub struct OutlineEntry {
    pub title: String,
    pub level: u8,
    pub page: usize,
    pub y: f32,
}

/// The page frame: size and margins; the header and footer sit inside the margins.
#[derive(Debug, Clone, PartialEq)]
pub struct Frame {
    pub width: f32,
    pub height: f32,
    pub left: f32,
    pub right: f32,
    pub top: f32,
    pub bottom: f32,
}

impl Frame {
    /// A4 portrait with 25 mm left (punching), 20 mm right and 25 mm top and bottom.
    pub fn a4() -> Frame {
        Frame {
            width: A4_WIDTH,
            height: A4_HEIGHT,
            left: 70.9,
            right: 56.7,
            top: 70.9,
            bottom: 70.9,
        }
    }
    /// A4 landscape with the same margins.
    pub fn a4_landscape() -> Frame {
        Frame {
            width: A4_HEIGHT,
            height: A4_WIDTH,
            ..Frame::a4()
        }
    }
    pub fn content_width(&self) -> f32 {
        self.width - self.left - self.right
    }
    fn content_bottom(&self) -> f32 {
        self.height - self.bottom
    }
}

/// The result: pages, where each anchor landed (page index from 0, y), the outline.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Laid {
    pub pages: Vec<Page>,
    pub anchors: Vec<(String, usize, f32)>,
    pub outline: Vec<OutlineEntry>,
}

impl Laid {
    /// The page (from 0) an anchor landed on.
    pub fn page_of(&self, anchor: &str) -> Option<usize> {
        self.anchors
            .iter()
            .find(|(name, ..)| name == anchor)
            .map(|(_, page, _)| *page)
    }
}

const TABLE_PADDING: f32 = 4.0;

/// Heading sizes by level.
fn heading_size(level: u8) -> f32 {
    match level {
        0 | 1 => 17.0,
        2 => 13.0,
        _ => 11.0,
    }
}

struct Cursor<'a> {
    frame: &'a Frame,
    measure: &'a dyn Measure,
    laid: Laid,
    y: f32,
}

impl Cursor<'_> {
    fn page(&mut self) -> &mut Page {
        if self.laid.pages.is_empty() {
            self.laid.pages.push(Page::default());
        }
        let last = self.laid.pages.len() - 1;
        &mut self.laid.pages[last]
    }

    fn page_index(&self) -> usize {
        self.laid.pages.len().saturating_sub(1)
    }

    fn new_page(&mut self) {
        self.laid.pages.push(Page::default());
        self.y = self.frame.top;
    }

    fn at_top(&self) -> bool {
        (self.y - self.frame.top).abs() < 0.01
    }

    fn room(&self) -> f32 {
        self.frame.content_bottom() - self.y
    }

    /// Starts a new page unless `needed` points still fit (or the page is still empty).
    fn ensure(&mut self, needed: f32) {
        if needed > self.room() && !self.at_top() {
            self.new_page();
        }
    }

    /// Vertical space that disappears at the top of a page.
    fn space(&mut self, points: f32) {
        if !self.at_top() {
            self.y += points;
        }
    }

    fn push(&mut self, item: Item) {
        self.page().items.push(item);
    }
}

/// Lays out `blocks` in `frame`, measuring with `measure`.
pub fn layout(blocks: &[Block], frame: &Frame, measure: &dyn Measure) -> Laid {
    let mut cursor = Cursor {
        frame,
        measure,
        laid: Laid::default(),
        y: frame.top,
    };
    cursor.laid.pages.push(Page::default());
    for (index, block) in blocks.iter().enumerate() {
        let next = blocks.get(index + 1);
        place(&mut cursor, block, next);
    }
    cursor.laid
}

/// Places the pages of a foreign PDF, one per page, each under its caption
/// ("Anlage „Beschluss.pdf“ · Seite 2 von 8").
fn foreign(cursor: &mut Cursor<'_>, source: usize, pages: usize, caption: &str) {
    let frame = cursor.frame;
    let size = 8.5;
    let full = frame.content_bottom() - frame.top;
    for page in 0..pages {
        if (page > 0 || cursor.room() < full / 2.0) && !cursor.at_top() {
            cursor.new_page();
        }
        // The page number first: a long file name is shortened ("…"), never the "Seite 2 von 8".
        let text = fitted(
            &format!("Seite {} von {pages} · {caption}", page + 1),
            frame.content_width(),
            Face::Italic,
            size,
            cursor.measure,
        );
        cursor.y += size * 1.4;
        let baseline = cursor.y - size * 0.3;
        cursor.push(Item::Text {
            x: frame.left,
            y: baseline,
            face: Face::Italic,
            size,
            ink: Ink::Gray(0.35),
            text,
        });
        cursor.y += 4.0;
        let y = cursor.y;
        cursor.push(Item::Foreign {
            x: frame.left,
            y,
            w: frame.content_width(),
            h: frame.content_bottom() - y,
            source,
            page,
        });
        cursor.y = frame.content_bottom();
    }
}

/// `text` set in `face`, shortened with "…" to `width` (a caption, a running header or footer).
pub fn fitted(text: &str, width: f32, face: Face, size: f32, measure: &dyn Measure) -> String {
    if measure.width(face, size, text) <= width {
        return text.to_string();
    }
    let mut out = String::new();
    for c in text.chars() {
        out.push(c);
        if measure.width(face, size, &format!("{out}…")) > width {
            out.pop();
            break;
        }
    }
    out.push('…');
    out
}

/// The height the first lines of a block need, so a heading before it can move along.
fn lead_height(block: Option<&Block>, measure: &dyn Measure, frame: &Frame) -> f32 {
    match block {
        Some(Block::Paragraph { style, .. }) => style.size * style.leading * 2.0 + style.space_before,
        Some(Block::ListItem { .. }) => ParagraphStyle::body().size * ParagraphStyle::body().leading * 2.0,
        Some(Block::Table {
            columns,
            rows,
            size,
            min_row_height,
        }) => {
            let header: Vec<Vec<Run>> = columns
                .iter()
                .map(|c| vec![Run::bold(c.header.clone())])
                .collect();
            let mut height = row_height(&header, columns, *size, 0.0, measure, frame.content_width());
            if let Some(first) = rows.first() {
                height += row_height(
                    first,
                    columns,
                    *size,
                    *min_row_height,
                    measure,
                    frame.content_width(),
                );
            }
            height
        }
        Some(Block::TocEntry { .. }) => 30.0,
        // A foreign page starts below a heading only where half the page is free.
        Some(Block::Foreign { .. }) => (frame.content_bottom() - frame.top) / 2.0,
        Some(Block::Heading { level, .. }) => heading_size(*level) * 1.3 + 24.0,
        _ => 0.0,
    }
}

fn place(cursor: &mut Cursor<'_>, block: &Block, next: Option<&Block>) {
    let frame = cursor.frame;
    match block {
        Block::PageBreak => {
            if !cursor.at_top() {
                cursor.new_page();
            }
        }
        Block::Space(points) => cursor.space(*points),
        Block::Skip(points) => cursor.y = (cursor.y + points).min(frame.content_bottom()),
        Block::Rule => {
            cursor.ensure(12.0);
            cursor.space(4.0);
            let y = cursor.y;
            cursor.push(Item::Line {
                x1: frame.left,
                y1: y,
                x2: frame.width - frame.right,
                y2: y,
                width: 0.6,
                ink: Ink::Gray(0.6),
            });
            cursor.y += 8.0;
        }
        Block::Heading {
            level,
            text,
            anchor,
            outline,
        } => {
            let size = heading_size(*level);
            let line_height = size * 1.3;
            let lines = wrap_with(
                &[Run::bold(text.clone())],
                frame.content_width(),
                size,
                cursor.measure,
                Hyphenation::OverlongOnly,
            );
            let own = line_height * lines.len() as f32;
            let space_before = if *level <= 1 { 14.0 } else { 10.0 };
            // Keep with next: the heading moves to the next page with the first lines of what follows.
            cursor.ensure(space_before + own + lead_height(next, cursor.measure, frame));
            cursor.space(space_before);
            let page = cursor.page_index();
            let top = cursor.y;
            if let Some(anchor) = anchor {
                cursor.laid.anchors.push((anchor.clone(), page, top));
            }
            if let Some(level) = outline {
                cursor.laid.outline.push(OutlineEntry {
                    title: text.clone(),
                    level: *level,
                    page,
                    y: top,
                });
            }
            let ink = if *level <= 1 { Ink::Accent } else { Ink::Gray(0.0) };
            for line in &lines {
                cursor.y += line_height;
                let baseline = cursor.y - line_height * 0.25;
                emit_line(cursor, line, frame.left, baseline, size, ink);
            }
            if *level <= 1 {
                let y = cursor.y + 3.0;
                cursor.push(Item::Line {
                    x1: frame.left,
                    y1: y,
                    x2: frame.width - frame.right,
                    y2: y,
                    width: 0.8,
                    ink: Ink::Accent,
                });
                cursor.y += 6.0;
            }
            cursor.y += 4.0;
        }
        Block::Paragraph { runs, style } => paragraph(cursor, runs, style, None, Hyphenation::Auto),
        Block::Foreign {
            source,
            pages,
            caption,
        } => foreign(cursor, *source, *pages, caption),
        Block::ListItem { marker, runs, indent } => {
            let style = ParagraphStyle {
                indent: *indent + 16.0,
                space_after: 3.0,
                ..ParagraphStyle::body()
            };
            paragraph(cursor, runs, &style, Some(marker), Hyphenation::Auto)
        }
        Block::Preformatted { text } => {
            let style = ParagraphStyle {
                size: 9.0,
                leading: 1.3,
                ..ParagraphStyle::body()
            };
            for source_line in text.lines() {
                paragraph(
                    cursor,
                    &[Run::plain(source_line.to_string())],
                    &ParagraphStyle {
                        space_after: 0.0,
                        ..style.clone()
                    },
                    None,
                    Hyphenation::Never,
                );
            }
            cursor.y += style.space_after;
        }
        Block::Table {
            columns,
            rows,
            size,
            min_row_height,
        } => table(cursor, columns, rows, *size, *min_row_height),
        Block::TocEntry { text, anchor, level } => {
            let size = if *level == 0 { 11.0 } else { 10.0 };
            let indent = f32::from(*level) * 16.0;
            let line_height = size * 1.6;
            let number_room = 36.0;
            let width = frame.content_width() - indent - number_room;
            let face_bold = *level == 0;
            let run = Run {
                text: text.clone(),
                bold: face_bold,
                ..Run::default()
            };
            let lines = wrap_with(&[run], width, size, cursor.measure, Hyphenation::OverlongOnly);
            cursor.ensure(line_height * lines.len() as f32);
            let top = cursor.y;
            for line in &lines {
                cursor.y += line_height;
                emit_line(
                    cursor,
                    line,
                    frame.left + indent,
                    cursor.y - line_height * 0.3,
                    size,
                    Ink::Gray(0.0),
                );
            }
            let right = frame.width - frame.right;
            cursor.push(Item::PageNumber {
                right,
                y: cursor.y - line_height * 0.3,
                size,
                anchor: anchor.clone(),
            });
            cursor.push(Item::Link {
                x: frame.left + indent,
                y: top,
                w: right - frame.left - indent,
                h: cursor.y - top,
                target: Target::Anchor(anchor.clone()),
            });
        }
        Block::Image { png, width, height } => {
            cursor.ensure(*height);
            let y = cursor.y;
            cursor.push(Item::Image {
                x: frame.left,
                y,
                w: *width,
                h: *height,
                png: png.clone(),
            });
            cursor.y += height;
        }
    }
}

/// Places one line's pieces from `x` on `baseline`, with link areas for linked pieces.
fn emit_line(cursor: &mut Cursor<'_>, line: &Line, x: f32, baseline: f32, size: f32, ink: Ink) {
    for piece in &line.pieces {
        let piece_ink = if piece.link.is_some() { Ink::Accent } else { ink };
        cursor.push(Item::Text {
            x: x + piece.x,
            y: baseline,
            face: piece.face,
            size,
            ink: piece_ink,
            text: piece.text.clone(),
        });
        if let Some(uri) = &piece.link {
            cursor.push(Item::Link {
                x: x + piece.x,
                y: baseline - size,
                w: piece.width,
                h: size * 1.25,
                target: Target::Uri(uri.clone()),
            });
        }
    }
}

fn paragraph(
    cursor: &mut Cursor<'_>,
    runs: &[Run],
    style: &ParagraphStyle,
    marker: Option<&String>,
    hyphenation: Hyphenation,
) {
    let frame = cursor.frame;
    let pad = if style.boxed { 8.0 } else { 0.0 };
    let x = frame.left + style.indent + pad;
    let width = frame.content_width() - style.indent - 2.0 * pad;
    let lines = wrap_with(runs, width, style.size, cursor.measure, hyphenation);
    let line_height = style.size * style.leading;
    cursor.space(style.space_before);
    let total = lines.len();
    if style.boxed {
        // A decision is read as one piece: it moves whole to the next page if it fits there.
        let whole = total as f32 * line_height + 2.0 * pad;
        if whole <= frame.content_bottom() - frame.top {
            cursor.ensure(whole);
        }
    }
    let mut index = 0;
    let mut first_on_page = true;
    while index < total {
        // How many lines fit here; never leave a single line of a longer paragraph behind.
        let fit = ((cursor.room() - 2.0 * pad) / line_height).floor().max(0.0) as usize;
        let left = total - index;
        let mut take = fit.min(left);
        if take < left && total >= 4 {
            if take == 1 && index == 0 {
                take = 0;
            } else if left - take == 1 && take >= 2 {
                take -= 1;
            }
        }
        if take == 0 {
            if cursor.at_top() {
                take = 1; // a line taller than a page: place it anyway
            } else {
                cursor.new_page();
                first_on_page = true;
                continue;
            }
        }
        let top = cursor.y;
        if style.boxed {
            let h = take as f32 * line_height + 2.0 * pad;
            cursor.push(Item::Rect {
                x: frame.left + style.indent,
                y: top,
                w: frame.content_width() - style.indent,
                h,
                ink: Ink::Gray(0.94),
            });
            cursor.push(Item::Rect {
                x: frame.left + style.indent,
                y: top,
                w: 2.5,
                h,
                ink: Ink::Accent,
            });
            cursor.y += pad;
        }
        for (n, line) in lines[index..index + take].iter().enumerate() {
            cursor.y += line_height;
            let baseline = cursor.y - (line_height - style.size) / 2.0 - style.size * 0.22;
            if n == 0
                && index == 0
                && first_on_page
                && let Some(marker) = marker
            {
                let w = cursor.measure.width(Face::Regular, style.size, marker);
                cursor.push(Item::Text {
                    x: x - 6.0 - w,
                    y: baseline,
                    face: Face::Regular,
                    size: style.size,
                    ink: style.ink,
                    text: marker.clone(),
                });
            }
            emit_line(cursor, line, x, baseline, style.size, style.ink);
        }
        if style.boxed {
            cursor.y += pad;
        }
        index += take;
        first_on_page = false;
        if index < total {
            cursor.new_page();
        }
    }
    cursor.y += style.space_after;
}

fn column_widths(columns: &[Column], total: f32) -> Vec<f32> {
    let sum: f32 = columns.iter().map(|c| c.share).sum::<f32>().max(0.0001);
    columns.iter().map(|c| total * c.share / sum).collect()
}

fn row_height(
    cells: &[Vec<Run>],
    columns: &[Column],
    size: f32,
    min: f32,
    measure: &dyn Measure,
    total: f32,
) -> f32 {
    let widths = column_widths(columns, total);
    let line_height = size * 1.3;
    let lines = cells
        .iter()
        .zip(&widths)
        .map(|(runs, w)| wrap(runs, w - 2.0 * TABLE_PADDING, size, measure).len().max(1))
        .max()
        .unwrap_or(1);
    (lines as f32 * line_height + 2.0 * TABLE_PADDING).max(min)
}

fn table(
    cursor: &mut Cursor<'_>,
    columns: &[Column],
    rows: &[Vec<Vec<Run>>],
    size: f32,
    min_row_height: f32,
) {
    let frame = cursor.frame;
    let total = frame.content_width();
    let widths = column_widths(columns, total);
    let header: Vec<Vec<Run>> = columns
        .iter()
        .map(|c| vec![Run::bold(c.header.clone())])
        .collect();
    let header_height = row_height(&header, columns, size, 0.0, cursor.measure, total);
    let first_height = rows
        .first()
        .map(|r| row_height(r, columns, size, min_row_height, cursor.measure, total))
        .unwrap_or(0.0);
    cursor.ensure(header_height + first_height);
    table_row(cursor, &header, &widths, size, header_height, true);
    for (index, row) in rows.iter().enumerate() {
        let mut height = row_height(row, columns, size, min_row_height, cursor.measure, total);
        let span = row.len() == 1 && columns.len() > 1;
        if span {
            height = row_height(row, &columns[..1], size, 0.0, cursor.measure, total);
        }
        // A group row stays with the first row of its group.
        let needed = match rows.get(index + 1) {
            Some(next) if span => {
                height + row_height(next, columns, size, min_row_height, cursor.measure, total)
            }
            _ => height,
        };
        if needed > cursor.room() && !cursor.at_top() {
            cursor.new_page();
            // The header row repeats on every page the table continues on.
            table_row(cursor, &header, &widths, size, header_height, true);
        }
        if span {
            let top = cursor.y;
            cursor.push(Item::Rect {
                x: frame.left,
                y: top,
                w: total,
                h: height,
                ink: Ink::Gray(0.96),
            });
            let bold: Vec<Run> = row[0]
                .iter()
                .map(|r| Run {
                    bold: true,
                    ..r.clone()
                })
                .collect();
            table_row(cursor, &[bold], &[total], size, height, false);
        } else {
            table_row(cursor, row, &widths, size, height, false);
        }
    }
    cursor.y += 8.0;
}

fn table_row(
    cursor: &mut Cursor<'_>,
    cells: &[Vec<Run>],
    widths: &[f32],
    size: f32,
    height: f32,
    header: bool,
) {
    let frame = cursor.frame;
    let top = cursor.y;
    let right = frame.width - frame.right;
    if header {
        cursor.push(Item::Rect {
            x: frame.left,
            y: top,
            w: right - frame.left,
            h: height,
            ink: Ink::Gray(0.9),
        });
    }
    let line_height = size * 1.3;
    let mut x = frame.left;
    for (runs, width) in cells.iter().zip(widths) {
        let lines = wrap(runs, width - 2.0 * TABLE_PADDING, size, cursor.measure);
        for (n, line) in lines.iter().enumerate() {
            let baseline = top + TABLE_PADDING + (n as f32 + 1.0) * line_height - line_height * 0.3;
            emit_line(cursor, line, x + TABLE_PADDING, baseline, size, Ink::Gray(0.0));
        }
        x += width;
    }
    // Grid: a line under the row and thin separators between the columns.
    let bottom = top + height;
    cursor.push(Item::Line {
        x1: frame.left,
        y1: bottom,
        x2: right,
        y2: bottom,
        width: 0.5,
        ink: Ink::Gray(0.55),
    });
    if header {
        cursor.push(Item::Line {
            x1: frame.left,
            y1: top,
            x2: right,
            y2: top,
            width: 0.5,
            ink: Ink::Gray(0.55),
        });
    }
    let mut x = frame.left;
    for width in &widths[..widths.len().saturating_sub(1)] {
        x += width;
        cursor.push(Item::Line {
            x1: x,
            y1: top,
            x2: x,
            y2: bottom,
            width: 0.3,
            ink: Ink::Gray(0.75),
        });
    }
    cursor.y = bottom;
}

#[cfg(test)]
mod tests;

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

mod flow;
mod place;
mod table;
use flow::*;
pub use flow::{fitted, layout};
use place::*;
use table::*;

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

#[cfg(test)]
mod tests;

//! The flow of blocks down the pages: the cursor that opens a new page when one is full,
//! `layout` itself, attached PDFs' pages (`Block::Foreign`), shortening a line with '…' (`fitted`),
//! and how much of the next block must fit below a heading.

use super::*;

pub(super) const TABLE_PADDING: f32 = 4.0;

/// Heading sizes by level.
pub(super) fn heading_size(level: u8) -> f32 {
    match level {
        0 | 1 => 17.0,
        2 => 13.0,
        _ => 11.0,
    }
}

pub(super) struct Cursor<'a> {
    pub(super) frame: &'a Frame,
    pub(super) measure: &'a dyn Measure,
    pub(super) laid: Laid,
    pub(super) y: f32,
}

impl Cursor<'_> {
    pub(super) fn page(&mut self) -> &mut Page {
        if self.laid.pages.is_empty() {
            self.laid.pages.push(Page::default());
        }
        let last = self.laid.pages.len() - 1;
        &mut self.laid.pages[last]
    }

    pub(super) fn page_index(&self) -> usize {
        self.laid.pages.len().saturating_sub(1)
    }

    pub(super) fn new_page(&mut self) {
        self.laid.pages.push(Page::default());
        self.y = self.frame.top;
    }

    pub(super) fn at_top(&self) -> bool {
        (self.y - self.frame.top).abs() < 0.01
    }

    pub(super) fn room(&self) -> f32 {
        self.frame.content_bottom() - self.y
    }

    /// Starts a new page unless `needed` points still fit (or the page is still empty).
    pub(super) fn ensure(&mut self, needed: f32) {
        if needed > self.room() && !self.at_top() {
            self.new_page();
        }
    }

    /// Vertical space that disappears at the top of a page.
    pub(super) fn space(&mut self, points: f32) {
        if !self.at_top() {
            self.y += points;
        }
    }

    pub(super) fn push(&mut self, item: Item) {
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
pub(super) fn foreign(cursor: &mut Cursor<'_>, source: usize, pages: usize, caption: &str) {
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
pub(super) fn lead_height(block: Option<&Block>, measure: &dyn Measure, frame: &Frame) -> f32 {
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

//! Placing one block (heading, paragraph, list entry, box, rule, …) at the cursor, and a
//! paragraph's lines with the widow/orphan rule.

use super::*;

pub(super) fn place(cursor: &mut Cursor<'_>, block: &Block, next: Option<&Block>) {
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
pub(super) fn emit_line(cursor: &mut Cursor<'_>, line: &Line, x: f32, baseline: f32, size: f32, ink: Ink) {
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

pub(super) fn paragraph(
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

//! Tables: column widths from their shares, row heights, rows that never split, and the header
//! row repeated on every page.

use super::*;

pub(super) fn column_widths(columns: &[Column], total: f32) -> Vec<f32> {
    let sum: f32 = columns.iter().map(|c| c.share).sum::<f32>().max(0.0001);
    columns.iter().map(|c| total * c.share / sum).collect()
}

pub(super) fn row_height(
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

pub(super) fn table(
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

pub(super) fn table_row(
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

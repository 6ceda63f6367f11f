//! The CSV table between reading and mapping: header names and rectangular rows, each row's cells
//! stored compactly so a large file is held about once, not ten times, in memory.

use super::Encoding;

/// A parsed CSV file before mapping: header names and records (all strings, already decoded).
///
/// The table is rectangular: every row has exactly `headers.len()` cells. Short rows are padded
/// with empty cells; if a row is longer than the header, headers "Spalte 12" … are added.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Table {
    pub encoding: Encoding,
    pub delimiter: char,
    pub headers: Vec<String>,
    pub rows: Vec<TableRow>,
}

/// One record of a [`Table`].
#[derive(Debug, Clone, serde::Serialize)]
pub struct TableRow {
    /// 1-based line number in the file where this record starts (header = line 1), for messages
    /// like "Zeile 14: …". A field with an embedded line break makes the next record start later.
    pub line: usize,
    pub cells: Cells,
}

/// The cells of one row, stored compactly: all text in one allocation plus where each cell ends.
///
/// Why not `Vec<String>`: an Outlook export has about 90 columns, mostly empty, and every
/// `String` costs 24 bytes even when empty, so a large file cost ten times its size in memory
/// (the issue measured 1.5 GB for 50 MB). Here an empty cell costs 4 bytes.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Cells {
    text: Box<str>,
    /// Byte offset in `text` where each cell ends; cell `i` starts where cell `i - 1` ends.
    ends: Box<[u32]>,
}

impl Cells {
    /// Builds the cells from their values, padded with empty cells to `width`.
    pub fn new<'a>(values: impl IntoIterator<Item = &'a str>, width: usize) -> Cells {
        let mut text = String::new();
        let mut ends = Vec::with_capacity(width);
        for value in values {
            text.push_str(value);
            // Files are far below 4 GB (MAX_FILE_BYTES), so a row's length fits.
            ends.push(u32::try_from(text.len()).unwrap_or(u32::MAX));
        }
        let end = ends.last().copied().unwrap_or(0);
        ends.resize(ends.len().max(width), end);
        Cells {
            text: text.into_boxed_str(),
            ends: ends.into_boxed_slice(),
        }
    }

    /// Pads the row with empty cells to `width` (rows shorter than the widest one).
    pub(crate) fn pad(&mut self, width: usize) {
        if self.ends.len() < width {
            let end = self.ends.last().copied().unwrap_or(0);
            let mut ends = std::mem::take(&mut self.ends).into_vec();
            ends.resize(width, end);
            self.ends = ends.into_boxed_slice();
        }
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Cell `i`, `None` beyond the row.
    pub fn get(&self, i: usize) -> Option<&str> {
        let end = usize::try_from(*self.ends.get(i)?).ok()?;
        let start = match i.checked_sub(1) {
            Some(prev) => usize::try_from(*self.ends.get(prev)?).ok()?,
            None => 0,
        };
        self.text.get(start..end)
    }

    pub fn iter(&self) -> impl Iterator<Item = &str> {
        (0..self.len()).map(|i| self.get(i).unwrap_or_default())
    }
}

impl std::ops::Index<usize> for Cells {
    type Output = str;

    /// Like a slice: panics beyond the row (tests); the parsers use [`Cells::get`].
    fn index(&self, i: usize) -> &str {
        match self.get(i) {
            Some(cell) => cell,
            None => panic!("cell {i} of {}", self.len()),
        }
    }
}

impl std::fmt::Debug for Cells {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl serde::Serialize for Cells {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

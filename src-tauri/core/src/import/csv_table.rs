//! Reading a CSV file into a rectangular [`Table`]: encoding and delimiter detection, Excel's
//! `sep=;` hint line, quoted fields with line breaks, ragged rows and empty rows.

use std::borrow::Cow;

use super::decode::decode_text;
use super::{Cells, ParseError, Table, TableRow, check_text, starts_with_vcard};

const MSG_HEADER_ONLY: &str = "Die Datei enthält nur die Kopfzeile, aber keine Kontakte.";
const MSG_IS_VCARD: &str = "Die Datei ist eine vCard-Datei, keine CSV-Datei.";

/// The delimiters we recognise, in the order that wins a tie (German Excel writes `;`).
const DELIMITERS: [char; 3] = [';', ',', '\t'];

/// Reads a CSV file: decodes it (see [`super::decode()`]; Excel's „Unicode-Text“ is UTF-16 with
/// tabs), picks the delimiter among `;`, `,` and tab by
/// counting them outside quotes in the header line, and reads all records. The first non-empty
/// record is the header; fully empty rows are skipped; rows may have more or fewer cells than the
/// header (the table is padded to a rectangle).
pub fn read_table(bytes: &[u8]) -> Result<Table, ParseError> {
    check_text(bytes)?;
    if starts_with_vcard(bytes) {
        return Err(ParseError::new(MSG_IS_VCARD));
    }
    let (mut text, encoding) = decode_text(bytes);
    // Old Mac line endings: only CR. The csv reader copes, but would count everything as line 1.
    if text.contains('\r') && !text.contains('\n') {
        text = Cow::Owned(text.replace('\r', "\n"));
    }

    let (body, hinted, line_offset) = split_sep_hint(&text);
    let delimiter = hinted.unwrap_or_else(|| detect_delimiter(body));
    let delimiter_byte = u8::try_from(delimiter).unwrap_or(b',');

    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter_byte)
        .from_reader(body.as_bytes());

    let mut lines = LineCounter::new(body, line_offset);
    let mut headers: Option<Vec<String>> = None;
    let mut rows = Vec::new();
    // One record buffer for the whole file; each row is then stored compactly (see `Cells`).
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                let line = e.position().map_or(0, |p| lines.line_at(p.byte()));
                return Err(ParseError::new(format!(
                    "Die CSV-Datei kann ab Zeile {line} nicht gelesen werden."
                )));
            }
        }
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        if headers.is_none() {
            headers = Some(record.iter().map(str::to_owned).collect());
            continue;
        }
        let line = record.position().map_or(0, |p| lines.line_at(p.byte()));
        rows.push(TableRow {
            line,
            cells: Cells::new(record.iter(), 0),
        });
    }

    let Some(headers) = headers else {
        return Err(ParseError::new(super::file::MSG_EMPTY));
    };
    if rows.is_empty() {
        return Err(ParseError::new(MSG_HEADER_ONLY));
    }
    rows.shrink_to_fit();

    let width = rows
        .iter()
        .map(|r| r.cells.len())
        .chain([headers.len()])
        .max()
        .unwrap_or(0);
    let headers: Vec<String> = (0..width)
        .map(|i| {
            let name = headers
                .get(i)
                .map_or("", |h| h.trim().trim_start_matches('\u{FEFF}').trim());
            if name.is_empty() {
                format!("Spalte {}", i + 1)
            } else {
                name.to_owned()
            }
        })
        .collect();
    for row in &mut rows {
        row.cells.pad(width);
    }
    Ok(Table {
        encoding,
        delimiter,
        headers,
        rows,
    })
}

/// Turns the byte offset where the csv reader says a record starts into a 1-based line number.
/// (The reader's own line count is one short after CRLF: it reports the record as starting at the
/// line feed that ends the previous one.) Offsets only grow, so counting is incremental.
struct LineCounter<'a> {
    text: &'a [u8],
    offset: usize,
    line: usize,
}

impl<'a> LineCounter<'a> {
    fn new(text: &'a str, skipped_lines: usize) -> Self {
        LineCounter {
            text: text.as_bytes(),
            offset: 0,
            line: 1 + skipped_lines,
        }
    }

    fn line_at(&mut self, byte: u64) -> usize {
        let mut target = usize::try_from(byte).unwrap_or(usize::MAX).min(self.text.len());
        // A record never starts with a line break (the reader skips empty lines): step over the
        // terminator of the previous record.
        while let Some(b'\r' | b'\n') = self.text.get(target) {
            target += 1;
        }
        if target > self.offset {
            let passed = self.text.get(self.offset..target).unwrap_or_default();
            self.line += passed.iter().filter(|&&b| b == b'\n').count();
            self.offset = target;
        }
        self.line
    }
}

/// Excel understands a first line `sep=;` naming the delimiter. Returns the text after that
/// line, the delimiter and how many lines were skipped.
fn split_sep_hint(text: &str) -> (&str, Option<char>, usize) {
    let (first, rest) = text.split_once('\n').unwrap_or((text, ""));
    let first = first.trim_end_matches('\r').trim();
    let hint = first
        .get(..4)
        .filter(|head| head.eq_ignore_ascii_case("sep="))
        .and_then(|_| first.get(4..))
        .and_then(|sep| {
            let mut chars = sep.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) if c.is_ascii() && c != '"' && c != '\n' && c != '\r' => Some(c),
                _ => None,
            }
        });
    match hint {
        Some(c) => (rest, Some(c), 1),
        None => (text, None, 0),
    }
}

/// Counts the candidate delimiters outside quotes in the header line (the first non-empty line);
/// if it has none (a single column), in the first lines of the file. The most frequent wins.
fn detect_delimiter(text: &str) -> char {
    let header = count_delimiters(text, 1);
    let counts = if header.iter().all(|&n| n == 0) {
        count_delimiters(text, 20)
    } else {
        header
    };
    let mut best = DELIMITERS[0];
    let mut best_count = 0;
    for (delimiter, count) in DELIMITERS.into_iter().zip(counts) {
        if count > best_count {
            best = delimiter;
            best_count = count;
        }
    }
    if best_count == 0 { ',' } else { best }
}

/// Counts `;`, `,` and tab outside double quotes in the first `max_lines` non-empty lines.
fn count_delimiters(text: &str, max_lines: usize) -> [usize; 3] {
    let mut counts = [0usize; 3];
    let mut in_quotes = false;
    let mut lines = 0;
    let mut line_has_content = false;
    for c in text.chars() {
        match c {
            '"' => {
                in_quotes = !in_quotes;
                line_has_content = true;
            }
            '\n' | '\r' if !in_quotes => {
                if line_has_content {
                    lines += 1;
                    if lines >= max_lines {
                        break;
                    }
                }
                line_has_content = false;
            }
            _ if in_quotes => {}
            _ => {
                if let Some(i) = DELIMITERS.iter().position(|&d| d == c)
                    && let Some(n) = counts.get_mut(i)
                {
                    *n += 1;
                }
                if !c.is_whitespace() || c == '\t' {
                    line_has_content = true;
                }
            }
        }
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delimiter_is_counted_outside_quotes() {
        assert_eq!(detect_delimiter("\"a,b\";\"c,d\"\n1;2"), ';');
        assert_eq!(detect_delimiter("a,b,c\n"), ',');
        assert_eq!(detect_delimiter("a\tb\tc"), '\t');
        assert_eq!(detect_delimiter("\n\nName;Ort"), ';');
        assert_eq!(detect_delimiter("E-Mail\na@b.example;x"), ';');
        assert_eq!(detect_delimiter("E-Mail\na@b.example"), ',');
    }

    #[test]
    fn sep_hint_line() {
        assert_eq!(split_sep_hint("sep=;\r\na;b"), ("a;b", Some(';'), 1));
        assert_eq!(split_sep_hint("SEP=,\na,b"), ("a,b", Some(','), 1));
        assert_eq!(split_sep_hint("Anrede;Name"), ("Anrede;Name", None, 0));
        assert_eq!(split_sep_hint("sep=ab\nx"), ("sep=ab\nx", None, 0));
    }
}

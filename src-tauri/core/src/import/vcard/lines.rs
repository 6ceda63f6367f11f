//! From vCard bytes to logical lines: physical lines (CRLF, LF or CR) are joined where a line is
//! folded (RFC 6350 §3.2: a line break followed by space or tab) or where a quoted-printable value
//! has a soft line break (vCard 2.1: `=` at the end of the line). Also the quote-aware splitting
//! the property parser needs, because parameter values may hold `:` and `;` inside quotes.

/// Splits into physical lines (CRLF, LF or CR) and joins them into logical lines: a line starting
/// with space or tab continues the previous one (without that character); a quoted-printable
/// value ending in `=` continues on the next line whatever it starts with.
pub(super) fn logical_lines(bytes: &[u8]) -> Vec<Vec<u8>> {
    let mut lines: Vec<Vec<u8>> = Vec::new();
    let mut qp_continues = false;
    for physical in physical_lines(bytes) {
        if qp_continues
            && !physical.trim_ascii().eq_ignore_ascii_case(b"END:VCARD")
            && let Some(last) = lines.last_mut()
        {
            // Keep the soft break for the quoted-printable decoder, which removes "=\r\n".
            last.extend_from_slice(b"\r\n");
            last.extend_from_slice(physical);
            qp_continues = physical.ends_with(b"=");
            continue;
        }
        match (physical.split_first(), lines.last_mut()) {
            (Some((b' ' | b'\t', rest)), Some(last)) => last.extend_from_slice(rest),
            _ if physical.trim_ascii().is_empty() => {}
            _ => lines.push(physical.to_vec()),
        }
        qp_continues = lines
            .last()
            .is_some_and(|l| l.ends_with(b"=") && is_quoted_printable(l));
    }
    lines
}

fn physical_lines(bytes: &[u8]) -> impl Iterator<Item = &[u8]> {
    let mut rest = bytes;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let end = rest
            .iter()
            .position(|&b| b == b'\n' || b == b'\r')
            .unwrap_or(rest.len());
        let line = rest.get(..end).unwrap_or_default();
        let skip = match (rest.get(end), rest.get(end + 1)) {
            (Some(b'\r'), Some(b'\n')) => 2,
            (Some(_), _) => 1,
            (None, _) => 0,
        };
        rest = rest.get(end + skip..).unwrap_or_default();
        Some(line)
    })
}

/// Whether the parameters of a (logical) line say `QUOTED-PRINTABLE`.
fn is_quoted_printable(line: &[u8]) -> bool {
    let head = line
        .get(..find_outside_quotes(line, b':').unwrap_or(line.len()))
        .unwrap_or_default();
    head.windows(16)
        .any(|w| w.eq_ignore_ascii_case(b"QUOTED-PRINTABLE"))
}

/// The first position of `needle` that is not inside double quotes.
pub(super) fn find_outside_quotes(bytes: &[u8], needle: u8) -> Option<usize> {
    let mut in_quotes = false;
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'"' {
            in_quotes = !in_quotes;
        } else if b == needle && !in_quotes {
            return Some(i);
        }
    }
    None
}

/// Splits bytes at every `sep` outside double quotes.
pub(super) fn split_outside_quotes(bytes: &[u8], sep: u8) -> Vec<&[u8]> {
    let mut parts = Vec::new();
    let mut rest = bytes;
    while let Some(i) = find_outside_quotes(rest, sep) {
        parts.push(rest.get(..i).unwrap_or_default());
        rest = rest.get(i + 1..).unwrap_or_default();
    }
    parts.push(rest);
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unfolding_and_soft_breaks() {
        let lines =
            logical_lines(b"NOTE:a\r\n b\r\n\tc\r\nX;ENCODING=QUOTED-PRINTABLE:x=\r\n y=\r\nz\r\nEND:VCARD");
        assert_eq!(
            lines,
            vec![
                b"NOTE:abc".to_vec(),
                b"X;ENCODING=QUOTED-PRINTABLE:x=\r\n y=\r\nz".to_vec(),
                b"END:VCARD".to_vec()
            ]
        );
    }
}

//! Turning file bytes into text: the encoding guess for whole files (UTF-8 with or without BOM,
//! otherwise Windows-1252) and the per-value decoding vCards need (quoted-printable, `CHARSET=`).

use super::Encoding;

/// Decodes a whole file: a UTF-8 byte-order mark means UTF-8 (the mark is removed), valid UTF-8
/// is UTF-8, anything else is read as Windows-1252 (what German Excel and Outlook write as "ANSI").
/// Never fails: Windows-1252 maps every byte to some character.
pub fn decode(bytes: &[u8]) -> (String, Encoding) {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        let (text, _) = encoding_rs::UTF_8.decode_without_bom_handling(rest);
        return (text.into_owned(), Encoding::Utf8Bom);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_owned(), Encoding::Utf8),
        Err(_) => (windows_1252(bytes), Encoding::Windows1252),
    }
}

fn windows_1252(bytes: &[u8]) -> String {
    let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
    text.into_owned()
}

/// Decodes one value whose charset a vCard names (`CHARSET=Windows-1252`); without a (known)
/// charset the value is UTF-8 if it is valid UTF-8 and Windows-1252 otherwise.
pub(crate) fn decode_charset(bytes: &[u8], charset: Option<&str>) -> String {
    let named = charset.and_then(|label| encoding_rs::Encoding::for_label(label.trim().as_bytes()));
    match named {
        // Latin-1 labels map to Windows-1252 in encoding_rs, as browsers do. A value declared as
        // UTF-8 that is not (a common mistake) falls through to the guess below.
        Some(encoding) if encoding != encoding_rs::UTF_8 || std::str::from_utf8(bytes).is_ok() => {
            let (text, _) = encoding.decode_without_bom_handling(bytes);
            text.into_owned()
        }
        _ => match std::str::from_utf8(bytes) {
            Ok(text) => text.to_owned(),
            Err(_) => windows_1252(bytes),
        },
    }
}

/// Decodes quoted-printable (RFC 2045): `=XX` is a byte, `=` at the end of a line is a soft line
/// break. Malformed sequences are kept as they are.
pub(crate) fn quoted_printable(input: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(input.len());
    let mut i = 0;
    while let Some(&b) = input.get(i) {
        if b != b'=' {
            out.push(b);
            i += 1;
            continue;
        }
        let next = input.get(i + 1).copied();
        let after = input.get(i + 2).copied();
        match (next, after) {
            (Some(b'\r'), Some(b'\n')) => i += 3,
            (Some(b'\n'), _) | (Some(b'\r'), _) => i += 2,
            (Some(h), Some(l)) => match (hex(h), hex(l)) {
                (Some(h), Some(l)) => {
                    out.push((h << 4) | l);
                    i += 3;
                }
                _ => {
                    out.push(b'=');
                    i += 1;
                }
            },
            // A lone "=" at the very end: a soft break with nothing after it.
            (None, _) => i += 1,
            (Some(_), None) => {
                out.push(b'=');
                i += 1;
            }
        }
    }
    out
}

fn hex(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_printable_decodes_bytes_and_soft_breaks() {
        assert_eq!(quoted_printable(b"M=FCller"), b"M\xFCller");
        assert_eq!(quoted_printable(b"a=\r\nb"), b"ab");
        assert_eq!(quoted_printable(b"a=0D=0Ab"), b"a\r\nb");
        assert_eq!(quoted_printable(b"50=%"), b"50=%");
        assert_eq!(quoted_printable(b"x=4"), b"x=4");
        assert_eq!(quoted_printable(b"end="), b"end");
    }

    #[test]
    fn charset_labels() {
        assert_eq!(decode_charset(b"Wei\xDF", Some("Windows-1252")), "Weiß");
        assert_eq!(decode_charset(b"Wei\xDF", Some("ISO-8859-1")), "Weiß");
        assert_eq!(decode_charset("Weiß".as_bytes(), Some("UTF-8")), "Weiß");
        assert_eq!(decode_charset("Weiß".as_bytes(), None), "Weiß");
        assert_eq!(decode_charset(b"Wei\xDF", None), "Weiß");
        assert_eq!(decode_charset(b"Wei\xDF", Some("no-such-charset")), "Weiß");
        assert_eq!(decode_charset(b"Wei\xDF", Some("UTF-8")), "Weiß");
    }
}

//! Turning file bytes into text: the encoding guess for whole files (UTF-16 with BOM, UTF-8 with
//! or without BOM, otherwise Windows-1252) and the per-value decoding vCards need
//! (quoted-printable, `CHARSET=`).
//!
//! The guess never turns a UTF-8 file into Windows-1252 mojibake because of a few broken bytes:
//! such a file is read as UTF-8 with U+FFFD in place of each broken sequence, and the import
//! names the rows that contain one (see `super::warn_replacement`).

use std::borrow::Cow;

use super::Encoding;

/// Decodes a whole file: a byte-order mark decides (UTF-16 LE/BE as Excel's „Unicode-Text“
/// writes it, or UTF-8; the mark is removed); valid UTF-8 is UTF-8; text that is UTF-8 apart from
/// a few broken bytes is UTF-8 with U+FFFD for them; anything else is Windows-1252 (what German
/// Excel and Outlook write as "ANSI"). NUL characters are removed. Never fails.
pub fn decode(bytes: &[u8]) -> (String, Encoding) {
    let (text, encoding) = decode_text(bytes);
    (text.into_owned(), encoding)
}

/// [`decode`] without the copy: a valid UTF-8 file (the usual case) is borrowed, so a large file
/// is not held twice while it is parsed.
pub(crate) fn decode_text(bytes: &[u8]) -> (Cow<'_, str>, Encoding) {
    let (text, encoding) = if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        (utf16(rest, encoding_rs::UTF_16LE), Encoding::Utf16Le)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        (utf16(rest, encoding_rs::UTF_16BE), Encoding::Utf16Be)
    } else if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        (String::from_utf8_lossy(rest), Encoding::Utf8Bom)
    } else {
        match utf8_or_windows_1252(bytes) {
            (text, true) => (text, Encoding::Utf8),
            (text, false) => (text, Encoding::Windows1252),
        }
    };
    (strip_nul(text), encoding)
}

fn utf16(bytes: &[u8], encoding: &'static encoding_rs::Encoding) -> Cow<'static, str> {
    // Unpaired surrogates and an odd last byte become U+FFFD.
    Cow::Owned(encoding.decode_without_bom_handling(bytes).0.into_owned())
}

/// NUL never belongs in a contact (and SQLite and the webview treat it differently); a file with
/// a stray NUL deep inside is otherwise fine, so the character is dropped rather than the file.
pub(crate) fn strip_nul(text: Cow<'_, str>) -> Cow<'_, str> {
    if text.contains('\0') {
        Cow::Owned(text.replace('\0', ""))
    } else {
        text
    }
}

/// Text from 8-bit bytes and whether it was read as UTF-8 (see [`mostly_utf8`]).
fn utf8_or_windows_1252(bytes: &[u8]) -> (Cow<'_, str>, bool) {
    match std::str::from_utf8(bytes) {
        Ok(text) => (Cow::Borrowed(text), true),
        Err(_) if mostly_utf8(bytes) => (String::from_utf8_lossy(bytes), true),
        Err(_) => (Cow::Owned(windows_1252(bytes)), false),
    }
}

/// Whether bytes that are not valid UTF-8 are still UTF-8 with a few broken bytes: they hold at
/// least as many valid multi-byte characters as broken sequences (and at least one). Windows-1252 text practically never forms
/// a valid multi-byte sequence (an umlaut byte is followed by an ASCII letter, not by a byte of
/// 0x80–0xBF), so its umlauts all count as broken and it stays Windows-1252.
pub(crate) fn mostly_utf8(bytes: &[u8]) -> bool {
    let mut multibyte = 0usize;
    let mut broken = 0usize;
    for chunk in bytes.utf8_chunks() {
        multibyte += chunk.valid().bytes().filter(|&b| b >= 0xC0).count();
        if !chunk.invalid().is_empty() {
            broken += 1;
        }
    }
    multibyte > 0 && broken <= multibyte
}

fn windows_1252(bytes: &[u8]) -> String {
    let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
    text.into_owned()
}

/// Decodes one value whose charset a vCard names (`CHARSET=Windows-1252`); without a (known)
/// charset the value is UTF-8 if it is (mostly) valid UTF-8 and Windows-1252 otherwise.
pub(crate) fn decode_charset(bytes: &[u8], charset: Option<&str>) -> String {
    let named = charset.and_then(|label| encoding_rs::Encoding::for_label(label.trim().as_bytes()));
    match named {
        // Latin-1 labels map to Windows-1252 in encoding_rs, as browsers do. A value declared as
        // UTF-8 that is not (a common mistake) falls through to the guess below.
        Some(encoding) if encoding != encoding_rs::UTF_8 || std::str::from_utf8(bytes).is_ok() => {
            let (text, _) = encoding.decode_without_bom_handling(bytes);
            text.into_owned()
        }
        _ => utf8_or_windows_1252(bytes).0.into_owned(),
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

//! One vCard content line, `[group.]NAME[;param…]:value`: its parameters (TYPE, PREF, ENCODING,
//! CHARSET, vCard 2.1's bare ones), its value decoded to text (quoted-printable, charset), and
//! the text-level escapes of RFC 6350 (`\,` `\;` `\n`) and RFC 6868 (`^n` `^'`).

use super::super::decode::{decode_charset, quoted_printable};
use super::lines::{find_outside_quotes, split_outside_quotes};

/// One content line: `[group.]NAME[;param…]:value`.
#[derive(Debug, Default)]
pub(super) struct Property {
    /// Upper case, without group.
    pub(super) name: String,
    /// Lower case values of TYPE= and of bare 2.1 parameters (`TEL;WORK;VOICE`).
    types: Vec<String>,
    /// 1 for `PREF`, `TYPE=pref` and `PREF=1`; the number of `PREF=n`.
    pub(super) pref: Option<u32>,
    /// Upper case, e.g. `QUOTED-PRINTABLE`, `BASE64`.
    encoding: Option<String>,
    charset: Option<String>,
    pub(super) raw_value: Vec<u8>,
}

impl Property {
    pub(super) fn parse(line: &[u8]) -> Option<Property> {
        let colon = find_outside_quotes(line, b':')?;
        let head = line.get(..colon)?;
        let raw_value = line.get(colon + 1..)?.to_vec();
        let mut parts = split_outside_quotes(head, b';').into_iter();
        let name = String::from_utf8_lossy(parts.next()?).trim().to_ascii_uppercase();
        let name = name.rsplit('.').next().unwrap_or_default().to_owned();
        let mut property = Property {
            name,
            raw_value,
            ..Property::default()
        };
        for param in parts {
            let param = String::from_utf8_lossy(param);
            match param.split_once('=') {
                Some((key, values)) => property.add_param(&key.trim().to_ascii_uppercase(), values),
                None => property.add_bare_param(param.trim()),
            }
        }
        Some(property)
    }

    fn add_param(&mut self, key: &str, values: &str) {
        let values = param_values(values);
        match key {
            "TYPE" => {
                for value in values {
                    self.add_type(value.to_lowercase());
                }
            }
            "PREF" => {
                let rank = values
                    .first()
                    .and_then(|v| v.trim().parse::<u32>().ok())
                    .unwrap_or(1);
                self.set_pref(rank);
            }
            "ENCODING" => self.encoding = values.first().map(|v| v.to_ascii_uppercase()),
            "CHARSET" => self.charset = values.into_iter().next(),
            _ => {}
        }
    }

    /// vCard 2.1 parameters without a name: an encoding or a type.
    fn add_bare_param(&mut self, value: &str) {
        let upper = value.to_ascii_uppercase();
        match upper.as_str() {
            "" => {}
            "QUOTED-PRINTABLE" | "BASE64" | "B" | "8BIT" | "7BIT" => self.encoding = Some(upper),
            _ => self.add_type(value.to_lowercase()),
        }
    }

    fn add_type(&mut self, value: String) {
        if value == "pref" {
            self.set_pref(1);
        } else if !value.is_empty() {
            self.types.push(value);
        }
    }

    fn set_pref(&mut self, rank: u32) {
        self.pref = Some(self.pref.map_or(rank, |old| old.min(rank)));
    }

    pub(super) fn has_type(&self, wanted: &str) -> bool {
        self.types.iter().any(|t| t == wanted)
    }

    /// The value as text: quoted-printable decoded, charset applied; escapes are still in.
    /// Binary (base64) values give an empty string: none of the properties we read is binary.
    pub(super) fn text(&self) -> String {
        let bytes = match self.encoding.as_deref() {
            Some("QUOTED-PRINTABLE") => quoted_printable(&self.raw_value),
            Some("BASE64" | "B") => return String::new(),
            _ => self.raw_value.clone(),
        };
        decode_charset(&bytes, self.charset.as_deref())
    }

    /// The components of a structured value (N, ORG, ADR), escapes still in.
    pub(super) fn components(&self) -> Vec<String> {
        split_unescaped(&self.text(), ';')
    }
}

/// Parameter values: comma-separated outside quotes, quotes removed, RFC 6868 `^` escapes undone.
/// A quoted value holding a list (`TYPE="work,voice"`) is split, too.
fn param_values(raw: &str) -> Vec<String> {
    raw.split(',')
        .map(|v| caret_unescape(v.trim().trim_matches('"').trim()))
        .filter(|v| !v.is_empty())
        .collect()
}

fn caret_unescape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c != '^' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('\'') => out.push('"'),
            Some('^') => out.push('^'),
            Some(other) => {
                out.push('^');
                out.push(other);
            }
            None => out.push('^'),
        }
    }
    out
}

/// Splits at `sep` unless it is escaped with a backslash; escapes stay in the parts.
pub(super) fn split_unescaped(text: &str, sep: char) -> Vec<String> {
    let mut parts = Vec::new();
    let mut current = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            current.push(c);
            if let Some(next) = chars.next() {
                current.push(next);
            }
        } else if c == sep {
            parts.push(std::mem::take(&mut current));
        } else {
            current.push(c);
        }
    }
    parts.push(current);
    parts
}

/// Undoes text escapes: `\n` (or `\N`) is a line break, `\,` `\;` `\\` `\:` the character itself.
/// Any other backslash is kept (vCard 2.1 has no escapes beyond `\;`, so "C:\Daten" stays intact).
pub(super) fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.peek().copied() {
            Some('n' | 'N') => {
                out.push('\n');
                chars.next();
            }
            Some(escaped @ (',' | ';' | '\\' | ':')) => {
                out.push(escaped);
                chars.next();
            }
            _ => out.push('\\'),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn params_are_parsed() {
        let p = Property::parse(b"item1.TEL;type=WORK;TYPE=\"voice,cell\";PREF=2:tel:123").unwrap();
        assert_eq!(p.name, "TEL");
        assert_eq!(p.types, vec!["work", "voice", "cell"]);
        assert_eq!(p.pref, Some(2));
        let p = Property::parse(b"EMAIL;PREF;INTERNET:a@b").unwrap();
        assert_eq!((p.types.clone(), p.pref), (vec!["internet".to_owned()], Some(1)));
        let p = Property::parse(b"X-A;LABEL=\"a:b;c\":v").unwrap();
        assert_eq!(p.raw_value, b"v");
    }

    #[test]
    fn escapes() {
        assert_eq!(unescape(r"a\, b\; c\nd\\e\x"), "a, b; c\nd\\e\\x");
        assert_eq!(split_unescaped(r"a\;b;c", ';'), vec![r"a\;b", "c"]);
        assert_eq!(caret_unescape("a^'b^'^n^^"), "a\"b\"\n^");
    }
}

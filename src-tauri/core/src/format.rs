//! German formatting for people: 24.11.2026, 14:30 Uhr, "3.431 Kontakte", "1 Organisation".
//! Used by the CLI and every Rust message that counts something. The UI formats the same way in
//! `ui/js/format.js`; the noun forms reach it through the `ui_labels` command, so each word's
//! singular and plural are written down only here.

use chrono::{DateTime, Local, NaiveDate, TimeZone};
use serde::Serialize;

/// The things messages count. Each has its German singular and plural (nominative, as a count
/// reads: "1 Kontakt", "2 Kontakte"). Add a noun here, never a `n == 1` check at a call site.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Noun {
    Kontakt,
    Organisation,
    Zeile,
    Karte,
    Angabe,
    Adresse,
    Empfaenger,
    Eintrag,
    Gruppe,
    Fehler,
    Treffer,
    Zeichen,
    Kreis,
}

impl Noun {
    pub const ALL: [Noun; 13] = [
        Noun::Kontakt,
        Noun::Organisation,
        Noun::Zeile,
        Noun::Karte,
        Noun::Angabe,
        Noun::Adresse,
        Noun::Empfaenger,
        Noun::Eintrag,
        Noun::Gruppe,
        Noun::Fehler,
        Noun::Treffer,
        Noun::Zeichen,
        Noun::Kreis,
    ];

    /// (singular, plural)
    pub fn forms(self) -> (&'static str, &'static str) {
        match self {
            Noun::Kontakt => ("Kontakt", "Kontakte"),
            Noun::Organisation => ("Organisation", "Organisationen"),
            Noun::Zeile => ("Zeile", "Zeilen"),
            Noun::Karte => ("Karte", "Karten"),
            Noun::Angabe => ("Angabe", "Angaben"),
            Noun::Adresse => ("Adresse", "Adressen"),
            Noun::Empfaenger => ("Empfänger", "Empfänger"),
            Noun::Eintrag => ("Eintrag", "Einträge"),
            Noun::Gruppe => ("Gruppe", "Gruppen"),
            Noun::Fehler => ("Fehler", "Fehler"),
            Noun::Treffer => ("Treffer", "Treffer"),
            Noun::Zeichen => ("Zeichen", "Zeichen"),
            Noun::Kreis => ("Kreis", "Kreise"),
        }
    }

    /// The form that goes with `n` (German: singular only for exactly one).
    pub fn for_count(self, n: impl CountValue) -> &'static str {
        let (one, many) = self.forms();
        if n.as_i128() == 1 { one } else { many }
    }
}

/// Any integer a count can come in (`usize` has no `Into<i128>`, so this small trait).
pub trait CountValue: Copy {
    fn as_i128(self) -> i128;
}

macro_rules! count_value {
    ($($t:ty),*) => {$(
        impl CountValue for $t {
            fn as_i128(self) -> i128 {
                // Lossless: every listed type fits into i128.
                self as i128
            }
        }
    )*};
}
count_value!(u8, u16, u32, u64, usize, i8, i16, i32, i64, isize);

/// 3431 → "3.431", 1234567 → "1.234.567", -1200 → "-1.200" (German thousands separator).
pub fn number(n: impl CountValue) -> String {
    let n = n.as_i128();
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(digit);
    }
    out
}

/// 3431, Kontakt → "3.431 Kontakte"; 1, Organisation → "1 Organisation"; 0 → "0 Kontakte".
pub fn count(n: impl CountValue, noun: Noun) -> String {
    format!("{} {}", number(n), noun.for_count(n))
}

/// 24.11.2026
pub fn date_de(date: NaiveDate) -> String {
    date.format("%d.%m.%Y").to_string()
}

/// 24.11.2026, 14:30 Uhr (in the computer's local time zone)
pub fn datetime_de<Tz: TimeZone>(at: &DateTime<Tz>) -> String {
    at.with_timezone(&Local).format("%d.%m.%Y, %H:%M Uhr").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::FixedOffset;

    #[test]
    fn counts_have_the_right_plural_and_separators() {
        assert_eq!(count(3431u32, Noun::Kontakt), "3.431 Kontakte");
        assert_eq!(count(1u8, Noun::Organisation), "1 Organisation");
        assert_eq!(count(0usize, Noun::Kontakt), "0 Kontakte");
        assert_eq!(count(2i64, Noun::Eintrag), "2 Einträge");
        assert_eq!(count(1i64, Noun::Eintrag), "1 Eintrag");
        assert_eq!(count(1_000_000u64, Noun::Zeile), "1.000.000 Zeilen");
        assert_eq!(count(1usize, Noun::Empfaenger), "1 Empfänger");
        assert_eq!(count(-1i32, Noun::Kontakt), "-1 Kontakte");
        assert_eq!(number(999), "999");
        assert_eq!(number(1000), "1.000");
        assert_eq!(number(-1200), "-1.200");
        assert_eq!(number(i64::MIN), "-9.223.372.036.854.775.808");
        assert_eq!(number(u64::MAX), "18.446.744.073.709.551.615");
    }

    #[test]
    fn every_noun_is_listed_once() {
        for noun in Noun::ALL {
            let (one, many) = noun.forms();
            assert!(!one.is_empty() && !many.is_empty());
            assert_eq!(Noun::ALL.iter().filter(|n| **n == noun).count(), 1);
        }
    }

    #[test]
    fn german_dates() {
        assert_eq!(
            date_de(NaiveDate::from_ymd_opt(2026, 11, 4).unwrap()),
            "04.11.2026"
        );
        let at = FixedOffset::east_opt(0)
            .unwrap()
            .with_ymd_and_hms(2026, 11, 24, 14, 30, 0)
            .unwrap();
        let s = datetime_de(&at);
        assert!(s.ends_with(" Uhr") && s.contains(".2026, "), "{s}");
    }
}

//! How long a stored text may be. Without caps one 10 MB name from a file made the window take
//! 105 s to appear; with them every record stays small enough to list, search and print. The caps
//! are generous for real data (the longest Landratsamt name is far below 200 characters) and are
//! applied by the same validation for forms and imports, with a German message naming the field.

use crate::error::FieldError;
use crate::format::{Noun, count, number};

/// Names, titles, functions, organisation names, street and city.
pub const NAME: usize = 200;
/// A salutation ("Frau", "Herr", "Frau Dr.").
pub const SALUTATION: usize = 50;
/// Postal codes (German ones have 5 digits; foreign ones a few more).
pub const POSTAL_CODE: usize = 20;
/// RFC 5321 limits a forward path to 256 octets including the angle brackets.
pub const EMAIL: usize = 254;
/// A phone number with extension and a short note ("0711 123-45 Durchwahl 12").
pub const PHONE: usize = 60;
/// One group name.
pub const GROUP: usize = 100;
/// A web address.
pub const WEB: usize = 2_000;
/// Short free texts (consent source and note).
pub const SHORT_TEXT: usize = 2_000;
/// Notes: pages of text, but not a pasted book.
pub const NOTES: usize = 100_000;

/// A concept paper's body text: about 150 pages. Far beyond real papers, small enough that
/// parsing, comparing and laying out a version stays well under a second.
pub const PAPER_BODY: usize = 300_000;

/// `None` when `value` has at most `max` characters, else the error naming `field`.
pub fn check_length(field: &str, value: &str, max: usize) -> Option<FieldError> {
    // Counting chars is O(n); a byte length within the cap is a cheap early yes.
    if value.len() <= max {
        return None;
    }
    let chars = value.chars().count();
    (chars > max).then(|| {
        FieldError::new(
            field,
            format!(
                "Höchstens {} sind erlaubt, hier sind es {}. Bitte kürzen Sie den Text.",
                count(max, Noun::Zeichen),
                number(chars)
            ),
        )
    })
}

/// Longest title of a session or TOP line (a line in lists, the .ics SUMMARY, the dossier's cover).
pub const TITLE: usize = 200;
/// Longest free text of a session, its agenda or minutes (notes, discussion, a decision); a pasted
/// Word document of a few pages fits comfortably.
pub const TEXT: usize = 100_000;

/// [`check_length`] as the single-field error the session, agenda and minutes forms return (they
/// stop at the first problem instead of collecting every field's).
pub fn require_length(field: &str, value: &str, max: usize) -> crate::Result<()> {
    match check_length(field, value, max) {
        Some(problem) => Err(crate::Error::validation(problem.field, problem.message)),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_texts_name_field_and_lengths() {
        assert!(
            check_length("Nachname", &"ä".repeat(200), NAME).is_none(),
            "chars, not bytes"
        );
        let err = check_length("Nachname", &"a".repeat(10_000), NAME).unwrap();
        assert_eq!(err.field, "Nachname");
        assert_eq!(
            err.message,
            "Höchstens 200 Zeichen sind erlaubt, hier sind es 10.000. Bitte kürzen Sie den Text."
        );
    }
}

//! German hyphenation for the line breaker (issue 12): where a word may be split at a line's end
//! with a visible "-". Long compounds ("Integrationsbeauftragte", "Landeserstaufnahmeeinrichtung")
//! otherwise leave wide gaps in ragged-right text or, when wider than a narrow table column, are
//! cut at an arbitrary letter.
//!
//! The syllables come from `hypher` (typst's crate: the TeX Liang patterns for German in the
//! reformed spelling, compiled in as an automaton; only the German one is built, about 200 kB).
//! On top of the patterns this module keeps the rules a careful German typesetter keeps: only
//! words of six letters or more, at least two letters before and three after the hyphen, and
//! never URLs, e-mail addresses, file names, numbers or abbreviations in capitals.

use hypher::{Lang, hyphenate_bounded};

/// Shorter words are never hyphenated ("Kinder" may be, "Kurse" not).
const MIN_LETTERS: usize = 6;
/// Letters that stay before the hyphen ("Ab-", never "A-").
const MIN_BEFORE: usize = 2;
/// Letters that go to the next line with the rest: three, so no "-te" stands alone there.
const MIN_AFTER: usize = 3;

/// Whether the text between two spaces (`chunk`, all its parts: "Baden-Württemberg",
/// "https://…") is prose that may be hyphenated at all. Not: anything with a digit ("2026",
/// "S.12", "A4-Blatt"), web and e-mail addresses and paths ("/", "@", ":", "." between letters),
/// and other technical text ("_", "=", "#", "&", "%", "+", "~", "\").
pub(super) fn is_prose(chunk: &str) -> bool {
    if chunk.chars().any(char::is_numeric) {
        return false;
    }
    // Leading and trailing punctuation ("(Förderung),", "Maßnahmen.") belongs to the sentence.
    let inner = chunk.trim_matches(|c: char| !c.is_alphanumeric());
    !inner.contains(['.', '@', '/', '\\', ':', '_', '=', '#', '&', '%', '+', '~'])
}

/// Byte offsets into `word` where it may be split with a hyphen, ascending; empty when it must
/// stay whole. `word` is one part of prose (see [`is_prose`]) with any punctuation around it;
/// the punctuation stays attached to the first or last piece and does not count as letters.
pub(super) fn points(word: &str) -> Vec<usize> {
    let start = word.find(char::is_alphanumeric).unwrap_or(word.len());
    let letters = word[start..].trim_end_matches(|c: char| !c.is_alphanumeric());
    let mut chars = letters.chars();
    let Some(first) = chars.next() else {
        return Vec::new();
    };
    // A capital after the first letter marks an abbreviation or a name in capitals ("BAMF",
    // "NETZWERKMAPPE", "BAföG", "GmbH"); an apostrophe, a digit or a sign inside makes it
    // something else than a plain word.
    if !first.is_alphabetic()
        || !chars.all(|c| c.is_alphabetic() && !c.is_uppercase())
        || letters.chars().count() < MIN_LETTERS
    {
        return Vec::new();
    }
    let mut offset = start;
    let mut out = Vec::new();
    for syllable in hyphenate_bounded(letters, Lang::German, MIN_BEFORE, MIN_AFTER) {
        offset += syllable.len();
        out.push(offset);
    }
    // The last "syllable" ends the word: no break there.
    out.pop();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The word with "-" at every point.
    fn marked(word: &str) -> String {
        let mut out = String::new();
        let mut last = 0;
        for p in points(word) {
            out.push_str(&word[last..p]);
            out.push('-');
            last = p;
        }
        out.push_str(&word[last..]);
        out
    }

    #[test]
    fn long_compounds_split_at_syllables_with_umlauts_and_sharp_s() {
        assert_eq!(
            marked("Integrationsbeauftragte"),
            "In-te-gra-ti-ons-be-auf-tragte"
        );
        assert_eq!(
            marked("Landeserstaufnahmeeinrichtung"),
            "Lan-des-erst-auf-nah-me-ein-rich-tung"
        );
        assert_eq!(marked("Sprachförderangebote"), "Sprach-för-der-an-ge-bote");
        assert_eq!(marked("Förderung"), "För-de-rung");
        assert_eq!(marked("Maßnahmen"), "Maß-nah-men");
        // Reformed spelling: "ck" stays together.
        assert_eq!(marked("Zucker"), "Zu-cker");
    }

    #[test]
    fn short_words_and_the_last_two_letters_stay_whole() {
        assert!(points("Kurse").is_empty(), "five letters");
        assert!(points("Kiste").is_empty());
        // Three letters at least after the hyphen: never "Geflüchte-te".
        assert_eq!(marked("Geflüchtete"), "Ge-flüch-tete");
        for p in points("Geflüchtete") {
            assert!(p >= 2 && "Geflüchtete"[p..].chars().count() >= 3);
        }
    }

    #[test]
    fn punctuation_around_a_word_stays_attached_and_is_no_letter() {
        assert_eq!(
            marked("(Integrationsbeauftragte),"),
            "(In-te-gra-ti-ons-be-auf-tragte),"
        );
        assert_eq!(marked("„Maßnahmen“."), "„Maß-nah-men“.");
        // Five letters and punctuation are still five letters.
        assert!(points("(Kurse).").is_empty());
    }

    #[test]
    fn capitals_digits_and_signs_inside_are_never_hyphenated() {
        for word in [
            "NETZWERKMAPPE",
            "BAMF-Außenstelle",
            "BAföG",
            "GmbH-Anteile",
            "Sprachkurs2026",
            "Kinder’gärten",
        ] {
            assert!(points(word).is_empty(), "{word}");
        }
    }

    #[test]
    fn addresses_numbers_and_paths_are_no_prose() {
        for chunk in [
            "https://www.example.org/integration",
            "www.example.org",
            "info@netzwerk-integration.de",
            "2026",
            "S.12",
            "A4-Blatt",
            "C:\\Daten\\Mappe",
            "snake_case_name",
        ] {
            assert!(!is_prose(chunk), "{chunk}");
        }
        for chunk in [
            "Integrationsbeauftragte",
            "(Förderung),",
            "Maßnahmen.",
            "Baden-Württemberg",
            "„Sprachförderangebote“",
        ] {
            assert!(is_prose(chunk), "{chunk}");
        }
    }
}

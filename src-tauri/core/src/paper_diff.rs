//! Word-by-word comparison of two versions of a concept paper (the `similar` crate's patience
//! diff), for "Versionen vergleichen".
//!
//! What is compared is the text a reader sees: the plain text of each version's document tree
//! (`Document::plain_text`), one block per line, split into words. Markdown syntax ("**", "- ")
//! and how many spaces or line breaks a writer typed therefore never show up as changes; a word
//! that became bold does not either (the diff is about wording). Block boundaries are kept as
//! line breaks, so the comparison reads in paragraphs.

use serde::Serialize;
use similar::{Algorithm, DiffTag, capture_diff_slices};

use crate::document::Document;

/// Whether a part of the comparison is in both versions, only in the newer, or only in the older.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    Equal,
    Inserted,
    Deleted,
}

/// A run of words of one kind. `text` holds the words with the spaces and line breaks between
/// them (a part may begin with the space that separates it from the part before).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DiffPart {
    pub kind: ChangeKind,
    pub text: String,
}

/// The comparison of an older (`a`) and a newer (`b`) text.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct WordDiff {
    pub parts: Vec<DiffPart>,
    /// Words only in the newer text.
    pub inserted_words: usize,
    /// Words only in the older text.
    pub deleted_words: usize,
    /// Words in both.
    pub equal_words: usize,
}

/// A word with the separator that stands before it ("" at the start, " " within a line, "\n"
/// at the start of a new block). Only `word` is compared.
struct Token<'a> {
    separator: &'static str,
    word: &'a str,
}

fn tokens(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    for line in text.lines() {
        let mut first = true;
        for word in line.split_whitespace() {
            let separator = match (first, out.is_empty()) {
                (_, true) => "",
                (true, false) => "\n",
                (false, false) => " ",
            };
            out.push(Token { separator, word });
            first = false;
        }
    }
    out
}

/// Compares two document trees by their visible words.
pub fn compare_documents(a: &Document, b: &Document) -> WordDiff {
    compare_texts(&a.plain_text(), &b.plain_text())
}

/// Compares two plain texts word by word (blocks as lines).
pub fn compare_texts(a: &str, b: &str) -> WordDiff {
    let old = tokens(a);
    let new = tokens(b);
    // Line starts are part of what is compared, so a word moved to another paragraph shows.
    fn key<'a>(t: &Token<'a>) -> (bool, &'a str) {
        (t.separator == "\n", t.word)
    }
    let old_keys: Vec<(bool, &str)> = old.iter().map(key).collect();
    let new_keys: Vec<(bool, &str)> = new.iter().map(key).collect();
    let mut diff = WordDiff::default();
    for op in capture_diff_slices(Algorithm::Patience, &old_keys, &new_keys) {
        let (tag, old_range, new_range) = op.as_tag_tuple();
        match tag {
            DiffTag::Equal => push(&mut diff, ChangeKind::Equal, &new[new_range]),
            DiffTag::Delete => push(&mut diff, ChangeKind::Deleted, &old[old_range]),
            DiffTag::Insert => push(&mut diff, ChangeKind::Inserted, &new[new_range]),
            DiffTag::Replace => {
                push(&mut diff, ChangeKind::Deleted, &old[old_range]);
                push(&mut diff, ChangeKind::Inserted, &new[new_range]);
            }
        }
    }
    diff
}

fn push(diff: &mut WordDiff, kind: ChangeKind, words: &[Token<'_>]) {
    if words.is_empty() {
        return;
    }
    let count = match kind {
        ChangeKind::Equal => &mut diff.equal_words,
        ChangeKind::Inserted => &mut diff.inserted_words,
        ChangeKind::Deleted => &mut diff.deleted_words,
    };
    *count += words.len();
    let mut text = String::new();
    for (n, token) in words.iter().enumerate() {
        // The first word of the whole comparison gets no separator, even if its own text had one.
        if n > 0 || !diff.parts.is_empty() {
            text.push_str(if token.separator.is_empty() {
                " "
            } else {
                token.separator
            });
        }
        text.push_str(token.word);
    }
    match diff.parts.last_mut() {
        Some(last) if last.kind == kind => last.text.push_str(&text),
        _ => diff.parts.push(DiffPart { kind, text }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::parse;

    fn part(kind: ChangeKind, text: &str) -> DiffPart {
        DiffPart {
            kind,
            text: text.into(),
        }
    }

    #[test]
    fn marks_inserted_and_deleted_words() {
        let diff = compare_texts(
            "Die Förderung der Sprachkurse wird fortgesetzt.",
            "Die Förderung aller Sprachkurse wird ausgebaut und fortgesetzt.",
        );
        assert_eq!(
            diff.parts,
            vec![
                part(ChangeKind::Equal, "Die Förderung"),
                part(ChangeKind::Deleted, " der"),
                part(ChangeKind::Inserted, " aller"),
                part(ChangeKind::Equal, " Sprachkurse wird"),
                part(ChangeKind::Inserted, " ausgebaut und"),
                part(ChangeKind::Equal, " fortgesetzt."),
            ]
        );
        assert_eq!(
            (diff.inserted_words, diff.deleted_words, diff.equal_words),
            (3, 1, 5)
        );
    }

    #[test]
    fn whitespace_and_markdown_syntax_are_no_change() {
        let a = parse("# Ziele\n\nDie  Kurse   werden\n\n- ausgebaut");
        let b = parse("Ziele\n=====\n\nDie Kurse werden\n\n* **ausgebaut**");
        let diff = compare_documents(&a, &b);
        assert_eq!(diff.inserted_words + diff.deleted_words, 0, "{diff:?}");
        assert_eq!(
            diff.parts,
            vec![part(ChangeKind::Equal, "Ziele\nDie Kurse werden\nausgebaut")]
        );
    }

    #[test]
    fn paragraphs_stay_lines() {
        let diff = compare_texts(
            "Erster Absatz.\nZweiter Absatz.",
            "Erster Absatz.\nNeuer Absatz.\nZweiter Absatz.",
        );
        assert_eq!(
            diff.parts,
            vec![
                part(ChangeKind::Equal, "Erster Absatz."),
                part(ChangeKind::Inserted, "\nNeuer Absatz."),
                part(ChangeKind::Equal, "\nZweiter Absatz."),
            ]
        );
    }

    #[test]
    fn empty_and_identical_texts() {
        assert_eq!(compare_texts("", ""), WordDiff::default());
        let diff = compare_texts("", "Neu hier");
        assert_eq!(diff.parts, vec![part(ChangeKind::Inserted, "Neu hier")]);
        let diff = compare_texts("Gleich bleibt gleich", "Gleich bleibt gleich");
        assert_eq!(diff.parts.len(), 1);
        assert_eq!(diff.equal_words, 3);
    }

    #[test]
    fn serialises_kinds_in_snake_case() {
        let json = serde_json::to_string(&compare_texts("a", "b")).unwrap();
        assert!(json.contains(r#"{"kind":"deleted","text":"a"}"#), "{json}");
        assert!(json.contains(r#"{"kind":"inserted","text":" b"}"#), "{json}");
    }
}

//! Text folding for search and sorting. The same function is applied to stored text and to what
//! the user types, so "muller", "müller" and "mueller" all find *Müller*, "weiss" finds *Weiß* and
//! "ozturk" finds *Öztürk*. Other accents (é, ł …) are removed by FTS5's `remove_diacritics 2`.

/// Lower-cases and folds German spelling variants: ä/ae → a, ö/oe → o, ü/ue → u, ß → ss.
///
/// Folding "ue" → "u" also touches words like "Manuel" ("manul"), but since queries are folded the
/// same way, every query still finds what it should; the cost is a few extra prefix matches.
pub fn fold(text: &str) -> String {
    let lower = text.to_lowercase();
    let mut out = String::with_capacity(lower.len());
    let mut chars = lower.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            'ä' => out.push('a'),
            'ö' => out.push('o'),
            'ü' => out.push('u'),
            'ß' | 'ẞ' => out.push_str("ss"),
            'a' | 'o' | 'u' if chars.peek() == Some(&'e') => {
                chars.next();
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// Sort key in German order (Ä with A, ß as ss); ties keep their relative order via the caller.
pub fn sort_key(parts: &[&str]) -> String {
    let joined: Vec<String> = parts
        .iter()
        .filter(|p| !p.trim().is_empty())
        .map(|p| fold(p.trim()))
        .collect();
    joined.join(" ")
}

/// Turns what the user typed into an FTS5 query: every word folded and used as a prefix, all words
/// required. Returns `None` when nothing searchable is left. Words are quoted, so FTS syntax
/// characters typed by the user (", *, -, OR …) are plain text, never query syntax.
pub fn fts_query(input: &str) -> Option<String> {
    let terms: Vec<String> = fold(input)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(8)
        .map(|w| format!("\"{w}\"*"))
        .collect();
    (!terms.is_empty()).then(|| terms.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn german_variants_fold_to_the_same_text() {
        assert_eq!(fold("Müller"), "muller");
        assert_eq!(fold("Mueller"), "muller");
        assert_eq!(fold("MULLER"), "muller");
        assert_eq!(fold("Weiß"), "weiss");
        assert_eq!(fold("Öztürk"), "ozturk");
        assert_eq!(fold("Bäuerle"), fold("Baeuerle"));
        assert_eq!(fold("Bäuerle"), fold("bauerle"));
        assert_eq!(fold("Straßburger"), fold("Strassburger"));
    }

    #[test]
    fn prefixes_of_variants_still_match() {
        // What the user has typed so far must be a prefix of the folded name.
        for typed in ["m", "mu", "mü", "mue", "muel", "mül", "mueller", "müller"] {
            assert!(fold("Müller").starts_with(&fold(typed)), "{typed}");
        }
    }

    #[test]
    fn fts_query_quotes_words_and_ignores_syntax() {
        assert_eq!(fts_query("Mueller").as_deref(), Some("\"muller\"*"));
        assert_eq!(fts_query("anna  mü").as_deref(), Some("\"anna\"* \"mu\"*"));
        assert_eq!(fts_query("\"OR* -NOT(").as_deref(), Some("\"or\"* \"not\"*"));
        assert_eq!(fts_query("  - * "), None);
    }

    #[test]
    fn sort_key_orders_umlauts_with_their_base_letter() {
        let mut names = vec!["Zimmer", "Öztürk", "Ostertag", "Müller", "Mayer"];
        names.sort_by_key(|n| sort_key(&[n]));
        assert_eq!(names, ["Mayer", "Müller", "Ostertag", "Öztürk", "Zimmer"]);
    }
}

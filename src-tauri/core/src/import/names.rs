//! Names as files write them: an Anrede column that also holds the academic title ("Herr Dr."),
//! English salutations, and a whole name in one field ("Dr. Kemal Öztürk", "Öztürk, Kemal") that
//! has to become salutation, title, first and last name.

use super::{ImportedContact, clean};

/// Splits an Anrede such as "Frau", "Herr Dr.", "Dr." or "Mr." into salutation and academic title.
/// English salutations become German ones ("Mr." → "Herr", "Ms."/"Mrs." → "Frau"). A value that is
/// neither is kept whole as the salutation, so nothing is lost.
pub(crate) fn split_salutation(value: &str) -> (Option<String>, Option<String>) {
    let Some(value) = clean(value) else {
        return (None, None);
    };
    let mut salutation: Option<&'static str> = None;
    let mut title: Vec<&str> = Vec::new();
    for token in value.split_whitespace() {
        match (salutation_word(token), salutation) {
            (Some(word), None) if title.is_empty() => salutation = Some(word),
            _ if is_title_word(token) => title.push(token),
            _ => return (Some(value), None),
        }
    }
    let title = (!title.is_empty()).then(|| title.join(" "));
    (salutation.map(str::to_owned), title)
}

/// The German salutation a word stands for ("frau", "Mrs." → "Frau"; "Herrn", "Mr" → "Herr").
pub(crate) fn salutation_word(token: &str) -> Option<&'static str> {
    let word = token.strip_suffix('.').unwrap_or(token).to_lowercase();
    match word.as_str() {
        "frau" | "ms" | "mrs" | "miss" => Some("Frau"),
        "herr" | "herrn" | "mr" => Some("Herr"),
        _ => None,
    }
}

/// Academic titles and their parts: "Dr.", "Prof.", "Dr.-Ing.", "Dipl.-Kffr.", "med.", "h.c." …
/// Apart from a few bare abbreviations a title word has a dot, so names like "Ingrid" or
/// "Magnus" never count as titles.
pub(crate) fn is_title_word(token: &str) -> bool {
    const PREFIXES: [&str; 16] = [
        "dr", "prof", "dipl", "pd", "mag", "ing", "habil", "med", "rer", "nat", "phil", "jur", "oec", "pol",
        "h.c", "em.",
    ];
    let lower = token.to_lowercase();
    matches!(lower.as_str(), "dr" | "prof" | "pd")
        || (lower.contains('.') && PREFIXES.iter().any(|p| lower.starts_with(p)))
}

/// Without separate name fields, the name comes from one whole-name value (vCard's FN,
/// Thunderbird's „Anzeigename“): "Dr. Kemal Öztürk" → title, first and last name; "Öztürk, Kemal"
/// → last and first name. A value that only repeats the organisation is no name.
pub(crate) fn apply_full_name(contact: &mut ImportedContact, full_name: Option<String>) {
    let Some(name) = full_name else { return };
    if contact
        .organisation
        .as_deref()
        .is_some_and(|org| org.eq_ignore_ascii_case(&name))
    {
        return;
    }
    if let Some((last, first)) = name.split_once(',') {
        contact.last_name = clean(last);
        contact.first_name = clean(first);
        return;
    }
    let mut words: Vec<&str> = name.split_whitespace().collect();
    let honorifics = words
        .iter()
        .take_while(|w| salutation_word(w).is_some() || is_title_word(w))
        .count();
    let rest = words.split_off(honorifics.min(words.len()));
    if !words.is_empty() && contact.salutation.is_none() && contact.title.is_none() {
        let (salutation, title) = split_salutation(&words.join(" "));
        contact.salutation = salutation;
        contact.title = title;
    }
    if let Some((last, given)) = rest.split_last() {
        contact.last_name = Some((*last).to_owned());
        contact.first_name = (!given.is_empty()).then(|| given.join(" "));
    }
}

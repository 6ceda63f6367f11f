//! The person's name as erasure and Auskunft look for it: the forms minutes and notes write it in
//! ([`PersonName::forms`]) and the matcher that finds and replaces them in free text.

use regex::{Regex, RegexBuilder};

use super::ANONYMISED;
use crate::contact::Contact;

/// The name parts of the person to erase, as stored.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PersonName {
    pub salutation: Option<String>,
    pub title: Option<String>,
    pub first_name: Option<String>,
    pub last_name: String,
}

impl PersonName {
    pub fn of(c: &Contact) -> PersonName {
        PersonName {
            salutation: c.salutation.clone(),
            title: c.title.clone(),
            first_name: c.first_name.clone(),
            last_name: c.last_name.clone(),
        }
    }

    /// "Dr. Anna Wagner" / "Wagner".
    pub fn full(&self) -> String {
        [
            self.title.as_deref(),
            self.first_name.as_deref(),
            Some(&self.last_name),
        ]
        .into_iter()
        .flatten()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
    }

    /// The ways minutes write this person, longest first so "Dr. Anna Wagner" is replaced as a
    /// whole before "Anna Wagner" could leave "Dr." behind. The bare surname is included only
    /// when `surname_alone` (no other contact carries it): "Wagner berichtet" then goes too,
    /// while a surname two people share is replaced only together with a first name or a
    /// salutation.
    pub fn forms(&self, surname_alone: bool) -> Vec<String> {
        let last = self.last_name.trim();
        let first = self
            .first_name
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty());
        let title = self.title.as_deref().map(str::trim).filter(|s| !s.is_empty());
        let mut forms = Vec::new();
        if let Some(first) = first {
            if let Some(title) = title {
                forms.push(format!("{title} {first} {last}"));
            }
            forms.push(format!("{first} {last}"));
            forms.push(format!("{last}, {first}"));
        }
        let mut salutations: Vec<&str> = vec!["Frau", "Herr", "Herrn"];
        if let Some(s) = self
            .salutation
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            && !salutations.contains(&s)
        {
            salutations.push(s);
        }
        for s in salutations {
            if let Some(title) = title {
                forms.push(format!("{s} {title} {last}"));
            }
            forms.push(format!("{s} {last}"));
        }
        if let Some(title) = title {
            forms.push(format!("{title} {last}"));
        }
        if surname_alone {
            forms.push(last.to_owned());
        }
        forms.retain(|f| !f.trim().is_empty());
        forms.sort_by_key(|f| std::cmp::Reverse(f.chars().count()));
        forms.dedup();
        forms
    }
}

/// Finds the person's name forms in text: case-insensitive, whole words only ("Wagner" not in
/// "Wagnerstraße"), any run of spaces between the parts.
#[derive(Debug, Clone)]
pub struct NameMatcher {
    regex: Option<Regex>,
}

impl NameMatcher {
    pub fn new(forms: &[String]) -> NameMatcher {
        let alternatives: Vec<String> = forms
            .iter()
            .map(|f| {
                f.split_whitespace()
                    .map(regex::escape)
                    .collect::<Vec<_>>()
                    .join(r"\s+")
            })
            .filter(|f| !f.is_empty())
            .collect();
        if alternatives.is_empty() {
            return NameMatcher { regex: None };
        }
        // `\b` does not work after a final "." ("Dr."); the look-around-free form below checks
        // for a non-word character (or the text's edge) on both sides instead.
        let pattern = format!(r"(^|[^\w])({})($|[^\w])", alternatives.join("|"));
        let regex = RegexBuilder::new(&pattern)
            .case_insensitive(true)
            .unicode(true)
            .build()
            .ok();
        NameMatcher { regex }
    }

    pub fn is_match(&self, text: &str) -> bool {
        self.regex.as_ref().is_some_and(|r| r.is_match(text))
    }

    /// The text with every form replaced by [`ANONYMISED`]; `None` when nothing occurs.
    pub fn replace(&self, text: &str) -> Option<String> {
        let regex = self.regex.as_ref()?;
        if !regex.is_match(text) {
            return None;
        }
        // Adjacent mentions ("Wagner Wagner") share the separator between them, which one pass
        // consumes; repeat until none is left (each pass removes at least one).
        let mut out = text.to_owned();
        while regex.is_match(&out) {
            out = regex
                .replace_all(&out, |caps: &regex::Captures<'_>| {
                    format!(
                        "{}{ANONYMISED}{}",
                        caps.get(1).map_or("", |m| m.as_str()),
                        caps.get(3).map_or("", |m| m.as_str())
                    )
                })
                .into_owned();
        }
        Some(out)
    }
}

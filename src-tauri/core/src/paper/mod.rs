//! Concept papers (Konzeptpapiere): the inputs the forms send and their validation (German
//! messages naming the field), and the small rules the paper use cases apply (`usecase::papers`).
//! The records the window and the CLI read are in `paper/records.rs`, attachments' checks and
//! files in `paper/attachment.rs`; status rules are in `paper_status.rs`, the Markdown tree in
//! `markdown/`, the comparison in `paper_diff.rs`; the SQL in `store/papers.rs` and its neighbours.

mod attachment;
mod records;
#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

use crate::error::FieldError;
use crate::limits::{self, check_length};
use crate::paper_status::{PaperStatus, check_editable};
use crate::{Error, Result};

pub use attachment::*;
pub use records::*;

/// What the paper form sends: the paper's data beside its text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PaperInput {
    pub title: String,
    pub summary: Option<String>,
    pub handlungsfeld_id: Option<i64>,
    pub lead_organisation_id: Option<i64>,
    /// Contacts, in the order they are named.
    pub author_ids: Vec<i64>,
    /// Authors whose contact was deleted (kept by name, shown "(Kontakt gelöscht)") that stay on the
    /// paper. `None` (the CLI, older callers) keeps them all, so a save that does not know about them
    /// never drops them; the form sends the ones still listed, so one can also be removed.
    pub former_authors: Option<Vec<String>>,
    /// Only read by `create_paper`: a first text, saved as version 1 when not empty (updates of the
    /// paper's data ignore it; text changes go through versions).
    pub body: Option<String>,
    /// The `version` the form was filled from; a different stored version refuses the save.
    pub expected_version: Option<i64>,
}

/// A checked [`PaperInput`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaperFields {
    pub title: String,
    pub summary: Option<String>,
    pub handlungsfeld_id: Option<i64>,
    pub lead_organisation_id: Option<i64>,
    pub author_ids: Vec<i64>,
    pub former_authors: Option<Vec<String>>,
    pub body: Option<String>,
    pub expected_version: Option<i64>,
}

fn trimmed(value: Option<String>) -> Option<String> {
    value.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty())
}

/// Title and summary checks shared by the form, versions and drafts.
fn check_title_summary(title: &str, summary: Option<&str>, errors: &mut Vec<FieldError>) {
    if title.is_empty() {
        errors.push(FieldError::new("Titel", "Bitte geben Sie einen Titel ein."));
    }
    errors.extend(check_length("Titel", title, limits::NAME));
    if let Some(summary) = summary {
        errors.extend(check_length("Kurzfassung", summary, limits::SHORT_TEXT));
    }
}

/// The body's size cap, with the German message naming "Text".
pub fn check_body(body: &str) -> Result<()> {
    match check_length("Text", body, limits::PAPER_BODY) {
        Some(problem) => Err(Error::validation(problem.field, problem.message)),
        None => Ok(()),
    }
}

impl PaperInput {
    pub fn normalised(self) -> Result<PaperFields> {
        let title = self.title.trim().to_owned();
        let summary = trimmed(self.summary);
        let mut errors = Vec::new();
        check_title_summary(&title, summary.as_deref(), &mut errors);
        let body = self.body.filter(|b| !b.trim().is_empty());
        if let Some(body) = &body {
            errors.extend(check_length("Text", body, limits::PAPER_BODY));
        }
        if let Some(error) = Error::from_fields(errors) {
            return Err(error);
        }
        let mut author_ids = Vec::new();
        for id in self.author_ids {
            if !author_ids.contains(&id) {
                author_ids.push(id);
            }
        }
        Ok(PaperFields {
            title,
            summary,
            handlungsfeld_id: self.handlungsfeld_id,
            lead_organisation_id: self.lead_organisation_id,
            author_ids,
            former_authors: self.former_authors,
            body,
            expected_version: self.expected_version,
        })
    }
}

/// Which of the stored former authors (`stored`, names of deleted contacts in their order) stay:
/// all of them when the caller did not say (`None`), else those named in `wanted`, each name as
/// often as it is named there. Names that are not stored are ignored: a deleted contact's name
/// cannot be typed in anew, only kept.
pub fn kept_former_authors(stored: Vec<String>, wanted: Option<&[String]>) -> Vec<String> {
    let Some(wanted) = wanted else {
        return stored;
    };
    let mut left: Vec<&str> = wanted.iter().map(String::as_str).collect();
    stored
        .into_iter()
        .filter(|name| match left.iter().position(|w| *w == name.as_str()) {
            Some(at) => {
                left.remove(at);
                true
            }
            None => false,
        })
        .collect()
}

/// "Version speichern": the text as it stands, with a note on what changed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct VersionInput {
    pub title: String,
    pub summary: Option<String>,
    pub body: String,
    pub note: Option<String>,
    /// The paper's `version` the editor was opened with.
    pub expected_version: Option<i64>,
}

impl VersionInput {
    pub fn normalised(mut self) -> Result<VersionInput> {
        self.title = self.title.trim().to_owned();
        self.summary = trimmed(self.summary);
        self.note = trimmed(self.note);
        let mut errors = Vec::new();
        check_title_summary(&self.title, self.summary.as_deref(), &mut errors);
        errors.extend(check_length("Text", &self.body, limits::PAPER_BODY));
        if let Some(note) = &self.note {
            errors.extend(check_length("Notiz", note, limits::SHORT_TEXT));
        }
        match Error::from_fields(errors) {
            Some(error) => Err(error),
            None => Ok(self),
        }
    }
}

/// The autosaved draft of the next version (sent a second after the last key).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DraftInput {
    pub title: String,
    pub summary: Option<String>,
    pub body: String,
}

impl DraftInput {
    /// A draft may be unfinished (empty title), but not larger than a version may be.
    pub fn normalised(mut self) -> Result<DraftInput> {
        self.summary = trimmed(self.summary);
        let mut errors = Vec::new();
        errors.extend(check_length("Titel", self.title.trim(), limits::NAME));
        if let Some(summary) = &self.summary {
            errors.extend(check_length("Kurzfassung", summary, limits::SHORT_TEXT));
        }
        errors.extend(check_length("Text", &self.body, limits::PAPER_BODY));
        match Error::from_fields(errors) {
            Some(error) => Err(error),
            None => Ok(self),
        }
    }
}

/// A status change as the form sends it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct StatusChangeInput {
    pub to: PaperStatus,
    pub note: Option<String>,
    /// The Beschluss that adopted the paper (only with `to = beschlossen`).
    pub decision_id: Option<i64>,
    pub expected_version: Option<i64>,
}

/// The Konzeptpapiere list filter.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PaperFilter {
    /// Words of the current text, title, Handlungsfeld, authors (through the search index).
    pub text: Option<String>,
    pub status: Option<PaperStatus>,
    pub handlungsfeld_id: Option<i64>,
}

/// The note a restored version carries.
pub fn restored_note(number: i64) -> String {
    format!("Wiederhergestellt aus Version {number}")
}

/// The first version a new paper gets when its form brought a text ("Erste Fassung").
pub fn first_version(fields: &PaperFields) -> Option<VersionInput> {
    fields.body.as_ref().map(|body| VersionInput {
        title: fields.title.clone(),
        summary: fields.summary.clone(),
        body: body.clone(),
        note: Some("Erste Fassung".into()),
        expected_version: None,
    })
}

/// Title and summary belong to the text: while the paper is frozen (beschlossen, archiviert) a
/// save of its data may change everything else, not them.
pub fn check_meta_change(stored: &Paper, fields: &PaperFields) -> Result<()> {
    if stored.title != fields.title || stored.summary != fields.summary {
        check_editable(stored.status, "Eine Änderung von Titel oder Kurzfassung")?;
    }
    Ok(())
}

/// The note of a status change: trimmed, empty means none, at most a short text long.
pub fn status_note(note: Option<String>) -> Result<Option<String>> {
    let note = trimmed(note);
    if let Some(note) = &note {
        crate::session::check_length("Notiz", note, limits::SHORT_TEXT)?;
    }
    Ok(note)
}

/// A new Handlungsfeld's name: trimmed, not empty, not too long.
pub fn handlungsfeld_name(name: &str) -> Result<&str> {
    let name = name.trim();
    if name.is_empty() {
        return Err(Error::validation(
            "Handlungsfeld",
            "Bitte geben Sie einen Namen ein.",
        ));
    }
    crate::session::check_length("Handlungsfeld", name, limits::GROUP)?;
    Ok(name)
}

/// A Handlungsfeld may exist once: `existing` is the stored one of that name (any case).
pub fn check_new_handlungsfeld(existing: Option<String>) -> Result<()> {
    match existing {
        Some(existing) => Err(Error::validation(
            "Handlungsfeld",
            format!("Das Handlungsfeld „{existing}“ gibt es schon."),
        )),
        None => Ok(()),
    }
}

/// "Beschluss 3/2027-2" of a decision whose minutes exist, plain "Beschluss n" before.
pub fn decision_label(ordinal: Option<i64>, year: Option<i64>, number: i64) -> String {
    match (ordinal, year) {
        (Some(ordinal), Some(year)) => crate::minutes::decision_label(ordinal, year, number),
        _ => format!("Beschluss {number}"),
    }
}

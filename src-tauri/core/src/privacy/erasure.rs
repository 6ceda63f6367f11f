//! Art. 17 rules: what an erasure replaces, keeps as a placeholder or deletes, and how it is
//! reported. Plain functions on the facts `usecase::privacy::erase_contact` loads.

use std::collections::BTreeSet;

use serde::Serialize;

use super::{NameMatcher, PersonName};
use crate::paper_status::PaperStatus;

/// The summary of an erasure in the Änderungsprotokoll: what was done, never who.
pub fn erasure_summary(contact_id: i64, kept_as_placeholder: bool, texts: usize, sessions: usize) -> String {
    let how = if kept_as_placeholder {
        "anonymisiert (bleibt in Sitzungen als „anonymisierte Person“)"
    } else {
        "gelöscht"
    };
    format!(
        "Kontakt Nr. {contact_id} gemäß Art. 17 DSGVO {how}; {} ersetzt, {} betroffen.",
        counted(texts, "Textstelle", "Textstellen"),
        counted(sessions, "Sitzung", "Sitzungen"),
    )
}

/// "1 Textstelle", "2 Textstellen" (the nouns are this module's own, so `format::Noun` stays as it is).
fn counted(n: usize, one: &str, other: &str) -> String {
    format!(
        "{} {}",
        crate::format::number(n),
        if n == 1 { one } else { other }
    )
}

/// What an erasure did, for the message the user reads.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ErasureReport {
    pub contact_id: i64,
    /// True when sessions, TOPs or action items still point at the person: the row stays as
    /// "anonymisierte Person" without personal data. False: the row is gone.
    pub kept_as_placeholder: bool,
    /// Texts (discussions, decisions, action items, Nachträge …) in which the name was replaced.
    pub texts_replaced: usize,
    pub sessions_affected: usize,
    /// Approved minutes that got the Art. 17 Nachtrag.
    pub addenda_added: usize,
    /// Whether the write-ahead log could be emptied and the file rebuilt at once (false only when
    /// another reader held an old snapshot for seconds; the log is emptied when the app closes).
    pub file_scrubbed: bool,
    /// German sentence about older backups.
    pub backup_notice: String,
}

/// The reason recorded with the Nachtrag on approved minutes that named the person.
pub const ERASURE_ADDENDUM_REASON: &str = "Datenschutz (Art. 17 DSGVO)";

/// A free-text column of meetings, minutes and notes that may name a person. The store knows the
/// table and column behind each; the label is what the Auskunft shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextPlace {
    /// Another person's note ("Vertretung für Frau Wagner") names them too.
    ContactNote,
    OrganisationNote,
    SessionTitle,
    SessionNote,
    AgendaTitle,
    AgendaDescription,
    Discussion,
    Decision,
    Task,
    TaskOwner,
    MinuteTaker,
    Approval,
    AddendumReason,
    AddendumText,
}

impl TextPlace {
    /// Every place, in the order the Auskunft lists mentions of the same session.
    pub const ALL: [TextPlace; 14] = [
        TextPlace::ContactNote,
        TextPlace::OrganisationNote,
        TextPlace::SessionTitle,
        TextPlace::SessionNote,
        TextPlace::AgendaTitle,
        TextPlace::AgendaDescription,
        TextPlace::Discussion,
        TextPlace::Decision,
        TextPlace::Task,
        TextPlace::TaskOwner,
        TextPlace::MinuteTaker,
        TextPlace::Approval,
        TextPlace::AddendumReason,
        TextPlace::AddendumText,
    ];

    /// Where the text is shown, in German.
    pub fn label(self) -> &'static str {
        match self {
            TextPlace::ContactNote => "Notiz zu einem Kontakt",
            TextPlace::OrganisationNote => "Notiz zu einer Organisation",
            TextPlace::SessionTitle => "Sitzung",
            TextPlace::SessionNote => "Sitzungsnotiz",
            TextPlace::AgendaTitle | TextPlace::AgendaDescription => "Tagesordnungspunkt",
            TextPlace::Discussion => "Diskussion",
            TextPlace::Decision => "Beschluss",
            TextPlace::Task => "Aufgabe",
            TextPlace::TaskOwner => "Aufgabe (verantwortlich)",
            TextPlace::MinuteTaker => "Protokollführung",
            TextPlace::Approval => "Freigabe",
            TextPlace::AddendumReason | TextPlace::AddendumText => "Nachtrag",
        }
    }
}

/// A concept-paper text that may name a person. Attachments' bytes are not searched: they are
/// files (PDF, DOCX) the app does not read; erasing the person from them means deleting the
/// attachment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaperPlace {
    Author,
    Title,
    Summary,
    VersionTitle,
    VersionSummary,
    VersionBody,
    VersionNote,
    VersionSavedBy,
    DraftTitle,
    DraftSummary,
    DraftBody,
    StatusNote,
    StatusChangedBy,
    AttachmentName,
    AttachmentAddedBy,
}

impl PaperPlace {
    pub const ALL: [PaperPlace; 15] = [
        PaperPlace::Author,
        PaperPlace::Title,
        PaperPlace::Summary,
        PaperPlace::VersionTitle,
        PaperPlace::VersionSummary,
        PaperPlace::VersionBody,
        PaperPlace::VersionNote,
        PaperPlace::VersionSavedBy,
        PaperPlace::DraftTitle,
        PaperPlace::DraftSummary,
        PaperPlace::DraftBody,
        PaperPlace::StatusNote,
        PaperPlace::StatusChangedBy,
        PaperPlace::AttachmentName,
        PaperPlace::AttachmentAddedBy,
    ];

    /// Where the text is shown, in German.
    pub fn label(self) -> &'static str {
        match self {
            PaperPlace::Author => "Autor/in",
            PaperPlace::Title => "Titel",
            PaperPlace::Summary => "Zusammenfassung",
            PaperPlace::VersionTitle => "Titel einer Version",
            PaperPlace::VersionSummary => "Zusammenfassung einer Version",
            PaperPlace::VersionBody => "Text einer Version",
            PaperPlace::VersionNote => "Notiz zu einer Version",
            PaperPlace::VersionSavedBy => "Version gespeichert von",
            PaperPlace::DraftTitle => "Entwurf (Titel)",
            PaperPlace::DraftSummary => "Entwurf (Zusammenfassung)",
            PaperPlace::DraftBody => "Entwurf (Text)",
            PaperPlace::StatusNote => "Notiz zu einer Statusänderung",
            PaperPlace::StatusChangedBy => "Status geändert von",
            PaperPlace::AttachmentName => "Anhang (Dateiname)",
            PaperPlace::AttachmentAddedBy => "Anhang hinzugefügt von",
        }
    }

    /// Whether the text belongs to a saved version, which is otherwise never changed.
    pub fn is_saved_version(self) -> bool {
        matches!(
            self,
            PaperPlace::VersionTitle
                | PaperPlace::VersionSummary
                | PaperPlace::VersionBody
                | PaperPlace::VersionNote
                | PaperPlace::VersionSavedBy
        )
    }
}

/// A free text that names the person, as the store found it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundText {
    pub place: TextPlace,
    /// The row's id in the place's table.
    pub id: i64,
    /// The session the text belongs to; `None` for notes on contacts and organisations.
    pub session_id: Option<i64>,
    pub text: String,
}

/// A concept-paper text that names the person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundPaperText {
    pub place: PaperPlace,
    pub paper_id: i64,
    /// Tells the row apart within the paper (version id, author position; the paper's id again
    /// for one-per-paper rows).
    pub key: i64,
    pub text: String,
}

/// An entry of the Änderungsprotokoll: who and what, the two texts that may name the person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditText {
    pub id: i64,
    pub user: String,
    pub summary: String,
}

/// A found text and the text that replaces it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Replaced<T> {
    pub found: T,
    pub text: String,
}

/// The person's name forms and whether there is anyone left to erase: an already anonymised
/// placeholder is refused (its name is "anonymisierte Person", which must not be replaced in
/// every text that mentions some other erased person).
pub fn erasable(person: &PersonName, anonymised: bool, surname_alone: bool) -> crate::Result<NameMatcher> {
    if anonymised {
        return Err(crate::Error::validation(
            "Kontakt",
            "Die Daten dieser Person wurden bereits gelöscht; hier steht nur noch „anonymisierte Person“.",
        ));
    }
    Ok(NameMatcher::new(&person.forms(surname_alone)))
}

/// The texts the erasure changes: each found text with the person's name forms replaced by
/// [`super::ANONYMISED`] (texts the matcher does not find the person in stay as they are).
pub fn replace_texts(matcher: &NameMatcher, found: Vec<FoundText>) -> Vec<Replaced<FoundText>> {
    found
        .into_iter()
        .filter_map(|f| {
            let text = matcher.replace(&f.text)?;
            Some(Replaced { found: f, text })
        })
        .collect()
}

/// The same for concept-paper texts.
pub fn replace_paper_texts(
    matcher: &NameMatcher,
    found: Vec<FoundPaperText>,
) -> Vec<Replaced<FoundPaperText>> {
    found
        .into_iter()
        .filter_map(|f| {
            let text = matcher.replace(&f.text)?;
            Some(Replaced { found: f, text })
        })
        .collect()
}

/// Older entries of the Änderungsprotokoll that name the person, with the name replaced in who
/// and what. The erasure's own entry names only the contact number.
pub fn rewrite_audit(matcher: &NameMatcher, entries: Vec<AuditText>) -> Vec<AuditText> {
    entries
        .into_iter()
        .filter_map(|e| {
            let user = matcher.replace(&e.user);
            let summary = matcher.replace(&e.summary);
            if user.is_none() && summary.is_none() {
                return None;
            }
            Some(AuditText {
                id: e.id,
                user: user.unwrap_or(e.user),
                summary: summary.unwrap_or(e.summary),
            })
        })
        .collect()
}

/// The sessions an erasure touches (their search rows are rebuilt, approved minutes among them
/// get a Nachtrag): those linked to the contact by id and those whose texts changed, ascending.
pub fn affected_sessions(linked: &[i64], replaced: &[Replaced<FoundText>]) -> Vec<i64> {
    let sessions: BTreeSet<i64> = linked
        .iter()
        .copied()
        .chain(replaced.iter().filter_map(|r| r.found.session_id))
        .collect();
    sessions.into_iter().collect()
}

/// The papers an erasure changes (each counts a new record version and gets its search row
/// rebuilt): those the person was an author of and those with a replaced text.
pub fn changed_papers(authored: &[i64], replaced: &[Replaced<FoundPaperText>]) -> BTreeSet<i64> {
    authored
        .iter()
        .copied()
        .chain(replaced.iter().map(|r| r.found.paper_id))
        .collect()
}

/// The papers whose saved versions change. Those frozen (beschlossen, archiviert) get a note in
/// their status history, as approved minutes get a Nachtrag ([`needs_status_note`]).
pub fn papers_with_changed_versions(replaced: &[Replaced<FoundPaperText>]) -> BTreeSet<i64> {
    replaced
        .iter()
        .filter(|r| r.found.place.is_saved_version())
        .map(|r| r.found.paper_id)
        .collect()
}

/// Whether a paper whose saved versions changed records that in its status history.
pub fn needs_status_note(status: PaperStatus) -> bool {
    status.is_frozen()
}

//! The Änderungsprotokoll (audit trail): which changes are recorded, their German words, who made
//! them, and the filter the screen applies. Issue 13 asks that approvals, Nachträge, deletions,
//! imports, restores, erasures and paper status changes can be traced with date, time, who and
//! what. The store writes an entry inside the transaction of the change it records
//! (`Store::record_audit`), so neither exists without the other; nothing here touches SQL.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::search::fold;

/// What happened. The serde code is what the table stores; `label` is what people read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AuditAction {
    /// Minutes approved (Entwurf → freigegeben), by hand or by a decision.
    MinutesApproved,
    /// A Nachtrag to approved minutes.
    Addendum,
    /// A record deleted (contact, organisation, session …).
    Deleted,
    /// Contacts imported from a file (the summary holds the counts).
    Import,
    /// A person's data erased or anonymised under Art. 17 DSGVO.
    Erasure,
    /// An Art. 15 DSGVO export (Auskunft) was written.
    SubjectAccess,
    /// A backup written (called by the backup feature).
    Backup,
    /// A backup restored (called by the backup feature).
    Restore,
    /// A concept paper's status changed (called by the papers feature).
    PaperStatus,
    /// "Behalten" in the retention review.
    RetentionKept,
}

impl AuditAction {
    /// In the order the screen's filter offers them.
    pub const ALL: [AuditAction; 10] = [
        AuditAction::MinutesApproved,
        AuditAction::Addendum,
        AuditAction::Deleted,
        AuditAction::Import,
        AuditAction::Erasure,
        AuditAction::SubjectAccess,
        AuditAction::Backup,
        AuditAction::Restore,
        AuditAction::PaperStatus,
        AuditAction::RetentionKept,
    ];

    pub fn label(self) -> &'static str {
        match self {
            AuditAction::MinutesApproved => "Protokoll freigegeben",
            AuditAction::Addendum => "Nachtrag",
            AuditAction::Deleted => "Gelöscht",
            AuditAction::Import => "Import",
            AuditAction::Erasure => "Gelöscht/anonymisiert (Art. 17 DSGVO)",
            AuditAction::SubjectAccess => "Auskunft (Art. 15 DSGVO)",
            AuditAction::Backup => "Sicherung",
            AuditAction::Restore => "Wiederherstellung",
            AuditAction::PaperStatus => "Status eines Konzeptpapiers",
            AuditAction::RetentionKept => "Aufbewahrung bestätigt",
        }
    }

    /// The stored code ("minutes_approved").
    pub fn code(self) -> &'static str {
        match self {
            AuditAction::MinutesApproved => "minutes_approved",
            AuditAction::Addendum => "addendum",
            AuditAction::Deleted => "deleted",
            AuditAction::Import => "import",
            AuditAction::Erasure => "erasure",
            AuditAction::SubjectAccess => "subject_access",
            AuditAction::Backup => "backup",
            AuditAction::Restore => "restore",
            AuditAction::PaperStatus => "paper_status",
            AuditAction::RetentionKept => "retention_kept",
        }
    }

    pub fn from_code(code: &str) -> Option<AuditAction> {
        AuditAction::ALL.into_iter().find(|a| a.code() == code)
    }
}

/// Which kind of record an entry is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AuditRecord {
    Contact,
    Organisation,
    Session,
    Minutes,
    Paper,
    /// The data file as a whole (imports, backups, restores).
    DataFile,
}

impl AuditRecord {
    pub const ALL: [AuditRecord; 6] = [
        AuditRecord::Contact,
        AuditRecord::Organisation,
        AuditRecord::Session,
        AuditRecord::Minutes,
        AuditRecord::Paper,
        AuditRecord::DataFile,
    ];

    pub fn code(self) -> &'static str {
        match self {
            AuditRecord::Contact => "contact",
            AuditRecord::Organisation => "organisation",
            AuditRecord::Session => "session",
            AuditRecord::Minutes => "minutes",
            AuditRecord::Paper => "paper",
            AuditRecord::DataFile => "data_file",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            AuditRecord::Contact => "Kontakt",
            AuditRecord::Organisation => "Organisation",
            AuditRecord::Session => "Sitzung",
            AuditRecord::Minutes => "Protokoll",
            AuditRecord::Paper => "Konzeptpapier",
            AuditRecord::DataFile => "Datenbestand",
        }
    }

    pub fn from_code(code: &str) -> Option<AuditRecord> {
        AuditRecord::ALL.into_iter().find(|r| r.code() == code)
    }
}

/// One change to record. `summary` is German and, for people, names them only while they exist:
/// an erasure's own entry never carries the name (see `privacy.rs`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEvent {
    pub action: AuditAction,
    pub record: AuditRecord,
    pub record_id: Option<i64>,
    pub summary: String,
}

impl AuditEvent {
    pub fn new(
        action: AuditAction,
        record: AuditRecord,
        record_id: Option<i64>,
        summary: impl Into<String>,
    ) -> AuditEvent {
        AuditEvent {
            action,
            record,
            record_id,
            summary: summary.into(),
        }
    }
}

/// "„Netzwerktreffen Frühjahr“ vom 24.11.2026": a session as summaries name it.
pub fn session_words(title: &str, iso_date: &str) -> String {
    let date = NaiveDate::parse_from_str(iso_date, "%Y-%m-%d")
        .map(crate::berlin::format_date)
        .unwrap_or_else(|_| iso_date.to_owned());
    format!("„{title}“ vom {date}")
}

pub fn minutes_approved(session_id: i64, session: &str, by: &str) -> AuditEvent {
    AuditEvent::new(
        AuditAction::MinutesApproved,
        AuditRecord::Minutes,
        Some(session_id),
        format!("Protokoll der Sitzung {session} freigegeben ({by})."),
    )
}

pub fn addendum(session_id: i64, session: &str, reason: &str) -> AuditEvent {
    AuditEvent::new(
        AuditAction::Addendum,
        AuditRecord::Minutes,
        Some(session_id),
        format!("Nachtrag zum Protokoll der Sitzung {session}: {reason}"),
    )
}

/// A deleted contact is named by number only: the entry outlives the person's data.
pub fn contact_deleted(id: i64) -> AuditEvent {
    AuditEvent::new(
        AuditAction::Deleted,
        AuditRecord::Contact,
        Some(id),
        format!("Kontakt Nr. {id} gelöscht."),
    )
}

pub fn organisation_deleted(id: i64, name: &str, contacts_deleted: usize) -> AuditEvent {
    let with = if contacts_deleted > 0 {
        format!(
            " mit {}",
            crate::format::count(contacts_deleted, crate::format::Noun::Kontakt)
        )
    } else {
        String::new()
    };
    AuditEvent::new(
        AuditAction::Deleted,
        AuditRecord::Organisation,
        Some(id),
        format!("Organisation „{name}“{with} gelöscht."),
    )
}

pub fn session_deleted(id: i64, session: &str) -> AuditEvent {
    AuditEvent::new(
        AuditAction::Deleted,
        AuditRecord::Session,
        Some(id),
        format!("Sitzung {session} gelöscht."),
    )
}

/// A TOP deleted from draft minutes' agenda (its sub-items go with it): the entry keeps its title,
/// so a deleted item of the minutes can still be traced.
pub fn agenda_item_deleted(session_id: i64, session: &str, title: &str) -> AuditEvent {
    AuditEvent::new(
        AuditAction::Deleted,
        AuditRecord::Session,
        Some(session_id),
        format!("Tagesordnungspunkt „{title}“ der Sitzung {session} gelöscht."),
    )
}

/// A decision deleted from draft minutes, with its label and text (decisions are short).
pub fn decision_deleted(session_id: i64, session: &str, label: &str, text: &str) -> AuditEvent {
    let label = if label.is_empty() { "Beschluss" } else { label };
    AuditEvent::new(
        AuditAction::Deleted,
        AuditRecord::Minutes,
        Some(session_id),
        format!("{label} der Sitzung {session} gelöscht: „{text}“"),
    )
}

/// An action item deleted from draft minutes, named by what was to be done.
pub fn action_item_deleted(session_id: i64, session: &str, what: &str) -> AuditEvent {
    AuditEvent::new(
        AuditAction::Deleted,
        AuditRecord::Minutes,
        Some(session_id),
        format!("Aufgabe „{what}“ der Sitzung {session} gelöscht."),
    )
}

/// Someone who took part or was excused taken off a session's list (draft minutes): the list is
/// part of the record of the day. Named by number, like a deleted contact.
pub fn attendance_removed(session_id: i64, session: &str, contact_id: i64, status: &str) -> AuditEvent {
    AuditEvent::new(
        AuditAction::Deleted,
        AuditRecord::Session,
        Some(session_id),
        format!("Kontakt Nr. {contact_id} ({status}) aus der Anwesenheit der Sitzung {session} entfernt."),
    )
}

/// A deleted paper is named by its title: the entry says which paper is gone.
pub fn paper_deleted(id: i64, title: &str) -> AuditEvent {
    AuditEvent::new(
        AuditAction::Deleted,
        AuditRecord::Paper,
        Some(id),
        format!("Konzeptpapier „{title}“ gelöscht."),
    )
}

/// An attachment removed from a paper (the paper itself stays).
pub fn attachment_deleted(paper_id: i64, title: &str, file_name: &str) -> AuditEvent {
    AuditEvent::new(
        AuditAction::Deleted,
        AuditRecord::Paper,
        Some(paper_id),
        format!("Anhang „{file_name}“ des Konzeptpapiers „{title}“ gelöscht."),
    )
}

/// The counts of an import ("Kontakte importiert: 120 neu, 3 aktualisiert, …").
pub fn import(
    created: usize,
    updated: usize,
    skipped: usize,
    failed: usize,
    organisations: usize,
) -> AuditEvent {
    AuditEvent::new(
        AuditAction::Import,
        AuditRecord::DataFile,
        None,
        format!(
            "Kontakte importiert: {created} neu, {updated} aktualisiert, {skipped} übersprungen, \
             {failed} fehlerhaft; {organisations} Organisationen neu angelegt."
        ),
    )
}

/// For the backup feature: a backup was written (`Store::record_audit(&backup(…), now)`).
pub fn backup(target: &str, automatic: bool) -> AuditEvent {
    let how = if automatic {
        "Automatische Sicherung"
    } else {
        "Sicherung"
    };
    AuditEvent::new(
        AuditAction::Backup,
        AuditRecord::DataFile,
        None,
        format!("{how} geschrieben: {target}"),
    )
}

/// For the backup feature: a backup was restored; record it on the restored store, so the entry
/// is in the data that is now current.
pub fn restore(source: &str, kept_aside: &str) -> AuditEvent {
    AuditEvent::new(
        AuditAction::Restore,
        AuditRecord::DataFile,
        None,
        format!("Sicherung „{source}“ wiederhergestellt; die vorherige Datei liegt unter „{kept_aside}“."),
    )
}

/// A paper's status change, for the papers feature: `Store::record_paper_status` inside its
/// transaction.
pub fn paper_status(paper_id: i64, title: &str, from: &str, to: &str) -> AuditEvent {
    AuditEvent::new(
        AuditAction::PaperStatus,
        AuditRecord::Paper,
        Some(paper_id),
        format!("Konzeptpapier „{title}“: Status von „{from}“ auf „{to}“ geändert."),
    )
}

/// A stored entry as the screen and the CLI show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditEntry {
    pub id: i64,
    /// RFC 3339, UTC.
    pub at: String,
    pub user: String,
    pub action: AuditAction,
    pub action_label: &'static str,
    pub record: AuditRecord,
    pub record_label: &'static str,
    pub record_id: Option<i64>,
    pub summary: String,
}

/// What the screen filters by; everything optional. Pages continue below `before_id`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct AuditFilter {
    pub action: Option<AuditAction>,
    /// First and last day (Stuttgart's calendar), inclusive, as typed ("01.03.2026") or ISO.
    pub from: Option<String>,
    pub to: Option<String>,
    /// Words that must all occur in summary or user (folded: "muller" finds "Müller").
    pub text: Option<String>,
    pub before_id: Option<i64>,
    /// Page size; capped at [`MAX_PAGE`].
    pub limit: Option<u32>,
}

/// One page of entries, newest first, with the number matching the filter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditPage {
    pub entries: Vec<AuditEntry>,
    pub total: i64,
    /// Pass as `before_id` for the next page; `None` on the last page.
    pub next_before_id: Option<i64>,
}

/// 200 rows fill a few screens and render in a few ms with the row-link pattern.
pub const DEFAULT_PAGE: u32 = 200;
pub const MAX_PAGE: u32 = 1000;

impl AuditFilter {
    /// The period as days; a wrong date names its field ("Von", "Bis").
    pub fn period(&self) -> crate::Result<(Option<NaiveDate>, Option<NaiveDate>)> {
        let day = |field: &str, text: &Option<String>| {
            text.as_deref()
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(|t| crate::berlin::parse_date(field, t))
                .transpose()
        };
        let from = day("Von", &self.from)?;
        let to = day("Bis", &self.to)?;
        if let (Some(f), Some(t)) = (from, to)
            && t < f
        {
            return Err(crate::Error::validation(
                "Bis",
                "Das Ende des Zeitraums liegt vor seinem Anfang.",
            ));
        }
        Ok((from, to))
    }

    pub fn page_size(&self) -> u32 {
        self.limit.unwrap_or(DEFAULT_PAGE).clamp(1, MAX_PAGE)
    }

    /// The folded words of the text filter, each as a `LIKE` pattern (`%` and `_` escaped with `\`).
    pub fn like_patterns(&self) -> Vec<String> {
        self.text
            .as_deref()
            .map(|t| {
                fold(t)
                    .split_whitespace()
                    .map(|w| {
                        let escaped = w.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
                        format!("%{escaped}%")
                    })
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// The text the filter searches in: summary and user, folded like the search index.
pub fn folded_text(user: &str, summary: &str) -> String {
    fold(&format!("{user} {summary}"))
}

/// Who made a change: the name set in Einstellungen, else the operating system's user name
/// (`USER` or `LOGNAME` on Linux/macOS, `USERNAME` on Windows), else "unbekannt". An office PC's login is the
/// person at the desk; the setting covers shared logins.
pub fn who(setting: Option<&str>, env: impl Fn(&str) -> Option<String>) -> String {
    if let Some(name) = setting.map(str::trim).filter(|s| !s.is_empty()) {
        return name.to_owned();
    }
    ["USER", "LOGNAME", "USERNAME"]
        .into_iter()
        .find_map(|key| env(key).map(|v| v.trim().to_owned()).filter(|v| !v.is_empty()))
        .unwrap_or_else(|| "unbekannt".to_owned())
}

/// [`who`] with the process environment.
pub fn current_user(setting: Option<&str>) -> String {
    who(setting, |key| std::env::var(key).ok())
}

#[cfg(test)]
mod tests;

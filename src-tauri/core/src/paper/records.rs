//! The records of concept papers the window and the CLI read: the list row, the paper with its
//! authors, versions, draft, status history, attachments and links, and comparisons.

use serde::{Deserialize, Serialize};

use crate::document::Document;
use crate::paper_diff::WordDiff;
use crate::paper_status::PaperStatus;

/// A Handlungsfeld users pick from (and can add to).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct Handlungsfeld {
    pub id: i64,
    pub name: String,
    /// How many papers use it.
    pub paper_count: i64,
}

/// One row of the Konzeptpapiere list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct PaperRow {
    pub id: i64,
    pub title: String,
    pub handlungsfeld: Option<String>,
    pub lead_organisation_name: Option<String>,
    pub status: PaperStatus,
    /// The number of the latest version (`None` before the first).
    pub current_version: Option<i64>,
    pub has_draft: bool,
    /// Authors' names, comma-separated, in their order.
    pub authors: Option<String>,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct PaperAuthor {
    /// `None` when the contact was deleted; the name stays.
    pub contact_id: Option<i64>,
    pub name: String,
}

/// A paper's own data (without its texts).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct Paper {
    pub id: i64,
    pub title: String,
    pub summary: Option<String>,
    pub handlungsfeld_id: Option<i64>,
    pub handlungsfeld: Option<String>,
    pub lead_organisation_id: Option<i64>,
    pub lead_organisation_name: Option<String>,
    pub status: PaperStatus,
    pub created_at: String,
    pub updated_at: String,
    pub version: i64,
}

/// A saved version in the list of versions (without its text).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct VersionSummary {
    pub id: i64,
    pub number: i64,
    pub title: String,
    pub note: Option<String>,
    pub saved_by: String,
    pub saved_at: String,
    pub restored_from: Option<i64>,
    /// Body size in characters, for a hint in the list.
    pub length: i64,
}

/// A saved version with its text and the text's document tree.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PaperVersion {
    pub id: i64,
    pub paper_id: i64,
    pub number: i64,
    pub title: String,
    pub summary: Option<String>,
    pub body: String,
    pub note: Option<String>,
    pub saved_by: String,
    pub saved_at: String,
    pub restored_from: Option<i64>,
    pub document: Document,
}

/// The autosaved draft of the next version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct PaperDraft {
    pub title: String,
    pub summary: Option<String>,
    pub body: String,
    /// The version the draft was begun from (`None` before the first version).
    pub base_number: Option<i64>,
    pub updated_at: String,
}

/// One recorded status change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct StatusChange {
    pub id: i64,
    pub from_status: PaperStatus,
    pub to_status: PaperStatus,
    pub at: String,
    pub note: Option<String>,
    pub changed_by: String,
    pub decision_id: Option<i64>,
    /// "Beschluss 3/2027-2", kept as it was printed.
    pub decision_label: Option<String>,
    /// The version number the decision adopted.
    pub adopted_version: Option<i64>,
    /// The session of the decision, while the decision exists.
    pub session_id: Option<i64>,
}

/// An attachment without its bytes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct AttachmentMeta {
    pub id: i64,
    pub paper_id: i64,
    /// The version it belongs to (`None`: to the paper as a whole).
    pub version_id: Option<i64>,
    pub version_number: Option<i64>,
    pub file_name: String,
    pub media_type: String,
    pub size: i64,
    pub sha256: String,
    pub added_by: String,
    pub added_at: String,
}

/// An attachment's bytes, checked against its checksum.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttachmentFile {
    pub meta: AttachmentMeta,
    pub data: Vec<u8>,
}

/// A session (and maybe one of its TOPs) where the paper was discussed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct PaperLink {
    pub id: i64,
    pub paper_id: i64,
    pub paper_title: String,
    pub paper_status: PaperStatus,
    pub session_id: i64,
    pub session_title: String,
    /// "2026-11-24"
    pub session_date: String,
    pub agenda_item_id: Option<i64>,
    pub agenda_item_title: Option<String>,
}

/// A decision a paper can be adopted by ("beschlossen"), for the status form's choice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DecisionChoice {
    pub id: i64,
    /// "Beschluss 3/2027-2"
    pub label: String,
    pub text: String,
    pub session_id: i64,
    pub session_title: String,
    /// "2026-11-24"
    pub session_date: String,
    /// Whether the decision's session or TOP is linked to the paper (those come first).
    pub linked: bool,
}

/// What a link is made to: a session, or a TOP (its session is the TOP's).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct LinkTarget {
    pub session_id: Option<i64>,
    pub agenda_item_id: Option<i64>,
}

/// Everything the paper screen shows, in one call.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PaperView {
    pub paper: Paper,
    pub status_label: &'static str,
    /// The statuses it may move to now, with their labels.
    pub next_statuses: Vec<StatusOption>,
    /// True while beschlossen/archiviert: no new version, draft or title change.
    pub frozen: bool,
    pub authors: Vec<PaperAuthor>,
    /// The latest version with its tree (`None` before the first).
    pub current: Option<PaperVersion>,
    pub draft: Option<PaperDraft>,
    /// Newest first.
    pub versions: Vec<VersionSummary>,
    /// Oldest first.
    pub status_history: Vec<StatusChange>,
    pub attachments: Vec<AttachmentMeta>,
    pub links: Vec<PaperLink>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatusOption {
    pub value: PaperStatus,
    pub label: &'static str,
    /// Whether choosing it needs a decision (beschlossen).
    pub needs_decision: bool,
}

impl StatusOption {
    pub fn all_after(status: PaperStatus) -> Vec<StatusOption> {
        status
            .next()
            .iter()
            .map(|s| StatusOption {
                value: *s,
                label: s.label(),
                needs_decision: *s == PaperStatus::Beschlossen,
            })
            .collect()
    }
}

/// Two versions side by side, compared word by word (older as `a`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VersionComparison {
    pub a: VersionSummary,
    pub b: VersionSummary,
    pub title_diff: WordDiff,
    pub summary_diff: WordDiff,
    pub body_diff: WordDiff,
}

/// A saved version compared word by word with the autosaved draft (the version as `a`, the
/// draft as the newer text), so the changes not yet saved can be read before saving them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DraftComparison {
    pub a: VersionSummary,
    pub draft: PaperDraft,
    pub title_diff: WordDiff,
    pub summary_diff: WordDiff,
    pub body_diff: WordDiff,
}

impl VersionSummary {
    /// A version's line in the list of versions.
    pub fn of(v: &PaperVersion) -> VersionSummary {
        VersionSummary {
            id: v.id,
            number: v.number,
            title: v.title.clone(),
            note: v.note.clone(),
            saved_by: v.saved_by.clone(),
            saved_at: v.saved_at.clone(),
            restored_from: v.restored_from,
            length: i64::try_from(v.body.chars().count()).unwrap_or(i64::MAX),
        }
    }
}

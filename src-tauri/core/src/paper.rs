//! Concept papers (Konzeptpapiere): the records the window and the CLI read, the inputs the forms
//! send, and their validation (German messages naming the field). Status rules are in
//! `paper_status.rs`, the Markdown tree in `markdown.rs`, the comparison in `paper_diff.rs`; the SQL
//! in `store/papers.rs` and its neighbours.

use serde::{Deserialize, Serialize};

use crate::document::Document;
use crate::error::FieldError;
use crate::limits::{self, check_length};
use crate::paper_diff::WordDiff;
use crate::paper_status::PaperStatus;
use crate::{Error, Result};

/// Largest attachment: 25 MB. Office files and scanned PDFs stay far below; a film does not belong
/// into the data file that every backup copies.
pub const MAX_ATTACHMENT_BYTES: u64 = 25 * 1024 * 1024;

/// A Handlungsfeld users pick from (and can add to).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct Handlungsfeld {
    pub id: i64,
    pub name: String,
    /// How many papers use it.
    pub paper_count: i64,
}

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

/// The note a restored version carries.
pub fn restored_note(number: i64) -> String {
    format!("Wiederhergestellt aus Version {number}")
}

/// Checks an attachment before it is stored: a name, and the size cap.
pub fn check_attachment(file_name: &str, size: u64) -> Result<()> {
    if file_name.trim().is_empty() {
        return Err(Error::validation("Anhang", "Die Datei hat keinen Namen."));
    }
    if size > MAX_ATTACHMENT_BYTES {
        return Err(Error::validation(
            "Anhang",
            format!(
                "Die Datei „{}“ ist {} groß; Anhänge dürfen höchstens {} groß sein. Bitte verkleinern Sie \
                 die Datei (z. B. als PDF mit geringerer Auflösung) oder legen Sie sie an anderer Stelle ab.",
                file_name,
                megabytes(size),
                megabytes(MAX_ATTACHMENT_BYTES)
            ),
        ));
    }
    if size == 0 {
        return Err(Error::validation(
            "Anhang",
            format!("Die Datei „{file_name}“ ist leer und wurde nicht angehängt."),
        ));
    }
    Ok(())
}

/// "25 MB", "3,4 MB" (German decimal comma).
pub fn megabytes(bytes: u64) -> String {
    let tenths = (bytes * 10).div_ceil(1024 * 1024);
    if tenths.is_multiple_of(10) {
        format!("{} MB", tenths / 10)
    } else {
        format!("{},{} MB", tenths / 10, tenths % 10)
    }
}

/// The media type of a file, from its extension (the file dialog gives no type).
pub fn media_type(file_name: &str) -> &'static str {
    let ext = file_name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "pdf" => "application/pdf",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "doc" => "application/msword",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "xls" => "application/vnd.ms-excel",
        "pptx" => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "odt" => "application/vnd.oasis.opendocument.text",
        "ods" => "application/vnd.oasis.opendocument.spreadsheet",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "txt" => "text/plain",
        "csv" => "text/csv",
        _ => "application/octet-stream",
    }
}

/// Writes a checked attachment to a folder of its own below `base` (the system's temp folder), so
/// the system's program can open it: `<base>/netzwerkmappe-anhaenge/<id>-<checksum>/<name>`. The
/// folder is readable by the user only (Unix); the name keeps only what every file system accepts.
/// Writing the same attachment again reuses its file.
pub fn write_private_copy(file: &AttachmentFile, base: &std::path::Path) -> Result<std::path::PathBuf> {
    let short: String = file.meta.sha256.chars().take(16).collect();
    let root = base.join("netzwerkmappe-anhaenge");
    let dir = root.join(format!("{}-{short}", file.meta.id));
    let failed = |e| Error::io("Der Anhang konnte nicht zum Öffnen bereitgestellt werden", e);
    std::fs::create_dir_all(&dir).map_err(failed)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        for folder in [&root, &dir] {
            std::fs::set_permissions(folder, std::fs::Permissions::from_mode(0o700)).map_err(failed)?;
        }
    }
    let path = dir.join(safe_file_name(&file.meta.file_name));
    std::fs::write(&path, &file.data).map_err(failed)?;
    Ok(path)
}

/// A file name any file system accepts: no folders, no characters Windows refuses.
pub fn safe_file_name(name: &str) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = last
        .chars()
        .map(|c| {
            if c.is_control() || "<>:\"|?*".contains(c) {
                '_'
            } else {
                c
            }
        })
        .collect();
    let cleaned = cleaned.trim().trim_end_matches('.').to_owned();
    if cleaned.is_empty() {
        "Anhang".to_owned()
    } else {
        cleaned
    }
}

/// SHA-256 of `data` as lower-case hex.
pub fn sha256_hex(data: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(data);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn former_authors_stay_unless_the_caller_names_the_ones_to_keep() {
        let stored = || vec!["Anna".to_owned(), "Ben".to_owned(), "Anna".to_owned()];
        assert_eq!(kept_former_authors(stored(), None), stored());
        assert!(kept_former_authors(stored(), Some(&[])).is_empty());
        let wanted = ["Anna".to_owned(), "Neu".to_owned()];
        assert_eq!(
            kept_former_authors(stored(), Some(&wanted)),
            vec!["Anna".to_owned()]
        );
        let wanted = ["Ben".to_owned(), "Anna".to_owned(), "Anna".to_owned()];
        assert_eq!(kept_former_authors(stored(), Some(&wanted)), stored());
    }

    #[test]
    fn empty_title_is_refused_with_the_field() {
        let err = PaperInput::default().normalised().unwrap_err();
        assert_eq!(err.field_errors()[0].field, "Titel");
        assert_eq!(err.to_string(), "Titel: Bitte geben Sie einen Titel ein.");
    }

    #[test]
    fn a_body_over_the_cap_is_refused() {
        let input = VersionInput {
            title: "Papier".into(),
            body: "a".repeat(limits::PAPER_BODY + 1),
            ..VersionInput::default()
        };
        let err = input.normalised().unwrap_err();
        assert_eq!(err.field_errors()[0].field, "Text");
        assert!(err.to_string().contains("Höchstens 300.000 Zeichen"), "{err}");
    }

    #[test]
    fn attachment_size_and_name() {
        assert!(check_attachment("a.pdf", 1).is_ok());
        let err = check_attachment("Film.mp4", MAX_ATTACHMENT_BYTES + 1).unwrap_err();
        assert!(err.to_string().contains("höchstens 25 MB"), "{err}");
        assert!(err.to_string().contains("„Film.mp4“ ist 25,1 MB groß"), "{err}");
        assert!(check_attachment("leer.txt", 0).is_err());
        assert_eq!(
            media_type("Bericht.DOCX"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        );
    }

    #[test]
    fn private_copies_have_safe_names() {
        assert_eq!(
            safe_file_name("..\\..\\Windows\\evil:name?.pdf"),
            "evil_name_.pdf"
        );
        assert_eq!(safe_file_name("/etc/passwd"), "passwd");
        assert_eq!(safe_file_name(".."), "Anhang");
        let dir = tempfile::tempdir().unwrap();
        let file = AttachmentFile {
            meta: AttachmentMeta {
                id: 7,
                paper_id: 1,
                version_id: None,
                version_number: None,
                file_name: "Plan 2027.pdf".into(),
                media_type: "application/pdf".into(),
                size: 3,
                sha256: sha256_hex(b"abc"),
                added_by: "t".into(),
                added_at: "2026-11-27T10:00:00Z".into(),
            },
            data: b"abc".to_vec(),
        };
        let path = write_private_copy(&file, dir.path()).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"abc");
        assert!(path.ends_with("netzwerkmappe-anhaenge/7-ba7816bf8f01cfea/Plan 2027.pdf"));
        // Again: the same file is written over, not a second copy.
        assert_eq!(write_private_copy(&file, dir.path()).unwrap(), path);
    }

    #[test]
    fn checksum_is_sha256_hex() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}

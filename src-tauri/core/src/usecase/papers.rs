//! The concept paper use cases ("Konzeptpapier anlegen", "Version speichern", "Status ändern",
//! "Anhang hinzufügen", "Mit Sitzung verknüpfen", …), shared by the window's commands and the
//! command line. Each opens one transaction through the store, loads what the rule needs, calls
//! the rule (`crate::paper`, `crate::paper_status`), writes through the store and returns what the
//! screen shows next: the paper with its versions, attachments and links (`get_paper`), composed
//! here from the store's per-table reads.

use std::path::Path;

use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use crate::paper::{
    AttachmentFile, AttachmentMeta, DraftComparison, DraftInput, Handlungsfeld, LinkTarget, PaperFields,
    PaperInput, PaperLink, PaperView, StatusChangeInput, StatusOption, VersionComparison, VersionInput,
    VersionSummary, check_attachment, check_checksum, check_meta_change, check_new_handlungsfeld,
    decision_label, first_version, handlungsfeld_name, kept_former_authors, restored_note, status_note,
};
use crate::paper_diff::{compare_documents, compare_texts};
use crate::paper_status::{PaperStatus, check_change, check_editable, check_no_draft};
use crate::store::attachments::{insert_attachment, list_attachments, load_meta};
use crate::store::audit::record_paper_status;
use crate::store::paper_links::{
    insert_link, link_exists, links_of_paper, load_link, session_exists, session_of_agenda_item,
};
use crate::store::paper_record::{index_paper, load_paper, mark_updated, touch_paper};
use crate::store::paper_versions::{
    StatusChangeRow, decision_number, draft_of, has_draft, insert_version, latest_number, link_to_decision,
    load_version, paper_of_version, status_history, upsert_draft, version_summaries, write_status_change,
};
use crate::store::papers::{
    author_names, authors_of, former_authors, handlungsfeld_exists, handlungsfeld_named,
    insert_handlungsfeld, insert_paper, organisation_name, replace_authors, update_paper_row,
};
use crate::store::write::{Versioned, check_version};
use crate::{Error, Result, store::Store};

/// Everything the paper screen shows: data, authors, the current version with its tree, the
/// draft, the list of versions, the status history, attachments (without bytes) and links, read
/// in one snapshot.
pub async fn get_paper(store: &Store, id: i64) -> Result<PaperView> {
    let mut tx = store.begin_read().await?;
    let paper = load_paper(&mut tx, id).await?;
    let authors = authors_of(&mut tx, id).await?;
    let versions = version_summaries(&mut tx, id).await?;
    let current = match versions.first() {
        Some(latest) => Some(load_version(&mut tx, latest.id).await?),
        None => None,
    };
    let draft = draft_of(&mut tx, id).await?;
    let status_history = status_history(&mut tx, id).await?;
    let attachments = list_attachments(&mut tx, id).await?;
    let links = links_of_paper(&mut tx, id).await?;
    tx.commit().await?;
    Ok(PaperView {
        status_label: paper.status.label(),
        next_statuses: StatusOption::all_after(paper.status),
        frozen: paper.status.is_frozen(),
        paper,
        authors,
        current,
        draft,
        versions,
        status_history,
        attachments,
        links,
    })
}

/// A new paper (status Entwurf). With a first text in `input.body`, that text is saved as
/// version 1 in the same transaction, saved by `by`.
pub async fn create_paper(
    store: &Store,
    input: PaperInput,
    by: &str,
    now: DateTime<Utc>,
) -> Result<PaperView> {
    let fields = input.normalised()?;
    let mut tx = store.begin_write().await?;
    let lead_name = lead_organisation_name(&mut tx, fields.lead_organisation_id).await?;
    check_handlungsfeld(&mut tx, fields.handlungsfeld_id).await?;
    let id = insert_paper(&mut tx, &fields, lead_name.as_deref(), now).await?;
    write_authors(&mut tx, id, &fields).await?;
    if let Some(first) = first_version(&fields) {
        insert_version(&mut tx, id, &first, None, by, now).await?;
    }
    index_paper(&mut tx, id).await?;
    tx.commit().await?;
    get_paper(store, id).await
}

/// Saves the paper's data (title, summary, Handlungsfeld, lead organisation, authors). Refused
/// when someone changed the paper meanwhile, and for title and summary while it is frozen.
pub async fn update_paper_meta(
    store: &Store,
    id: i64,
    input: PaperInput,
    now: DateTime<Utc>,
) -> Result<PaperView> {
    let fields = input.normalised()?;
    let mut tx = store.begin_write().await?;
    check_version(&mut tx, Versioned::Paper, id, fields.expected_version).await?;
    let stored = load_paper(&mut tx, id).await?;
    check_meta_change(&stored, &fields)?;
    check_handlungsfeld(&mut tx, fields.handlungsfeld_id).await?;
    let lead_name = lead_organisation_name(&mut tx, fields.lead_organisation_id).await?;
    update_paper_row(&mut tx, id, &fields, lead_name.as_deref(), now).await?;
    write_authors(&mut tx, id, &fields).await?;
    index_paper(&mut tx, id).await?;
    tx.commit().await?;
    get_paper(store, id).await
}

/// Adds a Handlungsfeld; a name that exists already (any case) is refused in German.
pub async fn add_handlungsfeld(store: &Store, name: &str, now: DateTime<Utc>) -> Result<Handlungsfeld> {
    let name = handlungsfeld_name(name)?;
    let mut tx = store.begin_write().await?;
    check_new_handlungsfeld(handlungsfeld_named(&mut tx, name).await?)?;
    let id = insert_handlungsfeld(&mut tx, name, now).await?;
    tx.commit().await?;
    Ok(Handlungsfeld {
        id,
        name: name.to_owned(),
        paper_count: 0,
    })
}

/// Autosave: keeps the text being written as the draft of the next version (replacing the
/// previous draft). Not version-checked: a draft belongs to the one editor open on it, and
/// losing typed text is worse than the last of two editors winning.
pub async fn save_paper_draft(
    store: &Store,
    paper_id: i64,
    input: DraftInput,
    now: DateTime<Utc>,
) -> Result<()> {
    let input = input.normalised()?;
    let mut tx = store.begin_write().await?;
    let paper = load_paper(&mut tx, paper_id).await?;
    check_editable(paper.status, "Ein Entwurf der nächsten Version")?;
    upsert_draft(&mut tx, paper_id, &input, now).await?;
    tx.commit().await?;
    Ok(())
}

/// Saves the text as the paper's next version (saved by `by`), takes its title and summary
/// as the paper's, removes the draft and updates the search row, in one transaction.
pub async fn save_paper_version(
    store: &Store,
    paper_id: i64,
    input: VersionInput,
    by: &str,
    now: DateTime<Utc>,
) -> Result<PaperView> {
    let input = input.normalised()?;
    let mut tx = store.begin_write().await?;
    check_version(&mut tx, Versioned::Paper, paper_id, input.expected_version).await?;
    let paper = load_paper(&mut tx, paper_id).await?;
    check_editable(paper.status, "Eine neue Version")?;
    insert_version(&mut tx, paper_id, &input, None, by, now).await?;
    index_paper(&mut tx, paper_id).await?;
    tx.commit().await?;
    get_paper(store, paper_id).await
}

/// Compares two versions of one paper word by word; the older is always `a`.
pub async fn compare_paper_versions(store: &Store, first: i64, second: i64) -> Result<VersionComparison> {
    let x = store.get_paper_version(first).await?;
    let y = store.get_paper_version(second).await?;
    if x.paper_id != y.paper_id {
        return Err(Error::validation(
            "Version",
            "Es können nur Versionen desselben Konzeptpapiers verglichen werden.",
        ));
    }
    let (a, b) = if x.number <= y.number { (x, y) } else { (y, x) };
    Ok(VersionComparison {
        title_diff: compare_texts(&a.title, &b.title),
        summary_diff: compare_texts(
            a.summary.as_deref().unwrap_or_default(),
            b.summary.as_deref().unwrap_or_default(),
        ),
        body_diff: compare_documents(&a.document, &b.document),
        a: VersionSummary::of(&a),
        b: VersionSummary::of(&b),
    })
}

/// Compares a saved version with the paper's draft ("Entwurf mit Version n vergleichen");
/// `NotFound` when the paper has no draft (it was saved or discarded meanwhile).
pub async fn compare_paper_draft(store: &Store, version_id: i64) -> Result<DraftComparison> {
    let a = store.get_paper_version(version_id).await?;
    let draft = store
        .paper_draft(a.paper_id)
        .await?
        .ok_or_else(|| Error::NotFound {
            what: "Der Entwurf".into(),
        })?;
    Ok(DraftComparison {
        title_diff: compare_texts(&a.title, draft.title.trim()),
        summary_diff: compare_texts(
            a.summary.as_deref().unwrap_or_default(),
            draft.summary.as_deref().unwrap_or_default(),
        ),
        body_diff: compare_documents(&a.document, &crate::markdown::parse(&draft.body)),
        a: VersionSummary::of(&a),
        draft,
    })
}

/// Restores an old version as the paper's newest one (its text, title and summary, with the
/// note "Wiederhergestellt aus Version n"); every version in between stays. A draft is
/// removed like with every new version.
pub async fn restore_paper_version(
    store: &Store,
    version_id: i64,
    expected_version: Option<i64>,
    by: &str,
    now: DateTime<Utc>,
) -> Result<PaperView> {
    let mut tx = store.begin_write().await?;
    let old = load_version(&mut tx, version_id).await?;
    check_version(&mut tx, Versioned::Paper, old.paper_id, expected_version).await?;
    let paper = load_paper(&mut tx, old.paper_id).await?;
    check_editable(paper.status, "Das Wiederherstellen einer Version")?;
    check_no_draft(
        has_draft(&mut tx, old.paper_id).await?,
        "Das Wiederherstellen einer Version",
    )?;
    let input = VersionInput {
        title: old.title.clone(),
        summary: old.summary.clone(),
        body: old.body.clone(),
        note: Some(restored_note(old.number)),
        expected_version: None,
    };
    insert_version(&mut tx, old.paper_id, &input, Some(old.number), by, now).await?;
    index_paper(&mut tx, old.paper_id).await?;
    tx.commit().await?;
    get_paper(store, old.paper_id).await
}

/// Moves the paper to another status, recording date, note, who, and for "beschlossen" the
/// decision (with its printed number) and the version it adopted; the adopting session (and TOP)
/// shows the paper too, linked or not before.
pub async fn change_paper_status(
    store: &Store,
    paper_id: i64,
    input: StatusChangeInput,
    by: &str,
    now: DateTime<Utc>,
) -> Result<PaperView> {
    let note = status_note(input.note)?;
    let mut tx = store.begin_write().await?;
    check_version(&mut tx, Versioned::Paper, paper_id, input.expected_version).await?;
    let paper = load_paper(&mut tx, paper_id).await?;
    let latest = latest_number(&mut tx, paper_id).await?;
    check_change(paper.status, input.to, input.decision_id, latest.is_some())?;
    if input.to.is_frozen() {
        let what = format!("Der Status „{}“", input.to.label());
        check_no_draft(has_draft(&mut tx, paper_id).await?, &what)?;
    }
    let (label, adopted) = match input.decision_id {
        Some(decision) if input.to == PaperStatus::Beschlossen => {
            let (number, ordinal, year) =
                decision_number(&mut tx, decision)
                    .await?
                    .ok_or_else(|| Error::NotFound {
                        what: "Der Beschluss".into(),
                    })?;
            (Some(decision_label(ordinal, year, number)), latest)
        }
        _ => (None, None),
    };
    let change = StatusChangeRow {
        paper_id,
        from: paper.status,
        to: input.to,
        note: note.as_deref(),
        by,
        decision_id: input.decision_id,
        decision_label: label.as_deref(),
        adopted_version: adopted,
    };
    write_status_change(&mut tx, &change, now).await?;
    if let (PaperStatus::Beschlossen, Some(decision)) = (input.to, input.decision_id) {
        link_to_decision(&mut tx, paper_id, decision, now).await?;
    }
    touch_paper(&mut tx, paper_id, now).await?;
    index_paper(&mut tx, paper_id).await?;
    record_paper_status(
        &mut tx,
        paper_id,
        &paper.title,
        paper.status.label(),
        input.to.label(),
        now,
    )
    .await?;
    tx.commit().await?;
    get_paper(store, paper_id).await
}

/// Attaches `data` as `file_name` to a paper (or to one of its versions). Refused over the size
/// limit or when empty, with a German message naming the file. Allowed in every status: an
/// attachment adds material (a signed copy of the decision, say) and changes no version.
pub async fn add_attachment(
    store: &Store,
    paper_id: i64,
    version_id: Option<i64>,
    file_name: &str,
    data: &[u8],
    by: &str,
    now: DateTime<Utc>,
) -> Result<AttachmentMeta> {
    let file_name = file_name.trim();
    check_attachment(file_name, u64::try_from(data.len()).unwrap_or(u64::MAX))?;
    let mut tx = store.begin_write().await?;
    load_paper(&mut tx, paper_id).await?;
    if let Some(version) = version_id
        && paper_of_version(&mut tx, version).await? != Some(paper_id)
    {
        return Err(Error::NotFound {
            what: "Die Version".into(),
        });
    }
    let id = insert_attachment(&mut tx, paper_id, version_id, file_name, data, by, now).await?;
    mark_updated(&mut tx, paper_id, now).await?;
    let meta = load_meta(&mut tx, id).await?;
    tx.commit().await?;
    Ok(meta)
}

/// Attaches the file at `path` (picked in the system's dialog, or named on the command line).
/// The size is checked before the file is read, so a film picked by mistake is refused at once.
pub async fn add_attachment_from_file(
    store: &Store,
    paper_id: i64,
    version_id: Option<i64>,
    path: &Path,
    by: &str,
    now: DateTime<Utc>,
) -> Result<AttachmentMeta> {
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let unreadable = |e| {
        Error::io(
            format!("Die Datei „{}“ konnte nicht gelesen werden", path.display()),
            e,
        )
    };
    let size = std::fs::metadata(path).map_err(unreadable)?.len();
    check_attachment(&file_name, size)?;
    let data = std::fs::read(path).map_err(unreadable)?;
    add_attachment(store, paper_id, version_id, &file_name, &data, by, now).await
}

/// An attachment's bytes, after checking them against the stored checksum (a damaged one is
/// refused as `Validation`, naming the file).
pub async fn read_attachment(store: &Store, id: i64) -> Result<AttachmentFile> {
    let file = store.attachment_as_stored(id).await?;
    check_checksum(&file.meta, &file.data)?;
    Ok(file)
}

/// Links a paper to a session or to a TOP (then to the TOP's session). Linking twice to the
/// same place is refused in German. Links may be made in any status: an adopted paper is still
/// presented in later sessions.
pub async fn link_paper(
    store: &Store,
    paper_id: i64,
    target: LinkTarget,
    now: DateTime<Utc>,
) -> Result<PaperLink> {
    let mut tx = store.begin_write().await?;
    load_paper(&mut tx, paper_id).await?;
    let session_id = match (target.agenda_item_id, target.session_id) {
        (Some(item), session) => match session_of_agenda_item(&mut tx, item).await? {
            Some(owner) if session.is_none_or(|s| s == owner) => owner,
            _ => {
                return Err(Error::NotFound {
                    what: "Der Tagesordnungspunkt".into(),
                });
            }
        },
        (None, Some(session)) => {
            if !session_exists(&mut tx, session).await? {
                return Err(Error::NotFound {
                    what: "Die Sitzung".into(),
                });
            }
            session
        }
        (None, None) => {
            return Err(Error::validation(
                "Sitzung",
                "Bitte wählen Sie eine Sitzung oder einen Tagesordnungspunkt.",
            ));
        }
    };
    if link_exists(&mut tx, paper_id, session_id, target.agenda_item_id).await? {
        return Err(Error::validation(
            "Sitzung",
            "Das Konzeptpapier ist hier schon verknüpft.",
        ));
    }
    let id = insert_link(&mut tx, paper_id, session_id, target.agenda_item_id, now).await?;
    mark_updated(&mut tx, paper_id, now).await?;
    let link = load_link(&mut tx, id).await?;
    tx.commit().await?;
    Ok(link)
}

async fn check_handlungsfeld(conn: &mut SqliteConnection, id: Option<i64>) -> Result<()> {
    let Some(id) = id else { return Ok(()) };
    if handlungsfeld_exists(conn, id).await? {
        Ok(())
    } else {
        Err(Error::NotFound {
            what: "Das Handlungsfeld".into(),
        })
    }
}

/// The name of the lead organisation, kept beside its id (the paper keeps it if it is deleted).
async fn lead_organisation_name(conn: &mut SqliteConnection, id: Option<i64>) -> Result<Option<String>> {
    let Some(id) = id else { return Ok(None) };
    match organisation_name(conn, id).await? {
        Some(name) => Ok(Some(name)),
        None => Err(Error::NotFound {
            what: "Die federführende Organisation".into(),
        }),
    }
}

/// Replaces the authors with `fields.author_ids` in that order, their names as they are now.
/// Authors whose contact was deleted (kept by name) stay in front as `kept_former_authors`
/// decides: all of them unless the caller named the ones to keep.
async fn write_authors(conn: &mut SqliteConnection, paper_id: i64, fields: &PaperFields) -> Result<()> {
    let names = author_names(conn, &fields.author_ids).await?;
    let mut authors = Vec::with_capacity(fields.author_ids.len());
    for id in &fields.author_ids {
        let Some((_, name)) = names.iter().find(|(n, _)| n == id) else {
            return Err(Error::NotFound {
                what: "Ein gewählter Autor oder eine gewählte Autorin".into(),
            });
        };
        authors.push((*id, name.clone()));
    }
    let former = kept_former_authors(
        former_authors(conn, paper_id).await?,
        fields.former_authors.as_deref(),
    );
    replace_authors(conn, paper_id, &former, &authors).await
}

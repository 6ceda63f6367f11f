//! "Person löschen (Art. 17)", "Auskunft (Art. 15)" and the retention review: one function per
//! action, shared by the window's commands and the command line. Each loads the facts through
//! `store::privacy`, asks the rules in `crate::privacy` what to replace, keep or delete, and
//! writes through the store inside one transaction.

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::SqliteConnection;

use crate::audit::{AuditAction, AuditEvent, AuditRecord, folded_text};
use crate::berlin::today;
use crate::export::write_new_file_at;
use crate::privacy::{
    ANONYMISED, AccessAuditEntry, AccessOrganisation, AuditText, ERASURE_ADDENDUM_REASON, ErasureReport,
    NameMatcher, PaperMention, PersonName, RetentionCandidate, SavedAccess, SubjectAccess, access_mention,
    access_papers, affected_sessions, audit_concerns, backup_notice, changed_papers, erasable,
    erasure_addendum_text, erasure_summary, is_own_note, needs_status_note, papers_with_changed_versions,
    replace_paper_texts, replace_texts, retention_limit, retention_review, rewrite_audit, sort_mentions,
    subject_access_text,
};
use crate::search::sort_key;
use crate::store::audit::{record_audit, user_name_of};
use crate::store::privacy as sql;
use crate::{Error, Result, store::Store};

/// The person's name matcher; refuses an unknown contact and an anonymised placeholder.
async fn person_matcher(conn: &mut SqliteConnection, id: i64) -> Result<NameMatcher> {
    let Some((person, anonymised)) = sql::person(conn, id).await? else {
        return Err(Error::NotFound {
            what: "Der Kontakt".into(),
        });
    };
    // The bare surname is replaced only when no other live contact carries it.
    let shared = sql::surname_shared(conn, id, &sort_key(&[&person.last_name])).await?;
    erasable(&person, anonymised, !shared)
}

/// Art. 17: removes the person's personal data in one transaction, then scrubs the file so the
/// name is in no page, free page, write-ahead log or search index any more.
///
/// Attendance, TOP responsibility and task ownership keep their place as [`ANONYMISED`]; the
/// contact row stays as such a placeholder (without any personal data) when something points at
/// it, else it is deleted. The name is replaced in every free text that mentions it, also in
/// approved minutes, which get a Nachtrag saying so, in concept papers (frozen ones get a note in
/// their status history) and in older entries of the Änderungsprotokoll; the erasure's own entry
/// names only the contact number.
pub async fn erase_contact(store: &Store, id: i64, now: DateTime<Utc>) -> Result<ErasureReport> {
    let mut tx = store.begin_write().await?;
    let matcher = person_matcher(&mut tx, id).await?;
    let on = today(now);
    let linked = sql::linked_sessions(&mut tx, id).await?;

    let texts = replace_texts(
        &matcher,
        sql::texts_naming(&mut tx, |t| matcher.is_match(t)).await?,
    );
    for r in &texts {
        sql::set_text(&mut tx, &r.found, &r.text).await?;
    }
    let papers_replaced = erase_from_papers(&mut tx, id, &matcher, now).await?;
    let texts_replaced = texts.len() + papers_replaced;

    sql::rename_references(&mut tx, id, ANONYMISED, &sort_key(&[ANONYMISED]), now).await?;
    for entry in rewrite_audit(&matcher, sql::audit_texts(&mut tx).await?) {
        sql::set_audit_text(&mut tx, &entry, &folded_text(&entry.user, &entry.summary)).await?;
    }

    let kept_as_placeholder = sql::is_involved(&mut tx, id).await?;
    sql::delete_contact_details(&mut tx, id).await?;
    if kept_as_placeholder {
        sql::anonymise_contact(&mut tx, id, ANONYMISED, &sort_key(&[ANONYMISED]), now).await?;
    } else {
        sql::delete_contact(&mut tx, id).await?;
    }
    sql::remove_contact_search_row(&mut tx, id).await?;

    let sessions = affected_sessions(&linked, &texts);
    // Approved minutes are not silently changed: each gets a Nachtrag saying what happened.
    let approved = sql::approved_minutes(&mut tx, &sessions).await?;
    for &session in &approved {
        sql::add_addendum(
            &mut tx,
            session,
            on,
            ERASURE_ADDENDUM_REASON,
            &erasure_addendum_text(on),
            now,
        )
        .await?;
    }
    sql::reindex_sessions(&mut tx, &sessions).await?;
    let summary = erasure_summary(id, kept_as_placeholder, texts_replaced, sessions.len());
    let event = AuditEvent::new(AuditAction::Erasure, AuditRecord::Contact, Some(id), summary);
    record_audit(&mut tx, &event, Some(now)).await?;
    sql::optimize_search_index(&mut tx).await?;
    tx.commit().await?;
    let file_scrubbed = store.scrub_file().await?;
    Ok(ErasureReport {
        contact_id: id,
        file_scrubbed,
        kept_as_placeholder,
        texts_replaced,
        sessions_affected: sessions.len(),
        addenda_added: approved.len(),
        backup_notice: backup_notice(),
    })
}

/// The erasure's part in concept papers, inside its transaction: authorship becomes
/// [`ANONYMISED`] and the name is replaced in every paper text, saved versions included (the one
/// legal exception to their guard). Returns how many texts changed.
async fn erase_from_papers(
    conn: &mut SqliteConnection,
    contact_id: i64,
    matcher: &NameMatcher,
    now: DateTime<Utc>,
) -> Result<usize> {
    // Authorship first, so the placeholder name is not searched for below.
    let authored = sql::unlink_authorship(conn, contact_id, ANONYMISED).await?;
    let found = sql::paper_texts_naming(conn, |t| matcher.is_match(t)).await?;
    let texts = replace_paper_texts(matcher, found);
    let versions = papers_with_changed_versions(&texts);
    let guard = if versions.is_empty() {
        None
    } else {
        Some(sql::lift_version_guard(conn).await?)
    };
    for r in &texts {
        if r.found.place == crate::privacy::PaperPlace::Title {
            sql::set_paper_sort_key(conn, r.found.paper_id, &sort_key(&[&r.text])).await?;
        }
        sql::set_paper_text(conn, &r.found, &r.text).await?;
    }
    if let Some(ddl) = guard {
        sql::restore_version_guard(conn, ddl).await?;
    }
    let note = erasure_addendum_text(today(now));
    let who = user_name_of(conn).await?;
    for &paper_id in &versions {
        let status = sql::paper_status(conn, paper_id).await?;
        if needs_status_note(status) {
            sql::add_status_note(conn, paper_id, status, &note, &who, now).await?;
        }
    }
    let changed = changed_papers(&authored, &texts);
    for &paper_id in &changed {
        sql::touch_paper(conn, paper_id, now).await?;
    }
    // Authorship counts one text per paper.
    let authored_papers: std::collections::BTreeSet<i64> = authored.into_iter().collect();
    Ok(authored_papers.len() + texts.len())
}

/// Art. 15: everything stored about one person.
pub async fn subject_access(store: &Store, id: i64, now: DateTime<Utc>) -> Result<SubjectAccess> {
    let contact = store.get_contact(id).await?;
    let mut conn = store.read_connection().await?;
    let matcher = person_matcher(&mut conn, id).await?;
    let organisation = match (contact.organisation_id, &contact.organisation_name) {
        (Some(id), Some(name)) => Some(AccessOrganisation {
            id,
            name: name.clone(),
        }),
        _ => None,
    };
    let sessions = sql::participations(&mut conn, id).await?;
    let agenda_items = sql::agenda_items_of(&mut conn, id).await?;
    let action_items = sql::action_items_of(&mut conn, id).await?;
    let minutes_taken = sql::minutes_taken_by(&mut conn, id).await?;
    let mut mentions = Vec::new();
    for f in sql::texts_naming(&mut conn, |t| matcher.is_match(t)).await? {
        if is_own_note(&f, id) {
            continue;
        }
        let session = sql::session_title_date(&mut conn, f.session_id).await?;
        mentions.push(access_mention(f, session));
    }
    sort_mentions(&mut mentions);
    let authored = sql::authored_papers(&mut conn, id).await?;
    let mut paper_mentions = Vec::new();
    for found in sql::paper_texts_naming(&mut conn, |t| matcher.is_match(t)).await? {
        let title = sql::paper_title(&mut conn, found.paper_id).await?;
        let version = if found.place.is_saved_version() {
            Some(sql::version_number(&mut conn, found.key).await?)
        } else {
            None
        };
        paper_mentions.push(PaperMention {
            found,
            title,
            version,
        });
    }
    let papers = access_papers(authored, paper_mentions, &matcher);
    let audit_entries = sql::audit_rows(&mut conn)
        .await?
        .into_iter()
        .filter_map(|(at, user, summary, kind, record)| {
            let entry = AuditText { id: 0, user, summary };
            audit_concerns(kind.as_deref(), record, id, &entry, &matcher).then_some(AccessAuditEntry {
                at,
                user: entry.user,
                summary: entry.summary,
            })
        })
        .collect();
    Ok(SubjectAccess {
        created_at: now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        contact,
        organisation,
        sessions,
        agenda_items,
        action_items,
        minutes_taken,
        mentions,
        papers,
        audit_entries,
    })
}

/// Records in the Änderungsprotokoll that an Auskunft was given (by contact number only).
pub async fn record_subject_access(store: &Store, id: i64, now: DateTime<Utc>) -> Result<()> {
    let event = AuditEvent::new(
        AuditAction::SubjectAccess,
        AuditRecord::Contact,
        Some(id),
        format!("Auskunft nach Art. 15 DSGVO für Kontakt Nr. {id} exportiert."),
    );
    store.record_audit(&event, now).await?;
    Ok(())
}

/// Art. 15 export: the JSON at `target` and the readable text and PDF beside it (same name,
/// `.txt`, `.pdf`), none overwriting an existing file; then records in the Änderungsprotokoll
/// that it was given. Shared by the window (after "Speichern unter") and the CLI (`auskunft`).
pub async fn save_subject_access(
    store: &Store,
    id: i64,
    target: &std::path::Path,
    now: DateTime<Utc>,
) -> Result<SavedAccess> {
    let access = subject_access(store, id, now).await?;
    let json = serde_json::to_vec_pretty(&access).map_err(|e| Error::Validation {
        field: "Auskunft".into(),
        message: format!("Die Auskunft konnte nicht als JSON geschrieben werden ({e})."),
    })?;
    let text_target = target.with_extension("txt");
    let pdf_target = target.with_extension("pdf");
    for beside in [&text_target, &pdf_target] {
        if beside.exists() {
            return Err(Error::validation(
                "Datei",
                format!(
                    "„{}“ gibt es schon. Netzwerkmappe überschreibt keine Dateien: bitte wählen Sie einen anderen Namen.",
                    beside.display()
                ),
            ));
        }
    }
    let text = subject_access_text(&access);
    // Built before anything is written, so a PDF error leaves no half set of files.
    let pdf = crate::pdf::subject_access_pdf(&text, &PersonName::of(&access.contact).full(), now)?;
    write_new_file_at(target, &json)?;
    write_new_file_at(&text_target, text.as_bytes())?;
    write_new_file_at(&pdf_target, &pdf.bytes)?;
    record_subject_access(store, id, now).await?;
    Ok(SavedAccess {
        json: target.display().to_string(),
        text: text_target.display().to_string(),
        pdf: pdf_target.display().to_string(),
    })
}

/// Contacts whose latest activity lies `years` or more back, oldest first.
pub async fn retention_candidates(
    store: &Store,
    today: NaiveDate,
    years: u32,
) -> Result<Vec<RetentionCandidate>> {
    let Some(limit) = retention_limit(today, years) else {
        return Ok(Vec::new());
    };
    Ok(retention_review(store.quiet_contacts(limit).await?, today, years))
}

/// "Behalten" in the retention review: the contact counts as reviewed today.
pub async fn keep_contact(store: &Store, id: i64, now: DateTime<Utc>) -> Result<()> {
    let mut tx = store.begin_write().await?;
    if !sql::mark_kept(&mut tx, id, now).await? {
        return Err(Error::NotFound {
            what: "Der Kontakt".into(),
        });
    }
    let event = AuditEvent::new(
        AuditAction::RetentionKept,
        AuditRecord::Contact,
        Some(id),
        format!("Kontakt Nr. {id} nach Prüfung der Aufbewahrung behalten."),
    );
    record_audit(&mut tx, &event, Some(now)).await?;
    tx.commit().await?;
    Ok(())
}

//! SQL for the DSGVO features: Auskunft (Art. 15), erasure (Art. 17), contacts without a legal
//! basis and the retention review. The rules (name forms, replacement, retention, texts) are in
//! `crate::privacy`; this file loads, calls them inside one transaction and writes.
//!
//! Where a person can appear besides their contact row: attendance (`session_participants`),
//! TOP responsibility (`agenda_item_contacts`), task ownership (`action_items`), Protokollführung
//! (`minutes`), free text ([`TEXT_PLACES`]), and concept papers: authorship (`paper_authors`) and
//! their texts ([`PAPER_PLACES`], read by [`papers_of_person`], replaced by [`erase_from_papers`]).

use std::collections::BTreeSet;

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::SqliteConnection;

use super::audit::{record_audit, user_name_of};
use super::papers::index_paper;
use super::search::remove_rows;
use super::session_index::index_sessions;
use super::write::timestamp;
use crate::audit::{AuditAction, AuditEvent, AuditRecord, folded_text};
use crate::berlin::{iso_date, today};
use crate::paper_status::PaperStatus;
use crate::privacy::{
    ANONYMISED, AccessActionItem, AccessAgendaItem, AccessAuditEntry, AccessMention, AccessOrganisation,
    AccessPaper, AccessParticipation, AccessSessionRef, ContactWithoutBasis, ErasureReport, NameMatcher,
    PersonName, RetentionCandidate, SubjectAccess, backup_notice, erasure_addendum_text, erasure_summary,
    matching_lines, retention_due, retention_limit,
};
use crate::search::{SearchKind, sort_key};
use crate::{Error, Result, Store};

/// A free-text column that may name people: where it is shown (German), its table and column,
/// the column holding the session id (none for notes on contacts and organisations), and whether the table counts versions (a form still
/// showing the old text must then reload instead of writing the name back).
struct TextPlace {
    place: &'static str,
    table: &'static str,
    column: &'static str,
    session: Option<&'static str>,
    versioned: bool,
}

const TEXT_PLACES: [TextPlace; 14] = [
    // Another person's note ("Vertretung für Frau Wagner") or an organisation's names them too.
    TextPlace {
        place: "Notiz zu einem Kontakt",
        table: "contacts",
        column: "notes",
        session: None,
        versioned: true,
    },
    TextPlace {
        place: "Notiz zu einer Organisation",
        table: "organisations",
        column: "notes",
        session: None,
        versioned: true,
    },
    TextPlace {
        place: "Sitzung",
        table: "sessions",
        column: "title",
        session: Some("id"),
        versioned: true,
    },
    TextPlace {
        place: "Sitzungsnotiz",
        table: "sessions",
        column: "notes",
        session: Some("id"),
        versioned: true,
    },
    TextPlace {
        place: "Tagesordnungspunkt",
        table: "agenda_items",
        column: "title",
        session: Some("session_id"),
        versioned: true,
    },
    TextPlace {
        place: "Tagesordnungspunkt",
        table: "agenda_items",
        column: "description",
        session: Some("session_id"),
        versioned: true,
    },
    TextPlace {
        place: "Diskussion",
        table: "agenda_items",
        column: "discussion",
        session: Some("session_id"),
        versioned: true,
    },
    TextPlace {
        place: "Beschluss",
        table: "decisions",
        column: "text",
        session: Some("session_id"),
        versioned: true,
    },
    TextPlace {
        place: "Aufgabe",
        table: "action_items",
        column: "what",
        session: Some("session_id"),
        versioned: true,
    },
    TextPlace {
        place: "Aufgabe (verantwortlich)",
        table: "action_items",
        column: "owner_name",
        session: Some("session_id"),
        versioned: true,
    },
    TextPlace {
        place: "Protokollführung",
        table: "minutes",
        column: "minute_taker_name",
        session: Some("session_id"),
        versioned: true,
    },
    TextPlace {
        place: "Freigabe",
        table: "minutes",
        column: "approved_by",
        session: Some("session_id"),
        versioned: true,
    },
    TextPlace {
        place: "Nachtrag",
        table: "minutes_addenda",
        column: "reason",
        session: Some("session_id"),
        versioned: false,
    },
    TextPlace {
        place: "Nachtrag",
        table: "minutes_addenda",
        column: "text",
        session: Some("session_id"),
        versioned: false,
    },
];

/// One text that names the person.
struct Found {
    place: &'static TextPlace,
    id: i64,
    session_id: Option<i64>,
    text: String,
}

/// id, at, user, summary, record kind, record id.
type AuditRow = (i64, String, String, String, Option<String>, Option<i64>);

type NameRow = (
    Option<String>,
    Option<String>,
    Option<String>,
    String,
    Option<String>,
);

/// The person's name and whether their surname may be replaced on its own (no other live
/// contact carries it). `None` for an unknown or already anonymised contact.
async fn load_person(conn: &mut SqliteConnection, id: i64) -> Result<(PersonName, bool)> {
    let row: Option<NameRow> = sqlx::query_as(
        "SELECT salutation, title, first_name, last_name, anonymised_at FROM contacts WHERE id = ?1",
    )
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?;
    let Some((salutation, title, first_name, last_name, anonymised)) = row else {
        return Err(Error::NotFound {
            what: "Der Kontakt".into(),
        });
    };
    if anonymised.is_some() {
        return Err(Error::validation(
            "Kontakt",
            "Die Daten dieser Person wurden bereits gelöscht; hier steht nur noch „anonymisierte Person“.",
        ));
    }
    let others: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM contacts WHERE id <> ?1 AND anonymised_at IS NULL
         AND (sort_key = ?2 OR substr(sort_key, 1, length(?2) + 1) = ?2 || ' ')",
    )
    .bind(id)
    // sort_key is the folded surname, then a space and the first name (contact_sort_key).
    .bind(sort_key(&[&last_name]))
    .fetch_one(&mut *conn)
    .await?;
    let person = PersonName {
        salutation,
        title,
        first_name,
        last_name,
    };
    Ok((person, others == 0))
}

/// Every text in [`TEXT_PLACES`] that names the person.
async fn find_mentions(conn: &mut SqliteConnection, matcher: &NameMatcher) -> Result<Vec<Found>> {
    let mut found = Vec::new();
    for place in &TEXT_PLACES {
        let sql = format!(
            "SELECT id, {session}, {column} FROM {table} WHERE {column} IS NOT NULL",
            session = place.session.unwrap_or("NULL"),
            column = place.column,
            table = place.table
        );
        let rows: Vec<(i64, Option<i64>, String)> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .fetch_all(&mut *conn)
            .await?;
        found.extend(
            rows.into_iter()
                .filter(|(_, _, text)| matcher.is_match(text))
                .map(|(id, session_id, text)| Found {
                    place,
                    id,
                    session_id,
                    text,
                }),
        );
    }
    Ok(found)
}

/// A paper text that may name people: where it is shown (German), its table and column, the
/// column holding the paper's id, and the column that tells the row apart within the paper (the
/// paper's id again for one-per-paper rows). Attachments' bytes are not searched: they are files
/// (PDF, DOCX) the app does not read; erasing the person from them means deleting the attachment.
struct PaperPlace {
    place: &'static str,
    table: &'static str,
    column: &'static str,
    paper: &'static str,
    key: &'static str,
}

const fn paper_place(
    place: &'static str,
    table: &'static str,
    column: &'static str,
    paper: &'static str,
    key: &'static str,
) -> PaperPlace {
    PaperPlace {
        place,
        table,
        column,
        paper,
        key,
    }
}

const PAPER_PLACES: [PaperPlace; 15] = [
    paper_place("Autor/in", "paper_authors", "name", "paper_id", "position"),
    paper_place("Titel", "papers", "title", "id", "id"),
    paper_place("Zusammenfassung", "papers", "summary", "id", "id"),
    paper_place("Titel einer Version", "paper_versions", "title", "paper_id", "id"),
    paper_place(
        "Zusammenfassung einer Version",
        "paper_versions",
        "summary",
        "paper_id",
        "id",
    ),
    paper_place("Text einer Version", "paper_versions", "body", "paper_id", "id"),
    paper_place(
        "Notiz zu einer Version",
        "paper_versions",
        "note",
        "paper_id",
        "id",
    ),
    paper_place(
        "Version gespeichert von",
        "paper_versions",
        "saved_by",
        "paper_id",
        "id",
    ),
    paper_place("Entwurf (Titel)", "paper_drafts", "title", "paper_id", "paper_id"),
    paper_place(
        "Entwurf (Zusammenfassung)",
        "paper_drafts",
        "summary",
        "paper_id",
        "paper_id",
    ),
    paper_place("Entwurf (Text)", "paper_drafts", "body", "paper_id", "paper_id"),
    paper_place(
        "Notiz zu einer Statusänderung",
        "paper_status_changes",
        "note",
        "paper_id",
        "id",
    ),
    paper_place(
        "Status geändert von",
        "paper_status_changes",
        "changed_by",
        "paper_id",
        "id",
    ),
    paper_place("Anhang (Dateiname)", "attachments", "file_name", "paper_id", "id"),
    paper_place(
        "Anhang hinzugefügt von",
        "attachments",
        "added_by",
        "paper_id",
        "id",
    ),
];

/// One paper text that names the person.
struct PaperFound {
    place: &'static PaperPlace,
    paper_id: i64,
    key: i64,
    text: String,
}

/// Every text in [`PAPER_PLACES`] that names the person.
async fn find_paper_mentions(conn: &mut SqliteConnection, matcher: &NameMatcher) -> Result<Vec<PaperFound>> {
    let mut found = Vec::new();
    for place in &PAPER_PLACES {
        let sql = format!(
            "SELECT {paper}, {key}, {column} FROM {table} WHERE {column} IS NOT NULL ORDER BY {paper}, {key}",
            paper = place.paper,
            key = place.key,
            column = place.column,
            table = place.table
        );
        let rows: Vec<(i64, i64, String)> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .fetch_all(&mut *conn)
            .await?;
        found.extend(
            rows.into_iter()
                .filter(|(_, _, text)| matcher.is_match(text))
                .map(|(paper_id, key, text)| PaperFound {
                    place,
                    paper_id,
                    key,
                    text,
                }),
        );
    }
    Ok(found)
}

/// What concept papers hold about the person, for the Auskunft: the papers they are an author
/// of, and every paper text (title, summary, each version's text and note, the draft, status
/// notes, attachment names, "gespeichert von") that names them.
async fn papers_of_person(
    conn: &mut SqliteConnection,
    contact_id: i64,
    matcher: &NameMatcher,
) -> Result<Vec<AccessPaper>> {
    let authored: Vec<(i64, String)> = sqlx::query_as(
        "SELECT p.id, p.title FROM paper_authors a JOIN papers p ON p.id = a.paper_id
         WHERE a.contact_id = ?1 ORDER BY p.sort_key, p.id",
    )
    .bind(contact_id)
    .fetch_all(&mut *conn)
    .await?;
    let mut out: Vec<AccessPaper> = authored
        .into_iter()
        .map(|(paper_id, title)| AccessPaper {
            paper_id,
            title,
            place: "Autor/in".into(),
            text: String::new(),
        })
        .collect();
    for f in find_paper_mentions(conn, matcher).await? {
        // Authorship by contact is listed above; a name typed as author stays a mention.
        if f.place.table == "paper_authors"
            && out.iter().any(|p| p.paper_id == f.paper_id && p.text.is_empty())
        {
            continue;
        }
        let title: String = sqlx::query_scalar("SELECT title FROM papers WHERE id = ?1")
            .bind(f.paper_id)
            .fetch_one(&mut *conn)
            .await?;
        let place = if f.place.table == "paper_versions" {
            let number: i64 = sqlx::query_scalar("SELECT number FROM paper_versions WHERE id = ?1")
                .bind(f.key)
                .fetch_one(&mut *conn)
                .await?;
            format!("{} (Version {number})", f.place.place)
        } else {
            f.place.place.to_owned()
        };
        out.push(AccessPaper {
            paper_id: f.paper_id,
            title,
            place,
            text: matching_lines(matcher, &f.text),
        });
    }
    Ok(out)
}

/// Replaces the person in concept papers inside the erasure's transaction: their authorship
/// becomes [`ANONYMISED`] (no longer linked to the contact), and the name is replaced in every
/// text of [`PAPER_PLACES`]. Returns how many texts changed.
///
/// Saved versions are never changed (trigger `paper_versions_unchanged`); an erasure is the one
/// legal exception (Art. 17 DSGVO). The trigger is dropped and created again, identically,
/// inside this transaction, so no other write ever sees the table unguarded and a failed erasure
/// rolls the trigger back with everything else. A paper whose versions are frozen (beschlossen,
/// archiviert) gets a recorded note in its status history, as approved minutes get a Nachtrag.
/// Each changed paper counts a new record version (a form still open on it reloads) and its
/// search row is rebuilt.
async fn erase_from_papers(
    conn: &mut SqliteConnection,
    contact_id: i64,
    matcher: &NameMatcher,
    now: DateTime<Utc>,
) -> Result<usize> {
    let ts = timestamp(now);
    let mut papers: BTreeSet<i64> = sqlx::query_scalar(
        "UPDATE paper_authors SET name = ?1, contact_id = NULL WHERE contact_id = ?2 RETURNING paper_id",
    )
    .bind(ANONYMISED)
    .bind(contact_id)
    .fetch_all(&mut *conn)
    .await?
    .into_iter()
    .collect();
    let mut texts = papers.len();
    let found = find_paper_mentions(conn, matcher).await?;
    let versions_touched = found.iter().any(|f| f.place.table == "paper_versions");
    let mut versions_changed = BTreeSet::new();
    if versions_touched {
        sqlx::query("DROP TRIGGER paper_versions_unchanged")
            .execute(&mut *conn)
            .await?;
    }
    for f in &found {
        let Some(text) = matcher.replace(&f.text) else {
            continue;
        };
        if f.place.table == "papers" && f.place.column == "title" {
            // The list's order follows the title.
            sqlx::query("UPDATE papers SET sort_key = ?1 WHERE id = ?2")
                .bind(sort_key(&[&text]))
                .bind(f.paper_id)
                .execute(&mut *conn)
                .await?;
        }
        let sql = format!(
            "UPDATE {table} SET {column} = ?1 WHERE {paper} = ?2 AND {key} = ?3",
            table = f.place.table,
            column = f.place.column,
            paper = f.place.paper,
            key = f.place.key,
        );
        sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(text)
            .bind(f.paper_id)
            .bind(f.key)
            .execute(&mut *conn)
            .await?;
        texts += 1;
        papers.insert(f.paper_id);
        if f.place.table == "paper_versions" {
            versions_changed.insert(f.paper_id);
        }
    }
    if versions_touched {
        // The same statement as in migration 20261127130000_concept-papers.sql.
        sqlx::query(
            "CREATE TRIGGER paper_versions_unchanged BEFORE UPDATE ON paper_versions
BEGIN
    SELECT RAISE(ABORT, 'paper versions are never changed');
END",
        )
        .execute(&mut *conn)
        .await?;
    }
    let on = today(now);
    let who = user_name_of(conn).await?;
    for &paper_id in &versions_changed {
        let status: PaperStatus = sqlx::query_scalar("SELECT status FROM papers WHERE id = ?1")
            .bind(paper_id)
            .fetch_one(&mut *conn)
            .await?;
        if !status.is_frozen() {
            continue;
        }
        sqlx::query(
            "INSERT INTO paper_status_changes (paper_id, from_status, to_status, at, note, changed_by)
             VALUES (?1, ?2, ?2, ?3, ?4, ?5)",
        )
        .bind(paper_id)
        .bind(status)
        .bind(&ts)
        .bind(erasure_addendum_text(on))
        .bind(&who)
        .execute(&mut *conn)
        .await?;
    }
    for &paper_id in &papers {
        sqlx::query("UPDATE papers SET version = version + 1, updated_at = ?1 WHERE id = ?2")
            .bind(&ts)
            .bind(paper_id)
            .execute(&mut *conn)
            .await?;
        index_paper(conn, paper_id).await?;
    }
    Ok(texts)
}

/// Whether sessions, TOPs, tasks or minutes still point at the contact.
async fn is_involved(conn: &mut SqliteConnection, id: i64) -> Result<bool> {
    Ok(sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM session_participants WHERE contact_id = ?1)
             OR EXISTS (SELECT 1 FROM agenda_item_contacts WHERE contact_id = ?1)
             OR EXISTS (SELECT 1 FROM action_items WHERE owner_contact_id = ?1)
             OR EXISTS (SELECT 1 FROM minutes WHERE minute_taker_contact_id = ?1)",
    )
    .bind(id)
    .fetch_one(&mut *conn)
    .await?)
}

/// Sessions the contact is linked to by id (attendance, TOP, task, Protokollführung).
async fn linked_sessions(conn: &mut SqliteConnection, id: i64) -> Result<Vec<i64>> {
    Ok(sqlx::query_scalar(
        "SELECT session_id FROM session_participants WHERE contact_id = ?1
         UNION SELECT a.session_id FROM agenda_item_contacts ac JOIN agenda_items a ON a.id = ac.agenda_item_id
               WHERE ac.contact_id = ?1
         UNION SELECT session_id FROM action_items WHERE owner_contact_id = ?1
         UNION SELECT session_id FROM minutes WHERE minute_taker_contact_id = ?1",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?)
}

impl Store {
    /// Art. 15: everything stored about one person.
    pub async fn subject_access(&self, id: i64, now: DateTime<Utc>) -> Result<SubjectAccess> {
        let contact = self.get_contact(id).await?;
        let mut conn = self.pool.acquire().await?;
        let (person, surname_alone) = load_person(&mut conn, id).await?;
        let matcher = NameMatcher::new(&person.forms(surname_alone));
        let organisation = match (contact.organisation_id, &contact.organisation_name) {
            (Some(id), Some(name)) => Some(AccessOrganisation {
                id,
                name: name.clone(),
            }),
            _ => None,
        };
        let sessions: Vec<AccessParticipation> = sqlx::query_as(
            "SELECT s.id AS session_id, s.title, s.date, p.status, p.name_snapshot, p.function_snapshot,
                    p.organisation_snapshot
             FROM session_participants p JOIN sessions s ON s.id = p.session_id
             WHERE p.contact_id = ?1 ORDER BY s.date, s.id",
        )
        .bind(id)
        .fetch_all(&mut *conn)
        .await?;
        let agenda_items: Vec<AccessAgendaItem> = sqlx::query_as(
            "SELECT s.id AS session_id, s.title AS session_title, s.date, a.id AS agenda_item_id, a.title
             FROM agenda_item_contacts ac JOIN agenda_items a ON a.id = ac.agenda_item_id
             JOIN sessions s ON s.id = a.session_id
             WHERE ac.contact_id = ?1 ORDER BY s.date, a.id",
        )
        .bind(id)
        .fetch_all(&mut *conn)
        .await?;
        let action_items: Vec<AccessActionItem> = sqlx::query_as(
            "SELECT t.id, t.session_id, s.title AS session_title, t.what, t.due_date, t.status
             FROM action_items t JOIN sessions s ON s.id = t.session_id
             WHERE t.owner_contact_id = ?1 ORDER BY s.date, t.id",
        )
        .bind(id)
        .fetch_all(&mut *conn)
        .await?;
        let minutes_taken: Vec<AccessSessionRef> = sqlx::query_as(
            "SELECT s.id AS session_id, s.title, s.date FROM minutes m JOIN sessions s ON s.id = m.session_id
             WHERE m.minute_taker_contact_id = ?1 ORDER BY s.date",
        )
        .bind(id)
        .fetch_all(&mut *conn)
        .await?;
        let mut mentions = Vec::new();
        for f in find_mentions(&mut conn, &matcher).await? {
            // The person's own notes are part of the contact data above.
            if f.place.table == "contacts" && f.id == id {
                continue;
            }
            let session: Option<(String, String)> =
                sqlx::query_as("SELECT title, date FROM sessions WHERE id = ?1")
                    .bind(f.session_id)
                    .fetch_optional(&mut *conn)
                    .await?;
            let (title, date) = session.map_or((None, None), |(t, d)| (Some(t), Some(d)));
            mentions.push(AccessMention {
                place: f.place.place.to_owned(),
                session_id: f.session_id,
                session_title: title,
                date,
                text: f.text,
            });
        }
        mentions.sort_by(|a, b| (&a.date, a.session_id).cmp(&(&b.date, b.session_id)));
        let papers = papers_of_person(&mut conn, id, &matcher).await?;
        let audit: Vec<AuditRow> =
            sqlx::query_as("SELECT id, at, user, summary, record_kind, record_id FROM audit_log ORDER BY id")
                .fetch_all(&mut *conn)
                .await?;
        let audit_entries = audit
            .into_iter()
            .filter(|(_, _, user, summary, kind, record)| {
                (kind.as_deref() == Some(AuditRecord::Contact.code()) && *record == Some(id))
                    || matcher.is_match(summary)
                    || matcher.is_match(user)
            })
            .map(|(_, at, user, summary, ..)| AccessAuditEntry { at, user, summary })
            .collect();
        Ok(SubjectAccess {
            created_at: timestamp(now),
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

    /// The contact a person means on the command line: its number, or a name the search finds
    /// exactly one contact for.
    pub async fn find_contact(&self, reference: &str) -> Result<i64> {
        let reference = reference.trim();
        if let Ok(id) = reference.trim_start_matches("Nr.").trim().parse::<i64>() {
            return self.get_contact(id).await.map(|c| c.id);
        }
        let filter = crate::contact::ContactFilter {
            query: Some(reference.to_owned()),
            ..Default::default()
        };
        let found = self.list_contacts(&filter).await?;
        match found.as_slice() {
            [one] => Ok(one.id),
            [] => Err(Error::NotFound {
                what: format!("Ein Kontakt „{reference}“"),
            }),
            many => Err(Error::validation(
                "Kontakt",
                format!(
                    "„{reference}“ passt auf {}. Bitte geben Sie die Nummer des Kontakts an.",
                    crate::format::count(many.len(), crate::format::Noun::Kontakt)
                ),
            )),
        }
    }

    /// Records in the Änderungsprotokoll that an Auskunft was given (by contact number only).
    pub async fn record_subject_access(&self, id: i64, now: DateTime<Utc>) -> Result<()> {
        let event = AuditEvent::new(
            AuditAction::SubjectAccess,
            AuditRecord::Contact,
            Some(id),
            format!("Auskunft nach Art. 15 DSGVO für Kontakt Nr. {id} exportiert."),
        );
        self.record_audit(&event, now).await?;
        Ok(())
    }

    /// Art. 17: removes the person's personal data in one transaction, then scrubs the file so the
    /// name is in no page, free page, write-ahead log or search index any more.
    ///
    /// Attendance, TOP responsibility and task ownership keep their place as
    /// [`ANONYMISED`]; the contact row stays as such a placeholder (without any personal data)
    /// when something points at it, else it is deleted. The name is replaced in every free text
    /// that mentions it, also in approved minutes, which get a Nachtrag saying so, and in older
    /// entries of the Änderungsprotokoll; the erasure's own entry names only the contact number.
    pub async fn erase_contact(&self, id: i64, now: DateTime<Utc>) -> Result<ErasureReport> {
        let mut tx = self.begin_write().await?;
        let (person, surname_alone) = load_person(&mut tx, id).await?;
        let matcher = NameMatcher::new(&person.forms(surname_alone));
        let ts = timestamp(now);
        let mut sessions: BTreeSet<i64> = linked_sessions(&mut tx, id).await?.into_iter().collect();

        let found = find_mentions(&mut tx, &matcher).await?;
        let mut texts_replaced = 0;
        for f in &found {
            let Some(text) = matcher.replace(&f.text) else {
                continue;
            };
            let bump = if f.place.versioned {
                ", version = version + 1"
            } else {
                ""
            };
            let sql = format!(
                "UPDATE {table} SET {column} = ?1{bump} WHERE id = ?2",
                table = f.place.table,
                column = f.place.column
            );
            sqlx::query(sqlx::AssertSqlSafe(sql))
                .bind(text)
                .bind(f.id)
                .execute(&mut *tx)
                .await?;
            texts_replaced += 1;
            sessions.extend(f.session_id);
        }
        texts_replaced += erase_from_papers(&mut tx, id, &matcher, now).await?;

        // Their place in attendance lists, task ownership and Protokollführung.
        sqlx::query(
            "UPDATE session_participants SET name_snapshot = ?1, function_snapshot = NULL, sort_key = ?2,
                    updated_at = ?3 WHERE contact_id = ?4",
        )
        .bind(ANONYMISED)
        .bind(sort_key(&[ANONYMISED]))
        .bind(&ts)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        for sql in [
            "UPDATE action_items SET owner_name = ?1, version = version + 1 WHERE owner_contact_id = ?2",
            "UPDATE minutes SET minute_taker_name = ?1, version = version + 1 WHERE minute_taker_contact_id = ?2",
        ] {
            sqlx::query(sql)
                .bind(ANONYMISED)
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }

        // Older entries of the Änderungsprotokoll that name the person.
        let entries: Vec<(i64, String, String)> = sqlx::query_as("SELECT id, user, summary FROM audit_log")
            .fetch_all(&mut *tx)
            .await?;
        for (entry, user, summary) in entries {
            let new_user = matcher.replace(&user);
            let new_summary = matcher.replace(&summary);
            if new_user.is_none() && new_summary.is_none() {
                continue;
            }
            let user = new_user.unwrap_or(user);
            let summary = new_summary.unwrap_or(summary);
            sqlx::query("UPDATE audit_log SET user = ?1, summary = ?2, folded = ?3 WHERE id = ?4")
                .bind(&user)
                .bind(&summary)
                .bind(folded_text(&user, &summary))
                .bind(entry)
                .execute(&mut *tx)
                .await?;
        }

        let kept_as_placeholder = is_involved(&mut tx, id).await?;
        for sql in [
            "DELETE FROM contact_emails WHERE contact_id = ?1",
            "DELETE FROM contact_phones WHERE contact_id = ?1",
            "DELETE FROM contact_groups WHERE contact_id = ?1",
        ] {
            sqlx::query(sql).bind(id).execute(&mut *tx).await?;
        }
        if kept_as_placeholder {
            sqlx::query(
                "UPDATE contacts SET salutation = NULL, title = NULL, first_name = NULL, last_name = ?1,
                        function = NULL, organisation_id = NULL, street = NULL, postal_code = NULL,
                        city = NULL, notes = NULL, consent_basis = NULL, consent_date = NULL,
                        consent_source = NULL, consent_note = NULL, sort_key = ?2, created_at = ?3,
                        updated_at = ?3, anonymised_at = ?3, retention_kept_at = NULL,
                        version = version + 1
                 WHERE id = ?4",
            )
            .bind(ANONYMISED)
            .bind(sort_key(&[ANONYMISED]))
            .bind(&ts)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        } else {
            sqlx::query("DELETE FROM contacts WHERE id = ?1")
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
        remove_rows(&mut tx, SearchKind::Contact, &[id]).await?;

        // Approved minutes are not silently changed: each gets a Nachtrag saying what happened.
        let approved: Vec<i64> = sqlx::query_scalar(
            "SELECT session_id FROM minutes WHERE status = 'freigegeben'
             AND session_id IN (SELECT value FROM json_each(?1))",
        )
        .bind(super::json_ids(&sessions.iter().copied().collect::<Vec<_>>()))
        .fetch_all(&mut *tx)
        .await?;
        let on = today(now);
        for session in &approved {
            sqlx::query(
                "INSERT INTO minutes_addenda (session_id, date, reason, text, created_at)
                 VALUES (?1, ?2, 'Datenschutz (Art. 17 DSGVO)', ?3, ?4)",
            )
            .bind(session)
            .bind(iso_date(on))
            .bind(erasure_addendum_text(on))
            .bind(&ts)
            .execute(&mut *tx)
            .await?;
        }

        let affected: Vec<i64> = sessions.iter().copied().collect();
        index_sessions(&mut tx, &affected).await?;
        let summary = erasure_summary(id, kept_as_placeholder, texts_replaced, affected.len());
        let event = AuditEvent::new(AuditAction::Erasure, AuditRecord::Contact, Some(id), summary);
        record_audit(&mut tx, &event, Some(now)).await?;
        // Merges the search index into one segment, dropping the deleted entries' terms (FTS5
        // keeps them as delete markers until a merge).
        sqlx::query("INSERT INTO search_index (search_index) VALUES ('optimize')")
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        let file_scrubbed = self.scrub_file().await?;
        Ok(ErasureReport {
            contact_id: id,
            file_scrubbed,
            kept_as_placeholder,
            texts_replaced,
            sessions_affected: affected.len(),
            addenda_added: approved.len(),
            backup_notice: backup_notice(),
        })
    }

    /// Leaves no old copy of erased data in the file: checkpoint the write-ahead log into the
    /// main file and empty it, rebuild the file without free pages (`VACUUM`; `secure_delete`
    /// zeroed what was freed before), and empty the log VACUUM wrote through.
    ///
    /// A checkpoint cannot empty the log while another connection (a screen's read, the reminder
    /// check) still reads an older snapshot; it then reports busy. That is retried for up to two
    /// seconds, then reported as not scrubbed (the data is erased either way; the log is emptied
    /// at the latest when the app closes its connections).
    async fn scrub_file(&self) -> Result<bool> {
        let mut conn = self.pool.acquire().await?;
        let checkpoint = async |conn: &mut sqlx::SqliteConnection| -> Result<bool> {
            for _ in 0..20 {
                let (busy, _, _): (i64, i64, i64) = sqlx::query_as("PRAGMA wal_checkpoint(TRUNCATE)")
                    .fetch_one(&mut *conn)
                    .await?;
                if busy == 0 {
                    return Ok(true);
                }
                tokio::time::sleep(std::time::Duration::from_millis(100)).await;
            }
            Ok(false)
        };
        let first = checkpoint(&mut conn).await?;
        sqlx::query("VACUUM").execute(&mut *conn).await?;
        let second = checkpoint(&mut conn).await?;
        Ok(first && second)
    }

    /// Contacts without a recorded legal basis, in German order, for review.
    pub async fn contacts_without_basis(&self) -> Result<Vec<ContactWithoutBasis>> {
        Ok(sqlx::query_as(
            "SELECT c.id, trim(COALESCE(c.title || ' ', '') || COALESCE(c.first_name || ' ', '') || c.last_name) AS name,
                    o.name AS organisation
             FROM contacts c LEFT JOIN organisations o ON o.id = c.organisation_id
             WHERE c.anonymised_at IS NULL AND (c.consent_basis IS NULL OR trim(c.consent_basis) = '')
             ORDER BY c.sort_key, c.id",
        )
        .fetch_all(&self.pool)
        .await?)
    }

    /// Contacts whose latest activity lies `years` or more back, oldest first.
    pub async fn retention_candidates(
        &self,
        today: NaiveDate,
        years: u32,
    ) -> Result<Vec<RetentionCandidate>> {
        // The latest of: created/changed, kept in a review, and the date of every session the
        // person is linked to (attendance, TOP, task, Protokollführung).
        let Some(limit) = retention_limit(today, years) else {
            return Ok(Vec::new());
        };
        // Linked dates are aggregated once per contact and joined (a correlated subquery per
        // contact would read every participation again for each of tens of thousands of contacts).
        let rows: Vec<(i64, String, Option<String>, String, bool)> = sqlx::query_as(
            "WITH linked (contact_id, date) AS (
                 SELECT p.contact_id, s.date FROM session_participants p JOIN sessions s ON s.id = p.session_id
                 UNION ALL SELECT ac.contact_id, s.date FROM agenda_item_contacts ac
                     JOIN agenda_items a ON a.id = ac.agenda_item_id JOIN sessions s ON s.id = a.session_id
                 UNION ALL SELECT t.owner_contact_id, s.date FROM action_items t JOIN sessions s ON s.id = t.session_id
                     WHERE t.owner_contact_id IS NOT NULL
                 UNION ALL SELECT m.minute_taker_contact_id, s.date FROM minutes m JOIN sessions s ON s.id = m.session_id
                     WHERE m.minute_taker_contact_id IS NOT NULL),
             last_linked (contact_id, date) AS (
                 SELECT contact_id, max(date) FROM linked GROUP BY contact_id),
             activity AS (
                 SELECT c.id, trim(COALESCE(c.title || ' ', '') || COALESCE(c.first_name || ' ', '') || c.last_name) AS name,
                        o.name AS organisation,
                        max(substr(c.updated_at, 1, 10), COALESCE(substr(c.retention_kept_at, 1, 10), ''),
                            COALESCE(l.date, '')) AS last,
                        l.contact_id IS NOT NULL AS involved
                 FROM contacts c
                 LEFT JOIN organisations o ON o.id = c.organisation_id
                 LEFT JOIN last_linked l ON l.contact_id = c.id
                 WHERE c.anonymised_at IS NULL)
             SELECT id, name, organisation, last, involved FROM activity WHERE last <= ?1",
        )
        .bind(iso_date(limit))
        .fetch_all(&self.pool)
        .await?;
        let mut out: Vec<RetentionCandidate> = rows
            .into_iter()
            .filter_map(|(id, name, organisation, last, involved)| {
                let date = NaiveDate::parse_from_str(&last, "%Y-%m-%d").ok()?;
                retention_due(date, today, years).then_some(RetentionCandidate {
                    id,
                    name,
                    organisation,
                    last_activity: last,
                    involved,
                })
            })
            .collect();
        out.sort_by(|a, b| (&a.last_activity, a.id).cmp(&(&b.last_activity, b.id)));
        Ok(out)
    }

    /// "Behalten" in the retention review: the contact counts as reviewed today.
    pub async fn keep_contact(&self, id: i64, now: DateTime<Utc>) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let changed =
            sqlx::query("UPDATE contacts SET retention_kept_at = ?1 WHERE id = ?2 AND anonymised_at IS NULL")
                .bind(timestamp(now))
                .bind(id)
                .execute(&mut *tx)
                .await?;
        if changed.rows_affected() == 0 {
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
}

//! Art. 15 Auskunft: what it holds (the serialised export) and how it reads as text.

use chrono::NaiveDate;
use serde::Serialize;

use super::{AuditText, FoundPaperText, FoundText, NameMatcher, PaperPlace, PersonName, TextPlace};
use crate::audit::AuditRecord;
use crate::berlin::format_date;
use crate::contact::Contact;

/// Art. 15: everything stored about one person. Serialised as the machine-readable export.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SubjectAccess {
    /// RFC 3339 (UTC) time of the export.
    pub created_at: String,
    pub contact: Contact,
    pub organisation: Option<AccessOrganisation>,
    pub sessions: Vec<AccessParticipation>,
    pub agenda_items: Vec<AccessAgendaItem>,
    pub action_items: Vec<AccessActionItem>,
    pub minutes_taken: Vec<AccessSessionRef>,
    /// Places in discussions, decisions, tasks and Nachträge that mention the person's name.
    pub mentions: Vec<AccessMention>,
    /// Concept papers: authorship and every paper text that names the person.
    pub papers: Vec<AccessPaper>,
    pub audit_entries: Vec<AccessAuditEntry>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AccessOrganisation {
    pub id: i64,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct AccessSessionRef {
    pub session_id: i64,
    pub title: String,
    pub date: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct AccessParticipation {
    pub session_id: i64,
    pub title: String,
    pub date: String,
    pub status: String,
    pub name_snapshot: String,
    pub function_snapshot: Option<String>,
    pub organisation_snapshot: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct AccessAgendaItem {
    pub session_id: i64,
    pub session_title: String,
    pub date: String,
    pub agenda_item_id: i64,
    pub title: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct AccessActionItem {
    pub id: i64,
    pub session_id: i64,
    pub session_title: String,
    pub what: String,
    pub due_date: Option<String>,
    pub status: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AccessMention {
    /// "Diskussion", "Beschluss", "Aufgabe", "Nachtrag", "Tagesordnungspunkt", "Protokollführung",
    /// "Notiz zu einem Kontakt", "Notiz zu einer Organisation".
    pub place: String,
    /// The session the text belongs to; `None` for notes on contacts and organisations.
    pub session_id: Option<i64>,
    pub session_title: Option<String>,
    pub date: Option<String>,
    pub text: String,
}

/// A concept paper the person authored or that names them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AccessPaper {
    pub paper_id: i64,
    /// The paper's title as it stands now.
    pub title: String,
    /// "Autor/in", "Titel", "Zusammenfassung", "Text (Version 2)", "Entwurf", "Statusnotiz", …
    pub place: String,
    /// The text that names the person: the whole field, for a paper's text only its lines that
    /// name them. Empty for authorship.
    pub text: String,
}

/// The lines of `text` that `matcher` finds the person in, joined with " … " (a paper's text is
/// pages long; the Auskunft shows where the name stands, not the whole paper once per version).
pub fn matching_lines(matcher: &NameMatcher, text: &str) -> String {
    text.lines()
        .filter(|l| matcher.is_match(l))
        .map(str::trim)
        .collect::<Vec<_>>()
        .join(" … ")
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct AccessAuditEntry {
    pub at: String,
    pub user: String,
    pub summary: String,
}

/// The readable Auskunft: plain text with German headings and dates. (A PDF of the same content
/// belongs to the PDF feature's layout layer; it can render from [`SubjectAccess`].)
pub fn subject_access_text(a: &SubjectAccess) -> String {
    let mut out = String::new();
    let c = &a.contact;
    let mut line = |s: String| {
        out.push_str(&s);
        out.push('\n');
    };
    line("Auskunft nach Art. 15 DSGVO".into());
    line(format!("Erstellt: {}", german_instant(&a.created_at)));
    line(String::new());
    line("Gespeicherte Kontaktdaten".into());
    let field = |label: &str, v: Option<&str>| {
        v.filter(|s| !s.trim().is_empty())
            .map(|v| format!("  {label}: {v}"))
    };
    let name = PersonName::of(c).full();
    for l in [
        field("Anrede", c.salutation.as_deref()),
        Some(format!("  Name: {name}")),
        field("Funktion", c.function.as_deref()),
        a.organisation
            .as_ref()
            .map(|o| format!("  Organisation: {}", o.name)),
        field("Straße", c.street.as_deref()),
        field("PLZ", c.postal_code.as_deref()),
        field("Ort", c.city.as_deref()),
        field("Notizen", c.notes.as_deref()),
    ]
    .into_iter()
    .flatten()
    {
        line(l);
    }
    for e in &c.emails {
        line(format!("  E-Mail: {}", e.address));
    }
    for p in &c.phones {
        line(format!("  Telefon: {}", p.number));
    }
    if !c.groups.is_empty() {
        line(format!("  Gruppen: {}", c.groups.join(", ")));
    }
    line(String::new());
    line("Rechtsgrundlage / Einwilligung".into());
    line(format!(
        "  Rechtsgrundlage: {}",
        c.consent_basis.as_deref().unwrap_or("nicht erfasst")
    ));
    for l in [
        field("Datum", c.consent_date.as_deref().map(german_date).as_deref()),
        field("Quelle", c.consent_source.as_deref()),
        field("Notiz", c.consent_note.as_deref()),
    ]
    .into_iter()
    .flatten()
    {
        line(l);
    }
    let section = |out: &mut Vec<String>, title: &str, rows: Vec<String>| {
        out.push(String::new());
        out.push(format!("{title} ({})", rows.len()));
        if rows.is_empty() {
            out.push("  keine".into());
        }
        out.extend(rows.into_iter().map(|r| format!("  {r}")));
    };
    let mut rest = Vec::new();
    section(
        &mut rest,
        "Sitzungen (Teilnahme)",
        a.sessions
            .iter()
            .map(|s| format!("{} {}: {}", german_date(&s.date), s.title, s.status))
            .collect(),
    );
    section(
        &mut rest,
        "Verantwortlich für Tagesordnungspunkte",
        a.agenda_items
            .iter()
            .map(|t| format!("{} {}: {}", german_date(&t.date), t.session_title, t.title))
            .collect(),
    );
    section(
        &mut rest,
        "Aufgaben",
        a.action_items
            .iter()
            .map(|t| {
                let due = t
                    .due_date
                    .as_deref()
                    .map(|d| format!(", fällig {}", german_date(d)))
                    .unwrap_or_default();
                format!("{} ({}{due}) – {}", t.what, t.status, t.session_title)
            })
            .collect(),
    );
    section(
        &mut rest,
        "Protokollführung",
        a.minutes_taken
            .iter()
            .map(|s| format!("{} {}", german_date(&s.date), s.title))
            .collect(),
    );
    section(
        &mut rest,
        "Erwähnungen in Protokollen",
        a.mentions
            .iter()
            .map(|m| match (&m.date, &m.session_title) {
                (Some(date), Some(title)) => {
                    format!("{} {title} – {}: {}", german_date(date), m.place, m.text)
                }
                _ => format!("{}: {}", m.place, m.text),
            })
            .collect(),
    );
    section(
        &mut rest,
        "Konzeptpapiere",
        a.papers
            .iter()
            .map(|p| {
                if p.text.is_empty() {
                    format!("„{}“ – {}", p.title, p.place)
                } else {
                    format!("„{}“ – {}: {}", p.title, p.place, p.text)
                }
            })
            .collect(),
    );
    section(
        &mut rest,
        "Einträge im Änderungsprotokoll",
        a.audit_entries
            .iter()
            .map(|e| format!("{} {}: {}", e.at, e.user, e.summary))
            .collect(),
    );
    for l in rest {
        out.push_str(&l);
        out.push('\n');
    }
    out
}

/// Where an Auskunft was saved: the JSON file, the readable text and the PDF beside it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SavedAccess {
    pub json: String,
    pub text: String,
    /// The same as the text, laid out for print and for handing to the person (issue 13).
    pub pdf: String,
}

/// The suggested file name ("Auskunft_Kontakt-12_2026-11-27.json"): the number, not the name,
/// so a file list or a mail attachment does not spell the person out.
pub fn subject_access_file_name(id: i64, on: NaiveDate) -> String {
    format!("Auskunft_Kontakt-{id}_{}.json", on.format("%Y-%m-%d"))
}

/// "2026-11-27T11:04:04Z" → "27.11.2026, 12:04 Uhr" (Berlin time); anything else as it is.
fn german_instant(rfc3339: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(rfc3339)
        .map(|at| {
            let local = at.with_timezone(&crate::berlin::TIME_ZONE);
            format!(
                "{}, {}",
                format_date(local.date_naive()),
                crate::berlin::format_time(local.time())
            )
        })
        .unwrap_or_else(|_| rfc3339.to_owned())
}

/// "2026-11-24" → "24.11.2026"; anything else as it is.
fn german_date(iso: &str) -> String {
    NaiveDate::parse_from_str(iso, "%Y-%m-%d")
        .map(format_date)
        .unwrap_or_else(|_| iso.to_owned())
}

/// Whether a found text is the person's own note: that is part of the contact data the
/// Auskunft shows anyway, not a mention.
pub fn is_own_note(found: &FoundText, contact_id: i64) -> bool {
    found.place == TextPlace::ContactNote && found.id == contact_id
}

/// A mention for the Auskunft, with the title and date of the session it belongs to.
pub fn access_mention(found: FoundText, session: Option<(String, String)>) -> AccessMention {
    let (session_title, date) = session.map_or((None, None), |(t, d)| (Some(t), Some(d)));
    AccessMention {
        place: found.place.label().to_owned(),
        session_id: found.session_id,
        session_title,
        date,
        text: found.text,
    }
}

/// Mentions in the order the Auskunft lists them: by session date (notes without a session
/// first), then session.
pub fn sort_mentions(mentions: &mut [AccessMention]) {
    mentions.sort_by(|a, b| (&a.date, a.session_id).cmp(&(&b.date, b.session_id)));
}

/// A paper text that names the person, with what the Auskunft says about its paper: the
/// paper's title as it stands now and, for a saved version's text, the version's number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaperMention {
    pub found: FoundPaperText,
    pub title: String,
    pub version: Option<i64>,
}

/// What concept papers hold about the person: the papers they are an author of (`authored`:
/// id and title), then every paper text that names them (title, summary, each version's text
/// and note, the draft, status notes, attachment names, "gespeichert von"). A paper's text shows
/// only its lines that name them.
pub fn access_papers(
    authored: Vec<(i64, String)>,
    mentions: Vec<PaperMention>,
    matcher: &NameMatcher,
) -> Vec<AccessPaper> {
    let mut out: Vec<AccessPaper> = authored
        .into_iter()
        .map(|(paper_id, title)| AccessPaper {
            paper_id,
            title,
            place: PaperPlace::Author.label().into(),
            text: String::new(),
        })
        .collect();
    for m in mentions {
        // Authorship by contact is listed above; a name typed as author stays a mention.
        if m.found.place == PaperPlace::Author
            && out
                .iter()
                .any(|p| p.paper_id == m.found.paper_id && p.text.is_empty())
        {
            continue;
        }
        let place = match m.version {
            Some(number) => format!("{} (Version {number})", m.found.place.label()),
            None => m.found.place.label().to_owned(),
        };
        out.push(AccessPaper {
            paper_id: m.found.paper_id,
            title: m.title,
            place,
            text: matching_lines(matcher, &m.found.text),
        });
    }
    out
}

/// Whether an entry of the Änderungsprotokoll belongs in the Auskunft: it is about the contact
/// (by kind and number) or names the person in who or what.
pub fn audit_concerns(
    record_kind: Option<&str>,
    record_id: Option<i64>,
    contact_id: i64,
    entry: &AuditText,
    matcher: &NameMatcher,
) -> bool {
    (record_kind == Some(AuditRecord::Contact.code()) && record_id == Some(contact_id))
        || matcher.is_match(&entry.summary)
        || matcher.is_match(&entry.user)
}

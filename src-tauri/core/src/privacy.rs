//! DSGVO rules: what an erasure (Art. 17) replaces and with what, what an Auskunft (Art. 15)
//! holds and how it reads, and which contacts the retention review offers. Plain functions on
//! values; the store (`store/privacy.rs`) loads what they need and writes what they return.

use chrono::{Months, NaiveDate};
use regex::{Regex, RegexBuilder};
use serde::Serialize;

use crate::berlin::format_date;
use crate::contact::Contact;

/// What stands where an erased person's name stood: in attendance lists, as TOP responsibility,
/// as the owner of an action item, and in minutes text.
pub const ANONYMISED: &str = "anonymisierte Person";

/// How long older backups may still hold erased data: the rotation keeps daily backups for a
/// week and then weekly ones (see `backup.rs`), so the oldest is this many weeks old.
pub const BACKUP_RETENTION_WEEKS: usize = crate::backup::BACKUP_RETENTION_WEEKS;

/// Aufbewahrung: three years without any involvement. It matches the regular limitation period
/// (§ 195 BGB), after which nothing about a contact is usually still needed as proof, and a
/// network that meets a few times a year has by then invited an active contact at least once;
/// the office can choose 1 to 30 years in Einstellungen.
pub const DEFAULT_RETENTION_YEARS: u32 = 3;

/// The sentence the user reads after an erasure about the backups.
pub fn backup_notice() -> String {
    format!(
        "Ältere Sicherungen enthalten die Daten noch bis zu {BACKUP_RETENTION_WEEKS} Wochen lang; \
         danach löscht die automatische Rotation sie. Selbst gespeicherte Sicherungen („Jetzt \
         sichern“) enthalten sie, bis Sie sie löschen."
    )
}

/// The refusal when something would write into an erased person's placeholder (form, CLI).
pub fn anonymised_contact_refused() -> crate::Error {
    crate::Error::validation(
        "Kontakt",
        "Die Daten dieser Person wurden nach Art. 17 DSGVO gelöscht; der Eintrag steht nur noch als \
         „anonymisierte Person“ in alten Protokollen und kann nicht mehr bearbeitet werden.",
    )
}

/// The Nachtrag recorded on approved minutes that named the person.
pub fn erasure_addendum_text(on: NaiveDate) -> String {
    format!(
        "Personenbezogene Daten gemäß Art. 17 DSGVO entfernt am {}.",
        format_date(on)
    )
}

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

/// Whether a contact is due for the retention review: its latest activity (created or changed,
/// kept, or a session it took part in, presented at or owns a task of) lies `years` or more
/// before `today`.
pub fn retention_due(last_activity: NaiveDate, today: NaiveDate, years: u32) -> bool {
    retention_limit(today, years).is_some_and(|limit| last_activity <= limit)
}

/// The latest last-activity day that is due: `years` before `today` (29 February → 28 February).
pub fn retention_limit(today: NaiveDate, years: u32) -> Option<NaiveDate> {
    today.checked_sub_months(Months::new(years.saturating_mul(12)))
}

/// A contact offered in the retention review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RetentionCandidate {
    pub id: i64,
    pub name: String,
    pub organisation: Option<String>,
    /// ISO date of the latest activity.
    pub last_activity: String,
    /// Whether sessions, TOPs or tasks still name the person (then "Löschen" is refused and
    /// "Anonymisieren" keeps their place).
    pub involved: bool,
}

/// A contact without a recorded legal basis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct ContactWithoutBasis {
    pub id: i64,
    pub name: String,
    pub organisation: Option<String>,
}

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

/// Art. 15 export: the JSON at `target` and the readable text and PDF beside it (same name,
/// `.txt`, `.pdf`), none overwriting an existing file; then records in the Änderungsprotokoll that it was
/// given. Shared by the window (after "Speichern unter") and the CLI (`auskunft`).
pub async fn save_subject_access(
    store: &crate::Store,
    id: i64,
    target: &std::path::Path,
    now: chrono::DateTime<chrono::Utc>,
) -> crate::Result<SavedAccess> {
    use crate::export::write_new_file_at;
    let access = store.subject_access(id, now).await?;
    let json = serde_json::to_vec_pretty(&access).map_err(|e| crate::Error::Validation {
        field: "Auskunft".into(),
        message: format!("Die Auskunft konnte nicht als JSON geschrieben werden ({e})."),
    })?;
    let text_target = target.with_extension("txt");
    let pdf_target = target.with_extension("pdf");
    for beside in [&text_target, &pdf_target] {
        if beside.exists() {
            return Err(crate::Error::validation(
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
    store.record_subject_access(id, now).await?;
    Ok(SavedAccess {
        json: target.display().to_string(),
        text: text_target.display().to_string(),
        pdf: pdf_target.display().to_string(),
    })
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

#[cfg(test)]
mod tests {
    use super::*;

    fn wagner() -> PersonName {
        PersonName {
            salutation: Some("Frau".into()),
            title: Some("Dr.".into()),
            first_name: Some("Anna".into()),
            last_name: "Wagner".into(),
        }
    }

    #[test]
    fn forms_are_longest_first_and_the_bare_surname_only_when_unique() {
        let forms = wagner().forms(false);
        assert_eq!(forms[0], "Herrn Dr. Wagner");
        assert!(forms.contains(&"Anna Wagner".to_owned()));
        assert!(forms.contains(&"Wagner, Anna".to_owned()));
        assert!(forms.contains(&"Herr Wagner".to_owned()));
        assert!(!forms.contains(&"Wagner".to_owned()));
        assert_eq!(wagner().forms(true).last().map(String::as_str), Some("Wagner"));
        let lengths: Vec<usize> = forms.iter().map(|f| f.chars().count()).collect();
        assert!(lengths.windows(2).all(|w| w[0] >= w[1]));
    }

    #[test]
    fn replaces_whole_names_case_insensitively_and_keeps_other_words() {
        let m = NameMatcher::new(&wagner().forms(true));
        assert_eq!(
            m.replace(
                "TOP 2: Dr. Anna Wagner berichtet. Frau  Wagner schlägt vor, die Wagnerstraße zu nutzen."
            )
            .as_deref(),
            Some(
                "TOP 2: anonymisierte Person berichtet. anonymisierte Person schlägt vor, die Wagnerstraße zu nutzen."
            )
        );
        assert_eq!(
            m.replace("ANNA WAGNER, wagner").as_deref(),
            Some("anonymisierte Person, anonymisierte Person")
        );
        assert_eq!(
            m.replace("Wagner Wagner").as_deref(),
            Some("anonymisierte Person anonymisierte Person")
        );
        assert_eq!(m.replace("Kein Name hier"), None);
        assert!(!m.is_match("Wagnerin"));
        let shared = NameMatcher::new(&wagner().forms(false));
        assert_eq!(shared.replace("Wagner berichtet"), None);
        assert_eq!(
            shared.replace("Herr Wagner berichtet").as_deref(),
            Some("anonymisierte Person berichtet")
        );
    }

    #[test]
    fn umlauts_and_regex_characters_in_names_are_literal() {
        let p = PersonName {
            last_name: "Müller-Lüdenscheidt (geb. Groß)".into(),
            first_name: Some("Jürgen".into()),
            ..PersonName::default()
        };
        let m = NameMatcher::new(&p.forms(false));
        assert_eq!(
            m.replace("Jürgen Müller-Lüdenscheidt (geb. Groß) war da")
                .as_deref(),
            Some("anonymisierte Person war da")
        );
        assert_eq!(m.replace("Jürgen Müller war da"), None);
        assert!(!NameMatcher::new(&[]).is_match("x"));
    }

    #[test]
    fn retention_counts_whole_years() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default();
        assert!(retention_due(d("2023-11-27"), d("2026-11-27"), 3));
        assert!(!retention_due(d("2023-11-28"), d("2026-11-27"), 3));
        // A year back from 28.02.2025 is 28.02.2024; the leap day after it is not yet due.
        assert!(retention_due(d("2024-02-28"), d("2025-02-28"), 1));
        assert!(!retention_due(d("2024-02-29"), d("2025-02-28"), 1));
        assert!(!retention_due(d("2026-01-01"), d("2026-11-27"), 1));
    }

    #[test]
    fn texts_for_the_user_name_no_person() {
        assert_eq!(
            erasure_addendum_text(NaiveDate::from_ymd_opt(2026, 11, 27).unwrap_or_default()),
            "Personenbezogene Daten gemäß Art. 17 DSGVO entfernt am 27.11.2026."
        );
        assert!(backup_notice().contains("bis zu 5 Wochen"));
        assert_eq!(
            erasure_summary(12, true, 1, 2),
            "Kontakt Nr. 12 gemäß Art. 17 DSGVO anonymisiert (bleibt in Sitzungen als „anonymisierte Person“); 1 Textstelle ersetzt, 2 Sitzungen betroffen."
        );
    }
}

//! Sitzungen (network sessions): the record, its form input and validation with German field
//! labels, the status rule (which status may follow which) and the list's order. No SQL here;
//! `store/sessions.rs` loads, calls these rules inside its transaction, and writes.

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use crate::berlin::{self, hhmm, iso_date, parse_date, parse_time};
use crate::field::clean;
use crate::{Error, Result};

/// Longest title (a line in lists, the .ics SUMMARY, the dossier's cover).
pub const MAX_TITLE: usize = 200;
/// Longest free text (notes); a pasted Word document of a few pages fits comfortably.
pub const MAX_TEXT: usize = 100_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, sqlx::Type)]
#[serde(rename_all = "snake_case")]
#[sqlx(type_name = "TEXT", rename_all = "snake_case")]
pub enum SessionFormat {
    #[default]
    Praesenz,
    Online,
    Hybrid,
}

impl SessionFormat {
    pub const ALL: [SessionFormat; 3] = [
        SessionFormat::Praesenz,
        SessionFormat::Online,
        SessionFormat::Hybrid,
    ];

    pub fn label(self) -> &'static str {
        match self {
            SessionFormat::Praesenz => "Präsenz",
            SessionFormat::Online => "Online",
            SessionFormat::Hybrid => "Hybrid",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, sqlx::Type)]
#[serde(rename_all = "snake_case")]
#[sqlx(type_name = "TEXT", rename_all = "snake_case")]
pub enum SessionStatus {
    #[default]
    Geplant,
    Eingeladen,
    Durchgefuehrt,
    Abgesagt,
}

impl SessionStatus {
    pub const ALL: [SessionStatus; 4] = [
        SessionStatus::Geplant,
        SessionStatus::Eingeladen,
        SessionStatus::Durchgefuehrt,
        SessionStatus::Abgesagt,
    ];

    pub fn label(self) -> &'static str {
        match self {
            SessionStatus::Geplant => "geplant",
            SessionStatus::Eingeladen => "eingeladen",
            SessionStatus::Durchgefuehrt => "durchgeführt",
            SessionStatus::Abgesagt => "abgesagt",
        }
    }

    /// Which status may follow which. A cancelled session can be planned again; a session that
    /// took place stays so (its minutes and attendance depend on it), except when it was marked by
    /// mistake and has no minutes yet (`has_minutes`).
    pub fn check_change(self, to: SessionStatus, has_minutes: bool) -> Result<()> {
        use SessionStatus::*;
        let allowed = self == to
            || matches!(
                (self, to),
                (Geplant, Eingeladen | Durchgefuehrt | Abgesagt)
                    | (Eingeladen, Geplant | Durchgefuehrt | Abgesagt)
                    | (Abgesagt, Geplant | Eingeladen)
            )
            || (self == Durchgefuehrt && matches!(to, Geplant | Eingeladen) && !has_minutes);
        if allowed {
            Ok(())
        } else if self == Durchgefuehrt {
            Err(Error::validation(
                "Status",
                "Die Sitzung hat schon ein Protokoll und bleibt deshalb „durchgeführt“.",
            ))
        } else {
            Err(Error::validation(
                "Status",
                format!(
                    "Eine Sitzung mit dem Status „{}“ kann nicht auf „{}“ gesetzt werden.",
                    self.label(),
                    to.label()
                ),
            ))
        }
    }
}

/// What the form sends to create or change a session. Dates and times as typed (German or ISO).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SessionInput {
    pub title: String,
    /// "24.11.2026" or "2026-11-24"
    pub date: String,
    /// "14:00", "14 Uhr"
    pub start_time: String,
    /// Empty while not known.
    pub end_time: Option<String>,
    pub format: SessionFormat,
    pub place: Option<String>,
    pub video_link: Option<String>,
    pub host_organisation_id: Option<i64>,
    pub status: SessionStatus,
    pub notes: Option<String>,
    /// The `version` the form was filled from; a different stored version refuses the save.
    pub expected_version: Option<i64>,
}

/// A checked session input, ready to be stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionFields {
    pub title: String,
    pub date: NaiveDate,
    pub start_time: NaiveTime,
    pub end_time: Option<NaiveTime>,
    pub format: SessionFormat,
    pub place: Option<String>,
    pub video_link: Option<String>,
    pub host_organisation_id: Option<i64>,
    pub status: SessionStatus,
    pub notes: Option<String>,
    pub expected_version: Option<i64>,
}

impl SessionFields {
    pub fn date_iso(&self) -> String {
        iso_date(self.date)
    }
    pub fn start_hhmm(&self) -> String {
        hhmm(self.start_time)
    }
    pub fn end_hhmm(&self) -> Option<String> {
        self.end_time.map(hhmm)
    }
}

/// Checks a text's length, naming the field.
pub(crate) fn check_length(field: &str, text: &str, max: usize) -> Result<()> {
    // The same cap message as contacts and organisations (`limits.rs`), as a single-field error.
    match crate::limits::check_length(field, text, max) {
        Some(problem) => Err(Error::validation(problem.field, problem.message)),
        None => Ok(()),
    }
}

impl SessionInput {
    /// Trims, parses the German date and times, and checks what a person can get wrong. The first
    /// problem found is returned, naming the field as the form labels it.
    pub fn normalised(self) -> Result<SessionFields> {
        let title = self.title.trim().to_owned();
        if title.is_empty() {
            return Err(Error::validation("Titel", "Bitte geben Sie einen Titel ein."));
        }
        check_length("Titel", &title, MAX_TITLE)?;
        let date = parse_date("Datum", &self.date)?;
        let start_time = parse_time("Beginn", &self.start_time)?;
        let end_time = match clean(self.end_time) {
            Some(text) => Some(parse_time("Ende", &text)?),
            None => None,
        };
        if let Some(end) = end_time
            && end <= start_time
        {
            return Err(Error::validation(
                "Ende",
                format!(
                    "Das Ende ({}) muss nach dem Beginn ({}) liegen.",
                    berlin::format_time(end),
                    berlin::format_time(start_time)
                ),
            ));
        }
        berlin::instant("Beginn", date, start_time)?;
        if let Some(end) = end_time {
            berlin::instant("Ende", date, end)?;
        }
        let place = clean(self.place);
        let video_link = clean(self.video_link);
        if let Some(link) = &video_link {
            check_link(link)?;
        }
        // Notes keep what was typed or pasted (tabs, bullets, line breaks); only empty becomes None.
        let notes = self.notes.filter(|n| !n.trim().is_empty());
        if let Some(n) = &notes {
            check_length("Notizen", n, MAX_TEXT)?;
        }
        if let Some(p) = &place {
            check_length("Ort", p, MAX_TITLE)?;
        }
        Ok(SessionFields {
            title,
            date,
            start_time,
            end_time,
            format: self.format,
            place,
            video_link,
            host_organisation_id: self.host_organisation_id,
            status: self.status,
            notes,
            expected_version: self.expected_version,
        })
    }
}

/// A video link must be a web address people can click ("https://…").
fn check_link(link: &str) -> Result<()> {
    let lower = link.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    match rest {
        Some(host) if !host.is_empty() && !link.chars().any(char::is_whitespace) => {
            check_length("Videolink", link, 2_000)
        }
        _ => Err(Error::validation(
            "Videolink",
            format!("„{link}“ ist kein Link. Bitte fügen Sie die Adresse mit https:// ein."),
        )),
    }
}

/// A session as stored, with the host's name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct Session {
    pub id: i64,
    pub title: String,
    /// ISO date ("2026-11-24"), local to Baden-Württemberg.
    pub date: String,
    /// "14:00"
    pub start_time: String,
    pub end_time: Option<String>,
    pub format: SessionFormat,
    pub place: Option<String>,
    pub video_link: Option<String>,
    pub host_organisation_id: Option<i64>,
    pub host_organisation_name: Option<String>,
    pub status: SessionStatus,
    pub notes: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    /// Raised by one with every update; send it back as `SessionInput::expected_version`.
    pub version: i64,
    /// `Some("freigegeben")` / `Some("entwurf")` when minutes exist.
    pub minutes_status: Option<crate::minutes::MinutesStatus>,
}

impl Session {
    /// "Di., 24.11.2026, 14:00–16:00 Uhr" for lists, invitations and the dossier.
    pub fn when_de(&self) -> String {
        when_de(&self.date, &self.start_time, self.end_time.as_deref())
    }
}

/// "Di., 24.11.2026, 14:00–16:00 Uhr" (or "…, 14:00 Uhr" without an end) from stored values.
pub fn when_de(date: &str, start: &str, end: Option<&str>) -> String {
    let day = berlin::stored_date(date)
        .map(berlin::format_weekday_date)
        .unwrap_or_else(|_| date.to_owned());
    match end {
        Some(end) => format!("{day}, {start}–{end} Uhr"),
        None => format!("{day}, {start} Uhr"),
    }
}

/// One line of the Sitzungen list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct SessionRow {
    pub id: i64,
    pub title: String,
    pub date: String,
    pub start_time: String,
    pub end_time: Option<String>,
    pub format: SessionFormat,
    pub place: Option<String>,
    pub host_organisation_name: Option<String>,
    pub status: SessionStatus,
    pub minutes_status: Option<crate::minutes::MinutesStatus>,
    pub participant_count: i64,
    /// Today or later: the list shows these first (soonest first), the past below (latest first).
    pub upcoming: bool,
}

/// What the Sitzungen list can be narrowed to.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct SessionFilter {
    /// Words typed into the search box (prefix match over title, place, host, TOPs; umlaut-insensitive).
    pub query: Option<String>,
    pub status: Option<SessionStatus>,
    /// Only sessions in this year.
    pub year: Option<i32>,
}

/// The list's order: upcoming sessions (today or later) soonest first, then past ones latest
/// first; ties by time, then id. Works on `(date, start_time, id)` as stored.
pub fn list_order(today: NaiveDate, a: (&str, &str, i64), b: (&str, &str, i64)) -> std::cmp::Ordering {
    let t = iso_date(today);
    let (a_up, b_up) = (a.0 >= t.as_str(), b.0 >= t.as_str());
    match (a_up, b_up) {
        (true, false) => std::cmp::Ordering::Less,
        (false, true) => std::cmp::Ordering::Greater,
        (true, true) => a.cmp(&b),
        (false, false) => (b.0, b.1).cmp(&(a.0, a.1)).then(a.2.cmp(&b.2)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> SessionInput {
        SessionInput {
            title: " 3. Netzwerktreffen 2027 ".into(),
            date: "24.11.2026".into(),
            start_time: "14:00".into(),
            end_time: Some("16:30 Uhr".into()),
            ..Default::default()
        }
    }

    #[test]
    fn a_valid_session_is_trimmed_and_parsed() {
        let f = input().normalised().unwrap();
        assert_eq!(f.title, "3. Netzwerktreffen 2027");
        assert_eq!(f.date_iso(), "2026-11-24");
        assert_eq!(f.start_hhmm(), "14:00");
        assert_eq!(f.end_hhmm().as_deref(), Some("16:30"));
    }

    #[test]
    fn bad_input_names_the_field() {
        let cases: Vec<(SessionInput, &str)> = vec![
            (
                SessionInput {
                    title: "  ".into(),
                    ..input()
                },
                "Titel: Bitte geben Sie einen Titel ein.",
            ),
            (
                SessionInput {
                    date: "31.02.2027".into(),
                    ..input()
                },
                "Datum: „31.02.2027“ ist kein gültiges Datum. Bitte geben Sie es als TT.MM.JJJJ ein, z. B. 24.11.2026.",
            ),
            (
                SessionInput {
                    end_time: Some("13:00".into()),
                    ..input()
                },
                "Ende: Das Ende (13:00 Uhr) muss nach dem Beginn (14:00 Uhr) liegen.",
            ),
            (
                SessionInput {
                    end_time: Some("14:00".into()),
                    ..input()
                },
                "Ende: Das Ende (14:00 Uhr) muss nach dem Beginn (14:00 Uhr) liegen.",
            ),
            (
                SessionInput {
                    video_link: Some("meet.example/abc".into()),
                    ..input()
                },
                "Videolink: „meet.example/abc“ ist kein Link. Bitte fügen Sie die Adresse mit https:// ein.",
            ),
            (
                SessionInput {
                    title: "x".repeat(201),
                    ..input()
                },
                "Titel: Höchstens 200 Zeichen sind erlaubt, hier sind es 201. Bitte kürzen Sie den Text.",
            ),
        ];
        for (bad, message) in cases {
            assert_eq!(bad.normalised().unwrap_err().to_string(), message);
        }
        let gap = SessionInput {
            date: "28.03.2027".into(),
            start_time: "02:15".into(),
            end_time: None,
            ..input()
        };
        assert!(
            gap.normalised()
                .unwrap_err()
                .to_string()
                .starts_with("Beginn: 02:15 Uhr am 28.03.2027")
        );
    }

    #[test]
    fn notes_pasted_from_word_are_kept_as_typed() {
        let text = "• Punkt eins\n\t– „Zitat“ mit ‚Anführung‘\n";
        let f = SessionInput {
            notes: Some(text.into()),
            ..input()
        }
        .normalised()
        .unwrap();
        assert_eq!(f.notes.as_deref(), Some(text));
    }

    #[test]
    fn status_changes_follow_the_rule() {
        use SessionStatus::*;
        Geplant.check_change(Eingeladen, false).unwrap();
        Eingeladen.check_change(Durchgefuehrt, false).unwrap();
        Abgesagt.check_change(Geplant, false).unwrap();
        Durchgefuehrt.check_change(Eingeladen, false).unwrap();
        let err = Durchgefuehrt.check_change(Eingeladen, true).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("Status: Die Sitzung hat schon ein Protokoll")
        );
        let err = Abgesagt.check_change(Durchgefuehrt, false).unwrap_err();
        assert_eq!(
            err.to_string(),
            "Status: Eine Sitzung mit dem Status „abgesagt“ kann nicht auf „durchgeführt“ gesetzt werden."
        );
        Durchgefuehrt.check_change(Durchgefuehrt, true).unwrap();
    }

    #[test]
    fn upcoming_first_then_the_past_latest_first() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        let mut rows = [
            ("2026-10-01", "10:00", 1),
            ("2027-01-10", "09:00", 2),
            ("2026-11-24", "14:00", 3),
            ("2025-05-05", "10:00", 4),
            ("2026-11-24", "09:00", 5),
        ];
        rows.sort_by(|a, b| list_order(today, *a, *b));
        let ids: Vec<i64> = rows.iter().map(|r| r.2).collect();
        assert_eq!(ids, [5, 3, 2, 1, 4]);
    }

    #[test]
    fn when_is_written_the_german_way() {
        assert_eq!(
            when_de("2026-11-24", "14:00", Some("16:30")),
            "Di., 24.11.2026, 14:00–16:30 Uhr"
        );
        assert_eq!(when_de("2026-11-24", "14:00", None), "Di., 24.11.2026, 14:00 Uhr");
    }
}

/// A stored-looking session for tests of modules that format sessions.
#[cfg(test)]
pub(crate) mod tests_support {
    use super::*;

    pub(crate) fn session() -> Session {
        Session {
            id: 7,
            title: "3. Netzwerktreffen 2026".into(),
            date: "2026-11-24".into(),
            start_time: "14:00".into(),
            end_time: Some("16:30".into()),
            format: SessionFormat::Praesenz,
            place: Some("Stuttgart".into()),
            video_link: None,
            host_organisation_id: None,
            host_organisation_name: None,
            status: SessionStatus::Eingeladen,
            notes: None,
            created_at: "2026-11-01T09:00:00Z".into(),
            updated_at: "2026-11-01T09:00:00Z".into(),
            version: 1,
            minutes_status: None,
        }
    }
}

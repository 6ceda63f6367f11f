//! Sitzungen (network sessions): the record, its form input and validation with German field
//! labels, the status rule (which status may follow which) and the list's order. No SQL here;
//! `store/sessions.rs` loads, calls these rules inside its transaction, and writes.

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use crate::berlin::{self, hhmm, iso_date, parse_date, parse_time};
use crate::field::clean;
use crate::{Error, Result};

// Kept under the old path for callers outside the sessions area (store/papers, store/paper_versions).
pub(crate) use crate::limits::require_length as check_length;
use crate::limits::{TEXT as MAX_TEXT, TITLE as MAX_TITLE};

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

/// Checks a save of the form over the stored session: the status must be allowed to follow the
/// stored one, and once the minutes are approved the date and times stay (the minutes record them).
pub fn check_update(stored: &Session, fields: &SessionFields) -> Result<()> {
    stored
        .status
        .check_change(fields.status, stored.minutes_status.is_some())?;
    if stored.date != fields.date_iso()
        || stored.start_time != fields.start_hhmm()
        || stored.end_time != fields.end_hhmm()
    {
        crate::minutes::check_editable(stored.minutes_status)?;
    }
    Ok(())
}

/// A chosen host organisation that was deleted meanwhile.
pub fn host_gone() -> Error {
    Error::validation(
        "Gastgeber",
        "Die gewählte Organisation gibt es nicht mehr. Bitte wählen Sie eine andere.",
    )
}

/// A session as people name it on the command line: its number ("12"), "naechste"/"nächste" (the
/// next one from today on that is not cancelled) or "letzte" (the latest one before today that was
/// not cancelled).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionReference {
    Number(i64),
    Next,
    Last,
}

impl SessionReference {
    pub fn parse(text: &str) -> Result<SessionReference> {
        match crate::search::fold(text.trim()).as_str() {
            "nachste" | "naechste" => Ok(SessionReference::Next),
            "letzte" => Ok(SessionReference::Last),
            number => number.parse().map(SessionReference::Number).map_err(|_| {
                Error::validation(
                    "Sitzung",
                    format!(
                        "„{}“ ist keine Sitzung. Bitte geben Sie ihre Nummer an oder „naechste“ bzw. „letzte“.",
                        text.trim()
                    ),
                )
            }),
        }
    }

    /// The message when no session answers to "naechste" or "letzte".
    pub fn none_found(self) -> Error {
        match self {
            SessionReference::Last => Error::validation("Sitzung", "Es gibt noch keine vergangene Sitzung."),
            _ => Error::validation("Sitzung", "Es ist keine Sitzung geplant."),
        }
    }
}

#[cfg(test)]
mod tests;

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

//! A session as an iCalendar file (RFC 5545) that Outlook and Thunderbird import: a stable UID
//! (the same session imported twice updates the entry instead of doubling it), DTSTART/DTEND in
//! Europe/Berlin wall-clock time with the matching VTIMEZONE, LOCATION, the agenda in the
//! DESCRIPTION and the participants as ATTENDEEs. Lines, escaping and folding come from the
//! `icalendar` crate; this module only decides what goes in.

use chrono::{DateTime, NaiveDateTime, TimeDelta, Utc};
use icalendar::{Calendar, CalendarDateTime, Component, Event, EventLike, EventStatus, Property};

use crate::agenda::{AgendaItem, agenda_lines};
use crate::berlin::{self, TIME_ZONE_ID, format_date, stored_date, stored_time};
use crate::participant::{Participant, ParticipantStatus};
use crate::session::{Session, SessionFormat, SessionStatus};
use crate::{Error, Result};

/// Europe/Berlin since 1996 (EU rules): summer time from the last Sunday in March 02:00 to the
/// last Sunday in October 03:00. `tests::vtimezone_agrees_with_the_tz_database` checks the rules
/// against chrono-tz for the years sessions are planned in.
const VTIMEZONE_BERLIN: &str = "BEGIN:VTIMEZONE\r
TZID:Europe/Berlin\r
X-LIC-LOCATION:Europe/Berlin\r
BEGIN:DAYLIGHT\r
TZOFFSETFROM:+0100\r
TZOFFSETTO:+0200\r
TZNAME:CEST\r
DTSTART:19700329T020000\r
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r
END:DAYLIGHT\r
BEGIN:STANDARD\r
TZOFFSETFROM:+0200\r
TZOFFSETTO:+0100\r
TZNAME:CET\r
DTSTART:19701025T030000\r
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r
END:STANDARD\r
END:VTIMEZONE\r
";

/// Length of a session without an end time and without planned minutes on its agenda.
const DEFAULT_LENGTH_MINUTES: i64 = 120;

/// The stable UID of a session: its id and the instant it was created, which together never
/// repeat in one data file (ids are never reused) and do not change when the session is edited.
pub fn session_uid(session: &Session) -> String {
    let created: String = session
        .created_at
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect();
    format!(
        "sitzung-{}-{}@netzwerkmappe.invalid",
        session.id,
        created.to_ascii_lowercase()
    )
}

/// A file name (without extension) for the session's .ics: "Sitzung 2026-11-24 3. Netzwerktreffen".
pub fn file_stem(session: &Session) -> String {
    let title: String = session
        .title
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || " .-_".contains(c) {
                c
            } else {
                '_'
            }
        })
        .take(80)
        .collect();
    format!("Sitzung {} {}", session.date, title.trim())
}

/// The calendar text of one session (CRLF line ends, folded at 75 octets).
pub fn session_ics(
    session: &Session,
    agenda: &[AgendaItem],
    participants: &[Participant],
    now: DateTime<Utc>,
) -> Result<String> {
    let date = stored_date(&session.date)?;
    let start = stored_time(&session.start_time)?;
    let start_at = NaiveDateTime::new(date, start);
    let end_at = match &session.end_time {
        Some(end) => NaiveDateTime::new(date, stored_time(end)?),
        None => {
            let planned: i64 = agenda.iter().filter_map(|i| i.planned_minutes).sum();
            let minutes = if planned > 0 {
                planned
            } else {
                DEFAULT_LENGTH_MINUTES
            };
            start_at + TimeDelta::minutes(minutes)
        }
    };
    // Only to refuse a time that does not exist in Berlin (the spring gap) before writing it.
    berlin::instant("Beginn", date, start)?;

    let mut event = Event::new();
    event
        .uid(&session_uid(session))
        .timestamp(now)
        .summary(&session.title)
        .starts(CalendarDateTime::WithTimezone {
            date_time: start_at,
            tzid: TIME_ZONE_ID.into(),
        })
        .ends(CalendarDateTime::WithTimezone {
            date_time: end_at,
            tzid: TIME_ZONE_ID.into(),
        })
        .description(&description(session, agenda))
        .status(match session.status {
            SessionStatus::Geplant => EventStatus::Tentative,
            SessionStatus::Eingeladen | SessionStatus::Durchgefuehrt => EventStatus::Confirmed,
            SessionStatus::Abgesagt => EventStatus::Cancelled,
        })
        // Calendar programs replace an imported entry with the same UID only by a higher SEQUENCE.
        .sequence(u32::try_from(session.version.saturating_sub(1)).unwrap_or(0));
    if let Some(location) = location(session) {
        event.location(&location);
    }
    if let Some(link) = &session.video_link {
        event.append_property(Property::new("URL", link));
    }
    for p in participants.iter().filter(|p| p.email.is_some()) {
        let email = p.email.as_deref().unwrap_or_default();
        let partstat = match p.status {
            ParticipantStatus::Eingeladen => "NEEDS-ACTION",
            ParticipantStatus::Zugesagt | ParticipantStatus::Teilgenommen => "ACCEPTED",
            ParticipantStatus::Abgesagt | ParticipantStatus::Entschuldigt => "DECLINED",
        };
        event.append_multi_property(
            Property::new("ATTENDEE", format!("mailto:{email}"))
                .add_parameter("CN", &p.name)
                .add_parameter("ROLE", "REQ-PARTICIPANT")
                .add_parameter("PARTSTAT", partstat)
                .done(),
        );
    }

    let mut calendar = Calendar::empty();
    calendar
        .append_property(Property::new("VERSION", "2.0"))
        .append_property(Property::new(
            "PRODID",
            "-//Netzwerk Integration Baden-Wuerttemberg//Netzwerkmappe//DE",
        ))
        .append_property(Property::new("CALSCALE", "GREGORIAN"))
        .append_property(Property::new("METHOD", "PUBLISH"))
        .push(event.done());
    // The VTIMEZONE goes in as text: the crate writes a DTSTAMP (taken from the clock) and a UID
    // into every component it prints, which RFC 5545 does not allow in VTIMEZONE and its
    // STANDARD/DAYLIGHT parts, and which would make the file differ from run to run.
    let text = calendar.to_string();
    let at = text
        .find("BEGIN:VEVENT")
        .ok_or_else(|| Error::Database("Kalenderdatei ohne VEVENT".into()))?;
    Ok(format!("{}{VTIMEZONE_BERLIN}{}", &text[..at], &text[at..]))
}

/// Where: the place, the video link, or both (hybrid).
fn location(session: &Session) -> Option<String> {
    match (session.format, &session.place, &session.video_link) {
        (SessionFormat::Online, _, Some(link)) => Some(format!("Online: {link}")),
        (SessionFormat::Hybrid, Some(place), Some(link)) => Some(format!("{place} und online: {link}")),
        (_, Some(place), _) => Some(place.clone()),
        (_, None, Some(link)) => Some(format!("Online: {link}")),
        (_, None, None) => None,
    }
}

/// The DESCRIPTION: date line, format, host, agenda with numbers and clock times, video link.
pub(crate) fn description(session: &Session, agenda: &[AgendaItem]) -> String {
    let mut lines = Vec::new();
    let date = stored_date(&session.date)
        .map(format_date)
        .unwrap_or_else(|_| session.date.clone());
    lines.push(format!(
        "{} – {} ({})",
        session.title,
        date,
        session.format.label()
    ));
    if let Some(host) = &session.host_organisation_name {
        lines.push(format!("Gastgeber: {host}"));
    }
    if let Some(link) = &session.video_link {
        lines.push(format!("Videokonferenz: {link}"));
    }
    let agenda = agenda_lines(agenda);
    if !agenda.is_empty() {
        lines.push(String::new());
        lines.extend(agenda);
    }
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Datelike, NaiveDate, Offset, TimeZone, Weekday};

    /// The hand-written VTIMEZONE says: +02:00 from the last Sunday in March 02:00 local to the
    /// last Sunday in October 03:00 local. chrono-tz must agree for every year we plan sessions in.
    #[test]
    fn vtimezone_agrees_with_the_tz_database() {
        let last_sunday = |year: i32, month: u32| {
            let mut d = NaiveDate::from_ymd_opt(year, month + 1, 1)
                .unwrap()
                .pred_opt()
                .unwrap();
            while d.weekday() != Weekday::Sun {
                d = d.pred_opt().unwrap();
            }
            d
        };
        let offset_hours = |utc: NaiveDateTime| {
            berlin::TIME_ZONE
                .from_utc_datetime(&utc)
                .offset()
                .fix()
                .local_minus_utc()
                / 3600
        };
        for year in 2020..=2040 {
            let march = last_sunday(year, 3);
            let october = last_sunday(year, 10);
            // 01:00 UTC is the switch in both cases (02:00 CET / 03:00 CEST).
            assert_eq!(
                offset_hours(march.and_hms_opt(0, 59, 0).unwrap()),
                1,
                "{year} before March switch"
            );
            assert_eq!(
                offset_hours(march.and_hms_opt(1, 0, 0).unwrap()),
                2,
                "{year} after March switch"
            );
            assert_eq!(
                offset_hours(october.and_hms_opt(0, 59, 0).unwrap()),
                2,
                "{year} before October switch"
            );
            assert_eq!(
                offset_hours(october.and_hms_opt(1, 0, 0).unwrap()),
                1,
                "{year} after October switch"
            );
        }
    }

    #[test]
    fn locations_by_format() {
        let mut s = crate::session::tests_support::session();
        assert_eq!(location(&s).as_deref(), Some("Stuttgart"));
        s.format = SessionFormat::Online;
        s.video_link = Some("https://video.example/raum".into());
        assert_eq!(
            location(&s).as_deref(),
            Some("Online: https://video.example/raum")
        );
        s.format = SessionFormat::Hybrid;
        assert_eq!(
            location(&s).as_deref(),
            Some("Stuttgart und online: https://video.example/raum")
        );
    }

    #[test]
    fn uid_is_stable_across_edits_and_file_names_are_safe() {
        let mut s = crate::session::tests_support::session();
        let uid = session_uid(&s);
        assert_eq!(uid, "sitzung-7-20261101t090000z@netzwerkmappe.invalid");
        s.title = "Anderer Titel".into();
        s.version = 5;
        assert_eq!(session_uid(&s), uid);
        s.title = "Treffen: 1/2027 <neu>".into();
        assert_eq!(file_stem(&s), "Sitzung 2026-11-24 Treffen_ 1_2027 _neu_");
    }
}

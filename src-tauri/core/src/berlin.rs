//! Dates and clock times as German offices write them ("24.11.2026", "14:30 Uhr"), and the one
//! place where a wall-clock time in Baden-Württemberg becomes an instant (Europe/Berlin, with its
//! daylight-saving rules from the tz database via `chrono-tz`).
//!
//! Sessions store the local date and wall-clock times as agreed, not UTC instants: "14:00 Uhr"
//! is what was written into the invitation, it must stay 14:00 whatever the DST rules of that day
//! turn out to be, and sorting by `(date, time)` text is the list's order. Instants are derived
//! here when a consumer needs them (.ics, reminders).

use chrono::{DateTime, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use chrono_tz::Europe::Berlin;
use chrono_tz::Tz;

use crate::{Error, Result};

/// The time zone every session is in.
pub const TIME_ZONE: Tz = Berlin;
/// Its name as the tz database (and iCalendar's TZID) spells it.
pub const TIME_ZONE_ID: &str = "Europe/Berlin";

/// A date as typed: "24.11.2026", "24.11.26", "1.2.2027" or ISO "2026-11-24". Impossible dates
/// ("31.02.2027") are refused with a German message naming `field`.
pub fn parse_date(field: &str, text: &str) -> Result<NaiveDate> {
    let t = text.trim();
    let invalid = || {
        Error::validation(
            field,
            format!(
                "„{t}“ ist kein gültiges Datum. Bitte geben Sie es als TT.MM.JJJJ ein, z. B. 24.11.2026."
            ),
        )
    };
    if t.is_empty() {
        return Err(Error::validation(
            field,
            "Bitte geben Sie ein Datum ein (TT.MM.JJJJ).",
        ));
    }
    if let Ok(date) = NaiveDate::parse_from_str(t, "%Y-%m-%d") {
        return Ok(date);
    }
    let parts: Vec<&str> = t.trim_end_matches('.').split('.').map(str::trim).collect();
    let [day, month, year] = parts.as_slice() else {
        return Err(invalid());
    };
    let number = |s: &str| -> Option<u32> {
        (!s.is_empty() && s.len() <= 4 && s.chars().all(|c| c.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let (Some(d), Some(m), Some(y)) = (number(day), number(month), number(year)) else {
        return Err(invalid());
    };
    // Two-digit years are this century's: offices write "24.11.26" for 2026.
    let y = match year.len() {
        2 => 2000 + y,
        4 => y,
        _ => return Err(invalid()),
    };
    let y = i32::try_from(y).map_err(|_| invalid())?;
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(invalid)
}

/// A clock time as typed: "14:30", "14.30", "14:30 Uhr", "14 Uhr", "9:05". Refuses "25:00".
pub fn parse_time(field: &str, text: &str) -> Result<NaiveTime> {
    let t = text.trim();
    let invalid = || {
        Error::validation(
            field,
            format!("„{t}“ ist keine gültige Uhrzeit. Bitte geben Sie sie als SS:MM ein, z. B. 14:30."),
        )
    };
    if t.is_empty() {
        return Err(Error::validation(
            field,
            "Bitte geben Sie eine Uhrzeit ein (SS:MM).",
        ));
    }
    let core = t
        .strip_suffix("Uhr")
        .or_else(|| t.strip_suffix("uhr"))
        .unwrap_or(t)
        .trim();
    let (h, m) = match core.split_once([':', '.']) {
        Some((h, m)) => (h.trim(), m.trim()),
        None => (core, "0"),
    };
    let digits = |s: &str, max_len: usize| {
        (!s.is_empty() && s.len() <= max_len && s.chars().all(|c| c.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    let (Some(h), Some(m)) = (digits(h, 2), digits(m, 2)) else {
        return Err(invalid());
    };
    NaiveTime::from_hms_opt(h, m, 0).ok_or_else(invalid)
}

/// 24.11.2026
pub fn format_date(date: NaiveDate) -> String {
    date.format("%d.%m.%Y").to_string()
}

/// 14:30 Uhr
pub fn format_time(time: NaiveTime) -> String {
    time.format("%H:%M Uhr").to_string()
}

/// 14:30 (as stored and as shown in agenda columns)
pub fn hhmm(time: NaiveTime) -> String {
    time.format("%H:%M").to_string()
}

/// Di., 24.11.2026 (the weekday helps people spot a wrong date)
pub fn format_weekday_date(date: NaiveDate) -> String {
    use chrono::Datelike;
    let day = match date.weekday() {
        chrono::Weekday::Mon => "Mo.",
        chrono::Weekday::Tue => "Di.",
        chrono::Weekday::Wed => "Mi.",
        chrono::Weekday::Thu => "Do.",
        chrono::Weekday::Fri => "Fr.",
        chrono::Weekday::Sat => "Sa.",
        chrono::Weekday::Sun => "So.",
    };
    format!("{day}, {}", format_date(date))
}

/// The instant of a wall-clock time in Baden-Württemberg. In the spring gap (02:00–03:00 on the
/// last Sunday of March) the time does not exist: refused, naming `field`. In the autumn overlap
/// (02:00–03:00 on the last Sunday of October, which happens twice) the first occurrence (summer
/// time) is meant, as a calendar program would assume.
pub fn instant(field: &str, date: NaiveDate, time: NaiveTime) -> Result<DateTime<Tz>> {
    match TIME_ZONE.from_local_datetime(&NaiveDateTime::new(date, time)) {
        LocalResult::Single(at) => Ok(at),
        LocalResult::Ambiguous(first, _) => Ok(first),
        LocalResult::None => Err(Error::validation(
            field,
            format!(
                "{} am {} gibt es wegen der Umstellung auf Sommerzeit nicht. Bitte wählen Sie eine andere Uhrzeit.",
                format_time(time),
                format_date(date)
            ),
        )),
    }
}

/// The same instant in UTC.
pub fn to_utc(at: DateTime<Tz>) -> DateTime<Utc> {
    at.with_timezone(&Utc)
}

/// Today in Baden-Württemberg for a given instant (a session "today" is today in Stuttgart, also
/// on a laptop set to another zone).
pub fn today(now: DateTime<Utc>) -> NaiveDate {
    now.with_timezone(&TIME_ZONE).date_naive()
}

/// Stored form of a date ("2026-11-24").
pub fn iso_date(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// Reads a stored date; stored values were checked on the way in, so a bad one is a damaged file.
pub(crate) fn stored_date(text: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| Error::Database(format!("gespeichertes Datum „{text}“ ist unlesbar")))
}

/// Reads a stored clock time ("14:30").
pub(crate) fn stored_time(text: &str) -> Result<NaiveTime> {
    NaiveTime::parse_from_str(text, "%H:%M")
        .map_err(|_| Error::Database(format!("gespeicherte Uhrzeit „{text}“ ist unlesbar")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Timelike;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn german_dates_are_read_in_every_usual_spelling() {
        for text in [
            "24.11.2026",
            "24.11.26",
            " 24.11.2026 ",
            "2026-11-24",
            "24.11.2026.",
        ] {
            assert_eq!(parse_date("Datum", text).unwrap(), d(2026, 11, 24), "{text}");
        }
        assert_eq!(parse_date("Datum", "1.2.2027").unwrap(), d(2027, 2, 1));
    }

    #[test]
    fn impossible_dates_name_the_field() {
        let err = parse_date("Datum", "31.02.2027").unwrap_err();
        assert_eq!(
            err.to_string(),
            "Datum: „31.02.2027“ ist kein gültiges Datum. Bitte geben Sie es als TT.MM.JJJJ ein, z. B. 24.11.2026."
        );
        for bad in [
            "29.02.2027",
            "32.01.2027",
            "24.13.2026",
            "morgen",
            "24.11.",
            "24-11-2026",
            "1.1.202",
        ] {
            assert!(parse_date("Datum", bad).is_err(), "{bad}");
        }
        assert_eq!(parse_date("Datum", "29.02.2028").unwrap(), d(2028, 2, 29));
        assert!(
            parse_date("Datum", "")
                .unwrap_err()
                .to_string()
                .starts_with("Datum: Bitte")
        );
    }

    #[test]
    fn clock_times_are_read_as_written() {
        for (text, h, m) in [
            ("14:30", 14, 30),
            ("14.30", 14, 30),
            ("14:30 Uhr", 14, 30),
            ("14 Uhr", 14, 0),
            ("9:05", 9, 5),
            ("0:00", 0, 0),
        ] {
            let t = parse_time("Beginn", text).unwrap();
            assert_eq!((t.hour(), t.minute()), (h, m), "{text}");
        }
        for bad in ["25:00", "14:60", "14:3x", "halb drei", "", "123:00"] {
            let err = parse_time("Beginn", bad).unwrap_err();
            assert!(err.to_string().starts_with("Beginn: "), "{bad}: {err}");
        }
    }

    #[test]
    fn formats_are_german() {
        assert_eq!(format_date(d(2026, 11, 4)), "04.11.2026");
        assert_eq!(
            format_time(NaiveTime::from_hms_opt(9, 5, 0).unwrap()),
            "09:05 Uhr"
        );
        assert_eq!(format_weekday_date(d(2026, 11, 24)), "Di., 24.11.2026");
    }

    #[test]
    fn daylight_saving_is_applied_by_date() {
        let t = NaiveTime::from_hms_opt(14, 0, 0).unwrap();
        // Winter: UTC+1; summer: UTC+2.
        let winter = to_utc(instant("Beginn", d(2026, 11, 24), t).unwrap());
        assert_eq!(winter.hour(), 13);
        let summer = to_utc(instant("Beginn", d(2027, 6, 15), t).unwrap());
        assert_eq!(summer.hour(), 12);
        // The day of the switch to summer time (28 March 2027): 01:30 is still winter time.
        let early = to_utc(
            instant(
                "Beginn",
                d(2027, 3, 28),
                NaiveTime::from_hms_opt(1, 30, 0).unwrap(),
            )
            .unwrap(),
        );
        assert_eq!((early.hour(), early.minute()), (0, 30));
    }

    #[test]
    fn the_spring_gap_is_refused_and_the_autumn_overlap_takes_summer_time() {
        let gap = instant(
            "Beginn",
            d(2027, 3, 28),
            NaiveTime::from_hms_opt(2, 30, 0).unwrap(),
        )
        .unwrap_err();
        assert!(
            gap.to_string()
                .starts_with("Beginn: 02:30 Uhr am 28.03.2027 gibt es"),
            "{gap}"
        );
        let twice = instant(
            "Beginn",
            d(2026, 10, 25),
            NaiveTime::from_hms_opt(2, 30, 0).unwrap(),
        )
        .unwrap();
        assert_eq!(to_utc(twice).hour(), 0, "02:30 CEST = 00:30 UTC");
    }

    #[test]
    fn today_is_berlins_day() {
        // 23:30 UTC on 24 Nov is already 25 Nov in Berlin.
        let late = Utc.with_ymd_and_hms(2026, 11, 24, 23, 30, 0).unwrap();
        assert_eq!(today(late), d(2026, 11, 25));
    }
}

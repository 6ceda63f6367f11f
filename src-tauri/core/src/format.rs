//! German formatting for people: 24.11.2026, 14:30 Uhr. Used by the CLI (the UI formats the same
//! way in ui/js/format.js).

use chrono::{DateTime, Local, NaiveDate, TimeZone};

/// 24.11.2026
pub fn date_de(date: NaiveDate) -> String {
    date.format("%d.%m.%Y").to_string()
}

/// 24.11.2026, 14:30 Uhr (in the computer's local time zone)
pub fn datetime_de<Tz: TimeZone>(at: &DateTime<Tz>) -> String {
    at.with_timezone(&Local).format("%d.%m.%Y, %H:%M Uhr").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::FixedOffset;

    #[test]
    fn german_dates() {
        assert_eq!(
            date_de(NaiveDate::from_ymd_opt(2026, 11, 4).unwrap()),
            "04.11.2026"
        );
        let at = FixedOffset::east_opt(0)
            .unwrap()
            .with_ymd_and_hms(2026, 11, 24, 14, 30, 0)
            .unwrap();
        let s = datetime_de(&at);
        assert!(s.ends_with(" Uhr") && s.contains(".2026, "), "{s}");
    }
}

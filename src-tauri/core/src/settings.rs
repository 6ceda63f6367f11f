//! The office's settings: what they are, their defaults, and which values are allowed. Stored one
//! row per setting (`store/settings.rs`); a setting nobody changed is its default.

use serde::{Deserialize, Serialize};

use crate::{Error, Result};

/// Mail servers of public administrations commonly refuse messages with more than 50 to 100
/// recipients; 50 is on the safe side.
pub const DEFAULT_MAIL_BATCH_SIZE: u32 = 50;
/// Fewest and most recipients per message the user may choose.
pub const MAIL_BATCH_SIZE_RANGE: (u32, u32) = (1, 500);
/// A week ahead catches the next session in time to prepare without reminding of far-off ones.
pub const DEFAULT_REMINDER_DAYS: u32 = 7;
/// Fewest and most days ahead the user may choose (the rule caps at `reminder::MAX_DAYS_AHEAD`).
pub const REMINDER_DAYS_RANGE: (u32, u32) = (1, 60);
/// Contacts without any involvement for this many years are offered for review (privacy.rs says why 3).
pub const DEFAULT_RETENTION_YEARS: u32 = crate::privacy::DEFAULT_RETENTION_YEARS;
pub const RETENTION_YEARS_RANGE: (u32, u32) = (1, 30);

/// Every setting with its current value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    /// "E-Mail schreiben" puts at most this many addresses into one message (BCC) and offers the
    /// rest in further messages.
    pub mail_batch_size: u32,
    /// Whether sessions and due tasks are reminded of (notification or in the window).
    pub reminders_enabled: bool,
    /// Sessions and tasks due within this many days are reminded of.
    pub reminder_days: u32,
    /// The name the Änderungsprotokoll records; empty means the operating system's user name.
    #[serde(default)]
    pub user_name: String,
    /// Aufbewahrung: contacts not involved in anything for this many years are listed for review.
    #[serde(default = "default_retention_years")]
    pub retention_years: u32,
}

fn default_retention_years() -> u32 {
    DEFAULT_RETENTION_YEARS
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            mail_batch_size: DEFAULT_MAIL_BATCH_SIZE,
            reminders_enabled: true,
            reminder_days: DEFAULT_REMINDER_DAYS,
            user_name: String::new(),
            retention_years: DEFAULT_RETENTION_YEARS,
        }
    }
}

/// The cover logo is kept in the data file (not as a path): a backup or a copied data file then
/// carries it, and a moved or deleted picture cannot break the next export. 2 MB is far more than
/// a logo needs and keeps the data file and every backup small.
pub const LOGO_MAX_BYTES: usize = 2 * 1024 * 1024;

/// The office's logo for the Sitzungsmappe's cover, as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Logo {
    /// The chosen file's name, shown beside "Logo entfernen".
    pub name: String,
    #[serde(skip)]
    pub png: Vec<u8>,
}

/// Checks a chosen logo file: a readable PNG of at most [`LOGO_MAX_BYTES`].
pub fn check_logo(bytes: &[u8]) -> Result<()> {
    if bytes.len() > LOGO_MAX_BYTES {
        return Err(Error::validation(
            "Logo",
            format!(
                "Das Logo ist zu groß ({:.1} MB); erlaubt sind höchstens 2 MB.",
                bytes.len() as f64 / 1_048_576.0
            ),
        ));
    }
    if crate::pdf::documents::png_size(bytes).is_none() {
        return Err(Error::validation(
            "Logo",
            "Die Datei ist kein PNG-Bild. Bitte wählen Sie ein Logo im PNG-Format.",
        ));
    }
    Ok(())
}

/// Keys as stored in the `settings` table.
pub(crate) const KEY_MAIL_BATCH_SIZE: &str = "mail_batch_size";
pub(crate) const KEY_REMINDERS_ENABLED: &str = "reminders_enabled";
pub(crate) const KEY_REMINDER_DAYS: &str = "reminder_days";
pub(crate) const KEY_USER_NAME: &str = "user_name";
pub(crate) const KEY_RETENTION_YEARS: &str = "retention_years";
/// The logo's bytes (a BLOB) and its file name; read only by `Store::logo`.
pub(crate) const KEY_LOGO_PNG: &str = "logo_png";
pub(crate) const KEY_LOGO_NAME: &str = "logo_name";

impl Settings {
    /// Builds the settings from stored `(key, value)` rows; unknown keys and unreadable values
    /// (a file edited by hand) fall back to the default instead of failing the start.
    pub(crate) fn from_rows(rows: &[(String, String)]) -> Settings {
        let mut settings = Settings::default();
        for (key, value) in rows {
            let value = value.trim();
            match key.as_str() {
                KEY_MAIL_BATCH_SIZE => {
                    if let Ok(n) = value.parse::<u32>()
                        && in_range(MAIL_BATCH_SIZE_RANGE, n)
                    {
                        settings.mail_batch_size = n;
                    }
                }
                KEY_REMINDERS_ENABLED => {
                    if let Ok(b) = value.parse::<bool>() {
                        settings.reminders_enabled = b;
                    }
                }
                KEY_REMINDER_DAYS => {
                    if let Ok(n) = value.parse::<u32>()
                        && in_range(REMINDER_DAYS_RANGE, n)
                    {
                        settings.reminder_days = n;
                    }
                }
                KEY_USER_NAME => settings.user_name = value.to_owned(),
                KEY_RETENTION_YEARS => {
                    if let Ok(n) = value.parse::<u32>()
                        && in_range(RETENTION_YEARS_RANGE, n)
                    {
                        settings.retention_years = n;
                    }
                }
                _ => {}
            }
        }
        settings
    }

    /// The stored form of every setting.
    pub(crate) fn to_rows(&self) -> Vec<(&'static str, String)> {
        vec![
            (KEY_MAIL_BATCH_SIZE, self.mail_batch_size.to_string()),
            (KEY_REMINDERS_ENABLED, self.reminders_enabled.to_string()),
            (KEY_REMINDER_DAYS, self.reminder_days.to_string()),
            (KEY_USER_NAME, self.user_name.trim().to_owned()),
            (KEY_RETENTION_YEARS, self.retention_years.to_string()),
        ]
    }

    /// Checks values a person entered; the message names the field as the form labels it.
    pub fn validated(self) -> Result<Settings> {
        if !in_range(MAIL_BATCH_SIZE_RANGE, self.mail_batch_size) {
            let (min, max) = MAIL_BATCH_SIZE_RANGE;
            return Err(Error::validation(
                "Empfänger je E-Mail",
                format!("Bitte eine Zahl von {min} bis {max} eingeben."),
            ));
        }
        if !in_range(REMINDER_DAYS_RANGE, self.reminder_days) {
            let (min, max) = REMINDER_DAYS_RANGE;
            return Err(Error::validation(
                REMINDER_DAYS_LABEL,
                format!("Bitte eine Zahl von {min} bis {max} eingeben."),
            ));
        }
        if !in_range(RETENTION_YEARS_RANGE, self.retention_years) {
            let (min, max) = RETENTION_YEARS_RANGE;
            return Err(Error::validation(
                "Aufbewahrung prüfen nach … Jahren",
                format!("Bitte eine Zahl von {min} bis {max} eingeben."),
            ));
        }
        if self.user_name.chars().count() > crate::limits::NAME {
            return Err(Error::validation(
                "Name im Änderungsprotokoll",
                format!("Bitte höchstens {} Zeichen eingeben.", crate::limits::NAME),
            ));
        }
        Ok(self)
    }
}

/// The reminder days field as the Einstellungen form labels it.
pub const REMINDER_DAYS_LABEL: &str = "Erinnern … Tage vorher";

fn in_range((min, max): (u32, u32), n: u32) -> bool {
    (min..=max).contains(&n)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn stored_rows_round_trip_and_bad_values_fall_back_to_the_default() {
        let chosen = Settings {
            mail_batch_size: 20,
            reminders_enabled: false,
            reminder_days: 14,
            user_name: "Frau Kaya".into(),
            retention_years: 5,
        };
        let rows: Vec<(String, String)> = chosen
            .to_rows()
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v))
            .collect();
        assert_eq!(Settings::from_rows(&rows), chosen);
        for bad in ["0", "501", "viele", ""] {
            let rows = vec![(KEY_MAIL_BATCH_SIZE.to_owned(), bad.to_owned())];
            assert_eq!(Settings::from_rows(&rows), Settings::default(), "{bad}");
        }
        for bad in ["0", "61", "eine Woche"] {
            let rows = vec![(KEY_REMINDER_DAYS.to_owned(), bad.to_owned())];
            assert_eq!(Settings::from_rows(&rows), Settings::default(), "{bad}");
        }
        let rows = vec![(KEY_REMINDERS_ENABLED.to_owned(), "ja".to_owned())];
        assert!(Settings::from_rows(&rows).reminders_enabled);
        let rows = vec![(KEY_REMINDERS_ENABLED.to_owned(), "false".to_owned())];
        assert!(!Settings::from_rows(&rows).reminders_enabled);
    }

    #[test]
    fn reminder_days_outside_1_to_60_name_the_field() {
        let with = |days| Settings {
            reminder_days: days,
            ..Settings::default()
        };
        for bad in [0, 61] {
            let err = with(bad).validated().unwrap_err();
            assert_eq!(
                err.to_string(),
                "Erinnern … Tage vorher: Bitte eine Zahl von 1 bis 60 eingeben."
            );
        }
        assert!(with(1).validated().is_ok());
        assert!(with(60).validated().is_ok());
        assert_eq!(Settings::default().reminder_days, 7);
        assert!(Settings::default().reminders_enabled);
    }

    #[test]
    fn a_batch_size_outside_the_range_names_the_field() {
        let err = Settings {
            mail_batch_size: 0,
            ..Settings::default()
        }
        .validated()
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "Empfänger je E-Mail: Bitte eine Zahl von 1 bis 500 eingeben."
        );
        assert!(
            Settings {
                mail_batch_size: 500,
                ..Settings::default()
            }
            .validated()
            .is_ok()
        );
    }
}

//! The office's settings: what they are, their defaults, and which values are allowed. Stored one
//! row per setting (`store/settings.rs`); a setting nobody changed is its default.

use serde::{Deserialize, Serialize};

use crate::{Error, Result};

/// Mail servers of public administrations commonly refuse messages with more than 50 to 100
/// recipients; 50 is on the safe side.
pub const DEFAULT_MAIL_BATCH_SIZE: u32 = 50;
/// Fewest and most recipients per message the user may choose.
pub const MAIL_BATCH_SIZE_RANGE: (u32, u32) = (1, 500);

/// Every setting with its current value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    /// "E-Mail schreiben" puts at most this many addresses into one message (BCC) and offers the
    /// rest in further messages.
    pub mail_batch_size: u32,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            mail_batch_size: DEFAULT_MAIL_BATCH_SIZE,
        }
    }
}

/// Keys as stored in the `settings` table.
pub(crate) const KEY_MAIL_BATCH_SIZE: &str = "mail_batch_size";

impl Settings {
    /// Builds the settings from stored `(key, value)` rows; unknown keys and unreadable values
    /// (a file edited by hand) fall back to the default instead of failing the start.
    pub(crate) fn from_rows(rows: &[(String, String)]) -> Settings {
        let mut settings = Settings::default();
        for (key, value) in rows {
            if key == KEY_MAIL_BATCH_SIZE
                && let Ok(n) = value.trim().parse::<u32>()
                && in_range(n)
            {
                settings.mail_batch_size = n;
            }
        }
        settings
    }

    /// The stored form of every setting.
    pub(crate) fn to_rows(&self) -> Vec<(&'static str, String)> {
        vec![(KEY_MAIL_BATCH_SIZE, self.mail_batch_size.to_string())]
    }

    /// Checks values a person entered; the message names the field as the form labels it.
    pub fn validated(self) -> Result<Settings> {
        if !in_range(self.mail_batch_size) {
            let (min, max) = MAIL_BATCH_SIZE_RANGE;
            return Err(Error::validation(
                "Empfänger je E-Mail",
                format!("Bitte eine Zahl von {min} bis {max} eingeben."),
            ));
        }
        Ok(self)
    }
}

fn in_range(n: u32) -> bool {
    (MAIL_BATCH_SIZE_RANGE.0..=MAIL_BATCH_SIZE_RANGE.1).contains(&n)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn stored_rows_round_trip_and_bad_values_fall_back_to_the_default() {
        let chosen = Settings { mail_batch_size: 20 };
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
    }

    #[test]
    fn a_batch_size_outside_the_range_names_the_field() {
        let err = Settings { mail_batch_size: 0 }.validated().unwrap_err();
        assert_eq!(
            err.to_string(),
            "Empfänger je E-Mail: Bitte eine Zahl von 1 bis 500 eingeben."
        );
        assert!(Settings { mail_batch_size: 500 }.validated().is_ok());
    }
}

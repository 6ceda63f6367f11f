//! Nachträge: corrections to approved minutes that stay visible beside them. Before approval the
//! draft is simply corrected, so a Nachtrag exists only afterwards and is not dated before it.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::MinutesStatus;
use crate::berlin::{format_date, parse_date, today};
use crate::field::clean;
use crate::limits::{TEXT as MAX_TEXT, TITLE as MAX_TITLE, require_length as check_length};
use crate::{Error, Result};

/// A Nachtrag as the form sends it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AddendumInput {
    /// Empty = today.
    pub date: Option<String>,
    pub reason: String,
    pub text: String,
}

/// A checked Nachtrag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AddendumFields {
    pub date: NaiveDate,
    pub reason: String,
    pub text: String,
}

impl AddendumInput {
    /// A Nachtrag exists only for approved minutes (before that, the draft is simply corrected),
    /// needs a reason and a text, and cannot predate the approval.
    pub fn normalised(
        self,
        status: Option<MinutesStatus>,
        approved_on: Option<NaiveDate>,
        today: NaiveDate,
    ) -> Result<AddendumFields> {
        if status != Some(MinutesStatus::Freigegeben) {
            return Err(Error::validation(
                "Nachtrag",
                "Ein Nachtrag ist erst nach der Freigabe des Protokolls möglich; den Entwurf können Sie direkt ändern.",
            ));
        }
        let reason = self.reason.trim().to_owned();
        if reason.is_empty() {
            return Err(Error::validation(
                "Grund",
                "Bitte geben Sie den Grund des Nachtrags an.",
            ));
        }
        check_length("Grund", &reason, MAX_TITLE * 5)?;
        if self.text.trim().is_empty() {
            return Err(Error::validation(
                "Text",
                "Bitte geben Sie den Text des Nachtrags ein.",
            ));
        }
        check_length("Text", &self.text, MAX_TEXT)?;
        let date = match clean(self.date) {
            Some(text) => parse_date("Datum", &text)?,
            None => today,
        };
        if let Some(approved) = approved_on
            && date < approved
        {
            return Err(Error::validation(
                "Datum",
                format!(
                    "Der Nachtrag kann nicht vor der Freigabe am {} liegen.",
                    format_date(approved)
                ),
            ));
        }
        Ok(AddendumFields {
            date,
            reason,
            text: self.text.trim_matches(['\n', '\r']).to_owned(),
        })
    }
}

/// The day minutes were approved, from the stored `approved_at` (RFC 3339), as Stuttgart's day.
pub fn approved_on(approved_at: Option<&str>) -> Option<NaiveDate> {
    approved_at
        .and_then(|at| DateTime::parse_from_rfc3339(at).ok())
        .map(|at| today(at.with_timezone(&Utc)))
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct Addendum {
    pub id: i64,
    pub session_id: i64,
    pub date: String,
    pub reason: String,
    pub text: String,
    pub created_at: String,
}

//! Aufgaben (action items) of the minutes: what the form sends and its checks (a due date not
//! before the session), the stored record, the Aufgabenübersicht's rows and filter, "overdue",
//! who owns an item, and what may still change after approval.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{MinutesStatus, check_editable};
use crate::berlin::{format_date, iso_date, parse_date};
use crate::field::clean;
use crate::limits::{TEXT as MAX_TEXT, require_length as check_length};
use crate::{Error, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, sqlx::Type)]
#[serde(rename_all = "snake_case")]
#[sqlx(type_name = "TEXT", rename_all = "snake_case")]
pub enum ActionStatus {
    #[default]
    Offen,
    Erledigt,
}

impl ActionStatus {
    pub fn label(self) -> &'static str {
        match self {
            ActionStatus::Offen => "offen",
            ActionStatus::Erledigt => "erledigt",
        }
    }
}

/// An action item as the form sends it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ActionItemInput {
    pub agenda_item_id: Option<i64>,
    pub what: String,
    /// The owner: a contact or an organisation (or both: a person at an organisation).
    pub owner_contact_id: Option<i64>,
    pub owner_organisation_id: Option<i64>,
    /// "24.11.2026" or ISO; empty for no due date.
    pub due_date: Option<String>,
    pub status: ActionStatus,
    /// When it was done; empty = today, when status is erledigt.
    pub done_date: Option<String>,
    pub expected_version: Option<i64>,
}

/// A checked action item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionItemFields {
    pub agenda_item_id: Option<i64>,
    pub what: String,
    pub owner_contact_id: Option<i64>,
    pub owner_organisation_id: Option<i64>,
    pub due_date: Option<NaiveDate>,
    pub status: ActionStatus,
    pub done_date: Option<NaiveDate>,
    pub expected_version: Option<i64>,
}

impl ActionItemInput {
    /// Checks the item against the session it belongs to: a due date before the session makes no
    /// sense; a done item has a done date (today when none is given).
    pub fn normalised(self, session_date: NaiveDate, today: NaiveDate) -> Result<ActionItemFields> {
        let what = self.what.trim().to_owned();
        if what.is_empty() {
            return Err(Error::validation("Aufgabe", "Bitte beschreiben Sie die Aufgabe."));
        }
        check_length("Aufgabe", &what, MAX_TEXT)?;
        let due_date = match clean(self.due_date) {
            Some(text) => Some(parse_date("Fällig am", &text)?),
            None => None,
        };
        if let Some(due) = due_date
            && due < session_date
        {
            return Err(Error::validation(
                "Fällig am",
                format!(
                    "Der {} liegt vor der Sitzung am {}. Bitte wählen Sie ein späteres Datum.",
                    format_date(due),
                    format_date(session_date)
                ),
            ));
        }
        let done_date = match (self.status, clean(self.done_date)) {
            (ActionStatus::Offen, _) => None,
            (ActionStatus::Erledigt, Some(text)) => Some(parse_date("Erledigt am", &text)?),
            (ActionStatus::Erledigt, None) => Some(today),
        };
        Ok(ActionItemFields {
            agenda_item_id: self.agenda_item_id,
            what,
            owner_contact_id: self.owner_contact_id,
            owner_organisation_id: self.owner_organisation_id,
            due_date,
            status: self.status,
            done_date,
            expected_version: self.expected_version,
        })
    }
}

/// Overdue: open and due before today.
pub fn is_overdue(status: ActionStatus, due_date: Option<NaiveDate>, today: NaiveDate) -> bool {
    status == ActionStatus::Offen && due_date.is_some_and(|d| d < today)
}

/// The done date a status change stores: none when open again, else `done_on` or today.
pub fn done_date(status: ActionStatus, done_on: Option<NaiveDate>, today: NaiveDate) -> Option<NaiveDate> {
    match status {
        ActionStatus::Offen => None,
        ActionStatus::Erledigt => Some(done_on.unwrap_or(today)),
    }
}

/// The owner as shown: "Anna Müller (Landratsamt Tübingen)", "Landratsamt Tübingen" or
/// "Anna Müller".
pub fn owner_label(person: Option<String>, organisation: Option<String>) -> Option<String> {
    match (person, organisation) {
        (Some(p), Some(o)) => Some(format!("{p} ({o})")),
        (p, o) => p.or(o),
    }
}

/// A chosen owner organisation that was deleted meanwhile.
pub fn organisation_gone() -> Error {
    Error::validation(
        "Verantwortlich",
        "Die gewählte Organisation gibt es nicht mehr. Bitte wählen Sie eine andere.",
    )
}

/// Whether saving `fields` over `stored` changes the item's content (what, TOP, owner, due date),
/// which the approval lock guards; status and done date are following up, not editing the minutes
/// (see [`check_action_item_change`]).
pub fn content_changed(stored: &ActionItem, fields: &ActionItemFields) -> bool {
    stored.what != fields.what
        || stored.agenda_item_id != fields.agenda_item_id
        || stored.owner_contact_id != fields.owner_contact_id
        || stored.owner_organisation_id != fields.owner_organisation_id
        || stored.due_date != fields.due_date.map(iso_date)
}

/// While the minutes are a draft everything of an action item may change; once approved only its
/// status and done date. Returns whether the content changes.
pub fn check_action_item_change(
    stored: &ActionItem,
    fields: &ActionItemFields,
    minutes: Option<MinutesStatus>,
) -> Result<bool> {
    let changed = content_changed(stored, fields);
    if changed {
        check_editable(minutes)?;
    }
    Ok(changed)
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct ActionItem {
    pub id: i64,
    pub session_id: i64,
    pub agenda_item_id: Option<i64>,
    pub what: String,
    pub owner_contact_id: Option<i64>,
    pub owner_organisation_id: Option<i64>,
    /// The owner as shown ("Anna Müller, Landratsamt Tübingen"), kept if the organisation goes.
    pub owner_name: Option<String>,
    pub due_date: Option<String>,
    pub status: ActionStatus,
    pub done_date: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    pub version: i64,
}

/// One line of the Aufgabenübersicht (Beschlusskontrolle).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct ActionItemRow {
    pub id: i64,
    pub session_id: i64,
    pub session_title: String,
    pub session_date: String,
    pub what: String,
    pub owner_contact_id: Option<i64>,
    pub owner_organisation_id: Option<i64>,
    pub owner_name: Option<String>,
    pub due_date: Option<String>,
    pub status: ActionStatus,
    pub done_date: Option<String>,
    pub overdue: bool,
    pub version: i64,
}

/// What the Aufgabenübersicht can be narrowed to; all criteria must hold.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct ActionItemFilter {
    pub owner_contact_id: Option<i64>,
    /// Items owned by the organisation or by one of its people.
    pub owner_organisation_id: Option<i64>,
    pub session_id: Option<i64>,
    pub status: Option<ActionStatus>,
    pub overdue_only: bool,
}

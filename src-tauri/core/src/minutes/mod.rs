//! Protokolle (minutes) of a session: discussion per TOP, Beschlüsse (decisions) with their
//! printed number, Aufgaben (action items), approval and Nachträge. The rules live here as plain
//! functions: when minutes may change (the approval lock), how decisions are numbered, when an
//! addendum is allowed, what an action item needs. `usecase/minutes.rs` loads what a rule needs
//! through `store/minutes.rs`, calls it inside its transaction and writes.
//!
//! Action items (`action_items.rs`) and Nachträge (`addendum.rs`) have their own files; everything
//! is re-exported here, so callers name `crate::minutes::…` only.

mod action_items;
mod addendum;
#[cfg(test)]
mod tests;

pub use action_items::*;
pub use addendum::*;

use serde::{Deserialize, Serialize};

use crate::limits::{TEXT as MAX_TEXT, require_length as check_length};
use crate::{Error, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, sqlx::Type)]
#[serde(rename_all = "snake_case")]
#[sqlx(type_name = "TEXT", rename_all = "snake_case")]
pub enum MinutesStatus {
    /// Entwurf: goes round for comments, may change.
    #[default]
    Entwurf,
    /// Freigegeben: read-only; corrections are Nachträge.
    Freigegeben,
}

impl MinutesStatus {
    pub fn label(self) -> &'static str {
        match self {
            MinutesStatus::Entwurf => "Entwurf",
            MinutesStatus::Freigegeben => "freigegeben",
        }
    }
}

/// The approval lock: anything that is part of the minutes (discussion, decisions, action items'
/// content, attendance, the agenda they follow) may change only while the minutes are a draft
/// (or do not exist yet). `None` = no minutes begun.
pub fn check_editable(status: Option<MinutesStatus>) -> Result<()> {
    match status {
        Some(MinutesStatus::Freigegeben) => Err(Error::validation(
            "Protokoll",
            "Das Protokoll ist freigegeben und kann nicht mehr geändert werden. \
             Bitte erfassen Sie die Korrektur als Nachtrag.",
        )),
        _ => Ok(()),
    }
}

/// Approval needs a draft and the name of who approves.
pub fn check_approval(status: Option<MinutesStatus>, approved_by: &str) -> Result<()> {
    match status {
        None => Err(Error::validation(
            "Protokoll",
            "Für diese Sitzung gibt es noch kein Protokoll, das freigegeben werden könnte.",
        )),
        Some(MinutesStatus::Freigegeben) => Err(Error::validation(
            "Protokoll",
            "Das Protokoll ist schon freigegeben.",
        )),
        Some(MinutesStatus::Entwurf) if approved_by.trim().is_empty() => Err(Error::validation(
            "Freigegeben von",
            "Bitte geben Sie an, wer das Protokoll freigibt.",
        )),
        Some(MinutesStatus::Entwurf) => Ok(()),
    }
}

/// A session whose minutes are approved cannot be deleted: the minutes are the record of what
/// the network decided.
pub fn check_session_deletable(status: Option<MinutesStatus>) -> Result<()> {
    match status {
        Some(MinutesStatus::Freigegeben) => Err(Error::validation(
            "Sitzung",
            "Die Sitzung hat ein freigegebenes Protokoll und kann deshalb nicht gelöscht werden. \
             Sie können sie stattdessen absagen.",
        )),
        _ => Ok(()),
    }
}

/// The printed number of a decision: "Beschluss 3/2027-2" is the 2nd decision of the 3rd session
/// of 2027. `ordinal` is the session's place among the year's sessions (see [`session_ordinal`]),
/// fixed when its minutes are begun; `number` counts the session's decisions in agenda order.
pub fn decision_label(ordinal: i64, year: i64, number: i64) -> String {
    format!("Beschluss {ordinal}/{year}-{number}")
}

/// The place of a session among the sessions of its year that were not cancelled, by date, time
/// and id: `earlier` is how many such sessions come before it. The 1st session is 1.
pub fn session_ordinal(earlier: i64) -> i64 {
    earlier + 1
}

/// Decisions are numbered 1, 2, 3 … in the order of the agenda they belong to (decisions
/// without a TOP last), ties by the order they were recorded. Input: `(decision id, agenda
/// position or None, recorded order)` where the agenda position is the TOP's index in reading
/// order. Returns `(decision id, number)` in numbered order.
pub fn number_decisions(decisions: &[(i64, Option<usize>, i64)]) -> Vec<(i64, i64)> {
    let mut sorted: Vec<&(i64, Option<usize>, i64)> = decisions.iter().collect();
    sorted.sort_by_key(|(id, pos, recorded)| (pos.is_none(), *pos, *recorded, *id));
    sorted
        .into_iter()
        .zip(1..)
        .map(|((id, _, _), n)| (*id, n))
        .collect()
}

/// Minutes are begun for a session that was not cancelled only.
pub fn check_may_begin(session_cancelled: bool) -> Result<()> {
    if session_cancelled {
        return Err(Error::validation(
            "Protokoll",
            "Die Sitzung wurde abgesagt; für sie kann kein Protokoll geschrieben werden.",
        ));
    }
    Ok(())
}

/// The discussion text of a TOP as stored: kept exactly as typed or pasted, `None` when blank.
pub fn discussion(text: &str) -> Result<Option<&str>> {
    check_length("Diskussion", text, MAX_TEXT)?;
    Ok((!text.trim().is_empty()).then_some(text))
}

/// A decision or action item may name a TOP of its own session only (`item_session`: the session
/// the chosen TOP belongs to, `None` when none was chosen).
pub fn check_item_of_session(item_session: Option<i64>, session_id: i64) -> Result<()> {
    match item_session {
        Some(other) if other != session_id => Err(Error::validation(
            "Tagesordnungspunkt",
            "Der gewählte Tagesordnungspunkt gehört zu einer anderen Sitzung.",
        )),
        _ => Ok(()),
    }
}

/// A decision on a TOP "Genehmigung des Protokolls" approves the linked minutes, but only while
/// they are a draft: minutes already approved stay as they are.
pub fn approves_linked(linked_status: Option<MinutesStatus>) -> bool {
    linked_status == Some(MinutesStatus::Entwurf)
}

/// Who approved minutes through a decision: "Beschluss 3/2027-1 der Sitzung „Netzwerktreffen“".
pub fn approved_by_decision(decision_label: &str, session_title: &str) -> String {
    format!("{decision_label} der Sitzung „{session_title}“")
}

/// Decision numbers in agenda order: `agenda` is the session's TOP ids in reading order,
/// `decisions` each decision's id and TOP. Returns `(decision id, number)` (see [`number_decisions`]).
pub fn number_in_agenda(agenda: &[i64], decisions: &[(i64, Option<i64>)]) -> Vec<(i64, i64)> {
    let input: Vec<(i64, Option<usize>, i64)> = decisions
        .iter()
        .map(|(id, item)| (*id, item.and_then(|i| agenda.iter().position(|x| *x == i)), *id))
        .collect();
    number_decisions(&input)
}

/// The Protokollführung as stored: the name as written, else (`None`) the chosen contact's name.
pub fn minute_taker_name(written: Option<String>) -> Option<String> {
    written.map(|n| n.trim().to_owned()).filter(|n| !n.is_empty())
}

/// A chosen person that was deleted meanwhile (`field`: the form field that named them).
pub fn person_gone(field: &str) -> Error {
    Error::validation(
        field,
        "Die gewählte Person gibt es nicht mehr. Bitte wählen Sie erneut.",
    )
}

/// What the minutes form sends besides the per-TOP texts.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct MinutesInput {
    /// Protokollführung: a contact …
    pub minute_taker_contact_id: Option<i64>,
    /// … or a name as written (filled from the contact when empty).
    pub minute_taker_name: Option<String>,
    pub expected_version: Option<i64>,
}

/// A decision as the form sends it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DecisionInput {
    pub agenda_item_id: Option<i64>,
    pub text: String,
    pub expected_version: Option<i64>,
}

impl DecisionInput {
    pub fn normalised(mut self) -> Result<DecisionInput> {
        if self.text.trim().is_empty() {
            return Err(Error::validation(
                "Beschluss",
                "Bitte geben Sie den Wortlaut des Beschlusses ein.",
            ));
        }
        check_length("Beschluss", &self.text, MAX_TEXT)?;
        // Kept as typed (Word's quotes, tabs, bullets); only outer blank lines go.
        self.text = self.text.trim_matches(['\n', '\r']).to_owned();
        Ok(self)
    }
}

/// The minutes of a session as stored (without the per-TOP texts, which live on the agenda).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct Minutes {
    pub id: i64,
    pub session_id: i64,
    pub status: MinutesStatus,
    pub minute_taker_contact_id: Option<i64>,
    pub minute_taker_name: Option<String>,
    pub year: i64,
    pub ordinal: i64,
    pub approved_by: Option<String>,
    pub approved_at: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    pub version: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct Decision {
    pub id: i64,
    pub session_id: i64,
    pub agenda_item_id: Option<i64>,
    pub number: i64,
    /// "Beschluss 3/2027-2" (empty until minutes exist, which recording a decision ensures).
    #[sqlx(default)]
    pub label: String,
    pub text: String,
    pub created_at: String,
    pub updated_at: String,
    pub version: i64,
}

/// Everything of a session's minutes at once (the minutes screen, the PDF).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MinutesView {
    pub minutes: Option<Minutes>,
    pub decisions: Vec<Decision>,
    pub action_items: Vec<ActionItem>,
    pub addenda: Vec<Addendum>,
}

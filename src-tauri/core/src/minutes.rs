//! Protokolle (minutes) of a session: discussion per TOP, Beschlüsse (decisions) with their
//! printed number, Aufgaben (action items), approval and Nachträge. The rules live here as plain
//! functions: when minutes may change (the approval lock), how decisions are numbered, when an
//! addendum is allowed, what an action item needs. `store/minutes.rs` loads what a rule needs,
//! calls it inside its transaction and writes.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::berlin::{format_date, parse_date};
use crate::field::clean;
use crate::session::{MAX_TEXT, MAX_TITLE, check_length};
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

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct Addendum {
    pub id: i64,
    pub session_id: i64,
    pub date: String,
    pub reason: String,
    pub text: String,
    pub created_at: String,
}

/// Everything of a session's minutes at once (the minutes screen, the PDF).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MinutesView {
    pub minutes: Option<Minutes>,
    pub decisions: Vec<Decision>,
    pub action_items: Vec<ActionItem>,
    pub addenda: Vec<Addendum>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn decision_numbers_follow_the_scheme() {
        assert_eq!(decision_label(3, 2027, 2), "Beschluss 3/2027-2");
        assert_eq!(session_ordinal(0), 1);
        assert_eq!(decision_label(session_ordinal(2), 2027, 1), "Beschluss 3/2027-1");
    }

    #[test]
    fn decisions_are_numbered_in_agenda_order() {
        // Decision 10 was recorded first but belongs to TOP 3; 11 to TOP 1; 12 without TOP; 13 TOP 1.
        let numbered = number_decisions(&[
            (10, Some(2), 1),
            (11, Some(0), 2),
            (12, None, 3),
            (13, Some(0), 4),
        ]);
        assert_eq!(numbered, [(11, 1), (13, 2), (10, 3), (12, 4)]);
        assert!(number_decisions(&[]).is_empty());
    }

    #[test]
    fn approved_minutes_are_locked() {
        check_editable(None).unwrap();
        check_editable(Some(MinutesStatus::Entwurf)).unwrap();
        let err = check_editable(Some(MinutesStatus::Freigegeben)).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("Protokoll: Das Protokoll ist freigegeben"),
            "{err}"
        );
        assert!(err.to_string().contains("Nachtrag"));
    }

    #[test]
    fn approval_needs_a_draft_and_a_name() {
        check_approval(Some(MinutesStatus::Entwurf), "Dr. Anna Müller").unwrap();
        assert!(
            check_approval(Some(MinutesStatus::Entwurf), " ")
                .unwrap_err()
                .to_string()
                .starts_with("Freigegeben von:")
        );
        assert!(check_approval(Some(MinutesStatus::Freigegeben), "x").is_err());
        assert!(check_approval(None, "x").is_err());
    }

    #[test]
    fn sessions_with_approved_minutes_stay() {
        check_session_deletable(None).unwrap();
        check_session_deletable(Some(MinutesStatus::Entwurf)).unwrap();
        assert!(check_session_deletable(Some(MinutesStatus::Freigegeben)).is_err());
    }

    #[test]
    fn an_addendum_only_after_approval() {
        let input = AddendumInput {
            date: None,
            reason: "Tippfehler im Beschluss".into(),
            text: "Statt „2026“ muss es „2027“ heißen.".into(),
        };
        let err = input
            .clone()
            .normalised(Some(MinutesStatus::Entwurf), None, d(2027, 3, 1))
            .unwrap_err();
        assert!(
            err.to_string()
                .starts_with("Nachtrag: Ein Nachtrag ist erst nach der Freigabe")
        );
        let ok = input
            .clone()
            .normalised(
                Some(MinutesStatus::Freigegeben),
                Some(d(2027, 2, 1)),
                d(2027, 3, 1),
            )
            .unwrap();
        assert_eq!(ok.date, d(2027, 3, 1));
        let early = AddendumInput {
            date: Some("15.01.2027".into()),
            ..input.clone()
        };
        let err = early
            .normalised(
                Some(MinutesStatus::Freigegeben),
                Some(d(2027, 2, 1)),
                d(2027, 3, 1),
            )
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "Datum: Der Nachtrag kann nicht vor der Freigabe am 01.02.2027 liegen."
        );
        let no_reason = AddendumInput {
            reason: " ".into(),
            ..input
        };
        assert!(
            no_reason
                .normalised(Some(MinutesStatus::Freigegeben), None, d(2027, 3, 1))
                .unwrap_err()
                .to_string()
                .starts_with("Grund:")
        );
    }

    #[test]
    fn action_items_due_before_the_session_are_refused() {
        let session = d(2027, 3, 10);
        let item = ActionItemInput {
            what: "Konzept überarbeiten".into(),
            due_date: Some("01.03.2027".into()),
            ..Default::default()
        };
        let err = item.clone().normalised(session, session).unwrap_err();
        assert_eq!(
            err.to_string(),
            "Fällig am: Der 01.03.2027 liegt vor der Sitzung am 10.03.2027. Bitte wählen Sie ein späteres Datum."
        );
        let ok = ActionItemInput {
            due_date: Some("30.04.2027".into()),
            status: ActionStatus::Erledigt,
            ..item
        }
        .normalised(session, d(2027, 4, 2))
        .unwrap();
        assert_eq!(
            ok.done_date,
            Some(d(2027, 4, 2)),
            "done today when no date is given"
        );
        let empty = ActionItemInput::default()
            .normalised(session, session)
            .unwrap_err();
        assert!(empty.to_string().starts_with("Aufgabe:"));
    }

    #[test]
    fn overdue_means_open_and_past_due() {
        let today = d(2027, 5, 1);
        assert!(is_overdue(ActionStatus::Offen, Some(d(2027, 4, 30)), today));
        assert!(!is_overdue(ActionStatus::Offen, Some(today), today));
        assert!(!is_overdue(ActionStatus::Erledigt, Some(d(2027, 4, 30)), today));
        assert!(!is_overdue(ActionStatus::Offen, None, today));
    }
}

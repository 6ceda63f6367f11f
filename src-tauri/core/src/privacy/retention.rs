//! The retention review (Aufbewahrung): which contacts are due, and the rows the review shows.

use chrono::{Months, NaiveDate};
use serde::Serialize;

/// Whether a contact is due for the retention review: its latest activity (created or changed,
/// kept, or a session it took part in, presented at or owns a task of) lies `years` or more
/// before `today`.
pub fn retention_due(last_activity: NaiveDate, today: NaiveDate, years: u32) -> bool {
    retention_limit(today, years).is_some_and(|limit| last_activity <= limit)
}

/// The latest last-activity day that is due: `years` before `today` (29 February → 28 February).
pub fn retention_limit(today: NaiveDate, years: u32) -> Option<NaiveDate> {
    today.checked_sub_months(Months::new(years.saturating_mul(12)))
}

/// A contact offered in the retention review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RetentionCandidate {
    pub id: i64,
    pub name: String,
    pub organisation: Option<String>,
    /// ISO date of the latest activity.
    pub last_activity: String,
    /// Whether sessions, TOPs or tasks still name the person (then "Löschen" is refused and
    /// "Anonymisieren" keeps their place).
    pub involved: bool,
}

/// A contact without a recorded legal basis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct ContactWithoutBasis {
    pub id: i64,
    pub name: String,
    pub organisation: Option<String>,
}

/// The retention review's list: of the contacts with their latest activity (ISO date), those
/// due after `years`, oldest activity first.
pub fn retention_review(
    rows: Vec<RetentionCandidate>,
    today: NaiveDate,
    years: u32,
) -> Vec<RetentionCandidate> {
    let mut due: Vec<RetentionCandidate> = rows
        .into_iter()
        .filter(|c| {
            NaiveDate::parse_from_str(&c.last_activity, "%Y-%m-%d")
                .is_ok_and(|date| retention_due(date, today, years))
        })
        .collect();
    due.sort_by(|a, b| (&a.last_activity, a.id).cmp(&(&b.last_activity, b.id)));
    due
}

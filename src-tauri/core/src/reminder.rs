//! Erinnerungen: which sessions and action items to remind of, and the "once only" rule. A
//! reminder has a key naming what it is about and the date it concerns; a key that was shown is
//! not shown again, so a reminder appears once, not at every start, but a session moved to
//! another day (or a task with a new due date, or one that became overdue) is reminded of anew.
//! The desktop notification or the in-window list that shows them is the shell's business.

use chrono::NaiveDate;
use serde::Serialize;

use crate::berlin::{format_date, stored_date};
use crate::minutes::ActionStatus;
use crate::session::SessionStatus;

/// Most days ahead a user may choose; the default is [`DEFAULT_DAYS_AHEAD`].
pub const MAX_DAYS_AHEAD: i64 = 60;
pub const DEFAULT_DAYS_AHEAD: i64 = 7;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReminderKind {
    /// A session within the next days.
    Session,
    /// An open action item due within the next days.
    ActionItemDue,
    /// An open action item past its due date.
    ActionItemOverdue,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reminder {
    /// What the reminder is about and for which date; stored once shown.
    pub key: String,
    pub kind: ReminderKind,
    /// German heading of the notification ("Sitzung in 3 Tagen").
    pub title: String,
    /// German text ("3. Netzwerktreffen 2027, Mi., 10.03.2027, 14:00 Uhr").
    pub body: String,
    /// One German sentence for the in-window list („Sitzung ‚3. Netzwerktreffen‘ am Mi.,
    /// 10.03.2027, 14:00 Uhr“, „Aufgabe ‚…‘ ist seit 12.11.2026 überfällig“).
    pub text: String,
    pub session_id: i64,
    pub action_item_id: Option<i64>,
}

/// A session as the rule needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionDue {
    pub id: i64,
    pub title: String,
    pub date: String,
    pub start_time: String,
    pub end_time: Option<String>,
    pub status: SessionStatus,
}

/// An action item as the rule needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionDue {
    pub id: i64,
    pub session_id: i64,
    pub what: String,
    pub owner: Option<String>,
    pub due_date: Option<String>,
    pub status: ActionStatus,
}

fn days_word(days: i64) -> String {
    match days {
        0 => "heute".into(),
        1 => "morgen".into(),
        n => format!("in {n} Tagen"),
    }
}

/// The reminders to show now: sessions (not cancelled) from today to `days_ahead` days on, open
/// action items due in that window, open action items overdue; minus the keys in `shown`.
/// Order: sessions by date, then overdue items (oldest first), then items due soon.
pub fn pending(
    sessions: &[SessionDue],
    items: &[ActionDue],
    today: NaiveDate,
    days_ahead: i64,
    shown: &dyn Fn(&str) -> bool,
) -> Vec<Reminder> {
    let days_ahead = days_ahead.clamp(0, MAX_DAYS_AHEAD);
    let in_days = |date: &str| stored_date(date).ok().map(|d| (d - today).num_days());
    let mut out = Vec::new();
    let mut soon: Vec<&SessionDue> = sessions
        .iter()
        .filter(|s| s.status != SessionStatus::Abgesagt)
        .filter(|s| in_days(&s.date).is_some_and(|n| (0..=days_ahead).contains(&n)))
        .collect();
    soon.sort_by(|a, b| (&a.date, &a.start_time, a.id).cmp(&(&b.date, &b.start_time, b.id)));
    for s in soon {
        let n = in_days(&s.date).unwrap_or(0);
        let when = crate::session::when_de(&s.date, &s.start_time, s.end_time.as_deref());
        out.push(Reminder {
            text: format!("Sitzung ‚{}‘ am {when}", s.title),
            key: format!("session:{}:{}", s.id, s.date),
            kind: ReminderKind::Session,
            title: format!("Sitzung {}", days_word(n)),
            body: format!(
                "{}, {}",
                s.title,
                crate::session::when_de(&s.date, &s.start_time, s.end_time.as_deref())
            ),
            session_id: s.id,
            action_item_id: None,
        });
    }
    let mut open: Vec<(&ActionDue, i64, &str)> = items
        .iter()
        .filter(|i| i.status == ActionStatus::Offen)
        .filter_map(|i| {
            let due = i.due_date.as_deref()?;
            let n = in_days(due)?;
            (n <= days_ahead).then_some((i, n, due))
        })
        .collect();
    // Overdue (negative days) first, oldest first; then due soon, soonest first.
    open.sort_by_key(|(i, n, _)| (*n >= 0, *n, i.id));
    for (i, n, due) in open {
        let date = stored_date(due)
            .map(format_date)
            .unwrap_or_else(|_| due.to_owned());
        let who = i.owner.as_deref().map(|o| format!(" ({o})")).unwrap_or_default();
        let owner = i
            .owner
            .as_deref()
            .map(|o| format!(". Zuständig: {o}"))
            .unwrap_or_default();
        let text = if n < 0 {
            format!("Aufgabe ‚{}‘ ist seit {date} überfällig{owner}", i.what)
        } else {
            format!("Aufgabe ‚{}‘ ist {} fällig{owner}", i.what, days_word(n))
        };
        let (kind, key, title) = if n < 0 {
            (
                ReminderKind::ActionItemOverdue,
                format!("task:{}:overdue:{due}", i.id),
                format!("Aufgabe überfällig seit {date}"),
            )
        } else {
            (
                ReminderKind::ActionItemDue,
                format!("task:{}:due:{due}", i.id),
                format!("Aufgabe fällig {}", days_word(n)),
            )
        };
        out.push(Reminder {
            key,
            kind,
            title,
            body: format!("{}{who}", i.what),
            text,
            session_id: i.session_id,
            action_item_id: Some(i.id),
        });
    }
    out.retain(|r| !shown(&r.key));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, 3, 8).unwrap()
    }

    fn s(id: i64, date: &str, status: SessionStatus) -> SessionDue {
        SessionDue {
            id,
            title: format!("Treffen {id}"),
            date: date.into(),
            start_time: "14:00".into(),
            end_time: None,
            status,
        }
    }

    fn task(id: i64, due: Option<&str>, status: ActionStatus) -> ActionDue {
        ActionDue {
            id,
            session_id: 1,
            what: format!("Aufgabe {id}"),
            owner: Some("Anna Müller".into()),
            due_date: due.map(str::to_owned),
            status,
        }
    }

    #[test]
    fn sessions_in_the_window_and_open_tasks_due_or_overdue() {
        let sessions = [
            s(1, "2027-03-10", SessionStatus::Eingeladen),
            s(2, "2027-03-20", SessionStatus::Eingeladen),
            s(3, "2027-03-09", SessionStatus::Abgesagt),
            s(4, "2027-03-01", SessionStatus::Durchgefuehrt),
            s(5, "2027-03-08", SessionStatus::Geplant),
        ];
        let tasks = [
            task(10, Some("2027-03-01"), ActionStatus::Offen),
            task(11, Some("2027-03-09"), ActionStatus::Offen),
            task(12, Some("2027-03-01"), ActionStatus::Erledigt),
            task(13, None, ActionStatus::Offen),
            task(14, Some("2027-04-30"), ActionStatus::Offen),
        ];
        let r = pending(&sessions, &tasks, today(), 7, &|_| false);
        let keys: Vec<&str> = r.iter().map(|r| r.key.as_str()).collect();
        assert_eq!(
            keys,
            [
                "session:5:2027-03-08",
                "session:1:2027-03-10",
                "task:10:overdue:2027-03-01",
                "task:11:due:2027-03-09"
            ]
        );
        assert_eq!(r[0].title, "Sitzung heute");
        assert_eq!(r[1].title, "Sitzung in 2 Tagen");
        assert_eq!(r[1].body, "Treffen 1, Mi., 10.03.2027, 14:00 Uhr");
        assert_eq!(r[2].title, "Aufgabe überfällig seit 01.03.2027");
        assert_eq!(r[2].body, "Aufgabe 10 (Anna Müller)");
        assert_eq!(r[1].text, "Sitzung ‚Treffen 1‘ am Mi., 10.03.2027, 14:00 Uhr");
        assert_eq!(
            r[2].text,
            "Aufgabe ‚Aufgabe 10‘ ist seit 01.03.2027 überfällig. Zuständig: Anna Müller"
        );
        assert!(
            r.iter()
                .any(|r| r.text == "Aufgabe ‚Aufgabe 11‘ ist morgen fällig. Zuständig: Anna Müller")
        );
        assert_eq!(r[3].title, "Aufgabe fällig morgen");
    }

    #[test]
    fn each_reminder_is_shown_once_but_a_new_date_reminds_again() {
        let sessions = [s(1, "2027-03-10", SessionStatus::Eingeladen)];
        let shown = ["session:1:2027-03-10".to_owned()];
        let seen = |k: &str| shown.iter().any(|s| s == k);
        assert!(pending(&sessions, &[], today(), 7, &seen).is_empty(), "once only");
        let moved = [s(1, "2027-03-12", SessionStatus::Eingeladen)];
        assert_eq!(
            pending(&moved, &[], today(), 7, &seen).len(),
            1,
            "moved: remind again"
        );
        // A task reminded as due is reminded once more when it becomes overdue.
        let due_shown = ["task:11:due:2027-03-07".to_owned()];
        let seen = |k: &str| due_shown.iter().any(|s| s == k);
        let r = pending(
            &[],
            &[task(11, Some("2027-03-07"), ActionStatus::Offen)],
            today(),
            7,
            &seen,
        );
        assert_eq!(r[0].kind, ReminderKind::ActionItemOverdue);
    }

    #[test]
    fn days_ahead_is_bounded() {
        let far = [s(1, "2027-12-24", SessionStatus::Eingeladen)];
        assert!(pending(&far, &[], today(), 10_000, &|_| false).is_empty());
        let near = [s(1, "2027-03-08", SessionStatus::Eingeladen)];
        assert_eq!(
            pending(&near, &[], today(), -5, &|_| false).len(),
            1,
            "0 days: today only"
        );
    }
}

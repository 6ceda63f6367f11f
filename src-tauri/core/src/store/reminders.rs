//! SQL for reminders: loads the sessions and open action items the rule in `crate::reminder`
//! looks at, and records which reminders were shown.

use std::collections::HashSet;

use chrono::{DateTime, TimeDelta, Utc};

use super::write::timestamp;
use crate::berlin::{iso_date, today};
use crate::minutes::ActionStatus;
use crate::reminder::{ActionDue, MAX_DAYS_AHEAD, Reminder, SessionDue, pending};
use crate::session::SessionStatus;
use crate::{Result, store::Store};

impl Store {
    /// The reminders not shown yet: sessions within `days_ahead` days of today (Baden-Württemberg's
    /// day at `now`), open action items due in that window or overdue.
    pub async fn pending_reminders(&self, now: DateTime<Utc>, days_ahead: i64) -> Result<Vec<Reminder>> {
        let today = today(now);
        let until = iso_date(today + TimeDelta::days(days_ahead.clamp(0, MAX_DAYS_AHEAD)));
        let from = iso_date(today);
        type SessionRow = (i64, String, String, String, Option<String>, SessionStatus);
        let sessions: Vec<SessionRow> = sqlx::query_as(
            "SELECT id, title, date, start_time, end_time, status FROM sessions
             WHERE date >= ?1 AND date <= ?2 AND status <> 'abgesagt'",
        )
        .bind(&from)
        .bind(&until)
        .fetch_all(&self.pool)
        .await?;
        type ActionRow = (i64, i64, String, Option<String>, Option<String>, ActionStatus);
        let items: Vec<ActionRow> = sqlx::query_as(
            "SELECT id, session_id, what, owner_name, due_date, status FROM action_items
             WHERE status = 'offen' AND due_date IS NOT NULL AND due_date <= ?1",
        )
        .bind(&until)
        .fetch_all(&self.pool)
        .await?;
        let shown: HashSet<String> = sqlx::query_scalar("SELECT key FROM reminders_shown")
            .fetch_all(&self.pool)
            .await?
            .into_iter()
            .collect();
        let sessions: Vec<SessionDue> = sessions
            .into_iter()
            .map(|(id, title, date, start_time, end_time, status)| SessionDue {
                id,
                title,
                date,
                start_time,
                end_time,
                status,
            })
            .collect();
        let items: Vec<ActionDue> = items
            .into_iter()
            .map(|(id, session_id, what, owner, due_date, status)| ActionDue {
                id,
                session_id,
                what,
                owner,
                due_date,
                status,
            })
            .collect();
        Ok(pending(&sessions, &items, today, days_ahead, &|k| {
            shown.contains(k)
        }))
    }

    /// Records that these reminders were shown (as a notification or in the window), so they are
    /// not shown again.
    pub async fn mark_reminders_shown(&self, keys: &[String], now: DateTime<Utc>) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let ts = timestamp(now);
        for key in keys {
            sqlx::query(
                "INSERT INTO reminders_shown (key, shown_at) VALUES (?1, ?2) ON CONFLICT (key) DO NOTHING",
            )
            .bind(key)
            .bind(&ts)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }
}

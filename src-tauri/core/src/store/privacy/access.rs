//! SQL for the Auskunft (Art. 15: what links a contact to sessions, the Änderungsprotokoll), the
//! list of contacts without a legal basis and the retention review.

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::SqliteConnection;

use crate::berlin::iso_date;
use crate::privacy::{
    AccessActionItem, AccessAgendaItem, AccessParticipation, AccessSessionRef, ContactWithoutBasis,
    RetentionCandidate,
};
use crate::store::write::timestamp;
use crate::{Result, store::Store};

/// Marks the live contact as reviewed at `now`; false when there is no such live contact.
pub(crate) async fn mark_kept(conn: &mut SqliteConnection, id: i64, now: DateTime<Utc>) -> Result<bool> {
    let changed =
        sqlx::query("UPDATE contacts SET retention_kept_at = ?1 WHERE id = ?2 AND anonymised_at IS NULL")
            .bind(timestamp(now))
            .bind(id)
            .execute(&mut *conn)
            .await?;
    Ok(changed.rows_affected() > 0)
}

/// The Auskunft's rows: what links the contact to sessions by id.
pub(crate) async fn participations(conn: &mut SqliteConnection, id: i64) -> Result<Vec<AccessParticipation>> {
    Ok(sqlx::query_as(
        "SELECT s.id AS session_id, s.title, s.date, p.status, p.name_snapshot, p.function_snapshot,
                p.organisation_snapshot
         FROM session_participants p JOIN sessions s ON s.id = p.session_id
         WHERE p.contact_id = ?1 ORDER BY s.date, s.id",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?)
}

pub(crate) async fn agenda_items_of(conn: &mut SqliteConnection, id: i64) -> Result<Vec<AccessAgendaItem>> {
    Ok(sqlx::query_as(
        "SELECT s.id AS session_id, s.title AS session_title, s.date, a.id AS agenda_item_id, a.title
         FROM agenda_item_contacts ac JOIN agenda_items a ON a.id = ac.agenda_item_id
         JOIN sessions s ON s.id = a.session_id
         WHERE ac.contact_id = ?1 ORDER BY s.date, a.id",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?)
}

pub(crate) async fn action_items_of(conn: &mut SqliteConnection, id: i64) -> Result<Vec<AccessActionItem>> {
    Ok(sqlx::query_as(
        "SELECT t.id, t.session_id, s.title AS session_title, t.what, t.due_date, t.status
         FROM action_items t JOIN sessions s ON s.id = t.session_id
         WHERE t.owner_contact_id = ?1 ORDER BY s.date, t.id",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?)
}

pub(crate) async fn minutes_taken_by(conn: &mut SqliteConnection, id: i64) -> Result<Vec<AccessSessionRef>> {
    Ok(sqlx::query_as(
        "SELECT s.id AS session_id, s.title, s.date FROM minutes m JOIN sessions s ON s.id = m.session_id
         WHERE m.minute_taker_contact_id = ?1 ORDER BY s.date",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?)
}

/// A session's title and date.
pub(crate) async fn session_title_date(
    conn: &mut SqliteConnection,
    session_id: Option<i64>,
) -> Result<Option<(String, String)>> {
    Ok(sqlx::query_as("SELECT title, date FROM sessions WHERE id = ?1")
        .bind(session_id)
        .fetch_optional(&mut *conn)
        .await?)
}

/// at, user, summary, record kind, record id, of every entry in order.
pub(crate) type AuditRow = (String, String, String, Option<String>, Option<i64>);

pub(crate) async fn audit_rows(conn: &mut SqliteConnection) -> Result<Vec<AuditRow>> {
    Ok(
        sqlx::query_as("SELECT at, user, summary, record_kind, record_id FROM audit_log ORDER BY id")
            .fetch_all(&mut *conn)
            .await?,
    )
}

impl Store {
    /// A connection for a read of several statements (the Auskunft).
    pub(crate) async fn read_connection(&self) -> Result<sqlx::pool::PoolConnection<sqlx::Sqlite>> {
        Ok(self.pool.acquire().await?)
    }

    /// Contacts without a recorded legal basis, in German order, for review.
    pub async fn contacts_without_basis(&self) -> Result<Vec<ContactWithoutBasis>> {
        Ok(sqlx::query_as(
            "SELECT c.id, trim(COALESCE(c.title || ' ', '') || COALESCE(c.first_name || ' ', '') || c.last_name) AS name,
                    o.name AS organisation
             FROM contacts c LEFT JOIN organisations o ON o.id = c.organisation_id
             WHERE c.anonymised_at IS NULL AND (c.consent_basis IS NULL OR trim(c.consent_basis) = '')
             ORDER BY c.sort_key, c.id",
        )
        .fetch_all(&self.pool)
        .await?)
    }

    /// Live contacts whose latest activity lies on or before `limit`, with that activity's ISO
    /// date: the latest of created/changed, kept in a review, and the date of every session the
    /// person is linked to (attendance, TOP, task, Protokollführung).
    pub(crate) async fn quiet_contacts(&self, limit: NaiveDate) -> Result<Vec<RetentionCandidate>> {
        // Linked dates are aggregated once per contact and joined (a correlated subquery per
        // contact would read every participation again for each of tens of thousands of contacts).
        let rows: Vec<(i64, String, Option<String>, String, bool)> = sqlx::query_as(
            "WITH linked (contact_id, date) AS (
                 SELECT p.contact_id, s.date FROM session_participants p JOIN sessions s ON s.id = p.session_id
                 UNION ALL SELECT ac.contact_id, s.date FROM agenda_item_contacts ac
                     JOIN agenda_items a ON a.id = ac.agenda_item_id JOIN sessions s ON s.id = a.session_id
                 UNION ALL SELECT t.owner_contact_id, s.date FROM action_items t JOIN sessions s ON s.id = t.session_id
                     WHERE t.owner_contact_id IS NOT NULL
                 UNION ALL SELECT m.minute_taker_contact_id, s.date FROM minutes m JOIN sessions s ON s.id = m.session_id
                     WHERE m.minute_taker_contact_id IS NOT NULL),
             last_linked (contact_id, date) AS (
                 SELECT contact_id, max(date) FROM linked GROUP BY contact_id),
             activity AS (
                 SELECT c.id, trim(COALESCE(c.title || ' ', '') || COALESCE(c.first_name || ' ', '') || c.last_name) AS name,
                        o.name AS organisation,
                        max(substr(c.updated_at, 1, 10), COALESCE(substr(c.retention_kept_at, 1, 10), ''),
                            COALESCE(l.date, '')) AS last,
                        l.contact_id IS NOT NULL AS involved
                 FROM contacts c
                 LEFT JOIN organisations o ON o.id = c.organisation_id
                 LEFT JOIN last_linked l ON l.contact_id = c.id
                 WHERE c.anonymised_at IS NULL)
             SELECT id, name, organisation, last, involved FROM activity WHERE last <= ?1",
        )
        .bind(iso_date(limit))
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(
                |(id, name, organisation, last_activity, involved)| RetentionCandidate {
                    id,
                    name,
                    organisation,
                    last_activity,
                    involved,
                },
            )
            .collect())
    }
}

//! SQL for a session's participants: the list, adding people one by one or as sets, attendance,
//! the snapshot of name, function and organisation as they were on the day, and the copy for
//! "Als Vorlage verwenden". Statements and queries only: the rules are `crate::participant` (and
//! the approval lock of `crate::minutes`), the steps `usecase/participants.rs`.

use chrono::{DateTime, Utc};
use sqlx::{QueryBuilder, Sqlite, SqliteConnection};

use super::json_ids;
use super::sessions::load_session;
use super::write::timestamp;
use crate::participant::{
    Participant, ParticipantSet, ParticipantStatus, check_contact_removable, display_name,
};
use crate::search::sort_key;
use crate::{Result, store::Store};

const SELECT_PARTICIPANT: &str = "
    SELECT p.id, p.session_id, p.contact_id, p.status, p.name_snapshot AS name,
           p.function_snapshot AS function, p.organisation_snapshot AS organisation,
           (SELECT address FROM contact_emails e WHERE e.contact_id = p.contact_id
            ORDER BY e.preferred DESC, e.position LIMIT 1) AS email
    FROM session_participants p";

impl Store {
    /// The participants in German order of their names (as on the day).
    pub async fn list_participants(&self, session_id: i64) -> Result<Vec<Participant>> {
        let mut conn = self.pool.acquire().await?;
        load_session(&mut conn, session_id).await?;
        participants_of(&mut conn, session_id).await
    }
}

/// Sets a participant's status; returns how many rows changed (0: not on this session's list).
pub(crate) async fn set_status(
    conn: &mut SqliteConnection,
    session_id: i64,
    id: i64,
    status: ParticipantStatus,
    now: DateTime<Utc>,
) -> Result<u64> {
    Ok(sqlx::query(
        "UPDATE session_participants SET status = ?1, updated_at = ?2 WHERE id = ?3 AND session_id = ?4",
    )
    .bind(status)
    .bind(timestamp(now))
    .bind(id)
    .bind(session_id)
    .execute(&mut *conn)
    .await?
    .rows_affected())
}

/// Contact and status of a participant whose attendance is recorded (took part or excused).
pub(crate) async fn recorded_attendance(
    conn: &mut SqliteConnection,
    session_id: i64,
    id: i64,
) -> Result<Option<(i64, ParticipantStatus)>> {
    Ok(sqlx::query_as(
        "SELECT contact_id, status FROM session_participants
         WHERE id = ?1 AND session_id = ?2 AND status IN ('teilgenommen', 'entschuldigt')",
    )
    .bind(id)
    .bind(session_id)
    .fetch_optional(&mut *conn)
    .await?)
}

/// Takes a participant off a session's list; returns how many rows went (0: not on it).
pub(crate) async fn delete_participant(conn: &mut SqliteConnection, session_id: i64, id: i64) -> Result<u64> {
    Ok(
        sqlx::query("DELETE FROM session_participants WHERE id = ?1 AND session_id = ?2")
            .bind(id)
            .bind(session_id)
            .execute(&mut *conn)
            .await?
            .rows_affected(),
    )
}

/// The contacts on a session's list.
pub(crate) async fn participant_contacts(conn: &mut SqliteConnection, session_id: i64) -> Result<Vec<i64>> {
    Ok(
        sqlx::query_scalar("SELECT contact_id FROM session_participants WHERE session_id = ?1")
            .bind(session_id)
            .fetch_all(&mut *conn)
            .await?,
    )
}

/// Writes a contact's current name, function and organisation into their row of the session's
/// list; returns 1 when it changed, else 0.
pub(crate) async fn update_snapshot(
    conn: &mut SqliteConnection,
    session_id: i64,
    snap: &Snapshot,
    now: DateTime<Utc>,
) -> Result<u64> {
    Ok(sqlx::query(
        "UPDATE session_participants SET name_snapshot = ?1, function_snapshot = ?2, organisation_snapshot = ?3,
                sort_key = ?4, updated_at = ?5
         WHERE session_id = ?6 AND contact_id = ?7
           AND (name_snapshot, function_snapshot, organisation_snapshot) IS NOT (?1, ?2, ?3)",
    )
    .bind(&snap.name)
    .bind(&snap.function)
    .bind(&snap.organisation)
    .bind(&snap.sort_key)
    .bind(timestamp(now))
    .bind(session_id)
    .bind(snap.contact_id)
    .execute(&mut *conn)
    .await?
    .rows_affected())
}

/// How often contact `id` is part of minutes: `(sessions attended or excused, action items owned)`.
pub(crate) async fn minutes_mentions(conn: &mut SqliteConnection, id: i64) -> Result<(i64, i64)> {
    Ok(sqlx::query_as(
        "SELECT (SELECT COUNT(*) FROM session_participants WHERE contact_id = ?1
                   AND status IN ('teilgenommen', 'entschuldigt')),
                (SELECT COUNT(*) FROM action_items WHERE owner_contact_id = ?1)",
    )
    .bind(id)
    .fetch_one(&mut *conn)
    .await?)
}

/// Takes contact `id` off every session's list (inside a contact's delete transaction, so the
/// `ON DELETE RESTRICT` of `session_participants` does not fire).
pub(crate) async fn remove_contact_from_lists(conn: &mut SqliteConnection, id: i64) -> Result<()> {
    sqlx::query("DELETE FROM session_participants WHERE contact_id = ?1")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// To be called inside a contact's delete transaction: refuses (German message) when the contact
/// is part of minutes, and otherwise takes them off the lists of sessions they were merely
/// invited to. Called by the contact and organisation deletes in the store; the rule call moves
/// into their use cases when those leave the store.
pub(crate) async fn release_contact_from_sessions(conn: &mut SqliteConnection, id: i64) -> Result<()> {
    let (attended, owned) = minutes_mentions(conn, id).await?;
    check_contact_removable(attended, owned)?;
    remove_contact_from_lists(conn, id).await
}

pub(crate) async fn participants_of(
    conn: &mut SqliteConnection,
    session_id: i64,
) -> Result<Vec<Participant>> {
    let sql = format!("{SELECT_PARTICIPANT} WHERE p.session_id = ?1 ORDER BY p.sort_key, p.id");
    Ok(sqlx::query_as::<_, Participant>(sqlx::AssertSqlSafe(sql))
        .bind(session_id)
        .fetch_all(&mut *conn)
        .await?)
}

/// The contact ids a set stands for, in German order of their names.
pub(crate) async fn contacts_of_set(conn: &mut SqliteConnection, set: &ParticipantSet) -> Result<Vec<i64>> {
    let mut q: QueryBuilder<Sqlite> = QueryBuilder::new(
        "SELECT c.id FROM contacts c
         LEFT JOIN organisations o ON o.id = c.organisation_id
         LEFT JOIN districts d ON d.ags = o.district_ags WHERE ",
    );
    match set {
        ParticipantSet::Contacts(ids) => {
            q.push("c.id IN (SELECT value FROM json_each(")
                .push_bind(json_ids(ids))
                .push("))");
        }
        ParticipantSet::Group(name) => {
            q.push(
                "EXISTS (SELECT 1 FROM contact_groups cg JOIN groups g ON g.id = cg.group_id
                  WHERE cg.contact_id = c.id AND g.name = ",
            )
            .push_bind(name.clone())
            .push(")");
        }
        ParticipantSet::Region(code) => {
            q.push("d.region_code = ").push_bind(code.clone());
        }
        ParticipantSet::District(ags) => {
            q.push("o.district_ags = ").push_bind(ags.clone());
        }
        ParticipantSet::OrganisationKind(kind) => {
            q.push("o.kind = ").push_bind(*kind);
        }
        ParticipantSet::AllDistricts => {
            q.push("o.district_ags IS NOT NULL");
        }
    }
    q.push(" ORDER BY c.sort_key, c.id");
    Ok(q.build_query_scalar().fetch_all(&mut *conn).await?)
}

pub(crate) struct Snapshot {
    pub(crate) contact_id: i64,
    pub(crate) name: String,
    pub(crate) function: Option<String>,
    pub(crate) organisation: Option<String>,
    pub(crate) sort_key: String,
}

pub(crate) async fn snapshots(conn: &mut SqliteConnection, ids: &[i64]) -> Result<Vec<Snapshot>> {
    type Row = (
        i64,
        Option<String>,
        Option<String>,
        String,
        Option<String>,
        Option<String>,
    );
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT c.id, c.title, c.first_name, c.last_name, c.function, o.name
         FROM contacts c LEFT JOIN organisations o ON o.id = c.organisation_id
         WHERE c.id IN (SELECT value FROM json_each(?1))",
    )
    .bind(json_ids(ids))
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(
            |(contact_id, title, first, last, function, organisation)| Snapshot {
                contact_id,
                name: display_name(title.as_deref(), first.as_deref(), &last),
                sort_key: sort_key(&[&last, first.as_deref().unwrap_or_default()]),
                function,
                organisation,
            },
        )
        .collect())
}

/// Inserts participants (skipping those already on the list); returns (added, already there).
pub(crate) async fn insert_participants(
    conn: &mut SqliteConnection,
    session_id: i64,
    contacts: &[i64],
    now: DateTime<Utc>,
) -> Result<(i64, i64)> {
    let ts = timestamp(now);
    let mut added = 0;
    for snap in snapshots(conn, contacts).await? {
        added += sqlx::query(
            "INSERT INTO session_participants (session_id, contact_id, name_snapshot, function_snapshot,
                                               organisation_snapshot, sort_key, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)
             ON CONFLICT (session_id, contact_id) DO NOTHING",
        )
        .bind(session_id)
        .bind(snap.contact_id)
        .bind(&snap.name)
        .bind(&snap.function)
        .bind(&snap.organisation)
        .bind(&snap.sort_key)
        .bind(&ts)
        .execute(&mut *conn)
        .await?
        .rows_affected();
    }
    let added = i64::try_from(added).unwrap_or(i64::MAX);
    let total = i64::try_from(contacts.len()).unwrap_or(i64::MAX);
    Ok((added, total - added))
}

/// Invites the participants of session `from` to session `to`, with today's names.
pub(crate) async fn copy_participants(
    conn: &mut SqliteConnection,
    from: i64,
    to: i64,
    now: DateTime<Utc>,
) -> Result<()> {
    let ids: Vec<i64> = sqlx::query_scalar(
        "SELECT contact_id FROM session_participants WHERE session_id = ?1 ORDER BY sort_key, id",
    )
    .bind(from)
    .fetch_all(&mut *conn)
    .await?;
    insert_participants(conn, to, &ids, now).await.map(|_| ())
}

//! SQL for a session's participants: adding people one by one or as sets, attendance, and the
//! snapshot of name, function and organisation as they were on the day.

use chrono::{DateTime, Utc};
use sqlx::{QueryBuilder, Sqlite, SqliteConnection};

use super::json_ids;
use super::sessions::{load_session, minutes_status};
use super::write::timestamp;
use crate::minutes::check_editable;
use crate::participant::{
    Added, Participant, ParticipantSet, ParticipantStatus, check_contact_removable, display_name,
    snapshot_follows_contact,
};
use crate::search::sort_key;
use crate::{Error, Result, Store};

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

    /// Adds everyone of `set` who is not on the list yet (as "eingeladen"), with their name,
    /// function and organisation of today. One transaction, however many people.
    pub async fn add_participants(
        &self,
        session_id: i64,
        set: &ParticipantSet,
        now: DateTime<Utc>,
    ) -> Result<Added> {
        let mut tx = self.begin_write().await?;
        load_session(&mut tx, session_id).await?;
        check_editable(minutes_status(&mut tx, session_id).await?)?;
        let contacts = contacts_of_set(&mut tx, set).await?;
        let (added, already) = insert_participants(&mut tx, session_id, &contacts, now).await?;
        tx.commit().await?;
        Ok(Added { added, already })
    }

    /// Sets the status of participants (the attendance checklist sends all rows it changed at
    /// once): `(participant id, status)`. Refused after the minutes were approved.
    pub async fn set_participant_status(
        &self,
        session_id: i64,
        changes: &[(i64, ParticipantStatus)],
        now: DateTime<Utc>,
    ) -> Result<Vec<Participant>> {
        let mut tx = self.begin_write().await?;
        load_session(&mut tx, session_id).await?;
        check_editable(minutes_status(&mut tx, session_id).await?)?;
        let ts = timestamp(now);
        for (id, status) in changes {
            let changed = sqlx::query(
                "UPDATE session_participants SET status = ?1, updated_at = ?2 WHERE id = ?3 AND session_id = ?4",
            )
            .bind(status)
            .bind(&ts)
            .bind(id)
            .bind(session_id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if changed == 0 {
                return Err(Error::NotFound {
                    what: "Die teilnehmende Person".into(),
                });
            }
        }
        tx.commit().await?;
        self.list_participants(session_id).await
    }

    /// Takes a person off the list. Refused after the minutes were approved.
    pub async fn remove_participant(&self, session_id: i64, participant_id: i64) -> Result<()> {
        let mut tx = self.begin_write().await?;
        check_editable(minutes_status(&mut tx, session_id).await?)?;
        // Invitations come and go unrecorded; attendance is part of the minutes, so its removal
        // is traced (in this transaction).
        let attended: Option<(i64, ParticipantStatus)> = sqlx::query_as(
            "SELECT contact_id, status FROM session_participants
             WHERE id = ?1 AND session_id = ?2 AND status IN ('teilgenommen', 'entschuldigt')",
        )
        .bind(participant_id)
        .bind(session_id)
        .fetch_optional(&mut *tx)
        .await?;
        if let Some((contact_id, status)) = attended {
            let words = super::audit::session_words_of(&mut tx, session_id).await?;
            let event = crate::audit::attendance_removed(session_id, &words, contact_id, status.label());
            super::audit::record_audit(&mut tx, &event, None).await?;
        }
        let gone = sqlx::query("DELETE FROM session_participants WHERE id = ?1 AND session_id = ?2")
            .bind(participant_id)
            .bind(session_id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if gone == 0 {
            return Err(Error::NotFound {
                what: "Die teilnehmende Person".into(),
            });
        }
        tx.commit().await?;
        Ok(())
    }

    /// Brings the names of a session's participants up to date with their contacts, as long as
    /// the session has not taken place (afterwards the list is the record of the day and stays).
    /// Returns how many rows changed.
    pub async fn refresh_participant_names(&self, session_id: i64, now: DateTime<Utc>) -> Result<u64> {
        let mut tx = self.begin_write().await?;
        let session = load_session(&mut tx, session_id).await?;
        if !snapshot_follows_contact(session.status, session.minutes_status.is_some()) {
            return Ok(0);
        }
        let ids: Vec<i64> =
            sqlx::query_scalar("SELECT contact_id FROM session_participants WHERE session_id = ?1")
                .bind(session_id)
                .fetch_all(&mut *tx)
                .await?;
        let mut changed = 0;
        for snap in snapshots(&mut tx, &ids).await? {
            changed += sqlx::query(
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
            .execute(&mut *tx)
            .await?
            .rows_affected();
        }
        tx.commit().await?;
        Ok(changed)
    }

    /// Whether contact `id` could be deleted without taking anyone out of old minutes; the
    /// German reason when not. (The contact delete calls the same rule in its transaction.)
    pub async fn check_contact_removable(&self, id: i64) -> Result<()> {
        let mut conn = self.pool.acquire().await?;
        contact_in_minutes(&mut conn, id).await
    }
}

/// Refuses when the contact took part in a session or owns an action item.
async fn contact_in_minutes(conn: &mut SqliteConnection, id: i64) -> Result<()> {
    let (attended, owned): (i64, i64) = sqlx::query_as(
        "SELECT (SELECT COUNT(*) FROM session_participants WHERE contact_id = ?1
                   AND status IN ('teilgenommen', 'entschuldigt')),
                (SELECT COUNT(*) FROM action_items WHERE owner_contact_id = ?1)",
    )
    .bind(id)
    .fetch_one(&mut *conn)
    .await?;
    check_contact_removable(attended, owned)
}

/// To be called inside a contact's delete transaction: refuses (German message) when the contact
/// is part of minutes, and otherwise takes them off the lists of sessions they were merely
/// invited to, so the `ON DELETE RESTRICT` of `session_participants` does not fire.
pub(crate) async fn release_contact_from_sessions(conn: &mut SqliteConnection, id: i64) -> Result<()> {
    contact_in_minutes(conn, id).await?;
    sqlx::query("DELETE FROM session_participants WHERE contact_id = ?1")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
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
async fn contacts_of_set(conn: &mut SqliteConnection, set: &ParticipantSet) -> Result<Vec<i64>> {
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
    let ids: Vec<i64> = q.build_query_scalar().fetch_all(&mut *conn).await?;
    if let ParticipantSet::Contacts(asked) = set
        && ids.len() < asked.iter().collect::<std::collections::HashSet<_>>().len()
    {
        return Err(Error::validation(
            "Teilnehmende",
            "Eine gewählte Person gibt es nicht mehr. Bitte wählen Sie erneut.",
        ));
    }
    Ok(ids)
}

struct Snapshot {
    contact_id: i64,
    name: String,
    function: Option<String>,
    organisation: Option<String>,
    sort_key: String,
}

async fn snapshots(conn: &mut SqliteConnection, ids: &[i64]) -> Result<Vec<Snapshot>> {
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
async fn insert_participants(
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

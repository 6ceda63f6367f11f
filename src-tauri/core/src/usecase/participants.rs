//! Use cases of a session's participants: inviting people (one by one or as sets), attendance,
//! taking someone off the list, bringing names up to date, and whether a contact may be deleted
//! (see `usecase/mod.rs` for the layer's shape). The rules are `crate::participant` and the
//! approval lock of `crate::minutes`; the SQL is `store/participants.rs`.

use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use crate::minutes::check_editable;
use crate::participant::{
    Added, Participant, ParticipantSet, ParticipantStatus, check_all_found, check_contact_removable,
    participant_gone, snapshot_follows_contact,
};
use crate::store::audit::{record_audit, session_words_of};
use crate::store::participants as sql;
use crate::store::sessions::{load_session, minutes_status};
use crate::{Result, store::Store};

/// Adds everyone of `set` who is not on the list yet (as "eingeladen"), with their name,
/// function and organisation of today. One transaction, however many people.
pub async fn add_participants(
    store: &Store,
    session_id: i64,
    set: &ParticipantSet,
    now: DateTime<Utc>,
) -> Result<Added> {
    let mut tx = store.begin_write().await?;
    open_list(&mut tx, session_id).await?;
    let contacts = sql::contacts_of_set(&mut tx, set).await?;
    check_all_found(set, contacts.len())?;
    let (added, already) = sql::insert_participants(&mut tx, session_id, &contacts, now).await?;
    tx.commit().await?;
    Ok(Added { added, already })
}

/// Sets the status of participants (the attendance checklist sends all rows it changed at
/// once): `(participant id, status)`. Refused after the minutes were approved.
pub async fn set_participant_status(
    store: &Store,
    session_id: i64,
    changes: &[(i64, ParticipantStatus)],
    now: DateTime<Utc>,
) -> Result<Vec<Participant>> {
    let mut tx = store.begin_write().await?;
    open_list(&mut tx, session_id).await?;
    for (id, status) in changes {
        if sql::set_status(&mut tx, session_id, *id, *status, now).await? == 0 {
            return Err(participant_gone());
        }
    }
    tx.commit().await?;
    store.list_participants(session_id).await
}

/// Takes a person off the list. Refused after the minutes were approved. Invitations come and go
/// unrecorded; attendance is part of the minutes, so its removal is traced (in this transaction).
pub async fn remove_participant(store: &Store, session_id: i64, participant_id: i64) -> Result<()> {
    let mut tx = store.begin_write().await?;
    check_editable(minutes_status(&mut tx, session_id).await?)?;
    if let Some((contact_id, status)) = sql::recorded_attendance(&mut tx, session_id, participant_id).await? {
        let words = session_words_of(&mut tx, session_id).await?;
        let event = crate::audit::attendance_removed(session_id, &words, contact_id, status.label());
        record_audit(&mut tx, &event, None).await?;
    }
    if sql::delete_participant(&mut tx, session_id, participant_id).await? == 0 {
        return Err(participant_gone());
    }
    tx.commit().await?;
    Ok(())
}

/// Brings the names of a session's participants up to date with their contacts, as long as
/// the session has not taken place (afterwards the list is the record of the day and stays).
/// Returns how many rows changed.
pub async fn refresh_participant_names(store: &Store, session_id: i64, now: DateTime<Utc>) -> Result<u64> {
    let mut tx = store.begin_write().await?;
    let session = load_session(&mut tx, session_id).await?;
    if !snapshot_follows_contact(session.status, session.minutes_status.is_some()) {
        return Ok(0);
    }
    let ids = sql::participant_contacts(&mut tx, session_id).await?;
    let mut changed = 0;
    for snap in sql::snapshots(&mut tx, &ids).await? {
        changed += sql::update_snapshot(&mut tx, session_id, &snap, now).await?;
    }
    tx.commit().await?;
    Ok(changed)
}

/// Whether contact `id` could be deleted without taking anyone out of old minutes; the German
/// reason when not (`participant::check_contact_removable`, which the contact delete also calls).
pub async fn check_contact_removable_from_minutes(store: &Store, id: i64) -> Result<()> {
    let mut tx = store.begin_read().await?;
    let (attended, owned) = sql::minutes_mentions(&mut tx, id).await?;
    check_contact_removable(attended, owned)
}

/// The list may change while the minutes are a draft (attendance is part of them).
async fn open_list(conn: &mut SqliteConnection, session_id: i64) -> Result<()> {
    load_session(conn, session_id).await?;
    check_editable(minutes_status(conn, session_id).await?)
}

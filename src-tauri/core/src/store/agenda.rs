//! SQL for a session's agenda: TOPs with sub-items, responsible contacts, placements (parent and
//! position) and the copy for "Als Vorlage verwenden". Statements and queries only: numbers, clock
//! times, moves and what may be added or deleted are `crate::agenda`, the steps `usecase/agenda.rs`.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use super::search::remove_rows;
use super::sessions::load_session;
use super::write::timestamp;
use crate::agenda::{AgendaItem, AgendaItemInput, Placement, Responsible, clock_times, numbers};
use crate::berlin::{hhmm, stored_time};
use crate::participant::display_name;
use crate::search::SearchKind;
use crate::session::Session;
use crate::{Error, Result, store::Store};

impl Store {
    /// The agenda in reading order, each TOP with its number ("3.1") and clock time ("14:20").
    pub async fn list_agenda(&self, session_id: i64) -> Result<Vec<AgendaItem>> {
        let mut conn = self.pool.acquire().await?;
        load_session(&mut conn, session_id).await?;
        agenda_of(&mut conn, session_id).await
    }

    /// One TOP with its number and clock time.
    pub async fn get_agenda_item(&self, id: i64) -> Result<AgendaItem> {
        let mut conn = self.pool.acquire().await?;
        let session_id = session_of_item(&mut conn, id).await?;
        agenda_of(&mut conn, session_id)
            .await?
            .into_iter()
            .find(|i| i.id == id)
            .ok_or_else(|| Error::NotFound {
                what: "Der Tagesordnungspunkt".into(),
            })
    }
}

/// The session a TOP belongs to.
pub(crate) async fn session_of_item(conn: &mut SqliteConnection, id: i64) -> Result<i64> {
    sqlx::query_scalar("SELECT session_id FROM agenda_items WHERE id = ?1")
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or_else(|| Error::NotFound {
            what: "Der Tagesordnungspunkt".into(),
        })
}

/// Whether TOP `parent` of session `session_id` is itself a sub-item; `NotFound` when the session
/// has no such TOP.
pub(crate) async fn is_sub_item(conn: &mut SqliteConnection, parent: i64, session_id: i64) -> Result<bool> {
    let parent_of_parent: Option<Option<i64>> =
        sqlx::query_scalar("SELECT parent_id FROM agenda_items WHERE id = ?1 AND session_id = ?2")
            .bind(parent)
            .bind(session_id)
            .fetch_optional(&mut *conn)
            .await?;
    match parent_of_parent {
        None => Err(Error::NotFound {
            what: "Der übergeordnete Tagesordnungspunkt".into(),
        }),
        Some(p) => Ok(p.is_some()),
    }
}

/// Adds a TOP as the last one under `input.parent_id` (or the last top-level one); returns its id.
pub(crate) async fn insert_item(
    conn: &mut SqliteConnection,
    session_id: i64,
    input: &AgendaItemInput,
    now: DateTime<Utc>,
) -> Result<i64> {
    let position: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM agenda_items WHERE session_id = ?1 AND parent_id IS ?2")
            .bind(session_id)
            .bind(input.parent_id)
            .fetch_one(&mut *conn)
            .await?;
    Ok(sqlx::query_scalar(
        "INSERT INTO agenda_items (session_id, parent_id, position, title, description, planned_minutes,
                                   approves_session_id, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8) RETURNING id",
    )
    .bind(session_id)
    .bind(input.parent_id)
    .bind(position)
    .bind(&input.title)
    .bind(&input.description)
    .bind(input.planned_minutes)
    .bind(input.approves_session_id)
    .bind(timestamp(now))
    .fetch_one(&mut *conn)
    .await?)
}

/// The latest session before `session` that was not cancelled and whose minutes are a draft.
pub(crate) async fn previous_draft_minutes(
    conn: &mut SqliteConnection,
    session: &Session,
) -> Result<Option<i64>> {
    Ok(sqlx::query_scalar(
        "SELECT s.id FROM sessions s JOIN minutes m ON m.session_id = s.id
         WHERE s.status <> 'abgesagt' AND m.status = 'entwurf' AND s.id <> ?1
           AND (s.date, s.start_time, s.id) < (?2, ?3, ?1)
         ORDER BY s.date DESC, s.start_time DESC, s.id DESC LIMIT 1",
    )
    .bind(session.id)
    .bind(&session.date)
    .bind(&session.start_time)
    .fetch_optional(&mut *conn)
    .await?)
}

/// Puts `title` in as TOP 1 (the other top-level TOPs move down), approving the minutes of
/// session `approves`; returns its id.
pub(crate) async fn insert_first_item(
    conn: &mut SqliteConnection,
    session_id: i64,
    title: &str,
    planned_minutes: i64,
    approves: i64,
    now: DateTime<Utc>,
) -> Result<i64> {
    sqlx::query(
        "UPDATE agenda_items SET position = position + 1 WHERE session_id = ?1 AND parent_id IS NULL",
    )
    .bind(session_id)
    .execute(&mut *conn)
    .await?;
    Ok(sqlx::query_scalar(
        "INSERT INTO agenda_items (session_id, parent_id, position, title, planned_minutes, approves_session_id,
                                   created_at, updated_at)
         VALUES (?1, NULL, 0, ?2, ?3, ?4, ?5, ?5) RETURNING id",
    )
    .bind(session_id)
    .bind(title)
    .bind(planned_minutes)
    .bind(approves)
    .bind(timestamp(now))
    .fetch_one(&mut *conn)
    .await?)
}

/// Title, description, planned minutes and approval link of a TOP.
pub(crate) async fn update_item(
    conn: &mut SqliteConnection,
    id: i64,
    input: &AgendaItemInput,
    now: DateTime<Utc>,
) -> Result<()> {
    sqlx::query(
        "UPDATE agenda_items SET title = ?1, description = ?2, planned_minutes = ?3, approves_session_id = ?4,
                updated_at = ?5, version = version + 1
         WHERE id = ?6",
    )
    .bind(&input.title)
    .bind(&input.description)
    .bind(input.planned_minutes)
    .bind(input.approves_session_id)
    .bind(timestamp(now))
    .bind(id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Whether every one of these contacts exists.
pub(crate) async fn contacts_exist(conn: &mut SqliteConnection, contacts: &[i64]) -> Result<bool> {
    for contact in contacts {
        let exists: Option<i64> = sqlx::query_scalar("SELECT id FROM contacts WHERE id = ?1")
            .bind(contact)
            .fetch_optional(&mut *conn)
            .await?;
        if exists.is_none() {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Replaces the responsible people of a TOP, in order.
pub(crate) async fn set_responsible(conn: &mut SqliteConnection, item: i64, contacts: &[i64]) -> Result<()> {
    sqlx::query("DELETE FROM agenda_item_contacts WHERE agenda_item_id = ?1")
        .bind(item)
        .execute(&mut *conn)
        .await?;
    for (position, contact) in contacts.iter().enumerate() {
        sqlx::query(
            "INSERT INTO agenda_item_contacts (agenda_item_id, contact_id, position) VALUES (?1, ?2, ?3)",
        )
        .bind(item)
        .bind(contact)
        .bind(i64::try_from(position).unwrap_or(i64::MAX))
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// How many decisions and action items were recorded on a TOP and its sub-items.
pub(crate) async fn recorded_on(conn: &mut SqliteConnection, id: i64) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "SELECT (SELECT COUNT(*) FROM decisions d WHERE d.agenda_item_id IN (SELECT id FROM agenda_items WHERE id = ?1 OR parent_id = ?1))
              + (SELECT COUNT(*) FROM action_items a WHERE a.agenda_item_id IN (SELECT id FROM agenda_items WHERE id = ?1 OR parent_id = ?1))",
    )
    .bind(id)
    .fetch_one(&mut *conn)
    .await?)
}

pub(crate) async fn item_title(conn: &mut SqliteConnection, id: i64) -> Result<String> {
    Ok(sqlx::query_scalar("SELECT title FROM agenda_items WHERE id = ?1")
        .bind(id)
        .fetch_one(&mut *conn)
        .await?)
}

/// Deletes a TOP with its sub-items and their search rows.
pub(crate) async fn delete_item(conn: &mut SqliteConnection, id: i64) -> Result<()> {
    let gone: Vec<i64> = sqlx::query_scalar("SELECT id FROM agenda_items WHERE id = ?1 OR parent_id = ?1")
        .bind(id)
        .fetch_all(&mut *conn)
        .await?;
    sqlx::query("DELETE FROM agenda_items WHERE id = ?1")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    remove_rows(conn, SearchKind::AgendaItem, &gone).await
}

/// Marks a TOP as changed now (a move changes no field of its own).
pub(crate) async fn touch_item(conn: &mut SqliteConnection, id: i64, now: DateTime<Utc>) -> Result<()> {
    sqlx::query("UPDATE agenda_items SET updated_at = ?1 WHERE id = ?2")
        .bind(timestamp(now))
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

pub(crate) async fn placements_of(conn: &mut SqliteConnection, session_id: i64) -> Result<Vec<Placement>> {
    let rows: Vec<(i64, Option<i64>, i64)> =
        sqlx::query_as("SELECT id, parent_id, position FROM agenda_items WHERE session_id = ?1")
            .bind(session_id)
            .fetch_all(&mut *conn)
            .await?;
    Ok(rows
        .into_iter()
        .map(|(id, parent_id, position)| Placement {
            id,
            parent_id,
            position,
        })
        .collect())
}

pub(crate) async fn write_placements(conn: &mut SqliteConnection, items: &[Placement]) -> Result<()> {
    for p in items {
        sqlx::query("UPDATE agenda_items SET parent_id = ?1, position = ?2 WHERE id = ?3")
            .bind(p.parent_id)
            .bind(p.position)
            .bind(p.id)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// The agenda of a session in reading order, numbered and timed.
pub(crate) async fn agenda_of(conn: &mut SqliteConnection, session_id: i64) -> Result<Vec<AgendaItem>> {
    let start: String = sqlx::query_scalar("SELECT start_time FROM sessions WHERE id = ?1")
        .bind(session_id)
        .fetch_one(&mut *conn)
        .await?;
    let start = stored_time(&start)?;
    let rows: Vec<AgendaItem> = sqlx::query_as(
        "SELECT id, session_id, parent_id, position, title, description, planned_minutes, approves_session_id,
                discussion, version
         FROM agenda_items WHERE session_id = ?1",
    )
    .bind(session_id)
    .fetch_all(&mut *conn)
    .await?;
    // (TOP, contact id, title, first name, last name)
    type ResponsibleRow = (i64, i64, Option<String>, Option<String>, String);
    let responsible: Vec<ResponsibleRow> = sqlx::query_as(
        "SELECT ac.agenda_item_id, c.id, c.title, c.first_name, c.last_name
         FROM agenda_item_contacts ac JOIN contacts c ON c.id = ac.contact_id
         WHERE ac.agenda_item_id IN (SELECT id FROM agenda_items WHERE session_id = ?1)
         ORDER BY ac.agenda_item_id, ac.position",
    )
    .bind(session_id)
    .fetch_all(&mut *conn)
    .await?;
    let placements: Vec<Placement> = rows
        .iter()
        .map(|r| Placement {
            id: r.id,
            parent_id: r.parent_id,
            position: r.position,
        })
        .collect();
    let minutes: HashMap<i64, Option<i64>> = rows.iter().map(|r| (r.id, r.planned_minutes)).collect();
    let times: HashMap<i64, String> =
        clock_times(start, &placements, &|id| minutes.get(&id).copied().flatten())
            .into_iter()
            .map(|(id, t)| (id, hhmm(t)))
            .collect();
    let numbers: HashMap<i64, String> = numbers(&placements).into_iter().collect();
    let mut by_id: HashMap<i64, AgendaItem> = rows.into_iter().map(|r| (r.id, r)).collect();
    for (item, contact_id, title, first, last) in responsible {
        if let Some(i) = by_id.get_mut(&item) {
            i.responsible.push(Responsible {
                contact_id,
                name: display_name(title.as_deref(), first.as_deref(), &last),
            });
        }
    }
    Ok(crate::agenda::reading_order(&placements)
        .into_iter()
        .filter_map(|p| by_id.remove(&p.id))
        .map(|mut i| {
            i.number = numbers.get(&i.id).cloned().unwrap_or_default();
            i.clock_time = times.get(&i.id).cloned().unwrap_or_default();
            i
        })
        .collect())
}

/// Copies the agenda of session `from` into session `to` (TOPs, sub-items, planned minutes,
/// responsible people); discussion texts and approval links stay behind.
pub(crate) async fn copy_agenda(
    conn: &mut SqliteConnection,
    from: i64,
    to: i64,
    now: DateTime<Utc>,
) -> Result<()> {
    let ts = timestamp(now);
    let items = crate::agenda::reading_order(&placements_of(conn, from).await?);
    let mut new_ids: HashMap<i64, i64> = HashMap::new();
    for p in items {
        let parent = p.parent_id.and_then(|old| new_ids.get(&old).copied());
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO agenda_items (session_id, parent_id, position, title, description, planned_minutes,
                                       created_at, updated_at)
             SELECT ?1, ?2, position, title, description, planned_minutes, ?3, ?3 FROM agenda_items WHERE id = ?4
             RETURNING id",
        )
        .bind(to)
        .bind(parent)
        .bind(&ts)
        .bind(p.id)
        .fetch_one(&mut *conn)
        .await?;
        sqlx::query(
            "INSERT INTO agenda_item_contacts (agenda_item_id, contact_id, position)
             SELECT ?1, contact_id, position FROM agenda_item_contacts WHERE agenda_item_id = ?2",
        )
        .bind(id)
        .bind(p.id)
        .execute(&mut *conn)
        .await?;
        new_ids.insert(p.id, id);
    }
    Ok(())
}

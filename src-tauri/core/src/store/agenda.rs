//! SQL for a session's agenda: TOPs with sub-items, responsible contacts, moves that renumber in
//! one transaction. Numbers, clock times and the effect of a move are computed by `crate::agenda`.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use super::search::remove_rows;
use super::session_index::index_session_tree;
use super::sessions::{load_session, minutes_status};
use super::write::{Versioned, check_version, timestamp};
use crate::agenda::{
    AgendaItem, AgendaItemInput, AgendaMove, Placement, Responsible, apply_move, clock_times, numbers,
};
use crate::berlin::{hhmm, stored_time};
use crate::minutes::check_editable;
use crate::participant::display_name;
use crate::search::SearchKind;
use crate::{Error, Result, Store};

impl Store {
    /// The agenda in reading order, each TOP with its number ("3.1") and clock time ("14:20").
    pub async fn list_agenda(&self, session_id: i64) -> Result<Vec<AgendaItem>> {
        let mut conn = self.pool.acquire().await?;
        load_session(&mut conn, session_id).await?;
        agenda_of(&mut conn, session_id).await
    }

    /// Adds a TOP at the end (or as the last sub-item of `input.parent_id`). Returns the new
    /// TOP with its number.
    pub async fn add_agenda_item(
        &self,
        session_id: i64,
        input: AgendaItemInput,
        now: DateTime<Utc>,
    ) -> Result<AgendaItem> {
        let input = input.normalised()?;
        let mut tx = self.begin_write().await?;
        load_session(&mut tx, session_id).await?;
        check_editable(minutes_status(&mut tx, session_id).await?)?;
        if let Some(parent) = input.parent_id {
            let parent_of_parent: Option<Option<i64>> =
                sqlx::query_scalar("SELECT parent_id FROM agenda_items WHERE id = ?1 AND session_id = ?2")
                    .bind(parent)
                    .bind(session_id)
                    .fetch_optional(&mut *tx)
                    .await?;
            match parent_of_parent {
                None => {
                    return Err(Error::NotFound {
                        what: "Der übergeordnete Tagesordnungspunkt".into(),
                    });
                }
                Some(Some(_)) => {
                    return Err(Error::validation(
                        "Tagesordnung",
                        "Unterpunkte können keine eigenen Unterpunkte haben (nur TOP 3.1, nicht 3.1.1).",
                    ));
                }
                Some(None) => {}
            }
        }
        let position: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM agenda_items WHERE session_id = ?1 AND parent_id IS ?2")
                .bind(session_id)
                .bind(input.parent_id)
                .fetch_one(&mut *tx)
                .await?;
        let ts = timestamp(now);
        let id: i64 = sqlx::query_scalar(
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
        .bind(&ts)
        .fetch_one(&mut *tx)
        .await?;
        check_approved_session(&mut tx, input.approves_session_id, session_id).await?;
        write_responsible(&mut tx, id, &input.responsible_contact_ids).await?;
        index_session_tree(&mut tx, session_id).await?;
        tx.commit().await?;
        self.get_agenda_item(id).await
    }

    /// "Genehmigung des Protokolls der letzten Sitzung" as TOP 1 of session `session_id` (the other
    /// TOPs move down), linked to the draft minutes of the latest earlier session that was not
    /// cancelled; recording a decision on it approves those minutes. German message when there
    /// are no such minutes.
    pub async fn add_minutes_approval_item(&self, session_id: i64, now: DateTime<Utc>) -> Result<AgendaItem> {
        let mut tx = self.begin_write().await?;
        let session = load_session(&mut tx, session_id).await?;
        check_editable(session.minutes_status)?;
        let previous: Option<i64> = sqlx::query_scalar(
            "SELECT s.id FROM sessions s JOIN minutes m ON m.session_id = s.id
             WHERE s.status <> 'abgesagt' AND m.status = 'entwurf' AND s.id <> ?1
               AND (s.date, s.start_time, s.id) < (?2, ?3, ?1)
             ORDER BY s.date DESC, s.start_time DESC, s.id DESC LIMIT 1",
        )
        .bind(session_id)
        .bind(&session.date)
        .bind(&session.start_time)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(previous) = previous else {
            return Err(Error::validation(
                "Tagesordnung",
                "Es gibt keine frühere Sitzung mit einem Protokoll im Entwurf, das genehmigt werden könnte.",
            ));
        };
        sqlx::query(
            "UPDATE agenda_items SET position = position + 1 WHERE session_id = ?1 AND parent_id IS NULL",
        )
        .bind(session_id)
        .execute(&mut *tx)
        .await?;
        let ts = timestamp(now);
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO agenda_items (session_id, parent_id, position, title, planned_minutes, approves_session_id,
                                       created_at, updated_at)
             VALUES (?1, NULL, 0, ?2, 5, ?3, ?4, ?4) RETURNING id",
        )
        .bind(session_id)
        .bind(crate::agenda::APPROVAL_TOP_TITLE)
        .bind(previous)
        .bind(&ts)
        .fetch_one(&mut *tx)
        .await?;
        index_session_tree(&mut tx, session_id).await?;
        tx.commit().await?;
        self.get_agenda_item(id).await
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

    /// Saves title, description, planned minutes, responsible people and the approval link of a
    /// TOP (its place changes only through [`Store::move_agenda_item`]).
    pub async fn update_agenda_item(
        &self,
        id: i64,
        input: AgendaItemInput,
        now: DateTime<Utc>,
    ) -> Result<AgendaItem> {
        let input = input.normalised()?;
        let mut tx = self.begin_write().await?;
        check_version(&mut tx, Versioned::AgendaItem, id, input.expected_version).await?;
        let session_id = session_of_item(&mut tx, id).await?;
        check_editable(minutes_status(&mut tx, session_id).await?)?;
        check_approved_session(&mut tx, input.approves_session_id, session_id).await?;
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
        .execute(&mut *tx)
        .await?;
        sqlx::query("DELETE FROM agenda_item_contacts WHERE agenda_item_id = ?1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        write_responsible(&mut tx, id, &input.responsible_contact_ids).await?;
        index_session_tree(&mut tx, session_id).await?;
        tx.commit().await?;
        self.get_agenda_item(id).await
    }

    /// Deletes a TOP (with its sub-items); the others close ranks. Refused when decisions or action
    /// items were recorded on it, or when the minutes are approved.
    pub async fn delete_agenda_item(&self, id: i64) -> Result<Vec<AgendaItem>> {
        let mut tx = self.begin_write().await?;
        let session_id = session_of_item(&mut tx, id).await?;
        check_editable(minutes_status(&mut tx, session_id).await?)?;
        let recorded: i64 = sqlx::query_scalar(
            "SELECT (SELECT COUNT(*) FROM decisions d WHERE d.agenda_item_id IN (SELECT id FROM agenda_items WHERE id = ?1 OR parent_id = ?1))
                  + (SELECT COUNT(*) FROM action_items a WHERE a.agenda_item_id IN (SELECT id FROM agenda_items WHERE id = ?1 OR parent_id = ?1))",
        )
        .bind(id)
        .fetch_one(&mut *tx)
        .await?;
        if recorded > 0 {
            return Err(Error::validation(
                "Tagesordnung",
                "Zu diesem Tagesordnungspunkt gibt es Beschlüsse oder Aufgaben. Bitte löschen oder verschieben Sie diese zuerst.",
            ));
        }
        let gone: Vec<i64> =
            sqlx::query_scalar("SELECT id FROM agenda_items WHERE id = ?1 OR parent_id = ?1")
                .bind(id)
                .fetch_all(&mut *tx)
                .await?;
        let title: String = sqlx::query_scalar("SELECT title FROM agenda_items WHERE id = ?1")
            .bind(id)
            .fetch_one(&mut *tx)
            .await?;
        let words = super::audit::session_words_of(&mut tx, session_id).await?;
        let event = crate::audit::agenda_item_deleted(session_id, &words, &title);
        super::audit::record_audit(&mut tx, &event, None).await?;
        sqlx::query("DELETE FROM agenda_items WHERE id = ?1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        remove_rows(&mut tx, SearchKind::AgendaItem, &gone).await?;
        // Close the gap: positions stay 0, 1, 2 … per parent.
        let placements = placements_of(&mut tx, session_id).await?;
        write_placements(&mut tx, &dense(&placements)).await?;
        index_session_tree(&mut tx, session_id).await?;
        tx.commit().await?;
        self.list_agenda(session_id).await
    }

    /// Moves a TOP up, down, in or out (keyboard and mouse do the same); every TOP's place is
    /// rewritten in one transaction, so numbering follows. Returns the new agenda.
    pub async fn move_agenda_item(
        &self,
        id: i64,
        how: AgendaMove,
        now: DateTime<Utc>,
    ) -> Result<Vec<AgendaItem>> {
        let mut tx = self.begin_write().await?;
        let session_id = session_of_item(&mut tx, id).await?;
        check_editable(minutes_status(&mut tx, session_id).await?)?;
        let before = placements_of(&mut tx, session_id).await?;
        let after = apply_move(&before, id, how)?;
        let changed: Vec<Placement> = after.iter().copied().filter(|p| !before.contains(p)).collect();
        write_placements(&mut tx, &changed).await?;
        sqlx::query("UPDATE agenda_items SET updated_at = ?1 WHERE id = ?2")
            .bind(timestamp(now))
            .bind(id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        self.list_agenda(session_id).await
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

/// A TOP can approve the minutes of another, earlier session only.
async fn check_approved_session(
    conn: &mut SqliteConnection,
    approves: Option<i64>,
    session_id: i64,
) -> Result<()> {
    let Some(other) = approves else { return Ok(()) };
    if other == session_id {
        return Err(Error::validation(
            "Genehmigung des Protokolls",
            "Eine Sitzung kann nicht ihr eigenes Protokoll genehmigen.",
        ));
    }
    load_session(conn, other).await.map(|_| ())
}

async fn write_responsible(conn: &mut SqliteConnection, item: i64, contacts: &[i64]) -> Result<()> {
    for (position, contact) in contacts.iter().enumerate() {
        let exists: Option<i64> = sqlx::query_scalar("SELECT id FROM contacts WHERE id = ?1")
            .bind(contact)
            .fetch_optional(&mut *conn)
            .await?;
        if exists.is_none() {
            return Err(Error::validation(
                "Verantwortlich",
                "Eine gewählte Person gibt es nicht mehr. Bitte wählen Sie erneut.",
            ));
        }
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

/// Positions renumbered 0, 1, 2 … per parent, keeping the order.
fn dense(items: &[Placement]) -> Vec<Placement> {
    let mut counters: HashMap<Option<i64>, i64> = HashMap::new();
    crate::agenda::reading_order(items)
        .into_iter()
        .map(|p| {
            let c = counters.entry(p.parent_id).or_insert(0);
            let out = Placement { position: *c, ..p };
            *c += 1;
            out
        })
        .collect()
}

async fn write_placements(conn: &mut SqliteConnection, items: &[Placement]) -> Result<()> {
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

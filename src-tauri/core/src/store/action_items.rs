//! SQL for action items (Aufgaben) of the minutes and the Aufgabenübersicht, and the names of the
//! people and organisations that own them. Statements and queries only: what an item needs and
//! what may change after approval is `crate::minutes`, the steps `usecase/minutes.rs`.

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::{QueryBuilder, Sqlite, SqliteConnection};

use super::search::remove_rows;
use super::write::timestamp;
use crate::berlin::iso_date;
use crate::minutes::{ActionItem, ActionItemFields, ActionItemFilter, ActionItemRow, ActionStatus};
use crate::search::SearchKind;
use crate::{Error, Result, store::Store};

pub(super) const SELECT_ACTION: &str =
    "SELECT id, session_id, agenda_item_id, what, owner_contact_id, owner_organisation_id,
    owner_name, due_date, status, done_date, created_at, updated_at, version FROM action_items";

impl Store {
    pub async fn get_action_item(&self, id: i64) -> Result<ActionItem> {
        let mut conn = self.pool.acquire().await?;
        load_action_item(&mut conn, id).await
    }

    /// Aufgabenübersicht (Beschlusskontrolle): action items across sessions, open ones by due date
    /// first (overdue on top), then done ones; narrowed by `filter`. `today` decides "overdue".
    pub async fn list_action_items(
        &self,
        filter: &ActionItemFilter,
        today: NaiveDate,
    ) -> Result<Vec<ActionItemRow>> {
        let today = iso_date(today);
        let mut q: QueryBuilder<Sqlite> = QueryBuilder::new(
            "SELECT a.id, a.session_id, s.title AS session_title, s.date AS session_date, a.what, a.owner_contact_id,
                    a.owner_organisation_id, a.owner_name, a.due_date, a.status, a.done_date,
                    (a.status = 'offen' AND a.due_date < ",
        );
        q.push_bind(today.clone()).push(
            ") AS overdue, a.version
             FROM action_items a JOIN sessions s ON s.id = a.session_id
             LEFT JOIN contacts c ON c.id = a.owner_contact_id
             WHERE 1 = 1",
        );
        if let Some(contact) = filter.owner_contact_id {
            q.push(" AND a.owner_contact_id = ").push_bind(contact);
        }
        if let Some(org) = filter.owner_organisation_id {
            q.push(" AND (a.owner_organisation_id = ")
                .push_bind(org)
                .push(" OR c.organisation_id = ")
                .push_bind(org)
                .push(")");
        }
        if let Some(session) = filter.session_id {
            q.push(" AND a.session_id = ").push_bind(session);
        }
        if let Some(status) = filter.status {
            q.push(" AND a.status = ").push_bind(status);
        }
        if filter.overdue_only {
            q.push(" AND a.status = 'offen' AND a.due_date < ")
                .push_bind(today);
        }
        q.push(" ORDER BY a.status = 'erledigt', a.due_date IS NULL, a.due_date, s.date, a.id LIMIT 100000");
        Ok(q.build_query_as::<ActionItemRow>().fetch_all(&self.pool).await?)
    }
}

pub(crate) async fn load_action_item(conn: &mut SqliteConnection, id: i64) -> Result<ActionItem> {
    let sql = format!("{SELECT_ACTION} WHERE id = ?1");
    sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or_else(|| Error::NotFound {
            what: "Die Aufgabe".into(),
        })
}

pub(crate) async fn insert_action_item(
    conn: &mut SqliteConnection,
    session_id: i64,
    fields: &ActionItemFields,
    owner_name: Option<&str>,
    now: DateTime<Utc>,
) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "INSERT INTO action_items (session_id, agenda_item_id, what, owner_contact_id, owner_organisation_id,
                                   owner_name, due_date, status, done_date, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10) RETURNING id",
    )
    .bind(session_id)
    .bind(fields.agenda_item_id)
    .bind(&fields.what)
    .bind(fields.owner_contact_id)
    .bind(fields.owner_organisation_id)
    .bind(owner_name)
    .bind(fields.due_date.map(iso_date))
    .bind(fields.status)
    .bind(fields.done_date.map(iso_date))
    .bind(timestamp(now))
    .fetch_one(&mut *conn)
    .await?)
}

pub(crate) async fn update_action_item(
    conn: &mut SqliteConnection,
    id: i64,
    fields: &ActionItemFields,
    owner_name: Option<&str>,
    now: DateTime<Utc>,
) -> Result<()> {
    sqlx::query(
        "UPDATE action_items SET agenda_item_id = ?1, what = ?2, owner_contact_id = ?3, owner_organisation_id = ?4,
                owner_name = ?5, due_date = ?6, status = ?7, done_date = ?8, updated_at = ?9, version = version + 1
         WHERE id = ?10",
    )
    .bind(fields.agenda_item_id)
    .bind(&fields.what)
    .bind(fields.owner_contact_id)
    .bind(fields.owner_organisation_id)
    .bind(owner_name)
    .bind(fields.due_date.map(iso_date))
    .bind(fields.status)
    .bind(fields.done_date.map(iso_date))
    .bind(timestamp(now))
    .bind(id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

pub(crate) async fn set_action_item_status(
    conn: &mut SqliteConnection,
    id: i64,
    status: ActionStatus,
    done: Option<NaiveDate>,
    now: DateTime<Utc>,
) -> Result<()> {
    sqlx::query(
        "UPDATE action_items SET status = ?1, done_date = ?2, updated_at = ?3, version = version + 1 WHERE id = ?4",
    )
    .bind(status)
    .bind(done.map(iso_date))
    .bind(timestamp(now))
    .bind(id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Deletes an action item and its search row.
pub(crate) async fn delete_action_item(conn: &mut SqliteConnection, id: i64) -> Result<()> {
    sqlx::query("DELETE FROM action_items WHERE id = ?1")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    remove_rows(conn, SearchKind::ActionItem, &[id]).await
}

/// Title, first and last name of a contact, `None` when it was deleted.
pub(crate) async fn contact_name_parts(
    conn: &mut SqliteConnection,
    id: i64,
) -> Result<Option<(Option<String>, Option<String>, String)>> {
    Ok(
        sqlx::query_as("SELECT title, first_name, last_name FROM contacts WHERE id = ?1")
            .bind(id)
            .fetch_optional(&mut *conn)
            .await?,
    )
}

/// The organisation of an existing contact.
pub(crate) async fn organisation_of_contact(conn: &mut SqliteConnection, id: i64) -> Result<Option<i64>> {
    Ok(
        sqlx::query_scalar("SELECT organisation_id FROM contacts WHERE id = ?1")
            .bind(id)
            .fetch_one(&mut *conn)
            .await?,
    )
}

/// An organisation's name, `None` when it was deleted.
pub(crate) async fn organisation_name(conn: &mut SqliteConnection, id: i64) -> Result<Option<String>> {
    Ok(sqlx::query_scalar("SELECT name FROM organisations WHERE id = ?1")
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?)
}

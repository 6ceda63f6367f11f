//! Whole contacts (with addresses, numbers and groups), one for the detail view or a filtered
//! list or selection at once for exports such as vCard: four queries however many, in order.

use std::collections::HashMap;

use sqlx::SqliteConnection;

use crate::contact::{Contact, ContactFilter, Email, Phone};
use crate::{Result, store::Store};

impl Store {
    /// The contacts `filter` lists, in full and in the list's order.
    pub async fn full_contacts(&self, filter: &ContactFilter) -> Result<Vec<Contact>> {
        let ids: Vec<i64> = self.list_contacts(filter).await?.iter().map(|r| r.id).collect();
        let mut conn = self.pool.acquire().await?;
        full_contacts_by_id(&mut conn, &ids).await
    }
}

/// Whole contacts for `ids`, in that order; ids not stored are left out.
pub(crate) async fn full_contacts_by_id(conn: &mut SqliteConnection, ids: &[i64]) -> Result<Vec<Contact>> {
    let list = super::json_ids(ids);
    let mut by_id: HashMap<i64, Contact> = sqlx::query_as::<_, Contact>(
        "SELECT c.id, c.salutation, c.title, c.first_name, c.last_name, c.function, c.organisation_id,
                o.name AS organisation_name, c.street, c.postal_code, c.city, c.notes, c.consent_basis,
                c.consent_date, c.consent_source, c.consent_note, c.created_at, c.updated_at, c.version,
                c.anonymised_at
         FROM contacts c LEFT JOIN organisations o ON o.id = c.organisation_id
         WHERE c.id IN (SELECT value FROM json_each(?1))",
    )
    .bind(&list)
    .fetch_all(&mut *conn)
    .await?
    .into_iter()
    .map(|c| (c.id, c))
    .collect();

    let emails: Vec<(i64, String, String, bool)> = sqlx::query_as(
        "SELECT contact_id, address, kind, preferred FROM contact_emails
         WHERE contact_id IN (SELECT value FROM json_each(?1)) ORDER BY contact_id, position",
    )
    .bind(&list)
    .fetch_all(&mut *conn)
    .await?;
    for (id, address, kind, preferred) in emails {
        if let Some(c) = by_id.get_mut(&id) {
            c.emails.push(Email {
                address,
                kind,
                preferred,
            });
        }
    }
    let phones: Vec<(i64, String, String, bool)> = sqlx::query_as(
        "SELECT contact_id, number, kind, preferred FROM contact_phones
         WHERE contact_id IN (SELECT value FROM json_each(?1)) ORDER BY contact_id, position",
    )
    .bind(&list)
    .fetch_all(&mut *conn)
    .await?;
    for (id, number, kind, preferred) in phones {
        if let Some(c) = by_id.get_mut(&id) {
            c.phones.push(Phone {
                number,
                kind,
                preferred,
            });
        }
    }
    let groups: Vec<(i64, String)> = sqlx::query_as(
        "SELECT cg.contact_id, g.name FROM contact_groups cg JOIN groups g ON g.id = cg.group_id
         WHERE cg.contact_id IN (SELECT value FROM json_each(?1)) ORDER BY cg.contact_id, g.name",
    )
    .bind(&list)
    .fetch_all(&mut *conn)
    .await?;
    for (id, name) in groups {
        if let Some(c) = by_id.get_mut(&id) {
            c.groups.push(name);
        }
    }
    Ok(ids.iter().filter_map(|id| by_id.remove(id)).collect())
}

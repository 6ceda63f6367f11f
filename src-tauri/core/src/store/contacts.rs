//! SQL for contacts, their e-mail addresses, phone numbers and groups. Every write runs in one
//! transaction that also refreshes the contact's search-index row.

use chrono::{DateTime, Utc};
use sqlx::sqlite::SqliteArguments;
use sqlx::{QueryBuilder, Sqlite, SqliteConnection};

use super::contact_details::full_contacts_by_id;
use super::contact_insert::{NewContact, contact_sort_key, insert_children, insert_contacts};
use super::search::{index_contacts, remove_rows};
use super::write::{Versioned, check_version, timestamp};
use crate::contact::{
    Contact, ContactFilter, ContactInput, ContactRow, Email, EmailInput, Phone, PhoneInput,
};
use crate::search::{SearchKind, fts_match};
use crate::{Error, Result, store::Store};

/// Longest list the UI asks for in one go; the list pages through more.
pub const MAX_LIST: i64 = 100_000;

impl Store {
    pub async fn create_contact(&self, input: ContactInput, now: DateTime<Utc>) -> Result<Contact> {
        let input = input.normalised()?;
        let mut tx = self.begin_write().await?;
        let organisation_name = organisation_name(&mut tx, input.organisation_id).await?;
        let new = NewContact {
            input: &input,
            organisation_name: organisation_name.as_deref(),
        };
        let id = insert_contacts(&mut tx, &[new], now).await?[0];
        tx.commit().await?;
        self.get_contact(id).await
    }

    pub async fn update_contact(&self, id: i64, input: ContactInput, now: DateTime<Utc>) -> Result<Contact> {
        let input = input.normalised()?;
        let mut tx = self.begin_write().await?;
        update_contact_in(&mut tx, id, input, now).await?;
        tx.commit().await?;
        self.get_contact(id).await
    }

    pub async fn delete_contact(&self, id: i64) -> Result<()> {
        let mut tx = self.begin_write().await?;
        delete_contact_in(&mut tx, id).await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn get_contact(&self, id: i64) -> Result<Contact> {
        let mut conn = self.pool.acquire().await?;
        full_contacts_by_id(&mut conn, &[id])
            .await?
            .pop()
            .ok_or_else(|| Error::NotFound {
                what: "Der Kontakt".into(),
            })
    }

    /// The contacts list in German order of "Nachname Vorname", narrowed by `filter`.
    pub async fn list_contacts(&self, filter: &ContactFilter) -> Result<Vec<ContactRow>> {
        let mut q: QueryBuilder<Sqlite> = QueryBuilder::new(
            "SELECT c.id, c.title, c.first_name, c.last_name, c.function, o.name AS organisation_name,
                    d.name AS district_name,
                    (SELECT address FROM contact_emails e WHERE e.contact_id = c.id ORDER BY e.preferred DESC, e.position LIMIT 1) AS email,
                    (SELECT number FROM contact_phones p WHERE p.contact_id = c.id ORDER BY p.preferred DESC, p.position LIMIT 1) AS phone
             FROM contacts c
             LEFT JOIN organisations o ON o.id = c.organisation_id
             LEFT JOIN districts d ON d.ags = o.district_ags
             -- Erased people (Art. 17) stay only as placeholders for old minutes, never in lists.
             WHERE c.anonymised_at IS NULL",
        );
        if let Some(expression) = filter
            .query
            .as_deref()
            .and_then(|q| fts_match(SearchKind::Contact, q))
        {
            q.push(" AND c.id IN (SELECT ref_id FROM search_index WHERE search_index MATCH ")
                .push_bind(expression)
                .push(")");
        } else if filter.query.as_deref().is_some_and(|s| !s.trim().is_empty()) {
            // Only punctuation typed: nothing can match.
            return Ok(Vec::new());
        }
        if let Some(ids) = &filter.ids {
            q.push(" AND c.id IN (SELECT value FROM json_each(")
                .push_bind(super::json_ids(ids))
                .push("))");
        }
        if let Some(ags) = &filter.district_ags {
            q.push(" AND o.district_ags = ").push_bind(ags.clone());
        }
        if let Some(region) = &filter.region_code {
            q.push(" AND d.region_code = ").push_bind(region.clone());
        }
        if let Some(kind) = filter.organisation_kind {
            q.push(" AND o.kind = ").push_bind(kind);
        }
        if let Some(group) = &filter.group {
            q.push(
                " AND EXISTS (SELECT 1 FROM contact_groups cg JOIN groups g ON g.id = cg.group_id
                   WHERE cg.contact_id = c.id AND g.name = ",
            )
            .push_bind(group.clone())
            .push(")");
        }
        q.push(" ORDER BY c.sort_key, c.id LIMIT ").push_bind(MAX_LIST);
        Ok(q.build_query_as::<ContactRow>().fetch_all(&self.pool).await?)
    }

    /// All group names in use, alphabetically.
    pub async fn list_groups(&self) -> Result<Vec<String>> {
        Ok(
            sqlx::query_scalar("SELECT name FROM groups ORDER BY name COLLATE NOCASE")
                .fetch_all(&self.pool)
                .await?,
        )
    }
}

/// Writes a validated contact over the stored one (caller owns the transaction).
pub(crate) async fn update_contact_in(
    conn: &mut SqliteConnection,
    id: i64,
    input: ContactInput,
    now: DateTime<Utc>,
) -> Result<()> {
    check_version(conn, Versioned::Contact, id, input.expected_version).await?;
    refuse_anonymised(conn, id).await?;
    organisation_name(conn, input.organisation_id).await?;
    let changed = bind_fields(
        sqlx::query(
            "UPDATE contacts SET salutation = ?1, title = ?2, first_name = ?3, last_name = ?4, function = ?5,
                    organisation_id = ?6, street = ?7, postal_code = ?8, city = ?9, notes = ?10,
                    consent_basis = ?11, consent_date = ?12, consent_source = ?13, consent_note = ?14,
                    sort_key = ?15, updated_at = ?16, version = version + 1
             WHERE id = ?17",
        ),
        &input,
    )
    .bind(timestamp(now))
    .bind(id)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    if changed == 0 {
        return Err(Error::NotFound {
            what: "Der Kontakt".into(),
        });
    }
    for table in ["contact_emails", "contact_phones", "contact_groups"] {
        let sql = format!("DELETE FROM {table} WHERE contact_id = ?1");
        sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(id)
            .execute(&mut *conn)
            .await?;
    }
    insert_children(conn, &[(id, &input)]).await?;
    index_contacts(conn, &[id]).await
}

/// A contact's e-mail addresses and phone numbers (in their order) and its groups (by name).
async fn read_children(
    conn: &mut SqliteConnection,
    id: i64,
) -> Result<(Vec<Email>, Vec<Phone>, Vec<String>)> {
    let emails = sqlx::query_as::<_, Email>(
        "SELECT address, kind, preferred FROM contact_emails WHERE contact_id = ?1 ORDER BY position",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    let phones = sqlx::query_as::<_, Phone>(
        "SELECT number, kind, preferred FROM contact_phones WHERE contact_id = ?1 ORDER BY position",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    let groups = sqlx::query_scalar(
        "SELECT g.name FROM contact_groups cg JOIN groups g ON g.id = cg.group_id
         WHERE cg.contact_id = ?1 ORDER BY g.name",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    Ok((emails, phones, groups))
}

/// A stored contact as form input (for merging imported data into it).
pub(crate) async fn load_input(conn: &mut SqliteConnection, id: i64) -> Result<ContactInput> {
    type Row = (
        Option<String>,
        Option<String>,
        Option<String>,
        String,
        Option<String>,
        Option<i64>,
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
    );
    let row: Row = sqlx::query_as(
        "SELECT salutation, title, first_name, last_name, function, organisation_id, street, postal_code, city,
                notes, consent_basis, consent_date, consent_source, consent_note
         FROM contacts WHERE id = ?1",
    )
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?
    .ok_or_else(|| Error::NotFound { what: "Der Kontakt".into() })?;
    let (emails, phones, groups) = read_children(conn, id).await?;
    Ok(ContactInput {
        salutation: row.0,
        title: row.1,
        first_name: row.2,
        last_name: row.3,
        function: row.4,
        organisation_id: row.5,
        street: row.6,
        postal_code: row.7,
        city: row.8,
        notes: row.9,
        consent_basis: row.10,
        consent_date: row.11,
        consent_source: row.12,
        consent_note: row.13,
        expected_version: None,
        emails: emails
            .into_iter()
            .map(|e| EmailInput {
                address: e.address,
                kind: e.kind,
                preferred: e.preferred,
            })
            .collect(),
        phones: phones
            .into_iter()
            .map(|p| PhoneInput {
                number: p.number,
                kind: p.kind,
                preferred: p.preferred,
            })
            .collect(),
        groups,
    })
}

type ContactQuery<'q> = sqlx::query::Query<'q, Sqlite, SqliteArguments>;

/// Binds the stored fields of a contact as parameters ?1 … ?15 (the last one its sort key), in the
/// column order both the INSERT and the UPDATE use.
fn bind_fields<'q>(query: ContactQuery<'q>, input: &'q ContactInput) -> ContactQuery<'q> {
    query
        .bind(&input.salutation)
        .bind(&input.title)
        .bind(&input.first_name)
        .bind(&input.last_name)
        .bind(&input.function)
        .bind(input.organisation_id)
        .bind(&input.street)
        .bind(&input.postal_code)
        .bind(&input.city)
        .bind(&input.notes)
        .bind(&input.consent_basis)
        .bind(&input.consent_date)
        .bind(&input.consent_source)
        .bind(&input.consent_note)
        .bind(contact_sort_key(input))
}

/// The name of the chosen organisation; a German message when it was deleted meanwhile.
async fn organisation_name(conn: &mut SqliteConnection, id: Option<i64>) -> Result<Option<String>> {
    if let Some(id) = id {
        let found: Option<String> = sqlx::query_scalar("SELECT name FROM organisations WHERE id = ?1")
            .bind(id)
            .fetch_optional(&mut *conn)
            .await?;
        if found.is_none() {
            return Err(Error::validation(
                "Organisation",
                "Die gewählte Organisation gibt es nicht mehr. Bitte wählen Sie eine andere.",
            ));
        }
        return Ok(found);
    }
    Ok(None)
}

/// An erased person's placeholder (Art. 17 DSGVO) takes no data again: a form or an import that
/// still holds the old values must not bring the person back.
async fn refuse_anonymised(conn: &mut SqliteConnection, id: i64) -> Result<()> {
    let anonymised: Option<Option<String>> =
        sqlx::query_scalar("SELECT anonymised_at FROM contacts WHERE id = ?1")
            .bind(id)
            .fetch_optional(&mut *conn)
            .await?;
    if let Some(Some(_)) = anonymised {
        return Err(crate::privacy::anonymised_contact_refused());
    }
    Ok(())
}

async fn delete_contact_in(conn: &mut SqliteConnection, id: i64) -> Result<()> {
    // People in minutes stay (German refusal); mere invitations are released.
    super::participants::release_contact_from_sessions(conn, id).await?;
    let deleted = sqlx::query("DELETE FROM contacts WHERE id = ?1")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    if deleted.rows_affected() == 0 {
        return Err(Error::NotFound {
            what: "Der Kontakt".into(),
        });
    }
    remove_rows(conn, SearchKind::Contact, &[id]).await?;
    super::audit::record_audit(conn, &crate::audit::contact_deleted(id), None).await?;
    Ok(())
}

//! SQL for organisations. Every write keeps the search index in the same transaction.

use chrono::{DateTime, Utc};
use sqlx::sqlite::SqliteArguments;
use sqlx::{Row, Sqlite, SqliteConnection};

use super::search::{index_contacts, index_organisation, remove_rows};
use super::write::{Versioned, check_version, timestamp};
use crate::organisation::{ContactsOnDelete, Organisation, OrganisationInput, OrganisationKind};
use crate::search::{SearchKind, sort_key};
use crate::{Error, Result, store::Store};

const SELECT_ORGANISATION: &str = "
    SELECT o.id, o.name, o.kind, o.district_ags, d.name AS district_name, r.name AS region_name,
           o.street, o.postal_code, o.city, o.phone, o.web, o.notes,
           (SELECT COUNT(*) FROM contacts c WHERE c.organisation_id = o.id) AS contact_count,
           o.created_at, o.updated_at, o.version
    FROM organisations o
    LEFT JOIN districts d ON d.ags = o.district_ags
    LEFT JOIN regions r ON r.code = d.region_code";

impl Store {
    pub async fn list_organisations(&self) -> Result<Vec<Organisation>> {
        let sql = format!("{SELECT_ORGANISATION} ORDER BY o.sort_key, o.id");
        Ok(sqlx::query_as::<_, Organisation>(sqlx::AssertSqlSafe(sql))
            .fetch_all(&self.pool)
            .await?)
    }

    pub async fn get_organisation(&self, id: i64) -> Result<Organisation> {
        let sql = format!("{SELECT_ORGANISATION} WHERE o.id = ?1");
        sqlx::query_as::<_, Organisation>(sqlx::AssertSqlSafe(sql))
            .bind(id)
            .fetch_optional(&self.pool)
            .await?
            .ok_or_else(|| Error::NotFound {
                what: "Die Organisation".into(),
            })
    }

    pub async fn create_organisation(
        &self,
        input: OrganisationInput,
        now: DateTime<Utc>,
    ) -> Result<Organisation> {
        let input = input.normalised()?;
        let mut tx = self.begin_write().await?;
        let id = insert_organisation(&mut tx, &input, now).await?;
        tx.commit().await?;
        self.get_organisation(id).await
    }

    pub async fn update_organisation(
        &self,
        id: i64,
        input: OrganisationInput,
        now: DateTime<Utc>,
    ) -> Result<Organisation> {
        let input = input.normalised()?;
        let mut tx = self.begin_write().await?;
        check_version(&mut tx, Versioned::Organisation, id, input.expected_version).await?;
        check_district(&mut tx, input.district_ags.as_deref()).await?;
        let changed = bind_fields(
            sqlx::query(
                "UPDATE organisations SET name = ?1, kind = ?2, district_ags = ?3, street = ?4, postal_code = ?5,
                        city = ?6, phone = ?7, web = ?8, notes = ?9, sort_key = ?10, updated_at = ?11,
                        version = version + 1
                 WHERE id = ?12",
            ),
            &input,
        )
        .bind(timestamp(now))
        .bind(id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if changed == 0 {
            return Err(Error::NotFound {
                what: "Die Organisation".into(),
            });
        }
        index_organisation(&mut tx, id).await?;
        // Contacts are found by their organisation's name too.
        let members: Vec<i64> = sqlx::query_scalar("SELECT id FROM contacts WHERE organisation_id = ?1")
            .bind(id)
            .fetch_all(&mut *tx)
            .await?;
        index_contacts(&mut tx, &members).await?;
        // Sessions are found by their host's name too.
        let hosted = super::session_index::sessions_hosted_by(&mut tx, id).await?;
        super::session_index::index_sessions(&mut tx, &hosted).await?;
        tx.commit().await?;
        self.get_organisation(id).await
    }

    /// Gives many organisations one Kreis (`None`: none) at once, as the user ticked them in the
    /// list: after an import most organisations have no Kreis and setting it one by one would take
    /// an afternoon. All or nothing: an unknown id or Kreis changes no row. Each row's `version`
    /// rises (an open form must reload) and its search row is rebuilt (the Kreis is searchable).
    /// Returns how many organisations were changed.
    pub async fn set_organisation_district(
        &self,
        ids: &[i64],
        ags: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<usize> {
        let mut ids = ids.to_vec();
        ids.sort_unstable();
        ids.dedup();
        if ids.is_empty() {
            return Err(Error::validation(
                "Organisationen",
                "Bitte wählen Sie mindestens eine Organisation aus.",
            ));
        }
        let ags = ags.map(str::trim).filter(|a| !a.is_empty());
        let mut tx = self.begin_write().await?;
        check_district(&mut tx, ags).await?;
        let changed = sqlx::query(
            "UPDATE organisations SET district_ags = ?1, updated_at = ?2, version = version + 1
             WHERE id IN (SELECT value FROM json_each(?3))",
        )
        .bind(ags)
        .bind(timestamp(now))
        .bind(super::json_ids(&ids))
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if usize::try_from(changed).ok() != Some(ids.len()) {
            // Dropping the transaction rolls the rows already changed back.
            return Err(Error::NotFound {
                what: "Mindestens eine der gewählten Organisationen".into(),
            });
        }
        for id in &ids {
            index_organisation(&mut tx, *id).await?;
        }
        tx.commit().await?;
        Ok(ids.len())
    }

    /// Deletes an organisation. With contacts still attached, `Refuse` returns a validation error
    /// that says how many; the UI then asks whether to detach or delete them. Never leaves orphans.
    pub async fn delete_organisation(&self, id: i64, contacts: ContactsOnDelete) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let hosted = super::session_index::sessions_hosted_by(&mut tx, id).await?;
        let members: Vec<i64> = sqlx::query_scalar("SELECT id FROM contacts WHERE organisation_id = ?1")
            .bind(id)
            .fetch_all(&mut *tx)
            .await?;
        match contacts {
            ContactsOnDelete::Refuse if !members.is_empty() => {
                return Err(Error::validation(
                    "Organisation",
                    format!(
                        "Diese Organisation hat noch {}. Bitte wählen Sie: ohne Organisation behalten \
                         oder mitlöschen.",
                        crate::format::count(members.len(), crate::format::Noun::Kontakt)
                    ),
                ));
            }
            ContactsOnDelete::Refuse => {}
            ContactsOnDelete::Detach => {
                // A changed record: a form still showing the organisation must reload.
                sqlx::query(
                    "UPDATE contacts SET organisation_id = NULL, version = version + 1 WHERE organisation_id = ?1",
                )
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
                index_contacts(&mut tx, &members).await?;
            }
            ContactsOnDelete::Delete => {
                // People in minutes stay (German refusal); mere invitations are released.
                for member in &members {
                    super::participants::release_contact_from_sessions(&mut tx, *member).await?;
                }
                // Addresses, numbers and group memberships go with them (ON DELETE CASCADE).
                sqlx::query("DELETE FROM contacts WHERE organisation_id = ?1")
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
                remove_rows(&mut tx, SearchKind::Contact, &members).await?;
            }
        }
        let name: Option<String> = sqlx::query_scalar("SELECT name FROM organisations WHERE id = ?1")
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
        let contacts_deleted = if matches!(contacts, ContactsOnDelete::Delete) {
            members.len()
        } else {
            0
        };
        let deleted = sqlx::query("DELETE FROM organisations WHERE id = ?1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        if deleted.rows_affected() == 0 {
            return Err(Error::NotFound {
                what: "Die Organisation".into(),
            });
        }
        remove_rows(&mut tx, SearchKind::Organisation, &[id]).await?;
        let event =
            crate::audit::organisation_deleted(id, name.as_deref().unwrap_or_default(), contacts_deleted);
        super::audit::record_audit(&mut tx, &event, None).await?;
        // Its sessions keep going without a host (ON DELETE SET NULL); their text loses its name.
        super::session_index::index_sessions(&mut tx, &hosted).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The organisation with exactly this name (case- and umlaut-insensitive), if any.
    pub async fn find_organisation_by_name(&self, name: &str) -> Result<Option<i64>> {
        let mut conn = self.pool.acquire().await?;
        Ok(find_organisation_by_name_in(&mut conn, name)
            .await?
            .map(|(id, _)| id))
    }

    /// Id and name of up to `limit` organisations whose name begins with `reference` (case- and
    /// umlaut-insensitive), in list order.
    pub async fn organisations_starting(&self, reference: &str, limit: u32) -> Result<Vec<(i64, String)>> {
        // Comparing the start with substr, not LIKE: a typed "%" or "_" is a character here.
        Ok(sqlx::query_as(
            "SELECT id, name FROM organisations WHERE substr(sort_key, 1, length(?1)) = ?1
             ORDER BY sort_key, id LIMIT ?2",
        )
        .bind(sort_key(&[reference]))
        .bind(limit)
        .fetch_all(&self.pool)
        .await?)
    }
}

/// Id and stored name of the organisation with this name (folded), the oldest if several.
pub(crate) async fn find_organisation_by_name_in(
    conn: &mut SqliteConnection,
    name: &str,
) -> Result<Option<(i64, String)>> {
    Ok(
        sqlx::query_as("SELECT id, name FROM organisations WHERE sort_key = ?1 ORDER BY id LIMIT 1")
            .bind(sort_key(&[name]))
            .fetch_optional(&mut *conn)
            .await?,
    )
}

async fn check_district(conn: &mut SqliteConnection, ags: Option<&str>) -> Result<()> {
    if let Some(ags) = ags {
        let known: Option<String> = sqlx::query_scalar("SELECT ags FROM districts WHERE ags = ?1")
            .bind(ags)
            .fetch_optional(&mut *conn)
            .await?;
        if known.is_none() {
            return Err(Error::validation(
                "Stadt-/Landkreis",
                format!("„{ags}“ ist kein Stadt- oder Landkreis in Baden-Württemberg."),
            ));
        }
    }
    Ok(())
}

pub(crate) async fn insert_organisation(
    conn: &mut SqliteConnection,
    input: &OrganisationInput,
    now: DateTime<Utc>,
) -> Result<i64> {
    check_district(conn, input.district_ags.as_deref()).await?;
    let stamp = timestamp(now);
    let id: i64 = bind_fields(
        sqlx::query(
            "INSERT INTO organisations (name, kind, district_ags, street, postal_code, city, phone, web, notes,
                                        sort_key, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11) RETURNING id",
        ),
        input,
    )
    .bind(stamp)
    .fetch_one(&mut *conn)
    .await?
    .try_get(0)?;
    index_organisation(conn, id).await?;
    Ok(id)
}

type OrganisationQuery<'q> = sqlx::query::Query<'q, Sqlite, SqliteArguments>;

/// Binds the stored fields as ?1 … ?10 (kind guessed from the name when not chosen; the last one
/// the sort key), in the column order both the INSERT and the UPDATE use.
fn bind_fields<'q>(query: OrganisationQuery<'q>, input: &'q OrganisationInput) -> OrganisationQuery<'q> {
    query
        .bind(&input.name)
        .bind(
            input
                .kind
                .unwrap_or_else(|| OrganisationKind::guess_from_name(&input.name)),
        )
        .bind(&input.district_ags)
        .bind(&input.street)
        .bind(&input.postal_code)
        .bind(&input.city)
        .bind(&input.phone)
        .bind(&input.web)
        .bind(&input.notes)
        .bind(sort_key(&[&input.name]))
}

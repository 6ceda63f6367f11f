//! The search index (FTS5 `search_index`, keyed by `search_keys`) and the one search over all
//! kinds. Writers call the `index_*` functions inside their own transaction; the text itself is
//! built by the builders in [`crate::search`], here only loaded and stored.

use std::collections::HashMap;

use sqlx::{QueryBuilder, Sqlite, SqliteConnection};

use super::json_ids;
use crate::search::{
    ContactWords, OrganisationWords, SearchGroup, SearchHit, SearchKind, SearchResults, contact_text,
    fts_match, matched_words, organisation_text, query_terms, rank_hits,
};
use crate::{Result, Store};

/// How many matches are looked at for each hit shown (bm25 over a short prefix would score tens of
/// thousands of rows per keystroke; a bounded set ordered here is as useful and stays fast).
const CANDIDATES_PER_HIT: i64 = 10;

/// Rows per multi-row INSERT into the index (4 parameters each).
const ROWS_PER_STATEMENT: usize = 500;

impl Store {
    /// Up to `limit_per_kind` hits of every kind for what the user typed, grouped by kind (kinds
    /// without hits are left out). Within a kind, names with a word starting with the typed text
    /// come first, then the rest, each in German order.
    pub async fn search_all(&self, text: &str, limit_per_kind: i64) -> Result<SearchResults> {
        let terms = query_terms(text);
        let mut results = SearchResults {
            terms: terms.clone(),
            groups: Vec::new(),
        };
        let limit = usize::try_from(limit_per_kind).unwrap_or(0);
        if terms.is_empty() || limit == 0 {
            return Ok(results);
        }
        let mut conn = self.pool.acquire().await?;
        for kind in SearchKind::ALL {
            let Some(expression) = fts_match(kind, text) else {
                continue;
            };
            let candidates = limit_per_kind.saturating_mul(CANDIDATES_PER_HIT);
            let rows = shown_lines(&mut conn, kind, &expression, candidates).await?;
            let hits = rows
                .into_iter()
                .map(|(id, label, detail)| SearchHit {
                    kind,
                    id,
                    label,
                    detail,
                    matched: Vec::new(),
                })
                .collect();
            // Matched words only for the hits kept (a tenth of the candidates).
            let mut hits = rank_hits(text, hits, limit);
            for hit in &mut hits {
                hit.matched = matched_words(&[&hit.label, hit.detail.as_deref().unwrap_or_default()], &terms);
            }
            if !hits.is_empty() {
                results.groups.push(SearchGroup {
                    kind,
                    label: kind.label(),
                    hits,
                });
            }
        }
        Ok(results)
    }

    /// The folded text a record is indexed with, if it has a row; for tests and diagnostics.
    pub async fn search_text(&self, kind: SearchKind, id: i64) -> Result<Option<String>> {
        Ok(sqlx::query_scalar(
            "SELECT s.folded FROM search_keys k JOIN search_index s ON s.rowid = k.id
             WHERE k.kind = ?1 AND k.ref_id = ?2",
        )
        .bind(kind)
        .bind(id)
        .fetch_optional(&self.pool)
        .await?)
    }
}

/// Id, label and detail line of up to `candidates` records of `kind` matching `expression`.
/// Each kind says here which of its values a result list shows.
async fn shown_lines(
    conn: &mut SqliteConnection,
    kind: SearchKind,
    expression: &str,
    candidates: i64,
) -> Result<Vec<(i64, String, Option<String>)>> {
    let sql = match kind {
        SearchKind::Contact => {
            "SELECT c.id, concat_ws(' ', c.title, c.first_name, c.last_name),
                    nullif(concat_ws(', ', c.function, o.name), '')
             FROM (SELECT ref_id FROM search_index WHERE search_index MATCH ?1 LIMIT ?2) s
             JOIN contacts c ON c.id = s.ref_id
             LEFT JOIN organisations o ON o.id = c.organisation_id"
        }
        SearchKind::Organisation => {
            "SELECT o.id, o.name, o.city
             FROM (SELECT ref_id FROM search_index WHERE search_index MATCH ?1 LIMIT ?2) s
             JOIN organisations o ON o.id = s.ref_id"
        }
        SearchKind::Session => {
            "SELECT x.id, x.title, strftime('%d.%m.%Y', x.date) || ', ' || x.start_time || ' Uhr'
                    || coalesce(', ' || x.place, '')
             FROM (SELECT ref_id FROM search_index WHERE search_index MATCH ?1 LIMIT ?2) s
             JOIN sessions x ON x.id = s.ref_id"
        }
        SearchKind::AgendaItem => {
            "SELECT a.id, a.title, x.title || ', ' || strftime('%d.%m.%Y', x.date)
             FROM (SELECT ref_id FROM search_index WHERE search_index MATCH ?1 LIMIT ?2) s
             JOIN agenda_items a ON a.id = s.ref_id JOIN sessions x ON x.id = a.session_id"
        }
        SearchKind::Decision => return decision_lines(conn, expression, candidates).await,
        SearchKind::ActionItem => {
            "SELECT a.id, a.what, nullif(concat_ws(', ', a.owner_name,
                    'fällig ' || strftime('%d.%m.%Y', a.due_date), CASE a.status WHEN 'erledigt' THEN 'erledigt' END), '')
             FROM (SELECT ref_id FROM search_index WHERE search_index MATCH ?1 LIMIT ?2) s
             JOIN action_items a ON a.id = s.ref_id"
        }
        SearchKind::Minutes => {
            "SELECT x.id, 'Protokoll: ' || x.title, strftime('%d.%m.%Y', x.date)
             FROM (SELECT ref_id FROM search_index WHERE search_index MATCH ?1 LIMIT ?2) s
             JOIN sessions x ON x.id = s.ref_id"
        }
        SearchKind::Paper => {
            "SELECT p.id, p.title, nullif(concat_ws(', ', h.name, CASE p.status WHEN 'entwurf' THEN 'Entwurf'
                    WHEN 'in_abstimmung' THEN 'in Abstimmung' ELSE p.status END), '')
             FROM (SELECT ref_id FROM search_index WHERE search_index MATCH ?1 LIMIT ?2) s
             JOIN papers p ON p.id = s.ref_id LEFT JOIN handlungsfelder h ON h.id = p.handlungsfeld_id"
        }
    };
    Ok(sqlx::query_as(sql)
        .bind(expression)
        .bind(candidates)
        .fetch_all(&mut *conn)
        .await?)
}

/// Decisions are shown with their printed number, built by the one rule that builds it.
async fn decision_lines(
    conn: &mut SqliteConnection,
    expression: &str,
    candidates: i64,
) -> Result<Vec<(i64, String, Option<String>)>> {
    // (id, number, session ordinal, year, wording, session title)
    type DecisionRow = (i64, i64, Option<i64>, Option<i64>, String, String);
    let rows: Vec<DecisionRow> = sqlx::query_as(
        "SELECT d.id, d.number, m.ordinal, m.year, d.text, x.title
         FROM (SELECT ref_id FROM search_index WHERE search_index MATCH ?1 LIMIT ?2) s
         JOIN decisions d ON d.id = s.ref_id JOIN sessions x ON x.id = d.session_id
         LEFT JOIN minutes m ON m.session_id = d.session_id",
    )
    .bind(expression)
    .bind(candidates)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, number, ordinal, year, text, session)| {
            let label = match (ordinal, year) {
                (Some(o), Some(y)) => crate::minutes::decision_label(o, y, number),
                _ => format!("Beschluss {number}"),
            };
            let short: String = text.chars().take(120).collect();
            (id, label, Some(format!("{short} ({session})")))
        })
        .collect())
}

/// Stores the index rows of records of one kind, replacing rows they had: `(ref_id, folded text)`.
pub(crate) async fn put_rows(
    conn: &mut SqliteConnection,
    kind: SearchKind,
    rows: &[(i64, String)],
) -> Result<()> {
    if rows.is_empty() {
        return Ok(());
    }
    let ref_ids: Vec<i64> = rows.iter().map(|(id, _)| *id).collect();
    let mut keys: HashMap<i64, i64> = sqlx::query_as::<_, (i64, i64)>(
        "SELECT ref_id, id FROM search_keys WHERE kind = ?1 AND ref_id IN (SELECT value FROM json_each(?2))",
    )
    .bind(kind)
    .bind(json_ids(&ref_ids))
    .fetch_all(&mut *conn)
    .await?
    .into_iter()
    .collect();
    if !keys.is_empty() {
        let existing: Vec<i64> = keys.values().copied().collect();
        sqlx::query("DELETE FROM search_index WHERE rowid IN (SELECT value FROM json_each(?1))")
            .bind(json_ids(&existing))
            .execute(&mut *conn)
            .await?;
    }
    let missing: Vec<i64> = ref_ids
        .iter()
        .copied()
        .filter(|id| !keys.contains_key(id))
        .collect();
    if !missing.is_empty() {
        let created: Vec<(i64, i64)> = sqlx::query_as(
            "INSERT INTO search_keys (kind, ref_id) SELECT ?1, value FROM json_each(?2) RETURNING ref_id, id",
        )
        .bind(kind)
        .bind(json_ids(&missing))
        .fetch_all(&mut *conn)
        .await?;
        keys.extend(created);
    }
    for chunk in rows.chunks(ROWS_PER_STATEMENT) {
        let mut q: QueryBuilder<Sqlite> =
            QueryBuilder::new("INSERT INTO search_index (rowid, kind, ref_id, folded) ");
        q.push_values(chunk, |mut row, (ref_id, text)| {
            row.push_bind(keys.get(ref_id).copied())
                .push_bind(kind)
                .push_bind(*ref_id)
                .push_bind(text.clone());
        });
        q.build().execute(&mut *conn).await?;
    }
    Ok(())
}

/// Removes the index rows (and keys) of deleted records.
pub(crate) async fn remove_rows(
    conn: &mut SqliteConnection,
    kind: SearchKind,
    ref_ids: &[i64],
) -> Result<()> {
    if ref_ids.is_empty() {
        return Ok(());
    }
    let list = json_ids(ref_ids);
    sqlx::query(
        "DELETE FROM search_index WHERE rowid IN
            (SELECT id FROM search_keys WHERE kind = ?1 AND ref_id IN (SELECT value FROM json_each(?2)))",
    )
    .bind(kind)
    .bind(&list)
    .execute(&mut *conn)
    .await?;
    sqlx::query("DELETE FROM search_keys WHERE kind = ?1 AND ref_id IN (SELECT value FROM json_each(?2))")
        .bind(kind)
        .bind(&list)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Rebuilds the index rows of these contacts from what is stored (after an update, or when their
/// organisation was renamed or deleted): three queries however many contacts.
pub(crate) async fn index_contacts(conn: &mut SqliteConnection, ids: &[i64]) -> Result<()> {
    if ids.is_empty() {
        return Ok(());
    }
    type Row = (
        i64,
        Option<String>,
        Option<String>,
        String,
        Option<String>,
        Option<String>,
        Option<String>,
    );
    let list = json_ids(ids);
    let contacts: Vec<Row> = sqlx::query_as(
        "SELECT c.id, c.title, c.first_name, c.last_name, c.function, c.city, o.name
         FROM contacts c LEFT JOIN organisations o ON o.id = c.organisation_id
         WHERE c.id IN (SELECT value FROM json_each(?1))",
    )
    .bind(&list)
    .fetch_all(&mut *conn)
    .await?;
    let emails: Vec<(i64, String)> = sqlx::query_as(
        "SELECT contact_id, address FROM contact_emails
         WHERE contact_id IN (SELECT value FROM json_each(?1)) ORDER BY contact_id, position",
    )
    .bind(&list)
    .fetch_all(&mut *conn)
    .await?;
    let groups: Vec<(i64, String)> = sqlx::query_as(
        "SELECT cg.contact_id, g.name FROM contact_groups cg JOIN groups g ON g.id = cg.group_id
         WHERE cg.contact_id IN (SELECT value FROM json_each(?1)) ORDER BY cg.contact_id, g.name",
    )
    .bind(&list)
    .fetch_all(&mut *conn)
    .await?;
    let (emails, groups) = (by_contact(&emails), by_contact(&groups));
    let rows: Vec<(i64, String)> = contacts
        .iter()
        .map(
            |(id, title, first_name, last_name, function, city, organisation)| {
                let text = contact_text(&ContactWords {
                    title: title.as_deref(),
                    first_name: first_name.as_deref(),
                    last_name,
                    function: function.as_deref(),
                    city: city.as_deref(),
                    organisation: organisation.as_deref(),
                    emails: emails.get(id).map(Vec::as_slice).unwrap_or_default(),
                    groups: groups.get(id).map(Vec::as_slice).unwrap_or_default(),
                });
                (*id, text)
            },
        )
        .collect();
    put_rows(conn, SearchKind::Contact, &rows).await
}

/// Values of several contacts, by contact id (in the order given).
fn by_contact(pairs: &[(i64, String)]) -> HashMap<i64, Vec<&str>> {
    let mut map: HashMap<i64, Vec<&str>> = HashMap::new();
    for (id, value) in pairs {
        map.entry(*id).or_default().push(value);
    }
    map
}

/// Rebuilds an organisation's index row from what is stored.
pub(crate) async fn index_organisation(conn: &mut SqliteConnection, id: i64) -> Result<()> {
    let row: Option<(String, Option<String>, Option<String>)> = sqlx::query_as(
        "SELECT o.name, o.city, d.name FROM organisations o LEFT JOIN districts d ON d.ags = o.district_ags
         WHERE o.id = ?1",
    )
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?;
    match row {
        Some((name, city, district)) => {
            let text = organisation_text(&OrganisationWords {
                name: &name,
                city: city.as_deref(),
                district: district.as_deref(),
            });
            put_rows(conn, SearchKind::Organisation, &[(id, text)]).await
        }
        None => remove_rows(conn, SearchKind::Organisation, &[id]).await,
    }
}

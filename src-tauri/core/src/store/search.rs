//! The search index (FTS5 `search_index`, keyed by `search_keys`) and the one search over all
//! kinds. Writers call the `index_*` functions inside their own transaction; the text itself is
//! built by the builders in [`crate::search`], here only loaded and stored.

use std::collections::HashMap;

use sqlx::SqliteConnection;

use super::json_ids;
use crate::search::{
    ContactWords, OrganisationWords, SearchGroup, SearchHit, SearchKind, SearchResults, contact_text,
    fts_match, matched_words, organisation_text, query_terms, rank_hits,
};
use crate::{Result, store::Store};

/// How many matches are looked at for each hit shown (bm25 over a short prefix would score tens of
/// thousands of rows per keystroke; a bounded set ordered here is as useful and stays fast).
const CANDIDATES_PER_HIT: i64 = 10;

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
        let candidates = limit_per_kind.saturating_mul(CANDIDATES_PER_HIT);
        let mut by_kind = candidate_lines(&mut conn, text, candidates).await?;
        for kind in SearchKind::ALL {
            let lines = by_kind.remove(&kind).unwrap_or_default();
            let hits = lines
                .into_iter()
                .map(|line| SearchHit {
                    kind,
                    id: line.id,
                    label: line.label,
                    detail: line.detail,
                    matched: Vec::new(),
                    session_id: line.session_id,
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

/// What a result list shows of one candidate record.
struct Line {
    id: i64,
    label: String,
    detail: Option<String>,
    /// The session the record belongs to (sessions, minutes, TOPs, decisions, action items).
    session_id: Option<i64>,
}

/// One row per keystroke: up to `?9` candidates of every kind (`?1`…`?8` are the kinds' MATCH
/// expressions in [`SearchKind::ALL`] order), each kind's candidates as one JSON array
/// `[[id, label, detail, session id], …]` (decisions: `[id, number, ordinal, year, wording,
/// session title, session id]`, their label is built by the one rule in `minutes.rs`).
///
/// Why one statement of JSON arrays: sqlx hands every row from its SQLite thread to the caller
/// as a message of its own, which cost about 20 µs a row, and every statement a round trip.
/// Eight statements of up to 200 rows each took 8–11 ms of CPU per keystroke over 100,000
/// contacts and 2,000 sessions; the MATCH lookups themselves take well under 1 ms
/// (`examples/bench_search.rs`).
const CANDIDATES_SQL: &str = "
SELECT
 (SELECT json_group_array(json_array(c.id, concat_ws(' ', c.title, c.first_name, c.last_name),
         nullif(concat_ws(', ', c.function, o.name), ''), NULL))
  FROM (SELECT ref_id FROM search_index WHERE search_index MATCH ?1 LIMIT ?9) s
  JOIN contacts c ON c.id = s.ref_id LEFT JOIN organisations o ON o.id = c.organisation_id),
 (SELECT json_group_array(json_array(o.id, o.name, o.city, NULL))
  FROM (SELECT ref_id FROM search_index WHERE search_index MATCH ?2 LIMIT ?9) s
  JOIN organisations o ON o.id = s.ref_id),
 (SELECT json_group_array(json_array(x.id, x.title,
         strftime('%d.%m.%Y', x.date) || ', ' || x.start_time || ' Uhr' || coalesce(', ' || x.place, ''), x.id))
  FROM (SELECT ref_id FROM search_index WHERE search_index MATCH ?3 LIMIT ?9) s
  JOIN sessions x ON x.id = s.ref_id),
 (SELECT json_group_array(json_array(a.id, a.title, x.title || ', ' || strftime('%d.%m.%Y', x.date), a.session_id))
  FROM (SELECT ref_id FROM search_index WHERE search_index MATCH ?4 LIMIT ?9) s
  JOIN agenda_items a ON a.id = s.ref_id JOIN sessions x ON x.id = a.session_id),
 (SELECT json_group_array(json_array(d.id, d.number, m.ordinal, m.year, d.text, x.title, d.session_id))
  FROM (SELECT ref_id FROM search_index WHERE search_index MATCH ?5 LIMIT ?9) s
  JOIN decisions d ON d.id = s.ref_id JOIN sessions x ON x.id = d.session_id
  LEFT JOIN minutes m ON m.session_id = d.session_id),
 (SELECT json_group_array(json_array(a.id, a.what, nullif(concat_ws(', ', a.owner_name,
         'fällig ' || strftime('%d.%m.%Y', a.due_date), CASE a.status WHEN 'erledigt' THEN 'erledigt' END), ''),
         a.session_id))
  FROM (SELECT ref_id FROM search_index WHERE search_index MATCH ?6 LIMIT ?9) s
  JOIN action_items a ON a.id = s.ref_id),
 (SELECT json_group_array(json_array(x.id, 'Protokoll: ' || x.title, strftime('%d.%m.%Y', x.date), x.id))
  FROM (SELECT ref_id FROM search_index WHERE search_index MATCH ?7 LIMIT ?9) s
  JOIN sessions x ON x.id = s.ref_id),
 (SELECT json_group_array(json_array(p.id, p.title, nullif(concat_ws(', ', h.name, CASE p.status
         WHEN 'entwurf' THEN 'Entwurf' WHEN 'in_abstimmung' THEN 'in Abstimmung' ELSE p.status END), ''), NULL))
  FROM (SELECT ref_id FROM search_index WHERE search_index MATCH ?8 LIMIT ?9) s
  JOIN papers p ON p.id = s.ref_id LEFT JOIN handlungsfelder h ON h.id = p.handlungsfeld_id)";

/// Up to `candidates` lines of every kind matching what was typed, by kind.
async fn candidate_lines(
    conn: &mut SqliteConnection,
    typed: &str,
    candidates: i64,
) -> Result<HashMap<SearchKind, Vec<Line>>> {
    let mut query =
        sqlx::query_as::<_, (String, String, String, String, String, String, String, String)>(CANDIDATES_SQL);
    for kind in SearchKind::ALL {
        // With no searchable word no kind is asked (search_all returns before); an empty
        // expression would be an FTS syntax error, so this cannot be reached with None.
        query = query.bind(fts_match(kind, typed).unwrap_or_default());
    }
    let row = query.bind(candidates).fetch_one(&mut *conn).await?;
    let columns = [row.0, row.1, row.2, row.3, row.4, row.5, row.6, row.7];
    let mut out = HashMap::new();
    for (kind, json) in SearchKind::ALL.into_iter().zip(columns) {
        let lines = match kind {
            SearchKind::Decision => decision_lines(&json)?,
            SearchKind::Contact
            | SearchKind::Organisation
            | SearchKind::Session
            | SearchKind::AgendaItem
            | SearchKind::ActionItem
            | SearchKind::Minutes
            | SearchKind::Paper => {
                serde_json::from_str::<Vec<(i64, String, Option<String>, Option<i64>)>>(&json)
                    .map_err(broken_json)?
                    .into_iter()
                    .map(|(id, label, detail, session_id)| Line {
                        id,
                        label,
                        detail,
                        session_id,
                    })
                    .collect()
            }
        };
        out.insert(kind, lines);
    }
    Ok(out)
}

/// Decisions are shown with their printed number, built by the one rule that builds it.
fn decision_lines(json: &str) -> Result<Vec<Line>> {
    // (id, number, session ordinal, year, wording, session title, session id)
    type DecisionRow = (i64, i64, Option<i64>, Option<i64>, String, String, i64);
    let rows: Vec<DecisionRow> = serde_json::from_str(json).map_err(broken_json)?;
    Ok(rows
        .into_iter()
        .map(|(id, number, ordinal, year, text, session, session_id)| {
            let label = match (ordinal, year) {
                (Some(o), Some(y)) => crate::minutes::decision_label(o, y, number),
                _ => format!("Beschluss {number}"),
            };
            let short: String = text.chars().take(120).collect();
            Line {
                id,
                label,
                detail: Some(format!("{short} ({session})")),
                session_id: Some(session_id),
            }
        })
        .collect())
}

/// The JSON is built by SQLite from our own columns; failing to read it back is a defect.
fn broken_json(e: serde_json::Error) -> crate::Error {
    crate::Error::Database(format!("Suchergebnis nicht lesbar: {e}"))
}

/// Stores the index rows of records of one kind, replacing rows they had: `(ref_id, folded text)`.
///
/// Three statements however many records, none returning rows: the ids and texts go in as one
/// JSON array each, and SQLite joins them with `search_keys` itself. Why: sqlx hands every
/// returned row over as a message of its own (about 20 µs each, see `CANDIDATES_SQL`); reading
/// the new keys back with `RETURNING` cost 10,000 such rows on an import of 10,000 contacts, about
/// 200 ms of the 430 ms `examples/bench_contacts.rs` measured for the whole import.
pub(crate) async fn put_rows(
    conn: &mut SqliteConnection,
    kind: SearchKind,
    rows: &[(i64, String)],
) -> Result<()> {
    if rows.is_empty() {
        return Ok(());
    }
    let ref_ids: Vec<i64> = rows.iter().map(|(id, _)| *id).collect();
    let ids = json_ids(&ref_ids);
    // The old row of a record that has one (an update; none for new records).
    sqlx::query(
        "DELETE FROM search_index WHERE rowid IN
            (SELECT id FROM search_keys WHERE kind = ?1 AND ref_id IN (SELECT value FROM json_each(?2)))",
    )
    .bind(kind)
    .bind(&ids)
    .execute(&mut *conn)
    .await?;
    // A key for every record that has none yet (`WHERE true` parses the upsert after a SELECT).
    sqlx::query(
        "INSERT INTO search_keys (kind, ref_id) SELECT ?1, value FROM json_each(?2) WHERE true
         ON CONFLICT (kind, ref_id) DO NOTHING",
    )
    .bind(kind)
    .bind(&ids)
    .execute(&mut *conn)
    .await?;
    let texts = serde_json::to_string(rows)
        .map_err(|e| crate::Error::Database(format!("Suchtext nicht schreibbar: {e}")))?;
    // The key's id is the FTS rowid. CROSS JOIN keeps the JSON the outer loop (one key lookup per
    // row); rowids in ascending order append to the index's doclists.
    sqlx::query(
        "INSERT INTO search_index (rowid, kind, ref_id, folded)
         SELECT k.id, k.kind, k.ref_id, r.value ->> 1
         FROM json_each(?2) AS r CROSS JOIN search_keys AS k ON k.kind = ?1 AND k.ref_id = r.value ->> 0
         ORDER BY k.id",
    )
    .bind(kind)
    .bind(texts)
    .execute(&mut *conn)
    .await?;
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

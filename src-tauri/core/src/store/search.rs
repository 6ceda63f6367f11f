//! The one search box: contacts and organisations by prefix, insensitive to case and umlauts.

use serde::Serialize;

use crate::search::{fold, fts_query};
use crate::{Result, Store};

/// How many matches are looked at for each hit shown.
const CANDIDATES_PER_HIT: i64 = 10;

/// One search result: what it is, its id, and the two lines the result list shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct SearchHit {
    /// "contact" or "organisation"
    pub kind: String,
    pub id: i64,
    pub label: String,
    pub detail: Option<String>,
}

impl Store {
    /// Up to `limit` hits for what the user typed: names starting with it first, then the rest,
    /// each group alphabetically.
    pub async fn search(&self, text: &str, limit: i64) -> Result<Vec<SearchHit>> {
        let Some(query) = fts_query(text) else {
            return Ok(Vec::new());
        };
        // FTS5's bm25 ranking scores every match, which for a short prefix over 100,000 contacts
        // means tens of thousands of rows per keystroke. Instead take a bounded set of matches
        // and order those here.
        let mut hits = sqlx::query_as::<_, SearchHit>(
            "SELECT s.kind, s.ref_id AS id,
                    CASE s.kind WHEN 'contact' THEN concat_ws(' ', c.title, c.first_name, c.last_name)
                                ELSE o.name END AS label,
                    CASE s.kind WHEN 'contact' THEN concat_ws(', ', c.function, co.name)
                                ELSE o.city END AS detail
             FROM search_index s
             LEFT JOIN contacts c ON s.kind = 'contact' AND c.id = s.ref_id
             LEFT JOIN organisations co ON co.id = c.organisation_id
             LEFT JOIN organisations o ON s.kind = 'organisation' AND o.id = s.ref_id
             WHERE search_index MATCH ?1
             LIMIT ?2",
        )
        .bind(format!("folded : {query}"))
        .bind(limit.saturating_mul(CANDIDATES_PER_HIT))
        .fetch_all(&self.pool)
        .await?;
        let typed = fold(text.trim());
        let mut keyed: Vec<(bool, String, SearchHit)> = hits
            .drain(..)
            .map(|h| {
                let label = fold(&h.label);
                let starts = label.split(' ').any(|w| w.starts_with(&typed)) || label.starts_with(&typed);
                (!starts, label, h)
            })
            .collect();
        keyed.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
        let limit = usize::try_from(limit).unwrap_or(0);
        Ok(keyed.into_iter().take(limit).map(|(_, _, h)| h).collect())
    }
}

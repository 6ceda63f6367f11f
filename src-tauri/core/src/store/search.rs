//! The one search box: contacts and organisations by prefix, insensitive to case and umlauts.

use serde::Serialize;

use crate::search::fts_query;
use crate::{Result, Store};

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
    /// Up to `limit` hits for what the user typed, best matches first.
    pub async fn search(&self, text: &str, limit: i64) -> Result<Vec<SearchHit>> {
        let Some(query) = fts_query(text) else {
            return Ok(Vec::new());
        };
        Ok(sqlx::query_as::<_, SearchHit>(
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
             ORDER BY rank
             LIMIT ?2",
        )
        .bind(format!("folded : {query}"))
        .bind(limit)
        .fetch_all(&self.pool)
        .await?)
    }
}

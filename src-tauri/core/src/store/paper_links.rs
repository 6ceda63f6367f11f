//! SQL for the links between concept papers and the sessions/TOPs where they were discussed. One
//! table, read from both sides: the paper lists its sessions, a session lists its papers. Where a
//! link may be made is decided in `usecase::papers::link_paper`.

use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use super::paper_record::mark_updated;
use super::write::timestamp;
use crate::paper::{DecisionChoice, PaperLink, decision_label};
use crate::{Error, Result, store::Store};

const SELECT_LINK: &str = "
    SELECT l.id, l.paper_id, p.title AS paper_title, p.status AS paper_status, l.session_id,
           s.title AS session_title, s.date AS session_date, l.agenda_item_id, a.title AS agenda_item_title
    FROM paper_links l
    JOIN papers p ON p.id = l.paper_id
    JOIN sessions s ON s.id = l.session_id
    LEFT JOIN agenda_items a ON a.id = l.agenda_item_id";

impl Store {
    /// Removes one link (by its id).
    pub async fn unlink_paper(&self, link_id: i64, now: DateTime<Utc>) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let link = load_link(&mut tx, link_id).await?;
        sqlx::query("DELETE FROM paper_links WHERE id = ?1")
            .bind(link_id)
            .execute(&mut *tx)
            .await?;
        mark_updated(&mut tx, link.paper_id, now).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The papers linked to a session or to any of its TOPs, in agenda order (session-wide links
    /// first), for the session's screens and the dossier.
    pub async fn list_papers_for_session(&self, session_id: i64) -> Result<Vec<PaperLink>> {
        let sql = format!(
            "{SELECT_LINK} WHERE l.session_id = ?1
             ORDER BY l.agenda_item_id IS NOT NULL, coalesce(a.parent_id, a.id), a.parent_id IS NOT NULL, a.position, l.id"
        );
        Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(session_id)
            .fetch_all(&self.pool)
            .await?)
    }
}

impl Store {
    /// The decisions a paper may be adopted by: those of sessions the paper is linked to first
    /// (on a linked TOP before others), then every other decision, latest session first; at most
    /// `MAX_DECISION_CHOICES`.
    pub async fn list_decisions_for_paper(&self, paper_id: i64) -> Result<Vec<DecisionChoice>> {
        type Row = (
            i64,
            i64,
            Option<i64>,
            Option<i64>,
            String,
            i64,
            String,
            String,
            bool,
        );
        let rows: Vec<Row> = sqlx::query_as(
            "SELECT d.id, d.number, m.ordinal, m.year, d.text, s.id, s.title, s.date,
                    EXISTS (SELECT 1 FROM paper_links l WHERE l.paper_id = ?1 AND l.session_id = d.session_id
                            AND (l.agenda_item_id IS NULL OR l.agenda_item_id = d.agenda_item_id)) AS linked
             FROM decisions d JOIN sessions s ON s.id = d.session_id LEFT JOIN minutes m ON m.session_id = d.session_id
             ORDER BY linked DESC, s.date DESC, s.start_time DESC, d.number
             LIMIT ?2",
        )
        .bind(paper_id)
        .bind(MAX_DECISION_CHOICES)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(
                |(id, number, ordinal, year, text, session_id, session_title, session_date, linked)| {
                    DecisionChoice {
                        id,
                        label: decision_label(ordinal, year, number),
                        text,
                        session_id,
                        session_title,
                        session_date,
                        linked,
                    }
                },
            )
            .collect())
    }
}

/// Most decisions offered at once (a network makes a few dozen a year).
const MAX_DECISION_CHOICES: i64 = 500;

/// The sessions and TOPs a paper is linked to, latest session first.
pub(crate) async fn links_of_paper(conn: &mut SqliteConnection, paper_id: i64) -> Result<Vec<PaperLink>> {
    let sql = format!("{SELECT_LINK} WHERE l.paper_id = ?1 ORDER BY s.date DESC, s.start_time DESC, l.id");
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(paper_id)
        .fetch_all(&mut *conn)
        .await?)
}

pub(crate) async fn load_link(conn: &mut SqliteConnection, id: i64) -> Result<PaperLink> {
    let sql = format!("{SELECT_LINK} WHERE l.id = ?1");
    sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or_else(|| Error::NotFound {
            what: "Die Verknüpfung".into(),
        })
}

/// The session of TOP `agenda_item_id` (`None`: no such TOP).
pub(crate) async fn session_of_agenda_item(
    conn: &mut SqliteConnection,
    agenda_item_id: i64,
) -> Result<Option<i64>> {
    Ok(
        sqlx::query_scalar("SELECT session_id FROM agenda_items WHERE id = ?1")
            .bind(agenda_item_id)
            .fetch_optional(&mut *conn)
            .await?,
    )
}

/// Whether session `id` exists.
pub(crate) async fn session_exists(conn: &mut SqliteConnection, id: i64) -> Result<bool> {
    let found: Option<i64> = sqlx::query_scalar("SELECT id FROM sessions WHERE id = ?1")
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(found.is_some())
}

/// Whether the paper is linked to this session and TOP (or to the session as a whole) already.
pub(crate) async fn link_exists(
    conn: &mut SqliteConnection,
    paper_id: i64,
    session_id: i64,
    agenda_item_id: Option<i64>,
) -> Result<bool> {
    let found: Option<i64> = sqlx::query_scalar(
        "SELECT id FROM paper_links WHERE paper_id = ?1 AND session_id = ?2
         AND coalesce(agenda_item_id, 0) = coalesce(?3, 0)",
    )
    .bind(paper_id)
    .bind(session_id)
    .bind(agenda_item_id)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(found.is_some())
}

pub(crate) async fn insert_link(
    conn: &mut SqliteConnection,
    paper_id: i64,
    session_id: i64,
    agenda_item_id: Option<i64>,
    now: DateTime<Utc>,
) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "INSERT INTO paper_links (paper_id, session_id, agenda_item_id, created_at) VALUES (?1, ?2, ?3, ?4)
         RETURNING id",
    )
    .bind(paper_id)
    .bind(session_id)
    .bind(agenda_item_id)
    .bind(timestamp(now))
    .fetch_one(&mut *conn)
    .await?)
}

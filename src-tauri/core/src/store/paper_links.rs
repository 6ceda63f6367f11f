//! SQL for the links between concept papers and the sessions/TOPs where they were discussed. One
//! table, read from both sides: the paper lists its sessions, a session lists its papers.

use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use super::papers::{load_paper, touch_paper};
use super::write::timestamp;
use crate::paper::{LinkTarget, PaperLink};
use crate::{Error, Result, Store};

const SELECT_LINK: &str = "
    SELECT l.id, l.paper_id, p.title AS paper_title, p.status AS paper_status, l.session_id,
           s.title AS session_title, s.date AS session_date, l.agenda_item_id, a.title AS agenda_item_title
    FROM paper_links l
    JOIN papers p ON p.id = l.paper_id
    JOIN sessions s ON s.id = l.session_id
    LEFT JOIN agenda_items a ON a.id = l.agenda_item_id";

impl Store {
    /// Links a paper to a session or to a TOP (then to the TOP's session). Linking twice to the
    /// same place is refused in German. Links may be made in any status: an adopted paper is still
    /// presented in later sessions.
    pub async fn link_paper(
        &self,
        paper_id: i64,
        target: LinkTarget,
        now: DateTime<Utc>,
    ) -> Result<PaperLink> {
        let mut tx = self.begin_write().await?;
        load_paper(&mut tx, paper_id).await?;
        let session_id = match (target.agenda_item_id, target.session_id) {
            (Some(item), session) => {
                let owner: Option<i64> =
                    sqlx::query_scalar("SELECT session_id FROM agenda_items WHERE id = ?1")
                        .bind(item)
                        .fetch_optional(&mut *tx)
                        .await?;
                match owner {
                    Some(owner) if session.is_none_or(|s| s == owner) => owner,
                    _ => {
                        return Err(Error::NotFound {
                            what: "Der Tagesordnungspunkt".into(),
                        });
                    }
                }
            }
            (None, Some(session)) => {
                let exists: Option<i64> = sqlx::query_scalar("SELECT id FROM sessions WHERE id = ?1")
                    .bind(session)
                    .fetch_optional(&mut *tx)
                    .await?;
                exists.ok_or_else(|| Error::NotFound {
                    what: "Die Sitzung".into(),
                })?
            }
            (None, None) => {
                return Err(Error::validation(
                    "Sitzung",
                    "Bitte wählen Sie eine Sitzung oder einen Tagesordnungspunkt.",
                ));
            }
        };
        let duplicate: Option<i64> = sqlx::query_scalar(
            "SELECT id FROM paper_links WHERE paper_id = ?1 AND session_id = ?2
             AND coalesce(agenda_item_id, 0) = coalesce(?3, 0)",
        )
        .bind(paper_id)
        .bind(session_id)
        .bind(target.agenda_item_id)
        .fetch_optional(&mut *tx)
        .await?;
        if duplicate.is_some() {
            return Err(Error::validation(
                "Sitzung",
                "Das Konzeptpapier ist hier schon verknüpft.",
            ));
        }
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO paper_links (paper_id, session_id, agenda_item_id, created_at) VALUES (?1, ?2, ?3, ?4)
             RETURNING id",
        )
        .bind(paper_id)
        .bind(session_id)
        .bind(target.agenda_item_id)
        .bind(timestamp(now))
        .fetch_one(&mut *tx)
        .await?;
        touch_paper(&mut tx, paper_id, now).await?;
        let link = load_link(&mut tx, id).await?;
        tx.commit().await?;
        Ok(link)
    }

    /// Removes one link (by its id).
    pub async fn unlink_paper(&self, link_id: i64, now: DateTime<Utc>) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let link = load_link(&mut tx, link_id).await?;
        sqlx::query("DELETE FROM paper_links WHERE id = ?1")
            .bind(link_id)
            .execute(&mut *tx)
            .await?;
        touch_paper(&mut tx, link.paper_id, now).await?;
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

/// The sessions and TOPs a paper is linked to, latest session first.
pub(crate) async fn links_of_paper(conn: &mut SqliteConnection, paper_id: i64) -> Result<Vec<PaperLink>> {
    let sql = format!("{SELECT_LINK} WHERE l.paper_id = ?1 ORDER BY s.date DESC, s.start_time DESC, l.id");
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(paper_id)
        .fetch_all(&mut *conn)
        .await?)
}

async fn load_link(conn: &mut SqliteConnection, id: i64) -> Result<PaperLink> {
    let sql = format!("{SELECT_LINK} WHERE l.id = ?1");
    sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or_else(|| Error::NotFound {
            what: "Die Verknüpfung".into(),
        })
}

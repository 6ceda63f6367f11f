//! Search rows of a session and everything in it (the session, its TOPs, decisions, action items
//! and minutes). Any write inside a session rebuilds the rows of that one session from what is
//! stored, in the write's own transaction: a session holds tens of items, so rebuilding all of
//! them costs less than tracking which one changed, and the text of each kind is still built only
//! by its builder in `crate::search`.

use sqlx::SqliteConnection;

use super::search::{put_rows, remove_rows};
use crate::Result;
use crate::minutes::decision_label;
use crate::search::{
    ActionItemWords, AgendaItemWords, DecisionWords, MinutesWords, SearchKind, SessionWords,
    action_item_text, agenda_item_text, decision_text, minutes_text, session_text,
};

/// Rebuilds the search rows of session `id` and of everything in it.
pub(crate) async fn index_session_tree(conn: &mut SqliteConnection, id: i64) -> Result<()> {
    let session: Option<(String, String, Option<String>, Option<String>)> = sqlx::query_as(
        "SELECT s.title, s.date, s.place, o.name FROM sessions s
         LEFT JOIN organisations o ON o.id = s.host_organisation_id WHERE s.id = ?1",
    )
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?;
    let Some((title, date, place, host)) = session else {
        return Ok(());
    };
    let items: Vec<(i64, String, Option<String>, Option<String>)> = sqlx::query_as(
        "SELECT id, title, description, discussion FROM agenda_items WHERE session_id = ?1
         ORDER BY parent_id IS NOT NULL, position, id",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    let agenda_titles: Vec<&str> = items.iter().map(|i| i.1.as_str()).collect();
    let text = session_text(&SessionWords {
        title: &title,
        date: &date,
        place: place.as_deref(),
        host: host.as_deref(),
        agenda_titles: &agenda_titles,
    });
    put_rows(conn, SearchKind::Session, &[(id, text)]).await?;

    let rows: Vec<(i64, String)> = items
        .iter()
        .map(|(item_id, t, description, _)| {
            let text = agenda_item_text(&AgendaItemWords {
                title: t,
                description: description.as_deref(),
                session_title: &title,
            });
            (*item_id, text)
        })
        .collect();
    put_rows(conn, SearchKind::AgendaItem, &rows).await?;

    let minutes: Option<(i64, i64, Option<String>)> =
        sqlx::query_as("SELECT year, ordinal, minute_taker_name FROM minutes WHERE session_id = ?1")
            .bind(id)
            .fetch_optional(&mut *conn)
            .await?;
    let decisions: Vec<(i64, i64, String)> =
        sqlx::query_as("SELECT id, number, text FROM decisions WHERE session_id = ?1")
            .bind(id)
            .fetch_all(&mut *conn)
            .await?;
    let rows: Vec<(i64, String)> = decisions
        .iter()
        .map(|(decision_id, number, t)| {
            let label = minutes
                .as_ref()
                .map(|(year, ordinal, _)| decision_label(*ordinal, *year, *number))
                .unwrap_or_default();
            (
                *decision_id,
                decision_text(&DecisionWords {
                    label: &label,
                    text: t,
                }),
            )
        })
        .collect();
    put_rows(conn, SearchKind::Decision, &rows).await?;

    let actions: Vec<(i64, String, Option<String>)> =
        sqlx::query_as("SELECT id, what, owner_name FROM action_items WHERE session_id = ?1")
            .bind(id)
            .fetch_all(&mut *conn)
            .await?;
    let rows: Vec<(i64, String)> = actions
        .iter()
        .map(|(action_id, what, owner)| {
            (
                *action_id,
                action_item_text(&ActionItemWords {
                    what,
                    owner: owner.as_deref(),
                }),
            )
        })
        .collect();
    put_rows(conn, SearchKind::ActionItem, &rows).await?;

    if let Some((_, _, taker)) = &minutes {
        let addenda: Vec<String> = sqlx::query_scalar(
            "SELECT reason || ' ' || text FROM minutes_addenda WHERE session_id = ?1 ORDER BY id",
        )
        .bind(id)
        .fetch_all(&mut *conn)
        .await?;
        let discussions: Vec<&str> = items.iter().filter_map(|i| i.3.as_deref()).collect();
        let addenda: Vec<&str> = addenda.iter().map(String::as_str).collect();
        let text = minutes_text(&MinutesWords {
            session_title: &title,
            minute_taker: taker.as_deref(),
            discussions: &discussions,
            addenda: &addenda,
        });
        put_rows(conn, SearchKind::Minutes, &[(id, text)]).await?;
    } else {
        remove_rows(conn, SearchKind::Minutes, &[id]).await?;
    }
    Ok(())
}

/// Removes the search rows of session `id` and everything in it (before it is deleted).
pub(crate) async fn remove_session_tree(conn: &mut SqliteConnection, id: i64) -> Result<()> {
    for (kind, sql) in [
        (
            SearchKind::AgendaItem,
            "SELECT id FROM agenda_items WHERE session_id = ?1",
        ),
        (
            SearchKind::Decision,
            "SELECT id FROM decisions WHERE session_id = ?1",
        ),
        (
            SearchKind::ActionItem,
            "SELECT id FROM action_items WHERE session_id = ?1",
        ),
    ] {
        let ids: Vec<i64> = sqlx::query_scalar(sql).bind(id).fetch_all(&mut *conn).await?;
        remove_rows(conn, kind, &ids).await?;
    }
    remove_rows(conn, SearchKind::Minutes, &[id]).await?;
    remove_rows(conn, SearchKind::Session, &[id]).await
}

/// The sessions an organisation hosts (their search text holds the host's name).
pub(crate) async fn sessions_hosted_by(
    conn: &mut SqliteConnection,
    organisation_id: i64,
) -> Result<Vec<i64>> {
    Ok(
        sqlx::query_scalar("SELECT id FROM sessions WHERE host_organisation_id = ?1")
            .bind(organisation_id)
            .fetch_all(&mut *conn)
            .await?,
    )
}

/// Rebuilds the search rows of these sessions (after their host was renamed or deleted).
pub(crate) async fn index_sessions(conn: &mut SqliteConnection, ids: &[i64]) -> Result<()> {
    for id in ids {
        index_session_tree(conn, *id).await?;
    }
    Ok(())
}

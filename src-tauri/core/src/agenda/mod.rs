//! Tagesordnung: TOPs with one level of sub-items (TOP 3.1). The numbering, the running clock
//! times (14:00, 14:20 …) and what a move (up, down, indent, outdent) does to the order are plain
//! functions here, tested without a database; `store/agenda.rs` loads the session's items, calls
//! them inside its transaction and writes the new places.

use chrono::{NaiveTime, TimeDelta};
use serde::{Deserialize, Serialize};

use crate::limits::{TEXT as MAX_TEXT, TITLE as MAX_TITLE, require_length as check_length};
use crate::{Error, Result};

/// Where an item stands: under which parent (None = top level) and at which place among its
/// siblings (0-based).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placement {
    pub id: i64,
    pub parent_id: Option<i64>,
    pub position: i64,
}

/// What the keyboard and the mouse can do to a TOP.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AgendaMove {
    /// One place up among its siblings.
    Up,
    /// One place down among its siblings.
    Down,
    /// Becomes the last sub-item of the TOP above it (TOP 3 → TOP 2.1).
    Indent,
    /// A sub-item becomes a TOP of its own, right after its parent (TOP 2.1 → TOP 3).
    Outdent,
}

/// The items in reading order: each top-level item followed by its sub-items.
pub fn reading_order(items: &[Placement]) -> Vec<Placement> {
    let mut top: Vec<Placement> = items.iter().copied().filter(|p| p.parent_id.is_none()).collect();
    top.sort_by_key(|p| (p.position, p.id));
    let mut out = Vec::with_capacity(items.len());
    for parent in top {
        out.push(parent);
        let mut children: Vec<Placement> = items
            .iter()
            .copied()
            .filter(|p| p.parent_id == Some(parent.id))
            .collect();
        children.sort_by_key(|p| (p.position, p.id));
        out.extend(children);
    }
    out
}

/// The numbers as printed: "1", "2", "2.1", "2.2", "3" (in reading order, by id).
pub fn numbers(items: &[Placement]) -> Vec<(i64, String)> {
    let mut out = Vec::with_capacity(items.len());
    let (mut top, mut sub) = (0, 0);
    for p in reading_order(items) {
        if p.parent_id.is_none() {
            top += 1;
            sub = 0;
            out.push((p.id, top.to_string()));
        } else {
            sub += 1;
            out.push((p.id, format!("{top}.{sub}")));
        }
    }
    out
}

/// Running clock times: each item starts when everything before it in reading order is over.
/// `minutes` are the planned minutes per id (missing = 0: the item takes no time of its own, as a
/// TOP that only groups its sub-items). Times past midnight stop at 23:59 rather than wrap.
pub fn clock_times(
    start: NaiveTime,
    items: &[Placement],
    minutes: &dyn Fn(i64) -> Option<i64>,
) -> Vec<(i64, NaiveTime)> {
    let end_of_day = NaiveTime::from_hms_opt(23, 59, 0).unwrap_or(start);
    let mut at = start;
    let mut out = Vec::with_capacity(items.len());
    for p in reading_order(items) {
        out.push((p.id, at));
        let m = minutes(p.id).unwrap_or(0).max(0);
        let (next, wrapped) = at.overflowing_add_signed(TimeDelta::minutes(m));
        at = if wrapped != 0 || next < at {
            end_of_day
        } else {
            next
        };
    }
    out
}

/// Applies a move to the whole agenda and returns every item's new placement (positions
/// renumbered 0, 1, 2 … per parent), or a German message when the move is not possible.
pub fn apply_move(items: &[Placement], id: i64, how: AgendaMove) -> Result<Vec<Placement>> {
    let item = items
        .iter()
        .copied()
        .find(|p| p.id == id)
        .ok_or_else(|| Error::NotFound {
            what: "Der Tagesordnungspunkt".into(),
        })?;
    // Siblings in order, as ids, per parent.
    let siblings_of = |parent: Option<i64>| -> Vec<i64> {
        let mut s: Vec<Placement> = items.iter().copied().filter(|p| p.parent_id == parent).collect();
        s.sort_by_key(|p| (p.position, p.id));
        s.into_iter().map(|p| p.id).collect()
    };
    let has_children = items.iter().any(|p| p.parent_id == Some(id));
    let refuse = |message: &str| Err(Error::validation("Tagesordnung", message));
    let mut parents: Vec<(Option<i64>, Vec<i64>)> = Vec::new();
    match how {
        AgendaMove::Up | AgendaMove::Down => {
            let mut s = siblings_of(item.parent_id);
            let i = s.iter().position(|x| *x == id).unwrap_or(0);
            let j = match how {
                AgendaMove::Up if i == 0 => return refuse("Der Punkt steht schon ganz oben."),
                AgendaMove::Up => i - 1,
                _ if i + 1 >= s.len() => return refuse("Der Punkt steht schon ganz unten."),
                _ => i + 1,
            };
            s.swap(i, j);
            parents.push((item.parent_id, s));
        }
        AgendaMove::Indent => {
            check_one_sub_level(item.parent_id.is_some())?;
            if has_children {
                return refuse("Ein TOP mit Unterpunkten kann nicht eingerückt werden.");
            }
            let mut top = siblings_of(None);
            let i = top.iter().position(|x| *x == id).unwrap_or(0);
            if i == 0 {
                return refuse("Der erste TOP kann nicht eingerückt werden: Es gibt keinen TOP darüber.");
            }
            let new_parent = top[i - 1];
            top.remove(i);
            let mut children = siblings_of(Some(new_parent));
            children.push(id);
            parents.push((None, top));
            parents.push((Some(new_parent), children));
        }
        AgendaMove::Outdent => {
            let Some(parent) = item.parent_id else {
                return refuse("Der TOP steht schon auf der obersten Ebene.");
            };
            let mut children = siblings_of(Some(parent));
            children.retain(|x| *x != id);
            let mut top = siblings_of(None);
            let at = top.iter().position(|x| *x == parent).map_or(top.len(), |i| i + 1);
            top.insert(at, id);
            parents.push((Some(parent), children));
            parents.push((None, top));
        }
    }
    let mut out: Vec<Placement> = items.to_vec();
    for (parent, ids) in parents {
        for (position, member) in ids.into_iter().enumerate() {
            if let Some(p) = out.iter_mut().find(|p| p.id == member) {
                p.parent_id = parent;
                p.position = i64::try_from(position).unwrap_or(i64::MAX);
            }
        }
    }
    Ok(out)
}

/// One sub-level only: TOP 3.1, never 3.1.1. `under_sub_item`: the TOP an item would be put under
/// (when added, or when indented: the item itself) is already a sub-item.
pub fn check_one_sub_level(under_sub_item: bool) -> Result<()> {
    if under_sub_item {
        return Err(Error::validation(
            "Tagesordnung",
            "Unterpunkte können keine eigenen Unterpunkte haben (nur TOP 3.1, nicht 3.1.1).",
        ));
    }
    Ok(())
}

/// A TOP "Genehmigung des Protokolls" approves the minutes of another session, never its own.
pub fn check_approves(approves: Option<i64>, session_id: i64) -> Result<()> {
    if approves == Some(session_id) {
        return Err(Error::validation(
            "Genehmigung des Protokolls",
            "Eine Sitzung kann nicht ihr eigenes Protokoll genehmigen.",
        ));
    }
    Ok(())
}

/// A TOP on which decisions or action items were recorded (`recorded`, counting its sub-items')
/// is not deleted: they would lose their place in the minutes.
pub fn check_deletable(recorded: i64) -> Result<()> {
    if recorded > 0 {
        return Err(Error::validation(
            "Tagesordnung",
            "Zu diesem Tagesordnungspunkt gibt es Beschlüsse oder Aufgaben. Bitte löschen oder verschieben Sie diese zuerst.",
        ));
    }
    Ok(())
}

/// "Genehmigung des Protokolls" needs an earlier session whose minutes are a draft.
pub fn no_minutes_to_approve() -> Error {
    Error::validation(
        "Tagesordnung",
        "Es gibt keine frühere Sitzung mit einem Protokoll im Entwurf, das genehmigt werden könnte.",
    )
}

/// A responsible person chosen for a TOP was deleted meanwhile.
pub fn responsible_gone() -> Error {
    Error::validation(
        "Verantwortlich",
        "Eine gewählte Person gibt es nicht mehr. Bitte wählen Sie erneut.",
    )
}

/// After a TOP was deleted the others close ranks: positions 0, 1, 2 … per parent, in the same
/// order.
pub fn close_ranks(items: &[Placement]) -> Vec<Placement> {
    let mut counters: std::collections::HashMap<Option<i64>, i64> = std::collections::HashMap::new();
    reading_order(items)
        .into_iter()
        .map(|p| {
            let c = counters.entry(p.parent_id).or_insert(0);
            let out = Placement { position: *c, ..p };
            *c += 1;
            out
        })
        .collect()
}

/// The title of the TOP that approves the previous session's minutes (as councils and networks
/// do it: the draft goes round for comments and is approved at the next session).
pub const APPROVAL_TOP_TITLE: &str = "Genehmigung des Protokolls der letzten Sitzung";

/// What the form sends for a TOP.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AgendaItemInput {
    pub title: String,
    pub description: Option<String>,
    pub planned_minutes: Option<i64>,
    /// Contacts responsible for (or presenting) the TOP, in order.
    pub responsible_contact_ids: Vec<i64>,
    /// New items only: put it under this TOP (as its last sub-item); `None` = a new last TOP.
    pub parent_id: Option<i64>,
    /// "Genehmigung des Protokolls": the session whose minutes a decision on this TOP approves.
    pub approves_session_id: Option<i64>,
    pub expected_version: Option<i64>,
}

impl AgendaItemInput {
    pub fn normalised(mut self) -> Result<AgendaItemInput> {
        self.title = self.title.trim().to_owned();
        if self.title.is_empty() {
            return Err(Error::validation(
                "Titel des TOPs",
                "Bitte geben Sie einen Titel ein.",
            ));
        }
        check_length("Titel des TOPs", &self.title, MAX_TITLE * 2)?;
        self.description = self.description.filter(|d| !d.trim().is_empty());
        if let Some(d) = &self.description {
            check_length("Beschreibung", d, MAX_TEXT)?;
        }
        if let Some(m) = self.planned_minutes
            && !(0..=1440).contains(&m)
        {
            return Err(Error::validation(
                "Geplante Minuten",
                format!("{m} Minuten sind nicht möglich (0 bis 1440)."),
            ));
        }
        let mut seen = Vec::new();
        self.responsible_contact_ids.retain(|id| {
            let new = !seen.contains(id);
            seen.push(*id);
            new
        });
        Ok(self)
    }
}

/// A TOP as the agenda shows it: with its number and clock time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct AgendaItem {
    pub id: i64,
    pub session_id: i64,
    pub parent_id: Option<i64>,
    pub position: i64,
    pub title: String,
    pub description: Option<String>,
    pub planned_minutes: Option<i64>,
    pub approves_session_id: Option<i64>,
    /// The minutes' discussion of this TOP.
    pub discussion: Option<String>,
    pub version: i64,
    /// "3.1"
    #[sqlx(default)]
    pub number: String,
    /// "14:20"
    #[sqlx(default)]
    pub clock_time: String,
    #[sqlx(skip)]
    pub responsible: Vec<Responsible>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct Responsible {
    pub contact_id: i64,
    pub name: String,
}

#[cfg(test)]
mod tests;
mod text;

pub use text::agenda_lines;

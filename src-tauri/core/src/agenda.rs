//! Tagesordnung: TOPs with one level of sub-items (TOP 3.1). The numbering, the running clock
//! times (14:00, 14:20 …) and what a move (up, down, indent, outdent) does to the order are plain
//! functions here, tested without a database; `store/agenda.rs` loads the session's items, calls
//! them inside its transaction and writes the new places.

use chrono::{NaiveTime, TimeDelta};
use serde::{Deserialize, Serialize};

use crate::session::{MAX_TEXT, MAX_TITLE, check_length};
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
            if item.parent_id.is_some() {
                return refuse(
                    "Unterpunkte können nicht weiter eingerückt werden (nur TOP 3.1, nicht 3.1.1).",
                );
            }
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
mod tests {
    use super::*;

    fn p(id: i64, parent_id: Option<i64>, position: i64) -> Placement {
        Placement {
            id,
            parent_id,
            position,
        }
    }

    /// 1, 2, 2.1 (id 4), 2.2 (id 5), 3
    fn agenda() -> Vec<Placement> {
        vec![
            p(1, None, 0),
            p(2, None, 1),
            p(3, None, 2),
            p(4, Some(2), 0),
            p(5, Some(2), 1),
        ]
    }

    fn labels(items: &[Placement]) -> Vec<(i64, String)> {
        numbers(items)
    }

    #[test]
    fn numbering_follows_the_tree() {
        let n = labels(&agenda());
        let want: Vec<(i64, String)> = [(1, "1"), (2, "2"), (4, "2.1"), (5, "2.2"), (3, "3")]
            .iter()
            .map(|(i, s)| (*i, s.to_string()))
            .collect();
        assert_eq!(n, want);
    }

    #[test]
    fn clock_times_run_through_the_agenda() {
        let minutes = |id: i64| match id {
            1 => Some(20),
            2 => None,
            4 => Some(15),
            5 => Some(25),
            _ => Some(30),
        };
        let times = clock_times(NaiveTime::from_hms_opt(14, 0, 0).unwrap(), &agenda(), &minutes);
        let shown: Vec<(i64, String)> = times
            .iter()
            .map(|(id, t)| (*id, t.format("%H:%M").to_string()))
            .collect();
        let want: Vec<(i64, String)> = [
            (1, "14:00"),
            (2, "14:20"),
            (4, "14:20"),
            (5, "14:35"),
            (3, "15:00"),
        ]
        .iter()
        .map(|(i, s)| (*i, s.to_string()))
        .collect();
        assert_eq!(shown, want);
        // A very long agenda stops at 23:59 instead of wrapping to the next morning.
        let long = clock_times(NaiveTime::from_hms_opt(23, 0, 0).unwrap(), &agenda(), &|_| {
            Some(120)
        });
        assert_eq!(
            long.last().unwrap().1,
            NaiveTime::from_hms_opt(23, 59, 0).unwrap()
        );
    }

    #[test]
    fn moving_up_and_down_swaps_siblings() {
        let moved = apply_move(&agenda(), 3, AgendaMove::Up).unwrap();
        let n: Vec<String> = labels(&moved)
            .into_iter()
            .map(|(id, l)| format!("{id}:{l}"))
            .collect();
        assert_eq!(n, ["1:1", "3:2", "2:3", "4:3.1", "5:3.2"]);
        let moved = apply_move(&agenda(), 4, AgendaMove::Down).unwrap();
        let n: Vec<String> = labels(&moved)
            .into_iter()
            .map(|(id, l)| format!("{id}:{l}"))
            .collect();
        assert_eq!(n, ["1:1", "2:2", "5:2.1", "4:2.2", "3:3"]);
        assert_eq!(
            apply_move(&agenda(), 1, AgendaMove::Up).unwrap_err().to_string(),
            "Tagesordnung: Der Punkt steht schon ganz oben."
        );
        assert!(apply_move(&agenda(), 5, AgendaMove::Down).is_err());
    }

    #[test]
    fn indent_and_outdent() {
        // TOP 3 becomes 2.3.
        let moved = apply_move(&agenda(), 3, AgendaMove::Indent).unwrap();
        let n: Vec<String> = labels(&moved)
            .into_iter()
            .map(|(id, l)| format!("{id}:{l}"))
            .collect();
        assert_eq!(n, ["1:1", "2:2", "4:2.1", "5:2.2", "3:2.3"]);
        // 2.1 becomes TOP 3, right after its parent; 2.2 stays under TOP 2 as 2.1.
        let moved = apply_move(&agenda(), 4, AgendaMove::Outdent).unwrap();
        let n: Vec<String> = labels(&moved)
            .into_iter()
            .map(|(id, l)| format!("{id}:{l}"))
            .collect();
        assert_eq!(n, ["1:1", "2:2", "5:2.1", "4:3", "3:4"]);
        // Positions are dense per parent after a move.
        let mut top: Vec<i64> = moved
            .iter()
            .filter(|p| p.parent_id.is_none())
            .map(|p| p.position)
            .collect();
        top.sort_unstable();
        assert_eq!(top, [0, 1, 2, 3]);
    }

    #[test]
    fn impossible_moves_say_why() {
        let err = |id, how| apply_move(&agenda(), id, how).unwrap_err().to_string();
        assert!(err(1, AgendaMove::Indent).contains("keinen TOP darüber"));
        assert!(err(2, AgendaMove::Outdent).contains("obersten Ebene"));
        assert!(err(4, AgendaMove::Indent).contains("nicht 3.1.1"));
        let with_children = vec![p(1, None, 0), p(2, None, 1), p(3, Some(2), 0)];
        assert!(
            apply_move(&with_children, 2, AgendaMove::Indent)
                .unwrap_err()
                .to_string()
                .contains("mit Unterpunkten")
        );
        assert_eq!(
            apply_move(&agenda(), 99, AgendaMove::Up).unwrap_err().code(),
            crate::ErrorCode::NotFound
        );
    }

    proptest::proptest! {
        /// Whatever sequence of moves people make (allowed or refused), the agenda keeps every TOP,
        /// at most one sub-level, dense positions per parent, and numbers that follow the tree.
        #[test]
        fn any_sequence_of_moves_keeps_a_well_formed_agenda(
            moves in proptest::collection::vec((1i64..=6, 0usize..4), 0..40)
        ) {
            let mut items = vec![p(1, None, 0), p(2, None, 1), p(3, None, 2), p(4, None, 3), p(5, Some(2), 0), p(6, Some(2), 1)];
            for (id, how) in moves {
                let how = [AgendaMove::Up, AgendaMove::Down, AgendaMove::Indent, AgendaMove::Outdent][how];
                if let Ok(next) = apply_move(&items, id, how) {
                    items = next;
                }
                let mut ids: Vec<i64> = items.iter().map(|x| x.id).collect();
                ids.sort_unstable();
                proptest::prop_assert_eq!(ids, vec![1, 2, 3, 4, 5, 6]);
                for item in &items {
                    if let Some(parent) = item.parent_id {
                        let parent = items.iter().find(|x| x.id == parent).unwrap();
                        proptest::prop_assert!(parent.parent_id.is_none(), "only one sub-level");
                    }
                    let mut siblings: Vec<i64> =
                        items.iter().filter(|x| x.parent_id == item.parent_id).map(|x| x.position).collect();
                    siblings.sort_unstable();
                    let dense: Vec<i64> = (0..).take(siblings.len()).collect();
                    proptest::prop_assert_eq!(siblings, dense);
                }
                let labels = numbers(&items);
                proptest::prop_assert_eq!(labels.len(), 6);
                proptest::prop_assert_eq!(&labels[0].1, "1");
            }
        }
    }

    #[test]
    fn input_is_checked() {
        let err = AgendaItemInput {
            title: " ".into(),
            ..Default::default()
        }
        .normalised()
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "Titel des TOPs: Bitte geben Sie einen Titel ein."
        );
        let err = AgendaItemInput {
            title: "Begrüßung".into(),
            planned_minutes: Some(-5),
            ..Default::default()
        }
        .normalised()
        .unwrap_err();
        assert!(err.to_string().starts_with("Geplante Minuten:"));
        let ok = AgendaItemInput {
            title: "Begrüßung".into(),
            responsible_contact_ids: vec![3, 1, 3],
            ..Default::default()
        }
        .normalised()
        .unwrap();
        assert_eq!(ok.responsible_contact_ids, [3, 1]);
    }
}

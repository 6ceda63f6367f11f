//! Unit tests of the agenda rules (no database).

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

#[test]
fn one_sub_level_and_no_self_approval() {
    check_one_sub_level(false).unwrap();
    assert!(
        check_one_sub_level(true)
            .unwrap_err()
            .to_string()
            .contains("nicht 3.1.1")
    );
    check_approves(None, 1).unwrap();
    check_approves(Some(2), 1).unwrap();
    assert!(check_approves(Some(1), 1).is_err());
    check_deletable(0).unwrap();
    assert!(check_deletable(1).is_err());
}

#[test]
fn deleting_closes_ranks() {
    // TOP 1 at 0, TOP 3 at 2 (TOP 2 was deleted), sub-item 4 of TOP 3 at 1.
    let closed = close_ranks(&[p(1, None, 0), p(3, None, 2), p(4, Some(3), 1)]);
    assert_eq!(closed, [p(1, None, 0), p(3, None, 1), p(4, Some(3), 0)]);
}

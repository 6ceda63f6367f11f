//! The agenda as plain text, one line per TOP: the one block the `.ics` description
//! (`crate::ics`) and the invitation e-mail (`crate::invitation`) share, so the calendar entry and
//! the mail list the agenda alike.

use super::AgendaItem;

/// Indent of a sub-item's line (TOP 2.1 under TOP 2).
const SUB_ITEM_INDENT: &str = "    ";

/// "Tagesordnung:" and one line per TOP in reading order: number, clock time and title
/// ("TOP 2.1  14:10 Uhr  Landkreis Tübingen"), sub-items indented. No lines for an empty agenda.
pub fn agenda_lines(agenda: &[AgendaItem]) -> Vec<String> {
    if agenda.is_empty() {
        return Vec::new();
    }
    let mut lines = vec!["Tagesordnung:".to_owned()];
    for item in agenda {
        let indent = if item.parent_id.is_some() {
            SUB_ITEM_INDENT
        } else {
            ""
        };
        lines.push(format!(
            "{indent}TOP {}  {} Uhr  {}",
            item.number, item.clock_time, item.title
        ));
    }
    lines
}

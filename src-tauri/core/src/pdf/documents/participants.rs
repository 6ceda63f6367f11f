//! The dossier's list of participants, grouped by organisation or Kreis, and the heading of the
//! previous minutes.

use super::*;

pub(super) fn previous_title(previous: &PreviousMinutes) -> String {
    format!("Protokoll der Sitzung vom {}", date_de(&previous.session.date))
}

pub(super) fn participant_groups(participants: &[PdfParticipant], group_by: GroupBy) -> Vec<Block> {
    let none = match group_by {
        GroupBy::Organisation => "Ohne Organisation",
        GroupBy::Kreis => "Ohne Kreis",
    };
    let key = |p: &PdfParticipant| {
        match group_by {
            GroupBy::Organisation => p.organisation.clone(),
            GroupBy::Kreis => p.district.clone(),
        }
        .unwrap_or_else(|| none.to_string())
    };
    let mut groups: Vec<(String, Vec<&PdfParticipant>)> = Vec::new();
    let mut sorted: Vec<&PdfParticipant> = participants.iter().collect();
    sorted.sort_by_cached_key(|p| (key(p) == none, sort_key(&[&key(p)]), name_key(&p.name)));
    for p in sorted {
        let k = key(p);
        match groups.last_mut() {
            Some((last, list)) if *last == k => list.push(p),
            _ => groups.push((k, vec![p])),
        }
    }
    if groups.is_empty() {
        return vec![para(vec![Run::italic("Noch niemand ist eingeladen.")])];
    }
    let other = match group_by {
        GroupBy::Organisation => "Kreis",
        GroupBy::Kreis => "Organisation",
    };
    let intro = format!(
        "{} nach {}.",
        match participants.len() {
            1 => "1 Person".to_string(),
            n => format!("{} Personen", crate::format::number(n)),
        },
        match group_by {
            GroupBy::Organisation => "Organisation",
            GroupBy::Kreis => "Stadt- oder Landkreis",
        }
    );
    let mut rows = Vec::new();
    for (name, people) in groups {
        rows.push(vec![vec![Run::bold(name)]]);
        for p in people {
            let mut cell_name = vec![Run::plain(p.name.clone())];
            if let Some(function) = &p.function {
                cell_name.push(Run::italic(format!(", {function}")));
            }
            let value = match group_by {
                GroupBy::Organisation => p.district.clone(),
                GroupBy::Kreis => p.organisation.clone(),
            };
            rows.push(vec![
                cell_name,
                cell(value.unwrap_or_default()),
                cell(p.status.label()),
            ]);
        }
    }
    let columns = vec![
        Column {
            header: "Name".into(),
            share: 4.2,
        },
        Column {
            header: other.into(),
            share: 3.0,
        },
        Column {
            header: "Status".into(),
            share: 1.3,
        },
    ];
    vec![
        para(vec![Run::plain(intro)]),
        Block::Table {
            columns,
            rows,
            size: 9.5,
            min_row_height: 0.0,
        },
    ]
}

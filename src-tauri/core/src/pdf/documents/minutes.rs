//! The Protokoll: attendance, the TOPs with discussion, decisions and action items, on its own
//! or as a part of the dossier ("ENTWURF" while a draft).

use super::*;

/// The minutes' blocks. `level` is the heading level of the document's title (1 on its own, 1 in
/// the dossier as well, with the TOPs one below); `outline` the bookmark level of that title;
/// `prefix` keeps anchors unique when two sets of minutes share a PDF.
pub(super) fn minutes_blocks(
    session: &Session,
    agenda: &[AgendaItem],
    view: &MinutesView,
    participants: Option<&[PdfParticipant]>,
    title: &str,
    prefix: &str,
) -> Vec<Block> {
    let mut blocks = vec![heading(1, title, Some(&format!("{prefix}protokoll")), Some(0))];
    blocks.push(label_value("Sitzung", session.title.clone()));
    blocks.push(label_value("Datum", session.when_de()));
    if let Some(place) = where_of(session) {
        blocks.push(label_value("Ort", place));
    }
    let minutes = view.minutes.as_ref();
    if let Some(taker) = minutes.and_then(|m| m.minute_taker_name.clone()) {
        blocks.push(label_value("Protokollführung", taker));
    }
    let status = match minutes {
        Some(m) if m.status == MinutesStatus::Freigegeben => {
            let when = m
                .approved_at
                .as_deref()
                .map(|a| date_de(a.get(..10).unwrap_or(a)))
                .unwrap_or_default();
            let by = m.approved_by.clone().unwrap_or_default();
            format!("freigegeben am {when} durch {by}")
                .trim_end_matches(" durch ")
                .to_string()
        }
        Some(_) => "ENTWURF – noch nicht freigegeben".to_string(),
        None => "ENTWURF – noch nicht begonnen".to_string(),
    };
    blocks.push(label_value("Status", status));

    if let Some(participants) = participants {
        let mut present: Vec<&PdfParticipant> = participants
            .iter()
            .filter(|p| p.status == ParticipantStatus::Teilgenommen)
            .collect();
        present.sort_by_cached_key(|p| name_key(&p.name));
        let mut excused: Vec<&PdfParticipant> = participants
            .iter()
            .filter(|p| p.status == ParticipantStatus::Entschuldigt)
            .collect();
        excused.sort_by_cached_key(|p| name_key(&p.name));
        let names = |list: &[&PdfParticipant]| {
            list.iter()
                .map(|p| match &p.organisation {
                    Some(org) => format!("{} ({org})", p.name),
                    None => p.name.clone(),
                })
                .collect::<Vec<_>>()
                .join(", ")
        };
        blocks.push(heading(
            2,
            "Anwesenheit",
            Some(&format!("{prefix}anwesenheit")),
            Some(1),
        ));
        blocks.push(label_value(
            &format!("Anwesend ({})", present.len()),
            if present.is_empty() {
                "–".into()
            } else {
                names(&present)
            },
        ));
        if !excused.is_empty() {
            blocks.push(label_value(
                &format!("Entschuldigt ({})", excused.len()),
                names(&excused),
            ));
        }
    }

    for item in agenda {
        let sub = item.parent_id.is_some();
        blocks.push(heading(
            if sub { 3 } else { 2 },
            format!("TOP {} {}", item.number, item.title),
            Some(&format!("{prefix}top-{}", item.id)),
            Some(if sub { 2 } else { 1 }),
        ));
        if let Some(discussion) = item.discussion.as_deref().filter(|d| !d.trim().is_empty()) {
            blocks.extend(text_blocks(discussion));
        }
        for decision in view
            .decisions
            .iter()
            .filter(|d| d.agenda_item_id == Some(item.id))
        {
            blocks.push(decision_block(&decision.label, &decision.text));
        }
    }
    let loose: Vec<_> = view
        .decisions
        .iter()
        .filter(|d| d.agenda_item_id.is_none())
        .collect();
    if !loose.is_empty() {
        blocks.push(heading(2, "Weitere Beschlüsse", None, Some(1)));
        for decision in loose {
            blocks.push(decision_block(&decision.label, &decision.text));
        }
    }
    if !view.action_items.is_empty() {
        blocks.push(heading(
            2,
            "Aufgaben",
            Some(&format!("{prefix}aufgaben")),
            Some(1),
        ));
        let top_of = |id: Option<i64>| {
            id.and_then(|id| agenda.iter().find(|a| a.id == id))
                .map(|a| a.number.clone())
                .unwrap_or_default()
        };
        let rows = view
            .action_items
            .iter()
            .map(|a| {
                vec![
                    cell(top_of(a.agenda_item_id)),
                    cell(a.what.clone()),
                    cell(a.owner_name.clone().unwrap_or_default()),
                    cell(a.due_date.as_deref().map(date_de).unwrap_or_default()),
                    cell(a.status.label()),
                ]
            })
            .collect();
        blocks.push(Block::Table {
            columns: vec![
                Column {
                    header: "TOP".into(),
                    share: 0.6,
                },
                Column {
                    header: "Aufgabe".into(),
                    share: 4.0,
                },
                Column {
                    header: "Verantwortlich".into(),
                    share: 2.2,
                },
                Column {
                    header: "Bis".into(),
                    share: 1.2,
                },
                Column {
                    header: "Stand".into(),
                    share: 1.0,
                },
            ],
            rows,
            size: 9.5,
            min_row_height: 0.0,
        });
    }
    if !view.addenda.is_empty() {
        blocks.push(heading(
            2,
            "Nachträge",
            Some(&format!("{prefix}nachtraege")),
            Some(1),
        ));
        for addendum in &view.addenda {
            blocks.push(para(vec![
                Run::bold(format!("Nachtrag vom {}", date_de(&addendum.date))),
                Run::plain(format!(" – {}", addendum.reason)),
            ]));
            blocks.extend(text_blocks(&addendum.text));
        }
    }
    blocks
}

/// A decision, set off: a shaded box with its number in bold.
pub(super) fn decision_block(label: &str, text: &str) -> Block {
    Block::Paragraph {
        runs: vec![Run::bold(format!("{label}\n")), Run::plain(text.to_string())],
        style: ParagraphStyle {
            boxed: true,
            space_before: 4.0,
            space_after: 8.0,
            ..ParagraphStyle::body()
        },
    }
}

/// The Protokoll as PDF bytes; a draft carries "ENTWURF" across every page.
pub fn minutes_pdf(data: &SessionPdfData, now: DateTime<Utc>) -> Result<PdfFile> {
    let draft = data
        .minutes
        .minutes
        .as_ref()
        .is_none_or(|m| m.status == MinutesStatus::Entwurf);
    let blocks = minutes_blocks(
        &data.session,
        &data.agenda,
        &data.minutes,
        Some(&data.participants),
        "Protokoll",
        "",
    );
    let meta = meta(PdfKind::Protokoll, &data.session, now);
    let running = running(PdfKind::Protokoll, &data.session, draft.then_some("ENTWURF"));
    write_pdf(blocks, &Frame::a4(), &meta, &running)
}

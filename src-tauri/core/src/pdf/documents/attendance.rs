//! The Anwesenheitsliste: everyone expected, with a column to sign and empty rows for guests.

use super::*;

/// Who is expected: everyone but those who declined.
pub(super) fn expected(participant: &PdfParticipant) -> bool {
    !matches!(participant.status, ParticipantStatus::Abgesagt)
}

/// The attendance list's blocks.
pub fn attendance_blocks(data: &SessionPdfData, options: &AttendanceOptions) -> Vec<Block> {
    let session = &data.session;
    let mut blocks = vec![heading(
        1,
        "Anwesenheitsliste",
        Some("anwesenheitsliste"),
        Some(0),
    )];
    blocks.push(label_value("Sitzung", session.title.clone()));
    blocks.push(label_value("Datum", session.when_de()));
    if let Some(place) = where_of(session) {
        blocks.push(label_value("Ort", place));
    }
    blocks.push(Block::Space(8.0));
    let mut people: Vec<&PdfParticipant> = data.participants.iter().filter(|p| expected(p)).collect();
    people.sort_by_cached_key(|p| name_key(&p.name));
    let columns = vec![
        Column {
            header: "Nr.".into(),
            share: 0.65,
        },
        Column {
            header: "Name".into(),
            share: 3.0,
        },
        Column {
            header: "Organisation".into(),
            share: 3.0,
        },
        Column {
            header: "Kreis".into(),
            share: 1.9,
        },
        Column {
            header: "Unterschrift".into(),
            share: 3.0,
        },
    ];
    let mut rows: Vec<Vec<Vec<Run>>> = people
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let mut name = vec![Run::plain(p.name.clone())];
            if let Some(function) = &p.function {
                name.push(Run::italic(format!("\n{function}")));
            }
            vec![
                cell((i + 1).to_string()),
                name,
                cell(p.organisation.clone().unwrap_or_default()),
                cell(p.district.clone().unwrap_or_default()),
                vec![],
            ]
        })
        .collect();
    for n in 0..options.empty_rows {
        rows.push(vec![
            cell((people.len() + n + 1).to_string()),
            vec![],
            vec![],
            vec![],
            vec![],
        ]);
    }
    blocks.push(Block::Table {
        columns,
        rows,
        size: 9.5,
        min_row_height: 30.0,
    });
    blocks
}

/// The Anwesenheitsliste as PDF bytes.
pub fn attendance_pdf(
    data: &SessionPdfData,
    options: &AttendanceOptions,
    now: DateTime<Utc>,
) -> Result<PdfFile> {
    let frame = if options.landscape {
        Frame::a4_landscape()
    } else {
        Frame::a4()
    };
    let meta = meta(PdfKind::Anwesenheitsliste, &data.session, now);
    write_pdf(
        attendance_blocks(data, options),
        &frame,
        &meta,
        &running(PdfKind::Anwesenheitsliste, &data.session, None),
    )
}

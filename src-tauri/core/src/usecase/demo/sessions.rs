//! The demo's past sessions: agenda, attendance and minutes with discussions, decisions and
//! action items, written through the same calls as the window (`usecase::demo::fill` decides
//! what each holds).

use super::*;

/// What a past demo session holds. `tops`: (title, minutes, discussion, decision); `tasks`:
/// (what, owner, due after the session in days, done); `approves`: the session whose minutes
/// TOP 1 approves.
pub(super) struct PastSession<'a> {
    pub(super) day: NaiveDate,
    pub(super) format: SessionFormat,
    pub(super) place: Option<&'a str>,
    pub(super) tops: &'a [(&'a str, i64, &'a str, Option<&'a str>)],
    pub(super) tasks: &'a [(&'a str, Option<i64>, i64, bool)],
    pub(super) approves: Option<i64>,
}

/// One past session with agenda, attendance, minutes (discussion, decisions, action items),
/// written through the same calls as the window. Returns the session id; its own minutes stay a
/// draft for the caller to approve.
pub(super) async fn past_session(
    store: &Store,
    p: PastSession<'_>,
    invited: &[i64],
    minute_taker: Option<i64>,
) -> Result<i64> {
    let PastSession {
        day,
        format,
        place,
        tops,
        tasks,
        approves,
    } = p;
    let at = on(day);
    let session = crate::usecase::sessions::create_session(
        store,
        SessionInput {
            title: session_title(day),
            date: format_date(day),
            start_time: "14:00".into(),
            end_time: Some("16:30".into()),
            format,
            place: place.map(str::to_owned),
            video_link: (format != SessionFormat::Praesenz)
                .then(|| "https://video.example/netzwerk-integration".to_owned()),
            status: SessionStatus::Durchgefuehrt,
            ..Default::default()
        },
        at,
    )
    .await?;
    crate::usecase::participants::add_participants(
        store,
        session.id,
        &ParticipantSet::Contacts(invited.to_vec()),
        at,
    )
    .await?;
    // Attendance: most took part, some excused, a few declined (deterministic).
    let list = store.list_participants(session.id).await?;
    let changes: Vec<(i64, ParticipantStatus)> = list
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let status = match (i + usize::try_from(session.id).unwrap_or(0)) % 7 {
                0 => ParticipantStatus::Entschuldigt,
                3 => ParticipantStatus::Abgesagt,
                _ => ParticipantStatus::Teilgenommen,
            };
            (p.id, status)
        })
        .collect();
    crate::usecase::participants::set_participant_status(store, session.id, &changes, at).await?;
    crate::usecase::minutes::update_minutes(
        store,
        session.id,
        MinutesInput {
            minute_taker_contact_id: minute_taker,
            ..Default::default()
        },
        at,
    )
    .await?;
    for (i, (title, minutes, discussion, decision)) in tops.iter().enumerate() {
        let item = crate::usecase::agenda::add_agenda_item(
            store,
            session.id,
            AgendaItemInput {
                title: (*title).into(),
                planned_minutes: Some(*minutes),
                approves_session_id: if i == 0 { approves } else { None },
                ..Default::default()
            },
            at,
        )
        .await?;
        crate::usecase::minutes::set_discussion(store, item.id, discussion, None, at).await?;
        if let Some(text) = decision {
            crate::usecase::minutes::add_decision(
                store,
                session.id,
                DecisionInput {
                    agenda_item_id: Some(item.id),
                    text: (*text).into(),
                    ..Default::default()
                },
                at,
            )
            .await?;
        }
    }
    for (what, owner, due_in, done) in tasks {
        crate::usecase::minutes::add_action_item(
            store,
            session.id,
            ActionItemInput {
                what: (*what).into(),
                owner_contact_id: *owner,
                due_date: Some(format_date(day + TimeDelta::days(*due_in))),
                status: if *done {
                    ActionStatus::Erledigt
                } else {
                    ActionStatus::Offen
                },
                done_date: done.then(|| format_date(day + TimeDelta::days(*due_in - 3))),
                ..Default::default()
            },
            at,
        )
        .await?;
    }
    Ok(session.id)
}

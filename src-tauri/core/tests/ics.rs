//! The .ics of a session, read back: stable UID, Europe/Berlin times with their VTIMEZONE, the
//! agenda in the description, attendees with their names.
#![allow(clippy::unwrap_used)]

use chrono::{TimeZone, Utc};
use icalendar::{Calendar, CalendarComponent, Component, EventLike};
use netzwerkmappe_core::agenda::AgendaItemInput;
use netzwerkmappe_core::contact::{ContactInput, EmailInput};
use netzwerkmappe_core::participant::ParticipantSet;
use netzwerkmappe_core::session::{SessionFormat, SessionInput};
use netzwerkmappe_core::store::Store;
use netzwerkmappe_core::usecase;

async fn planned(store: &Store) -> i64 {
    let now = Utc.with_ymd_and_hms(2027, 3, 1, 9, 0, 0).unwrap();
    let s = usecase::sessions::create_session(
        store,
        SessionInput {
            title: "2. Netzwerktreffen 2027; Sprache, Arbeit".into(),
            date: "31.03.2027".into(),
            start_time: "14:00".into(),
            end_time: Some("16:30".into()),
            format: SessionFormat::Hybrid,
            place: Some("Stuttgart, Else-Josenhans-Straße 6".into()),
            video_link: Some("https://video.example/netzwerk".into()),
            ..Default::default()
        },
        now,
    )
    .await
    .unwrap();
    for (title, minutes) in [("Begrüßung", 15), ("Berichte aus den Kreisen", 45)] {
        usecase::agenda::add_agenda_item(
            store,
            s.id,
            AgendaItemInput {
                title: title.into(),
                planned_minutes: Some(minutes),
                ..Default::default()
            },
            now,
        )
        .await
        .unwrap();
    }
    let with_mail = store
        .create_contact(
            ContactInput {
                first_name: Some("Anna".into()),
                last_name: "Müller, geb. Weiß".into(),
                emails: vec![EmailInput {
                    address: "a.mueller@lrat.example".into(),
                    kind: "work".into(),
                    preferred: true,
                }],
                ..Default::default()
            },
            now,
        )
        .await
        .unwrap();
    let without = store
        .create_contact(
            ContactInput {
                last_name: "Ohne Adresse".into(),
                ..Default::default()
            },
            now,
        )
        .await
        .unwrap();
    usecase::participants::add_participants(
        store,
        s.id,
        &ParticipantSet::Contacts(vec![with_mail.id, without.id]),
        now,
    )
    .await
    .unwrap();
    s.id
}

#[tokio::test(flavor = "multi_thread")]
async fn the_ics_reads_back_with_berlin_times_agenda_and_attendees() {
    let store = Store::open_in_memory().await.unwrap();
    let id = planned(&store).await;
    let now = Utc.with_ymd_and_hms(2027, 3, 2, 8, 0, 0).unwrap();
    let text = usecase::sessions::session_ics(&store, id, now).await.unwrap();
    if let Some(path) = std::env::var_os("NETZWERKMAPPE_ICS_DUMP") {
        std::fs::write(path, &text).unwrap();
    }
    assert!(text.lines().all(|l| l.len() <= 75), "folded at 75 octets");
    assert!(text.contains("\r\n"), "CRLF line ends");

    let calendar: Calendar = text.parse().unwrap();
    let event = calendar
        .components
        .iter()
        .find_map(CalendarComponent::as_event)
        .unwrap();
    assert_eq!(
        event.get_summary(),
        Some("2. Netzwerktreffen 2027; Sprache, Arbeit")
    );
    let uid = event.get_uid().unwrap().to_owned();
    assert!(uid.starts_with(&format!("sitzung-{id}-")), "{uid}");
    // 31 March 2027 is in summer time: 14:00 local = 12:00 UTC.
    let start = event.properties().get("DTSTART").unwrap();
    assert_eq!(start.value(), "20270331T140000");
    assert_eq!(start.params().get("TZID").unwrap().value(), "Europe/Berlin");
    assert_eq!(
        event.properties().get("DTEND").unwrap().value(),
        "20270331T163000"
    );
    assert_eq!(
        event.get_location(),
        Some("Stuttgart, Else-Josenhans-Straße 6 und online: https://video.example/netzwerk")
    );
    let description = event.get_description().unwrap();
    assert!(
        description.contains(
            "Tagesordnung:\nTOP 1  14:00 Uhr  Begrüßung\nTOP 2  14:15 Uhr  Berichte aus den Kreisen"
        ),
        "{description}"
    );
    let attendees = event.multi_properties().get("ATTENDEE").unwrap();
    assert_eq!(attendees.len(), 1, "only people with an address");
    assert_eq!(attendees[0].value(), "mailto:a.mueller@lrat.example");
    assert_eq!(
        attendees[0].params().get("CN").unwrap().value(),
        "Anna Müller, geb. Weiß"
    );
    // The VTIMEZONE the TZID refers to is there.
    let tz = calendar
        .components
        .iter()
        .find_map(|c| match c {
            CalendarComponent::Other(o) if o.component_kind() == "VTIMEZONE" => Some(o),
            _ => None,
        })
        .unwrap();
    assert_eq!(tz.property_value("TZID"), Some("Europe/Berlin"));
    assert_eq!(tz.components().len(), 2, "DAYLIGHT and STANDARD");
    let vtimezone = &text[text.find("BEGIN:VTIMEZONE").unwrap()..text.find("END:VTIMEZONE").unwrap()];
    assert!(
        !vtimezone.contains("UID:") && !vtimezone.contains("DTSTAMP:"),
        "RFC 5545: neither in VTIMEZONE"
    );
    assert_eq!(text.matches("DTSTAMP:").count(), 1, "the event's own, from `now`");
    assert!(text.contains("DTSTAMP:20270302T080000Z"));

    // Editing the session keeps the UID and raises SEQUENCE, so calendars update the entry.
    let s = store.get_session(id).await.unwrap();
    usecase::sessions::update_session(
        &store,
        id,
        SessionInput {
            title: "Verlegt".into(),
            date: "30.10.2027".into(),
            start_time: "10:00".into(),
            format: SessionFormat::Praesenz,
            place: s.place.clone(),
            ..Default::default()
        },
        now,
    )
    .await
    .unwrap();
    let again: Calendar = usecase::sessions::session_ics(&store, id, now)
        .await
        .unwrap()
        .parse()
        .unwrap();
    let event = again
        .components
        .iter()
        .find_map(CalendarComponent::as_event)
        .unwrap();
    assert_eq!(event.get_uid(), Some(uid.as_str()));
    assert_eq!(event.property_value("SEQUENCE"), Some("1"));
    // Without an end time, the agenda's planned 60 minutes make the length.
    assert_eq!(
        event.properties().get("DTEND").unwrap().value(),
        "20271030T110000"
    );
}

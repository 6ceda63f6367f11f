//! The set-up the session tests share: dates, form inputs, three people at two organisations,
//! and [`Network`], a store with "now" fixed that makes sessions and TOPs in one line each.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use netzwerkmappe_core::agenda::{AgendaItem, AgendaItemInput};
use netzwerkmappe_core::contact::ContactInput;
use netzwerkmappe_core::organisation::{OrganisationInput, OrganisationKind};
use netzwerkmappe_core::session::{Session, SessionInput};
use netzwerkmappe_core::{store::Store, usecase};

/// A store on `sqlite::memory:` (all migrations run) with the "now" every write of a test uses.
pub struct Network {
    pub store: Store,
    pub now: DateTime<Utc>,
}

impl Network {
    pub async fn new(now: DateTime<Utc>) -> Network {
        Network {
            store: Store::open_in_memory().await.unwrap(),
            now,
        }
    }

    /// A session on `date` ("24.11.2026"), 14:00–16:30 in Stuttgart (see [`session`]).
    pub async fn session(&self, title: &str, date: &str) -> Session {
        usecase::sessions::create_session(&self.store, session(title, date), self.now)
            .await
            .unwrap()
    }

    /// A TOP with `minutes` planned, last on the agenda of session `session_id`.
    pub async fn top(&self, session_id: i64, title: &str, minutes: i64) -> AgendaItem {
        usecase::agenda::add_agenda_item(&self.store, session_id, top(title, minutes), self.now)
            .await
            .unwrap()
    }
}

pub fn at(y: i32, m: u32, d: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, 9, 0, 0).unwrap()
}

pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

pub fn session(title: &str, date: &str) -> SessionInput {
    SessionInput {
        title: title.into(),
        date: date.into(),
        start_time: "14:00".into(),
        end_time: Some("16:30".into()),
        place: Some("Stuttgart, Else-Josenhans-Straße 6".into()),
        ..Default::default()
    }
}

pub fn top(title: &str, minutes: i64) -> AgendaItemInput {
    AgendaItemInput {
        title: title.into(),
        planned_minutes: Some(minutes),
        ..Default::default()
    }
}

pub struct People {
    pub tuebingen: i64,
    pub anna: i64,
    pub jonas: i64,
    pub ministry_person: i64,
}

/// Two people at the Landratsamt Tübingen (Regierungsbezirk Tübingen), one at the ministry.
pub async fn people(store: &Store) -> People {
    let now = at(2026, 11, 1);
    let tuebingen = store
        .create_organisation(
            OrganisationInput {
                name: "Landratsamt Tübingen".into(),
                kind: Some(OrganisationKind::Landratsamt),
                district_ags: Some("08416".into()),
                ..Default::default()
            },
            now,
        )
        .await
        .unwrap()
        .id;
    let ministry = store
        .create_organisation(
            OrganisationInput {
                name: "Ministerium für Soziales, Gesundheit und Integration".into(),
                kind: Some(OrganisationKind::Ministerium),
                ..Default::default()
            },
            now,
        )
        .await
        .unwrap()
        .id;
    let contact = |first: &str, last: &str, org: i64, groups: Vec<String>| ContactInput {
        first_name: Some(first.into()),
        last_name: last.into(),
        organisation_id: Some(org),
        function: Some("Integrationsbeauftragte".into()),
        groups,
        ..Default::default()
    };
    let anna = store
        .create_contact(
            contact("Anna", "Müller", tuebingen, vec!["Kernnetzwerk".into()]),
            now,
        )
        .await
        .unwrap()
        .id;
    let jonas = store
        .create_contact(contact("Jonas", "Weiß", tuebingen, vec![]), now)
        .await
        .unwrap()
        .id;
    let ministry_person = store
        .create_contact(
            contact("Leyla", "Öztürk", ministry, vec!["Kernnetzwerk".into()]),
            now,
        )
        .await
        .unwrap()
        .id;
    People {
        tuebingen,
        anna,
        jonas,
        ministry_person,
    }
}

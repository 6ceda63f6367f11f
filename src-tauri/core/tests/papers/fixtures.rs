//! What every concept paper test starts from: the clock, a version's input, an author (a
//! contact), a paper in the Handlungsfeld "Sprache", search hits of one kind; and the imports the
//! themes share.

pub use chrono::{DateTime, TimeZone, Utc};
pub use netzwerkmappe_core::agenda::AgendaItemInput;
pub use netzwerkmappe_core::contact::ContactInput;
pub use netzwerkmappe_core::minutes::DecisionInput;
pub use netzwerkmappe_core::paper::{
    DraftInput, LinkTarget, PaperFilter, PaperInput, PaperView, StatusChangeInput, VersionInput,
};
pub use netzwerkmappe_core::paper_diff::ChangeKind;
pub use netzwerkmappe_core::paper_status::PaperStatus;
pub use netzwerkmappe_core::search::SearchKind;
pub use netzwerkmappe_core::session::SessionInput;
pub use netzwerkmappe_core::usecase::{self, papers};
pub use netzwerkmappe_core::{Error, ErrorCode, store::Store};
pub use sqlx::Connection;

pub fn at(h: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 27, h, 0, 0).unwrap()
}

pub fn version(title: &str, body: &str, note: &str) -> VersionInput {
    VersionInput {
        title: title.into(),
        body: body.into(),
        note: Some(note.into()),
        ..VersionInput::default()
    }
}

pub async fn author(store: &Store, first: &str, last: &str) -> i64 {
    store
        .create_contact(
            ContactInput {
                first_name: Some(first.into()),
                last_name: last.into(),
                ..ContactInput::default()
            },
            at(8),
        )
        .await
        .unwrap()
        .id
}

pub async fn paper(store: &Store, title: &str, body: Option<&str>) -> i64 {
    let fields = store.list_handlungsfelder().await.unwrap();
    let sprache = fields.iter().find(|h| h.name == "Sprache").unwrap().id;
    papers::create_paper(
        store,
        PaperInput {
            title: title.into(),
            summary: Some("Kurz gesagt".into()),
            handlungsfeld_id: Some(sprache),
            body: body.map(str::to_owned),
            ..PaperInput::default()
        },
        "tester",
        at(9),
    )
    .await
    .unwrap()
    .paper
    .id
}

pub fn hits(results: &netzwerkmappe_core::search::SearchResults, kind: SearchKind) -> Vec<i64> {
    results.hits().filter(|h| h.kind == kind).map(|h| h.id).collect()
}

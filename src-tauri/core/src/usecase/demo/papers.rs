//! The demo network's concept papers (called by `usecase::demo::fill`): one adopted by a decision
//! of the last past session and linked to its TOP, one in Abstimmung with an unsaved draft and
//! linked to the next session's TOP, one early Entwurf, one archived. Each with several versions
//! (texts in `crate::demo::paper_texts`), written through the same use cases as the window and
//! dated relative to the sessions, so the version list and status history read like real work.

use chrono::{DateTime, NaiveDate, TimeDelta, Utc};

use crate::demo::paper_texts::*;
use crate::paper::{DraftInput, LinkTarget, PaperInput, StatusChangeInput, VersionInput};
use crate::paper_status::PaperStatus;
use crate::usecase::papers;
use crate::{Result, store::Store};

/// What the rest of the demo hands over.
pub(crate) struct DemoPaperContext {
    /// The last past session, its decision adopting the paper, and that TOP.
    pub past_day: NaiveDate,
    pub past_session: i64,
    pub adopting_decision: i64,
    pub adopting_item: i64,
    /// The past session's TOP where the working group reported.
    pub report_item: i64,
    /// The next session's TOP on the paper in Abstimmung.
    pub next_item: i64,
    pub today: NaiveDate,
    pub authors: Vec<i64>,
    pub lead_organisation: Option<i64>,
}

fn on(day: NaiveDate, hour: u32) -> DateTime<Utc> {
    day.and_hms_opt(hour, 0, 0).unwrap_or_default().and_utc()
}

fn version(title: &str, summary: &str, body: &str, note: &str) -> VersionInput {
    VersionInput {
        title: title.into(),
        summary: Some(summary.into()),
        body: body.into(),
        note: Some(note.into()),
        expected_version: None,
    }
}

async fn field(store: &Store, name: &str) -> Result<Option<i64>> {
    Ok(store
        .list_handlungsfelder()
        .await?
        .into_iter()
        .find(|h| h.name == name)
        .map(|h| h.id))
}

async fn status(
    store: &Store,
    paper: i64,
    to: PaperStatus,
    note: &str,
    decision: Option<i64>,
    by: &str,
    at: DateTime<Utc>,
) -> Result<()> {
    papers::change_paper_status(
        store,
        paper,
        StatusChangeInput {
            to,
            note: Some(note.into()),
            decision_id: decision,
            expected_version: None,
        },
        by,
        at,
    )
    .await?;
    Ok(())
}

/// Creates the demo papers; returns how many.
pub(crate) async fn fill(store: &Store, c: &DemoPaperContext) -> Result<usize> {
    let by = "Geschäftsstelle Netzwerk";
    let day = |offset: i64| c.past_day + TimeDelta::days(offset);

    // Adopted in the past session, after two rounds.
    let adopted = papers::create_paper(
        store,
        PaperInput {
            title: ADOPTED_TITLE.into(),
            summary: Some(ADOPTED_SUMMARY.into()),
            handlungsfeld_id: field(store, "Interkulturelle Öffnung").await?,
            lead_organisation_id: c.lead_organisation,
            author_ids: c.authors.iter().take(2).copied().collect(),
            former_authors: None,
            body: Some(ADOPTED_V1.into()),
            expected_version: None,
        },
        by,
        on(day(-80), 9),
    )
    .await?
    .paper
    .id;
    let title = ADOPTED_TITLE;
    papers::save_paper_version(
        store,
        adopted,
        version(
            title,
            ADOPTED_SUMMARY,
            ADOPTED_V2,
            "Rückmeldungen aus den Kreisen eingearbeitet",
        ),
        by,
        on(day(-40), 10),
    )
    .await?;
    status(
        store,
        adopted,
        PaperStatus::InAbstimmung,
        "An die Mitglieder zur Abstimmung versandt.",
        None,
        by,
        on(day(-38), 9),
    )
    .await?;
    papers::save_paper_version(
        store,
        adopted,
        version(title, ADOPTED_SUMMARY, ADOPTED_V3, "Fassung zur Beschlussfassung"),
        by,
        on(day(-10), 15),
    )
    .await?;
    papers::link_paper(
        store,
        adopted,
        LinkTarget {
            session_id: None,
            agenda_item_id: Some(c.adopting_item),
        },
        on(day(-10), 15),
    )
    .await?;
    status(
        store,
        adopted,
        PaperStatus::Beschlossen,
        "In der Sitzung ohne Änderungen beschlossen.",
        Some(c.adopting_decision),
        by,
        on(day(0), 17),
    )
    .await?;

    // In Abstimmung, with an unsaved draft, on the next session's agenda.
    let rural = papers::create_paper(
        store,
        PaperInput {
            title: "Sprache im ländlichen Raum".into(),
            summary: Some(RURAL_SUMMARY.into()),
            handlungsfeld_id: field(store, "Sprache").await?,
            lead_organisation_id: None,
            author_ids: c.authors.iter().skip(2).take(2).copied().collect(),
            former_authors: None,
            body: Some(RURAL_V1.into()),
            expected_version: None,
        },
        by,
        on(day(-5), 11),
    )
    .await?
    .paper
    .id;
    papers::link_paper(
        store,
        rural,
        LinkTarget {
            session_id: Some(c.past_session),
            agenda_item_id: Some(c.report_item),
        },
        on(day(0), 17),
    )
    .await?;
    // The survey the paper builds on, as the PDF the working group sent round.
    let survey = crate::pdf::documents::handout_pdf(
        "Erhebung: Wartezeiten auf Integrationskurse",
        &crate::markdown::parse(SURVEY),
        on(day(-5), 12),
    )?;
    papers::add_attachment(
        store,
        rural,
        None,
        "Erhebung Wartezeiten Integrationskurse.pdf",
        &survey.bytes,
        by,
        on(day(-5), 12),
    )
    .await?;
    let recent = c.today - TimeDelta::days(10);
    papers::save_paper_version(
        store,
        rural,
        version(
            "Sprache im ländlichen Raum",
            RURAL_SUMMARY,
            RURAL_V2,
            "Ergebnisse der Erhebung ergänzt",
        ),
        by,
        on(recent, 10),
    )
    .await?;
    status(
        store,
        rural,
        PaperStatus::InAbstimmung,
        "Zur Rückmeldung an die Kreise.",
        None,
        by,
        on(recent, 11),
    )
    .await?;
    papers::link_paper(
        store,
        rural,
        LinkTarget {
            session_id: None,
            agenda_item_id: Some(c.next_item),
        },
        on(recent, 11),
    )
    .await?;
    papers::save_paper_draft(
        store,
        rural,
        DraftInput {
            title: "Sprache im ländlichen Raum".into(),
            summary: Some(RURAL_SUMMARY.into()),
            body: RURAL_DRAFT.into(),
        },
        on(c.today - TimeDelta::days(1), 16),
    )
    .await?;

    // An early draft and an archived idea.
    papers::create_paper(
        store,
        PaperInput {
            title: "Gesundheitslotsinnen und -lotsen für Geflüchtete".into(),
            summary: None,
            handlungsfeld_id: field(store, "Gesundheit").await?,
            lead_organisation_id: None,
            author_ids: c.authors.iter().skip(4).take(1).copied().collect(),
            former_authors: None,
            body: Some(HEALTH_V1.into()),
            expected_version: None,
        },
        by,
        on(c.today - TimeDelta::days(3), 9),
    )
    .await?;
    let archived = papers::create_paper(
        store,
        PaperInput {
            title: "Willkommensmappe für Neuzugewanderte".into(),
            summary: None,
            handlungsfeld_id: field(store, "Teilhabe").await?,
            lead_organisation_id: None,
            author_ids: Vec::new(),
            former_authors: None,
            body: Some(ARCHIVED_V1.into()),
            expected_version: None,
        },
        by,
        on(day(-120), 9),
    )
    .await?
    .paper
    .id;
    status(
        store,
        archived,
        PaperStatus::Archiviert,
        "Zugunsten digitaler Angebote nicht weiterverfolgt.",
        None,
        by,
        on(day(-90), 9),
    )
    .await?;
    Ok(4)
}

//! The demo network ("Beispielnetzwerk laden", `netzwerkmappe demo`): an integration officer for
//! each of the 44 Stadt- und Landkreise at the right Landratsamt or Stadtverwaltung, the ministry,
//! the three municipal umbrella associations and a few partners (real organisation names and
//! Kreise, invented people with `.example` addresses), and three sessions: two past ones with
//! attendance and approved minutes, decisions and action items (some overdue), one upcoming with
//! its agenda. Everything goes through the same store calls and use cases the window uses, so the
//! demo data obeys every rule real data does. Dates are relative to `now`, so the demo always
//! looks current. The data itself is plain values in `crate::demo`; the past sessions are written
//! by `demo/sessions.rs`, the concept papers by `demo/papers.rs`.

mod papers;
mod sessions;

use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use serde::Serialize;

use crate::agenda::AgendaItemInput;
use crate::berlin::{format_date, today};
use crate::contact::{ContactInput, EmailInput};
use crate::district::{DistrictFilter, DistrictKind};
use crate::minutes::{ActionItemInput, ActionStatus, DecisionInput, MinutesInput};
use crate::organisation::{OrganisationInput, OrganisationKind};
use crate::participant::{ParticipantSet, ParticipantStatus};
use crate::session::{SessionFormat, SessionInput, SessionStatus};
use crate::{Error, Result, store::Store};

use crate::demo::{SEATS, address, person, session_title, wednesday_before};
use sessions::{PastSession, past_session};

/// What the demo created.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DemoSummary {
    pub organisations: usize,
    pub contacts: usize,
    pub sessions: usize,
    pub papers: usize,
}

/// An instant on a given day (09:00 UTC), for the records written "on that day".
fn on(day: NaiveDate) -> DateTime<Utc> {
    day.and_hms_opt(9, 0, 0).map(|t| t.and_utc()).unwrap_or_default()
}

/// Fills an empty store with the demo network. Refuses a store that holds contacts,
/// organisations or sessions (German message), so nobody's data is mixed with invented people.
pub async fn fill(store: &Store, now: DateTime<Utc>) -> Result<DemoSummary> {
    if store.holds_records().await? {
        return Err(Error::validation(
            "Datenordner",
            "Der Datenordner enthält schon Daten. Das Beispielnetzwerk wird nur in einen leeren Datenordner geladen; \
             bitte wählen Sie einen neuen Ordner (z. B. mit --daten).",
        ));
    }
    let today = today(now);
    let mut organisations = 0;
    let mut contacts = Vec::new();
    let mut person_no = 0;

    // The 44 Kreise: one officer each.
    let districts = store.list_districts(&DistrictFilter::default()).await?;
    for d in &districts {
        let (name, kind, city) = match d.kind {
            DistrictKind::Landkreis => (
                format!("Landratsamt {}", d.name),
                OrganisationKind::Landratsamt,
                SEATS
                    .iter()
                    .find(|(ags, _)| *ags == d.ags)
                    .map(|(_, seat)| (*seat).to_owned()),
            ),
            DistrictKind::Stadtkreis if d.name == "Stuttgart" => (
                "Landeshauptstadt Stuttgart".to_owned(),
                OrganisationKind::Stadtverwaltung,
                Some(d.name.clone()),
            ),
            DistrictKind::Stadtkreis => (
                format!("Stadt {}", d.name),
                OrganisationKind::Stadtverwaltung,
                Some(d.name.clone()),
            ),
        };
        let org = store
            .create_organisation(
                OrganisationInput {
                    name: name.clone(),
                    kind: Some(kind),
                    district_ags: Some(d.ags.clone()),
                    city,
                    ..Default::default()
                },
                now,
            )
            .await?;
        organisations += 1;
        let (salutation, first, last) = person(person_no);
        person_no += 1;
        let function = if salutation == "Frau" {
            "Integrationsbeauftragte"
        } else {
            "Integrationsbeauftragter"
        };
        let c = store
            .create_contact(
                ContactInput {
                    salutation: Some(salutation.into()),
                    first_name: Some(first.into()),
                    last_name: last.into(),
                    function: Some(function.into()),
                    organisation_id: Some(org.id),
                    emails: vec![EmailInput {
                        address: address(first, last, &name),
                        kind: "work".into(),
                        preferred: true,
                    }],
                    groups: vec!["Netzwerk Integration".into()],
                    consent_basis: Some(
                        "Art. 6 Abs. 1 lit. e DSGVO (Aufgabe im öffentlichen Interesse)".into(),
                    ),
                    ..Default::default()
                },
                now,
            )
            .await?;
        contacts.push(c.id);
    }

    // The state and the partners.
    // (name, kind, city, people as (function, in the Steuerungsgruppe))
    type Partner<'a> = (&'a str, OrganisationKind, &'a str, &'a [(&'a str, bool)]);
    let partners: [Partner; 8] = [
        (
            "Ministerium für Soziales, Gesundheit und Integration Baden-Württemberg",
            OrganisationKind::Ministerium,
            "Stuttgart",
            &[
                ("Referentin Integration", true),
                ("Referatsleiter Integration", true),
            ],
        ),
        (
            "Landkreistag Baden-Württemberg",
            OrganisationKind::KommunalerLandesverband,
            "Stuttgart",
            &[("Referentin", true)],
        ),
        (
            "Städtetag Baden-Württemberg",
            OrganisationKind::KommunalerLandesverband,
            "Stuttgart",
            &[("Referent", true)],
        ),
        (
            "Gemeindetag Baden-Württemberg",
            OrganisationKind::KommunalerLandesverband,
            "Stuttgart",
            &[("Referentin", true)],
        ),
        (
            "Diakonisches Werk Württemberg",
            OrganisationKind::Wohlfahrtsverband,
            "Stuttgart",
            &[("Fachreferent Migration", false)],
        ),
        (
            "Caritasverband für die Erzdiözese Freiburg",
            OrganisationKind::Wohlfahrtsverband,
            "Freiburg im Breisgau",
            &[("Fachreferentin Migration", false)],
        ),
        (
            "Volkshochschulverband Baden-Württemberg",
            OrganisationKind::Bildungstraeger,
            "Leinfelden-Echterdingen",
            &[("Bereichsleitung Sprache", false)],
        ),
        (
            "Landesverband der kommunalen Migrantenvertretungen Baden-Württemberg",
            OrganisationKind::Migrantenorganisation,
            "Stuttgart",
            &[("Vorsitz", false)],
        ),
    ];
    let mut ministry = Vec::new();
    let mut umbrella = None;
    for (name, kind, city, people) in partners {
        let org = store
            .create_organisation(
                OrganisationInput {
                    name: name.into(),
                    kind: Some(kind),
                    city: Some(city.into()),
                    ..Default::default()
                },
                now,
            )
            .await?;
        organisations += 1;
        if name == "Landkreistag Baden-Württemberg" {
            umbrella = Some(org.id);
        }
        for (function, steering) in people {
            let (salutation, first, last) = person(person_no);
            person_no += 1;
            let mut groups = vec!["Netzwerk Integration".to_owned()];
            if *steering {
                groups.push("Steuerungsgruppe".into());
            }
            let c = store
                .create_contact(
                    ContactInput {
                        salutation: Some(salutation.into()),
                        first_name: Some(first.into()),
                        last_name: last.into(),
                        function: Some((*function).into()),
                        organisation_id: Some(org.id),
                        emails: vec![EmailInput {
                            address: address(first, last, name),
                            kind: "work".into(),
                            preferred: true,
                        }],
                        groups,
                        ..Default::default()
                    },
                    now,
                )
                .await?;
            if kind == OrganisationKind::Ministerium {
                ministry.push(c.id);
            }
            contacts.push(c.id);
        }
    }
    let minute_taker = ministry.first().copied();
    let officer = |i: usize| contacts.get(i).copied();

    // Three sessions: ~5 months ago, ~2 months ago, in three weeks.
    let first_day = wednesday_before(today - TimeDelta::days(150));
    let second_day = wednesday_before(today - TimeDelta::days(60));
    let next_day = wednesday_before(today + TimeDelta::days(24));

    let first = past_session(
        store,
        PastSession {
        day: first_day,
        format: SessionFormat::Praesenz,
        place: Some("Stuttgart, Ministerium für Soziales, Gesundheit und Integration"),
        tops: &[
            ("Begrüßung und Tagesordnung", 10, "Die Tagesordnung wurde ohne Änderungen angenommen.", None),
            (
                "Berichte aus den Stadt- und Landkreisen",
                40,
                "Mehrere Kreise berichten von langen Wartezeiten auf Integrationskurse, vor allem in ländlichen Räumen.\n\
                 • Alb-Donau-Kreis: Wartezeit bis zu sechs Monate\n• Stadt Mannheim: neues Kursangebot mit Kinderbetreuung",
                Some("Das Netzwerk bittet das Ministerium, die Wartezeiten auf Integrationskurse landesweit zu erheben."),
            ),
            (
                "Sprachförderung im ländlichen Raum",
                30,
                "Diskussion über Online-Kurse und Fahrtkostenzuschüsse. Der Volkshochschulverband stellt ein Pilotprojekt vor.",
                Some("Eine Arbeitsgruppe „Sprache im ländlichen Raum“ wird eingerichtet."),
            ),
            ("Verschiedenes", 10, "Keine weiteren Themen.", None),
        ],
        tasks: &[
            ("Erhebung der Wartezeiten auf Integrationskurse vorbereiten", minute_taker, 21, true),
            ("Mitglieder für die Arbeitsgruppe „Sprache im ländlichen Raum“ melden", officer(30), 28, false),
            ("Übersicht der Kursangebote mit Kinderbetreuung zusammenstellen", officer(21), 45, false),
        ],
        approves: None,
        },
        &contacts,
        minute_taker,
    )
    .await?;

    // Its TOP 1 approves the first session's minutes, as networks do.
    let second = past_session(
        store,
        PastSession {
        day: second_day,
        format: SessionFormat::Hybrid,
        place: Some("Tübingen, Landratsamt"),
        tops: &[
            ("Genehmigung des Protokolls der letzten Sitzung", 5, "Das Protokoll wurde ohne Änderungen genehmigt.", Some("Das Protokoll der letzten Sitzung wird genehmigt.")),
            (
                "Wohnraum für Geflüchtete: Anschlussunterbringung",
                40,
                "Die Kreise schildern die Lage in der Anschlussunterbringung. Die kommunalen Landesverbände regen einen \
                 Erfahrungsaustausch mit Wohnungsbaugesellschaften an.",
                Some("Das Netzwerk lädt zur nächsten Sitzung eine Wohnungsbaugesellschaft als Gast ein."),
            ),
            (
                "Bericht der Arbeitsgruppe Sprache",
                25,
                "Die Arbeitsgruppe stellt erste Ergebnisse vor; ein Konzeptpapier ist in Arbeit.",
                None,
            ),
            (
                "Konzeptpapier „Interkulturelle Öffnung der Kreisverwaltungen“",
                20,
                "Die Geschäftsstelle stellt die Fassung zur Beschlussfassung vor; Rückfragen zur Finanzierung werden geklärt.",
                Some("Das Netzwerk beschließt das Konzeptpapier „Interkulturelle Öffnung der Kreisverwaltungen“ in der vorgelegten Fassung."),
            ),
            ("Verschiedenes", 10, "Termin der nächsten Sitzung wird per E-Mail abgestimmt.", None),
        ],
        tasks: &[
            ("Konzeptpapier „Sprache im ländlichen Raum“ im Entwurf vorlegen", officer(30), 30, false),
            ("Gast einer Wohnungsbaugesellschaft für die nächste Sitzung anfragen", officer(0), 75, false),
        ],
        approves: Some(first),
        },
        &contacts,
        minute_taker,
    )
    .await?;
    crate::usecase::minutes::approve_minutes(
        store,
        second,
        "Steuerungsgruppe des Netzwerks (im Umlaufverfahren)",
        on(second_day + TimeDelta::days(14)),
    )
    .await?;

    // The upcoming session: agenda, invitations, no minutes yet.
    let next = crate::usecase::sessions::create_session(
        store,
        SessionInput {
            title: session_title(next_day),
            date: format_date(next_day),
            start_time: "14:00".into(),
            end_time: Some("16:30".into()),
            format: SessionFormat::Online,
            video_link: Some("https://video.example/netzwerk-integration".into()),
            status: SessionStatus::Eingeladen,
            notes: Some("Einladung verschickt; bitte Zusagen bis eine Woche vorher.".into()),
            ..Default::default()
        },
        now,
    )
    .await?;
    let mut paper_item = None;
    // Who is responsible for a TOP: the ministry for the welcome, two officers for the paper
    // their working group drafted (so a new user sees several names on one TOP).
    let ministry_lead: Vec<i64> = minute_taker.into_iter().collect();
    let paper_authors: Vec<i64> = [officer(5), officer(12)].into_iter().flatten().collect();
    for (title, minutes, approves, responsible) in [
        ("Begrüßung und Tagesordnung", 10, None, ministry_lead),
        (
            "Genehmigung des Protokolls der letzten Sitzung",
            5,
            Some(second),
            vec![],
        ),
        ("Gast: Wohnungsbau und Integration", 40, None, vec![]),
        (
            "Konzeptpapier „Sprache im ländlichen Raum“",
            30,
            None,
            paper_authors,
        ),
        ("Verschiedenes", 10, None, vec![]),
    ] {
        let item = crate::usecase::agenda::add_agenda_item(
            store,
            next.id,
            AgendaItemInput {
                title: title.into(),
                planned_minutes: Some(minutes),
                approves_session_id: approves,
                responsible_contact_ids: responsible,
                ..Default::default()
            },
            now,
        )
        .await?;
        if title.starts_with("Konzeptpapier") {
            paper_item = Some(item.id);
        }
    }
    crate::usecase::participants::add_participants(
        store,
        next.id,
        &ParticipantSet::Group("Netzwerk Integration".into()),
        now,
    )
    .await?;

    let papers = fill_papers(store, second, second_day, paper_item, today, &contacts, umbrella).await?;

    Ok(DemoSummary {
        organisations,
        contacts: contacts.len(),
        sessions: 3,
        papers,
    })
}

/// The concept papers (`demo/papers.rs`), tied to the past session's TOPs and decision and to the
/// next session's TOP on the paper in Abstimmung.
async fn fill_papers(
    store: &Store,
    past: i64,
    past_day: NaiveDate,
    next_item: Option<i64>,
    today: NaiveDate,
    contacts: &[i64],
    lead_organisation: Option<i64>,
) -> Result<usize> {
    let agenda = store.list_agenda(past).await?;
    let item = |prefix: &str| agenda.iter().find(|a| a.title.starts_with(prefix)).map(|a| a.id);
    let adopting_item = item("Konzeptpapier").unwrap_or_default();
    let decisions = store.get_minutes(past).await?.decisions;
    let adopting = decisions.iter().find(|d| d.agenda_item_id == Some(adopting_item));
    let (Some(decision), Some(report_item), Some(next_item)) =
        (adopting, item("Bericht der Arbeitsgruppe"), next_item)
    else {
        return Ok(0);
    };
    let context = papers::DemoPaperContext {
        past_day,
        past_session: past,
        adopting_decision: decision.id,
        adopting_item,
        report_item,
        next_item,
        today,
        authors: [0, 12, 30, 21, 7]
            .iter()
            .filter_map(|i| contacts.get(*i).copied())
            .collect(),
        lead_organisation,
    };
    papers::fill(store, &context).await
}

//! The demo network's concept papers (called by `demo::fill`): one adopted by a decision of the
//! last past session and linked to its TOP, one in Abstimmung with an unsaved draft and linked to
//! the next session's TOP, one early Entwurf, one archived. Each with several versions of realistic
//! German text (headings, lists, a table), written through the same store calls as the window and
//! dated relative to the sessions, so the version list and status history read like real work.

use chrono::{DateTime, NaiveDate, TimeDelta, Utc};

use crate::paper::{DraftInput, LinkTarget, PaperInput, StatusChangeInput, VersionInput};
use crate::paper_status::PaperStatus;
use crate::{Result, Store};

/// The working group's survey, attached to "Sprache im ländlichen Raum" as a PDF.
const SURVEY: &str = "Die Arbeitsgruppe Sprache hat im Oktober alle Stadt- und Landkreise nach den Wartezeiten \
auf einen Platz im Integrationskurs gefragt. 38 von 44 Kreisen haben geantwortet; die Tabelle zeigt eine Auswahl.

| Kreis | Wartezeit (Wochen) | Kurse mit Kinderbetreuung | Online-Angebot |
|---|---|---|---|
| Alb-Donau-Kreis | 22 | 1 | ja |
| Biberach | 18 | 0 | nein |
| Böblingen | 9 | 3 | ja |
| Calw | 16 | 1 | nein |
| Freudenstadt | 26 | 0 | nein |
| Hohenlohekreis | 20 | 1 | ja |
| Main-Tauber-Kreis | 24 | 0 | nein |
| Neckar-Odenwald-Kreis | 19 | 1 | ja |
| Ostalbkreis | 14 | 2 | ja |
| Sigmaringen | 21 | 0 | nein |
| Stadtkreis Stuttgart | 6 | 8 | ja |
| Tübingen | 8 | 4 | ja |
| Zollernalbkreis | 17 | 1 | nein |

## Ergebnis

In den ländlichen Kreisen warten Teilnehmende im Mittel 20 Wochen, in den Stadtkreisen 7 Wochen. \
Wo es Kurse mit Kinderbetreuung gibt, brechen weniger Teilnehmende ab.";

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

// The texts are written without hard line breaks: the editor (a textarea that wraps by itself)
// and Word pastes put one paragraph per line, so `markdown::normalise` makes every line a
// paragraph of its own; a paragraph wrapped at 100 characters would be shown broken in two. The
// `\` at a line's end continues the Rust string without a line break, keeping the source readable.

/// Title of the paper the past session adopts (its TOP and decision name it).
pub(crate) const ADOPTED_TITLE: &str = "Interkulturelle Öffnung der Kreisverwaltungen";

const ADOPTED_V1: &str = "# Ausgangslage

In vielen Kreisverwaltungen haben Menschen mit Migrationsgeschichte noch Hürden beim Zugang zu Leistungen. \
Das Netzwerk will die Verwaltungen dabei unterstützen, sich interkulturell zu öffnen.

## Ziele

- Mehrsprachige Informationen zu den wichtigsten Leistungen
- Fortbildungen für Beschäftigte mit Kundenkontakt
";

const ADOPTED_V2: &str = "# Ausgangslage

In vielen Kreisverwaltungen haben Menschen mit Migrationsgeschichte noch Hürden beim Zugang zu Leistungen, \
vor allem in der Ausländerbehörde und im Jobcenter. Das Netzwerk will die Verwaltungen dabei unterstützen, \
sich interkulturell zu öffnen.

## Ziele

- Mehrsprachige Informationen zu den wichtigsten Leistungen (mindestens Arabisch, Türkisch, Ukrainisch)
- Fortbildungen für **alle** Beschäftigten mit Kundenkontakt
- Eine Ansprechperson für interkulturelle Öffnung in jeder Kreisverwaltung

## Umsetzung

| Maßnahme | Zuständig | Zeitraum |
|---|---|---|
| Übersetzung der Merkblätter | Integrationsbeauftragte | 1. Halbjahr |
| Fortbildungsreihe | Personalamt | laufend |
";

const ADOPTED_V3: &str = "# Ausgangslage

In vielen Kreisverwaltungen haben Menschen mit Migrationsgeschichte noch Hürden beim Zugang zu Leistungen, \
vor allem in der Ausländerbehörde und im Jobcenter. Das Netzwerk will die Verwaltungen dabei unterstützen, \
sich interkulturell zu öffnen.

## Ziele

1. Mehrsprachige Informationen zu den wichtigsten Leistungen (mindestens Arabisch, Türkisch, Ukrainisch)
2. Fortbildungen für **alle** Beschäftigten mit Kundenkontakt
3. Eine Ansprechperson für interkulturelle Öffnung in jeder Kreisverwaltung

## Umsetzung

| Maßnahme | Zuständig | Zeitraum |
|---|---|---|
| Übersetzung der Merkblätter | Integrationsbeauftragte | 1. Halbjahr |
| Fortbildungsreihe | Personalamt | laufend |
| Bericht an das Netzwerk | Geschäftsstelle | jährlich |

## Finanzierung

Die Übersetzungen werden aus Mitteln der *Förderung der kommunalen Integrationsarbeit* bezahlt. \
Weitere Informationen: [Integrationsportal](https://integration.example/foerderung).
";

const RURAL_V1: &str = "# Sprache im ländlichen Raum

Im ländlichen Raum sind Integrationskurse oft weit entfernt und schlecht mit Bus und Bahn erreichbar.

## Vorschläge

- Fahrtkostenzuschüsse für Teilnehmende
- Online-Kurse mit Präsenztagen
";

const RURAL_V2: &str = "# Sprache im ländlichen Raum

Im ländlichen Raum sind Integrationskurse oft weit entfernt und schlecht mit Bus und Bahn erreichbar. \
Die Wartezeiten liegen nach der Erhebung des Ministeriums bei bis zu sechs Monaten.

## Vorschläge

- Fahrtkostenzuschüsse für Teilnehmende
- Online-Kurse mit Präsenztagen in der Volkshochschule vor Ort
- Kinderbetreuung während der Kurszeiten

## Nächste Schritte

Die Arbeitsgruppe bittet die Kreise um Rückmeldung bis zur nächsten Sitzung.
";

const RURAL_DRAFT: &str = "# Sprache im ländlichen Raum

Im ländlichen Raum sind Integrationskurse oft weit entfernt und schlecht mit Bus und Bahn erreichbar. \
Die Wartezeiten liegen nach der Erhebung des Ministeriums bei bis zu sechs Monaten.

## Vorschläge

- Fahrtkostenzuschüsse für Teilnehmende
- Online-Kurse mit Präsenztagen in der Volkshochschule vor Ort
- Kinderbetreuung während der Kurszeiten
- Ehrenamtliche Sprachpatenschaften als Ergänzung

## Nächste Schritte

Die Arbeitsgruppe bittet die Kreise um Rückmeldung bis zur nächsten Sitzung.
";

const HEALTH_V1: &str = "# Gesundheitslotsinnen und -lotsen

Geschulte Lotsinnen und Lotsen begleiten neu Zugewanderte zu Ärztinnen, Ärzten und Beratungsstellen.

## Offene Fragen

- Wer bildet die Lotsinnen und Lotsen aus?
- Wie werden Dolmetschkosten übernommen?
";

const ARCHIVED_V1: &str = "# Willkommensmappe für Neuzugewanderte

Eine gedruckte Mappe mit den wichtigsten Adressen im Kreis.

Das Vorhaben wurde zugunsten digitaler Angebote nicht weiterverfolgt.
";

fn on(day: NaiveDate, hour: u32) -> DateTime<Utc> {
    day.and_hms_opt(hour, 0, 0).unwrap_or_default().and_utc()
}

/// The Kurzfassungen, repeated by every version (a version without one would drop the paper's).
const ADOPTED_SUMMARY: &str = "Wie die Kreisverwaltungen Menschen mit Migrationsgeschichte besser erreichen.";
const RURAL_SUMMARY: &str =
    "Vorschläge der Arbeitsgruppe, wie Sprachkurse auch fern der Städte erreichbar werden.";

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
    store
        .change_paper_status(
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
    let adopted = store
        .create_paper(
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
    store
        .save_paper_version(
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
    store
        .save_paper_version(
            adopted,
            version(title, ADOPTED_SUMMARY, ADOPTED_V3, "Fassung zur Beschlussfassung"),
            by,
            on(day(-10), 15),
        )
        .await?;
    store
        .link_paper(
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
    let rural = store
        .create_paper(
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
    store
        .link_paper(
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
    store
        .add_attachment(
            rural,
            None,
            "Erhebung Wartezeiten Integrationskurse.pdf",
            &survey.bytes,
            by,
            on(day(-5), 12),
        )
        .await?;
    let recent = c.today - TimeDelta::days(10);
    store
        .save_paper_version(
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
    store
        .link_paper(
            rural,
            LinkTarget {
                session_id: None,
                agenda_item_id: Some(c.next_item),
            },
            on(recent, 11),
        )
        .await?;
    store
        .save_paper_draft(
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
    store
        .create_paper(
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
    let archived = store
        .create_paper(
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Block;

    /// A hard-wrapped demo text shows a paragraph broken mid-sentence (the rule above): every
    /// paragraph of every demo text ends like a sentence.
    #[test]
    fn demo_texts_have_no_paragraph_broken_mid_sentence() {
        for text in [
            ADOPTED_V1,
            ADOPTED_V2,
            ADOPTED_V3,
            RURAL_V1,
            RURAL_V2,
            RURAL_DRAFT,
            HEALTH_V1,
            ARCHIVED_V1,
        ] {
            let doc = crate::markdown::parse(text);
            let paragraphs: Vec<String> = doc
                .blocks
                .iter()
                .filter(|b| matches!(b, Block::Paragraph { .. }))
                .map(|b| {
                    crate::document::Document {
                        blocks: vec![b.clone()],
                    }
                    .plain_text()
                })
                .collect();
            assert!(!paragraphs.is_empty());
            for p in paragraphs {
                let p = p.trim_end();
                assert!(p.ends_with(['.', '!', '?', ')']), "broken paragraph: {p:?}");
            }
        }
        // The adopted paper's first paragraph is one paragraph of three lines' worth of text.
        let doc = crate::markdown::parse(ADOPTED_V3);
        let first = doc.blocks.iter().find(|b| matches!(b, Block::Paragraph { .. }));
        let text = first.map(|b| {
            crate::document::Document {
                blocks: vec![b.clone()],
            }
            .plain_text()
        });
        assert!(
            text.is_some_and(|t| t.contains("Leistungen, vor allem in der Ausländerbehörde")
                && t.trim_end().ends_with("sich interkulturell zu öffnen.")),
        );
    }
}

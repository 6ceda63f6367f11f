//! The demo's concept papers as text: several versions each of realistic German Markdown
//! (headings, lists, a table) and the working group's survey. `usecase::demo` writes them.

/// The working group's survey, attached to "Sprache im ländlichen Raum" as a PDF.
pub(crate) const SURVEY: &str = "Die Arbeitsgruppe Sprache hat im Oktober alle Stadt- und Landkreise nach den Wartezeiten \
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

// The texts are written without hard line breaks: the editor (a textarea that wraps by itself)
// and Word pastes put one paragraph per line, so `markdown::normalise` makes every line a
// paragraph of its own; a paragraph wrapped at 100 characters would be shown broken in two. The
// `\` at a line's end continues the Rust string without a line break, keeping the source readable.

/// Title of the paper the past session adopts (its TOP and decision name it).
pub(crate) const ADOPTED_TITLE: &str = "Interkulturelle Öffnung der Kreisverwaltungen";

pub(crate) const ADOPTED_V1: &str = "# Ausgangslage

In vielen Kreisverwaltungen haben Menschen mit Migrationsgeschichte noch Hürden beim Zugang zu Leistungen. \
Das Netzwerk will die Verwaltungen dabei unterstützen, sich interkulturell zu öffnen.

## Ziele

- Mehrsprachige Informationen zu den wichtigsten Leistungen
- Fortbildungen für Beschäftigte mit Kundenkontakt
";

pub(crate) const ADOPTED_V2: &str = "# Ausgangslage

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

pub(crate) const ADOPTED_V3: &str = "# Ausgangslage

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

pub(crate) const RURAL_V1: &str = "# Sprache im ländlichen Raum

Im ländlichen Raum sind Integrationskurse oft weit entfernt und schlecht mit Bus und Bahn erreichbar.

## Vorschläge

- Fahrtkostenzuschüsse für Teilnehmende
- Online-Kurse mit Präsenztagen
";

pub(crate) const RURAL_V2: &str = "# Sprache im ländlichen Raum

Im ländlichen Raum sind Integrationskurse oft weit entfernt und schlecht mit Bus und Bahn erreichbar. \
Die Wartezeiten liegen nach der Erhebung des Ministeriums bei bis zu sechs Monaten.

## Vorschläge

- Fahrtkostenzuschüsse für Teilnehmende
- Online-Kurse mit Präsenztagen in der Volkshochschule vor Ort
- Kinderbetreuung während der Kurszeiten

## Nächste Schritte

Die Arbeitsgruppe bittet die Kreise um Rückmeldung bis zur nächsten Sitzung.
";

pub(crate) const RURAL_DRAFT: &str = "# Sprache im ländlichen Raum

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

pub(crate) const HEALTH_V1: &str = "# Gesundheitslotsinnen und -lotsen

Geschulte Lotsinnen und Lotsen begleiten neu Zugewanderte zu Ärztinnen, Ärzten und Beratungsstellen.

## Offene Fragen

- Wer bildet die Lotsinnen und Lotsen aus?
- Wie werden Dolmetschkosten übernommen?
";

pub(crate) const ARCHIVED_V1: &str = "# Willkommensmappe für Neuzugewanderte

Eine gedruckte Mappe mit den wichtigsten Adressen im Kreis.

Das Vorhaben wurde zugunsten digitaler Angebote nicht weiterverfolgt.
";

/// The Kurzfassungen, repeated by every version (a version without one would drop the paper's).
pub(crate) const ADOPTED_SUMMARY: &str =
    "Wie die Kreisverwaltungen Menschen mit Migrationsgeschichte besser erreichen.";
pub(crate) const RURAL_SUMMARY: &str =
    "Vorschläge der Arbeitsgruppe, wie Sprachkurse auch fern der Städte erreichbar werden.";

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

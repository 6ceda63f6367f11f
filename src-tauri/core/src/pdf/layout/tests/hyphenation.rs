//! German hyphenation in the layout (issue 12): where a long word is hyphenated, what never is,
//! and a property test over random prose.

use super::*;

fn lines_of(text: &str, width: f32) -> Vec<String> {
    wrap(&[Run::plain(text)], width, 10.0, &Fixed)
        .iter()
        .map(Line::text)
        .collect()
}

#[test]
fn a_long_compound_at_a_line_end_is_hyphenated_at_the_latest_syllable_that_fits() {
    // 30 characters a line; after "Die Arbeit der " 15 are left, and "Integrationsbe-" fills them.
    let lines = lines_of("Die Arbeit der Integrationsbeauftragten beginnt heute.", 150.0);
    assert_eq!(
        lines,
        ["Die Arbeit der Integrationsbe-", "auftragten beginnt heute."]
    );
    // One character less: the latest point that still fits is "Integrations-".
    let lines = lines_of("Die Arbeit der Integrationsbeauftragten beginnt heute.", 145.0);
    assert_eq!(
        lines,
        ["Die Arbeit der Integrations-", "beauftragten beginnt heute."]
    );
    // Umlauts and ß: "Sprach-förder…", "Maß-nahmen".
    let lines = lines_of("Wir planen neue Sprachförderangebote und Maßnahmen.", 120.0);
    assert_eq!(
        lines,
        ["Wir planen neue Sprach-", "förderangebote und Maß-", "nahmen."]
    );
}

#[test]
fn a_word_that_fits_whole_or_a_small_gap_is_not_hyphenated() {
    // Everything fits on one line: nothing changes.
    let text = "Die Integrationsbeauftragten tagen.";
    assert_eq!(lines_of(text, 400.0), [text]);
    // A gap of three characters (15 pt) at 10 pt is below the zone of two ems (20 pt): "Ge-"
    // would fit, but the word moves to the next line whole, as without hyphenation.
    let text = "Die Arbeitsgemeinschaften der Geflüchteten";
    let lines = lines_of(text, 165.0);
    assert_eq!(lines, ["Die Arbeitsgemeinschaften der", "Geflüchteten"]);
    // A gap of four characters is wide enough.
    let lines = lines_of(text, 170.0);
    assert_eq!(lines, ["Die Arbeitsgemeinschaften der Ge-", "flüchteten"]);
}

#[test]
fn punctuation_around_a_hyphenated_word_stays_attached() {
    let lines = lines_of("Gemeint sind (Integrationsbeauftragte), nicht andere.", 135.0);
    assert_eq!(
        lines,
        ["Gemeint sind (Integrations-", "beauftragte), nicht andere."]
    );
    let lines = lines_of("Es berichten „Integrationsbeauftragte“.", 110.0);
    assert_eq!(lines, ["Es berichten „Integra-", "tionsbeauftragte“."]);
}

#[test]
fn addresses_numbers_capitals_and_links_are_never_hyphenated() {
    for word in [
        "https://www.example.org/integration",
        "www.netzwerk-integration.de",
        "info@netzwerkintegration.de",
        "Drucksache17/2026",
        "1234567890123",
        "NETZWERKMAPPEN",
        "BAföG-Empfängerinnen",
        "Baden-Württembergisches",
    ] {
        let text = format!("Bitte lesen Sie {word} genau");
        let lines = lines_of(&text, 150.0);
        // Breaks only at spaces and after a "/" or "-" already there: nothing is inserted.
        assert_eq!(
            lines.concat().replace(' ', ""),
            text.replace(' ', ""),
            "{lines:?}"
        );
        assert!(lines.len() >= 2, "{lines:?}");
    }
    // A link is never hyphenated, even when it is a plain word.
    let runs = [
        Run::plain("Bitte lesen Sie "),
        Run {
            text: "Integrationsbeauftragte".into(),
            link: Some("https://example.org".into()),
            ..Run::default()
        },
    ];
    let lines = wrap(&runs, 150.0, 10.0, &Fixed);
    assert_eq!(lines[0].text(), "Bitte lesen Sie");
    assert_eq!(lines[1].text(), "Integrationsbeauftragte");
    // Headings move a word whole to the next line.
    let lines = wrap_with(
        &[Run::plain("Bericht der Integrationsbeauftragten")],
        150.0,
        10.0,
        &Fixed,
        Hyphenation::OverlongOnly,
    );
    assert_eq!(lines[0].text(), "Bericht der");
}

#[test]
fn a_word_in_two_faces_is_hyphenated_across_them_with_the_hyphen_measured() {
    let runs = [
        Run::plain("Die Arbeit der "),
        Run::bold("Integrations"),
        Run::plain("beauftragten beginnt."),
    ];
    let lines = wrap(&runs, 150.0, 10.0, &Fixed);
    assert_eq!(lines[0].text(), "Die Arbeit der Integrationsbe-");
    assert_eq!(lines[0].width, 150.0, "the hyphen counts");
    let faces: Vec<(String, Face)> = lines[0].pieces.iter().map(|p| (p.text.clone(), p.face)).collect();
    assert_eq!(
        faces,
        [
            ("Die Arbeit der ".to_string(), Face::Regular),
            ("Integrations".to_string(), Face::Bold),
            ("be-".to_string(), Face::Regular),
        ]
    );
    assert_eq!(lines[1].text(), "auftragten beginnt.");
}

#[test]
fn a_word_wider_than_the_line_is_split_at_syllables_before_letters() {
    // 20 characters a line.
    // 294 letters, one capital (a capital inside would mark an abbreviation).
    let word = format!("Landes{}", "erstaufnahmeeinrichtungs".repeat(12));
    let lines = wrap(&[Run::plain(word.clone())], 100.0, 10.0, &Fixed);
    let texts: Vec<String> = lines.iter().map(Line::text).collect();
    assert!(lines.iter().all(|l| l.width <= 100.0 + 0.01));
    assert_eq!(texts.concat().replace('-', ""), word);
    // Every piece but the last ends at a syllable the patterns allow.
    let points = super::hyphenate::points(&word);
    let mut at = 0;
    for t in &texts[..texts.len() - 1] {
        at += t.len() - 1;
        assert!(points.contains(&at), "{t} in {texts:?}");
    }
}

#[test]
fn real_fonts_measure_the_hyphen_and_keep_every_line_inside() {
    let fonts = Fonts::get().expect("fonts");
    let text = "Die Integrationsbeauftragten der Stadt- und Landkreise berichten über die \
                Landeserstaufnahmeeinrichtung, über Sprachförderangebote und Maßnahmen der \
                Anschlussunterbringung. Migrantenorganisationen (Selbstorganisationen) \
                werden beteiligt; Geflüchtete erhalten Beratungsgutscheine.";
    let mut hyphenated = 0;
    for width in [90.0, 120.0, 160.0, 210.0, 300.0] {
        let lines = wrap(&[Run::plain(text)], width, 10.5, fonts);
        for line in &lines {
            let measured = fonts.width(Face::Regular, 10.5, &line.text());
            assert!((line.width - measured).abs() < 0.01, "{line:?}");
            assert!(line.width <= width + 0.01, "{line:?}");
        }
        hyphenated += lines
            .iter()
            .filter(|l| l.text().ends_with('-') && !l.text().ends_with("Stadt-"))
            .count();
    }
    assert!(hyphenated >= 5, "{hyphenated}");
}

#[test]
fn code_is_never_hyphenated_but_the_same_text_as_a_paragraph_is() {
    let text = "Integrationsbeauftragte Landeserstaufnahmeeinrichtung Sprachförderangebote ".repeat(8);
    let ends_with_hyphen = |blocks: &[Block]| {
        let laid = layout(blocks, &Frame::a4(), Fonts::get().expect("fonts"));
        (0..laid.pages.len())
            .flat_map(|p| texts(&laid, p))
            .any(|t| t.ends_with('-'))
    };
    assert!(!ends_with_hyphen(&[Block::Preformatted { text: text.clone() }]));
    assert!(ends_with_hyphen(&[para(&text)]));
}

/// The words the property test draws from: prose of every length, compounds, punctuation, and
/// what must never be hyphenated. No "-" in any of them, so every line-end hyphen is inserted.
const WORDS: [&str; 20] = [
    "die",
    "und",
    "Netzwerk",
    "Integrationsbeauftragte",
    "Landeserstaufnahmeeinrichtung",
    "Sprachförderangebote",
    "(Förderung),",
    "Maßnahmen.",
    "Anschlussunterbringung",
    "Geflüchtete",
    "„Migrantenorganisationen“",
    "Kinder",
    "www.sprachfoerderung.example.org",
    "info@netzwerk.de",
    "20261127",
    "BAMF",
    "NETZWERKMAPPE",
    "Ministerium",
    "Beratung",
    "Wohnungen",
];

proptest::proptest! {
    #[test]
    fn hyphenated_lines_never_overflow_and_break_only_at_allowed_points(
        picks in proptest::collection::vec(0..WORDS.len(), 1..40),
        chars in 35usize..90,
    ) {
        let words: Vec<&str> = picks.iter().map(|&i| WORDS[i]).collect();
        let text = words.join(" ");
        // Fixed: 5 pt a character at 10 pt; every word fits a line, so only spaces and
        // inserted hyphens break.
        let width = chars as f32 * 5.0;
        let lines = wrap(&[Run::plain(text.as_str())], width, 10.0, &Fixed);
        let texts: Vec<String> = lines.iter().map(Line::text).collect();
        let mut rebuilt = String::new();
        let mut word = 0; // index into `words` of the word the next line starts with or inside
        let mut inside = 0; // bytes of that word already placed
        for (n, t) in texts.iter().enumerate() {
            proptest::prop_assert!(lines[n].width <= width + 0.01);
            proptest::prop_assert_eq!(lines[n].width, t.chars().count() as f32 * 5.0);
            let body = t.strip_suffix('-').unwrap_or(t);
            rebuilt.push_str(body);
            // Walk the words of this line.
            let used = inside + body.len();
            let mut rest = used;
            while word < words.len() && rest >= words[word].len() {
                rest -= words[word].len();
                word += 1;
                rest = rest.saturating_sub(1); // the space
            }
            if t.ends_with('-') {
                // Inserted: inside a prose word, at one of its points, the latest that fits, and
                // only because the whole word did not fit.
                let w = words[word];
                let points = super::hyphenate::points(w);
                proptest::prop_assert!(points.contains(&rest), "{} at {} in {:?}", w, rest, texts);
                let before = t.chars().count() - 1 - w[..rest].chars().count();
                let whole = before + w.chars().count();
                proptest::prop_assert!(whole > chars, "{} fit whole: {:?}", w, texts);
                if let Some(&next) = points.iter().find(|&&p| p > rest) {
                    proptest::prop_assert!(before + w[..next].chars().count() + 1 > chars);
                }
                inside = rest;
            } else {
                proptest::prop_assert_eq!(rest, 0);
                inside = 0;
                rebuilt.push(' ');
            }
        }
        proptest::prop_assert_eq!(rebuilt.trim_end(), text.as_str());
        // Where nothing was hyphenated, the lines are those of plain wrapping.
        if !texts.iter().any(|t| t.ends_with('-')) {
            let plain: Vec<String> = wrap_with(&[Run::plain(text.as_str())], width, 10.0, &Fixed, Hyphenation::Never)
                .iter()
                .map(Line::text)
                .collect();
            proptest::prop_assert_eq!(&texts, &plain);
        }
    }
}

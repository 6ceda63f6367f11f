//! Layout rules checked with a fixed-width stand-in font (every character half the size wide)
//! and, where widths matter, with the real fonts.

use super::*;
use crate::pdf::fonts::Fonts;

/// Every character is `size / 2` wide, whatever the face.
struct Fixed;

impl Measure for Fixed {
    fn width(&self, _face: Face, size: f32, text: &str) -> f32 {
        text.chars().count() as f32 * size / 2.0
    }
}

fn texts(laid: &Laid, page: usize) -> Vec<String> {
    laid.pages[page]
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Text { text, .. } => Some(text.clone()),
            _ => None,
        })
        .collect()
}

fn para(text: &str) -> Block {
    Block::Paragraph {
        runs: vec![Run::plain(text)],
        style: ParagraphStyle::body(),
    }
}

#[test]
fn wraps_at_spaces_without_exceeding_the_width() {
    // 10 pt: 5 points a character, 50 points = 10 characters.
    let runs = [Run::plain("Das Netzwerk tagt heute im Saal")];
    let lines = wrap_with(&runs, 50.0, 10.0, &Fixed, Hyphenation::OverlongOnly);
    let texts: Vec<String> = lines.iter().map(Line::text).collect();
    assert_eq!(texts, ["Das", "Netzwerk", "tagt heute", "im Saal"]);
    assert!(lines.iter().all(|l| l.width <= 50.0));
    // Running text fills the seven characters left after "Das" with "Netz-".
    let lines = wrap(&runs, 50.0, 10.0, &Fixed);
    let texts: Vec<String> = lines.iter().map(Line::text).collect();
    assert_eq!(texts, ["Das Netz-", "werk tagt", "heute im", "Saal"]);
    assert!(lines.iter().all(|l| l.width <= 50.0));
}

#[test]
fn breaks_after_hyphens_and_slashes_and_cuts_overlong_words() {
    // "Württemberg" is wider than the line: split at a syllable, not after "Württembe".
    let lines = wrap(&[Run::plain("Baden-Württemberg")], 50.0, 10.0, &Fixed);
    assert_eq!(
        lines.iter().map(Line::text).collect::<Vec<_>>(),
        ["Baden-", "Württem-", "berg"]
    );
    // Without syllables (code) it is cut at the last letter that fits, as before.
    let lines = wrap_with(
        &[Run::plain("Baden-Württemberg")],
        50.0,
        10.0,
        &Fixed,
        Hyphenation::Never,
    );
    assert_eq!(
        lines.iter().map(Line::text).collect::<Vec<_>>(),
        ["Baden-", "Württembe-", "rg"]
    );
    // A cut word without syllables: nine characters and a hyphen a line, the last piece without one.
    let long = "x".repeat(300);
    let lines = wrap(&[Run::plain(long.clone())], 50.0, 10.0, &Fixed);
    assert_eq!(lines.len(), 34);
    assert!(lines.iter().all(|l| l.width <= 50.0 + 0.01));
    let texts: Vec<String> = lines.iter().map(Line::text).collect();
    assert_eq!(texts[0], "xxxxxxxxx-");
    assert!(texts[..33].iter().all(|t| t.ends_with('-')), "{texts:?}");
    assert!(!texts[33].ends_with('-'));
    assert_eq!(texts.concat().replace('-', ""), long);
    // A URL or an address is cut without a hyphen (it would read as part of it).
    let url = format!("www.example.org.{}", "y".repeat(40));
    let lines = wrap(&[Run::plain(url.clone())], 50.0, 10.0, &Fixed);
    assert_eq!(lines.iter().map(Line::text).collect::<String>(), url);
}

#[test]
fn keeps_styles_and_links_as_separate_pieces_and_hard_breaks() {
    let runs = [
        Run::plain("Siehe "),
        Run {
            text: "https://example.org".into(),
            link: Some("https://example.org".into()),
            ..Run::default()
        },
        Run::bold(" jetzt\nneu"),
    ];
    let lines = wrap(&runs, 500.0, 10.0, &Fixed);
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0].pieces.len(), 3);
    assert_eq!(lines[0].pieces[1].link.as_deref(), Some("https://example.org"));
    assert_eq!(lines[0].pieces[1].x, 30.0);
    assert_eq!(lines[1].text(), "neu");
    assert_eq!(lines[1].pieces[0].face, Face::Bold);
}

#[test]
fn a_heading_never_ends_a_page() {
    let frame = Frame::a4();
    // Fill the page so that only the heading itself would still fit.
    let line_height = ParagraphStyle::body().size * ParagraphStyle::body().leading;
    let room = frame.height - frame.top - frame.bottom;
    let filler_lines = ((room - 40.0) / line_height) as usize;
    let filler = (0..filler_lines)
        .map(|n| format!("Zeile{n}"))
        .collect::<Vec<_>>()
        .join("\n");
    let blocks = vec![
        Block::Paragraph {
            runs: vec![Run::plain(filler)],
            style: ParagraphStyle {
                space_after: 0.0,
                ..ParagraphStyle::body()
            },
        },
        Block::Heading {
            level: 2,
            text: "TOP 3".into(),
            anchor: Some("top3".into()),
            outline: Some(1),
        },
        para("Der Text zu TOP 3, zwei Zeilen lang oder mehr."),
    ];
    let laid = layout(&blocks, &frame, &Fixed);
    assert_eq!(laid.pages.len(), 2);
    assert!(texts(&laid, 1).contains(&"TOP 3".to_string()));
    assert_eq!(laid.page_of("top3"), Some(1));
    assert_eq!(laid.outline[0].page, 1);
}

#[test]
fn a_long_paragraph_breaks_across_pages_and_leaves_no_single_line() {
    let frame = Frame::a4();
    let text = (0..2000)
        .map(|n| format!("Wort{n}"))
        .collect::<Vec<_>>()
        .join(" ");
    let laid = layout(&[para(&text)], &frame, &Fixed);
    assert!(laid.pages.len() >= 2);
    let all: Vec<String> = laid
        .pages
        .iter()
        .enumerate()
        .flat_map(|(i, _)| texts(&laid, i))
        .collect();
    assert_eq!(all.join(" "), text, "nothing lost or doubled across the break");
    for page in &laid.pages {
        for item in &page.items {
            if let Item::Text { y, .. } = item {
                assert!(*y <= frame.height - frame.bottom && *y >= frame.top, "{y}");
            }
        }
    }
    let last_page_lines = texts(&laid, laid.pages.len() - 1).len();
    assert!(last_page_lines >= 2, "no widow");
}

#[test]
fn table_rows_never_split_and_the_header_repeats() {
    let frame = Frame::a4();
    let columns = vec![
        Column {
            header: "Name".into(),
            share: 3.0,
        },
        Column {
            header: "Unterschrift".into(),
            share: 4.0,
        },
    ];
    let rows: Vec<Vec<Vec<Run>>> = (0..60)
        .map(|n| vec![vec![Run::plain(format!("Person {n}"))], vec![]])
        .collect();
    let laid = layout(
        &[Block::Table {
            columns,
            rows,
            size: 10.0,
            min_row_height: 28.0,
        }],
        &frame,
        &Fixed,
    );
    assert!(laid.pages.len() >= 3);
    for page in 0..laid.pages.len() {
        let t = texts(&laid, page);
        assert_eq!(t[0], "Name", "page {page} starts with the header row");
        assert!(t.contains(&"Unterschrift".to_string()));
    }
    let count: usize = (0..laid.pages.len())
        .map(|p| texts(&laid, p).iter().filter(|t| t.starts_with("Person")).count())
        .sum();
    assert_eq!(count, 60);
}

#[test]
fn list_items_hang_their_marker_left_of_the_text() {
    let frame = Frame::a4();
    let laid = layout(
        &[Block::ListItem {
            marker: "•".into(),
            runs: vec![Run::plain("Sprachkurse")],
            indent: 0.0,
        }],
        &frame,
        &Fixed,
    );
    let items: Vec<(f32, String)> = laid.pages[0]
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Text { x, text, .. } => Some((*x, text.clone())),
            _ => None,
        })
        .collect();
    assert_eq!(items[0].1, "•");
    assert!(items[0].0 < items[1].0);
    assert!(items[1].0 > frame.left);
}

#[test]
fn the_toc_entry_links_to_its_anchor_and_asks_for_its_page_number() {
    let laid = layout(
        &[Block::TocEntry {
            text: "Tagesordnung".into(),
            anchor: "agenda".into(),
            level: 0,
        }],
        &Frame::a4(),
        &Fixed,
    );
    assert!(
        laid.pages[0]
            .items
            .iter()
            .any(|i| matches!(i, Item::PageNumber { anchor, .. } if anchor == "agenda"))
    );
    assert!(
        laid.pages[0]
            .items
            .iter()
            .any(|i| matches!(i, Item::Link { target: Target::Anchor(a), .. } if a == "agenda"))
    );
}

#[test]
fn real_fonts_keep_a_300_character_word_inside_the_page() {
    let fonts = Fonts::get().expect("fonts");
    let frame = Frame::a4();
    let word = "Donaudampfschifffahrtsgesellschaftskapitänsmütze".repeat(7);
    let laid = layout(&[para(&word)], &frame, fonts);
    for item in &laid.pages[0].items {
        if let Item::Text {
            x, text, face, size, ..
        } = item
        {
            let right = x + fonts.width(*face, *size, text);
            assert!(right <= frame.width - frame.right + 0.01, "{right}");
        }
    }
}

// --- German hyphenation (issue 12) ---

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

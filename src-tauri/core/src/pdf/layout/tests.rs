//! Layout rules checked with a fixed-width stand-in font (every character half the size wide)
//! and, where widths matter, with the real fonts.

use super::*;
use crate::pdf::fonts::Fonts;

mod hyphenation;

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

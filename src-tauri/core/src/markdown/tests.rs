//! Unit and property tests of the Markdown mapping and the Word paste normalisation.

use super::*;
use proptest::prelude::*;

fn para(text: &str) -> Block {
    Block::Paragraph {
        content: vec![Inline::plain(text)],
    }
}

fn item(text: &str) -> ListItem {
    ListItem {
        blocks: vec![para(text)],
    }
}

#[test]
fn headings_paragraphs_and_emphasis() {
    let doc = parse("# Ziele\n\nDie **Förderung** von *Sprachkursen* und `Code`.");
    assert_eq!(
        doc.blocks[0],
        Block::Heading {
            level: 1,
            content: vec![Inline::plain("Ziele")]
        }
    );
    let Block::Paragraph { content } = &doc.blocks[1] else {
        panic!("paragraph expected: {doc:?}");
    };
    let spans: Vec<(&str, bool, bool, bool)> = content
        .iter()
        .filter_map(|i| match i {
            Inline::Text(s) => Some((s.text.as_str(), s.strong, s.emphasis, s.code)),
            Inline::LineBreak => None,
        })
        .collect();
    assert_eq!(
        spans,
        vec![
            ("Die ", false, false, false),
            ("Förderung", true, false, false),
            (" von ", false, false, false),
            ("Sprachkursen", false, true, false),
            (" und ", false, false, false),
            ("Code", false, false, true),
            (".", false, false, false),
        ]
    );
}

#[test]
fn lists_ordered_unordered_and_nested() {
    let doc = parse("3. drei\n4. vier\n\n- a\n    - b\n");
    assert_eq!(
        doc.blocks[0],
        Block::List {
            ordered: true,
            start: 3,
            items: vec![item("drei"), item("vier")]
        }
    );
    assert_eq!(
        doc.blocks[1],
        Block::List {
            ordered: false,
            start: 1,
            items: vec![ListItem {
                blocks: vec![
                    para("a"),
                    Block::List {
                        ordered: false,
                        start: 1,
                        items: vec![item("b")]
                    }
                ]
            }]
        }
    );
}

#[test]
fn tables_quotes_code_rules_and_breaks() {
    let doc = parse(
        "| Kreis | Kurse |\n|---|---|\n| Ulm | 4 |\n\n> zitiert\n\n```\nlet x = <b>;\n```\n\n---\n\nerste  \nzweite",
    );
    assert_eq!(
        doc.blocks[0],
        Block::Table {
            header: vec![
                Cell {
                    content: vec![Inline::plain("Kreis")]
                },
                Cell {
                    content: vec![Inline::plain("Kurse")]
                }
            ],
            rows: vec![vec![
                Cell {
                    content: vec![Inline::plain("Ulm")]
                },
                Cell {
                    content: vec![Inline::plain("4")]
                }
            ]]
        }
    );
    assert_eq!(
        doc.blocks[1],
        Block::Quote {
            blocks: vec![para("zitiert")]
        }
    );
    assert_eq!(
        doc.blocks[2],
        Block::Preformatted {
            text: "let x = <b>;".into()
        }
    );
    assert_eq!(doc.blocks[3], Block::Rule);
    assert_eq!(
        doc.blocks[4],
        Block::Paragraph {
            content: vec![Inline::plain("erste"), Inline::LineBreak, Inline::plain("zweite")]
        }
    );
}

#[test]
fn raw_html_is_text_never_markup() {
    let doc =
        parse("<div onclick=\"x()\">Block</div>\n\nText mit <b>fett</b> und <script>alert(1)</script>.");
    assert_eq!(
        doc.blocks[0],
        Block::Preformatted {
            text: "<div onclick=\"x()\">Block</div>".into()
        }
    );
    assert_eq!(
        doc.blocks[1],
        para("Text mit <b>fett</b> und <script>alert(1)</script>.")
    );
}

#[test]
fn only_web_and_mail_links_stay_links() {
    let doc = parse(
        "[Amt](https://example.org) [Mail](mailto:a@b.de) [Böse](javascript:alert(1)) [Datei](file:///etc/passwd) [rel](/x)",
    );
    let Block::Paragraph { content } = &doc.blocks[0] else {
        panic!("paragraph expected");
    };
    let links: Vec<(String, Option<String>)> = content
        .iter()
        .filter_map(|i| match i {
            Inline::Text(s) => Some((s.text.clone(), s.link.clone())),
            Inline::LineBreak => None,
        })
        .collect();
    assert_eq!(
        links,
        vec![
            ("Amt".into(), Some("https://example.org".into())),
            (" ".into(), None),
            ("Mail".into(), Some("mailto:a@b.de".into())),
            (" Böse Datei rel".into(), None),
        ]
    );
}

#[test]
fn images_become_their_alt_text() {
    assert_eq!(
        parse("Vorher ![Organigramm des Netzwerks](bild.png) nachher").blocks,
        vec![para("Vorher Organigramm des Netzwerks nachher")]
    );
}

#[test]
fn word_paste_keeps_paragraphs_lists_and_tables() {
    let pasted = "Einleitung des Papiers.\r\nZweiter Absatz.\r\n•\tSprachkurse\r\n\t–\tfür Eltern\r\n•\tBeratung\r\n1.\tErstens\r\n2.\tZweitens\r\nKreis\tKurse\r\nUlm\t4\r\n\tEingerückter Absatz.";
    let doc = parse(pasted);
    assert_eq!(doc.blocks[0], para("Einleitung des Papiers."));
    assert_eq!(doc.blocks[1], para("Zweiter Absatz."));
    assert_eq!(
        doc.blocks[2],
        Block::List {
            ordered: false,
            start: 1,
            items: vec![
                ListItem {
                    blocks: vec![
                        para("Sprachkurse"),
                        Block::List {
                            ordered: false,
                            start: 1,
                            items: vec![item("für Eltern")]
                        }
                    ]
                },
                item("Beratung")
            ]
        }
    );
    assert_eq!(
        doc.blocks[3],
        Block::List {
            ordered: true,
            start: 1,
            items: vec![item("Erstens"), item("Zweitens")]
        }
    );
    assert!(matches!(&doc.blocks[4], Block::Table { header, rows } if header.len() == 2 && rows.len() == 1));
    assert_eq!(doc.blocks[5], para("Eingerückter Absatz."));
    assert_eq!(doc.blocks.len(), 6);
}

#[test]
fn word_bullet_levels_by_character() {
    let doc = parse("•\tEins\no\tUnterpunkt\n§\tTiefer\n•\tZwei\n§ 5 UrhG gilt.");
    let Block::List { items, .. } = &doc.blocks[0] else {
        panic!("list expected: {doc:?}");
    };
    assert_eq!(items.len(), 2);
    assert!(depth(&doc.blocks[..1]) == 3, "{doc:?}");
    assert_eq!(doc.blocks[1], para("§ 5 UrhG gilt."));
}

#[test]
fn normalise_leaves_markdown_structure_alone() {
    let markdown = "# Titel\n\n- a\n- b\n\n| x | y |\n|---|---|\n| 1 | 2 |\n\n```\ncode\nzeilen\n```\n\nÜberschrift\n===";
    assert_eq!(normalise(markdown), markdown);
    assert_eq!(normalise("2025. war ein gutes Jahr"), "2025. war ein gutes Jahr");
}

/// Nesting depth of lists and quotes in a block list.
fn depth(blocks: &[Block]) -> usize {
    blocks
        .iter()
        .map(|b| match b {
            Block::List { items, .. } => 1 + items.iter().map(|i| depth(&i.blocks)).max().unwrap_or(0),
            Block::Quote { blocks } => 1 + depth(blocks),
            _ => 0,
        })
        .max()
        .unwrap_or(0)
}

#[test]
fn deep_nesting_is_flattened_and_fast() {
    // About 1 MB of ever deeper list items, and the same as quotes.
    let mut lists = String::new();
    let mut level = 0;
    while lists.len() < 1_000_000 {
        lists.push_str(&"  ".repeat(level % 2_000));
        lists.push_str("- Punkt\n");
        level += 1;
    }
    let quotes = "> ".repeat(200_000) + "tief";
    let started = std::time::Instant::now();
    let doc = parse(&lists);
    assert!(depth(&doc.blocks) <= MAX_DEPTH);
    assert!(doc.plain_text().contains("Punkt"));
    let doc = parse(&quotes);
    assert!(depth(&doc.blocks) <= MAX_DEPTH);
    assert!(doc.plain_text().contains("tief"));
    assert!(serde_json::to_string(&doc).is_ok());
    assert!(
        started.elapsed() < std::time::Duration::from_secs(20),
        "took {:?}",
        started.elapsed()
    );
}

fn links(blocks: &[Block], out: &mut Vec<String>) {
    let inlines = |content: &[Inline], out: &mut Vec<String>| {
        for inline in content {
            if let Inline::Text(Span { link: Some(l), .. }) = inline {
                out.push(l.clone());
            }
        }
    };
    for block in blocks {
        match block {
            Block::Heading { content, .. } | Block::Paragraph { content } => inlines(content, out),
            Block::List { items, .. } => items.iter().for_each(|i| links(&i.blocks, out)),
            Block::Table { header, rows } => header
                .iter()
                .chain(rows.iter().flatten())
                .for_each(|c| inlines(&c.content, out)),
            Block::Quote { blocks } => links(blocks, out),
            Block::Preformatted { .. } | Block::Rule => {}
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// Whatever is typed or pasted: no panic, the tree is of the known kinds within the depth
    /// cap, links are only web or mail links, and raw HTML tags arrive as text.
    #[test]
    fn never_panics_and_never_lets_html_through(
        parts in proptest::collection::vec(prop_oneof![
            Just("<script>"), Just("</script>"), Just("<b>"), Just("<div>"), Just("<!--"), Just("-->"),
            Just("*"), Just("**"), Just("_"), Just("#"), Just("- "), Just("1. "), Just("1.\t"), Just("•\t"),
            Just("|"), Just("---"), Just("\n"), Just("\n\n"), Just(" "), Just("    "), Just("\t"), Just("> "),
            Just("`"), Just("```"), Just("[x](javascript:alert(1))"), Just("[y](https://a.de)"),
            Just("![alt](bild.png)"), Just("<https://b.de>"), Just("Förderung"), Just("Text"), Just("\r\n"),
            Just("&lt;"), Just("\\"), Just("["), Just("]"), Just("("), Just(")"),
        ], 0..60)
    ) {
        let input: String = parts.concat();
        let doc = parse(&input);
        prop_assert!(depth(&doc.blocks) <= MAX_DEPTH);
        let mut found = Vec::new();
        links(&doc.blocks, &mut found);
        for link in found {
            prop_assert!(link.starts_with("https://") || link.starts_with("http://") || link.starts_with("mailto:"), "{link}");
        }
        // Every <script> typed is still there as text: the tag reached the tree as characters.
        let text = doc.plain_text();
        // (Except inside a link target, `[a](<script>)`, or as a code fence's language name,
        // neither of which is ever shown.)
        if input.contains("<script>") && !input.contains("](") && !input.contains("```") {
            prop_assert!(text.contains("<script>"), "{input:?} → {text:?}");
        }
        let json = serde_json::to_string(&doc);
        prop_assert!(json.is_ok());
    }

    #[test]
    fn any_text_parses(input in "\\PC{0,300}") {
        let doc = parse(&input);
        prop_assert!(depth(&doc.blocks) <= MAX_DEPTH);
    }
}

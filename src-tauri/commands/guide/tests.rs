//! The guide as the window shows it and as the repository holds it: its chapters, its pictures
//! (each one there, small, captioned in German, and each file used), its form (one paragraph a
//! line, as the parser reads it), and its button names (each one really on a screen).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use netzwerkmappe_core::document::{Block, Inline};

use super::GUIDE;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn text(content: &[Inline]) -> String {
    content
        .iter()
        .map(|i| match i {
            Inline::Text(span) => span.text.as_str(),
            Inline::LineBreak => " ",
        })
        .collect()
}

fn headings(level: u8) -> Vec<String> {
    netzwerkmappe_core::markdown::parse(GUIDE)
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading { level: l, content } if *l == level => Some(text(content)),
            _ => None,
        })
        .collect()
}

#[test]
fn the_guide_has_its_title_first_and_a_chapter_for_every_screen_f1_names() {
    let doc = netzwerkmappe_core::markdown::parse(GUIDE);
    assert!(
        matches!(doc.blocks.first(), Some(Block::Heading { level: 1, content }) if text(content).starts_with("Benutzerhandbuch")),
        "the guide starts with its # title"
    );
    assert_eq!(headings(1).len(), 1, "one # title; chapters are ##");
    let chapters = headings(2);
    // The chapters ui/js/views/help.js opens for F1 (`CHAPTERS`): each must start a ## heading.
    let help = std::fs::read_to_string(repo().join("ui/js/views/help.js")).unwrap();
    let block = help.split("const CHAPTERS = {").nth(1).unwrap();
    let block = block.split("};").next().unwrap();
    for wanted in block.lines().filter_map(|l| l.split('\'').nth(1)) {
        assert!(
            chapters.iter().any(|c| c.starts_with(wanted)),
            "no chapter starts with „{wanted}“: {chapters:?}"
        );
    }
}

/// `*![Abbildung: …](bilder/name.png)*` on a line of its own; in the window it reads as the caption.
fn pictures() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for line in GUIDE.lines() {
        if !line.contains("](bilder/") {
            continue;
        }
        let inner = line
            .strip_prefix("*![")
            .and_then(|l| l.strip_suffix(")*"))
            .unwrap_or_else(|| {
                panic!("a picture on a line of its own, as *![Abbildung: …](bilder/x.png)*: {line}")
            });
        let (alt, file) = inner.split_once("](bilder/").unwrap();
        out.push((alt.to_owned(), file.to_owned()));
    }
    out
}

#[test]
fn every_picture_is_there_small_and_captioned_and_every_file_is_used() {
    let pictures = pictures();
    assert!(pictures.len() >= 8, "{pictures:?}");
    let folder = repo().join("docs/bilder");
    for (alt, file) in &pictures {
        assert!(
            alt.starts_with("Abbildung: ") && alt.len() > 25,
            "German caption: {alt}"
        );
        let size = std::fs::metadata(folder.join(file))
            .unwrap_or_else(|e| panic!("docs/bilder/{file}: {e} (make guide-screenshots)"))
            .len();
        assert!(size < 200_000, "docs/bilder/{file} has {size} bytes");
    }
    let used: BTreeSet<&str> = pictures.iter().map(|(_, f)| f.as_str()).collect();
    for entry in std::fs::read_dir(&folder).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        assert!(
            used.contains(name.as_str()),
            "docs/bilder/{name} is not in the guide"
        );
    }
}

/// The parser reads a single line break as a new paragraph (`markdown::normalise`), so a
/// paragraph wrapped by hand would fall apart in the window.
#[test]
fn paragraphs_are_written_one_per_line() {
    let starts_block = |l: &str| {
        let t = l.trim_start();
        t.starts_with('|')
            || t.starts_with('>')
            || t.starts_with('#')
            || t.starts_with("- ")
            || t.starts_with("* ")
            || t.starts_with("*!")
            || t.split_once(". ").is_some_and(|(n, _)| n.parse::<u32>().is_ok())
            || l.starts_with("  ")
    };
    let mut previous = "";
    for (n, line) in GUIDE.lines().enumerate() {
        if !previous.trim().is_empty() && !line.trim().is_empty() && !starts_block(line) {
            panic!(
                "line {}: continues the line above (write one paragraph per line): {line}",
                n + 1
            );
        }
        previous = line;
    }
}

fn sources(dir: &Path, out: &mut String) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            if !path.ends_with("vendor") {
                sources(&path, out);
            }
        } else if path
            .extension()
            .is_some_and(|e| e == "js" || e == "html" || e == "rs")
        {
            out.push_str(&std::fs::read_to_string(&path).unwrap());
        }
    }
}

/// Bold text in the guide is what a screen shows: a button, a field, a heading, a menu entry.
/// Each must be written in the UI (or in the core's labels) exactly as the guide quotes it.
#[test]
fn every_bold_name_in_the_guide_is_on_a_screen() {
    let mut ui = String::new();
    sources(&repo().join("ui"), &mut ui);
    sources(&repo().join("src-tauri/core/src"), &mut ui);
    let mut missing = Vec::new();
    for part in GUIDE.split("**").skip(1).step_by(2) {
        if !ui.contains(part) {
            missing.push(part.to_owned());
        }
    }
    assert!(missing.is_empty(), "not on any screen: {missing:?}");
}

//! The house rules of the code, checked on every `make test` (issue 19):
//!
//! - layers point one way: `ui/` → the app's `commands/` and `cli/` → the core's `usecase/` → the
//!   core's `store/` → the domain modules (rules, model, documents); nothing imports a layer above it;
//! - no two files import each other in a circle (Rust modules and the UI's ES modules);
//! - no source file outside a `tests/` folder is longer than [`MAX_LINES`].
//!
//! The imports are read as text (`use` trees and inline `crate::`/`super::` paths, comments and
//! strings left out), which is all this code base uses: `imports.rs` reads them, `graph.rs` finds
//! circles, `layers.rs` ranks the folders. A failure names the file and the import, so the fix is where it points.

mod graph;
mod imports;
mod layers;

use std::path::{Path, PathBuf};

/// The longest a source file may be. Above it a file holds more than one job; split it by theme.
const MAX_LINES: usize = 500;

/// Debts known and not yet paid, each with the reason it is still here. A finding listed here does
/// not fail the checks; a new one does, and so does a listed one that is gone (strike it, so the
/// list only shrinks). Each entry is the start of the finding as the check prints it.
const KNOWN_DEBTS: &[&str] = &[];

/// Fails on every finding of `kind` ("long:", "up:", "circle:") not in [`KNOWN_DEBTS`], and on
/// every debt of that kind that was paid but is still listed.
fn check(kind: &str, what: &str, findings: Vec<String>) {
    let new: Vec<&String> = findings
        .iter()
        .filter(|f| !KNOWN_DEBTS.iter().any(|d| f.starts_with(d)))
        .collect();
    let paid: Vec<&&str> = KNOWN_DEBTS
        .iter()
        .filter(|d| d.starts_with(kind) && !findings.iter().any(|f| f.starts_with(**d)))
        .collect();
    let shown: Vec<&str> = new.iter().map(|s| s.as_str()).collect();
    assert!(new.is_empty(), "{what}:\n  {}", shown.join("\n  "));
    assert!(
        paid.is_empty(),
        "paid debts still listed in KNOWN_DEBTS, strike them: {paid:?}"
    );
}

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[test]
fn no_source_file_is_longer_than_500_lines() {
    let root = repo_root();
    let mut long = Vec::new();
    for file in imports::source_files(&root) {
        let lines = std::fs::read_to_string(root.join(&file))
            .map(|text| text.lines().count())
            .unwrap_or(0);
        if lines > MAX_LINES {
            long.push(format!("long: {file} ({lines} lines)"));
        }
    }
    check(
        "long:",
        &format!("split these files by theme (at most {MAX_LINES} lines each)"),
        long,
    );
}

#[test]
fn no_import_runs_up_a_layer() {
    let root = repo_root();
    let edges = imports::rust_edges(&root);
    let upward: Vec<String> = edges
        .iter()
        .filter_map(|edge| layers::upward(edge).map(|why| format!("up: {} -> {}: {why}", edge.from, edge.to)))
        .collect();
    check(
        "up:",
        "imports that run up a layer (see docs/ARCHITECTURE.md, \"Layers\")",
        upward,
    );
}

#[test]
fn no_two_files_import_each_other_in_a_circle() {
    let root = repo_root();
    let mut edges: Vec<(String, String)> = imports::rust_edges(&root)
        .into_iter()
        .map(|edge| (edge.from, edge.to))
        .collect();
    edges.extend(imports::js_edges(&root));
    let shown: Vec<String> = graph::circles(&edges)
        .iter()
        .map(|c| format!("circle: {}", c.join(" ↔ ")))
        .collect();
    check(
        "circle:",
        "circles: files that import each other; move what both need one layer down",
        shown,
    );
}

#[test]
fn the_reader_sees_use_trees_inline_paths_and_test_modules() {
    // A self-check of the import reader on a made-up file, so a rule cannot pass because the
    // reader went blind.
    let text = r#"
        //! use crate::store::Store; (a comment, not an import)
        use super::{write::timestamp, agenda::{reading_order, numbers}};
        use crate::minutes::check_editable;
        fn f() { let s = "crate::usecase::x"; crate::search::fold(s); }
        #[cfg(test)]
        mod tests {
            use super::*;
        }
    "#;
    let mut found = imports::paths_in(text);
    found.sort();
    assert_eq!(
        found,
        vec![
            (0, vec!["crate", "minutes", "check_editable"]),
            (0, vec!["crate", "search", "fold"]),
            (0, vec!["super", "agenda", "numbers"]),
            (0, vec!["super", "agenda", "reading_order"]),
            (0, vec!["super", "write", "timestamp"]),
            (1, vec!["super", "*"]),
        ]
        .into_iter()
        .map(|(depth, p)| (depth, p.into_iter().map(String::from).collect::<Vec<_>>()))
        .collect::<Vec<_>>()
    );
}

#[test]
fn the_circle_finder_finds_a_circle_of_three() {
    let edges: Vec<(String, String)> = [("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")]
        .iter()
        .map(|(x, y)| (x.to_string(), y.to_string()))
        .collect();
    assert_eq!(graph::circles(&edges), vec![vec!["a", "b", "c"]]);
}

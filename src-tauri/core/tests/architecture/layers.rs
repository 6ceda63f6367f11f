//! The layers, from the top: the app's wiring (`lib.rs`, `window.rs`), its front-ends
//! (`commands/`, `cli/`), the shell's services (`state.rs`, `dialog.rs`, …); in the core the
//! use cases (`usecase/`), the store (`store/`), and the domain (rules, model, documents, formats).
//! An import may go sideways or down, never up.

use crate::imports::Edge;

/// Where a file stands; a higher number is a higher layer. `None` for files no rule covers.
fn rank(file: &str) -> Option<(u8, &'static str)> {
    if let Some(core) = file.strip_prefix("src-tauri/core/src/") {
        return Some(if core.starts_with("usecase/") {
            (2, "the core's use cases (usecase/)")
        } else if core.starts_with("store/") {
            (1, "the store (store/)")
        } else {
            (0, "the domain (rules, model, documents)")
        });
    }
    let app = file.strip_prefix("src-tauri/")?;
    Some(match app {
        "lib.rs" | "main.rs" => (6, "the app's entry (lib.rs)"),
        "window.rs" => (5, "the window's wiring (window.rs)"),
        _ if app.starts_with("commands/") || app.starts_with("cli/") => {
            (4, "the front-ends (commands/, cli/)")
        }
        _ => (3, "the shell's services"),
    })
}

/// Why `edge` runs up a layer, or `None` when it goes sideways or down.
pub fn upward(edge: &Edge) -> Option<String> {
    let (from, from_name) = rank(&edge.from)?;
    let (to, to_name) = rank(&edge.to)?;
    (to > from).then(|| format!("{from_name} imports {to_name} ({})", edge.names.join(", ")))
}

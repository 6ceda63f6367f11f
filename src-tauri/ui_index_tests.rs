//! Checks on `ui/index.html` that no compiler makes: every module of the UI is in its
//! `modulepreload` list (fetched and parsed while the first frame paints; a module missing there
//! would still load, only later, so nothing else would notice).

use std::collections::BTreeSet;
use std::path::Path;

fn ui_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("ui")
}

/// Every `.js` file below `ui/js`, as a path relative to `ui/` ("js/views/contacts.js").
fn modules(dir: &Path, prefix: &str, out: &mut BTreeSet<String>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()
        .unwrap_or_default();
    entries.sort();
    for path in entries {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_owned();
        if path.is_dir() {
            modules(&path, &format!("{prefix}{name}/"), out);
        } else if name.ends_with(".js") {
            out.insert(format!("{prefix}{name}"));
        }
    }
}

#[test]
fn every_module_is_preloaded_and_only_boot_js_is_a_classic_script() {
    let html = std::fs::read_to_string(ui_dir().join("index.html")).unwrap_or_default();
    let preloaded: BTreeSet<String> = html
        .split("<link rel=\"modulepreload\" href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(str::to_owned)
        .collect();
    let mut expected = BTreeSet::new();
    modules(&ui_dir().join("js"), "js/", &mut expected);
    // boot.js is the classic script that starts everything; it is not a module.
    expected.remove("js/boot.js");
    assert_eq!(
        preloaded, expected,
        "ui/index.html's modulepreload list and ui/js differ"
    );
    assert!(html.contains("<script src=\"js/boot.js\"></script>"));
    assert!(
        !html.contains("type=\"module\""),
        "main.js is imported by boot.js after the first frame"
    );
}

//! Reads the imports of the code as text: Rust `use` trees and inline `crate::`/`super::`/`self::`
//! paths (comments and string literals blanked out first, inline `mod tests { … }` blocks tracked so
//! their `super` means the file itself), resolved to the file of the module they name; and the UI's
//! relative ES-module imports. A name that a `mod.rs`/`lib.rs` re-exports from a child is followed
//! to that child, so a facade does not hide where a name lives.

use std::collections::BTreeMap;
use std::path::Path;

/// One import: file `from` uses `names` of file `to` (paths relative to the repository root).
#[derive(Debug, Clone)]
pub struct Edge {
    pub from: String,
    pub to: String,
    pub names: Vec<String>,
}

/// Folders whose files are sources (tests, vendored and generated files left out).
const SOURCE_ROOTS: &[&str] = &["src-tauri", "ui", "scripts", "packaging"];
const SOURCE_EXTENSIONS: &[&str] = &["rs", "js", "css", "html", "sh", "py", "nsi", "wxs"];
const NOT_SOURCE: &[&str] = &[
    "tests",
    "vendor",
    "target",
    "node_modules",
    "gen",
    "proptest-regressions",
];

/// Every source file, as a path relative to `root` with `/` separators.
pub fn source_files(root: &Path) -> Vec<String> {
    let mut found = Vec::new();
    for top in SOURCE_ROOTS {
        walk(root, &root.join(top), &mut found);
    }
    found.sort();
    found
}

fn walk(root: &Path, dir: &Path, found: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if path.is_dir() {
            if !NOT_SOURCE.contains(&name.as_str()) {
                walk(root, &path, found);
            }
        } else if path
            .extension()
            .is_some_and(|e| SOURCE_EXTENSIONS.contains(&e.to_string_lossy().as_ref()))
            && let Ok(relative) = path.strip_prefix(root)
        {
            found.push(relative.to_string_lossy().replace('\\', "/"));
        }
    }
}

/// The two Rust crates: the directory their module tree starts in, and what to leave out of it.
const CRATES: &[(&str, &[&str])] = &[
    (
        "src-tauri/",
        &["src-tauri/core/", "src-tauri/main.rs", "src-tauri/build.rs"],
    ),
    ("src-tauri/core/src/", &[]),
];

/// Every import between the Rust files of one crate, resolved to files.
pub fn rust_edges(root: &Path) -> Vec<Edge> {
    let files = source_files(root);
    let mut edges = Vec::new();
    for (base, excluded) in CRATES {
        let modules: BTreeMap<Vec<String>, String> = files
            .iter()
            .filter(|f| f.starts_with(base) && f.ends_with(".rs"))
            .filter(|f| !excluded.iter().any(|x| f.starts_with(x)))
            .map(|f| (module_path(&f[base.len()..]), f.clone()))
            .collect();
        let texts: BTreeMap<&String, String> = modules
            .values()
            .map(|f| (f, std::fs::read_to_string(root.join(f)).unwrap_or_default()))
            .collect();
        let facades = facades(&modules, &texts);
        for (module, file) in &modules {
            let mut by_target: BTreeMap<String, Vec<String>> = BTreeMap::new();
            for found in scan(&texts[file]) {
                let Some((target, name)) = resolve(&modules, &facades, module, &found) else {
                    continue;
                };
                if &target == file || is_facade_of(file, module, &modules, &target) {
                    continue;
                }
                by_target.entry(target).or_default().push(name);
            }
            for (to, mut names) in by_target {
                names.sort();
                names.dedup();
                edges.push(Edge {
                    from: file.clone(),
                    to,
                    names,
                });
            }
        }
    }
    edges
}

/// `store/mod.rs` → ["store"], `lib.rs` → [], `pdf/layout/wrap.rs` → ["pdf", "layout", "wrap"].
fn module_path(relative: &str) -> Vec<String> {
    let stem = relative.trim_end_matches(".rs");
    let mut parts: Vec<String> = stem.split('/').map(String::from).collect();
    if matches!(parts.last().map(String::as_str), Some("mod" | "lib")) {
        parts.pop();
    }
    parts
}

/// A `mod.rs` or `lib.rs` that declares and re-exports `target`: not a dependency of its own.
fn is_facade_of(
    file: &str,
    module: &[String],
    modules: &BTreeMap<Vec<String>, String>,
    target: &str,
) -> bool {
    let is_parent_file = file.ends_with("/mod.rs") || file.ends_with("lib.rs");
    is_parent_file
        && modules
            .iter()
            .any(|(m, f)| f == target && m.len() > module.len() && m.starts_with(module))
}

/// For each `mod.rs`/`lib.rs`: the names it re-exports from a descendant → that descendant's file.
fn facades(
    modules: &BTreeMap<Vec<String>, String>,
    texts: &BTreeMap<&String, String>,
) -> BTreeMap<(String, String), String> {
    let mut map = BTreeMap::new();
    for (module, file) in modules {
        if !(file.ends_with("/mod.rs") || file.ends_with("lib.rs")) {
            continue;
        }
        for found in scan(&texts[file])
            .into_iter()
            .filter(|f| f.in_use && f.inline.is_empty())
        {
            let Some(last) = found.path.last() else { continue };
            let name = found.alias.clone().unwrap_or_else(|| last.clone());
            if let Some((target, _)) = resolve(modules, &BTreeMap::new(), module, &found)
                && &target != file
            {
                map.insert((file.clone(), name), target);
            }
        }
    }
    map
}

/// The file a path names, and the first name taken from it.
fn resolve(
    modules: &BTreeMap<Vec<String>, String>,
    facades: &BTreeMap<(String, String), String>,
    module: &[String],
    found: &Found,
) -> Option<(String, String)> {
    let mut current: Vec<String> = module.iter().chain(&found.inline).cloned().collect();
    let mut segments = found.path.iter().peekable();
    match segments.peek().map(|s| s.as_str()) {
        Some("crate" | "$crate") => {
            current.clear();
            segments.next();
        }
        Some("super") => {
            while segments.peek().is_some_and(|s| s.as_str() == "super") {
                current.pop();
                segments.next();
            }
        }
        Some("self") => {
            segments.next();
        }
        Some(first) => {
            // `use child::x` from the parent module (2018 paths); anything else is another crate.
            let mut child = current.clone();
            child.push(first.to_owned());
            if !modules.contains_key(&child) {
                return None;
            }
        }
        None => return None,
    }
    let absolute: Vec<String> = current.into_iter().chain(segments.cloned()).collect();
    let known = (0..=absolute.len())
        .rev()
        .find(|&k| modules.contains_key(&absolute[..k]))?;
    let file = modules[&absolute[..known]].clone();
    let name = absolute.get(known).cloned().unwrap_or_else(|| "self".into());
    match facades.get(&(file.clone(), name.clone())) {
        Some(child) => Some((child.clone(), name)),
        None => Some((file, name)),
    }
}

/// A path found in a file: the inline modules around it, its segments, and a `use … as` alias.
#[derive(Debug, Clone)]
pub struct Found {
    pub inline: Vec<String>,
    pub path: Vec<String>,
    pub alias: Option<String>,
    pub in_use: bool,
}

/// For the reader's self-check: (inline module depth, path) of every `crate`/`super`/`self` path.
pub fn paths_in(text: &str) -> Vec<(usize, Vec<String>)> {
    scan(text)
        .into_iter()
        .filter(|f| {
            matches!(
                f.path.first().map(String::as_str),
                Some("crate" | "super" | "self")
            )
        })
        .map(|f| (f.inline.len(), f.path))
        .collect()
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Ident(String),
    Path,
    Punct(char),
}

fn tokens(text: &str) -> Vec<Token> {
    let chars: Vec<char> = strip(text).chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_alphanumeric() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            out.push(Token::Ident(chars[start..i].iter().collect()));
            continue;
        }
        if c == ':' && chars.get(i + 1) == Some(&':') {
            out.push(Token::Path);
            i += 2;
            continue;
        }
        if !c.is_whitespace() {
            out.push(Token::Punct(c));
        }
        i += 1;
    }
    out
}

/// Every path in `text`: the leaves of `use` trees and inline `crate::`/`super::`/`self::` paths.
pub fn scan(text: &str) -> Vec<Found> {
    let t = tokens(text);
    let mut found = Vec::new();
    // Inline modules: (name, brace depth inside it).
    let mut inline: Vec<(String, usize)> = Vec::new();
    let mut depth = 0;
    let mut i = 0;
    let ident = |i: usize| match t.get(i) {
        Some(Token::Ident(s)) => Some(s.as_str()),
        _ => None,
    };
    while i < t.len() {
        match &t[i] {
            Token::Punct('{') => {
                depth += 1;
                if i >= 2
                    && ident(i - 2) == Some("mod")
                    && let Some(name) = ident(i - 1)
                {
                    inline.push((name.to_owned(), depth));
                }
                i += 1;
            }
            Token::Punct('}') => {
                if inline.last().is_some_and(|(_, d)| *d == depth) {
                    inline.pop();
                }
                depth = depth.saturating_sub(1);
                i += 1;
            }
            Token::Ident(word) if word == "use" => {
                i += 1;
                let mut leaves = Vec::new();
                use_tree(&t, &mut i, &[], &mut leaves);
                while i < t.len() && t[i] != Token::Punct(';') {
                    i += 1;
                }
                let names: Vec<String> = inline.iter().map(|(n, _)| n.clone()).collect();
                found.extend(leaves.into_iter().map(|(path, alias)| Found {
                    inline: names.clone(),
                    path,
                    alias,
                    in_use: true,
                }));
            }
            Token::Ident(word)
                if matches!(word.as_str(), "crate" | "super" | "self")
                    && t.get(i + 1) == Some(&Token::Path)
                    && !(i > 0 && t[i - 1] == Token::Path) =>
            {
                let dollar = i > 0 && t[i - 1] == Token::Punct('$');
                let mut path = vec![if dollar { "$crate".to_owned() } else { word.clone() }];
                i += 1;
                while t.get(i) == Some(&Token::Path) {
                    match ident(i + 1) {
                        Some(next) => path.push(next.to_owned()),
                        None => break,
                    }
                    i += 2;
                }
                found.push(Found {
                    inline: inline.iter().map(|(n, _)| n.clone()).collect(),
                    path,
                    alias: None,
                    in_use: false,
                });
            }
            _ => i += 1,
        }
    }
    found
}

/// One `use` tree from `t[*i]` on: `a::b::{c, d::{e, f as g}, self, *}`.
fn use_tree(t: &[Token], i: &mut usize, prefix: &[String], out: &mut Vec<(Vec<String>, Option<String>)>) {
    let mut path = prefix.to_vec();
    loop {
        match t.get(*i) {
            Some(Token::Punct('{')) => {
                *i += 1;
                while *i < t.len() && t[*i] != Token::Punct('}') {
                    use_tree(t, i, &path, out);
                    if t.get(*i) == Some(&Token::Punct(',')) {
                        *i += 1;
                    }
                }
                *i += 1;
                return;
            }
            Some(Token::Punct('*')) => {
                *i += 1;
                path.push("*".into());
                out.push((path, None));
                return;
            }
            Some(Token::Ident(name)) => {
                *i += 1;
                // `self` inside braces names the module the braces belong to.
                if name != "self" || path.is_empty() {
                    path.push(name.clone());
                }
                if t.get(*i) == Some(&Token::Path) {
                    *i += 1;
                    continue;
                }
                let mut alias = None;
                if let (Some(Token::Ident(word)), Some(Token::Ident(other))) = (t.get(*i), t.get(*i + 1))
                    && word == "as"
                {
                    alias = Some(other.clone());
                    *i += 2;
                }
                out.push((path, alias));
                return;
            }
            _ => return,
        }
    }
}

/// `text` with comments and the insides of string and char literals blanked (lines kept).
fn strip(text: &str) -> String {
    let c: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let is_ident = |ch: char| ch.is_alphanumeric() || ch == '_';
    while i < c.len() {
        if c[i] == '/' && c.get(i + 1) == Some(&'/') {
            while i < c.len() && c[i] != '\n' {
                i += 1;
            }
        } else if c[i] == '/' && c.get(i + 1) == Some(&'*') {
            let mut nesting = 0;
            while i < c.len() {
                if c[i] == '/' && c.get(i + 1) == Some(&'*') {
                    nesting += 1;
                    i += 2;
                } else if c[i] == '*' && c.get(i + 1) == Some(&'/') {
                    nesting -= 1;
                    i += 2;
                    if nesting == 0 {
                        break;
                    }
                } else {
                    if c[i] == '\n' {
                        out.push('\n');
                    }
                    i += 1;
                }
            }
        } else if (c[i] == 'r' || (c[i] == 'b' && c.get(i + 1) == Some(&'r')))
            && (i == 0 || !is_ident(c[i - 1]))
            && {
                let start = if c[i] == 'b' { i + 2 } else { i + 1 };
                let hashes = c[start..].iter().take_while(|&&h| h == '#').count();
                c.get(start + hashes) == Some(&'"')
            }
        {
            let start = if c[i] == 'b' { i + 2 } else { i + 1 };
            let hashes = c[start..].iter().take_while(|&&h| h == '#').count();
            i = start + hashes + 1;
            out.push('"');
            while i < c.len() {
                if c[i] == '"' && c[i + 1..].iter().take(hashes).filter(|&&h| h == '#').count() == hashes {
                    i += 1 + hashes;
                    break;
                }
                if c[i] == '\n' {
                    out.push('\n');
                }
                i += 1;
            }
            out.push('"');
        } else if c[i] == '"' {
            i += 1;
            out.push('"');
            while i < c.len() && c[i] != '"' {
                if c[i] == '\\' {
                    i += 1;
                }
                if c.get(i) == Some(&'\n') {
                    out.push('\n');
                }
                i += 1;
            }
            i += 1;
            out.push('"');
        } else if c[i] == '\'' && c.get(i + 1) == Some(&'\\') {
            i += 2;
            while i < c.len() && c[i] != '\'' {
                i += 1;
            }
            i += 1;
            out.push_str("' '");
        } else if c[i] == '\'' && c.get(i + 2) == Some(&'\'') {
            i += 3;
            out.push_str("' '");
        } else {
            out.push(c[i]);
            i += 1;
        }
    }
    out
}

/// The UI's relative ES-module imports, as (importing file, imported file).
pub fn js_edges(root: &Path) -> Vec<(String, String)> {
    let pattern = regex::Regex::new(r#"(?:\bfrom|\bimport)\s*\(?\s*['"](\.{1,2}/[^'"]+)['"]"#)
        .expect("a fixed pattern");
    let mut edges = Vec::new();
    for file in source_files(root).into_iter().filter(|f| f.ends_with(".js")) {
        let text = std::fs::read_to_string(root.join(&file)).unwrap_or_default();
        let dir: Vec<&str> = file.split('/').collect();
        for capture in pattern.captures_iter(&text) {
            let mut parts: Vec<&str> = dir[..dir.len() - 1].to_vec();
            for part in capture[1].split('/') {
                match part {
                    "." => {}
                    ".." => {
                        parts.pop();
                    }
                    other => parts.push(other),
                }
            }
            edges.push((file.clone(), parts.join("/")));
        }
    }
    edges
}

//! Word paste normalisation: text pasted from Word or typed in the textarea rewritten into the
//! Markdown it means (a line is a paragraph, bullets and numbers become list items, tab-separated
//! rows a table).

/// Characters Word (and Outlook, PDF readers) put in front of list items when text is pasted.
pub(super) const BULLETS: [char; 8] = ['•', '·', '▪', '◦', '–', '—', '\u{f0b7}', '○'];

/// Rewrites pasted office text into the Markdown it means. Plain Markdown passes unchanged except
/// for one deliberate rule: a single line break between two lines of text starts a new paragraph
/// (Word pastes paragraphs that way, and people who type in the editor expect Enter to mean a new
/// line, not a space). Lines of tables (`|`), quotes (`>`), list items and fenced code are left
/// as they are.
///
/// Decided on purpose, over Markdown's own rule (a single line break is a space): the people who
/// write here type in a textarea that wraps by itself, or paste from Word, and both put exactly
/// one paragraph on a line; nobody here wraps text by hand, so joining lines would only ever glue
/// together what the writer separated. The cost: hard-wrapped Markdown from a programmer's editor
/// shows one paragraph per line (texts the app ships, like the demo's, are written unwrapped).
/// A line ending in two spaces or `\` still asks for a line break within the paragraph.
pub fn normalise(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<&str> = text.split('\n').collect();
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    let mut in_fence = false;
    let mut index = 0;
    while index < lines.len() {
        let line = lines[index];
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_fence = !in_fence;
            out.push(line.to_owned());
            index += 1;
            continue;
        }
        if in_fence {
            out.push(line.to_owned());
            index += 1;
            continue;
        }
        // A run of tab-separated rows (a table copied from Word or Excel) becomes a table.
        let rows = tab_rows(&lines[index..]);
        if rows >= 2 {
            push_paragraph_gap(&mut out);
            for (n, row) in lines[index..index + rows].iter().enumerate() {
                let cells: Vec<String> = row
                    .trim()
                    .split('\t')
                    .map(|c| c.trim().replace('|', "\\|"))
                    .collect();
                out.push(format!("| {} |", cells.join(" | ")));
                if n == 0 {
                    out.push(format!("|{}", " --- |".repeat(cells.len())));
                }
            }
            out.push(String::new());
            index += rows;
            continue;
        }
        out.push(normalise_line(line, out.last().map(String::as_str)));
        index += 1;
    }
    out.join("\n")
}

/// How many lines from the start form a tab-separated table (same number of cells, at least two).
pub(super) fn tab_rows(lines: &[&str]) -> usize {
    let cells = |line: &str| {
        let inner = line.trim();
        if inner.is_empty() || !inner.contains('\t') || bullet_item(line).is_some() {
            0
        } else {
            inner.split('\t').count()
        }
    };
    let Some(first) = lines.first().map(|l| cells(l)).filter(|n| *n >= 2) else {
        return 0;
    };
    lines.iter().take_while(|l| cells(l) == first).count()
}

/// One line: bullets and numbers become Markdown list items (tabs in front nest them), leading
/// tabs of text lines go (Word indents first lines; four spaces would make a code block), and a
/// line of text right after any other non-empty line gets a blank line before it.
pub(super) fn normalise_line(line: &str, previous: Option<&str>) -> String {
    if let Some((level, marker, rest)) = bullet_item(line) {
        return format!("{}{marker} {rest}", "    ".repeat(level));
    }
    let text = line.trim_start_matches('\t');
    let starts_block = |l: &str| {
        let t = l.trim_start();
        t.is_empty()
            || t.starts_with('|')
            || t.starts_with('>')
            || t.starts_with('#')
            || l.starts_with(' ')
            || is_markdown_item(t)
    };
    // A line ending in two spaces or a backslash asks for a line break, not a new paragraph.
    let hard_break = |l: &str| l.ends_with("  ") || l.ends_with('\\');
    // After a list item, table row or quote too: Markdown would carry the line on as part of
    // it ("lazy continuation"), where Word meant a paragraph of its own.
    if let Some(prev) = previous
        && !prev.trim().is_empty()
        && !hard_break(prev)
        && !starts_block(text)
        && !is_setext_underline(text)
    {
        return format!("\n{text}");
    }
    text.to_owned()
}

/// `(nesting level, Markdown marker, text)` for a pasted bullet or number ("•\tText", "\t–
/// Text", "1.\tText", "2) Text").
pub(super) fn bullet_item(line: &str) -> Option<(usize, String, &str)> {
    let level = line.chars().take_while(|c| *c == '\t').count();
    let rest = &line[level..];
    let first = rest.chars().next()?;
    if BULLETS.contains(&first) {
        let after = &rest[first.len_utf8()..];
        let text = after.strip_prefix(['\t', ' ', '\u{a0}'])?;
        return Some((level, "-".into(), text.trim_start()));
    }
    // Word's default bullets for the 2nd and 3rd level arrive as "o" (Courier New) and "§"
    // (Wingdings ▪) followed by a tab, without indentation: their character is their level.
    // Only with a tab, so "o Text" or "§ 5 UrhG" stay text.
    if let Some(text) = rest.strip_prefix("o\t") {
        return Some((level.max(1), "-".into(), text.trim_start()));
    }
    if let Some(text) = rest.strip_prefix("§\t") {
        return Some((level.max(2), "-".into(), text.trim_start()));
    }
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && digits <= 3 {
        let after = &rest[digits..];
        let after = after.strip_prefix(['.', ')'])?;
        // "1.\tText" (Word's numbering) is a list item; "1. Text" already is one in Markdown,
        // and "2025. Jahr" stays text (more than three digits are no list number).
        let text = after.strip_prefix('\t')?;
        return Some((level, format!("{}.", &rest[..digits]), text.trim_start()));
    }
    None
}

/// A Markdown list item as typed ("- x", "* x", "+ x", "1. x").
pub(super) fn is_markdown_item(text: &str) -> bool {
    if let Some(rest) = text.strip_prefix(['-', '*', '+']) {
        return rest.is_empty() || rest.starts_with(' ');
    }
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    digits > 0
        && text[digits..]
            .strip_prefix(['.', ')'])
            .is_some_and(|r| r.is_empty() || r.starts_with(' '))
}

/// "===" / "---" under a line make it a heading in Markdown; they must stay attached to it.
pub(super) fn is_setext_underline(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty() && (t.chars().all(|c| c == '=') || t.chars().all(|c| c == '-'))
}

pub(super) fn push_paragraph_gap(out: &mut Vec<String>) {
    if out.last().is_some_and(|l| !l.trim().is_empty()) {
        out.push(String::new());
    }
}

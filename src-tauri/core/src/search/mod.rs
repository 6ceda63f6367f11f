//! Search and sorting rules that need no database: text folding, the FTS5 query for what the user
//! typed, the one place where each kind of record's search text is built, and the result types of
//! the global search.
//!
//! Folding: the same function is applied to stored text and to what the user types, so "muller",
//! "müller" and "mueller" all find *Müller*, "weiss" finds *Weiß* and "ozturk" finds *Öztürk*.
//! Other accents (é, ł …) are removed by FTS5's `remove_diacritics 2`.
//!
//! Search text: the store loads a record's values and calls the builder of its kind
//! ([`contact_text`], [`organisation_text`]) whether the record was just saved, imported, or its
//! organisation was renamed, so the indexed text cannot differ between those paths.

use serde::{Deserialize, Serialize};

/// Lower-cases and folds German spelling variants: ä/ae → a, ö/oe → o, ü/ue → u, ß → ss.
///
/// Folding "ue" → "u" also touches words like "Manuel" ("manul"), but since queries are folded the
/// same way, every query still finds what it should; the cost is a few extra prefix matches.
pub fn fold(text: &str) -> String {
    let lower = text.to_lowercase();
    let mut out = String::with_capacity(lower.len());
    let mut chars = lower.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            'ä' => out.push('a'),
            'ö' => out.push('o'),
            'ü' => out.push('u'),
            'ß' | 'ẞ' => out.push_str("ss"),
            'a' | 'o' | 'u' if chars.peek() == Some(&'e') => {
                chars.next();
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// Sort key in German order (Ä with A, ß as ss); ties keep their relative order via the caller.
pub fn sort_key(parts: &[&str]) -> String {
    let joined: Vec<String> = parts
        .iter()
        .filter(|p| !p.trim().is_empty())
        .map(|p| fold(p.trim()))
        .collect();
    joined.join(" ")
}

/// Most words of a query that are used; more only slow the search down without narrowing it.
const MAX_TERMS: usize = 8;

/// The folded words of what the user typed, as the index splits text (at anything that is not a
/// letter or digit). At most [`MAX_TERMS`].
pub fn query_terms(input: &str) -> Vec<String> {
    fold(input)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(MAX_TERMS)
        .map(str::to_owned)
        .collect()
}

/// Turns what the user typed into an FTS5 query: every word folded and used as a prefix, all words
/// required. Returns `None` when nothing searchable is left. Words are quoted, so FTS syntax
/// characters typed by the user (", *, -, OR …) are plain text, never query syntax.
pub fn fts_query(input: &str) -> Option<String> {
    let terms: Vec<String> = query_terms(input).iter().map(|w| format!("\"{w}\"*")).collect();
    (!terms.is_empty()).then(|| terms.join(" "))
}

/// The full MATCH expression for records of one kind: the typed words only in the folded text,
/// the kind as its own indexed column (so a search for the few organisations never reads the
/// thousands of contacts a short prefix matches). `None` when nothing searchable was typed.
pub fn fts_match(kind: SearchKind, input: &str) -> Option<String> {
    fts_query(input).map(|q| format!("kind : \"{}\" AND folded : ({q})", kind.as_str()))
}

/// The kinds of records the one search box finds. Each has its own rows in the index, told apart
/// by this name (stored as text), so adding a kind needs no schema change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, sqlx::Type)]
#[serde(rename_all = "snake_case")]
#[sqlx(type_name = "TEXT", rename_all = "snake_case")]
pub enum SearchKind {
    Contact,
    Organisation,
    Session,
    AgendaItem,
    Decision,
    ActionItem,
    Minutes,
    Paper,
}

impl SearchKind {
    /// Every kind, in the order the search results list them.
    pub const ALL: [SearchKind; 8] = [
        SearchKind::Contact,
        SearchKind::Organisation,
        SearchKind::Session,
        SearchKind::AgendaItem,
        SearchKind::Decision,
        SearchKind::ActionItem,
        SearchKind::Minutes,
        SearchKind::Paper,
    ];

    /// The name stored in the index (`search_keys.kind`, `search_index.kind`).
    pub fn as_str(self) -> &'static str {
        match self {
            SearchKind::Contact => "contact",
            SearchKind::Organisation => "organisation",
            SearchKind::Session => "session",
            SearchKind::AgendaItem => "agenda_item",
            SearchKind::Decision => "decision",
            SearchKind::ActionItem => "action_item",
            SearchKind::Minutes => "minutes",
            SearchKind::Paper => "paper",
        }
    }

    /// The heading of this kind's group of hits.
    pub fn label(self) -> &'static str {
        match self {
            SearchKind::Contact => "Kontakte",
            SearchKind::Organisation => "Organisationen",
            SearchKind::Session => "Sitzungen",
            SearchKind::AgendaItem => "Tagesordnungspunkte",
            SearchKind::Decision => "Beschlüsse",
            SearchKind::ActionItem => "Aufgaben",
            SearchKind::Minutes => "Protokolle",
            SearchKind::Paper => "Konzeptpapiere",
        }
    }
}

/// Everything a contact is found by (the values as stored; folded by [`contact_text`]).
#[derive(Debug, Clone, Copy, Default)]
pub struct ContactWords<'a> {
    pub title: Option<&'a str>,
    pub first_name: Option<&'a str>,
    pub last_name: &'a str,
    pub function: Option<&'a str>,
    pub city: Option<&'a str>,
    /// The name of the contact's organisation, as stored.
    pub organisation: Option<&'a str>,
    pub emails: &'a [&'a str],
    pub groups: &'a [&'a str],
}

/// The folded text a contact is indexed with: name, function, place, organisation, e-mail
/// addresses (in their order) and groups (sorted, so the order a form or file gave them in does
/// not matter).
pub fn contact_text(c: &ContactWords<'_>) -> String {
    let mut words: Vec<&str> = [c.title, c.first_name].into_iter().flatten().collect();
    words.push(c.last_name);
    words.extend([c.function, c.city, c.organisation].into_iter().flatten());
    words.extend(c.emails.iter().copied());
    let mut text = fold(&words.join(" "));
    let mut groups: Vec<String> = c.groups.iter().map(|g| fold(g)).collect();
    groups.sort_unstable();
    for group in groups {
        text.push(' ');
        text.push_str(&group);
    }
    text
}

/// Everything an organisation is found by.
#[derive(Debug, Clone, Copy, Default)]
pub struct OrganisationWords<'a> {
    pub name: &'a str,
    pub city: Option<&'a str>,
    /// The name of its Stadt-/Landkreis ("Tübingen"), so "tübingen" finds the Landratsamt.
    pub district: Option<&'a str>,
}

/// The folded text an organisation is indexed with.
pub fn organisation_text(o: &OrganisationWords<'_>) -> String {
    let words: Vec<&str> = std::iter::once(o.name)
        .chain([o.city, o.district].into_iter().flatten())
        .collect();
    fold(&words.join(" "))
}

/// Everything a session is found by.
#[derive(Debug, Clone, Copy, Default)]
pub struct SessionWords<'a> {
    pub title: &'a str,
    /// As stored ("2026-11-24"); indexed as written in German ("24.11.2026") and by year.
    pub date: &'a str,
    pub place: Option<&'a str>,
    pub host: Option<&'a str>,
    /// The titles of its TOPs, so "sprachkurse" finds the session that discussed them.
    pub agenda_titles: &'a [&'a str],
}

/// The folded text a session is indexed with: title, date (24.11.2026), place, host, TOP titles.
pub fn session_text(s: &SessionWords<'_>) -> String {
    let date_de = chrono::NaiveDate::parse_from_str(s.date, "%Y-%m-%d")
        .map(|d| d.format("%d.%m.%Y").to_string())
        .unwrap_or_default();
    let mut words: Vec<&str> = vec![s.title, &date_de];
    words.extend([s.place, s.host].into_iter().flatten());
    words.extend(s.agenda_titles.iter().copied());
    fold(&words.join(" "))
}

/// Everything a TOP is found by: its title and description, and the session it belongs to.
#[derive(Debug, Clone, Copy, Default)]
pub struct AgendaItemWords<'a> {
    pub title: &'a str,
    pub description: Option<&'a str>,
    pub session_title: &'a str,
}

pub fn agenda_item_text(a: &AgendaItemWords<'_>) -> String {
    let words: Vec<&str> = [Some(a.title), a.description, Some(a.session_title)]
        .into_iter()
        .flatten()
        .collect();
    fold(&words.join(" "))
}

/// Everything a decision is found by: its number ("Beschluss 3/2027-2") and its wording.
#[derive(Debug, Clone, Copy, Default)]
pub struct DecisionWords<'a> {
    pub label: &'a str,
    pub text: &'a str,
}

pub fn decision_text(d: &DecisionWords<'_>) -> String {
    fold(&format!("{} {}", d.label, d.text))
}

/// Everything an action item is found by: what is to be done and who owns it.
#[derive(Debug, Clone, Copy, Default)]
pub struct ActionItemWords<'a> {
    pub what: &'a str,
    pub owner: Option<&'a str>,
}

pub fn action_item_text(a: &ActionItemWords<'_>) -> String {
    let words: Vec<&str> = [Some(a.what), a.owner].into_iter().flatten().collect();
    fold(&words.join(" "))
}

/// Everything minutes are found by: the session's title, who took them, the discussion of every
/// TOP and the Nachträge.
#[derive(Debug, Clone, Copy, Default)]
pub struct MinutesWords<'a> {
    pub session_title: &'a str,
    pub minute_taker: Option<&'a str>,
    pub discussions: &'a [&'a str],
    pub addenda: &'a [&'a str],
}

pub fn minutes_text(m: &MinutesWords<'_>) -> String {
    let mut words: Vec<&str> = vec!["Protokoll", m.session_title];
    words.extend(m.minute_taker);
    words.extend(m.discussions.iter().copied());
    words.extend(m.addenda.iter().copied());
    fold(&words.join(" "))
}

/// Everything a concept paper is found by: its *current* text (title, summary, the body's plain
/// text of the latest version), its Handlungsfeld, lead organisation and authors. Earlier versions
/// and the unsaved draft are not searched: a search hit must show what the paper says now.
#[derive(Debug, Clone, Copy, Default)]
pub struct PaperWords<'a> {
    pub title: &'a str,
    pub summary: Option<&'a str>,
    pub body_text: &'a str,
    pub handlungsfeld: Option<&'a str>,
    pub lead_organisation: Option<&'a str>,
    pub authors: &'a [&'a str],
}

/// The body goes in as its distinct words only, each once, in order of first use: the search
/// asks for word prefixes, never phrases, so repeats add nothing but index size. Measured with
/// 10,000 papers of three 3 KB versions (debug build): the full text made a one-letter search take
/// p95 64 ms and the data file grow by 50–60 MB per round of versions.
pub fn paper_text(p: &PaperWords<'_>) -> String {
    let mut words: Vec<&str> = vec![p.title];
    words.extend(
        [p.summary, p.handlungsfeld, p.lead_organisation]
            .into_iter()
            .flatten(),
    );
    words.extend(p.authors.iter().copied());
    let mut text = fold(&words.join(" "));
    let body = fold(p.body_text);
    let mut seen = std::collections::HashSet::new();
    for word in body
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if seen.insert(word) {
            text.push(' ');
            text.push_str(word);
        }
    }
    text
}

/// One hit of the global search: what it is, its id, and the two lines a result list shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SearchHit {
    pub kind: SearchKind,
    pub id: i64,
    pub label: String,
    pub detail: Option<String>,
    /// The words of `label` and `detail`, spelled as shown, that a typed word is a prefix of (after
    /// folding), so a UI can highlight them without knowing the folding rules ("mue" → "Müller").
    /// Empty when the record was found by text it does not show (an e-mail address, a group).
    pub matched: Vec<String>,
    /// The session a hit belongs to (a session, its minutes, a TOP, a decision, an action item),
    /// so a window can open the screen that shows it without asking again; `None` for other kinds.
    #[serde(default)]
    pub session_id: Option<i64>,
}

/// The hits of one kind, at most the number asked for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SearchGroup {
    pub kind: SearchKind,
    /// German heading ("Kontakte").
    pub label: &'static str,
    pub hits: Vec<SearchHit>,
}

/// What the search box shows: one group per kind that has hits, in [`SearchKind::ALL`] order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SearchResults {
    /// The folded words that were searched for (prefixes).
    pub terms: Vec<String>,
    pub groups: Vec<SearchGroup>,
}

impl SearchResults {
    /// Every hit, group after group.
    pub fn hits(&self) -> impl Iterator<Item = &SearchHit> {
        self.groups.iter().flat_map(|g| g.hits.iter())
    }
}

/// The shown words (of `texts`) that start with one of the folded `terms`, each once, in order.
pub fn matched_words(texts: &[&str], terms: &[String]) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for word in texts
        .iter()
        .flat_map(|t| t.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
    {
        let folded = fold(word);
        if terms.iter().any(|t| folded.starts_with(t.as_str())) && !found.iter().any(|f| f == word) {
            found.push(word.to_owned());
        }
    }
    found
}

/// Orders candidate hits like the search box expects: labels with a word starting with what was
/// typed first, then the rest; each part in German order of the label. Keeps at most `limit`.
pub fn rank_hits(typed: &str, hits: Vec<SearchHit>, limit: usize) -> Vec<SearchHit> {
    let typed = fold(typed.trim());
    let mut keyed: Vec<(bool, String, SearchHit)> = hits
        .into_iter()
        .map(|h| {
            let label = fold(&h.label);
            let starts = label.starts_with(&typed) || label.split(' ').any(|w| w.starts_with(&typed));
            (!starts, label, h)
        })
        .collect();
    keyed.sort_by(|a, b| (a.0, &a.1, a.2.id).cmp(&(b.0, &b.1, b.2.id)));
    keyed.into_iter().take(limit).map(|(_, _, h)| h).collect()
}

#[cfg(test)]
mod tests;

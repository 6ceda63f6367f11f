//! Line breaking: styled runs into lines no wider than the measure, greedily (first fit), which is
//! what office documents do. Breaks at spaces, after a hyphen or a slash inside a word (compound
//! names, URLs), at "\n" (a hard break); a word wider than a whole line is cut where it must be,
//! with a hyphen at the cut (not in links, addresses and URLs).

use super::Run;
use crate::pdf::fonts::{Face, Measure};

/// A placed run of text on a line: `x` from the line's start.
#[derive(Debug, Clone, PartialEq)]
pub struct Piece {
    pub text: String,
    pub face: Face,
    pub x: f32,
    pub width: f32,
    pub link: Option<String>,
}

/// One line: its pieces and its width.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Line {
    pub pieces: Vec<Piece>,
    pub width: f32,
}

impl Line {
    /// The line's text, for tests and checks.
    pub fn text(&self) -> String {
        self.pieces.iter().map(|p| p.text.as_str()).collect()
    }
}

#[derive(Debug, Clone)]
struct Fragment {
    text: String,
    face: Face,
    link: Option<String>,
    width: f32,
}

#[derive(Debug, Clone)]
enum Token {
    /// Text that stays together (unless wider than a line).
    Word(Vec<Fragment>),
    /// A breakable space (dropped at a line's end).
    Space(Fragment),
    /// A break opportunity without a space (after "-" or "/").
    Joint,
    Newline,
}

fn tokens(runs: &[Run], size: f32, measure: &dyn Measure) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::new();
    let mut word: Vec<Fragment> = Vec::new();
    let frag = |text: &str, run: &Run| Fragment {
        text: text.to_string(),
        face: run.face(),
        link: run.link.clone(),
        width: measure.width(run.face(), size, text),
    };
    for run in runs {
        let mut current = String::new();
        let mut chars = run.text.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                ' ' | '\n' => {
                    if !current.is_empty() {
                        word.push(frag(&current, run));
                        current.clear();
                    }
                    if !word.is_empty() {
                        out.push(Token::Word(std::mem::take(&mut word)));
                    }
                    out.push(if c == ' ' {
                        Token::Space(frag(" ", run))
                    } else {
                        Token::Newline
                    });
                }
                '-' | '/' | '–' if chars.peek().is_some_and(|n| !matches!(n, ' ' | '\n' | '-' | '/')) => {
                    current.push(c);
                    // Only inside a word: "Baden-Württemberg", "https://a/b".
                    if current.chars().count() > 1 {
                        word.push(frag(&current, run));
                        current.clear();
                        out.push(Token::Word(std::mem::take(&mut word)));
                        out.push(Token::Joint);
                    }
                }
                c => current.push(c),
            }
        }
        if !current.is_empty() {
            word.push(frag(&current, run));
        }
    }
    if !word.is_empty() {
        out.push(Token::Word(word));
    }
    out
}

#[derive(Default)]
struct Builder {
    lines: Vec<Vec<Fragment>>,
    current: Vec<Fragment>,
    width: f32,
    pending_space: Option<Fragment>,
}

impl Builder {
    fn finish_line(&mut self) {
        self.pending_space = None;
        self.lines.push(std::mem::take(&mut self.current));
        self.width = 0.0;
    }

    fn add(&mut self, fragments: Vec<Fragment>) {
        if let Some(space) = self.pending_space.take()
            && !self.current.is_empty()
        {
            self.width += space.width;
            self.current.push(space);
        }
        for f in fragments {
            self.width += f.width;
            self.current.push(f);
        }
    }
}

/// Breaks `runs` into lines at most `width` points wide at `size` points.
pub fn wrap(runs: &[Run], width: f32, size: f32, measure: &dyn Measure) -> Vec<Line> {
    let width = width.max(size); // never loop on a silly width
    let mut b = Builder::default();
    for token in tokens(runs, size, measure) {
        match token {
            Token::Newline => b.finish_line(),
            Token::Space(space) => {
                if !b.current.is_empty() {
                    b.pending_space = Some(space);
                }
            }
            Token::Joint => {}
            Token::Word(fragments) => {
                let word_width: f32 = fragments.iter().map(|f| f.width).sum();
                let space = b.pending_space.as_ref().map_or(0.0, |s| s.width);
                if b.width + space + word_width <= width + 0.01 {
                    b.add(fragments);
                    continue;
                }
                if !b.current.is_empty() {
                    b.finish_line();
                }
                if word_width <= width + 0.01 {
                    b.add(fragments);
                    continue;
                }
                // Wider than a whole line: cut it character by character. A cut word gets a
                // hyphen at the cut, as a reader expects; a link, an address or anything with
                // "/", "@", ":" or "." (URLs, e-mail, file names) is cut without one, since a
                // hyphen there would read as part of it.
                let hyphenate = fragments
                    .iter()
                    .all(|f| f.link.is_none() && !f.text.contains(['/', '@', ':', '.']));
                for fragment in fragments {
                    let mut rest = fragment.text.as_str();
                    let hyphen = if hyphenate {
                        measure.width(fragment.face, size, "-")
                    } else {
                        0.0
                    };
                    while !rest.is_empty() {
                        let room = width - b.width;
                        let mut end = 0;
                        let mut used = 0.0;
                        for (i, c) in rest.char_indices() {
                            let next = i + c.len_utf8();
                            let w = measure.width(fragment.face, size, &rest[i..next]);
                            // Room for the hyphen unless this character ends the word.
                            let tail = if next < rest.len() { hyphen } else { 0.0 };
                            if used + w + tail > room + 0.01 {
                                break;
                            }
                            used += w;
                            end = next;
                        }
                        if end == 0 {
                            if b.current.is_empty() {
                                // Not even one character fits: place one anyway.
                                end = rest.chars().next().map_or(rest.len(), char::len_utf8);
                                used = measure.width(fragment.face, size, &rest[..end]);
                            } else {
                                b.finish_line();
                                continue;
                            }
                        }
                        let mut text = rest[..end].to_string();
                        rest = &rest[end..];
                        if !rest.is_empty() && hyphenate && used + hyphen <= room + 0.01 {
                            text.push('-');
                            used += hyphen;
                        }
                        b.add(vec![Fragment {
                            text,
                            face: fragment.face,
                            link: fragment.link.clone(),
                            width: used,
                        }]);
                        if !rest.is_empty() {
                            b.finish_line();
                        }
                    }
                }
            }
        }
    }
    if !b.current.is_empty() || b.lines.is_empty() {
        b.finish_line();
    }
    b.lines.into_iter().map(merge).collect()
}

/// Joins neighbouring fragments of the same face and link into one piece.
fn merge(fragments: Vec<Fragment>) -> Line {
    let mut line = Line::default();
    for f in fragments {
        if let Some(last) = line.pieces.last_mut()
            && last.face == f.face
            && last.link == f.link
        {
            last.text.push_str(&f.text);
            last.width += f.width;
            line.width += f.width;
            continue;
        }
        line.pieces.push(Piece {
            text: f.text,
            face: f.face,
            x: line.width,
            width: f.width,
            link: f.link,
        });
        line.width += f.width;
    }
    line
}

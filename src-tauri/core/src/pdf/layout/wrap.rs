//! Line breaking: styled runs into lines no wider than the measure, greedily (first fit), which is
//! what office documents do. Breaks at spaces, after a hyphen or a slash inside a word (compound
//! names, URLs), at "\n" (a hard break). A prose word that does not fit at a line's end is
//! hyphenated at a German syllable boundary (`hyphenate.rs`) when that fills the line noticeably
//! better; a word wider than a whole line is split at syllables first and only then cut where it
//! must be, with a hyphen at the cut (not in links, addresses and URLs).

use super::Run;
use super::hyphenate;
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

/// Where words may be split at syllables with a hyphen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hyphenation {
    /// Running text (paragraphs, lists, table cells): a word that does not fit at a line's end
    /// is hyphenated when the gap it leaves is at least [`ZONE_EMS`] wide; a word wider than a
    /// whole line is split at syllables first.
    Auto,
    /// Headings and contents entries: a typesetter does not hyphenate them, so a word moves to
    /// the next line whole, and only one wider than a whole line is split (at syllables first).
    OverlongOnly,
    /// Code (preformatted text): syllables mean nothing there; a line too long is cut at the
    /// letter where it must be, as before hyphenation existed.
    Never,
}

/// The hyphenation zone in ems (as in office and DTP programs): a gap at a line's end narrower
/// than this is left as it is, since a hyphen there would buy little; at most a sixth of the line
/// (narrow table columns).
pub const ZONE_EMS: f32 = 2.0;

/// Slack for float sums: the widths are sums of scaled glyph advances.
const EPS: f32 = 0.01;

#[derive(Debug, Clone)]
struct Fragment {
    text: String,
    face: Face,
    link: Option<String>,
    width: f32,
}

/// Text that stays together (unless hyphenated or wider than a line), in one or more faces.
#[derive(Debug, Clone)]
struct Word {
    fragments: Vec<Fragment>,
    /// Prose: may be split at its syllables (all of it not a link, an address or a number).
    syllables: bool,
    /// May be hyphenated at a line's end: prose and not one part of a compound that already has
    /// its own break ("Baden-" / "Württemberg" break at the hyphen instead).
    line_end: bool,
    /// A cut at an arbitrary letter shows a hyphen (not in links, URLs, addresses, file names).
    dash: bool,
}

impl Word {
    fn new(fragments: Vec<Fragment>) -> Word {
        let dash = fragments
            .iter()
            .all(|f| f.link.is_none() && !f.text.contains(['/', '@', ':', '.']));
        Word {
            fragments,
            syllables: false,
            line_end: false,
            dash,
        }
    }

    fn width(&self) -> f32 {
        self.fragments.iter().map(|f| f.width).sum()
    }

    fn text(&self) -> String {
        self.fragments.iter().map(|f| f.text.as_str()).collect()
    }
}

#[derive(Debug, Clone)]
enum Token {
    Word(Word),
    /// A breakable space (dropped at a line's end).
    Space(Fragment),
    /// A break opportunity without a space (after "-" or "/").
    Joint,
    Newline,
}

/// Decides for the words between two spaces (`tokens`: one chunk, "Baden-" Joint "Württemberg")
/// whether and how they may be hyphenated.
fn finish_chunk(tokens: &mut [Token], hyphenation: Hyphenation) {
    let words = || {
        tokens.iter().filter_map(|t| match t {
            Token::Word(w) => Some(w),
            _ => None,
        })
    };
    let linked = words().any(|w| w.fragments.iter().any(|f| f.link.is_some()));
    let whole = words().count() == 1;
    let prose = hyphenation != Hyphenation::Never
        && !linked
        && match &*tokens {
            // Most chunks are one word in one face: no text to put together (runs for every
            // word of a 100-page dossier).
            [Token::Word(w)] if w.fragments.len() == 1 => hyphenate::is_prose(&w.fragments[0].text),
            _ => hyphenate::is_prose(&words().map(Word::text).collect::<String>()),
        };
    for t in tokens.iter_mut() {
        if let Token::Word(w) = t {
            w.syllables = prose;
            w.line_end = prose && whole && hyphenation == Hyphenation::Auto;
        }
    }
}

fn tokens(runs: &[Run], size: f32, measure: &dyn Measure, hyphenation: Hyphenation) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::new();
    let mut word: Vec<Fragment> = Vec::new();
    // Where the current chunk (the text since the last space or line break) starts in `out`.
    let mut chunk = 0;
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
                        out.push(Token::Word(Word::new(std::mem::take(&mut word))));
                    }
                    finish_chunk(&mut out[chunk..], hyphenation);
                    out.push(if c == ' ' {
                        Token::Space(frag(" ", run))
                    } else {
                        Token::Newline
                    });
                    chunk = out.len();
                }
                '-' | '/' | '–' if chars.peek().is_some_and(|n| !matches!(n, ' ' | '\n' | '-' | '/')) => {
                    current.push(c);
                    // Only inside a word: "Baden-Württemberg", "https://a/b".
                    if current.chars().count() > 1 {
                        word.push(frag(&current, run));
                        current.clear();
                        out.push(Token::Word(Word::new(std::mem::take(&mut word))));
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
        out.push(Token::Word(Word::new(word)));
    }
    finish_chunk(&mut out[chunk..], hyphenation);
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

/// Breaks `runs` into lines at most `width` points wide at `size` points, hyphenating running
/// text ([`Hyphenation::Auto`]).
pub fn wrap(runs: &[Run], width: f32, size: f32, measure: &dyn Measure) -> Vec<Line> {
    wrap_with(runs, width, size, measure, Hyphenation::Auto)
}

/// [`wrap`] with the hyphenation a block asks for.
pub fn wrap_with(
    runs: &[Run],
    width: f32,
    size: f32,
    measure: &dyn Measure,
    hyphenation: Hyphenation,
) -> Vec<Line> {
    let width = width.max(size); // never loop on a silly width
    let fit = Fit {
        width,
        size,
        measure,
        zone: (ZONE_EMS * size).min(width / 6.0),
    };
    let mut b = Builder::default();
    for token in tokens(runs, size, measure, hyphenation) {
        match token {
            Token::Newline => b.finish_line(),
            Token::Space(space) => {
                if !b.current.is_empty() {
                    b.pending_space = Some(space);
                }
            }
            Token::Joint => {}
            Token::Word(word) => fit.place(&mut b, word),
        }
    }
    if !b.current.is_empty() || b.lines.is_empty() {
        b.finish_line();
    }
    b.lines.into_iter().map(merge).collect()
}

/// What one wrap call measures against.
struct Fit<'a> {
    width: f32,
    size: f32,
    measure: &'a dyn Measure,
    /// The gap at a line's end from which a word is hyphenated there.
    zone: f32,
}

impl Fit<'_> {
    fn place(&self, b: &mut Builder, mut word: Word) {
        let space = b.pending_space.as_ref().map_or(0.0, |s| s.width);
        if b.width + space + word.width() <= self.width + EPS {
            b.add(word.fragments);
            return;
        }
        // Syllable points are found only for the few words that need them (one per line at
        // most), not for every word of the text.
        let mut points = if word.syllables {
            hyphenate::points(&word.text())
        } else {
            Vec::new()
        };
        if !b.current.is_empty() {
            let room = self.width - b.width - space;
            if word.line_end
                && room >= self.zone
                && let Some(at) = self.last_fitting(&word, &points, room)
            {
                let (head, tail) = self.split(word, &mut points, at, true);
                b.add(head);
                word = tail;
            }
            b.finish_line();
        }
        // On an empty line: what does not fit whole is split at syllables, else cut by letters.
        loop {
            if word.width() <= self.width + EPS {
                b.add(word.fragments);
                return;
            }
            let (head, tail) = match self.last_fitting(&word, &points, self.width) {
                Some(at) => self.split(word, &mut points, at, true),
                None => {
                    let at = self.letters_fitting(&word);
                    let dash = word.dash;
                    let (mut head, tail) = self.split(word, &mut points, at, false);
                    // The hyphen only where it fits (a single letter wider than the line has none).
                    let used: f32 = head.iter().map(|f| f.width).sum();
                    if dash && let Some(last) = head.last_mut() {
                        let hyphen = self.measure.width(last.face, self.size, "-");
                        if used + hyphen <= self.width + EPS {
                            last.text.push('-');
                            last.width += hyphen;
                        }
                    }
                    (head, tail)
                }
            };
            b.add(head);
            b.finish_line();
            word = tail;
        }
    }

    /// The latest syllable point at which the word's head and a hyphen fit into `room`.
    fn last_fitting(&self, word: &Word, points: &[usize], room: f32) -> Option<usize> {
        points
            .iter()
            .rev()
            .copied()
            .find(|&at| self.head_width(word, at) <= room + EPS)
    }

    /// Width of the word's first `at` bytes and the hyphen after them, in the face of the letter
    /// before the break.
    fn head_width(&self, word: &Word, at: usize) -> f32 {
        let mut start = 0;
        let mut width = 0.0;
        for f in &word.fragments {
            let end = start + f.text.len();
            if at <= end {
                let part = &f.text[..at - start];
                return width
                    + self.measure.width(f.face, self.size, part)
                    + self.measure.width(f.face, self.size, "-");
            }
            width += f.width;
            start = end;
        }
        width
    }

    /// Where to cut a word wider than an empty line by letters: as many as fit with room for a
    /// hyphen after them (if the word shows one), at least one.
    fn letters_fitting(&self, word: &Word) -> usize {
        let mut used = 0.0;
        let mut at = 0;
        for f in &word.fragments {
            let hyphen = if word.dash {
                self.measure.width(f.face, self.size, "-")
            } else {
                0.0
            };
            for (i, c) in f.text.char_indices() {
                let w = self
                    .measure
                    .width(f.face, self.size, &f.text[i..i + c.len_utf8()]);
                if used + w + hyphen > self.width + EPS {
                    return if at == 0 { c.len_utf8() } else { at };
                }
                used += w;
                at += c.len_utf8();
            }
        }
        at
    }

    /// Splits the word after its first `at` bytes: the head's fragments (with a hyphen drawn
    /// after them if `hyphen`) and the rest as a word of its own, `points` moved along with it.
    fn split(&self, word: Word, points: &mut Vec<usize>, at: usize, hyphen: bool) -> (Vec<Fragment>, Word) {
        let mut head = Vec::new();
        let mut tail = Vec::new();
        let mut start = 0;
        for f in word.fragments {
            let end = start + f.text.len();
            if end <= at {
                head.push(f);
            } else if start >= at {
                tail.push(f);
            } else {
                let cut = at - start;
                let (left, right) = f.text.split_at(cut);
                head.push(Fragment {
                    text: left.to_string(),
                    width: self.measure.width(f.face, self.size, left),
                    face: f.face,
                    link: f.link.clone(),
                });
                tail.push(Fragment {
                    text: right.to_string(),
                    width: self.measure.width(f.face, self.size, right),
                    face: f.face,
                    link: f.link,
                });
            }
            start = end;
        }
        if hyphen && let Some(last) = head.last_mut() {
            last.width += self.measure.width(last.face, self.size, "-");
            last.text.push('-');
        }
        points.retain(|&p| p > at);
        for p in points.iter_mut() {
            *p -= at;
        }
        (
            head,
            Word {
                fragments: tail,
                ..word
            },
        )
    }
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

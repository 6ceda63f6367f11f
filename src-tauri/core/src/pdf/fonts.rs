//! The fonts every PDF is set in: Fira Sans (the window's typeface through KERN; SIL OFL 1.1, which
//! allows embedding), copied from a pinned npm package by `scripts/vendor-fonts.sh` and compiled
//! into the binary, so an export never depends on what fonts an office PC has.
//!
//! Measuring uses the fonts' own advance widths (hmtx / units per em, no kerning), exactly what the
//! PDF viewer uses to place the glyphs printpdf writes, so a line measured to fit does fit.
//! A character none of the faces has is replaced by a visible "□" (or "?") before layout, never
//! left to the viewer and never a crash.

use std::sync::OnceLock;

use printpdf::ParsedFont;

use crate::{Error, Result};

/// The four faces of the one family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Face {
    Regular,
    Italic,
    Bold,
    BoldItalic,
}

impl Face {
    pub const ALL: [Face; 4] = [Face::Regular, Face::Italic, Face::Bold, Face::BoldItalic];

    /// The face for a run's emphasis.
    pub fn styled(bold: bool, italic: bool) -> Face {
        match (bold, italic) {
            (false, false) => Face::Regular,
            (false, true) => Face::Italic,
            (true, false) => Face::Bold,
            (true, true) => Face::BoldItalic,
        }
    }

    fn index(self) -> usize {
        self as usize
    }

    /// The face's TTF, unpacked: build.rs stores the fonts brotli-compressed in the binary (1.2 MB
    /// less); unpacking all four takes a few milliseconds, once per process (see `Fonts::get`).
    fn bytes(self) -> std::result::Result<Vec<u8>, String> {
        let packed: &[u8] = match self {
            Face::Regular => include_bytes!(concat!(env!("OUT_DIR"), "/FiraSans-Regular.ttf.br")),
            Face::Italic => include_bytes!(concat!(env!("OUT_DIR"), "/FiraSans-Italic.ttf.br")),
            // SemiBold rather than Bold: Fira's Bold is heavy on paper; KERN uses 600 for emphasis too.
            Face::Bold => include_bytes!(concat!(env!("OUT_DIR"), "/FiraSans-SemiBold.ttf.br")),
            Face::BoldItalic => {
                include_bytes!(concat!(env!("OUT_DIR"), "/FiraSans-SemiBoldItalic.ttf.br"))
            }
        };
        let mut raw = Vec::with_capacity(packed.len() * 3);
        std::io::Read::read_to_end(
            &mut brotli_decompressor::Decompressor::new(packed, 4096),
            &mut raw,
        )
        .map_err(|e| format!("Die eingebaute Schrift {self:?} ist beschädigt ({e})."))?;
        Ok(raw)
    }
}

/// Anything that can tell how wide a text is. The layout only needs this, so its tests can use a
/// simple fixed-width stand-in next to the real fonts.
pub trait Measure {
    /// Width in points of `text` set in `face` at `size` points.
    fn width(&self, face: Face, size: f32, text: &str) -> f32;
}

/// The parsed faces, parsed once per process (parsing four fonts costs a few milliseconds; the
/// window may export many times).
pub struct Fonts {
    faces: Vec<ParsedFont>,
    units_per_em: [f32; 4],
    replacement: char,
}

static FONTS: OnceLock<std::result::Result<Fonts, String>> = OnceLock::new();

impl Fonts {
    /// The shared fonts; an error only if a compiled-in font cannot be parsed (a broken build).
    pub fn get() -> Result<&'static Fonts> {
        FONTS
            .get_or_init(Fonts::parse)
            .as_ref()
            .map_err(|reason| Error::Pdf {
                reason: reason.clone(),
            })
    }

    fn parse() -> std::result::Result<Fonts, String> {
        let mut faces = Vec::with_capacity(4);
        let mut units_per_em = [1000.0; 4];
        for face in Face::ALL {
            let parsed = ParsedFont::from_bytes(&face.bytes()?, 0, &mut Vec::new())
                .ok_or_else(|| format!("Die eingebaute Schrift {face:?} ist beschädigt."))?;
            units_per_em[face.index()] = f32::from(parsed.pdf_font_metrics.units_per_em.max(1));
            faces.push(parsed);
        }
        let regular = &faces[Face::Regular.index()];
        let replacement = if regular.lookup_glyph_index('□' as u32).is_some() {
            '□'
        } else {
            '?'
        };
        Ok(Fonts {
            faces,
            units_per_em,
            replacement,
        })
    }

    /// The parsed face, for embedding.
    pub fn parsed(&self, face: Face) -> &ParsedFont {
        &self.faces[face.index()]
    }

    /// Whether every face can show `c` (all faces share one character set, but check each).
    pub fn has_char(&self, c: char) -> bool {
        self.faces
            .iter()
            .all(|f| f.lookup_glyph_index(c as u32).is_some())
    }

    /// `text` with every character no face has replaced by a visible "□" (or "?"), soft hyphens
    /// and other invisible format characters dropped (the layout hyphenates itself), tabs as spaces.
    pub fn clean(&self, text: &str) -> String {
        self.cleaned(text, false)
    }

    /// Like `clean`, but keeps line breaks ("\n") for the layout's hard breaks.
    pub fn clean_keep_breaks(&self, text: &str) -> String {
        self.cleaned(text, true)
    }

    fn cleaned(&self, text: &str, keep_breaks: bool) -> String {
        let mut out = String::with_capacity(text.len());
        for c in text.chars() {
            match c {
                '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{FEFF}' | '\r' => {}
                '\n' if keep_breaks => out.push('\n'),
                '\t' | '\n' => out.push(' '),
                '\u{00A0}' | '\u{202F}' if !self.has_char(c) => out.push(' '),
                c if c.is_control() => {}
                c if self.has_char(c) => out.push(c),
                _ => out.push(self.replacement),
            }
        }
        out
    }
}

impl Measure for Fonts {
    fn width(&self, face: Face, size: f32, text: &str) -> f32 {
        let font = &self.faces[face.index()];
        let units: u32 = text
            .chars()
            .map(|c| {
                let glyph = font.lookup_glyph_index(c as u32).unwrap_or(0);
                u32::from(font.get_horizontal_advance(glyph))
            })
            .sum();
        units as f32 * size / self.units_per_em[face.index()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_face_covers_the_names_of_the_network() {
        let fonts = Fonts::get().expect("fonts parse");
        for c in "äöüÄÖÜßẞşğıİŞĞąęłńśźżćčšžđČŠŽĐЖжЁёЩщ€„“‚‘–—…·•".chars()
        {
            assert!(fonts.has_char(c), "{c} fehlt");
        }
    }

    #[test]
    fn a_missing_character_is_replaced_visibly() {
        let fonts = Fonts::get().expect("fonts parse");
        // U+10380 UGARITIC LETTER A: no office font has it.
        let cleaned = fonts.clean("a\u{10380}b\u{00AD}c");
        assert_eq!(cleaned.chars().count(), 4);
        assert!(cleaned.starts_with('a') && cleaned.ends_with("bc"));
        assert_ne!(cleaned.chars().nth(1), Some('\u{10380}'));
    }

    #[test]
    fn widths_scale_with_size_and_bold_is_wider() {
        let fonts = Fonts::get().expect("fonts parse");
        let w10 = fonts.width(Face::Regular, 10.0, "Sitzungsmappe");
        let w20 = fonts.width(Face::Regular, 20.0, "Sitzungsmappe");
        assert!(w10 > 40.0 && w10 < 80.0, "{w10}");
        assert!((w20 - 2.0 * w10).abs() < 0.01);
        assert!(fonts.width(Face::Bold, 10.0, "Sitzungsmappe") > w10);
    }
}

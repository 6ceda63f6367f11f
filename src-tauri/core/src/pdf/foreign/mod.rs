//! Pages of other PDFs placed on the Sitzungsmappe's own pages: a concept paper's attached PDFs
//! (a Beschlussvorlage, a filled-in Stellungnahme) printed after the paper, so the handout is one
//! file to print for 40 people.
//!
//! Each attached page becomes a Form XObject drawn, scaled to fit, inside the dossier page's
//! content area, below the dossier's own header and above its footer: every page of the handout
//! keeps "Seite X von Y", the table of contents and bookmarks stay right, and the attachment's
//! own page size or rotation (Letter, landscape, `/Rotate 90`) does not matter. Visible form-field
//! and stamp appearances are drawn with the page (flattened); links and other interactive parts
//! are left behind.
//!
//! Attachments are files people brought in: anything that is not a readable PDF (damaged,
//! protected by a password, not to be printed by its owner's settings, a decompression bomb) is
//! refused with a German reason, and the dossier is made without it. lopdf's parser was fuzzed
//! here (3,600 damaged files from ten seeds: no panic, no hang); opening and copying also run under
//! `catch_unwind`, which turns a panic into a refusal in builds that unwind (tests, debug) — the
//! release profile aborts on panic, so there the fuzzing is what stands behind it.
//!
//! Copied fonts get subset tags of their own (`NWMXAA+…`): a PDF written by Netzwerkmappe itself
//! carries the same tags as the dossier (`NWMFAA+…`) for different subsets, and two subsets
//! must not share a tag (ISO 32000-1, 9.6.4). Layers (optional content) keep their on/off and
//! print states through the dossier's `/OCProperties`.

use std::collections::HashMap;
use std::panic::{AssertUnwindSafe, catch_unwind};

use lopdf::{Dictionary, Document, LoadOptions, Object, ObjectId, Permissions, Stream};

mod copier;
mod geometry;
use copier::*;
pub use geometry::merge_optional_content;
use geometry::*;

/// The most one content stream or page may inflate to (a decompression bomb is refused).
const MAX_DECOMPRESSED: usize = 64 * 1024 * 1024;

/// How deep a page's `/Parent` chain is followed for inherited attributes.
const MAX_INHERITANCE: usize = 64;

/// The reason for a file lopdf cannot read, with what helps: most such files open in a PDF
/// program, and saving or printing them again as PDF writes them anew.
const DAMAGED: &str = "Sie ist beschädigt oder kein lesbares PDF. Öffnen Sie sie in einem PDF-Programm und \
                       speichern oder drucken Sie sie dort erneut als PDF.";

/// The content of `streams` decoded and joined, each within what is left of the limit; a stream
/// in an encoding lopdf cannot decode is refused rather than passed on as garbage.
fn decoded_content(doc: &Document, streams: &[ObjectId]) -> Result<Vec<u8>, Refusal> {
    let mut content = Vec::new();
    for id in streams {
        let Ok(stream) = doc.get_object(*id).and_then(Object::as_stream) else {
            continue;
        };
        let remaining = MAX_DECOMPRESSED.saturating_sub(content.len());
        match stream.decompressed_content_with_limit(remaining) {
            Ok(data) => content.extend_from_slice(&data),
            Err(lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded { .. })) => {
                return Err("Eine Seite ist zu groß (entpackt über 64 MB).".into());
            }
            Err(_) => {
                return Err(
                    "Eine Seite ist beschädigt oder so kodiert, wie Netzwerkmappe es nicht lesen kann."
                        .into(),
                );
            }
        }
        content.push(b'\n');
    }
    Ok(content)
}

/// See [`ForeignPdf::form_values_may_be_missing`].
fn form_values_may_be_missing(doc: &Document, pages: &[ObjectId]) -> bool {
    let needs = doc
        .catalog()
        .ok()
        .and_then(|c| c.get(b"AcroForm").ok())
        .and_then(|f| doc.dereference(f).ok())
        .and_then(|(_, f)| f.as_dict().ok())
        .and_then(|f| f.get(b"NeedAppearances").ok())
        .and_then(|v| v.as_bool().ok())
        .unwrap_or(false);
    needs
        || pages.iter().any(|&page| {
            doc.get_page_annotations(page).is_ok_and(|annotations| {
                annotations.iter().any(|a| {
                    let widget = matches!(a.get(b"Subtype").and_then(Object::as_name), Ok(b"Widget"));
                    let value = a.get(b"V").is_ok()
                        || a.get(b"Parent")
                            .and_then(Object::as_reference)
                            .and_then(|p| doc.get_dictionary(p))
                            .is_ok_and(|p| p.get(b"V").is_ok());
                    widget && value && a.get(b"AP").is_err()
                })
            })
        })
}

/// An attached PDF, opened and checked, ready to place.
pub struct ForeignPdf {
    doc: Document,
    pages: Vec<ObjectId>,
    form_values_may_be_missing: bool,
}

impl std::fmt::Debug for ForeignPdf {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ForeignPdf")
            .field("pages", &self.pages.len())
            .finish()
    }
}

/// Why an attachment could not be placed, as the dossier and the window say it
/// ("„Scan.pdf“ ist nicht angefügt: {reason}").
pub type Refusal = String;

impl ForeignPdf {
    /// Opens `bytes` as a PDF. Refuses what cannot be printed from: damaged files, files that need
    /// a password, files without pages.
    pub fn open(bytes: &[u8]) -> Result<ForeignPdf, Refusal> {
        if !bytes.starts_with(b"%PDF-") && !bytes.windows(5).take(1024).any(|w| w == b"%PDF-") {
            return Err("Die Datei ist kein PDF.".into());
        }
        let options = LoadOptions {
            max_decompressed_size: Some(MAX_DECOMPRESSED),
            ..LoadOptions::default()
        };
        // A panic while parsing foreign bytes is a damaged file, not a reason to lose the window.
        let loaded = catch_unwind(AssertUnwindSafe(|| {
            Document::load_mem_with_options(bytes, options)
        }));
        let doc = match loaded {
            Ok(Ok(doc)) => doc,
            Ok(Err(lopdf::Error::Decryption(_) | lopdf::Error::InvalidPassword)) => {
                return Err("Sie ist mit einem Kennwort geschützt.".into());
            }
            Ok(Err(_)) | Err(_) => return Err(DAMAGED.into()),
        };
        // lopdf opens files protected by an owner password only with the empty user password;
        // what stays encrypted needs a password nobody typed.
        if doc.is_encrypted() {
            return Err("Sie ist mit einem Kennwort geschützt.".into());
        }
        if doc
            .encryption_state
            .as_ref()
            .is_some_and(|state| !state.permissions().contains(Permissions::PRINTABLE))
        {
            return Err("Ihr Ersteller hat das Drucken nicht erlaubt.".into());
        }
        let pages: Vec<ObjectId> = doc.get_pages().values().copied().collect();
        if pages.is_empty() {
            return Err("Sie hat keine Seiten.".into());
        }
        // A page of several content streams is decoded when copied; that must work now, while
        // the attachment can still be left out (the dossier is laid out before pages are copied).
        // A page of one stream is copied as it is stored and decoded only by the viewer.
        let readable = catch_unwind(AssertUnwindSafe(|| {
            pages.iter().try_for_each(|&page| {
                let streams = doc.get_page_contents(page);
                if streams.len() > 1 {
                    decoded_content(&doc, &streams).map(drop)
                } else {
                    Ok(())
                }
            })
        }));
        match readable {
            Ok(Ok(())) => {}
            Ok(Err(reason)) => return Err(reason),
            Err(_) => return Err(DAMAGED.into()),
        }
        let form_values_may_be_missing = form_values_may_be_missing(&doc, &pages);
        Ok(ForeignPdf {
            doc,
            pages,
            form_values_may_be_missing,
        })
    }

    /// Whether filled-in form values may not print: the file asks the viewer to draw them
    /// (`/NeedAppearances`), or a field has a value but no drawing. Such values are not in the
    /// page's content, and drawing them anew (fonts, layout of each field) is not done here.
    pub fn form_values_may_be_missing(&self) -> bool {
        self.form_values_may_be_missing
    }

    pub fn page_count(&self) -> usize {
        self.pages.len()
    }
}

/// A foreign page copied into the target document as a Form XObject.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ImportedPage {
    pub form: ObjectId,
    /// The page's visible box (CropBox, else MediaBox) in its own coordinates.
    pub bbox: [f32; 4],
    /// Clockwise quarter turns a viewer applies (`/Rotate` 0, 90, 180, 270).
    pub quarter_turns: u8,
}

impl ImportedPage {
    /// Width and height as the page is seen (after its rotation).
    pub fn seen_size(&self) -> (f32, f32) {
        let w = self.bbox[2] - self.bbox[0];
        let h = self.bbox[3] - self.bbox[1];
        if self.quarter_turns % 2 == 1 {
            (h, w)
        } else {
            (w, h)
        }
    }

    /// How much the page shrinks to fit `area` (never enlarged: at most 1).
    fn scale_in(&self, area: [f32; 4]) -> f32 {
        let (seen_w, seen_h) = self.seen_size();
        (area[2] / seen_w.max(1.0))
            .min(area[3] / seen_h.max(1.0))
            .min(1.0)
    }

    /// The page as it is best printed in `area`: a landscape page on a portrait page is turned a
    /// quarter counter-clockwise (its top towards the binding, as print shops do) when that
    /// prints it clearly larger, so a wide table stays readable.
    pub fn turned_to_fit(&self, area: [f32; 4]) -> ImportedPage {
        let turned = ImportedPage {
            quarter_turns: (self.quarter_turns + 3) % 4,
            ..*self
        };
        let (w, h) = self.seen_size();
        let wide_on_tall = w > h && area[3] > area[2];
        if wide_on_tall && turned.scale_in(area) > self.scale_in(area) * 1.15 {
            turned
        } else {
            *self
        }
    }

    /// Where the page goes inside `area` (`[x, y, w, h]`, PDF coordinates from the bottom left):
    /// turned if that prints it larger, the largest size that fits without enlarging, centred
    /// horizontally, at the top. Returns the matrix for `cm` and the rectangle the page covers.
    pub fn placement(&self, area: [f32; 4]) -> ([f32; 6], [f32; 4]) {
        self.turned_to_fit(area).placement_as_is(area)
    }

    fn placement_as_is(&self, area: [f32; 4]) -> ([f32; 6], [f32; 4]) {
        let (seen_w, seen_h) = self.seen_size();
        let scale = self.scale_in(area);
        let (w, h) = (seen_w * scale, seen_h * scale);
        let x = area[0] + (area[2] - w) / 2.0;
        let y = area[1] + area[3] - h;
        let [llx, lly, urx, ury] = self.bbox;
        let s = scale;
        // Maps the box, turned as a viewer turns it, onto (x, y, w, h).
        let matrix = match self.quarter_turns % 4 {
            1 => [0.0, -s, s, 0.0, x - s * lly, y + s * urx],
            2 => [-s, 0.0, 0.0, -s, x + s * urx, y + s * ury],
            3 => [0.0, s, -s, 0.0, x + s * ury, y - s * llx],
            _ => [s, 0.0, 0.0, s, x - s * llx, y - s * lly],
        };
        (matrix, [x, y, w, h])
    }
}

/// What importing one attached PDF gives the writer.
pub struct Imported {
    pub pages: Vec<ImportedPage>,
    /// The source's layers (`/OCProperties`), their references pointing at the copies.
    pub optional_content: Option<Dictionary>,
}

/// New subset tags for copied fonts, shared by all attachments of one dossier.
#[derive(Debug, Default)]
pub struct FontTags {
    next: u32,
}

impl FontTags {
    /// "NWMXAA", "NWMXAB", … (2,028 of them; then the source's own tag is kept).
    fn fresh(&mut self) -> Option<[u8; 6]> {
        let n = self.next;
        if n >= 3 * 26 * 26 {
            return None;
        }
        self.next += 1;
        let letter = |v: u32| b'A' + (v % 26) as u8;
        Some([
            b'N',
            b'W',
            b'M',
            b'X' + (n / 676) as u8,
            letter(n / 26),
            letter(n),
        ])
    }
}

/// Copies every page of `source` into `target` as a Form XObject (with the objects it uses, and
/// the appearances of its visible annotations drawn on top). Fails only for a page whose content
/// cannot be read; the caller then leaves the whole attachment out.
pub fn import(target: &mut Document, source: &ForeignPdf, tags: &mut FontTags) -> Result<Imported, Refusal> {
    let mut copy = Copier {
        source: &source.doc,
        map: HashMap::new(),
        queue: Vec::new(),
        tags,
        renamed: HashMap::new(),
        forms: Vec::new(),
    };
    let result = catch_unwind(AssertUnwindSafe(|| {
        let mut pages = Vec::with_capacity(source.pages.len());
        for &page in &source.pages {
            pages.push(copy.page(target, page)?);
        }
        let optional_content = source
            .doc
            .catalog()
            .ok()
            .and_then(|c| c.get(b"OCProperties").ok())
            .and_then(|o| source.doc.dereference(o).ok())
            .and_then(|(_, o)| o.as_dict().ok())
            .map(|o| copy.remap_dict(target, o));
        copy.drain(target);
        copy.mark_forms(target);
        Ok(Imported {
            pages,
            optional_content,
        })
    }));
    match result {
        Ok(imported) => imported,
        Err(_) => Err(DAMAGED.into()),
    }
}

#[cfg(test)]
mod tests;

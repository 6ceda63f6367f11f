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
//! protected by a password, a decompression bomb) is refused with a German reason, and the
//! dossier is made without it. lopdf's parser is not known to panic, but it reads untrusted bytes,
//! so opening and copying run under `catch_unwind`: a panic there becomes a refusal, never a crash.

use std::collections::HashMap;
use std::panic::{AssertUnwindSafe, catch_unwind};

use lopdf::{Dictionary, Document, LoadOptions, Object, ObjectId, Stream};

/// The most one content stream or page may inflate to (a decompression bomb is refused).
const MAX_DECOMPRESSED: usize = 64 * 1024 * 1024;

/// How deep a page's `/Parent` chain is followed for inherited attributes.
const MAX_INHERITANCE: usize = 64;

/// An attached PDF, opened and checked, ready to place.
pub struct ForeignPdf {
    doc: Document,
    pages: Vec<ObjectId>,
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
            Ok(Err(_)) | Err(_) => return Err("Sie ist beschädigt oder kein lesbares PDF.".into()),
        };
        // lopdf opens files protected by an owner password only (printing allowed) with the empty
        // user password; what stays encrypted needs a password nobody typed.
        if doc.is_encrypted() {
            return Err("Sie ist mit einem Kennwort geschützt.".into());
        }
        let pages: Vec<ObjectId> = doc.get_pages().values().copied().collect();
        if pages.is_empty() {
            return Err("Sie hat keine Seiten.".into());
        }
        // Every page's content must decode within the limit now, while the attachment can still
        // be left out; the dossier's pages are laid out before the pages are copied.
        let readable = catch_unwind(AssertUnwindSafe(|| {
            pages
                .iter()
                .all(|&page| doc.get_page_content_with_limit(page, MAX_DECOMPRESSED).is_ok())
        }));
        if !matches!(readable, Ok(true)) {
            return Err("Eine Seite ist zu groß oder beschädigt.".into());
        }
        Ok(ForeignPdf { doc, pages })
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

/// Copies every page of `source` into `target` as a Form XObject (with the objects it uses, and
/// the appearances of its visible annotations drawn on top). Fails only for a page whose content
/// cannot be read; the caller then leaves the whole attachment out.
pub fn import(target: &mut Document, source: &ForeignPdf) -> Result<Vec<ImportedPage>, Refusal> {
    let mut copy = Copier {
        source: &source.doc,
        map: HashMap::new(),
        queue: Vec::new(),
    };
    let result = catch_unwind(AssertUnwindSafe(|| {
        let mut pages = Vec::with_capacity(source.pages.len());
        for &page in &source.pages {
            pages.push(copy.page(target, page)?);
        }
        copy.drain(target);
        Ok(pages)
    }));
    match result {
        Ok(pages) => pages,
        Err(_) => Err("Sie ist beschädigt oder kein lesbares PDF.".into()),
    }
}

/// Copies objects from the source into the target under new numbers, following references.
struct Copier<'a> {
    source: &'a Document,
    map: HashMap<ObjectId, ObjectId>,
    queue: Vec<ObjectId>,
}

impl Copier<'_> {
    fn id_for(&mut self, target: &mut Document, old: ObjectId) -> ObjectId {
        if let Some(new) = self.map.get(&old) {
            return *new;
        }
        let new = target.new_object_id();
        self.map.insert(old, new);
        self.queue.push(old);
        new
    }

    /// A copy of `object` whose references point at the copies. `/Parent` links are dropped:
    /// they lead back into the source's page tree, which is not copied.
    fn remap(&mut self, target: &mut Document, object: &Object) -> Object {
        match object {
            Object::Reference(id) => Object::Reference(self.id_for(target, *id)),
            Object::Array(items) => Object::Array(items.iter().map(|o| self.remap(target, o)).collect()),
            Object::Dictionary(dict) => Object::Dictionary(self.remap_dict(target, dict)),
            Object::Stream(stream) => {
                let mut copy = Stream::new(self.remap_dict(target, &stream.dict), stream.content.clone());
                copy.allows_compression = stream.allows_compression;
                copy.start_position = None;
                Object::Stream(copy)
            }
            other => other.clone(),
        }
    }

    fn remap_dict(&mut self, target: &mut Document, dict: &Dictionary) -> Dictionary {
        let mut out = Dictionary::new();
        for (key, value) in dict.iter() {
            if key.as_slice() != b"Parent" {
                out.set(key.clone(), self.remap(target, value));
            }
        }
        out
    }

    /// Copies every object reached so far.
    fn drain(&mut self, target: &mut Document) {
        while let Some(old) = self.queue.pop() {
            let object = self.source.get_object(old).cloned().unwrap_or(Object::Null);
            let copy = self.remap(target, &object);
            if let Some(new) = self.map.get(&old).copied() {
                target.objects.insert(new, copy);
            }
        }
    }

    fn page(&mut self, target: &mut Document, page: ObjectId) -> Result<ImportedPage, Refusal> {
        let doc = self.source;
        let bbox = inherited(doc, page, b"CropBox")
            .and_then(|o| rectangle(doc, &o))
            .or_else(|| inherited(doc, page, b"MediaBox").and_then(|o| rectangle(doc, &o)))
            // A page without a MediaBox is broken; A4 is what it most likely was.
            .unwrap_or([0.0, 0.0, 595.28, 841.89]);
        let rotate = inherited(doc, page, b"Rotate")
            .and_then(|o| o.as_i64().ok())
            .unwrap_or(0);
        let quarter_turns = (rotate.rem_euclid(360) / 90) as u8;
        let mut content = doc
            .get_page_content_with_limit(page, MAX_DECOMPRESSED)
            .map_err(|_| Refusal::from("Eine Seite ist zu groß oder beschädigt."))?;
        let mut resources = match inherited(doc, page, b"Resources") {
            Some(object) => match doc.dereference(&object) {
                Ok((_, Object::Dictionary(dict))) => dict.clone(),
                _ => Dictionary::new(),
            },
            None => Dictionary::new(),
        };
        // Filled-in form fields and stamps show through their appearance streams, not the page's
        // content: draw each visible one on top, where the viewer would.
        let appearances = self.appearances(page);
        if !appearances.is_empty() {
            let mut xobjects = match resources.get(b"XObject") {
                Ok(object) => match doc.dereference(object) {
                    Ok((_, Object::Dictionary(dict))) => dict.clone(),
                    _ => Dictionary::new(),
                },
                Err(_) => Dictionary::new(),
            };
            content.extend_from_slice(b"\n");
            for (n, (appearance, matrix)) in appearances.into_iter().enumerate() {
                let name = format!("NWMAp{n}");
                xobjects.set(name.as_bytes().to_vec(), Object::Reference(appearance));
                content.extend_from_slice(
                    format!(
                        "q {} cm /{name} Do Q\n",
                        matrix.map(|v| format!("{v:.4}")).join(" ")
                    )
                    .as_bytes(),
                );
            }
            resources.set("XObject", Object::Dictionary(xobjects));
        }
        let mut dict = Dictionary::new();
        dict.set("Type", Object::Name(b"XObject".to_vec()));
        dict.set("Subtype", Object::Name(b"Form".to_vec()));
        dict.set(
            "BBox",
            Object::Array(bbox.iter().map(|v| Object::Real(*v)).collect()),
        );
        let resources = self.remap_dict(target, &resources);
        dict.set("Resources", Object::Dictionary(resources));
        if let Ok(group) = doc.get_dictionary(page).and_then(|p| p.get(b"Group")) {
            let group = self.remap(target, group);
            dict.set("Group", group);
        }
        let mut stream = Stream::new(dict, content);
        // Compressed with the rest of the dossier when it is saved.
        stream.allows_compression = true;
        let form = target.add_object(Object::Stream(stream));
        Ok(ImportedPage {
            form,
            bbox,
            quarter_turns,
        })
    }

    /// The appearance streams of a page's printable, visible annotations, each with the matrix
    /// that puts its box onto the annotation's rectangle (ISO 32000-1, 12.5.5).
    fn appearances(&self, page: ObjectId) -> Vec<(ObjectId, [f32; 6])> {
        let doc = self.source;
        let Ok(annotations) = doc.get_page_annotations(page) else {
            return Vec::new();
        };
        let mut found = Vec::new();
        for annotation in annotations {
            let flags = annotation.get(b"F").and_then(Object::as_i64).unwrap_or(0);
            let printable = flags & 4 != 0;
            let hidden = flags & 2 != 0;
            let popup = matches!(annotation.get(b"Subtype").and_then(Object::as_name), Ok(b"Popup"));
            if !printable || hidden || popup {
                continue;
            }
            let Some(rect) = annotation.get(b"Rect").ok().and_then(|r| rectangle(doc, r)) else {
                continue;
            };
            let Some(stream_id) = normal_appearance(doc, annotation) else {
                continue;
            };
            let Ok(stream) = doc.get_object(stream_id).and_then(Object::as_stream) else {
                continue;
            };
            let Some(bbox) = stream.dict.get(b"BBox").ok().and_then(|b| rectangle(doc, b)) else {
                continue;
            };
            let m = stream
                .dict
                .get(b"Matrix")
                .ok()
                .and_then(|m| numbers::<6>(doc, m))
                .unwrap_or([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);
            // The box's corners through its matrix, then their bounding box onto the rectangle.
            let corners = [
                (bbox[0], bbox[1]),
                (bbox[2], bbox[1]),
                (bbox[0], bbox[3]),
                (bbox[2], bbox[3]),
            ]
            .map(|(x, y)| (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]));
            let min_x = corners.iter().map(|c| c.0).fold(f32::MAX, f32::min);
            let max_x = corners.iter().map(|c| c.0).fold(f32::MIN, f32::max);
            let min_y = corners.iter().map(|c| c.1).fold(f32::MAX, f32::min);
            let max_y = corners.iter().map(|c| c.1).fold(f32::MIN, f32::max);
            let (bw, bh) = (max_x - min_x, max_y - min_y);
            if bw <= 0.0 || bh <= 0.0 {
                continue;
            }
            let sx = (rect[2] - rect[0]) / bw;
            let sy = (rect[3] - rect[1]) / bh;
            found.push((
                stream_id,
                [sx, 0.0, 0.0, sy, rect[0] - sx * min_x, rect[1] - sy * min_y],
            ));
        }
        found
    }
}

/// The annotation's normal appearance: `/AP /N` as a stream, or the state `/AS` picks from it.
fn normal_appearance(doc: &Document, annotation: &Dictionary) -> Option<ObjectId> {
    let ap = annotation.get(b"AP").ok()?;
    let (_, ap) = doc.dereference(ap).ok()?;
    let normal = ap.as_dict().ok()?.get(b"N").ok()?;
    match normal {
        Object::Reference(id) => match doc.get_object(*id).ok()? {
            Object::Stream(_) => Some(*id),
            Object::Dictionary(states) => state_appearance(annotation, states),
            _ => None,
        },
        Object::Dictionary(states) => state_appearance(annotation, states),
        _ => None,
    }
}

fn state_appearance(annotation: &Dictionary, states: &Dictionary) -> Option<ObjectId> {
    let state = annotation.get(b"AS").and_then(Object::as_name).ok()?;
    states.get(state).and_then(Object::as_reference).ok()
}

/// An attribute of a page, or of the nearest ancestor that has it (MediaBox, Resources, Rotate
/// and CropBox are inherited through the page tree).
fn inherited(doc: &Document, page: ObjectId, key: &[u8]) -> Option<Object> {
    let mut node = doc.get_dictionary(page).ok()?;
    for _ in 0..MAX_INHERITANCE {
        if let Ok(value) = node.get(key) {
            return Some(value.clone());
        }
        let parent = node.get(b"Parent").and_then(Object::as_reference).ok()?;
        node = doc.get_dictionary(parent).ok()?;
    }
    None
}

/// `N` numbers from an array (direct or referenced).
fn numbers<const N: usize>(doc: &Document, object: &Object) -> Option<[f32; N]> {
    let (_, object) = doc.dereference(object).ok()?;
    let items = object.as_array().ok()?;
    if items.len() != N {
        return None;
    }
    let mut out = [0.0; N];
    for (slot, item) in out.iter_mut().zip(items) {
        let (_, item) = doc.dereference(item).ok()?;
        *slot = item.as_float().ok()?;
        if !slot.is_finite() {
            return None;
        }
    }
    Some(out)
}

/// A rectangle, normalised so the first corner is the lower left; `None` if it has no area.
fn rectangle(doc: &Document, object: &Object) -> Option<[f32; 4]> {
    let [a, b, c, d] = numbers::<4>(doc, object)?;
    let rect = [a.min(c), b.min(d), a.max(c), b.max(d)];
    (rect[2] - rect[0] > 1.0 && rect[3] - rect[1] > 1.0).then_some(rect)
}

#[cfg(test)]
mod tests;

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

/// Copies objects from the source into the target under new numbers, following references.
struct Copier<'a> {
    source: &'a Document,
    map: HashMap<ObjectId, ObjectId>,
    queue: Vec<ObjectId>,
    tags: &'a mut FontTags,
    /// The source's subset tags and their new ones.
    renamed: HashMap<Vec<u8>, [u8; 6]>,
    /// Copies drawn as forms (appearance streams), which must say so even where the source
    /// left `/Subtype /Form` out (viewers draw them anyway).
    forms: Vec<ObjectId>,
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
            match (key.as_slice(), value) {
                (b"Parent", _) => {}
                (b"BaseFont" | b"FontName", Object::Name(name)) => {
                    out.set(key.clone(), Object::Name(self.retag(name)));
                }
                _ => out.set(key.clone(), self.remap(target, value)),
            }
        }
        out
    }

    /// "ABCDEF+Font" → "NWMXAA+Font", the same new tag for the same old one in this source.
    fn retag(&mut self, name: &[u8]) -> Vec<u8> {
        let is_tag = name.len() > 7 && name[6] == b'+' && name[..6].iter().all(u8::is_ascii_uppercase);
        if !is_tag {
            return name.to_vec();
        }
        let old = name[..6].to_vec();
        let new = match self.renamed.get(&old) {
            Some(new) => *new,
            None => match self.tags.fresh() {
                Some(new) => {
                    self.renamed.insert(old, new);
                    new
                }
                None => return name.to_vec(),
            },
        };
        let mut out = new.to_vec();
        out.extend_from_slice(&name[6..]);
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

    fn mark_forms(&self, target: &mut Document) {
        for id in &self.forms {
            if let Ok(Object::Stream(stream)) = target.get_object_mut(*id) {
                stream.dict.set("Type", Object::Name(b"XObject".to_vec()));
                stream.dict.set("Subtype", Object::Name(b"Form".to_vec()));
            }
        }
    }

    fn page(&mut self, target: &mut Document, page: ObjectId) -> Result<ImportedPage, Refusal> {
        let doc = self.source;
        let media = inherited(doc, page, b"MediaBox").and_then(|o| rectangle(doc, &o));
        let crop = inherited(doc, page, b"CropBox").and_then(|o| rectangle(doc, &o));
        // What a viewer shows: the CropBox, clipped to the MediaBox; a page without a MediaBox is
        // broken, and A4 is what it most likely was.
        let bbox = match (crop, media) {
            (Some(c), Some(m)) => intersection(c, m).unwrap_or(m),
            (None, Some(m)) => m,
            (Some(c), None) => c,
            (None, None) => [0.0, 0.0, 595.28, 841.89],
        };
        let rotate = inherited(doc, page, b"Rotate")
            .and_then(|o| doc.dereference(&o).ok().and_then(|(_, o)| o.as_float().ok()))
            .filter(|r| r.is_finite())
            .map_or(0, |r| (r / 90.0).round() as i64);
        let quarter_turns = rotate.rem_euclid(4) as u8;
        let resources = match inherited(doc, page, b"Resources") {
            Some(object) => match doc.dereference(&object) {
                Ok((_, Object::Dictionary(dict))) => dict.clone(),
                _ => Dictionary::new(),
            },
            None => Dictionary::new(),
        };
        let bbox_object = || Object::Array(bbox.iter().map(|v| Object::Real(*v)).collect());

        // The page's own content as a form. One stream is copied as stored (its filters too), so
        // nothing is decoded here; several are decoded, joined and compressed at once.
        let streams = doc.get_page_contents(page);
        let mut dict = Dictionary::new();
        dict.set("Type", Object::Name(b"XObject".to_vec()));
        dict.set("Subtype", Object::Name(b"Form".to_vec()));
        dict.set("BBox", bbox_object());
        let own_resources = self.remap_dict(target, &resources);
        dict.set("Resources", Object::Dictionary(own_resources));
        if let Ok(group) = doc.get_dictionary(page).and_then(|p| p.get(b"Group")) {
            let group = self.remap(target, group);
            dict.set("Group", group);
        }
        let single = match streams.as_slice() {
            [only] => doc.get_object(*only).and_then(Object::as_stream).ok(),
            _ => None,
        };
        let content_form = match single {
            Some(stream) => {
                for key in [b"Filter".as_slice(), b"DecodeParms".as_slice()] {
                    if let Ok(value) = stream.dict.get(key) {
                        let value = self.remap(target, value);
                        dict.set(key.to_vec(), value);
                    }
                }
                let mut copy = Stream::new(dict, stream.content.clone());
                copy.allows_compression = true;
                target.add_object(Object::Stream(copy))
            }
            None => {
                let content = decoded_content(doc, &streams)?;
                let mut copy = Stream::new(dict, content);
                // Compressed now, not when the dossier is saved: a long attachment's pages are
                // not all held decoded at once.
                let _ = copy.compress();
                target.add_object(Object::Stream(copy))
            }
        };

        // Filled-in form fields and stamps show through their appearance streams, not the page's
        // content: a form around the page draws each visible one on top, where the viewer would.
        let appearances = self.appearances(page);
        if appearances.is_empty() {
            return Ok(ImportedPage {
                form: content_form,
                bbox,
                quarter_turns,
            });
        }
        let mut xobjects = Dictionary::new();
        xobjects.set("NWMSeite", Object::Reference(content_form));
        let mut content = b"q /NWMSeite Do Q\n".to_vec();
        for (n, (appearance, matrix)) in appearances.into_iter().enumerate() {
            let name = format!("NWMAp{n}");
            let copied = self.id_for(target, appearance);
            self.forms.push(copied);
            xobjects.set(name.as_bytes().to_vec(), Object::Reference(copied));
            content.extend_from_slice(
                format!(
                    "q {} cm /{name} Do Q\n",
                    matrix.map(|v| format!("{v:.4}")).join(" ")
                )
                .as_bytes(),
            );
        }
        let mut outer = Dictionary::new();
        outer.set("Type", Object::Name(b"XObject".to_vec()));
        outer.set("Subtype", Object::Name(b"Form".to_vec()));
        outer.set("BBox", bbox_object());
        let mut outer_resources = Dictionary::new();
        outer_resources.set("XObject", Object::Dictionary(xobjects));
        outer.set("Resources", Object::Dictionary(outer_resources));
        let form = target.add_object(Object::Stream(Stream::new(outer, content)));
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

/// One `/OCProperties` for the dossier from the attachments' (already copied): all their layers,
/// those off by default (a source's `/BaseState /OFF` spelled out as its off list), their
/// automatic states (print/view) and their order in the viewer's layer panel.
pub fn merge_optional_content(doc: &Document, sources: Vec<Dictionary>) -> Dictionary {
    let array = |dict: &Dictionary, key: &[u8]| -> Vec<Object> {
        match dict.get(key).map(|o| doc.dereference(o)) {
            Ok(Ok((_, Object::Array(items)))) => items.clone(),
            _ => Vec::new(),
        }
    };
    let (mut ocgs, mut off, mut on, mut auto, mut order) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for source in sources {
        let all = array(&source, b"OCGs");
        let default = match source.get(b"D").map(|o| doc.dereference(o)) {
            Ok(Ok((_, Object::Dictionary(d)))) => d.clone(),
            _ => Dictionary::new(),
        };
        let source_on = array(&default, b"ON");
        let source_off = array(&default, b"OFF");
        let base_off = matches!(default.get(b"BaseState").and_then(Object::as_name), Ok(b"OFF"));
        if base_off {
            off.extend(all.iter().filter(|g| !source_on.contains(g)).cloned());
        } else {
            off.extend(source_off);
        }
        on.extend(source_on);
        auto.extend(array(&default, b"AS"));
        order.extend(array(&default, b"Order"));
        ocgs.extend(all);
    }
    let mut default = Dictionary::new();
    default.set("Name", Object::string_literal("Sitzungsmappe"));
    default.set("ON", Object::Array(on));
    default.set("OFF", Object::Array(off));
    if !auto.is_empty() {
        default.set("AS", Object::Array(auto));
    }
    if !order.is_empty() {
        default.set("Order", Object::Array(order));
    }
    let mut merged = Dictionary::new();
    merged.set("OCGs", Object::Array(ocgs));
    merged.set("D", Object::Dictionary(default));
    merged
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

/// The overlap of two rectangles, if they overlap by more than a point each way.
fn intersection(a: [f32; 4], b: [f32; 4]) -> Option<[f32; 4]> {
    let r = [a[0].max(b[0]), a[1].max(b[1]), a[2].min(b[2]), a[3].min(b[3])];
    (r[2] - r[0] > 1.0 && r[3] - r[1] > 1.0).then_some(r)
}

/// A rectangle, normalised so the first corner is the lower left; `None` if it has no area.
fn rectangle(doc: &Document, object: &Object) -> Option<[f32; 4]> {
    let [a, b, c, d] = numbers::<4>(doc, object)?;
    let rect = [a.min(c), b.min(d), a.max(c), b.max(d)];
    (rect[2] - rect[0] > 1.0 && rect[3] - rect[1] > 1.0).then_some(rect)
}

#[cfg(test)]
mod tests;

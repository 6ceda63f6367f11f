//! Copying objects of an attached PDF into the dossier under new numbers, following references,
//! with fonts retagged and form/stamp appearances kept.

use super::*;

/// Copies objects from the source into the target under new numbers, following references.
pub(super) struct Copier<'a> {
    pub(super) source: &'a Document,
    pub(super) map: HashMap<ObjectId, ObjectId>,
    pub(super) queue: Vec<ObjectId>,
    pub(super) tags: &'a mut FontTags,
    /// The source's subset tags and their new ones.
    pub(super) renamed: HashMap<Vec<u8>, [u8; 6]>,
    /// Copies drawn as forms (appearance streams), which must say so even where the source
    /// left `/Subtype /Form` out (viewers draw them anyway).
    pub(super) forms: Vec<ObjectId>,
}

impl Copier<'_> {
    pub(super) fn id_for(&mut self, target: &mut Document, old: ObjectId) -> ObjectId {
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
    pub(super) fn remap(&mut self, target: &mut Document, object: &Object) -> Object {
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

    pub(super) fn remap_dict(&mut self, target: &mut Document, dict: &Dictionary) -> Dictionary {
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
    pub(super) fn retag(&mut self, name: &[u8]) -> Vec<u8> {
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
    pub(super) fn drain(&mut self, target: &mut Document) {
        while let Some(old) = self.queue.pop() {
            let object = self.source.get_object(old).cloned().unwrap_or(Object::Null);
            let copy = self.remap(target, &object);
            if let Some(new) = self.map.get(&old).copied() {
                target.objects.insert(new, copy);
            }
        }
    }

    pub(super) fn mark_forms(&self, target: &mut Document) {
        for id in &self.forms {
            if let Ok(Object::Stream(stream)) = target.get_object_mut(*id) {
                stream.dict.set("Type", Object::Name(b"XObject".to_vec()));
                stream.dict.set("Subtype", Object::Name(b"Form".to_vec()));
            }
        }
    }

    pub(super) fn page(&mut self, target: &mut Document, page: ObjectId) -> Result<ImportedPage, Refusal> {
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
    pub(super) fn appearances(&self, page: ObjectId) -> Vec<(ObjectId, [f32; 6])> {
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

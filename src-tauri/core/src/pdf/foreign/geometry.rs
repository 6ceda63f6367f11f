//! Reading an attached PDF's page geometry and layers: inherited page attributes, boxes and
//! their intersection, annotation appearances, and the merged `/OCProperties` of all attachments.

use super::*;

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
pub(super) fn normal_appearance(doc: &Document, annotation: &Dictionary) -> Option<ObjectId> {
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

pub(super) fn state_appearance(annotation: &Dictionary, states: &Dictionary) -> Option<ObjectId> {
    let state = annotation.get(b"AS").and_then(Object::as_name).ok()?;
    states.get(state).and_then(Object::as_reference).ok()
}

/// An attribute of a page, or of the nearest ancestor that has it (MediaBox, Resources, Rotate
/// and CropBox are inherited through the page tree).
pub(super) fn inherited(doc: &Document, page: ObjectId, key: &[u8]) -> Option<Object> {
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
pub(super) fn numbers<const N: usize>(doc: &Document, object: &Object) -> Option<[f32; N]> {
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
pub(super) fn intersection(a: [f32; 4], b: [f32; 4]) -> Option<[f32; 4]> {
    let r = [a[0].max(b[0]), a[1].max(b[1]), a[2].min(b[2]), a[3].min(b[3])];
    (r[2] - r[0] > 1.0 && r[3] - r[1] > 1.0).then_some(r)
}

/// A rectangle, normalised so the first corner is the lower left; `None` if it has no area.
pub(super) fn rectangle(doc: &Document, object: &Object) -> Option<[f32; 4]> {
    let [a, b, c, d] = numbers::<4>(doc, object)?;
    let rect = [a.min(c), b.min(d), a.max(c), b.max(d)];
    (rect[2] - rect[0] > 1.0 && rect[3] - rect[1] > 1.0).then_some(rect)
}

//! Placement of foreign pages (every rotation lands inside its box) and refusal of files that
//! are not printable PDFs, without a panic, whatever the bytes.
#![allow(clippy::unwrap_used)]

use lopdf::dictionary;
use lopdf::{Document, Object, Stream};

use super::*;

/// A one-page PDF of `size` with `/Rotate rotate`, drawing a rectangle, written by lopdf.
pub(crate) fn tiny_pdf(size: [f32; 2], rotate: i64) -> Vec<u8> {
    pdf_with(size, Object::Integer(rotate), |_, _| {})
}

/// A one-page PDF like `tiny_pdf`, with `/Rotate` as given, changed by `extra` (the document and
/// the page's id) before it is saved.
fn pdf_with(size: [f32; 2], rotate: Object, extra: impl FnOnce(&mut Document, lopdf::ObjectId)) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let content = doc.add_object(Stream::new(dictionary! {}, b"0 0 1 rg 10 10 50 50 re f".to_vec()));
    let page = doc.add_object(dictionary! {
        "Type" => "Page",
        "Parent" => pages_id,
        "Contents" => content,
        "Rotate" => rotate,
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => vec![page.into()],
            "Count" => 1,
            // Inherited by the page.
            "MediaBox" => vec![0.into(), 0.into(), Object::Real(size[0]), Object::Real(size[1])],
            "Resources" => dictionary! {},
        }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    extra(&mut doc, page);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    bytes
}

fn placed(page: &ImportedPage, area: [f32; 4]) -> Vec<(f32, f32)> {
    let (m, _) = page.placement(area);
    let [llx, lly, urx, ury] = page.bbox;
    [(llx, lly), (urx, lly), (llx, ury), (urx, ury)]
        .iter()
        .map(|&(x, y)| (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]))
        .collect()
}

#[test]
fn every_rotation_lands_inside_the_box_and_fills_it_one_way() {
    let area = [70.0, 60.0, 468.0, 680.0];
    for turns in 0..4u8 {
        for bbox in [
            [0.0, 0.0, 612.0, 792.0],
            [10.0, 20.0, 852.0, 615.0],
            [0.0, 0.0, 200.0, 100.0],
        ] {
            let page = ImportedPage {
                form: (1, 0),
                bbox,
                quarter_turns: turns,
            };
            let corners = placed(&page, area);
            let (_, rect) = page.placement(area);
            for (x, y) in &corners {
                assert!(
                    *x >= area[0] - 0.01 && *x <= area[0] + area[2] + 0.01,
                    "x {x} outside, turns {turns}, {bbox:?}"
                );
                assert!(
                    *y >= area[1] - 0.01 && *y <= area[1] + area[3] + 0.01,
                    "y {y} outside, turns {turns}, {bbox:?}"
                );
            }
            // The corners span exactly the rectangle the placement reports.
            let min_x = corners.iter().map(|c| c.0).fold(f32::MAX, f32::min);
            let max_y = corners.iter().map(|c| c.1).fold(f32::MIN, f32::max);
            assert!((min_x - rect[0]).abs() < 0.01 && (max_y - (rect[1] + rect[3])).abs() < 0.01);
            // Pages larger than the box fill it in one direction; small ones are not enlarged.
            let (w, h) = page.turned_to_fit(area).seen_size();
            if w > area[2] || h > area[3] {
                assert!((rect[2] - area[2]).abs() < 0.01 || (rect[3] - area[3]).abs() < 0.01);
            } else {
                assert!((rect[2] - w).abs() < 0.01 && (rect[3] - h).abs() < 0.01);
            }
        }
    }
}

#[test]
fn a_quarter_turn_shows_the_page_top_at_the_top() {
    // A portrait Letter page turned 90° clockwise is seen in landscape; its top-left corner
    // (0, 792) is then seen at the top right.
    let page = ImportedPage {
        form: (1, 0),
        bbox: [0.0, 0.0, 612.0, 792.0],
        quarter_turns: 1,
    };
    assert_eq!(page.seen_size(), (792.0, 612.0));
    let area = [0.0, 0.0, 792.0, 612.0];
    assert_eq!(page.turned_to_fit(area), page, "it fits as it is seen");
    let (m, _) = page.placement(area);
    let (x, y) = (m[2] * 792.0 + m[4], m[3] * 792.0 + m[5]);
    assert!((x - 792.0).abs() < 0.01 && (y - 612.0).abs() < 0.01, "{x} {y}");
}

#[test]
fn a_landscape_page_on_a_portrait_page_is_turned_with_its_top_to_the_left() {
    let landscape = ImportedPage {
        form: (1, 0),
        bbox: [0.0, 0.0, 842.0, 595.0],
        quarter_turns: 0,
    };
    let portrait_area = [70.0, 70.0, 468.0, 680.0];
    let turned = landscape.turned_to_fit(portrait_area);
    assert_eq!(turned.quarter_turns, 3);
    let (m, rect) = landscape.placement(portrait_area);
    // Its top-left corner (0, 595) is seen at the lower left, its top edge along the left side.
    let (x, y) = (m[2] * 595.0 + m[4], m[3] * 595.0 + m[5]);
    assert!(
        (x - rect[0]).abs() < 0.01 && (y - rect[1]).abs() < 0.01,
        "{x} {y} {rect:?}"
    );
    // A portrait page stays as it is.
    let portrait = ImportedPage {
        bbox: [0.0, 0.0, 595.0, 842.0],
        ..landscape
    };
    assert_eq!(portrait.turned_to_fit(portrait_area), portrait);
    // Nor is a portrait page in a wide box (it would read sideways).
    assert_eq!(portrait.turned_to_fit([70.0, 70.0, 468.0, 300.0]), portrait);
}

#[test]
fn a_pdf_with_inherited_box_and_rotation_opens_and_imports() {
    let pdf = ForeignPdf::open(&tiny_pdf([612.0, 792.0], 90)).unwrap();
    assert_eq!(pdf.page_count(), 1);
    let mut target = Document::with_version("1.7");
    let pages = import(&mut target, &pdf, &mut FontTags::default()).unwrap().pages;
    assert_eq!(pages.len(), 1);
    assert_eq!(pages[0].bbox, [0.0, 0.0, 612.0, 792.0]);
    assert_eq!(pages[0].quarter_turns, 1);
    let form = target.get_object(pages[0].form).unwrap().as_stream().unwrap();
    assert_eq!(form.dict.get(b"Subtype").unwrap().as_name().unwrap(), b"Form");
    assert!(String::from_utf8_lossy(&form.content).contains("re f"));
    // Only what the page uses is copied: the form and nothing of the source's page tree.
    assert!(
        !target.objects.values().any(|o| o
            .as_dict()
            .is_ok_and(|d| d.has_type(b"Pages") || d.has_type(b"Catalog"))),
        "the source's page tree was copied"
    );
}

#[test]
fn what_is_not_a_printable_pdf_is_refused_with_a_reason() {
    assert_eq!(
        ForeignPdf::open(b"PK\x03\x04 a Word file").unwrap_err(),
        "Die Datei ist kein PDF."
    );
    let good = tiny_pdf([595.0, 842.0], 0);
    let cut = &good[..good.len() / 3];
    let reason = ForeignPdf::open(cut).unwrap_err();
    assert!(reason.contains("beschädigt"), "{reason}");
}

#[test]
fn damaged_bytes_never_panic_when_opened_or_imported() {
    let good = tiny_pdf([595.0, 842.0], 180);
    // Deterministic damage: every 7th position in turn set to a byte from a small cycle.
    for start in 0..good.len() {
        if start % 3 != 0 {
            continue;
        }
        let mut bad = good.clone();
        for (n, b) in bad.iter_mut().enumerate().skip(start).step_by(7).take(4) {
            *b = [b'0', b'(', b'<', 0xFF, b'R', b'/'][n % 6];
        }
        if let Ok(pdf) = ForeignPdf::open(&bad) {
            let mut target = Document::with_version("1.7");
            let _ = import(&mut target, &pdf, &mut FontTags::default());
        }
    }
}

#[test]
fn a_bomb_is_refused_where_it_would_be_decoded_and_passed_on_untouched_where_not() {
    // 80 MB of spaces compress to about 80 kB.
    use std::io::Write;
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    let chunk = vec![b' '; 1024 * 1024];
    for _ in 0..80 {
        encoder.write_all(&chunk).unwrap();
    }
    let bomb = encoder.finish().unwrap();
    let with_streams = |count: usize| {
        let bomb = bomb.clone();
        pdf_with([595.0, 842.0], Object::Integer(0), move |doc, page| {
            let streams: Vec<Object> = (0..count)
                .map(|_| {
                    let stream = Stream::new(dictionary! { "Filter" => "FlateDecode" }, bomb.clone())
                        .with_compression(false);
                    doc.add_object(stream).into()
                })
                .collect();
            page_dict(doc, page).set("Contents", streams);
        })
    };
    // Two streams are decoded and joined when copied: refused before that.
    assert_eq!(
        ForeignPdf::open(&with_streams(2)).unwrap_err(),
        "Eine Seite ist zu groß (entpackt über 64 MB)."
    );
    // One stream is copied as stored: nothing of it is decoded here.
    let (target, copied) = imported(&with_streams(1));
    let form = target
        .get_object(copied.pages[0].form)
        .unwrap()
        .as_stream()
        .unwrap();
    assert_eq!(form.content.len(), bomb.len());
}

fn imported(bytes: &[u8]) -> (Document, Imported) {
    let pdf = ForeignPdf::open(bytes).unwrap();
    let mut target = Document::with_version("1.7");
    let copied = import(&mut target, &pdf, &mut FontTags::default()).unwrap();
    (target, copied)
}

fn page_dict(doc: &mut Document, page: lopdf::ObjectId) -> &mut Dictionary {
    doc.get_object_mut(page).unwrap().as_dict_mut().unwrap()
}

#[test]
fn the_crop_box_is_clipped_to_the_media_box_and_a_real_rotation_counts() {
    let bytes = pdf_with([595.0, 842.0], Object::Real(90.0), |doc, page| {
        page_dict(doc, page).set(
            "CropBox",
            vec![
                Object::Integer(-100),
                Object::Integer(-100),
                2000.into(),
                2000.into(),
            ],
        );
    });
    let (_, copied) = imported(&bytes);
    assert_eq!(copied.pages[0].bbox, [0.0, 0.0, 595.0, 842.0]);
    assert_eq!(copied.pages[0].quarter_turns, 1);
}

#[test]
fn a_single_content_stream_is_copied_as_stored_with_its_filter() {
    let bytes = pdf_with([595.0, 842.0], Object::Integer(0), |doc, page| {
        let long = b"0 0 1 rg 10 10 50 50 re f\n".repeat(200);
        let content = doc.add_object(Stream::new(dictionary! {}, long));
        page_dict(doc, page).set("Contents", content);
        doc.compress();
    });
    let source = Document::load_mem(&bytes).unwrap();
    let page = *source.get_pages().values().next().unwrap();
    let original = source
        .get_object(source.get_page_contents(page)[0])
        .unwrap()
        .as_stream()
        .unwrap()
        .clone();
    assert!(original.dict.get(b"Filter").is_ok(), "the source is compressed");
    let (target, copied) = imported(&bytes);
    let form = target
        .get_object(copied.pages[0].form)
        .unwrap()
        .as_stream()
        .unwrap();
    assert_eq!(form.content, original.content, "not decoded, not re-encoded");
    assert_eq!(
        form.dict.get(b"Filter").unwrap(),
        original.dict.get(b"Filter").unwrap()
    );
}

#[test]
fn copied_fonts_get_subset_tags_of_their_own() {
    let bytes = pdf_with([595.0, 842.0], Object::Integer(0), |doc, page| {
        let font = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "TrueType", "BaseFont" => "NWMFAA+FiraSans-Regular",
        });
        page_dict(doc, page).set(
            "Resources",
            dictionary! { "Font" => dictionary! { "F1" => font } },
        );
    });
    let (target, _) = imported(&bytes);
    let names: Vec<Vec<u8>> = target
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter_map(|d| {
            d.get(b"BaseFont")
                .and_then(Object::as_name)
                .ok()
                .map(<[u8]>::to_vec)
        })
        .collect();
    assert_eq!(names, vec![b"NWMXAA+FiraSans-Regular".to_vec()]);
    let mut tags = FontTags::default();
    let all: Vec<[u8; 6]> = std::iter::from_fn(|| tags.fresh()).collect();
    assert_eq!(all.len(), 3 * 26 * 26);
    assert_eq!(&all[all.len() - 1], b"NWMZZZ");
}

#[test]
fn an_appearance_without_its_subtype_is_marked_as_a_form_and_drawn() {
    let bytes = pdf_with([595.0, 842.0], Object::Integer(0), |doc, page| {
        let appearance = doc.add_object(Stream::new(
            dictionary! { "BBox" => vec![0.into(), 0.into(), 100.into(), 20.into()] },
            b"0 g 0 0 100 20 re f".to_vec(),
        ));
        let widget = doc.add_object(dictionary! {
            "Type" => "Annot", "Subtype" => "Widget", "F" => 4,
            "Rect" => vec![100.into(), 700.into(), 300.into(), 740.into()],
            "AP" => dictionary! { "N" => appearance },
        });
        page_dict(doc, page).set("Annots", vec![widget.into()]);
    });
    let (target, copied) = imported(&bytes);
    let outer = target
        .get_object(copied.pages[0].form)
        .unwrap()
        .as_stream()
        .unwrap();
    let content = String::from_utf8_lossy(&outer.content).to_string();
    assert!(
        content.contains("/NWMSeite Do") && content.contains("/NWMAp0 Do"),
        "{content}"
    );
    // Mapped onto the annotation's rectangle: twice as wide and high as its box.
    assert!(
        content.contains("2.0000 0.0000 0.0000 2.0000 100.0000 700.0000 cm"),
        "{content}"
    );
    let resources = outer.dict.get(b"Resources").unwrap().as_dict().unwrap();
    let xobjects = resources.get(b"XObject").unwrap().as_dict().unwrap();
    let id = xobjects.get(b"NWMAp0").unwrap().as_reference().unwrap();
    let copy = target.get_object(id).unwrap().as_stream().unwrap();
    assert_eq!(copy.dict.get(b"Subtype").unwrap().as_name().unwrap(), b"Form");
}

#[test]
fn form_values_the_viewer_must_draw_are_flagged() {
    assert!(
        !ForeignPdf::open(&tiny_pdf([595.0, 842.0], 0))
            .unwrap()
            .form_values_may_be_missing()
    );
    let bytes = pdf_with([595.0, 842.0], Object::Integer(0), |doc, _| {
        let form =
            doc.add_object(dictionary! { "Fields" => Vec::<Object>::new(), "NeedAppearances" => true });
        let root = doc.trailer.get(b"Root").unwrap().as_reference().unwrap();
        page_dict(doc, root).set("AcroForm", form);
    });
    assert!(ForeignPdf::open(&bytes).unwrap().form_values_may_be_missing());
}

#[test]
fn layers_keep_their_off_state_when_merged() {
    let doc = Document::with_version("1.7");
    let a = Object::Reference((10, 0));
    let b = Object::Reference((11, 0));
    let c = Object::Reference((12, 0));
    let first = dictionary! {
        "OCGs" => vec![a.clone(), b.clone()],
        "D" => dictionary! { "OFF" => vec![b.clone()] },
    };
    let second = dictionary! {
        "OCGs" => vec![c.clone()],
        "D" => dictionary! { "BaseState" => "OFF", "ON" => Vec::<Object>::new() },
    };
    let merged = merge_optional_content(&doc, vec![first, second]);
    assert_eq!(
        merged.get(b"OCGs").unwrap().as_array().unwrap(),
        &vec![a, b.clone(), c.clone()]
    );
    let default = merged.get(b"D").unwrap().as_dict().unwrap();
    assert_eq!(default.get(b"OFF").unwrap().as_array().unwrap(), &vec![b, c]);
}

//! Placement of foreign pages (every rotation lands inside its box) and refusal of files that
//! are not printable PDFs, without a panic, whatever the bytes.
#![allow(clippy::unwrap_used)]

use lopdf::dictionary;
use lopdf::{Document, Object, Stream};

use super::*;

/// A one-page PDF of `size` with `/Rotate rotate`, drawing a rectangle, written by lopdf.
pub(crate) fn tiny_pdf(size: [f32; 2], rotate: i64) -> Vec<u8> {
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
    let pages = import(&mut target, &pdf).unwrap();
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
            let _ = import(&mut target, &pdf);
        }
    }
}

#[test]
fn a_page_that_inflates_beyond_the_limit_is_refused_when_opened() {
    // 80 MB of zeros compress to about 80 kB: a decompression bomb as a page's content.
    use std::io::Write;
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    let chunk = vec![b' '; 1024 * 1024];
    for _ in 0..80 {
        encoder.write_all(&chunk).unwrap();
    }
    let bomb = encoder.finish().unwrap();
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let content =
        doc.add_object(Stream::new(dictionary! { "Filter" => "FlateDecode" }, bomb).with_compression(false));
    let page = doc.add_object(dictionary! {
        "Type" => "Page",
        "Parent" => pages_id,
        "Contents" => content,
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1 }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    assert_eq!(
        ForeignPdf::open(&bytes).unwrap_err(),
        "Eine Seite ist zu groß oder beschädigt."
    );
}

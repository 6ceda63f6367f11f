//! Writes laid-out pages as a PDF: printpdf for the page content (fonts subset-embedded, text that
//! extracts as Unicode), then a post-processing pass on the lopdf document printpdf hands over for
//! what printpdf does not do the way an archive needs it:
//! - the document outline, nested (sections, TOPs below them), with `/PageMode /UseOutlines` as a
//!   name (printpdf writes a string, and flat bookmarks only);
//! - link annotations (table of contents → page, URLs), printable (`/F 4`) and borderless;
//! - metadata: Info with UTF-16 text strings, `/Lang (de-DE)`, XMP with the PDF/A-2b
//!   identification, and an sRGB output intent (the ICC profile is encoded by `moxcms`, already in
//!   the tree through printpdf's PNG support), header version 1.7.
//!
//! What this reaches of PDF/A-2b is checked structurally in the tests (veraPDF is not available
//! here): every font embedded, XMP with `pdfaid:part 2`/`conformance B`, output intent, no
//! encryption, `/ID` in the trailer.

use std::collections::HashMap;

use chrono::{DateTime, Datelike, Timelike, Utc};
use lopdf::{Dictionary, Object, ObjectId, Stream, StringFormat};
use printpdf::{
    Color, FontId, Line as PdfLine, LinePoint, Mm, Op, PaintMode, PdfDocument, PdfFontHandle, PdfPage,
    PdfSaveOptions, Point, Pt, RawImage, Rect, Rgb, TextItem, XObjectId, XObjectTransform,
};

use super::fonts::{Face, Fonts, Measure};
use super::foreign::{self, ForeignPdf, ImportedPage};
use super::layout::{Frame, Ink, Item, Laid, Target, fitted};
use crate::{Error, Result};

mod finish;
mod paint;
use finish::*;
use paint::*;

/// The document's metadata.
#[derive(Debug, Clone, PartialEq)]
pub struct Meta {
    pub title: String,
    pub author: String,
    pub subject: String,
    pub created: DateTime<Utc>,
}

/// What the header and footer of every page say.
#[derive(Debug, Clone, PartialEq)]
pub struct Running {
    /// Left in the header: the session's title and date.
    pub header: String,
    /// Right in the header: which document ("Sitzungsmappe").
    pub kind: String,
    /// Left in the footer (e.g. the network's name); the right side is "Seite X von Y".
    pub footer: String,
    /// A big, light diagonal word on every page ("ENTWURF"), or none.
    pub watermark: Option<String>,
    /// The first page is a cover: no header or footer on it (a title page carries its own title;
    /// it still counts as page 1 in "Seite X von Y", as printed dossiers count it).
    pub cover: bool,
}

/// zlib level for the content streams and object streams. Level 6 instead of 9 (lopdf's
/// `compress` always takes 9): the 101-page bench dossier then builds in 65.7 ms instead of
/// 71.3 ms (median of five alternating release runs each) and grows by 2,413 bytes, to 190,670.
const COMPRESSION_LEVEL: u32 = 6;

/// Compresses every stream that may be and has no filter yet, at [`COMPRESSION_LEVEL`] (what
/// `lopdf::Document::compress` does at level 9). A stream compression would not shrink stays as
/// it is.
fn compress_streams(doc: &mut lopdf::Document) {
    use std::io::Write;
    for object in doc.objects.values_mut() {
        let Object::Stream(stream) = object else { continue };
        if !stream.allows_compression || stream.dict.has(b"Filter") {
            continue;
        }
        let mut encoder =
            flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::new(COMPRESSION_LEVEL));
        let compressed = encoder.write_all(&stream.content).and_then(|()| encoder.finish());
        if let Ok(compressed) = compressed
            && compressed.len() + 19 < stream.content.len()
        {
            stream.dict.set("Filter", name("FlateDecode"));
            stream.set_content(compressed);
        }
    }
}

/// Writes `laid` (pages of `frame`) as PDF bytes.
pub fn write(
    laid: &Laid,
    frame: &Frame,
    meta: &Meta,
    running: Option<&Running>,
    fonts: &Fonts,
) -> Result<Vec<u8>> {
    write_with_foreign(laid, frame, meta, running, fonts, &[])
}

/// Writes `laid` as PDF bytes, drawing the pages of `foreign` where the layout placed them
/// (`Item::Foreign`, its `source` an index into `foreign`).
pub fn write_with_foreign(
    laid: &Laid,
    frame: &Frame,
    meta: &Meta,
    running: Option<&Running>,
    fonts: &Fonts,
    foreign: &[ForeignPdf],
) -> Result<Vec<u8>> {
    let mut doc = PdfDocument::new(&meta.title);
    let mut font_ids = HashMap::new();
    // Our own short resource names instead of printpdf's random 32 letters: the name is repeated
    // at every font change in every content stream, and its first six letters become the subset
    // tag (`NWMFAA+FiraSans-Regular`, ISO 32000-1 9.6.4: six upper-case letters).
    for (n, face) in Face::ALL.into_iter().enumerate() {
        let id = FontId(format!("NWMFA{}", char::from(b'A' + n as u8)));
        doc.resources
            .fonts
            .map
            .insert(id.clone(), printpdf::PdfFont::new(fonts.parsed(face).clone()));
        font_ids.insert(face, id);
    }
    let total = laid.pages.len();
    let mut images: HashMap<Vec<u8>, (XObjectId, usize, usize)> = HashMap::new();
    let mut links = Vec::new();
    let mut foreign_pages = Vec::new();
    let mut pages = Vec::with_capacity(total);
    for (index, page) in laid.pages.iter().enumerate() {
        let mut painter = Painter {
            ops: Vec::new(),
            fonts: &font_ids,
            height: frame.height,
            in_text: false,
            origin: (0.0, 0.0),
            font: None,
            fill: None,
        };
        if let Some(running) = running
            && !(running.cover && index == 0)
        {
            paint_frame(&mut painter, frame, running, index, total, fonts);
        }
        for item in &page.items {
            match item {
                Item::Text {
                    x,
                    y,
                    face,
                    size,
                    ink,
                    text,
                } => painter.text(*x, *y, *face, *size, *ink, text),
                Item::PageNumber {
                    right,
                    y,
                    size,
                    anchor,
                } => {
                    let number = laid
                        .page_of(anchor)
                        .map(|p| (p + 1).to_string())
                        .unwrap_or_default();
                    let w = fonts.width(Face::Regular, *size, &number);
                    painter.text(right - w, *y, Face::Regular, *size, Ink::Gray(0.0), &number);
                }
                Item::Line {
                    x1,
                    y1,
                    x2,
                    y2,
                    width,
                    ink,
                } => painter.line(*x1, *y1, *x2, *y2, *width, *ink),
                Item::Rect { x, y, w, h, ink } => painter.rect(*x, *y, *w, *h, *ink),
                Item::Link { x, y, w, h, target } => links.push(PendingLink {
                    page: index,
                    rect: [*x, frame.height - y - h, x + w, frame.height - y],
                    target: target.clone(),
                }),
                Item::Foreign {
                    x,
                    y,
                    w,
                    h,
                    source,
                    page,
                } => foreign_pages.push(PendingForeign {
                    page: index,
                    area: [*x, frame.height - y - h, *w, *h],
                    source: *source,
                    source_page: *page,
                }),
                Item::Image { x, y, w, h, png } => {
                    let (id, px_w, px_h) = match images.get(png) {
                        Some(found) => found.clone(),
                        None => {
                            let image = RawImage::decode_from_bytes(png, &mut Vec::new()).map_err(|_| {
                                Error::Pdf {
                                    reason: "Das Logo ist kein lesbares PNG-Bild.".into(),
                                }
                            })?;
                            let size = (image.width.max(1), image.height.max(1));
                            let id = doc.add_image(&image);
                            images.insert(png.clone(), (id.clone(), size.0, size.1));
                            (id, size.0, size.1)
                        }
                    };
                    painter.end_text();
                    painter.ops.push(Op::UseXobject {
                        id,
                        transform: XObjectTransform {
                            translate_x: Some(Pt(*x)),
                            translate_y: Some(Pt(frame.height - y - h)),
                            scale_x: Some(w / px_w as f32),
                            scale_y: Some(h / px_h as f32),
                            dpi: Some(72.0),
                            ..XObjectTransform::default()
                        },
                    });
                }
            }
        }
        painter.end_text();
        pages.push(PdfPage::new(
            Mm::from(Pt(frame.width)),
            Mm::from(Pt(frame.height)),
            painter.ops,
        ));
    }
    doc.with_pages(pages);
    let options = PdfSaveOptions {
        optimize: false,
        subset_fonts: true,
        ..PdfSaveOptions::default()
    };
    let mut lo = doc.to_lopdf_document(&options, &mut Vec::new());
    let archival = foreign_pages.is_empty();
    place_foreign(&mut lo, foreign_pages, foreign)?;
    finish(&mut lo, laid, frame, meta, links, archival)?;
    compress_streams(&mut lo);
    let mut bytes = Vec::new();
    // Object streams (PDF 1.5+, allowed in PDF/A-2) pack the ~120 link annotations, page
    // dictionaries and outline entries of a dossier into a few compressed streams: about 30 kB of
    // a 100-page dossier's 251 kB were such plain dictionaries. Streams (content, fonts, XMP)
    // stay top-level objects, as the format requires.
    let save = lopdf::SaveOptions::builder()
        .use_object_streams(true)
        .use_xref_streams(true)
        .compression_level(COMPRESSION_LEVEL)
        .build();
    lo.save_with_options(&mut bytes, save).map_err(|e| Error::Pdf {
        reason: e.to_string(),
    })?;
    Ok(bytes)
}

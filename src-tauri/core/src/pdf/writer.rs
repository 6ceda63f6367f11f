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

/// The accent colour (KERN's dark blue).
const ACCENT: (f32, f32, f32) = (0.0, 0.2, 0.45);

fn color(ink: Ink) -> Color {
    let (r, g, b) = match ink {
        Ink::Gray(v) => (v, v, v),
        Ink::Accent => ACCENT,
    };
    Color::Rgb(Rgb {
        r,
        g,
        b,
        icc_profile: None,
    })
}

/// Paints one page's content. Text runs share one text object and repeat font and colour only
/// when they change (fewer operators; it saved only ~1 % of a compressed 100-page dossier, most of
/// the size is the glyph strings and the four embedded font subsets);
/// the text object is closed before any line, box or image (paths are not allowed inside it).
struct Painter<'a> {
    ops: Vec<Op>,
    fonts: &'a HashMap<Face, FontId>,
    height: f32,
    in_text: bool,
    /// The text line's origin inside the open text object (BT starts it at 0 0): each run is
    /// placed relative to it with `Td`. Successive lines differ by the same small step
    /// ("0 -14.7 Td"), which compresses far better than absolute `Tm` matrices.
    origin: (f32, f32),
    font: Option<(Face, f32)>,
    fill: Option<(f32, f32, f32)>,
}

/// A coordinate rounded to 1/100 pt (0.0035 mm, far below what a printer or screen shows), so
/// the content stream says `51.9` and not the `51.900024` an `f32` difference prints as: about
/// 4 % of a compressed dossier.
fn pt(v: f32) -> Pt {
    Pt((v * 100.0).round() / 100.0)
}

fn rgb(ink: Ink) -> (f32, f32, f32) {
    match ink {
        Ink::Gray(v) => (v, v, v),
        Ink::Accent => ACCENT,
    }
}

impl Painter<'_> {
    fn set_fill(&mut self, ink: Ink) {
        if self.fill != Some(rgb(ink)) {
            self.fill = Some(rgb(ink));
            self.ops.push(Op::SetFillColor { col: color(ink) });
        }
    }

    fn end_text(&mut self) {
        if self.in_text {
            self.ops.push(Op::EndTextSection);
            self.in_text = false;
        }
    }

    fn text(&mut self, x: f32, y: f32, face: Face, size: f32, ink: Ink, text: &str) {
        let Some(font) = self.fonts.get(&face) else { return };
        if !self.in_text {
            self.ops.push(Op::StartTextSection);
            self.in_text = true;
            self.origin = (0.0, 0.0);
        }
        self.set_fill(ink);
        if self.font != Some((face, size)) {
            self.font = Some((face, size));
            self.ops.push(Op::SetFont {
                font: PdfFontHandle::External(font.clone()),
                size: Pt(size),
            });
        }
        // Relative to the previous run's origin, both rounded first, so the sum of the steps a
        // viewer adds up is exactly the rounded absolute position.
        let (x, y) = (pt(x).0, pt(self.height - y).0);
        self.ops.push(Op::SetTextCursor {
            pos: Point {
                x: pt(x - self.origin.0),
                y: pt(y - self.origin.1),
            },
        });
        self.origin = (x, y);
        self.ops.push(Op::ShowText {
            items: vec![TextItem::Text(text.to_string())],
        });
    }

    fn line(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, width: f32, ink: Ink) {
        self.end_text();
        self.ops.push(Op::SetOutlineColor { col: color(ink) });
        self.ops.push(Op::SetOutlineThickness { pt: Pt(width) });
        let point = |x: f32, y: f32| LinePoint {
            p: Point {
                x: pt(x),
                y: pt(self.height - y),
            },
            bezier: false,
        };
        self.ops.push(Op::DrawLine {
            line: PdfLine {
                points: vec![point(x1, y1), point(x2, y2)],
                is_closed: false,
            },
        });
    }

    fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, ink: Ink) {
        self.end_text();
        self.set_fill(ink);
        self.ops.push(Op::DrawRectangle {
            rectangle: Rect {
                x: pt(x),
                y: pt(self.height - y - h),
                width: pt(w),
                height: pt(h),
                mode: Some(PaintMode::Fill),
                winding_order: None,
            },
        });
    }
}

/// A link to add after printpdf: page index, rectangle in PDF coordinates, target.
struct PendingLink {
    page: usize,
    rect: [f32; 4],
    target: Target,
}

/// A foreign page to draw after printpdf: page index, box in PDF coordinates (x, y, w, h),
/// source and page in it.
struct PendingForeign {
    page: usize,
    area: [f32; 4],
    source: usize,
    source_page: usize,
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

/// Draws the foreign pages: each source is copied in once, each placed page gets a content
/// stream that draws its Form XObject scaled into the box, with a thin grey edge so the
/// attachment's page is seen as a page on white paper. The sources' layers join the dossier's
/// `/OCProperties` with their on/off and print states.
fn place_foreign(
    doc: &mut lopdf::Document,
    pending: Vec<PendingForeign>,
    foreign: &[ForeignPdf],
) -> Result<()> {
    if pending.is_empty() {
        return Ok(());
    }
    let pdf_err = |e: lopdf::Error| Error::Pdf {
        reason: e.to_string(),
    };
    let page_ids: Vec<ObjectId> = doc.get_pages().values().copied().collect();
    let mut tags = foreign::FontTags::default();
    let mut imported: HashMap<usize, Vec<ImportedPage>> = HashMap::new();
    let mut layers = Vec::new();
    for (n, item) in pending.into_iter().enumerate() {
        let Some(source) = foreign.get(item.source) else {
            continue;
        };
        let pages = match imported.entry(item.source) {
            std::collections::hash_map::Entry::Occupied(entry) => entry.into_mut(),
            std::collections::hash_map::Entry::Vacant(entry) => {
                let copied =
                    foreign::import(doc, source, &mut tags).map_err(|reason| Error::Pdf { reason })?;
                layers.extend(copied.optional_content);
                entry.insert(copied.pages)
            }
        };
        let (Some(page_id), Some(page)) = (page_ids.get(item.page), pages.get(item.source_page)) else {
            continue;
        };
        let (m, [x, y, w, h]) = page.placement(item.area);
        let name = format!("NWMAnl{n}");
        let content = format!(
            "q {} cm /{name} Do Q\nq 0.7 G 0.5 w {x:.2} {y:.2} {w:.2} {h:.2} re S Q\n",
            m.map(|v| format!("{v:.4}")).join(" ")
        );
        add_xobject(doc, *page_id, &name, page.form).map_err(pdf_err)?;
        doc.add_page_contents(*page_id, content.into_bytes())
            .map_err(pdf_err)?;
    }
    if !layers.is_empty() {
        let merged = foreign::merge_optional_content(doc, layers);
        doc.catalog_mut().map_err(pdf_err)?.set("OCProperties", merged);
    }
    Ok(())
}

/// Adds `/name` → `form` to one page's XObject resources. printpdf shares one resource
/// dictionary (and one XObject dictionary) among all pages: the page gets its own copies first,
/// or every page would list every attached page (and a page extracted on its own carry them all).
fn add_xobject(
    doc: &mut lopdf::Document,
    page_id: ObjectId,
    name: &str,
    form: ObjectId,
) -> lopdf::Result<()> {
    let owned = |doc: &lopdf::Document, object: Option<&Object>| -> Dictionary {
        match object.map(|o| doc.dereference(o)) {
            Some(Ok((_, Object::Dictionary(dict)))) => dict.clone(),
            _ => Dictionary::new(),
        }
    };
    let page = doc.get_dictionary(page_id)?;
    let mut resources = owned(doc, page.get(b"Resources").ok());
    let mut xobjects = owned(doc, resources.get(b"XObject").ok());
    xobjects.set(name.as_bytes().to_vec(), Object::Reference(form));
    resources.set("XObject", Object::Dictionary(xobjects));
    doc.get_object_mut(page_id)
        .and_then(Object::as_dict_mut)?
        .set("Resources", Object::Dictionary(resources));
    Ok(())
}

fn paint_frame(
    painter: &mut Painter<'_>,
    frame: &Frame,
    running: &Running,
    index: usize,
    total: usize,
    fonts: &Fonts,
) {
    let size = 8.5;
    let ink = Ink::Gray(0.35);
    let left = frame.left;
    let right = frame.width - frame.right;
    let header_y = frame.top - 22.0;
    let kind_w = fonts.width(Face::Regular, size, &running.kind);
    // The header's left text yields to the kind on the right: cut with "…" if it would collide.
    let header = fitted(
        &running.header,
        right - left - kind_w - 20.0,
        Face::Regular,
        size,
        fonts,
    );
    painter.text(left, header_y, Face::Regular, size, ink, &header);
    painter.text(right - kind_w, header_y, Face::Regular, size, ink, &running.kind);
    painter.line(left, header_y + 5.0, right, header_y + 5.0, 0.4, Ink::Gray(0.7));
    let footer_y = frame.height - frame.bottom + 30.0;
    let number = format!("Seite {} von {}", index + 1, total);
    let number_w = fonts.width(Face::Regular, size, &number);
    painter.line(left, footer_y - 11.0, right, footer_y - 11.0, 0.4, Ink::Gray(0.7));
    let footer = fitted(
        &running.footer,
        right - left - number_w - 20.0,
        Face::Regular,
        size,
        fonts,
    );
    painter.text(left, footer_y, Face::Regular, size, ink, &footer);
    painter.text(right - number_w, footer_y, Face::Regular, size, ink, &number);
    if let Some(mark) = &running.watermark {
        // A light diagonal mark across the page, under nothing important (drawn first).
        let size = 96.0;
        let w = fonts.width(Face::Bold, size, mark);
        let (cx, cy) = (frame.width / 2.0, frame.height / 2.0);
        let angle: f32 = 50.0_f32.to_radians();
        let (sin, cos) = angle.sin_cos();
        let Some(font) = painter.fonts.get(&Face::Bold).cloned() else {
            return;
        };
        let x = cx - cos * w / 2.0;
        let y = (frame.height - cy) - sin * w / 2.0;
        painter.end_text();
        painter.ops.push(Op::StartTextSection);
        painter.ops.push(Op::SetFillColor {
            col: color(Ink::Gray(0.88)),
        });
        painter.ops.push(Op::SetFont {
            font: PdfFontHandle::External(font),
            size: Pt(size),
        });
        painter.ops.push(Op::SetTextMatrix {
            matrix: printpdf::TextMatrix::Raw([cos, sin, -sin, cos, x, y]),
        });
        painter.ops.push(Op::ShowText {
            items: vec![TextItem::Text(mark.clone())],
        });
        painter.ops.push(Op::EndTextSection);
        // The mark changed font and colour: the next run sets its own.
        painter.font = None;
        painter.fill = None;
    }
}

/// A PDF text string: PDFDocEncoding is not UTF-8, so anything beyond ASCII goes as UTF-16BE with BOM.
fn text_string(text: &str) -> Object {
    if text.is_ascii() {
        return Object::String(text.as_bytes().to_vec(), StringFormat::Literal);
    }
    let mut bytes = vec![0xFE, 0xFF];
    for unit in text.encode_utf16() {
        bytes.extend_from_slice(&unit.to_be_bytes());
    }
    Object::String(bytes, StringFormat::Hexadecimal)
}

fn name(value: &str) -> Object {
    Object::Name(value.as_bytes().to_vec())
}

fn pdf_date(at: DateTime<Utc>) -> String {
    format!(
        "D:{:04}{:02}{:02}{:02}{:02}{:02}Z",
        at.year(),
        at.month(),
        at.day(),
        at.hour(),
        at.minute(),
        at.second()
    )
}

fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The XMP packet. `archival` claims PDF/A-2b; a document with pages of attached PDFs does not,
/// because what those files contain (fonts not embedded, transparency, colour spaces) is not ours
/// to vouch for.
fn xmp(meta: &Meta, archival: bool) -> String {
    let date = meta.created.format("%Y-%m-%dT%H:%M:%SZ");
    let pdfaid = if archival {
        "<pdfaid:part>2</pdfaid:part>\n<pdfaid:conformance>B</pdfaid:conformance>\n"
    } else {
        ""
    };
    format!(
        r#"<?xpacket begin="﻿" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
<dc:format>application/pdf</dc:format>
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>{author}</rdf:li></rdf:Seq></dc:creator>
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">{subject}</rdf:li></rdf:Alt></dc:description>
<dc:language><rdf:Bag><rdf:li>de-DE</rdf:li></rdf:Bag></dc:language>
<xmp:CreateDate>{date}</xmp:CreateDate>
<xmp:ModifyDate>{date}</xmp:ModifyDate>
<xmp:MetadataDate>{date}</xmp:MetadataDate>
<xmp:CreatorTool>Netzwerkmappe</xmp:CreatorTool>
<pdf:Producer>Netzwerkmappe (printpdf)</pdf:Producer>
{pdfaid}</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"#,
        title = xml_escape(&meta.title),
        author = xml_escape(&meta.author),
        subject = xml_escape(&meta.subject),
    )
}

/// The sRGB profile (IEC 61966-2.1) for the output intent.
fn srgb_profile() -> Result<Vec<u8>> {
    moxcms::ColorProfile::new_srgb().encode().map_err(|e| Error::Pdf {
        reason: format!("sRGB-Profil: {e:?}"),
    })
}

fn finish(
    doc: &mut lopdf::Document,
    laid: &Laid,
    frame: &Frame,
    meta: &Meta,
    links: Vec<PendingLink>,
    archival: bool,
) -> Result<()> {
    let pdf_err = |e: lopdf::Error| Error::Pdf {
        reason: e.to_string(),
    };
    doc.version = "1.7".to_string();
    let page_ids: Vec<ObjectId> = doc.get_pages().values().copied().collect();

    // Links: GoTo an anchor's page and height, or a URI.
    let mut annots: HashMap<usize, Vec<Object>> = HashMap::new();
    for link in links {
        let Some(page_id) = page_ids.get(link.page) else {
            continue;
        };
        let mut dict = Dictionary::new();
        dict.set("Type", name("Annot"));
        dict.set("Subtype", name("Link"));
        dict.set(
            "Rect",
            Object::Array(link.rect.iter().map(|v| Object::Real(*v)).collect()),
        );
        dict.set("Border", Object::Array(vec![0.into(), 0.into(), 0.into()]));
        dict.set("F", 4);
        let _ = page_id;
        match &link.target {
            Target::Anchor(anchor) => {
                let Some((_, page, y)) = laid.anchors.iter().find(|(a, ..)| a == anchor) else {
                    continue;
                };
                let Some(target_id) = page_ids.get(*page) else {
                    continue;
                };
                dict.set(
                    "Dest",
                    Object::Array(vec![
                        Object::Reference(*target_id),
                        name("XYZ"),
                        Object::Null,
                        Object::Real(frame.height - y + 10.0),
                        Object::Null,
                    ]),
                );
            }
            Target::Uri(uri) => {
                let mut action = Dictionary::new();
                action.set("S", name("URI"));
                action.set(
                    "URI",
                    Object::String(uri.as_bytes().to_vec(), StringFormat::Literal),
                );
                dict.set("A", action);
            }
        }
        let id = doc.add_object(dict);
        annots.entry(link.page).or_default().push(Object::Reference(id));
    }
    for (page, list) in annots {
        if let Some(page_id) = page_ids.get(page) {
            let page_dict = doc
                .get_object_mut(*page_id)
                .and_then(Object::as_dict_mut)
                .map_err(pdf_err)?;
            page_dict.set("Annots", Object::Array(list));
        }
    }

    // Outline, nested by level: each entry's parent is the last entry one level up.
    let outline_root = if laid.outline.is_empty() {
        None
    } else {
        Some(outline(doc, laid, frame, &page_ids))
    };

    // Metadata.
    let mut info = Dictionary::new();
    info.set("Title", text_string(&meta.title));
    info.set("Author", text_string(&meta.author));
    info.set("Subject", text_string(&meta.subject));
    info.set("Creator", text_string("Netzwerkmappe"));
    info.set("Producer", text_string("Netzwerkmappe (printpdf)"));
    info.set(
        "CreationDate",
        Object::String(pdf_date(meta.created).into_bytes(), StringFormat::Literal),
    );
    info.set(
        "ModDate",
        Object::String(pdf_date(meta.created).into_bytes(), StringFormat::Literal),
    );
    let info_id = doc.add_object(info);
    doc.trailer.set("Info", Object::Reference(info_id));

    let mut xmp_stream = Stream::new(Dictionary::new(), xmp(meta, archival).into_bytes());
    xmp_stream.dict.set("Type", name("Metadata"));
    xmp_stream.dict.set("Subtype", name("XML"));
    // XMP stays uncompressed so archive tools can read it without a PDF parser.
    xmp_stream.allows_compression = false;
    let xmp_id = doc.add_object(xmp_stream);

    let mut icc = Stream::new(Dictionary::new(), srgb_profile()?);
    icc.dict.set("N", 3);
    let icc_id = doc.add_object(icc);
    let mut intent = Dictionary::new();
    intent.set("Type", name("OutputIntent"));
    intent.set("S", name("GTS_PDFA1"));
    intent.set(
        "OutputConditionIdentifier",
        Object::string_literal("sRGB IEC61966-2.1"),
    );
    intent.set("Info", Object::string_literal("sRGB IEC61966-2.1"));
    intent.set("DestOutputProfile", Object::Reference(icc_id));

    let catalog = doc.catalog_mut().map_err(pdf_err)?;
    catalog.set("Lang", Object::string_literal("de-DE"));
    catalog.set("Metadata", Object::Reference(xmp_id));
    catalog.set("OutputIntents", Object::Array(vec![Object::Dictionary(intent)]));
    let mut prefs = Dictionary::new();
    prefs.set("DisplayDocTitle", true);
    catalog.set("ViewerPreferences", prefs);
    match outline_root {
        Some(root) => {
            catalog.set("Outlines", Object::Reference(root));
            catalog.set("PageMode", name("UseOutlines"));
        }
        None => {
            catalog.remove(b"Outlines");
            catalog.set("PageMode", name("UseNone"));
        }
    }
    Ok(())
}

/// Builds the nested outline and returns the id of its root dictionary.
fn outline(doc: &mut lopdf::Document, laid: &Laid, frame: &Frame, page_ids: &[ObjectId]) -> ObjectId {
    let root_id = doc.new_object_id();
    let ids: Vec<ObjectId> = laid.outline.iter().map(|_| doc.new_object_id()).collect();
    // Parent of each entry (index into entries, or None for the root).
    let mut parents: Vec<Option<usize>> = Vec::with_capacity(ids.len());
    let mut stack: Vec<usize> = Vec::new();
    for (i, entry) in laid.outline.iter().enumerate() {
        while let Some(&top) = stack.last() {
            if laid.outline[top].level >= entry.level {
                stack.pop();
            } else {
                break;
            }
        }
        parents.push(stack.last().copied());
        stack.push(i);
    }
    let children =
        |parent: Option<usize>| -> Vec<usize> { (0..ids.len()).filter(|&i| parents[i] == parent).collect() };
    let mut dicts: Vec<Dictionary> = Vec::with_capacity(ids.len());
    for (i, entry) in laid.outline.iter().enumerate() {
        let mut dict = Dictionary::new();
        dict.set("Title", text_string(&entry.title));
        dict.set(
            "Parent",
            Object::Reference(parents[i].map_or(root_id, |p| ids[p])),
        );
        let siblings = children(parents[i]);
        let position = siblings.iter().position(|&s| s == i).unwrap_or(0);
        if position > 0 {
            dict.set("Prev", Object::Reference(ids[siblings[position - 1]]));
        }
        if let Some(&next) = siblings.get(position + 1) {
            dict.set("Next", Object::Reference(ids[next]));
        }
        let own = children(Some(i));
        if let (Some(first), Some(last)) = (own.first(), own.last()) {
            dict.set("First", Object::Reference(ids[*first]));
            dict.set("Last", Object::Reference(ids[*last]));
            // Positive: open, the TOPs show below their section.
            dict.set("Count", own.len() as i64);
        }
        if let Some(page_id) = page_ids.get(entry.page) {
            dict.set(
                "Dest",
                Object::Array(vec![
                    Object::Reference(*page_id),
                    name("XYZ"),
                    Object::Null,
                    Object::Real(frame.height - entry.y + 10.0),
                    Object::Null,
                ]),
            );
        }
        dicts.push(dict);
    }
    for (id, dict) in ids.iter().zip(dicts) {
        doc.objects.insert(*id, Object::Dictionary(dict));
    }
    let top = children(None);
    let mut root = Dictionary::new();
    root.set("Type", name("Outlines"));
    if let (Some(first), Some(last)) = (top.first(), top.last()) {
        root.set("First", Object::Reference(ids[*first]));
        root.set("Last", Object::Reference(ids[*last]));
    }
    root.set("Count", ids.len() as i64);
    doc.objects.insert(root_id, Object::Dictionary(root));
    root_id
}

//! Painting the laid-out pages with printpdf: colours, text lines with their links, boxes and
//! rules, the running header/footer and frame of each page, and the attached PDFs' pages drawn as
//! Form XObjects where the layout placed them.

use super::*;

/// The accent colour (KERN's dark blue).
pub(super) const ACCENT: (f32, f32, f32) = (0.0, 0.2, 0.45);

pub(super) fn color(ink: Ink) -> Color {
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
pub(super) struct Painter<'a> {
    pub(super) ops: Vec<Op>,
    pub(super) fonts: &'a HashMap<Face, FontId>,
    pub(super) height: f32,
    pub(super) in_text: bool,
    /// The text line's origin inside the open text object (BT starts it at 0 0): each run is
    /// placed relative to it with `Td`. Successive lines differ by the same small step
    /// ("0 -14.7 Td"), which compresses far better than absolute `Tm` matrices.
    pub(super) origin: (f32, f32),
    pub(super) font: Option<(Face, f32)>,
    pub(super) fill: Option<(f32, f32, f32)>,
}

/// A coordinate rounded to 1/100 pt (0.0035 mm, far below what a printer or screen shows), so
/// the content stream says `51.9` and not the `51.900024` an `f32` difference prints as: about
/// 4 % of a compressed dossier.
pub(super) fn pt(v: f32) -> Pt {
    Pt((v * 100.0).round() / 100.0)
}

pub(super) fn rgb(ink: Ink) -> (f32, f32, f32) {
    match ink {
        Ink::Gray(v) => (v, v, v),
        Ink::Accent => ACCENT,
    }
}

impl Painter<'_> {
    pub(super) fn set_fill(&mut self, ink: Ink) {
        if self.fill != Some(rgb(ink)) {
            self.fill = Some(rgb(ink));
            self.ops.push(Op::SetFillColor { col: color(ink) });
        }
    }

    pub(super) fn end_text(&mut self) {
        if self.in_text {
            self.ops.push(Op::EndTextSection);
            self.in_text = false;
        }
    }

    pub(super) fn text(&mut self, x: f32, y: f32, face: Face, size: f32, ink: Ink, text: &str) {
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

    pub(super) fn line(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, width: f32, ink: Ink) {
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

    pub(super) fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, ink: Ink) {
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
pub(super) struct PendingLink {
    pub(super) page: usize,
    pub(super) rect: [f32; 4],
    pub(super) target: Target,
}

/// A foreign page to draw after printpdf: page index, box in PDF coordinates (x, y, w, h),
/// source and page in it.
pub(super) struct PendingForeign {
    pub(super) page: usize,
    pub(super) area: [f32; 4],
    pub(super) source: usize,
    pub(super) source_page: usize,
}

/// Draws the foreign pages: each source is copied in once, each placed page gets a content
/// stream that draws its Form XObject scaled into the box, with a thin grey edge so the
/// attachment's page is seen as a page on white paper. The sources' layers join the dossier's
/// `/OCProperties` with their on/off and print states.
pub(super) fn place_foreign(
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
pub(super) fn add_xobject(
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

pub(super) fn paint_frame(
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

//! The finishing touches on the lopdf document: text strings and dates the PDF way, the XMP
//! metadata and sRGB output intent of PDF/A-2b, and the nested outline (bookmarks).

use super::*;

/// A PDF text string: PDFDocEncoding is not UTF-8, so anything beyond ASCII goes as UTF-16BE with BOM.
pub(super) fn text_string(text: &str) -> Object {
    if text.is_ascii() {
        return Object::String(text.as_bytes().to_vec(), StringFormat::Literal);
    }
    let mut bytes = vec![0xFE, 0xFF];
    for unit in text.encode_utf16() {
        bytes.extend_from_slice(&unit.to_be_bytes());
    }
    Object::String(bytes, StringFormat::Hexadecimal)
}

pub(super) fn name(value: &str) -> Object {
    Object::Name(value.as_bytes().to_vec())
}

pub(super) fn pdf_date(at: DateTime<Utc>) -> String {
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

pub(super) fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The XMP packet. `archival` claims PDF/A-2b; a document with pages of attached PDFs does not,
/// because what those files contain (fonts not embedded, transparency, colour spaces) is not ours
/// to vouch for.
pub(super) fn xmp(meta: &Meta, archival: bool) -> String {
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
pub(super) fn srgb_profile() -> Result<Vec<u8>> {
    moxcms::ColorProfile::new_srgb().encode().map_err(|e| Error::Pdf {
        reason: format!("sRGB-Profil: {e:?}"),
    })
}

pub(super) fn finish(
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
pub(super) fn outline(
    doc: &mut lopdf::Document,
    laid: &Laid,
    frame: &Frame,
    page_ids: &[ObjectId],
) -> ObjectId {
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

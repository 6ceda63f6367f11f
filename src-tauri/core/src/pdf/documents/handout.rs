//! Single documents in the network's frame: a paper's text or survey as a PDF of its own (what
//! the demo attaches), the Art. 15 Auskunft, and the PNG check for the cover logo.

use super::*;

/// A document tree (a paper's text, a working group's survey) as a PDF of its own, with the
/// network's frame: what the demo network attaches to a paper, so its dossier shows an appended
/// PDF the way a real office's would.
pub fn handout_pdf(title: &str, body: &Document, now: DateTime<Utc>) -> Result<PdfFile> {
    let mut blocks = vec![heading(1, title, None, Some(0))];
    blocks.extend(document_blocks(body));
    let meta = Meta {
        title: title.to_string(),
        author: NETWORK.to_string(),
        subject: title.to_string(),
        created: now,
    };
    let running = Running {
        header: title.to_string(),
        kind: String::new(),
        footer: NETWORK.to_string(),
        watermark: None,
        cover: false,
    };
    write_pdf(blocks, &Frame::a4(), &meta, &running)
}

/// The Auskunft as a PDF, laid out from the readable text `privacy::subject_access_text` writes,
/// so the PDF and the `.txt` beside it say exactly the same (one place words the Auskunft). The
/// text's shape: the title, the date line, then sections, each an unindented title after a blank
/// line followed by indented entries ("  Name: …"; a label before the first ": " is set bold).
pub fn subject_access_pdf(text: &str, person: &str, now: DateTime<Utc>) -> Result<PdfFile> {
    const TITLE: &str = "Auskunft nach Art. 15 DSGVO";
    let mut blocks = Vec::new();
    let mut after_blank = false;
    for (n, line) in text.lines().enumerate() {
        let entry = line.trim_start();
        if entry.is_empty() {
            after_blank = true;
            continue;
        }
        if n == 0 {
            blocks.push(heading(1, entry, None, Some(0)));
        } else if after_blank && !line.starts_with(' ') {
            blocks.push(heading(2, entry, None, Some(1)));
        } else {
            let runs = match entry.split_once(": ") {
                // A short label ("E-Mail", "Rechtsgrundlage"), not a sentence with a colon.
                Some((label, value)) if label.chars().count() <= 20 && !label.contains(' ') => {
                    vec![Run::bold(format!("{label}: ")), Run::plain(value)]
                }
                _ => vec![Run::plain(entry)],
            };
            blocks.push(Block::Paragraph {
                runs,
                style: ParagraphStyle {
                    space_after: 3.0,
                    ..ParagraphStyle::body()
                },
            });
        }
        after_blank = false;
    }
    let meta = Meta {
        title: format!("{TITLE}: {person}"),
        author: NETWORK.to_string(),
        subject: format!("Die in Netzwerkmappe gespeicherten Daten über {person}"),
        created: now,
    };
    let running = Running {
        header: format!("{TITLE}: {person}"),
        kind: "Auskunft".into(),
        footer: NETWORK.to_string(),
        watermark: None,
        cover: false,
    };
    write_pdf(blocks, &Frame::a4(), &meta, &running)
}

/// Width and height of a PNG from its header, or `None` if it is not one.
pub(crate) fn png_size(bytes: &[u8]) -> Option<(u32, u32)> {
    if bytes.len() < 24 || &bytes[..8] != b"\x89PNG\r\n\x1a\n" {
        return None;
    }
    let w = u32::from_be_bytes(bytes[16..20].try_into().ok()?);
    let h = u32::from_be_bytes(bytes[20..24].try_into().ok()?);
    (w > 0 && h > 0).then_some((w, h))
}

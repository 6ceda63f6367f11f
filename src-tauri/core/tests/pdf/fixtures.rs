//! What every PDF test starts from: the clock, the demo network's sessions' data, hard text
//! (Turkish, Polish, Croatian, Cyrillic names, a 300-character word), saving a PDF and reading it
//! back with poppler's and qpdf's tools; and the imports the themes share.

pub use std::path::Path;
pub use std::process::Command;

pub use chrono::{TimeZone, Utc};
pub use netzwerkmappe_core::participant::ParticipantStatus;
pub use netzwerkmappe_core::pdf::documents::PdfParticipant;
pub use netzwerkmappe_core::pdf::{
    AttendanceOptions, DossierOptions, DossierPart, GroupBy, PdfKind, PdfRequest, SessionPdfData,
    attendance_pdf, dossier_pdf, minutes_pdf,
};
pub use netzwerkmappe_core::session::SessionFilter;
pub use netzwerkmappe_core::usecase::{self, demo};
pub use netzwerkmappe_core::{berlin, store::Store};

pub fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 27, 8, 0, 0).unwrap()
}

/// The demo network's sessions' data, the past one with minutes first.
pub async fn demo_data() -> Vec<SessionPdfData> {
    let store = Store::open_in_memory().await.unwrap();
    demo::fill(&store, now()).await.unwrap();
    let today = berlin::today(now());
    let sessions = store
        .list_sessions(&SessionFilter::default(), today)
        .await
        .unwrap();
    let mut out = Vec::new();
    for s in sessions {
        out.push(usecase::pdf::session_pdf_data(&store, s.id, today).await.unwrap());
    }
    out.sort_by_key(|d| std::cmp::Reverse(d.minutes.minutes.is_some()));
    out
}

/// Names the network has: Turkish, Polish, Croatian, Cyrillic; and a 300-character word.
pub fn with_hard_text(mut data: SessionPdfData) -> SessionPdfData {
    for name in [
        "Ayşe Yılmaz-İnce",
        "Łukasz Wójcik",
        "Ivana Đurić",
        "Ольга Журавлёва",
        "Jürgen Weiß",
    ] {
        data.participants.push(PdfParticipant {
            name: name.to_string(),
            function: Some("Integrationsbeauftragte".into()),
            organisation: Some("Landratsamt Böblingen".into()),
            district: Some("Böblingen".into()),
            status: ParticipantStatus::Teilgenommen,
        });
    }
    if let Some(first) = data.agenda.first_mut() {
        let word = "Integrationsmanagementvereinbarungsfortschreibung".repeat(6);
        first.discussion = Some(format!("Vorab: {word} und ğüşıöç İĞÜŞÖÇ ß\n\nZweiter Absatz."));
    }
    data
}

/// Writes a PDF into the test's folder; with `NETZWERKMAPPE_PDF_BEHALTEN=<ordner>` also there, to
/// look at the pages (`pdftoppm -png`).
pub fn save(dir: &Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    if let Some(keep) = std::env::var_os("NETZWERKMAPPE_PDF_BEHALTEN") {
        std::fs::write(Path::new(&keep).join(name), bytes).unwrap();
    }
    path
}

pub fn tool(cmd: &str, args: &[&str]) -> String {
    let out = Command::new(cmd)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{cmd}: {e}"));
    assert!(
        out.status.success(),
        "{cmd} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

pub fn text_of(path: &Path) -> String {
    tool("pdftotext", &["-enc", "UTF-8", path.to_str().unwrap(), "-"])
}

/// Every font embedded (and subset): the second-to-last columns of `pdffonts` say "yes yes yes".
pub fn assert_fonts_embedded(path: &Path) {
    let list = tool("pdffonts", &[path.to_str().unwrap()]);
    let rows: Vec<&str> = list.lines().skip(2).collect();
    assert!(!rows.is_empty(), "{list}");
    for row in rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        let n = cols.len();
        assert_eq!(&cols[n - 5..n - 2], &["yes", "yes", "yes"], "emb sub uni: {row}");
    }
}

/// qpdf finds no syntax or stream encoding error (cross-references, object streams, every
/// stream decodes): the structural check available here in place of veraPDF.
pub fn assert_qpdf_clean(path: &Path) {
    let out = Command::new("qpdf")
        .arg("--check")
        .arg(path)
        .output()
        .expect("qpdf (make setup-test installs it)");
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && report.contains("No syntax or stream encoding errors found"),
        "{report}{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

pub fn outline_titles(doc: &lopdf::Document) -> Vec<(usize, String)> {
    fn title(obj: &lopdf::Object) -> String {
        let bytes = obj.as_str().unwrap();
        if bytes.starts_with(&[0xFE, 0xFF]) {
            let units: Vec<u16> = bytes[2..]
                .chunks(2)
                .map(|c| u16::from_be_bytes([c[0], c[1]]))
                .collect();
            String::from_utf16(&units).unwrap()
        } else {
            String::from_utf8(bytes.to_vec()).unwrap()
        }
    }
    fn walk(
        doc: &lopdf::Document,
        first: Option<lopdf::ObjectId>,
        depth: usize,
        out: &mut Vec<(usize, String)>,
    ) {
        let mut next = first;
        while let Some(id) = next {
            let dict = doc.get_dictionary(id).unwrap();
            out.push((depth, title(dict.get(b"Title").unwrap())));
            walk(
                doc,
                dict.get(b"First").and_then(|o| o.as_reference()).ok(),
                depth + 1,
                out,
            );
            next = dict.get(b"Next").and_then(|o| o.as_reference()).ok();
        }
    }
    let catalog = doc.catalog().unwrap();
    let root = doc
        .get_dictionary(catalog.get(b"Outlines").unwrap().as_reference().unwrap())
        .unwrap();
    let mut out = Vec::new();
    walk(
        doc,
        root.get(b"First").and_then(|o| o.as_reference()).ok(),
        0,
        &mut out,
    );
    out
}

/// The text of page `n` (from 1).
pub fn page_text(path: &Path, n: usize) -> String {
    let n = n.to_string();
    tool(
        "pdftotext",
        &["-enc", "UTF-8", "-f", &n, "-l", &n, path.to_str().unwrap(), "-"],
    )
}

pub fn xmp_of(doc: &lopdf::Document) -> String {
    let catalog = doc.catalog().unwrap();
    let id = catalog.get(b"Metadata").unwrap().as_reference().unwrap();
    String::from_utf8(doc.get_object(id).unwrap().as_stream().unwrap().content.clone()).unwrap()
}

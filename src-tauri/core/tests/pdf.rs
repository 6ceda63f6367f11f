//! The three PDFs of a session on the demo network, read back: with lopdf (pages, outline,
//! metadata, links, PDF/A structure) and with poppler's tools (`pdftotext`, `pdffonts`), as a
//! person's viewer, copy/paste and screen reader would see them.
#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::process::Command;

use chrono::{TimeZone, Utc};
use netzwerkmappe_core::participant::ParticipantStatus;
use netzwerkmappe_core::pdf::documents::PdfParticipant;
use netzwerkmappe_core::pdf::{
    AttendanceOptions, DossierOptions, DossierPart, GroupBy, PdfKind, PdfRequest, SessionPdfData,
    attendance_pdf, dossier_pdf, minutes_pdf,
};
use netzwerkmappe_core::session::SessionFilter;
use netzwerkmappe_core::usecase;
use netzwerkmappe_core::{Store, berlin, demo};

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 27, 8, 0, 0).unwrap()
}

/// The demo network's sessions' data, the past one with minutes first.
async fn demo_data() -> Vec<SessionPdfData> {
    let store = Store::open_in_memory().await.unwrap();
    demo::fill(&store, now()).await.unwrap();
    let today = berlin::today(now());
    let sessions = store
        .list_sessions(&SessionFilter::default(), today)
        .await
        .unwrap();
    let mut out = Vec::new();
    for s in sessions {
        out.push(store.session_pdf_data(s.id, today).await.unwrap());
    }
    out.sort_by_key(|d| std::cmp::Reverse(d.minutes.minutes.is_some()));
    out
}

/// Names the network has: Turkish, Polish, Croatian, Cyrillic; and a 300-character word.
fn with_hard_text(mut data: SessionPdfData) -> SessionPdfData {
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
fn save(dir: &Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    if let Some(keep) = std::env::var_os("NETZWERKMAPPE_PDF_BEHALTEN") {
        std::fs::write(Path::new(&keep).join(name), bytes).unwrap();
    }
    path
}

fn tool(cmd: &str, args: &[&str]) -> String {
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

fn text_of(path: &Path) -> String {
    tool("pdftotext", &["-enc", "UTF-8", path.to_str().unwrap(), "-"])
}

/// Every font embedded (and subset): the second-to-last columns of `pdffonts` say "yes yes yes".
fn assert_fonts_embedded(path: &Path) {
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
fn assert_qpdf_clean(path: &Path) {
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

fn outline_titles(doc: &lopdf::Document) -> Vec<(usize, String)> {
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

#[tokio::test(flavor = "multi_thread")]
async fn the_protokoll_reads_back_with_names_bookmarks_and_metadata() {
    let dir = tempfile::tempdir().unwrap();
    let data = with_hard_text(demo_data().await.remove(0));
    let file = minutes_pdf(&data, now()).unwrap();
    let path = save(dir.path(), "protokoll.pdf", &file.bytes);
    // Lines may break between a first and a family name: compare with single spaces. A line may
    // also end after the hyphen of "Yılmaz-İnce", which pdftotext then drops as a hyphenation.
    let text = text_of(&path).split_whitespace().collect::<Vec<_>>().join(" ");
    let unhyphenated = text.replace('-', "");
    for name in [
        "Ayşe Yılmaz-İnce",
        "Łukasz Wójcik",
        "Ivana Đurić",
        "Ольга Журавлёва",
        "Jürgen Weiß",
    ] {
        assert!(
            unhyphenated.contains(&name.replace('-', "")),
            "{name} extracts exactly"
        );
    }
    assert!(text.contains("ğüşıöç İĞÜŞÖÇ ß"));
    assert!(text.contains(&format!("Seite 1 von {}", file.pages)));
    assert!(text.contains(&format!("Seite {0} von {0}", file.pages)));
    for decision in &data.minutes.decisions {
        assert!(
            text.contains(&decision.label),
            "{} set off with its number",
            decision.label
        );
    }
    assert_fonts_embedded(&path);

    let doc = lopdf::Document::load(&path).unwrap();
    assert_eq!(doc.get_pages().len(), file.pages);
    let outline = outline_titles(&doc);
    assert_eq!(outline[0], (0, "Protokoll".to_string()));
    for item in data.agenda.iter().filter(|a| a.parent_id.is_none()) {
        let title = format!("TOP {} {}", item.number, item.title);
        assert!(
            outline.contains(&(1, title.clone())),
            "{title} nested below Protokoll: {outline:?}"
        );
    }
    let catalog = doc.catalog().unwrap();
    assert_eq!(
        catalog.get(b"PageMode").unwrap().as_name().unwrap(),
        b"UseOutlines"
    );
    assert_eq!(catalog.get(b"Lang").unwrap().as_str().unwrap(), b"de-DE");
    let info = tool("pdfinfo", &[path.to_str().unwrap()]);
    assert!(
        info.contains(&format!("Protokoll: {}", data.session.title)),
        "{info}"
    );
    assert!(info.contains("Netzwerk Integration Baden-Württemberg"), "{info}");
    assert!(info.contains("Encrypted:       no"), "{info}");
    // PDF/A-2b structure: XMP identification and an sRGB output intent with its profile.
    let xmp_id = catalog.get(b"Metadata").unwrap().as_reference().unwrap();
    let xmp = doc.get_object(xmp_id).unwrap().as_stream().unwrap();
    let xmp = String::from_utf8(xmp.content.clone()).unwrap();
    assert!(
        xmp.contains("<pdfaid:part>2</pdfaid:part>")
            && xmp.contains("<pdfaid:conformance>B</pdfaid:conformance>")
    );
    let intents = catalog.get(b"OutputIntents").unwrap().as_array().unwrap();
    let intent = intents[0].as_dict().unwrap();
    assert_eq!(intent.get(b"S").unwrap().as_name().unwrap(), b"GTS_PDFA1");
    let profile = doc
        .get_object(intent.get(b"DestOutputProfile").unwrap().as_reference().unwrap())
        .unwrap();
    let mut profile = profile.as_stream().unwrap().clone();
    let _ = profile.decompress();
    assert_eq!(&profile.content[36..40], b"acsp", "an ICC profile");
    assert!(doc.trailer.get(b"ID").is_ok());
    assert_eq!(doc.version, "1.7");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_draft_protokoll_says_entwurf() {
    let data = demo_data().await;
    let draft = data.iter().find(|d| d.minutes.minutes.is_none()).unwrap();
    let file = minutes_pdf(draft, now()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let text = text_of(&save(dir.path(), "entwurf.pdf", &file.bytes));
    assert!(text.contains("ENTWURF"));
}

#[tokio::test(flavor = "multi_thread")]
async fn the_attendance_list_has_a_signature_column_on_every_page_and_empty_rows() {
    let dir = tempfile::tempdir().unwrap();
    let mut data = with_hard_text(demo_data().await.remove(0));
    // Enough people for several pages.
    for n in 0..60 {
        data.participants.push(PdfParticipant {
            name: format!("Person Nummer {n:02}"),
            function: None,
            organisation: Some("Stadt Ulm".into()),
            district: Some("Ulm".into()),
            status: ParticipantStatus::Zugesagt,
        });
    }
    for landscape in [false, true] {
        let file = attendance_pdf(
            &data,
            &AttendanceOptions {
                landscape,
                empty_rows: 5,
            },
            now(),
        )
        .unwrap();
        let path = save(dir.path(), &format!("liste-{landscape}.pdf"), &file.bytes);
        assert!(file.pages >= 2);
        let doc = lopdf::Document::load(&path).unwrap();
        for (n, page) in doc.get_pages() {
            let text = doc.extract_text(&[n]).unwrap_or_default();
            let _ = page;
            // The header row repeats: every page names the signature column.
            let poppler = tool(
                "pdftotext",
                &[
                    "-f",
                    &n.to_string(),
                    "-l",
                    &n.to_string(),
                    "-enc",
                    "UTF-8",
                    path.to_str().unwrap(),
                    "-",
                ],
            );
            assert!(poppler.contains("Unterschrift"), "page {n}: {text}");
        }
        let text = text_of(&path);
        assert!(text.contains("Ayşe Yılmaz-İnce"));
        let expected = data
            .participants
            .iter()
            .filter(|p| p.status != ParticipantStatus::Abgesagt)
            .count();
        // Numbered rows: the last number is the people plus the 5 empty rows.
        assert!(
            text.contains(&format!("{}", expected + 5)),
            "empty rows numbered on: {text}"
        );
        let size = tool("pdfinfo", &[path.to_str().unwrap()]);
        let wide = size.contains("841.891 x 595.28");
        assert_eq!(wide, landscape, "{size}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_dossier_has_its_parts_a_clickable_toc_and_nested_bookmarks() {
    let dir = tempfile::tempdir().unwrap();
    let data = demo_data().await;
    // The upcoming session, whose previous session has minutes.
    let upcoming = data.iter().find(|d| d.previous.is_some()).unwrap();
    let options = DossierOptions {
        group_by: GroupBy::Kreis,
        ..DossierOptions::default()
    };
    let file = dossier_pdf(upcoming, &options, now()).unwrap();
    let path = save(dir.path(), "mappe.pdf", &file.bytes);
    assert_qpdf_clean(&path);
    let text = text_of(&path);
    for part in [
        "Inhalt",
        "Tagesordnung",
        "Teilnehmende",
        "Offene Aufgaben",
        "Protokoll der Sitzung vom",
    ] {
        assert!(text.contains(part), "{part}");
    }
    assert!(text.contains(&upcoming.session.title));
    assert_fonts_embedded(&path);
    let doc = lopdf::Document::load(&path).unwrap();
    let outline = outline_titles(&doc);
    assert!(outline.contains(&(0, "Tagesordnung".to_string())), "{outline:?}");
    assert!(
        outline
            .iter()
            .any(|(depth, t)| *depth == 1 && t.starts_with("TOP 1 ")),
        "{outline:?}"
    );
    // The table of contents (page 2) links to pages inside the document.
    let pages = doc.get_pages();
    let toc_page = doc.get_dictionary(pages[&2]).unwrap();
    let annots = toc_page.get(b"Annots").unwrap().as_array().unwrap();
    assert!(annots.len() >= 4, "{} links", annots.len());
    for annot in annots {
        let annot = doc.get_dictionary(annot.as_reference().unwrap()).unwrap();
        let dest = annot.get(b"Dest").unwrap().as_array().unwrap();
        let target = dest[0].as_reference().unwrap();
        assert!(pages.values().any(|id| *id == target));
    }
    // Leaving parts out leaves them out.
    let fewer = DossierOptions {
        parts: vec![DossierPart::Tagesordnung],
        ..DossierOptions::default()
    };
    let small = dossier_pdf(upcoming, &fewer, now()).unwrap();
    let text = text_of(&save(dir.path(), "klein.pdf", &small.bytes));
    assert!(!text.contains("Teilnehmende") && !text.contains("Inhalt"));
    assert!(small.pages < file.pages);
    // Nothing ticked is a clear German refusal.
    let none = DossierOptions {
        parts: vec![],
        ..DossierOptions::default()
    };
    let err = dossier_pdf(upcoming, &none, now()).unwrap_err();
    assert!(err.to_string().contains("mindestens einen Teil"));
}

/// The cover page has no running header or footer; the pages after it do, counted from the cover.
/// Without a cover the first page has them.
#[tokio::test(flavor = "multi_thread")]
async fn the_cover_page_has_no_header_or_footer() {
    let dir = tempfile::tempdir().unwrap();
    let data = demo_data().await;
    let upcoming = data.iter().find(|d| d.previous.is_some()).unwrap();
    let page = |path: &Path, n: &str| {
        tool(
            "pdftotext",
            &["-enc", "UTF-8", "-f", n, "-l", n, path.to_str().unwrap(), "-"],
        )
    };
    let file = dossier_pdf(upcoming, &DossierOptions::default(), now()).unwrap();
    let path = save(dir.path(), "mappe.pdf", &file.bytes);
    let cover = page(&path, "1");
    assert!(cover.contains(&upcoming.session.title), "{cover}");
    assert!(!cover.contains("Seite 1 von"), "{cover}");
    // The cover names the kind and the network once, itself; the header and footer would repeat
    // them, and the header leads with "<title> · <date>".
    assert_eq!(cover.matches("Sitzungsmappe").count(), 1, "{cover}");
    assert_eq!(cover.matches("Netzwerk Integration").count(), 1, "{cover}");
    let header = format!("{} ·", upcoming.session.title);
    assert!(!cover.contains(&header), "{cover}");
    let second = page(&path, "2");
    assert!(
        second.contains(&format!("Seite 2 von {}", file.pages)),
        "{second}"
    );
    assert!(second.contains(&header), "{second}");
    let without = DossierOptions {
        parts: DossierOptions::default()
            .parts
            .into_iter()
            .filter(|p| *p != DossierPart::Deckblatt)
            .collect(),
        ..DossierOptions::default()
    };
    let file = dossier_pdf(upcoming, &without, now()).unwrap();
    let path = save(dir.path(), "ohne.pdf", &file.bytes);
    let first = page(&path, "1");
    assert!(first.contains(&format!("Seite 1 von {}", file.pages)), "{first}");
}

/// The dossier carries the previous session's APPROVED minutes: a later session whose minutes are
/// still a draft is passed over for the latest approved ones.
#[tokio::test(flavor = "multi_thread")]
async fn the_dossier_takes_the_latest_approved_minutes_not_a_draft() {
    let store = Store::open_in_memory().await.unwrap();
    demo::fill(&store, now()).await.unwrap();
    let today = berlin::today(now());
    let next = usecase::sessions::find_session(&store, "naechste", today)
        .await
        .unwrap();
    let before = store.session_pdf_data(next.id, today).await.unwrap();
    let approved = before.previous.as_ref().unwrap().session.id;
    // A session yesterday with draft minutes.
    let yesterday = today.pred_opt().unwrap();
    let draft = usecase::sessions::create_session(
        &store,
        netzwerkmappe_core::session::SessionInput {
            title: "Sondersitzung mit Protokollentwurf".into(),
            date: berlin::format_date(yesterday),
            start_time: "10:00".into(),
            ..Default::default()
        },
        now(),
    )
    .await
    .unwrap();
    usecase::minutes::update_minutes(
        &store,
        draft.id,
        netzwerkmappe_core::minutes::MinutesInput {
            minute_taker_name: Some("Erika Muster".into()),
            ..Default::default()
        },
        now(),
    )
    .await
    .unwrap();
    assert!(store.get_minutes(draft.id).await.unwrap().minutes.is_some());
    let after = store.session_pdf_data(next.id, today).await.unwrap();
    let previous = after.previous.as_ref().unwrap();
    assert_eq!(previous.session.id, approved, "the draft was taken");
    let file = dossier_pdf(&after, &DossierOptions::default(), now()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let text = text_of(&save(dir.path(), "mappe.pdf", &file.bytes));
    assert!(!text.contains("Sondersitzung"), "{text}");
}

/// The size measures of issue 12's 200 kB goal: page dictionaries, links and outline packed into
/// compressed object streams, short font resource names (subset tag `NWMFA?`), text placed by
/// relative `Td` steps rounded to 1/100 pt. Each shows in the bytes; dropping one fails here.
#[tokio::test(flavor = "multi_thread")]
async fn the_dossier_is_written_compactly() {
    let dir = tempfile::tempdir().unwrap();
    let data = demo_data().await;
    let upcoming = data.iter().find(|d| d.previous.is_some()).unwrap();
    let file = dossier_pdf(upcoming, &DossierOptions::default(), now()).unwrap();
    let raw = String::from_utf8_lossy(&file.bytes);
    assert!(raw.contains("/ObjStm"), "object streams");
    assert!(
        !raw.contains("/Type /Annot") && !raw.contains("/Type/Annot"),
        "links packed"
    );
    let path = save(dir.path(), "mappe.pdf", &file.bytes);
    let fonts = tool("pdffonts", &[path.to_str().unwrap()]);
    for row in fonts.lines().skip(2) {
        assert!(row.starts_with("NWMFA") && row.as_bytes()[6] == b'+', "{row}");
    }
    let doc = lopdf::Document::load(&path).unwrap();
    let mut placed = 0;
    for page in doc.get_pages().values() {
        let content = String::from_utf8_lossy(&doc.get_page_content(*page)).into_owned();
        assert!(!content.lines().any(|l| l.ends_with(" Tm")), "absolute placement");
        for line in content.lines().filter(|l| l.ends_with(" Td")) {
            placed += 1;
            for number in line.split_whitespace() {
                let decimals = number.split_once('.').map_or(0, |(_, d)| d.len());
                assert!(decimals <= 2, "{line}");
            }
        }
    }
    assert!(placed > 100, "{placed} text placements");
    // Text still extracts after the packing.
    assert!(text_of(&path).contains(&upcoming.session.title));
}

#[tokio::test(flavor = "multi_thread")]
async fn saving_never_overwrites_and_reports_pages() {
    let store = Store::open_in_memory().await.unwrap();
    demo::fill(&store, now()).await.unwrap();
    let found = usecase::sessions::find_session(&store, "naechste", berlin::today(now()))
        .await
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("mappe.pdf");
    let request = PdfRequest {
        kind: PdfKind::Mappe,
        dossier: DossierOptions::default(),
        attendance: AttendanceOptions::default(),
    };
    let saved = store
        .save_session_pdf(found.id, &request, &target, now())
        .await
        .unwrap();
    assert!(saved.pages >= 3);
    assert_eq!(std::fs::metadata(&target).unwrap().len() as usize, saved.bytes);
    assert!(
        store
            .save_session_pdf(found.id, &request, &target, now())
            .await
            .is_err()
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn the_dossier_carries_the_papers_on_the_agenda_with_their_current_text() {
    let data = demo_data().await;
    let with_papers = data
        .iter()
        .find(|d| !d.papers.is_empty())
        .expect("the demo links a paper to a session");
    let file = dossier_pdf(with_papers, &DossierOptions::default(), now()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = save(dir.path(), "mappe-papiere.pdf", &file.bytes);
    let text = text_of(&path);
    assert!(text.contains("Konzeptpapiere"));
    let paper = &with_papers.papers[0];
    assert!(text.contains(&paper.title), "{}", paper.title);
    // The first words of the paper's body text are printed.
    let body = paper.body.plain_text();
    let first_words: String = body.split_whitespace().take(3).collect::<Vec<_>>().join(" ");
    assert!(
        text.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .contains(&first_words),
        "{first_words}"
    );
    let outline = outline_titles(&lopdf::Document::load(&path).unwrap());
    assert!(
        outline.contains(&(0, "Konzeptpapiere".to_string())),
        "{outline:?}"
    );
}

/// The cover logo chosen in the window is kept in the data file (so backups carry it): a file that
/// is not a PNG or is larger than 2 MB is refused with a German message naming the logo, a good
/// one is stored, read back and printed on page 1, and "Logo entfernen" forgets it.
#[tokio::test(flavor = "multi_thread")]
async fn the_logo_is_kept_in_the_data_file_checked_and_printed_on_the_cover() {
    let png = include_bytes!("../../../icons/32x32.png").to_vec();
    let store = Store::open_in_memory().await.unwrap();
    assert!(store.logo().await.unwrap().is_none());

    let not_png = store
        .set_logo("logo.jpg", b"\xff\xd8\xff\xe0 kein PNG".to_vec(), now())
        .await
        .unwrap_err();
    assert!(not_png.to_string().contains("PNG"), "{not_png}");
    let mut huge = png.clone();
    huge.resize(netzwerkmappe_core::settings::LOGO_MAX_BYTES + 1, 0);
    let too_big = store.set_logo("riesig.png", huge, now()).await.unwrap_err();
    assert!(too_big.to_string().contains("2 MB"), "{too_big}");
    assert!(store.logo().await.unwrap().is_none());

    store.set_logo("Wappen.png", png.clone(), now()).await.unwrap();
    let logo = store.logo().await.unwrap().unwrap();
    assert_eq!((logo.name.as_str(), &logo.png), ("Wappen.png", &png));
    // The other settings still read (the logo row is not one of them).
    store.settings().await.unwrap();

    let data = demo_data().await;
    let upcoming = data.iter().find(|d| d.previous.is_some()).unwrap();
    let options = DossierOptions {
        logo_png: Some(logo.png),
        ..DossierOptions::default()
    };
    let dir = tempfile::tempdir().unwrap();
    let file = dossier_pdf(upcoming, &options, now()).unwrap();
    let path = save(dir.path(), "logo.pdf", &file.bytes);
    let images = tool(
        "pdfimages",
        &["-list", "-f", "1", "-l", "1", path.to_str().unwrap()],
    );
    assert!(images.lines().count() >= 3, "an image on page 1: {images}");
    let plain = dossier_pdf(upcoming, &DossierOptions::default(), now()).unwrap();
    let path = save(dir.path(), "ohne-logo.pdf", &plain.bytes);
    let images = tool(
        "pdfimages",
        &["-list", "-f", "1", "-l", "1", path.to_str().unwrap()],
    );
    assert_eq!(images.lines().count(), 2, "no image without a logo: {images}");

    store.remove_logo().await.unwrap();
    assert!(store.logo().await.unwrap().is_none());
}

/// The text of page `n` (from 1).
fn page_text(path: &Path, n: usize) -> String {
    let n = n.to_string();
    tool(
        "pdftotext",
        &["-enc", "UTF-8", "-f", &n, "-l", &n, path.to_str().unwrap(), "-"],
    )
}

fn xmp_of(doc: &lopdf::Document) -> String {
    let catalog = doc.catalog().unwrap();
    let id = catalog.get(b"Metadata").unwrap().as_reference().unwrap();
    String::from_utf8(doc.get_object(id).unwrap().as_stream().unwrap().content.clone()).unwrap()
}

/// A file name as offices write them: too long for the caption line of an attached page.
const LONG_NAME: &str = "2026-11-20 Stellungnahme des Landkreistags Baden-Württemberg zur Neuordnung der \
                         Integrationskursförderung (final, unterschrieben) v3.pdf";

/// Issue 12: "the concept papers on the agenda (…; attached PDFs appended after them if the user
/// wants)". Each attached PDF's pages follow its paper inside the dossier's own frame, so "Seite X
/// von Y", the table of contents and the bookmarks count them; a file protected by a password is
/// left out with its reason (in the dossier and in the notes for the message), one protected only
/// against changes is printed, and a Word file is named, not printed.
#[tokio::test(flavor = "multi_thread")]
async fn the_dossier_appends_the_papers_attached_pdfs_inside_its_frame() {
    let store = Store::open_in_memory().await.unwrap();
    demo::fill(&store, now()).await.unwrap();
    let today = berlin::today(now());
    let mut session_id = None;
    for s in store
        .list_sessions(&SessionFilter::default(), today)
        .await
        .unwrap()
    {
        if !store.list_papers_for_session(s.id).await.unwrap().is_empty() {
            session_id = Some(s.id);
            break;
        }
    }
    let session_id = session_id.expect("the demo links a paper to a session");
    let paper_id = store.list_papers_for_session(session_id).await.unwrap()[0].paper_id;

    // A landscape attendance list of the session: a real PDF of several pages with umlauts.
    let data = store.session_pdf_data(session_id, today).await.unwrap();
    let landscape = attendance_pdf(
        &data,
        &AttendanceOptions {
            landscape: true,
            empty_rows: 60,
        },
        now(),
    )
    .unwrap();
    assert!(landscape.pages >= 2);
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let owner_only = std::fs::read(fixtures.join("nur-besitzerkennwort.pdf")).unwrap();
    let with_password = std::fs::read(fixtures.join("kennwort.pdf")).unwrap();
    let no_printing = std::fs::read(fixtures.join("nicht-druckbar.pdf")).unwrap();
    for (name, bytes) in [
        ("Anwesenheit quer.pdf", landscape.bytes.clone()),
        (LONG_NAME, owner_only),
        ("Geheim.pdf", with_password),
        ("Nicht drucken.pdf", no_printing),
        ("Einladung.docx", b"PK\x03\x04 Word".to_vec()),
    ] {
        store
            .add_attachment(paper_id, None, name, &bytes, "Test", now())
            .await
            .unwrap();
    }
    let dir = tempfile::tempdir().unwrap();

    let without = PdfRequest {
        kind: PdfKind::Mappe,
        dossier: DossierOptions::default(),
        attendance: AttendanceOptions::default(),
    };
    let plain_path = dir.path().join("ohne.pdf");
    let plain = store
        .save_session_pdf(session_id, &without, &plain_path, now())
        .await
        .unwrap();
    assert!(plain.notes.is_empty());
    let plain_text = text_of(&plain_path);
    assert!(
        plain_text.contains("Anlagen (nicht in dieser Mappe):"),
        "{plain_text}"
    );
    assert!(!plain_text.contains("Vertrauliche Stellungnahme"));

    let with = PdfRequest {
        dossier: DossierOptions {
            attachments: true,
            ..DossierOptions::default()
        },
        ..without
    };
    let path = dir.path().join("mit.pdf");
    let saved = store
        .save_session_pdf(session_id, &with, &path, now())
        .await
        .unwrap();
    let bytes = std::fs::read(&path).unwrap();
    save(dir.path(), "mappe-anlagen.pdf", &bytes);
    assert_qpdf_clean(&path);
    let doc = lopdf::Document::load(&path).unwrap();
    let total = doc.get_pages().len();
    assert_eq!(saved.pages, total);
    // Both printable attachments' pages are there (the first may share the paper's last page).
    assert!(
        total >= plain.pages + landscape.pages,
        "{total} pages, {} without, {} attached",
        plain.pages,
        landscape.pages
    );

    // The password-protected one and the one its owner may not have printed are named with
    // their reasons, in the dossier and in the notes.
    assert_eq!(saved.notes.len(), 2, "{:?}", saved.notes);
    assert!(
        saved.notes[0].contains("„Geheim.pdf“") && saved.notes[0].contains("Kennwort"),
        "{:?}",
        saved.notes
    );
    assert!(
        saved.notes[1].contains("„Nicht drucken.pdf“") && saved.notes[1].contains("Drucken nicht erlaubt"),
        "{:?}",
        saved.notes
    );
    let text = text_of(&path);
    assert!(text.contains("Anlage „Geheim.pdf“ ist nicht angefügt"), "{text}");
    assert!(text.contains("Weitere Anlagen (nicht in dieser Mappe): Einladung.docx"));

    // The attached pages carry the dossier's frame: caption, header, "Seite X von Y".
    let stellungnahme = (1..=total)
        .find(|&n| page_text(&path, n).contains("Vertrauliche Stellungnahme"))
        .expect("the owner-protected attachment is printed");
    let page = page_text(&path, stellungnahme);
    assert!(
        page.contains(&format!("Seite {stellungnahme} von {total}")),
        "{page}"
    );
    // The caption keeps its page number; the long file name is shortened.
    assert!(
        page.contains("Seite 1 von 1 · Anlage „2026-11-20 Stellungnahme"),
        "{page}"
    );
    assert!(page.contains('…'), "{page}");
    let last = page_text(&path, total);
    assert!(last.contains(&format!("Seite {total} von {total}")), "{last}");
    let first_attendance = (1..=total)
        .find(|&n| page_text(&path, n).contains("Anlage „Anwesenheit quer.pdf“ zu"))
        .unwrap();
    assert!(page_text(&path, first_attendance).contains("Unterschrift"));

    // Table of contents and bookmarks name the attachments, below their paper.
    assert!(text.contains("Anlage: Anwesenheit quer.pdf"));
    let outline = outline_titles(&doc);
    assert!(
        outline.contains(&(2, "Anlage: Anwesenheit quer.pdf".to_string()))
            && outline.contains(&(2, format!("Anlage: {LONG_NAME}"))),
        "{outline:?}"
    );

    // A PDF written by this program brings font subsets of its own: their tags differ from
    // the dossier's (ISO 32000-1, 9.6.4).
    let fonts = tool("pdffonts", &[path.to_str().unwrap()]);
    let names: Vec<&str> = fonts
        .lines()
        .skip(2)
        .filter_map(|l| l.split_whitespace().next())
        .filter(|n| n.contains('+'))
        .collect();
    let mut unique = names.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(names.len(), unique.len(), "{fonts}");
    assert!(names.iter().any(|n| n.starts_with("NWMX")), "{fonts}");
    // Each page lists only its own attached page, not every one (the cover lists none).
    let pages = doc.get_pages();
    let xobject_names = |page: u32| -> Vec<Vec<u8>> {
        let (resources, _) = doc.get_page_resources(pages[&page]).unwrap();
        resources
            .and_then(|r| r.get(b"XObject").ok())
            .and_then(|x| doc.dereference(x).ok())
            .and_then(|(_, x)| x.as_dict().ok())
            .map(|x| x.iter().map(|(k, _)| k.clone()).collect())
            .unwrap_or_default()
    };
    assert!(!xobject_names(1).iter().any(|n| n.starts_with(b"NWMAnl")));
    let stellungnahme_names = xobject_names(stellungnahme as u32);
    assert_eq!(
        stellungnahme_names
            .iter()
            .filter(|n| n.starts_with(b"NWMAnl"))
            .count(),
        1,
        "{stellungnahme_names:?}"
    );
    assert!(!outline.iter().any(|(_, t)| t.contains("Geheim")));

    // What another program wrote is not ours to vouch for: no PDF/A claim then; without
    // attachments the claim stays.
    assert!(!xmp_of(&doc).contains("pdfaid:part"));
    assert!(xmp_of(&lopdf::Document::load(&plain_path).unwrap()).contains("<pdfaid:part>2</pdfaid:part>"));
}

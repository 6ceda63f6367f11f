//! The papers' attached PDFs appended inside the dossier's frame; protected and damaged files left
//! out with their reason.

use crate::fixtures::*;

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
    let data = usecase::pdf::session_pdf_data(&store, session_id, today)
        .await
        .unwrap();
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
        netzwerkmappe_core::usecase::papers::add_attachment(
            &store,
            paper_id,
            None,
            name,
            &bytes,
            "Test",
            now(),
        )
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
    let plain = usecase::pdf::save_session_pdf(&store, session_id, without.clone(), &plain_path, now())
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
    let saved = usecase::pdf::save_session_pdf(&store, session_id, with.clone(), &path, now())
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

//! The concept papers on the agenda in the dossier, and the cover logo (stored, checked, printed;
//! the one use case for window and command line: a logo given with the request wins).

use crate::fixtures::*;

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
    let png = include_bytes!("../../../../icons/32x32.png").to_vec();
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

/// "Sitzungsmappe als PDF" is one use case for the window and the command line: the saved dossier
/// carries the stored logo, a logo brought with the request (`mappe … --logo BILD.png`) wins over
/// it, and without either the cover has no image.
#[tokio::test(flavor = "multi_thread")]
async fn the_saved_dossier_carries_the_stored_logo_unless_the_request_brings_its_own() {
    let store = Store::open_in_memory().await.unwrap();
    demo::fill(&store, now()).await.unwrap();
    let found = usecase::sessions::find_session(&store, "naechste", berlin::today(now()))
        .await
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let request = PdfRequest {
        kind: PdfKind::Mappe,
        dossier: DossierOptions::default(),
        attendance: AttendanceOptions::default(),
    };
    // The widths of the images on page 1 ("pdfimages -list": type in the 3rd column, width in the 4th).
    let cover_images = |path: &Path| -> Vec<String> {
        tool(
            "pdfimages",
            &["-list", "-f", "1", "-l", "1", path.to_str().unwrap()],
        )
        .lines()
        .skip(2)
        .map(|line| line.split_whitespace().collect::<Vec<_>>())
        // An image's transparency is listed as an "smask" of its own.
        .filter(|columns| columns.get(2) == Some(&"image"))
        .filter_map(|columns| columns.get(3).map(|width| (*width).to_owned()))
        .collect()
    };
    let plain = dir.path().join("ohne.pdf");
    usecase::pdf::save_session_pdf(&store, found.id, request.clone(), &plain, now())
        .await
        .unwrap();
    assert!(cover_images(&plain).is_empty());

    let stored = include_bytes!("../../../../icons/32x32.png").to_vec();
    store.set_logo("Wappen.png", stored, now()).await.unwrap();
    let with_stored = dir.path().join("gespeichert.pdf");
    usecase::pdf::save_session_pdf(&store, found.id, request.clone(), &with_stored, now())
        .await
        .unwrap();
    assert_eq!(cover_images(&with_stored), ["32"]);

    let own = PdfRequest {
        dossier: DossierOptions {
            logo_png: Some(include_bytes!("../../../../icons/64x64.png").to_vec()),
            ..DossierOptions::default()
        },
        ..request
    };
    let with_own = dir.path().join("eigenes.pdf");
    usecase::pdf::save_session_pdf(&store, found.id, own, &with_own, now())
        .await
        .unwrap();
    assert_eq!(cover_images(&with_own), ["64"]);
}

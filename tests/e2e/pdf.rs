//! The PDF export from the session screen, by keyboard: "Als PDF exportieren" → "Sitzungsmappe …"
//! → the contents dialog → "Speichern unter" (answered by the test) → the file exists, is a PDF
//! with pages, and the window says where it is. No viewer opens under the test's dialog override.

use std::path::Path;
use std::process::Command;

use crate::app::{App, with_store};

/// Seeds the data folder with the demo network through the real command line.
fn demo_with_cli(dir: &Path) {
    let out = Command::new(env!("CARGO_BIN_EXE_netzwerkmappe"))
        .arg("--daten")
        .arg(dir)
        .arg("demo")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

/// Opens the next session's screen (the first in the "kommende" list), where the PDF menu is.
async fn open_next_session(app: &App) {
    app.goto("sitzungen").await;
    app.script("location.hash = document.querySelector('#sitzungen-kommende-zeilen a').getAttribute('href')")
        .await;
    app.wait_for("#sitzung-pdf").await;
}

/// The files saved into `folder` (the test answers "Speichern unter" with it).
fn saved_files(folder: &Path) -> Vec<std::path::PathBuf> {
    std::fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect()
}

/// `pdftotext` of a whole file (`pages` None) or of pages `first..=last`.
fn pdf_text(path: &Path, pages: Option<(usize, usize)>) -> String {
    let mut cmd = Command::new("pdftotext");
    cmd.args(["-enc", "UTF-8"]);
    if let Some((first, last)) = pages {
        cmd.args(["-f", &first.to_string(), "-l", &last.to_string()]);
    }
    let out = cmd.arg(path).arg("-").output().unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[tokio::test]
async fn export_a_sitzungsmappe_from_the_session_screen() {
    let app = App::start_with(demo_with_cli).await;
    open_next_session(&app).await;
    let folder = app.data_dir.path().join("pdf");
    std::fs::create_dir_all(&folder).unwrap();
    app.answer_file_dialog(&folder);

    app.press("#sitzung-pdf").await;
    app.press("#sitzung-pdf-mappe").await;
    app.wait_for("#pdf-speichern").await;
    // Leave the cover out (Space on the focused checkbox, as a keyboard user ticks).
    app.tick("#pdf-teil-deckblatt").await;
    app.press("#pdf-speichern").await;
    app.until(
        "saved message",
        "document.getElementById('meldungen').textContent.includes('Das PDF wurde gespeichert')",
    )
    .await;
    let files = saved_files(&folder);
    assert_eq!(files.len(), 1, "{files:?}");
    let name = files[0].file_name().unwrap().to_str().unwrap().to_owned();
    assert!(
        name.starts_with("Sitzungsmappe_") && name.ends_with(".pdf"),
        "{name}"
    );
    let doc = lopdf::Document::load(&files[0]).unwrap();
    let pages = doc.get_pages().len();
    assert!(pages >= 3, "{pages} pages");
    let message = app.text("#meldungen").await;
    assert!(message.contains(&format!("{pages} Seiten")), "{message}");
    // The cover was left out: the first page is the table of contents.
    let first = pdf_text(&files[0], Some((1, 1)));
    assert!(first.contains("Inhalt"), "{first}");
    app.quit().await;
}

/// Not a test: pictures of the PDF menu and the Sitzungsmappe dialog (`SCREENSHOT_DIR`, default
/// target/screenshots).
#[tokio::test]
#[ignore = "run by hand for screenshots"]
async fn pdf_screenshots() {
    let app = App::start_with(demo_with_protected_attachment).await;
    app.client.set_window_rect(0, 0, 1366, 768).await.unwrap();
    open_next_session(&app).await;
    app.press("#sitzung-pdf").await;
    app.wait_for("#sitzung-pdf-mappe").await;
    crate::screenshots::save(&app, "sitzung-pdf-menue").await;
    app.press("#sitzung-pdf-mappe").await;
    app.wait_for("#pdf-speichern").await;
    // The modal is in the DOM before it is painted on the X display.
    tokio::time::sleep(std::time::Duration::from_millis(600)).await;
    crate::screenshots::save(&app, "sitzung-pdf-mappe-dialog").await;
    let folder = app.data_dir.path().join("pdf");
    std::fs::create_dir_all(&folder).unwrap();
    app.answer_file_dialog(&folder);
    app.tick("#pdf-anlagen").await;
    app.press("#pdf-speichern").await;
    app.until("warning", "document.getElementById('hinweis-warnung')")
        .await;
    crate::screenshots::save(&app, "sitzung-pdf-anlagen-hinweis").await;
    app.quit().await;
}

/// "Logo wählen …" in the Sitzungsmappe's contents dialog, by keyboard: a file that is not a PNG is
/// refused with a German message inside the dialog, a PNG is taken (its name shown with "Logo
/// entfernen"), the exported dossier has an image on page 1, and the next dialog remembers it.
#[tokio::test]
async fn choose_a_logo_in_the_dossier_dialog_and_export_it() {
    let app = App::start_with(demo_with_cli).await;
    open_next_session(&app).await;
    let fake = app.data_dir.path().join("kein-bild.png");
    std::fs::write(&fake, "Das ist kein Bild").unwrap();
    let logo = app.data_dir.path().join("Wappen.png");
    std::fs::write(&logo, include_bytes!("../../icons/32x32.png")).unwrap();
    let folder = app.data_dir.path().join("pdf");
    std::fs::create_dir_all(&folder).unwrap();

    app.press("#sitzung-pdf").await;
    app.press("#sitzung-pdf-mappe").await;
    app.wait_for("#pdf-logo-waehlen").await;
    assert!(app.text("#pdf-logo-name").await.contains("Kein Logo"));
    app.answer_file_dialog(&fake);
    app.press("#pdf-logo-waehlen").await;
    app.until(
        "logo refused",
        "document.getElementById('pdf-logo-fehler').textContent.includes('kein PNG-Bild')",
    )
    .await;
    app.answer_file_dialog(&logo);
    app.press("#pdf-logo-waehlen").await;
    app.until(
        "logo chosen",
        "document.getElementById('pdf-logo-name').textContent.includes('Wappen.png')",
    )
    .await;
    app.answer_file_dialog(&folder);
    app.press("#pdf-speichern").await;
    app.until(
        "saved message",
        "document.getElementById('meldungen').textContent.includes('Das PDF wurde gespeichert')",
    )
    .await;
    let files = saved_files(&folder);
    assert_eq!(files.len(), 1, "{files:?}");
    let images = Command::new("pdfimages")
        .args(["-list", "-f", "1", "-l", "1"])
        .arg(&files[0])
        .output()
        .unwrap();
    let images = String::from_utf8_lossy(&images.stdout);
    assert!(images.lines().count() >= 3, "an image on page 1: {images}");

    // Remembered: the next dialog shows it, and "Logo entfernen" forgets it.
    app.press("#sitzung-pdf-mappe").await;
    app.until(
        "logo remembered",
        "document.getElementById('pdf-logo-name')?.textContent.includes('Wappen.png')",
    )
    .await;
    app.press("#pdf-logo-entfernen").await;
    app.until(
        "logo removed",
        "document.getElementById('pdf-logo-name').textContent.includes('Kein Logo')",
    )
    .await;
    app.quit().await;
}

/// The demo network plus a password-protected PDF attached to the paper on the next session's
/// agenda (written through the store on a runtime of its own).
fn demo_with_protected_attachment(dir: &Path) {
    demo_with_cli(dir);
    let protected = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("src-tauri/core/tests/fixtures/kennwort.pdf"),
    )
    .unwrap();
    with_store(dir, |store| async move {
        let papers = store.list_papers(&Default::default()).await.unwrap();
        let rural = papers
            .iter()
            .find(|p| p.title == "Sprache im ländlichen Raum")
            .unwrap();
        netzwerkmappe_core::usecase::papers::add_attachment(
            &store,
            rural.id,
            None,
            "Geheim.pdf",
            &protected,
            "Test",
            chrono::Utc::now(),
        )
        .await
        .unwrap();
    });
}

/// "PDF-Anhänge der Konzeptpapiere anfügen", by keyboard: it follows the "Konzeptpapiere" tick
/// (disabled without it); ticked, the working group's survey is printed after its paper, and the
/// password-protected attachment is named in a warning with the reason, in the window and the PDF.
#[tokio::test]
async fn export_a_sitzungsmappe_with_the_papers_attached_pdfs() {
    let app = App::start_with(demo_with_protected_attachment).await;
    open_next_session(&app).await;
    let folder = app.data_dir.path().join("pdf");
    std::fs::create_dir_all(&folder).unwrap();
    app.answer_file_dialog(&folder);

    app.press("#sitzung-pdf").await;
    app.press("#sitzung-pdf-mappe").await;
    app.wait_for("#pdf-speichern").await;
    assert_eq!(
        app.script("return document.getElementById('pdf-anlagen').disabled")
            .await,
        serde_json::json!(false)
    );
    // Without the papers there is nothing to attach to.
    app.tick("#pdf-teil-papiere").await;
    app.until("disabled", "document.getElementById('pdf-anlagen').disabled")
        .await;
    app.tick("#pdf-teil-papiere").await;
    app.until("enabled", "!document.getElementById('pdf-anlagen').disabled")
        .await;
    app.tick("#pdf-anlagen").await;
    app.until("ticked", "document.getElementById('pdf-anlagen').checked")
        .await;
    app.press("#pdf-speichern").await;
    app.until(
        "warning",
        "(document.getElementById('hinweis-warnung') || {textContent: ''}).textContent.includes('Geheim.pdf')",
    )
    .await;
    let warning = app.text("#hinweis-warnung").await;
    assert!(
        warning.contains("Das PDF wurde gespeichert") && warning.contains("Kennwort"),
        "{warning}"
    );
    let files = saved_files(&folder);
    assert_eq!(files.len(), 1, "{files:?}");
    let text = pdf_text(&files[0], None);
    assert!(
        text.contains("Erhebung: Wartezeiten auf Integrationskurse"),
        "{text}"
    );
    assert!(text.contains("Anlage „Geheim.pdf“ ist nicht angefügt"), "{text}");
    app.quit().await;
}

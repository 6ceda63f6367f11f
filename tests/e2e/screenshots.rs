//! Not a test: `make screenshots` walks through the screens and saves a PNG of each into
//! `$SCREENSHOT_DIR` (default target/screenshots), for looking at what a person sees.

use crate::app::App;

pub async fn save(app: &App, name: &str) {
    let dir = std::env::var("SCREENSHOT_DIR").unwrap_or_else(|_| "target/screenshots".into());
    std::fs::create_dir_all(&dir).unwrap();
    let file = format!("{dir}/{name}.png");
    // The X display's picture (ImageMagick `import`) where there is one: WebKitWebDriver's own
    // screenshot command sometimes never answers (always while a modal <dialog> is open, and
    // after some focus changes), which hung whole test runs.
    let captured = std::env::var_os("DISPLAY").is_some()
        && std::process::Command::new("import")
            .args(["-window", "root", &file])
            .status()
            .is_ok_and(|s| s.success());
    if !captured {
        let png = app.client.screenshot().await.unwrap();
        std::fs::write(file, png).unwrap();
    }
}

#[tokio::test]
#[ignore = "run by `make screenshots`"]
async fn screenshots() {
    let app = App::start().await;
    app.goto("organisationen/neu").await;
    app.wait_for("input[name='org-name']")
        .await
        .send_keys("Landratsamt Tübingen")
        .await
        .unwrap();
    app.wait_for("input[name='org-name']")
        .await
        .send_keys("\u{E007}")
        .await
        .unwrap();
    app.until("saved", "/^#\\/organisationen\\/\\d+$/.test(location.hash)")
        .await;
    save(&app, "organisation-gespeichert").await;
    app.goto("kontakte/neu").await;
    save(&app, "kontakt-neu").await;
    app.wait_for("input[name='vorname']")
        .await
        .send_keys("Anna")
        .await
        .unwrap();
    app.wait_for("input[name='nachname']")
        .await
        .send_keys("\u{E007}")
        .await
        .unwrap();
    app.until("error", "document.querySelector('#meldungen [role=alert]')")
        .await;
    save(&app, "kontakt-fehler").await;
    app.wait_for("input[name='nachname']")
        .await
        .send_keys("Müller\u{E007}")
        .await
        .unwrap();
    app.until("saved", "/^#\\/kontakte\\/\\d+$/.test(location.hash)")
        .await;
    app.goto("kontakte").await;
    app.wait_for("#kontakte-suche")
        .await
        .send_keys("mueller")
        .await
        .unwrap();
    app.until(
        "hit",
        "document.querySelectorAll('#kontakte-zeilen tr').length === 1",
    )
    .await;
    save(&app, "kontakte-suche").await;
    app.click("#kontakte-importieren").await;
    let sample = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/samples/contacts/outlook-de-windows1252.csv"
    );
    app.answer_file_dialog(std::path::Path::new(sample));
    app.press("#import-waehlen").await;
    app.until("preview", "document.getElementById('import-zusammenfassung')")
        .await;
    save(&app, "import-vorschau").await;
    app.quit().await;
}

//! The Hilfe in the real window, by keyboard: F1 from a screen opens the Benutzerhandbuch at that
//! screen's chapter and Escape goes back; Info leads to it, and its contents list reaches every
//! chapter. Not a test, `guide_pictures` (`make guide-screenshots`): the pictures of
//! docs/Benutzerhandbuch.md, taken from this build on the demo network at 1366×768.

use std::path::Path;
use std::process::Command;

use serde_json::json;

use crate::app::App;

const F1: &str = "\u{E031}";
const ESCAPE: &str = "\u{E00C}";
const DOWN: &str = "\u{E015}";

async fn keys(app: &App, text: &str) {
    app.client
        .active_element()
        .await
        .unwrap()
        .send_keys(text)
        .await
        .unwrap();
}

#[tokio::test]
async fn f1_opens_the_guide_at_the_chapter_of_the_screen_and_escape_goes_back() {
    let app = App::start().await;
    app.script("document.getElementById('nav-kontakte').focus()")
        .await;
    keys(&app, F1).await;
    app.until(
        "the guide",
        "location.hash === '#/hilfe/kontakte' \
         && document.getElementById('hilfe-titel')?.textContent === 'Benutzerhandbuch Netzwerkmappe'",
    )
    .await;
    // Focus on the chapter about the contacts screen, a heading of the page's outline.
    app.until(
        "the chapter focused",
        "document.activeElement?.tagName === 'H2' \
         && document.activeElement.textContent === 'Kontakte und Organisationen'",
    )
    .await;
    assert_eq!(app.client.title().await.unwrap(), "Hilfe – Netzwerkmappe");
    let outline = app
        .script(
            "return {
               h1: document.querySelectorAll('#ansicht h1').length,
               chapters: document.querySelectorAll('#hilfe-text h2').length,
               contents: document.querySelectorAll('#hilfe-inhalt a').length,
               nav: document.querySelector('nav[aria-labelledby=hilfe-inhalt-titel]') !== null,
               captions: [...document.querySelectorAll('#hilfe-text em')]
                 .filter(e => e.textContent.startsWith('Abbildung: ')).length,
               current: document.getElementById('nav-hilfe').getAttribute('aria-current'),
             }",
        )
        .await;
    assert_eq!(outline["h1"], json!(1), "{outline}");
    assert!(outline["chapters"].as_u64().unwrap() >= 12, "{outline}");
    assert_eq!(outline["chapters"], outline["contents"], "{outline}");
    assert_eq!(outline["nav"], json!(true), "{outline}");
    // The pictures are not shipped with the app: each shows as its caption.
    assert!(outline["captions"].as_u64().unwrap() >= 8, "{outline}");
    assert_eq!(outline["current"], json!("page"), "{outline}");

    keys(&app, ESCAPE).await;
    // The app started without an address; the contacts screen is its default.
    app.until(
        "back on the contacts",
        "!location.hash.startsWith('#/hilfe') && document.querySelector('#ansicht h1')?.textContent === 'Kontakte'",
    )
    .await;
    // F1 on a session's minutes opens the chapter on minutes.
    app.goto("sitzungen").await;
    keys(&app, F1).await;
    app.until(
        "the sessions chapter",
        "location.hash === '#/hilfe/sitzungen' \
         && document.activeElement?.textContent === 'Eine Sitzung planen'",
    )
    .await;
    let problems = app.script("return window.__netzwerkmappeProblems").await;
    assert_eq!(problems, json!([]));
    app.quit().await;
}

#[tokio::test]
async fn info_leads_to_the_guide_and_its_contents_reach_every_chapter() {
    let app = App::start().await;
    app.goto("info").await;
    app.press("#info-hilfe-oeffnen").await;
    app.until(
        "the guide",
        "location.hash === '#/hilfe' && document.activeElement?.id === 'hilfe-titel'",
    )
    .await;
    // Enter on an entry of the contents list moves the focus to that chapter's heading.
    let entry = app
        .script(
            "const a = [...document.querySelectorAll('#hilfe-inhalt a')]
               .find(a => a.textContent === 'Datensicherung');
             a.id = 'test-eintrag'; return a.getAttribute('href')",
        )
        .await;
    app.press("#test-eintrag").await;
    app.until(
        "the chapter",
        &format!(
            "'#' + document.activeElement?.id === {entry} \
             && document.activeElement.textContent === 'Datensicherung'"
        ),
    )
    .await;
    // The guide's links stay text with their target shown; nothing in it is followed or loaded.
    let loaded = app
        .script(
            "return document.querySelectorAll('#hilfe-text img, #hilfe-text a, #hilfe-text script').length",
        )
        .await;
    assert_eq!(loaded, json!(0));
    app.press("#hilfe-zurueck").await;
    app.until("back on Info", "location.hash === '#/info'").await;
    let problems = app.script("return window.__netzwerkmappeProblems").await;
    assert_eq!(problems, json!([]));
    app.quit().await;
}

/// One picture of the guide: the X display's picture in docs/bilder, cut down to 256 colours
/// (flat interface colours and text: a third of the bytes, nothing visible lost).
async fn shot(app: &App, name: &str) {
    // WebDriver scrolls the whole page to reach an element it types into; the app's own scroll
    // area is <main>. Back to the top, and a moment for the window to paint (a modal dialog too).
    app.script("window.scrollTo(0, 0)").await;
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/bilder");
    crate::screenshots::save_into(app, &dir, name).await;
    let file = dir.join(format!("{name}.png"));
    let status = Command::new("convert")
        .arg(&file)
        .args(["+dither", "-colors", "256", "-strip"])
        .arg(format!("PNG8:{}", file.display()))
        .status()
        .expect("ImageMagick's convert");
    assert!(status.success(), "convert {name}.png");
}

/// Scrolls the main area (the app's scroll container) so that `css` is at its top.
async fn scroll_to(app: &App, css: &str) {
    app.script(&format!(
        "const m = document.getElementById('inhalt'); const t = document.querySelector(\"{css}\");
         m.scrollTop += t.getBoundingClientRect().top - m.getBoundingClientRect().top - 16;"
    ))
    .await;
}

/// A contacts file as Outlook's German export writes it (saved as "CSV UTF-8"): three new people,
/// one row twice, one broken e-mail address.
fn outlook_file(dir: &Path) -> std::path::PathBuf {
    let file = dir.join("Kontakte.csv");
    let csv = "\u{FEFF}\"Anrede\",\"Vorname\",\"Nachname\",\"Firma\",\"Position\",\"E-Mail-Adresse\",\"Telefon geschäftlich\",\"Ort geschäftlich\"\r\n\
        \"Frau\",\"Sabine\",\"Krämer\",\"Landratsamt Tübingen\",\"Integrationsbeauftragte\",\"sabine.kraemer@kreis-tuebingen.example\",\"07071 207-0\",\"Tübingen\"\r\n\
        \"Herr\",\"Kemal\",\"Öztürk\",\"Stadt Mannheim\",\"Integrationsbeauftragter\",\"kemal.oeztuerk@mannheim.example\",\"0621 293-0\",\"Mannheim\"\r\n\
        \"Frau\",\"Jana\",\"Vogel\",\"Caritasverband für Stuttgart\",\"Migrationsberatung\",\"jana.vogel@caritas-stuttgart.example\",\"0711 7050-0\",\"Stuttgart\"\r\n\
        \"Frau\",\"Sabine\",\"Krämer\",\"Landratsamt Tübingen\",\"Integrationsbeauftragte\",\"sabine.kraemer@kreis-tuebingen.example\",\"07071 207-0\",\"Tübingen\"\r\n\
        \"Herr\",\"Jonas\",\"Weber\",\"Stadt Ulm\",\"Sachgebiet Integration\",\"jonas.weber.ulm.example\",\"0731 161-0\",\"Ulm\"\r\n";
    std::fs::write(&file, csv).unwrap();
    file
}

/// Not a test: `make guide-screenshots` writes the pictures the guide shows into docs/bilder,
/// from this build, on a fresh data folder: the greeting, then the demo network loaded by its
/// button, walked through by keyboard.
#[tokio::test]
#[ignore = "run by `make guide-screenshots`"]
async fn guide_pictures() {
    let app = App::start().await;
    app.client.set_window_rect(0, 0, 1366, 768).await.unwrap();
    app.until("greeting", "document.getElementById('kontakte-beispiel')")
        .await;
    shot(&app, "erster-start").await;

    app.press("#kontakte-beispiel").await;
    app.until(
        "demo network",
        "document.querySelectorAll('#kontakte-zeilen tr').length >= 20",
    )
    .await;
    shot(&app, "kontakte").await;

    app.press("#kontakte-importieren").await;
    app.until("import screen", "document.getElementById('import-waehlen')")
        .await;
    app.answer_file_dialog(&outlook_file(app.data_dir.path()));
    app.press("#import-waehlen").await;
    app.until("preview", "document.getElementById('import-optionen')")
        .await;
    scroll_to(&app, "#import-vorschau h2").await;
    shot(&app, "import-vorschau").await;

    // The upcoming session: its head, then its Tagesordnung.
    app.goto("sitzungen").await;
    let href = app
        .script("return document.querySelector('#sitzungen-kommende-zeilen a').getAttribute('href')")
        .await;
    let route = href.as_str().unwrap().trim_start_matches("#/").to_owned();
    app.goto(&route).await;
    app.until("agenda", "document.getElementById('tagesordnung-tabelle')")
        .await;
    shot(&app, "sitzung").await;
    scroll_to(&app, "#tagesordnung-titel").await;
    shot(&app, "tagesordnung").await;

    // The PDF menu's Sitzungsmappe dialog, closed again with Escape.
    app.press("#sitzung-pdf").await;
    app.press("#sitzung-pdf-mappe").await;
    app.until("dialog", "document.querySelector('dialog[open] #pdf-speichern')")
        .await;
    shot(&app, "mappe-dialog").await;
    keys(&app, ESCAPE).await;
    app.until("dialog closed", "!document.querySelector('dialog[open]')")
        .await;

    // Its minutes, a draft: a discussion typed into TOP 1 and saved while typing.
    app.press("#sitzung-protokoll").await;
    app.until("minutes", "document.querySelector('.minutes-top textarea')")
        .await;
    // The main area scrolls on its own; WebKitWebDriver does not scroll inside it.
    app.script(
        "const t = document.querySelector('.minutes-top textarea');
         t.scrollIntoView({block: 'center'}); t.focus();",
    )
    .await;
    keys(
        &app,
        "Frau Demir begrüßt die Teilnehmenden. Die Tagesordnung wird ohne Änderungen angenommen.",
    )
    .await;
    app.until(
        "saved",
        "document.getElementById('protokoll-speicherstand').textContent.includes('gespeichert')",
    )
    .await;
    scroll_to(&app, "#anwesenheit-titel").await;
    shot(&app, "protokoll").await;

    app.goto("aufgaben").await;
    app.until(
        "tasks",
        "document.querySelectorAll('#aufgaben-zeilen tr').length >= 2",
    )
    .await;
    shot(&app, "aufgaben").await;

    // The paper in Abstimmung: its editor with the restored draft and the preview.
    app.goto("konzeptpapiere").await;
    app.until(
        "papers",
        "document.querySelectorAll('#papiere-zeilen tr').length >= 2",
    )
    .await;
    let id = app
        .script(
            "const r = [...document.querySelectorAll('#papiere-zeilen tr')]
               .find(r => r.textContent.includes('in Abstimmung'));
             return r ? r.dataset.id : null",
        )
        .await;
    app.goto(&format!("konzeptpapiere/{}", id.as_str().unwrap()))
        .await;
    app.until("preview", "document.querySelector('#papier-vorschau')")
        .await;
    shot(&app, "papier").await;

    // The search box from anywhere with "/", hits of several kinds.
    app.script("document.getElementById('nav-sitzungen').focus()")
        .await;
    keys(&app, "/").await;
    keys(&app, "wohn").await;
    app.until(
        "hits",
        "document.querySelectorAll('#suche-global-liste [role=option]').length > 3",
    )
    .await;
    keys(&app, DOWN).await;
    keys(&app, DOWN).await;
    shot(&app, "suche").await;
    keys(&app, ESCAPE).await;
    keys(&app, ESCAPE).await;

    // A person's Datenschutz page, reached from the contact form.
    app.goto("kontakte").await;
    let href = app
        .script("return document.querySelector('#kontakte-zeilen a').getAttribute('href')")
        .await;
    let route = href.as_str().unwrap().trim_start_matches("#/").to_owned();
    app.goto(&route).await;
    app.press("#kontakt-datenschutz").await;
    app.until("privacy page", "document.getElementById('auskunft-uebersicht')")
        .await;
    shot(&app, "datenschutz").await;

    // Last, so the day's automatic backup (made a few seconds after the start) is listed.
    app.goto("datensicherung").await;
    app.until("a backup", "document.getElementById('sicherung-tabelle')")
        .await;
    app.press("#sicherung-pruefen").await;
    app.until(
        "checked",
        "document.getElementById('sicherung-pruefung').textContent.includes('keine Fehler')",
    )
    .await;
    shot(&app, "datensicherung").await;
    app.quit().await;
}

//! Exports in the real window: the filtered list as CSV for Excel, and a selection gathered over
//! two searches as vCard; both files are read back.

use crate::app::App;

const SAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/samples/contacts");

/// Types into the search box and waits until the list shows `rows` rows.
async fn search(app: &App, text: &str, rows: usize) {
    app.client
        .execute(
            "const s = document.getElementById('kontakte-suche'); s.focus(); s.select();",
            vec![],
        )
        .await
        .unwrap();
    let keys = if text.is_empty() { "\u{E003}" } else { text };
    app.wait_for("#kontakte-suche")
        .await
        .send_keys(keys)
        .await
        .unwrap();
    // The status names the whole query once the last keystroke's answer is shown (earlier
    // answers for shorter prefixes may have the same row count).
    let status = if text.is_empty() {
        "!document.getElementById('kontakte-status').textContent.includes('für')".to_owned()
    } else {
        format!("document.getElementById('kontakte-status').textContent.includes('„{text}“')")
    };
    app.until(
        &format!("{rows} rows for {text:?}"),
        &format!("{status} && document.querySelectorAll('#kontakte-zeilen tr').length === {rows}"),
    )
    .await;
}

/// Opens the "Exportieren" menu and presses one of its entries, by keyboard.
async fn export(app: &App, css: &str) {
    press(app, "#kontakte-export-knopf").await;
    press(app, css).await;
}

/// A button's label, also while it sits in the closed menu (WebDriver's text is empty then).
async fn button_text(app: &App, css: &str) -> String {
    app.script(&format!("return document.querySelector('{css}').textContent"))
        .await
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

async fn press(app: &App, css: &str) {
    app.press(css).await;
}

/// Ticks a checkbox the keyboard way (Space), as screen-reader and keyboard users do.
async fn tick(app: &App, css: &str) {
    app.wait_for(css).await.send_keys(" ").await.unwrap();
}

/// The export saved under the name "Speichern unter" suggested (`Kontakte_<heute>.<ext>`) in the
/// folder the test's dialog answered with.
fn exported(app: &App, ext: &str) -> Vec<u8> {
    let name = format!("Kontakte_{}.{ext}", chrono::Local::now().format("%Y-%m-%d"));
    let file = app.data_dir.path().join("exporte").join(&name);
    std::fs::read(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()))
}

/// The cells of the column headed `header` in a CSV export, in file order.
fn csv_column(csv: &[u8], header: &str) -> Vec<String> {
    let text = String::from_utf8(csv[3..].to_vec()).unwrap();
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(text.as_bytes());
    let column = reader
        .headers()
        .unwrap()
        .iter()
        .position(|h| h == header)
        .unwrap_or_else(|| panic!("no column {header}"));
    reader.records().map(|r| r.unwrap()[column].to_owned()).collect()
}

#[tokio::test]
async fn export_the_list_as_csv_and_a_selection_as_vcard() {
    let app = App::start_with(|dir| {
        crate::app::import_with_cli(
            dir,
            std::path::Path::new(&format!("{SAMPLES}/excel-de-semicolon-utf8-bom.csv")),
        );
    })
    .await;
    app.goto("kontakte").await;
    app.until(
        "rows",
        "document.querySelectorAll('#kontakte-zeilen tr').length > 3",
    )
    .await;
    let total = app
        .script("return document.querySelectorAll('#kontakte-zeilen tr').length")
        .await
        .as_u64()
        .unwrap() as usize;

    // "Speichern unter" cancelled: nothing is written, nothing is reported.
    app.answer_file_dialog(std::path::Path::new(""));
    export(&app, "#kontakte-exportieren").await;
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert_eq!(app.text("#meldungen").await, "");
    assert!(!app.data_dir.path().join("exporte").exists());

    // CSV of the whole list into the folder the dialog opened, under the suggested name: BOM,
    // semicolons, umlauts, one line per contact.
    let folder = app.data_dir.path().join("exporte");
    std::fs::create_dir_all(&folder).unwrap();
    app.answer_file_dialog(&folder);
    export(&app, "#kontakte-exportieren").await;
    app.until(
        "saved",
        "document.getElementById('meldungen').textContent.includes('als CSV')",
    )
    .await;
    let csv = exported(&app, "csv");
    assert!(csv.starts_with("\u{feff}Anrede;Titel;Vorname;Nachname;Funktion;Organisation;".as_bytes()));
    let text = String::from_utf8(csv[3..].to_vec()).unwrap();
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(text.as_bytes());
    let lines: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(lines.len(), total);
    assert!(
        lines
            .iter()
            .any(|r| &r[3] == "Müller" && &r[5] == "Landratsamt Tübingen")
    );

    // Sort by Organisation (German order), then back by name; the header says how it is sorted.
    let organisations =
        "[...document.querySelectorAll('#kontakte-zeilen tr')].map(r => r.children[3].textContent)";
    let is_sorted = format!(
        "(() => {{ const v = {organisations}; return v.every((x, i) => i === 0 || v[i - 1].localeCompare(x, 'de') <= 0); }})()"
    );
    press(&app, "#kontakte-sort-organisation").await;
    app.until("sorted by organisation", &is_sorted).await;
    assert_eq!(
        app.script("return document.querySelector('#kontakte-sort-organisation').closest('th').getAttribute('aria-sort')")
            .await,
        "ascending"
    );
    // The export follows the order on screen, into the file the person named.
    let shown: Vec<String> =
        serde_json::from_value(app.script(&format!("return {organisations}")).await).unwrap();
    let sorted_file = folder.join("nach-organisation.csv");
    app.answer_file_dialog(&sorted_file);
    export(&app, "#kontakte-exportieren").await;
    app.until(
        "saved sorted",
        "document.getElementById('meldungen').textContent.includes('nach-organisation.csv')",
    )
    .await;
    assert_eq!(
        csv_column(&std::fs::read(&sorted_file).unwrap(), "Organisation"),
        shown
    );
    // The same name again: refused with a German message, the file stays as it was.
    export(&app, "#kontakte-exportieren").await;
    app.until(
        "refused",
        "document.getElementById('meldungen').textContent.includes('gibt es schon')",
    )
    .await;
    app.answer_file_dialog(&folder);
    press(&app, "#kontakte-sort-name").await;
    app.until(
        "sorted by name",
        "document.querySelector('#kontakte-sort-name').closest('th').getAttribute('aria-sort') === 'ascending'",
    )
    .await;

    // Select Müller, search again, select Öztürk too: the selection survives the new search.
    search(&app, "mueller", 1).await;
    tick(&app, "#kontakte-zeilen input[type=checkbox]").await;
    app.until(
        "one selected",
        "document.getElementById('kontakte-auswahl').textContent.startsWith('1 Kontakt ausgewählt')",
    )
    .await;
    search(&app, "ozturk", 1).await;
    tick(&app, "#kontakte-zeilen input[type=checkbox]").await;
    assert_eq!(
        app.script("return document.getElementById('kontakte-vcard').textContent")
            .await,
        "Auswahl als vCard (2)"
    );
    search(&app, "", total).await;
    let checked = app
        .script("return document.querySelectorAll('#kontakte-zeilen input:checked').length")
        .await;
    assert_eq!(checked, 2);
    assert_eq!(
        app.script("return document.getElementById('kontakte-alle').indeterminate")
            .await,
        true
    );

    crate::screenshots::save(&app, "kontakte-auswahl").await;
    export(&app, "#kontakte-vcard").await;
    app.until(
        "saved",
        "document.getElementById('meldungen').textContent.includes('als vCard')",
    )
    .await;
    let cards = netzwerkmappe_core::import::parse_vcards(&exported(&app, "vcf")).unwrap();
    crate::screenshots::save(&app, "kontakte-vcard-gespeichert").await;
    let names: Vec<_> = cards.iter().map(|c| c.last_name.clone().unwrap()).collect();
    assert_eq!(names, ["Müller", "Öztürk"]);
    assert_eq!(cards[1].title.as_deref(), Some("Dr."));
    assert_eq!(cards[0].organisation.as_deref(), Some("Landratsamt Tübingen"));

    // The same selection as one file per person (Outlook desktop reads one card per file).
    export(&app, "#kontakte-vcard-zip").await;
    app.until(
        "zip saved",
        "document.getElementById('meldungen').textContent.includes('als einzelne vCards (ZIP)')",
    )
    .await;
    let zip = exported(&app, "zip");
    assert!(zip.starts_with(b"PK\x03\x04"));
    assert_eq!(zip.windows(4).filter(|w| w == b"PK\x01\x02").count(), 2);
    let has = |name: &str| zip.windows(name.len()).any(|w| w == name.as_bytes());
    assert!(has("Müller_Anna.vcf") && has("Öztürk_"), "entry names");

    // The CSV export writes the selection too (e.g. for a mail merge), in screen order.
    assert_eq!(
        button_text(&app, "#kontakte-exportieren").await,
        "Auswahl als CSV (2)"
    );
    let selection_file = app.data_dir.path().join("exporte").join("auswahl.csv");
    app.answer_file_dialog(&selection_file);
    export(&app, "#kontakte-exportieren").await;
    app.until(
        "selection saved",
        "document.getElementById('meldungen').textContent.includes('auswahl.csv')",
    )
    .await;
    assert_eq!(
        csv_column(&std::fs::read(&selection_file).unwrap(), "Nachname"),
        ["Müller", "Öztürk"]
    );

    // "Auswahl aufheben": the buttons act on the whole list again.
    press(&app, "#kontakte-auswahl-aufheben").await;
    assert_eq!(
        app.script("return document.getElementById('kontakte-vcard').textContent")
            .await,
        "Als vCard exportieren"
    );
    assert_eq!(
        button_text(&app, "#kontakte-exportieren").await,
        "Liste als CSV exportieren"
    );
    assert_eq!(
        app.script("return window.__netzwerkmappeProblems").await,
        serde_json::json!([])
    );
    app.quit().await;
}

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

/// Presses a button the keyboard way (Enter). WebKitWebDriver's mouse clicks sometimes land
/// beside buttons of this screen, so keyboard use is what these steps check.
async fn press(app: &App, css: &str) {
    app.wait_for(css).await.send_keys("\u{E007}").await.unwrap();
}

/// Ticks a checkbox the keyboard way (Space), as screen-reader and keyboard users do.
async fn tick(app: &App, css: &str) {
    app.wait_for(css).await.send_keys(" ").await.unwrap();
}

fn exported(app: &App, ext: &str) -> Vec<u8> {
    let dir = app.data_dir.path().join("exporte");
    let file = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == ext))
        .unwrap_or_else(|| panic!("no .{ext} in {}", dir.display()));
    std::fs::read(file).unwrap()
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

    // CSV of the whole list: BOM, semicolons, umlauts, one line per contact.
    press(&app, "#kontakte-export-knopf").await; // opens the "Exportieren" menu
    press(&app, "#kontakte-exportieren").await;
    app.until(
        "saved",
        "document.getElementById('meldungen').textContent.includes('als CSV')",
    )
    .await;
    let csv = exported(&app, "csv");
    assert!(csv.starts_with("\u{feff}Titel;Vorname;Nachname;".as_bytes()));
    let text = String::from_utf8(csv[3..].to_vec()).unwrap();
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(text.as_bytes());
    let lines: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(lines.len(), total);
    assert!(
        lines
            .iter()
            .any(|r| &r[2] == "Müller" && &r[4] == "Landratsamt Tübingen")
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
    press(&app, "#kontakte-export-knopf").await;
    press(&app, "#kontakte-vcard").await;
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

    // "Auswahl aufheben": the buttons act on the whole list again.
    press(&app, "#kontakte-auswahl-aufheben").await;
    assert_eq!(
        app.script("return document.getElementById('kontakte-vcard').textContent")
            .await,
        "Als vCard exportieren"
    );
    assert_eq!(
        app.script("return window.__netzwerkmappeProblems").await,
        serde_json::json!([])
    );
    app.quit().await;
}

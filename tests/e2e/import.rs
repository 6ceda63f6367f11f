//! Importing a sample file through the preview in the real window.

use std::path::Path;

use crate::app::App;

const SAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/samples/contacts");

#[tokio::test]
async fn import_an_excel_file_through_the_preview_then_again_without_doubles() {
    let app = App::start().await;
    app.goto("kontakte").await;
    app.click("#kontakte-importieren").await;
    app.until("import screen", "location.hash === '#/import'").await;
    let file = format!("{SAMPLES}/excel-de-semicolon-windows1252.csv");
    // A cancelled dialog changes nothing and reports nothing.
    app.answer_file_dialog(Path::new(""));
    app.press("#import-waehlen").await;
    assert_eq!(app.text("#import-dateiname").await, "Keine Datei ausgewählt");
    // Test-only answer of the native dialog; a person picks the file there.
    app.answer_file_dialog(Path::new(&file));
    app.press("#import-waehlen").await;
    app.until("preview", "document.getElementById('import-zusammenfassung')")
        .await;
    assert_eq!(
        app.text("#import-dateiname").await,
        "Ausgewählt: excel-de-semicolon-windows1252.csv"
    );
    let how = app.text("#import-erkannt").await;
    assert!(
        how.contains("Windows-1252") && how.contains("Trennzeichen Semikolon"),
        "{how}"
    );
    let summary = app.text("#import-zusammenfassung").await;
    assert!(summary.ends_with("0 doppelt, 0 mit Fehlern."), "{summary}");
    let names = app
        .script("return [...document.querySelectorAll('#import-zeilen tbody th')].map(t => t.textContent)")
        .await;
    let names: Vec<String> = serde_json::from_value(names).unwrap();
    assert!(names.iter().any(|n| n == "Anna Müller"), "{names:?}");
    assert!(names.iter().any(|n| n.contains("Öztürk")), "{names:?}");
    app.click("#import-starten").await;
    app.until(
        "back in list",
        "location.hash === '#/kontakte' && document.querySelectorAll('#kontakte-zeilen tr').length > 0",
    )
    .await;
    let notice = app.text("#meldungen").await;
    assert!(
        notice.contains("Import abgeschlossen:") && notice.contains("neu"),
        "{notice}"
    );
    let count = app
        .script("return document.querySelectorAll('#kontakte-zeilen tr').length")
        .await;
    assert_eq!(Some(count.as_u64().unwrap()), Some(names.len() as u64));

    // The same file again: everything is a duplicate, nothing is doubled.
    app.click("#kontakte-importieren").await;
    app.press("#import-waehlen").await;
    app.until("preview", "document.getElementById('import-zusammenfassung')")
        .await;
    let summary = app.text("#import-zusammenfassung").await;
    assert!(summary.starts_with("0 neu,"), "{summary}");
    app.click("#import-starten").await;
    app.until(
        "back",
        "location.hash === '#/kontakte' && document.querySelectorAll('#kontakte-zeilen tr').length > 0",
    )
    .await;
    assert_eq!(
        app.script("return document.querySelectorAll('#kontakte-zeilen tr').length")
            .await,
        count
    );
    assert_eq!(
        app.script("return window.__netzwerkmappeProblems").await,
        serde_json::json!([])
    );
    app.quit().await;
}

#[tokio::test]
async fn a_broken_file_gets_a_german_message_and_nothing_is_stored() {
    let app = App::start().await;
    app.goto("kontakte").await;
    app.click("#kontakte-importieren").await;
    let broken = app.data_dir.path().join("kaputt.vcf");
    let apple = std::fs::read(format!("{SAMPLES}/apple-3.0-utf8.vcf")).unwrap();
    std::fs::write(&broken, &apple[..apple.len() / 2]).unwrap();
    app.answer_file_dialog(&broken);
    app.press("#import-waehlen").await;
    let alert = app.text("#meldungen [role='alert']").await;
    assert!(alert.contains("Datei:") && alert.contains("vCard"), "{alert}");
    app.goto("kontakte").await;
    assert_eq!(app.text("#kontakte-status").await, "0 Kontakte");
    app.quit().await;
}

#[tokio::test]
async fn the_preview_can_show_only_errors_or_only_duplicates() {
    let app = App::start().await;
    app.goto("kontakte").await;
    app.click("#kontakte-importieren").await;
    let file = app.data_dir.path().join("gemischt.csv");
    std::fs::write(
        &file,
        "Vorname;Nachname;E-Mail\r\n\
         Anna;Müller;anna@lra.example\r\n\
         Bernd;;bernd@lra.example\r\n\
         Anna;Müller;anna@lra.example\r\n\
         Cem;Öztürk;cem@stadt.example\r\n\
         Dora;Dorn;kein-at\r\n",
    )
    .unwrap();
    app.answer_file_dialog(&file);
    app.press("#import-waehlen").await;
    app.until("preview", "document.getElementById('import-zusammenfassung')")
        .await;
    let statuses = "[...document.querySelectorAll('#import-zeilen tbody tr')].map(r => r.dataset.status)";
    let all: Vec<String> = serde_json::from_value(app.script(&format!("return {statuses}")).await).unwrap();
    assert_eq!(all.len(), 5, "{all:?}");
    let options: Vec<String> = serde_json::from_value(
        app.script(
            "return [...document.querySelectorAll('#import-anzeigen option')].map(o => o.textContent)",
        )
        .await,
    )
    .unwrap();
    assert_eq!(
        options,
        [
            "Alle Zeilen (5)",
            "Nur Zeilen mit Fehlern (2)",
            "Nur doppelte Zeilen (1)",
            "Nur Zeilen mit Hinweisen (0)",
            "Nur neue Zeilen (2)"
        ]
    );
    for (show, expected) in [("error", 2), ("duplicate", 1), ("all", 5)] {
        app.script(&format!(
            "const s = document.getElementById('import-anzeigen'); s.value = '{show}'; \
             s.dispatchEvent(new Event('change'));"
        ))
        .await;
        app.until(
            &format!("{expected} rows for {show}"),
            &format!("{statuses}.length === {expected}"),
        )
        .await;
        let shown: Vec<String> =
            serde_json::from_value(app.script(&format!("return {statuses}")).await).unwrap();
        if show != "all" {
            assert!(shown.iter().all(|s| s == show), "{show}: {shown:?}");
        }
        if show == "error" {
            crate::screenshots::save(&app, "import-nur-fehler").await;
        }
    }
    // The reason column never repeats the position (it has its own column).
    let reasons: Vec<String> = serde_json::from_value(
        app.script("return [...document.querySelectorAll('#import-zeilen tbody tr.import-error td:last-child')].map(t => t.textContent)")
            .await,
    )
    .unwrap();
    assert_eq!(reasons.len(), 2);
    assert!(
        reasons.iter().all(|r| !r.is_empty() && !r.starts_with("Zeile")),
        "{reasons:?}"
    );
    assert_eq!(
        app.script("return window.__netzwerkmappeProblems").await,
        serde_json::json!([])
    );
    app.quit().await;
}

#[tokio::test]
async fn a_large_file_shows_its_first_rows_at_once_and_more_on_demand() {
    let app = App::start().await;
    app.goto("kontakte").await;
    app.click("#kontakte-importieren").await;
    let mut csv = String::from("Vorname;Nachname;E-Mail\r\n");
    for i in 0..450 {
        csv += &format!("Person;Nummer{i};person{i}@lra.example\r\n");
    }
    let file = app.data_dir.path().join("gross.csv");
    std::fs::write(&file, csv).unwrap();
    app.answer_file_dialog(&file);
    app.press("#import-waehlen").await;
    app.until("preview", "document.getElementById('import-zusammenfassung')")
        .await;
    let rows = "document.querySelectorAll('#import-zeilen tbody tr').length";
    assert_eq!(app.script(&format!("return {rows}")).await, 200);
    assert_eq!(
        app.text("#import-angezeigt").await,
        "Die ersten 200 von 450 Zeilen werden angezeigt."
    );
    // The status line about reading the file is gone once the preview is shown.
    assert_eq!(app.text("#import-arbeit").await, "");
    // Pressing the button by keyboard adds the next rows and moves focus to the first new one.
    app.client
        .execute(
            "document.getElementById('import-mehr-knopf').scrollIntoView({block: 'center'});",
            vec![],
        )
        .await
        .unwrap();
    app.press("#import-mehr-knopf").await;
    app.until("400 or more rows", &format!("{rows} >= 400")).await;
    // Scrolling to the end loads the rest without a press.
    app.client
        .execute(
            "const m = document.getElementById('inhalt'); m.scrollTop = m.scrollHeight;",
            vec![],
        )
        .await
        .unwrap();
    app.until("all rows", &format!("{rows} === 450")).await;
    assert_eq!(
        app.script("return document.getElementById('import-mehr-knopf')")
            .await,
        serde_json::Value::Null
    );
    app.quit().await;
}

#[tokio::test]
async fn a_phone_that_is_no_number_shows_as_a_hinweis_with_the_organisation_it_creates() {
    let app = App::start().await;
    app.goto("kontakte").await;
    app.click("#kontakte-importieren").await;
    let file = app.data_dir.path().join("telefon.csv");
    // UTF-8 without BOM; one phone text that is no number.
    std::fs::write(
        &file,
        "Vorname;Nachname;Firma;Telefon geschäftlich\r\n\
         Anna;Ortner;Landratsamt Ortenaukreis;bitte über Zentrale\r\n\
         Ben;Berg;Caritasverband Beispielstadt;0711 123-45\r\n",
    )
    .unwrap();
    app.answer_file_dialog(&file);
    app.press("#import-waehlen").await;
    app.until("preview", "document.getElementById('import-zusammenfassung')")
        .await;
    assert_eq!(
        app.text("#import-zusammenfassung").await,
        "2 neu, 0 doppelt, 0 mit Fehlern; 1 Zeile mit Hinweisen."
    );
    // The encoding as the core labels it.
    let how = app.text("#import-erkannt").await;
    assert!(how.contains("Zeichensatz UTF-8,"), "{how}");
    let rows = app
        .script(
            "return [...document.querySelectorAll('#import-zeilen tbody tr')].map(r =>
               [r.querySelector('th').textContent, r.children[2].textContent, r.lastElementChild.textContent])",
        )
        .await;
    assert_eq!(
        rows,
        serde_json::json!([
            [
                "Anna Ortner",
                "Landratsamt Ortenaukreiswird angelegt: Landratsamt, Ortenaukreis",
                "Hinweis: Telefon: „bitte über Zentrale“ ist keine Telefonnummer; der Text steht in den Notizen."
            ],
            [
                "Ben Berg",
                "Caritasverband Beispielstadtwird angelegt: Wohlfahrtsverband, ohne Kreis",
                ""
            ]
        ])
    );
    // "Nur Zeilen mit Hinweisen" keeps Anna's row only.
    app.script(
        "const s = document.getElementById('import-anzeigen'); s.value = 'warning'; \
         s.dispatchEvent(new Event('change'));",
    )
    .await;
    app.until(
        "one row",
        "document.querySelectorAll('#import-zeilen tbody tr').length === 1",
    )
    .await;
    assert_eq!(app.text("#import-zeilen tbody th").await, "Anna Ortner");
    crate::screenshots::save(&app, "import-hinweis").await;
    assert_eq!(
        app.script("return window.__netzwerkmappeProblems").await,
        serde_json::json!([])
    );
    app.quit().await;
}

//! "E-Mail schreiben" with more people than a mailto: link can carry.

use crate::app::App;

#[tokio::test]
async fn many_recipients_are_offered_for_copying() {
    let app = App::start_with(|dir| {
        // Seed through the real command line: 80 people with long addresses.
        let mut csv = String::from("Vorname;Nachname;E-Mail\r\n");
        for i in 0..80 {
            csv += &format!("Person;Nummer{i};person.nummer{i}@landratsamt-beispielkreis.example\r\n");
        }
        let file = dir.join("viele.csv");
        std::fs::write(&file, csv).unwrap();
        crate::app::import_with_cli(dir, &file);
    })
    .await;
    app.goto("kontakte").await;
    app.until(
        "80 rows",
        "document.querySelectorAll('#kontakte-zeilen tr').length === 80",
    )
    .await;
    app.click("#kontakte-email").await;
    let addresses = app.wait_for("#kontakte-adressen").await;
    let value = addresses.prop("value").await.unwrap().unwrap();
    assert_eq!(value.split("; ").count(), 80, "{value}");
    assert!(value.starts_with("person.nummer"), "{value}");
    let text = app.text("#kontakte-email-adressen").await;
    assert!(text.contains("zu viele für einen E-Mail-Link"), "{text}");
    assert_eq!(
        app.script("return document.activeElement.id").await,
        "kontakte-adressen"
    );
    app.quit().await;
}

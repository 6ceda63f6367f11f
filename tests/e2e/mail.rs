//! "E-Mail schreiben" with more people than one message should carry: asked first, split into
//! messages of at most 50; a part too long for a mailto: link is offered for copying.

use crate::app::App;

#[tokio::test]
async fn many_recipients_are_split_into_messages_and_a_long_part_offered_for_copying() {
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
    app.press("#kontakte-email").await;
    // 80 people: nothing is opened yet; the window offers two messages.
    let hint = app.text("#teile-hinweis").await;
    assert!(
        hint.starts_with(
            "80 Empfänger sind mehr, als viele Mailserver in einer Nachricht annehmen (höchstens 50)."
        ),
        "{hint}"
    );
    assert_eq!(
        app.text("#email-teil-1").await,
        "Nachricht 1 von 2 öffnen (Empfänger 1–50)"
    );
    assert_eq!(
        app.text("#email-teil-2").await,
        "Nachricht 2 von 2 öffnen (Empfänger 51–80)"
    );
    assert_eq!(
        app.script("return document.activeElement.id").await,
        "email-teil-1"
    );
    // The first 50 long addresses are too many for one link: offered for copying.
    crate::screenshots::save(&app, "email-in-teilen").await;
    app.press("#email-teil-1").await;
    let addresses = app.wait_for("#kontakte-adressen").await;
    let value = addresses.prop("value").await.unwrap().unwrap();
    assert_eq!(value.split("; ").count(), 50, "{value}");
    assert!(value.starts_with("person.nummer"), "{value}");
    let text = app.text("#kontakte-email-teil").await;
    assert!(
        text.starts_with("Nachricht 1 von 2: Adressen zum Kopieren")
            && text.contains("zu viele für einen E-Mail-Link"),
        "{text}"
    );
    assert_eq!(
        app.script("return document.activeElement.id").await,
        "kontakte-adressen"
    );
    assert!(app.text("#email-teil-1").await.ends_with("– erledigt"));
    app.quit().await;
}

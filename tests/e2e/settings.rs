//! The Einstellungen screen: the recipients per e-mail are kept, a value outside 1–500 is marked
//! at its field, and "E-Mail schreiben" splits by the chosen size.

use crate::app::App;

const ENTER: &str = "\u{E007}";

async fn type_into(app: &App, css: &str, text: &str) {
    let field = app.wait_for(css).await;
    app.client
        .execute(
            "arguments[0].scrollIntoView({block: 'center'}); arguments[0].focus(); arguments[0].select();",
            vec![serde_json::to_value(&field).unwrap()],
        )
        .await
        .unwrap();
    field.send_keys(text).await.unwrap();
}

const FIELD: &str = "input[name='empfaenger-je-email']";

#[tokio::test]
async fn recipients_per_email_are_kept_checked_and_used_for_splitting() {
    let app = App::start_with(|dir| {
        let mut csv = String::from("Vorname;Nachname;E-Mail\r\n");
        for i in 0..30 {
            csv += &format!("Person;Nummer{i};p{i}@kreis.example\r\n");
        }
        let file = dir.join("dreissig.csv");
        std::fs::write(&file, csv).unwrap();
        crate::app::import_with_cli(dir, &file);
    })
    .await;
    app.goto("einstellungen").await;
    let field = app.wait_for(FIELD).await;
    assert_eq!(field.prop("value").await.unwrap().unwrap(), "50");
    type_into(&app, FIELD, "20").await;
    field.send_keys(ENTER).await.unwrap();
    app.until(
        "saved notice",
        "(document.querySelector('#meldungen [role=status]') || {}).textContent === 'Die Einstellungen wurden gespeichert.'",
    )
    .await;

    // 30 people with 20 per message: two messages.
    app.goto("kontakte").await;
    app.until(
        "30 rows",
        "document.querySelectorAll('#kontakte-zeilen tr').length === 30",
    )
    .await;
    app.press("#kontakte-email").await;
    assert_eq!(
        app.text("#email-teil-1").await,
        "Nachricht 1 von 2 öffnen (Empfänger 1–20)"
    );
    assert_eq!(
        app.text("#email-teil-2").await,
        "Nachricht 2 von 2 öffnen (Empfänger 21–30)"
    );
    assert!(
        app.script("return !document.getElementById('email-teil-3')")
            .await
            == true
    );

    // Back on the screen: still 20 (read from the store, not from the page).
    app.goto("einstellungen").await;
    let field = app.wait_for(FIELD).await;
    assert_eq!(field.prop("value").await.unwrap().unwrap(), "20");

    // 0 is refused at the field, the typed value stays.
    type_into(&app, FIELD, "0").await;
    field.send_keys(ENTER).await.unwrap();
    app.until(
        "field marked",
        "document.querySelector(\"input[name='empfaenger-je-email']\").getAttribute('aria-invalid') === 'true'",
    )
    .await;
    let message = app
        .script(
            "const i = document.querySelector(\"input[name='empfaenger-je-email']\");
             return document.getElementById(i.getAttribute('aria-describedby').split(' ').pop()).textContent",
        )
        .await;
    assert_eq!(message, "Bitte eine Zahl von 1 bis 500 eingeben.");
    assert_eq!(field.prop("value").await.unwrap().unwrap(), "0");
    assert_eq!(
        app.script("return document.activeElement.name").await,
        "empfaenger-je-email"
    );
    crate::screenshots::save(&app, "einstellungen-fehler").await;
    app.quit().await;
}

const DAYS: &str = "input[name='erinnern-tage']";

#[tokio::test]
async fn reminder_settings_are_kept_and_days_outside_1_to_60_are_refused() {
    let app = App::start().await;
    app.goto("einstellungen").await;
    let days = app.wait_for(DAYS).await;
    assert_eq!(days.prop("value").await.unwrap().unwrap(), "7");
    assert!(
        app.script("return document.getElementById('erinnerungen-an').checked")
            .await
            == true
    );

    type_into(&app, DAYS, "61").await;
    days.send_keys(ENTER).await.unwrap();
    app.until(
        "days marked",
        "document.querySelector(\"input[name='erinnern-tage']\").getAttribute('aria-invalid') === 'true'",
    )
    .await;
    assert_eq!(days.prop("value").await.unwrap().unwrap(), "61");

    type_into(&app, DAYS, "14").await;
    // Space toggles a checkbox, as a keyboard user does it.
    app.wait_for("#erinnerungen-an")
        .await
        .send_keys(" ")
        .await
        .unwrap();
    app.press("#einstellungen-speichern").await;
    app.until(
        "saved notice",
        "(document.querySelector('#meldungen [role=status]') || {}).textContent === 'Die Einstellungen wurden gespeichert.'",
    )
    .await;

    app.goto("kontakte").await;
    app.goto("einstellungen").await;
    let days = app.wait_for(DAYS).await;
    assert_eq!(days.prop("value").await.unwrap().unwrap(), "14");
    assert!(
        app.script("return document.getElementById('erinnerungen-an').checked")
            .await
            == false
    );
    app.quit().await;
}

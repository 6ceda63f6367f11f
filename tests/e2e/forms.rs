//! The form building blocks in the real window: every field error at once, the question before
//! unsaved changes are left behind, the confirm dialog (focus inside, Escape cancels, focus
//! returns), and `hidden` elements that stay hidden under KERN.

use crate::app::App;

const ENTER: &str = "\u{E007}";
const ESCAPE: &str = "\u{E00C}";

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

/// Sends keys to whatever has the focus, as a keyboard user would.
async fn keys(app: &App, text: &str) {
    app.client
        .active_element()
        .await
        .unwrap()
        .send_keys(text)
        .await
        .unwrap();
}

async fn active_id(app: &App) -> String {
    app.script("return document.activeElement ? document.activeElement.id : ''")
        .await
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

#[tokio::test]
async fn a_contact_form_shows_every_field_error_at_once() {
    let app = App::start().await;
    app.goto("kontakte/neu").await;
    type_into(&app, "input[name='vorname']", "Anna").await;
    type_into(&app, "#email-1", "anna.mueller@").await;
    type_into(&app, "input[name='einwilligung-datum']", "31.02.2026").await;
    // Save with Enter, the Nachname empty.
    type_into(&app, "input[name='funktion']", "Integrationsbeauftragte").await;
    keys(&app, ENTER).await;
    app.until(
        "three fields marked",
        "document.querySelectorAll('#kontakt-formular [aria-invalid=\"true\"]').length === 3",
    )
    .await;

    let marked = app
        .script(
            "return [...document.querySelectorAll('#kontakt-formular [aria-invalid=\"true\"]')].map(i => i.id.replace(/-\\d+$/, ''))",
        )
        .await;
    assert_eq!(
        marked,
        serde_json::json!(["feld-nachname", "email", "feld-einwilligung-datum"])
    );
    // Each error text sits under its field and is linked to it.
    let linked = app
        .script(
            "return [...document.querySelectorAll('#kontakt-formular [aria-invalid=\"true\"]')].map(i =>
               document.getElementById(i.getAttribute('aria-describedby').split(' ').pop()).textContent)",
        )
        .await;
    let linked: Vec<String> = serde_json::from_value(linked).unwrap();
    assert_eq!(linked[0], "Bitte geben Sie einen Nachnamen ein.");
    assert!(linked[1].contains("„anna.mueller@“"), "{linked:?}");
    assert!(linked[2].contains("31.02.2026"), "{linked:?}");
    // The alert lists all three; focus is on the first field in form order.
    let alert = app.text("#meldungen [role='alert']").await;
    assert!(alert.contains("Bitte prüfen Sie 3 Angaben"), "{alert}");
    crate::screenshots::save(&app, "kontakt-mehrere-fehler").await;
    assert!(active_id(&app).await.starts_with("feld-nachname"));
    // Nothing typed is lost.
    for (css, value) in [
        ("input[name='vorname']", "Anna"),
        ("#email-1", "anna.mueller@"),
        ("input[name='funktion']", "Integrationsbeauftragte"),
    ] {
        assert_eq!(
            app.script(&format!("return document.querySelector(\"{css}\").value"))
                .await,
            value
        );
    }

    // Fixing all three saves, and the marks go away.
    type_into(&app, "input[name='nachname']", "Müller").await;
    type_into(&app, "#email-1", "a.mueller@lrat.example").await;
    type_into(&app, "input[name='einwilligung-datum']", "28.02.2026").await;
    keys(&app, ENTER).await;
    app.until(
        "saved",
        "/^#\\/kontakte\\/\\d+$/.test(location.hash) && document.getElementById('meldungen').textContent.includes('gespeichert')",
    )
    .await;
    assert_eq!(
        app.script("return document.querySelectorAll('[aria-invalid=\"true\"], .kern-error').length")
            .await,
        0
    );
    // Typing again ends the moment of "… gespeichert".
    type_into(&app, "input[name='funktion']", "Leitung").await;
    app.until(
        "notice gone",
        "!document.querySelector('#meldungen .kern-alert--success')",
    )
    .await;
    assert_eq!(
        app.script("return window.__netzwerkmappeProblems").await,
        serde_json::json!([])
    );
    app.quit().await;
}

#[tokio::test]
async fn leaving_unsaved_changes_asks_first() {
    let app = App::start().await;
    app.goto("kontakte/neu").await;
    // Untouched: leaving asks nothing.
    app.click("#nav-organisationen").await;
    app.until("left", "location.hash === '#/organisationen'").await;

    app.goto("kontakte/neu").await;
    type_into(&app, "input[name='nachname']", "Weber").await;
    app.click("#nav-organisationen").await;
    app.wait_for("dialog[open]").await;
    let question = app.text("dialog[open]").await;
    assert!(question.contains("nicht gespeichert"), "{question}");
    crate::screenshots::save(&app, "ungespeicherte-aenderungen").await;
    // Focus is inside, on the safe choice; Tab stays inside the dialog.
    assert_eq!(active_id(&app).await, "verlassen-abbrechen");
    keys(&app, "\u{E004}").await;
    assert_eq!(active_id(&app).await, "verlassen-verwerfen", "Tab wraps inside");
    keys(&app, "\u{E004}").await;
    assert_eq!(active_id(&app).await, "verlassen-abbrechen");

    // Escape cancels: the form and what was typed stay, focus returns to the opener.
    keys(&app, ESCAPE).await;
    app.until("dialog closed", "!document.querySelector('dialog')")
        .await;
    assert_eq!(app.script("return location.hash").await, "#/kontakte/neu");
    assert_eq!(
        app.script("return document.querySelector(\"input[name='nachname']\").value")
            .await,
        "Weber"
    );
    assert_eq!(active_id(&app).await, "nav-organisationen");

    // Asked again, "Änderungen verwerfen" leaves.
    app.click("#nav-organisationen").await;
    app.wait_for("#verlassen-verwerfen").await;
    app.script("document.getElementById('verlassen-verwerfen').focus()")
        .await;
    keys(&app, ENTER).await;
    app.until(
        "left after discarding",
        "location.hash === '#/organisationen' && document.getElementById('organisationen-status')",
    )
    .await;

    // An edited, saved contact: no question; changed again, opening the list asks.
    app.goto("kontakte/neu").await;
    type_into(&app, "input[name='nachname']", "Weber").await;
    keys(&app, ENTER).await;
    app.until("saved", "/^#\\/kontakte\\/\\d+$/.test(location.hash)")
        .await;
    type_into(&app, "input[name='vorname']", "Jana").await;
    app.click("#ansicht a[href='#/kontakte']").await;
    app.wait_for("dialog[open]").await;
    keys(&app, ESCAPE).await;
    app.until("dialog closed", "!document.querySelector('dialog')")
        .await;
    assert!(
        app.script("return /^#\\/kontakte\\/\\d+$/.test(location.hash)")
            .await
            .as_bool()
            .unwrap()
    );
    assert_eq!(
        app.script("return window.__netzwerkmappeProblems").await,
        serde_json::json!([])
    );
    app.quit().await;
}

#[tokio::test]
async fn hidden_controls_stay_hidden_under_kern_and_select_all_shows_partly_ticked() {
    let app = App::start_with(|dir| {
        crate::app::import_with_cli(
            dir,
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/data/samples/contacts/excel-de-semicolon-utf8-bom.csv"),
        )
    })
    .await;
    app.goto("kontakte").await;
    app.until(
        "rows",
        "document.querySelectorAll('#kontakte-zeilen tr').length > 1",
    )
    .await;
    let display = "getComputedStyle(document.getElementById('kontakte-auswahl-aufheben')).display";
    assert_eq!(app.script(&format!("return {display}")).await, "none");
    let first_box = "document.querySelector('#kontakte-zeilen input[type=checkbox]')";
    app.script(&format!("{first_box}.focus()")).await;
    keys(&app, " ").await;
    app.until("shown", &format!("{display} !== 'none'")).await;
    let all = app
        .script(
            "const b = document.getElementById('kontakte-alle');
             return [b.indeterminate, getComputedStyle(b, '::before').borderTopWidth]",
        )
        .await;
    assert_eq!(
        all,
        serde_json::json!([true, "3px"]),
        "partly ticked, and it shows"
    );
    app.quit().await;
}

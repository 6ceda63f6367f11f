//! Contacts and organisations in the real window: create, find by typing, validation, delete.

use fantoccini::Locator;

use crate::app::App;

async fn fill(app: &App, css: &str, text: &str) {
    let field = app.wait_for(css).await;
    // Empty it the way a person would (select all, type over); WebKitWebDriver refuses clear()
    // on some inputs.
    app.client
        .execute(
            "arguments[0].scrollIntoView({block: 'center'}); arguments[0].focus(); arguments[0].select();",
            vec![serde_json::to_value(&field).unwrap()],
        )
        .await
        .unwrap();
    let keys = if text.is_empty() { "\u{E003}" } else { text }; // Backspace empties the selection
    if let Err(e) = field.send_keys(keys).await {
        let png = app.client.screenshot().await.unwrap();
        std::fs::write("/tmp/e2e-fill-failed.png", png).unwrap();
        let html = app
            .script("return document.getElementById('ansicht').innerHTML.slice(0, 1500)")
            .await;
        panic!("typing into {css} failed: {e}; screenshot /tmp/e2e-fill-failed.png; {html}");
    }
}

/// Presses Enter in a text field: submits its form, as keyboard users save.
async fn press_enter_in(app: &App, css: &str) {
    app.wait_for(css).await.send_keys("\u{E007}").await.unwrap();
}

async fn click(app: &App, css: &str) {
    app.click(css).await;
}

#[tokio::test]
async fn create_an_organisation_and_a_contact_then_find_her_by_typing_mueller() {
    let app = App::start().await;

    // Organisation first, with its Kreis.
    app.goto("organisationen/neu").await;
    fill(&app, "input[name='org-name']", "Landratsamt Tübingen").await;
    app.wait_for("select[name='org-kreis']")
        .await
        .select_by_value("08416")
        .await
        .unwrap();
    click(&app, "#organisation-speichern").await;
    app.until(
        "organisation saved",
        "/^#\\/organisationen\\/\\d+$/.test(window.location.hash)",
    )
    .await;
    assert!(
        app.text("#meldungen")
            .await
            .contains("Landratsamt Tübingen wurde gespeichert.")
    );

    // A contact without Nachname is refused, with the message at the field.
    app.goto("kontakte/neu").await;
    fill(&app, "input[name='vorname']", "Anna").await;
    press_enter_in(&app, "input[name='nachname']").await;
    app.until(
        "field error",
        "document.querySelector(\"input[name='nachname'][aria-invalid='true']\")",
    )
    .await;
    let alert = app.text("#meldungen [role='alert']").await;
    assert!(
        alert.contains("Nachname: Bitte geben Sie einen Nachnamen ein."),
        "{alert}"
    );
    assert_eq!(
        app.script("return document.activeElement.name").await,
        "nachname",
        "focus moves to the field"
    );
    assert_eq!(
        app.script("return document.querySelector(\"input[name='vorname']\").value")
            .await,
        "Anna"
    );

    // A malformed e-mail is named too.
    fill(&app, "input[name='nachname']", "Müller").await;
    fill(&app, "#email-1", "anna.mueller@").await;
    press_enter_in(&app, "input[name='nachname']").await;
    app.until(
        "email error",
        "document.querySelector(\"#email-1[aria-invalid='true']\")",
    )
    .await;
    assert!(
        app.text("#meldungen")
            .await
            .contains("E-Mail-Adresse: „anna.mueller@“ ist keine gültige")
    );

    fill(&app, "#email-1", "a.mueller@landkreis-tuebingen.example").await;
    let org = app.script("return [...document.querySelector(\"select[name='organisation']\").options].find(o => o.text === 'Landratsamt Tübingen').value").await;
    app.wait_for("select[name='organisation']")
        .await
        .select_by_value(org.as_str().unwrap())
        .await
        .unwrap();
    fill(&app, "input[name='funktion']", "Integrationsbeauftragte").await;
    fill(&app, "input[name='einwilligung-datum']", "24.11.2026").await;
    press_enter_in(&app, "input[name='nachname']").await;
    app.until(
        "contact saved",
        "/^#\\/kontakte\\/\\d+$/.test(window.location.hash)",
    )
    .await;
    assert!(
        app.text("#meldungen")
            .await
            .contains("Anna Müller wurde gespeichert.")
    );
    assert_eq!(
        app.script("return document.querySelector(\"input[name='einwilligung-datum']\").value")
            .await,
        "24.11.2026"
    );

    // Find her by typing a spelling variant.
    app.goto("kontakte").await;
    fill(&app, "#kontakte-suche", "mueller").await;
    app.until(
        "one hit",
        "document.querySelectorAll('#kontakte-zeilen tr').length === 1",
    )
    .await;
    // textContent: cells that end in "…" are partly clipped, which WebDriver's text leaves out.
    let row = app
        .script("return document.querySelector('#kontakte-zeilen tr').textContent")
        .await;
    let row = row.as_str().unwrap();
    assert!(
        row.contains("Anna Müller") && row.contains("Landratsamt Tübingen") && row.contains("Tübingen"),
        "{row}"
    );
    fill(&app, "#kontakte-suche", "xyz").await;
    app.until(
        "no hit",
        "document.querySelectorAll('#kontakte-zeilen tr').length === 0",
    )
    .await;

    // Filter by Regierungsbezirk.
    fill(&app, "#kontakte-suche", "").await;
    app.wait_for("#filter-kontakt-bezirk")
        .await
        .select_by_value("084")
        .await
        .unwrap();
    app.until(
        "Tübingen filter",
        "document.querySelectorAll('#kontakte-zeilen tr').length === 1",
    )
    .await;
    app.wait_for("#filter-kontakt-bezirk")
        .await
        .select_by_value("081")
        .await
        .unwrap();
    app.until(
        "Stuttgart filter",
        "document.querySelectorAll('#kontakte-zeilen tr').length === 0",
    )
    .await;
    assert_eq!(
        app.script("return window.__netzwerkmappeProblems").await,
        serde_json::json!([])
    );
    app.quit().await;
}

#[tokio::test]
async fn deleting_an_organisation_with_contacts_asks_what_to_do() {
    let app = App::start().await;
    app.goto("organisationen/neu").await;
    fill(&app, "input[name='org-name']", "Stadt Mannheim").await;
    click(&app, "#organisation-speichern").await;
    app.until(
        "saved",
        "/^#\\/organisationen\\/\\d+$/.test(window.location.hash)",
    )
    .await;

    app.goto("kontakte/neu").await;
    fill(&app, "input[name='nachname']", "Öztürk").await;
    let org = app.script("return [...document.querySelector(\"select[name='organisation']\").options].find(o => o.text === 'Stadt Mannheim').value").await;
    app.wait_for("select[name='organisation']")
        .await
        .select_by_value(org.as_str().unwrap())
        .await
        .unwrap();
    press_enter_in(&app, "input[name='nachname']").await;
    app.until(
        "contact saved",
        "/^#\\/kontakte\\/\\d+$/.test(window.location.hash)",
    )
    .await;

    app.goto(&format!("organisationen/{}", org.as_str().unwrap()))
        .await;
    click(&app, "#organisation-loeschen").await;
    let question = app.text("dialog[open]").await;
    assert!(
        question.contains("Diese Organisation hat 1 Kontakt."),
        "names the number, singular: {question}"
    );
    crate::screenshots::save(&app, "organisation-loeschen-frage").await;
    // Deleting the contacts too needs the deliberate tick first.
    app.wait_for("#loeschen-alle")
        .await
        .send_keys("\u{E007}")
        .await
        .unwrap();
    app.until(
        "asks for the tick",
        "document.activeElement && document.activeElement.type === 'checkbox' && document.querySelector('dialog[open] .kern-error')",
    )
    .await;
    app.wait_for("#loeschen-behalten")
        .await
        .send_keys("\u{E007}")
        .await
        .unwrap();
    app.until("back to list", "window.location.hash === '#/organisationen'")
        .await;
    app.until("list empty", "document.getElementById('organisationen-status') && document.getElementById('organisationen-status').textContent === '0 Organisationen'").await;

    app.client
        .find(Locator::Id("nav-kontakte"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    app.until(
        "contact kept",
        "document.querySelectorAll('#kontakte-zeilen tr').length === 1",
    )
    .await;
    assert!(app.text("#kontakte-zeilen tr").await.contains("Öztürk"));
    app.quit().await;
}

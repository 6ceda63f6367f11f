//! The Kontakte screen as a new user meets it at 1366×768 (a common office screen): the people
//! show on first paint, long values stay on one line, and an empty search says how to widen it.

use crate::app::App;

/// An office's worth of contacts with long organisation names, functions and e-mail addresses.
fn seed(dir: &std::path::Path) {
    let mut csv = String::from("Vorname;Nachname;E-Mail;Firma;Funktion;Telefon\r\n");
    for i in 0..40 {
        csv += &format!(
            "Anna;Müller-{i:02};anna.mueller-{i}@landratsamt-rems-murr-kreis.example;Landratsamt Rems-Murr-Kreis, \
             Stabsstelle Integration {i};Integrationsbeauftragte und Koordinatorin;07151 501-{i:04}\r\n"
        );
    }
    let file = dir.join("kontakte.csv");
    std::fs::write(&file, csv).unwrap();
    crate::app::import_with_cli(dir, &file);
}

#[tokio::test]
async fn at_1366x768_at_least_12_contacts_show_on_first_paint() {
    let app = App::start_with(seed).await;
    app.client.set_window_rect(0, 0, 1366, 768).await.unwrap();
    app.goto("kontakte").await;
    app.until(
        "rows",
        "document.querySelectorAll('#kontakte-zeilen tr').length === 40 && innerHeight <= 768",
    )
    .await;
    // Rows wholly inside the window and the scrolling main area, without any scrolling.
    let visible = app
        .script(
            "const main = document.getElementById('inhalt').getBoundingClientRect();
             const bottom = Math.min(main.bottom, innerHeight);
             return [...document.querySelectorAll('#kontakte-zeilen tr')]
               .filter(r => r.getBoundingClientRect().bottom <= bottom).length",
        )
        .await;
    let visible = visible.as_u64().unwrap();
    crate::screenshots::save(&app, "kontakte-1366x768").await;
    assert!(visible >= 12, "only {visible} rows visible at 1366×768");

    // Long values stay on one line (no mid-word breaks) and keep their full text in the title.
    let email = app
        .script(
            "const td = document.querySelector('#kontakte-zeilen tr td:nth-child(6)');
             return [td.title, td.scrollHeight <= td.clientHeight + 1, getComputedStyle(td).whiteSpace]",
        )
        .await;
    assert_eq!(
        email,
        serde_json::json!([
            "anna.mueller-0@landratsamt-rems-murr-kreis.example",
            true,
            "nowrap"
        ])
    );
    // The primary action sits in the first line, at its right end.
    let primary = app
        .script(
            "const b = document.getElementById('kontakt-neu').getBoundingClientRect();
             const h = document.querySelector('#ansicht h1').getBoundingClientRect();
             return Math.abs(b.top - h.top) < 30 && b.right > innerWidth - 120",
        )
        .await;
    assert_eq!(primary, true, "Neuer Kontakt beside the heading, on the right");
    app.quit().await;
}

#[tokio::test]
async fn an_empty_search_says_how_to_widen_it_and_resets() {
    let app = App::start_with(seed).await;
    app.goto("kontakte").await;
    app.until(
        "rows",
        "document.querySelectorAll('#kontakte-zeilen tr').length === 40",
    )
    .await;
    app.wait_for("#kontakte-suche")
        .await
        .send_keys("zzzz")
        .await
        .unwrap();
    // Each keystroke renders the hint anew; take the button once the last one has answered.
    app.until(
        "hint for the whole word",
        "(document.getElementById('kontakte-leer')?.textContent || '').includes('„zzzz“')",
    )
    .await;
    let reset = app.wait_for("#kontakte-suche-zuruecksetzen").await;
    let hint = app.text("#kontakte-leer").await;
    assert!(
        hint.contains("Kein Kontakt passt zu „zzzz“") && hint.contains("Filter auf „Alle“"),
        "{hint}"
    );
    reset.send_keys("\u{E007}").await.unwrap();
    app.until(
        "all back",
        "document.querySelectorAll('#kontakte-zeilen tr').length === 40
         && document.getElementById('kontakte-suche').value === ''
         && document.activeElement.id === 'kontakte-suche'
         && !document.getElementById('kontakte-suche-zuruecksetzen')",
    )
    .await;
    app.quit().await;
}

#[tokio::test]
async fn a_new_user_is_greeted_with_the_first_steps() {
    let app = App::start().await;
    app.goto("kontakte").await;
    let greeting = app.text("#kontakte-leer").await;
    assert!(greeting.contains("Willkommen"), "{greeting}");
    app.wait_for("#kontakte-erster-import").await;
    app.wait_for("#kontakte-erster-kontakt").await;
    // "Beispielnetzwerk laden" fills the empty file: the people are there, the greeting is gone.
    app.press("#kontakte-beispiel").await;
    app.until(
        "demo loaded",
        "document.getElementById('meldungen').textContent.includes('Beispielnetzwerk geladen')
         && document.querySelectorAll('#kontakte-zeilen tr').length >= 44
         && !document.getElementById('kontakte-leer').textContent.includes('Willkommen')",
    )
    .await;
    app.quit().await;
}

#[tokio::test]
async fn organisations_can_be_searched_as_you_type() {
    let app = App::start_with(seed).await;
    app.goto("organisationen").await;
    app.until(
        "all",
        "document.getElementById('organisationen-status').textContent === '40 Organisationen'",
    )
    .await;
    app.wait_for("#organisationen-suche")
        .await
        .send_keys("stabsstelle 7")
        .await
        .unwrap();
    app.until(
        "one, singular",
        "document.getElementById('organisationen-status').textContent === '1 Organisation'",
    )
    .await;
    assert!(
        app.text("#organisationen-zeilen tr")
            .await
            .contains("Stabsstelle Integration 7")
    );
    app.quit().await;
}

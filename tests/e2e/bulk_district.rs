//! "Kreis zuordnen" in the Organisationen list: tick several rows by keyboard, choose a Kreis,
//! and they all have it (and the Regierungsbezirk filter finds them); the rest stays untouched.

use crate::app::App;

const SPACE: &str = "\u{E00D}";

async fn tick(app: &App, name: &str) {
    let id = app
        .script(&format!(
            "const row = [...document.querySelectorAll('#organisationen-zeilen tr')]
               .find(r => r.querySelector('th').textContent === '{name}');
             return row.querySelector('input[type=checkbox]').id"
        ))
        .await;
    let css = format!("#{}", id.as_str().unwrap());
    let box_ = app.wait_for(&css).await;
    app.client
        .execute(
            "arguments[0].scrollIntoView({block: 'center'}); arguments[0].focus();",
            vec![serde_json::to_value(&box_).unwrap()],
        )
        .await
        .unwrap();
    box_.send_keys(SPACE).await.unwrap();
}

#[tokio::test]
async fn ticked_organisations_get_one_kreis_at_once() {
    let app = App::start_with(|dir| {
        let csv = "Vorname;Nachname;Organisation\r\n\
                   Anna;Eins;Caritasverband Musterstadt\r\n\
                   Bernd;Zwei;Diakonie Musterdorf\r\n\
                   Carla;Drei;Verein Beispielhaft\r\n";
        let file = dir.join("orgs.csv");
        std::fs::write(&file, csv).unwrap();
        crate::app::import_with_cli(dir, &file);
    })
    .await;
    app.goto("organisationen").await;
    app.until(
        "3 rows",
        "document.querySelectorAll('#organisationen-zeilen tr').length === 3",
    )
    .await;
    // Nothing ticked: no band.
    assert_eq!(
        app.script("return getComputedStyle(document.getElementById('organisationen-sammel')).display")
            .await,
        "none"
    );
    tick(&app, "Caritasverband Musterstadt").await;
    tick(&app, "Diakonie Musterdorf").await;
    app.until(
        "two ticked",
        "document.getElementById('organisationen-auswahl').textContent === '2 Organisationen ausgewählt.'",
    )
    .await;
    assert_eq!(
        app.script("return document.getElementById('organisationen-alle').indeterminate")
            .await,
        true
    );
    // Without a choice the button says what is missing and changes nothing.
    app.press("#organisationen-kreis-zuordnen").await;
    let alert = app.text("#meldungen [role='alert']").await;
    assert!(alert.contains("Bitte wählen Sie zuerst"), "{alert}");
    app.script(
        "const s = document.getElementById('organisationen-kreis-wahl'); s.value = '08317';
         s.dispatchEvent(new Event('change', {bubbles: true}));",
    )
    .await;
    app.press("#organisationen-kreis-zuordnen").await;
    app.until(
        "saved",
        "(document.querySelector('#meldungen [role=status]') || {}).textContent === 'Stadt-/Landkreis „Ortenaukreis“ für 2 Organisationen gespeichert.'",
    )
    .await;
    let kreise = app
        .script(
            "return Object.fromEntries([...document.querySelectorAll('#organisationen-zeilen tr')]
               .map(r => [r.querySelector('th').textContent, r.children[3].textContent]))",
        )
        .await;
    assert_eq!(
        kreise,
        serde_json::json!({
            "Caritasverband Musterstadt": "Ortenaukreis",
            "Diakonie Musterdorf": "Ortenaukreis",
            "Verein Beispielhaft": "",
        })
    );
    // The selection is done with: band hidden, no box ticked, focus on "select all".
    assert_eq!(
        app.script("return document.querySelectorAll('#organisationen-zeilen input:checked').length")
            .await,
        0
    );
    assert_eq!(
        app.script("return getComputedStyle(document.getElementById('organisationen-sammel')).display")
            .await,
        "none"
    );
    assert_eq!(
        app.script("return document.activeElement.id").await,
        "organisationen-alle"
    );
    crate::screenshots::save(&app, "organisationen-kreis-zugeordnet").await;
    // The Regierungsbezirk filter now finds them.
    app.script(
        "const s = document.getElementById('filter-org-bezirk'); s.value = 'Freiburg';
         s.dispatchEvent(new Event('change', {bubbles: true}));",
    )
    .await;
    app.until(
        "filtered",
        "document.getElementById('organisationen-status').textContent === '2 Organisationen'",
    )
    .await;
    app.quit().await;
}

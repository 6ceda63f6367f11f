//! Everything on the first screen is reachable by keyboard.

use std::collections::BTreeSet;

use crate::app::App;

const TAB: &str = "\u{E004}";

#[tokio::test]
async fn tab_reaches_every_control() {
    let app = App::start_on_districts().await;
    app.script("document.activeElement && document.activeElement.blur(); document.body.focus();")
        .await;
    let mut seen = BTreeSet::new();
    for _ in 0..24 {
        app.client
            .active_element()
            .await
            .unwrap()
            .send_keys(TAB)
            .await
            .unwrap();
        let id = app
            .script("return document.activeElement ? document.activeElement.id : ''")
            .await;
        seen.insert(id.as_str().unwrap_or_default().to_string());
    }
    for id in [
        "skip-link",
        "nav-kreise",
        "nav-info",
        "filter-bezirk",
        "sort-ags",
        "sort-name",
        "sort-kind",
        "sort-region",
    ] {
        assert!(seen.contains(id), "Tab never reached #{id}; reached {seen:?}");
    }
    // Every focusable element has an accessible name.
    let unnamed = app
        .script(
            "return [...document.querySelectorAll('a, button, select, input')]
               .filter(e => !(e.labels && e.labels.length) && !e.textContent.trim() && !e.getAttribute('aria-label'))
               .map(e => e.id)",
        )
        .await;
    assert_eq!(unnamed, serde_json::json!([]));
    app.quit().await;
}

#[tokio::test]
async fn enter_on_a_sort_button_sorts() {
    let app = App::start_on_districts().await;
    app.script("document.getElementById('sort-region').focus()").await;
    app.client
        .active_element()
        .await
        .unwrap()
        .send_keys("\u{E007}")
        .await
        .unwrap();
    app.until(
        "sorted by region",
        "document.getElementById('sort-region').parentElement.getAttribute('aria-sort') === 'ascending'",
    )
    .await;
    // Freiburg first in German order of Regierungsbezirke.
    app.until(
        "Freiburg first",
        "document.querySelector('#kreise-zeilen tr').dataset.ags.startsWith('083')",
    )
    .await;
    app.quit().await;
}

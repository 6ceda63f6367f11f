//! The Stadt- und Landkreise screen in the real window.

use fantoccini::Locator;

use crate::app::App;

async fn row_keys(app: &App) -> Vec<String> {
    let value = app
        .script("return [...document.querySelectorAll('#kreise-zeilen tr')].map(r => r.dataset.ags);")
        .await;
    serde_json::from_value(value).unwrap()
}

#[tokio::test]
async fn window_opens_with_german_title_and_all_44_districts() {
    let app = App::start_on_districts().await;
    let title = app.client.title().await.unwrap();
    assert_eq!(title, "Stadt- und Landkreise – Netzwerkmappe");
    assert_eq!(app.script("return document.documentElement.lang").await, "de");
    assert_eq!(app.text("#kreise-status").await, "44 Kreise");
    let first = app.text("#kreise-zeilen tr:first-child").await;
    assert!(
        first.contains("08111") && first.contains("Stuttgart") && first.contains("Stadtkreis"),
        "{first}"
    );
    let tuebingen = app.text("#kreise-zeilen tr[data-ags='08416']").await;
    assert!(
        tuebingen.contains("Tübingen") && tuebingen.contains("Landkreis"),
        "{tuebingen}"
    );
    app.quit().await;
}

#[tokio::test]
async fn region_filter_shows_exactly_that_regions_districts() {
    let app = App::start_on_districts().await;
    let select = app.wait_for("#filter-bezirk").await;
    select.select_by_value("083").await.unwrap();
    app.until(
        "Freiburg rows",
        "document.querySelectorAll('#kreise-zeilen tr').length === 10",
    )
    .await;
    let keys = row_keys(&app).await;
    assert!(keys.iter().all(|k| k.starts_with("083")), "{keys:?}");
    assert_eq!(
        app.text("#kreise-status").await,
        "10 Kreise im Regierungsbezirk Freiburg"
    );

    select.select_by_value("084").await.unwrap();
    app.until(
        "Tübingen rows",
        "document.querySelectorAll('#kreise-zeilen tr').length === 9",
    )
    .await;
    assert!(
        row_keys(&app).await.contains(&"08421".to_string()),
        "Ulm is in Tübingen"
    );

    select.select_by_value("").await.unwrap();
    app.until(
        "all rows",
        "document.querySelectorAll('#kreise-zeilen tr').length === 44",
    )
    .await;
    app.quit().await;
}

#[tokio::test]
async fn sorting_by_name_uses_german_order_and_toggles() {
    let app = App::start_on_districts().await;
    app.client
        .find(Locator::Id("sort-name"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    app.until(
        "sorted",
        "document.querySelector('#kreise-zeilen tr').dataset.ags === '08425'",
    )
    .await;
    let header = app
        .script("return document.getElementById('sort-name').parentElement.getAttribute('aria-sort')")
        .await;
    assert_eq!(header, "ascending");
    let names: Vec<String> = serde_json::from_value(
        app.script("return [...document.querySelectorAll('#kreise-zeilen tr th')].map(c => c.textContent)")
            .await,
    )
    .unwrap();
    // German collation: Böblingen sorts between Biberach and Bodenseekreis, Lörrach after Ludwigsburg? No:
    // "Lö" sorts as "Lo", before "Lu".
    let pos = |n: &str| names.iter().position(|x| x == n).unwrap();
    assert!(
        pos("Biberach") < pos("Böblingen") && pos("Böblingen") < pos("Bodenseekreis"),
        "{names:?}"
    );
    assert!(pos("Lörrach") < pos("Ludwigsburg"), "{names:?}");

    app.client
        .find(Locator::Id("sort-name"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    app.until(
        "reversed",
        "document.querySelector('#kreise-zeilen tr').dataset.ags === '08417'",
    )
    .await;
    app.quit().await;
}

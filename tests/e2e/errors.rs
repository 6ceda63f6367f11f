//! Bad situations at start-up reach the person as a German message in the window.

use crate::app::App;

#[tokio::test]
async fn a_damaged_data_file_is_reported_and_left_untouched() {
    let garbage = b"Kein SQLite, sondern Zufall. ".repeat(200);
    let g = garbage.clone();
    let app =
        App::start_with(move |dir| std::fs::write(dir.join("netzwerkmappe.sqlite3"), &g).unwrap()).await;
    // The damage page explains it and offers the choices; with no backup, none is offered.
    app.until("damage page", "location.hash === '#/datensicherung/beschaedigt'")
        .await;
    let text = app.text("#schaden-meldung").await;
    assert!(
        text.contains("beschädigt") && text.contains("nicht verändert"),
        "{text}"
    );
    assert!(app.text("#schaden-angebot").await.contains("keine einwandfreie"));
    app.wait_for("#schaden-leer").await;
    let file = app.data_dir.path().join("netzwerkmappe.sqlite3");
    assert_eq!(std::fs::read(&file).unwrap(), garbage);
    app.quit().await;
}

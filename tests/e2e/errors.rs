//! Bad situations at start-up reach the person as a German message in the window.

use crate::app::App;

#[tokio::test]
async fn a_damaged_data_file_is_reported_and_left_untouched() {
    let garbage = b"Kein SQLite, sondern Zufall. ".repeat(200);
    let g = garbage.clone();
    let app =
        App::start_with(move |dir| std::fs::write(dir.join("netzwerkmappe.sqlite3"), &g).unwrap()).await;
    let alert = app
        .wait_for("#meldungen [role='alert'][data-code='DamagedDatabase']")
        .await;
    let text = alert.text().await.unwrap();
    assert!(
        text.contains("beschädigt") && text.contains("nicht verändert"),
        "{text}"
    );
    let file = app.data_dir.path().join("netzwerkmappe.sqlite3");
    assert_eq!(std::fs::read(&file).unwrap(), garbage);
    app.quit().await;
}

//! The Info view in the real window.

use fantoccini::Locator;

use crate::app::App;

#[tokio::test]
async fn info_view_shows_version_data_file_sqlite_and_counts() {
    let app = App::start().await;
    app.client
        .find(Locator::Id("nav-info"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let sqlite = app.text("#info-sqlite").await;
    assert!(
        netzwerkmappe_core::error::sqlite_version_is_supported(&sqlite),
        "SQLite {sqlite}"
    );
    let file = app.text("#info-datendatei").await;
    assert!(file.starts_with(app.data_dir.path().to_str().unwrap()), "{file}");
    assert!(file.ends_with("netzwerkmappe.sqlite3"), "{file}");
    assert_eq!(
        app.text("#info-version").await,
        format!("Netzwerkmappe {}", env!("CARGO_PKG_VERSION"))
    );
    let created = app.text("#info-angelegt").await;
    assert!(
        created.len() > 10 && created.ends_with(" Uhr") && created.chars().nth(2) == Some('.'),
        "German date: {created}"
    );
    let districts = app.text("#info-anzahl tr[data-key='districts']").await;
    assert!(
        districts.contains("Stadt- und Landkreise") && districts.contains("44"),
        "{districts}"
    );
    // The shipped Gemeinden list is named with what it covers (for now only the Stadtkreise),
    // its source, date and licence.
    let gemeinden = app.text("#info-quelle-gemeinden").await;
    for part in [
        "9 Einträge (nur die Stadtkreise; die vollständige Gemeindeliste folgt",
        "Destatis",
        "Statistisches Landesamt",
        "Referenzdaten der App",
    ] {
        assert!(gemeinden.contains(part), "{part} missing: {gemeinden}");
    }
    assert_eq!(app.client.title().await.unwrap(), "Info – Netzwerkmappe");
    app.quit().await;
}

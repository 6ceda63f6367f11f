//! Attachments: size and name checked when added, the checksum on every read.

use crate::fixtures::*;

#[tokio::test]
async fn attachments_are_checked_on_every_read() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("daten.sqlite3")).await.unwrap();
    let id = paper(&store, "Gesundheitslotsen", Some("Text")).await;
    let bytes = b"%PDF-1.7 Beispiel".to_vec();
    let meta = papers::add_attachment(&store, id, None, "Beschluss.pdf", &bytes, "tester", at(10))
        .await
        .unwrap();
    assert_eq!(meta.media_type, "application/pdf");
    assert_eq!(meta.size, 17);
    // Attaching does not make an open editor's next save a conflict.
    let before = papers::get_paper(&store, id).await.unwrap().paper.version;
    papers::add_attachment(&store, id, None, "Notiz.txt", b"x", "tester", at(10))
        .await
        .unwrap();
    assert_eq!(papers::get_paper(&store, id).await.unwrap().paper.version, before);
    let file = papers::read_attachment(&store, meta.id).await.unwrap();
    assert_eq!(file.data, bytes);
    assert_eq!(papers::get_paper(&store, id).await.unwrap().attachments[0], meta);

    let err = papers::add_attachment(
        &store,
        id,
        None,
        "riesig.pdf",
        &vec![0_u8; 25 * 1024 * 1024 + 1],
        "tester",
        at(10),
    )
    .await
    .unwrap_err();
    assert!(err.to_string().contains("höchstens 25 MB"), "{err}");

    // From a file: unreadable, too large (refused before reading), fine.
    let missing = dir.path().join("fehlt.pdf");
    let err = papers::add_attachment_from_file(&store, id, None, &missing, "tester", at(10))
        .await
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::Io);
    assert!(err.to_string().starts_with("Die Datei „"), "{err}");
    let huge = dir.path().join("Film.mp4");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(26 * 1024 * 1024)
        .unwrap();
    let err = papers::add_attachment_from_file(&store, id, None, &huge, "tester", at(10))
        .await
        .unwrap_err();
    assert!(err.to_string().contains("„Film.mp4“ ist 26 MB groß"), "{err}");
    let table = dir.path().join("Übersicht.xlsx");
    std::fs::write(&table, b"PK\x03\x04 Tabelle").unwrap();
    let from_file = papers::add_attachment_from_file(&store, id, None, &table, "tester", at(10))
        .await
        .unwrap();
    assert_eq!(from_file.file_name, "Übersicht.xlsx");
    assert_eq!(
        from_file.media_type,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    );
    store.delete_attachment(from_file.id, at(10)).await.unwrap();

    // One byte of the stored blob changed behind the app's back.
    let mut conn = sqlx::SqliteConnection::connect(&format!(
        "sqlite://{}",
        dir.path().join("daten.sqlite3").display()
    ))
    .await
    .unwrap();
    sqlx::query("UPDATE attachments SET data = CAST('%PDF-1.7 Beispie!' AS BLOB) WHERE id = ?1")
        .bind(meta.id)
        .execute(&mut conn)
        .await
        .unwrap();
    let err = papers::read_attachment(&store, meta.id).await.unwrap_err();
    assert!(
        err.to_string().contains("„Beschluss.pdf“ ist beschädigt"),
        "{err}"
    );

    store.delete_attachment(meta.id, at(11)).await.unwrap();
    assert_eq!(
        papers::get_paper(&store, id).await.unwrap().attachments.len(),
        1,
        "only the other one is left"
    );
}

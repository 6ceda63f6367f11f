//! Versions and drafts: every version kept, restore makes a new one, comparing word by word
//! (two versions, or the draft with a version), each version stored once, nothing stored on a
//! refused save.

use crate::fixtures::*;

#[tokio::test]
async fn versions_are_kept_and_restore_makes_a_new_one() {
    let store = Store::open_in_memory().await.unwrap();
    let id = paper(
        &store,
        "Sprachförderung im Kreis",
        Some("# Ziele\n\nErste Fassung."),
    )
    .await;
    let view = papers::get_paper(&store, id).await.unwrap();
    assert_eq!(view.versions.len(), 1);
    assert_eq!(
        view.current.as_ref().unwrap().note.as_deref(),
        Some("Erste Fassung")
    );

    papers::save_paper_draft(
        &store,
        id,
        DraftInput {
            title: "Sprachförderung im Kreis".into(),
            body: "# Ziele\n\nZweite Fassung, noch nicht fertig.".into(),
            ..DraftInput::default()
        },
        at(10),
    )
    .await
    .unwrap();
    let view = papers::get_paper(&store, id).await.unwrap();
    let draft = view.draft.unwrap();
    assert_eq!(draft.base_number, Some(1));
    assert!(draft.body.contains("Zweite"));

    let view = papers::save_paper_version(
        &store,
        id,
        VersionInput {
            expected_version: Some(view.paper.version),
            ..version(
                "Sprachförderung im Landkreis",
                "# Ziele\n\nZweite Fassung.",
                "Rückmeldungen eingearbeitet",
            )
        },
        "tester",
        at(11),
    )
    .await
    .unwrap();
    assert!(view.draft.is_none(), "saving a version clears the draft");
    assert_eq!(view.paper.title, "Sprachförderung im Landkreis");
    assert_eq!(
        view.versions.iter().map(|v| v.number).collect::<Vec<_>>(),
        vec![2, 1]
    );

    // A stale editor cannot overwrite.
    let stale = papers::save_paper_version(
        &store,
        id,
        VersionInput {
            expected_version: Some(1),
            ..version("x", "y", "z")
        },
        "tester",
        at(11),
    )
    .await
    .unwrap_err();
    assert_eq!(stale.code(), ErrorCode::Conflict);

    let first = view.versions.iter().find(|v| v.number == 1).unwrap().id;
    // An unsaved draft is never dropped by a restore: it must be saved or discarded first.
    let typed = DraftInput {
        title: "t".into(),
        body: "getippt".into(),
        ..DraftInput::default()
    };
    papers::save_paper_draft(&store, id, typed, at(12)).await.unwrap();
    let err = papers::restore_paper_version(&store, first, None, "tester", at(12))
        .await
        .unwrap_err();
    assert!(
        matches!(&err, Error::Validation { field, .. } if field == "Entwurf"),
        "{err}"
    );
    store.discard_paper_draft(id).await.unwrap();
    // A draft with the current version's text unchanged holds nothing to lose: no refusal.
    let current = papers::get_paper(&store, id).await.unwrap().current.unwrap();
    let unchanged = DraftInput {
        title: current.title.clone(),
        summary: current.summary.clone(),
        body: current.body.clone(),
    };
    papers::save_paper_draft(&store, id, unchanged, at(12))
        .await
        .unwrap();
    let view = papers::restore_paper_version(&store, first, None, "tester", at(12))
        .await
        .unwrap();
    let numbers: Vec<i64> = view.versions.iter().map(|v| v.number).collect();
    assert_eq!(numbers, vec![3, 2, 1], "every earlier version is kept");
    let current = view.current.unwrap();
    assert_eq!(current.number, 3);
    assert_eq!(current.body, "# Ziele\n\nErste Fassung.");
    assert_eq!(current.note.as_deref(), Some("Wiederhergestellt aus Version 1"));
    assert_eq!(current.restored_from, Some(1));
    assert_eq!(view.paper.title, "Sprachförderung im Kreis");
    assert_eq!(
        store.get_paper_version(first).await.unwrap().body,
        "# Ziele\n\nErste Fassung."
    );
}

#[tokio::test]
async fn versions_compare_word_by_word() {
    let store = Store::open_in_memory().await.unwrap();
    let id = paper(
        &store,
        "Kita-Plätze",
        Some("Die Förderung der Kurse wird fortgesetzt."),
    )
    .await;
    let view = papers::save_paper_version(
        &store,
        id,
        version(
            "Kita-Plätze",
            "Die Förderung aller Kurse wird fortgesetzt.",
            "ausgeweitet",
        ),
        "tester",
        at(10),
    )
    .await
    .unwrap();
    let (v2, v1) = (view.versions[0].id, view.versions[1].id);
    // Asked the other way round, the older one is still `a`.
    let cmp = papers::compare_paper_versions(&store, v2, v1).await.unwrap();
    assert_eq!((cmp.a.number, cmp.b.number), (1, 2));
    let changed: Vec<(ChangeKind, &str)> = cmp
        .body_diff
        .parts
        .iter()
        .map(|p| (p.kind, p.text.as_str()))
        .filter(|(k, _)| *k != ChangeKind::Equal)
        .collect();
    assert_eq!(
        changed,
        vec![(ChangeKind::Deleted, " der"), (ChangeKind::Inserted, " aller")]
    );
    assert_eq!(cmp.title_diff.inserted_words + cmp.title_diff.deleted_words, 0);

    let other = paper(&store, "Anderes", Some("Text")).await;
    let other_version = papers::get_paper(&store, other).await.unwrap().versions[0].id;
    let err = papers::compare_paper_versions(&store, v1, other_version)
        .await
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::Validation);
}

#[tokio::test]
async fn empty_title_and_oversized_body_store_nothing() {
    let store = Store::open_in_memory().await.unwrap();
    let err = papers::create_paper(&store, PaperInput::default(), "tester", at(9))
        .await
        .unwrap_err();
    assert_eq!(err.field_errors()[0].field, "Titel");
    let err = papers::create_paper(
        &store,
        PaperInput {
            title: "Zu lang".into(),
            body: Some("- a\n".repeat(200_000)),
            ..PaperInput::default()
        },
        "tester",
        at(9),
    )
    .await
    .unwrap_err();
    assert_eq!(err.field_errors()[0].field, "Text");
    assert!(
        store
            .list_papers(&PaperFilter::default())
            .await
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn versions_are_stored_once_each() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("daten.sqlite3");
    let store = Store::open(&path).await.unwrap();
    let id = paper(&store, "Wachstum", None).await;
    let body = "Ein Absatz mit etwas Text über Integration und Teilhabe. ".repeat(400); // about 23 KB
    let mut expected = 0_i64;
    for n in 0..30 {
        let text = format!("{body} Fassung {n}");
        expected += i64::try_from(text.chars().count()).unwrap();
        papers::save_paper_version(&store, id, version("Wachstum", &text, "weiter"), "tester", at(10))
            .await
            .unwrap();
    }
    let mut conn = sqlx::SqliteConnection::connect(&format!("sqlite://{}", path.display()))
        .await
        .unwrap();
    // Each version holds its own text once: no copies of earlier versions, no growing history rows.
    let stored: i64 = sqlx::query_scalar("SELECT sum(length(body)) FROM paper_versions")
        .fetch_one(&mut conn)
        .await
        .unwrap();
    assert_eq!(stored, expected);
    let index_rows: i64 = sqlx::query_scalar("SELECT count(*) FROM search_keys WHERE kind = 'paper'")
        .fetch_one(&mut conn)
        .await
        .unwrap();
    assert_eq!(index_rows, 1, "only the current text is indexed");
}

/// "Entwurf mit Version n vergleichen": the unsaved draft against a saved version, word by word;
/// without a draft there is nothing to compare and the message says so.
#[tokio::test]
async fn the_draft_compares_with_a_saved_version() {
    let store = Store::open_in_memory().await.unwrap();
    let id = paper(&store, "Sprachkurse", Some("Kurse am Abend anbieten.")).await;
    let v1 = papers::get_paper(&store, id).await.unwrap().versions[0].id;
    let err = papers::compare_paper_draft(&store, v1).await.unwrap_err();
    assert!(err.to_string().contains("Entwurf"), "{err}");
    papers::save_paper_draft(
        &store,
        id,
        DraftInput {
            title: "Sprachkurse im Kreis".into(),
            summary: None,
            body: "Kurse am **Morgen** anbieten.".into(),
        },
        at(10),
    )
    .await
    .unwrap();
    let cmp = papers::compare_paper_draft(&store, v1).await.unwrap();
    assert_eq!(cmp.a.number, 1);
    assert_eq!(cmp.draft.title, "Sprachkurse im Kreis");
    let changed = |kind: ChangeKind| -> Vec<String> {
        cmp.body_diff
            .parts
            .iter()
            .filter(|p| p.kind == kind)
            .map(|p| p.text.trim().to_owned())
            .collect()
    };
    assert_eq!(changed(ChangeKind::Deleted), vec!["Abend"]);
    assert_eq!(changed(ChangeKind::Inserted), vec!["Morgen"]);
    assert_eq!(
        (cmp.body_diff.inserted_words, cmp.body_diff.deleted_words),
        (1, 1)
    );
    assert_eq!(cmp.title_diff.inserted_words, 2);
}

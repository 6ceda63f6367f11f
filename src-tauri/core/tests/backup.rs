//! Backups, restoring, damaged files and the faults an office PC produces (read-only file, full
//! disk, a file locked by another program), each on real files in a temp folder.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use netzwerkmappe_core::backup::{self, BackupKind};
use netzwerkmappe_core::contact::{ContactFilter, ContactInput};
use netzwerkmappe_core::error::DamageFinding;
use netzwerkmappe_core::store::{Access, corrupt_index_entry_for_tests, inspect_file, integrity_check_file};
use netzwerkmappe_core::{Error, ErrorCode, store::Store, usecase};

fn contact(last: &str) -> ContactInput {
    ContactInput {
        last_name: last.into(),
        ..Default::default()
    }
}

async fn names(store: &Store) -> Vec<String> {
    let mut names: Vec<String> = store
        .list_contacts(&ContactFilter::default())
        .await
        .unwrap()
        .into_iter()
        .map(|r| r.last_name)
        .collect();
    names.sort();
    names
}

fn data_file(dir: &Path) -> PathBuf {
    dir.join("daten").join("netzwerkmappe.sqlite3")
}

async fn store_with(dir: &Path, people: &[&str]) -> Store {
    let store = Store::open(&data_file(dir)).await.unwrap();
    for p in people {
        store
            .create_contact(contact(p), chrono::Utc::now())
            .await
            .unwrap();
    }
    store
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[tokio::test(flavor = "multi_thread")]
async fn a_backup_is_complete_checked_private_and_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_with(dir.path(), &["Müller", "Schmidt"]).await;
    let target = dir.path().join("Netzwerkmappe_Sicherung_2026-11-27.sqlite");
    let made = usecase::backup::write_backup(&store, &target).await.unwrap();
    assert!(made.size > 0 && made.path.ends_with(".sqlite"), "{made:?}");
    assert!(integrity_check_file(&target).await.unwrap().ok);
    let facts = inspect_file(&target).await.unwrap();
    assert_eq!(facts.contacts, 2);
    let left: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(left.is_empty(), "temporary files left: {left:?}");
    #[cfg(unix)]
    {
        assert_eq!(mode(&target), 0o600, "a backup is personal data");
        assert_eq!(mode(&data_file(dir.path())), 0o600);
        assert_eq!(mode(data_file(dir.path()).parent().unwrap()), 0o700);
        let wal = PathBuf::from(format!("{}-wal", data_file(dir.path()).display()));
        assert_eq!(mode(&wal), 0o600, "SQLite gives -wal the data file's rights");
    }
    // A second backup under the same name replaces the first only once it is complete.
    store
        .create_contact(contact("Neu"), chrono::Utc::now())
        .await
        .unwrap();
    usecase::backup::write_backup(&store, &target).await.unwrap();
    assert_eq!(inspect_file(&target).await.unwrap().contacts, 3);
    // A folder that does not exist: a German message, nothing written.
    let err = usecase::backup::write_backup(&store, &dir.path().join("fehlt").join("x.sqlite"))
        .await
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::Io);
    assert!(err.to_string().contains("existiert nicht"), "{err}");
    store.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn restoring_sets_the_current_file_aside_and_brings_back_the_old_state() {
    let dir = tempfile::tempdir().unwrap();
    let file = data_file(dir.path());
    let store = store_with(dir.path(), &["Alt"]).await;
    let made = usecase::backup::automatic_backup(&store, chrono::Utc::now())
        .await
        .unwrap();
    let made = made.expect("first backup of the day");
    assert!(
        usecase::backup::automatic_backup(&store, chrono::Utc::now())
            .await
            .unwrap()
            .is_none(),
        "once a day"
    );
    store
        .create_contact(contact("Neu"), chrono::Utc::now())
        .await
        .unwrap();

    let list = backup::list_backups(&file).unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].kind, BackupKind::Automatic);
    let chosen = backup::backup_path(&file, &list[0].file_name).unwrap();
    assert_eq!(chosen.display().to_string(), made.path);
    assert!(backup::backup_path(&file, "../netzwerkmappe.sqlite3").is_err());

    let (prepared, facts) = usecase::backup::prepare_restore(&chosen, &file).await.unwrap();
    assert_eq!(facts.contacts, 1);
    store.close().await;
    let aside = backup::put_in_place(
        &prepared,
        &file,
        backup::SetAside::BeforeRestore,
        chrono::Utc::now(),
    )
    .unwrap()
    .unwrap();
    let store = Store::open(&file).await.unwrap();
    assert_eq!(names(&store).await, ["Alt"]);
    store.close().await;
    // The replaced file is kept, with its newest change.
    let old = Store::open(&aside).await.unwrap();
    assert_eq!(names(&old).await, ["Alt", "Neu"]);
    old.close().await;
    let kinds: Vec<BackupKind> = backup::list_backups(&file)
        .unwrap()
        .iter()
        .map(|e| e.kind)
        .collect();
    assert!(kinds.contains(&BackupKind::BeforeRestore), "{kinds:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn only_healthy_netzwerkmappe_files_of_this_or_an_older_version_are_restored() {
    let dir = tempfile::tempdir().unwrap();
    let file = data_file(dir.path());
    let store = store_with(dir.path(), &["Bleibt"]).await;

    // The data file itself is no backup, and no backup may overwrite it.
    let err = usecase::backup::prepare_restore(&file, &file).await.unwrap_err();
    assert!(err.to_string().contains("Datendatei selbst"), "{err}");
    let err = usecase::backup::write_backup(&store, &file).await.unwrap_err();
    assert_eq!(err.code(), ErrorCode::Validation, "{err}");

    let word = dir.path().join("brief.docx");
    std::fs::write(&word, b"PK\x03\x04 kein SQLite".repeat(50)).unwrap();
    let err = usecase::backup::prepare_restore(&word, &file).await.unwrap_err();
    assert_eq!(err.code(), ErrorCode::Validation);
    assert!(
        err.to_string().contains("keine Sicherung von Netzwerkmappe"),
        "{err}"
    );

    let empty = dir.path().join("leer.sqlite");
    std::fs::write(&empty, b"").unwrap();
    assert!(usecase::backup::prepare_restore(&empty, &file).await.is_err());

    // Some other program's SQLite file.
    let other = dir.path().join("fremd.sqlite");
    {
        use sqlx::ConnectOptions;
        let mut conn = sqlx::sqlite::SqliteConnectOptions::new()
            .filename(&other)
            .create_if_missing(true)
            .connect()
            .await
            .unwrap();
        sqlx::query("CREATE TABLE notizen (text TEXT)")
            .execute(&mut conn)
            .await
            .unwrap();
    }
    let err = usecase::backup::prepare_restore(&other, &file).await.unwrap_err();
    assert!(
        err.to_string().contains("keine Sicherung von Netzwerkmappe"),
        "{err}"
    );

    // A backup from a newer program.
    let newer = dir.path().join("neuer.sqlite");
    usecase::backup::write_backup(&store, &newer).await.unwrap();
    {
        use sqlx::ConnectOptions;
        let mut conn = sqlx::sqlite::SqliteConnectOptions::new()
            .filename(&newer)
            .connect()
            .await
            .unwrap();
        sqlx::query(
            "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time)
             VALUES (29991231000000, 'from the future', 1, x'00', 0)",
        )
        .execute(&mut conn)
        .await
        .unwrap();
    }
    let err = usecase::backup::prepare_restore(&newer, &file).await.unwrap_err();
    assert_eq!(err.code(), ErrorCode::NewerDatabase, "{err}");

    // A damaged backup.
    let damaged = dir.path().join("kaputt.sqlite");
    let other_dir = tempfile::tempdir().unwrap();
    let several = store_with(other_dir.path(), &["Eins", "Zwei", "Drei"]).await;
    usecase::backup::write_backup(&several, &damaged).await.unwrap();
    several.close().await;
    corrupt_index_entry_for_tests(&damaged).await.unwrap();
    let err = usecase::backup::prepare_restore(&damaged, &file)
        .await
        .unwrap_err();
    assert!(err.to_string().contains("beschädigt"), "{err}");

    // Nothing of that touched the data.
    assert_eq!(names(&store).await, ["Bleibt"]);
    store.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_corrupted_index_passes_the_quick_check_but_not_the_full_one() {
    let dir = tempfile::tempdir().unwrap();
    let file = data_file(dir.path());
    let store = store_with(dir.path(), &["Anna", "Bernd", "Clara", "Dora"]).await;
    let good = usecase::backup::automatic_backup(&store, chrono::Utc::now())
        .await
        .unwrap()
        .unwrap();
    store.close().await;
    corrupt_index_entry_for_tests(&file).await.unwrap();
    let size_before = std::fs::metadata(&file).unwrap().len();

    // The start's quick check does not see it …
    let store = Store::open(&file).await.unwrap();
    // … the full check does, and the daily backup refuses to run (and to rotate good ones away).
    let check = store.integrity_check().await.unwrap();
    assert!(!check.ok);
    assert!(
        check.technical.iter().any(|t| t.contains("missing from index")),
        "{check:?}"
    );
    let tomorrow = chrono::Utc::now() + chrono::Days::new(1);
    let err = usecase::backup::automatic_backup(&store, tomorrow)
        .await
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::DamagedDatabase);
    assert!(err.to_string().contains("vollständige Prüfung"), "{err}");
    store.close().await;
    assert!(!integrity_check_file(&file).await.unwrap().ok);
    assert_eq!(std::fs::metadata(&file).unwrap().len(), size_before);

    // The newest good backup is offered; setting the damaged file aside keeps it.
    let offered = usecase::backup::newest_good_backup(&file).await.unwrap().unwrap();
    assert!(good.path.ends_with(&offered.file_name));
    let aside = backup::set_aside(&file, backup::SetAside::Damaged, chrono::Utc::now())
        .unwrap()
        .unwrap();
    assert!(
        aside
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("beschaedigt-")
    );
    assert!(!file.exists() && aside.exists());
}

#[tokio::test(flavor = "multi_thread")]
async fn a_data_file_truncated_to_zero_bytes_is_damage_not_a_fresh_start() {
    let dir = tempfile::tempdir().unwrap();
    let file = data_file(dir.path());
    store_with(dir.path(), &["Weg"]).await.close().await;
    std::fs::write(&file, b"").unwrap();
    let err = Store::open(&file).await.unwrap_err();
    match &err {
        Error::DamagedDatabase { finding, .. } => assert_eq!(*finding, DamageFinding::Empty),
        other => panic!("expected damage, got {other:?}"),
    }
    assert!(err.to_string().contains("leer (0 Byte)"), "{err}");
    assert_eq!(std::fs::metadata(&file).unwrap().len(), 0, "not started over");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_read_only_file_can_be_read_and_refuses_writes_in_german() {
    let dir = tempfile::tempdir().unwrap();
    let file = data_file(dir.path());
    store_with(dir.path(), &["Lesbar"]).await.close().await;
    let store = Store::open_with(&file, Access::ReadOnly).await.unwrap();
    assert!(store.is_read_only());
    assert_eq!(store.info("test").await.unwrap().counts[0].count, 1);
    let err = store
        .create_contact(contact("Neu"), chrono::Utc::now())
        .await
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::ReadOnly, "{err}");
    assert!(
        err.to_string().starts_with("Die Datendatei ist schreibgeschützt"),
        "{err}"
    );
    assert_eq!(names(&store).await, ["Lesbar"]);
    store.close().await;
}

/// `chattr +i` as IT might set it: even root may not write the file. Skipped (with a note) where
/// the file system or the container does not allow the attribute.
#[cfg(target_os = "linux")]
#[tokio::test(flavor = "multi_thread")]
async fn an_immutable_file_opens_read_only() {
    struct Immutable(PathBuf);
    impl Drop for Immutable {
        fn drop(&mut self) {
            let _ = std::process::Command::new("chattr")
                .arg("-i")
                .arg(&self.0)
                .status();
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let file = data_file(dir.path());
    store_with(dir.path(), &["Fest"]).await.close().await;
    let set = std::process::Command::new("chattr").arg("+i").arg(&file).status();
    if !set.is_ok_and(|s| s.success()) {
        eprintln!("chattr +i nicht möglich; Test übersprungen");
        return;
    }
    let _guard = Immutable(file.clone());
    let store = Store::open(&file).await.unwrap();
    assert!(store.is_read_only());
    assert_eq!(names(&store).await, ["Fest"]);
    let err = store
        .create_contact(contact("Neu"), chrono::Utc::now())
        .await
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::ReadOnly, "{err}");
    store.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_full_disk_gets_its_message_and_no_partial_write() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_with(dir.path(), &["Vorher"]).await;
    let pages: i64 = {
        let info = std::fs::metadata(data_file(dir.path())).unwrap().len();
        (info / 4096) as i64 + 2
    };
    store.limit_pages_for_tests(pages).await.unwrap();
    let long_note = "Notiz ".repeat(15_000);
    let mut failed = None;
    for i in 0..40 {
        let input = ContactInput {
            notes: Some(long_note.clone()),
            ..contact(&format!("Voll {i}"))
        };
        if let Err(e) = store.create_contact(input, chrono::Utc::now()).await {
            failed = Some(e);
            break;
        }
    }
    let err = failed.expect("the capped file fills up");
    assert_eq!(err.code(), ErrorCode::DiskFull, "{err}");
    assert!(err.to_string().starts_with("Der Datenträger ist voll"), "{err}");
    let stored = names(&store).await;
    assert!(stored.contains(&"Vorher".to_owned()));
    // Every stored contact is whole (its search row too): no half of the failed one.
    let hits = store.search_all("Voll", 100).await.unwrap();
    let hit_count: usize = hits.groups.iter().map(|g| g.hits.len()).sum();
    assert_eq!(hit_count, stored.len() - 1, "{stored:?}");
    store.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_file_locked_by_another_program_gets_the_busy_message_and_no_partial_write() {
    use sqlx::{ConnectOptions, Connection};
    let dir = tempfile::tempdir().unwrap();
    let store = store_with(dir.path(), &["Vorher"]).await;
    let mut other = sqlx::sqlite::SqliteConnectOptions::new()
        .filename(data_file(dir.path()))
        .connect()
        .await
        .unwrap();
    sqlx::query("BEGIN EXCLUSIVE").execute(&mut other).await.unwrap();
    let err = store
        .create_contact(contact("Gesperrt"), chrono::Utc::now())
        .await
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::Busy, "{err}");
    assert!(
        err.to_string().contains("von einem anderen Programm benutzt"),
        "{err}"
    );
    sqlx::query("ROLLBACK").execute(&mut other).await.unwrap();
    other.close().await.unwrap();
    assert_eq!(names(&store).await, ["Vorher"]);
    store.close().await;
}

/// A data folder nobody may write to (`chattr +i` on the folder: no -wal/-shm can be created):
/// the file is still opened for reading, and writes get the read-only message.
#[cfg(target_os = "linux")]
#[tokio::test(flavor = "multi_thread")]
async fn a_read_only_folder_still_lets_people_read() {
    struct Immutable(PathBuf);
    impl Drop for Immutable {
        fn drop(&mut self) {
            let _ = std::process::Command::new("chattr")
                .arg("-i")
                .arg(&self.0)
                .status();
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let file = data_file(dir.path());
    store_with(dir.path(), &["Im Ordner"]).await.close().await;
    let folder = file.parent().unwrap().to_path_buf();
    let set = std::process::Command::new("chattr")
        .arg("+i")
        .arg(&folder)
        .status();
    if !set.is_ok_and(|s| s.success()) {
        eprintln!("chattr +i nicht möglich; Test übersprungen");
        return;
    }
    let _guard = Immutable(folder);
    let store = Store::open(&file).await.unwrap();
    assert!(store.is_read_only());
    assert_eq!(names(&store).await, ["Im Ordner"]);
    assert!(
        store.warnings()[0].contains("schreibgeschützt"),
        "{:?}",
        store.warnings()
    );
    let err = store
        .create_contact(contact("Neu"), chrono::Utc::now())
        .await
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::ReadOnly, "{err}");
    // A backup elsewhere still works: the data can be taken to a writable place.
    let elsewhere = tempfile::tempdir().unwrap();
    let copy = elsewhere.path().join("Rettung.sqlite");
    usecase::backup::write_backup(&store, &copy).await.unwrap();
    assert_eq!(inspect_file(&copy).await.unwrap().contacts, 1);
    store.close().await;
}

/// A folder where the data file belongs (SQLite would report a disk I/O error): a German message
/// naming it, and nothing created or changed.
#[tokio::test(flavor = "multi_thread")]
async fn a_folder_in_place_of_the_data_file_is_named_as_such() {
    let dir = tempfile::tempdir().unwrap();
    let file = data_file(dir.path());
    std::fs::create_dir_all(&file).unwrap();
    let err = Store::open(&file).await.unwrap_err();
    assert_eq!(err.code(), ErrorCode::Io, "{err:?}");
    assert!(
        err.to_string().ends_with("Das ist ein Ordner, keine Datei."),
        "{err}"
    );
    assert!(file.is_dir() && std::fs::read_dir(&file).unwrap().next().is_none());
}

/// A backup made by an older program (here: one migration not yet applied) is migrated up when
/// it is restored, and the restored file works with this program.
#[tokio::test(flavor = "multi_thread")]
async fn a_backup_from_an_older_version_is_migrated_up_on_restore() {
    use sqlx::{ConnectOptions, Connection};
    let dir = tempfile::tempdir().unwrap();
    let file = data_file(dir.path());
    let store = store_with(dir.path(), &["Aus alter Zeit"]).await;
    let old = dir.path().join("alt.sqlite");
    usecase::backup::write_backup(&store, &old).await.unwrap();
    let current = store.schema_version().await.unwrap();
    {
        let mut conn = sqlx::sqlite::SqliteConnectOptions::new()
            .filename(&old)
            .connect()
            .await
            .unwrap();
        sqlx::query("DROP TABLE reminders_shown")
            .execute(&mut conn)
            .await
            .unwrap();
        sqlx::query("DELETE FROM _sqlx_migrations WHERE version = 20261127121000")
            .execute(&mut conn)
            .await
            .unwrap();
        conn.close().await.unwrap();
    }
    let facts = inspect_file(&old).await.unwrap();
    assert!(facts.schema_version <= current);
    let (prepared, _) = usecase::backup::prepare_restore(&old, &file).await.unwrap();
    store.close().await;
    backup::put_in_place(
        &prepared,
        &file,
        backup::SetAside::BeforeRestore,
        chrono::Utc::now(),
    )
    .unwrap();
    let store = Store::open(&file).await.unwrap();
    assert_eq!(store.schema_version().await.unwrap(), current);
    assert_eq!(names(&store).await, ["Aus alter Zeit"]);
    // The table the old program lacked is there again.
    store
        .mark_reminders_shown(&["session:1:2026-11-27".to_owned()], chrono::Utc::now())
        .await
        .unwrap();
    store.close().await;
}

/// Regression: the full check that runs 3 s after the window starts (before the day's backup)
/// reported "fts5: corruption found reading blob …" — a damaged data file — while the window was
/// saving, because FTS5 checked its index with a structure read before those saves. The check
/// must find a healthy file healthy while another connection writes to the search index.
#[tokio::test(flavor = "multi_thread")]
async fn the_full_check_finds_no_damage_while_the_window_writes() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_with(dir.path(), &["Müller", "Schmidt", "Öztürk"]).await;
    let writer = store.clone();
    let writes = tokio::spawn(async move {
        for i in 0..300 {
            writer
                .create_contact(contact(&format!("Neumann-{i}")), chrono::Utc::now())
                .await
                .unwrap();
        }
    });
    let mut findings = Vec::new();
    while !writes.is_finished() {
        let check = store.integrity_check().await.unwrap();
        if !check.ok {
            findings.push(check.technical);
        }
    }
    writes.await.unwrap();
    assert!(
        findings.is_empty(),
        "{} false findings: {:?}",
        findings.len(),
        findings.first()
    );
    assert!(store.integrity_check().await.unwrap().ok);
}

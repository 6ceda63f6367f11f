//! The store on real files and in memory: pragmas, migrations, reference data, damaged files.
#![allow(clippy::unwrap_used)]

use std::path::Path;

use netzwerkmappe_core::district::{DistrictFilter, DistrictKind};
use netzwerkmappe_core::store::Pragma;
use netzwerkmappe_core::{ErrorCode, store::Store};

/// The expected reference data, kept apart from the migration so a typo in either is caught.
const DISTRICTS_TSV: &str = include_str!("../../../tests/data/districts.tsv");

struct ExpectedDistrict {
    ags: String,
    name: String,
    kind: String,
    region: String,
}

fn expected_districts() -> Vec<ExpectedDistrict> {
    DISTRICTS_TSV
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("ags\t") && !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(f.len(), 4, "bad test data line: {l}");
            ExpectedDistrict {
                ags: f[0].into(),
                name: f[1].into(),
                kind: f[2].into(),
                region: f[3].into(),
            }
        })
        .collect()
}

async fn temp_store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("daten").join("netzwerkmappe.sqlite3"))
        .await
        .unwrap();
    (dir, store)
}

#[tokio::test(flavor = "multi_thread")]
async fn every_district_matches_the_official_list() {
    let store = Store::open_in_memory().await.unwrap();
    let got = store.list_districts(&DistrictFilter::default()).await.unwrap();
    let want = expected_districts();
    assert_eq!(want.len(), 44);
    assert_eq!(got.len(), want.len());
    for (g, w) in got.iter().zip(&want) {
        assert_eq!(g.ags, w.ags);
        assert_eq!(g.name, w.name, "name of {}", w.ags);
        assert_eq!(g.kind.label(), w.kind, "kind of {}", w.ags);
        assert_eq!(g.region_name, w.region, "Regierungsbezirk of {}", w.ags);
        assert_eq!(
            &g.ags[..3],
            g.region_code,
            "AGS prefix is the Regierungsbezirk of {}",
            w.ags
        );
    }
    let stadtkreise = got.iter().filter(|d| d.kind == DistrictKind::Stadtkreis).count();
    assert_eq!((stadtkreise, got.len() - stadtkreise), (9, 35));
}

#[tokio::test(flavor = "multi_thread")]
async fn region_filter_returns_exactly_that_regions_districts() {
    let store = Store::open_in_memory().await.unwrap();
    let regions = store.list_regions().await.unwrap();
    let names: Vec<&str> = regions.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["Stuttgart", "Karlsruhe", "Freiburg", "Tübingen"]);
    let mut total = 0;
    for (region, expected) in [("081", 13), ("082", 12), ("083", 10), ("084", 9)] {
        let filter = DistrictFilter {
            region_code: Some(region.into()),
        };
        let got = store.list_districts(&filter).await.unwrap();
        assert_eq!(got.len(), expected, "districts in {region}");
        assert!(got.iter().all(|d| d.region_code == region));
        total += got.len();
    }
    assert_eq!(total, 44);
    let tuebingen = store
        .list_districts(&DistrictFilter {
            region_code: Some("084".into()),
        })
        .await
        .unwrap();
    assert!(tuebingen.iter().any(|d| d.ags == "08416" && d.name == "Tübingen"));
}

#[tokio::test(flavor = "multi_thread")]
async fn unknown_region_is_a_german_validation_error() {
    let store = Store::open_in_memory().await.unwrap();
    let err = store
        .list_districts(&DistrictFilter {
            region_code: Some("085".into()),
        })
        .await
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::Validation);
    assert!(
        err.to_string()
            .starts_with("Regierungsbezirk: „085“ ist kein Regierungsbezirk"),
        "{err}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn file_store_uses_wal_full_sync_and_foreign_keys() {
    let (_dir, store) = temp_store().await;
    assert_eq!(store.journal_mode().await.unwrap(), "wal");
    assert_eq!(
        store.pragma(Pragma::Synchronous).await.unwrap(),
        2,
        "synchronous=FULL"
    );
    assert_eq!(store.pragma(Pragma::ForeignKeys).await.unwrap(), 1);
    assert_eq!(store.pragma(Pragma::BusyTimeout).await.unwrap(), 5000);
}

#[tokio::test(flavor = "multi_thread")]
async fn info_reports_file_version_and_counts() {
    let (dir, store) = temp_store().await;
    let info = store.info("9.9.9").await.unwrap();
    assert_eq!(info.app_version, "9.9.9");
    assert!(info.data_file.starts_with(dir.path().to_str().unwrap()));
    assert!(info.data_file.ends_with("netzwerkmappe.sqlite3"));
    assert!(netzwerkmappe_core::error::sqlite_version_is_supported(
        &info.sqlite_version
    ));
    assert!(info.schema_version >= 20261125000000);
    assert!(info.created_at.is_some());
    let districts = info.counts.iter().find(|c| c.key == "districts").unwrap();
    assert_eq!((districts.label, districts.count), ("Stadt- und Landkreise", 44));
}

#[tokio::test(flavor = "multi_thread")]
async fn reopening_keeps_data_and_does_not_rerun_migrations() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("netzwerkmappe.sqlite3");
    let first = Store::open(&path).await.unwrap();
    let created = first.info("1").await.unwrap().created_at;
    first.close().await;
    let second = Store::open(&path).await.unwrap();
    let info = second.info("1").await.unwrap();
    assert_eq!(info.created_at, created);
    assert_eq!(
        info.counts.iter().find(|c| c.key == "districts").unwrap().count,
        44
    );
}

fn write(path: &Path, bytes: &[u8]) {
    std::fs::write(path, bytes).unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_file_that_is_not_a_database_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("netzwerkmappe.sqlite3");
    let garbage = b"Das ist keine Datenbank, sondern ein Word-Dokument.".repeat(100);
    write(&path, &garbage);
    let err = Store::open(&path).await.unwrap_err();
    assert_eq!(err.code(), ErrorCode::DamagedDatabase, "{err}");
    let msg = err.to_string();
    assert!(
        msg.contains("beschädigt") && msg.contains("nicht verändert"),
        "{msg}"
    );
    assert!(msg.contains(path.to_str().unwrap()), "names the file: {msg}");
    assert_eq!(
        std::fs::read(&path).unwrap(),
        garbage,
        "file must not be modified"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_corrupted_database_page_is_reported_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("netzwerkmappe.sqlite3");
    let store = Store::open(&path).await.unwrap();
    store.close().await;
    let mut bytes = std::fs::read(&path).unwrap();
    assert!(bytes.len() > 8192, "database has several pages");
    // Scribble over the second page (a b-tree page) but keep the header intact.
    for b in &mut bytes[4096 + 16..8192 - 16] {
        *b = 0xA5;
    }
    write(&path, &bytes);
    let err = Store::open(&path).await.unwrap_err();
    assert_eq!(err.code(), ErrorCode::DamagedDatabase, "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), bytes, "file must not be modified");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_database_from_a_newer_app_version_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("netzwerkmappe.sqlite3");
    Store::open(&path).await.unwrap().close().await;
    {
        use sqlx::ConnectOptions;
        let mut conn = sqlx::sqlite::SqliteConnectOptions::new()
            .filename(&path)
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
    let err = Store::open(&path).await.unwrap_err();
    assert_eq!(err.code(), ErrorCode::NewerDatabase, "{err}");
    assert!(err.to_string().contains("neueren Version"));
}

#[tokio::test(flavor = "multi_thread")]
async fn data_folder_that_cannot_be_created_gets_a_message_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("datei");
    write(&blocker, b"x");
    let err = Store::open(&blocker.join("unter").join("netzwerkmappe.sqlite3"))
        .await
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::Io);
    assert!(err.to_string().contains("konnte nicht angelegt werden"), "{err}");
    assert!(err.to_string().contains("datei"), "{err}");
}

/// Every write takes the write lock at its start (`BEGIN IMMEDIATE`) through the one helper in
/// `store/write.rs`; a deferred `begin()` elsewhere would fail with "busy" instead of waiting when
/// another window wrote in between.
#[test]
fn every_write_transaction_opens_through_the_one_helper() {
    let dir = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src/store"));
    // The store's files, those of its folders (`store/privacy/`) too.
    let mut files = Vec::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else {
                files.push(path);
            }
        }
    }
    let mut checked = 0;
    for path in files {
        let source = std::fs::read_to_string(&path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let begins = source.matches(".begin(").count() + source.matches(".begin_with(").count();
        if name == "write.rs" {
            assert_eq!(begins, 2, "write.rs opens the write and the read snapshot");
            assert!(source.contains("begin_with(\"BEGIN IMMEDIATE\")"));
            assert!(source.contains("begin_with(\"BEGIN DEFERRED\")"));
        } else {
            assert_eq!(
                begins, 0,
                "{name} opens a transaction itself; use Store::begin_write"
            );
        }
        checked += 1;
    }
    assert!(checked >= 8, "all store files were read");
}

/// Settings survive a restart of the app; a refused value leaves the stored one untouched.
#[tokio::test(flavor = "multi_thread")]
async fn settings_are_kept_and_checked() {
    use netzwerkmappe_core::settings::{DEFAULT_MAIL_BATCH_SIZE, Settings};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("netzwerkmappe.sqlite3");
    let store = Store::open(&path).await.unwrap();
    assert_eq!(
        store.settings().await.unwrap().mail_batch_size,
        DEFAULT_MAIL_BATCH_SIZE
    );
    let saved = store
        .update_settings(
            Settings {
                mail_batch_size: 30,
                ..Settings::default()
            },
            chrono::Utc::now(),
        )
        .await
        .unwrap();
    assert_eq!(saved.mail_batch_size, 30);
    let refused = store
        .update_settings(
            Settings {
                mail_batch_size: 0,
                ..Settings::default()
            },
            chrono::Utc::now(),
        )
        .await
        .unwrap_err();
    assert_eq!(refused.code(), netzwerkmappe_core::ErrorCode::Validation);
    store.close().await;
    let reopened = Store::open(&path).await.unwrap();
    assert_eq!(reopened.settings().await.unwrap().mail_batch_size, 30);
}

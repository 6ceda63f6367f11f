//! Data files written before the search keys and AUTOINCREMENT arrived open with everything intact:
//! people, their addresses, numbers and groups, the search index, and foreign keys that check out.
//! From then on no id is handed out twice, whether by the form or by the bulk import.
#![allow(clippy::unwrap_used)]

use std::path::Path;

use chrono::{TimeZone, Utc};
use netzwerkmappe_core::contact::{ContactFilter, ContactInput};
use netzwerkmappe_core::import::plan::DuplicateAction;
use netzwerkmappe_core::organisation::{ContactsOnDelete, OrganisationInput};
use netzwerkmappe_core::search::SearchKind;
use netzwerkmappe_core::store::Store;
use netzwerkmappe_core::usecase;
use sqlx::sqlite::{SqliteConnectOptions, SqlitePoolOptions};

const MIGRATIONS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/migrations");
/// The migrations the first release shipped; a data file at that schema is built from them.
const SHIPPED: [&str; 2] = [
    "20261125000000_reference-districts.sql",
    "20261125120000_contacts-organisations.sql",
];

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 27, 8, 0, 0).unwrap()
}

/// A data file at the first release's schema, with two organisations, three contacts (addresses,
/// numbers, groups) and their search rows under the old `id * 2 (+ 1)` rowids.
async fn old_data_file(dir: &Path) -> std::path::PathBuf {
    let shipped = dir.join("shipped");
    std::fs::create_dir_all(&shipped).unwrap();
    for name in SHIPPED {
        std::fs::copy(Path::new(MIGRATIONS).join(name), shipped.join(name)).unwrap();
    }
    let path = dir.join("netzwerkmappe.sqlite3");
    let options = SqliteConnectOptions::new()
        .filename(&path)
        .create_if_missing(true)
        .foreign_keys(true);
    let pool = SqlitePoolOptions::new().connect_with(options).await.unwrap();
    sqlx::migrate::Migrator::new(shipped.as_path())
        .await
        .unwrap()
        .run(&pool)
        .await
        .unwrap();
    sqlx::raw_sql(
        "INSERT INTO organisations (id, name, kind, district_ags, sort_key, created_at, updated_at) VALUES
            (1, 'Landratsamt Tübingen', 'landratsamt', '08416', 'landratsamt tubingen', 't', 't'),
            (2, 'Stadt Mannheim', 'stadtverwaltung', '08222', 'stadt mannheim', 't', 't');
         INSERT INTO contacts (id, first_name, last_name, organisation_id, sort_key, created_at, updated_at) VALUES
            (1, 'Anna', 'Müller', 1, 'muller anna', 't', 't'),
            (2, 'Kemal', 'Öztürk', 2, 'ozturk kemal', 't', 't'),
            (5, 'Zofia', 'Nowak', NULL, 'nowak zofia', 't', 't');
         INSERT INTO contact_emails (contact_id, address, preferred) VALUES (1, 'a.mueller@lrat.example', 1),
            (5, 'z.nowak@stadt.example', 1);
         INSERT INTO contact_phones (contact_id, number, preferred) VALUES (2, '0621 293-0', 1);
         INSERT INTO groups (id, name) VALUES (1, 'Kernnetzwerk');
         INSERT INTO contact_groups (contact_id, group_id) VALUES (1, 1), (5, 1);
         INSERT INTO search_index (rowid, kind, ref_id, folded) VALUES
            (2, 'contact', 1, 'anna muller landratsamt tubingen a.muller@lrat.example kernnetzwerk'),
            (4, 'contact', 2, 'kemal ozturk stadt mannheim'),
            (10, 'contact', 5, 'zofia nowak z.nowak@stadt.example kernnetzwerk'),
            (3, 'organisation', 1, 'landratsamt tubingen tubingen'),
            (5, 'organisation', 2, 'stadt mannheim mannheim');",
    )
    .execute(&pool)
    .await
    .unwrap();
    pool.close().await;
    path
}

#[tokio::test(flavor = "multi_thread")]
async fn an_old_data_file_keeps_everything_and_its_foreign_keys_check_out() {
    let dir = tempfile::tempdir().unwrap();
    let path = old_data_file(dir.path()).await;
    let store = Store::open(&path).await.unwrap();

    let contacts = store.full_contacts(&ContactFilter::default()).await.unwrap();
    let summary: Vec<(i64, &str, usize, usize, usize)> = contacts
        .iter()
        .map(|c| {
            (
                c.id,
                c.last_name.as_str(),
                c.emails.len(),
                c.phones.len(),
                c.groups.len(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            (1, "Müller", 1, 0, 1),
            (5, "Nowak", 1, 0, 1),
            (2, "Öztürk", 0, 1, 0)
        ],
        "ids, addresses, numbers and groups survive the rebuild (no CASCADE fired)"
    );
    assert_eq!(
        contacts[0].organisation_name.as_deref(),
        Some("Landratsamt Tübingen")
    );
    assert_eq!(store.list_organisations().await.unwrap().len(), 2);

    // The search rows moved to the new keys, one per record.
    let results = store.search_all("kernnetz", 10).await.unwrap();
    let ids: Vec<i64> = results.hits().map(|h| h.id).collect();
    assert_eq!(ids.len(), 2, "{results:?}");
    let results = store.search_all("mannheim", 10).await.unwrap();
    let kinds: Vec<SearchKind> = results.groups.iter().map(|g| g.kind).collect();
    assert_eq!(kinds, [SearchKind::Contact, SearchKind::Organisation]);
    assert_eq!(
        store
            .search_text(SearchKind::Organisation, 1)
            .await
            .unwrap()
            .as_deref(),
        Some("landratsamt tubingen tubingen")
    );
    store.close().await;

    // Checked on a plain connection: every reference points at a row of the renamed tables.
    let options = SqliteConnectOptions::new().filename(&path).foreign_keys(true);
    let pool = SqlitePoolOptions::new().connect_with(options).await.unwrap();
    let violations: Vec<(String, i64, String, i64)> = sqlx::query_as("PRAGMA foreign_key_check")
        .fetch_all(&pool)
        .await
        .unwrap();
    assert!(violations.is_empty(), "{violations:?}");
    let schema: Vec<String> = sqlx::query_scalar("SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL")
        .fetch_all(&pool)
        .await
        .unwrap();
    let schema = schema.join("\n");
    assert!(
        !schema.contains("_next"),
        "no reference to a temporary table: {schema}"
    );
    assert!(schema.contains("REFERENCES \"contacts\"") || schema.contains("REFERENCES contacts"));
    let sequences: Vec<(String, i64)> = sqlx::query_as(
        // Only the rebuilt tables: later migrations seed reference rows (Handlungsfelder) of their own.
        "SELECT name, seq FROM sqlite_sequence WHERE name IN ('contacts', 'groups', 'organisations') ORDER BY name",
    )
        .fetch_all(&pool)
        .await
        .unwrap();
    assert_eq!(
        sequences,
        [
            ("contacts".to_owned(), 5),
            ("groups".to_owned(), 1),
            ("organisations".to_owned(), 2)
        ]
    );
    pool.close().await;
}

fn person(last: &str) -> ContactInput {
    ContactInput {
        last_name: last.into(),
        ..Default::default()
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn no_id_is_handed_out_twice_by_form_or_import() {
    let store = Store::open_in_memory().await.unwrap();
    let mut handed_out = Vec::new();
    for last in ["Erste", "Zweite", "Dritte"] {
        handed_out.push(store.create_contact(person(last), now()).await.unwrap().id);
    }
    // Delete the newest contact, then create one: it must not get the deleted id back.
    let newest = *handed_out.last().unwrap();
    store.delete_contact(newest).await.unwrap();
    let next = store.create_contact(person("Vierte"), now()).await.unwrap().id;
    assert!(next > newest, "{next} after {newest}");
    handed_out.push(next);
    // The same through the bulk import (ids assigned up front).
    store.delete_contact(next).await.unwrap();
    let csv = "Nachname;Firma\nFünfte;Neue Organisation\nSechste;Neue Organisation\n";
    usecase::import::apply_import(&store, csv.as_bytes(), None, DuplicateAction::Skip, false, now())
        .await
        .unwrap();
    let imported: Vec<i64> = store
        .list_contacts(&ContactFilter::default())
        .await
        .unwrap()
        .into_iter()
        .map(|c| c.id)
        .filter(|id| !handed_out.contains(id))
        .collect();
    assert_eq!(
        imported.len(),
        2,
        "both imported contacts have new ids: {imported:?}"
    );
    assert!(imported.iter().all(|id| *id > next), "{imported:?} after {next}");
    handed_out.extend(&imported);
    // And the form after the import continues after the imported ids.
    let last = store.create_contact(person("Siebte"), now()).await.unwrap().id;
    assert!(
        handed_out.iter().all(|id| *id < last),
        "{last} after {handed_out:?}"
    );

    // Organisations: delete the newest (created by the import), then create and import again.
    let organisations = store.list_organisations().await.unwrap();
    let newest = organisations.iter().map(|o| o.id).max().unwrap();
    store
        .delete_organisation(newest, ContactsOnDelete::Delete)
        .await
        .unwrap();
    let created = store
        .create_organisation(
            OrganisationInput {
                name: "Stadt Ulm".into(),
                ..Default::default()
            },
            now(),
        )
        .await
        .unwrap();
    assert!(created.id > newest);
    store
        .delete_organisation(created.id, ContactsOnDelete::Refuse)
        .await
        .unwrap();
    let csv = "Nachname;Firma\nAchte;Landratsamt Alb-Donau-Kreis\n";
    usecase::import::apply_import(&store, csv.as_bytes(), None, DuplicateAction::Skip, false, now())
        .await
        .unwrap();
    let imported_org = store.list_organisations().await.unwrap();
    assert_eq!(imported_org.len(), 1);
    assert!(imported_org[0].id > created.id);
}

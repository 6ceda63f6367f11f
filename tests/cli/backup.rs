//! `sichern`, `pruefen`, files left behind on error exits, and the crash test: the binary killed
//! with SIGKILL in the middle of large imports, again and again.

use std::path::Path;
use std::process::Command;

use netzwerkmappe_core::contact::ContactInput;
use netzwerkmappe_core::store::Store;

use super::{netzwerkmappe, stderr, stdout};

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

/// A data folder with a few contacts, written through the core.
fn data_with_contacts(data: &Path, names: &[&str]) {
    runtime().block_on(async {
        let store = Store::open(&data.join("netzwerkmappe.sqlite3")).await.unwrap();
        for name in names {
            let input = ContactInput {
                last_name: (*name).into(),
                ..Default::default()
            };
            store.create_contact(input, chrono::Utc::now()).await.unwrap();
        }
        store.close().await;
    });
}

fn companions_left(data: &Path) -> Vec<String> {
    std::fs::read_dir(data)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with("-wal") || n.ends_with("-shm"))
        .collect()
}

#[test]
fn sichern_writes_a_checked_backup_and_pruefen_finds_no_fault() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("daten");
    data_with_contacts(&data, &["Müller", "Schmidt"]);
    let target = dir.path().join("Netzwerkmappe_Sicherung_2026-11-27.sqlite");
    let out = netzwerkmappe(&data, &["sichern", target.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).starts_with("Sicherung gespeichert und geprüft: "),
        "{}",
        stdout(&out)
    );
    let facts = runtime()
        .block_on(netzwerkmappe_core::store::inspect_file(&target))
        .unwrap();
    assert_eq!(facts.contacts, 2);

    let out = netzwerkmappe(&data, &["pruefen"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("ist in Ordnung"), "{}", stdout(&out));
    let out = netzwerkmappe(&data, &["prüfen", "--json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["ok"], true);

    // Into a folder that does not exist: exit 1, German, nothing left behind.
    let out = netzwerkmappe(&data, &["sichern", "/gibt/es/nicht/s.sqlite"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).starts_with("Fehler: Der Ordner „/gibt/es/nicht“"),
        "{}",
        stderr(&out)
    );
    assert_eq!(companions_left(&data), Vec::<String>::new());
}

#[test]
fn pruefen_finds_a_corrupted_index_that_the_start_check_misses() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("daten");
    data_with_contacts(&data, &["Anna", "Bernd", "Clara"]);
    let file = data.join("netzwerkmappe.sqlite3");
    runtime()
        .block_on(netzwerkmappe_core::store::corrupt_index_entry_for_tests(&file))
        .unwrap();
    // `info` opens it (the quick check at start does not look at index entries) …
    assert!(netzwerkmappe(&data, &["info"]).status.success());
    // … `pruefen` runs the full check.
    let out = netzwerkmappe(&data, &["pruefen"]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(
        text.contains("beschädigt") && text.contains("missing from index"),
        "{text}"
    );
    assert!(
        stderr(&out).contains("vollständige Prüfung hat Fehler gefunden"),
        "{}",
        stderr(&out)
    );
    let out = netzwerkmappe(&data, &["pruefen", "--json"]);
    assert_eq!(out.status.code(), Some(1));
    let err: serde_json::Value = serde_json::from_str(stderr(&out).trim()).unwrap();
    assert_eq!(err["code"], "DamagedDatabase");
}

#[test]
fn error_exits_close_the_store_and_leave_no_wal_or_shm() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("daten");
    data_with_contacts(&data, &["Anna"]);
    let out = netzwerkmappe(&data, &["ics", "999", dir.path().join("x.ics").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(companions_left(&data), Vec::<String>::new());
    let out = netzwerkmappe(&data, &["import", "/gibt/es/nicht.csv"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(companions_left(&data), Vec::<String>::new());
}

#[cfg(unix)]
#[test]
fn data_folder_and_file_are_the_users_alone() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("neu");
    assert!(netzwerkmappe(&data, &["info"]).status.success());
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&data), 0o700);
    assert_eq!(mode(&data.join("netzwerkmappe.sqlite3")), 0o600);
}

/// A contacts file of `rows` rows with unique names, as Outlook writes it.
fn big_csv(path: &Path, batch: usize, rows: usize) {
    let mut text = String::from("Vorname;Nachname;E-Mail-Adresse\r\n");
    for i in 0..rows {
        text += &format!("Vorname{batch}x{i};Nachname{batch}x{i};p{batch}x{i}@example.org\r\n");
    }
    std::fs::write(path, text).unwrap();
}

/// The binary is killed (SIGKILL) during large imports, round after round. After each kill the
/// file passes `integrity_check` and holds whole imports only: every earlier import, and of the
/// killed one all rows or none.
#[cfg(unix)]
#[test]
fn killed_in_the_middle_of_imports_the_file_stays_whole() {
    const ROWS: usize = 3_000;
    const KILLS: usize = 20;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("daten");
    assert!(netzwerkmappe(&data, &["info"]).status.success());
    let file = data.join("netzwerkmappe.sqlite3");
    let started = std::time::Instant::now();
    // One import run to its end: how long a whole import takes on this machine now, so the kills
    // below can be spread over its start, parsing, writing and commit.
    let first = dir.path().join("erst.csv");
    big_csv(&first, 999, ROWS);
    let timer = std::time::Instant::now();
    assert!(
        netzwerkmappe(&data, &["import", first.to_str().unwrap()])
            .status
            .success()
    );
    let whole = timer.elapsed();
    let mut committed = ROWS;
    let (mut kills, mut after_commit, mut ran_through) = (0usize, 0usize, 0usize);
    // The kill moment hovers around the end of the import, where its transaction writes and
    // commits: later after a kill that found nothing stored, earlier after one that came too late.
    let mut delay = whole.mul_f64(0.6);
    for round in 0..KILLS {
        let csv = dir.path().join(format!("k{round}.csv"));
        big_csv(&csv, round, ROWS);
        let mut child = Command::new(env!("CARGO_BIN_EXE_netzwerkmappe"))
            .args(["import", csv.to_str().unwrap(), "--daten", data.to_str().unwrap()])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(delay);
        let finished = child.try_wait().unwrap().is_some_and(|s| s.success());
        if !finished {
            child.kill().unwrap();
            kills += 1;
        }
        let _ = child.wait();

        let (check_ok, contacts) = runtime().block_on(async {
            let check = netzwerkmappe_core::store::integrity_check_file(&file)
                .await
                .unwrap();
            let store = Store::open(&file).await.unwrap();
            let check_open = store.integrity_check().await.unwrap();
            let n = store.info("test").await.unwrap().counts[0].count as usize;
            store.close().await;
            (check.ok && check_open.ok, n)
        });
        assert!(check_ok, "round {round}: integrity_check failed");
        if finished {
            assert_eq!(
                contacts,
                committed + ROWS,
                "round {round}: a finished import is missing"
            );
            ran_through += 1;
        } else {
            assert!(
                contacts == committed || contacts == committed + ROWS,
                "round {round}: {contacts} contacts after a kill, {committed} before: half an import or a lost one"
            );
            if contacts > committed {
                after_commit += 1;
            }
        }
        delay = if contacts > committed {
            delay.mul_f64(0.8)
        } else {
            delay.mul_f64(1.15)
        };
        committed = contacts;
    }
    eprintln!(
        "Absturztest: {kills} Abbrüche mit SIGKILL in {KILLS} Runden (ein ganzer Import von {ROWS} Zeilen \
         dauerte {} ms; {ran_through} Importe liefen vor dem Abbruch zu Ende). Nach jedem Abbruch: \
         integrity_check ok, alles vorher Gespeicherte da; {after_commit} Abbrüche kamen nach dem \
         Speichern (Import ganz da), {} davor (nichts davon gespeichert). {:.1} s",
        whole.as_millis(),
        kills - after_commit,
        started.elapsed().as_secs_f64()
    );
    assert!(
        kills >= KILLS / 2,
        "too few rounds were killed mid-import: {kills}"
    );
}

/// `info` on a data folder IT made read-only (`chattr +i`, which binds root too): it answers,
/// with a German warning, and a write gets the read-only message. Skipped where chattr is refused.
#[cfg(target_os = "linux")]
#[test]
fn info_works_on_a_read_only_folder_and_writes_say_why_they_fail() {
    struct Immutable(std::path::PathBuf);
    impl Drop for Immutable {
        fn drop(&mut self) {
            let _ = Command::new("chattr").arg("-i").arg(&self.0).status();
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("daten");
    data_with_contacts(&data, &["Anna"]);
    if !Command::new("chattr")
        .arg("+i")
        .arg(&data)
        .status()
        .is_ok_and(|s| s.success())
    {
        eprintln!("chattr +i nicht möglich; Test übersprungen");
        return;
    }
    let _guard = Immutable(data.clone());
    let out = netzwerkmappe(&data, &["info"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("Warnung: Die Datendatei ist schreibgeschützt"),
        "{}",
        stdout(&out)
    );
    let csv = dir.path().join("neu.csv");
    std::fs::write(&csv, "Vorname;Nachname\r\nBernd;Neu\r\n").unwrap();
    let out = netzwerkmappe(&data, &["import", csv.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).starts_with("Fehler: Die Datendatei ist schreibgeschützt"),
        "{}",
        stderr(&out)
    );
}

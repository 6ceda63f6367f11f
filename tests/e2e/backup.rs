//! "Datensicherung" in the window: back up, change something, restore, see the old state; and a
//! data file damaged before the start leads to the page that offers the newest good backup.

use std::path::Path;
use std::process::Command;

use crate::app::App;
use crate::screenshots::save;

/// Runs the real command line on `dir` (IT's way to seed and back up a folder).
fn cli(dir: &Path, args: &[&str]) {
    let out = Command::new(env!("CARGO_BIN_EXE_netzwerkmappe"))
        .arg("--daten")
        .arg(dir)
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

fn seed_contacts(dir: &Path, names: &[&str]) {
    let mut csv = String::from("Vorname;Nachname\r\n");
    for n in names {
        csv += &format!("Anna;{n}\r\n");
    }
    let file = dir.join("seed.csv");
    std::fs::write(&file, csv).unwrap();
    cli(dir, &["import", file.to_str().unwrap()]);
}

async fn contact_names(app: &App) -> String {
    app.script("return document.getElementById('kontakte-zeilen').textContent")
        .await
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

#[tokio::test]
async fn back_up_change_restore_and_see_the_old_state() {
    let app = App::start_with(|dir| seed_contacts(dir, &["Altbestand"])).await;
    app.client.set_window_rect(0, 0, 1366, 768).await.unwrap();
    app.goto("datensicherung").await;
    let target = app.data_dir.path().join("Meine_Sicherung.sqlite");
    app.answer_file_dialog(&target);
    app.press("#sicherung-jetzt").await;
    app.until(
        "backup written",
        "document.getElementById('meldungen').textContent.includes('Sicherung gespeichert und geprüft')",
    )
    .await;
    assert!(target.exists());

    // Change something: a new contact.
    app.goto("kontakte/neu").await;
    app.wait_for("input[name='nachname']")
        .await
        .send_keys("Neuzugang\u{E007}")
        .await
        .unwrap();
    app.until("saved", "/^#\\/kontakte\\/\\d+$/.test(location.hash)")
        .await;
    app.goto("kontakte").await;
    app.until(
        "two contacts",
        "document.querySelectorAll('#kontakte-zeilen tr').length === 2",
    )
    .await;

    // The automatic backup of the day appears in the list a few seconds after the start.
    app.goto("datensicherung").await;
    for _ in 0..50 {
        if app
            .script("return !!document.querySelector('[data-wiederherstellen]')")
            .await
            == true
        {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
        app.goto("kontakte").await;
        app.goto("datensicherung").await;
    }
    app.wait_for("[data-wiederherstellen]").await;
    save(&app, "datensicherung").await;

    // Restore the file saved above.
    app.answer_file_dialog(&target);
    app.press("#sicherung-aus-datei").await;
    app.until(
        "restored",
        "location.hash === '#/kontakte' && document.getElementById('meldungen').textContent.includes('wiederhergestellt')",
    )
    .await;
    app.until(
        "old state",
        "document.querySelectorAll('#kontakte-zeilen tr').length === 1",
    )
    .await;
    let names = contact_names(&app).await;
    assert!(
        names.contains("Altbestand") && !names.contains("Neuzugang"),
        "{names}"
    );
    // The replaced state is kept in the backup folder.
    let kept = std::fs::read_dir(app.data_dir.path().join("Sicherungen"))
        .unwrap()
        .any(|e| {
            e.unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with("vor-Wiederherstellung-")
        });
    assert!(kept, "the state before the restore is kept");
    app.quit().await;
}

#[tokio::test]
async fn a_data_file_emptied_before_the_start_offers_the_newest_backup() {
    let app = App::start_with(|dir| {
        seed_contacts(dir, &["Gesichert", "Auch gesichert"]);
        std::fs::create_dir_all(dir.join("Sicherungen")).unwrap();
        let backup = dir
            .join("Sicherungen")
            .join("Netzwerkmappe_Sicherung_2026-11-20.sqlite");
        cli(dir, &["sichern", backup.to_str().unwrap()]);
        // Lost: truncated to 0 bytes (a failed copy, a full disk).
        std::fs::write(dir.join("netzwerkmappe.sqlite3"), b"").unwrap();
    })
    .await;
    app.client.set_window_rect(0, 0, 1366, 768).await.unwrap();
    app.until("damage page", "location.hash === '#/datensicherung/beschaedigt'")
        .await;
    let message = app.text("#schaden-meldung").await;
    assert!(message.contains("leer (0 Byte)"), "{message}");
    let offer = app.text("#schaden-angebot").await;
    assert!(offer.contains("20.11.2026"), "{offer}");
    save(&app, "datensicherung-beschaedigt").await;
    assert_eq!(
        std::fs::metadata(app.data_dir.path().join("netzwerkmappe.sqlite3"))
            .unwrap()
            .len(),
        0,
        "nothing started over before the person chose"
    );

    app.press("#schaden-sicherung").await;
    app.until(
        "restored",
        "location.hash === '#/kontakte' && document.querySelectorAll('#kontakte-zeilen tr').length === 2",
    )
    .await;
    let names = contact_names(&app).await;
    assert!(names.contains("Gesichert"), "{names}");
    let set_aside = std::fs::read_dir(app.data_dir.path().join("Sicherungen"))
        .unwrap()
        .any(|e| {
            e.unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with("beschaedigt-")
        });
    assert!(set_aside, "the damaged file is kept");
    app.quit().await;
}

/// A data folder IT made read-only (`chattr +i`, binding even root): the window opens on the
/// data, says so above every screen, and a save gets the German read-only message. Skipped where
/// chattr is refused.
#[cfg(target_os = "linux")]
#[tokio::test]
async fn a_read_only_data_folder_is_readable_and_says_so() {
    struct Immutable(std::path::PathBuf);
    impl Drop for Immutable {
        fn drop(&mut self) {
            let _ = Command::new("chattr").arg("-i").arg(&self.0).status();
        }
    }
    let mut guard = None;
    let app = App::start_with(|dir| {
        seed_contacts(dir, &["Nur lesbar"]);
        // The answer file of the dialogs must exist before the folder is locked.
        std::fs::write(dir.join("dialog-antwort.txt"), "").unwrap();
        if Command::new("chattr")
            .arg("+i")
            .arg(dir)
            .status()
            .is_ok_and(|s| s.success())
        {
            guard = Some(Immutable(dir.to_path_buf()));
        }
    })
    .await;
    if guard.is_none() {
        eprintln!("chattr +i nicht möglich; Test übersprungen");
        app.quit().await;
        return;
    }
    app.client.set_window_rect(0, 0, 1366, 768).await.unwrap();
    let warning = app.text("#daten-warnungen").await;
    assert!(warning.contains("schreibgeschützt"), "{warning}");
    app.until(
        "the stored contact",
        "document.querySelectorAll('#kontakte-zeilen tr').length === 1",
    )
    .await;
    app.goto("kontakte/neu").await;
    app.wait_for("input[name='nachname']")
        .await
        .send_keys("Geht nicht\u{E007}")
        .await
        .unwrap();
    let alert = app
        .wait_for("#meldungen [role='alert'][data-code='ReadOnly']")
        .await
        .text()
        .await
        .unwrap();
    assert!(alert.contains("Die Datendatei ist schreibgeschützt"), "{alert}");
    save(&app, "datendatei-schreibgeschuetzt").await;
    app.quit().await;
    drop(guard);
}

/// An index entry changed on disk passes the start's quick check; the full check a few seconds
/// after the start finds it, and the window switches to the damage page with the newest backup.
#[tokio::test]
async fn a_corrupted_index_found_after_the_start_leads_to_the_damage_page() {
    let app = App::start_with(|dir| {
        seed_contacts(dir, &["Erika", "Fritz", "Gerda"]);
        std::fs::create_dir_all(dir.join("Sicherungen")).unwrap();
        let backup = dir
            .join("Sicherungen")
            .join("Netzwerkmappe_Sicherung_2026-11-24.sqlite");
        cli(dir, &["sichern", backup.to_str().unwrap()]);
        // On a thread of its own: the test's runtime cannot block on another one.
        let file = dir.join("netzwerkmappe.sqlite3");
        std::thread::spawn(move || {
            tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap()
                .block_on(netzwerkmappe_core::store::corrupt_index_entry_for_tests(&file))
                .unwrap();
        })
        .join()
        .unwrap();
    })
    .await;
    app.until("damage page", "location.hash === '#/datensicherung/beschaedigt'")
        .await;
    let message = app.text("#schaden-meldung").await;
    assert!(
        message.contains("vollständige Prüfung hat Fehler gefunden"),
        "{message}"
    );
    assert!(app.text("#schaden-angebot").await.contains("24.11.2026"));
    app.press("#schaden-sicherung").await;
    app.until(
        "restored",
        "location.hash === '#/kontakte' && document.querySelectorAll('#kontakte-zeilen tr').length === 3",
    )
    .await;
    app.goto("datensicherung").await;
    app.press("#sicherung-pruefen").await;
    app.until(
        "checked",
        "document.getElementById('sicherung-pruefung').textContent.includes('keine Fehler')",
    )
    .await;
    app.quit().await;
}

/// An automatic backup from the list: asked first, then the data is back at its state.
#[tokio::test]
async fn an_automatic_backup_from_the_list_is_restored_after_asking() {
    let app = App::start_with(|dir| {
        seed_contacts(dir, &["Altbestand"]);
        std::fs::create_dir_all(dir.join("Sicherungen")).unwrap();
        let backup = dir
            .join("Sicherungen")
            .join("Netzwerkmappe_Sicherung_2026-11-20.sqlite");
        cli(dir, &["sichern", backup.to_str().unwrap()]);
        seed_contacts(dir, &["Später dazu"]);
    })
    .await;
    app.until(
        "two contacts",
        "document.querySelectorAll('#kontakte-zeilen tr').length === 2",
    )
    .await;
    app.goto("datensicherung").await;
    let row = "[data-wiederherstellen='Netzwerkmappe_Sicherung_2026-11-20.sqlite']";
    // Asked first; cancelling changes nothing.
    app.press(row).await;
    app.wait_for("#wiederherstellen-bestaetigen").await;
    app.client
        .active_element()
        .await
        .unwrap()
        .send_keys("\u{E00C}")
        .await
        .unwrap();
    app.until(
        "dialog closed",
        "!document.getElementById('wiederherstellen-bestaetigen')",
    )
    .await;
    assert_eq!(app.script("return location.hash").await, "#/datensicherung");
    app.press(row).await;
    app.press("#wiederherstellen-bestaetigen").await;
    app.until(
        "restored",
        "location.hash === '#/kontakte' && document.querySelectorAll('#kontakte-zeilen tr').length === 1",
    )
    .await;
    let notice = app.text("#meldungen").await;
    assert!(
        notice.contains("Die Sicherung vom 20.11.2026 wurde wiederhergestellt (1 Kontakt, 0 Sitzungen)"),
        "{notice}"
    );
    assert!(contact_names(&app).await.contains("Altbestand"));
    app.quit().await;
}

//! The command line as IT staff meet it: the real binary, each test on its own data folder.
#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::process::{Command, Output};

fn netzwerkmappe(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_netzwerkmappe"))
        .args(args)
        .arg("--daten")
        .arg(data)
        .env_remove("NETZWERKMAPPE_DATEN")
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

#[test]
fn help_is_german_and_exits_zero() {
    let dir = tempfile::tempdir().unwrap();
    let out = netzwerkmappe(dir.path(), &["--help"]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(
        text.contains("Aufruf: netzwerkmappe") && text.contains("Befehle:"),
        "{text}"
    );
    assert!(
        text.contains("--daten <ORDNER>") && text.contains("NETZWERKMAPPE_DATEN"),
        "{text}"
    );
    assert!(!text.contains("Usage") && !text.contains("Print help"), "{text}");
    assert!(
        !dir.path().join("netzwerkmappe.sqlite3").exists(),
        "--help must not create data"
    );
}

#[test]
fn version_prints_the_package_version() {
    let dir = tempfile::tempdir().unwrap();
    let out = netzwerkmappe(dir.path(), &["--version"]);
    assert!(out.status.success());
    assert_eq!(
        stdout(&out).trim(),
        format!("netzwerkmappe {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn info_creates_the_data_file_and_reports_it() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("neu");
    let out = netzwerkmappe(&data, &["info"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains(&format!("Netzwerkmappe {}", env!("CARGO_PKG_VERSION"))),
        "{text}"
    );
    assert!(text.contains("SQLite-Version:  3."), "{text}");
    assert!(
        text.contains(data.join("netzwerkmappe.sqlite3").to_str().unwrap()),
        "{text}"
    );
    assert!(
        text.contains("Stadt- und Landkreise") && text.contains("44"),
        "{text}"
    );
    assert!(data.join("netzwerkmappe.sqlite3").exists());
}

#[test]
fn info_json_is_machine_readable() {
    let dir = tempfile::tempdir().unwrap();
    let out = netzwerkmappe(dir.path(), &["info", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["app_version"], env!("CARGO_PKG_VERSION"));
    let districts = v["counts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["key"] == "districts")
        .unwrap();
    assert_eq!(districts["count"], 44);
}

#[test]
fn kreise_filters_by_region_name_or_code() {
    let dir = tempfile::tempdir().unwrap();
    let out = netzwerkmappe(dir.path(), &["kreise", "--bezirk", "Tübingen", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let v: Vec<serde_json::Value> = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v.len(), 9);
    assert!(v.iter().all(|d| d["region_code"] == "084"));
    let out = netzwerkmappe(dir.path(), &["kreise", "--bezirk", "082"]);
    assert!(stdout(&out).ends_with("12 Kreise\n"), "{}", stdout(&out));
    let out = netzwerkmappe(dir.path(), &["kreise"]);
    assert!(stdout(&out).contains("08416       Tübingen"), "{}", stdout(&out));
    assert!(stdout(&out).ends_with("44 Kreise\n"));
}

#[test]
fn unknown_region_is_a_german_error_with_exit_code_1() {
    let dir = tempfile::tempdir().unwrap();
    let out = netzwerkmappe(dir.path(), &["kreise", "--bezirk", "Berlin"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).starts_with("Fehler: --bezirk: „Berlin“ ist kein Regierungsbezirk"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn wrong_usage_is_german_with_exit_code_2() {
    let dir = tempfile::tempdir().unwrap();
    let out = netzwerkmappe(dir.path(), &["--farbe", "blau"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "Fehler: Unbekannte Option „--farbe“.\nHilfe: netzwerkmappe --help\n"
    );
    let out = netzwerkmappe(dir.path(), &["kaffee"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("Unbekannter Befehl „kaffee“"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn damaged_data_file_is_refused_untouched_with_json_error() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("netzwerkmappe.sqlite3");
    std::fs::write(&file, b"nicht SQLite ".repeat(500)).unwrap();
    let out = netzwerkmappe(dir.path(), &["info", "--json"]);
    assert_eq!(out.status.code(), Some(1));
    let err: serde_json::Value = serde_json::from_str(stderr(&out).trim()).unwrap();
    assert_eq!(err["code"], "DamagedDatabase");
    assert!(err["message"].as_str().unwrap().contains("beschädigt"));
    assert_eq!(std::fs::read(&file).unwrap(), b"nicht SQLite ".repeat(500));
}

#[test]
fn environment_variable_selects_the_data_folder() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_netzwerkmappe"))
        .args(["info", "--json"])
        .env("NETZWERKMAPPE_DATEN", dir.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert!(
        v["data_file"]
            .as_str()
            .unwrap()
            .starts_with(dir.path().to_str().unwrap())
    );
}

const SAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/samples/contacts");

#[test]
fn import_dry_run_shows_the_preview_and_stores_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let file = format!("{SAMPLES}/excel-de-semicolon-windows1252.csv");
    let out = netzwerkmappe(dir.path(), &["import", &file, "--probelauf"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains("Windows-1252") && text.contains("Trennzeichen „;“"),
        "{text}"
    );
    assert!(
        text.contains("Neu: ") && text.contains("Probelauf: Es wurde nichts gespeichert."),
        "{text}"
    );
    let info = netzwerkmappe(dir.path(), &["info", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&info)).unwrap();
    let contacts = v["counts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["key"] == "contacts")
        .unwrap();
    assert_eq!(contacts["count"], 0);
}

#[test]
fn import_twice_skips_duplicates_and_reports_them() {
    let dir = tempfile::tempdir().unwrap();
    let file = format!("{SAMPLES}/outlook-de-windows1252.csv");
    let first = netzwerkmappe(dir.path(), &["import", &file, "--json"]);
    assert!(first.status.success(), "{}", stderr(&first));
    let v: serde_json::Value = serde_json::from_str(&stdout(&first)).unwrap();
    let created = v["ergebnis"]["created"].as_u64().unwrap();
    assert!(created >= 3, "{v}");
    let second = netzwerkmappe(dir.path(), &["import", &file]);
    assert!(second.status.success());
    let text = stdout(&second);
    assert!(
        text.contains(&format!(
            "Importiert: 0 neu, 0 aktualisiert, {created} übersprungen"
        )),
        "{text}"
    );
    assert!(text.contains("Doppelt Zeile 2: Anna Müller"), "{text}");
}

#[test]
fn import_of_a_broken_file_fails_and_stores_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("kaputt.vcf");
    let apple = std::fs::read(format!("{SAMPLES}/apple-3.0-utf8.vcf")).unwrap();
    std::fs::write(&broken, &apple[..apple.len() / 2]).unwrap();
    let data = dir.path().join("daten");
    let out = netzwerkmappe(&data, &["import", broken.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).starts_with("Fehler: Datei: "), "{}", stderr(&out));
    let missing = netzwerkmappe(&data, &["import", "/nicht/da.csv"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(
        stderr(&missing).contains("existiert nicht"),
        "{}",
        stderr(&missing)
    );
    let info = netzwerkmappe(&data, &["info"]);
    assert!(
        stdout(&info).contains("Kontakte                       0"),
        "{}",
        stdout(&info)
    );
}

#[test]
fn import_where_every_row_fails_exits_1_and_stores_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("fehler.csv");
    std::fs::write(
        &file,
        "Vorname;Nachname;E-Mail\r\nAnna;;anna@lra.example\r\nBernd;;bernd@lra.example\r\n",
    )
    .unwrap();
    let data = dir.path().join("daten");
    let out = netzwerkmappe(&data, &["import", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert!(
        stderr(&out).starts_with("Fehler: Import: Nichts wurde importiert"),
        "{}",
        stderr(&out)
    );
    // The preview still says which rows failed, with position and field from the row's data.
    let text = stdout(&out);
    assert!(text.contains("Fehler: 2"), "{text}");
    assert!(text.contains("  Fehler Zeile 2: Anna – "), "{text}");
    assert!(!text.contains("– Zeile 2:"), "position repeated: {text}");
    let info = netzwerkmappe(&data, &["info"]);
    assert!(
        stdout(&info).contains("Kontakte                       0"),
        "{}",
        stdout(&info)
    );
    // The dry run says the same: nothing could be imported.
    let dry = netzwerkmappe(
        &data,
        &["import", file.to_str().unwrap(), "--probelauf", "--json"],
    );
    assert_eq!(dry.status.code(), Some(1));
    let err: serde_json::Value = serde_json::from_str(stderr(&dry).trim()).unwrap();
    assert_eq!(err["code"], "Validation");
}

fn seeded() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let file = format!("{SAMPLES}/outlook-de-windows1252.csv");
    let out = netzwerkmappe(dir.path(), &["import", &file]);
    assert!(out.status.success(), "{}", stderr(&out));
    dir
}

#[test]
fn export_writes_csv_or_vcard_by_the_extension_and_never_overwrites() {
    let dir = seeded();
    let csv_file = dir.path().join("Kontakte.csv");
    let out = netzwerkmappe(dir.path(), &["export", csv_file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.ends_with(&format!("Kontakte als CSV gespeichert: {}\n", csv_file.display())),
        "{text}"
    );
    let written = std::fs::read(&csv_file).unwrap();
    assert!(written.starts_with("\u{feff}".as_bytes()));
    let lines = String::from_utf8(written.clone()).unwrap().lines().count();
    assert!(text.starts_with(&format!("{} Kontakte", lines - 1)), "{text}");

    // Never overwrites: exit 1, German message, the file unchanged.
    let again = netzwerkmappe(
        dir.path(),
        &["export", csv_file.to_str().unwrap(), "--suche", "müller"],
    );
    assert_eq!(again.status.code(), Some(1));
    assert!(stderr(&again).contains("gibt es schon"), "{}", stderr(&again));
    assert_eq!(std::fs::read(&csv_file).unwrap(), written);

    // vCard of a search, as JSON for scripts.
    let vcf = dir.path().join("müller.VCF");
    let out = netzwerkmappe(
        dir.path(),
        &["export", vcf.to_str().unwrap(), "--suche", "mueller", "--json"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["format"], "vcard");
    let cards = netzwerkmappe_core::import::parse_vcards(&std::fs::read(&vcf).unwrap()).unwrap();
    assert_eq!(v["count"], cards.len());
    assert!(!cards.is_empty());
    assert!(cards.iter().all(|c| c.last_name.as_deref() == Some("Müller")));

    // One card per file in a ZIP, for Outlook desktop.
    let zip_file = dir.path().join("einzeln.zip");
    let out = netzwerkmappe(dir.path(), &["export", zip_file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains(" als ZIP mit einer vCard je Kontakt gespeichert: "),
        "{}",
        stdout(&out)
    );
    let zip = std::fs::read(&zip_file).unwrap();
    assert!(zip.starts_with(b"PK\x03\x04"), "not a ZIP");
    let entries = zip.windows(4).filter(|w| w == b"PK\x01\x02").count();
    assert_eq!(entries, lines - 1, "one central-directory entry per contact");
}

#[test]
fn export_refuses_unknown_formats_and_empty_lists() {
    let dir = seeded();
    let xlsx = dir.path().join("liste.xlsx");
    let out = netzwerkmappe(dir.path(), &["export", xlsx.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains(
            "die Endung bestimmt das Format: .csv (Excel), .vcf (vCard) oder .zip (eine vCard je Kontakt)"
        ),
        "{}",
        stderr(&out)
    );
    let empty = dir.path().join("leer.csv");
    let out = netzwerkmappe(
        dir.path(),
        &["export", empty.to_str().unwrap(), "--suche", "zzzz"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("Die Liste ist leer"), "{}", stderr(&out));
    assert!(!empty.exists());
    let missing = netzwerkmappe(dir.path(), &["export"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        stderr(&missing).contains("Es fehlt die Angabe"),
        "{}",
        stderr(&missing)
    );
}

/// `demo` fills an empty folder once; a second run refuses, German, exit 1, nothing added.
#[test]
fn demo_fills_an_empty_folder_and_refuses_one_with_data() {
    let dir = tempfile::tempdir().unwrap();
    let out = netzwerkmappe(dir.path(), &["demo"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).starts_with("Beispielnetzwerk geladen: ") && stdout(&out).contains("3 Sitzungen"),
        "{}",
        stdout(&out)
    );
    let again = netzwerkmappe(dir.path(), &["demo", "--json"]);
    assert_eq!(again.status.code(), Some(1));
    let err: serde_json::Value = serde_json::from_str(stderr(&again).trim()).unwrap();
    assert_eq!(err["code"], "Validation");
    assert!(
        err["message"].as_str().unwrap().contains("enthält schon Daten"),
        "{err}"
    );
    let list = netzwerkmappe(dir.path(), &["sitzungen", "--json"]);
    let v: Vec<serde_json::Value> = serde_json::from_str(&stdout(&list)).unwrap();
    assert_eq!(v.len(), 3, "the refused second run added nothing");
}

#[test]
fn sitzungen_lists_upcoming_first_then_the_past() {
    let dir = tempfile::tempdir().unwrap();
    let empty = netzwerkmappe(dir.path(), &["sitzungen"]);
    assert!(empty.status.success(), "{}", stderr(&empty));
    assert_eq!(stdout(&empty), "Keine Sitzungen.\n");
    assert!(netzwerkmappe(dir.path(), &["demo"]).status.success());
    let out = netzwerkmappe(dir.path(), &["sitzungen"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let upcoming = text.find("Kommende Sitzungen:").expect(&text);
    let past = text.find("Vergangene Sitzungen:").expect(&text);
    assert!(upcoming < past, "{text}");
    assert!(text.contains(" Uhr") && text.contains("Nr. "), "{text}");
    assert!(text.contains("Protokoll freigegeben"), "{text}");
    assert!(text.ends_with("3 Sitzungen\n"), "{text}");
}

#[test]
fn aufgaben_lists_action_items_and_the_overdue_ones() {
    let dir = tempfile::tempdir().unwrap();
    assert!(netzwerkmappe(dir.path(), &["demo"]).status.success());
    let all = netzwerkmappe(dir.path(), &["aufgaben", "--json"]);
    assert!(all.status.success(), "{}", stderr(&all));
    let all: Vec<serde_json::Value> = serde_json::from_str(&stdout(&all)).unwrap();
    let overdue = netzwerkmappe(dir.path(), &["aufgaben", "--ueberfaellig", "--json"]);
    let overdue: Vec<serde_json::Value> = serde_json::from_str(&stdout(&overdue)).unwrap();
    assert!(!overdue.is_empty(), "the demo has overdue items");
    assert!(overdue.len() < all.len(), "not every item is overdue");
    assert!(
        overdue
            .iter()
            .all(|i| i["overdue"] == true && i["status"] == "offen")
    );
    let text = stdout(&netzwerkmappe(dir.path(), &["aufgaben", "--ueberfaellig"]));
    assert!(
        text.contains("überfällig, fällig ") && text.contains("aus Sitzung Nr. "),
        "{text}"
    );
    assert!(
        text.ends_with(&format!("{} Aufgaben\n", overdue.len())) || overdue.len() == 1,
        "{text}"
    );
}

/// The organisation a task owner belongs to, from a line "  …; zuständig: Name (Organisation)".
fn owner_organisations(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|l| l.split("; zuständig: ").nth(1))
        .filter_map(|owner| {
            owner
                .split_once(" (")
                .map(|(_, org)| org.trim_end_matches(')').to_owned())
        })
        .collect()
}

#[test]
fn aufgaben_narrowed_to_an_organisation_by_name_or_its_beginning() {
    let dir = tempfile::tempdir().unwrap();
    assert!(netzwerkmappe(dir.path(), &["demo"]).status.success());
    let all = stdout(&netzwerkmappe(dir.path(), &["aufgaben"]));
    let orgs = owner_organisations(&all);
    let org = orgs.first().expect(&all).clone();
    let expected = orgs.iter().filter(|o| **o == org).count();
    assert!(
        expected < orgs.len(),
        "the demo's tasks belong to several organisations: {all}"
    );

    // Full name, in any case: the tasks of its people, and only those.
    let out = netzwerkmappe(dir.path(), &["aufgaben", "--organisation", &org.to_uppercase()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let shown = owner_organisations(&text);
    assert_eq!(shown.len(), expected, "{text}");
    assert!(shown.iter().all(|o| *o == org), "{text}");
    // The same with the beginning of the name when only this organisation starts so.
    let beginning: String = org.chars().take(org.chars().count() - 2).collect();
    let out = netzwerkmappe(dir.path(), &["aufgaben", "--organisation", &beginning, "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let rows: Vec<serde_json::Value> = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(rows.len(), expected);

    // Unknown, ambiguous and missing organisations get a German message and exit code 1.
    for (reference, message) in [
        ("Gibt es nicht", "Es gibt keine Organisation „Gibt es nicht“."),
        ("999999", "Es gibt keine Organisation mit der Nummer 999999."),
        (
            "landratsamt",
            "„landratsamt“ passt zu mehreren Organisationen: „Landratsamt ",
        ),
    ] {
        let out = netzwerkmappe(dir.path(), &["aufgaben", "--organisation", reference]);
        assert_eq!(out.status.code(), Some(1), "{reference}");
        assert!(stderr(&out).contains(message), "{reference}: {}", stderr(&out));
        assert!(stdout(&out).is_empty());
    }
}

#[test]
fn papiere_lists_concept_papers_with_status_and_version() {
    let dir = tempfile::tempdir().unwrap();
    let empty = netzwerkmappe(dir.path(), &["papiere"]);
    assert!(empty.status.success(), "{}", stderr(&empty));
    assert_eq!(stdout(&empty), "Keine Konzeptpapiere.\n");
    assert!(netzwerkmappe(dir.path(), &["demo"]).status.success());
    let text = stdout(&netzwerkmappe(dir.path(), &["papiere"]));
    assert!(
        text.contains("Interkulturelle Öffnung der Kreisverwaltungen"),
        "{text}"
    );
    assert!(
        text.contains("beschlossen · Version 3 · Handlungsfeld Interkulturelle Öffnung"),
        "{text}"
    );
    assert!(
        text.contains("in Abstimmung · Version 2 · ungespeicherter Entwurf"),
        "{text}"
    );
    assert!(text.ends_with("4 Konzeptpapiere\n"), "{text}");
    // Found by a word of the current text typed without umlauts.
    let found = netzwerkmappe(dir.path(), &["papiere", "--suche", "Kinderbetreuung", "--json"]);
    let found: Vec<serde_json::Value> = serde_json::from_str(&stdout(&found)).unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0]["title"], "Sprache im ländlichen Raum");
    assert_eq!(found[0]["status"], "in_abstimmung");
    let found = netzwerkmappe(dir.path(), &["papiere", "--suche", "Uebersetzung", "--json"]);
    let found: Vec<serde_json::Value> = serde_json::from_str(&stdout(&found)).unwrap();
    assert_eq!(found.len(), 1, "Übersetzung");
}

#[test]
fn ics_writes_the_next_session_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("daten");
    assert!(netzwerkmappe(&data, &["demo"]).status.success());
    let file = dir.path().join("treffen.ics");
    let out = netzwerkmappe(&data, &["ics", "naechste", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).starts_with("Kalenderdatei gespeichert: "),
        "{}",
        stdout(&out)
    );
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n"), "{text}");
    assert!(text.contains("DTSTART;TZID=Europe/Berlin:"), "{text}");
    assert!(text.contains("BEGIN:VTIMEZONE"), "{text}");
    // A second run refuses to overwrite the file and leaves it as it was.
    let again = netzwerkmappe(&data, &["ics", "letzte", file.to_str().unwrap()]);
    assert_eq!(again.status.code(), Some(1));
    assert!(stderr(&again).contains("gibt es schon"), "{}", stderr(&again));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), text);
    // By number, as the list shows it.
    let list: Vec<serde_json::Value> =
        serde_json::from_str(&stdout(&netzwerkmappe(&data, &["sitzungen", "--json"]))).unwrap();
    let id = list[2]["id"].as_i64().unwrap().to_string();
    let second = dir.path().join("zweite.ics");
    let out = netzwerkmappe(&data, &["ics", &id, second.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    // An unknown reference is a German error.
    let bad = netzwerkmappe(
        &data,
        &["ics", "morgen", dir.path().join("x.ics").to_str().unwrap()],
    );
    assert_eq!(bad.status.code(), Some(1));
    assert!(
        stderr(&bad).contains("„morgen“ ist keine Sitzung"),
        "{}",
        stderr(&bad)
    );
    assert!(!dir.path().join("x.ics").exists());
    // A file name without .ics is a wrong call (exit 2).
    let wrong = netzwerkmappe(&data, &["ics", "naechste", "treffen.txt"]);
    assert_eq!(wrong.status.code(), Some(2));
}

mod backup;

#[test]
fn auskunft_writes_json_text_and_pdf_for_one_contact_and_asks_for_the_number_when_ambiguous() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("daten");
    assert!(netzwerkmappe(&data, &["demo"]).status.success());
    let file = dir.path().join("auskunft.json");
    let out = netzwerkmappe(&data, &["auskunft", "1", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).starts_with("Auskunft für Kontakt Nr. 1 gespeichert:"),
        "{}",
        stdout(&out)
    );
    let json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(json["contact"]["id"], 1);
    assert!(json["sessions"].is_array());
    let text = std::fs::read_to_string(dir.path().join("auskunft.txt")).unwrap();
    assert!(text.starts_with("Auskunft nach Art. 15 DSGVO\n"), "{text}");
    let pdf = std::fs::read(dir.path().join("auskunft.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF-1.7"));
    assert!(
        stdout(&out).contains("auskunft.pdf (zum Drucken)"),
        "{}",
        stdout(&out)
    );
    // Never overwritten.
    let again = netzwerkmappe(&data, &["auskunft", "1", file.to_str().unwrap()]);
    assert_eq!(again.status.code(), Some(1));
    assert!(stderr(&again).contains("gibt es schon"), "{}", stderr(&again));
    // A name two contacts share asks for the number.
    let ambiguous = netzwerkmappe(
        &data,
        &["auskunft", "Aydın", dir.path().join("a.json").to_str().unwrap()],
    );
    assert_eq!(ambiguous.status.code(), Some(1));
    assert!(
        stderr(&ambiguous).contains("Bitte geben Sie die Nummer des Kontakts an"),
        "{}",
        stderr(&ambiguous)
    );
    let wrong = netzwerkmappe(&data, &["auskunft", "1", "auskunft.txt"]);
    assert_eq!(wrong.status.code(), Some(2));
}

/// The three PDFs of a session from the command line, on the demo network: written, never
/// overwritten, options choose the dossier's parts; a wrong file name is a wrong call.
#[test]
fn mappe_anwesenheitsliste_and_protokoll_write_pdfs() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("daten");
    assert!(netzwerkmappe(&data, &["demo"]).status.success());
    let mappe = dir.path().join("mappe.pdf");
    let out = netzwerkmappe(
        &data,
        &[
            "mappe",
            "naechste",
            mappe.to_str().unwrap(),
            "--teilnehmende-nach",
            "kreis",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).starts_with("Sitzungsmappe gespeichert: "),
        "{}",
        stdout(&out)
    );
    assert!(stdout(&out).contains(" Seiten"), "{}", stdout(&out));
    let bytes = std::fs::read(&mappe).unwrap();
    assert!(bytes.starts_with(b"%PDF-1.7"));
    let full = lopdf::Document::load_mem(&bytes).unwrap().get_pages().len();

    let small = dir.path().join("klein.pdf");
    let out = netzwerkmappe(
        &data,
        &[
            "mappe",
            "naechste",
            small.to_str().unwrap(),
            "--ohne-deckblatt",
            "--ohne-teilnehmende",
            "--json",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let pages = json["seiten"].as_u64().unwrap() as usize;
    assert!(pages < full, "{pages} < {full}");
    assert_eq!(lopdf::Document::load(&small).unwrap().get_pages().len(), pages);

    // The demo paper on the next session's agenda has the working group's survey attached as a
    // PDF: `--mit-anhaengen` prints its pages after the paper.
    let mit = dir.path().join("mit-anhaengen.pdf");
    let out = netzwerkmappe(
        &data,
        &[
            "mappe",
            "naechste",
            mit.to_str().unwrap(),
            "--mit-anhaengen",
            "--json",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["hinweise"], serde_json::json!([]));
    let with = json["seiten"].as_u64().unwrap() as usize;
    // One page of survey: it may share the paper's last page.
    assert!(with >= full, "{with} >= {full}");
    let text = String::from_utf8(
        std::process::Command::new("pdftotext")
            .args([mit.to_str().unwrap(), "-"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert!(
        text.contains("Erhebung: Wartezeiten auf Integrationskurse"),
        "{text}"
    );
    assert!(text.contains("Anlage „Erhebung Wartezeiten Integrationskurse.pdf“"));
    let wrong = netzwerkmappe(
        &data,
        &["mappe", "naechste", "x.pdf", "--mit-anhaengen", "--ohne-papiere"],
    );
    assert_eq!(wrong.status.code(), Some(2), "attachments need the papers");

    let liste = dir.path().join("liste.pdf");
    let out = netzwerkmappe(
        &data,
        &[
            "anwesenheitsliste",
            "naechste",
            liste.to_str().unwrap(),
            "--quer",
            "--leerzeilen",
            "3",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).starts_with("Anwesenheitsliste gespeichert: "),
        "{}",
        stdout(&out)
    );
    let protokoll = dir.path().join("protokoll.pdf");
    let out = netzwerkmappe(&data, &["protokoll", "letzte", protokoll.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(protokoll.exists());

    // Never overwritten: a second run fails (exit 1) and leaves the file as it was.
    let again = netzwerkmappe(&data, &["protokoll", "letzte", protokoll.to_str().unwrap()]);
    assert_eq!(again.status.code(), Some(1));
    // A name without .pdf is a wrong call (exit 2), in German.
    let wrong = netzwerkmappe(&data, &["mappe", "naechste", "mappe.txt"]);
    assert_eq!(wrong.status.code(), Some(2));
    assert!(stderr(&wrong).contains(".pdf"), "{}", stderr(&wrong));
}

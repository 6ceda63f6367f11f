//! Accessibility (BITV 2.0 / WCAG 2.1 AA) of every screen and every dialog, checked by axe-core
//! inside the real window on the demo network. axe-core is a test-only npm package (pinned in
//! package.json, installed by `scripts/setup.sh test`), injected with WebDriver's execute script;
//! it is never shipped. Serious and critical findings fail the test; minor and moderate ones are
//! printed as a report (rule, impact, count, first element) and written to
//! `target/a11y/axe-bericht.txt`, so they are seen without failing the suite.
//!
//! The keyboard walk is in a11y_keyboard.rs, reflow and zoom in a11y_reflow.rs.

use std::fmt::Write as _;
use std::path::Path;
use std::time::Duration;

use fantoccini::wd::TimeoutConfiguration;
use serde::Deserialize;
use serde_json::json;

use crate::app::App;
use crate::sessions::demo_with_cli;

const ESCAPE: &str = "\u{E00C}";

/// The rule sets BITV 2.0 refers to: WCAG 2.0 and 2.1, levels A and AA.
const AXE_RUN: &str = "const done = arguments[arguments.length - 1];
axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'], resultTypes: ['violations'] })
  .then((r) => done(r.violations.map((v) => ({
    id: v.id, impact: v.impact || 'minor', help: v.help, count: v.nodes.length,
    target: v.nodes.length ? v.nodes[0].target.join(' ') : '',
    summary: v.nodes.length ? (v.nodes[0].failureSummary || '').replace(/\\s+/g, ' ').slice(0, 400) : '',
    html: v.nodes.length ? v.nodes[0].html.slice(0, 200) : '',
  }))))
  .catch((e) => done([{ id: 'axe-error', impact: 'critical', help: String(e && e.message || e), count: 1, target: '', summary: '', html: '' }]));";

#[derive(Debug, Deserialize)]
pub(crate) struct Violation {
    pub id: String,
    pub impact: String,
    pub help: String,
    pub count: usize,
    pub target: String,
    pub summary: String,
    pub html: String,
}

impl Violation {
    fn blocks(&self) -> bool {
        matches!(self.impact.as_str(), "serious" | "critical")
    }
}

/// The findings of every screen checked so far, for one report at the end of a test.
#[derive(Default)]
pub(crate) struct Report {
    screens: Vec<(String, Vec<Violation>)>,
}

impl Report {
    /// Runs axe on what the window shows now and files the findings under `screen`.
    pub async fn check(&mut self, app: &App, screen: &str) {
        let found = axe(app).await;
        self.screens.push((screen.to_owned(), found));
    }

    /// Prints the report (and writes it under target/a11y), then fails on any serious or
    /// critical finding, naming each with its first element and axe's summary.
    pub fn finish(self, name: &str) {
        let mut text = String::new();
        let mut blocking = String::new();
        for (screen, found) in &self.screens {
            let count = |impact: &str| found.iter().filter(|v| v.impact == impact).count();
            let _ = writeln!(
                text,
                "{screen}: {} kritisch, {} ernst, {} mittel, {} gering",
                count("critical"),
                count("serious"),
                count("moderate"),
                count("minor")
            );
            for v in found {
                let _ = writeln!(
                    text,
                    "    {} [{}] ×{} – {} – zuerst: {}",
                    v.id, v.impact, v.count, v.help, v.target
                );
                if v.blocks() {
                    let _ = writeln!(
                        blocking,
                        "{screen}: {} [{}] ×{} at {}\n    {}\n    {}\n    {}",
                        v.id, v.impact, v.count, v.target, v.help, v.summary, v.html
                    );
                }
            }
        }
        println!("axe-core, WCAG 2.1 A/AA ({name}):\n{text}");
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/a11y");
        if std::fs::create_dir_all(&dir).is_ok() {
            let _ = std::fs::write(dir.join(format!("axe-bericht-{name}.txt")), &text);
        }
        assert!(
            blocking.is_empty(),
            "serious or critical accessibility violations:\n{blocking}"
        );
    }
}

/// axe-core's violations on the window's current document (axe is injected once per page).
pub(crate) async fn axe(app: &App) -> Vec<Violation> {
    if app.script("return typeof window.axe").await != json!("object") {
        let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("node_modules/axe-core/axe.min.js");
        let source = std::fs::read_to_string(&file).unwrap_or_else(|e| {
            panic!(
                "{} is missing ({e}): run `scripts/setup.sh test` (npm ci)",
                file.display()
            )
        });
        app.client
            .execute(&format!("{source}\nreturn typeof window.axe;"), vec![])
            .await
            .unwrap();
        // A loaded machine needs more than WebDriver's default 30 s for a long screen.
        app.client
            .update_timeouts(TimeoutConfiguration::new(
                Some(Duration::from_secs(180)),
                Some(Duration::from_secs(60)),
                Some(Duration::from_secs(0)),
            ))
            .await
            .unwrap();
    }
    let found = app.client.execute_async(AXE_RUN, vec![]).await.unwrap();
    serde_json::from_value(found).unwrap()
}

/// Shows the screen at `hash` (as a link would) and waits until `ready` (a JS expression) holds.
pub(crate) async fn visit(app: &App, hash: &str, ready: &str) {
    app.script(&format!("location.hash = '{hash}'")).await;
    app.until(
        &format!("screen {hash}"),
        &format!("location.hash === '{hash}' && document.querySelector('#ansicht h1') && ({ready})"),
    )
    .await;
}

/// The `href` of the first element matching `css`.
pub(crate) async fn href_of(app: &App, css: &str) -> String {
    app.wait_for(css).await;
    app.script(&format!(
        "return document.querySelector(\"{css}\").getAttribute('href')"
    ))
    .await
    .as_str()
    .unwrap()
    .to_owned()
}

/// Escape in the open dialog closes it (the page behind it answers again).
pub(crate) async fn escape_closes_dialog(app: &App) {
    app.client
        .active_element()
        .await
        .unwrap()
        .send_keys(ESCAPE)
        .await
        .unwrap();
    app.until("dialog closed", "!document.querySelector('dialog[open]')")
        .await;
}

/// Kontakte, Organisationen, Kreise, the import preview and the open global search.
#[tokio::test]
async fn a11y_axe_contacts_organisations_districts_import_search() {
    let app = App::start_with(demo_with_cli).await;
    let mut report = Report::default();

    // axe works in this window: a field without a label, put in for a moment, is found.
    app.script(
        "const i = document.createElement('input'); i.id = 'a11y-probe'; document.getElementById('ansicht').append(i);",
    )
    .await;
    let probe = axe(&app).await;
    assert!(
        probe
            .iter()
            .any(|v| v.id == "label" && v.target.contains("a11y-probe")),
        "axe did not find the unlabelled probe field: {probe:?}"
    );
    app.script("document.getElementById('a11y-probe').remove()").await;

    visit(
        &app,
        "#/kontakte",
        "document.querySelector('#kontakte-zeilen tr')",
    )
    .await;
    report.check(&app, "Kontakte").await;
    let contact = href_of(&app, "#kontakte-zeilen a.row-link").await;
    visit(&app, &contact, "document.querySelector('input[name=nachname]')").await;
    report.check(&app, "Kontakt bearbeiten").await;
    visit(
        &app,
        "#/kontakte/neu",
        "document.querySelector('input[name=nachname]')",
    )
    .await;
    report.check(&app, "Neuer Kontakt").await;

    visit(
        &app,
        "#/organisationen",
        "document.querySelector('#ansicht tbody a.row-link')",
    )
    .await;
    report.check(&app, "Organisationen").await;
    let organisation = href_of(&app, "#ansicht tbody a.row-link").await;
    visit(
        &app,
        &organisation,
        "document.querySelector('input[name=org-name]')",
    )
    .await;
    report.check(&app, "Organisation bearbeiten").await;
    visit(
        &app,
        "#/organisationen/neu",
        "document.querySelector('input[name=org-name]')",
    )
    .await;
    report.check(&app, "Neue Organisation").await;

    visit(
        &app,
        "#/kreise",
        "document.querySelectorAll('#kreise-zeilen tr').length === 44",
    )
    .await;
    report.check(&app, "Stadt- und Landkreise").await;

    visit(&app, "#/import", "document.getElementById('import-waehlen')").await;
    report.check(&app, "Import").await;
    app.answer_file_dialog(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/samples/contacts/outlook-de-windows1252.csv"),
    );
    app.press("#import-waehlen").await;
    app.until("preview", "document.getElementById('import-zusammenfassung')")
        .await;
    report.check(&app, "Import-Vorschau").await;

    // The global search with its list of hits open, over the contacts list.
    visit(
        &app,
        "#/kontakte",
        "document.querySelector('#kontakte-zeilen tr')",
    )
    .await;
    app.wait_for("#suche-global")
        .await
        .send_keys("netzwerk")
        .await
        .unwrap();
    app.until(
        "hits",
        "document.querySelector('#suche-global-liste.is-open [role=option]')",
    )
    .await;
    report.check(&app, "Globale Suche (offen)").await;
    report.finish("kontakte");
    app.quit().await;
}

/// Sitzungen: the lists, the session screen with agenda, participants and the PDF menu, a new
/// session, the Protokoll, the Aufgaben, and the dialogs there (confirm, Sitzungsmappe,
/// Anwesenheitsliste), each closed again with Escape.
#[tokio::test]
async fn a11y_axe_sessions_minutes_tasks_and_dialogs() {
    let app = App::start_with(demo_with_cli).await;
    let mut report = Report::default();

    visit(
        &app,
        "#/sitzungen",
        "document.querySelector('#sitzungen-kommende-zeilen a')",
    )
    .await;
    report.check(&app, "Sitzungen").await;
    let session = href_of(&app, "#sitzungen-kommende-zeilen a").await;
    visit(
        &app,
        &session,
        "document.getElementById('tagesordnung-status') && document.querySelector('#teilnehmende table, #teilnehmende p')",
    )
    .await;
    report
        .check(&app, "Sitzung (Angaben, Tagesordnung, Teilnehmende)")
        .await;
    app.press("#sitzung-pdf").await;
    app.wait_for("#sitzung-pdf-mappe").await;
    report.check(&app, "Sitzung mit PDF-Menü").await;

    app.press("#sitzung-pdf-mappe").await;
    app.wait_for("dialog[open] #pdf-speichern").await;
    report.check(&app, "Dialog Sitzungsmappe als PDF").await;
    escape_closes_dialog(&app).await;
    app.press("#sitzung-pdf-anwesenheitsliste").await;
    app.wait_for("dialog[open] #pdf-speichern").await;
    report.check(&app, "Dialog Anwesenheitsliste als PDF").await;
    escape_closes_dialog(&app).await;

    app.press("#sitzung-loeschen").await;
    app.wait_for("dialog[open] #sitzung-loeschen-ja").await;
    report.check(&app, "Bestätigungsdialog (Sitzung löschen)").await;
    escape_closes_dialog(&app).await;

    let minutes = format!("{session}/protokoll");
    visit(&app, &minutes, "document.querySelector('.minutes-top textarea')").await;
    report.check(&app, "Protokoll (Entwurf)").await;

    // A past session's minutes (approved in the demo): read-only, with the Nachtrag form.
    visit(
        &app,
        "#/sitzungen",
        "document.querySelector('#sitzungen-vergangene-zeilen a')",
    )
    .await;
    let past = href_of(&app, "#sitzungen-vergangene-zeilen a").await;
    visit(
        &app,
        &format!("{past}/protokoll"),
        "document.querySelector('.minutes-top')",
    )
    .await;
    report.check(&app, "Protokoll (vergangene Sitzung)").await;

    visit(
        &app,
        "#/sitzungen/neu",
        "document.querySelector('input[name=sitzung-titel]')",
    )
    .await;
    report.check(&app, "Neue Sitzung").await;

    visit(&app, "#/aufgaben", "document.getElementById('aufgaben-zeilen')").await;
    report.check(&app, "Aufgaben").await;
    report.finish("sitzungen");
    app.quit().await;
}

/// Konzeptpapiere (list, paper, a version, new paper), Datenschutz (overview, a person and the
/// anonymise dialog with its deliberate tick), Änderungsprotokoll, Datensicherung,
/// Einstellungen, Info.
#[tokio::test]
async fn a11y_axe_papers_privacy_audit_backup_settings_info() {
    let app = App::start_with(demo_with_cli).await;
    let mut report = Report::default();

    visit(
        &app,
        "#/konzeptpapiere",
        "document.querySelector('#papiere-tabelle a.row-link')",
    )
    .await;
    report.check(&app, "Konzeptpapiere").await;
    let paper = href_of(&app, "#papiere-tabelle a.row-link").await;
    visit(
        &app,
        &paper,
        "document.querySelector('.paper-editor, #papier-versionen')",
    )
    .await;
    report.check(&app, "Konzeptpapier").await;
    let version = app
        .script("const a = document.querySelector('#papier-versionen a.row-link'); return a ? a.getAttribute('href') : null")
        .await;
    if let Some(version) = version.as_str() {
        visit(&app, version, "document.getElementById('zurueck-zum-papier')").await;
        report.check(&app, "Konzeptpapier, Version").await;
    }
    visit(
        &app,
        "#/konzeptpapiere/neu",
        "document.querySelector('#ansicht form')",
    )
    .await;
    report.check(&app, "Neues Konzeptpapier").await;

    visit(
        &app,
        "#/datenschutz",
        "document.getElementById('aufbewahrung-anzahl')",
    )
    .await;
    report.check(&app, "Datenschutz").await;
    visit(
        &app,
        "#/kontakte",
        "document.querySelector('#kontakte-zeilen a.row-link')",
    )
    .await;
    let person = href_of(&app, "#kontakte-zeilen a.row-link")
        .await
        .replace("#/kontakte/", "#/datenschutz/");
    visit(&app, &person, "document.getElementById('auskunft-uebersicht')").await;
    report.check(&app, "Datenschutz: Auskunft zu einer Person").await;
    app.press("#person-anonymisieren").await;
    app.wait_for("dialog[open] #anonymisieren-ja").await;
    report.check(&app, "Dialog Person löschen/anonymisieren").await;
    escape_closes_dialog(&app).await;

    visit(
        &app,
        "#/aenderungsprotokoll",
        "document.querySelector('#protokoll-zeilen tr')",
    )
    .await;
    report.check(&app, "Änderungsprotokoll").await;
    visit(
        &app,
        "#/datensicherung",
        "document.getElementById('sicherung-pruefen')",
    )
    .await;
    report.check(&app, "Datensicherung").await;
    visit(
        &app,
        "#/einstellungen",
        "document.getElementById('einstellungen-speichern')",
    )
    .await;
    report.check(&app, "Einstellungen").await;
    visit(&app, "#/info", "true").await;
    report.check(&app, "Info").await;
    report.finish("papiere-verwaltung");
    app.quit().await;
}

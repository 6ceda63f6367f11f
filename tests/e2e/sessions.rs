//! Sitzungen in the real window, driven by keyboard: plan a session with three TOPs, reorder them,
//! invite a Regierungsbezirk, tick attendance, save the .ics; and the demo network from an empty
//! data file.

use std::path::Path;
use std::process::Command;

use crate::app::App;

const ENTER: &str = "\u{E007}";
const SPACE: &str = "\u{E00D}";

/// Seeds the data folder with the demo network through the real command line.
pub(crate) fn demo_with_cli(dir: &Path) {
    let out = Command::new(env!("CARGO_BIN_EXE_netzwerkmappe"))
        .arg("--daten")
        .arg(dir)
        .arg("demo")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

pub(crate) async fn type_into(app: &App, css: &str, text: &str) {
    app.wait_for(css).await.send_keys(text).await.unwrap();
}

/// Chooses an option of a select the way the keyboard does it (the value changes, `change` fires);
/// WebKitWebDriver has no reliable "select option" for native selects.
async fn choose(app: &App, css: &str, value: &str) {
    app.script(&format!(
        "const s = document.querySelector(\"{css}\"); s.focus(); s.value = '{value}'; \
         s.dispatchEvent(new Event('change', {{bubbles: true}}));"
    ))
    .await;
}

#[tokio::test]
async fn plan_a_session_with_three_tops_invite_mark_attendance_and_export_ics() {
    let app = App::start_with(demo_with_cli).await;
    app.goto("sitzungen/neu").await;

    // A wrong date is named at its field, and nothing is stored.
    type_into(&app, "input[name='sitzung-titel']", "4. Netzwerktreffen 2027").await;
    type_into(&app, "input[name='sitzung-datum']", "31.02.2027").await;
    type_into(&app, "input[name='sitzung-beginn']", "14:00").await;
    type_into(&app, "input[name='sitzung-ende']", "16:30").await;
    app.press("#sitzung-speichern").await;
    app.until(
        "date error at the field",
        "document.querySelector('input[name=sitzung-datum]').getAttribute('aria-invalid') === 'true'",
    )
    .await;
    assert_eq!(app.script("return location.hash").await, "#/sitzungen/neu");

    app.script("document.querySelector('input[name=sitzung-datum]').value = ''")
        .await;
    type_into(&app, "input[name='sitzung-datum']", "10.03.2027").await;
    app.press("#sitzung-speichern").await;
    app.until(
        "saved",
        "/^#\\/sitzungen\\/\\d+$/.test(location.hash) && document.getElementById('tagesordnung-status')",
    )
    .await;
    assert!(
        app.text("#sitzung-termin")
            .await
            .contains("Mi., 10.03.2027, 14:00–16:30 Uhr")
    );

    // Three TOPs, each added with Enter in the title field.
    for (title, minutes) in [
        ("Begrüßung", "10"),
        ("Bericht aus den Kreisen", "45"),
        ("Verschiedenes", "15"),
    ] {
        type_into(&app, "input[name='top-minuten']", minutes).await;
        type_into(&app, "input[name='top-titel']", &format!("{title}{ENTER}")).await;
        app.until(
            &format!("TOP {title}"),
            &format!("[...document.querySelectorAll('#tagesordnung-zeilen th')].some(t => t.textContent.startsWith('{title}'))"),
        )
        .await;
    }
    let rows = app
        .script("return [...document.querySelectorAll('#tagesordnung-zeilen tr')].map(r => [...r.children].slice(0, 3).map(c => c.textContent).join(' | '))")
        .await;
    assert_eq!(
        rows,
        serde_json::json!([
            "TOP 1 | 14:00 Uhr | Begrüßung",
            "TOP 2 | 14:10 Uhr | Bericht aus den Kreisen",
            "TOP 3 | 14:55 Uhr | Verschiedenes"
        ])
    );

    // "Verschiedenes" one place up by keyboard: numbers and clock times follow, focus stays on it.
    let third = app
        .script("return document.querySelectorAll('#tagesordnung-zeilen tr')[2].dataset.id")
        .await;
    let third = third.as_str().unwrap().to_owned();
    app.press(&format!("#top-{third}-up")).await;
    app.until(
        "moved up",
        "document.querySelectorAll('#tagesordnung-zeilen tr')[1].textContent.includes('Verschiedenes')",
    )
    .await;
    assert_eq!(
        app.script("return document.activeElement.id").await,
        format!("top-{third}-up")
    );
    assert_eq!(
        app.script("return document.querySelectorAll('#tagesordnung-zeilen tr')[2].children[1].textContent")
            .await,
        "14:25 Uhr"
    );
    // Indent it under TOP 1: it becomes TOP 1.1.
    app.press(&format!("#top-{third}-indent")).await;
    app.until(
        "indented",
        "document.querySelectorAll('#tagesordnung-zeilen tr')[1].children[0].textContent === 'TOP 1.1'",
    )
    .await;

    // Edit TOP 1 by keyboard: 20 planned minutes instead of 10 move TOP 1.1 to 14:20.
    let first = app
        .script("return document.querySelectorAll('#tagesordnung-zeilen tr')[0].dataset.id")
        .await;
    let first = first.as_str().unwrap().to_owned();
    app.press(&format!("#top-{first}-bearbeiten")).await;
    app.until(
        "form filled",
        "document.querySelector('input[name=top-titel]').value === 'Begrüßung' && document.activeElement.name === 'top-titel'",
    )
    .await;
    app.script("document.querySelector('input[name=top-minuten]').value = ''")
        .await;
    type_into(&app, "input[name='top-minuten']", &format!("20{ENTER}")).await;
    app.until(
        "edited",
        "document.querySelectorAll('#tagesordnung-zeilen tr')[1].children[1].textContent === '14:20 Uhr'",
    )
    .await;
    assert_eq!(
        app.script("return document.querySelectorAll('#tagesordnung-zeilen tr').length")
            .await,
        3,
        "editing added no TOP"
    );

    // Invite everyone of the Regierungsbezirk Tübingen (the demo has one officer per Kreis).
    choose(&app, "#teilnehmende-art", "region").await;
    choose(&app, "#teilnehmende-wert", "084").await;
    app.press("#teilnehmende-hinzufuegen").await;
    app.until(
        "participants",
        "document.querySelectorAll('#teilnehmende-zeilen tr').length >= 9",
    )
    .await;
    let invited = app
        .script("return document.querySelectorAll('#teilnehmende-zeilen tr').length")
        .await;

    // Attendance by keyboard: Space on the first two boxes.
    for i in 0..2 {
        let id = app
            .script(&format!(
                "return document.querySelectorAll('#teilnehmende-zeilen .attendance-box')[{i}].id"
            ))
            .await;
        let id = id.as_str().unwrap().to_owned();
        app.script(&format!("document.getElementById('{id}').focus()"))
            .await;
        app.client
            .active_element()
            .await
            .unwrap()
            .send_keys(SPACE)
            .await
            .unwrap();
        // Saved and drawn anew (the box is ticked at once, the list is redrawn when the save
        // returns; the next box must be taken from the new list).
        app.until(
            "ticked",
            &format!(
                "document.getElementById('{id}').checked && document.activeElement.id === '{id}' && \
                 document.getElementById('teilnehmende-status').textContent.endsWith('davon {} anwesend.')",
                i + 1
            ),
        )
        .await;
    }
    app.until(
        "two present",
        &format!(
            "document.getElementById('teilnehmende-status').textContent === '{} Teilnehmende, davon 2 anwesend.'",
            invited.as_i64().unwrap()
        ),
    )
    .await;

    // "Einladung per E-Mail": nine or more people in BCC with the agenda do not fit a mail link,
    // so subject, text and addresses are offered for copying.
    app.press("#sitzung-einladen").await;
    app.until("invitation", "document.getElementById('einladung-text')")
        .await;
    let text = app
        .script("return document.getElementById('einladung-text').value")
        .await;
    let text = text.as_str().unwrap();
    assert!(
        text.contains("Termin: Mi., 10.03.2027, 14:00–16:30 Uhr"),
        "{text}"
    );
    assert!(text.contains("TOP 1.1  14:20 Uhr  Verschiedenes"), "{text}");
    assert!(
        app.script("return document.getElementById('einladung-betreff').value")
            .await
            .as_str()
            .unwrap()
            .starts_with("Einladung: 4. Netzwerktreffen 2027 am Mi., 10.03.2027")
    );

    // The .ics through "Speichern unter" (answered with a folder: the suggested name in it).
    let folder = app.data_dir.path().join("kalender");
    std::fs::create_dir_all(&folder).unwrap();
    app.answer_file_dialog(&folder);
    app.press("#sitzung-ics").await;
    app.until(
        "saved message",
        "document.querySelector('#meldungen [role=status]') && document.getElementById('meldungen').textContent.includes('Kalenderdatei wurde gespeichert')",
    )
    .await;
    let files: Vec<_> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    assert!(
        files[0]
            .file_name()
            .unwrap()
            .to_str()
            .unwrap()
            .starts_with("Sitzung 2027-03-10 4. Netzwerktreffen 2027"),
        "{files:?}"
    );
    let ics = std::fs::read_to_string(&files[0]).unwrap();
    assert!(
        ics.contains("DTSTART;TZID=Europe/Berlin:20270310T140000"),
        "{ics}"
    );
    assert!(ics.contains("SUMMARY:4. Netzwerktreffen 2027"), "{ics}");
    assert!(ics.matches("ATTENDEE").count() >= 9, "{ics}");
    // Nothing went wrong in the page meanwhile.
    assert_eq!(
        app.script("return window.__netzwerkmappeProblems").await,
        serde_json::json!([])
    );
    app.quit().await;
}

#[tokio::test]
async fn an_empty_data_file_offers_the_demo_network() {
    let app = App::start().await;
    app.goto("sitzungen").await;
    app.press("#demo-laden").await;
    app.until(
        "three sessions",
        "document.querySelectorAll('#sitzungen-listen tbody tr').length === 3",
    )
    .await;
    assert_eq!(
        app.script("return document.querySelectorAll('#sitzungen-kommende-zeilen tr').length")
            .await,
        1
    );
    assert!(app.text("#meldungen").await.contains("Beispielnetzwerk geladen"));
    // The search answers as you type. The demo's sessions are named after their month, and their
    // dates follow today's, so the month is read from the upcoming session's title.
    let month = app
        .script(
            "return document.querySelector('#sitzungen-kommende-zeilen tr').textContent
               .match(/Netzwerktreffen (\\S+)/)[1].toLowerCase()",
        )
        .await;
    let month = month
        .as_str()
        .expect("the upcoming session is named after its month");
    type_into(&app, "#sitzungen-suche", month).await;
    app.until(
        "one hit",
        "document.querySelectorAll('#sitzungen-listen tbody tr').length === 1",
    )
    .await;
    app.quit().await;
}

#[tokio::test]
async fn minutes_with_a_decision_and_a_task_approved_then_nachtrag_and_task_done() {
    let app = App::start_with(demo_with_cli).await;
    app.goto("sitzungen").await;
    app.script("location.hash = document.querySelector('#sitzungen-kommende-zeilen a').getAttribute('href')")
        .await;
    app.press("#sitzung-protokoll").await;
    app.until(
        "minutes screen",
        "/\\/protokoll$/.test(location.hash) && document.querySelector('.minutes-top textarea')",
    )
    .await;
    let first = app
        .script("return document.querySelector('.minutes-top').getAttribute('aria-labelledby').replace('protokoll-top-', '')")
        .await;
    let item = first.as_str().unwrap().to_owned();

    // The discussion saves itself while typing (no button), text pasted from Word kept as typed.
    // Typed, then pasted (a tab would move the focus when typed, so the paste is simulated).
    let discussion = format!("textarea[name='diskussion-{item}']");
    type_into(&app, &discussion, "Frau Aydın begrüßt alle.").await;
    app.script(&format!(
        "const t = document.querySelector(\"{discussion}\"); t.value += '\\t„Zitat“ • Punkt'; \
         t.dispatchEvent(new Event('input', {{bubbles: true}}));"
    ))
    .await;
    app.until(
        "autosaved",
        "document.getElementById('protokoll-speicherstand').textContent.includes('gespeichert')",
    )
    .await;

    type_into(
        &app,
        &format!("textarea[name='beschluss-{item}']"),
        "Das Netzwerk beschließt den Arbeitsplan 2027.",
    )
    .await;
    app.press(&format!("#beschluss-{item}-hinzufuegen")).await;
    app.until(
        "decision",
        &format!("document.querySelector('#beschluesse-{item} li')"),
    )
    .await;
    let label = app.text(&format!("#beschluesse-{item} li strong")).await;
    assert!(label.starts_with("Beschluss ") && label.contains('/'), "{label}");
    // Reloaded from the store: the autosaved discussion is there, exactly as typed.
    assert_eq!(
        app.script(&format!(
            "return document.querySelector(\"textarea[name='diskussion-{item}']\").value"
        ))
        .await,
        "Frau Aydın begrüßt alle.\t„Zitat“ • Punkt"
    );

    // A due date before the session is refused at the field.
    type_into(
        &app,
        &format!("input[name='aufgabe-{item}']"),
        "Arbeitsplan an alle Kreise senden",
    )
    .await;
    type_into(&app, &format!("input[name='aufgabe-{item}-frist']"), "01.01.2020").await;
    app.press(&format!("#aufgabe-{item}-hinzufuegen")).await;
    app.until(
        "due date error",
        &format!("document.querySelector(\"input[name='aufgabe-{item}-frist']\").getAttribute('aria-invalid') === 'true'"),
    )
    .await;
    app.script(&format!(
        "document.querySelector(\"input[name='aufgabe-{item}-frist']\").value = ''"
    ))
    .await;
    type_into(&app, &format!("input[name='aufgabe-{item}-frist']"), "31.12.2099").await;
    app.press(&format!("#aufgabe-{item}-hinzufuegen")).await;
    app.until("task", &format!("document.querySelector('#aufgaben-{item} li')"))
        .await;

    // Approve: afterwards the fields are read-only and a Nachtrag is offered.
    type_into(&app, "input[name='freigegeben-von']", "Sitzungsleitung").await;
    app.press("#protokoll-freigeben").await;
    app.until("approved", "document.getElementById('nachtrag-formular')")
        .await;
    // Approved: no field to type into any more; the discussion is shown as text, as typed.
    assert_eq!(
        app.script("return document.querySelectorAll('.minutes-top textarea, .minutes-top input').length")
            .await,
        0
    );
    assert_eq!(
        app.script(&format!(
            "return document.getElementById('diskussion-{item}').textContent"
        ))
        .await,
        "Frau Aydın begrüßt alle.\t„Zitat“ • Punkt"
    );
    assert!(app.text("#protokoll-stand").await.contains("Freigegeben am"));
    type_into(&app, "input[name='nachtrag-grund']", "Schreibfehler").await;
    type_into(
        &app,
        "textarea[name='nachtrag-text']",
        "Im Beschluss muss es 2028 heißen.",
    )
    .await;
    app.press("#nachtrag-speichern").await;
    app.until("addendum", "document.querySelector('#nachtraege li')")
        .await;
    assert!(app.text("#nachtraege li").await.contains("Schreibfehler"));

    // Aufgabenübersicht: the task is there and is marked done from there by keyboard.
    app.goto("aufgaben").await;
    app.until(
        "task listed",
        "[...document.querySelectorAll('#aufgaben-zeilen th')].some(t => t.textContent === 'Arbeitsplan an alle Kreise senden')",
    )
    .await;
    let task = app
        .script("return [...document.querySelectorAll('#aufgaben-zeilen tr')].find(r => r.querySelector('th').textContent === 'Arbeitsplan an alle Kreise senden').dataset.id")
        .await;
    let task = task.as_str().unwrap().to_owned();
    app.press(&format!("#aufgabe-{task}-status")).await;
    app.until(
        "done: gone from the open list",
        &format!("document.getElementById('meldungen').textContent.includes('ist erledigt') && !document.querySelector('#aufgaben-zeilen tr[data-id=\"{task}\"]')"),
    )
    .await;
    assert_eq!(
        app.script("return window.__netzwerkmappeProblems").await,
        serde_json::json!([])
    );
    app.quit().await;
}

#[tokio::test]
async fn a_session_as_template_for_the_next_then_deleted_while_approved_minutes_stay() {
    let app = App::start_with(demo_with_cli).await;
    app.goto("sitzungen").await;
    app.script("location.hash = document.querySelector('#sitzungen-kommende-zeilen a').getAttribute('href')")
        .await;
    app.until("agenda", "document.querySelectorAll('#tagesordnung-zeilen tr').length > 0 && document.querySelectorAll('#teilnehmende-zeilen tr').length > 0")
        .await;
    let tops = app
        .script("return document.querySelectorAll('#tagesordnung-zeilen tr').length")
        .await;
    let people = app
        .script("return document.querySelectorAll('#teilnehmende-zeilen tr').length")
        .await;
    app.press("#sitzung-vorlage").await;
    app.until(
        "template form",
        "document.getElementById('sitzung-vorlage-hinweis')",
    )
    .await;
    type_into(&app, "input[name='sitzung-titel']", "Netzwerktreffen März 2027").await;
    type_into(&app, "input[name='sitzung-datum']", "17.03.2027").await;
    app.press("#sitzung-speichern").await;
    app.until(
        "new session with the template's agenda",
        &format!(
            "/^#\\/sitzungen\\/\\d+$/.test(location.hash) && document.querySelectorAll('#tagesordnung-zeilen tr').length === {tops} \
             && document.querySelectorAll('#teilnehmende-zeilen tr').length === {people}"
        ),
    )
    .await;
    assert!(app.text("#sitzung-termin").await.contains("17.03.2027"));

    // Deleting it asks first, then it is gone.
    app.press("#sitzung-loeschen").await;
    app.press("#sitzung-loeschen-ja").await;
    app.until(
        "back at the list",
        "location.hash === '#/sitzungen' && document.querySelectorAll('#sitzungen-listen tbody tr').length === 3",
    )
    .await;
    assert!(app.text("#meldungen").await.contains("wurde gelöscht"));

    // A session with approved minutes is refused, in German, and stays.
    app.script(
        "location.hash = document.querySelector('#sitzungen-vergangene-zeilen a').getAttribute('href')",
    )
    .await;
    app.press("#sitzung-loeschen").await;
    app.press("#sitzung-loeschen-ja").await;
    app.until(
        "refused",
        "document.querySelector('#meldungen [role=alert]') && document.activeElement.id === 'sitzung-loeschen'",
    )
    .await;
    assert!(app.text("#meldungen").await.contains("Protokoll"));
    app.quit().await;
}

/// Typing is never lost: the discussion is saved about a second after the last key, without a
/// button; the app is then killed (no closing, no leaving the field) and the text is there again.
#[tokio::test]
async fn a_discussion_typed_then_the_app_killed_is_there_after_restart() {
    let app = App::start_with(demo_with_cli).await;
    app.goto("sitzungen").await;
    app.script("location.hash = document.querySelector('#sitzungen-kommende-zeilen a').getAttribute('href') + '/protokoll'")
        .await;
    app.until(
        "minutes screen",
        "document.querySelector('.minutes-top textarea')",
    )
    .await;
    let name = app
        .script("return document.querySelector('.minutes-top textarea').name")
        .await;
    let name = name.as_str().unwrap().to_owned();
    type_into(
        &app,
        &format!("textarea[name='{name}']"),
        "Alle 44 Kreise waren eingeladen.",
    )
    .await;
    app.until(
        "saved without leaving the field",
        &format!(
            "document.getElementById('protokoll-speicherstand').textContent.includes('gespeichert') \
             && document.activeElement.name === '{name}'"
        ),
    )
    .await;
    let app = app.kill_and_restart().await;
    app.goto("sitzungen").await;
    app.script("location.hash = document.querySelector('#sitzungen-kommende-zeilen a').getAttribute('href') + '/protokoll'")
        .await;
    app.until(
        "text back",
        &format!("document.querySelector(\"textarea[name='{name}']\")?.value === 'Alle 44 Kreise waren eingeladen.'"),
    )
    .await;
    app.quit().await;
}

/// Not a test: pictures of the Sitzungen screens with the demo network for looking at them
/// (`SCREENSHOT_DIR`, default target/screenshots).
#[tokio::test]
#[ignore = "run by hand for screenshots"]
async fn sessions_screenshots() {
    let app = App::start_with(demo_with_cli).await;
    app.goto("sitzungen").await;
    app.until(
        "list",
        "document.querySelectorAll('#sitzungen-listen tbody tr').length === 3",
    )
    .await;
    crate::screenshots::save(&app, "sitzungen-liste").await;
    app.script("location.hash = '#/aufgaben'").await;
    app.until(
        "tasks",
        "document.querySelectorAll('#aufgaben-zeilen tr').length > 0",
    )
    .await;
    // WebKitWebDriver's own screenshot does not return on this screen (its process dies, cause
    // not found yet); the X display's picture shows the same window.
    let dir = std::env::var("SCREENSHOT_DIR").unwrap_or_else(|_| "target/screenshots".into());
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    let _ = Command::new("import")
        .args(["-window", "root", &format!("{dir}/aufgaben.png")])
        .status();
    app.goto("sitzungen").await;
    app.script("document.querySelector('#sitzungen-kommende-zeilen a').click()")
        .await;
    app.until("detail", "document.getElementById('tagesordnung-status') && document.getElementById('teilnehmende-status') && document.getElementById('teilnehmende-status').textContent !== ''")
        .await;
    crate::screenshots::save(&app, "sitzung-oben").await;
    app.script("document.getElementById('tagesordnung').scrollIntoView()")
        .await;
    crate::screenshots::save(&app, "sitzung-tagesordnung").await;
    app.script("document.getElementById('teilnehmende').scrollIntoView()")
        .await;
    crate::screenshots::save(&app, "sitzung-teilnehmende").await;
    app.script("location.hash = document.querySelector('#sitzung-protokoll').getAttribute('href')")
        .await;
    app.until("minutes", "document.querySelector('.minutes-top textarea')")
        .await;
    crate::screenshots::save(&app, "protokoll-entwurf").await;
    app.goto("sitzungen").await;
    app.script("location.hash = document.querySelector('#sitzungen-vergangene-zeilen a').getAttribute('href') + '/protokoll'").await;
    app.until("approved minutes", "document.getElementById('nachtrag-formular')")
        .await;
    crate::screenshots::save(&app, "protokoll-freigegeben").await;
    app.quit().await;
}

//! People in a session's agenda and minutes, chosen by typing in the window and driven by keyboard
//! (issue 10): several responsible people per TOP, single participants, a task owned by an organisation, decisions and
//! tasks changed and deleted while the minutes are a draft, the Protokollführung picked from the
//! contacts, and the Aufgabenübersicht narrowed by organisation and "überfällig".

use crate::app::App;
use crate::sessions::{demo_with_cli, type_into};

const ENTER: &str = "\u{E007}";
const SPACE: &str = "\u{E00D}";
const ARROW_DOWN: &str = "\u{E015}";

/// Types `text` into the picker `name`, walks down with ↓ to the first match of `kind` and takes
/// it with Enter, the way a person does it.
async fn pick(app: &App, name: &str, text: &str, kind: &str) {
    let input = format!("#auswahl-{name}");
    type_into(app, &input, text).await;
    let options = format!("#auswahl-{name}-treffer .picker-option");
    app.until(
        &format!("matches for {text}"),
        &format!(
            "document.querySelector('{input}').dataset.shown === '{text}' && \
             document.querySelector(\"{options}[data-kind='{kind}']\")"
        ),
    )
    .await;
    // From the highlighted match (none where a typed name counts as the value) to the wanted one.
    let steps = app
        .script(&format!(
            "const all = [...document.querySelectorAll('{options}')]; \
             return all.findIndex(o => o.dataset.kind === '{kind}') - \
             all.findIndex(o => o.getAttribute('aria-selected') === 'true')"
        ))
        .await
        .as_u64()
        .unwrap();
    let field = app.wait_for(&input).await;
    for _ in 0..steps {
        field.send_keys(ARROW_DOWN).await.unwrap();
    }
    field.send_keys(ENTER).await.unwrap();
    app.until(
        &format!("{text} picked"),
        &format!("document.querySelector('{input}').getAttribute('aria-expanded') === 'false'"),
    )
    .await;
}

/// Opens the demo network's upcoming session (its minutes are not begun yet).
async fn open_upcoming_session(app: &App) {
    app.goto("sitzungen").await;
    app.script("location.hash = document.querySelector('#sitzungen-kommende-zeilen a').getAttribute('href')")
        .await;
    app.until("session screen", "document.getElementById('tagesordnung-status')")
        .await;
}

async fn clear_and_type(app: &App, css: &str, text: &str) {
    app.script(&format!("document.querySelector(\"{css}\").value = ''"))
        .await;
    type_into(app, css, text).await;
}

#[tokio::test]
async fn a_top_gets_two_responsible_people_by_keyboard_and_loses_one_again() {
    let app = App::start_with(demo_with_cli).await;
    open_upcoming_session(&app).await;

    type_into(&app, "input[name='top-titel']", "Bericht aus dem Ministerium").await;
    pick(&app, "top-verantwortlich", "Anna Nowak", "contact").await;
    pick(&app, "top-verantwortlich", "Kemal Papadopoulos", "contact").await;
    assert_eq!(
        app.script("return [...document.querySelectorAll('#auswahl-top-verantwortlich-gewaehlt li span')].map(s => s.textContent)")
            .await,
        serde_json::json!(["Anna Nowak", "Kemal Papadopoulos"])
    );
    // Enter in the title field adds the TOP with both people.
    app.wait_for("input[name='top-titel']")
        .await
        .send_keys(ENTER)
        .await
        .unwrap();
    let row = "[...document.querySelectorAll('#tagesordnung-zeilen tr')].find(r => r.textContent.includes('Bericht aus dem Ministerium'))";
    app.until(
        "TOP with both names",
        &format!("{row} && {row}.textContent.includes('Verantwortlich: Anna Nowak, Kemal Papadopoulos')"),
    )
    .await;
    assert_eq!(
        app.script("return document.querySelectorAll('#auswahl-top-verantwortlich-gewaehlt li').length")
            .await,
        0,
        "the form is empty again for the next TOP"
    );

    // Edit: both are in the form; the first is removed by keyboard; the TOP keeps only the second.
    let id = app.script(&format!("return {row}.dataset.id")).await;
    let id = id.as_str().unwrap().to_owned();
    app.press(&format!("#top-{id}-bearbeiten")).await;
    app.until(
        "both in the form",
        "document.querySelectorAll('#auswahl-top-verantwortlich-gewaehlt li').length === 2",
    )
    .await;
    app.press("#auswahl-top-verantwortlich-entfernen-0").await;
    app.press("#top-hinzufuegen").await;
    app.until(
        "TOP with one name",
        &format!(
            "{row}.textContent.includes('Verantwortlich: Kemal Papadopoulos') && !{row}.textContent.includes('Anna Nowak')"
        ),
    )
    .await;

    // A single person is found by typing too: taken off the list, then added again.
    let anna = "[...document.querySelectorAll('#teilnehmende-zeilen tr')].find(r => r.querySelector('th').textContent.startsWith('Anna Nowak'))";
    if app.script(&format!("return !!{anna}")).await == true {
        let id = app.script(&format!("return {anna}.dataset.id")).await;
        app.press(&format!("#entfernen-{}", id.as_str().unwrap())).await;
        app.until("Anna off the list", &format!("!{anna}")).await;
    }
    pick(&app, "teilnehmende-personen", "Anna Nowak", "contact").await;
    app.press("#teilnehmende-hinzufuegen").await;
    app.until(
        "Anna on the list again",
        &format!("{anna} && document.getElementById('meldungen').textContent.includes('1 Person wurde hinzugefügt.')"),
    )
    .await;
    assert_eq!(
        app.script("return window.__netzwerkmappeProblems").await,
        serde_json::json!([])
    );
    app.quit().await;
}

#[tokio::test]
async fn minutes_decisions_and_tasks_are_changed_and_deleted_and_an_organisation_owns_a_task() {
    let app = App::start_with(demo_with_cli).await;
    open_upcoming_session(&app).await;
    app.press("#sitzung-protokoll").await;
    app.until(
        "minutes screen",
        "document.querySelector('.minutes-top textarea')",
    )
    .await;
    let item = app
        .script("return document.querySelector('.minutes-top').getAttribute('aria-labelledby').replace('protokoll-top-', '')")
        .await;
    let item = item.as_str().unwrap().to_owned();

    // Protokollführung picked from the contacts: saved at once, with the name of the day.
    pick(&app, "protokollfuehrung", "Anna Nowak", "contact").await;
    app.until(
        "minute taker saved",
        "document.getElementById('meldungen').textContent.includes('Protokollführung: Anna Nowak')",
    )
    .await;

    // Two decisions; the first is reworded, the second deleted after the question.
    for text in ["Der Arbeitsplan wird beschlossen.", "Ein Irrtum."] {
        type_into(&app, &format!("textarea[name='beschluss-{item}']"), text).await;
        app.press(&format!("#beschluss-{item}-hinzufuegen")).await;
        app.until(
            text,
            &format!("[...document.querySelectorAll('#beschluesse-{item} li')].some(l => l.textContent.includes('{text}'))"),
        )
        .await;
    }
    let ids = app
        .script(&format!(
            "return [...document.querySelectorAll('#beschluesse-{item} li')].map(l => l.dataset.id)"
        ))
        .await;
    let (first, second) = (
        ids[0].as_str().unwrap().to_owned(),
        ids[1].as_str().unwrap().to_owned(),
    );
    app.press(&format!("#beschluss-{first}-bearbeiten")).await;
    clear_and_type(
        &app,
        &format!("textarea[name='beschluss-text-{first}']"),
        "Der Arbeitsplan 2027 wird beschlossen.",
    )
    .await;
    app.press(&format!("#beschluss-{first}-speichern")).await;
    app.until(
        "decision changed",
        &format!(
            "document.getElementById('beschluss-zeile-{first}').textContent.includes('Arbeitsplan 2027')"
        ),
    )
    .await;
    app.press(&format!("#beschluss-{second}-loeschen")).await;
    app.press("#beschluss-loeschen-bestaetigen").await;
    app.until(
        "decision deleted",
        &format!(
            "!document.getElementById('beschluss-zeile-{second}') && document.getElementById('beschluss-zeile-{first}')"
        ),
    )
    .await;
    let label = app.text(&format!("#beschluss-zeile-{first} strong")).await;
    assert!(label.trim_end().ends_with("-1:"), "{label}");

    // A task owned by an organisation, then its due date changed; a second task deleted.
    type_into(
        &app,
        &format!("input[name='aufgabe-{item}']"),
        "Zahlen zur Sprachförderung liefern",
    )
    .await;
    type_into(&app, &format!("input[name='aufgabe-{item}-frist']"), "31.12.2099").await;
    pick(
        &app,
        &format!("aufgabe-{item}-wer"),
        "Landratsamt Tübingen",
        "organisation",
    )
    .await;
    app.press(&format!("#aufgabe-{item}-hinzufuegen")).await;
    let task_row = format!(
        "[...document.querySelectorAll('#aufgaben-{item} li')].find(l => l.textContent.includes('Sprachförderung'))"
    );
    app.until(
        "task with the organisation",
        &format!(
            "{task_row} && {task_row}.textContent.includes('– Landratsamt Tübingen, fällig 31.12.2099')"
        ),
    )
    .await;
    let task = app.script(&format!("return {task_row}.dataset.id")).await;
    let task = task.as_str().unwrap().to_owned();
    app.press(&format!("#aufgabe-{task}-bearbeiten")).await;
    clear_and_type(
        &app,
        &format!("input[name='aufgabe-{task}-aendern-frist']"),
        "30.11.2099",
    )
    .await;
    app.press(&format!("#aufgabe-{task}-speichern")).await;
    app.until(
        "task changed",
        &format!(
            "document.getElementById('aufgabe-zeile-{task}').textContent.includes('Landratsamt Tübingen, fällig 30.11.2099')"
        ),
    )
    .await;
    type_into(
        &app,
        &format!("input[name='aufgabe-{item}']"),
        "Versehentlich angelegt",
    )
    .await;
    app.press(&format!("#aufgabe-{item}-hinzufuegen")).await;
    let wrong = format!(
        "[...document.querySelectorAll('#aufgaben-{item} li')].find(l => l.textContent.includes('Versehentlich'))"
    );
    app.until("second task", &wrong).await;
    let wrong_id = app.script(&format!("return {wrong}.dataset.id")).await;
    app.press(&format!("#aufgabe-{}-loeschen", wrong_id.as_str().unwrap()))
        .await;
    app.press("#aufgabe-loeschen-bestaetigen").await;
    app.until("task deleted", &format!("!{wrong} && {task_row}"))
        .await;
    // The screen drawn anew from the store still shows the contact as Protokollführung.
    assert_eq!(
        app.script("return document.querySelector('#auswahl-protokollfuehrung-gewaehlt li').dataset.kind")
            .await,
        "contact"
    );
    assert!(
        app.text("#auswahl-protokollfuehrung-gewaehlt li span")
            .await
            .contains("Anna Nowak")
    );

    // A decision typed but not recorded is not lost by leaving: the app asks first.
    let draft = format!("textarea[name='beschluss-{item}']");
    type_into(&app, &draft, "Noch nicht aufgenommen").await;
    app.click("#nav-aufgaben").await;
    app.wait_for("#verlassen-abbrechen").await;
    app.press("#verlassen-abbrechen").await;
    app.until("dialog closed", "!document.querySelector('dialog')")
        .await;
    assert!(
        app.script("return location.hash")
            .await
            .as_str()
            .unwrap()
            .ends_with("/protokoll")
    );
    assert_eq!(
        app.script(&format!("return document.querySelector(\"{draft}\").value"))
            .await,
        "Noch nicht aufgenommen"
    );
    app.script(&format!("document.querySelector(\"{draft}\").value = ''"))
        .await;

    // Aufgabenübersicht: narrowed to the organisation, every owner belongs to it; the task is
    // marked done from there.
    app.goto("aufgaben").await;
    pick(
        &app,
        "aufgaben-organisation",
        "Landratsamt Tübingen",
        "organisation",
    )
    .await;
    app.until(
        "task in the organisation's list",
        &format!("document.querySelector('#aufgaben-zeilen tr[data-id=\"{task}\"]')"),
    )
    .await;
    assert_eq!(
        app.script("return [...document.querySelectorAll('#aufgaben-zeilen tr')].every(r => r.children[1].textContent.includes('Landratsamt Tübingen'))")
            .await,
        true
    );
    // Narrowed further to the session (found by its title, named with its day once chosen).
    let href = app
        .script(&format!(
            "return document.querySelector('#aufgaben-zeilen tr[data-id=\"{task}\"] a').getAttribute('href')"
        ))
        .await;
    let href = href.as_str().unwrap().to_owned();
    let title = app
        .script(&format!(
            "return document.querySelector('#aufgaben-zeilen tr[data-id=\"{task}\"] a').textContent.replace(/ \\(\\d\\d\\.\\d\\d\\.\\d{{4}}\\)$/, '')"
        ))
        .await;
    let title = title.as_str().unwrap().to_owned();
    pick(&app, "aufgaben-sitzung", &title, "session").await;
    app.until(
        "only the session's tasks",
        &format!(
            "document.querySelector('#aufgaben-zeilen tr[data-id=\"{task}\"]') && \
             [...document.querySelectorAll('#aufgaben-zeilen tr a')].every(a => a.getAttribute('href') === '{href}')"
        ),
    )
    .await;
    assert!(
        app.text("#auswahl-aufgaben-sitzung-gewaehlt li span")
            .await
            .starts_with(&format!("{title} ("))
    );
    app.press(&format!("#aufgabe-{task}-status")).await;
    app.until(
        "done: gone from the open list",
        &format!("document.getElementById('meldungen').textContent.includes('ist erledigt') && !document.querySelector('#aufgaben-zeilen tr[data-id=\"{task}\"]')"),
    )
    .await;

    // Without the organisation and session, "nur überfällige" shows the demo's overdue tasks only.
    app.press("#auswahl-aufgaben-sitzung-entfernen-0").await;
    app.press("#auswahl-aufgaben-organisation-entfernen-0").await;
    app.wait_for("#aufgaben-ueberfaellig")
        .await
        .send_keys(SPACE)
        .await
        .unwrap();
    app.until(
        "only overdue tasks",
        "document.getElementById('aufgaben-anzahl').textContent.includes('überfällig') && \
         [...document.querySelectorAll('#aufgaben-zeilen tr')].every(r => r.classList.contains('overdue'))",
    )
    .await;
    // … and of those, the ones of one person (the first overdue task's owner).
    let owner = app
        .script("return document.querySelector('#aufgaben-zeilen tr').children[1].textContent.replace(/ \\(.*\\)$/, '')")
        .await;
    let owner = owner.as_str().unwrap().to_owned();
    pick(&app, "aufgaben-person", &owner, "contact").await;
    app.until(
        "only the person's overdue tasks",
        &format!(
            "document.querySelectorAll('#aufgaben-zeilen tr').length > 0 && \
             [...document.querySelectorAll('#aufgaben-zeilen tr')].every(r => r.classList.contains('overdue') && r.children[1].textContent.startsWith('{owner}'))"
        ),
    )
    .await;

    // The approved minutes of a past session name who took part, as on the day.
    app.goto("sitzungen").await;
    app.script("location.hash = document.querySelector('#sitzungen-vergangene-zeilen a').getAttribute('href') + '/protokoll'").await;
    app.until("approved minutes", "document.getElementById('nachtrag-formular')")
        .await;
    let present = app.text("#anwesend").await;
    assert!(
        present.starts_with("Teilgenommen (") && !present.starts_with("Teilgenommen (0)"),
        "{present}"
    );
    assert!(
        app.text("#protokollfuehrung")
            .await
            .starts_with("Protokollführung: ")
    );
    assert_eq!(
        app.script("return window.__netzwerkmappeProblems").await,
        serde_json::json!([])
    );
    app.quit().await;
}

/// A TOP typed but not yet added is not lost by leaving the session: the app asks first; once the
/// TOP is added, leaving asks nothing.
#[tokio::test]
async fn a_typed_top_is_not_lost_by_leaving_the_agenda() {
    let app = App::start_with(demo_with_cli).await;
    open_upcoming_session(&app).await;
    type_into(&app, "input[name='top-titel']", "Bericht der Kreise").await;
    app.click("#nav-aufgaben").await;
    app.wait_for("#verlassen-abbrechen").await;
    app.press("#verlassen-abbrechen").await;
    app.until("dialog closed", "!document.querySelector('dialog')")
        .await;
    assert!(
        app.script("return location.hash")
            .await
            .as_str()
            .unwrap()
            .starts_with("#/sitzungen/")
    );
    assert_eq!(
        app.script("return document.querySelector(\"input[name='top-titel']\").value")
            .await,
        "Bericht der Kreise"
    );
    // Added: nothing is left unsaved, so leaving goes straight to the next screen.
    app.press("#top-hinzufuegen").await;
    app.until(
        "TOP added",
        "[...document.querySelectorAll('#tagesordnung-zeilen tr')].some(r => r.textContent.includes('Bericht der Kreise'))",
    )
    .await;
    app.click("#nav-aufgaben").await;
    app.until(
        "Aufgabenübersicht without a question",
        "location.hash === '#/aufgaben' && document.getElementById('aufgaben-anzahl') && !document.querySelector('dialog')",
    )
    .await;
    assert_eq!(
        app.script("return window.__netzwerkmappeProblems").await,
        serde_json::json!([])
    );
    app.quit().await;
}

/// The Protokollführung takes a typed name as typed when Enter is pressed, even when it matches a
/// contact's name in part ("Nowak" → Anna Nowak); a contact is taken only after ↓ moved to it. A
/// name typed after a chosen contact replaces the contact.
#[tokio::test]
async fn enter_keeps_a_typed_minute_taker_unless_a_match_was_chosen() {
    let app = App::start_with(demo_with_cli).await;
    open_upcoming_session(&app).await;
    app.press("#sitzung-protokoll").await;
    app.until(
        "minutes screen",
        "document.querySelector('.minutes-top textarea')",
    )
    .await;
    let input = "#auswahl-protokollfuehrung";
    let chosen = "#auswahl-protokollfuehrung-gewaehlt li";

    type_into(&app, input, "Nowak").await;
    app.until(
        "matches shown",
        "document.querySelector('#auswahl-protokollfuehrung').dataset.shown === 'Nowak' && \
         document.querySelector('#auswahl-protokollfuehrung-treffer .picker-option')",
    )
    .await;
    assert_eq!(
        app.script("return document.querySelectorAll('#auswahl-protokollfuehrung-treffer [aria-selected=\"true\"]').length")
            .await,
        0,
        "no match is highlighted before ↓"
    );
    app.wait_for(input).await.send_keys(ENTER).await.unwrap();
    app.until(
        "typed name saved",
        "document.getElementById('meldungen').textContent.includes('Protokollführung: Nowak – gespeichert.')",
    )
    .await;
    assert_eq!(
        app.script(&format!("return document.querySelector('{chosen}').dataset.kind"))
            .await,
        "text"
    );

    // ↓ then Enter takes the contact (another text than before: the helper waits for its matches).
    pick(&app, "protokollfuehrung", "Anna Nowak", "contact").await;
    app.until(
        "contact saved",
        "document.getElementById('meldungen').textContent.includes('Protokollführung: Anna Nowak – gespeichert.')",
    )
    .await;
    assert_eq!(
        app.script(&format!("return document.querySelector('{chosen}').dataset.kind"))
            .await,
        "contact"
    );

    // A name typed afterwards (nobody of that name) replaces the contact.
    type_into(&app, input, "Hans Berger").await;
    app.until(
        "no match",
        "document.querySelector('#auswahl-protokollfuehrung').dataset.shown === 'Hans Berger'",
    )
    .await;
    app.wait_for(input).await.send_keys(ENTER).await.unwrap();
    app.until(
        "replaced by the typed name",
        "document.getElementById('meldungen').textContent.includes('Protokollführung: Hans Berger – gespeichert.')",
    )
    .await;
    assert_eq!(
        app.script(&format!(
            "return [...document.querySelectorAll('{chosen}')].map(l => l.dataset.kind + ':' + l.querySelector('span').textContent)"
        ))
        .await,
        serde_json::json!(["text:Hans Berger"])
    );
    app.quit().await;
}

/// `make screenshots`-style pictures of the pickers at 1366×768 with the demo network: the agenda
/// form choosing people, the minutes with a task owned by an organisation, and the
/// Aufgabenübersicht narrowed to an organisation.
#[tokio::test]
#[ignore = "run by `make screenshots`"]
async fn session_people_screenshots() {
    let app = App::start_with(demo_with_cli).await;
    open_upcoming_session(&app).await;
    type_into(&app, "input[name='top-titel']", "Bericht aus dem Ministerium").await;
    pick(&app, "top-verantwortlich", "Anna Nowak", "contact").await;
    type_into(&app, "#auswahl-top-verantwortlich", "Müller").await;
    app.until(
        "matches",
        "document.querySelector('#auswahl-top-verantwortlich').dataset.shown === 'Müller'",
    )
    .await;
    app.script("document.getElementById('top-formular').scrollIntoView({block: 'center'})")
        .await;
    crate::screenshots::save(&app, "tagesordnung-verantwortliche").await;
    // The TOP is not added: emptied, so leaving asks no question.
    app.script("document.querySelector(\"input[name='top-titel']\").value = ''")
        .await;
    app.press("#auswahl-top-verantwortlich-entfernen-0").await;

    app.script("location.hash = document.querySelector('#sitzung-protokoll').getAttribute('href')")
        .await;
    app.until("minutes", "document.querySelector('.minutes-top textarea')")
        .await;
    let item = app
        .script("return document.querySelectorAll('.minutes-top')[1].getAttribute('aria-labelledby').replace('protokoll-top-', '')")
        .await;
    let item = item.as_str().unwrap().to_owned();
    pick(&app, "protokollfuehrung", "Anna Nowak", "contact").await;
    type_into(
        &app,
        &format!("textarea[name='beschluss-{item}']"),
        "Der Bericht wird zur Kenntnis genommen.",
    )
    .await;
    app.press(&format!("#beschluss-{item}-hinzufuegen")).await;
    app.until(
        "decision",
        &format!("document.querySelector('#beschluesse-{item} li')"),
    )
    .await;
    type_into(
        &app,
        &format!("input[name='aufgabe-{item}']"),
        "Zahlen zur Sprachförderung liefern",
    )
    .await;
    type_into(&app, &format!("input[name='aufgabe-{item}-frist']"), "31.12.2099").await;
    pick(
        &app,
        &format!("aufgabe-{item}-wer"),
        "Landratsamt Tübingen",
        "organisation",
    )
    .await;
    app.press(&format!("#aufgabe-{item}-hinzufuegen")).await;
    app.until("task", &format!("document.querySelector('#aufgaben-{item} li')"))
        .await;
    type_into(&app, &format!("#auswahl-aufgabe-{item}-wer"), "Landratsamt T").await;
    app.until(
        "matches",
        &format!("document.querySelector('#auswahl-aufgabe-{item}-wer').dataset.shown === 'Landratsamt T'"),
    )
    .await;
    app.script(&format!(
        "document.getElementById('beschluesse-{item}').scrollIntoView({{block: 'start'}})"
    ))
    .await;
    crate::screenshots::save(&app, "protokoll-bearbeiten").await;

    app.goto("aufgaben").await;
    pick(
        &app,
        "aufgaben-organisation",
        "Landratsamt Tübingen",
        "organisation",
    )
    .await;
    app.until(
        "rows",
        "document.querySelectorAll('#aufgaben-zeilen tr').length > 0",
    )
    .await;
    // WebKitWebDriver's screenshot does not return on this screen (see sessions_screenshots).
    let dir = std::env::var("SCREENSHOT_DIR").unwrap_or_else(|_| "target/screenshots".into());
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    let _ = std::process::Command::new("import")
        .args(["-window", "root", &format!("{dir}/aufgaben-organisation.png")])
        .status();
    app.quit().await;
}

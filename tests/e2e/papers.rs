//! Konzeptpapiere in the real window, by keyboard, on the demo network: write a paper, let the
//! draft autosave, save two versions, compare them word by word, move the paper through the
//! statuses to "beschlossen" with a Beschluss of a past session, and find it from the global search
//! by a word of its text typed without umlauts, opened with Enter.

use std::path::Path;
use std::process::Command;

use crate::app::App;

const ENTER: &str = "\u{E007}";
const CONTROL: &str = "\u{E009}";
const RELEASE: &str = "\u{E000}";

fn demo_with_cli(dir: &Path) {
    let out = Command::new(env!("CARGO_BIN_EXE_netzwerkmappe"))
        .arg("--daten")
        .arg(dir)
        .arg("demo")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

/// Types `text`; a line break is the Enter key (WebDriver drops a bare "\n").
async fn type_into(app: &App, css: &str, text: &str) {
    let keys = text.replace('\n', ENTER);
    app.wait_for(css).await.send_keys(&keys).await.unwrap();
}

async fn keys(app: &App, text: &str) {
    app.client
        .active_element()
        .await
        .unwrap()
        .send_keys(text)
        .await
        .unwrap();
}

/// Chooses an option of a select the way the keyboard does it (the value changes, `change` fires).
async fn choose(app: &App, css: &str, value: &str) {
    app.script(&format!(
        "const s = document.querySelector(\"{css}\"); s.focus(); s.value = '{value}'; \
         s.dispatchEvent(new Event('change', {{bubbles: true}}));"
    ))
    .await;
}

/// Presses Enter on `css`, looked up afresh: a section re-rendered by a reload that is still
/// under way replaces its buttons, and a key sent to the old one fails as stale (nothing was
/// pressed then, so trying the new one cannot press twice).
async fn press_fresh(app: &App, css: &str) {
    for attempt in 1..=10 {
        match app.wait_for(css).await.send_keys(ENTER).await {
            Ok(()) => return,
            Err(e) if attempt < 10 => {
                eprintln!("note: pressing {css} again after {e}");
                tokio::time::sleep(std::time::Duration::from_millis(200)).await;
            }
            Err(e) => panic!("could not press {css}: {e}"),
        }
    }
}

/// Empties the notice area, so the next wait sees only what the next step shows.
async fn clear_notices(app: &App) {
    app.script("document.getElementById('meldungen').replaceChildren()")
        .await;
}

/// Waits until the notice area shows `text` (of this step, not an older notice).
async fn until_notice(app: &App, what: &str, text: &str) {
    app.until(
        what,
        &format!("document.getElementById('meldungen').textContent.includes({text:?})"),
    )
    .await;
}

/// Saves what the editor holds as a new version with `note`; waits for the versions table row.
async fn save_version(app: &App, note: &str, number: u32) {
    type_into(app, "input[name='papier-notiz']", note).await;
    app.press("#papier-version-speichern").await;
    app.until(
        &format!("version {number}"),
        &format!("document.querySelector('#papier-versionen tr[data-number=\"{number}\"]')"),
    )
    .await;
}

#[tokio::test]
async fn write_a_paper_version_compare_adopt_and_find_it_from_the_global_search() {
    let app = App::start_with(demo_with_cli).await;
    app.goto("konzeptpapiere/neu").await;
    type_into(&app, "input[name='papier-titel']", "Sprachcafés im Quartier").await;
    keys(&app, ENTER).await;
    app.until(
        "the new paper",
        "/^#\\/konzeptpapiere\\/\\d+$/.test(location.hash) && document.getElementById('papier-text')",
    )
    .await;
    let hash = app.script("return location.hash").await;

    // Writing: the preview follows, the draft is saved by itself.
    type_into(
        &app,
        "#papier-text",
        "# Ziele\n\nDie Förderung von Sprachcafés im Weißenhof.\n\n- Treffpunkt\n- <b>Ehrenamt</b>\n",
    )
    .await;
    app.until(
        "preview",
        "document.querySelector('#papier-vorschau h2') && document.querySelectorAll('#papier-vorschau li').length === 2",
    )
    .await;
    // Raw HTML shows as text, never as markup.
    let raw = app
        .script(
            "return [document.querySelector('#papier-vorschau b') === null,
                     document.getElementById('papier-vorschau').textContent.includes('<b>Ehrenamt</b>')]",
        )
        .await;
    assert_eq!(raw, serde_json::json!([true, true]));
    app.until(
        "draft saved",
        "document.getElementById('papier-entwurf-status').textContent.startsWith('Entwurf gespeichert')",
    )
    .await;
    save_version(&app, "Erste Fassung", 1).await;

    // A second version with one word changed and one added.
    app.script(
        "const t = document.getElementById('papier-text');
         t.focus(); t.setSelectionRange(t.value.length, t.value.length);",
    )
    .await;
    keys(&app, &format!("- Kinderbetreuung{ENTER}")).await;
    save_version(&app, "Kinderbetreuung ergänzt", 2).await;

    // Compare 1 and 2: the added word is marked as inserted, also for screen readers.
    app.press("#papier-vergleichen").await;
    app.until(
        "comparison",
        "document.querySelector('#papier-vergleich-text ins')",
    )
    .await;
    let ins = app.text("#papier-vergleich-text ins").await;
    assert!(ins.contains("Kinderbetreuung"), "{ins}");
    let sr = app
        .script("return document.querySelector('#papier-vergleich-text ins .kern-sr-only').textContent")
        .await;
    assert_eq!(sr, "[eingefügt: ");
    app.press("#zurueck-zum-papier").await;
    app.until(
        "the paper again",
        &format!("location.hash === {hash} && document.getElementById('papier-status-neu')"),
    )
    .await;

    // Version 1 opens read-only: its text without the later list item, no editor.
    app.press("#papier-versionen tr[data-number=\"1\"] a.row-link")
        .await;
    app.until(
        "version 1",
        "document.getElementById('papier-version-text') && document.querySelector('#ansicht h1').textContent.includes('Version 1')",
    )
    .await;
    let v1 = app
        .script(
            "return [document.getElementById('papier-version-text').textContent.includes('Kinderbetreuung'),
                     document.getElementById('papier-text') === null]",
        )
        .await;
    assert_eq!(v1, serde_json::json!([false, true]));
    app.press("#zurueck-zum-papier").await;
    app.until(
        "the paper again",
        &format!("location.hash === {hash} && document.getElementById('papier-status-neu')"),
    )
    .await;

    // Entwurf → in Abstimmung → beschlossen with a Beschluss of a past demo session.
    choose(&app, "#papier-status-neu", "in_abstimmung").await;
    type_into(
        &app,
        "input[name='papier-status-notiz']",
        "an die Kreise verschickt",
    )
    .await;
    app.press("#papier-status-aendern").await;
    app.until(
        "in Abstimmung",
        "document.getElementById('papier-status-jetzt').textContent.includes('in Abstimmung')",
    )
    .await;
    choose(&app, "#papier-status-neu", "beschlossen").await;
    app.until(
        "a decision to choose",
        "document.querySelector('#papier-beschluss option[value]:not([value=\"\"])')",
    )
    .await;
    // None is preselected: changing without one is refused, naming the Beschluss.
    clear_notices(&app).await;
    press_fresh(&app, "#papier-status-aendern").await;
    until_notice(
        &app,
        "refused without a decision",
        "Bitte wählen Sie den Beschluss",
    )
    .await;
    let decision = app
        .script("return document.querySelector('#papier-beschluss option[value]:not([value=\"\"])').value")
        .await;
    choose(&app, "#papier-beschluss", decision.as_str().unwrap()).await;
    press_fresh(&app, "#papier-status-aendern").await;
    app.until(
        "beschlossen",
        "document.getElementById('papier-status-jetzt').textContent.includes('beschlossen')",
    )
    .await;
    let history = app
        .script(
            "return [...document.querySelectorAll('#papier-statusverlauf tbody tr')].map(r => r.textContent)",
        )
        .await;
    let rows = history.as_array().unwrap();
    assert_eq!(rows.len(), 2, "{history}");
    assert!(
        rows.iter().any(|r| r.as_str().unwrap().contains("Beschluss")),
        "{history}"
    );
    // Frozen: no editor any more.
    assert_eq!(
        app.script("return document.getElementById('papier-text') === null")
            .await,
        true
    );

    // The global search finds it by a word of its text typed without umlauts; Enter opens it.
    app.goto("kontakte").await;
    app.script("document.getElementById('nav-kontakte').focus()")
        .await;
    keys(&app, &format!("{CONTROL}k{RELEASE}")).await;
    keys(&app, "weissenho").await;
    app.until(
        "paper hit",
        "document.querySelector('#suche-global-liste [role=option][data-kind=paper]')",
    )
    .await;
    let index = app
        .script(
            "return [...document.querySelectorAll('#suche-global-liste [role=option]')]
               .findIndex(o => o.dataset.kind === 'paper')",
        )
        .await
        .as_u64()
        .unwrap();
    for _ in 0..=index {
        keys(&app, "\u{E015}").await;
    }
    keys(&app, ENTER).await;
    app.until(
        "the paper from the search",
        &format!("location.hash === {hash} && document.getElementById('papier-titelzeile')"),
    )
    .await;
    let problems = app.script("return window.__netzwerkmappeProblems").await;
    assert_eq!(problems, serde_json::json!([]));
    app.quit().await;
}

/// Calls a command through the window's own `api.js` and returns its answer (`{ok}` or `{err}`).
async fn invoke(app: &App, command: &str, args: serde_json::Value) -> serde_json::Value {
    app.script(&format!(
        "window.__e2eAnswer = undefined; import('./js/api.js').then(m => m.call({command:?}, {args}))
           .then(r => {{ window.__e2eAnswer = {{ok: r === undefined ? null : r}}; }},
                 e => {{ window.__e2eAnswer = {{err: String(e && e.message || e)}}; }});"
    ))
    .await;
    app.until("the command's answer", "window.__e2eAnswer !== undefined")
        .await;
    app.script("return window.__e2eAnswer").await
}

/// Opens the paper `id` from the list (its screen built afresh).
async fn open_paper(app: &App, id: &str) {
    app.goto(&format!("konzeptpapiere/{id}")).await;
    app.until("authors", "document.getElementById('papier-autoren')")
        .await;
}

/// An author whose contact was deleted is shown "(Kontakt gelöscht)"; saving the paper's data
/// keeps that name (the form sends it beside the contact ids), and "Entfernen" takes it off.
#[tokio::test]
async fn an_author_whose_contact_was_deleted_survives_saving_and_can_be_removed() {
    let app = App::start_with(demo_with_cli).await;
    let contact = invoke(
        &app,
        "create_contact",
        serde_json::json!({"input": {"first_name": "Wendelin", "last_name": "Quast"}}),
    )
    .await;
    let contact = contact["ok"]["id"]
        .as_i64()
        .unwrap_or_else(|| panic!("{contact}"));
    app.goto("konzeptpapiere").await;
    app.until(
        "rows",
        "document.querySelectorAll('#papiere-zeilen tr').length >= 3",
    )
    .await;
    let id = app
        .script(
            "return [...document.querySelectorAll('#papiere-zeilen tr')]
               .find(r => r.textContent.includes('in Abstimmung')).dataset.id",
        )
        .await;
    let id = id.as_str().unwrap().to_string();
    open_paper(&app, &id).await;
    type_into(&app, "#papier-autor-suche", "quast").await;
    app.until(
        "author hits",
        "document.querySelector('#papier-autor-treffer button')",
    )
    .await;
    press_fresh(&app, "#papier-autor-treffer button").await;
    app.until(
        "author listed",
        "document.getElementById('papier-autoren').textContent.includes('Quast')",
    )
    .await;
    clear_notices(&app).await;
    press_fresh(&app, "#papier-angaben-speichern").await;
    until_notice(&app, "saved", "Angaben gespeichert").await;

    let deleted = invoke(&app, "delete_contact", serde_json::json!({"id": contact})).await;
    assert_eq!(deleted, serde_json::json!({"ok": null}));
    open_paper(&app, &id).await;
    let shown =
        "document.getElementById('papier-autoren').textContent.includes('Wendelin Quast (Kontakt gelöscht)')";
    app.until("former author shown", shown).await;

    // Saving a change of the summary keeps the former author.
    type_into(&app, "textarea[name='papier-zusammenfassung']", " Ergänzt.").await;
    clear_notices(&app).await;
    press_fresh(&app, "#papier-angaben-speichern").await;
    until_notice(&app, "saved again", "Angaben gespeichert").await;
    open_paper(&app, &id).await;
    app.until("former author kept", shown).await;

    // "Entfernen" takes the name off; saved, it stays off.
    press_fresh(&app, "#papier-autor-frueher-entfernen-0").await;
    app.until(
        "removed from the form",
        "!document.getElementById('papier-autoren').textContent.includes('Quast')",
    )
    .await;
    clear_notices(&app).await;
    press_fresh(&app, "#papier-angaben-speichern").await;
    until_notice(&app, "saved without", "Angaben gespeichert").await;
    let view = invoke(
        &app,
        "get_paper",
        serde_json::json!({"id": id.parse::<i64>().unwrap()}),
    )
    .await;
    let authors = view["ok"]["authors"].to_string();
    assert!(
        !authors.contains("Quast") && authors.contains("name"),
        "{authors}"
    );
    let problems = app.script("return window.__netzwerkmappeProblems").await;
    assert_eq!(problems, serde_json::json!([]));
    app.quit().await;
}

/// Not a test: the Konzeptpapiere screens on the demo network at 1366×768 (list, an adopted paper,
/// the editor of the paper in Abstimmung with its restored draft, a comparison, the session side).
#[tokio::test]
#[ignore = "run by `make screenshots`"]
async fn screenshots_papers() {
    let app = App::start_with(demo_with_cli).await;
    app.client.set_window_rect(0, 0, 1366, 768).await.unwrap();
    app.goto("konzeptpapiere").await;
    app.until(
        "rows",
        "document.querySelectorAll('#papiere-zeilen tr').length >= 3",
    )
    .await;
    crate::screenshots::save(&app, "konzeptpapiere-liste").await;

    // The paper in Abstimmung has a draft: the editor shows it restored.
    let id = app
        .script(
            "const r = [...document.querySelectorAll('#papiere-zeilen tr')]
               .find(r => r.textContent.includes('in Abstimmung'));
             return r ? r.dataset.id : null",
        )
        .await;
    let id = id.as_str().unwrap().to_string();
    app.goto(&format!("konzeptpapiere/{id}")).await;
    app.until("preview", "document.querySelector('#papier-vorschau')")
        .await;
    crate::screenshots::save(&app, "konzeptpapier-editor").await;
    app.script("document.getElementById('papier-versionen-titel').scrollIntoView()")
        .await;
    crate::screenshots::save(&app, "konzeptpapier-versionen").await;
    app.script("document.getElementById('papier-status-titel').scrollIntoView()")
        .await;
    crate::screenshots::save(&app, "konzeptpapier-status").await;
    if app
        .script("return !!document.getElementById('papier-vergleichen')")
        .await
        == true
    {
        app.press("#papier-vergleichen").await;
        app.until("comparison", "document.getElementById('papier-vergleich-text')")
            .await;
        crate::screenshots::save(&app, "konzeptpapier-vergleich").await;
        app.goto(&format!("konzeptpapiere/{id}")).await;
    }
    if app
        .script("return !!document.getElementById('papier-entwurf-vergleichen')")
        .await
        == true
    {
        app.press("#papier-entwurf-vergleichen").await;
        app.until(
            "draft comparison",
            "document.getElementById('papier-vergleich-text')",
        )
        .await;
        crate::screenshots::save(&app, "konzeptpapier-entwurf-vergleich").await;
    }

    // The adopted paper (frozen text, history with the Beschluss) and its session's agenda.
    app.goto("konzeptpapiere").await;
    let adopted = app
        .script(
            "const r = [...document.querySelectorAll('#papiere-zeilen tr')]
               .find(r => r.textContent.includes('beschlossen'));
             return r ? r.dataset.id : null",
        )
        .await;
    let adopted = adopted.as_str().unwrap().to_string();
    app.goto(&format!("konzeptpapiere/{adopted}")).await;
    app.until("text", "document.querySelector('#papier-vorschau')")
        .await;
    crate::screenshots::save(&app, "konzeptpapier-beschlossen").await;
    let session = app
        .script("const a = document.querySelector('#papier-verknuepfungen a'); return a ? a.getAttribute('href') : null")
        .await;
    if let Some(href) = session.as_str() {
        app.script(&format!("location.hash = '{href}'")).await;
        app.until("session papers", "document.querySelector('#sitzung-papiere')")
            .await;
        app.script("document.getElementById('sitzung-papiere-titel').scrollIntoView({block: 'center'})")
            .await;
        crate::screenshots::save(&app, "sitzung-konzeptpapiere").await;
    }
    // A new paper with text as Word pastes it (tabs after bullets and numbers, one paragraph a
    // line, a tab-separated table): the preview shows lists, paragraphs and the table.
    app.goto("konzeptpapiere/neu").await;
    type_into(&app, "input[name='papier-titel']", "Sprachcafés im Quartier").await;
    keys(&app, ENTER).await;
    app.until("the new paper", "document.getElementById('papier-text')")
        .await;
    app.script(
        "const t = document.getElementById('papier-text'); t.focus();
         t.value = 'Ausgangslage\\nIn vielen Quartieren fehlen Orte zum Üben.\\nZiele\\n\\u2022\\tTreffpunkte schaffen\\n\\u2022\\tEhrenamtliche gewinnen\\no\\tüber die Freiwilligenagenturen\\n1.\\tErster Schritt: Räume\\n2.\\tZweiter Schritt: Werbung\\nOrt\\tTermin\\nStadtbibliothek\\tdienstags\\nMehrgenerationenhaus\\tfreitags';
         t.dispatchEvent(new Event('input', {bubbles: true}));",
    )
    .await;
    app.until(
        "preview with lists and table",
        "document.querySelector('#papier-vorschau ul li') && document.querySelector('#papier-vorschau ol li') \
         && document.querySelector('#papier-vorschau table')",
    )
    .await;
    crate::screenshots::save(&app, "konzeptpapier-word-eingefuegt").await;
    app.quit().await;
}

/// The rest of the paper screen by keyboard on the demo paper in Abstimmung (it has a draft):
/// discard the draft, restore version 1 as a new version, a new Handlungsfeld, an author, an
/// attachment (a too large one is refused with the German message), a link to a TOP that the
/// session's agenda then shows, and removing it again.
#[tokio::test]
async fn draft_restore_attachments_links_and_authors_on_a_demo_paper() {
    let app = App::start_with(demo_with_cli).await;
    app.goto("konzeptpapiere").await;
    app.until(
        "rows",
        "document.querySelectorAll('#papiere-zeilen tr').length >= 3",
    )
    .await;
    let id = app
        .script(
            "return [...document.querySelectorAll('#papiere-zeilen tr')]
               .find(r => r.textContent.includes('in Abstimmung')).dataset.id",
        )
        .await;
    let id = id.as_str().unwrap().to_string();
    app.goto(&format!("konzeptpapiere/{id}")).await;
    app.until(
        "draft restored",
        "document.getElementById('papier-entwurf-status').textContent.includes('wiederhergestellt')",
    )
    .await;

    // The restored draft compared with the newest version, then back to the paper.
    press_fresh(&app, "#papier-entwurf-vergleichen").await;
    app.until(
        "draft compared",
        "document.querySelector('h1') && document.querySelector('h1').textContent.includes('Entwurf mit Version') \
         && document.getElementById('vergleich-zahlen').textContent.includes('eingefügt')",
    )
    .await;
    app.script(&format!("location.hash = '#/konzeptpapiere/{id}'"))
        .await;
    app.until(
        "paper with its draft",
        "document.getElementById('papier-entwurf-status') \
         && document.getElementById('papier-entwurf-status').textContent.includes('wiederhergestellt')",
    )
    .await;

    // Restoring is refused while the draft exists; discarding it first makes it possible.
    clear_notices(&app).await;
    press_fresh(&app, "#papier-wiederherstellen-1").await;
    press_fresh(&app, "#wiederherstellen-bestaetigen").await;
    app.until("refused", "document.querySelector('#meldungen [role=alert]')")
        .await;
    clear_notices(&app).await;
    press_fresh(&app, "#papier-entwurf-verwerfen").await;
    press_fresh(&app, "#entwurf-verwerfen-bestaetigen").await;
    app.until("discarded", "document.querySelector('#meldungen .kern-alert--success') && !document.querySelector('#papier-entwurf-verwerfen:not(.is-hidden)')")
        .await;
    // Without a draft the comparison says plainly that there is nothing to compare.
    press_fresh(&app, "#papier-entwurf-vergleichen").await;
    app.until(
        "no draft to compare",
        "document.querySelector('h1') && document.querySelector('h1').textContent.includes('kein Entwurf')",
    )
    .await;
    app.script(&format!("location.hash = '#/konzeptpapiere/{id}'"))
        .await;
    app.until("paper again", "document.getElementById('papier-versionen')")
        .await;
    press_fresh(&app, "#papier-wiederherstellen-1").await;
    press_fresh(&app, "#wiederherstellen-bestaetigen").await;
    app.until(
        "restored as version 3",
        "document.querySelector('#papier-versionen tr[data-number=\"3\"]') \
         && document.querySelector('#papier-versionen tr[data-number=\"3\"]').textContent.includes('Wiederhergestellt aus Version 1')",
    )
    .await;

    // A new Handlungsfeld from the paper's form, chosen at once.
    press_fresh(&app, "#handlungsfeld-neu-oeffnen").await;
    type_into(&app, "input[name='handlungsfeld-neu']", "Digitale Teilhabe").await;
    press_fresh(&app, "#handlungsfeld-neu-speichern").await;
    app.until(
        "chosen",
        "(() => { const s = document.querySelector('#papier-angaben select[name=\"papier-handlungsfeld\"]'); \
           return s.options[s.selectedIndex].text === 'Digitale Teilhabe'; })()",
    )
    .await;
    // An author found by a name typed without umlauts.
    type_into(&app, "#papier-autor-suche", "oeztu").await;
    app.until(
        "author hits",
        "document.querySelector('#papier-autor-treffer button')",
    )
    .await;
    press_fresh(&app, "#papier-autor-treffer button").await;
    app.until(
        "author listed",
        "document.getElementById('papier-autoren').textContent.includes('Öztürk')",
    )
    .await;
    press_fresh(&app, "#papier-angaben-speichern").await;
    app.until(
        "saved with author and field",
        "document.getElementById('papier-stand').textContent.includes('Digitale Teilhabe') \
         && document.getElementById('papier-autoren').textContent.includes('Öztürk')",
    )
    .await;

    // Attachments: a file too large is refused in German; a small one is listed with its size.
    let big = app.data_dir.path().join("Riesig.pdf");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(26 * 1024 * 1024)
        .unwrap();
    clear_notices(&app).await;
    app.answer_file_dialog(&big);
    press_fresh(&app, "#papier-anhang-hinzufuegen").await;
    until_notice(&app, "too large", "Riesig.pdf").await;
    let message = app.text("#meldungen [role=alert]").await;
    assert!(
        message.contains("Riesig.pdf") && message.contains("höchstens"),
        "{message}"
    );
    let small = app.data_dir.path().join("Bericht Sprachkurse.txt");
    std::fs::write(&small, "Teilnahmezahlen 2026\n").unwrap();
    clear_notices(&app).await;
    app.answer_file_dialog(&small);
    press_fresh(&app, "#papier-anhang-hinzufuegen").await;
    until_notice(&app, "attached", "Bericht Sprachkurse.txt").await;
    // The demo paper may already carry attachments (the survey PDF): find the new row by name.
    const NEW_ROW: &str = "[...document.querySelectorAll('#papier-anhaenge tbody tr')]\
                           .find((r) => r.textContent.includes('Bericht Sprachkurse.txt'))";
    app.until("attached", NEW_ROW).await;
    let row = app.script(&format!("return {NEW_ROW}.textContent")).await;
    let row = row.as_str().unwrap_or_default();
    assert!(row.contains("21 Bytes"), "{row}");
    press_fresh(
        &app,
        "#papier-anhaenge button[aria-label='Bericht Sprachkurse.txt löschen']",
    )
    .await;
    press_fresh(&app, "#anhang-loeschen-bestaetigen").await;
    app.until("deleted", &format!("!{NEW_ROW}")).await;

    // A link to the last TOP of the first session in the list; the session's agenda shows it.
    app.until(
        "sessions",
        "document.querySelectorAll('#papier-link-sitzung option').length > 1",
    )
    .await;
    let session = app
        .script("return document.querySelectorAll('#papier-link-sitzung option')[1].value")
        .await;
    let session = session.as_str().unwrap().to_string();
    choose(&app, "#papier-link-sitzung", &session).await;
    app.until(
        "TOPs",
        "document.querySelectorAll('#papier-link-top option').length > 1",
    )
    .await;
    let top = app
        .script(
            "const o = document.querySelectorAll('#papier-link-top option'); return o[o.length - 1].value",
        )
        .await;
    choose(&app, "#papier-link-top", top.as_str().unwrap()).await;
    press_fresh(&app, "#papier-verknuepfen-speichern").await;
    // The demo paper may be linked to that session already (by another TOP): wait for the notice.
    app.until(
        "linked",
        &format!(
            "document.getElementById('meldungen').textContent.includes('Verknüpfung hinzugefügt') \
             && document.querySelector('#papier-verknuepfungen a[href=\"#/sitzungen/{session}\"]')"
        ),
    )
    .await;
    app.script(&format!("location.hash = '#/sitzungen/{session}'"))
        .await;
    app.until(
        "the session shows the paper",
        &format!("document.querySelector('#sitzung-papiere a[href=\"#/konzeptpapiere/{id}\"]')"),
    )
    .await;
    app.script(&format!("location.hash = '#/konzeptpapiere/{id}'"))
        .await;
    app.until("paper again", "document.getElementById('papier-verknuepfungen')")
        .await;
    let before = app
        .script("return document.querySelectorAll('#papier-verknuepfungen li').length")
        .await
        .as_u64()
        .unwrap();
    press_fresh(
        &app,
        &format!("#papier-verknuepfungen li:has(a[href=\"#/sitzungen/{session}\"]) button"),
    )
    .await;
    app.until(
        "unlinked",
        &format!("document.querySelectorAll('#papier-verknuepfungen li').length === {} || !document.getElementById('papier-verknuepfungen')", before - 1),
    )
    .await;
    let problems = app.script("return window.__netzwerkmappeProblems").await;
    assert_eq!(problems, serde_json::json!([]));
    app.quit().await;
}

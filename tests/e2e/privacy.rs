//! Datenschutz in the real window, by keyboard (issue 13): erase a person of the demo network who
//! attended a session, open that session and its minutes and see "anonymisierte Person" (and the
//! Art. 17 Nachtrag on approved minutes), and find the erasure in the Änderungsprotokoll without
//! the person's name.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

use crate::app::{App, with_store};

const SPACE: &str = "\u{E00D}";

fn demo_with_cli(dir: &Path) {
    let out = Command::new(env!("CARGO_BIN_EXE_netzwerkmappe"))
        .arg("--daten")
        .arg(dir)
        .arg("demo")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

/// The demo network plus five people entered years ago (2020–2023) and not touched since, one of
/// whom took part in a session in October 2021: the retention review's rows. Written through the
/// ordinary store calls with old "now"s, on a runtime of its own (the test's may not block).
fn demo_with_old_contacts(dir: &Path) {
    use chrono::{TimeZone, Utc};
    use netzwerkmappe_core::contact::ContactInput;
    use netzwerkmappe_core::organisation::{OrganisationInput, OrganisationKind};
    use netzwerkmappe_core::participant::{ParticipantSet, ParticipantStatus};
    use netzwerkmappe_core::session::SessionInput;
    use netzwerkmappe_core::usecase;

    demo_with_cli(dir);
    with_store(dir, |store| async move {
        let at = |y, m, d| Utc.with_ymd_and_hms(y, m, d, 9, 0, 0).unwrap();
        let org = store
            .create_organisation(
                OrganisationInput {
                    name: "Stadt Offenburg".into(),
                    kind: Some(OrganisationKind::Stadtverwaltung),
                    ..Default::default()
                },
                at(2020, 3, 2),
            )
            .await
            .unwrap()
            .id;
        let people = [
            ("Frau", None, "Sabine", "Albrecht", Some(org), (2021, 2, 10)),
            ("Herr", None, "Jürgen", "Maier", None, (2020, 9, 1)),
            ("Frau", Some("Dr."), "Elif", "Demir", Some(org), (2022, 5, 3)),
            ("Herr", None, "Thomas", "Keller", None, (2023, 1, 16)),
            ("Frau", None, "Ana", "Petrović", Some(org), (2021, 6, 21)),
        ];
        let mut ids = Vec::new();
        for (salutation, title, first, last, organisation_id, (y, m, d)) in people {
            let input = ContactInput {
                salutation: Some(salutation.into()),
                title: title.map(Into::into),
                first_name: Some(first.into()),
                last_name: last.into(),
                organisation_id,
                consent_basis: Some("Öffentliche Aufgabe (Art. 6 Abs. 1 lit. e DSGVO)".into()),
                ..Default::default()
            };
            ids.push(store.create_contact(input, at(y, m, d)).await.unwrap().id);
        }
        let session = usecase::sessions::create_session(
            &store,
            SessionInput {
                title: "Netzwerktreffen Herbst 2021".into(),
                date: "14.10.2021".into(),
                start_time: "10:00".into(),
                place: Some("Offenburg".into()),
                ..Default::default()
            },
            at(2021, 9, 1),
        )
        .await
        .unwrap()
        .id;
        usecase::participants::add_participants(
            &store,
            session,
            &ParticipantSet::Contacts(vec![ids[0]]),
            at(2021, 9, 1),
        )
        .await
        .unwrap();
        let list = store.list_participants(session).await.unwrap();
        usecase::participants::set_participant_status(
            &store,
            session,
            &[(list[0].id, ParticipantStatus::Teilgenommen)],
            at(2021, 10, 14),
        )
        .await
        .unwrap();
        store.close().await;
    });
}

/// Calls a command the way the UI does and returns its answer (for finding test data only).
async fn invoke(app: &App, command: &str, args: &str) -> Value {
    app.script(&format!(
        "window.__testAnswer = undefined; window.__TAURI__.core.invoke('{command}', {args})
           .then((r) => {{ window.__testAnswer = r; }}, (e) => {{ window.__testAnswer = {{ failed: e }}; }});"
    ))
    .await;
    app.until(command, "window.__testAnswer !== undefined").await;
    app.script("return window.__testAnswer").await
}

#[tokio::test]
async fn erase_a_person_who_attended_and_see_the_minutes_and_the_audit_trail() {
    let app = App::start_with(demo_with_cli).await;

    // A past session with approved minutes and someone who took part in it.
    let sessions = invoke(&app, "list_sessions", "{filter: {}}").await;
    let approved = sessions
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["minutes_status"] == "freigegeben")
        .unwrap_or_else(|| panic!("the demo has approved minutes: {sessions}"));
    let session_id = approved["id"].as_i64().unwrap();
    let participants = invoke(&app, "list_participants", &format!("{{session: {session_id}}}")).await;
    let person = participants
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["status"] == "teilgenommen")
        .unwrap()
        .clone();
    let contact_id = person["contact_id"].as_i64().unwrap();
    let name = person["name"].as_str().unwrap().to_owned();

    // Who the Änderungsprotokoll names: set in Einstellungen.
    app.goto("einstellungen").await;
    let field = app.wait_for("input[name='name-protokoll']").await;
    field.send_keys("Frau Kaya (LRA Tübingen)\u{E007}").await.unwrap();
    app.until(
        "settings saved",
        "document.getElementById('meldungen').textContent.includes('gespeichert')",
    )
    .await;

    // Deleting someone who took part is refused, and the refusal leads to Datenschutz.
    app.script(&format!("location.hash = '#/kontakte/{contact_id}'"))
        .await;
    app.press("#kontakt-loeschen").await;
    app.wait_for("dialog[open] #loeschen-ja").await;
    let question = app.text("dialog[open]").await;
    assert!(question.contains("bis zu 5 Wochen"), "backups named: {question}");
    app.press("dialog[open] #loeschen-ja").await;
    app.until(
        "refusal with the way to Datenschutz",
        "document.getElementById('kontakt-zum-datenschutz')",
    )
    .await;
    let refusal = app.text("#meldungen").await;
    assert!(refusal.contains("unter „Datenschutz“ löschen"), "{refusal}");
    app.press("#kontakt-zum-datenschutz").await;
    app.until(
        "Datenschutz page from the refusal",
        &format!("location.hash === '#/datenschutz/{contact_id}' && document.getElementById('person-anonymisieren')"),
    )
    .await;

    // From the contact form to its Datenschutz page.
    app.script(&format!("location.hash = '#/kontakte/{contact_id}'"))
        .await;
    app.press("#kontakt-datenschutz").await;
    app.until(
        "Datenschutz page",
        &format!("location.hash === '#/datenschutz/{contact_id}' && document.getElementById('person-anonymisieren')"),
    )
    .await;
    assert!(
        app.text("#auskunft-uebersicht")
            .await
            .contains("Sitzungen auf der Teilnehmerliste")
    );

    // The deliberate confirmation: without the tick nothing happens.
    app.press("#person-anonymisieren").await;
    app.wait_for("dialog[open] #anonymisieren-ja").await;
    let question = app.text("dialog[open]").await;
    assert!(question.contains("anonymisierte Person"), "{question}");
    assert!(question.contains("bis zu 5 Wochen"), "{question}");
    app.press("#anonymisieren-ja").await;
    app.until(
        "asks for the tick",
        "document.querySelector('dialog[open] .kern-error')",
    )
    .await;
    app.wait_for("dialog[open] input[type=checkbox]")
        .await
        .send_keys(SPACE)
        .await
        .unwrap();
    app.press("#anonymisieren-ja").await;
    app.until(
        "erased",
        "location.hash === '#/datenschutz' && document.getElementById('meldungen').textContent.includes('anonymisierte Person')",
    )
    .await;
    assert!(app.text("#meldungen").await.contains("bis zu 5 Wochen"));

    // Opened by its old address, the contact is a read-only notice: no form, no name, no save.
    app.script(&format!("location.hash = '#/kontakte/{contact_id}'"))
        .await;
    app.until(
        "anonymised notice",
        "document.getElementById('kontakt-anonymisiert')",
    )
    .await;
    let page = app.text("#ansicht").await;
    assert!(page.contains("Art. 17 DSGVO gelöscht"), "{page}");
    assert!(!page.contains(&name), "{name} on the placeholder's page");
    let form = app
        .script("return !!document.querySelector('#kontakt-formular, #kontakt-speichern, #ansicht input')")
        .await;
    assert_eq!(form, serde_json::json!(false), "no form for an erased person");
    // Going back to the person's Datenschutz page shows the same, not an error.
    app.script(&format!("location.hash = '#/datenschutz/{contact_id}'"))
        .await;
    app.until(
        "anonymised notice on the Datenschutz page",
        "location.hash.startsWith('#/datenschutz/') && document.getElementById('kontakt-anonymisiert')",
    )
    .await;
    assert!(!app.text("#ansicht").await.contains(&name));

    // The session keeps the place on its participant list with "anonymisierte Person".
    app.script(&format!("location.hash = '#/sitzungen/{session_id}'"))
        .await;
    app.until("participants", "document.querySelector('#teilnehmende tbody tr')")
        .await;
    let list = app.text("#teilnehmende").await;
    assert!(list.contains("anonymisierte Person"), "{list}");
    assert!(!list.contains(&name), "{name} still listed: {list}");

    // The approved minutes carry the Nachtrag; the name is nowhere on the page.
    app.script(&format!("location.hash = '#/sitzungen/{session_id}/protokoll'"))
        .await;
    app.until(
        "minutes",
        "document.getElementById('ansicht').textContent.includes('Art. 17 DSGVO entfernt am')",
    )
    .await;
    let minutes = app.text("#ansicht").await;
    assert!(!minutes.contains(&name), "{name} still in the minutes");

    // The Änderungsprotokoll shows the erasure as the newest change, without the name.
    app.goto("aenderungsprotokoll").await;
    app.until("audit rows", "document.querySelector('#protokoll-zeilen tr')")
        .await;
    // (The automatic start backup's entry may land before or after it, as its timing goes.)
    let first = app
        .script(
            "return [...document.querySelectorAll('#protokoll-zeilen tr')]
               .map((r) => r.dataset.action).find((a) => a !== 'backup')",
        )
        .await;
    assert_eq!(first, "erasure");
    let row = app.text("#protokoll-zeilen tr[data-action=erasure]").await;
    assert!(row.contains(&format!("Kontakt Nr. {contact_id}")), "{row}");
    assert!(!row.contains(&name));
    assert!(row.contains("Frau Kaya (LRA Tübingen)"), "{row}");
    app.quit().await;
}

/// Not a test: the Datenschutz screens on the demo network for `make screenshots` (PNG files in
/// `$SCREENSHOT_DIR`, default target/screenshots).
#[tokio::test]
#[ignore = "run by `make screenshots`"]
async fn screenshots_privacy() {
    use crate::screenshots::save;
    let app = App::start_with(demo_with_cli).await;
    app.client.set_window_rect(0, 0, 1366, 768).await.unwrap();
    // Two contacts without a legal basis, as an import leaves them.
    for (first, last) in [("Jana", "Krüger"), ("Mehmet", "Aydın")] {
        invoke(
            &app,
            "create_contact",
            &format!("{{input: {{first_name: '{first}', last_name: '{last}', emails: [], phones: [], groups: []}}}}"),
        )
        .await;
    }
    app.goto("datenschutz").await;
    save(&app, "datenschutz-uebersicht").await;

    let sessions = invoke(&app, "list_sessions", "{filter: {}}").await;
    let session_id = sessions
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["minutes_status"] == "freigegeben")
        .unwrap()["id"]
        .as_i64()
        .unwrap();
    let participants = invoke(&app, "list_participants", &format!("{{session: {session_id}}}")).await;
    let contact_id = participants[0]["contact_id"].as_i64().unwrap();
    app.script(&format!("location.hash = '#/datenschutz/{contact_id}'"))
        .await;
    app.until("person page", "document.getElementById('person-anonymisieren')")
        .await;
    save(&app, "datenschutz-person").await;
    app.press("#person-anonymisieren").await;
    app.wait_for("dialog[open] #anonymisieren-ja").await;
    save(&app, "datenschutz-bestaetigung").await;
    app.wait_for("dialog[open] input[type=checkbox]")
        .await
        .send_keys(SPACE)
        .await
        .unwrap();
    app.press("#anonymisieren-ja").await;
    app.until(
        "erased",
        "location.hash === '#/datenschutz' && document.querySelector('#meldungen .kern-alert--success')",
    )
    .await;
    save(&app, "datenschutz-geloescht").await;
    app.script(&format!("location.hash = '#/kontakte/{contact_id}'"))
        .await;
    app.until(
        "anonymised notice",
        "document.getElementById('kontakt-anonymisiert')",
    )
    .await;
    save(&app, "kontakt-anonymisiert").await;
    app.script(&format!("location.hash = '#/sitzungen/{session_id}'"))
        .await;
    app.until("participants", "document.querySelector('#teilnehmende tbody tr')")
        .await;
    app.script("document.getElementById('teilnehmende').scrollIntoView()")
        .await;
    save(&app, "datenschutz-sitzung-anonymisiert").await;
    app.goto("aenderungsprotokoll").await;
    app.until("audit rows", "document.querySelector('#protokoll-zeilen tr')")
        .await;
    save(&app, "aenderungsprotokoll").await;
    app.quit().await;
}

#[tokio::test]
async fn retention_review_lists_people_long_uninvolved_and_keeps_or_deletes_them() {
    let app = App::start_with(demo_with_old_contacts).await;
    app.goto("datenschutz").await;
    app.until(
        "retention rows",
        "document.querySelector('#aufbewahrung-tabelle tbody tr')",
    )
    .await;
    assert_eq!(app.text("#aufbewahrung-anzahl").await, "5 Kontakte zu prüfen.");
    // Oldest first; each row says when the person was last involved.
    let rows = app
        .script(
            "return [...document.querySelectorAll('#aufbewahrung-tabelle tbody tr')]
               .map((r) => [r.dataset.id, r.querySelector('th').textContent, r.cells[2].textContent])",
        )
        .await;
    let rows: Vec<(String, String, String)> = serde_json::from_value(rows).unwrap();
    let names: Vec<&str> = rows.iter().map(|r| r.1.as_str()).collect();
    assert_eq!(
        names,
        vec![
            "Jürgen Maier",
            "Ana Petrović",
            "Sabine Albrecht",
            "Dr. Elif Demir",
            "Thomas Keller"
        ]
    );
    assert_eq!(
        rows[2].2, "14.10.2021",
        "the session counts, not the contact's creation"
    );
    let id_of = |name: &str| rows.iter().find(|r| r.1 == name).unwrap().0.clone();
    // Someone who took part can only be anonymised, not deleted.
    let albrecht = id_of("Sabine Albrecht");
    let buttons = app
        .script(&format!(
            "return [...document.querySelectorAll('tr[data-id=\"{albrecht}\"] button')].map((b) => b.textContent)"
        ))
        .await;
    assert_eq!(buttons, serde_json::json!(["Anonymisieren", "Behalten"]));
    let involved = app
        .script(&format!(
            "return document.querySelector('tr[data-id=\"{albrecht}\"]').cells[3].textContent"
        ))
        .await;
    assert_eq!(involved, serde_json::json!("Sitzungen, TOPs oder Aufgaben"));

    // Behalten: the row leaves the review.
    let keller = id_of("Thomas Keller");
    app.press(&format!("#aufbewahrung-{keller}-behalten")).await;
    app.until(
        "kept",
        &format!("!document.querySelector('tr[data-id=\"{keller}\"]') && document.getElementById('meldungen').textContent.includes('bleibt gespeichert')"),
    )
    .await;
    assert_eq!(app.text("#aufbewahrung-anzahl").await, "4 Kontakte zu prüfen.");

    // Löschen, after the question.
    let maier = id_of("Jürgen Maier");
    app.press(&format!("#aufbewahrung-{maier}-loeschen")).await;
    app.press("dialog[open] #loeschen-ja").await;
    app.until(
        "deleted",
        &format!("!document.querySelector('tr[data-id=\"{maier}\"]') && document.getElementById('meldungen').textContent.includes('gelöscht')"),
    )
    .await;
    assert_eq!(app.text("#aufbewahrung-anzahl").await, "3 Kontakte zu prüfen.");
    app.quit().await;
}

/// Not a test: the retention review with rows at 1366×768 (the demo's contacts are all new).
#[tokio::test]
#[ignore = "run by `make screenshots`"]
async fn screenshots_privacy_retention() {
    use crate::screenshots::save;
    let app = App::start_with(demo_with_old_contacts).await;
    app.client.set_window_rect(0, 0, 1366, 768).await.unwrap();
    app.goto("datenschutz").await;
    app.until(
        "retention rows",
        "document.querySelector('#aufbewahrung-tabelle tbody tr')",
    )
    .await;
    save(&app, "datenschutz-aufbewahrung-oben").await;
    app.script("document.getElementById('aufbewahrung').scrollIntoView()")
        .await;
    save(&app, "datenschutz-aufbewahrung").await;
    app.quit().await;
}

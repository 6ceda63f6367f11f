//! The Sitzungen list with many sessions (issue 10: "stays quick with 2,000 sessions"): a test that
//! it draws 50 rows per list and the rest on demand, by keyboard; and, not a test, the figures
//! `make bench` prints for 2,000 sessions in the real window (time until the list is painted, until
//! every row is there by scrolling, and from a keystroke in its search box until the narrowed list
//! is painted).

use std::path::Path;

use chrono::{NaiveDate, TimeDelta, TimeZone, Utc};
use netzwerkmappe_core::agenda::AgendaItemInput;
use netzwerkmappe_core::contact::ContactInput;
use netzwerkmappe_core::participant::ParticipantSet;
use netzwerkmappe_core::session::SessionInput;
use netzwerkmappe_core::usecase;

use crate::app::{App, with_store};

const SESSIONS: usize = 2000;
const TOPICS: [&str; 8] = [
    "Sprache",
    "Bildung",
    "Arbeit",
    "Wohnen",
    "Gesundheit",
    "Teilhabe",
    "Kita",
    "Ehrenamt",
];

/// 2,000 sessions every other day from 2020 on (so some lie ahead), each with two TOPs and five
/// participants (`seed_sessions` writes any number), written through the ordinary store calls on a runtime of its own (the test's
/// runtime may not block).
fn seed(dir: &Path) {
    seed_sessions(dir, SESSIONS);
}

fn seed_sessions(dir: &Path, count: usize) {
    with_store(dir, move |store| async move {
        let now = Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap();
        let mut contacts = Vec::new();
        for i in 0..5 {
            let input = ContactInput {
                last_name: format!("Teilnehmerin {i}"),
                ..Default::default()
            };
            contacts.push(store.create_contact(input, now).await.unwrap().id);
        }
        let first_day = NaiveDate::from_ymd_opt(2020, 1, 6).unwrap();
        for i in 0..count {
            let date = first_day + TimeDelta::days(i as i64 * 2);
            let topic = TOPICS[i % TOPICS.len()];
            let input = SessionInput {
                title: format!("{}. Netzwerktreffen {topic}", i + 1),
                date: date.format("%d.%m.%Y").to_string(),
                start_time: "14:00".into(),
                end_time: Some("16:30".into()),
                place: Some("Stuttgart".into()),
                ..Default::default()
            };
            let s = usecase::sessions::create_session(&store, input, now)
                .await
                .unwrap();
            for t in 0..2 {
                let input = AgendaItemInput {
                    title: format!("{} – Bericht {t}", TOPICS[(i + t) % TOPICS.len()]),
                    planned_minutes: Some(20),
                    ..Default::default()
                };
                usecase::agenda::add_agenda_item(&store, s.id, input, now)
                    .await
                    .unwrap();
            }
            usecase::participants::add_participants(
                &store,
                s.id,
                &ParticipantSet::Contacts(contacts.clone()),
                now,
            )
            .await
            .unwrap();
        }
    });
}

/// Opens the Sitzungen screen from another one and answers, in the page, the milliseconds until
/// the list is drawn (the status line is written after the rows) and the next frame is painted.
const OPEN_SCREEN: &str = "
    const t0 = performance.now();
    location.hash = '#/sitzungen';
    return new Promise((resolve) => {
      const check = () => {
        const status = document.getElementById('sitzungen-status');
        if (status && COUNT.includes(status.textContent)) requestAnimationFrame(() => resolve(performance.now() - t0));
        else setTimeout(check, 2);
      };
      check();
    });";

/// Types `text` into the search box (as one `input` event, as a keystroke makes) and answers the
/// milliseconds until the status names the search and the next frame is painted.
const SEARCH: &str = "
    const input = document.getElementById('sitzungen-suche');
    const status = document.getElementById('sitzungen-status');
    const t0 = performance.now();
    input.value = TEXT;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    return new Promise((resolve) => {
      const check = () => {
        if (status.textContent.endsWith('für „' + TEXT.trim() + '“')) requestAnimationFrame(() => resolve([performance.now() - t0, status.textContent]));
        else setTimeout(check, 2);
      };
      check();
    });";

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

#[tokio::test]
#[ignore = "run by `make bench`"]
async fn session_list_figures() {
    let started = std::time::Instant::now();
    let app = App::start_with(seed).await;
    let seeded = started.elapsed();
    let rows = "document.querySelectorAll('#sitzungen-listen tbody tr').length";
    let mut opens = Vec::new();
    for _ in 0..5 {
        app.goto("kontakte").await;
        let ms = app
            .script(&OPEN_SCREEN.replace("COUNT", "['2.000 Sitzungen', '2000 Sitzungen']"))
            .await;
        opens.push(ms.as_f64().unwrap());
    }
    let first_rows = app.script(&format!("return {rows}")).await;

    // Scroll to the end of a list again and again, as a person dragging the scrollbar would:
    // rows are added as the end of a list comes near, until all of both lists are there.
    let scrolled = std::time::Instant::now();
    loop {
        app.script(
            "const more = document.querySelector('#sitzungen-listen .list-more button'); \
             if (more) more.scrollIntoView({block: 'end'}); return true;",
        )
        .await;
        if app.script(&format!("return {rows}")).await == SESSIONS {
            break;
        }
        assert!(scrolled.elapsed().as_secs() < 120, "rows never all drawn");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let all_rows = scrolled.elapsed();
    let mut keystrokes = Vec::new();
    let mut shown = String::new();
    for text in ["w", "wo", "woh", "wohn", "wohne", "12", "1", "s", "sp", "spr"] {
        let answer = app.script(&SEARCH.replace("TEXT", &format!("'{text}'"))).await;
        keystrokes.push(answer[0].as_f64().unwrap());
        shown = answer[1].as_str().unwrap_or_default().to_owned();
    }
    println!(
        "Sitzungsliste mit {SESSIONS} Sitzungen (echtes Fenster, Xvfb, Debug-Build): Liste mit den ersten {first_rows} Zeilen gezeichnet nach \
         Median {:.0} ms (5 Öffnungen: {}); alle Zeilen beim Scrollen nach {:.1} s; Tastendruck in der Suche bis zur gezeichneten Liste Median {:.0} ms, \
         max {:.0} ms (10 Tastendrücke; zuletzt „{shown}“); Anlegen der Daten {:.1} s",
        median(opens.clone()),
        opens
            .iter()
            .map(|m| format!("{m:.0}"))
            .collect::<Vec<_>>()
            .join(", "),
        all_rows.as_secs_f64(),
        median(keystrokes.clone()),
        keystrokes.iter().copied().fold(0.0, f64::max),
        seeded.as_secs_f64()
    );
    app.quit().await;
}

#[tokio::test]
async fn a_long_session_list_draws_fifty_rows_and_more_on_request_by_keyboard() {
    // 120 sessions in 2020: all in the past list.
    let app = App::start_with(|dir| seed_sessions(dir, 120)).await;
    app.goto("sitzungen").await;
    let rows = "document.querySelectorAll('#sitzungen-vergangene-zeilen tr').length";
    app.until("first rows", &format!("{rows} === 50")).await;
    assert_eq!(app.text("#sitzungen-status").await, "120 Sitzungen");
    assert_eq!(
        app.text("#sitzungen-vergangene-mehr-knopf").await,
        "Weitere 50 von 70 anzeigen"
    );
    // Reaching the button (WebDriver scrolls it into view, as Tab does) may already draw more
    // rows as the list end comes near; Enter then draws the next ones and moves the focus to the
    // first new row, so the keyboard reads on where the list grew.
    app.press("#sitzungen-vergangene-mehr-knopf").await;
    app.until("more rows", &format!("{rows} >= 100")).await;
    let focused = app
        .script("return [...document.querySelectorAll('#sitzungen-vergangene-zeilen tr')].indexOf(document.activeElement.closest('tr'))")
        .await
        .as_i64()
        .unwrap();
    assert!(
        focused >= 50 && focused % 50 == 0,
        "focus on the first row of a new batch, not {focused}"
    );
    // The rest: focus the button while it is there and press Enter (it may vanish meanwhile,
    // when the list end came near and drew the last rows by itself).
    while app
        .script("const b = document.getElementById('sitzungen-vergangene-mehr-knopf'); if (b) b.focus(); return !!b;")
        .await
        == true
    {
        if let Ok(button) = app.client.active_element().await {
            let _ = button.send_keys("\u{E007}").await;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    app.until(
        "all rows, no button",
        &format!("{rows} === 120 && !document.getElementById('sitzungen-vergangene-mehr-knopf')"),
    )
    .await;
    // Newest first: the last row is the first session.
    assert_eq!(
        app.script(
            "return document.querySelector('#sitzungen-vergangene-zeilen tr:last-child a').textContent"
        )
        .await,
        "1. Netzwerktreffen Sprache"
    );
    app.quit().await;
}

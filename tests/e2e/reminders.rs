//! Erinnerungen without a notification service (Xvfb has no D-Bus daemon): with the demo network
//! (overdue tasks) the region at the top of the main area lists them, "Erledigt – nicht mehr
//! erinnern" removes it, and after a restart it does not come back. The region is one line until
//! opened, so the contacts keep ≥ 12 rows in view at 1366×768; "Schließen" hides it for this run.

use std::path::Path;
use std::process::Command;

use crate::app::App;

fn demo_with_cli(dir: &Path) {
    let out = Command::new(env!("CARGO_BIN_EXE_netzwerkmappe"))
        .arg("--daten")
        .arg(dir)
        .arg("demo")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

const SHOWN: &str = "(() => { const r = document.getElementById('erinnerungen'); \
     return !!r && !r.hidden && r.getAttribute('role') === 'region' \
     && document.querySelectorAll('#erinnerungen-liste li').length > 0; })()";

/// Contact rows wholly inside the window and the scrolling main area, without any scrolling.
const VISIBLE_CONTACT_ROWS: &str = "const main = document.getElementById('inhalt').getBoundingClientRect();
     const bottom = Math.min(main.bottom, innerHeight);
     return [...document.querySelectorAll('#kontakte-zeilen tr')]
       .filter(r => r.getBoundingClientRect().bottom <= bottom).length";

#[tokio::test]
async fn pending_reminders_take_one_line_and_open_and_close_by_keyboard() {
    let app = App::start_with(demo_with_cli).await;
    app.client.set_window_rect(0, 0, 1366, 768).await.unwrap();
    app.goto("kontakte").await;
    app.until(
        "contacts and reminders",
        &format!(
            "document.querySelectorAll('#kontakte-zeilen tr').length >= 20 && innerHeight <= 768 && {SHOWN}"
        ),
    )
    .await;
    let summary = app.text("#erinnerungen-zusammenfassung").await;
    assert!(summary.contains("überfällig"), "{summary}");
    // Closed: one line, the single reminders hidden, the contacts in view.
    let height = app
        .script("return document.getElementById('erinnerungen').getBoundingClientRect().height")
        .await
        .as_f64()
        .unwrap();
    assert!(height < 60.0, "the closed region is {height}px high");
    assert_eq!(
        app.script("return document.getElementById('erinnerungen-liste').getBoundingClientRect().height")
            .await,
        0
    );
    let visible = app.script(VISIBLE_CONTACT_ROWS).await.as_u64().unwrap();
    crate::screenshots::save(&app, "erinnerungen-kompakt").await;
    assert!(
        visible >= 12,
        "only {visible} contact rows visible below the reminders"
    );

    // Enter on the disclosure button opens the single reminders; again closes them.
    app.press("#erinnerungen-umschalten").await;
    app.until(
        "opened",
        "document.getElementById('erinnerungen-umschalten').getAttribute('aria-expanded') === 'true' && \
         document.getElementById('erinnerungen-liste').getBoundingClientRect().height > 0",
    )
    .await;
    let text = app.text("#erinnerungen-liste").await;
    assert!(text.contains(" überfällig"), "{text}");
    crate::screenshots::save(&app, "erinnerungen-offen").await;
    app.press("#erinnerungen-umschalten").await;
    app.until(
        "closed again",
        "document.getElementById('erinnerungen-umschalten').getAttribute('aria-expanded') === 'false' && \
         document.getElementById('erinnerungen-liste').hidden",
    )
    .await;

    // "Schließen" hides the region for now (focus to the screen's heading); nothing is acknowledged.
    app.press("#erinnerungen-schliessen").await;
    app.until(
        "hidden, focus on the heading",
        "document.getElementById('erinnerungen').hidden && document.activeElement === document.querySelector('#ansicht h1')",
    )
    .await;
    let app = app.kill_and_restart().await;
    app.until("back after a restart", SHOWN).await;
    app.quit().await;
}

#[tokio::test]
async fn reminders_show_in_the_window_and_stay_away_once_acknowledged() {
    let app = App::start_with(demo_with_cli).await;
    app.until("reminder region shown", SHOWN).await;
    // The single reminders are in the region, shown once the disclosure button opens them.
    let text = app
        .script("return document.getElementById('erinnerungen-liste').textContent")
        .await
        .as_str()
        .unwrap()
        .to_owned();
    assert!(
        text.contains("ist seit ") && text.contains(" überfällig"),
        "{text}"
    );
    assert!(
        app.text("#erinnerungen-zusammenfassung")
            .await
            .contains("überfällig")
    );
    assert_eq!(app.text("#erinnerungen-titel").await, "Erinnerungen");
    // The region sits at the top of the main area, before the screen.
    assert!(
        app.script("return document.getElementById('inhalt').firstElementChild.id")
            .await
            == "erinnerungen"
    );
    crate::screenshots::save(&app, "erinnerungen").await;

    app.press("#erinnerungen-erledigt").await;
    app.until(
        "reminder region gone",
        "(() => { const r = document.getElementById('erinnerungen'); return !r || r.hidden; })()",
    )
    .await;

    let app = app.kill_and_restart().await;
    // The screen is there and the reminder check had its chance (it runs at start): still none.
    app.wait_for("#ansicht h1").await;
    tokio::time::sleep(std::time::Duration::from_secs(2)).await;
    assert!(
        app.script("const r = document.getElementById('erinnerungen'); return !r || r.hidden")
            .await
            == true
    );
    app.quit().await;
}

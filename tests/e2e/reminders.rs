//! Erinnerungen without a notification service (Xvfb has no D-Bus daemon): with the demo network
//! (overdue tasks) the region at the top of the main area lists them, "Erledigt – nicht mehr
//! erinnern" removes it, and after a restart it does not come back.

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

#[tokio::test]
async fn reminders_show_in_the_window_and_stay_away_once_acknowledged() {
    let app = App::start_with(demo_with_cli).await;
    app.until("reminder region shown", SHOWN).await;
    let text = app.text("#erinnerungen-liste").await;
    assert!(
        text.contains("ist seit ") && text.contains(" überfällig"),
        "{text}"
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

//! Not a test: `make bench` prints how the contacts list behaves with 5,000 contacts in the real
//! window (time to the first rows, time to render all rows while scrolling, frames while scrolling).

use std::time::Instant;

use crate::app::App;

const CONTACTS: usize = 5000;

#[tokio::test]
#[ignore = "run by `make bench`"]
async fn list_figures() {
    let app = App::start_with(|dir| {
        let mut csv = String::from("Vorname;Nachname;E-Mail;Firma;Funktion;Telefon\r\n");
        for i in 0..CONTACTS {
            csv += &format!(
                "Anna;Müller-{i:05};a{i}@lra{}.example;Landratsamt Nr. {};Integrationsbeauftragte;07071 {i:05}\r\n",
                i % 44,
                i % 44
            );
        }
        let file = dir.join("viele.csv");
        std::fs::write(&file, csv).unwrap();
        crate::app::import_with_cli(dir, &file);
    })
    .await;
    let started = Instant::now();
    app.goto("kontakte").await;
    app.until(
        "first rows",
        "document.querySelectorAll('#kontakte-zeilen tr').length >= 200",
    )
    .await;
    let first = started.elapsed();

    // Scroll to the end again and again, as a person dragging the scrollbar would, and count
    // frames meanwhile: rows are appended as the end comes near.
    app.script(
        "window.__frames = []; let last = performance.now();
         (function tick(now) { window.__frames.push(now - last); last = now; requestAnimationFrame(tick); })(last);
         return true;",
    )
    .await;
    let started = Instant::now();
    let all = format!("document.querySelectorAll('#kontakte-zeilen tr').length === {CONTACTS}");
    loop {
        app.script("const m = document.getElementById('inhalt'); m.scrollTop = m.scrollHeight; return true;")
            .await;
        if app.script(&format!("return {all};")).await == true {
            break;
        }
        assert!(started.elapsed().as_secs() < 120, "rows never all rendered");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let all_rows = started.elapsed();
    let frames: Vec<f64> =
        serde_json::from_value(app.script("return window.__frames.slice(1);").await).unwrap();
    let mut sorted = frames.clone();
    sorted.sort_by(f64::total_cmp);
    let pct = |p: f64| {
        sorted
            .get(((sorted.len() as f64 - 1.0) * p).round() as usize)
            .copied()
            .unwrap_or(0.0)
    };
    println!(
        "Kontaktliste mit {CONTACTS} Kontakten (echtes Fenster, Xvfb): erste 200 Zeilen nach {:.0} ms; \
         alle Zeilen beim Scrollen nach {:.1} s; Bildabstand beim Scrollen p50 {:.0} ms, p95 {:.0} ms, max {:.0} ms ({} Bilder)",
        first.as_secs_f64() * 1000.0,
        all_rows.as_secs_f64(),
        pct(0.5),
        pct(0.95),
        pct(1.0),
        frames.len()
    );
    app.quit().await;
}

//! Starts one app instance per test: tauri-driver on free ports, a WebDriver session whose
//! application is the debug binary with `--daten <temp folder>`. Dropping it ends everything.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator, elements::Element};
use serde_json::{Value, json};

pub struct App {
    pub client: Client,
    driver: Child,
    killed: bool,
    pub data_dir: tempfile::TempDir,
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn tauri_driver() -> PathBuf {
    if let Ok(p) = std::env::var("TAURI_DRIVER") {
        return p.into();
    }
    let cargo_home = std::env::var("CARGO_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|_| PathBuf::from(std::env::var("HOME").unwrap()).join(".cargo"));
    let candidate = cargo_home.join("bin").join("tauri-driver");
    if candidate.exists() {
        candidate
    } else {
        PathBuf::from("tauri-driver")
    }
}

impl App {
    /// The app on a fresh, empty data folder, with the first screen rendered.
    pub async fn start() -> App {
        Self::start_with(|_| {}).await
    }

    /// The app on the Stadt- und Landkreise screen with all 44 rows rendered.
    pub async fn start_on_districts() -> App {
        let app = Self::start().await;
        app.goto("kreise").await;
        app.until(
            "44 rows",
            "document.querySelectorAll('#kreise-zeilen tr').length === 44",
        )
        .await;
        app
    }

    /// Like `start`, but `prepare` may put files into the data folder first.
    pub async fn start_with(prepare: impl FnOnce(&Path)) -> App {
        let data_dir = tempfile::tempdir().unwrap();
        prepare(data_dir.path());
        Self::start_on(data_dir).await
    }

    /// Kills the app at once (as a power cut or the task manager would) and starts it again on
    /// the same data folder.
    pub async fn kill_and_restart(mut self) -> App {
        self.kill();
        let data_dir = std::mem::replace(&mut self.data_dir, tempfile::tempdir().unwrap());
        drop(self);
        Self::start_on(data_dir).await
    }

    async fn start_on(data_dir: tempfile::TempDir) -> App {
        let port = free_port();
        let native_port = free_port();
        let mut command = Command::new(tauri_driver());
        command
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native_port.to_string(),
            ])
            // Exports land in the test's data folder, not in the developer's Downloads.
            .env("NETZWERKMAPPE_EXPORTORDNER", data_dir.path().join("exporte"))
            // Test-only: native dialogs cannot be clicked; they answer from this file instead
            // (see `answer_file_dialog`). Empty or missing file = the person cancelled.
            .env(
                "NETZWERKMAPPE_E2E_DATEIPFAD",
                data_dir.path().join("dialog-antwort.txt"),
            )
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        #[cfg(unix)]
        {
            use std::os::unix::process::CommandExt;
            // Own process group: dropping the App kills tauri-driver, WebKitWebDriver and the app.
            command.process_group(0);
        }
        let driver = command.spawn().expect("tauri-driver not found: run `make setup`");
        wait_for_port(port);

        let mut caps = serde_json::Map::new();
        caps.insert(
            "tauri:options".into(),
            json!({
                "application": env!("CARGO_BIN_EXE_netzwerkmappe"),
                "args": ["--daten", data_dir.path().to_str().unwrap()],
            }),
        );
        let client = ClientBuilder::native()
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
            .expect("WebDriver session");
        let app = App {
            client,
            driver,
            killed: false,
            data_dir,
        };
        app.wait_for("#ansicht h1").await;
        app
    }

    /// Navigates as a person would, by clicking: the navigation link of the first part of
    /// `route` ("kreise", "kontakte"), then for "…/neu" the "new" button, for "…/<id>" the link to
    /// that record. Waits until the screen shows its heading.
    pub async fn goto(&self, route: &str) {
        let mut parts = route.split('/');
        let section = parts.next().unwrap_or_default();
        // By keyboard: WebKitWebDriver's clicks can land beside a link (FACTS.md).
        self.press(&format!("#nav-{section}")).await;
        self.until(
            &format!("screen {section}"),
            &format!("window.location.hash === '#/{section}' && document.querySelector('#ansicht h1')"),
        )
        .await;
        if let Some(rest) = parts.next() {
            let target = if rest == "neu" {
                format!("#ansicht a[href='#/{section}/neu']")
            } else {
                format!("#ansicht a[href='#/{section}/{rest}']")
            };
            self.press(&target).await;
        }
        self.until(
            &format!("route {route}"),
            &format!("window.location.hash === '#/{route}' && document.querySelector('#ansicht h1')"),
        )
        .await;
    }

    /// What the next file dialog "picks": a file to open, a file to save to, or a folder (save:
    /// the suggested name in it). An empty path means the person cancels the dialog.
    pub fn answer_file_dialog(&self, path: &Path) {
        std::fs::write(
            self.data_dir.path().join("dialog-antwort.txt"),
            path.to_str().unwrap(),
        )
        .unwrap();
    }

    /// Presses a button the keyboard way (Enter). WebKitWebDriver's mouse clicks sometimes land
    /// beside buttons, so keyboard use is what these steps check.
    pub async fn press(&self, css: &str) {
        self.wait_for(css).await.send_keys("\u{E007}").await.unwrap();
    }

    /// Toggles a checkbox the keyboard way (Space), as a keyboard user ticks.
    pub async fn tick(&self, css: &str) {
        self.wait_for(css).await.send_keys("\u{E00D}").await.unwrap();
    }

    pub async fn click(&self, css: &str) {
        let element = self.wait_for(css).await;
        // The main area is its own scroll container; WebKitWebDriver does not scroll inside it.
        self.client
            .execute(
                "arguments[0].scrollIntoView({block: 'center'});",
                vec![serde_json::to_value(&element).unwrap()],
            )
            .await
            .unwrap();
        // WebKitWebDriver sometimes reports an empty error for a click that did happen and started
        // an in-page navigation (hash change). Callers assert the click's effect, so a genuinely
        // lost click still fails the test.
        if let Err(e) = element.click().await {
            let rect = self
                .script(&format!(
                    "const r = document.querySelector(\"{css}\").getBoundingClientRect(); \
                     return [r.x, r.y, r.width, r.height, innerWidth, innerHeight, scrollY]"
                ))
                .await;
            eprintln!("note: WebDriver reported an error for the click on {css}: {e:?}; rect {rect}");
            if let Ok(png) = self.client.screenshot().await {
                let _ = std::fs::write("/tmp/e2e-click.png", png);
            }
        }
    }

    pub async fn wait_for(&self, css: &str) -> Element {
        self.client
            .wait()
            .at_most(Duration::from_secs(20))
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("element {css} did not appear: {e}"))
    }

    pub async fn text(&self, css: &str) -> String {
        self.wait_for(css).await.text().await.unwrap()
    }

    pub async fn script(&self, js: &str) -> Value {
        self.client.execute(js, vec![]).await.unwrap()
    }

    /// Polls `js` (an expression) until it returns `true`.
    pub async fn until(&self, what: &str, js: &str) {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if self.script(&format!("return !!({js});")).await == json!(true) {
                return;
            }
            if Instant::now() >= deadline {
                let state = self
                    .script(
                        "return {hash: location.hash, problems: window.__netzwerkmappeProblems,
                                 notices: document.getElementById('meldungen').textContent,
                                 view: document.getElementById('ansicht').textContent.slice(0, 300)}",
                    )
                    .await;
                panic!("timed out waiting for {what}; window state: {state}");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    pub async fn quit(mut self) {
        let _ = self.client.clone().close().await;
        self.kill();
    }

    fn kill(&mut self) {
        if self.killed {
            return;
        }
        self.killed = true;
        #[cfg(unix)]
        if self.driver.id() > 1 {
            // `-s KILL -- -PGID` is the only unambiguous spelling: procps-ng 4.0.2 parses
            // `kill -KILL -12345` as `kill(-1, SIGKILL)`, which kills every process on the machine.
            let _ = Command::new("kill")
                .args(["-s", "KILL", "--", &format!("-{}", self.driver.id())])
                .status();
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

impl Drop for App {
    fn drop(&mut self) {
        self.kill();
    }
}

/// Seeds a data folder before the window starts: imports `file` through the real command line
/// (`netzwerkmappe --daten <dir> import <file>`), as IT staff would.
pub fn import_with_cli(dir: &Path, file: &Path) {
    let out = Command::new(env!("CARGO_BIN_EXE_netzwerkmappe"))
        .arg("--daten")
        .arg(dir)
        .arg("import")
        .arg(file)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

/// Seeds a data folder through the ordinary store calls: `work` gets the store of `dir`'s data
/// file and runs on a runtime of its own, on a thread of its own (a seeding closure runs inside
/// the test's runtime, which may not block on another).
pub fn with_store<F, Fut>(dir: &Path, work: F)
where
    F: FnOnce(netzwerkmappe_core::store::Store) -> Fut + Send + 'static,
    Fut: std::future::Future<Output = ()>,
{
    let file = dir.join("netzwerkmappe.sqlite3");
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async move {
            let store = netzwerkmappe_core::store::Store::open(&file).await.unwrap();
            work(store).await;
        });
    })
    .join()
    .unwrap();
}

fn wait_for_port(port: u16) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "tauri-driver did not listen on {port}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

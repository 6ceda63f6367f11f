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

    /// Like `start`, but `prepare` may put files into the data folder first.
    pub async fn start_with(prepare: impl FnOnce(&Path)) -> App {
        let data_dir = tempfile::tempdir().unwrap();
        prepare(data_dir.path());
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
            data_dir,
        };
        app.wait_for("#ansicht h1").await;
        app
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
            assert!(Instant::now() < deadline, "timed out waiting for {what}");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    pub async fn quit(mut self) {
        let _ = self.client.clone().close().await;
        self.kill();
    }

    fn kill(&mut self) {
        #[cfg(unix)]
        {
            let _ = Command::new("kill")
                .args(["-KILL", &format!("-{}", self.driver.id())])
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

fn wait_for_port(port: u16) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "tauri-driver did not listen on {port}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

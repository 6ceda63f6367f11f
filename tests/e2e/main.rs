//! End-to-end tests of the real window: the debug binary, driven through tauri-driver and
//! WebKitWebDriver under Xvfb. Each test starts the app on its own fresh data folder.
//!
//! Run with `make test-e2e` (needs `xvfb-run`, `tauri-driver`, `WebKitWebDriver`); tests run one
//! at a time (`--test-threads=1`) because each owns a whole app instance.
#![allow(clippy::unwrap_used)]

mod a11y;
mod a11y_keyboard;
mod a11y_reflow;
mod app;
mod backup;
mod bulk_district;
mod contacts;
mod districts;
mod errors;
mod export;
mod forms;
mod global_search;
mod guide;
mod import;
mod info;
mod keyboard;
mod list_figures;
mod list_layout;
mod mail;
mod papers;
mod pdf;
mod privacy;
mod reminders;
mod screenshots;
mod session_figures;
mod session_people;
mod sessions;
mod settings;

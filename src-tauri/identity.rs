//! Names the whole app shares: its version and the label of its one window. Kept at the bottom of
//! the app package so the entry (`lib.rs`), the window's wiring and the services below can all use
//! them without importing upwards.

/// Version shown by `--version`, the Info view and `netzwerkmappe info`.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// The label of the main window (`tauri.conf.json`, the capability's `windows`).
pub(crate) const MAIN_WINDOW: &str = "main";

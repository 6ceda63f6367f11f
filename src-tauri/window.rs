//! Starts the Tauri window: single-instance guard, store opening, state, commands.

use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use netzwerkmappe_core::paths::{DATA_DIR_ENV, DataDirSource, resolve_data_dir};
use netzwerkmappe_core::{ErrorPayload, Store};
use tauri::{AppHandle, Manager};

use crate::commands::all_commands;
use crate::identity::MAIN_WINDOW;
use crate::state::AppState;

pub fn run(data_dir_flag: Option<&Path>, measure_startup: Option<Instant>) -> ExitCode {
    prefer_shared_memory_rendering();
    let data_dir = match resolve_data_dir(data_dir_flag, std::env::var_os(DATA_DIR_ENV)) {
        Ok(dir) => dir,
        Err(e) => {
            eprintln!("Fehler: {e}");
            return ExitCode::from(2);
        }
    };

    let mut builder = tauri::Builder::default();
    // The default data folder is shared by every start of the app: a second start focuses the
    // running window instead of opening the same file twice. An explicit folder (--daten, tests,
    // IT staff) is the caller's choice and may run beside it; WAL keeps even that safe.
    if data_dir.source == DataDirSource::Default {
        builder = builder.plugin(tauri_plugin_single_instance::init(|app, _argv, _cwd| {
            focus_main_window(app)
        }));
    }

    let data_file = data_dir.data_file();
    let result = builder
        // Native open/save dialogs, opened from Rust only (`dialog.rs`); the capability grants the
        // window none of the plugin's commands.
        .plugin(tauri_plugin_dialog::init())
        .setup(move |app| {
            // The data file is opened beside the webview's start, not before it: the window
            // paints meanwhile and the first screen's commands wait for the store (state.rs).
            let (state, opening) = tauri::async_runtime::block_on(AppState::opening(measure_startup));
            state.set_data_file(data_file.clone());
            app.manage(state);
            let handle = app.handle().clone();
            tauri::async_runtime::spawn(async move {
                let store = Store::open(&data_file).await.map_err(ErrorPayload::from);
                if let Err(e) = &store {
                    // Also on the terminal for IT staff; the window shows the same message.
                    eprintln!("Fehler: {e}");
                }
                opening.finish(store);
                // Both read the store from the state at each look (they skip while there is
                // none), so after a damaged file was recovered in the window they use the new one.
                crate::reminders::spawn(handle.clone());
                crate::backup::spawn_daily(handle);
            });
            Ok(())
        })
        .invoke_handler(all_commands!())
        .run(tauri::generate_context!());

    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("Fehler: Das Fenster von Netzwerkmappe konnte nicht geöffnet werden ({e}).");
            ExitCode::FAILURE
        }
    }
}

/// WebKitGTK's DMA-BUF renderer shows blank windows on some GPUs/VMs and costs ~150 ms of start-up
/// under software rendering (measured with `make bench`: median 470 ms → ~320 ms on Xvfb). An
/// office app gains nothing from it. Respect an explicit setting by the user or IT.
fn prefer_shared_memory_rendering() {
    #[cfg(target_os = "linux")]
    if std::env::var_os("WEBKIT_DISABLE_DMABUF_RENDERER").is_none() {
        // SAFETY: called on the main thread before Tauri, tokio or any other thread is started,
        // so no other thread can read the environment concurrently.
        #[allow(unsafe_code)]
        unsafe {
            std::env::set_var("WEBKIT_DISABLE_DMABUF_RENDERER", "1");
        }
    }
}

fn focus_main_window(app: &AppHandle) {
    if let Some(window) = app.get_webview_window(MAIN_WINDOW) {
        // Best effort: a window manager may refuse focus; the user still sees the window.
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
}

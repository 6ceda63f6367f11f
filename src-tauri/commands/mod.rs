//! Tauri commands: one-line adapters from the UI's `invoke` to the core. No SQL, no logic here;
//! errors reach the UI as `{code, message}` (`ErrorPayload`). Each command must also be listed in
//! `build.rs` and granted in `capabilities/main.json`.

pub mod districts;
pub mod info;

/// Every command, for `invoke_handler`.
macro_rules! all_commands {
    () => {
        tauri::generate_handler![
            $crate::commands::info::app_info,
            $crate::commands::info::ui_ready,
            $crate::commands::districts::list_regions,
            $crate::commands::districts::list_districts,
        ]
    };
}
pub(crate) use all_commands;

/// The commands' result type.
pub type CommandResult<T> = Result<T, netzwerkmappe_core::ErrorPayload>;

//! Tauri commands: one-line adapters from the UI's `invoke` to the core. No SQL, no logic here;
//! errors reach the UI as `{code, message}` (`ErrorPayload`). Each command must also be listed in
//! `build.rs` and granted in `capabilities/main.json`.

pub mod contacts;
pub mod districts;
pub mod export;
pub mod import;
pub mod info;
pub mod labels;
pub mod mail;
pub mod organisations;

/// Every command, for `invoke_handler`.
macro_rules! all_commands {
    () => {
        tauri::generate_handler![
            $crate::commands::info::app_info,
            $crate::commands::info::ui_ready,
            $crate::commands::labels::ui_labels,
            $crate::commands::districts::list_regions,
            $crate::commands::districts::list_districts,
            $crate::commands::contacts::list_contacts,
            $crate::commands::contacts::get_contact,
            $crate::commands::contacts::create_contact,
            $crate::commands::contacts::update_contact,
            $crate::commands::contacts::delete_contact,
            $crate::commands::contacts::list_groups,
            $crate::commands::contacts::search,
            $crate::commands::export::export_contacts_csv,
            $crate::commands::export::export_contacts_vcard,
            $crate::commands::mail::write_email,
            $crate::commands::import::preview_import,
            $crate::commands::import::apply_import,
            $crate::commands::organisations::list_organisations,
            $crate::commands::organisations::get_organisation,
            $crate::commands::organisations::create_organisation,
            $crate::commands::organisations::update_organisation,
            $crate::commands::organisations::delete_organisation,
        ]
    };
}
pub(crate) use all_commands;

/// The commands' result type.
pub type CommandResult<T> = Result<T, netzwerkmappe_core::ErrorPayload>;

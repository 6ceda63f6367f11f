//! Tauri commands: one-line adapters from the UI's `invoke` to the core. No SQL, no logic here;
//! errors reach the UI as `{code, message}` (`ErrorPayload`). Each command must also be listed in
//! `build.rs` (`APP_COMMANDS`, which makes its `allow-…` permission) and granted in
//! `capabilities/main.json`; the test at the end of this file fails when the three disagree.

pub mod backup;
pub mod contacts;
pub mod districts;
pub mod export;
pub mod import;
pub mod info;
pub mod labels;
pub mod mail;
pub mod minutes;
pub mod organisations;
pub mod papers;
pub mod pdf;
pub mod privacy;
pub mod reminders;
pub mod sessions;
pub mod settings;

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
            $crate::commands::export::export_contacts_vcard_zip,
            $crate::commands::mail::write_email,
            $crate::commands::import::choose_import_file,
            $crate::commands::import::preview_import,
            $crate::commands::import::apply_import,
            $crate::commands::organisations::list_organisations,
            $crate::commands::organisations::get_organisation,
            $crate::commands::organisations::create_organisation,
            $crate::commands::organisations::update_organisation,
            $crate::commands::organisations::delete_organisation,
            $crate::commands::organisations::set_organisation_district,
            $crate::commands::settings::get_settings,
            $crate::commands::settings::update_settings,
            $crate::commands::sessions::list_sessions,
            $crate::commands::sessions::get_session,
            $crate::commands::sessions::create_session,
            $crate::commands::sessions::create_session_from_template,
            $crate::commands::sessions::update_session,
            $crate::commands::sessions::delete_session,
            $crate::commands::sessions::list_agenda,
            $crate::commands::sessions::add_agenda_item,
            $crate::commands::sessions::add_minutes_approval_item,
            $crate::commands::sessions::update_agenda_item,
            $crate::commands::sessions::delete_agenda_item,
            $crate::commands::sessions::move_agenda_item,
            $crate::commands::sessions::list_participants,
            $crate::commands::sessions::add_participants,
            $crate::commands::sessions::set_participant_status,
            $crate::commands::sessions::remove_participant,
            $crate::commands::sessions::export_session_ics,
            $crate::commands::sessions::load_demo,
            $crate::commands::sessions::write_invitation,
            $crate::commands::minutes::get_minutes,
            $crate::commands::minutes::update_minutes,
            $crate::commands::minutes::set_discussion,
            $crate::commands::minutes::add_decision,
            $crate::commands::minutes::update_decision,
            $crate::commands::minutes::delete_decision,
            $crate::commands::minutes::add_action_item,
            $crate::commands::minutes::update_action_item,
            $crate::commands::minutes::set_action_item_status,
            $crate::commands::minutes::delete_action_item,
            $crate::commands::minutes::approve_minutes,
            $crate::commands::minutes::add_addendum,
            $crate::commands::minutes::list_action_items,
            $crate::commands::reminders::pending_reminders,
            $crate::commands::reminders::acknowledge_reminders,
            $crate::commands::backup::startup_state,
            $crate::commands::backup::backup_overview,
            $crate::commands::backup::backup_now,
            $crate::commands::backup::check_data_file,
            $crate::commands::backup::restore_backup,
            $crate::commands::backup::restore_from_file,
            $crate::commands::backup::recover_data_file,
            $crate::commands::privacy::list_audit,
            $crate::commands::privacy::contacts_without_basis,
            $crate::commands::privacy::retention_candidates,
            $crate::commands::privacy::keep_contact,
            $crate::commands::privacy::subject_access,
            $crate::commands::privacy::export_subject_access,
            $crate::commands::privacy::erase_contact,
            $crate::commands::pdf::export_session_pdf,
            $crate::commands::pdf::get_pdf_logo,
            $crate::commands::pdf::choose_pdf_logo,
            $crate::commands::pdf::remove_pdf_logo,
            $crate::commands::papers::list_papers,
            $crate::commands::papers::get_paper,
            $crate::commands::papers::create_paper,
            $crate::commands::papers::update_paper_meta,
            $crate::commands::papers::delete_paper,
            $crate::commands::papers::save_paper_draft,
            $crate::commands::papers::discard_paper_draft,
            $crate::commands::papers::save_paper_version,
            $crate::commands::papers::get_paper_version,
            $crate::commands::papers::compare_paper_versions,
            $crate::commands::papers::restore_paper_version,
            $crate::commands::papers::change_paper_status,
            $crate::commands::papers::list_handlungsfelder,
            $crate::commands::papers::add_handlungsfeld,
            $crate::commands::papers::render_markdown,
            $crate::commands::papers::add_paper_attachment,
            $crate::commands::papers::open_paper_attachment,
            $crate::commands::papers::delete_paper_attachment,
            $crate::commands::papers::link_paper,
            $crate::commands::papers::unlink_paper,
            $crate::commands::papers::list_papers_for_session,
            $crate::commands::papers::list_decisions_for_paper,
            $crate::commands::papers::compare_paper_draft,
        ]
    };
}
pub(crate) use all_commands;

/// The commands' result type.
pub type CommandResult<T> = Result<T, netzwerkmappe_core::ErrorPayload>;

#[cfg(test)]
mod tests {
    //! The three lists of commands are kept apart by Tauri's design (the build script cannot see the
    //! crate, the capability is JSON), so this test reads all three and fails on any difference.

    use std::collections::BTreeSet;

    /// Quoted names between `APP_COMMANDS: &[&str] = &[` and `];` in build.rs.
    fn build_script_commands() -> Vec<String> {
        let source = include_str!("../build.rs");
        let start = source
            .find("APP_COMMANDS: &[&str] = &[")
            .expect("build.rs defines APP_COMMANDS");
        let list = &source[start..];
        let list = &list[..list.find("];").expect("APP_COMMANDS ends with `];`")];
        list.split('"').skip(1).step_by(2).map(str::to_owned).collect()
    }

    /// The function names inside `generate_handler![…]` of `all_commands!` above.
    fn handler_commands() -> Vec<String> {
        let source = include_str!("mod.rs");
        let start = source
            .find("generate_handler![")
            .expect("all_commands! uses generate_handler!");
        let list = &source[start..];
        let list = &list[..list.find(']').expect("generate_handler! ends with `]`")];
        list.split(',')
            .filter_map(|entry| entry.trim().rsplit("::").next())
            .filter(|name| !name.is_empty() && !name.contains('['))
            .map(str::to_owned)
            .collect()
    }

    /// The app commands the window's capability grants (`allow-list-contacts` → `list_contacts`).
    /// Plugin permissions (`dialog:…`) are not app commands and are checked separately.
    fn granted_commands() -> (Vec<String>, Vec<String>) {
        let json: serde_json::Value =
            serde_json::from_str(include_str!("../capabilities/main.json")).expect("valid JSON");
        let permissions: Vec<String> = json["permissions"]
            .as_array()
            .expect("permissions array")
            .iter()
            .map(|p| p.as_str().expect("permission names are strings").to_owned())
            .collect();
        let (plugin, app): (Vec<String>, Vec<String>) =
            permissions.into_iter().partition(|p| p.contains(':'));
        let app = app
            .iter()
            .map(|p| {
                p.strip_prefix("allow-")
                    .unwrap_or_else(|| panic!("{p}: only allow-… permissions are expected"))
                    .replace('-', "_")
            })
            .collect();
        (app, plugin)
    }

    fn no_duplicates(what: &str, list: &[String]) -> BTreeSet<String> {
        let set: BTreeSet<String> = list.iter().cloned().collect();
        assert_eq!(set.len(), list.len(), "{what} lists a command twice: {list:?}");
        set
    }

    #[test]
    fn build_script_handlers_and_capability_list_the_same_commands() {
        let build = no_duplicates("build.rs", &build_script_commands());
        let handlers = no_duplicates("all_commands!", &handler_commands());
        let (granted, plugin) = granted_commands();
        let granted = no_duplicates("capabilities/main.json", &granted);
        assert!(build.len() > 10, "parsing build.rs found too little: {build:?}");
        assert_eq!(
            build.symmetric_difference(&handlers).collect::<Vec<_>>(),
            Vec::<&String>::new(),
            "build.rs and all_commands! differ"
        );
        assert_eq!(
            build.symmetric_difference(&granted).collect::<Vec<_>>(),
            Vec::<&String>::new(),
            "build.rs and capabilities/main.json differ"
        );
        // The window opens native dialogs from Rust, so it needs no dialog permission at all; of
        // Tauri's core it may only hear its own close request and then close itself (after asking
        // about unsaved changes). Anything else granted here is a mistake.
        assert_eq!(
            plugin,
            ["core:event:allow-listen", "core:window:allow-destroy"],
            "plugin permissions granted to the window"
        );
    }
}

//! Build script of the app package: generates Tauri's context and the permissions for exactly the
//! app commands the UI calls (so capabilities can grant them one by one).

/// Every `#[tauri::command]` of the app. A command missing here cannot be granted to the UI.
const APP_COMMANDS: &[&str] = &[
    "app_info",
    "ui_ready",
    "ui_labels",
    "list_regions",
    "list_districts",
    "list_contacts",
    "get_contact",
    "create_contact",
    "update_contact",
    "delete_contact",
    "list_groups",
    "search",
    "choose_import_file",
    "preview_import",
    "export_contacts_csv",
    "export_contacts_vcard",
    "export_contacts_vcard_zip",
    "write_email",
    "apply_import",
    "list_organisations",
    "get_organisation",
    "create_organisation",
    "update_organisation",
    "delete_organisation",
    "set_organisation_district",
    "get_settings",
    "update_settings",
    "list_sessions",
    "get_session",
    "create_session",
    "create_session_from_template",
    "update_session",
    "delete_session",
    "list_agenda",
    "add_agenda_item",
    "add_minutes_approval_item",
    "update_agenda_item",
    "delete_agenda_item",
    "move_agenda_item",
    "list_participants",
    "add_participants",
    "set_participant_status",
    "remove_participant",
    "export_session_ics",
    "load_demo",
    "write_invitation",
    "get_minutes",
    "update_minutes",
    "set_discussion",
    "add_decision",
    "update_decision",
    "delete_decision",
    "add_action_item",
    "update_action_item",
    "set_action_item_status",
    "delete_action_item",
    "approve_minutes",
    "add_addendum",
    "list_action_items",
    "pending_reminders",
    "acknowledge_reminders",
    "startup_state",
    "backup_overview",
    "backup_now",
    "check_data_file",
    "restore_backup",
    "restore_from_file",
    "recover_data_file",
    "list_audit",
    "contacts_without_basis",
    "retention_candidates",
    "keep_contact",
    "subject_access",
    "export_subject_access",
    "erase_contact",
    "export_session_pdf",
    "get_pdf_logo",
    "choose_pdf_logo",
    "remove_pdf_logo",
    "list_papers",
    "get_paper",
    "create_paper",
    "update_paper_meta",
    "delete_paper",
    "save_paper_draft",
    "discard_paper_draft",
    "save_paper_version",
    "get_paper_version",
    "compare_paper_versions",
    "restore_paper_version",
    "change_paper_status",
    "list_handlungsfelder",
    "add_handlungsfeld",
    "render_markdown",
    "add_paper_attachment",
    "open_paper_attachment",
    "delete_paper_attachment",
    "link_paper",
    "unlink_paper",
    "list_papers_for_session",
    "list_decisions_for_paper",
    "compare_paper_draft",
];

fn main() {
    // The KERN stylesheet and fonts are committed (copied from the pinned npm package by
    // scripts/vendor-kern.sh). Without them the window would open unstyled (grey buttons,
    // screen-reader texts shown): refuse to build instead, naming what fixes it.
    if !std::path::Path::new("ui/vendor/kern/kern.min.css").exists() {
        println!(
            "cargo::error=ui/vendor/kern fehlt (KERN-Design der Oberfläche); der Ordner gehört zum Repository. \
             Bitte wiederherstellen (git checkout ui/vendor) oder `make vendor` ausführen, dann erneut bauen."
        );
        println!("cargo:rerun-if-changed=ui");
        return;
    }
    println!("cargo:rerun-if-changed=ui");
    let attributes = tauri_build::Attributes::new()
        .capabilities_path_pattern("./src-tauri/capabilities/**/*")
        .app_manifest(tauri_build::AppManifest::new().commands(APP_COMMANDS));
    if let Err(e) = tauri_build::try_build(attributes) {
        panic!("tauri-build failed: {e:#}");
    }
}

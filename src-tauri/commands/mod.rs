//! Tauri commands: one-line adapters from the UI's `invoke` to the core. No SQL, no logic here;
//! errors reach the UI as `{code, message}` (`ErrorPayload`). Every command is named once, in
//! `commands.txt`; `build.rs` makes the handler, its permission and the capability from that list.

pub mod backup;
pub mod contacts;
pub mod districts;
pub mod export;
pub mod guide;
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

/// The commands' result type.
pub type CommandResult<T> = Result<T, netzwerkmappe_core::ErrorPayload>;

#[cfg(test)]
mod tests {
    //! The capability is generated from `commands.txt` by `build.rs`; this pins what else it grants.

    #[test]
    fn the_window_is_granted_its_commands_and_two_core_permissions_only() {
        let json: serde_json::Value =
            serde_json::from_str(include_str!("../capabilities/main.json")).expect("valid JSON");
        let permissions: Vec<&str> = json["permissions"]
            .as_array()
            .expect("permissions array")
            .iter()
            .filter_map(|p| p.as_str())
            .collect();
        let listed: Vec<&str> = include_str!("commands.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect();
        let (plugin, app): (Vec<&str>, Vec<&str>) = permissions.iter().partition(|p| p.contains(':'));
        assert_eq!(app.len(), listed.len(), "one allow-… per listed command");
        assert!(app.iter().all(|p| p.starts_with("allow-")), "{app:?}");
        assert_eq!(plugin, ["core:event:allow-listen", "core:window:allow-destroy"]);
        // The committed handler is what build.rs makes of the list (a build rewrites both files).
        let handler = include_str!("handler.rs");
        for line in &listed {
            assert!(
                handler.contains(&format!("crate::commands::{line},")),
                "{line} is missing from handler.rs: build once and commit it"
            );
        }
    }
}

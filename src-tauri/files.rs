//! Reading a file a person named (import dialog, `netzwerkmappe import <DATEI>`), with the same
//! German message in the window and on the command line.

use std::path::Path;

use netzwerkmappe_core::Error;

/// The whole file; a missing or unreadable file is a German error naming it.
pub fn read_user_file(path: &Path) -> Result<Vec<u8>, Error> {
    std::fs::read(path).map_err(|e| {
        Error::io(
            format!("Die Datei „{}“ konnte nicht gelesen werden", path.display()),
            e,
        )
    })
}

/// The file's name without its folder, as the screen shows it ("Ausgewählt: kontakte.csv").
pub fn display_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

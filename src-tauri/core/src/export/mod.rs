//! Exports people can open elsewhere, and writing them safely: a new file next to older exports,
//! never overwriting one, never left half-written.

mod csv;
mod save;
mod vcard;
mod vcard_zip;

pub use self::csv::contacts_csv;
pub use self::save::{ContactsExport, ExportFormat, ExportOutcome, in_screen_order, write_new_file_at};
pub use self::vcard::contacts_vcard;
pub use self::vcard_zip::contacts_vcard_zip;

use std::path::{Path, PathBuf};

use crate::{Error, Result};

/// Writes `bytes` as a new file in `dir` named `{stem}.{ext}` (or `{stem} (2).{ext}` … when taken).
/// The content goes to a temporary file first and is renamed into place, so a full disk never
/// leaves a half-written export behind.
pub fn write_new_file(dir: &Path, stem: &str, ext: &str, bytes: &[u8]) -> Result<PathBuf> {
    std::fs::create_dir_all(dir).map_err(|e| {
        Error::io(
            format!("Der Ordner „{}“ konnte nicht angelegt werden", dir.display()),
            e,
        )
    })?;
    let target = (1..1000)
        .map(|n| {
            if n == 1 {
                dir.join(format!("{stem}.{ext}"))
            } else {
                dir.join(format!("{stem} ({n}).{ext}"))
            }
        })
        .find(|p| !p.exists())
        .ok_or_else(|| {
            Error::validation(
                "Datei",
                format!("Im Ordner „{}“ gibt es zu viele Exporte.", dir.display()),
            )
        })?;
    let temp = dir.join(format!(".{stem}.{ext}.tmp"));
    let written = std::fs::write(&temp, bytes).and_then(|()| std::fs::rename(&temp, &target));
    if let Err(e) = written {
        let _ = std::fs::remove_file(&temp);
        return Err(Error::io(
            format!("Die Datei „{}“ konnte nicht gespeichert werden", target.display()),
            e,
        ));
    }
    Ok(target)
}

/// The folder "Speichern unter" opens in: `NETZWERKMAPPE_EXPORTORDNER` if set, else the user's
/// Downloads folder, else the home folder.
pub fn export_dir(env: Option<std::ffi::OsString>) -> Option<PathBuf> {
    env.filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(dirs::download_dir)
        .or_else(dirs::home_dir)
}

/// Environment variable that overrides the export folder (IT staff, tests).
pub const EXPORT_DIR_ENV: &str = "NETZWERKMAPPE_EXPORTORDNER";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_files_never_overwrite() {
        let dir = tempfile::tempdir().unwrap();
        let a = write_new_file(dir.path(), "Kontakte_2026-11-25", "csv", b"1").unwrap();
        let b = write_new_file(dir.path(), "Kontakte_2026-11-25", "csv", b"2").unwrap();
        assert!(a.ends_with("Kontakte_2026-11-25.csv"));
        assert!(b.ends_with("Kontakte_2026-11-25 (2).csv"));
        assert_eq!(std::fs::read(&a).unwrap(), b"1");
        let err = write_new_file(&a.join("kein-ordner"), "x", "csv", b"3").unwrap_err();
        assert!(err.to_string().contains("konnte nicht angelegt werden"), "{err}");
    }
}

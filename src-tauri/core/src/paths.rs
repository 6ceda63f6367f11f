//! Where the data lives: one SQLite file in a data folder. The folder is the per-user app-data
//! folder unless `--daten <ordner>` or the `NETZWERKMAPPE_DATEN` environment variable says otherwise
//! (IT staff, portable installs, tests).
//!
//! Also here: creating folders and files that hold personal data so only the user can read them
//! (used by the store for the data file and by backups for their copies).

use std::ffi::OsString;
use std::fs::OpenOptions;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::{Error, Result};

/// Reverse-domain identifier; also the folder name under the platform's app-data directory,
/// matching what Tauri's `app_data_dir()` yields for this identifier.
pub const APP_IDENTIFIER: &str = "de.netzwerk-integration-bw.netzwerkmappe";
/// The one data file inside the data folder.
pub const DATA_FILE_NAME: &str = "netzwerkmappe.sqlite3";
/// Environment variable that selects the data folder (the `--daten` flag wins over it).
pub const DATA_DIR_ENV: &str = "NETZWERKMAPPE_DATEN";

/// How the data folder was chosen; only the default folder is guarded by the single-instance lock.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DataDirSource {
    Default,
    Flag,
    Environment,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataDir {
    pub path: PathBuf,
    pub source: DataDirSource,
}

impl DataDir {
    pub fn data_file(&self) -> PathBuf {
        self.path.join(DATA_FILE_NAME)
    }
}

/// Picks the data folder: the flag, else the environment value, else the per-user default.
/// Inputs are passed in (not read here) so the rule is testable.
pub fn resolve_data_dir(flag: Option<&Path>, env: Option<OsString>) -> Result<DataDir> {
    if let Some(path) = flag {
        return non_empty(path.to_path_buf(), DataDirSource::Flag);
    }
    if let Some(value) = env.filter(|v| !v.is_empty()) {
        return non_empty(PathBuf::from(value), DataDirSource::Environment);
    }
    dirs::data_dir()
        .map(|base| DataDir {
            path: base.join(APP_IDENTIFIER),
            source: DataDirSource::Default,
        })
        .ok_or_else(|| {
            Error::validation(
                "Datenordner",
                "Der persönliche Anwendungsdatenordner ist nicht bekannt. Bitte geben Sie mit \
                 --daten <ordner> einen Datenordner an.",
            )
        })
}

fn non_empty(path: PathBuf, source: DataDirSource) -> Result<DataDir> {
    if path.as_os_str().is_empty() {
        return Err(Error::validation(
            "Datenordner",
            "Bitte geben Sie einen Ordner an (--daten <ordner>).",
        ));
    }
    Ok(DataDir { path, source })
}

// What we create holds personal data: folders and files are the user's alone (0700 folders,
// 0600 files on Unix; elsewhere the folder's ACL decides). The store creates the data file with
// these, the backups use them for their copies.

/// Creates `dir` (and its parents) readable for the user only (0700 on Unix) where it is new.
pub fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

/// Creates an empty file at `path` readable for the user only (0600 on Unix).
pub fn create_private_file(path: &Path) -> Result<()> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path).map(drop).map_err(|e| {
        Error::io(
            format!("Die Datendatei „{}“ konnte nicht angelegt werden", path.display()),
            e,
        )
    })
}

/// Makes an existing file the user's alone (0600 on Unix; elsewhere the folder's ACL decides).
pub fn make_private(path: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))?;
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

/// Flushes a folder's entry list, so a rename in it survives a power cut (Unix; Windows has no
/// such call and its renames are journaled by NTFS).
pub fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = std::fs::File::open(dir) {
        // Best effort: some file systems refuse fsync on folders; the data itself is synced.
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flag_beats_environment_beats_default() {
        let d = resolve_data_dir(Some(Path::new("/tmp/a")), Some("/tmp/b".into())).unwrap();
        assert_eq!(
            d,
            DataDir {
                path: "/tmp/a".into(),
                source: DataDirSource::Flag
            }
        );
        let d = resolve_data_dir(None, Some("/tmp/b".into())).unwrap();
        assert_eq!(d.source, DataDirSource::Environment);
        assert_eq!(d.data_file(), PathBuf::from("/tmp/b").join(DATA_FILE_NAME));
    }

    #[test]
    fn empty_environment_falls_back_to_default() {
        if let Ok(d) = resolve_data_dir(None, Some(OsString::new())) {
            assert_eq!(d.source, DataDirSource::Default);
            assert!(d.path.ends_with(APP_IDENTIFIER));
        }
    }

    #[test]
    fn empty_flag_is_a_validation_error() {
        let err = resolve_data_dir(Some(Path::new("")), None).unwrap_err();
        assert_eq!(err.code(), crate::ErrorCode::Validation);
        assert!(err.to_string().starts_with("Datenordner:"));
    }
}

//! The backup folder's files: listing and rotating the automatic backups, naming the one the UI
//! picked, and setting a data file aside (never deleting it) before a restore or when damaged.

use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, Utc};

use super::{
    BEFORE_RESTORE_PREFIX, BackupEntry, BackupKind, DAMAGED_PREFIX, backup_day, backup_dir, backups_to_keep,
    size_label,
};
use crate::paths::{create_private_dir, sync_dir};
use crate::{Error, Result};

/// A temporary name beside `target`, in the same folder so the final rename cannot cross disks.
pub fn temp_beside(target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    target.with_file_name(format!(".{name}.{}.tmp", std::process::id()))
}

/// Whether `a` and `b` name the same file (also through links or `..`), where either exists.
pub fn same_file(a: &Path, b: &Path) -> bool {
    let full = |p: &Path| {
        p.canonicalize()
            .or_else(|_| std::path::absolute(p))
            .unwrap_or_else(|_| p.to_path_buf())
    };
    full(a) == full(b)
}

/// Deletes the automatic backups the rotation rule does not keep. Only files named like an
/// automatic backup are ever touched.
pub fn prune(dir: &Path) -> Result<Vec<PathBuf>> {
    let days: Vec<(NaiveDate, PathBuf)> = read_dir_names(dir)?
        .into_iter()
        .filter_map(|name| backup_day(&name).map(|d| (d, dir.join(name))))
        .collect();
    let keep = backups_to_keep(&days.iter().map(|(d, _)| *d).collect::<Vec<_>>());
    let mut removed = Vec::new();
    for (day, path) in days {
        if !keep.contains(&day) {
            std::fs::remove_file(&path).map_err(|e| {
                Error::io(
                    format!(
                        "Die alte Sicherung „{}“ konnte nicht gelöscht werden",
                        path.display()
                    ),
                    e,
                )
            })?;
            removed.push(path);
        }
    }
    Ok(removed)
}

pub fn read_dir_names(dir: &Path) -> Result<Vec<String>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => {
            return Err(Error::io(
                format!(
                    "Der Sicherungsordner „{}“ konnte nicht gelesen werden",
                    dir.display()
                ),
                e,
            ));
        }
    };
    Ok(entries
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter_map(|e| e.file_name().to_str().map(str::to_owned))
        .collect())
}

/// The files of the backup folder, newest first: automatic backups and the files set aside.
pub fn list_backups(data_file: &Path) -> Result<Vec<BackupEntry>> {
    let dir = backup_dir(data_file);
    let mut entries: Vec<(String, BackupEntry)> = Vec::new();
    for name in read_dir_names(&dir)? {
        let (kind, sort_key, when) = if let Some(day) = backup_day(&name) {
            (
                BackupKind::Automatic,
                day.format("%Y-%m-%d_999999").to_string(),
                crate::format::date_de(day),
            )
        } else if let Some(stamp) = set_aside_stamp(&name, BEFORE_RESTORE_PREFIX) {
            (BackupKind::BeforeRestore, stamp.clone(), stamp_label(&stamp))
        } else if let Some(stamp) = set_aside_stamp(&name, DAMAGED_PREFIX) {
            (BackupKind::Damaged, stamp.clone(), stamp_label(&stamp))
        } else {
            continue;
        };
        let size = std::fs::metadata(dir.join(&name)).map(|m| m.len()).unwrap_or(0);
        entries.push((
            sort_key,
            BackupEntry {
                file_name: name,
                kind,
                when,
                size,
                size_label: size_label(size),
            },
        ));
    }
    entries.sort_by(|a, b| b.0.cmp(&a.0));
    Ok(entries.into_iter().map(|(_, e)| e).collect())
}

/// The path of a file in the backup folder, by the name the UI got from [`list_backups`]. Only
/// plain names of files listed there are accepted, so the webview cannot name any other path.
pub fn backup_path(data_file: &Path, file_name: &str) -> Result<PathBuf> {
    let listed = list_backups(data_file)?
        .into_iter()
        .any(|e| e.file_name == file_name && e.kind == BackupKind::Automatic);
    if !listed {
        return Err(Error::NotFound {
            what: format!("Die Sicherung „{file_name}“"),
        });
    }
    Ok(backup_dir(data_file).join(file_name))
}

/// `2026-11-27_093512` from `vor-Wiederherstellung-2026-11-27_093512.sqlite3`.
pub(super) fn set_aside_stamp(name: &str, prefix: &str) -> Option<String> {
    let rest = name.strip_prefix(prefix)?.strip_suffix(".sqlite3")?;
    chrono::NaiveDateTime::parse_from_str(rest, "%Y-%m-%d_%H%M%S").ok()?;
    Some(rest.to_owned())
}

pub(super) fn stamp_label(stamp: &str) -> String {
    chrono::NaiveDateTime::parse_from_str(stamp, "%Y-%m-%d_%H%M%S")
        .map(|t| format!("{}, {} Uhr", crate::format::date_de(t.date()), t.format("%H:%M")))
        .unwrap_or_else(|_| stamp.to_owned())
}

/// The Berlin wall-clock time of `now` as used in set-aside names.
fn stamp(now: DateTime<Utc>) -> String {
    now.with_timezone(&chrono_tz::Europe::Berlin)
        .format("%Y-%m-%d_%H%M%S")
        .to_string()
}

/// Why a data file is set aside.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetAside {
    BeforeRestore,
    Damaged,
}

/// Moves the (closed) data file and its `-wal`/`-shm` companions into the backup folder under a
/// dated name. A `-wal` left beside a replaced file would be replayed into the new one, so they
/// move together. Returns the new path of the data file, `None` when there was none.
pub fn set_aside(data_file: &Path, why: SetAside, now: DateTime<Utc>) -> Result<Option<PathBuf>> {
    if !data_file.exists() {
        return Ok(None);
    }
    let dir = backup_dir(data_file);
    create_private_dir(&dir).map_err(|e| {
        Error::io(
            format!(
                "Der Sicherungsordner „{}“ konnte nicht angelegt werden",
                dir.display()
            ),
            e,
        )
    })?;
    let prefix = match why {
        SetAside::BeforeRestore => BEFORE_RESTORE_PREFIX,
        SetAside::Damaged => DAMAGED_PREFIX,
    };
    let mut aside = dir.join(format!("{prefix}{}.sqlite3", stamp(now)));
    let mut n = 2;
    while aside.exists() {
        aside = dir.join(format!("{prefix}{}-{n}.sqlite3", stamp(now)));
        n += 1;
    }
    let move_file = |from: &Path, to: &Path| {
        std::fs::rename(from, to).map_err(|e| {
            Error::io(
                format!(
                    "Die Datendatei „{}“ konnte nicht beiseitegelegt werden",
                    from.display()
                ),
                e,
            )
        })
    };
    for suffix in ["-wal", "-shm"] {
        let companion = with_suffix(data_file, suffix);
        if companion.exists() {
            move_file(&companion, &with_suffix(&aside, suffix))?;
        }
    }
    move_file(data_file, &aside)?;
    sync_dir(&dir);
    if let Some(parent) = data_file.parent() {
        sync_dir(parent);
    }
    Ok(Some(aside))
}

pub fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

/// Replaces the (closed) data file by the prepared copy: the current file is set aside first
/// (never deleted; `why` names it), then the copy renamed into place. Returns where the old file
/// went.
pub fn put_in_place(
    prepared: &Path,
    data_file: &Path,
    why: SetAside,
    now: DateTime<Utc>,
) -> Result<Option<PathBuf>> {
    let aside = set_aside(data_file, why, now)?;
    std::fs::rename(prepared, data_file).map_err(|e| {
        Error::io(
            format!(
                "Die Sicherung konnte nicht als „{}“ eingesetzt werden",
                data_file.display()
            ),
            e,
        )
    })?;
    if let Some(parent) = data_file.parent() {
        sync_dir(parent);
    }
    Ok(aside)
}

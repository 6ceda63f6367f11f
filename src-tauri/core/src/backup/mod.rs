//! Backups, restoring them, and what happens to a damaged data file. Nothing here ever deletes
//! a person's data file: a replaced or damaged file is set aside under a dated name.
//!
//! A backup is written as `VACUUM INTO` a temporary file in the target folder, checked with the
//! full `integrity_check`, flushed to the disk (fsync) and only then renamed into place, so a
//! crash or a full disk leaves the old backup (or none), never half a backup. The automatic
//! backups (one a day into `<daten>/Sicherungen/`) are rotated by [`backups_to_keep`], a plain
//! rule: the newest 7 days, then the newest of each of 4 older weeks.
//!
//! Here: the rules (names, rotation, what a check found); `folder.rs` the backup folder's files
//! (listing, rotating, setting a data file aside); `network.rs` the network-drive check (SQLite's
//! write-ahead log is not safe there). Writing a backup and preparing a restore need the store:
//! they are use cases in `usecase/backup.rs`. The permissions of what we create (0700 folders,
//! 0600 files on Unix) are in `paths.rs`.

mod folder;
mod network;
#[cfg(test)]
mod tests;

pub use folder::*;
pub use network::*;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::Error;
use crate::error::DamageFinding;

/// The folder for automatic backups and set-aside files, inside the data folder.
pub const BACKUP_DIR_NAME: &str = "Sicherungen";
/// Automatic backups kept one per day for this many of the newest days …
pub const KEEP_DAILY: usize = 7;
/// … and, older than those, the newest one of each of this many weeks.
pub const KEEP_WEEKLY: usize = 4;
/// How many weeks the oldest automatic backup may be old (a week of dailies, then the weeklies):
/// erased data can still be in a backup that long (the DSGVO notice reads this).
pub const BACKUP_RETENTION_WEEKS: usize = KEEP_WEEKLY + 1;
/// Start of every backup's file name; the date follows (`…_2026-11-27.sqlite`).
const BACKUP_PREFIX: &str = "Netzwerkmappe_Sicherung_";
const BACKUP_EXTENSION: &str = "sqlite";
/// Names of files set aside (never deleted, never rotated).
const BEFORE_RESTORE_PREFIX: &str = "vor-Wiederherstellung-";
const DAMAGED_PREFIX: &str = "beschaedigt-";
/// At most this many of SQLite's findings are kept (it reports up to 100; IT needs a few).
const FINDINGS_KEPT: usize = 5;

/// The result of a structure check, as the window and `pruefen` report it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CheckResult {
    pub ok: bool,
    /// German: what was found.
    pub message: String,
    #[serde(skip)]
    pub finding: Option<DamageFinding>,
    /// SQLite's own (English) words, for IT staff.
    pub technical: Vec<String>,
}

impl CheckResult {
    /// A check that found nothing wrong.
    pub fn passed() -> Self {
        CheckResult {
            ok: true,
            message: "Die vollständige Prüfung hat keine Fehler gefunden.".to_owned(),
            finding: None,
            technical: Vec::new(),
        }
    }

    pub(crate) fn from_rows(rows: Vec<String>) -> Self {
        if rows.len() == 1 && rows[0] == "ok" {
            CheckResult::passed()
        } else {
            let mut result = CheckResult::failed(DamageFinding::IntegrityCheckFailed, "");
            result.technical = rows.into_iter().take(FINDINGS_KEPT).collect();
            result
        }
    }

    pub(crate) fn failed(finding: DamageFinding, technical: impl Into<String>) -> Self {
        let technical: String = technical.into();
        CheckResult {
            ok: false,
            message: finding.describe().to_owned(),
            finding: Some(finding),
            technical: if technical.is_empty() {
                Vec::new()
            } else {
                vec![technical]
            },
        }
    }

    /// This failed check as the error every front-end reports for a damaged file.
    pub fn into_error(self, path: &Path) -> Error {
        Error::DamagedDatabase {
            path: path.to_path_buf(),
            finding: self.finding.unwrap_or(DamageFinding::IntegrityCheckFailed),
            technical: self.technical.join("; "),
        }
    }
}

/// What a file to be restored holds (read before anything is replaced).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FileFacts {
    pub schema_version: i64,
    pub created_at: Option<String>,
    pub contacts: i64,
    pub sessions: i64,
    /// "1 Kontakt, 3 Sitzungen", as the restore message names what came back.
    pub summary: String,
}

/// "1 Kontakt, 3 Sitzungen".
pub fn facts_summary(contacts: i64, sessions: i64) -> String {
    let sessions_word = if sessions == 1 { "Sitzung" } else { "Sitzungen" };
    format!(
        "{}, {} {sessions_word}",
        crate::format::count(contacts, crate::format::Noun::Kontakt),
        crate::format::number(sessions)
    )
}

/// A finished backup.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BackupMade {
    pub path: String,
    pub size: u64,
    /// "1,2 MB"
    pub size_label: String,
}

/// What kind of file lies in the backup folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BackupKind {
    /// Made at start, once a day; rotated.
    Automatic,
    /// The data file as it was before a restore replaced it.
    BeforeRestore,
    /// A data file found damaged and set aside.
    Damaged,
}

/// One file of the backup folder, as the "Datensicherung" screen lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BackupEntry {
    pub file_name: String,
    pub kind: BackupKind,
    /// "27.11.2026" (automatic) or "27.11.2026, 09:35 Uhr" (set aside).
    pub when: String,
    pub size: u64,
    pub size_label: String,
}

/// `<data folder>/Sicherungen`.
pub fn backup_dir(data_file: &Path) -> PathBuf {
    data_file
        .parent()
        .unwrap_or_else(|| Path::new("."))
        .join(BACKUP_DIR_NAME)
}

/// The name suggested for "Jetzt sichern" and used by the automatic backup of `day`.
pub fn backup_file_name(day: NaiveDate) -> String {
    format!("{BACKUP_PREFIX}{}.{BACKUP_EXTENSION}", day.format("%Y-%m-%d"))
}

/// The day an automatic backup's name carries, if it is one.
fn backup_day(file_name: &str) -> Option<NaiveDate> {
    let rest = file_name.strip_prefix(BACKUP_PREFIX)?;
    let date = rest.strip_suffix(&format!(".{BACKUP_EXTENSION}"))?;
    NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()
}

/// The rotation rule: which automatic backups (by day) stay. The newest [`KEEP_DAILY`] days,
/// then, of the older ones, the newest of each of the [`KEEP_WEEKLY`] most recent ISO weeks.
/// Everything else may be deleted. About five weeks back are covered with at most 11 files.
pub fn backups_to_keep(days: &[NaiveDate]) -> BTreeSet<NaiveDate> {
    let mut newest_first: Vec<NaiveDate> = days.to_vec();
    newest_first.sort_unstable_by(|a, b| b.cmp(a));
    newest_first.dedup();
    let mut keep: BTreeSet<NaiveDate> = newest_first.iter().take(KEEP_DAILY).copied().collect();
    let mut weeks = BTreeSet::new();
    for day in newest_first.iter().skip(KEEP_DAILY) {
        let week = day.iso_week();
        if weeks.len() == KEEP_WEEKLY && !weeks.contains(&(week.year(), week.week())) {
            break;
        }
        if weeks.insert((week.year(), week.week())) {
            keep.insert(*day);
        }
    }
    keep
}

/// The German note on how long backups keep data (for the DSGVO notes on erasure): data deleted
/// today can still be in backups for this long.
pub fn retention_note() -> String {
    format!(
        "Automatische Sicherungen werden {KEEP_DAILY} Tage lang täglich und danach {KEEP_WEEKLY} Wochen \
         lang wöchentlich aufbewahrt und dann gelöscht. Gelöschte oder anonymisierte Daten sind deshalb \
         noch bis zu etwa {} Wochen in diesen Sicherungen enthalten. Selbst gespeicherte Sicherungen \
         („Jetzt sichern“) und die vor einer Wiederherstellung beiseitegelegten Dateien bleiben, bis Sie \
         sie löschen.",
        BACKUP_RETENTION_WEEKS
    )
}

/// "1,2 MB", "340 KB": sizes as the backup list shows them.
pub fn size_label(bytes: u64) -> String {
    const KB: f64 = 1024.0;
    let b = bytes as f64;
    let text = if b >= KB * KB * KB {
        format!("{:.1} GB", b / (KB * KB * KB))
    } else if b >= KB * KB {
        format!("{:.1} MB", b / (KB * KB))
    } else {
        format!("{:.0} KB", (b / KB).ceil())
    };
    text.replace('.', ",")
}

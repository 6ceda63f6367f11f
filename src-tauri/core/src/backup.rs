//! Backups, restoring them, and what happens to a damaged data file. Nothing here ever deletes
//! a person's data file: a replaced or damaged file is set aside under a dated name.
//!
//! A backup is written as `VACUUM INTO` a temporary file in the target folder, checked with the
//! full `integrity_check`, flushed to the disk (fsync) and only then renamed into place, so a
//! crash or a full disk leaves the old backup (or none), never half a backup. The automatic
//! backups (one a day into `<daten>/Sicherungen/`) are rotated by [`backups_to_keep`], a plain
//! rule: the newest 7 days, then the newest of each of 4 older weeks.
//!
//! Also here: the permissions of what we create (0700 folders, 0600 files on Unix: the data is
//! personal data) and the network-drive check (SQLite's write-ahead log is not safe there).

use std::collections::BTreeSet;
use std::fs::OpenOptions;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::Serialize;

use crate::error::DamageFinding;
use crate::{Error, Result, Store};

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
pub(crate) fn create_private_file(path: &Path) -> Result<()> {
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
fn make_private(path: &Path) -> std::io::Result<()> {
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
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = std::fs::File::open(dir) {
        // Best effort: some file systems refuse fsync on folders; the data itself is synced.
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// A temporary name beside `target`, in the same folder so the final rename cannot cross disks.
fn temp_beside(target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    target.with_file_name(format!(".{name}.{}.tmp", std::process::id()))
}

/// Writes a checked backup of `store` to `target` (replacing an older file of that name only
/// once the new one is complete and checked).
pub async fn write_backup(store: &Store, target: &Path) -> Result<BackupMade> {
    if store.path().is_some_and(|data| same_file(data, target)) {
        return Err(Error::validation(
            "Sicherung",
            "Die Sicherung kann nicht die Datendatei selbst sein. Bitte wählen Sie einen anderen \
             Namen oder Ordner.",
        ));
    }
    let folder = target.parent().filter(|p| !p.as_os_str().is_empty());
    if let Some(folder) = folder
        && !folder.is_dir()
    {
        return Err(Error::io(
            format!("Der Ordner „{}“ für die Sicherung", folder.display()),
            std::io::ErrorKind::NotFound.into(),
        ));
    }
    let temp = temp_beside(target);
    // A temporary file left by a crashed earlier attempt of this process id: ours to replace.
    let _ = std::fs::remove_file(&temp);
    let result = write_checked(store, &temp, target).await;
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}

async fn write_checked(store: &Store, temp: &Path, target: &Path) -> Result<BackupMade> {
    let context = || {
        format!(
            "Die Sicherung „{}“ konnte nicht geschrieben werden",
            target.display()
        )
    };
    store.vacuum_into(temp).await?;
    make_private(temp).map_err(|e| Error::io(context(), e))?;
    let check = crate::store::integrity_check_file(temp).await?;
    if !check.ok {
        return Err(Error::Database(format!(
            "Die neue Sicherung hat die Prüfung nicht bestanden ({})",
            check.technical.join("; ")
        )));
    }
    // Write access: Windows flushes (FlushFileBuffers) only through a handle that may write; a
    // read-only handle gets "Zugriff verweigert" and no backup would ever be made there.
    OpenOptions::new()
        .write(true)
        .open(temp)
        .and_then(|f| f.sync_all())
        .map_err(|e| Error::io(context(), e))?;
    std::fs::rename(temp, target).map_err(|e| Error::io(context(), e))?;
    if let Some(folder) = target.parent() {
        sync_dir(folder);
    }
    let size = std::fs::metadata(target).map(|m| m.len()).unwrap_or(0);
    Ok(BackupMade {
        path: std::path::absolute(target)
            .unwrap_or_else(|_| target.to_path_buf())
            .display()
            .to_string(),
        size,
        size_label: size_label(size),
    })
}

/// Whether `a` and `b` name the same file (also through links or `..`), where either exists.
fn same_file(a: &Path, b: &Path) -> bool {
    let full = |p: &Path| {
        p.canonicalize()
            .or_else(|_| std::path::absolute(p))
            .unwrap_or_else(|_| p.to_path_buf())
    };
    full(a) == full(b)
}

/// The automatic backup at start: once per day (Stuttgart's day of `now`) into
/// `<daten>/Sicherungen/`, then the rotation. Before it, the full `integrity_check` of the data
/// file: a failure is returned as [`Error::DamagedDatabase`] and no backup is made or rotated
/// away (the good backups are what the person needs now). `None` when today's backup exists.
pub async fn automatic_backup(store: &Store, now: DateTime<Utc>) -> Result<Option<BackupMade>> {
    let Some(data_file) = store.path().map(Path::to_path_buf) else {
        return Ok(None);
    };
    let dir = backup_dir(&data_file);
    let target = dir.join(backup_file_name(crate::berlin::today(now)));
    if target.exists() {
        return Ok(None);
    }
    let check = store.integrity_check().await?;
    if !check.ok {
        return Err(check.into_error(&data_file));
    }
    create_private_dir(&dir).map_err(|e| {
        Error::io(
            format!(
                "Der Sicherungsordner „{}“ konnte nicht angelegt werden",
                dir.display()
            ),
            e,
        )
    })?;
    let made = write_backup(store, &target).await?;
    prune(&dir)?;
    note_backup(store, &made, true, now).await?;
    Ok(Some(made))
}

/// Notes a backup in the Änderungsprotokoll. A read-only data file can still be backed up; it
/// just cannot note that it was.
pub async fn note_backup(
    store: &Store,
    made: &BackupMade,
    automatic: bool,
    now: DateTime<Utc>,
) -> Result<()> {
    if store.is_read_only() {
        return Ok(());
    }
    store
        .record_audit(&crate::audit::backup(&made.path, automatic), now)
        .await?;
    Ok(())
}

/// Notes a restore in the restored file's Änderungsprotokoll (the file now in use), so the
/// restore stays visible in the data it brought back.
pub async fn note_restore(
    store: &Store,
    source: &Path,
    kept_aside: Option<&Path>,
    now: DateTime<Utc>,
) -> Result<()> {
    let aside = kept_aside.map(|p| p.display().to_string()).unwrap_or_default();
    store
        .record_audit(&crate::audit::restore(&source.display().to_string(), &aside), now)
        .await?;
    Ok(())
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

fn read_dir_names(dir: &Path) -> Result<Vec<String>> {
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

/// The newest automatic backup that passes the full check, for the damaged-file page.
pub async fn newest_good_backup(data_file: &Path) -> Result<Option<BackupEntry>> {
    for entry in list_backups(data_file)? {
        if entry.kind != BackupKind::Automatic {
            continue;
        }
        let path = backup_dir(data_file).join(&entry.file_name);
        if crate::store::integrity_check_file(&path)
            .await
            .is_ok_and(|c| c.ok)
        {
            return Ok(Some(entry));
        }
    }
    Ok(None)
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
fn set_aside_stamp(name: &str, prefix: &str) -> Option<String> {
    let rest = name.strip_prefix(prefix)?.strip_suffix(".sqlite3")?;
    chrono::NaiveDateTime::parse_from_str(rest, "%Y-%m-%d_%H%M%S").ok()?;
    Some(rest.to_owned())
}

fn stamp_label(stamp: &str) -> String {
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

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

/// Makes a restorable copy of `candidate` beside `data_file`: checked (a healthy Netzwerkmappe
/// file, not from a newer program), copied under a temporary name and migrated up to this
/// program's schema. Nothing of the current data is touched; the caller then closes the store and
/// calls [`put_in_place`].
pub async fn prepare_restore(candidate: &Path, data_file: &Path) -> Result<(PathBuf, FileFacts)> {
    if same_file(candidate, data_file) {
        return Err(Error::validation(
            "Sicherung",
            "Das ist die Datendatei selbst, keine Sicherung. Bitte wählen Sie eine Sicherungsdatei.",
        ));
    }
    let facts = crate::store::inspect_file(candidate).await?;
    let temp = with_suffix(data_file, ".wiederherstellung.tmp");
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(with_suffix(&temp, suffix));
    }
    std::fs::copy(candidate, &temp).map_err(|e| {
        Error::io(
            format!(
                "Die Sicherung „{}“ konnte nicht kopiert werden",
                candidate.display()
            ),
            e,
        )
    })?;
    make_private(&temp).map_err(|e| Error::io("Die Kopie der Sicherung", e))?;
    // Opening migrates it up; closing checkpoints the WAL into the file.
    match Store::open(&temp).await {
        Ok(store) => store.close().await,
        Err(e) => {
            let _ = std::fs::remove_file(&temp);
            return Err(e);
        }
    }
    // Write access, as in `write_checked`: Windows refuses to flush a read-only handle.
    OpenOptions::new()
        .write(true)
        .open(&temp)
        .and_then(|f| f.sync_all())
        .map_err(|e| Error::io("Die Kopie der Sicherung", e))?;
    Ok((temp, facts))
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

/// The file system type of the folder holding `path` when it is a network drive ("nfs4",
/// "cifs", …), as far as the operating system tells. SQLite's WAL needs shared memory that
/// network file systems do not provide reliably.
pub fn network_drive(path: &Path) -> Option<String> {
    #[cfg(target_os = "linux")]
    {
        let folder = std::path::absolute(path).ok()?;
        let folder = folder.canonicalize().unwrap_or(folder);
        let mounts = std::fs::read_to_string("/proc/self/mounts").ok()?;
        let fs = fs_type_of(&mounts, &folder)?;
        is_network_fs(&fs).then_some(fs)
    }
    #[cfg(windows)]
    {
        windows_network_drive(path)
    }
    #[cfg(not(any(target_os = "linux", windows)))]
    {
        let _ = path;
        None
    }
}

/// Windows: the drive of the folder as `GetDriveTypeW` sees it; a UNC path (`\\server\share`)
/// is remote by definition. A mapped letter (S:) of an SMB share answers `DRIVE_REMOTE`.
#[cfg(windows)]
fn windows_network_drive(path: &Path) -> Option<String> {
    use std::path::{Component, Prefix};
    /// `DRIVE_REMOTE` (WinBase.h); written here so no further windows-sys feature is needed.
    const DRIVE_REMOTE: u32 = 4;
    let absolute = std::path::absolute(path).ok()?;
    let Some(Component::Prefix(prefix)) = absolute.components().next() else {
        return None;
    };
    let letter = match prefix.kind() {
        Prefix::UNC(..) | Prefix::VerbatimUNC(..) => return Some("UNC-Pfad".to_owned()),
        Prefix::Disk(letter) | Prefix::VerbatimDisk(letter) => char::from(letter),
        _ => return None,
    };
    let root: Vec<u16> = format!("{letter}:\\").encode_utf16().chain(Some(0)).collect();
    // SAFETY: `root` is a NUL-terminated UTF-16 string that lives until the call returns; the
    // function only reads it.
    #[allow(unsafe_code)]
    let kind = unsafe { windows_sys::Win32::Storage::FileSystem::GetDriveTypeW(root.as_ptr()) };
    (kind == DRIVE_REMOTE).then(|| format!("Laufwerk {letter}:"))
}

/// The type of the mount in `/proc/self/mounts` text that holds `path` (the longest mount point
/// that is a prefix of it).
pub fn fs_type_of(mounts: &str, path: &Path) -> Option<String> {
    mounts
        .lines()
        .filter_map(|line| {
            let mut fields = line.split_whitespace();
            let _device = fields.next()?;
            // Spaces in mount points are written as \040.
            let point = fields.next()?.replace("\\040", " ");
            let fs = fields.next()?;
            Some((PathBuf::from(point), fs.to_owned()))
        })
        .filter(|(point, _)| path.starts_with(point))
        .max_by_key(|(point, _)| point.as_os_str().len())
        .map(|(_, fs)| fs)
}

/// File systems that live on another machine.
pub fn is_network_fs(fs: &str) -> bool {
    matches!(
        fs,
        "nfs"
            | "nfs4"
            | "cifs"
            | "smb"
            | "smb3"
            | "smbfs"
            | "ncpfs"
            | "afs"
            | "coda"
            | "davfs"
            | "fuse.sshfs"
            | "fuse.davfs"
            | "glusterfs"
            | "fuse.glusterfs"
            | "ceph"
            | "9p"
    )
}

/// The German warning for a data folder on a network drive.
pub fn network_drive_warning(fs: &str) -> String {
    format!(
        "Der Datenordner liegt auf einem Netzlaufwerk ({fs}). Dort kann die Datendatei beschädigt \
         werden, weil SQLite sein Änderungsprotokoll (WAL) über das Netz nicht sicher führen kann. Bitte \
         legen Sie den Datenordner auf die eigene Festplatte; zum Weitergeben an Kolleginnen und Kollegen \
         dienen Sicherungen und Exporte."
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn rotation_keeps_seven_days_then_four_weeks() {
        // Sixty consecutive days ending on Friday 27.11.2026.
        let end = d("2026-11-27");
        let days: Vec<NaiveDate> = (0..60).map(|i| end - chrono::Days::new(i)).collect();
        let keep = backups_to_keep(&days);
        let expected: BTreeSet<NaiveDate> = [
            // the newest seven days
            "2026-11-27",
            "2026-11-26",
            "2026-11-25",
            "2026-11-24",
            "2026-11-23",
            "2026-11-22",
            "2026-11-21",
            // then the newest of each older week: Fri 20.11. (week 47), Sun 15.11. (46), 8.11., 1.11.
            "2026-11-20",
            "2026-11-15",
            "2026-11-08",
            "2026-11-01",
        ]
        .into_iter()
        .map(d)
        .collect();
        assert_eq!(keep, expected);
    }

    #[test]
    fn rotation_keeps_everything_while_there_is_little() {
        let days = [d("2026-11-01"), d("2026-10-01"), d("2026-11-27")];
        assert_eq!(backups_to_keep(&days).len(), 3);
        assert!(backups_to_keep(&[]).is_empty());
        // Gaps (the PC was off) do not shorten the daily part: seven backups are seven backups.
        let sparse: Vec<NaiveDate> = (0..12)
            .map(|i| d("2026-11-27") - chrono::Days::new(i * 7))
            .collect();
        let keep = backups_to_keep(&sparse);
        assert!(sparse[..7].iter().all(|day| keep.contains(day)));
        assert_eq!(keep.len(), 7 + 4, "{keep:?}");
        // The same day twice counts once.
        assert_eq!(backups_to_keep(&[d("2026-11-27"), d("2026-11-27")]).len(), 1);
    }

    #[test]
    fn names_carry_the_day() {
        let name = backup_file_name(d("2026-11-27"));
        assert_eq!(name, "Netzwerkmappe_Sicherung_2026-11-27.sqlite");
        assert_eq!(backup_day(&name), Some(d("2026-11-27")));
        assert_eq!(backup_day("Netzwerkmappe_Sicherung_kaputt.sqlite"), None);
        assert_eq!(backup_day("anderes.sqlite"), None);
        assert_eq!(
            set_aside_stamp(
                "vor-Wiederherstellung-2026-11-27_093512.sqlite3",
                BEFORE_RESTORE_PREFIX
            ),
            Some("2026-11-27_093512".to_owned())
        );
        assert_eq!(stamp_label("2026-11-27_093512"), "27.11.2026, 09:35 Uhr");
    }

    #[test]
    fn what_came_back_in_german() {
        assert_eq!(facts_summary(1, 1), "1 Kontakt, 1 Sitzung");
        assert_eq!(facts_summary(3431, 0), "3.431 Kontakte, 0 Sitzungen");
    }

    #[test]
    fn sizes_in_german() {
        assert_eq!(size_label(1), "1 KB");
        assert_eq!(size_label(340 * 1024), "340 KB");
        assert_eq!(size_label(1_258_291), "1,2 MB");
    }

    #[test]
    fn network_file_systems_are_found_by_mount_point() {
        let mounts = "/dev/vda / ext4 rw 0 0\n\
                      //server/share /mnt/amt cifs rw 0 0\n\
                      server:/export /home/nfs\\040daten nfs4 rw 0 0\n\
                      tmpfs /mnt/amt/tmp tmpfs rw 0 0\n";
        assert_eq!(
            fs_type_of(mounts, Path::new("/mnt/amt/Netzwerkmappe")).as_deref(),
            Some("cifs")
        );
        assert_eq!(
            fs_type_of(mounts, Path::new("/home/nfs daten/x")).as_deref(),
            Some("nfs4")
        );
        assert_eq!(
            fs_type_of(mounts, Path::new("/mnt/amt/tmp/x")).as_deref(),
            Some("tmpfs")
        );
        assert_eq!(
            fs_type_of(mounts, Path::new("/home/anna")).as_deref(),
            Some("ext4")
        );
        assert!(is_network_fs("cifs") && is_network_fs("nfs4"));
        assert!(!is_network_fs("ext4") && !is_network_fs("tmpfs"));
        assert!(network_drive_warning("cifs").contains("Netzlaufwerk"));
    }
}

//! Backups and restores that need the store: writing a checked backup of the open data file,
//! the automatic backup at start, preparing a restore (checking and migrating the copy), and
//! noting both in the Änderungsprotokoll. The rules and the backup folder's files are in
//! `crate::backup`.

use std::fs::OpenOptions;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use crate::backup::{
    BackupEntry, BackupKind, BackupMade, FileFacts, backup_dir, backup_file_name, list_backups, prune,
    same_file, size_label, temp_beside, with_suffix,
};
use crate::paths::{create_private_dir, make_private, sync_dir};
use crate::store::{inspect_file, integrity_check_file};
use crate::{Error, Result, store::Store};

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
    let check = integrity_check_file(temp).await?;
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

/// The newest automatic backup that passes the full check, for the damaged-file page.
pub async fn newest_good_backup(data_file: &Path) -> Result<Option<BackupEntry>> {
    for entry in list_backups(data_file)? {
        if entry.kind != BackupKind::Automatic {
            continue;
        }
        let path = backup_dir(data_file).join(&entry.file_name);
        if integrity_check_file(&path).await.is_ok_and(|c| c.ok) {
            return Ok(Some(entry));
        }
    }
    Ok(None)
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
    let facts = inspect_file(candidate).await?;
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

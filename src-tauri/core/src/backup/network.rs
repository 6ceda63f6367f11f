//! Whether the data folder is on a network drive, where SQLite's write-ahead log is not safe.

use std::path::{Path, PathBuf};

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

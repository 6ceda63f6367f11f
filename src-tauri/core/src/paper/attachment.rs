//! Attachments of concept papers: the size cap and name check before storing, the checksum
//! check on every read, the media type from the name, and the private copy the system's program
//! opens.

use super::{AttachmentFile, AttachmentMeta};
use crate::{Error, Result};

/// Largest attachment: 25 MB. Office files and scanned PDFs stay far below; a film does not belong
/// into the data file that every backup copies.
pub const MAX_ATTACHMENT_BYTES: u64 = 25 * 1024 * 1024;

/// Checks an attachment before it is stored: a name, and the size cap.
pub fn check_attachment(file_name: &str, size: u64) -> Result<()> {
    if file_name.trim().is_empty() {
        return Err(Error::validation("Anhang", "Die Datei hat keinen Namen."));
    }
    if size > MAX_ATTACHMENT_BYTES {
        return Err(Error::validation(
            "Anhang",
            format!(
                "Die Datei „{}“ ist {} groß; Anhänge dürfen höchstens {} groß sein. Bitte verkleinern Sie \
                 die Datei (z. B. als PDF mit geringerer Auflösung) oder legen Sie sie an anderer Stelle ab.",
                file_name,
                megabytes(size),
                megabytes(MAX_ATTACHMENT_BYTES)
            ),
        ));
    }
    if size == 0 {
        return Err(Error::validation(
            "Anhang",
            format!("Die Datei „{file_name}“ ist leer und wurde nicht angehängt."),
        ));
    }
    Ok(())
}

/// "25 MB", "3,4 MB" (German decimal comma).
pub fn megabytes(bytes: u64) -> String {
    let tenths = (bytes * 10).div_ceil(1024 * 1024);
    if tenths.is_multiple_of(10) {
        format!("{} MB", tenths / 10)
    } else {
        format!("{},{} MB", tenths / 10, tenths % 10)
    }
}

/// The media type of a file, from its extension (the file dialog gives no type).
pub fn media_type(file_name: &str) -> &'static str {
    let ext = file_name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "pdf" => "application/pdf",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "doc" => "application/msword",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "xls" => "application/vnd.ms-excel",
        "pptx" => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "odt" => "application/vnd.oasis.opendocument.text",
        "ods" => "application/vnd.oasis.opendocument.spreadsheet",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "txt" => "text/plain",
        "csv" => "text/csv",
        _ => "application/octet-stream",
    }
}

/// Writes a checked attachment to a folder of its own below `base` (the system's temp folder), so
/// the system's program can open it: `<base>/netzwerkmappe-anhaenge/<id>-<checksum>/<name>`. The
/// folder is readable by the user only (Unix); the name keeps only what every file system accepts.
/// Writing the same attachment again reuses its file.
pub fn write_private_copy(file: &AttachmentFile, base: &std::path::Path) -> Result<std::path::PathBuf> {
    let short: String = file.meta.sha256.chars().take(16).collect();
    let root = base.join("netzwerkmappe-anhaenge");
    let dir = root.join(format!("{}-{short}", file.meta.id));
    let failed = |e| Error::io("Der Anhang konnte nicht zum Öffnen bereitgestellt werden", e);
    std::fs::create_dir_all(&dir).map_err(failed)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        for folder in [&root, &dir] {
            std::fs::set_permissions(folder, std::fs::Permissions::from_mode(0o700)).map_err(failed)?;
        }
    }
    let path = dir.join(safe_file_name(&file.meta.file_name));
    std::fs::write(&path, &file.data).map_err(failed)?;
    Ok(path)
}

/// A file name any file system accepts: no folders, no characters Windows refuses.
pub fn safe_file_name(name: &str) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = last
        .chars()
        .map(|c| {
            if c.is_control() || "<>:\"|?*".contains(c) {
                '_'
            } else {
                c
            }
        })
        .collect();
    let cleaned = cleaned.trim().trim_end_matches('.').to_owned();
    if cleaned.is_empty() {
        "Anhang".to_owned()
    } else {
        cleaned
    }
}

/// SHA-256 of `data` as lower-case hex.
pub fn sha256_hex(data: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(data);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// An attachment's bytes must still be those that were attached (size and SHA-256): a damaged
/// one is reported, never opened or printed.
pub fn check_checksum(meta: &AttachmentMeta, data: &[u8]) -> Result<()> {
    let size_matches = i64::try_from(data.len()).is_ok_and(|n| n == meta.size);
    if !size_matches || sha256_hex(data) != meta.sha256 {
        return Err(Error::validation(
            "Anhang",
            format!(
                "Der Anhang „{}“ ist beschädigt: Sein Inhalt stimmt nicht mehr mit der Prüfsumme überein, \
                 die beim Anhängen gespeichert wurde. Er wird deshalb nicht geöffnet. Bitte hängen Sie die \
                 Datei erneut an oder stellen Sie eine Sicherung wieder her.",
                meta.file_name
            ),
        ));
    }
    Ok(())
}

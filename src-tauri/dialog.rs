//! The system's "Öffnen" and "Speichern unter" dialogs, opened from Rust.
//!
//! Why from Rust and not from the UI's JavaScript: the path the person picks never passes through
//! the webview, so the window needs no dialog or file-system permission, and a command can only
//! read or write a file a person chose in a system dialog. The UI just asks "pick a file" and gets
//! back the name to show.
//!
//! End-to-end tests cannot click in a native dialog. For them alone, `NETZWERKMAPPE_E2E_DATEIPFAD`
//! names a text file whose content is the answer the dialogs give instead of opening (see
//! [`E2E_ANSWER_ENV`]). It is not a feature: nothing else reads it, and it is documented as
//! test-only in `docs/ARCHITECTURE.md`.

use std::path::{Path, PathBuf};

use netzwerkmappe_core::export::{EXPORT_DIR_ENV, ExportFormat, export_dir};
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_dialog::{DialogExt, FileDialogBuilder};
use tokio::sync::oneshot;

/// Test-only: the path of a text file holding the path a dialog "picks". Empty content means the
/// person cancelled; for "Speichern unter" a folder means "the suggested name in that folder".
pub const E2E_ANSWER_ENV: &str = "NETZWERKMAPPE_E2E_DATEIPFAD";

/// Asks for a contacts file to import (CSV or vCard). `None` when the person cancels.
pub async fn pick_import_file<R: Runtime>(app: &AppHandle<R>) -> Option<PathBuf> {
    open_file(
        app,
        "Kontakte importieren: Datei auswählen",
        &[(
            "Kontakte (CSV, Unicode-Text, vCard)",
            &["csv", "txt", "vcf", "vcard"],
        )],
    )
    .await
}

/// Asks for the office's logo for the Sitzungsmappe's cover (PNG only). `None` when cancelled.
pub async fn pick_logo_file<R: Runtime>(app: &AppHandle<R>) -> Option<PathBuf> {
    open_file(app, "Logo für das Deckblatt wählen", &[("PNG-Bild", &["png"])]).await
}

/// Asks for a file to attach to a concept paper (any type). `None` when the person cancels.
pub async fn pick_attachment_file<R: Runtime>(app: &AppHandle<R>) -> Option<PathBuf> {
    open_file(
        app,
        "Anhang hinzufügen: Datei auswählen",
        &[
            (
                "Dokumente und Bilder",
                &[
                    "pdf", "docx", "doc", "xlsx", "xls", "pptx", "odt", "ods", "png", "jpg", "jpeg", "gif",
                    "txt", "csv",
                ],
            ),
            ("Alle Dateien", &["*"]),
        ],
    )
    .await
}

/// Asks for a backup file to restore. `None` when the person cancels.
pub async fn pick_backup_file<R: Runtime>(app: &AppHandle<R>) -> Option<PathBuf> {
    open_file(
        app,
        "Wiederherstellen: Sicherung auswählen",
        &[("Sicherung von Netzwerkmappe", &["sqlite", "sqlite3"])],
    )
    .await
}

/// Hands a file to the system's program for its type (an attachment to open). Under end-to-end
/// tests (`E2E_ANSWER_ENV` set) nothing is started: a test cannot see or close another program,
/// and CI must not launch a PDF viewer; the file has been written and checked by then.
pub fn open_with_system(path: &Path) -> std::io::Result<()> {
    if std::env::var_os(E2E_ANSWER_ENV).is_some() {
        return Ok(());
    }
    open::that_detached(path)
}

/// Opens a saved PDF in the system's viewer (detached: the window never waits for it). Not under
/// the end-to-end tests' dialog override, where no viewer must pop up on the test machine.
pub fn open_in_viewer(path: &std::path::Path) {
    if let Err(e) = open_with_system(path) {
        // The PDF is saved either way; the window names the file, so nothing is lost.
        eprintln!("PDF-Anzeige konnte nicht geöffnet werden: {e}");
    }
}

/// A contacts export ("Speichern unter" with the format's file type).
pub fn export_target(format: ExportFormat) -> SaveDialog<'static> {
    let filter = match format {
        ExportFormat::Csv => "CSV für Excel",
        ExportFormat::Vcard => "vCard",
        ExportFormat::VcardZip => "ZIP mit vCard-Dateien",
    };
    SaveDialog {
        title: "Speichern unter",
        filter,
        extension: format.extension(),
    }
}

/// A session's calendar file (.ics).
pub const CALENDAR_TARGET: SaveDialog<'static> = SaveDialog {
    title: "Speichern unter",
    filter: "Kalenderdatei (iCalendar)",
    extension: "ics",
};

/// A backup ("Jetzt sichern").
pub const BACKUP_TARGET: SaveDialog<'static> = SaveDialog {
    title: "Sicherung speichern unter",
    filter: "Sicherung von Netzwerkmappe",
    extension: "sqlite",
};

/// An Auskunft (Art. 15): the JSON file; the readable text goes beside it.
pub const SUBJECT_ACCESS_TARGET: SaveDialog<'static> = SaveDialog {
    title: "Auskunft speichern unter",
    filter: "Auskunft (JSON, dazu eine Textdatei)",
    extension: "json",
};

/// A session's PDF.
pub const PDF_TARGET: SaveDialog<'static> = SaveDialog {
    title: "Speichern unter",
    filter: "PDF-Dokument",
    extension: "pdf",
};

/// An "Öffnen" dialog with `title` and its file-type `filters` (name, extensions).
async fn open_file<R: Runtime>(
    app: &AppHandle<R>,
    title: &str,
    filters: &[(&str, &[&str])],
) -> Option<PathBuf> {
    if let Some(answer) = test_answer() {
        return answer;
    }
    let (tx, rx) = oneshot::channel();
    let mut dialog = builder(app).set_title(title);
    for (name, extensions) in filters {
        dialog = dialog.add_filter(*name, extensions);
    }
    dialog.pick_file(move |picked| {
        let _ = tx.send(picked.and_then(|p| p.into_path().ok()));
    });
    rx.await.ok().flatten()
}

/// What a "Speichern unter" dialog says: its title, the one file type it offers and the
/// extension a name typed without one gets.
pub struct SaveDialog<'a> {
    title: &'a str,
    filter: &'a str,
    extension: &'a str,
}

/// The one "Speichern unter": opens in the export folder (Downloads, or `NETZWERKMAPPE_EXPORTORDNER`)
/// with `file_name` suggested; `None` when the person cancels; a name typed without an extension gets
/// the dialog's. Under the e2e override a folder as answer means "the suggested name in that folder".
pub async fn save_target<R: Runtime>(
    app: &AppHandle<R>,
    save: &SaveDialog<'_>,
    file_name: &str,
) -> Option<PathBuf> {
    let folder = export_dir(std::env::var_os(EXPORT_DIR_ENV));
    let picked = match test_answer() {
        Some(answer) => answer.map(|p| if p.is_dir() { p.join(file_name) } else { p }),
        None => {
            let (tx, rx) = oneshot::channel();
            let mut dialog = builder(app)
                .set_title(save.title)
                .set_file_name(file_name)
                .add_filter(save.filter, &[save.extension]);
            if let Some(folder) = folder {
                dialog = dialog.set_directory(folder);
            }
            dialog.save_file(move |picked| {
                let _ = tx.send(picked.and_then(|p| p.into_path().ok()));
            });
            rx.await.ok().flatten()
        }
    };
    picked.map(|p| with_extension(p, save.extension))
}

/// A name typed without an extension gets `extension`; one with an extension is kept.
fn with_extension(path: PathBuf, extension: &str) -> PathBuf {
    if path.extension().is_some() {
        path
    } else {
        path.with_extension(extension)
    }
}

/// A dialog in front of the main window (modal to it where the system supports that).
fn builder<R: Runtime>(app: &AppHandle<R>) -> FileDialogBuilder<R> {
    let dialog = app.dialog().file();
    match app.get_webview_window(crate::identity::MAIN_WINDOW) {
        Some(window) => dialog.set_parent(&window),
        None => dialog,
    }
}

/// The test-only answer, when `E2E_ANSWER_ENV` is set: `Some(None)` for "cancelled".
fn test_answer() -> Option<Option<PathBuf>> {
    let answer_file = std::env::var_os(E2E_ANSWER_ENV)?;
    Some(read_answer(Path::new(&answer_file)))
}

fn read_answer(answer_file: &Path) -> Option<PathBuf> {
    let text = std::fs::read_to_string(answer_file).unwrap_or_default();
    let path = text.trim();
    (!path.is_empty()).then(|| PathBuf::from(path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_test_answer_file_names_the_path_or_cancels() {
        let dir = tempfile::tempdir().unwrap();
        let answer = dir.path().join("antwort.txt");
        assert_eq!(read_answer(&answer), None, "no file: cancelled");
        std::fs::write(&answer, "  \n").unwrap();
        assert_eq!(read_answer(&answer), None);
        std::fs::write(&answer, "/tmp/kontakte.csv\n").unwrap();
        assert_eq!(read_answer(&answer), Some(PathBuf::from("/tmp/kontakte.csv")));
    }

    #[test]
    fn a_name_without_extension_gets_the_formats_one() {
        assert_eq!(
            with_extension(PathBuf::from("/x/Liste"), ExportFormat::Csv.extension()),
            PathBuf::from("/x/Liste.csv")
        );
        assert_eq!(
            with_extension(PathBuf::from("/x/Liste.txt"), ExportFormat::Vcard.extension()),
            PathBuf::from("/x/Liste.txt")
        );
    }
}

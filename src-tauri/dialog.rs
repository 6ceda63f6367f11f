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

use netzwerkmappe_core::export::ExportFormat;
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_dialog::{DialogExt, FileDialogBuilder};
use tokio::sync::oneshot;

/// Test-only: the path of a text file holding the path a dialog "picks". Empty content means the
/// person cancelled; for "Speichern unter" a folder means "the suggested name in that folder".
pub const E2E_ANSWER_ENV: &str = "NETZWERKMAPPE_E2E_DATEIPFAD";

/// Asks for a contacts file to import (CSV or vCard). `None` when the person cancels.
pub async fn pick_import_file<R: Runtime>(app: &AppHandle<R>) -> Option<PathBuf> {
    if let Some(answer) = test_answer() {
        return answer;
    }
    let (tx, rx) = oneshot::channel();
    builder(app)
        .set_title("Kontakte importieren: Datei auswählen")
        .add_filter(
            "Kontakte (CSV, Unicode-Text, vCard)",
            &["csv", "txt", "vcf", "vcard"],
        )
        .pick_file(move |picked| {
            let _ = tx.send(picked.and_then(|p| p.into_path().ok()));
        });
    rx.await.ok().flatten()
}

/// Asks for the office's logo for the Sitzungsmappe's cover (PNG only). `None` when cancelled.
pub async fn pick_logo_file<R: Runtime>(app: &AppHandle<R>) -> Option<PathBuf> {
    if let Some(answer) = test_answer() {
        return answer;
    }
    let (tx, rx) = oneshot::channel();
    builder(app)
        .set_title("Logo für das Deckblatt wählen")
        .add_filter("PNG-Bild", &["png"])
        .pick_file(move |picked| {
            let _ = tx.send(picked.and_then(|p| p.into_path().ok()));
        });
    rx.await.ok().flatten()
}

/// Asks for a file to attach to a concept paper (any type). `None` when the person cancels.
pub async fn pick_attachment_file<R: Runtime>(app: &AppHandle<R>) -> Option<PathBuf> {
    if let Some(answer) = test_answer() {
        return answer;
    }
    let (tx, rx) = oneshot::channel();
    builder(app)
        .set_title("Anhang hinzufügen: Datei auswählen")
        .add_filter(
            "Dokumente und Bilder",
            &[
                "pdf", "docx", "doc", "xlsx", "xls", "pptx", "odt", "ods", "png", "jpg", "jpeg", "gif",
                "txt", "csv",
            ],
        )
        .add_filter("Alle Dateien", &["*"])
        .pick_file(move |picked| {
            let _ = tx.send(picked.and_then(|p| p.into_path().ok()));
        });
    rx.await.ok().flatten()
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

/// Asks where to save an export: opens in `folder` (Downloads) with `file_name` suggested.
/// `None` when the person cancels. A name typed without an extension gets the format's one.
pub async fn pick_export_target<R: Runtime>(
    app: &AppHandle<R>,
    folder: Option<PathBuf>,
    file_name: &str,
    format: ExportFormat,
) -> Option<PathBuf> {
    let picked = match test_answer() {
        Some(answer) => answer.map(|p| if p.is_dir() { p.join(file_name) } else { p }),
        None => {
            let (tx, rx) = oneshot::channel();
            let (filter_name, extensions): (&str, &[&str]) = match format {
                ExportFormat::Csv => ("CSV für Excel", &["csv"]),
                ExportFormat::Vcard => ("vCard", &["vcf"]),
                ExportFormat::VcardZip => ("ZIP mit vCard-Dateien", &["zip"]),
            };
            let mut dialog = builder(app)
                .set_title("Speichern unter")
                .set_file_name(file_name)
                .add_filter(filter_name, extensions);
            if let Some(folder) = folder {
                dialog = dialog.set_directory(folder);
            }
            dialog.save_file(move |picked| {
                let _ = tx.send(picked.and_then(|p| p.into_path().ok()));
            });
            rx.await.ok().flatten()
        }
    };
    picked.map(|p| with_extension(p, format))
}

/// Asks where to save a session's calendar file (.ics): opens in `folder` (Downloads) with
/// `file_name` suggested. `None` when the person cancels; a name without extension gets `.ics`.
pub async fn pick_calendar_target<R: Runtime>(
    app: &AppHandle<R>,
    folder: Option<PathBuf>,
    file_name: &str,
) -> Option<PathBuf> {
    let picked = match test_answer() {
        Some(answer) => answer.map(|p| if p.is_dir() { p.join(file_name) } else { p }),
        None => {
            let (tx, rx) = oneshot::channel();
            let mut dialog = builder(app)
                .set_title("Speichern unter")
                .set_file_name(file_name)
                .add_filter("Kalenderdatei (iCalendar)", &["ics"]);
            if let Some(folder) = folder {
                dialog = dialog.set_directory(folder);
            }
            dialog.save_file(move |picked| {
                let _ = tx.send(picked.and_then(|p| p.into_path().ok()));
            });
            rx.await.ok().flatten()
        }
    };
    picked.map(|p| {
        if p.extension().is_some() {
            p
        } else {
            p.with_extension("ics")
        }
    })
}

/// Asks where to save a backup ("Jetzt sichern"): `file_name` suggested in `folder`. `None` when
/// the person cancels; a name without extension gets `.sqlite`.
pub async fn pick_backup_target<R: Runtime>(
    app: &AppHandle<R>,
    folder: Option<PathBuf>,
    file_name: &str,
) -> Option<PathBuf> {
    let picked = match test_answer() {
        Some(answer) => answer.map(|p| if p.is_dir() { p.join(file_name) } else { p }),
        None => {
            let (tx, rx) = oneshot::channel();
            let mut dialog = builder(app)
                .set_title("Sicherung speichern unter")
                .set_file_name(file_name)
                .add_filter("Sicherung von Netzwerkmappe", &["sqlite"]);
            if let Some(folder) = folder {
                dialog = dialog.set_directory(folder);
            }
            dialog.save_file(move |picked| {
                let _ = tx.send(picked.and_then(|p| p.into_path().ok()));
            });
            rx.await.ok().flatten()
        }
    };
    picked.map(|p| {
        if p.extension().is_some() {
            p
        } else {
            p.with_extension("sqlite")
        }
    })
}

/// Asks for a backup file to restore. `None` when the person cancels.
pub async fn pick_backup_file<R: Runtime>(app: &AppHandle<R>) -> Option<PathBuf> {
    if let Some(answer) = test_answer() {
        return answer;
    }
    let (tx, rx) = oneshot::channel();
    builder(app)
        .set_title("Wiederherstellen: Sicherung auswählen")
        .add_filter("Sicherung von Netzwerkmappe", &["sqlite", "sqlite3"])
        .pick_file(move |picked| {
            let _ = tx.send(picked.and_then(|p| p.into_path().ok()));
        });
    rx.await.ok().flatten()
}

/// Asks where to save an Auskunft (Art. 15): the JSON file; the readable text goes beside it.
/// `None` when the person cancels; a name without extension gets `.json`.
pub async fn pick_subject_access_target<R: Runtime>(
    app: &AppHandle<R>,
    folder: Option<PathBuf>,
    file_name: &str,
) -> Option<PathBuf> {
    let picked = match test_answer() {
        Some(answer) => answer.map(|p| if p.is_dir() { p.join(file_name) } else { p }),
        None => {
            let (tx, rx) = oneshot::channel();
            let mut dialog = builder(app)
                .set_title("Auskunft speichern unter")
                .set_file_name(file_name)
                .add_filter("Auskunft (JSON, dazu eine Textdatei)", &["json"]);
            if let Some(folder) = folder {
                dialog = dialog.set_directory(folder);
            }
            dialog.save_file(move |picked| {
                let _ = tx.send(picked.and_then(|p| p.into_path().ok()));
            });
            rx.await.ok().flatten()
        }
    };
    picked.map(|p| {
        if p.extension().is_some() {
            p
        } else {
            p.with_extension("json")
        }
    })
}

fn with_extension(path: PathBuf, format: ExportFormat) -> PathBuf {
    if path.extension().is_some() {
        path
    } else {
        path.with_extension(format.extension())
    }
}

/// A dialog in front of the main window (modal to it where the system supports that).
fn builder<R: Runtime>(app: &AppHandle<R>) -> FileDialogBuilder<R> {
    let dialog = app.dialog().file();
    match app.get_webview_window(crate::window::MAIN_WINDOW) {
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

/// Asks where to save a session's PDF: opens in `folder` (Downloads) with `file_name` suggested.
/// `None` when the person cancels; a name without extension gets `.pdf`.
pub async fn pick_pdf_target<R: Runtime>(
    app: &AppHandle<R>,
    folder: Option<PathBuf>,
    file_name: &str,
) -> Option<PathBuf> {
    let picked = match test_answer() {
        Some(answer) => answer.map(|p| if p.is_dir() { p.join(file_name) } else { p }),
        None => {
            let (tx, rx) = oneshot::channel();
            let mut dialog = builder(app)
                .set_title("Speichern unter")
                .set_file_name(file_name)
                .add_filter("PDF-Dokument", &["pdf"]);
            if let Some(folder) = folder {
                dialog = dialog.set_directory(folder);
            }
            dialog.save_file(move |picked| {
                let _ = tx.send(picked.and_then(|p| p.into_path().ok()));
            });
            rx.await.ok().flatten()
        }
    };
    picked.map(|p| {
        if p.extension().is_some() {
            p
        } else {
            p.with_extension("pdf")
        }
    })
}

/// Opens a saved PDF in the system's viewer (detached: the window never waits for it). Not under
/// the end-to-end tests' dialog override, where no viewer must pop up on the test machine.
pub fn open_in_viewer(path: &std::path::Path) {
    if let Err(e) = open_with_system(path) {
        // The PDF is saved either way; the window names the file, so nothing is lost.
        eprintln!("PDF-Anzeige konnte nicht geöffnet werden: {e}");
    }
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
            with_extension(PathBuf::from("/x/Liste"), ExportFormat::Csv),
            PathBuf::from("/x/Liste.csv")
        );
        assert_eq!(
            with_extension(PathBuf::from("/x/Liste.txt"), ExportFormat::Vcard),
            PathBuf::from("/x/Liste.txt")
        );
    }
}

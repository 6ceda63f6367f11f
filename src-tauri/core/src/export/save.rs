//! Saving a contacts export to a file the person (window: "Speichern unter", CLI: the argument)
//! named. One function for both front-ends, so the window and `netzwerkmappe export` write the
//! same bytes, refuse the same things and never overwrite a file.

use std::collections::HashMap;
use std::io::ErrorKind;
use std::path::Path;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{contacts_csv, contacts_vcard, contacts_vcard_zip};
use crate::contact::Contact;
use crate::{Error, Result};

/// The file formats contacts are exported in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    /// The list for Excel (semicolons, BOM).
    Csv,
    /// vCard 3.0 for address books, all cards in one file.
    Vcard,
    /// vCard 3.0, one file per contact, in a ZIP (Outlook desktop reads only a file's first card).
    VcardZip,
}

impl ExportFormat {
    /// The format a file name asks for, by its extension (case-insensitive).
    pub fn from_path(path: &Path) -> Result<ExportFormat> {
        let ext = path.extension().and_then(|e| e.to_str()).map(str::to_lowercase);
        match ext.as_deref() {
            Some("csv") => Ok(ExportFormat::Csv),
            Some("vcf" | "vcard") => Ok(ExportFormat::Vcard),
            Some("zip") => Ok(ExportFormat::VcardZip),
            _ => Err(Error::validation(
                "Datei",
                format!(
                    "„{}“: Das Format wird an der Endung erkannt. Möglich sind .csv (Liste für Excel), \
                     .vcf (vCard für Adressbücher) und .zip (eine vCard-Datei je Kontakt).",
                    path.display()
                ),
            )),
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Csv => "csv",
            ExportFormat::Vcard => "vcf",
            ExportFormat::VcardZip => "zip",
        }
    }

    /// How the format is named to a person ("als CSV gespeichert").
    pub fn label(self) -> &'static str {
        match self {
            ExportFormat::Csv => "CSV",
            ExportFormat::Vcard => "vCard",
            ExportFormat::VcardZip => "ZIP mit einer vCard je Kontakt",
        }
    }

    /// The name "Speichern unter" suggests, e.g. `Kontakte_2026-11-27.csv`: sorts by date in a
    /// folder and needs no characters a file system could refuse.
    pub fn default_file_name(self, today: NaiveDate) -> String {
        format!("Kontakte_{}.{}", today.format("%Y-%m-%d"), self.extension())
    }
}

/// Where an export went and how many contacts it holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExportOutcome {
    pub path: String,
    pub count: usize,
    pub format: ExportFormat,
}

/// An export made but not yet saved: the window builds it before asking where to save, so an
/// empty list is reported before the person picks a file name.
#[derive(Debug, Clone)]
pub struct ContactsExport {
    pub format: ExportFormat,
    pub bytes: Vec<u8>,
    pub count: usize,
}

impl ContactsExport {
    /// The export of `contacts` in `format`.
    ///
    /// `order` is the ids in the order the screen shows them (the person may have sorted by
    /// organisation); contacts it does not name follow in the given order. An empty list is
    /// refused rather than written as an empty file. `now` dates the files of a ZIP.
    pub fn of(
        format: ExportFormat,
        contacts: Vec<Contact>,
        order: &[i64],
        now: chrono::NaiveDateTime,
    ) -> Result<ContactsExport> {
        let contacts = in_screen_order(contacts, |c| c.id, order);
        let bytes = match format {
            ExportFormat::Csv => contacts_csv(&contacts)?,
            ExportFormat::Vcard => contacts_vcard(&contacts),
            ExportFormat::VcardZip => contacts_vcard_zip(&contacts, now)?,
        };
        let count = contacts.len();
        if count == 0 {
            return Err(Error::validation(
                "Export",
                "Die Liste ist leer: es gibt nichts zu exportieren.",
            ));
        }
        Ok(ContactsExport { format, bytes, count })
    }

    /// Writes the export into the new file `target`; an existing file is never overwritten.
    pub fn save(&self, target: &Path) -> Result<ExportOutcome> {
        write_new_file_at(target, &self.bytes)?;
        Ok(ExportOutcome {
            path: target.display().to_string(),
            count: self.count,
            format: self.format,
        })
    }
}

/// `items` reordered so the ids in `order` come first, in that order; the rest keep their order
/// behind them. Ids in `order` that are not in `items` are ignored.
pub fn in_screen_order<T>(items: Vec<T>, id: impl Fn(&T) -> i64, order: &[i64]) -> Vec<T> {
    if order.is_empty() {
        return items;
    }
    let rank: HashMap<i64, usize> = order.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    let mut ranked: Vec<(usize, T)> = items
        .into_iter()
        .enumerate()
        // Unnamed items rank after every named one and keep their relative order (stable sort).
        .map(|(i, item)| (rank.get(&id(&item)).copied().unwrap_or(order.len() + i), item))
        .collect();
    ranked.sort_by_key(|(rank, _)| *rank);
    ranked.into_iter().map(|(_, item)| item).collect()
}

/// Writes `bytes` to `target`, which must not exist yet. The name is reserved first (`create_new`
/// fails if someone else's file is there, even one created a moment ago), the content goes to a
/// temporary file beside it and is renamed over the reservation, so a full disk leaves no
/// half-written export with the chosen name.
pub fn write_new_file_at(target: &Path, bytes: &[u8]) -> Result<()> {
    let shown = target.display();
    match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(target)
    {
        Ok(_) => {}
        Err(e) if e.kind() == ErrorKind::AlreadyExists => {
            return Err(Error::validation(
                "Datei",
                format!(
                    "„{shown}“ gibt es schon. Netzwerkmappe überschreibt keine Dateien: bitte wählen Sie \
                     einen anderen Namen."
                ),
            ));
        }
        Err(e) => {
            return Err(Error::io(
                format!("Die Datei „{shown}“ konnte nicht angelegt werden"),
                e,
            ));
        }
    }
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = target.with_file_name(format!(".{name}.tmp"));
    let written = std::fs::write(&temp, bytes).and_then(|()| std::fs::rename(&temp, target));
    if let Err(e) = written {
        let _ = std::fs::remove_file(&temp);
        let _ = std::fs::remove_file(target);
        return Err(Error::io(
            format!("Die Datei „{shown}“ konnte nicht gespeichert werden"),
            e,
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_format_comes_from_the_extension() {
        assert_eq!(
            ExportFormat::from_path(Path::new("a/Liste.CSV")).unwrap(),
            ExportFormat::Csv
        );
        assert_eq!(
            ExportFormat::from_path(Path::new("b.vcf")).unwrap(),
            ExportFormat::Vcard
        );
        assert_eq!(
            ExportFormat::from_path(Path::new("b.vcard")).unwrap(),
            ExportFormat::Vcard
        );
        assert_eq!(
            ExportFormat::from_path(Path::new("b.Zip")).unwrap(),
            ExportFormat::VcardZip
        );
        for bad in ["liste.xlsx", "liste", "csv"] {
            let err = ExportFormat::from_path(Path::new(bad)).unwrap_err().to_string();
            assert!(err.starts_with(&format!("Datei: „{bad}“: Das Format")), "{err}");
            assert!(
                err.contains(".csv") && err.contains(".vcf") && err.contains(".zip"),
                "{err}"
            );
        }
    }

    #[test]
    fn the_suggested_name_carries_the_date() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        assert_eq!(
            ExportFormat::Csv.default_file_name(day),
            "Kontakte_2026-11-27.csv"
        );
        assert_eq!(
            ExportFormat::Vcard.default_file_name(day),
            "Kontakte_2026-11-27.vcf"
        );
    }

    #[test]
    fn screen_order_comes_first_and_the_rest_keeps_its_order() {
        let items = vec![1, 2, 3, 4, 5];
        assert_eq!(in_screen_order(items.clone(), |i| *i, &[]), [1, 2, 3, 4, 5]);
        assert_eq!(
            in_screen_order(items.clone(), |i| *i, &[4, 2, 99]),
            [4, 2, 1, 3, 5]
        );
        assert_eq!(in_screen_order(items, |i| *i, &[5, 4, 3, 2, 1]), [5, 4, 3, 2, 1]);
    }

    #[test]
    fn an_existing_file_is_never_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("Kontakte.csv");
        write_new_file_at(&target, b"eins").unwrap();
        let err = write_new_file_at(&target, b"zwei").unwrap_err().to_string();
        assert!(err.contains("gibt es schon"), "{err}");
        assert_eq!(std::fs::read(&target).unwrap(), b"eins");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["Kontakte.csv"], "no temporary file left behind");
        let err = write_new_file_at(&dir.path().join("fehlt/x.csv"), b"x")
            .unwrap_err()
            .to_string();
        assert!(err.contains("konnte nicht angelegt werden"), "{err}");
    }
}

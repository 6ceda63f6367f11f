//! Plain-text output of the subcommands for people at a terminal (German, aligned columns).
//! `--json` output is the core types serialised and does not come through here.

use std::path::Path;

use netzwerkmappe_core::district::District;
use netzwerkmappe_core::export::ExportOutcome;
use netzwerkmappe_core::format::{Noun, count, datetime_de, number};
use netzwerkmappe_core::import::plan::{ImportPreview, ImportSummary, PreviewRow, RowStatus};
use netzwerkmappe_core::info::Info;

pub fn info(info: &Info) -> String {
    let mut out = format!("Netzwerkmappe {}\n", info.app_version);
    out += &format!("Datendatei:      {}\n", info.data_file);
    out += &format!("SQLite-Version:  {}\n", info.sqlite_version);
    out += &format!("Schema-Version:  {}\n", info.schema_version);
    if let Some(created) = &info.created_at {
        out += &format!("Angelegt am:     {}\n", datetime_de(created));
    }
    out += "Einträge:\n";
    for c in &info.counts {
        out += &format!("  {:<24}{:>8}\n", c.label, number(c.count));
    }
    out
}

pub fn districts(districts: &[District]) -> String {
    let mut out = format!(
        "{:<11} {:<26} {:<11} {}\n",
        "Schlüssel", "Name", "Art", "Regierungsbezirk"
    );
    for d in districts {
        out += &format!(
            "{:<11} {:<26} {:<11} {}\n",
            d.ags,
            d.name,
            d.kind.label(),
            d.region_name
        );
    }
    out += &format!("{}\n", count(districts.len(), Noun::Kreis));
    out
}

pub fn import(file: &Path, preview: &ImportPreview, summary: Option<&ImportSummary>) -> String {
    let mut out = format!("Datei: {}", file.display());
    if let Some(encoding) = preview.encoding {
        out += &format!(" (CSV, {}", encoding.label());
        if let Some(d) = preview.delimiter {
            let shown = if d == '\t' {
                "Tabulator".to_owned()
            } else {
                format!("„{d}“")
            };
            out += &format!(", Trennzeichen {shown}");
        }
        out += ")";
    } else {
        out += " (vCard)";
    }
    out += &format!(
        "\nNeu: {}   Doppelt: {}   Fehler: {}\n",
        number(preview.new_count),
        number(preview.duplicate_count),
        number(preview.error_count)
    );
    for status in [RowStatus::Error, RowStatus::Duplicate] {
        for row in preview.rows.iter().filter(|r| r.status == status) {
            let kind = if status == RowStatus::Error {
                "Fehler"
            } else {
                "Doppelt"
            };
            out += &format!(
                "  {kind} {}: {} – {}\n",
                row.position_label,
                row.name,
                row_reason(row)
            );
        }
    }
    // Rows that are imported, but not exactly as the file had them: the person should know.
    for row in preview.rows.iter().filter(|r| r.status != RowStatus::Error) {
        for warning in &row.warnings {
            out += &format!("  Hinweis {}: {} – {warning}\n", row.position_label, row.name);
        }
    }
    match summary {
        None => out += "Probelauf: Es wurde nichts gespeichert.\n",
        Some(s) => out += &summary_line(s),
    }
    out
}

/// "Importiert: 3.431 neu, 0 aktualisiert, 1 übersprungen, 1 fehlerhafte Zeile ausgelassen,
/// 1 Organisation angelegt." ("fehlerhafte" reads the same in singular and plural.)
fn summary_line(s: &ImportSummary) -> String {
    format!(
        "Importiert: {} neu, {} aktualisiert, {} übersprungen, {} fehlerhafte {} ausgelassen, {} angelegt.\n",
        number(s.created),
        number(s.updated),
        number(s.skipped),
        number(s.failed),
        Noun::Zeile.for_count(s.failed),
        count(s.organisations_created, Noun::Organisation)
    )
}

/// "E-Mail-Adresse: „x“ ist keine gültige Adresse" from the row's structured parts: the field (if
/// the row names one) and the reason. The position is printed separately, from `position_label`.
fn row_reason(row: &PreviewRow) -> String {
    let message = row.message.as_deref().unwrap_or_default();
    match row.field.as_deref() {
        Some(field) if !message.starts_with(field) => format!("{field}: {message}"),
        _ => message.to_owned(),
    }
}

pub fn export(outcome: &ExportOutcome) -> String {
    format!(
        "{} als {} gespeichert: {}\n",
        count(outcome.count, Noun::Kontakt),
        outcome.format.label(),
        outcome.path
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use netzwerkmappe_core::export::ExportFormat;
    use netzwerkmappe_core::import::Position;

    fn error_row(field: Option<&str>, message: &str) -> PreviewRow {
        PreviewRow {
            position: Position::Line(14),
            position_label: "Zeile 14".into(),
            name: "Anna Müller".into(),
            organisation: None,
            district: None,
            organisation_kind: None,
            organisation_district: None,
            organisation_new: false,
            email: None,
            status: RowStatus::Error,
            message: Some(message.into()),
            field: field.map(str::to_owned),
            warnings: Vec::new(),
            duplicate_of: None,
            input: None,
        }
    }

    #[test]
    fn a_row_reason_is_built_from_field_and_message() {
        let row = error_row(Some("E-Mail-Adresse"), "„x“ ist keine gültige Adresse.");
        assert_eq!(row_reason(&row), "E-Mail-Adresse: „x“ ist keine gültige Adresse.");
        let row = error_row(None, "Nachname fehlt.");
        assert_eq!(row_reason(&row), "Nachname fehlt.");
        // A message that already names its field is not prefixed twice.
        let row = error_row(Some("Nachname"), "Nachname fehlt.");
        assert_eq!(row_reason(&row), "Nachname fehlt.");
    }

    #[test]
    fn export_names_count_format_and_file() {
        let outcome = ExportOutcome {
            path: "/tmp/k.vcf".into(),
            count: 1,
            format: ExportFormat::Vcard,
        };
        assert_eq!(export(&outcome), "1 Kontakt als vCard gespeichert: /tmp/k.vcf\n");
        let outcome = ExportOutcome {
            path: "/tmp/k.csv".into(),
            count: 3431,
            format: ExportFormat::Csv,
        };
        assert_eq!(
            export(&outcome),
            "3.431 Kontakte als CSV gespeichert: /tmp/k.csv\n"
        );
    }

    #[test]
    fn import_summary_counts_in_singular_and_with_thousands() {
        let one = ImportSummary {
            created: 1,
            updated: 0,
            skipped: 1,
            failed: 1,
            organisations_created: 1,
        };
        assert_eq!(
            summary_line(&one),
            "Importiert: 1 neu, 0 aktualisiert, 1 übersprungen, 1 fehlerhafte Zeile ausgelassen, \
             1 Organisation angelegt.\n"
        );
        let many = ImportSummary {
            created: 3431,
            updated: 2,
            skipped: 0,
            failed: 12,
            organisations_created: 1204,
        };
        assert_eq!(
            summary_line(&many),
            "Importiert: 3.431 neu, 2 aktualisiert, 0 übersprungen, 12 fehlerhafte Zeilen ausgelassen, \
             1.204 Organisationen angelegt.\n"
        );
    }
}

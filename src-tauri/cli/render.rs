//! Plain-text output of the subcommands for people at a terminal (German, aligned columns).
//! `--json` output is the core types serialised and does not come through here.

use std::path::Path;

use netzwerkmappe_core::backup::{BackupMade, CheckResult};
use netzwerkmappe_core::district::District;
use netzwerkmappe_core::export::ExportOutcome;
use netzwerkmappe_core::format::{Noun, count, datetime_de, number};
use netzwerkmappe_core::import::plan::{ImportPreview, ImportSummary, RowStatus, row_reason};
use netzwerkmappe_core::info::Info;
use netzwerkmappe_core::minutes::{ActionItemRow, ActionStatus, MinutesStatus};
use netzwerkmappe_core::session::{Session, SessionRow, SessionStatus, when_de};
use netzwerkmappe_core::usecase::demo::DemoSummary;

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
    for warning in &info.warnings {
        out += &format!("Warnung: {warning}\n");
    }
    out
}

pub fn backup(made: &BackupMade) -> String {
    format!(
        "Sicherung gespeichert und geprüft: {} ({})\n",
        made.path, made.size_label
    )
}

pub fn check(file: &str, check: &CheckResult, warnings: &[String]) -> String {
    let mut out = if check.ok {
        format!("Die Datendatei {file} ist in Ordnung: {}\n", check.message)
    } else {
        format!("Die Datendatei {file} ist beschädigt: {}\n", check.message)
    };
    for line in &check.technical {
        out += &format!("  Technisch: {line}\n");
    }
    for warning in warnings {
        out += &format!("Warnung: {warning}\n");
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

pub fn export(outcome: &ExportOutcome) -> String {
    format!(
        "{} als {} gespeichert: {}\n",
        count(outcome.count, Noun::Kontakt),
        outcome.format.label(),
        outcome.path
    )
}

pub fn demo(summary: &DemoSummary) -> String {
    format!(
        "Beispielnetzwerk geladen: {} Organisationen, {} Kontakte, {} Sitzungen, {} Konzeptpapiere.\n\
         Starten Sie Netzwerkmappe mit demselben Datenordner, um es anzusehen.\n",
        summary.organisations, summary.contacts, summary.sessions, summary.papers
    )
}

/// The Sitzungen list as the window shows it: upcoming first, then the past under a heading.
/// "Nr." is the number `netzwerkmappe ics` accepts.
pub fn sessions(rows: &[SessionRow]) -> String {
    if rows.is_empty() {
        return "Keine Sitzungen.\n".to_owned();
    }
    let mut out = String::new();
    let mut heading = None;
    for row in rows {
        let this = if row.upcoming {
            "Kommende Sitzungen"
        } else {
            "Vergangene Sitzungen"
        };
        if heading != Some(this) {
            if heading.is_some() {
                out += "\n";
            }
            out += &format!("{this}:\n");
            heading = Some(this);
        }
        out += &format!(
            "  Nr. {:<5} {:<34} {}\n",
            row.id,
            when_de(&row.date, &row.start_time, row.end_time.as_deref()),
            row.title
        );
        let mut details = vec![session_state(row.status, row.minutes_status)];
        if let Some(place) = &row.place {
            details.push(place.clone());
        }
        details.push(participants(row.participant_count));
        out += &format!("            {}\n", details.join(" · "));
    }
    out += &format!("{}\n", count_of(rows.len(), "Sitzung", "Sitzungen"));
    out
}

/// The Konzeptpapiere list: title, Handlungsfeld, status and current version (with a note when
/// an unsaved draft exists), in German order of the title.
pub fn papers(rows: &[netzwerkmappe_core::paper::PaperRow]) -> String {
    if rows.is_empty() {
        return "Keine Konzeptpapiere.\n".to_owned();
    }
    let mut out = String::new();
    for row in rows {
        out += &format!("  Nr. {:<5} {}\n", row.id, row.title);
        let mut details = vec![row.status.label().to_owned()];
        details.push(match row.current_version {
            Some(n) => format!("Version {n}"),
            None => "noch keine Version".to_owned(),
        });
        if row.has_draft {
            details.push("ungespeicherter Entwurf".to_owned());
        }
        if let Some(field) = &row.handlungsfeld {
            details.push(format!("Handlungsfeld {field}"));
        }
        out += &format!("            {}\n", details.join(" · "));
    }
    out += &format!("{}\n", count_of(rows.len(), "Konzeptpapier", "Konzeptpapiere"));
    out
}

fn session_state(status: SessionStatus, minutes: Option<MinutesStatus>) -> String {
    match minutes {
        Some(m) => format!("{}, Protokoll {}", status.label(), m.label()),
        None => status.label().to_owned(),
    }
}

fn participants(n: i64) -> String {
    format!("Teilnehmende: {n}")
}

/// "1 Sitzung" / "3 Sitzungen" for nouns `format::Noun` does not list (yet).
fn count_of(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// "2027-03-01" → "01.03.2027"; a value that is not an ISO date is shown as stored.
fn date_de_iso(iso: &str) -> String {
    chrono::NaiveDate::parse_from_str(iso, "%Y-%m-%d")
        .map(netzwerkmappe_core::berlin::format_date)
        .unwrap_or_else(|_| iso.to_owned())
}

/// The Aufgabenübersicht: one block per action item with due date, owner and session.
pub fn action_items(rows: &[ActionItemRow], overdue_only: bool) -> String {
    if rows.is_empty() {
        return if overdue_only {
            "Keine überfälligen Aufgaben.\n".to_owned()
        } else {
            "Keine Aufgaben.\n".to_owned()
        };
    }
    let mut out = String::new();
    for row in rows {
        let state = match (row.status, row.overdue) {
            (ActionStatus::Offen, true) => "überfällig".to_owned(),
            (ActionStatus::Offen, false) => "offen".to_owned(),
            (ActionStatus::Erledigt, _) => match &row.done_date {
                Some(d) => format!("erledigt am {}", date_de_iso(d)),
                None => "erledigt".to_owned(),
            },
        };
        let due = row
            .due_date
            .as_deref()
            .map(|d| format!("fällig {}", date_de_iso(d)))
            .unwrap_or_else(|| "ohne Frist".to_owned());
        out += &format!("- {}\n", row.what);
        out += &format!(
            "  {state}, {due}; zuständig: {}\n",
            row.owner_name.as_deref().unwrap_or("niemand eingetragen")
        );
        out += &format!(
            "  aus Sitzung Nr. {} vom {}: {}\n",
            row.session_id,
            date_de_iso(&row.session_date),
            row.session_title
        );
    }
    out += &format!("{}\n", count_of(rows.len(), "Aufgabe", "Aufgaben"));
    out
}

pub fn ics(session: &Session, file: &Path) -> String {
    format!(
        "Kalenderdatei gespeichert: {}\nSitzung Nr. {}: {} ({})\n",
        file.display(),
        session.id,
        session.title,
        session.when_de()
    )
}

/// `auskunft`: where the two files went.
pub fn subject_access(id: i64, saved: &netzwerkmappe_core::privacy::SavedAccess) -> String {
    format!(
        "Auskunft für Kontakt Nr. {id} gespeichert:\n  {} (maschinenlesbar)\n  {} (lesbar)\n  {} (zum Drucken)\n",
        saved.json, saved.text, saved.pdf
    )
}

/// "Sitzungsmappe gespeichert: …" with the session and the number of pages.
pub fn pdf(kind: &str, session: &Session, saved: &netzwerkmappe_core::usecase::pdf::PdfSaved) -> String {
    let mut out = format!(
        "{kind} gespeichert: {}\nSitzung Nr. {}: {} ({})\n{}\n",
        saved.path,
        session.id,
        session.title,
        session.when_de(),
        count_of(saved.pages, "Seite", "Seiten")
    );
    for note in &saved.notes {
        out.push_str(&format!("Hinweis: {note}\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use netzwerkmappe_core::export::ExportFormat;
    use netzwerkmappe_core::import::Position;
    use netzwerkmappe_core::import::plan::PreviewRow;

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
            fields: field
                .map(|f| vec![netzwerkmappe_core::error::FieldError::new(f, message)])
                .unwrap_or_default(),
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

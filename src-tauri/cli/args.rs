//! What the command line accepts: the clap definition of every subcommand and option, with the
//! German help texts. Parsing values into core types happens here; running them does not.

use std::path::PathBuf;

use clap::{ArgAction, Parser, Subcommand};
use netzwerkmappe_core::export::ExportFormat;
use netzwerkmappe_core::import::plan::DuplicateAction;
use netzwerkmappe_core::pdf::GroupBy;

const ABOUT: &str = "Netzwerkmappe – Kontakte, Sitzungen, Protokolle und Konzeptpapiere des Netzwerks \
                     Integration Baden-Württemberg.\nOhne Befehl öffnet sich das Programmfenster.";

const AFTER_HELP: &str = "Umgebungsvariable:\n  NETZWERKMAPPE_DATEN  Datenordner, wenn --daten fehlt\n\n\
                          Rückgabewerte: 0 = erfolgreich, 1 = Fehler bei der Ausführung, 2 = falscher Aufruf.";

#[derive(Debug, Parser)]
#[command(
    name = "netzwerkmappe",
    version,
    about = ABOUT,
    after_help = AFTER_HELP,
    disable_help_flag = true,
    disable_version_flag = true,
    disable_help_subcommand = true,
    override_usage = "netzwerkmappe [--daten <ORDNER>] [BEFEHL]"
)]
pub struct Cli {
    /// Datenordner mit der Datendatei (Standard: persönlicher Anwendungsdatenordner)
    #[arg(long = "daten", value_name = "ORDNER", global = true)]
    pub daten: Option<PathBuf>,

    /// Diese Hilfe anzeigen
    #[arg(short = 'h', long = "help", action = ArgAction::Help, global = true)]
    help: Option<bool>,

    /// Versionsnummer anzeigen
    #[arg(short = 'V', long = "version", action = ArgAction::Version)]
    version: Option<bool>,

    /// Misst die Startzeit bis zum ersten gezeichneten Bildschirm, gibt sie aus und beendet sich
    #[arg(long = "startzeit-messen", hide = true)]
    pub measure_startup: bool,

    #[command(subcommand)]
    pub command: Option<CliCommand>,
}

#[derive(Debug, Subcommand)]
pub enum CliCommand {
    /// Zeigt Version, Datendatei, SQLite-Version und die Anzahl der Einträge
    #[command(override_usage = "netzwerkmappe info [--json] [--daten <ORDNER>]")]
    Info {
        /// Ausgabe als JSON für Skripte
        #[arg(long)]
        json: bool,
    },
    /// Listet die 44 Stadt- und Landkreise mit Kreisschlüssel und Regierungsbezirk
    #[command(override_usage = "netzwerkmappe kreise [--bezirk <NAME>] [--json] [--daten <ORDNER>]")]
    Kreise {
        /// Nur einen Regierungsbezirk: Stuttgart, Karlsruhe, Freiburg, Tübingen oder 081–084
        #[arg(long = "bezirk", value_name = "NAME")]
        region: Option<String>,
        /// Ausgabe als JSON für Skripte
        #[arg(long)]
        json: bool,
    },
    /// Importiert Kontakte aus einer CSV- (Outlook, Excel) oder vCard-Datei
    #[command(
        override_usage = "netzwerkmappe import <DATEI> [--probelauf] [--duplikate <WAS>] [--json] [--daten <ORDNER>]"
    )]
    Import {
        /// Die Datei mit den Kontakten (.csv oder .vcf)
        #[arg(value_name = "DATEI")]
        file: PathBuf,
        /// Nur prüfen und die Vorschau zeigen, nichts speichern
        #[arg(long = "probelauf")]
        dry_run: bool,
        /// Was mit Kontakten geschieht, die es schon gibt: überspringen (Standard), aktualisieren, trotzdem
        #[arg(long = "duplikate", value_name = "WAS", default_value = "überspringen", value_parser = parse_duplicate_action)]
        duplicates: DuplicateAction,
        /// Ausgabe als JSON für Skripte
        #[arg(long)]
        json: bool,
    },
    /// Exportiert Kontakte als CSV für Excel (.csv), vCard (.vcf) oder ZIP mit einer vCard je Kontakt (.zip)
    #[command(
        override_usage = "netzwerkmappe export <DATEI.csv|DATEI.vcf|DATEI.zip> [--suche <TEXT>] [--json] [--daten <ORDNER>]"
    )]
    Export {
        /// Die neue Datei (eine vorhandene wird nie überschrieben); ihre Endung bestimmt das Format: .csv, .vcf oder .zip
        #[arg(value_name = "DATEI", value_parser = parse_export_target)]
        file: ExportTarget,
        /// Nur die Kontakte, die diese Suche findet (wie das Suchfeld im Fenster)
        #[arg(long = "suche", value_name = "TEXT")]
        query: Option<String>,
        /// Ausgabe als JSON für Skripte
        #[arg(long)]
        json: bool,
    },
    /// Füllt einen leeren Datenordner mit einem Beispielnetzwerk (44 Kreise, Verbände, drei Sitzungen)
    #[command(override_usage = "netzwerkmappe demo [--json] [--daten <ORDNER>]")]
    Demo {
        /// Ausgabe als JSON für Skripte
        #[arg(long)]
        json: bool,
    },
    /// Listet die Sitzungen: kommende zuerst, vergangene darunter
    #[command(override_usage = "netzwerkmappe sitzungen [--suche <TEXT>] [--json] [--daten <ORDNER>]")]
    Sitzungen {
        /// Nur die Sitzungen, die diese Suche findet (Titel, Datum, Ort, Gastgeber, TOPs)
        #[arg(long = "suche", value_name = "TEXT")]
        query: Option<String>,
        /// Ausgabe als JSON für Skripte
        #[arg(long)]
        json: bool,
    },
    /// Listet die Aufgaben aus den Protokollen (Beschlusskontrolle): offene zuerst, nach Fälligkeit
    #[command(
        override_usage = "netzwerkmappe aufgaben [--ueberfaellig] [--organisation <NAME|NR>] [--json] [--daten <ORDNER>]"
    )]
    Aufgaben {
        /// Nur offene Aufgaben, deren Frist abgelaufen ist
        #[arg(long = "ueberfaellig", visible_alias = "überfällig")]
        overdue: bool,
        /// Nur Aufgaben dieser Organisation oder ihrer Leute (Name, Anfang des Namens oder Nummer)
        #[arg(long = "organisation", value_name = "NAME|NR")]
        organisation: Option<String>,
        /// Ausgabe als JSON für Skripte
        #[arg(long)]
        json: bool,
    },
    /// Listet die Konzeptpapiere mit Handlungsfeld, Status und aktueller Version
    #[command(override_usage = "netzwerkmappe papiere [--suche <TEXT>] [--json] [--daten <ORDNER>]")]
    Papiere {
        /// Nur die Konzeptpapiere, die diese Suche findet (aktueller Text, Titel, Handlungsfeld, Autoren)
        #[arg(long = "suche", value_name = "TEXT")]
        query: Option<String>,
        /// Ausgabe als JSON für Skripte
        #[arg(long)]
        json: bool,
    },
    /// Speichert eine Sitzung als Kalenderdatei (.ics) für Outlook oder Thunderbird
    #[command(override_usage = "netzwerkmappe ics <SITZUNG> <DATEI.ics> [--json] [--daten <ORDNER>]")]
    Ics {
        /// Die Nummer der Sitzung (wie in der Liste „Nr. 12“), „naechste“ oder „letzte“
        #[arg(value_name = "SITZUNG")]
        session: String,
        /// Die neue Datei (eine vorhandene wird nie überschrieben)
        #[arg(value_name = "DATEI.ics", value_parser = parse_ics_target)]
        file: PathBuf,
        /// Ausgabe als JSON für Skripte
        #[arg(long)]
        json: bool,
    },
    /// Schreibt eine geprüfte Sicherung der Datendatei (für geplante Aufgaben der IT)
    #[command(override_usage = "netzwerkmappe sichern <DATEI> [--json] [--daten <ORDNER>]")]
    Sichern {
        /// Die Sicherungsdatei, z. B. Netzwerkmappe_Sicherung_2026-11-27.sqlite (eine ältere
        /// Datei dieses Namens wird erst ersetzt, wenn die neue vollständig und geprüft ist)
        #[arg(value_name = "DATEI")]
        file: PathBuf,
        /// Ausgabe als JSON für Skripte
        #[arg(long)]
        json: bool,
    },
    /// Prüft die Datendatei vollständig (alle Tabellen und Suchverzeichnisse)
    #[command(
        override_usage = "netzwerkmappe pruefen [--json] [--daten <ORDNER>]",
        visible_alias = "prüfen"
    )]
    Pruefen {
        /// Ausgabe als JSON für Skripte
        #[arg(long)]
        json: bool,
    },
    /// Speichert alles, was über eine Person gespeichert ist (Auskunft nach Art. 15 DSGVO), als JSON und Text
    #[command(override_usage = "netzwerkmappe auskunft <KONTAKT> <DATEI.json> [--json] [--daten <ORDNER>]")]
    Auskunft {
        /// Die Nummer des Kontakts oder ein Name, der genau einen Kontakt findet
        #[arg(value_name = "KONTAKT")]
        contact: String,
        /// Die neue JSON-Datei; daneben entsteht die lesbare Fassung (.txt). Nichts wird überschrieben.
        #[arg(value_name = "DATEI.json", value_parser = parse_json_target)]
        file: PathBuf,
        /// Ausgabe als JSON für Skripte
        #[arg(long)]
        json: bool,
    },
    /// Speichert die Sitzungsmappe einer Sitzung als PDF (Deckblatt, Inhalt, Tagesordnung, Teilnehmende, Vorprotokoll, offene Aufgaben, Konzeptpapiere)
    #[command(
        override_usage = "netzwerkmappe mappe <SITZUNG> <DATEI.pdf> [--ohne-deckblatt] [--ohne-inhalt] \
                          [--ohne-tagesordnung] [--ohne-teilnehmende] [--ohne-vorprotokoll] [--ohne-aufgaben] \
                          [--ohne-papiere] [--mit-anhaengen] [--teilnehmende-nach organisation|kreis] [--logo <BILD.png>] [--json] \
                          [--daten <ORDNER>]"
    )]
    Mappe {
        /// Die Nummer der Sitzung (wie in der Liste „Nr. 12“), „naechste“ oder „letzte“
        #[arg(value_name = "SITZUNG")]
        session: String,
        /// Die neue PDF-Datei (eine vorhandene wird nie überschrieben)
        #[arg(value_name = "DATEI.pdf", value_parser = parse_pdf_target)]
        file: PathBuf,
        /// Ohne Deckblatt
        #[arg(long = "ohne-deckblatt")]
        without_cover: bool,
        /// Ohne Inhaltsverzeichnis
        #[arg(long = "ohne-inhalt")]
        without_toc: bool,
        /// Ohne Tagesordnung
        #[arg(long = "ohne-tagesordnung")]
        without_agenda: bool,
        /// Ohne Liste der Teilnehmenden
        #[arg(long = "ohne-teilnehmende")]
        without_participants: bool,
        /// Ohne das Protokoll der vorigen Sitzung
        #[arg(long = "ohne-vorprotokoll")]
        without_previous: bool,
        /// Ohne die offenen Aufgaben
        #[arg(long = "ohne-aufgaben")]
        without_action_items: bool,
        /// Ohne die Konzeptpapiere der Tagesordnung
        #[arg(long = "ohne-papiere")]
        without_papers: bool,
        /// Die PDF-Anhänge der Konzeptpapiere nach jedem Papier anfügen
        #[arg(
            long = "mit-anhaengen",
            alias = "mit-anhängen",
            conflicts_with = "without_papers"
        )]
        with_attachments: bool,
        /// Teilnehmende gruppiert nach „organisation“ (Standard) oder „kreis“
        #[arg(long = "teilnehmende-nach", value_name = "GRUPPE", value_parser = parse_group_by)]
        group_by: Option<GroupBy>,
        /// Ein Logo (PNG) für das Deckblatt
        #[arg(long = "logo", value_name = "BILD.png")]
        logo: Option<PathBuf>,
        /// Ausgabe als JSON für Skripte
        #[arg(long)]
        json: bool,
    },
    /// Speichert die Anwesenheitsliste einer Sitzung als PDF (mit Unterschriftenspalte)
    #[command(
        override_usage = "netzwerkmappe anwesenheitsliste <SITZUNG> <DATEI.pdf> [--quer] [--leerzeilen <ANZAHL>] \
                          [--json] [--daten <ORDNER>]"
    )]
    Anwesenheitsliste {
        /// Die Nummer der Sitzung (wie in der Liste „Nr. 12“), „naechste“ oder „letzte“
        #[arg(value_name = "SITZUNG")]
        session: String,
        /// Die neue PDF-Datei (eine vorhandene wird nie überschrieben)
        #[arg(value_name = "DATEI.pdf", value_parser = parse_pdf_target)]
        file: PathBuf,
        /// Querformat statt Hochformat
        #[arg(long = "quer")]
        landscape: bool,
        /// Leere Zeilen für Personen, die ohne Anmeldung kommen (Standard: 8)
        #[arg(long = "leerzeilen", value_name = "ANZAHL", default_value_t = 8, value_parser = clap::value_parser!(u16).range(0..=200))]
        empty_rows: u16,
        /// Ausgabe als JSON für Skripte
        #[arg(long)]
        json: bool,
    },
    /// Speichert das Protokoll einer Sitzung als PDF (Entwürfe mit „ENTWURF“ gekennzeichnet)
    #[command(override_usage = "netzwerkmappe protokoll <SITZUNG> <DATEI.pdf> [--json] [--daten <ORDNER>]")]
    Protokoll {
        /// Die Nummer der Sitzung (wie in der Liste „Nr. 12“), „naechste“ oder „letzte“
        #[arg(value_name = "SITZUNG")]
        session: String,
        /// Die neue PDF-Datei (eine vorhandene wird nie überschrieben)
        #[arg(value_name = "DATEI.pdf", value_parser = parse_pdf_target)]
        file: PathBuf,
        /// Ausgabe als JSON für Skripte
        #[arg(long)]
        json: bool,
    },
}

impl CliCommand {
    /// Whether the person asked for JSON (errors are then printed as JSON too).
    pub fn json(&self) -> bool {
        match self {
            CliCommand::Info { json }
            | CliCommand::Kreise { json, .. }
            | CliCommand::Import { json, .. }
            | CliCommand::Export { json, .. }
            | CliCommand::Demo { json }
            | CliCommand::Sitzungen { json, .. }
            | CliCommand::Aufgaben { json, .. }
            | CliCommand::Papiere { json, .. }
            | CliCommand::Ics { json, .. }
            | CliCommand::Sichern { json, .. }
            | CliCommand::Pruefen { json }
            | CliCommand::Auskunft { json, .. }
            | CliCommand::Mappe { json, .. }
            | CliCommand::Anwesenheitsliste { json, .. }
            | CliCommand::Protokoll { json, .. } => *json,
        }
    }
}

/// The file `export` writes, with the format its extension names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportTarget {
    pub path: PathBuf,
    pub format: ExportFormat,
}

fn parse_export_target(value: &str) -> Result<ExportTarget, String> {
    let path = PathBuf::from(value);
    match ExportFormat::from_path(&path) {
        Ok(format) => Ok(ExportTarget { path, format }),
        Err(_) => Err(
            "die Endung bestimmt das Format: .csv (Excel), .vcf (vCard) oder .zip (eine vCard je Kontakt)"
                .to_owned(),
        ),
    }
}

/// The machine-readable Auskunft is JSON; the readable text goes beside it with `.txt`.
fn parse_json_target(value: &str) -> Result<PathBuf, String> {
    let path = PathBuf::from(value);
    match path.extension().and_then(|e| e.to_str()) {
        Some(ext) if ext.eq_ignore_ascii_case("json") => Ok(path),
        _ => Err("die Auskunft wird als .json gespeichert (daneben eine .txt-Datei)".to_owned()),
    }
}

/// A calendar file must end in `.ics`, so Outlook and Thunderbird open it by double-click.
fn parse_ics_target(value: &str) -> Result<PathBuf, String> {
    let path = PathBuf::from(value);
    match path.extension().and_then(|e| e.to_str()) {
        Some(ext) if ext.eq_ignore_ascii_case("ics") => Ok(path),
        _ => Err("die Kalenderdatei muss auf .ics enden".to_owned()),
    }
}

/// A PDF must end in `.pdf`, so it opens in the PDF viewer by double-click.
fn parse_pdf_target(value: &str) -> Result<PathBuf, String> {
    let path = PathBuf::from(value);
    match path.extension().and_then(|e| e.to_str()) {
        Some(ext) if ext.eq_ignore_ascii_case("pdf") => Ok(path),
        _ => Err("die Datei muss auf .pdf enden".to_owned()),
    }
}

fn parse_group_by(value: &str) -> Result<GroupBy, String> {
    match value.to_lowercase().as_str() {
        "organisation" | "organisationen" => Ok(GroupBy::Organisation),
        "kreis" | "kreise" => Ok(GroupBy::Kreis),
        _ => Err("erlaubt sind organisation oder kreis".to_owned()),
    }
}

fn parse_duplicate_action(value: &str) -> Result<DuplicateAction, String> {
    match value.to_lowercase().as_str() {
        "überspringen" | "ueberspringen" => Ok(DuplicateAction::Skip),
        "aktualisieren" => Ok(DuplicateAction::Update),
        "trotzdem" => Ok(DuplicateAction::ImportAnyway),
        _ => Err("erlaubt sind überspringen, aktualisieren oder trotzdem".to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_export_format_comes_from_the_extension() {
        assert_eq!(
            parse_export_target("Liste.CSV").unwrap().format,
            ExportFormat::Csv
        );
        assert_eq!(
            parse_export_target("/tmp/a.vcf").unwrap(),
            ExportTarget {
                path: PathBuf::from("/tmp/a.vcf"),
                format: ExportFormat::Vcard
            }
        );
        assert_eq!(
            parse_export_target("a.zip").unwrap().format,
            ExportFormat::VcardZip
        );
        assert!(parse_export_target("liste.xlsx").unwrap_err().contains(".csv"));
    }

    #[test]
    fn a_calendar_file_ends_in_ics() {
        assert_eq!(parse_ics_target("Treffen.ICS"), Ok(PathBuf::from("Treffen.ICS")));
        assert!(parse_ics_target("Treffen.txt").unwrap_err().contains(".ics"));
        assert!(parse_ics_target("Treffen").is_err());
    }

    #[test]
    fn duplicate_actions_are_german_words() {
        assert_eq!(
            parse_duplicate_action("Aktualisieren"),
            Ok(DuplicateAction::Update)
        );
        assert_eq!(parse_duplicate_action("ueberspringen"), Ok(DuplicateAction::Skip));
        assert!(parse_duplicate_action("weg").is_err());
    }
}

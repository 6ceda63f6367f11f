//! The German command line for IT staff and scripts. Same binary as the window; the subcommands
//! call the core directly, never through Tauri.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{ArgAction, CommandFactory, FromArgMatches, Parser, Subcommand};
use netzwerkmappe_core::district::{DistrictFilter, find_region};
use netzwerkmappe_core::format::datetime_de;
use netzwerkmappe_core::import::plan::{DuplicateAction, ImportPreview, ImportSummary, RowStatus};
use netzwerkmappe_core::paths::{DATA_DIR_ENV, resolve_data_dir};
use netzwerkmappe_core::{Error, ErrorPayload, Store};

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
struct Cli {
    /// Datenordner mit der Datendatei (Standard: persönlicher Anwendungsdatenordner)
    #[arg(long = "daten", value_name = "ORDNER", global = true)]
    daten: Option<PathBuf>,

    /// Diese Hilfe anzeigen
    #[arg(short = 'h', long = "help", action = ArgAction::Help, global = true)]
    help: Option<bool>,

    /// Versionsnummer anzeigen
    #[arg(short = 'V', long = "version", action = ArgAction::Version)]
    version: Option<bool>,

    /// Misst die Startzeit bis zum ersten gezeichneten Bildschirm, gibt sie aus und beendet sich
    #[arg(long = "startzeit-messen", hide = true)]
    measure_startup: bool,

    #[command(subcommand)]
    command: Option<CliCommand>,
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
}

fn parse_duplicate_action(value: &str) -> Result<DuplicateAction, String> {
    match value.to_lowercase().as_str() {
        "überspringen" | "ueberspringen" => Ok(DuplicateAction::Skip),
        "aktualisieren" => Ok(DuplicateAction::Update),
        "trotzdem" => Ok(DuplicateAction::ImportAnyway),
        _ => Err("erlaubt sind überspringen, aktualisieren oder trotzdem".to_owned()),
    }
}

/// What the command line asked for.
pub enum Invocation {
    Window {
        data_dir_flag: Option<PathBuf>,
        measure_startup: bool,
    },
    Command {
        command: CliCommand,
        data_dir_flag: Option<PathBuf>,
    },
}

fn german_command() -> clap::Command {
    let leaf = "{about-with-newline}\nAufruf: {usage}\n\nOptionen:\n{options}{after-help}";
    let root = "{about-with-newline}\nAufruf: {usage}\n\nBefehle:\n{subcommands}\n\nOptionen:\n{options}\
                {after-help}";
    Cli::command()
        .help_template(root)
        .mut_subcommands(|sub| sub.help_template(leaf))
}

/// Parses the arguments. `Err` carries the exit code after help, version or a usage error has
/// been printed (in German).
pub fn parse(args: &[OsString]) -> Result<Invocation, ExitCode> {
    let matches = match german_command().try_get_matches_from(args) {
        Ok(m) => m,
        Err(e) => return Err(report_usage_error(&e)),
    };
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => return Err(report_usage_error(&e)),
    };
    Ok(match cli.command {
        Some(command) => Invocation::Command {
            command,
            data_dir_flag: cli.daten,
        },
        None => Invocation::Window {
            data_dir_flag: cli.daten,
            measure_startup: cli.measure_startup,
        },
    })
}

fn report_usage_error(e: &clap::Error) -> ExitCode {
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            // Help and version texts are ours (German); print them as clap rendered them.
            let _ = e.print();
            ExitCode::SUCCESS
        }
        kind => {
            eprintln!("Fehler: {}", german_usage_message(kind, e));
            eprintln!("Hilfe: netzwerkmappe --help");
            ExitCode::from(2)
        }
    }
}

fn context(e: &clap::Error, kind: ContextKind) -> String {
    match e.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(", "),
        _ => String::new(),
    }
}

fn german_usage_message(kind: ErrorKind, e: &clap::Error) -> String {
    let arg = context(e, ContextKind::InvalidArg);
    match kind {
        ErrorKind::UnknownArgument => format!("Unbekannte Option „{arg}“."),
        ErrorKind::InvalidSubcommand => {
            format!(
                "Unbekannter Befehl „{}“.",
                context(e, ContextKind::InvalidSubcommand)
            )
        }
        ErrorKind::MissingRequiredArgument => format!("Es fehlt die Angabe {arg}."),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            format!(
                "Ungültiger Wert „{}“ für {arg}.",
                context(e, ContextKind::InvalidValue)
            )
        }
        ErrorKind::ArgumentConflict => format!("Die Option {arg} passt nicht zu den anderen Angaben."),
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues => {
            format!("Zu viele Werte für {arg}.")
        }
        ErrorKind::NoEquals => format!("Bei {arg} fehlt der Wert."),
        _ => "Der Aufruf ist ungültig.".to_owned(),
    }
}

/// Runs a subcommand; prints German results or a German error.
pub fn run(command: CliCommand, data_dir_flag: Option<&Path>) -> ExitCode {
    let json = match &command {
        CliCommand::Info { json } | CliCommand::Kreise { json, .. } | CliCommand::Import { json, .. } => {
            *json
        }
    };
    let runtime = match tokio::runtime::Builder::new_current_thread().enable_all().build() {
        Ok(rt) => rt,
        Err(e) => {
            return fail(
                &Error::io("Die Laufzeitumgebung konnte nicht gestartet werden", e),
                json,
            );
        }
    };
    match runtime.block_on(execute(command, data_dir_flag)) {
        Ok(output) => {
            print!("{output}");
            ExitCode::SUCCESS
        }
        Err(e) => fail(&e, json),
    }
}

fn fail(e: &Error, json: bool) -> ExitCode {
    if json {
        let payload = ErrorPayload::from(e);
        eprintln!(
            "{}",
            serde_json::to_string(&payload).unwrap_or_else(|_| payload.message.clone())
        );
    } else {
        eprintln!("Fehler: {e}");
    }
    ExitCode::FAILURE
}

async fn open_store(data_dir_flag: Option<&Path>) -> Result<Store, Error> {
    let dir = resolve_data_dir(data_dir_flag, std::env::var_os(DATA_DIR_ENV))?;
    Store::open(&dir.data_file()).await
}

fn to_json<T: serde::Serialize>(value: &T) -> Result<String, Error> {
    serde_json::to_string_pretty(value)
        .map(|s| s + "\n")
        .map_err(|e| Error::Database(format!("JSON-Ausgabe fehlgeschlagen: {e}")))
}

async fn execute(command: CliCommand, data_dir_flag: Option<&Path>) -> Result<String, Error> {
    let store = open_store(data_dir_flag).await?;
    let output = match command {
        CliCommand::Info { json } => {
            let info = store.info(crate::APP_VERSION).await?;
            if json { to_json(&info)? } else { render_info(&info) }
        }
        CliCommand::Kreise { region, json } => {
            let region_code = match region {
                Some(input) => {
                    let regions = store.list_regions().await?;
                    let found = find_region(&regions, &input).ok_or_else(|| {
                        Error::validation(
                            "--bezirk",
                            format!(
                                "„{input}“ ist kein Regierungsbezirk. Möglich sind Stuttgart, Karlsruhe, \
                                 Freiburg und Tübingen (oder 081 bis 084)."
                            ),
                        )
                    })?;
                    Some(found.code.clone())
                }
                None => None,
            };
            let districts = store.list_districts(&DistrictFilter { region_code }).await?;
            if json {
                to_json(&districts)?
            } else {
                let mut out = format!(
                    "{:<11} {:<26} {:<11} {}\n",
                    "Schlüssel", "Name", "Art", "Regierungsbezirk"
                );
                for d in &districts {
                    out += &format!(
                        "{:<11} {:<26} {:<11} {}\n",
                        d.ags,
                        d.name,
                        d.kind.label(),
                        d.region_name
                    );
                }
                out += &format!("{} Kreise\n", districts.len());
                out
            }
        }
        CliCommand::Import {
            file,
            dry_run,
            duplicates,
            json,
        } => {
            let bytes = std::fs::read(&file).map_err(|e| {
                Error::io(
                    format!("Die Datei „{}“ konnte nicht gelesen werden", file.display()),
                    e,
                )
            })?;
            let preview = store.preview_import(&bytes, None).await?;
            let summary = if dry_run {
                None
            } else {
                Some(
                    store
                        .apply_import(&bytes, None, duplicates, true, chrono::Utc::now())
                        .await?,
                )
            };
            if json {
                to_json(&serde_json::json!({ "vorschau": preview, "ergebnis": summary }))?
            } else {
                render_import(&file, &preview, summary.as_ref())
            }
        }
    };
    store.close().await;
    Ok(output)
}

fn render_import(file: &Path, preview: &ImportPreview, summary: Option<&ImportSummary>) -> String {
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
        preview.new_count, preview.duplicate_count, preview.error_count
    );
    for status in [RowStatus::Error, RowStatus::Duplicate] {
        for row in preview.rows.iter().filter(|r| r.status == status) {
            let kind = if status == RowStatus::Error {
                "Fehler"
            } else {
                "Doppelt"
            };
            let message = row.message.clone().unwrap_or_default();
            let detail = message.split_once(": ").map(|(_, rest)| rest).unwrap_or(&message);
            out += &format!("  {kind} {}: {} – {detail}\n", row.position_label, row.name);
        }
    }
    match summary {
        None => out += "Probelauf: Es wurde nichts gespeichert.\n",
        Some(s) => {
            out += &format!(
                "Importiert: {} neu, {} aktualisiert, {} übersprungen, {} fehlerhafte Zeilen ausgelassen, \
                 {} Organisationen angelegt.\n",
                s.created, s.updated, s.skipped, s.failed, s.organisations_created
            )
        }
    }
    out
}

fn render_info(info: &netzwerkmappe_core::info::Info) -> String {
    let mut out = format!("Netzwerkmappe {}\n", info.app_version);
    out += &format!("Datendatei:      {}\n", info.data_file);
    out += &format!("SQLite-Version:  {}\n", info.sqlite_version);
    out += &format!("Schema-Version:  {}\n", info.schema_version);
    if let Some(created) = &info.created_at {
        out += &format!("Angelegt am:     {}\n", datetime_de(created));
    }
    out += "Einträge:\n";
    for c in &info.counts {
        out += &format!("  {:<24}{:>8}\n", c.label, c.count);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        std::iter::once("netzwerkmappe")
            .chain(list.iter().copied())
            .map(OsString::from)
            .collect()
    }

    #[test]
    fn plain_start_opens_the_window_with_the_data_folder() {
        match parse(&args(&["--daten", "/tmp/x"])) {
            Ok(Invocation::Window {
                data_dir_flag,
                measure_startup,
            }) => {
                assert_eq!(data_dir_flag, Some(PathBuf::from("/tmp/x")));
                assert!(!measure_startup);
            }
            _ => panic!("expected the window"),
        }
    }

    #[test]
    fn daten_works_after_the_subcommand_too() {
        match parse(&args(&["info", "--daten", "/tmp/y", "--json"])) {
            Ok(Invocation::Command {
                command: CliCommand::Info { json },
                data_dir_flag,
            }) => {
                assert!(json);
                assert_eq!(data_dir_flag, Some(PathBuf::from("/tmp/y")));
            }
            _ => panic!("expected info"),
        }
    }

    #[test]
    fn help_text_is_german() {
        let help = german_command().render_help().to_string();
        for needle in [
            "Aufruf:",
            "Befehle:",
            "Optionen:",
            "--daten <ORDNER>",
            "Diese Hilfe anzeigen",
            "info",
        ] {
            assert!(help.contains(needle), "missing {needle:?} in:\n{help}");
        }
        for english in ["Usage:", "Options:", "Commands:", "Print help"] {
            assert!(!help.contains(english), "English {english:?} in:\n{help}");
        }
        assert!(!help.contains("startzeit"), "hidden flag shown:\n{help}");
    }

    #[test]
    fn subcommand_help_is_german() {
        let mut cmd = german_command();
        let kreise = cmd
            .find_subcommand_mut("kreise")
            .unwrap()
            .render_help()
            .to_string();
        assert!(kreise.contains("Aufruf: netzwerkmappe kreise"), "{kreise}");
        assert!(kreise.contains("--bezirk <NAME>"), "{kreise}");
        assert!(
            !kreise.contains("Usage:") && !kreise.contains("Options:"),
            "{kreise}"
        );
    }

    #[test]
    fn usage_errors_are_german() {
        let err = german_command()
            .try_get_matches_from(args(&["--farbe"]))
            .unwrap_err();
        assert_eq!(
            german_usage_message(err.kind(), &err),
            "Unbekannte Option „--farbe“."
        );
        let err = german_command()
            .try_get_matches_from(args(&["kaffee"]))
            .unwrap_err();
        assert_eq!(
            german_usage_message(err.kind(), &err),
            "Unbekannter Befehl „kaffee“."
        );
    }
}

//! The German command line for IT staff and scripts. Same binary as the window; the subcommands
//! call the core directly, never through Tauri.
//!
//! `args` defines what is accepted, `usage` gives clap a German face (help, wrong calls → exit 2),
//! `run` executes a subcommand against the store (exit 0 or 1), `render` prints results as text.

mod args;
mod render;
mod run;
mod usage;

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::FromArgMatches;

use self::args::Cli;
pub use self::args::CliCommand;
pub use self::run::run;
use self::usage::{german_command, report_usage_error};

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
    fn export_takes_a_file_and_a_search() {
        match parse(&args(&["export", "k.vcf", "--suche", "müller"])) {
            Ok(Invocation::Command {
                command: CliCommand::Export { file, query, json },
                ..
            }) => {
                assert_eq!(file.path, PathBuf::from("k.vcf"));
                assert_eq!(file.format, netzwerkmappe_core::export::ExportFormat::Vcard);
                assert_eq!(query.as_deref(), Some("müller"));
                assert!(!json);
            }
            _ => panic!("expected export"),
        }
    }
}

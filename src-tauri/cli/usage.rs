//! The command line's German face before anything runs: the help layout and the messages for a
//! wrong call (clap's own texts are English). A wrong call exits with 2.

use std::process::ExitCode;

use clap::CommandFactory;
use clap::error::{ContextKind, ContextValue, ErrorKind};

use super::args::Cli;

/// The clap command with German help headings.
pub fn german_command() -> clap::Command {
    let leaf = "{about-with-newline}\nAufruf: {usage}\n\nOptionen:\n{options}{after-help}";
    let root = "{about-with-newline}\nAufruf: {usage}\n\nBefehle:\n{subcommands}\n\nOptionen:\n{options}\
                {after-help}";
    Cli::command()
        .help_template(root)
        .mut_subcommands(|sub| sub.help_template(leaf))
}

/// Prints help or version (exit 0) or a German usage error (exit 2).
pub fn report_usage_error(e: &clap::Error) -> ExitCode {
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

pub fn german_usage_message(kind: ErrorKind, e: &clap::Error) -> String {
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
            let value = context(e, ContextKind::InvalidValue);
            // Our value parsers say in German what is allowed; clap keeps that as the source.
            match std::error::Error::source(e) {
                Some(reason) => format!("Ungültiger Wert „{value}“ für {arg}: {reason}."),
                None => format!("Ungültiger Wert „{value}“ für {arg}."),
            }
        }
        ErrorKind::ArgumentConflict => format!("Die Option {arg} passt nicht zu den anderen Angaben."),
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues => {
            format!("Zu viele Werte für {arg}.")
        }
        ErrorKind::NoEquals => format!("Bei {arg} fehlt der Wert."),
        _ => "Der Aufruf ist ungültig.".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use std::ffi::OsString;

    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        std::iter::once("netzwerkmappe")
            .chain(list.iter().copied())
            .map(OsString::from)
            .collect()
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
            "export",
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
        let err = german_command()
            .try_get_matches_from(args(&["export", "liste.xlsx"]))
            .unwrap_err();
        assert_eq!(
            german_usage_message(err.kind(), &err),
            "Ungültiger Wert „liste.xlsx“ für <DATEI>: die Endung bestimmt das Format: .csv (Excel), \
             .vcf (vCard) oder .zip (eine vCard je Kontakt)."
        );
    }
}

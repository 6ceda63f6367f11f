//! The Netzwerkmappe app package: the Tauri shell (window, commands, capabilities) and the command
//! line, both thin layers over `netzwerkmappe_core`.

mod app_id;
mod backup;
mod cli;
mod commands;
pub mod console;
mod dialog;
mod files;
mod identity;
mod reminders;
mod state;
mod window;

#[cfg(test)]
mod ui_index_tests;

use std::process::ExitCode;
use std::time::Instant;

/// Entry point of the binary: decides between the command line and the window.
pub fn main() -> ExitCode {
    let started = Instant::now();
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    if args.len() > 1 {
        console::attach_to_parent();
    }
    match cli::parse(&args) {
        Ok(cli::Invocation::Command {
            command,
            data_dir_flag,
        }) => cli::run(command, data_dir_flag.as_deref()),
        Ok(cli::Invocation::Window {
            data_dir_flag,
            measure_startup,
        }) => window::run(data_dir_flag.as_deref(), measure_startup.then_some(started)),
        Err(exit) => exit,
    }
}

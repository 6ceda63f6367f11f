//! The `netzwerkmappe` binary: opens the window when started plainly, answers the German command
//! line (`--help`, `--version`, `info`, …) otherwise.

// Release builds on Windows are GUI programs (no console window pops up); the CLI re-attaches to the
// calling console, see `netzwerkmappe_app::console`.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() -> std::process::ExitCode {
    netzwerkmappe_app::main()
}

//! `dossier`: the native command line over the same core the browser runs.
//!
//! ```text
//! dossier extract PATH... [--dates FILE]   one JSON object per article (JSON Lines)
//! ```
//!
//! Exit codes: 0 success, 1 nothing matched, 2 an error (bad arguments, or a file that could
//! not be read; every other file is still processed).

mod args;
mod extract_cmd;
mod inputs;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args::parse(&args) {
        Ok(command) => command.run(),
        Err(message) => {
            eprintln!("dossier: {message}\n\n{}", args::USAGE);
            ExitCode::from(2)
        }
    }
}

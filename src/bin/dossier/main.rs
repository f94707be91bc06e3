//! `dossier`: the native command line over the same core the browser runs.
//!
//! ```text
//! dossier extract PATH... [--dates FILE]   one JSON object per article (JSON Lines)
//!     [--resolve] [--explain]              (resolved across the PATHs; with the decisions)
//! dossier facets PATH... [--limit N]       the most named people, organisations, places
//! dossier query PATH... [--q TEXT] ...     ranked matching articles with snippets
//! dossier bench PATH...                    index build time, memory, query latency
//! dossier build SEEDS --out SITE [--app D]  a static site: the app and the archive
//! ```
//!
//! Exit codes: 0 success, 1 nothing matched, 2 an error (bad arguments, or a file that could
//! not be read; every other file is still processed).

mod app_files;
mod args;
mod bench_cmd;
mod build_cmd;
mod extract_cmd;
mod facets_cmd;
mod inputs;
mod query_cmd;

use std::process::ExitCode;

/// mimalloc returns freed memory to the system; glibc's malloc kept a large build's
/// between-stage garbage resident (measured in `benches/runs/`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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

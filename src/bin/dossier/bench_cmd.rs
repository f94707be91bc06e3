//! `dossier bench`: extraction and index build time, index memory, and query latency
//! percentiles over the fixed query set (`benches/queries.json`).

#[path = "../../../benches/workload.rs"]
mod workload;

use crate::inputs::read_articles;
use std::path::PathBuf;
use std::process::ExitCode;

pub fn run(paths: &[PathBuf], json: bool) -> ExitCode {
    let (articles, problems) = read_articles(paths);
    if articles.is_empty() {
        eprintln!("dossier: no articles to benchmark");
        return ExitCode::from(if problems > 0 { 2 } else { 1 });
    }
    let report = workload::run(&articles);
    print!("{}", workload::render(&report, json));
    if problems > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}

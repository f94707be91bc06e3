//! Guards: on the 19,043 Reuters articles, index build <= 1.5 s, index memory <= 50 MB,
//! search p95 <= 1 ms, filter + facets + histogram p95 <= 2 ms (issue "Index and query").
//!
//! Run: `cargo bench --bench search` (corpus from `DOSSIER_CORPUS`, default the Reuters
//! corpus under `../shared` beside the project, or under `DOSSIER_SHARED`). The JS peers: `scripts/bench-search.sh`.

#[path = "workload.rs"]
mod workload;

fn main() {
    let dir = std::env::var("DOSSIER_CORPUS").unwrap_or_else(|_| {
        let corpus = dossier::development_data().join("data/corpus/reuters21578");
        corpus.display().to_string()
    });
    let files = match dossier::corpus::read_folder(std::path::Path::new(&dir)) {
        Ok(files) => files,
        Err(e) => {
            eprintln!(
                "SKIPPED: the benchmark corpus {dir} is not readable ({e}); set DOSSIER_CORPUS"
            );
            return;
        }
    };
    let mut articles = Vec::new();
    for file in &files {
        if let Ok(mut parsed) = dossier::corpus::parse_file(&file.name, &file.bytes) {
            articles.append(&mut parsed);
        }
    }
    let report = workload::run(&articles);
    print!(
        "{}",
        workload::render(&report, std::env::args().any(|a| a == "--json"))
    );
}

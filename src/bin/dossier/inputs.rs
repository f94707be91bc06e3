//! Articles from command-line paths: files and folders, every seed format.

use dossier::corpus::{self, Article};
use std::path::Path;

/// Reads every article under `paths`. Problems are printed to stderr as they are met and
/// counted; every readable article is still returned.
pub fn read_articles(paths: &[impl AsRef<Path>]) -> (Vec<Article>, usize) {
    let mut articles = Vec::new();
    let mut problems = 0;
    for path in paths {
        let path = path.as_ref();
        let files = if path.is_dir() {
            match corpus::read_folder(path) {
                Ok(files) => files,
                Err(e) => {
                    eprintln!("dossier: {}: {e}", path.display());
                    problems += 1;
                    continue;
                }
            }
        } else {
            match std::fs::read(path) {
                // A file's id comes from its name, wherever it lies.
                Ok(bytes) => {
                    let name = path.file_name().map_or_else(
                        || path.display().to_string(),
                        |n| n.to_string_lossy().into_owned(),
                    );
                    vec![corpus::FileOnDisk { name, bytes }]
                }
                Err(e) => {
                    eprintln!("dossier: {}: {e}", path.display());
                    problems += 1;
                    continue;
                }
            }
        };
        for file in files {
            if let Err(skip) = corpus::classify(&file.name) {
                eprintln!("dossier: skipping {}: {}", file.name, skip.reason);
                continue;
            }
            match corpus::parse_file(&file.name, &file.bytes) {
                Ok(mut parsed) => articles.append(&mut parsed),
                Err(e) => {
                    eprintln!("dossier: {e}");
                    problems += 1;
                }
            }
        }
    }
    if let Err(clashes) = corpus::check_unique_ids(&articles) {
        for e in &clashes {
            eprintln!("dossier: {e}");
        }
        problems += clashes.len();
    }
    (articles, problems)
}

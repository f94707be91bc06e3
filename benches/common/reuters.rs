//! The corpus the extraction and reading benches run on: the folder given on the command
//! line, else the Reuters corpus of the development data.

use dossier::corpus::{self, Article, FileOnDisk};
use std::path::PathBuf;

/// The first argument that is neither an option nor a number (an option's value), else
/// `$DOSSIER_SHARED/data/corpus/reuters21578` (`DOSSIER_SHARED` defaults to `../shared`).
pub fn corpus_dir(args: &[String]) -> PathBuf {
    args.iter()
        .find(|a| !a.starts_with('-') && a.parse::<usize>().is_err())
        .map(PathBuf::from)
        .unwrap_or_else(|| dossier::development_data().join("data/corpus/reuters21578"))
}

/// The files of the corpus folder, or `None` after saying that the `bench` bench is skipped.
pub fn corpus_files(args: &[String], bench: &str) -> Option<Vec<FileOnDisk>> {
    let dir = corpus_dir(args);
    match corpus::read_folder(&dir) {
        Ok(files) => Some(files),
        Err(_) => {
            eprintln!(
                "{bench} bench: SKIPPED, no corpus at {} (pass a folder)",
                dir.display()
            );
            None
        }
    }
}

/// The articles of the seed files among `files`, parsed as they are taken.
pub fn articles(files: &[FileOnDisk]) -> impl Iterator<Item = Article> + '_ {
    files
        .iter()
        .filter(|f| corpus::classify(&f.name).is_ok())
        .filter_map(|f| corpus::parse_file(&f.name, &f.bytes).ok())
        .flatten()
}

//! Articles from command-line paths: files and folders, every seed format.

use dossier::corpus::{self, Article};
use dossier::resolve::{Curated, Curation};
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
                // The curation file is read by `read_curation`.
                if file.name != corpus::CURATION_FILE {
                    eprintln!("dossier: skipping {}: {}", file.name, skip.reason);
                }
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

/// The hand edits of every folder's `aliases.toml` among `paths`, in order; a file with
/// problems is an error naming each line (`seeds/aliases.toml:12: …`).
pub fn read_curation(paths: &[impl AsRef<Path>]) -> Result<Curation, String> {
    let mut curation = Curation::default();
    for dir in paths.iter().map(AsRef::as_ref).filter(|p| p.is_dir()) {
        let path = dir.join(corpus::CURATION_FILE);
        if !path.is_file() {
            continue;
        }
        let shown = path.display().to_string();
        let text = std::fs::read_to_string(&path).map_err(|e| format!("{shown}: {e}"))?;
        let more = Curation::parse(&text).map_err(|errors| {
            errors
                .iter()
                .map(|e| e.at(&shown))
                .collect::<Vec<_>>()
                .join("\n")
        })?;
        curation = curation.then(&more);
        eprintln!("dossier: {} hand edit(s) from {shown}", more.edits.len());
    }
    Ok(curation)
}

/// Reports the hand edits that did nothing (their entity is not in these articles), so
/// none is lost silently.
pub fn report_stale_edits(curated: &[Curated]) {
    for c in curated.iter().filter(|c| !c.applied) {
        let line = c.line.map(|l| format!(" (line {l})")).unwrap_or_default();
        eprintln!(
            "dossier: warning: aliases.toml{line}: {}: {}",
            c.edit, c.outcome
        );
    }
}

/// ", 250 articles repeating an earlier one's story counted once", or nothing.
pub fn repeats_note(repeated: usize) -> String {
    match repeated {
        0 => String::new(),
        1 => ", 1 article repeating an earlier one's story counted once".to_string(),
        n => format!(", {n} articles repeating an earlier one's story counted once"),
    }
}

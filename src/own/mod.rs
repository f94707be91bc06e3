//! Your own articles: files a reader adds to a Dossier page, read and extracted in the
//! browser (in a Web Worker: [`worker`], built as `src/worker.rs`) and never sent anywhere.
//!
//! This module is the part that needs no browser, so it is tested natively:
//!
//! - **Names.** An own article's id is `own/` followed by the id its file would have as a
//!   seed (`notes/leak.md` → `own/notes/leak`), so it can never take a site article's id
//!   unless the site has an `own/` folder, which [`combine`] reports.
//! - **Limits at the door** ([`admit`]): at most [`MAX_FILES`] files per addition, none larger
//!   than [`MAX_FILE_BYTES`], and all of a reader's files together within [`MAX_TOTAL_BYTES`].
//!   A file over a limit is refused with a message naming it; the others are read.
//! - **One file, one result** ([`read_file`]): its articles and their (unresolved)
//!   annotations, or the problem, so one bad file among 500 never stops the other 499.
//!   Results cross from the worker as postcard bytes ([`encode_results`],
//!   [`decode_results`]).
//! - **One collection** ([`combine`]): the site's articles followed by the reader's, which
//!   the caller then resolves and indexes together, so entities merge across both.

#[cfg(all(target_arch = "wasm32", not(dossier_core_only)))]
pub mod worker;

use crate::corpus::{self, Article};
use crate::extract::{Annotations, annotate};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// The prefix of every own article's id (and of its file name, as the app shows it).
pub const ID_PREFIX: &str = "own/";

/// The name the reader's articles go by as a collection.
pub const COLLECTION_NAME: &str = "Your articles";

/// A larger file is refused: the saved-page reader's own limit, and far above any article.
pub const MAX_FILE_BYTES: u64 = 20 * 1024 * 1024;

/// All of a reader's files together stay within this (browsers grant an origin far more, but
/// every byte is also held in memory while the page is open).
pub const MAX_TOTAL_BYTES: u64 = 200 * 1024 * 1024;

/// At most this many files are read from one choice or drop; the rest are refused by name
/// count, with a message.
pub const MAX_FILES: usize = 10_000;

/// Whether an article id is one of the reader's own.
pub fn is_own(id: &str) -> bool {
    id.starts_with(ID_PREFIX)
}

/// The stored name of a chosen file: its path inside the chosen folder (or its name),
/// without leading `/` or `./`, under [`ID_PREFIX`].
pub fn stored_name(path: &str) -> String {
    let clean = path.trim_start_matches("./").trim_start_matches('/');
    format!("{ID_PREFIX}{clean}")
}

/// A chosen file, before it is read: its path and size.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// The path inside the chosen folder, or the file name.
    pub path: String,
    /// Its size in bytes.
    pub bytes: u64,
}

/// A chosen file that will not be read, and why (shown as `file: reason`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    /// The file as chosen.
    pub file: String,
    /// Why.
    pub reason: String,
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.file, self.reason)
    }
}

/// What [`admit`] decided.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Admission {
    /// Positions (in the chosen list) of the files to read.
    pub accepted: Vec<usize>,
    /// Files of an article format that are refused, each with its reason.
    pub refused: Vec<Refusal>,
    /// Files that are not articles (hidden files, images…), counted and named but not errors.
    pub not_articles: Vec<String>,
}

/// Which chosen files to read. `stored_bytes` is what the reader's files already take,
/// not counting files of the same name, which an addition replaces.
pub fn admit(chosen: &[Candidate], stored_bytes: u64) -> Admission {
    let mut admission = Admission::default();
    let mut total = stored_bytes;
    let mut seen = HashSet::new();
    for (position, file) in chosen.iter().enumerate() {
        let refuse = |reason: String| Refusal {
            file: file.path.clone(),
            reason,
        };
        if corpus::classify(&file.path).is_err() {
            admission.not_articles.push(file.path.clone());
            continue;
        }
        if admission.accepted.len() == MAX_FILES {
            admission.refused.push(refuse(format!(
                "not read: at most {MAX_FILES} files are read at a time; add the rest separately"
            )));
            continue;
        }
        if !seen.insert(file.path.as_str()) {
            admission
                .refused
                .push(refuse("chosen twice; read once".into()));
            continue;
        }
        if file.bytes > MAX_FILE_BYTES {
            admission.refused.push(refuse(format!(
                "{} is larger than the {} a file may have",
                megabytes(file.bytes),
                megabytes(MAX_FILE_BYTES)
            )));
            continue;
        }
        if total + file.bytes > MAX_TOTAL_BYTES {
            admission.refused.push(refuse(format!(
                "not read: your articles would take more than {} in this browser",
                megabytes(MAX_TOTAL_BYTES)
            )));
            continue;
        }
        total += file.bytes;
        admission.accepted.push(position);
    }
    admission
}

/// A size for people: `512 bytes`, `3.4 KB`, `12.0 MB`.
pub fn megabytes(bytes: u64) -> String {
    const KB: f64 = 1024.0;
    let b = bytes as f64;
    if b < KB {
        format!("{bytes} bytes")
    } else if b < KB * KB {
        format!("{:.1} KB", b / KB)
    } else {
        format!("{:.1} MB", b / KB / KB)
    }
}

/// One file read: its articles and their annotations (before the collection-wide resolve),
/// or why it could not be read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FileResult {
    /// The stored name ([`stored_name`]).
    pub name: String,
    /// Its size in bytes.
    pub bytes: u64,
    /// Its articles (empty when it could not be read).
    pub articles: Vec<Article>,
    /// One per article, same order.
    pub annotations: Vec<Annotations>,
    /// The problem, as `file: problem`, when it could not be read.
    pub error: Option<String>,
}

/// Reads one file (`name` is its stored name) into its articles and annotations: every seed
/// format, saved web pages included, whatever the site's own seeds are.
pub fn read_file(name: &str, bytes: &[u8]) -> FileResult {
    let size = bytes.len() as u64;
    match corpus::parse_file(name, bytes) {
        Ok(mut articles) => {
            // File-derived ids already carry the prefix; a JSON record's own `id` does not.
            for article in &mut articles {
                if !is_own(article.id.as_str()) {
                    article.id.0.insert_str(0, ID_PREFIX);
                }
            }
            let annotations = articles.iter().map(annotate).collect();
            FileResult {
                name: name.to_string(),
                bytes: size,
                articles,
                annotations,
                error: None,
            }
        }
        Err(e) => FileResult {
            name: name.to_string(),
            bytes: size,
            articles: Vec::new(),
            annotations: Vec::new(),
            error: Some(shown_error(&e.to_string())),
        },
    }
}

/// An error as the reader named the file: without the [`ID_PREFIX`] the app gave it.
fn shown_error(message: &str) -> String {
    message
        .strip_prefix(ID_PREFIX)
        .unwrap_or(message)
        .to_string()
}

/// The worker's answer for some files, as postcard bytes: the page decodes every result on
/// its main thread, where JSON of the same results (three times the text's size, with its
/// field names and escapes) cost a thousand 4 KB articles about a second.
pub fn encode_results(results: &[FileResult]) -> Vec<u8> {
    // Articles and annotations are plain data (strings, numbers, enums): serialising them
    // into memory cannot fail, and a failure would be a bug worth a clear message rather
    // than a panic.
    postcard::to_stdvec(results).unwrap_or_else(|e| {
        postcard::to_stdvec(&[FileResult {
            name: String::new(),
            bytes: 0,
            articles: Vec::new(),
            annotations: Vec::new(),
            error: Some(format!("the results could not be passed on: {e}")),
        }])
        .unwrap_or_default()
    })
}

/// Reads [`encode_results`]' bytes back.
pub fn decode_results(bytes: &[u8]) -> Result<Vec<FileResult>, String> {
    postcard::from_bytes(bytes).map_err(|e| format!("the worker's answer is damaged: {e}"))
}

/// The site's articles and the reader's together, in one document order (site first), with
/// the reader's articles whose id is already taken left out and reported.
pub struct Combined {
    /// Every article.
    pub articles: Vec<Article>,
    /// Their annotations, before the collection-wide resolve.
    pub annotations: Vec<Annotations>,
    /// Own files left out: the stored name, and `file: problem`.
    pub clashes: Vec<(String, String)>,
}

/// Puts the site's articles and the reader's files together (see [`Combined`]).
pub fn combine(site: &[Article], site_annotations: &[Annotations], own: &[FileResult]) -> Combined {
    let mut articles = site.to_vec();
    let mut annotations = site_annotations.to_vec();
    let mut taken: HashSet<String> = site.iter().map(|a| a.id.0.clone()).collect();
    let mut clashes = Vec::new();
    for file in own {
        if let Some(id) = file.articles.iter().find(|a| taken.contains(&a.id.0)) {
            clashes.push((
                file.name.clone(),
                format!(
                    "{}: article id `{}` is already taken; rename the file",
                    shown_error(&file.name),
                    id.id
                ),
            ));
            continue;
        }
        for (article, annotation) in file.articles.iter().zip(&file.annotations) {
            taken.insert(article.id.0.clone());
            articles.push(article.clone());
            annotations.push(annotation.clone());
        }
    }
    Combined {
        articles,
        annotations,
        clashes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn candidate(path: &str, bytes: u64) -> Candidate {
        Candidate {
            path: path.into(),
            bytes,
        }
    }

    #[test]
    fn own_ids_are_prefixed_and_recognised() {
        let result = read_file(&stored_name("./notes/leak.md"), b"Alice Baker met Bob.");
        assert_eq!(result.error, None);
        assert_eq!(result.articles[0].id.as_str(), "own/notes/leak");
        assert!(is_own(result.articles[0].id.as_str()));
        assert!(!is_own("notes/leak"));
        assert_eq!(result.annotations.len(), 1);
    }

    #[test]
    fn json_records_with_their_own_ids_are_own_too() {
        let result = read_file(
            &stored_name("records.jsonl"),
            b"{\"id\": \"r1\", \"body\": \"One.\"}\n{\"body\": \"Two.\"}\n",
        );
        let ids: Vec<&str> = result.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["own/r1", "own/records-2"]);
    }

    #[test]
    fn a_bad_file_names_itself_without_the_prefix() {
        let result = read_file(&stored_name("broken.json"), b"{ not json");
        let error = result.error.unwrap();
        assert!(error.starts_with("broken.json: "), "{error}");
        assert!(result.articles.is_empty());
    }

    #[test]
    fn saved_pages_are_read_in_every_build() {
        let page = b"<html><head><title>Port strike ends</title></head><body><article><h1>Port strike ends</h1><p>Dock workers in Antwerp returned to work on Monday after a week-long strike over pay, the union said in a statement.</p><p>The port authority said ships would be cleared by Friday.</p></article></body></html>";
        let result = read_file(&stored_name("saved/strike.html"), page);
        assert_eq!(result.error, None);
        assert!(result.articles[0].text.contains("Dock workers in Antwerp"));
    }

    #[test]
    fn admission_refuses_by_name_size_and_total() {
        let chosen = [
            candidate("a.txt", 10),
            candidate("photo.jpg", 10),
            candidate("huge.html", 50 * 1024 * 1024),
            candidate("a.txt", 10),
            candidate("b.md", MAX_FILE_BYTES),
        ];
        let admission = admit(&chosen, 0);
        assert_eq!(admission.accepted, vec![0, 4]);
        assert_eq!(admission.not_articles, vec!["photo.jpg".to_string()]);
        let refused: Vec<String> = admission.refused.iter().map(ToString::to_string).collect();
        assert!(
            refused[0].starts_with("huge.html: 50.0 MB is larger"),
            "{refused:?}"
        );
        assert!(refused[1].starts_with("a.txt: chosen twice"), "{refused:?}");
        assert_eq!(refused.len(), 2, "b.md fits: {refused:?}");
        let full = admit(&[candidate("c.txt", 200)], MAX_TOTAL_BYTES - 100);
        assert!(full.refused[0].reason.contains("would take more than"));
    }

    #[test]
    fn admission_reads_at_most_max_files() {
        let chosen: Vec<Candidate> = (0..MAX_FILES + 3)
            .map(|i| candidate(&format!("{i}.txt"), 1))
            .collect();
        let admission = admit(&chosen, 0);
        assert_eq!(admission.accepted.len(), MAX_FILES);
        assert_eq!(admission.refused.len(), 3);
        assert!(admission.refused[0].reason.contains("at most 10000 files"));
    }

    #[test]
    fn results_round_trip_through_the_workers_encoding() {
        let results = vec![
            read_file(
                &stored_name("a.txt"),
                b"Reuters - Oil rose on Monday, traders said.",
            ),
            read_file(&stored_name("b.txt"), b""),
        ];
        // A saved page keeps its source; a text file has none: both must survive a format
        // without field names.
        let page = read_file(
            &stored_name("p.html"),
            b"<html><head><title>Harbour memo</title></head><body><article><p>The harbour \
              master, Ines Duarte, said on Friday that the quay would close.</p></article></body></html>",
        );
        assert!(page.articles[0].original.is_some(), "{page:?}");
        let mut results = results;
        results.push(page);
        let bytes = encode_results(&results);
        assert_eq!(decode_results(&bytes).unwrap(), results);
        assert!(decode_results(&bytes[..bytes.len() / 2]).is_err());
        assert!(decode_results(b"").is_err());
    }

    #[test]
    fn combining_keeps_site_first_and_reports_clashes() {
        let site = corpus::parse_file("own/x.txt", b"A site article with an own/ folder.").unwrap();
        let site_annotations: Vec<Annotations> = site.iter().map(annotate).collect();
        let own = vec![
            read_file(&stored_name("x.txt"), b"The reader's x."),
            read_file(&stored_name("y.txt"), b"The reader's y."),
        ];
        let combined = combine(&site, &site_annotations, &own);
        let ids: Vec<&str> = combined.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["own/x", "own/y"]);
        assert_eq!(
            combined.articles[0].text,
            "A site article with an own/ folder."
        );
        assert_eq!(combined.annotations.len(), 2);
        assert_eq!(combined.clashes.len(), 1);
        assert_eq!(combined.clashes[0].0, "own/x.txt");
        assert!(
            combined.clashes[0]
                .1
                .starts_with("x.txt: article id `own/x`")
        );
    }

    #[test]
    fn the_collection_filter_splits_site_and_own_articles() {
        use crate::query::{Filter, search};
        let site = corpus::parse_file("wire/a.txt", b"Oil prices rose in London.").unwrap();
        let site_annotations: Vec<Annotations> = site.iter().map(annotate).collect();
        let own = vec![read_file(
            &stored_name("mine.txt"),
            b"Oil smugglers met in Basra.",
        )];
        let combined = combine(&site, &site_annotations, &own);
        let index = crate::index::Index::build(&combined.articles, &combined.annotations);
        let count = |query: &str| {
            let (filter, notices) = Filter::from_query_string(query);
            assert!(notices.is_empty(), "{notices:?}");
            assert_eq!(filter.to_query_string(), query, "prints as read");
            let results = search(&index, &filter);
            (results.total, results.facets.own)
        };
        assert_eq!(count("q=oil"), (2, 1));
        assert_eq!(count("q=oil&in=yours"), (1, 1));
        assert_eq!(count("q=oil&in=site"), (1, 0));
        let (_, notices) = Filter::from_query_string("in=mine");
        assert!(notices[0].message.contains("`yours` or `site`"));
    }

    #[test]
    fn sizes_read_like_a_file_manager() {
        assert_eq!(megabytes(512), "512 bytes");
        assert_eq!(megabytes(3 * 1024 + 400), "3.4 KB");
        assert_eq!(megabytes(12 * 1024 * 1024), "12.0 MB");
    }
}

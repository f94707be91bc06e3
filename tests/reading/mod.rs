//! Shared by the hostile-input tests: read one seed file that must be read (and run the whole
//! pipeline on it), or one that must be refused (and get its message).

use crate::span_check::check_pipeline;
use dossier::corpus::parse_file;

/// Parses one file that must be read, checks the whole pipeline, returns its one article.
pub fn read_one(file: &str, bytes: &[u8]) -> dossier::corpus::Article {
    let mut articles =
        parse_file(file, bytes).unwrap_or_else(|e| panic!("{file} should be read: {e}"));
    assert_eq!(articles.len(), 1, "{file}");
    let article = articles.remove(0);
    check_pipeline(&article);
    article
}

pub fn title_of(text: &str) -> String {
    read_one("t.txt", text.as_bytes()).title
}

pub fn refusal(file: &str, bytes: &[u8]) -> String {
    match parse_file(file, bytes) {
        Ok(articles) => panic!(
            "{file} should be refused, got {} article(s)",
            articles.len()
        ),
        Err(e) => {
            assert_eq!(e.file, file, "the error names the file");
            e.to_string()
        }
    }
}

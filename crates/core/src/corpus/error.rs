//! Why a seed file was rejected: always the file, what is wrong, and where.

use thiserror::Error;

/// A seed file that cannot become articles. Displayed as `FILE: problem`, which is what the
/// build prints when it refuses the seeds.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{file}: {kind}")]
pub struct Error {
    /// The seed file, relative to the seed folder.
    pub file: String,
    /// What is wrong with it.
    pub kind: ErrorKind,
}

/// Every way a seed file can be rejected.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ErrorKind {
    /// The bytes are not UTF-8. Re-save the file as UTF-8.
    #[error("invalid UTF-8 at byte {byte} (line {line}); save the file as UTF-8")]
    InvalidUtf8 {
        /// Offset of the first invalid byte.
        byte: usize,
        /// 1-based line of that byte.
        line: usize,
    },
    /// The file has no bytes at all.
    #[error("the file is empty (0 bytes); an article needs a body")]
    Empty,
    /// The file holds only whitespace.
    #[error("the file holds only whitespace; an article needs a body")]
    Blank,
    /// Front matter followed by nothing.
    #[error("the front matter is followed by no body text")]
    NoBody,
    /// A `---` front-matter block is opened on the first line and never closed.
    #[error(
        "front matter opened on line 1 is never closed; add a line with `---` after the last key"
    )]
    UnterminatedFrontMatter,
    /// The front matter is not valid YAML or not a mapping.
    #[error("front matter at line {line}: {message}")]
    FrontMatter {
        /// 1-based line in the file.
        line: usize,
        /// What the YAML parser or the key check said.
        message: String,
    },
    /// A date (front matter `date` or a JSON record's `date`) cannot be read.
    #[error("unparseable date `{value}`: {hint}")]
    Date {
        /// The date as written.
        value: String,
        /// What would be accepted.
        hint: String,
    },
    /// A JSON or JSON Lines file is not valid JSON.
    #[error("JSON syntax error at line {line}, column {column}: {message}")]
    JsonSyntax {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What serde_json said.
        message: String,
    },
    /// Valid JSON that is not an article record.
    #[error("JSON record {record}: {message}")]
    JsonRecord {
        /// Where the record is: `line 3` for JSON Lines, `#2` in an array.
        record: String,
        /// What is missing or mistyped.
        message: String,
    },
    /// A saved web page over the size limit: its parsed tree would take several times its
    /// size in memory.
    #[error(
        "the page is {} MB, over the {} MB limit for a saved web page; save the article's page alone (\"Webpage, HTML only\")",
        megabytes(*bytes),
        megabytes(*limit)
    )]
    TooLarge {
        /// The file's size.
        bytes: usize,
        /// The limit.
        limit: usize,
    },
    /// A saved web page with more elements than one article page has.
    #[error(
        "the page has {found} HTML elements, more than the {limit} a saved article page is read with; save the article's page alone"
    )]
    TooManyElements {
        /// Elements in the page.
        found: usize,
        /// The limit.
        limit: usize,
    },
    /// A saved web page whose elements nest deeper than a browser builds them.
    #[error(
        "the page nests elements more than {limit} deep, deeper than browsers build a page; it is not a saved article page"
    )]
    TooDeep {
        /// The limit.
        limit: usize,
    },
    /// A saved web page declares a charset that no browser knows.
    #[error(
        "the page declares charset `{label}`, which is not a known encoding; re-save the page as UTF-8 or fix its <meta charset>"
    )]
    UnknownCharset {
        /// The label as written in the page (lowercased).
        label: String,
    },
    /// A saved web page with no main text: only navigation, links, scripts or images.
    #[error(
        "no article text found in the page (only navigation, links, scripts or media); save the article's own page, or copy its text into a .txt file"
    )]
    NoArticleText,
    /// A saved web page reached a browser build made without the page reader: the reader
    /// costs about 470 KB of gzipped wasm, so an embedded build links it only when its
    /// seed folder holds pages (`cfg(dossier_html_seeds)`, set by `build.rs`; see
    /// `parse_file_without_pages`).
    #[error(
        "this Dossier build does not read saved web pages (its seed folder had none); rebuild with the page among the seeds, or copy its text into a .txt file"
    )]
    PagesNotInThisBuild,
    /// Two articles would get the same id, so links to one would open the other.
    #[error(
        "article id `{id}` is also the id of an article in {other}; rename one of the files (or set a distinct `id`)"
    )]
    DuplicateId {
        /// The clashing id.
        id: String,
        /// The other file holding it.
        other: String,
    },
}

impl Error {
    /// An error about `file`.
    pub fn new(file: impl Into<String>, kind: ErrorKind) -> Self {
        Self {
            file: file.into(),
            kind,
        }
    }
}

/// Bytes as megabytes (MiB) for messages, rounded up so a file just over a limit never reads
/// as the limit.
fn megabytes(bytes: usize) -> usize {
    bytes.div_ceil(1024 * 1024)
}

/// 1-based line number of byte offset `byte` in `bytes`.
pub(crate) fn line_of(bytes: &[u8], byte: usize) -> usize {
    1 + bytes[..byte.min(bytes.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
}

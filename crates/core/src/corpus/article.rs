//! The one article model every seed format is read into.

use crate::span::ByteSpan;
use serde::{Deserialize, Serialize};
use std::fmt;

use super::Date;

/// A stable article id, derived from the seed file name (and the record, for JSON files
/// with several articles), so links keep working across rebuilds.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ArticleId(pub String);

impl ArticleId {
    /// The id as written in links.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ArticleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Where an article's title came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TitleOrigin {
    /// The front matter or the JSON record named it.
    Given,
    /// The first sentence of the body.
    FirstSentence,
}

/// One news article.
///
/// `text` is the whole seed file as stored (front matter included) for text formats, the
/// body field for JSON records, or the main text extracted from a saved web page (paragraphs
/// separated by blank lines; the page itself is in `original`); every offset the app reports
/// is into `text`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// Stable id.
    pub id: ArticleId,
    /// Seed file, relative to the seed folder.
    pub file: String,
    /// The text all offsets refer to, byte for byte as stored.
    pub text: String,
    /// Where the body lies in `text` (after front matter and a byte-order mark).
    pub body: ByteSpan,
    /// Display title.
    pub title: String,
    /// Where the title came from.
    pub title_origin: TitleOrigin,
    /// Publication date, when known.
    pub date: Option<Date>,
    /// Publisher or agency: front matter `source`, or an agency name glued to the first
    /// sentence ("ArmInfo.The CSTO …").
    pub source: Option<String>,
    /// Where the article was published.
    pub url: Option<String>,
    /// Who wrote it.
    pub author: Option<String>,
    /// Every other front-matter key or JSON field, in file order, values as text; for a saved
    /// web page, the charset it was decoded with, its description, language and a publication
    /// date that could not be read.
    pub meta: Vec<(String, String)>,
    /// The file's source, when `text` is not the file itself: a saved web page's HTML as
    /// decoded, for the reader's "page source". Always show it as text, never as markup.
    /// Always written, even when absent: the own-articles worker sends articles as postcard,
    /// which has no field names and so cannot skip one; `default` still reads JSON written
    /// before.
    #[serde(default)]
    pub original: Option<String>,
}

impl Article {
    /// The body text.
    pub fn body_text(&self) -> &str {
        self.body.slice(&self.text)
    }

    /// The first `max_chars` characters of the body with whitespace runs collapsed, for lists.
    pub fn preview(&self, max_chars: usize) -> String {
        let mut out = String::new();
        let mut chars = 0;
        for word in self.body_text().split_whitespace() {
            if chars > 0 {
                out.push(' ');
                chars += 1;
            }
            for c in word.chars() {
                if chars >= max_chars {
                    out.push('…');
                    return out;
                }
                out.push(c);
                chars += 1;
            }
        }
        out
    }

    /// "source · date" for lists, with " · author" when `with_author`; parts that are
    /// unknown are left out.
    pub fn byline(&self, with_author: bool) -> String {
        let author = self.author.clone().filter(|_| with_author);
        [
            self.source.clone(),
            self.date.map(|d| d.to_string()),
            author,
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ")
    }

    /// The source URL, only when it is http(s): anything else must never become a link.
    pub fn safe_url(&self) -> Option<&str> {
        let url = self.url.as_deref()?.trim();
        let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
        (lower.starts_with("http://") || lower.starts_with("https://")).then_some(url)
    }
}

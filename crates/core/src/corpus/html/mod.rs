//! Saved web pages (`.html`, `.htm`): a news page saved from a browser becomes one
//! [`Article`] whose text is the page's main text, without its navigation, ads, related links
//! and comments, and whose title, date, author and source come from the page's own metadata.
//!
//! The page is decoded as a browser would (`charset`), parsed by html5ever (the HTML
//! Standard's parser, through `dom_query`) and reduced to its main content by `dom_smoothie`,
//! a port of Mozilla's Readability (Firefox's Reader View). Only text comes out: scripts,
//! styles, event handlers and links are dropped with the markup, so nothing in a page can run
//! in Dossier. The decoded source is kept in [`Article::original`] for the reader to show.
//!
//! Metadata, in order: schema.org `NewsArticle` JSON-LD (`headline`, `datePublished`,
//! `author`, `publisher`), then `<meta>` tags (Open Graph `og:title`, `og:site_name`,
//! `article:published_time`, `author`, Dublin Core, …); where the page has none, the visible
//! headline (`<h1>`), a `<time datetime>` and the page's `<title>`.

mod charset;
mod fallbacks;
mod scan;

use super::article::{Article, ArticleId, TitleOrigin};
use super::blank::is_blank;
use super::error::ErrorKind;
use super::{parse_date, title};
use crate::span::ByteSpan;
use dom_smoothie::{Config, Readability, ReadabilityError, TextMode};
use fallbacks::{Fallbacks, collapse};

/// The largest saved page read, in bytes. A page's parsed tree takes several times its size
/// in memory; a news page saved with its inline scripts and styles is rarely over 5 MB.
pub const MAX_PAGE_BYTES: usize = 50 * 1024 * 1024;

/// The most elements a page may have. Readability scores the tree up to four times; a news
/// page has a few thousand elements, so a page over this is not one article.
pub const MAX_PAGE_ELEMENTS: usize = 200_000;

/// The deepest nesting of elements read: Chromium's parser's own limit. Parsing and
/// Readability slow down with depth, and deep enough they overflow the stack (see `scan`);
/// news pages nest a few dozen deep.
pub const MAX_PAGE_NESTING: usize = 512;

/// The shortest paragraph that makes a page an article, in characters: about one sentence,
/// longer than a menu item or a button, and short enough for Chinese or Japanese, which say in
/// 50 characters what English says in 150.
const MIN_PARAGRAPH_CHARS: usize = 50;

/// Reads a saved page into its article. `stem` is the article id.
pub(super) fn read_page(file: &str, stem: &str, bytes: &[u8]) -> Result<Article, ErrorKind> {
    if bytes.len() > MAX_PAGE_BYTES {
        return Err(ErrorKind::TooLarge {
            bytes: bytes.len(),
            limit: MAX_PAGE_BYTES,
        });
    }
    let decoded = charset::decode(bytes)?;
    if is_blank(&decoded.text) {
        return Err(ErrorKind::Blank);
    }
    // Refused before parsing: the parse itself is what such a page would make too slow.
    let shape = scan::shape(decoded.text.as_bytes(), MAX_PAGE_NESTING);
    if shape.depth > MAX_PAGE_NESTING {
        return Err(ErrorKind::TooDeep {
            limit: MAX_PAGE_NESTING,
        });
    }
    if shape.elements > MAX_PAGE_ELEMENTS {
        return Err(ErrorKind::TooManyElements {
            found: shape.elements,
            limit: MAX_PAGE_ELEMENTS,
        });
    }
    let config = Config {
        max_elements_to_parse: MAX_PAGE_ELEMENTS,
        // "Is there an article?" is Readability's own test (Firefox's reader-view button): a
        // visible paragraph of prose, outside anything marked as comments, menus or footers.
        // Its defaults want about 540 characters; a news brief can be one short paragraph.
        // Text outside paragraphs (`<div>`s alone) only counts inside an `<article>`.
        readable_min_content_length: MIN_PARAGRAPH_CHARS,
        readable_min_score: 0.0,
        // Paragraphs separated by blank lines, whitespace collapsed inside them: what the
        // structure stage reads as paragraphs.
        text_mode: TextMode::Formatted,
        ..Config::default()
    };
    let mut readability = Readability::new(decoded.text.as_str(), None, Some(config))
        .map_err(|_| ErrorKind::NoArticleText)?;
    if !readability.is_probably_readable() {
        return Err(ErrorKind::NoArticleText);
    }
    // Read before `parse`, which strips the page down to its main content.
    let fallbacks = Fallbacks::read(&readability);
    let page = readability.parse().map_err(|e| match e {
        ReadabilityError::TooManyElements(found, limit) => {
            ErrorKind::TooManyElements { found, limit }
        }
        ReadabilityError::GrabFailed | ReadabilityError::BadDocumentURL => ErrorKind::NoArticleText,
    })?;
    let text = page.text_content.to_string();
    if is_blank(&text) {
        return Err(ErrorKind::NoArticleText);
    }

    let mut meta = vec![("charset".to_string(), decoded.describe())];
    let (title, title_origin) = match fallbacks.title(&page.title) {
        Some(title) => (title::cap(&title), TitleOrigin::Given),
        None => (title::first_sentence(&text), TitleOrigin::FirstSentence),
    };
    let date = [page.published_time.as_deref(), fallbacks.date.as_deref()]
        .into_iter()
        .flatten()
        .find_map(|written| match parse_date(written) {
            Ok(date) => Some(date),
            Err(_) => {
                // The page's metadata is not the user's writing: an odd date is kept, not fatal.
                meta.push(("published".to_string(), title::cap(&collapse(written))));
                None
            }
        });
    // Only a web address can be the article's address; `javascript:` and the like are dropped.
    let url = [page.url, fallbacks.url]
        .into_iter()
        .flatten()
        .map(|u| u.trim().to_string())
        .find(|u| is_web_address(u));
    let source = page
        .site_name
        .map(|s| title::cap(&collapse(&s)))
        .filter(|s| !s.is_empty())
        .or_else(|| url.as_deref().and_then(host_name));
    for (key, value) in [
        ("description", page.excerpt),
        ("language", page.lang),
        ("modified", page.modified_time),
    ] {
        if let Some(value) = value.filter(|v| !is_blank(v)) {
            meta.push((key.to_string(), title::cap(&collapse(&value))));
        }
    }
    Ok(Article {
        id: ArticleId(stem.to_string()),
        file: file.to_string(),
        body: ByteSpan::new(0, text.len()),
        text,
        title,
        title_origin,
        date,
        source,
        url,
        author: page.byline.as_deref().and_then(author_name),
        meta,
        original: Some(decoded.text),
    })
}

/// `https://www.example.com/a` → `example.com`: who published the page, when it names no site.
fn host_name(url: &str) -> Option<String> {
    let (scheme, rest) = url.trim().split_once("://")?;
    if !scheme.eq_ignore_ascii_case("http") && !scheme.eq_ignore_ascii_case("https") {
        return None;
    }
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let host = host.split(':').next()?.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    (host.contains('.') && !host.starts_with('.')).then(|| host.to_string())
}

fn is_web_address(url: &str) -> bool {
    let scheme = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    scheme.starts_with("http://") || scheme.starts_with("https://")
}

/// A byline as a name: whitespace collapsed, a leading "By" dropped.
fn author_name(byline: &str) -> Option<String> {
    let collapsed = title::cap(&collapse(byline));
    let name = match collapsed.get(..3) {
        Some(by) if by.eq_ignore_ascii_case("by ") => &collapsed[3..],
        _ => &collapsed,
    };
    (!name.is_empty()).then(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_host_name_is_the_source_of_last_resort() {
        assert_eq!(
            host_name("https://www.Example.com:443/world/a?x#y").as_deref(),
            Some("example.com")
        );
        assert_eq!(host_name("javascript:alert(1)"), None);
        assert_eq!(host_name("http://localhost/a"), None);
    }

    #[test]
    fn a_byline_loses_its_by() {
        assert_eq!(
            author_name("  By\n Jane   Doe ").as_deref(),
            Some("Jane Doe")
        );
        assert_eq!(author_name("Byron Smith").as_deref(), Some("Byron Smith"));
        assert_eq!(author_name("  "), None);
    }
}

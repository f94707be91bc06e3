//! What the visible page says when its metadata is silent: the headline (`<h1>`), a
//! publication time (`<time datetime>`, `itemprop="datePublished"`) and the page's address
//! (`og:url`, `<link rel="canonical">`). Read from the whole page, before Readability strips
//! it down to the article.

use dom_smoothie::Readability;

/// The page's own answers, for when its metadata has none.
#[derive(Debug, Default)]
pub struct Fallbacks {
    /// Whether the metadata (JSON-LD, Open Graph, Twitter, Dublin Core) names a title; if
    /// not, Readability's title is the `<title>` element, which the `<h1>` beats.
    metadata_has_title: bool,
    /// The visible headline.
    headline: Option<String>,
    /// A publication time written in the page.
    pub date: Option<String>,
    /// The page's address.
    pub url: Option<String>,
}

impl Fallbacks {
    /// Reads them from the page `readability` holds (before `parse`).
    pub fn read(readability: &Readability) -> Self {
        let title_element = readability.get_article_title();
        let metadata = readability.get_article_metadata(readability.parse_json_ld());
        let doc = &readability.doc;
        let first = |selector: &str, attr: Option<&str>| -> Option<String> {
            let found = doc.try_select(selector)?;
            found.nodes().iter().find_map(|node| {
                let value = match attr {
                    Some(name) => node.attr(name)?.to_string(),
                    None => node.text().to_string(),
                };
                let value = collapse(&value);
                (!value.is_empty()).then_some(value)
            })
        };
        let headline = ["article h1", "main h1", "h1"]
            .into_iter()
            .find_map(|s| first(s, None));
        let date = first("article time[datetime]", Some("datetime"))
            .or_else(|| first("time[datetime]", Some("datetime")))
            .or_else(|| first("[itemprop=datePublished][content]", Some("content")))
            .or_else(|| first("[itemprop=datePublished]", None))
            .or_else(|| first("article time", None));
        let url = first("meta[property='og:url'][content]", Some("content"))
            .or_else(|| first("link[rel=canonical][href]", Some("href")));
        Self {
            metadata_has_title: !metadata.title.trim().is_empty()
                && metadata.title.trim() != title_element.trim(),
            headline,
            date,
            url,
        }
    }

    /// The title: the metadata's (as Readability found it in `from_readability`), else the
    /// visible headline, else the `<title>` element; `None` if the page names none.
    pub fn title(&self, from_readability: &str) -> Option<String> {
        let from_readability = collapse(from_readability);
        if self.metadata_has_title {
            return Some(from_readability);
        }
        self.headline
            .clone()
            .or_else(|| (!from_readability.is_empty()).then_some(from_readability))
    }
}

/// Whitespace runs (spaces, line breaks, no-break spaces) as one space, trimmed.
pub fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

//! Snippets: a short window of an article's body around the first matched word, with the
//! byte spans of every matched word in it (offsets into `Article::text`, ready to slice).

use crate::corpus::Article;
use crate::index::fold::for_each_word;
use crate::span::ByteSpan;

/// How far before the first match a snippet starts, in bytes (then moved to a word start).
const LEAD: usize = 60;

/// A window of an article with highlighted words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    /// The window, on char boundaries inside the body.
    pub window: ByteSpan,
    /// Matched words inside the window, in order.
    pub highlights: Vec<ByteSpan>,
}

impl Snippet {
    /// The window's text.
    pub fn text<'a>(&self, article: &'a Article) -> &'a str {
        self.window.slice(&article.text)
    }
}

/// A snippet of about `max_bytes` of `article`'s body around the first word whose folded form
/// is in `highlight` (sorted, as in `Results::highlight`); the body's start when none is.
pub fn snippet(article: &Article, highlight: &[String], max_bytes: usize) -> Snippet {
    let text = &article.text;
    let body = ByteSpan::new(
        article.body.start.min(text.len()),
        article.body.end.min(text.len()),
    );
    let mut found: Vec<ByteSpan> = Vec::new();
    let mut first: Option<ByteSpan> = None;
    let mut window_end = usize::MAX;
    for_each_word(text, body, |span, folded| {
        if span.end > window_end {
            return;
        }
        if highlight
            .binary_search_by(|h| h.as_str().cmp(folded))
            .is_ok()
        {
            if first.is_none() {
                first = Some(span);
                let start = window_start(text, body, span.start);
                window_end = floor_boundary(text, (start + max_bytes).min(body.end));
            }
            found.push(span);
        }
    });
    let start = first.map_or(body.start, |span| window_start(text, body, span.start));
    let end = floor_boundary(text, (start + max_bytes).min(body.end));
    let end = cut_at_word_end(text, start, end, body.end);
    found.retain(|s| s.end <= end);
    Snippet {
        window: ByteSpan::new(start, end.max(start)),
        highlights: found,
    }
}

/// A word start about [`LEAD`] bytes before `at`, not before the body.
fn window_start(text: &str, body: ByteSpan, at: usize) -> usize {
    let earliest = floor_boundary(text, at.saturating_sub(LEAD).max(body.start));
    match text[earliest..at].find(char::is_whitespace) {
        Some(space) if earliest > body.start => {
            let after = earliest + space;
            after + text[after..].chars().next().map_or(0, char::len_utf8)
        }
        _ => earliest,
    }
}

/// Moves `end` back to the last whitespace so no word is cut, unless the text ends there.
fn cut_at_word_end(text: &str, start: usize, end: usize, body_end: usize) -> usize {
    if end >= body_end {
        return end;
    }
    match text[start..end].rfind(char::is_whitespace) {
        Some(space) if space > 0 => start + space,
        _ => end,
    }
}

fn floor_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::parse_file;

    fn article(body: &str) -> Article {
        let mut articles = parse_file("a.txt", body.as_bytes()).unwrap_or_default();
        articles.remove(0)
    }

    #[test]
    fn the_window_starts_near_the_first_match_and_marks_every_match() {
        let a = article(&format!(
            "{} The border mission reached the border.",
            "Filler words. ".repeat(20)
        ));
        let s = snippet(&a, &["border".to_string()], 200);
        assert!(s.text(&a).contains("The border mission"));
        let marked: Vec<&str> = s.highlights.iter().map(|h| h.slice(&a.text)).collect();
        assert_eq!(marked, ["border", "border"]);
    }

    #[test]
    fn without_a_match_the_snippet_is_the_start_of_the_body() {
        let a = article("Ереван — the talks went on for a long time.");
        let s = snippet(&a, &[], 12);
        assert!(s.text(&a).starts_with("Ереван"));
        assert!(s.highlights.is_empty());
    }

    #[test]
    fn windows_end_on_char_boundaries_in_any_script() {
        let a = article(&"ééééé ".repeat(100));
        for max in 0..40 {
            let s = snippet(&a, &["eeeee".to_string()], max);
            assert!(a.text.get(s.window.start..s.window.end).is_some());
        }
    }
}

//! The quotes view: every quote of the matching articles, newest article first, narrowed to
//! the filter's speakers and to quotes whose own words contain the query's words.

use super::collect::QuoteHit;
use super::filter::Filter;
use crate::corpus::Article;
use crate::index::fold::for_each_word;
use crate::index::{DocSet, Index, NONE};

/// Quotes matching `filter` among the `matches` (from [`super::search`]), up to `limit`,
/// and how many there are in all.
///
/// A quote matches the text query when it contains every word the query requires (its
/// plain words and the words of its phrases, folded); exclusions and `OR` alternatives are
/// already applied at the article level, so they do not narrow quotes further.
pub fn matching_quotes(
    index: &Index,
    articles: &[Article],
    filter: &Filter,
    matches: &DocSet,
    limit: usize,
) -> (usize, Vec<QuoteHit>) {
    let wanted_speakers: Vec<u32> = filter
        .speakers
        .iter()
        .filter_map(|s| index.speaker_of(s))
        .collect();
    let required = QuoteWords::of(&filter.text);
    let mut docs: Vec<u32> = matches.iter().collect();
    crate::sort::by_key(&mut docs, |&d| {
        std::cmp::Reverse(index.doc(d).and_then(|info| info.date))
    });
    let mut total = 0;
    let mut out = Vec::new();
    for doc in docs {
        let Some(article) = articles.get(doc as usize) else {
            continue;
        };
        for &q in index.doc_quotes(doc) {
            let quote = index.quotes()[q as usize];
            if !wanted_speakers.is_empty() && !wanted_speakers.contains(&quote.speaker) {
                continue;
            }
            if !required.found_in(&article.text, quote.span) {
                continue;
            }
            total += 1;
            if out.len() < limit {
                out.push(QuoteHit {
                    quote: q,
                    doc,
                    speaker: (quote.speaker != NONE).then_some(quote.speaker),
                    span: quote.span,
                });
            }
        }
    }
    (total, out)
}

/// The folded words a quote must contain to match a text query: every word of the query
/// that is not excluded, not an `OR` group member and not the operator itself. The archive's
/// quotes view asks the same of the quote texts its `docs` parts keep.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteWords(Vec<String>);

impl QuoteWords {
    /// The words `query` requires of a quote.
    pub fn of(query: &str) -> Self {
        QuoteWords(required_words(query))
    }

    /// Whether the quote at `span` of `text` contains every required word (always, when
    /// none are).
    pub fn found_in(&self, text: &str, span: crate::ByteSpan) -> bool {
        self.0.is_empty() || contains_all(text, span, &self.0)
    }
}

fn required_words(query: &str) -> Vec<String> {
    let tokens: Vec<&str> = query.split_whitespace().collect();
    let mut words = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        let in_or =
            *token == "OR" || tokens.get(i + 1) == Some(&"OR") || (i > 0 && tokens[i - 1] == "OR");
        if in_or || token.starts_with('-') {
            continue;
        }
        let mut found = Vec::new();
        for_each_word(token, crate::ByteSpan::new(0, token.len()), |_, w| {
            found.push(w.to_string())
        });
        words.extend(found);
    }
    crate::sort::unstable(&mut words);
    words.dedup();
    words
}

fn contains_all(text: &str, span: crate::ByteSpan, required: &[String]) -> bool {
    let mut seen = vec![false; required.len()];
    for_each_word(text, span, |_, w| {
        if let Ok(i) = required.binary_search_by(|r| r.as_str().cmp(w)) {
            seen[i] = true;
        }
    });
    seen.iter().all(|&s| s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn required_words_skip_exclusions_and_alternatives() {
        assert_eq!(
            required_words("border \"CSTO mission\" -war peace OR truce"),
            ["border", "csto", "mission"]
        );
        assert!(required_words("").is_empty());
    }

    #[test]
    fn a_quote_contains_all_words_case_and_accent_folded() {
        let text = "He said \"Café talks on the Border\" today.";
        let span = crate::ByteSpan::new(8, 34);
        assert!(contains_all(text, span, &["border".into(), "cafe".into()]));
        assert!(!contains_all(text, span, &["today".into()]));
    }
}

//! The text query language (grammar in [`filter`](super::filter)'s module doc): words,
//! "exact phrases", `-exclusions` and `OR`, parsed into groups of units.
//!
//! Whether the last word is still being typed is not part of the query (a link is always a
//! finished query): the search box says so through [`LastWord`], passed next to the
//! [`Filter`](super::Filter), never stored in the URL.

use crate::index::fold::for_each_word;
use crate::span::ByteSpan;

/// At most this many units are read from one query; the rest are ignored.
pub const MAX_UNITS: usize = 32;

/// Whether the query's last word is finished or still being typed.
///
/// A shared link or a submitted query is [`LastWord::Complete`]: `oil` means the word
/// "oil", not "oilcake". While the search box has focus and the text does not end with a
/// space, the UI passes [`LastWord::BeingTyped`]: the last word (also the last word of an
/// unclosed phrase, `"oil pri`) then matches as a prefix, so results follow each keystroke.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum LastWord {
    /// The query is finished: every word matches whole.
    #[default]
    Complete,
    /// The last word is being typed: it also matches as a prefix.
    BeingTyped,
}

/// One word or phrase of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// Folded words; more than one means they must be adjacent, in order.
    pub words: Vec<String>,
    /// Excluded (`-word`).
    pub negated: bool,
    /// Quoted: no typo expansion.
    pub exact: bool,
    /// The query's last word while typing ([`LastWord::BeingTyped`]): the unit's last word
    /// also matches as a prefix (in a phrase, only its last word).
    pub prefix: bool,
}

/// A parsed query: an article must match every group; a group matches when any unit does.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextQuery {
    /// The groups.
    pub groups: Vec<Vec<Unit>>,
}

impl TextQuery {
    /// Parses a finished query ([`LastWord::Complete`]); see [`TextQuery::parse_with`].
    pub fn parse(query: &str) -> Self {
        Self::parse_with(query, LastWord::Complete)
    }

    /// Parses `query` leniently: an unclosed quote runs to the end (a phrase of what is
    /// typed), words without letters or digits are dropped, a dangling `OR` is ignored. With
    /// [`LastWord::BeingTyped`], the last unit's last word is a prefix unless the query ends
    /// with a space or a closing quote.
    pub fn parse_with(query: &str, last_word: LastWord) -> Self {
        let mut groups: Vec<Vec<Unit>> = Vec::new();
        let mut join_next = false;
        let mut units = 0;
        let ends_open = last_word == LastWord::BeingTyped
            && !query.is_empty()
            && !query.ends_with(' ')
            && !ends_with_closing_quote(query);
        let mut rest = query;
        while units < MAX_UNITS {
            rest = rest.trim_start_matches(' ');
            if rest.is_empty() {
                break;
            }
            let negated = rest.starts_with('-') && rest.len() > 1;
            let body = if negated { &rest[1..] } else { rest };
            let (raw, exact, after) = if let Some(inside) = body.strip_prefix('"') {
                let end = inside.find('"').unwrap_or(inside.len());
                // An unclosed phrase runs to the end of the query: `after` is empty.
                (&inside[..end], true, inside.get(end + 1..).unwrap_or(""))
            } else {
                let end = body.find([' ', '"']).unwrap_or(body.len());
                (&body[..end], false, &body[end..])
            };
            rest = after;
            if !exact && !negated && raw == "OR" {
                join_next = !groups.is_empty();
                continue;
            }
            let mut words = Vec::new();
            for_each_word(raw, ByteSpan::new(0, raw.len()), |_, folded| {
                words.push(folded.to_string())
            });
            if words.is_empty() {
                continue;
            }
            units += 1;
            let unit = Unit {
                words,
                negated,
                exact,
                prefix: ends_open && rest.is_empty(),
            };
            match groups.last_mut() {
                Some(group) if join_next => group.push(unit),
                _ => groups.push(vec![unit]),
            }
            join_next = false;
        }
        Self { groups }
    }

    /// Whether there is nothing to search for.
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// Whether some unit must be present (so BM25 has something to rank by).
    pub fn has_positive(&self) -> bool {
        self.groups.iter().flatten().any(|u| !u.negated)
    }
}

/// How a filter chip names a query: in curly quotes, or as typed when the query has quotes
/// of its own (a phrase), which a second pair would only blur (“"oil prices"”).
pub fn chip_label(query: &str) -> String {
    if query.contains('"') {
        query.to_string()
    } else {
        format!("“{query}”")
    }
}

/// Whether `query` ends by closing a phrase (an even number of quotes, the last one final).
fn ends_with_closing_quote(query: &str) -> bool {
    query.ends_with('"') && query.matches('"').count().is_multiple_of(2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chip_quotes_words_once() {
        assert_eq!(chip_label("oil prices"), "“oil prices”");
        assert_eq!(chip_label("\"oil prices\""), "\"oil prices\"");
        assert_eq!(chip_label("\"oil prices\" -opec"), "\"oil prices\" -opec");
    }

    fn unit(words: &[&str]) -> Unit {
        Unit {
            words: words.iter().map(|w| w.to_string()).collect(),
            negated: false,
            exact: false,
            prefix: false,
        }
    }

    #[test]
    fn words_are_separate_groups() {
        let q = TextQuery::parse("Border Mission ");
        assert_eq!(
            q.groups,
            [vec![unit(&["border"])], vec![unit(&["mission"])]]
        );
    }

    #[test]
    fn the_last_word_is_a_prefix_only_while_typing() {
        let typing = TextQuery::parse_with("border miss", LastWord::BeingTyped);
        assert!(!typing.groups[0][0].prefix);
        assert!(typing.groups[1][0].prefix);
        let finished = TextQuery::parse("border miss");
        assert!(!finished.groups[1][0].prefix, "a link is a finished query");
        let spaced = TextQuery::parse_with("border miss ", LastWord::BeingTyped);
        assert!(!spaced.groups[1][0].prefix, "a space finishes the word");
    }

    #[test]
    fn quotes_make_an_exact_phrase_even_unclosed() {
        let q = TextQuery::parse("\"border mission\" \"CSTO leaves");
        assert_eq!(q.groups[0][0].words, ["border", "mission"]);
        assert!(q.groups[0][0].exact);
        assert_eq!(q.groups[1][0].words, ["csto", "leaves"]);
        assert!(!q.groups[1][0].prefix);
    }

    #[test]
    fn an_unclosed_phrase_being_typed_ends_with_a_prefix() {
        let q = TextQuery::parse_with("\"oil pri", LastWord::BeingTyped);
        assert_eq!(q.groups[0][0].words, ["oil", "pri"]);
        assert!(q.groups[0][0].exact && q.groups[0][0].prefix);
        let closed = TextQuery::parse_with("\"oil pri\"", LastWord::BeingTyped);
        assert!(!closed.groups[0][0].prefix, "a closed phrase is finished");
    }

    #[test]
    fn a_minus_excludes_and_or_joins() {
        let q = TextQuery::parse("armenia OR azerbaijan -russia ");
        assert_eq!(q.groups.len(), 2);
        assert_eq!(q.groups[0].len(), 2);
        assert_eq!(q.groups[0][1].words, ["azerbaijan"]);
        assert!(q.groups[1][0].negated);
    }

    #[test]
    fn punctuation_words_and_dangling_or_are_dropped() {
        let q = TextQuery::parse("OR -- ... OR");
        assert!(q.is_empty());
        let q = TextQuery::parse("U.S.");
        assert_eq!(q.groups[0][0].words, ["u", "s"]);
    }

    #[test]
    fn long_queries_are_capped() {
        let q = TextQuery::parse(&"word ".repeat(1000));
        assert_eq!(q.groups.len(), MAX_UNITS);
    }
}

//! The text query language (grammar in [`filter`](super::filter)'s module doc): words,
//! "exact phrases", `-exclusions` and `OR`, parsed into groups of units.

use crate::index::fold::for_each_word;
use crate::span::ByteSpan;

/// At most this many units are read from one query; the rest are ignored.
pub const MAX_UNITS: usize = 32;

/// One word or phrase of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// Folded words; more than one means they must be adjacent, in order.
    pub words: Vec<String>,
    /// Excluded (`-word`).
    pub negated: bool,
    /// Quoted: no prefix or typo expansion.
    pub exact: bool,
    /// The last word of the query while typing: also matches as a prefix.
    pub prefix: bool,
}

/// A parsed query: an article must match every group; a group matches when any unit does.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextQuery {
    /// The groups.
    pub groups: Vec<Vec<Unit>>,
}

impl TextQuery {
    /// Parses `query` leniently: an unclosed quote runs to the end, words without letters or
    /// digits are dropped, a dangling `OR` is ignored.
    pub fn parse(query: &str) -> Self {
        let mut groups: Vec<Vec<Unit>> = Vec::new();
        let mut join_next = false;
        let mut units = 0;
        let ends_open = !query.ends_with([' ', '"']) && !query.is_empty();
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
                prefix: !exact && ends_open && rest.is_empty(),
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

#[cfg(test)]
mod tests {
    use super::*;

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
    fn the_last_word_is_a_prefix_while_typing() {
        let q = TextQuery::parse("border miss");
        assert!(!q.groups[0][0].prefix);
        assert!(q.groups[1][0].prefix);
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

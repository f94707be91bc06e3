//! Quoted spans: where quotation marks open and close.
//!
//! Double marks (`"…"`, `“…”`, `«…»`, `„…“`) delimit quotations; single curly marks
//! (`‘…’`) only nest inside them (a `’` is far more often an apostrophe), unless the article
//! quotes in the British style, with single marks and no double ones at all. A paragraph that ends inside a quotation continues into the next paragraph
//! when that one opens with a mark, as news style does for multi-paragraph speech; otherwise
//! the quotation ends at its last closing mark, or at the paragraph end, so an unbalanced
//! mark never swallows the rest of the article. One pass over the tokens: linear.

use super::super::structure::{Document, TokenKind};
use super::cues::is_capitalised;
use crate::span::ByteSpan;
use std::ops::Range;

/// A stretch of text between quotation marks, marks included.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quoted {
    /// From the opening mark through the closing mark (or the paragraph end when unclosed).
    pub span: ByteSpan,
    /// Token index of the opening mark.
    pub open: usize,
    /// Token index of the closing mark, or of the last token when the quote is unclosed.
    pub close: usize,
    /// Whether a closing mark ends it.
    pub closed: bool,
}

impl Quoted {
    /// Token indices strictly between the marks.
    pub fn inner(&self) -> Range<usize> {
        let end = if self.closed {
            self.close
        } else {
            self.close + 1
        };
        (self.open + 1)..end.max(self.open + 1)
    }
}

/// What a token does as a quotation mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    /// `“`, `«`, `„`: opens.
    Open,
    /// `”`, `»`: closes.
    Close,
    /// `"`: opens or closes depending on state and spacing.
    Straight,
}

/// Whether token `i` may be a quotation mark: every mark starts with `"` or one of these
/// lead bytes, read straight from the text without slicing the token's.
#[inline]
fn may_be_mark(doc: &Document<'_>, i: usize) -> bool {
    let first = doc.tokens[i].span.start;
    matches!(
        doc.text.as_bytes().get(first),
        Some(b'"' | 0xC2 | 0xE2 | 0xEF)
    )
}

/// The tokens that may be quotation marks, in order: one cheap pass over the article, after
/// which only these are looked at. Most articles have none.
pub fn candidates(doc: &Document<'_>) -> Vec<usize> {
    (0..doc.tokens.len())
        .filter(|&i| may_be_mark(doc, i) && !is_nickname_mark(doc, i))
        .collect()
}

/// Whether token `i` is a quotation mark around a nickname inside a name (`Marcia "Cia"
/// Price`): one capitalised word between the marks, a capitalised word on either side. No
/// quote, and no end to the clause around it.
pub fn is_nickname_mark(doc: &Document<'_>, i: usize) -> bool {
    let mark = |j: usize| {
        j < doc.tokens.len() && matches!(doc.token_str(j), "\"" | "“" | "”" | "'" | "‘" | "’")
    };
    let capitalised = |j: usize| {
        j < doc.tokens.len()
            && doc.tokens[j].kind == TokenKind::Word
            && is_capitalised(doc.token_str(j))
    };
    let around = |open: usize| {
        open > 0
            && capitalised(open - 1)
            && mark(open)
            && capitalised(open + 1)
            && mark(open + 2)
            && capitalised(open + 3)
    };
    mark(i) && (around(i) || (i >= 2 && around(i - 2)))
}

/// What token `i` does as a quotation mark, if anything.
fn mark_at(doc: &Document<'_>, i: usize, single_outer: bool) -> Option<Mark> {
    if !may_be_mark(doc, i) {
        return None;
    }
    mark_of(doc.token_str(i), single_outer)
}

fn mark_of(token: &str, single_outer: bool) -> Option<Mark> {
    match token {
        "“" | "«" | "„" => Some(Mark::Open),
        "”" | "»" => Some(Mark::Close),
        "\"" | "＂" => Some(Mark::Straight),
        "‘" if single_outer => Some(Mark::Open),
        "’" if single_outer => Some(Mark::Close),
        _ => None,
    }
}

/// Whether the article quotes with single curly marks (‘…’, British style): it has some
/// and no double marks at all. Then `‘` opens and a free-standing `’` closes; inside
/// words (`don’t`) the tokenizer keeps `’` as part of the word.
fn quotes_with_single_marks(doc: &Document<'_>, candidates: &[usize]) -> bool {
    let mut single = false;
    for &i in candidates {
        match doc.token_str(i) {
            "“" | "”" | "«" | "»" | "„" | "\"" | "＂" => return false,
            "‘" => single = true,
            _ => {}
        }
    }
    single
}

/// Whether token `i` sits tight against the token before it (no space between).
fn glued_left(doc: &Document<'_>, i: usize) -> bool {
    i > 0 && doc.tokens[i - 1].span.end == doc.tokens[i].span.start
}

/// Whether token `i` sits tight against the token after it.
fn glued_right(doc: &Document<'_>, i: usize) -> bool {
    doc.tokens
        .get(i + 1)
        .is_some_and(|next| doc.tokens[i].span.end == next.span.start)
}

/// The role a mark plays here: a curly mark typed the wrong way round is read by its
/// spacing (`word,“ ` closes, ` ”word` opens).
fn effective_mark(doc: &Document<'_>, i: usize, mark: Mark) -> Mark {
    let left = glued_left(doc, i);
    let right = glued_right(doc, i);
    match mark {
        Mark::Open if left && !right => Mark::Close,
        Mark::Close if !left && right => Mark::Open,
        other => other,
    }
}

/// The token range of each paragraph, read off the sentences (which never cross one).
pub fn paragraph_tokens(doc: &Document<'_>) -> Vec<Range<usize>> {
    let mut ranges: Vec<Option<Range<usize>>> = vec![None; doc.paragraphs.len()];
    for sentence in &doc.sentences {
        if let Some(slot) = ranges.get_mut(sentence.paragraph) {
            let range = slot.get_or_insert(sentence.tokens.clone());
            range.end = range.end.max(sentence.tokens.end);
        }
    }
    // A paragraph without tokens gets the empty range where its tokens would be.
    let mut at = 0;
    ranges
        .into_iter()
        .map(|range| {
            let range = range.unwrap_or(at..at);
            at = range.end;
            range
        })
        .collect()
}

/// An open quotation while scanning.
struct Open {
    start_token: usize,
    straight: bool,
    depth: usize,
    last_close: Option<usize>,
}

/// Every quoted span of `doc`, in text order, never overlapping. `candidates` are the
/// tokens that may be marks ([`candidates`]).
pub fn find(doc: &Document<'_>, paragraphs: &[Range<usize>], candidates: &[usize]) -> Vec<Quoted> {
    let mut out = Vec::new();
    let mut open: Option<Open> = None;
    let single_outer = quotes_with_single_marks(doc, candidates);
    for (index, range) in paragraphs.iter().enumerate() {
        let mut skip = None;
        if let Some(o) = open.as_mut() {
            // Continued from the previous paragraph: its re-opening mark belongs to it.
            skip = Some(range.start);
            o.depth = 0;
        }
        let first = candidates.partition_point(|&c| c < range.start);
        let end = candidates.partition_point(|&c| c < range.end);
        for &i in &candidates[first..end] {
            if Some(i) == skip {
                continue;
            }
            let Some(mark) = mark_at(doc, i, single_outer) else {
                continue;
            };
            let mark = effective_mark(doc, i, mark);
            open = step(doc, open, i, mark, &mut out);
        }
        let Some(o) = open.take() else {
            continue;
        };
        let next_opens = paragraphs.get(index + 1).is_some_and(|next| {
            next.start < next.end
                && matches!(
                    mark_at(doc, next.start, single_outer),
                    Some(Mark::Open | Mark::Straight)
                )
        });
        if next_opens && range.end > range.start {
            open = Some(o);
        } else {
            let close = o.last_close.filter(|&c| c > o.start_token);
            let end_token = close.unwrap_or(range.end.saturating_sub(1).max(o.start_token));
            out.push(quoted(doc, o.start_token, end_token, close.is_some()));
        }
    }
    if let Some(o) = open {
        let last = doc.tokens.len().saturating_sub(1).max(o.start_token);
        out.push(quoted(doc, o.start_token, last, false));
    }
    out
}

/// Advances the scanner over one mark.
fn step(
    doc: &Document<'_>,
    open: Option<Open>,
    i: usize,
    mark: Mark,
    out: &mut Vec<Quoted>,
) -> Option<Open> {
    let Some(mut o) = open else {
        // A straight mark with space after it and text glued before is a stray closer.
        let stray = mark == Mark::Close
            || (mark == Mark::Straight && glued_left(doc, i) && !glued_right(doc, i));
        return (!stray).then_some(Open {
            start_token: i,
            straight: mark == Mark::Straight,
            depth: 0,
            last_close: None,
        });
    };
    let closes = match mark {
        Mark::Open => {
            o.depth += 1;
            false
        }
        Mark::Close if o.depth > 0 => {
            o.depth -= 1;
            o.last_close = Some(i);
            false
        }
        Mark::Close => true,
        // Inside a curly quotation a straight mark closes only where a closer would stand.
        Mark::Straight => o.straight || (o.depth == 0 && glued_left(doc, i)),
    };
    if closes {
        out.push(quoted(doc, o.start_token, i, true));
        return None;
    }
    Some(o)
}

fn quoted(doc: &Document<'_>, open: usize, close: usize, closed: bool) -> Quoted {
    Quoted {
        span: ByteSpan::new(doc.tokens[open].span.start, doc.tokens[close].span.end),
        open,
        close,
        closed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str) -> Vec<&str> {
        let doc = Document::parse(text, ByteSpan::new(0, text.len()));
        let paragraphs = paragraph_tokens(&doc);
        find(&doc, &paragraphs, &candidates(&doc))
            .into_iter()
            .map(|q| q.span.slice(text))
            .collect()
    }

    #[test]
    fn straight_and_curly_quotes_include_their_marks() {
        assert_eq!(
            spans("\"We agree,\" he said. “No,” she said."),
            ["\"We agree,\"", "“No,”"]
        );
    }

    #[test]
    fn nested_single_and_double_quotes_stay_inside_the_outer_quote() {
        assert_eq!(
            spans("“He told me ‘go’ and “stay” then,” she said."),
            ["“He told me ‘go’ and “stay” then,”"]
        );
    }

    #[test]
    fn a_quote_continues_into_a_paragraph_that_reopens_it() {
        let text = "“First part.\n\n“Second part,” he said.\n\nAfter.";
        assert_eq!(spans(text), ["“First part.\n\n“Second part,”"]);
    }

    #[test]
    fn an_unclosed_quote_stops_at_its_paragraph() {
        let text = "He said \"never mind.\n\nA new paragraph \"with a quote\" here.";
        assert_eq!(spans(text), ["\"never mind.", "\"with a quote\""]);
    }

    #[test]
    fn a_stray_extra_opener_ends_at_the_last_closer() {
        assert_eq!(
            spans("“One “two” three” four “five” end“ six"),
            ["“One “two” three”", "“five”"]
        );
    }

    #[test]
    fn british_single_marks_quote_when_there_are_no_double_marks() {
        assert_eq!(
            spans("‘We don’t agree,’ she said. The ministers’ talks ended."),
            ["‘We don’t agree,’"]
        );
        assert_eq!(spans("He said ‘no’ and “yes,” she said."), ["“yes,”"]);
    }
}

//! The tagger's view of a document: the structure tokens re-cut where names end inside
//! them (a possessive `'s`, an agency glued to the first sentence as in `ArmInfo.The`),
//! grouped in sentences, plus a per-token lowercase hash the features and the gazetteer share.

use super::hashing::{hash_str_lower, mix};
use crate::extract::structure::{Document, TokenKind};
use crate::span::ByteSpan;
use std::ops::Range;

/// One token as the tagger sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NerToken {
    /// Where it is.
    pub span: ByteSpan,
    /// Hash of its lowercase text.
    pub lower: u64,
}

/// A document cut into tagger tokens and sentences.
#[derive(Debug, Clone, Default)]
pub struct NerText {
    /// Tokens in text order.
    pub tokens: Vec<NerToken>,
    /// Sentences as ranges of `tokens`.
    pub sentences: Vec<Range<usize>>,
}

impl NerText {
    /// Re-cuts the tokens of `doc`.
    pub fn new(doc: &Document<'_>) -> Self {
        let text = doc.text;
        let glued_end = doc.dateline.as_ref().map(|d| d.span.end);
        let mut tokens = Vec::with_capacity(doc.tokens.len() + doc.tokens.len() / 16);
        let mut sentences = Vec::with_capacity(doc.sentences.len());
        for sentence in &doc.sentences {
            let first = tokens.len();
            for token in &doc.tokens[sentence.tokens.clone()] {
                let mut push = |span: ByteSpan| {
                    tokens.push(NerToken {
                        span,
                        lower: hash_str_lower(span.slice(text)),
                    });
                };
                match recut(text, token.span, token.kind, glued_end) {
                    Some(pieces) => pieces.into_iter().for_each(push),
                    None => push(token.span),
                }
            }
            if tokens.len() > first {
                sentences.push(first..tokens.len());
            }
        }
        Self { tokens, sentences }
    }

    /// Hash of the lowercase token sequence `range` (what gazetteer entries are keyed by).
    pub fn sequence_hash(&self, range: Range<usize>) -> u64 {
        sequence_hash(self.tokens[range].iter().map(|t| t.lower))
    }
}

/// Whether a token is a word (has a letter or digit), not punctuation inside a name.
pub fn is_word(token: &str) -> bool {
    token.chars().any(char::is_alphanumeric)
}

/// Hash of a sequence of lowercase token hashes.
pub fn sequence_hash(lowers: impl Iterator<Item = u64>) -> u64 {
    lowers.fold(0x5EED, mix)
}

/// The pieces of one structure token when it must be cut: at most three (`ArmInfo` `.`
/// `The`, `Porsche` `'s`); `None` (nearly always) when it stays whole.
fn recut(text: &str, span: ByteSpan, kind: TokenKind, glued_end: Option<usize>) -> Option<Pieces> {
    if kind != TokenKind::Word {
        return None;
    }
    let mut pieces = Pieces::default();
    // A dateline that ends inside the token: "ArmInfo." + "The".
    if let Some(end) = glued_end.filter(|&e| e > span.start && e < span.end) {
        let dot = end - 1;
        if text.as_bytes().get(dot) == Some(&b'.') && dot > span.start {
            pieces.push(ByteSpan::new(span.start, dot));
            pieces.push(ByteSpan::new(dot, end));
            pieces.push(ByteSpan::new(end, span.end));
            return Some(pieces);
        }
    }
    let word = span.slice(text);
    // A possessive: "Porsche's" → "Porsche" + "'s". Most words end otherwise.
    if !matches!(word.as_bytes().last(), Some(b's' | b'S')) {
        return None;
    }
    for ending in ["'s", "’s", "'S", "’S"] {
        if let Some(stem) = word.strip_suffix(ending)
            && stem.chars().next().is_some_and(char::is_alphanumeric)
        {
            let cut = span.start + stem.len();
            pieces.push(ByteSpan::new(span.start, cut));
            pieces.push(ByteSpan::new(cut, span.end));
            return Some(pieces);
        }
    }
    None
}

/// Up to three spans without allocating.
#[derive(Debug, Default)]
struct Pieces {
    spans: [ByteSpan; 3],
    len: usize,
}

impl Pieces {
    fn push(&mut self, span: ByteSpan) {
        if self.len < self.spans.len() && !span.is_empty() {
            self.spans[self.len] = span;
            self.len += 1;
        }
    }
}

impl IntoIterator for Pieces {
    type Item = ByteSpan;
    type IntoIter = std::iter::Take<std::array::IntoIter<ByteSpan, 3>>;
    fn into_iter(self) -> Self::IntoIter {
        self.spans.into_iter().take(self.len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        let doc = Document::parse(text, ByteSpan::new(0, text.len()));
        let ner = NerText::new(&doc);
        ner.tokens.iter().map(|t| t.span.slice(text)).collect()
    }

    #[test]
    fn possessives_are_cut_off_names() {
        assert_eq!(
            words("Porsche's sales and ArmInfo’s question."),
            [
                "Porsche", "'s", "sales", "and", "ArmInfo", "’s", "question", "."
            ]
        );
    }

    #[test]
    fn a_glued_agency_is_its_own_token() {
        assert_eq!(
            words("ArmInfo.The CSTO stays."),
            ["ArmInfo", ".", "The", "CSTO", "stays", "."]
        );
    }

    #[test]
    fn lowercase_hash_ignores_case() {
        let text = "Armenia ARMENIA armenia";
        let doc = Document::parse(text, ByteSpan::new(0, text.len()));
        let ner = NerText::new(&doc);
        assert_eq!(ner.tokens[0].lower, ner.tokens[1].lower);
        assert_eq!(ner.tokens[1].lower, ner.tokens[2].lower);
    }
}

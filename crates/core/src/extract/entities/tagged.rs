//! For tests of the rules after the tagger: the names a text yields when the tagger reads
//! given words as names, so that a test states what the tagger read and what the rules
//! make of it.

use super::mentions::from_labels;
use super::model;
use super::tokens::NerText;
use crate::extract::EntityKind;
use crate::extract::structure::Document;
use crate::span::ByteSpan;

/// The names of `text` with their kinds, where the tagger read each `(words, kind)` as one
/// name (every occurrence of the words, as whole tokens joined by single spaces).
pub fn kinds(text: &str, tagged: &[(&str, EntityKind)]) -> Vec<(String, EntityKind)> {
    let doc = Document::parse(text, ByteSpan::new(0, text.len()));
    let ner = NerText::new(&doc);
    let word = |t: usize| ner.tokens[t].span.slice(text);
    let mut labels = vec![model::OUTSIDE; ner.tokens.len()];
    for (name, kind) in tagged {
        let n = name.split(' ').count();
        for t in 0..ner.tokens.len().saturating_sub(n - 1) {
            if (t..t + n).map(word).collect::<Vec<_>>().join(" ") == *name {
                labels[t] = model::begin(*kind);
                for label in &mut labels[t + 1..t + n] {
                    *label = model::inside(*kind);
                }
            }
        }
    }
    from_labels(&doc, &ner, &labels)
        .into_iter()
        .map(|m| (m.span.slice(text).to_string(), m.kind))
        .collect()
}

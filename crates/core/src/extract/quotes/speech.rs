//! Is a quoted span direct speech? Quotation marks also wrap titles of documents and works
//! ("the draft on "Declaration of …""), names and nicknames, and scare quotes around a word
//! or two inside the writer's own sentence. Direct speech instead stands on its own: it
//! opens a sentence or follows a colon or comma, starts with a capital, and carries a
//! speech cue ("he said") next to it.

use super::super::structure::{Document, TokenKind};
use super::cues::{introduces_title, is_capitalised, is_pronoun, is_speech_verb};
use super::marks::Quoted;
use std::ops::Range;

/// What stands right before the opening mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lead {
    /// Paragraph start, a sentence end, a colon, a dash or a bracket.
    Boundary,
    /// A comma ("he said, "…"").
    Comma,
    /// A word of the writer's own sentence (the word's token index).
    Word(usize),
}

fn lead(doc: &Document<'_>, quote: &Quoted, paragraph: &Range<usize>) -> Lead {
    if quote.open <= paragraph.start {
        return Lead::Boundary;
    }
    let before = quote.open - 1;
    // A line break inside the paragraph ends the writer's sentence like a full stop.
    let gap = doc
        .text
        .get(doc.tokens[before].span.end..doc.tokens[quote.open].span.start);
    if gap.is_some_and(|g| g.contains('\n')) {
        return Lead::Boundary;
    }
    match (doc.tokens[before].kind, doc.token_str(before)) {
        (TokenKind::Word | TokenKind::Number, _) => Lead::Word(before),
        (_, ",") => Lead::Comma,
        _ => Lead::Boundary,
    }
}

/// The words between the marks, and whether the first starts with a capital.
fn inner_words(doc: &Document<'_>, quote: &Quoted) -> (usize, bool) {
    let mut count = 0;
    let mut capitalised = None;
    for i in quote.inner() {
        if doc.tokens[i].kind != TokenKind::Punct {
            count += 1;
            if capitalised.is_none() {
                let word = doc.token_str(i);
                capitalised = Some(is_capitalised(word) || doc.tokens[i].kind == TokenKind::Number);
            }
        }
    }
    (count, capitalised.unwrap_or(false))
}

/// A quote inside the writer's own sentence is speech when it follows a speech verb
/// closely ("said that "…"", "said he is "…"") and is a long, finished utterance rather than
/// a scare-quoted term; a word that introduces a title or a term ("the draft on",
/// "called") rules it out.
fn is_reported_inside_sentence(
    doc: &Document<'_>,
    quote: &Quoted,
    lead_word: usize,
    paragraph: &Range<usize>,
    words: usize,
) -> bool {
    if introduces_title(doc.token_str(lead_word)) || !ends_finished(doc, quote) {
        return false;
    }
    // The further the verb, the longer the quote must be to count as speech.
    let needed = [7, 7, 13];
    (0..needed.len())
        .take_while(|back| lead_word >= paragraph.start + back)
        .map(|back| (lead_word - back, needed[back]))
        .take_while(|&(i, _)| !matches!(doc.token_str(i), "." | "?" | "!" | ";" | ","))
        .any(|(i, needed)| is_speech_verb(doc.token_str(i)) && words >= needed)
}

/// Whether the quote's last inner token ends a sentence (`…."`, `…?"`).
fn ends_sentence(doc: &Document<'_>, quote: &Quoted) -> bool {
    quote
        .inner()
        .last()
        .is_some_and(|i| matches!(doc.token_str(i), "." | "?" | "!" | "…"))
}

/// Whether the quote's last inner token is sentence or clause punctuation (`…,"`, `…."`).
fn ends_finished(doc: &Document<'_>, quote: &Quoted) -> bool {
    quote
        .inner()
        .last()
        .is_some_and(|i| matches!(doc.token_str(i), "." | "," | "?" | "!" | "…"))
}

/// Whether `quote` may be direct speech whatever its cue: not when it is empty, or when
/// the writer's own words lead into it without a speech verb. Cheap, so attribution is
/// only sought for the quotes that pass.
pub fn may_be_direct(doc: &Document<'_>, quote: &Quoted, paragraph: &Range<usize>) -> bool {
    let (words, _) = inner_words(doc, quote);
    match lead(doc, quote, paragraph) {
        _ if words == 0 => false,
        Lead::Word(i) => is_reported_inside_sentence(doc, quote, i, paragraph, words),
        Lead::Comma | Lead::Boundary => true,
    }
}

/// Whether the writer's sentence runs on after an unfinished quote (`"You squeezed
/// employees" to drive up …`): the quote is then a fragment of that sentence.
fn runs_on(doc: &Document<'_>, quote: &Quoted) -> bool {
    let next = quote.close + 1;
    quote.closed
        && !ends_finished(doc, quote)
        && doc
            .tokens
            .get(next)
            .is_some_and(|t| t.kind == TokenKind::Word)
        && !is_capitalised(doc.token_str(next))
        && !is_speech_verb(doc.token_str(next))
        && !is_pronoun(doc.token_str(next))
}

/// What is known around a quote when judging it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Context {
    /// A speech cue attributes it, on either side.
    pub has_cue: bool,
    /// The cue stands after it.
    pub after_cue: bool,
    /// Direct speech came earlier in the same paragraph ("…," Graham asked. "Neither do I.").
    pub continues: bool,
}

/// Whether `quote` is direct speech in its `context`.
pub fn is_direct(
    doc: &Document<'_>,
    quote: &Quoted,
    paragraph: &Range<usize>,
    context: Context,
) -> bool {
    let Context {
        has_cue,
        after_cue,
        continues,
    } = context;
    let (words, capitalised) = inner_words(doc, quote);
    if words == 0 || (!after_cue && runs_on(doc, quote)) {
        return false;
    }
    match lead(doc, quote, paragraph) {
        Lead::Word(i) => is_reported_inside_sentence(doc, quote, i, paragraph, words),
        // `he said, "we will…"`: a lowercase quote after a comma is speech when it finishes
        // a sentence; one ending on a comma is usually a fragment woven into the writer's.
        Lead::Comma if !capitalised => has_cue && words >= 4 && ends_sentence(doc, quote),
        Lead::Comma | Lead::Boundary => {
            has_cue || (capitalised && (words >= 4 || (continues && ends_finished(doc, quote))))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::marks::{candidates, find, paragraph_tokens};
    use super::*;
    use crate::span::ByteSpan;

    fn direct(text: &str, has_cue: bool) -> Vec<bool> {
        let d = Document::parse(text, ByteSpan::new(0, text.len()));
        let paragraphs = paragraph_tokens(&d);
        find(&d, &paragraphs, &candidates(&d))
            .iter()
            .map(|q| {
                let p = d.paragraph_at(q.span.start).unwrap();
                is_direct(
                    &d,
                    q,
                    &paragraphs[p],
                    Context {
                        has_cue,
                        after_cue: has_cue,
                        continues: false,
                    },
                )
            })
            .collect()
    }

    #[test]
    fn a_quoted_document_title_is_not_speech() {
        assert_eq!(
            direct(
                "He refused to sign the draft on \"Declaration of the Council on joint measures.\"",
                false
            ),
            [false]
        );
    }

    #[test]
    fn scare_quotes_inside_a_sentence_are_not_speech() {
        assert_eq!(
            direct("He called it a \"witch hunt\" again.", true),
            [false]
        );
    }

    #[test]
    fn a_sentence_opening_quote_with_a_cue_is_speech() {
        assert_eq!(direct("\"We will stay,\" he said.", true), [true]);
    }

    #[test]
    fn a_fragment_woven_into_the_writers_sentence_is_not_speech() {
        assert_eq!(
            direct(
                "\"You squeezed employees to the breaking point\" to drive up the stock.",
                false
            ),
            [false]
        );
    }

    #[test]
    fn a_full_sentence_after_said_that_is_speech() {
        assert_eq!(
            direct(
                "She said that \"we will not stop until every vote is counted.\"",
                false
            ),
            [true]
        );
    }
}

//! The subject that opens a clause: who speaks when the cue is a colon or a participle
//! ("Trump leaned in and boomed: "…"", "Warren endorsed Clinton, saying, "…""), read after
//! any introductory phrase ("In a statement, …", "Thursday, after …,").

use super::super::structure::{Document, TokenKind};
use super::phrase::{Phrase, read_right};

/// Words that open an introductory phrase ("In a statement, Zas said"), skipped up to its
/// comma when looking for the sentence subject.
fn opens_introduction(word: &str) -> bool {
    const WORDS: &[&str] = &[
        "in",
        "at",
        "on",
        "after",
        "during",
        "while",
        "when",
        "as",
        "before",
        "since",
        "speaking",
        "asked",
        "writing",
        "responding",
        "earlier",
        "later",
        "last",
        "meanwhile",
        "with",
        "following",
    ];
    WORDS.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// Tokens an introductory phrase may run to its comma.
const INTRODUCTION_WINDOW: usize = 32;

/// The comma closing the introductory phrase that opens the clause `floor..limit`, if one
/// does. An introduction can be long ("With Democratic leaders increasingly worried about a
/// lack of passion for Hillary Clinton among young black voters, President Obama …").
pub fn introduction_end(doc: &Document<'_>, floor: usize, limit: usize) -> Option<usize> {
    if floor >= limit || !opens_introduction(doc.token_str(floor)) {
        return None;
    }
    (floor..limit)
        .take(INTRODUCTION_WINDOW)
        .find(|&i| doc.token_str(i) == ",")
}

/// Where the clause `floor..limit` begins after an introductory phrase opening it ("In a
/// statement, …"); `None` when the introduction has no comma to close it.
fn after_introduction(doc: &Document<'_>, floor: usize, limit: usize) -> Option<usize> {
    if floor < limit && opens_introduction(doc.token_str(floor)) {
        introduction_end(doc, floor, limit).map(|comma| comma + 1)
    } else {
        Some(floor)
    }
}

/// The first token from `at` (not past `limit`) after the conjunctions and adverbs that may
/// open a clause before its subject ("But", "Still", "Also").
fn after_conjunctions(doc: &Document<'_>, mut at: usize, limit: usize) -> usize {
    while at < limit
        && matches!(
            doc.token_str(at),
            "But" | "And" | "So" | "Then" | "Still" | "Yet" | "Also"
        )
    {
        at += 1;
    }
    at
}

/// The subject that opens the clause `floor..limit`: a pronoun, a name, or a description,
/// after any introductory phrase; cut at the first lowercase word following it.
pub fn sentence_subject(doc: &Document<'_>, floor: usize, limit: usize) -> Option<Phrase> {
    let mut at = after_introduction(doc, floor, limit)?;
    // "Thursday, after remaining neutral, Warren appeared …": when no subject opens the
    // clause, the one after the next comma may (at most three tries).
    for _ in 0..3 {
        at = after_conjunctions(doc, at, limit);
        let end = (at + 1..limit)
            .find(|&i| !continues_subject(doc, i))
            .unwrap_or(limit);
        if let Some(subject) = read_right(doc, at, end, false) {
            return Some(subject);
        }
        at = next_comma(doc, at, limit)? + 1;
    }
    None
}

/// Lowercase words a described subject may hold after its determiner before its verb: `The
/// piece`, `The new state law`.
const DESCRIPTION_WINDOW: usize = 4;

/// A subject described in lowercase words after a determiner, up to its verb, opening the
/// clause `floor..limit` after any introductory phrase: `The piece used one of the woman's
/// quotes as its headline: "…"`, `The senior banker was strongly opposed …, saying: "…"`.
/// The verb is a past form or a helper (`is`, `has`); without one within a few words, no
/// subject is read. The last resort of an attribution, after every name and speech verb.
pub fn described_subject(doc: &Document<'_>, floor: usize, limit: usize) -> Option<Phrase> {
    let at = after_conjunctions(doc, after_introduction(doc, floor, limit)?, limit);
    if at >= limit {
        return None;
    }
    let first = doc.token_str(at);
    if !super::phrase::is_determiner(first) {
        return None;
    }
    let verb = (at + 1..limit).take(DESCRIPTION_WINDOW + 1).find(|&i| {
        let word = doc.token_str(i);
        doc.tokens[i].kind != TokenKind::Word
            || super::cues::is_capitalised(word)
            || word.ends_with("ed")
            || super::cues::is_verb_helper(word)
            || super::cues::is_speech_verb(word)
    })?;
    let word = doc.token_str(verb);
    // "The scheduling was so odd that a spokesman could only quip: "…"": the speaker is the
    // clause's after `that`, which no rule here reads.
    let subordinate = (verb..limit).any(|i| doc.token_str(i) == "that");
    let is_verb = doc.tokens[verb].kind == TokenKind::Word
        && !super::cues::is_capitalised(word)
        && verb > at + 1
        && !subordinate;
    is_verb
        .then(|| read_right(doc, at, verb, false))
        .flatten()
        .filter(|p| p.tokens.end == verb)
}

/// The first comma at or after `from`, within a dozen tokens and before `limit`.
fn next_comma(doc: &Document<'_>, from: usize, limit: usize) -> Option<usize> {
    (from..limit).take(12).find(|&i| doc.token_str(i) == ",")
}

/// Whether token `i` can continue a sentence-opening subject: capitalised words, titles,
/// "of", "the", and abbreviation periods ("Rep. Hakeem Jeffries").
pub fn continues_subject(doc: &Document<'_>, i: usize) -> bool {
    let word = doc.token_str(i);
    match doc.tokens[i].kind {
        TokenKind::Word => {
            super::cues::is_capitalised(word)
                || super::cues::is_title_word(word)
                || matches!(word, "of" | "the")
        }
        _ => word == ".",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::ByteSpan;

    /// The subject `read` finds in the whole of `text`.
    fn read_in(
        read: fn(&Document<'_>, usize, usize) -> Option<Phrase>,
        text: &str,
    ) -> Option<String> {
        let d = Document::parse(text, ByteSpan::new(0, text.len()));
        let p = read(&d, 0, d.tokens.len())?;
        Some(super::super::phrase::text(&d, p.tokens).to_string())
    }

    fn subject(text: &str) -> Option<String> {
        read_in(sentence_subject, text)
    }

    fn described(text: &str) -> Option<String> {
        read_in(described_subject, text)
    }

    #[test]
    fn the_subject_follows_an_introductory_phrase() {
        assert_eq!(
            subject("In a statement, Rep. Jane Doe reacted").as_deref(),
            Some("Rep. Jane Doe")
        );
        assert_eq!(
            subject("Thursday, after a pause, Warren appeared").as_deref(),
            Some("Warren")
        );
        assert_eq!(
            subject("With Democratic leaders worried, President Obama is rolling out").as_deref(),
            Some("President Obama")
        );
        assert_eq!(
            subject(
                "With Democratic leaders increasingly worried about a lack of passion for Hillary \
                 Clinton among young black voters, President Obama is rolling out"
            )
            .as_deref(),
            Some("President Obama")
        );
    }

    #[test]
    fn a_subject_described_in_lowercase_words_is_read_to_its_verb() {
        assert_eq!(
            described("The piece used one of the woman's quotes as its headline").as_deref(),
            Some("The piece")
        );
        assert_eq!(
            described("In June, the new state law is clear").as_deref(),
            Some("the new state law")
        );
        // No verb within a few words: no subject.
        assert_eq!(
            described("The piece of paper on the table in the hall"),
            None
        );
        // A name is no description; a clause after `that` has its own subject.
        assert_eq!(described("Zas said"), None);
        assert_eq!(
            described("The scheduling was so odd that a spokesman could only quip"),
            None
        );
    }

    #[test]
    fn a_pronoun_subject_is_found() {
        assert_eq!(
            subject("He also played up his strength").as_deref(),
            Some("He")
        );
    }
}

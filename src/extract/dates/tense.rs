//! Which way a sentence looks from the article's date, from the words before a time
//! expression: `will meet Friday`, `would leave on Monday` (ahead), `since February`,
//! `fired in July`, `stepped down in March` (back), `says Friday` (no cue).
//!
//! The nearest cue decides, so `he will go, he said Friday` is the Friday before. A past
//! participle after `be`, `been` or `to` is passive or infinitive, not a past event (`will be
//! named in December` looks ahead), so it is skipped.

use super::lexicon;
use super::normalise::Tense;
use crate::extract::structure::Document;

/// How many tokens before the expression are read for a cue: a clause, which can be long
/// (`will be named commander of the Space Shuttle Columbia for a mission in December`).
const WINDOW: usize = 20;

/// Which way the words before token `at` in its sentence (from `first`) look: the nearest
/// cue decides.
pub fn of(doc: &Document<'_>, first: usize, at: usize) -> Tense {
    let from = at.saturating_sub(WINDOW).max(first);
    let lower_at = |i: usize, buf: &mut [u8; 16]| -> Option<usize> {
        let lower = lexicon::lower_bytes(doc.token_str(i).as_bytes(), buf)?;
        Some(lower.len())
    };
    for i in (from..at).rev() {
        let mut buf = [0u8; 16];
        let Some(len) = lower_at(i, &mut buf) else {
            continue;
        };
        let lower = &buf[..len];
        // The word before is read only for the few words whose meaning it changes: this
        // look-back runs for every date expression.
        let previous_in = |words: &[&[u8]]| {
            let mut before = [0u8; 16];
            i.checked_sub(1)
                .filter(|&p| p >= first)
                .and_then(|p| lower_at(p, &mut before))
                .is_some_and(|n| words.contains(&&before[..n]))
        };
        // `as early as Tuesday`, `as soon as Friday`: the earliest of what is still ahead.
        if lower == b"as" && previous_in(&[b"early", b"soon"]) {
            return Tense::Future;
        }
        // `set to resume Monday`.
        if lower == b"set" && doc.token_str(i + 1) == "to" {
            return Tense::Future;
        }
        // `payable Jan. 2 to stock of record Dec. 15`: a dividend's dates lie ahead.
        if lower == b"record" && previous_in(&[b"of"]) {
            return Tense::Future;
        }
        // `guidelines to be published in November`: what is still to be done lies ahead.
        if lower == b"be" && previous_in(&[b"to"]) {
            return Tense::Future;
        }
        const PASSIVE_OR_INFINITIVE: &[&[u8]] = &[b"be", b"been", b"being", b"to"];
        match cue(lower) {
            Some(Tense::Past) if previous_in(PASSIVE_OR_INFINITIVE) => {}
            Some(tense) => return tense,
            None if is_past_form(lower) => {
                let written_lowercase = doc.token_str(i).bytes().all(|b| !b.is_ascii_uppercase());
                // `a still unspecified date`: after a determiner an -ed word describes a noun.
                let adjective = previous_in(&[b"a", b"an", b"the", b"still", b"its", b"their"]);
                if written_lowercase && !adjective && !previous_in(PASSIVE_OR_INFINITIVE) {
                    return Tense::Past;
                }
            }
            None => {}
        }
    }
    Tense::Unknown
}

/// The tense a lowercased word sets, if it is a listed cue. One `match` rather than lists to
/// search, as every word before every expression is asked.
fn cue(lower: &[u8]) -> Option<Tense> {
    if lower.ends_with(b"'ll") {
        return Some(Tense::Future);
    }
    match lower {
        // The sentence speaks of the future, so `Friday` is the coming one.
        b"will" | b"would" | b"shall" | b"won't" | b"scheduled" | b"planned" | b"plans"
        | b"plan" | b"planning" | b"expected" | b"expects" | b"due" | b"upcoming" | b"until"
        | b"soon" | b"postponed" | b"delayed" | b"slated" | b"resume" | b"resumes"
        | b"anticipated" | b"projected" | b"payable" | b"effective" => Some(Tense::Future),
        // A date after them lies before the article's (`since February`, `fired in July`).
        b"since" | b"began" | b"begun" | b"started" | b"ago" | b"said" | b"told" | b"was"
        | b"were" | b"had" | b"met" | b"made" | b"came" | b"went" | b"took" | b"gave" | b"left"
        | b"held" | b"fell" | b"rose" | b"grew" | b"paid" | b"sold" | b"bought" | b"won"
        | b"lost" | b"got" | b"saw" | b"became" | b"ran" | b"wrote" | b"spent" | b"sent"
        | b"brought" | b"struck" | b"found" | b"fought" | b"led" | b"broke" | b"spoke"
        | b"stood" | b"kept" | b"felt" | b"built" | b"chose" | b"sought" => Some(Tense::Past),
        // Present reporting (`says Friday`) looks neither way.
        b"says" | b"say" | b"tells" | b"is" | b"are" | b"am" => Some(Tense::Unknown),
        _ => None,
    }
}

/// A regular past form (`fired`, `stepped`, `announced`), short of the words that only end
/// like one (`indeed`, `hundred`) or describe rather than narrate (`limited`, `based`).
fn is_past_form(lower: &[u8]) -> bool {
    const NOT_PAST: &[&[u8]] = &[
        b"indeed",
        b"hundred",
        b"proceed",
        b"exceed",
        b"succeed",
        b"speed",
        b"based",
        b"related",
        b"limited",
        b"proposed",
        b"supposed",
        b"united",
        b"detailed",
        b"advanced",
        b"concerned",
        b"interested",
        b"estimated",
        b"seasonally",
        b"adjusted",
        b"listed",
        b"owned",
        b"unchanged",
        b"unexpected",
        b"combined",
        b"needed",
        b"required",
        b"dated",
        b"fixed",
    ];
    lower.len() >= 5 && lower.ends_with(b"ed") && !NOT_PAST.contains(&lower)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::ByteSpan;

    fn tense_before_last_word(text: &str) -> Tense {
        let doc = Document::parse(text, ByteSpan::new(0, text.len()));
        let last = doc.tokens.len() - 1;
        of(&doc, 0, last)
    }

    #[test]
    fn the_nearest_cue_decides() {
        for (text, tense) in [
            ("They will meet on Friday", Tense::Future),
            ("Prices rose since February", Tense::Past),
            ("He will go, he said Friday", Tense::Past),
            ("He says Friday", Tense::Unknown),
            ("They met Friday", Tense::Past),
            ("The official was fired in July", Tense::Past),
            ("He stepped down as chairman in March", Tense::Past),
            (
                "Two new flights would leave Bombay on Monday",
                Tense::Future,
            ),
            ("The peace process, set to resume Monday", Tense::Future),
            (
                "He could come to the U.S. as early as Tuesday",
                Tense::Future,
            ),
            (
                "The company declared a dividend payable Dec. 1",
                Tense::Future,
            ),
            (
                "It declared a dividend payable Jan. 2 to stock of record Dec. 15",
                Tense::Future,
            ),
            ("The dividend will be paid Dec. 14", Tense::Future),
            ("A ceremony would still be held on April 24", Tense::Future),
            (
                "Final guidelines to be published in November",
                Tense::Future,
            ),
            (
                "It would be paid on a still unspecified date in January",
                Tense::Future,
            ),
            (
                "Conseco said it is calling for the redemption on Dec. 7",
                Tense::Unknown,
            ),
        ] {
            assert_eq!(tense_before_last_word(text), tense, "{text}");
        }
    }

    #[test]
    fn a_passive_or_infinitive_participle_is_no_past_event() {
        assert_eq!(
            tense_before_last_word(
                "Collins will be named commander of the Space Shuttle Columbia for a mission in December"
            ),
            Tense::Future
        );
        assert_eq!(
            tense_before_last_word("The plant is to be closed in March"),
            Tense::Future
        );
    }

    #[test]
    fn capitalised_words_that_end_like_past_forms_are_names() {
        assert_eq!(
            tense_before_last_word("The United Nations meets in March"),
            Tense::Unknown
        );
    }
}

//! Which way a sentence looks from the article's date, from the words before a time
//! expression: `will meet Friday` (ahead), `since February` (back), `said Friday` (as said).

use super::lexicon;
use super::normalise::Tense;
use crate::extract::structure::Document;

/// Which way the words before token `at` in its sentence (from `first`) look: the nearest
/// cue decides.
pub fn of(doc: &Document<'_>, first: usize, at: usize) -> Tense {
    let from = at.saturating_sub(12).max(first);
    for i in (from..at).rev() {
        let mut buf = [0u8; 16];
        let Some(lower) = lexicon::lower_bytes(doc.token_str(i).as_bytes(), &mut buf) else {
            continue;
        };
        if let Some(tense) = cue(lower) {
            return tense;
        }
    }
    Tense::Unknown
}

/// The tense a lowercased word sets, if it is a cue. One `match` rather than lists to
/// search, as every word before every expression is asked.
fn cue(lower: &[u8]) -> Option<Tense> {
    if lower.ends_with(b"'ll") {
        return Some(Tense::Future);
    }
    match lower {
        // The sentence speaks of the future, so `Friday` is the coming one.
        b"will" | b"shall" | b"won't" | b"scheduled" | b"planned" | b"plans" | b"plan"
        | b"expected" | b"expects" | b"due" | b"upcoming" | b"until" | b"soon" | b"postponed"
        | b"delayed" => Some(Tense::Future),
        // A date after them lies before the article's (`since February`).
        b"since" | b"began" | b"begun" | b"started" | b"ago" => Some(Tense::Past),
        // Reported speech and past events (`began` and `ago` too, read above): reported
        // speech looks back to when it was said, not to what it reports, so weekdays stay in
        // the past and months near the anchor.
        b"said" | b"says" | b"told" | b"was" | b"were" | b"had" | b"met" | b"made" | b"came"
        | b"went" | b"took" | b"gave" | b"left" | b"held" => Some(Tense::Unknown),
        _ => None,
    }
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
        assert_eq!(
            tense_before_last_word("They will meet on Friday"),
            Tense::Future
        );
        assert_eq!(
            tense_before_last_word("Prices rose since February"),
            Tense::Past
        );
        assert_eq!(
            tense_before_last_word("He will go, he said Friday"),
            Tense::Unknown
        );
        assert_eq!(tense_before_last_word("They met Friday"), Tense::Unknown);
    }
}

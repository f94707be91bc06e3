//! Which way a sentence looks from the article's date, from the words before a time
//! expression: `will meet Friday` (ahead), `since February` (back), `said Friday` (as said).

use super::lexicon;
use super::normalise::Tense;
use crate::extract::structure::Document;

/// Words after which a date lies before the article's (`since February`).
const SINCE_CUES: &[&str] = &["since", "began", "begun", "started", "ago"];

/// Words that make a sentence speak of the future, so `Friday` is the coming one.
const FUTURE_CUES: &[&str] = &[
    "will",
    "shall",
    "won't",
    "'ll",
    "scheduled",
    "planned",
    "plans",
    "plan",
    "expected",
    "expects",
    "due",
    "upcoming",
    "until",
    "soon",
    "postponed",
    "delayed",
];

/// Words of reported speech and past events: after them the sentence looks back again
/// (`said Friday`).
const PAST_CUES: &[&str] = &[
    "said", "says", "told", "was", "were", "had", "met", "made", "came", "went", "began", "took",
    "gave", "left", "held", "ago",
];

/// Which way the words before token `at` in its sentence (from `first`) look: the nearest
/// cue decides.
pub fn of(doc: &Document<'_>, first: usize, at: usize) -> Tense {
    let from = at.saturating_sub(12).max(first);
    for i in (from..at).rev() {
        let word = doc.token_str(i);
        let mut buf = [0u8; 16];
        let Some(lower) = lexicon::lower(word, &mut buf) else {
            continue;
        };
        if FUTURE_CUES.contains(&lower) || lower.ends_with("'ll") {
            return Tense::Future;
        }
        if SINCE_CUES.contains(&lower) {
            return Tense::Past;
        }
        if PAST_CUES.contains(&lower) {
            // Reported speech looks back to when it was said, not to what it reports:
            // weekdays stay in the past, months stay near the anchor.
            return Tense::Unknown;
        }
    }
    Tense::Unknown
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

//! A title in quotation marks names a work, a tour, an award or a slogan, not the person,
//! firm or place whose name is one of its words: `the album "A Beautiful Lie"`, `their
//! "Welcome to the Universe" tour`, `winning "Best Rock Video"`, `"Lawrence of Arabia"`. The
//! tagger reads the capitalised words inside one by one (`Universe` an organisation,
//! `Beautiful` a person, `Arabia` a place); the whole title is one miscellaneous name instead.
//!
//! A title is two to [`MAX_TITLE_WORDS`] words between an opening and a closing quotation
//! mark in one sentence: the first and the last capitalised, the others capitalised, numbers
//! or short joining words ([`JOINING_WORDS`]), with no mark inside but a possessive, an
//! ampersand or a hyphen. A speech quote is a clause, and its lower-case verbs end the scan.
//! The rule decides only where the names found are parts of the title and none reaches out
//! of it: where one name fills the quotes, its kind stands (`"Forrest Gump"` a film,
//! `"Janakantha"` a newspaper, `"Dream Team"`), and a title ending in an organisation word
//! is a firm's or a body's name quoted whole (`a unit called "Allegheny Credit Corp"`).

use super::gazetteer::{self, List};
use super::mentions::{Mention, gap_before, is_capitalised_word};
use super::tokens::{NerText, is_word};
use crate::extract::EntityKind;

/// Longest title, in words.
const MAX_TITLE_WORDS: usize = 6;

/// The lower-case words a title may hold between its capitalised ones.
const JOINING_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "by", "de", "for", "from", "in", "of", "on", "or", "the", "to",
    "with",
];

/// The token after the title's closing mark, if `open` opens a title: the title's tokens
/// are `open + 1..close`.
fn title_close(text: &str, ner: &NerText, open: usize, sentence_end: usize) -> Option<usize> {
    let word = |t: usize| ner.tokens[t].span.slice(text);
    let gap = |t: usize| gap_before(text, ner, t);
    let opens = match word(open) {
        "\u{201C}" => true,
        "\"" => open == 0 || !gap(open).is_empty(),
        _ => false,
    };
    if !opens || open + 1 >= sentence_end || !gap(open + 1).is_empty() {
        return None;
    }
    let mut words = 0;
    for t in open + 1..sentence_end {
        let w = word(t);
        let closes = match w {
            "\u{201D}" => true,
            "\"" => gap(t).is_empty(),
            _ => false,
        };
        if closes {
            let last = word(t - 1);
            return (words >= 2
                && last.starts_with(char::is_uppercase)
                && !gazetteer::contains_word(List::OrgWord, last))
            .then_some(t);
        }
        let fits = if matches!(w, "'s" | "’s" | "&" | "-") {
            true
        } else if is_word(w) {
            words += 1;
            is_capitalised_word(w)
                || w.starts_with(|c: char| c.is_ascii_digit())
                || (t > open + 1 && JOINING_WORDS.contains(&w))
        } else {
            false
        };
        if !fits || words > MAX_TITLE_WORDS {
            return None;
        }
    }
    None
}

/// Makes each quoted title whose words the tagger read as names of their own one
/// miscellaneous name.
pub fn apply(text: &str, ner: &NerText, mentions: &mut Vec<Mention>) {
    let mut titled: Vec<(usize, usize, Mention)> = Vec::new();
    let mut first = 0;
    for sentence in &ner.sentences {
        let mut open = sentence.start;
        while open < sentence.end {
            let Some(close) = title_close(text, ner, open, sentence.end) else {
                open += 1;
                continue;
            };
            let title = open + 1..close;
            open = close + 1;
            first += mentions[first..].partition_point(|m| m.tokens.end <= title.start);
            let inside = mentions[first..]
                .iter()
                .take_while(|m| m.tokens.start < title.end)
                .count();
            let found = &mentions[first..first + inside];
            let within = found
                .iter()
                .all(|m| m.tokens.start >= title.start && m.tokens.end <= title.end);
            let fills = found.len() == 1 && found[0].tokens == title;
            if found.is_empty() || !within || fills {
                continue;
            }
            let mention = Mention::over(ner, title, EntityKind::Misc);
            titled.push((first, first + inside, mention));
        }
    }
    // Back to front, so that the earlier ranges' indices still hold.
    for (from, to, mention) in titled.into_iter().rev() {
        mentions.splice(from..to, [mention]);
    }
}

#[cfg(test)]
mod tests {
    use super::super::tagged::kinds;
    use super::*;
    use EntityKind::{Misc, Organization as Org, Person, Place};

    /// Names the tagger read, as `(words, kind)`.
    type Tagged<'t> = &'t [(&'t str, EntityKind)];

    fn owned(names: Tagged<'_>) -> Vec<(String, EntityKind)> {
        names.iter().map(|(n, k)| (n.to_string(), *k)).collect()
    }

    #[test]
    fn a_quoted_title_whose_words_were_read_as_names_is_one_miscellany() {
        let cases: &[(&str, Tagged<'_>, &str)] = &[
            (
                "The band began their \"Welcome to the Universe\" tour in May.",
                &[("Universe", Org)],
                "Welcome to the Universe",
            ),
            (
                "Their second album, \u{201C}A Beautiful Lie\u{201D}, sold well.",
                &[("Beautiful Lie", Person)],
                "A Beautiful Lie",
            ),
            (
                "He won \"Best Rock Video\" twice.",
                &[("Best Rock", Org), ("Video", Org)],
                "Best Rock Video",
            ),
            (
                "She starred in \"Lawrence of Arabia\" and more.",
                &[("Lawrence", Person), ("Arabia", Place)],
                "Lawrence of Arabia",
            ),
            (
                "The song \"Occam's Razor\" closed the show.",
                &[("Occam", Person)],
                "Occam's Razor",
            ),
        ];
        for (text, tagged, title) in cases {
            assert_eq!(kinds(text, tagged), owned(&[(title, Misc)]), "{text}");
        }
    }

    #[test]
    fn a_quoted_name_speech_or_firm_keeps_the_taggers_names() {
        let cases: &[(&str, Tagged<'_>)] = &[
            // One name fills the quotes: the tagger's reading stands.
            (
                "The film \"Forrest Gump\" won.",
                &[("Forrest Gump", Person)],
            ),
            // A nickname is one word.
            (
                "Robert \"Bobby\" Scott said so.",
                &[("Robert", Person), ("Bobby", Org), ("Scott", Person)],
            ),
            // Speech: a verb in lower case is no title's word.
            (
                "\"Baker wants Tokyo to act,\" he said.",
                &[("Baker", Person), ("Tokyo", Place)],
            ),
            // Ends in an organisation word: a firm's name quoted whole.
            (
                "A unit called \"Allegheny Credit Corp\" was formed.",
                &[("Allegheny", Org)],
            ),
            // A name reaching out of the quotes.
            (
                "He said \"Paris Hilton\" Hotels grew.",
                &[("Paris", Place), ("Hilton \" Hotels", Org)],
            ),
        ];
        for (text, tagged) in cases {
            let found = kinds(text, tagged);
            assert!(found.iter().all(|(_, k)| *k != Misc), "{text}: {found:?}");
        }
    }
}

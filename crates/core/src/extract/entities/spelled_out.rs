//! An acronym right after the lower-case words it abbreviates names a thing, not a body:
//! "certificates of deposit (CDs)", "the acreage reduction program, ARP,", "floating rate
//! notes (FRNs)", "liquefied natural gas (LNG)". The tagger reads a word in capitals as an
//! organisation ("an organisation's acronym" is what capitals mostly are in news), and the
//! resolve stage would then make `CD` a body across the collection; the writer spelling it
//! out in lower case says it is a common noun, so every mention of it in the article is a
//! miscellaneous name.
//!
//! The words are read back from the opening bracket or comma before the acronym: each
//! letter of the acronym is the first letter of one word, in order, and short joining words
//! ([`JOINING_WORDS`]) may stand between them without a letter ("letter of credit (LOC)",
//! "payment-in-kind, PIK": a hyphen joins as a space does). Every word is lower case: a
//! capitalised spelling is a name of its own (`Export Enhancement Program (EEP)`), which the
//! tagger and the alias merge already handle. Where the last word is an organisation's
//! (`multilateral investment guarantee agency (MIGA)`, `federal open market committee`),
//! the writer named a body without capitals, and the tagger's reading stands.

use super::gazetteer::{self, List};
use super::mentions::Mention;
use crate::extract::EntityKind;

/// Words that may stand between the spelled-out words without a letter of the acronym.
const JOINING_WORDS: &[&str] = &["a", "and", "for", "in", "of", "on", "the", "to"];

/// The acronym's letters (`CDs` → `CD`, `U.S.` → `US`), if `word` is an acronym of 2-8
/// capitals, with full stops or a plural `s`.
fn acronym_letters(word: &str) -> Option<Vec<char>> {
    let word = word.strip_suffix('s').unwrap_or(word);
    // Every mention of the collection is asked: most fail here, before any allocation.
    if word.len() > 16 || !word.bytes().all(|b| b.is_ascii_uppercase() || b == b'.') {
        return None;
    }
    let letters: Vec<char> = word.chars().filter(|c| *c != '.').collect();
    (2..=8).contains(&letters.len()).then_some(letters)
}

/// Whether the text right before a mention of `acronym` spells it out in lower case: an
/// opening bracket or a comma (after a word, not a space), and before it the words whose
/// first letters are the acronym's, the last of them no organisation's word ("certificates
/// of deposit (" before `CDs`). Shared by extraction and the resolve stage, which reads a
/// term so defined as its article's reading only.
pub fn is_spelled_out(before: &str, acronym: &str) -> bool {
    acronym_letters(acronym).is_some_and(|letters| spells(before, &letters))
}

/// Whether the text before a mention spells out `letters` (see [`is_spelled_out`]).
fn spells(before: &str, letters: &[char]) -> bool {
    let before = before.trim_end_matches(' ');
    let words = if let Some(rest) = before.strip_suffix('(') {
        rest.trim_end_matches(' ')
    } else if let Some(rest) = before.strip_suffix(',') {
        if rest.ends_with(char::is_whitespace) {
            return false;
        }
        rest
    } else {
        return false;
    };
    let mut left = letters.len();
    let mut last_word = None;
    // A hyphen joins words as a space does ("payment-in-kind").
    for w in words.rsplit([' ', '-']).filter(|w| !w.is_empty()) {
        if left == 0 {
            break;
        }
        if !w.chars().all(|c| c.is_ascii_lowercase()) {
            return false;
        }
        last_word.get_or_insert(w);
        if w.starts_with(letters[left - 1].to_ascii_lowercase()) {
            left -= 1;
        } else if !JOINING_WORDS.contains(&w) {
            return false;
        }
    }
    left == 0
        && last_word.is_some_and(|w| {
            !gazetteer::contains_word(List::OrgWord, w)
                && !gazetteer::contains_word(List::OrgWord, w.trim_end_matches('s'))
        })
}

/// Makes every mention of an acronym the article spells out in lower case a miscellaneous
/// name.
pub fn apply(text: &str, mentions: &mut [Mention]) {
    let word = |m: &Mention| m.span.slice(text);
    let mut spelled: Vec<Vec<char>> = Vec::new();
    for m in mentions.iter() {
        if m.tokens.len() != 1 || m.kind == EntityKind::Misc {
            continue;
        }
        let before = text.get(..m.span.start).unwrap_or("");
        if let Some(letters) = acronym_letters(word(m))
            && !spelled.contains(&letters)
            && spells(before, &letters)
        {
            spelled.push(letters);
        }
    }
    if spelled.is_empty() {
        return;
    }
    for m in mentions.iter_mut() {
        if m.tokens.len() == 1 && acronym_letters(word(m)).is_some_and(|l| spelled.contains(&l)) {
            m.kind = EntityKind::Misc;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tagged::kinds;
    use crate::extract::EntityKind;
    use EntityKind::{Misc, Organization as Org, Place};

    #[test]
    fn an_acronym_after_its_lower_case_words_is_a_miscellany_in_the_whole_article() {
        let cases: &[(&str, &str)] = &[
            (
                "It sold certificates of deposit (CDs) at 6.5 pct. CD rates rose.",
                "CDs",
            ),
            (
                "A way is to increase acreage reduction program, ARP, levels for wheat.",
                "ARP",
            ),
            ("It issued floating rate notes (FRNs) in London.", "FRNs"),
            ("The payment-in-kind, PIK, programme ends.", "PIK"),
            ("He opened a letter of credit (LOC) for it.", "LOC"),
        ];
        for (text, acronym) in cases {
            let tagged: Vec<(&str, EntityKind)> = vec![(acronym, Org), ("CD", Org)];
            let found = kinds(text, &tagged);
            assert!(!found.is_empty(), "{text}");
            assert!(found.iter().all(|(_, k)| *k == Misc), "{text}: {found:?}");
        }
        // A place's reading goes too.
        let found = kinds("It sold commercial paper (CP) here.", &[("CP", Place)]);
        assert_eq!(found, vec![("CP".to_string(), Misc)]);
    }

    #[test]
    fn a_capitalised_spelling_a_body_or_no_spelling_keeps_the_taggers_kind() {
        let cases: &[(&str, &str)] = &[
            // Capitalised: a name of its own, handled by the alias merge.
            ("The Export Enhancement Program (EEP) grew.", "EEP"),
            // The last word is an organisation's: a body written without capitals.
            (
                "The multilateral investment guarantee agency (MIGA) opened.",
                "MIGA",
            ),
            // The words spell something else.
            ("Shares of the bank (ABC) rose.", "ABC"),
            // No bracket or comma before it.
            ("It sold certificates of deposit CD here.", "CD"),
            // A comma after a space is no apposition's.
            ("It sold certificates of deposit , CD here.", "CD"),
        ];
        for (text, acronym) in cases {
            let found = kinds(text, &[(acronym, Org)]);
            assert!(
                found.iter().any(|(n, k)| n == acronym && *k == Org),
                "{text}: {found:?}"
            );
        }
    }
}

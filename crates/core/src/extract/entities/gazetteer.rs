//! Which tokens start or continue a name from the hand-written lists (`lists.rs`):
//! a per-token bit set the tagger reads as features.

use super::hashing::{HashedMap, hash_str_lower};
use super::lists;
use super::tokens::{NerText, sequence_hash};
use crate::extract::structure::tokenize;
use crate::span::ByteSpan;
use std::sync::OnceLock;

/// One hand-written list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum List {
    /// Sovereign states.
    Country = 0,
    /// Cities.
    City = 1,
    /// Regions, continents, seas.
    Region = 2,
    /// Well-known organisations.
    Organization = 3,
    /// Given names.
    FirstName = 4,
    /// Titles and roles.
    Title = 5,
    /// Words heading or ending organisation names.
    OrgWord = 6,
    /// Nationality adjectives.
    Nationality = 7,
}

/// Every list with its entries.
const LISTS: [(List, &str); 8] = [
    (List::Country, lists::COUNTRIES),
    (List::City, lists::CITIES),
    (List::Region, lists::REGIONS),
    (List::Organization, lists::ORGANIZATIONS),
    (List::FirstName, lists::FIRST_NAMES),
    (List::Title, lists::TITLES),
    (List::OrgWord, lists::ORG_WORDS),
    (List::Nationality, lists::NATIONALITIES),
];

/// Longest entry, in tokens.
const MAX_ENTRY_TOKENS: usize = 6;

/// Bits per token: bit `2 * list` = begins an entry of `list`, bit `2 * list + 1` = continues one.
pub type Marks = u16;

/// The bit meaning "token begins an entry of `list`".
pub const fn begins(list: List) -> Marks {
    1 << (2 * list as u16)
}

/// The bit meaning "token continues an entry of `list`".
pub const fn continues(list: List) -> Marks {
    1 << (2 * list as u16 + 1)
}

/// In the table's values: some longer entry starts with this token sequence.
const HAS_LONGER: u16 = 1 << 8;

/// Entry (hash of its lowercase token sequence) → bit set of the lists holding it, plus
/// [`HAS_LONGER`]; every proper prefix of an entry is in the table too (with [`HAS_LONGER`]
/// and maybe no list), so that a scan stops as soon as no entry can match.
fn table() -> &'static HashedMap<u16> {
    static TABLE: OnceLock<HashedMap<u16>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = HashedMap::default();
        let mut tokens = Vec::new();
        for (list, entries) in LISTS {
            for entry in entries.split('|').map(str::trim).filter(|e| !e.is_empty()) {
                tokens.clear();
                tokenize(entry, ByteSpan::new(0, entry.len()), &mut tokens);
                if tokens.len() > MAX_ENTRY_TOKENS {
                    continue;
                }
                let mut key = sequence_hash(std::iter::empty());
                for (n, token) in tokens.iter().enumerate() {
                    key = super::hashing::mix(key, hash_str_lower(token.span.slice(entry)));
                    let bits = table.entry(key).or_insert(0);
                    if n + 1 < tokens.len() {
                        *bits |= HAS_LONGER;
                    } else {
                        *bits |= 1 << list as u16;
                    }
                }
            }
        }
        table
    })
}

/// Whether the single token `word` is an entry of `list` (no tokenising, no allocation).
pub fn contains_word(list: List, word: &str) -> bool {
    let key = sequence_hash(std::iter::once(hash_str_lower(word)));
    table()
        .get(&key)
        .is_some_and(|bits| bits & (1 << list as u16) != 0)
}

/// Whether `name` is on a list of places: countries, cities, regions.
pub fn is_place(name: &str) -> bool {
    [List::Country, List::City, List::Region]
        .into_iter()
        .any(|list| contains(list, name))
}

/// Whether `name` (one or more words) is an entry of `list`.
pub fn contains(list: List, name: &str) -> bool {
    let mut tokens = Vec::new();
    tokenize(name, ByteSpan::new(0, name.len()), &mut tokens);
    let key = sequence_hash(tokens.iter().map(|t| hash_str_lower(t.span.slice(name))));
    table()
        .get(&key)
        .is_some_and(|bits| bits & (1 << list as u16) != 0)
}

/// The marks of every token of `ner`, for entries starting where `may_start` allows (the
/// capitalised tokens). Linear: at most `MAX_ENTRY_TOKENS` probes per allowed start.
pub fn mark(ner: &NerText, may_start: &[bool]) -> Vec<Marks> {
    let table = table();
    let mut marks = vec![0 as Marks; ner.tokens.len()];
    for sentence in &ner.sentences {
        for start in sentence.clone() {
            if !may_start.get(start).copied().unwrap_or(false) {
                continue;
            }
            let longest = (sentence.end - start).min(MAX_ENTRY_TOKENS);
            let mut key_tokens = ner.tokens[start..start + longest].iter().map(|t| t.lower);
            let mut key = sequence_hash(std::iter::empty());
            for len in 1..=longest {
                let Some(lower) = key_tokens.next() else {
                    break;
                };
                key = super::hashing::mix(key, lower);
                let Some(&lists) = table.get(&key) else {
                    break;
                };
                for bit in 0..8u16 {
                    if lists & (1 << bit) != 0 {
                        marks[start] |= 1 << (2 * bit);
                        for m in &mut marks[start + 1..start + len] {
                            *m |= 1 << (2 * bit + 1);
                        }
                    }
                }
                if lists & HAS_LONGER == 0 {
                    break;
                }
            }
        }
    }
    marks
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::structure::Document;

    #[test]
    fn multi_word_entries_mark_every_token() {
        let text = "He met the UN Security Council in New York.";
        let doc = Document::parse(text, ByteSpan::new(0, text.len()));
        let ner = NerText::new(&doc);
        let marks = mark(&ner, &vec![true; ner.tokens.len()]);
        let word = |w: &str| {
            ner.tokens
                .iter()
                .position(|t| t.span.slice(text) == w)
                .map(|i| marks[i])
                .unwrap_or_default()
        };
        assert_ne!(word("UN") & begins(List::Organization), 0);
        assert_ne!(word("Council") & continues(List::Organization), 0);
        assert_ne!(word("New") & begins(List::City), 0);
        assert_ne!(word("York") & continues(List::City), 0);
        assert_eq!(word("met"), 0);
    }

    #[test]
    fn lookup_ignores_case() {
        assert!(contains(List::Country, "ARMENIA"));
        assert!(contains(List::Title, "secretary general"));
        assert!(!contains(List::Country, "Yerevan"));
    }
}

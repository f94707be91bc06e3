//! `names` parts: every person, organisation, place and speaker of the archive, filed under
//! the first two letters of each word of its name, so a facet's find box finds any of them
//! — not only the 200 of each facet the catalogue lists — by fetching one small part.
//!
//! The embedded build's find box matches the typed text anywhere in a name; an archive
//! finds names with a word that starts like the typed text's first word (`bak` finds
//! Howard Baker, `aker` does not), then keeps those that contain the whole text as the
//! embedded build does. An index of every substring would grow with the square of the
//! names; the start of a word is what a reader types.
//!
//! Each entry carries the value's articles in the whole archive; a filtered view counts
//! its candidates again from their `entities` or `speakers` buckets
//! ([`super::Archive::find_values`]).

use super::codec::{Dec, Enc, Problem};
use super::parts::done;
use crate::index::fold::fold;

/// Name entries per `names` part, on average.
pub const NAMES_PER_PART: usize = 1024;

/// Characters of a word's start that file a name.
const PREFIX_CHARS: usize = 2;

/// One facet value, as the find box lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameEntry {
    /// Which facet: 0 people, 1 organisations, 2 places, 3 speakers (the catalogue's
    /// facet tables' order).
    pub table: u8,
    /// Link key (entity id, speaker key).
    pub key: String,
    /// Display name.
    pub label: String,
    /// Articles naming it in the whole archive.
    pub count: u32,
}

/// A `names` part: the entries of the word starts hashed to it, sorted by table, then key.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NamesPart {
    /// The entries.
    pub entries: Vec<NameEntry>,
}

impl NamesPart {
    /// The body bytes: `len { table key:str label:str count }`.
    pub fn encode(&self) -> Vec<u8> {
        let mut enc = Enc::default();
        enc.list(&self.entries, |enc, entry| {
            enc.u32(u32::from(entry.table));
            enc.str(&entry.key);
            enc.str(&entry.label);
            enc.u32(entry.count);
        });
        enc.into_bytes()
    }

    /// Reads a body written by [`NamesPart::encode`].
    pub fn decode(body: &[u8]) -> Result<Self, Problem> {
        let mut dec = Dec::new(body);
        let entries = dec.list(|dec| {
            let table = u8::try_from(dec.u32()?).map_err(|_| Problem::Invalid("facet table"))?;
            Ok(NameEntry {
                table,
                key: dec.str()?,
                label: dec.str()?,
                count: dec.u32()?,
            })
        })?;
        done(&dec, Self { entries })
    }
}

/// The word starts a name is filed under: the first [`PREFIX_CHARS`] folded characters of
/// each of its words, each once.
pub fn word_starts(label: &str) -> Vec<String> {
    let mut starts: Vec<String> = label
        .split(|c: char| !c.is_alphanumeric())
        .map(|word| fold(word).chars().take(PREFIX_CHARS).collect::<String>())
        .filter(|start| !start.is_empty())
        .collect();
    crate::sort::unstable(&mut starts);
    starts.dedup();
    starts
}

/// The word start a typed text is looked up by (its first word's), and the folded text the
/// names found must contain; `None` when it is too short to look up (one character).
pub fn lookup_of(needle: &str) -> Option<(String, String)> {
    let folded = fold(needle);
    if folded.chars().count() < PREFIX_CHARS {
        return None;
    }
    let first = needle
        .split(|c: char| !c.is_alphanumeric())
        .map(fold)
        .find(|word| !word.is_empty())?;
    Some((first.chars().take(PREFIX_CHARS).collect(), folded))
}

/// Whether `entry`'s name has a word starting with `start` and contains the folded typed
/// text (as the embedded find box matches): a bucket also holds the names of other starts
/// hashed to it.
pub fn matches(entry: &NameEntry, start: &str, folded_needle: &str) -> bool {
    label_matches(&entry.label, start, folded_needle)
}

/// Whether name `label` has a word starting with `start` and contains the folded typed text.
pub fn label_matches(label: &str, start: &str, folded_needle: &str) -> bool {
    word_starts(label).iter().any(|s| s == start) && fold(label).contains(folded_needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_filed_under_the_start_of_each_word() {
        assert_eq!(word_starts("Howard Baker"), ["ba", "ho"]);
        assert_eq!(word_starts("O'Brien"), ["br", "o"]);
        assert_eq!(word_starts("Bank of Boston"), ["ba", "bo", "of"]);
        assert_eq!(word_starts("Évian"), ["ev"]);
    }

    #[test]
    fn typed_text_is_looked_up_by_its_first_word() {
        assert_eq!(
            lookup_of("howard ba"),
            Some(("ho".to_string(), "howardba".to_string()))
        );
        assert_eq!(lookup_of("o'b"), Some(("o".to_string(), "ob".to_string())));
        assert_eq!(lookup_of("b"), None);
        assert_eq!(lookup_of("  "), None);
    }

    #[test]
    fn a_part_reads_back_what_was_written() {
        let part = NamesPart {
            entries: vec![NameEntry {
                table: 3,
                key: "person:howard-baker".into(),
                label: "Howard Baker".into(),
                count: 29,
            }],
        };
        assert_eq!(NamesPart::decode(&part.encode()), Ok(part));
    }
}

//! `keyfacets` parts: the facet counts of a view filtered by one key alone — one entity
//! (`e=person:james-baker`), one speaker (`s=…`) or one metadata value (`m.topics=crude`) —
//! counted at build time, so that such a link, the kind readers share most, reads a few KB
//! instead of every `facets` part.
//!
//! A filtered view's facet counts are `|postings(value) ∩ matches|` for each value the
//! catalogue's facet tables keep (the top 200 people, organisations, places and speakers,
//! then each metadata field's), so any view can read them from the `facets` parts: 83 KB at
//! 19k articles, 146 KB at a million, whatever the view. For a view filtered by one key the
//! counts depend on the key alone, and most are zero: the key's articles name a few dozen of
//! those values. Each `entities`, `speakers` and `fields` bucket therefore names one
//! `keyfacets` part holding, for each of its keys in the bucket's order, the values its
//! articles share with it and how many articles each. The reader takes them when the
//! filter is that key and nothing else ([`super::Archive::search`]); every other view counts from the
//! postings as before, and archives built before these parts (whose buckets name none) too.
//!
//! Values are numbered by their place in the catalogue's tables, in the order the
//! catalogue lists them ([`slot_tables`]): a rebuild that changes which values a table
//! keeps renumbers them, and so rewrites the `keyfacets` parts and the buckets naming them,
//! as it rewrites the `facets` parts of those tables.

use super::codec::{Dec, Enc, Problem};
use super::parts::{Catalogue, FacetTable, done};

/// A `keyfacets` part: per key of its bucket, in the bucket's order, the facet values its
/// articles share with it — `(slot, articles)`, by slot, articles never 0.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KeyFacetsPart {
    /// Per key, its non-zero counts by slot.
    pub keys: Vec<Vec<(u32, u32)>>,
}

impl KeyFacetsPart {
    /// The body bytes: per key, its counts as slot gaps and counts.
    pub fn encode(&self) -> Vec<u8> {
        let mut enc = Enc::default();
        enc.list(&self.keys, |enc, counts| {
            enc.count(counts.len());
            let mut last = 0;
            for &(slot, articles) in counts {
                enc.u32(slot - last);
                enc.u32(articles);
                last = slot;
            }
        });
        enc.into_bytes()
    }

    /// Reads a body written by [`KeyFacetsPart::encode`].
    pub fn decode(body: &[u8]) -> Result<Self, Problem> {
        let mut dec = Dec::new(body);
        let keys = dec.list(|dec| {
            let n = dec.count()?;
            let mut counts = Vec::with_capacity(n);
            let mut slot = 0u32;
            for at in 0..n {
                let gap = dec.u32()?;
                if at > 0 && gap == 0 {
                    return Err(Problem::Invalid("facet slot"));
                }
                slot = slot
                    .checked_add(gap)
                    .ok_or(Problem::Invalid("facet slot"))?;
                counts.push((slot, dec.u32()?));
            }
            Ok(counts)
        })?;
        done(&dec, Self { keys })
    }
}

/// The facet tables whose values the slots number, in order: people, organisations,
/// places, speakers, then each metadata field kept as a facet. Slot `s` is value `s - o` of
/// the table whose values start at `o`.
pub fn slot_tables(catalogue: &Catalogue) -> impl Iterator<Item = &FacetTable> {
    catalogue
        .facets
        .iter()
        .chain(catalogue.fields.iter().map(|field| &field.table))
}

/// Counts, for any set of documents, how many of them each slot's value has: the build's
/// side of [`KeyFacetsPart`]. Holds every document's slots (the inverse of the tables'
/// postings), about 4 bytes per posting of the kept values.
#[derive(Debug)]
pub struct SlotCounter {
    /// Document `d`'s slots are `slots[starts[d]..starts[d + 1]]`, ascending.
    starts: Vec<u32>,
    slots: Vec<u32>,
    /// How many slots there are.
    slot_count: usize,
}

impl SlotCounter {
    /// The counter of `docs` documents whose slot `s` has the (ascending) postings
    /// `postings[s]`.
    pub fn new(docs: u32, postings: &[&[u32]]) -> Self {
        let mut starts = vec![0u32; docs as usize + 1];
        for docs_of in postings {
            for &doc in *docs_of {
                starts[doc as usize + 1] += 1;
            }
        }
        for d in 0..docs as usize {
            starts[d + 1] += starts[d];
        }
        let mut next = starts.clone();
        let mut slots = vec![0u32; starts[docs as usize] as usize];
        // Slots in ascending order, so each document's run comes out sorted.
        for (slot, docs_of) in postings.iter().enumerate() {
            for &doc in *docs_of {
                let at = &mut next[doc as usize];
                slots[*at as usize] = slot as u32;
                *at += 1;
            }
        }
        Self {
            starts,
            slots,
            slot_count: postings.len(),
        }
    }

    /// The non-zero counts of `docs` (`(slot, documents)`, by slot), using `scratch` (all
    /// zeros, as it is left) for the tally.
    pub fn counts(&self, docs: &[u32], scratch: &mut Vec<u32>) -> Vec<(u32, u32)> {
        if scratch.len() < self.slot_count {
            scratch.resize(self.slot_count, 0);
        }
        let mut touched = Vec::new();
        for &doc in docs {
            let (Some(&lo), Some(&hi)) = (
                self.starts.get(doc as usize),
                self.starts.get(doc as usize + 1),
            ) else {
                continue;
            };
            for &slot in &self.slots[lo as usize..hi as usize] {
                let count = &mut scratch[slot as usize];
                if *count == 0 {
                    touched.push(slot);
                }
                *count += 1;
            }
        }
        touched.sort_unstable();
        touched
            .into_iter()
            .map(|slot| (slot, std::mem::take(&mut scratch[slot as usize])))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_each_slots_postings_shared_with_the_documents() {
        let postings: [&[u32]; 4] = [&[0, 2, 5], &[], &[2, 3], &[5]];
        let counter = SlotCounter::new(7, &postings);
        let mut scratch = Vec::new();
        assert_eq!(
            counter.counts(&[2, 5], &mut scratch),
            [(0, 2), (2, 1), (3, 1)]
        );
        assert_eq!(counter.counts(&[1, 4, 6], &mut scratch), []);
        assert_eq!(
            counter.counts(&[0, 2, 3, 5], &mut scratch),
            [(0, 3), (2, 2), (3, 1)]
        );
        assert!(
            scratch.iter().all(|&c| c == 0),
            "the scratch is left zeroed"
        );
        // Each count is the size of an intersection, checked against a plain one.
        for docs in [vec![0u32, 1, 2, 3, 4, 5, 6], vec![3], vec![]] {
            let expected: Vec<(u32, u32)> = postings
                .iter()
                .enumerate()
                .map(|(s, p)| {
                    (
                        s as u32,
                        p.iter().filter(|d| docs.contains(d)).count() as u32,
                    )
                })
                .filter(|&(_, n)| n > 0)
                .collect();
            assert_eq!(counter.counts(&docs, &mut scratch), expected);
        }
    }

    #[test]
    fn a_part_reads_back_and_a_repeated_slot_is_refused() {
        let part = KeyFacetsPart {
            keys: vec![vec![(0, 3), (7, 1), (300, 12)], vec![], vec![(5, 1)]],
        };
        assert_eq!(KeyFacetsPart::decode(&part.encode()), Ok(part));
        let repeated = KeyFacetsPart {
            keys: vec![vec![(4, 1), (4, 2)]],
        };
        assert!(KeyFacetsPart::decode(&repeated.encode()).is_err());
        assert!(KeyFacetsPart::decode(&[1, 2, 0]).is_err(), "truncated");
    }
}

//! Posting lists stored flat: many sorted `u32` lists in one arena (compressed-sparse-row
//! layout), and [`DocSet`], the bitset that query evaluation works on.
//!
//! One arena instead of a `Vec` per list: no per-list allocation or 24-byte header, and the
//! lists of neighbouring keys sit next to each other in memory.

/// Lists of `u32` for keys `0..len()`, built once, read many times.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lists {
    /// `starts[k]..starts[k + 1]` is key `k`'s range in `items`.
    starts: Vec<u32>,
    items: Vec<u32>,
}

impl Lists {
    /// Groups `(key, value)` pairs by key with a counting sort; within a key, values keep the
    /// order they were given in (so pairs pushed in doc order give sorted posting lists).
    /// Keys must be `< keys`.
    pub fn from_pairs(keys: usize, pairs: &[(u32, u32)]) -> Self {
        Self::grouped(keys, pairs.len(), |i| pairs[i])
    }

    /// Like [`Self::from_pairs`] with pair `i` given by `pair(i)` for `i` in `0..len`, so
    /// callers need not materialise the pairs (index builds are memory-bound in wasm).
    pub fn grouped(keys: usize, len: usize, pair: impl Fn(usize) -> (u32, u32)) -> Self {
        let mut starts = vec![0u32; keys + 1];
        for i in 0..len {
            starts[pair(i).0 as usize + 1] += 1;
        }
        for k in 0..keys {
            starts[k + 1] += starts[k];
        }
        let mut cursor: Vec<u32> = starts[..keys].to_vec();
        let mut items = vec![0u32; len];
        for i in 0..len {
            let (key, value) = pair(i);
            let at = &mut cursor[key as usize];
            items[*at as usize] = value;
            *at += 1;
        }
        Self { starts, items }
    }

    /// Lists from their layout: `starts` (one more than there are keys, ascending, the
    /// last being `items.len()`) and `items`.
    pub(super) fn from_parts(starts: Vec<u32>, items: Vec<u32>) -> Self {
        debug_assert!(
            starts
                .last()
                .is_some_and(|&end| end as usize == items.len())
        );
        Self { starts, items }
    }

    /// Number of keys.
    pub fn len(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    /// Whether there are no keys.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The list of `key` (empty for an unknown key).
    pub fn get(&self, key: u32) -> &[u32] {
        let key = key as usize;
        match (self.starts.get(key), self.starts.get(key + 1)) {
            (Some(&start), Some(&end)) => &self.items[start as usize..end as usize],
            _ => &[],
        }
    }

    /// Where `key`'s list starts in the arena (for parallel arrays such as positions).
    pub fn start_of(&self, key: u32) -> usize {
        self.starts.get(key as usize).map_or(0, |&s| s as usize)
    }

    /// Bytes on the heap.
    pub fn heap_size(&self) -> usize {
        (self.starts.capacity() + self.items.capacity()) * 4
    }
}

/// A set of documents `0..universe`, one bit each.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocSet {
    words: Vec<u64>,
    universe: u32,
}

impl DocSet {
    /// No documents.
    pub fn empty(universe: u32) -> Self {
        Self {
            words: vec![0; (universe as usize).div_ceil(64)],
            universe,
        }
    }

    /// Every document.
    pub fn full(universe: u32) -> Self {
        let mut set = Self::empty(universe);
        set.words.fill(u64::MAX);
        set.clear_tail();
        set
    }

    /// The documents of a posting list (ids `>= universe` are ignored).
    pub fn from_sorted(universe: u32, docs: &[u32]) -> Self {
        let mut set = Self::empty(universe);
        for &doc in docs {
            set.insert(doc);
        }
        set
    }

    /// The number of documents the set ranges over.
    pub fn universe(&self) -> u32 {
        self.universe
    }

    /// Adds `doc` (ignored when outside the universe).
    pub fn insert(&mut self, doc: u32) {
        if doc < self.universe {
            self.words[(doc / 64) as usize] |= 1 << (doc % 64);
        }
    }

    /// Whether `doc` is in the set.
    pub fn contains(&self, doc: u32) -> bool {
        doc < self.universe && self.words[(doc / 64) as usize] & (1 << (doc % 64)) != 0
    }

    /// Number of documents in the set.
    pub fn count(&self) -> usize {
        self.words.iter().map(|w| w.count_ones() as usize).sum()
    }

    /// Keeps only documents also in `other`.
    pub fn intersect_with(&mut self, other: &DocSet) {
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a &= b;
        }
    }

    /// Adds every document of `other`.
    pub fn union_with(&mut self, other: &DocSet) {
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a |= b;
        }
        // A set over a larger universe may have bits in this one's last word past its end.
        self.clear_tail();
    }

    /// Removes every document of `other`.
    pub fn subtract(&mut self, other: &DocSet) {
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a &= !b;
        }
    }

    /// Keeps only documents of the sorted list `docs`.
    pub fn intersect_sorted(&mut self, docs: &[u32]) {
        let other = Self::from_sorted(self.universe, docs);
        self.intersect_with(&other);
    }

    /// Every document not in the set.
    pub fn complement(&mut self) {
        for w in &mut self.words {
            *w = !*w;
        }
        self.clear_tail();
    }

    /// How many documents of the sorted list `docs` are in the set.
    pub fn count_in(&self, docs: &[u32]) -> usize {
        // `contains` without its bound check: the bits past `universe` are always clear
        // (`clear_tail`), so a word that exists answers for every document it covers. This
        // loop counts a cold link's facets (over a million postings at 250,000 articles).
        let words = self.words.as_slice();
        docs.iter()
            .filter(|&&d| {
                words
                    .get((d / 64) as usize)
                    .is_some_and(|w| w >> (d % 64) & 1 != 0)
            })
            .count()
    }

    /// The documents in increasing order.
    pub fn iter(&self) -> impl Iterator<Item = u32> + '_ {
        self.words.iter().enumerate().flat_map(|(i, &word)| {
            let mut bits = word;
            std::iter::from_fn(move || {
                if bits == 0 {
                    return None;
                }
                let bit = bits.trailing_zeros();
                bits &= bits - 1;
                Some(i as u32 * 64 + bit)
            })
        })
    }

    /// Bytes on the heap.
    pub fn heap_size(&self) -> usize {
        self.words.capacity() * 8
    }

    fn clear_tail(&mut self) {
        let used = self.universe % 64;
        if used != 0
            && let Some(last) = self.words.last_mut()
        {
            *last &= (1u64 << used) - 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_are_grouped_by_key_keeping_value_order() {
        let lists = Lists::from_pairs(3, &[(2, 7), (0, 1), (2, 9), (0, 4)]);
        assert_eq!(lists.get(0), [1, 4]);
        assert_eq!(lists.get(1), [] as [u32; 0]);
        assert_eq!(lists.get(2), [7, 9]);
        assert_eq!(lists.get(3), [] as [u32; 0]);
        assert_eq!(lists.start_of(2), 2);
    }

    #[test]
    fn a_full_set_has_exactly_the_universe() {
        let set = DocSet::full(70);
        assert_eq!(set.count(), 70);
        assert!(set.contains(69));
        assert!(!set.contains(70));
    }

    #[test]
    fn set_operations_follow_their_names() {
        let mut a = DocSet::from_sorted(100, &[1, 5, 64, 99]);
        let b = DocSet::from_sorted(100, &[5, 64, 70]);
        let mut both = a.clone();
        both.intersect_with(&b);
        assert_eq!(both.iter().collect::<Vec<_>>(), [5, 64]);
        let mut either = a.clone();
        either.union_with(&b);
        assert_eq!(either.iter().collect::<Vec<_>>(), [1, 5, 64, 70, 99]);
        a.subtract(&b);
        assert_eq!(a.iter().collect::<Vec<_>>(), [1, 99]);
        a.complement();
        assert_eq!(a.count(), 98);
        assert_eq!(a.count_in(&[0, 1, 2]), 2);
    }

    #[test]
    fn documents_past_the_universe_are_never_counted() {
        // 70 documents: the second word covers 64..128, and 70..128 are past the end.
        let mut set = DocSet::full(70);
        assert_eq!(set.count_in(&[0, 69, 70, 100, 127, 128, 5000]), 2);
        set.union_with(&DocSet::full(128));
        assert_eq!(set.count(), 70);
        assert_eq!(set.count_in(&[69, 70, 127]), 1);
        set.complement();
        assert_eq!(set.count_in(&[0, 69, 70, 127]), 0);
    }
}

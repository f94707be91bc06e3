//! The term dictionary: every folded word of the corpus, sorted, with its posting list
//! (documents) and the word positions inside each document (for phrases and BM25's term
//! frequency).
//!
//! Terms live in one string arena in sorted order, so a term id is its rank: exact lookup
//! and prefix ranges are binary searches. Typo tolerance scans only the terms whose length
//! is within one of the query's (a length-bucketed list of ids), with a linear one-edit
//! check that stops at the second difference.

use super::postings::Lists;
use crate::varint;
use std::ops::Range;

/// Term ids are ranks in the sorted dictionary.
pub type TermId = u32;

/// The most keys [`Terms::one_edit_neighbours`] holds at once (16 bytes each): about 4
/// million, which a vocabulary of 400,000 terms reaches; beyond, it makes them in shards.
const MAX_KEYS_AT_ONCE: usize = 1 << 22;

/// Sorted terms with their postings and positions.
#[derive(Debug, Clone, Default)]
pub struct Terms {
    arena: String,
    /// `ends[t]` is where term `t` ends in `arena` (it starts where `t - 1` ends).
    ends: Vec<u32>,
    docs: Lists,
    /// Term `t`'s positions are `positions[position_starts[t]..position_starts[t + 1]]`: for
    /// each of its documents in order, a varint count, then that many varint gaps. No
    /// per-document offset is stored: readers walk a term's documents in order ([`Postings`]).
    position_starts: Vec<u32>,
    positions: Vec<u8>,
    by_length: Lists,
}

/// The words of the documents added so far, as they will be stored, in document order:
/// for each document, its gap from the previous one and its number of distinct terms; for
/// each of those, the term (in first-seen numbering) and then exactly the bytes of its
/// positions in [`Terms`] (a count, then position gaps). About 3 bytes a word, where a
/// `(term, doc, position)` triple took 12 and the grouping and doubling around it as much
/// again: the index build of a million articles is memory-bound.
#[derive(Debug, Clone, Default)]
pub struct TermStream {
    bytes: Vec<u8>,
    /// Documents recorded (each with at least one word).
    records: u32,
    /// The last document recorded, if any.
    last_doc: Option<u32>,
}

impl TermStream {
    /// Records document `doc`'s words as `(term, position)` pairs, in any order. Documents
    /// must come in increasing order; a document without words is not recorded.
    pub fn push_doc(&mut self, doc: u32, words: &mut [(u32, u32)]) {
        if words.is_empty() {
            return;
        }
        debug_assert!(self.last_doc.is_none_or(|last| last < doc));
        crate::sort::unstable(words);
        let distinct = 1 + words.windows(2).filter(|w| w[0].0 != w[1].0).count();
        varint::push(
            u64::from(doc - self.last_doc.map_or(0, |last| last + 1)),
            &mut self.bytes,
        );
        varint::push(distinct as u64, &mut self.bytes);
        for group in words.chunk_by(|a, b| a.0 == b.0) {
            varint::push(u64::from(group[0].0), &mut self.bytes);
            varint::push(group.len() as u64, &mut self.bytes);
            let mut last = 0;
            for &(_, position) in group {
                varint::push(u64::from(position - last), &mut self.bytes);
                last = position;
            }
        }
        self.records += 1;
        self.last_doc = Some(doc);
    }

    /// Calls `each(doc, term, positions)` for every term of every recorded document, in
    /// document order, `positions` being the term's stored bytes for that document.
    fn for_each(&self, mut each: impl FnMut(u32, u32, &[u8])) {
        let mut coded = self.bytes.as_slice();
        let mut next_doc = 0;
        for _ in 0..self.records {
            // The stream is only ever written by `push_doc`, so a short read cannot happen;
            // stopping is the safe answer if it ever did.
            let (Some(gap), Some(distinct)) =
                (varint::read_u32(&mut coded), varint::read_u32(&mut coded))
            else {
                return;
            };
            let doc = next_doc + gap;
            next_doc = doc + 1;
            for _ in 0..distinct {
                let Some(term) = varint::read_u32(&mut coded) else {
                    return;
                };
                let start = coded;
                let Some(count) = varint::read_u32(&mut coded) else {
                    return;
                };
                for _ in 0..count {
                    if varint::read_u32(&mut coded).is_none() {
                        return;
                    }
                }
                let used = start.len() - coded.len();
                each(doc, term, &start[..used]);
            }
        }
    }

    /// Bytes held.
    pub fn heap_size(&self) -> usize {
        self.bytes.capacity()
    }
}

impl Terms {
    /// Builds the dictionary from terms in first-seen order and the documents' words.
    /// Two passes over the stream: one sizes every term's documents and position bytes, the
    /// other copies them into place, so nothing but the result is allocated.
    pub fn build(first_seen: Vec<String>, stream: &TermStream) -> Self {
        let mut order: Vec<u32> = (0..first_seen.len() as u32).collect();
        crate::sort::unstable_by(&mut order, |&a, &b| {
            first_seen[a as usize].cmp(&first_seen[b as usize])
        });
        let mut rank = vec![0u32; first_seen.len()];
        let mut arena = String::with_capacity(first_seen.iter().map(String::len).sum());
        let mut ends = Vec::with_capacity(first_seen.len());
        let mut length_pairs = Vec::with_capacity(first_seen.len());
        for (new, &old) in order.iter().enumerate() {
            rank[old as usize] = new as u32;
            let term = &first_seen[old as usize];
            arena.push_str(term);
            ends.push(arena.len() as u32);
            length_pairs.push((term.chars().count() as u32, new as u32));
        }
        drop(first_seen);
        let max_len = length_pairs.iter().map(|p| p.0).max().unwrap_or(0) as usize;
        let by_length = Lists::from_pairs(max_len + 1, &length_pairs);

        // Sizes by rank, then where each term's documents and positions start.
        let terms = rank.len();
        let mut doc_starts = vec![0u32; terms + 1];
        let mut position_starts = vec![0u32; terms + 1];
        stream.for_each(|_, term, positions| {
            let r = rank[term as usize] as usize;
            doc_starts[r + 1] += 1;
            position_starts[r + 1] += positions.len() as u32;
        });
        for r in 0..terms {
            doc_starts[r + 1] += doc_starts[r];
            position_starts[r + 1] += position_starts[r];
        }
        let mut docs = vec![0u32; doc_starts[terms] as usize];
        let mut positions = vec![0u8; position_starts[terms] as usize];
        let mut doc_cursor = doc_starts[..terms].to_vec();
        let mut position_cursor = position_starts[..terms].to_vec();
        // Documents come in order, so each term's list fills in document order.
        stream.for_each(|doc, term, bytes| {
            let r = rank[term as usize] as usize;
            docs[doc_cursor[r] as usize] = doc;
            doc_cursor[r] += 1;
            let at = position_cursor[r] as usize;
            positions[at..at + bytes.len()].copy_from_slice(bytes);
            position_cursor[r] += bytes.len() as u32;
        });
        Self {
            arena,
            ends,
            docs: Lists::from_parts(doc_starts, docs),
            position_starts,
            positions,
            by_length,
        }
    }

    /// Number of distinct terms.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether the dictionary is empty.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The text of term `id` ("" for an unknown id).
    pub fn term(&self, id: TermId) -> &str {
        let i = id as usize;
        let start = match i.checked_sub(1) {
            Some(previous) => self.ends.get(previous).copied().unwrap_or(0) as usize,
            None => 0,
        };
        match self.ends.get(i) {
            Some(&end) => &self.arena[start..end as usize],
            None => "",
        }
    }

    /// The id of the folded `word`, if the corpus has it.
    pub fn find(&self, word: &str) -> Option<TermId> {
        let at = self.lower_bound(word);
        (self.term(at) == word && (at as usize) < self.len()).then_some(at)
    }

    /// The ids of every term starting with `prefix` (a contiguous range, sorted terms).
    pub fn prefix_range(&self, prefix: &str) -> Range<TermId> {
        let start = self.lower_bound(prefix);
        let mut low = start as usize;
        let mut high = self.len();
        while low < high {
            let mid = (low + high) / 2;
            if self.term(mid as u32).starts_with(prefix) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        start..low as u32
    }

    /// Appends to `out` every term within one edit (insertion, deletion, substitution or
    /// swap of neighbours) of `word`, `word` itself excluded.
    pub fn one_edit_away(&self, word: &str, out: &mut Vec<TermId>) {
        let query: Vec<char> = word.chars().collect();
        let mut candidate: Vec<char> = Vec::with_capacity(query.len() + 1);
        let lengths = query.len().saturating_sub(1)..query.len() + 2;
        for length in lengths {
            for &id in self.by_length.get(length as u32) {
                let term = self.term(id);
                let close = if term.is_ascii() && word.is_ascii() {
                    one_edit(word.as_bytes(), term.as_bytes())
                } else {
                    candidate.clear();
                    candidate.extend(term.chars());
                    one_edit(&query, &candidate)
                };
                if close {
                    out.push(id);
                }
            }
        }
    }

    /// For every term of at least `min_chars` characters, the terms
    /// [`Terms::one_edit_away`] finds for it, in the same order (by length, then id); no
    /// term for shorter ones. `dossier build` keeps them beside each term, so that a link
    /// to a word reads its neighbours with its postings rather than the lexicons.
    ///
    /// Two terms one edit apart share a key, a term itself or a term with one character
    /// left out: a substitution leaves out the same position of both, an insertion the
    /// longer's extra character, a swap of neighbours one of the two from each. So only
    /// terms sharing a key are compared, not every pair of similar length.
    pub fn one_edit_neighbours(&self, min_chars: usize) -> Vec<Vec<TermId>> {
        self.one_edit_neighbours_within(min_chars, MAX_KEYS_AT_ONCE)
    }

    /// [`Terms::one_edit_neighbours`] holding at most about `max_keys` keys at once: keys
    /// are made and grouped one shard of their hashes at a time, since a vocabulary of
    /// millions of terms has ten keys a term.
    fn one_edit_neighbours_within(&self, min_chars: usize, max_keys: usize) -> Vec<Vec<TermId>> {
        use std::hash::{DefaultHasher, Hash, Hasher};
        let chars: Vec<Vec<char>> = (0..self.len() as u32)
            .map(|id| self.term(id).chars().collect())
            .collect();
        // A key's hash stands for it: terms that share a hash but not the key are told
        // apart by `one_edit` below.
        let key = |term: &[char], left_out: Option<usize>| {
            let mut hasher = DefaultHasher::new();
            for (at, c) in term.iter().enumerate() {
                if Some(at) != left_out {
                    c.hash(&mut hasher);
                }
            }
            hasher.finish()
        };
        // A neighbour is at most one character shorter than the term it is found for.
        let keyed = |term: &Vec<char>| term.len() + 1 >= min_chars;
        let all_keys: usize = chars.iter().filter(|t| keyed(t)).map(|t| t.len() + 1).sum();
        let shards = all_keys.div_ceil(max_keys.max(1)).max(1) as u64;
        let mut near: Vec<Vec<TermId>> = vec![Vec::new(); chars.len()];
        let mut keys: Vec<(u64, TermId)> = Vec::new();
        for shard in 0..shards {
            keys.clear();
            for (id, term) in chars.iter().enumerate().filter(|(_, t)| keyed(t)) {
                let made = std::iter::once(None)
                    .chain((0..term.len()).map(Some))
                    .map(|left_out| key(term, left_out));
                keys.extend(
                    made.filter(|k| k % shards == shard)
                        .map(|k| (k, id as TermId)),
                );
            }
            crate::sort::unstable(&mut keys);
            keys.dedup();
            for group in keys.chunk_by(|a, b| a.0 == b.0) {
                for (at, &(_, a)) in group.iter().enumerate() {
                    for &(_, b) in &group[at + 1..] {
                        let (ta, tb) = (&chars[a as usize], &chars[b as usize]);
                        let wanted = (ta.len() >= min_chars, tb.len() >= min_chars);
                        if wanted == (false, false) || a == b || !one_edit(ta, tb) {
                            continue;
                        }
                        if wanted.0 {
                            near[a as usize].push(b);
                        }
                        if wanted.1 {
                            near[b as usize].push(a);
                        }
                    }
                }
            }
        }
        for list in &mut near {
            crate::sort::unstable_by_key(list, |&t| (chars[t as usize].len(), t));
            list.dedup();
        }
        near
    }

    /// Documents containing term `id`, ascending.
    pub fn docs(&self, id: TermId) -> &[u32] {
        self.docs.get(id)
    }

    /// Term `id`'s documents, in order, each with its positions.
    pub fn postings(&self, id: TermId) -> Postings<'_> {
        let start = self.position_starts.get(id as usize).copied().unwrap_or(0) as usize;
        let end = self
            .position_starts
            .get(id as usize + 1)
            .copied()
            .unwrap_or(0) as usize;
        Postings {
            docs: self.docs(id).iter(),
            coded: self.positions.get(start..end).unwrap_or(&[]),
        }
    }

    /// Bytes on the heap, by part.
    pub fn heap_breakdown(&self) -> Vec<(&'static str, usize)> {
        vec![
            (
                "term dictionary",
                self.arena.capacity() + self.ends.capacity() * 4 + self.by_length.heap_size(),
            ),
            ("word postings", self.docs.heap_size()),
            (
                "word positions",
                self.position_starts.capacity() * 4 + self.positions.capacity(),
            ),
        ]
    }

    fn lower_bound(&self, word: &str) -> TermId {
        let (mut low, mut high) = (0usize, self.len());
        while low < high {
            let mid = (low + high) / 2;
            if self.term(mid as u32) < word {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        low as u32
    }
}

/// One document of a term: the document, how often the term occurs in it, and where.
#[derive(Debug, Clone, Copy)]
pub struct Posting<'a> {
    /// Document.
    pub doc: u32,
    /// Occurrences of the term in it.
    pub frequency: u32,
    coded: &'a [u8],
}

impl Posting<'_> {
    /// Appends the term's word positions in the document, ascending, to `out`.
    pub fn positions_into(&self, out: &mut Vec<u32>) {
        let mut coded = self.coded;
        let mut position = 0;
        while let Some(gap) = varint::read_u32(&mut coded) {
            position += gap;
            out.push(position);
        }
    }
}

/// A term's postings in document order; [`Postings::find`] skips ahead.
#[derive(Debug, Clone)]
pub struct Postings<'a> {
    docs: std::slice::Iter<'a, u32>,
    coded: &'a [u8],
}

impl<'a> Postings<'a> {
    /// The posting of `doc`, if the term occurs there. Skips (consumes) the postings of
    /// earlier documents and leaves later ones for the next call, so ascending calls walk
    /// the list once.
    pub fn find(&mut self, doc: u32) -> Option<Posting<'a>> {
        loop {
            let mut ahead = self.clone();
            let posting = ahead.next()?;
            if posting.doc > doc {
                return None;
            }
            *self = ahead;
            if posting.doc == doc {
                return Some(posting);
            }
        }
    }
}

impl<'a> Iterator for Postings<'a> {
    type Item = Posting<'a>;

    fn next(&mut self) -> Option<Posting<'a>> {
        let doc = *self.docs.next()?;
        let frequency = varint::read_u32(&mut self.coded)?;
        // The gaps end where `frequency` varints have ended (each ends in a byte < 0x80).
        let mut ended = 0;
        let length = self
            .coded
            .iter()
            .position(|&b| {
                ended += u32::from(b < 0x80);
                ended == frequency
            })
            .map_or(self.coded.len(), |last| last + 1);
        let (coded, rest) = self.coded.split_at(length);
        self.coded = rest;
        Some(Posting {
            doc,
            frequency,
            coded,
        })
    }
}

/// Whether `b` differs from `a` by exactly one insertion, deletion, substitution or swap of
/// two neighbours. Linear: walks the common prefix and suffix once.
pub fn one_edit<T: Eq>(a: &[T], b: &[T]) -> bool {
    if a.len().abs_diff(b.len()) > 1 || a == b {
        return false;
    }
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[prefix..], &b[prefix..]);
    let suffix = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (a_mid, b_mid) = (a.len() - suffix.min(a.len()), b.len() - suffix.min(b.len()));
    match (a_mid, b_mid) {
        (1, 1) | (0, 1) | (1, 0) => true,
        (2, 2) => a[0] == b[1] && a[1] == b[0],
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dictionary(words: &[&str]) -> Terms {
        let first_seen: Vec<String> = words.iter().map(|w| w.to_string()).collect();
        let mut stream = TermStream::default();
        let mut words: Vec<(u32, u32)> = (0..words.len() as u32).map(|i| (i, i)).collect();
        stream.push_doc(0, &mut words);
        Terms::build(first_seen, &stream)
    }

    #[test]
    fn terms_are_found_by_exact_spelling() {
        let terms = dictionary(&["mission", "border", "armenia"]);
        assert_eq!(terms.find("border").map(|t| terms.term(t)), Some("border"));
        assert_eq!(terms.find("borde"), None);
        assert_eq!(terms.find("zzz"), None);
        assert_eq!(terms.term(99), "");
    }

    #[test]
    fn the_neighbours_kept_for_each_term_are_what_a_search_for_it_finds() {
        let words = [
            "prices", "price", "prices", "pricess", "rpices", "prides", "spices", "prize", "oil",
            "oils", "coil", "boil", "aabc", "abac", "abca", "aabbc", "ababc", "élan", "élans",
            "elans", "crude", "crudes", "cruder", "rude",
        ];
        let terms = dictionary(&words);
        let near = terms.one_edit_neighbours(5);
        assert_eq!(near.len(), terms.len());
        let mut some = 0;
        for id in 0..terms.len() as u32 {
            let word = terms.term(id);
            let mut expected = Vec::new();
            if word.chars().count() >= 5 {
                terms.one_edit_away(word, &mut expected);
            }
            assert_eq!(near[id as usize], expected, "{word}");
            some += usize::from(!expected.is_empty());
        }
        assert!(some >= 6, "the words above have neighbours: {some}");
        let of = |w: &str| terms.find(w).map(|t| near[t as usize].len());
        assert_eq!(
            of("prices"),
            Some(4),
            "price, pricess, prides, rpices (not spices: two edits)"
        );
        assert_eq!(of("oils"), Some(0), "too short to be searched with typos");
        // Made in shards of a few keys each, the same neighbours.
        assert_eq!(terms.one_edit_neighbours_within(5, 7), near);
    }

    #[test]
    fn a_prefix_gives_every_term_that_starts_with_it() {
        let terms = dictionary(&["bord", "border", "borders", "bore", "arm"]);
        let found: Vec<&str> = terms.prefix_range("bord").map(|t| terms.term(t)).collect();
        assert_eq!(found, ["bord", "border", "borders"]);
        assert!(terms.prefix_range("q").is_empty());
    }

    #[test]
    fn one_edit_covers_insertion_deletion_substitution_and_swap() {
        assert!(one_edit(b"border", b"borders"));
        assert!(one_edit(b"border", b"boder"));
        assert!(one_edit(b"border", b"bordar"));
        assert!(one_edit(b"border", b"obrder"));
        assert!(!one_edit(b"border", b"border"));
        assert!(!one_edit(b"border", b"brdr"));
        assert!(!one_edit(b"border", b"bodrer2"));
    }

    #[test]
    fn typo_candidates_come_from_neighbouring_lengths_only() {
        let terms = dictionary(&["mission", "misson", "missions", "emission", "mansion"]);
        let mut found = Vec::new();
        terms.one_edit_away("mission", &mut found);
        let mut words: Vec<&str> = found.iter().map(|&t| terms.term(t)).collect();
        crate::sort::all(&mut words);
        assert_eq!(words, ["emission", "missions", "misson"]);
    }

    #[test]
    fn positions_are_kept_per_document() {
        let first_seen = vec!["a".to_string(), "b".to_string()];
        let mut stream = TermStream::default();
        stream.push_doc(0, &mut [(0, 300), (1, 1), (0, 0)]);
        stream.push_doc(3, &mut [(0, 70_000)]);
        let terms = Terms::build(first_seen, &stream);
        let a = terms.find("a").unwrap_or(u32::MAX);
        assert_eq!(terms.docs(a), [0, 3]);
        let postings: Vec<Posting> = terms.postings(a).collect();
        let positions = |p: &Posting| {
            let mut out = Vec::new();
            p.positions_into(&mut out);
            out
        };
        assert_eq!(positions(&postings[0]), [0, 300]);
        assert_eq!(positions(&postings[1]), [70_000]);
        assert_eq!(postings[0].frequency, 2);
        let mut cursor = terms.postings(a);
        assert_eq!(cursor.find(1).map(|p| p.doc), None);
        assert_eq!(cursor.find(3).map(|p| p.frequency), Some(1));
        assert_eq!(cursor.find(4).map(|p| p.doc), None);
    }
}

//! The term dictionary: every folded word of the corpus, sorted, with its posting list
//! (documents) and the word positions inside each document (for phrases and BM25's term
//! frequency).
//!
//! Terms live in one string arena in sorted order, so a term id is its rank: exact lookup
//! and prefix ranges are binary searches. Typo tolerance scans only the terms whose length
//! is within one of the query's (a length-bucketed list of ids), with a linear one-edit
//! check that stops at the second difference.

use super::postings::Lists;
use std::ops::Range;

/// Term ids are ranks in the sorted dictionary.
pub type TermId = u32;

/// Sorted terms with their postings and positions.
#[derive(Debug, Clone, Default)]
pub struct Terms {
    arena: String,
    /// `ends[t]` is where term `t` ends in `arena` (it starts where `t - 1` ends).
    ends: Vec<u32>,
    docs: Lists,
    /// For posting `i` (a global index into `docs`' items), its positions are the
    /// varint-coded gaps in `positions[position_starts[i]..position_starts[i + 1]]`.
    position_starts: Vec<u32>,
    positions: Vec<u8>,
    by_length: Lists,
}

/// One occurrence of a word while building: which term, where.
#[derive(Debug, Clone, Copy)]
pub struct Occurrence {
    /// Term id in first-seen order.
    pub term: u32,
    /// Document.
    pub doc: u32,
    /// Word position in the document.
    pub position: u32,
}

impl Terms {
    /// Builds the dictionary from terms in first-seen order and their occurrences, which
    /// must come in document order and, within a document, in position order.
    pub fn build(first_seen: Vec<String>, occurrences: &[Occurrence]) -> Self {
        let mut order: Vec<u32> = (0..first_seen.len() as u32).collect();
        order.sort_unstable_by(|&a, &b| first_seen[a as usize].cmp(&first_seen[b as usize]));
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
        let max_len = length_pairs.iter().map(|p| p.0).max().unwrap_or(0) as usize;
        let by_length = Lists::from_pairs(max_len + 1, &length_pairs);

        // Group occurrences by term (stable, so each term's stay in doc, position order).
        let pairs: Vec<(u32, u32)> = occurrences
            .iter()
            .enumerate()
            .map(|(i, o)| (rank[o.term as usize], i as u32))
            .collect();
        let grouped = Lists::from_pairs(first_seen.len(), &pairs);
        let mut doc_pairs = Vec::new();
        let mut position_starts = Vec::new();
        let mut positions = Vec::with_capacity(occurrences.len());
        for term in 0..first_seen.len() as u32 {
            let mut last_doc = None;
            let mut last_position = 0;
            for &i in grouped.get(term) {
                let o = occurrences[i as usize];
                if last_doc != Some(o.doc) {
                    doc_pairs.push((term, o.doc));
                    position_starts.push(positions.len() as u32);
                    last_doc = Some(o.doc);
                    last_position = 0;
                }
                push_varint(o.position - last_position, &mut positions);
                last_position = o.position;
            }
        }
        position_starts.push(positions.len() as u32);
        Self {
            arena,
            ends,
            docs: Lists::from_pairs(first_seen.len(), &doc_pairs),
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
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
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

    /// Documents containing term `id`, ascending.
    pub fn docs(&self, id: TermId) -> &[u32] {
        self.docs.get(id)
    }

    /// Positions of term `id` in its `nth` document (the `nth` entry of [`Self::docs`]),
    /// ascending, appended to `out`.
    pub fn positions_into(&self, id: TermId, nth: usize, out: &mut Vec<u32>) {
        let mut position = 0;
        let mut value = 0;
        let mut shift = 0;
        for &byte in self.coded_positions(id, nth) {
            value |= u32::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                position += value;
                out.push(position);
                value = 0;
                shift = 0;
            } else {
                shift = (shift + 7).min(28);
            }
        }
    }

    /// How often term `id` occurs in its `nth` document: one varint ends in each position.
    pub fn frequency(&self, id: TermId, nth: usize) -> u32 {
        self.coded_positions(id, nth)
            .iter()
            .filter(|&&b| b & 0x80 == 0)
            .count() as u32
    }

    fn coded_positions(&self, id: TermId, nth: usize) -> &[u8] {
        let posting = self.docs.start_of(id) + nth;
        match (
            self.position_starts.get(posting),
            self.position_starts.get(posting + 1),
        ) {
            (Some(&s), Some(&e)) => &self.positions[s as usize..e as usize],
            _ => &[],
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

/// Appends `value` in LEB128 form: seven bits a byte, high bit set on all but the last.
fn push_varint(mut value: u32, out: &mut Vec<u8>) {
    while value >= 0x80 {
        out.push((value & 0x7f) as u8 | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
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
        let occurrences: Vec<Occurrence> = (0..words.len() as u32)
            .map(|i| Occurrence {
                term: i,
                doc: 0,
                position: i,
            })
            .collect();
        Terms::build(first_seen, &occurrences)
    }

    #[test]
    fn terms_are_found_by_exact_spelling() {
        let terms = dictionary(&["mission", "border", "armenia"]);
        assert_eq!(terms.find("border").map(|t| terms.term(t)), Some("border"));
        assert_eq!(terms.find("borde"), None);
        assert_eq!(terms.find("zzz"), None);
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
        words.sort();
        assert_eq!(words, ["emission", "missions", "misson"]);
    }

    #[test]
    fn positions_are_kept_per_document() {
        let first_seen = vec!["a".to_string(), "b".to_string()];
        let occ = |term, doc, position| Occurrence {
            term,
            doc,
            position,
        };
        let terms = Terms::build(
            first_seen,
            &[
                occ(0, 0, 0),
                occ(1, 0, 1),
                occ(0, 0, 300),
                occ(0, 3, 70_000),
            ],
        );
        let a = terms.find("a").unwrap_or(u32::MAX);
        assert_eq!(terms.docs(a), [0, 3]);
        let positions = |nth| {
            let mut out = Vec::new();
            terms.positions_into(a, nth, &mut out);
            out
        };
        assert_eq!(positions(0), [0, 300]);
        assert_eq!(positions(1), [70_000]);
        assert_eq!(terms.frequency(a, 0), 2);
    }
}

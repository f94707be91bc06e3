//! Evaluation: which articles match a [`Filter`], as a [`DocSet`], plus the terms that
//! ranking and highlighting need. Nothing here decides what to show.
//!
//! Edge semantics: an unknown entity, speaker, source, metadata value or word matches no
//! article (an empty set, not an error and not "everything"); an empty filter matches every
//! article.

use super::filter::{Collection, DateField, Filter};
use super::text::{LastWord, TextQuery, Unit};
use crate::index::dates::{DayRange, upper};
use crate::index::{DocSet, Index, TermId};

/// Weight of a word's own term in ranking.
pub(crate) const EXACT_WEIGHT: f32 = 1.0;
/// Weight of terms the last word matches as a prefix: below the word itself.
pub(crate) const PREFIX_WEIGHT: f32 = 0.5;
/// Weight of terms one edit away: below exact and prefix matches.
pub(crate) const TYPO_WEIGHT: f32 = 0.3;
/// A prefix expands to at most this many terms (the most frequent ones).
pub(crate) const MAX_PREFIX_TERMS: usize = 48;
/// Words shorter than this (in characters) get no typo tolerance.
pub(crate) const MIN_TYPO_LEN: usize = 5;

/// The outcome of evaluating a filter.
#[derive(Debug, Clone)]
pub struct Evaluation {
    /// The matching articles.
    pub matches: DocSet,
    /// Terms to rank by, with their weights (empty when the query has no text).
    pub scored: Vec<(TermId, f32)>,
}

/// Evaluates `filter` against `index`, its text a finished query (a link).
pub fn evaluate(index: &Index, filter: &Filter) -> Evaluation {
    evaluate_with(index, filter, LastWord::Complete)
}

/// Evaluates `filter` against `index`; `last_word` says whether the text's last word is still
/// being typed (then it also matches as a prefix).
pub fn evaluate_with(index: &Index, filter: &Filter, last_word: LastWord) -> Evaluation {
    let universe = index.len() as u32;
    let mut matches = DocSet::full(universe);
    let mut scored = Vec::new();
    let query = TextQuery::parse_with(&filter.text, last_word);
    for group in &query.groups {
        let mut any = DocSet::empty(universe);
        for unit in group {
            let mut docs = unit_docs(index, unit, &mut scored);
            if unit.negated {
                docs.complement();
            }
            any.union_with(&docs);
        }
        matches.intersect_with(&any);
    }
    // Smallest list first: later intersections then start from fewer documents.
    let mut lists: Vec<&[u32]> = Vec::new();
    for entity in &filter.entities {
        lists.push(
            index
                .entity_of(entity.as_str())
                .map_or(&[], |e| index.entity_docs(e)),
        );
    }
    for speaker in &filter.speakers {
        lists.push(
            index
                .speaker_of(speaker)
                .map_or(&[], |s| index.speaker_docs(s)),
        );
    }
    if let Some(source) = &filter.source {
        lists.push(
            index
                .source_of(source)
                .map_or(&[], |s| index.source_docs(s)),
        );
    }
    if filter.collection == Some(Collection::Yours) {
        lists.push(index.own_docs());
    }
    let meta = index.meta_fields();
    for condition in &filter.fields {
        lists.push(
            meta.value_of(&condition.field, &condition.value)
                .map_or(&[], |v| meta.docs(v)),
        );
    }
    crate::sort::by_key(&mut lists, |l| l.len());
    for list in lists {
        matches.intersect_sorted(list);
    }
    if filter.collection == Some(Collection::Site) {
        matches.subtract(&DocSet::from_sorted(universe, index.own_docs()));
    }
    if let Some(range) = date_range(filter) {
        let mut in_range = DocSet::empty(universe);
        let table = match filter.dates {
            DateField::Published => &index.published,
            DateField::Mentioned => &index.mentioned,
        };
        table.overlapping(range, |doc| in_range.insert(doc));
        matches.intersect_with(&in_range);
    }
    Evaluation { matches, scored }
}

/// The filter's date range as keys, if it has one.
pub fn date_range(filter: &Filter) -> Option<DayRange> {
    if filter.from.is_none() && filter.to.is_none() {
        return None;
    }
    Some(DayRange {
        lo: filter.from.map_or(0, |d| DayRange::of_date(d).lo),
        hi: filter
            .to
            .map_or(u32::MAX, |d| upper(DayRange::of_date(d).lo)),
    })
}

/// The articles one unit matches; pushes the terms it matched on to `scored` (positive
/// units only).
fn unit_docs(index: &Index, unit: &Unit, scored: &mut Vec<(TermId, f32)>) -> DocSet {
    let universe = index.len() as u32;
    let terms = index.terms();
    let mut docs = DocSet::empty(universe);
    let mut expanded = Vec::new();
    if let [word] = unit.words.as_slice() {
        let exact = terms.find(word);
        if let Some(term) = exact {
            expanded.push((term, EXACT_WEIGHT));
        }
        if unit.prefix {
            expanded.extend(prefix_terms(index, word).map(|t| (t, PREFIX_WEIGHT)));
        }
        if !unit.exact && word.chars().count() >= MIN_TYPO_LEN {
            let mut near = Vec::new();
            terms.one_edit_away(word, &mut near);
            for term in near {
                if !expanded.iter().any(|(t, _)| *t == term) {
                    expanded.push((term, TYPO_WEIGHT));
                }
            }
        }
        for &(term, _) in &expanded {
            for &doc in terms.docs(term) {
                docs.insert(doc);
            }
        }
    } else if let Some((last, leading)) = unit.words.split_last() {
        let ids: Option<Vec<TermId>> = leading.iter().map(|w| terms.find(w)).collect();
        if let Some(mut ids) = ids {
            expanded.extend(ids.iter().map(|&t| (t, EXACT_WEIGHT)));
            // While typing, a phrase's last word is a prefix: one phrase per completion.
            let mut lasts: Vec<(TermId, f32)> = terms
                .find(last)
                .map(|t| (t, EXACT_WEIGHT))
                .into_iter()
                .collect();
            if unit.prefix {
                lasts.extend(prefix_terms(index, last).map(|t| (t, PREFIX_WEIGHT)));
            }
            for &(term, weight) in &lasts {
                ids.push(term);
                let before = docs.count();
                phrase_docs(index, &ids, &mut docs);
                if docs.count() > before {
                    expanded.push((term, weight));
                }
                ids.pop();
            }
        }
    }
    if !unit.negated {
        scored.extend(expanded);
    }
    docs
}

/// The terms that start with `word` and are longer, the most frequent
/// [`MAX_PREFIX_TERMS`] of them.
fn prefix_terms(index: &Index, word: &str) -> impl Iterator<Item = TermId> {
    let terms = index.terms();
    let exact = terms.find(word);
    let mut prefixed: Vec<TermId> = terms
        .prefix_range(word)
        .filter(|t| Some(*t) != exact)
        .collect();
    if prefixed.len() > MAX_PREFIX_TERMS {
        crate::sort::by_key(&mut prefixed, |&t| std::cmp::Reverse(terms.docs(t).len()));
        prefixed.truncate(MAX_PREFIX_TERMS);
    }
    prefixed.into_iter()
}

/// Inserts into `out` every document where `phrase` occurs as adjacent words, in order.
/// Walks the rarest word's documents; the others' postings only move forward.
fn phrase_docs(index: &Index, phrase: &[TermId], out: &mut DocSet) {
    let terms = index.terms();
    let Some((rarest_at, &rarest)) = phrase
        .iter()
        .enumerate()
        .min_by_key(|(_, t)| terms.docs(**t).len())
    else {
        return;
    };
    let mut cursors: Vec<_> = phrase.iter().map(|&t| terms.postings(t)).collect();
    // Position lists reused across documents: no allocation per candidate.
    let mut lists: Vec<Vec<u32>> = vec![Vec::new(); phrase.len()];
    'docs: for &doc in terms.docs(rarest) {
        for (list, cursor) in lists.iter_mut().zip(&mut cursors) {
            list.clear();
            match cursor.find(doc) {
                Some(posting) => posting.positions_into(list),
                None => continue 'docs,
            }
        }
        for &at in &lists[rarest_at] {
            let Some(start) = at.checked_sub(rarest_at as u32) else {
                continue;
            };
            let all_there = lists
                .iter()
                .enumerate()
                .all(|(i, positions)| positions.binary_search(&(start + i as u32)).is_ok());
            if all_there {
                out.insert(doc);
                continue 'docs;
            }
        }
    }
}

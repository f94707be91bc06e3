//! Collection: from the matching set to what a view shows — ranked hits (BM25 with text,
//! newest first without), quote hits and facet counts ([`histogram`](super::histogram) does
//! the dates).
//!
//! A facet value's count is the number of matching articles it would leave if added to
//! the filter (`|postings(value) ∩ matches|`), counted in one pass over the matches' own
//! (forward) lists, so the cost follows the number of matches, not of values.

use super::eval::{Evaluation, evaluate};
use super::filter::Filter;
use super::histogram::{Histogram, histogram};
use crate::extract::EntityKind;
use crate::index::{DocSet, Index, NONE, TermId};
use crate::span::ByteSpan;

/// BM25 term-frequency saturation.
const K1: f32 = 1.2;
/// BM25 length normalisation.
const B: f32 = 0.75;

/// How much to collect.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Ranked articles to return.
    pub hits: usize,
    /// Quotes to return, taken from the ranked hits in rank order (so at most those of
    /// the first `hits` articles).
    pub quotes: usize,
    /// Values per facet.
    pub facet_values: usize,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            hits: 50,
            quotes: 50,
            facet_values: 20,
        }
    }
}

/// One ranked article.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    /// Document ([`Index::doc`]).
    pub doc: u32,
    /// BM25 score (0 without text).
    pub score: f32,
}

/// One quote of a matching article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuoteHit {
    /// Index into [`Index::quotes`].
    pub quote: u32,
    /// Document.
    pub doc: u32,
    /// Speaker ([`Index::speakers`]), if known.
    pub speaker: Option<u32>,
    /// The quotation in the article text.
    pub span: ByteSpan,
}

/// One facet value and how many matching articles it would leave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetValue {
    /// Link key (entity id, speaker key, source name).
    pub key: String,
    /// Display name.
    pub label: String,
    /// Matching articles that have it.
    pub count: u32,
}

/// Facet counts per kind, most frequent first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facets {
    /// People named.
    pub people: Vec<FacetValue>,
    /// Organisations named.
    pub organizations: Vec<FacetValue>,
    /// Places named.
    pub places: Vec<FacetValue>,
    /// Speakers quoted.
    pub speakers: Vec<FacetValue>,
    /// Sources.
    pub sources: Vec<FacetValue>,
}

/// Everything a view shows for one filter.
#[derive(Debug, Clone)]
pub struct Results {
    /// Number of matching articles.
    pub total: usize,
    /// The matching articles.
    pub matches: DocSet,
    /// The best articles, best first.
    pub hits: Vec<Hit>,
    /// Quotes of the best articles (of the filter's speakers, when it names some).
    pub quotes: Vec<QuoteHit>,
    /// Facet counts.
    pub facets: Facets,
    /// Date histogram.
    pub histogram: Histogram,
    /// Folded words to highlight in snippets.
    pub highlight: Vec<String>,
}

/// Evaluates `filter` and collects with default [`Options`].
pub fn search(index: &Index, filter: &Filter) -> Results {
    search_with(index, filter, Options::default())
}

/// Evaluates `filter` and collects as much as `options` asks.
pub fn search_with(index: &Index, filter: &Filter, options: Options) -> Results {
    let Evaluation { matches, scored } = evaluate(index, filter);
    let hits = rank(index, &matches, &scored, options.hits);
    let quotes = quote_hits(index, filter, &hits, options.quotes);
    let facets = facets(index, &matches, options.facet_values);
    let histogram = histogram(index, filter, &matches);
    let mut highlight: Vec<String> = scored
        .iter()
        .map(|&(t, _)| index.terms().term(t).to_string())
        .collect();
    highlight.sort_unstable();
    highlight.dedup();
    Results {
        total: matches.count(),
        matches,
        hits,
        quotes,
        facets,
        histogram,
        highlight,
    }
}

/// The best `limit` matches: by BM25 over `scored` when there is text, else newest first.
fn rank(index: &Index, matches: &DocSet, scored: &[(TermId, f32)], limit: usize) -> Vec<Hit> {
    if scored.is_empty() {
        return index
            .newest_first
            .iter()
            .filter(|&&d| matches.contains(d))
            .take(limit)
            .map(|&doc| Hit { doc, score: 0.0 })
            .collect();
    }
    let terms = index.terms();
    let n = index.len();
    let average = index.average_words;
    let mut scores = vec![0f32; index.len()];
    for &(term, weight) in scored {
        let idf = idf(n, terms.docs(term).len());
        for posting in terms.postings(term) {
            let doc = posting.doc;
            if !matches.contains(doc) {
                continue;
            }
            let length = index.docs[doc as usize].words;
            scores[doc as usize] += weight * idf * norm(posting.frequency, length, average);
        }
    }
    let mut hits: Vec<Hit> = matches
        .iter()
        .map(|doc| Hit {
            doc,
            score: scores[doc as usize],
        })
        .collect();
    let better = |a: &Hit, b: &Hit| b.score.total_cmp(&a.score).then(a.doc.cmp(&b.doc));
    if hits.len() > limit && limit > 0 {
        hits.select_nth_unstable_by(limit - 1, better);
    }
    hits.truncate(limit);
    hits.sort_unstable_by(better);
    hits
}

/// BM25's inverse document frequency of a term in `df` of `n` documents (shared with the
/// archive reader, so both rank bit for bit alike).
pub(crate) fn idf(n: usize, df: usize) -> f32 {
    let (n, df) = (n as f32, df as f32);
    (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
}

/// BM25's saturated, length-normalised term frequency.
pub(crate) fn norm(frequency: u32, length: u32, average: f32) -> f32 {
    let tf = frequency as f32;
    let average = average.max(1.0);
    tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * length as f32 / average))
}

/// Quotes of the ranked articles, in rank order; only the filter's speakers when it names any.
fn quote_hits(index: &Index, filter: &Filter, hits: &[Hit], limit: usize) -> Vec<QuoteHit> {
    let wanted: Vec<u32> = filter
        .speakers
        .iter()
        .filter_map(|s| index.speaker_of(s))
        .collect();
    let mut out = Vec::new();
    for hit in hits {
        for &q in index.doc_quotes(hit.doc) {
            let quote = index.quotes[q as usize];
            if !wanted.is_empty() && !wanted.contains(&quote.speaker) {
                continue;
            }
            if out.len() == limit {
                return out;
            }
            out.push(QuoteHit {
                quote: q,
                doc: quote.doc,
                speaker: (quote.speaker != NONE).then_some(quote.speaker),
                span: quote.span,
            });
        }
    }
    out
}

/// Facet counts over the matching articles.
fn facets(index: &Index, matches: &DocSet, per_facet: usize) -> Facets {
    let mut entity_counts = vec![0u32; index.entities.len()];
    let mut speaker_counts = vec![0u32; index.speakers.len()];
    let mut source_counts = vec![0u32; index.sources.len()];
    for doc in matches.iter() {
        for &e in index.doc_entities.get(doc) {
            entity_counts[e as usize] += 1;
        }
        for &s in index.doc_speakers.get(doc) {
            speaker_counts[s as usize] += 1;
        }
        if let Some(count) = source_counts.get_mut(index.docs[doc as usize].source as usize) {
            *count += 1;
        }
    }
    let entities_of = |kind: EntityKind| {
        top(
            &entity_counts,
            per_facet,
            |e| index.entities[e].kind == kind,
            |e| {
                (
                    index.entities[e].id.0.clone(),
                    index.entities[e].name.clone(),
                )
            },
        )
    };
    Facets {
        people: entities_of(EntityKind::Person),
        organizations: entities_of(EntityKind::Organization),
        places: entities_of(EntityKind::Place),
        speakers: top(
            &speaker_counts,
            per_facet,
            |_| true,
            |s| {
                (
                    index.speakers[s].key.clone(),
                    index.speakers[s].name.clone(),
                )
            },
        ),
        sources: top(
            &source_counts,
            per_facet,
            |_| true,
            |s| (index.sources[s].clone(), index.sources[s].clone()),
        ),
    }
}

/// The `limit` values with the highest non-zero counts (ties by value number), among those
/// `keep` accepts. Selection, then a sort of the few kept: linear in the number of values.
pub(crate) fn top(
    counts: &[u32],
    limit: usize,
    keep: impl Fn(usize) -> bool,
    describe: impl Fn(usize) -> (String, String),
) -> Vec<FacetValue> {
    let mut best: Vec<(u32, usize)> = counts
        .iter()
        .enumerate()
        .filter(|&(value, &count)| count > 0 && keep(value))
        .map(|(value, &count)| (count, value))
        .collect();
    let order = |a: &(u32, usize), b: &(u32, usize)| b.0.cmp(&a.0).then(a.1.cmp(&b.1));
    if best.len() > limit && limit > 0 {
        best.select_nth_unstable_by(limit - 1, order);
    }
    best.truncate(limit);
    best.sort_unstable_by(order);
    best.into_iter()
        .map(|(count, value)| {
            let (key, label) = describe(value);
            FacetValue { key, label, count }
        })
        .collect()
}

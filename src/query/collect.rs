//! Collection: from the matching set to what a view shows — ranked hits (BM25 with text,
//! newest first without), quote hits, facet counts and the date histogram.
//!
//! A facet value's count is the number of matching articles it would leave if added to
//! the filter (`|postings(value) ∩ matches|`), counted in one pass over the matches' own
//! (forward) lists, so the cost follows the number of matches, not of values.

use super::eval::{Evaluation, date_range, evaluate};
use super::filter::{DateField, Filter};
use crate::extract::EntityKind;
use crate::index::dates::{parts, upper};
use crate::index::{DayRange, DocSet, Index, NONE, TermId};
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
    /// Quotes to return.
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

/// Bucket size of a histogram.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Granularity {
    /// One bucket per year.
    Year,
    /// One bucket per month.
    Month,
    /// One bucket per day.
    Day,
}

/// One histogram bucket.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bucket {
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; a date coarser than the granularity keeps its own
    /// (`1987` among months); year-unknown ones read `XXXX-MM(-DD)`.
    pub label: String,
    /// Articles (published) or mentions (mentioned) in it.
    pub count: u32,
}

/// Matching dates over time. Only non-empty buckets are listed, in time order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Histogram {
    /// Bucket size, chosen from the range (the filter's, else the data's).
    pub granularity: Granularity,
    /// Buckets with a known year.
    pub buckets: Vec<Bucket>,
    /// Dates with a month but no year (mentioned dates only).
    pub year_unknown: Vec<Bucket>,
    /// Matching articles without a date (published dates only).
    pub undated: u32,
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
    let n = index.len() as f32;
    let average = index.average_words.max(1.0);
    let mut scores = vec![0f32; index.len()];
    for &(term, weight) in scored {
        let docs = terms.docs(term);
        let df = docs.len() as f32;
        let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
        for (nth, &doc) in docs.iter().enumerate() {
            if !matches.contains(doc) {
                continue;
            }
            let tf = terms.frequency(term, nth) as f32;
            let length = index.docs[doc as usize].words as f32;
            let norm = tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * length / average));
            scores[doc as usize] += weight * idf * norm;
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
fn top(
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

/// The histogram of the dates the filter ranges over.
fn histogram(index: &Index, filter: &Filter, matches: &DocSet) -> Histogram {
    let range = date_range(filter);
    let mut known: Vec<u32> = Vec::new();
    let mut year_unknown: Vec<u32> = Vec::new();
    let mut undated = 0;
    match filter.dates {
        DateField::Published => {
            // Oldest first, so the keys come sorted and the sort below is linear.
            for &doc in index.newest_first.iter().rev() {
                if matches.contains(doc) {
                    match index.published_keys[doc as usize] {
                        0 => undated += 1,
                        key => known.push(key),
                    }
                }
            }
        }
        DateField::Mentioned => {
            for doc in matches.iter() {
                for &key in index.doc_mentioned.get(doc) {
                    let inside = range.is_none_or(|r| {
                        DayRange {
                            lo: key,
                            hi: upper(key),
                        }
                        .overlaps(r)
                    });
                    if inside {
                        known.push(key);
                    }
                }
                year_unknown.extend_from_slice(index.doc_year_unknown.get(doc));
            }
        }
    }
    let (lo, hi) = match range {
        Some(r) if r.lo > 0 && r.hi < u32::MAX => (r.lo, r.hi),
        _ => (
            known.iter().copied().min().unwrap_or(0),
            known.iter().copied().max().unwrap_or(0),
        ),
    };
    let granularity = granularity_for(lo, hi);
    Histogram {
        granularity,
        buckets: buckets(&mut known, granularity, false),
        year_unknown: buckets(&mut year_unknown, Granularity::Day, true),
        undated,
    }
}

/// Years for ranges of three years or more, months for three months or more, else days.
fn granularity_for(lo: u32, hi: u32) -> Granularity {
    let (y1, m1, _) = parts(lo);
    let (y2, m2, _) = parts(hi.min(99_991_231));
    let months = (y2 * 12 + m2.clamp(1, 12)).saturating_sub(y1 * 12 + m1.clamp(1, 12));
    if months >= 36 {
        Granularity::Year
    } else if months >= 3 {
        Granularity::Month
    } else {
        Granularity::Day
    }
}

/// Counts keys per bucket, in time order.
fn buckets(keys: &mut [u32], granularity: Granularity, year_unknown: bool) -> Vec<Bucket> {
    for key in keys.iter_mut() {
        *key = match granularity {
            Granularity::Year => *key / 10000 * 10000,
            Granularity::Month => *key / 100 * 100,
            Granularity::Day => *key,
        };
    }
    keys.sort_unstable();
    let mut out: Vec<Bucket> = Vec::new();
    let mut last = None;
    for &key in keys.iter() {
        if last == Some(key) {
            if let Some(bucket) = out.last_mut() {
                bucket.count += 1;
            }
            continue;
        }
        last = Some(key);
        out.push(Bucket {
            label: label(key, year_unknown),
            count: 1,
        });
    }
    out
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` as far as the key is known.
fn label(key: u32, year_unknown: bool) -> String {
    let (year, month, day) = parts(key);
    let year = if year_unknown {
        "XXXX".to_string()
    } else {
        format!("{year:04}")
    };
    match (month, day) {
        (0, _) => year,
        (m, 0) => format!("{year}-{m:02}"),
        (m, d) => format!("{year}-{m:02}-{d:02}"),
    }
}

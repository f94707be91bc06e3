//! Collection: from the matching set to what a view shows — ranked hits (BM25 with text,
//! newest first without), quote hits and facet counts ([`histogram`](super::histogram) does
//! the dates).
//!
//! A facet value's count is the number of matching articles it would leave if added to
//! the filter (`|postings(value) ∩ matches|`), counted in one pass over the matches' own
//! (forward) lists, so the cost follows the number of matches, not of values.

use super::eval::{Evaluation, evaluate_with};
use super::filter::{Filter, Sort};
use super::histogram::{Histogram, histogram};
use super::text::LastWord;
use crate::extract::EntityKind;
use crate::index::fold::fold;
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
    /// Which facets to count. The embedded build counts every facet whatever this says
    /// (its counting is one pass over the matches, all in memory); an archive counts only
    /// these, each from its own parts.
    pub facet_panels: FacetSet,
    /// Whether the text's last word is still being typed (the search box has focus); never
    /// part of a link.
    pub last_word: LastWord,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            hits: 50,
            quotes: 50,
            facet_values: 20,
            facet_panels: FacetSet::ALL,
            last_word: LastWord::Complete,
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

/// The values of one facet with the most matching articles, and how many values there are.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FacetList {
    /// The values, most frequent first (at most the `limit` asked for).
    pub values: Vec<FacetValue>,
    /// Values with a non-zero count, shown or not.
    pub total: usize,
}

/// One metadata field's facet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldFacet {
    /// The field (`topics`), as `m.topics=` names it.
    pub field: String,
    /// Its values.
    pub list: FacetList,
}

/// Facet counts per kind, most frequent first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facets {
    /// People named.
    pub people: FacetList,
    /// Organisations named.
    pub organizations: FacetList,
    /// Places named.
    pub places: FacetList,
    /// Speakers quoted.
    pub speakers: FacetList,
    /// Sources.
    pub sources: FacetList,
    /// Metadata fields, in the index's order (by name).
    pub fields: Vec<FieldFacet>,
    /// How many matches are the reader's own articles ([`crate::own`]); the rest are the site's.
    pub own: usize,
    /// The facets whose lists are counted; the others are empty, not zero (an archive
    /// counts the panels on screen, see [`Options::facet_panels`]).
    pub counted: FacetSet,
}

/// A set of facet panels: people, organisations, places, speakers, sources, and the
/// metadata fields (one member for all of them: they sit together at the sidebar's end,
/// and a field's place in the list can differ between an archive and the reader's own
/// articles). A bit set, so that [`Options`] stays `Copy`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct FacetSet(u8);

impl FacetSet {
    /// No facet.
    pub const NONE: Self = Self(0);
    /// Every facet.
    pub const ALL: Self = Self(0b11_1111);

    /// The panel of `facet` (none for other names, which no panel lists).
    pub fn of(facet: &Facet) -> Self {
        let bit = match facet {
            Facet::Entities(EntityKind::Person) => 0,
            Facet::Entities(EntityKind::Organization) => 1,
            Facet::Entities(EntityKind::Place) => 2,
            Facet::Entities(EntityKind::Misc) => return Self::NONE,
            Facet::Speakers => 3,
            Facet::Sources => 4,
            Facet::Field(_) => 5,
        };
        Self(1 << bit)
    }

    /// Both sets' panels.
    pub fn with(self, other: Self) -> Self {
        Self(self.0 | other.0)
    }

    /// Whether every panel of `other` is in this set.
    pub fn contains(self, other: Self) -> bool {
        self.0 & other.0 == other.0
    }

    /// Whether `facet`'s panel is in this set.
    pub fn has(self, facet: &Facet) -> bool {
        let panel = Self::of(facet);
        !panel.is_empty() && self.contains(panel)
    }

    /// Whether the set has no panel.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The bits, as the page writes them on a panel and reads them back.
    pub fn bits(self) -> u8 {
        self.0
    }

    /// A set from [`FacetSet::bits`] (unknown bits dropped).
    pub fn from_bits(bits: u8) -> Self {
        Self(bits & Self::ALL.0)
    }
}

/// Which facet (for [`facet_values`]).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Facet {
    /// Entities of one kind.
    Entities(EntityKind),
    /// Speakers.
    Speakers,
    /// Sources.
    Sources,
    /// A metadata field, by name.
    Field(String),
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
    let Evaluation { matches, scored } = evaluate_with(index, filter, options.last_word);
    let hits = match filter.ranking() {
        Sort::Relevance => rank(index, &matches, &scored, options.hits),
        Sort::Newest => by_date(index, &matches, options.hits, false),
        Sort::Oldest => by_date(index, &matches, options.hits, true),
    };
    let quotes = quote_hits(index, filter, &hits, options.quotes);
    let facets = facets(index, &matches, options.facet_values);
    let histogram = histogram(index, filter, &matches);
    let mut highlight: Vec<String> = scored
        .iter()
        .map(|&(t, _)| index.terms().term(t).to_string())
        .collect();
    crate::sort::unstable(&mut highlight);
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

/// The first `limit` matches by publication date, newest or oldest first; undated
/// articles come last either way (they have no place in a chronology).
fn by_date(index: &Index, matches: &DocSet, limit: usize, oldest_first: bool) -> Vec<Hit> {
    let hit = |&doc: &u32| Hit { doc, score: 0.0 };
    let keep = |d: &&u32| matches.contains(**d);
    if !oldest_first {
        return index
            .newest_first
            .iter()
            .filter(keep)
            .take(limit)
            .map(hit)
            .collect();
    }
    // Matches come in corpus order and the sort is stable: ties keep corpus order.
    let mut dated: Vec<u32> = matches
        .iter()
        .filter(|&d| index.published_keys[d as usize] != 0)
        .collect();
    crate::sort::by_key(&mut dated, |&d| index.published_keys[d as usize]);
    let undated = matches
        .iter()
        .filter(|&d| index.published_keys[d as usize] == 0);
    dated
        .into_iter()
        .chain(undated)
        .take(limit)
        .map(|doc| Hit { doc, score: 0.0 })
        .collect()
}

/// The best `limit` matches: by BM25 over `scored` when there is text, else newest first.
fn rank(index: &Index, matches: &DocSet, scored: &[(TermId, f32)], limit: usize) -> Vec<Hit> {
    if scored.is_empty() {
        return by_date(index, matches, limit, false);
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
    crate::sort::unstable_by(&mut hits, better);
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
    let meta = index.meta_fields();
    let mut value_counts = vec![0u32; meta.value_count()];
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
        for &v in meta.doc_values(doc) {
            value_counts[v as usize] += 1;
        }
    }
    let entities_of = |kind: EntityKind| {
        top(
            &entity_counts,
            per_facet,
            |e| index.entities[e].kind == kind,
            |e| describe(index, &Facet::Entities(kind), e),
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
            |s| describe(index, &Facet::Speakers, s),
        ),
        sources: top(
            &source_counts,
            per_facet,
            |_| true,
            |s| describe(index, &Facet::Sources, s),
        ),
        fields: meta
            .fields()
            .iter()
            .map(|field| {
                let range = field.values.start as usize..field.values.end as usize;
                FieldFacet {
                    field: field.name.clone(),
                    list: top(
                        &value_counts,
                        per_facet,
                        |v| range.contains(&v),
                        |v| {
                            let value = meta.value(v as u32).to_string();
                            (value.clone(), value)
                        },
                    ),
                }
            })
            .collect(),
        own: matches.count_in(index.own_docs()),
        counted: FacetSet::ALL,
    }
}

/// The link key and display name of value `value` of `facet`.
fn describe(index: &Index, facet: &Facet, value: usize) -> (String, String) {
    match facet {
        Facet::Entities(_) => index
            .entities
            .get(value)
            .map(|e| (e.id.0.clone(), e.name.clone()))
            .unwrap_or_default(),
        Facet::Speakers => index
            .speakers
            .get(value)
            .map(|s| (s.key.clone(), s.name.clone()))
            .unwrap_or_default(),
        Facet::Sources => index
            .sources
            .get(value)
            .map(|s| (s.clone(), s.clone()))
            .unwrap_or_default(),
        Facet::Field(_) => {
            let v = index.meta_fields().value(value as u32).to_string();
            (v.clone(), v)
        }
    }
}

/// The values of one facet whose display name contains `needle` (case- and
/// accent-insensitive; empty = every value), with their counts over `matches`, most
/// frequent first, at most `limit`; `total` is how many values matched the needle. Every
/// value of the corpus is searched, not only the ones a facet panel lists, so a name named
/// in two articles out of 19,000 can be found.
pub fn facet_values(
    index: &Index,
    matches: &DocSet,
    facet: &Facet,
    needle: &str,
    limit: usize,
) -> FacetList {
    let meta = index.meta_fields();
    let (mut counts, range) = match facet {
        Facet::Entities(_) => (vec![0u32; index.entities.len()], 0..index.entities.len()),
        Facet::Speakers => (vec![0u32; index.speakers.len()], 0..index.speakers.len()),
        Facet::Sources => (vec![0u32; index.sources.len()], 0..index.sources.len()),
        Facet::Field(name) => match meta.field(name) {
            Some(field) => (
                vec![0u32; meta.value_count()],
                field.values.start as usize..field.values.end as usize,
            ),
            None => return FacetList::default(),
        },
    };
    for doc in matches.iter() {
        match facet {
            Facet::Entities(_) => {
                for &e in index.doc_entities.get(doc) {
                    counts[e as usize] += 1;
                }
            }
            Facet::Speakers => {
                for &s in index.doc_speakers.get(doc) {
                    counts[s as usize] += 1;
                }
            }
            Facet::Sources => {
                if let Some(count) = counts.get_mut(index.docs[doc as usize].source as usize) {
                    *count += 1;
                }
            }
            Facet::Field(_) => {
                for &v in meta.doc_values(doc) {
                    counts[v as usize] += 1;
                }
            }
        }
    }
    let needle = fold(needle.trim());
    let label_of = |value: usize| -> &str {
        match facet {
            Facet::Entities(_) => index.entities.get(value).map_or("", |e| e.name.as_str()),
            Facet::Speakers => index.speakers.get(value).map_or("", |s| s.name.as_str()),
            Facet::Sources => index.sources.get(value).map_or("", String::as_str),
            Facet::Field(_) => meta.value(value as u32),
        }
    };
    top(
        &counts,
        limit,
        |value| {
            range.contains(&value)
                && match facet {
                    Facet::Entities(kind) => index.entities[value].kind == *kind,
                    _ => true,
                }
                && (needle.is_empty() || fold(label_of(value)).contains(&needle))
        },
        |value| describe(index, facet, value),
    )
}

/// The `limit` values with the highest non-zero counts (ties by value number), among those
/// `keep` accepts, and how many there are. Selection, then a sort of the few kept: linear
/// in the number of values.
pub(crate) fn top(
    counts: &[u32],
    limit: usize,
    keep: impl Fn(usize) -> bool,
    describe: impl Fn(usize) -> (String, String),
) -> FacetList {
    let mut best: Vec<(u32, usize)> = counts
        .iter()
        .enumerate()
        .filter(|&(value, &count)| count > 0 && keep(value))
        .map(|(value, &count)| (count, value))
        .collect();
    let total = best.len();
    let order = |a: &(u32, usize), b: &(u32, usize)| b.0.cmp(&a.0).then(a.1.cmp(&b.1));
    if best.len() > limit && limit > 0 {
        best.select_nth_unstable_by(limit - 1, order);
    }
    best.truncate(limit);
    crate::sort::unstable_by(&mut best, order);
    let values = best
        .into_iter()
        .map(|(count, value)| {
            let (key, label) = describe(value);
            FacetValue { key, label, count }
        })
        .collect();
    FacetList { values, total }
}

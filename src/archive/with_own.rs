//! An archive's answer with the reader's own articles mixed in: an archive site holds only
//! the site's articles, while the reader's own (`crate::own`) are indexed in the browser, so
//! a view over both is the archive's answer for the filter plus the in-memory index's answer
//! for the same filter, combined here.
//!
//! - **Totals, facet counts, the Collection facet and the histogram** are sums: the two sets
//!   of articles never overlap (own ids start with `own/`). A facet lists the values of both,
//!   most articles first; its count of values adds the reader's values the archive's top list
//!   does not show.
//! - **The list** merges the two ranked lists in the filter's order: newest or oldest first
//!   by publication date (undated last), or by BM25 score. Each side scores with its own
//!   collection's statistics, the closest comparison there is without one index over both;
//!   with no words to rank by, relevance is newest first, as in both lists alone.
//! - **Quotes** are those of the merged list's articles, in its order.
//!
//! The reader's own documents are numbered after the archive's (`site_docs + doc`), so a hit
//! or a quote names exactly one document.

use super::parts::DocEntry;
use super::read::{ArchiveHit, ArchiveResults, expand, quote_hits};
use crate::corpus::Article;
use crate::index::Index;
use crate::query::histogram::{counted_keys, from_keys, merge_counts, over_time, widen_window};
use crate::query::{
    DateField, Facets, Filter, Histogram, MentionedKeys, Options, Results, Sort, evaluate,
    plausible_years,
};
use crate::query::{FacetList, FacetValue, FieldFacet};

/// The reader's own articles and the in-memory index's answer for the filter.
#[derive(Clone, Copy)]
pub struct OwnAnswer<'a> {
    /// The reader's articles, in index order.
    pub articles: &'a [Article],
    /// Their index.
    pub index: &'a Index,
    /// The filter's results over them.
    pub results: &'a Results,
}

/// `site` (the archive's answer for `filter`, over `site_docs` documents) with `own`'s
/// answer for the same filter mixed in, both asked with `options` (which bound the hits,
/// quotes and facet values kept).
pub fn with_own(
    filter: &Filter,
    site: &ArchiveResults,
    site_docs: u32,
    own: OwnAnswer<'_>,
    options: Options,
) -> ArchiveResults {
    let own_hits: Vec<ArchiveHit> = own
        .results
        .hits
        .iter()
        .filter_map(|hit| {
            let article = own.articles.get(hit.doc as usize)?;
            Some(ArchiveHit {
                doc: site_docs + hit.doc,
                score: hit.score,
                entry: DocEntry::of(own.index, article, hit.doc),
            })
        })
        .collect();
    let hits = merge_hits(filter.ranking(), &site.hits, &own_hits, options.hits);
    let quotes = quote_hits(filter, &hits, options.quotes);
    let mut highlight = site.highlight.clone();
    highlight.extend(own.results.highlight.iter().cloned());
    crate::sort::unstable(&mut highlight);
    highlight.dedup();
    let mentioned = match filter.dates {
        DateField::Published => MentionedKeys::default(),
        DateField::Mentioned => {
            site.mentioned
                .merge(&MentionedKeys::of(own.index, filter, &own.results.matches))
        }
    };
    ArchiveResults {
        total: site.total + own.results.total,
        hits,
        quotes,
        facets: merge_facets(&site.facets, &own.results.facets, options.facet_values),
        histogram: merged_histogram(filter, site, own.index, own.results, &mentioned),
        published: merge_counts(&site.published, &own_published(own.index, own.results)),
        mentioned,
        highlight,
    }
}

/// The timeline's overview (`filter` without its date range) over both: `site` is the
/// archive's answer for that filter.
pub fn overview_with_own(filter: &Filter, site: &ArchiveResults, own_index: &Index) -> Histogram {
    let own = evaluate(own_index, filter);
    if filter.dates == DateField::Mentioned {
        let keys = site
            .mentioned
            .merge(&MentionedKeys::of(own_index, filter, &own.matches));
        return keys.histogram(filter, both_windows(site, own_index));
    }
    let own_keys = published_keys(own_index, own.matches.iter());
    let undated = site.histogram.undated + own_keys.undated;
    let keys = expand(&merge_counts(&site.published, &own_keys.runs));
    from_keys(filter, keys, Vec::new(), undated, None, 0)
}

/// The first `limit` of both ranked lists, in the order `sort` gives them.
fn merge_hits(
    sort: Sort,
    site: &[ArchiveHit],
    own: &[ArchiveHit],
    limit: usize,
) -> Vec<ArchiveHit> {
    let by_score = sort == Sort::Relevance && site.iter().chain(own).any(|h| h.score > 0.0);
    // Whether `a` (the archive's) goes after `b` (the reader's); ties keep the archive's first.
    let after = |a: &ArchiveHit, b: &ArchiveHit| -> bool {
        if by_score {
            return b.score > a.score;
        }
        let dated = |h: &ArchiveHit| !h.entry.date.is_empty();
        match (dated(a), dated(b)) {
            (false, true) => true,
            (true, false) | (false, false) => false,
            (true, true) => match sort {
                Sort::Oldest => b.entry.date < a.entry.date,
                Sort::Newest | Sort::Relevance => b.entry.date > a.entry.date,
            },
        }
    };
    let (mut s, mut o) = (site.iter().peekable(), own.iter().peekable());
    let mut out = Vec::with_capacity(limit.min(site.len() + own.len()));
    while out.len() < limit {
        let next = match (s.peek(), o.peek()) {
            (Some(a), Some(b)) if after(a, b) => o.next(),
            (Some(_), _) => s.next(),
            (None, _) => o.next(),
        };
        match next {
            Some(hit) => out.push(hit.clone()),
            None => break,
        }
    }
    out
}

/// Both collections' facet counts, summed by value; at most `limit` values a facet.
fn merge_facets(site: &Facets, own: &Facets, limit: usize) -> Facets {
    let merge = |site, own| merge_list(site, own, limit);
    Facets {
        people: merge(&site.people, &own.people),
        organizations: merge(&site.organizations, &own.organizations),
        places: merge(&site.places, &own.places),
        speakers: merge(&site.speakers, &own.speakers),
        sources: merge(&site.sources, &own.sources),
        fields: merge_fields(&site.fields, &own.fields, limit),
        own: site.own + own.own,
        // The reader's own articles are counted whole, in the browser; the site's facets
        // only as asked.
        counted: site.counted,
    }
}

/// Both collections' metadata fields, by name: a field either side keeps as a facet is
/// listed, its values' counts summed. (One index over both could judge a field that
/// neither side keeps alone to be a facet; such a field is not listed.)
fn merge_fields(site: &[FieldFacet], own: &[FieldFacet], limit: usize) -> Vec<FieldFacet> {
    fn list_of<'f>(side: &'f [FieldFacet], name: &str) -> Option<&'f FacetList> {
        side.iter().find(|f| f.field == name).map(|f| &f.list)
    }
    let mut names: Vec<&str> = site.iter().chain(own).map(|f| f.field.as_str()).collect();
    crate::sort::unstable(&mut names);
    names.dedup();
    let empty = FacetList::default();
    names
        .into_iter()
        .map(|name| FieldFacet {
            field: name.to_string(),
            list: merge_list(
                list_of(site, name).unwrap_or(&empty),
                list_of(own, name).unwrap_or(&empty),
                limit,
            ),
        })
        .collect()
}

/// One facet of both: counts summed by key, most articles first (then by label), at most
/// `limit` values.
pub fn merge_list(site: &FacetList, own: &FacetList, limit: usize) -> FacetList {
    let mut values: Vec<FacetValue> = site.values.clone();
    let mut added = 0;
    for value in &own.values {
        match values.iter_mut().find(|v| v.key == value.key) {
            Some(same) => same.count += value.count,
            None => {
                values.push(value.clone());
                added += 1;
            }
        }
    }
    crate::sort::by(&mut values, |a, b| {
        b.count
            .cmp(&a.count)
            .then_with(|| a.label.cmp(&b.label))
            .then_with(|| a.key.cmp(&b.key))
    });
    values.truncate(limit);
    FacetList {
        values,
        total: site.total + added + own.total.saturating_sub(own.values.len()),
    }
}

/// The histogram of both collections' matches; `mentioned` is both collections' mentioned
/// dates when the filter ranges over them.
fn merged_histogram(
    filter: &Filter,
    site: &ArchiveResults,
    own_index: &Index,
    own: &Results,
    mentioned: &MentionedKeys,
) -> Histogram {
    if filter.dates == DateField::Mentioned {
        return mentioned.histogram(filter, both_windows(site, own_index));
    }
    let own_keys = own_published(own_index, own);
    let keys = expand(&merge_counts(&site.published, &own_keys));
    let undated = site.histogram.undated + own.histogram.undated;
    from_keys(filter, keys, Vec::new(), undated, None, 0)
}

/// The plausible years of mentioned dates over both collections (the archive's window is
/// in its mentioned-dates histogram).
fn both_windows(site: &ArchiveResults, own_index: &Index) -> Option<(u16, u16)> {
    widen_window(site.histogram.plausible, plausible_years(own_index))
}

/// The own matches' publication date keys, as `(key, documents)` ascending.
fn own_published(index: &Index, own: &Results) -> Vec<(u32, u32)> {
    published_keys(index, own.matches.iter()).runs
}

/// Date keys of some documents.
struct Keys {
    runs: Vec<(u32, u32)>,
    undated: u32,
}

fn published_keys(index: &Index, docs: impl Iterator<Item = u32>) -> Keys {
    let mut keys: Vec<u32> = Vec::new();
    let mut undated = 0;
    for doc in docs {
        match index.published_keys.get(doc as usize) {
            Some(&key) if key > 0 => keys.push(key),
            _ => undated += 1,
        }
    }
    Keys {
        runs: counted_keys(keys),
        undated,
    }
}

/// One article of an archive entity page that counts the reader's own articles too.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageArticle {
    /// Document `doc` of the archive.
    Site(u32),
    /// Document `doc` of the reader's own library.
    Own(u32),
}

/// An archive entity page's counts, chart and lists with the reader's own articles that
/// name the same entity summed in, as one index over both would give them. The two sets of
/// articles never overlap, so counts add.
#[derive(Debug, Clone, PartialEq)]
pub struct EntityWithOwn {
    /// Mentions in both.
    pub mentions: usize,
    /// The articles of both, newest first, undated last; the archive's first on a tie.
    pub articles: Vec<PageArticle>,
    /// How many of them are the reader's.
    pub own_articles: usize,
    /// Both per publication period.
    pub over_time: Histogram,
    /// Other names in either, the archive's first.
    pub aliases: Vec<String>,
    /// Roles in either, the articles giving each added up, most first.
    pub roles: Vec<crate::query::entity_profile::Role>,
    /// Named with it, with the articles shared in both: (key, name, shared), most first,
    /// then by key. The archive keeps only the names sharing two or more of its articles
    /// ([`super::profiles::CO_OCCURRING_MIN_SHARED`]); a name it does not list counts the
    /// reader's articles alone (see [`EntityWithOwn::co_complete`]).
    pub co_occurring: Vec<(String, String, u32)>,
    /// Whether every count of `co_occurring` is exact: the archive listed every name it has.
    pub co_complete: bool,
    /// How many names are named with it: exact when `co_complete`, else at most this many
    /// (a name of the reader's articles may be one the archive counted but did not list).
    pub co_total: usize,
    /// Quotes by it in both.
    pub quotes_by_total: usize,
    /// Quotes naming it in both.
    pub quotes_about_total: usize,
}

/// Sums `own` (the entity's profile over the reader's library, indexed by `own_index`)
/// into `site`, the archive's page of the same entity.
pub fn entity_with_own(
    site: &super::read::ArchiveEntity,
    own_index: &Index,
    own: &crate::query::entity_profile::EntityProfile,
) -> EntityWithOwn {
    let own_key = |doc: u32| {
        own_index
            .published_keys
            .get(doc as usize)
            .copied()
            .unwrap_or(0)
    };
    // Newest first, undated last: a larger key first, 0 after every dated one.
    let rank = |key: u32| if key == 0 { 0 } else { u64::from(key) + 1 };
    let mut articles = Vec::with_capacity(site.articles.len() + own.articles.len());
    let (mut s, mut o) = (0, 0);
    while s < site.articles.len() || o < own.articles.len() {
        let site_next = site.published.get(s).map(|&key| rank(key));
        let own_next = own.articles.get(o).map(|&d| rank(own_key(d)));
        match (site_next, own_next) {
            (Some(a), Some(b)) if b > a => {
                articles.push(PageArticle::Own(own.articles[o]));
                o += 1;
            }
            (Some(_), _) => {
                articles.push(PageArticle::Site(site.articles[s]));
                s += 1;
            }
            (None, _) => {
                articles.push(PageArticle::Own(own.articles[o]));
                o += 1;
            }
        }
    }
    let mut keys: Vec<u32> = site.published.iter().copied().filter(|&k| k > 0).collect();
    let mut undated = site.published.len() - keys.len();
    for &doc in &own.articles {
        match own_key(doc) {
            0 => undated += 1,
            key => keys.push(key),
        }
    }
    let profile = site.profile.as_ref();
    let mut aliases: Vec<String> = profile.map(|p| p.aliases.clone()).unwrap_or_default();
    for alias in &own.aliases {
        if !aliases.contains(alias) && *alias != site.name {
            aliases.push(alias.clone());
        }
    }
    let mut roles = profile.map(|p| p.roles.clone()).unwrap_or_default();
    for role in &own.roles {
        match roles.iter_mut().find(|r| r.name == role.name) {
            Some(listed) => listed.count += role.count,
            None => roles.push(role.clone()),
        }
    }
    // Stable: on a tie the archive's role stays first.
    crate::sort::by_key(&mut roles, |r| std::cmp::Reverse(r.count));
    let site_co = profile.map_or(&[][..], |p| p.co_occurring.as_slice());
    let mut co: Vec<(String, String, u32)> = site_co.to_vec();
    let mut own_only = 0;
    for (id, name, shared) in &own.co_occurring {
        match co.iter_mut().find(|(key, _, _)| key == id.as_str()) {
            Some(listed) => listed.2 += *shared as u32,
            None => {
                own_only += 1;
                co.push((id.0.clone(), name.clone(), *shared as u32));
            }
        }
    }
    crate::sort::by(&mut co, |a, b| b.2.cmp(&a.2).then_with(|| a.0.cmp(&b.0)));
    let co_complete = profile.is_none_or(|p| p.co_occurring.len() == p.co_total as usize);
    EntityWithOwn {
        mentions: profile.map_or(0, |p| p.mentions as usize) + own.mentions,
        own_articles: own.articles.len(),
        articles,
        over_time: over_time(keys, undated as u32),
        aliases,
        roles,
        co_occurring: co,
        co_complete,
        co_total: profile.map_or(0, |p| p.co_total as usize) + own_only,
        quotes_by_total: profile.map_or(0, |p| p.quotes_by_total as usize) + own.quotes_by.len(),
        quotes_about_total: profile.map_or(0, |p| p.quotes_about_total as usize)
            + own.quotes_about.len(),
    }
}

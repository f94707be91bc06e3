//! The read side: answer a [`Filter`] from the parts it needs, and say which those are.
//! No threads, no file system: the caller fetches (see the module doc of
//! [`crate::archive`]).
//!
//! Evaluation mirrors `query::eval` and `query::collect` step for step (same weights, same
//! expansion order, same BM25 functions), so totals, hits, facet counts and histograms are
//! those of the embedded build; `tests/archive.rs` checks it.

mod edited;

use super::codec::{Kind, PartError, PartName, Problem, bucket_of, open};
use super::curated::Overlay;
use super::fates::FatesPart;
use super::key_facets::{KeyFacetsPart, slot_tables};
use super::mentioned::MentionedPart;
use super::names::{NameEntry, NamesPart, lookup_of, matches as name_matches};
use super::parts::{
    BUCKETS_PER_TABLE, BucketListPart, BucketSlot, Buckets, Catalogue, DocEntry, DocTablePart,
    DocsPart, FacetTable, FacetsPart, IdsPart, KeyedDocs, KeyedPart, LexiconPart, PartListPart,
    PositionsPart, TalliesPart, TermEntry, TermTablePart, TermsPart, TextsPart, field_key,
};
use super::profiles::{ProfileEntry, ProfilesPart};
use crate::extract::{EntityId, EntityKind};
use crate::index::{DayRange, DocSet, one_edit};
use crate::query::collect::{idf, norm, top};
use crate::query::entity_table::{EntityRow, RowKind};
use crate::query::eval::{
    EXACT_WEIGHT, MAX_PREFIX_TERMS, MIN_TYPO_LEN, PREFIX_WEIGHT, TYPO_WEIGHT, date_range,
};
use crate::query::histogram::{
    MentionedKeys, from_keys, key_in_range, over_time, plausible_window,
};
use crate::query::network::{MAX_NODES, Network, Node, edges_of, node_order};
use crate::query::text::{TextQuery, Unit};
use crate::query::{
    DateField, Facet, FacetList, FacetSet, FacetValue, Facets, FieldFacet, Filter, Histogram,
    Options, Sort, UnknownNames,
};
use crate::resolve::from_archive::NameFate;
use crate::resolve::{Curated, Curation};
use crate::span::ByteSpan;
use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;

/// Where parts come from. Natively a folder ([`super::DirSource`]); the browser's
/// asynchronous fetch drives [`Archive::search`] and [`Archive::add`] itself instead.
pub trait PartSource {
    /// The stored bytes of part `name`.
    fn fetch(&mut self, name: &PartName) -> Result<Vec<u8>, PartError>;
}

/// `archive/manifest.json`: the format version, the catalogue's name and the part list's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Manifest {
    /// The catalogue part.
    pub catalogue: PartName,
    /// The part listing every other part, with sizes ("Save for offline"); `None` in
    /// archives written before it existed, which can be browsed but not saved.
    pub list: Option<PartName>,
    /// Parts in the archive.
    pub parts: u64,
    /// Bytes of all parts (a "save for offline" download).
    pub bytes: u64,
}

impl Manifest {
    /// Reads the manifest's JSON.
    pub fn parse(json: &str) -> Result<Manifest, PartError> {
        let fail = |problem| PartError {
            part: "manifest.json".into(),
            problem,
        };
        let value: serde_json::Value =
            serde_json::from_str(json).map_err(|_| fail(Problem::Invalid("JSON")))?;
        let format = value["format"]
            .as_u64()
            .ok_or(fail(Problem::Invalid("format")))?;
        if format != u64::from(super::codec::FORMAT_VERSION) {
            return Err(fail(Problem::BadVersion(format.min(255) as u8)));
        }
        let catalogue = value["catalogue"]
            .as_str()
            .and_then(PartName::parse)
            .filter(|n| n.kind == Kind::Catalogue)
            .ok_or(fail(Problem::Invalid("catalogue name")))?;
        let list = match &value["list"] {
            serde_json::Value::Null => None,
            named => Some(
                named
                    .as_str()
                    .and_then(PartName::parse)
                    .filter(|n| n.kind == Kind::PartList)
                    .ok_or(fail(Problem::Invalid("part list name")))?,
            ),
        };
        Ok(Manifest {
            catalogue,
            list,
            parts: value["parts"].as_u64().unwrap_or(0),
            bytes: value["bytes"].as_u64().unwrap_or(0),
        })
    }
}

/// Checks and reads the part list named by the manifest ("Save for offline").
pub fn open_part_list(name: &PartName, stored: &[u8]) -> Result<PartListPart, PartError> {
    let body = open(name, stored)?;
    PartListPart::decode(&body).map_err(|problem| PartError {
        part: name.to_string(),
        problem,
    })
}

/// Checks and reads a `texts` part without keeping it (an export's, see
/// [`Archive::texts_of`]).
pub fn open_texts(name: &PartName, stored: &[u8]) -> Result<TextsPart, PartError> {
    let body = open(name, stored)?;
    let fail = |problem| PartError {
        part: name.to_string(),
        problem,
    };
    if name.kind != Kind::Texts {
        return Err(fail(Problem::WrongKind));
    }
    TextsPart::decode(&body).map_err(fail)
}

/// Every bucket `buckets` names, reading their `bucketlist` parts from `source` (tools and
/// tests that walk a whole kind of part; a view reads one bucket through its list).
pub fn bucket_names(
    buckets: &Buckets,
    source: &mut impl PartSource,
) -> Result<Vec<PartName>, PartError> {
    let lists = match buckets {
        Buckets::Listed(names) => return Ok(names.clone()),
        Buckets::InLists { lists, .. } => lists,
    };
    let mut names = Vec::with_capacity(buckets.len() as usize);
    for list in lists {
        let body = open(list, &source.fetch(list)?)?;
        let part = BucketListPart::decode(&body).map_err(|problem| PartError {
            part: list.to_string(),
            problem,
        })?;
        names.extend(part.names);
    }
    Ok(names)
}

/// A part fetched so far: which, and how many stored bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fetched {
    /// The part.
    pub name: PartName,
    /// Its stored (compressed) bytes.
    pub bytes: usize,
}

/// The parts a search still needs before it can answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Needs(pub Vec<PartName>);

/// Why a search from an archive could not answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ArchiveError {
    /// A part is missing or damaged.
    Part(PartError),
    /// The filter asks for what version 1 archives do not store.
    Unsupported(&'static str),
}

impl fmt::Display for ArchiveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ArchiveError::Part(e) => e.fmt(f),
            ArchiveError::Unsupported(what) => write!(f, "not answered from an archive: {what}"),
        }
    }
}

impl std::error::Error for ArchiveError {}

impl From<PartError> for ArchiveError {
    fn from(e: PartError) -> Self {
        ArchiveError::Part(e)
    }
}

/// One ranked article.
#[derive(Debug, Clone, PartialEq)]
pub struct ArchiveHit {
    /// Document number.
    pub doc: u32,
    /// BM25 score (0 without text).
    pub score: f32,
    /// What the result list shows.
    pub entry: DocEntry,
}

/// One quote of a ranked article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArchiveQuote {
    /// Document number.
    pub doc: u32,
    /// The article.
    pub article: String,
    /// Its number in the article.
    pub number: u32,
    /// Speaker key, if known.
    pub speaker: Option<String>,
    /// The quotation in the article text.
    pub span: ByteSpan,
    /// The speaker's display name (empty when unknown, or from an archive built before
    /// quotes kept it: then the key stands in).
    pub speaker_name: String,
    /// The quotation's words (empty from an archive built before quotes kept them).
    pub text: String,
}

impl ArchiveQuote {
    /// Whether the quotes view lists it for a query requiring `words` (always, from an
    /// archive built before quotes kept their words: it cannot tell).
    pub fn has(&self, words: &crate::query::quote_list::QuoteWords) -> bool {
        self.text.is_empty() || words.found_in(&self.text, ByteSpan::new(0, self.text.len()))
    }
}

/// Everything a view shows for one filter, answered from parts.
#[derive(Debug, Clone, PartialEq)]
pub struct ArchiveResults {
    /// Matching articles.
    pub total: usize,
    /// The best articles, best first.
    pub hits: Vec<ArchiveHit>,
    /// Quotes of the best articles (of the filter's speakers, when it names some).
    pub quotes: Vec<ArchiveQuote>,
    /// Facet counts (see the module doc of [`crate::archive`] for which values).
    pub facets: Facets,
    /// Date histogram.
    pub histogram: Histogram,
    /// The matches' publication dates as `(date key, documents)`, ascending, undated
    /// documents left out: what [`Self::histogram`] was drawn from, so that another
    /// collection's matches can be drawn into the same histogram ([`super::with_own`]).
    pub published: Vec<(u32, u32)>,
    /// With `dates=mentioned`, the matches' mentioned dates the histogram was drawn from
    /// (empty otherwise), for the same reason.
    pub mentioned: MentionedKeys,
    /// Folded words to highlight.
    pub highlight: Vec<String>,
}

/// What an archive's entity page shows: the entity, its articles and their dates (exact,
/// from the entity's `entities` bucket and the catalogue), its profile, and the result-list
/// data of the documents the page lists so far.
#[derive(Debug, Clone, PartialEq)]
pub struct ArchiveEntity {
    /// Display name.
    pub name: String,
    /// Kind.
    pub kind: EntityKind,
    /// Articles naming it, newest first (undated last).
    pub articles: Vec<u32>,
    /// The publication date key of each of `articles` (0: undated), from the date runs.
    pub published: Vec<u32>,
    /// Its articles per publication period, on a continuous axis.
    pub over_time: Histogram,
    /// `None` in an archive built before `profiles` parts.
    pub profile: Option<ProfileEntry>,
    /// Result-list data of the documents in [`EntityShown`]'s reach.
    pub entries: HashMap<u32, DocEntry>,
}

/// How far an entity page's lists are shown (their documents' `docs` parts are fetched).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EntityShown {
    /// Articles.
    pub articles: usize,
    /// Quotes by it.
    pub quotes_by: usize,
    /// Quotes naming it.
    pub quotes_about: usize,
}

/// A decoded part.
#[derive(Debug)]
enum Decoded {
    Terms(TermsPart),
    Positions(PositionsPart),
    Lexicon(LexiconPart),
    Keyed(KeyedPart),
    Docs(DocsPart),
    Texts(TextsPart),
    Facets(FacetsPart),
    DocTable(DocTablePart),
    TermTable(TermTablePart),
    Ids(IdsPart),
    Profiles(ProfilesPart),
    Tallies(TalliesPart),
    Mentioned(MentionedPart),
    Names(NamesPart),
    Fates(FatesPart),
    BucketList(BucketListPart),
    KeyFacets(KeyFacetsPart),
}

/// An opened archive: its catalogue and every part fetched so far (kept: the next views
/// that need them fetch nothing).
#[derive(Debug)]
pub struct Archive {
    catalogue: Catalogue,
    parts: HashMap<PartName, Decoded>,
    fetched: Vec<Fetched>,
    /// This reader's hand edits, read through ([`Archive::curate`]).
    overlay: Overlay,
}

impl Archive {
    /// Opens an archive from its manifest and the catalogue's stored bytes.
    pub fn open(manifest: &Manifest, stored: &[u8]) -> Result<Archive, PartError> {
        let name = manifest.catalogue;
        let body = open(&name, stored)?;
        let catalogue = Catalogue::decode(&body).map_err(|problem| PartError {
            part: name.to_string(),
            problem,
        })?;
        Ok(Archive {
            catalogue,
            parts: HashMap::new(),
            fetched: vec![Fetched {
                name,
                bytes: stored.len(),
            }],
            overlay: Overlay::default(),
        })
    }

    /// Reads the archive through `curation`'s hand edits from now on (see
    /// [`super::curated`]) and returns what each did; or the `entities` buckets to fetch
    /// to know which entities they name. An empty curation reads the archive as built.
    pub fn curate(&mut self, curation: &Curation) -> Result<Vec<Curated>, Needs> {
        let built = {
            let lookup = Lookup::new(self);
            let buckets = &self.catalogue.entities;
            let built = Overlay::build(curation, |key| {
                let found = lookup.keyed(buckets, key)?;
                Some((found.name.as_str(), found.docs.as_slice()))
            });
            lookup.answer(built)
        };
        let (overlay, outcomes) = built?;
        self.overlay = overlay;
        Ok(outcomes)
    }

    /// The catalogue.
    pub fn catalogue(&self) -> &Catalogue {
        &self.catalogue
    }

    /// Every part fetched so far, the catalogue first.
    pub fn fetched(&self) -> &[Fetched] {
        &self.fetched
    }

    /// Checks and keeps a fetched part.
    pub fn add(&mut self, name: PartName, stored: &[u8]) -> Result<(), PartError> {
        if self.parts.contains_key(&name) {
            return Ok(());
        }
        let body = open(&name, stored)?;
        let fail = |problem: Problem| PartError {
            part: name.to_string(),
            problem,
        };
        let decoded = match name.kind {
            Kind::Terms => Decoded::Terms(TermsPart::decode(&body).map_err(fail)?),
            Kind::Positions => Decoded::Positions(PositionsPart::decode(&body).map_err(fail)?),
            Kind::Lexicon | Kind::Lexicon2 => {
                Decoded::Lexicon(LexiconPart::decode(&body).map_err(fail)?)
            }
            Kind::Entities | Kind::Speakers | Kind::Fields => {
                Decoded::Keyed(KeyedPart::decode(&body).map_err(fail)?)
            }
            Kind::Docs => Decoded::Docs(DocsPart::decode(&body).map_err(fail)?),
            Kind::Texts => Decoded::Texts(TextsPart::decode(&body).map_err(fail)?),
            Kind::Facets => Decoded::Facets(FacetsPart::decode(&body).map_err(fail)?),
            Kind::DocTable => Decoded::DocTable(DocTablePart::decode(&body).map_err(fail)?),
            Kind::TermTable => Decoded::TermTable(TermTablePart::decode(&body).map_err(fail)?),
            Kind::Ids => Decoded::Ids(IdsPart::decode(&body).map_err(fail)?),
            Kind::Profiles => Decoded::Profiles(ProfilesPart::decode(&body).map_err(fail)?),
            Kind::Tallies => Decoded::Tallies(TalliesPart::decode(&body).map_err(fail)?),
            Kind::Mentioned => Decoded::Mentioned(MentionedPart::decode(&body).map_err(fail)?),
            Kind::Names => Decoded::Names(NamesPart::decode(&body).map_err(fail)?),
            Kind::Fates => Decoded::Fates(FatesPart::decode(&body).map_err(fail)?),
            Kind::BucketList => Decoded::BucketList(BucketListPart::decode(&body).map_err(fail)?),
            Kind::KeyFacets => Decoded::KeyFacets(KeyFacetsPart::decode(&body).map_err(fail)?),
            // Opened by Archive::open and by "Save for offline", never by a view.
            Kind::Catalogue | Kind::PartList => return Err(fail(Problem::WrongKind)),
        };
        self.parts.insert(name, decoded);
        self.fetched.push(Fetched {
            name,
            bytes: stored.len(),
        });
        Ok(())
    }

    /// Whether the archive can answer `filter` at all: one built before mentioned dates
    /// were kept cannot answer `dates=mentioned`.
    fn answerable(&self, filter: &Filter) -> Result<(), ArchiveError> {
        if filter.dates == DateField::Mentioned && self.catalogue.mentioned.is_none() {
            return Err(ArchiveError::Unsupported(
                "dates=mentioned (this archive was built before mentioned dates were kept: rebuild it)",
            ));
        }
        Ok(())
    }

    /// Answers `filter`, or names the parts still needed. Call again after adding them:
    /// each round can only ask for parts that the previous ones pointed to.
    pub fn search(
        &self,
        filter: &Filter,
        options: Options,
    ) -> Result<Result<ArchiveResults, Needs>, ArchiveError> {
        self.answerable(filter)?;
        let lookup = Lookup::new(self);
        let results = lookup.search(filter, options);
        Ok(lookup.answer(results))
    }

    /// A facet's find box over the whole archive: the values of facet table `table` (0
    /// people, 1 organisations, 2 places, 3 speakers) found by `needle` (see
    /// [`super::names`]) with their articles among `filter`'s matches, the `limit` most
    /// frequent (ties by key), and how many there are; or the parts still needed: the
    /// needle's `names` bucket and, in a filtered view, the postings of the [`FIND_COUNTED`]
    /// names found in most articles of the archive. `None` when the archive has no `names`
    /// parts or the needle is one character.
    pub fn find_values(
        &self,
        filter: &Filter,
        table: u8,
        needle: &str,
        limit: usize,
    ) -> Result<Result<Option<FacetList>, Needs>, ArchiveError> {
        self.answerable(filter)?;
        let c = &self.catalogue;
        let Some((start, folded)) = lookup_of(needle).filter(|_| !c.names.is_empty()) else {
            return Ok(Ok(None));
        };
        let lookup = Lookup::new(self);
        let (matches, _) = lookup.evaluate(filter);
        let Some(Decoded::Names(part)) = lookup.in_bucket(&c.names, &start) else {
            return Ok(lookup.answer(None));
        };
        let whole = matches.count() == c.docs as usize;
        if !self.overlay.is_empty() {
            let found = lookup.edited_find(part, table, (&start, &folded), &matches, whole);
            return Ok(lookup.answer(Some(top_values(found, limit))));
        }
        let mut found: Vec<&NameEntry> = part
            .entries
            .iter()
            .filter(|e| e.table == table && name_matches(e, &start, &folded))
            .collect();
        crate::sort::by(&mut found, |a, b| {
            b.count.cmp(&a.count).then_with(|| a.key.cmp(&b.key))
        });
        if !whole {
            // Counted again over the view: a name's articles there are at most its articles
            // in the archive, so the names found in most are the ones counted.
            found.truncate(FIND_COUNTED);
        }
        let buckets = if table == 3 { &c.speakers } else { &c.entities };
        let values: Vec<FacetValue> = found
            .into_iter()
            .filter_map(|entry| {
                let count = if whole {
                    entry.count
                } else {
                    lookup
                        .keyed(buckets, &entry.key)
                        .map_or(0, |docs| matches.count_in(&docs.docs) as u32)
                };
                (count > 0).then(|| FacetValue {
                    key: entry.key.clone(),
                    label: entry.label.clone(),
                    count,
                })
            })
            .collect();
        Ok(lookup.answer(Some(top_values(values, limit))))
    }

    /// Every document matching `filter`, ascending, or the parts still needed (those a
    /// view of it fetches for its count: no `docs` and no facets). An export starts here.
    pub fn matching(&self, filter: &Filter) -> Result<Result<Vec<u32>, Needs>, ArchiveError> {
        self.answerable(filter)?;
        let lookup = Lookup::new(self);
        let (matches, _) = lookup.evaluate(filter);
        Ok(lookup.answer(matches.iter().collect()))
    }

    /// The co-occurrence network of `filter`'s matches, as `query::network::network` draws
    /// it, or the parts still needed: the facet postings of the people, organisations,
    /// places and other names the catalogue keeps. Exact when the view's most named
    /// entities are among their kind's global top 200 (every entity, in an archive with
    /// fewer); otherwise the view's own most named are drawn from those.
    pub fn network(
        &self,
        filter: &Filter,
        nodes: usize,
    ) -> Result<Result<Network, Needs>, ArchiveError> {
        self.answerable(filter)?;
        let lookup = Lookup::new(self);
        let (matches, _) = lookup.evaluate(filter);
        let c = &self.catalogue;
        let [people, organizations, places, _] = &c.facets;
        let tables = [
            (people, EntityKind::Person),
            (organizations, EntityKind::Organization),
            (places, EntityKind::Place),
            (&c.misc, EntityKind::Misc),
        ];
        let mut candidates: Vec<(Node, Cow<[u32]>)> = Vec::new();
        if !self.overlay.is_empty() {
            candidates = lookup.edited_nodes(&matches);
        } else {
            for (table, kind) in tables {
                let postings = lookup.facet_postings(table);
                for (value, docs) in table.values.iter().zip(postings) {
                    let Some(docs) = docs else {
                        continue;
                    };
                    let articles = matches.count_in(docs) as u32;
                    if articles > 0 {
                        let node = Node {
                            key: value.key.clone(),
                            name: value.label.clone(),
                            kind,
                            articles,
                        };
                        candidates.push((node, Cow::Borrowed(docs)));
                    }
                }
            }
        }
        crate::sort::unstable_by(&mut candidates, |a, b| node_order(&a.0, &b.0));
        candidates.truncate(nodes.clamp(1, MAX_NODES));
        let mut per_doc: BTreeMap<u32, Vec<u32>> = BTreeMap::new();
        for (n, (_, docs)) in candidates.iter().enumerate() {
            for &doc in docs.iter().filter(|&&d| matches.contains(d)) {
                per_doc.entry(doc).or_default().push(n as u32);
            }
        }
        let edges = edges_of(candidates.len(), per_doc.into_values());
        let network = Network {
            nodes: candidates.into_iter().map(|(node, _)| node).collect(),
            edges,
        };
        Ok(lookup.answer(network))
    }

    /// The entity table's rows for `filter`'s matches (unsorted, as
    /// `query::entity_table::entity_rows` makes them), or the parts still needed: the facet
    /// postings and tallies of the people, organisations, places, other names and speakers
    /// the catalogue keeps. Exact for every row; the rows are those among each kind's
    /// global top 200 (every entity and speaker, in an archive with fewer).
    pub fn entity_rows(
        &self,
        filter: &Filter,
    ) -> Result<Result<Vec<EntityRow>, Needs>, ArchiveError> {
        self.answerable(filter)?;
        let c = &self.catalogue;
        if c.tallies.iter().all(Vec::is_empty) {
            return Err(ArchiveError::Unsupported(
                "the entity table (this archive was built before it: rebuild it)",
            ));
        }
        let lookup = Lookup::new(self);
        let (matches, _) = lookup.evaluate(filter);
        let [people, organizations, places, speakers] = &c.facets;
        let tables = [
            (people, &c.tallies[0], RowKind::Entity(EntityKind::Person)),
            (
                organizations,
                &c.tallies[1],
                RowKind::Entity(EntityKind::Organization),
            ),
            (places, &c.tallies[2], RowKind::Entity(EntityKind::Place)),
            (speakers, &c.tallies[3], RowKind::Speaker),
            (&c.misc, &c.tallies[4], RowKind::Entity(EntityKind::Misc)),
        ];
        if !self.overlay.is_empty() {
            let rows = lookup.edited_rows(&matches);
            return Ok(lookup.answer(rows));
        }
        let mut rows = Vec::new();
        for (table, tallies, kind) in tables {
            let postings = lookup.facet_postings(table);
            let tallied = lookup.per_value(tallies, table.values.len(), |part| match part {
                Decoded::Tallies(part) => Some(&part.values),
                _ => None,
            });
            for ((value, docs), tally) in table.values.iter().zip(postings).zip(tallied) {
                let (Some(docs), Some((elsewhere, counts))) = (docs, tally) else {
                    continue;
                };
                if *elsewhere {
                    continue;
                }
                let mut row = EntityRow {
                    key: value.key.clone(),
                    name: value.label.clone(),
                    kind,
                    articles: 0,
                    mentions: 0,
                    quotes: 0,
                    first: 0,
                    last: 0,
                };
                for (&doc, &(mentions, quotes)) in docs.iter().zip(counts) {
                    if matches.contains(doc) {
                        row.articles += 1;
                        row.mentions += mentions;
                        row.quotes += quotes;
                        row.dated(self.date_key(doc));
                    }
                }
                if row.articles > 0 {
                    rows.push(row);
                }
            }
        }
        Ok(lookup.answer(rows))
    }

    /// The `texts` parts holding documents `docs`, each with the documents of `docs` it
    /// holds, in part order; or the `docs` parts to fetch to know them. The texts parts
    /// are for [`open_texts`]: an export reads them once, so the archive does not keep them.
    pub fn texts_of(&self, docs: &[u32]) -> Result<Vec<(PartName, Vec<u32>)>, Needs> {
        let lookup = Lookup::new(self);
        let mut groups: Vec<(PartName, Vec<u32>)> = Vec::new();
        for &doc in docs {
            let Some(chunk) = lookup.docs_part(doc) else {
                continue;
            };
            let Some(name) = chunk.texts_part(doc) else {
                continue;
            };
            match groups.last_mut() {
                Some((last, listed)) if *last == name => listed.push(doc),
                _ => groups.push((name, vec![doc])),
            }
        }
        lookup.answer(groups)
    }

    /// The entities and speakers `filter` names that no article of the archive has (see
    /// [`UnknownNames`]), or the entity and speaker parts to fetch to know it. The view is
    /// then answered without them, as in the embedded build.
    pub fn unknown_names(&self, filter: &Filter) -> Result<UnknownNames, Needs> {
        let lookup = Lookup::new(self);
        let catalogue = &self.catalogue;
        let overlay = &self.overlay;
        let known = |buckets: &[PartName], id: &str| {
            overlay
                .members(id)
                .iter()
                .any(|m| lookup.keyed(buckets, m).is_some())
        };
        let unknown = UnknownNames::unknown_to(
            filter,
            |e| known(&catalogue.entities, e.as_str()),
            |s| known(&catalogue.speakers, s),
        );
        lookup.answer(unknown)
    }

    /// The display name of each of `filter`'s entities and speakers as the archive has it
    /// (entities through the reader's edits), for the link's chips: a name no facet lists
    /// (every miscellaneous name, a person past a facet's first values), or any name while
    /// a view's facets are not counted (a phone's closed filters), would otherwise show as
    /// its id. Speakers come after the entities, each under its speaker key. Reads the
    /// `entities` and `speakers` buckets [`Self::unknown_names`] fetches; a name no article
    /// has is left out.
    pub fn entity_names(&self, filter: &Filter) -> Result<Vec<(EntityId, String)>, Needs> {
        let lookup = Lookup::new(self);
        let entities = filter.entities.iter().filter_map(|id| {
            let name = match self.overlay.group(id.as_str()) {
                Some(group) => group.name.clone(),
                None => self
                    .overlay
                    .members(id.as_str())
                    .iter()
                    .find_map(|key| lookup.keyed(&self.catalogue.entities, key))?
                    .name
                    .clone(),
            };
            Some((id.clone(), name))
        });
        let speakers = filter.speakers.iter().filter_map(|key| {
            let name = lookup.keyed(&self.catalogue.speakers, key)?.name.clone();
            Some((EntityId(key.clone()), name))
        });
        let named = entities.chain(speakers).collect();
        lookup.answer(named)
    }

    /// The fates of the extraction ids `from` that the archive merged elsewhere or left
    /// out ([`super::fates`]), or the `fates` parts to fetch to know them. An archive built
    /// before `fates` parts has none.
    pub fn fates_of(&self, from: &[String]) -> Result<Vec<NameFate>, Needs> {
        let buckets = &self.catalogue.fates;
        if buckets.is_empty() {
            return Ok(Vec::new());
        }
        let lookup = Lookup::new(self);
        let found = from
            .iter()
            .filter_map(|id| match lookup.in_bucket(buckets, id) {
                Some(Decoded::Fates(part)) => part.find(id).cloned(),
                _ => None,
            })
            .collect();
        lookup.answer(found)
    }

    /// The document number of article `id` (`None`: not in the archive), or the part to
    /// fetch to know it. An archive built before `ids` parts answers `None` for every id.
    pub fn doc_of(&self, id: &str) -> Result<Option<u32>, Needs> {
        let buckets = &self.catalogue.ids;
        if buckets.is_empty() {
            return Ok(None);
        }
        let lookup = Lookup::new(self);
        let found = match lookup.in_bucket(buckets, id) {
            Some(Decoded::Ids(part)) => part.find(id),
            _ => None,
        };
        lookup.answer(found)
    }

    /// The entity page of `key` (`None`: no article names it), or the parts to fetch for
    /// it: the entity's and its profile's buckets, then the `docs` parts of what `shown`
    /// lists.
    pub fn entity_page(
        &self,
        key: &str,
        shown: EntityShown,
    ) -> Result<Option<ArchiveEntity>, Needs> {
        let lookup = Lookup::new(self);
        let catalogue = &self.catalogue;
        if !self.overlay.is_empty() {
            let page = lookup.edited_page(key, shown);
            return lookup.answer(page);
        }
        let entity = lookup.keyed(&catalogue.entities, key);
        let profile = lookup.profile(key);
        let Some(entity) = entity else {
            return lookup.answer(None);
        };
        let kind = EntityKind::parse(&entity.kind).unwrap_or(EntityKind::Misc);
        let page = lookup.page_of(entity.name.clone(), kind, &entity.docs, profile, shown);
        lookup.answer(Some(page))
    }

    /// The publication date key of document `doc` (0: undated), from the date runs.
    fn date_key(&self, doc: u32) -> u32 {
        let runs = &self.catalogue.date_runs;
        let at = runs.partition_point(|r| r.first_doc <= doc);
        at.checked_sub(1).map_or(0, |at| runs[at].lo)
    }

    /// The article text and annotations of document `doc`, as the JSON the build stored,
    /// or the part to fetch for them.
    pub fn text(&self, doc: u32) -> Result<Option<(String, String)>, Needs> {
        let lookup = Lookup::new(self);
        let chunk = lookup.docs_part(doc);
        let found = chunk.and_then(|docs| {
            let name = docs.texts_part(doc)?;
            match lookup.part(name)? {
                Decoded::Texts(texts) => texts
                    .docs
                    .get(doc.checked_sub(texts.first_doc)? as usize)
                    .cloned(),
                _ => None,
            }
        });
        lookup.answer(found)
    }
}

/// Answers `filter` from `source`, fetching what each round needs (native driver).
pub fn search_from(
    archive: &mut Archive,
    source: &mut impl PartSource,
    filter: &Filter,
    options: Options,
) -> Result<ArchiveResults, ArchiveError> {
    loop {
        match archive.search(filter, options)? {
            Ok(results) => return Ok(results),
            Err(Needs(names)) => {
                for name in names {
                    let stored = source.fetch(&name)?;
                    archive.add(name, &stored)?;
                }
            }
        }
    }
}

/// One search pass: reads the parts there are and records the ones missing.
struct Lookup<'a> {
    archive: &'a Archive,
    missing: RefCell<BTreeSet<PartName>>,
}

impl<'a> Lookup<'a> {
    fn new(archive: &'a Archive) -> Self {
        Self {
            archive,
            missing: RefCell::new(BTreeSet::new()),
        }
    }

    /// `value`, found with the parts there are, or the parts it still needs.
    fn answer<T>(self, value: T) -> Result<T, Needs> {
        let missing = self.missing.into_inner();
        if missing.is_empty() {
            Ok(value)
        } else {
            Err(Needs(missing.into_iter().collect()))
        }
    }

    fn part(&self, name: PartName) -> Option<&'a Decoded> {
        let found = self.archive.parts.get(&name);
        if found.is_none() {
            self.missing.borrow_mut().insert(name);
        }
        found
    }

    fn catalogue(&self) -> &'a Catalogue {
        &self.archive.catalogue
    }

    /// The part holding `key` among `buckets`, once it and the `bucketlist` naming it (if
    /// any) are fetched.
    fn in_bucket(&self, buckets: &Buckets, key: &str) -> Option<&'a Decoded> {
        let name = match buckets.slot(key)? {
            BucketSlot::Named(name) => name,
            BucketSlot::InList { list, at } => match self.part(list)? {
                Decoded::BucketList(part) => *part.names.get(at)?,
                _ => return None,
            },
        };
        self.part(name)
    }

    /// The name of the `termtable` that lists `term`'s bucket, and the bucket's place in it.
    fn term_slot(&self, term: &str) -> Option<(PartName, usize)> {
        let catalogue = self.catalogue();
        let bucket = bucket_of(term, catalogue.term_buckets);
        let table = *catalogue
            .term_tables
            .get((bucket / BUCKETS_PER_TABLE) as usize)?;
        Some((table, (bucket % BUCKETS_PER_TABLE) as usize))
    }

    /// The `termtable` of `term`'s bucket, and the bucket's place in it.
    fn term_table(&self, term: &str) -> Option<(&'a TermTablePart, usize)> {
        let (table, at) = self.term_slot(term)?;
        match self.part(table)? {
            Decoded::TermTable(table) => Some((table, at)),
            _ => None,
        }
    }

    fn term(&self, term: &str) -> Option<&'a TermEntry> {
        let (table, at) = self.term_table(term)?;
        match self.part(*table.terms.get(at)?)? {
            Decoded::Terms(part) => part.find(term),
            _ => None,
        }
    }

    /// Whether `term` is known to be in no document: its bucket's `terms` part is at hand
    /// and does not list it. Asks for no part.
    fn known_absent(&self, term: &str) -> bool {
        let parts = &self.archive.parts;
        let Some((table, at)) = self.term_slot(term) else {
            return false;
        };
        let Some(Decoded::TermTable(table)) = parts.get(&table) else {
            return false;
        };
        let terms = table.terms.get(at).and_then(|name| parts.get(name));
        matches!(terms, Some(Decoded::Terms(part)) if part.find(term).is_none())
    }

    fn positions(&self, term: &str) -> Option<&'a [Vec<u32>]> {
        let (table, at) = self.term_table(term)?;
        match self.part(*table.positions.get(at)?)? {
            Decoded::Positions(part) => part.find(term),
            _ => None,
        }
    }

    fn lexicon(&self, table: &[(char, PartName)], key: char) -> &'a [(String, u32)] {
        let Ok(at) = table.binary_search_by(|(c, _)| c.cmp(&key)) else {
            return &[];
        };
        match self.part(table[at].1) {
            Some(Decoded::Lexicon(part)) => &part.entries,
            _ => &[],
        }
    }

    fn keyed(&self, names: &[PartName], key: &str) -> Option<&'a KeyedDocs> {
        self.keyed_part(names, key)?.find(key)
    }

    /// The bucket among `names` (`entities` or `speakers` parts) that holds `key`.
    fn keyed_part(&self, names: &[PartName], key: &str) -> Option<&'a KeyedPart> {
        let name = *names.get(bucket_of(key, names.len() as u32) as usize)?;
        match self.part(name)? {
            Decoded::Keyed(part) => Some(part),
            _ => None,
        }
    }

    /// Per value of a table whose values lie
    /// [`super::parts::Layout::facet_values_per_part`] to a part in `parts`, what
    /// `values_of` reads of it; `None` where its part is not fetched yet (recorded as
    /// missing).
    fn per_value<T>(
        &self,
        parts: &[PartName],
        len: usize,
        values_of: impl Fn(&'a Decoded) -> Option<&'a Vec<T>>,
    ) -> Vec<Option<&'a T>> {
        let per_part = self.catalogue().layout.facet_values_per_part as usize;
        let mut out = Vec::with_capacity(len);
        for &name in parts {
            let values = self.part(name).and_then(&values_of);
            out.extend((0..per_part).map(|at| values.and_then(|v| v.get(at))));
        }
        out.resize(len, None);
        out
    }

    /// The postings of each value of facet table `table`, in its order (see
    /// [`Lookup::per_value`]).
    fn facet_postings(&self, table: &FacetTable) -> Vec<Option<&'a [u32]>> {
        let postings = self.per_value(&table.chunks, table.values.len(), |part| match part {
            Decoded::Facets(part) => Some(&part.values),
            _ => None,
        });
        postings.into_iter().map(|p| p.map(Vec::as_slice)).collect()
    }

    /// An entity page of the entity called `name` whose documents are `docs` (ascending):
    /// its articles newest first with their dates, its timeline, and the `docs` entries of
    /// what `shown` lists of them and of `profile`'s quotes.
    fn page_of(
        &self,
        name: String,
        kind: EntityKind,
        docs: &[u32],
        profile: Option<ProfileEntry>,
        shown: EntityShown,
    ) -> ArchiveEntity {
        // Newest first: documents are numbered by date, undated first.
        let keys: Vec<u32> = docs.iter().map(|&d| self.archive.date_key(d)).collect();
        let undated = keys.iter().filter(|&&k| k == 0).count();
        let newest_first = |values: &[u32]| -> Vec<u32> {
            values[undated..]
                .iter()
                .rev()
                .chain(&values[..undated])
                .copied()
                .collect()
        };
        let articles = newest_first(docs);
        let published = newest_first(&keys);
        let listed = articles.iter().take(shown.articles).copied();
        let quoted = profile.iter().flat_map(|p| {
            let by = p.quotes_by.iter().take(shown.quotes_by);
            let about = p.quotes_about.iter().take(shown.quotes_about);
            by.chain(about).map(|q| q.doc)
        });
        let mut entries = HashMap::new();
        for doc in listed.chain(quoted) {
            if let Some(entry) = self.doc(doc) {
                entries.insert(doc, self.shown_entry(entry));
            }
        }
        ArchiveEntity {
            name,
            kind,
            over_time: over_time(
                keys.into_iter().filter(|&k| k > 0).collect(),
                undated as u32,
            ),
            articles,
            published,
            profile,
            entries,
        }
    }

    /// The profile of entity `key`, if the archive has profiles and one for it.
    fn profile(&self, key: &str) -> Option<ProfileEntry> {
        let profiles = &self.catalogue().profiles;
        if profiles.is_empty() {
            return None;
        }
        match self.in_bucket(profiles, key)? {
            Decoded::Profiles(part) => part.find(key).cloned(),
            _ => None,
        }
    }

    fn docs_part(&self, doc: u32) -> Option<&'a DocsPart> {
        let catalogue = self.catalogue();
        let (table, slot) = catalogue.layout.slot(doc);
        let table = *catalogue.doc_tables.get(table)?;
        let name = match self.part(table)? {
            Decoded::DocTable(table) => *table.docs.get(slot)?,
            _ => return None,
        };
        match self.part(name)? {
            Decoded::Docs(part) => Some(part),
            _ => None,
        }
    }

    fn doc(&self, doc: u32) -> Option<&'a DocEntry> {
        let part = self.docs_part(doc)?;
        part.docs.get(doc.checked_sub(part.first_doc)? as usize)
    }

    fn search(&self, filter: &Filter, options: Options) -> ArchiveResults {
        let (matches, scored) = self.evaluate(filter);
        let ranked = match filter.ranking() {
            Sort::Relevance => self.rank(&matches, &scored, options.hits),
            Sort::Newest => self.by_date(&matches, options.hits, false),
            Sort::Oldest => self.by_date(&matches, options.hits, true),
        };
        if !self.missing.borrow().is_empty() {
            // Ranked on partial postings: the documents and facets to fetch are not known yet.
            return ArchiveResults {
                total: 0,
                hits: Vec::new(),
                quotes: Vec::new(),
                facets: Facets::default(),
                histogram: from_keys(filter, Vec::new(), Vec::new(), 0, None, 0),
                published: Vec::new(),
                mentioned: MentionedKeys::default(),
                highlight: Vec::new(),
            };
        }
        let hits: Vec<ArchiveHit> = ranked
            .into_iter()
            .filter_map(|(doc, score)| {
                let entry = self.shown_entry(self.doc(doc)?);
                Some(ArchiveHit { doc, score, entry })
            })
            .collect();
        let quotes = quote_hits(filter, &hits, options.quotes);
        let facets = if options.facet_values == 0 || options.facet_panels.is_empty() {
            Facets::default()
        } else {
            self.facets(filter, &matches, options.facet_values, options.facet_panels)
        };
        let (histogram, published, mentioned) = self.histogram(filter, &matches);
        let mut highlight: Vec<String> = scored.into_iter().map(|(t, _)| t).collect();
        crate::sort::unstable(&mut highlight);
        highlight.dedup();
        ArchiveResults {
            total: matches.count(),
            hits,
            quotes,
            facets,
            histogram,
            published,
            mentioned,
            highlight,
        }
    }

    /// The matching documents and the terms to rank by (as `query::evaluate`).
    fn evaluate(&self, filter: &Filter) -> (DocSet, Vec<(String, f32)>) {
        let catalogue = self.catalogue();
        let universe = catalogue.docs;
        let mut matches = DocSet::full(universe);
        let mut scored = Vec::new();
        for group in &TextQuery::parse(&filter.text).groups {
            let mut any = DocSet::empty(universe);
            for unit in group {
                let mut docs = self.unit_docs(unit, &mut scored);
                if unit.negated {
                    docs.complement();
                }
                any.union_with(&docs);
            }
            matches.intersect_with(&any);
        }
        let empty: &[u32] = &[];
        for entity in &filter.entities {
            matches.intersect_sorted(&self.docs_of(&catalogue.entities, entity.as_str()));
        }
        for speaker in &filter.speakers {
            matches.intersect_sorted(&self.docs_of(&catalogue.speakers, speaker));
        }
        if let Some(source) = &filter.source {
            let docs = catalogue.sources.iter().find(|s| &s.name == source);
            matches.intersect_sorted(docs.map_or(empty, |s| &s.docs));
        }
        for condition in &filter.fields {
            let key = field_key(&condition.field, &condition.value);
            let docs = match self.in_bucket(&catalogue.field_values, &key) {
                Some(Decoded::Keyed(part)) => part.find(&key),
                _ => None,
            };
            matches.intersect_sorted(docs.map_or(empty, |v| &v.docs));
        }
        // An archive holds only the site's articles: the reader's own are merged by the app.
        if filter.collection == Some(crate::query::Collection::Yours) {
            matches = DocSet::empty(universe);
        }
        // With `dates=mentioned`, the parts its range and its histogram read, all asked for
        // in this round.
        let mentioned =
            (filter.dates == DateField::Mentioned).then(|| self.mentioned_parts(filter));
        if let (Some(range), Some(parts)) = (date_range(filter), &mentioned) {
            let mut in_range = DocSet::empty(universe);
            for part in &parts.known {
                for group in part.groups.iter().filter(|g| g.range.overlaps(range)) {
                    group.docs.iter().for_each(|&doc| in_range.insert(doc));
                }
            }
            matches.intersect_with(&in_range);
        } else if let Some(range) = date_range(filter) {
            let mut in_range = DocSet::empty(universe);
            for (at, run) in catalogue.date_runs.iter().enumerate() {
                let end = catalogue
                    .date_runs
                    .get(at + 1)
                    .map_or(universe, |next| next.first_doc);
                let dated = run.lo != 0;
                let run_range = DayRange {
                    lo: run.lo,
                    hi: run.hi,
                };
                if dated && run_range.overlaps(range) {
                    (run.first_doc..end).for_each(|doc| in_range.insert(doc));
                }
            }
            matches.intersect_with(&in_range);
        }
        (matches, scored)
    }

    /// The documents one unit matches (as `query::eval::unit_docs`).
    fn unit_docs(&self, unit: &Unit, scored: &mut Vec<(String, f32)>) -> DocSet {
        let catalogue = self.catalogue();
        let mut docs = DocSet::empty(catalogue.docs);
        let mut expanded: Vec<(String, f32)> = Vec::new();
        if let [word] = unit.words.as_slice() {
            let exact = self.term(word).is_some();
            if exact {
                expanded.push((word.clone(), EXACT_WEIGHT));
            }
            if unit.prefix
                && let Some(first) = word.chars().next()
            {
                let entries = self.lexicon(&catalogue.lexicon, first);
                let start = entries.partition_point(|(t, _)| t.as_str() < word.as_str());
                let mut prefixed: Vec<&(String, u32)> = entries[start..]
                    .iter()
                    .take_while(|(t, _)| t.starts_with(word.as_str()))
                    .filter(|(t, _)| t != word)
                    .collect();
                if prefixed.len() > MAX_PREFIX_TERMS {
                    crate::sort::by_key(&mut prefixed, |(_, df)| std::cmp::Reverse(*df));
                    prefixed.truncate(MAX_PREFIX_TERMS);
                }
                expanded.extend(
                    prefixed
                        .into_iter()
                        .map(|(t, _)| (t.clone(), PREFIX_WEIGHT)),
                );
            }
            if !unit.exact && word.chars().count() >= MIN_TYPO_LEN {
                for term in self.typos_of(word) {
                    if !expanded.iter().any(|(t, _)| *t == term) {
                        expanded.push((term, TYPO_WEIGHT));
                    }
                }
            }
            for (term, _) in &expanded {
                if let Some(entry) = self.term(term) {
                    entry.postings.iter().for_each(|p| docs.insert(p.doc));
                }
            }
        } else {
            // Every word's postings are asked for in one round, and their positions with
            // them unless a word is known to be absent: stopping at the first word not at
            // hand made a phrase of two words four rounds of one part each.
            let entries: Vec<Option<&TermEntry>> =
                unit.words.iter().map(|w| self.term(w)).collect();
            if entries.iter().any(Option::is_none)
                && !unit.words.iter().any(|w| self.known_absent(w))
            {
                unit.words.iter().for_each(|w| {
                    self.positions(w);
                });
            }
            if let Some(entries) = entries.into_iter().collect::<Option<Vec<_>>>() {
                self.phrase_docs(&entries, &mut docs);
                expanded.extend(unit.words.iter().map(|w| (w.clone(), EXACT_WEIGHT)));
            }
        }
        if !unit.negated {
            scored.extend(expanded);
        }
        docs
    }

    /// The terms a search for `word` adds as typos: those its `terms` entry keeps, else
    /// (a word in no document, a part written before entries kept them) what the lexicons
    /// give. Nothing while its `terms` part is not at hand (it is asked for, so the view
    /// waits a round): that spares the four lexicons a word's typos would read.
    fn typos_of(&self, word: &str) -> Vec<String> {
        match self.term(word) {
            Some(TermEntry {
                near: Some(near), ..
            }) => near.clone(),
            Some(_) => self.one_edit_away(word),
            None if self.known_absent(word) => self.one_edit_away(word),
            None => Vec::new(),
        }
    }

    /// Terms one edit from `word`, in the embedded build's order (by length, then term).
    /// A neighbour's first character is the word's first or second, or else its second
    /// character is: the two lexicons of each cover all of them.
    fn one_edit_away(&self, word: &str) -> Vec<String> {
        let catalogue = self.catalogue();
        let query: Vec<char> = word.chars().collect();
        let mut keys: Vec<char> = query.iter().take(2).copied().collect();
        keys.dedup();
        let mut near: Vec<(usize, &String)> = Vec::new();
        for table in [&catalogue.lexicon, &catalogue.lexicon2] {
            for &key in &keys {
                for (term, _) in self.lexicon(table, key) {
                    let candidate: Vec<char> = term.chars().collect();
                    if one_edit(&query, &candidate) {
                        near.push((candidate.len(), term));
                    }
                }
            }
        }
        crate::sort::unstable(&mut near);
        near.dedup();
        near.into_iter().map(|(_, t)| t.clone()).collect()
    }

    /// Inserts every document where the terms occur next to each other, in order.
    fn phrase_docs(&self, phrase: &[&TermEntry], out: &mut DocSet) {
        // Each word's positions asked for, not only up to the first one not at hand.
        let positions: Vec<Option<&[Vec<u32>]>> =
            phrase.iter().map(|e| self.positions(&e.term)).collect();
        let Some(positions) = positions.into_iter().collect::<Option<Vec<_>>>() else {
            return;
        };
        let Some((rarest_at, rarest)) = phrase
            .iter()
            .enumerate()
            .min_by_key(|(_, e)| e.postings.len())
        else {
            return;
        };
        let mut lists: Vec<&[u32]> = vec![&[]; phrase.len()];
        'docs: for posting in &rarest.postings {
            let doc = posting.doc;
            for (i, entry) in phrase.iter().enumerate() {
                match entry.postings.binary_search_by_key(&doc, |p| p.doc) {
                    Ok(at) => match positions[i].get(at) {
                        Some(list) => lists[i] = list,
                        None => continue 'docs,
                    },
                    Err(_) => continue 'docs,
                }
            }
            for &at in lists[rarest_at] {
                let Some(start) = at.checked_sub(rarest_at as u32) else {
                    continue;
                };
                let all_there = lists
                    .iter()
                    .enumerate()
                    .all(|(i, list)| list.binary_search(&(start + i as u32)).is_ok());
                if all_there {
                    out.insert(doc);
                    continue 'docs;
                }
            }
        }
    }

    /// The best `limit` matches (as `query::collect::rank`).
    /// The first `limit` matches by publication date, undated last, as the embedded build
    /// orders them: documents are numbered by date, so this walks the catalogue's date runs
    /// and reads no part.
    fn by_date(&self, matches: &DocSet, limit: usize, oldest_first: bool) -> Vec<(u32, f32)> {
        let catalogue = self.catalogue();
        let runs = &catalogue.date_runs;
        let mut dated: Vec<(u32, u32)> = Vec::new();
        let mut undated: Vec<(u32, u32)> = Vec::new();
        for (at, run) in runs.iter().enumerate() {
            let end = runs.get(at + 1).map_or(catalogue.docs, |r| r.first_doc);
            if run.lo == 0 {
                undated.push((run.first_doc, end));
            } else {
                dated.push((run.first_doc, end));
            }
        }
        if !oldest_first {
            dated.reverse();
        }
        let mut out = Vec::new();
        for (start, end) in dated.into_iter().chain(undated) {
            for doc in start..end {
                if out.len() == limit {
                    return out;
                }
                if matches.contains(doc) {
                    out.push((doc, 0.0));
                }
            }
        }
        out
    }

    fn rank(&self, matches: &DocSet, scored: &[(String, f32)], limit: usize) -> Vec<(u32, f32)> {
        if scored.is_empty() {
            return self.by_date(matches, limit, false);
        }
        let catalogue = self.catalogue();
        let n = catalogue.docs as usize;
        let mut scores = vec![0f32; n];
        for (term, weight) in scored {
            let Some(entry) = self.term(term) else {
                continue;
            };
            let idf = idf(n, entry.postings.len());
            for p in &entry.postings {
                if matches.contains(p.doc)
                    && let Some(score) = scores.get_mut(p.doc as usize)
                {
                    *score += weight * idf * norm(p.frequency, p.length, catalogue.average_words);
                }
            }
        }
        let mut hits: Vec<(u32, f32)> = matches.iter().map(|d| (d, scores[d as usize])).collect();
        let better = |a: &(u32, f32), b: &(u32, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
        if hits.len() > limit && limit > 0 {
            hits.select_nth_unstable_by(limit - 1, better);
        }
        hits.truncate(limit);
        crate::sort::unstable_by(&mut hits, better);
        hits
    }

    /// Facet counts: the catalogue's own counts when everything matches, a `keyfacets`
    /// part's for one key's view, else the postings of the listed values intersected with
    /// the matches, for the facets of `panels` only (each table's postings are parts of
    /// their own: a panel not on screen costs a cold link nothing). Counts that cost no
    /// postings are given for every facet.
    fn facets(
        &self,
        filter: &Filter,
        matches: &DocSet,
        per_facet: usize,
        panels: FacetSet,
    ) -> Facets {
        let catalogue = self.catalogue();
        let matched = matches.count();
        let everything = matched == catalogue.docs as usize;
        // Counted without the postings or a `keyfacets` part: from the catalogue, as zeros,
        // or through the reader's edits (`edited_facets`).
        let without_postings = everything || matched == 0 || !self.archive.overlay.is_empty();
        let by_key = if without_postings {
            KeyCounts::NotKept
        } else {
            self.key_counts(filter)
        };
        let counted = if without_postings || matches!(by_key, KeyCounts::Kept(_)) {
            FacetSet::ALL
        } else {
            panels.with(FacetSet::of(&Facet::Sources))
        };
        // `at`: the table's place among `slot_tables`; `facet`: its panel.
        let table = |(at, table, facet): (usize, &FacetTable, Facet)| {
            if !counted.has(&facet) {
                return FacetList::default();
            }
            let counts: Vec<u32> = if everything {
                table.values.iter().map(|v| v.count).collect()
            } else if matched == 0 {
                vec![0; table.values.len()]
            } else {
                match &by_key {
                    KeyCounts::Kept(per_table) => per_table.get(at).cloned().unwrap_or_default(),
                    // Its part is asked for in this round; nothing is shown before it arrives.
                    KeyCounts::Pending => vec![0; table.values.len()],
                    KeyCounts::NotKept => {
                        let postings = self.facet_postings(table);
                        let count =
                            |docs: Option<&[u32]>| docs.map_or(0, |d| matches.count_in(d) as u32);
                        postings.into_iter().map(count).collect()
                    }
                }
            };
            top(
                &counts,
                per_facet,
                |_| true,
                |v| (table.values[v].key.clone(), table.values[v].label.clone()),
            )
        };
        let source_counts: Vec<u32> = catalogue
            .sources
            .iter()
            .map(|s| matches.count_in(&s.docs) as u32)
            .collect();
        let [people, organizations, places, speakers] = &catalogue.facets;
        let [people, organizations, places, speakers] = if self.archive.overlay.is_empty() {
            [
                (0, people, Facet::Entities(EntityKind::Person)),
                (1, organizations, Facet::Entities(EntityKind::Organization)),
                (2, places, Facet::Entities(EntityKind::Place)),
                (3, speakers, Facet::Speakers),
            ]
            .map(table)
        } else {
            self.edited_facets(matches, per_facet)
        };
        Facets {
            own: 0,
            people,
            organizations,
            places,
            speakers,
            sources: top(
                &source_counts,
                per_facet,
                |_| true,
                |s| {
                    let name = catalogue.sources[s].name.clone();
                    (name.clone(), name)
                },
            ),
            fields: catalogue
                .fields
                .iter()
                .enumerate()
                .map(|(at, field)| FieldFacet {
                    field: field.name.clone(),
                    list: table((4 + at, &field.table, Facet::Field(field.name.clone()))),
                })
                .collect(),
            counted,
        }
    }

    /// The facet counts of `filter`'s view from its key's `keyfacets` part, when the
    /// filter is one entity, one speaker or one metadata value and nothing else (the
    /// reader's own articles are counted apart, see [`super::with_own`]).
    fn key_counts(&self, filter: &Filter) -> KeyCounts {
        let catalogue = self.catalogue();
        let keys = filter.entities.len() + filter.speakers.len() + filter.fields.len();
        let narrowed = !TextQuery::parse(&filter.text).is_empty()
            || filter.source.is_some()
            || date_range(filter).is_some()
            || filter.collection == Some(crate::query::Collection::Yours);
        if keys != 1 || narrowed {
            return KeyCounts::NotKept;
        }
        let (bucket, key) = if let Some(entity) = filter.entities.first() {
            let key = entity.as_str().to_string();
            (self.keyed_part(&catalogue.entities, &key), key)
        } else if let Some(speaker) = filter.speakers.first() {
            (
                self.keyed_part(&catalogue.speakers, speaker),
                speaker.clone(),
            )
        } else if let Some(condition) = filter.fields.first() {
            let key = field_key(&condition.field, &condition.value);
            let bucket = match self.in_bucket(&catalogue.field_values, &key) {
                Some(Decoded::Keyed(part)) => Some(part),
                _ => None,
            };
            (bucket, key)
        } else {
            return KeyCounts::NotKept;
        };
        let Some(bucket) = bucket else {
            return KeyCounts::Pending;
        };
        let (Some(at), Some(name)) = (bucket.position(&key), bucket.key_facets) else {
            return KeyCounts::NotKept;
        };
        let Some(Decoded::KeyFacets(part)) = self.part(name) else {
            return KeyCounts::Pending;
        };
        let slots: usize = slot_tables(catalogue).map(|t| t.values.len()).sum();
        let mut dense = vec![0u32; slots];
        for &(slot, articles) in part.keys.get(at).map_or(&[][..], Vec::as_slice) {
            if let Some(count) = dense.get_mut(slot as usize) {
                *count = articles;
            }
        }
        let mut rest = dense.as_slice();
        let per_table = slot_tables(catalogue)
            .map(|table| {
                let (counts, after) = rest.split_at(table.values.len());
                rest = after;
                counts.to_vec()
            })
            .collect();
        KeyCounts::Kept(per_table)
    }

    /// The people, organisations, places and speakers facets as the hand edits show them
    /// (see [`edited`]).
    fn edited_facets(&self, matches: &DocSet, per_facet: usize) -> [FacetList; 4] {
        let catalogue = self.catalogue();
        let everything = matches.count() == catalogue.docs as usize;
        let [people, organizations, places, speakers] = &catalogue.facets;
        let listed = |values: &[edited::EditedValue], list: usize| {
            let values: Vec<&edited::EditedValue> =
                values.iter().filter(|v| v.list == list).collect();
            let counts: Vec<u32> = values
                .iter()
                .map(|v| match (&v.docs, everything) {
                    (_, true) => v.count,
                    (Some(docs), false) => matches.count_in(docs) as u32,
                    (None, false) => 0,
                })
                .collect();
            top(
                &counts,
                per_facet,
                |_| true,
                |v| (values[v].key.clone(), values[v].label.clone()),
            )
        };
        let tables = [people, organizations, places, &catalogue.misc];
        let entities = self.edited_values(&tables, &catalogue.entities, false, 3, !everything);
        let speakers = self.edited_values(&[speakers], &catalogue.speakers, true, 1, !everything);
        [
            listed(&entities, 0),
            listed(&entities, 1),
            listed(&entities, 2),
            listed(&speakers, 0),
        ]
    }

    /// The histogram of the matches, and what it was drawn from: the publication dates,
    /// from the date runs alone, and with `dates=mentioned` the mentioned dates.
    fn histogram(
        &self,
        filter: &Filter,
        matches: &DocSet,
    ) -> (Histogram, Vec<(u32, u32)>, MentionedKeys) {
        let catalogue = self.catalogue();
        let mut published = Vec::new();
        let mut undated = 0;
        for (at, run) in catalogue.date_runs.iter().enumerate() {
            let end = catalogue
                .date_runs
                .get(at + 1)
                .map_or(catalogue.docs, |r| r.first_doc);
            let count = (run.first_doc..end)
                .filter(|&d| matches.contains(d))
                .count() as u32;
            if run.lo == 0 {
                undated += count;
            } else if count > 0 {
                published.push((run.lo, count));
            }
        }
        if filter.dates == DateField::Mentioned {
            let mentioned = self.mentioned_keys(filter, matches);
            let plausible = plausible_window(
                catalogue
                    .date_runs
                    .iter()
                    .filter(|run| run.lo != 0)
                    .map(|run| (run.lo / 10000) as u16),
            );
            return (mentioned.histogram(filter, plausible), published, mentioned);
        }
        let histogram = from_keys(filter, expand(&published), Vec::new(), undated, None, 0);
        (histogram, published, MentionedKeys::default())
    }

    /// The `mentioned` parts a view of `filter` reads (see [`super::mentioned::MentionedTable::parts_for`]),
    /// those fetched so far.
    fn mentioned_parts(&self, filter: &Filter) -> MentionedParts<'a> {
        let mut parts = MentionedParts::default();
        let Some(table) = &self.catalogue().mentioned else {
            return parts;
        };
        let decoded = |name| match self.part(name) {
            Some(Decoded::Mentioned(part)) => Some(part),
            _ => None,
        };
        parts.known = table
            .parts_for(date_range(filter))
            .filter_map(decoded)
            .collect();
        parts.year_unknown = table
            .year_unknown
            .iter()
            .copied()
            .filter_map(decoded)
            .collect();
        parts
    }

    /// The mentioned dates of `matches` inside `filter`'s range, as
    /// [`MentionedKeys::of`] gives them from an index.
    fn mentioned_keys(&self, filter: &Filter, matches: &DocSet) -> MentionedKeys {
        let range = date_range(filter);
        let parts = self.mentioned_parts(filter);
        // Parts and their groups come sorted by start: equal keys are neighbours.
        let counted = |parts: &[&MentionedPart], keep: &dyn Fn(u32) -> bool| {
            let mut runs: Vec<(u32, u32)> = Vec::new();
            for group in parts.iter().flat_map(|p| &p.groups) {
                let key = group.range.lo;
                if !keep(key) {
                    continue;
                }
                let n = group.docs.iter().filter(|&&d| matches.contains(d)).count() as u32;
                match runs.last_mut() {
                    _ if n == 0 => {}
                    Some((last, count)) if *last == key => *count += n,
                    _ => runs.push((key, n)),
                }
            }
            runs
        };
        MentionedKeys {
            known: counted(&parts.known, &|key| key_in_range(key, range)),
            year_unknown: counted(&parts.year_unknown, &|_| true),
        }
    }
}

/// Names a find box counts again over a filtered view (their postings are fetched): those
/// found in most articles of the archive.
pub const FIND_COUNTED: usize = 50;

/// Where a view's facet counts come from, besides the facet postings.
enum KeyCounts {
    /// Not from a `keyfacets` part: the view is not one key's, or the archive has none.
    NotKept,
    /// From a part not fetched yet (asked for in this round).
    Pending,
    /// Per table of [`slot_tables`], per value, the key's view's count.
    Kept(Vec<Vec<u32>>),
}

/// The `limit` values found in most articles (ties by key), and how many were found.
fn top_values(mut values: Vec<FacetValue>, limit: usize) -> FacetList {
    crate::sort::by(&mut values, |a, b| {
        b.count.cmp(&a.count).then_with(|| a.key.cmp(&b.key))
    });
    let total = values.len();
    values.truncate(limit);
    FacetList { values, total }
}

/// Fetched `mentioned` parts of a view, in table order.
#[derive(Default)]
struct MentionedParts<'a> {
    known: Vec<&'a MentionedPart>,
    year_unknown: Vec<&'a MentionedPart>,
}

/// Date keys with their counts, one key per document.
pub(crate) fn expand(published: &[(u32, u32)]) -> Vec<u32> {
    published
        .iter()
        .flat_map(|&(key, n)| std::iter::repeat_n(key, n as usize))
        .collect()
}

/// Quotes of the ranked articles, in rank order; only the filter's speakers when it names
/// any (as `query::collect::quote_hits`).
pub(crate) fn quote_hits(filter: &Filter, hits: &[ArchiveHit], limit: usize) -> Vec<ArchiveQuote> {
    let mut out = Vec::new();
    for hit in hits {
        for quote in &hit.entry.quotes {
            if !filter.speakers.is_empty() && !filter.speakers.contains(&quote.speaker) {
                continue;
            }
            if out.len() == limit {
                return out;
            }
            out.push(ArchiveQuote {
                doc: hit.doc,
                article: hit.entry.id.clone(),
                number: quote.number,
                speaker: (!quote.speaker.is_empty()).then(|| quote.speaker.clone()),
                span: quote.span,
                speaker_name: quote.speaker_name.clone(),
                text: quote.text.clone(),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_manifest_says_which_of_its_fields_is_wrong() {
        let catalogue = format!("{}.catalogue", "ab".repeat(16));
        let list = format!("{}.partlist", "cd".repeat(16));
        let problem = |json: &str| Manifest::parse(json).map(|_| ()).map_err(|e| e.problem);
        let ok = format!(
            r#"{{"format":1,"catalogue":"{catalogue}","list":"{list}","parts":3,"bytes":70,"new":[1]}}"#
        );
        let manifest = Manifest::parse(&ok).unwrap();
        assert_eq!((manifest.parts, manifest.bytes), (3, 70));
        assert_eq!(manifest.list.map(|l| l.kind), Some(Kind::PartList));
        let older = format!(r#"{{"format":1,"catalogue":"{catalogue}","list":null}}"#);
        assert_eq!(
            Manifest::parse(&older).map(|m| (m.list, m.parts)),
            Ok((None, 0))
        );
        assert_eq!(problem("{"), Err(Problem::Invalid("JSON")));
        assert_eq!(problem("{}"), Err(Problem::Invalid("format")));
        let later = format!(r#"{{"format":2,"catalogue":"{catalogue}"}}"#);
        assert_eq!(problem(&later), Err(Problem::BadVersion(2)));
        assert_eq!(
            problem(r#"{"format":1}"#),
            Err(Problem::Invalid("catalogue name"))
        );
        let not_a_list =
            format!(r#"{{"format":1,"catalogue":"{catalogue}","list":"{catalogue}"}}"#);
        assert_eq!(
            problem(&not_a_list),
            Err(Problem::Invalid("part list name"))
        );
    }
}

//! The payloads of each kind of part, with their encoders and decoders (layouts in the
//! module doc of [`crate::archive`]).

use super::codec::{Dec, Enc, Kind, PartName, Problem, bucket_of};
use super::mentioned::MentionedTable;
use crate::corpus::Article;
use crate::extract::EntityKind;
use crate::index::{Index, slug};
use crate::span::ByteSpan;

/// How the parts a view reads many of are cut: documents into `docs` parts, their names
/// into `doctable` parts, facet values into `facets` (and `tallies`) parts.
///
/// A result page's hits are scattered over the collection (documents are numbered by
/// date, hits ranked by relevance), so each hit costs about one `docs` part and one
/// `doctable` part: both are kept small. A filtered view reads every `facets` part of the
/// panels on screen, so those are few: a browser fetches at most six parts at a time from a
/// host over HTTP/1.1, and each request costs the page time of its own. The catalogue says
/// which layout an archive has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layout {
    /// Documents per `docs` part.
    pub docs_per_part: u32,
    /// `docs` part names per `doctable` part.
    pub parts_per_table: u32,
    /// Facet values per `facets` and `tallies` part.
    pub facet_values_per_part: u32,
}

impl Layout {
    /// The largest layout `dossier build` writes (archives of over 262,144 documents, see
    /// [`Layout::for_docs`]): at 19k articles, 50 hits fetch about 110 KB of `docs` parts
    /// (343 KB with [`Layout::FIRST`]). A filtered view reads every `facets` part of the
    /// tables on screen, so a table is one part ([`FACET_TOP`] values): 6 requests at 19k
    /// where 25 values a part made 43 and 100 made 12.
    pub const LARGE: Self = Self {
        docs_per_part: 16,
        parts_per_table: 64,
        facet_values_per_part: FACET_TOP as u32,
    };
    /// The layout of archives whose catalogue does not name one (built before it could).
    pub const FIRST: Self = Self {
        docs_per_part: 64,
        parts_per_table: 128,
        facet_values_per_part: 25,
    };

    /// What `dossier build` writes for `docs` documents: `docs` parts as small as keeps
    /// the catalogue's list of `doctable` parts within [`MAX_DOC_TABLES`] names.
    ///
    /// Each hit of a first page costs about one `docs` part, so fewer documents a part
    /// is fewer bytes a link (at 19k, `q=oil prices` reads 21 KB of `docs` parts with 4
    /// documents each, 62 KB with 16), but every `doctable` part is named in the
    /// catalogue, which every link reads: 4 documents a part would name 3,906 tables
    /// (62 KB) at a million articles, 16 name 977. Fewer than 4 would make a page's
    /// hits more `doctable` parts than they save in `docs` bytes.
    pub fn for_docs(docs: u32) -> Self {
        [4, 8]
            .into_iter()
            .map(|docs_per_part| Self {
                docs_per_part,
                ..Self::LARGE
            })
            .find(|layout| layout.doc_tables(docs) <= MAX_DOC_TABLES)
            .unwrap_or(Self::LARGE)
    }

    /// The `docs` parts of `docs` documents.
    pub fn docs_parts(self, docs: u32) -> u32 {
        docs.div_ceil(self.docs_per_part)
    }

    /// The `doctable` parts of `docs` documents.
    pub fn doc_tables(self, docs: u32) -> u32 {
        self.docs_parts(docs).div_ceil(self.parts_per_table)
    }

    /// Where document `doc`'s `docs` part is named: the `doctable` part, and the slot in it.
    pub fn slot(self, doc: u32) -> (usize, usize) {
        let part = doc / self.docs_per_part;
        (
            (part / self.parts_per_table) as usize,
            (part % self.parts_per_table) as usize,
        )
    }
}

impl Default for Layout {
    fn default() -> Self {
        Self::FIRST
    }
}
/// `terms` (and `positions`) bucket names per `termtable` part.
pub const BUCKETS_PER_TABLE: u32 = 128;
/// Documents per `texts` part.
pub const TEXTS_PER_CHUNK: u32 = 32;
/// Values per facet whose postings are stored, so filtered counts are exact for them.
pub const FACET_TOP: usize = 200;

/// The most `doctable` parts [`Layout::for_docs`] lets the catalogue name while it can
/// still make `docs` parts smaller: 16 KB of names, what 16 documents a part name at a
/// million articles.
pub const MAX_DOC_TABLES: u32 = 1024;

/// A run of documents published on the same (possibly partial) date: documents are
/// numbered by publication date, so runs cover the numbers without gaps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateRun {
    /// The run's first document; it ends where the next run starts.
    pub first_doc: u32,
    /// The date's key ([`crate::index::DayRange`]), 0 for undated documents.
    pub lo: u32,
    /// The last day key the date covers.
    pub hi: u32,
}

/// One value listed in a facet table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetEntry {
    /// Link key (entity id, speaker key).
    pub key: String,
    /// Display name.
    pub label: String,
    /// Articles with this value in the whole archive.
    pub count: u32,
}

/// The globally top values of one facet, in the index's value order (so ties break as in
/// the embedded build), and the parts holding their postings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FacetTable {
    /// The values.
    pub values: Vec<FacetEntry>,
    /// Value `i`'s postings are in part `chunks[i / facet_values_per_part]` ([`Layout`]).
    pub chunks: Vec<PartName>,
}

/// One metadata field kept as a facet (`m.topics`): its globally top values, as the entity
/// facets keep theirs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldTable {
    /// The lowercased key, as `m.<name>=` names it.
    pub name: String,
    /// Articles listing at least one of its values.
    pub articles: u32,
    /// Its top values (key and label are both the value) and their postings' parts.
    pub table: FacetTable,
}

/// The key of field `field`'s value `value` in the `fields` buckets: the field, a unit
/// separator (which no trimmed front-matter key contains), the value.
pub fn field_key(field: &str, value: &str) -> String {
    format!("{field}\u{1f}{value}")
}

/// A source and its documents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceEntry {
    /// Publisher name.
    pub name: String,
    /// Its documents.
    pub docs: Vec<u32>,
}

/// Bucket names per `bucketlist` part: 1 KB of names, what one lookup reads.
pub const BUCKETS_PER_LIST: u32 = 64;

/// The hash buckets of one kind of keyed part (`ids`, `profiles`, `fields`, `names`,
/// `fates`): the key `k` is in bucket `fnv1a64(k) mod len()`.
///
/// Only a view that looks a key up reads these (a cold article link, an entity page, a
/// metadata link, a find box, the reader's own articles), so the catalogue, which every
/// link reads, names `bucketlist` parts of [`BUCKETS_PER_LIST`] bucket names instead of
/// the buckets themselves: at a million articles, 3,279 `profiles` buckets alone were
/// 52 KB of names in it. The lookup costs one more part and round, 1 KB.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Buckets {
    /// Named in the catalogue itself, as archives built before `bucketlist` parts have them.
    Listed(Vec<PartName>),
    /// `buckets` buckets, named by `lists` in order.
    InLists {
        /// How many buckets.
        buckets: u32,
        /// `bucketlist` parts: bucket `b` is named at `b mod` [`BUCKETS_PER_LIST`] in
        /// `lists[b / BUCKETS_PER_LIST]`.
        lists: Vec<PartName>,
    },
}

/// Where [`Buckets`] name the bucket of a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum BucketSlot {
    /// The catalogue names it.
    Named(PartName),
    /// `list` names it at `at`.
    InList {
        /// A `bucketlist` part.
        list: PartName,
        /// The bucket's place in it.
        at: usize,
    },
}

impl Default for Buckets {
    fn default() -> Self {
        Buckets::Listed(Vec::new())
    }
}

impl Buckets {
    /// How many buckets (0: the archive was built before this kind of part).
    pub fn len(&self) -> u32 {
        match self {
            Buckets::Listed(names) => names.len() as u32,
            Buckets::InLists { buckets, .. } => *buckets,
        }
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Where the bucket of `key` is named; `None` when there are no buckets.
    pub fn slot(&self, key: &str) -> Option<BucketSlot> {
        let bucket = bucket_of(key, self.len().max(1));
        match self {
            Buckets::Listed(names) => names.get(bucket as usize).copied().map(BucketSlot::Named),
            Buckets::InLists { lists, .. } => {
                let list = *lists.get((bucket / BUCKETS_PER_LIST) as usize)?;
                let at = (bucket % BUCKETS_PER_LIST) as usize;
                Some(BucketSlot::InList { list, at })
            }
        }
    }

    /// The names the catalogue lists itself (none when they are in lists).
    fn listed(&self) -> &[PartName] {
        match self {
            Buckets::Listed(names) => names,
            Buckets::InLists { .. } => &[],
        }
    }
}

/// A `bucketlist` part: a run of one kind's bucket names ([`Buckets`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BucketListPart {
    /// The buckets' kind.
    pub kind: Kind,
    /// Their names, in bucket order.
    pub names: Vec<PartName>,
}

impl BucketListPart {
    /// The body bytes: `kind:u8 names`.
    pub fn encode(&self) -> Vec<u8> {
        let mut enc = Enc::default();
        enc.u32(u32::from(self.kind.code()));
        names(&mut enc, &self.names);
        enc.into_bytes()
    }

    /// Reads a body written by [`BucketListPart::encode`].
    pub fn decode(body: &[u8]) -> Result<Self, Problem> {
        let mut dec = Dec::new(body);
        let code = u8::try_from(dec.u32()?).map_err(|_| Problem::Invalid("kind"))?;
        let kind = Kind::of_code(code).ok_or(Problem::Invalid("kind"))?;
        let names = read_names(&mut dec, kind)?;
        done(&dec, Self { kind, names })
    }
}

/// The entry point: collection-wide numbers and where every other part is.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Catalogue {
    /// Documents (all live; numbers `0..docs`).
    pub docs: u32,
    /// Average indexed words per document (BM25).
    pub average_words: f32,
    /// Publication-date runs, ascending.
    pub date_runs: Vec<DateRun>,
    /// Sources, in the index's order.
    pub sources: Vec<SourceEntry>,
    /// Word buckets: term `t` is in `terms` bucket (and `positions` bucket)
    /// `fnv1a64(t) mod term_buckets`.
    pub term_buckets: u32,
    /// `termtable` parts, naming [`BUCKETS_PER_TABLE`] buckets each.
    pub term_tables: Vec<PartName>,
    /// Lexicon parts by first character.
    pub lexicon: Vec<(char, PartName)>,
    /// Lexicon parts by second character.
    pub lexicon2: Vec<(char, PartName)>,
    /// Entity buckets.
    pub entities: Vec<PartName>,
    /// Speaker buckets.
    pub speakers: Vec<PartName>,
    /// `doctable` parts, as [`Catalogue::layout`] says.
    pub doc_tables: Vec<PartName>,
    /// People, organisations, places, speakers.
    pub facets: [FacetTable; 4],
    /// `ids` buckets, by article id. Empty in archives built before them.
    pub ids: Buckets,
    /// `profiles` buckets, by entity key. Empty in archives built before them.
    pub profiles: Buckets,
    /// Metadata fields kept as facets, by name. Empty in archives built before them.
    pub fields: Vec<FieldTable>,
    /// `fields` buckets, by [`field_key`].
    pub field_values: Buckets,
    /// Other names (kind `misc`), as [`Catalogue::facets`] keeps people's: no facet panel
    /// shows them, the network does. Empty in archives built before it.
    pub misc: FacetTable,
    /// `tallies` parts of the people, organisations, places, speakers and misc tables, one
    /// per `facets` part of the same table. Empty in archives built before them.
    pub tallies: [Vec<PartName>; 5],
    /// The mentioned dates' parts; `None` in archives built before them (which cannot
    /// answer `dates=mentioned`).
    pub mentioned: Option<MentionedTable>,
    /// `names` buckets: a name is in the bucket of the start of each of its words
    /// ([`super::names::word_starts`]). Empty in archives built before them (their find
    /// boxes search the listed values only).
    pub names: Buckets,
    /// How the `docs` and `doctable` parts are cut ([`Layout::FIRST`] in archives built
    /// before the catalogue said).
    pub layout: Layout,
    /// `fates` buckets, by extraction id ([`super::fates`]). Empty in archives built before
    /// them (the reader's own articles then resolve among themselves only).
    pub fates: Buckets,
}

fn names(enc: &mut Enc, names: &[PartName]) {
    enc.list(names, Enc::name);
}

fn read_names(dec: &mut Dec, kind: Kind) -> Result<Vec<PartName>, Problem> {
    dec.list(|dec| dec.name(kind))
}

fn keyed(enc: &mut Enc, parts: &[(char, PartName)]) {
    enc.list(parts, |enc, (key, name)| {
        enc.u32(*key as u32);
        enc.name(name);
    });
}

fn read_keyed(dec: &mut Dec, kind: Kind) -> Result<Vec<(char, PartName)>, Problem> {
    dec.list(|dec| {
        let key = char::from_u32(dec.u32()?).ok_or(Problem::Invalid("character"))?;
        Ok((key, dec.name(kind)?))
    })
}

fn facet_table(enc: &mut Enc, table: &FacetTable) {
    enc.list(&table.values, |enc, value| {
        match key_form(&value.key, &value.label) {
            Some(form) => {
                enc.str("");
                enc.u32(form);
            }
            None => enc.str(&value.key),
        }
        enc.str(&value.label);
        enc.u32(value.count);
    });
    names(enc, &table.chunks);
}

/// The entity kinds whose ids a facet value's key can be, by [`key_form`] `2..`.
const KEY_KINDS: [EntityKind; 4] = [
    EntityKind::Person,
    EntityKind::Organization,
    EntityKind::Place,
    EntityKind::Misc,
];

/// How a facet value's key follows from its label, if it does: 0, empty; 1, the label's
/// slug; `2 + k`, an id of kind `KEY_KINDS[k]` with that slug (`person:james-baker` for
/// "James Baker"). Nine keys in ten do, so the catalogue, which every link reads, names the
/// form instead of spelling them (4 KB of the 11 KB its four facet tables take).
fn key_form(key: &str, label: &str) -> Option<u32> {
    if key.is_empty() {
        return Some(0);
    }
    let slug = slug(label);
    if key == slug {
        return Some(1);
    }
    let (kind, rest) = key.split_once(':')?;
    let at = KEY_KINDS.iter().position(|k| k.as_str() == kind)?;
    (rest == slug).then_some(2 + at as u32)
}

/// The key [`key_form`] `form` gives for `label`.
fn key_of_form(form: u32, label: &str) -> Result<String, Problem> {
    Ok(match form {
        0 => String::new(),
        1 => slug(label),
        _ => {
            let kind = usize::try_from(form - 2)
                .ok()
                .and_then(|k| KEY_KINDS.get(k))
                .ok_or(Problem::Invalid("facet key form"))?;
            format!("{}:{}", kind.as_str(), slug(label))
        }
    })
}

fn read_facet_table(dec: &mut Dec) -> Result<FacetTable, Problem> {
    Ok(FacetTable {
        values: dec.list(|dec| {
            // A key is never empty: an empty one says its form follows.
            let key = dec.str()?;
            let form = if key.is_empty() {
                Some(dec.u32()?)
            } else {
                None
            };
            let label = dec.str()?;
            Ok(FacetEntry {
                key: form.map_or(Ok(key), |form| key_of_form(form, &label))?,
                label,
                count: dec.u32()?,
            })
        })?,
        chunks: read_names(dec, Kind::Facets)?,
    })
}

/// The entry of a list sorted by `key_of` whose key is `key`.
pub(super) fn find_sorted<'e, T>(
    entries: &'e [T],
    key: &str,
    key_of: impl Fn(&T) -> &str,
) -> Option<&'e T> {
    entries
        .binary_search_by(|e| key_of(e).cmp(key))
        .ok()
        .map(|i| &entries[i])
}

impl Catalogue {
    /// The body bytes.
    pub fn encode(&self) -> Vec<u8> {
        let mut enc = Enc::default();
        enc.u32(self.docs);
        enc.u32(self.average_words.to_bits());
        let mut last = 0;
        enc.list(&self.date_runs, |enc, run| {
            enc.u32(run.first_doc - last);
            last = run.first_doc;
            enc.u32(run.lo);
            enc.u32(run.hi - run.lo);
        });
        enc.list(&self.sources, |enc, source| {
            enc.str(&source.name);
            enc.docs(&source.docs);
        });
        enc.u32(self.term_buckets);
        names(&mut enc, &self.term_tables);
        keyed(&mut enc, &self.lexicon);
        keyed(&mut enc, &self.lexicon2);
        names(&mut enc, &self.entities);
        names(&mut enc, &self.speakers);
        names(&mut enc, &self.doc_tables);
        for table in &self.facets {
            facet_table(&mut enc, table);
        }
        // Last and optional, in the order they were added (`ids`, `profiles`, fields), so a
        // catalogue written before any of them still reads: a section is written when it or
        // a later one has content.
        // Keyed buckets in `bucketlist` parts: the catalogue's own lists of them stay empty.
        let keyed = self.keyed_buckets();
        let has_lists = keyed
            .iter()
            .any(|buckets| matches!(buckets, Buckets::InLists { .. }));
        let has_fates = has_lists || !self.fates.listed().is_empty();
        let has_layout = has_fates || self.layout != Layout::FIRST;
        let has_names = has_layout || !self.names.listed().is_empty();
        let has_mentioned = has_names || self.mentioned.is_some();
        let has_tallies = has_mentioned || self.tallies.iter().any(|t| !t.is_empty());
        let has_misc = has_tallies || !self.misc.values.is_empty();
        let has_fields =
            has_misc || !self.fields.is_empty() || !self.field_values.listed().is_empty();
        let has_profiles = has_fields || !self.profiles.listed().is_empty();
        if has_profiles || !self.ids.listed().is_empty() {
            names(&mut enc, self.ids.listed());
        }
        if has_profiles {
            names(&mut enc, self.profiles.listed());
        }
        if has_fields {
            enc.list(&self.fields, |enc, field| {
                enc.str(&field.name);
                enc.u32(field.articles);
                enc.list(&field.table.values, |enc, value| {
                    enc.str(&value.key);
                    enc.u32(value.count);
                });
                names(enc, &field.table.chunks);
            });
            names(&mut enc, self.field_values.listed());
        }
        if has_misc {
            facet_table(&mut enc, &self.misc);
        }
        if has_tallies {
            for table in &self.tallies {
                names(&mut enc, table);
            }
        }
        if has_mentioned {
            self.mentioned.clone().unwrap_or_default().encode(&mut enc);
        }
        if has_names {
            names(&mut enc, self.names.listed());
        }
        if has_layout {
            enc.u32(self.layout.docs_per_part);
            enc.u32(self.layout.parts_per_table);
            enc.u32(self.layout.facet_values_per_part);
        }
        if has_fates {
            names(&mut enc, self.fates.listed());
        }
        if has_lists {
            for buckets in keyed {
                match buckets {
                    Buckets::Listed(_) => {
                        enc.u32(0);
                        names(&mut enc, &[]);
                    }
                    Buckets::InLists { buckets, lists } => {
                        enc.u32(*buckets);
                        names(&mut enc, lists);
                    }
                }
            }
        }
        enc.into_bytes()
    }

    /// The keyed buckets, in the order the catalogue's last section lists them.
    fn keyed_buckets(&self) -> [&Buckets; 5] {
        [
            &self.ids,
            &self.profiles,
            &self.field_values,
            &self.names,
            &self.fates,
        ]
    }

    /// Reads a body written by [`Catalogue::encode`].
    pub fn decode(body: &[u8]) -> Result<Self, Problem> {
        let mut dec = Dec::new(body);
        let docs = dec.u32()?;
        let average_words = f32::from_bits(dec.u32()?);
        let mut first_doc = 0u32;
        let date_runs = dec.list(|dec| {
            first_doc = first_doc
                .checked_add(dec.u32()?)
                .ok_or(Problem::Invalid("date run"))?;
            let lo = dec.u32()?;
            let hi = lo
                .checked_add(dec.u32()?)
                .ok_or(Problem::Invalid("date run"))?;
            Ok(DateRun { first_doc, lo, hi })
        })?;
        let sources = dec.list(|dec| {
            Ok(SourceEntry {
                name: dec.str()?,
                docs: dec.docs()?,
            })
        })?;
        let term_buckets = dec.u32()?;
        let term_tables = read_names(&mut dec, Kind::TermTable)?;
        let lexicon = read_keyed(&mut dec, Kind::Lexicon)?;
        let lexicon2 = read_keyed(&mut dec, Kind::Lexicon2)?;
        let entities = read_names(&mut dec, Kind::Entities)?;
        let speakers = read_names(&mut dec, Kind::Speakers)?;
        let doc_tables = read_names(&mut dec, Kind::DocTable)?;
        let mut facets: [FacetTable; 4] = Default::default();
        for table in &mut facets {
            *table = read_facet_table(&mut dec)?;
        }
        let ids = if dec.is_done() {
            Vec::new()
        } else {
            read_names(&mut dec, Kind::Ids)?
        };
        let profiles = if dec.is_done() {
            Vec::new()
        } else {
            read_names(&mut dec, Kind::Profiles)?
        };
        let (fields, field_values) = if dec.is_done() {
            (Vec::new(), Vec::new())
        } else {
            let fields = dec.list(|dec| {
                let name = dec.str()?;
                let articles = dec.u32()?;
                let values = dec.list(|dec| {
                    let key = dec.str()?;
                    Ok(FacetEntry {
                        label: key.clone(),
                        key,
                        count: dec.u32()?,
                    })
                })?;
                let chunks = read_names(dec, Kind::Facets)?;
                Ok(FieldTable {
                    name,
                    articles,
                    table: FacetTable { values, chunks },
                })
            })?;
            (fields, read_names(&mut dec, Kind::Fields)?)
        };
        let misc = if dec.is_done() {
            FacetTable::default()
        } else {
            read_facet_table(&mut dec)?
        };
        let mut tallies: [Vec<PartName>; 5] = Default::default();
        if !dec.is_done() {
            for table in &mut tallies {
                *table = read_names(&mut dec, Kind::Tallies)?;
            }
        }
        let mentioned = if dec.is_done() {
            None
        } else {
            Some(MentionedTable::decode(&mut dec)?)
        };
        let names = if dec.is_done() {
            Vec::new()
        } else {
            read_names(&mut dec, Kind::Names)?
        };
        let layout = if dec.is_done() {
            Layout::FIRST
        } else {
            Layout {
                docs_per_part: dec.u32()?,
                parts_per_table: dec.u32()?,
                facet_values_per_part: dec.u32()?,
            }
        };
        let fates = if dec.is_done() {
            Vec::new()
        } else {
            read_names(&mut dec, Kind::Fates)?
        };
        let mut keyed = [ids, profiles, field_values, names, fates].map(Buckets::Listed);
        if !dec.is_done() {
            for buckets in &mut keyed {
                let count = dec.u32()?;
                let lists = read_names(&mut dec, Kind::BucketList)?;
                if lists.len() != count.div_ceil(BUCKETS_PER_LIST) as usize
                    || (count > 0 && !buckets.is_empty())
                {
                    return Err(Problem::Invalid("bucket lists"));
                }
                if count > 0 {
                    *buckets = Buckets::InLists {
                        buckets: count,
                        lists,
                    };
                }
            }
        }
        let [ids, profiles, field_values, names, fates] = keyed;
        if layout.docs_per_part == 0
            || layout.parts_per_table == 0
            || layout.facet_values_per_part == 0
            || doc_tables.len() != layout.doc_tables(docs) as usize
            || term_tables.len() != term_buckets.div_ceil(BUCKETS_PER_TABLE) as usize
            || !dec.is_done()
        {
            return Err(Problem::Invalid("catalogue layout"));
        }
        Ok(Self {
            docs,
            average_words,
            date_runs,
            sources,
            term_buckets,
            term_tables,
            lexicon,
            lexicon2,
            entities,
            speakers,
            doc_tables,
            facets,
            ids,
            profiles,
            fields,
            field_values,
            misc,
            tallies,
            mentioned,
            names,
            layout,
            fates,
        })
    }
}

/// One document of a term, with what BM25 needs: no other part is read to rank.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TermPosting {
    /// Document.
    pub doc: u32,
    /// Occurrences of the term in it.
    pub frequency: u32,
    /// The document's indexed words.
    pub length: u32,
}

/// One term of a `terms` bucket.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermEntry {
    /// Folded term.
    pub term: String,
    /// Its documents, ascending.
    pub postings: Vec<TermPosting>,
    /// The terms a search for it adds as typos ([`crate::index::Terms::one_edit_neighbours`]),
    /// in the order the search adds them; `None` in a part written before they were kept.
    pub near: Option<Vec<String>>,
}

/// A `terms` part: the terms of one bucket, sorted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TermsPart {
    /// Sorted by term.
    pub entries: Vec<TermEntry>,
}

impl TermsPart {
    /// The body bytes.
    pub fn encode(&self) -> Vec<u8> {
        let mut enc = Enc::default();
        enc.list(&self.entries, |enc, entry| {
            enc.str(&entry.term);
            let mut last = 0;
            enc.list(&entry.postings, |enc, p| {
                enc.u32(p.doc - last);
                last = p.doc;
                enc.u32(p.frequency);
                enc.u32(p.length);
            });
        });
        // Added within version 1, after the part's end, so older parts still read.
        if self.entries.iter().any(|e| e.near.is_some()) {
            for entry in &self.entries {
                enc.list(entry.near.as_deref().unwrap_or_default(), |enc, t| {
                    enc.str(t)
                });
            }
        }
        enc.into_bytes()
    }

    /// Reads a body written by [`TermsPart::encode`].
    pub fn decode(body: &[u8]) -> Result<Self, Problem> {
        let mut dec = Dec::new(body);
        let mut entries = dec.list(|dec| {
            let term = dec.str()?;
            let mut doc = 0u32;
            let postings = dec.list(|dec| {
                doc = doc
                    .checked_add(dec.u32()?)
                    .ok_or(Problem::Invalid("document number"))?;
                Ok(TermPosting {
                    doc,
                    frequency: dec.u32()?,
                    length: dec.u32()?,
                })
            })?;
            Ok(TermEntry {
                term,
                postings,
                near: None,
            })
        })?;
        if !dec.is_done() {
            for entry in &mut entries {
                entry.near = Some(dec.list(Dec::str)?);
            }
        }
        done(&dec, Self { entries })
    }

    /// The entry of `term`.
    pub fn find(&self, term: &str) -> Option<&TermEntry> {
        find_sorted(&self.entries, term, |e| &e.term)
    }
}

/// A `positions` part: for each term of the bucket, for each of its documents in order,
/// the word positions.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PositionsPart {
    /// `(term, positions per posting)`, sorted by term.
    pub entries: Vec<(String, Vec<Vec<u32>>)>,
}

impl PositionsPart {
    /// The body bytes.
    pub fn encode(&self) -> Vec<u8> {
        let mut enc = Enc::default();
        enc.list(&self.entries, |enc, (term, lists)| {
            enc.str(term);
            enc.list(lists, |enc, list| enc.docs(list));
        });
        enc.into_bytes()
    }

    /// Reads a body written by [`PositionsPart::encode`].
    pub fn decode(body: &[u8]) -> Result<Self, Problem> {
        let mut dec = Dec::new(body);
        let entries = dec.list(|dec| Ok((dec.str()?, dec.list(Dec::docs)?)))?;
        done(&dec, Self { entries })
    }

    /// The positions of `term`, per posting.
    pub fn find(&self, term: &str) -> Option<&[Vec<u32>]> {
        find_sorted(&self.entries, term, |(t, _)| t).map(|(_, lists)| lists.as_slice())
    }
}

/// A `lexicon` or `lexicon2` part: terms sharing a first (or second) character, sorted,
/// with their document frequencies.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LexiconPart {
    /// `(term, df)`, sorted by term.
    pub entries: Vec<(String, u32)>,
}

impl LexiconPart {
    /// The body bytes (terms front-coded against the previous one).
    pub fn encode(&self) -> Vec<u8> {
        let mut enc = Enc::default();
        let mut last = "";
        enc.list(&self.entries, |enc, (term, df)| {
            let shared = common_prefix(last, term);
            enc.count(shared);
            enc.str(&term[shared..]);
            enc.u32(*df);
            last = term;
        });
        enc.into_bytes()
    }

    /// Reads a body written by [`LexiconPart::encode`].
    pub fn decode(body: &[u8]) -> Result<Self, Problem> {
        let mut dec = Dec::new(body);
        let n = dec.count()?;
        let mut entries: Vec<(String, u32)> = Vec::with_capacity(n);
        for _ in 0..n {
            let shared = dec.u64()? as usize;
            let rest = dec.str()?;
            let last = entries.last().map_or("", |(t, _)| t.as_str());
            let head = last.get(..shared).ok_or(Problem::Invalid("front coding"))?;
            let term = format!("{head}{rest}");
            entries.push((term, dec.u32()?));
        }
        done(&dec, Self { entries })
    }
}

/// Bytes `a` and `b` share at the start, on a character boundary.
fn common_prefix(a: &str, b: &str) -> usize {
    a.char_indices()
        .zip(b.chars())
        .take_while(|((_, x), y)| x == y)
        .last()
        .map_or(0, |((at, c), _)| at + c.len_utf8())
}

/// An entity or a speaker: key, display name, kind code and documents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyedDocs {
    /// Entity id or speaker key.
    pub key: String,
    /// Display name.
    pub name: String,
    /// Entity kind ([`crate::extract::EntityKind`] as `as_str`), empty for speakers.
    pub kind: String,
    /// Documents, ascending.
    pub docs: Vec<u32>,
}

/// An `entities`, `speakers` or `fields` bucket.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KeyedPart {
    /// Sorted by key.
    pub entries: Vec<KeyedDocs>,
    /// The `keyfacets` part with each entry's view's facet counts, in the same order
    /// ([`super::key_facets`]); `None` in archives built before them.
    pub key_facets: Option<PartName>,
}

impl KeyedPart {
    /// The body bytes.
    pub fn encode(&self) -> Vec<u8> {
        let mut enc = Enc::default();
        enc.list(&self.entries, |enc, e| {
            enc.str(&e.key);
            enc.str(&e.name);
            enc.str(&e.kind);
            enc.docs(&e.docs);
        });
        if let Some(name) = &self.key_facets {
            enc.name(name);
        }
        enc.into_bytes()
    }

    /// Reads a body written by [`KeyedPart::encode`].
    pub fn decode(body: &[u8]) -> Result<Self, Problem> {
        let mut dec = Dec::new(body);
        let entries = dec.list(|dec| {
            Ok(KeyedDocs {
                key: dec.str()?,
                name: dec.str()?,
                kind: dec.str()?,
                docs: dec.docs()?,
            })
        })?;
        let key_facets = if dec.is_done() {
            None
        } else {
            Some(dec.name(Kind::KeyFacets)?)
        };
        done(
            &dec,
            Self {
                entries,
                key_facets,
            },
        )
    }

    /// The entry of `key`.
    pub fn find(&self, key: &str) -> Option<&KeyedDocs> {
        self.position(key).map(|at| &self.entries[at])
    }

    /// Where the entry of `key` is.
    pub fn position(&self, key: &str) -> Option<usize> {
        self.entries
            .binary_search_by(|e| e.key.as_str().cmp(key))
            .ok()
    }
}

/// One quote of a document, for quote lists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteEntry {
    /// Its number in the article's annotations.
    pub number: u32,
    /// Speaker key, empty when unknown.
    pub speaker: String,
    /// The quotation in the article text.
    pub span: ByteSpan,
    /// The speaker's display name, empty when unknown (or in a part written before names
    /// and texts were kept).
    pub speaker_name: String,
    /// The quotation's words, as the quotes view shows them (empty in a part written before).
    pub text: String,
}

/// What a result list shows of one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocEntry {
    /// Article id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Publication date as written by [`crate::corpus::Date`]'s `Display`, empty if none.
    pub date: String,
    /// Source name, empty if none.
    pub source: String,
    /// Indexed words.
    pub words: u32,
    /// The start of the body, whitespace collapsed.
    pub lede: String,
    /// Its quotes.
    pub quotes: Vec<QuoteEntry>,
}

/// Characters of body text kept as a result list's lede.
const LEDE_CHARS: usize = 160;

impl DocEntry {
    /// What the result list keeps of document `doc` of `index`, which is `article`: the
    /// build's `docs` parts, and the reader's own articles shown among an archive's.
    pub fn of(index: &Index, article: &Article, doc: u32) -> Self {
        let quotes = index
            .doc_quotes(doc)
            .iter()
            .filter_map(|&q| index.quotes().get(q as usize))
            .map(|quote| {
                let speaker = index.speakers().get(quote.speaker as usize);
                QuoteEntry {
                    number: quote.number,
                    speaker: speaker.map(|s| s.key.clone()).unwrap_or_default(),
                    span: quote.span,
                    speaker_name: speaker.map(|s| s.name.clone()).unwrap_or_default(),
                    text: quote.span.slice(&article.text).to_string(),
                }
            })
            .collect();
        let body = article.body.slice(&article.text);
        let mut lede = String::new();
        for word in body.split_whitespace() {
            if lede.chars().count() >= LEDE_CHARS {
                break;
            }
            if !lede.is_empty() {
                lede.push(' ');
            }
            lede.push_str(word);
        }
        DocEntry {
            id: article.id.0.clone(),
            title: article.title.clone(),
            date: article.date.map(|d| d.to_string()).unwrap_or_default(),
            source: article.source.clone().unwrap_or_default(),
            words: index.docs.get(doc as usize).map_or(0, |d| d.words),
            lede,
            quotes,
        }
    }
}

/// A `docs` part: [`Layout::docs_per_part`] documents, and the `texts` parts holding them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocsPart {
    /// The first document's number.
    pub first_doc: u32,
    /// The documents in order.
    pub docs: Vec<DocEntry>,
    /// The `texts` parts holding its documents, in order (of [`TEXTS_PER_CHUNK`] documents
    /// each, numbered from document 0).
    pub texts: Vec<PartName>,
}

impl DocsPart {
    /// The `texts` part holding document `doc`, one of this part's.
    pub fn texts_part(&self, doc: u32) -> Option<PartName> {
        let first = self.first_doc / TEXTS_PER_CHUNK;
        let at = (doc / TEXTS_PER_CHUNK).checked_sub(first)?;
        self.texts.get(at as usize).copied()
    }

    /// The body bytes.
    pub fn encode(&self) -> Vec<u8> {
        let mut enc = self.encode_before_quote_words();
        // Added within version 1, after the part's end, so older readers' parts still read.
        for doc in &self.docs {
            enc.list(&doc.quotes, |enc, q| {
                enc.str(&q.speaker_name);
                enc.str(&q.text);
            });
        }
        enc.into_bytes()
    }

    /// The body as written before quotes kept their speaker's name and their words.
    fn encode_before_quote_words(&self) -> Enc {
        let mut enc = Enc::default();
        enc.u32(self.first_doc);
        enc.list(&self.docs, |enc, d| {
            enc.str(&d.id);
            enc.str(&d.title);
            enc.str(&d.date);
            enc.str(&d.source);
            enc.u32(d.words);
            enc.str(&d.lede);
            enc.list(&d.quotes, |enc, q| {
                enc.u32(q.number);
                enc.str(&q.speaker);
                enc.count(q.span.start);
                enc.count(q.span.end - q.span.start);
            });
        });
        names(&mut enc, &self.texts);
        enc
    }

    /// Reads a body written by [`DocsPart::encode`].
    pub fn decode(body: &[u8]) -> Result<Self, Problem> {
        let mut dec = Dec::new(body);
        let first_doc = dec.u32()?;
        let docs = dec.list(|dec| {
            let (id, title, date, source) = (dec.str()?, dec.str()?, dec.str()?, dec.str()?);
            let words = dec.u32()?;
            let lede = dec.str()?;
            let quotes = dec.list(|dec| {
                let number = dec.u32()?;
                let speaker = dec.str()?;
                let start = dec.u64()? as usize;
                let end = start.saturating_add(dec.u64()? as usize);
                Ok(QuoteEntry {
                    number,
                    speaker,
                    span: ByteSpan::new(start, end),
                    speaker_name: String::new(),
                    text: String::new(),
                })
            })?;
            Ok(DocEntry {
                id,
                title,
                date,
                source,
                words,
                lede,
                quotes,
            })
        })?;
        let texts = read_names(&mut dec, Kind::Texts)?;
        let mut docs = docs;
        if !dec.is_done() {
            for doc in &mut docs {
                let words = dec.list(|dec| Ok((dec.str()?, dec.str()?)))?;
                if words.len() != doc.quotes.len() {
                    return Err(Problem::Invalid("quote texts do not match the quotes"));
                }
                for (quote, (name, text)) in doc.quotes.iter_mut().zip(words) {
                    quote.speaker_name = name;
                    quote.text = text;
                }
            }
        }
        done(
            &dec,
            Self {
                first_doc,
                docs,
                texts,
            },
        )
    }
}

/// A `texts` part: whole articles and their annotations as JSON (the app's own types,
/// through serde), [`TEXTS_PER_CHUNK`] documents.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextsPart {
    /// The first document's number.
    pub first_doc: u32,
    /// `(article JSON, annotations JSON)` per document.
    pub docs: Vec<(String, String)>,
}

/// The article and annotations of document `doc` from the JSON a `texts` part stores.
pub fn parse_text(
    doc: u32,
    article: &str,
    annotations: &str,
) -> Result<(Article, crate::extract::Annotations), String> {
    let article: Article = serde_json::from_str(article)
        .map_err(|e| format!("document {doc}'s article is damaged: {e}"))?;
    let annotations = serde_json::from_str(annotations)
        .map_err(|e| format!("document {doc}'s annotations are damaged: {e}"))?;
    Ok((article, annotations))
}

impl TextsPart {
    /// Document `doc`'s article and annotations (`None`: not in this part).
    pub fn article(
        &self,
        doc: u32,
    ) -> Option<Result<(Article, crate::extract::Annotations), String>> {
        let (article, annotations) = self.docs.get(doc.checked_sub(self.first_doc)? as usize)?;
        Some(parse_text(doc, article, annotations))
    }

    /// The body bytes.
    pub fn encode(&self) -> Vec<u8> {
        let mut enc = Enc::default();
        enc.u32(self.first_doc);
        enc.list(&self.docs, |enc, (article, annotations)| {
            enc.str(article);
            enc.str(annotations);
        });
        enc.into_bytes()
    }

    /// Reads a body written by [`TextsPart::encode`].
    pub fn decode(body: &[u8]) -> Result<Self, Problem> {
        let mut dec = Dec::new(body);
        let first_doc = dec.u32()?;
        let docs = dec.list(|dec| Ok((dec.str()?, dec.str()?)))?;
        done(&dec, Self { first_doc, docs })
    }
}

/// A `facets` part: the postings of up to [`Layout::facet_values_per_part`] facet values.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FacetsPart {
    /// Postings per value, in the facet table's order.
    pub values: Vec<Vec<u32>>,
}

impl FacetsPart {
    /// The body bytes.
    pub fn encode(&self) -> Vec<u8> {
        let mut enc = Enc::default();
        enc.list(&self.values, |enc, docs| enc.docs(docs));
        enc.into_bytes()
    }

    /// Reads a body written by [`FacetsPart::encode`].
    pub fn decode(body: &[u8]) -> Result<Self, Problem> {
        let mut dec = Dec::new(body);
        let values = dec.list(Dec::docs)?;
        done(&dec, Self { values })
    }
}

/// Per value of a `facets` part, whether its row belongs to an entity's (a speaker who is
/// a named entity is counted in that entity's row), and per posting the value's mentions
/// and quotes in that document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TalliesPart {
    /// `(counted elsewhere, [(mentions, quotes)] per posting)` per value.
    pub values: Vec<(bool, Vec<(u32, u32)>)>,
}

impl TalliesPart {
    /// The body bytes.
    pub fn encode(&self) -> Vec<u8> {
        let mut enc = Enc::default();
        enc.list(&self.values, |enc, (elsewhere, counts)| {
            enc.u32(u32::from(*elsewhere));
            enc.list(counts, |enc, (mentions, quotes)| {
                enc.u32(*mentions);
                enc.u32(*quotes);
            });
        });
        enc.into_bytes()
    }

    /// Reads a body written by [`TalliesPart::encode`].
    pub fn decode(body: &[u8]) -> Result<Self, Problem> {
        let mut dec = Dec::new(body);
        let values = dec.list(|dec| {
            let elsewhere = dec.u32()? != 0;
            let counts = dec.list(|dec| Ok((dec.u32()?, dec.u32()?)))?;
            Ok((elsewhere, counts))
        })?;
        done(&dec, Self { values })
    }
}

/// A `doctable` part: the names of consecutive `docs` parts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocTablePart {
    /// `docs` parts in document order.
    pub docs: Vec<PartName>,
}

impl DocTablePart {
    /// The body bytes.
    pub fn encode(&self) -> Vec<u8> {
        let mut enc = Enc::default();
        names(&mut enc, &self.docs);
        enc.into_bytes()
    }

    /// Reads a body written by [`DocTablePart::encode`].
    pub fn decode(body: &[u8]) -> Result<Self, Problem> {
        let mut dec = Dec::new(body);
        let docs = read_names(&mut dec, Kind::Docs)?;
        done(&dec, Self { docs })
    }
}

/// Article ids per `ids` part, on average (the bucket count follows from it).
pub const IDS_PER_PART: u32 = 2048;

/// An `ids` part: the article ids of one hash bucket, sorted, with their document numbers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IdsPart {
    /// `(article id, document number)`, sorted by id.
    pub ids: Vec<(String, u32)>,
}

impl IdsPart {
    /// The body bytes.
    pub fn encode(&self) -> Vec<u8> {
        let mut enc = Enc::default();
        enc.list(&self.ids, |enc, (id, doc)| {
            enc.str(id);
            enc.u32(*doc);
        });
        enc.into_bytes()
    }

    /// Reads a body written by [`IdsPart::encode`].
    pub fn decode(body: &[u8]) -> Result<Self, Problem> {
        let mut dec = Dec::new(body);
        let ids = dec.list(|dec| Ok((dec.str()?, dec.u32()?)))?;
        if !ids.is_sorted_by(|a: &(String, u32), b| a.0 < b.0) {
            return Err(Problem::Invalid("ids out of order"));
        }
        done(&dec, Self { ids })
    }

    /// The document number of article `id`.
    pub fn find(&self, id: &str) -> Option<u32> {
        find_sorted(&self.ids, id, |(id, _)| id.as_str()).map(|(_, doc)| *doc)
    }
}

/// A `termtable` part: the names of consecutive `terms` buckets and of the same
/// `positions` buckets.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TermTablePart {
    /// `terms` parts in bucket order.
    pub terms: Vec<PartName>,
    /// `positions` parts in bucket order.
    pub positions: Vec<PartName>,
}

impl TermTablePart {
    /// The body bytes.
    pub fn encode(&self) -> Vec<u8> {
        let mut enc = Enc::default();
        names(&mut enc, &self.terms);
        names(&mut enc, &self.positions);
        enc.into_bytes()
    }

    /// Reads a body written by [`TermTablePart::encode`].
    pub fn decode(body: &[u8]) -> Result<Self, Problem> {
        let mut dec = Dec::new(body);
        let terms = read_names(&mut dec, Kind::Terms)?;
        let positions = read_names(&mut dec, Kind::Positions)?;
        if terms.len() != positions.len() {
            return Err(Problem::Invalid("term table"));
        }
        done(&dec, Self { terms, positions })
    }
}

/// A `partlist` part: every other part of the archive with its stored size, so a
/// "Save for offline" knows what to fetch and how much before fetching anything else.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PartListPart {
    /// `(name, stored bytes)`, sorted by name.
    pub parts: Vec<(PartName, u64)>,
}

impl PartListPart {
    /// The body bytes.
    pub fn encode(&self) -> Vec<u8> {
        let mut enc = Enc::default();
        enc.list(&self.parts, |enc, (name, bytes)| {
            enc.u32(u32::from(name.kind.code()));
            enc.name(name);
            enc.u64(*bytes);
        });
        enc.into_bytes()
    }

    /// Reads a body written by [`PartListPart::encode`].
    pub fn decode(body: &[u8]) -> Result<Self, Problem> {
        let mut dec = Dec::new(body);
        let parts = dec.list(|dec| {
            let kind = u8::try_from(dec.u32()?)
                .ok()
                .and_then(Kind::of_code)
                .filter(|k| *k != Kind::PartList)
                .ok_or(Problem::Invalid("part kind"))?;
            Ok((dec.name(kind)?, dec.u64()?))
        })?;
        done(&dec, Self { parts })
    }

    /// Stored bytes of all the parts listed.
    pub fn bytes(&self) -> u64 {
        self.parts.iter().map(|(_, bytes)| bytes).sum()
    }
}

/// `value` if every byte of the body was read, else the body is damaged.
pub(super) fn done<T>(dec: &Dec, value: T) -> Result<T, Problem> {
    if dec.is_done() {
        Ok(value)
    } else {
        Err(Problem::Invalid("trailing bytes"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn lexicon_front_coding_round_trips_across_accents() {
        let part = LexiconPart {
            entries: vec![("oil".into(), 3), ("oilé".into(), 1), ("oilée".into(), 2)],
        };
        assert_eq!(LexiconPart::decode(&part.encode()), Ok(part));
    }

    #[test]
    fn a_part_list_round_trips_and_cannot_list_itself() {
        let name = |byte: u8, kind| PartName {
            hash: [byte; 16],
            kind,
        };
        let list = PartListPart {
            parts: vec![
                (name(1, Kind::Catalogue), 13_600),
                (name(2, Kind::Texts), 40_000_000_000),
            ],
        };
        assert_eq!(PartListPart::decode(&list.encode()), Ok(list.clone()));
        assert_eq!(list.bytes(), 40_000_013_600);
        let itself = PartListPart {
            parts: vec![(name(3, Kind::PartList), 1)],
        };
        assert_eq!(
            PartListPart::decode(&itself.encode()),
            Err(Problem::Invalid("part kind"))
        );
    }

    #[test]
    fn a_catalogue_without_ids_parts_still_reads_and_ids_round_trip() {
        let old = Catalogue::default();
        assert_eq!(Catalogue::decode(&old.encode()), Ok(old));
        let with_ids = Catalogue {
            ids: Buckets::Listed(vec![PartName {
                hash: [7; 16],
                kind: Kind::Ids,
            }]),
            ..Catalogue::default()
        };
        assert_eq!(Catalogue::decode(&with_ids.encode()), Ok(with_ids));
        let with_profiles_only = Catalogue {
            profiles: Buckets::Listed(vec![PartName {
                hash: [8; 16],
                kind: Kind::Profiles,
            }]),
            ..Catalogue::default()
        };
        assert_eq!(
            Catalogue::decode(&with_profiles_only.encode()),
            Ok(with_profiles_only)
        );
        let part = IdsPart {
            ids: vec![("a-1".into(), 4), ("b-2".into(), 0)],
        };
        let read = IdsPart::decode(&part.encode()).unwrap();
        assert_eq!((read.find("b-2"), read.find("c")), (Some(0), None));
        let unsorted = IdsPart {
            ids: vec![("b".into(), 0), ("a".into(), 1)],
        };
        assert!(IdsPart::decode(&unsorted.encode()).is_err());
    }

    #[test]
    fn documents_a_part_grow_only_when_the_catalogue_would_name_too_many_tables() {
        let per_part = |docs| Layout::for_docs(docs).docs_per_part;
        assert_eq!(per_part(0), 4);
        assert_eq!(per_part(19_043), 4);
        assert_eq!(per_part(262_144), 4, "1,024 tables of 64 parts of 4");
        assert_eq!(per_part(262_145), 8);
        assert_eq!(per_part(524_289), 16);
        assert_eq!(Layout::for_docs(1_000_000), Layout::LARGE);
        assert_eq!(Layout::LARGE.doc_tables(1_000_000), 977);
        // Beyond what 16 a part keep within the bound, the largest layout still holds.
        assert_eq!(Layout::for_docs(u32::MAX), Layout::LARGE);
    }

    #[test]
    fn the_layout_is_read_back_and_old_catalogues_keep_the_first_one() {
        let table = |n: u8| PartName {
            hash: [n; 16],
            kind: Kind::DocTable,
        };
        // 2,049 documents: 129 `docs` parts of 16, three `doctable` parts of 64 names.
        let current = Catalogue {
            docs: 2049,
            doc_tables: vec![table(1), table(2), table(3)],
            layout: Layout::LARGE,
            // Written before the layout, so present whenever the layout is.
            mentioned: Some(MentionedTable::default()),
            ..Catalogue::default()
        };
        assert_eq!(Catalogue::decode(&current.encode()), Ok(current.clone()));
        assert_eq!(Layout::LARGE.slot(2048), (2, 0));
        assert_eq!(Layout::LARGE.slot(1023), (0, 63));
        // Written without the layout, the same catalogue is read as the first layout, which
        // has one table for these documents: the count no longer matches, and it says so.
        let mut body = current.encode();
        // The layout's three varints, as `Catalogue::encode` writes them.
        let mut layout = Enc::default();
        for n in [
            current.layout.docs_per_part,
            current.layout.parts_per_table,
            current.layout.facet_values_per_part,
        ] {
            layout.u32(n);
        }
        body.truncate(body.len() - layout.into_bytes().len());
        assert_eq!(
            Catalogue::decode(&body),
            Err(Problem::Invalid("catalogue layout"))
        );
        let first = Catalogue {
            layout: Layout::FIRST,
            doc_tables: vec![table(1)],
            mentioned: None,
            ..current.clone()
        };
        assert_eq!(Catalogue::decode(&first.encode()), Ok(first));
        // `fates` buckets, named after the layout: with them the catalogue reads back whole,
        // and a catalogue without them (every build before) is the same bytes cut before them.
        let with_fates = Catalogue {
            fates: Buckets::Listed(vec![PartName {
                hash: [9; 16],
                kind: Kind::Fates,
            }]),
            ..current.clone()
        };
        let body = with_fates.encode();
        assert_eq!(Catalogue::decode(&body), Ok(with_fates));
        assert!(body.starts_with(&current.encode()));
    }

    #[test]
    fn facet_keys_that_follow_from_their_labels_are_not_spelt_and_read_back_whole() {
        let entry = |key: &str, label: &str| FacetEntry {
            key: key.to_string(),
            label: label.to_string(),
            count: 3,
        };
        let derived = [
            entry("person:james-baker", "James Baker"),
            entry(
                "organization:dean-witter-reynolds-inc",
                "Dean Witter Reynolds Inc.",
            ),
            entry("place:são-paulo", "São Paulo"),
            entry("misc:opec-accord", "OPEC accord"),
            entry("one-senior-banker", "one senior banker"),
            entry("irna", "IRNA"),
            entry("", "no key"),
            entry("person:", ""),
        ];
        let spelt = [
            entry("person:baker", "James Baker"),
            entry("event:opec-accord", "OPEC accord"),
            entry("person-james-baker", "James Baker"),
            entry("place:geneva:x", "Geneva"),
        ];
        for (values, follows) in [(&derived[..], true), (&spelt[..], false)] {
            for value in values {
                let table = FacetTable {
                    values: vec![value.clone()],
                    chunks: Vec::new(),
                };
                let mut enc = Enc::default();
                facet_table(&mut enc, &table);
                let bytes = enc.into_bytes();
                let read = read_facet_table(&mut Dec::new(&bytes));
                assert_eq!(read, Ok(table), "{value:?}");
                let key_spelt = bytes
                    .windows(value.key.len().max(1))
                    .any(|w| w == value.key.as_bytes());
                assert_eq!(
                    !value.key.is_empty() && key_spelt && !value.label.contains(&value.key),
                    !follows,
                    "{value:?}"
                );
            }
        }
        // A form no build writes is refused.
        let mut enc = Enc::default();
        enc.count(1);
        enc.str("");
        enc.u32(6);
        enc.str("James Baker");
        enc.u32(1);
        names(&mut enc, &[]);
        let bytes = enc.into_bytes();
        assert!(read_facet_table(&mut Dec::new(&bytes)).is_err());
    }

    #[test]
    fn keyed_buckets_in_bucket_lists_read_back_and_are_found_through_their_list() {
        let name = |byte: u8, kind| PartName {
            hash: [byte; 16],
            kind,
        };
        let lists = |buckets: u32, byte: u8| Buckets::InLists {
            buckets,
            lists: (0..buckets.div_ceil(BUCKETS_PER_LIST))
                .map(|i| name(byte + i as u8, Kind::BucketList))
                .collect(),
        };
        let catalogue = Catalogue {
            docs: 10,
            term_buckets: 1,
            term_tables: vec![name(1, Kind::TermTable)],
            doc_tables: vec![name(2, Kind::DocTable)],
            ids: lists(3, 10),
            profiles: lists(130, 20),
            names: Buckets::Listed(vec![name(30, Kind::Names)]),
            fates: lists(64, 40),
            mentioned: Some(MentionedTable::default()),
            layout: Layout::LARGE,
            ..Catalogue::default()
        };
        let body = catalogue.encode();
        assert_eq!(Catalogue::decode(&body), Ok(catalogue.clone()));
        // The lists come last; the catalogue's own lists of those buckets are empty.
        let without = Catalogue {
            ids: Buckets::default(),
            profiles: Buckets::default(),
            fates: Buckets::default(),
            ..catalogue.clone()
        };
        assert!(body.starts_with(&without.encode()));
        // 130 profiles buckets: three lists, the last naming two.
        let slots: BTreeSet<_> = (0..2000)
            .filter_map(|i| catalogue.profiles.slot(&format!("person:{i}")))
            .collect();
        let lists: BTreeSet<_> = slots
            .iter()
            .map(|slot| match slot {
                BucketSlot::InList { list, at } => (list.hash[0], *at < 64),
                BucketSlot::Named(_) => panic!("named inline: {slot:?}"),
            })
            .collect();
        assert_eq!(lists, BTreeSet::from([(20, true), (21, true), (22, true)]));
        let last = slots.iter().filter_map(|slot| match slot {
            BucketSlot::InList { list, at } if list.hash[0] == 22 => Some(*at),
            _ => None,
        });
        assert_eq!(last.collect::<BTreeSet<_>>(), BTreeSet::from([0, 1]));
        assert_eq!(
            catalogue.names.slot("x"),
            Some(BucketSlot::Named(name(30, Kind::Names)))
        );
        assert_eq!(Buckets::default().slot("x"), None);
        // A list's count and names must agree.
        let mut wrong = catalogue;
        wrong.ids = Buckets::InLists {
            buckets: 65,
            lists: vec![name(10, Kind::BucketList)],
        };
        assert!(Catalogue::decode(&wrong.encode()).is_err());
        let part = BucketListPart {
            kind: Kind::Profiles,
            names: vec![name(5, Kind::Profiles), name(6, Kind::Profiles)],
        };
        assert_eq!(BucketListPart::decode(&part.encode()), Ok(part));
    }

    #[test]
    fn a_docs_part_finds_the_texts_part_of_each_of_its_documents() {
        let texts = |n: u8| PartName {
            hash: [n; 16],
            kind: Kind::Texts,
        };
        // The first layout: 64 documents over two texts parts of 32.
        let wide = DocsPart {
            first_doc: 128,
            docs: Vec::new(),
            texts: vec![texts(4), texts(5)],
        };
        assert_eq!(wide.texts_part(128), Some(texts(4)));
        assert_eq!(wide.texts_part(191), Some(texts(5)));
        assert_eq!(wide.texts_part(127), None);
        // The current one: 16 documents, the second half of one texts part.
        let narrow = DocsPart {
            first_doc: 48,
            docs: Vec::new(),
            texts: vec![texts(1)],
        };
        assert_eq!(narrow.texts_part(48), Some(texts(1)));
        assert_eq!(narrow.texts_part(63), Some(texts(1)));
        assert_eq!(narrow.texts_part(64), None);
        assert_eq!(narrow.texts_part(31), None);
    }

    #[test]
    fn a_docs_part_keeps_quote_words_and_one_written_before_them_still_reads() {
        let quote = |number: u32, speaker: &str, name: &str, text: &str| QuoteEntry {
            number,
            speaker: speaker.into(),
            span: ByteSpan::new(10, 10 + text.len()),
            speaker_name: name.into(),
            text: text.into(),
        };
        let doc = |id: &str, quotes: Vec<QuoteEntry>| DocEntry {
            id: id.into(),
            title: format!("{id} title"),
            date: "1987-03-02".into(),
            source: String::new(),
            words: 40,
            lede: "Lede".into(),
            quotes,
        };
        let part = DocsPart {
            first_doc: 16,
            docs: vec![
                doc(
                    "a",
                    vec![
                        quote(0, "person:james-baker", "James Baker", "We will act."),
                        quote(3, "", "", "Nothing to add."),
                    ],
                ),
                doc("b", Vec::new()),
            ],
            texts: Vec::new(),
        };
        assert_eq!(DocsPart::decode(&part.encode()), Ok(part.clone()));
        // A part written before the quotes' names and words: the same body up to them.
        let before = || part.encode_before_quote_words();
        let older = DocsPart::decode(&before().into_bytes()).expect("an older part reads");
        let first = &older.docs[0].quotes[0];
        assert_eq!(
            (first.speaker.as_str(), first.span),
            ("person:james-baker", part.docs[0].quotes[0].span)
        );
        assert!(first.text.is_empty() && first.speaker_name.is_empty());
        // Words for fewer quotes than the part lists are damage, not a silent mismatch.
        let mut short = before();
        short.list(&part.docs[0].quotes[..1], |enc, q| {
            enc.str(&q.speaker_name);
            enc.str(&q.text);
        });
        short.count(0);
        assert_eq!(
            DocsPart::decode(&short.into_bytes()),
            Err(Problem::Invalid("quote texts do not match the quotes"))
        );
    }

    #[test]
    fn a_terms_part_keeps_each_terms_typos_and_one_written_before_them_still_reads() {
        let entry = |term: &str, near: Option<&[&str]>| TermEntry {
            term: term.into(),
            postings: vec![TermPosting {
                doc: 3,
                frequency: 1,
                length: 40,
            }],
            near: near.map(|n| n.iter().map(|t| t.to_string()).collect()),
        };
        let part = TermsPart {
            entries: vec![
                entry("oil", Some(&[])),
                entry("prices", Some(&["price", "prides"])),
            ],
        };
        assert_eq!(TermsPart::decode(&part.encode()), Ok(part));
        let before = TermsPart {
            entries: vec![entry("oil", None), entry("prices", None)],
        };
        assert_eq!(TermsPart::decode(&before.encode()), Ok(before));
    }

    #[test]
    fn a_damaged_length_is_truncation_not_an_allocation() {
        let mut enc = Enc::default();
        enc.u64(u64::MAX >> 1);
        assert_eq!(
            TermsPart::decode(&enc.into_bytes()),
            Err(Problem::Truncated)
        );
    }
}

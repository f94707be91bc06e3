//! The write side (native only): articles and annotations in, a folder of parts out, on
//! all cores, byte-identical for the same input, writing only parts that do not exist yet.

use super::codec::{Kind, PartError, PartName, Problem, bucket_of, seal};
use super::fates::{FATES_PER_PART, FatesPart};
use super::key_facets::{KeyFacetsPart, SlotCounter};
use super::mentioned::{self, MentionedChunk, MentionedTable};
use super::names::{NAMES_PER_PART, NameEntry, NamesPart, word_starts};
use super::parts::{
    BUCKETS_PER_LIST, BUCKETS_PER_TABLE, BucketListPart, Buckets, Catalogue, DateRun, DocEntry,
    DocTablePart, DocsPart, FACET_TOP, FacetEntry, FacetTable, FacetsPart, FieldTable,
    IDS_PER_PART, IdsPart, KeyedDocs, KeyedPart, Layout, LexiconPart, PartListPart, PositionsPart,
    SourceEntry, TEXTS_PER_CHUNK, TalliesPart, TermEntry, TermPosting, TermTablePart, TermsPart,
    TextsPart, field_key,
};
use super::profiles::{POSTINGS_PER_PROFILES_PART, ProfileEntry, ProfilesPart, profile_weight};
use super::read::PartSource;
use crate::article_source::{
    AnnotationSource, ArticleSource, PackedAnnotations, PackedArticles, in_order,
};
use crate::corpus::Article;
use crate::extract::{Annotations, EntityId, EntityKind};
use crate::index::dates::upper;
use crate::index::{DayRange, Index, NONE};
use crate::query::eval::MIN_TYPO_LEN;
use crate::resolve::Decisions;
use crate::resolve::from_archive::NameFate;
use rayon::prelude::*;
use std::collections::{BTreeMap, HashSet};
use std::io;
use std::path::{Path, PathBuf};

/// Postings per `terms` (and `positions`) bucket, on average: about 10 KB of gzip. A link
/// fetches its words' buckets whole, most of them other words' postings: at 19k articles,
/// 16,384 made `q=oil prices` fetch 236 KB of `terms`. Their names are in `termtable`
/// parts, so more buckets cost the catalogue nothing.
const TERM_POSTINGS_PER_BUCKET: usize = 4_096;

/// Postings per `entities`, `speakers` or `fields` bucket, on average. Their names are in
/// the catalogue, which every link fetches: at a million articles, 4,096 would make it
/// 40 KB larger (entity buckets 410 → 1,758) to save a few KB of the one bucket a name
/// link reads.
const KEYED_POSTINGS_PER_BUCKET: usize = 16_384;

/// What an entry of an `entities`, `speakers` or `fields` bucket weighs beside its
/// postings, in postings: its key and name. Most names are in one or two articles, so their
/// strings, not their postings, filled those buckets (at 19k, James Baker's was 83 KB).
const ENTRY_WEIGHT: usize = 16;

/// What a build wrote.
#[derive(Debug, Clone, Default)]
pub struct WriteSummary {
    /// Articles archived.
    pub articles: usize,
    /// The catalogue part.
    pub catalogue: Option<PartName>,
    /// The part listing every other part ("Save for offline").
    pub list: Option<PartName>,
    /// Stored bytes of the catalogue.
    pub catalogue_bytes: u64,
    /// Parts the archive consists of, and their bytes.
    pub parts: usize,
    /// Bytes of all parts.
    pub bytes: u64,
    /// Parts written by this build (new content), and their bytes.
    pub written: usize,
    /// Bytes written.
    pub written_bytes: u64,
    /// Parts already there (unchanged content).
    pub kept: usize,
    /// Parts of an earlier build that are no longer referenced, removed.
    pub removed: usize,
    /// Bytes removed.
    pub removed_bytes: u64,
    /// Parts and bytes by kind.
    pub by_kind: BTreeMap<Kind, (usize, u64)>,
}

/// One stored part: its name, size, and whether this build wrote it.
struct Stored {
    name: PartName,
    bytes: u64,
    written: bool,
}

/// The order documents are numbered in: publication date (undated first), then id.
pub fn archive_order<'a>(articles: impl Into<ArticleSource<'a>>) -> Vec<usize> {
    let articles = articles.into();
    // Each article read once (a packed one is unpacked to read it), not once per comparison.
    let keys: Vec<(u32, String)> = (0..articles.len())
        .into_par_iter()
        .map(|i| {
            articles.get(i).map_or((0, String::new()), |a| {
                (
                    a.date.map_or(0, |d| DayRange::of_date(d).lo),
                    a.id.0.clone(),
                )
            })
        })
        .collect();
    let mut order: Vec<usize> = (0..articles.len()).collect();
    order.sort_by(|&a, &b| keys[a].cmp(&keys[b]));
    order
}

/// Puts packed `articles` and their `annotations` in archive order (see [`archive_order`]).
pub fn sort_packed_for_archive(articles: &mut PackedArticles, annotations: &mut PackedAnnotations) {
    let order = archive_order(&*articles);
    articles.reorder(&order);
    annotations.reorder(&order);
}

/// Puts `articles` and their `annotations` in archive order (see [`archive_order`]).
pub fn sort_for_archive(articles: &mut Vec<Article>, annotations: &mut Vec<Annotations>) {
    let order = archive_order(&*articles);
    annotations.resize_with(order.len(), Annotations::default);
    *articles = in_order(std::mem::take(articles), &order);
    *annotations = in_order(std::mem::take(annotations), &order);
}

/// Writes the archive of `articles` (in archive order: [`sort_for_archive`]) and `index`
/// (built from exactly those) under `dir` (`manifest.json`, `parts/`); `decisions` (the
/// resolve stage's) give each entity page its merged names. Existing parts are kept,
/// unreferenced ones removed after the new manifest is in place.
pub fn write_archive<'a, 'b>(
    dir: &Path,
    articles: impl Into<ArticleSource<'a>>,
    annotations: impl Into<AnnotationSource<'b>>,
    index: &Index,
    decisions: &Decisions,
) -> io::Result<WriteSummary> {
    let articles = articles.into();
    write_archive_in(
        Layout::for_docs(u32::try_from(articles.len()).unwrap_or(u32::MAX)),
        dir,
        articles,
        annotations,
        index,
        decisions,
    )
}

/// [`write_archive`] with its parts cut as `layout` says: tests use it to write the
/// archives earlier builds wrote, which today's reader must still open.
pub fn write_archive_in<'a, 'b>(
    layout: Layout,
    dir: &Path,
    articles: impl Into<ArticleSource<'a>>,
    annotations: impl Into<AnnotationSource<'b>>,
    index: &Index,
    decisions: &Decisions,
) -> io::Result<WriteSummary> {
    let (articles, annotations) = (articles.into(), annotations.into());
    let parts_dir = dir.join("parts");
    std::fs::create_dir_all(&parts_dir)?;
    let store = |kind: Kind, body: Vec<u8>| -> io::Result<Stored> {
        let (name, bytes) = seal(kind, &body);
        let path = parts_dir.join(name.to_string());
        let written = !path.exists();
        if written {
            // Write then rename: a part file is either absent or complete.
            let tmp = parts_dir.join(format!(".{name}.tmp"));
            std::fs::write(&tmp, &bytes)?;
            std::fs::rename(&tmp, &path)?;
        }
        Ok(Stored {
            name,
            bytes: bytes.len() as u64,
            written,
        })
    };
    let n = index.len() as u32;
    let mut stored: Vec<Stored> = Vec::new();

    // Texts first: the docs parts name them.
    let texts: Vec<Stored> = (0..n.div_ceil(TEXTS_PER_CHUNK))
        .into_par_iter()
        .map(|chunk| {
            let first = chunk * TEXTS_PER_CHUNK;
            let last = (first + TEXTS_PER_CHUNK).min(n);
            let docs = (first..last)
                .map(|doc| {
                    let article = articles.json(doc as usize).unwrap_or(Ok(String::new()))?;
                    let found = annotations.get(doc as usize).unwrap_or_default();
                    Ok((article, serde_json::to_string(&found)?))
                })
                .collect::<Result<_, serde_json::Error>>()?;
            store(
                Kind::Texts,
                TextsPart {
                    first_doc: first,
                    docs,
                }
                .encode(),
            )
        })
        .collect::<io::Result<_>>()?;
    let text_names: Vec<PartName> = texts.iter().map(|s| s.name).collect();
    stored.extend(texts);

    let doc_parts: Vec<Stored> = (0..layout.docs_parts(n))
        .into_par_iter()
        .map(|chunk| {
            let first = chunk * layout.docs_per_part;
            let last = (first + layout.docs_per_part).min(n);
            let docs = (first..last)
                .filter_map(|doc| Some(DocEntry::of(index, &*articles.get(doc as usize)?, doc)))
                .collect();
            let holding =
                (first / TEXTS_PER_CHUNK) as usize..=((last - 1) / TEXTS_PER_CHUNK) as usize;
            let texts = text_names[holding].to_vec();
            store(
                Kind::Docs,
                DocsPart {
                    first_doc: first,
                    docs,
                    texts,
                }
                .encode(),
            )
        })
        .collect::<io::Result<_>>()?;
    let doc_chunks: Vec<PartName> = doc_parts.iter().map(|s| s.name).collect();
    stored.extend(doc_parts);
    let doc_tables: Vec<Stored> = doc_chunks
        .chunks(layout.parts_per_table as usize)
        .map(|docs| {
            store(
                Kind::DocTable,
                DocTablePart {
                    docs: docs.to_vec(),
                }
                .encode(),
            )
        })
        .collect::<io::Result<_>>()?;
    let doc_table_names: Vec<PartName> = doc_tables.iter().map(|s| s.name).collect();
    stored.extend(doc_tables);

    // Article ids by hash bucket: a cold link to one article finds its document number.
    let id_buckets = n.div_ceil(IDS_PER_PART).max(1);
    let mut ids_by_bucket: Vec<Vec<(String, u32)>> = vec![Vec::new(); id_buckets as usize];
    // The index has every document's id: no article is read again for it.
    for (doc, info) in index.docs.iter().enumerate() {
        ids_by_bucket[bucket_of(info.id.as_str(), id_buckets) as usize]
            .push((info.id.0.clone(), doc as u32));
    }
    let id_parts: Vec<Stored> = ids_by_bucket
        .into_iter()
        .map(|mut ids| {
            ids.sort_unstable();
            store(Kind::Ids, IdsPart { ids }.encode())
        })
        .collect::<io::Result<_>>()?;
    let id_names: Vec<PartName> = id_parts.iter().map(|s| s.name).collect();
    stored.extend(id_parts);

    // Words: hash buckets of terms (postings with BM25's inputs) and of positions.
    let terms = index.terms();
    let total_postings: usize = (0..terms.len() as u32).map(|t| terms.docs(t).len()).sum();
    let buckets = total_postings.div_ceil(TERM_POSTINGS_PER_BUCKET).max(1) as u32;
    // Each term's typos beside its postings: a link to a word then reads no lexicon.
    let near = terms.one_edit_neighbours(MIN_TYPO_LEN);
    let mut by_bucket: Vec<Vec<u32>> = vec![Vec::new(); buckets as usize];
    for t in 0..terms.len() as u32 {
        by_bucket[bucket_of(terms.term(t), buckets) as usize].push(t);
    }
    let word_parts: Vec<(Stored, Stored)> = by_bucket
        .par_iter()
        .map(|ids| {
            let mut entries = Vec::with_capacity(ids.len());
            let mut positions = Vec::with_capacity(ids.len());
            for &t in ids {
                let mut lists = Vec::new();
                let postings = terms
                    .postings(t)
                    .map(|p| {
                        let mut list = Vec::with_capacity(p.frequency as usize);
                        p.positions_into(&mut list);
                        lists.push(list);
                        TermPosting {
                            doc: p.doc,
                            frequency: p.frequency,
                            length: index.docs[p.doc as usize].words,
                        }
                    })
                    .collect();
                let near = near.get(t as usize).map_or(&[][..], Vec::as_slice);
                entries.push(TermEntry {
                    term: terms.term(t).to_string(),
                    postings,
                    near: Some(near.iter().map(|&n| terms.term(n).to_string()).collect()),
                });
                positions.push((terms.term(t).to_string(), lists));
            }
            Ok((
                store(Kind::Terms, TermsPart { entries }.encode())?,
                store(
                    Kind::Positions,
                    PositionsPart { entries: positions }.encode(),
                )?,
            ))
        })
        .collect::<io::Result<_>>()?;
    let mut term_tables = Vec::new();
    for table in word_parts.chunks(BUCKETS_PER_TABLE as usize) {
        let part = TermTablePart {
            terms: table.iter().map(|(t, _)| t.name).collect(),
            positions: table.iter().map(|(_, p)| p.name).collect(),
        };
        let table = store(Kind::TermTable, part.encode())?;
        term_tables.push(table.name);
        stored.push(table);
    }
    for (t, p) in word_parts {
        stored.extend([t, p]);
    }

    // Lexicons: every term under its first character, and under its second.
    let mut first: BTreeMap<char, Vec<(String, u32)>> = BTreeMap::new();
    let mut second: BTreeMap<char, Vec<(String, u32)>> = BTreeMap::new();
    for t in 0..terms.len() as u32 {
        let term = terms.term(t);
        let df = terms.docs(t).len() as u32;
        let mut chars = term.chars();
        if let Some(c) = chars.next() {
            first.entry(c).or_default().push((term.to_string(), df));
        }
        if let Some(c) = chars.next() {
            second.entry(c).or_default().push((term.to_string(), df));
        }
    }
    let lexicon = store_keyed(&store, Kind::Lexicon, first, &mut stored)?;
    let lexicon2 = store_keyed(&store, Kind::Lexicon2, second, &mut stored)?;

    // Entities and speakers: hash buckets by key.
    let entity_entries: Vec<KeyedDocs> = index
        .entities()
        .iter()
        .enumerate()
        .map(|(e, info)| KeyedDocs {
            key: info.id.0.clone(),
            name: info.name.clone(),
            kind: info.kind.as_str().to_string(),
            docs: index.entity_docs(e as u32).to_vec(),
        })
        .collect();
    let speaker_entries: Vec<KeyedDocs> = index
        .speakers()
        .iter()
        .enumerate()
        .map(|(s, info)| KeyedDocs {
            key: info.key.clone(),
            name: info.name.clone(),
            kind: String::new(),
            docs: index.speaker_docs(s as u32).to_vec(),
        })
        .collect();

    // Entity pages: profiles by the same key hash, one bucket built at a time.
    let weight: usize = (0..index.entities().len() as u32)
        .map(|e| profile_weight(index.entity_docs(e).len()))
        .sum();
    let profile_buckets = weight.div_ceil(POSTINGS_PER_PROFILES_PART).max(1) as u32;
    let mut by_bucket: Vec<Vec<&EntityId>> = vec![Vec::new(); profile_buckets as usize];
    for info in index.entities() {
        by_bucket[bucket_of(info.id.as_str(), profile_buckets) as usize].push(&info.id);
    }
    let profile_parts: Vec<Stored> = by_bucket
        .into_par_iter()
        .map(|mut ids| {
            ids.sort_unstable();
            let entries = ids
                .into_iter()
                .filter_map(|id| ProfileEntry::of(index, articles, annotations, decisions, id))
                .collect();
            store(Kind::Profiles, ProfilesPart { entries }.encode())
        })
        .collect::<io::Result<_>>()?;
    let profiles: Vec<PartName> = profile_parts.iter().map(|s| s.name).collect();
    stored.extend(profile_parts);

    // Facets: the top values of each kind, in index order, and their postings.
    let entity_table = |kind: EntityKind| {
        let values: Vec<(u32, FacetEntry, &[u32])> = index
            .entities()
            .iter()
            .enumerate()
            .filter(|(_, info)| info.kind == kind)
            .map(|(e, info)| {
                let docs = index.entity_docs(e as u32);
                let entry = FacetEntry {
                    key: info.id.0.clone(),
                    label: info.name.clone(),
                    count: docs.len() as u32,
                };
                (e as u32, entry, docs)
            })
            .collect();
        values
    };
    let speaker_table: Vec<(u32, FacetEntry, &[u32])> = index
        .speakers()
        .iter()
        .enumerate()
        .map(|(s, info)| {
            let docs = index.speaker_docs(s as u32);
            let entry = FacetEntry {
                key: info.key.clone(),
                label: info.name.clone(),
                count: docs.len() as u32,
            };
            (s as u32, entry, docs)
        })
        .collect();
    // The entity table's counts, as `query::entity_table` makes them: an entity's mentions
    // and the quotes of the speakers that are it; a speaker that is not an entity, its quotes.
    let speaker_entity: Vec<u32> = index
        .speakers()
        .iter()
        .map(|s| index.entity_of(&s.key).unwrap_or(NONE))
        .collect();
    let quotes_in = |doc: u32, counted: &dyn Fn(u32) -> bool| {
        index
            .doc_quotes(doc)
            .iter()
            .filter_map(|&q| index.quotes().get(q as usize))
            .filter(|quote| counted(quote.speaker))
            .count() as u32
    };
    let entity_tally = |entity: u32, doc: u32| {
        let id = index.entities()[entity as usize].id.as_str();
        let Some(found) = annotations.get(doc as usize) else {
            return (0, 0);
        };
        let mentions = found
            .entities
            .iter()
            .enumerate()
            .filter(|(_, e)| e.id.as_str() == id)
            .map(|(local, _)| found.mentions.iter().filter(|m| m.entity == local).count())
            .sum::<usize>() as u32;
        let quotes = quotes_in(doc, &|s| speaker_entity.get(s as usize) == Some(&entity));
        (mentions, quotes)
    };
    let speaker_tally = |speaker: u32, doc: u32| (0, quotes_in(doc, &|s| s == speaker));
    let is_entity = |speaker: u32| speaker_entity.get(speaker as usize) != Some(&NONE);
    let mut facets: [FacetTable; 4] = Default::default();
    let mut tallies: [Vec<PartName>; 5] = Default::default();
    // The postings of every value the facet tables keep, by slot (`key_facets::slot_tables`).
    let mut slot_postings: Vec<&[u32]> = Vec::new();
    let candidates = [
        entity_table(EntityKind::Person),
        entity_table(EntityKind::Organization),
        entity_table(EntityKind::Place),
        speaker_table,
    ];
    for (at, mut values) in candidates.into_iter().enumerate() {
        facets[at] = store_facet_table(&store, layout, &mut values, &mut stored)?;
        slot_postings.extend(values.iter().map(|v| v.2));
        tallies[at] = if at == 3 {
            store_tallies(
                &store,
                layout,
                &values,
                is_entity,
                speaker_tally,
                &mut stored,
            )?
        } else {
            store_tallies(
                &store,
                layout,
                &values,
                |_| false,
                entity_tally,
                &mut stored,
            )?
        };
    }
    let mut misc_values = entity_table(EntityKind::Misc);
    let misc = store_facet_table(&store, layout, &mut misc_values, &mut stored)?;
    tallies[4] = store_tallies(
        &store,
        layout,
        &misc_values,
        |_| false,
        entity_tally,
        &mut stored,
    )?;

    // Metadata fields: every value in `fields` buckets (any `m.` link finds its documents),
    // the top values of each field in the catalogue with their postings (facet counts).
    let meta = index.meta_fields();
    let value_entries: Vec<KeyedDocs> = meta
        .fields()
        .iter()
        .flat_map(|field| {
            field.values.clone().map(|v| KeyedDocs {
                key: field_key(&field.name, meta.value(v)),
                name: meta.value(v).to_string(),
                kind: field.name.clone(),
                docs: meta.docs(v).to_vec(),
            })
        })
        .collect();
    let mut fields = Vec::with_capacity(meta.fields().len());
    for field in meta.fields() {
        let mut values: Vec<(u32, FacetEntry, &[u32])> = field
            .values
            .clone()
            .map(|v| {
                let docs = meta.docs(v);
                let value = meta.value(v).to_string();
                let entry = FacetEntry {
                    key: value.clone(),
                    label: value,
                    count: docs.len() as u32,
                };
                (v, entry, docs)
            })
            .collect();
        let table = store_facet_table(&store, layout, &mut values, &mut stored)?;
        slot_postings.extend(values.iter().map(|v| v.2));
        fields.push(FieldTable {
            name: field.name.clone(),
            articles: field.articles,
            table,
        });
    }

    // Entities, speakers and metadata values: hash buckets by key, each naming the facet
    // counts of its keys' views.
    let counter = SlotCounter::new(n, &slot_postings);
    drop(slot_postings);
    let mut keyed = |kind, entries| store_buckets(&store, kind, entries, &counter, &mut stored);
    let entities = keyed(Kind::Entities, entity_entries)?;
    let speakers = keyed(Kind::Speakers, speaker_entries)?;
    let field_values = if value_entries.is_empty() {
        Vec::new()
    } else {
        keyed(Kind::Fields, value_entries)?
    };
    drop(counter);

    // Mentioned dates: groups by interval, cut into parts by start (`dates=mentioned`).
    let (known, year_unknown) = mentioned::groups_of(index);
    let store_mentioned = |groups: Vec<mentioned::MentionedGroup>, stored: &mut Vec<Stored>| {
        let parts: Vec<(u32, u32, Stored)> = mentioned::chunked(groups)
            .into_par_iter()
            .map(|part| {
                let lo = part.groups.first().map_or(0, |g| g.range.lo);
                let reach = part.groups.iter().map(|g| g.reach()).max().unwrap_or(lo);
                Ok((lo, reach, store(Kind::Mentioned, part.encode())?))
            })
            .collect::<io::Result<_>>()?;
        let chunks: Vec<MentionedChunk> = parts
            .iter()
            .map(|(lo, reach, s)| MentionedChunk {
                lo: *lo,
                reach: *reach,
                name: s.name,
            })
            .collect();
        stored.extend(parts.into_iter().map(|(_, _, s)| s));
        io::Result::Ok(chunks)
    };
    let mentioned = MentionedTable {
        chunks: store_mentioned(known, &mut stored)?,
        year_unknown: store_mentioned(year_unknown, &mut stored)?
            .into_iter()
            .map(|c| c.name)
            .collect(),
    };

    // Every facet value by the start of each word of its name (a facet's find box).
    let mut name_entries: Vec<NameEntry> = index
        .entities()
        .iter()
        .enumerate()
        .filter_map(|(e, info)| {
            let table = match info.kind {
                EntityKind::Person => 0,
                EntityKind::Organization => 1,
                EntityKind::Place => 2,
                EntityKind::Misc => return None,
            };
            Some(NameEntry {
                table,
                key: info.id.0.clone(),
                label: info.name.clone(),
                count: index.entity_docs(e as u32).len() as u32,
            })
        })
        .collect();
    name_entries.extend(
        index
            .speakers()
            .iter()
            .enumerate()
            .map(|(s, info)| NameEntry {
                table: 3,
                key: info.key.clone(),
                label: info.name.clone(),
                count: index.speaker_docs(s as u32).len() as u32,
            }),
    );
    let filed: Vec<(String, usize)> = name_entries
        .iter()
        .enumerate()
        .flat_map(|(at, entry)| word_starts(&entry.label).into_iter().map(move |s| (s, at)))
        .collect();
    let name_buckets = filed.len().div_ceil(NAMES_PER_PART).max(1) as u32;
    let mut by_bucket: Vec<Vec<usize>> = vec![Vec::new(); name_buckets as usize];
    for (start, at) in &filed {
        by_bucket[bucket_of(start, name_buckets) as usize].push(*at);
    }
    let name_parts: Vec<Stored> = by_bucket
        .into_par_iter()
        .map(|mut ats| {
            ats.sort_unstable_by(|&a, &b| {
                let (a, b) = (&name_entries[a], &name_entries[b]);
                (a.table, &a.key).cmp(&(b.table, &b.key))
            });
            ats.dedup();
            let part = NamesPart {
                entries: ats.into_iter().map(|at| name_entries[at].clone()).collect(),
            };
            store(Kind::Names, part.encode())
        })
        .collect::<io::Result<_>>()?;
    let names: Vec<PartName> = name_parts.iter().map(|s| s.name).collect();
    stored.extend(name_parts);

    // Names' fates, by extraction id, for the reader's own articles.
    let fates = crate::resolve::from_archive::fates_of(
        decisions,
        |id| index.entity_of(id.as_str()).is_some(),
        |id| {
            let e = index.entity_of(id.as_str())?;
            Some(index.entities().get(e as usize)?.name.clone())
        },
    );
    let fate_buckets = fates.len().div_ceil(FATES_PER_PART).max(1) as u32;
    let mut by_bucket: Vec<Vec<NameFate>> = vec![Vec::new(); fate_buckets as usize];
    for fate in fates {
        by_bucket[bucket_of(&fate.from, fate_buckets) as usize].push(fate);
    }
    let fate_parts: Vec<Stored> = by_bucket
        .into_par_iter()
        .map(|fates| store(Kind::Fates, FatesPart { fates }.encode()))
        .collect::<io::Result<_>>()?;
    let fates: Vec<PartName> = fate_parts.iter().map(|s| s.name).collect();
    stored.extend(fate_parts);

    let mut in_lists = |names: Vec<PartName>| store_bucket_lists(&store, names, &mut stored);
    let ids = in_lists(id_names)?;
    let profiles = in_lists(profiles)?;
    let field_values = in_lists(field_values)?;
    let names = in_lists(names)?;
    let fates = in_lists(fates)?;

    let catalogue = Catalogue {
        docs: n,
        average_words: index.average_words,
        date_runs: date_runs(index),
        sources: index
            .sources()
            .iter()
            .enumerate()
            .map(|(s, name)| SourceEntry {
                name: name.clone(),
                docs: index.source_docs(s as u32).to_vec(),
            })
            .collect(),
        term_buckets: buckets,
        term_tables,
        lexicon,
        lexicon2,
        entities,
        speakers,
        doc_tables: doc_table_names,
        layout,
        facets,
        ids,
        profiles,
        fields,
        field_values,
        misc,
        tallies,
        mentioned: Some(mentioned),
        names,
        fates,
    };
    let catalogue = store(Kind::Catalogue, catalogue.encode())?;
    let mut summary = WriteSummary {
        articles: n as usize,
        catalogue: Some(catalogue.name),
        catalogue_bytes: catalogue.bytes,
        ..Default::default()
    };
    stored.push(catalogue);
    // The list of every part, for "Save for offline": it names every other part, so it is
    // stored last (it cannot name itself; the manifest names it).
    // Two parts with the same content are one file: count and list it once.
    stored.sort_by_key(|s| s.name);
    stored.dedup_by_key(|s| s.name);
    let listed: Vec<(PartName, u64)> = stored.iter().map(|s| (s.name, s.bytes)).collect();
    let list = store(Kind::PartList, PartListPart { parts: listed }.encode())?;
    summary.list = Some(list.name);
    stored.push(list);
    for s in &stored {
        summary.parts += 1;
        summary.bytes += s.bytes;
        let kind = summary.by_kind.entry(s.name.kind).or_default();
        kind.0 += 1;
        kind.1 += s.bytes;
        if s.written {
            summary.written += 1;
            summary.written_bytes += s.bytes;
        } else {
            summary.kept += 1;
        }
    }

    // The manifest last, atomically: until the rename, readers see the previous build.
    let manifest = serde_json::json!({
        "format": super::codec::FORMAT_VERSION,
        "catalogue": summary.catalogue.map(|c| c.to_string()),
        "list": summary.list.map(|l| l.to_string()),
        "parts": summary.parts,
        "bytes": summary.bytes,
    });
    let tmp = dir.join(".manifest.json.tmp");
    std::fs::write(&tmp, format!("{manifest}\n"))?;
    std::fs::rename(&tmp, dir.join("manifest.json"))?;

    let live: HashSet<String> = stored.iter().map(|s| s.name.to_string()).collect();
    for entry in std::fs::read_dir(&parts_dir)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if !live.contains(&name) {
            summary.removed += 1;
            summary.removed_bytes += entry.metadata().map_or(0, |m| m.len());
            std::fs::remove_file(entry.path())?;
        }
    }
    Ok(summary)
}

/// Runs of documents with the same publication date key, ascending.
fn date_runs(index: &Index) -> Vec<DateRun> {
    let mut runs: Vec<DateRun> = Vec::new();
    for (doc, &lo) in index.published_keys.iter().enumerate() {
        if runs.last().is_none_or(|r| r.lo != lo) {
            runs.push(DateRun {
                first_doc: doc as u32,
                lo,
                hi: if lo == 0 { 0 } else { upper(lo) },
            });
        }
    }
    runs
}

/// Stores one lexicon part per key.
fn store_keyed(
    store: &(impl Fn(Kind, Vec<u8>) -> io::Result<Stored> + Sync),
    kind: Kind,
    groups: BTreeMap<char, Vec<(String, u32)>>,
    stored: &mut Vec<Stored>,
) -> io::Result<Vec<(char, PartName)>> {
    let groups: Vec<(char, Vec<(String, u32)>)> = groups.into_iter().collect();
    let parts: Vec<(char, Stored)> = groups
        .into_par_iter()
        .map(|(key, mut entries)| {
            entries.sort();
            Ok((key, store(kind, LexiconPart { entries }.encode())?))
        })
        .collect::<io::Result<_>>()?;
    Ok(parts
        .into_iter()
        .map(|(key, s)| {
            let name = s.name;
            stored.push(s);
            (key, name)
        })
        .collect())
}

/// Keeps a facet's [`FACET_TOP`] most frequent `values` (index order breaks ties, as the
/// embedded build's facets do), listed in index order, and stores their postings.
/// `values` keeps the kept ones, in table order.
fn store_facet_table(
    store: &(impl Fn(Kind, Vec<u8>) -> io::Result<Stored> + Sync),
    layout: Layout,
    values: &mut Vec<(u32, FacetEntry, &[u32])>,
    stored: &mut Vec<Stored>,
) -> io::Result<FacetTable> {
    values.sort_by(|a, b| b.1.count.cmp(&a.1.count).then(a.0.cmp(&b.0)));
    values.truncate(FACET_TOP);
    values.sort_by_key(|v| v.0);
    let chunks: Vec<Stored> = values
        .par_chunks(layout.facet_values_per_part as usize)
        .map(|chunk| {
            let part = FacetsPart {
                values: chunk.iter().map(|v| v.2.to_vec()).collect(),
            };
            store(Kind::Facets, part.encode())
        })
        .collect::<io::Result<_>>()?;
    let table = FacetTable {
        chunks: chunks.iter().map(|s| s.name).collect(),
        values: values.iter().map(|v| v.1.clone()).collect(),
    };
    stored.extend(chunks);
    Ok(table)
}

/// The `tallies` parts of a facet table whose kept `values` are in table order: per value,
/// whether its row is another's (`elsewhere`), and per posting `tally(value, doc)`.
fn store_tallies(
    store: &(impl Fn(Kind, Vec<u8>) -> io::Result<Stored> + Sync),
    layout: Layout,
    values: &[(u32, FacetEntry, &[u32])],
    elsewhere: impl Fn(u32) -> bool + Sync,
    tally: impl Fn(u32, u32) -> (u32, u32) + Sync,
    stored: &mut Vec<Stored>,
) -> io::Result<Vec<PartName>> {
    let parts: Vec<Stored> = values
        .par_chunks(layout.facet_values_per_part as usize)
        .map(|chunk| {
            let part = TalliesPart {
                values: chunk
                    .iter()
                    .map(|(value, _, docs)| {
                        let counts = docs.iter().map(|&doc| tally(*value, doc)).collect();
                        (elsewhere(*value), counts)
                    })
                    .collect(),
            };
            store(Kind::Tallies, part.encode())
        })
        .collect::<io::Result<_>>()?;
    let names = parts.iter().map(|s| s.name).collect();
    stored.extend(parts);
    Ok(names)
}

/// Stores the names of one kind's buckets in `bucketlist` parts ([`Buckets`]).
fn store_bucket_lists(
    store: &(impl Fn(Kind, Vec<u8>) -> io::Result<Stored> + Sync),
    names: Vec<PartName>,
    stored: &mut Vec<Stored>,
) -> io::Result<Buckets> {
    let Some(kind) = names.first().map(|name| name.kind) else {
        return Ok(Buckets::default());
    };
    let lists: Vec<Stored> = names
        .chunks(BUCKETS_PER_LIST as usize)
        .map(|run| {
            let names = run.to_vec();
            store(Kind::BucketList, BucketListPart { kind, names }.encode())
        })
        .collect::<io::Result<_>>()?;
    let buckets = Buckets::InLists {
        buckets: names.len() as u32,
        lists: lists.iter().map(|s| s.name).collect(),
    };
    stored.extend(lists);
    Ok(buckets)
}

/// Stores entries in hash buckets by key, sized by their postings, each bucket naming a
/// `keyfacets` part with its entries' views' facet counts, as `counter` counts them.
fn store_buckets(
    store: &(impl Fn(Kind, Vec<u8>) -> io::Result<Stored> + Sync),
    kind: Kind,
    entries: Vec<KeyedDocs>,
    counter: &SlotCounter,
    stored: &mut Vec<Stored>,
) -> io::Result<Vec<PartName>> {
    let postings: usize = entries.iter().map(|e| e.docs.len() + ENTRY_WEIGHT).sum();
    let buckets = postings.div_ceil(KEYED_POSTINGS_PER_BUCKET).max(1) as u32;
    let mut by_bucket: Vec<Vec<KeyedDocs>> = vec![Vec::new(); buckets as usize];
    for entry in entries {
        by_bucket[bucket_of(&entry.key, buckets) as usize].push(entry);
    }
    let parts: Vec<[Stored; 2]> = by_bucket
        .into_par_iter()
        .map(|mut entries| {
            entries.sort_by(|a, b| a.key.cmp(&b.key));
            let mut scratch = Vec::new();
            let keys = entries
                .iter()
                .map(|e| counter.counts(&e.docs, &mut scratch))
                .collect();
            let key_facets = store(Kind::KeyFacets, KeyFacetsPart { keys }.encode())?;
            let part = KeyedPart {
                entries,
                key_facets: Some(key_facets.name),
            };
            Ok([store(kind, part.encode())?, key_facets])
        })
        .collect::<io::Result<_>>()?;
    let names = parts.iter().map(|[bucket, _]| bucket.name).collect();
    stored.extend(parts.into_iter().flatten());
    Ok(names)
}

/// Parts from an archive folder (`SITE/archive`), for the native reader.
#[derive(Debug, Clone)]
pub struct DirSource {
    dir: PathBuf,
}

impl DirSource {
    /// Reads parts under `dir/parts`.
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Self { dir: dir.into() }
    }

    /// The manifest's text.
    pub fn manifest(&self) -> Result<String, PartError> {
        std::fs::read_to_string(self.dir.join("manifest.json")).map_err(|e| PartError {
            part: "manifest.json".into(),
            problem: Problem::Missing(e.to_string()),
        })
    }
}

impl PartSource for DirSource {
    fn fetch(&mut self, name: &PartName) -> Result<Vec<u8>, PartError> {
        std::fs::read(self.dir.join("parts").join(name.to_string())).map_err(|e| PartError {
            part: name.to_string(),
            problem: Problem::Missing(e.to_string()),
        })
    }
}

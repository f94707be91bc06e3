//! Index: here are the articles and their annotations, give me postings for everything a
//! search or a facet needs.
//!
//! Built once (in the browser, after load) by [`Index::build`] in a single pass over each
//! article's words and annotations. Every document is a `u32` (its position in the slice
//! given to `build`); every list is a sorted `u32` posting list in a flat arena
//! ([`Lists`]); query evaluation works on bitsets ([`DocSet`]).
//!
//! What is indexed:
//! - words of the title (when given, not derived from the body) and body, case- and
//!   accent-folded ([`fold`]), with positions for phrase search;
//! - entities by [`crate::extract::EntityId`] (`kind:slug`), merged across articles by id;
//! - speakers of quotes: the speaker's entity id, or a slug of the description;
//! - publication dates and mentioned dates (TIMEX3 values naming calendar dates);
//! - sources;
//! - metadata fields whose values repeat across articles (`topics`, `places`, `author`),
//!   see [`fields`].
//!
//! ```
//! use dossier::{corpus::parse_file, extract::Annotations, index::Index};
//! let article = &parse_file("a.txt", b"---\ntitle: Border talks\ndate: 2022-11-23\n---\nThe border mission.").unwrap()[0];
//! let index = Index::build(std::slice::from_ref(article), &[Annotations::default()]);
//! assert_eq!(index.len(), 1);
//! assert!(index.terms().find("mission").is_some());
//! ```

mod build;
pub mod dates;
pub mod fields;
pub mod fold;
mod postings;
mod terms;

pub use build::{IndexBuilder, slug};
pub use dates::{DateTable, DayRange, MentionedDate, parse_timex};
pub use fields::{FieldInfo, MetaFields};
pub use postings::{DocSet, Lists};
pub use terms::{Posting, Postings, TermId, Terms, one_edit};

use crate::corpus::{ArticleId, Date};
use crate::extract::{EntityId, EntityKind};
use crate::span::ByteSpan;
use std::collections::HashMap;

/// "No value" in `u32` columns (no source, no speaker).
pub const NONE: u32 = u32::MAX;

/// What the index keeps about one article.
#[derive(Debug, Clone)]
pub struct DocInfo {
    /// Article id (for links).
    pub id: ArticleId,
    /// Display title.
    pub title: String,
    /// Publication date.
    pub date: Option<Date>,
    /// Source id ([`Index::source_name`]), or [`NONE`].
    pub source: u32,
    /// Number of indexed words (BM25's document length).
    pub words: u32,
}

/// One entity, merged across the articles that name it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityInfo {
    /// Corpus-wide id.
    pub id: EntityId,
    /// Kind.
    pub kind: EntityKind,
    /// Display name (the canonical name in the first article that names it).
    pub name: String,
}

/// One speaker of quotes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpeakerInfo {
    /// Link key: the speaker's entity id, or a slug of the description.
    pub key: String,
    /// Display name.
    pub name: String,
}

/// One quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuoteEntry {
    /// Document.
    pub doc: u32,
    /// Its number in the article's annotations (the `quote=` of a link).
    pub number: u32,
    /// Speaker number ([`Index::speakers`]), or [`NONE`].
    pub speaker: u32,
    /// The quotation in the article text.
    pub span: ByteSpan,
}

/// Postings for words, entities, speakers, dates and sources over a set of articles.
#[derive(Debug, Clone, Default)]
pub struct Index {
    pub(crate) docs: Vec<DocInfo>,
    pub(crate) doc_lookup: HashMap<String, u32>,
    pub(crate) terms: Terms,
    pub(crate) average_words: f32,
    pub(crate) text_bytes: usize,
    pub(crate) entities: Vec<EntityInfo>,
    pub(crate) entity_lookup: HashMap<String, u32>,
    pub(crate) entity_docs: Lists,
    pub(crate) doc_entities: Lists,
    pub(crate) speakers: Vec<SpeakerInfo>,
    pub(crate) speaker_lookup: HashMap<String, u32>,
    pub(crate) speaker_docs: Lists,
    pub(crate) doc_speakers: Lists,
    pub(crate) quotes: Vec<QuoteEntry>,
    pub(crate) doc_quotes: Lists,
    pub(crate) sources: Vec<String>,
    pub(crate) source_lookup: HashMap<String, u32>,
    pub(crate) source_docs: Lists,
    pub(crate) published: DateTable,
    pub(crate) published_keys: Vec<u32>,
    pub(crate) mentioned: DateTable,
    pub(crate) doc_mentioned: Lists,
    pub(crate) doc_year_unknown: Lists,
    pub(crate) newest_first: Vec<u32>,
    pub(crate) meta: MetaFields,
    /// The reader's own articles ([`crate::own`]), sorted.
    pub(crate) own_docs: Vec<u32>,
}

impl Index {
    /// Number of articles.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    /// Whether there are no articles.
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// What the index keeps about document `doc`.
    pub fn doc(&self, doc: u32) -> Option<&DocInfo> {
        self.docs.get(doc as usize)
    }

    /// The document of an article id.
    pub fn doc_of(&self, id: &str) -> Option<u32> {
        self.doc_lookup.get(id).copied()
    }

    /// The word dictionary.
    pub fn terms(&self) -> &Terms {
        &self.terms
    }

    /// Every entity; an entity's number is its position here.
    pub fn entities(&self) -> &[EntityInfo] {
        &self.entities
    }

    /// The number of an entity id.
    pub fn entity_of(&self, id: &str) -> Option<u32> {
        self.entity_lookup.get(id).copied()
    }

    /// Documents naming entity `entity`.
    pub fn entity_docs(&self, entity: u32) -> &[u32] {
        self.entity_docs.get(entity)
    }

    /// Every speaker; a speaker's number is its position here.
    pub fn speakers(&self) -> &[SpeakerInfo] {
        &self.speakers
    }

    /// The number of a speaker key.
    pub fn speaker_of(&self, key: &str) -> Option<u32> {
        self.speaker_lookup.get(key).copied()
    }

    /// Documents quoting speaker `speaker`.
    pub fn speaker_docs(&self, speaker: u32) -> &[u32] {
        self.speaker_docs.get(speaker)
    }

    /// Every quote, in document order.
    pub fn quotes(&self) -> &[QuoteEntry] {
        &self.quotes
    }

    /// The quotes of document `doc` (indices into [`Self::quotes`]).
    pub fn doc_quotes(&self, doc: u32) -> &[u32] {
        self.doc_quotes.get(doc)
    }

    /// The name of source `source`.
    pub fn source_name(&self, source: u32) -> Option<&str> {
        self.sources.get(source as usize).map(String::as_str)
    }

    /// Every source name; a source's number is its position here.
    pub fn sources(&self) -> &[String] {
        &self.sources
    }

    /// The number of a source name.
    pub fn source_of(&self, name: &str) -> Option<u32> {
        self.source_lookup.get(name).copied()
    }

    /// Documents from source `source`.
    pub fn source_docs(&self, source: u32) -> &[u32] {
        self.source_docs.get(source)
    }

    /// The metadata fields kept as facets, with their values.
    pub fn meta_fields(&self) -> &MetaFields {
        &self.meta
    }

    /// The reader's own articles (ids `own/…`, see [`crate::own`]), sorted.
    pub fn own_docs(&self) -> &[u32] {
        &self.own_docs
    }

    /// Documents newest first (undated last; ties in corpus order).
    pub fn newest_first(&self) -> &[u32] {
        &self.newest_first
    }

    /// Bytes of article text indexed (title and body).
    pub fn text_bytes(&self) -> usize {
        self.text_bytes
    }

    /// An estimate of the bytes this index holds on the heap.
    pub fn heap_size(&self) -> usize {
        self.heap_breakdown().iter().map(|(_, bytes)| bytes).sum()
    }

    /// [`Self::heap_size`] by part, for reports.
    pub fn heap_breakdown(&self) -> Vec<(&'static str, usize)> {
        let map = |m: &HashMap<String, u32>| {
            m.capacity() * (std::mem::size_of::<(String, u32)>() + 1)
                + m.keys().map(String::capacity).sum::<usize>()
        };
        let docs: usize = self
            .docs
            .iter()
            .map(|d| d.id.0.capacity() + d.title.capacity())
            .sum::<usize>()
            + self.docs.capacity() * std::mem::size_of::<DocInfo>()
            + map(&self.doc_lookup)
            + (self.published_keys.capacity() + self.newest_first.capacity()) * 4;
        let entities: usize = self
            .entities
            .iter()
            .map(|e| std::mem::size_of::<EntityInfo>() + e.id.0.capacity() + e.name.capacity())
            .sum::<usize>()
            + map(&self.entity_lookup)
            + self.entity_docs.heap_size()
            + self.doc_entities.heap_size();
        let speakers: usize = self
            .speakers
            .iter()
            .map(|s| std::mem::size_of::<SpeakerInfo>() + s.key.capacity() + s.name.capacity())
            .sum::<usize>()
            + map(&self.speaker_lookup)
            + self.speaker_docs.heap_size()
            + self.doc_speakers.heap_size()
            + self.quotes.capacity() * std::mem::size_of::<QuoteEntry>()
            + self.doc_quotes.heap_size();
        let sources = self
            .sources
            .iter()
            .map(|s| s.capacity() + 24)
            .sum::<usize>()
            + map(&self.source_lookup)
            + self.source_docs.heap_size();
        let dates = self.published.heap_size()
            + self.mentioned.heap_size()
            + self.doc_mentioned.heap_size()
            + self.doc_year_unknown.heap_size();
        let mut parts = self.terms.heap_breakdown();
        parts.extend([
            ("documents", docs),
            ("entities", entities),
            ("speakers and quotes", speakers),
            ("sources", sources),
            ("dates", dates),
            ("metadata fields", self.meta.heap_size()),
        ]);
        parts
    }
}

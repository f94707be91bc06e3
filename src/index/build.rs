//! Building the index: one pass over each article's words and annotations, collecting
//! `(key, doc)` pairs, then one counting sort per kind of posting list.

use super::dates::{DateTable, DayRange, MentionedDate, parse_timex};
use super::fields::FieldCollector;
use super::fold::for_each_word;
use super::postings::Lists;
use super::terms::{TermStream, Terms};
use super::{DocInfo, EntityInfo, Index, NONE, QuoteEntry, SpeakerInfo};
use crate::article_source::{AnnotationSource, ArticleSource};
use crate::corpus::{Article, TitleOrigin};
use crate::extract::{Annotations, Quote};
use crate::span::ByteSpan;
use std::collections::HashMap;

/// Word positions between the title and the body, so a phrase never spans both.
const TITLE_GAP: u32 = 8;

/// Interns strings to dense ids in first-seen order.
#[derive(Default)]
struct Interner {
    ids: HashMap<String, u32>,
}

impl Interner {
    fn id(&mut self, key: &str) -> (u32, bool) {
        if let Some(&id) = self.ids.get(key) {
            return (id, false);
        }
        let id = self.ids.len() as u32;
        self.ids.insert(key.to_string(), id);
        (id, true)
    }

    fn into_vec(self) -> (Vec<String>, HashMap<String, u32>) {
        let mut keys = vec![String::new(); self.ids.len()];
        for (key, &id) in &self.ids {
            keys[id as usize] = key.clone();
        }
        (keys, self.ids)
    }
}

impl Index {
    /// Indexes `articles` (parsed, or packed and unpacked one at a time), with
    /// `annotations[i]` (as they are, or packed) belonging to article `i` (missing
    /// annotations count as empty).
    pub fn build<'a, 'b>(
        articles: impl Into<ArticleSource<'a>>,
        annotations: impl Into<AnnotationSource<'b>>,
    ) -> Self {
        let (articles, annotations) = (articles.into(), annotations.into());
        let mut builder = IndexBuilder::new();
        for doc in 0..articles.len() {
            if let Some(article) = articles.get(doc) {
                builder.add(&article, &annotations.get(doc).unwrap_or_default());
            }
        }
        builder.finish()
    }
}

/// Builds an [`Index`] one article at a time, so a caller can spread the work over several
/// tasks (the browser's main thread between frames); [`Index::build`] is this over a slice.
#[derive(Default)]
pub struct IndexBuilder {
    words: Interner,
    words_by_doc: TermStream,
    /// The current document's `(term, position)` pairs (kept to reuse its allocation).
    doc_words: Vec<(u32, u32)>,
    docs: Vec<DocInfo>,
    doc_lookup: HashMap<String, u32>,
    entity_ids: Interner,
    entities: Vec<EntityInfo>,
    entity_pairs: Vec<(u32, u32)>,
    speaker_ids: Interner,
    speakers: Vec<SpeakerInfo>,
    speaker_pairs: Vec<(u32, u32)>,
    quotes: Vec<QuoteEntry>,
    source_ids: Interner,
    source_pairs: Vec<(u32, u32)>,
    published: Vec<(DayRange, u32)>,
    mentioned: Vec<(DayRange, u32)>,
    mentioned_pairs: Vec<(u32, u32)>,
    year_unknown_pairs: Vec<(u32, u32)>,
    text_bytes: usize,
    total_words: u64,
    meta: FieldCollector,
}

impl IndexBuilder {
    /// An empty builder.
    pub fn new() -> Self {
        Self::default()
    }

    /// Articles added so far.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    /// Whether no article was added.
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// Adds the next article (its document number is [`IndexBuilder::len`] before the call)
    /// with its annotations.
    pub fn add(&mut self, article: &Article, found: &Annotations) {
        let doc = self.docs.len() as u32;
        let Self {
            words,
            words_by_doc,
            doc_words,
            docs,
            doc_lookup,
            entity_ids,
            entities,
            entity_pairs,
            speaker_ids,
            speakers,
            speaker_pairs,
            quotes,
            source_ids,
            source_pairs,
            published,
            mentioned,
            mentioned_pairs,
            year_unknown_pairs,
            text_bytes,
            total_words,
            meta,
        } = self;
        let mut position = 0u32;
        let mut index_words = |text: &str, span: ByteSpan, position: &mut u32| {
            for_each_word(text, span, |_, folded| {
                let (term, _) = words.id(folded);
                doc_words.push((term, *position));
                *position += 1;
            });
        };
        if article.title_origin == TitleOrigin::Given {
            let title = article.title.as_str();
            index_words(title, ByteSpan::new(0, title.len()), &mut position);
            position += TITLE_GAP;
            *text_bytes += title.len();
        }
        index_words(&article.text, article.body, &mut position);
        words_by_doc.push_doc(doc, doc_words);
        doc_words.clear();
        *text_bytes += article.body.len();
        *total_words += u64::from(position);

        // Entities: the article's local numbers map to corpus-wide ones.
        let mut local_to_global = Vec::with_capacity(found.entities.len());
        for entity in &found.entities {
            let (id, new) = entity_ids.id(entity.id.as_str());
            if new {
                entities.push(EntityInfo {
                    id: entity.id.clone(),
                    kind: entity.kind,
                    name: entity.canonical.clone(),
                });
            }
            local_to_global.push(id);
        }
        let mut named: Vec<u32> = local_to_global.clone();
        crate::sort::unstable(&mut named);
        named.dedup();
        entity_pairs.extend(named.iter().map(|&e| (e, doc)));

        let mut quoted = Vec::new();
        for (number, quote) in found.quotes.iter().enumerate() {
            let speaker = match speaker_key(quote, found) {
                Some((key, name)) => {
                    let (id, new) = speaker_ids.id(&key);
                    if new {
                        speakers.push(SpeakerInfo { key, name });
                    }
                    quoted.push(id);
                    id
                }
                None => NONE,
            };
            quotes.push(QuoteEntry {
                doc,
                number: number as u32,
                speaker,
                span: quote.span,
            });
        }
        crate::sort::unstable(&mut quoted);
        quoted.dedup();
        speaker_pairs.extend(quoted.iter().map(|&s| (s, doc)));

        let source = match &article.source {
            Some(name) if !name.trim().is_empty() => {
                let (id, _) = source_ids.id(name.trim());
                source_pairs.push((id, doc));
                id
            }
            _ => NONE,
        };
        if let Some(date) = article.date {
            published.push((DayRange::of_date(date), doc));
        }
        for mention in &found.dates {
            match mention.value.as_deref().and_then(parse_timex) {
                Some(MentionedDate::Known(range)) => {
                    mentioned.push((range, doc));
                    mentioned_pairs.push((doc, range.lo));
                }
                Some(MentionedDate::YearUnknown(key)) => year_unknown_pairs.push((doc, key)),
                None => {}
            }
        }
        meta.add(doc, article);
        doc_lookup.insert(article.id.0.clone(), doc);
        docs.push(DocInfo {
            id: article.id.clone(),
            title: article.title.clone(),
            date: article.date,
            source,
            words: position,
        });
    }

    /// The index of every article added.
    pub fn finish(self) -> Index {
        let Self {
            words,
            words_by_doc,
            doc_words: _,
            docs,
            doc_lookup,
            entity_ids,
            entities,
            entity_pairs,
            speaker_ids,
            speakers,
            speaker_pairs,
            quotes,
            source_ids,
            source_pairs,
            published,
            mentioned,
            mentioned_pairs,
            year_unknown_pairs,
            text_bytes,
            total_words,
            meta,
        } = self;
        let n = docs.len();
        let (first_seen, _) = words.into_vec();
        let terms = Terms::build(first_seen, &words_by_doc);
        drop(words_by_doc);
        let (sources, source_lookup) = source_ids.into_vec();
        let doc_entities = Lists::from_pairs(n, &flip(&entity_pairs));
        let doc_speakers = Lists::from_pairs(n, &flip(&speaker_pairs));
        let quote_pairs: Vec<(u32, u32)> = quotes
            .iter()
            .enumerate()
            .map(|(i, q)| (q.doc, i as u32))
            .collect();
        let published_keys = published_keys(n, &published);
        let mut newest_first: Vec<u32> = (0..n as u32).collect();
        // Newest first; undated last; ties in corpus order.
        crate::sort::by_key(&mut newest_first, |&d| {
            std::cmp::Reverse(published_keys[d as usize])
        });
        let own_docs = (0..n as u32)
            .filter(|&d| crate::own::is_own(docs[d as usize].id.as_str()))
            .collect();
        Index {
            own_docs,
            average_words: if n == 0 {
                0.0
            } else {
                total_words as f32 / n as f32
            },
            text_bytes,
            terms,
            entity_docs: Lists::from_pairs(entities.len(), &entity_pairs),
            entity_lookup: entity_ids.ids,
            entities,
            doc_entities,
            speaker_docs: Lists::from_pairs(speakers.len(), &speaker_pairs),
            speaker_lookup: speaker_ids.ids,
            speakers,
            doc_speakers,
            doc_quotes: Lists::from_pairs(n, &quote_pairs),
            quotes,
            source_docs: Lists::from_pairs(sources.len(), &source_pairs),
            sources,
            source_lookup,
            published: DateTable::new(published),
            published_keys,
            mentioned: DateTable::new(mentioned),
            doc_mentioned: Lists::from_pairs(n, &mentioned_pairs),
            doc_year_unknown: Lists::from_pairs(n, &year_unknown_pairs),
            newest_first,
            meta: meta.finish(n),
            docs,
            doc_lookup,
        }
    }
}

/// `(key, doc)` pairs as `(doc, key)`, sorted by doc so forward lists come out in order.
fn flip(pairs: &[(u32, u32)]) -> Vec<(u32, u32)> {
    pairs.iter().map(|&(key, doc)| (doc, key)).collect()
}

/// Each document's publication date key (0 when undated).
fn published_keys(n: usize, published: &[(DayRange, u32)]) -> Vec<u32> {
    let mut keys = vec![0; n];
    for &(range, doc) in published {
        keys[doc as usize] = range.lo;
    }
    keys
}

/// The speaker's link key and display name: the speaker entity's id and canonical name,
/// else a slug of the description.
fn speaker_key(quote: &Quote, found: &Annotations) -> Option<(String, String)> {
    if let Some(entity) = quote.speaker_entity.and_then(|i| found.entities.get(i)) {
        return Some((entity.id.0.clone(), entity.canonical.clone()));
    }
    let description = quote.speaker.as_deref()?.trim();
    let slug = slug(description);
    (!slug.is_empty()).then(|| (slug, description.to_string()))
}

/// Lowercase letters and digits, other runs as `-` (the slug part of an entity id, without
/// the kind, so it never contains `:`).
pub fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_index_answers_as_one_built_from_no_articles() {
        // The app for archives makes the library of a reader with no articles of their own
        // as `Index::default()`, so that its wasm every page loads holds no index builder.
        let built = IndexBuilder::new().finish();
        let empty = Index::default();
        for link in [
            "",
            "q=oil",
            "q=oil prices",
            "q=\"oil prices\"",
            "q=pric",
            "q=oil OR -gas",
            "e=person:nobody",
            "s=nobody",
            "source=Reuters",
            "from=1987-03&to=1987-04",
            "dates=mentioned&from=1987",
            "sort=oldest",
            "m.topics=crude",
            "view=quotes&q=said",
            "in=yours",
        ] {
            let (filter, _) = crate::query::Filter::from_query_string(link);
            let answer = |index: &Index| format!("{:?}", crate::query::search(index, &filter));
            assert_eq!(answer(&built), answer(&empty), "{link}");
        }
        assert_eq!(built.meta_fields().names(), empty.meta_fields().names());
        assert_eq!(
            (built.len(), built.text_bytes),
            (empty.len(), empty.text_bytes)
        );
    }

    #[test]
    fn descriptions_become_slugs_without_a_kind() {
        assert_eq!(
            slug("the Prime Minister of Armenia"),
            "the-prime-minister-of-armenia"
        );
        assert_eq!(slug("  «Officials» "), "officials");
    }
}

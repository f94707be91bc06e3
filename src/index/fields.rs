//! Metadata fields: front-matter keys (and JSON fields) beyond title, date, source and url,
//! plus `author`, kept as facets when their values repeat across articles.
//!
//! The rule, so that `topics` and `places` are facets and an id or a URL is not: a field is
//! a facet when some value is listed by at least two articles **and** it has at most half
//! as many distinct values as there are articles carrying it. (Reuters: 119 topics and 147
//! places over 19,043 articles are facets; `provenance`, one value per article, is not.)
//! Values are trimmed; a field's list items (`topics: [a, b]`, or
//! `places: el-salvador,usa`, which the corpus keeps as text joined by commas) are separate
//! values, except for `author`, whose value is one name even with a comma in it. Field
//! names are lowercased, so `Topics` and `topics` are one field.
//!
//! Storage: values of all fields share one id space, grouped by field and sorted within it,
//! so a field's values are a contiguous range found by binary search (no hash map), with a
//! posting list per value and a value list per document (for one-pass facet counts).

use super::postings::Lists;
use crate::corpus::Article;
use std::collections::HashMap;
use std::ops::Range;

/// At most this many fields become facets (those listed by the most articles).
pub const MAX_FIELDS: usize = 16;

/// The field whose value is one name, never split at commas.
const AUTHOR: &str = "author";

/// One metadata field kept as a facet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldInfo {
    /// The lowercased key (`topics`), as `m.topics=` names it.
    pub name: String,
    /// Its values' ids (a range of [`MetaFields::value`]).
    pub values: Range<u32>,
    /// Articles listing at least one of its values.
    pub articles: u32,
}

/// The metadata facets of a corpus.
#[derive(Debug, Clone, Default)]
pub struct MetaFields {
    fields: Vec<FieldInfo>,
    values: Vec<String>,
    value_field: Vec<u32>,
    value_docs: Lists,
    doc_values: Lists,
}

/// Article `article`'s `(field, value)` pairs by the rule of the module doc (lowercased
/// fields, trimmed values, lists split at commas except the author's), in the article's
/// order, repeats included.
pub fn field_values(article: &Article) -> Vec<(String, String)> {
    let author = article.author.as_deref().map(|a| (AUTHOR, a));
    let meta = article.meta.iter().map(|(k, v)| (k.as_str(), v.as_str()));
    let mut out = Vec::new();
    for (key, value) in author.into_iter().chain(meta) {
        let field = key.trim().to_lowercase();
        if field.is_empty() {
            continue;
        }
        let items: Vec<&str> = if field == AUTHOR {
            vec![value]
        } else {
            value.split(',').collect()
        };
        for item in items.into_iter().map(str::trim).filter(|i| !i.is_empty()) {
            out.push((field.clone(), item.to_string()));
        }
    }
    out
}

/// Collects `(field, value, doc)` while the index is built, then keeps the facet fields.
#[derive(Default)]
pub(super) struct FieldCollector {
    ids: HashMap<(String, String), u32>,
    keys: Vec<(String, String)>,
    pairs: Vec<(u32, u32)>,
}

impl FieldCollector {
    /// Adds article `doc`'s metadata and author.
    pub fn add(&mut self, doc: u32, article: &Article) {
        let start = self.pairs.len();
        for key in field_values(article) {
            let id = match self.ids.get(&key) {
                Some(&id) => id,
                None => {
                    let id = self.keys.len() as u32;
                    self.ids.insert(key.clone(), id);
                    self.keys.push(key);
                    id
                }
            };
            self.pairs.push((id, doc));
        }
        // One pair per (value, doc), even when a list repeats a value.
        crate::sort::unstable(&mut self.pairs[start..]);
        let mut seen = start;
        for i in start..self.pairs.len() {
            if i == start || self.pairs[i] != self.pairs[seen - 1] {
                self.pairs[seen] = self.pairs[i];
                seen += 1;
            }
        }
        self.pairs.truncate(seen);
    }

    /// The facet fields of `docs` documents (the rule in the module doc).
    pub fn finish(self, docs: usize) -> MetaFields {
        let Self { keys, pairs, .. } = self;
        let mut listed = vec![0u32; keys.len()];
        for &(value, _) in &pairs {
            listed[value as usize] += 1;
        }
        // Per field: distinct values, articles carrying it, the most articles on one value.
        let mut stats: HashMap<&str, (u32, u32, u32)> = HashMap::new();
        for (value, (field, _)) in keys.iter().enumerate() {
            let s = stats.entry(field.as_str()).or_default();
            s.0 += 1;
            s.2 = s.2.max(listed[value]);
        }
        // Pairs come in doc order: a field's articles are counted at each new doc.
        let mut last_doc: HashMap<&str, u32> = HashMap::new();
        for &(value, doc) in &pairs {
            let field = keys[value as usize].0.as_str();
            if last_doc.insert(field, doc) != Some(doc)
                && let Some(s) = stats.get_mut(field)
            {
                s.1 += 1;
            }
        }
        let mut kept: Vec<(&str, u32)> = stats
            .iter()
            .filter(|(_, (distinct, articles, most))| *most >= 2 && distinct * 2 <= *articles)
            .map(|(&field, &(_, articles, _))| (field, articles))
            .collect();
        crate::sort::unstable_by(&mut kept, |a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        kept.truncate(MAX_FIELDS);
        crate::sort::unstable_by(&mut kept, |a, b| a.0.cmp(b.0));

        let mut order: Vec<u32> = (0..keys.len() as u32)
            .filter(|&v| kept.iter().any(|(f, _)| *f == keys[v as usize].0))
            .collect();
        crate::sort::unstable_by(&mut order, |&a, &b| keys[a as usize].cmp(&keys[b as usize]));
        let mut new_id = vec![u32::MAX; keys.len()];
        for (new, &old) in order.iter().enumerate() {
            new_id[old as usize] = new as u32;
        }
        let mut fields: Vec<FieldInfo> = Vec::with_capacity(kept.len());
        let mut values = Vec::with_capacity(order.len());
        let mut value_field = Vec::with_capacity(order.len());
        for &old in &order {
            let (field, value) = &keys[old as usize];
            let at = values.len() as u32;
            match fields.last_mut() {
                Some(last) if last.name == *field => last.values.end = at + 1,
                _ => fields.push(FieldInfo {
                    name: field.clone(),
                    values: at..at + 1,
                    articles: 0,
                }),
            }
            value_field.push(fields.len() as u32 - 1);
            values.push(value.clone());
        }
        let mut kept_pairs: Vec<(u32, u32)> = pairs
            .iter()
            .filter_map(|&(value, doc)| {
                let new = new_id[value as usize];
                (new != u32::MAX).then_some((new, doc))
            })
            .collect();
        // Pairs came in doc order, so each value's list is sorted; forward lists need
        // doc order with values ascending.
        let value_docs = Lists::from_pairs(values.len(), &kept_pairs);
        crate::sort::unstable_by_key(&mut kept_pairs, |&(value, doc)| (doc, value));
        let flipped: Vec<(u32, u32)> = kept_pairs.iter().map(|&(v, d)| (d, v)).collect();
        let doc_values = Lists::from_pairs(docs, &flipped);
        for (i, field) in fields.iter_mut().enumerate() {
            field.articles = (0..docs as u32)
                .filter(|&d| {
                    doc_values
                        .get(d)
                        .iter()
                        .any(|&v| value_field[v as usize] == i as u32)
                })
                .count() as u32;
        }
        MetaFields {
            fields,
            values,
            value_field,
            value_docs,
            doc_values,
        }
    }
}

impl MetaFields {
    /// The facet fields, by name.
    pub fn fields(&self) -> &[FieldInfo] {
        &self.fields
    }

    /// The facet fields' names, sorted (an export's metadata columns).
    pub fn names(&self) -> Vec<String> {
        self.fields.iter().map(|f| f.name.clone()).collect()
    }

    /// The field named `name` (lowercased key).
    pub fn field(&self, name: &str) -> Option<&FieldInfo> {
        self.fields
            .binary_search_by(|f| f.name.as_str().cmp(name))
            .ok()
            .and_then(|at| self.fields.get(at))
    }

    /// The text of value `value` ("" for an unknown id).
    pub fn value(&self, value: u32) -> &str {
        self.values.get(value as usize).map_or("", String::as_str)
    }

    /// The field number (position in [`Self::fields`]) of value `value`.
    pub fn field_of(&self, value: u32) -> Option<u32> {
        self.value_field.get(value as usize).copied()
    }

    /// The id of `value` in field `name`, exact.
    pub fn value_of(&self, name: &str, value: &str) -> Option<u32> {
        let range = self.field(name)?.values.clone();
        let slice = self.values.get(range.start as usize..range.end as usize)?;
        let at = slice.binary_search_by(|v| v.as_str().cmp(value)).ok()?;
        Some(range.start + at as u32)
    }

    /// Documents listing value `value`, ascending.
    pub fn docs(&self, value: u32) -> &[u32] {
        self.value_docs.get(value)
    }

    /// The values document `doc` lists, ascending.
    pub fn doc_values(&self, doc: u32) -> &[u32] {
        self.doc_values.get(doc)
    }

    /// Number of values over all fields.
    pub fn value_count(&self) -> usize {
        self.values.len()
    }

    /// Bytes on the heap.
    pub fn heap_size(&self) -> usize {
        self.fields
            .iter()
            .map(|f| std::mem::size_of::<FieldInfo>() + f.name.capacity())
            .sum::<usize>()
            + self
                .values
                .iter()
                .map(|v| std::mem::size_of::<String>() + v.capacity())
                .sum::<usize>()
            + self.value_field.capacity() * 4
            + self.value_docs.heap_size()
            + self.doc_values.heap_size()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::parse_file;

    fn article(name: &str, front_matter: &str) -> Article {
        let text = format!("---\ntitle: T\n{front_matter}\n---\nBody.");
        parse_file(name, text.as_bytes())
            .expect("a valid test article")
            .remove(0)
    }

    fn fields_of(articles: &[Article]) -> MetaFields {
        let mut collector = FieldCollector::default();
        for (doc, a) in articles.iter().enumerate() {
            collector.add(doc as u32, a);
        }
        collector.finish(articles.len())
    }

    fn reuters_like() -> Vec<Article> {
        vec![
            article(
                "a.txt",
                "topics: crude\nplaces: usa\nprovenance: d1, NEWID=1",
            ),
            article(
                "b.txt",
                "topics: crude\nplaces: usa,uk\nprovenance: d1, NEWID=2",
            ),
            article(
                "c.txt",
                "topics: [grain, crude]\nplaces: uk\nprovenance: d1, NEWID=3",
            ),
            article(
                "d.txt",
                "author: Doe, Jane\nTopics: grain\nplaces: usa\nprovenance: d1, NEWID=4",
            ),
            article("e.txt", "author: Doe, Jane\nprovenance: d1, NEWID=5"),
        ]
    }

    #[test]
    fn repeating_fields_are_facets_and_a_value_per_article_is_not() {
        let fields = fields_of(&reuters_like());
        let names: Vec<&str> = fields.fields().iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, ["author", "places", "topics"]);
        assert!(
            fields.field("provenance").is_none(),
            "a value per article, even with one shared list item"
        );
    }

    #[test]
    fn list_items_are_separate_values_but_an_author_is_one_name() {
        let fields = fields_of(&reuters_like());
        let crude = fields
            .value_of("topics", "crude")
            .expect("crude is a topic");
        assert_eq!(fields.docs(crude), [0, 1, 2]);
        let grain = fields
            .value_of("topics", "grain")
            .expect("grain is a topic");
        assert_eq!(fields.docs(grain), [2, 3], "keys are lowercased");
        let doe = fields.value_of("author", "Doe, Jane").expect("one author");
        assert_eq!(fields.docs(doe), [3, 4]);
        assert!(fields.value_of("author", "Doe").is_none());
        assert_eq!(fields.field("topics").map(|f| f.articles), Some(4));
    }

    #[test]
    fn each_document_lists_its_values_in_one_forward_list() {
        let fields = fields_of(&reuters_like());
        let listed: Vec<&str> = fields
            .doc_values(0)
            .iter()
            .map(|&v| fields.value(v))
            .collect();
        assert_eq!(listed, ["usa", "crude"]);
        assert!(
            fields
                .doc_values(4)
                .iter()
                .all(|&v| fields.field_of(v) == Some(0))
        );
    }

    #[test]
    fn a_field_no_two_articles_share_is_not_a_facet() {
        let fields = fields_of(&[
            article("a.txt", "url_id: 1\nkind: x"),
            article("b.txt", "url_id: 2\nkind: y"),
        ]);
        assert!(fields.fields().is_empty());
    }
}

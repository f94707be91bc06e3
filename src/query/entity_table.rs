//! The entity table (`view=entities`): every entity and every speaker named or quoted in the
//! matching articles, with the articles naming it, its mentions and quotes in them and the
//! first and last publication date among them — sortable by each column, searchable over
//! every row.
//!
//! Counting is one pass over the matching articles' own lists, like the facets, using
//! [`EntityStats`]: per article, its entities (corpus-wide numbers) with their mention
//! counts, gathered once per corpus, so a filter change costs the matches, not the corpus.

use crate::extract::{Annotations, EntityKind};
use crate::index::fold::fold;
use crate::index::{DocSet, Index, NONE};
use std::cmp::Ordering;

/// A column of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    /// Display name.
    Name,
    /// Person, organisation, place, other name, or speaker.
    Kind,
    /// Matching articles naming it (or quoting it, for a speaker).
    Articles,
    /// Mentions in those articles.
    Mentions,
    /// Quotes by it in those articles.
    Quotes,
    /// Earliest publication date among them.
    First,
    /// Latest publication date among them.
    Last,
}

impl Column {
    /// Every column, in table order, with its URL spelling.
    pub const ALL: [(Column, &'static str); 7] = [
        (Column::Name, "name"),
        (Column::Kind, "kind"),
        (Column::Articles, "articles"),
        (Column::Mentions, "mentions"),
        (Column::Quotes, "quotes"),
        (Column::First, "first"),
        (Column::Last, "last"),
    ];

    /// The URL spelling.
    pub fn as_str(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(c, _)| *c == self)
            .map_or("", |p| p.1)
    }

    /// The direction a first click sorts in: text A→Z and the first date earliest first;
    /// counts and the last date largest first (what a reader looks for first).
    pub fn natural_descending(self) -> bool {
        matches!(
            self,
            Column::Articles | Column::Mentions | Column::Quotes | Column::Last
        )
    }
}

/// How the table is sorted: the URL's `by=COLUMN` (ascending) or `by=-COLUMN` (descending).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TableSort {
    /// The column.
    pub column: Column,
    /// Largest (or last) first.
    pub descending: bool,
}

impl Default for TableSort {
    /// Most articles first.
    fn default() -> Self {
        Self {
            column: Column::Articles,
            descending: true,
        }
    }
}

impl TableSort {
    /// Reads `name`, `-articles`, …; `None` for anything else.
    pub fn parse(value: &str) -> Option<Self> {
        let (descending, name) = match value.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, value),
        };
        let column = Column::ALL.iter().find(|(_, n)| *n == name)?.0;
        Some(Self { column, descending })
    }

    /// The URL spelling.
    pub fn as_str(self) -> String {
        format!(
            "{}{}",
            if self.descending { "-" } else { "" },
            self.column.as_str()
        )
    }

    /// The sort after a click on `column`'s heading: the other direction when it is the
    /// current column, else its natural direction.
    pub fn clicked(self, column: Column) -> Self {
        if self.column == column {
            Self {
                column,
                descending: !self.descending,
            }
        } else {
            Self {
                column,
                descending: column.natural_descending(),
            }
        }
    }
}

/// What a row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// A named entity (its page and `e=` filter exist).
    Entity(EntityKind),
    /// A speaker that is not a named entity ("a senior official"): an `s=` filter.
    Speaker,
}

impl RowKind {
    /// The word shown in the Kind column.
    pub fn word(self) -> &'static str {
        match self {
            RowKind::Entity(EntityKind::Person) => "person",
            RowKind::Entity(EntityKind::Organization) => "organisation",
            RowKind::Entity(EntityKind::Place) => "place",
            RowKind::Entity(EntityKind::Misc) => "other",
            RowKind::Speaker => "speaker",
        }
    }
}

/// One row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityRow {
    /// Entity id, or speaker key for a speaker.
    pub key: String,
    /// Display name.
    pub name: String,
    /// What it is.
    pub kind: RowKind,
    /// Matching articles naming (or quoting) it.
    pub articles: u32,
    /// Its mentions in them (0 for a speaker that is not an entity).
    pub mentions: u32,
    /// Quotes by it in them.
    pub quotes: u32,
    /// Earliest publication date key among them (`0`: none dated).
    pub first: u32,
    /// Latest publication date key among them (`0`: none dated).
    pub last: u32,
}

impl EntityRow {
    /// Counts one more publication date key (0: undated) into first and last.
    pub fn dated(&mut self, key: u32) {
        widen(&mut self.first, &mut self.last, key);
    }
}

/// Widens `first..=last` (0: none yet) to take date key `key` (0: undated, left out).
fn widen(first: &mut u32, last: &mut u32, key: u32) {
    if key > 0 {
        *first = if *first == 0 { key } else { (*first).min(key) };
        *last = (*last).max(key);
    }
}

/// The rows of two disjoint sets of articles (an archive's and the reader's own) as one:
/// counts summed by key, dates widened.
pub fn merge_rows(mut rows: Vec<EntityRow>, other: &[EntityRow]) -> Vec<EntityRow> {
    let mut at: std::collections::HashMap<String, usize> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| (r.key.clone(), i))
        .collect();
    for row in other {
        match at.get(&row.key) {
            Some(&i) => {
                let same = &mut rows[i];
                same.articles += row.articles;
                same.mentions += row.mentions;
                same.quotes += row.quotes;
                same.dated(row.first);
                same.dated(row.last);
            }
            None => {
                at.insert(row.key.clone(), rows.len());
                rows.push(row.clone());
            }
        }
    }
    rows
}

/// Per-article entity mention counts and the speakers that are entities, gathered once per
/// corpus.
#[derive(Debug, Clone, Default)]
pub struct EntityStats {
    /// `starts[d]..starts[d + 1]` is article `d`'s range in `counts`.
    starts: Vec<u32>,
    /// `(entity number, mentions)` per article.
    counts: Vec<(u32, u32)>,
    /// Per speaker: its entity number, or [`NONE`].
    speaker_entity: Vec<u32>,
}

impl EntityStats {
    /// Gathers the counts of every article (`annotations` in the index's document order).
    pub fn build(index: &Index, annotations: &[Annotations]) -> Self {
        let mut starts = Vec::with_capacity(index.len() + 1);
        let mut counts = Vec::new();
        starts.push(0);
        for doc in 0..index.len() {
            if let Some(found) = annotations.get(doc) {
                let mut mentions = vec![0u32; found.entities.len()];
                for m in &found.mentions {
                    if let Some(n) = mentions.get_mut(m.entity) {
                        *n += 1;
                    }
                }
                for (local, entity) in found.entities.iter().enumerate() {
                    if let Some(global) = index.entity_of(entity.id.as_str()) {
                        counts.push((global, mentions[local]));
                    }
                }
            }
            starts.push(counts.len() as u32);
        }
        let speaker_entity = index
            .speakers()
            .iter()
            .map(|s| index.entity_of(&s.key).unwrap_or(NONE))
            .collect();
        Self {
            starts,
            counts,
            speaker_entity,
        }
    }

    fn of(&self, doc: u32) -> &[(u32, u32)] {
        let at = doc as usize;
        match (self.starts.get(at), self.starts.get(at + 1)) {
            (Some(&a), Some(&b)) => self.counts.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }
}

#[derive(Clone, Copy, Default)]
struct Tally {
    articles: u32,
    mentions: u32,
    quotes: u32,
    first: u32,
    last: u32,
}

impl Tally {
    fn dated(&mut self, key: u32) {
        widen(&mut self.first, &mut self.last, key);
    }
}

/// Every entity named and every non-entity speaker quoted in `matches`, unsorted.
pub fn entity_rows(index: &Index, stats: &EntityStats, matches: &DocSet) -> Vec<EntityRow> {
    let entities = index.entities().len();
    let mut tally = vec![Tally::default(); entities + index.speakers().len()];
    for doc in matches.iter() {
        let published = index.published_keys.get(doc as usize).copied().unwrap_or(0);
        for &(entity, mentions) in stats.of(doc) {
            if let Some(t) = tally.get_mut(entity as usize) {
                t.articles += 1;
                t.mentions += mentions;
                t.dated(published);
            }
        }
        for &speaker in index.doc_speakers.get(doc) {
            if stats.speaker_entity.get(speaker as usize) == Some(&NONE)
                && let Some(t) = tally.get_mut(entities + speaker as usize)
            {
                t.articles += 1;
                t.dated(published);
            }
        }
        for &q in index.doc_quotes(doc) {
            let Some(quote) = index.quotes().get(q as usize) else {
                continue;
            };
            let row = match stats.speaker_entity.get(quote.speaker as usize) {
                Some(&NONE) => entities + quote.speaker as usize,
                Some(&entity) => entity as usize,
                None => continue,
            };
            if let Some(t) = tally.get_mut(row) {
                t.quotes += 1;
            }
        }
    }
    let mut rows = Vec::new();
    for (n, t) in tally.iter().enumerate() {
        if t.articles == 0 {
            continue;
        }
        let (key, name, kind) = if n < entities {
            let info = &index.entities()[n];
            (
                info.id.0.clone(),
                info.name.clone(),
                RowKind::Entity(info.kind),
            )
        } else {
            let info = &index.speakers()[n - entities];
            (info.key.clone(), info.name.clone(), RowKind::Speaker)
        };
        rows.push(EntityRow {
            key,
            name,
            kind,
            articles: t.articles,
            mentions: t.mentions,
            quotes: t.quotes,
            first: t.first,
            last: t.last,
        });
    }
    rows
}

/// Sorts rows by `sort`; ties by name, then key, so the order is stable across runs. Rows
/// without a date go last whichever the direction. Most rows tie on their counts (one
/// article), so names are lowercased once, not in every comparison.
pub fn sort_rows(rows: &mut Vec<EntityRow>, sort: TableSort) {
    let names: Vec<String> = rows.iter().map(|r| r.name.to_lowercase()).collect();
    let directed = |o: Ordering| if sort.descending { o.reverse() } else { o };
    let dated = |a: u32, b: u32| match (a, b) {
        (0, 0) => Ordering::Equal,
        (0, _) => Ordering::Greater,
        (_, 0) => Ordering::Less,
        _ => directed(a.cmp(&b)),
    };
    let mut order: Vec<usize> = (0..rows.len()).collect();
    crate::sort::by(&mut order, |&i, &j| {
        let (a, b) = (&rows[i], &rows[j]);
        let by_name = || names[i].cmp(&names[j]).then_with(|| a.key.cmp(&b.key));
        match sort.column {
            Column::Name => directed(by_name()),
            Column::Kind => directed(a.kind.word().cmp(b.kind.word())).then_with(by_name),
            Column::Articles => directed(a.articles.cmp(&b.articles)).then_with(by_name),
            Column::Mentions => directed(a.mentions.cmp(&b.mentions)).then_with(by_name),
            Column::Quotes => directed(a.quotes.cmp(&b.quotes)).then_with(by_name),
            Column::First => dated(a.first, b.first).then_with(by_name),
            Column::Last => dated(a.last, b.last).then_with(by_name),
        }
    });
    let mut slots: Vec<Option<EntityRow>> = std::mem::take(rows).into_iter().map(Some).collect();
    *rows = order.into_iter().filter_map(|i| slots[i].take()).collect();
}

/// The rows whose name, id, kind or dates contain `needle` (case- and accent-folded), in
/// the rows' order; every row when the needle is blank.
pub fn find_rows<'a>(rows: &'a [EntityRow], needle: &str) -> Vec<&'a EntityRow> {
    // Names compare folded (case and accents); ids, kinds and dates as written, lowercased,
    // since folding would drop their `:` and `-`.
    let raw = needle.trim().to_lowercase();
    if raw.is_empty() {
        return rows.iter().collect();
    }
    let folded = fold(&raw);
    rows.iter()
        .filter(|r| {
            (!folded.is_empty() && fold(&r.name).contains(&folded))
                || r.key.to_lowercase().contains(&raw)
                || r.kind.word().contains(&raw)
                || date_label(r.first).contains(&raw)
                || date_label(r.last).contains(&raw)
        })
        .collect()
}

/// `YYYY-MM-DD` (as far as known) of a date key; empty for `0`.
pub fn date_label(key: u32) -> String {
    let (year, month, day) = (key / 10000, key / 100 % 100, key % 100);
    match (key, month, day) {
        (0, _, _) => String::new(),
        (_, 0, _) => format!("{year:04}"),
        (_, m, 0) => format!("{year:04}-{m:02}"),
        (_, m, d) => format!("{year:04}-{m:02}-{d:02}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{Article, parse_file};
    use crate::extract::{Entity, EntityId, EntityMention, Quote};
    use crate::span::ByteSpan;

    fn entity(kind: EntityKind, name: &str) -> Entity {
        Entity {
            id: EntityId::new(kind, name),
            kind,
            canonical: name.into(),
            aliases: vec![],
            role: None,
        }
    }

    /// Three dated articles: Zas in two (three mentions, one quote), Armenia in one, and a
    /// quote by "a senior official", who is no entity.
    fn corpus() -> (Vec<Article>, Vec<Annotations>, Index) {
        let texts = [
            (
                "a.md",
                "---\ndate: 1987-03-02\n---\n\"Yes,\" Zas said. Zas left.",
            ),
            ("b.md", "---\ndate: 1987-05-10\n---\nZas went to Armenia."),
            (
                "c.md",
                "---\ndate: 1987-04-01\n---\n\"No,\" a senior official said.",
            ),
        ];
        let mut articles = Vec::new();
        let mut annotations = Vec::new();
        for (name, text) in texts {
            let article = parse_file(name, text.as_bytes()).unwrap().remove(0);
            let at = |needle: &str, nth: usize| {
                let start = text.match_indices(needle).nth(nth).unwrap().0;
                ByteSpan::new(start, start + needle.len())
            };
            let found = match name {
                "a.md" => Annotations {
                    entities: vec![entity(EntityKind::Person, "Zas")],
                    mentions: vec![
                        EntityMention {
                            span: at("Zas", 0),
                            entity: 0,
                        },
                        EntityMention {
                            span: at("Zas", 1),
                            entity: 0,
                        },
                    ],
                    quotes: vec![Quote {
                        span: at("\"Yes,\"", 0),
                        speaker: Some("Zas".into()),
                        speaker_entity: Some(0),
                        speaker_span: Some(at("Zas", 0)),
                    }],
                    ..Annotations::default()
                },
                "b.md" => Annotations {
                    entities: vec![
                        entity(EntityKind::Person, "Zas"),
                        entity(EntityKind::Place, "Armenia"),
                    ],
                    mentions: vec![
                        EntityMention {
                            span: at("Zas", 0),
                            entity: 0,
                        },
                        EntityMention {
                            span: at("Armenia", 0),
                            entity: 1,
                        },
                    ],
                    ..Annotations::default()
                },
                _ => Annotations {
                    quotes: vec![Quote {
                        span: at("\"No,\"", 0),
                        speaker: Some("a senior official".into()),
                        speaker_entity: None,
                        speaker_span: Some(at("a senior official", 0)),
                    }],
                    ..Annotations::default()
                },
            };
            articles.push(article);
            annotations.push(found);
        }
        let index = Index::build(&articles, &annotations);
        (articles, annotations, index)
    }

    fn all(index: &Index) -> DocSet {
        DocSet::full(index.len() as u32)
    }

    #[test]
    fn rows_count_articles_mentions_quotes_and_dates_of_entities_and_speakers() {
        let (_, annotations, index) = corpus();
        let stats = EntityStats::build(&index, &annotations);
        let mut rows = entity_rows(&index, &stats, &all(&index));
        sort_rows(&mut rows, TableSort::default());
        let shown: Vec<(&str, &str, u32, u32, u32, String, String)> = rows
            .iter()
            .map(|r| {
                (
                    r.name.as_str(),
                    r.kind.word(),
                    r.articles,
                    r.mentions,
                    r.quotes,
                    date_label(r.first),
                    date_label(r.last),
                )
            })
            .collect();
        let row = |n, k, a, m, q, f: &str, l: &str| (n, k, a, m, q, f.to_string(), l.to_string());
        assert_eq!(
            shown,
            [
                row("Zas", "person", 2, 3, 1, "1987-03-02", "1987-05-10"),
                row(
                    "a senior official",
                    "speaker",
                    1,
                    0,
                    1,
                    "1987-04-01",
                    "1987-04-01"
                ),
                row("Armenia", "place", 1, 1, 0, "1987-05-10", "1987-05-10"),
            ]
        );
    }

    #[test]
    fn rows_follow_the_matching_articles() {
        let (_, annotations, index) = corpus();
        let stats = EntityStats::build(&index, &annotations);
        let only_b = DocSet::from_sorted(index.len() as u32, &[index.doc_of("b").unwrap()]);
        let rows = entity_rows(&index, &stats, &only_b);
        let zas = rows.iter().find(|r| r.name == "Zas").unwrap();
        assert_eq!((zas.articles, zas.mentions, zas.quotes), (1, 1, 0));
        assert!(rows.iter().all(|r| r.kind != RowKind::Speaker));
    }

    #[test]
    fn every_column_sorts_both_ways_with_undated_rows_last() {
        let (_, annotations, index) = corpus();
        let stats = EntityStats::build(&index, &annotations);
        let mut rows = entity_rows(&index, &stats, &all(&index));
        let names = |rows: &[EntityRow]| rows.iter().map(|r| r.name.clone()).collect::<Vec<_>>();
        for (by, expected) in [
            ("name", ["a senior official", "Armenia", "Zas"]),
            ("-name", ["Zas", "Armenia", "a senior official"]),
            ("kind", ["Zas", "Armenia", "a senior official"]),
            ("-mentions", ["Zas", "Armenia", "a senior official"]),
            ("quotes", ["Armenia", "a senior official", "Zas"]),
            ("first", ["Zas", "a senior official", "Armenia"]),
            ("-last", ["Armenia", "Zas", "a senior official"]),
        ] {
            sort_rows(&mut rows, TableSort::parse(by).unwrap());
            assert_eq!(names(&rows), expected, "by={by}");
        }
        let mut undated = rows[0].clone();
        undated.first = 0;
        undated.name = "Undated".into();
        rows.push(undated);
        for by in ["first", "-first"] {
            sort_rows(&mut rows, TableSort::parse(by).unwrap());
            assert_eq!(rows.last().unwrap().name, "Undated", "by={by}");
        }
    }

    #[test]
    fn the_sort_spelling_round_trips_and_a_click_flips_or_starts_naturally() {
        for (column, name) in Column::ALL {
            for descending in [false, true] {
                let sort = TableSort { column, descending };
                assert_eq!(TableSort::parse(&sort.as_str()), Some(sort), "{name}");
            }
        }
        assert_eq!(TableSort::parse("size"), None);
        assert_eq!(TableSort::parse("--name"), None);
        let by_articles = TableSort::default();
        assert_eq!(by_articles.clicked(Column::Articles).as_str(), "articles");
        assert_eq!(by_articles.clicked(Column::Name).as_str(), "name");
        assert_eq!(by_articles.clicked(Column::Quotes).as_str(), "-quotes");
    }

    #[test]
    fn the_search_looks_at_every_row_and_value() {
        let (_, annotations, index) = corpus();
        let stats = EntityStats::build(&index, &annotations);
        let rows = entity_rows(&index, &stats, &all(&index));
        let found = |needle: &str| {
            let mut names: Vec<String> = find_rows(&rows, needle)
                .iter()
                .map(|r| r.name.clone())
                .collect();
            crate::sort::all(&mut names);
            names
        };
        assert_eq!(found("ARMÉNIA"), ["Armenia"]);
        assert_eq!(found("speaker"), ["a senior official"]);
        assert_eq!(found("1987-05"), ["Armenia", "Zas"]);
        assert_eq!(found("person:"), ["Zas"]);
        assert_eq!(found("  ").len(), 3);
    }
}

//! The `Filter`: what the user is looking at, as a value that round-trips losslessly and
//! stably to the URL query string (the URL is the only UI state).
//!
//! # URL grammar (v1)
//!
//! ```text
//! query-string = [ "?" ] [ pair { ( "&" | ";" ) pair } ]      ; form-urlencoded
//! pair         = key "=" value
//! key          = "q"        ; text query (grammar below); kept verbatim, spaces included
//!              | "e"        ; entity id `kind:slug`, kind = person|organization|place|misc;
//!                           ;   repeatable, every one must be named in the article
//!              | "s"        ; speaker key (an entity id, or a slug of the description);
//!                           ;   repeatable, every one must be quoted in the article
//!              | "from"     ; date: YYYY | YYYY-MM | YYYY-MM-DD (inclusive, partial = whole period)
//!              | "to"       ; date, same forms (inclusive: to=2022-11 ends on 30 November)
//!              | "dates"    ; "published" (default) | "mentioned": what from/to range over
//!              | "source"   ; publisher name, exact
//!              | "in"       ; "yours": only the reader's own articles (added in this browser,
//!                           ;   ids `own/…`) | "site": only the site's; default both
//!              | "m." field ; a metadata value: `m.topics=crude`; repeatable, every one must hold
//!              | "sort"     ; "relevance" (default) | "newest" | "oldest"
//!              | "view"     ; "articles" (default) | "quotes" | "entities" | "timeline"
//!                           ;   | "network"
//!              | "by"       ; the entity table's sort: [ "-" ] column, column = name | kind
//!                           ;   | articles | mentions | quotes | first | last; "-" is
//!                           ;   descending; default "-articles" (most articles first)
//!              | "nodes"    ; entities in the network, 1..=200; default 50
//!              | "a"        ; the open article's id
//!              | "quote"    ; the open quote's number in that article (0-based)
//!              | "entity"   ; the open entity's id
//!              | "v"        ; format version; "1" only (see below)
//! field        = a front-matter key (or JSON field), lowercased, as the facet names it:
//!                "topics", "places", "author" …
//! ```
//!
//! The printer writes keys in the order above, omits defaults and empty values, and never
//! writes `v`: a link without `v` is version 1, so today's links stay short, and a future
//! incompatible change will print `v=2` and keep reading v-less links as version 1.
//! Parsing is lenient: an unknown key, a bad value or a repeated single-valued key (the
//! last one wins) gives a [`Notice`] that says what is valid, never an error or a panic.
//!
//! # Text query grammar (the value of `q`)
//!
//! ```text
//! query   = { " " } [ group { " "+ group } ] { " " }
//! group   = unit { " "+ "OR" " "+ unit }        ; any of the units
//! unit    = [ "-" ] ( phrase | word )           ; "-" excludes
//! phrase  = '"' { char - '"' } ( '"' | end )    ; the words next to each other, in order
//! word    = char - ( " " | '"' ) { char - ( " " | '"' ) }
//! ```
//!
//! An article matches when it matches every group. Words are case- and accent-folded and
//! split into letter/digit runs (`U.S.` is the phrase `u s`). A word of 5 or more
//! characters also matches words one edit away (ranked lower). A link's query is finished:
//! `q=oil` matches "oil", never "oilcake". Only while the search box is being typed in does
//! the last word (or an unclosed phrase's last word) also match as a prefix; the box passes
//! that to the search as [`LastWord`](super::text::LastWord), outside the URL, so a link
//! never carries it. An unclosed phrase (`"oil pri`) is a phrase of the words typed. At most
//! [`MAX_UNITS`](super::text::MAX_UNITS) units are read; the rest are ignored.
//!
//! # Metadata fields (`m.`)
//!
//! Front-matter keys other than title, date, source and url (and the JSON fields other than
//! those and the body) are metadata; `author` is one too. A field whose values repeat across
//! articles is a facet (the rule is [`crate::index::MetaFields`]'s); its values are filtered
//! by `m.<field>=<value>`. The `m.` prefix keeps every field, whatever its name, apart from
//! the keys above: a front-matter key `q` is `m.q`. Values are matched exactly as listed by
//! the facet (list items of `topics: [a, b]` or `topics: a,b` are separate values).
//!
//! # Sort (`sort`)
//!
//! `relevance` ranks by BM25 when there is text and lists newest first without; `newest`
//! and `oldest` order by publication date whatever the text (undated articles last).

use super::entity_table::TableSort;
use super::network::{DEFAULT_NODES, MAX_NODES};
use super::url::{DecodeProblem, decode_pairs, encode_into};
use crate::corpus::{Date, parse_date};
use crate::extract::{EntityId, EntityKind};

/// At most this many `e=` and `s=` values are read (each); more are reported and dropped.
pub const MAX_REPEATED: usize = 64;

/// What to show.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum View {
    /// The ranked list of articles.
    #[default]
    Articles,
    /// Quotes and their speakers.
    Quotes,
    /// The table of every entity and speaker in the matching articles.
    Entities,
    /// The matching articles on a wide timeline, above their list.
    Timeline,
    /// The co-occurrence network of the entities in the matching articles.
    Network,
}

impl View {
    /// Every view with its URL spelling: the one list that parsing, printing and the notice
    /// about a bad `view=` read.
    pub const ALL: [(View, &'static str); 5] = [
        (View::Articles, "articles"),
        (View::Quotes, "quotes"),
        (View::Entities, "entities"),
        (View::Timeline, "timeline"),
        (View::Network, "network"),
    ];

    /// The URL spelling.
    pub fn as_str(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(v, _)| *v == self)
            .map_or("", |p| p.1)
    }

    fn parse(s: &str) -> Option<Self> {
        Self::ALL.iter().find(|(_, name)| *name == s).map(|p| p.0)
    }

    /// The valid `view=` values, as a notice lists them.
    pub fn names() -> String {
        let names: Vec<String> = Self::ALL.iter().map(|(_, n)| format!("`{n}`")).collect();
        names.join(", ")
    }
}

/// The order of the article list (`sort=`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Sort {
    /// Best match first (BM25) with text; newest first without.
    #[default]
    Relevance,
    /// Newest publication date first.
    Newest,
    /// Oldest publication date first.
    Oldest,
}

impl Sort {
    /// Every order with its URL spelling.
    pub const ALL: [(Sort, &'static str); 3] = [
        (Sort::Relevance, "relevance"),
        (Sort::Newest, "newest"),
        (Sort::Oldest, "oldest"),
    ];

    /// The URL spelling.
    pub fn as_str(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(s, _)| *s == self)
            .map_or("", |p| p.1)
    }

    fn parse(s: &str) -> Option<Self> {
        Self::ALL.iter().find(|(_, name)| *name == s).map(|p| p.0)
    }
}

/// One metadata condition, `m.<field>=<value>`: the article's `field` lists `value`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FieldValue {
    /// The field (a lowercased front-matter key, as the facet names it).
    pub field: String,
    /// The value, exact.
    pub value: String,
}

/// The URL key prefix of metadata fields.
pub const FIELD_PREFIX: &str = "m.";

/// Which collection: the site's articles, the reader's own ([`crate::own`]), or both (`None`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Collection {
    /// Only the site's articles.
    Site,
    /// Only the reader's own articles.
    Yours,
}

impl Collection {
    /// The URL spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Site => "site",
            Self::Yours => "yours",
        }
    }
}

/// Which dates a date range is about.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum DateField {
    /// The articles' publication dates.
    #[default]
    Published,
    /// Dates the articles mention.
    Mentioned,
}

/// A filter: everything a view of the corpus depends on. `Default` is "everything".
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Filter {
    /// Text query (language in the module doc), verbatim.
    pub text: String,
    /// Entities the article must all name.
    pub entities: Vec<EntityId>,
    /// Speakers the article must all quote.
    pub speakers: Vec<String>,
    /// First day of the date range (inclusive).
    pub from: Option<Date>,
    /// Last day of the date range (inclusive).
    pub to: Option<Date>,
    /// What the date range is about.
    pub dates: DateField,
    /// Only articles from this source.
    pub source: Option<String>,
    /// Only the site's or only the reader's own articles (`None`: both).
    pub collection: Option<Collection>,
    /// Metadata values the article must all list.
    pub fields: Vec<FieldValue>,
    /// The order of the article list.
    pub sort: Sort,
    /// What to show.
    pub view: View,
    /// How the entity table is sorted (`None`: the default, most articles first).
    pub by: Option<TableSort>,
    /// How many entities the network shows (`None`: [`DEFAULT_NODES`]).
    pub nodes: Option<usize>,
    /// The open article.
    pub article: Option<String>,
    /// The open quote (its number in the open article).
    pub quote: Option<u32>,
    /// The open entity.
    pub entity: Option<EntityId>,
}

/// A parameter that was ignored or read leniently.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// The key as written.
    pub key: String,
    /// The value as written (cut to 80 characters).
    pub value: String,
    /// What was wrong and what is valid.
    pub message: String,
}

impl Notice {
    /// The message in pieces, each `(text, is_code)`: what the message writes between
    /// backticks is a parameter or value to show as code (`<code>` on a page), the rest is
    /// prose. An unpaired backtick is kept as text.
    pub fn message_parts(&self) -> Vec<(&str, bool)> {
        code_spans(&self.message)
    }
}

/// Splits `text` at backtick pairs into `(piece, is_code)`; empty pieces are dropped.
pub fn code_spans(text: &str) -> Vec<(&str, bool)> {
    let mut parts = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('`') {
        let Some(close) = rest[open + 1..].find('`') else {
            break;
        };
        let close = open + 1 + close;
        parts.push((&rest[..open], false));
        parts.push((&rest[open + 1..close], true));
        rest = &rest[close + 1..];
    }
    parts.push((rest, false));
    parts.retain(|(piece, _)| !piece.is_empty());
    parts
}

const KEYS: &str = "`q`, `e`, `s`, `from`, `to`, `dates`, `source`, `in`, `m.<field>`, `sort`, `view`, `by`, `nodes`, `a`, `quote`, `entity`, `v`";

impl Filter {
    /// Reads a URL query string (with or without the leading `?`). Never fails: whatever
    /// cannot be used is reported in the notices.
    pub fn from_query_string(query: &str) -> (Filter, Vec<Notice>) {
        let mut filter = Filter::default();
        let mut notices = Vec::new();
        let mut seen: Vec<&'static str> = Vec::new();
        for (key, value, problems) in decode_pairs(query) {
            let mut notice = |message: String| {
                notices.push(Notice {
                    key: cut(&key),
                    value: cut(&value),
                    message,
                })
            };
            for problem in &problems {
                notice(match problem {
                    DecodeProblem::BrokenEscape => {
                        "a `%` not followed by two hex digits was kept as written".into()
                    }
                    DecodeProblem::NotUtf8 => {
                        "the value is not UTF-8; invalid bytes were replaced".into()
                    }
                });
            }
            let single = match key.as_str() {
                "q" => Some("q"),
                "from" => Some("from"),
                "to" => Some("to"),
                "dates" => Some("dates"),
                "source" => Some("source"),
                "in" => Some("in"),
                "sort" => Some("sort"),
                "view" => Some("view"),
                "by" => Some("by"),
                "nodes" => Some("nodes"),
                "a" => Some("a"),
                "quote" => Some("quote"),
                "entity" => Some("entity"),
                "v" => Some("v"),
                _ => None,
            };
            if let Some(name) = single {
                if seen.contains(&name) {
                    notice(format!(
                        "`{name}` is given more than once; the last one is used"
                    ));
                } else {
                    seen.push(name);
                }
            }
            if let Err(message) = filter.apply(&key, &value) {
                notice(message);
            }
        }
        if filter.quote.is_some() && filter.article.is_none() {
            notices.push(Notice {
                key: "quote".into(),
                value: filter.quote.map(|q| q.to_string()).unwrap_or_default(),
                message: "`quote` needs an open article `a`; it is ignored".into(),
            });
        }
        if let (Some(from), Some(to)) = (filter.from, filter.to)
            && from > to
        {
            notices.push(Notice {
                key: "from".into(),
                value: from.to_string(),
                message: format!("`from` is after `to` ({to}), so nothing can match"),
            });
        }
        (filter, notices)
    }

    /// Sets one URL parameter; `Err` says why the value was not used.
    fn apply(&mut self, key: &str, value: &str) -> Result<(), String> {
        match key {
            "q" => self.text = value.to_string(),
            "e" => {
                if self.entities.len() >= MAX_REPEATED {
                    return Err(format!(
                        "at most {MAX_REPEATED} entities; this one is ignored"
                    ));
                }
                self.entities.push(parse_entity(value)?);
            }
            "s" => {
                if value.trim().is_empty() {
                    return Err(
                        "a speaker key is an entity id or a slug such as `the-minister`".into(),
                    );
                }
                if self.speakers.len() >= MAX_REPEATED {
                    return Err(format!(
                        "at most {MAX_REPEATED} speakers; this one is ignored"
                    ));
                }
                self.speakers.push(value.to_string());
            }
            "from" => self.from = Some(parse_range_date(value)?),
            "to" => self.to = Some(parse_range_date(value)?),
            "dates" => {
                self.dates = match value {
                    "published" => DateField::Published,
                    "mentioned" => DateField::Mentioned,
                    _ => return Err("`dates` is `published` or `mentioned`".into()),
                }
            }
            "source" if value.is_empty() => return Err("`source` needs a source name".into()),
            "source" => self.source = Some(value.to_string()),
            "in" => {
                self.collection = Some(match value {
                    "yours" => Collection::Yours,
                    "site" => Collection::Site,
                    _ => return Err("`in` is `yours` or `site`; showing both".into()),
                })
            }
            "sort" => {
                self.sort = Sort::parse(value)
                    .ok_or("`sort` is `relevance`, `newest` or `oldest`; sorting by relevance")?
            }
            "view" => {
                self.view = View::parse(value).ok_or_else(|| {
                    format!("`view` is one of {}; showing articles", View::names())
                })?
            }
            "by" => {
                let sort = TableSort::parse(value).ok_or(
                    "`by` is a column of the entity table (name, kind, articles, mentions, quotes, first, last), `-` before it for descending",
                )?;
                self.by = (sort != TableSort::default()).then_some(sort);
            }
            "nodes" => {
                let n: usize = value
                    .parse()
                    .ok()
                    .filter(|n| (1..=MAX_NODES).contains(n))
                    .ok_or(format!(
                        "`nodes` is a number of entities from 1 to {MAX_NODES}"
                    ))?;
                self.nodes = (n != DEFAULT_NODES).then_some(n);
            }
            "a" if value.is_empty() => return Err("`a` needs an article id".into()),
            "a" => self.article = Some(value.to_string()),
            "quote" => {
                self.quote = Some(value.parse().map_err(|_| {
                    "`quote` is a quote number in the open article (0, 1, 2 …)".to_string()
                })?)
            }
            "entity" => self.entity = Some(parse_entity(value)?),
            _ if key.starts_with(FIELD_PREFIX) => {
                let field = &key[FIELD_PREFIX.len()..];
                if field.is_empty() || value.is_empty() {
                    return Err(
                        "a metadata filter is `m.<field>=<value>`, as in `m.topics=crude`".into(),
                    );
                }
                if self.fields.len() >= MAX_REPEATED {
                    return Err(format!(
                        "at most {MAX_REPEATED} metadata values; this one is ignored"
                    ));
                }
                self.fields.push(FieldValue {
                    field: field.to_lowercase(),
                    value: value.to_string(),
                });
            }
            "v" if value == "1" => {}
            "v" => {
                return Err(
                    "this version of Dossier reads links of format `v=1`; reading it as v=1".into(),
                );
            }
            _ => return Err(format!("unknown parameter; parameters are: {KEYS}")),
        }
        Ok(())
    }

    /// The canonical query string (without `?`; empty for the default filter).
    pub fn to_query_string(&self) -> String {
        let mut out = String::new();
        let mut pair = |key: &str, value: &str| {
            if !out.is_empty() {
                out.push('&');
            }
            encode_into(key, &mut out);
            out.push('=');
            encode_into(value, &mut out);
        };
        if !self.text.is_empty() {
            pair("q", &self.text);
        }
        for entity in &self.entities {
            pair("e", entity.as_str());
        }
        for speaker in &self.speakers {
            pair("s", speaker);
        }
        if let Some(from) = self.from {
            pair("from", &from.to_string());
        }
        if let Some(to) = self.to {
            pair("to", &to.to_string());
        }
        if self.dates == DateField::Mentioned {
            pair("dates", "mentioned");
        }
        if let Some(source) = &self.source {
            pair("source", source);
        }
        if let Some(collection) = self.collection {
            pair("in", collection.as_str());
        }
        for condition in &self.fields {
            pair(
                &format!("{FIELD_PREFIX}{}", condition.field),
                &condition.value,
            );
        }
        if self.sort != Sort::Relevance {
            pair("sort", self.sort.as_str());
        }
        if self.view != View::Articles {
            pair("view", self.view.as_str());
        }
        if let Some(by) = self.by {
            pair("by", &by.as_str());
        }
        if let Some(nodes) = self.nodes {
            pair("nodes", &nodes.to_string());
        }
        if let Some(article) = &self.article {
            pair("a", article);
        }
        if let Some(quote) = self.quote {
            pair("quote", &quote.to_string());
        }
        if let Some(entity) = &self.entity {
            pair("entity", entity.as_str());
        }
        out
    }

    /// Closes the open article, quote and entity: what is left is the list the filter selects.
    pub fn close_opened(&mut self) {
        self.article = None;
        self.quote = None;
        self.entity = None;
    }

    /// The order its articles are collected in: the quotes view lists quotes newest article
    /// first whatever the article list's sort (a chronology of who said what), so both
    /// builds collect its articles newest first too.
    pub fn ranking(&self) -> Sort {
        match self.view {
            View::Quotes => Sort::Newest,
            _ => self.sort,
        }
    }

    /// This filter with nothing opened (see [`Filter::close_opened`]).
    pub fn results_view(&self) -> Filter {
        let mut filter = self.clone();
        filter.close_opened();
        filter
    }

    /// Whether the filter selects every article (nothing but the view and open items set).
    pub fn selects_everything(&self) -> bool {
        self.text.trim().is_empty()
            && self.entities.is_empty()
            && self.speakers.is_empty()
            && self.from.is_none()
            && self.to.is_none()
            && self.source.is_none()
            && self.collection.is_none()
            && self.fields.is_empty()
    }

    /// Adds the entity, or removes it when already there (a facet click).
    pub fn toggle_entity(&mut self, id: &EntityId) {
        match self.entities.iter().position(|e| e == id) {
            Some(at) => {
                self.entities.remove(at);
            }
            None => self.entities.push(id.clone()),
        }
    }

    /// Adds the metadata value, or removes it when already there (a facet click).
    pub fn toggle_field(&mut self, field: &str, value: &str) {
        match self
            .fields
            .iter()
            .position(|c| c.field == field && c.value == value)
        {
            Some(at) => {
                self.fields.remove(at);
            }
            None => self.fields.push(FieldValue {
                field: field.to_string(),
                value: value.to_string(),
            }),
        }
    }
}

fn parse_entity(value: &str) -> Result<EntityId, String> {
    let valid = value
        .split_once(':')
        .is_some_and(|(kind, slug)| EntityKind::parse(kind).is_some() && !slug.is_empty());
    if valid {
        Ok(EntityId(value.to_string()))
    } else {
        Err("an entity id is `kind:name` with kind person, organization, place or misc, as in `person:stanislav-zas`".into())
    }
}

fn parse_range_date(value: &str) -> Result<Date, String> {
    parse_date(value)
        .map_err(|_| "a date is YYYY, YYYY-MM or YYYY-MM-DD, as in `2022-09`".to_string())
}

/// At most 80 characters of a value, for notices about garbage.
fn cut(s: &str) -> String {
    match s.char_indices().nth(80) {
        Some((at, _)) => format!("{}…", &s[..at]),
        None => s.to_string(),
    }
}

//! Small corpora built like data:
//! `Corpus::new().article("a1", "The CSTO mission.").date("2022-11-23").mention("CSTO", ORG, "CSTO")`.

use dossier::corpus::{Article, ArticleId, TitleOrigin, parse_date};
use dossier::extract::{
    Annotations, DateKind, DateMention, Entity, EntityId, EntityKind, EntityMention, Quote,
};
use dossier::index::Index;
use dossier::query::{Filter, LastWord, Options, Results, search_with};
use dossier::span::ByteSpan;

pub const PERSON: EntityKind = EntityKind::Person;
pub const ORG: EntityKind = EntityKind::Organization;
pub const PLACE: EntityKind = EntityKind::Place;

/// Articles and their annotations, built one call at a time.
#[derive(Default)]
pub struct Corpus {
    pub articles: Vec<Article>,
    pub annotations: Vec<Annotations>,
}

impl Corpus {
    pub fn new() -> Self {
        Self::default()
    }

    /// A new article whose body is `text` (title: the id).
    pub fn article(mut self, id: &str, text: &str) -> Self {
        self.articles.push(Article {
            id: ArticleId(id.to_string()),
            file: format!("{id}.txt"),
            text: text.to_string(),
            body: ByteSpan::new(0, text.len()),
            title: id.to_string(),
            title_origin: TitleOrigin::FirstSentence,
            date: None,
            source: None,
            url: None,
            author: None,
            meta: Vec::new(),
            original: None,
        });
        self.annotations.push(Annotations::default());
        self
    }

    fn last(&mut self) -> (&mut Article, &mut Annotations) {
        match (self.articles.last_mut(), self.annotations.last_mut()) {
            (Some(a), Some(n)) => (a, n),
            _ => panic!("call .article(...) first"),
        }
    }

    /// A given title (indexed as words).
    pub fn title(mut self, title: &str) -> Self {
        let (article, _) = self.last();
        article.title = title.to_string();
        article.title_origin = TitleOrigin::Given;
        self
    }

    /// Publication date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
    pub fn date(mut self, date: &str) -> Self {
        let (article, _) = self.last();
        article.date = Some(parse_date(date).unwrap_or_else(|e| panic!("{date}: {e}")));
        self
    }

    /// A front-matter field (`topics`, `places`…), as the corpus keeps it: text.
    pub fn meta(mut self, key: &str, value: &str) -> Self {
        self.last()
            .0
            .meta
            .push((key.to_string(), value.to_string()));
        self
    }

    pub fn author(mut self, author: &str) -> Self {
        self.last().0.author = Some(author.to_string());
        self
    }

    pub fn source(mut self, source: &str) -> Self {
        self.last().0.source = Some(source.to_string());
        self
    }

    /// `name` (the first time it occurs in the text) names the entity `canonical` of `kind`.
    pub fn mention(mut self, name: &str, kind: EntityKind, canonical: &str) -> Self {
        let (article, found) = self.last();
        let start = article.text.find(name).unwrap_or(0);
        let id = EntityId::new(kind, canonical);
        let entity = match found.entities.iter().position(|e| e.id == id) {
            Some(at) => at,
            None => {
                found.entities.push(Entity {
                    id,
                    kind,
                    canonical: canonical.to_string(),
                    aliases: Vec::new(),
                    role: None,
                });
                found.entities.len() - 1
            }
        };
        found.mentions.push(EntityMention {
            span: ByteSpan::new(start, start + name.len()),
            entity,
        });
        self
    }

    /// A mentioned date with TIMEX3 value `value`, at the first occurrence of `text`.
    pub fn mentions_date(mut self, text: &str, value: &str) -> Self {
        let (article, found) = self.last();
        let start = article.text.find(text).unwrap_or(0);
        found.dates.push(DateMention {
            span: ByteSpan::new(start, start + text.len()),
            value: Some(value.to_string()),
            kind: DateKind::Date,
        });
        self
    }

    /// The quotation `quoted` (found in the text), said by the entity `canonical` of kind
    /// person when the article names it, else by the description.
    pub fn quote(mut self, quoted: &str, speaker: &str) -> Self {
        let (article, found) = self.last();
        let start = article.text.find(quoted).unwrap_or(0);
        let speaker_entity = found.entities.iter().position(|e| e.canonical == speaker);
        found.quotes.push(Quote {
            span: ByteSpan::new(start, start + quoted.len()),
            speaker: Some(speaker.to_string()),
            speaker_entity,
            speaker_span: None,
        });
        self
    }

    pub fn index(&self) -> Index {
        Index::build(&self.articles, &self.annotations)
    }

    /// Results of the URL query string `url` (notices must be empty).
    pub fn search(&self, url: &str) -> Results {
        self.search_with(url, Options::default())
    }

    /// As [`Self::search`], with `options`.
    fn search_with(&self, url: &str, options: Options) -> Results {
        let (filter, notices) = Filter::from_query_string(url);
        assert!(notices.is_empty(), "{url}: {notices:?}");
        search_with(&self.index(), &filter, options)
    }

    /// Ids of the matching articles of `results`, sorted.
    fn sorted_matches(&self, results: &Results) -> Vec<String> {
        let mut ids: Vec<String> = results
            .matches
            .iter()
            .map(|d| self.articles[d as usize].id.0.clone())
            .collect();
        ids.sort();
        ids
    }

    /// Ids of every matching article for `url` as typed in the search box (its last word
    /// still being typed), sorted.
    pub fn matching_while_typing(&self, url: &str) -> Vec<String> {
        let options = Options {
            last_word: LastWord::BeingTyped,
            ..Options::default()
        };
        self.sorted_matches(&self.search_with(url, options))
    }

    /// Ids of the ranked hits for `url`, best first.
    pub fn hits(&self, url: &str) -> Vec<String> {
        let results = self.search(url);
        results
            .hits
            .iter()
            .map(|h| self.articles[h.doc as usize].id.0.clone())
            .collect()
    }

    /// Ids of every matching article for `url`, sorted.
    pub fn matching(&self, url: &str) -> Vec<String> {
        self.sorted_matches(&self.search(url))
    }
}

//! The people an article names, as candidates for speakers: from the entity extractor's
//! person mentions when there are any, else from the text itself (capitalised names with a
//! title, two-word names, names followed by a speech verb), plus descriptions such as "the
//! Secretary General" that stand for a person.
//!
//! Resolution turns a speaker phrase into a name: a short name into the fuller one used
//! earlier ("Zas" → "Stanislav Zas"), a description into the person whose role holds its
//! title ("the Secretary General" → "CSTO Secretary General Stanislav Zas"), and a pronoun
//! into the first person of the nearest sentence that names one (English puts the subject
//! first), outside quotations.

use super::super::structure::{Document, TokenKind};
use super::super::{Entity, EntityKind, EntityMention};
use super::cues::{
    can_be_in_name, is_capitalised, is_capitalised_function_word, is_organisation_word,
    is_speech_verb, is_title_modifier, is_title_word, is_verb_helper,
};
use super::marks::Quoted;
use super::phrase::{name_part, text};
use crate::span::ByteSpan;
use std::collections::HashMap;
use std::ops::Range;

/// A person, or a description standing for one, at one place in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// Where the name or description is.
    pub span: ByteSpan,
    /// The name ("Stanislav Zas") or the description ("the Prime Minister of Armenia").
    pub name: String,
    /// Title words around the name, lowercased ("csto secretary general").
    pub role: String,
    /// The entity, when the name comes from the entity extractor.
    pub entity: Option<usize>,
    /// Whether `name` is a description rather than a name.
    pub description: bool,
}

/// A resolved speaker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    /// Name or description.
    pub name: String,
    /// Entity index, when known.
    pub entity: Option<usize>,
}

/// The candidates of one article, in text order.
#[derive(Debug, Clone, Default)]
pub struct People {
    list: Vec<Person>,
    /// Indices into `list` of the names ending in each surname, in text order.
    by_surname: HashMap<String, Vec<usize>>,
}

/// How many candidates a backward search looks at: keeps resolution linear in the text.
const SEARCH_LIMIT: usize = 256;

/// Whether byte `at` lies inside one of the (sorted, disjoint) quoted spans.
fn inside_quote(quoted: &[Quoted], at: usize) -> bool {
    let i = quoted.partition_point(|q| q.span.end <= at);
    quoted.get(i).is_some_and(|q| q.span.start <= at)
}

/// Lowercased title words of tokens `range` and of the titles just before it.
fn role_words(doc: &Document<'_>, before: Range<usize>) -> String {
    let mut start = before.end;
    while start > before.start && before.end - start < 5 {
        let word = doc.token_str(start - 1);
        let fits = doc.tokens[start - 1].kind == TokenKind::Word
            && (is_title_word(word)
                || (is_capitalised(word) && !is_capitalised_function_word(word)));
        if !fits && word != "." {
            break;
        }
        start -= 1;
    }
    text(doc, start..before.end).to_lowercase()
}

impl People {
    fn indexed(list: Vec<Person>) -> Self {
        let mut by_surname: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, person) in list.iter().enumerate() {
            if let (false, Some(last)) = (person.description, person.name.split_whitespace().last())
            {
                by_surname.entry(last.to_string()).or_default().push(i);
            }
        }
        Self { list, by_surname }
    }

    /// Candidates found in the text alone.
    pub fn from_text(doc: &Document<'_>, quoted: &[Quoted]) -> Self {
        let mut list = Vec::new();
        let mut i = 0;
        let mut quotes = quoted.iter().peekable();
        while i < doc.tokens.len() {
            let at = doc.tokens[i].span.start;
            while quotes.next_if(|q| q.span.end <= at).is_some() {}
            if quotes.peek().is_some_and(|q| q.span.start <= at) {
                i += 1;
                continue;
            }
            let run = capitalised_run(doc, i);
            if run.is_empty() {
                if let Some(d) = description(doc, i) {
                    i = d.1;
                    list.push(d.0);
                } else {
                    i += 1;
                }
                continue;
            }
            i = run.end;
            if let Some(person) = person_in_run(doc, run) {
                list.push(person);
            }
        }
        Self::indexed(list)
    }

    /// Candidates from the entity extractor's person mentions, plus descriptions.
    pub fn from_entities(
        doc: &Document<'_>,
        quoted: &[Quoted],
        entities: &[Entity],
        mentions: &[EntityMention],
    ) -> Self {
        let mut list: Vec<Person> = mentions
            .iter()
            .filter(|m| !inside_quote(quoted, m.span.start))
            .filter_map(|m| {
                let entity = entities.get(m.entity)?;
                (entity.kind == EntityKind::Person).then(|| {
                    let first = doc.tokens.partition_point(|t| t.span.start < m.span.start);
                    let mut role = role_words(doc, 0..first);
                    if let Some(r) = &entity.role {
                        role.push(' ');
                        role.push_str(&r.to_lowercase());
                    }
                    Person {
                        span: m.span,
                        name: entity.canonical.clone(),
                        role,
                        entity: Some(m.entity),
                        description: false,
                    }
                })
            })
            .collect();
        let mut i = 0;
        while i < doc.tokens.len() {
            match description(doc, i).filter(|d| !inside_quote(quoted, d.0.span.start)) {
                Some((person, next)) => {
                    list.push(person);
                    i = next;
                }
                None => i += 1,
            }
        }
        list.sort_by_key(|p| p.span.start);
        Self::indexed(list)
    }

    /// The entity's person whose mention overlaps `span`, if any.
    pub fn entity_at(&self, span: ByteSpan) -> Option<Speaker> {
        let i = self.list.partition_point(|p| p.span.end <= span.start);
        self.list[i..]
            .iter()
            .take_while(|p| p.span.start < span.end)
            .find(|p| p.entity.is_some() && p.span.overlaps(span))
            .map(|p| Speaker {
                name: p.name.clone(),
                entity: p.entity,
            })
    }

    /// The fullest known name for `name` seen near `at`: "Zas" → "Stanislav Zas".
    pub fn full_name(&self, name: &str, at: usize, entity: Option<usize>) -> Speaker {
        let last = name.split_whitespace().last().unwrap_or(name);
        let fuller = |&&i: &&usize| self.list[i].name.len() > name.len();
        let same_surname = self.by_surname.get(last).map_or(&[][..], Vec::as_slice);
        let before = same_surname.partition_point(|&i| self.list[i].span.start < at);
        let found = same_surname[..before]
            .iter()
            .rev()
            .take(SEARCH_LIMIT)
            .find(fuller)
            .or_else(|| {
                same_surname[before..]
                    .iter()
                    .take(SEARCH_LIMIT)
                    .find(fuller)
            })
            .map(|&i| &self.list[i]);
        match found {
            Some(p) => Speaker {
                name: p.name.clone(),
                entity: entity.or(p.entity),
            },
            None => Speaker {
                name: name.to_string(),
                entity,
            },
        }
    }

    /// The person a description stands for: the latest one before `at` whose role holds all
    /// its title words; else the description itself.
    pub fn describe(&self, description: &str, at: usize) -> Speaker {
        let titles: Vec<String> = description
            .split_whitespace()
            .map(|w| w.trim_end_matches('.').to_lowercase())
            .filter(|w| is_title_word(w) && w != "former")
            .collect();
        let before = self.list.partition_point(|p| p.span.start < at);
        let holder = (!titles.is_empty())
            .then(|| {
                self.list[..before]
                    .iter()
                    .rev()
                    .take(SEARCH_LIMIT)
                    .find(|p| {
                        !p.description
                            && titles.iter().all(|t| {
                                p.role
                                    .split_whitespace()
                                    .any(|r| r.trim_end_matches('.') == t)
                            })
                    })
            })
            .flatten();
        match holder {
            Some(p) => Speaker {
                name: p.name.clone(),
                entity: p.entity,
            },
            None => Speaker {
                name: description.to_string(),
                entity: None,
            },
        }
    }

    /// What a pronoun at byte `at` stands for: the first candidate of the nearest sentence
    /// before it that has one, among the article's people and the `spoken` speakers so far,
    /// not earlier than paragraph `floor`.
    pub fn antecedent(
        &self,
        doc: &Document<'_>,
        at: usize,
        spoken: &[Person],
        floor: usize,
    ) -> Option<Speaker> {
        let before = self.list.partition_point(|p| p.span.start < at);
        let own = self.list[..before].last();
        let heard = spoken
            .iter()
            .rev()
            .take(64)
            .filter(|p| p.span.start < at)
            .max_by_key(|p| p.span.start);
        let nearest = [own, heard]
            .into_iter()
            .flatten()
            .max_by_key(|p| p.span.start)?;
        let sentence = doc.sentence_at(nearest.span.start)?;
        if doc
            .paragraph_at(nearest.span.start)
            .is_some_and(|p| p < floor)
        {
            return None;
        }
        let sentence_start = doc.sentences[sentence].span.start;
        let first_own = self.list[..before]
            .iter()
            .rev()
            .take_while(|p| p.span.start >= sentence_start)
            .last();
        let first_heard = spoken
            .iter()
            .rev()
            .take(64)
            .filter(|p| p.span.start >= sentence_start && p.span.start < at)
            .min_by_key(|p| p.span.start);
        let first = [first_own, first_heard]
            .into_iter()
            .flatten()
            .min_by_key(|p| p.span.start)?;
        Some(if first.description {
            self.describe(&first.name, first.span.start)
        } else {
            Speaker {
                name: first.name.clone(),
                entity: first.entity,
            }
        })
    }
}

/// The capitalised run starting at token `i` (empty when `i` does not start one).
fn capitalised_run(doc: &Document<'_>, i: usize) -> Range<usize> {
    let mut end = i;
    while end < doc.tokens.len() {
        let word = doc.token_str(end);
        let kind = doc.tokens[end].kind;
        let name_like = kind == TokenKind::Word && is_capitalised(word) && can_be_in_name(word);
        let period = word == "."
            && end > i
            && doc.tokens[end - 1].span.end == doc.tokens[end].span.start
            && super::super::structure::is_abbreviation(doc.token_str(end - 1));
        if !(name_like || period) {
            break;
        }
        end += 1;
    }
    i..end
}

/// The person named by a capitalised run, if it looks like one: it has a title, or two or
/// more name words and no organisation word, or a speech verb follows it.
fn person_in_run(doc: &Document<'_>, run: Range<usize>) -> Option<Person> {
    let name = name_part(doc, run.clone())?;
    let words: Vec<&str> = name
        .clone()
        .filter(|&i| doc.tokens[i].kind == TokenKind::Word)
        .map(|i| doc.token_str(i))
        .collect();
    let titled = run
        .clone()
        .take_while(|&i| i < name.start)
        .any(|i| is_title_word(doc.token_str(i)))
        || (run.start > 0 && is_title_word(doc.token_str(run.start - 1)));
    let organisation = words.iter().any(|w| is_organisation_word(w))
        || words
            .iter()
            .any(|w| w.len() >= 2 && w.chars().all(|c| c.is_uppercase()));
    let mut next = name.end;
    while next < doc.tokens.len() && is_verb_helper(doc.token_str(next)) {
        next += 1;
    }
    let speaks = is_speech_verb(doc.token_str(next));
    // Five capitalised words in a row are a headline, not a name.
    let person = !organisation && words.len() <= 4 && (titled || words.len() >= 2 || speaks);
    person.then(|| Person {
        span: ByteSpan::new(
            doc.tokens[name.start].span.start,
            doc.tokens[name.end - 1].span.end,
        ),
        name: text(doc, name.clone()).to_string(),
        role: role_words(doc, run.start..name.start),
        entity: None,
        description: false,
    })
}

/// "the Secretary General", "the Prime Minister of Armenia": a determiner, words ending on a
/// title, an optional "of" complement; not followed by a name (then it is a title).
fn description(doc: &Document<'_>, i: usize) -> Option<(Person, usize)> {
    if doc.tokens[i].span.len() != 3 || !doc.token_str(i).eq_ignore_ascii_case("the") {
        return None;
    }
    let mut end = i + 1;
    let mut last_title = None;
    while end < doc.tokens.len() && end - i <= 5 && doc.tokens[end].kind == TokenKind::Word {
        let word = doc.token_str(end);
        if is_title_word(word) {
            if !is_title_modifier(word) {
                last_title = Some(end);
            }
        } else if !is_capitalised(word) || is_capitalised_function_word(word) {
            break;
        }
        end += 1;
    }
    let mut end = last_title? + 1;
    if doc
        .tokens
        .get(end)
        .is_some_and(|t| t.kind == TokenKind::Word && is_capitalised(doc.token_str(end)))
    {
        return None;
    }
    if doc.token_str(end) == "of" {
        let complement = capitalised_run(doc, end + 1);
        if !complement.is_empty() && complement.len() <= 4 {
            end = complement.end;
        }
    }
    let span = ByteSpan::new(doc.tokens[i].span.start, doc.tokens[end - 1].span.end);
    let name = text(doc, i..end).to_string();
    Some((
        Person {
            span,
            role: name.to_lowercase(),
            name,
            entity: None,
            description: true,
        },
        end,
    ))
}

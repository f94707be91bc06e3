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

use super::super::structure::Document;
use super::super::{Entity, EntityKind, EntityMention};
use super::cues::{is_speech_verb, is_title_word};
use super::marks::Quoted;
use super::names::{capitalised_run, description, person_in_run, role_words};
use super::phrase::name_part;
use crate::span::ByteSpan;
use std::collections::HashMap;

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
    /// Where the entity extractor found places, sorted: "New York" names no speaker.
    places: Vec<ByteSpan>,
}

/// How many candidates a backward search looks at: keeps resolution linear in the text.
const SEARCH_LIMIT: usize = 256;

/// Whether byte `at` lies inside one of the (sorted, disjoint) quoted spans.
fn inside_quote(quoted: &[Quoted], at: usize) -> bool {
    let i = quoted.partition_point(|q| q.span.end <= at);
    quoted.get(i).is_some_and(|q| q.span.start <= at)
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
        Self {
            list,
            by_surname,
            places: Vec::new(),
        }
    }

    /// Candidates found in the text alone.
    pub fn from_text(doc: &Document<'_>, quoted: &[Quoted]) -> Self {
        let mut list = Vec::new();
        let mut surnames = Vec::new();
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
            if let Some(person) = person_in_run(doc, run.clone()) {
                list.push(person);
            } else if let Some(name) = name_part(doc, run).filter(|n| n.len() == 1) {
                surnames.push(name.start);
            }
        }
        // A lone surname ("Fallon fired back") is a mention of the person named in full
        // elsewhere ("Clinton spokesman Brian Fallon").
        let mut full_names: HashMap<&str, &str> = HashMap::new();
        for person in list.iter().filter(|p| !p.description) {
            if let Some((_, last)) = person.name.rsplit_once(' ') {
                full_names.insert(last, &person.name);
            }
        }
        let mentions: Vec<Person> = surnames
            .into_iter()
            .filter_map(|t| {
                let full = full_names.get(doc.token_str(t))?;
                Some(Person {
                    span: doc.tokens[t].span,
                    name: full.to_string(),
                    role: String::new(),
                    entity: None,
                    description: false,
                })
            })
            .collect();
        list.extend(mentions);
        list.sort_by_key(|p| p.span.start);
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
                let person =
                    entity.kind == EntityKind::Person && !is_date_fragment(&entity.canonical);
                person.then(|| {
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
        let mut people = Self::indexed(list);
        people.places = mentions
            .iter()
            .filter(|m| {
                entities
                    .get(m.entity)
                    .is_some_and(|e| e.kind == EntityKind::Place)
            })
            .map(|m| m.span)
            .collect();
        people.places.sort_by_key(|p| p.start);
        people
    }

    /// Whether `span` overlaps a place the entity extractor found.
    pub fn is_place(&self, span: ByteSpan) -> bool {
        let i = self.places.partition_point(|p| p.end <= span.start);
        self.places[i..]
            .iter()
            .take_while(|p| p.start < span.end)
            .any(|p| p.overlaps(span))
    }

    /// Whether a person (not a description) is named between bytes `from` and `to`.
    pub fn names_between(&self, from: usize, to: usize) -> bool {
        let first = self.list.partition_point(|p| p.span.start < from);
        self.list[first..]
            .iter()
            .take_while(|p| p.span.start < to)
            .take(SEARCH_LIMIT)
            .any(|p| !p.description)
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
            .filter(|w| is_title_word(w))
            .collect();
        // "the president" is not the vice president, nor "the former president" the president.
        let qualifies = |role: &str| {
            role.split_whitespace()
                .map(|r| r.trim_end_matches('.'))
                .filter(|r| matches!(*r, "vice" | "deputy" | "former" | "assistant"))
                .all(|r| titles.iter().any(|t| t == r))
        };
        // "one Clinton aide", "a senior Cruz adviser" keep their anonymity: only a definite
        // description ("the Secretary General") stands for a title's known holder.
        let indefinite = description.split_whitespace().next().is_some_and(|w| {
            [
                "a", "an", "one", "another", "some", "several", "many", "two", "three",
            ]
            .iter()
            .any(|d| d.eq_ignore_ascii_case(w))
        });
        let before = self.list.partition_point(|p| p.span.start < at);
        let holder = (!titles.is_empty() && !indefinite)
            .then(|| {
                self.list[..before]
                    .iter()
                    .rev()
                    .take(SEARCH_LIMIT)
                    .find(|p| {
                        !p.description
                            && qualifies(&p.role)
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
            .take(SEARCH_LIMIT)
            .take_while(|p| p.span.start >= sentence_start)
            .last();
        let first_heard = spoken
            .iter()
            .rev()
            .take(64)
            .filter(|p| p.span.start >= sentence_start && p.span.start < at)
            .min_by_key(|p| p.span.start);
        // The sentence's speaker before its first name: in "The decision by Paul Volcker …
        // is a shock, Hans Mast, senior adviser, said." the next "he" is Hans Mast.
        let attributed = self.list[..before]
            .iter()
            .rev()
            .take(SEARCH_LIMIT)
            .take_while(|p| p.span.start >= sentence_start)
            .filter(|p| !p.description && is_attributed(doc, p.span))
            .last();
        let first = [first_own, first_heard]
            .into_iter()
            .flatten()
            .min_by_key(|p| p.span.start);
        let first = attributed.or(first)?;
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

/// "Since Monday", "On Friday": a sentence opener and a weekday the tagger took for a name.
fn is_date_fragment(name: &str) -> bool {
    const OPENERS: &[&str] = &[
        "since", "on", "in", "at", "after", "before", "during", "until", "by", "from", "said",
        "says", "but", "and", "when", "while", "if", "as",
    ];
    let mut words = name.split_whitespace();
    let opens = words
        .next()
        .is_some_and(|w| OPENERS.iter().any(|o| o.eq_ignore_ascii_case(w)));
    opens || name.split_whitespace().any(crate::corpus::is_weekday_name)
}

/// Whether the name at `span` is the subject or object of a speech verb: "Mast said",
/// "Hans Mast, senior adviser, said", "said Hans Mast".
fn is_attributed(doc: &Document<'_>, span: ByteSpan) -> bool {
    let first = doc.tokens.partition_point(|t| t.span.start < span.start);
    let after = doc.tokens.partition_point(|t| t.span.start < span.end);
    let said_before = first
        .checked_sub(1)
        .is_some_and(|i| is_speech_verb(doc.token_str(i)));
    let mut next = after;
    if doc.token_str(next) == "," {
        // Over one appositive to its closing comma.
        next = (next + 1..doc.tokens.len())
            .take(14)
            .find(|&i| matches!(doc.token_str(i), "," | "." | "\""))
            .filter(|&i| doc.token_str(i) == ",")
            .map_or(next, |i| i + 1);
    }
    said_before || (next < doc.tokens.len() && is_speech_verb(doc.token_str(next)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn people(text: &str) -> (Document<'_>, People) {
        let doc = Document::parse(text, ByteSpan::new(0, text.len()));
        let people = People::from_text(&doc, &[]);
        (doc, people)
    }

    #[test]
    fn a_surname_resolves_to_the_fuller_name_used_earlier() {
        let text = "CSTO Secretary General Stanislav Zas spoke. Later Zas left.";
        let (_, people) = people(text);
        let at = text.rfind("Zas").unwrap();
        assert_eq!(people.full_name("Zas", at, None).name, "Stanislav Zas");
        assert_eq!(people.full_name("Smith", at, None).name, "Smith");
    }

    #[test]
    fn a_description_resolves_to_the_holder_of_its_title_or_stays_itself() {
        let text =
            "CSTO Secretary General Stanislav Zas spoke. The Prime Minister of Armenia left.";
        let (_, people) = people(text);
        let end = text.len();
        assert_eq!(
            people.describe("the Secretary General", end).name,
            "Stanislav Zas"
        );
        assert_eq!(
            people.describe("the Prime Minister of Armenia", end).name,
            "the Prime Minister of Armenia"
        );
        assert_eq!(
            people.describe("one CSTO Secretary General", end).name,
            "one CSTO Secretary General"
        );
    }

    #[test]
    fn a_pronoun_stands_for_the_speaker_of_the_sentence_before_its_first_name() {
        for text in [
            "The decision by Paul Volcker is a shock, Hans Mast, senior adviser to Credit \
             Suisse, said. He left.",
            "Alan Greenspan met Jo Li, but Hans Mast said so. He left.",
        ] {
            let (doc, found) = people(text);
            let he = text.find("He left").unwrap();
            let antecedent = found.antecedent(&doc, he, &[], 0).map(|s| s.name);
            assert_eq!(antecedent.as_deref(), Some("Hans Mast"), "{text}");
        }
    }

    #[test]
    fn a_weekday_after_an_opener_is_no_person() {
        assert!(is_date_fragment("Since Monday"));
        assert!(is_date_fragment("Friday"));
        assert!(!is_date_fragment("Theresa May"));
        assert!(!is_date_fragment("Hans Mast"));
    }

    #[test]
    fn a_pronoun_stands_for_the_first_person_of_the_nearest_sentence_naming_one() {
        let text = "Jane Doe met John Roe. It rained. He said so.";
        let (doc, people) = people(text);
        let he = text.find("He").unwrap();
        let found = people.antecedent(&doc, he, &[], 0).unwrap();
        assert_eq!(found.name, "Jane Doe");
    }
}

//! Direct speech and its speaker.
//!
//! [`marks`] finds the quoted spans; [`speech`] keeps only direct speech (not titles of
//! documents, names, or scare quotes inside the writer's sentence); [`speaker`] finds the
//! phrase that attributes each quote ("Zas said", "said the minister", "according to
//! Reuters", "Clinton: "…"", "― Jane Doe"), using the lexicon in [`cues`], the phrase
//! reader in [`phrase`] and the clause subjects of [`subject`]; [`people`] resolves the phrase to a speaker among the article's
//! people, which come from the entity extractor's mentions or, when it gave none, from
//! [`names`] found in the text: the entity's canonical name for a mention, the fuller name
//! for a surname ("Zas" → "Stanislav Zas"), the named holder of a title for a definite
//! description ("the Secretary General"; "one Clinton aide" stays anonymous), and for "he"
//! or "she" the speaker of the nearest sentence naming a person ("…, Hans Mast said."), else
//! its first person. A speaker is never a place ("salesman in New York"), a weekday
//! fragment ("Since Monday") or a possessor ("Ryan's spokeswoman, AshLee Strong, said" is
//! AshLee Strong). An honorific form ("Mr. Obama") is kept as written, since the article may
//! name several people of that surname. A quote with no cue of its own continues the speech of
//! the quote before it, unless someone else was named in between.

pub(crate) mod cues;
mod marks;
mod names;
mod people;
mod phrase;
#[cfg(test)]
mod robustness;
mod speaker;
mod speech;
mod subject;
#[cfg(test)]
mod throughput;

use super::structure::Document;
use super::{Entity, EntityMention, Quote};
use crate::span::ByteSpan;
use people::{People, Person, Speaker};
use phrase::{Phrase, PhraseKind, text};
use std::cell::OnceCell;
use std::ops::Range;

/// Every direct quotation in `doc`, in text order, with its speaker resolved among
/// `entities` (or among the names in the text when `mentions` is empty).
pub fn find(doc: &Document<'_>, entities: &[Entity], mentions: &[EntityMention]) -> Vec<Quote> {
    let candidates = marks::candidates(doc);
    if candidates.is_empty() {
        // No quotation mark, no quote: true of most articles.
        return Vec::new();
    }
    let paragraphs = marks::paragraph_tokens(doc);
    let quoted = marks::find(doc, &paragraphs, &candidates);
    // Gathering the people reads every token, so it waits for the first quote that needs a
    // speaker: most articles have no direct speech at all.
    let gathered = OnceCell::new();
    let people = || {
        gathered.get_or_init(|| {
            if mentions.is_empty() {
                People::from_text(doc, &quoted)
            } else {
                People::from_entities(doc, &quoted, entities, mentions)
            }
        })
    };
    let mut spoken: Vec<Person> = Vec::new();
    // The last direct quote: its closing paragraph, its end, its speaker.
    let mut previous: Option<(usize, usize, Option<Speaker>)> = None;
    let mut out = Vec::new();
    for quote in &quoted {
        let (Some(first), Some(last)) = (
            paragraph_of(&paragraphs, quote.open),
            paragraph_of(&paragraphs, quote.close),
        ) else {
            continue;
        };
        if !speech::may_be_direct(doc, quote, &paragraphs[first]) {
            continue;
        }
        let attribution = speaker::attribute(
            doc,
            quote,
            paragraphs[first].clone(),
            paragraphs[last].clone(),
        );
        let ends_paragraph = quote.close + 1 == paragraphs[last].end;
        let attribution = attribution.or_else(|| {
            let next = paragraphs.get(last + 1).filter(|_| ends_paragraph)?;
            speaker::signature(doc, next.clone())
        });
        let after_cue = attribution
            .as_ref()
            .is_some_and(|a| a.side == speaker::Side::After);
        let context = speech::Context {
            has_cue: attribution.is_some(),
            after_cue,
            continues: previous.as_ref().is_some_and(|(p, _, _)| *p == first),
        };
        if !speech::is_direct(doc, quote, &paragraphs[first], context) {
            continue;
        }
        let (speaker, speaker_span) = match &attribution {
            Some(a) => {
                let span = phrase_span(doc, &a.phrase);
                (
                    resolve(doc, people(), &spoken, &a.phrase, first),
                    Some(span),
                )
            }
            // No cue of its own: the speech goes on from the quote just before.
            // Unless someone else is named in between ("Bystrom agreed. "…"").
            None => match &previous {
                Some((p, end, s))
                    if *p + 1 >= first && !people().names_between(*end, quote.span.start) =>
                {
                    (s.clone(), None)
                }
                _ => (
                    people().antecedent(doc, quote.span.start, &spoken, first.saturating_sub(1)),
                    None,
                ),
            },
        };
        if let (Some(s), Some(span)) = (&speaker, speaker_span) {
            spoken.push(Person {
                span,
                name: s.name.clone(),
                role: String::new(),
                entity: s.entity,
                description: false,
            });
        }
        // Names in an attribution after the quote are that attribution's ("Scott's niece,
        // Marcia Price, shouted"), not someone named in between.
        let said_end = match (&speaker_span, after_cue) {
            (Some(span), true) => span.end.max(quote.span.end),
            _ => quote.span.end,
        };
        previous = Some((last, said_end, speaker.clone()));
        out.push(Quote {
            span: quote.span,
            speaker: speaker.as_ref().map(|s| s.name.clone()),
            speaker_entity: speaker.and_then(|s| s.entity),
            speaker_span,
        });
    }
    out
}

/// The paragraph holding token `token`.
fn paragraph_of(paragraphs: &[Range<usize>], token: usize) -> Option<usize> {
    let i = paragraphs.partition_point(|p| p.end <= token);
    (i < paragraphs.len() && paragraphs[i].start <= token).then_some(i)
}

/// Where the phrase names the speaker: its proper name if it has one.
fn phrase_span(doc: &Document<'_>, phrase: &Phrase) -> ByteSpan {
    let range = phrase.name.clone().unwrap_or_else(|| phrase.tokens.clone());
    let start = doc.tokens[range.start].span.start;
    let end = doc.tokens[range.end - 1].span.end;
    ByteSpan::new(start, end)
}

/// The token of an honorific ("Mr", "Ms.") just before the name starting at `name`.
fn honorific_before(doc: &Document<'_>, phrase: &Range<usize>, name: usize) -> Option<usize> {
    const HONORIFICS: &[&str] = &["Mr", "Mrs", "Ms", "Dr", "Miss"];
    let mut at = name.checked_sub(1)?;
    if doc.token_str(at) == "." {
        at = at.checked_sub(1)?;
    }
    (at >= phrase.start && HONORIFICS.contains(&doc.token_str(at))).then_some(at)
}

/// The speaker a phrase stands for.
fn resolve(
    doc: &Document<'_>,
    people: &People,
    spoken: &[Person],
    phrase: &Phrase,
    paragraph: usize,
) -> Option<Speaker> {
    let span = phrase_span(doc, phrase);
    match phrase.kind {
        PhraseKind::Name => {
            let name_tokens = phrase.name.clone().unwrap_or(phrase.tokens.clone());
            let known = people.entity_at(span);
            // "Mr. Obama" names one person by surname and sex; the article may name several
            // Obamas, so the honorific form is kept as written rather than replaced by a
            // guessed full name (the entity, when the tagger merged one, stays attached).
            if let Some(honorific) = honorific_before(doc, &phrase.tokens, name_tokens.start) {
                return Some(Speaker {
                    name: text(doc, honorific..name_tokens.end).to_string(),
                    entity: known.and_then(|k| k.entity),
                });
            }
            if let Some(known) = known {
                return Some(known);
            }
            // "One government bond salesman in New York": a place is never the speaker; the
            // rest of the phrase may still describe one.
            if people.is_place(span) {
                let described = phrase.tokens.len() > name_tokens.len();
                return described.then(|| {
                    let whole = phrase_span(
                        doc,
                        &Phrase {
                            name: None,
                            ..phrase.clone()
                        },
                    );
                    people.describe(text(doc, phrase.tokens.clone()), whole.start)
                });
            }
            Some(people.full_name(text(doc, name_tokens), span.start, None))
        }
        PhraseKind::Description => {
            Some(people.describe(text(doc, phrase.tokens.clone()), span.start))
        }
        PhraseKind::Pronoun => {
            let word = doc.str(span);
            let personal = ["he", "she"].iter().any(|p| p.eq_ignore_ascii_case(word));
            if !personal {
                return None;
            }
            people.antecedent(doc, span.start, spoken, paragraph.saturating_sub(3))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{EntityId, EntityKind};

    const SEED: &str = include_str!("../../../../../seeds/000_c9891722df91f9a5.txt");

    fn quotes_of(text: &str, entities: &[Entity], mentions: &[EntityMention]) -> Vec<Quote> {
        let doc = Document::parse(text, ByteSpan::new(0, text.len()));
        find(&doc, entities, mentions)
    }

    fn opening(text: &str, quote: &Quote) -> String {
        quote.span.slice(text).chars().take(20).collect()
    }

    #[test]
    fn the_seed_has_five_quotes_four_by_zas_and_one_by_the_prime_minister() {
        let quotes = quotes_of(SEED, &[], &[]);
        let found: Vec<(String, Option<&str>)> = quotes
            .iter()
            .map(|q| (opening(SEED, q), q.speaker.as_deref()))
            .collect();
        assert_eq!(
            found,
            [
                ("\"Of course not. The ".to_string(), Some("Stanislav Zas")),
                ("\"But, one must under".to_string(), Some("Stanislav Zas")),
                ("\"Therefore, I do not".to_string(), Some("Stanislav Zas")),
                ("\"As for the mission,".to_string(), Some("Stanislav Zas")),
                (
                    "\"The lack of a clear".to_string(),
                    Some("the Prime Minister of Armenia")
                ),
            ]
        );
    }

    #[test]
    fn seed_quotes_span_their_marks_and_name_where_the_speaker_is_referred_to() {
        let quotes = quotes_of(SEED, &[], &[]);
        for q in &quotes {
            let s = q.span.slice(SEED);
            assert!(s.starts_with('"') && s.ends_with('"'), "{s}");
        }
        let referred: Vec<&str> = quotes
            .iter()
            .map(|q| q.speaker_span.map_or("", |s| s.slice(SEED)))
            .collect();
        assert_eq!(
            referred,
            ["the Secretary General", "Zas", "he", "Zas", "he"]
        );
    }

    #[test]
    fn the_quoted_draft_title_is_not_a_quote() {
        let quotes = quotes_of(SEED, &[], &[]);
        assert!(
            quotes
                .iter()
                .all(|q| !q.span.slice(SEED).starts_with("\"Declaration"))
        );
    }

    /// Mentions of "Stanislav Zas" and every later "Zas", as the entity extractor gives them.
    fn zas_entity() -> (Vec<Entity>, Vec<EntityMention>) {
        let entity = Entity {
            id: EntityId::new(EntityKind::Person, "Stanislav Zas"),
            kind: EntityKind::Person,
            canonical: "Stanislav Zas".into(),
            aliases: vec!["Zas".into()],
            role: Some("CSTO Secretary General".into()),
        };
        let full = SEED.find("Stanislav Zas").unwrap();
        let mut mentions = vec![EntityMention {
            span: ByteSpan::new(full, full + "Stanislav Zas".len()),
            entity: 0,
        }];
        let mut from = full + "Stanislav Zas".len();
        while let Some(at) = SEED[from..].find("Zas") {
            let start = from + at;
            mentions.push(EntityMention {
                span: ByteSpan::new(start, start + 3),
                entity: 0,
            });
            from = start + 3;
        }
        (vec![entity], mentions)
    }

    #[test]
    fn with_entity_mentions_the_speaker_entity_is_set() {
        let (entities, mentions) = zas_entity();
        let quotes = quotes_of(SEED, &entities, &mentions);
        let found: Vec<(Option<&str>, Option<usize>)> = quotes
            .iter()
            .map(|q| (q.speaker.as_deref(), q.speaker_entity))
            .collect();
        assert_eq!(
            found,
            [
                (Some("Stanislav Zas"), Some(0)),
                (Some("Stanislav Zas"), Some(0)),
                (Some("Stanislav Zas"), Some(0)),
                (Some("Stanislav Zas"), Some(0)),
                (Some("the Prime Minister of Armenia"), None),
            ]
        );
    }

    #[test]
    fn a_quote_without_a_cue_continues_the_previous_speaker() {
        let text = "\"We will stay,\" Jane Doe said.\n\n\"And we will fight for it.\"";
        let speakers: Vec<_> = quotes_of(text, &[], &[])
            .into_iter()
            .map(|q| q.speaker)
            .collect();
        assert_eq!(speakers, [Some("Jane Doe".into()), Some("Jane Doe".into())]);
    }

    #[test]
    fn a_name_in_the_attribution_before_it_does_not_interrupt_the_speech() {
        let text = "\"This is a big year for Bobby Scott!\" Scott's niece, state Del. Marcia \"Cia\" \
                    Price (D-Newport News), shouted to the crowd. \"The nation is watching.\"\n\n\
                    Bobby Scott smiled. \"We have work to do.\"";
        let speakers: Vec<_> = quotes_of(text, &[], &[])
            .into_iter()
            .map(|q| q.speaker)
            .collect();
        assert_eq!(
            speakers,
            [
                Some("Del. Marcia \"Cia\" Price".into()),
                Some("Del. Marcia \"Cia\" Price".into()),
                Some("Bobby Scott".into())
            ]
        );
    }
}

//! The resolved annotations: each article's entities renamed to their resolved ids and
//! names, entities that resolve to one merged, dropped ones and their mentions removed,
//! quote speakers remapped, and the article's other mentions of its people's names added
//! (`Zas reminded`, where the tagger saw no name but the article calls Stanislav Zas "Zas").

use super::collection::{Fate, Local};
use super::decisions::{DecisionLog, Rule};
use super::names;
use crate::corpus::Article;
use crate::extract::{Annotations, Entity, EntityId, EntityKind, EntityMention};
use crate::span::ByteSpan;
use std::collections::HashMap;

/// Resolved names: `(kind, key)` → canonical name.
pub type Canonicals = HashMap<(EntityKind, String), String>;

/// The canonical name of every resolved entity: a country's canonical form, else the form
/// its own-name members use most ([`preferred_form`]).
pub fn canonicals(locals: &[Local]) -> Canonicals {
    let mut forms: HashMap<(EntityKind, String), HashMap<&str, u32>> = HashMap::new();
    for local in locals {
        if let Some((kind, key)) = local.target() {
            let entry = forms.entry((kind, key.to_string())).or_default();
            if key == &*local.key {
                *entry.entry(&*local.name).or_default() += 1;
            }
        }
    }
    forms
        .into_iter()
        .map(|((kind, key), forms)| {
            let canonical = names::place_form(&key)
                .filter(|_| kind == EntityKind::Place)
                .map(|(canonical, _)| canonical.to_string())
                .or_else(|| preferred_form(&forms).map(|form| out_of_capitals(kind, form)))
                .unwrap_or_else(|| super::collection::title_case(&key));
            ((kind, key), canonical)
        })
        .collect()
}

/// The most used form, a mixed-case one before capitals unless the capitals are used ten
/// times as often (`Washington` over the datelines' `WASHINGTON`, but `OPEC` over a rare
/// `Opec`); ties go to the shorter form, then the first in byte order.
fn preferred_form(forms: &HashMap<&str, u32>) -> Option<String> {
    let best = |caps: bool| {
        forms
            .iter()
            .filter(|(name, _)| names::is_all_caps(name) == caps)
            .max_by_key(|(name, n)| {
                (
                    **n,
                    std::cmp::Reverse(name.len()),
                    std::cmp::Reverse(**name),
                )
            })
            .map(|(name, n)| (*name, *n))
    };
    match (best(false), best(true)) {
        (Some((mixed, m)), Some((caps, c))) => Some(if m * 10 >= c { mixed } else { caps }),
        (Some((one, _)), None) | (None, Some((one, _))) => Some(one),
        (None, None) => None,
    }
    .map(str::to_string)
}

/// A place or person written only in capitals (`TAIPEI`, `BOCA RATON`: the collection
/// names it in datelines and bylines alone) in ordinary case; short ones stay (`ST`,
/// `UAE`), and so do organisations, whose capitals are usually an acronym (`OPEC`).
fn out_of_capitals(kind: EntityKind, form: String) -> String {
    let letters = form.chars().filter(|c| c.is_alphabetic()).count();
    if matches!(kind, EntityKind::Place | EntityKind::Person)
        && letters >= 4
        && names::is_all_caps(&form)
    {
        super::collection::title_case(&form.to_lowercase())
    } else {
        form
    }
}

/// Rewrites one article's annotations.
pub fn rewrite_article(
    article: Option<&Article>,
    mut found: Annotations,
    locals: &[Local],
    canonicals: &Canonicals,
    log: &mut DecisionLog,
) -> Annotations {
    let mut entities: Vec<Entity> = Vec::new();
    let mut by_id: HashMap<EntityId, usize> = HashMap::new();
    let mut new_index: Vec<Option<usize>> = vec![None; found.entities.len()];
    for local in locals {
        let Some(old) = found.entities.get(local.entity as usize) else {
            continue;
        };
        let (kind, key, because, role) = match &local.fate {
            Fate::Dropped(rule, evidence) => {
                log.drop(&old.id, &old.canonical, *rule, || evidence.to_string());
                continue;
            }
            Fate::Kept {
                kind,
                key,
                because,
                role,
            } => (*kind, key, because, role),
        };
        let canonical = canonicals
            .get(&(kind, key.to_string()))
            .cloned()
            .unwrap_or_else(|| local.name.to_string());
        let id = EntityId::new(kind, &canonical);
        if let Some((Rule::KeptApart, evidence)) = because {
            log.merge(&old.id, &old.canonical, &id, Rule::KeptApart, || {
                evidence.to_string()
            });
        } else if id != old.id || matches!(because, Some((Rule::Curated, _))) {
            let (rule, evidence) = match because {
                Some((rule, evidence)) => (*rule, evidence.to_string()),
                None => match names::place_form(&local.name) {
                    Some((form_of, names::PlaceForm::Country)) if form_of != &*local.name => (
                        Rule::CountryForm,
                        format!("{} is a form of {canonical}", local.name),
                    ),
                    Some((_, names::PlaceForm::StateAbbreviation)) => (
                        Rule::StateAbbreviation,
                        format!("{} abbreviates the US state {canonical}", local.name),
                    ),
                    _ if names::same_letters(&old.canonical, &canonical) => (
                        Rule::SpellingVariant,
                        format!(
                            "{} and {canonical} differ only in case or punctuation",
                            old.canonical
                        ),
                    ),
                    _ => (
                        Rule::SpellingVariant,
                        format!(
                            "{} and {canonical} are one name written two ways: a leading \"The\", a legal form, an office's word order or the spelling of Organisation",
                            old.canonical
                        ),
                    ),
                },
            };
            log.merge(&old.id, &old.canonical, &id, rule, || evidence);
        }
        let at = *by_id.entry(id.clone()).or_insert_with(|| {
            entities.push(Entity {
                id: id.clone(),
                kind,
                canonical: canonical.clone(),
                aliases: Vec::new(),
                role: None,
            });
            entities.len() - 1
        });
        let entity = &mut entities[at];
        // Cleaned as the names are: "Also called" lists `Baker`, not `Baker said` or
        // `Behind Baker`.
        for form in std::iter::once(&old.canonical).chain(&old.aliases) {
            let form = names::clean(form);
            if form != entity.canonical && !form.is_empty() && !entity.aliases.contains(&form) {
                entity.aliases.push(form);
            }
        }
        if entity.role.is_none() {
            entity.role = old
                .role
                .clone()
                .or_else(|| role.as_deref().map(String::from));
        }
        new_index[local.entity as usize] = Some(at);
    }
    let mut mentions: Vec<EntityMention> = found
        .mentions
        .iter()
        .filter_map(|m| {
            Some(EntityMention {
                span: m.span,
                entity: new_index.get(m.entity).copied().flatten()?,
            })
        })
        .collect();
    for quote in &mut found.quotes {
        quote.speaker_entity = quote
            .speaker_entity
            .and_then(|e| new_index.get(e).copied().flatten());
    }
    if let Some(article) = article {
        add_known_names(article, &entities, &mut mentions);
    }
    found.entities = entities;
    found.mentions = mentions;
    found.compact();
    found
}

/// Adds a mention wherever the article writes one of its people's names (the canonical
/// name or an alias it uses, three letters or more, capitalised, as a whole word) outside
/// every other mention. A name two people of the article share is left alone.
fn add_known_names(article: &Article, entities: &[Entity], mentions: &mut Vec<EntityMention>) {
    let mut names: HashMap<&str, Option<usize>> = HashMap::new();
    for (index, entity) in entities.iter().enumerate() {
        if entity.kind != EntityKind::Person {
            continue;
        }
        for name in std::iter::once(&entity.canonical).chain(&entity.aliases) {
            let usable =
                name.chars().count() >= 3 && name.chars().next().is_some_and(char::is_uppercase);
            if usable {
                names
                    .entry(name.as_str())
                    .and_modify(|owner| {
                        if *owner != Some(index) {
                            *owner = None;
                        }
                    })
                    .or_insert(Some(index));
            }
        }
    }
    let text = article.text.as_str();
    let Some(body) = text.get(article.body.start..article.body.end) else {
        return;
    };
    let mut taken: Vec<ByteSpan> = mentions.iter().map(|m| m.span).collect();
    let mut added = Vec::new();
    let mut sorted: Vec<(&str, usize)> = names
        .into_iter()
        .filter_map(|(name, owner)| Some((name, owner?)))
        .collect();
    // Longest first, so "Stanislav Zas" is found before "Zas" inside it.
    crate::sort::unstable_by(&mut sorted, |a, b| {
        b.0.len().cmp(&a.0.len()).then(a.0.cmp(b.0))
    });
    for (name, entity) in sorted {
        for (at, _) in body.match_indices(name) {
            let span = ByteSpan::new(
                article.body.start + at,
                article.body.start + at + name.len(),
            );
            let before = text.get(..span.start).and_then(|t| t.chars().next_back());
            let after = text.get(span.end..).and_then(|t| t.chars().next());
            let whole_word = !before.is_some_and(char::is_alphanumeric)
                && !after.is_some_and(char::is_alphanumeric);
            let overlaps = taken
                .iter()
                .any(|t| t.start < span.end && span.start < t.end);
            if whole_word && !overlaps {
                taken.push(span);
                added.push(EntityMention { span, entity });
            }
        }
    }
    if !added.is_empty() {
        mentions.extend(added);
        crate::sort::by_key(mentions, |m| (m.span.start, m.span.end));
    }
}

//! An entity's page: what the corpus says about one person, organisation or place — its
//! names, role, how often and when it is mentioned, who appears with it, and the quotes by
//! and about it.

use crate::corpus::Article;
use crate::extract::{Annotations, EntityId, EntityKind};
use crate::index::Index;
use std::collections::{BTreeMap, HashMap};

/// Everything the entity page shows.
#[derive(Debug, Clone, PartialEq)]
pub struct EntityProfile {
    /// Id.
    pub id: EntityId,
    /// Kind.
    pub kind: EntityKind,
    /// Display name.
    pub name: String,
    /// Other names used for it, most frequent first.
    pub aliases: Vec<String>,
    /// Roles given to it, most frequent first.
    pub roles: Vec<String>,
    /// Mentions in all articles.
    pub mentions: usize,
    /// Articles naming it (doc ids), newest first.
    pub articles: Vec<u32>,
    /// Entities named in the same articles, with the number of shared articles, most first.
    pub co_occurring: Vec<(EntityId, String, usize)>,
    /// Quotes it said: (doc, quote number).
    pub quotes_by: Vec<(u32, usize)>,
    /// Quotes that name it, said by someone else: (doc, quote number).
    pub quotes_about: Vec<(u32, usize)>,
    /// Articles naming it per publication month (`YYYY-MM`, or `undated`), in time order.
    pub over_time: Vec<(String, usize)>,
}

/// The profile of entity `id`, or `None` when no article names it.
pub fn entity_profile(
    index: &Index,
    articles: &[Article],
    annotations: &[Annotations],
    id: &EntityId,
) -> Option<EntityProfile> {
    let entity = index.entity_of(id.as_str())?;
    let info = index.entities().get(entity as usize)?;
    let docs = index.entity_docs(entity).to_vec();
    let mut aliases: HashMap<String, usize> = HashMap::new();
    let mut roles: HashMap<String, usize> = HashMap::new();
    let mut co: HashMap<EntityId, (String, usize)> = HashMap::new();
    let mut over_time: BTreeMap<String, usize> = BTreeMap::new();
    let mut mentions = 0;
    let mut quotes_by = Vec::new();
    let mut quotes_about = Vec::new();
    for &doc in &docs {
        let (Some(article), Some(found)) =
            (articles.get(doc as usize), annotations.get(doc as usize))
        else {
            continue;
        };
        let Some(local) = found.entities.iter().position(|e| &e.id == id) else {
            continue;
        };
        let here = &found.entities[local];
        for name in std::iter::once(&here.canonical).chain(&here.aliases) {
            if name != &info.name {
                *aliases.entry(name.clone()).or_default() += 1;
            }
        }
        if let Some(role) = &here.role {
            *roles.entry(role.clone()).or_default() += 1;
        }
        let own_mentions: Vec<_> = found
            .mentions
            .iter()
            .filter(|m| m.entity == local)
            .map(|m| m.span)
            .collect();
        mentions += own_mentions.len();
        for other in found.entities.iter().filter(|e| &e.id != id) {
            co.entry(other.id.clone())
                .or_insert_with(|| (other.canonical.clone(), 0))
                .1 += 1;
        }
        for (n, quote) in found.quotes.iter().enumerate() {
            if quote.speaker_entity == Some(local) {
                quotes_by.push((doc, n));
            } else if own_mentions.iter().any(|m| quote.span.contains(*m)) {
                quotes_about.push((doc, n));
            }
        }
        let month = article.date.map_or_else(
            || "undated".to_string(),
            |d| {
                d.month.map_or_else(
                    || format!("{:04}", d.year),
                    |m| format!("{:04}-{m:02}", d.year),
                )
            },
        );
        *over_time.entry(month).or_default() += 1;
    }
    let mut articles_newest: Vec<u32> = docs.clone();
    articles_newest.sort_by_key(|&d| std::cmp::Reverse(index.doc(d).and_then(|i| i.date)));
    let mut co_occurring: Vec<(EntityId, String, usize)> = co
        .into_iter()
        .map(|(id, (name, n))| (id, name, n))
        .collect();
    co_occurring.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.1.cmp(&b.1)));
    Some(EntityProfile {
        id: id.clone(),
        kind: info.kind,
        name: info.name.clone(),
        aliases: by_count(aliases),
        roles: by_count(roles),
        mentions,
        articles: articles_newest,
        co_occurring,
        quotes_by,
        quotes_about,
        over_time: over_time.into_iter().collect(),
    })
}

fn by_count(counts: HashMap<String, usize>) -> Vec<String> {
    let mut v: Vec<(String, usize)> = counts.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    v.into_iter().map(|(name, _)| name).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::parse_file;
    use crate::extract::{Entity, EntityMention, Quote};
    use crate::span::ByteSpan;

    fn person(name: &str, aliases: &[&str], role: Option<&str>) -> Entity {
        Entity {
            id: EntityId::new(EntityKind::Person, name),
            kind: EntityKind::Person,
            canonical: name.into(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            role: role.map(str::to_string),
        }
    }

    #[test]
    fn profile_gathers_aliases_roles_co_occurrence_and_quotes() {
        let text =
            "---\ndate: 2022-11-24\n---\n\"We stay,\" Zas said. Pashinyan met Stanislav Zas.";
        let article = parse_file("a.md", text.as_bytes()).unwrap().remove(0);
        let at = |needle: &str| {
            let start = text.find(needle).unwrap();
            ByteSpan::new(start, start + needle.len())
        };
        let found = Annotations {
            entities: vec![
                person("Stanislav Zas", &["Zas"], Some("CSTO Secretary General")),
                person("Pashinyan", &[], None),
            ],
            mentions: vec![
                EntityMention {
                    span: at("Zas said"),
                    entity: 0,
                },
                EntityMention {
                    span: at("Pashinyan"),
                    entity: 1,
                },
                EntityMention {
                    span: at("Stanislav Zas"),
                    entity: 0,
                },
            ],
            dates: vec![],
            quotes: vec![Quote {
                span: at("\"We stay,\""),
                speaker: Some("Zas".into()),
                speaker_entity: Some(0),
                speaker_span: None,
            }],
        };
        let articles = vec![article];
        let annotations = vec![found];
        let index = Index::build(&articles, &annotations);
        let zas = EntityId::new(EntityKind::Person, "Stanislav Zas");
        let profile = entity_profile(&index, &articles, &annotations, &zas).unwrap();
        assert_eq!(profile.name, "Stanislav Zas");
        assert_eq!(profile.aliases, ["Zas"]);
        assert_eq!(profile.roles, ["CSTO Secretary General"]);
        assert_eq!(profile.mentions, 2);
        assert_eq!(profile.co_occurring.len(), 1);
        assert_eq!(profile.co_occurring[0].1, "Pashinyan");
        assert_eq!(profile.quotes_by, [(0, 0)]);
        assert_eq!(profile.over_time, [("2022-11".to_string(), 1)]);
        assert!(
            entity_profile(
                &index,
                &articles,
                &annotations,
                &EntityId("person:nobody".into())
            )
            .is_none()
        );
    }
}

//! An entity's page: what the corpus says about one person, organisation or place — its
//! names, roles (deduplicated, with counts), how often and when it is mentioned, who appears
//! with it, and every quote by and about it.

use super::histogram::{Histogram, articles_over_time};
use crate::article_source::{AnnotationSource, ArticleSource};
use crate::extract::{EntityId, EntityKind};
use crate::index::Index;
use crate::index::fold::fold;
use std::collections::HashMap;

/// A role given to the entity, its spellings grouped ("U.S. Treasury Secretary" under
/// "Treasury Secretary").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Role {
    /// The role as most often written.
    pub name: String,
    /// Articles giving it, all spellings together.
    pub count: usize,
    /// Other spellings grouped under it, with their counts, most frequent first.
    pub variants: Vec<(String, usize)>,
}

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
    /// Roles given to it, deduplicated, most frequent first.
    pub roles: Vec<Role>,
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
    /// Articles naming it per publication period, on a continuous axis (empty periods 0).
    pub over_time: Histogram,
}

/// The profile of entity `id`, or `None` when no article names it.
pub fn entity_profile<'a, 'b>(
    index: &Index,
    articles: impl Into<ArticleSource<'a>>,
    annotations: impl Into<AnnotationSource<'b>>,
    id: &EntityId,
) -> Option<EntityProfile> {
    let article_count = articles.into().len();
    let annotations = annotations.into();
    let entity = index.entity_of(id.as_str())?;
    let info = index.entities().get(entity as usize)?;
    let docs = index.entity_docs(entity).to_vec();
    let mut aliases: HashMap<String, usize> = HashMap::new();
    let mut roles: HashMap<String, usize> = HashMap::new();
    let mut co: HashMap<EntityId, (String, usize)> = HashMap::new();
    let mut mentions = 0;
    let mut quotes_by = Vec::new();
    let mut quotes_about = Vec::new();
    for &doc in &docs {
        let Some(found) = annotations
            .get(doc as usize)
            .filter(|_| (doc as usize) < article_count)
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
    }
    let mut articles_newest: Vec<u32> = docs.clone();
    crate::sort::by_key(&mut articles_newest, |&d| {
        std::cmp::Reverse(index.doc(d).and_then(|i| i.date))
    });
    let mut co_occurring: Vec<(EntityId, String, usize)> = co
        .into_iter()
        .map(|(id, (name, n))| (id, name, n))
        .collect();
    // Two entities can share a name (a person and a firm): the id breaks that tie, so the
    // order (and an archive's bytes) never depends on hashing.
    crate::sort::by(&mut co_occurring, |a, b| {
        b.2.cmp(&a.2)
            .then_with(|| a.1.cmp(&b.1))
            .then_with(|| a.0.cmp(&b.0))
    });
    Some(EntityProfile {
        id: id.clone(),
        kind: info.kind,
        name: info.name.clone(),
        aliases: by_count(aliases),
        roles: grouped_roles(roles),
        mentions,
        over_time: articles_over_time(index, &articles_newest),
        articles: articles_newest,
        co_occurring,
        quotes_by,
        quotes_about,
    })
}

/// The part of an extracted role that belongs to the entity: role phrases run up to the
/// name, so in "President Reagan and Treasury Secretary" (James Baker) only the last
/// conjunct is his. Whitespace collapsed, edge punctuation trimmed; `None` if nothing is left.
pub fn clean_role(raw: &str) -> Option<String> {
    let last = [" and ", " & ", ", ", "; "]
        .iter()
        .filter_map(|sep| raw.rfind(sep).map(|at| at + sep.len()))
        .max()
        .map_or(raw, |at| &raw[at..]);
    let words: Vec<&str> = last.split_whitespace().collect();
    let words = match words.first() {
        Some(w) if w.eq_ignore_ascii_case("the") => &words[1..],
        _ => &words[..],
    };
    let role = words.join(" ");
    let role = role.trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != ')');
    (!role.is_empty()).then(|| role.to_string())
}

/// A role's words, folded: roles that fold alike are one role.
type FoldedWords = Vec<String>;
/// The ways one role is written, with the number of articles for each.
type Spellings = Vec<(String, usize)>;

/// Roles counted per article, cleaned ([`clean_role`]), spellings that fold alike merged,
/// and a role that ends with another of two or more words grouped under that one ("U.S.
/// Treasury Secretary" under "Treasury Secretary"; "Treasury Secretary" is not put under
/// "Secretary", which says too little).
fn grouped_roles(raw: HashMap<String, usize>) -> Vec<Role> {
    // Folded words → (spellings with counts).
    let mut by_key: HashMap<FoldedWords, Spellings> = HashMap::new();
    for (role, count) in raw {
        let Some(role) = clean_role(&role) else {
            continue;
        };
        let key: Vec<String> = role.split_whitespace().map(fold).collect();
        let spellings = by_key.entry(key).or_default();
        match spellings.iter_mut().find(|(s, _)| *s == role) {
            Some(s) => s.1 += count,
            None => spellings.push((role, count)),
        }
    }
    let mut keys: Vec<FoldedWords> = by_key.keys().cloned().collect();
    // Shortest first, so a longer role finds its base among those already placed.
    crate::sort::by(&mut keys, |a, b| {
        a.len().cmp(&b.len()).then_with(|| a.cmp(b))
    });
    let mut groups: Vec<(FoldedWords, Spellings)> = Vec::new();
    for key in keys {
        let spellings = by_key.remove(&key).unwrap_or_default();
        let base = groups
            .iter_mut()
            .filter(|(base, _)| base.len() >= 2 && base.len() < key.len() && key.ends_with(base))
            .max_by_key(|(base, _)| base.len());
        match base {
            Some((_, members)) => members.extend(spellings),
            None => groups.push((key, spellings)),
        }
    }
    let mut roles: Vec<Role> = groups
        .into_iter()
        .map(|(key, mut spellings)| {
            crate::sort::by(&mut spellings, |a, b| {
                b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0))
            });
            let count = spellings.iter().map(|s| s.1).sum();
            // The name is the most frequent spelling of the base itself.
            let at = spellings
                .iter()
                .position(|(s, _)| s.split_whitespace().map(fold).eq(key.iter().cloned()))
                .unwrap_or(0);
            let (name, _) = spellings.remove(at);
            Role {
                name,
                count,
                variants: spellings,
            }
        })
        .collect();
    crate::sort::by(&mut roles, |a, b| {
        b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name))
    });
    roles
}

fn by_count(counts: HashMap<String, usize>) -> Vec<String> {
    let mut v: Vec<(String, usize)> = counts.into_iter().collect();
    crate::sort::by(&mut v, |a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    v.into_iter().map(|(name, _)| name).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::parse_file;
    use crate::extract::{Annotations, Entity, EntityMention, Quote};
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
        assert_eq!(profile.roles.len(), 1);
        assert_eq!(profile.roles[0].name, "CSTO Secretary General");
        assert_eq!(profile.roles[0].count, 1);
        assert_eq!(profile.mentions, 2);
        assert_eq!(profile.co_occurring.len(), 1);
        assert_eq!(profile.co_occurring[0].1, "Pashinyan");
        assert_eq!(profile.quotes_by, [(0, 0)]);
        let over_time: Vec<(&str, u32)> = profile
            .over_time
            .buckets
            .iter()
            .map(|b| (b.label.as_str(), b.count))
            .collect();
        assert_eq!(over_time, [("2022-11-24", 1)]);
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

    #[test]
    fn entities_named_alike_are_listed_by_id_whatever_the_hashing() {
        // "Baker" the person and "Baker" the firm, named with Zas equally often: the order
        // must not follow a HashMap's (an archive's bytes depend on it).
        let text = "---\ndate: 2022-11-24\n---\nZas met Baker. Baker rose.";
        let article = parse_file("a.md", text.as_bytes()).unwrap().remove(0);
        let firm = Entity {
            id: EntityId::new(EntityKind::Organization, "Baker"),
            kind: EntityKind::Organization,
            ..person("Baker", &[], None)
        };
        let at = |from: usize, needle: &str| {
            let start = from + text[from..].find(needle).unwrap();
            ByteSpan::new(start, start + needle.len())
        };
        let found = Annotations {
            entities: vec![person("Zas", &[], None), firm, person("Baker", &[], None)],
            mentions: (0..3)
                .map(|entity| EntityMention {
                    span: at(0, ["Zas", "Baker.", "Baker rose"][entity]),
                    entity,
                })
                .collect(),
            dates: vec![],
            quotes: vec![],
        };
        let articles = vec![article];
        let annotations = vec![found];
        let index = Index::build(&articles, &annotations);
        let zas = EntityId::new(EntityKind::Person, "Zas");
        for _ in 0..8 {
            let profile = entity_profile(&index, &articles, &annotations, &zas).unwrap();
            let ids: Vec<&str> = profile.co_occurring.iter().map(|c| c.0.as_str()).collect();
            assert_eq!(ids, ["organization:baker", "person:baker"]);
        }
    }

    #[test]
    fn roles_are_cleaned_of_other_peoples_words() {
        assert_eq!(
            clean_role("President Reagan and Treasury Secretary").as_deref(),
            Some("Treasury Secretary")
        );
        assert_eq!(
            clean_role(" the  CSTO Secretary General,").as_deref(),
            Some("CSTO Secretary General")
        );
        assert_eq!(clean_role("Reagan, ").as_deref(), None);
    }

    #[test]
    fn roles_are_deduplicated_with_counts_and_variants_grouped() {
        let raw: HashMap<String, usize> = [
            ("Treasury Secretary", 40),
            ("treasury secretary", 2),
            ("President Reagan and Treasury Secretary", 5),
            ("U.S. Treasury Secretary", 10),
            ("Secretary", 3),
            ("White House chief of staff", 4),
        ]
        .into_iter()
        .map(|(r, n)| (r.to_string(), n))
        .collect();
        let roles = grouped_roles(raw);
        let shown: Vec<(&str, usize)> = roles.iter().map(|r| (r.name.as_str(), r.count)).collect();
        assert_eq!(
            shown,
            [
                ("Treasury Secretary", 57),
                ("White House chief of staff", 4),
                ("Secretary", 3)
            ]
        );
        assert_eq!(
            roles[0].variants,
            [
                ("U.S. Treasury Secretary".to_string(), 10),
                ("treasury secretary".to_string(), 2)
            ]
        );
    }
}

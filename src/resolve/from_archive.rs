//! The reader's own articles beside an archive take the archive's verdicts on the names it
//! resolved, so that an entity in both is one entity, as when the embedded build resolves
//! the site's articles and the reader's together.
//!
//! An archive cannot be resolved again with the reader's articles: its articles are not in
//! the browser. What it keeps instead is each extraction name's fate over the whole
//! archive ([`NameFate`], its `fates` parts): `person:volcker` went to `person:paul-volcker`
//! in 12 articles by collection evidence; `person:reuter` was left out as a sign-off. Only
//! verdicts on the name itself count, not those read off one article's text (`Brown` is
//! Brown and Sons Inc in the articles that name that firm: [`Rule::reads_the_article`]);
//! those are kept too, so a link to a name the archive placed elsewhere says where.
//! The reader's own articles are first resolved among themselves; then every name their rules
//! left on its own name takes the archive's verdict, when the archive decided one way
//! ([`NameFate::verdict`]): the name never stayed an entity of its own there, and all its
//! articles sent it to one entity (or all left it out). A name the archive split between
//! entities (`Baker`: James Baker in some articles, Howard Baker in others) stays as the
//! reader's articles resolved it: the archive's choice depended on each article's context,
//! which a lookup by name does not have. Every move is a decision of its own rule
//! ([`Rule::Archive`]) with the archive's evidence, and the reader's hand edits still apply
//! after it.

use super::collection::{EntityReader, Fate, Local};
use super::decisions::{Decisions, Rule};
use super::names;
use super::rewrite::Canonicals;
use crate::article_source::AnnotationSource;
use crate::extract::{Annotations, EntityId, EntityKind};
use std::collections::{HashMap, HashSet};

/// What a collection's resolve stage did with one extraction name (one extraction id) in
/// all its articles.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NameFate {
    /// The id extraction gave (`person:volcker`).
    pub from: String,
    /// Whether the collection has an entity of that id too: the name stayed itself (or
    /// others were merged into it) somewhere.
    pub kept: bool,
    /// Where its articles sent it, most articles first.
    pub merged: Vec<MergedTo>,
    /// Where it was left out, most articles first.
    pub dropped: Vec<DroppedBy>,
}

/// A resolved entity a name was merged into.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergedTo {
    /// The resolved entity's id.
    pub into: String,
    /// Its name (its id is `kind:slug` of it).
    pub name: String,
    /// The rule, as [`Rule::describe`] words it.
    pub rule: String,
    /// In how many articles.
    pub articles: u32,
    /// Whether the rule read the article's own text ([`Rule::reads_the_article`]): such a
    /// merge is that article's, no verdict on the name.
    pub reads_the_article: bool,
}

/// A rule that left a name out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DroppedBy {
    /// The rule, as [`Rule::describe`] words it.
    pub rule: String,
    /// In how many articles.
    pub articles: u32,
    /// Whether the rule read the article's own text ([`Rule::reads_the_article`]).
    pub reads_the_article: bool,
}

/// What the reader's articles take from a [`NameFate`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// The name goes into this entity.
    Join {
        /// Its kind.
        kind: EntityKind,
        /// Its name as the archive writes it (its id follows from kind and name).
        name: String,
        /// The archive's evidence, for the entity page.
        evidence: String,
    },
    /// The name is left out.
    Drop {
        /// The archive's evidence.
        evidence: String,
    },
}

impl NameFate {
    /// The verdict when the collection decided one way: the name is no entity of its own
    /// there, and every article sent it to the same entity, or every article left it out,
    /// by rules on the name itself (those that read an article's text are that article's).
    pub fn verdict(&self) -> Option<Verdict> {
        if self.kept {
            return None;
        }
        let in_articles = |n: u32| format!("{n} of its articles");
        let merged: Vec<&MergedTo> = self
            .merged
            .iter()
            .filter(|m| !m.reads_the_article)
            .collect();
        let dropped: Vec<&DroppedBy> = self
            .dropped
            .iter()
            .filter(|d| !d.reads_the_article)
            .collect();
        match (merged.as_slice(), dropped.as_slice()) {
            ([merge], []) => {
                let into = EntityId(merge.into.clone());
                let kind = into.kind()?;
                // A name whose id does not follow from it would not join the archive's.
                (EntityId::new(kind, &merge.name) == into).then(|| Verdict::Join {
                    kind,
                    name: merge.name.clone(),
                    evidence: format!(
                        "the archive sends {} to {} in {} ({})",
                        self.from,
                        merge.into,
                        in_articles(merge.articles),
                        merge.rule
                    ),
                })
            }
            ([], [_, ..]) => Some(Verdict::Drop {
                evidence: format!(
                    "the archive leaves {} out in {} ({})",
                    self.from,
                    in_articles(dropped.iter().map(|d| d.articles).sum()),
                    dropped
                        .iter()
                        .map(|d| d.rule.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            }),
            _ => None,
        }
    }
}

/// Every name `decisions` merged elsewhere or left out, by extraction id, sorted by it;
/// `kept` says whether the collection has an entity of that id, `name_of` names a resolved
/// entity (a merge into an entity it cannot name is left out of the fate).
pub fn fates_of(
    decisions: &Decisions,
    kept: impl Fn(&EntityId) -> bool,
    name_of: impl Fn(&EntityId) -> Option<String>,
) -> Vec<NameFate> {
    let mut by_from: HashMap<&EntityId, NameFate> = HashMap::new();
    for merge in &decisions.merges {
        // Kept apart is a name staying itself; its id is the collection's entity.
        if merge.into == merge.from || merge.rule == Rule::KeptApart {
            continue;
        }
        let Some(name) = name_of(&merge.into) else {
            continue;
        };
        let fate = by_from.entry(&merge.from).or_default();
        let reads_the_article = merge.rule.reads_the_article();
        match fate
            .merged
            .iter_mut()
            .find(|m| m.into == merge.into.0 && m.reads_the_article == reads_the_article)
        {
            // The same name sent to the same entity by two rules: one line, both rules.
            Some(known) => {
                known.articles += merge.articles as u32;
                known.rule = format!("{}, {}", known.rule, merge.rule.describe());
            }
            None => fate.merged.push(MergedTo {
                into: merge.into.0.clone(),
                name,
                rule: merge.rule.describe().to_string(),
                articles: merge.articles as u32,
                reads_the_article,
            }),
        }
    }
    for drop in &decisions.drops {
        by_from
            .entry(&drop.from)
            .or_default()
            .dropped
            .push(DroppedBy {
                rule: drop.rule.describe().to_string(),
                articles: drop.articles as u32,
                reads_the_article: drop.rule.reads_the_article(),
            });
    }
    let mut fates: Vec<NameFate> = by_from
        .into_iter()
        .map(|(from, mut fate)| {
            fate.from = from.0.clone();
            fate.kept = kept(from);
            crate::sort::by(&mut fate.merged, |a, b| {
                b.articles.cmp(&a.articles).then(a.into.cmp(&b.into))
            });
            crate::sort::by(&mut fate.dropped, |a, b| {
                b.articles.cmp(&a.articles).then(a.rule.cmp(&b.rule))
            });
            fate
        })
        .collect();
    crate::sort::unstable_by(&mut fates, |a, b| a.from.cmp(&b.from));
    fates
}

/// The archive's verdicts, by extraction id, for [`super::Prepared::join_archive`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArchiveVerdicts(HashMap<EntityId, Verdict>);

impl ArchiveVerdicts {
    /// The verdicts of `fates` (a fate with none adds nothing).
    pub fn of<'a>(fates: impl IntoIterator<Item = &'a NameFate>) -> Self {
        Self(
            fates
                .into_iter()
                .filter_map(|f| Some((EntityId(f.from.clone()), f.verdict()?)))
                .collect(),
        )
    }

    /// Whether there is none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// The extraction ids of `annotations`' entities, each once, sorted: the names to look up.
pub fn extraction_ids(annotations: &[Annotations]) -> Vec<String> {
    let mut ids: Vec<String> = annotations
        .iter()
        .flat_map(|a| a.entities.iter().map(|e| e.id.0.clone()))
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    crate::sort::unstable(&mut ids);
    ids
}

/// Gives every local the reader's rules left on its own name the archive's verdict;
/// returns how many moved. `annotations` are the ones the locals were read from.
pub(super) fn apply(
    verdicts: &ArchiveVerdicts,
    annotations: AnnotationSource<'_>,
    locals: &mut [Local],
    canonicals: &mut Canonicals,
) -> usize {
    if verdicts.is_empty() {
        return 0;
    }
    let mut vacated: HashSet<(EntityKind, String)> = HashSet::new();
    let mut moved = 0;
    let mut read = EntityReader::new(annotations);
    for local in locals.iter_mut() {
        let Fate::Kept {
            kind,
            key,
            because: None,
            role,
        } = &local.fate
        else {
            continue;
        };
        let Some(from) = read.entity(local).map(|entity| &entity.id) else {
            continue;
        };
        let Some(verdict) = verdicts.0.get(from) else {
            continue;
        };
        vacated.insert((*kind, key.to_string()));
        local.fate = match verdict {
            Verdict::Join {
                kind,
                name,
                evidence,
            } => {
                let key = names::key(&names::clean(name));
                canonicals.insert((*kind, key.clone()), name.clone());
                Fate::Kept {
                    kind: *kind,
                    key: key.into(),
                    because: Some((Rule::Archive, evidence.as_str().into())),
                    role: role.clone(),
                }
            }
            Verdict::Drop { evidence } => Fate::Dropped(Rule::Archive, evidence.as_str().into()),
        };
        moved += 1;
    }
    // An entity every local left has no name: an edit naming it finds nothing, as for an
    // entity the collection does not have.
    for local in locals.iter() {
        if let Some((kind, key)) = local.target() {
            vacated.remove(&(kind, key.to_string()));
        }
    }
    for target in vacated {
        canonicals.remove(&target);
    }
    moved
}

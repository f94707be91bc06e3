//! Hand edits ([`super::aliases`]) applied to the resolved entities: the last step of the
//! resolve stage, after every automatic rule and before the rewrite, so a merged or split
//! name carries its mentions, quotes and aliases with it exactly as an automatic merge does.
//!
//! Each local entity (an article's entity) that an edit moves keeps its previous reason in
//! its new one ("merged by hand into person:james-baker; before: same article names the
//! full name"), so the entity page and `--explain` show both. An edit whose entity is not
//! in this collection (the articles changed since it was made) does nothing and says so.

use super::aliases::{Action, Curation, Edit};
use super::collection::{Fate, Local};
use super::decisions::{Curated, Rule};
use super::names;
use super::repeats::Repeats;
use super::rewrite::Canonicals;
use crate::extract::{EntityId, EntityKind};
use std::collections::HashMap;

type Target = (EntityKind, String);

/// The resolved entities while edits apply: names, members and ids, kept in step.
struct Entities<'a> {
    locals: &'a mut [Local],
    canonicals: &'a mut Canonicals,
    /// Each resolved entity's locals.
    members: HashMap<Target, Vec<usize>>,
    /// Each resolved entity by id.
    ids: HashMap<EntityId, Target>,
    /// For outcomes in articles: a local stands for every copy of its story.
    repeats: &'a Repeats,
}

/// Applies the edits in order; returns what each did.
pub fn apply(
    curation: &Curation,
    locals: &mut [Local],
    canonicals: &mut Canonicals,
    repeats: &Repeats,
) -> Vec<Curated> {
    if curation.is_empty() {
        return Vec::new();
    }
    let mut members: HashMap<Target, Vec<usize>> = HashMap::new();
    for (i, local) in locals.iter().enumerate() {
        if let Some((kind, key)) = local.target() {
            members.entry((kind, key.to_string())).or_default().push(i);
        }
    }
    let ids = canonicals
        .iter()
        .map(|((kind, key), name)| (EntityId::new(*kind, name), (*kind, key.clone())))
        .collect();
    let mut entities = Entities {
        locals,
        canonicals,
        members,
        ids,
        repeats,
    };
    curation
        .edits
        .iter()
        .map(|edit| Curated::of(edit, entities.apply(edit)))
        .collect()
}

/// What an applied edit did, and the entity it leaves.
type Applied = Result<(String, Option<EntityId>), String>;

impl Entities<'_> {
    fn apply(&mut self, edit: &Edit) -> Applied {
        let note = edit.note_suffix();
        let entity = edit.action.entity();
        let Some(target) = self.ids.get(entity).cloned() else {
            return Err(format!(
                "not applied: no entity {entity} in these articles (renamed, merged or gone since the edit was made?)"
            ));
        };
        match &edit.action {
            Action::Rename { name, .. } => self.rename(&target, entity, name, &note),
            Action::Merge { into, .. } => {
                let Some(into_target) = self.ids.get(into).cloned() else {
                    return Err(format!("not applied: no entity {into} in these articles"));
                };
                if into_target == target {
                    return Err(format!("not applied: {entity} is {into} already"));
                }
                let why = format!("merged by hand into {into}{note}");
                let moved = self.move_members(&target, &into_target, |_| true, &why);
                self.forget(&target);
                Ok((
                    format!("{} moved into {into}", in_articles(moved)),
                    Some(into.clone()),
                ))
            }
            Action::Split { name, .. } => {
                let key = names::key(&names::clean(name));
                if key == target.1 {
                    return Err(format!(
                        "not applied: “{name}” is {entity}'s own name; rename it instead"
                    ));
                }
                let to = (target.0, key.clone());
                let why = format!("split off {entity} by hand{note}");
                let moved = self.move_members(&target, &to, |l| *l.key == *key, &why);
                if moved == 0 {
                    return Err(format!(
                        "not applied: no name “{name}” is merged into {entity}"
                    ));
                }
                let id = self.name_entity(&to, name);
                Ok((format!("{} now in {id}", in_articles(moved)), Some(id)))
            }
            Action::SetKind { kind, .. } => {
                if *kind == target.0 {
                    return Err(format!(
                        "not applied: {entity} is already of kind {}",
                        kind.as_str()
                    ));
                }
                let to = (*kind, target.1.clone());
                let name = self.canonicals.get(&target).cloned().unwrap_or_default();
                let why = format!("kind set to {} by hand{note}", kind.as_str());
                let moved = self.move_members(&target, &to, |_| true, &why);
                self.forget(&target);
                let id = self.name_entity(&to, &name);
                Ok((format!("{} now in {id}", in_articles(moved)), Some(id)))
            }
            Action::Hide { .. } => {
                let why = format!("hidden as noise by hand{note}");
                let hidden = self.members.remove(&target).unwrap_or_default();
                for &i in &hidden {
                    self.locals[i].fate = Fate::Dropped(Rule::Curated, why.as_str().into());
                }
                let count = self.articles(&hidden);
                self.forget(&target);
                Ok((format!("{} left out", in_articles(count)), None))
            }
        }
    }

    fn rename(&mut self, target: &Target, entity: &EntityId, name: &str, note: &str) -> Applied {
        let id = EntityId::new(target.0, name);
        if id.as_str().ends_with(':') {
            return Err(format!("not applied: “{name}” has no letters or digits"));
        }
        if id != *entity && self.ids.contains_key(&id) {
            return Err(format!(
                "not applied: {id} already exists; merge {entity} into it instead"
            ));
        }
        let why = format!("renamed by hand from {entity}{note}");
        for &i in self.members.get(target).into_iter().flatten() {
            let local = &mut self.locals[i];
            if let Fate::Kept { because, .. } = &mut local.fate
                && because.is_none()
            {
                *because = Some((Rule::Curated, why.as_str().into()));
            }
        }
        self.ids.remove(entity);
        self.ids.insert(id.clone(), target.clone());
        self.canonicals.insert(target.clone(), name.to_string());
        Ok((format!("now named “{name}”, {id}"), Some(id)))
    }

    /// Moves the members of `from` that `pick` chooses into `to`, each with `why` (and the
    /// reason it had before); returns how many.
    fn move_members(
        &mut self,
        from: &Target,
        to: &Target,
        pick: impl Fn(&Local) -> bool,
        why: &str,
    ) -> usize {
        let old = self.members.remove(from).unwrap_or_default();
        let (moving, staying): (Vec<usize>, Vec<usize>) =
            old.into_iter().partition(|&i| pick(&self.locals[i]));
        if !staying.is_empty() {
            self.members.insert(from.clone(), staying);
        }
        for &i in &moving {
            let local = &mut self.locals[i];
            if let Fate::Kept {
                kind, key, because, ..
            } = &mut local.fate
            {
                let evidence = match because.take() {
                    Some((rule, before)) if rule != Rule::Curated => {
                        format!("{why}; before: {}, {before}", rule.describe())
                    }
                    Some((_, before)) => format!("{why}; before: {before}"),
                    None => why.to_string(),
                };
                *kind = to.0;
                *key = to.1.as_str().into();
                *because = Some((Rule::Curated, evidence.into()));
            }
        }
        let count = self.articles(&moving);
        self.members.entry(to.clone()).or_default().extend(moving);
        count
    }

    /// The articles these locals stand for, their stories' repeats included.
    fn articles(&self, locals: &[usize]) -> usize {
        locals
            .iter()
            .map(|&i| self.repeats.copies(self.locals[i].article as usize))
            .sum()
    }

    /// Gives `target` a name if it has none yet (a new entity), and returns its id.
    fn name_entity(&mut self, target: &Target, name: &str) -> EntityId {
        let name = self
            .canonicals
            .entry(target.clone())
            .or_insert_with(|| name.to_string())
            .clone();
        let id = EntityId::new(target.0, &name);
        self.ids.insert(id.clone(), target.clone());
        id
    }

    fn forget(&mut self, target: &Target) {
        if let Some(name) = self.canonicals.remove(target) {
            self.ids.remove(&EntityId::new(target.0, &name));
        }
    }
}

/// "its name in 3 articles", for outcomes.
pub(crate) fn in_articles(n: usize) -> String {
    format!("its name in {n} article{}", if n == 1 { "" } else { "s" })
}

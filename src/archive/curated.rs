//! A reader's hand edits ([`crate::resolve::aliases`]) over an archive, applied as it is
//! read.
//!
//! An archive's entities were resolved when it was built, and its parts are immutable: the
//! edits a reader makes in the browser reach everyone when the archive is rebuilt with the
//! exported `aliases.toml` (the resolve stage applies them then, `resolve/curation.rs`).
//! Until then they apply in that browser as an [`Overlay`] on what the parts say, at both
//! ends of every question:
//!
//! - **in**: a filter's entity or speaker id reads the postings of the archive keys it
//!   stands for now ([`Overlay::members`]): a merged entity reads the union of its own and
//!   its merged entities' postings, a renamed one its old key's, a hidden or merged-away id
//!   nothing;
//! - **out**: every facet value, find-box value, entity-table row, network node, entity page
//!   and quote speaker shows the id and name an archive key has now ([`Overlay::shown`]),
//!   hidden keys are left out, and the keys now one entity are counted together (the union
//!   of their articles, never a sum).
//!
//! Edits apply in order, each to what the previous ones left, as the resolve stage applies
//! them, with the same outcomes and the same refusals (an id no entity has, a rename onto an
//! existing id, a kind it already has). One edit cannot apply here: a split moves the
//! articles that wrote one merged name, and an archive does not keep which articles those
//! were; it is listed as waiting for the rebuild.

use crate::extract::{EntityId, EntityKind};
use crate::resolve::Curated;
use crate::resolve::aliases::{Action, Curation};
use crate::resolve::curation::in_articles;
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

/// An entity an edit made or grew: the archive keys it stands for and its name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// Archive keys, the one whose name and profile the entity keeps first.
    pub members: Vec<String>,
    /// Display name.
    pub name: String,
}

/// How an archive key is shown now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown<'a> {
    /// As the archive has it.
    Same,
    /// Under another id (renamed, merged, kind changed), with the entity's name.
    As {
        /// The id.
        id: &'a str,
        /// Its name.
        name: &'a str,
    },
    /// Left out (hidden as noise).
    Hidden,
}

/// The edits in effect over one archive (see the module doc). Empty: the archive as built.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Overlay {
    /// Each archive key an edit moved or hid: the id it is shown under, `None` when hidden.
    moved: HashMap<String, Option<String>>,
    /// Each id an edit made or grew.
    groups: HashMap<String, Group>,
    /// Ids that no longer name an entity (renamed, merged away, hidden).
    retired: HashSet<String>,
    /// Why each archive key an edit moved is where it is, worded as the resolve stage
    /// words it for the entity page's merged names ("merged by hand into place:texas").
    why: HashMap<String, String>,
}

/// What an entity id stands for while edits apply.
struct Current {
    members: Vec<String>,
    name: String,
    articles: usize,
}

impl Overlay {
    /// Applies `curation`'s edits in order over an archive whose entities `entity` looks up
    /// (an archive key's name and documents, `None` when no article names it); returns the
    /// overlay and each edit's outcome, as [`crate::resolve`] words them.
    pub fn build<'d>(
        curation: &Curation,
        entity: impl Fn(&str) -> Option<(&'d str, &'d [u32])>,
    ) -> (Overlay, Vec<Curated>) {
        let mut overlay = Overlay::default();
        let outcomes = curation
            .edits
            .iter()
            .map(|edit| {
                Curated::of(
                    edit,
                    overlay.apply(&edit.action, &edit.note_suffix(), &entity),
                )
            })
            .collect();
        (overlay, outcomes)
    }

    /// Whether no edit is in effect.
    pub fn is_empty(&self) -> bool {
        self.moved.is_empty() && self.groups.is_empty()
    }

    /// The archive keys a filter's id `id` reads now: its group's, none when it was renamed,
    /// merged away or hidden, else itself.
    pub fn members<'a>(&'a self, id: &'a str) -> Cow<'a, [String]> {
        if let Some(group) = self.groups.get(id) {
            Cow::Borrowed(&group.members)
        } else if self.retired.contains(id) || self.moved.contains_key(id) {
            Cow::Owned(Vec::new())
        } else {
            Cow::Owned(vec![id.to_string()])
        }
    }

    /// How archive key `key` is shown now.
    pub fn shown(&self, key: &str) -> Shown<'_> {
        match self.moved.get(key) {
            None => Shown::Same,
            Some(None) => Shown::Hidden,
            Some(Some(id)) => {
                let name = self.groups.get(id).map_or("", |g| g.name.as_str());
                Shown::As { id, name }
            }
        }
    }

    /// Why an edit moved archive key `key` (as the resolve stage words it), if one did.
    pub fn why(&self, key: &str) -> Option<&str> {
        self.why.get(key).map(String::as_str)
    }

    /// Records why `keys` moved: a rename names only keys no edit moved before, a merge or
    /// a kind keeps what each said before (as `resolve::curation` does).
    fn moved_because(&mut self, keys: &[String], why: &str, keeps_before: bool) {
        for key in keys {
            let said = match self.why.get(key) {
                None => why.to_string(),
                Some(_) if !keeps_before => continue,
                Some(before) => format!("{why}; before: {before}"),
            };
            self.why.insert(key.clone(), said);
        }
    }

    /// The entity `id` an edit made or grew, if one did.
    pub fn group(&self, id: &str) -> Option<&Group> {
        self.groups.get(id)
    }

    /// The entities edits made or grew, by id.
    pub fn groups(&self) -> impl Iterator<Item = (&str, &Group)> {
        self.groups.iter().map(|(id, group)| (id.as_str(), group))
    }

    /// What `id` stands for now, or `None` when no entity has it.
    fn current<'d>(
        &self,
        id: &str,
        entity: &impl Fn(&str) -> Option<(&'d str, &'d [u32])>,
    ) -> Option<Current> {
        let members = self.members(id);
        let mut docs: Vec<u32> = Vec::new();
        let mut name = None;
        for member in members.iter() {
            if let Some((its_name, its_docs)) = entity(member) {
                name.get_or_insert(its_name);
                docs.extend_from_slice(its_docs);
            }
        }
        let name = match self.groups.get(id) {
            Some(group) => group.name.clone(),
            None => name?.to_string(),
        };
        crate::sort::unstable(&mut docs);
        docs.dedup();
        Some(Current {
            members: members.into_owned(),
            name,
            articles: docs.len(),
        })
    }

    /// `from`'s members become `to` (all of `to`'s members: the caller joins them), named
    /// `name`, and `from` names nothing any more.
    fn regroup(&mut self, from: &str, to: &str, members: Vec<String>, name: String) {
        self.groups.remove(from);
        if from != to {
            self.retired.insert(from.to_string());
        }
        self.retired.remove(to);
        for member in &members {
            self.moved.insert(member.clone(), Some(to.to_string()));
        }
        self.groups.insert(to.to_string(), Group { members, name });
    }

    fn apply<'d>(
        &mut self,
        action: &Action,
        note: &str,
        entity: &impl Fn(&str) -> Option<(&'d str, &'d [u32])>,
    ) -> Result<(String, Option<EntityId>), String> {
        let id = action.entity();
        let Some(current) = self.current(id.as_str(), entity) else {
            return Err(format!(
                "not applied: no entity {id} in this archive (renamed, merged or gone since the edit was made?)"
            ));
        };
        let kind = id.kind().unwrap_or(EntityKind::Misc);
        match action {
            Action::Rename { name, .. } => {
                let new = EntityId::new(kind, name);
                if new.as_str().ends_with(':') {
                    return Err(format!("not applied: “{name}” has no letters or digits"));
                }
                if new != *id && self.current(new.as_str(), entity).is_some() {
                    return Err(format!(
                        "not applied: {new} already exists; merge {id} into it instead"
                    ));
                }
                let why = format!("renamed by hand from {id}{note}");
                self.moved_because(&current.members, &why, false);
                self.regroup(id.as_str(), new.as_str(), current.members, name.clone());
                Ok((format!("now named “{name}”, {new}"), Some(new)))
            }
            Action::Merge { into, .. } => {
                let Some(target) = self.current(into.as_str(), entity) else {
                    return Err(format!("not applied: no entity {into} in this archive"));
                };
                if into == id || target.members == current.members {
                    return Err(format!("not applied: {id} is {into} already"));
                }
                let why = format!("merged by hand into {into}{note}");
                self.moved_because(&current.members, &why, true);
                let mut members = target.members;
                members.extend(current.members);
                self.regroup(id.as_str(), into.as_str(), members, target.name);
                Ok((
                    format!("{} moved into {into}", in_articles(current.articles)),
                    Some(into.clone()),
                ))
            }
            Action::SetKind { kind: to_kind, .. } => {
                if *to_kind == kind {
                    return Err(format!(
                        "not applied: {id} is already of kind {}",
                        to_kind.as_str()
                    ));
                }
                let slug = id.as_str().split_once(':').map_or("", |(_, slug)| slug);
                let new = EntityId(format!("{}:{slug}", to_kind.as_str()));
                let why = format!("kind set to {} by hand{note}", to_kind.as_str());
                self.moved_because(&current.members, &why, true);
                // Onto an entity of that kind and name: they become one, its name kept.
                let (members, name) = match self.current(new.as_str(), entity) {
                    Some(there) => {
                        let mut members = there.members;
                        members.extend(current.members);
                        (members, there.name)
                    }
                    None => (current.members, current.name),
                };
                self.regroup(id.as_str(), new.as_str(), members, name);
                Ok((
                    format!("{} now in {new}", in_articles(current.articles)),
                    Some(new),
                ))
            }
            Action::Hide { .. } => {
                self.groups.remove(id.as_str());
                self.retired.insert(id.to_string());
                for member in current.members {
                    self.moved.insert(member, None);
                }
                Ok((
                    format!("{} left out", in_articles(current.articles)),
                    None,
                ))
            }
            Action::Split { .. } => Err(
                "waits for the rebuild: an archive does not keep which of its articles wrote each merged name; rebuild it with the exported aliases.toml to split"
                    .to_string(),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resolve::aliases::Edit;

    /// An archive of four entities: James Baker (docs 1, 2), Baker (2, 3), Howard Baker (4),
    /// Reuter (every doc).
    fn entity(key: &str) -> Option<(&'static str, &'static [u32])> {
        match key {
            "person:james-baker" => Some(("James Baker", &[1, 2])),
            "person:baker" => Some(("Baker", &[2, 3])),
            "person:howard-baker" => Some(("Howard Baker", &[4])),
            "organization:reuter" => Some(("REUTER", &[1, 2, 3, 4])),
            _ => None,
        }
    }

    fn id(s: &str) -> EntityId {
        EntityId(s.to_string())
    }

    fn curation(actions: Vec<Action>) -> Curation {
        Curation {
            edits: actions
                .into_iter()
                .map(|action| Edit {
                    action,
                    note: None,
                    line: None,
                })
                .collect(),
        }
    }

    #[test]
    fn a_merge_reads_both_and_shows_one() {
        let (overlay, outcomes) = Overlay::build(
            &curation(vec![Action::Merge {
                entity: id("person:baker"),
                into: id("person:james-baker"),
            }]),
            entity,
        );
        assert!(outcomes[0].applied, "{}", outcomes[0].outcome);
        assert_eq!(
            outcomes[0].outcome,
            "its name in 2 articles moved into person:james-baker"
        );
        assert_eq!(
            overlay.members("person:james-baker").as_ref(),
            ["person:james-baker", "person:baker"]
        );
        assert!(overlay.members("person:baker").is_empty());
        assert_eq!(
            overlay.shown("person:baker"),
            Shown::As {
                id: "person:james-baker",
                name: "James Baker"
            }
        );
        // Howard Baker stays apart.
        assert_eq!(overlay.shown("person:howard-baker"), Shown::Same);
        assert_eq!(
            overlay.members("person:howard-baker").as_ref(),
            ["person:howard-baker"]
        );
    }

    #[test]
    fn a_rename_moves_the_id_and_refuses_an_existing_one() {
        let (overlay, outcomes) = Overlay::build(
            &curation(vec![
                Action::Rename {
                    entity: id("person:howard-baker"),
                    name: "James Baker".into(),
                },
                Action::Rename {
                    entity: id("person:howard-baker"),
                    name: "Howard H. Baker Jr.".into(),
                },
            ]),
            entity,
        );
        assert!(!outcomes[0].applied);
        assert_eq!(
            outcomes[0].outcome,
            "not applied: person:james-baker already exists; merge person:howard-baker into it instead"
        );
        assert!(outcomes[1].applied);
        assert_eq!(outcomes[1].entity, Some(id("person:howard-h-baker-jr")));
        assert_eq!(
            overlay.members("person:howard-h-baker-jr").as_ref(),
            ["person:howard-baker"]
        );
        assert!(overlay.members("person:howard-baker").is_empty());
        assert_eq!(
            overlay.shown("person:howard-baker"),
            Shown::As {
                id: "person:howard-h-baker-jr",
                name: "Howard H. Baker Jr."
            }
        );
    }

    #[test]
    fn edits_apply_to_what_the_previous_ones_left() {
        let (overlay, outcomes) = Overlay::build(
            &curation(vec![
                Action::Rename {
                    entity: id("person:baker"),
                    name: "Baker (Treasury)".into(),
                },
                // The old id is gone: this edit does nothing and says so.
                Action::Hide {
                    entity: id("person:baker"),
                },
                Action::Merge {
                    entity: id("person:baker-treasury"),
                    into: id("person:james-baker"),
                },
                Action::Rename {
                    entity: id("person:james-baker"),
                    name: "James A. Baker".into(),
                },
            ]),
            entity,
        );
        let applied: Vec<bool> = outcomes.iter().map(|o| o.applied).collect();
        assert_eq!(applied, [true, false, true, true]);
        assert_eq!(
            overlay.members("person:james-a-baker").as_ref(),
            ["person:james-baker", "person:baker"]
        );
        for gone in [
            "person:baker",
            "person:baker-treasury",
            "person:james-baker",
        ] {
            assert!(overlay.members(gone).is_empty(), "{gone}");
        }
        assert_eq!(
            overlay.shown("person:baker"),
            Shown::As {
                id: "person:james-a-baker",
                name: "James A. Baker"
            }
        );
    }

    #[test]
    fn a_kind_change_onto_an_existing_entity_joins_it() {
        let (overlay, outcomes) = Overlay::build(
            &curation(vec![
                Action::SetKind {
                    entity: id("organization:reuter"),
                    kind: EntityKind::Person,
                },
                Action::SetKind {
                    entity: id("person:reuter"),
                    kind: EntityKind::Person,
                },
                Action::Rename {
                    entity: id("person:baker"),
                    name: "Reuter".into(),
                },
            ]),
            entity,
        );
        assert!(outcomes[0].applied);
        assert_eq!(
            outcomes[0].outcome,
            "its name in 4 articles now in person:reuter"
        );
        assert!(!outcomes[1].applied, "already a person");
        assert!(!outcomes[2].applied, "person:reuter exists now");
        assert_eq!(
            overlay.shown("organization:reuter"),
            Shown::As {
                id: "person:reuter",
                name: "REUTER"
            }
        );
    }

    #[test]
    fn hidden_and_unknown_and_split() {
        let (overlay, outcomes) = Overlay::build(
            &curation(vec![
                Action::Hide {
                    entity: id("organization:reuter"),
                },
                Action::Hide {
                    entity: id("person:nobody"),
                },
                Action::Split {
                    entity: id("person:james-baker"),
                    name: "Baker".into(),
                },
            ]),
            entity,
        );
        assert_eq!(outcomes[0].outcome, "its name in 4 articles left out");
        assert_eq!(outcomes[0].entity, None);
        assert!(
            outcomes[1]
                .outcome
                .starts_with("not applied: no entity person:nobody")
        );
        assert!(!outcomes[2].applied);
        assert!(outcomes[2].outcome.starts_with("waits for the rebuild"));
        assert_eq!(overlay.shown("organization:reuter"), Shown::Hidden);
        assert!(overlay.members("organization:reuter").is_empty());
        assert_eq!(overlay.shown("person:james-baker"), Shown::Same);
    }

    #[test]
    fn no_edit_is_no_overlay() {
        let (overlay, outcomes) = Overlay::build(&Curation::default(), entity);
        assert!(overlay.is_empty() && outcomes.is_empty());
        assert_eq!(overlay.members("person:baker").as_ref(), ["person:baker"]);
    }
}

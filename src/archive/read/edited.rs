//! Reading through a reader's hand edits ([`crate::archive::curated`]): the values of the
//! catalogue's facet tables as the edits show them, and an entity page of several archive
//! keys. Only called when an edit is in effect, so an archive read as built takes none of
//! these paths.

use super::{ArchiveEntity, Decoded, EntityShown, Lookup};
use crate::archive::codec::PartName;
use crate::archive::curated::Shown;
use crate::archive::names::{self, NameEntry, NamesPart};
use crate::archive::parts::{DocEntry, FacetTable};
use crate::archive::profiles::{MergedName, ProfileEntry};
use crate::extract::EntityKind;
use crate::index::DocSet;
use crate::query::FacetValue;
use crate::query::entity_table::{EntityRow, RowKind};
use crate::query::network::Node;
use crate::resolve::Rule;
use std::borrow::Cow;
use std::collections::BTreeSet;

/// A facet value as the edits show it.
pub(super) struct EditedValue<'a> {
    /// Its id (entity id or speaker key).
    pub key: String,
    /// Its name.
    pub label: String,
    /// The list it goes to: for entities its kind's ([`kind_list`]), for speakers 0.
    pub list: usize,
    /// Its documents, ascending; `None` while a part is missing or not asked for.
    pub docs: Option<Cow<'a, [u32]>>,
    /// Its articles in the whole archive.
    pub count: u32,
    /// Where its archive keys stand in the tables read: `(table, value)`.
    pub at: Vec<(usize, usize)>,
    /// Its place in its list, for ties: the first place one of its keys has in its list's
    /// own table (the index's order, which a rebuild keeps for a renamed or merged entity),
    /// else after them (an entity whose kind changed).
    order: usize,
}

/// The list of an entity kind: people, organisations, places, other names (the order of
/// the catalogue's facet tables, other names last).
const fn kind_list(kind: EntityKind) -> usize {
    match kind {
        EntityKind::Person => 0,
        EntityKind::Organization => 1,
        EntityKind::Place => 2,
        EntityKind::Misc => 3,
    }
}

/// The kind of an entity list ([`kind_list`]'s inverse).
pub(super) const fn list_kind(list: usize) -> EntityKind {
    match list {
        0 => EntityKind::Person,
        1 => EntityKind::Organization,
        2 => EntityKind::Place,
        _ => EntityKind::Misc,
    }
}

/// The list an id's kind files it in (speakers: always 0).
fn list_of(id: &str, speakers: bool) -> usize {
    if speakers {
        return 0;
    }
    kind_list(EntityKind::of_id(id).unwrap_or(EntityKind::Misc))
}

impl<'a> Lookup<'a> {
    /// The documents of filter id `id` in keyed buckets `buckets` (entities or speakers):
    /// the union of the archive keys it stands for now.
    pub(super) fn docs_of(&self, buckets: &[PartName], id: &str) -> Cow<'a, [u32]> {
        let overlay = &self.archive.overlay;
        if overlay.is_empty() {
            return Cow::Borrowed(self.keyed(buckets, id).map_or(&[], |k| k.docs.as_slice()));
        }
        let members = overlay.members(id);
        match members.as_ref() {
            [] => Cow::Borrowed(&[]),
            [only] => Cow::Borrowed(self.keyed(buckets, only).map_or(&[], |k| k.docs.as_slice())),
            several => {
                let mut docs: Vec<u32> = several
                    .iter()
                    .filter_map(|m| self.keyed(buckets, m))
                    .flat_map(|k| k.docs.iter().copied())
                    .collect();
                crate::sort::unstable(&mut docs);
                docs.dedup();
                Cow::Owned(docs)
            }
        }
    }

    /// The values of `tables` as the edits show them: hidden ones left out, the archive
    /// keys of one entity joined into one value (its documents the union of theirs, from
    /// `buckets`), each in the list its id's kind files it in. Values shown as built come
    /// only from the first `shown_from` tables (the later ones give only values an edit
    /// moved, as other names moved into a facet's kind); their postings are read only with
    /// `postings`.
    pub(super) fn edited_values(
        &self,
        tables: &[&'a FacetTable],
        buckets: &[PartName],
        speakers: bool,
        shown_from: usize,
        postings: bool,
    ) -> Vec<EditedValue<'a>> {
        let overlay = &self.archive.overlay;
        let mut values = Vec::new();
        let mut joined: BTreeSet<&str> = BTreeSet::new();
        for (t, table) in tables.iter().enumerate() {
            let read = postings && t < shown_from;
            let mut docs_of = if read {
                self.facet_postings(table)
            } else {
                Vec::new()
            }
            .into_iter();
            for (i, value) in table.values.iter().enumerate() {
                let docs = docs_of.next().flatten();
                match overlay.shown(&value.key) {
                    Shown::Same if t < shown_from => values.push(EditedValue {
                        key: value.key.clone(),
                        label: value.label.clone(),
                        list: if speakers { 0 } else { t },
                        docs: docs.map(Cow::Borrowed),
                        count: value.count,
                        at: vec![(t, i)],
                        order: i,
                    }),
                    Shown::As { id, .. } => {
                        joined.insert(id);
                    }
                    Shown::Same | Shown::Hidden => {}
                }
            }
        }
        for id in joined {
            let Some(group) = overlay.group(id) else {
                continue;
            };
            let docs = self.docs_of(buckets, id);
            let at: Vec<(usize, usize)> = group
                .members
                .iter()
                .flat_map(|m| {
                    tables.iter().enumerate().filter_map(move |(t, table)| {
                        let i = table.values.iter().position(|v| &v.key == m)?;
                        Some((t, i))
                    })
                })
                .collect();
            let list = list_of(id, speakers);
            let own_table = if speakers { 0 } else { list };
            let order = at
                .iter()
                .filter(|&&(t, _)| t == own_table)
                .map(|&(_, i)| i)
                .min()
                .unwrap_or(usize::MAX);
            values.push(EditedValue {
                key: id.to_string(),
                label: group.name.clone(),
                list,
                count: docs.len() as u32,
                docs: Some(docs),
                at,
                order,
            });
        }
        crate::sort::by(&mut values, |a, b| a.order.cmp(&b.order));
        values
    }

    /// A result list's entry with its quotes' speakers as the edits show them (a hidden
    /// speaker's quotes have none): as stored when no edit is in effect.
    pub(super) fn shown_entry(&self, entry: &DocEntry) -> DocEntry {
        let mut entry = entry.clone();
        if self.archive.overlay.is_empty() {
            return entry;
        }
        for quote in &mut entry.quotes {
            match self.archive.overlay.shown(&quote.speaker) {
                Shown::Same => {}
                Shown::Hidden => {
                    quote.speaker.clear();
                    quote.speaker_name.clear();
                }
                Shown::As { id, name } => {
                    quote.speaker = id.to_string();
                    quote.speaker_name = name.to_string();
                }
            }
        }
        entry
    }

    /// The entity page of id `key`, which the edits made or grew: its archive keys'
    /// articles together, the first key's profile with the others' quotes, aliases and
    /// merged names added, and each other key listed among the merged names, "edited by
    /// hand". `None` when the id names nothing now.
    pub(super) fn edited_page(&self, key: &str, shown: EntityShown) -> Option<ArchiveEntity> {
        let catalogue = self.catalogue();
        let overlay = &self.archive.overlay;
        let members = overlay.members(key);
        let group = overlay.group(key);
        let found: Vec<_> = members
            .iter()
            .filter_map(|m| self.keyed(&catalogue.entities, m))
            .collect();
        let first = found.first()?;
        let docs = self.docs_of(&catalogue.entities, key);
        let profiles: Vec<ProfileEntry> =
            found.iter().filter_map(|k| self.profile(&k.key)).collect();
        let joined_name = group.map_or_else(|| first.name.clone(), |g| g.name.clone());
        let profile = (!profiles.is_empty()).then(|| {
            let mut joined = profiles[0].clone();
            joined.key = key.to_string();
            if first.name != joined_name {
                // Renamed: its name as the archive has it is another name of it now.
                joined.aliases.insert(0, first.name.clone());
            }
            // A key the edits moved is a name merged in by hand: each other key, and the
            // first when renamed or its kind changed.
            let moved = found
                .iter()
                .enumerate()
                .filter(|(i, k)| *i > 0 || k.key != key);
            for (_, moved) in moved {
                joined.merged.push(MergedName {
                    name: moved.name.clone(),
                    from: moved.key.clone(),
                    rule: Rule::Curated.describe().to_string(),
                    evidence: overlay.why(&moved.key).unwrap_or_default().to_string(),
                    articles: moved.docs.len() as u32,
                });
            }
            for other in found.iter().skip(1) {
                let Some(p) = profiles.iter().find(|p| p.key == other.key) else {
                    continue;
                };
                joined.mentions += p.mentions;
                joined.aliases.push(other.name.clone());
                joined.aliases.extend(p.aliases.iter().cloned());
                joined.quotes_by_total += p.quotes_by_total;
                joined.quotes_by.extend(p.quotes_by.iter().cloned());
                joined.quotes_about_total += p.quotes_about_total;
                joined.quotes_about.extend(p.quotes_about.iter().cloned());
                joined.merged.extend(p.merged.iter().cloned());
            }
            joined.aliases.retain(|a| *a != joined_name);
            let mut seen = BTreeSet::new();
            joined.aliases.retain(|a| seen.insert(a.clone()));
            for quotes in [&mut joined.quotes_by, &mut joined.quotes_about] {
                crate::sort::by(quotes, |a, b| (a.doc, a.number).cmp(&(b.doc, b.number)));
                quotes.dedup_by(|a, b| (a.doc, a.number) == (b.doc, b.number));
            }
            joined.co_occurring = self.edited_co_occurring(&joined.co_occurring, members.as_ref());
            joined
        });
        let kind = EntityKind::of_id(key).unwrap_or(EntityKind::Misc);
        Some(self.page_of(joined_name, kind, &docs, profile, shown))
    }

    /// A named-with list as the edits show it: hidden names left out, renamed and merged
    /// ones under their id (their shared articles summed, an upper bound), the entity's own
    /// keys left out.
    fn edited_co_occurring(
        &self,
        listed: &[(String, String, u32)],
        own: &[String],
    ) -> Vec<(String, String, u32)> {
        let mut out: Vec<(String, String, u32)> = Vec::new();
        for (key, name, shared) in listed {
            if own.contains(key) {
                continue;
            }
            let (key, name) = match self.archive.overlay.shown(key) {
                Shown::Hidden => continue,
                Shown::Same => (key.as_str(), name.as_str()),
                Shown::As { id, name } => (id, name),
            };
            match out.iter_mut().find(|(k, ..)| k == key) {
                Some(seen) => seen.2 += shared,
                None => out.push((key.to_string(), name.to_string(), *shared)),
            }
        }
        crate::sort::by(&mut out, |a, b| b.2.cmp(&a.2).then_with(|| a.0.cmp(&b.0)));
        out
    }
}

impl<'a> Lookup<'a> {
    /// A find box's values as the edits show them: the `names` entries of `part` that match
    /// `(start, folded)` (see [`crate::archive::names`]) and no edit moved, and the entities
    /// the edits made or grew whose name matches, hidden ones left out, counted
    /// among `matches` (`whole`: the whole archive). Facet table `table`: 0 people,
    /// 1 organisations, 2 places (a value whose kind was changed moves between them),
    /// 3 speakers.
    pub(super) fn edited_find(
        &self,
        part: &NamesPart,
        table: u8,
        (start, folded): (&str, &str),
        matches: &DocSet,
        whole: bool,
    ) -> Vec<FacetValue> {
        let overlay = &self.archive.overlay;
        let catalogue = self.catalogue();
        let speakers = table == 3;
        let buckets = if speakers {
            &catalogue.speakers
        } else {
            &catalogue.entities
        };
        let mut same: Vec<&NameEntry> = Vec::new();
        for entry in &part.entries {
            if (entry.table == 3) != speakers || !names::matches(entry, start, folded) {
                continue;
            }
            // A moved name is found by its entity's name now, as a rebuilt archive files it.
            if entry.table == table && overlay.shown(&entry.key) == Shown::Same {
                same.push(entry);
            }
        }
        let mut ids: BTreeSet<&str> = BTreeSet::new();
        for (id, group) in overlay.groups() {
            if names::label_matches(&group.name, start, folded) {
                ids.insert(id);
            }
        }
        crate::sort::by(&mut same, |a, b| {
            b.count.cmp(&a.count).then_with(|| a.key.cmp(&b.key))
        });
        if !whole {
            same.truncate(super::FIND_COUNTED);
        }
        let mut values: Vec<FacetValue> = same
            .into_iter()
            .map(|entry| FacetValue {
                key: entry.key.clone(),
                label: entry.label.clone(),
                count: if whole {
                    entry.count
                } else {
                    self.keyed(buckets, &entry.key)
                        .map_or(0, |docs| matches.count_in(&docs.docs) as u32)
                },
            })
            .collect();
        let list = if speakers { 0 } else { usize::from(table) };
        for id in ids.into_iter().filter(|id| list_of(id, speakers) == list) {
            let Some(group) = overlay.group(id) else {
                continue;
            };
            let docs = self.docs_of(buckets, id);
            values.push(FacetValue {
                key: id.to_string(),
                label: group.name.clone(),
                count: matches.count_in(&docs) as u32,
            });
        }
        values.retain(|v| v.count > 0);
        values
    }
}

impl<'a> Lookup<'a> {
    /// The network's candidate nodes as the edits show them: every value of the people,
    /// organisations, places and other names tables named among `matches`, with its
    /// documents.
    pub(super) fn edited_nodes(&self, matches: &DocSet) -> Vec<(Node, Cow<'a, [u32]>)> {
        let c = self.catalogue();
        let [people, organizations, places, _] = &c.facets;
        let tables = [people, organizations, places, &c.misc];
        self.edited_values(&tables, &c.entities, false, 4, true)
            .into_iter()
            .filter_map(|value| {
                let docs = value.docs?;
                let articles = matches.count_in(&docs) as u32;
                let node = Node {
                    key: value.key,
                    name: value.label,
                    kind: list_kind(value.list),
                    articles,
                };
                (articles > 0).then_some((node, docs))
            })
            .collect()
    }

    /// The entity table's rows as the edits show them (see [`super::Archive::entity_rows`]):
    /// an entity the edits joined counts its articles among `matches` once, and the mentions
    /// and quotes its keys' tallies give there.
    pub(super) fn edited_rows(&self, matches: &DocSet) -> Vec<EntityRow> {
        let c = self.catalogue();
        let [people, organizations, places, speakers] = &c.facets;
        let sides = [
            (
                vec![people, organizations, places, &c.misc],
                &c.entities,
                vec![&c.tallies[0], &c.tallies[1], &c.tallies[2], &c.tallies[4]],
                false,
            ),
            (vec![speakers], &c.speakers, vec![&c.tallies[3]], true),
        ];
        let mut rows = Vec::new();
        for (tables, buckets, tallies, speakers) in sides {
            let postings: Vec<_> = tables.iter().map(|t| self.facet_postings(t)).collect();
            let tallied: Vec<_> = tables
                .iter()
                .zip(&tallies)
                .map(|(table, tallies)| {
                    self.per_value(tallies, table.values.len(), |part| match part {
                        Decoded::Tallies(part) => Some(&part.values),
                        _ => None,
                    })
                })
                .collect();
            let shown_from = tables.len();
            for value in self.edited_values(&tables, buckets, speakers, shown_from, true) {
                let Some(docs) = value.docs else {
                    continue;
                };
                let counted = value.at.iter().map(|&(t, i)| {
                    let tally = tallied[t].get(i).copied().flatten();
                    let docs = postings[t].get(i).copied().flatten();
                    (tally, docs)
                });
                let counted: Option<Vec<_>> =
                    counted.map(|(tally, docs)| Some((tally?, docs?))).collect();
                let Some(counted) = counted else {
                    continue;
                };
                if counted.iter().any(|((elsewhere, _), _)| *elsewhere) {
                    continue;
                }
                let mut row = EntityRow {
                    key: value.key,
                    name: value.label,
                    kind: if speakers {
                        RowKind::Speaker
                    } else {
                        RowKind::Entity(list_kind(value.list))
                    },
                    articles: 0,
                    mentions: 0,
                    quotes: 0,
                    first: 0,
                    last: 0,
                };
                for &doc in docs.iter().filter(|&&d| matches.contains(d)) {
                    row.articles += 1;
                    row.dated(self.archive.date_key(doc));
                }
                for ((_, counts), docs) in counted {
                    for (&doc, &(mentions, quotes)) in docs.iter().zip(counts) {
                        if matches.contains(doc) {
                            row.mentions += mentions;
                            row.quotes += quotes;
                        }
                    }
                }
                if row.articles > 0 {
                    rows.push(row);
                }
            }
        }
        rows
    }
}

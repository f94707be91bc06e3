//! What extraction produces, with byte spans into the article text.

use crate::span::ByteSpan;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Kind of a named entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// A person.
    Person,
    /// A company, agency, party, team, institution.
    Organization,
    /// A country, city, region, geographic feature.
    Place,
    /// Other names (nationalities, events, products).
    Misc,
}

impl EntityKind {
    /// The kind an entity id (`kind:slug`, as links write it) names by its prefix.
    pub fn of_id(id: &str) -> Option<Self> {
        Self::parse(id.split_once(':')?.0)
    }

    /// The schema's spelling: `person`, `organization`, `place`, `misc`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Person => "person",
            Self::Organization => "organization",
            Self::Place => "place",
            Self::Misc => "misc",
        }
    }

    /// Reads the schema's spelling.
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "person" => Self::Person,
            "organization" => Self::Organization,
            "place" => Self::Place,
            "misc" => Self::Misc,
            _ => return None,
        })
    }
}

/// A corpus-wide entity id, `kind:slug` as in `person:stanislav-zas`, used in links.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct EntityId(pub String);

impl EntityId {
    /// `kind:slug` of a canonical name: lowercase, accents kept, non-alphanumerics → `-`.
    pub fn new(kind: EntityKind, canonical: &str) -> Self {
        let prefix = kind.as_str();
        let mut id = String::with_capacity(prefix.len() + 1 + canonical.len());
        id.push_str(prefix);
        id.push(':');
        let slug_start = id.len();
        let mut push = |c: char| {
            if c.is_alphanumeric() {
                id.push(c);
            } else if id.len() > slug_start && !id.ends_with('-') {
                id.push('-');
            }
        };
        for c in canonical.chars() {
            if c.is_ascii() {
                // Nearly every letter: no case tables needed.
                push(c.to_ascii_lowercase());
            } else {
                c.to_lowercase().for_each(&mut push);
            }
        }
        if id.ends_with('-') {
            id.pop();
        }
        Self(id)
    }

    /// The id as written in links.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The kind named by the id's prefix.
    pub fn kind(&self) -> Option<EntityKind> {
        EntityKind::of_id(&self.0)
    }
}

impl fmt::Display for EntityId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// One real-world thing named in an article, its aliases merged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// Id, shared by every article that names the same thing.
    pub id: EntityId,
    /// Kind.
    pub kind: EntityKind,
    /// The fullest name used ("Stanislav Zas", "Collective Security Treaty Organization").
    pub canonical: String,
    /// Every other way the article names it ("Zas", "CSTO").
    pub aliases: Vec<String>,
    /// Role or title given to a person ("CSTO Secretary General").
    pub role: Option<String>,
}

/// One mention of an entity in the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityMention {
    /// Where the name is.
    pub span: ByteSpan,
    /// Index into [`Annotations::entities`].
    pub entity: usize,
}

/// TIMEX3 type of a time expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateKind {
    /// A calendar date or period (`2022-11-23`, `2022-W47`, `PRESENT_REF`).
    Date,
    /// A time of day.
    Time,
    /// A length of time (`P2M`).
    Duration,
    /// A recurrence ("every week").
    Set,
}

/// A time expression and its normalised value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateMention {
    /// Where the expression is.
    pub span: ByteSpan,
    /// TIMEX3 value (`2022-11-23`, `XXXX-11-23`, `2022-09-13/2022-09-14`, `P2M`), or `None`
    /// when it cannot be normalised.
    pub value: Option<String>,
    /// TIMEX3 type.
    pub kind: DateKind,
}

/// Direct speech and who said it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// The quotation, marks included.
    pub span: ByteSpan,
    /// Who said it, as a name or a description ("the Prime Minister of Armenia").
    pub speaker: Option<String>,
    /// The speaker's entity, when the speaker is a named entity of the article.
    pub speaker_entity: Option<usize>,
    /// Where the speaker is named or referred to (the cue's subject), if found.
    pub speaker_span: Option<ByteSpan>,
}

/// Everything extracted from one article.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Annotations {
    /// Entities, each once.
    pub entities: Vec<Entity>,
    /// Mentions in text order.
    pub mentions: Vec<EntityMention>,
    /// Time expressions in text order.
    pub dates: Vec<DateMention>,
    /// Quotes in text order.
    pub quotes: Vec<Quote>,
}

impl Annotations {
    /// Moves its lists into allocations of exactly their length: a large build keeps
    /// millions of them, and a fifth of their memory was room they had grown into.
    /// (`shrink_to_fit` would not do: an allocator may keep a block shrunk by less than half
    /// where it is, and mimalloc does.)
    pub fn compact(&mut self) {
        fn exact<T>(list: &mut Vec<T>) {
            if list.capacity() > list.len() {
                let mut tight = Vec::with_capacity(list.len());
                tight.append(list);
                *list = tight;
            }
        }
        exact(&mut self.entities);
        exact(&mut self.mentions);
        exact(&mut self.dates);
        exact(&mut self.quotes);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entity_ids_are_readable_slugs() {
        assert_eq!(
            EntityId::new(EntityKind::Person, "Stanislav Zas").as_str(),
            "person:stanislav-zas"
        );
        assert_eq!(
            EntityId::new(EntityKind::Organization, "U.S. Army (West)").as_str(),
            "organization:u-s-army-west"
        );
        assert_eq!(
            EntityId::new(EntityKind::Place, "Ереван").as_str(),
            "place:ереван"
        );
        assert_eq!(
            EntityId::new(EntityKind::Place, "Ереван").kind(),
            Some(EntityKind::Place)
        );
    }
}

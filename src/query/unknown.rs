//! Names a link gives that no article here has: an entity (`e=`) or a speaker (`s=`) the
//! collection does not know. Such a link usually comes from someone who added articles of
//! their own in their browser (they never leave it), or from an older version of the site.
//!
//! Evaluated as written, one such name would empty the whole view (an unknown name matches
//! no article, see [`super::eval`]). The page instead answers the view without them and says
//! which names it left out ([`UnknownNames::sentence`]); the link itself stays as written, so
//! the sender's own browser, which knows the names, still shows their view.

use super::filter::Filter;
use crate::extract::{EntityId, EntityKind};
use crate::index::Index;

/// The names a sentence lists before "and N more".
const NAMES_LISTED: usize = 5;

/// The entities and speakers a filter names that the index does not know.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UnknownNames {
    /// `e=` values no article names, in link order.
    pub entities: Vec<EntityId>,
    /// `s=` values no article quotes, in link order.
    pub speakers: Vec<String>,
}

impl UnknownNames {
    /// The names of `filter` that `index` does not know.
    pub fn of(index: &Index, filter: &Filter) -> Self {
        Self::unknown_to(
            filter,
            |e| index.entity_of(e.as_str()).is_some(),
            |s| index.speaker_of(s).is_some(),
        )
    }

    /// The names of `filter` that a collection does not know, told by whether it knows an
    /// entity and a speaker (the in-memory index, or an archive's parts).
    pub fn unknown_to(
        filter: &Filter,
        mut knows_entity: impl FnMut(&EntityId) -> bool,
        mut knows_speaker: impl FnMut(&str) -> bool,
    ) -> Self {
        Self {
            entities: filter
                .entities
                .iter()
                .filter(|e| !knows_entity(e))
                .cloned()
                .collect(),
            speakers: filter
                .speakers
                .iter()
                .filter(|s| !knows_speaker(s))
                .cloned()
                .collect(),
        }
    }

    /// The names unknown here and to `other` as well (an archive site's own articles and
    /// its archive: a name either knows is known).
    pub fn also_unknown_to(&self, other: &UnknownNames) -> Self {
        Self {
            entities: self
                .entities
                .iter()
                .filter(|e| other.entities.contains(e))
                .cloned()
                .collect(),
            speakers: self
                .speakers
                .iter()
                .filter(|s| other.speakers.contains(s))
                .cloned()
                .collect(),
        }
    }

    /// Whether every name is known.
    pub fn is_empty(&self) -> bool {
        self.entities.is_empty() && self.speakers.is_empty()
    }

    /// How many names are unknown.
    pub fn len(&self) -> usize {
        self.entities.len() + self.speakers.len()
    }

    /// `filter` without these names: the view the page answers.
    pub fn removed_from(&self, filter: &Filter) -> Filter {
        let mut without = filter.clone();
        without.entities.retain(|e| !self.entities.contains(e));
        without.speakers.retain(|s| !self.speakers.contains(s));
        without
    }

    /// Each name as a reader would write it, entities first: "Ottoline Brackenbury
    /// (person)", "the harbour master (speaker)".
    pub fn readable(&self) -> Vec<String> {
        let entities = self.entities.iter().map(|e| readable_name(e.as_str()));
        let speakers = self
            .speakers
            .iter()
            .map(|s| format!("{} (speaker)", words_and_kind(s).0));
        entities.chain(speakers).collect()
    }

    /// What the page says about them: "This link names Ottoline Brackenbury (person), which
    /// is in none of this site's articles: it may come from …".
    pub fn sentence(&self) -> String {
        let names = self.readable();
        let (verb, pronoun) = if names.len() == 1 {
            ("is", "it")
        } else {
            ("are", "they")
        };
        format!(
            "This link names {}, which {verb} in none of this site's articles: {pronoun} may come \
             from articles the person who shared the link added in their own browser (which \
             never left their device), from their own edits to this site's entities (a rename \
             or a merge applies in their browser until the site is rebuilt with it), or from an \
             older version of this site.",
            in_words(&names)
        )
    }
}

/// An entity id or speaker key as a reader would write it: `person:ottoline-brackenbury` →
/// "Ottoline Brackenbury (person)"; a key without a kind (a speaker's description,
/// `the-harbour-master`) → "the harbour master". Ids are slugs, so accents and case beyond
/// the first letters, and punctuation, are not recovered.
pub fn readable_name(key: &str) -> String {
    match words_and_kind(key) {
        (words, Some(kind)) => format!("{words} ({kind})"),
        (words, None) => words,
    }
}

/// Words a name writes in lower case after its first word: "Gulf of Mexico", "Charles de
/// Gaulle", "Ludwig van Beethoven", "Bank of the United States".
const LOWER_CASE_PARTICLES: &[&str] = &[
    "of", "the", "and", "for", "on", "in", "at", "de", "du", "des", "da", "di", "del", "van",
    "von", "der", "den",
];

/// The words of a key (a name's capitalised, but for its particles), and its kind when it is
/// an entity id.
fn words_and_kind(key: &str) -> (String, Option<&str>) {
    let words = |slug: &str, name: bool| {
        slug.split('-')
            .filter(|w| !w.is_empty())
            .enumerate()
            .map(|(at, w)| {
                if name && (at == 0 || !LOWER_CASE_PARTICLES.contains(&w)) {
                    capitalised(w)
                } else {
                    w.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    match key.split_once(':') {
        Some((kind, slug)) if EntityKind::parse(kind).is_some() => (words(slug, true), Some(kind)),
        _ => (words(key, false), None),
    }
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// "A", "A and B", "A, B and C", "A, B, C, D, E and 2 more".
fn in_words(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        _ if names.len() > NAMES_LISTED => format!(
            "{} and {} more",
            names[..NAMES_LISTED].join(", "),
            names.len() - NAMES_LISTED
        ),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::parse_file;
    use crate::extract::{Annotations, Entity, Quote};
    use crate::span::ByteSpan;

    /// One article naming Stanislav Zas, who is quoted, and quoting "a spokesman".
    fn index() -> Index {
        let text = "Stanislav Zas said \"We will act.\" A spokesman said \"Later.\"";
        let article = parse_file("a.txt", text.as_bytes())
            .expect("a plain text article")
            .remove(0);
        let zas = Entity {
            id: EntityId::new(EntityKind::Person, "Stanislav Zas"),
            kind: EntityKind::Person,
            canonical: "Stanislav Zas".into(),
            aliases: vec![],
            role: None,
        };
        let quote = |at: &str, speaker: &str, entity: Option<usize>| {
            let start = text.find(at).expect("the quote is in the text");
            Quote {
                span: ByteSpan::new(start, start + at.len()),
                speaker: Some(speaker.into()),
                speaker_entity: entity,
                speaker_span: None,
            }
        };
        let annotations = Annotations {
            entities: vec![zas],
            quotes: vec![
                quote("\"We will act.\"", "Stanislav Zas", Some(0)),
                quote("\"Later.\"", "A spokesman", None),
            ],
            ..Annotations::default()
        };
        Index::build(std::slice::from_ref(&article), &[annotations])
    }

    fn filter(query: &str) -> Filter {
        let (filter, notices) = Filter::from_query_string(query);
        assert!(notices.is_empty(), "{notices:?}");
        filter
    }

    #[test]
    fn known_names_are_not_unknown() {
        let index = index();
        let known = filter("e=person:stanislav-zas&s=person:stanislav-zas&s=a-spokesman");
        assert!(UnknownNames::of(&index, &known).is_empty());
    }

    #[test]
    fn names_the_index_lacks_are_found_and_removed_and_the_rest_is_kept() {
        let index = index();
        let link = filter(
            "q=act&e=person:ottoline-brackenbury&e=person:stanislav-zas&s=the-harbour-master&view=quotes&a=x",
        );
        let unknown = UnknownNames::of(&index, &link);
        assert_eq!(
            unknown,
            UnknownNames {
                entities: vec![EntityId("person:ottoline-brackenbury".into())],
                speakers: vec!["the-harbour-master".into()],
            }
        );
        assert_eq!(
            unknown.removed_from(&link).to_query_string(),
            "q=act&e=person:stanislav-zas&view=quotes&a=x"
        );
        // Without them, the view is the known part's, not an empty one.
        let answered = crate::query::search(&index, &unknown.removed_from(&link));
        assert_eq!(answered.total, 1);
        assert_eq!(crate::query::search(&index, &link).total, 0);
    }

    #[test]
    fn names_read_as_written_with_their_kind() {
        assert_eq!(
            readable_name("person:ottoline-brackenbury"),
            "Ottoline Brackenbury (person)"
        );
        assert_eq!(readable_name("place:são-paulo"), "São Paulo (place)");
        assert_eq!(
            readable_name("place:gulf-of-ottoline"),
            "Gulf of Ottoline (place)"
        );
        assert_eq!(
            readable_name("person:charles-de-gaulle"),
            "Charles de Gaulle (person)"
        );
        assert_eq!(
            readable_name("organization:the-bank-of-the-united-states"),
            "The Bank of the United States (organization)"
        );
        assert_eq!(readable_name("the-harbour-master"), "the harbour master");
        assert_eq!(readable_name("not-a-kind:x"), "not a kind:x");
    }

    #[test]
    fn the_sentence_lists_every_name_with_one_verb() {
        let one = UnknownNames {
            entities: vec![EntityId("person:ottoline-brackenbury".into())],
            speakers: vec![],
        };
        assert_eq!(
            one.sentence(),
            "This link names Ottoline Brackenbury (person), which is in none of this site's articles: \
             it may come from articles the person who shared the link added in their own browser \
             (which never left their device), from their own edits to this site's entities (a \
             rename or a merge applies in their browser until the site is rebuilt with it), or \
             from an older version of this site."
        );
        let two = UnknownNames {
            entities: vec![EntityId("organization:leith-dockers".into())],
            speakers: vec!["person:ottoline-brackenbury".into(), "a-spokesman".into()],
        };
        assert_eq!(
            two.sentence(),
            "This link names Leith Dockers (organization), Ottoline Brackenbury (speaker) and a spokesman (speaker), which are in none of this site's articles: they may come from articles the person who shared the link added in their own browser (which never left their device), from their own edits to this site's entities (a rename or a merge applies in their browser until the site is rebuilt with it), or from an older version of this site."
        );
        let many = UnknownNames {
            entities: (0..7)
                .map(|i| EntityId(format!("place:town-{i}")))
                .collect(),
            speakers: vec![],
        };
        assert!(
            many.sentence()
                .starts_with("This link names Town 0 (place), Town 1 (place), Town 2 (place), Town 3 (place), Town 4 (place) and 2 more, which are"),
            "{}",
            many.sentence()
        );
    }
}

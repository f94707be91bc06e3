//! The parts of a filter a reader can take away — the search text, each entity, speaker and
//! metadata value, the date range, the source — each with the filter without it. The chips
//! are these parts; when nothing matches, [`relaxations`] counts what each removal would
//! give, so the empty view can say which filter to drop.

use super::eval::evaluate_with;
use super::filter::{Collection, DateField, FieldValue, Filter};
use super::text::LastWord;
use crate::corpus::Date;
use crate::extract::EntityId;
use crate::index::Index;

/// One removable part of a filter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FilterPart {
    /// The search text (trimmed).
    Text(String),
    /// An entity that must be named.
    Entity(EntityId),
    /// A speaker that must be quoted.
    Speaker(String),
    /// The date range, and which dates it is about.
    Dates {
        /// First day.
        from: Option<Date>,
        /// Last day.
        to: Option<Date>,
        /// Published or mentioned.
        field: DateField,
    },
    /// The source.
    Source(String),
    /// Only the site's or only the reader's own articles.
    Collection(Collection),
    /// A metadata value.
    Field(FieldValue),
}

/// Every removable part of `filter`'s results view, in URL order, each with the results
/// view without it (nothing opened, view and sort kept).
pub fn removable_parts(filter: &Filter) -> Vec<(FilterPart, Filter)> {
    let base = filter.results_view();
    let mut parts = Vec::new();
    if !base.text.trim().is_empty() {
        let without = Filter {
            text: String::new(),
            ..base.clone()
        };
        parts.push((FilterPart::Text(base.text.trim().to_string()), without));
    }
    for (i, entity) in base.entities.iter().enumerate() {
        let mut without = base.clone();
        without.entities.remove(i);
        parts.push((FilterPart::Entity(entity.clone()), without));
    }
    for (i, speaker) in base.speakers.iter().enumerate() {
        let mut without = base.clone();
        without.speakers.remove(i);
        parts.push((FilterPart::Speaker(speaker.clone()), without));
    }
    if base.from.is_some() || base.to.is_some() {
        let without = Filter {
            from: None,
            to: None,
            dates: DateField::default(),
            ..base.clone()
        };
        let part = FilterPart::Dates {
            from: base.from,
            to: base.to,
            field: base.dates,
        };
        parts.push((part, without));
    }
    if let Some(source) = &base.source {
        let without = Filter {
            source: None,
            ..base.clone()
        };
        parts.push((FilterPart::Source(source.clone()), without));
    }
    if let Some(collection) = base.collection {
        let without = Filter {
            collection: None,
            ..base.clone()
        };
        parts.push((FilterPart::Collection(collection), without));
    }
    for (i, condition) in base.fields.iter().enumerate() {
        let mut without = base.clone();
        without.fields.remove(i);
        parts.push((FilterPart::Field(condition.clone()), without));
    }
    parts
}

/// One way out of an empty result: a part to remove, the filter without it, and how many
/// articles that filter matches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Relaxation {
    /// What to remove.
    pub part: FilterPart,
    /// The filter without it.
    pub without: Filter,
    /// Articles the filter without it matches.
    pub count: usize,
}

/// For each removable part of `filter`, the number of articles the filter without it
/// matches, most first (ties in URL order). One evaluation per part: a filter has at most a
/// few dozen parts, and this runs only when nothing matched.
pub fn relaxations(index: &Index, filter: &Filter, last_word: LastWord) -> Vec<Relaxation> {
    let mut out: Vec<Relaxation> = removable_parts(filter)
        .into_iter()
        .map(|(part, without)| {
            let count = evaluate_with(index, &without, last_word).matches.count();
            Relaxation {
                part,
                without,
                count,
            }
        })
        .collect();
    crate::sort::by_key(&mut out, |r| std::cmp::Reverse(r.count));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::parse_file;
    use crate::extract::Annotations;

    fn index() -> Index {
        let articles: Vec<_> = [
            ("a.txt", "topics: crude\nplaces: usa", "Oil prices rose."),
            ("b.txt", "topics: crude\nplaces: uk", "Oil output fell."),
            ("c.txt", "topics: grain\nplaces: usa", "Wheat exports."),
            ("d.txt", "topics: grain\nplaces: uk", "Maize crop."),
        ]
        .iter()
        .map(|(name, fm, body)| {
            let text = format!(
                "---\ntitle: T\ndate: 1987-03-0{}\n{fm}\n---\n{body}",
                name.len()
            );
            parse_file(name, text.as_bytes()).expect("valid").remove(0)
        })
        .collect();
        Index::build(&articles, &vec![Annotations::default(); articles.len()])
    }

    #[test]
    fn each_part_is_offered_with_the_count_its_removal_gives() {
        let (filter, notices) =
            Filter::from_query_string("q=wheat&m.topics=crude&m.places=usa&a=x");
        assert!(notices.is_empty());
        let index = index();
        assert_eq!(
            evaluate_with(&index, &filter, LastWord::Complete)
                .matches
                .count(),
            0
        );
        let found: Vec<(String, usize)> = relaxations(&index, &filter, LastWord::Complete)
            .into_iter()
            .map(|r| (r.without.to_query_string(), r.count))
            .collect();
        assert_eq!(
            found,
            [
                ("m.topics=crude&m.places=usa".to_string(), 1),
                ("q=wheat&m.places=usa".to_string(), 1),
                ("q=wheat&m.topics=crude".to_string(), 0),
            ]
        );
    }

    #[test]
    fn an_empty_filter_has_nothing_to_remove() {
        assert!(removable_parts(&Filter::default()).is_empty());
    }
}

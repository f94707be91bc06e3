//! The active filters as removable chips, and "clear all". Each chip is a link to the view
//! without it.

use super::link::ViewLink;
use super::state::{AppState, Library};
use crate::query::relax::{FilterPart, removable_parts};
use crate::query::{DateField, Facets, Filter};
use leptos::prelude::*;

/// Chips for the current filter.
#[component]
pub fn ActiveFilters() -> impl IntoView {
    let state = AppState::use_context();
    let source = super::archive_source::ArchiveSource::use_context();
    move || {
        let filter = state.filter.get().0;
        if filter.selects_everything() {
            return None;
        }
        // In an archive's views (the reader's own articles mixed in or not) the answered
        // view's facets name the values; elsewhere the library that answers does.
        let archive_answers =
            state.archive.get() && filter.collection != Some(crate::query::Collection::Yours);
        let library = if archive_answers {
            None
        } else {
            state.results.get().and_then(|_| state.library.get())
        };
        // The view's facets when they are counted; the names the archive gave the link
        // otherwise (a phone's closed filters), and for a value no facet lists.
        let archived = library.is_none().then(|| source.facets()).flatten();
        let named = |key: &str| {
            state.archive_names.with(|names| {
                names
                    .iter()
                    .find(|(e, _)| e.as_str() == key)
                    .map(|(_, n)| n.clone())
            })
        };
        let chips: Vec<(String, Filter)> = removable_parts(&filter)
            .into_iter()
            .map(|(part, without)| {
                let label = match &part {
                    FilterPart::Entity(id) if library.is_none() => archived
                        .as_ref()
                        .and_then(|facets| archived_label(facets, id.as_str()))
                        .or_else(|| named(id.as_str()))
                        .unwrap_or_else(|| part_label(&part, None)),
                    FilterPart::Speaker(key) if library.is_none() => archived
                        .as_ref()
                        .and_then(|facets| {
                            let speakers = &facets.speakers.values;
                            speakers
                                .iter()
                                .find(|v| v.key == *key)
                                .map(|v| v.label.clone())
                        })
                        .or_else(|| named(key))
                        .map_or_else(|| part_label(&part, None), |n| format!("Said by {n}")),
                    _ => part_label(&part, library.as_deref()),
                };
                (label, without)
            })
            .collect();
        let clear = Filter {
            view: filter.view,
            sort: filter.sort,
            ..Filter::default()
        };
        Some(view! {
            <ul class="chips" aria-label="Active filters">
                {chips.into_iter().map(|(label, without)| view! {
                    <li class="chip">
                        <ViewLink filter=without class="chip-remove" label=format!("Remove filter {label}")>
                            <span>{label.clone()}</span><span aria-hidden="true">" ×"</span>
                        </ViewLink>
                    </li>
                }).collect_view()}
                <li><ViewLink filter=clear class="clear-all">"Clear all"</ViewLink></li>
            </ul>
        })
    }
}

/// An entity's display name among an archive view's facet values.
fn archived_label(facets: &Facets, id: &str) -> Option<String> {
    [&facets.people, &facets.organizations, &facets.places]
        .into_iter()
        .flat_map(|list| &list.values)
        .find(|v| v.key == id)
        .map(|v| v.label.clone())
}

/// How a chip (and the empty view's list of filters to remove) names a part of the filter:
/// entities and speakers by their display names once the corpus is indexed.
pub fn part_label(part: &FilterPart, library: Option<&Library>) -> String {
    match part {
        FilterPart::Text(text) => crate::query::text::chip_label(text),
        FilterPart::Entity(id) => library
            .and_then(|l| {
                l.index
                    .entity_of(id.as_str())
                    .and_then(|e| l.index.entities().get(e as usize))
            })
            .map_or_else(|| id.as_str().to_string(), |e| e.name.clone()),
        FilterPart::Speaker(key) => {
            let name = library
                .and_then(|l| {
                    l.index
                        .speaker_of(key)
                        .and_then(|s| l.index.speakers().get(s as usize))
                })
                .map_or_else(|| key.clone(), |s| s.name.clone());
            format!("Said by {name}")
        }
        FilterPart::Dates { from, to, field } => {
            let what = if *field == DateField::Mentioned {
                "Mentions"
            } else {
                "Published"
            };
            let range = match (from, to) {
                (Some(f), Some(t)) if f == t => format!("{f}"),
                (Some(f), Some(t)) => format!("{f} – {t}"),
                (Some(f), None) => format!("from {f}"),
                (None, Some(t)) => format!("until {t}"),
                (None, None) => String::new(),
            };
            format!("{what} {range}")
        }
        FilterPart::Source(source) => format!("Source: {source}"),
        FilterPart::Collection(crate::query::Collection::Yours) => {
            crate::own::COLLECTION_NAME.to_string()
        }
        FilterPart::Collection(crate::query::Collection::Site) => "This site's articles".into(),
        FilterPart::Field(condition) => {
            format!("{}: {}", field_title(&condition.field), condition.value)
        }
    }
}

/// Titles of the facet panels of extracted names, which a metadata field must not repeat.
const EXTRACTED_FACETS: [&str; 5] = ["People", "Organisations", "Places", "Speakers", "Sources"];

/// A metadata field's display name: `topics` → "Topics"; a field named like a panel of
/// extracted names (the Reuters `places`) says it is metadata: "Places (metadata)".
pub fn field_title(field: &str) -> String {
    let mut chars = field.chars();
    let title: String = match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    };
    let taken = |name: &str| {
        name.eq_ignore_ascii_case(&title) || name[..name.len() - 1].eq_ignore_ascii_case(&title)
    };
    if EXTRACTED_FACETS.iter().any(|name| taken(name)) {
        format!("{title} (metadata)")
    } else {
        title
    }
}

//! The active filters as removable chips, and "clear all". Each chip is a link to the view
//! without it.

use super::link::ViewLink;
use super::state::AppState;
use crate::query::{DateField, Filter};
use leptos::prelude::*;

/// Chips for the current filter.
#[component]
pub fn ActiveFilters() -> impl IntoView {
    let state = AppState::use_context();
    move || {
        let filter = state.filter.get().0;
        if filter.selects_everything() {
            return None;
        }
        let library = state.library.get();
        let entity_name = |id: &str| {
            library
                .as_ref()
                .and_then(|l| {
                    l.index
                        .entity_of(id)
                        .and_then(|e| l.index.entities().get(e as usize))
                })
                .map_or_else(|| id.to_string(), |e| e.name.clone())
        };
        let speaker_name = |key: &str| {
            library
                .as_ref()
                .and_then(|l| {
                    l.index
                        .speaker_of(key)
                        .and_then(|s| l.index.speakers().get(s as usize))
                })
                .map_or_else(|| key.to_string(), |s| s.name.clone())
        };
        let base = filter.results_view();
        let mut chips: Vec<(String, Filter)> = Vec::new();
        if !base.text.trim().is_empty() {
            chips.push((
                format!("“{}”", base.text.trim()),
                Filter {
                    text: String::new(),
                    ..base.clone()
                },
            ));
        }
        for (i, e) in base.entities.iter().enumerate() {
            let mut without = base.clone();
            without.entities.remove(i);
            chips.push((entity_name(e.as_str()), without));
        }
        for (i, s) in base.speakers.iter().enumerate() {
            let mut without = base.clone();
            without.speakers.remove(i);
            chips.push((format!("Said by {}", speaker_name(s)), without));
        }
        if base.from.is_some() || base.to.is_some() {
            let what = if base.dates == DateField::Mentioned {
                "Mentions"
            } else {
                "Published"
            };
            let range = match (base.from, base.to) {
                (Some(f), Some(t)) if f == t => format!("{f}"),
                (Some(f), Some(t)) => format!("{f} – {t}"),
                (Some(f), None) => format!("from {f}"),
                (None, Some(t)) => format!("until {t}"),
                (None, None) => String::new(),
            };
            chips.push((
                format!("{what} {range}"),
                Filter {
                    from: None,
                    to: None,
                    dates: DateField::default(),
                    ..base.clone()
                },
            ));
        }
        if let Some(source) = &base.source {
            chips.push((
                format!("Source: {source}"),
                Filter {
                    source: None,
                    ..base.clone()
                },
            ));
        }
        let clear = Filter {
            view: base.view,
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

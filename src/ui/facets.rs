//! Facet panels — People, Organisations, Places, Speakers, Sources — with the number of
//! matching articles each value would leave, a box to find a value, and "show more".
//! Every value is a link to the current view with that value added (or removed).

use super::link::ViewLink;
use super::state::AppState;
use crate::extract::EntityId;
use crate::index::fold::fold;
use crate::query::{FacetValue, Filter};
use leptos::prelude::*;

/// Values listed before "show more".
const SHOWN: usize = 8;

/// Which filter a facet sets.
#[derive(Clone, Copy, PartialEq, Eq)]
enum FacetKind {
    Entity,
    Speaker,
    Source,
}

/// All facet panels.
#[component]
pub fn FacetPanels() -> impl IntoView {
    let state = AppState::use_context();
    let facets = move || state.results.get().map(|r| r.0.facets.clone());
    move || {
        match facets() {
        None => view! { <p class="facet-wait">"Facets appear when indexing finishes."</p> }.into_any(),
        Some(f) => view! {
            <FacetPanel title="People" slug="people" kind=FacetKind::Entity values=f.people/>
            <FacetPanel title="Organisations" slug="organizations" kind=FacetKind::Entity values=f.organizations/>
            <FacetPanel title="Places" slug="places" kind=FacetKind::Entity values=f.places/>
            <FacetPanel title="Speakers" slug="speakers" kind=FacetKind::Speaker values=f.speakers/>
            <FacetPanel title="Sources" slug="sources" kind=FacetKind::Source values=f.sources/>
        }
        .into_any(),
    }
    }
}

/// One facet.
#[component]
fn FacetPanel(
    /// Heading.
    title: &'static str,
    /// Id fragment for the panel's elements.
    slug: &'static str,
    /// What a value filters.
    kind: FacetKind,
    /// Values with counts, most frequent first.
    values: Vec<FacetValue>,
) -> impl IntoView {
    let state = AppState::use_context();
    // Typing in the box and "show more" are transient, like scrolling: not part of the link.
    let find = RwSignal::new(String::new());
    let expanded = RwSignal::new(false);
    let heading_id = format!("facet-{slug}-heading");
    let input_id = format!("facet-{slug}-find");
    let heading_ref = heading_id.clone();
    let total = values.len();
    let list = move || {
        let filter = state.filter.get().0;
        let needle = fold(find.get().trim());
        let matching: Vec<&FacetValue> = values
            .iter()
            .filter(|v| needle.is_empty() || fold(&v.label).contains(&needle))
            .collect();
        let limit = if expanded.get() || !needle.is_empty() {
            usize::MAX
        } else {
            SHOWN
        };
        let hidden = matching.len().saturating_sub(limit);
        let items = matching
            .into_iter()
            .take(limit)
            .map(|v| {
                let selected = is_selected(&filter, kind, &v.key);
                let target = toggled(&filter, kind, &v.key);
                let (name, count) = (v.label.clone(), v.count);
                let plural = if count == 1 { " article" } else { " articles" };
                view! {
                    <li class:selected=selected>
                        <ViewLink filter=target class="facet-value">
                            <span class="facet-check" aria-hidden="true">{if selected { "✓" } else { "" }}</span>
                            <span class="facet-label">{name}</span>
                            <span class="facet-count">{count}<span class="visually-hidden">{plural}</span></span>
                            {selected.then(|| view! { <span class="visually-hidden">" (selected; activate to remove)"</span> })}
                        </ViewLink>
                    </li>
                }
            })
            .collect_view();
        (items, hidden)
    };
    view! {
        <section class="facet" aria-labelledby=heading_ref data-facet=slug>
            <h2 id=heading_id>{title} <span class="facet-total">{total}</span></h2>
            <Show when=move || { total > SHOWN }>
                <label class="visually-hidden" for=input_id.clone()>{format!("Find in {title}")}</label>
                <input
                    class="facet-find"
                    id=input_id.clone()
                    type="search"
                    placeholder=format!("Find in {}", title.to_lowercase())
                    prop:value=move || find.get()
                    on:input=move |ev| find.set(event_target_value(&ev))
                />
            </Show>
            {move || {
                let (items, hidden) = list();
                view! {
                    <ul class="facet-values">{items}</ul>
                    <Show when=move || { hidden > 0 || expanded.get() }>
                        <button class="facet-more" aria-expanded=move || expanded.get().to_string()
                            on:click=move |_| expanded.update(|e| *e = !*e)>
                            {move || if expanded.get() { "Show fewer".to_string() } else { format!("Show {hidden} more") }}
                        </button>
                    </Show>
                }
            }}
            <Show when=move || { total == 0 }>
                <p class="facet-empty">"None in these articles."</p>
            </Show>
        </section>
    }
}

fn is_selected(filter: &Filter, kind: FacetKind, key: &str) -> bool {
    match kind {
        FacetKind::Entity => filter.entities.iter().any(|e| e.as_str() == key),
        FacetKind::Speaker => filter.speakers.iter().any(|s| s == key),
        FacetKind::Source => filter.source.as_deref() == Some(key),
    }
}

/// The current view with `key` added, or removed when already selected.
fn toggled(filter: &Filter, kind: FacetKind, key: &str) -> Filter {
    let mut f = filter.results_view();
    match kind {
        FacetKind::Entity => f.toggle_entity(&EntityId(key.to_string())),
        FacetKind::Speaker => match f.speakers.iter().position(|s| s == key) {
            Some(at) => {
                f.speakers.remove(at);
            }
            None => f.speakers.push(key.to_string()),
        },
        FacetKind::Source => {
            f.source = if f.source.as_deref() == Some(key) {
                None
            } else {
                Some(key.to_string())
            };
        }
    }
    f
}

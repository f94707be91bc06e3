//! Facet panels — People, Organisations, Places, Speakers, Sources, then one per metadata
//! field whose values repeat (Topics, Places, Author …) — with the number of matching
//! articles each value would leave, a box that finds a value among *all* of the facet's
//! values, and "show more". Every value is a link to the current view with that value added
//! (or removed).
//!
//! A panel lists at most [`FACET_VALUES`] values, in a box that scrolls by itself, so a
//! facet with 30,000 names never makes the sidebar taller than a screen. From an archive, a
//! panel is counted once it has been on screen ([`super::on_screen`]): until then it says
//! it is counting.

use super::archive_source::ArchiveSource;
use super::chips::field_title;
use super::link::ViewLink;
use super::on_screen;
use super::state::{AppState, FACET_VALUES};
use crate::archive::with_own::merge_list;
use crate::extract::{EntityId, EntityKind};
use crate::query::{Facet, FacetList, FacetSet, FacetValue, Facets, Filter, facet_values};
use leptos::prelude::*;

/// Values listed before "show more".
const SHOWN: usize = 8;

/// All facet panels.
#[component]
pub fn FacetPanels() -> impl IntoView {
    let state = AppState::use_context();
    let facets = Signal::derive(move || state.results.get().map(|r| r.0.facets.clone()));
    view! { <FacetPanelsOf facets=facets waiting="Facets appear when indexing finishes."/> }
}

/// The facet panels of `facets` (the embedded build's results, or an archive's).
#[component]
pub fn FacetPanelsOf(
    /// The facets, once the view is answered.
    facets: Signal<Option<Facets>>,
    /// What the panels say until then.
    waiting: &'static str,
    /// Whether the panels are watched for being on screen (`super::on_screen`): an
    /// archive counts only those, and until a view is answered shows the panels, uncounted,
    /// so that the first view knows which are on screen.
    #[prop(optional)]
    watched: bool,
) -> impl IntoView {
    move || match facets.get() {
        None if !watched => view! { <p class="facet-wait">{waiting}</p> }.into_any(),
        f => {
            let counted = f.as_ref().map_or(FacetSet::NONE, |f| f.counted);
            let f = f.unwrap_or_default();
            let panel = |title: String, slug: String, facet: Facet, list: FacetList| {
                view! { <FacetPanel title=title slug=slug counted=counted.has(&facet) watched=watched facet=facet list=list/> }
            };
            let fields = f
                .fields
                .into_iter()
                .map(|field| {
                    let title = field_title(&field.field);
                    let slug = format!("m-{}", slug_of(&field.field));
                    panel(title, slug, Facet::Field(field.field), field.list)
                })
                .collect_view();
            let fixed = [
                (
                    "People",
                    "people",
                    Facet::Entities(EntityKind::Person),
                    f.people,
                ),
                (
                    "Organisations",
                    "organizations",
                    Facet::Entities(EntityKind::Organization),
                    f.organizations,
                ),
                (
                    "Places",
                    "places",
                    Facet::Entities(EntityKind::Place),
                    f.places,
                ),
                ("Speakers", "speakers", Facet::Speakers, f.speakers),
                ("Sources", "sources", Facet::Sources, f.sources),
            ]
            .map(|(title, slug, facet, list)| panel(title.into(), slug.into(), facet, list));
            view! {
                {fixed.into_iter().collect_view()}
                {fields}
            }
            .into_any()
        }
    }
}

/// One facet.
#[component]
fn FacetPanel(
    /// Heading.
    #[prop(into)]
    title: String,
    /// Id fragment for the panel's elements (and its `data-facet`).
    #[prop(into)]
    slug: String,
    /// Which facet; what a value filters.
    facet: Facet,
    /// Its most frequent values and how many there are.
    list: FacetList,
    /// Whether `list` is counted: otherwise the panel is not on screen yet, and says it is
    /// counting (in the room its values will take, so that the panels below stay off
    /// screen).
    counted: bool,
    /// Whether the panel is watched for being on screen (`super::on_screen`).
    watched: bool,
) -> impl IntoView {
    let state = AppState::use_context();
    let section = NodeRef::<leptos::html::Section>::new();
    if watched {
        let panel = FacetSet::of(&facet);
        Effect::new(move |_| {
            if let Some(element) = section.get() {
                on_screen::watch(state, element.into(), panel);
            }
        });
    }
    if !counted {
        let heading_id = format!("facet-{slug}-heading");
        let labelled_by = heading_id.clone();
        return view! {
            <section class="facet facet-uncounted" aria-labelledby=labelled_by data-facet=slug node_ref=section>
                <h2 id=heading_id>{title}</h2>
                <p class="facet-counting" role="status">"Counting…"</p>
            </section>
        }
        .into_any();
    }
    // Typing in the box and "show more" are transient, like scrolling: not part of the link.
    let find = RwSignal::new(String::new());
    let expanded = RwSignal::new(false);
    let heading_id = format!("facet-{slug}-heading");
    let input_id = format!("facet-{slug}-find");
    let heading_ref = heading_id.clone();
    let total = list.total;
    let placeholder = format!("Find in {}", title.to_lowercase());
    let find_label = format!("Find in {title}");
    let listed = list.values;
    let search_facet = facet.clone();
    let search_listed = listed.clone();
    let source = ArchiveSource::use_context();
    let archive_found = archive_finder(state, source, &facet, find);
    // Finding searches every value of the facet over the current matches, not only the
    // listed ones: a name in 2 articles of 19,000 is found too.
    let found = Memo::new(move |_| {
        let needle = find.get();
        if needle.trim().is_empty() {
            return None;
        }
        // The reader's own articles in the view, counted by the browser.
        let own = state
            .results
            .get()
            .zip(state.library.get())
            .map(|(results, library)| {
                facet_values(
                    &library.index,
                    &results.0.matches,
                    &search_facet,
                    &needle,
                    FACET_VALUES,
                )
            });
        if !source.answers(state) {
            return own;
        }
        // An archive: its names parts find any value; until they answer (or in an
        // archive without them), the listed values do.
        let site = archive_found
            .get()
            .filter(|(typed, _)| *typed == needle)
            .map_or_else(
                || listed_matching(&search_listed, &needle),
                |(_, list)| list,
            );
        Some(match own {
            Some(own) => merge_list(&site, &own, FACET_VALUES),
            None => site,
        })
    });
    let list_view = move || {
        let filter = state.filter.get().0;
        let (values, matching, searching) = match found.get() {
            Some(hits) => (hits.values, hits.total, true),
            None => (listed.clone(), total, false),
        };
        let limit = if expanded.get() || searching {
            values.len()
        } else {
            SHOWN
        };
        let hidden = values.len().saturating_sub(limit);
        let unlisted = matching.saturating_sub(values.len());
        let scrolls = limit > SHOWN;
        let items = values
            .into_iter()
            .take(limit)
            .map(|v| value_item(&filter, &facet, v))
            .collect_view();
        view! {
            <ul class="facet-values" class:facet-scroll=scrolls>{items}</ul>
            {(unlisted > 0 && (scrolls || searching)).then(|| view! {
                <p class="facet-note">{format!("{unlisted} more: type to narrow the list")}</p>
            })}
            {(searching && matching == 0).then(|| view! {
                <p class="facet-note">"No value matches."</p>
            })}
            <Show when=move || { !searching && (hidden > 0 || expanded.get()) }>
                <button class="facet-more" aria-expanded=move || expanded.get().to_string()
                    on:click=move |_| expanded.update(|e| *e = !*e)>
                    {move || if expanded.get() { "Show fewer".to_string() } else { format!("Show {hidden} more") }}
                </button>
            </Show>
        }
    };
    view! {
        <section class="facet" aria-labelledby=heading_ref data-facet=slug node_ref=section>
            <h2 id=heading_id>{title.clone()} <span class="facet-total">{total}</span></h2>
            <Show when=move || { total > SHOWN }>
                <label class="visually-hidden" for=input_id.clone()>{find_label.clone()}</label>
                <input
                    class="facet-find"
                    id=input_id.clone()
                    type="search"
                    placeholder=placeholder.clone()
                    prop:value=move || find.get()
                    on:input=move |ev| find.set(event_target_value(&ev))
                />
            </Show>
            {list_view}
            <Show when=move || { total == 0 }>
                <p class="facet-empty">"None in these articles."</p>
            </Show>
        </section>
    }
    .into_any()
}

/// In archive mode, the archive's answer to the find box of `facet` (people,
/// organisations, places, speakers) for the current view, with the text it answers: asked
/// whenever the text or the view changes, kept only while that text is still typed.
fn archive_finder(
    state: AppState,
    source: ArchiveSource,
    facet: &Facet,
    find: RwSignal<String>,
) -> RwSignal<Option<(String, FacetList)>> {
    let answer: RwSignal<Option<(String, FacetList)>> = RwSignal::new(None);
    let table: u8 = match facet {
        Facet::Entities(EntityKind::Person) => 0,
        Facet::Entities(EntityKind::Organization) => 1,
        Facet::Entities(EntityKind::Place) => 2,
        Facet::Speakers => 3,
        _ => return answer,
    };
    Effect::new(move |_| {
        let needle = find.get();
        let filter = state.filter.get().0.results_view();
        if needle.trim().is_empty() || !source.answers(state) {
            return;
        }
        leptos::task::spawn_local(async move {
            let found = source
                .find_values(&filter, table, &needle, FACET_VALUES)
                .await;
            if let Ok(Some(list)) = found
                && find.try_get_untracked().as_deref() == Some(needle.as_str())
            {
                answer.try_set(Some((needle, list)));
            }
        });
    });
    answer
}

/// The listed values whose label contains `needle` (case-insensitive).
fn listed_matching(values: &[FacetValue], needle: &str) -> FacetList {
    let needle = needle.trim().to_lowercase();
    let values: Vec<FacetValue> = values
        .iter()
        .filter(|v| v.label.to_lowercase().contains(&needle))
        .cloned()
        .collect();
    FacetList {
        total: values.len(),
        values,
    }
}

fn value_item(filter: &Filter, facet: &Facet, value: FacetValue) -> impl IntoView + use<> {
    let selected = is_selected(filter, facet, &value.key);
    let target = toggled(filter, facet, &value.key);
    let (name, count) = (value.label, value.count);
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
}

/// A field name as an id fragment: ASCII letters and digits, other runs as `-`.
fn slug_of(field: &str) -> String {
    let mut out = String::new();
    for c in field.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out
}

fn is_selected(filter: &Filter, facet: &Facet, key: &str) -> bool {
    match facet {
        Facet::Entities(_) => filter.entities.iter().any(|e| e.as_str() == key),
        Facet::Speakers => filter.speakers.iter().any(|s| s == key),
        Facet::Sources => filter.source.as_deref() == Some(key),
        Facet::Field(field) => filter
            .fields
            .iter()
            .any(|c| c.field == *field && c.value == key),
    }
}

/// The current view with `key` added, or removed when already selected.
fn toggled(filter: &Filter, facet: &Facet, key: &str) -> Filter {
    let mut f = filter.results_view();
    match facet {
        Facet::Entities(_) => f.toggle_entity(&EntityId(key.to_string())),
        Facet::Speakers => match f.speakers.iter().position(|s| s == key) {
            Some(at) => {
                f.speakers.remove(at);
            }
            None => f.speakers.push(key.to_string()),
        },
        Facet::Sources => {
            f.source = if f.source.as_deref() == Some(key) {
                None
            } else {
                Some(key.to_string())
            };
        }
        Facet::Field(field) => f.toggle_field(field, key),
    }
    f
}

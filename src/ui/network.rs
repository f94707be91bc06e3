//! The co-occurrence network (`?view=network`): the entities most named in the matching
//! articles (`nodes=`, 50 by default, up to 200), sized by their articles, linked by the
//! articles they share. The layout runs a few steps per animation frame (at most
//! [`SLICE_MS`] at a time), so the page never blocks; zoom (about the centre) with the wheel
//! or the buttons, pan by dragging. Clicking a node, or Enter on it, adds it to the filter. Every link is
//! also in a table, for screen readers and for reading exact numbers.

use super::archive_source::ArchiveSource;
use super::link::ViewLink;
use super::state::AppState;
use crate::extract::EntityId;
use crate::query::Filter;
use crate::query::network::{
    DEFAULT_NODES, LAYOUT_EDGES_PER_NODE, LAYOUT_SIZE, Layout, MAX_NODES, Network, merge, network,
};
use leptos::prelude::*;
use std::sync::Arc;

/// The longest the layout may run in one frame.
const SLICE_MS: f64 = 8.0;
/// Links drawn per node (the strongest, the ones the layout pulls on); the table has them all.
const DRAWN_EDGES_PER_NODE: usize = LAYOUT_EDGES_PER_NODE;
/// Widths links are drawn in (by their share of the strongest link).
const EDGE_WIDTHS: usize = 5;
/// Rows of the link table shown at first, and added by "show more".
const TABLE_ROWS: usize = 100;

#[derive(Clone)]
struct SharedNetwork(Arc<Network>);

impl PartialEq for SharedNetwork {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Runs the layout in slices of at most [`SLICE_MS`], one per frame, publishing positions
/// after each; stops when done or when a newer layout (`generation`) has started.
fn run_layout(
    mut layout: Layout,
    generation: u64,
    current: StoredValue<u64>,
    positions: RwSignal<Vec<(f64, f64)>>,
) {
    // A newer layout started, or the view was left (its values disposed).
    if current.try_get_value() != Some(generation) {
        return;
    }
    let start = now_ms();
    while !layout.done() && now_ms() - start < SLICE_MS {
        layout.step();
    }
    positions.set(layout.positions.clone());
    if !layout.done() {
        request_animation_frame(move || run_layout(layout, generation, current, positions));
    }
}

/// The network view of the embedded build (and of the reader's own articles alone).
#[component]
pub fn NetworkView() -> impl IntoView {
    let state = AppState::use_context();
    let net = Memo::new(move |_| {
        let library = state.library.get()?;
        let results = state.results.get()?;
        let nodes = state.filter.get().0.nodes.unwrap_or(DEFAULT_NODES);
        Some(SharedNetwork(Arc::new(network(
            &library.index,
            &results.0.matches,
            nodes,
        ))))
    });
    view! { <NetworkOf net=net.into()/> }
}

/// The network view of an archive: counted from the archive's facet postings (fetched as
/// the view needs them, see [`crate::archive::Archive::network`]), with the reader's own
/// articles merged in when the view takes them.
#[component]
pub fn ArchiveNetworkView() -> impl IntoView {
    let state = AppState::use_context();
    let source = ArchiveSource::use_context();
    // The archive's network is asked for at its largest, so `nodes=` only cuts it.
    let counted = Memo::new(move |_| Filter {
        nodes: None,
        ..state.filter.get().0
    });
    let (site, failed) = source.follow(counted, |source, filter| async move {
        source.network(&filter, MAX_NODES).await
    });
    let net = Memo::new(move |_| {
        let site = site.get()?;
        let nodes = state.filter.get().0.nodes.unwrap_or(DEFAULT_NODES);
        // The reader's articles are in the view exactly when their results are there.
        let own = state
            .library
            .get()
            .zip(state.results.get())
            .map(|(library, results)| network(&library.index, &results.0.matches, MAX_NODES))
            .unwrap_or_default();
        Some(SharedNetwork(Arc::new(merge(&site, &own, nodes))))
    });
    view! {
        {move || match failed.get() {
            Some(e) => Some(view! {
                <div class="notice archive-failed" role="alert" id="archive-failed">
                    <p>{format!("The network could not be loaded: {e}.")}</p>
                </div>
            }.into_any()),
            None if net.get().is_none() => Some(view! {
                <p class="summary archive-loading" role="status" id="network-loading">"Loading the network from the archive…"</p>
            }.into_any()),
            None => None,
        }}
        <NetworkOf net=net.into()/>
    }
}

/// The network `net` (when there is one): drawn, laid out over frames, and tabled.
#[component]
fn NetworkOf(
    /// The network to draw.
    net: Signal<Option<SharedNetwork>>,
) -> impl IntoView {
    let state = AppState::use_context();
    let positions = RwSignal::new(Vec::<(f64, f64)>::new());
    let generation = StoredValue::new(0u64);
    Effect::new(move |_| {
        let Some(SharedNetwork(net)) = net.get() else {
            return;
        };
        let layout = Layout::new(&net);
        positions.set(layout.positions.clone());
        let next = generation.get_value() + 1;
        generation.set_value(next);
        request_animation_frame(move || run_layout(layout, next, generation, positions));
    });
    // Zoom and pan: the visible square (x, y, side); transient, like scrolling.
    let margin = LAYOUT_SIZE * 0.05;
    let whole = (-margin, -margin, LAYOUT_SIZE + 2.0 * margin);
    let view_box = RwSignal::new(whole);
    let zoom = move |factor: f64, cx: f64, cy: f64| {
        view_box.update(|(x, y, side)| {
            let new_side = (*side * factor).clamp(LAYOUT_SIZE / 20.0, LAYOUT_SIZE * 3.0);
            *x = cx - (cx - *x) * new_side / *side;
            *y = cy - (cy - *y) * new_side / *side;
            *side = new_side;
        })
    };
    let drag = RwSignal::new(None::<(f64, f64)>);
    let svg_ref = NodeRef::<leptos::svg::Svg>::new();
    // Layout units per screen pixel.
    let per_px = move || {
        svg_ref
            .get_untracked()
            .map(|svg| view_box.get_untracked().2 / f64::from(svg.client_width().max(1)))
    };
    let show_rows = RwSignal::new(TABLE_ROWS);
    move || {
        let SharedNetwork(net) = net.get()?;
        let filter = state.filter.get().0;
        let base = filter.results_view();
        let nodes_now = filter.nodes.unwrap_or(DEFAULT_NODES);
        let max_articles = net.nodes.first().map_or(1, |n| n.articles).max(1);
        let strongest = net.edges.first().map_or(1, |e| e.shared).max(1);
        let drawn_edges = net.nodes.len() * DRAWN_EDGES_PER_NODE;
        let radius = move |articles: u32| {
            6.0 + 30.0 * (f64::from(articles) / f64::from(max_articles)).sqrt()
        };
        // Drawn once per network; each frame of the layout only moves them (the positions
        // are read by per-element attribute closures, not by rebuilding the lists).
        let at = move |n: usize| positions.with(|p| p.get(n).copied().unwrap_or((0.0, 0.0)));
        // Links in five widths, one `<path>` per width: a frame of the layout then moves
        // five elements, not hundreds of lines.
        let classes: Vec<Vec<(usize, usize)>> = {
            let mut classes = vec![Vec::new(); EDGE_WIDTHS];
            for e in net.edges.iter().take(drawn_edges) {
                let share = f64::from(e.shared) / f64::from(strongest);
                let class =
                    ((share * EDGE_WIDTHS as f64).ceil() as usize).clamp(1, EDGE_WIDTHS) - 1;
                classes[class].push((e.a, e.b));
            }
            classes
        };
        let edges = classes
            .into_iter()
            .enumerate()
            .map(|(class, pairs)| {
                let width = 1.0 + 1.2 * class as f64;
                let d = move || {
                    positions.with(|p| {
                        let mut d = String::with_capacity(pairs.len() * 28);
                        for &(a, b) in &pairs {
                            if let (Some(a), Some(b)) = (p.get(a), p.get(b)) {
                                d.push_str(&format!("M{:.0} {:.0}L{:.0} {:.0}", a.0, a.1, b.0, b.1));
                            }
                        }
                        d
                    })
                };
                view! { <path class="edge" d=d stroke-width=format!("{width:.1}") fill="none"></path> }
            })
            .collect_view();
        let nodes = net
            .nodes
            .iter()
            .enumerate()
            .map(|(i, node)| {
                let r = radius(node.articles);
                let id = EntityId(node.key.clone());
                let selected = base.entities.contains(&id);
                let mut target = base.clone();
                target.toggle_entity(&id);
                let (on_click, on_key) = (target.clone(), target);
                let label = format!(
                    "{}: {} article{}; {}",
                    node.name,
                    node.articles,
                    if node.articles == 1 { "" } else { "s" },
                    if selected { "remove from the filter" } else { "add to the filter" }
                );
                let kind = format!("node node-{}", node.kind.as_str());
                let aria = label.clone();
                let name = node.name.clone();
                let show_name = i < 30;
                view! {
                    <g class=kind class:selected=selected
                        transform=move || { let (x, y) = at(i); format!("translate({x:.1} {y:.1})") }
                        tabindex="0" role="button" aria-label=aria data-key=node.key.clone()
                        on:click=move |_| state.go(&on_click)
                        on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                            if ev.key() == "Enter" || ev.key() == " " {
                                ev.prevent_default();
                                state.go(&on_key);
                            }
                        }>
                        <title>{label}</title>
                        <circle r=format!("{r:.1}")></circle>
                        {show_name.then(|| view! { <text y=format!("{:.1}", r + 14.0) text-anchor="middle">{name}</text> })}
                    </g>
                }
            })
            .collect_view();
        let sizes = [25, 50, 100, MAX_NODES].map(|n| {
            let target = Filter {
                nodes: (n != DEFAULT_NODES).then_some(n),
                ..base.clone()
            };
            let current = n == nodes_now;
            view! { <ViewLink filter=target class=if current { "toggle current" } else { "toggle" }>{n.to_string()}</ViewLink> }
        });
        let total_edges = net.edges.len();
        let names = net.clone();
        let table_rows = move || {
            names
                .edges
                .iter()
                .take(show_rows.get())
                .map(|e| {
                    let (a, b) = (&names.nodes[e.a], &names.nodes[e.b]);
                    view! { <tr><td>{a.name.clone()}</td><td>{b.name.clone()}</td><td class="numeric">{e.shared}</td></tr> }
                })
                .collect_view()
        };
        let summary = format!(
            "The {} names most often in these articles, and {} links between them (the {} strongest drawn)",
            net.nodes.len(),
            total_edges,
            drawn_edges.min(total_edges)
        );
        Some(view! {
            <section class="network-view" aria-labelledby="network-heading">
                <h1 id="network-heading" class="view-heading">"Who appears with whom"</h1>
                <p id="network-summary" class="summary" role="status">{summary}</p>
                <div class="network-controls">
                    <span>"Names: "</span>{sizes}
                    <span class="zoom">
                        <button type="button" aria-label="Zoom in" on:click=move |_| { let (x, y, s) = view_box.get_untracked(); zoom(0.8, x + s / 2.0, y + s / 2.0) }>"+"</button>
                        <button type="button" aria-label="Zoom out" on:click=move |_| { let (x, y, s) = view_box.get_untracked(); zoom(1.25, x + s / 2.0, y + s / 2.0) }>"−"</button>
                        <button type="button" on:click=move |_| view_box.set(whole)>"Reset"</button>
                    </span>
                </div>
                <svg class="network" node_ref=svg_ref role="group" aria-label="Network of names; each name is a button that adds it to the filter"
                    viewBox=move || { let (x, y, s) = view_box.get(); format!("{x:.1} {y:.1} {s:.1} {s:.1}") }
                    on:wheel=move |ev: leptos::ev::WheelEvent| {
                        ev.prevent_default();
                        let (x, y, s) = view_box.get_untracked();
                        zoom(if ev.delta_y() > 0.0 { 1.15 } else { 1.0 / 1.15 }, x + s / 2.0, y + s / 2.0);
                    }
                    on:pointerdown=move |ev: leptos::ev::PointerEvent| {
                        drag.set(Some((f64::from(ev.client_x()), f64::from(ev.client_y()))));
                    }
                    on:pointermove=move |ev: leptos::ev::PointerEvent| {
                        let Some((px, py)) = drag.get_untracked() else { return };
                        let Some(per_px) = per_px() else { return };
                        let (cx, cy) = (f64::from(ev.client_x()), f64::from(ev.client_y()));
                        view_box.update(|(x, y, _)| {
                            *x -= (cx - px) * per_px;
                            *y -= (cy - py) * per_px;
                        });
                        drag.set(Some((cx, cy)));
                    }
                    on:pointerup=move |_| drag.set(None)
                    on:pointerleave=move |_| drag.set(None)>
                    <g class="edges">{edges}</g>
                    <g class="nodes">{nodes}</g>
                </svg>
                <details class="edge-table">
                    <summary>{format!("All {total_edges} links as a table")}</summary>
                    <table>
                        <thead><tr><th scope="col">"Name"</th><th scope="col">"Name"</th><th scope="col" class="numeric">"Shared articles"</th></tr></thead>
                        <tbody>{table_rows}</tbody>
                    </table>
                    <Show when=move || { show_rows.get() < total_edges }>
                        <button type="button" class="more-items" on:click=move |_| show_rows.update(|n| *n += TABLE_ROWS)>"Show more links"</button>
                    </Show>
                </details>
            </section>
        })
    }
}

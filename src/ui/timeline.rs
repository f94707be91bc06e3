//! The date timeline: an SVG histogram of the matching articles' publication dates, or of the
//! dates they mention. A bar, or a run of bars (drag, or shift-click, or shift+Enter from the
//! keyboard), selects a date range; arrow keys move between bars. Dates whose year is unknown
//! ("November 23") have their own lane, so they are never lost.

use super::link::ViewLink;
use super::state::AppState;
use crate::corpus::parse_date;
use crate::query::{Bucket, DateField, Filter, Granularity};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

const WIDTH: f64 = 300.0;
const HEIGHT: f64 = 64.0;

/// The timeline panel.
#[component]
pub fn Timeline() -> impl IntoView {
    let state = AppState::use_context();
    // Where a pointer drag started (a bucket index); transient, like a hover.
    let drag_from = RwSignal::new(None::<usize>);
    move || {
        let results = state.results.get()?;
        let filter = state.filter.get().0;
        let histogram = results.0.histogram.clone();
        let buckets = histogram.buckets.clone();
        let max = buckets.iter().map(|b| b.count).max().unwrap_or(0).max(1) as f64;
        let n = buckets.len().max(1) as f64;
        let bar_width = WIDTH / n;
        let unit = match histogram.granularity {
            Granularity::Year => "year",
            Granularity::Month => "month",
            Granularity::Day => "day",
        };
        let counted = if filter.dates == DateField::Mentioned {
            "mentions"
        } else {
            "articles"
        };
        let select = move |from: &Bucket, to: &Bucket| {
            let (Ok(a), Ok(b)) = (parse_date(&from.label), parse_date(&to.label)) else {
                return;
            };
            let (from, to) = if a <= b { (a, b) } else { (b, a) };
            state.update(|f| {
                f.from = Some(from);
                f.to = Some(to);
                f.close_opened();
            });
        };
        let bars = buckets
            .iter()
            .enumerate()
            .map(|(i, bucket)| {
                let h = (bucket.count as f64 / max * (HEIGHT - 4.0)).max(2.0);
                let selected = in_range(&filter, &bucket.label);
                let label = format!("{}: {} {counted}", bucket.label, bucket.count);
                let aria = label.clone();
                let buckets_click = buckets.clone();
                let buckets_key = buckets.clone();
                let buckets_up = buckets.clone();
                let this = bucket.clone();
                let this_key = bucket.clone();
                let current_from = filter.from;
                view! {
                    <rect
                        class="bar"
                        class:selected=selected
                        x=format!("{:.2}", i as f64 * bar_width + 0.5)
                        y=format!("{:.2}", HEIGHT - h)
                        width=format!("{:.2}", (bar_width - 1.0).max(0.5))
                        height=format!("{h:.2}")
                        tabindex="0"
                        role="button"
                        aria-label=aria
                        data-bucket=bucket.label.clone()
                        on:pointerdown=move |_| drag_from.set(Some(i))
                        on:pointerup=move |_| {
                            if let Some(start) = drag_from.get_untracked().filter(|&s| s != i) {
                                select(&buckets_up[start], &buckets_up[i]);
                            }
                            drag_from.set(None);
                        }
                        on:click=move |ev: leptos::ev::MouseEvent| {
                            let anchor = if ev.shift_key() { current_from.and_then(|f| nearest(&buckets_click, f)) } else { None };
                            select(anchor.map_or(&this, |a| &buckets_click[a]), &this);
                        }
                        on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                            match ev.key().as_str() {
                                "Enter" | " " => {
                                    ev.prevent_default();
                                    let anchor = if ev.shift_key() { current_from.and_then(|f| nearest(&buckets_key, f)) } else { None };
                                    select(anchor.map_or(&this_key, |a| &buckets_key[a]), &this_key);
                                }
                                "ArrowLeft" | "ArrowRight" => {
                                    ev.prevent_default();
                                    focus_sibling(&ev, ev.key() == "ArrowRight");
                                }
                                _ => {}
                            }
                        }
                    >
                        <title>{label}</title>
                    </rect>
                }
            })
            .collect_view();
        let first = buckets.first().map(|b| b.label.clone()).unwrap_or_default();
        let last = buckets.last().map(|b| b.label.clone()).unwrap_or_default();
        let year_unknown = histogram.year_unknown.clone();
        let undated = histogram.undated;
        let base = filter.results_view();
        let field_link = move |field: DateField, label: &'static str| {
            let target = Filter {
                dates: field,
                ..base.clone()
            };
            let current = base.dates == field;
            view! { <ViewLink filter=target class=if current { "toggle current" } else { "toggle" }>{label}</ViewLink> }
        };
        let has_range = filter.from.is_some() || filter.to.is_some();
        let cleared = Filter {
            from: None,
            to: None,
            ..filter.results_view()
        };
        Some(view! {
            <section class="timeline" aria-labelledby="timeline-heading">
                <h2 id="timeline-heading">"Timeline"</h2>
                <p class="timeline-fields">{field_link(DateField::Published, "Published")} " · " {field_link(DateField::Mentioned, "Mentioned")}</p>
                {if buckets.is_empty() {
                    view! { <p class="timeline-empty">"No dates in these articles."</p> }.into_any()
                } else {
                    view! {
                        <svg class="histogram" viewBox=format!("0 0 {WIDTH} {HEIGHT}") preserveAspectRatio="none"
                            role="group" aria-label=format!("{counted} per {unit}; choose a bar to filter by its dates")>
                            {bars}
                        </svg>
                        <p class="axis"><span>{first}</span><span>{last}</span></p>
                    }.into_any()
                }}
                <Show when=move || has_range>
                    <ViewLink filter=cleared.clone() class="clear-dates">"Any date"</ViewLink>
                </Show>
                {(!year_unknown.is_empty()).then(|| view! {
                    <div class="year-unknown">
                        <h3>"Year unknown"</h3>
                        <ul>
                            {year_unknown.into_iter().map(|b| view! {
                                <li><span class="bucket-label">{b.label}</span>" "<span class="bucket-count">{b.count}</span></li>
                            }).collect_view()}
                        </ul>
                    </div>
                })}
                {(undated > 0).then(|| view! { <p class="undated">{format!("{undated} undated")}</p> })}
            </section>
        })
    }
}

/// Whether the bucket labelled `label` lies inside the filter's date range.
fn in_range(filter: &Filter, label: &str) -> bool {
    let Ok(date) = parse_date(label) else {
        return false;
    };
    (filter.from.is_some() || filter.to.is_some())
        && filter
            .from
            .is_none_or(|f| date >= f || label.starts_with(&f.to_string()))
        && filter
            .to
            .is_none_or(|t| date <= t || label.starts_with(&t.to_string()))
}

/// The bucket whose label is, or contains, `date`.
fn nearest(buckets: &[Bucket], date: crate::corpus::Date) -> Option<usize> {
    let label = date.to_string();
    buckets
        .iter()
        .position(|b| label.starts_with(&b.label) || b.label.starts_with(&label))
}

/// Moves keyboard focus to the previous or next bar.
fn focus_sibling(ev: &leptos::ev::KeyboardEvent, forward: bool) {
    let Some(target) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    let sibling = if forward {
        target.next_element_sibling()
    } else {
        target.previous_element_sibling()
    };
    if let Some(el) = sibling.and_then(|s| s.dyn_into::<web_sys::SvgElement>().ok()) {
        let _ = el.focus();
    }
}

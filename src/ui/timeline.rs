//! The date timeline: an SVG histogram of the matching articles' publication dates, or of the
//! dates they mention, on a continuous axis (empty periods drawn as zero).
//!
//! The overview always shows the whole collection under the other filters, with the selected
//! range as a brush on it, so selecting never hides the rest; the range's own detail (in
//! finer periods) is drawn below it. A bar, or a run of bars (drag, or shift-click, or
//! shift+Enter from the keyboard), selects a range; arrow keys move between bars; buttons
//! move the range earlier or later by its own length, or clear it. Dates whose year is
//! unknown ("November 23") have their own lane, dates less precise than the bars are listed,
//! and mentioned dates outside the plausible years are counted, so none are lost silently.

use super::link::ViewLink;
use super::state::AppState;
use crate::corpus::{Date, parse_date};
use crate::query::{
    Bucket, DateField, Filter, Histogram, PLAUSIBLE_MARGIN_YEARS, Shift, overview, shift_range,
};
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

const WIDTH: f64 = 300.0;
const HEIGHT: f64 = 64.0;

/// Shared histograms compared by identity: a Memo of them is cheap.
#[derive(Clone)]
struct SharedHistogram(Arc<Histogram>);

impl PartialEq for SharedHistogram {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// The timeline panel.
#[component]
pub fn Timeline() -> impl IntoView {
    let state = AppState::use_context();
    // The whole collection under the other filters. Without a date range that is the
    // search's own histogram; with one, the filter is evaluated again without it.
    let whole = Memo::new(move |_| {
        let results = state.results.get()?;
        let filter = state.filter.get().0;
        if filter.from.is_none() && filter.to.is_none() {
            return Some(SharedHistogram(Arc::new(results.0.histogram.clone())));
        }
        let library = state.library.get()?;
        Some(SharedHistogram(Arc::new(overview(&library.index, &filter))))
    });
    move || {
        let results = state.results.get()?;
        let whole = whole.get()?.0;
        let filter = state.filter.get().0;
        Some(panel(state, &whole, &results.0.histogram, &filter))
    }
}

/// The timeline of `filter`'s view: `whole` is the collection under the other filters
/// (the view's own histogram without a date range), `detail` the range's (both builds).
pub(super) fn panel(
    state: AppState,
    whole: &Histogram,
    detail: &Histogram,
    filter: &Filter,
) -> impl IntoView + use<> {
    let counted = if filter.dates == DateField::Mentioned {
        "mentions"
    } else {
        "articles"
    };
    let has_range = filter.from.is_some() || filter.to.is_some();
    let base = filter.results_view();
    let field_link = move |field: DateField, label: &'static str| {
        let target = Filter {
            dates: field,
            ..base.clone()
        };
        let current = base.dates == field;
        view! { <ViewLink filter=target class=if current { "toggle current" } else { "toggle" }>{label}</ViewLink> }
    };
    let range_text = range_text(filter);
    let cleared = Filter {
        from: None,
        to: None,
        ..filter.results_view()
    };
    let moved = |shift: Shift| {
        let (from, to) = shift_range(filter.from?, filter.to?, shift)?;
        Some(Filter {
            from: Some(from),
            to: Some(to),
            ..filter.results_view()
        })
    };
    let (earlier, later) = (moved(Shift::Earlier), moved(Shift::Later));
    let left_out = (whole.left_out > 0).then(|| {
        let (lo, hi) = whole.plausible.unwrap_or((0, 0));
        let plural = if whole.left_out == 1 { "date" } else { "dates" };
        view! {
            <p class="left-out" title=format!("Mentioned dates are drawn for the years of publication ± {PLAUSIBLE_MARGIN_YEARS}; others are mostly misread numbers.")>
                {format!("{} mentioned {plural} outside {lo}–{hi} not shown", whole.left_out)}
            </p>
        }
    });
    view! {
        <section class="timeline" aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">"Timeline"</h2>
            <p class="timeline-fields">{field_link(DateField::Published, "Published")} " · " {field_link(DateField::Mentioned, "Mentioned")}</p>
            {chart(state, whole, filter, counted, "overview")}
            {has_range.then(|| view! {
                <div class="range-controls" role="group" aria-label="Selected dates">
                    <span class="range-text">{range_text.clone()}</span>
                    {earlier.map(|f| view! { <ViewLink filter=f class="range-move range-earlier" label="Move the dates earlier">"← Earlier"</ViewLink> })}
                    {later.map(|f| view! { <ViewLink filter=f class="range-move range-later" label="Move the dates later">"Later →"</ViewLink> })}
                    <ViewLink filter=cleared.clone() class="clear-dates">"Any date"</ViewLink>
                </div>
                <h3 class="detail-heading">{format!("Detail: {range_text}")}</h3>
                {chart(state, detail, filter, counted, "detail")}
            })}
            {lane(&whole.coarse, "Without a more precise date", "coarse")}
            {lane(&whole.year_unknown, "Year unknown", "year-unknown")}
            {left_out}
            {(whole.undated > 0).then(|| view! { <p class="undated">{format!("{} undated", whole.undated)}</p> })}
        </section>
    }
}

/// A list of dated counts that have no place on the axis.
fn lane(
    buckets: &[Bucket],
    title: &'static str,
    class: &'static str,
) -> Option<impl IntoView + use<>> {
    (!buckets.is_empty()).then(|| {
        let items = buckets
            .iter()
            .map(|b| view! { <li><span class="bucket-label">{b.label.clone()}</span>" "<span class="bucket-count">{b.count}</span></li> })
            .collect_view();
        view! {
            <div class=format!("lane {class}")>
                <h3>{title}</h3>
                <ul>{items}</ul>
            </div>
        }
    })
}

/// One histogram as bars: each selects its period (or a run, by drag or shift).
pub(super) fn chart(
    state: AppState,
    histogram: &Histogram,
    filter: &Filter,
    counted: &'static str,
    which: &'static str,
) -> AnyView {
    let buckets: Arc<Vec<Bucket>> = Arc::new(histogram.buckets.clone());
    if buckets.is_empty() {
        return view! { <p class="timeline-empty">"No dates in these articles."</p> }.into_any();
    }
    let unit = histogram.granularity.unit();
    let max = buckets.iter().map(|b| b.count).max().unwrap_or(0).max(1);
    let bar_width = WIDTH / buckets.len() as f64;
    let has_range = filter.from.is_some() || filter.to.is_some();
    // One bar takes Tab (the first selected, else the last); arrows move from there.
    let focused = buckets
        .iter()
        .position(|b| in_range(filter, &b.label))
        .unwrap_or(buckets.len() - 1);
    let current_from = filter.from;
    // Where a pointer drag started (a bucket index); transient, like a hover.
    let drag_from = RwSignal::new(None::<usize>);
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
        // The chart is redrawn: keep the keyboard on the bar just chosen.
        let css = format!("[data-chart={which}] rect[data-bucket=\"{to}\"]");
        request_animation_frame(move || {
            if let Some(el) = document()
                .query_selector(&css)
                .ok()
                .flatten()
                .and_then(|e| e.dyn_into::<web_sys::SvgElement>().ok())
            {
                let _ = el.focus();
            }
        });
    };
    let anchored = move |buckets: &[Bucket], shift: bool| -> Option<usize> {
        shift
            .then(|| current_from.and_then(|f| nearest(buckets, f)))
            .flatten()
    };
    let bars = buckets
        .iter()
        .enumerate()
        .map(|(i, bucket)| {
            let h = if bucket.count == 0 {
                1.0
            } else {
                (f64::from(bucket.count) / f64::from(max) * (HEIGHT - 4.0)).max(2.0)
            };
            let selected = in_range(filter, &bucket.label);
            let label = format!("{}: {} {counted}", bucket.label, bucket.count);
            let aria = label.clone();
            let (on_click, on_key, on_up) = (buckets.clone(), buckets.clone(), buckets.clone());
            view! {
                <rect
                    class="bar"
                    class:selected=selected
                    class:outside=has_range && !selected
                    class:empty=bucket.count == 0
                    x=format!("{:.2}", i as f64 * bar_width)
                    y=format!("{:.2}", HEIGHT - h)
                    width=format!("{:.2}", (bar_width - 0.6).max(0.4))
                    height=format!("{h:.2}")
                    tabindex=if i == focused { "0" } else { "-1" }
                    role="button"
                    aria-label=aria
                    aria-pressed=selected.to_string()
                    data-bucket=bucket.label.clone()
                    data-count=bucket.count
                    on:pointerdown=move |_| drag_from.set(Some(i))
                    on:pointerup=move |_| {
                        if let Some(start) = drag_from.get_untracked().filter(|&s| s != i) {
                            select(&on_up[start], &on_up[i]);
                        }
                        drag_from.set(None);
                    }
                    on:click=move |ev: leptos::ev::MouseEvent| {
                        let anchor = anchored(&on_click, ev.shift_key());
                        select(&on_click[anchor.unwrap_or(i)], &on_click[i]);
                    }
                    on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                        match ev.key().as_str() {
                            "Enter" | " " => {
                                ev.prevent_default();
                                let anchor = anchored(&on_key, ev.shift_key());
                                select(&on_key[anchor.unwrap_or(i)], &on_key[i]);
                            }
                            "ArrowLeft" | "ArrowRight" | "Home" | "End" => {
                                ev.prevent_default();
                                focus_bar(&ev, ev.key().as_str());
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
    let caption = format!("{counted} per {unit}");
    view! {
        <figure class=format!("chart chart-{which}") data-chart=which>
            <figcaption class="axis-y"><span>{caption.clone()}</span><span class="axis-max">{format!("max {max}")}</span></figcaption>
            <svg class="histogram" viewBox=format!("0 0 {WIDTH} {HEIGHT}") preserveAspectRatio="none"
                role="group" aria-label=format!("{caption}, {first} to {last}; choose a bar to filter by its dates")>
                <line class="baseline" x1="0" x2=WIDTH y1=HEIGHT y2=HEIGHT></line>
                {bars}
            </svg>
            <p class="axis"><span>{first}</span><span>{last}</span></p>
        </figure>
    }
    .into_any()
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
fn nearest(buckets: &[Bucket], date: Date) -> Option<usize> {
    let label = date.to_string();
    buckets
        .iter()
        .position(|b| label.starts_with(&b.label) || b.label.starts_with(&label))
}

/// Moves keyboard focus to the previous, next, first or last bar of the same chart.
fn focus_bar(ev: &leptos::ev::KeyboardEvent, key: &str) {
    let Some(target) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    let bar =
        |el: Option<web_sys::Element>| el.filter(|e| e.tag_name().eq_ignore_ascii_case("rect"));
    let next = match key {
        "ArrowRight" => bar(target.next_element_sibling()),
        "ArrowLeft" => bar(target.previous_element_sibling()),
        "Home" => target
            .parent_element()
            .and_then(|p| p.query_selector("rect").ok().flatten()),
        _ => target
            .parent_element()
            .and_then(|p| p.query_selector_all("rect").ok())
            .and_then(|all| all.item(all.length().saturating_sub(1)))
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok()),
    };
    if let Some(el) = next.and_then(|s| s.dyn_into::<web_sys::SvgElement>().ok()) {
        let _ = target.set_attribute("tabindex", "-1");
        let _ = el.set_attribute("tabindex", "0");
        let _ = el.focus();
    }
}

/// The filter's published-date range in words ("1987-03", "1987-03 to 1987-04", "from …").
pub(super) fn range_text(filter: &Filter) -> String {
    match (filter.from, filter.to) {
        (Some(a), Some(b)) if a == b => a.to_string(),
        (Some(a), Some(b)) => format!("{a} to {b}"),
        (Some(a), None) => format!("from {a}"),
        (None, Some(b)) => format!("until {b}"),
        (None, None) => String::new(),
    }
}

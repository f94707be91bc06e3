//! The entity page (`?entity=person:stanislav-zas`): canonical name, kind, aliases, roles
//! (deduplicated, with counts), mention count, the names the resolve stage merged into it
//! and why, its articles over time, the entities named with it, and every quote by and
//! about it and every article naming it, each list paged with "show more" so all of it is
//! reachable. "Edit this entity" and each merged name's "Split off" make hand edits
//! ([`super::curation`]); a link to an entity an edit renamed, merged or hid says which edit
//! and leads to where the entity went.
//!
//! The page is a column of sections ([`section`]); a new list is one more section.

use super::curation::{EntityControls, kind_word, split_button};
use super::link::ViewLink;
use super::state::{AppState, Library};
use crate::extract::EntityId;
use crate::query::entity_profile::{Role, entity_profile};
use crate::query::{Filter, Histogram};
use crate::resolve::Curated;
use leptos::prelude::*;
use std::sync::Arc;

/// Items of a list shown at first, and added by each "show more".
pub(super) const PAGE: usize = 20;

/// The page of entity `id`.
#[component]
pub fn EntityPage(
    /// The entity.
    id: EntityId,
) -> impl IntoView {
    let state = AppState::use_context();
    // How far each list is shown: transient, like scrolling (not part of the link).
    let shown_by = RwSignal::new(PAGE);
    let shown_about = RwSignal::new(PAGE);
    let shown_articles = RwSignal::new(PAGE);
    let shown_co = RwSignal::new(PAGE);
    move || {
        let library = state.library.get()?;
        let filter = state.filter.get().0;
        let base = filter.results_view();
        let back =
            view! { <ViewLink filter=base.clone() class="back">"← Back to results"</ViewLink> };
        let Some(p) = entity_profile(&library.index, &library.articles, &library.annotations, &id)
        else {
            return Some(
                view! {
                    {back}
                    <p class="notice" role="alert">{format!("No article names “{}”.", id)}</p>
                    {edited_away(&library.decisions.curated, &id)}
                    {resolved_away(&library, &id)}
                }
                .into_any(),
            );
        };
        let p = Arc::new(p);
        let mut filter_by = base.clone();
        if !filter_by.entities.contains(&p.id) {
            filter_by.entities.push(p.id.clone());
        }
        let kind = kind_word(p.kind);
        let show_label = match p.articles.len() {
            1 => format!("Show the article naming {}", p.name),
            n => format!("Show the {n} articles naming {}", p.name),
        };
        let co = {
            let (p, base) = (p.clone(), base.clone());
            paged(shown_co, p.co_occurring.len(), "co-list", move |range| {
                p.co_occurring[range].iter().map(|(other, name, shared)| {
                    let page = Filter { entity: Some(other.clone()), ..base.clone() };
                    let (name, shared) = (name.clone(), *shared);
                    view! { <li><ViewLink filter=page class="entity-link">{name}</ViewLink>" "<span class="facet-count">{shared}</span></li> }
                }).collect_view()
            })
        };
        let quotes_by = quote_list(&library, &p.quotes_by, &base, shown_by);
        let quotes_about = quote_list(&library, &p.quotes_about, &base, shown_about);
        let articles = article_list(
            &library,
            &p.articles,
            &base,
            shown_articles,
            "entity-articles",
        );
        let merged = merged_names(&library, &p.id);
        let per = p.over_time.granularity.unit();
        Some(view! {
            {back}
            <article class="entity-page" aria-labelledby="entity-name">
                <h1 id="entity-name">{p.name.clone()}</h1>
                <p class="entity-kind">{kind}{p.roles.first().map(|r| format!(" · {}", r.name))}</p>
                <dl class="entity-facts">
                    <dt>"Also called"</dt><dd>{if p.aliases.is_empty() { "—".to_string() } else { p.aliases.join(", ") }}</dd>
                    <dt>"Roles"</dt><dd>{roles_view(&p.roles)}</dd>
                    <dt>"Mentions"</dt><dd>{format!("{} in {} article{}", p.mentions, p.articles.len(), if p.articles.len() == 1 { "" } else { "s" })}</dd>
                </dl>
                <p><ViewLink filter=filter_by class="button-link">{show_label}</ViewLink></p>
                <EntityControls id=p.id.clone() name=p.name.clone() kind=p.kind/>
                {merged}
                {section("over-time", format!("Articles naming {} per {per}", p.name), over_time_chart(&p.over_time))}
                {section("co-heading", format!("Named with ({})", p.co_occurring.len()), co)}
                {section("by-heading", format!("Quotes by {} ({})", p.name, p.quotes_by.len()), quotes_by)}
                {section("about-heading", format!("Quotes naming {} ({})", p.name, p.quotes_about.len()), quotes_about)}
                {section("articles-heading", format!("Articles ({})", p.articles.len()), articles)}
            </article>
        }.into_any())
    }
}

/// One resolve decision as the page words it: "common word; the collection writes …, 3 articles".
pub(super) fn decided(rule: &str, evidence: &str, articles: usize) -> String {
    let plural = if articles == 1 { "" } else { "s" };
    format!("{rule}; {evidence}, {articles} article{plural}")
}

/// The names the resolve stage merged into `id`, each with its rule and evidence; nothing
/// when it merged none.
fn merged_names(library: &Library, id: &EntityId) -> Option<impl IntoView + use<>> {
    let items: Vec<_> = library
        .decisions
        .merged_into(id)
        .map(|m| {
            let text = format!(
                "{} ({}): {}",
                m.name,
                m.from,
                decided(m.rule.describe(), &m.evidence, m.articles)
            );
            let split = split_button(id, &m.name, m.rule, &m.evidence);
            view! { <li data-name=m.name.clone()><span class="merged-why">{text}</span>" "{split}</li> }
        })
        .collect();
    (!items.is_empty()).then(|| {
        section(
            "merged-heading",
            format!("Merged names ({})", items.len()),
            view! { <ul class="merged-names">{items}</ul> },
        )
    })
}

/// Why an entity has no page when an edit took it away (hidden, merged, renamed).
pub(super) fn edited_away(curated: &[Curated], id: &EntityId) -> Option<impl IntoView + use<>> {
    let needle = format!("{id} ");
    let edit = curated
        .iter()
        .rev()
        .find(|c| c.applied && (c.edit.contains(&needle) || c.edit.ends_with(id.as_str())))?;
    let text = format!(
        "An entity edit changed it: {} ({}). The edits are listed under “Entity edits”.",
        edit.edit, edit.outcome
    );
    // A link shared before the edit still leads to the entity the edit left.
    let now = edit.entity.clone().map(|entity| {
        let filter = Filter {
            entity: Some(entity.clone()),
            ..Filter::default()
        };
        view! { " "<ViewLink filter=filter class="entity-link">{format!("Open {entity}")}</ViewLink> }
    });
    Some(view! { <p class="curation-note" id="edited-away">{text}{now}</p> })
}

/// Where the resolve stage put a name a link still calls by extraction's id (a link made
/// before the collection was resolved this way): each entity it now belongs to, with the
/// rule and evidence, and a link to that entity's page; or why it was left out.
fn resolved_away(library: &Library, id: &EntityId) -> Option<impl IntoView + use<>> {
    let (merges, drops) = library.decisions.fate_of(id);
    if merges.is_empty() && drops.is_empty() {
        return None;
    }
    let merged = merges
        .into_iter()
        .map(|m| {
            let name = library
                .index
                .entity_of(m.into.as_str())
                .and_then(|e| library.index.entities().get(e as usize))
                .map_or_else(|| m.into.to_string(), |e| e.name.clone());
            let why = decided(m.rule.describe(), &m.evidence, m.articles);
            (m.into.clone(), name, why)
        })
        .collect();
    let dropped = drops
        .into_iter()
        .map(|d| decided(d.rule.describe(), &d.evidence, d.articles))
        .collect();
    Some(placed_elsewhere(
        "The collection's resolve stage placed this name elsewhere:".to_string(),
        merged,
        dropped,
    ))
}

/// Where a resolve stage placed a name a link still calls by extraction's id: each entity
/// it is now part of (`(id, name, why)`), linked, and each reason it was left out (both
/// builds' pages say it so).
pub(super) fn placed_elsewhere(
    intro: String,
    merged: Vec<(EntityId, String, String)>,
    dropped: Vec<String>,
) -> impl IntoView + use<> {
    let merged = merged
        .into_iter()
        .map(|(into, name, why)| {
            let filter = Filter {
                entity: Some(into),
                ..Filter::default()
            };
            view! { <li>"Now part of "<ViewLink filter=filter class="entity-link">{name}</ViewLink>{format!(" ({why})")}</li> }
        })
        .collect_view();
    let dropped = dropped
        .into_iter()
        .map(|why| view! { <li>{format!("Left out: {why}")}</li> })
        .collect_view();
    view! {
        <div class="curation-note" id="resolved-away">
            <p>{intro}</p>
            <ul>{merged}{dropped}</ul>
        </div>
    }
}

/// One section of the page: a heading (its id given) over `body`.
pub(super) fn section(
    id: &'static str,
    heading: String,
    body: impl IntoView + 'static,
) -> impl IntoView {
    view! {
        <section aria-labelledby=id data-section=id>
            <h2 id=id>{heading}</h2>
            {body}
        </section>
    }
}

/// Roles as "Treasury Secretary (57; also U.S. Treasury Secretary 10)", most frequent first.
pub(super) fn roles_view(roles: &[Role]) -> impl IntoView + use<> {
    if roles.is_empty() {
        return "—".into_any();
    }
    let items = roles
        .iter()
        .map(|r| {
            let also = (!r.variants.is_empty()).then(|| {
                let variants = r
                    .variants
                    .iter()
                    .map(|(v, n)| format!("{v} {n}"))
                    .collect::<Vec<_>>()
                    .join(", ");
                view! { <span class="role-variants">{format!(" (also written: {variants})")}</span> }
            });
            view! { <li><span class="role-name">{r.name.clone()}</span>" "<span class="facet-count">{r.count}</span>{also}</li> }
        })
        .collect_view();
    view! { <ul class="roles">{items}</ul> }.into_any()
}

/// Articles per period as bars on a continuous axis, with both axes labelled and a text
/// equivalent for screen readers.
pub(super) fn over_time_chart(h: &Histogram) -> impl IntoView + use<> {
    let (width, height) = (300.0, 60.0);
    let max = h.buckets.iter().map(|b| b.count).max().unwrap_or(0).max(1);
    let n = h.buckets.len().max(1) as f64;
    let bars = h
        .buckets
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let bar = if b.count == 0 {
                1.0
            } else {
                (f64::from(b.count) / f64::from(max) * (height - 4.0)).max(2.0)
            };
            let plural = if b.count == 1 { "" } else { "s" };
            view! {
                <rect class:empty=b.count == 0 data-bucket=b.label.clone() data-count=b.count
                    x=format!("{:.2}", i as f64 * width / n) y=format!("{:.2}", height - bar)
                    width=format!("{:.2}", (width / n - 0.6).max(0.4)) height=format!("{bar:.2}")>
                    <title>{format!("{}: {} article{plural}", b.label, b.count)}</title>
                </rect>
            }
        })
        .collect_view();
    let described = h
        .buckets
        .iter()
        .map(|b| format!("{}: {}", b.label, b.count))
        .collect::<Vec<_>>()
        .join(", ");
    let first = h
        .buckets
        .first()
        .map(|b| b.label.clone())
        .unwrap_or_default();
    let last = h
        .buckets
        .last()
        .map(|b| b.label.clone())
        .unwrap_or_default();
    let unit = h.granularity.unit();
    let extra = [
        (!h.coarse.is_empty()).then(|| {
            let n: u32 = h.coarse.iter().map(|b| b.count).sum();
            format!("{n} with a less precise date")
        }),
        (h.undated > 0).then(|| format!("{} undated", h.undated)),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" · ");
    view! {
        <figure class="chart over-time">
            <figcaption class="axis-y"><span>{format!("articles per {unit}")}</span><span class="axis-max">{format!("max {max}")}</span></figcaption>
            <svg class="histogram small" viewBox=format!("0 0 {width} {height}") preserveAspectRatio="none" role="img"
                aria-label=format!("Articles per {unit}: {described}")>
                <line class="baseline" x1="0" x2=width y1=height y2=height></line>
                {bars}
            </svg>
            <p class="axis"><span>{first}</span><span>{format!("time ({unit}s)")}</span><span>{last}</span></p>
            {(!extra.is_empty()).then(|| view! { <p class="undated">{extra}</p> })}
        </figure>
    }
}

/// A list shown `shown` items at a time, with a "show more" button while some are hidden.
pub(super) fn paged<V: IntoView + 'static>(
    shown: RwSignal<usize>,
    total: usize,
    class: &'static str,
    render: impl Fn(std::ops::Range<usize>) -> V + Send + Sync + 'static,
) -> impl IntoView {
    let items = move || render(0..shown.get().min(total));
    let rest = move || total.saturating_sub(shown.get());
    view! {
        <ul class=format!("paged {class}")>{items}</ul>
        <Show when=move || { rest() > 0 }>
            <button class="more-items" type="button" on:click=move |_| shown.update(|s| *s += PAGE)>
                {move || format!("Show {} more ({} of {total} shown)", rest().min(PAGE), shown.get().min(total))}
            </button>
        </Show>
        <Show when=move || { total == 0 }>
            <p class="facet-empty">"None."</p>
        </Show>
    }
}

/// Articles `docs` of `library`, paged, each opening in the reader (with its date).
pub(super) fn article_list(
    library: &Arc<Library>,
    docs: &[u32],
    base: &Filter,
    shown: RwSignal<usize>,
    class: &'static str,
) -> impl IntoView + use<> {
    let (library, docs, base) = (library.clone(), docs.to_vec(), base.clone());
    paged(shown, docs.len(), class, move |range| {
        docs[range]
            .iter()
            .filter_map(|&d| {
                let article = library.articles.get(d as usize)?;
                let open = Filter {
                    article: Some(article.id.0.clone()),
                    ..base.clone()
                };
                let date = article.date.map(|d| d.to_string());
                Some(article_item(open, article.title.clone(), date))
            })
            .collect_view()
    })
}

/// One article of an entity page's lists: its title opening it, and its date.
pub(super) fn article_item(open: Filter, title: String, date: Option<String>) -> impl IntoView {
    let date = date.map(|d| format!(" {d}"));
    view! { <li><ViewLink filter=open class="hit-link">{title}</ViewLink><span class="hit-meta">{date}</span></li> }
}

/// One quote of an entity page's lists: its text, speaker and a permalink into its article.
pub(super) fn quote_item(
    permalink: Filter,
    text: String,
    speaker: Option<String>,
    title: String,
) -> impl IntoView {
    view! {
        <li class="quote-hit">
            <blockquote>{text}</blockquote>
            <p class="quote-source">
                {speaker.map(|s| format!("— {s}, "))}
                <ViewLink filter=permalink class="quote-permalink">{title}</ViewLink>
            </p>
        </li>
    }
}

pub(super) fn quote_list(
    library: &Arc<Library>,
    quotes: &[(u32, usize)],
    base: &Filter,
    shown: RwSignal<usize>,
) -> impl IntoView + use<> {
    let (library, quotes, base) = (library.clone(), quotes.to_vec(), base.clone());
    let total = quotes.len();
    paged(shown, total, "quote-hits", move |range| {
        quotes[range]
            .iter()
            .filter_map(|&(doc, n)| {
                let article = library.articles.get(doc as usize)?;
                let quote = library.annotations.get(doc as usize)?.quotes.get(n)?;
                let permalink = Filter {
                    article: Some(article.id.0.clone()),
                    quote: Some(n as u32),
                    entity: None,
                    ..base.clone()
                };
                Some(quote_item(
                    permalink,
                    quote.span.slice(&article.text).to_string(),
                    quote.speaker.clone(),
                    article.title.clone(),
                ))
            })
            .collect_view()
    })
}

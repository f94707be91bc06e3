//! The entity page (`?entity=person:stanislav-zas`): canonical name, kind, aliases, role,
//! mention count, the names the resolve stage merged into it and why, the entities named with it, quotes by and about it, and its mentions over
//! time.

use super::link::ViewLink;
use super::state::{AppState, Library};
use crate::extract::{EntityId, EntityKind};
use crate::query::Filter;
use crate::query::entity_profile::entity_profile;
use leptos::prelude::*;
use std::sync::Arc;

/// Co-occurring entities and articles listed.
const LISTED: usize = 15;

/// The page of entity `id`.
#[component]
pub fn EntityPage(
    /// The entity.
    id: EntityId,
) -> impl IntoView {
    let state = AppState::use_context();
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
                }
                .into_any(),
            );
        };
        let mut filter_by = base.clone();
        if !filter_by.entities.contains(&p.id) {
            filter_by.entities.push(p.id.clone());
        }
        let kind = match p.kind {
            EntityKind::Person => "Person",
            EntityKind::Organization => "Organisation",
            EntityKind::Place => "Place",
            EntityKind::Misc => "Name",
        };
        let max = p
            .over_time
            .iter()
            .map(|(_, n)| *n)
            .max()
            .unwrap_or(1)
            .max(1) as f64;
        let n = p.over_time.len().max(1) as f64;
        let bars = p.over_time.iter().enumerate().map(|(i, (label, count))| {
            let h = (*count as f64 / max * 36.0).max(2.0);
            view! {
                <rect x=format!("{:.2}", i as f64 * 200.0 / n) y=format!("{:.2}", 40.0 - h) width=format!("{:.2}", (200.0 / n - 1.0).max(0.5)) height=format!("{h:.2}")>
                    <title>{format!("{label}: {count} article{}", if *count == 1 { "" } else { "s" })}</title>
                </rect>
            }
        }).collect_view();
        let show_label = match p.articles.len() {
            1 => format!("Show the article naming {}", p.name),
            n => format!("Show the {n} articles naming {}", p.name),
        };
        let by_label = format!("Quotes by {} ({})", p.name, p.quotes_by.len());
        let about_label = format!("Quotes naming {} ({})", p.name, p.quotes_about.len());
        let over_time_label = p
            .over_time
            .iter()
            .map(|(l, c)| format!("{l}: {c}"))
            .collect::<Vec<_>>()
            .join(", ");
        let co = p.co_occurring.iter().take(LISTED).map(|(other, name, shared)| {
            let page = Filter { entity: Some(other.clone()), ..base.clone() };
            let (name, shared) = (name.clone(), *shared);
            view! { <li><ViewLink filter=page class="entity-link">{name}</ViewLink>" "<span class="facet-count">{shared}</span></li> }
        }).collect_view();
        let merged = library
            .decisions
            .merged_into(&p.id)
            .map(|m| {
                let text = format!(
                    "{} ({}): {}; {}, {} article{}",
                    m.name,
                    m.from,
                    m.rule.describe(),
                    m.evidence,
                    m.articles,
                    if m.articles == 1 { "" } else { "s" }
                );
                view! { <li>{text}</li> }
            })
            .collect::<Vec<_>>();
        let merged = (!merged.is_empty()).then(|| {
            view! { <section aria-labelledby="merged-heading"><h2 id="merged-heading">"Merged names"</h2><ul class="merged-names">{merged}</ul></section> }
        });
        let quotes_by = quote_items(&library, &p.quotes_by, &base);
        let quotes_about = quote_items(&library, &p.quotes_about, &base);
        let articles = p
            .articles
            .iter()
            .take(LISTED)
            .filter_map(|&d| {
                let article = library.articles.get(d as usize)?;
                let open = Filter {
                    article: Some(article.id.0.clone()),
                    ..base.clone()
                };
                let title = article.title.clone();
                Some(view! { <li><ViewLink filter=open class="hit-link">{title}</ViewLink></li> })
            })
            .collect_view();
        Some(view! {
            {back}
            <article class="entity-page" aria-labelledby="entity-name">
                <h1 id="entity-name">{p.name.clone()}</h1>
                <p class="entity-kind">{kind}{p.roles.first().map(|r| format!(" · {r}"))}</p>
                <dl class="entity-facts">
                    <dt>"Also called"</dt><dd>{if p.aliases.is_empty() { "—".to_string() } else { p.aliases.join(", ") }}</dd>
                    <dt>"Roles"</dt><dd>{if p.roles.is_empty() { "—".to_string() } else { p.roles.join("; ") }}</dd>
                    <dt>"Mentions"</dt><dd>{format!("{} in {} article{}", p.mentions, p.articles.len(), if p.articles.len() == 1 { "" } else { "s" })}</dd>
                </dl>
                <p><ViewLink filter=filter_by class="button-link">{show_label}</ViewLink></p>
                {merged}
                <section aria-labelledby="over-time"><h2 id="over-time">"Mentions over time"</h2>
                    <svg class="histogram small" viewBox="0 0 200 40" preserveAspectRatio="none" role="img"
                        aria-label=over_time_label>{bars}</svg>
                </section>
                <section aria-labelledby="co-heading"><h2 id="co-heading">"Named with"</h2><ul class="co-list">{co}</ul></section>
                <section aria-labelledby="by-heading"><h2 id="by-heading">{by_label}</h2><ol class="quote-hits">{quotes_by}</ol></section>
                <section aria-labelledby="about-heading"><h2 id="about-heading">{about_label}</h2><ol class="quote-hits">{quotes_about}</ol></section>
                <section aria-labelledby="articles-heading"><h2 id="articles-heading">"Articles"</h2><ul>{articles}</ul></section>
            </article>
        }.into_any())
    }
}

fn quote_items(
    library: &Arc<Library>,
    quotes: &[(u32, usize)],
    base: &Filter,
) -> impl IntoView + use<> {
    quotes
        .iter()
        .take(LISTED)
        .filter_map(|&(doc, n)| {
            let article = library.articles.get(doc as usize)?;
            let quote = library.annotations.get(doc as usize)?.quotes.get(n)?;
            let permalink = Filter {
                article: Some(article.id.0.clone()),
                quote: Some(n as u32),
                entity: None,
                ..base.clone()
            };
            let (text, speaker, title) = (
                quote.span.slice(&article.text).to_string(),
                quote.speaker.clone(),
                article.title.clone(),
            );
            Some(view! {
                <li class="quote-hit">
                    <blockquote>{text}</blockquote>
                    <p class="quote-source">
                        {speaker.map(|s| format!("— {s}, "))}
                        <ViewLink filter=permalink class="quote-permalink">{title}</ViewLink>
                    </p>
                </li>
            })
        })
        .collect_view()
}

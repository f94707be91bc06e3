//! The ranked list of matching articles: title, source, date and a snippet with the matched
//! words highlighted, in the order `sort=` asks. When nothing matches, the filters to remove,
//! each with the number of articles its removal would give. While the corpus is still being
//! indexed, the first articles are listed as they were read.

use super::chips::part_label;
use super::link::ViewLink;
use super::state::{AppState, Library};
use crate::corpus::Article;
use crate::query::relax::relaxations;
use crate::query::{Filter, Sort, snippet};
use leptos::prelude::*;

/// Snippet length in bytes.
const SNIPPET_BYTES: usize = 260;

/// The article hits of the current filter.
#[component]
pub fn ArticleResults() -> impl IntoView {
    let state = AppState::use_context();
    move || match (state.library.get(), state.results.get()) {
        (Some(library), Some(results)) => {
            let results = results.0;
            let filter = state.filter.get().0;
            let total = results.total;
            let summary = summary(total, library.articles.len(), &filter);
            let items = results
                .hits
                .iter()
                .filter_map(|hit| {
                    let article = library.articles.get(hit.doc as usize)?;
                    Some(hit_item(article, &filter, &results.highlight))
                })
                .collect_view();
            let shown = results.hits.len();
            let way_out = (total == 0 && !filter.selects_everything())
                .then(|| ways_out(&library, &filter, state.last_word.get_untracked()));
            view! {
                <h1 class="view-title visually-hidden">"Articles"</h1>
                <div class="results-head">
                    <p class="summary" role="status" id="summary">{summary}</p>
                    <SortControl filter=filter.clone()/>
                </div>
                {way_out}
                <ol class="hits" id="hits">{items}</ol>
                <Show when=move || { total > shown }>
                    <button class="more" on:click=move |_| state.hit_limit.update(|n| *n += state.hit_page())>
                        {format!("Show more ({} more)", total - shown)}
                    </button>
                </Show>
            }
            .into_any()
        }
        _ => {
            let articles = state.articles.get();
            let listed = articles.as_ref().map_or(0, |a| a.len());
            let items = articles.map(|articles| {
                articles
                    .iter()
                    .take(state.hit_page())
                    .map(plain_item)
                    .collect_view()
            });
            view! {
                <p class="summary" role="status" id="summary">
                    {if listed == 0 { "Reading articles…".to_string() } else {
                        format!("{listed} articles; search and filters work once indexing finishes.")
                    }}
                </p>
                <ol class="hits" id="hits">{items}</ol>
            }
            .into_any()
        }
    }
}

/// Relevance / Newest / Oldest, each a link to this view in that order.
#[component]
pub fn SortControl(
    /// The current view.
    filter: Filter,
) -> impl IntoView {
    let links = Sort::ALL
        .iter()
        .map(|&(sort, _)| {
            let target = Filter {
                sort,
                ..filter.results_view()
            };
            let label = match sort {
                Sort::Relevance => "Relevance",
                Sort::Newest => "Newest",
                Sort::Oldest => "Oldest",
            };
            let current = filter.sort == sort;
            view! {
                <li class:current=current>
                    <ViewLink filter=target class=format!("sort-{}", sort.as_str())>
                        {label}
                        {current.then(|| view! { <span class="visually-hidden">" (current)"</span> })}
                    </ViewLink>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="sort" aria-label="Sort articles">
            <span class="sort-label" aria-hidden="true">"Sort:"</span>
            <ul>{links}</ul>
        </nav>
    }
}

/// The filters to remove when nothing matches, each a link with the count it would give.
fn ways_out(
    library: &Library,
    filter: &Filter,
    last_word: crate::query::LastWord,
) -> impl IntoView + use<> {
    let items = relaxations(&library.index, filter, last_word)
        .into_iter()
        .map(|r| {
            let label = part_label(&r.part, Some(library));
            let count = format!("{} article{}", r.count, if r.count == 1 { "" } else { "s" });
            view! {
                <li>
                    <ViewLink filter=r.without class="relax-link">
                        "Remove " <span class="relax-part">{label}</span>
                        <span class="relax-count">{count}</span>
                    </ViewLink>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="relax" aria-labelledby="relax-heading">
            <h2 id="relax-heading">"No article matches all of these filters. Remove one:"</h2>
            <ul class="relax-list">{items}</ul>
        </section>
    }
}

/// "N of M articles match": the list's summary line, in both builds.
pub(super) fn summary(total: usize, all: usize, filter: &Filter) -> String {
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    if all == 0 {
        "There are no articles in this Dossier.".to_string()
    } else if filter.selects_everything() {
        format!("{all} article{}", plural(all))
    } else {
        format!(
            "{total} of {all} article{} {}",
            plural(all),
            if total == 1 { "matches" } else { "match" }
        )
    }
}

fn hit_item(article: &Article, filter: &Filter, highlight: &[String]) -> impl IntoView + use<> {
    let open = Filter {
        article: Some(article.id.0.clone()),
        quote: None,
        entity: None,
        ..filter.clone()
    };
    let snip = snippet(article, highlight, SNIPPET_BYTES);
    let mut parts = Vec::new();
    let mut at = snip.window.start;
    for mark in &snip.highlights {
        parts.push((
            crate::ByteSpan::new(at, mark.start)
                .slice(&article.text)
                .to_string(),
            false,
        ));
        parts.push((mark.slice(&article.text).to_string(), true));
        at = mark.end;
    }
    parts.push((
        crate::ByteSpan::new(at, snip.window.end)
            .slice(&article.text)
            .to_string(),
        false,
    ));
    let lead = if snip.window.start > article.body.start {
        "…"
    } else {
        ""
    };
    let tail = if snip.window.end < article.body.end {
        "…"
    } else {
        ""
    };
    let title = article.title.clone();
    view! {
        <li class="hit" data-article=article.id.0.clone()>
            <ViewLink filter=open class="hit-link"><span class="hit-title">{title}</span></ViewLink>
            <span class="hit-meta">{own_badge(article.id.as_str())}{article.byline(false)}</span>
            <p class="snippet">
                {lead}
                {parts.into_iter().map(|(text, marked)| if marked {
                    view! { <mark>{text}</mark> }.into_any()
                } else {
                    text.into_any()
                }).collect_view()}
                {tail}
            </p>
        </li>
    }
}

/// "Yours" before the byline of one of the reader's own articles, so a list mixing them
/// with the site's says which are which (they are kept in this browser only).
pub(super) fn own_badge(id: &str) -> Option<impl IntoView + use<>> {
    crate::own::is_own(id).then(|| {
        view! { <span class="own-badge" title="One of your articles: kept in this browser only">"Yours"</span> }
    })
}

fn plain_item(article: &Article) -> impl IntoView + use<> {
    let open = Filter {
        article: Some(article.id.0.clone()),
        ..Filter::default()
    };
    let title = article.title.clone();
    view! {
        <li class="hit" data-article=article.id.0.clone()>
            <ViewLink filter=open class="hit-link"><span class="hit-title">{title}</span></ViewLink>
            <span class="hit-meta">{own_badge(article.id.as_str())}{article.byline(false)}</span>
            <p class="snippet">{article.preview(240)}</p>
        </li>
    }
}

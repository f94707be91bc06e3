//! The list of articles matching the text filter: title, source, date and first lines.

use super::app::{AppContext, plain_click};
use super::route::Route;
use crate::corpus::Article;
use leptos::prelude::*;

const PAGE: usize = 50;

/// Articles whose title or body contains every word of `q` (case-insensitive).
#[component]
pub fn ArticleList(
    /// The text filter.
    q: String,
) -> impl IntoView {
    let context = AppContext::use_context();
    let words: Vec<String> = q.split_whitespace().map(str::to_lowercase).collect();
    let matches: Vec<usize> = context
        .library
        .articles
        .iter()
        .enumerate()
        .filter(|(_, a)| matches_all(a, &words))
        .map(|(i, _)| i)
        .collect();
    let total = context.library.articles.len();
    let shown = RwSignal::new(PAGE);
    let count = matches.len();
    let summary = if total == 0 {
        "There are no articles in this Dossier.".to_string()
    } else if q.trim().is_empty() {
        format!("{total} article{}", if total == 1 { "" } else { "s" })
    } else {
        format!("{count} of {total} articles match “{}”", q.trim())
    };
    let list = {
        let context = context.clone();
        let q = q.clone();
        move || {
            matches
                .iter()
                .take(shown.get())
                .map(|&i| article_item(&context, &context.library.articles[i], &q))
                .collect_view()
        }
    };
    view! {
        <p class="summary" role="status">{summary}</p>
        <ol class="articles">{list}</ol>
        <Show when=move || { count > shown.get() }>
            <button class="more" on:click=move |_| shown.update(|n| *n += PAGE)>
                {move || format!("Show more ({} more)", count - shown.get())}
            </button>
        </Show>
    }
}

fn matches_all(article: &Article, words: &[String]) -> bool {
    if words.is_empty() {
        return true;
    }
    let haystack = format!("{}\n{}", article.title, article.body_text()).to_lowercase();
    words.iter().all(|w| haystack.contains(w.as_str()))
}

fn article_item(context: &AppContext, article: &Article, q: &str) -> impl IntoView + use<> {
    let route = Route { q: q.to_string(), article: Some(article.id.0.clone()), ignored: Vec::new() };
    let href = format!("?{}", route.to_query());
    let context = context.clone();
    let meta = [article.source.clone(), article.date.map(|d| d.to_string())].into_iter().flatten().collect::<Vec<_>>();
    view! {
        <li class="article-item">
            <a class="article-link" href=href on:click=move |ev| {
                if plain_click(&ev) {
                    ev.prevent_default();
                    context.go(&route);
                }
            }>
                <span class="article-title">{article.title.clone()}</span>
            </a>
            <span class="article-meta">{meta.join(" · ")}</span>
            <p class="article-preview">{article.preview(240)}</p>
        </li>
    }
}

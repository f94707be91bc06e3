//! The reader: one article, paragraph by paragraph, with its source, date and link.

use super::app::{AppContext, plain_click};
use super::route::Route;
use crate::extract::Document;
use leptos::prelude::*;

/// Shows article `id`; `back` is the view the "All articles" link returns to.
#[component]
pub fn Reader(
    /// The article's id.
    id: String,
    /// The list view to go back to.
    back: Route,
) -> impl IntoView {
    let context = AppContext::use_context();
    let back_href = format!("?{}", back.to_query());
    let back_link = {
        let context = context.clone();
        let back = back.clone();
        view! {
            <a class="back" href=back_href on:click=move |ev| {
                if plain_click(&ev) {
                    ev.prevent_default();
                    context.go(&back);
                }
            }>"← All articles"</a>
        }
    };
    let Some(article) = context.library.get(&id) else {
        return view! {
            {back_link}
            <p class="notice" role="alert">{format!("There is no article “{id}” in this Dossier.")}</p>
        }
        .into_any();
    };
    let doc = Document::parse(&article.text, article.body);
    let paragraphs: Vec<String> = doc.paragraphs.iter().map(|p| doc.str(*p).to_string()).collect();
    let meta = [article.source.clone(), article.date.map(|d| d.to_string()), article.author.clone()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ");
    let link = article.safe_url().map(|url| {
        view! { <a class="source-link" href=url.to_string() rel="noopener noreferrer">"Original article"</a> }
    });
    view! {
        {back_link}
        <article class="reader" aria-labelledby="reader-title">
            <h1 id="reader-title">{article.title.clone()}</h1>
            <p class="article-meta">{meta} " " {link}</p>
            {paragraphs.into_iter().map(|p| view! { <p>{p}</p> }).collect_view()}
        </article>
    }
    .into_any()
}

//! The app shell: loads the embedded articles once, reads the route from the URL and shows
//! the list or the reader.

use super::article_list::ArticleList;
use super::reader::Reader;
use super::route::Route;
use super::url::UrlQuery;
use crate::corpus::Article;
use leptos::prelude::*;
use std::collections::HashMap;
use std::sync::Arc;

/// The loaded articles, newest first, with an id lookup. Shared read-only by components.
pub struct Library {
    /// Articles, newest first (undated last, then by id).
    pub articles: Vec<Article>,
    by_id: HashMap<String, usize>,
}

impl Library {
    fn new(mut articles: Vec<Article>) -> Self {
        articles.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.id.cmp(&b.id)));
        let by_id = articles.iter().enumerate().map(|(i, a)| (a.id.0.clone(), i)).collect();
        Self { articles, by_id }
    }

    /// The article with this id.
    pub fn get(&self, id: &str) -> Option<&Article> {
        self.by_id.get(id).map(|&i| &self.articles[i])
    }
}

/// Everything components share: the URL and the articles.
#[derive(Clone)]
pub struct AppContext {
    /// The address bar's query string.
    pub url: UrlQuery,
    /// The articles.
    pub library: Arc<Library>,
}

impl AppContext {
    /// The context provided by [`App`]. Components are only mounted under it.
    pub fn use_context() -> Self {
        use_context::<Self>().expect("AppContext is provided by App, the root of every component")
    }

    /// Opens the view of `route` as a new history entry.
    pub fn go(&self, route: &Route) {
        self.url.navigate(&route.to_query());
    }
}

/// The root component.
#[component]
pub fn App() -> impl IntoView {
    let url = UrlQuery::install();
    let library = match crate::embedded::articles() {
        Ok(articles) => Arc::new(Library::new(articles)),
        Err(message) => {
            super::panic::show_error_panel(&format!("The embedded articles cannot be read:\n{message}"));
            Arc::new(Library::new(Vec::new()))
        }
    };
    let context = AppContext { url, library };
    provide_context(context.clone());
    // A Memo: the list, the reader and the search box all read the route.
    let route = Memo::new(move |_| Route::parse(&url.get()));

    let on_search = {
        let context = context.clone();
        move |ev: leptos::ev::Event| {
            let q = event_target_value(&ev);
            // Typing refines the current view rather than adding a history entry per key.
            context.url.replace(&Route { q, article: None, ignored: Vec::new() }.to_query());
        }
    };
    view! {
        <header class="top">
            <a class="brand" href="?" on:click=move |ev| {
                if plain_click(&ev) {
                    ev.prevent_default();
                    url.navigate("");
                }
            }>"Dossier"</a>
            <form class="search" role="search" on:submit=|ev| ev.prevent_default()>
                <label for="search-input" class="visually-hidden">"Search articles"</label>
                <input
                    id="search-input"
                    type="search"
                    placeholder="Search articles"
                    autocomplete="off"
                    prop:value=move || route.get().q
                    on:input=on_search
                />
            </form>
        </header>
        <Show when=move || !route.get().ignored.is_empty()>
            <p class="notice" role="status">
                {move || format!("Ignored link parameters: {}", route.get().ignored.join(", "))}
            </p>
        </Show>
        <main id="main">
            {move || {
                let r = route.get();
                match r.article.clone() {
                    Some(id) => view! { <Reader id=id back=Route { article: None, ..r } /> }.into_any(),
                    None => view! { <ArticleList q=r.q /> }.into_any(),
                }
            }}
        </main>
    }
}

/// A click that should open in this tab (not ctrl/cmd/shift/middle-click).
pub fn plain_click(ev: &leptos::ev::MouseEvent) -> bool {
    ev.button() == 0 && !ev.ctrl_key() && !ev.meta_key() && !ev.shift_key() && !ev.alt_key()
}

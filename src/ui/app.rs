//! The app shell: header with search and view tabs, notices about the link, the sidebar
//! (timeline and facets) and the main view chosen by the URL.

use super::chips::ActiveFilters;
use super::entity_page::EntityPage;
use super::export::ExportMenu;
use super::facets::FacetPanels;
use super::keyboard;
use super::link::ViewLink;
use super::loader;
use super::quotes::QuoteList;
use super::reader::Reader;
use super::results::ArticleResults;
use super::state::{AppState, Progress};
use super::timeline::Timeline;
use super::view_ready;
use crate::query::{Filter, LastWord, View};
use leptos::prelude::*;

/// The root component.
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::provide();
    loader::start(state);
    keyboard::install(state);
    view_ready::install(state);
    let notices = move || state.filter.get().1;
    view! {
        <a class="skip-link" href="#main">"Skip to results"</a>
        <header class="top">
            <ViewLink filter=Filter::default() class="brand" label="Dossier: all articles">"Dossier"</ViewLink>
            <SearchBox/>
            <ViewTabs/>
        </header>
        <Show when=move || !notices().is_empty()>
            <div class="notice" role="status" id="link-notice">
                <p>"Some parts of this link were not understood and are ignored:"</p>
                <ul>
                    {move || notices().into_iter().map(|n| {
                        // What the message writes between backticks is code, not prose.
                        let message = n
                            .message_parts()
                            .into_iter()
                            .map(|(text, code)| {
                                let text = text.to_string();
                                if code { view! { <code>{text}</code> }.into_any() } else { text.into_any() }
                            })
                            .collect_view();
                        view! { <li><code>{format!("{}={}", n.key, n.value)}</code>": "{message}</li> }
                    }).collect_view()}
                </ul>
            </div>
        </Show>
        <LoadStatus/>
        <div class="layout">
            <aside class="sidebar" aria-label="Filters">
                <Timeline/>
                <FacetPanels/>
            </aside>
            <main id="main" tabindex="-1">
                <div class="toolbar">
                    <ActiveFilters/>
                    <ExportMenu/>
                </div>
                <MainView/>
            </main>
        </div>
    }
}

/// The search box: live results as you type. Typing replaces the current history entry
/// (one entry per search, not per key); the value always mirrors the URL. While it is typed
/// in, the last word also matches as a prefix ([`LastWord::BeingTyped`]); Enter or leaving
/// the box finishes the query, and Enter moves to the first result.
#[component]
fn SearchBox() -> impl IntoView {
    let state = AppState::use_context();
    let on_input = move |ev: leptos::ev::Event| {
        let mut filter = state.filter_now();
        filter.text = event_target_value(&ev);
        filter.close_opened();
        state.last_word.set(LastWord::BeingTyped);
        state.url.replace(&filter.to_query_string());
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Enter" {
            ev.prevent_default();
            state.last_word.set(LastWord::Complete);
            keyboard::focus_first_result_soon();
        }
    };
    view! {
        <form class="search" role="search" on:submit=|ev| ev.prevent_default()>
            <label for="search-input" class="visually-hidden">"Search articles and quotes"</label>
            <input
                id="search-input"
                type="search"
                placeholder="Search (press /)"
                autocomplete="off"
                spellcheck="false"
                prop:value=move || state.filter.get().0.text
                on:input=on_input
                on:keydown=on_keydown
                on:blur=move |_| state.last_word.set(LastWord::Complete)
            />
        </form>
    }
}

/// Articles / Quotes tabs.
#[component]
fn ViewTabs() -> impl IntoView {
    let state = AppState::use_context();
    let tab = move |view: View, label: &'static str| {
        let filter = move || {
            let mut f = state.filter.get().0;
            f.view = view;
            f.close_opened();
            f
        };
        let current = move || {
            let f = state.filter.get().0;
            f.view == view && f.article.is_none() && f.entity.is_none()
        };
        view! {
            <li>
                {move || view! {
                    <ViewLink filter=filter() class=if current() { "tab current" } else { "tab" }>{label}</ViewLink>
                }}
            </li>
        }
    };
    view! {
        <nav class="tabs" aria-label="Views">
            <ul>{tab(View::Articles, "Articles")}{tab(View::Quotes, "Quotes")}</ul>
        </nav>
    }
}

/// Progress while the corpus loads; nothing once it is ready.
#[component]
fn LoadStatus() -> impl IntoView {
    let state = AppState::use_context();
    let busy = move || !matches!(state.progress.get(), Progress::Ready { .. });
    view! {
        <Show when=busy>
            <div class="load-status" role="status" aria-live="polite">
                <progress max="100" value=move || (state.progress.get().fraction() * 100.0).round()></progress>
                <span>{move || state.progress.get().describe()}</span>
            </div>
        </Show>
    }
}

/// The reader, an entity, the quotes or the article list, as the URL says.
#[component]
fn MainView() -> impl IntoView {
    let state = AppState::use_context();
    move || {
        let (filter, _) = state.filter.get();
        if let Some(id) = filter.article.clone() {
            view! { <Reader id=id quote=filter.quote/> }.into_any()
        } else if let Some(entity) = filter.entity.clone() {
            view! { <EntityPage id=entity/> }.into_any()
        } else if filter.view == View::Quotes {
            view! { <QuoteList/> }.into_any()
        } else {
            view! { <ArticleResults/> }.into_any()
        }
    }
}

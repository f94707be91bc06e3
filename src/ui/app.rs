//! The app shell: header with search and view tabs, notices about the link, the sidebar
//! (timeline and facets, or the open article's names) and the main view chosen by the URL.
//!
//! On a phone the sidebar is a drawer: a "Filters" button in the sticky header opens it over
//! the page, with its own close button and the number of matching articles, so filters are
//! one tap from the top and their effect is visible while choosing them.

use super::archive_source::{self, ArchiveView, Mode};
use super::archive_view::{ArchiveMain, ArchiveSidebar};
use super::chips::ActiveFilters;
use super::curation::{ApplyingStatus, CurationPanel, Edits};
use super::entity_page::EntityPage;
use super::entity_table::EntityTable;
use super::export::ExportMenu;
use super::facets::FacetPanels;
use super::keyboard;
use super::lazy::{self, lazy_code, lazy_view};
use super::link::ViewLink;
use super::network::NetworkView;
use super::offline_save::OfflineSave;
use super::own_articles::{
    self, CollectionPanel, ForeignLinkNotice, OwnArticlesButton, OwnArticlesPanel,
};
use super::quotes::QuoteList;
use super::reader::{ArticleSidebar, Reader};
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
    let source = archive_source::start(state);
    let own = own_articles::install(state, source);
    // A memo: the main view and the sidebar are rebuilt when the archive starts or stops
    // answering, not at every filter change (their parts follow the filter themselves).
    let archive_answers = Memo::new(move |_| source.answers(state));
    let archive_answers = move || archive_answers.get();
    keyboard::install(state);
    // A view whose code is still being fetched (super::lazy) is not on screen yet.
    view_ready::install(state, move || {
        lazy::settled()
            && match source.mode.get() {
                Mode::Deciding => false,
                Mode::Archive if archive_answers() => {
                    // Facet panels on screen (a wide screen's first ones, a phone's open
                    // filters) are part of the view: counted, or the view is not ready; and
                    // which panels are on screen is known once the page's observer reports.
                    let wanted = archive_source::facets_wanted(state);
                    !archive_source::panels_unreported(state, source)
                        && matches!(source.shown.get(), ArchiveView::Ready(r) if r.counted().contains(wanted))
                        && state.filter.with(|(f, _)| {
                            if f.entity.is_some() {
                                return source.entity_shown.with(|shown| *shown == f.entity);
                            }
                            // The network and the table are answered after the list: their own view.
                            let drawn = |counted: &Filter| {
                                source.view_drawn.with(|d| d.as_ref() == Some(counted))
                            };
                            match f.view {
                                _ if f.article.is_some() => true,
                                View::Network => drawn(&Filter {
                                    nodes: None,
                                    ..f.clone()
                                }),
                                View::Entities => drawn(&Filter {
                                    by: None,
                                    ..f.clone()
                                }),
                                View::Articles | View::Quotes | View::Timeline => true,
                            }
                        })
                }
                Mode::Embedded | Mode::Archive => state.results.with(Option::is_some),
            }
    });
    let _ = own;
    let notices = move || state.filter.get().1;
    // Whether the edits panel has anything to show: a memo, so its code is asked for (and
    // the panel made) once, not again at every edit.
    let has_edits = Memo::new(move |_| state.edits.with(Edits::any));
    // Whether the phone's filter drawer is open: transient, like a facet's "show more".
    let drawer_open = RwSignal::new(false);
    let phone = state.phone;
    Effect::new(move |_| state.sidebar_shown.set(!phone.get() || drawer_open.get()));
    // Only the open article decides what the sidebar shows; a Memo, so the facets are not
    // rebuilt on every other change of the URL.
    // (With `view=timeline` the timeline is the main view, so the sidebar leaves it out.)
    let open_article = Memo::new(move |_| {
        let f = state.filter.get().0;
        (f.article.clone(), f.view == View::Timeline)
    });
    let sidebar = move || match (archive_answers(), open_article.get()) {
        (true, (Some(_), _)) => ().into_any(),
        (true, (None, timeline_is_main)) => {
            view! { <ArchiveSidebar timeline_is_main=timeline_is_main/> }.into_any()
        }
        // Nothing until the app knows whether an archive answers: the app for archives
        // would otherwise fetch the embedded views' code for every cold link.
        (false, _) if source.mode.get() == Mode::Deciding => ().into_any(),
        (false, open) => lazy_view(move || embedded_sidebar(open.clone())).into_any(),
    };
    let close_drawer = move || {
        drawer_open.set(false);
        if let Some(button) = document().get_element_by_id("filters-button") {
            use wasm_bindgen::JsCast;
            if let Ok(button) = button.dyn_into::<web_sys::HtmlElement>() {
                let _ = button.focus();
            }
        }
    };
    view! {
        <a class="skip-link" href="#main">"Skip to results"</a>
        <header class="top">
            <ViewLink filter=Filter::default() class="brand" label="Dossier: all articles">"Dossier"</ViewLink>
            <FiltersButton open=drawer_open/>
            <SearchBox/>
            <ViewTabs/>
            <OwnArticlesButton/>
        </header>
        <OwnArticlesPanel/>
        <ForeignLinkNotice/>
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
        <ApplyingStatus/>
        <div class="layout">
            <aside class="sidebar" class:open=move || drawer_open.get() id="filters" aria-label="Filters"
                on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                    if ev.key() == "Escape" && drawer_open.get_untracked() {
                        ev.stop_propagation();
                        close_drawer();
                    }
                }>
                <DrawerHead on_close=Callback::new(move |()| close_drawer())/>
                {sidebar}
                {move || has_edits.get().then(|| {
                    let archive = source.mode.get() == Mode::Archive;
                    lazy_view(move || curation_panel(archive))
                })}
            </aside>
            <main id="main" tabindex="-1">
                <div class="toolbar">
                    <ActiveFilters/>
                    <ExportMenu/>
                    <OfflineSave/>
                </div>
                <ChangeNote/>
                {move || if archive_answers() {
                    view! { <ArchiveMain/> }.into_any()
                } else if source.mode.get() == Mode::Deciding {
                    ().into_any()
                } else {
                    lazy_view(embedded_main).into_any()
                }}
            </main>
        </div>
    }
}

// The embedded build's views: in the app for archives only the reader's own articles
// use them (super::lazy).
lazy_code! { embedded_views: fn embedded_main() -> AnyView {
    view! { <MainView/> }.into_any()
} }
lazy_code! { embedded_views: fn embedded_sidebar(open: (Option<String>, bool)) -> AnyView {
    match open {
        (Some(id), _) => view! { <ArticleSidebar id=id/> }.into_any(),
        (None, true) => view! { <CollectionPanel/><FacetPanels/> }.into_any(),
        (None, false) => view! { <Timeline/><CollectionPanel/><FacetPanels/> }.into_any(),
    }
} }
lazy_code! { curation: fn curation_panel(archive: bool) -> AnyView {
    view! { <CurationPanel archive=archive/> }.into_any()
} }

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

/// The phone's "Filters" button (hidden on wider screens, where the sidebar is always
/// shown): opens the drawer and says how many filters are set.
#[component]
fn FiltersButton(
    /// Whether the drawer is open.
    open: RwSignal<bool>,
) -> impl IntoView {
    let state = AppState::use_context();
    let active = move || {
        let f = state.filter.get().0;
        f.entities.len()
            + f.speakers.len()
            + usize::from(f.from.is_some() || f.to.is_some())
            + usize::from(f.source.is_some())
    };
    view! {
        <button id="filters-button" class="filters-button" type="button" aria-controls="filters"
            aria-expanded=move || open.get().to_string()
            on:click=move |_| {
                open.set(true);
                request_animation_frame(|| {
                    if let Some(el) = document().get_element_by_id("drawer-close") {
                        use wasm_bindgen::JsCast;
                        if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                            let _ = el.focus();
                        }
                    }
                });
            }>
            "Filters"
            {move || match active() {
                0 => String::new(),
                n => format!(" ({n})"),
            }}
        </button>
    }
}

/// The top of the phone's filter drawer: its title, the number of matching articles (the
/// button that closes the drawer onto them) and a close button.
#[component]
fn DrawerHead(
    /// Closes the drawer.
    on_close: Callback<()>,
) -> impl IntoView {
    let state = AppState::use_context();
    let source = archive_source::ArchiveSource::use_context();
    let total = move || source.totals(state).map(|(total, _)| total);
    let show = move || match total() {
        None => "Show the articles".to_string(),
        Some(1) => "Show 1 article".to_string(),
        Some(n) => format!("Show {n} articles"),
    };
    view! {
        <div class="drawer-head">
            <h2 class="drawer-title">"Filters"</h2>
            <button class="drawer-show" type="button" aria-live="polite" on:click=move |_| on_close.run(())>{show}</button>
            <button id="drawer-close" class="drawer-close" type="button" aria-label="Close filters"
                on:click=move |_| on_close.run(())>"✕"</button>
        </div>
    }
}

/// What the last change of filters did to the number of matching articles ("312 articles,
/// was 19,043"), so a change made out of sight (in the phone's drawer, or far down the
/// sidebar) is visible where the results are.
#[component]
fn ChangeNote() -> impl IntoView {
    let state = AppState::use_context();
    // The previous filter (nothing opened) and its total: transient memory of the last view,
    // not view state, so it lives here and not in the URL.
    let previous = StoredValue::new(None::<(String, usize)>);
    let source = archive_source::ArchiveSource::use_context();
    let note = Memo::new(move |before: Option<&Option<(usize, usize)>>| {
        let (total, _) = source.totals(state)?;
        let mut filter = state.filter.get().0.results_view();
        filter.view = View::Articles;
        let key = filter.to_query_string();
        let last = previous.get_value();
        previous.set_value(Some((key.clone(), total)));
        match last {
            Some((last_key, last_total)) if last_key != key => Some((last_total, total)),
            _ => before.cloned().flatten(),
        }
    });
    // Only over lists: the reader and entity pages say nothing about the matches.
    let over_list = Memo::new(move |_| {
        let f = state.filter.get().0;
        f.article.is_none() && f.entity.is_none()
    });
    move || {
        note.get().filter(|_| over_list.get()).map(|(was, now)| {
            let plural = |n: usize| if n == 1 { "article" } else { "articles" };
            view! {
                <p class="change-note" role="status">
                    <strong>{format!("{now} {}", plural(now))}</strong>
                    {format!(" now match, {} before this change", if was == now { "as many as".to_string() } else { format!("{was}") })}
                </p>
            }
        })
    }
}

/// Articles / Quotes / Entities / Timeline / Network tabs.
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
            <ul>{tab(View::Articles, "Articles")}{tab(View::Quotes, "Quotes")}{tab(View::Entities, "Entities")}{tab(View::Timeline, "Timeline")}{tab(View::Network, "Network")}</ul>
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

/// The reader, an entity, the quotes, the entity table, the timeline, the network or the
/// article list, as the URL says.
#[component]
fn MainView() -> impl IntoView {
    let state = AppState::use_context();
    // Which view, and nothing else: the views read the rest of the filter themselves, so a
    // new filter updates them in place (keeping their transient state, such as a search
    // box) instead of rebuilding them.
    let which = Memo::new(move |_| {
        let (filter, _) = state.filter.get();
        (filter.article, filter.quote, filter.entity, filter.view)
    });
    move || {
        let (article, quote, entity, view) = which.get();
        if let Some(id) = article {
            view! { <Reader id=id quote=quote/> }.into_any()
        } else if let Some(entity) = entity {
            view! { <EntityPage id=entity/> }.into_any()
        } else {
            match view {
                View::Quotes => view! { <QuoteList/> }.into_any(),
                View::Entities => view! { <EntityTable/> }.into_any(),
                View::Network => view! { <NetworkView/> }.into_any(),
                View::Timeline => {
                    view! { <div class="timeline-main"><Timeline/></div><ArticleResults/> }
                        .into_any()
                }
                View::Articles => view! { <ArticleResults/> }.into_any(),
            }
        }
    }
}

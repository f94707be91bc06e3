//! The views of archive mode, drawn from [`ArchiveView`] alone (never from the embedded
//! `Library`): the article list, facets and timeline of the current filter, the quotes of
//! its best articles, and the reader (one `texts` part). While a view's parts are fetched
//! the page says so; when they cannot be, it says which; views an archive of format 1
//! cannot answer say that instead of showing numbers that would be wrong.

use super::archive_entity::ArchiveEntityPage;
use super::archive_source::{ArchiveSource, ArchiveView, SharedArchiveResults};
use super::entity_table::ArchiveEntityTable;
use super::facets::FacetPanelsOf;
use super::lazy::{lazy_code, lazy_view};
use super::link::ViewLink;
use super::network::ArchiveNetworkView;
use super::own_articles::CollectionPanel;
use super::quotes::{QuoteRow, quote_row};
use super::reader::article_view;
use super::results::{SortControl, own_badge, summary};
use super::state::{AppState, Library};
use crate::archive::parts::DocEntry;
use crate::archive::{ArchiveHit, ArchiveResults};
use crate::extract::EntityId;
use crate::index::Index;
use crate::query::quote_list::QuoteWords;
use crate::query::{Filter, View};
use leptos::prelude::*;
use std::sync::Arc;

/// The current results, once answered.
fn answered(source: ArchiveSource) -> Option<SharedArchiveResults> {
    answered_in(source.shown.get())
}

fn answered_in(view: ArchiveView) -> Option<SharedArchiveResults> {
    match view {
        ArchiveView::Ready(results) => Some(results),
        _ => None,
    }
}

/// The current view as a list of articles or quotes sees it: a view answered again only
/// to count more facet panels (one scrolled to) is the same list, so the list keeps its
/// elements instead of being drawn anew under the reader's pointer.
fn listed_view(source: ArchiveSource) -> Memo<ArchiveView> {
    Memo::new_with_compare(
        move |_| source.shown.get(),
        |before, now| match (before, now) {
            (Some(ArchiveView::Ready(a)), Some(ArchiveView::Ready(b))) => {
                let (a, b) = (&a.0, &b.0);
                !(a.total == b.total
                    && a.hits == b.hits
                    && a.quotes == b.quotes
                    && a.facets.own == b.facets.own)
            }
            (before, now) => before != now,
        },
    )
}

/// "Loading this view…", the failure, or the notice, when the view is not answered.
fn unanswered(view: ArchiveView) -> Option<AnyView> {
    match view {
        ArchiveView::Ready(_) => None,
        ArchiveView::Loading => Some(
            view! { <p class="summary archive-loading" role="status" id="summary">"Loading this view from the archive…"</p> }
                .into_any(),
        ),
        ArchiveView::Failed(message) => Some(
            view! {
                <div class="notice archive-failed" role="alert" id="archive-failed">
                    <p>"This view could not be loaded: some of the archive's files did not arrive intact, so no numbers are shown for it."</p>
                    <p class="archive-failed-detail">{message}</p>
                </div>
            }
            .into_any(),
        ),
        ArchiveView::Unsupported(what) => Some(
            view! {
                <div class="notice archive-unsupported" role="status" id="archive-unsupported">
                    <p>{format!("This view is not available from an archive: {what}.")}</p>
                </div>
            }
            .into_any(),
        ),
    }
}

/// The main view in archive mode, as the URL says.
#[component]
pub fn ArchiveMain() -> impl IntoView {
    let state = AppState::use_context();
    let which = Memo::new(move |_| {
        let (filter, _) = state.filter.get();
        (filter.article, filter.entity, filter.view)
    });
    move || {
        let (article, entity, view) = which.get();
        if let Some(id) = article {
            lazy_view(move || reader_view(id.clone())).into_any()
        } else if let Some(id) = entity {
            lazy_view(move || entity_page_view(id.clone())).into_any()
        } else {
            match view {
                View::Quotes => lazy_view(quotes_view).into_any(),
                View::Entities => lazy_view(entity_table_view).into_any(),
                View::Network => lazy_view(network_view).into_any(),
                View::Timeline => {
                    view! { <div class="timeline-main"><ArchiveTimeline/></div><ArchiveList/> }
                        .into_any()
                }
                View::Articles => view! { <ArchiveList/> }.into_any(),
            }
        }
    }
}

// The views a list of articles does not need, each fetched when first shown (super::lazy).
lazy_code! { archive_reader: fn reader_view(id: String) -> AnyView {
    view! { <ArchiveReader id=id/> }.into_any()
} }
lazy_code! { archive_entity_page: fn entity_page_view(id: EntityId) -> AnyView {
    view! { <ArchiveEntityPage id=id/> }.into_any()
} }
lazy_code! { archive_quotes: fn quotes_view() -> AnyView {
    view! { <ArchiveQuotes/> }.into_any()
} }
lazy_code! { archive_entity_table: fn entity_table_view() -> AnyView {
    view! { <ArchiveEntityTable/> }.into_any()
} }
lazy_code! { archive_network: fn network_view() -> AnyView {
    view! { <ArchiveNetworkView/> }.into_any()
} }

/// The sidebar in archive mode: timeline (unless it is the main view) and facets.
#[component]
pub fn ArchiveSidebar(
    /// Whether the timeline is the main view.
    timeline_is_main: bool,
) -> impl IntoView {
    let source = ArchiveSource::use_context();
    let facets = Signal::derive(move || source.facets());
    view! {
        {(!timeline_is_main).then(|| view! { <ArchiveTimeline/> })}
        <CollectionPanel/>
        <FacetPanelsOf facets=facets waiting="Counting the facets…" watched=true/>
    }
}

/// The timeline of the current matches, as the embedded build draws it.
#[component]
fn ArchiveTimeline() -> impl IntoView {
    let state = AppState::use_context();
    let source = ArchiveSource::use_context();
    move || {
        let answered = answered(source)?;
        let results = answered.0;
        let filter = state.filter.get().0;
        // The whole collection first (under the other filters), then the range's detail.
        let whole = answered
            .1
            .as_ref()
            .map_or(&results.histogram, |o| &o.histogram);
        Some(super::timeline::panel(
            state,
            whole,
            &results.histogram,
            &filter,
        ))
    }
}

/// The ranked articles of the current filter.
#[component]
fn ArchiveList() -> impl IntoView {
    let state = AppState::use_context();
    let source = ArchiveSource::use_context();
    let listed = listed_view(source);
    move || {
        if let Some(waiting) = unanswered(listed.get()) {
            return waiting;
        }
        let Some(results) = answered_in(listed.get()) else {
            return ().into_any();
        };
        let results = results.0;
        let filter = state.filter.get().0;
        // The reader's own articles count among all when they are mixed in (the library
        // answers exactly then, see `AppState::results`).
        let own = match state.results.get() {
            Some(_) => state
                .library
                .with(|l| l.as_ref().map_or(0, |l| l.index.len())),
            None => 0,
        };
        let all = source.articles() + own;
        let total = results.total;
        let summary = summary(total, all, &filter);
        let shown = results.hits.len();
        let items = results
            .hits
            .iter()
            .map(|hit| hit_item(hit, &filter))
            .collect_view();
        view! {
            <h1 class="view-title visually-hidden">"Articles"</h1>
            <div class="results-head">
                <p class="summary" role="status" id="summary">{summary}</p>
                <SortControl filter=filter.clone()/>
            </div>
            <ol class="hits" id="hits">{items}</ol>
            <Show when=move || { total > shown }>
                <button class="more" on:click=move |_| state.hit_limit.update(|n| *n += state.hit_page())>
                    {format!("Show more ({} more)", total - shown)}
                </button>
            </Show>
        }
        .into_any()
    }
}

fn hit_item(hit: &ArchiveHit, filter: &Filter) -> impl IntoView + use<> {
    let entry = &hit.entry;
    let open = Filter {
        article: Some(entry.id.clone()),
        quote: None,
        entity: None,
        ..filter.clone()
    };
    let byline = byline(entry);
    let (id, title, lede) = (entry.id.clone(), entry.title.clone(), entry.lede.clone());
    let id_for_badge = id.clone();
    view! {
        <li class="hit" data-article=id>
            <ViewLink filter=open class="hit-link"><span class="hit-title">{title}</span></ViewLink>
            <span class="hit-meta">{own_badge(&id_for_badge)}{byline}</span>
            <p class="snippet">{lede}</p>
        </li>
    }
}

/// The quotes of the matching articles, newest article first, as the embedded build lists
/// them (narrowed to the filter's speakers and to quotes containing the query's words), from
/// the `docs` parts of the articles listed so far: the count is exact once every matching
/// article is listed, and says how many articles it covers until then.
#[component]
fn ArchiveQuotes() -> impl IntoView {
    let state = AppState::use_context();
    let source = ArchiveSource::use_context();
    let listed = listed_view(source);
    move || {
        if let Some(waiting) = unanswered(listed.get()) {
            return waiting;
        }
        let Some(results) = answered_in(listed.get()) else {
            return ().into_any();
        };
        let results: Arc<ArchiveResults> = results.0;
        let filter = state.filter.get().0;
        let words = QuoteWords::of(&filter.text);
        let hits: std::collections::HashMap<u32, &ArchiveHit> =
            results.hits.iter().map(|h| (h.doc, h)).collect();
        let rows: Vec<QuoteRow> = results
            .quotes
            .iter()
            .filter(|q| q.has(&words))
            .map(|q| {
                let entry = hits.get(&q.doc).map(|h| &h.entry);
                let name = match q.speaker_name.as_str() {
                    "" => q.speaker.clone(),
                    name => Some(name.to_string()),
                };
                QuoteRow {
                    article: q.article.clone(),
                    number: q.number,
                    text: q.text.clone(),
                    speaker: q.speaker.clone().zip(name),
                    title: entry.map_or_else(|| q.article.clone(), |e| e.title.clone()),
                    meta: entry.map(byline).unwrap_or_default(),
                }
            })
            .collect();
        let count = rows.len();
        let (listed, total) = (results.hits.len(), results.total);
        let quotes = format!("{count} quote{}", if count == 1 { "" } else { "s" });
        let summary = if listed >= total {
            quotes
        } else {
            format!("{quotes} in the {listed} newest of {total} matching articles")
        };
        let items = rows
            .into_iter()
            .map(|row| quote_row(row, &filter))
            .collect_view();
        view! {
            <h1 class="view-title visually-hidden">"Quotes"</h1>
            <p class="summary" role="status" id="summary">{summary}</p>
            <ol class="quote-hits">{items}</ol>
            <Show when=move || { total > listed }>
                <button class="more" on:click=move |_| state.hit_limit.update(|n| *n += state.hit_page())>
                    {format!("Show quotes of more articles ({} more)", total - listed)}
                </button>
            </Show>
        }
        .into_any()
    }
}

/// Source and date, as a result list shows them.
fn byline(entry: &DocEntry) -> String {
    [entry.source.as_str(), entry.date.as_str()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · ")
}

/// One article, read from its `texts` part, marked as in the embedded reader.
#[component]
fn ArchiveReader(
    /// The article's id.
    id: String,
) -> impl IntoView {
    let state = AppState::use_context();
    let source = ArchiveSource::use_context();
    let opened: RwSignal<Option<Result<ReaderArticle, String>>> = RwSignal::new(None);
    // Waits for the link's own view (its list may already tell the document number; else
    // the archive's `ids` part for the article does).
    let wanted = id.clone();
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) {
            return true;
        }
        match source.view.get() {
            ArchiveView::Ready(_) => {}
            ArchiveView::Loading => return false,
            ArchiveView::Failed(e) | ArchiveView::Unsupported(e) => {
                opened.set(Some(Err(e)));
                return true;
            }
        }
        let wanted = wanted.clone();
        leptos::task::spawn_local(async move {
            let doc = match source.find_doc(&wanted).await {
                Ok(Some(doc)) => doc,
                Ok(None) => {
                    opened.set(Some(Err(format!(
                        "this archive has no article “{wanted}” (it may have been removed since the link was made)"
                    ))));
                    return;
                }
                Err(e) => {
                    opened.set(Some(Err(format!("where it is could not be loaded ({e})"))));
                    return;
                }
            };
            let outcome = match source.text(doc).await {
                Ok(Some((article, annotations))) => {
                    ReaderArticle::parse(doc, &article, &annotations)
                }
                Ok(None) => Err("the archive has no text for this article".into()),
                Err(e) => Err(format!("its text could not be loaded ({e})")),
            };
            opened.set(Some(outcome));
        });
        true
    });
    let back = move || Filter {
        article: None,
        quote: None,
        ..state.filter.get().0
    };
    let body = move || {
        match opened.get() {
        None => view! { <p class="summary archive-loading" role="status">"Loading the article from the archive…"</p> }.into_any(),
        Some(Err(e)) => view! { <div class="notice archive-failed" role="alert" id="archive-failed"><p>{format!("This article could not be opened: {e}.")}</p></div> }.into_any(),
        Some(Ok(found)) => {
            let filter = state.filter.get_untracked().0;
            let quote = filter.quote;
            let article = found.library.articles[0].clone();
            let annotations = found.library.annotations[0].clone();
            article_view(&found.library, 0, &article, &annotations, quote, &filter).into_any()
        }
    }
    };
    view! {
        {move || view! { <ViewLink filter=back() class="back">"← Back to results"</ViewLink> }}
        {body}
    }
}

/// An article opened in archive mode: a library of that one article, so the embedded
/// reader's marks, links and speaker names work unchanged.
#[derive(Clone)]
struct ReaderArticle {
    library: Arc<Library>,
}

impl ReaderArticle {
    fn parse(doc: u32, article: &str, annotations: &str) -> Result<Self, String> {
        let (article, annotations) = crate::archive::parts::parse_text(doc, article, annotations)?;
        let articles = vec![article];
        let annotations = vec![annotations];
        let index = Index::build(&articles, &annotations);
        Ok(Self {
            library: Arc::new(Library {
                articles: Arc::new(articles),
                prepared: None,
                annotations,
                decisions: Default::default(),
                index,
                entity_stats: std::sync::OnceLock::new(),
            }),
        })
    }
}

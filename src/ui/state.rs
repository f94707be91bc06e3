//! What components share, passed through one typed context: the URL (the only UI state), the
//! loading progress and the loaded corpus. Everything a view shows is derived from these.

use super::url::UrlQuery;
use crate::corpus::Article;
use crate::extract::Annotations;
use crate::index::Index;
use crate::query::entity_table::EntityStats;
use crate::query::{Filter, LastWord, Notice, Options, Results, UnknownNames, search_with};
use leptos::prelude::*;
use std::sync::{Arc, OnceLock};

/// The corpus once everything is ready: articles, their annotations and the index, all in the
/// same document order (`u32` doc ids index all three).
pub struct Library {
    /// Articles in seed order (shared with the list shown while indexing).
    pub articles: Arc<Vec<Article>>,
    /// The resolve stage's automatic verdicts, before hand edits: what an edit in this
    /// browser starts from (`super::curation`). None in archive mode.
    pub prepared: Option<Arc<crate::resolve::Prepared>>,
    /// Their annotations, resolved across the collection.
    pub annotations: Vec<Annotations>,
    /// Why entities were merged or dropped (for the entity page).
    pub decisions: crate::resolve::Decisions,
    /// The index over both.
    pub index: Index,
    /// Per-article entity counts for the entity table, gathered the first time it is shown.
    pub entity_stats: OnceLock<EntityStats>,
}

impl Library {
    /// A library of no articles: an archive site's own articles before the reader adds
    /// any (so `in=yours` answers "no articles" at once).
    pub fn empty() -> Self {
        Library {
            articles: Arc::new(Vec::new()),
            prepared: None,
            annotations: Vec::new(),
            decisions: Default::default(),
            // Not a build of no articles, which answers alike (index::build's tests): the
            // app for archives would then load the index builder with every page.
            index: crate::index::Index::default(),
            entity_stats: OnceLock::new(),
        }
    }

    /// The library of `articles` resolved from the kept verdicts `prepared` (what an edit
    /// starts again from) into `resolved`, indexed as `index`.
    pub fn resolved(
        articles: Arc<Vec<Article>>,
        prepared: Arc<crate::resolve::Prepared>,
        resolved: crate::resolve::Resolved,
        index: Index,
    ) -> Self {
        Library {
            articles,
            prepared: Some(prepared),
            annotations: resolved.annotations,
            decisions: resolved.decisions,
            index,
            entity_stats: OnceLock::new(),
        }
    }

    /// The entity table's per-article counts (gathered on first use).
    pub fn entity_stats(&self) -> &EntityStats {
        self.entity_stats
            .get_or_init(|| EntityStats::build(&self.index, &self.annotations))
    }

    /// The article, annotations and doc id of article `id`.
    pub fn article(&self, id: &str) -> Option<(u32, &Article, &Annotations)> {
        let doc = self.index.doc_of(id)?;
        Some((
            doc,
            self.articles.get(doc as usize)?,
            self.annotations.get(doc as usize)?,
        ))
    }
}

/// The site's own articles and their annotations before the collection-wide resolve, kept so
/// the reader's articles can be resolved and indexed together with them.
pub struct SiteCollection {
    /// The site's articles.
    pub articles: Arc<Vec<Article>>,
    /// Their annotations, unresolved.
    pub annotations: Arc<Vec<Annotations>>,
}

/// How far loading has come.
#[derive(Debug, Clone, PartialEq)]
pub enum Progress {
    /// Reading the embedded seed files.
    Reading { done: usize, total: usize },
    /// Finding entities, dates and quotes (never, in a build without seed articles).
    #[cfg_attr(dossier_no_seeds, allow(dead_code))]
    Extracting { done: usize, total: usize },
    /// Building the index.
    Indexing,
    /// Everything is ready; times in ms since the page started.
    Ready {
        first_articles_ms: f64,
        ready_ms: f64,
    },
    /// The embedded articles could not be read.
    Failed(String),
}

impl Progress {
    /// A short description for the status line.
    pub fn describe(&self) -> String {
        match self {
            Self::Reading { done, total } => format!("Reading articles… {done} of {total}"),
            Self::Extracting { done, total } => {
                format!("Finding names, dates and quotes… {done} of {total}")
            }
            Self::Indexing => "Indexing…".into(),
            Self::Ready { .. } => "Ready".into(),
            Self::Failed(message) => format!("The articles could not be loaded: {message}"),
        }
    }

    /// Fraction done, 0..=1.
    pub fn fraction(&self) -> f64 {
        match self {
            Self::Reading { done, total } => 0.1 * ratio(*done, *total),
            Self::Extracting { done, total } => 0.1 + 0.8 * ratio(*done, *total),
            Self::Indexing => 0.9,
            Self::Ready { .. } | Self::Failed(_) => 1.0,
        }
    }
}

fn ratio(done: usize, total: usize) -> f64 {
    if total == 0 {
        1.0
    } else {
        done as f64 / total as f64
    }
}

/// Results shared by several components; compared by identity so a Memo of them is cheap.
#[derive(Clone)]
pub struct SharedResults(pub Arc<Results>);

impl PartialEq for SharedResults {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// The shared state. `Copy`: every field is a signal handle.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The address bar's query string.
    pub url: UrlQuery,
    /// Loading progress.
    pub progress: RwSignal<Progress>,
    /// The articles, as soon as they are read (before extraction finishes).
    pub articles: RwSignal<Option<Arc<Vec<Article>>>>,
    /// The corpus, once indexed: the site's articles and the reader's own.
    pub library: RwSignal<Option<Arc<Library>>>,
    /// The site's articles alone, unresolved (see [`SiteCollection`]).
    pub site: StoredValue<Option<Arc<SiteCollection>>>,
    /// Whether an archive answers the site's views (archive mode): the library then holds
    /// only the reader's own articles and answers only `in=yours`.
    pub archive: RwSignal<bool>,
    /// The filter and the notices about the link it came from, without the names the
    /// collection does not know ([`AppState::unknown_names`]): the view the page answers.
    pub filter: Memo<(Filter, Vec<Notice>)>,
    /// The filter as the link writes it, with its notices (before unknown names are left
    /// out).
    pub link: Memo<(Filter, Vec<Notice>)>,
    /// The entities and speakers the link names that none of the loaded articles has; empty
    /// until the reader's own articles are in ([`AppState::own_settled`]). In archive mode,
    /// the names neither the archive nor the reader's own articles have.
    pub unknown_names: Memo<UnknownNames>,
    /// Archive mode: the link filter the archive was last asked about and the names it does
    /// not have (set by `super::archive_source`; `None` until the first answer).
    pub archive_unknown: RwSignal<Option<(Filter, UnknownNames)>>,
    /// Archive mode: the display names of the link's entities as the archive has them (set
    /// with [`Self::archive_unknown`]), for chips whose entity no facet lists.
    pub archive_names: RwSignal<Vec<(crate::extract::EntityId, String)>>,
    /// Whether the reader's own articles kept in this browser are in the library and none
    /// are being added (set by `super::own_articles`): before, a name the library lacks may
    /// still come with them.
    pub own_settled: RwSignal<bool>,
    /// How many article hits to collect ("show more" raises it; not part of the view).
    pub hit_limit: RwSignal<usize>,
    /// Whether the search box's last word is being typed (the box has focus and was typed
    /// in): transient, like the caret, so never in the URL; a link is a finished query.
    pub last_word: RwSignal<LastWord>,
    /// Results of the current filter, once indexed.
    pub results: Memo<Option<SharedResults>>,
    /// The hand edits to the entities: the site's and this browser's (`super::curation`).
    pub edits: RwSignal<super::curation::Edits>,
    /// Whether an edit is being applied.
    pub applying: RwSignal<bool>,
    /// Whether the sidebar (timeline and facets) is on screen: always on a wide screen, on
    /// a phone while its drawer is open (kept by `super::app`). An archive counts a view's
    /// facets only then, so a phone's cold link fetches no facet postings until the reader
    /// opens the filters.
    pub sidebar_shown: RwSignal<bool>,
    /// The facet panels that have been on screen (`super::on_screen`); `None` until the
    /// page's observer first reports. An archive counts these panels' facets, only while
    /// [`AppState::sidebar_shown`].
    pub panels_seen: RwSignal<Option<crate::query::FacetSet>>,
    /// Whether the page is laid out for a phone (the sidebar a drawer), kept up to date as
    /// the window is resized or the phone turned.
    pub phone: RwSignal<bool>,
}

/// Article hits shown at first, and added by each "show more". Twenty fill a desktop
/// screen twice over; in an archive each hit costs about one `docs` part of its own (a
/// page's hits are scattered over the collection), so a cold link's requests, bytes and
/// layout follow this number (`benches/runs/2026-12-04-first-page/`).
pub const HIT_PAGE: usize = 20;

/// [`HIT_PAGE`] on a phone: ten fill its screen three times over, and from an archive each
/// costs its `docs` and `doctable` parts (20 of a cold link's 50–60 requests at 250,000
/// articles).
pub const PHONE_HIT_PAGE: usize = 10;

/// Article hits a list shows at first and adds with each "show more", on a phone or not.
fn hit_page_for(phone: bool) -> usize {
    if phone { PHONE_HIT_PAGE } else { HIT_PAGE }
}

/// The media query of the phone layout, as `style/main.css` writes it: below this width the
/// sidebar is a drawer the "Filters" button opens.
const PHONE_LAYOUT: &str = "(max-width: 760px)";

/// Whether the page is laid out for a phone, kept up to date as the window is resized or the
/// phone turned. `false` where the browser cannot say (the sidebar is then taken as shown).
fn phone_layout() -> RwSignal<bool> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;
    let phone = RwSignal::new(false);
    let Some(query) = window().match_media(PHONE_LAYOUT).ok().flatten() else {
        return phone;
    };
    phone.set(query.matches());
    let watched = query.clone();
    let on_change = Closure::<dyn Fn()>::new(move || phone.set(watched.matches()));
    let _ = query.add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
    // The state lives as long as the page: so does its listener.
    on_change.forget();
    phone
}

/// Values a facet panel receives with the results (its "show more" list); finding a value
/// searches all of them ([`crate::query::facet_values`]).
pub const FACET_VALUES: usize = 200;

impl AppState {
    /// Creates the state and provides it to every component below.
    pub fn provide() -> Self {
        let url = UrlQuery::install();
        let progress = RwSignal::new(Progress::Reading { done: 0, total: 0 });
        let articles = RwSignal::new(None);
        let library: RwSignal<Option<Arc<Library>>> = RwSignal::new(None);
        let link = Memo::new(move |_| Filter::from_query_string(&url.get()));
        let archive = RwSignal::new(false);
        let own_settled = RwSignal::new(false);
        let archive_unknown: RwSignal<Option<(Filter, UnknownNames)>> = RwSignal::new(None);
        let unknown_names = Memo::new(move |_| {
            if !own_settled.get() {
                return UnknownNames::default();
            }
            let Some(library) = library.get() else {
                return UnknownNames::default();
            };
            let own = link.with(|(filter, _)| UnknownNames::of(&library.index, filter));
            if !archive.get() {
                return own;
            }
            archive_unknown.with(|asked| match asked {
                Some((filter, in_archive)) if link.with(|(link, _)| link == filter) => {
                    in_archive.also_unknown_to(&own)
                }
                _ => UnknownNames::default(),
            })
        });
        // A Memo: the search box, facets, chips, timeline and lists all read the filter.
        let filter = Memo::new(move |_| {
            let (filter, notices) = link.get();
            let filter = unknown_names.with(|unknown| {
                if unknown.is_empty() {
                    filter
                } else {
                    unknown.removed_from(&filter)
                }
            });
            (filter, notices)
        });
        let phone = phone_layout();
        let hit_limit = RwSignal::new(hit_page_for(phone.get_untracked()));
        let last_word = RwSignal::new(LastWord::Complete);
        let results = Memo::new(move |_| {
            let library = library.get()?;
            let (filter, _) = filter.get();
            // In archive mode this library holds the reader's own articles only: it answers
            // `in=yours` (empty or not), and its answer is mixed into the archive's when the
            // view takes both collections and the reader has articles (`archive_source`'s
            // `shown`).
            if archive.get()
                && match filter.collection {
                    Some(crate::query::Collection::Yours) => false,
                    Some(crate::query::Collection::Site) => true,
                    None => library.index.is_empty(),
                }
            {
                return None;
            }
            let options = Options {
                hits: hit_limit.get(),
                quotes: 500,
                facet_values: FACET_VALUES,
                facet_panels: crate::query::FacetSet::ALL,
                last_word: last_word.get(),
            };
            Some(SharedResults(Arc::new(search_with(
                &library.index,
                &filter,
                options,
            ))))
        });
        let state = Self {
            url,
            progress,
            articles,
            library,
            site: StoredValue::new(None),
            archive,
            filter,
            link,
            unknown_names,
            archive_unknown,
            archive_names: RwSignal::new(Vec::new()),
            own_settled,
            hit_limit,
            last_word,
            results,
            edits: RwSignal::new(super::curation::Edits::default()),
            applying: RwSignal::new(false),
            sidebar_shown: RwSignal::new(!phone.get_untracked()),
            panels_seen: RwSignal::new(None),
            phone,
        };
        provide_context(state);
        state
    }

    /// The state provided by [`AppState::provide`] at the root.
    pub fn use_context() -> Self {
        use_context::<Self>().expect("AppState is provided by App, the root of every component")
    }

    /// The current filter, untracked.
    pub fn filter_now(&self) -> Filter {
        self.filter.get_untracked().0
    }

    /// Article hits a list shows at first and adds with each "show more": fewer on a phone.
    pub fn hit_page(&self) -> usize {
        hit_page_for(self.phone.get_untracked())
    }

    /// Opens the view of `filter` as a new history entry.
    pub fn go(&self, filter: &Filter) {
        self.hit_limit.set(self.hit_page());
        self.url.navigate(&filter.to_query_string());
    }

    /// Opens the current view changed by `change`.
    pub fn update(&self, change: impl FnOnce(&mut Filter)) {
        let mut filter = self.filter_now();
        change(&mut filter);
        self.go(&filter);
    }
}

/// The link (`?…`) of a view; `?` alone for the default one.
pub fn href(filter: &Filter) -> String {
    format!("?{}", filter.to_query_string())
}

/// A click that should open in this tab (not ctrl/cmd/shift/middle-click): those are left to
/// the browser, since every link is a real URL.
pub fn plain_click(ev: &leptos::ev::MouseEvent) -> bool {
    ev.button() == 0 && !ev.ctrl_key() && !ev.meta_key() && !ev.shift_key() && !ev.alt_key()
}

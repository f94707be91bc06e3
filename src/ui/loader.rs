//! Loading the embedded articles without freezing the page: read the seed table, parse,
//! extract, resolve and index in time slices, yielding to the browser between slices, and publish
//! the articles as soon as they are read so the list shows before indexing finishes.

use super::lazy::lazy_code;
use super::state::{AppState, Library, Progress, SiteCollection};
use crate::corpus::Article;
use crate::extract::Annotations;
use crate::index::IndexBuilder;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// Work at most this long before letting the browser paint and handle input.
const SLICE_MS: f64 = 30.0;

/// Starts loading in the background.
pub fn start(state: AppState) {
    leptos::task::spawn_local(async move {
        if let Err(message) = load(state).await {
            state.progress.set(Progress::Failed(message));
        }
    });
}

async fn load(state: AppState) -> Result<(), String> {
    let (articles, slice) = read_all(state).await?;
    let articles = Arc::new(articles);
    state.articles.set(Some(articles.clone()));
    let first_articles_ms = now_ms();

    let annotations = extract_all(state, &articles, slice).await;
    state.progress.set(Progress::Indexing);
    let _ = Slice::start().yield_now().await;
    // The site's aliases.toml, then this browser's edits (`super::curation`).
    let edits = super::curation::load()?;
    let curation = edits.all();
    state.edits.set(edits);
    // The site's annotations before resolving are kept: the reader's own articles are
    // resolved together with them (`rebuild`).
    state.site.set_value(Some(Arc::new(SiteCollection {
        articles: articles.clone(),
        annotations: Arc::new(annotations.clone()),
    })));
    let (library, _, _) =
        resolving_and_indexing(articles, annotations, Default::default(), curation)
            .await
            .map_err(|missing| format!("The articles could not be indexed: {missing}."))?
            .await;
    state.library.set(Some(Arc::new(library)));
    let ready_ms = now_ms();
    state.progress.set(Progress::Ready {
        first_articles_ms,
        ready_ms,
    });
    record_timings(first_articles_ms, ready_ms);
    Ok(())
}

/// Reads every embedded seed file, in time slices; any bad one fails the load.
#[cfg(not(dossier_no_seeds))]
async fn read_all(state: AppState) -> Result<(Vec<Article>, Slice), String> {
    let files = crate::embedded::files()?;
    let total = files.len();
    let mut articles: Vec<Article> = Vec::with_capacity(total);
    let mut errors = Vec::new();
    let mut slice = Slice::start();
    for (done, (name, bytes)) in files.into_iter().enumerate() {
        if crate::corpus::classify(name).is_err() {
            continue;
        }
        // The page reader is linked only when a seed is a page (build.rs).
        #[cfg(dossier_html_seeds)]
        let parsed = crate::corpus::parse_file(name, bytes);
        #[cfg(not(dossier_html_seeds))]
        let parsed = crate::corpus::parse_file_without_pages(name, bytes);
        match parsed {
            Ok(mut parsed) => articles.append(&mut parsed),
            Err(e) => errors.push(e.to_string()),
        }
        if slice.spent() {
            state.progress.set(Progress::Reading { done, total });
            slice = slice.yield_now().await;
        }
    }
    if !errors.is_empty() {
        return Err(errors.join("\n"));
    }
    Ok((articles, slice))
}

/// A build without seed articles (the app for archives) has no seed file to read, and so
/// links no seed reader (front matter, JSON records): see `cfg(dossier_no_seeds)` in build.rs.
#[cfg(dossier_no_seeds)]
async fn read_all(_: AppState) -> Result<(Vec<Article>, Slice), String> {
    Ok((Vec::new(), Slice::start()))
}

/// Finds the names, dates and quotes of every embedded article, in time slices.
#[cfg(not(dossier_no_seeds))]
async fn extract_all(state: AppState, articles: &[Article], mut slice: Slice) -> Vec<Annotations> {
    let total = articles.len();
    let mut annotations = Vec::with_capacity(total);
    for (done, article) in articles.iter().enumerate() {
        annotations.push(crate::extract::annotate(article));
        if slice.spent() {
            state.progress.set(Progress::Extracting { done, total });
            slice = slice.yield_now().await;
        }
    }
    annotations
}

/// A build without seed articles (the app for archives) has nothing to extract, and so
/// links no extractor: see `cfg(dossier_no_seeds)` in build.rs.
#[cfg(dossier_no_seeds)]
async fn extract_all(_: AppState, _: &[Article], _: Slice) -> Vec<Annotations> {
    Vec::new()
}

/// What [`rebuild`] left out or could not do.
#[derive(Debug, Default)]
pub struct Rebuilt {
    /// The own files left out because an article id was taken: stored name, and `file:
    /// problem`.
    pub clashes: Vec<(String, String)>,
    /// Why the archive's verdicts on the reader's names could not be fetched (the
    /// reader's articles are then resolved among themselves).
    pub unjoined: Option<String>,
    /// Why the new collection could not be made at all (the code that resolves and
    /// indexes could not be fetched): the views keep the previous one.
    pub not_rebuilt: Option<String>,
}

/// Rebuilds the library from the site's articles and the reader's own `files` (resolved and
/// indexed together, so an entity in both is one entity), in time slices. Beside an
/// archive (`archive`), the reader's articles take its verdicts on the names it resolved
/// ([`crate::resolve::from_archive`]) first.
pub async fn rebuild(
    state: AppState,
    own: &[crate::own::FileResult],
    archive: Option<super::archive_source::ArchiveSource>,
) -> Rebuilt {
    let site = state.site.get_value();
    let (site_articles, site_annotations): (&[Article], &[Annotations]) = match &site {
        Some(site) => (&site.articles, &site.annotations),
        None => (&[], &[]),
    };
    let combined = crate::own::combine(site_articles, site_annotations, own);
    let articles = Arc::new(combined.articles);
    let fetching = now_ms();
    let (verdicts, unjoined) = match archive {
        Some(archive) => match archive.verdicts_for(&combined.annotations).await {
            Ok(verdicts) => (verdicts, None),
            Err(e) => (Default::default(), Some(e)),
        },
        None => (Default::default(), None),
    };
    if archive.is_some_and(|a| a.mode.get_untracked() == super::archive_source::Mode::Archive) {
        // Time waiting for the archive's `fates` parts (the network's, not the thread's).
        super::own_articles::set_body_attribute(
            "data-own-fates-ms",
            &format!("{:.0}", now_ms() - fetching),
        );
    }
    // The hand edits apply to own articles as to the site's.
    let curation = state.edits.get_untracked().all();
    let resolving =
        resolving_and_indexing(articles.clone(), combined.annotations, verdicts, curation);
    let (library, resolve_ms, index_ms) = match resolving.await {
        Ok(resolving) => resolving.await,
        Err(missing) => {
            return Rebuilt {
                clashes: combined.clashes,
                unjoined,
                not_rebuilt: Some(format!(
                    "Your articles could not be added to the views: {missing}. Try again once online."
                )),
            };
        }
    };
    // Main-thread time spent resolving and indexing (ms), for tests and the curious.
    if let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    {
        let _ = body.set_attribute(
            "data-own-rebuild-ms",
            &format!("{resolve_ms:.0} {index_ms:.0}"),
        );
    }
    // Showing the new collection (every view renders again) is a task of its own.
    next_task().await;
    state.articles.set(Some(articles));
    state.library.set(Some(Arc::new(library)));
    Rebuilt {
        clashes: combined.clashes,
        unjoined,
        not_rebuilt: None,
    }
}

/// The work of [`resolve_and_index`], to be awaited.
type Resolving = std::pin::Pin<Box<dyn std::future::Future<Output = (Library, f64, f64)>>>;

// Resolving and indexing in the browser is for the embedded articles and the reader's own:
// the app for archives fetches this code when the reader adds articles (super::lazy).
lazy_code! { articles_in_page: fn resolving_and_indexing(
    articles: Arc<Vec<Article>>,
    annotations: Vec<Annotations>,
    verdicts: crate::resolve::from_archive::ArchiveVerdicts,
    curation: crate::resolve::Curation,
) -> Resolving {
    Box::pin(async move { resolve_and_index(articles, annotations, &verdicts, &curation).await })
} }

lazy_code! { articles_in_page: pub fn refinishing(
    library: Arc<Library>,
    prepared: Arc<crate::resolve::Prepared>,
    curation: crate::resolve::Curation,
) -> Library {
    let resolved = prepared.as_ref().clone().finish(&library.articles, &curation);
    let index = crate::index::Index::build(&library.articles, &resolved.annotations);
    Library::resolved(library.articles.clone(), prepared, resolved, index)
} }

/// Resolves entities across `articles`, applies the hand edits and indexes them; returns the
/// library and the main-thread ms spent resolving and indexing. The automatic verdicts are
/// kept, so a later edit only applies the edits and rewrites again. Resolving is
/// collection-wide, but it goes a rule or a few articles at a time, and indexing an article
/// at a time, with the browser's other tasks between slices: the page answers input
/// throughout.
async fn resolve_and_index(
    articles: Arc<Vec<Article>>,
    annotations: Vec<Annotations>,
    verdicts: &crate::resolve::from_archive::ArchiveVerdicts,
    curation: &crate::resolve::Curation,
) -> (Library, f64, f64) {
    let mut resolve_ms = 0.0;
    let mut slice = Slice::start().yield_now().await;
    let mut preparing = crate::resolve::Preparing::new(&articles, annotations);
    while preparing.step(&mut || !slice.spent()) {
        if slice.spent() {
            resolve_ms += slice.elapsed();
            slice = slice.yield_now().await;
        }
    }
    let mut prepared = preparing.prepared();
    let joined = prepared.join_archive(verdicts);
    if !verdicts.is_empty() {
        super::own_articles::set_body_attribute("data-own-archive-joined", &joined.to_string());
    }
    // The verdicts are kept for the reader's later edits; the rewrite takes a copy.
    let mut finishing = prepared.clone().finishing(&articles, curation);
    while finishing.step(&mut || !slice.spent()) {
        if slice.spent() {
            resolve_ms += slice.elapsed();
            slice = slice.yield_now().await;
        }
    }
    let resolved = finishing.resolved();
    resolve_ms += slice.elapsed();
    let mut slice = slice.yield_now().await;
    let mut index_ms = 0.0;
    let mut builder = IndexBuilder::new();
    for (article, found) in articles.iter().zip(&resolved.annotations) {
        builder.add(article, found);
        if slice.spent() {
            index_ms += slice.elapsed();
            slice = slice.yield_now().await;
        }
    }
    // Finishing the index is one pass over every word's postings (6–40 ms for 4 MB of
    // text in Chromium): a slice of its own.
    index_ms += slice.elapsed();
    let slice = slice.yield_now().await;
    let index = builder.finish();
    index_ms += slice.elapsed();
    let library = Library::resolved(articles, Arc::new(prepared), resolved, index);
    (library, resolve_ms, index_ms)
}

/// A time slice of work.
struct Slice {
    started: f64,
}

impl Slice {
    fn start() -> Self {
        Self { started: now_ms() }
    }

    fn spent(&self) -> bool {
        self.elapsed() > SLICE_MS
    }

    /// Milliseconds since the slice started.
    fn elapsed(&self) -> f64 {
        now_ms() - self.started
    }

    /// Lets the browser run (paint, input), then starts a new slice.
    async fn yield_now(self) -> Self {
        next_task().await;
        Self::start()
    }
}

/// Lets the browser run its other tasks (input, paint) once, then goes on: with
/// `scheduler.yield()` where the browser has it (input and paint still go first, but the
/// continuation is not delayed like a timer), else with a 0-ms timeout (which browsers delay
/// to 4 ms once timers nest five deep, as a chain of slices does).
pub async fn next_task() {
    let window = web_sys::window();
    let scheduler_yield = window.as_ref().and_then(|w| {
        let scheduler = js_sys::Reflect::get(w, &"scheduler".into()).ok()?;
        let function = js_sys::Reflect::get(&scheduler, &"yield".into()).ok()?;
        let function: js_sys::Function = function.dyn_into().ok()?;
        let promise: js_sys::Promise = function.call0(&scheduler).ok()?.dyn_into().ok()?;
        Some(promise)
    });
    let promise = scheduler_yield.unwrap_or_else(|| {
        js_sys::Promise::new(&mut |resolve, _| {
            if let Some(w) = &window {
                let _ = w.set_timeout_with_callback(&resolve);
            }
        })
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Lets the browser paint and handle input once.
pub async fn yield_to_browser() {
    let _ = Slice::start().yield_now().await;
}

/// Milliseconds since the page started loading.
pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Leaves the load timings where tests and curious readers can find them: on `<body>` as
/// `data-first-articles-ms` / `data-ready-ms`, and in the console.
fn record_timings(first_articles_ms: f64, ready_ms: f64) {
    if let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    {
        let _ = body.set_attribute("data-first-articles-ms", &format!("{first_articles_ms:.0}"));
        let _ = body.set_attribute("data-ready-ms", &format!("{ready_ms:.0}"));
    }
    web_sys::console::info_1(
        &format!("Dossier: first articles after {first_articles_ms:.0} ms, index ready after {ready_ms:.0} ms").into(),
    );
}

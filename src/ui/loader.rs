//! Loading the embedded articles without freezing the page: read the seed table, parse,
//! extract, resolve and index in time slices, yielding to the browser between slices, and publish
//! the articles as soon as they are read so the list shows before indexing finishes.

use super::state::{AppState, Library, Progress};
use crate::corpus::{self, Article};
use crate::extract::annotate;
use crate::index::Index;
use leptos::prelude::*;
use std::sync::Arc;

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
    let files = crate::embedded::files()?;
    let total = files.len();
    let mut articles: Vec<Article> = Vec::with_capacity(total);
    let mut errors = Vec::new();
    let mut slice = Slice::start();
    for (done, (name, bytes)) in files.into_iter().enumerate() {
        if corpus::classify(name).is_err() {
            continue;
        }
        match corpus::parse_file(name, bytes) {
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
    let articles = Arc::new(articles);
    state.articles.set(Some(articles.clone()));
    let first_articles_ms = now_ms();

    let total = articles.len();
    let mut annotations = Vec::with_capacity(total);
    for (done, article) in articles.iter().enumerate() {
        annotations.push(annotate(article));
        if slice.spent() {
            state.progress.set(Progress::Extracting { done, total });
            slice = slice.yield_now().await;
        }
    }
    state.progress.set(Progress::Indexing);
    let _ = Slice::start().yield_now().await;
    // The site's aliases.toml, then this browser's edits (`super::curation`); the
    // automatic verdicts are kept so an edit only applies the edits and rewrites again.
    let edits = super::curation::load()?;
    let curation = edits.all();
    state.edits.set(edits);
    let prepared = crate::resolve::prepare(&articles, annotations);
    let resolved = prepared.clone().finish(&articles, &curation);
    let annotations = resolved.annotations;
    let index = Index::build(&articles, &annotations);
    state.library.set(Some(Arc::new(Library {
        articles,
        prepared: Some(Arc::new(prepared)),
        annotations,
        decisions: resolved.decisions,
        index,
        entity_stats: std::sync::OnceLock::new(),
    })));
    let ready_ms = now_ms();
    state.progress.set(Progress::Ready {
        first_articles_ms,
        ready_ms,
    });
    record_timings(first_articles_ms, ready_ms);
    Ok(())
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
        now_ms() - self.started > SLICE_MS
    }

    /// Lets the browser run (paint, input), then starts a new slice.
    async fn yield_now(self) -> Self {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            if let Some(w) = web_sys::window() {
                let _ = w.set_timeout_with_callback(&resolve);
            }
        });
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        Self::start()
    }
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

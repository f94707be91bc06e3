//! Archive mode: when the app carries no articles of its own and the site next to it has an
//! `archive/manifest.json` (written by `dossier build`), every view is answered from the
//! archive's parts, fetched as the view needs them ([`crate::archive::Archive::search`]
//! names them; they are fetched in parallel, checked against their names and kept, so a
//! later view that needs no new part answers at once).
//!
//! A part that does not arrive, or arrives with the wrong bytes, is asked for again twice;
//! after that the view says plainly what could not be loaded: no count is ever shown from
//! an incomplete set of parts.

use super::lazy::lazy_code;
use super::loader;
use super::state::{AppState, FACET_VALUES, Progress};
use crate::archive::parts::TextsPart;
use crate::archive::{
    Archive, ArchiveEntity, ArchiveError, ArchiveResults, EntityShown, Manifest, Needs, PartName,
    open_texts,
};
use crate::extract::EntityId;
use crate::query::entity_table::EntityRow;
use crate::query::network::Network;
use crate::query::{FacetSet, Filter, LastWord, Options, UnknownNames};
use crate::resolve::from_archive::{ArchiveVerdicts, NameFate, extraction_ids};
use crate::resolve::{Curated, Curation};
use leptos::prelude::*;
use std::collections::HashMap;
use std::sync::Arc;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Where the manifest lies, relative to the page (so the site works from any sub-path).
pub(super) const MANIFEST_URL: &str = "archive/manifest.json";
/// Where parts lie, relative to the page.
pub(super) const PARTS_URL: &str = "archive/parts/";
/// Attempts per part: the first and two retries.
pub(super) const ATTEMPTS: usize = 3;
/// Quotes collected per view: every quote of the articles listed (the list's length bounds
/// them), so that the quotes view's count is exact once every matching article is listed.
const QUOTES: usize = usize::MAX;

/// Which build answers the views.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Looking for an archive next to the page.
    Deciding,
    /// The articles embedded in the app.
    Embedded,
    /// An archive written by `dossier build`.
    Archive,
}

/// The state of the current view in archive mode.
#[derive(Debug, Clone, PartialEq)]
pub enum ArchiveView {
    /// Fetching the parts of the view of this query string.
    Loading,
    /// Answered: every number in it is exact.
    Ready(SharedArchiveResults),
    /// Not answered: the message says what could not be loaded.
    Failed(String),
    /// The filter asks for what an archive does not store.
    Unsupported(String),
}

/// Results compared by identity, so a Memo of them is cheap.
#[derive(Debug, Clone)]
pub struct SharedArchiveResults(
    pub Arc<ArchiveResults>,
    /// With a date range: the answer for the filter without it (only its histogram: the
    /// timeline's overview).
    pub Option<Arc<ArchiveResults>>,
);

impl SharedArchiveResults {
    /// The facet panels counted: the panels on screen ([`AppState::panels_seen`]) when
    /// the sidebar is ([`AppState::sidebar_shown`]); the others' lists are empty, not zero.
    pub fn counted(&self) -> FacetSet {
        self.0.facets.counted
    }
}

impl PartialEq for SharedArchiveResults {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
            && match (&self.1, &other.1) {
                (Some(a), Some(b)) => Arc::ptr_eq(a, b),
                (None, None) => true,
                _ => false,
            }
    }
}

/// What archive-mode components share. `Copy`: every field is a handle.
#[derive(Clone, Copy)]
pub struct ArchiveSource {
    /// Which build answers.
    pub mode: RwSignal<Mode>,
    /// The current view, as the archive answers it.
    pub view: RwSignal<ArchiveView>,
    /// The current view as shown: the archive's answer with the reader's own articles mixed
    /// in when the view takes both collections ([`crate::archive::with_own`]).
    pub shown: Memo<ArchiveView>,
    /// The opened archive and every part fetched so far.
    archive: StoredValue<Option<Archive>, LocalStorage>,
    /// The manifest the archive was opened from ("Save for offline" reads its part list).
    manifest: StoredValue<Option<Manifest>>,
    /// Bumped by every new view, so an older view's answer never replaces a newer one.
    generation: StoredValue<u64>,
    /// Article id → document number of every hit shown so far (archives of format 1 have
    /// no table from ids to numbers: the reader finds an article through the list it was
    /// opened from).
    known_docs: StoredValue<HashMap<String, u32>>,
    /// The entity whose archive page is on screen (`None` while it loads): the entity
    /// page is a view of its own, so the page is not ready before it.
    pub entity_shown: RwSignal<Option<EntityId>>,
    /// The filter whose network or entity table (counted without its sort) is on screen:
    /// those are answered after the view's list, so the page is not ready before them.
    pub view_drawn: RwSignal<Option<Filter>>,
    /// What each of this browser's hand edits did to the archive's entities, read through
    /// them ([`crate::archive::curated`]); `None` while they are being applied, and views
    /// wait for them, so none is ever shown without the edits.
    pub curated: RwSignal<Option<Arc<Vec<Curated>>>>,
}

impl ArchiveSource {
    /// The source provided by [`start`].
    pub fn use_context() -> Self {
        use_context::<Self>()
            .expect("ArchiveSource is provided by App, the root of every component")
    }

    /// Whether the archive's views answer the current filter (tracked): in archive mode,
    /// unless the filter takes the reader's own articles alone (`in=yours`) or opens one of
    /// them; those the embedded views answer, over the library that holds them.
    pub fn answers(&self, state: AppState) -> bool {
        self.mode.get() == Mode::Archive
            && state.filter.with(|(f, _)| {
                f.collection != Some(crate::query::Collection::Yours)
                    && !f.article.as_deref().is_some_and(crate::own::is_own)
            })
    }

    /// The current view's number of matches and how many of them are the reader's own
    /// (tracked), from whichever answers it; `None` until it is answered.
    pub fn totals(&self, state: AppState) -> Option<(usize, usize)> {
        if self.answers(state) {
            match self.shown.get() {
                ArchiveView::Ready(results) => Some((results.0.total, results.0.facets.own)),
                _ => None,
            }
        } else {
            state.results.get().map(|r| (r.0.total, r.0.facets.own))
        }
    }

    /// The document number of article `id`, if a view listed it.
    pub fn doc_of(&self, id: &str) -> Option<u32> {
        self.known_docs.with_value(|known| known.get(id).copied())
    }

    /// The facets of the answered view (tracked), those of its panels not on screen
    /// uncounted ([`crate::query::Facets::counted`]).
    pub fn facets(&self) -> Option<crate::query::Facets> {
        match self.shown.get() {
            ArchiveView::Ready(results) => Some(results.0.facets.clone()),
            _ => None,
        }
    }

    /// The manifest of the opened archive.
    pub fn manifest(&self) -> Option<Manifest> {
        self.manifest.get_value()
    }

    /// Articles in the archive.
    pub fn articles(&self) -> usize {
        self.archive
            .with_value(|a| a.as_ref().map_or(0, |a| a.catalogue().docs as usize))
    }

    /// Bytes fetched so far (stored, compressed) and the number of parts.
    fn fetched(&self) -> (usize, usize) {
        self.archive.with_value(|a| {
            a.as_ref().map_or((0, 0), |a| {
                let f = a.fetched();
                (f.iter().map(|p| p.bytes).sum(), f.len())
            })
        })
    }

    /// The document number of article `id`: from a view that listed it, else from the
    /// archive's `ids` part for it (fetched if needed). `None`: not in the archive, or an
    /// archive built before `ids` parts whose views never listed it.
    pub async fn find_doc(&self, id: &str) -> Result<Option<u32>, String> {
        if let Some(doc) = self.doc_of(id) {
            return Ok(Some(doc));
        }
        self.ask(|archive| archive.doc_of(id)).await
    }

    /// The archive's verdicts on the names of the reader's articles (`annotations`, before
    /// resolving): their `fates` parts fetched ([`crate::resolve::from_archive`]). None
    /// when no archive answers, or one built before `fates` parts.
    pub async fn verdicts_for(
        &self,
        annotations: &[crate::extract::Annotations],
    ) -> Result<ArchiveVerdicts, String> {
        if self.mode.get_untracked() != Mode::Archive || annotations.is_empty() {
            return Ok(ArchiveVerdicts::default());
        }
        let from = extraction_ids(annotations);
        let fates = self.ask(|archive| archive.fates_of(&from)).await?;
        Ok(ArchiveVerdicts::of(&fates))
    }

    /// Where the archive's resolve stage placed the name extraction called `id`, if it
    /// merged it elsewhere or left it out (a link made before it did), fetching its
    /// `fates` part.
    pub async fn fate_of(&self, id: &str) -> Result<Option<NameFate>, String> {
        let from = [id.to_string()];
        let fates = self.ask(|archive| archive.fates_of(&from)).await?;
        Ok(fates.into_iter().next())
    }

    /// Reads the archive through this browser's hand edits `curation` from now on (the
    /// site's own were applied when it was built), fetching the entity buckets they name;
    /// the views answer again. Returns what each edit did.
    pub async fn apply_edits(&self, curation: Curation) -> Result<Arc<Vec<Curated>>, String> {
        self.curated.set(None);
        let applied = loop {
            let asked = self
                .archive
                .try_update_value(|a| a.as_mut().map(|a| a.curate(&curation)));
            match asked.flatten() {
                None => break Err("the archive is not open".to_string()),
                Some(Ok(outcomes)) => break Ok(Arc::new(outcomes)),
                Some(Err(Needs(names))) => {
                    if let Err(e) = self.fetch_all(names).await {
                        break Err(e);
                    }
                }
            }
        };
        // Views wait for edits; one that could not be applied leaves the archive as built
        // (its outcome says so), so the views still answer.
        let outcomes = applied
            .clone()
            .unwrap_or_else(|e| not_applied(&curation.edits, &e));
        self.curated.set(Some(outcomes));
        applied
    }

    /// The text and annotations (the JSON the build stored) of document `doc`, fetching
    /// their part if needed.
    pub async fn text(&self, doc: u32) -> Result<Option<(String, String)>, String> {
        self.ask(|archive| archive.text(doc)).await
    }

    /// The archive's page of entity `key`, its lists' documents fetched as far as `shown`.
    pub async fn entity_page(
        &self,
        key: &str,
        shown: EntityShown,
    ) -> Result<Option<ArchiveEntity>, String> {
        self.ask(|archive| archive.entity_page(key, shown)).await
    }

    /// Every document of the archive matching `filter` (an export's), fetching what its
    /// count needs; `Err` when it cannot be known.
    pub async fn matching(&self, filter: &Filter) -> Result<Vec<u32>, String> {
        self.ask(|archive| match archive.matching(filter) {
            Ok(asked) => asked.map(Ok),
            Err(unanswered) => Ok(Err(unanswered.to_string())),
        })
        .await?
    }

    /// The co-occurrence network of `filter`'s matches in the archive, fetching the facet
    /// postings it is counted from.
    pub async fn network(&self, filter: &Filter, nodes: usize) -> Result<Network, String> {
        self.ask(|archive| match archive.network(filter, nodes) {
            Ok(asked) => asked.map(Ok),
            Err(unanswered) => Ok(Err(unanswered.to_string())),
        })
        .await?
    }

    /// A facet's find box over the whole archive (`Archive::find_values`), fetching the
    /// needle's `names` bucket and what counting it over the view needs; `Ok(None)` when
    /// the archive cannot (built before `names` parts, or one character typed).
    pub async fn find_values(
        &self,
        filter: &Filter,
        table: u8,
        needle: &str,
        limit: usize,
    ) -> Result<Option<crate::query::FacetList>, String> {
        self.ask(
            |archive| match archive.find_values(filter, table, needle, limit) {
                Ok(asked) => asked.map(Ok),
                Err(unanswered) => Ok(Err(unanswered.to_string())),
            },
        )
        .await?
    }

    /// The entity table's rows for `filter`'s matches in the archive (unsorted), fetching
    /// the facet postings and tallies they are counted from.
    pub async fn entity_rows(&self, filter: &Filter) -> Result<Vec<EntityRow>, String> {
        self.ask(|archive| match archive.entity_rows(filter) {
            Ok(asked) => asked.map(Ok),
            Err(unanswered) => Ok(Err(unanswered.to_string())),
        })
        .await?
    }

    /// The `texts` parts holding `docs`, with the documents each holds.
    pub async fn texts_of(&self, docs: &[u32]) -> Result<Vec<(PartName, Vec<u32>)>, String> {
        self.ask(|archive| archive.texts_of(docs)).await
    }

    /// The metadata facet fields of the archive, by name.
    pub fn field_names(&self) -> Vec<String> {
        self.archive.with_value(|a| {
            a.as_ref().map_or_else(Vec::new, |a| {
                a.catalogue()
                    .fields
                    .iter()
                    .map(|f| f.name.clone())
                    .collect()
            })
        })
    }

    /// Fetches and checks `texts` part `name` without keeping it (an export reads each
    /// once); retried like every part.
    pub async fn fetch_texts(name: PartName) -> Result<TextsPart, String> {
        let mut last = String::new();
        for _ in 0..ATTEMPTS {
            let outcome = match start_fetch(&format!("{PARTS_URL}{name}"), false) {
                Ok(request) => bytes_of(request).await,
                Err(e) => Err(e),
            };
            match outcome.and_then(|bytes| open_texts(&name, &bytes).map_err(|e| e.to_string())) {
                Ok(texts) => return Ok(texts),
                Err(e) => last = format!("{name}: {e}"),
            }
        }
        Err(last)
    }

    /// A view answered after the view's list (the network, the entity table): `ask`'s
    /// answer for `counted` (the filter without what only cuts or reorders the answer),
    /// asked again when it changes, `None` while it loads; and why it failed. Once the
    /// answer is in, [`ArchiveSource::view_drawn`] says so, and an answer for a filter no
    /// longer shown, or for a view already left, is dropped.
    pub fn follow<T, F>(
        self,
        counted: Memo<Filter>,
        ask: impl Fn(ArchiveSource, Filter) -> F + 'static,
    ) -> (ReadSignal<Option<Arc<T>>>, ReadSignal<Option<String>>)
    where
        T: Send + Sync + 'static,
        F: std::future::Future<Output = Result<T, String>> + 'static,
    {
        let answer = RwSignal::new(None::<Arc<T>>);
        let failed = RwSignal::new(None::<String>);
        Effect::new(move |_| {
            let filter = counted.get();
            // Asked again once edits apply (and not while they do).
            if self.curated.with(Option::is_none) {
                return;
            }
            answer.set(None);
            failed.set(None);
            let asked = ask(self, filter.clone());
            leptos::task::spawn_local(async move {
                let outcome = asked.await;
                if counted.try_get_untracked().as_ref() != Some(&filter) {
                    return;
                }
                match outcome {
                    Ok(found) => {
                        answer.set(Some(Arc::new(found)));
                        self.view_drawn.set(Some(filter));
                    }
                    Err(e) => failed.set(Some(e)),
                }
            });
        });
        (answer.read_only(), failed.read_only())
    }

    /// Asks the open archive `question`, fetching the parts it needs until it answers.
    async fn ask<T>(&self, question: impl Fn(&Archive) -> Result<T, Needs>) -> Result<T, String> {
        loop {
            let asked = self.archive.with_value(|a| a.as_ref().map(&question));
            match asked {
                None => return Err("the archive is not open".into()),
                Some(Ok(found)) => return Ok(found),
                Some(Err(Needs(names))) => self.fetch_all(names).await?,
            }
        }
    }

    /// Fetches `names` in parallel, checks and keeps them; retries failures.
    async fn fetch_all(&self, names: Vec<PartName>) -> Result<(), String> {
        let mut pending = names;
        let mut last_errors: Vec<String> = Vec::new();
        for _ in 0..ATTEMPTS {
            // Every request starts before the first is awaited: they travel in parallel.
            let requests: Vec<_> = pending
                .iter()
                .map(|name| (*name, start_fetch(&format!("{PARTS_URL}{name}"), false)))
                .collect();
            let mut failed = Vec::new();
            last_errors.clear();
            for (name, request) in requests {
                let outcome = match request {
                    Ok(future) => bytes_of(future).await,
                    Err(e) => Err(e),
                };
                let added = outcome.and_then(|bytes| {
                    self.archive
                        .try_update_value(|a| match a {
                            Some(a) => a.add(name, &bytes).map_err(|e| e.to_string()),
                            None => Err("the archive is not open".into()),
                        })
                        .unwrap_or_else(|| Err("the page was closed".into()))
                });
                if let Err(e) = added {
                    failed.push(name);
                    last_errors.push(format!("{name}: {e}"));
                }
            }
            if failed.is_empty() {
                return Ok(());
            }
            pending = failed;
        }
        Err(last_errors.join("; "))
    }

    /// Shows `view`, and leaves on `<body>` what the archive fetched so far
    /// (`data-archive-bytes`, `data-archive-parts`: for tests, benchmarks and the curious).
    fn show(&self, view: ArchiveView) {
        let (bytes, parts) = self.fetched();
        if let Some(body) = document().body() {
            let _ = body.set_attribute("data-archive-bytes", &bytes.to_string());
            let _ = body.set_attribute("data-archive-parts", &parts.to_string());
        }
        self.view.set(view);
    }

    /// Answers `filter` into [`ArchiveSource::view`], unless a newer view started meanwhile.
    async fn answer(self, filter: Filter, options: Options, generation: u64) {
        let outcome = match self.search_fetching(&filter, options).await {
            Err(unanswered) => unanswered,
            Ok(results) => match overview_of(&filter) {
                None => self.ready(results, None),
                Some(whole) => match self.search_fetching(&whole, OVERVIEW).await {
                    Ok(overview) => self.ready(results, Some(overview)),
                    Err(unanswered) => unanswered,
                },
            },
        };
        if self.generation.get_value() == generation {
            self.show(outcome);
        }
    }

    /// The view of `filter` if every part it needs is here.
    fn answer_now(&self, filter: &Filter, options: Options) -> Option<ArchiveView> {
        let now = |filter: &Filter, options: Options| {
            self.archive.with_value(|a| {
                a.as_ref()
                    .map(|a| a.search(filter, options))
                    .and_then(|r| r.ok())
                    .and_then(|r| r.ok())
            })
        };
        let results = now(filter, options)?;
        let overview = match overview_of(filter) {
            None => None,
            Some(whole) => Some(now(&whole, OVERVIEW)?),
        };
        Some(self.ready(results, overview))
    }

    /// A ready view; remembers its hits' document numbers for the reader.
    fn ready(&self, results: ArchiveResults, overview: Option<ArchiveResults>) -> ArchiveView {
        self.known_docs.update_value(|known| {
            for hit in &results.hits {
                known.insert(hit.entry.id.clone(), hit.doc);
            }
        });
        ArchiveView::Ready(SharedArchiveResults(
            Arc::new(results),
            overview.map(Arc::new),
        ))
    }

    /// Searches, fetching what each round needs, until answered or unanswerable.
    async fn search_fetching(
        &self,
        filter: &Filter,
        options: Options,
    ) -> Result<ArchiveResults, ArchiveView> {
        loop {
            let asked = self
                .archive
                .with_value(|a| a.as_ref().map(|a| a.search(filter, options)));
            match asked {
                None => return Err(ArchiveView::Failed("the archive is not open".into())),
                Some(Err(ArchiveError::Unsupported(what))) => {
                    return Err(ArchiveView::Unsupported(what.to_string()));
                }
                Some(Err(ArchiveError::Part(e))) => return Err(ArchiveView::Failed(e.to_string())),
                Some(Ok(Ok(results))) => return Ok(results),
                Some(Ok(Err(Needs(names)))) => {
                    self.fetch_all(names).await.map_err(ArchiveView::Failed)?
                }
            }
        }
    }
}

/// `view` with the reader's own articles mixed in, when it is answered, the reader has
/// articles and the view takes both collections (the library's results are there exactly
/// then, see `AppState::results`).
/// `site_docs` is the archive's number of documents: the reader's are numbered after them.
fn with_own_articles(state: AppState, view: ArchiveView, site_docs: u32) -> ArchiveView {
    use crate::archive::with_own::{OwnAnswer, overview_with_own, with_own};
    let ArchiveView::Ready(SharedArchiveResults(site, overview)) = &view else {
        return view;
    };
    let (Some(own), Some(library)) = (state.results.get(), state.library.get()) else {
        return view;
    };
    let filter = state.filter.with(|(filter, _)| filter.clone());
    let answer = OwnAnswer {
        articles: &library.articles,
        index: &library.index,
        results: &own.0,
    };
    let options = Options {
        hits: state.hit_limit.get_untracked(),
        quotes: QUOTES,
        facet_values: FACET_VALUES,
        facet_panels: FacetSet::ALL,
        last_word: LastWord::Complete,
    };
    let mixed = with_own(&filter, site, site_docs, answer, options);
    let overview = overview
        .as_ref()
        .zip(overview_of(&filter))
        .map(|(site, whole)| {
            Arc::new(ArchiveResults {
                histogram: overview_with_own(&whole, site, &library.index),
                ..(**site).clone()
            })
        });
    ArchiveView::Ready(SharedArchiveResults(Arc::new(mixed), overview))
}

/// With a date range, the timeline also shows the whole collection under the other
/// filters: that filter, without the range.
fn overview_of(filter: &Filter) -> Option<Filter> {
    (filter.from.is_some() || filter.to.is_some()).then(|| Filter {
        from: None,
        to: None,
        ..filter.clone()
    })
}

/// The overview needs only the histogram: no hits (no `docs` parts), no quotes.
const OVERVIEW: Options = Options {
    hits: 0,
    quotes: 0,
    facet_values: 0,
    facet_panels: FacetSet::NONE,
    last_word: LastWord::Complete,
};

/// Decides the mode and starts loading: the embedded articles when the app has any, else
/// an archive next to the page when there is one, else the (empty) embedded build.
pub fn start(state: AppState) -> ArchiveSource {
    let view = RwSignal::new(ArchiveView::Loading);
    let archive: StoredValue<Option<Archive>, LocalStorage> = StoredValue::new_local(None);
    let site_docs = move || archive.with_value(|a| a.as_ref().map_or(0, |a| a.catalogue().docs));
    let source = ArchiveSource {
        mode: RwSignal::new(Mode::Deciding),
        view,
        shown: Memo::new(move |_| with_own_articles(state, view.get(), site_docs())),
        archive,
        manifest: StoredValue::new(None),
        generation: StoredValue::new(0),
        known_docs: StoredValue::new(HashMap::new()),
        entity_shown: RwSignal::new(None),
        view_drawn: RwSignal::new(None),
        curated: RwSignal::new(None),
    };
    provide_context(source);
    let embeds_articles = crate::embedded::files().is_ok_and(|files| !files.is_empty());
    if embeds_articles {
        source.mode.set(Mode::Embedded);
        loader::start(state);
        return source;
    }
    leptos::task::spawn_local(async move {
        match open(source).await {
            Ok(false) => {
                source.mode.set(Mode::Embedded);
                loader::start(state);
            }
            Ok(true) => {
                state.archive.set(true);
                source.mode.set(Mode::Archive);
                // This browser's edits, read through until the archive is rebuilt with
                // them (it was resolved with the aliases.toml beside its seeds).
                let edits = super::curation::load().unwrap_or_default();
                let mine = edits.browser_only();
                state.edits.set(edits);
                if mine.is_empty() {
                    source.curated.set(Some(Arc::default()));
                } else {
                    leptos::task::spawn_local(async move {
                        let edits = mine.edits.clone();
                        match applying_edits(source, mine).await {
                            Ok(applied) => {
                                let _ = applied.await;
                            }
                            // Views wait for the edits: without their code, each says it
                            // was not applied, and the archive answers as built.
                            Err(missing) => source
                                .curated
                                .set(Some(not_applied(&edits, &missing.to_string()))),
                        }
                    });
                }
                let now = loader::now_ms();
                state.progress.set(Progress::Ready {
                    first_articles_ms: now,
                    ready_ms: now,
                });
                look_up_unknown_names(state, source);
                follow_views(state, source);
            }
            Err(message) => {
                state.archive.set(true);
                source.mode.set(Mode::Archive);
                source.view.set(ArchiveView::Failed(message.clone()));
                state.progress.set(Progress::Failed(message));
            }
        }
    });
    source
}

/// Opens the archive: `Ok(false)` when there is none next to the page.
async fn open(source: ArchiveSource) -> Result<bool, String> {
    let (json, mut catalogue) = match fetched_by_the_loader().await {
        Some(start) => start,
        None => {
            let Ok(request) = start_fetch(MANIFEST_URL, true) else {
                return Ok(false);
            };
            // No manifest (404, offline without one cached, `file://`): the embedded build.
            let Ok(json) = text_of(request).await else {
                return Ok(false);
            };
            (json, None)
        }
    };
    let manifest =
        Manifest::parse(&json).map_err(|e| format!("the archive's manifest is damaged: {e}"))?;
    let name = manifest.catalogue;
    let mut last = String::new();
    for _ in 0..ATTEMPTS {
        // The loader's copy is checked like any fetched part: a damaged one is fetched again.
        let bytes = match catalogue.take() {
            Some(bytes) => Ok(bytes),
            None => match start_fetch(&format!("{PARTS_URL}{name}"), false) {
                Ok(future) => bytes_of(future).await,
                Err(e) => Err(e),
            },
        };
        match bytes.and_then(|b| Archive::open(&manifest, &b).map_err(|e| e.to_string())) {
            Ok(archive) => {
                source.archive.set_value(Some(archive));
                source.manifest.set_value(Some(manifest));
                return Ok(true);
            }
            Err(e) => last = e,
        }
    }
    Err(format!(
        "the archive's catalogue could not be loaded ({last})"
    ))
}

/// The manifest's text and the catalogue's bytes (if it got them) that static/boot.js
/// fetched while the wasm compiled (`window.dossierArchiveStart`, in the app for archives);
/// `None` when it did not, or could not get the manifest.
async fn fetched_by_the_loader() -> Option<(String, Option<Vec<u8>>)> {
    let window = web_sys::window()?;
    let key = JsValue::from_str("dossierArchiveStart");
    let started = js_sys::Reflect::get(&window, &key).ok()?;
    let promise = started.dyn_into::<js_sys::Promise>().ok()?;
    // Taken once: the page keeps no second copy of the catalogue.
    let _ = js_sys::Reflect::delete_property(&window, &key);
    let start = JsFuture::from(promise).await.ok()?;
    let field = |name: &str| js_sys::Reflect::get(&start, &JsValue::from_str(name)).ok();
    let manifest = field("manifest")?.as_string()?;
    let catalogue = field("catalogue")
        .and_then(|bytes| bytes.dyn_into::<js_sys::Uint8Array>().ok())
        .map(|bytes| bytes.to_vec());
    Some((manifest, catalogue))
}

/// Asks the archive which of the link's entities and speakers it does not have (fetching
/// their entity and speaker parts), into [`AppState::archive_unknown`]: the view is answered
/// without them and the page names them, as in the embedded build; and the names of those
/// it has, into [`AppState::archive_names`], for the chips.
fn look_up_unknown_names(state: AppState, source: ArchiveSource) {
    Effect::new(move |_| {
        let (filter, _) = state.link.get();
        // A renamed entity's id is known only through the edits: asked once they apply.
        if source.curated.with(Option::is_none) {
            return;
        }
        if filter.entities.is_empty() && filter.speakers.is_empty() {
            state
                .archive_unknown
                .set(Some((filter, UnknownNames::default())));
            return;
        }
        leptos::task::spawn_local(async move {
            // A part that cannot be fetched fails the view itself, which says so; the names
            // then count as known.
            let unknown = source
                .ask(|archive| archive.unknown_names(&filter))
                .await
                .unwrap_or_default();
            // The same parts name the link's entities for its chips.
            let names = source
                .ask(|archive| archive.entity_names(&filter))
                .await
                .unwrap_or_default();
            // A newer link asks for itself.
            if state.link.with_untracked(|(link, _)| *link == filter) {
                state.archive_names.set(names);
                state.archive_unknown.set(Some((filter, unknown)));
            }
        });
    });
}

/// Whether the link's unknown names are settled: it names none, or the archive and the
/// reader's own articles have been asked about it. Until then its view waits, so that a
/// name no article has never empties a view shown as answered.
fn unknown_names_settled(state: AppState) -> bool {
    state.link.with(|(link, _)| {
        (link.entities.is_empty() && link.speakers.is_empty())
            || (state.own_settled.get()
                && state
                    .archive_unknown
                    .with(|asked| asked.as_ref().is_some_and(|(filter, _)| filter == link)))
    })
}

/// Whether a view waits for the page's first report of which facet panels are on screen
/// ([`AppState::panels_seen`]): the sidebar is shown, it draws the panels (in every view but
/// an open article's) and the observer has not reported yet. A view asked before it would
/// be asked again a frame later, and two answers on their way fetch the same parts twice.
pub fn panels_unreported(state: AppState, source: ArchiveSource) -> bool {
    state.sidebar_shown.get()
        && state.panels_seen.get().is_none()
        && source.answers(state)
        && state.filter.with(|(f, _)| f.article.is_none())
}

/// The facet panels a view counts: those seen on screen ([`AppState::panels_seen`]) while
/// the sidebar is shown, else none.
pub fn facets_wanted(state: AppState) -> FacetSet {
    if state.sidebar_shown.get() {
        state.panels_seen.get().unwrap_or(FacetSet::NONE)
    } else {
        FacetSet::NONE
    }
}

/// The hand edits a view was answered through, compared by identity: applying edits makes a
/// new list (`ArchiveSource::apply_edits`), and the same filter must then be answered again.
#[derive(Clone)]
struct Edited(Option<Arc<Vec<Curated>>>);

impl PartialEq for Edited {
    fn eq(&self, other: &Self) -> bool {
        match (&self.0, &other.0) {
            (Some(a), Some(b)) => Arc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        }
    }
}

/// Answers every new view (URL, "show more", the search box's last word) from the archive.
fn follow_views(state: AppState, source: ArchiveSource) {
    // The filter and options last asked, and the edits the archive was read through: a view
    // asked again only for its facets keeps its list on screen while they are counted.
    let asked: StoredValue<Option<(Filter, Options, Edited)>> = StoredValue::new(None);
    // A new generation makes any answer still on its way stale.
    let next_generation = move || {
        let generation = source.generation.get_value().wrapping_add(1);
        source.generation.set_value(generation);
        generation
    };
    Effect::new(move |_| {
        if !unknown_names_settled(state) || source.curated.with(Option::is_none) {
            next_generation();
            asked.set_value(None);
            source.view.set(ArchiveView::Loading);
            return;
        }
        let (filter, _) = state.filter.get();
        // Facets are counted only while they are on screen (their postings are most of a
        // cold link's bytes): the panels seen so far, on a phone once the reader opens the
        // filters.
        if panels_unreported(state, source) {
            return;
        }
        let facet_panels = facets_wanted(state);
        let options = Options {
            hits: state.hit_limit.get(),
            quotes: QUOTES,
            facet_values: FACET_VALUES,
            facet_panels,
            last_word: state.last_word.get(),
        };
        // The reader and entity page answer the list they were opened from.
        let filter = filter.results_view();
        let edited = Edited(source.curated.get_untracked());
        // The panels the same view was last asked with, when only they may differ.
        let panels_before = asked.with_value(|before| {
            before.as_ref().and_then(|(f, o, e)| {
                let same = *f == filter
                    && *e == edited
                    && *o
                        == Options {
                            facet_panels: o.facet_panels,
                            ..options
                        };
                same.then_some(o.facet_panels)
            })
        });
        let ready_counting = |panels: FacetSet| {
            source.view.with_untracked(
                |v| matches!(v, ArchiveView::Ready(r) if r.counted().contains(panels)),
            )
        };
        // A panel come on screen whose counts the view already has (a view of one key
        // counts every panel at once) asks nothing.
        if panels_before.is_some() && ready_counting(facet_panels) {
            return;
        }
        let generation = next_generation();
        let only_facets_added = panels_before
            .is_some_and(|before| before != facet_panels && facet_panels.contains(before))
            && ready_counting(FacetSet::NONE);
        asked.set_value(Some((filter.clone(), options, edited)));
        // A view whose parts are all here answers now, without a loading flash.
        match source.answer_now(&filter, options) {
            Some(view) => source.show(view),
            None => {
                if !only_facets_added {
                    source.view.set(ArchiveView::Loading);
                }
                leptos::task::spawn_local(source.answer(filter, options, generation));
            }
        }
    });
}

/// Starts a GET of `url` (relative to the page); `fresh` asks the caches to revalidate.
pub(super) fn start_fetch(url: &str, fresh: bool) -> Result<JsFuture, String> {
    let window = web_sys::window().ok_or("no window")?;
    let init = web_sys::RequestInit::new();
    if fresh {
        init.set_cache(web_sys::RequestCache::NoCache);
    }
    Ok(JsFuture::from(window.fetch_with_str_and_init(url, &init)))
}

async fn response_of(request: JsFuture) -> Result<web_sys::Response, String> {
    let response: web_sys::Response = request
        .await
        .map_err(|_| "network error".to_string())?
        .dyn_into()
        .map_err(|_| "not a response".to_string())?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    Ok(response)
}

pub(super) async fn bytes_of(request: JsFuture) -> Result<Vec<u8>, String> {
    body_bytes(response_of(request).await?).await
}

/// The body of a response (fetched, or kept in a cache).
pub(super) async fn body_bytes(response: web_sys::Response) -> Result<Vec<u8>, String> {
    let buffer = response
        .array_buffer()
        .map_err(|_| "unreadable body".to_string())?;
    let buffer = JsFuture::from(buffer)
        .await
        .map_err(|_| "the download broke off".to_string())?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

pub(super) async fn text_of(request: JsFuture) -> Result<String, String> {
    let response = response_of(request).await?;
    let text = response.text().map_err(|_| "unreadable body".to_string())?;
    JsFuture::from(text)
        .await
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(|| "the download broke off".to_string())
}

/// What each of `edits` did when none could be applied (`why`): nothing, and it says so.
fn not_applied(edits: &[crate::resolve::aliases::Edit], why: &str) -> Arc<Vec<Curated>> {
    Arc::new(
        edits
            .iter()
            .map(|edit| Curated::of(edit, Err(format!("not applied: {why}"))))
            .collect(),
    )
}

// A browser's own edits are read through by code fetched when a reader has some (the edits
// panel's, super::lazy): the overlay they make is built once, at the start.
lazy_code! { curation: fn applying_edits(
    source: ArchiveSource,
    curation: Curation,
) -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<Arc<Vec<Curated>>, String>>>> {
    Box::pin(async move { source.apply_edits(curation).await })
} }

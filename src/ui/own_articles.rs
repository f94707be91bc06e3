//! "Your articles": the reader adds files of their own (choose files, choose a folder, or drop
//! them anywhere on the page); they are read in Web Workers ([`super::own_workers`]), kept in
//! this browser ([`super::own_store`]) and explored with the site's articles as one
//! collection ([`super::loader::rebuild`]), or alone (`in=yours`). Nothing is uploaded: the
//! files go from the picker to the workers and IndexedDB, never to the network.
//!
//! The panel shows the progress of an addition (files and articles done, articles a second,
//! time left, a Cancel button), what went wrong with which file, and every kept file with
//! its size and a Remove button, and how much space they take together.

use super::archive_source::ArchiveSource;
use super::lazy::lazy_code;
use super::link::ViewLink;
use super::loader::{self, next_task, now_ms};
use super::own_pickers::{self, Pick};
use super::own_store::{self, StoredFile};
use super::own_workers::{self, Job, Report};
use super::state::{AppState, Library, Progress};
use crate::own::{self, Candidate, FileResult, megabytes};
use crate::query::{Collection, Filter};
use leptos::prelude::*;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, File};

/// Problems listed before "and N more".
const PROBLEMS_SHOWN: usize = 20;
/// Kept files listed before "show all".
const FILES_SHOWN: usize = 50;
/// The file types the picker offers (every seed format).
pub(super) const ACCEPT: &str = ".txt,.md,.markdown,.json,.jsonl,.ndjson,.html,.htm";

/// A kept file, as the panel lists it.
#[derive(Debug, Clone, PartialEq)]
struct Listed {
    /// Its stored name (`own/…`).
    stored: String,
    /// Its articles.
    articles: usize,
    /// Its size.
    bytes: u64,
}

/// Whether a reading adds new files or reads the kept ones back after a reload.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Purpose {
    Adding,
    Restoring,
}

/// A reading in progress.
#[derive(Debug, Clone, PartialEq)]
struct Running {
    purpose: Purpose,
    files_total: usize,
    files_done: usize,
    articles: usize,
    started_ms: f64,
    /// Every file is read; the collection is being resolved and indexed.
    indexing: bool,
}

impl Running {
    /// "Reading 312 of 1,000 files · 1,024 articles · 850 articles a second · about 1 s left".
    fn describe(&self) -> String {
        if self.indexing {
            return format!(
                "Indexing {} with the site's articles…",
                count(self.articles, "article")
            );
        }
        let elapsed_s = ((now_ms() - self.started_ms) / 1000.0).max(0.001);
        let verb = match self.purpose {
            Purpose::Adding => "Reading",
            Purpose::Restoring => "Reading back",
        };
        let mut line = format!(
            "{verb} {} of {} files · {}",
            self.files_done,
            self.files_total,
            count(self.articles, "article")
        );
        if self.files_done > 0 {
            let rate = self.articles as f64 / elapsed_s;
            let left_s =
                (self.files_total - self.files_done) as f64 * elapsed_s / self.files_done as f64;
            line.push_str(&format!(
                " · {rate:.0} articles a second · about {} left",
                seconds(left_s)
            ));
        }
        line
    }
}

fn seconds(s: f64) -> String {
    if s < 60.0 {
        format!("{:.0} s", s.ceil())
    } else {
        format!("{:.0} min", (s / 60.0).ceil())
    }
}

fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// What the panel and the rest of the app share about the reader's articles. `Copy`.
#[derive(Clone, Copy)]
pub struct OwnArticles {
    /// Kept files with their articles, in name order (large: not tracked).
    files: StoredValue<Vec<FileResult>>,
    /// What the panel lists, in name order.
    listed: RwSignal<Vec<Listed>>,
    /// The reading in progress.
    running: RwSignal<Option<Running>>,
    /// Its workers, to cancel.
    job: StoredValue<Option<Job>, LocalStorage>,
    /// What went wrong in the last reading, one line per file.
    problems: RwSignal<Vec<String>>,
    /// What the last reading did, or why it stopped.
    note: RwSignal<Option<String>>,
    /// Whether the panel is open (transient, like a facet's "show more").
    open: RwSignal<bool>,
    /// Whether the kept files were read back after the page loaded.
    restored: RwSignal<bool>,
    /// The archive beside the page, whose verdicts on names the reader's articles take
    /// (when it answers: [`ArchiveSource::verdicts_for`]).
    archive: ArchiveSource,
}

impl OwnArticles {
    fn provide(archive: ArchiveSource) -> Self {
        let own = Self {
            files: StoredValue::new(Vec::new()),
            listed: RwSignal::new(Vec::new()),
            running: RwSignal::new(None),
            job: StoredValue::new_local(None),
            problems: RwSignal::new(Vec::new()),
            note: RwSignal::new(None),
            open: RwSignal::new(false),
            restored: RwSignal::new(false),
            archive,
        };
        provide_context(own);
        own
    }

    /// The context provided by [`OwnArticlesPanel`]'s parent ([`install`]).
    pub fn use_context() -> Self {
        use_context::<Self>().expect("OwnArticles is provided by App, the root of every component")
    }

    /// How many articles the reader has added (tracked).
    pub fn article_count(&self) -> usize {
        self.listed.with(|l| l.iter().map(|f| f.articles).sum())
    }

    /// Whether the kept files have been read back (tracked): before that, a link to an own
    /// article may still find it.
    pub fn restored(&self) -> bool {
        self.restored.get()
    }
}

/// Provides the context, listens for files dropped anywhere on the page, and reads back the
/// kept files once the site's articles are loaded (or the archive opened).
pub fn install(state: AppState, archive: ArchiveSource) -> OwnArticles {
    let own = OwnArticles::provide(archive);
    install_drop(state, own);
    // A reader who opens the panel is about to choose files: the workers start meanwhile.
    Effect::new(move |_| {
        if own.open.get() {
            warm();
        }
    });
    Effect::new(move |_| {
        state
            .own_settled
            .set(own.restored() && own.running.with(Option::is_none));
    });
    let started = StoredValue::new(false);
    Effect::new(move |_| {
        if matches!(state.progress.get(), Progress::Ready { .. }) && !started.get_value() {
            started.set_value(true);
            restore(state, own);
        }
    });
    own
}

/// Reads back the files kept in this browser.
fn restore(state: AppState, own: OwnArticles) {
    leptos::task::spawn_local(async move {
        match own_store::load_all().await {
            Ok(stored) if stored.is_empty() => {
                show_empty_library(state);
                finish_restore(own, 0);
            }
            Ok(stored) => {
                let files = stored.into_iter().map(|f| (f.name, f.blob)).collect();
                read_when_loaded(state, own, files, Purpose::Restoring, now_ms());
            }
            Err(e) => {
                own.note.set(Some(format!(
                    "Your kept articles could not be read back: {e}"
                )));
                show_empty_library(state);
                finish_restore(own, 0);
            }
        }
    });
}

/// An archive site has no library of its own: an empty one answers `in=yours`. Made
/// directly, not by resolving and indexing no articles (10 ms of the page's main thread at
/// 1× CPU, 40 ms at 4×, on every cold link while its parts arrive).
fn show_empty_library(state: AppState) {
    if state.library.get_untracked().is_none() {
        state.articles.set(Some(Arc::new(Vec::new())));
        state.library.set(Some(Arc::new(Library::empty())));
    }
}

fn finish_restore(own: OwnArticles, articles: usize) {
    own.restored.set(true);
    set_body_attribute("data-own-articles", &articles.to_string());
}

pub(super) fn set_body_attribute(name: &str, value: &str) {
    if let Some(body) = document().body() {
        let _ = body.set_attribute(name, value);
    }
}

/// Files as the page was given them.
pub(super) enum Chosen {
    /// A file input's files, copied out of its list in one call: their paths and sizes are
    /// asked for later, a slice at a time, since each is a call into the browser and a
    /// thousand of them in the `change` handler would lengthen the browser's own long task
    /// of handing the files over.
    Input(js_sys::Array),
    /// Files with their paths in the chosen or dropped folder, or their names, and a line
    /// for each file that could not be taken (`notes/leak.md: could not be read (…)`).
    Named {
        files: Vec<(String, Blob)>,
        unreadable: Vec<String>,
    },
}

impl Chosen {
    fn len(&self) -> usize {
        match self {
            Chosen::Input(files) => files.length() as usize,
            Chosen::Named { files, .. } => files.len(),
        }
    }
}

/// Adds chosen or dropped files; `chosen_ms` is when the reader chose or dropped them
/// ([`now_ms`]), where "ready after they are chosen" is timed from (a folder's walk and a
/// picker's handles read included).
pub(super) fn add(state: AppState, own: OwnArticles, chosen: Chosen, chosen_ms: f64) {
    if own.running.get_untracked().is_some() {
        return;
    }
    own.open.set(true);
    if chosen.len() == 0 {
        // Nothing to read: an empty folder, or files the browser would not give.
        match chosen {
            Chosen::Named { unreadable, .. } if !unreadable.is_empty() => {
                own.problems.set(unreadable);
            }
            _ => own
                .note
                .set(Some("No files were found in what was chosen.".into())),
        }
        return;
    }
    // Busy from now on: a second choice waits for this one.
    own.running.set(Some(Running {
        purpose: Purpose::Adding,
        files_total: chosen.len(),
        files_done: 0,
        articles: 0,
        started_ms: chosen_ms,
        indexing: false,
    }));
    leptos::task::spawn_local(async move {
        if let Some(added) =
            with_reading_code(own, "read", adding(state, own, chosen, chosen_ms)).await
        {
            added.await;
        }
    });
}

// What follows a choice of files runs the reading code (super::lazy).
lazy_code! { own_reading: fn adding(
    state: AppState,
    own: OwnArticles,
    chosen: Chosen,
    chosen_ms: f64,
) -> std::pin::Pin<Box<dyn std::future::Future<Output = ()>>> {
    Box::pin(async move {
        // The task that gave the files (the browser's hand-over, then `change` or `drop`)
        // ends first. A file's path and size can cost Chromium a look at the disk: a
        // thousand of them are asked for over several tasks, so the page keeps answering.
        next_task().await;
        let mut named: Vec<(String, Blob)> = Vec::with_capacity(chosen.len());
        let mut candidates: Vec<Candidate> = Vec::with_capacity(chosen.len());
        let mut slice = now_ms();
        for i in 0..chosen.len() {
            let (path, blob) = match &chosen {
                Chosen::Input(files) => {
                    let file: File = files.get(i as u32).unchecked_into();
                    (path_of(&file), Blob::from(file))
                }
                Chosen::Named { files, .. } => files[i].clone(),
            };
            candidates.push(Candidate {
                path: path.clone(),
                bytes: blob.size() as u64,
            });
            named.push((path, blob));
            if now_ms() - slice > SLICE_MS {
                next_task().await;
                slice = now_ms();
            }
        }
        let unreadable = match chosen {
            Chosen::Input(_) => Vec::new(),
            Chosen::Named { unreadable, .. } => unreadable,
        };
        admit_and_read(state, own, named, candidates, unreadable, chosen_ms);
    })
} }

/// Work at most this long in one task while handing files over.
const SLICE_MS: f64 = 20.0;

fn admit_and_read(
    state: AppState,
    own: OwnArticles,
    chosen: Vec<(String, Blob)>,
    candidates: Vec<Candidate>,
    unreadable: Vec<String>,
    chosen_ms: f64,
) {
    let replaced: std::collections::HashSet<String> = candidates
        .iter()
        .map(|c| own::stored_name(&c.path))
        .collect();
    let stored_bytes: u64 = own.listed.with_untracked(|listed| {
        listed
            .iter()
            .filter(|f| !replaced.contains(&f.stored))
            .map(|f| f.bytes)
            .sum()
    });
    let admission = own::admit(&candidates, stored_bytes);
    let mut problems = unreadable;
    problems.extend(admission.refused.iter().map(ToString::to_string));
    if !admission.not_articles.is_empty() {
        let names: Vec<&str> = admission
            .not_articles
            .iter()
            .take(5)
            .map(String::as_str)
            .collect();
        let more = admission.not_articles.len().saturating_sub(names.len());
        problems.push(format!(
            "{} skipped, not articles (.txt, .md, .json, .jsonl, .html): {}{}",
            count(admission.not_articles.len(), "file"),
            names.join(", "),
            if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            }
        ));
    }
    own.problems.set(problems);
    own.note.set(None);
    let files: Vec<(String, Blob)> = admission
        .accepted
        .iter()
        .filter_map(|&i| chosen.get(i))
        .map(|(path, blob)| (own::stored_name(path), blob.clone()))
        .collect();
    if files.is_empty() {
        own.running.set(None);
        own.note.set(Some("No article files were chosen.".into()));
        return;
    }
    read(state, own, files, Purpose::Adding, chosen_ms);
}

// Reading files runs once a reader has some: its code (the workers' pool, their results'
// decoding, keeping the files) is fetched then, or when they are about to choose some
// (super::lazy).
lazy_code! { own_reading: fn reading(
    state: AppState,
    own: OwnArticles,
    files: Vec<(String, Blob)>,
    purpose: Purpose,
    started_ms: f64,
) -> () {
    read(state, own, files, purpose, started_ms)
} }

lazy_code! { own_reading: fn warming() -> () {
    own_workers::warm()
} }

/// [`read`], once its code is here; if it cannot be fetched, the reader is told and the
/// files stay where they are (chosen again, or kept for the next visit).
fn read_when_loaded(
    state: AppState,
    own: OwnArticles,
    files: Vec<(String, Blob)>,
    purpose: Purpose,
    started_ms: f64,
) {
    leptos::task::spawn_local(async move {
        let read = reading(state, own, files, purpose, started_ms);
        if with_reading_code(own, "read", read).await.is_none() && purpose == Purpose::Restoring {
            finish_restore(own, 0);
        }
    });
}

/// What `code` (a call of a function fetched when first used, super::lazy) gives; `None`
/// if it cannot be fetched, when the panel stops being busy and says the reader's articles
/// could not be `done` ("read", "removed"): the files stay where they were.
pub(super) async fn with_reading_code<T>(
    own: OwnArticles,
    done: &str,
    code: impl std::future::Future<Output = Result<T, super::lazy::CodeMissing>>,
) -> Option<T> {
    match code.await {
        Ok(given) => Some(given),
        Err(missing) => {
            own.running.set(None);
            own.problems.update(|p| {
                p.push(format!("Your articles could not be {done}: {missing}."));
            });
            None
        }
    }
}

/// Starts the workers ahead of a choice of files ([`own_workers::warm`]); asked at every
/// `dragover`, so one fetch of its code at a time.
fn warm() {
    thread_local! {
        static ASKED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    if ASKED.with(|asked| asked.replace(true)) {
        return;
    }
    leptos::task::spawn_local(async {
        // Warming is a head start only: without its code the files are read (or the
        // failure said) when chosen.
        let _ = warming().await;
        ASKED.with(|asked| asked.set(false));
    });
}

/// Reads `files` (stored name, blob) in the workers, then rebuilds the collection and, when
/// adding, keeps the files that gave articles.
fn read(
    state: AppState,
    own: OwnArticles,
    files: Vec<(String, Blob)>,
    purpose: Purpose,
    started_ms: f64,
) {
    own.running.set(Some(Running {
        purpose,
        files_total: files.len(),
        files_done: 0,
        articles: 0,
        started_ms,
        indexing: false,
    }));
    let blobs: HashMap<String, Blob> = files.iter().cloned().collect();
    let fresh: Rc<RefCell<Vec<FileResult>>> = Rc::new(RefCell::new(Vec::new()));
    let report = move |report: Report| match report {
        Report::Results(results) => {
            let articles: usize = results.iter().map(|r| r.articles.len()).sum();
            let done = results.len();
            fresh.borrow_mut().extend(results);
            own.running.update(|running| {
                if let Some(r) = running {
                    r.files_done += done;
                    r.articles += articles;
                }
            });
        }
        Report::Failed(message) => {
            own.job.set_value(None);
            own.running.set(None);
            own.problems.update(|p| p.push(message));
            if purpose == Purpose::Restoring {
                finish_restore(own, 0);
            }
        }
        Report::Done => {
            own.job.set_value(None);
            own.running.update(|running| {
                if let Some(r) = running {
                    r.indexing = true;
                }
            });
            let fresh = std::mem::take(&mut *fresh.borrow_mut());
            let blobs = blobs.clone();
            // Let the browser paint "Indexing…" first.
            leptos::task::spawn_local(async move {
                next_task().await;
                finish(state, own, fresh, blobs, purpose, started_ms).await;
            });
        }
    };
    let before_workers = now_ms();
    let started = own_workers::start(files, report);
    // Main-thread time from the choice to the workers' start (ms), for tests and the curious:
    // all of it, and the workers' start alone.
    set_body_attribute(
        "data-own-handoff-ms",
        &format!(
            "{:.0} (workers {:.0})",
            now_ms() - started_ms,
            now_ms() - before_workers
        ),
    );
    match started {
        Ok(job) => own.job.set_value(Some(job)),
        Err(message) => {
            own.running.set(None);
            own.problems.update(|p| p.push(message));
            if purpose == Purpose::Restoring {
                finish_restore(own, 0);
            }
        }
    }
}

/// Puts the read files into the collection, keeps them, and says what happened.
async fn finish(
    state: AppState,
    own: OwnArticles,
    fresh: Vec<FileResult>,
    blobs: HashMap<String, Blob>,
    purpose: Purpose,
    started_ms: f64,
) {
    let mut problems: Vec<String> = fresh.iter().filter_map(|f| f.error.clone()).collect();
    let good: Vec<FileResult> = fresh.into_iter().filter(|f| f.error.is_none()).collect();
    let added_names: std::collections::HashSet<String> =
        good.iter().map(|f| f.name.clone()).collect();
    let mut files = own.files.get_value();
    files.retain(|f| !added_names.contains(&f.name));
    files.extend(good);
    crate::sort::by(&mut files, |a, b| a.name.cmp(&b.name));
    let loader::Rebuilt {
        clashes,
        unjoined,
        not_rebuilt,
    } = loader::rebuild(state, &files, Some(own.archive)).await;
    problems.extend(unjoined.map(unjoined_problem));
    problems.extend(not_rebuilt);
    let clashing: std::collections::HashSet<&str> =
        clashes.iter().map(|(name, _)| name.as_str()).collect();
    problems.extend(clashes.iter().map(|(_, message)| message.clone()));
    files.retain(|f| !clashing.contains(f.name.as_str()));
    let ready_ms = now_ms() - started_ms;
    let kept: Vec<StoredFile> = files
        .iter()
        .filter(|f| added_names.contains(&f.name))
        .filter_map(|f| {
            blobs.get(&f.name).map(|blob| StoredFile {
                name: f.name.clone(),
                blob: blob.clone(),
            })
        })
        .collect();
    let added_articles: usize = files
        .iter()
        .filter(|f| added_names.contains(&f.name))
        .map(|f| f.articles.len())
        .sum();
    let total_articles: usize = files.iter().map(|f| f.articles.len()).sum();
    own.listed.set(listing(&files));
    own.files.set_value(files);
    own.problems.update(|p| p.extend(problems));
    own.running.set(None);
    set_body_attribute("data-own-ready-ms", &format!("{ready_ms:.0}"));
    match purpose {
        Purpose::Restoring => finish_restore(own, total_articles),
        Purpose::Adding => {
            let stored = own_store::put_all(&kept).await;
            // Set once the files are kept (or could not be): a test that reloads next must
            // find them stored, and the next page finds the database only once it exists.
            set_body_attribute("data-own-articles", &total_articles.to_string());
            own.note.set(Some(match stored {
                Ok(()) => format!(
                    "Added {} from {} in {:.1} s. They are kept in this browser only.",
                    count(added_articles, "article"),
                    count(kept.len(), "file"),
                    ready_ms / 1000.0
                ),
                Err(e) => format!(
                    "Added {} for this visit, but this browser would not keep them ({e}): they will be gone after a reload.",
                    count(added_articles, "article")
                ),
            }));
        }
    }
    web_sys::console::info_1(
        &format!("Dossier: your articles ready {ready_ms:.0} ms after they were chosen").into(),
    );
}

fn listing(files: &[FileResult]) -> Vec<Listed> {
    files
        .iter()
        .map(|f| Listed {
            stored: f.name.clone(),
            articles: f.articles.len(),
            bytes: f.bytes,
        })
        .collect()
}

/// Removes one kept file (`Some(stored name)`) or all of them.
fn remove(state: AppState, own: OwnArticles, name: Option<String>) {
    if own.running.get_untracked().is_some() {
        return;
    }
    let mut files = own.files.get_value();
    match &name {
        Some(name) => files.retain(|f| &f.name != name),
        None => files.clear(),
    }
    let total: usize = files.iter().map(|f| f.articles.len()).sum();
    own.running.set(Some(Running {
        purpose: Purpose::Adding,
        files_total: files.len(),
        files_done: files.len(),
        articles: total,
        started_ms: now_ms(),
        indexing: true,
    }));
    leptos::task::spawn_local(async move {
        let removed = removing(state, own, files, name, total);
        if let Some(removed) = with_reading_code(own, "removed", removed).await {
            removed.await;
        }
    });
}

// Removing runs the same code as reading (the collection rebuilt, the store changed).
lazy_code! { own_reading: fn removing(
    state: AppState,
    own: OwnArticles,
    files: Vec<FileResult>,
    name: Option<String>,
    total: usize,
) -> std::pin::Pin<Box<dyn std::future::Future<Output = ()>>> {
    Box::pin(async move {
        let rebuilt = loader::rebuild(state, &files, Some(own.archive)).await;
        own.listed.set(listing(&files));
        own.files.set_value(files);
        own.problems.set(
            (rebuilt.unjoined.map(unjoined_problem).into_iter())
                .chain(rebuilt.not_rebuilt)
                .collect(),
        );
        own.running.set(None);
        let outcome = own_store::remove(name.as_deref()).await;
        // Only now: a reload from here on finds the file gone.
        set_body_attribute("data-own-articles", &total.to_string());
        own.note.set(Some(match (outcome, &name) {
            (Ok(()), Some(name)) => format!("Removed {} from this browser.", shown(name)),
            (Ok(()), None) => "Removed all your articles from this browser.".into(),
            (Err(e), _) => format!("This browser could not forget the file: {e}"),
        }));
    })
} }

/// The problem line when the archive's verdicts on the reader's names could not be fetched.
fn unjoined_problem(why: String) -> String {
    format!(
        "Your articles' names could not be matched with the archive's entities ({why}): they are resolved among themselves until the next change."
    )
}

/// A stored name as the reader named the file.
fn shown(stored: &str) -> &str {
    stored.strip_prefix(own::ID_PREFIX).unwrap_or(stored)
}

/// Cancels the reading in progress: nothing of it is added or kept.
fn cancel(own: OwnArticles) {
    if let Some(job) = own.job.get_value() {
        job.cancel();
    }
    own.job.set_value(None);
    let restoring = own
        .running
        .get_untracked()
        .is_some_and(|r| r.purpose == Purpose::Restoring);
    own.running.set(None);
    own.note.set(Some("Cancelled: nothing was added.".into()));
    if restoring {
        finish_restore(own, 0);
    }
}

/// The files of a file input, copied out of its list (which is emptied for the next choice).
fn input_files(input: &web_sys::HtmlInputElement) -> js_sys::Array {
    match input.files() {
        Some(list) => js_sys::Array::from(&list),
        None => js_sys::Array::new(),
    }
}

/// A chosen file's path inside the chosen folder, or its name.
fn path_of(file: &File) -> String {
    let relative = js_sys::Reflect::get(file, &"webkitRelativePath".into())
        .ok()
        .and_then(|p| p.as_string())
        .unwrap_or_default();
    if relative.is_empty() {
        file.name()
    } else {
        relative
    }
}

/// Dropping files or folders anywhere on the page adds them.
fn install_drop(state: AppState, own: OwnArticles) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let carries_files = |event: &web_sys::DragEvent| {
        event.data_transfer().is_some_and(|t| {
            t.types()
                .iter()
                .any(|k| k.as_string().as_deref() == Some("Files"))
        })
    };
    let on_over =
        Closure::<dyn FnMut(web_sys::DragEvent)>::new(move |event: web_sys::DragEvent| {
            if carries_files(&event) {
                // Without this the browser would open the file instead of giving it to the page.
                event.prevent_default();
                set_body_attribute("data-dropping", "");
                warm();
            }
        });
    let on_leave = Closure::<dyn FnMut(web_sys::DragEvent)>::new(move |_| {
        if let Some(body) = document().body() {
            let _ = body.remove_attribute("data-dropping");
        }
    });
    let on_drop =
        Closure::<dyn FnMut(web_sys::DragEvent)>::new(move |event: web_sys::DragEvent| {
            if let Some(body) = document().body() {
                let _ = body.remove_attribute("data-dropping");
            }
            if !carries_files(&event) {
                return;
            }
            event.prevent_default();
            let dropped_ms = now_ms();
            let Some(transfer) = event.data_transfer() else {
                return;
            };
            // Entries must be taken now: the drop's data is gone once this handler returns.
            // A dropped file is taken as the file itself and only a folder is walked: WebKit
            // gives an entry for a file that has no path on disk (made by a page, dragged
            // from another application) but cannot read it through that entry.
            let items = transfer.items();
            let mut plain: Vec<(String, Blob)> = Vec::new();
            let mut to_walk: Vec<web_sys::FileSystemEntry> = Vec::new();
            for item in (0..items.length()).filter_map(|i| items.get(i)) {
                let entry = item.webkit_get_as_entry().ok().flatten();
                match (entry, item.get_as_file().ok().flatten()) {
                    (Some(entry), _) if entry.is_directory() => to_walk.push(entry),
                    (_, Some(file)) => plain.push((file.name(), file.into())),
                    (Some(entry), None) => to_walk.push(entry),
                    (None, None) => {}
                }
            }
            leptos::task::spawn_local(async move {
                let mut files = plain;
                let mut unreadable = Vec::new();
                if !to_walk.is_empty() {
                    looking_through(own, "the dropped files");
                    let (walked, failed) = walk_entries(to_walk).await;
                    files.extend(walked);
                    unreadable = failed;
                    crate::sort::by(&mut files, |a, b| a.0.cmp(&b.0));
                }
                own.note.set(None);
                add(state, own, Chosen::Named { files, unreadable }, dropped_ms);
            });
        });
    let _ = window.add_event_listener_with_callback("dragover", on_over.as_ref().unchecked_ref());
    let _ = window.add_event_listener_with_callback("dragleave", on_leave.as_ref().unchecked_ref());
    let _ = window.add_event_listener_with_callback("drop", on_drop.as_ref().unchecked_ref());
    // Page-long listeners.
    on_over.forget();
    on_leave.forget();
    on_drop.forget();
}

/// Every file under the dropped entries (folders walked), with its path, and a line for
/// each file that could not be read; stops a little past [`own::MAX_FILES`], which
/// [`own::admit`] then reports.
async fn walk_entries(
    entries: Vec<web_sys::FileSystemEntry>,
) -> (Vec<(String, Blob)>, Vec<String>) {
    let mut stack = entries;
    let mut files = Vec::new();
    let mut unreadable = Vec::new();
    while let Some(entry) = stack.pop() {
        if files.len() > own::MAX_FILES {
            break;
        }
        let path = entry.full_path();
        let path = path.trim_start_matches('/').to_string();
        if entry.is_directory() {
            let directory: web_sys::FileSystemDirectoryEntry = entry.unchecked_into();
            let reader = directory.create_reader();
            // readEntries gives a batch at a time, and nothing once all were given.
            loop {
                let batch = callback_promise(|ok, err| {
                    if let Err(e) = reader.read_entries_with_callback_and_callback(ok, err) {
                        let _ = err.call1(&JsValue::NULL, &e);
                    }
                })
                .await;
                let Ok(batch) = batch else { break };
                let batch: js_sys::Array = batch.unchecked_into();
                if batch.length() == 0 {
                    break;
                }
                stack.extend(batch.iter().map(JsCast::unchecked_into));
            }
        } else if entry.is_file() {
            let file_entry: web_sys::FileSystemFileEntry = entry.unchecked_into();
            let file = callback_promise(|ok, err| {
                file_entry.file_with_callback_and_callback(ok, err);
            })
            .await;
            match file {
                Ok(file) => files.push((path, file.unchecked_into())),
                Err(e) => {
                    unreadable.push(could_not_read(&path, &crate::own::worker::error_text(&e)))
                }
            }
        }
    }
    crate::sort::by(&mut files, |a, b| a.0.cmp(&b.0));
    (files, unreadable)
}

/// A problem line for a file the browser would not give.
pub(super) fn could_not_read(path: &str, why: &str) -> String {
    format!("{path}: could not be read ({why})")
}

/// Says that a chosen or dropped folder is being looked through (`what`: "the dropped
/// files"), before its files are counted.
pub(super) fn looking_through(own: OwnArticles, what: &str) {
    own.note.set(Some(format!("Looking through {what}…")));
    own.open.set(true);
}

/// Clears the panel's note ("Looking through …") once the files are counted.
pub(super) fn clear_note(own: OwnArticles) {
    own.note.set(None);
}

/// Says that the browser's picker failed, and that the next choice opens the plain one.
pub(super) fn picker_failed(own: OwnArticles, why: &str) {
    own.open.set(true);
    own.note.set(Some(format!(
        "The browser's file picker failed ({why}): choose again to use its plain file chooser."
    )));
}

/// Calls a callback-style API and waits for its success or error callback.
async fn callback_promise(
    call: impl FnOnce(&js_sys::Function, &js_sys::Function),
) -> Result<JsValue, JsValue> {
    let mut call = Some(call);
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        if let Some(call) = call.take() {
            call(&resolve, &reject);
        }
    });
    JsFuture::from(promise).await
}

/// The header's button that opens the panel, with the number of the reader's articles.
#[component]
pub fn OwnArticlesButton() -> impl IntoView {
    let own = OwnArticles::use_context();
    view! {
        <button id="own-articles-button" class="own-button" type="button" aria-controls="own-articles"
            aria-expanded=move || own.open.get().to_string()
            on:click=move |_| own.open.update(|o| *o = !*o)>
            "Your articles"
            {move || match own.article_count() {
                0 => String::new(),
                n => format!(" ({n})"),
            }}
        </button>
    }
}

/// The panel: add, progress, problems, kept files.
#[component]
pub fn OwnArticlesPanel() -> impl IntoView {
    let state = AppState::use_context();
    let own = OwnArticles::use_context();
    let show_all = RwSignal::new(false);
    // Where the browser has the File System Access pickers, a click on a file input opens
    // them instead of the input's own chooser (super::own_pickers).
    let on_pick = move |ev: leptos::ev::MouseEvent, pick: Pick| {
        if own_pickers::open(state, own, pick) {
            ev.prevent_default();
        }
    };
    let on_chosen = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let files = input_files(&input);
        // Choosing the same files again must fire `change` again.
        input.set_value("");
        add(state, own, Chosen::Input(files), now_ms());
    };
    let progress = move || {
        own.running.get().map(|running| {
            let fraction = if running.indexing || running.files_total == 0 {
                100.0
            } else {
                (running.files_done as f64 * 100.0 / running.files_total as f64).round()
            };
            view! {
                <div class="own-progress" role="status" aria-live="polite">
                    <progress max="100" value=fraction></progress>
                    <span id="own-progress-text">{running.describe()}</span>
                    <button id="own-cancel" type="button" on:click=move |_| cancel(own)>"Cancel"</button>
                </div>
            }
        })
    };
    let problems = move || {
        let problems = own.problems.get();
        (!problems.is_empty()).then(|| {
            let more = problems.len().saturating_sub(PROBLEMS_SHOWN);
            let items = problems
                .into_iter()
                .take(PROBLEMS_SHOWN)
                .map(|p| view! { <li>{p}</li> })
                .collect_view();
            view! {
                <div class="own-problems" role="alert">
                    <p>"Some files were not added:"</p>
                    <ul id="own-problems">{items}</ul>
                    {(more > 0).then(|| view! { <p>{format!("and {more} more.")}</p> })}
                </div>
            }
        })
    };
    let kept = move || {
        let listed = own.listed.get();
        if listed.is_empty() {
            return view! { <p class="own-none">"You have not added any articles to this site."</p> }
                .into_any();
        }
        let bytes: u64 = listed.iter().map(|f| f.bytes).sum();
        let articles: usize = listed.iter().map(|f| f.articles).sum();
        let files = listed.len();
        let limit = if show_all.get() { files } else { FILES_SHOWN };
        let items = listed
            .into_iter()
            .take(limit)
            .map(|file| {
                let name = shown(&file.stored).to_string();
                let data_file = name.clone();
                let label = format!("Remove {name}");
                let stored = file.stored.clone();
                view! {
                    <li class="own-file" data-file=data_file>
                        <span class="own-file-name">{name}</span>
                        <span class="own-file-meta">{format!(" · {} · {}", count(file.articles, "article"), megabytes(file.bytes))}</span>
                        <button type="button" class="own-remove" aria-label=label
                            on:click=move |_| remove(state, own, Some(stored.clone()))>"Remove"</button>
                    </li>
                }
            })
            .collect_view();
        let only_yours = Filter {
            collection: Some(Collection::Yours),
            ..Filter::default()
        };
        view! {
            <p id="own-space">{format!(
                "{} from {} take {} in this browser.",
                count(articles, "article"),
                count(files, "file"),
                megabytes(bytes)
            )}</p>
            <p class="own-links">
                <ViewLink filter=only_yours class="own-only">"Explore only your articles"</ViewLink>
                " · "
                <button id="own-remove-all" type="button" on:click=move |_| remove(state, own, None)>"Remove all"</button>
            </p>
            <ul class="own-files" id="own-files">{items}</ul>
            {(files > limit).then(|| view! {
                <button type="button" class="facet-more" on:click=move |_| show_all.set(true)>
                    {format!("Show all {files} files")}
                </button>
            })}
        }
        .into_any()
    };
    view! {
        <Show when=move || own.open.get()>
            <section id="own-articles" class="own-panel" aria-labelledby="own-articles-title">
                <h2 id="own-articles-title">"Your articles"</h2>
                <p class="own-privacy">
                    "Add articles of your own to explore them here, alone or with this site's. "
                    "They are read by this page, in your browser, and stay on this device: nothing is uploaded. "
                    "They are kept in this browser until you remove them."
                </p>
                <div class="own-actions">
                    <label id="own-choose-files" class="own-choose">"Choose files"
                        <input id="own-files-input" class="visually-hidden" type="file" multiple accept=ACCEPT
                            on:click=move |ev| on_pick(ev, Pick::Files) on:change=on_chosen/>
                    </label>
                    <label id="own-choose-folder" class="own-choose">"Choose a folder"
                        <input id="own-folder-input" class="visually-hidden" type="file" multiple prop:webkitdirectory=true
                            on:click=move |ev| on_pick(ev, Pick::Folder) on:change=on_chosen/>
                    </label>
                    <span class="own-drop-hint">"or drop files or a folder anywhere on this page. "
                        ".txt, .md (with front matter), .json, .jsonl and saved web pages (.html)."</span>
                </div>
                {progress}
                {move || own.note.get().map(|n| view! { <p id="own-note" class="own-note" role="status">{n}</p> })}
                {problems}
                {kept}
            </section>
        </Show>
    }
}

/// The "Collection" facet: the site's articles and the reader's, with their counts among the
/// matches; shown once the reader has added some.
#[component]
pub fn CollectionPanel() -> impl IntoView {
    let state = AppState::use_context();
    let own = OwnArticles::use_context();
    move || {
        if own.article_count() == 0 {
            return None;
        }
        let source = super::archive_source::ArchiveSource::use_context();
        let (total, yours) = source.totals(state)?;
        let site = total - yours;
        let filter = state.filter.get().0;
        let item = |collection: Collection, label: &'static str, n: usize| {
            let selected = filter.collection == Some(collection);
            let mut target = filter.results_view();
            target.collection = if selected { None } else { Some(collection) };
            view! {
                <li class:selected=selected>
                    <ViewLink filter=target class="facet-value">
                        <span class="facet-check" aria-hidden="true">{if selected { "✓" } else { "" }}</span>
                        <span class="facet-label">{label}</span>
                        <span class="facet-count">{n}<span class="visually-hidden">" articles"</span></span>
                    </ViewLink>
                </li>
            }
        };
        Some(view! {
            <section class="facet" aria-labelledby="facet-collection-heading" data-facet="collection">
                <h2 id="facet-collection-heading">"Collection"</h2>
                <ul class="facet-values">
                    {item(Collection::Site, "This site's articles", site)}
                    {item(Collection::Yours, own::COLLECTION_NAME, yours)}
                </ul>
            </section>
        })
    }
}

/// Says when a link names what only its sender may have: an `own/…` article that is not
/// here, `in=yours` with no articles of one's own, or entities and speakers that none of the
/// loaded articles has (`AppState::unknown_names`, which the view is answered without).
/// Offers the same view without them; the link itself is left as written.
#[component]
pub fn ForeignLinkNotice() -> impl IntoView {
    let state = AppState::use_context();
    let foreign = Memo::new(move |_| {
        if !state.own_settled.get() {
            return None;
        }
        let filter = state.filter.get().0;
        let library = state.library.get()?;
        let missing_article = filter
            .article
            .as_deref()
            .is_some_and(|id| own::is_own(id) && library.index.doc_of(id).is_none());
        let missing_collection =
            filter.collection == Some(Collection::Yours) && library.index.own_docs().is_empty();
        let missing_articles = missing_article || missing_collection;
        let unknown = state.unknown_names.get();
        (missing_articles || !unknown.is_empty()).then(|| {
            // `state.filter` is already without the unknown names.
            let mut rest = filter.results_view();
            if missing_articles {
                rest.collection = None;
            }
            Foreign {
                missing_articles,
                unknown_sentence: (!unknown.is_empty()).then(|| unknown.sentence()),
                unknown_count: unknown.len(),
                rest,
            }
        })
    });
    move || {
        foreign.get().map(|foreign| {
            let link_text = if foreign.missing_articles {
                "See this view with this site's articles"
            } else if foreign.unknown_count == 1 {
                "See this view without it"
            } else {
                "See this view without them"
            };
            view! {
                <div class="notice" role="status" id="foreign-own-notice">
                    {foreign.missing_articles.then(|| view! {
                        <p>
                            "This link refers to articles that the person who shared it added in their own browser. "
                            "They never left that person's device, so they are not here."
                        </p>
                    })}
                    {foreign.unknown_sentence.map(|sentence| view! {
                        <p id="unknown-names">{sentence}</p>
                    })}
                    <p>"The rest of the view is shown. "<ViewLink filter=foreign.rest>{link_text}</ViewLink></p>
                </div>
            }
        })
    }
}

/// What [`ForeignLinkNotice`] says.
#[derive(Debug, Clone, PartialEq)]
struct Foreign {
    /// An `own/…` article or `in=yours` that is not here.
    missing_articles: bool,
    /// Which names none of the articles has.
    unknown_sentence: Option<String>,
    /// How many names none of the articles has.
    unknown_count: usize,
    /// The view without what is missing.
    rest: Filter,
}

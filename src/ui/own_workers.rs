//! Reading the reader's files off the main thread: a few Web Workers (`static/own_worker.js`
//! running `src/worker.rs`, protocol in [`crate::own::worker`]), each given a share of the
//! files in small messages; their results come back as they are read. Cancelling
//! terminates them at once.
//!
//! A worker's first files cost it most: loading and compiling its wasm, then extraction's
//! first run, slower until the engine has optimised its hot code (a cold worker read 500
//! articles in 640–720 ms, one that had read one article before in 400–450 ms). So the
//! workers are started, and read a short article of their own, as soon as the reader shows
//! they are about to add files ([`warm`]: the panel opens, files are dragged over the page),
//! while the picker is still open; after an addition they are kept for the next one, and
//! stopped after [`IDLE_MS`] unused.

use super::loader::next_task;
use crate::own::{FileResult, decode_results};
use js_sys::{Array, Object, Reflect};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{Blob, MessageEvent, Worker};

/// The attribute of `<meta name="dossier-app">` that names the worker script, next to the
/// page: its name carries a content hash (scripts/post_build.py), so that a page never
/// starts another deployment's worker.
const WORKER_SCRIPT_ATTRIBUTE: &str = "data-worker";

/// This build's worker script, as an address.
fn worker_url() -> Result<String, String> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| "the page has no document".to_string())?;
    web_sys::Url::new_with_base(
        &worker_script(&document)?,
        &document.base_uri().ok().flatten().unwrap_or_default(),
    )
    .map(|u| u.href())
    .map_err(|_| "the worker's address could not be made".to_string())
}

/// This build's worker script, as the page names it.
fn worker_script(document: &web_sys::Document) -> Result<String, String> {
    // The single file (scripts/single_file.py) drops the tag with the files it inlines.
    let Some(meta) = document
        .query_selector(r#"meta[name="dossier-app"]"#)
        .ok()
        .flatten()
    else {
        return Err(
            "this page has no reader for your files: a single-file Dossier cannot start one; open the site it was made from"
                .to_string(),
        );
    };
    meta.get_attribute(WORKER_SCRIPT_ATTRIBUTE)
        .filter(|name| !name.is_empty())
        .ok_or_else(|| {
            format!(
                "this page names no reader for your files (no {WORKER_SCRIPT_ATTRIBUTE} on its app's meta tag): the app was built without scripts/post_build.py"
            )
        })
}

/// At most this many workers, whatever the machine has.
const MAX_WORKERS: usize = 4;
/// Files per message to a worker.
const CHUNK: usize = 25;
/// Messages posted in one task of the page.
const CHUNKS_PER_TASK: usize = 2;
/// A worker is worth starting for at least this many files.
const FILES_PER_WORKER: usize = 16;
/// Workers left unused this long (ms) are stopped: each holds its own wasm memory.
const IDLE_MS: i32 = 90_000;
/// What a warming worker reads: a names, a date, a quote and a speaker, so that every stage of
/// extraction has run once.
const WARM_UP: &str = "WASHINGTON, March 3 - Treasury Secretary James Baker said on Monday \
     that \"the dollar has fallen far enough\", and the Federal Reserve agreed.";

/// What the workers report.
pub enum Report {
    /// Some files were read.
    Results(Vec<FileResult>),
    /// Every file was read.
    Done,
    /// A worker failed (did not start, or crashed): the message says why.
    Failed(String),
}

/// What a worker says: a message's data, or why it stopped.
enum Said {
    Message(JsValue),
    Stopped(String),
}

/// Who listens to a worker: the reading it works for, or nobody (idle, or warming up).
type Listener = Rc<dyn Fn(Said)>;

/// A running worker and the slot its one pair of handlers hands what it says to.
#[derive(Clone)]
struct Reader {
    worker: Worker,
    listener: Rc<RefCell<Option<Listener>>>,
}

impl Reader {
    fn start(url: &str) -> Result<Self, String> {
        let worker = Worker::new(url).map_err(|e| {
            format!(
                "the page could not start its reader ({}); own articles need the site served over http(s)",
                describe(&e)
            )
        })?;
        let reader = Reader {
            worker,
            listener: Rc::new(RefCell::new(None)),
        };
        let on_message = {
            let reader = reader.clone();
            Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
                reader.hear(Said::Message(event.data()));
            })
        };
        let on_error = {
            let reader = reader.clone();
            Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
                event.prevent_default();
                let message = Reflect::get(&event, &"message".into())
                    .ok()
                    .and_then(|m| m.as_string())
                    .unwrap_or_else(|| "it could not be loaded".into());
                reader.hear(Said::Stopped(format!(
                    "the page's reader stopped: {message}"
                )));
            })
        };
        reader
            .worker
            .set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        reader
            .worker
            .set_onerror(Some(on_error.as_ref().unchecked_ref()));
        // The handlers live as long as their worker: one pair for its whole life, whichever
        // reading it works for.
        on_message.forget();
        on_error.forget();
        Ok(reader)
    }

    /// Hands what the worker said to its listener; an idle worker that failed is stopped.
    fn hear(&self, said: Said) {
        // Cloned out first: the listener may give the worker a new one.
        let listener = self.listener.borrow().clone();
        match (listener, said) {
            (Some(listener), said) => listener(said),
            (None, Said::Stopped(_)) => retire(self),
            (None, Said::Message(data)) => {
                if kind_of(&data) == "failed" {
                    retire(self);
                }
            }
        }
    }

    fn listen(&self, listener: Option<Listener>) {
        *self.listener.borrow_mut() = listener;
    }
}

/// Workers waiting for files: warmed up, or left from the last addition.
#[derive(Default)]
struct Idle {
    readers: Vec<Reader>,
    /// Bumped whenever the idle workers are used or added to, so that only the last
    /// [`IDLE_MS`] timer stops them.
    generation: u32,
}

thread_local! {
    static IDLE: RefCell<Idle> = RefCell::default();
    /// The last reading's number: a worker's messages name the reading they belong to.
    static READINGS: Cell<u32> = const { Cell::new(0) };
}

/// Starts as many workers as an addition of many files would use, each reading [`WARM_UP`],
/// unless they are already waiting. Cheap when they are: called on every `dragover`.
pub fn warm() {
    let wanted = worker_count(usize::MAX);
    let waiting = IDLE.with_borrow(|idle| idle.readers.len());
    if waiting >= wanted {
        return;
    }
    // A page that cannot start workers says so when files are added, not now.
    let Ok(url) = worker_url() else {
        return;
    };
    for _ in waiting..wanted {
        let Ok(reader) = Reader::start(&url) else {
            return;
        };
        let warm_up = Blob::new_with_str_sequence(&Array::of1(&WARM_UP.into()));
        if let Ok(warm_up) = warm_up {
            let _ = reader
                .worker
                .post_message(&job_message(0, vec![("warm-up.txt".into(), warm_up)]));
        }
        IDLE.with_borrow_mut(|idle| idle.readers.push(reader));
    }
    retire_when_unused();
}

/// Stops an idle worker that failed.
fn retire(reader: &Reader) {
    reader.worker.terminate();
    IDLE.with_borrow_mut(|idle| {
        idle.readers
            .retain(|r| JsValue::from(&r.worker) != JsValue::from(&reader.worker))
    });
}

/// Stops the idle workers after [`IDLE_MS`], unless they are used or joined before.
fn retire_when_unused() {
    let generation = IDLE.with_borrow_mut(|idle| {
        idle.generation = idle.generation.wrapping_add(1);
        idle.generation
    });
    let stop = Closure::once_into_js(move || {
        let unused = IDLE.with_borrow_mut(|idle| {
            if idle.generation == generation {
                std::mem::take(&mut idle.readers)
            } else {
                Vec::new()
            }
        });
        for reader in unused {
            reader.worker.terminate();
        }
    });
    if let Some(window) = web_sys::window() {
        let _ = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(stop.unchecked_ref(), IDLE_MS);
    }
}

/// The workers of one reading; dropping the handle does not stop them, [`Job::cancel`]
/// does, and the reading's end keeps them for the next one.
#[derive(Clone)]
pub struct Job {
    readers: Rc<RefCell<Vec<Reader>>>,
}

impl Job {
    /// Stops every worker now; nothing more is reported.
    pub fn cancel(&self) {
        for reader in self.readers.borrow_mut().drain(..) {
            reader.listen(None);
            reader.worker.terminate();
        }
    }

    /// Keeps the workers, listening to nobody, for the next addition.
    fn release(&self) {
        let readers: Vec<Reader> = self.readers.borrow_mut().drain(..).collect();
        for reader in &readers {
            reader.listen(None);
        }
        IDLE.with_borrow_mut(|idle| idle.readers.extend(readers));
        retire_when_unused();
    }
}

/// How many workers for `files` files on this machine.
fn worker_count(files: usize) -> usize {
    let cores = web_sys::window()
        .map(|w| w.navigator().hardware_concurrency() as usize)
        .unwrap_or(1);
    cores
        .clamp(1, MAX_WORKERS)
        .min(files.div_ceil(FILES_PER_WORKER))
        .max(1)
}

/// Starts reading `files` (stored name, blob); `report` is called with each [`Report`] on the
/// main thread, `Done` once after the last file (or `Failed` instead).
pub fn start(files: Vec<(String, Blob)>, report: impl Fn(Report) + 'static) -> Result<Job, String> {
    let report = Rc::new(report);
    let count = worker_count(files.len());
    // Contiguous shares of about equal size in bytes, so the workers finish together.
    let total_bytes: f64 = files.iter().map(|(_, b)| b.size()).sum::<f64>().max(1.0);
    let mut shares: Vec<Vec<(String, Blob)>> = vec![Vec::new(); count];
    let mut taken = 0.0;
    for file in files {
        let share = ((taken / total_bytes) * count as f64) as usize;
        taken += file.1.size();
        shares[share.min(count - 1)].push(file);
    }
    let job = Job {
        readers: Rc::new(RefCell::new(Vec::new())),
    };
    // Each worker gets its share in messages of [`CHUNK`] files, posted a few at a time
    // between the page's other tasks: handing over a File costs the page a little (in
    // Chromium, ~0.1 ms), which a thousand at once turn into a long task.
    let pending = Rc::new(Cell::new(
        shares
            .iter()
            .map(|s| s.len().div_ceil(CHUNK))
            .sum::<usize>(),
    ));
    if pending.get() == 0 {
        report(Report::Done);
        return Ok(job);
    }
    let reading = READINGS.with(|r| {
        r.set(r.get().wrapping_add(1).max(1));
        r.get()
    });
    let listener: Listener = {
        let job = job.clone();
        let report = report.clone();
        Rc::new(move |said: Said| {
            let data = match said {
                Said::Message(data) => data,
                Said::Stopped(message) => {
                    job.cancel();
                    report(Report::Failed(message));
                    return;
                }
            };
            let kind = kind_of(&data);
            // A panic names no reading: the worker is lost whatever it was doing.
            let ours = Reflect::get(&data, &"reading".into())
                .ok()
                .and_then(|r| r.as_f64())
                .is_some_and(|r| r == f64::from(reading));
            match kind.as_str() {
                "results" if ours => {
                    let bytes = Reflect::get(&data, &"bytes".into())
                        .ok()
                        .and_then(|b| b.dyn_into::<js_sys::Uint8Array>().ok())
                        .map(|b| b.to_vec())
                        .unwrap_or_default();
                    match decode_results(&bytes) {
                        Ok(results) => report(Report::Results(results)),
                        Err(e) => {
                            job.cancel();
                            report(Report::Failed(e));
                        }
                    }
                }
                "done" if ours => {
                    pending.set(pending.get() - 1);
                    if pending.get() == 0 {
                        job.release();
                        report(Report::Done);
                    }
                }
                "failed" => {
                    let message = Reflect::get(&data, &"message".into())
                        .ok()
                        .and_then(|m| m.as_string())
                        .unwrap_or_default();
                    job.cancel();
                    report(Report::Failed(message));
                }
                _ => {}
            }
        })
    };
    let mut waiting = IDLE.with_borrow_mut(|idle| {
        idle.generation = idle.generation.wrapping_add(1);
        std::mem::take(&mut idle.readers)
    });
    // Workers this reading does not need, or cannot use, wait for the next.
    let keep_idle = |waiting: Vec<Reader>| {
        if !waiting.is_empty() {
            IDLE.with_borrow_mut(|idle| idle.readers.extend(waiting));
            retire_when_unused();
        }
    };
    let mut url: Option<Result<String, String>> = None;
    let mut messages: Vec<(Worker, Vec<(String, Blob)>)> = Vec::new();
    for share in shares.into_iter().filter(|s| !s.is_empty()) {
        let reader = match waiting.pop() {
            Some(reader) => Ok(reader),
            None => url
                .get_or_insert_with(worker_url)
                .clone()
                .and_then(|url| Reader::start(&url)),
        };
        let reader = match reader {
            Ok(reader) => reader,
            Err(message) => {
                // The workers this reading already took stop; the waiting ones stay.
                job.cancel();
                keep_idle(waiting);
                return Err(message);
            }
        };
        reader.listen(Some(listener.clone()));
        job.readers.borrow_mut().push(reader.clone());
        messages.extend(
            share
                .chunks(CHUNK)
                .map(|chunk| (reader.worker.clone(), chunk.to_vec())),
        );
    }
    keep_idle(waiting);
    let posting = job.clone();
    wasm_bindgen_futures::spawn_local(async move {
        for (sent, (worker, chunk)) in messages.into_iter().enumerate() {
            if posting.readers.borrow().is_empty() {
                return; // cancelled
            }
            if sent > 0 && sent % CHUNKS_PER_TASK == 0 {
                next_task().await;
            }
            if let Err(e) = worker.post_message(&job_message(reading, chunk)) {
                posting.cancel();
                report(Report::Failed(format!(
                    "the files could not be passed on: {}",
                    describe(&e)
                )));
                return;
            }
        }
    });
    Ok(job)
}

/// A message's `kind`.
fn kind_of(data: &JsValue) -> String {
    Reflect::get(data, &"kind".into())
        .ok()
        .and_then(|k| k.as_string())
        .unwrap_or_default()
}

/// One job for a worker: `{ files, names, reading }` (see [`crate::own::worker`]).
fn job_message(reading: u32, chunk: Vec<(String, Blob)>) -> Object {
    let blobs = Array::new();
    let names = Array::new();
    for (name, blob) in chunk {
        names.push(&name.into());
        blobs.push(&blob);
    }
    let message = Object::new();
    let _ = Reflect::set(&message, &"files".into(), &blobs);
    let _ = Reflect::set(&message, &"names".into(), &names);
    let _ = Reflect::set(&message, &"reading".into(), &reading.into());
    message
}

fn describe(error: &JsValue) -> String {
    Reflect::get(error, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .unwrap_or_else(|| format!("{error:?}"))
}

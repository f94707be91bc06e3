//! Reading the reader's files off the main thread: a few Web Workers (`static/own_worker.js`
//! running `src/worker.rs`, protocol in [`crate::own::worker`]), each given a share of the
//! files in small messages; their results come back as they are read. Cancelling
//! terminates them at once.

use super::loader::next_task;
use crate::own::{FileResult, decode_results};
use js_sys::{Array, Object, Reflect};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{Blob, MessageEvent, Worker};

/// The attribute of `<meta name="dossier-app">` that names the worker script, next to the
/// page: its name carries a content hash (scripts/post_build.py), so that a page never
/// starts another deployment's worker.
const WORKER_SCRIPT_ATTRIBUTE: &str = "data-worker";

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

/// What the workers report.
pub enum Report {
    /// Some files were read.
    Results(Vec<FileResult>),
    /// Every file was read.
    Done,
    /// A worker failed (did not start, or crashed): the message says why.
    Failed(String),
}

/// Running workers; dropping the handle does not stop them, [`Job::cancel`] does.
#[derive(Clone)]
pub struct Job {
    workers: Rc<RefCell<Vec<Worker>>>,
}

impl Job {
    /// Stops every worker now; nothing more is reported.
    pub fn cancel(&self) {
        for worker in self.workers.borrow_mut().drain(..) {
            worker.terminate();
        }
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
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| "the page has no document".to_string())?;
    let url = web_sys::Url::new_with_base(
        &worker_script(&document)?,
        &document.base_uri().ok().flatten().unwrap_or_default(),
    )
    .map(|u| u.href())
    .map_err(|_| "the worker's address could not be made".to_string())?;
    let job = Job {
        workers: Rc::new(RefCell::new(Vec::new())),
    };
    // Each worker gets its share in messages of [`CHUNK`] files, posted a few at a time
    // between the page's other tasks: handing over a File costs the page a little (in
    // Chromium, ~0.1 ms), which a thousand at once turn into a long task.
    let pending = Rc::new(RefCell::new(
        shares
            .iter()
            .map(|s| s.len().div_ceil(CHUNK))
            .sum::<usize>(),
    ));
    if *pending.borrow() == 0 {
        report(Report::Done);
        return Ok(job);
    }
    let mut messages: Vec<(Worker, Vec<(String, Blob)>)> = Vec::new();
    for share in shares.into_iter().filter(|s| !s.is_empty()) {
        let worker = Worker::new(&url).map_err(|e| {
            format!(
                "the page could not start its reader ({}); own articles need the site served over http(s)",
                describe(&e)
            )
        })?;
        let on_message = {
            let report = report.clone();
            let pending = pending.clone();
            let job = job.clone();
            Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
                let data = event.data();
                let kind = Reflect::get(&data, &"kind".into())
                    .ok()
                    .and_then(|k| k.as_string())
                    .unwrap_or_default();
                match kind.as_str() {
                    "results" => {
                        let json = Reflect::get(&data, &"json".into())
                            .ok()
                            .and_then(|j| j.as_string())
                            .unwrap_or_default();
                        match decode_results(&json) {
                            Ok(results) => report(Report::Results(results)),
                            Err(e) => {
                                job.cancel();
                                report(Report::Failed(e));
                            }
                        }
                    }
                    "done" => {
                        let left = {
                            let mut left = pending.borrow_mut();
                            *left -= 1;
                            *left
                        };
                        if left == 0 {
                            job.cancel();
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
        let on_error = {
            let report = report.clone();
            let job = job.clone();
            Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
                event.prevent_default();
                let message = Reflect::get(&event, &"message".into())
                    .ok()
                    .and_then(|m| m.as_string())
                    .unwrap_or_else(|| "it could not be loaded".into());
                job.cancel();
                report(Report::Failed(format!(
                    "the page's reader stopped: {message}"
                )));
            })
        };
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        // The handlers live as long as their worker, which the job terminates.
        on_message.forget();
        on_error.forget();
        job.workers.borrow_mut().push(worker.clone());
        messages.extend(
            share
                .chunks(CHUNK)
                .map(|chunk| (worker.clone(), chunk.to_vec())),
        );
    }
    let posting = job.clone();
    wasm_bindgen_futures::spawn_local(async move {
        for (sent, (worker, chunk)) in messages.into_iter().enumerate() {
            if posting.workers.borrow().is_empty() {
                return; // cancelled
            }
            if sent > 0 && sent % CHUNKS_PER_TASK == 0 {
                next_task().await;
            }
            if let Err(e) = worker.post_message(&job_message(chunk)) {
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

/// One job for a worker: `{ files, names }` (see [`crate::own::worker`]).
fn job_message(chunk: Vec<(String, Blob)>) -> Object {
    let blobs = Array::new();
    let names = Array::new();
    for (name, blob) in chunk {
        names.push(&name.into());
        blobs.push(&blob);
    }
    let message = Object::new();
    let _ = Reflect::set(&message, &"files".into(), &blobs);
    let _ = Reflect::set(&message, &"names".into(), &names);
    message
}

fn describe(error: &JsValue) -> String {
    Reflect::get(error, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .unwrap_or_else(|| format!("{error:?}"))
}

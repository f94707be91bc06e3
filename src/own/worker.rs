//! The worker side (wasm only): a Web Worker that reads files posted to it and posts back
//! their articles and annotations.
//!
//! Protocol (plain objects through `postMessage`):
//!
//! ```text
//! page → worker   { files: [Blob…], names: [String…], reading: N }   ; read in turn
//! worker → page   { kind: "results", bytes: Uint8Array, files: N,    ; every ~40 ms of work
//!                   reading: N }                                      ; or 32 KB of files
//!                 { kind: "done", reading: N }                        ; after a job's last file
//!                 { kind: "failed", message: String }                 ; the worker panicked
//! ```
//!
//! `bytes` is [`super::encode_results`] of the files read since the last message, in the
//! order posted; its buffer is transferred, not copied. `reading` is echoed from the job, so
//! that the page, which keeps its workers between additions and warms them up with a job of
//! its own, can tell whose results these are. The page cancels by terminating the worker.

use super::{FileResult, encode_results, read_file};
use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, DedicatedWorkerGlobalScope, MessageEvent};

/// Post results at least this often (ms), so the page's progress moves.
const POST_EVERY_MS: f64 = 40.0;
/// Post results once the files read since the last post hold this many bytes: the page
/// decodes a message in one task, which should stay well under 50 ms even when the page
/// shares the machine's cores with the workers.
const POST_EVERY_BYTES: u64 = 32 * 1024;

/// Listens for jobs from the page.
pub fn install() {
    // A panic traps the wasm, and a trap in a task the page did not start may reach the page
    // as no error at all: the page would wait for files that never come. Say it first.
    std::panic::set_hook(Box::new(|panic| {
        post(&[
            ("kind", "failed".into()),
            (
                "message",
                format!("the page's reader stopped: {panic}").into(),
            ),
        ]);
    }));
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|event: MessageEvent| {
        let start = JOBS.with_borrow_mut(|jobs| {
            jobs.waiting.push_back(event.data());
            !std::mem::replace(&mut jobs.running, true)
        });
        if start {
            wasm_bindgen_futures::spawn_local(run_jobs());
        }
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The worker lives as long as its page wants it: the handler is never dropped.
    on_message.forget();
}

/// Jobs posted and not yet read. They are read one after the other: run side by side (each
/// waits for its files' bytes), a thousand files' jobs took turns file by file and each
/// posted nearly every file on its own, and the page paid for every message.
#[derive(Default)]
struct Jobs {
    waiting: std::collections::VecDeque<JsValue>,
    /// A [`run_jobs`] is reading them.
    running: bool,
}

thread_local! {
    static JOBS: std::cell::RefCell<Jobs> = std::cell::RefCell::default();
}

/// Reads the waiting jobs in the order posted until none is left.
async fn run_jobs() {
    while let Some(job) = JOBS.with_borrow_mut(|jobs| {
        let next = jobs.waiting.pop_front();
        jobs.running = next.is_some();
        next
    }) {
        run_job(job).await;
    }
}

async fn run_job(job: JsValue) {
    let files: Array = Reflect::get(&job, &"files".into())
        .map(JsCast::unchecked_into)
        .unwrap_or_default();
    let names: Array = Reflect::get(&job, &"names".into())
        .map(JsCast::unchecked_into)
        .unwrap_or_default();
    let reading = Reflect::get(&job, &"reading".into()).unwrap_or(JsValue::UNDEFINED);
    let mut batch: Vec<FileResult> = Vec::new();
    let mut since = js_sys::Date::now();
    // Every file of the job is asked for at once: a chosen file is read from disk by the
    // browser, and asking for the next only after the last arrived left the worker idle
    // between files.
    let contents: Vec<Result<JsFuture, &str>> = (0..files.length())
        .map(|position| {
            files
                .get(position)
                .dyn_into::<Blob>()
                .map(|blob| JsFuture::from(blob.array_buffer()))
                .map_err(|_| "not a file")
        })
        .collect();
    for (position, content) in (0..files.length()).zip(contents) {
        let name = names.get(position).as_string().unwrap_or_default();
        let result = match content {
            Ok(content) => match content.await {
                Ok(buffer) => read_file(&name, &Uint8Array::new(&buffer).to_vec()),
                Err(e) => unreadable(&name, &error_text(&e)),
            },
            Err(why) => unreadable(&name, why),
        };
        batch.push(result);
        let bytes: u64 = batch.iter().map(|r| r.bytes).sum();
        if bytes >= POST_EVERY_BYTES || js_sys::Date::now() - since > POST_EVERY_MS {
            post_results(&batch, &reading);
            batch.clear();
            since = js_sys::Date::now();
        }
    }
    post_results(&batch, &reading);
    post(&[("kind", "done".into()), ("reading", reading)]);
}

/// A file the browser would not hand over (deleted or changed since it was chosen).
fn unreadable(name: &str, why: &str) -> FileResult {
    FileResult {
        name: name.to_string(),
        bytes: 0,
        articles: Vec::new(),
        annotations: Vec::new(),
        error: Some(format!(
            "{}: the browser could not read the file ({why})",
            name.strip_prefix(super::ID_PREFIX).unwrap_or(name)
        )),
    }
}

/// A browser's error as a reader reads it: `NotFoundError: A requested file … could not be
/// found …` (its name and message), not the debug form of a `JsValue`.
pub fn error_text(error: &JsValue) -> String {
    let field = |key: &str| {
        Reflect::get(error, &key.into())
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default()
    };
    match (field("name"), field("message")) {
        (name, message) if !name.is_empty() && !message.is_empty() => format!("{name}: {message}"),
        (name, _) if !name.is_empty() => name,
        (_, message) if !message.is_empty() => message,
        _ => error
            .as_string()
            .unwrap_or_else(|| "the browser gave no reason".into()),
    }
}

fn post_results(batch: &[FileResult], reading: &JsValue) {
    if batch.is_empty() {
        return;
    }
    let bytes = Uint8Array::from(encode_results(batch).as_slice());
    let buffer = bytes.buffer();
    post_transferring(
        &[
            ("kind", "results".into()),
            ("bytes", bytes.into()),
            ("files", (batch.len() as u32).into()),
            ("reading", reading.clone()),
        ],
        &Array::of1(&buffer),
    );
}

fn post(fields: &[(&str, JsValue)]) {
    post_transferring(fields, &Array::new());
}

/// Posts `fields` as one object, handing `transfer`'s buffers to the page.
fn post_transferring(fields: &[(&str, JsValue)], transfer: &Array) {
    let message = Object::new();
    for (key, value) in fields {
        let _ = Reflect::set(&message, &(*key).into(), value);
    }
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let _ = scope.post_message_with_transfer(&message, transfer);
}

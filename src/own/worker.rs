//! The worker side (wasm only): a Web Worker that reads files posted to it and posts back
//! their articles and annotations.
//!
//! Protocol (plain objects through `postMessage`):
//!
//! ```text
//! page → worker   { files: [Blob…], names: [String…] }        ; one job at a time
//! worker → page   { kind: "results", json: String, files: N }  ; every ~40 ms of work
//!                                                               ; or 32 KB of files
//!                 { kind: "done" }                              ; after the job's last file
//!                 { kind: "failed", message: String }           ; the worker panicked
//! ```
//!
//! `json` is [`super::encode_results`] of the files read since the last message, in the
//! order posted. The page cancels by terminating the worker.

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
        wasm_bindgen_futures::spawn_local(run_job(event.data()));
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The worker lives as long as its page wants it: the handler is never dropped.
    on_message.forget();
}

async fn run_job(job: JsValue) {
    let files: Array = Reflect::get(&job, &"files".into())
        .map(JsCast::unchecked_into)
        .unwrap_or_default();
    let names: Array = Reflect::get(&job, &"names".into())
        .map(JsCast::unchecked_into)
        .unwrap_or_default();
    let mut batch: Vec<FileResult> = Vec::new();
    let mut since = js_sys::Date::now();
    for position in 0..files.length() {
        let name = names.get(position).as_string().unwrap_or_default();
        let result = match files.get(position).dyn_into::<Blob>() {
            Ok(blob) => match JsFuture::from(blob.array_buffer()).await {
                Ok(buffer) => read_file(&name, &Uint8Array::new(&buffer).to_vec()),
                Err(e) => unreadable(&name, &format!("{e:?}")),
            },
            Err(_) => unreadable(&name, "not a file"),
        };
        batch.push(result);
        let bytes: u64 = batch.iter().map(|r| r.bytes).sum();
        if bytes >= POST_EVERY_BYTES || js_sys::Date::now() - since > POST_EVERY_MS {
            post_results(&batch);
            batch.clear();
            since = js_sys::Date::now();
        }
    }
    post_results(&batch);
    post(&[("kind", "done".into())]);
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

fn post_results(batch: &[FileResult]) {
    if batch.is_empty() {
        return;
    }
    post(&[
        ("kind", "results".into()),
        ("json", encode_results(batch).into()),
        ("files", (batch.len() as u32).into()),
    ]);
}

fn post(fields: &[(&str, JsValue)]) {
    let message = Object::new();
    for (key, value) in fields {
        let _ = Reflect::set(&message, &(*key).into(), value);
    }
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let _ = scope.post_message(&message);
}

//! "Save for offline" (archive mode only: the embedded build is offline whole after one
//! visit). The archive's part list (named by the manifest) gives every part and its size;
//! the control compares it with the service worker's parts cache, so the size it offers is
//! what is not kept yet, and "saved" is read from the cache on every load, never from a flag.
//!
//! Saving fetches every missing part, [`CONCURRENCY`] at a time, each checked against its
//! name and retried like a view's parts ([`ATTEMPTS`]); the service worker keeps what it
//! serves, and the page keeps a part itself when no worker did (not installed yet). A part
//! that still fails is named; saving again resumes with what is missing. After a complete
//! save, parts of earlier archives at the same address are dropped from the cache.

use super::archive_source::{
    ATTEMPTS, ArchiveSource, ArchiveView, MANIFEST_URL, Mode, PARTS_URL, body_bytes, bytes_of,
    start_fetch, text_of,
};
use super::lazy::lazy_code;
use crate::archive::codec::hash_of;
use crate::archive::parts::PartListPart;
use crate::archive::{Manifest, PartName, open_part_list};
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use std::collections::{HashSet, VecDeque};
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The service worker's cache of archive parts (`ARCHIVE_CACHE` in static/sw.js).
const PARTS_CACHE: &str = "dossier-archive-parts";
/// Parts fetched at once while saving: enough to fill a connection, few enough to leave
/// room for the views the reader opens meanwhile.
const CONCURRENCY: usize = 6;
/// Up to this many parts (a part list of about 40 KB: some 7,000 articles, whose `docs`
/// parts hold 4 documents each), the list is fetched as soon as the first view is shown, so
/// the control offers the exact size still missing. Beyond, the list waits for a click, and
/// the control offers the archive's whole size as an upper bound: a visitor who only
/// follows a link does not download the names of every part (123 KB at 19k articles, a
/// megabyte at a million).
const EAGER_LIST_PARTS: u64 = 2048;

/// What the control shows.
#[derive(Debug, Clone, PartialEq)]
enum Offline {
    /// Reading the cache.
    Checking,
    /// Saving cannot be offered here; why.
    Unavailable(String),
    /// Not every part is kept: `bytes` to download (exactly, or at most).
    Unsaved { parts: u64, bytes: u64, exact: bool },
    /// Downloading.
    Saving {
        done_parts: usize,
        parts: usize,
        done_bytes: u64,
        bytes: u64,
    },
    /// Every part of the archive is kept.
    Saved { bytes: u64 },
    /// Some parts could not be saved (the message names them); `bytes` are still missing.
    Failed { message: String, bytes: u64 },
}

/// The control, in archive mode; nothing in the embedded build.
#[component]
pub fn OfflineSave() -> impl IntoView {
    let source = ArchiveSource::use_context();
    let status = RwSignal::new(Offline::Checking);
    let run: StoredValue<Option<Rc<Run>>, LocalStorage> = StoredValue::new_local(None);
    // Checks once the first view is settled (shown, or said to be broken): the view's own
    // parts go first.
    Effect::new(move |checked: Option<bool>| {
        if checked == Some(true) {
            return true;
        }
        let ready = source.mode.get() == Mode::Archive
            && !matches!(source.view.get(), ArchiveView::Loading);
        if ready {
            leptos::task::spawn_local(async move {
                let found = match source.manifest() {
                    Some(manifest) => check(&manifest, manifest.parts <= EAGER_LIST_PARTS).await,
                    None => Offline::Unavailable("the archive is not open".into()),
                };
                // A save started meanwhile reports for itself.
                if status.get_untracked() == Offline::Checking {
                    status.set(found);
                }
            });
        }
        ready
    });
    let start = move |_| {
        if matches!(status.get_untracked(), Offline::Saving { .. }) {
            return;
        }
        // Saving from the click on: the list may take a moment, and a second click must not
        // start a second run.
        status.set(Offline::Saving {
            done_parts: 0,
            parts: 0,
            done_bytes: 0,
            bytes: 0,
        });
        let this = Rc::new(Run::default());
        run.set_value(Some(this.clone()));
        // The bytes the manifest says a save downloads: what is still missing if the
        // saving code itself cannot be fetched.
        let bytes = source.manifest().map_or(0, |m| m.bytes);
        leptos::task::spawn_local(async move {
            match saving(source, status, this).await {
                Ok(saving) => saving.await,
                Err(missing) => status.set(Offline::Failed {
                    message: format!("Could not start saving for offline: {missing}."),
                    bytes,
                }),
            }
        });
    };
    let cancel = move |_| {
        if let Some(this) = run.get_value() {
            this.cancelled.set(true);
        }
    };
    let body = move || {
        match status.get() {
        Offline::Checking => ().into_any(),
        Offline::Unavailable(why) => view! {
            <button id="offline-save" class="offline-button" type="button" disabled=true title=why.clone()>
                "Save for offline"
            </button>
            <span class="visually-hidden">{format!("Saving for offline is not available: {why}.")}</span>
        }
        .into_any(),
        Offline::Unsaved { bytes, exact, .. } => {
            let label = if exact {
                format!("Save for offline ({})", size(bytes))
            } else {
                format!("Save for offline (up to {})", size(bytes))
            };
            view! {
                <button id="offline-save" class="offline-button" type="button" on:click=start
                    title="Download every part of this archive, so that every view works without the network">
                    {label}
                </button>
            }
            .into_any()
        }
        Offline::Saving {
            done_parts,
            parts,
            done_bytes,
            bytes,
        } => view! {
            <progress max=bytes.max(1).to_string() value=done_bytes.to_string() aria-label="Saving for offline"></progress>
            <span id="offline-status" role="status">
                {if parts == 0 {
                    "Saving for offline: reading the archive's list of files…".to_string()
                } else {
                    format!("Saving for offline: {done_parts} of {parts} files, {} of {}", size(done_bytes), size(bytes))
                }}
            </span>
            <button id="offline-cancel" class="offline-button" type="button" on:click=cancel>"Cancel"</button>
        }
        .into_any(),
        Offline::Saved { bytes } => view! {
            <span id="offline-status" class="offline-saved" role="status">
                {format!("Saved for offline: every view works without the network ({})", size(bytes))}
            </span>
        }
        .into_any(),
        Offline::Failed { message, bytes } => view! {
            <span id="offline-status" class="offline-failed" role="alert">{message}</span>
            <button id="offline-save" class="offline-button" type="button" on:click=start>
                {format!("Resume saving ({})", size(bytes))}
            </button>
        }
        .into_any(),
    }
    };
    let state_name = move || match status.get() {
        Offline::Checking => "checking",
        Offline::Unavailable(_) => "unavailable",
        Offline::Unsaved { .. } => "unsaved",
        Offline::Saving { .. } => "saving",
        Offline::Saved { .. } => "saved",
        Offline::Failed { .. } => "failed",
    };
    view! {
        <Show when=move || source.mode.get() == Mode::Archive>
            <div class="offline-save" data-offline=state_name>{body}</div>
        </Show>
    }
}

/// One save: the parts still to fetch, what failed, and the cancel button's wish.
#[derive(Default)]
struct Run {
    queue: RefCell<VecDeque<(PartName, u64)>>,
    failures: RefCell<Vec<String>>,
    cancelled: Cell<bool>,
}

/// What is kept of the archive of `manifest`: the list from the cache (or, when
/// `fetch_list`, from the network), compared with the cache's parts.
async fn check(manifest: &Manifest, fetch_list: bool) -> Offline {
    let outcome = async {
        let Some(list_name) = manifest.list else {
            return Ok(Offline::Unavailable(
                "this archive was built by an older Dossier without a list of its files (rebuild it with `dossier build`)".into(),
            ));
        };
        let cache = open_cache().await?;
        let list = match kept_list(&cache, list_name).await? {
            Some(list) => list,
            None if fetch_list => fetch_list_part(&cache, list_name).await?,
            None => {
                return Ok(Offline::Unsaved {
                    parts: manifest.parts,
                    bytes: manifest.bytes,
                    exact: false,
                });
            }
        };
        let missing = missing_parts(&cache, &list, list_name).await?;
        Ok(if missing.is_empty() {
            Offline::Saved {
                bytes: manifest.bytes,
            }
        } else {
            Offline::Unsaved {
                parts: missing.len() as u64,
                bytes: missing.iter().map(|(_, b)| b).sum(),
                exact: true,
            }
        })
    };
    outcome.await.unwrap_or_else(Offline::Unavailable)
}

// Saving runs once a reader asks for it: its code is fetched then (super::lazy).
lazy_code! { offline_save: fn saving(
    source: ArchiveSource,
    status: RwSignal<Offline>,
    run: Rc<Run>,
) -> std::pin::Pin<Box<dyn std::future::Future<Output = ()>>> {
    Box::pin(save(source, status, run))
} }

/// Saves every part of the open archive not kept yet, reporting into `status`.
async fn save(source: ArchiveSource, status: RwSignal<Offline>, run: Rc<Run>) {
    let Some(manifest) = source.manifest() else {
        status.set(Offline::Unavailable("the archive is not open".into()));
        return;
    };
    let Some(list_name) = manifest.list else {
        status.set(check(&manifest, false).await);
        return;
    };
    let prepared = async {
        let cache = open_cache().await?;
        let list = match kept_list(&cache, list_name).await? {
            Some(list) => list,
            None => fetch_list_part(&cache, list_name).await?,
        };
        let missing = missing_parts(&cache, &list, list_name).await?;
        Ok::<_, String>((cache, list, missing))
    };
    let (cache, list, missing) = match prepared.await {
        Ok(found) => found,
        Err(e) => {
            status.set(Offline::Failed {
                message: format!("Could not start saving for offline: {e}."),
                bytes: manifest.bytes,
            });
            return;
        }
    };
    ask_to_persist();
    let total_bytes: u64 = missing.iter().map(|(_, b)| b).sum();
    status.set(Offline::Saving {
        done_parts: 0,
        parts: missing.len(),
        done_bytes: 0,
        bytes: total_bytes,
    });
    run.queue.replace(missing.into_iter().collect());
    // CONCURRENCY workers share the queue; each part's request starts when a worker is free.
    let workers = js_sys::Array::new();
    for _ in 0..CONCURRENCY {
        let (run, cache) = (run.clone(), cache.clone());
        workers.push(&wasm_bindgen_futures::future_to_promise(async move {
            work(run, cache, status).await;
            Ok(JsValue::UNDEFINED)
        }));
    }
    // Workers never reject (failures are collected), so this waits for all of them.
    let _ = JsFuture::from(js_sys::Promise::all(&workers)).await;
    let failures = run.failures.take();
    if run.cancelled.get() {
        status.set(check(&manifest, true).await);
        return;
    }
    if failures.is_empty() {
        if let Err(e) = prune(&cache, &list, list_name).await {
            web_sys::console::warn_1(&format!("dropping old archive parts: {e}").into());
        }
        status.set(check(&manifest, true).await);
        return;
    }
    let still = match check(&manifest, true).await {
        Offline::Unsaved { bytes, .. } => bytes,
        _ => total_bytes,
    };
    status.set(Offline::Failed {
        message: failure_message(&manifest, &failures).await,
        bytes: still,
    });
}

/// Takes parts off the queue until it is empty or the save is cancelled.
async fn work(run: Rc<Run>, cache: web_sys::Cache, status: RwSignal<Offline>) {
    loop {
        if run.cancelled.get() {
            return;
        }
        let Some((name, bytes)) = run.queue.borrow_mut().pop_front() else {
            return;
        };
        match save_part(&cache, name).await {
            Ok(()) => status.update(|s| {
                if let Offline::Saving {
                    done_parts,
                    done_bytes,
                    ..
                } = s
                {
                    *done_parts += 1;
                    *done_bytes += bytes;
                }
            }),
            Err(e) => run.failures.borrow_mut().push(format!("{name} ({e})")),
        }
    }
}

/// "Could not save 2 of the archive's files: …", or that the archive changed meanwhile.
async fn failure_message(manifest: &Manifest, failures: &[String]) -> String {
    // A new build on the server removes the old build's parts: say so rather than list them.
    let now = match start_fetch(MANIFEST_URL, true) {
        Ok(request) => text_of(request)
            .await
            .ok()
            .and_then(|json| Manifest::parse(&json).ok()),
        Err(_) => None,
    };
    if now.is_some_and(|now| now.catalogue != manifest.catalogue) {
        return "The archive was rebuilt on the server while saving: reload the page to save the new one.".into();
    }
    const NAMED: usize = 3;
    let mut named = failures[..failures.len().min(NAMED)].join("; ");
    if failures.len() > NAMED {
        named.push_str(&format!("; and {} more", failures.len() - NAMED));
    }
    let files = if failures.len() == 1 { "file" } else { "files" };
    format!(
        "Could not save {} of the archive's {files} for offline: {named}. Everything else is kept; saving again fetches only what is missing.",
        failures.len()
    )
}

/// Fetches part `name` (retrying), checks it against its name and keeps it.
async fn save_part(cache: &web_sys::Cache, name: PartName) -> Result<(), String> {
    let url = part_url(&name)?;
    let mut last = String::new();
    for _ in 0..ATTEMPTS {
        match fetch_checked(&name, &url).await {
            Ok(bytes) => return keep(cache, &url, bytes).await,
            Err(e) => last = e,
        }
    }
    Err(last)
}

/// The stored bytes of part `name`, if they hash to its name.
async fn fetch_checked(name: &PartName, url: &str) -> Result<Vec<u8>, String> {
    let bytes = bytes_of(start_fetch(url, false)?).await?;
    if hash_of(&bytes) != name.hash {
        return Err("its bytes do not match its name: damaged on the way or on the server".into());
    }
    Ok(bytes)
}

/// Keeps checked bytes under `url`, unless the service worker already did.
async fn keep(cache: &web_sys::Cache, url: &str, mut bytes: Vec<u8>) -> Result<(), String> {
    if kept_response(cache, url).await?.is_some() {
        return Ok(());
    }
    let response =
        web_sys::Response::new_with_opt_u8_array(Some(&mut bytes)).map_err(|e| describe(&e))?;
    JsFuture::from(cache.put_with_str(url, &response))
        .await
        .map(drop)
        .map_err(|e| format!("the browser would not keep it: {}", describe(&e)))
}

/// The part list, if the cache holds an intact copy.
async fn kept_list(cache: &web_sys::Cache, name: PartName) -> Result<Option<PartListPart>, String> {
    let url = part_url(&name)?;
    let Some(response) = kept_response(cache, &url).await? else {
        return Ok(None);
    };
    let bytes = body_bytes(response).await?;
    match open_part_list(&name, &bytes) {
        Ok(list) => Ok(Some(list)),
        Err(_) => {
            // A damaged copy is dropped and fetched again.
            let _ = JsFuture::from(cache.delete_with_str(&url)).await;
            Ok(None)
        }
    }
}

/// Fetches, checks and keeps the part list.
async fn fetch_list_part(cache: &web_sys::Cache, name: PartName) -> Result<PartListPart, String> {
    let url = part_url(&name)?;
    let mut last = String::new();
    for _ in 0..ATTEMPTS {
        let fetched = fetch_checked(&name, &url).await.and_then(|bytes| {
            open_part_list(&name, &bytes)
                .map(|list| (bytes, list))
                .map_err(|e| e.to_string())
        });
        match fetched {
            Ok((bytes, list)) => {
                keep(cache, &url, bytes).await?;
                return Ok(list);
            }
            Err(e) => last = e,
        }
    }
    Err(format!(
        "the archive's list of files could not be loaded ({name}: {last})"
    ))
}

/// The parts of `list` (and the list itself) that the cache does not hold.
async fn missing_parts(
    cache: &web_sys::Cache,
    list: &PartListPart,
    list_name: PartName,
) -> Result<Vec<(PartName, u64)>, String> {
    let kept = kept_urls(cache).await?;
    // One resolution for all: a million-article archive lists some 60,000 parts.
    let base = absolute(PARTS_URL)?;
    let mut missing: Vec<(PartName, u64)> = list
        .parts
        .iter()
        .filter(|(name, _)| !kept.contains(&format!("{base}{name}")))
        .copied()
        .collect();
    if !kept.contains(&format!("{base}{list_name}")) {
        // Only when the list could not be kept: its size is not listed, so count none.
        missing.push((list_name, 0));
    }
    Ok(missing)
}

/// Drops kept parts at this archive's address that the current archive does not list:
/// those of earlier builds, which no manifest names any more.
async fn prune(
    cache: &web_sys::Cache,
    list: &PartListPart,
    list_name: PartName,
) -> Result<(), String> {
    let base = absolute(PARTS_URL)?;
    let mut live: HashSet<String> = list
        .parts
        .iter()
        .map(|(name, _)| format!("{base}{name}"))
        .collect();
    live.insert(format!("{base}{list_name}"));
    for url in kept_urls(cache).await? {
        if url.starts_with(&base) && !live.contains(&url) {
            JsFuture::from(cache.delete_with_str(&url))
                .await
                .map_err(|e| describe(&e))?;
        }
    }
    Ok(())
}

/// Asks the browser not to evict the saved archive under storage pressure (it may decline;
/// the control then still reports what is kept, from the cache).
fn ask_to_persist() {
    if let Some(window) = web_sys::window()
        && let Ok(asked) = window.navigator().storage().persist()
    {
        leptos::task::spawn_local(async move {
            let _ = JsFuture::from(asked).await;
        });
    }
}

async fn open_cache() -> Result<web_sys::Cache, String> {
    let window = web_sys::window().ok_or("no window")?;
    let storage = window.caches().map_err(|_| {
        "this browser keeps no offline copies for this page (private browsing, or a site not served over https)".to_string()
    })?;
    let cache = JsFuture::from(storage.open(PARTS_CACHE))
        .await
        .map_err(|e| format!("the offline cache could not be opened: {}", describe(&e)))?;
    cache
        .dyn_into()
        .map_err(|_| "the offline cache could not be opened".to_string())
}

async fn kept_response(
    cache: &web_sys::Cache,
    url: &str,
) -> Result<Option<web_sys::Response>, String> {
    let found = JsFuture::from(cache.match_with_str(url))
        .await
        .map_err(|e| describe(&e))?;
    Ok(found.dyn_into::<web_sys::Response>().ok())
}

/// The absolute URLs of everything in the cache.
async fn kept_urls(cache: &web_sys::Cache) -> Result<HashSet<String>, String> {
    let keys = JsFuture::from(cache.keys())
        .await
        .map_err(|e| describe(&e))?;
    Ok(js_sys::Array::from(&keys)
        .iter()
        .filter_map(|request| request.dyn_into::<web_sys::Request>().ok())
        .map(|request| request.url())
        .collect())
}

/// A part's absolute URL, as the cache keys it.
fn part_url(name: &PartName) -> Result<String, String> {
    absolute(&format!("{PARTS_URL}{name}"))
}

/// `relative` resolved against the page, as `fetch` resolves it.
fn absolute(relative: &str) -> Result<String, String> {
    let base = document()
        .base_uri()
        .ok()
        .flatten()
        .ok_or("the page has no address")?;
    web_sys::Url::new_with_base(relative, &base)
        .map(|url| url.href())
        .map_err(|e| describe(&e))
}

/// A JavaScript error's name and message.
fn describe(error: &JsValue) -> String {
    match error.dyn_ref::<js_sys::Error>() {
        Some(e) => format!("{}: {}", String::from(e.name()), String::from(e.message())),
        None => error.as_string().unwrap_or_else(|| "unknown error".into()),
    }
}

/// Bytes in decimal units, as download sizes are usually shown: "850 KB", "12.4 MB".
fn size(bytes: u64) -> String {
    const KB: f64 = 1e3;
    const MB: f64 = 1e6;
    const GB: f64 = 1e9;
    let b = bytes as f64;
    if b >= GB {
        format!("{:.1} GB", b / GB)
    } else if b >= MB {
        format!("{:.1} MB", b / MB)
    } else if b >= KB {
        format!("{:.0} KB", b / KB)
    } else {
        format!("{bytes} bytes")
    }
}

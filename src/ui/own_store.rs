//! Where the reader's own files stay between visits: IndexedDB, in this browser only, one
//! database per Dossier site (by the page's path, so two sites on one host keep apart).
//!
//! A record is the file's bytes as chosen (an `ArrayBuffer`: WebKit keeps a stored `Blob` but
//! gives nothing back after a reload), its stored name ([`crate::own::stored_name`], also the
//! record's key) and its size. Reading them back gives blobs, which go through the worker
//! again: the stored form is the reader's file, never a format of ours that a new version
//! could not read.

use js_sys::{Array, Object, Promise, Reflect};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, IdbDatabase, IdbObjectStore, IdbRequest, IdbTransactionMode};

const DB_VERSION: u32 = 1;
const STORE: &str = "files";

/// A stored file.
pub struct StoredFile {
    /// Its stored name (`own/…`).
    pub name: String,
    /// The file itself.
    pub blob: Blob,
}

/// The database's name for this site.
fn db_name() -> String {
    let path = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default();
    // `/site/index.html` and `/site/` are one site.
    let folder = path.rsplit_once('/').map_or("", |(folder, _)| folder);
    format!("dossier-own-articles:{folder}/")
}

/// Says what went wrong in a DOM exception or other JS error.
fn describe(error: &JsValue) -> String {
    Reflect::get(error, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .or_else(|| error.as_string())
        .unwrap_or_else(|| format!("{error:?}"))
}

/// Waits for an IndexedDB request: its result, or its error as a message.
async fn wait(request: &IdbRequest) -> Result<JsValue, String> {
    wait_at_most(request, None).await
}

/// [`wait`], giving `undefined` instead once `patience_ms` (if any) went by unanswered.
async fn wait_at_most(request: &IdbRequest, patience_ms: Option<i32>) -> Result<JsValue, String> {
    let promise = Promise::new(&mut |resolve, reject| {
        if let (Some(ms), Some(window)) = (patience_ms, web_sys::window()) {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
        let done = request.clone();
        let on_success = Closure::once_into_js(move || {
            let _ = resolve.call1(&JsValue::NULL, &done.result().unwrap_or(JsValue::UNDEFINED));
        });
        let failed = request.clone();
        let on_error = Closure::once_into_js(move || {
            let message = failed
                .error()
                .ok()
                .flatten()
                .map_or_else(|| "unknown error".to_string(), |e| e.message());
            let _ = reject.call1(&JsValue::NULL, &message.into());
        });
        request.set_onsuccess(Some(on_success.unchecked_ref()));
        request.set_onerror(Some(on_error.unchecked_ref()));
    });
    JsFuture::from(promise).await.map_err(|e| describe(&e))
}

/// How long the browser's list of databases may go unanswered before the database is
/// opened anyway.
const LIST_PATIENCE_MS: i32 = 1_000;

/// Whether this site's database may exist: `false` only when the browser lists its
/// databases (`indexedDB.databases()`: Chromium, Safari, Firefox 126) and this one is not
/// among them. Opening creates the database, on disk, for every visitor who never adds an
/// article, and on a cold archive link the open and its upgrade took 40–50 ms of the page's
/// main thread at 4× CPU while the link's parts arrived; the list answers without either.
async fn may_exist() -> bool {
    let Some(factory) = web_sys::window().and_then(|w| w.indexed_db().ok().flatten()) else {
        // No IndexedDB: opening says so.
        return true;
    };
    let Some(listing) = Reflect::get(&factory, &"databases".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call0(&factory).ok())
        .and_then(|p| p.dyn_into::<Promise>().ok())
    else {
        return true;
    };
    let patience = Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, LIST_PATIENCE_MS);
        }
    });
    let Ok(answer) = JsFuture::from(Promise::race(&Array::of2(&listing, &patience))).await else {
        return true;
    };
    let Ok(databases) = answer.dyn_into::<Array>() else {
        // Unanswered in time.
        return true;
    };
    let name = JsValue::from(db_name());
    databases
        .iter()
        .any(|database| Reflect::get(&database, &"name".into()).is_ok_and(|n| n == name))
}

/// How long one open of the database may go unanswered, and how many opens are asked for:
/// WebKitGTK now and then never answers an open made just after the same site's previous
/// page (navigated away from while it was opening the database) — and the views that wait
/// for the reader's articles would wait with it. A second open usually answers; if neither
/// does, the reader is told so and the site's own articles are shown without theirs.
const OPEN_PATIENCE_MS: i32 = 3_000;
const OPEN_TRIES: u32 = 2;

/// Opens (creating on first use) this site's database.
async fn open() -> Result<IdbDatabase, String> {
    for _ in 0..OPEN_TRIES {
        if let Some(db) = open_within(OPEN_PATIENCE_MS).await? {
            return Ok(db);
        }
    }
    Err(format!(
        "this browser's storage did not answer ({OPEN_TRIES} tries of {} s each; reloading the page usually helps)",
        OPEN_PATIENCE_MS / 1000
    ))
}

/// One open of the database: `None` if it went unanswered for `patience_ms`.
async fn open_within(patience_ms: i32) -> Result<Option<IdbDatabase>, String> {
    let factory = web_sys::window()
        .and_then(|w| w.indexed_db().ok().flatten())
        .ok_or("this browser keeps no data for this page (a private window?)")?;
    let request = factory
        .open_with_u32(&db_name(), DB_VERSION)
        .map_err(|e| describe(&e))?;
    let upgrading = request.clone();
    let on_upgrade = Closure::once_into_js(move || {
        if let Ok(db) = upgrading.result()
            && let Ok(db) = db.dyn_into::<IdbDatabase>()
            && !db.object_store_names().contains(STORE)
        {
            let _ = db.create_object_store(STORE);
        }
    });
    request.set_onupgradeneeded(Some(on_upgrade.unchecked_ref()));
    let answer = wait_at_most(&request, Some(patience_ms)).await?;
    if let Ok(db) = answer.dyn_into::<IdbDatabase>() {
        return Ok(Some(db));
    }
    // Given up on, but a connection that opens after all is closed, so it blocks nothing.
    let late = request.clone();
    let close_late = Closure::once_into_js(move || {
        if let Ok(db) = late.result()
            && let Ok(db) = db.dyn_into::<IdbDatabase>()
        {
            db.close();
        }
    });
    request.set_onsuccess(Some(close_late.unchecked_ref()));
    Ok(None)
}

fn store(db: &IdbDatabase, mode: IdbTransactionMode) -> Result<IdbObjectStore, String> {
    db.transaction_with_str_and_mode(STORE, mode)
        .and_then(|t| t.object_store(STORE))
        .map_err(|e| describe(&e))
}

/// Every stored file, in name order.
pub async fn load_all() -> Result<Vec<StoredFile>, String> {
    if !may_exist().await {
        return Ok(Vec::new());
    }
    let db = open().await?;
    let request = store(&db, IdbTransactionMode::Readonly)?
        .get_all()
        .map_err(|e| describe(&e))?;
    let records: Array = wait(&request).await?.unchecked_into();
    db.close();
    let mut files = Vec::with_capacity(records.length() as usize);
    for record in records.iter() {
        let name = Reflect::get(&record, &"name".into())
            .ok()
            .and_then(|n| n.as_string());
        let blob = Reflect::get(&record, &"data".into())
            .ok()
            .filter(|d| d.is_instance_of::<js_sys::ArrayBuffer>())
            .and_then(|data| {
                let parts = Array::of1(&data);
                Blob::new_with_buffer_source_sequence(&parts).ok()
            });
        if let (Some(name), Some(blob)) = (name, blob) {
            files.push(StoredFile { name, blob });
        }
    }
    Ok(files)
}

/// Files stored in one transaction at most: storing copies each file's bytes on the main
/// thread, so a thousand files at once would hold it for about 60 ms (Chromium).
const BATCH_FILES: usize = 50;
/// Bytes stored in one transaction at most (a larger file goes alone).
const BATCH_BYTES: f64 = 4_000_000.0;

/// Stores (or replaces) files, a batch at a time with the page's other tasks between
/// batches. On failure, the files this call stored are removed again, so a reload never
/// finds part of an addition (a file chosen again then loses its earlier copy too).
pub async fn put_all(files: &[StoredFile]) -> Result<(), String> {
    if files.is_empty() {
        return Ok(());
    }
    let db = open().await?;
    let mut stored: Vec<&str> = Vec::new();
    let mut rest = files;
    while !rest.is_empty() {
        let mut bytes = 0.0;
        let size = rest
            .iter()
            .take(BATCH_FILES)
            .take_while(|f| {
                bytes += f.blob.size();
                bytes <= BATCH_BYTES
            })
            .count()
            .max(1);
        let (batch, after) = rest.split_at(size.min(rest.len()));
        rest = after;
        if let Err(e) = put_batch(&db, batch).await {
            if !stored.is_empty() {
                let _ = forget(&db, &stored).await;
            }
            db.close();
            return Err(e);
        }
        stored.extend(batch.iter().map(|f| f.name.as_str()));
        super::loader::next_task().await;
    }
    db.close();
    Ok(())
}

/// Stores one batch in one transaction.
async fn put_batch(db: &IdbDatabase, files: &[StoredFile]) -> Result<(), String> {
    // The bytes are read first, all at once: a transaction ends when it has nothing to do,
    // so it cannot wait for them.
    let reads: Vec<JsFuture> = files
        .iter()
        .map(|file| JsFuture::from(file.blob.array_buffer()))
        .collect();
    let mut records = Vec::with_capacity(files.len());
    for (file, read) in files.iter().zip(reads) {
        let data = read
            .await
            .map_err(|e| format!("{}: {}", file.name, describe(&e)))?;
        records.push((file, data));
    }
    let store = store(db, IdbTransactionMode::Readwrite)?;
    let mut last = None;
    for (file, data) in records {
        let record = Object::new();
        let _ = Reflect::set(&record, &"name".into(), &file.name.clone().into());
        let _ = Reflect::set(&record, &"data".into(), &data);
        let _ = Reflect::set(&record, &"bytes".into(), &file.blob.size().into());
        last = Some(
            store
                .put_with_key(&record, &file.name.clone().into())
                .map_err(|e| describe(&e))?,
        );
    }
    // Requests of one transaction complete in order: the last one done means all are.
    if let Some(last) = last {
        wait(&last).await?;
    }
    Ok(())
}

/// Removes `names`, in one transaction.
async fn forget(db: &IdbDatabase, names: &[&str]) -> Result<(), String> {
    let store = store(db, IdbTransactionMode::Readwrite)?;
    let mut last = None;
    for name in names {
        last = Some(store.delete(&(*name).into()).map_err(|e| describe(&e))?);
    }
    if let Some(last) = last {
        wait(&last).await?;
    }
    Ok(())
}

/// Removes one file (`Some(name)`) or all of them (`None`).
pub async fn remove(name: Option<&str>) -> Result<(), String> {
    let db = open().await?;
    let store = store(&db, IdbTransactionMode::Readwrite)?;
    let request = match name {
        Some(name) => store.delete(&name.into()),
        None => store.clear(),
    }
    .map_err(|e| describe(&e))?;
    wait(&request).await?;
    db.close();
    Ok(())
}

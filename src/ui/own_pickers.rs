//! Choosing files or a folder through the File System Access pickers (`showOpenFilePicker`,
//! `showDirectoryPicker`), where the browser has them (Chromium's engines, in secure
//! contexts), instead of the panel's file inputs.
//!
//! Why: a file input hands every chosen file to the page in one task of the browser's own,
//! before `change` fires, in which Chromium asks its browser process for each file's type,
//! one blocking call a file (a trace of 1,000 chosen files: 125 of a 200 ms task, the page
//! unresponsive meanwhile). A picker gives handles instead; each handle's file is asked for
//! without blocking (`getFile`, fifty at a time), so no task is long. Its folder prompt also
//! says what happens ("Let the site view files?") where a folder input's says "Upload".
//! Elsewhere (Firefox, WebKit, a page served over plain http) the inputs open as before.
//!
//! What the pickers give is named as the inputs name it: a file by its name, a folder's
//! files by their path from the chosen folder (`clippings/2024/harbour.md`).

use super::lazy::lazy_code;
use super::own_articles::{self, Chosen, OwnArticles};
use super::state::AppState;
use crate::own;
use crate::own::worker::error_text;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::Blob;

/// Files asked for at once from their handles.
const FILES_AT_ONCE: usize = 50;

/// Which picker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Pick {
    Files,
    Folder,
}

impl Pick {
    fn function(self) -> &'static str {
        match self {
            Pick::Files => "showOpenFilePicker",
            Pick::Folder => "showDirectoryPicker",
        }
    }
}

thread_local! {
    /// A picker failed (a page in another site's frame, a browser's policy): from then on
    /// the file inputs' own choosers open.
    static FAILED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Opens the browser's picker for `pick` and adds what the reader chooses. Returns whether
/// it was opened: `false` where the browser has no such picker, or one failed before,
/// when the file input's own chooser should open instead (the caller lets the click
/// through).
pub(super) fn open(state: AppState, own: OwnArticles, pick: Pick) -> bool {
    if FAILED.with(std::cell::Cell::get) {
        return false;
    }
    let Some(window) = web_sys::window() else {
        return false;
    };
    let Some(picker) = js_sys::Reflect::get(&window, &pick.function().into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    else {
        return false;
    };
    let options = js_sys::Object::new();
    match pick {
        Pick::Files => {
            set(&options, "multiple", &JsValue::TRUE);
            set(&options, "types", &article_types());
        }
        // Read access only: the page never writes to the reader's folder.
        Pick::Folder => set(&options, "mode", &"read".into()),
    }
    set(&options, "id", &"dossier-own-articles".into());
    let Ok(promise) = picker.call1(&window, &options) else {
        FAILED.with(|failed| failed.set(true));
        return false;
    };
    // What follows the reader's choice runs the reading code (super::lazy), which opening
    // the panel fetched already.
    leptos::task::spawn_local(async move {
        if let Some(picked) =
            own_articles::with_reading_code(own, "read", answered(state, own, pick, promise)).await
        {
            picked.await;
        }
    });
    true
}

// The picker's answer: its handles' files are added, or what went wrong is said.
lazy_code! { own_reading: fn answered(
    state: AppState,
    own: OwnArticles,
    pick: Pick,
    promise: JsValue,
) -> std::pin::Pin<Box<dyn std::future::Future<Output = ()>>> {
    Box::pin(async move {
        let chosen = match JsFuture::from(js_sys::Promise::from(promise)).await {
            Ok(chosen) => chosen,
            // The reader closed the picker: nothing to do.
            Err(e) if error_name(&e) == "AbortError" => return,
            Err(e) => {
                FAILED.with(|failed| failed.set(true));
                own_articles::picker_failed(own, &error_text(&e));
                return;
            }
        };
        let chosen_ms = super::loader::now_ms();
        let handles: Vec<JsValue> = match pick {
            Pick::Files => js_sys::Array::from(&chosen).iter().collect(),
            Pick::Folder => vec![chosen],
        };
        if pick == Pick::Folder {
            own_articles::looking_through(own, "the chosen folder");
        }
        match files_of(handles).await {
            Ok((files, unreadable)) => {
                own_articles::clear_note(own);
                own_articles::add(state, own, Chosen::Named { files, unreadable }, chosen_ms);
            }
            Err(e) => {
                FAILED.with(|failed| failed.set(true));
                own_articles::picker_failed(own, &error_text(&e));
            }
        }
    })
} }

/// The article formats, as the file picker's filter.
fn article_types() -> js_sys::Array {
    let extensions: js_sys::Array = own_articles::ACCEPT
        .split(',')
        .map(JsValue::from_str)
        .collect();
    let accept = js_sys::Object::new();
    set(&accept, "text/plain", &extensions);
    let articles = js_sys::Object::new();
    set(&articles, "description", &"Articles".into());
    set(&articles, "accept", &accept);
    std::iter::once(JsValue::from(articles)).collect()
}

fn set(object: &js_sys::Object, key: &str, value: &JsValue) {
    // Setting a property of a plain object made here cannot fail.
    let _ = js_sys::Reflect::set(object, &key.into(), value);
}

fn get(object: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(object, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

/// Calls `object.method()`, expecting a promise, and waits for it.
async fn call_async(object: &JsValue, method: &str) -> Result<JsValue, JsValue> {
    let function: js_sys::Function = get(object, method).dyn_into()?;
    let promise: js_sys::Promise = function.call0(object)?.dyn_into()?;
    JsFuture::from(promise).await
}

/// Every file under `handles` (folders walked, depth first), with its path, sorted by path,
/// and a line for each file the browser would not give (moved or deleted since the choice,
/// unreadable); stops a little past [`own::MAX_FILES`], which [`own::admit`] then reports.
/// `Err` when a folder cannot be listed.
async fn files_of(handles: Vec<JsValue>) -> Result<(Vec<(String, Blob)>, Vec<String>), JsValue> {
    let mut stack: Vec<(String, JsValue)> = handles
        .into_iter()
        .map(|h| (get(&h, "name").as_string().unwrap_or_default(), h))
        .collect();
    let mut file_handles: Vec<(String, JsValue)> = Vec::new();
    while let Some((path, handle)) = stack.pop() {
        if file_handles.len() > own::MAX_FILES {
            break;
        }
        if get(&handle, "kind").as_string().as_deref() == Some("directory") {
            let entries = js_sys::Reflect::get(&handle, &"values".into())?
                .dyn_into::<js_sys::Function>()?
                .call0(&handle)?;
            loop {
                let next = call_async(&entries, "next").await?;
                if get(&next, "done").is_truthy() {
                    break;
                }
                let entry = get(&next, "value");
                let name = get(&entry, "name").as_string().unwrap_or_default();
                stack.push((format!("{path}/{name}"), entry));
            }
        } else {
            file_handles.push((path, handle));
        }
    }
    let mut files = Vec::with_capacity(file_handles.len());
    let mut unreadable = Vec::new();
    for batch in file_handles.chunks(FILES_AT_ONCE) {
        let asked: js_sys::Array = batch
            .iter()
            .map(|(_, handle)| {
                let function: js_sys::Function = get(handle, "getFile").dyn_into()?;
                function.call0(handle)
            })
            .collect::<Result<_, JsValue>>()?;
        let settled: js_sys::Array = JsFuture::from(js_sys::Promise::all_settled(&asked))
            .await?
            .unchecked_into();
        for ((path, _), outcome) in batch.iter().zip(settled.iter()) {
            if get(&outcome, "status").as_string().as_deref() == Some("fulfilled") {
                files.push((path.clone(), get(&outcome, "value").unchecked_into()));
            } else {
                let why = error_text(&get(&outcome, "reason"));
                unreadable.push(own_articles::could_not_read(path, &why));
            }
        }
    }
    crate::sort::by(&mut files, |a, b| a.0.cmp(&b.0));
    Ok((files, unreadable))
}

fn error_name(error: &JsValue) -> String {
    get(error, "name").as_string().unwrap_or_default()
}

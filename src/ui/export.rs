//! Export of the current view: the matching articles' annotations as JSON Lines (the shared
//! schema), their quotes as CSV, and the entities with mention counts as CSV. Files are made
//! in the browser and downloaded; nothing is sent anywhere.

use super::state::AppState;
use crate::query::export::{articles_csv, entities_csv, quotes_csv, schema_jsonl};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Download buttons for the current view.
#[component]
pub fn ExportMenu() -> impl IntoView {
    let state = AppState::use_context();
    let source = super::archive_source::ArchiveSource::use_context();
    let export = move |kind: &'static str| {
        let (Some(library), Some(results)) =
            (state.library.get_untracked(), state.results.get_untracked())
        else {
            return;
        };
        let docs: Vec<u32> = results.0.matches.iter().collect();
        let (name, mime, body) = match kind {
            "json" => (
                "dossier-articles.jsonl",
                "application/x-ndjson",
                schema_jsonl(&library.articles, &library.annotations, &docs),
            ),
            "articles" => (
                "dossier-articles.csv",
                "text/csv",
                articles_csv(&library.articles, &library.index, &docs),
            ),
            "quotes" => (
                "dossier-quotes.csv",
                "text/csv",
                quotes_csv(&library.articles, &library.annotations, &docs),
            ),
            _ => (
                "dossier-entities.csv",
                "text/csv",
                entities_csv(&library.annotations, &docs),
            ),
        };
        download(name, mime, &body);
    };
    view! {
        // An archive's views export nothing yet: the browser holds only their first page.
        <Show when=move || state.results.get().is_some() && !source.answers(state)>
            <details class="export">
                <summary>"Export"</summary>
                <div class="export-menu" role="group" aria-label="Export the matching articles">
                    <button id="export-json" on:click=move |_| export("json")>"Articles (JSON Lines)"</button>
                    <button id="export-articles" on:click=move |_| export("articles")>"Articles and metadata (CSV)"</button>
                    <button id="export-quotes" on:click=move |_| export("quotes")>"Quotes (CSV)"</button>
                    <button id="export-entities" on:click=move |_| export("entities")>"Entities (CSV)"</button>
                </div>
            </details>
        </Show>
    }
}

/// Saves `body` as a file named `name` through a temporary object URL.
fn download(name: &str, mime: &str, body: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(body));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Ok(a) = document()
        .create_element("a")
        .map(|e| e.unchecked_into::<web_sys::HtmlAnchorElement>())
    {
        a.set_href(&url);
        a.set_download(name);
        a.set_attribute("data-export", name).ok();
        a.click();
    }
    // Remember the last export for whoever asks (tests read it), then free the URL.
    if let Some(body_el) = document().body() {
        let _ = body_el.set_attribute("data-last-export", name);
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

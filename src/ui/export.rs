//! Export of the current view: the matching articles' annotations as JSON Lines (the shared
//! schema), the articles with their metadata as CSV, their quotes as CSV, and the entities
//! with mention counts as CSV ([`crate::query::export`]). Files are made in the browser and
//! downloaded; nothing is sent anywhere.
//!
//! From an archive, the browser holds only a view's first page, so an export fetches the
//! `texts` parts of every matching article, reads each once and drops it (they are not
//! kept like a view's parts), with progress and a cancel; the reader's own articles in the
//! view are added from this browser. At most [`MAX_ARCHIVE_EXPORT`] articles: the file is
//! made in memory.
//!
//! Its code, and [`crate::query::export`]'s, is fetched when a reader first exports
//! ([`super::lazy`]): a link's first view never runs it.

use super::archive_source::ArchiveSource;
use super::lazy::lazy_code;
use super::state::AppState;
use crate::query::export::{Export, ExportKind, export_docs};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The most articles an export from an archive takes (about 4 MB of parts at Reuters'
/// sizes, and a file a spreadsheet still opens).
pub const MAX_ARCHIVE_EXPORT: usize = 5_000;

/// `texts` parts fetched at once.
const PARALLEL_FETCHES: usize = 6;

/// Download buttons for the current view.
#[component]
pub fn ExportMenu() -> impl IntoView {
    let state = AppState::use_context();
    let source = ArchiveSource::use_context();
    // What an archive export is doing, or why it stopped.
    let status: RwSignal<Option<String>> = RwSignal::new(None);
    let running = RwSignal::new(false);
    let cancelled = StoredValue::new(false);
    let export = move |kind: ExportKind| {
        if running.get_untracked() {
            return;
        }
        running.set(true);
        cancelled.set_value(false);
        leptos::task::spawn_local(async move {
            let outcome = match exporting(state, source, kind, status, cancelled).await {
                Ok(export) => export.await,
                Err(missing) => Err(format!("Export failed: {missing}.")),
            };
            status.set(outcome.err());
            running.set(false);
        });
    };
    let ready = move || {
        if source.answers(state) {
            matches!(
                source.shown.get(),
                super::archive_source::ArchiveView::Ready(_)
            )
        } else {
            state.results.get().is_some()
        }
    };
    let button = move |id: &'static str, kind: ExportKind, label: &'static str| {
        view! { <button id=id disabled=move || running.get() on:click=move |_| export(kind)>{label}</button> }
    };
    view! {
        <Show when=ready>
            <details class="export">
                <summary>"Export"</summary>
                <div class="export-menu" role="group" aria-label="Export the matching articles">
                    {button("export-json", ExportKind::Schema, "Articles (JSON Lines)")}
                    {button("export-articles", ExportKind::Articles, "Articles and metadata (CSV)")}
                    {button("export-quotes", ExportKind::Quotes, "Quotes (CSV)")}
                    {button("export-entities", ExportKind::Entities, "Entities (CSV)")}
                    <Show when=move || running.get()>
                        <button id="export-cancel" on:click=move |_| cancelled.set_value(true)>"Cancel"</button>
                    </Show>
                </div>
                <p class="export-status" id="export-status" role="status">{move || status.get()}</p>
            </details>
        </Show>
    }
}

// An export runs once a reader asks for one: its code is fetched then (super::lazy).
lazy_code! { export: fn exporting(
    state: AppState,
    source: ArchiveSource,
    kind: ExportKind,
    status: RwSignal<Option<String>>,
    cancelled: StoredValue<bool>,
) -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<(), String>>>> {
    Box::pin(async move {
        if source.answers(state) {
            export_from_archive(state, source, kind, status, cancelled).await
        } else {
            export_from_library(state, kind);
            Ok(())
        }
    })
} }

/// Exports the current view of the articles held in this browser (the embedded
/// collection, or the reader's own articles alone).
fn export_from_library(state: AppState, kind: ExportKind) {
    let (Some(library), Some(results)) =
        (state.library.get_untracked(), state.results.get_untracked())
    else {
        return;
    };
    let docs: Vec<u32> = results.0.matches.iter().collect();
    let export = export_docs(
        kind,
        library.index.meta_fields().names(),
        &library.articles,
        &library.annotations,
        &docs,
    );
    download(kind, export);
}

/// Exports the current archive view (with the reader's own articles in it), saying how far
/// it got in `status`.
async fn export_from_archive(
    state: AppState,
    source: ArchiveSource,
    kind: ExportKind,
    status: RwSignal<Option<String>>,
    cancelled: StoredValue<bool>,
) -> Result<(), String> {
    let filter = state.filter.get_untracked().0;
    status.set(Some("Finding the matching articles…".into()));
    let docs = source
        .matching(&filter)
        .await
        .map_err(|e| format!("Export failed: {e}"))?;
    // The reader's own articles are in the view exactly when their results are there.
    let own = state
        .library
        .get_untracked()
        .zip(state.results.get_untracked());
    let own_docs: Vec<u32> = own
        .as_ref()
        .map(|(_, results)| results.0.matches.iter().collect())
        .unwrap_or_default();
    let total = docs.len() + own_docs.len();
    if total > MAX_ARCHIVE_EXPORT {
        return Err(format!(
            "This view has {total} articles; an export from an archive takes at most \
             {MAX_ARCHIVE_EXPORT}. Narrow the view (a date range, a name, a word) and export \
             again."
        ));
    }
    let mut fields = source.field_names();
    if let Some((library, _)) = &own {
        fields.extend(library.index.meta_fields().names());
        crate::sort::unstable(&mut fields);
        fields.dedup();
    }
    let mut export = Export::new(kind, fields);
    let groups = source
        .texts_of(&docs)
        .await
        .map_err(|e| format!("Export failed: {e}"))?;
    let mut done = 0;
    for batch in groups.chunks(PARALLEL_FETCHES) {
        status.set(Some(format!("Exporting: {done} of {total} articles…")));
        // Every request of the batch starts before the first is awaited.
        let requests: Vec<_> = batch
            .iter()
            .map(|(name, _)| ArchiveSource::fetch_texts(*name))
            .collect();
        for (request, (_, listed)) in requests.into_iter().zip(batch) {
            let texts = request.await.map_err(|e| {
                format!("Export failed: a part of the archive could not be loaded ({e}).")
            })?;
            for &doc in listed {
                match texts.article(doc) {
                    Some(Ok((article, found))) => export.add(&article, &found),
                    Some(Err(e)) => return Err(format!("Export failed: {e}")),
                    None => return Err(format!("Export failed: document {doc} is missing.")),
                }
                done += 1;
            }
        }
        // Cancelled, or the menu is gone (its values disposed): stop either way.
        if cancelled.try_get_value().unwrap_or(true) {
            return Err("Export cancelled.".into());
        }
    }
    if let Some((library, _)) = &own {
        for &doc in &own_docs {
            if let Some((article, found)) = library
                .articles
                .get(doc as usize)
                .zip(library.annotations.get(doc as usize))
            {
                export.add(article, found);
            }
        }
    }
    download(kind, export);
    Ok(())
}

/// Saves the export as a file through a temporary object URL.
fn download(kind: ExportKind, export: Export) {
    let records = export.records();
    let body = export.finish();
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(&body));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(kind.mime());
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let name = kind.file_name();
    if let Ok(a) = document()
        .create_element("a")
        .map(|e| e.unchecked_into::<web_sys::HtmlAnchorElement>())
    {
        a.set_href(&url);
        a.set_download(name);
        a.set_attribute("data-export", name).ok();
        a.click();
    }
    // Remember the last export and its records for whoever asks (tests read them), then
    // free the URL.
    if let Some(body_el) = document().body() {
        let _ = body_el.set_attribute("data-last-export", name);
        let _ = body_el.set_attribute("data-last-export-records", &records.to_string());
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

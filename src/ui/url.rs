//! The URL is the state. This module reads `location.search` into a signal, writes new
//! views with `history.pushState`, and follows back/forward (`popstate`).
//!
//! Why not leptos_router: Dossier lives on any path of any static host and on `file://`, and
//! all of its state is in the query string, so path routing has nothing to match. A single
//! signal that only this module writes, always from the real URL, is the whole router.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;

/// The current query string (without `?`), kept equal to the address bar.
#[derive(Clone, Copy)]
pub struct UrlQuery(ReadSignal<String>, WriteSignal<String>);

impl UrlQuery {
    /// Reads the address bar and follows back/forward from now on.
    pub fn install() -> Self {
        let (read, write) = signal(current_search());
        let on_popstate = Closure::<dyn Fn()>::new(move || write.set(current_search()));
        if let Some(w) = web_sys::window() {
            let _ = w
                .add_event_listener_with_callback("popstate", on_popstate.as_ref().unchecked_ref());
        }
        // The listener lives as long as the page.
        on_popstate.forget();
        Self(read, write)
    }

    /// The query string, tracked.
    pub fn get(self) -> String {
        self.0.get()
    }

    /// Opens the view `query` (a query string without `?`) as a new history entry.
    pub fn navigate(self, query: &str) {
        self.write_history(query, false);
    }

    /// Replaces the current history entry (typing in the search box).
    pub fn replace(self, query: &str) {
        self.write_history(query, true);
    }

    fn write_history(self, query: &str, replace: bool) {
        if query == self.0.get_untracked() {
            return;
        }
        let Some(window) = web_sys::window() else {
            return;
        };
        let path = window.location().pathname().unwrap_or_default();
        let url = if query.is_empty() {
            path
        } else {
            format!("{path}?{query}")
        };
        if let Ok(history) = window.history() {
            let result = if replace {
                history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
            } else {
                history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
            };
            if let Err(e) = result {
                web_sys::console::warn_2(&"Dossier could not update the address bar:".into(), &e);
            }
        }
        self.1.set(query.to_string());
    }
}

fn current_search() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .map(|s| s.trim_start_matches('?').to_string())
        .unwrap_or_default()
}

//! Which facet panels have been on screen. An archive counts a view's facets for those
//! panels only ([`crate::query::Options::facet_panels`]): each facet's postings are parts
//! of their own, together most of a cold text link's bytes, and a desktop's first screen
//! shows one or two of the sidebar's panels. A panel further down is counted when the
//! reader scrolls to it, and from then on in every view, as long as the sidebar is shown
//! ([`AppState::sidebar_shown`]).
//!
//! One `IntersectionObserver` for the page; each panel is watched while it is mounted.

use super::state::AppState;
use crate::query::FacetSet;
use leptos::prelude::*;
use std::cell::RefCell;
use std::collections::HashMap;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{Element, IntersectionObserver, IntersectionObserverEntry};

/// The attribute a watched panel carries: its [`FacetSet`] bits.
const PANEL_ATTRIBUTE: &str = "data-panel";

thread_local! {
    /// The page's observer, made on the first panel watched.
    static OBSERVER: RefCell<Option<IntersectionObserver>> = const { RefCell::new(None) };
    /// The panels watched now, by a number of their own (so that a cleanup, which must be
    /// `Send`, can name its element).
    static WATCHED: RefCell<(u64, HashMap<u64, Element>)> = RefCell::new((0, HashMap::new()));
}

/// Watches `element`, the section of `panel`, until the current owner is cleaned up; once
/// any of it is on screen, `panel` joins [`AppState::panels_seen`], which the first report
/// makes `Some` whatever it says.
pub fn watch(state: AppState, element: Element, panel: FacetSet) {
    let Some(observer) = observer(state) else {
        // No observer (a browser without one): count every panel, as before panels
        // were watched.
        state.panels_seen.set(Some(FacetSet::ALL));
        return;
    };
    let _ = element.set_attribute(PANEL_ATTRIBUTE, &panel.bits().to_string());
    observer.observe(&element);
    let id = WATCHED.with_borrow_mut(|(next, watched)| {
        *next += 1;
        watched.insert(*next, element);
        *next
    });
    on_cleanup(move || {
        let element = WATCHED.with_borrow_mut(|(_, watched)| watched.remove(&id));
        if let Some(element) = element {
            OBSERVER.with_borrow(|o| o.iter().for_each(|o| o.unobserve(&element)));
        }
    });
}

/// The page's observer, made once: it adds every panel that comes on screen to the seen
/// ones.
fn observer(state: AppState) -> Option<IntersectionObserver> {
    OBSERVER.with_borrow_mut(|slot| {
        if slot.is_none() {
            let on_change = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
                let mut seen = FacetSet::NONE;
                for entry in entries.iter() {
                    let Ok(entry) = entry.dyn_into::<IntersectionObserverEntry>() else {
                        continue;
                    };
                    if !entry.is_intersecting() {
                        continue;
                    }
                    let bits = entry.target().get_attribute(PANEL_ATTRIBUTE);
                    if let Some(bits) = bits.and_then(|b| b.parse().ok()) {
                        seen = seen.with(FacetSet::from_bits(bits));
                    }
                }
                // Only a first report or a new panel wakes the views that read the set.
                let before = state.panels_seen.get_untracked();
                if before.is_none_or(|before| !before.contains(seen)) {
                    let now = before.unwrap_or(FacetSet::NONE).with(seen);
                    state.panels_seen.set(Some(now));
                }
            });
            let observer = IntersectionObserver::new(on_change.as_ref().unchecked_ref()).ok()?;
            // The observer lives as long as the page: so does its callback.
            on_change.forget();
            *slot = Some(observer);
        }
        slot.clone()
    })
}

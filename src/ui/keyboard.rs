//! Keyboard use without a mouse: `/` focuses the search box, `j`/`k` (or ↓/↑ outside text
//! fields) move between results, Enter opens the focused one (it is a link), Esc closes the
//! open article or entity page and returns to the results.

use super::state::AppState;
use crate::query::Filter;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Result links that j/k move between, in page order.
const RESULT_LINKS: &str = ".hit .hit-link, .quote-hit .quote-permalink";

/// Listens for the shortcuts on the whole window.
pub fn install(state: AppState) {
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let typing = is_text_field(ev.target());
        match ev.key().as_str() {
            "/" if !typing => {
                ev.prevent_default();
                if let Some(input) = element_by_id::<web_sys::HtmlInputElement>("search-input") {
                    let _ = input.focus();
                    input.select();
                }
            }
            "j" | "ArrowDown" if !typing => {
                ev.prevent_default();
                move_focus(1);
            }
            "k" | "ArrowUp" if !typing => {
                ev.prevent_default();
                move_focus(-1);
            }
            "Escape" => {
                if typing {
                    // Leave the field with its text: a search box would otherwise clear itself.
                    ev.prevent_default();
                    if let Some(el) = ev
                        .target()
                        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
                    {
                        let _ = el.blur();
                    }
                    return;
                }
                let filter = state.filter_now();
                if filter.article.is_some() || filter.entity.is_some() {
                    ev.prevent_default();
                    state.update(Filter::close_opened);
                }
            }
            _ => {}
        }
    });
    // The listener lives as long as the app.
    std::mem::forget(handle);
}

fn is_text_field(target: Option<web_sys::EventTarget>) -> bool {
    let Some(el) = target.and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else {
        return false;
    };
    matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
        || el.has_attribute("contenteditable")
}

fn element_by_id<T: JsCast>(id: &str) -> Option<T> {
    document().get_element_by_id(id)?.dyn_into::<T>().ok()
}

/// Focuses the next (`step` 1) or previous (-1) result link after the focused one.
fn move_focus(step: i32) {
    let Ok(list) = document().query_selector_all(RESULT_LINKS) else {
        return;
    };
    let links: Vec<web_sys::HtmlElement> = (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<web_sys::HtmlElement>().ok())
        .collect();
    if links.is_empty() {
        return;
    }
    let active = document().active_element();
    let current = links.iter().position(|l| {
        active
            .as_ref()
            .is_some_and(|a| a == l.unchecked_ref::<web_sys::Element>())
    });
    let next = match current {
        Some(i) => (i as i32 + step).clamp(0, links.len() as i32 - 1) as usize,
        None if step > 0 => 0,
        None => links.len() - 1,
    };
    let _ = links[next].focus();
}

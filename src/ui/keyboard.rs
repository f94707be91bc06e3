//! Keyboard use without a mouse: `/` focuses the search box, Enter there moves to the first
//! result, `j`/`k` (or ↓/↑ outside text fields) move between results, Enter opens the
//! focused one (it is a link), Esc closes the open article or entity page and returns to the
//! results, with focus on the result the article was opened from (so `j` goes on from there).

use super::state::AppState;
use crate::query::Filter;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Result links that j/k move between, in page order.
const RESULT_LINKS: &str = ".hit .hit-link, .quote-hit .quote-permalink";

/// Where Enter in the search box goes when nothing matched: the first way out.
const RELAX_LINKS: &str = ".relax-link";

/// Frames to wait for the results of a new view before giving up on focusing one.
const FOCUS_TRIES: u32 = 30;

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
                    let opened_from = opened_from(&filter);
                    state.update(Filter::close_opened);
                    if let Some(selector) = opened_from {
                        focus_when_shown(selector, FOCUS_TRIES);
                    }
                }
            }
            _ => {}
        }
    });
    // The listener lives as long as the app.
    std::mem::forget(handle);
}

/// The result link the open article was reached from: its quote in the quotes view, else
/// its item in the article list.
fn opened_from(filter: &Filter) -> Option<String> {
    let id = css_string(filter.article.as_deref()?);
    Some(match (filter.view, filter.quote) {
        (crate::query::View::Quotes, Some(quote)) => {
            format!(".quote-hit[data-article={id}][data-quote=\"{quote}\"] .quote-permalink")
        }
        _ => format!(".hit[data-article={id}] .hit-link"),
    })
}

/// `text` as a CSS string literal (ids come from file names and may hold any character).
fn css_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push_str(&format!("\\{:x} ", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Focuses the first element matching `selector` once the new view shows it, trying for
/// `tries` more frames (the results are rendered after the URL changes); focuses `<main>`
/// if it never appears, so `j` still starts from the results.
fn focus_when_shown(selector: String, tries: u32) {
    request_animation_frame(move || {
        let found = document()
            .query_selector(&selector)
            .ok()
            .flatten()
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
        match found {
            Some(el) => {
                let _ = el.focus();
            }
            None if tries > 0 => focus_when_shown(selector, tries - 1),
            None => {
                if let Some(main) = element_by_id::<web_sys::HtmlElement>("main") {
                    let _ = main.focus();
                }
            }
        }
    });
}

/// After Enter in the search box: focuses the first result (or, when nothing matched, the
/// first filter to remove) once the finished query's results are shown.
pub fn focus_first_result_soon() {
    focus_when_shown(format!("{RESULT_LINKS}, {RELAX_LINKS}"), FOCUS_TRIES);
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

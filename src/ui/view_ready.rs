//! `<body data-view-ready>`: present once the current view's results are on screen, absent
//! while a view is still loading. It is the one signal browser tests and the cold-link
//! benchmark (`benches/links/`) wait for, whatever the build, so they measure the moment a
//! reader can use the view rather than the moment some page load event fired.

use super::state::AppState;
use leptos::prelude::*;

const ATTRIBUTE: &str = "data-view-ready";

/// Keeps the attribute in step with the URL and `ready` (whether the current view's results
/// are there: the embedded build's results, or an archive's answer).
pub fn install(state: AppState, ready: impl Fn() -> bool + 'static) {
    // Each view change bumps the generation, so a frame scheduled for an older view never
    // marks a newer one as ready.
    let generation = StoredValue::new(0u64);
    Effect::new(move |_| {
        let _view = state.url.get();
        let ready = ready();
        let current = generation.get_value().wrapping_add(1);
        generation.set_value(current);
        mark(false);
        if ready {
            // The effect runs once the reactive graph has settled; the next animation frame
            // comes after the DOM updates of this change have been applied and laid out.
            request_animation_frame(move || {
                if generation.get_value() == current {
                    mark(true);
                }
            });
        }
    });
}

fn mark(ready: bool) {
    let Some(body) = document().body() else {
        return;
    };
    if ready {
        let _ = body.set_attribute(ATTRIBUTE, "");
    } else {
        let _ = body.remove_attribute(ATTRIBUTE);
    }
}

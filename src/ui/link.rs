//! A link to a view: a real `href` (open in a new tab, copy, share) that, on a plain click,
//! navigates in place through the history API.

use super::state::{AppState, href, plain_click};
use crate::query::Filter;
use leptos::prelude::*;

/// `<a>` to the view of `filter`.
#[component]
pub fn ViewLink(
    /// The view to open.
    filter: Filter,
    /// CSS class of the `<a>`.
    #[prop(optional, into)]
    class: String,
    /// Accessible name, when the content alone does not say where the link goes.
    #[prop(optional, into)]
    label: Option<String>,
    /// The link's content.
    children: Children,
) -> impl IntoView {
    let state = AppState::use_context();
    let target = href(&filter);
    view! {
        <a class=class href=target aria-label=label on:click=move |ev| {
            if plain_click(&ev) {
                ev.prevent_default();
                state.go(&filter);
            }
        }>{children()}</a>
    }
}

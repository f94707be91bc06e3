//! UI: Leptos components over the query engine. The URL query string is the only UI state
//! ([`url`]); every view is derived from it and from the articles loaded at start.

mod app;
mod article_list;
mod panic;
mod reader;
mod route;
mod url;

use leptos::prelude::*;

/// Starts the app: installs the panic panel, then mounts [`app::App`] on `<body>`.
pub fn start() {
    panic::install();
    if let Some(boot) = document().get_element_by_id("boot") {
        boot.remove();
    }
    leptos::mount::mount_to_body(app::App);
}

//! UI: Leptos components over the query engine. The URL query string is the only UI state
//! ([`url`]): the [`Filter`](crate::query::Filter), the view and the open article, quote or
//! entity are read from it, and every action writes a new URL.
//!
//! One file per component; [`state`] holds what they share (the URL and the loaded corpus),
//! [`loader`] parses, annotates and indexes the embedded articles in time slices so the page
//! stays responsive and shows progress.

mod app;
mod archive_entity;
mod archive_source;
mod archive_view;
mod chips;
mod curation;
mod entity_page;
mod entity_table;
mod export;
mod facets;
mod keyboard;
mod lazy;
mod link;
mod loader;
mod network;
mod offline_save;
mod on_screen;
mod own_articles;
mod own_pickers;
mod own_store;
mod own_workers;
mod panic;
mod quotes;
mod reader;
mod results;
mod state;
mod timeline;
mod url;
mod view_ready;

use leptos::prelude::*;

/// Starts the app: installs the panic panel, then mounts [`app::App`] on `<body>`.
pub fn start() {
    panic::install();
    if let Some(boot) = document().get_element_by_id("boot") {
        boot.remove();
    }
    leptos::mount::mount_to_body(app::App);
}

//! Dossier turns a folder of news articles into a static web app that explores them in the
//! browser: who is named, when things happened, who said what.
//!
//! The modules are the data flow, in order: [`corpus`] (seed files → articles), [`extract`]
//! (article → entities, dates, quotes), [`resolve`] (one entity per real thing across
//! the collection), [`index`] (annotations → postings and facets),
//! [`query`] (filter ⇄ URL, filter → results) and, in the browser build only, `ui`.
#![warn(missing_docs)]

pub mod archive;
pub mod article_source;
pub mod corpus;
pub mod embedded;
pub mod extract;
pub mod index;
pub mod own;
pub mod query;
pub mod resolve;
pub mod sort;
pub mod span;
pub mod varint;

#[cfg(target_arch = "wasm32")]
pub mod ui;

pub use span::{ByteSpan, CharIndex, CharSpan};

/// The development data (gold sets, the Reuters corpus): `$DOSSIER_SHARED`, else `../shared`
/// beside the project. For training, benchmarks and tests; the app never reads it.
#[cfg(not(target_arch = "wasm32"))]
pub fn development_data() -> std::path::PathBuf {
    std::env::var_os("DOSSIER_SHARED").map_or_else(
        || std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"),
        std::path::PathBuf::from,
    )
}

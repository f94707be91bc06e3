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
pub mod embedded;
pub mod index;
pub mod own;
pub mod query;
pub mod resolve;
pub mod sort;

// The first stages live in `crates/core` (compiled for speed, see Cargo.toml); they are
// this crate's modules by name, so every path reads `crate::extract::…` as before.
#[cfg(not(target_arch = "wasm32"))]
pub use dossier_core::development_data;
pub use dossier_core::{corpus, extract, span, varint};

#[cfg(target_arch = "wasm32")]
pub mod ui;

pub use span::{ByteSpan, CharIndex, CharSpan};

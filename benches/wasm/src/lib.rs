//! Dossier's core as a bare wasm module for the Node benchmark: the host copies the corpus
//! in, asks for an index build, then runs queries given as URL query strings.
//!
//! A benchmark harness, not the app: the app talks to the core through Leptos, never through
//! raw pointers like these.
#![allow(missing_docs, dead_code)]

extern crate self as dossier;

// The first stages are a crate of their own, compiled as the app compiles them (Cargo.toml).
pub use dossier_core::{corpus, extract, span, varint};

#[path = "../../../src/article_source.rs"]
pub mod article_source;
#[path = "../../../src/index/mod.rs"]
pub mod index;
#[path = "../../../src/own/mod.rs"]
pub mod own;
#[path = "../../../src/query/mod.rs"]
pub mod query;
#[path = "../../../src/resolve/mod.rs"]
pub mod resolve;
#[path = "../../../src/sort.rs"]
pub mod sort;
#[path = "../../workload.rs"]
mod workload;

pub use span::{ByteSpan, CharIndex, CharSpan};

use std::cell::RefCell;

#[derive(Default)]
struct State {
    articles: Vec<corpus::Article>,
    annotations: Vec<extract::Annotations>,
    index: index::Index,
}

thread_local! {
    static STATE: RefCell<State> = RefCell::default();
}

/// Room for `len` bytes the host will write into; freed by the call it is passed to.
#[unsafe(no_mangle)]
pub extern "C" fn alloc(len: usize) -> *mut u8 {
    let mut buffer = Vec::<u8>::with_capacity(len);
    let ptr = buffer.as_mut_ptr();
    std::mem::forget(buffer);
    ptr
}

/// Takes back a buffer from [`alloc`] that the host filled with `len` bytes.
fn take(ptr: *mut u8, len: usize) -> Vec<u8> {
    // SAFETY: `ptr` came from `alloc(len)` and the host wrote exactly `len` bytes into it.
    unsafe { Vec::from_raw_parts(ptr, len, len) }
}

/// Reads the corpus, given as `name \0 bytes \0` records; returns the number of articles.
#[unsafe(no_mangle)]
pub extern "C" fn load(ptr: *mut u8, len: usize) -> u32 {
    let input = take(ptr, len);
    let mut parts = input.split(|&b| b == 0);
    let mut articles = Vec::new();
    while let (Some(name), Some(bytes)) = (parts.next(), parts.next()) {
        let name = String::from_utf8_lossy(name);
        if let Ok(mut parsed) = corpus::parse_file(&name, bytes) {
            articles.append(&mut parsed);
        }
    }
    STATE.with_borrow_mut(|state| {
        state.articles = articles;
        state.annotations.clear();
        state.articles.len() as u32
    })
}

/// Bytes of article body text: what extraction reads, the unit of its MB/s.
#[unsafe(no_mangle)]
pub extern "C" fn body_bytes() -> u32 {
    STATE.with_borrow(|state| state.articles.iter().map(|a| a.body.len() as u32).sum())
}

/// Runs one stage of extraction over every article, as `cargo bench --bench extract` does:
/// 0 structure, 1 structure + entities, 2 structure + dates, 3 structure + quotes.
/// Returns how many items it found (so that nothing is optimised away).
#[unsafe(no_mangle)]
pub extern "C" fn extract_stage(stage: u32) -> u32 {
    use extract::Document;
    STATE.with_borrow(|state| {
        let mut found = 0;
        for a in &state.articles {
            let doc = Document::parse(&a.text, a.body);
            found += match stage {
                0 => doc.tokens.len(),
                1 => extract::entities::find(&doc).1.len(),
                2 => extract::dates::find(&doc, a.date).len(),
                _ => extract::quotes::find(&doc, &[], &[]).len(),
            };
        }
        found as u32
    })
}

/// Extracts annotations (front-matter tags as entities, as in the native bench).
#[unsafe(no_mangle)]
pub extern "C" fn annotate() {
    STATE.with_borrow_mut(|state| {
        state.annotations = state
            .articles
            .iter()
            .map(|a| workload::with_tags(a, extract::annotate(a)))
            .collect();
    });
}

/// Builds the index; returns its estimated heap size in bytes.
#[unsafe(no_mangle)]
pub extern "C" fn build() -> u32 {
    STATE.with_borrow_mut(|state| {
        state.index = index::Index::build(&state.articles, &state.annotations);
        state.index.heap_size() as u32
    })
}

/// Runs the search for a URL query string; returns the number of matching articles.
#[unsafe(no_mangle)]
pub extern "C" fn search(ptr: *mut u8, len: usize) -> u32 {
    let url = String::from_utf8_lossy(&take(ptr, len)).into_owned();
    let (filter, _) = query::Filter::from_query_string(&url);
    // As the search box runs it while typing (the query set's prefixes are unfinished words).
    let options = query::Options {
        last_word: query::LastWord::BeingTyped,
        ..query::Options::default()
    };
    STATE.with_borrow(|state| query::search_with(&state.index, &filter, options).total as u32)
}

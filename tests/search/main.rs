//! Index and query, tested through the public API.
//!
//! - `cli`: `dossier query` output and exit codes.
//! - `corpus`: a builder for small hand-made corpora that reads like data.
//! - `features`: each query feature (words, phrases, exclusions, OR, prefix, typos,
//!   entities, speakers, dates, sources, facets, histogram, quotes, snippets).
//! - `url`: every URL key, notices, round trips and garbage.
//! - `properties`: hit sets and facet counts against a brute-force scan of generated corpora.
//! - `reuters`: the real corpus, when it is there (skipped loudly otherwise).

mod cli;
mod corpus;
mod features;
mod properties;
mod reuters;
mod url;

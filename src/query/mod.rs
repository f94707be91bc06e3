//! Query: here is what the user asked (a [`Filter`], read from the URL), give me the
//! matching articles, quotes, facet counts, a date histogram and snippets.
//!
//! Two steps, kept apart: [`evaluate`] decides which articles match (a [`DocSet`]); the
//! collectors in [`search`] turn that set into what a view shows.
//!
//! ```
//! use dossier::{corpus::parse_file, extract::Annotations, index::Index, query::{Filter, search}};
//! let article = &parse_file("a.txt", b"---\ntitle: Talks\ndate: 2022-11-23\n---\nThe border mission.").unwrap()[0];
//! let index = Index::build(std::slice::from_ref(article), &[Annotations::default()]);
//! let (filter, notices) = Filter::from_query_string("?q=border+miss");
//! assert!(notices.is_empty());
//! assert_eq!(search(&index, &filter).total, 1);
//! ```
//!
//! [`DocSet`]: crate::index::DocSet

mod collect;
pub mod entity_profile;
pub mod entity_table;
mod eval;
pub mod export;
pub mod filter;
mod histogram;
pub mod marks;
pub mod network;
pub mod quote_list;
mod snippet;
pub mod text;
pub mod url;

pub use collect::{FacetValue, Facets, Hit, Options, QuoteHit, Results, search, search_with};
pub use eval::{Evaluation, evaluate};
pub use filter::{DateField, Filter, Notice, View};
pub use histogram::{
    Bucket, Granularity, Histogram, PLAUSIBLE_MARGIN_YEARS, Shift, overview, plausible_years,
    shift_range,
};
pub use snippet::{Snippet, snippet};
pub use text::TextQuery;

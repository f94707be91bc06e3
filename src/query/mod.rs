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
//! let (filter, notices) = Filter::from_query_string("?q=border+mission");
//! assert!(notices.is_empty());
//! assert_eq!(search(&index, &filter).total, 1);
//! ```
//!
//! [`DocSet`]: crate::index::DocSet

pub(crate) mod collect;
pub mod entity_profile;
pub mod entity_table;
pub(crate) mod eval;
pub mod export;
pub mod filter;
pub(crate) mod histogram;
pub mod marks;
pub mod network;
pub mod quote_list;
pub mod relax;
mod snippet;
pub mod text;
pub mod unknown;
pub mod url;

pub use collect::{
    Facet, FacetList, FacetSet, FacetValue, Facets, FieldFacet, Hit, Options, QuoteHit, Results,
    facet_values, search, search_with,
};
pub use eval::{Evaluation, evaluate, evaluate_with};
pub use filter::{Collection, DateField, FieldValue, Filter, Notice, Sort, View};
pub use histogram::{
    Bucket, Granularity, Histogram, MentionedKeys, PLAUSIBLE_MARGIN_YEARS, Shift, overview,
    plausible_years, shift_range,
};
pub use snippet::{Snippet, snippet};
pub use text::{LastWord, TextQuery};
pub use unknown::UnknownNames;

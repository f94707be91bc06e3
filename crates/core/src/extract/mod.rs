//! Extract: here is an article, give me its names, dates and quotes.
//!
//! [`annotate`] runs the whole stage on one article: [`structure`] finds the dateline,
//! paragraphs, sentences and tokens; `entities` finds people, organisations and places and
//! merges their aliases; `dates` finds and normalises time expressions against the
//! article's date; `quotes` finds direct speech and resolves its speaker. Every span is a
//! [`ByteSpan`] into `Article::text`; [`schema`] turns them into the character offsets of
//! the shared JSON schema.
//!
//! ```
//! let seed = include_str!("../../../../seeds/000_c9891722df91f9a5.txt");
//! let article = &dossier_core::corpus::parse_file("000_c9891722df91f9a5.txt", seed.as_bytes()).unwrap()[0];
//! let found = dossier_core::extract::annotate(article);
//! assert!(found.mentions.iter().all(|m| m.span.end <= seed.len()));
//! ```

pub mod dates;
pub mod entities;
mod model;
pub mod quotes;
pub mod schema;
pub mod structure;

pub use model::{
    Annotations, DateKind, DateMention, Entity, EntityId, EntityKind, EntityMention, Quote,
};
pub use structure::Document;

use crate::corpus::Article;

/// Finds every entity, date and quote in `article`.
pub fn annotate(article: &Article) -> Annotations {
    let doc = Document::parse(&article.text, article.body);
    let (entities, mentions) = entities::find(&doc);
    let dates = dates::find(&doc, article.date);
    let quotes = quotes::find(&doc, &entities, &mentions);
    let mut found = Annotations {
        entities,
        mentions,
        dates,
        quotes,
    };
    found.compact();
    found
}

//! Direct speech and its speaker. (Being built: see issue 3.)

use super::structure::Document;
use super::{Entity, EntityMention, Quote};

/// Every direct quotation in `doc`, with its speaker resolved among `entities`.
pub fn find(_doc: &Document<'_>, _entities: &[Entity], _mentions: &[EntityMention]) -> Vec<Quote> {
    Vec::new()
}

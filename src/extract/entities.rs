//! People, organisations and places. (Being built: see issue 3.)

use super::structure::Document;
use super::{Entity, EntityMention};

/// Every entity named in `doc`, aliases merged, and every mention in text order.
pub fn find(_doc: &Document<'_>) -> (Vec<Entity>, Vec<EntityMention>) {
    (Vec::new(), Vec::new())
}

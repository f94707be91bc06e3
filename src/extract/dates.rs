//! Time expressions normalised to TIMEX3 values. (Being built: see issue 3.)

use super::DateMention;
use super::structure::Document;
use crate::corpus::Date;

/// Every time expression in `doc`, resolved against the article's date `anchor` when known.
pub fn find(_doc: &Document<'_>, _anchor: Option<Date>) -> Vec<DateMention> {
    Vec::new()
}

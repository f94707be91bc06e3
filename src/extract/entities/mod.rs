//! People, organisations and places: a statistical tagger finds the names, then the
//! mentions of one thing within the article are merged (`Zas` = `Stanislav Zas`,
//! `CSTO` = `Collective Security Treaty Organization`, `Republic of Armenia` = `Armenia`)
//! and titles such as `CSTO Secretary General` become the person's role.
//!
//! Stages, one file each: [`tokens`] (the tagger's tokens), [`features`] and
//! [`gazetteer`] (what the tagger sees), [`model`] (the trained weights, `tagger.bin`, and
//! decoding), `mentions` (labels → name spans, document-level fixes), `merge` (spans →
//! entities with aliases and roles). [`train`] rebuilds the weights: see `src/bin/train-ner.rs`.

pub mod features;
pub mod gazetteer;
mod hashing;
mod lists;
pub mod model;
pub mod tokens;
pub mod train;

use super::structure::Document;
use super::{Entity, EntityId, EntityMention};
use model::{Model, ModelError};
use std::sync::OnceLock;

/// The shipped weights (see [`model`] for the format, `train-ner` for how they are made).
static TAGGER: &[u8] = include_bytes!("tagger.bin");

/// The shipped model, read once; an error if the embedded file is corrupt.
pub fn shipped_model() -> Result<&'static Model<'static>, &'static ModelError> {
    static MODEL: OnceLock<Result<Model<'static>, ModelError>> = OnceLock::new();
    MODEL.get_or_init(|| Model::from_bytes(TAGGER)).as_ref()
}

/// Every entity named in `doc`, aliases merged, and every mention in text order.
pub fn find(doc: &Document<'_>) -> (Vec<Entity>, Vec<EntityMention>) {
    match shipped_model() {
        Ok(model) => find_with(doc, model),
        Err(_) => (Vec::new(), Vec::new()),
    }
}

/// [`find`] with a given model.
pub fn find_with(doc: &Document<'_>, model: &Model<'_>) -> (Vec<Entity>, Vec<EntityMention>) {
    let ner = tokens::NerText::new(doc);
    let features = features::extract(doc.text, &ner);
    let labels = model::tag(&features, &ner.sentences, model);
    let mut entities: Vec<Entity> = Vec::new();
    let mut mentions = Vec::new();
    let mut i = 0;
    while i < labels.len() {
        let Some(kind) = model::kind_of(labels[i]) else {
            i += 1;
            continue;
        };
        let mut end = i + 1;
        while end < labels.len()
            && model::is_inside(labels[end])
            && model::kind_of(labels[end]) == Some(kind)
        {
            end += 1;
        }
        let span =
            crate::span::ByteSpan::new(ner.tokens[i].span.start, ner.tokens[end - 1].span.end);
        let name = doc.str(span).to_string();
        let id = EntityId::new(kind, &name);
        let entity = match entities.iter().position(|e| e.id == id) {
            Some(e) => e,
            None => {
                entities.push(Entity {
                    id,
                    kind,
                    canonical: name,
                    aliases: Vec::new(),
                    role: None,
                });
                entities.len() - 1
            }
        };
        mentions.push(EntityMention { span, entity });
        i = end;
    }
    (entities, mentions)
}

//! Robustness of quote finding on any input: no panics, spans inside the text and on char
//! boundaries, quotes in order and apart, and bounded work on pathological articles (one
//! endless sentence, marks everywhere). Test-only.

use super::find;
use crate::extract::structure::Document;
use crate::extract::{Entity, EntityId, EntityKind, EntityMention, Quote};
use crate::span::ByteSpan;

fn quotes_of(text: &str, entities: &[Entity], mentions: &[EntityMention]) -> Vec<Quote> {
    let doc = Document::parse(text, ByteSpan::new(0, text.len()));
    find(&doc, entities, mentions)
}

/// A tiny deterministic generator (xorshift) of texts mixing every kind of mark.
fn random_texts(count: usize) -> Vec<String> {
    const PIECES: &[&str] = &[
        "\"",
        "“",
        "”",
        "‘",
        "’",
        "'",
        "«",
        "»",
        " ",
        " ",
        "\n",
        "\n\n",
        "said",
        "he",
        "Zas",
        "The",
        "the",
        "Secretary",
        "General",
        ".",
        ",",
        ":",
        "é",
        "你",
        "according",
        "to",
        "Mr.",
        "J.",
        "told",
        "Stanislav",
        "of",
        "Armenia",
        "—",
        "?",
        "x",
    ];
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    (0..count)
        .map(|_| {
            let len = (next() % 80) as usize;
            (0..len)
                .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
                .collect()
        })
        .collect()
}

fn assert_well_formed(text: &str, quotes: &[Quote]) {
    let mut previous_end = 0;
    for q in quotes {
        let spans = [Some(q.span), q.speaker_span];
        for span in spans.into_iter().flatten() {
            assert!(span.start <= span.end && span.end <= text.len(), "{text:?}");
            assert!(text.is_char_boundary(span.start), "{text:?}");
            assert!(text.is_char_boundary(span.end), "{text:?}");
        }
        assert!(
            q.span.start >= previous_end,
            "overlapping quotes in {text:?}"
        );
        previous_end = q.span.end;
    }
}

#[test]
fn random_texts_never_panic_and_spans_stay_on_char_boundaries() {
    let person = Entity {
        id: EntityId::new(EntityKind::Person, "Zas"),
        kind: EntityKind::Person,
        canonical: "Zas".into(),
        aliases: Vec::new(),
        role: None,
    };
    for text in random_texts(3000) {
        assert_well_formed(&text, &quotes_of(&text, &[], &[]));
        let mentions: Vec<EntityMention> = text
            .match_indices("Zas")
            .map(|(at, _)| EntityMention {
                span: ByteSpan::new(at, at + 3),
                entity: 0,
            })
            .collect();
        let with_entities = quotes_of(&text, std::slice::from_ref(&person), &mentions);
        assert_well_formed(&text, &with_entities);
    }
}

#[test]
fn a_long_article_without_sentence_ends_stays_fast() {
    // One endless sentence of quotes, names and pronouns: every backward search must be
    // bounded, or this takes minutes instead of milliseconds.
    let text =
        "Jane Doe said: \"We stay here,\" and he said: \"No more of this,\" and ".repeat(6000);
    let started = std::time::Instant::now();
    let quotes = quotes_of(&text, &[], &[]);
    assert_eq!(quotes.len(), 12_000);
    assert!(started.elapsed().as_secs() < 20, "{:?}", started.elapsed());
    assert_well_formed(&text, &quotes);
}

//! What the reader marks in an article's text: the body cut into pieces at every boundary
//! of an entity mention, a date or a quote, each piece knowing what covers it.

use crate::extract::Annotations;
use crate::span::ByteSpan;

/// A run of text covered by the same annotations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    /// The text run.
    pub span: ByteSpan,
    /// The entity mention covering it (index into `Annotations::mentions`).
    pub mention: Option<usize>,
    /// The date covering it (index into `Annotations::dates`), unless a mention does.
    pub date: Option<usize>,
    /// The quote covering it (index into `Annotations::quotes`).
    pub quote: Option<usize>,
    /// Whether this piece ends its quote (where the speaker is shown).
    pub quote_ends: bool,
}

/// The pieces of `paragraph`, in order, covering it exactly. Each layer's spans are in text
/// order and do not overlap, so the ones touching the paragraph are found by binary search:
/// the cost is per paragraph, not per article.
pub fn pieces(paragraph: ByteSpan, marks: &Marks) -> Vec<Piece> {
    let mentions = Layer::new(&marks.mentions, paragraph);
    let dates = Layer::new(&marks.dates, paragraph);
    let quotes = Layer::new(&marks.quotes, paragraph);
    let clip = |s: ByteSpan| ByteSpan::new(s.start.max(paragraph.start), s.end.min(paragraph.end));
    let mut cuts = vec![paragraph.start, paragraph.end];
    for layer in [&mentions, &dates, &quotes] {
        for &span in layer.touching() {
            let span = clip(span);
            cuts.extend([span.start, span.end]);
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2)
        .map(|w| ByteSpan::new(w[0], w[1]))
        .filter(|p| !p.is_empty())
        .map(|span| {
            let mention = mentions.covering(span);
            let date = if mention.is_some() {
                None
            } else {
                dates.covering(span)
            };
            let quote = quotes.covering(span);
            let quote_ends = quote.is_some_and(|q| marks.quotes[q].end == span.end);
            Piece {
                span,
                mention,
                date,
                quote,
                quote_ends,
            }
        })
        .collect()
}

/// The spans of one article's annotations, by layer, gathered once for all its paragraphs.
#[derive(Debug, Clone, Default)]
pub struct Marks {
    mentions: Vec<ByteSpan>,
    dates: Vec<ByteSpan>,
    quotes: Vec<ByteSpan>,
}

impl Marks {
    /// Gathers the spans of `found`.
    pub fn new(found: &Annotations) -> Self {
        Self {
            mentions: found.mentions.iter().map(|m| m.span).collect(),
            dates: found.dates.iter().map(|d| d.span).collect(),
            quotes: found.quotes.iter().map(|q| q.span).collect(),
        }
    }
}

/// One kind of annotation, narrowed to the spans that touch a paragraph.
struct Layer<'a> {
    spans: &'a [ByteSpan],
    first: usize,
    end: usize,
}

impl<'a> Layer<'a> {
    fn new(spans: &'a [ByteSpan], paragraph: ByteSpan) -> Self {
        let first = spans.partition_point(|s| s.end <= paragraph.start);
        let end = spans
            .partition_point(|s| s.start < paragraph.end)
            .max(first);
        Self { spans, first, end }
    }

    fn touching(&self) -> &'a [ByteSpan] {
        &self.spans[self.first..self.end]
    }

    /// The index (in the whole layer) of the span that contains `piece`.
    fn covering(&self, piece: ByteSpan) -> Option<usize> {
        self.touching()
            .iter()
            .position(|s| s.contains(piece))
            .map(|i| self.first + i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{
        DateKind, DateMention, Entity, EntityId, EntityKind, EntityMention, Quote,
    };

    fn annotations() -> Annotations {
        // "\"Zas met them on May 5,\" he said."
        //  0         1         2         3
        //  0123456789012345678901234567890123
        Annotations {
            entities: vec![Entity {
                id: EntityId::new(EntityKind::Person, "Zas"),
                kind: EntityKind::Person,
                canonical: "Zas".into(),
                aliases: vec![],
                role: None,
            }],
            mentions: vec![EntityMention {
                span: ByteSpan::new(1, 4),
                entity: 0,
            }],
            dates: vec![DateMention {
                span: ByteSpan::new(17, 22),
                value: Some("XXXX-05-05".into()),
                kind: DateKind::Date,
            }],
            quotes: vec![Quote {
                span: ByteSpan::new(0, 24),
                speaker: Some("Zas".into()),
                speaker_entity: Some(0),
                speaker_span: None,
            }],
        }
    }

    #[test]
    fn pieces_cover_the_paragraph_exactly_and_know_their_marks() {
        let text = "\"Zas met them on May 5,\" he said.";
        let found = annotations();
        let pieces = pieces(ByteSpan::new(0, text.len()), &Marks::new(&found));
        let shown: Vec<(&str, bool, bool, bool)> = pieces
            .iter()
            .map(|p| {
                (
                    p.span.slice(text),
                    p.mention.is_some(),
                    p.date.is_some(),
                    p.quote.is_some(),
                )
            })
            .collect();
        assert_eq!(
            shown,
            [
                ("\"", false, false, true),
                ("Zas", true, false, true),
                (" met them on ", false, false, true),
                ("May 5", false, true, true),
                (",\"", false, false, true),
                (" he said.", false, false, false),
            ]
        );
        assert!(pieces[4].quote_ends && !pieces[3].quote_ends);
    }

    #[test]
    fn annotations_outside_the_paragraph_are_ignored_and_crossing_ones_clipped() {
        let found = annotations();
        let pieces = pieces(ByteSpan::new(10, 20), &Marks::new(&found));
        assert_eq!(pieces.first().unwrap().span.start, 10);
        assert_eq!(pieces.last().unwrap().span.end, 20);
        assert!(pieces.iter().all(|p| p.mention.is_none()));
    }
}

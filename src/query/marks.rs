//! What the reader marks in an article's text: the body cut into pieces at every boundary
//! of an entity mention, a date, a quote or a quote's speaker phrase, each piece knowing
//! what covers it.
//!
//! The speaker of a quote is marked where the text names it ("Zas said", "a senior
//! official stated", "he said"), never written into the text: inserting the speaker's name
//! after the quote repeated it whenever the attribution follows the quote, as it usually
//! does ("…do," — a senior administration official a senior administration official
//! stated). Only a quote whose speaker is not named next to it (speech that goes on from
//! the quote before) gets a separate tag, and [`Piece::speaker_tag`] says where.

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
    /// The quote whose speaker phrase covers it (index into `Annotations::quotes`): the
    /// words in the text that say who speaks.
    pub speaker: Option<usize>,
    /// Whether this piece ends a quote that has a speaker but no speaker phrase in the text,
    /// so the reader shows the speaker in a tag after it.
    pub speaker_tag: bool,
}

/// The pieces of `paragraph`, in order, covering it exactly. Each layer's spans are in text
/// order and do not overlap, so the ones touching the paragraph are found by binary search:
/// the cost is per paragraph, not per article.
pub fn pieces(paragraph: ByteSpan, marks: &Marks) -> Vec<Piece> {
    let mentions = Layer::new(&marks.mentions, paragraph);
    let dates = Layer::new(&marks.dates, paragraph);
    let quotes = Layer::new(&marks.quotes, paragraph);
    let speakers = Layer::new(&marks.speaker_spans, paragraph);
    let clip = |s: ByteSpan| ByteSpan::new(s.start.max(paragraph.start), s.end.min(paragraph.end));
    let mut cuts = vec![paragraph.start, paragraph.end];
    for layer in [&mentions, &dates, &quotes, &speakers] {
        for &span in layer.touching() {
            let span = clip(span);
            cuts.extend([span.start, span.end]);
        }
    }
    crate::sort::unstable(&mut cuts);
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
            let speaker_tag =
                quote.is_some_and(|q| marks.quotes[q].end == span.end && marks.untagged[q]);
            Piece {
                span,
                mention,
                date,
                quote,
                speaker: speakers.covering(span).map(|s| marks.speaker_quotes[s]),
                speaker_tag,
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
    /// Speaker phrases in text order, without overlaps (one phrase may attribute two quotes:
    /// the first of them is kept).
    speaker_spans: Vec<ByteSpan>,
    /// The quote each of `speaker_spans` attributes.
    speaker_quotes: Vec<usize>,
    /// Per quote: it has a speaker but no speaker phrase in the text.
    untagged: Vec<bool>,
}

impl Marks {
    /// Gathers the spans of `found`.
    pub fn new(found: &Annotations) -> Self {
        let mut phrases: Vec<(ByteSpan, usize)> = found
            .quotes
            .iter()
            .enumerate()
            .filter(|(_, q)| q.speaker.is_some())
            .filter_map(|(n, q)| q.speaker_span.filter(|s| !s.is_empty()).map(|s| (s, n)))
            .collect();
        crate::sort::by_key(&mut phrases, |&(span, n)| (span.start, span.end, n));
        let mut speaker_spans: Vec<ByteSpan> = Vec::with_capacity(phrases.len());
        let mut speaker_quotes = Vec::with_capacity(phrases.len());
        for (span, n) in phrases {
            if speaker_spans
                .last()
                .is_some_and(|last| last.end > span.start)
            {
                continue;
            }
            speaker_spans.push(span);
            speaker_quotes.push(n);
        }
        Self {
            mentions: found.mentions.iter().map(|m| m.span).collect(),
            dates: found.dates.iter().map(|d| d.span).collect(),
            quotes: found.quotes.iter().map(|q| q.span).collect(),
            speaker_spans,
            speaker_quotes,
            untagged: found
                .quotes
                .iter()
                .map(|q| q.speaker.is_some() && q.speaker_span.is_none_or(|s| s.is_empty()))
                .collect(),
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
        // No speaker phrase in the text: the speaker is tagged after the quote's last piece.
        assert!(pieces[4].speaker_tag && !pieces[3].speaker_tag);
    }

    /// Issue 13: the reader wrote the speaker after the quote although the text names them
    /// right there ("…do," — a senior administration official a senior administration
    /// official stated). The phrase is marked instead, and nothing is added to the text.
    #[test]
    fn a_speaker_named_in_the_text_is_marked_there_and_not_repeated() {
        let text = "\"We will do,\" a senior administration official stated.";
        let phrase = "a senior administration official";
        let start = text.find(phrase).unwrap();
        let found = Annotations {
            quotes: vec![Quote {
                span: ByteSpan::new(0, 14),
                speaker: Some(phrase.into()),
                speaker_entity: None,
                speaker_span: Some(ByteSpan::new(start, start + phrase.len())),
            }],
            ..Annotations::default()
        };
        let pieces = pieces(ByteSpan::new(0, text.len()), &Marks::new(&found));
        assert!(pieces.iter().all(|p| !p.speaker_tag), "{pieces:?}");
        let marked: Vec<&str> = pieces
            .iter()
            .filter(|p| p.speaker == Some(0))
            .map(|p| p.span.slice(text))
            .collect();
        assert_eq!(marked, [phrase]);
        let whole: String = pieces.iter().map(|p| p.span.slice(text)).collect();
        assert_eq!(whole, text, "the pieces are the text, nothing added");
    }

    #[test]
    fn one_phrase_attributing_two_quotes_is_marked_once() {
        let text = "\"Yes,\" he said, \"and no.\"";
        let he = ByteSpan::new(7, 9);
        let quote = |span: ByteSpan| Quote {
            span,
            speaker: Some("Zas".into()),
            speaker_entity: None,
            speaker_span: Some(he),
        };
        let found = Annotations {
            quotes: vec![quote(ByteSpan::new(0, 6)), quote(ByteSpan::new(16, 25))],
            ..Annotations::default()
        };
        let pieces = pieces(ByteSpan::new(0, text.len()), &Marks::new(&found));
        let marked: Vec<(&str, Option<usize>)> = pieces
            .iter()
            .filter(|p| p.speaker.is_some())
            .map(|p| (p.span.slice(text), p.speaker))
            .collect();
        assert_eq!(marked, [("he", Some(0))]);
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

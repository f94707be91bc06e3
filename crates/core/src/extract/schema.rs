//! The annotation schema of DESIGN.md: what the CLI prints, the app exports and the scorer
//! reads. Offsets are Unicode characters over the whole article text.

use super::Annotations;
use crate::corpus::Article;
use crate::span::{ByteSpan, CharIndex};
use serde::Serialize;

/// One article's annotations in the shared JSON schema.
#[derive(Debug, Serialize)]
pub struct ArticleRecord<'a> {
    /// Article id.
    pub id: &'a str,
    /// Display title.
    pub title: &'a str,
    /// Publication date, ISO.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Source.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<&'a str>,
    /// Entity mentions.
    pub entities: Vec<EntityRecord<'a>>,
    /// Time expressions.
    pub dates: Vec<DateRecord<'a>>,
    /// Quotes.
    pub quotes: Vec<QuoteRecord<'a>>,
}

/// An entity mention.
#[derive(Debug, Serialize)]
pub struct EntityRecord<'a> {
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// The mention as written.
    pub text: &'a str,
    /// `person`, `organization`, `place`, `misc`.
    pub kind: &'static str,
    /// Entity id.
    pub id: &'a str,
    /// Canonical name.
    pub canonical: &'a str,
    /// Role, for people who have one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<&'a str>,
}

/// A time expression.
#[derive(Debug, Serialize)]
pub struct DateRecord<'a> {
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// As written.
    pub text: &'a str,
    /// TIMEX3 value or null.
    pub value: Option<&'a str>,
    /// TIMEX3 type.
    #[serde(rename = "type")]
    pub kind: super::DateKind,
}

/// A quote.
#[derive(Debug, Serialize)]
pub struct QuoteRecord<'a> {
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// The quotation as written.
    pub text: &'a str,
    /// Speaker name or description.
    pub speaker: Option<&'a str>,
    /// Speaker entity id.
    pub speaker_id: Option<&'a str>,
}

/// The schema record of one article.
pub fn record<'a>(article: &'a Article, found: &'a Annotations) -> ArticleRecord<'a> {
    let chars = CharIndex::new(&article.text);
    let text = |span: ByteSpan| span.slice(&article.text);
    ArticleRecord {
        id: article.id.as_str(),
        title: &article.title,
        date: article.date.map(|d| d.to_string()),
        source: article.source.as_deref(),
        entities: found
            .mentions
            .iter()
            .filter_map(|m| {
                let entity = found.entities.get(m.entity)?;
                let span = chars.span(m.span);
                Some(EntityRecord {
                    start: span.start,
                    end: span.end,
                    text: text(m.span),
                    kind: entity.kind.as_str(),
                    id: entity.id.as_str(),
                    canonical: &entity.canonical,
                    role: entity.role.as_deref(),
                })
            })
            .collect(),
        dates: found
            .dates
            .iter()
            .map(|d| {
                let span = chars.span(d.span);
                DateRecord {
                    start: span.start,
                    end: span.end,
                    text: text(d.span),
                    value: d.value.as_deref(),
                    kind: d.kind,
                }
            })
            .collect(),
        quotes: found
            .quotes
            .iter()
            .map(|q| {
                let span = chars.span(q.span);
                QuoteRecord {
                    start: span.start,
                    end: span.end,
                    text: text(q.span),
                    speaker: q.speaker.as_deref(),
                    speaker_id: q
                        .speaker_entity
                        .and_then(|e| found.entities.get(e))
                        .map(|e| e.id.as_str()),
                }
            })
            .collect(),
    }
}

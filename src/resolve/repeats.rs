//! Repeated stories: an article whose body and annotations repeat an earlier article's (a
//! wire story sent again, the same story under two datelines, a collection's copies) is one
//! witness, not several. Every rule that counts articles (a name "in three articles", a half
//! "standing as such in most of its articles", a word's lower-case uses) counts the story
//! once, so copying an archive, or one story, never pushes a reading over a threshold; each
//! repeat then takes its first copy's verdicts. The decisions' article counts, the facets and
//! the hand edits' outcomes still count every article.
//!
//! A repeat is exact: the same body, byte for byte, with the same entities (kind, name, role,
//! aliases), the same mentions at the same places in the body and the same quote speakers.
//! Different front matter (id, date, source) does not matter: no rule reads it. An article
//! with a mention outside its body is never a repeat, since its front matter would matter.

use crate::corpus::Article;
use crate::extract::{Annotations, EntityKind};
use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::hash::{Hash, Hasher};

/// Which articles repeat which, found an article at a time in article order
/// ([`RepeatFinder::add`]), then fixed ([`RepeatFinder::finish`]).
#[derive(Default)]
pub struct RepeatFinder {
    /// For each article so far, the first article with its story (itself if none).
    first: Vec<u32>,
    /// Each story's fingerprint, and the first article telling it. A different story with
    /// the same 64-bit fingerprint (never seen) is kept as a story of its own, unlisted: its
    /// own repeats then count as stories too, as before this rule.
    by_fingerprint: HashMap<u64, u32>,
}

impl RepeatFinder {
    /// Adds the next article with its annotations (none: unread, a story of its own);
    /// `earlier` reads back an earlier article with its annotations, to check a repeat byte
    /// for byte.
    pub fn add<A, F>(
        &mut self,
        story: Option<(&Article, &Annotations)>,
        earlier: impl FnOnce(usize) -> Option<(A, F)>,
    ) where
        A: std::ops::Deref<Target = Article>,
        F: std::ops::Deref<Target = Annotations>,
    {
        let i = self.first.len() as u32;
        let first = match story.and_then(|(a, f)| Story::of(a, f)) {
            None => i,
            Some(story) => match self.by_fingerprint.entry(story.fingerprint()) {
                Entry::Vacant(told) => {
                    told.insert(i);
                    i
                }
                // The same fingerprint: the same story only if it is, byte for byte.
                Entry::Occupied(told) => {
                    let j = *told.get();
                    match earlier(j as usize) {
                        Some((a, f)) if Story::of(&a, &f).is_some_and(|e| e == story) => j,
                        _ => i,
                    }
                }
            },
        };
        self.first.push(first);
    }

    /// Whether article `i` (already added) repeats an earlier one.
    pub fn is_repeat(&self, i: usize) -> bool {
        self.first.get(i).is_some_and(|&f| f as usize != i)
    }

    /// The repeats found.
    pub fn finish(self) -> Repeats {
        let mut copies = vec![0u32; self.first.len()];
        for &f in &self.first {
            copies[f as usize] += 1;
        }
        Repeats {
            first: self.first,
            copies,
        }
    }
}

/// Every article's first copy, and every story's number of articles.
#[derive(Debug, Clone, Default)]
pub struct Repeats {
    first: Vec<u32>,
    /// For a story's first article, how many articles tell it; 0 for a repeat.
    copies: Vec<u32>,
}

impl Repeats {
    /// The article whose verdicts article `i` takes: the first telling its story.
    pub fn first(&self, i: usize) -> usize {
        self.first.get(i).map_or(i, |&f| f as usize)
    }

    /// Whether article `i` repeats an earlier one.
    pub fn is_repeat(&self, i: usize) -> bool {
        self.first(i) != i
    }

    /// How many articles tell the story article `i` is the first of (1 for an article not
    /// repeated; 0 for a repeat).
    pub fn copies(&self, i: usize) -> usize {
        self.copies.get(i).map_or(1, |&c| c as usize)
    }

    /// Distinct stories.
    pub fn stories(&self) -> usize {
        self.copies.iter().filter(|&&c| c > 0).count()
    }

    /// Articles that repeat an earlier one.
    pub fn repeated(&self) -> usize {
        self.first.len() - self.stories()
    }
}

/// Everything that makes two articles the same story (see the module doc): the body, the
/// entities but their ids (the kind and name make them), the mentions by their place in the
/// body, the quotes' speakers. None for an article with a mention outside its body.
#[derive(PartialEq, Hash)]
struct Story<'a> {
    body: &'a str,
    entities: Vec<(EntityKind, &'a str, Option<&'a str>, &'a [String])>,
    mentions: Vec<(usize, usize, usize)>,
    speakers: Vec<Option<usize>>,
}

impl<'a> Story<'a> {
    fn of(article: &'a Article, found: &'a Annotations) -> Option<Self> {
        let body = article.body;
        let mentions = found
            .mentions
            .iter()
            .map(|m| {
                let start = m.span.start.checked_sub(body.start)?;
                (m.span.end <= body.end).then_some((start, m.span.len(), m.entity))
            })
            .collect::<Option<Vec<_>>>()?;
        Some(Self {
            body: article.body_text(),
            entities: found
                .entities
                .iter()
                .map(|e| {
                    (
                        e.kind,
                        e.canonical.as_str(),
                        e.role.as_deref(),
                        &e.aliases[..],
                    )
                })
                .collect(),
            mentions,
            speakers: found.quotes.iter().map(|q| q.speaker_entity).collect(),
        })
    }

    fn fingerprint(&self) -> u64 {
        let mut hasher = std::hash::DefaultHasher::new();
        self.hash(&mut hasher);
        hasher.finish()
    }
}

//! Names the tagger split at "and" or at a comma: `Standard and Poor's` tagged as
//! `Standard` and `Poor`, `Goldman, Sachs and Co` as `Goldman` and `Sachs and Co`.
//!
//! A name that in half of its mentions or more (in three articles or more) directly follows
//! another name and " and ", " & " or ", " with a firm's mark (a possessive after it, or a
//! legal form ending it: `Poor's`, `Co Inc`) is the second half of a firm's name: wherever
//! it follows another name that way, the two mentions become one organisation named by the
//! whole text (a possessive after it included: `Standard and Poor's`).
//!
//! - Without the mark, two names often listed together ("Treasury and Bundesbank") would be
//!   joined.
//! - "Britain and France" is never joined: known places (the tagger's lists, country forms)
//!   are not halves of a firm's name.
//! - A name mostly seen on its own ("Reagan and Baker") is no half.
//! - A first name that ends in a legal form is a whole firm: two firms listed
//!   (`McLeod Young Weir Ltd and Nesbitt Thomson Deacon Inc`) are never one.
//! - After "and", a first half may be a capitalised word the tagger left out; after a comma
//!   it must be a name the tagger found.
//! - After "and", an organisation's ending (`Administration`, `Association`) marks the
//!   second half as a firm's mark does (`Food and Drug Administration`, tagged `Food` and
//!   `Drug Administration`).
//!
//! Two one-word names written as a pair with "and" or "&" and no firm's mark (`Wagner and
//! Brown`, `Duff and Phelps`, `Johnson and Johnson`) are one firm's name where the pair
//! stands in three articles or more and, in three of four of the articles naming it or
//! more, neither name is mentioned outside the pair: people named together are also named
//! apart in the same story ("Reagan and Baker … Baker said"), a firm's partners are not.
//! At least one of the two must be tagged a person (the error this mends: the People
//! facet's `Brown` of Wagner and Brown), neither a place or a miscellaneous name. The names
//! before the pair in a list of one-word names are the firm's too (`Donaldson, Lufkin and
//! Jenrette`; `Welsh, Carson, Anderson and Stowe`, its `Welsh` read as a nationality).
//!
//! Names the tagger cut their first word from are joined too: a name ending in a legal form
//! that in half of its mentions or more (in three articles or more) follows the same
//! capitalised word gets it back wherever it follows it (`Express Co` after `American` in 40
//! of its 60 mentions: `American Express Co`). That word must stand alone or be a
//! miscellaneous name of its own (the tagger read `American` as a nationality), never a
//! person, firm or place; a nationality written before a firm now and then (`West German
//! Dresdner Bank AG`) falls short of half.

use super::decisions::{DecisionLog, Rule};
use super::names;
use crate::corpus::Article;
use crate::extract::{Annotations, Entity, EntityId, EntityKind, EntityMention};
use crate::span::ByteSpan;
use std::collections::HashMap;

/// Articles in which a name must stand as the second half before halves are joined.
const JOIN_ARTICLES: u32 = 3;

/// The share of a pair's articles in which neither name stands outside the pair, for a
/// pair with no firm's mark to be one name.
const PAIRED_SHARE: f64 = 0.75;

/// A pair that may be one name: (first mention, or none when the first half is a single
/// capitalised word the tagger left out; second mention; joined span; whether a firm's mark
/// follows: a possessive, or a legal form ending the second half).
fn pairs<'a>(
    article: &'a Article,
    found: &'a Annotations,
) -> impl Iterator<Item = (Option<usize>, usize, ByteSpan, bool)> + 'a {
    let text = article.text.as_str();
    found
        .mentions
        .iter()
        .enumerate()
        .filter_map(move |(i, second)| {
            let before = text.get(..second.span.start)?;
            let joiner = [" and ", " & ", ", "]
                .into_iter()
                .find(|j| before.ends_with(j))?;
            let first_end = second.span.start - joiner.len();
            let previous = i
                .checked_sub(1)
                .and_then(|p| found.mentions.get(p).map(|m| (p, m)));
            let (first, start) = match previous {
                // A first name ending in its legal form is a whole firm: two firms listed
                // (`McLeod Young Weir Ltd and Nesbitt Thomson Deacon Inc`, underwriters).
                Some((_, m))
                    if m.span.end == first_end
                        && ends_in_legal_form(text.get(m.span.start..m.span.end)?) =>
                {
                    return None;
                }
                Some((p, m)) if m.span.end == first_end => (Some(p), m.span.start),
                // After a comma, only a name the tagger found: a bare capitalised word there
                // opens the sentence (`Meanwhile, Sachs and Co`).
                _ if joiner == ", " => return None,
                _ => {
                    // A single capitalised word outside every mention (`Standard` after a
                    // dateline the tagger took it into).
                    let head = text.get(..first_end)?;
                    let word_start = head
                        .char_indices()
                        .rev()
                        .take_while(|(_, c)| c.is_alphanumeric() || *c == '.')
                        .last()
                        .map(|(at, _)| at)?;
                    let word = head.get(word_start..)?;
                    let inside_previous = previous.is_some_and(|(_, m)| m.span.end > word_start);
                    let capitalised = word.chars().next().is_some_and(char::is_uppercase)
                        && word.chars().filter(|c| c.is_alphabetic()).count() >= 2;
                    if inside_previous
                        || !capitalised
                        || word == "The"
                        || names::is_known_place(word)
                    {
                        return None;
                    }
                    (None, word_start)
                }
            };
            // Known places are never halves of a firm's name (the tagger's kind is not trusted:
            // it tags `Standard` of `Standard and Poor's` a place in some articles).
            for half in first.into_iter().chain([i]) {
                let name = &found
                    .entities
                    .get(found.mentions.get(half)?.entity)?
                    .canonical;
                if names::is_known_place(name) {
                    return None;
                }
            }
            let written = text.get(second.span.start..second.span.end)?;
            let after = text.get(second.span.end..)?;
            let possessive = ["'s", "’s"];
            let written_possessive = possessive.iter().any(|p| written.contains(p));
            let legal_form = ends_in_legal_form(written);
            // An organisation's ending after "and" marks a name too (`Food and Drug
            // Administration`, tagged `Food`, a place, and `Drug Administration`): the
            // collection's share still keeps a name mostly seen alone apart ("Treasury and
            // Commerce Department").
            let organisation_ending = joiner != ", " && names::ends_like_organisation(written);
            // A possessive after it is the name's own only when nothing else marks it
            // (`Standard and Poor's`, not `Food and Drug Administration's`).
            let (end, possessive_after) = match possessive.iter().find(|p| after.starts_with(*p)) {
                Some(p) if !written_possessive && !legal_form && !organisation_ending => {
                    (second.span.end + p.len(), true)
                }
                _ => (second.span.end, false),
            };
            let marked =
                written_possessive || possessive_after || legal_form || organisation_ending;
            Some((first, i, ByteSpan::new(start, end), marked))
        })
}

/// A pair of one-word names with "and" or "&" between them and no firm's mark but a
/// possessive (`Wagner and Brown`, `Wagner and Brown's`): the first mention, the second,
/// the pair's key (the two names' keys) and the joined span, reaching back over a list of
/// one-word names before it (`Donaldson, Lufkin and Jenrette`) with those mentions.
struct Paired {
    first: usize,
    second: usize,
    key: (String, String),
    span: ByteSpan,
    listed_before: Vec<usize>,
}

fn paired<'a>(article: &'a Article, found: &'a Annotations) -> impl Iterator<Item = Paired> + 'a {
    let text = article.text.as_str();
    let one_word = move |m: &EntityMention| {
        text.get(m.span.start..m.span.end)
            .is_some_and(|w| !w.contains(char::is_whitespace) && w.chars().any(char::is_lowercase))
    };
    let kind = move |i: usize| found.entities[found.mentions[i].entity].kind;
    pairs(article, found).filter_map(move |(first, second, span, marked)| {
        let first = first?;
        let joiner = text.get(found.mentions[first].span.end..found.mentions[second].span.start)?;
        // A possessive after the pair is the sentence's (`Wagner and Brown's offer`), and
        // the only mark a pair of one-word names may carry: the others are the halves'.
        let second_end = found.mentions[second].span.end;
        let possessive_after = span.end > second_end;
        if (marked && !possessive_after) || joiner == ", " {
            return None;
        }
        let span = ByteSpan::new(span.start, second_end);
        let (a, b) = (&found.mentions[first], &found.mentions[second]);
        let kinds = [kind(first), kind(second)];
        if !one_word(a)
            || !one_word(b)
            || kinds
                .iter()
                .any(|k| matches!(k, EntityKind::Place | EntityKind::Misc))
            || !kinds.contains(&EntityKind::Person)
        {
            return None;
        }
        let key = (
            names::key(&found.entities[a.entity].canonical),
            names::key(&found.entities[b.entity].canonical),
        );
        // One-word names listed before it with commas (`Donaldson, Lufkin and Jenrette`).
        let mut listed_before = Vec::new();
        let mut start = span.start;
        let mut at = first;
        while let Some(before) = at.checked_sub(1) {
            let m = &found.mentions[before];
            // A firm's first name may read as a nationality (`Welsh, Carson, Anderson and
            // Stowe`, its `Welsh` tagged miscellaneous); a place stays a list's place.
            let listed = text.get(m.span.end..start) == Some(", ")
                && one_word(m)
                && kind(before) != EntityKind::Place
                && !names::is_known_place(&found.entities[m.entity].canonical);
            if !listed {
                break;
            }
            listed_before.push(before);
            start = m.span.start;
            at = before;
        }
        Some(Paired {
            first,
            second,
            key,
            span: ByteSpan::new(start, span.end),
            listed_before,
        })
    })
}

/// Whether neither name of the pairs with `key` is mentioned outside them in this article.
fn only_as_pair(found: &Annotations, pairs: &[Paired], key: &(String, String)) -> bool {
    let in_pairs: Vec<usize> = pairs
        .iter()
        .filter(|p| &p.key == key)
        .flat_map(|p| [p.first, p.second])
        .collect();
    let entities: Vec<usize> = in_pairs.iter().map(|&i| found.mentions[i].entity).collect();
    found
        .mentions
        .iter()
        .enumerate()
        .all(|(i, m)| !entities.contains(&m.entity) || in_pairs.contains(&i))
}

/// A firm's name the tagger cut its first word from (`American Express Co` tagged `Express
/// Co`, its `American` read as a nationality): each mention with a legal form ending it
/// (key; mention; the capitalised word right before it and where that word starts; the
/// mention of that word, if the tagger gave it one of its own, which must be a
/// miscellaneous name: an adjective, never a person, firm or place of its own).
fn heads<'a>(
    article: &'a Article,
    found: &'a Annotations,
) -> impl Iterator<Item = (String, usize, &'a str, usize, Option<usize>)> + 'a {
    let text = article.text.as_str();
    found
        .mentions
        .iter()
        .enumerate()
        .filter_map(move |(i, mention)| {
            let written = text.get(mention.span.start..mention.span.end)?;
            if !ends_in_legal_form(written) || written.split_whitespace().count() < 2 {
                return None;
            }
            let head_end = mention.span.start.checked_sub(1)?;
            let before = text.get(..head_end)?;
            if !text.get(head_end..mention.span.start)?.eq(" ") {
                return None;
            }
            let head_start = before
                .char_indices()
                .rev()
                .take_while(|(_, c)| c.is_alphabetic())
                .last()
                .map(|(at, _)| at)?;
            let head = before.get(head_start..)?;
            // A word of its own: not the end of `U.S.` or of a hyphenated word.
            let preceded_by_word = before
                .get(..head_start)?
                .chars()
                .next_back()
                .is_some_and(|c| !c.is_whitespace() && c != '(' && c != '"');
            let capitalised = head.chars().next().is_some_and(char::is_uppercase)
                && head.chars().skip(1).any(char::is_lowercase)
                && head.chars().count() >= 2;
            if preceded_by_word
                || !capitalised
                || head == "The"
                || names::is_legal_form(&head.to_lowercase())
            {
                return None;
            }
            let head_mention = i.checked_sub(1).filter(|p| {
                found
                    .mentions
                    .get(*p)
                    .is_some_and(|m| m.span.end > head_start)
            });
            if let Some(p) = head_mention {
                let m = found.mentions.get(p)?;
                let kind = found.entities.get(m.entity)?.kind;
                if m.span != ByteSpan::new(head_start, head_end) || kind != EntityKind::Misc {
                    return None;
                }
            }
            let key = names::key(&found.entities.get(mention.entity)?.canonical);
            Some((key, i, head, head_start, head_mention))
        })
}

/// Whether a mention as written ends in a legal form (`Co`, `Inc.`): a firm's mark.
fn ends_in_legal_form(written: &str) -> bool {
    written
        .split_whitespace()
        .next_back()
        .is_some_and(|w| names::is_legal_form(&w.trim_end_matches('.').to_lowercase()))
}

/// The firm names the collection shows cut from their first word (key → the word and the
/// evidence), from [`HalfCounts::heads`].
pub type Heads = HashMap<String, (String, String)>;

/// The second halves the collection marks (key → evidence), from [`HalfCounts::halves`].
pub type Halves = HashMap<String, String>;

/// The pairs of one-word names the collection shows to be one name (the two keys →
/// evidence), from [`HalfCounts::paired`].
pub type PairedNames = HashMap<(String, String), String>;

/// What the collection's evidence says may be joined, from [`HalfCounts`].
#[derive(Default)]
pub struct Joinable {
    pub halves: Halves,
    pub heads: Heads,
    pub paired: PairedNames,
}

impl Joinable {
    pub fn is_empty(&self) -> bool {
        self.halves.is_empty() && self.heads.is_empty() && self.paired.is_empty()
    }
}

/// How often each name stands as a second half, and how often it is mentioned at all,
/// counted an article at a time.
#[derive(Default)]
pub struct HalfCounts {
    as_half: HashMap<String, (u32, u32)>,
    mentioned: HashMap<String, u32>,
    /// Per firm name's key and capitalised word before it: mentions, articles.
    after_word: HashMap<(String, String), (u32, u32)>,
    /// Per pair of one-word names: articles where neither stands outside the pair,
    /// articles naming the pair.
    paired: HashMap<(String, String), (u32, u32)>,
}

impl HalfCounts {
    /// Counts one article.
    pub fn count(&mut self, article: &Article, found: &Annotations) {
        for m in &found.mentions {
            if let Some(e) = found.entities.get(m.entity) {
                *self.mentioned.entry(names::key(&e.canonical)).or_default() += 1;
            }
        }
        let mut heads_here = Vec::new();
        for (key, _, head, _, _) in heads(article, found) {
            tally(
                &mut self.after_word,
                &mut heads_here,
                (key, head.to_string()),
            );
        }
        let mut seen_here = Vec::new();
        for (_, second, _, _) in pairs(article, found).filter(|p| p.3) {
            let key = names::key(&found.entities[found.mentions[second].entity].canonical);
            tally(&mut self.as_half, &mut seen_here, key);
        }
        let paired_here: Vec<Paired> = paired(article, found).collect();
        let mut keys: Vec<&(String, String)> = paired_here.iter().map(|p| &p.key).collect();
        keys.sort();
        keys.dedup();
        for key in keys {
            let entry = self.paired.entry(key.clone()).or_default();
            entry.0 += u32::from(only_as_pair(found, &paired_here, key));
            entry.1 += 1;
        }
    }

    /// Everything the collection's evidence says may be joined.
    pub fn joinable(&self) -> Joinable {
        Joinable {
            halves: self.halves(),
            heads: self.heads(),
            paired: self.paired(),
        }
    }

    /// The pairs of one-word names that stand alone as a pair in three articles or more,
    /// and in three of four of the articles naming them or more, with the evidence.
    pub fn paired(&self) -> PairedNames {
        self.paired
            .iter()
            .filter(|(_, (alone, articles))| {
                *alone >= JOIN_ARTICLES && f64::from(*alone) >= PAIRED_SHARE * f64::from(*articles)
            })
            .map(|((a, b), (alone, articles))| {
                (
                    (a.clone(), b.clone()),
                    format!(
                        "written as a pair with \"and\", neither name mentioned outside it, in {alone} of the {articles} articles naming the pair"
                    ),
                )
            })
            .collect()
    }

    /// The firm names that follow the same capitalised word in half of their mentions or
    /// more, in three articles or more, with that word and the evidence.
    pub fn heads(&self) -> Heads {
        let mut heads = Heads::new();
        for ((key, word), (n, articles)) in &self.after_word {
            let mentioned = self.mentioned.get(key).copied().unwrap_or(0);
            if *articles < JOIN_ARTICLES || f64::from(*n) * 2.0 < f64::from(mentioned) {
                continue;
            }
            let evidence =
                format!("{n} of {mentioned} mentions follow “{word}”, in {articles} articles");
            heads.insert(key.clone(), (word.clone(), evidence));
        }
        heads
    }

    /// The names that stand as a second half often enough to be joined, with the evidence.
    pub fn halves(&self) -> Halves {
        self.as_half
            .iter()
            .filter(|(key, (n, articles))| {
                *articles >= JOIN_ARTICLES
                    && f64::from(*n) * 2.0
                        >= f64::from(self.mentioned.get(*key).copied().unwrap_or(0))
            })
            .map(|(key, (n, articles))| {
                (
                    key.clone(),
                    format!(
                        "{n} of {} mentions follow another name and \"and\" or a comma, in {articles} articles",
                        self.mentioned.get(key).copied().unwrap_or(0)
                    ),
                )
            })
            .collect()
    }
}

/// One join in an article: the mentions before the last (none when the tagger gave the
/// first part none), the last, the joined span, and the rule and evidence (none: the
/// halves' own).
type Join = (Vec<usize>, usize, ByteSpan, Option<(Rule, String)>);

/// Counts one mention of `key` in `counts` (mentions, articles), its article once: `seen`
/// holds the keys this article has counted already.
fn tally<K: Clone + Eq + std::hash::Hash>(
    counts: &mut HashMap<K, (u32, u32)>,
    seen: &mut Vec<K>,
    key: K,
) {
    let entry = counts.entry(key.clone()).or_default();
    entry.0 += 1;
    if !seen.contains(&key) {
        entry.1 += 1;
        seen.push(key);
    }
}

/// Joins the halves the collection's evidence marks in one article, in place (once
/// [`HalfCounts`] has seen every article); whether it joined any.
pub fn join_in_article(
    article: &Article,
    found: &mut Annotations,
    joinable: &Joinable,
    log: &mut DecisionLog,
) -> bool {
    let mut joins: Vec<Join> = pairs(article, found)
        .map(|(first, second, span, _)| (first.into_iter().collect(), second, span, None))
        .filter(|(_, second, _, _)| {
            let key = names::key(&found.entities[found.mentions[*second].entity].canonical);
            joinable.halves.contains_key(key.as_str())
        })
        .collect();
    joins.extend(
        heads(article, found).filter_map(|(key, second, head, start, first)| {
            let (word, evidence) = joinable.heads.get(&key).filter(|(word, _)| word == head)?;
            let end = found.mentions.get(second)?.span.end;
            let because = format!("“{word}” is cut from the name: {evidence}");
            Some((
                first.into_iter().collect(),
                second,
                ByteSpan::new(start, end),
                Some((Rule::NameHead, because)),
            ))
        }),
    );
    joins.extend(paired(article, found).filter_map(|p| {
        let evidence = joinable.paired.get(&p.key)?;
        let mut before: Vec<usize> = p.listed_before;
        before.reverse();
        before.push(p.first);
        Some((
            before,
            p.second,
            p.span,
            Some((Rule::NameHalves, evidence.clone())),
        ))
    }));
    if joins.is_empty() {
        return false;
    }
    let mut removed = vec![false; found.mentions.len()];
    let mut added = Vec::new();
    for (first, second, span, because) in joins {
        if first.iter().any(|&f| removed[f]) || removed[second] {
            continue;
        }
        let name = span
            .slice(&article.text)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let id = EntityId::new(EntityKind::Organization, &name);
        let at = match found.entities.iter().position(|e| e.id == id) {
            Some(at) => at,
            None => {
                found.entities.push(Entity {
                    id: id.clone(),
                    kind: EntityKind::Organization,
                    canonical: name.clone(),
                    aliases: Vec::new(),
                    role: None,
                });
                found.entities.len() - 1
            }
        };
        for half in first.into_iter().chain([second]) {
            let e = &found.entities[found.mentions[half].entity];
            let key = names::key(&e.canonical);
            let (rule, evidence) = because.clone().unwrap_or_else(|| {
                let evidence = joinable
                    .halves
                    .get(key.as_str())
                    .cloned()
                    .unwrap_or_else(|| {
                        format!(
                            "stands before \"and {}\"",
                            found.entities[found.mentions[second].entity].canonical
                        )
                    });
                (Rule::NameHalves, evidence)
            });
            log.merge(&e.id, &e.canonical, &id, rule, || evidence);
            removed[half] = true;
        }
        added.push(EntityMention { span, entity: at });
    }
    let mut mentions: Vec<EntityMention> = found
        .mentions
        .iter()
        .zip(&removed)
        .filter(|(_, r)| !**r)
        .map(|(m, _)| m.clone())
        .collect();
    mentions.extend(added);
    crate::sort::by_key(&mut mentions, |m| (m.span.start, m.span.end));
    found.mentions = mentions;
    // Halves with no mention left are gone from the article (the new name replaces them).
    let used: Vec<bool> = (0..found.entities.len())
        .map(|e| {
            found.mentions.iter().any(|m| m.entity == e)
                || found.quotes.iter().any(|q| q.speaker_entity == Some(e))
        })
        .collect();
    if used.iter().all(|u| *u) {
        return true;
    }
    let mut new_index = vec![None; found.entities.len()];
    let mut kept = Vec::new();
    for (i, e) in found.entities.drain(..).enumerate() {
        if used[i] {
            new_index[i] = Some(kept.len());
            kept.push(e);
        }
    }
    found.entities = kept;
    for m in &mut found.mentions {
        m.entity = new_index[m.entity].unwrap_or(m.entity);
    }
    for q in &mut found.quotes {
        q.speaker_entity = q
            .speaker_entity
            .and_then(|e| new_index.get(e).copied().flatten());
    }
    true
}

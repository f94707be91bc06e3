//! A short name alone in its article ("Baker", no full name beside it) goes to the full
//! name the collection's evidence points to: the names it appears with, and its role.
//!
//! For each candidate full name `c` ending in the short name, the score of an article is
//! `Σ idf(g) · share(c, g)` over the article's other entities `g`, where `share(c, g)` is
//! `c`'s articles that name `g` over `c`'s articles plus [`SMOOTHING`], and `idf(g) = ln(N / articles naming g)`
//! (so "U.S." counts for little, "Bundesbank" for much), plus [`ROLE_BONUS`] when the
//! article gives the short name a role that shares a word with one of `c`'s roles. The
//! short name is linked when the best score is at least [`MIN_SCORE`] and at least
//! [`DOMINANCE`] times the runner-up's; otherwise it stays apart, and the decision says so.
//!
//! A candidate named in far fewer articles than the most named one leans less:
//! [`COMMONNESS`]` · ln(its articles / the most named's)` comes off its score before the
//! runner-up comparison (not before [`MIN_SCORE`]). In 1987 news a bare "Reagan" is Ronald
//! Reagan unless the names around it say otherwise, and Nancy Reagan, named in three
//! articles, must not keep him apart on the White House she shares with him. Only rarer
//! candidates lose: a close call can tip towards the most named one, never towards a
//! rarer one, and a rarer one the names around it clearly point to still wins.
//!
//! Where the names around it do not decide, the collection's own reading of the short name
//! does: when the evidence sent it to one full name in at least [`USUAL_READING_SHARE`] of
//! the articles it decided (at least [`USUAL_READING_MIN`] of them, and no fewer than the
//! articles left undecided), it goes there too, unless the names around it lean to another
//! candidate. At 19,043 Reuters articles, the evidence made a bare "Reagan" Ronald Reagan in
//! 454 of 454 articles, so 34 more follow (one, whose names lean to Michael Reagan, stays
//! apart); a bare "Baker", split between James and Howard Baker, does not.

use super::collection::{Fate, Local, title_case};
use super::decisions::Rule;
use super::names;
use crate::extract::EntityKind;
use std::collections::{HashMap, HashSet};

/// The least evidence that links a short name to a full name.
pub const MIN_SCORE: f64 = 1.5;
/// How far the best candidate must lead the next.
pub const DOMINANCE: f64 = 2.0;
/// Articles added to a candidate's count when sharing out its co-occurrences, so that a
/// full name seen once does not outweigh one seen in dozens of articles.
pub const SMOOTHING: f64 = 3.0;
/// Evidence from a shared role word ("Treasury Secretary").
pub const ROLE_BONUS: f64 = 2.0;
/// Weight of how often a candidate is named, against the most named candidate.
pub const COMMONNESS: f64 = 0.5;
/// The share of a short name's decided articles one full name needs to take the undecided
/// ones the names around lean to it in ...
pub const USUAL_READING_SHARE: f64 = 0.9;
/// ... and the fewest such articles.
pub const USUAL_READING_MIN: u32 = 10;

/// Links the remaining one-word person names to full names by collection evidence.
/// `stories` is the collection's number of distinct stories, `N` of the idf (a repeat's
/// range is empty).
pub fn link_short_names(locals: &mut [Local], ranges: &[std::ops::Range<usize>], stories: usize) {
    // Intern every resolved entity, so articles are lists of small numbers.
    let mut ids: HashMap<(EntityKind, String), u32> = HashMap::new();
    let mut local_group: Vec<Option<u32>> = Vec::with_capacity(locals.len());
    for local in locals.iter() {
        local_group.push(local.target().map(|(k, key)| {
            let next = ids.len() as u32;
            *ids.entry((k, key.to_string())).or_insert(next)
        }));
    }
    let article_groups: Vec<Vec<u32>> = ranges
        .iter()
        .map(|r| {
            let mut g: Vec<u32> = local_group[r.clone()].iter().flatten().copied().collect();
            crate::sort::unstable(&mut g);
            g.dedup();
            g
        })
        .collect();
    let mut df = vec![0u32; ids.len()];
    for groups in &article_groups {
        for g in groups {
            df[*g as usize] += 1;
        }
    }
    let n = stories.max(1) as f64;
    let idf = |g: u32| (n / f64::from(df[g as usize].max(1))).ln();

    // Candidates: full person names by last word.
    let mut by_last_word: HashMap<&str, Vec<(u32, &str)>> = HashMap::new();
    for ((kind, key), id) in &ids {
        if *kind == EntityKind::Person
            && names::words(key).nth(1).is_some()
            && let Some(last) = names::words(key).next_back()
        {
            by_last_word
                .entry(last)
                .or_default()
                .push((*id, key.as_str()));
        }
    }
    for candidates in by_last_word.values_mut() {
        crate::sort::unstable_by_key(candidates, |(_, key)| *key);
    }
    let wanted: Vec<usize> = locals
        .iter()
        .enumerate()
        .filter(|(_, l)| {
            // Still under its own name: unlinked, or only given the kind the collection
            // votes for (a "Reagan" tagged miscellaneous here is the person Reagan).
            matches!(
                &l.fate,
                Fate::Kept {
                    kind: EntityKind::Person,
                    because: None | Some((Rule::KindVotes, _)),
                    ..
                }
            ) && names::words(&l.key).nth(1).is_none()
                && by_last_word.contains_key(&*l.key)
        })
        .map(|(i, _)| i)
        .collect();
    if wanted.is_empty() {
        return;
    }
    // Profiles of the candidates that matter: co-occurrence counts and roles.
    let candidate_ids: std::collections::HashSet<u32> = wanted
        .iter()
        .flat_map(|i| by_last_word[&*locals[*i].key].iter().map(|(id, _)| *id))
        .collect();
    let mut profiles: HashMap<u32, Profile> = HashMap::new();
    for (article, groups) in article_groups.iter().enumerate() {
        for g in groups.iter().filter(|g| candidate_ids.contains(g)) {
            let profile = profiles.entry(*g).or_default();
            profile.articles += 1;
            for other in groups {
                *profile.cooccurring.entry(*other).or_default() += 1;
            }
            for local in &locals[ranges[article].clone()] {
                if local.target().is_some()
                    && local_group[local_index(ranges, article, local)] == Some(*g)
                {
                    profile.role_words.extend(role_words(local_role(local)));
                }
            }
        }
    }
    let mut decisions: Vec<(usize, Decision)> = Vec::with_capacity(wanted.len());
    for &i in &wanted {
        let local = &locals[i];
        let candidates = &by_last_word[&*local.key];
        let own = local_group[i];
        let groups = &article_groups[local.article as usize];
        let roles = role_words(local.role.as_deref());
        let most_named = candidates
            .iter()
            .filter_map(|(c, _)| profiles.get(c).map(|p| p.articles))
            .max()
            .unwrap_or(0)
            .max(1);
        let mut scored: Vec<Scored> = candidates
            .iter()
            .map(|(id, key)| {
                let Some(profile) = profiles.get(id) else {
                    return Scored::default_for(key);
                };
                let mut evidence = 0.0;
                for g in groups {
                    if Some(*g) == own || candidates.iter().any(|(c, _)| c == g) {
                        continue;
                    }
                    if let Some(count) = profile.cooccurring.get(g) {
                        evidence +=
                            idf(*g) * f64::from(*count) / (f64::from(profile.articles) + SMOOTHING);
                    }
                }
                if roles.iter().any(|w| profile.role_words.contains(w)) {
                    evidence += ROLE_BONUS;
                }
                let rarity = (f64::from(profile.articles.max(1)) / f64::from(most_named)).ln();
                Scored {
                    key,
                    evidence,
                    leaning: (evidence + COMMONNESS * rarity).max(0.0),
                }
            })
            .collect();
        crate::sort::by(&mut scored, |a, b| {
            b.leaning.total_cmp(&a.leaning).then(a.key.cmp(b.key))
        });
        let runner_up = scored.get(1).map_or(0.0, |s| s.leaning);
        let described = scored
            .iter()
            .map(Scored::describe)
            .collect::<Vec<_>>()
            .join(", ");
        let decision = match scored.first() {
            Some(best) if best.evidence >= MIN_SCORE && best.leaning >= DOMINANCE * runner_up => {
                Decision::Linked(
                    best.key.to_string(),
                    format!("names it appears with score {described}"),
                )
            }
            _ => Decision::Undecided(
                scored
                    .first()
                    .filter(|s| s.leaning > 0.0)
                    .map(|s| s.key.to_string()),
                described,
            ),
        };
        decisions.push((i, decision));
    }
    // Where the names around a short name lean to the full name that the evidence gave it
    // in nearly every article it did decide, and those outnumber the undecided ones, that
    // full name takes it: the collection's own reading of the bare name.
    let mut decided: HashMap<&str, HashMap<&str, u32>> = HashMap::new();
    let mut undecided: HashMap<&str, HashSet<u32>> = HashMap::new();
    for (i, decision) in &decisions {
        let local = &locals[*i];
        match decision {
            Decision::Linked(key, _) => {
                *decided
                    .entry(&local.key)
                    .or_default()
                    .entry(key)
                    .or_default() += 1;
            }
            Decision::Undecided(..) => {
                undecided
                    .entry(&local.key)
                    .or_default()
                    .insert(local.article);
            }
        }
    }
    // Each short name's usual reading: the full name, its articles, all decided articles.
    let usual: HashMap<&str, (&str, u32, u32)> = decided
        .iter()
        .filter_map(|(&short, readings)| {
            let total: u32 = readings.values().sum();
            let (&full, &times) = readings
                .iter()
                .max_by_key(|(key, n)| (**n, std::cmp::Reverse(**key)))?;
            let left = undecided.get(short).map_or(0, HashSet::len) as u32;
            (times >= USUAL_READING_MIN
                && f64::from(times) >= USUAL_READING_SHARE * f64::from(total)
                && times >= left)
                .then_some((short, (full, times, total)))
        })
        .collect();
    let decisions: Vec<(usize, (Option<String>, String))> = decisions
        .iter()
        .map(|(i, decision)| {
            let decided = match decision {
                Decision::Linked(key, evidence) => (Some(key.clone()), evidence.clone()),
                Decision::Undecided(leaning, described) => {
                    match usual.get(&*locals[*i].key).filter(|(full, ..)| {
                        leaning.as_ref().is_none_or(|leaning| leaning == full)
                    }) {
                        Some(&(full, times, total)) => (
                            Some(full.to_string()),
                            format!(
                                "the collection reads it as {}: the evidence made it so in {times} of the {total} articles it decided, and the names around it lean to no other ({described})",
                                title_case(full)
                            ),
                        ),
                        None => (None, format!("no decisive evidence: {described}")),
                    }
                }
            };
            (*i, decided)
        })
        .collect();
    for (i, (key, evidence)) in decisions {
        let local = &mut locals[i];
        let own = local.key.clone();
        local.fate = Fate::Kept {
            kind: EntityKind::Person,
            key: key.clone().map_or(own, Into::into),
            because: Some(if key.is_some() {
                (Rule::CollectionEvidence, evidence.into())
            } else {
                (Rule::KeptApart, evidence.into())
            }),
            role: None,
        };
    }
}

/// What the evidence decided for one short name.
enum Decision {
    /// Linked to this full name (key), with this evidence.
    Linked(String, String),
    /// Not decided by the names around it: the candidate they lean to most (none when they
    /// lean to none), and the candidates' scores.
    Undecided(Option<String>, String),
}

/// One candidate full name's score for one short name.
struct Scored<'a> {
    key: &'a str,
    /// The names around the short name and its role: what must reach [`MIN_SCORE`].
    evidence: f64,
    /// The evidence less the rarity penalty: what must lead the runner-up by [`DOMINANCE`].
    leaning: f64,
}

impl<'a> Scored<'a> {
    fn default_for(key: &'a str) -> Self {
        Self {
            key,
            evidence: 0.0,
            leaning: 0.0,
        }
    }

    /// "Ronald Reagan 8.0", or "Nancy Reagan 3.7 (0.5 as the rarer name)".
    fn describe(&self) -> String {
        let name = title_case(self.key);
        if (self.evidence - self.leaning).abs() < 0.05 {
            format!("{name} {:.1}", self.evidence)
        } else {
            format!(
                "{name} {:.1} ({:.1} as the rarer name)",
                self.evidence, self.leaning
            )
        }
    }
}

#[derive(Default)]
struct Profile {
    articles: u32,
    cooccurring: HashMap<u32, u32>,
    role_words: std::collections::HashSet<String>,
}

fn local_index(ranges: &[std::ops::Range<usize>], article: usize, local: &Local) -> usize {
    ranges[article].start + local.entity as usize
}

fn local_role(local: &Local) -> Option<&str> {
    match &local.fate {
        Fate::Kept {
            role: Some(role), ..
        } => Some(role),
        _ => local.role.as_deref(),
    }
}

/// The capitalised words of a role that say what it is ("Treasury", "Secretary").
fn role_words(role: Option<&str>) -> Vec<String> {
    role.map(|r| {
        r.split_whitespace()
            .filter(|w| w.len() > 2 && w.chars().next().is_some_and(char::is_uppercase))
            .map(str::to_lowercase)
            .collect()
    })
    .unwrap_or_default()
}

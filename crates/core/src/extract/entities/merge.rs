//! Mentions → entities: the mentions of one real-world thing within an article share an
//! entity, named by its fullest form.
//!
//! - people: a mention whose words are a run of a longer person name joins it
//!   (`Zas`, `Stanislav` → `Stanislav Zas`), whether it comes before or after;
//! - organisations: an acronym joins the name whose initials it spells, in either order
//!   (`CSTO` → `Collective Security Treaty Organization`), and takes it as canonical;
//! - places: a formal state name joins its short form (`Republic of Armenia` → `Armenia`),
//!   and the short form is canonical so that ids agree across articles.
//!
//! Everything else merges by exact (case-insensitive) name. Roles come from [`super::roles`].

use super::hashing::{HashedMap, hash_str, hash_str_lower, mix};
use super::mentions::Mention;
use super::roles;
use super::tokens::{NerText, is_word};
use crate::extract::structure::Document;
use crate::extract::{Entity, EntityId, EntityKind, EntityMention};
use std::borrow::Cow;

/// Words an organisation's initials skip.
const MINOR_WORDS: &[&str] = &[
    "of", "the", "and", "for", "on", "in", "de", "du", "des", "la", "&",
];

/// Prefixes of formal state names (`Republic of Armenia`).
const FORMAL_STATE_PREFIXES: &[&str] = &[
    "republic of",
    "the republic of",
    "federal republic of",
    "democratic republic of",
    "people's republic of",
    "islamic republic of",
    "kingdom of",
    "the kingdom of",
    "united kingdom of",
    "state of",
    "the state of",
    "principality of",
    "grand duchy of",
    "sultanate of",
    "emirate of",
    "commonwealth of",
    "federation of",
];

/// The name as written, whitespace runs collapsed.
fn surface<'a>(doc: &Document<'a>, m: &Mention) -> Cow<'a, str> {
    collapse_whitespace(doc.str(m.span))
}

/// `written` with whitespace runs made one space and none around; borrowed when there is
/// nothing to collapse (nearly every name: words with single spaces between them).
pub fn collapse_whitespace(written: &str) -> Cow<'_, str> {
    if is_single_spaced(written) {
        return Cow::Borrowed(written);
    }
    Cow::Owned(written.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Whether `written` is ASCII words with one space between them and none around.
fn is_single_spaced(written: &str) -> bool {
    let mut after_space = true;
    for &b in written.as_bytes() {
        match b {
            b' ' if after_space => return false,
            b' ' => after_space = true,
            b if !b.is_ascii() || b.is_ascii_whitespace() => return false,
            _ => after_space = false,
        }
    }
    !after_space
}

/// The short form of a formal state name, if it is one.
pub fn formal_state_short_form(name: &str) -> Option<&str> {
    // Every prefix ends in "of": most names are ruled out without allocating.
    if !name
        .split_whitespace()
        .any(|w| w.eq_ignore_ascii_case("of"))
    {
        return None;
    }
    let lower = name.to_lowercase();
    FORMAL_STATE_PREFIXES
        .iter()
        .filter(|p| lower.starts_with(*p) && lower.len() > p.len() + 1)
        .map(|p| name.get(p.len() + 1..))
        .max_by_key(|rest| rest.map_or(0, str::len))
        .flatten()
        .map(str::trim)
}

/// Whether `word` looks like an acronym (`CSTO`, `U.N.`): 2-10 capitals, optional dots.
fn is_acronym(word: &str) -> bool {
    let mut letters = 0;
    for c in word.chars().filter(|c| *c != '.') {
        if !c.is_uppercase() {
            return false;
        }
        letters += 1;
    }
    (2..=10).contains(&letters)
}

/// The initials of a long name, minor words skipped (`Collective Security Treaty
/// Organization` → `CSTO`), or `None` for one-word names.
fn initials(words: &[&str]) -> Option<String> {
    let major: Vec<&&str> = words
        .iter()
        .filter(|w| !MINOR_WORDS.iter().any(|m| m.eq_ignore_ascii_case(w)))
        .collect();
    (major.len() >= 2).then(|| {
        major
            .iter()
            .filter_map(|w| w.chars().next())
            .flat_map(char::to_uppercase)
            .collect()
    })
}

/// One entity being built: its key words and every surface form seen.
struct Group {
    kind: EntityKind,
    canonical: String,
    /// Lowercase words of the canonical name.
    key: Vec<u64>,
    forms: Vec<String>,
    role: Option<String>,
}

/// Builds the entities of `mentions` and the mention list pointing into them.
pub fn merge(
    doc: &Document<'_>,
    ner: &NerText,
    mentions: &[Mention],
) -> (Vec<Entity>, Vec<EntityMention>) {
    // Every mention's words (as written, and their lowercase hashes), in one flat list.
    let tokens: usize = mentions.iter().map(|m| m.tokens.len()).sum();
    let mut word_text: Vec<&str> = Vec::with_capacity(tokens);
    let mut word_lower: Vec<u64> = Vec::with_capacity(tokens);
    let mut word_ranges: Vec<std::ops::Range<usize>> = Vec::with_capacity(mentions.len());
    for m in mentions {
        let start = word_text.len();
        for t in &ner.tokens[m.tokens.clone()] {
            let word = doc.str(t.span);
            if is_word(word) {
                word_text.push(word);
                word_lower.push(t.lower);
            }
        }
        word_ranges.push(start..word_text.len());
    }
    let names = |i: usize| &word_text[word_ranges[i].clone()];
    let mut groups: Vec<Group> = Vec::with_capacity(mentions.len());
    let mut owner = vec![usize::MAX; mentions.len()];
    // Indexes over the groups, so that merging stays linear in the number of mentions.
    // Keyed by hashes of the words (64 bits: a collision within one article is negligible).
    let mut by_key: HashedMap<usize> =
        HashedMap::with_capacity_and_hasher(mentions.len(), Default::default());
    let mut by_person_word: HashedMap<usize> = HashedMap::default();
    let mut by_initials: HashedMap<usize> = HashedMap::default();
    // Longest names first, so that short forms find the full name they abbreviate.
    let mut order: Vec<usize> = (0..mentions.len()).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(word_ranges[i].len()), i));
    let mut short_key = Vec::new();
    for &i in &order {
        let m = &mentions[i];
        let form = surface(doc, m);
        let short_form = (m.kind == EntityKind::Place)
            .then(|| formal_state_short_form(&form))
            .flatten();
        let key: &[u64] = match short_form {
            Some(short) => {
                short_key.clear();
                short_key.extend(short.split_whitespace().map(hash_str_lower));
                &short_key
            }
            None => &word_lower[word_ranges[i].clone()],
        };
        let joined = key.iter().fold(m.kind as u64, |h, w| mix(h, *w));
        let found = by_key.get(&joined).copied().or_else(|| match m.kind {
            EntityKind::Person => key
                .first()
                .and_then(|w| by_person_word.get(w))
                .copied()
                .filter(|&g| is_run_of(key, &groups[g].key)),
            EntityKind::Organization => acronym_letters(names(i))
                .and_then(|letters| by_initials.get(&hash_str(&letters)))
                .copied(),
            _ => None,
        });
        let g = match found {
            Some(g) => g,
            None => {
                let g = groups.len();
                if m.kind == EntityKind::Person && key.len() > 1 {
                    for w in key {
                        by_person_word.entry(*w).or_insert(g);
                    }
                }
                if m.kind == EntityKind::Organization
                    && let Some(letters) = initials(names(i))
                {
                    by_initials.entry(hash_str(&letters)).or_insert(g);
                }
                groups.push(Group {
                    kind: m.kind,
                    canonical: short_form.unwrap_or(&form).to_string(),
                    key: key.to_vec(),
                    forms: Vec::new(),
                    role: None,
                });
                g
            }
        };
        by_key.entry(joined).or_insert(g);
        if !groups[g].forms.iter().any(|f| *f == form) {
            groups[g].forms.push(form.into_owned());
        }
        owner[i] = g;
    }
    let in_mention = mention_tokens(ner, mentions);
    for (i, m) in mentions.iter().enumerate() {
        if m.kind == EntityKind::Person && groups[owner[i]].role.is_none() {
            groups[owner[i]].role = roles::role_before(doc, ner, m.tokens.start, &in_mention)
                .or_else(|| roles::role_after(doc, ner, m.tokens.end, &in_mention));
        }
    }
    entities_in_text_order(groups, &owner, mentions)
}

/// Whether each token lies inside some mention.
fn mention_tokens(ner: &NerText, mentions: &[Mention]) -> Vec<bool> {
    let mut inside = vec![false; ner.tokens.len()];
    for m in mentions {
        if let Some(slice) = inside.get_mut(m.tokens.clone()) {
            slice.fill(true);
        }
    }
    inside
}

/// The letters of a one-word acronym (`U.N.` → `UN`).
fn acronym_letters(words: &[&str]) -> Option<String> {
    match words {
        [one] if is_acronym(one) => Some(one.chars().filter(|c| *c != '.').collect()),
        _ => None,
    }
}
/// Whether `short` is a contiguous run of `long`'s words, and shorter.
fn is_run_of(short: &[u64], long: &[u64]) -> bool {
    !short.is_empty() && short.len() < long.len() && long.windows(short.len()).any(|w| w == short)
}

/// Numbers the groups by first mention and builds the output.
fn entities_in_text_order(
    groups: Vec<Group>,
    owner: &[usize],
    mentions: &[Mention],
) -> (Vec<Entity>, Vec<EntityMention>) {
    let mut index = vec![usize::MAX; groups.len()];
    let mut order = Vec::new();
    for &g in owner {
        if index[g] == usize::MAX {
            index[g] = order.len();
            order.push(g);
        }
    }
    let mut slots: Vec<Option<Group>> = groups.into_iter().map(Some).collect();
    let entities = order
        .iter()
        .filter_map(|&g| slots[g].take())
        .map(|g| Entity {
            id: EntityId::new(g.kind, &g.canonical),
            kind: g.kind,
            aliases: g
                .forms
                .iter()
                .filter(|f| **f != g.canonical)
                .cloned()
                .collect(),
            canonical: g.canonical,
            role: g.role,
        })
        .collect();
    let mentions = mentions
        .iter()
        .zip(owner)
        .map(|(m, &g)| EntityMention {
            span: m.span,
            entity: index[g],
        })
        .collect();
    (entities, mentions)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_is_collapsed_and_single_spaced_names_are_borrowed() {
        for name in ["Stanislav Zas", "CSTO", "U.S. Army"] {
            assert!(matches!(collapse_whitespace(name), Cow::Borrowed(n) if n == name));
        }
        for (written, collapsed) in [
            ("Stanislav  Zas", "Stanislav Zas"),
            ("Stanislav\nZas", "Stanislav Zas"),
            (" Zas", "Zas"),
            ("Zas ", "Zas"),
            ("Ереван\u{a0}city", "Ереван city"),
        ] {
            assert_eq!(collapse_whitespace(written), collapsed);
        }
    }

    #[test]
    fn formal_state_names_have_short_forms() {
        assert_eq!(
            formal_state_short_form("Republic of Armenia"),
            Some("Armenia")
        );
        assert_eq!(
            formal_state_short_form("People's Republic of China"),
            Some("China")
        );
        assert_eq!(formal_state_short_form("Armenia"), None);
    }

    #[test]
    fn initials_skip_minor_words() {
        let words = ["Collective", "Security", "Treaty", "Organization"];
        assert_eq!(initials(&words).as_deref(), Some("CSTO"));
        let words = ["Bank", "of", "England"];
        assert_eq!(initials(&words).as_deref(), Some("BE"));
        assert!(is_acronym("U.N.") && is_acronym("CSTO") && !is_acronym("Zas"));
    }

    #[test]
    fn runs_are_contiguous_and_shorter() {
        let long = [hash_str_lower("Stanislav"), hash_str_lower("Zas")];
        assert!(is_run_of(&long[1..], &long));
        assert!(is_run_of(&long[..1], &long));
        assert!(!is_run_of(&long, &long));
    }
}

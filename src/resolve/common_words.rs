//! One-word "names" that are ordinary words: `Electric`, `Chapter`, `Agreement` tagged as
//! people, `Trade` and `Gold` as places. The collection's own text tells them apart from
//! names: a person's name is almost never written in lower case in edited news, while
//! "electric", "chapter" and "agreement" are written that way all the time. So a one-word
//! person still under its own name is left out when the collection writes the word in lower
//! case at least a tenth as often as capitalised (and five times or more); a one-word place,
//! which may be a word by nature (`Gulf`, `West`), only when lower case is the commoner way
//! (`Trade`, `Gold`) and it is on none of the tagger's place lists; a one-word organisation
//! or miscellaneous name only when lower case is twice as common and it is on neither the
//! place lists nor the tagger's organisation list (`Dlrs`, `Budget`, `Commercial`, `fob`,
//! `Data` of Control Data; at a cost: the firm `Sharp` where no article names Sharp Corp).
//! A name the same article
//! or the collection's evidence gave a full name to was linked before this rule runs and
//! stays linked (`Drew` of `Ernest Drew`).

use super::collection::{Fate, Local};
use super::decisions::Rule;
use super::names;
use crate::corpus::Article;
use crate::extract::EntityKind;
use crate::extract::entities::gazetteer::{self, List};
use std::collections::HashMap;

/// The fewest lower-case uses that can make a name a common word.
const MIN_LOWER_CASE: u32 = 5;
/// A person's one-word name is a common word when lower-case uses are at least this share
/// of capitalised ones.
const PERSON_LOWER_SHARE: f64 = 0.1;
/// A place's one-word name is a common word when lower-case uses are at least this share.
const PLACE_LOWER_SHARE: f64 = 1.0;
/// An organisation's or a miscellaneous one-word name is a common word when lower-case
/// uses are at least this share: twice the capitalised ones, since a firm may bear a word's
/// name (`Sharp`, `Shell`) and a capitalised adjective may be a name's (`Western`, `Labour`:
/// 0.4 and 0.7 on Reuters).
const BODY_LOWER_SHARE: f64 = 2.0;

/// Drops the one-word people and places the collection writes as ordinary words, in
/// steps (the resolve stage runs in slices in the browser): the candidates, then the
/// articles counted one at a time (the part that grows with the collection), then the drops.
#[derive(Default)]
pub struct CommonWords {
    uses: HashMap<String, Uses>,
    lowered: String,
}

impl CommonWords {
    /// The candidates among `locals`: one-word people and places under their own name.
    pub fn new(locals: &[Local]) -> Self {
        Self {
            uses: locals
                .iter()
                .filter(|l| candidate(l).is_some())
                .map(|l| (l.key.to_string(), Uses::default()))
                .collect(),
            lowered: String::new(),
        }
    }

    /// Counts the candidates' lower-case and capitalised uses in one article's body (its
    /// words in capitals, headlines and datelines, say nothing).
    pub fn count(&mut self, article: &Article) {
        if self.uses.is_empty() {
            return;
        }
        for word in article
            .body_text()
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| w.len() >= 2)
        {
            let mut chars = word.chars();
            let first_upper = chars.next().is_some_and(char::is_uppercase);
            if !chars.all(char::is_lowercase) {
                continue;
            }
            if first_upper {
                self.lowered.clear();
                self.lowered
                    .extend(word.chars().flat_map(char::to_lowercase));
                if let Some(u) = self.uses.get_mut(self.lowered.as_str()) {
                    u.capitalised += 1;
                }
            } else if let Some(u) = self.uses.get_mut(word) {
                u.lower += 1;
            }
        }
    }

    /// Drops the candidates the counts show to be ordinary words.
    pub fn drop(self, locals: &mut [Local]) {
        for local in locals.iter_mut() {
            let Some(share) = candidate(local) else {
                continue;
            };
            let Some(u) = self.uses.get(&*local.key) else {
                continue;
            };
            if u.lower >= MIN_LOWER_CASE && f64::from(u.lower) >= share * f64::from(u.capitalised) {
                local.fate = Fate::Dropped(
                    Rule::CommonWord,
                    format!(
                        "the collection writes \"{}\" in lower case {} times and capitalised {} times",
                        local.key, u.lower, u.capitalised
                    )
                    .into(),
                );
            }
        }
    }
}

/// The share of capitalised uses that lower-case ones must reach for `local` to be a common
/// word, if it is a candidate at all.
fn candidate(local: &Local) -> Option<f64> {
    if !local.by_own_name() {
        return None;
    }
    let (kind, key) = local.target()?;
    let one_word = key == &*local.key
        && names::words(key).nth(1).is_none()
        && local.name.chars().all(char::is_alphabetic)
        && !names::is_all_caps(&local.name);
    // Written as the collection's capitalised words are counted: `GMt` and `PdVSA` are typed
    // acronyms, no word.
    let word_shaped = local.name.chars().skip(1).all(char::is_lowercase);
    match kind {
        EntityKind::Person if one_word => Some(PERSON_LOWER_SHARE),
        EntityKind::Place if one_word && !names::is_known_place(&local.name) => {
            Some(PLACE_LOWER_SHARE)
        }
        EntityKind::Organization | EntityKind::Misc
            if one_word
                && word_shaped
                && !names::is_known_place(&local.name)
                && !gazetteer::contains_word(List::Organization, &local.name) =>
        {
            Some(BODY_LOWER_SHARE)
        }
        _ => None,
    }
}

/// How a word is written across the collection.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct Uses {
    lower: u32,
    capitalised: u32,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::parse_file;

    #[test]
    fn uses_count_lower_case_and_capitalised_words_but_not_capitals() {
        let articles = parse_file(
            "a.txt",
            b"Title\n\nGeneral Electric makes electric motors. ELECTRIC news. Electric said.\n",
        )
        .expect("article");
        let mut words = CommonWords {
            uses: [("electric".to_string(), Uses::default())].into(),
            ..CommonWords::default()
        };
        for article in &articles {
            words.count(article);
        }
        assert_eq!(
            words.uses["electric"],
            Uses {
                lower: 1,
                capitalised: 2
            }
        );
    }
}

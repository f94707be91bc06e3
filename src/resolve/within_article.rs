//! Links inside one article: a generic word ("the Organization") to the one organisation it
//! can stand for, a one-word organisation to the one organisation it is short for (`Ford`,
//! `GM`, `Fed`), and a one-word name to the one person whose full name ends with it.

use super::collection::{Fate, Local, Name};
use super::decisions::Rule;
use super::names::{self, ShortFor};
use crate::extract::EntityKind;
use std::collections::HashSet;

/// Within each article: a generic word ("the Organization") goes to the article's one
/// organisation with that word in its name, or whose acronym ends in its initial (CSTO,
/// for Collective Security Treaty Organization), and is dropped when there is none or more
/// than one; a one-word organisation goes to the one organisation of the article whose
/// name it can be short for ([`names::short_for`]: first word, initials, clipped first
/// word) unless `firms` holds its key, and stays apart when there are several; a one-word name goes to the one person of
/// the article whose full name ends in it, and stays apart when there are several.
pub fn link_within_articles(
    locals: &mut [Local],
    ranges: &[std::ops::Range<usize>],
    firms: &HashSet<String>,
    towns: &HashSet<Name>,
) {
    // One-word names some article tags an organisation: a "place" among them may be a firm.
    let tagged_organisation: HashSet<Name> = locals
        .iter()
        .filter(|l| l.tagged == EntityKind::Organization && names::words(&l.key).nth(1).is_none())
        .map(|l| Name::clone(&l.key))
        .collect();
    for range in ranges {
        let article = &mut locals[range.clone()];
        let snapshot: Vec<(Option<(EntityKind, Name)>, Name)> = article
            .iter()
            .map(|l| {
                let target = match &l.fate {
                    Fate::Kept { kind, key, .. } => Some((*kind, Name::clone(key))),
                    Fate::Dropped(..) => None,
                };
                (target, Name::clone(&l.name))
            })
            .collect();
        for (i, local) in article.iter_mut().enumerate() {
            if !local.by_own_name() || names::words(&local.key).nth(1).is_some() {
                continue;
            }
            let Some((kind, _)) = local.target() else {
                continue;
            };
            let word = local.key.to_string();
            let others: Vec<(EntityKind, &str, &str)> = snapshot
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != i)
                .filter_map(|(_, (t, name))| t.as_ref().map(|(k, key)| (*k, &**key, &**name)))
                .collect();
            if kind == EntityKind::Organization && names::is_generic_organisation_word(&local.name)
            {
                let word = word.trim_end_matches('s').to_string();
                let word = if names::is_generic_organisation_word(&word) {
                    word
                } else {
                    local.key.to_string()
                };
                let initial = word.chars().next().unwrap_or(' ');
                let mut candidates: Vec<&str> = others
                    .iter()
                    .filter(|(k, key, name)| {
                        *k == EntityKind::Organization
                            && *key != word
                            && (names::words(key).any(|w| w == word)
                                || (names::is_acronym(name)
                                    && name
                                        .to_lowercase()
                                        .trim_end_matches('.')
                                        .ends_with(initial)))
                    })
                    .map(|(_, key, _)| *key)
                    .collect();
                crate::sort::unstable(&mut candidates);
                candidates.dedup();
                match candidates.as_slice() {
                    [one] => {
                        let evidence = if names::words(one).any(|w| w == word) {
                            format!(
                                "the article's only organisation named with “{}”",
                                local.name
                            )
                        } else {
                            format!(
                                "the article's only organisation named with “{}” or by an acronym ending in {}",
                                local.name,
                                initial.to_uppercase()
                            )
                        };
                        local.link(
                            EntityKind::Organization,
                            one.to_string(),
                            Rule::GenericWordInArticle,
                            evidence,
                        );
                    }
                    [] => {
                        local.fate = Fate::Dropped(
                            Rule::GenericWord,
                            "a generic word; the article names no organisation with it".into(),
                        )
                    }
                    several => {
                        local.fate = Fate::Dropped(
                            Rule::GenericWord,
                            format!(
                                "a generic word; the article names {} organisations with it",
                                several.len()
                            )
                            .into(),
                        )
                    }
                }
                continue;
            }
            let ends_a_person = |key: &str| {
                names::words(key).nth(1).is_some()
                    && names::words(key).next_back() == Some(word.as_str())
            };
            // A one-word "person" in an article naming no person it could be the surname of
            // but a firm it is a word of is that firm (`Phillips` beside `Phillips Petroleum
            // Co`, `Disney` beside `Walt Disney Co`).
            // A "person" the article also names with a legal form is that firm (`Valor`
            // beside `Valor PLC`: one key, two kinds, and the legal form decides).
            if kind == EntityKind::Person
                && let Some((_, key, name)) = others.iter().find(|(k, key, name)| {
                    *k == EntityKind::Organization
                        && *key == &*local.key
                        && names::has_legal_form(name)
                })
            {
                let evidence = format!("tagged person, but the article names it {name}");
                local.link(
                    EntityKind::Organization,
                    key.to_string(),
                    Rule::LegalForm,
                    evidence,
                );
                continue;
            }
            let firm_tagged_person = kind == EntityKind::Person
                && !others
                    .iter()
                    .any(|(k, key, _)| *k == EntityKind::Person && ends_a_person(key));
            // A "place" that is the first word of one of the article's firms is that firm
            // (`Standard` beside `Standard Oil Co`, tagged a place six times in one story)
            // when some article tags the word alone an organisation, unless the lists know
            // it as a place or an article writes it as a place's, as a dateline's town
            // (`Providence` beside `Providence Securities Inc`, a Providence, R.I. firm) or
            // before `province` (`Jiangsu`). The tagger never reads a cut `Hong` of Hong
            // Kong as a firm alone.
            let firm_tagged_place = kind == EntityKind::Place
                && tagged_organisation.contains(&local.key)
                && !names::is_known_place(&local.name)
                && !towns.contains(&local.key);
            // A name the collection gives a firm with a legal form is that firm (`Salomon`
            // is Salomon Inc, not Salomon Brothers Inc; `Texaco` is Texaco Inc); a "person"
            // beside a firm it can stand for is that firm whatever the collection names
            // (`Disney`, of `The Disney Co` too, beside `Walt Disney Co`).
            if (kind == EntityKind::Organization || firm_tagged_person || firm_tagged_place)
                && (firm_tagged_person || !firms.contains(&*local.key))
            {
                // (key, how, the name as the article writes it: evidence quotes it, since a
                // key in title case reads `Us Department Of Agriculture`)
                let mut fulls: Vec<(&str, ShortFor, &str)> = others
                    .iter()
                    .filter(|(k, _, _)| *k == EntityKind::Organization)
                    .filter_map(|(_, key, name)| {
                        let how = names::short_for(&local.name, &local.key, name, key)?;
                        Some((*key, how, *name))
                    })
                    // A later word stands for the firm only where the tagger read it as
                    // a person, a surname the firm is named for (`Disney` beside `Walt
                    // Disney Co`), and the article names no person it could be the
                    // surname of.
                    .filter(|(_, how, _)| match how {
                        ShortFor::FirstWord => true,
                        ShortFor::LaterWord => firm_tagged_person,
                        ShortFor::Initials | ShortFor::Clipping => kind == EntityKind::Organization,
                    })
                    .collect();
                crate::sort::unstable(&mut fulls);
                fulls.dedup_by_key(|(key, _, _)| *key);
                // A first word over later words (`Douglas` beside `Douglas Aircraft Co` and
                // `McDonnell Douglas Corp`).
                if fulls.len() > 1
                    && fulls
                        .iter()
                        .filter(|(_, how, _)| *how == ShortFor::FirstWord)
                        .count()
                        == 1
                {
                    fulls.retain(|(_, how, _)| *how == ShortFor::FirstWord);
                }
                match fulls.as_slice() {
                    [] => {}
                    [(one, how, written)] => {
                        let evidence = format!(
                            "“{}” is {} {written}, the article's only organisation it can stand for",
                            local.name,
                            how.describe(),
                        );
                        local.link(
                            EntityKind::Organization,
                            one.to_string(),
                            Rule::ShortFormInArticle,
                            evidence,
                        );
                        continue;
                    }
                    // `Salomon` in an article naming Salomon Inc and Salomon Brothers Inc.
                    _ => continue,
                }
            }
            // (key, the name as the article writes it)
            let mut people: Vec<(&str, &str)> = others
                .iter()
                .filter(|(k, key, _)| *k == EntityKind::Person && ends_a_person(key))
                .map(|(_, key, name)| (*key, *name))
                .collect();
            crate::sort::unstable(&mut people);
            people.dedup_by_key(|(key, _)| *key);
            match people.as_slice() {
                [(one, written)] => {
                    let evidence = format!("same article names {written}");
                    local.link(
                        EntityKind::Person,
                        one.to_string(),
                        Rule::SameArticleFullName,
                        evidence,
                    );
                }
                [] => {}
                several if kind == EntityKind::Person => {
                    let evidence = format!(
                        "same article names {}",
                        several
                            .iter()
                            .map(|(_, written)| *written)
                            .collect::<Vec<_>>()
                            .join(" and ")
                    );
                    local.link(EntityKind::Person, word.clone(), Rule::KeptApart, evidence);
                }
                _ => {}
            }
        }
    }
}

/// Within each article: a body many countries share under one name (`Treasury`, `Finance
/// Ministry`, `Central Bank`), written right after one country or nationality the tagger
/// found apart (`the Italian Treasury`, `Japan's Finance Ministry`), is that country's body
/// in the whole article, named as written: not every country's `Treasury` in one entity.
pub fn link_bodies_written_with_country(locals: &mut [Local], with_country: &[(u32, Name)]) {
    for (at, written) in with_country {
        let Some(local) = locals.get_mut(*at as usize) else {
            continue;
        };
        if local.by_own_name() && matches!(local.target(), Some((EntityKind::Organization, _))) {
            let evidence = format!("the article writes {written}");
            local.link(
                EntityKind::Organization,
                names::key(written),
                Rule::CountryInArticle,
                evidence,
            );
        }
    }
}

/// Within each article: an organisation's name that another organisation of the article
/// gives with a country or nationality before it (`Treasury` beside `U.S. Treasury`,
/// `National Bank` beside `Swiss National Bank`) is that organisation, when only one such
/// name is there. Not a city's or a state's (the `Federal Reserve` of a story naming the
/// `New York Federal Reserve` is the system, not the branch), nor a name with a legal
/// form. The article says which country's body
/// it is; without that, `Treasury` stays on its own (a London story's `Treasury` is
/// Britain's), and the collection does not carry the verdict to other articles.
pub fn link_country_less_names(locals: &mut [Local], ranges: &[std::ops::Range<usize>]) {
    for range in ranges {
        let article = &mut locals[range.clone()];
        // (key as extraction gave it, resolved key, how many of the key's words the country
        // takes, the name as written) of the article's organisations written with a country
        // before them.
        let with_country: Vec<(Name, Name, usize, Name)> = article
            .iter()
            .filter_map(|l| {
                let (kind, target) = l.target()?;
                if kind != EntityKind::Organization {
                    return None;
                }
                let written: Vec<&str> = l.name.split_whitespace().collect();
                let country_words = (1..written.len().min(3)).find(|&n| {
                    let country = written[..n].join(" ");
                    names::is_country_or_nationality(&country)
                })?;
                Some((
                    Name::clone(&l.key),
                    Name::from(target),
                    country_words,
                    Name::clone(&l.name),
                ))
            })
            .collect();
        if with_country.is_empty() {
            continue;
        }
        for local in article.iter_mut() {
            // A firm's name with its legal form is the parent, not the country's
            // subsidiary (`Hoechst AG` beside `American Hoechst Corp`).
            if !local.by_own_name()
                || !matches!(local.target(), Some((EntityKind::Organization, _)))
                || names::has_legal_form(&local.name)
            {
                continue;
            }
            let mut fulls: Vec<(&Name, &Name)> = with_country
                .iter()
                .filter(|(key, _, country_words, _)| {
                    let mut words = names::words(key);
                    // The key without the country's words is this name's key.
                    words.by_ref().take(*country_words).count() == *country_words
                        && words.eq(names::words(&local.key))
                })
                .map(|(_, target, _, written)| (target, written))
                .collect();
            fulls.sort_unstable();
            fulls.dedup_by_key(|(target, _)| *target);
            if let [(full, written)] = fulls.as_slice() {
                let evidence = format!("the article also names it {written}");
                let full = Name::clone(full);
                local.link(
                    EntityKind::Organization,
                    full,
                    Rule::CountryInArticle,
                    evidence,
                );
            }
        }
    }
}

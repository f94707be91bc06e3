//! Hit sets and facet counts against a brute-force scan, on generated corpora.

use crate::corpus::{Corpus, ORG, PERSON, PLACE};
use dossier::query::{Filter, search};
use proptest::prelude::*;

const WORDS: [&str; 6] = ["oil", "border", "talks", "wheat", "mission", "grain"];
const NAMES: [(&str, dossier::extract::EntityKind); 4] = [
    ("Zas", PERSON),
    ("CSTO", ORG),
    ("Armenia", PLACE),
    ("Russia", PLACE),
];

/// One generated article: word choices, entity choices, a day of 1987.
type Spec = (Vec<usize>, Vec<usize>, u8);

fn build(specs: &[Spec]) -> Corpus {
    let mut c = Corpus::new();
    for (i, (words, names, day)) in specs.iter().enumerate() {
        let mut text: Vec<&str> = words.iter().map(|&w| WORDS[w]).collect();
        text.extend(names.iter().map(|&n| NAMES[n].0));
        c = c
            .article(&format!("d{i}"), &text.join(" "))
            .date(&format!("1987-03-{:02}", day));
        for &n in names {
            c = c.mention(NAMES[n].0, NAMES[n].1, NAMES[n].0);
        }
    }
    c
}

fn spec() -> impl Strategy<Value = Spec> {
    (
        prop::collection::vec(0..WORDS.len(), 0..6),
        prop::collection::vec(0..NAMES.len(), 0..3),
        1u8..=28,
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn hits_and_facet_counts_agree_with_a_brute_force_scan(
        specs in prop::collection::vec(spec(), 1..40),
        word in 0..WORDS.len(),
        name in prop::option::of(0..NAMES.len()),
        to_day in 1u8..=28,
    ) {
        let corpus = build(&specs);
        let index = corpus.index();
        let entity_id = |n: usize| dossier::extract::EntityId::new(NAMES[n].1, NAMES[n].0);
        let mut url = format!("q=%22{}%22&to=1987-03-{:02}", WORDS[word], to_day);
        if let Some(n) = name {
            url.push_str(&format!("&e={}", entity_id(n)));
        }
        let (filter, _) = Filter::from_query_string(&url);
        let results = search(&index, &filter);

        let expected: Vec<u32> = specs.iter().enumerate().filter(|(_, (words, names, day))| {
            words.contains(&word) && *day <= to_day && name.is_none_or(|n| names.contains(&n))
        }).map(|(i, _)| i as u32).collect();
        prop_assert_eq!(results.matches.iter().collect::<Vec<_>>(), expected.clone());
        prop_assert_eq!(results.total, expected.len());

        for facet in [&results.facets.people, &results.facets.organizations, &results.facets.places] {
            for value in &facet.values {
                let n = NAMES.iter().position(|(name, kind)| entity_id_of(name, *kind) == value.key).unwrap_or(usize::MAX);
                let brute = expected.iter().filter(|&&d| specs[d as usize].1.contains(&n)).count();
                prop_assert_eq!(value.count as usize, brute, "{}", value.key);
            }
        }
        let histogram_total: u32 = results.histogram.buckets.iter().map(|b| b.count).sum();
        prop_assert_eq!(histogram_total as usize, expected.len());
    }
}

fn entity_id_of(name: &str, kind: dossier::extract::EntityKind) -> String {
    dossier::extract::EntityId::new(kind, name).0
}

/// A text query of exact words: groups of (negated, word) units joined by OR.
type Query = Vec<Vec<(bool, usize)>>;

fn text_of(query: &Query) -> String {
    let groups: Vec<String> = query
        .iter()
        .map(|group| {
            let units: Vec<String> = group
                .iter()
                .map(|&(negated, w)| format!("{}\"{}\"", if negated { "-" } else { "" }, WORDS[w]))
                .collect();
            units.join(" OR ")
        })
        .collect();
    groups.join(" ")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn or_and_exclusions_agree_with_a_brute_force_scan(
        specs in prop::collection::vec(spec(), 1..30),
        query in prop::collection::vec(
            prop::collection::vec((any::<bool>(), 0..WORDS.len()), 1..3), 1..4),
    ) {
        let corpus = build(&specs);
        let filter = Filter { text: text_of(&query), ..Filter::default() };
        let results = search(&corpus.index(), &filter);
        let expected: Vec<u32> = specs.iter().enumerate().filter(|(_, (words, _, _))| {
            query.iter().all(|group| group.iter().any(|&(negated, w)| words.contains(&w) != negated))
        }).map(|(i, _)| i as u32).collect();
        prop_assert_eq!(results.matches.iter().collect::<Vec<_>>(), expected, "{}", filter.text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn phrases_agree_with_a_brute_force_scan(
        specs in prop::collection::vec(spec(), 1..30),
        phrase in prop::collection::vec(0..WORDS.len(), 2..4),
    ) {
        let corpus = build(&specs);
        let words: Vec<&str> = phrase.iter().map(|&w| WORDS[w]).collect();
        let filter = Filter { text: format!("\"{}\"", words.join(" ")), ..Filter::default() };
        let results = search(&corpus.index(), &filter);
        let expected: Vec<u32> = specs.iter().enumerate().filter(|(_, (text, _, _))| {
            text.windows(phrase.len()).any(|w| w == phrase.as_slice())
        }).map(|(i, _)| i as u32).collect();
        prop_assert_eq!(results.matches.iter().collect::<Vec<_>>(), expected, "{}", filter.text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn any_text_query_is_searched_without_panicking(
        specs in prop::collection::vec(spec(), 1..10),
        text in "[a-z\"\\- ORé]{0,40}",
    ) {
        let corpus = build(&specs);
        let results = search(&corpus.index(), &Filter { text, ..Filter::default() });
        prop_assert!(results.total <= specs.len());
        for hit in &results.hits {
            let article = &corpus.articles[hit.doc as usize];
            let s = dossier::query::snippet(article, &results.highlight, 40);
            prop_assert!(s.highlights.iter().all(|h| article.text.get(h.start..h.end).is_some()));
        }
    }
}

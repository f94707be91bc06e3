//! Each query feature on a four-article corpus shaped like the seed.

use crate::corpus::{Corpus, ORG, PERSON, PLACE};
use dossier::query::{Granularity, snippet};

fn corpus() -> Corpus {
    Corpus::new()
        .article(
            "a1",
            "The CSTO border mission will stay in Armenia, Stanislav Zas said. \"Of course not,\" Zas said on November 23.",
        )
        .date("2022-11-23")
        .source("ArmInfo")
        .mention("CSTO", ORG, "CSTO")
        .mention("Stanislav Zas", PERSON, "Stanislav Zas")
        .mention("Armenia", PLACE, "Armenia")
        .quote("\"Of course not,\"", "Stanislav Zas")
        .mentions_date("November 23", "XXXX-11-23")
        .article(
            "a2",
            "Azerbaijan rejected the mission on September 13. The Prime Minister of Armenia said: \"We expected more.\"",
        )
        .date("2022-09-14")
        .source("Reuters")
        .mention("Azerbaijan", PLACE, "Azerbaijan")
        .mention("Armenia", PLACE, "Armenia")
        .quote("\"We expected more.\"", "the Prime Minister of Armenia")
        .mentions_date("September 13", "2022-09-13")
        .article("a3", "Café owners in Zürich discussed the borders of Europe.")
        .date("2021-05-02")
        .source("Reuters")
        .article("a4", "Missions abroad: the CSTO and Russia will meet in 2023.")
        .title("CSTO plans")
        .date("2022-10")
        .mention("CSTO", ORG, "CSTO")
        .mention("Russia", PLACE, "Russia")
        .mentions_date("2023", "2023")
}

#[test]
fn words_match_whatever_their_case_and_accents() {
    let c = corpus();
    assert_eq!(c.matching("q=zurich+"), ["a3"]);
    assert_eq!(c.matching("q=CAF%C3%89+"), ["a3"]);
}

#[test]
fn every_word_must_match() {
    assert_eq!(corpus().matching("q=border+mission+"), ["a1"]);
}

#[test]
fn a_given_title_is_searched_too() {
    assert_eq!(corpus().matching("q=plans+"), ["a4"]);
}

#[test]
fn a_phrase_needs_its_words_adjacent_and_in_order() {
    let c = corpus();
    assert_eq!(c.matching("q=%22border+mission%22"), ["a1"]);
    assert!(c.matching("q=%22mission+border%22").is_empty());
}

#[test]
fn a_minus_excludes_articles() {
    assert_eq!(corpus().matching("q=mission+-azerbaijan+"), ["a1", "a4"]);
}

#[test]
fn or_accepts_either_word() {
    assert_eq!(corpus().matching("q=azerbaijan+OR+russia+"), ["a2", "a4"]);
}

#[test]
fn the_last_word_matches_as_a_prefix_only_while_typing() {
    let c = corpus();
    assert_eq!(c.matching_while_typing("q=azerb"), ["a2"]);
    assert!(c.matching_while_typing("q=azerb+").is_empty());
}

/// Issue 13: a shared link `q=oil` ranked an "oilcake" story first.
#[test]
fn a_link_matches_whole_words_only() {
    let c = Corpus::new()
        .article("cake", "Oilcake and oilmeal exports rose.")
        .article("oil", "Oil prices fell.");
    assert_eq!(c.matching("q=oil"), ["oil"]);
    assert_eq!(c.matching_while_typing("q=oil"), ["cake", "oil"]);
    assert_eq!(c.hits("q=oil"), ["oil"]);
}

/// Issue 13: `"oil pri` showed no result while typing.
#[test]
fn an_unclosed_phrase_is_a_phrase_of_what_is_typed() {
    let c = Corpus::new()
        .article("a", "Oil prices fell as oil output rose.")
        .article("b", "Prices of oil rose.")
        .article("c", "Oil pricing is opaque.");
    assert_eq!(c.matching_while_typing("q=%22oil+pri"), ["a", "c"]);
    assert!(
        c.matching("q=%22oil+pri").is_empty(),
        "a link's phrase is whole words"
    );
    assert_eq!(c.matching("q=%22oil+prices"), ["a"]);
    assert_eq!(c.matching_while_typing("q=%22oil+prices%22"), ["a"]);
}

#[test]
fn sort_orders_by_date_newest_or_oldest_whatever_the_text() {
    let c = corpus();
    assert_eq!(c.hits("sort=newest"), ["a1", "a4", "a2", "a3"]);
    assert_eq!(c.hits("sort=oldest"), ["a3", "a2", "a4", "a1"]);
    assert_eq!(c.hits("q=missions+&sort=oldest"), ["a2", "a4", "a1"]);
    assert_eq!(c.hits("q=missions+")[0], "a4", "relevance by default");
}

#[test]
fn undated_articles_come_last_in_either_order() {
    let c = Corpus::new()
        .article("undated", "Oil.")
        .article("old", "Oil.")
        .date("1987-02-26")
        .article("new", "Oil.")
        .date("1987-03-02");
    assert_eq!(c.hits("sort=oldest"), ["old", "new", "undated"]);
    assert_eq!(c.hits("sort=newest"), ["new", "old", "undated"]);
}

fn with_metadata() -> Corpus {
    Corpus::new()
        .article("m1", "Crude oil exports.")
        .meta("topics", "crude")
        .meta("places", "usa")
        .meta("provenance", "NEWID=1")
        .author("Jane Doe")
        .article("m2", "Crude output.")
        .meta("topics", "crude")
        .meta("places", "usa, uk")
        .meta("provenance", "NEWID=2")
        .author("Jane Doe")
        .article("m3", "Wheat exports.")
        .meta("Topics", "grain")
        .meta("places", "uk")
        .meta("provenance", "NEWID=3")
        .article("m4", "Crude and wheat.")
        .meta("topics", "crude,grain")
        .meta("places", "usa")
        .meta("provenance", "NEWID=4")
}

#[test]
fn a_metadata_value_keeps_the_articles_that_list_it() {
    let c = with_metadata();
    assert_eq!(c.matching("m.topics=crude"), ["m1", "m2", "m4"]);
    assert_eq!(c.matching("m.topics=crude&m.places=uk"), ["m2"]);
    assert_eq!(c.matching("m.author=Jane+Doe"), ["m1", "m2"]);
    assert!(c.matching("m.topics=Crude").is_empty(), "values are exact");
    assert!(
        c.matching("m.provenance=NEWID%3D1").is_empty(),
        "not a facet"
    );
    assert!(c.matching("m.nothing=x").is_empty());
}

#[test]
fn repeating_metadata_fields_are_facets_with_counts() {
    let facets = with_metadata().search("m.places=usa").facets;
    let fields: Vec<(&str, Vec<(&str, u32)>)> = facets
        .fields
        .iter()
        .map(|f| {
            let values = f
                .list
                .values
                .iter()
                .map(|v| (v.key.as_str(), v.count))
                .collect();
            (f.field.as_str(), values)
        })
        .collect();
    assert_eq!(
        fields,
        [
            ("author", vec![("Jane Doe", 2)]),
            ("places", vec![("usa", 3), ("uk", 1)]),
            ("topics", vec![("crude", 3), ("grain", 1)]),
        ]
    );
}

#[test]
fn a_facet_search_finds_values_beyond_the_listed_ones() {
    use dossier::query::{Facet, facet_values};
    let mut c = Corpus::new();
    for i in 0..30 {
        c = c.article(&format!("p{i}"), "Talks.").mention(
            "Talks",
            PERSON,
            &format!("Person {i:02}"),
        );
    }
    c = c
        .article("rare", "McCarty spoke.")
        .mention("McCarty", PERSON, "Ed McCarty");
    let results = c.search("");
    assert_eq!(
        results.facets.people.values.len(),
        20,
        "a panel lists the top 20"
    );
    assert_eq!(
        results.facets.people.total, 31,
        "and knows how many there are"
    );
    let found = facet_values(
        &c.index(),
        &results.matches,
        &Facet::Entities(PERSON),
        "mccar",
        10,
    );
    assert_eq!(found.total, 1);
    assert_eq!(found.values[0].label, "Ed McCarty");
    assert_eq!(found.values[0].count, 1);
}

#[test]
fn one_typo_is_forgiven_in_words_of_five_letters_or_more() {
    let c = corpus();
    assert_eq!(c.matching("q=armenai+"), ["a1", "a2"]);
    assert!(c.matching("q=zaz+").is_empty());
}

#[test]
fn exact_matches_rank_above_typo_matches() {
    let hits = corpus().hits("q=missions+");
    assert_eq!(hits[0], "a4");
    assert_eq!(hits.len(), 3);
}

#[test]
fn without_text_the_newest_come_first() {
    assert_eq!(corpus().hits(""), ["a1", "a4", "a2", "a3"]);
}

#[test]
fn every_entity_must_be_named() {
    let c = corpus();
    assert_eq!(c.matching("e=organization:csto"), ["a1", "a4"]);
    assert_eq!(c.matching("e=organization:csto&e=place:armenia"), ["a1"]);
}

#[test]
fn an_unknown_entity_matches_nothing() {
    assert!(corpus().matching("e=person:nobody").is_empty());
}

#[test]
fn speakers_are_entity_ids_or_description_slugs() {
    let c = corpus();
    assert_eq!(c.matching("s=person:stanislav-zas"), ["a1"]);
    assert_eq!(c.matching("s=the-prime-minister-of-armenia"), ["a2"]);
}

#[test]
fn a_date_range_covers_partial_dates_it_overlaps() {
    let c = corpus();
    assert_eq!(c.matching("from=2022-09&to=2022-11"), ["a1", "a2", "a4"]);
    assert_eq!(c.matching("from=2022-10-15"), ["a1", "a4"]);
    assert_eq!(c.matching("to=2021"), ["a3"]);
}

#[test]
fn a_date_range_can_be_about_mentioned_dates() {
    let c = corpus();
    assert_eq!(
        c.matching("from=2022-09&to=2022-09&dates=mentioned"),
        ["a2"]
    );
    assert_eq!(c.matching("from=2023&dates=mentioned"), ["a4"]);
}

#[test]
fn a_source_keeps_its_articles() {
    assert_eq!(corpus().matching("source=Reuters"), ["a2", "a3"]);
}

#[test]
fn facet_counts_say_what_adding_the_value_would_leave() {
    let facets = corpus().search("e=organization:csto").facets;
    let counts = |values: &[dossier::query::FacetValue]| -> Vec<(String, u32)> {
        values.iter().map(|v| (v.key.clone(), v.count)).collect()
    };
    let counts = |list: &dossier::query::FacetList| counts(&list.values);
    assert_eq!(
        counts(&facets.organizations),
        [("organization:csto".to_string(), 2)]
    );
    assert_eq!(
        counts(&facets.places),
        [
            ("place:armenia".to_string(), 1),
            ("place:russia".to_string(), 1)
        ]
    );
    assert_eq!(
        counts(&facets.people),
        [("person:stanislav-zas".to_string(), 1)]
    );
    assert_eq!(facets.people.values[0].label, "Stanislav Zas");
    assert_eq!(
        counts(&facets.speakers),
        [("person:stanislav-zas".to_string(), 1)]
    );
    let all = corpus().search("").facets;
    assert_eq!(
        counts(&all.sources),
        [("Reuters".to_string(), 2), ("ArmInfo".to_string(), 1)]
    );
}

#[test]
fn the_histogram_picks_its_buckets_from_the_range() {
    let c = corpus();
    let h = c.search("").histogram;
    assert_eq!(h.granularity, Granularity::Month);
    // A continuous axis: every month from the first to the last, empty ones as 0.
    assert_eq!(h.buckets.len(), 19, "2021-05 ..= 2022-11");
    let nonzero: Vec<(&str, u32)> = h
        .buckets
        .iter()
        .filter(|b| b.count > 0)
        .map(|b| (b.label.as_str(), b.count))
        .collect();
    assert_eq!(
        nonzero,
        [
            ("2021-05", 1),
            ("2022-09", 1),
            ("2022-10", 1),
            ("2022-11", 1)
        ]
    );
    assert_eq!(h.buckets[1].label, "2021-06");
    assert_eq!(h.buckets[1].count, 0);
    let h = c.search("from=2022-11-01&to=2022-11-30").histogram;
    assert_eq!(h.granularity, Granularity::Day);
    assert_eq!(h.buckets[0].label, "2022-11-23");
    let h = c.search("from=2000&to=2030").histogram;
    assert_eq!(h.granularity, Granularity::Year);
    assert_eq!(h.buckets.len(), 2);
}

#[test]
fn year_unknown_mentioned_dates_get_their_own_buckets() {
    let h = corpus().search("dates=mentioned").histogram;
    assert_eq!(h.year_unknown[0].label, "XXXX-11-23");
    let labels: Vec<&str> = h.buckets.iter().map(|b| b.label.as_str()).collect();
    assert_eq!(labels, ["2022-09"]);
    // A year among months has no month on the axis: it is counted apart, not dropped.
    let coarse: Vec<&str> = h.coarse.iter().map(|b| b.label.as_str()).collect();
    assert_eq!(coarse, ["2023"]);
}

#[test]
fn implausible_mentioned_dates_are_counted_and_left_off_the_axis() {
    // Publication years 2021-2022, so mentioned dates are drawn for 1991-2052; "1000" and
    // "2080" (misread numbers) would stretch the axis over a millennium.
    let c = corpus()
        .article(
            "a5",
            "Exports rose by 1000 tonnes in 2022 and 2080 shares changed hands.",
        )
        .date("2022-01-03")
        .mentions_date("1000", "1000")
        .mentions_date("2022", "2022")
        .mentions_date("2080", "2080");
    assert_eq!(
        dossier::query::plausible_years(&c.index()),
        Some((1991, 2052))
    );
    let h = c.search("dates=mentioned").histogram;
    assert_eq!(h.plausible, Some((1991, 2052)));
    assert_eq!(h.left_out, 2);
    assert_eq!(h.granularity, Granularity::Month);
    let coarse: Vec<&str> = h.coarse.iter().map(|b| b.label.as_str()).collect();
    assert_eq!(coarse, ["2022", "2023"]);
}

#[test]
fn quote_hits_keep_to_the_filtered_speakers() {
    let c = corpus();
    let results = c.search("view=quotes&s=person:stanislav-zas");
    assert_eq!(results.quotes.len(), 1);
    let quote = results.quotes[0];
    assert_eq!(quote.span.slice(&c.articles[0].text), "\"Of course not,\"");
    let index = c.index();
    let speaker = quote.speaker.and_then(|s| index.speakers().get(s as usize));
    assert_eq!(
        speaker.map(|s| s.key.as_str()),
        Some("person:stanislav-zas")
    );
    assert_eq!(c.search("view=quotes").quotes.len(), 2);
}

#[test]
fn snippets_highlight_the_matched_words_in_the_article_text() {
    let c = corpus();
    let results = c.search("q=border+missio");
    let article = &c.articles[results.hits[0].doc as usize];
    let s = snippet(article, &results.highlight, 80);
    let marked: Vec<&str> = s
        .highlights
        .iter()
        .map(|h| h.slice(&article.text))
        .collect();
    assert_eq!(marked, ["border", "mission"]);
    assert!(s.text(article).starts_with("The CSTO"));
}

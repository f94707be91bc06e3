//! The URL scheme: every key, lenient parsing with notices, round trips, garbage.

use dossier::corpus::Date;
use dossier::extract::EntityId;
use dossier::query::entity_table::{Column, TableSort};
use dossier::query::{Collection, DateField, FieldValue, Filter, Sort, View};
use proptest::prelude::*;

fn parsed(url: &str) -> Filter {
    let (filter, notices) = Filter::from_query_string(url);
    assert!(notices.is_empty(), "{url}: {notices:?}");
    filter
}

fn notices_of(url: &str) -> Vec<(String, String)> {
    Filter::from_query_string(url)
        .1
        .into_iter()
        .map(|n| (n.key, n.message))
        .collect()
}

#[test]
fn the_design_examples_read_as_meant() {
    let f = parsed(
        "?q=border+mission&e=person:stanislav-zas&e=organization:csto&from=2022-09&to=2022-11&view=quotes",
    );
    assert_eq!(f.text, "border mission");
    assert_eq!(
        f.entities,
        [
            EntityId("person:stanislav-zas".into()),
            EntityId("organization:csto".into())
        ]
    );
    assert_eq!(
        f.from,
        Some(Date {
            year: 2022,
            month: Some(9),
            day: None
        })
    );
    assert_eq!(
        f.to,
        Some(Date {
            year: 2022,
            month: Some(11),
            day: None
        })
    );
    assert_eq!(f.view, View::Quotes);
    let f = parsed("?a=000_c9891722df91f9a5&quote=3");
    assert_eq!(f.article.as_deref(), Some("000_c9891722df91f9a5"));
    assert_eq!(f.quote, Some(3));
}

#[test]
fn the_printer_writes_the_design_spelling() {
    let url = "q=border+mission&e=person:stanislav-zas&e=organization:csto&from=2022-09&to=2022-11&view=quotes";
    assert_eq!(parsed(url).to_query_string(), url);
    assert_eq!(Filter::default().to_query_string(), "");
}

#[test]
fn q_keeps_the_text_verbatim() {
    assert_eq!(
        parsed("q=%22csto+leaves%22+-russia+").text,
        "\"csto leaves\" -russia "
    );
}

#[test]
fn e_needs_a_known_kind_and_a_name() {
    assert_eq!(parsed("e=place:armenia").entities.len(), 1);
    for bad in ["e=armenia", "e=country:armenia", "e=place:", "e="] {
        let notices = notices_of(bad);
        assert_eq!(notices.len(), 1, "{bad}");
        assert!(notices[0].1.contains("person, organization, place or misc"));
    }
}

#[test]
fn s_takes_entity_ids_and_slugs() {
    let f = parsed("s=person:stanislav-zas&s=the-minister");
    assert_eq!(f.speakers, ["person:stanislav-zas", "the-minister"]);
    assert_eq!(notices_of("s=").len(), 1);
}

#[test]
fn from_and_to_take_partial_iso_dates() {
    let f = parsed("from=2022&to=2022-11-23");
    assert_eq!(
        f.from,
        Some(Date {
            year: 2022,
            month: None,
            day: None
        })
    );
    assert_eq!(f.to, Date::ymd(2022, 11, 23));
    assert_eq!(notices_of("from=2022-13").len(), 1);
    assert_eq!(notices_of("to=yesterday").len(), 1);
}

#[test]
fn from_after_to_is_kept_with_a_notice() {
    let (f, notices) = Filter::from_query_string("from=2023&to=2022");
    assert!(f.from.is_some() && f.to.is_some());
    assert!(notices[0].message.contains("after"));
}

#[test]
fn dates_chooses_published_or_mentioned() {
    assert_eq!(parsed("dates=mentioned").dates, DateField::Mentioned);
    assert_eq!(parsed("dates=published").dates, DateField::Published);
    assert!(notices_of("dates=both")[0].1.contains("published"));
}

#[test]
fn source_is_kept_as_written() {
    assert_eq!(
        parsed("source=Reuters+UK").source.as_deref(),
        Some("Reuters UK")
    );
}

#[test]
fn by_sorts_the_entity_table_and_the_default_is_left_out() {
    let by = |url: &str| parsed(url).by.map(|s| s.as_str());
    assert_eq!(by("view=entities&by=name").as_deref(), Some("name"));
    assert_eq!(by("view=entities&by=-first").as_deref(), Some("-first"));
    assert_eq!(by("view=entities&by=-articles"), None);
    assert_eq!(
        parsed("view=entities&by=-articles").to_query_string(),
        "view=entities"
    );
    assert_eq!(
        parsed("by=quotes&view=entities").to_query_string(),
        "view=entities&by=quotes"
    );
    assert!(notices_of("by=size")[0].1.contains("mentions"));
}

#[test]
fn nodes_sets_the_network_size_within_bounds() {
    assert_eq!(parsed("view=network&nodes=120").nodes, Some(120));
    assert_eq!(parsed("view=network&nodes=50").nodes, None, "the default");
    assert_eq!(
        parsed("view=network&nodes=50").to_query_string(),
        "view=network"
    );
    for bad in ["0", "201", "many", "-3"] {
        assert!(
            notices_of(&format!("nodes={bad}"))[0]
                .1
                .contains("1 to 200"),
            "{bad}"
        );
    }
}

#[test]
fn view_is_one_of_the_views_and_a_bad_one_lists_exactly_those() {
    for (view, value) in View::ALL {
        assert_eq!(parsed(&format!("view={value}")).view, view);
    }
    let notice = &notices_of("view=map")[0].1;
    for (_, value) in View::ALL {
        assert!(notice.contains(&format!("`{value}`")), "{notice}");
    }
}

#[test]
fn sort_is_relevance_newest_or_oldest_and_relevance_is_not_printed() {
    assert_eq!(parsed("sort=newest").sort, Sort::Newest);
    assert_eq!(parsed("sort=oldest").sort, Sort::Oldest);
    assert_eq!(parsed("sort=relevance").to_query_string(), "");
    assert!(notices_of("sort=date")[0].1.contains("`newest`"));
}

#[test]
fn metadata_values_are_m_dot_field_repeatable_and_lowercased() {
    let f = parsed("m.topics=crude&m.Places=el-salvador&m.topics=ship");
    assert_eq!(
        f.fields,
        [
            FieldValue {
                field: "topics".into(),
                value: "crude".into()
            },
            FieldValue {
                field: "places".into(),
                value: "el-salvador".into()
            },
            FieldValue {
                field: "topics".into(),
                value: "ship".into()
            },
        ]
    );
    assert_eq!(
        f.to_query_string(),
        "m.topics=crude&m.places=el-salvador&m.topics=ship"
    );
    assert_eq!(notices_of("m.=x").len(), 1);
    assert_eq!(notices_of("m.topics=").len(), 1);
}

#[test]
fn notice_messages_split_code_from_prose() {
    let notices = Filter::from_query_string("view=map").1;
    let parts = notices[0].message_parts();
    assert_eq!(parts[0], ("view", true));
    assert!(
        parts.iter().all(|(text, _)| !text.contains('`')),
        "{parts:?}"
    );
}

#[test]
fn a_quote_and_entity_open_things() {
    let f = parsed("a=x&quote=0&entity=place:armenia");
    assert_eq!(f.quote, Some(0));
    assert_eq!(f.entity, Some(EntityId("place:armenia".into())));
    assert_eq!(notices_of("a=x&quote=-1").len(), 1);
    assert!(notices_of("quote=2")[0].1.contains("needs an open article"));
}

#[test]
fn v_1_is_accepted_and_never_printed() {
    assert_eq!(parsed("v=1&q=x").to_query_string(), "q=x");
    assert_eq!(notices_of("v=2").len(), 1);
}

#[test]
fn unknown_keys_are_reported_with_the_valid_ones() {
    let notices = notices_of("spekaer=zas&q=x");
    assert_eq!(notices[0].0, "spekaer");
    assert!(notices[0].1.contains("`q`, `e`, `s`, `from`, `to`"));
}

#[test]
fn a_repeated_single_key_keeps_the_last_value_with_a_notice() {
    let (f, notices) = Filter::from_query_string("q=a&q=b");
    assert_eq!(f.text, "b");
    assert_eq!(notices.len(), 1);
}

#[test]
fn broken_percent_encoding_is_kept_and_reported() {
    let (f, notices) = Filter::from_query_string("q=100%+sure%zz");
    assert_eq!(f.text, "100% sure%zz");
    assert_eq!(notices.len(), 1);
}

#[test]
fn a_hundred_kilobytes_of_garbage_is_read_without_panicking() {
    let mut garbage = String::new();
    let mut state = 12345u32;
    for _ in 0..100_000 {
        state = state.wrapping_mul(1_103_515_245).wrapping_add(12345);
        garbage.push(b"%=&;?+e qsviewfrom2022-:\"\xff"[(state >> 16) as usize % 25] as char);
    }
    let (f, _) = Filter::from_query_string(&garbage);
    let _ = f.to_query_string();
}

fn date() -> impl Strategy<Value = Date> {
    (
        1u16..=9999,
        prop::option::of((1u8..=12, prop::option::of(1u8..=28))),
    )
        .prop_map(|(year, month)| Date {
            year,
            month: month.map(|m| m.0),
            day: month.and_then(|m| m.1),
        })
}

fn entity() -> impl Strategy<Value = EntityId> {
    (
        prop::sample::select(vec!["person", "organization", "place", "misc"]),
        "[^\\x00]{1,12}",
    )
        .prop_map(|(kind, name)| EntityId(format!("{kind}:{name}")))
}

/// Every entity-table sort but the default (which the URL leaves out).
fn table_sort() -> impl Strategy<Value = TableSort> {
    let sorts: Vec<TableSort> = Column::ALL
        .iter()
        .flat_map(|&(column, _)| [false, true].map(|descending| TableSort { column, descending }))
        .filter(|&s| s != TableSort::default())
        .collect();
    prop::sample::select(sorts)
}

fn filter() -> impl Strategy<Value = Filter> {
    (
        (
            "\\PC{0,20}",
            prop::collection::vec(entity(), 0..3),
            prop::collection::vec("[a-z:-]{0,8}[a-z]", 0..3),
            prop::option::of(date()),
            prop::option::of(date()),
            any::<bool>(),
        ),
        (
            prop::option::of("\\PC{0,8}[a-zA-Z&=%+]"),
            prop::sample::select(View::ALL.iter().map(|p| p.0).collect::<Vec<_>>()),
            prop::option::of("[a-z0-9_]{1,20}"),
            prop::option::of(any::<u32>()),
            prop::option::of(entity()),
            prop::option::of(table_sort()),
            prop::option::of((1usize..=200).prop_filter("not the default", |n| *n != 50)),
        ),
        (
            prop::collection::vec(("[a-z_ ]{0,6}[a-z]", "\\PC{0,6}[a-z]"), 0..3),
            prop::sample::select(Sort::ALL.iter().map(|p| p.0).collect::<Vec<_>>()),
            prop::option::of(prop::sample::select(vec![
                Collection::Site,
                Collection::Yours,
            ])),
        ),
    )
        .prop_map(
            |(
                (text, entities, speakers, from, to, mentioned),
                (source, view, article, quote, open, by, nodes),
                (fields, sort, collection),
            )| {
                Filter {
                    text,
                    entities,
                    speakers,
                    from,
                    to,
                    dates: if mentioned {
                        DateField::Mentioned
                    } else {
                        DateField::Published
                    },
                    source,
                    collection,
                    fields: fields
                        .into_iter()
                        .map(|(field, value)| FieldValue { field, value })
                        .collect(),
                    sort,
                    view,
                    by,
                    nodes,
                    article,
                    quote,
                    entity: open,
                }
            },
        )
}

proptest! {
    #[test]
    fn printing_then_parsing_gives_the_same_filter(f in filter()) {
        let printed = f.to_query_string();
        let (back, _) = Filter::from_query_string(&printed);
        prop_assert_eq!(&back, &f);
        prop_assert_eq!(back.to_query_string(), printed);
    }

    #[test]
    fn any_query_string_is_read_without_panicking(s in "\\PC{0,200}") {
        let (f, _) = Filter::from_query_string(&s);
        let _ = Filter::from_query_string(&f.to_query_string());
    }
}

/// Links as v1 printed them; they must keep reading the same (add, never edit).
const FROZEN_V1: [&str; 4] = [
    "q=border+mission&e=person:stanislav-zas&e=organization:csto&from=2022-09&to=2022-11&view=quotes",
    "a=000_c9891722df91f9a5&quote=3",
    "q=%22money+supply%22+-bundesbank+&s=the-minister&dates=mentioned&source=ArmInfo&view=timeline",
    "e=place:armenia&from=2022&view=entities&entity=place:armenia",
];

#[test]
fn frozen_v1_links_still_read_the_same() {
    for link in FROZEN_V1 {
        // v1 accepted `view=timeline` and showed the articles; it is now the timeline view
        // (issue 13), so the link reads the same and shows what it always named.
        let (filter, notices) = Filter::from_query_string(link);
        assert_eq!(filter.to_query_string(), link);
        assert!(notices.is_empty(), "{link}: {notices:?}");
        let (again, _) = Filter::from_query_string(&format!("?v=1&{link}"));
        assert_eq!(again.to_query_string(), link);
    }
}

#[test]
fn the_results_view_closes_the_open_article_quote_and_entity_and_keeps_the_rest() {
    let open = parsed("q=mission&e=place:armenia&view=quotes&a=x&quote=2&entity=person:zas");
    assert_eq!(
        open.results_view().to_query_string(),
        "q=mission&e=place:armenia&view=quotes"
    );
    let mut closed = open.clone();
    closed.close_opened();
    assert_eq!(closed, open.results_view());
}

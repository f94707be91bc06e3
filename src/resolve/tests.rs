//! The resolve rules on small hand-made corpora, including the names that must stay apart,
//! and on the seed.

use super::*;
use crate::corpus::{Article, parse_file};
use crate::extract::{Entity, EntityId, EntityKind, EntityMention};
use crate::span::ByteSpan;
use std::collections::HashMap;

/// A hand-made article: its text, and the names extraction gave it, each tagged.
#[derive(Clone)]
struct Doc {
    text: String,
    names: Vec<(&'static str, EntityKind)>,
}

fn doc(text: &str, names: &[(&'static str, EntityKind)]) -> Doc {
    Doc {
        text: text.to_string(),
        names: names.to_vec(),
    }
}

/// Articles and annotations: one entity per distinct (name, kind), a mention at every
/// occurrence of the name in the text that no name listed before it covers (list `Ford
/// Motor Co` before `Ford`). A text given again is another story (three earnings reports
/// of one shape, see [`stories`]); [`corpus_verbatim`] keeps repeats.
fn corpus(docs: &[Doc]) -> (Vec<Article>, Vec<Annotations>) {
    corpus_verbatim(&stories(docs))
}

/// The docs, each text given again ending in one more blank line (which no rule reads), so
/// that it is another story, not a repeat of the first ([`repeats`]).
fn stories(docs: &[Doc]) -> Vec<Doc> {
    let mut told: HashMap<&str, usize> = HashMap::new();
    docs.iter()
        .map(|d| {
            let before = told.entry(d.text.as_str()).or_default();
            let text = format!("{}{}", d.text, "\n".repeat(*before));
            *before += 1;
            Doc {
                text,
                names: d.names.clone(),
            }
        })
        .collect()
}

/// [`corpus`], the texts as given: a text given again is a repeat of the same story.
fn corpus_verbatim(docs: &[Doc]) -> (Vec<Article>, Vec<Annotations>) {
    let mut articles = Vec::new();
    let mut annotations = Vec::new();
    for (i, d) in docs.iter().enumerate() {
        let article = parse_file(&format!("a{i}.txt"), d.text.as_bytes())
            .expect("article")
            .remove(0);
        let mut found = Annotations::default();
        for (name, kind) in &d.names {
            let entity = found.entities.len();
            found.entities.push(Entity {
                id: EntityId::new(*kind, name),
                kind: *kind,
                canonical: name.to_string(),
                aliases: Vec::new(),
                role: None,
            });
            let body = article.body_text();
            let mut from = 0;
            while let Some(at) = body[from..].find(name) {
                let start = article.body.start + from + at;
                let span = ByteSpan::new(start, start + name.len());
                let covered = found
                    .mentions
                    .iter()
                    .any(|m| m.span.start < span.end && span.start < m.span.end);
                if !covered {
                    found.mentions.push(EntityMention { span, entity });
                }
                from += at + name.len();
            }
        }
        found.mentions.sort_by_key(|m| m.span.start);
        articles.push(article);
        annotations.push(found);
    }
    (articles, annotations)
}

fn resolved(docs: &[Doc]) -> Resolved {
    let (articles, annotations) = corpus(docs);
    resolve(&articles, annotations)
}

/// The resolved ids of article `i`.
fn ids(r: &Resolved, i: usize) -> Vec<&str> {
    r.annotations[i]
        .entities
        .iter()
        .map(|e| e.id.as_str())
        .collect()
}

/// The first merge decided by `rule`; panics (failing the test) when there is none.
fn merge_by(r: &Resolved, rule: Rule) -> &Merge {
    r.decisions
        .merges
        .iter()
        .find(|m| m.rule == rule)
        .unwrap_or_else(|| panic!("no {rule:?} merge in {:?}", r.decisions.merges))
}

/// Whether `name` was dropped by `rule`.
fn dropped(r: &Resolved, name: &str, rule: Rule) -> bool {
    r.decisions
        .drops
        .iter()
        .any(|d| d.name == name && d.rule == rule)
}

/// Whether `name` was merged by `rule`.
fn merged(r: &Resolved, name: &str, rule: Rule) -> bool {
    r.decisions
        .merges
        .iter()
        .any(|m| m.name == name && m.rule == rule)
}

use EntityKind::{Misc, Organization as Org, Person, Place};

#[test]
fn a_sign_off_on_the_last_line_is_dropped_and_explained() {
    let docs: Vec<Doc> = (0..3)
        .map(|_| {
            doc(
                "Acme Corp said profits rose in Chicago.\n\nREUTER\n",
                &[("Acme Corp", Org), ("REUTER", Person)],
            )
        })
        .collect();
    let r = resolved(&docs);
    for i in 0..3 {
        assert_eq!(ids(&r, i), ["organization:acme-corp"]);
        assert!(r.annotations[i].mentions.iter().all(|m| m.entity == 0));
    }
    let drop = &r.decisions.drops[0];
    assert_eq!(
        (drop.name.as_str(), drop.rule, drop.articles),
        ("REUTER", Rule::SignOff, 3)
    );
    assert!(drop.evidence.contains("3 of 3"), "{}", drop.evidence);
}

#[test]
fn a_name_said_in_a_sentence_on_the_last_line_or_closing_few_articles_is_kept() {
    let r = resolved(&[doc("Prices fell.\nSmith said so.\n", &[("Smith", Person)])]);
    assert_eq!(ids(&r, 0), ["person:smith"]);
    // A byline closing two articles is no agency sign-off.
    let byline = || doc("Prices fell.\nJane Smith\n", &[("Jane Smith", Person)]);
    let r = resolved(&[byline(), byline()]);
    assert_eq!(ids(&r, 1), ["person:jane-smith"]);
}

#[test]
fn table_tokens_tickers_initials_and_legal_forms_are_dropped_but_places_in_tables_stay() {
    // Three earnings reports: a table header recurs; one table would not be evidence.
    let report = || {
        doc(
            "Acme Inc said results were as follows.\nShr 25 cts vs 20 cts\nNine Mths\nShr 1.20 dlrs vs 1.10 dlrs\nJapan 12.5 vs 11.0\nAcme TPN.PA rose in Japan, L.P. Co said.\n",
            &[
                ("Shr", Person),
                ("Nine", Person),
                ("Japan", Place),
                ("TPN.PA", Place),
                ("P", Person),
                ("Co", Org),
                ("Acme Inc", Org),
            ],
        )
    };
    let r = resolved(&[report(), report(), report()]);
    assert_eq!(ids(&r, 0), ["place:japan", "organization:acme-inc"]);
    let rules: Vec<(&str, Rule)> = r
        .decisions
        .drops
        .iter()
        .map(|d| (d.name.as_str(), d.rule))
        .collect();
    for expected in [
        ("Shr", Rule::TableToken),
        ("Nine", Rule::TableToken),
        ("TPN.PA", Rule::Ticker),
        ("P", Rule::NotAName),
        ("Co", Rule::NotAName),
    ] {
        assert!(rules.contains(&expected), "{expected:?} not in {rules:?}");
    }
}

#[test]
fn a_statistics_rows_label_is_dropped_but_a_firm_with_its_legal_form_stays() {
    // A supply table's rows carry no lower-case word, only quantities.
    let table = || {
        doc(
            "USDA gave the figures.\nStart Stcks  1,905   1,905    1,425\nVI  2,087   2,087    2,425\nV.I. Corp said it grew.\n",
            &[("Start Stcks", Person), ("V.I. Corp", Org), ("VI", Place)],
        )
    };
    let r = resolved(&[table(), table(), table()]);
    assert!(dropped(&r, "Start Stcks", Rule::TableToken));
    assert!(
        ids(&r, 0).contains(&"organization:v-i-corp"),
        "{:?}",
        ids(&r, 0)
    );
}

#[test]
fn a_code_in_angle_brackets_is_dropped_where_it_is_only_a_code() {
    let r = resolved(&[
        doc(
            "McDonnell Douglas Corp <MD> said so.",
            &[("McDonnell Douglas Corp", Org), ("MD", Org)],
        ),
        doc("ROCKVILLE, Md., March 2 - Penril said.", &[("Md", Place)]),
        doc("In Md, Penril said.", &[("Md", Place)]),
    ]);
    assert_eq!(ids(&r, 0), ["organization:mcdonnell-douglas-corp"]);
    assert_eq!(ids(&r, 1), ["place:maryland"]);
    assert!(dropped(&r, "MD", Rule::Ticker));
}

#[test]
fn datelines_spellings_and_country_forms_merge() {
    let r = resolved(&[
        doc(
            "WASHINGTON, March 3 - The U.S. and Britain agreed.",
            &[("WASHINGTON", Place), ("U.S.", Place), ("Britain", Place)],
        ),
        doc(
            "In Washington, the United States and the U.K. met again.",
            &[
                ("Washington", Place),
                ("United States", Place),
                ("U.K.", Place),
            ],
        ),
        doc(
            "USA officials flew to Washington and to the United Kingdom.",
            &[
                ("USA", Place),
                ("Washington", Place),
                ("United Kingdom", Place),
            ],
        ),
    ]);
    for i in 0..3 {
        let mut found = ids(&r, i);
        found.sort_unstable();
        assert_eq!(
            found,
            [
                "place:united-kingdom",
                "place:united-states",
                "place:washington"
            ],
            "article {i}"
        );
    }
    assert_eq!(r.annotations[0].entities[0].canonical, "Washington");
    let rule_of = |name: &str| {
        r.decisions
            .merges
            .iter()
            .find(|m| m.name == name)
            .map(|m| m.rule)
    };
    assert_eq!(rule_of("U.S."), Some(Rule::CountryForm));
    assert_eq!(rule_of("Britain"), Some(Rule::CountryForm));
    // Same id already: only the canonical name changes, no decision to explain.
    assert_eq!(rule_of("WASHINGTON"), None);
}

#[test]
fn state_abbreviations_join_their_states_and_capital_datelines_read_normally() {
    let r = resolved(&[
        doc(
            "SAN JOSE, Calif., March 3 - Apple said.",
            &[("Calif", Org), ("Apple", Org)],
        ),
        doc("Growers in California said.", &[("California", Place)]),
        doc(
            "TAIPEI, March 3 - Taiwan said.",
            &[("TAIPEI", Place), ("Taiwan", Place)],
        ),
        doc("LA Gear said.", &[("LA", Org)]),
    ]);
    assert_eq!(ids(&r, 0), ["place:california", "organization:apple"]);
    assert_eq!(ids(&r, 1), ["place:california"]);
    assert_eq!(r.annotations[2].entities[0].canonical, "Taipei");
    assert_eq!(ids(&r, 3), ["organization:la"]);
    assert!(merged(&r, "Calif", Rule::StateAbbreviation));
}

#[test]
fn ordinary_words_tagged_as_people_or_places_are_dropped_but_names_stay() {
    let mut docs = vec![
        doc("Electric said sales rose.", &[("Electric", Person)]),
        doc("Baker said rates would fall.", &[("Baker", Person)]),
        doc(
            "Ernest Drew spoke. Drew said the plant reopens.",
            &[("Ernest Drew", Person), ("Drew", Person)],
        ),
        doc("Trade fell in March.", &[("Trade", Place)]),
        doc("Gulf shipping resumed.", &[("Gulf", Place)]),
    ];
    for _ in 0..6 {
        docs.push(doc(
            "The electric utility drew trade and gulf war headlines.",
            &[],
        ));
    }
    let r = resolved(&docs);
    assert!(ids(&r, 0).is_empty(), "{:?}", ids(&r, 0));
    assert!(dropped(&r, "Electric", Rule::CommonWord));
    assert_eq!(ids(&r, 1), ["person:baker"]);
    assert_eq!(ids(&r, 2), ["person:ernest-drew"]);
    assert!(dropped(&r, "Trade", Rule::CommonWord));
    // Written in lower case more often than capitalised, but on the tagger's place lists.
    assert_eq!(ids(&r, 4), ["place:gulf"]);
}

#[test]
fn an_organisation_or_misc_word_written_mostly_in_lower_case_is_dropped_but_names_stay() {
    let mut docs = vec![
        doc("Budget talks began.", &[("Budget", Misc)]),
        doc(
            "Commercial said it would cut rates.",
            &[("Commercial", Org)],
        ),
        // In lower case 6 times, capitalised 4: under twice, a firm's name stays.
        doc(
            "Sharp said sales rose. Sharp shares fell. Sharp and Sharp agreed.",
            &[("Sharp", Org)],
        ),
        doc("GMt was the time.", &[("GMt", Misc)]),
    ];
    for _ in 0..6 {
        docs.push(doc(
            "The budget and commercial banks showed sharp gains at gmt.",
            &[],
        ));
    }
    let r = resolved(&docs);
    assert!(dropped(&r, "Budget", Rule::CommonWord));
    assert!(dropped(&r, "Commercial", Rule::CommonWord));
    assert_eq!(ids(&r, 2), ["organization:sharp"]);
    // A typed acronym is no word.
    assert_eq!(ids(&r, 3), ["misc:gmt"]);
}

#[test]
fn america_and_russia_stay_apart_from_the_countries_they_are_not() {
    let r = resolved(&[doc(
        "America and Russia, the United States and the Soviet Union.",
        &[
            ("America", Place),
            ("Russia", Place),
            ("United States", Place),
            ("Soviet Union", Place),
        ],
    )]);
    assert_eq!(r.annotations[0].entities.len(), 4);
}

#[test]
fn kinds_follow_the_collections_votes_and_organisation_words() {
    let mut docs: Vec<Doc> = (0..3)
        .map(|_| doc("Chrysler said sales rose.", &[("Chrysler", Org)]))
        .collect();
    docs.push(doc("Chrysler said nothing.", &[("Chrysler", Person)]));
    docs.push(doc(
        "Dairy Farm International Holdings Ltd said.",
        &[("Dairy Farm International Holdings Ltd", Person)],
    ));
    docs.push(doc(
        "She signed with Virgin Records.",
        &[("Virgin Records", Person)],
    ));
    docs.push(doc(
        "The Dave Matthews Band played.",
        &[("Dave Matthews Band", Person)],
    ));
    let r = resolved(&docs);
    assert_eq!(ids(&r, 3), ["organization:chrysler"]);
    assert_eq!(
        ids(&r, 4),
        ["organization:dairy-farm-international-holdings-ltd"]
    );
    assert_eq!(ids(&r, 5), ["organization:virgin-records"]);
    assert_eq!(ids(&r, 6), ["organization:dave-matthews-band"]);
    let vote = r
        .decisions
        .merges
        .iter()
        .find(|m| m.from.as_str() == "person:chrysler")
        .expect("vote");
    assert_eq!(vote.rule, Rule::KindVotes);
    assert_eq!(vote.evidence, "kind votes: 1 person / 3 organization");
}

#[test]
fn a_misc_name_with_a_legal_form_is_a_firm_but_other_organisation_words_stay_misc() {
    let r = resolved(&[
        doc("Dow Chemical Co said.", &[("Dow Chemical Co", Misc)]),
        doc(
            "The Export Enhancement Program and the Dow index.",
            &[("Export Enhancement Program", Misc), ("Dow", Misc)],
        ),
    ]);
    assert_eq!(ids(&r, 0), ["organization:dow-chemical-co"]);
    assert!(merged(&r, "Dow Chemical Co", Rule::OrganisationWord));
    assert_eq!(ids(&r, 1), ["misc:export-enhancement-program", "misc:dow"]);
}

#[test]
fn a_person_named_like_the_first_words_of_firms_is_a_firm_but_a_surname_stays_a_person() {
    let mut docs: Vec<Doc> = (0..3)
        .map(|_| {
            doc(
                "Westpac Banking Corp said.",
                &[("Westpac Banking Corp", Org)],
            )
        })
        .collect();
    docs.push(doc("Westpac said profits rose.", &[("Westpac", Person)]));
    // A surname firms also begin with: the Reagan Administration in five articles, Ronald
    // Reagan in three, and in each of those three a bare Reagan that is his.
    for _ in 0..5 {
        docs.push(doc(
            "The Reagan Administration said.",
            &[("Reagan Administration", Org)],
        ));
    }
    for _ in 0..3 {
        docs.push(doc(
            "Ronald Reagan spoke. Reagan said more.",
            &[("Ronald Reagan", Person), ("Reagan", Person)],
        ));
    }
    docs.push(doc("Reagan said.", &[("Reagan", Person)]));
    // A given name alone stays a person whatever firms begin with it.
    for _ in 0..3 {
        docs.push(doc(
            "James Capel and Co said.",
            &[("James Capel and Co", Org)],
        ));
    }
    docs.push(doc("James said.", &[("James", Person)]));
    let r = resolved(&docs);
    assert_eq!(ids(&r, 3), ["organization:westpac"]);
    let m = merge_by(&r, Rule::FirmName);
    assert_eq!(m.name, "Westpac");
    assert!(
        m.evidence
            .contains("in 3 articles and ends people's names with it in 0"),
        "{}",
        m.evidence
    );
    let bare_reagan = 3 + 5 + 3;
    assert!(
        ids(&r, bare_reagan)[0].starts_with("person:"),
        "{:?}",
        ids(&r, bare_reagan)
    );
    assert_eq!(ids(&r, docs.len() - 1), ["person:james"]);
    assert_eq!(
        r.decisions
            .merges
            .iter()
            .filter(|m| m.rule == Rule::FirmName)
            .count(),
        1,
        "{:?}",
        r.decisions.merges
    );
}

#[test]
fn a_person_named_like_a_firm_with_a_legal_form_is_the_firm_but_one_word_stays() {
    use EntityKind::{Organization as Org, Person};
    // James Capel: a broker four articles quote as a person, two name as `… and Co`.
    let mut docs: Vec<Doc> = (0..4)
        .map(|_| doc("James Capel said shares fell.", &[("James Capel", Person)]))
        .collect();
    docs.push(doc(
        "James Capel and Co said.",
        &[("James Capel and Co", Org)],
    ));
    docs.push(doc("James Capel Ltd said.", &[("James Capel Ltd", Org)]));
    // Named with a legal form once only: it proves nothing.
    docs.push(doc("Ann Lee said.", &[("Ann Lee", Person)]));
    docs.push(doc("Ann Lee Inc said.", &[("Ann Lee Inc", Org)]));
    // A one-word name stays a person: the votes decide it.
    for _ in 0..3 {
        docs.push(doc("Smith said.", &[("Smith", Person)]));
    }
    for _ in 0..2 {
        docs.push(doc("Smith Inc said.", &[("Smith Inc", Org)]));
    }
    let r = resolved(&docs);
    for i in 0..6 {
        assert_eq!(ids(&r, i), ["organization:james-capel"], "article {i}");
    }
    let m = merge_by(&r, Rule::LegalForm);
    assert_eq!(m.name, "James Capel");
    assert!(m.evidence.contains("2 articles name it"), "{}", m.evidence);
    assert_eq!(ids(&r, 6), ["person:ann-lee"]);
    assert_eq!(ids(&r, 8), ["person:smith"]);
}

#[test]
fn a_month_standing_in_dates_is_dropped_but_a_person_named_may_stays() {
    let r = resolved(&[
        doc("The offer expires Jan 15, 1988.", &[("Jan", Person)]),
        doc(
            "Shares bought since Jan. 2 and before Jan 30.",
            &[("Jan", Person)],
        ),
        doc(
            "Jan Tumlir said trade would suffer.",
            &[("Jan Tumlir", Person)],
        ),
        doc(
            "May said the talks went well. May left.",
            &[("May", Person)],
        ),
        doc(
            "SAN MATEO, Calif., March 2 - Mthly div 4.5 cts vs 4.5 cts prior\n\nPay March 31.",
            &[("Mthly", Person), ("SAN MATEO", Place)],
        ),
        doc(
            "SAN MATEO, Calif., March 2 - Mthly div 3.6 cts vs 3.6 cts prior\n\nPay March 31.",
            &[("Mthly", Person), ("SAN MATEO", Place)],
        ),
        doc(
            "SAN MATEO, Calif., March 2 - Mthly div 7.7 cts vs 7.7 cts prior\n\nPay March 31.",
            &[("Mthly", Person), ("SAN MATEO", Place)],
        ),
        doc(
            "Reserves stood at 32 billion at end-February.",
            &[("end-February", Misc)],
        ),
    ]);
    assert!(
        dropped(&r, "Jan", Rule::DatePart),
        "{:?}",
        r.decisions.drops
    );
    assert!(ids(&r, 0).is_empty());
    assert_eq!(ids(&r, 2), ["person:jan-tumlir"]);
    assert_eq!(ids(&r, 3), ["person:may"]);
    // A table row after a dateline: its label is a table token, the dateline's town a place.
    assert!(
        dropped(&r, "Mthly", Rule::TableToken),
        "{:?}",
        r.decisions.drops
    );
    assert_eq!(ids(&r, 4), ["place:san-mateo"]);
    // A point of a month written as one word is a date, whatever stands around it.
    assert!(ids(&r, 7).is_empty(), "{:?}", ids(&r, 7));
    assert!(dropped(&r, "end-February", Rule::DatePart));
}

#[test]
fn currencies_agreements_and_party_tags_are_no_people_but_a_person_named_like_them_stays() {
    let r = resolved(&[
        doc("The H.K. Dlrs rose.", &[("H.K. Dlrs", Person)]),
        doc("The Cruzado Plan failed.", &[("Cruzado Plan", Person)]),
        doc(
            "Senator Robert Dole (R-Kan.) said.",
            &[("Robert Dole", Person), ("R-Kan.", Person)],
        ),
        doc("Robert Dole said.", &[("Robert Dole", Person)]),
        doc("Pension Plan Inc said.", &[("Pension Plan Inc", Org)]),
        doc("Rupert Planck said.", &[("Rupert Planck", Person)]),
    ]);
    assert_eq!(ids(&r, 0), ["misc:h-k-dlrs"]);
    assert_eq!(ids(&r, 1), ["misc:cruzado-plan"]);
    assert!(merged(&r, "Cruzado Plan", Rule::MiscWord));
    assert_eq!(ids(&r, 2), ["person:robert-dole"]);
    assert!(
        dropped(&r, "R-Kan.", Rule::NotAName),
        "{:?}",
        r.decisions.drops
    );
    // An organisation's plan stays an organisation; a person whose name ends like a word of
    // them stays a person.
    assert_eq!(ids(&r, 4)[0].split(':').next(), Some("organization"));
    assert_eq!(ids(&r, 5), ["person:rupert-planck"]);
}

#[test]
fn crude_grades_trade_terms_and_bonds_are_no_bodies_but_a_person_named_sweet_stays() {
    let r = resolved(&[
        doc("West Texas Sour rose.", &[("West Texas Sour", Org)]),
        doc(
            "Light Louisiana Sweet fell.",
            &[("Light Louisiana Sweet", Org)],
        ),
        doc("Brent Crude fell.", &[("Brent Crude", Org)]),
        doc("It sold wheat FOB Gulf.", &[("FOB", Org)]),
        doc("Treasuries rallied.", &[("Treasuries", Org)]),
        doc("The EMS realignment.", &[("EMS", Org)]),
        doc("Robert Sweet said.", &[("Robert Sweet", Person)]),
        doc("Orville Sweet said.", &[("Orville Sweet", Person)]),
        doc("EMS Corp said.", &[("EMS Corp", Org)]),
    ]);
    for article in 0..6 {
        let id = ids(&r, article)[0];
        assert!(id.starts_with("misc:"), "article {article}: {id}");
    }
    assert_eq!(ids(&r, 6), ["person:robert-sweet"]);
    assert_eq!(ids(&r, 7), ["person:orville-sweet"]);
    assert_eq!(ids(&r, 8)[0].split(':').next(), Some("organization"));
}

#[test]
fn holidays_are_no_people_and_german_and_dutch_firms_compounds_are_firms() {
    let r = resolved(&[
        doc("Sales rose before Christmas.", &[("Christmas", Person)]),
        doc(
            "Creditanstalt-Bankverein said so.",
            &[("Creditanstalt-Bankverein", Person)],
        ),
        doc(
            "Graan Elevator Mij said so.",
            &[("Graan Elevator Mij", Person)],
        ),
        doc(
            "Hessische Landesbank said so.",
            &[("Hessische Landesbank", Person)],
        ),
        // A surname ending like a bank's is no compound.
        doc("Chubby Eubank said so.", &[("Chubby Eubank", Person)]),
    ]);
    assert_eq!(ids(&r, 0), ["misc:christmas"]);
    for article in 1..4 {
        let id = ids(&r, article)[0];
        assert!(id.starts_with("organization:"), "article {article}: {id}");
    }
    assert_eq!(ids(&r, 4), ["person:chubby-eubank"]);
}

#[test]
fn a_headlines_group_of_officials_is_no_name_but_a_union_is() {
    let r = resolved(&[
        doc(
            "U.S. Officials Say Talks Stall.",
            &[("U.S. Officials", Org)],
        ),
        doc("U.K. Bankers Wary.", &[("U.K. Bankers", Org)]),
        doc(
            "Canadian Auto Workers struck.",
            &[("Canadian Auto Workers", Org)],
        ),
    ]);
    assert!(dropped(&r, "U.S. Officials", Rule::NotAName));
    assert!(dropped(&r, "U.K. Bankers", Rule::NotAName));
    assert_eq!(ids(&r, 2), ["organization:canadian-auto-workers"]);
}

#[test]
fn a_kind_without_a_majority_stays_per_article() {
    let r = resolved(&[
        doc("Jordan said.", &[("Jordan", Person)]),
        doc("Jordan said.", &[("Jordan", Place)]),
    ]);
    assert_eq!(ids(&r, 0), ["person:jordan"]);
    assert_eq!(ids(&r, 1), ["place:jordan"]);
}

#[test]
fn a_role_before_a_known_persons_name_resolves_to_the_person() {
    let r = resolved(&[
        doc("Paul Volcker spoke.", &[("Paul Volcker", Person)]),
        doc(
            "Federal Reserve Chairman Paul Volcker spoke.",
            &[("Federal Reserve Chairman Paul Volcker", Org)],
        ),
        doc(
            "White House Chief of Staff Howard Baker and Howard Baker.",
            &[
                ("White House Chief of Staff Howard Baker", Place),
                ("Howard Baker", Person),
            ],
        ),
    ]);
    assert_eq!(ids(&r, 1), ["person:paul-volcker"]);
    assert_eq!(
        r.annotations[1].entities[0].role.as_deref(),
        Some("Federal Reserve Chairman")
    );
    assert_eq!(ids(&r, 2), ["person:howard-baker"]);
    let m = merge_by(&r, Rule::RolePrefix);
    assert!(m.evidence.contains("is a role"), "{}", m.evidence);
}

#[test]
fn a_role_ends_after_what_its_office_is_of_whatever_the_tagger_read_as_a_person() {
    // The tagger read `Staff Howard Baker` as a person once: the role still ends after
    // `Chief of Staff`, not at `of`.
    let r = resolved(&[
        doc("Howard Baker spoke.", &[("Howard Baker", Person)]),
        doc(
            "Chief of Staff Howard Baker spoke.",
            &[("Staff Howard Baker", Person)],
        ),
        doc(
            "White House Chief of Staff Howard Baker spoke.",
            &[("White House Chief of Staff Howard Baker", Person)],
        ),
    ]);
    assert_eq!(ids(&r, 2), ["person:howard-baker"]);
    assert_eq!(
        r.annotations[2].entities[0].role.as_deref(),
        Some("White House Chief of Staff")
    );
}

#[test]
fn a_short_name_joins_the_full_name_its_article_gives_and_stays_apart_when_two_do() {
    let r = resolved(&[
        doc(
            "James Baker met bankers. Baker said rates would fall.",
            &[("James Baker", Person), ("Baker", Org)],
        ),
        doc(
            "Howard Baker and James Baker met. Baker said little.",
            &[
                ("Howard Baker", Person),
                ("James Baker", Person),
                ("Baker", Person),
            ],
        ),
    ]);
    assert_eq!(ids(&r, 0), ["person:james-baker"]);
    assert_eq!(
        ids(&r, 1),
        ["person:howard-baker", "person:james-baker", "person:baker"]
    );
    let apart = merge_by(&r, Rule::KeptApart);
    assert_eq!(
        apart.evidence,
        "same article names Howard Baker and James Baker"
    );
    let joined = merge_by(&r, Rule::SameArticleFullName);
    assert_eq!(joined.evidence, "same article names James Baker");
}

/// James Baker is named with the Treasury and the Bundesbank, Howard Baker with the
/// White House and Congress.
fn two_bakers() -> Vec<Doc> {
    let mut docs = Vec::new();
    for _ in 0..8 {
        docs.push(doc(
            "James Baker, Treasury and Bundesbank.",
            &[
                ("James Baker", Person),
                ("Treasury", Org),
                ("Bundesbank", Org),
            ],
        ));
        docs.push(doc(
            "Howard Baker, White House and Congress.",
            &[
                ("Howard Baker", Person),
                ("White House", Place),
                ("Congress", Org),
            ],
        ));
    }
    for _ in 0..16 {
        docs.push(doc("Filler on Tokyo.", &[("Tokyo", Place)]));
    }
    docs
}

#[test]
fn a_lone_short_name_goes_where_the_names_around_it_point() {
    let mut docs = two_bakers();
    docs.push(doc(
        "Baker spoke to the Bundesbank and the Treasury.",
        &[("Baker", Person), ("Bundesbank", Org), ("Treasury", Org)],
    ));
    let r = resolved(&docs);
    assert_eq!(ids(&r, docs.len() - 1)[0], "person:james-baker");
    let m = merge_by(&r, Rule::CollectionEvidence);
    assert!(
        m.evidence
            .starts_with("names it appears with score James Baker"),
        "{}",
        m.evidence
    );
}

#[test]
fn a_lone_short_name_without_decisive_evidence_stays_apart() {
    let mut docs = two_bakers();
    docs.push(doc(
        "Baker spoke in Tokyo.",
        &[("Baker", Person), ("Tokyo", Place)],
    ));
    docs.push(doc(
        "Baker spoke to Congress and the Treasury.",
        &[("Baker", Person), ("Congress", Org), ("Treasury", Org)],
    ));
    let r = resolved(&docs);
    let n = docs.len();
    assert_eq!(ids(&r, n - 2)[0], "person:baker");
    assert_eq!(ids(&r, n - 1)[0], "person:baker");
    let apart = merge_by(&r, Rule::KeptApart);
    assert_eq!(apart.articles, 2);
    assert!(
        apart.evidence.starts_with("no decisive evidence"),
        "{}",
        apart.evidence
    );
}

/// Ronald Reagan named in twelve articles (with the White House in four, Congress in
/// eight), Nancy Reagan in two, each with the White House and the First Lady's Office, and
/// the article with a bare "Reagan" last.
fn two_reagans(bare: Doc) -> Vec<Doc> {
    let mut docs = Vec::new();
    for (text, names) in [
        (
            "Ronald Reagan, White House and Congress.",
            &[("White House", Place), ("Congress", Org)][..],
        ),
        ("Ronald Reagan and Congress.", &[("Congress", Org)][..]),
        ("Ronald Reagan in Moscow.", &[("Moscow", Place)][..]),
    ] {
        for _ in 0..4 {
            let mut all = vec![("Ronald Reagan", Person)];
            all.extend_from_slice(names);
            docs.push(doc(text, &all));
        }
    }
    for _ in 0..2 {
        docs.push(doc(
            "Nancy Reagan, White House and the First Lady's Office.",
            &[
                ("Nancy Reagan", Person),
                ("White House", Place),
                ("First Lady's Office", Org),
            ],
        ));
    }
    for _ in 0..200 {
        docs.push(doc("Filler on Tokyo.", &[("Tokyo", Place)]));
    }
    docs.push(bare);
    docs
}

#[test]
fn a_short_name_leans_to_the_full_name_the_collection_names_most() {
    // The evidence alone: Ronald Reagan 2.6, Nancy Reagan 1.4, less than twice as much.
    let docs = two_reagans(doc(
        "Reagan spoke at the White House to Congress.",
        &[
            ("Reagan", Person),
            ("White House", Place),
            ("Congress", Org),
        ],
    ));
    let r = resolved(&docs);
    assert_eq!(ids(&r, docs.len() - 1)[0], "person:ronald-reagan");
    let m = merge_by(&r, Rule::CollectionEvidence);
    assert!(m.evidence.contains("as the rarer name"), "{}", m.evidence);
    // A rarer full name still wins where the names around it point to it alone.
    let docs = two_reagans(doc(
        "Reagan spoke for the First Lady's Office.",
        &[("Reagan", Person), ("First Lady's Office", Org)],
    ));
    let r = resolved(&docs);
    assert_eq!(ids(&r, docs.len() - 1)[0], "person:nancy-reagan");
}

/// Ronald Reagan with Shultz in 45 articles, Nancy Reagan at the White House in 3, a bare
/// "Reagan" with Shultz in `decided` (the names around link them), a bare "Reagan" with
/// nothing around it in `bare`, 400 fillers, and `last`.
fn reagans_read(decided: usize, bare: usize, last: Doc) -> Vec<Doc> {
    let mut docs = Vec::new();
    for _ in 0..45 {
        docs.push(doc(
            "Ronald Reagan met Shultz.",
            &[("Ronald Reagan", Person), ("Shultz", Person)],
        ));
    }
    for _ in 0..3 {
        docs.push(doc(
            "Nancy Reagan visited the White House.",
            &[("Nancy Reagan", Person), ("White House", Place)],
        ));
    }
    for _ in 0..decided {
        docs.push(doc(
            "Reagan met Shultz.",
            &[("Reagan", Person), ("Shultz", Person)],
        ));
    }
    for _ in 0..bare {
        docs.push(doc("Reagan said so.", &[("Reagan", Person)]));
    }
    for _ in 0..400 {
        docs.push(doc("Filler on Tokyo.", &[("Tokyo", Place)]));
    }
    docs.push(last);
    docs
}

#[test]
fn an_undecided_short_name_follows_the_collections_reading_of_it() {
    // The evidence made a bare "Reagan" Ronald Reagan in all 12 articles it decided: one
    // with nothing around it is him too, and so is a close call.
    let bare = || doc("Reagan said so.", &[("Reagan", Person)]);
    let docs = reagans_read(12, 3, bare());
    let r = resolved(&docs);
    assert_eq!(ids(&r, docs.len() - 1), ["person:ronald-reagan"]);
    // The 12 decided, the 3 bare ones before and this one.
    assert_eq!(merge_by(&r, Rule::CollectionEvidence).articles, 16);
    // Shultz for Ronald (2.0), the White House for Nancy (2.4, 1.0 as the rarer name): not
    // twice as much, but the way the collection reads the name.
    let close = doc(
        "Reagan met Shultz at the White House.",
        &[
            ("Reagan", Person),
            ("Shultz", Person),
            ("White House", Place),
        ],
    );
    let docs = reagans_read(12, 0, close);
    let r = resolved(&docs);
    assert_eq!(ids(&r, docs.len() - 1)[0], "person:ronald-reagan");
    // Not from fewer decided articles than undecided ones (the bare name may be anyone) ...
    let docs = reagans_read(12, 20, bare());
    assert_eq!(ids(&resolved(&docs), docs.len() - 1), ["person:reagan"]);
    // ... nor from fewer than ten.
    let docs = reagans_read(9, 0, bare());
    let r = resolved(&docs);
    assert_eq!(ids(&r, docs.len() - 1), ["person:reagan"]);
    assert!(merged(&r, "Reagan", Rule::KeptApart));
}

#[test]
fn a_generic_word_stands_for_the_articles_only_organisation_with_it() {
    let r = resolved(&[
        doc(
            "The CSTO met. The Organization will stay.",
            &[("CSTO", Org), ("Organization", Org)],
        ),
        doc(
            "The World Bank and the Bank of England. The Bank said.",
            &[("World Bank", Org), ("Bank of England", Org), ("Bank", Org)],
        ),
        doc(
            "The World Bank lent. The Bank said.",
            &[("World Bank", Org), ("Bank", Org)],
        ),
    ]);
    assert_eq!(ids(&r, 0), ["organization:csto"]);
    assert_eq!(
        ids(&r, 1),
        ["organization:world-bank", "organization:bank-of-england"]
    );
    assert_eq!(ids(&r, 2), ["organization:world-bank"]);
    assert!(dropped(&r, "Bank", Rule::GenericWord));
}

#[test]
fn an_acronym_spelt_out_elsewhere_joins_its_full_name() {
    let (articles, mut annotations) = corpus(&[
        doc(
            "The European Community and the EC.",
            &[("European Community", Org)],
        ),
        doc(
            "The European Community and the EC.",
            &[("European Community", Org)],
        ),
        doc("The EC said.", &[("EC", Org)]),
    ]);
    for found in &mut annotations[..2] {
        found.entities[0].aliases.push("EC".into());
    }
    let r = resolve(&articles, annotations);
    assert_eq!(ids(&r, 2), ["organization:european-community"]);
}

#[test]
fn an_acronym_its_article_spells_out_in_lower_case_is_that_articles_term_only() {
    // Three stories' `CP` is Canadian Pacific; two spell `CP` out as commercial paper,
    // where extraction made it a miscellany. Those two neither outvote the firm's nor are
    // outvoted by it.
    let firm = || {
        doc(
            "Canadian Pacific Ltd sold shares. CP said it would buy.",
            &[("Canadian Pacific Ltd", Org), ("CP", Org)],
        )
    };
    let paper = || {
        doc(
            "It sold commercial paper (CP) here. CP rates rose.",
            &[("CP", Misc)],
        )
    };
    let r = resolved(&[paper(), paper(), firm(), paper(), firm()]);
    for term in [0, 1, 3] {
        assert_eq!(ids(&r, term), ["misc:cp"], "article {term}");
    }
    for story in [2, 4] {
        assert_eq!(
            ids(&r, story),
            ["organization:canadian-pacific-ltd"],
            "article {story}"
        );
    }
    // The letters in capitals before a bracket are no spelling out, nor are words in
    // capitals.
    let r = resolved(&[
        doc("It sold Commercial Paper (CP) here.", &[("CP", Misc)]),
        doc("CP said so. CP rose.", &[("CP", Org)]),
        doc("CP said so.", &[("CP", Org)]),
    ]);
    assert_eq!(ids(&r, 0), ["organization:cp"]);
}

#[test]
fn an_article_that_calls_its_person_by_surname_gets_every_mention() {
    let text = "Stanislav Zas said. \"Quote,\" Zas concluded. Zas reminded them.";
    let (articles, mut annotations) = corpus(&[doc(text, &[("Stanislav Zas", Person)])]);
    annotations[0].entities[0].aliases.push("Zas".into());
    let r = resolve(&articles, annotations);
    let written: Vec<&str> = r.annotations[0]
        .mentions
        .iter()
        .map(|m| m.span.slice(&articles[0].text))
        .collect();
    assert_eq!(written, ["Stanislav Zas", "Zas", "Zas"]);
}

#[test]
fn quote_speakers_follow_their_entity_and_lose_a_dropped_one() {
    let signed = || {
        doc(
            "Smith said.\nREUTER\n",
            &[("REUTER", Person), ("Smith", Person)],
        )
    };
    let (articles, mut annotations) = corpus(&[signed(), signed(), signed()]);
    annotations[0].quotes.push(crate::extract::Quote {
        span: ByteSpan::new(0, 5),
        speaker: Some("Smith".into()),
        speaker_entity: Some(1),
        speaker_span: None,
    });
    annotations[0].quotes.push(crate::extract::Quote {
        span: ByteSpan::new(0, 5),
        speaker: Some("REUTER".into()),
        speaker_entity: Some(0),
        speaker_span: None,
    });
    let r = resolve(&articles, annotations);
    assert_eq!(r.annotations[0].quotes[0].speaker_entity, Some(0));
    assert_eq!(r.annotations[0].quotes[1].speaker_entity, None);
}

#[test]
fn a_firm_name_split_at_and_is_joined_but_two_countries_are_not() {
    let rated = || {
        doc(
            "The issue is rated AA by Standard and Poor's. Britain and France agreed.",
            &[
                ("Standard", Org),
                ("Poor", Person),
                ("Britain", Place),
                ("France", Place),
            ],
        )
    };
    let r = resolved(&[rated(), rated(), rated()]);
    let mut found = ids(&r, 0);
    found.sort_unstable();
    assert_eq!(
        found,
        [
            "organization:standard-and-poor-s",
            "place:france",
            "place:united-kingdom"
        ]
    );
    let m = &r.annotations[0].mentions;
    let text = &corpus(&[rated()]).0[0].text;
    assert!(
        m.iter()
            .any(|m| m.span.slice(text) == "Standard and Poor's")
    );
    assert!(merged(&r, "Poor", Rule::NameHalves));
}

#[test]
fn a_first_half_the_tagger_left_out_is_joined_too() {
    let cut = || {
        doc(
            "NEW YORK, March 2 - Standard and Poor's Corp said it cut the rating.",
            &[("NEW YORK", Place), ("Poor's Corp", Org)],
        )
    };
    let r = resolved(&[cut(), cut(), cut()]);
    assert_eq!(
        ids(&r, 2),
        ["place:new-york", "organization:standard-and-poor-s-corp"]
    );
}

#[test]
fn a_name_seen_mostly_alone_is_no_half() {
    let r = resolved(&[
        doc(
            "Reagan and Baker met.",
            &[("Reagan", Person), ("Baker", Person)],
        ),
        doc("Baker spoke.", &[("Baker", Person)]),
        doc("Baker spoke.", &[("Baker", Person)]),
        doc("Baker spoke.", &[("Baker", Person)]),
    ]);
    assert_eq!(ids(&r, 0), ["person:reagan", "person:baker"]);
}

#[test]
fn a_pair_of_names_never_named_apart_is_one_firm_but_people_named_apart_stay_people() {
    let firm = || {
        doc(
            "Wagner and Brown bid for GenCorp. Welsh, Carson, Anderson and Stowe bought it.",
            &[
                ("Wagner", Person),
                ("Brown", Person),
                ("GenCorp", Org),
                ("Welsh", Misc),
                ("Carson", Person),
                ("Anderson", Person),
                ("Stowe", Person),
            ],
        )
    };
    let people = || {
        doc(
            "Reagan and Baker met in Paris. Baker said the talks went well.",
            &[("Reagan", Person), ("Baker", Person), ("Paris", Place)],
        )
    };
    let place = || {
        doc(
            "Jones and Texas rose.",
            &[("Jones", Person), ("Texas", Place)],
        )
    };
    let r = resolved(&[
        firm(),
        firm(),
        firm(),
        people(),
        people(),
        people(),
        doc(
            "Reagan and Baker met.",
            &[("Reagan", Person), ("Baker", Person)],
        ),
        place(),
        place(),
        place(),
    ]);
    let mut found = ids(&r, 0);
    found.sort_unstable();
    assert_eq!(
        found,
        [
            "organization:gencorp",
            "organization:wagner-and-brown",
            "organization:welsh-carson-anderson-and-stowe",
        ]
    );
    let evidence = &r
        .decisions
        .merges
        .iter()
        .find(|m| m.name == "Brown")
        .expect("Brown joined")
        .evidence;
    assert!(
        evidence.contains("in 3 of the 3 articles naming the pair"),
        "{evidence}"
    );
    assert!(merged(&r, "Welsh", Rule::NameHalves));
    // Named apart in three of the four articles naming them: two people.
    assert_eq!(ids(&r, 6), ["person:reagan", "person:baker"]);
    assert_eq!(ids(&r, 9), ["person:jones", "place:texas"]);
}

#[test]
fn resolving_is_deterministic() {
    let docs = two_bakers();
    assert_eq!(resolved(&docs), resolved(&docs));
}

#[test]
fn the_seeds_organization_is_the_csto_and_every_zas_is_marked() {
    let seed = include_str!("../../seeds/000_c9891722df91f9a5.txt");
    let article = parse_file("000_c9891722df91f9a5.txt", seed.as_bytes())
        .expect("seed")
        .remove(0);
    let found = crate::extract::annotate(&article);
    let r = resolve(std::slice::from_ref(&article), vec![found]);
    let named = |word: &str| {
        r.annotations[0]
            .mentions
            .iter()
            .filter(|m| m.span.slice(&article.text) == word)
            .map(|m| r.annotations[0].entities[m.entity].id.as_str())
            .collect::<Vec<_>>()
    };
    assert_eq!(named("Organization"), ["organization:csto"]);
    let zas = named("Zas");
    assert!(
        zas.len() >= 3 && zas.iter().all(|id| *id == "person:stanislav-zas"),
        "{zas:?}"
    );
    for cue in ["Zas reminded", "Zas concluded"] {
        let at = article.text.find(cue).expect("cue");
        assert!(
            r.annotations[0].mentions.iter().any(|m| m.span.start == at),
            "{cue}"
        );
    }
}

/// Resolves `docs` with the edits of `toml` (an `aliases.toml`).
fn curated(docs: &[Doc], toml: &str) -> Resolved {
    let curation = Curation::parse(toml).expect("a valid aliases.toml");
    let (articles, annotations) = corpus(docs);
    resolve_curated(&articles, annotations, &curation)
}

/// The Bakers of one article, the sign-off of another, a misread kind.
fn curation_corpus() -> Vec<Doc> {
    vec![
        doc(
            "James Baker met bankers. Baker said rates would fall.",
            &[("James Baker", Person), ("Baker", Person)],
        ),
        doc(
            "Reagan Administration officials met Volcker.",
            &[("Reagan Administration", Person), ("Volcker", Person)],
        ),
        doc(
            "Paul Volcker spoke in Washington.",
            &[("Paul Volcker", Person), ("Washington", Place)],
        ),
    ]
}

#[test]
fn a_rename_gives_the_entity_its_new_name_and_id_and_says_so() {
    let r = curated(
        &curation_corpus(),
        "[[rename]]\nentity = \"person:james-baker\"\nname = \"James A. Baker\"\nnote = \"full name\"\n",
    );
    assert_eq!(ids(&r, 0), ["person:james-a-baker"]);
    assert_eq!(r.annotations[0].entities[0].canonical, "James A. Baker");
    let renamed = EntityId("person:james-a-baker".into());
    let m = r
        .decisions
        .merged_into(&renamed)
        .find(|m| m.name == "James Baker")
        .expect("the old name is a decision");
    assert_eq!(m.rule, Rule::Curated);
    assert!(
        m.evidence
            .contains("renamed by hand from person:james-baker (full name)")
    );
    // Baker keeps the automatic reason it joined James Baker for.
    assert!(merged(&r, "Baker", Rule::SameArticleFullName));
    assert!(r.decisions.curated[0].applied);
}

#[test]
fn a_merge_moves_every_name_and_keeps_the_reason_it_replaces() {
    let r = curated(
        &curation_corpus(),
        "[[merge]]\nentity = \"person:volcker\"\ninto = \"person:paul-volcker\"\n",
    );
    assert_eq!(ids(&r, 1)[1], "person:paul-volcker");
    assert_eq!(ids(&r, 2)[0], "person:paul-volcker");
    assert!(merged(&r, "Volcker", Rule::Curated));
    let outcome = &r.decisions.curated[0];
    assert!(outcome.applied, "{outcome:?}");
    assert_eq!(
        outcome.entity.as_ref().map(EntityId::as_str),
        Some("person:paul-volcker")
    );
}

#[test]
fn a_split_undoes_an_automatic_merge_and_shows_both_reasons() {
    let r = curated(
        &curation_corpus(),
        "[[split]]\nentity = \"person:james-baker\"\nname = \"Baker\"\n",
    );
    assert_eq!(ids(&r, 0), ["person:james-baker", "person:baker"]);
    // Baker's mention goes with it; James Baker's stays.
    let mentions_of = |entity: usize| {
        r.annotations[0]
            .mentions
            .iter()
            .filter(|m| m.entity == entity)
            .count()
    };
    assert_eq!((mentions_of(0), mentions_of(1)), (1, 1));
    let m = merge_by(&r, Rule::Curated);
    assert_eq!(m.into.as_str(), "person:baker");
    assert_eq!(
        m.evidence,
        "split off person:james-baker by hand; before: same article names the full name, same article names James Baker"
    );
}

#[test]
fn a_kind_change_and_a_hide_apply_and_a_hidden_entity_is_a_drop() {
    let r = curated(
        &curation_corpus(),
        "[[kind]]\nentity = \"organization:reagan-administration\"\nkind = \"misc\"\n\n[[hide]]\nentity = \"place:washington\"\nnote = \"dateline\"\n",
    );
    // The automatic organisation-word rule made it an organisation; the edit a misc name.
    assert_eq!(ids(&r, 1)[0], "misc:reagan-administration");
    assert_eq!(ids(&r, 2), ["person:paul-volcker"]);
    assert!(dropped(&r, "Washington", Rule::Curated));
    assert!(r.annotations[2].mentions.iter().all(|m| m.entity == 0));
    assert!(r.decisions.curated.iter().all(|c| c.applied));
}

#[test]
fn edits_apply_in_order_to_what_the_previous_ones_left() {
    let r = curated(
        &curation_corpus(),
        "[[rename]]\nentity = \"person:paul-volcker\"\nname = \"Paul A. Volcker\"\n\
         [[merge]]\nentity = \"person:volcker\"\ninto = \"person:paul-a-volcker\"\n",
    );
    assert_eq!(ids(&r, 1)[1], "person:paul-a-volcker");
    assert!(r.decisions.curated.iter().all(|c| c.applied));
}

#[test]
fn an_edit_naming_an_entity_these_articles_lack_is_reported_not_lost() {
    let r = curated(
        &curation_corpus(),
        "[[hide]]\nentity = \"person:reuter\"\n\n[[split]]\nentity = \"person:james-baker\"\nname = \"Jim\"\n\n\
         [[rename]]\nentity = \"person:volcker\"\nname = \"Paul Volcker\"\n",
    );
    let c = &r.decisions.curated;
    assert_eq!(c.len(), 3);
    assert!(c.iter().all(|c| !c.applied), "{c:?}");
    assert_eq!(c[0].line, Some(1));
    assert!(c[0].outcome.contains("no entity person:reuter"));
    assert!(
        c[1].outcome
            .contains("no name “Jim” is merged into person:james-baker")
    );
    assert!(
        c[2].outcome
            .contains("person:paul-volcker already exists; merge")
    );
    // Nothing changed.
    assert_eq!(r.annotations, resolved(&curation_corpus()).annotations);
}

#[test]
fn the_file_round_trips_through_its_writer() {
    let text = "# a comment\n[[rename]]\nentity = \"person:james-baker\"  # trailing\nname = \"James \\\"Jim\\\" Baker\\u00e9\"\n\
                [[merge]]\nentity = \"person:volcker\"\ninto = \"person:paul-volcker\"\nnote = \"same man\\nsure\"\n\
                [[split]]\nentity = \"person:james-baker\"\nname = \"Baker\"\n\
                [[ kind ]]\nentity = \"organization:bank\"\nkind = \"place\"\n[[hide]]\nentity = \"person:reuter\"\n";
    let parsed = Curation::parse(text).expect("valid");
    assert_eq!(parsed.edits.len(), 5);
    assert_eq!(
        parsed.edits[0].action,
        aliases::Action::Rename {
            entity: EntityId("person:james-baker".into()),
            name: "James \"Jim\" Bakeré".into()
        }
    );
    let written = parsed.to_toml();
    let again = Curation::parse(&written).expect("the writer writes valid files");
    let without_lines = |c: &Curation| {
        c.edits
            .iter()
            .map(|e| (e.action.clone(), e.note.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(without_lines(&again), without_lines(&parsed));
    assert_eq!(again.to_toml(), written);
}

#[test]
fn a_bad_file_is_refused_with_every_problem_and_its_line() {
    let text = "entity = \"person:x\"\n\
                [[merge]]\nentity = \"persn:baker\"\ninto = \"person:James Baker\"\n\
                [[rename]]\nentity = \"person:a\"\n\
                [[alias]]\nname = \"x\"\n\
                [[kind]]\nentity = \"person:a\"\nkind = \"persn\"\nkind = \"place\"\ncolour = \"red\"\n\
                [[hide]]\nentity = 'person:a'\n\
                [[hide]]\nentity = \"person:a\nwhat\n\
                [[merge]]\nentity = \"person:a\"\ninto = \"person:a\"\n";
    let errors = Curation::parse(text).expect_err("invalid");
    let lines: Vec<String> = errors.iter().map(|e| e.at("aliases.toml")).collect();
    assert_eq!(
        lines,
        [
            "aliases.toml:1: `entity` is outside an edit; start one with a header such as [[merge]]",
            "aliases.toml:3: merge: unknown kind `persn`; kinds are person, organization, place, misc",
            "aliases.toml:4: merge: `person:James Baker` is not an entity id; write it as in links, kind:slug (person:james-baker)",
            "aliases.toml:5: rename: missing `name`; [[rename]] takes entity, name and optionally note",
            "aliases.toml:7: unknown edit `[[alias]]`; edits are [[rename]], [[merge]], [[split]], [[kind]], [[hide]]",
            "aliases.toml:11: kind: unknown kind `persn`; kinds are person, organization, place, misc",
            "aliases.toml:12: kind: `kind` is given twice",
            "aliases.toml:13: kind: unknown field `colour`; [[kind]] takes entity, kind and optionally note",
            "aliases.toml:14: hide: missing `entity`; [[hide]] takes entity and optionally note",
            "aliases.toml:15: the value must be a string in double quotes (\"…\"): single-quoted strings are not read; use double quotes",
            "aliases.toml:16: hide: missing `entity`; [[hide]] takes entity and optionally note",
            "aliases.toml:17: the value must be a string in double quotes (\"…\"): the closing quote is missing",
            "aliases.toml:18: expected `[[edit]]`, `key = \"value\"`, a `#` comment or a blank line",
            "aliases.toml:19: merge: `person:a` into itself",
        ]
    );
}

#[test]
fn edits_applied_to_kept_verdicts_equal_resolving_again_with_them() {
    let (articles, annotations) = corpus(&curation_corpus());
    let curation = Curation::parse(
        "[[merge]]\nentity = \"person:volcker\"\ninto = \"person:paul-volcker\"\n\
         [[split]]\nentity = \"person:james-baker\"\nname = \"Baker\"\n",
    )
    .expect("valid");
    let kept = prepare(&articles, annotations.clone());
    let plain = kept.clone().finish(&articles, &Curation::default());
    assert_eq!(plain, resolve(&articles, annotations.clone()));
    let edited = kept.finish(&articles, &curation);
    assert_eq!(edited, resolve_curated(&articles, annotations, &curation));
    assert_ne!(edited.annotations, plain.annotations);
}

#[test]
fn resolving_an_article_a_step_gives_what_resolving_at_once_gives() {
    let rated = || {
        doc(
            "The issue is rated AA by Standard and Poor's. Britain and France agreed.",
            &[
                ("Standard", Org),
                ("Poor", Person),
                ("Britain", Place),
                ("France", Place),
            ],
        )
    };
    let mut docs = curation_corpus();
    docs.extend([rated(), rated(), rated()]);
    let (articles, annotations) = corpus(&docs);
    let curation =
        Curation::parse("[[merge]]\nentity = \"person:volcker\"\ninto = \"person:paul-volcker\"\n")
            .expect("valid");
    let mut preparing = Preparing::new(&articles, annotations.clone());
    let mut steps = 0;
    while preparing.step(&mut || false) {
        steps += 1;
    }
    // Every article of the three article-wise rules was its own step.
    assert!(steps >= 3 * articles.len(), "{steps} steps");
    let mut finishing = preparing.prepared().finishing(&articles, &curation);
    while finishing.step(&mut || false) {}
    assert_eq!(
        finishing.resolved(),
        resolve_curated(&articles, annotations, &curation)
    );
}

#[test]
fn share_classes_and_credit_ratings_are_no_names_and_a_sentence_after_a_name_is_no_class() {
    let r = resolved(&[
        doc(
            "Brown-Forman said the split of its Class A and Class B shares was approved.",
            &[("Brown-Forman", Org), ("Class", Org)],
        ),
        doc(
            "Debron will sell 900,000 Class A shares. The notes are rated AAA by Moody's.",
            &[("Class", Org), ("AAA", Org), ("Moody's", Org)],
        ),
        doc(
            "Moody's upgraded the bank to Aaa from Aa-1. The Ecu bond pays 7 pct.",
            &[("Moody's", Org), ("Aaa", Org), ("Aa-1", Org), ("Ecu", Org)],
        ),
        doc(
            "The statement came from Reagan. A spokesman for Reagan said so. Reagan I think agreed.",
            &[("Reagan", Person)],
        ),
    ]);
    for (name, rule) in [
        ("Class", Rule::NotAName),
        // `AAA` and `Aaa` share a key: one decision for both articles.
        ("AAA", Rule::NotAName),
        ("Aa-1", Rule::NotAName),
    ] {
        assert!(dropped(&r, name, rule), "{name}: {:?}", r.decisions.drops);
    }
    assert!(
        merged(&r, "Ecu", Rule::MiscWord),
        "{:?}",
        r.decisions.merges
    );
    assert_eq!(ids(&r, 0), ["organization:brown-forman"]);
    assert_eq!(ids(&r, 1), ["organization:moody-s"]);
    assert!(
        ids(&r, 2).iter().all(|id| !id.contains("aa")),
        "{:?}",
        ids(&r, 2)
    );
    // "Reagan. A spokesman" is a new sentence; one "Reagan I" in three mentions is no class.
    assert_eq!(ids(&r, 3), ["person:reagan"]);
}

#[test]
fn an_adjective_of_government_before_its_noun_is_no_name_but_a_body_named_with_it_is() {
    let r = resolved(&[
        doc(
            "Dealers said Federal funds traded at 6-1/4 pct.",
            &[("Federal", Org)],
        ),
        doc(
            "Baker opposes a Federal tax increase, Congressional sources said.",
            &[("Baker", Person), ("Federal", Org), ("Congressional", Misc)],
        ),
        doc(
            "The Federal government will cut spending. Congressional leaders agreed.",
            &[("Federal", Org), ("Congressional", Misc)],
        ),
        doc(
            "Federal Express Corp said its Federal Express unit grew.",
            &[("Federal Express Corp", Org), ("Federal Express", Org)],
        ),
        doc(
            "Congressional Budget Office said the deficit would grow.",
            &[("Congressional Budget Office", Org)],
        ),
    ]);
    for name in ["Federal", "Congressional"] {
        assert!(
            dropped(&r, name, Rule::NotAName),
            "{name}: {:?}",
            r.decisions.drops
        );
    }
    assert_eq!(ids(&r, 1), ["person:baker"]);
    assert!(
        ids(&r, 3).iter().all(|id| id.contains("federal-express")),
        "{:?}",
        ids(&r, 3)
    );
    assert_eq!(ids(&r, 4), ["organization:congressional-budget-office"]);
}

#[test]
fn a_short_form_joins_the_one_firm_its_article_names_and_then_every_article_alone() {
    let both = || {
        doc(
            "Ford Motor Co said sales rose. Ford said it would hire.",
            &[("Ford Motor Co", Org), ("Ford", Org)],
        )
    };
    let r = resolved(&[
        both(),
        both(),
        both(),
        doc("Ford said it would close a plant.", &[("Ford", Org)]),
    ]);
    assert_eq!(ids(&r, 0), ["organization:ford-motor-co"]);
    assert_eq!(ids(&r, 3), ["organization:ford-motor-co"]);
    assert!(merged(&r, "Ford", Rule::ShortFormInArticle));
    let alone = merge_by(&r, Rule::ShortForm);
    assert_eq!(
        (alone.name.as_str(), alone.articles),
        ("Ford", 1),
        "{alone:?}"
    );
    assert!(
        alone.evidence.contains("3 articles naming both"),
        "{alone:?}"
    );
    // The full name as the articles write it, legal form and all (its key is `ford motor`).
    assert!(
        alone.evidence.ends_with("stands for Ford Motor Co"),
        "{alone:?}"
    );
}

#[test]
fn initials_and_a_clipped_first_word_stand_for_the_articles_organisation() {
    let r = resolved(&[
        doc(
            "General Motors Corp cut output. GM said demand fell.",
            &[("General Motors Corp", Org), ("GM", Org)],
        ),
        doc(
            "The U.S. Department of Agriculture said. USDA officials agreed.",
            &[("U.S. Department of Agriculture", Org), ("USDA", Org)],
        ),
        doc(
            "The Federal Reserve added reserves. The Fed said.",
            &[("Federal Reserve", Org), ("Fed", Org)],
        ),
    ]);
    assert_eq!(ids(&r, 0), ["organization:general-motors-corp"]);
    assert_eq!(ids(&r, 1), ["organization:u-s-department-of-agriculture"]);
    assert_eq!(ids(&r, 2), ["organization:federal-reserve"]);
}

#[test]
fn a_short_form_stays_apart_from_a_body_no_firm_two_firms_and_its_own_firm() {
    let r = resolved(&[
        // `House` is no short form of one of its committees.
        doc(
            "The House Ways and Means Committee met. The House voted.",
            &[("House Ways and Means Committee", Org), ("House", Org)],
        ),
        // Two firms it could be short for: neither.
        doc(
            "Merrill Lynch and Co and Merrill Lynch Capital Markets Inc said. Merrill agreed.",
            &[
                ("Merrill Lynch and Co", Org),
                ("Merrill Lynch Capital Markets Inc", Org),
                ("Merrill", Org),
            ],
        ),
        // `Salomon` is the name of Salomon Inc, which two articles give with its legal form.
        doc(
            "Salomon Brothers Inc underwrote it. Salomon said.",
            &[("Salomon Brothers Inc", Org), ("Salomon", Org)],
        ),
        doc("Salomon Inc earned more.", &[("Salomon Inc", Org)]),
        doc("Salomon Inc earned less.", &[("Salomon Inc", Org)]),
    ]);
    assert_eq!(
        ids(&r, 0),
        [
            "organization:house-ways-and-means-committee",
            "organization:house"
        ]
    );
    assert!(
        ids(&r, 1).contains(&"organization:merrill"),
        "{:?}",
        ids(&r, 1)
    );
    assert!(
        ids(&r, 2).contains(&"organization:salomon-inc"),
        "{:?}",
        ids(&r, 2)
    );
    assert!(!merged(&r, "Salomon", Rule::ShortFormInArticle));
}

#[test]
fn an_acronym_spelt_out_mostly_one_way_joins_that_way_despite_a_typo() {
    let spelt = |full: &str| doc(&format!("The {full} lent."), &[]);
    let (articles, mut annotations) = corpus(&[
        spelt("International Monetary Fund"),
        spelt("International Monetary Fund"),
        spelt("International Monetary Fund"),
        spelt("International Monetary Fund"),
        spelt("Internatinal Monetary Fund"),
        doc("The IMF said.", &[("IMF", Org)]),
    ]);
    for (found, name) in annotations.iter_mut().zip([
        "International Monetary Fund",
        "International Monetary Fund",
        "International Monetary Fund",
        "International Monetary Fund",
        "Internatinal Monetary Fund",
    ]) {
        found.entities.push(Entity {
            id: EntityId::new(Org, name),
            kind: Org,
            canonical: name.into(),
            aliases: vec!["IMF".into()],
            role: None,
        });
    }
    let r = resolve(&articles, annotations);
    assert_eq!(ids(&r, 5), ["organization:international-monetary-fund"]);
    let m = merge_by(&r, Rule::Acronym);
    assert!(m.evidence.contains("4 of 5 articles"), "{m:?}");
}

#[test]
fn an_acronym_beside_a_firm_of_its_letters_is_that_firm_not_the_spelt_out_name() {
    let spelt = || doc("Monetary Compensatory Amounts rose.", &[]);
    let (articles, mut annotations) = corpus(&[
        spelt(),
        spelt(),
        doc("MCA said.", &[("MCA", Org)]),
        doc(
            "MCA Inc said. MCA added.",
            &[("MCA Inc", Org), ("MCA", Org)],
        ),
    ]);
    for found in &mut annotations[..2] {
        found.entities.push(Entity {
            id: EntityId::new(Org, "Monetary Compensatory Amounts"),
            kind: Org,
            canonical: "Monetary Compensatory Amounts".into(),
            aliases: vec!["MCA".into()],
            role: None,
        });
    }
    let r = resolve(&articles, annotations);
    assert_eq!(ids(&r, 2), ["organization:monetary-compensatory-amounts"]);
    assert_eq!(ids(&r, 3), ["organization:mca-inc"]);
}

#[test]
fn a_person_named_like_a_place_is_a_place_but_people_named_so_stay() {
    let r = resolved(&[
        doc("Fort Lauderdale grew.", &[("Fort Lauderdale", Person)]),
        doc("The Niger River rose.", &[("Niger River", Person)]),
        doc("Ricki Lake said.", &[("Ricki Lake", Person)]),
        doc("Michael Bay said.", &[("Michael Bay", Person)]),
        doc(
            "Mount Isa Mines Ltd said.",
            &[("Mount Isa Mines Ltd", Person)],
        ),
        doc("Hancock Brook rose.", &[("Hancock Brook", Person)]),
        doc("Peter Brook said.", &[("Peter Brook", Person)]),
        doc(
            "The Lincoln Reservoir froze.",
            &[("Lincoln Reservoir", Person)],
        ),
    ]);
    assert_eq!(ids(&r, 0), ["place:fort-lauderdale"]);
    assert!(merged(&r, "Fort Lauderdale", Rule::PlaceWord));
    assert_eq!(ids(&r, 1), ["place:niger-river"]);
    assert_eq!(ids(&r, 2), ["person:ricki-lake"]);
    assert_eq!(ids(&r, 3), ["person:michael-bay"]);
    // A firm's name is a firm's, whatever place word it opens with.
    assert_eq!(ids(&r, 4)[0].split(':').next(), Some("organization"));
    // A surname some places end in: a place's after a word that is no given name only.
    assert_eq!(ids(&r, 5), ["place:hancock-brook"]);
    assert_eq!(ids(&r, 6), ["person:peter-brook"]);
    assert_eq!(ids(&r, 7), ["place:lincoln-reservoir"]);
}

#[test]
fn an_organisation_named_like_a_place_is_a_place_but_firms_and_bodies_of_places_stay() {
    let r = resolved(&[
        doc("Output at Bass Strait fell.", &[("Bass Strait", Org)]),
        doc(
            "The Bank of Iron County said.",
            &[("Bank of Iron County", Org)],
        ),
        doc("James River said.", &[("James River", Org)]),
        doc("James River Corp said.", &[("James River Corp", Org)]),
        doc("James River Corp rose.", &[("James River Corp", Org)]),
        doc("The U.S. Congress voted.", &[("U.S. Congress", Place)]),
        doc("Notts County won.", &[("Notts County", Org)]),
    ]);
    assert_eq!(ids(&r, 0), ["place:bass-strait"]);
    assert!(merged(&r, "Bass Strait", Rule::PlaceWord));
    assert_eq!(ids(&r, 1), ["organization:bank-of-iron-county"]);
    assert_eq!(ids(&r, 2)[0].split(':').next(), Some("organization"));
    assert_eq!(ids(&r, 5)[0].split(':').next(), Some("organization"));
    assert_eq!(ids(&r, 6), ["organization:notts-county"]);
}

#[test]
fn events_shows_and_prizes_are_misc_but_bodies_and_ministries_named_alike_stay() {
    let r = resolved(&[
        doc("The Stanley Cup went on.", &[("Stanley Cup", Org)]),
        doc(
            "The Battle of Antietam raged.",
            &[("Battle of Antietam", Org)],
        ),
        doc("The Rimington Trophy went.", &[("Rimington Trophy", Place)]),
        doc(
            "The Glastonbury Festival opened.",
            &[("Glastonbury Festival", Person)],
        ),
        doc("The Ministry of War said.", &[("Ministry of War", Org)]),
        doc("Scientific Games said.", &[("Scientific Games", Org)]),
        doc(
            "The Human Rights Campaign said.",
            &[("Human Rights Campaign", Org)],
        ),
        doc("The Tokyo Summit ended.", &[("Tokyo Summit", Place)]),
        doc("Lees Summit grew.", &[("Lees Summit", Place)]),
    ]);
    assert_eq!(ids(&r, 0), ["misc:stanley-cup"]);
    assert!(merged(&r, "Stanley Cup", Rule::MiscWord));
    assert_eq!(ids(&r, 1), ["misc:battle-of-antietam"]);
    assert_eq!(ids(&r, 2), ["misc:rimington-trophy"]);
    assert_eq!(ids(&r, 3), ["misc:glastonbury-festival"]);
    for at in 4..7 {
        assert_eq!(
            ids(&r, at)[0].split(':').next(),
            Some("organization"),
            "{at}"
        );
    }
    assert_eq!(ids(&r, 7), ["misc:tokyo-summit"]);
    assert_eq!(ids(&r, 8), ["place:lees-summit"]);
}

#[test]
fn model_designations_and_plural_laws_are_misc_but_firms_stay() {
    let r = resolved(&[
        doc("The A300-600R flew.", &[("A300-600R", Org)]),
        doc("The F-15E flew.", &[("F-15E", Org)]),
        doc(
            "It met the U.S. Securities Acts.",
            &[("U.S. Securities Acts", Org)],
        ),
        doc("3M said.", &[("3M", Org)]),
        doc("KHJ-TV said.", &[("KHJ-TV", Org)]),
        doc(
            "Mexico's Nacional Financiera lent.",
            &[("Nacional Financiera", Person)],
        ),
    ]);
    assert_eq!(ids(&r, 0), ["misc:a300-600r"]);
    assert!(merged(&r, "A300-600R", Rule::MiscWord));
    assert_eq!(ids(&r, 1), ["misc:f-15e"]);
    assert_eq!(ids(&r, 2), ["misc:u-s-securities-acts"]);
    assert_eq!(ids(&r, 3), ["organization:3m"]);
    assert_eq!(ids(&r, 4), ["organization:khj-tv"]);
    assert_eq!(ids(&r, 5), ["organization:nacional-financiera"]);
}

#[test]
fn an_agreement_or_programme_tagged_a_body_is_misc_and_so_is_its_acronym() {
    let program = "Export Enhancement Program";
    let spelt = || {
        doc(
            &format!("The {program} (EEP) sold wheat."),
            &[(program, Org)],
        )
    };
    let (articles, mut annotations) = corpus(&[
        spelt(),
        spelt(),
        doc("The EEP sold wheat.", &[("EEP", Org)]),
        doc("The Louvre Accord held.", &[("Louvre Accord", Org)]),
        doc("The U.N. Program lent.", &[("U.N. Program", Org)]),
        doc("Delta Dental Plan said.", &[("Delta Dental Plan", Org)]),
        doc("The AIDS virus spread.", &[("AIDS", Misc)]),
        doc(
            "Acquired Immune Deficiency Syndrome (AIDS) spread.",
            &[("Acquired Immune Deficiency Syndrome", Org)],
        ),
        doc(
            "Acquired Immune Deficiency Syndrome (AIDS) spread.",
            &[("Acquired Immune Deficiency Syndrome", Org)],
        ),
    ]);
    for (at, name) in [
        (0, program),
        (1, program),
        (7, "Acquired Immune Deficiency Syndrome"),
        (8, "Acquired Immune Deficiency Syndrome"),
    ] {
        let entity = &mut annotations[at].entities[0];
        assert_eq!(entity.canonical, name);
        entity
            .aliases
            .push(if at < 2 { "EEP" } else { "AIDS" }.into());
    }
    let r = resolve(&articles, annotations);
    assert_eq!(ids(&r, 0), ["misc:export-enhancement-program"]);
    assert!(merged(&r, program, Rule::MiscWord));
    // The acronym alone follows its full name's kind.
    assert_eq!(ids(&r, 2), ["misc:export-enhancement-program"]);
    assert_eq!(ids(&r, 3), ["misc:louvre-accord"]);
    // A body's programme and a plan named by more than one word stay organisations.
    assert_eq!(ids(&r, 4), ["organization:u-n-program"]);
    assert_eq!(ids(&r, 5), ["organization:delta-dental-plan"]);
    // A miscellany's acronym never joins a body's name.
    assert_eq!(ids(&r, 6), ["misc:aids"]);
}

#[test]
fn a_firms_first_word_cut_off_by_the_tagger_is_joined_but_a_mere_adjective_is_not() {
    let cut = || {
        doc(
            "Shearson, a unit of American Express Co, said. Dresdner Bank AG agreed.",
            &[
                ("American", EntityKind::Misc),
                ("Express Co", Org),
                ("Dresdner Bank AG", Org),
            ],
        )
    };
    let german = doc(
        "The West German Dresdner Bank AG said.",
        &[("German", EntityKind::Misc), ("Dresdner Bank AG", Org)],
    );
    let r = resolved(&[cut(), cut(), cut(), german]);
    let mut found = ids(&r, 0);
    found.sort_unstable();
    assert_eq!(
        found,
        [
            "organization:american-express-co",
            "organization:dresdner-bank-ag"
        ]
    );
    assert!(merged(&r, "Express Co", Rule::NameHead));
    assert!(merged(&r, "American", Rule::NameHead));
    assert!(ids(&r, 3).contains(&"organization:dresdner-bank-ag"));
}

#[test]
fn a_firm_name_split_at_a_comma_is_joined_but_a_list_is_not() {
    let cut = || {
        doc(
            "Goldman, Sachs and Co managed the issue. IBM, Digital Equipment Corp and Apple fell.",
            &[
                ("Goldman", Org),
                ("Sachs and Co", Org),
                ("IBM", Org),
                ("Digital Equipment Corp", Org),
                ("Apple", Org),
            ],
        )
    };
    let alone = || {
        doc(
            "Digital Equipment Corp rose.",
            &[("Digital Equipment Corp", Org)],
        )
    };
    let r = resolved(&[cut(), cut(), cut(), alone(), alone(), alone(), alone()]);
    let found = ids(&r, 0);
    assert!(
        found.contains(&"organization:goldman-sachs-and-co"),
        "{found:?}"
    );
    assert!(
        found.contains(&"organization:digital-equipment-corp"),
        "{found:?}"
    );
    assert!(found.contains(&"organization:ibm"), "{found:?}");
}

#[test]
fn the_the_before_a_name_and_a_verb_after_it_split_nothing() {
    let (articles, mut annotations) = corpus(&[
        doc(
            "The International Monetary Fund said. James Baker met them.",
            &[
                ("The International Monetary Fund", Org),
                ("James Baker", Person),
            ],
        ),
        doc(
            "The loan from the International Monetary Fund came.",
            &[("International Monetary Fund", Org)],
        ),
    ]);
    annotations[0].entities[1].aliases.push("Baker said".into());
    let r = resolve(&articles, annotations);
    assert_eq!(ids(&r, 1), ["organization:international-monetary-fund"]);
    assert_eq!(ids(&r, 0)[0], "organization:international-monetary-fund");
    let baker = &r.annotations[0].entities[1];
    assert_eq!(baker.aliases, ["Baker"], "{baker:?}");
}

#[test]
fn a_person_tagged_first_word_of_the_articles_firm_is_the_firm_unless_a_person_ends_with_it() {
    let r = resolved(&[
        doc(
            "Phillips Petroleum Co raised prices. Phillips said demand rose.",
            &[("Phillips Petroleum Co", Org), ("Phillips", Person)],
        ),
        doc(
            "Phillips Petroleum Co raised prices. Susan Phillips said. Phillips added more.",
            &[
                ("Phillips Petroleum Co", Org),
                ("Susan Phillips", Person),
                ("Phillips", Person),
            ],
        ),
        // A later word: the surname a firm is named for.
        doc(
            "Walt Disney Co opened a park. Disney said it would grow.",
            &[("Walt Disney Co", Org), ("Disney", Person)],
        ),
        doc(
            "Walt Disney Co opened a park. Roy Disney said. Disney added more.",
            &[
                ("Walt Disney Co", Org),
                ("Roy Disney", Person),
                ("Disney", Person),
            ],
        ),
    ]);
    assert_eq!(ids(&r, 0), ["organization:phillips-petroleum-co"]);
    let second = ids(&r, 1);
    assert!(second.contains(&"person:susan-phillips"), "{second:?}");
    assert!(!second.contains(&"organization:phillips"), "{second:?}");
    assert_eq!(
        r.annotations[1].entities.len(),
        2,
        "Phillips joins Susan Phillips: {second:?}"
    );
    assert_eq!(ids(&r, 2), ["organization:walt-disney-co"]);
    assert_eq!(
        ids(&r, 3),
        ["organization:walt-disney-co", "person:roy-disney"]
    );
}

#[test]
fn a_person_tagged_word_of_the_articles_firm_is_that_firm_whatever_the_collection_names() {
    let r = resolved(&[
        doc("The Disney Co said.", &[("The Disney Co", Org)]),
        doc("Disney Co said.", &[("Disney Co", Org)]),
        // The votes alone would make it a person.
        doc("Disney said.", &[("Disney", Person)]),
        doc("Disney said.", &[("Disney", Person)]),
        doc(
            "Walt Disney Co opened a park. Disney said it would grow.",
            &[("Walt Disney Co", Org), ("Disney", Person)],
        ),
        doc(
            "Douglas Aircraft Co and McDonnell Douglas Corp. Douglas said.",
            &[
                ("Douglas Aircraft Co", Org),
                ("McDonnell Douglas Corp", Org),
                ("Douglas", Person),
            ],
        ),
    ]);
    assert_eq!(ids(&r, 4), ["organization:walt-disney-co"]);
    assert!(merged(&r, "Disney", Rule::ShortFormInArticle));
    // A first word wins over a later one.
    assert_eq!(
        ids(&r, 5),
        [
            "organization:douglas-aircraft-co",
            "organization:mcdonnell-douglas-corp"
        ]
    );
}

#[test]
fn a_name_before_a_firms_stock_or_named_with_a_legal_form_is_a_firm_but_a_known_place_is_not() {
    let r = resolved(&[
        doc(
            "It will buy two mln Valor ordinary shares. Valor PLC agreed. Valor makes beds.",
            &[("Valor PLC", Org), ("Valor", Person)],
        ),
        doc(
            "Holders get 230 mln shares of Kingsbridge common stock. Tokyo stock prices fell.",
            &[("Kingsbridge", Place), ("Tokyo", Place)],
        ),
        doc(
            "Brazil's Varig airline leased two jets. Volcker shares that view.",
            &[("Varig", Person), ("Volcker", Person)],
        ),
    ]);
    // One firm: `Valor` and `Valor PLC` share a key, and the name written most is its name.
    assert_eq!(ids(&r, 0), ["organization:valor"]);
    assert_eq!(ids(&r, 1), ["organization:kingsbridge", "place:tokyo"]);
    assert_eq!(ids(&r, 2), ["organization:varig", "person:volcker"]);
    assert!(merged(&r, "Kingsbridge", Rule::FirmContext));
    assert!(merged(&r, "Valor", Rule::LegalForm));
}

#[test]
fn a_place_named_like_an_organisation_is_one_unless_the_lists_know_it_or_it_is_a_dateline() {
    let r = resolved(&[doc(
        "NEWPORT NEWS, Va., March 2 - The Luxembourg Stock Exchange and the Soviet Union agreed.",
        &[
            ("NEWPORT NEWS", Place),
            ("Luxembourg Stock Exchange", Place),
            ("Soviet Union", Place),
        ],
    )]);
    let mut found = ids(&r, 0);
    found.sort_unstable();
    assert_eq!(
        found,
        [
            "organization:luxembourg-stock-exchange",
            "place:newport-news",
            "place:soviet-union"
        ]
    );
}

#[test]
fn an_organisations_ending_marks_a_second_half_but_a_name_mostly_alone_stays_apart() {
    let fda = || {
        doc(
            "The Food and Drug Administration's panel met. Treasury and Commerce Department aides came.",
            &[
                ("Food", Place),
                ("Drug Administration", Org),
                ("Treasury", Org),
                ("Commerce Department", Org),
            ],
        )
    };
    let alone = || {
        doc(
            "The Commerce Department said.",
            &[("Commerce Department", Org)],
        )
    };
    let r = resolved(&[fda(), fda(), fda(), alone(), alone(), alone(), alone()]);
    let mut found = ids(&r, 0);
    found.sort_unstable();
    assert_eq!(
        found,
        [
            "organization:commerce-department",
            "organization:food-and-drug-administration",
            "organization:treasury"
        ]
    );
}

#[test]
fn a_short_form_whose_kind_the_collection_voted_joins_its_firm_too() {
    let r = resolved(&[
        doc(
            "General Motors Corp cut output. GM said demand fell.",
            &[("General Motors Corp", Org), ("GM", Place)],
        ),
        doc("GM raised prices.", &[("GM", Org)]),
        doc("GM hired workers.", &[("GM", Org)]),
        // The tagger's `Jaguar PLC`, a person here, is still a firm's own name.
        doc(
            "Jaguar PLC's Jaguar Cars Inc unit sold more.",
            &[("Jaguar Cars Inc", Org), ("Jaguar PLC", Person)],
        ),
        doc("Jaguar PLC earned more.", &[("Jaguar PLC", Org)]),
    ]);
    assert_eq!(ids(&r, 0), ["organization:general-motors-corp"]);
    let jaguar = ids(&r, 3);
    assert_eq!(jaguar.len(), 2, "{jaguar:?}");
}

/// The fates of `docs`' names, resolved as an archive's articles are.
fn archive_fates(docs: &[Doc]) -> Vec<from_archive::NameFate> {
    let archive = resolved(docs);
    let entity = |id: &EntityId| {
        archive
            .annotations
            .iter()
            .flat_map(|a| &a.entities)
            .find(|e| e.id == *id)
    };
    from_archive::fates_of(
        &archive.decisions,
        |id| entity(id).is_some(),
        |id| entity(id).map(|e| e.canonical.clone()),
    )
}

/// The fate of extraction id `from` among `fates`; fails the test when there is none.
fn fate<'a>(fates: &'a [from_archive::NameFate], from: &str) -> &'a from_archive::NameFate {
    fates
        .iter()
        .find(|f| f.from == from)
        .unwrap_or_else(|| panic!("no fate of {from} in {fates:?}"))
}

/// `docs` resolved as the reader's own articles beside an archive with `fates`, then the
/// edits of `toml`.
fn beside_archive(docs: &[Doc], fates: &[from_archive::NameFate], toml: &str) -> Resolved {
    let (articles, annotations) = corpus(docs);
    let mut prepared = prepare(&articles, annotations);
    prepared.join_archive(&from_archive::ArchiveVerdicts::of(fates));
    let curation = Curation::parse(toml).expect("a valid aliases.toml");
    prepared.finish(&articles, &curation)
}

/// Two Bakers, and a lone `Baker` for each article of `lone` (text, names).
fn bakers_with(lone: &[(&str, &[(&'static str, EntityKind)])]) -> Vec<Doc> {
    let mut docs = two_bakers();
    for (text, names) in lone {
        docs.push(doc(text, names));
    }
    docs
}

const BAKER_AT_THE_BUNDESBANK: (&str, &[(&str, EntityKind)]) = (
    "Baker spoke to the Bundesbank and the Treasury.",
    &[("Baker", Person), ("Bundesbank", Org), ("Treasury", Org)],
);

#[test]
fn own_articles_take_the_archives_full_name_for_a_short_one() {
    let fates = archive_fates(&bakers_with(&[BAKER_AT_THE_BUNDESBANK]));
    let baker = fate(&fates, "person:baker");
    assert!(!baker.kept);
    let own = [doc("Baker flew to Tokyo.", &[("Baker", Person)])];
    // Alone, the reader's article keeps its short name.
    assert_eq!(ids(&resolved(&own), 0), ["person:baker"]);
    let r = beside_archive(&own, &fates, "");
    assert_eq!(ids(&r, 0), ["person:james-baker"]);
    assert_eq!(r.annotations[0].entities[0].canonical, "James Baker");
    let merge = merge_by(&r, Rule::Archive);
    assert_eq!(merge.from.as_str(), "person:baker");
    assert!(
        merge.evidence.contains(
            "sends person:baker to person:james-baker in 1 of its articles (collection evidence)"
        ),
        "{}",
        merge.evidence
    );
    // The reader's hand edits apply after it, to the joined entity.
    let renamed = beside_archive(
        &own,
        &fates,
        "[[rename]]\nentity = \"person:james-baker\"\nname = \"James A. Baker\"\n",
    );
    assert_eq!(ids(&renamed, 0), ["person:james-a-baker"]);
    // The reader's own rules win: their article names another full name itself.
    let own = [doc(
        "Howard Baker met senators. Baker said talks went well.",
        &[("Howard Baker", Person), ("Baker", Person)],
    )];
    assert_eq!(
        ids(&beside_archive(&own, &fates, ""), 0),
        ["person:howard-baker"]
    );
}

#[test]
fn a_name_the_archive_sends_two_ways_keeps_or_reads_off_its_article_stays_as_the_reader_resolved_it()
 {
    let own = [doc("Baker flew to Tokyo.", &[("Baker", Person)])];
    let two_ways = archive_fates(&bakers_with(&[
        BAKER_AT_THE_BUNDESBANK,
        (
            "Baker spoke at the White House to Congress.",
            &[("Baker", Person), ("White House", Place), ("Congress", Org)],
        ),
    ]));
    let baker = fate(&two_ways, "person:baker");
    assert_eq!(baker.merged.len(), 2, "{baker:?}");
    assert_eq!(baker.verdict(), None);
    assert_eq!(
        ids(&beside_archive(&own, &two_ways, ""), 0),
        ["person:baker"]
    );
    // A name that also stays itself somewhere in the archive is no verdict either.
    let kept = archive_fates(&bakers_with(&[
        BAKER_AT_THE_BUNDESBANK,
        (
            "Baker spoke in Tokyo.",
            &[("Baker", Person), ("Tokyo", Place)],
        ),
    ]));
    let baker = fate(&kept, "person:baker");
    assert!(baker.kept, "{baker:?}");
    assert_eq!(baker.verdict(), None);
    // A full name beside the short one in the same article tells that article only.
    let in_article = archive_fates(&[doc(
        "James Baker met bankers. Baker said rates would fall.",
        &[("James Baker", Person), ("Baker", Person)],
    )]);
    let baker = fate(&in_article, "person:baker");
    assert!(baker.merged[0].reads_the_article, "{baker:?}");
    assert_eq!(baker.verdict(), None);
}

#[test]
fn a_name_the_archive_leaves_out_everywhere_is_left_out_of_own_articles() {
    let fates = [from_archive::NameFate {
        from: "person:reuter".into(),
        kept: false,
        merged: Vec::new(),
        dropped: vec![from_archive::DroppedBy {
            rule: Rule::SignOff.describe().into(),
            articles: 4_629,
            reads_the_article: false,
        }],
    }];
    let own = [doc(
        "Shares rose on Tuesday. Analyst Anna Berg said so.",
        &[("Anna Berg", Person), ("Reuter", Person)],
    )];
    let r = beside_archive(&own, &fates, "");
    assert_eq!(ids(&r, 0), ["person:anna-berg"]);
    let dropped = r
        .decisions
        .drops
        .iter()
        .find(|d| d.rule == Rule::Archive)
        .expect("a drop of the archive's rule");
    assert!(
        dropped
            .evidence
            .contains("in 4629 of its articles (agency sign-off)"),
        "{}",
        dropped.evidence
    );
}

#[test]
fn a_possessive_form_joins_its_name_but_a_name_ending_so_stays() {
    let ec = || {
        doc(
            "The EC said farm prices would fall. EC ministers met.",
            &[("EC", Org)],
        )
    };
    let mut docs = vec![
        ec(),
        ec(),
        doc("The EC's farm ministers met in Brussels.", &[("EC's", Org)]),
        // A firm whose name ends in `'s`, which the collection gives with a legal form,
        // beside a tagger's cut of it.
        doc(
            "Standard and Poor's Corp cut the rating.",
            &[("Standard and Poor's Corp", Org)],
        ),
        doc(
            "Standard and Poor's Corp said it may cut.",
            &[("Standard and Poor's Corp", Org)],
        ),
        doc(
            "Standard and Poor's said it cut.",
            &[("Standard and Poor's", Org)],
        ),
        doc("Standard and Poor said so.", &[("Standard and Poor", Org)]),
        doc("Standard and Poor agreed.", &[("Standard and Poor", Org)]),
        // A firm named like a person's possessive: the person stays a person, the firm a firm.
        doc("McDonald's said sales rose.", &[("McDonald's", Org)]),
        doc("Senator McDonald said no.", &[("McDonald", Person)]),
        doc("McDonald voted against it.", &[("McDonald", Person)]),
    ];
    // Written more often with the ending than without it: that is the name (`Lloyd's`).
    for _ in 0..3 {
        docs.push(doc("Harrod's said it sold more.", &[("Harrod's", Org)]));
    }
    docs.push(doc("Harrod said so.", &[("Harrod", Org)]));
    docs.push(doc("Harrod agreed.", &[("Harrod", Org)]));
    let r = resolved(&docs);
    assert_eq!(ids(&r, 2), ["organization:ec"]);
    let merge = merge_by(&r, Rule::Possessive);
    assert_eq!(merge.name, "EC's", "{merge:?}");
    assert!(
        merge.evidence.contains("2 articles name EC without it"),
        "{merge:?}"
    );
    assert_eq!(ids(&r, 5), ["organization:standard-and-poor-s-corp"]);
    assert_eq!(ids(&r, 8), ["organization:mcdonald-s"]);
    assert_eq!(ids(&r, 9), ["person:mcdonald"]);
    assert_eq!(ids(&r, 11), ["organization:harrod-s"]);
    assert_eq!(
        r.decisions
            .merges
            .iter()
            .filter(|m| m.rule == Rule::Possessive)
            .count(),
        1
    );
}

#[test]
fn a_persons_name_ending_one_other_persons_name_joins_it() {
    let r = resolved(&[
        doc(
            "Karl Otto Poehl said rates would hold.",
            &[("Karl Otto Poehl", Person)],
        ),
        doc(
            "Karl Otto Poehl spoke in Bonn.",
            &[("Karl Otto Poehl", Person)],
        ),
        doc("Otto Poehl said no.", &[("Otto Poehl", Person)]),
        // A word the tagger took in before a name the collection gives more often.
        doc("Clayton Yeutter said so.", &[("Clayton Yeutter", Person)]),
        doc("Clayton Yeutter agreed.", &[("Clayton Yeutter", Person)]),
        doc(
            "Trade Represenative Clayton Yeutter said.",
            &[("Represenative Clayton Yeutter", Person)],
        ),
        // The end of two names: which one is not said.
        doc(
            "F. Wilhelm Christians said.",
            &[("F. Wilhelm Christians", Person)],
        ),
        doc(
            "F. Wilhelm Christians agreed.",
            &[("F. Wilhelm Christians", Person)],
        ),
        doc(
            "Friedrich Wilhelm Christians said.",
            &[("Friedrich Wilhelm Christians", Person)],
        ),
        doc(
            "Wilhelm Christians said no.",
            &[("Wilhelm Christians", Person)],
        ),
        // Not whole words as written.
        doc("Chun Doo-hwan said.", &[("Chun Doo-hwan", Person)]),
        doc("Chun Doo-hwan agreed.", &[("Chun Doo-hwan", Person)]),
        doc("Doo Hwan said.", &[("Doo Hwan", Person)]),
    ]);
    assert_eq!(ids(&r, 2), ["person:karl-otto-poehl"]);
    assert_eq!(ids(&r, 5), ["person:clayton-yeutter"]);
    assert_eq!(ids(&r, 9), ["person:wilhelm-christians"]);
    assert_eq!(ids(&r, 12), ["person:doo-hwan"]);
    let merge = merge_by(&r, Rule::NameTail);
    assert!(
        merge
            .evidence
            .contains("ends Karl Otto Poehl and no other person's name")
            || merge
                .evidence
                .contains("ends Represenative Clayton Yeutter"),
        "{merge:?}"
    );
    assert_eq!(
        r.decisions
            .merges
            .iter()
            .filter(|m| m.rule == Rule::NameTail)
            .count(),
        2,
        "{:?}",
        r.decisions.merges
    );
}

#[test]
fn a_measures_acronym_is_left_to_the_article_that_names_a_firm_or_body_by_it() {
    let r = resolved(&[
        doc(
            "CPI Corp said it expects higher sales. CPI said so.",
            &[("CPI Corp", Org), ("CPI", Org)],
        ),
        doc(
            "The Council of People's Inspectors (CPI) reported. The CPI oversees spending.",
            &[("Council of People's Inspectors", Org), ("CPI", Org)],
        ),
        doc(
            "The CPI rose 0.4 pct, the Labor Department said.",
            &[("CPI", Org), ("Labor Department", Org)],
        ),
    ]);
    assert!(!ids(&r, 0).contains(&"misc:consumer-price-index"));
    assert!(!ids(&r, 1).contains(&"misc:consumer-price-index"));
    assert_eq!(ids(&r, 2)[0], "misc:consumer-price-index");
}

#[test]
fn economic_measures_are_neither_bodies_nor_places() {
    let r = resolved(&[
        doc(
            "Gross National Product rose 1.2 pct, and GNP may rise again, Commerce said.",
            &[
                ("Gross National Product", Org),
                ("GNP", Org),
                ("Commerce", Org),
            ],
        ),
        doc(
            "Libor fell. West Texas Intermediate rose. The Consumer Price Index rose.",
            &[
                ("Libor", Org),
                ("West Texas Intermediate", Place),
                ("Consumer Price Index", Org),
            ],
        ),
        // A product that is no output measure, and an index firm's name, stay bodies.
        doc(
            "National Product Corp and Index Technology Corp said.",
            &[
                ("National Product Corp", Org),
                ("Index Technology Corp", Org),
            ],
        ),
        doc(
            "The London Interbank Offered Rate rose.",
            &[("London Interbank Offered Rate", Org)],
        ),
    ]);
    // The acronym is the spelt-out measure's, whichever way it was tagged.
    assert_eq!(
        ids(&r, 0),
        ["misc:gross-national-product", "organization:commerce"]
    );
    let m = merge_by(&r, Rule::Acronym);
    assert!(
        m.evidence
            .contains("GNP is short for Gross National Product"),
        "{m:?}"
    );
    // Libor joins its spelt-out name, which an article tagging it an organisation writes.
    assert_eq!(
        ids(&r, 1),
        [
            "misc:london-interbank-offered-rate",
            "misc:west-texas-intermediate",
            "misc:consumer-price-index"
        ]
    );
    assert_eq!(ids(&r, 3), ["misc:london-interbank-offered-rate"]);
    assert_eq!(
        ids(&r, 2),
        [
            "organization:national-product-corp",
            "organization:index-technology-corp"
        ]
    );
    let merge = r
        .decisions
        .merges
        .iter()
        .find(|m| m.name == "London Interbank Offered Rate")
        .expect("the spelt-out Libor's kind changed");
    assert_eq!(merge.rule, Rule::MiscWord);
    assert!(
        merge.evidence.contains("an interbank interest rate"),
        "{merge:?}"
    );
}

#[test]
fn a_name_mostly_written_before_accord_or_scale_names_a_thing_but_a_place_stays() {
    let r = resolved(&[
        doc(
            "Since the Louvre accord the dollar held. The Louvre agreement stands.",
            &[("Louvre", Org)],
        ),
        doc(
            "The Louvre meeting ended. The Louvre pact held, and the Paris accord too.",
            &[("Louvre", Org), ("Paris", Place)],
        ),
        doc(
            "Louvre officials met in Paris.",
            &[("Louvre", Org), ("Paris", Place)],
        ),
        // Paris stands before `accord` in two of its three mentions: a listed place stays.
        doc("The Paris accord held.", &[("Paris", Place)]),
        // A scale is named after a seismologist, not the seismologist.
        doc(
            "It measured 6.9 on the Richter scale, and 5 on the Richter scale later.",
            &[("Richter", Person)],
        ),
    ]);
    assert_eq!(ids(&r, 0), ["misc:louvre"]);
    assert_eq!(ids(&r, 1), ["misc:louvre", "place:paris"]);
    assert_eq!(ids(&r, 3), ["place:paris"]);
    assert_eq!(ids(&r, 4), ["misc:richter"]);
    let merge = r
        .decisions
        .merges
        .iter()
        .find(|m| m.name == "Louvre")
        .expect("Louvre's kind changed");
    assert!(merge.evidence.contains("3 of 5 mentions"), "{merge:?}");
}

#[test]
fn a_place_tagged_first_word_of_the_articles_firm_is_that_firm_unless_written_as_a_place() {
    let r = resolved(&[
        doc(
            "BP bid for Standard Oil Co. Standard closed higher.",
            &[("Standard Oil Co", Org), ("Standard", Place)],
        ),
        // Some article tags the word alone an organisation: the tagger's place may be a firm.
        doc("Standard rose.", &[("Standard", Org)]),
        // A dateline's town stays a place beside the firm named after it.
        doc(
            "PROVIDENCE, R.I., March 2 - Providence Securities Inc said. It moved to Providence.",
            &[
                ("PROVIDENCE", Place),
                ("Providence Securities Inc", Org),
                ("Providence", Place),
            ],
        ),
        doc("Providence rose.", &[("Providence", Org)]),
        // No article tags `Hong` alone an organisation: the tagger's cut of Hong Kong stays.
        doc(
            "Hong Kong Land Co said. Shares in Hong rose.",
            &[("Hong Kong Land Co", Org), ("Hong", Place)],
        ),
    ]);
    assert_eq!(ids(&r, 0), ["organization:standard-oil-co"]);
    assert!(merged(&r, "Standard", Rule::ShortFormInArticle));
    assert!(ids(&r, 2).contains(&"place:providence"), "{:?}", ids(&r, 2));
    assert!(ids(&r, 4).contains(&"place:hong"), "{:?}", ids(&r, 4));
}

#[test]
fn a_body_the_article_gives_with_its_country_is_that_countrys_and_elsewhere_stays_apart() {
    let r = resolved(&[
        doc(
            "The U.S. Treasury said. The Treasury added.",
            &[("U.S. Treasury", Org), ("Treasury", Org)],
        ),
        // Without its country, the article does not say which Treasury.
        doc("The Treasury said in London.", &[("Treasury", Org)]),
        // A city's body is a branch, not the body: the Federal Reserve stays the system.
        doc(
            "The New York Federal Reserve Bank bought bills. The Federal Reserve said.",
            &[
                ("New York Federal Reserve Bank", Org),
                ("Federal Reserve", Org),
            ],
        ),
        // A firm with its legal form is the parent, not the American subsidiary.
        doc(
            "American Hoechst Corp, a unit of Hoechst AG, agreed.",
            &[("American Hoechst Corp", Org), ("Hoechst AG", Org)],
        ),
    ]);
    assert_eq!(ids(&r, 0), ["organization:u-s-treasury"]);
    assert_eq!(
        merge_by(&r, Rule::CountryInArticle).evidence,
        "the article also names it U.S. Treasury"
    );
    assert_eq!(ids(&r, 1), ["organization:treasury"]);
    assert!(
        ids(&r, 2).contains(&"organization:federal-reserve"),
        "{:?}",
        ids(&r, 2)
    );
    assert_eq!(ids(&r, 3).len(), 2, "{:?}", ids(&r, 3));
}

#[test]
fn a_spelling_variants_evidence_says_how_the_two_names_differ() {
    let r = resolved(&[
        doc(
            "The U.S. Department of Agriculture said.",
            &[("U.S. Department of Agriculture", Org)],
        ),
        doc(
            "The U.S. Department of Agriculture added.",
            &[("U.S. Department of Agriculture", Org)],
        ),
        doc(
            "The U.S. Agriculture Department said.",
            &[("U.S. Agriculture Department", Org)],
        ),
        doc("E.F. Hutton said.", &[("E.F. Hutton", Org)]),
        doc("E.F. Hutton added.", &[("E.F. Hutton", Org)]),
        doc("EF Hutton agreed.", &[("EF Hutton", Org)]),
    ]);
    assert_eq!(ids(&r, 2), ["organization:u-s-department-of-agriculture"]);
    let variant = |name: &str| {
        r.decisions
            .merges
            .iter()
            .find(|m| m.name == name && m.rule == Rule::SpellingVariant)
            .unwrap_or_else(|| panic!("no spelling-variant merge of {name}"))
            .evidence
            .clone()
    };
    assert!(
        variant("U.S. Agriculture Department").contains("an office's word order"),
        "{}",
        variant("U.S. Agriculture Department")
    );
    assert_eq!(
        variant("EF Hutton"),
        "EF Hutton and E.F. Hutton differ only in case or punctuation"
    );
}

#[test]
fn nationality_adjectives_and_peoples_are_miscellaneous_but_a_country_stays_a_place() {
    let r = resolved(&[doc(
        "Kuwaiti officials met the Soviets and the Filipinos in the Philippines.",
        &[
            ("Kuwaiti", Org),
            ("Soviets", Org),
            ("Filipinos", Person),
            ("Philippines", Place),
        ],
    )]);
    assert_eq!(
        ids(&r, 0),
        [
            "misc:kuwaiti",
            "misc:soviets",
            "misc:filipinos",
            "place:philippines"
        ]
    );
    assert!(merged(&r, "Soviets", Rule::Nationality));
}

#[test]
fn a_story_sent_again_is_one_witness_and_each_copy_takes_its_verdicts() {
    // Three articles naming both make `Ford` alone Ford Motor Co (the short-form rule); one
    // story sent three times is one article naming both.
    let both = || {
        doc(
            "Ford Motor Co said sales rose. Ford said it would hire.",
            &[("Ford Motor Co", Org), ("Ford", Org)],
        )
    };
    let alone = doc("Ford said it would close a plant.", &[("Ford", Org)]);
    let (articles, annotations) = corpus_verbatim(&[both(), both(), both(), alone.clone()]);
    let r = resolve(&articles, annotations);
    assert_eq!(ids(&r, 3), ["organization:ford"]);
    assert!(!merged(&r, "Ford", Rule::ShortForm));
    assert_eq!(r.decisions.repeated, 2);
    // Each copy still reads its own text, and is counted as an article of the decision.
    for i in 0..3 {
        assert_eq!(ids(&r, i), ["organization:ford-motor-co"]);
    }
    assert_eq!(merge_by(&r, Rule::ShortFormInArticle).articles, 3);
    // Three stories of that shape are three witnesses.
    let r = resolved(&[both(), both(), both(), alone]);
    assert_eq!(ids(&r, 3), ["organization:ford-motor-co"]);
    assert_eq!(r.decisions.repeated, 0);
}

#[test]
fn a_collection_copied_resolves_as_the_collection() {
    // Rules with thresholds in articles, each met by one story only when copies count: a
    // sign-off, a short form, the halves of a firm's name, a bare surname's evidence.
    let mut docs = two_bakers();
    docs.extend([
        doc(
            "Acme Corp said profits rose in Chicago.\n\nREUTER\n",
            &[("Acme Corp", Org), ("REUTER", Person)],
        ),
        doc(
            "Ford Motor Co said sales rose. Ford said it would hire.",
            &[("Ford Motor Co", Org), ("Ford", Org)],
        ),
        doc("Ford said it would close a plant.", &[("Ford", Org)]),
        doc(
            "Salomon Brothers and Hutton said. Standard and Poor's rated it.",
            &[
                ("Salomon Brothers", Org),
                ("Hutton", Org),
                ("Standard", Org),
                ("Poor's", Org),
            ],
        ),
        doc(
            "Baker spoke to Congress and the Treasury.",
            &[("Baker", Person), ("Congress", Org), ("Treasury", Org)],
        ),
    ]);
    let once = stories(&docs);
    let (articles, annotations) = corpus_verbatim(&once);
    let r1 = resolve(&articles, annotations);
    let thrice: Vec<Doc> = (0..3).flat_map(|_| once.iter().cloned()).collect();
    let (articles, annotations) = corpus_verbatim(&thrice);
    let r3 = resolve(&articles, annotations);
    for i in 0..thrice.len() {
        assert_eq!(ids(&r3, i), ids(&r1, i % once.len()), "article {i}");
    }
    // Every decision, its articles counted `times` over.
    let decisions = |r: &Resolved, times: usize| -> Vec<(String, Rule, usize)> {
        let merges = r
            .decisions
            .merges
            .iter()
            .map(|m| (&m.name, m.rule, m.articles));
        let drops = r
            .decisions
            .drops
            .iter()
            .map(|d| (&d.name, d.rule, d.articles));
        merges
            .chain(drops)
            .map(|(name, rule, articles)| (name.clone(), rule, times * articles))
            .collect()
    };
    let (counted, tripled) = (decisions(&r3, 1), decisions(&r1, 3));
    assert_eq!(counted, tripled);
    assert_eq!(r3.decisions.repeated, 2 * once.len());
}

#[test]
fn a_hand_edit_moves_a_repeated_storys_every_copy_and_counts_them() {
    let mut docs = curation_corpus();
    docs.push(docs[1].clone());
    let curation = Curation::parse(
        "[[merge]]\nentity = \"person:volcker\"\ninto = \"person:paul-volcker\"\n[[hide]]\nentity = \"person:paul-volcker\"\n",
    )
    .expect("a valid aliases.toml");
    let (articles, annotations) = corpus_verbatim(&docs);
    let r = resolve_curated(&articles, annotations, &curation);
    assert_eq!(r.decisions.repeated, 1);
    let outcomes: Vec<&str> = r
        .decisions
        .curated
        .iter()
        .map(|c| c.outcome.as_str())
        .collect();
    // `Volcker` stands in the story and its copy; the hidden entity then in three articles.
    assert!(
        outcomes[0].starts_with("its name in 2 articles"),
        "{outcomes:?}"
    );
    assert!(
        outcomes[1].starts_with("its name in 3 articles"),
        "{outcomes:?}"
    );
    assert!(
        r.annotations[3]
            .entities
            .iter()
            .all(|e| e.id.as_str() != "person:volcker")
    );
}

#[test]
fn a_body_many_countries_share_is_the_country_its_article_writes_before_it() {
    let r = resolved(&[
        doc(
            "The Italian Treasury sold bills. The Treasury said demand was weak.",
            &[("Italian", Misc), ("Treasury", Org)],
        ),
        doc(
            "Japan's Finance Ministry said. The Finance Ministry added.",
            &[("Japan", Place), ("Finance Ministry", Org)],
        ),
        doc(
            "The French Treasury and the Italian Treasury met.",
            &[("French", Misc), ("Italian", Misc), ("Treasury", Org)],
        ),
        doc("The Treasury sold bills.", &[("Treasury", Org)]),
        doc(
            "The U.S. Congress and Canadian Parliament voted.",
            &[("U.S.", Place), ("Congress and Canadian Parliament", Org)],
        ),
    ]);
    assert_eq!(
        ids(&r, 0),
        ["misc:italian", "organization:italian-treasury"]
    );
    // Every mention of it, the bare one too, is Italy's Treasury.
    assert!(
        r.annotations[0]
            .mentions
            .iter()
            .filter(|m| m.entity == 1)
            .count()
            == 2
    );
    let m = merge_by(&r, Rule::CountryInArticle);
    assert_eq!(m.evidence, "the article writes Italian Treasury");
    assert_eq!(
        ids(&r, 1),
        ["place:japan", "organization:japans-finance-ministry"]
    );
    // Two countries before one name, or none: it stays the shared name.
    assert_eq!(ids(&r, 2)[2], "organization:treasury");
    assert_eq!(ids(&r, 3), ["organization:treasury"]);
    assert_eq!(
        ids(&r, 4)[1],
        "organization:congress-and-canadian-parliament"
    );
}

//! Time expressions normalised to TIMEX3 values: every date, time, duration and recurrence
//! in an article body, resolved against the article's date (the anchor) when it has one.
//!
//! Three steps. [`lexicon`] says what single words mean. [`scan`] walks a sentence's tokens
//! and reads patterns into an unresolved [`expr::Expr`]: dates as written ([`written`],
//! [`numeric`]), times of day ([`clock`]), relative phrases ([`phrases`]), lengths and
//! distances ([`quantity`]) and one-token compounds ([`compound`]); [`tense`] reads which
//! way the sentence looks. [`normalise`] places the
//! expression on the calendar ([`calendar`] does the day arithmetic). One pass over the
//! tokens, each pattern looking a few tokens ahead: linear in the text.
//!
//! Conventions, where English leaves a choice:
//! - A month and day without a year (`November 23`) take the year that puts them nearest
//!   the anchor, from seven months back to four ahead; lone months (`in April`) too.
//! - Weekdays are the nearest one in the past (the anchor's own day included) unless the
//!   sentence looks ahead (`will`, `scheduled`, `until`…).
//! - `year-end` is December 31: of the anchor's year, of the year before when the sentence
//!   looks back (`since year-end`), of the year written after it (`year-end 1985`).
//! - `the quarter`, `the latest quarter` are the last finished quarter (the one earnings
//!   news reports); `a year ago` after a quarter is named is that quarter a year back.
//! - Without an anchor, relative expressions keep their granularity with unknown digits
//!   (`this year` → `XXXX`, `yesterday` → `XXXX-XX-XX`, `Friday` → `XXXX-WXX-5`): never a
//!   wrong absolute date.
//! - Ranges are one mention with an `A/B` value when written as one token pattern
//!   (`September 13-14`, `2019-2022`); `from May to July` is two mentions, as TimeBank
//!   annotates it.

mod calendar;
mod clock;
mod compound;
mod expr;
mod lexicon;
mod normalise;
mod numeric;
mod phrases;
mod quantity;
mod scan;
mod tense;
mod written;

use super::DateMention;
use super::structure::{Document, Token, TokenKind};
use crate::corpus::Date;
use crate::span::ByteSpan;
use expr::Expr;
use normalise::Context;
use scan::Scanner;

/// How many sentences after a quarter is named `a year ago` still means that quarter a
/// year back (earnings news compares periods: "third-quarter profit … a year earlier").
const QUARTER_REACH: usize = 5;

/// Every time expression in `doc`, resolved against the article's date `anchor` when known.
pub fn find(doc: &Document<'_>, anchor: Option<Date>) -> Vec<DateMention> {
    let lex: Vec<_> = doc
        .tokens
        .iter()
        .map(|t| match t.kind {
            // Every lexicon word has a letter; number tokens have none.
            TokenKind::Punct | TokenKind::Number => None,
            TokenKind::Word => lexicon::word(token_bytes(doc, t)),
        })
        .collect();
    let mut ctx = Context::new(anchor);
    let mut out = Vec::new();
    let mut quarter_named_in = 0;
    for (index, sentence) in doc.sentences.iter().enumerate() {
        if index > quarter_named_in + QUARTER_REACH {
            ctx.quarter = None;
        }
        let scanner = Scanner::new(
            doc.text,
            &doc.tokens,
            &lex,
            sentence.tokens.start,
            sentence.tokens.end,
        );
        let mut i = sentence.tokens.start;
        while i < sentence.tokens.end {
            let token = &doc.tokens[i];
            if lex[i].is_none() && !may_start(token.kind, token_bytes(doc, token)) {
                i += 1;
                continue;
            }
            let Some(found) = scanner.at(i).filter(|f| f.end > i) else {
                i += 1;
                continue;
            };
            ctx.tense = tense::of(doc, sentence.tokens.clone(), found.start..found.end);
            let (value, kind) = normalise::resolve(&found.expr, &ctx);
            // "The 1988 quarter" is itself the year-ago side of a comparison, never what
            // a later "a year ago" counts back from.
            let compared = matches!(
                found.expr,
                Expr::Quarter {
                    quarter: None,
                    year: Some(_),
                    ..
                }
            );
            if let (Expr::Quarter { .. }, Some(v), false) = (&found.expr, &value, compared) {
                ctx.quarter = quarter_of_value(v);
                quarter_named_in = index;
            }
            let span = ByteSpan::new(
                doc.tokens[found.start].span.start,
                doc.tokens[found.end - 1].span.end,
            );
            out.push(DateMention { span, value, kind });
            i = found.end;
        }
    }
    out
}

/// The bytes of `token`: all the lexicon and [`may_start`] read, without the char-boundary
/// checks of slicing a `str`, which every word of every article would pay.
fn token_bytes<'a>(doc: &Document<'a>, token: &Token) -> &'a [u8] {
    let span = token.span;
    doc.text
        .as_bytes()
        .get(span.start..span.end)
        .unwrap_or_default()
}

/// Whether a token of `kind` written `s`, which has no lexicon meaning, may still start an
/// expression: a number, an ordinal day or a compound (`23rd`, `1990s`, `third-quarter`), a
/// holiday (`Thanksgiving`), a decade in words (`nineties`), `these days`, `right now`. Most
/// tokens fail this cheap test and are skipped, so it must accept every word
/// [`Scanner::at`] can read from, and no more than earlier versions did: lowercase words
/// only as written (`these`, `right`) or ending in `s`.
fn may_start(kind: TokenKind, s: &[u8]) -> bool {
    match kind {
        TokenKind::Number => true,
        TokenKind::Punct => false,
        TokenKind::Word => {
            let first = s.first().copied().unwrap_or(b' ');
            if first.is_ascii_digit() || s.contains(&b'-') {
                true
            } else if first.is_ascii_uppercase() {
                written::may_name_holiday(s)
                    || compound::decade_word(s).is_some()
                    || s.eq_ignore_ascii_case(b"these")
                    || s.eq_ignore_ascii_case(b"right")
            } else {
                matches!(s, b"these" | b"right")
                    || s.ends_with(b"s") && s.len() <= 9 && compound::decade_word(s).is_some()
            }
        }
    }
}

/// `1989-Q3` → (1989, 3).
fn quarter_of_value(value: &str) -> Option<(i32, u8)> {
    let (year, quarter) = value.split_once("-Q")?;
    Some((year.parse().ok()?, quarter.parse().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::DateKind;

    const SEED: &str = include_str!("../../../../../seeds/000_c9891722df91f9a5.txt");

    fn dates(text: &str, anchor: Option<&str>) -> Vec<(String, Option<String>, DateKind)> {
        let doc = Document::parse(text, ByteSpan::new(0, text.len()));
        let anchor = anchor.map(|a| crate::corpus::parse_date(a).expect("test anchors are valid"));
        find(&doc, anchor)
            .into_iter()
            .map(|m| (doc.str(m.span).to_string(), m.value, m.kind))
            .collect()
    }

    fn value_of(found: &[(String, Option<String>, DateKind)], text: &str) -> Option<String> {
        found
            .iter()
            .find(|(t, ..)| t.contains(text))
            .unwrap_or_else(|| panic!("`{text}` not found in {found:?}"))
            .1
            .clone()
    }

    #[test]
    fn the_seed_article_without_an_anchor_keeps_years_unknown() {
        let found = dates(SEED, None);
        assert_eq!(
            value_of(&found, "September 13-14").as_deref(),
            Some("XXXX-09-13/XXXX-09-14")
        );
        assert_eq!(
            value_of(&found, "November 23").as_deref(),
            Some("XXXX-11-23")
        );
        assert_eq!(value_of(&found, "2 months").as_deref(), Some("P2M"));
        assert_eq!(value_of(&found, "this year").as_deref(), Some("XXXX"));
    }

    #[test]
    fn the_seed_article_with_its_date_resolves_every_date() {
        let found = dates(SEED, Some("2022-11-24"));
        assert_eq!(
            value_of(&found, "September 13-14").as_deref(),
            Some("2022-09-13/2022-09-14")
        );
        assert_eq!(
            value_of(&found, "November 23").as_deref(),
            Some("2022-11-23")
        );
        assert_eq!(value_of(&found, "this year").as_deref(), Some("2022"));
        let kinds: Vec<_> = found
            .iter()
            .filter(|(t, ..)| t == "2 months")
            .map(|f| f.2)
            .collect();
        assert_eq!(kinds, [DateKind::Duration]);
    }

    /// Sentence | expression | value with anchor 1998-01-08 (a Thursday) | value without.
    const TABLE: &str = "\
        It happened on November 23. | November 23 | 1997-11-23 | XXXX-11-23
        It happens on Feb. 2. | Feb. 2 | 1998-02-02 | XXXX-02-02
        We met on Thanksgiving Day. | Thanksgiving Day | 1997-11-27 | XXXX-11-XX
        Signed on 23 Nov 2022 in Paris. | 23 Nov 2022 | 2022-11-23 | 2022-11-23
        Signed on Nov. 23, 2022 in Paris. | Nov. 23, 2022 | 2022-11-23 | 2022-11-23
        Filed 2022-11-23 by the clerk. | 2022-11-23 | 2022-11-23 | 2022-11-23
        Filed 11/23/2022 by the clerk. | 11/23/2022 | 2022-11-23 | 2022-11-23
        Prices rose in 1998 again. | 1998 | 1998 | 1998
        Music of the 1990s was loud. | the 1990s | 199 | 199
        It closed in March 1998. | March 1998 | 1998-03 | 1998-03
        Sales peak in summer. | summer | 1998-SU | XXXX-SU
        Profit fell in the third quarter. | the third quarter | 1997-Q3 | XXXX-Q3
        Net rose from the 1996 quarter. | 1996 quarter | 1996-Q4 | 1996-QX
        Loans at 1996 year end rose. | 1996 year end | 1996 | 1996
        It aims to finish by year-end. | year-end | 1998-12-31 | XXXX-12-31
        Reserves have grown since year end. | year end | 1997-12-31 | XXXX-12-31
        At year-end, debt was low. | year-end | 1997-12-31 | XXXX-12-31
        Debt fell at year-end 1996 to 3 mln. | year-end 1996 | 1996-12-31 | 1996-12-31
        Imports rose from the same 1996 month. | 1996 | 1996 | 1996
        Profit fell in fiscal 1997. | fiscal 1997 | 1997 | 1997
        We meet this week. | this week | 1998-W02 | XXXX-WXX
        Rates are low now. | now | PRESENT_REF | PRESENT_REF
        Rates are currently low. | currently | PRESENT_REF | PRESENT_REF
        Rates fell recently. | recently | PAST_REF | PAST_REF
        Rates were low in the past. | the past | PAST_REF | PAST_REF
        Rates may rise in the future. | the future | FUTURE_REF | FUTURE_REF
        Talks went on yesterday. | yesterday | 1998-01-07 | XXXX-XX-XX
        Talks go on today. | today | 1998-01-08 | XXXX-XX-XX
        Talks resume tomorrow. | tomorrow | 1998-01-09 | XXXX-XX-XX
        Talks stalled last week. | last week | 1998-W01 | XXXX-WXX
        Talks resume next month. | next month | 1998-02 | XXXX-XX
        Talks began on Monday. | Monday | 1998-01-05 | XXXX-WXX-1
        He will speak on Monday. | Monday | 1998-01-12 | XXXX-WXX-1
        Sales grew last year. | last year | 1997 | XXXX
        It fell two days ago. | two days ago | 1998-01-06 | XXXX-XX-XX
        It was built three years earlier. | three years earlier | 1995 | XXXX
        It took two weeks. | two weeks | P2W | P2W
        It took a decade. | a decade | P10Y | P10Y
        Over the last twenty four hours it rained. | the last twenty four hours | P1D | P1D
        It lasted several years. | several years | PXY | PXY
        It lasted 24 hours. | 24 hours | PT24H | PT24H
        It lasted a year. | a year | P1Y | P1Y
        They met at 10 a.m. in Rome. | 10 a.m. | 1998-01-08T10:00 | XXXX-XX-XXT10:00
        They meet tonight. | tonight | 1998-01-08TNI | XXXX-XX-XXTNI
        They met this morning. | this morning | 1998-01-08TMO | XXXX-XX-XXTMO
        They meet every week. | every week | P1W | P1W
        It is published weekly. | weekly | P1W | P1W
        It grows 3 pct a year. | a year | P1Y | P1Y
        The deadline was 5 p.m. ET on Monday. | 5 p.m. ET on Monday | 1998-01-05T17:00 | XXXX-WXX-1T17:00
        It opened on the 23rd of November 2021. | 23rd of November 2021 | 2021-11-23 | 2021-11-23
        Over the past 24 hours it rained. | the past 24 hours | P1D | P1D
        Prices have risen since February. | February | 1997-02 | XXXX-02
        The war began on February 24. | February 24 | 1997-02-24 | XXXX-02-24
        Fighting on 13-14 September killed many. | 13-14 September | 1997-09-13/1997-09-14 | XXXX-09-13/XXXX-09-14
        Signed on 24.11.2022 in Minsk. | 24.11.2022 | 2022-11-24 | 2022-11-24
        The plan covers 2019-2022 only. | 2019-2022 | 2019/2022 | 2019/2022
        The budget for 1998-99 grew. | 1998-99 | 1998/1999 | 1998/1999
        Profit fell in the 1988 second quarter. | the 1988 second quarter | 1988-Q2 | 1988-Q2
        It costs $5 a day to park. | a day | P1D | P1D
        Trading halted at 1530 GMT. | 1530 GMT | 1998-01-08T15:30 | XXXX-XX-XXT15:30
        It took a couple of years. | a couple of years | P2Y | P2Y
        He said it would happen in the year 2050. | the year 2050 | 2050 | 2050
        Talks ran from May to July. | July | 1997-07 | XXXX-07
        He stepped down as chairman in March. | March | 1997-03 | XXXX-03
        The fund will open in August. | August | 1998-08 | XXXX-08
        He will be named commander for a mission in December. | December | 1998-12 | XXXX-12
        The flights would leave on Monday. | Monday | 1998-01-12 | XXXX-WXX-1
        New Zealand said Friday it agreed. | Friday | 1998-01-02 | XXXX-WXX-5
        Trading resumed at 1000 GMT. | 1000 GMT | 1998-01-08T10:00 | XXXX-XX-XXT10:00
        They met at 1530 local time. | 1530 local time | 1998-01-08T15:30 | XXXX-XX-XXT15:30
        Talks broke down the day before. | the day before | 1998-01-07 | XXXX-XX-XX
        Talks broke down the previous day. | the previous day | 1998-01-07 | XXXX-XX-XX
        Talks broke down a day earlier. | a day earlier | 1998-01-07 | XXXX-XX-XX
        Talks resumed the next day. | the next day | 1998-01-09 | XXXX-XX-XX
        Sales fell last fall. | last fall | 1997-FA | XXXX-FA
        It snowed last winter. | last winter | 1996-WI | XXXX-WI
        They decided to sell the unit in November. | November | 1998-11 | XXXX-11
        In November, the unit was sold. | November | 1997-11 | XXXX-11";

    #[test]
    fn expressions_resolve_with_and_without_an_anchor() {
        for row in TABLE.lines() {
            let cells: Vec<&str> = row.split(" | ").map(str::trim).collect();
            let [sentence, expression, anchored, bare] = cells[..] else {
                panic!("malformed row `{row}`");
            };
            for (anchor, want) in [(Some("1998-01-08"), anchored), (None, bare)] {
                let found = dates(sentence, anchor);
                let got = found.iter().find(|(t, ..)| t == expression);
                assert_eq!(
                    got.and_then(|g| g.1.as_deref()),
                    Some(want),
                    "`{expression}` in `{sentence}` at {anchor:?}: {found:?}"
                );
            }
        }
    }

    #[test]
    fn a_year_ago_counts_back_from_a_reported_quarter_not_from_its_comparison() {
        let anchor = Some("1998-01-08");
        let found = dates(
            "Profit rose in the third quarter from a year earlier.",
            anchor,
        );
        assert_eq!(
            value_of(&found, "a year earlier").as_deref(),
            Some("1996-Q3")
        );
        let sentence = "Gains were two cts in the 1996 quarter and ten cts a year earlier.";
        let found = dates(sentence, anchor);
        assert_eq!(value_of(&found, "1996 quarter").as_deref(), Some("1996-Q4"));
        assert_eq!(value_of(&found, "a year earlier").as_deref(), Some("1997"));
    }

    #[test]
    fn the_day_before_an_event_is_not_a_date() {
        let found = dates("They came the day after his death.", Some("1998-01-08"));
        assert!(found.iter().all(|(t, ..)| !t.contains("day")), "{found:?}");
    }

    #[test]
    fn words_outside_the_lexicon_still_start_expressions() {
        for (sentence, expression) in [
            ("We met on Christmas Eve.", "Christmas Eve"),
            ("We met on Christmas.", "Christmas"),
            ("We met on Halloween.", "Halloween"),
            ("We met on New Year's Eve.", "New Year's Eve"),
            ("We met on New Year's Day.", "New Year's Day"),
            ("We met on Independence Day.", "Independence Day"),
            ("We met on Labor Day.", "Labor Day"),
            ("We met on Memorial Day.", "Memorial Day"),
            ("Rates are low right now.", "right now"),
            ("Rates are low these days.", "these days"),
            ("These days rates are low.", "These days"),
            ("Music of the Nineties was loud.", "the Nineties"),
            ("Nineties music was loud.", "Nineties"),
            ("Music of the nineties was loud.", "the nineties"),
            (
                "It opened on the 23rd of November 2021.",
                "23rd of November 2021",
            ),
            ("Profit rose in the third-quarter.", "the third-quarter"),
            ("It closed in mid-1990s.", "mid-1990s"),
            ("Art of the 20th century.", "20th century"),
        ] {
            let found = dates(sentence, Some("1998-01-08"));
            assert!(
                found.iter().any(|(t, ..)| t == expression),
                "`{expression}` in `{sentence}`: {found:?}"
            );
        }
    }

    #[test]
    fn words_that_only_look_like_dates_are_left_alone() {
        for sentence in [
            "You may go now that it is over.",
            "They march on the capital.",
            "The Sunday Times printed it.",
            "It cost $1998 and 1,000 people came.",
            "He came second in the race.",
            "Some 2000 people marched.",
            "Mr. Reupke, 52 years old, resigned.",
            "He met Jan Kavan and Jan Smith.",
            "Baker spoke on ABC's \"This Week\" show.",
        ] {
            let found = dates(sentence, Some("1998-01-08"));
            let wrong: Vec<_> = found.iter().filter(|(t, ..)| t != "now").collect();
            assert!(wrong.is_empty(), "`{sentence}`: {found:?}");
        }
    }

    #[test]
    fn odd_input_never_panics_and_spans_stay_on_char_boundaries() {
        let long_number = "9".repeat(5000);
        let inputs = [
            "",
            "1234567890",
            "31/31/31",
            long_number.as_str(),
            "99999999999999999999 years ago",
            "🎉 May 🎉 2022 📅 the 1990s 🙂",
            "September 31-32, 0000",
            "the the the last last next",
            "Friday,",
            "Nov.",
            "at 99:99 p.m.",
            "every",
            "nineteen",
        ];
        for text in inputs {
            let doc = Document::parse(text, ByteSpan::new(0, text.len()));
            for m in find(
                &doc,
                Some(Date {
                    year: 9999,
                    month: Some(12),
                    day: Some(31),
                }),
            ) {
                assert!(
                    text.get(m.span.start..m.span.end).is_some(),
                    "{text}: {m:?}"
                );
            }
            for m in find(&doc, None) {
                assert!(
                    text.get(m.span.start..m.span.end).is_some(),
                    "{text}: {m:?}"
                );
            }
        }
    }

    #[test]
    fn random_word_salad_gives_ordered_disjoint_spans_on_char_boundaries() {
        const POOL: &[&str] = &[
            "May",
            "March",
            "Nov.",
            "23",
            "13-14",
            "2022",
            "1990s",
            "'",
            "90s",
            "the",
            "last",
            "next",
            "a",
            "year",
            "years",
            "ago",
            "earlier",
            "Friday",
            "night",
            "10",
            "a.m.",
            "p.m.",
            "GMT",
            "1530",
            "every",
            "each",
            "fiscal",
            "third-quarter",
            "quarter",
            "of",
            ",",
            ".",
            "-",
            "$",
            "🙂",
            "é",
            "nineteen",
            "ninety-six",
            "twenty",
            "four",
            "hours",
            "since",
            "will",
            "Thanksgiving",
            "Day",
            "99999999999999",
            "31/31/31",
            "24.11.2022",
            "2019-2022",
            "mid-",
            "mid-November",
            "this",
            "past",
            "the",
            "future",
            "now",
        ];
        let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
        for _ in 0..300 {
            let mut text = String::new();
            for _ in 0..40 {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                text.push_str(POOL[(seed % POOL.len() as u64) as usize]);
                text.push(if seed.is_multiple_of(5) { '\n' } else { ' ' });
            }
            let doc = Document::parse(&text, ByteSpan::new(0, text.len()));
            for anchor in [
                None,
                Some(Date {
                    year: 1,
                    month: Some(1),
                    day: Some(1),
                }),
            ] {
                let found = find(&doc, anchor);
                for pair in found.windows(2) {
                    assert!(pair[0].span.end <= pair[1].span.start, "{text}: {pair:?}");
                }
                for m in &found {
                    assert!(
                        text.get(m.span.start..m.span.end).is_some(),
                        "{text}: {m:?}"
                    );
                }
            }
        }
    }

    /// Guards: `find` at >= 30 MB/s natively. Run:
    /// `cargo test --release --lib dates::tests::throughput -- --ignored --nocapture`.
    #[test]
    #[ignore = "a benchmark: run in release"]
    fn throughput_on_the_reuters_corpus() {
        let folder = crate::development_data().join("data/corpus/reuters21578");
        let Ok(entries) = std::fs::read_dir(&folder) else {
            eprintln!("SKIPPED: {} is absent", folder.display());
            return;
        };
        let texts: Vec<String> = entries
            .filter_map(|e| std::fs::read_to_string(e.ok()?.path()).ok())
            .collect();
        let text = texts.join("\n\n").repeat(2);
        let doc = Document::parse(&text, ByteSpan::new(0, text.len()));
        let anchor = Some(Date {
            year: 1987,
            month: Some(3),
            day: Some(1),
        });
        // CPU time of this thread, not wall time: the machine is shared.
        let cpu_seconds = || {
            let stat = std::fs::read_to_string("/proc/thread-self/schedstat").unwrap_or_default();
            let nanos: f64 = stat
                .split(' ')
                .next()
                .and_then(|n| n.parse().ok())
                .unwrap_or(0.0);
            nanos / 1e9
        };
        let (wall, cpu) = (std::time::Instant::now(), cpu_seconds());
        let found = find(&doc, anchor);
        let (wall, cpu) = (wall.elapsed().as_secs_f64(), cpu_seconds() - cpu);
        let mb = text.len() as f64 / 1e6;
        eprintln!(
            "{mb:.1} MB, {} dates: {:.1} MB/s of CPU time ({:.1} MB/s wall)",
            found.len(),
            mb / cpu,
            mb / wall
        );
    }
}

//! Which way a sentence looks from the article's date, from the words before a time
//! expression: `will meet Friday`, `would leave on Monday` (ahead), `since February`,
//! `fired in July`, `stepped down in March` (back), `says Friday` (no cue).
//!
//! A date that bounds a condition looks ahead (`if they mail an offer by Nov. 22`), as does
//! a span from the article's own day (`from today through Nov. 17`); `plan` after a
//! determiner is a noun and no cue (`announced the plan Aug. 21`); a deadline someone
//! reports is not behind them for being reported (`said … three new branches by year-end`).
//!
//! The nearest cue decides, so `he will go, he said Friday` is the Friday before. A past
//! participle after `be`, `been` or `to` is passive or infinitive, not a past event (`will be
//! named in December` looks ahead), so it is skipped. A plan's infinitive looks ahead (`decided
//! to admit Poland in March`, `subpoenaed him to testify on Feb. 10`), and so does an
//! extension's end (`extended to Nov. 16`, `loans through January`). With no cue before it, an
//! expression that opens the sentence as its own clause takes the tense of the words after it
//! (`In January, American Medical brought in a new chief`).

use super::lexicon;
use super::normalise::Tense;
use crate::extract::structure::Document;
use std::ops::Range;

/// How many tokens before the expression are read for a cue: a clause, which can be long
/// (`will be named commander of the Space Shuttle Columbia for a mission in December`).
const WINDOW: usize = 20;

/// How many tokens after the expression are read when nothing before it gave a cue: the
/// clause it opens, whose verb may follow a long appositive (`In January, a week after the
/// 25th anniversary of the Roe vs. Wade Supreme Court decision, a clinic bombing in
/// Birmingham, Ala., killed …`).
const WINDOW_AFTER: usize = 32;

/// Which way the sentence (tokens `sentence`) looks at the expression (tokens `expression`):
/// the nearest cue before it decides, else the nearest after it.
pub fn of(doc: &Document<'_>, sentence: Range<usize>, expression: Range<usize>) -> Tense {
    match before(doc, sentence.start, expression.start) {
        Some(tense) => tense,
        None if opens_clause(doc, &sentence, &expression) => {
            after(doc, expression.end + 1, sentence.end)
        }
        None => Tense::Unknown,
    }
}

/// `In January, …`, `On Friday, …`: the expression, after its preposition, opens the
/// sentence and a comma closes it, so the clause after it is its own. Elsewhere the words after
/// an expression are often another clause's (`July crude rose`, `the year ending April 30, the
/// chairman told investors`).
fn opens_clause(doc: &Document<'_>, sentence: &Range<usize>, expression: &Range<usize>) -> bool {
    expression.start == sentence.start + 1
        && matches!(
            doc.token_str(sentence.start),
            "In" | "On" | "At" | "By" | "Since"
        )
        && expression.end < sentence.end
        && doc.token_str(expression.end) == ","
}

/// The lowercased token `i` in `buf`, if it fits.
fn lower_at(doc: &Document<'_>, i: usize, buf: &mut [u8; 16]) -> Option<usize> {
    let lower = lexicon::lower_bytes(doc.token_str(i).as_bytes(), buf)?;
    Some(lower.len())
}

/// The tense the nearest cue before token `at` (from `first`) sets; `None` without a cue.
fn before(doc: &Document<'_>, first: usize, at: usize) -> Option<Tense> {
    let from = at.saturating_sub(WINDOW).max(first);
    let preposition = at
        .checked_sub(1)
        .filter(|&p| p >= first)
        .map_or("", |p| doc.token_str(p));
    // `extended to Nov. 16`, `loans through January`: the end of what was extended.
    let ends_a_span = matches!(preposition, "to" | "through" | "until" | "till");
    // `to acquire the company in January`; a bare `Friday` after the object is more often the
    // main verb's (`extended their offers to acquire the maker Friday`).
    let dates_an_act = matches!(preposition, "in" | "on" | "by");
    // `if they mail an offer by Nov. 22`: the date bounds the condition's act. Not a date
    // the condition merely names (`if you look at January`, `if they stick by the cartel's
    // December agreement`).
    let bounds_a_condition = matches!(
        preposition,
        "by" | "before" | "on" | "until" | "till" | "in" | "within" | "after"
    );
    // `from today through Nov. 17`, `from now until March`: a span that starts at the
    // article's date ends after it, whatever the sentence's verb (`shares tendered … from
    // today through Nov. 17`).
    if ends_a_span && at >= first + 3 {
        let start = doc.token_str(at - 2);
        if doc.token_str(at - 3).eq_ignore_ascii_case("from")
            && (start.eq_ignore_ascii_case("today") || start.eq_ignore_ascii_case("now"))
        {
            return Some(Tense::Future);
        }
    }
    for i in (from..at).rev() {
        let mut buf = [0u8; 16];
        let Some(len) = lower_at(doc, i, &mut buf) else {
            continue;
        };
        let lower = &buf[..len];
        // The word before is read only for the few words whose meaning it changes: this
        // look-back runs for every date expression.
        let previous_in = |words: &[&[u8]]| word_before_is(doc, i, first, words);
        // `as early as Tuesday`, `as soon as Friday`: the earliest of what is still ahead.
        if lower == b"as" && previous_in(&[b"early", b"soon"]) {
            return Some(Tense::Future);
        }
        // `set to resume Monday`.
        if lower == b"set" && doc.token_str(i + 1) == "to" {
            return Some(Tense::Future);
        }
        // `payable Jan. 2 to stock of record Dec. 15`: a dividend's dates lie ahead.
        if lower == b"record" && previous_in(&[b"of"]) {
            return Some(Tense::Future);
        }
        // `guidelines to be published in November`: what is still to be done lies ahead.
        if lower == b"be" && previous_in(&[b"to"]) {
            return Some(Tense::Future);
        }
        // `decided to admit Poland in March`: a plan's infinitive.
        if lower == b"to"
            && dates_an_act
            && i + 1 < at
            && is_planned_act(doc, i + 1)
            && is_intended(doc, first, i)
        {
            return Some(Tense::Future);
        }
        if ends_a_span && matches!(lower, b"extended" | b"extends" | b"extend" | b"extending") {
            return Some(Tense::Future);
        }
        // `said if they mail an offer by Nov. 22, it will…`: a condition met by a date is
        // still to be met. A past condition (`if they had mailed`, `if they did not`) has
        // its cue nearer; `as if` and `asked if` are no conditions.
        if matches!(lower, b"if" | b"unless")
            && bounds_a_condition
            && !previous_in(&[b"as", b"asked", b"ask", b"asks", b"wondered", b"know"])
        {
            return Some(Tense::Future);
        }
        // `announced the plan Aug. 21`: after a determiner `plan` is a noun, which dates
        // nothing ahead, unless an infinitive says what is planned (`a plan to expand … from
        // April`).
        if matches!(lower, b"plan" | b"plans")
            && previous_in(&[
                b"the", b"a", b"its", b"their", b"his", b"her", b"this", b"that",
            ])
            && doc.token_str(i + 1) != "to"
        {
            continue;
        }
        // `said, with construction to start before year-end`, `said it would add three
        // branches by year-end`: a deadline someone reports is not behind them for being
        // reported.
        if matches!(preposition, "by" | "before") && matches!(lower, b"said" | b"told") {
            return Some(Tense::Unknown);
        }
        if let Some(tense) = word_cue(doc, i, lower, &previous_in) {
            return Some(tense);
        }
    }
    None
}

/// The tense the nearest cue after the expression (from token `from` to the sentence's end
/// `end`) sets, for an expression that opens its clause. Only past forms and `will` count:
/// after the date, `planned` and `expected` are as often past narration (`On Friday, the
/// government planned to pay`).
fn after(doc: &Document<'_>, from: usize, end: usize) -> Tense {
    for i in from..end.min(from + WINDOW_AFTER) {
        let mut buf = [0u8; 16];
        let Some(len) = lower_at(doc, i, &mut buf) else {
            continue;
        };
        let lower = &buf[..len];
        let previous_in = |words: &[&[u8]]| word_before_is(doc, i, from, words);
        if matches!(lower, b"will" | b"shall" | b"won't") || lower.ends_with(b"'ll") {
            return Tense::Future;
        }
        // `On May 18, Data General said, it will redeem`: a report between commas is not the
        // event (`On Friday, Petricioli said "We will …"` is).
        if matches!(lower, b"said" | b"told" | b"added") && doc.token_str(i + 1) == "," {
            continue;
        }
        if let Some(Tense::Past) = word_cue(doc, i, lower, &previous_in) {
            return Tense::Past;
        }
    }
    Tense::Unknown
}

/// Whether the word before token `i`, not below `floor`, is one of `words` (lowercased).
fn word_before_is(doc: &Document<'_>, i: usize, floor: usize, words: &[&[u8]]) -> bool {
    let mut before = [0u8; 16];
    i.checked_sub(1)
        .filter(|&p| p >= floor)
        .and_then(|p| lower_at(doc, p, &mut before))
        .is_some_and(|n| words.contains(&&before[..n]))
}

/// The tense word `i` (lowercased `lower`) sets on its own, `previous_in` asking whether the
/// word before it is one of some words.
fn word_cue(
    doc: &Document<'_>,
    i: usize,
    lower: &[u8],
    previous_in: &dyn Fn(&[&[u8]]) -> bool,
) -> Option<Tense> {
    const PASSIVE_OR_INFINITIVE: &[&[u8]] = &[b"be", b"been", b"being", b"to"];
    // News writes a scheduled event in the present (`Arafat and Netanyahu meet Monday`, `the
    // council meets on Friday`); not an infinitive (`failed to meet as of January 15`).
    if is_scheduled_present(lower) && !previous_in(&[b"to"]) {
        return Some(Tense::Future);
    }
    match cue(lower) {
        Some(Tense::Past) if previous_in(PASSIVE_OR_INFINITIVE) => None,
        Some(tense) => Some(tense),
        None if is_past_form(lower) => {
            let written_lowercase = doc.token_str(i).bytes().all(|b| !b.is_ascii_uppercase());
            // `a still unspecified date`: after a determiner an -ed word describes a noun.
            let adjective = previous_in(&[b"a", b"an", b"the", b"still", b"its", b"their"]);
            (written_lowercase && !adjective && !previous_in(PASSIVE_OR_INFINITIVE))
                .then_some(Tense::Past)
        }
        None => None,
    }
}

/// Whether the infinitive at token `to` (`first` opening the sentence) is intended or
/// ordered rather than tried or done: `agreed to sell`, `hopes to complete`, `is to report`,
/// `ordered 82 companies to repay`, against `tried to buy`, `offered to buy`, `was the first to
/// announce` (an act that happened on the date).
fn is_intended(doc: &Document<'_>, first: usize, to: usize) -> bool {
    let Some(before) = to.checked_sub(1).filter(|&b| b >= first) else {
        return false;
    };
    let intent = matches!(
        doc.token_str(before),
        "agreed" | "agree" | "agrees" | "decided" | "decide" | "decides" | "plan" | "plans"
            | "planned" | "planning" | "hope" | "hopes" | "hoped" | "hoping" | "expect"
            | "expects" | "expected" | "intend" | "intends" | "intended" | "proposed"
            | "proposes" | "promised" | "promises" | "elected" | "want" | "wants" | "aims"
            | "is" | "are" | "going" | "due" | "needs" | "need" | "likely" | "ready"
            // `announced an agreement to acquire`.
            | "agreement" | "deal" | "proposal" | "decision" | "intention" | "bid"
    );
    // `subpoenaed him to testify`, `ordered 82 companies to repay`: a directive and its
    // object.
    let directive = (before.saturating_sub(4).max(first)..to).any(|i| {
        matches!(
            doc.token_str(i),
            "ordered"
                | "asked"
                | "told"
                | "subpoenaed"
                | "urged"
                | "invited"
                | "required"
                | "forced"
                | "summoned"
                | "called"
        )
    });
    intent || directive
}

/// Whether token `i` (after `to`) is the infinitive of an act that is planned or ordered:
/// `to admit`, `to testify`, `to acquire`. A list, as `to` also leads to places and people.
fn is_planned_act(doc: &Document<'_>, i: usize) -> bool {
    let word = doc.token_str(i);
    matches!(
        word,
        "acquire"
            | "admit"
            | "announce"
            | "appear"
            | "appoint"
            | "approve"
            | "attend"
            | "begin"
            | "buy"
            | "close"
            | "complete"
            | "conclude"
            | "consider"
            | "decide"
            | "deliver"
            | "discuss"
            | "elect"
            | "expire"
            | "file"
            | "finish"
            | "hold"
            | "introduce"
            | "issue"
            | "join"
            | "launch"
            | "leave"
            | "meet"
            | "merge"
            | "name"
            | "negotiate"
            | "open"
            | "pay"
            | "present"
            | "publish"
            | "purchase"
            | "ratify"
            | "redeem"
            | "release"
            | "reopen"
            | "repay"
            | "report"
            | "resign"
            | "resume"
            | "retire"
            | "return"
            | "review"
            | "sell"
            | "settle"
            | "ship"
            | "sign"
            | "start"
            | "submit"
            | "testify"
            | "travel"
            | "visit"
            | "vote"
    )
}

/// The tense a lowercased word sets, if it is a listed cue. One `match` rather than lists to
/// search, as every word before every expression is asked.
fn cue(lower: &[u8]) -> Option<Tense> {
    if lower.ends_with(b"'ll") {
        return Some(Tense::Future);
    }
    match lower {
        // The sentence speaks of the future, so `Friday` is the coming one.
        b"will" | b"would" | b"shall" | b"won't" | b"scheduled" | b"planned" | b"plans"
        | b"plan" | b"planning" | b"expected" | b"expects" | b"due" | b"upcoming" | b"until"
        | b"soon" | b"postponed" | b"delayed" | b"slated" | b"resume" | b"resumes"
        | b"anticipated" | b"projected" | b"payable" | b"effective" => Some(Tense::Future),

        // A date after them lies before the article's (`since February`, `fired in July`).
        b"since" | b"began" | b"begun" | b"started" | b"ago" | b"said" | b"told" | b"was"
        | b"were" | b"had" | b"did" | b"didn't" | b"met" | b"made" | b"came" | b"went"
        | b"took" | b"gave" | b"left" | b"held" | b"fell" | b"rose" | b"grew" | b"paid"
        | b"sold" | b"bought" | b"won" | b"lost" | b"got" | b"saw" | b"became" | b"ran"
        | b"wrote" | b"spent" | b"sent" | b"brought" | b"struck" | b"found" | b"fought"
        | b"led" | b"broke" | b"spoke" | b"stood" | b"kept" | b"felt" | b"built" | b"chose"
        | b"sought" => Some(Tense::Past),
        // Present reporting (`says Friday`) looks neither way.
        b"says" | b"say" | b"tells" | b"is" | b"are" | b"am" => Some(Tense::Unknown),
        _ => None,
    }
}

/// A present form news uses for what is scheduled (`meets Monday`, `opens on Thursday`).
/// Not `starts`, as often the noun (`housing starts in February`).
fn is_scheduled_present(lower: &[u8]) -> bool {
    matches!(
        lower,
        b"meet"
            | b"meets"
            | b"begins"
            | b"opens"
            | b"visits"
            | b"arrives"
            | b"leaves"
            | b"travels"
            | b"expires"
            | b"convenes"
            | b"reconvenes"
    )
}

/// A regular past form (`fired`, `stepped`, `announced`), short of the words that only end
/// like one (`indeed`, `hundred`) or describe rather than narrate (`limited`, `based`).
fn is_past_form(lower: &[u8]) -> bool {
    const NOT_PAST: &[&[u8]] = &[
        b"indeed",
        b"hundred",
        b"proceed",
        b"exceed",
        b"succeed",
        b"speed",
        b"based",
        b"related",
        b"limited",
        b"proposed",
        b"supposed",
        b"united",
        b"detailed",
        b"advanced",
        b"concerned",
        b"interested",
        b"estimated",
        b"seasonally",
        b"adjusted",
        b"listed",
        b"owned",
        b"unchanged",
        b"unexpected",
        b"combined",
        b"needed",
        b"required",
        b"dated",
        b"fixed",
    ];
    lower.len() >= 5 && lower.ends_with(b"ed") && !NOT_PAST.contains(&lower)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::ByteSpan;

    fn tense_before_last_word(text: &str) -> Tense {
        let doc = Document::parse(text, ByteSpan::new(0, text.len()));
        let last = doc.tokens.len() - 1;
        of(&doc, 0..doc.tokens.len(), last..last + 1)
    }

    #[test]
    fn the_nearest_cue_decides() {
        for (text, tense) in [
            ("They will meet on Friday", Tense::Future),
            ("Prices rose since February", Tense::Past),
            ("He will go, he said Friday", Tense::Past),
            ("He says Friday", Tense::Unknown),
            ("They met Friday", Tense::Past),
            ("The official was fired in July", Tense::Past),
            ("He stepped down as chairman in March", Tense::Past),
            (
                "Two new flights would leave Bombay on Monday",
                Tense::Future,
            ),
            ("The peace process, set to resume Monday", Tense::Future),
            (
                "He could come to the U.S. as early as Tuesday",
                Tense::Future,
            ),
            (
                "The company declared a dividend payable Dec. 1",
                Tense::Future,
            ),
            (
                "It declared a dividend payable Jan. 2 to stock of record Dec. 15",
                Tense::Future,
            ),
            ("The dividend will be paid Dec. 14", Tense::Future),
            ("A ceremony would still be held on April 24", Tense::Future),
            (
                "Final guidelines to be published in November",
                Tense::Future,
            ),
            (
                "It would be paid on a still unspecified date in January",
                Tense::Future,
            ),
            (
                "Conseco said it is calling for the redemption on Dec. 7",
                Tense::Unknown,
            ),
        ] {
            assert_eq!(tense_before_last_word(text), tense, "{text}");
        }
    }

    #[test]
    fn a_passive_or_infinitive_participle_is_no_past_event() {
        assert_eq!(
            tense_before_last_word(
                "Collins will be named commander of the Space Shuttle Columbia for a mission in December"
            ),
            Tense::Future
        );
        assert_eq!(
            tense_before_last_word("The plant is to be closed in March"),
            Tense::Future
        );
    }

    #[test]
    fn a_planned_act_and_an_extension_look_ahead() {
        for (text, tense) in [
            (
                "NATO has decided to admit Poland and Hungary in March",
                Tense::Future,
            ),
            (
                "He said he subpoenaed the boy to testify before the committee on Thursday",
                Tense::Future,
            ),
            ("The offer was extended to Friday", Tense::Future),
            ("Lenders extended loans through January", Tense::Future),
            // The bare weekday after the object dates the main verb.
            (
                "They extended their offers to acquire the maker Friday",
                Tense::Past,
            ),
            // `to` before a place is no infinitive.
            ("He went to Paris in March", Tense::Past),
            // A span from the article's day ends ahead, past the participle before it.
            (
                "It buys all shares tendered by holders from today through November",
                Tense::Future,
            ),
            ("Talks lasted from Monday through Friday", Tense::Past),
            // A condition met by a date is still to be met.
            (
                "The directors said if the two men mail an offer to holders by Friday",
                Tense::Future,
            ),
            (
                "The directors said if the two men had mailed an offer by Friday",
                Tense::Past,
            ),
            // Not a condition: a question, or a date the condition names.
            ("He was asked if the bank might act in March", Tense::Past),
            ("Even if you look at January", Tense::Unknown),
            (
                "The sale may have gone faster if they did not offer notes on Friday",
                Tense::Past,
            ),
            // A scheduled event in the present looks ahead; an infinitive or a noun does not.
            ("Arafat and Netanyahu meet separately Monday", Tense::Future),
            ("The offer expires in April", Tense::Future),
            ("It failed to meet the rule as of January", Tense::Past),
            ("Housing starts in February", Tense::Unknown),
            // A reported deadline is not behind the report.
            (
                "A source said the change could take place by July",
                Tense::Unknown,
            ),
            ("A source said the change took place by July", Tense::Past),
            // `plan` after a determiner is a noun, unless an infinitive follows it.
            ("The thrift announced the plan Friday", Tense::Past),
            (
                "It approved a plan to widen the syndicate from April",
                Tense::Future,
            ),
            (
                "The thrift plans to sell the branch in March",
                Tense::Future,
            ),
        ] {
            assert_eq!(tense_before_last_word(text), tense, "{text}");
        }
    }

    #[test]
    fn an_expression_opening_its_clause_takes_the_tense_after_it() {
        let tense_of_first = |text: &str, length: usize| {
            let doc = Document::parse(text, ByteSpan::new(0, text.len()));
            of(&doc, 0..doc.tokens.len(), 1..1 + length)
        };
        assert_eq!(
            tense_of_first("In January, American Medical brought in a new chief", 1),
            Tense::Past
        );
        assert_eq!(
            tense_of_first("On Friday, the council will vote on the plan", 1),
            Tense::Future
        );
        // Without the comma the words after are not the expression's own clause.
        assert_eq!(
            tense_of_first("In July crude futures rose", 1),
            Tense::Unknown
        );
        // The clause's verb may come after a long appositive.
        assert_eq!(
            tense_of_first(
                "In January, a week after the 25th anniversary of the Roe vs. Wade Supreme Court \
                 decision, a clinic bombing in Birmingham, Ala., killed a security guard",
                1
            ),
            Tense::Past
        );
        assert_eq!(
            tense_of_first("On May 18, the company said, it will redeem its notes", 2),
            Tense::Future
        );
        assert_eq!(
            tense_of_first("On Friday, Petricioli said we will finish", 1),
            Tense::Past
        );
        // After the date, `planned` is as often past narration: no cue.
        assert_eq!(
            tense_of_first("On Friday, the government planned", 1),
            Tense::Unknown
        );
    }

    #[test]
    fn capitalised_words_that_end_like_past_forms_are_names() {
        assert_eq!(
            tense_before_last_word("The United Nations session in March"),
            Tense::Unknown
        );
    }
}

//! Attribution: which phrase next to a quotation names its speaker.
//!
//! News attributes speech in a few fixed shapes, tried in this order:
//! after the quote (`"…," Zas said`, `"…," said Zas`, `"…," Zas, the minister, said`,
//! `"…," according to Zas`), then before it in the same sentence (`Zas said: "…"`,
//! `According to Zas, "…"`). Each scan is bounded to a few tokens, so the whole pass is
//! linear.

use super::super::structure::{Document, TokenKind, is_abbreviation};
use super::cues::{is_capitalised, is_pronoun, is_speech_verb, is_title_word, is_verb_helper};
use super::marks::{Quoted, is_nickname_mark};
use super::phrase::{Phrase, PhraseKind, is_determiner, read_left, read_right};
use super::subject::{continues_subject, described_subject, introduction_end, sentence_subject};
use std::ops::Range;

/// Tokens looked at after a closing mark for the cue: room for a name and a long appositive
/// before the verb ("Malkia Cyril, the executive director at the Center of Media Justice and
/// whose also featured in the film, told").
const AFTER_WINDOW: usize = 24;
/// Longest appositive skipped between a speaker and the verb ("Malkia Cyril, the executive
/// director at the Center of Media Justice and whose also featured in the film, told").
const APPOSITIVE_WINDOW: usize = 20;
/// Longest signature closing a paragraph, in tokens (`― Christina N Luis Olidem`).
const MAX_SIGNATURE: usize = 6;
/// Tokens looked at before an opening mark for the cue: room for a long sentence whose
/// subject speaks through a participle at its end ("Small groups of protesters continued to
/// call for … Keith Lamont Scott, looping the streets around … - where … - while chanting,
/// "…""), 55 tokens from its subject to the quote.
const BEFORE_WINDOW: usize = 64;

/// Where the attribution of a quote was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// After the closing mark.
    After,
    /// Before the opening mark.
    Before,
}

/// A quote's speaker phrase and where its cue stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    /// The speaker phrase.
    pub phrase: Phrase,
    /// The side of the quote the cue is on.
    pub side: Side,
}

/// The attribution of `quote` within its paragraph's tokens, if any.
/// `opening` and `closing` are the token ranges of the paragraphs holding its marks.
pub fn attribute(
    doc: &Document<'_>,
    quote: &Quoted,
    opening: Range<usize>,
    closing: Range<usize>,
) -> Option<Attribution> {
    let after = quote.close + 1;
    // After a quote that ends its sentence (`… stay."`), a capitalised word opens the next
    // sentence rather than an attribution.
    let ended = quote.close > 0 && doc.token_str(quote.close - 1) == ".";
    let opens_sentence = ended
        && doc
            .tokens
            .get(after)
            .is_some_and(|t| super::cues::is_capitalised(t.span.slice(doc.text)));
    if quote.closed && after < closing.end && !opens_sentence {
        let limit = clause_end(doc, after, closing.end.min(after + AFTER_WINDOW));
        if let Some(phrase) = after_quote(doc, after, limit) {
            return Some(Attribution {
                phrase,
                side: Side::After,
            });
        }
    }
    let floor = clause_start(
        doc,
        quote.open,
        opening.start.max(quote.open.saturating_sub(BEFORE_WINDOW)),
    );
    before_quote(doc, floor, quote.open)
        .map(|phrase| Attribution {
            phrase,
            side: Side::Before,
        })
        .or_else(|| closing_signature(doc, quote, closing))
}

/// "“… ‘Some people are so poor all they have is money.” And that’s all he has “the root of
/// all evil’.” ― Christina Lastra.": a dash and a name closing the paragraph sign its
/// quotes, also one that a sentence or a stray mark separates from the signature. Only a
/// dash of prose (`―`, `—`, `–`), only a name in capitals up to the paragraph's end.
fn closing_signature(
    doc: &Document<'_>,
    quote: &Quoted,
    closing: Range<usize>,
) -> Option<Attribution> {
    let mut end = closing.end;
    if end > quote.close + 1 && doc.token_str(end - 1) == "." {
        end -= 1;
    }
    let dash = (quote.close + 1..end)
        .rev()
        .take(MAX_SIGNATURE + 1)
        .find(|&i| matches!(doc.token_str(i), "―" | "—" | "–"))?;
    let phrase = read_right(doc, dash + 1, end, false)
        .filter(|p| p.tokens.end == end && p.kind == PhraseKind::Name)?;
    let capitals = phrase
        .tokens
        .clone()
        .all(|i| is_capitalised(doc.token_str(i)) || doc.token_str(i) == ".");
    capitals.then_some(Attribution {
        phrase,
        side: Side::After,
    })
}

/// "- President Obama, tweeting after the speech.": a paragraph that opens with a dash and
/// a name, signing the quote that ends the paragraph before it.
pub fn signature(doc: &Document<'_>, next: Range<usize>) -> Option<Attribution> {
    if next.is_empty() || !matches!(doc.token_str(next.start), "—" | "–" | "-" | "―") {
        return None;
    }
    let limit = clause_end(doc, next.start + 1, next.end.min(next.start + AFTER_WINDOW));
    let phrase = read_right(doc, next.start + 1, limit, false)?;
    Some(Attribution {
        phrase,
        side: Side::After,
    })
}

fn is_sentence_end(doc: &Document<'_>, i: usize) -> bool {
    match doc.token_str(i) {
        "?" | "!" | ";" => true,
        // "R-Ky., said", "(D-Wis.) said": a period before a comma or a closing bracket ends
        // an abbreviation, not a sentence.
        "." => {
            let after_abbreviation = i > 0
                && doc.tokens[i - 1].span.end == doc.tokens[i].span.start
                && is_abbreviation(doc.token_str(i - 1));
            let before_comma_or_bracket = matches!(doc.token_str(i + 1), "," | ")");
            !after_abbreviation && !before_comma_or_bracket
        }
        _ => false,
    }
}

fn is_quote_mark(word: &str) -> bool {
    matches!(word, "\"" | "“" | "”" | "«" | "»" | "„")
}

/// Whether token `i` ends or opens a clause: a sentence end, or a quotation mark other than
/// a nickname's (`Marcia "Cia" Price`).
fn bounds_clause(doc: &Document<'_>, i: usize) -> bool {
    is_sentence_end(doc, i) || (is_quote_mark(doc.token_str(i)) && !is_nickname_mark(doc, i))
}

/// The first sentence end or quotation mark at or after `from`, capped at `limit`.
fn clause_end(doc: &Document<'_>, from: usize, limit: usize) -> usize {
    (from..limit)
        .find(|&i| bounds_clause(doc, i))
        .unwrap_or(limit)
}

/// The token after the last sentence end or quotation mark before `to`, not below `floor`.
fn clause_start(doc: &Document<'_>, to: usize, floor: usize) -> usize {
    (floor..to)
        .rev()
        .find(|&i| bounds_clause(doc, i))
        .map_or(floor, |i| i + 1)
}

/// `, said Zas` / `, Zas said` / `, according to Zas` right after the closing mark.
fn after_quote(doc: &Document<'_>, from: usize, limit: usize) -> Option<Phrase> {
    let mut start = from;
    while start < limit && matches!(doc.token_str(start), "," | "—" | "–" | "-" | "―") {
        start += 1;
    }
    if start >= limit {
        return None;
    }
    let first = doc.token_str(start);
    if first.eq_ignore_ascii_case("according") && doc.token_str(start + 1) == "to" {
        return read_right(doc, start + 2, limit, false);
    }
    if is_speech_verb(first) {
        // "said Zas", "said the minister", "said Tuesday" (no speaker: look before instead).
        let mut at = start + 1;
        while at < limit && is_time_word(doc.token_str(at)) {
            at += 1;
        }
        // A number written as a modifier ("said 9/11 widow Terry Strada") opens the subject
        // only where a name follows it: "said 10 people" has no speaker to read.
        if at < limit && doc.tokens[at].kind == TokenKind::Number {
            return read_right(doc, at + 1, limit, true).filter(|p| p.name.is_some());
        }
        // After the verb comes the subject, lowercase or not ("said undecided voter Jo Li").
        return read_right(doc, at, limit, true)
            .filter(|p| p.kind != PhraseKind::Pronoun || at == start + 1);
    }
    // "― Krystal Correa": a dash and a name closing the quote's paragraph.
    if start > from
        && matches!(doc.token_str(from), "—" | "–" | "-" | "―")
        && let Some(p) = read_right(doc, start, limit, false).filter(|p| p.tokens.end == limit)
    {
        return Some(p);
    }
    // "Zas said", "the Secretary General assured", "he told reporters", "Zas, who …, said",
    // and "another friend, Mariam Emara told CNN".
    let Some(verb) = (start + 1..limit).find(|&i| is_verb_at(doc, i)) else {
        return unlisted_verb_subject(doc, from, start, limit);
    };
    subject_of(doc, verb, start).filter(|p| {
        p.tokens.start == start
            || (p.tokens.start > start && doc.token_str(p.tokens.start - 1) == ",")
    })
}

/// `"…," Bennett shot back`, `"…?" the nominee riffed`: a quote that hands over with a
/// comma, question or exclamation mark is followed by its speaker and a verb, even one
/// missing from the lexicon (a past or present tense form).
fn unlisted_verb_subject(
    doc: &Document<'_>,
    from: usize,
    start: usize,
    limit: usize,
) -> Option<Phrase> {
    let close = from.checked_sub(1)?;
    let hands_over = close > 0 && matches!(doc.token_str(close - 1), "," | "?" | "!");
    if !hands_over {
        return None;
    }
    let end = (start + 1..limit)
        .find(|&i| !continues_subject(doc, i))
        .unwrap_or(limit);
    let verb = doc.token_str(end);
    let verb_like = end < limit
        && doc.tokens[end].kind == TokenKind::Word
        && !is_capitalised(verb)
        && (verb.ends_with("ed")
            || verb.ends_with('s')
            || matches!(verb, "shot" | "put" | "wrote"));
    if !verb_like {
        return None;
    }
    read_right(doc, start, end, false).filter(|p| p.tokens.end == end)
}

/// `Zas said: "`, `Zas told reporters, "`, `According to Zas, "`, in the clause before the
/// opening mark.
fn before_quote(doc: &Document<'_>, floor: usize, open: usize) -> Option<Phrase> {
    let according = (floor..open).rev().find(|&i| {
        doc.token_str(i).eq_ignore_ascii_case("according") && doc.token_str(i + 1) == "to"
    });
    if let Some(a) = according
        && let Some(p) = read_right(doc, a + 2, open, false)
    {
        return Some(p);
    }
    let colon = open > floor && doc.token_str(open - 1) == ":";
    if colon {
        // "Clinton: "…"": a name heading the quote.
        let heading = |p: &Phrase| {
            p.tokens.start == floor
                && p.tokens.clone().all(|i| {
                    let word = doc.token_str(i);
                    is_capitalised(word) || is_title_word(word) || matches!(word, "." | "of")
                })
        };
        if let Some(p) = read_left(doc, open - 1, floor).filter(heading) {
            return Some(p);
        }
    }
    let mut any_verb = false;
    // "With Democratic leaders increasingly worried about …, President Obama is rolling out a
    // message: "…"": a verb inside the introduction is not the clause's.
    // Unless the introduction runs to the quote: "As one employee told Palo Alto Weekly, "…"".
    let clause = introduction_end(doc, floor, open)
        .filter(|&comma| comma + 1 < open)
        .map_or(floor, |comma| comma + 1);
    let found = (clause..open)
        .rev()
        .filter(|&i| is_verb_at(doc, i) && !is_passive(doc, i, floor))
        .find_map(|verb| {
            any_verb = true;
            // "Trump fired back, saying: "…"", "… by saying "…"": a participle's speaker is
            // the sentence subject.
            let participle = doc.token_str(verb).ends_with("ing");
            if participle {
                // "The company quoted Boyd Jefferies as saying, "…"": the one quoted speaks.
                let quoting = (verb > floor + 2 && doc.token_str(verb - 1) == "as")
                    .then(|| {
                        (floor..verb - 1)
                            .rev()
                            .find(|&i| is_quoting_verb(doc.token_str(i)))
                    })
                    .flatten();
                if let Some(quoted) = quoting
                    .and_then(|q| read_right(doc, q + 1, verb - 1, false))
                    .filter(|p| p.tokens.end == verb - 1)
                {
                    return Some(quoted);
                }
                // "footage of Trump saying, "…"": a name right before the participle speaks.
                let mut start = verb;
                while start > floor && start + 4 > verb && is_capitalised(doc.token_str(start - 1))
                {
                    start -= 1;
                }
                // Only after "of"/"with": "on Facebook writing" names a medium, not a speaker.
                let object = start > floor && matches!(doc.token_str(start - 1), "of" | "with");
                let named = (start < verb && object)
                    .then(|| read_right(doc, start, verb, false))
                    .flatten()
                    .filter(|p| p.kind == PhraseKind::Name && p.tokens.end == verb);
                // "Baker went out of his way …, and French Finance Minister Edouard Balladur
                // underscored that by saying: "…"": the last coordinated clause's subject.
                let last_clause = (floor + 1..verb)
                    .rev()
                    .find(|&i| doc.token_str(i) == "and" && doc.token_str(i - 1) == ",");
                return named
                    .or_else(|| last_clause.and_then(|and| sentence_subject(doc, and + 1, verb)))
                    .or_else(|| sentence_subject(doc, floor, verb));
            }
            subject_of(doc, verb, floor).or_else(|| read_right(doc, verb + 1, open, false))
        });
    // "Trump leaned in and boomed: "…"": a colon after the writer's clause.
    found.or_else(|| {
        (colon || any_verb)
            .then(|| {
                sentence_subject(doc, floor, open).or_else(|| described_subject(doc, floor, open))
            })
            .flatten()
    })
}

/// `quoted X as saying`, `cited X as saying`.
fn is_quoting_verb(word: &str) -> bool {
    matches!(
        word,
        "quoted" | "quotes" | "quoting" | "cited" | "cites" | "citing"
    )
}

/// Whether token `i` is a speech verb: not after a determiner, where the same word is a noun
/// ("Oklahoma, one of the states suing the EPA, said", "the claims").
fn is_verb_at(doc: &Document<'_>, i: usize) -> bool {
    // Not numbers: "the mother of three replied".
    let noun_marker = |word: &str| {
        is_determiner(word)
            && !["one", "two", "three", "another", "both"]
                .iter()
                .any(|n| n.eq_ignore_ascii_case(word))
    };
    is_speech_verb(doc.token_str(i)) && !(i > 0 && noun_marker(doc.token_str(i - 1)))
}

/// "the meeting was called to discuss": a passive participle reports no speech.
fn is_passive(doc: &Document<'_>, verb: usize, floor: usize) -> bool {
    verb > floor
        && doc.token_str(verb).ends_with("ed")
        && matches!(
            doc.token_str(verb - 1),
            "was" | "were" | "is" | "are" | "be" | "been" | "being"
        )
}

/// The subject of the speech verb at `verb`: the phrase before it, skipping helper words
/// ("also", "has") and an appositive between commas.
fn subject_of(doc: &Document<'_>, verb: usize, floor: usize) -> Option<Phrase> {
    let mut end = verb;
    let mut skipped_appositive = false;
    // At most one aside of each kind: helpers, a bracket, an appositive between commas.
    for _ in 0..2 {
        while end > floor
            && is_verb_helper(doc.token_str(end - 1))
            && !is_pronoun(doc.token_str(end - 1))
        {
            end -= 1;
        }
        if end > floor && doc.token_str(end - 1) == ")" {
            // "Rep. Gwen Moore (D-Wis.) said": a party label or aside before the verb.
            if let Some(open) = (floor..end - 1)
                .rev()
                .take(8)
                .find(|&i| doc.token_str(i) == "(")
            {
                end = open;
            }
        }
        if end > floor && doc.token_str(end - 1) == "," {
            // "Zas, the CSTO's head, said": back over the appositive to its opening comma.
            let closing = end - 1;
            end = (floor..closing)
                .rev()
                .take(APPOSITIVE_WINDOW)
                .find(|&i| doc.token_str(i) == ",")?;
            // "Ryan's spokeswoman, AshLee Strong, said": the name between the commas is the
            // speaker that the description before them introduces.
            if let Some(named) = named_appositive(doc, end, closing, floor) {
                return Some(named);
            }
            skipped_appositive = true;
        } else {
            break;
        }
    }
    let phrase = read_left(doc, end, floor)?;
    // A phrase that ends on a number is no subject.
    if doc.tokens[phrase.tokens.end - 1].kind == TokenKind::Number {
        return None;
    }
    // A description after a name and a comma is that name's appositive, and the name
    // speaks, where the clause is an attribution: a chain of appositives ("Scott Pruitt, the
    // attorney general of Oklahoma, one of the states suing the EPA, said") or the words right
    // after a quote ("…," Kenneth Leung, a Smith Barney analyst said). Elsewhere the
    // description is the subject ("Explaining European orders have slowed, the company
    // added").
    let after_a_quote = (floor.saturating_sub(2)..floor).any(|i| is_quote_mark(doc.token_str(i)));
    let named_before = ((skipped_appositive || after_a_quote)
        && phrase.kind == PhraseKind::Description
        && phrase.tokens.start > floor + 1
        && doc.token_str(phrase.tokens.start - 1) == ",")
        .then(|| read_left(doc, phrase.tokens.start - 1, floor))
        .flatten()
        // A full name opening the clause: not a place after a preposition ("In Washington,
        // the minister, a veteran, said") nor a capitalised word opening a sentence
        // ("Pressed, the mother of three replied").
        .filter(|p| p.kind == PhraseKind::Name && p.tokens.start == floor && p.tokens.len() > 1);
    Some(named_before.unwrap_or(phrase))
}

/// The name filling the appositive between the commas at `open` and `close`, when the
/// phrase before it is a description of that person ("Clinton's campaign chairman, John
/// Podesta, said"), not a name it qualifies ("Zas, the CSTO's head, said").
fn named_appositive(doc: &Document<'_>, open: usize, close: usize, floor: usize) -> Option<Phrase> {
    // "Gov. John Kasich (R-OH), said": the party label is an aside.
    let mut close = close;
    if close > open + 1 && doc.token_str(close - 1) == ")" {
        close = (open + 1..close - 1)
            .rev()
            .take(8)
            .find(|&i| doc.token_str(i) == "(")?;
    }
    let inner = read_left(doc, close, open + 1)?;
    let whole_name = inner.kind == PhraseKind::Name
        && inner.tokens.start == open + 1
        && inner.name.as_ref().is_some_and(|n| n.end == close);
    // "Smith, R-Ky., said": a name just before the comma is the speaker, the rest an aside.
    let outer_is_name =
        read_left(doc, open, floor).is_some_and(|o| o.name.as_ref().is_some_and(|n| n.end == open));
    (whole_name && !outer_is_name).then_some(inner)
}

fn is_time_word(word: &str) -> bool {
    const WORDS: &[&str] = &[
        "today",
        "yesterday",
        "tonight",
        "recently",
        "later",
        "earlier",
        "then",
        "also",
        "again",
    ];
    crate::corpus::is_weekday_name(word) || WORDS.iter().any(|w| w.eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod tests {
    use super::super::marks::{candidates, find, paragraph_tokens};
    use super::super::phrase::text;
    use super::*;
    use crate::span::ByteSpan;

    fn speakers(text: &str) -> Vec<Option<String>> {
        let d = Document::parse(text, ByteSpan::new(0, text.len()));
        let paragraphs = paragraph_tokens(&d);
        find(&d, &paragraphs, &candidates(&d))
            .iter()
            .map(|q| {
                let p = d.paragraph_at(q.span.start).unwrap();
                attribute(&d, q, paragraphs[p].clone(), paragraphs[p].clone())
                    .map(|a| self::text(&d, a.phrase.tokens).to_string())
            })
            .collect()
    }

    #[test]
    fn the_speaker_after_the_quote_is_found_in_either_order() {
        assert_eq!(
            speakers("\"Yes,\" Zas said. \"No,\" said the minister. \"Maybe,\" he told reporters."),
            [
                Some("Zas".into()),
                Some("the minister".into()),
                Some("he".into())
            ]
        );
    }

    #[test]
    fn a_number_modifying_the_subject_after_the_verb_is_read_past_to_its_name() {
        assert_eq!(
            speakers(
                "\"They are wrong,\" said 9/11 widow Terry Strada. \"We will go,\" said undecided voter Jo Li."
            ),
            [
                Some("widow Terry Strada".into()),
                Some("undecided voter Jo Li".into())
            ]
        );
        // Without a name after it, the number opens no speaker.
        assert_eq!(speakers("\"It was chaos,\" said 10 people."), [None]);
    }

    #[test]
    fn an_appositive_between_speaker_and_verb_is_skipped() {
        assert_eq!(
            speakers("\"Yes,\" Jeff Weaver, the campaign manager, said."),
            [Some("Jeff Weaver".into())]
        );
    }

    #[test]
    fn a_speech_word_after_a_determiner_is_a_noun() {
        assert_eq!(
            speakers(
                "\"No,\" Scott Pruitt, the attorney general of Oklahoma, one of the states suing the EPA, said."
            ),
            [Some("Scott Pruitt".into())]
        );
        // A number is no determiner here.
        assert_eq!(
            speakers("Pressed, the mother of three replied, \"No.\""),
            [Some("the mother of three".into())]
        );
    }

    #[test]
    fn a_name_before_a_description_speaks_only_where_it_opens_the_attribution() {
        assert_eq!(
            speakers("\"It's big,\" Kenneth Leung, a Smith Barney analyst said."),
            [Some("Kenneth Leung".into())]
        );
        // A place opening the clause, a single capitalised word opening the sentence.
        assert_eq!(
            speakers("In Washington, the minister, a veteran, said: \"No.\""),
            [Some("the minister".into())]
        );
        assert_eq!(
            speakers("Explaining European orders have slowed, the company added \"we see it.\""),
            [Some("the company".into())]
        );
    }

    #[test]
    fn a_verb_in_the_introduction_is_not_the_clauses() {
        assert_eq!(
            speakers(
                "With Democratic leaders increasingly worried, President Obama is rolling out a message: \"It's about me.\""
            ),
            [Some("President Obama".into())]
        );
        // An introduction that runs to the quote is the attribution.
        assert_eq!(
            speakers("As one employee told Palo Alto Weekly, \"She wants fear.\""),
            [Some("one employee".into())]
        );
    }

    #[test]
    fn a_participle_speaks_for_its_own_coordinated_clause() {
        assert_eq!(
            speakers(
                "Baker went out of his way to reassure markets, and French Finance Minister Edouard Balladur underscored that by saying: \"No.\""
            ),
            [Some("French Finance Minister Edouard Balladur".into())]
        );
    }

    #[test]
    fn the_possessor_is_not_the_speaker() {
        assert_eq!(
            speakers("\"No,\" Ryan's spokeswoman, AshLee Strong, said."),
            [Some("AshLee Strong".into())]
        );
        assert_eq!(
            speakers("Clinton's campaign chairman, John Podesta, said: \"No.\""),
            [Some("John Podesta".into())]
        );
        assert_eq!(
            speakers(
                "\"Yes,\" California Rep. Duncan Hunter's chief of staff, Joe Kasper, told POLITICO."
            ),
            [Some("Joe Kasper".into())]
        );
        assert_eq!(
            speakers(
                "\"This is a big year for Bobby Scott!\" Scott's niece, state Del. Marcia \"Cia\" Price (D-Newport News), shouted to the crowd. \"The nation is watching.\""
            ),
            // The quote after it follows on (the article's pass gives it the same speaker).
            [Some("state Del. Marcia \"Cia\" Price".into()), None]
        );
        assert_eq!(
            speakers("After winning Ohio in the primary, Gov. John Kasich (R-OH), said, \"Yes.\""),
            [Some("Gov. John Kasich".into())]
        );
        // A name with an appositive description or a party label stays the speaker.
        assert_eq!(
            speakers("\"No,\" Smith, R-Ky., said."),
            [Some("Smith".into())]
        );
        assert_eq!(
            speakers("\"No,\" Jeff Weaver, Sanders's campaign manager, said."),
            [Some("Jeff Weaver".into())]
        );
    }

    #[test]
    fn a_long_appositive_after_the_quote_is_skipped() {
        assert_eq!(
            speakers(
                "\"Yes,\" Malkia Cyril, the executive director at the Center of Media Justice \
                 and whose also featured in the film, told The Huffington Post."
            ),
            [Some("Malkia Cyril".into())]
        );
    }

    #[test]
    fn a_passive_verb_reports_no_speech() {
        assert_eq!(
            speakers("The official said the meeting was called to discuss \"the debt.\""),
            [Some("The official".into())]
        );
    }

    #[test]
    fn a_capitalised_adjective_opening_the_sentence_starts_a_description() {
        assert_eq!(
            speakers(
                "Small groups of protesters continued to call for more information about the \
                 fatal shooting of Keith Lamont Scott, looping the streets around Bank of America \
                 Stadium - where the National Football League's Charlotte Panthers played the \
                 Minnesota Vikings - while chanting, \
                 \"Hands up, don't shoot.\""
            ),
            [Some("Small groups of protesters".into())]
        );
    }

    #[test]
    fn the_one_quoted_as_saying_speaks() {
        assert_eq!(
            speakers("The company quoted Boyd Jefferies as saying, \"I accept it.\""),
            [Some("Boyd Jefferies".into())]
        );
        assert_eq!(
            speakers("The sources quoted Howe as saying: \"No.\""),
            [Some("Howe".into())]
        );
    }

    #[test]
    fn a_described_subject_speaks_when_no_name_does() {
        assert_eq!(
            speakers("The piece used one of the woman's quotes as its headline: \"Finally.\""),
            [Some("The piece".into())]
        );
        assert_eq!(
            speakers(
                "The senior banker was strongly opposed to a regional approach, saying: \"No.\""
            ),
            [Some("The senior banker".into())]
        );
    }

    #[test]
    fn a_signature_closing_the_paragraph_signs_its_quote() {
        assert_eq!(
            speakers(
                "\u{201C}He has money.\u{201D} And that is all he has. \u{2015} Christina Lastra."
            ),
            [Some("Christina Lastra".into())]
        );
        // Not a hyphen, not a description, not a name that does not end the paragraph.
        assert_eq!(
            speakers("\u{201C}He has money.\u{201D} And that is all. - Christina Lastra."),
            [None]
        );
        assert_eq!(
            speakers("\u{201C}He has money.\u{201D} And that is all. \u{2015} a reader."),
            [None]
        );
    }

    #[test]
    fn a_name_before_a_participle_speaks() {
        assert_eq!(
            speakers("The spot ends with footage of Trump saying, \"That makes me smart.\""),
            [Some("Trump".into())]
        );
        assert_eq!(
            speakers("Trump fired back, saying: \"No.\""),
            [Some("Trump".into())]
        );
        assert_eq!(
            speakers("Clinton replied to Vargas on Facebook writing, \"Yes, I will.\""),
            [Some("Clinton".into())]
        );
    }

    #[test]
    fn the_speaker_before_the_quote_is_found() {
        assert_eq!(
            speakers("Zas said: \"We stay.\" According to Reuters, \"it is over.\""),
            [Some("Zas".into()), Some("Reuters".into())]
        );
    }
}

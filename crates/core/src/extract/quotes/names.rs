//! Finding people in the text itself, for when the entity extractor gave none: capitalised
//! runs that look like a person's name (a title before it, two or more name words and no
//! organisation word, or a speech verb after it), and descriptions such as "the Secretary
//! General" or "the Prime Minister of Armenia" that stand for a person.

use super::super::structure::{Document, TokenKind, is_abbreviation};
use super::cues::{
    can_be_in_name, is_capitalised, is_capitalised_function_word, is_organisation_word,
    is_speech_verb, is_title_modifier, is_title_word, is_verb_helper,
};
use super::people::Person;
use super::phrase::{name_part, text};
use crate::span::ByteSpan;
use std::ops::Range;

/// Lowercased title words of tokens `range` and of the titles just before it.
pub fn role_words(doc: &Document<'_>, before: Range<usize>) -> String {
    let mut start = before.end;
    while start > before.start && before.end - start < 5 {
        let word = doc.token_str(start - 1);
        let fits = doc.tokens[start - 1].kind == TokenKind::Word
            && (is_title_word(word)
                || (is_capitalised(word) && !is_capitalised_function_word(word)));
        if !fits && word != "." {
            break;
        }
        start -= 1;
    }
    text(doc, start..before.end).to_lowercase()
}

/// The capitalised run starting at token `i` (empty when `i` does not start one).
pub fn capitalised_run(doc: &Document<'_>, i: usize) -> Range<usize> {
    let mut end = i;
    while end < doc.tokens.len() {
        let word = doc.token_str(end);
        let kind = doc.tokens[end].kind;
        let name_like = kind == TokenKind::Word && is_capitalised(word) && can_be_in_name(word);
        let period = word == "."
            && end > i
            && doc.tokens[end - 1].span.end == doc.tokens[end].span.start
            && is_abbreviation(doc.token_str(end - 1));
        if !(name_like || period) {
            break;
        }
        end += 1;
    }
    i..end
}

/// The person named by a capitalised run, if it looks like one: it has a title, or two or
/// more name words and no organisation word, or a speech verb follows it.
pub fn person_in_run(doc: &Document<'_>, run: Range<usize>) -> Option<Person> {
    let name = name_part(doc, run.clone())?;
    let words: Vec<&str> = name
        .clone()
        .filter(|&i| doc.tokens[i].kind == TokenKind::Word)
        .map(|i| doc.token_str(i))
        .collect();
    let titled = run
        .clone()
        .take_while(|&i| i < name.start)
        .any(|i| is_title_word(doc.token_str(i)))
        || (run.start > 0 && is_title_word(doc.token_str(run.start - 1)));
    let organisation = words.iter().any(|w| is_organisation_word(w))
        || words
            .iter()
            .any(|w| w.len() >= 2 && w.chars().all(|c| c.is_uppercase()));
    let mut next = name.end;
    while next < doc.tokens.len() && is_verb_helper(doc.token_str(next)) {
        next += 1;
    }
    let speaks = is_speech_verb(doc.token_str(next));
    // Five capitalised words in a row are a headline, not a name.
    let person = !organisation && words.len() <= 4 && (titled || words.len() >= 2 || speaks);
    person.then(|| Person {
        span: ByteSpan::new(
            doc.tokens[name.start].span.start,
            doc.tokens[name.end - 1].span.end,
        ),
        name: text(doc, name.clone()).to_string(),
        role: role_words(doc, run.start..name.start),
        entity: None,
        description: false,
    })
}

/// "the Secretary General", "the Prime Minister of Armenia": a determiner, words ending on a
/// title, an optional "of" complement; not followed by a name (then it is a title).
/// Always inlined up to the "the" check, since callers try every token of the article and
/// nearly none is "the".
#[inline(always)]
pub fn description(doc: &Document<'_>, i: usize) -> Option<(Person, usize)> {
    if doc.tokens[i].span.len() != 3 || !doc.token_str(i).eq_ignore_ascii_case("the") {
        return None;
    }
    description_after_the(doc, i)
}

/// The description opened by "the" at token `i`, if one follows.
fn description_after_the(doc: &Document<'_>, i: usize) -> Option<(Person, usize)> {
    let mut end = i + 1;
    let mut last_title = None;
    while end < doc.tokens.len() && end - i <= 5 && doc.tokens[end].kind == TokenKind::Word {
        let word = doc.token_str(end);
        if is_title_word(word) {
            if !is_title_modifier(word) {
                last_title = Some(end);
            }
        } else if !is_capitalised(word) || is_capitalised_function_word(word) {
            break;
        }
        end += 1;
    }
    let mut end = last_title? + 1;
    if doc
        .tokens
        .get(end)
        .is_some_and(|t| t.kind == TokenKind::Word && is_capitalised(doc.token_str(end)))
    {
        return None;
    }
    if doc.token_str(end) == "of" {
        let complement = capitalised_run(doc, end + 1);
        if !complement.is_empty() && complement.len() <= 4 {
            end = complement.end;
        }
    }
    let span = ByteSpan::new(doc.tokens[i].span.start, doc.tokens[end - 1].span.end);
    let name = text(doc, i..end).to_string();
    Some((
        Person {
            span,
            role: name.to_lowercase(),
            name,
            entity: None,
            description: true,
        },
        end,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Document<'_> {
        Document::parse(text, ByteSpan::new(0, text.len()))
    }

    #[test]
    fn a_titled_run_is_a_person_with_a_role() {
        let d = doc("CSTO Secretary General Stanislav Zas spoke.");
        let person = person_in_run(&d, capitalised_run(&d, 0)).unwrap();
        assert_eq!(person.name, "Stanislav Zas");
        assert_eq!(person.role, "csto secretary general");
    }

    #[test]
    fn organisations_and_headlines_are_not_people() {
        let d = doc("The Collective Security Council met.");
        assert!(person_in_run(&d, capitalised_run(&d, 1)).is_none());
        let d = doc("Black Lawmakers Rip Donald Trump Again");
        assert!(person_in_run(&d, capitalised_run(&d, 0)).is_none());
    }

    #[test]
    fn descriptions_end_on_a_title_and_keep_an_of_complement() {
        let d = doc("the Prime Minister of Armenia refused");
        assert_eq!(
            description(&d, 0).unwrap().0.name,
            "the Prime Minister of Armenia"
        );
        let d = doc("the GOP nominee");
        assert_eq!(description(&d, 0).unwrap().0.name, "the GOP nominee");
        let d = doc("the GOP said");
        assert!(description(&d, 0).is_none());
    }
}

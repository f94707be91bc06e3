//! Speaker phrases: the words that name or describe who speaks ("Stanislav Zas", "CSTO
//! Secretary General Stanislav Zas", "he", "the Prime Minister of Armenia"), read from the
//! tokens on either side of a speech verb.
//!
//! A phrase keeps its proper-name part apart from titles and complements, so that "the
//! Prime Minister of Armenia" is a description (Armenia is not the speaker) while "Ohio Gov.
//! John Kasich" is the name "John Kasich" with the role "Ohio Gov.".

use super::super::structure::{Document, TokenKind, is_abbreviation};
use super::cues::{
    ends_noun_phrase, is_capitalised, is_capitalised_function_word, is_pronoun, is_title_word,
};
use super::marks::is_nickname_mark;
use std::ops::Range;

/// What a speaker phrase is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhraseKind {
    /// A proper name, perhaps with titles ("Sen. Ted Cruz").
    Name,
    /// "he", "she", "they".
    Pronoun,
    /// A common-noun description ("the Secretary General", "a campaign spokesman").
    Description,
}

/// A speaker phrase as token ranges.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phrase {
    /// The whole phrase.
    pub tokens: Range<usize>,
    /// The proper name inside it, when it has one.
    pub name: Option<Range<usize>>,
    /// What it is.
    pub kind: PhraseKind,
}

/// Longest phrase read, in tokens: speaker phrases are short; this keeps scans bounded.
const MAX_PHRASE: usize = 10;

const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "one", "my", "our", "your", "another", "some",
    "many", "several", "this", "these", "those", "two", "three", "both",
];
const CONNECTORS: &[&str] = &[
    "of", "for", "at", "to", "in", "de", "van", "von", "bin", "al", "da",
];

pub(super) fn is_determiner(word: &str) -> bool {
    DETERMINERS.iter().any(|d| d.eq_ignore_ascii_case(word))
}

fn is_connector(word: &str) -> bool {
    CONNECTORS.contains(&word)
}

/// Whether token `i` is a period that belongs to the abbreviation or initial before it
/// ("Gov.", "J."), so a name may run across it.
fn is_abbreviation_period(doc: &Document<'_>, i: usize) -> bool {
    i > 0
        && doc.token_str(i) == "."
        && doc.tokens[i - 1].span.end == doc.tokens[i].span.start
        && doc.tokens[i - 1].kind == TokenKind::Word
        && is_abbreviation(doc.token_str(i - 1))
}

/// Whether token `i` can be part of a noun phrase naming a speaker.
fn is_phrase_token(doc: &Document<'_>, i: usize) -> bool {
    let word = doc.token_str(i);
    match doc.tokens[i].kind {
        TokenKind::Word => !ends_noun_phrase(word) || is_connector(word),
        TokenKind::Number => false,
        TokenKind::Punct => is_abbreviation_period(doc, i) || is_nickname_mark(doc, i),
    }
}

/// Reads a speaker phrase rightwards from token `start`, not past `limit`. `lenient` lets it
/// open on any word, as a subject after its verb does ("said *undecided* voter Jo Li").
pub fn read_right(doc: &Document<'_>, start: usize, limit: usize, lenient: bool) -> Option<Phrase> {
    let limit = limit.min(doc.tokens.len());
    if start >= limit || doc.tokens[start].kind != TokenKind::Word {
        return None;
    }
    let first = doc.token_str(start);
    if is_pronoun(first) {
        return Some(pronoun(start));
    }
    if !lenient && !is_capitalised(first) && !is_determiner(first) && !is_title_word(first) {
        return None;
    }
    let mut end = start;
    while end < limit && end - start < MAX_PHRASE && is_phrase_token(doc, end) {
        end += 1;
    }
    // "one U.S. analyst of Baker's weekend remarks": a complement owned by someone names what
    // is spoken about, not the speaker.
    if let Some(owned) = (start..end).find(|&i| is_possessive(doc.token_str(i)))
        && let Some(connector) = (start + 1..owned)
            .rev()
            .find(|&i| is_connector(doc.token_str(i)))
    {
        end = connector;
    }
    // A connector or determiner cannot end the phrase ("adviser to", "the").
    while end > start
        && (is_connector(doc.token_str(end - 1)) || is_determiner(doc.token_str(end - 1)))
    {
        end -= 1;
    }
    classify(doc, start..end)
}

/// Reads a speaker phrase leftwards, ending just before token `end`, not before `floor`.
pub fn read_left(doc: &Document<'_>, end: usize, floor: usize) -> Option<Phrase> {
    if end == 0 || end <= floor || end > doc.tokens.len() {
        return None;
    }
    let last = end - 1;
    if doc.tokens[last].kind == TokenKind::Word && is_pronoun(doc.token_str(last)) {
        return Some(pronoun(last));
    }
    let mut start = end;
    // Leftwards a determiner opens the phrase even where it would end one rightwards
    // ("*this* source told the Post" but "said *this* week").
    while start > floor
        && end - start < MAX_PHRASE
        && (is_phrase_token(doc, start - 1) || is_determiner(doc.token_str(start - 1)))
    {
        start -= 1;
        let word = doc.token_str(start);
        // A capitalised function word ("But", "Then") is outside the phrase.
        // A determiner opens the phrase, unless a connector makes it a complement
        // ("Mr. Morgan *of the* Sierra Club").
        if is_determiner(word) {
            if start > floor && is_connector(doc.token_str(start - 1)) {
                continue;
            }
            break;
        }
        // "New" in "New York" is part of the place, not an opener.
        let names_place =
            word == "New" && start + 1 < end && is_capitalised(doc.token_str(start + 1));
        if is_capitalised(word)
            && is_capitalised_function_word(word)
            && !is_title_word(word)
            && !names_place
        {
            start += 1;
            break;
        }
        if is_pronoun(word) {
            start += 1;
            break;
        }
    }
    while start < end && is_connector(doc.token_str(start)) {
        start += 1;
    }
    classify(doc, start..end)
}

fn pronoun(i: usize) -> Phrase {
    Phrase {
        tokens: i..i + 1,
        name: None,
        kind: PhraseKind::Pronoun,
    }
}

/// Finds the proper name inside `tokens` and decides the phrase kind. A description must
/// hold a noun, not just a determiner.
fn classify(doc: &Document<'_>, tokens: Range<usize>) -> Option<Phrase> {
    if tokens.is_empty() {
        return None;
    }
    let name = name_part(doc, tokens.clone());
    let has_content = tokens
        .clone()
        .any(|i| doc.tokens[i].kind == TokenKind::Word && !is_determiner(doc.token_str(i)));
    // "Ryan's spokeswoman": a possessive opens a description as a determiner does.
    let opens = |w: &str| is_determiner(w) || is_possessive(w);
    if name.is_none() && (!has_content || !opens(doc.token_str(tokens.start))) {
        // Bare lowercase words are not a speaker unless they are a titled description
        // ("spokeswoman said") — accept a lone title word.
        let all_titles = tokens.clone().all(|i| is_title_word(doc.token_str(i)));
        if !all_titles || !has_content {
            return None;
        }
    }
    let kind = if name.is_some() {
        PhraseKind::Name
    } else {
        PhraseKind::Description
    };
    Some(Phrase { tokens, name, kind })
}

/// The last run of capitalised name words in `tokens`, titles stripped, not after a
/// connector ("the Prime Minister *of Armenia*" has none).
pub fn name_part(doc: &Document<'_>, tokens: Range<usize>) -> Option<Range<usize>> {
    let mut best = None;
    let mut run_start: Option<usize> = None;
    let mut after_connector = false;
    for i in tokens.clone() {
        let word = doc.token_str(i);
        let is_word = doc.tokens[i].kind == TokenKind::Word;
        let capitalised = is_word && is_capitalised(word);
        let name_word =
            (capitalised && !is_title_word(word) && !is_capitalised_function_word(word))
                || (capitalised && is_surname_title(doc, i, &tokens));
        if name_word {
            run_start.get_or_insert(i);
            if !after_connector {
                best = run_start.map(|s| s..i + 1);
            }
        } else if run_start.is_some()
            && (is_abbreviation_period(doc, i) || is_nickname_mark(doc, i))
        {
            // "J." inside "John J. Smith" continues the run, as do the marks around a
            // nickname, `Marcia "Cia" Price`.
        } else {
            run_start = None;
            if is_word && is_connector(word) {
                after_connector = true;
            } else if is_word && !is_determiner(word) && !is_capitalised_function_word(word) {
                // A word after the connector closes the complement: "Secretary of State John
                // Kerry", "master of ceremonies Asab Al-Tabchi". A capitalised function word
                // does not: "Robert Brusca of Nikko Securities in *New* York" names no York.
                after_connector = false;
            }
        }
    }
    best.filter(|run| !is_modifier(doc, run, &tokens))
}

/// Whether the name run `run` only qualifies the noun after it: "one *Trump* confidant",
/// "*Ryan's* spokeswoman", "one *U.S.* analyst" describe someone else.
fn is_modifier(doc: &Document<'_>, run: &Range<usize>, tokens: &Range<usize>) -> bool {
    let possessive = is_possessive(doc.token_str(run.end - 1));
    let next = doc.token_str(run.end);
    let word_follows = run.end < tokens.end
        && doc.tokens[run.end].kind == TokenKind::Word
        && !is_capitalised(next)
        && !is_connector(next);
    // The word after may be the verb ("Stanislav Zas stated"): it is a noun when it is a title
    // or when a determiner opened a description ("one Trump confidant").
    let noun_follows =
        word_follows && (is_title_word(next) || is_determiner(doc.token_str(tokens.start)));
    possessive || noun_follows
}

/// "Ryan's", "Clinton’s", "Sanders'": a name that owns what follows it.
pub fn is_possessive(word: &str) -> bool {
    word.ends_with("'s") || word.ends_with("’s") || word.ends_with("s'")
}

/// A title word ending the phrase right after a name or an honorific is a surname:
/// "Mr. King", "Martin Luther King", "Ms. Judge".
fn is_surname_title(doc: &Document<'_>, i: usize, tokens: &Range<usize>) -> bool {
    const HONORIFICS: &[&str] = &[
        "mr", "mrs", "ms", "dr", "miss", "sir", "dame", "lord", "lady",
    ];
    let last_capitalised = !(i + 1..tokens.end).any(|j| is_capitalised(doc.token_str(j)));
    if !last_capitalised || i == tokens.start {
        return false;
    }
    let mut before = i - 1;
    if is_abbreviation_period(doc, before) && before > tokens.start {
        before -= 1;
    }
    let word = doc.token_str(before);
    let honorific = HONORIFICS.iter().any(|h| h.eq_ignore_ascii_case(word));
    let name = is_capitalised(word) && !is_title_word(word) && !is_capitalised_function_word(word);
    honorific || name
}

/// The text of tokens `range`, from the first token's start to the last one's end.
pub fn text<'a>(doc: &Document<'a>, range: Range<usize>) -> &'a str {
    match (
        doc.tokens.get(range.start),
        range.end.checked_sub(1).and_then(|e| doc.tokens.get(e)),
    ) {
        (Some(first), Some(last)) if range.start < range.end => {
            doc.text.get(first.span.start..last.span.end).unwrap_or("")
        }
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::ByteSpan;

    fn doc(text: &str) -> Document<'_> {
        Document::parse(text, ByteSpan::new(0, text.len()))
    }

    fn right(text: &str, start: usize) -> (String, Option<String>, PhraseKind) {
        let d = doc(text);
        let p = read_right(&d, start, d.tokens.len(), false).unwrap();
        let name = p.name.clone().map(|n| self::text(&d, n).to_string());
        (self::text(&d, p.tokens).to_string(), name, p.kind)
    }

    #[test]
    fn a_titled_name_keeps_the_name_apart_from_the_title() {
        let (_, name, kind) = right("CSTO Secretary General Stanislav Zas stated this.", 0);
        assert_eq!(name.as_deref(), Some("Stanislav Zas"));
        assert_eq!(kind, PhraseKind::Name);
        let (_, name, _) = right("Ohio Gov. John Kasich said.", 0);
        assert_eq!(name.as_deref(), Some("John Kasich"));
    }

    #[test]
    fn a_place_after_of_is_not_the_speakers_name() {
        let (whole, name, kind) = right("the Prime Minister of Armenia.", 0);
        assert_eq!(whole, "the Prime Minister of Armenia");
        assert_eq!(name, None);
        assert_eq!(kind, PhraseKind::Description);
    }

    #[test]
    fn a_place_or_company_after_a_connector_is_not_the_speakers_name() {
        let d = doc("Robert Brusca of Nikko Securities International in New York");
        let name = name_part(&d, 0..d.tokens.len()).map(|n| text(&d, n));
        assert_eq!(name, Some("Robert Brusca"));
        let d = doc("One government bond salesman in New York");
        let p = read_left(&d, d.tokens.len(), 0).unwrap();
        assert_eq!(
            text(&d, p.tokens),
            "One government bond salesman in New York"
        );
        assert_eq!((p.name, p.kind), (None, PhraseKind::Description));
    }

    #[test]
    fn a_complement_about_someone_elses_words_is_outside_the_phrase() {
        let (whole, name, kind) = right("one U.S. analyst of Baker's weekend remarks", 0);
        assert_eq!(whole, "one U.S. analyst");
        assert_eq!((name, kind), (None, PhraseKind::Description));
    }

    #[test]
    fn a_name_that_qualifies_a_noun_describes_someone_else() {
        for phrase in [
            "one Trump confidant",
            "a senior Cruz adviser",
            "one U.S. analyst",
            "Ryan's spokeswoman",
        ] {
            let d = doc(phrase);
            let p = read_left(&d, d.tokens.len(), 0).unwrap();
            assert_eq!(
                (p.name, p.kind),
                (None, PhraseKind::Description),
                "{phrase}"
            );
        }
        // The name after such a modifier is the speaker's.
        let (_, name, _) = right("Trump campaign spokeswoman Hope Hicks said.", 0);
        assert_eq!(name.as_deref(), Some("Hope Hicks"));
    }

    #[test]
    fn reading_left_stops_at_sentence_openers() {
        let d = doc("But Zas said so.");
        let p = read_left(&d, 2, 0).unwrap();
        assert_eq!(text(&d, p.tokens), "Zas");
        let d = doc("At the same time, the Secretary General assured.");
        let p = read_left(&d, 8, 0).unwrap();
        assert_eq!(text(&d, p.tokens), "the Secretary General");
        assert_eq!(p.kind, PhraseKind::Description);
    }
}

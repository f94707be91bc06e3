//! From token labels to name mentions, then document-level repairs: a name keeps one kind
//! throughout an article (the tagger decides each occurrence alone), a lone surname takes
//! the kind of the full name it shortens, the agency of a dateline is an organisation and
//! its place one place.

use super::definitions;
use super::gazetteer;
use super::hashing::HashedMap;
use super::model;
use super::spelled_out;
use super::titles;
use super::tokens::{NerText, is_word};
use crate::corpus::date::{is_weekday_name, month_number};
use crate::extract::EntityKind;
use crate::extract::quotes::cues;
use crate::extract::structure::{self, Document};
use crate::span::ByteSpan;
use std::ops::Range;

/// One name found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Its tokens in [`NerText::tokens`].
    pub tokens: Range<usize>,
    /// Where it is.
    pub span: ByteSpan,
    /// What it names.
    pub kind: EntityKind,
}

impl Mention {
    /// The mention of `tokens`, spanning from the first's start to the last's end.
    pub(super) fn over(ner: &NerText, tokens: Range<usize>, kind: EntityKind) -> Self {
        Self {
            span: span_over(ner, &tokens),
            tokens,
            kind,
        }
    }
}

/// The span from the first of `tokens` (not empty) to the end of the last.
fn span_over(ner: &NerText, tokens: &Range<usize>) -> ByteSpan {
    ByteSpan::new(
        ner.tokens[tokens.start].span.start,
        ner.tokens[tokens.end - 1].span.end,
    )
}

/// What separates token `t` (> 0) from the token before it: `" "` inside a name written
/// with single spaces, `""` where the two are one word (`O/E`, `al-Mahdi` + `'s`).
pub(super) fn gap_before<'t>(text: &'t str, ner: &NerText, t: usize) -> &'t str {
    &text[ner.tokens[t - 1].span.end..ner.tokens[t].span.start]
}

/// The first token of the sentence that holds token `t`.
pub(super) fn sentence_start(ner: &NerText, t: usize) -> usize {
    ner.sentences
        .get(ner.sentences.partition_point(|s| s.end <= t))
        .map_or(t, |s| s.start)
}

/// Whether a tagger token is a possessive mark, which the tokens cut off names (`'s`).
fn is_possessive_mark(word: &str) -> bool {
    matches!(word, "'s" | "’s")
}

/// The mentions of a label sequence, repaired, in text order.
pub fn from_labels(doc: &Document<'_>, ner: &NerText, labels: &[u8]) -> Vec<Mention> {
    let mut mentions = decode(doc.text, ner, labels);
    split_after_based_adjectives(doc.text, ner, &mut mentions);
    split_party_members(doc.text, ner, &mut mentions);
    split_person_before_place(doc.text, ner, &mut mentions);
    split_at_legal_form_stops(doc.text, ner, &mut mentions);
    split_firms_listed_after_legal_forms(doc.text, ner, &mut mentions);
    join_bodies_across(doc.text, ner, &mut mentions, &ACROSS_ON);
    join_bodies_across(doc.text, ner, &mut mentions, &ACROSS_OF);
    extend_to_formal_state_names(doc.text, ner, &mut mentions);
    cut_abbreviated_titles(doc.text, ner, &mut mentions);
    // Before legal forms, which then join the whole name (`Banco do Brasil SA`).
    join_firm_particles(doc.text, ner, &mut mentions);
    // Before legal forms: only a person `Electric` after `General` is mended to `General
    // Electric`, and the `Co` after it then makes the firm whole.
    extend_to_general_firms(doc.text, ner, &mut mentions);
    extend_to_legal_forms(doc.text, ner, &mut mentions);
    extend_legal_forms_to_their_names(doc.text, ner, &mut mentions);
    join_opening_possessive_firm(doc, ner, &mut mentions);
    join_name_particles(doc.text, ner, &mut mentions);
    join_article_surnames(doc.text, ner, &mut mentions);
    join_quoted_nicknames(doc.text, ner, &mut mentions);
    join_bare_initials(doc.text, ner, &mut mentions);
    join_first_names(doc.text, ner, &mut mentions);
    mend_initialled_names(doc.text, ner, &mut mentions);
    cut_ministry_words(doc.text, ner, &mut mentions);
    add_dateline_agency(doc, ner, &mut mentions);
    add_dateline_place(doc, ner, &mut mentions);
    for m in &mut mentions {
        if is_formal_state_name(doc.str(m.span)) {
            m.kind = EntityKind::Place;
        }
    }
    unify_kinds(doc.text, ner, &mut mentions);
    // After the votes: a sentence saying what a name is outweighs every reading of it.
    definitions::apply(doc.text, ner, &mut mentions);
    titles::apply(doc.text, ner, &mut mentions);
    spelled_out::apply(doc.text, &mut mentions);
    mentions
}

/// BIO labels → mentions, with punctuation trimmed off both ends, and a weekday or a dated
/// month off the end of a person, organisation or place: news puts the day right after the
/// name it dates (`U.S. Treasury Secretary James Baker Monday`, a dateline's `JOHANNESBURG,
/// March 2`), and the tagger sometimes runs the name on into it. No such name ends in a
/// weekday (events do: `Black Monday`, `Good Friday`, which are other names), and a month
/// is cut only when a day or a year follows it (`Theresa May` keeps her name), so the
/// date is left to the date finder.
fn decode(text: &str, ner: &NerText, labels: &[u8]) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < labels.len() {
        let Some(kind) = model::kind_of(labels[i]) else {
            i += 1;
            continue;
        };
        let mut end = i + 1;
        while end < labels.len()
            && model::is_inside(labels[end])
            && model::kind_of(labels[end]) == Some(kind)
        {
            end += 1;
        }
        let word_at = |t: usize| is_word(ner.tokens[t].span.slice(text));
        let (mut start, mut stop) = (i, end);
        while start < stop && !word_at(start) {
            start += 1;
        }
        let trim_end = |mut stop: usize| {
            while stop > start && !word_at(stop - 1) {
                stop -= 1;
            }
            stop
        };
        stop = trim_end(stop);
        if kind != EntityKind::Misc
            && stop - start >= 2
            && (is_weekday_name(ner.tokens[stop - 1].span.slice(text))
                || is_dated_month(text, ner.tokens[stop - 1].span))
        {
            stop = trim_end(stop - 1);
        }
        while kind != EntityKind::Misc
            && stop - start >= 2
            && is_function_word(ner.tokens[stop - 1].span.slice(text))
        {
            stop = trim_end(stop - 1);
        }
        if kind == EntityKind::Person {
            let word = |t: usize| ner.tokens[t].span.slice(text);
            // `Obama Sees 'Personal Insult'`, `Elizabeth Warren Hammers Wells Fargo`: in a
            // title-case headline the tagger runs a name on into the verb after it.
            if let Some(verb) = (start + 1..stop).find(|&t| is_headline_verb(word(t))) {
                stop = trim_end(verb);
            }
            // `"Barack Obama Election Day"`: a name run on into the event named after it.
            if stop - start >= 3 && word(stop - 1) == "Day" && is_event_day(word(stop - 2)) {
                stop = trim_end(stop - 2);
            }
        }
        // Last, so that what the opener hid is judged as the end of a name first (`Because
        // April 1` keeps its date out of the name).
        while start < stop
            && is_clause_opener(ner.tokens[start].span.slice(text))
            && (start + 1..stop).any(word_at)
        {
            start += 1;
            while start < stop && !word_at(start) {
                start += 1;
            }
        }
        if start < stop {
            out.push(Mention::over(ner, start..stop, kind));
        }
        i = end;
    }
    out
}

/// Words no person's, organisation's or place's name ends in, whatever their case: where a
/// sentence lost its full stop (`assistance to Armenia All the necessary steps`), the
/// tagger may run the name on into the next sentence's first words.
fn is_function_word(word: &str) -> bool {
    const WORDS: &[&str] = &[
        "a", "all", "an", "and", "any", "as", "but", "each", "every", "he", "her", "his", "if",
        "it", "its", "my", "no", "or", "our", "she", "some", "that", "the", "their", "these",
        "they", "this", "those", "we", "when", "while", "your",
    ];
    word.len() <= 5 && WORDS.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// Words that open a clause and no name: capitalised at a sentence's start, the tagger may
/// take them into the name after them (`However Baker said`, `Besides Vaskevitch`,
/// `Although Sprinkel`, `And West Germany`: 20 Reuters mentions, most of them names of no
/// one, since the rest of the article writes `Baker` alone).
fn is_clause_opener(word: &str) -> bool {
    const WORDS: &[&str] = &[
        "However",
        "Although",
        "Though",
        "Meanwhile",
        "But",
        "And",
        "Besides",
        "Moreover",
        "Furthermore",
        "Nevertheless",
        "Nonetheless",
        "Thus",
        "Hence",
        "Instead",
        "Indeed",
        "Yet",
        "Also",
        "Said",
        "Says",
        "Since",
        "Whereas",
        "Because",
        "Therefore",
    ];
    WORDS.contains(&word)
}

/// Verbs of title-case headlines that no person's name contains (`Says`, `Slams`), and the
/// nouns those headlines put after a name (`Obama Speech`).
fn is_headline_verb(word: &str) -> bool {
    const WORDS: &[&str] = &[
        "Accuses",
        "Admits",
        "Announces",
        "Attacks",
        "Backs",
        "Blasts",
        "Calls",
        "Defends",
        "Denies",
        "Endorses",
        "Hammers",
        "Insists",
        "Mocks",
        "Praises",
        "Rejects",
        "Responds",
        "Rips",
        "Says",
        "Sees",
        "Seeks",
        "Slams",
        "Speaks",
        "Speech",
        "Tells",
        "Touts",
        "Unveils",
        "Urges",
        "Vows",
        "Warns",
        "Wins",
    ];
    WORDS.contains(&word)
}

/// The first word of a day named for an event (`Election Day`, `Memorial Day`).
fn is_event_day(word: &str) -> bool {
    const WORDS: &[&str] = &[
        "Armistice",
        "Bastille",
        "Christmas",
        "Earth",
        "Election",
        "Inauguration",
        "Independence",
        "Labor",
        "Labour",
        "Memorial",
        "Remembrance",
        "Thanksgiving",
        "Veterans",
        "Victory",
    ];
    WORDS.contains(&word)
}

/// Whether the word at `word` is a month name (`March`, `Dec.`) with a day or a year after it.
fn is_dated_month(text: &str, word: ByteSpan) -> bool {
    if month_number(word.slice(text)).is_none() {
        return false;
    }
    let after = text[word.end..].trim_start_matches(['.', ' ']);
    let digits = after.bytes().take_while(u8::is_ascii_digit).count();
    matches!(digits, 1 | 2 | 4)
}

/// `Republic of Armenia`: a formal name of a listed country is a place, whatever the
/// context (inside a quoted document title the tagger is unsure).
fn is_formal_state_name(name: &str) -> bool {
    if !name
        .split_whitespace()
        .any(|w| w.eq_ignore_ascii_case("of"))
    {
        return false;
    }
    let name = super::merge::collapse_whitespace(name);
    super::merge::formal_state_short_form(&name)
        .is_some_and(|short| gazetteer::contains(gazetteer::List::Country, short))
}

/// A listed country's name right after the words of a formal state name (`the Republic of
/// Armenia`, `the Federal Republic of Germany`) is that formal name, a place: the tagger,
/// reading `Republic` as a common word inside a quoted document title, may take `Armenia`
/// alone, or `Republic` and `Armenia` as two places. The formal words must be capitalised
/// (`a republic of Armenia's` stays as it is); a name among them gives way.
fn extend_to_formal_state_names(text: &str, ner: &NerText, mentions: &mut Vec<Mention>) {
    let mut k = 0;
    while k < mentions.len() {
        let m = &mentions[k];
        k += 1;
        let country = m.span.slice(text);
        if m.kind != EntityKind::Place || !gazetteer::contains(gazetteer::List::Country, country) {
            continue;
        }
        // At most "People 's Republic of": four tokens before the country.
        let formal = (2..=4)
            .filter_map(|back| m.tokens.start.checked_sub(back))
            .filter(|&first| {
                let word = ner.tokens[first].span.slice(text);
                let between = &text[ner.tokens[first].span.start..m.span.start];
                word.starts_with(char::is_uppercase) && !between.contains(['\n', '.', ',', '"'])
            })
            .filter(|&first| {
                let name = &text[ner.tokens[first].span.start..m.span.end];
                super::merge::formal_state_short_form(name) == Some(country)
            })
            .min();
        let Some(first) = formal else {
            continue;
        };
        let country_start = m.tokens.start;
        let (tokens, span) = (
            first..m.tokens.end,
            ByteSpan::new(ner.tokens[first].span.start, m.span.end),
        );
        let at = k - 1;
        let inside = |n: &Mention| n.tokens.start >= first && n.tokens.end <= country_start;
        let absorbed = mentions[..at]
            .iter()
            .rev()
            .take_while(|n| inside(n))
            .count();
        // A name reaching into the formal words from before them keeps them.
        if mentions[..at - absorbed]
            .last()
            .is_some_and(|n| n.tokens.end > first)
        {
            continue;
        }
        mentions.drain(at - absorbed..at);
        k -= absorbed;
        let m = &mut mentions[k - 1];
        m.tokens = tokens;
        m.span = span;
    }
}

/// A company's legal form as written after its name (`AG`, `Inc`, `Pty Ltd`).
fn is_written_legal_form(word: &str) -> bool {
    const FORMS: &[&str] = &[
        "AB", "AG", "BV", "Bhd", "Co", "Corp", "GmbH", "Inc", "LLC", "LP", "Limited", "Ltd", "NV",
        "PLC", "Plc", "Pte", "Pty", "SA", "SpA",
    ];
    FORMS.contains(&word.trim_end_matches('.'))
}

/// A name the tagger stopped just before a legal form (`Oesterreichische Laenderbank` of
/// `Oesterreichische Laenderbank AG`, read as a person) is a firm's name: it takes the
/// legal form (and a second one, `Pty Ltd`) and is an organisation. Only the words right
/// after the name, on the same line, and not part of another name, unless that name is the
/// legal forms alone (`Skanska` + `AB`, `General Electric` + `Co`: the tagger's two names
/// for one firm, the second of which the resolve stage would drop).
fn extend_to_legal_forms(text: &str, ner: &NerText, mentions: &mut Vec<Mention>) {
    let is_form = |t: usize| is_written_legal_form(ner.tokens[t].span.slice(text));
    let mut k = 0;
    while k < mentions.len() {
        let m = &mentions[k];
        let next = mentions.get(k + 1).map(|n| n.tokens.clone());
        k += 1;
        if m.kind == EntityKind::Misc {
            continue;
        }
        let takes = |end: usize| {
            !text[m.span.end..ner.tokens[end].span.start].contains(['\n', ',', '(', '"'])
        };
        let forms_alone = next.clone().filter(|n| {
            n.start == m.tokens.end && n.len() <= 2 && n.clone().all(is_form) && takes(n.start)
        });
        let end = match &forms_alone {
            Some(forms) => forms.end,
            None => {
                let next_start = next.map_or(usize::MAX, |n| n.start);
                let mut end = m.tokens.end;
                while end < ner.tokens.len()
                    && end < next_start
                    && end - m.tokens.end < 2
                    && is_form(end)
                    && takes(end)
                {
                    end += 1;
                }
                end
            }
        };
        if end == m.tokens.end {
            continue;
        }
        let absorbed = usize::from(forms_alone.is_some());
        extend_mention(ner, mentions, k, absorbed, end).kind = EntityKind::Organization;
    }
}

/// A legal form the tagger took for a name of its own, without the words before it, is a
/// firm's name with them: `NEW YORK, March 19 - Prime Medical Services Inc said` was the
/// person `Inc` and nothing else, `Consolidated Rail Corp` the organisation `Corp`, so the
/// story's subject was no firm, or a form that the resolve stage drops. The form takes the
/// capitalised words right before it (at most four, single-spaced, within its sentence;
/// digits and `&` too, `2001 Distributors Inc`, `Saatchi & Saatchi Co`), stopping at a
/// function word, a weekday, a month or another legal form; a name those words reach is
/// taken whole (`American` + `Express` + `Co`), and the firm is an organisation. Not when
/// the words are only what any firm's name may hold (`Group PLC` of a misspelt `dixons
/// Group PLC`), nor when the walk stops inside a word (`O/E Corp`).
fn extend_legal_forms_to_their_names(text: &str, ner: &NerText, mentions: &mut Vec<Mention>) {
    let word = |t: usize| ner.tokens[t].span.slice(text);
    let is_name_word = |t: usize| {
        let w = word(t);
        let is_number = !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit());
        (is_capitalised_word(w) || is_number || w == "&")
            && !is_function_word(w)
            && !is_based_adjective(w)
            && !is_weekday_name(w)
            && month_number(w).is_none()
            && !is_written_legal_form(w)
    };
    let mut k = 0;
    while k < mentions.len() {
        let m = &mentions[k];
        k += 1;
        if !m.tokens.clone().all(|t| is_written_legal_form(word(t))) {
            continue;
        }
        let sentence_start = sentence_start(ner, m.tokens.start);
        let before = k.checked_sub(2).map(|j| mentions[j].tokens.clone());
        let mut start = m.tokens.start;
        let mut absorbed = 0;
        while start > sentence_start
            && m.tokens.start - start < 4
            && gap_before(text, ner, start) == " "
        {
            if let Some(b) = before.as_ref().filter(|b| b.end == start) {
                if b.clone().all(is_name_word) {
                    start = b.start;
                    absorbed = 1;
                }
                break;
            }
            if !is_name_word(start - 1) {
                break;
            }
            start -= 1;
        }
        // Not the end of a word the walk stopped inside (`O/E Corp`), nor words every firm
        // may have (`dixons Group PLC`: `Group PLC` names none).
        let inside_a_word = start > 0
            && gap_before(text, ner, start).is_empty()
            && !matches!(word(start - 1), "<" | "(" | "[" | "\"" | "“" | "'" | "‘");
        let generic = (start..m.tokens.start)
            .all(|t| gazetteer::contains_word(gazetteer::List::OrgWord, word(t)));
        if start == m.tokens.start || inside_a_word || generic {
            continue;
        }
        let end = m.tokens.end;
        mentions.splice(
            k - 1 - absorbed..k,
            [Mention::over(ner, start..end, EntityKind::Organization)],
        );
        k -= absorbed;
    }
}

/// A firm named for its founder's possessive and opening the story is one name: `RIDGEFIELD,
/// N.J., March 2 - Oliver's Stores Inc said`, `Lowe's Cos Inc`, `Moody's Investors Service
/// Inc`, which the tagger reads as a person (`Oliver`) and a firm with no first word
/// (`Stores Inc`), so the story's subject is a man and the facet lists "Stores Inc" for
/// several chains. Only at the story's opening (right after its dateline, or at the start
/// of its body, a Reuters `<` before the name allowed): the lede names the firm it is
/// about, where further on `Icahn's Transworld Airlines Inc` is a man and his firm. The
/// name after the possessive ends in a legal form; the possessive's word is capitalised,
/// no listed place (`Sweden's Volvo AB`), and not a word of that name (`Fluor's Fluor
/// Constructors Inc`).
fn join_opening_possessive_firm(doc: &Document<'_>, ner: &NerText, mentions: &mut Vec<Mention>) {
    let text = doc.text;
    let word = |t: usize| ner.tokens[t].span.slice(text);
    let opening = doc.dateline.as_ref().map_or(doc.body.start, |d| d.span.end);
    let mut first = ner.tokens.partition_point(|t| t.span.start < opening);
    if first < ner.tokens.len() && word(first) == "<" {
        first += 1;
    }
    let (owner, mark, firm_start) = (first, first + 1, first + 2);
    if firm_start >= ner.tokens.len()
        || !is_capitalised_word(word(owner))
        || !is_possessive_mark(word(mark))
        || !gap_before(text, ner, mark).is_empty()
        || gap_before(text, ner, firm_start) != " "
        || gazetteer::is_place(word(owner))
    {
        return;
    }
    let Some(k) = mentions.iter().position(|m| m.tokens.start == firm_start) else {
        return;
    };
    let firm = &mentions[k];
    let ends_in_form = is_written_legal_form(word(firm.tokens.end - 1));
    let owner_in_firm = firm.tokens.clone().any(|t| word(t) == word(owner));
    if !ends_in_form || owner_in_firm || firm.tokens.len() > 5 {
        return;
    }
    // A name over the possessive's word alone gives way; any other keeps the tagger's reading.
    let before = mentions[..k].iter().position(|m| m.tokens.end > owner);
    if let Some(b) = before {
        if mentions[b].tokens.start < owner || b + 1 != k {
            return;
        }
        mentions.remove(b);
    }
    let k = before.unwrap_or(k);
    let tokens = owner..mentions[k].tokens.end;
    mentions[k] = Mention::over(ner, tokens, EntityKind::Organization);
}

/// Whether `word` is a party's member, its members or its adjective, as US news writes them
/// after a lawmaker's state or chamber.
fn is_party_member_word(word: &str) -> bool {
    matches!(
        word,
        "Democrat" | "Democrats" | "Democratic" | "Republican" | "Republicans"
    )
}

/// A lawmaker's state or chamber and their party are two names: the tagger reads `a Texas
/// Democrat` as the place "Texas Democrat" (19 Reuters articles, with Illinois, Missouri, New
/// Jersey …) and `Senate Republican leader Robert Dole` as the organisation "Senate
/// Republican", values that are no place and no body. The state (a listed place) or the
/// chamber (`Senate`, `House`, `U.S. Senate`) keeps its kind, a place or an organisation, and
/// the party word is a miscellany, as CoNLL-2003 annotates it. A party's own name stays
/// whole: `Christian Democrats`, `Social Democrats`.
fn split_party_members(text: &str, ner: &NerText, mentions: &mut Vec<Mention>) {
    let word = |t: usize| ner.tokens[t].span.slice(text);
    let mut k = 0;
    while k < mentions.len() {
        let m = &mentions[k];
        k += 1;
        let party = m.tokens.end - 1;
        if m.tokens.len() < 2 || !is_party_member_word(word(party)) {
            continue;
        }
        let head = m.tokens.start..party;
        let head_name = span_over(ner, &head).slice(text);
        let chamber = matches!(
            head_name,
            "Senate" | "House" | "U.S. Senate" | "U.S. House" | "US Senate" | "US House"
        );
        let head_kind = if chamber {
            EntityKind::Organization
        } else if gazetteer::is_place(head_name) {
            EntityKind::Place
        } else {
            continue;
        };
        let pieces = [
            Mention::over(ner, head, head_kind),
            Mention::over(ner, party..party + 1, EntityKind::Misc),
        ];
        mentions.splice(k - 1..k, pieces);
        k += 1;
    }
}

/// A person the tagger ran on into a listed place right after the name is two names:
/// headlines set them side by side (`Yeltsin endorses Lebed Chechnya peace plan`), and the
/// tagger's person "Lebed Chechnya" then claimed every lone `Chechnya` of the story as his
/// surname, so the place was a man throughout. Only when the article also names that
/// person in full (`Alexander Lebed`) and the place alone (`Chechnya`): a person whose
/// surname happens to be a place (`George Washington`) has no fuller name, and a firm
/// named for a founder and a place (`Johnson Geneva`, whose chairman is Michael Johnson;
/// `Hydro Quebec`, `Teledial America`) is not written as the place alone.
fn split_person_before_place(text: &str, ner: &NerText, mentions: &mut Vec<Mention>) {
    let words_of = |m: &Mention| -> Vec<&str> {
        m.tokens
            .clone()
            .map(|t| ner.tokens[t].span.slice(text))
            .collect()
    };
    let people: Vec<Vec<&str>> = mentions
        .iter()
        .filter(|m| m.kind == EntityKind::Person)
        .map(words_of)
        .collect();
    let mut k = 0;
    while k < mentions.len() {
        let m = &mentions[k];
        k += 1;
        if m.kind != EntityKind::Person || m.tokens.len() < 2 {
            continue;
        }
        let words = words_of(m);
        let (head, place) = words.split_at(words.len() - 1);
        if !gazetteer::is_place(place[0]) || !is_capitalised_word(place[0]) {
            continue;
        }
        let named_in_full = people.iter().any(|other| {
            other.len() > head.len() && other.ends_with(head) && other.last() != place.last()
        });
        let place_alone = mentions.iter().any(|other| {
            other.tokens.len() == 1 && ner.tokens[other.tokens.start].span.slice(text) == place[0]
        });
        if !named_in_full || !place_alone {
            continue;
        }
        let last = m.tokens.end - 1;
        let pieces = [
            Mention::over(ner, m.tokens.start..last, EntityKind::Person),
            Mention::over(ner, last..last + 1, EntityKind::Place),
        ];
        mentions.splice(k - 1..k, pieces);
        k += 1;
    }
}

/// Whether a word is an adjective of where something is based (`London-based`,
/// `U.S.-based`, `York-based` of `New York-based`).
pub(super) fn is_based_adjective(word: &str) -> bool {
    word.len() > "-based".len()
        && word
            .get(word.len() - "-based".len()..)
            .is_some_and(|end| end.eq_ignore_ascii_case("-based"))
}

/// `London-based` is an adjective of its own, not the first words of the firm it describes:
/// the tagger reads `London-based Atlas Maritime Co`, `New York-based Mutual Shares Corp`,
/// `Hong Kong-based Industrial Equity` as one name (81 Reuters mentions, most as `misc`, so
/// that the firm was no organisation). The name is cut after the adjective, which is
/// `misc`, as CoNLL-2003 annotates it (38 of 38 such adjectives there); the adjective
/// takes the capitalised words before it in the name (`New York-based`), back to a
/// capitalised function word or a legal form (`Mutual Shares Corp. The Toronto-based`).
/// What follows, after any function word, is a name of its own: a nationality
/// stays `misc` (`Singapore-based Japanese`), anything else is the firm the adjective
/// describes unless the tagger gave it a kind other than `misc` or person.
fn split_after_based_adjectives(text: &str, ner: &NerText, mentions: &mut Vec<Mention>) {
    let word = |t: usize| ner.tokens[t].span.slice(text);
    let ends_adjective = |t: usize| is_based_adjective(word(t));
    let ends_head = |t: usize| {
        is_function_word(word(t))
            || is_written_legal_form(word(t))
            || (word(t) == "." && t > 0 && is_written_legal_form(word(t - 1)))
    };
    let mut k = 0;
    while k < mentions.len() {
        let m = mentions[k].clone();
        k += 1;
        if m.tokens.len() < 2 {
            continue;
        }
        let Some(adjective_end) = m.tokens.clone().find(|&t| ends_adjective(t)) else {
            continue;
        };
        let mut adjective_start = adjective_end;
        while adjective_start > m.tokens.start && !ends_head(adjective_start - 1) {
            adjective_start -= 1;
        }
        let mut head_end = adjective_start;
        while head_end > m.tokens.start
            && (is_function_word(word(head_end - 1)) || word(head_end - 1) == ".")
        {
            head_end -= 1;
        }
        let mut rest = adjective_end + 1;
        while rest < m.tokens.end && is_function_word(word(rest)) {
            rest += 1;
        }
        let mut rest_end = m.tokens.end;
        while rest_end > rest && !is_capitalised_word(word(rest_end - 1)) {
            rest_end -= 1;
        }
        let has_rest = rest_end > rest;
        let mut pieces = Vec::with_capacity(3);
        if head_end > m.tokens.start {
            let kind = if is_written_legal_form(word(head_end - 1)) {
                EntityKind::Organization
            } else {
                m.kind
            };
            pieces.push(Mention::over(ner, m.tokens.start..head_end, kind));
        }
        pieces.push(Mention::over(
            ner,
            adjective_start..adjective_end + 1,
            EntityKind::Misc,
        ));
        if has_rest {
            let kind = if rest_end - rest == 1
                && gazetteer::contains_word(gazetteer::List::Nationality, word(rest))
            {
                EntityKind::Misc
            } else if matches!(m.kind, EntityKind::Misc | EntityKind::Person) {
                EntityKind::Organization
            } else {
                m.kind
            };
            pieces.push(Mention::over(ner, rest..rest_end, kind));
        }
        // The name after the adjective is looked at next, for a second adjective.
        let from = k - 1;
        k = from + pieces.len() - usize::from(has_rest);
        mentions.splice(from..from + 1, pieces);
    }
}

/// The last words of bodies named for what they are on: `General Agreement on Tariffs and
/// Trade`, `Presidential Commission on Good Government`, `Senate Committee on Banking`,
/// `Conference on Disarmament`, `Council on Foreign Relations`.
const BODIES_ON: &[&str] = &[
    "Agreement",
    "Agreements",
    "Commission",
    "Committee",
    "Conference",
    "Convention",
    "Council",
    "Subcommittee",
];

/// Whether a word of two characters or more has no lower-case letter (`EC`, `U.S.`).
fn is_in_capitals(word: &str) -> bool {
    word.len() > 1 && !word.chars().any(char::is_lowercase)
}

/// How a body's name runs across a lower-case word: the word, the last words of the names
/// before it, and whether a place may follow it.
struct Across {
    word: &'static str,
    heads: &'static [&'static str],
    places: bool,
    /// The lower-case words that may join the capitalised words after it.
    joiners: &'static [&'static str],
}

/// `General Agreement on Tariffs and Trade`: never a place after `on` (`the Committee on
/// Japan`), which is another name.
const ACROSS_ON: Across = Across {
    word: "on",
    heads: BODIES_ON,
    places: false,
    joiners: &["and", "of", "for"],
};

/// `Bank of America`, `Association of Tin Producing Countries`, `Japan Federation of
/// Employers' Associations`, `Court of Appeals`: the tagger read `Bank` and the place
/// `America` (34 Reuters mentions of banks, 28 of other bodies). Only heads whose `of`
/// begins their own name, not whose office it is (`Party of Prime Minister Kalevi Sorsa`,
/// `Office of U.S. Trade Representative`), and no `and` after it: `Bank of America and
/// Citicorp` are two.
const ACROSS_OF: Across = Across {
    word: "of",
    heads: &[
        "Academy",
        "Association",
        "Bank",
        "Court",
        "Federation",
        "Institute",
    ],
    places: true,
    joiners: &[],
};

/// A body named for what it is on, or of, is one organisation: the tagger stops at the
/// lower-case `on` and reads the two halves as names of their own, or only one of them
/// (`Trade` of the General Agreement on Tariffs and Trade in 58 Reuters articles, the person
/// `Good Government` of the Presidential Commission on Good Government). The name is the
/// capitalised words before the joining word, ending in one of its heads ([`BODIES_ON`],
/// [`ACROSS_OF`]), and the capitalised words after it (after `on`, joined by `and`, `of` or
/// `for`), when the tagger found a name among them, none running past them and none across
/// the joining word, and up to a title or a person (`Bank of Canada Governor John Crow`).
/// What it is on is never a day or a month (`the Commission on Monday`), a place or a
/// nationality (`the Committee on Japanese imports`), or a word in capitals (`the
/// Commission on EC farm prices`), which are other names or none; what a bank is of may be
/// a place.
fn join_bodies_across(text: &str, ner: &NerText, mentions: &mut Vec<Mention>, across: &Across) {
    let word = |t: usize| ner.tokens[t].span.slice(text);
    let subject_word = |t: usize| {
        let w = word(t);
        is_capitalised_word(w)
            && !is_function_word(w)
            && !is_based_adjective(w)
            && !is_weekday_name(w)
            && month_number(w).is_none()
            && !is_in_capitals(w)
            && (across.places
                || !(gazetteer::is_place(w)
                    || gazetteer::contains_word(gazetteer::List::Nationality, w)))
    };
    let adjacent = |a: usize, b: usize| {
        let between = &text[ner.tokens[a].span.end..ner.tokens[b].span.start];
        !between.is_empty() && between.chars().all(|c| c == ' ')
    };
    for sentence in &ner.sentences {
        let mut on = sentence.start + 1;
        while on + 1 < sentence.end {
            let head = on - 1;
            if word(on) != across.word
                || !across.heads.contains(&word(head))
                || !adjacent(head, on)
                || !adjacent(on, on + 1)
                || !subject_word(on + 1)
            {
                on += 1;
                continue;
            }
            // The tagger's own name across the word stands (`Agricultural Bank of China`).
            if mentions.iter().any(|m| m.tokens.contains(&on)) {
                on += 1;
                continue;
            }
            let mut start = head;
            while start > sentence.start
                && adjacent(start - 1, start)
                && is_capitalised_word(word(start - 1))
                && !is_function_word(word(start - 1))
                && !is_weekday_name(word(start - 1))
                && month_number(word(start - 1)).is_none()
                && !is_based_adjective(word(start - 1))
            {
                start -= 1;
            }
            // Nor does what follows run into a title or a person (`Bank of Canada Governor
            // John Crow`).
            let begins_person = |t: usize| {
                mentions
                    .iter()
                    .any(|m| m.tokens.start == t && m.kind == EntityKind::Person)
            };
            let goes_on = |t: usize| {
                subject_word(t) && !super::roles::is_office(word(t)) && !begins_person(t)
            };
            let mut end = on + 2;
            loop {
                if end < sentence.end && adjacent(end - 1, end) && goes_on(end) {
                    end += 1;
                } else if end + 1 < sentence.end
                    && across.joiners.contains(&word(end))
                    && adjacent(end - 1, end)
                    && adjacent(end, end + 1)
                    && goes_on(end + 1)
                {
                    end += 2;
                } else {
                    break;
                }
            }
            let within = |m: &Mention| m.tokens.start < end && m.tokens.end > start;
            let inside = |m: &Mention| m.tokens.start >= start && m.tokens.end <= end;
            if mentions.iter().any(within) && mentions.iter().filter(|m| within(m)).all(inside) {
                let at = mentions.iter().position(within).unwrap_or(mentions.len());
                mentions.retain(|m| !within(m));
                mentions.insert(at, Mention::over(ner, start..end, EntityKind::Organization));
            }
            on = end;
        }
    }
}

/// A legal form after which the sentence splitter reads a full stop as an abbreviation's
/// (`Co`, `Corp`, `Inc`, `Ltd`), so that the stop ends no sentence the tagger sees.
fn is_legal_form_before_stop(word: &str) -> bool {
    is_written_legal_form(word) && structure::is_abbreviation(word)
}

/// A full stop after a firm's legal form ends the firm's name: the sentence splitter reads
/// `Inc.` as an abbreviation (it is one), so where it also ends the sentence, or an item of
/// a list of firms, the tagger runs the name on into what follows (`Banner Industries Inc.
/// Terms`, `Standard and Poor's Corp. Salomon Brothers Inc`, `Trident Seafoods Corp. Charles
/// Bundrant`: 80 Reuters names). The name is cut at the stop unless another legal form
/// follows (`Merrill Lynch and Co. Inc`), or `International` (`Nikko Securities Co.
/// International Inc`). What follows is a name of its own when it has two
/// words or more after any capitalised function word (`However`), or one word another name
/// of the article holds (`Seafirst Corp. Seafirst`); otherwise it is the next sentence's
/// first word (`Terms`, `Payment`, `Net`) and no name.
fn split_at_legal_form_stops(text: &str, ner: &NerText, mentions: &mut Vec<Mention>) {
    let word = |t: usize| ner.tokens[t].span.slice(text);
    let stop_after_form = |t: usize| {
        word(t) == "."
            && is_legal_form_before_stop(word(t - 1))
            && ner.tokens[t - 1].span.end == ner.tokens[t].span.start
            && ner.tokens[t].span.end < ner.tokens[t + 1].span.start
            && is_capitalised_word(word(t + 1))
            && !is_written_legal_form(word(t + 1))
            && word(t + 1) != "International"
    };
    let mut k = 0;
    while k < mentions.len() {
        let m = &mentions[k];
        k += 1;
        if m.kind == EntityKind::Misc || m.tokens.len() < 4 {
            continue;
        }
        let Some(stop) = (m.tokens.start + 1..m.tokens.end - 1).find(|&t| stop_after_form(t))
        else {
            continue;
        };
        let (kind, end) = (m.kind, m.tokens.end);
        let mut rest = stop + 1;
        while rest < end && cues::is_capitalised_function_word(word(rest)) {
            rest += 1;
        }
        let mut rest_end = end;
        while rest_end > rest && !is_capitalised_word(word(rest_end - 1)) {
            rest_end -= 1;
        }
        let m = &mut mentions[k - 1];
        m.tokens.end = stop;
        m.span = ByteSpan::new(m.span.start, ner.tokens[stop - 1].span.end);
        // Every other name, the cut one included, now ends before `rest`.
        let named_elsewhere = |t: usize| {
            let lower = ner.tokens[t].lower;
            mentions.iter().any(|other| {
                ner.tokens[other.tokens.clone()]
                    .iter()
                    .any(|o| o.lower == lower)
            })
        };
        let is_name = match rest_end.saturating_sub(rest) {
            0 => false,
            1 => named_elsewhere(rest),
            _ => true,
        };
        if is_name {
            mentions.insert(k, Mention::over(ner, rest..rest_end, kind));
            // The rest may run into another stop (`A Corp. B Inc. C Ltd`): it is looked at next.
        }
    }
}

/// Two firms the tagger ran into one name across "and", "&" or a comma: a legal form ends a
/// firm's name, so the name is cut after it where another firm's name follows (`Goldman,
/// Sachs and Co and Alex Brown`, `Lac Minerals Ltd and Cambior Inc`, `Salomon Brothers Inc
/// and Cowen and Co`: 61 Reuters articles, one firm in the resolved facets where there were
/// two). Not where another legal form follows (`Unilever Plc and NV`, `Bosch GmbH and Co
/// KG`, `Alcoma Packing Co, Inc`), nor at a legal form that opens the name. What follows is
/// a name of the same kind, without a "the" before it (`Smith Inc and The First Boston
/// Corp`).
fn split_firms_listed_after_legal_forms(text: &str, ner: &NerText, mentions: &mut Vec<Mention>) {
    let word = |t: usize| ner.tokens[t].span.slice(text);
    let mut k = 0;
    while k < mentions.len() {
        let m = &mentions[k];
        k += 1;
        if m.kind == EntityKind::Misc {
            continue;
        }
        let (kind, end) = (m.kind, m.tokens.end);
        let cut = (m.tokens.start + 1..end).find_map(|form| {
            if !is_written_legal_form(word(form)) {
                return None;
            }
            let mut joiner = form + 1;
            if joiner < end && word(joiner) == "." {
                joiner += 1;
            }
            if joiner >= end || !matches!(word(joiner), "and" | "&" | ",") {
                return None;
            }
            let mut next = joiner + 1;
            if next < end && matches!(word(next), "The" | "the") {
                next += 1;
            }
            (next < end && is_capitalised_word(word(next)) && !is_written_legal_form(word(next)))
                .then_some((form + 1, next))
        });
        let Some((first_end, next)) = cut else {
            continue;
        };
        let m = &mut mentions[k - 1];
        m.tokens.end = first_end;
        m.span = ByteSpan::new(m.span.start, ner.tokens[first_end - 1].span.end);
        // The next firm may be followed by a third (`A Inc and B Corp and C Ltd`): it is
        // looked at next.
        mentions.insert(k, Mention::over(ner, next..end, kind));
    }
}

/// Makes mention `k - 1` run to token `end`, the `absorbed` mentions right after it (from
/// `k`) giving way to it; the repairs that mend a name the tagger cut short end so.
fn extend_mention<'m>(
    ner: &NerText,
    mentions: &'m mut Vec<Mention>,
    k: usize,
    absorbed: usize,
    end: usize,
) -> &'m mut Mention {
    mentions.drain(k..k + absorbed);
    let m = &mut mentions[k - 1];
    m.tokens.end = end;
    m.span = ByteSpan::new(m.span.start, ner.tokens[end - 1].span.end);
    m
}

/// The lowercase words that join the parts of a person's name: `Bill de Blasio`, `Ludwig
/// van Beethoven`, `Luiz Inácio Lula da Silva`, `Juan de la Cruz`, `Mohammed bin Salman`.
const NAME_PARTICLES: &[&str] = &[
    "bin", "da", "das", "de", "del", "della", "der", "di", "do", "dos", "du", "ibn", "la", "le",
    "ten", "ter", "van", "von",
];

/// Whether `word` is a name particle as written inside a name: in lower case.
fn is_name_particle(word: &str) -> bool {
    NAME_PARTICLES.contains(&word)
}

/// Whether `word` is a name particle in any case: `De` opening a sentence.
fn is_name_particle_in_any_case(word: &str) -> bool {
    NAME_PARTICLES.iter().any(|p| p.eq_ignore_ascii_case(word))
}

/// The first word of a firm's or a body's name in the languages whose names take particles
/// (`Banque Generale du Luxembourg`, `Petroleos de Venezuela`, `Cie de Saint-Gobain`): a
/// "person" that begins so is the tagger's mistake, and is not made longer.
fn is_romance_organisation_head(word: &str) -> bool {
    const HEADS: &[&str] = &[
        "Banca",
        "Banco",
        "Banque",
        "Caisse",
        "Cia",
        "Cie",
        "Companhia",
        "Compania",
        "Compagnie",
        "Credit",
        "Crédit",
        "Empresa",
        "Fonds",
        "Fondo",
        "Groupe",
        "Grupo",
        "Institut",
        "Instituto",
        "Petroleos",
        "Petróleos",
        "Sociedad",
        "Sociedade",
        "Societe",
        "Société",
    ];
    HEADS.contains(&word)
}

/// The token after the particles (one or two, each single-spaced) from token `from` on:
/// `from` itself where none stands there.
fn after_particles(
    text: &str,
    ner: &NerText,
    from: usize,
    is_particle: impl Fn(&str) -> bool,
) -> usize {
    let mut at = from;
    while at < ner.tokens.len()
        && at - from < 2
        && is_particle(ner.tokens[at].span.slice(text))
        && gap_before(text, ner, at) == " "
    {
        at += 1;
    }
    at
}

/// The lowercase words that join the parts of a firm's or a body's name in the languages
/// whose names take them: `Banco do Brasil`, `Banca Nazionale del Lavoro`, `Caisse des
/// Depots`, `Banque de la Mediterranee`.
const FIRM_PARTICLES: &[&str] = &[
    "da", "das", "de", "del", "della", "des", "di", "do", "dos", "du", "la",
];

/// An organisation's name the tagger cut at a particle is one name (`Banco` + `do Brasil`,
/// read as a person in some articles, `Banca Nazionale` + `del Lavoro`, `Cassa` + `di
/// Risparmio`, `Electricite` + `de France`: 126 Reuters mentions, whose second halves were
/// people, places and firms of their own). The particles (one or two, lower case, `de la`)
/// and up to three capitalised words after them join the organisation, with the names that
/// begin among those words, all single-spaced, and the longer name is read again for the
/// next particle (`Cassa di Risparmio di Roma`). A place after the particles is the firm's
/// (`Petroleos de Venezuela`), unlike a person's; a given name ending the organisation is
/// a person's the tagger ran into it (`Bank of France Governor Jacques` + `de Larosiere`).
fn join_firm_particles(text: &str, ner: &NerText, mentions: &mut Vec<Mention>) {
    let word = |t: usize| ner.tokens[t].span.slice(text);
    let spaced = |t: usize| gap_before(text, ner, t) == " ";
    let tokens = ner.tokens.len();
    let mut k = 0;
    while k < mentions.len() {
        let m = &mentions[k];
        k += 1;
        let last = m.tokens.end - 1;
        if m.kind != EntityKind::Organization
            || gazetteer::contains_word(gazetteer::List::FirstName, word(last))
        {
            continue;
        }
        let name = after_particles(text, ner, m.tokens.end, |w| FIRM_PARTICLES.contains(&w));
        if name == m.tokens.end
            || name >= tokens
            || !spaced(name)
            || !is_capitalised_word(word(name))
        {
            continue;
        }
        let mut end = name + 1;
        while end < tokens && end - name < 3 && spaced(end) && is_capitalised_word(word(end)) {
            end += 1;
        }
        let mut absorbed = 0;
        while let Some(next) = mentions.get(k + absorbed).filter(|n| n.tokens.start < end) {
            end = end.max(next.tokens.end);
            absorbed += 1;
        }
        let joined = extend_mention(ner, mentions, k, absorbed, end);
        // The longer name may be cut at a particle again (`Cassa di Risparmio` + `di Roma`):
        // read it once more; each join takes tokens, so the chain ends.
        if joined.tokens.len() < MAX_FIRM_TOKENS {
            k -= 1;
        }
    }
}

/// How long a name the particle joins may grow to, in tokens: `Caisse Nationale de Credit
/// Agricole` is five, a chain of three particles about a dozen.
const MAX_FIRM_TOKENS: usize = 12;

/// A person's name that the tagger cut at a particle is one name: after `Mayor Bill`, the
/// words `de Blasio` (read as an organisation, or left out, or `Blasio` alone) are the rest
/// of it. The particles (one or two, lower case) and the capitalised word after them must
/// follow the person's name with single spaces; a name that begins at them or at that word
/// joins the person whole (at most three words past the particles, all capitalised). Not
/// when that word is a listed place (`du Luxembourg`, `de Venezuela`: a firm or a region
/// the tagger took for a person, which a longer name would not mend), nor after a firm's
/// first word.
fn join_name_particles(text: &str, ner: &NerText, mentions: &mut Vec<Mention>) {
    let word = |t: usize| ner.tokens[t].span.slice(text);
    let spaced = |t: usize| gap_before(text, ner, t) == " ";
    let is_capitalised = |t: usize| is_capitalised_word(word(t));
    let mut k = 0;
    while k < mentions.len() {
        let m = &mentions[k];
        k += 1;
        if m.kind != EntityKind::Person || is_romance_organisation_head(word(m.tokens.start)) {
            continue;
        }
        let surname = after_particles(text, ner, m.tokens.end, is_name_particle);
        let takes_surname = surname < ner.tokens.len()
            && is_capitalised(surname)
            && spaced(surname)
            && !gazetteer::is_place(word(surname));
        if surname == m.tokens.end || !takes_surname {
            continue;
        }
        let rest = mentions.get(k).filter(|n| {
            (n.tokens.start == m.tokens.end || n.tokens.start == surname)
                && n.tokens.end <= surname + 3
                && (surname..n.tokens.end).all(|t| is_capitalised(t) || is_name_particle(word(t)))
        });
        let end = rest.map_or(surname + 1, |n| n.tokens.end);
        if rest.is_none() && mentions.get(k).is_some_and(|n| n.tokens.start <= surname) {
            continue;
        }
        extend_mention(ner, mentions, k, usize::from(rest.is_some()), end);
    }
}

/// Whether `word` is a family name with its Arabic article attached, as English news writes
/// it inside a name: `al-Chalabi`, `el-Sisi` (the article in lower case, the name
/// capitalised).
fn is_article_surname(word: &str) -> bool {
    ["al-", "el-"].iter().any(|article| {
        word.strip_prefix(article)
            .is_some_and(|name| name.starts_with(char::is_uppercase))
    })
}

/// An Arabic name the tagger cut before its family name is one name: it reads `Issam
/// Abdul-Rahim al-Chalabi` as the person `Issam` and the miscellany `al-Chalabi`, and `Prime
/// Minister Sadeq al-Mahdi's` as `Sadeq` and `al-Mahdi's`, so the person loses the name the
/// story calls them by and a misc or place value appears that is no one. The family names
/// (one or two: `al-Khalifa al-Sabah`) join the person before them, with at most two
/// capitalised words between (`Abdul-Rahim`), all single-spaced; so does a family name
/// whose given names the tagger left out after a title (`Oil Minister Mana Said al-Oteiba`,
/// `President Hafez al-Assad`, `President al-Assad`), which makes the name a person's.
/// Names over those words join whole, and a possessive after them (`al-Mahdi's`) stays
/// outside. A family name not after a person or a title keeps the tagger's reading: `the
/// Shatt al-Arab`, `the daily al-Ittihad`.
fn join_article_surnames(text: &str, ner: &NerText, mentions: &mut Vec<Mention>) {
    let count = ner.tokens.len();
    let word = |t: usize| ner.tokens[t].span.slice(text);
    let spaced = |t: usize| gap_before(text, ner, t) == " ";
    let is_title = |t: usize| gazetteer::contains_word(gazetteer::List::Title, word(t));
    // Where the family names after the given names starting at `first` end, if any follow.
    let surnames_end = |first: usize| {
        let (mut t, mut given, mut end) = (first, 0, None);
        while t < count && t > 0 && spaced(t) {
            if is_article_surname(word(t)) && end.is_none_or(|e| e == t) {
                end = Some(t + 1);
            } else if end.is_none() && given < 2 && is_capitalised_word(word(t)) && !is_title(t) {
                given += 1;
            } else {
                break;
            }
            t += 1;
        }
        end.filter(|&e| e - first <= 4)
    };
    let mut t = 0;
    while t < count {
        // The person (or the title) the family names follow, and the mention it is, if any.
        let at = mentions.partition_point(|m| m.tokens.end <= t);
        // A "person" after `the` is the tagger's reading of a place (`the Shatt al-Arab`).
        let person = mentions.get(at).filter(|m| {
            m.tokens.start == t
                && m.kind == EntityKind::Person
                && (t == 0 || !word(t - 1).eq_ignore_ascii_case("the"))
        });
        let (start, names_from, k_person) = match person {
            Some(m) => (m.tokens.start, m.tokens.end, Some(at)),
            None if is_title(t)
                && mentions.get(at).is_none_or(|m| m.tokens.start > t)
                && t + 1 < count
                && (is_capitalised_word(word(t + 1)) || is_article_surname(word(t + 1))) =>
            {
                (t + 1, t + 1, None)
            }
            None => {
                t += 1;
                continue;
            }
        };
        let Some(end) = surnames_end(names_from) else {
            t = names_from.max(t + 1);
            continue;
        };
        // Every other name over those words must end with them, or with a possessive after.
        let first_after = k_person.map_or(at, |p| p + 1);
        let mut absorbed = 0;
        let mut fits = true;
        while let Some(n) = mentions.get(first_after + absorbed) {
            if n.tokens.start >= end {
                break;
            }
            let possessive_after = n.tokens.end == end + 1 && is_possessive_mark(word(end));
            if n.tokens.start < start || (n.tokens.end > end && !possessive_after) {
                fits = false;
                break;
            }
            absorbed += 1;
        }
        if !fits {
            t = end;
            continue;
        }
        match k_person {
            Some(p) => {
                extend_mention(ner, mentions, p + 1, absorbed, end);
            }
            None => {
                mentions.splice(
                    first_after..first_after + absorbed,
                    [Mention::over(ner, start..end, EntityKind::Person)],
                );
            }
        }
        t = end;
    }
}

/// A nickname in quotes between a person's first name and surname (`Robert "Bobby" Scott`,
/// `Marcia "Cia" Price`, `Dwayne "The Rock" Johnson`) is part of one name: the tagger,
/// reading the quotes as a break, keeps the first name alone, takes the nickname for a name
/// of its own (often an organisation) and the surname for a third or for nothing, so the
/// person is three facet values and a quote after "Price said" finds no full name. The
/// nickname is one to three capitalised words held tight by straight or curly quotes, with
/// single spaces around them; the surname is the capitalised word right after, not a listed
/// place (`Johnson "Texas" Houston` is no evidence), and a name beginning there (`Scott
/// Jr`) joins whole.
fn join_quoted_nicknames(text: &str, ner: &NerText, mentions: &mut Vec<Mention>) {
    let count = ner.tokens.len();
    let word = |t: usize| ner.tokens[t].span.slice(text);
    let gap = |t: usize| gap_before(text, ner, t);
    let is_capitalised = |t: usize| is_capitalised_word(word(t));
    let mut k = 0;
    while k < mentions.len() {
        let m = &mentions[k];
        k += 1;
        let open = m.tokens.end;
        if m.kind != EntityKind::Person
            || open + 3 >= count
            || !matches!(word(open), "\"" | "\u{201C}")
            || gap(open) != " "
        {
            continue;
        }
        let mut close = open + 1;
        while close < count && close - open <= 3 && is_capitalised(close) {
            close += 1;
        }
        let surname = close + 1;
        let held = close > open + 1
            && surname < count
            && matches!(word(close), "\"" | "\u{201D}")
            && gap(open + 1).is_empty()
            && gap(close).is_empty()
            && (open + 2..close).all(|t| gap(t) == " ");
        if !held || !is_capitalised(surname) || gap(surname) != " " {
            continue;
        }
        if gazetteer::is_place(word(surname)) {
            continue;
        }
        // The names the tagger found inside the nickname give way; one that starts at the
        // surname is the rest of the name, one that reaches past it into the quotes or
        // starts before it cannot be mended here.
        let inside = mentions[k..]
            .iter()
            .take_while(|n| n.tokens.end <= close)
            .count();
        let rest = mentions
            .get(k + inside)
            .filter(|n| n.tokens.start <= surname);
        let end = match rest {
            Some(n) if n.tokens.start == surname && n.tokens.end <= surname + 3 => n.tokens.end,
            Some(_) => continue,
            None => surname + 1,
        };
        let absorbed = inside + usize::from(rest.is_some());
        extend_mention(ner, mentions, k, absorbed, end);
    }
}

/// A person's middle initial written without its period (`Christina N Luis Olidem`, `George
/// W Bush`) splits the tagger's name in two, the letter outside both: `Christina` then joins
/// whoever else the article calls Christina, and the surname is a second person. Two people
/// with one capital letter between them, all single-spaced, are one name. Not `A` or `I`,
/// which are words as often (`Smith I think`).
fn join_bare_initials(text: &str, ner: &NerText, mentions: &mut Vec<Mention>) {
    let word = |t: usize| ner.tokens[t].span.slice(text);
    let spaced = |t: usize| gap_before(text, ner, t) == " ";
    let is_bare_initial = |t: usize| {
        let w = word(t);
        is_capital_letter(w) && !matches!(w, "A" | "I")
    };
    let mut k = 1;
    while k < mentions.len() {
        let (m, rest) = (&mentions[k - 1], &mentions[k]);
        let letter = m.tokens.end;
        // The letter lies between the two, so it is a token of the text.
        let joins = m.kind == EntityKind::Person
            && rest.kind == EntityKind::Person
            && rest.tokens.start == letter + 1
            && is_bare_initial(letter)
            && spaced(letter)
            && spaced(letter + 1);
        if joins {
            let end = rest.tokens.end;
            extend_mention(ner, mentions, k, 1, end);
        } else {
            k += 1;
        }
    }
}

/// The tokens after `given` that make the rest of a name written with middle initials: one
/// or two initials (`W` `.`, each letter single-spaced before and its full stop glued to
/// it), then a single-spaced capitalised surname, which must end the name (no capitalised
/// word right after it). Returns the token after the surname.
fn initials_and_surname(text: &str, ner: &NerText, given: usize) -> Option<usize> {
    let count = ner.tokens.len();
    let word = |t: usize| ner.tokens[t].span.slice(text);
    let gap = |t: usize| gap_before(text, ner, t);
    let is_initial = |t: usize| {
        t + 1 < count
            && is_capital_letter(word(t))
            && gap(t) == " "
            && word(t + 1) == "."
            && gap(t + 1).is_empty()
    };
    let mut t = given + 1;
    while t < count && t - given < 5 && is_initial(t) {
        t += 2;
    }
    let surname = t;
    let initials = (surname - given - 1) / 2;
    let is_surname = surname < count
        && is_capitalised_word(word(surname))
        && word(surname).chars().count() > 1
        && gap(surname) == " "
        && !gazetteer::contains_word(gazetteer::List::OrgWord, word(surname));
    let ends_there = surname + 1 >= count || !is_capitalised_word(word(surname + 1));
    (initials > 0 && is_surname && ends_there).then_some(surname + 1)
}

/// A given name, middle initials and a surname (`George W. Bush`, `James W. Hoyt`,
/// `Frederick H. Collier`) name a person. Read alone, an initial is a rare word whose hashed
/// weights say little (the tagger made `George W. Bush` and `John W. Smith` organisations,
/// while `John F. Kennedy` was a person), so the name's kind comes from its shape: a listed
/// given name, capitalised, opening a name of exactly that form, is a person whatever the
/// tagger said; and a person the tagger ended at the given name takes the initials and the
/// surname after it (`Yesterday James W. Hoyt said`, where it tagged `James` alone;
/// `John F` and a firm `Smith` in `John F. W. Smith`). A firm
/// named for its founder keeps its legal form and so another shape (`John W. Galbreath and
/// Co`); a surname followed by another capitalised word is left as the tagger read it.
fn mend_initialled_names(text: &str, ner: &NerText, mentions: &mut Vec<Mention>) {
    let word = |t: usize| ner.tokens[t].span.slice(text);
    let mut k = 0;
    while k < mentions.len() {
        let m = &mentions[k];
        k += 1;
        let given = m.tokens.start;
        if !is_listed_given_name(word(given)) {
            continue;
        }
        let Some(end) = initials_and_surname(text, ner, given) else {
            continue;
        };
        if m.tokens.end == end {
            mentions[k - 1].kind = EntityKind::Person;
        } else if m.tokens.end < end && m.kind == EntityKind::Person {
            // The names the tagger found among the initials and the surname give way.
            let inside = mentions[k..]
                .iter()
                .take_while(|n| n.tokens.start < end)
                .count();
            if mentions[k..k + inside].iter().any(|n| n.tokens.end > end) {
                continue;
            }
            extend_mention(ner, mentions, k, inside, end);
        }
    }
}

/// Whether a token is a capitalised given name of the list.
fn is_listed_given_name(word: &str) -> bool {
    is_capitalised_word(word) && gazetteer::contains_word(gazetteer::List::FirstName, word)
}

/// Whether a token is one capital letter: an initial, or a word (`A`, `I`).
fn is_capital_letter(word: &str) -> bool {
    word.len() == 1 && word.bytes().all(|b| b.is_ascii_uppercase())
}

/// Whether a token is a word (letters, not punctuation) beginning with a capital.
pub(super) fn is_capitalised_word(word: &str) -> bool {
    word.starts_with(char::is_uppercase) && is_word(word)
}

/// A given name right before a person is part of the name: after a title the tagger
/// sometimes reads the given name as part of the title, or as a name of its own, and keeps
/// only the rest (`Bundesbank President Karl` + `Otto Poehl`, 23 Reuters articles), so the
/// person loses the name that tells them apart and the title gains a word. The word must be
/// capitalised, on the given-name list, no other kind of name, not open the sentence (where
/// capitals say nothing: `Frank talks`) and be separated from the person by
/// whitespace alone (within its sentence, so never across a paragraph).
fn join_first_names(text: &str, ner: &NerText, mentions: &mut Vec<Mention>) {
    let word = |t: usize| ner.tokens[t].span.slice(text);
    let mut k = 0;
    while k < mentions.len() {
        let m = &mentions[k];
        let start = m.tokens.start;
        k += 1;
        // An initial alone is a name cut at its full stop (`Donald K.` + `McIvor`), which a
        // given name would not mend.
        if m.kind != EntityKind::Person || start == 0 || word(start).chars().count() < 2 {
            continue;
        }
        let given = start - 1;
        let sentence_start = sentence_start(ner, start);
        let gap = gap_before(text, ner, start);
        let is_given_name = is_listed_given_name(word(given));
        if given <= sentence_start
            || !is_given_name
            || gap.is_empty()
            || !gap.chars().all(char::is_whitespace)
        {
            continue;
        }
        // The given name alone as a person of its own joins; any other name over it stays.
        let before = k.checked_sub(2).map(|j| &mentions[j]);
        let alone = match before {
            Some(b) if b.tokens.end > given => {
                if b.tokens != (given..start) || b.kind != EntityKind::Person {
                    continue;
                }
                true
            }
            _ => false,
        };
        let m = &mut mentions[k - 1];
        m.tokens.start = given;
        m.span = ByteSpan::new(ner.tokens[given].span.start, m.span.end);
        if alone {
            mentions.remove(k - 2);
            k -= 1;
        }
    }
}

/// The last word of a ministry's name is no part of its minister's: in `Minister of Energy
/// and Mines Subroto` the tagger reads `Mines Subroto` as the person, so the name is wrong
/// and the role cut short. A person's first word right after `<office> of <Word> and` is
/// the ministry's (unless it is a listed given name: `the Minister of Labour and Frank Smith`
/// stays two people's words), and the person begins after it.
fn cut_ministry_words(text: &str, ner: &NerText, mentions: &mut [Mention]) {
    let word = |t: usize| ner.tokens[t].span.slice(text);
    for m in mentions.iter_mut() {
        let start = m.tokens.start;
        if m.kind != EntityKind::Person || m.tokens.len() < 2 || start < 4 {
            continue;
        }
        let after_ministry = word(start - 1) == "and"
            && word(start - 2).starts_with(char::is_uppercase)
            && word(start - 3) == "of"
            && super::roles::is_office(word(start - 4));
        // A word, not an initial (`Roberts and J. Thomas Clark`), and a name left after it.
        let ministry_word = word(start).chars().count() > 1
            && is_word(word(start))
            && !gazetteer::contains_word(gazetteer::List::FirstName, word(start));
        let rest = word(start + 1);
        if after_ministry && ministry_word && is_capitalised_word(rest) {
            m.tokens.start += 1;
            m.span = ByteSpan::new(ner.tokens[start + 1].span.start, m.span.end);
        }
    }
}

/// Titles written abbreviated before a person's name (`Rep.`, `Sen.`, `Gov.`, `Lt.`):
/// never part of the name, and never a name alone.
fn is_abbreviated_title(word: &str) -> bool {
    const TITLES: &[&str] = &[
        "Adm", "Capt", "Cmdr", "Col", "Gen", "Gov", "Govs", "Lt", "Maj", "Rep", "Reps", "Rev",
        "Sen", "Sens", "Sgt", "Supt",
    ];
    TITLES.contains(&word)
}

/// An abbreviated title and its full stop are no name: the tagger, unsure of `Rep.`, reads
/// it alone as a miscellany (77 times on Reuters, `Sen.` 26) or takes it into the name,
/// which then is a miscellany or a place (`Rep. Vic Fazio`, `Sen. Christopher Bond`). A
/// title alone is left out; a name that begins with titles (`Lt. Col. Oliver North`)
/// begins after them, and is a person when one to three words are left (`Sgt. York
/// Division Air Defense`, a gun, stays as the tagger read it).
fn cut_abbreviated_titles(text: &str, ner: &NerText, mentions: &mut Vec<Mention>) {
    let word = |t: usize| ner.tokens[t].span.slice(text);
    let titled =
        |t: usize| is_abbreviated_title(word(t)) && t + 1 < ner.tokens.len() && word(t + 1) == ".";
    mentions.retain_mut(|m| {
        let mut name = m.tokens.start;
        while name < m.tokens.end && titled(name) {
            name += 2;
        }
        if name == m.tokens.start {
            return true;
        }
        if name >= m.tokens.end {
            return false;
        }
        let spaced = gap_before(text, ner, name) == " ";
        if spaced && word(name).starts_with(char::is_uppercase) && m.tokens.end - name <= 3 {
            m.tokens.start = name;
            m.span = ByteSpan::new(ner.tokens[name].span.start, m.span.end);
            m.kind = EntityKind::Person;
        }
        true
    });
}

/// Words before `General` that make it part of a person's title (`Secretary General Javier
/// Perez de Cuellar`, `Attorney General Edwin Meese`, `Major General`).
fn is_title_before_general(word: &str) -> bool {
    const WORDS: &[&str] = &[
        "Adjutant",
        "Advocate",
        "Attorney",
        "Auditor",
        "Brigadier",
        "Comptroller",
        "Consul",
        "Director",
        "Governor",
        "Inspector",
        "Lieutenant",
        "Major",
        "Postmaster",
        "Procurator",
        "Secretary",
        "Solicitor",
        "Surgeon",
    ];
    WORDS.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// The words that follow `General` in the names of firms and bodies that news names often
/// (`General Electric`, `General Mills`, `General Accounting Office`, `General Staff`),
/// where the tagger reads a rank and a person. A surname after the rank (`General
/// Kutuzov`) is no such word; a hand list, because nothing in the word itself tells
/// `Dynamics` from `Kutuzov` when both are capitalised.
fn follows_general_in_a_firms_name(word: &str) -> bool {
    const WORDS: &[&str] = &[
        "Accounting",
        "Acquisition",
        "Acquisitions",
        "Assembly",
        "Automation",
        "Cinema",
        "Dynamics",
        "Electric",
        "Electrics",
        "Electronics",
        "Foods",
        "Host",
        "Instrument",
        "Instruments",
        "Mills",
        "Motor",
        "Motors",
        "Nutrition",
        "Physics",
        "Public",
        "Re",
        "Refractories",
        "Signal",
        "Staff",
        "Telephone",
        "Tire",
    ];
    WORDS.contains(&word)
}

/// `General Electric`, `General Dynamics`, `General Accounting Office`: after `said`, the
/// tagger reads `General` as a rank and the rest as a person (`Electric` 92 times on
/// Reuters, `Partners` 22, `Dynamics` 20, `Motors` 9). A person right after a capitalised
/// `General` that is no part of a title (`Secretary General`, `Major General`) is the firm
/// or the body `General` begins, an organisation, when its first word follows `General` in
/// such names or any of its words heads or ends organisation names (`Partners`, `Accounting
/// Office`); never when it begins with a given name, and a surname (`General Kutuzov`)
/// stays a person.
fn extend_to_general_firms(text: &str, ner: &NerText, mentions: &mut [Mention]) {
    let word = |t: usize| ner.tokens[t].span.slice(text);
    for k in 0..mentions.len() {
        let m = &mentions[k];
        let Some(general) = m.tokens.start.checked_sub(1) else {
            continue;
        };
        let after_general = m.kind == EntityKind::Person
            && matches!(word(general), "General" | "GENERAL")
            && text[ner.tokens[general].span.end..m.span.start] == *" "
            && !(k > 0 && mentions[k - 1].tokens.end > general)
            && !general
                .checked_sub(1)
                .is_some_and(|t| is_title_before_general(word(t)));
        if !after_general
            || gazetteer::contains_word(gazetteer::List::FirstName, word(m.tokens.start))
        {
            continue;
        }
        let names_a_firm = follows_general_in_a_firms_name(word(m.tokens.start))
            || m.tokens
                .clone()
                .any(|t| gazetteer::contains_word(gazetteer::List::OrgWord, word(t)));
        if names_a_firm {
            let m = &mut mentions[k];
            m.tokens.start = general;
            m.span = ByteSpan::new(ner.tokens[general].span.start, m.span.end);
            m.kind = EntityKind::Organization;
        }
    }
}

/// The tokens that `within` covers, and the span from the first's start to the last's end.
fn tokens_over(ner: &NerText, within: ByteSpan) -> Option<(Range<usize>, ByteSpan)> {
    let first = ner.tokens.partition_point(|t| t.span.end <= within.start);
    let last = ner.tokens.partition_point(|t| t.span.start < within.end);
    (first < last).then(|| (first..last, span_over(ner, &(first..last))))
}

/// The agency of a dateline (`ArmInfo.`, `(Reuters)`) is an organisation.
fn add_dateline_agency(doc: &Document<'_>, ner: &NerText, mentions: &mut Vec<Mention>) {
    let Some(agency) = doc.dateline.as_ref().and_then(|d| d.agency) else {
        return;
    };
    let Some((tokens, span)) = tokens_over(ner, agency) else {
        return;
    };
    mentions.retain(|m| !m.span.overlaps(span));
    let at = mentions.partition_point(|m| m.span.start < span.start);
    mentions.insert(
        at,
        Mention {
            tokens,
            span,
            kind: EntityKind::Organization,
        },
    );
}

/// The place of a dateline (`SAN ANTONIO, Texas, March 2 -`) is one place. Reading
/// capitals, the tagger often splits it (`San` an organisation, then `ANTONIO, Texas`) or
/// calls it something else (`BOCA RATON` an organisation): a name overlapping it gives way
/// to it, and what such a name held after it within the dateline (`Texas`) stays, a place.
fn add_dateline_place(doc: &Document<'_>, ner: &NerText, mentions: &mut Vec<Mention>) {
    let Some(dateline) = doc.dateline.as_ref() else {
        return;
    };
    let Some(place) = dateline.place else {
        return;
    };
    // `CRICKET - LEICESTERSHIRE TAKE OVER …` is a section and a headline: a dateline's place
    // is followed by a date or an agency (`NEW YORK, March 2 -`, `LONDON (Reuters) -`), or
    // is a place the gazetteer knows (`WASHINGTON —`).
    let after = doc.text.get(place.end..).unwrap_or("").trim_start();
    if !after.starts_with([',', '(']) && !gazetteer::is_place(doc.str(place)) {
        return;
    }
    let Some((tokens, span)) = tokens_over(ner, place) else {
        return;
    };
    let mut rests = Vec::new();
    mentions.retain(|m| {
        if !m.span.overlaps(span) {
            return true;
        }
        if m.span.end > span.end && m.span.end <= dateline.span.end {
            let word =
                (tokens.end..m.tokens.end).find(|&t| is_word(ner.tokens[t].span.slice(doc.text)));
            if let Some(word) = word {
                rests.push(Mention {
                    tokens: word..m.tokens.end,
                    span: ByteSpan::new(ner.tokens[word].span.start, m.span.end),
                    kind: EntityKind::Place,
                });
            }
        }
        false
    });
    let at = mentions.partition_point(|m| m.span.start < span.start);
    let place = Mention {
        tokens,
        span,
        kind: EntityKind::Place,
    };
    mentions.splice(at..at, std::iter::once(place).chain(rests));
}

/// Gives every mention of the same words the kind most of them got (ties: the first
/// one's), and a lone word that is the first or last word of a person's longer name the
/// person kind.
fn unify_kinds(text: &str, ner: &NerText, mentions: &mut [Mention]) {
    let n = mentions.len();
    let mut votes: HashedMap<[u16; 4]> = HashedMap::with_capacity_and_hasher(n, Default::default());
    let mut first_kind: HashedMap<EntityKind> =
        HashedMap::with_capacity_and_hasher(n, Default::default());
    let mut person_parts: HashedMap<()> = HashedMap::default();
    for m in mentions.iter() {
        let key = ner.sequence_hash(m.tokens.clone());
        votes.entry(key).or_default()[m.kind as usize] += 1;
        first_kind.entry(key).or_insert(m.kind);
        if m.kind == EntityKind::Person && m.tokens.len() > 1 {
            for t in [m.tokens.start, m.tokens.end - 1] {
                person_parts.insert(ner.sequence_hash(t..t + 1), ());
            }
            // `De Blasio` at a sentence's start is the `de Blasio` of `Bill de Blasio`.
            let particle = (m.tokens.start + 1..m.tokens.end - 1)
                .find(|&t| is_name_particle(ner.tokens[t].span.slice(text)));
            if let Some(t) = particle {
                person_parts.insert(ner.sequence_hash(t..m.tokens.end), ());
            }
        }
    }
    for m in mentions.iter_mut() {
        let key = ner.sequence_hash(m.tokens.clone());
        let is_surname_with_particle = m.tokens.len() > 1
            && m.tokens.len() <= 3
            && is_name_particle_in_any_case(ner.tokens[m.tokens.start].span.slice(text));
        if (m.tokens.len() == 1 || is_surname_with_particle) && person_parts.contains_key(&key) {
            m.kind = EntityKind::Person;
            continue;
        }
        let Some(counts) = votes.get(&key) else {
            continue;
        };
        let best = counts.iter().copied().max().unwrap_or(0);
        let first = first_kind.get(&key).copied().unwrap_or(m.kind);
        if counts[first as usize] == best {
            m.kind = first;
        } else if let Some(k) = KINDS.iter().find(|k| counts[**k as usize] == best) {
            m.kind = *k;
        }
    }
}

/// Kinds in the order of their discriminants.
const KINDS: [EntityKind; 4] = [
    EntityKind::Person,
    EntityKind::Organization,
    EntityKind::Place,
    EntityKind::Misc,
];

#[cfg(test)]
mod tests {
    use super::*;

    /// The index of the tagger token `word` (its first) in `text`.
    fn token(text: &str, word: &str) -> usize {
        let doc = Document::parse(text, ByteSpan::new(0, text.len()));
        NerText::new(&doc)
            .tokens
            .iter()
            .position(|t| t.span.slice(text) == word)
            .expect("the word is a token")
    }

    fn mentions(text: &str, labels: &[(usize, u8)]) -> Vec<(String, EntityKind)> {
        let doc = Document::parse(text, ByteSpan::new(0, text.len()));
        let ner = NerText::new(&doc);
        let mut all = vec![model::OUTSIDE; ner.tokens.len()];
        for &(i, l) in labels {
            all[i] = l;
        }
        from_labels(&doc, &ner, &all)
            .into_iter()
            .map(|m| (m.span.slice(text).to_string(), m.kind))
            .collect()
    }

    /// Labels tagging tokens `from..to` as one name of `kind`.
    fn run_of(kind: EntityKind, from: usize, to: usize) -> Vec<(usize, u8)> {
        let begin = model::begin(kind);
        (from..to)
            .map(|t| (t, if t == from { begin } else { begin + 1 }))
            .collect()
    }

    /// Organisations with these names, as [`mentions`] gives them.
    fn orgs(names: &[&str]) -> Vec<(String, EntityKind)> {
        names
            .iter()
            .map(|n| (n.to_string(), EntityKind::Organization))
            .collect()
    }

    #[test]
    fn a_based_adjective_is_cut_from_the_name_it_describes() {
        let run = |from: usize, to: usize| run_of(EntityKind::Misc, from, to);
        let named = |names: &[(&str, EntityKind)]| -> Vec<(String, EntityKind)> {
            names.iter().map(|(n, k)| (n.to_string(), *k)).collect()
        };
        // London-based Atlas Maritime Co said .
        let text = "London-based Atlas Maritime Co said.";
        assert_eq!(
            mentions(text, &run(0, 4)),
            named(&[
                ("London-based", EntityKind::Misc),
                ("Atlas Maritime Co", EntityKind::Organization)
            ])
        );
        // A place of two words stays whole in its adjective; a second adjective after a
        // firm's full stop is cut off too, and the firm keeps its legal form.
        let text = "New York-based Mutual Shares Corp. The Toronto-based firm.";
        assert_eq!(
            mentions(text, &run(0, 8)),
            named(&[
                ("New York-based", EntityKind::Misc),
                ("Mutual Shares Corp", EntityKind::Organization),
                ("Toronto-based", EntityKind::Misc)
            ])
        );
        // A nationality after the adjective stays one.
        let text = "Singapore-based Japanese traders.";
        assert_eq!(
            mentions(text, &run(0, 2)),
            named(&[
                ("Singapore-based", EntityKind::Misc),
                ("Japanese", EntityKind::Misc)
            ])
        );
        // The adjective alone is left as it is.
        let text = "The Toronto-based company.";
        assert_eq!(
            mentions(text, &run(1, 2)),
            named(&[("Toronto-based", EntityKind::Misc)])
        );
    }

    #[test]
    fn a_body_named_for_what_it_is_on_is_one_organisation() {
        let org = model::begin(EntityKind::Organization);
        let person = model::begin(EntityKind::Person);
        // The General Agreement on Tariffs and Trade ( GATT ) said : only `Trade` tagged.
        let text = "The General Agreement on Tariffs and Trade (GATT) said.";
        assert_eq!(
            mentions(text, &[(6, org), (8, org)]),
            orgs(&["General Agreement on Tariffs and Trade", "GATT"])
        );
        // Both halves tagged, the second a person.
        let text = "Jose Ona of the Presidential Commission on Good Government said.";
        assert_eq!(
            mentions(
                text,
                &[
                    (0, person),
                    (1, person + 1),
                    (4, org),
                    (5, org + 1),
                    (7, person),
                    (8, person + 1)
                ]
            ),
            vec![
                ("Jose Ona".to_string(), EntityKind::Person),
                (
                    "Presidential Commission on Good Government".to_string(),
                    EntityKind::Organization
                )
            ]
        );
        // A day, a place, a nationality or a word in capitals after `on` is no part of it,
        // nor a month before the body.
        for text in [
            "The European Commission on Monday said.",
            "The European Commission on Japan said.",
            "The European Commission on Japanese cars said.",
            "The European Commission on EC farm prices said.",
        ] {
            assert_eq!(
                mentions(text, &[(1, org), (2, org + 1)]),
                orgs(&["European Commission"]),
                "{text}"
            );
        }
        let text = "In July United Nations Conference on Trade and Development met.";
        assert_eq!(
            mentions(text, &[(2, org), (3, org + 1), (4, org + 1)]),
            orgs(&["United Nations Conference on Trade and Development"])
        );
    }

    #[test]
    fn a_bank_of_a_place_is_one_organisation_up_to_a_title() {
        let org = model::begin(EntityKind::Organization);
        let place = model::begin(EntityKind::Place);
        let person = model::begin(EntityKind::Person);
        // Bank of America said : `Bank` and the place `America`.
        let text = "Bank of America said.";
        assert_eq!(
            mentions(text, &[(0, org), (2, place)]),
            vec![("Bank of America".to_string(), EntityKind::Organization)]
        );
        // A title and its holder after the place are no part of the bank.
        let text = "Bank of Canada Governor John Crow said.";
        assert_eq!(
            mentions(text, &[(0, org), (2, place), (4, person), (5, person + 1)]),
            vec![
                ("Bank of Canada".to_string(), EntityKind::Organization),
                ("John Crow".to_string(), EntityKind::Person)
            ]
        );
        // Two banks joined by `and` stay two; the tagger's own name across `of` stands.
        let text = "Bank of America and Citicorp, and the State-owned Agricultural Bank of China.";
        assert_eq!(
            mentions(
                text,
                &[
                    (0, org),
                    (2, place),
                    (4, org),
                    (9, org),
                    (10, org + 1),
                    (11, org + 1),
                    (12, org + 1)
                ]
            ),
            vec![
                ("Bank of America".to_string(), EntityKind::Organization),
                ("Citicorp".to_string(), EntityKind::Organization),
                (
                    "Agricultural Bank of China".to_string(),
                    EntityKind::Organization
                )
            ]
        );
    }

    #[test]
    fn a_firms_name_cut_at_a_particle_is_one_name_but_a_person_after_a_body_is_not() {
        let org = model::begin(EntityKind::Organization);
        let person = model::begin(EntityKind::Person);
        let place = model::begin(EntityKind::Place);
        let names = |text: &str, labels: &[(usize, u8)]| -> Vec<String> {
            mentions(text, labels).into_iter().map(|(n, _)| n).collect()
        };
        // Banco do Brasil 's loans ( Brasil read as a person ).
        let text = "Banco do Brasil's loans rose.";
        assert_eq!(
            mentions(text, &[(0, org), (2, person)]),
            [("Banco do Brasil".to_string(), EntityKind::Organization)]
        );
        // Two particles, a place after them, and the legal form after the whole name.
        let text = "Banque de la Mediterranee SA and Petroleos de Venezuela agreed.";
        assert_eq!(
            names(text, &[(0, org), (6, org), (8, place)]),
            ["Banque de la Mediterranee SA", "Petroleos de Venezuela"]
        );
        // Up to three capitalised words with no name of their own.
        let text = "Banca Nazionale del Lavoro Spa Milano Roma said.";
        assert_eq!(
            names(text, &[(0, org), (1, org + 1)]),
            ["Banca Nazionale del Lavoro Spa Milano"]
        );
        // A name cut at a particle twice, a place last: one name.
        let text = "Cassa di Risparmio di Roma is launching it.";
        assert_eq!(
            names(text, &[(0, org), (2, org), (4, place)]),
            ["Cassa di Risparmio di Roma"]
        );
        // A given name ending the body is a person's the tagger ran into it.
        let text = "Bank of France Governor Jacques de Larosiere said.";
        assert_eq!(
            names(text, &run_of(EntityKind::Organization, 0, 5)),
            ["Bank of France Governor Jacques"]
        );
        // A person's name is left to the person's own rule.
        let text = "Willy de Clercq said.";
        assert_eq!(
            mentions(text, &[(0, person), (2, person)]),
            [("Willy de Clercq".to_string(), EntityKind::Person)]
        );
    }

    #[test]
    fn a_legal_form_before_and_ends_the_firm_where_another_firm_follows() {
        let run = |from: usize, to: usize| run_of(EntityKind::Organization, from, to);
        // Goldman , Sachs and Co and Alex Brown managed it .
        let text = "Goldman, Sachs and Co and Alex Brown managed it.";
        assert_eq!(
            mentions(text, &run(0, 8)),
            orgs(&["Goldman, Sachs and Co", "Alex Brown"])
        );
        // Three firms, the second after a comma, the third after "and The".
        let text = "Lac Minerals Ltd, Cambior Inc and The First Boston Corp bid.";
        assert_eq!(
            mentions(text, &run(0, 11)),
            orgs(&["Lac Minerals Ltd", "Cambior Inc", "First Boston Corp"])
        );
        // Another legal form after "and" or the comma goes on with the name.
        let text = "Unilever Plc and NV said.";
        assert_eq!(mentions(text, &run(0, 4)), orgs(&["Unilever Plc and NV"]));
        let text = "Alcoma Packing Co, Inc said.";
        assert_eq!(
            mentions(text, &run(0, 5)),
            orgs(&["Alcoma Packing Co, Inc"])
        );
        // "and" inside a firm's name before its legal form is no list.
        let text = "Merrill Lynch and Co said.";
        assert_eq!(mentions(text, &run(0, 4)), orgs(&["Merrill Lynch and Co"]));
    }

    #[test]
    fn a_full_stop_after_a_legal_form_ends_the_firms_name() {
        let run = |from: usize, to: usize| run_of(EntityKind::Organization, from, to);
        // Banner Industries Inc . Terms were not disclosed .
        let text = "Banner Industries Inc. Terms were not disclosed.";
        assert_eq!(mentions(text, &run(0, 5)), orgs(&["Banner Industries Inc"]));
        // A list of firms, each ending in its legal form and a full stop.
        let text = "Standard and Poor's Corp. Salomon Brothers Inc. Both agreed.";
        assert_eq!(
            mentions(text, &run(0, 9)),
            orgs(&["Standard and Poor's Corp", "Salomon Brothers Inc"])
        );
        // One word after the stop is a name when another name of the article holds it.
        let text = "Seafirst Corp. Seafirst said.";
        assert_eq!(
            mentions(text, &run(0, 4)),
            orgs(&["Seafirst Corp", "Seafirst"])
        );
        // Another legal form, or `International`, goes on with the name.
        let text = "Merrill Lynch and Co. Inc said.";
        assert_eq!(
            mentions(text, &run(0, 6)),
            orgs(&["Merrill Lynch and Co. Inc"])
        );
        let text = "Nikko Securities Co. International Inc said.";
        assert_eq!(
            mentions(text, &run(0, 6)),
            orgs(&["Nikko Securities Co. International Inc"])
        );
    }

    #[test]
    fn a_given_name_the_tagger_left_before_a_person_joins_it() {
        let person = model::begin(EntityKind::Person);
        let org = model::begin(EntityKind::Organization);
        let text = "said Bundesbank President Karl Otto Poehl today";
        let whole = [
            ("Bundesbank".to_string(), EntityKind::Organization),
            ("Karl Otto Poehl".to_string(), EntityKind::Person),
        ];
        // `Karl` left out, or read as a person of its own.
        assert_eq!(
            mentions(text, &[(1, org), (4, person), (5, person + 1)]),
            whole
        );
        assert_eq!(
            mentions(text, &[(1, org), (3, person), (4, person), (5, person + 1)]),
            whole
        );
        // Never across a paragraph break.
        let apart = "said President Karl\n\nOtto Poehl today";
        assert_eq!(
            mentions(apart, &[(3, person), (4, person + 1)])[0].0,
            "Otto Poehl"
        );
        // Capitals opening a sentence say nothing; a word of another kind of name stays.
        assert_eq!(
            mentions("Mark Baker's words.", &[(1, person)])[0].0,
            "Baker"
        );
        assert_eq!(
            mentions(
                "at McDonnell Douglas Smith today",
                &[(1, org), (2, org + 1), (3, person)]
            ),
            [
                ("McDonnell Douglas".to_string(), EntityKind::Organization),
                ("Smith".to_string(), EntityKind::Person)
            ]
        );
    }

    #[test]
    fn a_ministrys_last_word_is_not_its_ministers_name() {
        let person = model::begin(EntityKind::Person);
        assert_eq!(
            mentions(
                "said Minister of Energy and Mines Subroto today",
                &[(5, person), (6, person + 1)]
            ),
            [("Subroto".to_string(), EntityKind::Person)]
        );
        // A given name there is a second person's.
        assert_eq!(
            mentions(
                "with the Minister of Labour and Frank Smith today",
                &[(6, person), (7, person + 1)]
            ),
            [("Frank Smith".to_string(), EntityKind::Person)]
        );
        // An initial is no ministry's word.
        assert_eq!(
            mentions(
                "the chairman of Roberts and J. Thomas Clark said",
                &[
                    (5, person),
                    (6, person + 1),
                    (7, person + 1),
                    (8, person + 1)
                ]
            )[0]
            .0,
            "J. Thomas Clark"
        );
    }

    #[test]
    fn a_person_cut_at_a_particle_is_one_person() {
        let person = model::begin(EntityKind::Person);
        let org = model::begin(EntityKind::Organization);
        let text = "Mayor Bill de Blasio said";
        let joined = [("Bill de Blasio".to_string(), EntityKind::Person)];
        // `de Blasio` read as an organisation; `Blasio` as a person of its own; left out.
        assert_eq!(
            mentions(text, &[(1, person), (2, org), (3, org + 1)]),
            joined
        );
        assert_eq!(mentions(text, &[(1, person), (3, person)]), joined);
        assert_eq!(mentions(text, &[(1, person)]), joined);
        // Two particles.
        assert_eq!(
            mentions("with Juan de la Cruz today", &[(1, person)]),
            [("Juan de la Cruz".to_string(), EntityKind::Person)]
        );
        // `De Blasio` opening a sentence is that person's surname, whatever the tagger said.
        let found = mentions(
            "Mayor Bill de Blasio spoke. De Blasio left.",
            &[
                (1, person),
                (2, person + 1),
                (3, person + 1),
                (6, org),
                (7, org + 1),
            ],
        );
        assert_eq!(found[1], ("De Blasio".to_string(), EntityKind::Person));
    }

    #[test]
    fn a_particle_joins_no_names_across_punctuation_or_into_common_words() {
        let person = model::begin(EntityKind::Person);
        for (text, name) in [
            ("Bill de facto rules", "Bill"),
            ("Bill, de Blasio said", "Bill"),
            ("Bill de  Blasio said", "Bill"),
            ("Bill\nde Blasio said", "Bill"),
        ] {
            assert_eq!(
                mentions(text, &[(0, person)]),
                [(name.to_string(), EntityKind::Person)],
                "{text}"
            );
        }
        // Nor a firm's or a place's words that the tagger took for a person.
        for (text, name) in [
            ("the Banque Generale du Luxembourg said", "Banque Generale"),
            (
                "the Gazette Nationale de Paris reported",
                "Gazette Nationale",
            ),
        ] {
            assert_eq!(
                mentions(text, &[(1, person), (2, person + 1)]),
                [(name.to_string(), EntityKind::Person)],
                "{text}"
            );
        }
        // Only a person's name takes the particle: `Rio de Janeiro` is left to the tagger.
        let place = model::begin(EntityKind::Place);
        assert_eq!(
            mentions("in Rio de Janeiro", &[(1, place), (3, place)]),
            [
                ("Rio".to_string(), EntityKind::Place),
                ("Janeiro".to_string(), EntityKind::Place)
            ]
        );
    }

    #[test]
    fn a_word_that_opens_a_clause_is_cut_off_the_name_after_it() {
        let person = model::begin(EntityKind::Person);
        let org = model::begin(EntityKind::Organization);
        let named = |names: &[(&str, EntityKind)]| -> Vec<(String, EntityKind)> {
            names.iter().map(|(n, k)| (n.to_string(), *k)).collect()
        };
        assert_eq!(
            mentions("However Baker said so.", &[(0, person), (1, person + 1)]),
            named(&[("Baker", EntityKind::Person)])
        );
        // However , Baker : the comma goes with the word.
        assert_eq!(
            mentions(
                "And, West Germany agreed.",
                &[(0, org), (1, org + 1), (2, org + 1), (3, org + 1)]
            ),
            named(&[("West Germany", EntityKind::Organization)])
        );
        // A name of one word keeps it (the tagger's whole reading), and a word of the
        // list inside a name is no opener.
        assert_eq!(
            mentions("Besides said no.", &[(0, person)]),
            named(&[("Besides", EntityKind::Person)])
        );
        assert_eq!(
            mentions(
                "Shares of Procter And Gamble rose.",
                &[(2, org), (3, org + 1), (4, org + 1)]
            ),
            named(&[("Procter And Gamble", EntityKind::Organization)])
        );
    }

    #[test]
    fn a_person_run_on_into_a_place_is_two_names_when_the_article_names_both_alone() {
        let person = model::begin(EntityKind::Person);
        let place = model::begin(EntityKind::Place);
        let named = |names: &[(&str, EntityKind)]| -> Vec<(String, EntityKind)> {
            names.iter().map(|(n, k)| (n.to_string(), *k)).collect()
        };
        // Yeltsin endorses Lebed Chechnya peace plan . Alexander Lebed is in Chechnya .
        let text = "Yeltsin endorses Lebed Chechnya peace plan. Alexander Lebed is in Chechnya.";
        let labels = [
            (0, person),
            (2, person),
            (3, person + 1),
            (7, person),
            (8, person + 1),
            (11, place),
        ];
        assert_eq!(
            mentions(text, &labels),
            named(&[
                ("Yeltsin", EntityKind::Person),
                ("Lebed", EntityKind::Person),
                ("Chechnya", EntityKind::Place),
                ("Alexander Lebed", EntityKind::Person),
                ("Chechnya", EntityKind::Place),
            ])
        );
        // A person whose surname is a place, and no other person with the first words,
        // stays whole.
        let text = "George Washington crossed the river. Washington slept.";
        assert_eq!(
            mentions(text, &[(0, person), (1, person + 1), (6, person)]),
            named(&[
                ("George Washington", EntityKind::Person),
                ("Washington", EntityKind::Person),
            ])
        );
        // A firm named for its founder and a place, read as a person, is left to the
        // rules that read firms: the article never writes the place alone.
        let text = "Johnson Geneva Chairman Michael Johnson said.";
        assert_eq!(
            mentions(
                text,
                &[(0, person), (1, person + 1), (3, person), (4, person + 1)]
            ),
            named(&[
                ("Johnson Geneva", EntityKind::Person),
                ("Michael Johnson", EntityKind::Person),
            ])
        );
    }

    #[test]
    fn a_lawmakers_state_or_chamber_and_party_are_two_names() {
        let place = model::begin(EntityKind::Place);
        let org = model::begin(EntityKind::Organization);
        let misc = model::begin(EntityKind::Misc);
        let named = |names: &[(&str, EntityKind)]| -> Vec<(String, EntityKind)> {
            names.iter().map(|(n, k)| (n.to_string(), *k)).collect()
        };
        assert_eq!(
            mentions(
                "said a New Jersey Democrat today",
                &[(2, place), (3, place + 1), (4, place + 1)]
            ),
            named(&[
                ("New Jersey", EntityKind::Place),
                ("Democrat", EntityKind::Misc)
            ])
        );
        assert_eq!(
            mentions(
                "Senate Republican leader Robert Dole",
                &[(0, org), (1, org + 1)]
            ),
            named(&[
                ("Senate", EntityKind::Organization),
                ("Republican", EntityKind::Misc)
            ])
        );
        // A party's own name, or a name that is no place or chamber, stays whole.
        for text in ["the Christian Democrats won", "the Radical Democrats won"] {
            assert_eq!(
                mentions(text, &[(1, misc), (2, misc + 1)]),
                named(&[(&text[4..text.len() - 4], EntityKind::Misc)])
            );
        }
    }

    #[test]
    fn a_legal_form_alone_takes_the_firms_words_before_it() {
        let person = model::begin(EntityKind::Person);
        let misc = model::begin(EntityKind::Misc);
        let org = model::begin(EntityKind::Organization);
        let firm = |name: &str| vec![(name.to_string(), EntityKind::Organization)];
        // NEW YORK , March 19 - Prime Medical Services Inc said ...: only `Inc` tagged.
        let text = "NEW YORK, March 19 - Prime Medical Services Inc said talks ended.";
        let inc = token(text, "Inc");
        let found = mentions(text, &[(inc, person)]);
        assert_eq!(found.last(), firm("Prime Medical Services Inc").last());
        // A nationality the tagger read apart is taken whole; digits and `&` are words.
        assert_eq!(
            mentions("shares of American Express Co rose", &[(2, misc), (4, org)]),
            firm("American Express Co")
        );
        assert_eq!(
            mentions("it bought 2001 Distributors Inc today", &[(4, org)]),
            firm("2001 Distributors Inc")
        );
        assert_eq!(
            mentions("said Saatchi & Saatchi Co", &[(4, misc)]),
            firm("Saatchi & Saatchi Co")
        );
        // It stops at a function word, a month, a legal form, a place's punctuation.
        assert_eq!(
            mentions("sold the Acme Corp unit", &[(3, org)]),
            firm("Acme Corp")
        );
        assert_eq!(
            mentions("since March Widget Co", &[(3, org)]),
            firm("Widget Co")
        );
        assert_eq!(
            mentions(
                "Alpha Ltd, Beta Inc and Gamma Corp",
                &[(1, org), (4, org), (7, org)]
            ),
            vec![
                ("Alpha Ltd".to_string(), EntityKind::Organization),
                ("Beta Inc".to_string(), EntityKind::Organization),
                ("Gamma Corp".to_string(), EntityKind::Organization),
            ]
        );
        // Not inside a word, nor words every firm may have.
        assert_eq!(
            mentions("sold to O/E Corp of Troy", &[(5, org)]),
            firm("Corp")
        );
        assert_eq!(
            mentions("a unit of dixons Group PLC said", &[(5, org)]),
            firm("PLC")
        );
    }

    #[test]
    fn a_firm_named_for_a_possessive_is_one_name_at_the_storys_opening() {
        let person = model::begin(EntityKind::Person);
        let org = model::begin(EntityKind::Organization);
        let firm = |name: &str| (name.to_string(), EntityKind::Organization);
        let who = |name: &str| (name.to_string(), EntityKind::Person);
        // RIDGEFIELD , N.J. , March 2 - Oliver 's Stores Inc said ...
        let text = "RIDGEFIELD, N.J., March 2 - Oliver's Stores Inc said it would reorganize.";
        let (oliver, stores) = (token(text, "Oliver"), token(text, "Stores"));
        let found = mentions(
            text,
            &[(oliver, person), (stores, org), (stores + 1, org + 1)],
        );
        assert_eq!(found.last(), Some(&firm("Oliver's Stores Inc")));
        // The possessive's word left out by the tagger, and a Reuters `<` before the name.
        let text = "NEW YORK, March 20 - <Lowe's Cos Inc> said sales rose.";
        let cos = token(text, "Cos");
        let found = mentions(text, &[(cos, org), (cos + 1, org + 1)]);
        assert_eq!(found.last(), Some(&firm("Lowe's Cos Inc")));
        // Further on, a possessive is an owner and its firm: two names.
        let text = "NEW YORK, March 20 - Shares rose. Icahn's Transworld Airlines Inc said.";
        let icahn = token(text, "Icahn");
        let found = mentions(
            text,
            &[
                (icahn, person),
                (icahn + 2, org),
                (icahn + 3, org + 1),
                (icahn + 4, org + 1),
            ],
        );
        assert_eq!(
            found[found.len() - 2..],
            [who("Icahn"), firm("Transworld Airlines Inc")]
        );
        // Nor a country's firm, nor a name with no legal form, nor the owner's own firm.
        for (text, owner, kind, words) in [
            (
                "STOCKHOLM, June 18 - Sweden's Volvo AB said.",
                "Sweden",
                EntityKind::Place,
                2,
            ),
            (
                "LONDON, May 2 - Reagan's Cabinet Council said.",
                "Reagan",
                EntityKind::Person,
                2,
            ),
            (
                "DALLAS, May 2 - Fluor's Fluor Constructors Inc said.",
                "Fluor",
                EntityKind::Organization,
                3,
            ),
        ] {
            let o = token(text, owner);
            let mut labels = vec![(o, model::begin(kind)), (o + 2, org)];
            labels.extend((o + 3..o + 2 + words).map(|t| (t, org + 1)));
            let found = mentions(text, &labels);
            assert!(
                found.iter().any(|(name, _)| name == owner),
                "{text}: {found:?}"
            );
        }
    }

    #[test]
    fn an_arabic_family_name_joins_the_person_or_title_before_it() {
        let person = model::begin(EntityKind::Person);
        let misc = model::begin(EntityKind::Misc);
        let place = model::begin(EntityKind::Place);
        let one = |name: &str| vec![(name.to_string(), EntityKind::Person)];
        // Oil Minister Issam Abdul-Rahim al-Chalabi said: the given names apart, the family
        // name read as a miscellany, or as nothing.
        let text = "Oil Minister Issam Abdul-Rahim al-Chalabi said";
        let whole = one("Issam Abdul-Rahim al-Chalabi");
        assert_eq!(mentions(text, &[(2, person), (4, misc)]), whole);
        assert_eq!(mentions(text, &[(2, person)]), whole);
        // A possessive stays outside; two family names join.
        let text = "Prime Minister Sadeq al-Mahdi's government";
        assert_eq!(
            mentions(text, &[(2, person), (3, misc), (4, misc + 1)]),
            one("Sadeq al-Mahdi")
        );
        let text = "Sheikh Ali al-Khalifa al-Sabah said";
        let whole = one("Ali al-Khalifa al-Sabah");
        assert_eq!(
            mentions(text, &[(1, person), (2, misc), (3, misc + 1)]),
            whole
        );
        // After a title, given names the tagger left out or took for a place.
        assert_eq!(mentions(text, &[(2, misc), (3, misc + 1)]), whole);
        let text = "President Hafez al-Assad said";
        assert_eq!(
            mentions(text, &[(1, place), (2, place)]),
            one("Hafez al-Assad")
        );
        // Not a place the tagger took for a person, nor across punctuation or more than two
        // given names; a title's second word is no given name.
        assert_eq!(
            mentions("along the Shatt al-Arab waterway", &[(2, person)]),
            one("Shatt")
        );
        assert_eq!(
            mentions("Secretary General al-Chalabi said", &[]),
            one("al-Chalabi")
        );
        assert_eq!(
            mentions("Secretary General Fadhil al-Chalabi said", &[]),
            one("Fadhil al-Chalabi")
        );
        assert_eq!(
            mentions("Minister Issam, al-Chalabi said", &[(1, person)]),
            one("Issam")
        );
        assert_eq!(
            mentions("said Issam Abdul Rahim Ahmed al-Chalabi", &[(1, person)]),
            one("Issam")
        );
        // A name that goes on past the family name keeps the tagger's reading.
        let org = model::begin(EntityKind::Organization);
        assert_eq!(
            mentions(
                "Ahmed al-Tayer Foundation said",
                &[(0, person), (1, org), (2, org + 1)]
            ),
            [
                ("Ahmed".to_string(), EntityKind::Person),
                ("al-Tayer Foundation".to_string(), EntityKind::Organization)
            ]
        );
    }

    #[test]
    fn a_quoted_nickname_is_part_of_the_persons_name() {
        let person = model::begin(EntityKind::Person);
        let org = model::begin(EntityKind::Organization);
        // `Robert` `"` `Bobby` `"` `Scott` `said`: the nickname read as an organisation and
        // the surname as a person, or left out; curly quotes; two words in the nickname.
        let text = "Robert \"Bobby\" Scott said";
        let joined = [(r#"Robert "Bobby" Scott"#.to_string(), EntityKind::Person)];
        assert_eq!(
            mentions(text, &[(0, person), (2, org), (4, person)]),
            joined
        );
        assert_eq!(mentions(text, &[(0, person), (2, person)]), joined);
        assert_eq!(
            mentions("Marcia \u{201C}Cia\u{201D} Price said", &[(0, person)]),
            [(
                "Marcia \u{201C}Cia\u{201D} Price".to_string(),
                EntityKind::Person
            )]
        );
        assert_eq!(
            mentions(
                "Dwayne \"The Rock\" Johnson Jr left",
                &[(0, person), (5, person), (6, person + 1)]
            ),
            [(
                r#"Dwayne "The Rock" Johnson Jr"#.to_string(),
                EntityKind::Person
            )]
        );
    }

    #[test]
    fn a_bare_middle_initial_joins_the_two_halves_of_a_name() {
        let person = model::begin(EntityKind::Person);
        // `Christina` `N` `Luis` `Olidem`: two people with the letter outside both.
        assert_eq!(
            mentions(
                "by Christina N Luis Olidem today",
                &[(1, person), (3, person), (4, person + 1)]
            ),
            [("Christina N Luis Olidem".to_string(), EntityKind::Person)]
        );
        // Not `I`, not across a comma, not a person and a firm.
        let org = model::begin(EntityKind::Organization);
        for (text, labels) in [
            ("Smith I Jones", &[(0, person), (2, person)][..]),
            ("Smith, N Jones", &[(0, person), (3, person)]),
            ("Smith N Acme", &[(0, person), (2, org)]),
        ] {
            assert_eq!(mentions(text, labels).len(), 2, "{text}");
        }
    }

    #[test]
    fn a_given_name_initials_and_surname_are_a_person() {
        let org = |from, to| run_of(EntityKind::Organization, from, to);
        let person = |from, to| run_of(EntityKind::Person, from, to);
        let people = |names: &[&str]| -> Vec<(String, EntityKind)> {
            names
                .iter()
                .map(|n| (n.to_string(), EntityKind::Person))
                .collect()
        };
        // George W . Bush said so .
        assert_eq!(
            mentions("George W. Bush said so.", &org(0, 4)),
            people(&["George W. Bush"])
        );
        // The tagger ended the person at the given name, or at the first initial, and read
        // the surname as a firm.
        let text = "Yesterday James W. Hoyt said so.";
        assert_eq!(mentions(text, &person(1, 2)), people(&["James W. Hoyt"]));
        let text = "Then John F. W. Smith came.";
        let labels = [person(1, 3), org(6, 7)].concat();
        assert_eq!(mentions(text, &labels), people(&["John F. W. Smith"]));
        // Stay as the tagger read them: a firm with its legal form, a surname that runs on
        // into another capitalised word, a first word that is no given name, no initial.
        for (text, labels, name) in [
            (
                "John W. Galbreath Co rose.",
                org(0, 5),
                "John W. Galbreath Co",
            ),
            (
                "John W. Smith Barney rose.",
                org(0, 5),
                "John W. Smith Barney",
            ),
            ("Acme W. Smith rose.", org(0, 4), "Acme W. Smith"),
            ("John Smith rose.", org(0, 2), "John Smith"),
        ] {
            assert_eq!(mentions(text, &labels), orgs(&[name]), "{text}");
        }
        // A person cut at the given name keeps its length where the rest is no name.
        let text = "Yesterday James W. Hoyt Corp said so.";
        assert_eq!(mentions(text, &person(1, 2)), people(&["James"]));
    }

    #[test]
    fn a_quote_after_a_name_is_no_nickname() {
        let person = model::begin(EntityKind::Person);
        for (text, labels, first) in [
            // A quotation that opens after the name.
            (
                r#"said Scott "Today we won" Friday"#,
                &[(1, person)][..],
                "Scott",
            ),
            // A quoted common word; spaces inside the quotes; a place after them.
            (r#"Scott "alone" Price"#, &[(0, person)], "Scott"),
            (r#"Scott " Bobby " Price"#, &[(0, person)], "Scott"),
            (r#"Johnson "Texas" Houston"#, &[(0, person)], "Johnson"),
        ] {
            let found = mentions(text, labels);
            assert_eq!(found[0], (first.to_string(), EntityKind::Person), "{text}");
        }
        // Not after an organisation's name.
        let org = model::begin(EntityKind::Organization);
        let found = mentions(r#"Apple "Pie" Maker"#, &[(0, org)]);
        assert_eq!(found, [("Apple".to_string(), EntityKind::Organization)]);
    }

    #[test]
    fn an_abbreviated_title_is_no_name_and_no_part_of_one() {
        let person = model::begin(EntityKind::Person);
        let misc = model::begin(EntityKind::Misc);
        let place = model::begin(EntityKind::Place);
        // `Rep` `.` `Vic` `Fazio` read as one miscellany; `Sen` `.` alone, then a person.
        let found = mentions(
            "Rep. Vic Fazio and Sen. Christopher Bond met Sen. Bob Dole",
            &[
                (0, misc),
                (1, misc + 1),
                (2, misc + 1),
                (3, misc + 1),
                (5, place),
                (6, place + 1),
                (7, place + 1),
                (8, place + 1),
                (10, misc),
                (12, person),
                (13, person + 1),
            ],
        );
        let people = |names: &[&str]| {
            names
                .iter()
                .map(|n| (n.to_string(), EntityKind::Person))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            found,
            people(&["Vic Fazio", "Christopher Bond", "Bob Dole"])
        );
        // Two titles; a long name after one is left as read.
        let found = mentions(
            "Lt. Col. Oliver North and the Sgt. York Division Air Defense gun",
            &[
                (0, place),
                (1, place + 1),
                (2, place + 1),
                (3, place + 1),
                (4, place + 1),
                (5, place + 1),
                (8, misc),
                (9, misc + 1),
                (10, misc + 1),
                (11, misc + 1),
                (12, misc + 1),
                (13, misc + 1),
            ],
        );
        assert_eq!(
            found,
            [
                ("Oliver North".to_string(), EntityKind::Person),
                (
                    "Sgt. York Division Air Defense".to_string(),
                    EntityKind::Misc
                )
            ]
        );
        // A title's word without its full stop, or in capitals, is left as the tagger read it.
        let org = model::begin(EntityKind::Organization);
        let found = mentions(
            "REP. Holdings and Sen Corp",
            &[(0, org), (1, org + 1), (2, org + 1), (4, org), (5, org + 1)],
        );
        assert_eq!(
            found,
            [
                ("REP. Holdings".to_string(), EntityKind::Organization),
                ("Sen Corp".to_string(), EntityKind::Organization)
            ]
        );
    }

    #[test]
    fn general_before_a_firms_words_is_the_firms_first_word() {
        let person = model::begin(EntityKind::Person);
        let org = |name: &str| (name.to_string(), EntityKind::Organization);
        // `said General Electric`, `General Accounting Office`, `General Partners`: the
        // tagger left `General` out and read a person.
        let found = mentions(
            "He said General Electric and the General Accounting Office and General Partners",
            &[(3, person), (7, person), (8, person + 1), (11, person)],
        );
        assert_eq!(
            found,
            [
                org("General Electric"),
                org("General Accounting Office"),
                org("General Partners")
            ]
        );
        // A rank before a surname or a full name, and a title with `General` in it, stay.
        let found = mentions(
            "the army under General Kutuzov and General Joao Figueiredo met Attorney General Electric",
            &[(4, person), (7, person), (8, person + 1), (12, person)],
        );
        let people: Vec<_> = found
            .iter()
            .map(|(name, kind)| (name.as_str(), *kind))
            .collect();
        assert_eq!(
            people,
            [
                ("Kutuzov", EntityKind::Person),
                ("Joao Figueiredo", EntityKind::Person),
                ("Electric", EntityKind::Person)
            ]
        );
    }

    #[test]
    fn trailing_punctuation_is_not_part_of_a_name() {
        let place = model::begin(EntityKind::Place);
        let found = mentions("Visit Armenia. Now", &[(1, place), (2, place + 1)]);
        assert_eq!(found, [("Armenia".to_string(), EntityKind::Place)]);
    }

    #[test]
    fn a_name_run_on_into_the_next_sentence_ends_before_its_first_words() {
        let place = model::begin(EntityKind::Place);
        let text = "assistance to Armenia All the steps were taken";
        let found = mentions(text, &[(2, place), (3, place + 1), (4, place + 1)]);
        assert_eq!(found, [("Armenia".to_string(), EntityKind::Place)]);
        // A misc name may end so (a title).
        let misc = model::begin(EntityKind::Misc);
        let found = mentions(
            "they sang Free For All loudly",
            &[(2, misc), (3, misc + 1), (4, misc + 1)],
        );
        assert_eq!(found, [("Free For All".to_string(), EntityKind::Misc)]);
    }

    #[test]
    fn a_person_ends_before_a_headline_verb_or_an_event_day() {
        let person = model::begin(EntityKind::Person);
        let found = mentions("Obama Sees Insult", &[(0, person), (1, person + 1)]);
        assert_eq!(found, [("Obama".to_string(), EntityKind::Person)]);
        let found = mentions(
            "Elizabeth Warren Hammers Wells Fargo",
            &[
                (0, person),
                (1, person + 1),
                (2, person + 1),
                (3, person + 1),
                (4, person + 1),
            ],
        );
        assert_eq!(
            found,
            [("Elizabeth Warren".to_string(), EntityKind::Person)]
        );
        let found = mentions(
            "join Barack Obama Election Day now",
            &[
                (1, person),
                (2, person + 1),
                (3, person + 1),
                (4, person + 1),
            ],
        );
        assert_eq!(found, [("Barack Obama".to_string(), EntityKind::Person)]);
        // A person may be named Day.
        let found = mentions("actress Doris Day sang", &[(1, person), (2, person + 1)]);
        assert_eq!(found, [("Doris Day".to_string(), EntityKind::Person)]);
    }

    #[test]
    fn a_country_after_the_words_of_a_formal_state_name_is_that_name() {
        let place = model::begin(EntityKind::Place);
        let text = "assistance to the Republic of Armenia, and the Federal Republic of Germany";
        // Tokens: assistance to the Republic of Armenia , and the Federal Republic of Germany
        let found = mentions(text, &[(5, place), (12, place)]);
        assert_eq!(
            found,
            [
                ("Republic of Armenia".to_string(), EntityKind::Place),
                ("Federal Republic of Germany".to_string(), EntityKind::Place)
            ]
        );
        // The tagger's split, `Republic` a place of its own, gives way.
        let found = mentions(text, &[(3, place), (5, place)]);
        assert_eq!(
            found[0],
            ("Republic of Armenia".to_string(), EntityKind::Place)
        );
        assert_eq!(found.len(), 1);
        // Lowercase words are no formal name; nor is a word across a full stop.
        let found = mentions("a republic of Armenia", &[(3, place)]);
        assert_eq!(found, [("Armenia".to_string(), EntityKind::Place)]);
    }

    #[test]
    fn a_name_just_before_a_legal_form_is_a_firm_with_it() {
        let person = model::begin(EntityKind::Person);
        let found = mentions(
            "Oesterreichische Laenderbank AG said",
            &[(0, person), (1, person + 1)],
        );
        assert_eq!(
            found,
            [(
                "Oesterreichische Laenderbank AG".to_string(),
                EntityKind::Organization
            )]
        );
        let found = mentions("shares of Smith Pty Ltd rose", &[(2, person)]);
        assert_eq!(found[0].0, "Smith Pty Ltd");
        // Across a comma it is no part of the name.
        let found = mentions("said Mark Smith, Inc. was", &[(1, person), (2, person + 1)]);
        assert_eq!(found[0], ("Mark Smith".to_string(), EntityKind::Person));
        // The legal forms read as a name of their own join the name before them; after
        // `said General`, the firm is whole (`Electric` and `Co`, two people to the tagger).
        let firm = |name: &str| [(name.to_string(), EntityKind::Organization)];
        let found = mentions("shares of Skanska AB rose", &[(2, person), (3, person)]);
        assert_eq!(found, firm("Skanska AB"));
        let found = mentions("said General Electric Co rose", &[(2, person), (3, person)]);
        assert_eq!(found, firm("General Electric Co"));
        // Not across a comma, and not a name that only begins with a legal form.
        let found = mentions(
            "Skanska, AB Volvo",
            &[(0, person), (2, person), (3, person + 1)],
        );
        assert_eq!(found.len(), 2, "{found:?}");
    }

    #[test]
    fn a_surname_takes_the_kind_of_the_full_name() {
        let person = model::begin(EntityKind::Person);
        let place = model::begin(EntityKind::Place);
        let found = mentions(
            "Stanislav Zas spoke . Zas left .",
            &[(0, person), (1, person + 1), (4, place)],
        );
        assert_eq!(found[1], ("Zas".to_string(), EntityKind::Person));
    }

    #[test]
    fn the_majority_kind_wins() {
        let person = model::begin(EntityKind::Person);
        let place = model::begin(EntityKind::Place);
        let found = mentions(
            "Yerevan said . Yerevan won . Yerevan lost .",
            &[(0, place), (3, place), (6, person)],
        );
        assert!(found.iter().all(|(_, k)| *k == EntityKind::Place));
    }

    #[test]
    fn a_datelines_place_is_one_place_and_a_name_split_across_it_gives_way() {
        let org = model::begin(EntityKind::Organization);
        let text = "SAN ANTONIO, Texas, March 2 - Tesoro said it sold a refinery.";
        // The tagger's split: `SAN` an organisation, `ANTONIO , Texas` another.
        let found = mentions(text, &[(0, org), (1, org), (2, org + 1), (3, org + 1)]);
        assert_eq!(
            found[..2],
            [
                ("SAN ANTONIO".to_string(), EntityKind::Place),
                ("Texas".to_string(), EntityKind::Place)
            ]
        );
        // Missed altogether: still the place.
        let found = mentions("BOCA RATON, Fla., March 2 - Sales rose.", &[]);
        assert_eq!(found, [("BOCA RATON".to_string(), EntityKind::Place)]);
        // No dateline: nothing added; nor for a section before a headline.
        assert!(mentions("Sales rose in March - a record.", &[]).is_empty());
        assert!(mentions("CRICKET - LEICESTERSHIRE TAKE OVER AT TOP", &[]).is_empty());
    }

    #[test]
    fn a_name_run_on_into_the_weekday_after_it_ends_before_the_day() {
        let org = model::begin(EntityKind::Organization);
        let misc = model::begin(EntityKind::Misc);
        let found = mentions(
            "He met Treasury Secretary James Baker Monday in Bonn .",
            &[
                (2, org),
                (3, org + 1),
                (4, org + 1),
                (5, org + 1),
                (6, org + 1),
            ],
        );
        assert_eq!(
            found,
            [(
                "Treasury Secretary James Baker".to_string(),
                EntityKind::Organization
            )]
        );
        // An event may end in a day; a day alone is left to the tagger.
        let found = mentions(
            "Since Black Monday , Friday fell .",
            &[(1, misc), (2, misc + 1), (4, org)],
        );
        assert_eq!(
            found,
            [
                ("Black Monday".to_string(), EntityKind::Misc),
                ("Friday".to_string(), EntityKind::Organization)
            ]
        );
    }

    #[test]
    fn a_name_run_on_into_a_dated_month_ends_before_it() {
        let org = model::begin(EntityKind::Organization);
        let person = model::begin(EntityKind::Person);
        let place = model::begin(EntityKind::Place);
        let found = mentions(
            "NEW YORK Dec . 3 - Prices rose .",
            &[(0, org), (1, org + 1), (2, org + 1)],
        );
        assert_eq!(found, [("NEW YORK".to_string(), EntityKind::Organization)]);
        let found = mentions(
            "Texas , March 1987 was dry .",
            &[(0, place), (1, place + 1), (2, place + 1)],
        );
        assert_eq!(found, [("Texas".to_string(), EntityKind::Place)]);
        // A month with no date after it may be a name's last word.
        let found = mentions(
            "Theresa May said so , not Theresa May 's aide .",
            &[(0, person), (1, person + 1), (6, person), (7, person + 1)],
        );
        assert_eq!(
            found,
            [
                ("Theresa May".to_string(), EntityKind::Person),
                ("Theresa May".to_string(), EntityKind::Person)
            ]
        );
    }

    #[test]
    fn a_glued_agency_is_an_organisation() {
        let found = mentions("ArmInfo.The bloc met.", &[]);
        assert_eq!(found, [("ArmInfo".to_string(), EntityKind::Organization)]);
    }
}

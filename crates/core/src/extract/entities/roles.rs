//! A person's role or title, read from the words just before the name
//! (`CSTO Secretary General Stanislav Zas`, `the Commission's chief spokesman Nikolaus
//! van der Pas`) or from an apposition after it (`Zas, the CSTO Secretary General,`).
//! The title never becomes part of the name: the tagger leaves it out, this keeps it.
//! A title stands right before its holder: words before `and`, `of` or `for` belong to
//! someone else (`who was NSC director and North's boss`).

use super::gazetteer::{self, List};
use super::hashing::{HashedMap, hash_str_lower};
use super::tokens::NerText;
use crate::extract::structure::Document;
use std::sync::OnceLock;

/// Longest role, in tokens.
const MAX_ROLE_TOKENS: usize = 8;

/// Lowercase office words that make a run of words a role (capitalised ones come from the
/// title list).
const OFFICE_WORDS: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "minister",
    "president",
    "chairman",
    "chairwoman",
    "secretary",
    "director",
    "chief",
    "executive",
    "governor",
    "mayor",
    "ambassador",
    "envoy",
    "commissioner",
    "leader",
    "head",
    "official",
    "coach",
    "manager",
    "analyst",
    "economist",
    "general",
    "deputy",
    "premier",
    "chancellor",
    "senator",
    "adviser",
    "advisor",
    "prosecutor",
    "judge",
    "negotiator",
    "striker",
    "captain",
];

/// Whether `word` names an office or title.
pub(super) fn is_office(word: &str) -> bool {
    static OFFICES: OnceLock<HashedMap<()>> = OnceLock::new();
    let offices = OFFICES.get_or_init(|| {
        OFFICE_WORDS
            .iter()
            .map(|w| (hash_str_lower(w), ()))
            .collect()
    });
    offices.contains_key(&hash_str_lower(word))
        || (is_capitalised(word) && gazetteer::contains_word(List::Title, word))
}

/// Whether `word` may sit inside a role (`of`, possessive `'s`, hyphen).
fn is_joiner(word: &str) -> bool {
    matches!(word, "of" | "'s" | "’s" | "-" | "for" | "and")
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// The role written just before token `start` (a person's first token), if any.
pub fn role_before(
    doc: &Document<'_>,
    ner: &NerText,
    start: usize,
    in_mention: &[bool],
) -> Option<String> {
    let at = ner.sentences.partition_point(|s| s.end <= start);
    let sentence = ner.sentences.get(at).filter(|s| s.contains(&start))?;
    let in_other_mention = |t: usize| in_mention.get(t).copied().unwrap_or(false);
    // A title stands right before its holder: after `and` or `of` the words before belong
    // to someone else (`Poindexter, who was NSC director and North's boss`).
    if start > sentence.start && is_joiner(doc.str(ner.tokens[start - 1].span)) {
        return None;
    }
    let mut first = start;
    let mut has_office = false;
    while first > sentence.start && start - first < MAX_ROLE_TOKENS {
        let t = first - 1;
        let word = doc.str(ner.tokens[t].span);
        let office = is_office(word);
        let article = ["the", "a", "an"]
            .iter()
            .any(|a| a.eq_ignore_ascii_case(word));
        let fits =
            office || is_joiner(word) || in_other_mention(t) || (is_capitalised(word) && !article);
        if !fits {
            break;
        }
        has_office |= office;
        first = t;
    }
    // A sentence-initial word that is neither an office nor a name ("Later", "Then").
    if first == sentence.start && first < start {
        let word = doc.str(ner.tokens[first].span);
        if !is_office(word) && !in_other_mention(first) {
            first += 1;
        }
    }
    while first < start && is_joiner(doc.str(ner.tokens[first].span)) {
        first += 1;
    }
    if !has_office || first == start {
        return None;
    }
    let span =
        crate::span::ByteSpan::new(ner.tokens[first].span.start, ner.tokens[start - 1].span.end);
    Some(
        doc.str(span)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// The role in an apposition right after the name ending before token `end`:
/// `Zas, the CSTO Secretary General, said` (closed by a comma or the sentence end).
pub fn role_after(
    doc: &Document<'_>,
    ner: &NerText,
    end: usize,
    in_mention: &[bool],
) -> Option<String> {
    let at = ner
        .sentences
        .partition_point(|s| s.end <= end.saturating_sub(1));
    let sentence = ner.sentences.get(at)?;
    let word = |t: usize| doc.str(ner.tokens[t].span);
    if end >= sentence.end || word(end) != "," {
        return None;
    }
    let mut first = end + 1;
    if first < sentence.end && matches!(word(first).to_lowercase().as_str(), "the" | "a" | "an") {
        first += 1;
    }
    let mut stop = first;
    let mut has_office = false;
    while stop < sentence.end && stop - first < MAX_ROLE_TOKENS {
        let w = word(stop);
        let office = is_office(w);
        let named = in_mention.get(stop).copied().unwrap_or(false);
        if !(office || is_joiner(w) || named || is_capitalised(w)) {
            break;
        }
        has_office |= office;
        stop += 1;
    }
    let closed = stop == sentence.end || matches!(word(stop), "," | "." | ";");
    if !has_office || !closed || stop == first {
        return None;
    }
    let span =
        crate::span::ByteSpan::new(ner.tokens[first].span.start, ner.tokens[stop - 1].span.end);
    Some(
        doc.str(span)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::ByteSpan;

    fn role(text: &str, name: &str) -> Option<String> {
        let doc = Document::parse(text, ByteSpan::new(0, text.len()));
        let ner = NerText::new(&doc);
        let at = text.find(name)?;
        let start = ner.tokens.iter().position(|t| t.span.start == at)?;
        role_before(&doc, &ner, start, &vec![false; ner.tokens.len()])
    }

    #[test]
    fn titles_before_a_name_are_its_role() {
        assert_eq!(
            role(
                "Later CSTO Secretary General Stanislav Zas stated this.",
                "Stanislav"
            )
            .as_deref(),
            Some("CSTO Secretary General")
        );
        assert_eq!(
            role(
                "the Commission's chief spokesman Nikolaus van der Pas told",
                "Nikolaus"
            )
            .as_deref(),
            Some("Commission's chief spokesman")
        );
    }

    #[test]
    fn an_apposition_after_a_name_is_its_role() {
        let text = "Stanislav Zas, the CSTO Secretary General, said so.";
        let doc = Document::parse(text, ByteSpan::new(0, text.len()));
        let ner = NerText::new(&doc);
        let none = vec![false; ner.tokens.len()];
        assert_eq!(
            role_after(&doc, &ner, 2, &none).as_deref(),
            Some("CSTO Secretary General")
        );
        assert_eq!(role_after(&doc, &ner, 1, &none), None);
    }

    #[test]
    fn a_title_joined_to_the_name_by_and_is_someone_elses() {
        assert_eq!(
            role(
                "Poindexter, who was NSC director and North's boss, resigned.",
                "North"
            ),
            None
        );
    }

    #[test]
    fn capitalised_words_without_an_office_are_no_role() {
        assert_eq!(role("In Yerevan Stanislav Zas spoke.", "Stanislav"), None);
    }
}

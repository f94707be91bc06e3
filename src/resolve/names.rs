//! Names compared across articles: a cleaned written form, and a key that is equal for
//! spellings of one name (case, dots, hyphens) and for the established forms of a country.

use crate::extract::entities::gazetteer::{self, List};

/// Established alternative forms of a country's name, the first being the canonical one.
/// Only forms that name nothing else in news text: "America" is left out (it also names
/// the continents), as are "Holland" (a region) and "Russia" for the Soviet Union (a
/// republic of it).
const COUNTRY_FORMS: &[&[&str]] = &[
    &[
        "United States",
        "U.S.",
        "US",
        "USA",
        "U.S.A.",
        "United States of America",
    ],
    &["United Kingdom", "U.K.", "UK", "Britain", "Great Britain"],
    &["Soviet Union", "USSR", "U.S.S.R."],
    &["United Arab Emirates", "UAE", "U.A.E."],
    &["West Germany", "Federal Republic of Germany"],
];

/// Words that end an organisation's name and never a person's.
const ORGANISATION_ENDINGS: &[&str] = &[
    "ltd",
    "inc",
    "corp",
    "co",
    "plc",
    "llc",
    "gmbh",
    "ag",
    "nv",
    "sa",
    "holdings",
    "holding",
    "group",
    "bank",
    "bancorp",
    "company",
    "corporation",
    "association",
    "administration",
    "ministry",
    "department",
    "agency",
    "commission",
    "committee",
    "council",
    "party",
    "union",
    "fund",
    "board",
    "exchange",
    "institute",
    "university",
    "industries",
    "trust",
    "partners",
    "securities",
    "airlines",
    "organization",
    "organisation",
    "federation",
];

/// One-word names that are a kind of organisation rather than one ("the Organization",
/// "the Bank"): they stand for an organisation the article names in full.
const GENERIC_ORGANISATION_WORDS: &[&str] = &[
    "organization",
    "organisation",
    "bank",
    "company",
    "party",
    "union",
    "committee",
    "council",
    "agency",
    "ministry",
    "commission",
    "fund",
    "group",
    "government",
    "department",
    "court",
    "alliance",
    "board",
    "administration",
    "exchange",
    "corporation",
];

/// Office words that make a run of words before a person's name a role.
const OFFICE_WORDS: &[&str] = &[
    "chairman",
    "chairwoman",
    "chief",
    "secretary",
    "president",
    "minister",
    "governor",
    "director",
    "staff",
    "senator",
    "spokesman",
    "spokeswoman",
    "ambassador",
    "leader",
    "premier",
    "chancellor",
    "deputy",
    "executive",
    "head",
    "general",
    "commissioner",
    "treasurer",
    "speaker",
    "mayor",
    "economist",
    "analyst",
    "official",
    "vice",
];

/// Function words the tagger sometimes takes into a name at the start of a sentence
/// (`Despite Reagan`, `Behind Baker`): never the first word of a name.
const LEADING_FUNCTION_WORDS: &[&str] = &[
    "despite",
    "behind",
    "but",
    "and",
    "when",
    "if",
    "as",
    "after",
    "before",
    "while",
    "although",
    "since",
    "under",
    "with",
    "without",
    "for",
    "from",
    "by",
    "to",
    "at",
    "in",
    "on",
    "of",
    "says",
    "said",
    "meanwhile",
    "however",
    "also",
    "yesterday",
    "today",
];

/// Speech verbs the tagger sometimes takes into the end of a name.
const TRAILING_VERBS: &[&str] = &["said", "says", "told", "added", "stated"];

/// The written name cleaned: whitespace collapsed, unbalanced brackets and edge punctuation
/// (other than an abbreviation's final dot) removed (`World) Bank` → `World Bank`), and a
/// leading function word dropped (`Despite Reagan` → `Reagan`).
pub fn clean(written: &str) -> String {
    let mut name = clean_punctuation(written);
    while let Some((first, rest)) = name.split_once(' ') {
        if !LEADING_FUNCTION_WORDS.contains(&first.to_lowercase().as_str()) {
            break;
        }
        name = rest.to_string();
    }
    // A speech verb the tagger took into the name (`Paul Volcker said`).
    while let Some((rest, last)) = name.rsplit_once(' ') {
        if !TRAILING_VERBS.contains(&last) {
            break;
        }
        name = rest.to_string();
    }
    name
}

fn clean_punctuation(written: &str) -> String {
    let opens = written.matches('(').count();
    let closes = written.matches(')').count();
    let kept: String = written
        .chars()
        .filter(|c| !((*c == '(' || *c == ')') && opens != closes) && *c != '<' && *c != '>')
        .collect();
    let words: Vec<&str> = kept.split_whitespace().collect();
    let joined = words.join(" ");
    let trimmed = joined.trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != ')');
    let trimmed = trimmed.trim_start_matches('.');
    trimmed.to_string()
}

/// The key of a name: lowercase words of letters and digits (dots dropped inside a word,
/// `U.S.` → `us`; other punctuation separates words), trailing legal forms dropped
/// (`Chrysler Corp` → `chrysler`), then a country form's canonical key.
pub fn key(name: &str) -> String {
    let mut plain = plain_key(name);
    // A legal form ends a company's name but does not tell two companies apart.
    let mut stripped = false;
    while let Some((head, last)) = plain.rsplit_once(' ') {
        // `Colorado Inc` (of `Public Service Co of Colorado Inc`) is no form of the state.
        if is_known_place(head) {
            break;
        }
        // `and` goes only with a legal form after it (`Harris Upham and Co Inc`).
        if !is_legal_form(last) || (last == "and" && !stripped) {
            break;
        }
        stripped = true;
        plain.truncate(head.len());
    }
    match country_forms().get(&plain) {
        Some(canonical) => plain_key(canonical),
        None => plain,
    }
}

/// The canonical country form for `name`, if it is one of the listed forms.
pub fn country_form(name: &str) -> Option<&'static str> {
    country_forms().get(&plain_key(name)).copied()
}

/// Every listed country form's plain key → the canonical form (built once).
fn country_forms() -> &'static std::collections::HashMap<String, &'static str> {
    static FORMS: std::sync::OnceLock<std::collections::HashMap<String, &'static str>> =
        std::sync::OnceLock::new();
    FORMS.get_or_init(|| {
        COUNTRY_FORMS
            .iter()
            .flat_map(|forms| forms.iter().map(|f| (plain_key(f), forms[0])))
            .collect()
    })
}

fn plain_key(name: &str) -> String {
    let mut key = String::with_capacity(name.len());
    for c in name.chars() {
        if c == '.' || c == '\'' || c == '’' {
            continue;
        }
        if c.is_alphanumeric() {
            key.extend(c.to_lowercase());
        } else if !key.is_empty() && !key.ends_with(' ') {
            key.push(' ');
        }
    }
    if key.ends_with(' ') {
        key.pop();
    }
    key
}

/// The words of a key.
pub fn words(key: &str) -> impl DoubleEndedIterator<Item = &str> {
    key.split(' ').filter(|w| !w.is_empty())
}

/// Company legal forms: a name made only of them is a fragment of a company's name.
const LEGAL_FORMS: &[&str] = &[
    "co", "inc", "ltd", "corp", "plc", "llc", "gmbh", "ag", "nv", "sa", "cie", "lp", "limited",
    "bhd", "spa", "ab", "pty", "pte", "bv", "and",
];

/// Whether a key's word is a company legal form (`Co`, `Inc`, `Ltd`).
pub fn is_legal_form(word: &str) -> bool {
    LEGAL_FORMS.contains(&word)
}

/// Whether a name of several words ends in a word only organisations end in (a legal form
/// included: `Dauphin Deposit Corp`).
pub fn ends_like_organisation(name: &str) -> bool {
    let plain = plain_key(name);
    let mut it = words(&plain);
    let last = it.next_back();
    it.next().is_some() && last.is_some_and(|w| ORGANISATION_ENDINGS.contains(&w))
}

/// Whether a one-word name is a kind of organisation rather than one (`Bank`, `Bank's`).
pub fn is_generic_organisation_word(name: &str) -> bool {
    let stem = name
        .trim_end_matches("'s")
        .trim_end_matches("’s")
        .to_lowercase();
    GENERIC_ORGANISATION_WORDS.contains(&stem.as_str())
}

/// Whether `word` (a key's word) is an office or title.
pub fn is_office(word: &str) -> bool {
    OFFICE_WORDS.contains(&word) || gazetteer::contains_word(List::Title, word)
}

/// Whether the name is a known place (countries, cities, regions the tagger's lists name).
pub fn is_known_place(name: &str) -> bool {
    [List::Country, List::City, List::Region]
        .into_iter()
        .any(|list| gazetteer::contains(list, name))
        || country_form(name).is_some()
}

/// Whether the name is a ticker (`TPN.PA`: 2-6 capitals or digits, a dot, 1-2 capitals).
pub fn is_ticker(name: &str) -> bool {
    let Some((stock, exchange)) = name.split_once('.') else {
        return false;
    };
    let caps = |s: &str, range: std::ops::RangeInclusive<usize>| {
        range.contains(&s.len())
            && s.bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
    };
    caps(stock, 2..=6) && caps(exchange, 1..=2) && exchange.bytes().all(|b| b.is_ascii_uppercase())
}

/// Whether a name has fewer than two letters or digits (`P`, `J.`, `3`): it names nobody
/// (`F-16` and `U.S.` do).
pub fn is_not_a_name(name: &str) -> bool {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .nth(1)
        .is_none()
}

/// Whether a one-word name looks like an acronym (`CSTO`, `U.N.`): 2-6 capitals.
pub fn is_acronym(name: &str) -> bool {
    let letters: Vec<char> = name.chars().filter(|c| *c != '.').collect();
    (2..=6).contains(&letters.len()) && letters.iter().all(|c| c.is_uppercase())
}

/// Whether every letter is upper case (`WASHINGTON`).
pub fn is_all_caps(name: &str) -> bool {
    name.chars().any(char::is_alphabetic) && !name.chars().any(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_ignore_case_dots_and_punctuation() {
        assert_eq!(key("WASHINGTON"), key("Washington"));
        assert_eq!(key("Stanislav  Zas"), "stanislav zas");
        assert_eq!(key("Standard & Poor's"), "standard poors");
        assert_ne!(key("Howard Baker"), key("James Baker"));
        assert_eq!(key("Chrysler Corp"), key("Chrysler"));
        assert_eq!(key("Standard and Poor's Corp"), key("Standard and Poor's"));
        assert_eq!(key("Co Inc"), "co");
        assert_eq!(key("Harris Upham and Co Inc"), "harris upham");
        assert_eq!(key("Cable and Wireless"), "cable and wireless");
        assert_eq!(key("Colorado Inc"), "colorado inc");
    }

    #[test]
    fn country_forms_share_a_key_and_nothing_else_does() {
        for form in ["U.S.", "US", "USA", "U.S.A.", "United States"] {
            assert_eq!(key(form), "united states", "{form}");
        }
        for form in ["U.K.", "Britain", "United Kingdom"] {
            assert_eq!(key(form), "united kingdom", "{form}");
        }
        assert_eq!(key("America"), "america");
        assert_eq!(key("Russia"), "russia");
        assert_eq!(country_form("U.S.A."), Some("United States"));
        assert_eq!(country_form("Washington"), None);
    }

    #[test]
    fn cleaning_removes_unbalanced_brackets_and_edge_punctuation() {
        assert_eq!(clean("World) Bank"), "World Bank");
        assert_eq!(clean("<Standard Oil Co>"), "Standard Oil Co");
        assert_eq!(clean("U.S."), "U.S.");
        assert_eq!(clean("Bank of America (BofA)"), "Bank of America (BofA)");
        assert_eq!(clean("- Reuters"), "Reuters");
        assert_eq!(clean("Despite Reagan"), "Reagan");
        assert_eq!(clean("Behind Baker"), "Baker");
        assert_eq!(clean("Paul Volcker said"), "Paul Volcker");
    }

    #[test]
    fn shapes_that_name_nobody() {
        assert!(is_ticker("TPN.PA"));
        assert!(is_ticker("IBM.N"));
        assert!(!is_ticker("U.S."));
        assert!(!is_ticker("St.Louis"));
        assert!(is_not_a_name("P"));
        assert!(is_not_a_name("J."));
        assert!(!is_not_a_name("Li"));
        assert!(!is_not_a_name("U.S."));
        assert!(!is_not_a_name("F-16"));
        assert!(ends_like_organisation(
            "dairy farm international holdings ltd"
        ));
        assert!(ends_like_organisation("Electric Power Co"));
        assert!(ends_like_organisation("Dauphin Deposit Corp"));
        assert!(!ends_like_organisation("Ltd"));
        assert!(!ends_like_organisation("James Baker"));
    }
}

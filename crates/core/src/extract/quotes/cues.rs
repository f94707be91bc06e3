//! The words that signal speech and name speakers: speech verbs ("said", "told",
//! "concluded"), pronouns, titles ("Secretary General", "Sen."), the capitalised words that
//! open sentences or name organisations rather than people, and the words before a quoted
//! title ("the draft on", "a book titled").
//!
//! Each list is sorted and lowercase; all are merged once into one open-addressing table of
//! list bits, so a lookup costs one hash of the lowercased word whatever the lists' lengths.

use std::sync::OnceLock;

/// Inflected forms of verbs that report speech or writing.
#[rustfmt::skip]
const SPEECH_VERBS: &[&str] = &[
    "acknowledged", "acknowledges", "acknowledging", "added", "adding", "adds", "admits",
    "admitted", "admitting", "affirmed", "agreed", "agrees", "announced", "announces",
    "answered", "answers", "argued", "argues", "arguing", "ask", "asked", "asking", "asks",
    "asserted", "asserts", "assured", "assures", "barked", "boasted", "boasts", "called",
    "calling", "cautioned", "cautions", "chanted", "charged", "claimed", "claiming", "claims",
    "clarified", "commented", "comments", "complained", "complains", "conceded", "concedes",
    "concluded", "concludes", "concluding", "confirmed", "confirms", "contended", "contends",
    "continued", "continues", "countered", "counters", "cracked", "cried", "declared",
    "declares", "declaring", "demanded", "demands", "elaborated", "emailed", "emphasised",
    "emphasized", "emphasizes", "exclaimed", "explained", "explaining", "explains", "fumed",
    "goes", "griped", "gushed", "insisted", "insisting", "insists", "interjected",
    "interrupted", "joked", "jokes", "joking", "lamented", "laments", "laughed", "maintained",
    "maintains", "marveled", "marvelled", "mused", "muses", "noted", "notes", "noting",
    "observed", "observes", "opined", "pleaded", "pointed", "points", "posted", "predicted",
    "predicts", "pressed", "proclaimed", "promised", "promises", "quipped", "quips", "reacted",
    "read", "reads", "recalled", "recalling", "recalls", "recounted", "recounts", "reiterated",
    "reiterates", "remarked", "remarks", "reminded", "reminds", "replied", "replies",
    "replying", "reported", "reports", "responded", "responding", "responds", "retorted",
    "riffed", "said", "sang", "say", "saying", "says", "scoffed", "screamed", "shouted",
    "sighed", "sings", "snapped", "speculated", "stated", "states", "stressed", "stresses",
    "stressing", "suggested", "suggests", "tell", "telling", "tells", "testified", "texted",
    "thundered", "told", "tweeted", "tweets", "urged", "urges", "vowed", "vows", "warned",
    "warning", "warns", "went", "whispered", "wondered", "wonders", "write", "writes",
    "writing", "wrote", "yelled"
];

/// Words between a speaker and the speech verb ("he *also* said", "Zas *has* said").
#[rustfmt::skip]
const HELPERS: &[&str] = &[
    "again", "already", "also", "bluntly", "did", "does", "earlier", "even", "firmly", "flatly",
    "further", "had", "has", "have", "is", "just", "later", "often", "once", "only",
    "previously", "privately", "publicly", "quickly", "recently", "repeatedly", "reportedly",
    "simply", "still", "then", "was", "will", "would"
];

/// Personal pronouns that can stand for a speaker.
#[rustfmt::skip]
const PRONOUNS: &[&str] = &[
    "he", "i", "it", "she", "they", "we", "you"
];

/// Titles, ranks and roles that precede or describe a person.
#[rustfmt::skip]
const TITLES: &[&str] = &[
    "activist", "adm", "admiral", "adviser", "advisor", "aide", "ambassador", "analyst",
    "anchor", "assistant", "attorney", "author", "ayatollah", "bishop", "brother", "candidate",
    "capt", "captain", "cardinal", "ceo", "chair", "chairman", "chairperson", "chairwoman",
    "chancellor", "chief", "chief-executive", "co-founder", "coach", "col", "colonel",
    "columnist", "commander", "commissioner", "congressman", "congresswoman", "correspondent",
    "counsel", "dame", "dean", "defence", "defense", "democratic", "deputy", "detective",
    "director", "dr", "economist", "editor", "emir", "envoy", "executive", "father", "finance",
    "foreign", "former", "founder", "gen", "general", "gop", "gov", "governor", "head", "host",
    "imam", "inspector", "interior", "judge", "justice", "king", "lady", "lawmaker", "lawyer",
    "leader", "lieutenant", "lord", "lt", "major", "manager", "mayor", "minister", "miss", "mr",
    "mrs", "ms", "nominee", "officer", "official", "pastor", "pollster", "pope", "premier",
    "president", "president-elect", "presidential", "press", "prime", "prince", "princess",
    "producer", "prof", "professor", "publisher", "queen", "rabbi", "rep", "reporter",
    "representative", "republican", "rev", "secretary", "secretary-general", "sen", "senator",
    "sergeant", "sgt", "sheikh", "sheriff", "sir", "sister", "speaker", "spokesman",
    "spokesperson", "spokeswoman", "state", "strategist", "superintendent", "treasurer", "vice"
];

/// Words naming institutions, places or events rather than people.
#[rustfmt::skip]
const ORGANISATION_WORDS: &[&str] = &[
    "abc", "act", "administration", "agency", "airport", "alliance", "amendment", "america",
    "american", "americans", "ap", "army", "assembly", "association", "authority", "bank",
    "bill", "board", "bureau", "campaign", "capitol", "care", "caucus", "caucuses", "cbs",
    "center", "centre", "channel", "church", "city", "club", "cnn", "coalition", "coast",
    "college", "commission", "committee", "company", "conference", "congress", "convention",
    "corp", "council", "county", "court", "daily", "day", "debate", "declaration", "department",
    "facebook", "federation", "festival", "force", "forum", "foundation", "fox", "fund",
    "gazette", "google", "government", "group", "hall", "herald", "hospital", "house", "inc",
    "institute", "iowa", "island", "journal", "kingdom", "magazine", "media", "ministry",
    "mountain", "movement", "msnbc", "museum", "nations", "navy", "nbc", "network", "news",
    "obamacare", "office", "online", "organisation", "organization", "pact", "park",
    "parliament", "party", "police", "post", "press", "primary", "radio", "report", "republic",
    "reuters", "review", "revolution", "river", "school", "security", "senate", "service",
    "states", "street", "summit", "television", "times", "tower", "treaty", "tribune", "trust",
    "tv", "twitter", "union", "university", "valley", "war"
];

/// Capitalised words that do not start a name: sentence openers, months, weekdays.
#[rustfmt::skip]
const FUNCTION_WORDS: &[&str] = &[
    "a", "about", "according", "after", "against", "all", "also", "although", "am", "among",
    "an", "and", "apr", "april", "are", "as", "asked", "at", "aug", "august", "be", "because",
    "been", "before", "between", "both", "but", "by", "can", "could", "dec", "december",
    "despite", "did", "do", "does", "don't", "dr", "during", "each", "earlier", "even", "every",
    "feb", "february", "finally", "first", "for", "former", "friday", "from", "furthermore",
    "had", "has", "have", "he", "he's", "her", "here", "hey", "his", "how", "however", "i",
    "i'm", "i've", "if", "in", "indeed", "instead", "into", "is", "it", "it's", "its", "jan",
    "january", "jul", "july", "jun", "june", "just", "last", "later", "let", "let's", "like",
    "listen", "look", "many", "mar", "march", "may", "meanwhile", "might", "monday", "moreover",
    "mr", "mrs", "ms", "must", "my", "new", "next", "no", "not", "nov", "november", "now",
    "oct", "october", "of", "oh", "ok", "okay", "on", "one", "only", "or", "otherwise", "our",
    "over", "overall", "please", "pm", "said", "saturday", "says", "second", "sep", "sept",
    "september", "she", "she's", "should", "since", "so", "some", "speaking", "still", "sunday",
    "sure", "thank", "thanks", "that", "that's", "the", "their", "then", "there", "there's",
    "therefore", "these", "they", "they're", "third", "this", "those", "though", "through",
    "thursday", "thus", "to", "today", "told", "tomorrow", "tuesday", "under", "until", "was",
    "we", "we're", "we've", "wednesday", "well", "were", "what", "when", "where", "which",
    "while", "who", "why", "will", "with", "within", "without", "would", "yes", "yesterday",
    "yet", "you", "you're", "your"
];

/// Words before a quoted title or term rather than speech ("the draft on", "titled").
#[rustfmt::skip]
const TITLE_INTRODUCERS: &[&str] = &[
    "about", "act", "album", "article", "as", "bill", "book", "branded", "called", "campaign",
    "column", "declaration", "document", "dubbed", "entitled", "essay", "film", "hashtag",
    "headline", "headlined", "labeled", "labelled", "law", "motto", "movie", "named",
    "nicknamed", "of", "on", "op-ed", "phrase", "program", "programme", "report", "resolution",
    "show", "slogan", "song", "term", "titled", "word", "words"
];

/// Words that end a speaker phrase read from a speech verb ("said Zas *in* a statement").
#[rustfmt::skip]
const PHRASE_ENDS: &[&str] = &[
    "about", "added", "adding", "after", "and", "as", "at", "because", "before", "but",
    "during", "earlier", "friday", "from", "had", "has", "if", "in", "into", "is", "last",
    "later", "monday", "on", "recently", "said", "saturday", "says", "since", "sunday", "than",
    "that", "this", "through", "thursday", "to", "today", "told", "tonight", "tuesday", "via",
    "was", "wednesday", "when", "where", "which", "while", "who", "whose", "will", "with",
    "would", "yesterday"
];

/// One bit per list, so one lookup answers every question about a word.
const SPEECH: u8 = 1;
const HELPER: u8 = 1 << 1;
const PRONOUN: u8 = 1 << 2;
const TITLE: u8 = 1 << 3;
const ORGANISATION: u8 = 1 << 4;
const FUNCTION: u8 = 1 << 5;
const INTRODUCER: u8 = 1 << 6;
const PHRASE_END: u8 = 1 << 7;

/// A word as a lookup key: up to 24 bytes, ASCII-lowercased, zero-padded, as three words
/// so that comparing keys is three integer comparisons.
type Key = [u64; 3];

/// Longest listed word, in bytes; longer tokens are in no list.
const MAX_WORD: usize = 24;

/// The key of `word`: each eight bytes, lowercased, as a little-endian word. Each word is
/// assembled in a register: writing bytes to a buffer and reading it back as words stalls
/// the processor (a wide read cannot be forwarded from narrow writes).
fn key_of(word: &str) -> Option<Key> {
    if word.len() > MAX_WORD {
        return None;
    }
    let mut key = [0; 3];
    for (lane, eight) in key.iter_mut().zip(word.as_bytes().chunks(8)) {
        *lane = eight.iter().rev().fold(0, |lane, &byte| {
            lane << 8 | u64::from(byte.to_ascii_lowercase())
        });
    }
    Some(key)
}

fn slot_of(key: &Key, mask: usize) -> usize {
    let mixed = (key[0] ^ key[1].rotate_left(21) ^ key[2].rotate_left(42))
        .wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (mixed >> 40) as usize & mask
}

/// Open-addressing table of every listed word and its list bits, built once. The bits are
/// kept apart from the keys: a probe that meets an empty slot, as most probes for unlisted
/// words do, reads only the small bits array, which stays in the nearest cache.
struct Lexicon {
    keys: Vec<Key>,
    bits: Vec<u8>,
    mask: usize,
}

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let lists: [(&[&'static str], u8); 8] = [
            (SPEECH_VERBS, SPEECH),
            (HELPERS, HELPER),
            (PRONOUNS, PRONOUN),
            (TITLES, TITLE),
            (ORGANISATION_WORDS, ORGANISATION),
            (FUNCTION_WORDS, FUNCTION),
            (TITLE_INTRODUCERS, INTRODUCER),
            (PHRASE_ENDS, PHRASE_END),
        ];
        // About a third full (674 words), so probes stay short.
        let size = 2048;
        let mut table = Lexicon {
            keys: vec![[0; 3]; size],
            bits: vec![0; size],
            mask: size - 1,
        };
        for (list, bit) in lists {
            for key in list.iter().filter_map(|word| key_of(word)) {
                let mut slot = slot_of(&key, table.mask);
                while table.bits[slot] != 0 && table.keys[slot] != key {
                    slot = (slot + 1) & table.mask;
                }
                table.keys[slot] = key;
                table.bits[slot] |= bit;
            }
        }
        table
    })
}

/// The list bits of `word`, ignoring ASCII case.
fn bits(word: &str) -> u8 {
    if !word.as_bytes().first().is_some_and(u8::is_ascii_alphabetic) {
        return 0;
    }
    let Some(key) = key_of(word) else {
        return 0;
    };
    let table = lexicon();
    let mut slot = slot_of(&key, table.mask);
    loop {
        let bits = table.bits[slot];
        if bits == 0 || table.keys[slot] == key {
            return bits;
        }
        slot = (slot + 1) & table.mask;
    }
}

fn listed(bit: u8, word: &str) -> bool {
    bits(word) & bit != 0
}

/// Whether a capitalised `word` can be part of a name: not a sentence opener or month,
/// unless it is also a title ("May" is both; "Mr" is a title). One lookup for both lists.
pub fn can_be_in_name(word: &str) -> bool {
    let bits = bits(word);
    bits & FUNCTION == 0 || bits & TITLE != 0
}

/// Whether `word` reports speech.
pub fn is_speech_verb(word: &str) -> bool {
    listed(SPEECH, word)
}

/// Words that may stand between a speaker and the speech verb: helpers and -ly adverbs.
pub fn is_verb_helper(word: &str) -> bool {
    listed(HELPER, word) || (word.len() > 4 && word.ends_with("ly"))
}

/// Personal pronouns that can stand for a speaker.
pub fn is_pronoun(word: &str) -> bool {
    listed(PRONOUN, word)
}

/// Titles, ranks and roles ("Secretary", "Gov.", "spokeswoman"); a trailing period is
/// ignored.
pub fn is_title_word(word: &str) -> bool {
    listed(TITLE, word.trim_end_matches('.'))
}

/// Title words that only qualify another title ("former", "Democratic", "Prime"), so a
/// description cannot end on one ("the GOP" is no person).
pub fn is_title_modifier(word: &str) -> bool {
    const MODIFIERS: &[&str] = &[
        "assistant",
        "defence",
        "defense",
        "democratic",
        "deputy",
        "executive",
        "finance",
        "foreign",
        "former",
        "gop",
        "interior",
        "presidential",
        "press",
        "prime",
        "republican",
        "state",
        "vice",
    ];
    let word = word.trim_end_matches('.');
    MODIFIERS.iter().any(|m| m.eq_ignore_ascii_case(word))
}

/// Words naming institutions, places or events: a capitalised run holding one is not a
/// person's name.
pub fn is_organisation_word(word: &str) -> bool {
    listed(ORGANISATION, word)
}

/// Capitalised words that do not start a name ("But", "The", "Monday").
pub fn is_capitalised_function_word(word: &str) -> bool {
    listed(FUNCTION, word)
}

/// Words that introduce a document's title or a term rather than speech.
pub fn introduces_title(word: &str) -> bool {
    listed(INTRODUCER, word)
}

/// Words that end a speaker phrase read rightwards from a speech verb.
pub fn ends_noun_phrase(word: &str) -> bool {
    listed(PHRASE_END, word)
}

/// Whether the token text is capitalised (its first letter is uppercase).
pub fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_is_sorted_lowercase_and_short() {
        let lists = [
            SPEECH_VERBS,
            HELPERS,
            PRONOUNS,
            TITLES,
            ORGANISATION_WORDS,
            FUNCTION_WORDS,
            TITLE_INTRODUCERS,
            PHRASE_ENDS,
        ];
        for list in lists {
            for pair in list.windows(2) {
                assert!(pair[0] < pair[1], "{pair:?}");
            }
            for word in list {
                assert_eq!(*word, word.to_lowercase());
                assert!(word.len() <= MAX_WORD);
            }
        }
    }

    #[test]
    fn keys_are_the_lowercased_bytes_as_little_endian_words() {
        let mut bytes = [0u8; MAX_WORD];
        bytes[..17].copy_from_slice(b"secretary-general");
        let lane = |i: usize| u64::from_le_bytes(bytes[i * 8..i * 8 + 8].try_into().unwrap());
        assert_eq!(
            key_of("Secretary-GENERAL"),
            Some([lane(0), lane(1), lane(2)])
        );
        assert_eq!(key_of(&"x".repeat(MAX_WORD + 1)), None);
    }

    #[test]
    fn speech_verbs_are_recognised_in_any_case() {
        assert!(is_speech_verb("said"));
        assert!(is_speech_verb("Concluded"));
        assert!(!is_speech_verb("refused"));
    }

    #[test]
    fn titles_ignore_a_trailing_period() {
        assert!(is_title_word("Gov."));
        assert!(is_title_word("Secretary"));
        assert!(!is_title_word("Zas"));
    }

    #[test]
    fn sentence_openers_and_weekdays_do_not_start_names() {
        assert!(is_capitalised_function_word("However"));
        assert!(is_capitalised_function_word("Tuesday"));
        assert!(!is_capitalised_function_word("Zas"));
    }
}

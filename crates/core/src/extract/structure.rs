//! The layout of an article body: a dateline or agency prefix, paragraphs, sentences and
//! tokens, each with exact byte spans into the article text.
//!
//! Linear in the text: one pass for tokens, one over tokens for sentences.

use crate::span::ByteSpan;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, with inner apostrophes, hyphens and periods (`don't`, `Azerbaijani-led`, `U.S.`).
    Word,
    /// Digits, with inner `.`, `,`, `:`, `/` and `-` (`5.93`, `155,221`, `11/23/2022`, `13-14`).
    Number,
    /// Any other single character that is not whitespace.
    Punct,
}

/// One token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Where it is.
    pub span: ByteSpan,
    /// What it is made of.
    pub kind: TokenKind,
}

/// One sentence: its span and its tokens (`tokens` indexes [`Document::tokens`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Where it is.
    pub span: ByteSpan,
    /// Its tokens, as a range of indices.
    pub tokens: std::ops::Range<usize>,
    /// Index of its paragraph in [`Document::paragraphs`].
    pub paragraph: usize,
}

/// A prefix before the story proper: `MOSCOW, Nov 24 (Reuters) -`, `WASHINGTON —`, `ArmInfo.`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dateline {
    /// The whole prefix, separator included.
    pub span: ByteSpan,
    /// The place, when it names one (`MOSCOW`).
    pub place: Option<ByteSpan>,
    /// The agency, when it names one (`Reuters`, `ArmInfo`).
    pub agency: Option<ByteSpan>,
}

/// An article body, segmented.
#[derive(Debug, Clone)]
pub struct Document<'a> {
    /// The whole article text (spans are into this).
    pub text: &'a str,
    /// Where the body is.
    pub body: ByteSpan,
    /// A prefix before the story, if any.
    pub dateline: Option<Dateline>,
    /// Paragraphs: separated by blank lines when the body has any, else by line breaks.
    pub paragraphs: Vec<ByteSpan>,
    /// Sentences in order; none crosses a paragraph.
    pub sentences: Vec<Sentence>,
    /// Tokens in order.
    pub tokens: Vec<Token>,
}

impl<'a> Document<'a> {
    /// Segments the `body` of `text`.
    pub fn parse(text: &'a str, body: ByteSpan) -> Self {
        let body = ByteSpan::new(body.start.min(text.len()), body.end.min(text.len()));
        let paragraphs = paragraphs(text, body);
        let dateline = paragraphs.first().and_then(|p| dateline(text, *p));
        // About one token per five bytes of news text: reserving that spares most regrowth.
        let mut tokens = Vec::with_capacity(body.len() / 5);
        let mut sentences = Vec::new();
        for (index, paragraph) in paragraphs.iter().enumerate() {
            let first = tokens.len();
            tokenize(text, *paragraph, &mut tokens);
            split_sentences(text, &tokens, first, index, &mut sentences);
        }
        Self {
            text,
            body,
            dateline,
            paragraphs,
            sentences,
            tokens,
        }
    }

    /// The text of a span.
    pub fn str(&self, span: ByteSpan) -> &'a str {
        span.slice(self.text)
    }

    /// The text of token `i`.
    pub fn token_str(&self, i: usize) -> &'a str {
        self.tokens.get(i).map_or("", |t| t.span.slice(self.text))
    }

    /// The sentence containing byte `at`, if any.
    pub fn sentence_at(&self, at: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= at);
        (i < self.sentences.len() && self.sentences[i].span.start <= at).then_some(i)
    }

    /// The paragraph containing byte `at`, if any.
    pub fn paragraph_at(&self, at: usize) -> Option<usize> {
        let i = self.paragraphs.partition_point(|p| p.end <= at);
        (i < self.paragraphs.len() && self.paragraphs[i].start <= at).then_some(i)
    }
}

fn paragraphs(text: &str, body: ByteSpan) -> Vec<ByteSpan> {
    let body_text = body.slice(text);
    let blank_separated = has_blank_line(body_text);
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut last_content_end = body.start;
    let mut pos = body.start;
    for line in split_lines(body_text) {
        let line_start = pos;
        pos += line.len();
        let content = line.trim_end_matches(['\n', '\r']);
        let is_blank = content.trim().is_empty();
        if is_blank {
            if let Some(s) = start.take() {
                out.push(trimmed(text, ByteSpan::new(s, last_content_end)));
            }
            continue;
        }
        if start.is_none() {
            start = Some(line_start);
        }
        last_content_end = line_start + content.len();
        if !blank_separated && let Some(s) = start.take() {
            out.push(trimmed(text, ByteSpan::new(s, last_content_end)));
        }
    }
    if let Some(s) = start {
        out.push(trimmed(text, ByteSpan::new(s, last_content_end)));
    }
    out.retain(|p| !p.is_empty());
    out
}

/// Whether a whitespace-only line follows another line (paragraphs are then blank-separated).
fn has_blank_line(s: &str) -> bool {
    split_lines(s).skip(1).any(|line| {
        let content = line.trim_end_matches(['\n', '\r']);
        content.trim().is_empty() && content.len() < line.len()
    })
}

/// Lines with their terminators, ending at `\n`, `\r\n` or a lone `\r` (classic Mac files).
fn split_lines(s: &str) -> impl Iterator<Item = &str> {
    let bytes = s.as_bytes();
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= bytes.len() {
            return None;
        }
        let from = start;
        let end = match line_break(&bytes[from..]).map(|i| from + i) {
            Some(i) if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') => i + 2,
            Some(i) => i + 1,
            None => bytes.len(),
        };
        start = end;
        Some(&s[from..end])
    })
}

/// The index of the first `\n` or `\r` in `bytes`. Read eight bytes at a time: a group
/// with no byte below 14, where both lie (and nothing common in prose but the tab), is
/// passed over whole.
fn line_break(bytes: &[u8]) -> Option<usize> {
    let is_break = |b: &u8| matches!(b, b'\n' | b'\r');
    let (groups, tail) = bytes.as_chunks::<8>();
    for (index, group) in groups.iter().enumerate() {
        if has_byte_below_14(u64::from_le_bytes(*group))
            && let Some(i) = group.iter().position(is_break)
        {
            return Some(index * 8 + i);
        }
    }
    let tail_start = groups.len() * 8;
    tail.iter().position(is_break).map(|i| tail_start + i)
}

/// Whether any of the eight bytes of `word` is below 14. Subtracting 14 from each byte
/// borrows into its top bit exactly when it was below 14 (or, with a borrow from below, just
/// above a byte that was), and `!word` drops bytes whose top bit was already set.
fn has_byte_below_14(word: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const TOP_BITS: u64 = 0x8080_8080_8080_8080;
    word.wrapping_sub(ONES * 14) & !word & TOP_BITS != 0
}

fn trimmed(text: &str, span: ByteSpan) -> ByteSpan {
    let s = span.slice(text);
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    ByteSpan::new(span.start + lead, (span.end - trail).max(span.start + lead))
}

/// Word characters: letters, digits, combining marks.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining(c)
}

fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// Characters between tokens: whitespace and the zero-width ones.
fn is_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{FEFF}' | '\u{200C}' | '\u{200D}')
}

/// What a character is to the tokenizer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// Between tokens ([`is_separator`]).
    Separator,
    /// A letter or digit of a word or number ([`is_word_char`]).
    Word,
    /// A token by itself, or an inner joiner.
    Other,
}

/// The class of every ASCII character, so the bulk of any news text costs one table read.
const ASCII_CLASSES: [Class; 128] = {
    let mut classes = [Class::Other; 128];
    let mut byte = 0;
    while byte < 128 {
        // The ASCII cases of `char::is_whitespace` and `char::is_alphanumeric`.
        if matches!(byte as u8, b' ' | b'\t'..=b'\r') {
            classes[byte] = Class::Separator;
        } else if (byte as u8).is_ascii_alphanumeric() {
            classes[byte] = Class::Word;
        }
        byte += 1;
    }
    classes
};

// Always: at opt-level "s" (the browser bundle) it was left a call in the tokenizer's loop.
#[inline(always)]
fn class_of(c: char) -> Class {
    match ASCII_CLASSES.get(c as usize) {
        Some(&class) => class,
        None if is_separator(c) => Class::Separator,
        None if is_word_char(c) => Class::Word,
        None => Class::Other,
    }
}

/// The character starting at byte `at` of `s`, and its length in bytes. ASCII is read
/// straight off the byte without UTF-8 decoding.
#[inline]
fn char_at(s: &str, at: usize) -> (char, usize) {
    match s.as_bytes()[at] {
        byte if byte.is_ascii() => (char::from(byte), 1),
        _ => {
            let c = s[at..].chars().next().unwrap_or_default();
            (c, c.len_utf8())
        }
    }
}

/// Splits `span` of `text` into tokens, appended to `out`.
pub fn tokenize(text: &str, span: ByteSpan, out: &mut Vec<Token>) {
    let s = span.slice(text);
    let mut i = 0;
    while i < s.len() {
        let (c, len) = char_at(s, i);
        let (end, kind) = match class_of(c) {
            Class::Separator => {
                i += len;
                continue;
            }
            Class::Word => word_or_number(s, i, c, len),
            Class::Other => (i + len, TokenKind::Punct),
        };
        out.push(Token {
            span: ByteSpan::new(span.start + i, span.start + end),
            kind,
        });
        i = end;
    }
}

/// The end and kind of the word or number that starts at byte `start` of `s` with the word
/// character `first` (`first_len` bytes long).
fn word_or_number(s: &str, start: usize, first: char, first_len: usize) -> (usize, TokenKind) {
    let numeric = first.is_ascii_digit();
    let mut has_letter = !numeric;
    let mut end = start + first_len;
    while end < s.len() {
        // A run of ASCII letters and digits, the bulk of any word, takes one table read a byte.
        let run = ascii_word_run(&s.as_bytes()[end..]);
        if numeric && !has_letter {
            has_letter = run.iter().any(u8::is_ascii_alphabetic);
        }
        end += run.len();
        if end == s.len() {
            break;
        }
        let (d, len) = char_at(s, end);
        if class_of(d) == Class::Word {
            has_letter |= d.is_alphabetic();
            end += len;
            continue;
        }
        // Inner joiners: kept when a word character follows directly.
        let joiner = if numeric && !has_letter {
            matches!(d, '.' | ',' | ':' | '/' | '-')
        } else {
            matches!(d, '\'' | '’' | '-' | '.' | '&')
        };
        if joiner && end + len < s.len() && class_of(char_at(s, end + len).0) == Class::Word {
            end += len;
            continue;
        }
        // A period ending an abbreviation made of initials (`U.S.`) belongs to it.
        if d == '.' && !numeric && is_initialism(&s[start..end]) {
            end += 1;
        }
        break;
    }
    let kind = if numeric && !has_letter {
        TokenKind::Number
    } else {
        TokenKind::Word
    };
    (end, kind)
}

/// The ASCII letters and digits that `bytes` starts with.
fn ascii_word_run(bytes: &[u8]) -> &[u8] {
    let length = bytes
        .iter()
        .position(|&b| ASCII_CLASSES.get(usize::from(b)) != Some(&Class::Word))
        .unwrap_or(bytes.len());
    &bytes[..length]
}

/// `U.S`, `U.N`, `e.g`: single letters joined by periods. Read character by character, so a
/// plain word is rejected at its second letter.
fn is_initialism(word: &str) -> bool {
    let mut chars = word.chars();
    let mut letters = 0;
    loop {
        match chars.next() {
            Some(c) if c != '.' => letters += 1,
            _ => return false,
        }
        match chars.next() {
            None => return letters >= 2,
            Some('.') => {}
            Some(_) => return false,
        }
    }
}

/// Words after which a period does not end a sentence, in byte order for binary search.
#[rustfmt::skip]
const ABBREVIATIONS: &[&str] = &[
    "Adm", "Apr", "Ariz", "Assn", "Aug", "Ave", "Blvd", "Bros", "Calif", "Capt", "Cmdr", "Co",
    "Col", "Colo", "Conn", "Corp", "Cpl", "Dec", "Del", "Dept", "Det", "Dr", "Feb", "Fla", "Ft",
    "Gen", "Gov", "Hon", "Ill", "Inc", "Ind", "Insp", "Jan", "Jr", "Jul", "Jun", "Kan", "Lt", "Ltd",
    "Maj", "Mar", "Mass", "Messrs", "Mich", "Minn", "Miss", "Mlle", "Mme", "Mr", "Mrs", "Ms", "Mt",
    "Nev", "No", "Nos", "Nov", "Oct", "Okla", "Ore", "Pa", "Pres", "Prof", "Pvt", "Rd", "Rep",
    "Rev", "Rt", "Sen", "Sep", "Sept", "Sgt", "Sr", "St", "Supt", "Tenn", "Tex", "Univ", "Va",
    "Wash", "Wis", "Wyo", "al", "approx", "ca", "cf", "etc", "v", "vs",
];

/// The longest abbreviation, in bytes: longer words need no lookup.
const LONGEST_ABBREVIATION: usize = 6;

/// Whether the word token `word` followed by `.` is an abbreviation rather than a sentence end.
pub fn is_abbreviation(word: &str) -> bool {
    (word.len() <= LONGEST_ABBREVIATION && ABBREVIATIONS.binary_search(&word).is_ok())
        || is_initialism(word.trim_end_matches('.'))
        || is_single_capital(word)
}

/// A lone uppercase letter: an initial (`J.`).
fn is_single_capital(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase())
}

fn split_sentences(
    text: &str,
    tokens: &[Token],
    first: usize,
    paragraph: usize,
    out: &mut Vec<Sentence>,
) {
    let mut start = first;
    let mut i = first;
    while i < tokens.len() {
        let t = tokens[i];
        let s = t.span.slice(text);
        // Every sentence end is `.`, `!`, `?` or ends in a non-ASCII byte: a token ending
        // in any other ASCII byte, as nearly all do, is passed over at once.
        if s.as_bytes()
            .last()
            .is_some_and(|&b| b.is_ascii() && !matches!(b, b'.' | b'!' | b'?'))
        {
            i += 1;
            continue;
        }
        // Full stops of scripts without spaces between sentences end one right there.
        let unspaced_terminal = matches!(s, "。" | "！" | "？" | "｡");
        let terminal = matches!(s, "." | "!" | "?" | "…" | "؟" | "۔" | "।")
            || unspaced_terminal
            || (t.kind == TokenKind::Word && s.ends_with('.') && s.len() > 1);
        let mut end = i + 1;
        if terminal {
            // Closing quotes and brackets stay with the sentence they close.
            while end < tokens.len()
                && tokens[end].span.start == tokens[end - 1].span.end
                && matches!(
                    tokens[end].span.slice(text),
                    "\"" | "”" | "’" | "'" | ")" | "»" | "]" | "」" | "』" | "）"
                )
            {
                end += 1;
            }
            let next = tokens.get(end);
            let gap_has_space = next.is_none_or(|n| n.span.start > tokens[end - 1].span.end);
            let next_starts_sentence = next.is_none_or(|n| {
                let ns = n.span.slice(text);
                let c = ns.chars().next().unwrap_or(' ');
                // Letters of scripts without case (Arabic, Devanagari, CJK) start sentences too.
                (c.is_alphabetic() && !c.is_lowercase())
                    || c.is_ascii_digit()
                    || matches!(c, '"' | '“' | '‘' | '\'' | '(' | '«' | '-' | '—')
            });
            let abbreviation = s == "." && i > first && {
                let prev = tokens[i - 1];
                prev.span.end == t.span.start
                    && prev.kind == TokenKind::Word
                    && is_abbreviation(prev.span.slice(text))
            };
            let abbreviation_token = s != "." && s.ends_with('.') && {
                // `U.S.` ends a sentence only before a capitalised word that is not a name-like
                // continuation; keep it simple: an initialism ends a sentence at paragraph end or
                // before a quote.
                next.is_some()
            };
            if unspaced_terminal
                || (gap_has_space && next_starts_sentence && !abbreviation && !abbreviation_token)
            {
                push_sentence(tokens, start, end, paragraph, out);
                start = end;
            }
        }
        i = end;
    }
    if start < tokens.len() {
        push_sentence(tokens, start, tokens.len(), paragraph, out);
    }
}

fn push_sentence(
    tokens: &[Token],
    start: usize,
    end: usize,
    paragraph: usize,
    out: &mut Vec<Sentence>,
) {
    if start < end {
        out.push(Sentence {
            span: ByteSpan::new(tokens[start].span.start, tokens[end - 1].span.end),
            tokens: start..end,
            paragraph,
        });
    }
}

/// A dateline or agency prefix at the start of the first paragraph.
pub fn dateline(text: &str, first_paragraph: ByteSpan) -> Option<Dateline> {
    let p = first_paragraph.slice(text);
    let base = first_paragraph.start;
    // "ArmInfo.The …": an agency glued to the first sentence. Only a period within the
    // longest agency name's reach can end one, so the search stops there.
    let first_period = p
        .as_bytes()
        .iter()
        .take(LONGEST_AGENCY + 1)
        .position(|&b| b == b'.');
    if let Some(dot) = first_period {
        let name = &p[..dot];
        let after = p[dot + 1..].chars().next();
        if (2..=LONGEST_AGENCY).contains(&name.len())
            && name.chars().next().is_some_and(char::is_uppercase)
            && name
                .chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == ' ')
            && name.split(' ').count() <= 3
            && after.is_some_and(|c| c.is_uppercase() || c == '"' || c == '“')
            && !is_initialism(name)
        {
            let agency = ByteSpan::new(base, base + dot);
            return Some(Dateline {
                span: ByteSpan::new(base, base + dot + 1),
                place: None,
                agency: Some(agency),
            });
        }
    }
    // "MOSCOW, Nov 24 (Reuters) - …", "WASHINGTON — …", "LONDON (AP) -- …".
    let head_len = p.char_indices().nth(120).map_or(p.len(), |(i, _)| i);
    let head = &p[..head_len];
    let (sep_at, sep_len) = dateline_separator(head)?;
    let prefix = &head[..sep_at];
    let place_end = prefix.find([',', '(']).unwrap_or(prefix.len());
    let place = prefix[..place_end].trim_end();
    let letters: Vec<char> = place.chars().filter(|c| c.is_alphabetic()).collect();
    let shouty =
        !letters.is_empty() && letters.iter().all(|c| c.is_uppercase()) && letters.len() >= 2;
    if !shouty || place.split_whitespace().count() > 4 {
        return None;
    }
    let agency = prefix.find('(').and_then(|open| {
        let close = prefix[open..].find(')')? + open;
        Some(ByteSpan::new(base + open + 1, base + close))
    });
    Some(Dateline {
        span: ByteSpan::new(base, base + sep_at + sep_len),
        place: Some(ByteSpan::new(base, base + place.len())),
        agency,
    })
}

/// The longest agency name glued to the first sentence, in bytes.
const LONGEST_AGENCY: usize = 40;

/// The first separator ending a dateline in `head`, ` - `, ` -- `, ` —` or ` –` (a dash's
/// trailing space is left out): where it starts and its length. One pass over the bytes.
fn dateline_separator(head: &str) -> Option<(usize, usize)> {
    let bytes = head.as_bytes();
    (0..bytes.len())
        .filter(|&i| bytes[i] == b' ')
        .find_map(|i| {
            // A space is one byte, so the text after it starts on a character boundary.
            let rest = &head[i + 1..];
            if rest.starts_with("- ") {
                Some((i, 3))
            } else if rest.starts_with("-- ") || rest.starts_with(['—', '–']) {
                Some((i, 4))
            } else {
                None
            }
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Document<'_> {
        Document::parse(text, ByteSpan::new(0, text.len()))
    }

    fn words<'a>(d: &Document<'a>) -> Vec<&'a str> {
        (0..d.tokens.len()).map(|i| d.token_str(i)).collect()
    }

    #[test]
    fn tokens_keep_abbreviations_numbers_and_hyphenated_words() {
        let d = doc(
            "U.S. troops, 155,221 bags (5.93 mln) on 11/23/2022; Armenian-Azerbaijani border didn't move.",
        );
        assert_eq!(
            words(&d),
            [
                "U.S.",
                "troops",
                ",",
                "155,221",
                "bags",
                "(",
                "5.93",
                "mln",
                ")",
                "on",
                "11/23/2022",
                ";",
                "Armenian-Azerbaijani",
                "border",
                "didn't",
                "move",
                "."
            ]
        );
    }

    #[test]
    fn sentences_do_not_end_at_titles_initials_or_month_abbreviations() {
        let d = doc(
            "Gen. J. Smith met envoys on Nov. 3 in the U.S. capital. \"We agree,\" he said. Then he left!",
        );
        let sentences: Vec<_> = d.sentences.iter().map(|s| d.str(s.span)).collect();
        assert_eq!(
            sentences,
            [
                "Gen. J. Smith met envoys on Nov. 3 in the U.S. capital.",
                "\"We agree,\" he said.",
                "Then he left!"
            ]
        );
    }

    #[test]
    fn paragraphs_follow_blank_lines_or_else_line_breaks() {
        let d = doc("One.\nStill one.\n\nTwo.\r\n\r\nThree.");
        assert_eq!(
            d.paragraphs.iter().map(|p| d.str(*p)).collect::<Vec<_>>(),
            ["One.\nStill one.", "Two.", "Three."]
        );
        let d = doc("First line.\nSecond line.");
        assert_eq!(d.paragraphs.len(), 2);
        let d = doc("Classic Mac.\rSecond paragraph.\r\rThird.");
        assert_eq!(
            d.paragraphs.iter().map(|p| d.str(*p)).collect::<Vec<_>>(),
            ["Classic Mac.\rSecond paragraph.", "Third."]
        );
    }

    #[test]
    fn sentences_end_at_cjk_full_stops_and_before_uncased_scripts() {
        let sentences = |text: &str| {
            let d = Document::parse(text, ByteSpan::new(0, text.len()));
            d.sentences
                .iter()
                .map(|s| d.str(s.span).to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            sentences("北京今天下雨。明天会晴。"),
            ["北京今天下雨。", "明天会晴。"]
        );
        assert_eq!(
            sentences("مرحبا بالعالم. هذا نص عربي؟"),
            ["مرحبا بالعالم.", "هذا نص عربي؟"]
        );
        assert_eq!(sentences("He left. 北京很大。"), ["He left.", "北京很大。"]);
    }

    #[test]
    fn datelines_and_glued_agencies_are_found() {
        let d = doc("MOSCOW, Nov 24 (Reuters) - The ministry said.");
        let dl = d.dateline.clone().unwrap();
        assert_eq!(d.str(dl.place.unwrap()), "MOSCOW");
        assert_eq!(d.str(dl.agency.unwrap()), "Reuters");
        assert_eq!(d.str(dl.span), "MOSCOW, Nov 24 (Reuters) - ");
        let d = doc("ArmInfo.The CSTO is not going to leave Armenia.");
        assert_eq!(
            d.str(d.dateline.clone().unwrap().agency.unwrap()),
            "ArmInfo"
        );
        let d = doc("WASHINGTON — The Senate voted.");
        assert_eq!(
            d.str(d.dateline.clone().unwrap().place.unwrap()),
            "WASHINGTON"
        );
        assert!(doc("The CSTO - a bloc - met.").dateline.is_none());
        let d = doc("LONDON (AP) -- Rain fell.");
        assert_eq!(d.str(d.dateline.clone().unwrap().span), "LONDON (AP) -- ");
        let d = doc("KYIV – The war went on.");
        assert_eq!(d.str(d.dateline.clone().unwrap().span), "KYIV –");
    }

    #[test]
    fn abbreviations_are_sorted_unique_and_no_longer_than_the_longest() {
        for pair in ABBREVIATIONS.windows(2) {
            assert!(pair[0] < pair[1], "{pair:?}");
        }
        let longest = ABBREVIATIONS.iter().map(|a| a.len()).max();
        assert_eq!(longest, Some(LONGEST_ABBREVIATION));
        assert!(is_abbreviation("Messrs") && is_abbreviation("J") && is_abbreviation("U.S."));
        assert!(!is_abbreviation("said") && !is_abbreviation("mr") && !is_abbreviation("US"));
    }

    #[test]
    fn line_breaks_are_found_in_any_of_eight_places() {
        for byte in 0..=u8::MAX {
            for place in 0..8 {
                let mut group = [b'a'; 8];
                group[place] = byte;
                assert_eq!(has_byte_below_14(u64::from_le_bytes(group)), byte < 14);
            }
        }
        let text = "tab\tbefore é a long line\r\nand\rthen\n\nend";
        for from in 0..text.len() {
            let bytes = &text.as_bytes()[from..];
            let expected = bytes.iter().position(|&b| b == b'\n' || b == b'\r');
            assert_eq!(line_break(bytes), expected, "{from}");
        }
    }

    #[test]
    fn text_without_punctuation_is_one_sentence_per_paragraph() {
        let text = "word ".repeat(10_000);
        let d = doc(&text);
        assert_eq!(d.sentences.len(), 1);
        assert_eq!(d.tokens.len(), 10_000);
    }
}

//! What the tagger sees of each token: hashed features of the word, its shape, affixes,
//! neighbours, list membership and how the same word is written elsewhere in the document
//! (the cure for sentence-initial words and ALL-CAPS headlines).
//!
//! Each feature is a 64-bit hash of a template number and a value; the model maps it to a
//! weight row. The label-dependent features (previous predictions) are added while decoding.

use super::gazetteer::{self, Marks};
use super::hashing::{HashedMap, hash_str, mix};
use super::tokens::NerText;
use std::ops::Range;

/// Feature hashes of every token of a document (without the label-dependent ones).
#[derive(Debug, Default)]
pub struct DocFeatures {
    /// All features, token after token.
    pub features: Vec<u64>,
    /// Where each token's features start in `features` (one extra entry at the end).
    pub starts: Vec<u32>,
    /// Lowercase hash of each token (for label-dependent features).
    pub lower: Vec<u64>,
    /// Shape hash of each token (for label-dependent features).
    pub shape: Vec<u64>,
}

impl DocFeatures {
    /// The static features of token `i`.
    pub fn of(&self, i: usize) -> &[u64] {
        let start = self.starts[i] as usize;
        let end = self.starts[i + 1] as usize;
        &self.features[start..end]
    }
}

/// How a token is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Case {
    /// No letters.
    None = 0,
    /// All letters lowercase.
    Lower = 1,
    /// First letter uppercase, some lowercase.
    Title = 2,
    /// All letters uppercase.
    Upper = 3,
    /// Lowercase first, uppercase later (`iPhone`, `de`).
    Mixed = 4,
}

fn case_of(word: &str) -> Case {
    let mut letters = word.chars().filter(|c| c.is_alphabetic());
    let Some(first) = letters.next() else {
        return Case::None;
    };
    let (mut upper, mut lower) = (first.is_uppercase(), first.is_lowercase());
    let mut rest_upper = false;
    let mut rest_lower = false;
    for c in letters {
        rest_upper |= c.is_uppercase();
        rest_lower |= c.is_lowercase();
    }
    upper &= !rest_lower;
    lower &= !rest_upper;
    match (first.is_uppercase(), upper, lower) {
        (true, true, _) => Case::Upper,
        (true, false, _) => Case::Title,
        (false, _, true) => Case::Lower,
        _ => Case::Mixed,
    }
}

/// Word shape: `Xx`, `X.X.`, `d,d`, `x-Xx`, with runs of one class collapsed (`long` keeps
/// runs up to three).
fn shape(word: &str, long: bool) -> u64 {
    let mut h = 0x51A9E_u64;
    let mut last = '\0';
    let mut run = 0;
    let max_run = if long { 3 } else { 1 };
    for c in word.chars().take(32) {
        let class = if c.is_uppercase() {
            'X'
        } else if c.is_alphabetic() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        run = if class == last { run + 1 } else { 1 };
        last = class;
        if run <= max_run {
            h = mix(h, class as u64);
        }
    }
    h
}

/// Hashes of the first and last 1-4 characters of the lowercase word.
fn affixes(lowered: &str) -> [u64; 8] {
    let mut out = [0u64; 8];
    // Byte offsets after the first n characters, and before the last n characters.
    let mut heads = [lowered.len(); 4];
    for (n, (i, c)) in lowered.char_indices().take(4).enumerate() {
        heads[n] = i + c.len_utf8();
    }
    let mut tails = [0usize; 4];
    for (n, (i, _)) in lowered.char_indices().rev().take(4).enumerate() {
        tails[n] = i;
    }
    let chars = lowered.chars().take(4).count();
    for n in 0..4 {
        let k = n.min(chars.saturating_sub(1));
        out[n] = mix(n as u64 + 1, hash_str(&lowered[..heads[k]]));
        out[n + 4] = mix(n as u64 + 9, hash_str(&lowered[tails[k]..]));
    }
    out
}

/// Per-document spelling evidence for a lowercase word, from mid-sentence occurrences in
/// sentences that are not in capitals.
const SEEN_LOWER: u8 = 1;
const SEEN_TITLE: u8 = 2;
const SEEN_UPPER: u8 = 4;

/// Whether a sentence is written in capitals (a headline): almost no lowercase letters.
fn is_shouting(text: &str, ner: &NerText, sentence: &Range<usize>) -> bool {
    let (mut upper, mut lower) = (0usize, 0usize);
    for t in &ner.tokens[sentence.clone()] {
        for c in t.span.slice(text).chars() {
            upper += usize::from(c.is_uppercase());
            lower += usize::from(c.is_lowercase());
        }
    }
    upper >= 6 && lower * 10 < upper
}

/// Static information of one token, computed once.
#[derive(Debug, Clone, Copy)]
struct TokenInfo {
    lower: u64,
    shape: u64,
    long_shape: u64,
    affixes: [u64; 8],
    case: Case,
    length: u64,
}

/// Computes the features of every token of `ner` over `text`.
pub fn extract(text: &str, ner: &NerText) -> DocFeatures {
    let n = ner.tokens.len();
    let mut lowered = String::new();
    let infos: Vec<TokenInfo> = ner
        .tokens
        .iter()
        .map(|t| {
            let word = t.span.slice(text);
            lowered.clear();
            lowered.extend(word.chars().flat_map(char::to_lowercase));
            TokenInfo {
                lower: t.lower,
                shape: shape(word, false),
                long_shape: shape(word, true),
                affixes: affixes(&lowered),
                case: case_of(word),
                length: word.chars().count().min(8) as u64,
            }
        })
        .collect();
    let shouting: Vec<bool> = ner
        .sentences
        .iter()
        .map(|s| is_shouting(text, ner, s))
        .collect();
    let mut seen: HashedMap<u8> = HashedMap::default();
    for (sentence, &shout) in ner.sentences.iter().zip(&shouting) {
        if shout {
            continue;
        }
        let mid_sentence = sentence.start + 1..sentence.end;
        for (info, token) in infos[mid_sentence.clone()]
            .iter()
            .zip(&ner.tokens[mid_sentence])
        {
            let bit = match info.case {
                Case::Lower => SEEN_LOWER,
                Case::Title => SEEN_TITLE,
                Case::Upper if token.span.len() > 1 => SEEN_UPPER,
                _ => continue,
            };
            *seen.entry(info.lower).or_insert(0) |= bit;
        }
    }
    let marks = gazetteer::mark(ner);
    let mut out = DocFeatures {
        features: Vec::with_capacity(n * 48),
        starts: Vec::with_capacity(n + 1),
        lower: infos.iter().map(|i| i.lower).collect(),
        shape: infos.iter().map(|i| i.shape).collect(),
    };
    for (sentence, &shout) in ner.sentences.iter().zip(&shouting) {
        for i in sentence.clone() {
            out.starts.push(out.features.len() as u32);
            let context = Context {
                infos: &infos,
                marks: &marks,
                sentence: sentence.clone(),
                shout,
                seen: seen.get(&infos[i].lower).copied().unwrap_or(0),
            };
            context.push_features(i, &mut out.features);
        }
    }
    out.starts.push(out.features.len() as u32);
    out
}

/// Everything one token's features are computed from.
struct Context<'a> {
    infos: &'a [TokenInfo],
    marks: &'a [Marks],
    sentence: Range<usize>,
    shout: bool,
    seen: u8,
}

/// Stand-ins for tokens before the sentence start and after its end.
const BEFORE: u64 = 0x00B0_5B05;
const AFTER: u64 = 0x00E0_5E05;

impl Context<'_> {
    fn at(&self, i: usize, offset: isize) -> Option<&TokenInfo> {
        let j = i.checked_add_signed(offset)?;
        self.sentence.contains(&j).then(|| &self.infos[j])
    }

    fn lower(&self, i: usize, offset: isize) -> u64 {
        self.at(i, offset)
            .map_or(if offset < 0 { BEFORE } else { AFTER }, |t| t.lower)
    }

    fn shape(&self, i: usize, offset: isize) -> u64 {
        self.at(i, offset)
            .map_or(if offset < 0 { BEFORE } else { AFTER }, |t| t.shape)
    }

    fn marks(&self, i: usize, offset: isize) -> Marks {
        i.checked_add_signed(offset)
            .filter(|j| self.sentence.contains(j))
            .map_or(0, |j| self.marks[j])
    }

    fn push_features(&self, i: usize, out: &mut Vec<u64>) {
        let me = &self.infos[i];
        let initial = i == self.sentence.start;
        let mut push = |template: u64, value: u64| out.push(mix(template, value));
        push(0, 0);
        push(1, me.lower);
        push(2, me.shape);
        push(3, me.long_shape);
        for (k, affix) in me.affixes.iter().enumerate() {
            push(4 + k as u64, *affix);
        }
        push(12, self.lower(i, -1));
        push(13, self.lower(i, 1));
        push(14, self.lower(i, -2));
        push(15, self.lower(i, 2));
        push(16, self.shape(i, -1));
        push(17, self.shape(i, 1));
        push(18, self.shape(i, -2));
        push(19, self.shape(i, 2));
        push(20, mix(mix(self.shape(i, -1), me.shape), self.shape(i, 1)));
        push(21, mix(self.lower(i, -1), me.lower));
        push(22, mix(me.lower, self.lower(i, 1)));
        push(23, mix(u64::from(initial), me.shape));
        push(24, mix(self.lower(i, -1), me.shape));
        push(25, mix(me.shape, self.lower(i, 1)));
        push(26, mix(me.length, me.shape));
        let capitalised_by_position = initial || self.shout;
        push(
            27,
            mix(
                mix(u64::from(self.seen), me.case as u64),
                u64::from(capitalised_by_position),
            ),
        );
        if self.shout {
            push(28, me.lower);
            push(29, u64::from(self.seen));
        }
        for (template, offset) in [(30, 0), (31, -1), (32, 1)] {
            let marks = self.marks(i, offset);
            for bit in 0..16u64 {
                if marks & (1 << bit) != 0 {
                    push(template, mix(bit, u64::from(capitalised_by_position)));
                }
            }
        }
    }
}

/// Label-dependent features of token `i` given the two previous labels.
pub fn with_history(doc: &DocFeatures, i: usize, prev: u8, prev2: u8, out: &mut [u64; 5]) {
    let (prev, prev2) = (u64::from(prev), u64::from(prev2));
    out[0] = mix(100, prev);
    out[1] = mix(101, mix(prev2, prev));
    out[2] = mix(102, mix(prev, doc.lower[i]));
    out[3] = mix(103, mix(prev, doc.shape[i]));
    out[4] = mix(
        104,
        mix(prev, doc.lower.get(i + 1).copied().unwrap_or(AFTER)),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::structure::Document;
    use crate::span::ByteSpan;

    #[test]
    fn cases_are_told_apart() {
        assert_eq!(case_of("Zas"), Case::Title);
        assert_eq!(case_of("CSTO"), Case::Upper);
        assert_eq!(case_of("mission"), Case::Lower);
        assert_eq!(case_of("iPhone"), Case::Mixed);
        assert_eq!(case_of("2022"), Case::None);
        assert_eq!(case_of("Ереван"), Case::Title);
    }

    #[test]
    fn shapes_collapse_runs() {
        assert_eq!(shape("Armenia", false), shape("Zas", false));
        assert_ne!(shape("CSTO", false), shape("Zas", false));
        assert_ne!(shape("Armenia", true), shape("Zas", false));
    }

    #[test]
    fn every_token_gets_features() {
        let text = "SOCCER - JAPAN WIN.\nJapan beat Syria 2-1 in Abu Dhabi.";
        let doc = Document::parse(text, ByteSpan::new(0, text.len()));
        let ner = NerText::new(&doc);
        let features = extract(text, &ner);
        assert_eq!(features.starts.len(), ner.tokens.len() + 1);
        assert!((0..ner.tokens.len()).all(|i| features.of(i).len() > 20));
    }

    #[test]
    fn affixes_respect_char_boundaries() {
        let a = affixes("éé");
        assert_eq!(a[0], mix(1, hash_str("é")));
        assert_eq!(a[3], mix(4, hash_str("éé")));
    }
}

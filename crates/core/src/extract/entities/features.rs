//! What the tagger sees of each token: hashed features of the word, its shape, affixes,
//! neighbours, list membership and how the same word is written elsewhere in the document
//! (the cure for sentence-initial words and ALL-CAPS headlines).
//!
//! Each feature is a 64-bit hash of a template number and a value; the model maps it to a
//! weight row. The label-dependent features (previous predictions) are added while decoding.

use super::clusters::{self, Clusters};
use super::gazetteer::{self, Marks};
use super::hashing::{HashedMap, hash_str, mix};
use super::tokens::NerText;
use super::word::{Case, affixes, case_of, shape};
use std::ops::Range;

/// What the tagger reads about a document's tokens; implemented lazily for tagging
/// ([`DocContext`]) and precomputed for training ([`DocFeatures`]).
pub trait Source {
    /// Whether token `i` has no capital letter: such a token never starts a name, so the
    /// tagger labels it `O` unscored when the previous token is outside a name too.
    fn is_plain(&self, i: usize) -> bool;
    /// Appends the label-independent features of token `i` of `sentence` to `out`.
    fn static_features(&self, i: usize, sentence: &Range<usize>, out: &mut Vec<u64>);
    /// Lowercase hash of token `i` (or a stand-in past the end).
    fn lower(&self, i: usize) -> u64;
    /// Shape hash of token `i`.
    fn shape(&self, i: usize) -> u64;
}

/// Feature hashes of every token of a document, computed once (for training).
#[derive(Debug, Default)]
pub struct DocFeatures {
    features: Vec<u64>,
    starts: Vec<u32>,
    lower: Vec<u64>,
    shape: Vec<u64>,
    plain: Vec<bool>,
}

impl DocFeatures {
    /// Precomputes everything `context` would compute lazily.
    pub fn new(context: &DocContext<'_>, sentences: &[Range<usize>]) -> Self {
        let n = context.views.len();
        let mut out = Self {
            features: Vec::with_capacity(n * 48),
            starts: Vec::with_capacity(n + 1),
            lower: context.views.iter().map(|v| v.lower).collect(),
            shape: context.views.iter().map(|v| v.shape).collect(),
            plain: (0..n).map(|i| context.is_plain(i)).collect(),
        };
        for sentence in sentences {
            for i in sentence.clone() {
                out.starts.push(out.features.len() as u32);
                context.static_features(i, sentence, &mut out.features);
            }
        }
        out.starts.push(out.features.len() as u32);
        out
    }

    /// The static features of token `i`.
    pub fn of(&self, i: usize) -> &[u64] {
        let start = self.starts[i] as usize;
        let end = self.starts[i + 1] as usize;
        &self.features[start..end]
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.lower.len()
    }

    /// Whether there are no tokens.
    pub fn is_empty(&self) -> bool {
        self.lower.is_empty()
    }
}

impl Source for DocFeatures {
    fn is_plain(&self, i: usize) -> bool {
        self.plain[i]
    }
    fn static_features(&self, i: usize, _: &Range<usize>, out: &mut Vec<u64>) {
        out.extend_from_slice(self.of(i));
    }
    fn lower(&self, i: usize) -> u64 {
        self.lower.get(i).copied().unwrap_or(AFTER)
    }
    fn shape(&self, i: usize) -> u64 {
        self.shape.get(i).copied().unwrap_or(AFTER)
    }
}

/// Per-document spelling evidence for a lowercase word, from mid-sentence occurrences in
/// sentences that are not in capitals.
const SEEN_LOWER: u8 = 1;
const SEEN_TITLE: u8 = 2;
const SEEN_UPPER: u8 = 4;

/// Whether a sentence is a headline in title case (`Elizabeth Warren Hammers Wells Fargo
/// CEO`), as recent news sites write them: nearly every word of four letters or more after
/// the first is capitalised. Its capitals say little: a word the article writes in lower
/// case elsewhere is read as written so there too ([`DocContext::new`]).
fn is_title_case(text: &str, ner: &NerText, sentence: &Range<usize>) -> bool {
    let (mut capitalised, mut lowercase) = (0usize, 0usize);
    for t in ner.tokens[sentence.clone()].iter().skip(1) {
        let word = t.span.slice(text);
        let mut letters = word.chars();
        let Some(first) = letters.next().filter(|c| c.is_alphabetic()) else {
            continue;
        };
        if word.chars().count() < 4 || !letters.all(char::is_alphabetic) {
            continue;
        }
        if first.is_uppercase() {
            capitalised += 1;
        } else {
            lowercase += 1;
        }
    }
    capitalised >= 4 && lowercase * 5 <= capitalised
}

/// Whether a sentence is written in capitals (a headline): almost no lowercase letters.
fn is_shouting(text: &str, ner: &NerText, sentence: &Range<usize>) -> bool {
    let (mut upper, mut lower) = (0usize, 0usize);
    for t in &ner.tokens[sentence.clone()] {
        let word = t.span.slice(text);
        if word.is_ascii() {
            upper += word.bytes().filter(u8::is_ascii_uppercase).count();
            lower += word.bytes().filter(u8::is_ascii_lowercase).count();
        } else {
            upper += word.chars().filter(|c| c.is_uppercase()).count();
            lower += word.chars().filter(|c| c.is_lowercase()).count();
        }
        // Plainly not a headline: stop counting.
        if lower > 16 && lower * 10 >= upper.max(6) {
            return false;
        }
    }
    upper >= 6 && lower * 10 < upper
}

/// The cheap facts of every token (neighbours need them).
#[derive(Debug, Clone, Copy)]
struct TokenView {
    lower: u64,
    shape: u64,
    case: Case,
    /// Its word's fine and coarse clusters ([`clusters`]).
    fine: u16,
    coarse: u16,
}

/// A document prepared for lazy feature computation.
#[derive(Debug)]
pub struct DocContext<'t> {
    text: &'t str,
    ner: &'t NerText,
    views: Vec<TokenView>,
    marks: Vec<Marks>,
    /// Whether each sentence is written in capitals.
    shouting: Vec<bool>,
    /// Sentence index of each token.
    sentence_of: Vec<u32>,
    /// Spelling evidence for the lowercase forms of capitalised tokens.
    seen: HashedMap<u8>,
    /// Tokens of title-case headlines read as lower-case words.
    truecased: Vec<bool>,
}

impl<'t> DocContext<'t> {
    /// Prepares `ner` over `text`: linear, a few hash probes per capitalised token.
    pub fn new(text: &'t str, ner: &'t NerText) -> Self {
        let lowercase_shape = shape("a", false);
        let clusters = clusters::in_use();
        let mut views: Vec<TokenView> = ner
            .tokens
            .iter()
            .map(|t| view_of(t.span.slice(text), t.lower, lowercase_shape, clusters))
            .collect();
        let shouting: Vec<bool> = ner
            .sentences
            .iter()
            .map(|s| is_shouting(text, ner, s))
            .collect();
        let mut sentence_of = vec![0u32; views.len()];
        for (k, sentence) in ner.sentences.iter().enumerate() {
            sentence_of[sentence.clone()].fill(k as u32);
        }
        let capitalised_count = views.iter().filter(|v| !is_plain_case(v.case)).count();
        let mut seen: HashedMap<u8> =
            HashedMap::with_capacity_and_hasher(capitalised_count, Default::default());
        for view in views.iter().filter(|v| !is_plain_case(v.case)) {
            seen.insert(view.lower, 0);
        }
        // Most mid-sentence words are lowercase words never capitalised in the article: a
        // bit per hash bucket turns them away before the map is probed.
        let mut maybe_seen = [0u64; 64];
        for key in seen.keys() {
            maybe_seen[(*key as usize >> 6) & 63] |= 1 << (*key & 63);
        }
        let may_be_seen =
            |lower: u64| maybe_seen[(lower as usize >> 6) & 63] & (1 << (lower & 63)) != 0;
        for (sentence, &shout) in ner.sentences.iter().zip(&shouting) {
            if shout {
                continue;
            }
            let mid_sentence = sentence.start + 1..sentence.end;
            for (view, token) in views[mid_sentence.clone()]
                .iter()
                .zip(&ner.tokens[mid_sentence])
            {
                let bit = match view.case {
                    Case::Lower => SEEN_LOWER,
                    Case::Title => SEEN_TITLE,
                    Case::Upper if token.span.len() > 1 => SEEN_UPPER,
                    _ => continue,
                };
                if !may_be_seen(view.lower) {
                    continue;
                }
                if let Some(flags) = seen.get_mut(&view.lower) {
                    *flags |= bit;
                }
            }
        }
        // Title-case headlines, truecased: `Reportedly`, `Scrambling` and `Turnout`, written
        // in lower case in the story, are read as lower-case words; names stay capitalised.
        let mut truecased = vec![false; views.len()];
        for (sentence, &shout) in ner.sentences.iter().zip(&shouting) {
            if shout || !is_title_case(text, ner, sentence) {
                continue;
            }
            for i in sentence.clone() {
                let view = &mut views[i];
                let written_lower = seen
                    .get(&view.lower)
                    .is_some_and(|&flags| flags == SEEN_LOWER);
                if view.case == Case::Title && written_lower {
                    view.case = Case::Lower;
                    view.shape = lowercase_shape;
                    truecased[i] = true;
                }
            }
        }
        // After truecasing: the lists mark names among the words still capitalised.
        let capitalised: Vec<bool> = views.iter().map(|v| !is_plain_case(v.case)).collect();
        let marks = gazetteer::mark(ner, &capitalised);
        Self {
            text,
            ner,
            views,
            marks,
            shouting,
            sentence_of,
            seen,
            truecased,
        }
    }
}

/// The cheap facts of one token. A word of lowercase ASCII letters only (most tokens) has
/// the shape and case of `a` (`lowercase_shape`), known without looking at each letter twice.
fn view_of(word: &str, lower: u64, lowercase_shape: u64, clusters: &Clusters) -> TokenView {
    let (fine, coarse) = clusters.of(lower);
    let (shape, case) = if !word.is_empty() && word.bytes().all(|b| b.is_ascii_lowercase()) {
        (lowercase_shape, Case::Lower)
    } else {
        (shape(word, false), case_of(word))
    };
    TokenView {
        lower,
        shape,
        case,
        fine,
        coarse,
    }
}

fn is_plain_case(case: Case) -> bool {
    matches!(case, Case::Lower | Case::None)
}

impl DocContext<'_> {
    /// A key for the word of token `i` as written: two tokens with the same key have the
    /// same [`word_features`](Self::word_features), so their weights can be memoised.
    pub fn word_key(&self, i: usize) -> u64 {
        let key = hash_str(self.ner.tokens[i].span.slice(self.text));
        // A truecased word's own features are those of its lower-case form.
        if self.truecased[i] {
            mix(key, 0x7C)
        } else {
            key
        }
    }

    /// The features of token `i` that depend on its word alone, not on where it stands.
    pub fn word_features(&self, i: usize, out: &mut Vec<u64>) {
        let word = self.ner.tokens[i].span.slice(self.text);
        // Short ASCII words (nearly all) are lowered on the stack.
        let mut buffer = [0u8; 32];
        let owned: String;
        let lowered: &str = match buffer.get_mut(..word.len()) {
            Some(slot) if word.is_ascii() => {
                slot.copy_from_slice(word.as_bytes());
                slot.make_ascii_lowercase();
                std::str::from_utf8(slot).unwrap_or(word)
            }
            _ => {
                owned = word.chars().flat_map(char::to_lowercase).collect();
                &owned
            }
        };
        let me = &self.views[i];
        let mut push = |template: u64, value: u64| out.push(mix(template, value));
        push(1, me.lower);
        push(2, me.shape);
        push(
            3,
            shape(if self.truecased[i] { lowered } else { word }, true),
        );
        for (k, affix) in affixes(lowered).iter().enumerate() {
            push(4 + k as u64, *affix);
        }
        let length = word.chars().count().min(8) as u64;
        push(26, mix(length, me.shape));
        push(33, u64::from(me.fine));
        push(34, u64::from(me.coarse));
        push(37, mix(u64::from(me.coarse), me.shape));
    }

    /// The features of token `i` of `sentence` that depend on its neighbours, its place in
    /// the sentence and the rest of the document.
    pub fn context_features(&self, i: usize, sentence: &Range<usize>, emit: &mut impl FnMut(u64)) {
        let shout = self
            .shouting
            .get(self.sentence_of[i] as usize)
            .copied()
            .unwrap_or(false);
        let context = Context {
            views: &self.views,
            marks: &self.marks,
            sentence: sentence.clone(),
            shout,
            seen: self.seen.get(&self.views[i].lower).copied().unwrap_or(0),
        };
        context.push_features(i, emit);
    }
}

impl Source for DocContext<'_> {
    fn is_plain(&self, i: usize) -> bool {
        is_plain_case(self.views[i].case)
    }

    fn static_features(&self, i: usize, sentence: &Range<usize>, out: &mut Vec<u64>) {
        self.word_features(i, out);
        self.context_features(i, sentence, &mut |f| out.push(f));
    }

    fn lower(&self, i: usize) -> u64 {
        self.views.get(i).map_or(AFTER, |v| v.lower)
    }

    fn shape(&self, i: usize) -> u64 {
        self.views.get(i).map_or(AFTER, |v| v.shape)
    }
}

/// Everything one token's context features are computed from.
struct Context<'a> {
    views: &'a [TokenView],
    marks: &'a [Marks],
    sentence: Range<usize>,
    shout: bool,
    seen: u8,
}

/// Stand-ins for tokens before the sentence start and after its end.
const BEFORE: u64 = 0x00B0_5B05;
const AFTER: u64 = 0x00E0_5E05;

impl Context<'_> {
    fn at(&self, i: usize, offset: isize) -> Option<&TokenView> {
        let j = i.checked_add_signed(offset)?;
        self.sentence.contains(&j).then(|| &self.views[j])
    }

    /// `value` of the token `offset` from `i`, or the stand-in for beyond the sentence.
    fn neighbour(&self, i: usize, offset: isize, value: impl Fn(&TokenView) -> u64) -> u64 {
        self.at(i, offset)
            .map_or(if offset < 0 { BEFORE } else { AFTER }, value)
    }

    fn lower(&self, i: usize, offset: isize) -> u64 {
        self.neighbour(i, offset, |t| t.lower)
    }

    fn shape(&self, i: usize, offset: isize) -> u64 {
        self.neighbour(i, offset, |t| t.shape)
    }

    fn fine(&self, i: usize, offset: isize) -> u64 {
        self.neighbour(i, offset, |t| u64::from(t.fine))
    }

    fn coarse(&self, i: usize, offset: isize) -> u64 {
        self.neighbour(i, offset, |t| u64::from(t.coarse))
    }

    fn marks(&self, i: usize, offset: isize) -> Marks {
        i.checked_add_signed(offset)
            .filter(|j| self.sentence.contains(j))
            .map_or(0, |j| self.marks[j])
    }

    /// Every feature but the word's own ([`DocContext::word_features`]).
    fn push_features(&self, i: usize, emit: &mut impl FnMut(u64)) {
        let me = &self.views[i];
        let initial = i == self.sentence.start;
        let mut push = |template: u64, value: u64| emit(mix(template, value));
        push(0, 0);
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
        push(35, self.fine(i, -1));
        push(36, self.fine(i, 1));
        push(38, self.coarse(i, -1));
        push(39, self.coarse(i, 1));
        push(40, mix(self.fine(i, -1), u64::from(me.coarse)));
        push(41, mix(u64::from(me.coarse), self.fine(i, 1)));
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
            let mut marks = self.marks(i, offset);
            while marks != 0 {
                let bit = u64::from(marks.trailing_zeros());
                push(template, mix(bit, u64::from(capitalised_by_position)));
                marks &= marks - 1;
            }
        }
    }
}

/// Label-dependent features of token `i` given the two previous labels.
pub fn with_history(source: &impl Source, i: usize, prev: u8, prev2: u8, out: &mut [u64; 5]) {
    let (prev, prev2) = (u64::from(prev), u64::from(prev2));
    out[0] = mix(100, prev);
    out[1] = mix(101, mix(prev2, prev));
    out[2] = mix(102, mix(prev, source.lower(i)));
    out[3] = mix(103, mix(prev, source.shape(i)));
    out[4] = mix(104, mix(prev, source.lower(i + 1)));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::structure::Document;
    use crate::span::ByteSpan;

    #[test]
    fn every_token_gets_features() {
        let text = "SOCCER - JAPAN WIN.\nJapan beat Syria 2-1 in Abu Dhabi.";
        let doc = Document::parse(text, ByteSpan::new(0, text.len()));
        let ner = NerText::new(&doc);
        let context = DocContext::new(text, &ner);
        let features = DocFeatures::new(&context, &ner.sentences);
        assert_eq!(features.len(), ner.tokens.len());
        assert!((0..ner.tokens.len()).all(|i| features.of(i).len() > 20));
    }
}

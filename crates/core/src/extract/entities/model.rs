//! The trained tagger: a hashed table of quantised perceptron weights (one row of [`LABELS`]
//! weights per feature bucket) and greedy left-to-right BIO decoding.
//!
//! File format (little-endian), written by `train-ner` and checked on load:
//! `b"DNER"`, version `u8` (= 1), bucket bits `u8`, label count `u8` (= 9), reserved `u8`,
//! scale `f32`, stored row count `u32`, a bitmap of the `2^bits` buckets that have a row
//! (`u64` words), then each stored row as `labels` `i16` (real weight = `i16 × scale`).
//! Buckets no feature ever updated (most of them) cost one bit.

use super::features::{DocContext, Source, with_history};
use super::hashing::HashedMap;
use crate::extract::EntityKind;
use std::ops::Range;

/// Number of labels: `O`, then `B-` and `I-` for person, organisation, place, misc.
pub const LABELS: usize = 9;

/// The label of a token outside any name.
pub const OUTSIDE: u8 = 0;

/// Kinds in label order.
const KINDS: [EntityKind; 4] = [
    EntityKind::Person,
    EntityKind::Organization,
    EntityKind::Place,
    EntityKind::Misc,
];

/// The label beginning a name of `kind`.
pub fn begin(kind: EntityKind) -> u8 {
    1 + 2 * KINDS.iter().position(|k| *k == kind).unwrap_or(0) as u8
}

/// The label continuing a name of `kind`.
pub fn inside(kind: EntityKind) -> u8 {
    begin(kind) + 1
}

/// The kind of a non-`O` label.
pub fn kind_of(label: u8) -> Option<EntityKind> {
    (label != OUTSIDE)
        .then(|| KINDS.get(usize::from((label - 1) / 2)).copied())
        .flatten()
}

/// Whether `label` continues a name.
pub fn is_inside(label: u8) -> bool {
    label != OUTSIDE && (label - 1) % 2 == 1
}

/// Whether `label` may follow `prev` (an `I-` only continues its own kind).
pub fn allowed(prev: u8, label: u8) -> bool {
    !is_inside(label) || (prev != OUTSIDE && kind_of(prev) == kind_of(label))
}

/// Anything that scores a feature for every label.
pub trait Weights {
    /// Adds the weights of `feature` to `scores`.
    fn add(&self, feature: u64, scores: &mut [f32; LABELS]);
}

/// Why a weight file was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ModelError {
    /// Not a Dossier tagger file.
    #[error("not a tagger model (bad magic); retrain with `cargo run --release --bin train-ner`")]
    BadMagic,
    /// Made by another format version.
    #[error(
        "tagger model version {0}, expected 1; retrain with `cargo run --release --bin train-ner`"
    )]
    Version(u8),
    /// Header and size disagree.
    #[error("tagger model is truncated or has a bad header (expected {expected} bytes, got {got})")]
    Size {
        /// Bytes the header promises.
        expected: usize,
        /// Bytes present.
        got: usize,
    },
}

/// Header length in bytes: magic, version, bits, labels, reserved, scale, row count.
const HEADER: usize = 16;

/// Bytes per stored row.
const ROW_BYTES: usize = 2 * LABELS;

/// A tagger model, decoded from its file (see the module docs for the format).
#[derive(Debug, Clone)]
pub struct Model {
    bits: u32,
    /// Which buckets have a stored row, 64 per word.
    /// For each 64 buckets: which have a stored row, and how many rows are stored before
    /// them (side by side: one lookup reads both from one cache line).
    present: Vec<(u64, u32)>,
    /// The stored rows, `LABELS` steps each, decoded once (sums of `i16` rows vectorise).
    rows: Vec<[i16; LABELS]>,
}

impl Model {
    /// Reads a model, refusing anything malformed.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, ModelError> {
        if bytes.len() < HEADER || &bytes[..4] != b"DNER" {
            return Err(ModelError::BadMagic);
        }
        if bytes[4] != 1 {
            return Err(ModelError::Version(bytes[4]));
        }
        let bits = u32::from(bytes[5]);
        let labels = usize::from(bytes[6]);
        let scale = f32::from_le_bytes([bytes[8], bytes[9], bytes[10], bytes[11]]);
        let row_count = u32::from_le_bytes([bytes[12], bytes[13], bytes[14], bytes[15]]) as usize;
        let words = (1usize << bits.clamp(6, 30)) / 64;
        let expected = HEADER + 8 * words + row_count.saturating_mul(ROW_BYTES);
        let size_error = ModelError::Size {
            expected,
            got: bytes.len(),
        };
        if labels != LABELS
            || !(6..=30).contains(&bits)
            || !scale.is_finite()
            || bytes.len() != expected
        {
            return Err(size_error);
        }
        let mut present = Vec::with_capacity(words);
        let mut total = 0u32;
        for w in bytes[HEADER..HEADER + 8 * words].chunks_exact(8) {
            let word = u64::from_le_bytes([w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]]);
            present.push((word, total));
            total += word.count_ones();
        }
        if total as usize != row_count {
            return Err(size_error);
        }
        let rows = bytes[HEADER + 8 * words..]
            .chunks_exact(ROW_BYTES)
            .map(|row| std::array::from_fn(|k| i16::from_le_bytes([row[2 * k], row[2 * k + 1]])))
            .collect();
        Ok(Self {
            bits,
            present,
            rows,
        })
    }

    /// Encodes weights (`2^bits × LABELS` reals) as a model file: only rows with a weight
    /// are stored, as `i16` steps of one shared scale (one byte per weight loses too much:
    /// scores are sums of large weights whose small differences decide).
    pub fn encode(bits: u32, weights: &[f32]) -> Vec<u8> {
        let largest = weights.iter().fold(0f32, |m, w| m.max(w.abs()));
        let scale = if largest > 0.0 {
            largest / 32767.0
        } else {
            1.0
        };
        let quantised: Vec<i16> = weights
            .iter()
            .map(|w| (w / scale).round().clamp(-32767.0, 32767.0) as i16)
            .collect();
        let words = (1usize << bits) / 64;
        let mut present = vec![0u64; words];
        let mut rows = Vec::new();
        for (bucket, row) in quantised.chunks(LABELS).enumerate() {
            if row.iter().any(|w| *w != 0) {
                present[bucket / 64] |= 1 << (bucket % 64);
                rows.extend(row.iter().flat_map(|w| w.to_le_bytes()));
            }
        }
        let mut out = Vec::with_capacity(HEADER + 8 * words + rows.len());
        out.extend_from_slice(b"DNER");
        out.extend_from_slice(&[1, bits as u8, LABELS as u8, 0]);
        out.extend_from_slice(&scale.to_le_bytes());
        out.extend_from_slice(&((rows.len() / ROW_BYTES) as u32).to_le_bytes());
        for word in present {
            out.extend_from_slice(&word.to_le_bytes());
        }
        out.extend_from_slice(&rows);
        out
    }
}

impl Model {
    /// The row of `feature`, if the model stores one.
    fn row(&self, feature: u64) -> Option<&[i16; LABELS]> {
        let bucket = (feature >> (64 - self.bits)) as usize;
        let (word, bit) = (bucket / 64, bucket % 64);
        let (bits, before) = *self.present.get(word)?;
        if bits & (1 << bit) == 0 {
            return None;
        }
        let row = before as usize + (bits & ((1u64 << bit) - 1)).count_ones() as usize;
        self.rows.get(row)
    }

    /// Adds the weights of `feature` to `steps`, in the model's integer steps.
    fn add_steps(&self, feature: u64, steps: &mut Steps) {
        if let Some(row) = self.row(feature) {
            for (step, w) in steps.iter_mut().zip(row) {
                *step += i32::from(*w);
            }
        }
    }
}

impl Weights for Model {
    fn add(&self, feature: u64, scores: &mut [f32; LABELS]) {
        // One scale for all weights: summing the raw steps ranks labels the same way.
        if let Some(row) = self.row(feature) {
            for (score, w) in scores.iter_mut().zip(row) {
                *score += f32::from(*w);
            }
        }
    }
}

/// Label scores in the model's integer steps. Exact, and equal to the `f32` sums of
/// [`Weights::add`]: a token's features are far fewer than the 2^24 / 2^15 = 512 it would
/// take for a sum of `i16` steps to leave the integers an `f32` holds exactly.
type Steps = [i32; LABELS];

/// Tags every token of `sentences` greedily, left to right; returns one label per token.
pub fn tag(source: &impl Source, sentences: &[Range<usize>], weights: &impl Weights) -> Vec<u8> {
    let mut features = Vec::with_capacity(64);
    decode(sentences, source, |i, sentence, prev, prev2| {
        score(source, i, sentence, prev, prev2, weights, &mut features)
    })
}

/// Greedy left-to-right BIO decoding: `scores` gives the label scores of token `i` of a
/// sentence after the labels `prev2 prev`; a plain token after `O` is `O` unscored.
fn decode(
    sentences: &[Range<usize>],
    source: &impl Source,
    mut scores: impl FnMut(usize, &Range<usize>, u8, u8) -> [f32; LABELS],
) -> Vec<u8> {
    let mut labels = vec![OUTSIDE; sentences.last().map_or(0, |s| s.end)];
    for sentence in sentences {
        let (mut prev, mut prev2) = (OUTSIDE, OUTSIDE);
        for i in sentence.clone() {
            let label = if prev == OUTSIDE && source.is_plain(i) {
                OUTSIDE
            } else {
                best(&scores(i, sentence, prev, prev2), prev)
            };
            labels[i] = label;
            (prev2, prev) = (prev, label);
        }
    }
    labels
}

/// The summed weights of each word's own features ([`DocContext::word_features`]), kept
/// from one document to the next: the same capitalised words (`The`, `Reuters`, `U.S.`,
/// the names of the day) come back all the time, and their dozen features cost a dozen
/// table lookups each time. Sums of [`Steps`] are exact, so adding a memoised partial sum
/// gives exactly the scores that adding each weight gives.
#[derive(Debug, Default)]
pub struct WordScores {
    /// The model the sums come from (the address of its rows), so that a memo is never
    /// used with another model.
    model: usize,
    scores: HashedMap<Steps>,
}

impl WordScores {
    /// Words remembered before the memo starts again: bounds its memory (about 3 MB).
    const LIMIT: usize = 1 << 16;

    /// Forgets everything if the sums came from another model than `model`.
    fn use_model(&mut self, model: &Model) {
        let address = model.rows.as_ptr() as usize;
        if self.model != address {
            self.scores.clear();
            self.model = address;
        }
    }

    /// The summed weights of the own features of token `i`.
    fn of(
        &mut self,
        context: &DocContext<'_>,
        i: usize,
        model: &Model,
        features: &mut Vec<u64>,
    ) -> Steps {
        let key = context.word_key(i);
        if let Some(scores) = self.scores.get(&key) {
            return *scores;
        }
        features.clear();
        context.word_features(i, features);
        let mut scores = [0; LABELS];
        for &f in features.iter() {
            model.add_steps(f, &mut scores);
        }
        if self.scores.len() >= Self::LIMIT {
            self.scores.clear();
        }
        self.scores.insert(key, scores);
        scores
    }
}

/// [`tag`] for the run-time path: the weights of each word's own features come from
/// `memo`. Gives exactly the labels [`tag`] gives.
pub fn tag_document(
    context: &DocContext<'_>,
    sentences: &[Range<usize>],
    model: &Model,
    memo: &mut WordScores,
) -> Vec<u8> {
    memo.use_model(model);
    let mut features = Vec::with_capacity(64);
    decode(sentences, context, |i, sentence, prev, prev2| {
        let mut steps = memo.of(context, i, model, &mut features);
        context.context_features(i, sentence, &mut |f| model.add_steps(f, &mut steps));
        let mut history = [0u64; 5];
        with_history(context, i, prev, prev2, &mut history);
        for f in history {
            model.add_steps(f, &mut steps);
        }
        steps.map(|s| s as f32)
    })
}

/// Scores of every label for token `i` of `sentence` after `prev2 prev`; `features` is
/// scratch space and holds the features used afterwards.
pub fn score(
    source: &impl Source,
    i: usize,
    sentence: &Range<usize>,
    prev: u8,
    prev2: u8,
    weights: &impl Weights,
    features: &mut Vec<u64>,
) -> [f32; LABELS] {
    features.clear();
    source.static_features(i, sentence, features);
    let mut history = [0u64; 5];
    with_history(source, i, prev, prev2, &mut history);
    features.extend_from_slice(&history);
    let mut scores = [0f32; LABELS];
    for &f in features.iter() {
        weights.add(f, &mut scores);
    }
    scores
}

/// The best label allowed after `prev`.
pub fn best(scores: &[f32; LABELS], prev: u8) -> u8 {
    let mut best = OUTSIDE;
    for label in 1..LABELS as u8 {
        if allowed(prev, label) && scores[usize::from(label)] > scores[usize::from(best)] {
            best = label;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_round_trip_kinds() {
        for kind in KINDS {
            assert_eq!(kind_of(begin(kind)), Some(kind));
            assert_eq!(kind_of(inside(kind)), Some(kind));
            assert!(is_inside(inside(kind)) && !is_inside(begin(kind)));
        }
        assert_eq!(kind_of(OUTSIDE), None);
    }

    #[test]
    fn inside_labels_only_continue_their_kind() {
        let person = EntityKind::Person;
        assert!(allowed(begin(person), inside(person)));
        assert!(!allowed(OUTSIDE, inside(person)));
        assert!(!allowed(begin(EntityKind::Place), inside(person)));
    }

    #[test]
    fn sparse_rows_round_trip() {
        let mut weights = vec![0f32; 1024 * LABELS];
        weights[5 * LABELS + 2] = 3.5;
        weights[700 * LABELS] = -1.25;
        let file = Model::encode(10, &weights);
        let model = Model::from_bytes(&file).expect("fresh model loads");
        let mut scores = [0f32; LABELS];
        // Scores are in steps of the shared scale: their ratios are the weights' ratios.
        model.add(5u64 << 54, &mut scores);
        model.add(700u64 << 54, &mut scores);
        assert!((scores[2] / -scores[0] - 3.5 / 1.25).abs() < 1e-3);
        model.add(6u64 << 54, &mut scores);
        assert_eq!(scores.iter().filter(|s| **s != 0.0).count(), 2);
    }

    #[test]
    fn corrupt_files_are_refused() {
        assert_eq!(Model::from_bytes(b"nope").err(), Some(ModelError::BadMagic));
        let mut file = Model::encode(8, &vec![0.5; 256 * LABELS]);
        assert!(Model::from_bytes(&file).is_ok());
        file[4] = 9;
        assert_eq!(Model::from_bytes(&file).err(), Some(ModelError::Version(9)));
        file[4] = 1;
        file.pop();
        assert!(matches!(
            Model::from_bytes(&file),
            Err(ModelError::Size { .. })
        ));
    }
}

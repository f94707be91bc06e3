//! Training the tagger: an averaged perceptron over the hashed features, decoding greedily
//! with its own previous predictions (as at run time), documents in a fixed pseudo-random
//! order per epoch. Deterministic: the same examples and options give the same bytes.

use super::features::{DocContext, DocFeatures, Source};
use super::model::{self, LABELS, Model, OUTSIDE, Weights};
use super::tokens::NerText;
use crate::extract::EntityKind;
use crate::extract::structure::Document;
use crate::span::ByteSpan;
use std::ops::Range;

/// One annotated article.
#[derive(Debug, Clone)]
pub struct Example {
    /// The whole file.
    pub text: String,
    /// Where the body is.
    pub body: ByteSpan,
    /// Gold names (byte spans into `text`) and their kinds.
    pub names: Vec<(ByteSpan, EntityKind)>,
}

/// Training settings.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// log2 of the number of feature buckets.
    pub bits: u32,
    /// Passes over the data.
    pub epochs: usize,
    /// Seed of the document order.
    pub seed: u64,
    /// Rows whose weights all stay below this are not stored (see [`Trained::encode`]).
    pub prune: f32,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            bits: 18,
            epochs: 12,
            seed: 2003,
            prune: 1.0,
        }
    }
}

/// An example ready for training: features and gold labels.
pub struct Prepared {
    features: DocFeatures,
    sentences: Vec<Range<usize>>,
    gold: Vec<u8>,
    /// Tokens whose span crosses a gold name boundary (tokenisation disagrees with the gold).
    pub misaligned: usize,
}

/// Computes features and gold labels of `example`.
pub fn prepare(example: &Example) -> Prepared {
    let doc = Document::parse(&example.text, example.body);
    let ner = NerText::new(&doc);
    let features = DocFeatures::new(&DocContext::new(&example.text, &ner), &ner.sentences);
    let (gold, misaligned) = gold_labels(&ner, &example.names);
    Prepared {
        features,
        sentences: ner.sentences,
        gold,
        misaligned,
    }
}

/// BIO labels of the tokens of `ner` from gold `names`.
fn gold_labels(ner: &NerText, names: &[(ByteSpan, EntityKind)]) -> (Vec<u8>, usize) {
    let mut labels = vec![OUTSIDE; ner.tokens.len()];
    let mut misaligned = 0;
    let mut names: Vec<_> = names.to_vec();
    names.sort_by_key(|(span, _)| (span.start, span.end));
    let mut t = 0;
    for (span, kind) in names {
        while t < ner.tokens.len() && ner.tokens[t].span.end <= span.start {
            t += 1;
        }
        let mut first = true;
        let mut j = t;
        while j < ner.tokens.len() && ner.tokens[j].span.start < span.end {
            let token = ner.tokens[j].span;
            if token.start < span.start || token.end > span.end {
                misaligned += 1;
            }
            labels[j] = if first {
                model::begin(kind)
            } else {
                model::inside(kind)
            };
            first = false;
            j += 1;
        }
    }
    (labels, misaligned)
}

/// Real-valued weights with lazy averaging.
struct Perceptron {
    bits: u32,
    weights: Vec<f32>,
    totals: Vec<f64>,
    stamps: Vec<u32>,
    clock: u32,
}

impl Weights for Perceptron {
    fn add(&self, feature: u64, scores: &mut [f32; LABELS]) {
        let row = self.row(feature);
        for (score, w) in scores.iter_mut().zip(&self.weights[row..row + LABELS]) {
            *score += w;
        }
    }
}

impl Perceptron {
    fn new(bits: u32) -> Self {
        let size = (1usize << bits) * LABELS;
        Self {
            bits,
            weights: vec![0.0; size],
            totals: vec![0.0; size],
            stamps: vec![0; size],
            clock: 0,
        }
    }

    fn row(&self, feature: u64) -> usize {
        (feature >> (64 - self.bits)) as usize * LABELS
    }

    fn update(&mut self, feature: u64, label: u8, delta: f32) {
        let at = self.row(feature) + usize::from(label);
        let elapsed = f64::from(self.clock - self.stamps[at]);
        self.totals[at] += elapsed * f64::from(self.weights[at]);
        self.stamps[at] = self.clock;
        self.weights[at] += delta;
    }

    fn averaged(mut self) -> Vec<f32> {
        let clock = f64::from(self.clock.max(1));
        for at in 0..self.weights.len() {
            let elapsed = f64::from(self.clock - self.stamps[at]);
            self.totals[at] += elapsed * f64::from(self.weights[at]);
        }
        self.totals.iter().map(|t| (t / clock) as f32).collect()
    }

    /// One greedy pass over a document, updating on every wrong token.
    /// Tokens the tagger labels `O` unscored are skipped, as at run time.
    fn learn(&mut self, doc: &Prepared) {
        let mut features = Vec::with_capacity(64);
        for sentence in &doc.sentences {
            let (mut prev, mut prev2) = (OUTSIDE, OUTSIDE);
            for i in sentence.clone() {
                if prev == OUTSIDE && doc.features.is_plain(i) {
                    (prev2, prev) = (prev, OUTSIDE);
                    continue;
                }
                self.clock += 1;
                let scores =
                    model::score(&doc.features, i, sentence, prev, prev2, self, &mut features);
                let guess = model::best(&scores, prev);
                let truth = doc.gold[i];
                if guess != truth {
                    for &f in &features {
                        self.update(f, truth, 1.0);
                        self.update(f, guess, -1.0);
                    }
                }
                (prev2, prev) = (prev, guess);
            }
        }
    }
}

/// A small deterministic generator for the document order (SplitMix64).
fn shuffle<T>(items: &mut [T], seed: &mut u64) {
    for i in (1..items.len()).rev() {
        *seed = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = *seed;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        items.swap(i, (z % (i as u64 + 1)) as usize);
    }
}

/// Averaged real-valued weights, before quantisation.
pub struct Trained {
    bits: u32,
    weights: Vec<f32>,
}

impl Trained {
    /// Feature buckets with a non-zero weight (the rows the model file stores).
    pub fn nonzero_rows(&self) -> usize {
        self.weights
            .chunks(LABELS)
            .filter(|r| r.iter().any(|w| *w != 0.0))
            .count()
    }

    /// The model file.
    /// The model file, without the rows whose weights are all below `prune` in magnitude
    /// (rare features that barely move a score: dropping them shrinks the file and keeps the
    /// table in cache).
    pub fn encode(&self, prune: f32) -> Vec<u8> {
        let mut weights = self.weights.clone();
        for row in weights.chunks_mut(LABELS) {
            if row.iter().all(|w| w.abs() < prune) {
                row.fill(0.0);
            }
        }
        Model::encode(self.bits, &weights)
    }
}

impl Weights for Trained {
    fn add(&self, feature: u64, scores: &mut [f32; LABELS]) {
        let row = (feature >> (64 - self.bits)) as usize * LABELS;
        for (score, w) in scores.iter_mut().zip(&self.weights[row..row + LABELS]) {
            *score += w;
        }
    }
}

/// Trains on `docs`. `progress` hears one line per epoch.
pub fn train(docs: &[Prepared], options: &Options, mut progress: impl FnMut(&str)) -> Trained {
    let mut perceptron = Perceptron::new(options.bits);
    let mut order: Vec<usize> = (0..docs.len()).collect();
    let mut seed = options.seed;
    for epoch in 1..=options.epochs {
        shuffle(&mut order, &mut seed);
        for &d in &order {
            perceptron.learn(&docs[d]);
        }
        progress(&format!("epoch {epoch}/{} done", options.epochs));
    }
    Trained {
        bits: options.bits,
        weights: perceptron.averaged(),
    }
}

/// Token-level agreement and name-level precision/recall/F1 (all four kinds) of `weights` on `docs`.
pub fn evaluate(docs: &[Prepared], weights: &impl Weights) -> (f64, f64, f64) {
    let (mut correct, mut predicted, mut gold) = (0usize, 0usize, 0usize);
    for doc in docs {
        let labels = model::tag(&doc.features, &doc.sentences, weights);
        let guessed = names(&labels);
        let truth = names(&doc.gold);
        predicted += guessed.len();
        gold += truth.len();
        correct += guessed.iter().filter(|n| truth.contains(n)).count();
    }
    let p = correct as f64 / predicted.max(1) as f64;
    let r = correct as f64 / gold.max(1) as f64;
    (p, r, 2.0 * p * r / (p + r).max(f64::EPSILON))
}

/// Token ranges and kinds of the names in a label sequence.
fn names(labels: &[u8]) -> Vec<(usize, usize, u8)> {
    let mut out: Vec<(usize, usize, u8)> = Vec::new();
    for (i, &label) in labels.iter().enumerate() {
        if label == OUTSIDE {
            continue;
        }
        match out.last_mut() {
            Some(last) if model::is_inside(label) && last.1 == i => last.1 = i + 1,
            _ => out.push((i, i + 1, label)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example(text: &str, names: &[(&str, EntityKind)]) -> Example {
        Example {
            text: text.to_string(),
            body: ByteSpan::new(0, text.len()),
            names: names
                .iter()
                .map(|(n, k)| {
                    let start = text.find(n).unwrap_or(0);
                    (ByteSpan::new(start, start + n.len()), *k)
                })
                .collect(),
        }
    }

    #[test]
    fn gold_names_become_bio_labels() {
        let prepared = prepare(&example(
            "Stanislav Zas met ArmInfo's editor in Yerevan.",
            &[
                ("Stanislav Zas", EntityKind::Person),
                ("ArmInfo", EntityKind::Organization),
                ("Yerevan", EntityKind::Place),
            ],
        ));
        let person = model::begin(EntityKind::Person);
        assert_eq!(prepared.gold[..3], [person, person + 1, OUTSIDE]);
        assert_eq!(prepared.gold[3], model::begin(EntityKind::Organization));
        assert_eq!(prepared.misaligned, 0);
    }

    #[test]
    fn training_is_deterministic_and_learns_a_toy_set() {
        let docs: Vec<Prepared> = (0..3)
            .map(|_| {
                prepare(&example(
                    "Zas visited Yerevan.",
                    &[("Zas", EntityKind::Person), ("Yerevan", EntityKind::Place)],
                ))
            })
            .collect();
        let options = Options {
            bits: 12,
            epochs: 10,
            seed: 1,
            prune: 0.0,
        };
        let a = train(&docs, &options, |_| {}).encode(options.prune);
        let b = train(&docs, &options, |_| {}).encode(options.prune);
        assert_eq!(a, b);
        let model = Model::from_bytes(&a).expect("fresh model loads");
        assert_eq!(evaluate(&docs, &model).2, 1.0);
    }
}

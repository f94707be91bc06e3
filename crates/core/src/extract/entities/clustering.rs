//! How `train-ner` makes the word clusters ([`super::clusters`]) from unlabeled text: each
//! word seen at least [`MIN_COUNT`] times is described by the words just before and just
//! after it (positive pointwise mutual information with the [`CONTEXT_WORDS`] most
//! frequent words and the sentence edges, context counts smoothed to the power 0.75), and
//! spherical k-means groups those descriptions into [`FINE`] clusters, then the clusters'
//! centres into [`COARSE`]. Deterministic: centres start at words spread evenly over the
//! frequency order, ties break by hash, and the passes are counted, not timed.

use super::clusters::{COARSE, Clusters, FINE, key_of};
use super::hashing::HashedMap;

/// A word rarer than this gets no cluster.
pub const MIN_COUNT: u32 = 3;
/// Context words (the most frequent), before the sentence-edge stand-ins.
pub const CONTEXT_WORDS: usize = 1000;
/// Passes of k-means.
const PASSES: usize = 20;

/// A sparse, unit-length description of one word.
struct Described {
    dims: Vec<u32>,
    values: Vec<f32>,
}

/// The clusters of the words of `sentences` (each a sentence's lowercase token hashes), as
/// `clusters.bin` bytes.
pub fn table_bytes(sentences: &[Vec<u64>]) -> Vec<u8> {
    let mut counts: HashedMap<u32> = HashedMap::default();
    for word in sentences.iter().flatten() {
        *counts.entry(*word).or_default() += 1;
    }
    let mut by_frequency: Vec<(u64, u32)> = counts.into_iter().collect();
    by_frequency.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let vocabulary: Vec<u64> = by_frequency
        .iter()
        .take_while(|(_, n)| *n >= MIN_COUNT)
        .map(|(w, _)| *w)
        .collect();
    let index: HashedMap<u32> = vocabulary
        .iter()
        .enumerate()
        .map(|(i, w)| (*w, i as u32))
        .collect();
    // Context dimensions: before-word d is d, after-word d is `side + d`; the last of each
    // side is the sentence edge.
    let side = CONTEXT_WORDS.min(vocabulary.len()) + 1;
    let dims = 2 * side;
    let edge = (side - 1) as u32;
    let context_of = |word: Option<&u64>| -> Option<u32> {
        match word {
            None => Some(edge),
            Some(w) => index.get(w).copied().filter(|&i| (i as usize) < side - 1),
        }
    };
    let mut pairs: Vec<u64> = Vec::new();
    for sentence in sentences {
        for (at, word) in sentence.iter().enumerate() {
            let Some(&me) = index.get(word) else { continue };
            let before = at.checked_sub(1).and_then(|b| sentence.get(b));
            if let Some(d) = context_of(before) {
                pairs.push(u64::from(me) << 32 | u64::from(d));
            }
            if let Some(d) = context_of(sentence.get(at + 1)) {
                pairs.push(u64::from(me) << 32 | (side as u64 + u64::from(d)));
            }
        }
    }
    pairs.sort_unstable();
    let described = describe(&pairs, vocabulary.len(), dims);
    let fine = k_means(&described, dims, FINE);
    let centres = centres_of(&described, &fine, dims, FINE);
    let centre_descriptions: Vec<Described> = centres
        .iter()
        .map(|c| {
            let (dims, values) = c
                .iter()
                .enumerate()
                .filter(|(_, v)| **v != 0.0)
                .map(|(d, v)| (d as u32, *v))
                .unzip();
            Described { dims, values }
        })
        .collect();
    let coarse = k_means(&centre_descriptions, dims, COARSE);
    let mut coarse_of_fine = [0u8; FINE];
    for (fine, coarse) in coarse.iter().enumerate() {
        coarse_of_fine[fine] = *coarse as u8;
    }
    let words: Vec<(u32, u8)> = vocabulary
        .iter()
        .zip(&fine)
        .map(|(w, c)| (key_of(*w), *c as u8))
        .collect();
    Clusters::encode(&words, &coarse_of_fine)
}

/// PPMI descriptions from sorted (word << 32 | dim) pairs, each of unit length.
fn describe(pairs: &[u64], words: usize, dims: usize) -> Vec<Described> {
    let total = pairs.len() as f64;
    let mut dim_counts = vec![0f64; dims];
    for pair in pairs {
        dim_counts[(pair & 0xFFFF_FFFF) as usize] += 1.0;
    }
    let smoothed: Vec<f64> = dim_counts.iter().map(|c| c.powf(0.75)).collect();
    let smoothed_total: f64 = smoothed.iter().sum();
    let mut out: Vec<Described> = (0..words)
        .map(|_| Described {
            dims: Vec::new(),
            values: Vec::new(),
        })
        .collect();
    let mut word_counts = vec![0f64; words];
    for pair in pairs {
        word_counts[(pair >> 32) as usize] += 1.0;
    }
    let mut at = 0;
    while at < pairs.len() {
        let pair = pairs[at];
        let run = pairs[at..].iter().take_while(|p| **p == pair).count();
        let (word, dim) = ((pair >> 32) as usize, (pair & 0xFFFF_FFFF) as usize);
        let p_joint = run as f64 / total;
        let p_word = word_counts[word] / total;
        let p_context = smoothed[dim] / smoothed_total;
        let pmi = (p_joint / (p_word * p_context)).ln();
        if pmi > 0.0 {
            out[word].dims.push(dim as u32);
            out[word].values.push(pmi as f32);
        }
        at += run;
    }
    for word in &mut out {
        to_unit_length(&mut word.values);
    }
    out
}

/// Spherical k-means: the cluster of each item. Items are in frequency order, so centres
/// start at items `0, n/k, 2n/k …`, spread over common and rare words alike.
fn k_means(items: &[Described], dims: usize, k: usize) -> Vec<usize> {
    let k = k.min(items.len()).max(1);
    let mut centres: Vec<Vec<f32>> = (0..k)
        .map(|c| {
            let mut centre = vec![0f32; dims];
            if let Some(item) = items.get(c * items.len() / k) {
                for (d, v) in item.dims.iter().zip(&item.values) {
                    centre[*d as usize] = *v;
                }
            }
            centre
        })
        .collect();
    let mut assigned = vec![0usize; items.len()];
    for _ in 0..PASSES {
        let mut moved = 0;
        for (item, slot) in items.iter().zip(&mut assigned) {
            let best = (0..k)
                .map(|c| {
                    let score: f32 = item
                        .dims
                        .iter()
                        .zip(&item.values)
                        .map(|(d, v)| centres[c][*d as usize] * v)
                        .sum();
                    (c, score)
                })
                .fold(
                    (0, f32::MIN),
                    |best, (c, s)| if s > best.1 { (c, s) } else { best },
                );
            if best.0 != *slot {
                moved += 1;
                *slot = best.0;
            }
        }
        let fresh = centres_of(items, &assigned, dims, k);
        for (centre, new) in centres.iter_mut().zip(fresh) {
            // An emptied cluster keeps its centre.
            if new.iter().any(|v| *v != 0.0) {
                *centre = new;
            }
        }
        if moved == 0 {
            break;
        }
    }
    assigned
}

/// The unit-length mean of each cluster's items.
fn centres_of(items: &[Described], assigned: &[usize], dims: usize, k: usize) -> Vec<Vec<f32>> {
    let mut centres = vec![vec![0f32; dims]; k];
    for (item, &c) in items.iter().zip(assigned) {
        for (d, v) in item.dims.iter().zip(&item.values) {
            centres[c][*d as usize] += v;
        }
    }
    for centre in &mut centres {
        to_unit_length(centre);
    }
    centres
}

/// Scales `values` to unit length (all zeros stay zeros).
fn to_unit_length(values: &mut [f32]) {
    let norm = values.iter().map(|v| v * v).sum::<f32>().sqrt();
    if norm > 0.0 {
        values.iter_mut().for_each(|v| *v /= norm);
    }
}

//! Word clusters: words that stand in the same places in unlabeled news (`Tuesday` and
//! `Friday`; `Fujitsu` and `Unilever`; `chairman` and `spokesman`) share a cluster, so what
//! the tagger learned about one word in its training articles carries over to a word they
//! never contain. This is the cure for text unlike the tagger's 1996 training news: a firm
//! or a band the training set never names still stands where firms stand.
//!
//! Two granularities: a fine cluster of [`FINE`] and the coarse one of [`COARSE`] it belongs
//! to. `clusters.bin`, embedded, is made by `train-ner` from the unlabeled text of the
//! development data ([`super::clustering`] says how); its format:
//!
//! ```text
//! "DCL2"  words:u32le  coarse_of_fine:[u8; FINE]
//! keys: [LEB128 gap from the previous key (the first from 0); words], ascending
//! fine: [u8; words]
//! ```
//!
//! (Gaps, not the keys: about 3 bytes a word instead of 4, and the keys are as random as
//! hashes, so no compressor would find that saving.)
//!
//! A key is the high half of a word's lowercase hash, [`key_of`]; a word not in the table
//! has no cluster (the tagger sees "unknown", which is itself a feature).

use super::hashing::{HashedMap, mix};
use crate::varint;
use std::sync::OnceLock;

/// Fine clusters.
pub const FINE: usize = 256;
/// Coarse clusters.
pub const COARSE: usize = 32;
/// What [`Clusters::of`] gives a word it does not know: a value of its own for both.
pub const UNKNOWN: (u16, u16) = (FINE as u16, COARSE as u16);

const MAGIC: &[u8; 4] = b"DCL2";

/// The shipped table (see the module doc).
static SHIPPED: &[u8] = include_bytes!("clusters.bin");

/// The table a process uses: the shipped one, unless [`use_table`] chose another first.
static IN_USE: OnceLock<Clusters> = OnceLock::new();

/// A word-to-cluster table.
#[derive(Debug, Default)]
pub struct Clusters {
    fine_of: HashedMap<u8>,
    coarse_of_fine: Vec<u8>,
}

/// The table key of a word's lowercase hash (`NerToken::lower`).
pub fn key_of(lower: u64) -> u32 {
    (mix(lower, 0xC1A5) >> 32) as u32
}

impl Clusters {
    /// Reads a table written by [`Clusters::encode`].
    pub fn decode(bytes: &[u8]) -> Result<Clusters, String> {
        let rest = bytes
            .strip_prefix(MAGIC)
            .ok_or("not a word-cluster table (no DCL2 header)")?;
        let (count, rest) = rest.split_at_checked(4).ok_or("truncated header")?;
        let words = u32::from_le_bytes([count[0], count[1], count[2], count[3]]) as usize;
        let (coarse_of_fine, rest) = rest.split_at_checked(FINE).ok_or("truncated map")?;
        if coarse_of_fine.iter().any(|&c| usize::from(c) >= COARSE) {
            return Err("a coarse cluster out of range".into());
        }
        let fine_at = rest
            .len()
            .checked_sub(words)
            .ok_or("truncated: fewer bytes than words")?;
        let (mut gaps, fine) = rest.split_at(fine_at);
        let mut fine_of = HashedMap::with_capacity_and_hasher(words, Default::default());
        let mut key = 0u64;
        for &cluster in fine {
            key += u64::from(varint::read_u32(&mut gaps).ok_or("a damaged key")?);
            if key > u64::from(u32::MAX) {
                return Err("a key out of range".into());
            }
            fine_of.insert(key, cluster);
        }
        if !gaps.is_empty() {
            return Err(format!("{} bytes left after the keys", gaps.len()));
        }
        Ok(Clusters {
            fine_of,
            coarse_of_fine: coarse_of_fine.to_vec(),
        })
    }

    /// The bytes of a table of `words` (key, fine cluster) and the coarse cluster of each
    /// fine one.
    pub fn encode(words: &[(u32, u8)], coarse_of_fine: &[u8; FINE]) -> Vec<u8> {
        let mut words = words.to_vec();
        words.sort_unstable();
        words.dedup_by_key(|(key, _)| *key);
        let mut out = Vec::with_capacity(8 + FINE + words.len() * 5);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(words.len() as u32).to_le_bytes());
        out.extend_from_slice(coarse_of_fine);
        let mut previous = 0u32;
        for (key, _) in &words {
            varint::push(u64::from(key - previous), &mut out);
            previous = *key;
        }
        out.extend(words.iter().map(|(_, fine)| fine));
        out
    }

    /// The (fine, coarse) clusters of a word by its lowercase hash; [`UNKNOWN`] if it has none.
    pub fn of(&self, lower: u64) -> (u16, u16) {
        match self.fine_of.get(&u64::from(key_of(lower))) {
            Some(&fine) => (
                u16::from(fine),
                u16::from(self.coarse_of_fine[usize::from(fine)]),
            ),
            None => UNKNOWN,
        }
    }

    /// Words in the table.
    pub fn len(&self) -> usize {
        self.fine_of.len()
    }

    /// Whether the table is empty.
    pub fn is_empty(&self) -> bool {
        self.fine_of.is_empty()
    }
}

/// The table in use: the shipped one (an empty table, every word unknown, if it were
/// corrupt; a unit test proves it is not).
pub fn in_use() -> &'static Clusters {
    IN_USE.get_or_init(|| Clusters::decode(SHIPPED).unwrap_or_default())
}

/// Makes `table` the one this process uses (training computes its own before it reads any
/// article); `false` if a table was already in use.
pub fn use_table(table: Clusters) -> bool {
    IN_USE.set(table).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::entities::hashing::hash_str_lower;

    #[test]
    fn the_shipped_table_reads_and_groups_like_words() {
        let table = Clusters::decode(SHIPPED).expect("the shipped clusters.bin reads");
        assert!(table.len() > 10_000, "{} words", table.len());
        let of = |w: &str| table.of(hash_str_lower(w));
        assert_eq!(of("Tuesday").0, of("friday").0);
        assert_ne!(of("Tuesday"), UNKNOWN);
        assert_eq!(of("zzqxj-not-a-word"), UNKNOWN);
    }

    #[test]
    fn a_table_round_trips_and_a_damaged_one_is_refused() {
        let mut coarse = [0u8; FINE];
        coarse[7] = 3;
        let bytes = Clusters::encode(&[(42, 7), (5, 1), (u32::MAX, 9)], &coarse);
        let table = Clusters::decode(&bytes).unwrap();
        assert_eq!(table.len(), 3);
        assert_eq!(table.fine_of.get(&42), Some(&7));
        assert_eq!(table.fine_of.get(&u64::from(u32::MAX)), Some(&9));
        assert!(Clusters::decode(&bytes[..bytes.len() - 1]).is_err());
        assert!(Clusters::decode(b"nope").is_err());
    }
}

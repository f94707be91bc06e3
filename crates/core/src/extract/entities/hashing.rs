//! Fixed, platform-independent 64-bit hashing of strings and feature combinations: the
//! trained weights are looked up by these hashes, so they must never change between builds.

/// FNV-1a offset basis.
const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
/// FNV-1a prime.
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// Hash of the bytes of `s`.
pub fn hash_str(s: &str) -> u64 {
    hash_bytes(FNV_OFFSET, s.as_bytes())
}

/// Hash of the lowercase form of `s`, without allocating.
pub fn hash_str_lower(s: &str) -> u64 {
    if s.is_ascii() {
        let mut h = FNV_OFFSET;
        for b in s.bytes() {
            h = (h ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(FNV_PRIME);
        }
        return h;
    }
    let mut h = FNV_OFFSET;
    let mut buf = [0u8; 4];
    for c in s.chars().flat_map(char::to_lowercase) {
        h = hash_bytes(h, c.encode_utf8(&mut buf).as_bytes());
    }
    h
}

/// Continues an FNV-1a hash `h` over `bytes`.
pub fn hash_bytes(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h = (h ^ u64::from(b)).wrapping_mul(FNV_PRIME);
    }
    h
}

/// Combines two hashes (order matters), well mixed so that the low bits are usable.
pub fn mix(a: u64, b: u64) -> u64 {
    let x = a.rotate_left(23) ^ b.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    let x = (x ^ (x >> 31)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x ^ (x >> 29)
}

/// A `Hasher` for keys that are already well-mixed hashes.
#[derive(Debug, Default, Clone, Copy)]
pub struct PassThrough(u64);

impl std::hash::Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        self.0 = hash_bytes(self.0 ^ FNV_OFFSET, bytes);
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// A map keyed by precomputed hashes.
pub type HashedMap<V> =
    std::collections::HashMap<u64, V, std::hash::BuildHasherDefault<PassThrough>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_frozen() {
        // The shipped weights depend on these exact values.
        assert_eq!(hash_str(""), FNV_OFFSET);
        assert_eq!(hash_str("a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(hash_str_lower("A"), hash_str("a"));
    }

    #[test]
    fn lowercase_hash_handles_non_ascii() {
        assert_eq!(hash_str_lower("ЕРЕВАН"), hash_str("ереван"));
        assert_eq!(hash_str_lower("Émile"), hash_str("émile"));
    }

    #[test]
    fn mixing_depends_on_order() {
        assert_ne!(mix(1, 2), mix(2, 1));
    }
}

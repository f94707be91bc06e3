//! How a single word is written: its case pattern, its shape (`Xx`, `X.X.`, `dd-dd`) and
//! its first and last characters, each hashed for the tagger's features.

use super::hashing::{hash_str, mix};

/// How a token is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
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

/// The case pattern of `word`.
pub fn case_of(word: &str) -> Case {
    if word.is_ascii() {
        return ascii_case_of(word.as_bytes());
    }
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

/// [`case_of`] for ASCII words, without decoding characters.
fn ascii_case_of(word: &[u8]) -> Case {
    let Some(first) = word.iter().position(u8::is_ascii_alphabetic) else {
        return Case::None;
    };
    let rest = &word[first + 1..];
    let rest_upper = rest.iter().any(u8::is_ascii_uppercase);
    let rest_lower = rest.iter().any(u8::is_ascii_lowercase);
    match (word[first].is_ascii_uppercase(), rest_lower, rest_upper) {
        (true, false, _) => Case::Upper,
        (true, true, _) => Case::Title,
        (false, _, false) => Case::Lower,
        (false, _, true) => Case::Mixed,
    }
}

/// Word shape: `Xx`, `X.X.`, `d,d`, `x-Xx`, with runs of one class collapsed (`long` keeps
/// runs up to three).
pub fn shape(word: &str, long: bool) -> u64 {
    let max_run = if long { 3 } else { 1 };
    let mut h = 0x51A9E_u64;
    let mut last = 0u32;
    let mut run = 0;
    let mut step = |class: u32| {
        run = if class == last { run + 1 } else { 1 };
        last = class;
        if run <= max_run {
            h = (h ^ u64::from(class)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    };
    if word.is_ascii() {
        for &b in word.as_bytes().iter().take(32) {
            step(match b {
                b'A'..=b'Z' => u32::from(b'X'),
                b'a'..=b'z' => u32::from(b'x'),
                b'0'..=b'9' => u32::from(b'd'),
                other => u32::from(other),
            });
        }
    } else {
        for c in word.chars().take(32) {
            step(if c.is_uppercase() {
                u32::from(b'X')
            } else if c.is_alphabetic() {
                u32::from(b'x')
            } else if c.is_numeric() {
                u32::from(b'd')
            } else {
                u32::from(c)
            });
        }
    }
    mix(h, 0)
}

/// Hashes of the first and last 1-4 characters of the lowercase word.
pub fn affixes(lowered: &str) -> [u64; 8] {
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

#[cfg(test)]
mod tests {
    use super::*;

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
    fn affixes_respect_char_boundaries() {
        let a = affixes("éé");
        assert_eq!(a[0], mix(1, hash_str("é")));
        assert_eq!(a[3], mix(4, hash_str("éé")));
    }
}

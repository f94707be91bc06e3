//! LEB128 varints: seven bits a byte, low bits first, the high bit set on every byte but the
//! last. The index's postings, the archive's parts and the tagger's word-cluster table are
//! written this way.

/// Appends `value`.
pub fn push(mut value: u64, out: &mut Vec<u8>) {
    while value >= 0x80 {
        out.push(value as u8 | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// Reads one varint that fits a `u32` from the front of `coded` and moves past it; `None`
/// where `coded` ends inside it or it does not fit (a sixth byte, or bits beyond 32).
pub fn read_u32(coded: &mut &[u8]) -> Option<u32> {
    let mut value = 0u32;
    let mut shift = 0;
    while let Some((&byte, rest)) = coded.split_first() {
        *coded = rest;
        // The fifth byte holds the last four bits and ends the varint.
        if shift == 28 && byte > 0x0f {
            return None;
        }
        value |= u32::from(byte & 0x7f) << shift;
        if byte < 0x80 {
            return Some(value);
        }
        shift += 7;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_round_trip_and_damage_is_refused() {
        let values = [0u32, 1, 127, 128, 300, 1 << 21, u32::MAX];
        let mut bytes = Vec::new();
        for v in values {
            push(u64::from(v), &mut bytes);
        }
        let mut coded = &bytes[..];
        for v in values {
            assert_eq!(read_u32(&mut coded), Some(v));
        }
        assert!(coded.is_empty());
        // Truncated inside a varint, beyond 32 bits, and a sixth byte.
        assert_eq!(read_u32(&mut &[0x80u8][..]), None);
        assert_eq!(read_u32(&mut &[0xff, 0xff, 0xff, 0xff, 0x1f][..]), None);
        assert_eq!(
            read_u32(&mut &[0x80, 0x80, 0x80, 0x80, 0x80, 0x00][..]),
            None
        );
    }
}

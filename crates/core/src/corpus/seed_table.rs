//! The seed table: every seed file's name and bytes, as `build.rs` writes it and the app
//! reads it back. This is the one definition of that format.
//!
//! Layout (all integers little-endian u32):
//! `b"DOSSIER-SEEDS"`, version, file count, then per file: name length, name (UTF-8),
//! byte length, bytes. Files are in sorted name order.

/// Bumped whenever the layout changes; the reader refuses other versions.
pub const SEED_TABLE_VERSION: u32 = 1;
const MAGIC: &[u8] = b"DOSSIER-SEEDS";

/// Writes the table for `files` (name, bytes), in the order given.
pub fn encode_seed_table<'a>(files: impl IntoIterator<Item = (&'a str, &'a [u8])>) -> Vec<u8> {
    let files: Vec<_> = files.into_iter().collect();
    let mut out = Vec::with_capacity(
        files
            .iter()
            .map(|(n, b)| n.len() + b.len() + 8)
            .sum::<usize>()
            + 32,
    );
    out.extend_from_slice(MAGIC);
    push_u32(&mut out, SEED_TABLE_VERSION);
    push_u32(&mut out, files.len() as u32);
    for (name, bytes) in files {
        push_u32(&mut out, name.len() as u32);
        out.extend_from_slice(name.as_bytes());
        push_u32(&mut out, bytes.len() as u32);
        out.extend_from_slice(bytes);
    }
    out
}

fn push_u32(out: &mut Vec<u8>, n: u32) {
    out.extend_from_slice(&n.to_le_bytes());
}

/// Reads a table back into (name, bytes) pairs borrowing from `table`.
pub fn decode_seed_table(table: &[u8]) -> Result<Vec<(&str, &[u8])>, String> {
    let mut rest = table
        .strip_prefix(MAGIC)
        .ok_or("the embedded seed table has no header")?;
    let version = take_u32(&mut rest)?;
    if version != SEED_TABLE_VERSION {
        return Err(format!(
            "seed table version {version}, this build reads version {SEED_TABLE_VERSION}"
        ));
    }
    let count = take_u32(&mut rest)? as usize;
    // Each file takes at least 8 bytes: a damaged count cannot reserve more than that.
    let mut files = Vec::with_capacity(count.min(rest.len() / 8));
    for _ in 0..count {
        let name_len = take_u32(&mut rest)? as usize;
        let name = take(&mut rest, name_len)?;
        let name = std::str::from_utf8(name).map_err(|_| "a seed file name is not UTF-8")?;
        let len = take_u32(&mut rest)? as usize;
        files.push((name, take(&mut rest, len)?));
    }
    if !rest.is_empty() {
        return Err(format!(
            "{} unexpected bytes after the last seed file",
            rest.len()
        ));
    }
    Ok(files)
}

fn take<'a>(rest: &mut &'a [u8], n: usize) -> Result<&'a [u8], String> {
    if rest.len() < n {
        return Err("the embedded seed table is truncated".into());
    }
    let (head, tail) = rest.split_at(n);
    *rest = tail;
    Ok(head)
}

fn take_u32(rest: &mut &[u8]) -> Result<u32, String> {
    let bytes = take(rest, 4)?;
    Ok(u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_names_and_bytes() {
        let files = [
            ("a.txt", &b"alpha"[..]),
            ("dir/b.json", &b"{}"[..]),
            ("empty.txt", &b""[..]),
        ];
        let table = encode_seed_table(files);
        assert_eq!(decode_seed_table(&table).unwrap(), files);
    }

    #[test]
    fn rejects_other_versions_and_truncation() {
        let mut table = encode_seed_table([("a.txt", &b"alpha"[..])]);
        assert!(
            decode_seed_table(&table[..table.len() - 1])
                .unwrap_err()
                .contains("truncated")
        );
        table[MAGIC.len()] = 9;
        assert!(decode_seed_table(&table).unwrap_err().contains("version 9"));
    }
}

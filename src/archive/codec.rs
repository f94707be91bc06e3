//! The byte level of the archive: varint encoding, part names, and sealing/opening a part
//! (framing, gzip, SHA-256). Everything here also runs in the browser.

use sha2::{Digest, Sha256};
use std::fmt;

/// The first bytes of every part's payload (after gunzip).
pub const MAGIC: [u8; 4] = *b"DSAR";
/// The payload format version this code reads and writes.
pub const FORMAT_VERSION: u8 = 1;
/// Gzip level: fixed, so the same payload always gives the same bytes (and name).
const GZIP_LEVEL: u32 = 6;

/// What a part holds; the suffix of its file name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// Collection-wide tables: the entry point.
    Catalogue,
    /// Word postings of one hash bucket.
    Terms,
    /// Word positions of one hash bucket (phrases only).
    Positions,
    /// Sorted terms by first character (prefix and typo lookups).
    Lexicon,
    /// Terms by second character (typos at the first character).
    Lexicon2,
    /// Entities of one hash bucket.
    Entities,
    /// Speakers of one hash bucket.
    Speakers,
    /// Result-list data of a range of documents.
    Docs,
    /// Full texts and annotations of a range of documents.
    Texts,
    /// The names of a run of `docs` parts (so the catalogue stays small at any size).
    DocTable,
    /// The names of a run of `terms` and `positions` buckets (likewise).
    TermTable,
    /// Postings of a group of top facet values.
    Facets,
    /// Every other part of the archive and its size ("Save for offline").
    PartList,
    /// Article ids of one hash bucket and their document numbers (a cold `?a=` link).
    Ids,
    /// Entity pages' data of one hash bucket of entity keys.
    Profiles,
    /// Metadata field values (`m.topics=crude`) of one hash bucket, with their documents.
    Fields,
    /// Per posting of a `facets` part, the mentions and quotes in that document (the
    /// entity table's counts).
    Tallies,
    /// Dates the articles mention, with their documents, for a run of dates.
    Mentioned,
    /// Facet values by the start of each word of their names (a facet's find box).
    Names,
    /// Where the resolve stage sent extraction's names, by extraction id (the reader's own
    /// articles take the archive's verdicts).
    Fates,
    /// The names of a run of one kind's hash buckets (`ids`, `profiles`, `fields`, `names`,
    /// `fates`), so that only the views looking a key up read them, not every link's
    /// catalogue.
    BucketList,
    /// Per key of one `entities`, `speakers` or `fields` bucket, the facet counts of the
    /// view filtered by that key alone (a shared entity link counts its facets without the
    /// `facets` parts).
    KeyFacets,
}

impl Kind {
    const ALL: [(Kind, &'static str); 22] = [
        (Kind::Catalogue, "catalogue"),
        (Kind::Terms, "terms"),
        (Kind::Positions, "positions"),
        (Kind::Lexicon, "lexicon"),
        (Kind::Lexicon2, "lexicon2"),
        (Kind::Entities, "entities"),
        (Kind::Speakers, "speakers"),
        (Kind::Docs, "docs"),
        (Kind::Texts, "texts"),
        (Kind::Facets, "facets"),
        (Kind::DocTable, "doctable"),
        (Kind::TermTable, "termtable"),
        (Kind::PartList, "partlist"),
        (Kind::Ids, "ids"),
        (Kind::Profiles, "profiles"),
        (Kind::Fields, "fields"),
        (Kind::Tallies, "tallies"),
        (Kind::Mentioned, "mentioned"),
        (Kind::Names, "names"),
        (Kind::Fates, "fates"),
        (Kind::BucketList, "bucketlist"),
        (Kind::KeyFacets, "keyfacets"),
    ];

    /// The file-name suffix.
    pub fn suffix(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(k, _)| *k == self)
            .map_or("", |p| p.1)
    }

    /// The kind's number in payload headers and part lists.
    pub fn code(self) -> u8 {
        Self::ALL.iter().position(|(k, _)| *k == self).unwrap_or(0) as u8
    }

    /// The kind numbered `code` by [`Kind::code`].
    pub fn of_code(code: u8) -> Option<Kind> {
        Self::ALL.get(usize::from(code)).map(|p| p.0)
    }

    fn of_suffix(suffix: &str) -> Option<Kind> {
        Self::ALL.iter().find(|(_, s)| *s == suffix).map(|p| p.0)
    }
}

/// A part's name: the first 16 bytes (32 hex digits) of the SHA-256 of its stored bytes,
/// and its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartName {
    /// Hash prefix of the stored (gzipped) bytes.
    pub hash: [u8; 16],
    /// What the part holds.
    pub kind: Kind,
}

impl fmt::Display for PartName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for byte in self.hash {
            write!(f, "{byte:02x}")?;
        }
        write!(f, ".{}", self.kind.suffix())
    }
}

impl PartName {
    /// Reads `<32 hex digits>.<kind>`.
    pub fn parse(name: &str) -> Option<PartName> {
        let (hex, suffix) = name.split_once('.')?;
        let kind = Kind::of_suffix(suffix)?;
        if hex.len() != 32 || !hex.is_ascii() {
            return None;
        }
        let mut hash = [0u8; 16];
        for (i, byte) in hash.iter_mut().enumerate() {
            *byte = u8::from_str_radix(&hex[i * 2..i * 2 + 2], 16).ok()?;
        }
        Some(PartName { hash, kind })
    }
}

/// What is wrong with a part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// It could not be fetched (absent, or the transport failed).
    Missing(String),
    /// Its bytes do not hash to its name: changed or damaged in transit or on disk.
    WrongHash,
    /// Not gzip, or the gzip stream is damaged.
    BadGzip(String),
    /// The payload does not start with the archive magic.
    BadMagic,
    /// Written by another format version.
    BadVersion(u8),
    /// The payload is another kind of part than its name says.
    WrongKind,
    /// The payload ends in the middle of a value.
    Truncated,
    /// A value is out of range (a count, a character, a date).
    Invalid(&'static str),
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::Missing(why) => write!(f, "missing ({why})"),
            Problem::WrongHash => write!(
                f,
                "wrong hash: its bytes do not match its name (damaged or replaced)"
            ),
            Problem::BadGzip(why) => write!(f, "not readable gzip: {why}"),
            Problem::BadMagic => write!(f, "not a Dossier archive part (bad magic)"),
            Problem::BadVersion(v) => write!(
                f,
                "format version {v}; this Dossier reads version {FORMAT_VERSION} (rebuild the archive)"
            ),
            Problem::WrongKind => write!(f, "holds another kind of data than its name says"),
            Problem::Truncated => write!(f, "truncated: it ends in the middle of a value"),
            Problem::Invalid(what) => write!(f, "invalid {what}"),
        }
    }
}

/// A problem with a named part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartError {
    /// The part's file name (or `manifest.json`).
    pub part: String,
    /// What is wrong.
    pub problem: Problem,
}

impl fmt::Display for PartError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "archive part {}: {}", self.part, self.problem)
    }
}

impl std::error::Error for PartError {}

/// The body of a part being written: varints, strings, byte strings.
#[derive(Debug, Default)]
pub struct Enc {
    bytes: Vec<u8>,
}

impl Enc {
    /// An unsigned LEB128 varint.
    pub fn u64(&mut self, value: u64) {
        crate::varint::push(value, &mut self.bytes);
    }

    /// A `u32` as a varint.
    pub fn u32(&mut self, value: u32) {
        self.u64(u64::from(value));
    }

    /// A length, as a varint.
    pub fn count(&mut self, value: usize) {
        self.u64(value as u64);
    }

    /// Raw bytes of a known length (hashes).
    pub fn raw(&mut self, bytes: &[u8]) {
        self.bytes.extend_from_slice(bytes);
    }

    /// A length-prefixed UTF-8 string.
    pub fn str(&mut self, s: &str) {
        self.count(s.len());
        self.raw(s.as_bytes());
    }

    /// An ascending document list as a count and gaps.
    pub fn docs(&mut self, docs: &[u32]) {
        self.count(docs.len());
        let mut last = 0;
        for &doc in docs {
            self.u32(doc - last);
            last = doc;
        }
    }

    /// A count, then each item as `each` writes it.
    pub fn list<'t, T>(&mut self, items: &'t [T], mut each: impl FnMut(&mut Enc, &'t T)) {
        self.count(items.len());
        for item in items {
            each(self, item);
        }
    }

    /// A part name's hash (the kind is known from where it is stored).
    pub fn name(&mut self, name: &PartName) {
        self.raw(&name.hash);
    }

    /// The bytes so far.
    pub fn into_bytes(self) -> Vec<u8> {
        self.bytes
    }
}

/// Reads a part body written by [`Enc`]; every read checks the bounds.
#[derive(Debug)]
pub struct Dec<'a> {
    rest: &'a [u8],
}

impl<'a> Dec<'a> {
    /// Reads `body` from its start.
    pub fn new(body: &'a [u8]) -> Self {
        Self { rest: body }
    }

    /// A varint.
    pub fn u64(&mut self) -> Result<u64, Problem> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let (&byte, rest) = self.rest.split_first().ok_or(Problem::Truncated)?;
            self.rest = rest;
            value |= u64::from(byte & 0x7f) << shift;
            if byte < 0x80 {
                return Ok(value);
            }
        }
        Err(Problem::Invalid("varint"))
    }

    /// A varint that must fit a `u32`.
    pub fn u32(&mut self) -> Result<u32, Problem> {
        u32::try_from(self.u64()?).map_err(|_| Problem::Invalid("number"))
    }

    /// A length, bounded by the bytes left (every element takes at least one byte), so a
    /// damaged count cannot ask for a huge allocation.
    pub fn count(&mut self) -> Result<usize, Problem> {
        let n = self.u64()?;
        if n > self.rest.len() as u64 {
            return Err(Problem::Truncated);
        }
        Ok(n as usize)
    }

    /// `n` raw bytes.
    pub fn raw(&mut self, n: usize) -> Result<&'a [u8], Problem> {
        if n > self.rest.len() {
            return Err(Problem::Truncated);
        }
        let (head, rest) = self.rest.split_at(n);
        self.rest = rest;
        Ok(head)
    }

    /// A string.
    pub fn str(&mut self) -> Result<String, Problem> {
        let n = self.count()?;
        let bytes = self.raw(n)?;
        String::from_utf8(bytes.to_vec()).map_err(|_| Problem::Invalid("text (not UTF-8)"))
    }

    /// A document list written by [`Enc::docs`].
    ///
    /// Most gaps of a long list are one byte: those are read straight off the slice, the
    /// rest through [`Dec::u32`]. A cold link decodes a million or more gaps at 250,000
    /// articles (its facet postings), a tenth of its main-thread time in the browser.
    pub fn docs(&mut self) -> Result<Vec<u32>, Problem> {
        let n = self.count()?;
        let mut out = Vec::with_capacity(n);
        let mut doc = 0u32;
        for _ in 0..n {
            let gap = match self.rest.split_first() {
                Some((&byte, rest)) if byte < 0x80 => {
                    self.rest = rest;
                    u32::from(byte)
                }
                _ => self.u32()?,
            };
            doc = doc
                .checked_add(gap)
                .ok_or(Problem::Invalid("document number"))?;
            out.push(doc);
        }
        Ok(out)
    }

    /// A list written by [`Enc::list`], each item read by `each`.
    pub fn list<T>(
        &mut self,
        mut each: impl FnMut(&mut Self) -> Result<T, Problem>,
    ) -> Result<Vec<T>, Problem> {
        let n = self.count()?;
        let mut items = Vec::with_capacity(n);
        for _ in 0..n {
            items.push(each(self)?);
        }
        Ok(items)
    }

    /// A part name of a known kind.
    pub fn name(&mut self, kind: Kind) -> Result<PartName, Problem> {
        let mut hash = [0u8; 16];
        hash.copy_from_slice(self.raw(16)?);
        Ok(PartName { hash, kind })
    }

    /// Whether every byte was read.
    pub fn is_done(&self) -> bool {
        self.rest.is_empty()
    }
}

/// Frames, compresses and names a part body: returns the name and the bytes to store.
pub fn seal(kind: Kind, body: &[u8]) -> (PartName, Vec<u8>) {
    let mut payload = Vec::with_capacity(body.len() + 6);
    payload.extend_from_slice(&MAGIC);
    payload.push(FORMAT_VERSION);
    payload.push(kind.code());
    payload.extend_from_slice(body);
    // No file name and mtime 0 in the gzip header: the bytes depend on the payload only.
    let mut gz = flate2::GzBuilder::new()
        .mtime(0)
        .write(Vec::new(), flate2::Compression::new(GZIP_LEVEL));
    std::io::Write::write_all(&mut gz, &payload).expect("writing to a Vec cannot fail");
    let stored = gz.finish().expect("writing to a Vec cannot fail");
    (
        PartName {
            hash: hash_of(&stored),
            kind,
        },
        stored,
    )
}

/// The first 16 bytes of the SHA-256 of `bytes`.
pub fn hash_of(bytes: &[u8]) -> [u8; 16] {
    let digest = Sha256::digest(bytes);
    let mut hash = [0u8; 16];
    hash.copy_from_slice(&digest[..16]);
    hash
}

/// Checks a stored part against its name and returns its body: hash, gunzip, magic,
/// version, kind.
pub fn open(name: &PartName, stored: &[u8]) -> Result<Vec<u8>, PartError> {
    let fail = |problem| PartError {
        part: name.to_string(),
        problem,
    };
    if hash_of(stored) != name.hash {
        return Err(fail(Problem::WrongHash));
    }
    let mut payload = gunzip(stored).map_err(|why| fail(Problem::BadGzip(why)))?;
    if payload.len() < 6 || payload[..4] != MAGIC {
        return Err(fail(Problem::BadMagic));
    }
    if payload[4] != FORMAT_VERSION {
        return Err(fail(Problem::BadVersion(payload[4])));
    }
    if payload[5] != name.kind.code() {
        return Err(fail(Problem::WrongKind));
    }
    payload.drain(..6);
    Ok(payload)
}

/// The payload of a one-member gzip file (RFC 1952), its length checked against the
/// trailer's. Not flate2's reader: that one checks the trailer's CRC-32 too, through a
/// 16 KB table that is a twentieth of the app's compressed wasm (random bytes, which no
/// compression shrinks) and that every cold link would download, while a part's bytes are
/// already proved by their SHA-256 ([`open`]) before they are inflated. The header is
/// read whole (optional fields included), so any gzip writer's parts open.
fn gunzip(stored: &[u8]) -> Result<Vec<u8>, String> {
    const TEXT_FLAGS: u8 = 0x01;
    const HEADER_CRC: u8 = 0x02;
    const EXTRA: u8 = 0x04;
    const NAME: u8 = 0x08;
    const COMMENT: u8 = 0x10;
    let short = || "the stream is cut short".to_string();
    let [0x1f, 0x8b, method, flags, ..] = *stored else {
        return Err("no gzip header".into());
    };
    if method != 8 {
        return Err(format!("compression method {method}, not deflate"));
    }
    if flags & !(TEXT_FLAGS | HEADER_CRC | EXTRA | NAME | COMMENT) != 0 {
        return Err(format!("reserved header flags set ({flags:#04x})"));
    }
    let mut at = 10;
    if flags & EXTRA != 0 {
        let length = stored.get(at..at + 2).ok_or_else(short)?;
        at += 2 + usize::from(u16::from_le_bytes([length[0], length[1]]));
    }
    for field in [NAME, COMMENT] {
        if flags & field != 0 {
            let end = stored
                .get(at..)
                .and_then(|rest| rest.iter().position(|&b| b == 0));
            at += end.ok_or_else(short)? + 1;
        }
    }
    if flags & HEADER_CRC != 0 {
        at += 2;
    }
    let trailer = stored
        .len()
        .checked_sub(8)
        .filter(|&t| t >= at)
        .ok_or_else(short)?;
    let size = &stored[trailer + 4..];
    let declared = u32::from_le_bytes([size[0], size[1], size[2], size[3]]) as usize;
    // The declared size bounds what inflating may allocate.
    let payload =
        miniz_oxide::inflate::decompress_to_vec_with_limit(&stored[at..trailer], declared)
            .map_err(|e| format!("damaged deflate stream ({:?})", e.status))?;
    if payload.len() != declared {
        return Err(format!(
            "{} bytes inflated, the trailer says {declared}",
            payload.len()
        ));
    }
    Ok(payload)
}

/// A stable 64-bit FNV-1a hash, for bucketing keys (the same on every platform and build).
pub fn bucket_of(key: &str, buckets: u32) -> u32 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &byte in key.as_bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    (hash % u64::from(buckets.max(1))) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sealed_part_opens_to_its_body_and_its_name_round_trips() {
        let (name, stored) = seal(Kind::Terms, b"hello");
        assert_eq!(open(&name, &stored).unwrap(), b"hello");
        assert_eq!(PartName::parse(&name.to_string()), Some(name));
        assert!(name.to_string().ends_with(".terms"));
    }

    #[test]
    fn damage_is_reported_by_kind() {
        let (name, mut stored) = seal(Kind::Docs, b"body");
        let wrong_kind = PartName {
            kind: Kind::Terms,
            ..name
        };
        assert_eq!(
            open(&wrong_kind, &stored).unwrap_err().problem,
            Problem::WrongKind
        );
        stored[12] ^= 1;
        assert_eq!(
            open(&name, &stored).unwrap_err().problem,
            Problem::WrongHash
        );
        let cut = &stored[..stored.len() / 2];
        let cut_name = PartName {
            hash: hash_of(cut),
            ..name
        };
        assert!(matches!(
            open(&cut_name, cut).unwrap_err().problem,
            Problem::BadGzip(_)
        ));
    }

    #[test]
    fn gunzip_reads_any_writers_header_and_checks_the_trailer() {
        let payload = "Ölpreise steigen. ".repeat(200).into_bytes();
        // A writer that names the file, comments it and checks its header.
        let mut gz = flate2::GzBuilder::new()
            .filename("part.bin")
            .comment("made elsewhere")
            .extra(vec![1, 2, 3])
            .write(Vec::new(), flate2::Compression::best());
        std::io::Write::write_all(&mut gz, &payload).unwrap();
        let stored = gz.finish().unwrap();
        assert_eq!(gunzip(&stored).unwrap(), payload);

        let mut wrong_size = stored.clone();
        let at = wrong_size.len() - 4;
        wrong_size[at] ^= 1;
        assert!(gunzip(&wrong_size).unwrap_err().contains("trailer"));
        let mut damaged = stored.clone();
        let middle = damaged.len() / 2;
        damaged[middle..middle + 8].fill(0xff);
        assert!(gunzip(&damaged).is_err());
        assert!(gunzip(&stored[..9]).is_err());
        assert!(gunzip(b"plain text, not gzip").is_err());
    }

    #[test]
    fn varints_and_lists_round_trip_and_truncation_is_an_error() {
        let mut enc = Enc::default();
        enc.u64(300);
        enc.str("ölpreis");
        enc.docs(&[3, 9, 200_000]);
        let bytes = enc.into_bytes();
        let mut dec = Dec::new(&bytes);
        assert_eq!(dec.u64(), Ok(300));
        assert_eq!(dec.str().as_deref(), Ok("ölpreis"));
        assert_eq!(dec.docs(), Ok(vec![3, 9, 200_000]));
        assert!(dec.is_done());
        let mut short = Dec::new(&bytes[..bytes.len() - 1]);
        short.u64().unwrap();
        short.str().unwrap();
        assert_eq!(short.docs(), Err(Problem::Truncated));
        // A one-byte gap past the largest document number, and a list cut short on one.
        let past_the_end = [2, 0xff, 0xff, 0xff, 0xff, 0x0f, 1];
        assert_eq!(
            Dec::new(&past_the_end).docs(),
            Err(Problem::Invalid("document number"))
        );
        assert_eq!(Dec::new(&[3, 1, 1]).docs(), Err(Problem::Truncated));
    }
}

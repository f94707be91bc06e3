//! `mentioned` parts: the dates the articles mention (TIMEX3 values naming a day, a month, a
//! year or a range of them), so a `dates=mentioned` link answers from an archive as the
//! embedded build answers it — the articles whose mentioned dates overlap the range, and
//! the histogram of those mentions.
//!
//! The mentions are grouped by interval (`1987-03`, `1987-03-02`, `1986/1987`), each group
//! with its documents (one posting per mention, so the histogram counts mentions), sorted by
//! where the interval starts, and cut into parts of about [`ENTRIES_PER_PART`] postings. The
//! catalogue lists each part's first start and its *reach*, the last day any of its
//! intervals covers: a range asks only for the parts that can overlap it, without a table
//! per day or per month to keep in step with the collection. A part's reach also covers the
//! whole period of each interval's start (`1987` reaches 1987-12-31 even as the start of
//! `1987/1987-03`), because the histogram counts a mention by the period its start names.
//!
//! Dates without a year (`XXXX-11-23`) cannot be placed in a range: they are only drawn
//! apart in the histogram, and live in their own parts, which every mentioned-dates
//! histogram reads.
//!
//! A histogram without a range reads every part: on the Reuters articles that is the whole
//! table (see `docs/notes/archive.md` for its size at each scale).

use super::codec::{Dec, Enc, PartName, Problem};
use super::parts::done;
use crate::index::DayRange;
use crate::index::dates::upper;

/// Postings per `mentioned` part, on average (a group is never split, so one date named in
/// many articles makes a larger part).
pub const ENTRIES_PER_PART: usize = 8192;

/// The documents mentioning one interval, once per mention, ascending.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MentionedGroup {
    /// The interval (for a year-unknown date, `lo` = `hi` = its key, year 0).
    pub range: DayRange,
    /// Documents, ascending, repeated when a document mentions it more than once.
    pub docs: Vec<u32>,
}

impl MentionedGroup {
    /// The last day the group can count in: its interval's end, or the end of the period
    /// its start names, whichever is later.
    pub fn reach(&self) -> u32 {
        self.range.hi.max(upper(self.range.lo))
    }
}

/// A `mentioned` part: groups sorted by interval.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MentionedPart {
    /// The groups, by `(lo, hi)`.
    pub groups: Vec<MentionedGroup>,
}

impl MentionedPart {
    /// The body bytes: `len { lo-gap hi-lo docs }`.
    pub fn encode(&self) -> Vec<u8> {
        let mut enc = Enc::default();
        let mut last = 0;
        enc.list(&self.groups, |enc, group| {
            enc.u32(group.range.lo - last);
            last = group.range.lo;
            enc.u32(group.range.hi - group.range.lo);
            enc.docs(&group.docs);
        });
        enc.into_bytes()
    }

    /// Reads a body written by [`MentionedPart::encode`].
    pub fn decode(body: &[u8]) -> Result<Self, Problem> {
        let mut dec = Dec::new(body);
        let mut last = 0u32;
        let groups = dec.list(|dec| {
            let lo = last
                .checked_add(dec.u32()?)
                .ok_or(Problem::Invalid("mentioned date"))?;
            last = lo;
            let hi = lo
                .checked_add(dec.u32()?)
                .ok_or(Problem::Invalid("mentioned date"))?;
            Ok(MentionedGroup {
                range: DayRange { lo, hi },
                docs: dec.docs()?,
            })
        })?;
        done(&dec, Self { groups })
    }
}

/// One `mentioned` part as the catalogue lists it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MentionedChunk {
    /// The first interval's start.
    pub lo: u32,
    /// The latest [`MentionedGroup::reach`] of its groups.
    pub reach: u32,
    /// The part.
    pub name: PartName,
}

/// Where an archive's mentioned dates are.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MentionedTable {
    /// Parts of dates with a known year, by start.
    pub chunks: Vec<MentionedChunk>,
    /// Parts of year-unknown dates.
    pub year_unknown: Vec<PartName>,
}

impl MentionedTable {
    /// Writes `len { lo-gap reach-lo hash } names(year-unknown)`.
    pub fn encode(&self, enc: &mut Enc) {
        let mut last = 0;
        enc.list(&self.chunks, |enc, chunk| {
            enc.u32(chunk.lo - last);
            last = chunk.lo;
            enc.u32(chunk.reach - chunk.lo);
            enc.name(&chunk.name);
        });
        enc.list(&self.year_unknown, Enc::name);
    }

    /// Reads what [`MentionedTable::encode`] wrote.
    pub fn decode(dec: &mut Dec) -> Result<Self, Problem> {
        use super::codec::Kind;
        let mut last = 0u32;
        let chunks = dec.list(|dec| {
            let lo = last
                .checked_add(dec.u32()?)
                .ok_or(Problem::Invalid("mentioned dates table"))?;
            last = lo;
            let reach = lo
                .checked_add(dec.u32()?)
                .ok_or(Problem::Invalid("mentioned dates table"))?;
            Ok(MentionedChunk {
                lo,
                reach,
                name: dec.name(Kind::Mentioned)?,
            })
        })?;
        let year_unknown = dec.list(|dec| dec.name(Kind::Mentioned))?;
        Ok(Self {
            chunks,
            year_unknown,
        })
    }

    /// The known-year parts a mentioned-dates view of `range` reads, in order: those that
    /// may hold an interval overlapping it, or every one without a range. (Its histogram
    /// reads the [`MentionedTable::year_unknown`] parts too.)
    pub fn parts_for(&self, range: Option<DayRange>) -> impl Iterator<Item = PartName> + '_ {
        self.chunks
            .iter()
            .filter(move |c| range.is_none_or(|r| c.lo <= r.hi && c.reach >= r.lo))
            .map(|c| c.name)
    }
}

/// The groups of an index's mentioned dates: `(known, year_unknown)`, each sorted by
/// interval, documents ascending.
#[cfg(not(target_arch = "wasm32"))]
pub fn groups_of(index: &crate::index::Index) -> (Vec<MentionedGroup>, Vec<MentionedGroup>) {
    // The table's entries are sorted by interval, then document.
    let known = grouped(index.mentioned.entries().iter().copied());
    let mut year_unknown: Vec<(DayRange, u32)> = (0..index.len() as u32)
        .flat_map(|doc| {
            index
                .doc_year_unknown
                .get(doc)
                .iter()
                .map(move |&key| (DayRange { lo: key, hi: key }, doc))
        })
        .collect();
    crate::sort::unstable(&mut year_unknown);
    (known, grouped(year_unknown.into_iter()))
}

#[cfg(not(target_arch = "wasm32"))]
fn grouped(entries: impl Iterator<Item = (DayRange, u32)>) -> Vec<MentionedGroup> {
    let mut groups: Vec<MentionedGroup> = Vec::new();
    for (range, doc) in entries {
        match groups.last_mut() {
            Some(group) if group.range == range => group.docs.push(doc),
            _ => groups.push(MentionedGroup {
                range,
                docs: vec![doc],
            }),
        }
    }
    groups
}

/// Groups cut into parts of about [`ENTRIES_PER_PART`] postings, never splitting a group.
pub fn chunked(groups: Vec<MentionedGroup>) -> Vec<MentionedPart> {
    let mut parts = Vec::new();
    let mut current = MentionedPart::default();
    let mut postings = 0;
    for group in groups {
        postings += group.docs.len();
        current.groups.push(group);
        if postings >= ENTRIES_PER_PART {
            parts.push(std::mem::take(&mut current));
            postings = 0;
        }
    }
    if !current.groups.is_empty() {
        parts.push(current);
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn group(lo: u32, hi: u32, docs: &[u32]) -> MentionedGroup {
        MentionedGroup {
            range: DayRange { lo, hi },
            docs: docs.to_vec(),
        }
    }

    #[test]
    fn a_part_reads_back_what_was_written_with_repeated_documents() {
        let part = MentionedPart {
            groups: vec![
                group(19870000, 19879999, &[3, 3, 9]),
                group(19870000, 19870399, &[4]),
                group(19870302, 19870302, &[0, 7]),
            ],
        };
        assert_eq!(MentionedPart::decode(&part.encode()), Ok(part));
    }

    #[test]
    fn a_range_reads_only_the_parts_that_can_overlap_it() {
        let name = |b: u8| PartName {
            hash: [b; 16],
            kind: super::super::codec::Kind::Mentioned,
        };
        let table = MentionedTable {
            chunks: vec![
                // A year interval reaches to the end of its year.
                MentionedChunk {
                    lo: 19860000,
                    reach: 19869999,
                    name: name(1),
                },
                MentionedChunk {
                    lo: 19870100,
                    reach: 19870299,
                    name: name(2),
                },
                MentionedChunk {
                    lo: 19870301,
                    reach: 19880000,
                    name: name(3),
                },
            ],
            year_unknown: vec![name(9)],
        };
        let march = DayRange {
            lo: 19870300,
            hi: 19870399,
        };
        let read: Vec<PartName> = table.parts_for(Some(march)).collect();
        assert_eq!(read, vec![name(3)]);
        assert_eq!(table.parts_for(None).count(), 3);
        let mut enc = Enc::default();
        table.encode(&mut enc);
        let bytes = enc.into_bytes();
        assert_eq!(MentionedTable::decode(&mut Dec::new(&bytes)), Ok(table));
    }

    #[test]
    fn the_reach_of_a_range_covers_the_period_of_its_start() {
        // `1987/1987-03`: counted under 1987, which ends after the range does.
        assert_eq!(group(19870000, 19870399, &[1]).reach(), 19879999);
        assert_eq!(group(19870302, 19870310, &[1]).reach(), 19870310);
    }

    #[test]
    fn parts_never_split_a_group() {
        let big = group(19870302, 19870302, &vec![1; ENTRIES_PER_PART + 5]);
        let parts = chunked(vec![
            group(19870301, 19870301, &[1]),
            big,
            group(19870303, 19870303, &[2]),
        ]);
        assert_eq!(parts.len(), 2);
        assert_eq!(parts[0].groups.len(), 2);
        assert_eq!(parts[1].groups.len(), 1);
    }
}

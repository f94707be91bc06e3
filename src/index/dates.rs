//! Dates as sortable keys: publication dates and mentioned dates (TIMEX3 values) become
//! day intervals, so one range check covers full and partial dates alike.
//!
//! A key is `year * 10000 + month * 100 + day`, with `00` for an unknown month or day:
//! `1987` → `19870000`, `1987-02` → `19870200`. A date covers `key ..= upper(key)`, where
//! the unknown parts become `99`, so `1987-02` overlaps a range `from=1987-02-15` and a
//! range `to=1987-01` does not. Year-unknown dates (`XXXX-11-23`) cannot be placed on a
//! timeline and are kept apart.

use crate::corpus::Date;

/// A day interval `lo ..= hi` in key form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DayRange {
    /// First key covered (partial parts as `00`, so it also names the precision).
    pub lo: u32,
    /// Last key covered (partial parts as `99`).
    pub hi: u32,
}

impl DayRange {
    /// The interval a (possibly partial) date covers.
    pub fn of_date(date: Date) -> Self {
        let lo = key(date.year, date.month.unwrap_or(0), date.day.unwrap_or(0));
        Self { lo, hi: upper(lo) }
    }

    /// Whether the two intervals share a day.
    pub fn overlaps(self, other: DayRange) -> bool {
        self.lo <= other.hi && other.lo <= self.hi
    }
}

/// What a TIMEX3 value says about the calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionedDate {
    /// A date or range with a known year.
    Known(DayRange),
    /// Month (and day) without a year, as in `XXXX-11-23`; the key has year 0.
    YearUnknown(u32),
}

/// Reads a TIMEX3 value that names calendar dates: `YYYY`, `YYYY-MM`, `YYYY-MM-DD` (a time
/// after `T` is dropped), `A/B` ranges of those, and `XXXX-MM(-DD)`. Durations, weeks,
/// seasons and `PRESENT_REF` give `None`.
pub fn parse_timex(value: &str) -> Option<MentionedDate> {
    if let Some((a, b)) = value.split_once('/') {
        let (MentionedDate::Known(a), MentionedDate::Known(b)) = (parse_timex(a)?, parse_timex(b)?)
        else {
            return None;
        };
        return (a.lo <= b.hi).then_some(MentionedDate::Known(DayRange { lo: a.lo, hi: b.hi }));
    }
    let date = value.split_once('T').map_or(value, |(d, _)| d);
    let mut parts = date.split('-');
    let year = parts.next()?;
    let month = parts.next().map(two_digits).unwrap_or(Some(0))?;
    let day = parts.next().map(two_digits).unwrap_or(Some(0))?;
    if parts.next().is_some() || month > 12 || day > 31 || (month == 0 && day != 0) {
        return None;
    }
    if year == "XXXX" {
        return (month != 0).then_some(MentionedDate::YearUnknown(key(0, month, day)));
    }
    if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let year: u16 = year.parse().ok()?;
    let lo = key(year, month, day);
    (year > 0).then_some(MentionedDate::Known(DayRange { lo, hi: upper(lo) }))
}

fn two_digits(s: &str) -> Option<u8> {
    (s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// The key of a date; `0` stands for an unknown month or day.
pub fn key(year: u16, month: u8, day: u8) -> u32 {
    u32::from(year) * 10000 + u32::from(month) * 100 + u32::from(day)
}

/// The last key a key covers: unknown parts become `99`.
pub fn upper(key: u32) -> u32 {
    let (year, month, day) = (key / 10000, key / 100 % 100, key % 100);
    if month == 0 {
        year * 10000 + 9999
    } else if day == 0 {
        year * 10000 + month * 100 + 99
    } else {
        key
    }
}

/// Year, month (0 if unknown) and day (0 if unknown) of a key.
pub fn parts(key: u32) -> (u32, u32, u32) {
    (key / 10000, key / 100 % 100, key % 100)
}

/// Intervals of many documents, sorted by start, for range queries.
#[derive(Debug, Clone, Default)]
pub struct DateTable {
    /// `(range, doc)` sorted by `range.lo`.
    entries: Vec<(DayRange, u32)>,
    /// The widest interval, so a query knows how far before its start to look.
    widest: u32,
}

impl DateTable {
    /// Sorts the entries once.
    pub fn new(mut entries: Vec<(DayRange, u32)>) -> Self {
        crate::sort::unstable(&mut entries);
        let widest = entries.iter().map(|(r, _)| r.hi - r.lo).max().unwrap_or(0);
        Self { entries, widest }
    }

    /// Calls `each(doc)` for every entry that overlaps `range` (a doc may come more than once).
    pub fn overlapping(&self, range: DayRange, mut each: impl FnMut(u32)) {
        let earliest = range.lo.saturating_sub(self.widest);
        let first = self.entries.partition_point(|(r, _)| r.lo < earliest);
        for &(r, doc) in &self.entries[first..] {
            if r.lo > range.hi {
                break;
            }
            if r.overlaps(range) {
                each(doc);
            }
        }
    }

    /// Every `(range, doc)`, sorted by range, then document.
    #[cfg(not(target_arch = "wasm32"))]
    pub(crate) fn entries(&self) -> &[(DayRange, u32)] {
        &self.entries
    }

    /// Bytes on the heap.
    pub fn heap_size(&self) -> usize {
        self.entries.capacity() * std::mem::size_of::<(DayRange, u32)>()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known(value: &str) -> Option<(u32, u32)> {
        match parse_timex(value)? {
            MentionedDate::Known(r) => Some((r.lo, r.hi)),
            MentionedDate::YearUnknown(_) => None,
        }
    }

    #[test]
    fn full_and_partial_timex_values_become_intervals() {
        assert_eq!(known("2022-11-23"), Some((20221123, 20221123)));
        assert_eq!(known("2022-11"), Some((20221100, 20221199)));
        assert_eq!(known("2022"), Some((20220000, 20229999)));
        assert_eq!(known("2022-11-23T10:00"), Some((20221123, 20221123)));
        assert_eq!(known("2022-09-13/2022-09-14"), Some((20220913, 20220914)));
    }

    #[test]
    fn year_unknown_dates_are_kept_apart() {
        assert_eq!(
            parse_timex("XXXX-11-23"),
            Some(MentionedDate::YearUnknown(1123))
        );
        assert_eq!(parse_timex("XXXX"), None);
    }

    #[test]
    fn values_that_are_not_calendar_dates_are_ignored() {
        for value in [
            "P2M",
            "PRESENT_REF",
            "2022-W47",
            "2022-SU",
            "",
            "20221",
            "2022-13",
        ] {
            assert_eq!(parse_timex(value), None, "{value}");
        }
    }

    #[test]
    fn a_partial_date_overlaps_ranges_inside_it() {
        let month = DayRange::of_date(Date {
            year: 1987,
            month: Some(2),
            day: None,
        });
        let mid_feb = DayRange {
            lo: 19870215,
            hi: 99999999,
        };
        assert!(month.overlaps(mid_feb));
        let january = DayRange {
            lo: 0,
            hi: upper(19870100),
        };
        assert!(!month.overlaps(january));
    }

    #[test]
    fn range_queries_find_wide_entries_that_start_before_the_range() {
        let table = DateTable::new(vec![
            (
                DayRange {
                    lo: 19870000,
                    hi: 19879999,
                },
                0,
            ),
            (
                DayRange {
                    lo: 19870301,
                    hi: 19870301,
                },
                1,
            ),
            (
                DayRange {
                    lo: 19880101,
                    hi: 19880101,
                },
                2,
            ),
        ]);
        let mut found = Vec::new();
        table.overlapping(
            DayRange {
                lo: 19870300,
                hi: 19870399,
            },
            |d| found.push(d),
        );
        crate::sort::all(&mut found);
        assert_eq!(found, [0, 1]);
    }
}

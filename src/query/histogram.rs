//! The date histogram: matching articles (publication dates) or their mentioned dates over
//! time, in buckets of a year, a month or a day chosen from the range looked at.

use super::eval::date_range;
use super::filter::{DateField, Filter};
use crate::index::dates::{parts, upper};
use crate::index::{DayRange, DocSet, Index};

/// Bucket size of a histogram.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Granularity {
    /// One bucket per year.
    Year,
    /// One bucket per month.
    Month,
    /// One bucket per day.
    Day,
}

/// One histogram bucket.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bucket {
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; a date coarser than the granularity keeps its own
    /// (`1987` among months); year-unknown ones read `XXXX-MM(-DD)`.
    pub label: String,
    /// Articles (published) or mentions (mentioned) in it.
    pub count: u32,
}

/// Matching dates over time. Only non-empty buckets are listed, in time order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Histogram {
    /// Bucket size, chosen from the range (the filter's, else the data's).
    pub granularity: Granularity,
    /// Buckets with a known year.
    pub buckets: Vec<Bucket>,
    /// Dates with a month but no year (mentioned dates only).
    pub year_unknown: Vec<Bucket>,
    /// Matching articles without a date (published dates only).
    pub undated: u32,
}

/// The histogram of the dates the filter ranges over.
pub fn histogram(index: &Index, filter: &Filter, matches: &DocSet) -> Histogram {
    let range = date_range(filter);
    let mut known: Vec<u32> = Vec::new();
    let mut year_unknown: Vec<u32> = Vec::new();
    let mut undated = 0;
    match filter.dates {
        DateField::Published => {
            // Oldest first, so the keys come sorted and the sort below is linear.
            for &doc in index.newest_first.iter().rev() {
                if matches.contains(doc) {
                    match index.published_keys[doc as usize] {
                        0 => undated += 1,
                        key => known.push(key),
                    }
                }
            }
        }
        DateField::Mentioned => {
            for doc in matches.iter() {
                for &key in index.doc_mentioned.get(doc) {
                    let inside = range.is_none_or(|r| {
                        DayRange {
                            lo: key,
                            hi: upper(key),
                        }
                        .overlaps(r)
                    });
                    if inside {
                        known.push(key);
                    }
                }
                year_unknown.extend_from_slice(index.doc_year_unknown.get(doc));
            }
        }
    }
    from_keys(filter, known, year_unknown, undated)
}

/// The histogram of known date keys (sorted or not), year-unknown keys and undated
/// articles, bucketed for the filter's range (shared with the archive reader).
pub(crate) fn from_keys(
    filter: &Filter,
    mut known: Vec<u32>,
    mut year_unknown: Vec<u32>,
    undated: u32,
) -> Histogram {
    let range = date_range(filter);
    let (lo, hi) = match range {
        Some(r) if r.lo > 0 && r.hi < u32::MAX => (r.lo, r.hi),
        _ => (
            known.iter().copied().min().unwrap_or(0),
            known.iter().copied().max().unwrap_or(0),
        ),
    };
    let granularity = granularity_for(lo, hi);
    Histogram {
        granularity,
        buckets: buckets(&mut known, granularity, false),
        year_unknown: buckets(&mut year_unknown, Granularity::Day, true),
        undated,
    }
}

/// Years for ranges of three years or more, months for three months or more, else days.
fn granularity_for(lo: u32, hi: u32) -> Granularity {
    let (y1, m1, _) = parts(lo);
    let (y2, m2, _) = parts(hi.min(99_991_231));
    let months = (y2 * 12 + m2.clamp(1, 12)).saturating_sub(y1 * 12 + m1.clamp(1, 12));
    if months >= 36 {
        Granularity::Year
    } else if months >= 3 {
        Granularity::Month
    } else {
        Granularity::Day
    }
}

/// Counts keys per bucket, in time order.
fn buckets(keys: &mut [u32], granularity: Granularity, year_unknown: bool) -> Vec<Bucket> {
    for key in keys.iter_mut() {
        *key = match granularity {
            Granularity::Year => *key / 10000 * 10000,
            Granularity::Month => *key / 100 * 100,
            Granularity::Day => *key,
        };
    }
    keys.sort_unstable();
    let mut out: Vec<Bucket> = Vec::new();
    let mut last = None;
    for &key in keys.iter() {
        if last == Some(key) {
            if let Some(bucket) = out.last_mut() {
                bucket.count += 1;
            }
            continue;
        }
        last = Some(key);
        out.push(Bucket {
            label: label(key, year_unknown),
            count: 1,
        });
    }
    out
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` as far as the key is known.
fn label(key: u32, year_unknown: bool) -> String {
    let (year, month, day) = parts(key);
    let year = if year_unknown {
        "XXXX".to_string()
    } else {
        format!("{year:04}")
    };
    match (month, day) {
        (0, _) => year,
        (m, 0) => format!("{year}-{m:02}"),
        (m, d) => format!("{year}-{m:02}-{d:02}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_range_length_picks_the_bucket_size() {
        assert_eq!(granularity_for(20220101, 20221231), Granularity::Month);
        assert_eq!(granularity_for(19870000, 19909999), Granularity::Year);
        assert_eq!(granularity_for(20221101, 20221130), Granularity::Day);
        assert_eq!(granularity_for(0, 0), Granularity::Day);
    }

    #[test]
    fn buckets_are_counted_in_time_order_with_coarse_dates_apart() {
        let mut keys = vec![19870302, 19870000, 19870301, 19870215];
        let labels: Vec<(String, u32)> = buckets(&mut keys, Granularity::Month, false)
            .into_iter()
            .map(|b| (b.label, b.count))
            .collect();
        assert_eq!(
            labels,
            [
                ("1987".into(), 1),
                ("1987-02".into(), 1),
                ("1987-03".into(), 2)
            ]
        );
    }

    #[test]
    fn year_unknown_keys_read_as_xxxx() {
        assert_eq!(label(1123, true), "XXXX-11-23");
        assert_eq!(label(19870226, false), "1987-02-26");
    }
}

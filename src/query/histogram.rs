//! The date histogram: matching articles (publication dates) or their mentioned dates over
//! time, in buckets of a year, a month or a day chosen from the range looked at.
//!
//! The axis is continuous: every period between the first and the last date is a bucket,
//! empty ones counted as zero, so distance on the chart is distance in time. Dates less
//! precise than the buckets (`1987` among months) are counted apart ([`Histogram::coarse`]).
//!
//! Mentioned dates are kept to plausible ones ([`plausible_years`]): the years of
//! publication widened by [`PLAUSIBLE_MARGIN_YEARS`] each side. A news archive talks about
//! the past within living memory and about plans, deadlines and maturities ahead; a
//! "date" of year 1000 or 2080 in a 1987 wire story is far more often a misread number
//! ("1,000 tonnes") than a date, and one such outlier stretches the axis so that the real
//! dates collapse into one bar. Those left out are counted ([`Histogram::left_out`]) and the
//! window is reported, so nothing disappears silently.
//!
//! [`overview`] is the histogram of the whole collection under the other filters (the date
//! range removed): the timeline draws it with the selected range as a brush, so selecting
//! never hides the rest of the collection; [`histogram`] (what a search returns) is the
//! detail of the range.

use super::eval::{date_range, evaluate};
use super::filter::{DateField, Filter};
use crate::corpus::{Date, days_in_month};
use crate::index::dates::{parts, upper};
use crate::index::{DayRange, DocSet, Index};

/// Years before the first and after the last publication year that mentioned dates may
/// fall in and still be drawn (see the module doc).
pub const PLAUSIBLE_MARGIN_YEARS: u16 = 30;

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

impl Granularity {
    /// The unit's name, for labels ("articles per month").
    pub fn unit(self) -> &'static str {
        match self {
            Self::Year => "year",
            Self::Month => "month",
            Self::Day => "day",
        }
    }
}

/// One histogram bucket.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bucket {
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; year-unknown ones read `XXXX-MM(-DD)`.
    pub label: String,
    /// Articles (published) or mentions (mentioned) in it.
    pub count: u32,
}

/// Matching dates over time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Histogram {
    /// Bucket size, chosen from the range (the filter's, else the data's).
    pub granularity: Granularity,
    /// Every period from the first to the last date, in time order; empty ones count 0.
    pub buckets: Vec<Bucket>,
    /// Dates less precise than the buckets (a year among months), per period, in time order.
    pub coarse: Vec<Bucket>,
    /// Dates with a month but no year (mentioned dates only).
    pub year_unknown: Vec<Bucket>,
    /// Matching articles without a date (published dates only).
    pub undated: u32,
    /// The years mentioned dates are drawn for (mentioned dates only, when there is any).
    pub plausible: Option<(u16, u16)>,
    /// Mentioned dates outside [`Histogram::plausible`], not drawn.
    pub left_out: u32,
}

/// The histogram of the dates the filter ranges over, for the articles in `matches`.
pub fn histogram(index: &Index, filter: &Filter, matches: &DocSet) -> Histogram {
    if filter.dates == DateField::Mentioned {
        return MentionedKeys::of(index, filter, matches).histogram(filter, plausible_years(index));
    }
    let mut known: Vec<u32> = Vec::new();
    let mut undated = 0;
    // Oldest first, so the keys come sorted and the sort below is linear.
    for &doc in index.newest_first.iter().rev() {
        if matches.contains(doc) {
            match index.published_keys[doc as usize] {
                0 => undated += 1,
                key => known.push(key),
            }
        }
    }
    from_keys(filter, known, Vec::new(), undated, None, 0)
}

/// The mentioned dates a histogram is drawn from: the keys of the matches' mentions inside
/// the filter's range (an `A/B` range by its start), and their year-unknown keys, each as
/// `(key, mentions)` ascending. Kept apart from the histogram so that two collections'
/// mentions (an archive's and the reader's own) add up before the plausible years cut them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MentionedKeys {
    /// Keys with a known year.
    pub known: Vec<(u32, u32)>,
    /// Year-unknown keys (year 0).
    pub year_unknown: Vec<(u32, u32)>,
}

impl MentionedKeys {
    /// The mentioned dates of `matches` in `index` inside `filter`'s range.
    pub fn of(index: &Index, filter: &Filter, matches: &DocSet) -> Self {
        let range = date_range(filter);
        let mut known: Vec<u32> = Vec::new();
        let mut year_unknown: Vec<u32> = Vec::new();
        for doc in matches.iter() {
            known.extend(
                index
                    .doc_mentioned
                    .get(doc)
                    .iter()
                    .copied()
                    .filter(|&key| key_in_range(key, range)),
            );
            year_unknown.extend_from_slice(index.doc_year_unknown.get(doc));
        }
        Self {
            known: counted_keys(known),
            year_unknown: counted_keys(year_unknown),
        }
    }

    /// Both collections' keys.
    pub fn merge(&self, other: &MentionedKeys) -> MentionedKeys {
        MentionedKeys {
            known: merge_counts(&self.known, &other.known),
            year_unknown: merge_counts(&self.year_unknown, &other.year_unknown),
        }
    }

    /// The histogram of these keys: those outside the `plausible` years are counted, not
    /// drawn.
    pub fn histogram(&self, filter: &Filter, plausible: Option<(u16, u16)>) -> Histogram {
        let mut kept = Vec::new();
        let mut left_out = 0;
        for &(key, n) in &self.known {
            let year = (key / 10000) as u16;
            if plausible.is_some_and(|(lo, hi)| year < lo || year > hi) {
                left_out += n;
            } else {
                kept.extend(std::iter::repeat_n(key, n as usize));
            }
        }
        let year_unknown = self
            .year_unknown
            .iter()
            .flat_map(|&(key, n)| std::iter::repeat_n(key, n as usize))
            .collect();
        from_keys(filter, kept, year_unknown, 0, plausible, left_out)
    }
}

/// Whether a mentioned date's key (the period it names) overlaps `range` (always, without
/// one): what a mentioned-dates histogram counts.
pub fn key_in_range(key: u32, range: Option<DayRange>) -> bool {
    range.is_none_or(|r| {
        DayRange {
            lo: key,
            hi: upper(key),
        }
        .overlaps(r)
    })
}

/// Keys as `(key, occurrences)`, ascending.
pub(crate) fn counted_keys(mut keys: Vec<u32>) -> Vec<(u32, u32)> {
    crate::sort::unstable(&mut keys);
    let mut runs: Vec<(u32, u32)> = Vec::new();
    for key in keys {
        match runs.last_mut() {
            Some((last, n)) if *last == key => *n += 1,
            _ => runs.push((key, 1)),
        }
    }
    runs
}

/// Two ascending `(key, count)` lists as one, counts of the same key added.
pub fn merge_counts(a: &[(u32, u32)], b: &[(u32, u32)]) -> Vec<(u32, u32)> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        match (a.get(i), b.get(j)) {
            (Some(x), Some(y)) if x.0 == y.0 => {
                out.push((x.0, x.1 + y.1));
                i += 1;
                j += 1;
            }
            (Some(x), Some(y)) if x.0 < y.0 => {
                out.push(*x);
                i += 1;
            }
            (Some(x), None) => {
                out.push(*x);
                i += 1;
            }
            (_, Some(y)) => {
                out.push(*y);
                j += 1;
            }
            (None, None) => break,
        }
    }
    out
}

/// The histogram of known date keys (sorted or not), year-unknown keys and undated
/// articles, bucketed for the filter's range (shared with the archive reader); `plausible`
/// and `left_out` say which mentioned years were kept and how many dates were not.
pub(crate) fn from_keys(
    filter: &Filter,
    mut known: Vec<u32>,
    mut year_unknown: Vec<u32>,
    undated: u32,
    plausible: Option<(u16, u16)>,
    left_out: u32,
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
    let (buckets, coarse) = continuous(&mut known, granularity);
    Histogram {
        granularity,
        buckets,
        coarse,
        year_unknown: counted(&mut year_unknown, true),
        undated,
        plausible,
        left_out,
    }
}

/// The histogram of the filter without its date range: the whole collection under the
/// other filters, for the timeline's overview.
pub fn overview(index: &Index, filter: &Filter) -> Histogram {
    let whole = Filter {
        from: None,
        to: None,
        ..filter.clone()
    };
    histogram(index, &whole, &evaluate(index, &whole).matches)
}

/// Articles `docs` per publication period, on a continuous axis (an entity's mentions over
/// time).
pub fn articles_over_time(index: &Index, docs: &[u32]) -> Histogram {
    let mut keys: Vec<u32> = Vec::with_capacity(docs.len());
    let mut undated = 0;
    for &doc in docs {
        match index.published_keys.get(doc as usize) {
            Some(&key) if key > 0 => keys.push(key),
            _ => undated += 1,
        }
    }
    over_time(keys, undated)
}

/// Publication date keys (one per article) per period on a continuous axis, and the
/// number of undated articles: [`articles_over_time`] wherever the keys come from (an
/// archive's date runs).
pub fn over_time(mut keys: Vec<u32>, undated: u32) -> Histogram {
    let lo = keys.iter().copied().min().unwrap_or(0);
    let hi = keys.iter().copied().max().unwrap_or(0);
    let granularity = granularity_for(lo, hi);
    let (buckets, coarse) = continuous(&mut keys, granularity);
    Histogram {
        granularity,
        buckets,
        coarse,
        year_unknown: Vec::new(),
        undated,
        plausible: None,
        left_out: 0,
    }
}

/// The years mentioned dates may fall in: the publication years widened by
/// [`PLAUSIBLE_MARGIN_YEARS`]; `None` when no article has a publication date.
pub fn plausible_years(index: &Index) -> Option<(u16, u16)> {
    plausible_window(
        index
            .published_keys
            .iter()
            .filter(|&&k| k > 0)
            .map(|&k| (k / 10000) as u16),
    )
}

/// [`plausible_years`] of publication `years`, wherever they come from (an archive's date
/// runs).
pub fn plausible_window(mut years: impl Iterator<Item = u16>) -> Option<(u16, u16)> {
    let first = years.next()?;
    let (lo, hi) = years.fold((first, first), |(lo, hi), y| (lo.min(y), hi.max(y)));
    Some((
        lo.saturating_sub(PLAUSIBLE_MARGIN_YEARS).max(1),
        hi.saturating_add(PLAUSIBLE_MARGIN_YEARS).min(9999),
    ))
}

/// The plausible years of two collections together: the widest of both windows.
pub fn widen_window(a: Option<(u16, u16)>, b: Option<(u16, u16)>) -> Option<(u16, u16)> {
    match (a, b) {
        (Some(a), Some(b)) => Some((a.0.min(b.0), a.1.max(b.1))),
        (a, b) => a.or(b),
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

/// Whether a key is at least as precise as the granularity.
fn precise_enough(key: u32, granularity: Granularity) -> bool {
    let (_, month, day) = parts(key);
    match granularity {
        Granularity::Year => true,
        Granularity::Month => month > 0,
        Granularity::Day => day > 0,
    }
}

/// The key cut to the granularity's period (`19870315` → `19870300` for months).
fn period(key: u32, granularity: Granularity) -> u32 {
    match granularity {
        Granularity::Year => key / 10000 * 10000,
        Granularity::Month => key / 100 * 100,
        Granularity::Day => key,
    }
}

/// The period after `key` (a key already cut to the granularity).
fn next_period(key: u32, granularity: Granularity) -> u32 {
    let (year, month, day) = parts(key);
    match granularity {
        Granularity::Year => (year + 1) * 10000,
        Granularity::Month if month >= 12 => (year + 1) * 10000 + 100,
        Granularity::Month => key + 100,
        Granularity::Day => {
            let last = u32::from(days_in_month(year as u16, month as u8));
            if day < last {
                key + 1
            } else if month < 12 {
                year * 10000 + (month + 1) * 100 + 1
            } else {
                (year + 1) * 10000 + 101
            }
        }
    }
}

/// Counts keys per period, every period from the first to the last one included (empty
/// ones as 0); keys less precise than the granularity are counted apart, per their own
/// period.
fn continuous(keys: &mut [u32], granularity: Granularity) -> (Vec<Bucket>, Vec<Bucket>) {
    let mut coarse: Vec<u32> = Vec::new();
    let mut precise: Vec<u32> = Vec::with_capacity(keys.len());
    for &key in keys.iter() {
        if precise_enough(key, granularity) {
            precise.push(period(key, granularity));
        } else {
            coarse.push(key);
        }
    }
    crate::sort::unstable(&mut precise);
    let mut buckets = Vec::new();
    if let (Some(&first), Some(&last)) = (precise.first(), precise.last()) {
        let mut at = 0;
        let mut key = first;
        while key <= last {
            let count = precise[at..].iter().take_while(|&&k| k == key).count();
            at += count;
            buckets.push(Bucket {
                label: label(key, false),
                count: count as u32,
            });
            key = next_period(key, granularity);
        }
    }
    (buckets, counted(&mut coarse, false))
}

/// Counts equal keys, in key order (no periods filled in).
fn counted(keys: &mut [u32], year_unknown: bool) -> Vec<Bucket> {
    crate::sort::unstable(keys);
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

/// Which way to move a date range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shift {
    /// To the range just before it.
    Earlier,
    /// To the range just after it.
    Later,
}

/// The range of the same length just before or after `from ..= to`, in the precision the
/// two dates are written in (days when both have a day, else months when both have a
/// month, else years): `1987-03 ..= 1987-04` moves to `1987-05 ..= 1987-06`. `None` when
/// either end is open or the result would leave the years 1–9999.
pub fn shift_range(from: Date, to: Date, shift: Shift) -> Option<(Date, Date)> {
    let sign: i64 = match shift {
        Shift::Earlier => -1,
        Shift::Later => 1,
    };
    match (from.month, from.day, to.month, to.day) {
        (Some(m1), Some(d1), Some(m2), Some(d2)) => {
            let a = day_number(from.year, m1, d1);
            let b = day_number(to.year, m2, d2);
            let n = (b - a).abs() + 1;
            Some((date_of_day(a + sign * n)?, date_of_day(b + sign * n)?))
        }
        (Some(m1), _, Some(m2), _) => {
            let a = i64::from(from.year) * 12 + i64::from(m1) - 1;
            let b = i64::from(to.year) * 12 + i64::from(m2) - 1;
            let n = (b - a).abs() + 1;
            let month_of = |i: i64| -> Option<Date> {
                let year = u16::try_from(i.div_euclid(12))
                    .ok()
                    .filter(|y| (1..=9999).contains(y))?;
                Some(Date {
                    year,
                    month: Some(i.rem_euclid(12) as u8 + 1),
                    day: None,
                })
            };
            Some((month_of(a + sign * n)?, month_of(b + sign * n)?))
        }
        _ => {
            let (a, b) = (i64::from(from.year), i64::from(to.year));
            let n = (b - a).abs() + 1;
            let year_of = |y: i64| -> Option<Date> {
                let year = u16::try_from(y).ok().filter(|y| (1..=9999).contains(y))?;
                Some(Date {
                    year,
                    month: None,
                    day: None,
                })
            };
            Some((year_of(a + sign * n)?, year_of(b + sign * n)?))
        }
    }
}

/// Days since 1970-01-01 of a Gregorian date (H. Hinnant's `days_from_civil`).
fn day_number(year: u16, month: u8, day: u8) -> i64 {
    let (month, day) = (i64::from(month), i64::from(day));
    let year = i64::from(year) - i64::from(month <= 2);
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let day_of_year = (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The date `days` after 1970-01-01 (`civil_from_days`), if its year is in 1–9999.
fn date_of_day(days: i64) -> Option<Date> {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    let year = u16::try_from(year)
        .ok()
        .filter(|y| (1..=9999).contains(y))?;
    Date::ymd(year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::parse_date;

    #[test]
    fn the_range_length_picks_the_bucket_size() {
        assert_eq!(granularity_for(20220101, 20221231), Granularity::Month);
        assert_eq!(granularity_for(19870000, 19909999), Granularity::Year);
        assert_eq!(granularity_for(20221101, 20221130), Granularity::Day);
        assert_eq!(granularity_for(0, 0), Granularity::Day);
    }

    fn shown(buckets: &[Bucket]) -> Vec<(&str, u32)> {
        buckets
            .iter()
            .map(|b| (b.label.as_str(), b.count))
            .collect()
    }

    #[test]
    fn empty_periods_are_drawn_as_zero_and_coarse_dates_counted_apart() {
        let mut keys = vec![19870302, 19870000, 19870301, 19861215];
        let (buckets, coarse) = continuous(&mut keys, Granularity::Month);
        assert_eq!(
            shown(&buckets),
            [
                ("1986-12", 1),
                ("1987-01", 0),
                ("1987-02", 0),
                ("1987-03", 2)
            ]
        );
        assert_eq!(shown(&coarse), [("1987", 1)]);
    }

    #[test]
    fn days_run_across_month_ends_and_leap_days() {
        let mut keys = vec![19880227, 19880302];
        let (buckets, _) = continuous(&mut keys, Granularity::Day);
        let labels: Vec<&str> = buckets.iter().map(|b| b.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "1988-02-27",
                "1988-02-28",
                "1988-02-29",
                "1988-03-01",
                "1988-03-02"
            ]
        );
        let mut keys = vec![19861231, 19870101, 19850000];
        let (buckets, _) = continuous(&mut keys, Granularity::Year);
        assert_eq!(shown(&buckets), [("1985", 1), ("1986", 1), ("1987", 1)]);
    }

    #[test]
    fn year_unknown_keys_read_as_xxxx() {
        assert_eq!(label(1123, true), "XXXX-11-23");
        assert_eq!(label(19870226, false), "1987-02-26");
    }

    fn date(s: &str) -> Date {
        parse_date(s).unwrap()
    }

    #[test]
    fn a_range_moves_by_its_own_length_in_its_own_precision() {
        let moved = |a: &str, b: &str, shift| {
            shift_range(date(a), date(b), shift).map(|(x, y)| (x.to_string(), y.to_string()))
        };
        let pair = |a: &str, b: &str| Some((a.to_string(), b.to_string()));
        assert_eq!(
            moved("1987-03", "1987-04", Shift::Later),
            pair("1987-05", "1987-06")
        );
        assert_eq!(
            moved("1987-01", "1987-01", Shift::Earlier),
            pair("1986-12", "1986-12")
        );
        assert_eq!(
            moved("1988-02-28", "1988-03-01", Shift::Later),
            pair("1988-03-02", "1988-03-04")
        );
        assert_eq!(
            moved("1987-01-01", "1987-01-01", Shift::Earlier),
            pair("1986-12-31", "1986-12-31")
        );
        assert_eq!(moved("1987", "1988", Shift::Later), pair("1989", "1990"));
        assert_eq!(moved("0001", "0001", Shift::Earlier), None);
        // Mixed precision moves in the coarser one.
        assert_eq!(
            moved("1987-03-15", "1987-04", Shift::Later),
            pair("1987-05", "1987-06")
        );
    }

    #[test]
    fn day_numbers_round_trip() {
        for days in [-719_162, -1, 0, 59, 6_268, 11_016, 2_932_896] {
            let d = date_of_day(days).unwrap();
            assert_eq!(
                day_number(d.year, d.month.unwrap(), d.day.unwrap()),
                days,
                "{d}"
            );
        }
        assert_eq!(date_of_day(0).unwrap().to_string(), "1970-01-01");
    }
}

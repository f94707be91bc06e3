//! Dates as written: `Nov. 23, 2022`, `23 November`, `September 13-14`, `11/23/2022`,
//! `1998`, `Friday, Oct. 13`, `summer 1998`, `Thanksgiving`; and telling a year from a
//! count, a month from a verb.

use super::expr::{Expr, HolidayDay};
use super::lexicon::{Word, day_of_month, small_number, split_once_ascii};
use super::numeric::{numeric_date, year_range};
use super::scan::Scanner;
use crate::extract::structure::TokenKind;

/// Words before a bare month or season that make it one (`in May`, `since March`).
const CALENDAR_CUES: &[&str] = &[
    "in",
    "since",
    "until",
    "till",
    "by",
    "from",
    "through",
    "to",
    "of",
    "during",
    "before",
    "after",
    "early",
    "late",
    "mid",
    "last",
    "next",
    "this",
    "end",
    "and",
    "or",
    "between",
    "throughout",
    "on",
    "over",
    "around",
    "for",
];

/// Words before a four-digit number that make it a count or an amount (`some 2000`).
const COUNT_BEFORE: &[&str] = &[
    "$",
    "£",
    "€",
    "#",
    "+",
    "=",
    "no",
    "some",
    "nearly",
    "almost",
    "approximately",
    "than",
    "another",
    "additional",
];

/// Words after a four-digit number that make it a count (`2000 people`).
const COUNT_AFTER: &[&str] = &[
    "%",
    "percent",
    "per",
    "people",
    "men",
    "women",
    "troops",
    "soldiers",
    "workers",
    "employees",
    "jobs",
    "points",
    "shares",
    "votes",
    "tons",
    "barrels",
    "miles",
    "meters",
    "feet",
    "acres",
    "dollars",
    "units",
    "pounds",
    "children",
    "members",
    "cars",
    "homes",
    "houses",
    "km",
    "kilometers",
    "years",
    "days",
    "hours",
];

/// Words before a number under 1900 that make it a year (`in 1848`).
const YEAR_BEFORE: &[&str] = &[
    "in", "since", "of", "from", "by", "until", "before", "after", "during", "year", "circa",
    "early", "late", "mid",
];

/// Whether `word` is the first word of a holiday [`Scanner::holiday`] reads.
pub(super) fn may_name_holiday(word: &[u8]) -> bool {
    matches!(
        word,
        b"Thanksgiving"
            | b"Christmas"
            | b"Halloween"
            | b"New"
            | b"Independence"
            | b"Labor"
            | b"Memorial"
    )
}

impl Scanner<'_> {
    /// `Thanksgiving`, `Christmas Eve`, `New Year's Day`, `Labor Day` (keep
    /// [`may_name_holiday`] in step).
    pub(super) fn holiday(&self, j: usize) -> Option<(usize, Expr)> {
        if !self.capitalized(j) {
            return None;
        }
        let (length, month, day) = match self.s(j) {
            "Thanksgiving" => (1, 11, HolidayDay::Nth { weekday: 4, nth: 4 }),
            "Christmas" if self.is(j + 1, "Eve") => (2, 12, HolidayDay::Fixed(24)),
            "Christmas" => (1, 12, HolidayDay::Fixed(25)),
            "Halloween" => (1, 10, HolidayDay::Fixed(31)),
            "New" if matches!(self.s(j + 1), "Year's" | "Year’s") && self.is(j + 2, "Eve") => {
                (3, 12, HolidayDay::Fixed(31))
            }
            "New" if matches!(self.s(j + 1), "Year's" | "Year’s") && self.is(j + 2, "Day") => {
                (3, 1, HolidayDay::Fixed(1))
            }
            "Independence" if self.is(j + 1, "Day") => (2, 7, HolidayDay::Fixed(4)),
            "Labor" if self.is(j + 1, "Day") => (2, 9, HolidayDay::Nth { weekday: 1, nth: 1 }),
            "Memorial" if self.is(j + 1, "Day") => (2, 5, HolidayDay::Nth { weekday: 1, nth: 5 }),
            _ => return None,
        };
        let end = j + length;
        let end = end + usize::from(length == 1 && self.is(end, "Day"));
        Some((end, Expr::Holiday { month, day }))
    }

    /// `Nov. 23`, `November 23, 2022`, `September 13-14`, `March 1998`, `May` (when a
    /// month, not the verb).
    pub(super) fn month_date(&self, j: usize) -> Option<(usize, Expr)> {
        let Some(Word::Month { month, abbreviated }) = self.w(j) else {
            return None;
        };
        if !self.capitalized(j) {
            return None;
        }
        let mut k = j + 1;
        if abbreviated && self.s(k) == "." {
            k += 1;
        }
        if let Some((first, last)) = self.day_range(k) {
            let (end, year) = self.trailing_year(k + 1);
            let expr = Expr::DayRange {
                year,
                month,
                first,
                last,
            };
            return Some((end, expr));
        }
        if let Some(day) = self.day_at(k) {
            let (end, year) = self.trailing_year(k + 1);
            return Some((
                end,
                Expr::Calendar {
                    year,
                    month: Some(month),
                    day: Some(day),
                },
            ));
        }
        let of = usize::from(self.is(k, "of") || self.s(k) == ",");
        if let Some(year) = self.year_at(k + of) {
            return Some((
                k + of + 1,
                Expr::Calendar {
                    year: Some(year),
                    month: Some(month),
                    day: None,
                },
            ));
        }
        // "Jan Kavan": an abbreviation alone is not a month.
        if abbreviated {
            return None;
        }
        let ambiguous = matches!(month, 3 | 5);
        let mut buf = [0u8; 16];
        if ambiguous && !CALENDAR_CUES.contains(&self.previous(j, &mut buf)) {
            return None;
        }
        Some((
            k,
            Expr::Month {
                month,
                deixis: None,
            },
        ))
    }

    /// `23rd of November`, `1st March 2022`: an ordinal day before the month.
    pub(super) fn ordinal_day(&self, j: usize) -> Option<(usize, Expr)> {
        let s = self.s(j);
        if !s.as_bytes().first().is_some_and(u8::is_ascii_digit) || s.len() > 4 {
            return None;
        }
        let day = day_of_month(s)?;
        let k = j + 1 + usize::from(self.is(j + 1, "of"));
        let Some(Word::Month { month, .. }) = self.w(k) else {
            return None;
        };
        if !self.capitalized(k) {
            return None;
        }
        let after = k + 1 + usize::from(self.s(k + 1) == ".");
        let (end, year) = self.trailing_year(after);
        let date = Expr::Calendar {
            year,
            month: Some(month),
            day: Some(day),
        };
        Some((end, date))
    }

    /// A day of month at `k`: `23`, `23rd`.
    fn day_at(&self, k: usize) -> Option<u8> {
        let s = self.s(k);
        let digits_first = s.as_bytes().first().is_some_and(u8::is_ascii_digit);
        if !digits_first || s.len() > 4 {
            return None;
        }
        let day = day_of_month(s)?;
        // "May 5 people": a count, not a day.
        let next = self.s(k + 1);
        (!matches!(next, "%" | "percent" | "people" | "per")).then_some(day)
    }

    /// `13-14` at `k`: two days of one month.
    fn day_range(&self, k: usize) -> Option<(u8, u8)> {
        if !self.kind_is(k, TokenKind::Number) {
            return None;
        }
        let (a, b) = split_once_ascii(self.s(k), b'-')?;
        let (first, last) = (day_of_month(a)?, day_of_month(b)?);
        (first < last).then_some((first, last))
    }

    /// `, 2022` or `2022` at `k`: the end and the year, or `k` and `None`.
    fn trailing_year(&self, k: usize) -> (usize, Option<i32>) {
        let comma = usize::from(self.s(k) == ",");
        match self.year_at(k + comma) {
            Some(year) => (k + comma + 1, Some(year)),
            None => (k, None),
        }
    }

    /// A four-digit year at `k`, 1000..=2099.
    pub(super) fn year_at(&self, k: usize) -> Option<i32> {
        if !self.kind_is(k, TokenKind::Number) || self.s(k).len() != 4 {
            return None;
        }
        let year = small_number(self.s(k))? as i32;
        (1000..=2099).contains(&year).then_some(year)
    }

    /// `Friday`, `Friday night`, `Friday, Oct. 13`, `Mondays`.
    pub(super) fn weekday(&self, j: usize) -> Option<(usize, Expr)> {
        let Some(Word::Weekday { day, plural }) = self.w(j) else {
            return None;
        };
        if !self.capitalized(j) {
            return None;
        }
        if plural {
            return Some((j + 1, Expr::Recurrence(format!("XXXX-WXX-{day}"))));
        }
        let comma = usize::from(self.s(j + 1) == ",");
        if let Some((end, expr @ Expr::Calendar { day: Some(_), .. })) =
            self.month_date(j + 1 + comma)
        {
            return Some((end, expr));
        }
        if let Some(Word::PartOfDay(part)) = self.w(j + 1) {
            let expr = Expr::Weekday {
                weekday: day,
                deixis: None,
                part: Some(part),
            };
            return Some((j + 2, expr));
        }
        // "the Sunday Times": a title, not a day.
        let mut buf = [0u8; 16];
        if self.previous(j, &mut buf) == "the" && self.capitalized(j + 1) {
            return None;
        }
        Some((
            j + 1,
            Expr::Weekday {
                weekday: day,
                deixis: None,
                part: None,
            },
        ))
    }

    /// A bare season: `in summer`, `summer 1998`, `the winter of 1994` (via `the`).
    pub(super) fn bare_season(&self, j: usize) -> Option<(usize, Expr)> {
        let Some(Word::Season(season)) = self.w(j) else {
            return None;
        };
        let of = usize::from(self.is(j + 1, "of"));
        if let Some(year) = self.year_at(j + 1 + of) {
            return Some((
                j + 2 + of,
                Expr::Season {
                    season,
                    year: Some(year),
                    deixis: None,
                },
            ));
        }
        let mut buf = [0u8; 16];
        let cue = self.previous(j, &mut buf);
        (cue != "and" && cue != "or" && cue != "to" && CALENDAR_CUES.contains(&cue)).then_some((
            j + 1,
            Expr::Season {
                season,
                year: None,
                deixis: None,
            },
        ))
    }

    /// A number token: `2022-11-23`, `11/23/2022`, `23 November`, `10 a.m.`, `1998`,
    /// `2 months`.
    pub(super) fn numeric(&self, j: usize) -> Option<(usize, Expr)> {
        let s = self.s(j);
        if let Some(expr) = numeric_date(s) {
            return Some((j + 1, expr));
        }
        if let Some(year_range) = year_range(s) {
            return Some((j + 1, year_range));
        }
        // "13-14 September".
        if let Some((first, last)) = self.day_range(j)
            && let Some(Word::Month { month, .. }) = self.w(j + 1)
            && self.capitalized(j + 1)
        {
            let k = j + 2 + usize::from(self.s(j + 2) == ".");
            let (end, year) = self.trailing_year(k);
            let range = Expr::DayRange {
                year,
                month,
                first,
                last,
            };
            return Some((end, range));
        }
        if let Some(day) = day_of_month(s)
            && let Some(Word::Month { month, .. }) = self.w(j + 1)
            && self.capitalized(j + 1)
        {
            let mut k = j + 2;
            if self.s(k) == "." {
                k += 1;
            }
            let (end, year) = self.trailing_year(k);
            return Some((
                end,
                Expr::Calendar {
                    year,
                    month: Some(month),
                    day: Some(day),
                },
            ));
        }
        if let Some(found) = self.clock(j) {
            return Some(found);
        }
        if let Some(found) = self.quantity_phrase(j) {
            return Some(found);
        }
        let year = self.year_at(j)?;
        self.looks_like_year(j, year).then(|| {
            (
                j + 1,
                Expr::Calendar {
                    year: Some(year),
                    month: None,
                    day: None,
                },
            )
        })
    }

    /// Whether the number `year` at `j` is a year rather than a count or an amount.
    fn looks_like_year(&self, j: usize, year: i32) -> bool {
        let mut buf = [0u8; 16];
        let before = self.previous(j, &mut buf);
        if COUNT_BEFORE.contains(&before) || COUNT_AFTER.contains(&self.s(j + 1)) {
            return false;
        }
        year >= 1900 || YEAR_BEFORE.contains(&before)
    }
}

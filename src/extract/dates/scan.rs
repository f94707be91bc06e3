//! Finds time expressions in a sentence's tokens: a cursor over the tokens with their
//! lexicon meanings, and the patterns that start with a calendar word or a number
//! (`Nov. 23, 2022`, `23 November`, `11/23/2022`, `1998`, `Friday`, `10 a.m.`). Phrases that
//! start with `the`, `last`, a quantity or `every` live in [`super::phrases`].
//!
//! Every pattern reads forward from one token and never past the sentence, so a whole scan
//! is linear in the number of tokens.

use super::expr::{Expr, HolidayDay};
use super::lexicon::{self, Deixis, Unit, Word, day_of_month, small_number};
use crate::extract::structure::{Token, TokenKind};

/// A time expression found at tokens `start..end`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// What it means.
    pub expr: Expr,
}

/// Tokens of one sentence with their lexicon meanings.
pub struct Scanner<'d> {
    pub(super) text: &'d str,
    pub(super) tokens: &'d [Token],
    pub(super) lex: &'d [Option<Word>],
    /// First token of the sentence.
    pub(super) first: usize,
    /// One past the sentence's last token.
    pub(super) end: usize,
}

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

impl<'d> Scanner<'d> {
    /// A scanner over tokens `first..end` of `tokens`; `lex[i]` is what token `i` means.
    pub fn new(
        text: &'d str,
        tokens: &'d [Token],
        lex: &'d [Option<Word>],
        first: usize,
        end: usize,
    ) -> Self {
        let end = end.min(tokens.len()).min(lex.len());
        Self {
            text,
            tokens,
            lex,
            first,
            end,
        }
    }

    /// The text of token `i`, or "" outside the sentence.
    pub(super) fn s(&self, i: usize) -> &'d str {
        if i < self.first || i >= self.end {
            return "";
        }
        self.tokens[i].span.slice(self.text)
    }

    /// The meaning of token `i`, if any.
    pub(super) fn w(&self, i: usize) -> Option<Word> {
        if i < self.first || i >= self.end {
            return None;
        }
        self.lex[i]
    }

    /// Whether token `i` exists and is of `kind`.
    pub(super) fn kind_is(&self, i: usize, kind: TokenKind) -> bool {
        i >= self.first && i < self.end && self.tokens[i].kind == kind
    }

    /// Whether token `i` is `word`, ignoring case.
    pub(super) fn is(&self, i: usize, word: &str) -> bool {
        self.s(i).eq_ignore_ascii_case(word)
    }

    /// Whether token `i` starts with an uppercase letter.
    pub(super) fn capitalized(&self, i: usize) -> bool {
        self.s(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// The word before token `i` in the sentence, lowercased into `buf`.
    pub(super) fn previous<'b>(&self, i: usize, buf: &'b mut [u8; 16]) -> &'b str {
        if i <= self.first {
            return "";
        }
        lexicon::lower(self.s(i - 1), buf).unwrap_or("")
    }

    /// The time expression starting at token `i`, if any.
    pub fn at(&self, i: usize) -> Option<Found> {
        if let Some(found) = self.modified(i) {
            return Some(found);
        }
        let (end, expr) = self.core(i)?;
        Some(Found {
            start: i,
            end,
            expr,
        })
    }

    /// `early`, `late 1990`, `the end of 1990`, `earlier this year`, `right now`: a modifier
    /// kept in the span, the value being the modified expression's.
    fn modified(&self, i: usize) -> Option<Found> {
        let core_at = match self.w(i) {
            Some(Word::The) if self.w(i + 1) == Some(Word::Modifier) && self.is(i + 2, "of") => {
                i + 3
            }
            Some(Word::Modifier) if self.is(i + 1, "of") => i + 2,
            Some(Word::Modifier)
                if matches!(
                    self.s(i),
                    "early" | "late" | "mid" | "Early" | "Late" | "Mid"
                ) =>
            {
                i + 1
            }
            Some(Word::Direction(_))
                if matches!(self.s(i), "earlier" | "later" | "Earlier" | "Later")
                    && matches!(
                        self.w(i + 1),
                        Some(Word::Deixis(Deixis::This) | Word::DayName(_) | Word::Tonight)
                    ) =>
            {
                i + 1
            }
            _ if self.is(i, "right") && self.is(i + 1, "now") => i + 1,
            _ => return None,
        };
        let (end, expr) = self.core(core_at)?;
        if matches!(expr, Expr::Duration { .. } | Expr::Recurrence(_)) {
            return None;
        }
        Some(Found {
            start: i,
            end,
            expr,
        })
    }

    /// An expression starting exactly at token `j`, without leading modifiers.
    pub(super) fn core(&self, j: usize) -> Option<(usize, Expr)> {
        match self.w(j) {
            Some(Word::The) => self.the_phrase(j),
            Some(Word::Deixis(deixis)) => self.deictic(j, deixis),
            Some(Word::DayName(offset)) => Some(self.day_word(j, offset)),
            Some(Word::Tonight) => Some((j + 1, shift_day(0, Some("NI")))),
            Some(Word::Reference(value)) => {
                let mut buf = [0u8; 16];
                (value != "FUTURE_REF" || self.previous(j, &mut buf) != "as")
                    .then_some((j + 1, Expr::Reference(value)))
            }
            Some(Word::Month { .. }) => self.month_date(j),
            Some(Word::Weekday { .. }) => self.weekday(j),
            Some(Word::Season(_)) => self.bare_season(j),
            Some(Word::Recurrence(value)) => Some((j + 1, Expr::Recurrence(value.into()))),
            Some(Word::Every) => self.every(j),
            Some(Word::Fiscal) => self.fiscal(j),
            Some(Word::Clock(hour)) => Some(self.with_day(j + 1, hour, 0)),
            Some(Word::Ordinal(_)) => self.ordinal_period(j, None),
            Some(Word::Number(_) | Word::A | Word::Vague) => self.quantity_phrase(j),
            Some(Word::Unit { plural: true, .. }) if !self.is(j, "these") => self.bare_plural(j),
            Some(Word::Unit {
                unit: Unit::Year,
                plural: false,
            }) if self.is(j + 1, "end") => Some((j + 2, this_year())),
            _ if self.is(j, "these") && self.is(j + 1, "days") => {
                Some((j + 2, Expr::Reference("PRESENT_REF")))
            }
            _ if self.kind_is(j, TokenKind::Number) => self.numeric(j),
            _ if self.kind_is(j, TokenKind::Word) => self.holiday(j).or_else(|| self.compound(j)),
            _ => None,
        }
    }

    /// `Thanksgiving`, `Christmas Eve`, `New Year's Day`, `Labor Day`.
    fn holiday(&self, j: usize) -> Option<(usize, Expr)> {
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

    /// `yesterday`, `today`, `tomorrow morning`.
    fn day_word(&self, j: usize, offset: i8) -> (usize, Expr) {
        match self.w(j + 1) {
            Some(Word::PartOfDay(part)) => (j + 2, shift_day(offset.into(), Some(part))),
            _ => (j + 1, shift_day(offset.into(), None)),
        }
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
        let ambiguous = matches!(month, 3 | 5) || abbreviated;
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
        let (a, b) = self.s(k).split_once('-')?;
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
    fn weekday(&self, j: usize) -> Option<(usize, Expr)> {
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
    fn numeric(&self, j: usize) -> Option<(usize, Expr)> {
        let s = self.s(j);
        if let Some(expr) = numeric_date(s) {
            return Some((j + 1, expr));
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

    /// `10 a.m.`, `10:30 p.m. Wednesday`, `7 o'clock`, `at 14:30`.
    fn clock(&self, j: usize) -> Option<(usize, Expr)> {
        let s = self.s(j);
        let (hour, minute) = match s.split_once([':', '.']) {
            Some((h, m)) if m.len() == 2 => (small_number(h)?, small_number(m)?),
            None => (small_number(s)?, 0),
            _ => return None,
        };
        if minute > 59 {
            return None;
        }
        let mut buf = [0u8; 16];
        match self.w(j + 1) {
            Some(Word::Meridiem(pm)) if (1..=12).contains(&hour) => {
                let hour = (hour % 12) as u8 + if pm { 12 } else { 0 };
                let k = j + 2 + usize::from(is_zone(self.s(j + 2)));
                Some(self.with_day(k, hour, minute as u8))
            }
            _ if self.is(j + 1, "o'clock") && (1..=12).contains(&hour) => {
                Some(self.with_day(j + 2, hour as u8, 0))
            }
            _ if s.contains(':') && hour < 24 && self.previous(j, &mut buf) == "at" => {
                Some(self.with_day(j + 1, hour as u8, minute as u8))
            }
            _ => None,
        }
    }

    /// A time of day ending before `k`, with the day that follows it if any (`Wednesday`,
    /// `today`).
    fn with_day(&self, k: usize, hour: u8, minute: u8) -> (usize, Expr) {
        let day = match self.w(k) {
            Some(Word::DayName(offset)) => Some((k + 1, shift_day(offset.into(), None))),
            Some(Word::Weekday { day, plural: false }) if self.capitalized(k) => Some((
                k + 1,
                Expr::Weekday {
                    weekday: day,
                    deixis: None,
                    part: None,
                },
            )),
            _ => None,
        };
        match day {
            Some((end, day)) => (
                end,
                Expr::Clock {
                    hour,
                    minute,
                    day: Some(Box::new(day)),
                },
            ),
            None => (
                k,
                Expr::Clock {
                    hour,
                    minute,
                    day: None,
                },
            ),
        }
    }
}

/// The anchor's year.
pub(super) fn this_year() -> Expr {
    Expr::Shift {
        unit: Unit::Year,
        offset: 0,
        part: None,
    }
}

/// A day `offset` days from the anchor, with a part of day.
pub(super) fn shift_day(offset: i32, part: Option<&'static str>) -> Expr {
    Expr::Shift {
        unit: lexicon::Unit::Day,
        offset,
        part,
    }
}

fn is_zone(s: &str) -> bool {
    matches!(
        s,
        "EST" | "EDT" | "CST" | "CDT" | "MST" | "MDT" | "PST" | "PDT" | "GMT" | "UTC" | "BST"
    )
}

/// `2022-11-23`, `2022/11/23`, `11/23/2022` (US order unless the first part exceeds 12).
fn numeric_date(s: &str) -> Option<Expr> {
    let separator = if s.contains('/') { '/' } else { '-' };
    let mut parts = s.split(separator);
    let (a, b, c) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let (year, month, day) = if a.len() == 4 {
        (a, b, c)
    } else if c.len() == 4 && separator == '/' {
        if small_number(a)? > 12 {
            (c, b, a)
        } else {
            (c, a, b)
        }
    } else {
        return None;
    };
    if month.len() > 2 || day.len() > 2 {
        return None;
    }
    let (year, month, day) = (
        small_number(year)? as i32,
        small_number(month)? as u8,
        small_number(day)? as u8,
    );
    super::calendar::is_valid(year, month, day).then_some(Expr::Calendar {
        year: Some(year),
        month: Some(month),
        day: Some(day),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numeric_dates_read_iso_and_us_order_and_refuse_impossible_ones() {
        let full = |y, m, d| {
            Some(Expr::Calendar {
                year: Some(y),
                month: Some(m),
                day: Some(d),
            })
        };
        assert_eq!(numeric_date("2022-11-23"), full(2022, 11, 23));
        assert_eq!(numeric_date("11/23/2022"), full(2022, 11, 23));
        assert_eq!(numeric_date("23/11/2022"), full(2022, 11, 23));
        assert_eq!(numeric_date("31/31/31"), None);
        assert_eq!(numeric_date("13-14"), None);
        assert_eq!(numeric_date("2023-02-29"), None);
    }
}

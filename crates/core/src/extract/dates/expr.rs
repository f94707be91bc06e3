//! What a time expression means before it is placed on the calendar: the scanner's output
//! and the resolver's input.

use super::lexicon::{Deixis, Unit};

/// The meaning of one time expression, relative parts still unresolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expr {
    /// A date with its written parts: `1998`, `March 1998`, `Nov. 23`, `23 Nov 2022`. A
    /// missing year with a month and day comes from the anchor (the TimeBank convention).
    Calendar {
        /// Year, when written.
        year: Option<i32>,
        /// Month, when written.
        month: Option<u8>,
        /// Day, when written (only with a month).
        day: Option<u8>,
    },
    /// Consecutive days of one month: `September 13-14`.
    DayRange {
        /// Year, when written.
        year: Option<i32>,
        /// Month.
        month: u8,
        /// First day.
        first: u8,
        /// Last day.
        last: u8,
    },
    /// Years from `first` to `last`: `2019-2022`, `1998-99`.
    YearRange {
        /// First year.
        first: i32,
        /// Last year.
        last: i32,
    },
    /// A month named alone or with `this`/`last`/`next`: `April`, `last November`.
    Month {
        /// Month 1..=12.
        month: u8,
        /// `this`/`last`/`next`, if said.
        deixis: Option<Deixis>,
    },
    /// A decade by its first three digits: `199` for the 1990s.
    Decade(i32),
    /// A century by its first two digits: `19` for the 20th century.
    Century(i32),
    /// A season: `summer`, `last fall`, `the winter of 1994`.
    Season {
        /// `SP`, `SU`, `FA`, `WI`.
        season: &'static str,
        /// Year, when written.
        year: Option<i32>,
        /// `this`/`last`/`next`, if said.
        deixis: Option<Deixis>,
    },
    /// A quarter: `the third quarter` (`Some(3)`), `the quarter` (`None`: the one just reported).
    Quarter {
        /// 1..=4, if said.
        quarter: Option<u8>,
        /// Year, when written.
        year: Option<i32>,
        /// `this`/`last`/`next`, if said.
        deixis: Option<Deixis>,
    },
    /// Half of a year: `the first half`.
    Half {
        /// 1 or 2.
        half: u8,
        /// Year, when written.
        year: Option<i32>,
    },
    /// A weekday near the anchor: `Friday`, `last Monday`, `Wednesday night`.
    Weekday {
        /// Monday 1 … Sunday 7.
        weekday: u8,
        /// `this`/`last`/`next`, if said.
        deixis: Option<Deixis>,
        /// Part of day (`MO`, `AF`, `EV`, `NI`), if said.
        part: Option<&'static str>,
    },
    /// A weekend: `the weekend`, `last weekend`.
    Weekend(Option<Deixis>),
    /// The anchor's unit moved by `offset`: `this year` (0), `last week` (-1), `yesterday`,
    /// `two days ago` (-2), `tonight` (0 with part `NI`).
    Shift {
        /// The unit.
        unit: Unit,
        /// How many units from the anchor's.
        offset: i32,
        /// Part of day, if said (with days only).
        part: Option<&'static str>,
    },
    /// `a year ago`, `year-earlier`: the same period one year back (a quarter in earnings news).
    YearAgo,
    /// `year-end`, `year end`: the last day of the anchor's year, or of the year before when
    /// the sentence looks back (`since year-end`).
    YearEnd,
    /// `PRESENT_REF`, `PAST_REF`, `FUTURE_REF`.
    Reference(&'static str),
    /// A length of time; `amount` is `None` for vague ones (`several years`).
    Duration {
        /// How many units, if known.
        amount: Option<u32>,
        /// The unit.
        unit: Unit,
    },
    /// A time of day, on a given day or the anchor's: `10 a.m.`, `noon Thursday`.
    Clock {
        /// Hour 0..=23.
        hour: u8,
        /// Minute 0..=59.
        minute: u8,
        /// The day, if said.
        day: Option<Box<Expr>>,
    },
    /// A holiday: `Thanksgiving`, `Christmas Eve`, in the year nearest the anchor.
    Holiday {
        /// Month.
        month: u8,
        /// Which day of it.
        day: HolidayDay,
    },
    /// A recurrence with its TIMEX3 value: `weekly` (`P1W`), `each Thursday` (`XXXX-WXX-4`).
    Recurrence(String),
}

/// The day of a holiday within its month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HolidayDay {
    /// Always this day of month.
    Fixed(u8),
    /// The `nth` (5 = last) ISO `weekday` of the month.
    Nth {
        /// Monday 1 … Sunday 7.
        weekday: u8,
        /// 1..=5.
        nth: u8,
    },
}

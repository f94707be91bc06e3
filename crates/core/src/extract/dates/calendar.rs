//! Calendar arithmetic on whole days: day numbers, weekdays, ISO weeks, quarters and
//! seasons, and their TIMEX3 spellings. Dates come from [`crate::corpus::Date`].

use crate::corpus::Date;

/// A full calendar day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Day {
    /// Year.
    pub year: i32,
    /// Month 1..=12.
    pub month: u8,
    /// Day of month.
    pub day: u8,
}

impl Day {
    /// The full day of a publication date, if it names one.
    pub fn of(date: Date) -> Option<Self> {
        Some(Self {
            year: i32::from(date.year),
            month: date.month?,
            day: date.day?,
        })
    }

    /// Days since 1970-01-01 (proleptic Gregorian).
    pub fn number(self) -> i64 {
        // Howard Hinnant's days_from_civil: years start in March so leap days come last.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The day with day number `n` (see [`Day::number`]).
    pub fn from_number(n: i64) -> Self {
        let z = n + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = (if mp < 10 { mp + 3 } else { mp - 9 }) as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Self { year, month, day }
    }

    /// The day `days` later (earlier when negative).
    pub fn plus_days(self, days: i64) -> Self {
        Self::from_number(self.number() + days)
    }

    /// ISO weekday: Monday 1 … Sunday 7.
    pub fn weekday(self) -> u8 {
        // 1970-01-01 was a Thursday (4).
        ((self.number() + 3).rem_euclid(7) + 1) as u8
    }

    /// ISO week-numbering year and week.
    pub fn iso_week(self) -> (i32, u8) {
        let thursday = self.plus_days(4 - i64::from(self.weekday()));
        let jan1 = Self {
            year: thursday.year,
            month: 1,
            day: 1,
        };
        let week = (thursday.number() - jan1.number()) / 7 + 1;
        (thursday.year, week as u8)
    }
}

/// `YYYY-MM-DD`, or `None` outside years 0..=9999.
pub fn day_value(day: Day) -> Option<String> {
    let mut value = year_value(day.year)?;
    push_two_digits(&mut value, day.month);
    push_two_digits(&mut value, day.day);
    Some(value)
}

/// `YYYY`, or `None` outside years 0..=9999.
pub fn year_value(year: i32) -> Option<String> {
    // Written digit by digit, as most values start with it: `format!` costs more than the
    // rest of reading a date. Room for `-MM-DD`.
    let year = u16::try_from(year).ok().filter(|y| *y <= 9999)?;
    let mut value = String::with_capacity(10);
    for divisor in [1000, 100, 10, 1] {
        value.push(digit(year / divisor));
    }
    Some(value)
}

/// `-` and `n` in two digits, as `-{n:02}` writes it for `n` below 100.
fn push_two_digits(value: &mut String, n: u8) {
    debug_assert!(n < 100);
    value.push('-');
    value.push(digit(u16::from(n / 10)));
    value.push(digit(u16::from(n)));
}

/// The last decimal digit of `n`.
fn digit(n: u16) -> char {
    char::from(b'0' + (n % 10) as u8)
}

/// `YYYY-MM` of the month `offset` months from `year`-`month`.
pub fn month_value(year: i32, month: u8, offset: i32) -> Option<String> {
    let index = year * 12 + i32::from(month) - 1 + offset;
    let (y, m) = (index.div_euclid(12), index.rem_euclid(12) + 1);
    let mut value = year_value(y)?;
    push_two_digits(&mut value, m as u8);
    Some(value)
}

/// `YYYY-Www` of the ISO week containing `day`.
pub fn week_value(day: Day) -> Option<String> {
    let (year, week) = day.iso_week();
    year_value(year).map(|y| format!("{y}-W{week:02}"))
}

/// `YYYY-Qn` of the quarter `offset` quarters from quarter `quarter` of `year`.
pub fn quarter_value(year: i32, quarter: u8, offset: i32) -> Option<String> {
    let index = year * 4 + i32::from(quarter) - 1 + offset;
    let (y, q) = (index.div_euclid(4), index.rem_euclid(4) + 1);
    year_value(y).map(|y| format!("{y}-Q{q}"))
}

/// The day of the `nth` (1-based; 5 = last) `weekday` in `month` of `year`.
pub fn nth_weekday(year: i32, month: u8, weekday: u8, nth: u8) -> Option<Day> {
    let first = Day {
        year,
        month,
        day: 1,
    };
    let offset = (i64::from(weekday) - i64::from(first.weekday())).rem_euclid(7);
    let length = month_length(year, month);
    let mut day = 1 + offset + 7 * (i64::from(nth) - 1);
    while day > length {
        day -= 7;
    }
    Some(Day {
        year,
        month,
        day: u8::try_from(day).ok()?,
    })
}

/// Whether `year`-`month`-`day` exists (years 1..=9999).
pub fn is_valid(year: i32, month: u8, day: u8) -> bool {
    u16::try_from(year).is_ok_and(|y| Date::ymd(y, month, day).is_some())
}

fn month_length(year: i32, month: u8) -> i64 {
    let first = Day {
        year,
        month,
        day: 1,
    };
    let next = if month == 12 {
        Day {
            year: year + 1,
            month: 1,
            day: 1,
        }
    } else {
        Day {
            year,
            month: month + 1,
            day: 1,
        }
    };
    next.number() - first.number()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(year: i32, month: u8, day: u8) -> Day {
        Day { year, month, day }
    }

    #[test]
    fn day_numbers_round_trip_and_know_the_epoch() {
        assert_eq!(day(1970, 1, 1).number(), 0);
        for n in [-800_000, -1, 0, 59, 10_957, 19_319, 2_932_896] {
            assert_eq!(Day::from_number(n).number(), n);
        }
        assert_eq!(day(2000, 2, 28).plus_days(1), day(2000, 2, 29));
        assert_eq!(day(1999, 12, 31).plus_days(1), day(2000, 1, 1));
    }

    #[test]
    fn weekdays_and_iso_weeks_match_the_calendar() {
        assert_eq!(day(2022, 11, 24).weekday(), 4);
        assert_eq!(day(1989, 10, 27).weekday(), 5);
        assert_eq!(day(1998, 1, 8).iso_week(), (1998, 2));
        assert_eq!(day(2021, 1, 3).iso_week(), (2020, 53));
        assert_eq!(day(2019, 12, 30).iso_week(), (2020, 1));
    }

    #[test]
    fn values_are_written_as_format_writes_them() {
        for year in [-1, 0, 7, 42, 999, 1000, 1998, 9999, 10_000] {
            let formatted = (0..=9999).contains(&year).then(|| format!("{year:04}"));
            assert_eq!(year_value(year), formatted);
            for (month, day) in [(1, 1), (9, 30), (12, 31)] {
                let d = Day { year, month, day };
                let formatted = (0..=9999)
                    .contains(&year)
                    .then(|| format!("{year:04}-{month:02}-{day:02}"));
                assert_eq!(day_value(d), formatted);
                let formatted = (0..=9999)
                    .contains(&year)
                    .then(|| format!("{year:04}-{month:02}"));
                assert_eq!(month_value(year, month, 0), formatted);
            }
        }
    }

    #[test]
    fn values_shift_across_year_ends() {
        assert_eq!(month_value(1998, 1, -1).as_deref(), Some("1997-12"));
        assert_eq!(quarter_value(1990, 1, -1).as_deref(), Some("1989-Q4"));
        assert_eq!(week_value(day(1998, 1, 8)).as_deref(), Some("1998-W02"));
        assert_eq!(year_value(12_000), None);
    }

    #[test]
    fn nth_weekdays_find_holidays() {
        assert_eq!(nth_weekday(1999, 11, 4, 4), Some(day(1999, 11, 25)));
        assert_eq!(nth_weekday(2022, 5, 1, 5), Some(day(2022, 5, 30)));
    }
}

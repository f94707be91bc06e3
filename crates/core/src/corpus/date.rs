//! Publication dates as written in front matter and JSON records.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A calendar date, possibly partial (`1987`, `1987-02`, `1987-02-26`). Orders
/// chronologically, a partial date before the full dates it contains.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Date {
    /// Year, 1..=9999.
    pub year: u16,
    /// Month 1..=12, if known.
    pub month: Option<u8>,
    /// Day of month, if known (only with a month).
    pub day: Option<u8>,
}

impl Date {
    /// A full date, if it exists on the calendar.
    pub fn ymd(year: u16, month: u8, day: u8) -> Option<Self> {
        (valid_year(year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month))
        .then_some(Self {
            year,
            month: Some(month),
            day: Some(day),
        })
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

fn valid_year(year: u16) -> bool {
    (1..=9999).contains(&year)
}

/// Days in `month` of `year` (Gregorian).
pub fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        _ => 0,
    }
}

const HINT: &str = "write it as YYYY-MM-DD (a time after it is fine, as in RFC 3339), \
                    YYYY-MM, YYYY, or like `26 Feb 1987` / `February 26, 1987`";

/// Reads a publication date: ISO 8601 / RFC 3339 (`2022-11-23`, `2022-11-23T10:00:00Z`,
/// `2022-11`, `2022`), `2022/11/23`, RFC 2822 (`Wed, 23 Nov 2022 10:00:00 +0000`) and
/// written forms (`23 November 2022`, `Nov 23, 2022`). A time of day is accepted and
/// dropped. Errors carry a hint that lists the accepted forms.
pub fn parse_date(input: &str) -> Result<Date, String> {
    let s = input.trim();
    parse_numeric(s)
        .or_else(|| parse_written(s))
        .ok_or_else(|| HINT.to_string())
}

fn parse_numeric(s: &str) -> Option<Date> {
    // Date part ends at 'T', a space or the end; whatever follows must look like a time.
    let (date_part, rest) = match s.find(['T', 't', ' ']) {
        Some(i) => (&s[..i], &s[i + 1..]),
        None => (s, ""),
    };
    if !rest.is_empty() && !looks_like_time(rest) {
        return None;
    }
    let parts: Vec<&str> = date_part.split(['-', '/']).collect();
    if parts
        .iter()
        .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let num = |p: &str| p.parse::<u16>().ok();
    match parts.as_slice() {
        [y] if y.len() == 4 => {
            let year = num(y)?;
            valid_year(year).then_some(Date {
                year,
                month: None,
                day: None,
            })
        }
        [y, m] if y.len() == 4 && m.len() <= 2 => {
            let (year, month) = (num(y)?, num(m)? as u8);
            (valid_year(year) && (1..=12).contains(&month)).then_some(Date {
                year,
                month: Some(month),
                day: None,
            })
        }
        [y, m, d] if y.len() == 4 && m.len() <= 2 && d.len() <= 2 => {
            Date::ymd(num(y)?, num(m)? as u8, num(d)? as u8)
        }
        _ => None,
    }
}

/// `10:00`, `10:00:00`, `10:00:00.123Z`, `10:00:00+02:00`, `10:00 +0200`.
fn looks_like_time(s: &str) -> bool {
    let s = s.trim();
    let b = s.as_bytes();
    b.len() >= 5
        && b[0].is_ascii_digit()
        && b[1].is_ascii_digit()
        && b[2] == b':'
        && s.chars()
            .all(|c| c.is_ascii_digit() || ":.+-Zz ".contains(c) || c.is_ascii_uppercase())
}

fn parse_written(s: &str) -> Option<Date> {
    // Drop a leading weekday ("Wed," / "Wednesday") and a trailing time and zone.
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let mut words = words.as_slice();
    if let Some(first) = words.first()
        && weekday(first)
    {
        words = &words[1..];
    }
    if words.len() > 3 && words[3..].iter().all(|w| looks_like_time(w) || is_zone(w)) {
        words = &words[..3];
    }
    let day_of = |w: &str| -> Option<u8> {
        let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '.');
        (!digits.is_empty() && digits.len() <= 2)
            .then(|| digits.parse().ok())
            .flatten()
    };
    let year_of = |w: &str| -> Option<u16> { (w.len() == 4).then(|| w.parse().ok()).flatten() };
    match words {
        // 23 November 2022
        [d, m, y] if month_number(m).is_some() => {
            Date::ymd(year_of(y)?, month_number(m)?, day_of(d)?)
        }
        // November 23, 2022
        [m, d, y] if month_number(m).is_some() => {
            Date::ymd(year_of(y)?, month_number(m)?, day_of(d)?)
        }
        // November 2022
        [m, y] => {
            let (year, month) = (year_of(y)?, month_number(m)?);
            valid_year(year).then_some(Date {
                year,
                month: Some(month),
                day: None,
            })
        }
        _ => None,
    }
}

fn weekday(w: &str) -> bool {
    let w = w.trim_end_matches('.').to_ascii_lowercase();
    [
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    ]
    .contains(&w.as_str())
        || is_weekday_name(&w)
}

/// Whether `word` is the full name of a day of the week, in any ASCII case.
pub fn is_weekday_name(word: &str) -> bool {
    const WEEKDAYS: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    WEEKDAYS.iter().any(|d| d.eq_ignore_ascii_case(word))
}

fn is_zone(w: &str) -> bool {
    (w.len() == 5
        && (w.starts_with('+') || w.starts_with('-'))
        && w[1..].bytes().all(|b| b.is_ascii_digit()))
        || [
            "GMT", "UTC", "UT", "Z", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT",
        ]
        .contains(&w)
}

/// Month number of an English month name or its abbreviation ("Nov", "Nov.", "Sept").
pub fn month_number(word: &str) -> Option<u8> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    if w.len() < 3 {
        return None;
    }
    if w == "sept" {
        return Some(9);
    }
    MONTHS
        .iter()
        .position(|m| *m == w || (w.len() == 3 && m.starts_with(w.as_str())))
        .map(|i| i as u8 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(s: &str) -> String {
        parse_date(s)
            .unwrap_or_else(|e| panic!("{s}: {e}"))
            .to_string()
    }

    #[test]
    fn accepts_every_documented_form() {
        for (input, want) in [
            ("2022-11-23", "2022-11-23"),
            ("2022-11-23T10:15:00Z", "2022-11-23"),
            ("2022-11-23 10:15:00+02:00", "2022-11-23"),
            ("2022/11/23", "2022-11-23"),
            ("2022-11", "2022-11"),
            ("1987", "1987"),
            ("Wed, 23 Nov 2022 10:00:00 +0000", "2022-11-23"),
            ("23 November 2022", "2022-11-23"),
            ("November 23, 2022", "2022-11-23"),
            ("Nov. 3, 2022", "2022-11-03"),
            ("Sept 2022", "2022-09"),
            (" 2024-02-29 ", "2024-02-29"),
        ] {
            assert_eq!(ok(input), want, "{input}");
        }
    }

    #[test]
    fn rejects_impossible_or_ambiguous_dates() {
        for input in [
            "2022-13-01",
            "2023-02-29",
            "11/23/2022",
            "yesterday",
            "",
            "2022-11-23Tnoon",
            "22-11-23",
        ] {
            assert!(parse_date(input).is_err(), "{input} should be rejected");
        }
    }

    #[test]
    fn orders_chronologically() {
        assert!(ok("1987") < ok("1987-02"));
        assert!(parse_date("1987-02-26").unwrap() < parse_date("1987-03-01").unwrap());
    }
}

//! Dates written with digits only: `2022-11-23`, `2022/11/23`, `11/23/2022`,
//! `23.11.2022`, and year ranges `2019-2022`, `1998-99`.

use super::calendar::is_valid;
use super::expr::Expr;
use super::lexicon::{small_number, split_once_ascii};

/// `2019-2022`, `1998-99`: consecutive or spanned years.
pub(super) fn year_range(s: &str) -> Option<Expr> {
    let (a, b) = split_once_ascii(s, b'-')?;
    if a.len() != 4 || !(b.len() == 2 || b.len() == 4) {
        return None;
    }
    let first = small_number(a)? as i32;
    let last = match b.len() {
        2 => first / 100 * 100 + small_number(b)? as i32,
        _ => small_number(b)? as i32,
    };
    ((1000..=2099).contains(&first) && first < last && last <= 2099)
        .then_some(Expr::YearRange { first, last })
}

/// `2022-11-23`, `2022/11/23`, `11/23/2022` (US order unless the first part exceeds 12),
/// `23.11.2022` (day first, as written where dots separate dates).
pub(super) fn numeric_date(s: &str) -> Option<Expr> {
    // Every form has two separators; most numbers (`1987`, `5.93`, `1,000`) have fewer.
    if s.bytes()
        .filter(|b| matches!(b, b'.' | b'/' | b'-'))
        .count()
        < 2
    {
        return None;
    }
    if let Some((day, rest)) = s.split_once('.')
        && let Some((month, year)) = rest.split_once('.')
        && year.len() == 4
        && !year.contains('.')
    {
        return numeric_date(&format!("{year}-{month}-{day}"));
    }
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
    is_valid(year, month, day).then_some(Expr::Calendar {
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
        assert_eq!(numeric_date("23.11.2022"), full(2022, 11, 23));
        assert_eq!(numeric_date("5.93"), None);
        assert_eq!(numeric_date("31/31/31"), None);
        assert_eq!(numeric_date("13-14"), None);
        assert_eq!(numeric_date("2023-02-29"), None);
    }
}

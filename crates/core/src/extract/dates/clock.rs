//! Times of day: `10 a.m.`, `10:30 p.m. Wednesday`, `7 o'clock`, `at 14:30`, `1530 GMT`,
//! `noon`.

use super::expr::Expr;
use super::lexicon::{Word, small_number};
use super::scan::{Scanner, shift_day};

impl Scanner<'_> {
    /// `10 a.m.`, `10:30 p.m. Wednesday`, `7 o'clock`, `at 14:30`.
    pub(super) fn clock(&self, j: usize) -> Option<(usize, Expr)> {
        let s = self.s(j);
        let separator = s.bytes().position(|b| b == b':' || b == b'.');
        let (hour, minute) = match separator.map(|at| (&s[..at], &s[at + 1..])) {
            Some((h, m)) if m.len() == 2 => (small_number(h)?, small_number(m)?),
            // "1530 GMT", "at 1530 local time": military time before a zone, not a year.
            None if s.len() == 4 && self.zone_len(j + 1) > 0 => {
                let hhmm = small_number(s)?;
                (hhmm / 100, hhmm % 100)
            }
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
            _ if self.zone_len(j + 1) > 0 && hour < 24 => {
                let k = j + 1 + self.zone_len(j + 1);
                Some(self.with_day(k, hour as u8, minute as u8))
            }
            _ if s.contains(':') && hour < 24 && self.previous(j, &mut buf) == "at" => {
                Some(self.with_day(j + 1, hour as u8, minute as u8))
            }
            _ => None,
        }
    }

    /// How many tokens from `j` name a time zone: `GMT` one, `local time` two.
    fn zone_len(&self, j: usize) -> usize {
        if is_zone(self.s(j)) {
            1
        } else if self.is(j, "local") && self.is(j + 1, "time") {
            2
        } else {
            0
        }
    }

    /// A time of day ending before `k`, with the day that follows it if any (`Wednesday`,
    /// `today`).
    pub(super) fn with_day(&self, k: usize, hour: u8, minute: u8) -> (usize, Expr) {
        // "5 p.m. on Friday".
        let on = usize::from(
            self.is(k, "on")
                && matches!(self.w(k + 1), Some(Word::Weekday { .. } | Word::DayName(_))),
        );
        let k = k + on;
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
                k - on,
                Expr::Clock {
                    hour,
                    minute,
                    day: None,
                },
            ),
        }
    }
}

fn is_zone(s: &str) -> bool {
    matches!(
        s,
        "EST"
            | "EDT"
            | "CST"
            | "CDT"
            | "MST"
            | "MDT"
            | "PST"
            | "PDT"
            | "GMT"
            | "UTC"
            | "BST"
            | "ET"
            | "PT"
            | "CT"
            | "MT"
            | "CET"
            | "CEST"
    )
}

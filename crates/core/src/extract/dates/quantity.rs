//! Lengths of time and distances from now: `two weeks`, `the first nine months`,
//! `several years`, `two days ago`, `a year earlier`, `for years`, `nineteen ninety-six`.

use super::expr::Expr;
use super::lexicon::{self, Unit, Word, small_number_without_commas, split_once_ascii};
use super::scan::Scanner;
use crate::extract::structure::TokenKind;

/// Words before `a year`, `a week` that make it a length (`for a year`, `nearly a week`).
/// After anything else (`$5 a day`, `3.5 pct a year`, `twice a year`) it is a rate: a
/// TIMEX3 set.
const LENGTH_BEFORE_ARTICLE: &[&str] = &[
    "for",
    "in",
    "within",
    "about",
    "nearly",
    "almost",
    "than",
    "over",
    "after",
    "least",
    "only",
    "just",
    "half",
    "spent",
    "took",
    "take",
    "takes",
    "lasted",
    "last",
    "under",
    "around",
    "roughly",
    "approximately",
    "some",
    "up",
    "to",
    "of",
    "by",
    "until",
    "than",
    "barely",
    "scarcely",
    "throughout",
    "during",
    "entire",
    "whole",
    "full",
    "as",
    "",
];

/// Words before a bare plural (`for years`) that make it a length of time.
const LENGTH_CUES: &[&str] = &[
    "for", "over", "within", "in", "after", "take", "took", "takes", "taken", "lasted", "spent",
];

impl Scanner<'_> {
    /// A quantity and a unit: `two weeks` (a length), `two days ago`, `a year earlier`,
    /// `three years later` (dates from the anchor).
    pub(super) fn quantity_phrase(&self, j: usize) -> Option<(usize, Expr)> {
        let (k, amount) = self.quantity(j)?;
        let k = k + usize::from(matches!(
            self.s(k),
            "more" | "full" | "additional" | "straight" | "consecutive"
        ));
        let Some(Word::Unit { unit, plural }) = self.w(k) else {
            return self.spoken_year(j).map(|(end, year)| {
                (
                    end,
                    Expr::Calendar {
                        year: Some(year),
                        month: None,
                        day: None,
                    },
                )
            });
        };
        // "The 1988 quarter": a year naming which quarter (a year-ago comparison), not
        // 1,988 of them; "1986 year end" is that year; before another singular unit ("the
        // same 1985 month") a year is no length either, and stands alone.
        if !plural && let Some(year) = self.year_at(j).filter(|_| k == j + 1) {
            return match unit {
                Unit::Quarter => Some((
                    k + 1,
                    Expr::Quarter {
                        quarter: None,
                        year: Some(year),
                        deixis: None,
                    },
                )),
                Unit::Year if self.is(k + 1, "end") => Some((
                    k + 2,
                    Expr::Calendar {
                        year: Some(year),
                        month: None,
                        day: None,
                    },
                )),
                _ => None,
            };
        }
        let article = self.w(j) == Some(Word::A);
        // "a second time" is another time; "60 Minutes" is a title.
        if unit == Unit::Weekend
            || (article && ((plural && amount == Some(1)) || unit == Unit::Second))
            || (k > self.first && self.capitalized(k))
        {
            return None;
        }
        let end = k + 1;
        // "52 years old": an age.
        if self.is(end, "old") {
            return None;
        }
        let looks_back = matches!(self.s(end), "ago" | "earlier");
        if article && amount == Some(1) && !looks_back {
            // "$5 a day", "twice a year": a rate; "a quarter of": a fraction.
            let mut buf = [0u8; 16];
            let previous = self.previous(j, &mut buf);
            let after_pause = j > self.first && self.kind_is(j - 1, TokenKind::Punct);
            let rate = !(LENGTH_BEFORE_ARTICLE.contains(&previous) || after_pause);
            if unit == Unit::Quarter {
                return None;
            }
            if rate {
                return Some((end, Expr::Recurrence(duration_value(1, unit))));
            }
        }
        let direction: i32 = match self.s(end) {
            "ago" | "earlier" => -1,
            "later" => 1,
            "from" if self.is(end + 1, "now") => 2,
            _ => 0,
        };
        if direction == 0 {
            return Some((end, Expr::Duration { amount, unit }));
        }
        let end = end + if direction == 2 { 2 } else { 1 };
        let sign = direction.signum();
        let expr = match (amount, unit) {
            (None, _) => Expr::Reference(if sign < 0 { "PAST_REF" } else { "FUTURE_REF" }),
            (Some(1), Unit::Year) if sign < 0 => Expr::YearAgo,
            (Some(n), Unit::Decade) => Expr::Shift {
                unit: Unit::Year,
                offset: sign * 10 * n.min(1000) as i32,
                part: None,
            },
            (Some(n), Unit::Century) => Expr::Shift {
                unit: Unit::Year,
                offset: sign * 100 * n.min(100) as i32,
                part: None,
            },
            (Some(n), _) => Expr::Shift {
                unit,
                offset: sign * n.min(100_000) as i32,
                part: None,
            },
        };
        Some((end, expr))
    }

    /// A quantity at `j`: its end and amount (`None` when vague: `several`, `a few`).
    pub(super) fn quantity(&self, j: usize) -> Option<(usize, Option<u32>)> {
        match self.w(j) {
            Some(Word::A) => match self.w(j + 1) {
                Some(Word::Vague) if self.is(j + 1, "couple") => {
                    Some((j + 2 + usize::from(self.is(j + 2, "of")), Some(2)))
                }
                Some(Word::Vague) => Some((j + 2, None)),
                Some(Word::Number(12)) => Some((j + 2, Some(12))),
                _ => Some((j + 1, Some(1))),
            },
            Some(Word::Vague) => Some((j + 1, None)),
            Some(Word::Number(n)) => match self.w(j + 1) {
                Some(Word::Number(ones)) if n >= 20 && n % 10 == 0 && (1..=9).contains(&ones) => {
                    Some((j + 2, Some(n + ones)))
                }
                _ => Some((j + 1, Some(n))),
            },
            _ if self.kind_is(j, TokenKind::Number) => {
                let n = small_number_without_commas(self.s(j))?;
                Some((j + 1, Some(n)))
            }
            _ if self.kind_is(j, TokenKind::Word) => {
                let (a, b) = split_once_ascii(self.s(j), b'-')?;
                let tens = number_word(a).filter(|t| *t >= 20 && t % 10 == 0)?;
                let ones = number_word(b).filter(|o| (1..=9).contains(o))?;
                Some((j + 1, Some(tens + ones)))
            }
            _ => None,
        }
    }

    /// `nineteen ninety-six`: a year said in words; its end and value.
    pub(super) fn spoken_year(&self, j: usize) -> Option<(usize, i32)> {
        let Some(Word::Number(century @ 11..=20)) = self.w(j) else {
            return None;
        };
        let (end, rest) = self.quantity(j + 1)?;
        let rest = rest.filter(|r| (10..=99).contains(r))?;
        Some((end, (century * 100 + rest) as i32))
    }

    /// `for years`, `years ago`: a vague length or a vague past.
    pub(super) fn bare_plural(&self, j: usize) -> Option<(usize, Expr)> {
        let Some(Word::Unit { unit, plural: true }) = self.w(j) else {
            return None;
        };
        if unit == Unit::Weekend {
            return None;
        }
        let mut buf = [0u8; 16];
        let cue = LENGTH_CUES.contains(&self.previous(j, &mut buf));
        match self.s(j + 1) {
            "ago" | "earlier" => Some((j + 2, Expr::Duration { amount: None, unit })),
            _ if cue => Some((j + 1, Expr::Duration { amount: None, unit })),
            _ => None,
        }
    }
}

/// A cardinal written as one word (`two`, `twenty`).
pub(super) fn number_word(s: &str) -> Option<u32> {
    match lexicon::word(s)? {
        Word::Number(n) => Some(n),
        _ => None,
    }
}

/// A length as TIMEX3 writes it: `P1W`, `PT1H`.
pub(super) fn duration_value(n: u32, unit: Unit) -> String {
    let (time, letter) = unit.timex();
    format!("P{time}{n}{letter}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recurrences_spell_durations() {
        assert_eq!(duration_value(1, Unit::Week), "P1W");
        assert_eq!(duration_value(1, Unit::Hour), "PT1H");
    }
}

//! Phrases of relative time and length: `the third quarter`, `the past two months`,
//! `last week`, `two days ago`, `a year earlier`, `every week`, `fiscal 1989`, and
//! hyphenated compounds (`third-quarter`, `two-year`, `mid-November`, `1990s`).

use super::expr::Expr;
use super::lexicon::{self, Deixis, Unit, Word, small_number};
use super::scan::{Scanner, shift_day, this_year};
use crate::extract::structure::TokenKind;

/// Words before `a year`, `a day` that make it a rate (`$5 a day`, `twice a year`).
const RATE_CUES: &[&str] = &[
    "once", "twice", "times", "per", "percent", "%", "million", "billion",
];

/// Words before a bare plural (`for years`) that make it a length of time.
const LENGTH_CUES: &[&str] = &[
    "for", "over", "within", "in", "after", "take", "took", "takes", "taken", "lasted", "spent",
];

const fn step(deixis: Deixis) -> i32 {
    match deixis {
        Deixis::This => 0,
        Deixis::Last => -1,
        Deixis::Next => 1,
    }
}

impl Scanner<'_> {
    /// `the third quarter`, `the past two months`, `the year`, `the future`, `the 1990s`.
    pub(super) fn the_phrase(&self, j: usize) -> Option<(usize, Expr)> {
        let k = j + 1;
        if self.is(k, "future") {
            return Some((k + 1, Expr::Reference("FUTURE_REF")));
        }
        if matches!(self.s(k), "near" | "short") && self.is(k + 1, "term") {
            return Some((k + 2, Expr::Reference("FUTURE_REF")));
        }
        if self.is(k, "near") && self.is(k + 1, "future") {
            return Some((k + 2, Expr::Reference("FUTURE_REF")));
        }
        if self.is(k, "present") && !matches!(self.w(k + 1), Some(Word::Unit { .. })) {
            return Some((k + 1, Expr::Reference("PRESENT_REF")));
        }
        match self.w(k) {
            Some(Word::Deixis(deixis)) => {
                let found = self.deictic(k, deixis);
                if found.is_none() && self.is(k, "past") {
                    return Some((k + 1, Expr::Reference("PAST_REF")));
                }
                let (end, expr) = found?;
                Some((end, expr))
            }
            Some(Word::Ordinal(_)) => self.ordinal_period(k, None),
            Some(Word::Fiscal) => self.fiscal(k),
            Some(Word::Unit {
                unit,
                plural: false,
            }) => Some(match unit {
                Unit::Quarter => (
                    k + 1,
                    Expr::Quarter {
                        quarter: None,
                        year: None,
                        deixis: None,
                    },
                ),
                Unit::Weekend => (k + 1, Expr::Weekend(None)),
                Unit::Year | Unit::Month | Unit::Week => (k + 1, self.the_period(k + 1, unit)),
                _ => return None,
            }),
            Some(Word::Number(_) | Word::Vague) => {
                let (end, expr) = self.quantity_phrase(k)?;
                matches!(expr, Expr::Duration { .. }).then_some((end, expr))
            }
            Some(Word::Season(season)) => {
                let at = k + 1 + usize::from(self.is(k + 1, "of"));
                let (end, year) = match (self.year_at(at), self.spoken_year(at)) {
                    (Some(year), _) => (at + 1, Some(year)),
                    (None, Some((end, year))) => (end, Some(year)),
                    (None, None) => (k + 1, None),
                };
                Some((
                    end,
                    Expr::Season {
                        season,
                        year,
                        deixis: None,
                    },
                ))
            }
            _ if self.kind_is(k, TokenKind::Word) => {
                let (end, expr) = self.compound(k)?;
                if expr == Expr::YearAgo && matches!(self.s(end), "quarter" | "period") {
                    return Some((end + 1, expr));
                }
                matches!(
                    expr,
                    Expr::Decade(_) | Expr::Quarter { .. } | Expr::Half { .. }
                )
                .then_some((end, expr))
            }
            _ => None,
        }
    }

    /// `the year` ending before `end`: a length when `ended`/`ending` follows (earnings
    /// periods), else the anchor's year.
    fn the_period(&self, end: usize, unit: Unit) -> Expr {
        if matches!(self.s(end), "ended" | "ending" | "ends" | "through" | "to") {
            Expr::Duration {
                amount: Some(1),
                unit,
            }
        } else {
            Expr::Shift {
                unit,
                offset: 0,
                part: None,
            }
        }
    }

    /// `last week`, `this past spring`, `next Monday`, `the past two months`, `coming weeks`.
    pub(super) fn deictic(&self, j: usize, deixis: Deixis) -> Option<(usize, Expr)> {
        let (k, deixis) = if self.is(j, "this") && self.is(j + 1, "past") {
            (j + 2, Deixis::Last)
        } else {
            (j + 1, deixis)
        };
        let offset = step(deixis);
        if self.is(k, "period") && deixis == Deixis::Last {
            // "The latest period": the one being reported.
            let expr = Expr::Quarter {
                quarter: None,
                year: None,
                deixis: None,
            };
            return Some((k + 1, expr));
        }
        let deixis_word = Some(deixis);
        match self.w(k) {
            Some(Word::Unit {
                unit,
                plural: false,
            }) => Some((
                k + 1,
                match unit {
                    Unit::Quarter => Expr::Quarter {
                        quarter: None,
                        year: None,
                        deixis: deixis_word,
                    },
                    Unit::Weekend => Expr::Weekend(deixis_word),
                    _ => Expr::Shift {
                        unit,
                        offset,
                        part: None,
                    },
                },
            )),
            Some(Word::Unit { unit, plural: true }) => {
                Some((k + 1, Expr::Duration { amount: None, unit }))
            }
            Some(Word::PartOfDay(part)) if deixis != Deixis::Next => {
                Some((k + 1, shift_day(offset, Some(part))))
            }
            Some(Word::Month { month, .. }) if self.capitalized(k) => Some((
                k + 1,
                Expr::Month {
                    month,
                    deixis: deixis_word,
                },
            )),
            Some(Word::Weekday { day, plural: false }) if self.capitalized(k) => Some((
                k + 1,
                Expr::Weekday {
                    weekday: day,
                    deixis: deixis_word,
                    part: None,
                },
            )),
            Some(Word::Season(season)) => Some((
                k + 1,
                Expr::Season {
                    season,
                    year: None,
                    deixis: deixis_word,
                },
            )),
            Some(Word::Number(_) | Word::Vague | Word::A) => {
                let (end, expr) = self.quantity_phrase(k)?;
                let Expr::Duration { amount, unit } = expr else {
                    return None;
                };
                // "The last twenty-four hours": the last day.
                let expr = match (amount, unit) {
                    (Some(24), Unit::Hour) if deixis == Deixis::Last => Expr::Duration {
                        amount: Some(1),
                        unit: Unit::Day,
                    },
                    _ => expr,
                };
                Some((end, expr))
            }
            _ if self.kind_is(k, TokenKind::Number) => {
                let (end, expr) = self.quantity_phrase(k)?;
                matches!(expr, Expr::Duration { .. }).then_some((end, expr))
            }
            _ => None,
        }
    }

    /// `third quarter`, `first half of 1998`, `the first nine months` (from the ordinal at `j`).
    pub(super) fn ordinal_period(&self, j: usize, year: Option<i32>) -> Option<(usize, Expr)> {
        let Some(Word::Ordinal(n)) = self.w(j) else {
            return None;
        };
        let k = j + 1 + usize::from(self.is(j + 1, "fiscal"));
        let (end, expr) = match self.w(k) {
            Some(Word::Unit {
                unit: Unit::Quarter,
                ..
            }) => (
                k + 1,
                Expr::Quarter {
                    quarter: Some(n),
                    year,
                    deixis: None,
                },
            ),
            _ if self.is(k, "half") && n <= 2 => (k + 1, Expr::Half { half: n, year }),
            // "The first nine months": a length.
            Some(Word::Number(_)) if n == 1 => {
                let (end, expr) = self.quantity_phrase(k)?;
                return matches!(expr, Expr::Duration { .. }).then_some((end, expr));
            }
            _ => return None,
        };
        Some(self.of_year(end, expr))
    }

    /// `… of 1998` after a quarter or half: the year goes into the expression.
    fn of_year(&self, end: usize, expr: Expr) -> (usize, Expr) {
        let Some(year) = self.year_at(end + 1).filter(|_| self.is(end, "of")) else {
            return (end, expr);
        };
        let expr = match expr {
            Expr::Quarter {
                quarter, deixis, ..
            } => Expr::Quarter {
                quarter,
                year: Some(year),
                deixis,
            },
            Expr::Half { half, .. } => Expr::Half {
                half,
                year: Some(year),
            },
            other => other,
        };
        (end + 2, expr)
    }

    /// `fiscal 1989`, `fiscal year 1990`, `the fiscal first quarter`.
    pub(super) fn fiscal(&self, j: usize) -> Option<(usize, Expr)> {
        let k = j + 1 + usize::from(self.is(j + 1, "year"));
        if let Some(year) = self.year_at(k) {
            return Some((
                k + 1,
                Expr::Calendar {
                    year: Some(year),
                    month: None,
                    day: None,
                },
            ));
        }
        match self.w(j + 1) {
            Some(Word::Ordinal(_)) => self.ordinal_period(j + 1, None),
            None if self.kind_is(j + 1, TokenKind::Word) => self
                .compound(j + 1)
                .filter(|(_, e)| matches!(e, Expr::Quarter { .. } | Expr::Half { .. })),
            Some(Word::Unit {
                unit: Unit::Year,
                plural: false,
            }) => Some((j + 2, self.the_period(j + 2, Unit::Year))),
            _ => None,
        }
    }

    /// `every week`, `each Thursday`, `every two years`.
    pub(super) fn every(&self, j: usize) -> Option<(usize, Expr)> {
        let k = j + 1 + usize::from(self.is(j + 1, "other"));
        let every_other = k > j + 1;
        match self.w(k) {
            Some(Word::Unit {
                unit,
                plural: false,
            }) => {
                let n = if every_other { 2 } else { 1 };
                let value = duration_value(n, unit);
                Some((k + 1, Expr::Recurrence(value)))
            }
            Some(Word::Weekday { day, plural: false }) => {
                Some((k + 1, Expr::Recurrence(format!("XXXX-WXX-{day}"))))
            }
            Some(Word::PartOfDay(part)) => {
                Some((k + 1, Expr::Recurrence(format!("XXXX-XX-XXT{part}"))))
            }
            Some(Word::Number(_)) | None => {
                let (end, expr) = self.quantity_phrase(k)?;
                let Expr::Duration {
                    amount: Some(n),
                    unit,
                } = expr
                else {
                    return None;
                };
                Some((end, Expr::Recurrence(duration_value(n, unit))))
            }
            _ => None,
        }
    }

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
        let article = self.w(j) == Some(Word::A);
        // "a second time" is another time; "60 Minutes" is a title.
        if unit == Unit::Weekend
            || (article && (plural || unit == Unit::Second))
            || (k > self.first && self.capitalized(k))
        {
            return None;
        }
        let end = k + 1;
        let looks_back = matches!(self.s(end), "ago" | "earlier");
        if self.w(j) == Some(Word::A) && !looks_back {
            // "$5 a day", "twice a year": a rate; "a quarter of": a fraction.
            let mut buf = [0u8; 16];
            let rate = RATE_CUES.contains(&self.previous(j, &mut buf))
                || (j > self.first && self.kind_is(j - 1, TokenKind::Number));
            if rate || unit == Unit::Quarter {
                return None;
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
    fn quantity(&self, j: usize) -> Option<(usize, Option<u32>)> {
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
                let n = small_number(&self.s(j).replace(',', ""))?;
                Some((j + 1, Some(n)))
            }
            _ if self.kind_is(j, TokenKind::Word) => {
                let (a, b) = self.s(j).split_once('-')?;
                let tens = number_word(a).filter(|t| *t >= 20 && t % 10 == 0)?;
                let ones = number_word(b).filter(|o| (1..=9).contains(o))?;
                Some((j + 1, Some(tens + ones)))
            }
            _ => None,
        }
    }

    /// `nineteen ninety-six`: a year said in words; its end and value.
    fn spoken_year(&self, j: usize) -> Option<(usize, i32)> {
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

    /// One word token with hyphens or digits: `third-quarter`, `two-year`, `mid-November`,
    /// `year-earlier`, `1990s`, `'90s`.
    pub(super) fn compound(&self, j: usize) -> Option<(usize, Expr)> {
        let s = self.s(j);
        if let Some(decade) = decade(s) {
            // "'90s", "the 90s" are decades; "in their 30s" is an age.
            let two_digit = s.len() <= 4 && !s.starts_with(['\'', '’']);
            let mut buf = [0u8; 16];
            let marked = matches!(self.previous(j, &mut buf), "'" | "’" | "the" | "mid");
            return (!two_digit || marked).then_some((j + 1, Expr::Decade(decade)));
        }
        if let Some(century) = self.century(j) {
            return Some(century);
        }
        let (a, b) = s.split_once('-')?;
        if b.contains('-') {
            return None;
        }
        let (wa, wb) = (lexicon::word(a), lexicon::word(b));
        match (wa, wb) {
            (
                Some(Word::Ordinal(n)),
                Some(Word::Unit {
                    unit: Unit::Quarter,
                    plural: false,
                }),
            ) => Some((
                j + 1,
                Expr::Quarter {
                    quarter: Some(n),
                    year: None,
                    deixis: None,
                },
            )),
            (Some(Word::Ordinal(n)), _) if b.eq_ignore_ascii_case("half") && n <= 2 => Some((
                j + 1,
                Expr::Half {
                    half: n,
                    year: None,
                },
            )),
            (
                Some(Word::Modifier),
                Some(Word::Month {
                    month,
                    abbreviated: false,
                }),
            ) => Some((
                j + 1,
                Expr::Month {
                    month,
                    deixis: None,
                },
            )),
            (Some(Word::Modifier), _) if decade(b).is_some() => {
                Some((j + 1, Expr::Decade(decade(b)?)))
            }
            (
                Some(Word::Unit {
                    unit: Unit::Year,
                    plural: false,
                }),
                _,
            ) if b == "end" => Some((j + 1, this_year())),
            (Some(Word::Modifier), _) => {
                let year = small_number(b).filter(|y| (1000..=2099).contains(y))?;
                Some((
                    j + 1,
                    Expr::Calendar {
                        year: Some(year as i32),
                        month: None,
                        day: None,
                    },
                ))
            }
            (
                Some(Word::Unit {
                    unit: Unit::Year,
                    plural: false,
                }),
                Some(Word::Direction(-1)),
            ) => Some((j + 1, Expr::YearAgo)),
            (
                _,
                Some(Word::Unit {
                    unit,
                    plural: false,
                }),
            ) if unit != Unit::Weekend => {
                let amount = number_word(a).or_else(|| small_number(a))?;
                (amount > 0).then_some((
                    j + 1,
                    Expr::Duration {
                        amount: Some(amount),
                        unit,
                    },
                ))
            }
            _ => None,
        }
    }
}

impl Scanner<'_> {
    /// `20th century` → `19`.
    fn century(&self, j: usize) -> Option<(usize, Expr)> {
        if !self.is(j + 1, "century") {
            return None;
        }
        let s = self.s(j);
        let digits = s.get(..s.len().checked_sub(2)?)?;
        let n = small_number(digits).filter(|n| (1..=30).contains(n))?;
        Some((j + 2, Expr::Century(n as i32 - 1)))
    }
}

/// A cardinal written as one word (`two`, `twenty`).
fn number_word(s: &str) -> Option<u32> {
    match lexicon::word(s)? {
        Word::Number(n) => Some(n),
        _ => None,
    }
}

/// `1990s` → 199, `90s` and `'90s` → 199, `nineties` → 199.
fn decade(s: &str) -> Option<i32> {
    if !s.ends_with('s') {
        return None;
    }
    let s = s.trim_start_matches(['\'', '’']);
    let digits_first = s.as_bytes().first().is_some_and(u8::is_ascii_digit);
    if let Some(digits) = s
        .strip_suffix("'s")
        .or_else(|| s.strip_suffix('s'))
        .filter(|_| digits_first)
    {
        let n = small_number(digits)? as i32;
        return match digits.len() {
            4 if n % 10 == 0 && (1000..=2090).contains(&n) => Some(n / 10),
            2 if n % 10 == 0 => Some(190 + n / 10),
            _ => None,
        };
    }
    let mut buf = [0u8; 16];
    let tens = match lexicon::lower(s, &mut buf)? {
        "twenties" => 2,
        "thirties" => 3,
        "forties" => 4,
        "fifties" => 5,
        "sixties" => 6,
        "seventies" => 7,
        "eighties" => 8,
        "nineties" => 9,
        _ => return None,
    };
    Some(190 + tens)
}

fn duration_value(n: u32, unit: Unit) -> String {
    let (time, letter) = unit.timex();
    format!("P{time}{n}{letter}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decades_read_digits_and_words() {
        assert_eq!(decade("1990s"), Some(199));
        assert_eq!(decade("'80s"), Some(198));
        assert_eq!(decade("Nineties"), Some(199));
        assert_eq!(decade("1995s"), None);
        assert_eq!(decade("99999999999s"), None);
    }

    #[test]
    fn recurrences_spell_durations() {
        assert_eq!(duration_value(1, Unit::Week), "P1W");
        assert_eq!(duration_value(1, Unit::Hour), "PT1H");
    }
}

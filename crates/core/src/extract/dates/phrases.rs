//! Phrases of relative time: `the third quarter`, `the year`, `last week`, `this past
//! spring`, `the past two months`, `fiscal 1989`, `every week`.

use super::expr::Expr;
use super::lexicon::{Deixis, Unit, Word};
use super::quantity::duration_value;
use super::scan::{Scanner, shift_day};
use crate::extract::structure::TokenKind;

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
            // "The 1988 second quarter".
            _ if self.year_at(k).is_some() && matches!(self.w(k + 1), Some(Word::Ordinal(_))) => {
                self.ordinal_period(k + 1, self.year_at(k))
            }
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
                Unit::Year | Unit::Month | Unit::Week => self.the_period(k + 1, unit),
                // "the day before", "the day after": with no story date to count from,
                // the article's date is the one the day is before or after.
                // Not "the day after his death": that counts from an event, not a date.
                Unit::Day => match self.w(k + 1) {
                    Some(Word::Direction(offset)) if !self.kind_is(k + 2, TokenKind::Word) => (
                        k + 2,
                        Expr::Shift {
                            unit,
                            offset: offset.into(),
                            part: None,
                        },
                    ),
                    _ => return None,
                },
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
    /// periods), the year named after it (`the year 2050`), else the anchor's year.
    fn the_period(&self, end: usize, unit: Unit) -> (usize, Expr) {
        if let Some(year) = self.year_at(end).filter(|_| unit == Unit::Year) {
            let year = Expr::Calendar {
                year: Some(year),
                month: None,
                day: None,
            };
            return (end + 1, year);
        }
        let length = matches!(
            self.s(end),
            "ended" | "ending" | "ends" | "through" | "to" | "started" | "starting" | "beginning"
        );
        let expr = if length {
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
        };
        (end, expr)
    }

    /// `last week`, `this past spring`, `next Monday`, `the past two months`, `coming weeks`.
    pub(super) fn deictic(&self, j: usize, deixis: Deixis) -> Option<(usize, Expr)> {
        let (k, deixis) = if self.is(j, "this") && self.is(j + 1, "past") {
            (j + 2, Deixis::Last)
        } else {
            (j + 1, deixis)
        };
        let offset = step(deixis);
        // "ABC's \"This Week\"": a title, not a week.
        let title = self.capitalized(k) && self.s(k).chars().skip(1).any(char::is_lowercase);
        if title && matches!(self.w(k), Some(Word::Unit { .. })) && j > self.first {
            return None;
        }
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
            Some(Word::Number(_) | Word::Vague | Word::A) | None
                if self.w(k).is_some() || self.kind_is(k, TokenKind::Number) =>
            {
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
            }) => Some(self.the_period(j + 2, Unit::Year)),
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_follow_deixis() {
        assert_eq!(step(Deixis::Last), -1);
        assert_eq!(step(Deixis::Next), 1);
    }
}

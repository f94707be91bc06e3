//! Finds time expressions in a sentence's tokens: a cursor over the tokens with their
//! lexicon meanings, and the patterns that start with a calendar word or a number
//! (see [`super::written`], [`super::clock`]). Phrases that
//! start with `the`, `last`, a quantity or `every` live in [`super::phrases`].
//!
//! Every pattern reads forward from one token and never past the sentence, so a whole scan
//! is linear in the number of tokens.

use super::expr::Expr;
use super::lexicon::{self, Deixis, Unit, Word};
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

    /// `year-end` or `year end` ending before token `next`: with the year written after it
    /// (`at year-end 1985`), that year's last day.
    pub(super) fn year_end(&self, next: usize) -> (usize, Expr) {
        let written = self.s(next);
        let year = (written.len() == 4 && self.kind_is(next, TokenKind::Number))
            .then(|| lexicon::small_number(written))
            .flatten()
            .filter(|y| (1000..=2099).contains(y));
        match year {
            Some(year) => (
                next + 1,
                Expr::Calendar {
                    year: Some(year as i32),
                    month: Some(12),
                    day: Some(31),
                },
            ),
            None => (next, Expr::YearEnd),
        }
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
            }) if self.is(j + 1, "end") => Some(self.year_end(j + 2)),
            _ if self.is(j, "these") && self.is(j + 1, "days") => {
                Some((j + 2, Expr::Reference("PRESENT_REF")))
            }
            _ if self.kind_is(j, TokenKind::Number) => self.numeric(j),
            _ if self.kind_is(j, TokenKind::Word) => self
                .holiday(j)
                .or_else(|| self.ordinal_day(j))
                .or_else(|| self.compound(j)),
            _ => None,
        }
    }

    /// `yesterday`, `today`, `tomorrow morning`.
    fn day_word(&self, j: usize, offset: i8) -> (usize, Expr) {
        match self.w(j + 1) {
            Some(Word::PartOfDay(part)) => (j + 2, shift_day(offset.into(), Some(part))),
            _ => (j + 1, shift_day(offset.into(), None)),
        }
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

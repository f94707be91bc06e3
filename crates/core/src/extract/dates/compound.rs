//! One-token compounds: `third-quarter`, `two-year`, `mid-November`, `mid-1990s`,
//! `year-earlier`, `year-end`, `1990s`, `'90s`, `nineties`, `20th century`.

use super::expr::Expr;
use super::lexicon::{self, Unit, Word, small_number, split_once_ascii};
use super::quantity::number_word;
use super::scan::Scanner;

impl Scanner<'_> {
    /// One word token with hyphens or digits: `third-quarter`, `two-year`, `mid-November`,
    /// `year-earlier`, `1990s`, `'90s`.
    pub(super) fn compound(&self, j: usize) -> Option<(usize, Expr)> {
        let s = self.s(j);
        // Each pattern below needs a digit first, a final `s` or a hyphen: most words have none.
        let digit_first = s.as_bytes().first().is_some_and(u8::is_ascii_digit);
        if !(digit_first || s.ends_with('s') || s.as_bytes().contains(&b'-')) {
            return None;
        }
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
        let (a, b) = split_once_ascii(s, b'-')?;
        if b.as_bytes().contains(&b'-') {
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
            ) if b == "end" => Some(self.year_end(j + 1)),
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

/// `1990s` → 199, `90s` and `'90s` → 199, `nineties` → 199.
fn decade(s: &str) -> Option<i32> {
    if !s.ends_with('s') {
        return None;
    }
    let s = s.trim_start_matches(['\'', '’']);
    if !s.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return decade_word(s.as_bytes());
    }
    let digits = s.strip_suffix("'s").or_else(|| s.strip_suffix('s'))?;
    let n = small_number(digits)? as i32;
    match digits.len() {
        4 if n % 10 == 0 && (1000..=2090).contains(&n) => Some(n / 10),
        2 if n % 10 == 0 => Some(190 + n / 10),
        _ => None,
    }
}

/// `nineties` → 199, in any case.
pub(super) fn decade_word(s: &[u8]) -> Option<i32> {
    // From `fifties` to `seventies`, all ending in `ties`: most words fail before lowercasing.
    if !(7..=9).contains(&s.len()) || !s[s.len() - 4..].eq_ignore_ascii_case(b"ties") {
        return None;
    }
    let mut buf = [0u8; 16];
    let tens = match lexicon::lower_bytes(s, &mut buf)? {
        b"twenties" => 2,
        b"thirties" => 3,
        b"forties" => 4,
        b"fifties" => 5,
        b"sixties" => 6,
        b"seventies" => 7,
        b"eighties" => 8,
        b"nineties" => 9,
        _ => return None,
    };
    Some(190 + tens)
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
}

//! The English words of time: what a single word (or one half of a hyphenated compound)
//! means for dates. Lookups lowercase into a stack buffer, so they never allocate.

/// A unit of time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Second.
    Second,
    /// Minute.
    Minute,
    /// Hour.
    Hour,
    /// Day.
    Day,
    /// Weekend (a date only: `-WE`).
    Weekend,
    /// Week.
    Week,
    /// Month.
    Month,
    /// Quarter of a year.
    Quarter,
    /// Year.
    Year,
    /// Ten years.
    Decade,
    /// A hundred years.
    Century,
}

impl Unit {
    /// The TIMEX3 duration letter(s), with `T` for units below a day.
    pub const fn timex(self) -> (&'static str, &'static str) {
        match self {
            Self::Second => ("T", "S"),
            Self::Minute => ("T", "M"),
            Self::Hour => ("T", "H"),
            Self::Day => ("", "D"),
            Self::Weekend => ("", "WE"),
            Self::Week => ("", "W"),
            Self::Month => ("", "M"),
            Self::Quarter => ("", "Q"),
            Self::Year => ("", "Y"),
            Self::Decade => ("", "DE"),
            Self::Century => ("", "CE"),
        }
    }
}

/// Which way a deictic word points from now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Deixis {
    /// `this`, `current`, `present`.
    This,
    /// `last`, `past`, `previous`, `latest`.
    Last,
    /// `next`, `coming`, `following`.
    Next,
}

/// What one word means for time expressions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Word {
    /// `the`.
    The,
    /// `a`, `an`.
    A,
    /// A month name or abbreviation; `abbreviated` for `Nov`, `Sept`.
    Month { month: u8, abbreviated: bool },
    /// A weekday name (Monday 1); `plural` for `Mondays`.
    Weekday { day: u8, plural: bool },
    /// A season: `SP`, `SU`, `FA`, `WI`.
    Season(&'static str),
    /// A unit; `plural` for `years`.
    Unit { unit: Unit, plural: bool },
    /// A cardinal number word (`one` … `ninety`, `hundred` is not one).
    Number(u32),
    /// An ordinal (`first` … `fourth`, `1st` …).
    Ordinal(u8),
    /// `few`, `several`, `many`, `some`: an unknown amount.
    Vague,
    /// `this`, `last`, `next` and kin.
    Deixis(Deixis),
    /// `yesterday` (-1), `today` (0), `tomorrow` (1).
    DayName(i8),
    /// `tonight`.
    Tonight,
    /// `morning`, `afternoon`, `evening`, `night`: TIMEX3 part of day.
    PartOfDay(&'static str),
    /// `noon` (12), `midnight` (0).
    Clock(u8),
    /// `now`, `recently`, …: a TIMEX3 reference value.
    Reference(&'static str),
    /// `ago`, `earlier`, `before` (-1); `later`, `after`, `hence` (+1).
    Direction(i8),
    /// `early`, `late`, `mid`, `end`, `beginning`, …: a modifier kept in the span.
    Modifier,
    /// `daily`, `weekly`, …: a recurrence with this TIMEX3 value.
    Recurrence(&'static str),
    /// `every`, `each`.
    Every,
    /// `fiscal`.
    Fiscal,
    /// `a.m.` (false) or `p.m.` (true).
    Meridiem(bool),
}

/// The lowercase ASCII form of `word` in `buf`, or `None` when it is too long or not ASCII.
pub fn lower<'b>(word: &str, buf: &'b mut [u8; 16]) -> Option<&'b str> {
    let bytes = word.as_bytes();
    if bytes.len() > buf.len() || !word.is_ascii() {
        return None;
    }
    for (slot, b) in buf.iter_mut().zip(bytes) {
        *slot = b.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..bytes.len()]).ok()
}

/// What `word` means, if anything.
pub fn word(word: &str) -> Option<Word> {
    // A possessive means what its noun means: "today's", "year's".
    let word = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word);
    let mut buf = [0u8; 16];
    let w = lower(word, &mut buf)?;
    let w = w.strip_suffix('.').unwrap_or(w);
    Some(match w {
        "the" => Word::The,
        "a" | "an" => Word::A,
        "yesterday" => Word::DayName(-1),
        "today" => Word::DayName(0),
        "tomorrow" => Word::DayName(1),
        "tonight" => Word::Tonight,
        "morning" => Word::PartOfDay("MO"),
        "afternoon" => Word::PartOfDay("AF"),
        "evening" => Word::PartOfDay("EV"),
        "night" => Word::PartOfDay("NI"),
        "noon" | "midday" => Word::Clock(12),
        "midnight" => Word::Clock(0),
        "now" | "currently" | "nowadays" | "presently" => Word::Reference("PRESENT_REF"),
        // Not "previously", "formerly", "soon": they rarely name a time of their own.
        "recently" | "lately" => Word::Reference("PAST_REF"),
        "ago" | "earlier" | "before" => Word::Direction(-1),
        "later" | "after" | "hence" => Word::Direction(1),
        "early" | "late" | "mid" | "end" | "beginning" | "start" | "middle" => Word::Modifier,
        "this" | "current" | "present" => Word::Deixis(Deixis::This),
        "last" | "past" | "previous" | "latest" | "preceding" | "recent" => {
            Word::Deixis(Deixis::Last)
        }
        "next" | "coming" | "following" | "upcoming" => Word::Deixis(Deixis::Next),
        "few" | "several" | "many" | "some" | "couple" => Word::Vague,
        "every" | "each" => Word::Every,
        "fiscal" => Word::Fiscal,
        "daily" | "nightly" => Word::Recurrence("P1D"),
        "weekly" => Word::Recurrence("P1W"),
        "monthly" => Word::Recurrence("P1M"),
        // Not "quarterly", "annual": adjectives of reports and dividends more than recurrences.
        "annually" | "yearly" => Word::Recurrence("P1Y"),
        "hourly" => Word::Recurrence("PT1H"),
        "a.m" | "am" => Word::Meridiem(false),
        "p.m" | "pm" => Word::Meridiem(true),
        "spring" => Word::Season("SP"),
        "summer" => Word::Season("SU"),
        "fall" | "autumn" => Word::Season("FA"),
        "winter" => Word::Season("WI"),
        _ => return unit(w).or_else(|| calendar_name(w)).or_else(|| number(w)),
    })
}

fn unit(w: &str) -> Option<Word> {
    let (unit, plural) = match w {
        "second" => (Unit::Second, false),
        "seconds" => (Unit::Second, true),
        "minute" => (Unit::Minute, false),
        "minutes" => (Unit::Minute, true),
        "hour" => (Unit::Hour, false),
        "hours" => (Unit::Hour, true),
        "day" => (Unit::Day, false),
        "days" => (Unit::Day, true),
        "weekend" => (Unit::Weekend, false),
        "weekends" => (Unit::Weekend, true),
        "week" => (Unit::Week, false),
        "weeks" => (Unit::Week, true),
        "month" => (Unit::Month, false),
        "months" => (Unit::Month, true),
        "quarter" => (Unit::Quarter, false),
        "quarters" => (Unit::Quarter, true),
        "year" => (Unit::Year, false),
        "years" => (Unit::Year, true),
        "decade" => (Unit::Decade, false),
        "decades" => (Unit::Decade, true),
        "century" => (Unit::Century, false),
        "centuries" => (Unit::Century, true),
        _ => return None,
    };
    Some(Word::Unit { unit, plural })
}

fn calendar_name(w: &str) -> Option<Word> {
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
    const ABBREVIATIONS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    const WEEKDAYS: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    if let Some(i) = MONTHS.iter().position(|m| *m == w) {
        return Some(Word::Month {
            month: i as u8 + 1,
            abbreviated: false,
        });
    }
    if let Some(i) = ABBREVIATIONS.iter().position(|m| *m == w) {
        return Some(Word::Month {
            month: i as u8 + 1,
            abbreviated: true,
        });
    }
    if w == "sept" {
        return Some(Word::Month {
            month: 9,
            abbreviated: true,
        });
    }
    let (name, plural) = match w.strip_suffix('s') {
        Some(stem) if stem.ends_with("day") => (stem, true),
        _ => (w, false),
    };
    WEEKDAYS
        .iter()
        .position(|d| *d == name)
        .map(|i| Word::Weekday {
            day: i as u8 + 1,
            plural,
        })
}

fn number(w: &str) -> Option<Word> {
    const ONES: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    const ORDINALS: [&str; 4] = ["first", "second", "third", "fourth"];
    if let Some(i) = ONES.iter().position(|n| *n == w) {
        return Some(Word::Number(i as u32));
    }
    if let Some(i) = TENS.iter().position(|n| *n == w) {
        return Some(Word::Number(20 + 10 * i as u32));
    }
    if let Some(i) = ORDINALS.iter().position(|n| *n == w) {
        return Some(Word::Ordinal(i as u8 + 1));
    }
    match w {
        "1st" => Some(Word::Ordinal(1)),
        "2nd" => Some(Word::Ordinal(2)),
        "3rd" => Some(Word::Ordinal(3)),
        "4th" => Some(Word::Ordinal(4)),
        "dozen" => Some(Word::Number(12)),
        _ => None,
    }
}

/// The day of month written as `23`, `23rd`, `1st`: 1..=31.
pub fn day_of_month(token: &str) -> Option<u8> {
    let digits = token
        .strip_suffix("st")
        .or_else(|| token.strip_suffix("nd"))
        .or_else(|| token.strip_suffix("rd"))
        .or_else(|| token.strip_suffix("th"))
        .unwrap_or(token);
    let day = small_number(digits)?;
    (1..=31).contains(&day).then_some(day as u8)
}

/// A number of at most four ASCII digits, no sign and no separators.
pub fn small_number(digits: &str) -> Option<u32> {
    (!digits.is_empty() && digits.len() <= 4 && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| digits.parse().ok())
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_read_case_insensitively_without_allocating() {
        assert_eq!(
            word("Nov."),
            Some(Word::Month {
                month: 11,
                abbreviated: true
            })
        );
        assert_eq!(
            word("FRIDAYS"),
            Some(Word::Weekday {
                day: 5,
                plural: true
            })
        );
        assert_eq!(word("twenty"), Some(Word::Number(20)));
        assert_eq!(word("third"), Some(Word::Ordinal(3)));
        assert_eq!(
            word("Years"),
            Some(Word::Unit {
                unit: Unit::Year,
                plural: true
            })
        );
        assert_eq!(word("Днём"), None);
        assert_eq!(word("extraordinarily-long-word"), None);
    }

    #[test]
    fn days_of_month_take_ordinal_suffixes_and_stay_in_range() {
        assert_eq!(day_of_month("23rd"), Some(23));
        assert_eq!(day_of_month("1"), Some(1));
        assert_eq!(day_of_month("32"), None);
        assert_eq!(day_of_month("0"), None);
        assert_eq!(day_of_month("99999999999"), None);
    }
}

//! The English words of time: what a single word (or one half of a hyphenated compound)
//! means for dates. A lookup packs the lowercased word into one integer and probes a small
//! hash table: it never allocates, and most words are answered by one empty slot.

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
    std::str::from_utf8(lower_bytes(word.as_bytes(), buf)?).ok()
}

/// [`lower`] as bytes, for callers that compare with byte strings and so need not check
/// that the bytes are text again.
pub fn lower_bytes<'b>(bytes: &[u8], buf: &'b mut [u8; 16]) -> Option<&'b [u8]> {
    if bytes.len() > buf.len() || !bytes.is_ascii() {
        return None;
    }
    for (slot, b) in buf.iter_mut().zip(bytes) {
        *slot = b.to_ascii_lowercase();
    }
    Some(&buf[..bytes.len()])
}

/// What `word` (a `str` or its bytes) means, if anything.
pub fn word(word: impl AsRef<[u8]>) -> Option<Word> {
    let bytes = word.as_ref();
    // A possessive means what its noun means: "today's", "year's" (’ is E2 80 99 in UTF-8).
    let bytes = match bytes {
        [noun @ .., b'\'', b's'] | [noun @ .., 0xE2, 0x80, 0x99, b's'] => noun,
        _ => bytes,
    };
    // "Nov.", "p.m.": the period of an abbreviation is not part of the word.
    let bytes = match bytes {
        [abbreviation @ .., b'.'] => abbreviation,
        _ => bytes,
    };
    let table = table();
    if !table.may_hold(bytes) {
        return None;
    }
    table.get(Key::of(bytes)?)
}

/// A word of at most [`LONGEST`] bytes, ASCII-lowercased and packed with its length into
/// one integer: comparing two keys is one comparison, hashing one is one multiplication,
/// and nothing is allocated or searched byte by byte.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Key(u128);

impl Key {
    /// The key of `word`, or `None` when it is longer than every lexicon word.
    fn of(word: &[u8]) -> Option<Self> {
        if word.len() > LONGEST {
            return None;
        }
        let mut packed = [0u8; 16];
        packed[..word.len()].copy_from_slice(word);
        // The length keeps "a" apart from "a\0"; no lexicon word reaches the last byte.
        packed[15] = word.len() as u8;
        let packed = u128::from_le_bytes(packed);
        let (low, high) = (packed as u64, (packed >> 64) as u64);
        Some(Self(
            u128::from(ascii_lowercase(low)) | u128::from(ascii_lowercase(high)) << 64,
        ))
    }

    /// A slot of a table of `1 << bits` slots (Fibonacci hashing of the folded key).
    fn slot(self, bits: u32) -> usize {
        let folded = (self.0 as u64) ^ ((self.0 >> 64) as u64);
        (folded.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - bits)) as usize
    }
}

/// The eight bytes of `x`, each as [`u8::to_ascii_lowercase`] makes it, in a few operations
/// for all eight instead of a branch per byte: the words of a text are mostly unknown, so
/// making their key is most of the lookup's cost.
fn ascii_lowercase(x: u64) -> u64 {
    const EACH: u64 = 0x0101_0101_0101_0101;
    // Each byte's low seven bits plus 0x80 - b'A' (or 0x80 - b'Z' - 1) sets the byte's top
    // bit exactly when they are at least b'A' (past b'Z'), and never carries into the next.
    let low_bits = x & (0x7f * EACH);
    let from_a = low_bits + (0x80 - u64::from(b'A')) * EACH;
    let past_z = low_bits + (0x80 - u64::from(b'Z') - 1) * EACH;
    // Capitals: from A, not past Z, and not the byte of a non-ASCII character.
    let capitals = from_a & !past_z & !x & (0x80 * EACH);
    // 0x80 >> 2 is 0x20, the bit that makes a capital small.
    x | capitals >> 2
}

/// [`LEXICON`] as an open-addressing hash table with linear probing, a quarter full, behind
/// a filter on each word's first and last letters and length that turns away most words of
/// a text (four in five in news) before their key is made.
struct Table {
    slots: Vec<Option<(Key, Word)>>,
    /// Bit `n` of entry [`ends_index`]`(w)` is set when a lexicon word of `n` bytes has the
    /// first and last letters of `w`.
    lengths_by_ends: Vec<u16>,
}

/// Where the first and last bytes of `word` put it in [`Table::lengths_by_ends`]. A letter's
/// low five bits are the same in either case (`N`, `n`), so no lowercasing is needed; other
/// bytes may share an entry with letters, which only lets a few more words through to the
/// hash table.
fn ends_index(word: &[u8]) -> usize {
    let (first, last) = (word.first().unwrap_or(&0), word.last().unwrap_or(&0));
    usize::from(first & 31) << 5 | usize::from(last & 31)
}

/// log2 of the table's size: 1024 slots for the lexicon's ~200 words.
const TABLE_BITS: u32 = 10;

impl Table {
    fn build() -> Self {
        let mut slots = vec![None; 1 << TABLE_BITS];
        let mut lengths_by_ends = vec![0u16; 32 * 32];
        for (text, meaning) in LEXICON {
            lengths_by_ends[ends_index(text.as_bytes())] |= 1 << text.len();
            let key = Key::of(text.as_bytes()).expect("lexicon words are at most LONGEST bytes");
            let mut at = key.slot(TABLE_BITS);
            while slots[at].is_some() {
                at = (at + 1) % slots.len();
            }
            slots[at] = Some((key, *meaning));
        }
        Self {
            slots,
            lengths_by_ends,
        }
    }

    /// Whether `word` may be in the lexicon: `false` means surely not.
    fn may_hold(&self, word: &[u8]) -> bool {
        word.len() <= LONGEST && self.lengths_by_ends[ends_index(word)] & 1 << word.len() != 0
    }

    fn get(&self, key: Key) -> Option<Word> {
        let mut at = key.slot(TABLE_BITS);
        loop {
            match self.slots[at] {
                None => return None,
                Some((k, meaning)) if k == key => return Some(meaning),
                Some(_) => at = (at + 1) % self.slots.len(),
            }
        }
    }
}

fn table() -> &'static Table {
    static TABLE: std::sync::OnceLock<Table> = std::sync::OnceLock::new();
    TABLE.get_or_init(Table::build)
}

/// The length of the longest word in [`LEXICON`].
const LONGEST: usize = 10;

const fn unit(unit: Unit, plural: bool) -> Word {
    Word::Unit { unit, plural }
}

const fn month(month: u8, abbreviated: bool) -> Word {
    Word::Month { month, abbreviated }
}

const fn weekday(day: u8, plural: bool) -> Word {
    Word::Weekday { day, plural }
}

/// Every word with a meaning, sorted by bytes (which keeps duplicates out). Not "previously",
/// "formerly", "soon" (they rarely name a time of their own), nor "quarterly", "annual"
/// (adjectives of reports and dividends more than recurrences).
const LEXICON: &[(&str, Word)] = &[
    ("1st", Word::Ordinal(1)),
    ("2nd", Word::Ordinal(2)),
    ("3rd", Word::Ordinal(3)),
    ("4th", Word::Ordinal(4)),
    ("a", Word::A),
    ("a.m", Word::Meridiem(false)),
    ("after", Word::Direction(1)),
    ("afternoon", Word::PartOfDay("AF")),
    ("ago", Word::Direction(-1)),
    ("am", Word::Meridiem(false)),
    ("an", Word::A),
    ("annually", Word::Recurrence("P1Y")),
    ("apr", month(4, true)),
    ("april", month(4, false)),
    ("aug", month(8, true)),
    ("august", month(8, false)),
    ("autumn", Word::Season("FA")),
    ("before", Word::Direction(-1)),
    ("beginning", Word::Modifier),
    ("centuries", unit(Unit::Century, true)),
    ("century", unit(Unit::Century, false)),
    ("coming", Word::Deixis(Deixis::Next)),
    ("couple", Word::Vague),
    ("current", Word::Deixis(Deixis::This)),
    ("currently", Word::Reference("PRESENT_REF")),
    ("daily", Word::Recurrence("P1D")),
    ("day", unit(Unit::Day, false)),
    ("days", unit(Unit::Day, true)),
    ("dec", month(12, true)),
    ("decade", unit(Unit::Decade, false)),
    ("decades", unit(Unit::Decade, true)),
    ("december", month(12, false)),
    ("dozen", Word::Number(12)),
    ("each", Word::Every),
    ("earlier", Word::Direction(-1)),
    ("early", Word::Modifier),
    ("eight", Word::Number(8)),
    ("eighteen", Word::Number(18)),
    ("eighty", Word::Number(80)),
    ("eleven", Word::Number(11)),
    ("end", Word::Modifier),
    ("evening", Word::PartOfDay("EV")),
    ("every", Word::Every),
    ("fall", Word::Season("FA")),
    ("feb", month(2, true)),
    ("february", month(2, false)),
    ("few", Word::Vague),
    ("fifteen", Word::Number(15)),
    ("fifty", Word::Number(50)),
    ("first", Word::Ordinal(1)),
    ("fiscal", Word::Fiscal),
    ("five", Word::Number(5)),
    ("following", Word::Deixis(Deixis::Next)),
    ("forty", Word::Number(40)),
    ("four", Word::Number(4)),
    ("fourteen", Word::Number(14)),
    ("fourth", Word::Ordinal(4)),
    ("friday", weekday(5, false)),
    ("fridays", weekday(5, true)),
    ("hence", Word::Direction(1)),
    ("hour", unit(Unit::Hour, false)),
    ("hourly", Word::Recurrence("PT1H")),
    ("hours", unit(Unit::Hour, true)),
    ("jan", month(1, true)),
    ("january", month(1, false)),
    ("jul", month(7, true)),
    ("july", month(7, false)),
    ("jun", month(6, true)),
    ("june", month(6, false)),
    ("last", Word::Deixis(Deixis::Last)),
    ("late", Word::Modifier),
    ("lately", Word::Reference("PAST_REF")),
    ("later", Word::Direction(1)),
    ("latest", Word::Deixis(Deixis::Last)),
    ("many", Word::Vague),
    ("mar", month(3, true)),
    ("march", month(3, false)),
    ("may", month(5, false)),
    ("mid", Word::Modifier),
    ("midday", Word::Clock(12)),
    ("middle", Word::Modifier),
    ("midnight", Word::Clock(0)),
    ("minute", unit(Unit::Minute, false)),
    ("minutes", unit(Unit::Minute, true)),
    ("monday", weekday(1, false)),
    ("mondays", weekday(1, true)),
    ("month", unit(Unit::Month, false)),
    ("monthly", Word::Recurrence("P1M")),
    ("months", unit(Unit::Month, true)),
    ("morning", Word::PartOfDay("MO")),
    ("next", Word::Deixis(Deixis::Next)),
    ("night", Word::PartOfDay("NI")),
    ("nightly", Word::Recurrence("P1D")),
    ("nine", Word::Number(9)),
    ("nineteen", Word::Number(19)),
    ("ninety", Word::Number(90)),
    ("noon", Word::Clock(12)),
    ("nov", month(11, true)),
    ("november", month(11, false)),
    ("now", Word::Reference("PRESENT_REF")),
    ("nowadays", Word::Reference("PRESENT_REF")),
    ("oct", month(10, true)),
    ("october", month(10, false)),
    ("one", Word::Number(1)),
    ("p.m", Word::Meridiem(true)),
    ("past", Word::Deixis(Deixis::Last)),
    ("pm", Word::Meridiem(true)),
    ("preceding", Word::Deixis(Deixis::Last)),
    ("present", Word::Deixis(Deixis::This)),
    ("presently", Word::Reference("PRESENT_REF")),
    ("previous", Word::Deixis(Deixis::Last)),
    ("quarter", unit(Unit::Quarter, false)),
    ("quarters", unit(Unit::Quarter, true)),
    ("recent", Word::Deixis(Deixis::Last)),
    ("recently", Word::Reference("PAST_REF")),
    ("saturday", weekday(6, false)),
    ("saturdays", weekday(6, true)),
    ("second", Word::Ordinal(2)),
    ("seconds", unit(Unit::Second, true)),
    ("sep", month(9, true)),
    ("sept", month(9, true)),
    ("september", month(9, false)),
    ("seven", Word::Number(7)),
    ("seventeen", Word::Number(17)),
    ("seventy", Word::Number(70)),
    ("several", Word::Vague),
    ("six", Word::Number(6)),
    ("sixteen", Word::Number(16)),
    ("sixty", Word::Number(60)),
    ("some", Word::Vague),
    ("spring", Word::Season("SP")),
    ("start", Word::Modifier),
    ("summer", Word::Season("SU")),
    ("sunday", weekday(7, false)),
    ("sundays", weekday(7, true)),
    ("ten", Word::Number(10)),
    ("the", Word::The),
    ("third", Word::Ordinal(3)),
    ("thirteen", Word::Number(13)),
    ("thirty", Word::Number(30)),
    ("this", Word::Deixis(Deixis::This)),
    ("three", Word::Number(3)),
    ("thursday", weekday(4, false)),
    ("thursdays", weekday(4, true)),
    ("today", Word::DayName(0)),
    ("tomorrow", Word::DayName(1)),
    ("tonight", Word::Tonight),
    ("tuesday", weekday(2, false)),
    ("tuesdays", weekday(2, true)),
    ("twelve", Word::Number(12)),
    ("twenty", Word::Number(20)),
    ("two", Word::Number(2)),
    ("upcoming", Word::Deixis(Deixis::Next)),
    ("wednesday", weekday(3, false)),
    ("wednesdays", weekday(3, true)),
    ("week", unit(Unit::Week, false)),
    ("weekend", unit(Unit::Weekend, false)),
    ("weekends", unit(Unit::Weekend, true)),
    ("weekly", Word::Recurrence("P1W")),
    ("weeks", unit(Unit::Week, true)),
    ("winter", Word::Season("WI")),
    ("year", unit(Unit::Year, false)),
    ("yearly", Word::Recurrence("P1Y")),
    ("years", unit(Unit::Year, true)),
    ("yesterday", Word::DayName(-1)),
    ("zero", Word::Number(0)),
];

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

/// [`small_number`] of `s` with its thousands separators dropped (`1,000` → 1000), without
/// building the string without them.
pub fn small_number_without_commas(s: &str) -> Option<u32> {
    let mut value = 0;
    let mut digits = 0;
    for b in s.bytes().filter(|&b| b != b',') {
        if !b.is_ascii_digit() || digits == 4 {
            return None;
        }
        value = value * 10 + u32::from(b - b'0');
        digits += 1;
    }
    (digits > 0).then_some(value)
}

/// `s` split around the first `separator`, an ASCII byte, as [`str::split_once`] does; a
/// plain loop over the bytes, as tokens are short and a general char search costs more.
pub fn split_once_ascii(s: &str, separator: u8) -> Option<(&str, &str)> {
    debug_assert!(separator.is_ascii());
    let at = s.bytes().position(|b| b == separator)?;
    Some((&s[..at], &s[at + 1..]))
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
    fn eight_bytes_are_lowercased_as_one_by_one() {
        for first in (0..=255u8).step_by(8) {
            let bytes: [u8; 8] = std::array::from_fn(|i| first + i as u8);
            let expected = bytes.map(|b| b.to_ascii_lowercase());
            let lowered = ascii_lowercase(u64::from_le_bytes(bytes)).to_le_bytes();
            assert_eq!(lowered, expected);
        }
    }

    #[test]
    fn every_lexicon_word_is_found_in_any_case_with_a_period_or_a_possessive() {
        for (text, meaning) in LEXICON {
            let upper = text.to_ascii_uppercase();
            for form in [
                text.to_string(),
                upper.clone(),
                format!("{upper}."),
                format!("{text}'s"),
            ] {
                assert_eq!(word(&form), Some(*meaning), "`{form}`");
            }
        }
        for unknown in ["", ".", "s", "the.x", "sept.ember", "yearss", "novemberr"] {
            assert_eq!(word(unknown), None, "`{unknown}`");
        }
    }

    #[test]
    fn the_lexicon_is_sorted_and_its_longest_word_is_known() {
        assert!(LEXICON.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(LEXICON.iter().map(|(k, _)| k.len()).max(), Some(LONGEST));
    }

    #[test]
    fn numbers_with_commas_and_splits_match_the_allocating_and_std_forms() {
        for s in [
            "", ",", "1", "1,000", "9,999", "10,000", "1,0,0,0", "12a", "0012", ",,5", "12345",
            "5.93", "13-14", "-", "1-", "-1", "a-b-c", "é-x",
        ] {
            assert_eq!(
                small_number_without_commas(s),
                small_number(&s.replace(',', "")),
                "`{s}`"
            );
            assert_eq!(split_once_ascii(s, b'-'), s.split_once('-'), "`{s}`");
        }
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

//! Places an [`Expr`] on the calendar: its TIMEX3 value and type, resolved against the
//! article's date (the anchor).
//!
//! Without an anchor nothing relative is guessed: the value keeps the expression's
//! granularity with unknown digits (`this year` → `XXXX`, `yesterday` → `XXXX-XX-XX`,
//! `Friday` → `XXXX-WXX-5`, `November 23` → `XXXX-11-23`), which is never a wrong date.
//! With an anchor, a month and day without a year take the anchor's year (TimeBank's
//! convention); weekdays and lone months take the nearest one in the past unless the
//! sentence speaks of the future.

use super::calendar::{
    Day, day_value, is_valid, month_value, nth_weekday, quarter_value, week_value, year_value,
};
use super::expr::{Expr, HolidayDay};
use super::lexicon::{Deixis, Unit};
use crate::corpus::Date;
use crate::extract::DateKind;

/// Which way a sentence looks from the article's date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tense {
    /// Back (`said`, `since`, `began`).
    Past,
    /// No cue.
    #[default]
    Unknown,
    /// Ahead (`will`, `scheduled`, `until`).
    Future,
}

/// What the resolver knows besides the expression.
#[derive(Debug, Clone, Copy, Default)]
pub struct Context {
    /// The anchor's year, when known.
    pub year: Option<i32>,
    /// The anchor's month, when known.
    pub month: Option<u8>,
    /// The anchor's full day, when known.
    pub day: Option<Day>,
    /// Which way the sentence looks (`will`, `scheduled` / `said`, `since`), so that `Friday`
    /// means the coming one.
    pub tense: Tense,
    /// The last quarter named so far (year, quarter), for `a year ago`.
    pub quarter: Option<(i32, u8)>,
}

impl Context {
    /// The context of an article dated `anchor`.
    pub fn new(anchor: Option<Date>) -> Self {
        Self {
            year: anchor.map(|a| i32::from(a.year)),
            month: anchor.and_then(|a| a.month),
            day: anchor.and_then(Day::of),
            tense: Tense::Unknown,
            quarter: None,
        }
    }
}

/// The TIMEX3 value (or `None`) and type of `expr`.
pub fn resolve(expr: &Expr, ctx: &Context) -> (Option<String>, DateKind) {
    match expr {
        Expr::Duration { amount, unit } => (Some(duration(*amount, *unit)), DateKind::Duration),
        Expr::Recurrence(value) => (Some(value.clone()), DateKind::Set),
        Expr::Clock { hour, minute, day } => {
            let day = match day {
                Some(day) => resolve(day, ctx).0.filter(|v| v.len() == 10),
                None => ctx.day.and_then(day_value),
            };
            let day = day.unwrap_or_else(|| "XXXX-XX-XX".to_string());
            (Some(format!("{day}T{hour:02}:{minute:02}")), DateKind::Time)
        }
        Expr::Shift {
            part: Some(_),
            unit: Unit::Day,
            ..
        }
        | Expr::Weekday { part: Some(_), .. } => (date(expr, ctx), DateKind::Time),
        _ => (date(expr, ctx), DateKind::Date),
    }
}

fn duration(amount: Option<u32>, unit: Unit) -> String {
    let (amount, unit) = match (amount, unit) {
        (Some(n), Unit::Decade) => (Some(n.saturating_mul(10)), Unit::Year),
        (Some(n), Unit::Century) => (Some(n.saturating_mul(100)), Unit::Year),
        (Some(n), Unit::Weekend) => (Some(n.saturating_mul(2)), Unit::Day),
        other => other,
    };
    let (time, letter) = unit.timex();
    match amount {
        Some(n) => format!("P{time}{n}{letter}"),
        None => format!("P{time}X{letter}"),
    }
}

fn date(expr: &Expr, ctx: &Context) -> Option<String> {
    match *expr {
        Expr::Calendar { year, month, day } => calendar(
            year.or_else(|| month.and_then(|m| nearest_year(m, ctx))),
            month,
            day,
        ),
        Expr::DayRange {
            year,
            month,
            first,
            last,
        } => {
            let year = year.or_else(|| nearest_year(month, ctx));
            let from = calendar(year, Some(month), Some(first))?;
            let to = calendar(year, Some(month), Some(last))?;
            Some(format!("{from}/{to}"))
        }
        Expr::YearRange { first, last } => {
            Some(format!("{}/{}", year_value(first)?, year_value(last)?))
        }
        Expr::Month { month, deixis } => {
            let Some((year, now)) = ctx.year.zip(ctx.month) else {
                return calendar(nearest_year(month, ctx), Some(month), None)
                    .or_else(|| Some(format!("XXXX-{month:02}")));
            };
            let year = match deixis {
                Some(Deixis::This) => year,
                Some(Deixis::Last) => year - i32::from(month >= now),
                Some(Deixis::Next) => year + i32::from(month <= now),
                None => nearest_year(month, ctx).unwrap_or(year),
            };
            month_value(year, month, 0)
        }
        Expr::Decade(digits) => (0..=999).contains(&digits).then(|| format!("{digits:03}")),
        Expr::Century(digits) => (0..=99).contains(&digits).then(|| format!("{digits:02}")),
        Expr::Season {
            season,
            year,
            deixis,
        } => Some(season_value(season, year, deixis, ctx)),
        Expr::Quarter {
            quarter,
            year,
            deixis,
        } => Some(quarter_of(quarter, year, deixis, ctx)),
        Expr::Half { half, year } => {
            let year = year
                .or(ctx.year)
                .map_or("XXXX".into(), |y| format!("{y:04}"));
            Some(format!("{year}-H{half}"))
        }
        Expr::Weekday {
            weekday,
            deixis,
            part,
        } => {
            let part = part.map_or(String::new(), |p| format!("T{p}"));
            let Some(anchor) = ctx.day else {
                return Some(format!("XXXX-WXX-{weekday}{part}"));
            };
            Some(
                day_value(weekday_near(
                    anchor,
                    weekday,
                    deixis,
                    ctx.tense == Tense::Future,
                ))? + &part,
            )
        }
        Expr::Weekend(deixis) => {
            let Some(anchor) = ctx.day else {
                return Some("XXXX-WXX-WE".into());
            };
            let saturday = weekday_near(anchor, 6, deixis, ctx.tense == Tense::Future);
            Some(week_value(saturday)? + "-WE")
        }
        Expr::Shift { unit, offset, part } => shift(unit, offset, part, ctx),
        Expr::YearAgo => match ctx.quarter {
            Some((year, quarter)) => quarter_value(year, quarter, -4),
            None => shift(Unit::Year, -1, None, ctx),
        },
        Expr::YearEnd => Some(match ctx.year {
            // `since year-end`: the last one before the article, unless it is the article's
            // own day.
            Some(year) if ctx.tense == Tense::Past && ctx.month != Some(12) => {
                format!("{:04}-12-31", year - 1)
            }
            Some(year) => format!("{year:04}-12-31"),
            None => "XXXX-12-31".into(),
        }),
        Expr::Reference(value) => Some(value.to_string()),
        Expr::Holiday { month, day } => {
            let Some(year) = nearest_year(month, ctx) else {
                return Some(match day {
                    HolidayDay::Fixed(d) => format!("XXXX-{month:02}-{d:02}"),
                    HolidayDay::Nth { .. } => format!("XXXX-{month:02}-XX"),
                });
            };
            match day {
                HolidayDay::Fixed(d) => calendar(Some(year), Some(month), Some(d)),
                HolidayDay::Nth { weekday, nth } => {
                    day_value(nth_weekday(year, month, weekday, nth)?)
                }
            }
        }
        Expr::Duration { .. } | Expr::Recurrence(_) | Expr::Clock { .. } => None,
    }
}

/// The year of the `month` nearest the anchor: from seven months back to four ahead (news
/// looks back more than forward), or the next twelve months when the sentence looks ahead.
/// Only the anchor's year when its month is unknown.
fn nearest_year(month: u8, ctx: &Context) -> Option<i32> {
    let year = ctx.year?;
    let Some(now) = ctx.month else {
        return Some(year);
    };
    let diff = i32::from(month) - i32::from(now);
    let (low, high) = match ctx.tense {
        Tense::Future => (0, 11),
        Tense::Past => (-11, 0),
        Tense::Unknown => (-7, 4),
    };
    [year - 1, year, year + 1]
        .into_iter()
        .find(|y| (low..=high).contains(&((y - year) * 12 + diff)))
}

fn calendar(year: Option<i32>, month: Option<u8>, day: Option<u8>) -> Option<String> {
    match (year, month, day) {
        (Some(year), Some(month), Some(day)) if is_valid(year, month, day) => {
            day_value(Day { year, month, day })
        }
        (None, Some(m), Some(d)) => is_valid(2000, m, d).then(|| format!("XXXX-{m:02}-{d:02}")),
        (Some(y), Some(m), None) => month_value(y, m, 0),
        (Some(y), None, _) => year_value(y),
        _ => None,
    }
}

fn season_value(season: &str, year: Option<i32>, deixis: Option<Deixis>, ctx: &Context) -> String {
    let order = |s: &str| match s {
        "SP" => 1,
        "SU" => 2,
        "FA" => 3,
        _ => 4,
    };
    let year = year.or_else(|| {
        let year = ctx.year?;
        let month = ctx.month?;
        // January and February are in the winter named by the year it began in (TimeML's
        // `1997-WI` runs into 1998): from there, last fall is that year's too.
        let (y, now) = match month {
            1 | 2 => (year - 1, 4),
            3..=5 => (year, 1),
            6..=8 => (year, 2),
            9..=11 => (year, 3),
            _ => (year, 4),
        };
        Some(match deixis {
            Some(Deixis::Last) => y - i32::from(order(season) >= now),
            Some(Deixis::Next) => y + i32::from(order(season) <= now),
            _ if season == "WI" => y,
            _ => year,
        })
    });
    match year {
        Some(y) => format!("{y:04}-{season}"),
        None => format!("XXXX-{season}"),
    }
}

fn quarter_of(
    quarter: Option<u8>,
    year: Option<i32>,
    deixis: Option<Deixis>,
    ctx: &Context,
) -> String {
    let unknown = || format!("XXXX-Q{}", quarter.map_or("X".into(), |q| q.to_string()));
    if let (Some(y), Some(q)) = (year, quarter) {
        return format!("{y:04}-Q{q}");
    }
    let Some((anchor_year, month)) = ctx.year.zip(ctx.month) else {
        return match (year, quarter) {
            (Some(y), None) => format!("{y:04}-QX"),
            _ => unknown(),
        };
    };
    let now = (month - 1) / 3 + 1;
    if let (Some(y), None, None) = (year, quarter, deixis) {
        // "The 1988 quarter": the quarter being reported, in that year.
        let reported = if now == 1 { 4 } else { now - 1 };
        return format!("{y:04}-Q{reported}");
    }
    let resolved = match (quarter, deixis) {
        // "The third quarter": the latest one so numbered, this year's unless still ahead.
        (Some(q), _) => quarter_value(anchor_year - i32::from(q > now), q, 0),
        (None, Some(Deixis::This)) => quarter_value(anchor_year, now, 0),
        (None, Some(Deixis::Next)) => quarter_value(anchor_year, now, 1),
        // "The quarter", "the latest quarter": the one just ended and being reported.
        (None, _) => quarter_value(anchor_year, now, -1),
    };
    resolved.unwrap_or_else(unknown)
}

/// The day with ISO weekday `weekday` nearest `anchor`: the past one unless `future`;
/// `last`/`next` exclude the anchor's own day; `this` stays in the anchor's week.
fn weekday_near(anchor: Day, weekday: u8, deixis: Option<Deixis>, future: bool) -> Day {
    let today = i64::from(anchor.weekday());
    let target = i64::from(weekday);
    let back = (today - target).rem_euclid(7);
    let ahead = (target - today).rem_euclid(7);
    let offset = match deixis {
        Some(Deixis::This) => target - today,
        Some(Deixis::Last) => -(if back == 0 { 7 } else { back }),
        Some(Deixis::Next) => {
            if ahead == 0 {
                7
            } else {
                ahead
            }
        }
        None if future => ahead,
        None => -back,
    };
    anchor.plus_days(offset)
}

fn shift(unit: Unit, offset: i32, part: Option<&str>, ctx: &Context) -> Option<String> {
    let part = part.map_or(String::new(), |p| format!("T{p}"));
    let off = i64::from(offset);
    let value = match unit {
        Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => match ctx.day {
            Some(day) => day_value(day.plus_days(if unit == Unit::Day { off } else { 0 }))?,
            None => "XXXX-XX-XX".into(),
        },
        Unit::Week | Unit::Weekend => match ctx.day {
            Some(day) => week_value(day.plus_days(7 * off))?,
            None => "XXXX-WXX".into(),
        },
        Unit::Month => match ctx.year.zip(ctx.month) {
            Some((y, m)) => month_value(y, m, offset)?,
            None => "XXXX-XX".into(),
        },
        Unit::Quarter => match ctx.year.zip(ctx.month) {
            Some((y, m)) => quarter_value(y, (m - 1) / 3 + 1, offset)?,
            None => "XXXX-QX".into(),
        },
        Unit::Year => match ctx.year {
            Some(y) => year_value(y.checked_add(offset)?)?,
            None => "XXXX".into(),
        },
        Unit::Decade => match ctx.year {
            Some(y) => format!("{:03}", (y / 10).checked_add(offset)?.clamp(0, 999)),
            None => "XXX".into(),
        },
        Unit::Century => match ctx.year {
            Some(y) => format!("{:02}", (y / 100).checked_add(offset)?.clamp(0, 99)),
            None => "XX".into(),
        },
    };
    Some(value + &part)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(anchor: &str) -> Context {
        Context::new(crate::corpus::parse_date(anchor).ok())
    }

    fn value(expr: Expr, ctx: &Context) -> String {
        resolve(&expr, ctx).0.unwrap_or_default()
    }

    #[test]
    fn shifts_follow_the_anchor_and_keep_granularity_without_one() {
        let ctx = at("1998-01-08");
        let none = Context::default();
        let year = |offset| Expr::Shift {
            unit: Unit::Year,
            offset,
            part: None,
        };
        assert_eq!(value(year(0), &ctx), "1998");
        assert_eq!(value(year(-1), &none), "XXXX");
        let week = Expr::Shift {
            unit: Unit::Week,
            offset: 0,
            part: None,
        };
        assert_eq!(value(week, &ctx), "1998-W02");
        let tonight = Expr::Shift {
            unit: Unit::Day,
            offset: 0,
            part: Some("NI"),
        };
        assert_eq!(
            resolve(&tonight, &ctx),
            (Some("1998-01-08TNI".into()), DateKind::Time)
        );
        assert_eq!(value(tonight, &none), "XXXX-XX-XXTNI");
    }

    #[test]
    fn weekdays_are_the_past_ones_unless_the_sentence_looks_ahead() {
        let mut ctx = at("1989-10-27");
        let friday = Expr::Weekday {
            weekday: 5,
            deixis: None,
            part: None,
        };
        let monday = Expr::Weekday {
            weekday: 1,
            deixis: None,
            part: None,
        };
        assert_eq!(value(friday.clone(), &ctx), "1989-10-27");
        assert_eq!(value(monday.clone(), &ctx), "1989-10-23");
        ctx.tense = Tense::Future;
        assert_eq!(value(monday, &ctx), "1989-10-30");
        assert_eq!(value(friday, &Context::default()), "XXXX-WXX-5");
    }

    #[test]
    fn quarters_are_the_latest_so_numbered_and_the_quarter_is_the_last_one() {
        let ctx = at("1989-10-27");
        let q = |quarter, deixis| Expr::Quarter {
            quarter,
            year: None,
            deixis,
        };
        assert_eq!(value(q(Some(3), None), &ctx), "1989-Q3");
        assert_eq!(value(q(Some(4), None), &ctx), "1989-Q4");
        assert_eq!(value(q(None, None), &ctx), "1989-Q3");
        assert_eq!(value(q(None, Some(Deixis::This)), &ctx), "1989-Q4");
        let with_quarter = Context {
            quarter: Some((1989, 3)),
            ..ctx
        };
        assert_eq!(value(Expr::YearAgo, &with_quarter), "1988-Q3");
        assert_eq!(value(Expr::YearAgo, &ctx), "1988");
    }

    #[test]
    fn year_end_is_the_last_day_of_the_year_the_sentence_means() {
        let mut ctx = at("1989-10-27");
        assert_eq!(value(Expr::YearEnd, &ctx), "1989-12-31");
        // `since year-end`: the one before the article.
        ctx.tense = Tense::Past;
        assert_eq!(value(Expr::YearEnd, &ctx), "1988-12-31");
        // On the last day of a year, the past year-end may be that very day.
        assert_eq!(value(Expr::YearEnd, &at("1989-12-31")), "1989-12-31");
        assert_eq!(value(Expr::YearEnd, &Context::default()), "XXXX-12-31");
    }

    #[test]
    fn durations_spell_their_units() {
        let d = |amount, unit| duration(amount, unit);
        assert_eq!(d(Some(2), Unit::Month), "P2M");
        assert_eq!(d(Some(24), Unit::Hour), "PT24H");
        assert_eq!(d(Some(1), Unit::Decade), "P10Y");
        assert_eq!(d(None, Unit::Year), "PXY");
    }

    #[test]
    fn impossible_dates_have_no_value() {
        let ctx = at("2022-11-24");
        let feb30 = Expr::Calendar {
            year: None,
            month: Some(2),
            day: Some(30),
        };
        assert_eq!(resolve(&feb30, &ctx).0, None);
        let range = Expr::DayRange {
            year: None,
            month: 9,
            first: 13,
            last: 14,
        };
        assert_eq!(value(range.clone(), &ctx), "2022-09-13/2022-09-14");
        assert_eq!(value(range, &Context::default()), "XXXX-09-13/XXXX-09-14");
    }
}

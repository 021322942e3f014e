//! Calendar dates and times as written in front matter and data files, without a clock.
//!
//! Accepted forms: `2024-03-05`, `2024-03-05 08:30`, `2024-03-05T08:30:00`, each optionally
//! followed by `Z` or an offset such as `+07:00`. A time without an offset is in the site's
//! time zone (Vietnam, +07:00, unless `site.yaml` says otherwise). Nothing here reads the clock:
//! the build is deterministic.

use std::cmp::Ordering;
use std::fmt;

/// A calendar day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year, e.g. 2025.
    pub year: i32,
    /// Month, 1–12.
    pub month: u32,
    /// Day of month, 1–31.
    pub day: u32,
}

/// A date with an optional time and UTC offset, as written by the editor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DateTime {
    /// The calendar day.
    pub date: Date,
    /// Hour, minute and second; `None` when only a date was written.
    pub time: Option<(u32, u32, u32)>,
    /// Offset from UTC in minutes; `None` means the site's time zone.
    pub offset: Option<i32>,
}

/// Why a date could not be read; the caller adds location and help.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError {
    /// What is wrong with the text.
    pub message: String,
}

impl Date {
    /// Parse `YYYY-MM-DD`.
    pub fn parse(text: &str) -> Result<Date, DateError> {
        let t = text.trim();
        let bad = || DateError { message: format!("`{t}` is not a date") };
        let parts: Vec<&str> = t.split('-').collect();
        if parts.len() != 3 || parts[0].len() != 4 || parts[1].len() != 2 || parts[2].len() != 2 {
            return Err(bad());
        }
        let num = |s: &str| s.parse::<u32>().ok().filter(|_| s.bytes().all(|b| b.is_ascii_digit()));
        let (Some(year), Some(month), Some(day)) = (num(parts[0]), num(parts[1]), num(parts[2])) else {
            return Err(bad());
        };
        let year = year as i32;
        if !(1..=12).contains(&month) {
            return Err(DateError { message: format!("`{t}` is not a date: there is no month {month}") });
        }
        if day == 0 || day > days_in_month(year, month) {
            return Err(DateError {
                message: format!(
                    "`{t}` is not a date: month {month} of {year} has {} days",
                    days_in_month(year, month)
                ),
            });
        }
        Ok(Date { year, month, day })
    }

    /// Days since 1970-01-01 (negative before).
    pub fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's days_from_civil
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// Day of week, 0 = Monday … 6 = Sunday.
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday (3)
        (self.days_since_epoch() + 3).rem_euclid(7) as u32
    }

    /// The day that is `days` days after 1970-01-01 (Howard Hinnant's `civil_from_days`).
    pub fn from_days_since_epoch(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// `dd/mm/yyyy`, the Vietnamese way.
    pub fn dmy(self) -> String {
        format!("{:02}/{:02}/{:04}", self.day, self.month, self.year)
    }

    /// `yyyy-mm-dd`.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.iso())
    }
}

/// Days in a month of the proleptic Gregorian calendar.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl DateTime {
    /// Parse a date with optional time and offset (see the module docs for the forms).
    pub fn parse(text: &str) -> Result<DateTime, DateError> {
        let t = text.trim();
        let (date_part, rest) = if t.len() > 10 && t.is_char_boundary(10) { t.split_at(10) } else { (t, "") };
        let date = Date::parse(date_part)?;
        if rest.is_empty() {
            return Ok(DateTime { date, time: None, offset: None });
        }
        let bad = || DateError { message: format!("`{t}` is not a date and time") };
        let rest = rest.strip_prefix(['T', ' ']).ok_or_else(bad)?;
        let (clock, offset) = split_offset(rest).ok_or_else(bad)?;
        let fields: Vec<&str> = clock.split(':').collect();
        if !(2..=3).contains(&fields.len()) || fields.iter().any(|f| f.len() != 2 && !f.contains('.')) {
            return Err(bad());
        }
        let num = |s: &str| s.split('.').next().and_then(|s| s.parse::<u32>().ok());
        let hour = num(fields[0]).filter(|h| *h < 24).ok_or_else(bad)?;
        let minute = num(fields[1]).filter(|m| *m < 60).ok_or_else(bad)?;
        let second = match fields.get(2) {
            Some(s) => num(s).filter(|s| *s < 61).ok_or_else(bad)?,
            None => 0,
        };
        Ok(DateTime { date, time: Some((hour, minute, second)), offset })
    }

    /// Seconds since the epoch, reading a missing offset as `default_offset` minutes.
    pub fn timestamp(&self, default_offset: i32) -> i64 {
        let (h, m, s) = self.time.unwrap_or((0, 0, 0));
        let offset = self.offset.unwrap_or(default_offset);
        self.date.days_since_epoch() * 86_400 + i64::from(h * 3600 + m * 60 + s) - i64::from(offset) * 60
    }

    /// RFC 3339, e.g. `2024-03-05T08:30:00+07:00` (the site offset when none was written).
    pub fn rfc3339(&self, default_offset: i32) -> String {
        let (h, m, s) = self.time.unwrap_or((0, 0, 0));
        format!(
            "{}T{h:02}:{m:02}:{s:02}{}",
            self.date.iso(),
            offset_text(self.offset.unwrap_or(default_offset), true)
        )
    }

    /// RFC 822 as RSS wants it, e.g. `Tue, 05 Mar 2024 08:30:00 +0700`.
    pub fn rfc822(&self, default_offset: i32) -> String {
        const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
        const MONTHS: [&str; 12] =
            ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
        let (h, m, s) = self.time.unwrap_or((0, 0, 0));
        let d = self.date;
        format!(
            "{}, {:02} {} {:04} {h:02}:{m:02}:{s:02} {}",
            DAYS[d.weekday() as usize],
            d.day,
            MONTHS[(d.month - 1) as usize],
            d.year,
            offset_text(self.offset.unwrap_or(default_offset), false)
        )
    }

    /// Compare two moments, reading missing offsets as `default_offset`.
    pub fn cmp_at(&self, other: &DateTime, default_offset: i32) -> Ordering {
        self.timestamp(default_offset).cmp(&other.timestamp(default_offset))
    }
}

fn split_offset(rest: &str) -> Option<(&str, Option<i32>)> {
    if let Some(clock) = rest.strip_suffix('Z') {
        return Some((clock, Some(0)));
    }
    if let Some(i) = rest.rfind(['+', '-']) {
        let (clock, off) = rest.split_at(i);
        let sign = if off.starts_with('-') { -1 } else { 1 };
        let digits: String = off[1..].chars().filter(|c| *c != ':').collect();
        if digits.len() != 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let hours: i32 = digits[..2].parse().ok()?;
        let minutes: i32 = digits[2..].parse().ok()?;
        if hours > 14 || minutes > 59 {
            return None;
        }
        return Some((clock, Some(sign * (hours * 60 + minutes))));
    }
    Some((rest, None))
}

/// `+07:00` (with colon) or `+0700`.
pub fn offset_text(minutes: i32, colon: bool) -> String {
    let sign = if minutes < 0 { '-' } else { '+' };
    let m = minutes.abs();
    if colon {
        format!("{sign}{:02}:{:02}", m / 60, m % 60)
    } else {
        format!("{sign}{:02}{:02}", m / 60, m % 60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_plain_dates_and_rejects_impossible_ones() {
        assert_eq!(Date::parse("2024-02-29").unwrap(), Date { year: 2024, month: 2, day: 29 });
        assert!(Date::parse("2023-02-29").unwrap_err().message.contains("has 28 days"));
        assert!(Date::parse("31/02/2024").is_err());
        assert!(Date::parse("2024-13-01").unwrap_err().message.contains("no month 13"));
        assert!(Date::parse("2024-1-01").is_err());
    }

    #[test]
    fn parses_times_and_offsets() {
        let d = DateTime::parse("2024-01-01T08:16:00+07:00").unwrap();
        assert_eq!(d.time, Some((8, 16, 0)));
        assert_eq!(d.offset, Some(420));
        assert_eq!(d.rfc3339(0), "2024-01-01T08:16:00+07:00");
        let d = DateTime::parse("2024-03-05 08:30").unwrap();
        assert_eq!(d.offset, None);
        assert_eq!(d.rfc822(420), "Tue, 05 Mar 2024 08:30:00 +0700");
        assert!(DateTime::parse("2024-03-05 25:00").is_err());
        assert!(DateTime::parse("2024-03-05T08:30+7").is_err());
        assert_eq!(DateTime::parse("2024-03-05T01:00:00Z").unwrap().offset, Some(0));
    }

    #[test]
    fn epoch_days_and_weekdays_are_right() {
        assert_eq!(Date { year: 1970, month: 1, day: 1 }.days_since_epoch(), 0);
        assert_eq!(Date { year: 2000, month: 3, day: 1 }.days_since_epoch(), 11_017);
        // 2 September 1945 was a Sunday
        assert_eq!(Date { year: 1945, month: 9, day: 2 }.weekday(), 6);
    }

    #[test]
    fn timestamps_honour_offsets() {
        let a = DateTime::parse("2024-01-01T07:00:00+07:00").unwrap();
        let b = DateTime::parse("2024-01-01T00:00:00Z").unwrap();
        assert_eq!(a.timestamp(0), b.timestamp(0));
        let naive = DateTime::parse("2024-01-01 07:00").unwrap();
        assert_eq!(naive.timestamp(420), b.timestamp(0));
    }
}

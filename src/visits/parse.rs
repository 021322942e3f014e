//! One line of an nginx access log in nginx's built-in `combined` format, read without copying:
//!
//! ```text
//! 203.0.113.7 - - [30/Nov/2026:15:30:00 +0700] "GET /news/ HTTP/1.1" 200 5120 "-" "Mozilla/5.0 …"
//! ```
//!
//! nginx escapes `"` inside a field as `\x22`, so a quoted field ends at the next `"`. A line
//! that does not have this shape is `None`: the caller counts it and goes on.

use crate::date::Date;

/// The fields of one request that visit statistics use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit<'a> {
    /// The client address, as logged (used only in memory, never written).
    pub ip: &'a str,
    /// Seconds since 1970-01-01 UTC.
    pub time: i64,
    /// `GET`, `HEAD`, `POST`, …
    pub method: &'a str,
    /// The request target as logged (percent-encoded, query string included).
    pub target: &'a str,
    /// The HTTP status code.
    pub status: u16,
    /// The `User-Agent` header as logged (used only in memory, never written).
    pub user_agent: &'a str,
}

/// Reads one `combined` line; `None` when it has another shape.
pub fn parse_line(line: &str) -> Option<Hit<'_>> {
    let (ip, rest) = line.split_once(' ')?;
    let open = rest.find('[')?;
    let close = open + rest[open..].find(']')?;
    let time = parse_time(&rest[open + 1..close])?;
    let (request, rest) = quoted(rest[close + 1..].trim_start())?;
    let mut parts = request.split(' ');
    let (method, target) = (parts.next()?, parts.next()?);
    let mut numbers = rest.trim_start().splitn(3, ' ');
    let status = numbers.next()?.parse().ok()?;
    let _bytes = numbers.next()?;
    let (_referer, rest) = quoted(numbers.next()?.trim_start())?;
    let (user_agent, _) = quoted(rest.trim_start())?;
    if ip.is_empty() || method.is_empty() || !target.starts_with('/') {
        return None;
    }
    Some(Hit { ip, time, method, target, status, user_agent })
}

/// `"text" rest` → (`text`, `rest`).
fn quoted(text: &str) -> Option<(&str, &str)> {
    let body = text.strip_prefix('"')?;
    let end = body.find('"')?;
    Some((&body[..end], &body[end + 1..]))
}

const MONTHS: [&str; 12] =
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// `30/Nov/2026:15:30:00 +0700` → seconds since 1970-01-01 UTC.
pub fn parse_time(text: &str) -> Option<i64> {
    let b = text.as_bytes();
    if b.len() != 26 || b[2] != b'/' || b[6] != b'/' || b[11] != b':' || b[20] != b' ' {
        return None;
    }
    let num = |from: usize, to: usize| -> Option<i64> {
        let s = text.get(from..to)?;
        s.bytes().all(|c| c.is_ascii_digit()).then(|| s.parse().ok())?
    };
    let day = num(0, 2)?;
    let month = MONTHS.iter().position(|m| text.get(3..6) == Some(*m))? as u32 + 1;
    let year = num(7, 11)?;
    let (h, m, s) = (num(12, 14)?, num(15, 17)?, num(18, 20)?);
    let sign = match b[21] {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let offset = sign * (num(22, 24)? * 60 + num(24, 26)?);
    let max_day = i64::from(crate::date::days_in_month(year as i32, month));
    if !(1..=max_day).contains(&day) || h > 23 || m > 59 || s > 60 || offset.abs() > 18 * 60 {
        return None;
    }
    let date = Date { year: year as i32, month, day: day as u32 };
    Some(date.days_since_epoch() * 86_400 + h * 3600 + m * 60 + s - offset * 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    const LINE: &str = r#"203.0.113.7 - - [30/Nov/2026:15:30:00 +0700] "GET /news/a/?x=1 HTTP/1.1" 200 5120 "https://example.org/" "Mozilla/5.0 (X11; Linux) \x22quoted\x22""#;

    #[test]
    fn reads_every_field_of_a_combined_line() {
        let hit = parse_line(LINE).unwrap();
        assert_eq!(hit.ip, "203.0.113.7");
        assert_eq!(hit.method, "GET");
        assert_eq!(hit.target, "/news/a/?x=1");
        assert_eq!(hit.status, 200);
        assert_eq!(hit.user_agent, r"Mozilla/5.0 (X11; Linux) \x22quoted\x22");
        // 2026-11-30 08:30:00 UTC
        assert_eq!(hit.time, 1_796_027_400);
    }

    #[test]
    fn refuses_lines_of_another_shape_without_panicking() {
        for bad in [
            "",
            "garbage",
            "1.2.3.4 - - [30/Nov/2026:15:30:00 +0700]",
            r#"1.2.3.4 - - [31/Feb/2026:15:30:00 +0700] "GET / HTTP/1.1" 200 1 "-" "ua""#,
            r#"1.2.3.4 - - [30/Nov/2026:15:30:00 +0700] "\x16\x03\x01" 400 1 "-" "-""#,
            r#"1.2.3.4 - - [30/Nov/2026:15:30:00 +0700] "GET / HTTP/1.1" 2x0 1 "-" "ua""#,
            "1.2.3.4 - - [30/Nov/2026:15:30:00 +0700] \"GET /\u{e9} HTTP/1.1\" 200 1 \"-",
        ] {
            assert_eq!(parse_line(bad), None, "{bad}");
        }
    }

    #[test]
    fn reads_times_in_any_offset() {
        assert_eq!(parse_time("01/Jan/1970:07:00:00 +0700"), Some(0));
        assert_eq!(parse_time("31/Dec/1969:19:00:00 -0500"), Some(0));
        assert_eq!(parse_time("01/Foo/1970:07:00:00 +0700"), None);
        assert_eq!(parse_time("01/Jan/1970:07:00:00 +07000"), None);
    }

    proptest::proptest! {
        #[test]
        fn never_panics_on_any_text(line in "\\PC{0,120}") {
            let _ = parse_line(&line);
        }
    }
}

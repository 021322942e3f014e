//! One pass over access logs: page views and distinct visitors per local day, and who viewed
//! a page in the last five minutes.
//!
//! A visitor is a distinct (address, user agent) pair within one day, as GoAccess counts
//! them. The pair is reduced to a 64-bit value with a key drawn at random for this run
//! (`RandomState`), kept in memory only, and dropped when the run ends: no address, user agent
//! or hash of them is ever written. Memory grows with the distinct visitors and pages of the
//! days in the logs, never with anything else; time is linear in the logs.

use std::collections::hash_map::RandomState;
use std::collections::{BTreeMap, HashSet};
use std::hash::BuildHasher;
use std::io::BufRead;

use super::filter::{is_page_view, page_path};
use super::parse::parse_line;

/// "Online" means a page view within this many seconds before now.
pub const ONLINE_SECONDS: i64 = 5 * 60;

/// Lines longer than this are counted as malformed (nginx's own limit is far below).
const MAX_LINE: usize = 64 * 1024;

/// Views and visitors of one local day, as seen in this run's logs.
#[derive(Debug, Default)]
pub struct DayTally {
    /// Keys of the distinct visitors (random per run; never written).
    visitors: HashSet<u64>,
    /// Views per page path.
    pub views: BTreeMap<String, u64>,
}

impl DayTally {
    /// How many distinct visitors the day had.
    pub fn visitor_count(&self) -> u64 {
        self.visitors.len() as u64
    }
}

/// What one run read.
#[derive(Debug)]
pub struct Tally {
    /// Per local day (days since 1970-01-01 in the site's time zone).
    pub days: BTreeMap<i64, DayTally>,
    /// Keys of the visitors with a view in the last [`ONLINE_SECONDS`].
    online: HashSet<u64>,
    /// Lines read.
    pub lines: u64,
    /// Lines that are not `combined` log lines (skipped).
    pub malformed: u64,
    /// Page views counted.
    pub views: u64,
    hasher: RandomState,
    now: i64,
    tz_offset_minutes: i32,
}

impl Tally {
    /// An empty tally for a run at `now` (seconds since 1970 UTC) in a time zone `tz_offset_minutes`
    /// east of UTC.
    pub fn new(now: i64, tz_offset_minutes: i32) -> Self {
        Tally {
            days: BTreeMap::new(),
            online: HashSet::new(),
            lines: 0,
            malformed: 0,
            views: 0,
            hasher: RandomState::new(),
            now,
            tz_offset_minutes,
        }
    }

    /// How many distinct visitors viewed a page in the last five minutes.
    pub fn online_count(&self) -> u64 {
        self.online.len() as u64
    }

    /// The local day (days since 1970-01-01) of a time.
    pub fn local_day(&self, time: i64) -> i64 {
        (time + i64::from(self.tz_offset_minutes) * 60).div_euclid(86_400)
    }

    /// Reads every line of `reader`; fails only when reading fails.
    pub fn read(&mut self, mut reader: impl BufRead) -> std::io::Result<()> {
        let mut buf = Vec::with_capacity(512);
        loop {
            buf.clear();
            if reader.read_until(b'\n', &mut buf)? == 0 {
                return Ok(());
            }
            self.lines += 1;
            let text = std::str::from_utf8(&buf).ok().filter(|_| buf.len() <= MAX_LINE);
            match text.map(|t| t.trim_end_matches(['\n', '\r'])) {
                Some(line) => self.add_line(line),
                None => self.malformed += 1,
            }
        }
    }

    /// Counts one line.
    pub fn add_line(&mut self, line: &str) {
        if line.trim().is_empty() {
            return;
        }
        let Some(hit) = parse_line(line) else {
            self.malformed += 1;
            return;
        };
        if !is_page_view(&hit) || hit.time > self.now {
            return;
        }
        let key = self.hasher.hash_one((hit.ip, hit.user_agent));
        let day = self.days.entry(self.local_day(hit.time)).or_default();
        day.visitors.insert(key);
        *day.views.entry(page_path(hit.target).to_string()).or_insert(0) += 1;
        self.views += 1;
        if hit.time > self.now - ONLINE_SECONDS {
            self.online.insert(key);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(ip: &str, clock: &str, path: &str, ua: &str) -> String {
        format!(r#"{ip} - - [30/Nov/2026:{clock} +0700] "GET {path} HTTP/1.1" 200 10 "-" "{ua}""#)
    }

    #[test]
    fn counts_distinct_visitors_per_day_and_views_per_page() {
        // issue 15: a visitor is a distinct (address, user agent) pair of one day
        let now = crate::visits::parse::parse_time("30/Nov/2026:12:00:00 +0700").unwrap();
        let mut t = Tally::new(now, 7 * 60);
        let log = [
            line("192.0.2.1", "10:00:00", "/", "Firefox"),
            line("192.0.2.1", "10:01:00", "/news/a/", "Firefox"),
            line("192.0.2.1", "11:58:00", "/news/a/", "Chrome"),
            line("192.0.2.2", "11:59:00", "/news/a/index.html", "Firefox"),
            line("192.0.2.3", "11:59:00", "/", "Googlebot/2.1"),
            "not a log line".to_string(),
        ]
        .join("\n");
        t.read(log.as_bytes()).unwrap();
        assert_eq!((t.lines, t.malformed, t.views), (6, 1, 4));
        let day = &t.days[&t.local_day(now)];
        assert_eq!(day.visitor_count(), 3);
        assert_eq!(day.views["/news/a/"], 3);
        assert_eq!(t.online_count(), 2);
    }

    #[test]
    fn days_change_at_local_midnight() {
        let t = Tally::new(0, 7 * 60);
        let before = crate::visits::parse::parse_time("30/Nov/2026:23:59:59 +0700").unwrap();
        assert_eq!(t.local_day(before) + 1, t.local_day(before + 1));
    }

    #[test]
    fn skips_lines_that_are_not_text() {
        let mut t = Tally::new(0, 0);
        t.read(&b"\xff\xfe\n\n"[..]).unwrap();
        assert_eq!((t.lines, t.malformed), (2, 1));
    }
}

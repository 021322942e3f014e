//! Visit statistics from the site's own web server (issue 15): `gazette visits` reads nginx
//! access logs and writes the small public file the theme's "Thống kê truy cập" box and
//! "Lượt xem" lines read (`stats/visits.json`).
//!
//! Steps: [`tally::Tally`] reads the logs once (page views, distinct visitors per day, who is
//! online), [`state`] merges that into the counts kept between runs, and the figures are
//! written, each file atomically (a temporary file in the same folder, then a rename), so the
//! web server never serves half a file. Nothing that identifies a person is written: no
//! address, no user agent, no hash of them. This room reads the clock only through the `now`
//! its caller passes; it is not part of a build.

pub mod filter;
pub mod parse;
pub mod state;
pub mod tally;

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufReader, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::date::{Date, DateTime};
use crate::error::{Error, ErrorKind};
use state::{State, Totals};
use tally::Tally;

/// What `gazette visits` is asked to do.
#[derive(Debug, Clone)]
pub struct VisitsOptions {
    /// Access logs in nginx's `combined` format, oldest first (e.g. `access.log.1 access.log`).
    pub logs: Vec<PathBuf>,
    /// The public file to write (e.g. `public/stats/visits.json`).
    pub output: PathBuf,
    /// The private state file (outside the published folder).
    pub state: PathBuf,
    /// The time of the run, in seconds since 1970-01-01 UTC.
    pub now: i64,
    /// The site's time zone, in minutes east of UTC.
    pub tz_offset: i32,
}

/// What a run read and wrote.
#[derive(Debug, Clone)]
pub struct VisitsReport {
    /// Log lines read.
    pub lines: u64,
    /// Lines skipped because they are not `combined` log lines.
    pub malformed: u64,
    /// Page views counted in the logs read.
    pub views: u64,
    /// Logs that do not exist (skipped: `access.log.1` before the first rotation).
    pub missing: Vec<PathBuf>,
    /// The published figures.
    pub totals: Totals,
    /// Distinct visitors in the last five minutes.
    pub online: u64,
}

/// The public file, `stats/visits.json`.
#[derive(Debug, Serialize)]
struct PublicFile<'a> {
    generated: String,
    online: u64,
    today: u64,
    week: u64,
    total: u64,
    views: &'a BTreeMap<String, u64>,
}

/// Reads the logs, updates the state file and writes the public file.
pub fn update_visits(options: &VisitsOptions) -> Result<VisitsReport, Error> {
    let mut tally = Tally::new(options.now, options.tz_offset);
    let mut missing = Vec::new();
    for log in &options.logs {
        if !read_log(&mut tally, log)? {
            missing.push(log.clone());
        }
    }
    let mut state = read_state(&options.state)?;
    let today = tally.local_day(options.now);
    state::merge(&mut state, &tally);
    state::fold(&mut state, today);
    let totals = state::totals(&state, today);
    let public = PublicFile {
        generated: local_time(options.now, options.tz_offset),
        online: tally.online_count(),
        today: totals.today,
        week: totals.week,
        total: totals.total,
        views: &totals.views,
    };
    write_atomic(&options.output, &to_json(&public, &options.output)?)?;
    write_atomic(&options.state, &to_json(&state, &options.state)?)?;
    Ok(VisitsReport {
        lines: tally.lines,
        malformed: tally.malformed,
        views: tally.views,
        missing,
        online: tally.online_count(),
        totals,
    })
}

/// Reads one log into the tally; `false` when it does not exist.
fn read_log(tally: &mut Tally, log: &Path) -> Result<bool, Error> {
    if log.extension().is_some_and(|e| e == "gz") {
        return Err(Error::new(ErrorKind::Usage, format!("`{}` is compressed", log.display()))
            .help("pass the logs that are still plain text: the current log and access.log.1 (logrotate's delaycompress keeps it uncompressed)"));
    }
    let file = match File::open(log) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(false),
        Err(e) => return Err(Error::io(log, "read", &e)),
    };
    tally.read(BufReader::with_capacity(1 << 16, file)).map_err(|e| Error::io(log, "read", &e))?;
    Ok(true)
}

/// The state file, or an empty state when there is none yet.
fn read_state(path: &Path) -> Result<State, Error> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Ok(State { version: 1, ..State::default() });
        }
        Err(e) => return Err(Error::io(path, "read", &e)),
    };
    serde_json::from_str(&text).map_err(|e| {
        Error::new(ErrorKind::Syntax, format!("the visit counts in `{}` cannot be read: {e}", path.display()))
            .help("restore the file from a backup, or move it away to count again from the logs at hand")
    })
}

fn to_json<T: Serialize>(value: &T, path: &Path) -> Result<Vec<u8>, Error> {
    let mut bytes =
        serde_json::to_vec(value).map_err(|e| Error::io(path, "write", &std::io::Error::other(e)))?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// `2026-11-30T15:30:00+07:00`: `now` in the site's time zone.
pub fn local_time(now: i64, tz_offset: i32) -> String {
    let local = now + i64::from(tz_offset) * 60;
    let secs = local.rem_euclid(86_400) as u32;
    let date = Date::from_days_since_epoch(local.div_euclid(86_400));
    let time = Some((secs / 3600, secs / 60 % 60, secs % 60));
    DateTime { date, time, offset: Some(tz_offset) }.rfc3339(tz_offset)
}

/// Writes `bytes` to `path` through a temporary file in the same folder and a rename, so a
/// reader sees the old file or the new one, never part of one.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&parent).map_err(|e| Error::io(&parent, "create", &e))?;
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let temp = parent.join(format!(".{name}.{}.tmp", std::process::id()));
    let written = File::create(&temp)
        .and_then(|mut f| f.write_all(bytes).and_then(|()| f.sync_all()))
        .and_then(|()| std::fs::rename(&temp, path));
    written.map_err(|e| {
        let _ = std::fs::remove_file(&temp);
        Error::io(path, "write", &e)
    })
}

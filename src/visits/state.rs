//! The counts kept between runs (a private JSON file, never published), so that all-time
//! totals survive log rotation.
//!
//! Each run replaces a day's counts by the larger of what the state holds and what the logs
//! show now: running twice over the same log changes nothing (idempotent), a day that a
//! rotated log no longer holds keeps what an earlier run saw, and a day seen whole (the current
//! log and the previous one, `access.log.1`) is counted exactly. Days more than
//! [`KEEP_DAYS`] old are folded into the totals and no log line of them is read again.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::tally::Tally;
use crate::date::Date;

/// Days kept one by one before they are folded into the totals (two weeks: "this week" and
/// any log still holding them).
pub const KEEP_DAYS: i64 = 14;

/// Counts of one day.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DayCounts {
    /// Distinct visitors.
    pub visitors: u64,
    /// Views per page path.
    pub views: BTreeMap<String, u64>,
}

/// The state file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct State {
    /// Format version (1).
    pub version: u32,
    /// The last day folded into `folded`; log lines of this day or before are not read.
    #[serde(default)]
    pub folded_through: Option<String>,
    /// The sum of the folded days.
    #[serde(default)]
    pub folded: DayCounts,
    /// Recent days by date (`YYYY-MM-DD`, site time zone).
    #[serde(default)]
    pub days: BTreeMap<String, DayCounts>,
}

/// The published figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Totals {
    /// Visitors today.
    pub today: u64,
    /// Visitors since Monday (this week, site time zone), today included.
    pub week: u64,
    /// Visitors of every day counted.
    pub total: u64,
    /// Views per page of every day counted.
    pub views: BTreeMap<String, u64>,
}

fn day_key(day: i64) -> String {
    Date::from_days_since_epoch(day).iso()
}

fn day_number(key: &str) -> Option<i64> {
    Date::parse(key).ok().map(Date::days_since_epoch)
}

/// Merges a run's tally into the state (the larger count wins, day by day and page by page).
pub fn merge(state: &mut State, tally: &Tally) {
    let folded = state.folded_through.as_deref().and_then(day_number);
    for (&day, seen) in &tally.days {
        if folded.is_some_and(|f| day <= f) {
            continue;
        }
        let kept = state.days.entry(day_key(day)).or_default();
        kept.visitors = kept.visitors.max(seen.visitor_count());
        for (path, &n) in &seen.views {
            let v = kept.views.entry(path.clone()).or_insert(0);
            *v = (*v).max(n);
        }
    }
}

/// Folds the days older than [`KEEP_DAYS`] before `today` into the totals.
pub fn fold(state: &mut State, today: i64) {
    let limit = today - KEEP_DAYS;
    let old: Vec<String> =
        state.days.keys().filter(|k| day_number(k).is_none_or(|d| d < limit)).cloned().collect();
    for key in old {
        let Some(day) = state.days.remove(&key) else { continue };
        let Some(n) = day_number(&key) else { continue };
        state.folded.visitors += day.visitors;
        for (path, v) in day.views {
            *state.folded.views.entry(path).or_insert(0) += v;
        }
        if state.folded_through.as_deref().and_then(day_number).is_none_or(|f| n > f) {
            state.folded_through = Some(key);
        }
    }
}

/// The figures to publish on `today` (a local day number).
pub fn totals(state: &State, today: i64) -> Totals {
    let monday = today - i64::from(Date::from_days_since_epoch(today).weekday());
    let mut t = Totals { today: 0, week: 0, total: state.folded.visitors, views: state.folded.views.clone() };
    for (key, day) in &state.days {
        let Some(n) = day_number(key) else { continue };
        if n > today {
            continue;
        }
        t.total += day.visitors;
        if n == today {
            t.today = day.visitors;
        }
        if n >= monday {
            t.week += day.visitors;
        }
        for (path, v) in &day.views {
            *t.views.entry(path.clone()).or_insert(0) += v;
        }
    }
    t
}

//! Progress towards a target: the documented method, as pure functions.
//!
//! 1. Each unit's series follows the unit it was merged into for years in which it no longer
//!    had a value of its own (after a reorganisation).
//! 2. The scope's series is the unweighted mean of its units (years where every unit has a
//!    value), or for `share` targets the % of units meeting the condition.
//! 3. With the baseline value b (baseline year B) and the latest value x (year L ≤ target
//!    year T): a `level` target compares the pace so far, (x − b)/(L − B), with the pace
//!    needed, (V − b)/(T − B); an `annual_*` target compares the average yearly change so far
//!    with V. The ratio of the two (the *pace*) gives: ≥ 1 on track, ≥ 0.5 at risk, below
//!    off track. Pages show it apart from the *distance*: the share of the way from b to the
//!    target value (V, or b ± V × (T − B) for `annual_*`) that x has covered.
//!    Once the target is met it is achieved (for annual targets: when the target year's
//!    figure is in); once the target year's figure is in and the target is not met, off track.
//!    Without a baseline value or a later one: not enough data.
//! 4. A unit formed after the baseline year (a merged province or commune) takes for earlier
//!    years the aggregate of the units it was formed from (`formed.rs`); when they cannot be
//!    combined, the target is not comparable.

use serde::Serialize;

use super::formed::{formed_after, formed_value};
use super::{Comparator, Target, TargetKind};
use crate::geo::Geo;
use crate::indicator::Indicator;

/// Where a target stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Met.
    Achieved,
    /// The pace so far is enough.
    OnTrack,
    /// At least half the pace needed.
    AtRisk,
    /// Less than half the pace needed, going the wrong way, or missed.
    OffTrack,
    /// No baseline value or no value after it.
    NotEnoughData,
    /// The baseline predates a merger and the former units' figures cannot be combined.
    NotComparable,
}

impl Status {
    /// Stable name (CSS classes, JSON, i18n keys `status_<name>`).
    pub fn name(self) -> &'static str {
        match self {
            Status::Achieved => "achieved",
            Status::OnTrack => "on_track",
            Status::AtRisk => "at_risk",
            Status::OffTrack => "off_track",
            Status::NotEnoughData => "not_enough_data",
            Status::NotComparable => "not_comparable",
        }
    }

    /// All statuses, best first.
    pub const ALL: [Status; 6] = [
        Status::Achieved,
        Status::OnTrack,
        Status::AtRisk,
        Status::OffTrack,
        Status::NotEnoughData,
        Status::NotComparable,
    ];
}

/// The judgement of one series against a target.
#[derive(Debug, Clone, PartialEq)]
pub struct Assessment {
    /// The status.
    pub status: Status,
    /// The target year's figure is in (the result is final).
    pub final_result: bool,
    /// (year, value) at the baseline.
    pub baseline: Option<(i32, f64)>,
    /// (year, value) of the latest figure up to the target year.
    pub latest: Option<(i32, f64)>,
    /// What is compared with the target value: the level (or share), or the average yearly change.
    pub measured: Option<f64>,
    /// The pace: the average yearly change so far ÷ the average yearly change needed (1 = just
    /// enough). Not a distance: a target can be on pace having covered a third of the way.
    pub ratio: Option<f64>,
    /// The distance: the share of the way from the baseline value to the target value covered
    /// by the latest figure, 0–1 (for `annual_*` targets the way is the target's yearly change
    /// times the years from baseline to target year).
    pub distance: f64,
}

/// Progress of a target: the scope as a whole and each unit.
#[derive(Debug, Clone, PartialEq)]
pub struct Progress {
    /// The scope's judgement.
    pub overall: Assessment,
    /// The scope's series (mean of units, or share meeting the condition).
    pub series: Vec<(i32, f64)>,
    /// Per unit (empty for a one-unit scope): unit index, the unit whose figure is used in the
    /// latest year (itself or its successor), and its judgement.
    pub units: Vec<UnitProgress>,
}

/// One unit's progress within a scope.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitProgress {
    /// The unit.
    pub unit: usize,
    /// The unit whose figure stands for it in the latest year, when another (merged) unit.
    pub followed: Option<usize>,
    /// Its judgement (for `share`: achieved when it meets the condition in the latest year).
    pub assessment: Assessment,
}

/// A unit's series, following mergers: (year, value, unit whose figure it is).
pub fn followed_series(
    ind: &Indicator,
    geo: &Geo,
    unit: usize,
    breakdown: &[Option<u16>],
) -> Vec<(i32, f64, usize)> {
    followed_in_years(ind, geo, unit, breakdown, &ind.years())
}

/// [`followed_series`] over given years (computed once for a whole scope).
fn followed_in_years(
    ind: &Indicator,
    geo: &Geo,
    unit: usize,
    breakdown: &[Option<u16>],
    years: &[i32],
) -> Vec<(i32, f64, usize)> {
    let mut out = Vec::new();
    for &year in years {
        let mut current = unit;
        for _ in 0..8 {
            if let Some(v) = ind.value(current, breakdown, year) {
                out.push((year, v, current));
                break;
            }
            if let Some(v) = formed_value(ind, geo, current, breakdown, year).filter(|_| current == unit) {
                out.push((year, v, unit));
                break;
            }
            let u = &geo.units[current];
            match (u.until, geo.successor(current)) {
                (Some(until), Some(next)) if until.year <= year => current = next,
                _ => break,
            }
        }
    }
    out
}

/// Compute the progress of a target.
pub fn evaluate(target: &Target, ind: &Indicator, geo: &Geo) -> Progress {
    let per_unit: Vec<Vec<(i32, f64, usize)>> = {
        let years = ind.years();
        target
            .scope
            .units
            .iter()
            .map(|&u| followed_in_years(ind, geo, u, &target.breakdown, &years))
            .collect()
    };
    let series = match (target.kind, target.condition) {
        (TargetKind::Share, Some((cmp, value))) => share_series(&per_unit, cmp, value),
        _ => mean_series(&per_unit),
    };
    let overall = not_comparable(assess(target, &series), target, geo, &target.scope.units);
    let units = if target.scope.kind != super::ScopeKind::One || target.kind == TargetKind::Share {
        target
            .scope
            .units
            .iter()
            .zip(&per_unit)
            .map(|(&unit, s)| {
                let plain: Vec<(i32, f64)> = s.iter().map(|p| (p.0, p.1)).collect();
                let assessment = match (target.kind, target.condition) {
                    (TargetKind::Share, Some((cmp, value))) => {
                        meets_condition(&plain, target.target_year, cmp, value)
                    }
                    _ => not_comparable(assess(target, &plain), target, geo, &[unit]),
                };
                let followed =
                    s.iter().rev().find(|p| p.0 <= target.target_year).map(|p| p.2).filter(|&f| f != unit);
                UnitProgress { unit, followed, assessment }
            })
            .collect()
    } else {
        Vec::new()
    };
    Progress { overall, series, units }
}

/// "Not comparable" instead of "not enough data" when the baseline is missing because a unit
/// was formed after the baseline year from units whose figures cannot be combined.
fn not_comparable(mut a: Assessment, target: &Target, geo: &Geo, units: &[usize]) -> Assessment {
    if a.status == Status::NotEnoughData
        && a.baseline.is_none()
        && units.iter().any(|&u| formed_after(geo, u, target.baseline_year))
    {
        a.status = Status::NotComparable;
    }
    a
}

/// Mean of the units' values, for years where every unit has one.
fn mean_series(per_unit: &[Vec<(i32, f64, usize)>]) -> Vec<(i32, f64)> {
    let Some(first) = per_unit.first() else { return Vec::new() };
    first
        .iter()
        .filter_map(|&(year, _, _)| {
            let values: Vec<f64> =
                per_unit.iter().filter_map(|s| s.iter().find(|p| p.0 == year).map(|p| p.1)).collect();
            (values.len() == per_unit.len()).then(|| (year, values.iter().sum::<f64>() / values.len() as f64))
        })
        .collect()
}

/// Share (%) of units meeting the condition, for years where at least half the units have a value.
fn share_series(per_unit: &[Vec<(i32, f64, usize)>], cmp: Comparator, value: f64) -> Vec<(i32, f64)> {
    let mut years: Vec<i32> = per_unit.iter().flat_map(|s| s.iter().map(|p| p.0)).collect();
    years.sort_unstable();
    years.dedup();
    years
        .into_iter()
        .filter_map(|year| {
            let values: Vec<f64> =
                per_unit.iter().filter_map(|s| s.iter().find(|p| p.0 == year).map(|p| p.1)).collect();
            let enough = !values.is_empty() && values.len() * 2 >= per_unit.len();
            enough.then(|| {
                (
                    year,
                    100.0 * values.iter().filter(|v| cmp.holds(**v, value)).count() as f64
                        / values.len() as f64,
                )
            })
        })
        .collect()
}

fn meets_condition(series: &[(i32, f64)], target_year: i32, cmp: Comparator, value: f64) -> Assessment {
    let latest = series.iter().rev().find(|p| p.0 <= target_year).copied();
    let status = match latest {
        None => Status::NotEnoughData,
        Some((_, v)) if cmp.holds(v, value) => Status::Achieved,
        Some(_) => Status::OffTrack,
    };
    let met = status == Status::Achieved;
    Assessment {
        status,
        final_result: latest.is_some_and(|l| l.0 >= target_year),
        baseline: None,
        latest,
        measured: latest.map(|l| l.1),
        ratio: None,
        distance: if met { 1.0 } else { 0.0 },
    }
}

/// Judge a series against the target (see the module docs).
pub fn assess(target: &Target, series: &[(i32, f64)]) -> Assessment {
    let (b_year, t_year) = (target.baseline_year, target.target_year);
    let baseline = series.iter().find(|p| p.0 == b_year).copied();
    let latest = series.iter().rev().find(|p| p.0 <= t_year).copied();
    let mut a = Assessment {
        status: Status::NotEnoughData,
        final_result: false,
        baseline,
        latest,
        measured: None,
        ratio: None,
        distance: 0.0,
    };
    let (Some((_, b)), Some((l_year, x))) = (baseline, latest) else { return a };
    if l_year <= b_year {
        return a;
    }
    a.final_result = l_year >= t_year;
    let (cmp, goal) = (target.comparator, target.value);
    match target.kind {
        TargetKind::Level | TargetKind::Share => {
            a.measured = Some(x);
            let needed = goal - b;
            let done = x - b;
            a.distance = if needed.abs() < 1e-12 { 1.0 } else { (done / needed).clamp(0.0, 1.0) };
            if cmp.holds(x, goal) {
                a.status = Status::Achieved;
                a.distance = 1.0;
                return a;
            }
            if cmp.holds(b, goal) || needed.abs() < 1e-12 {
                // the baseline already met the target and the latest figure no longer does
                a.status = Status::OffTrack;
                a.distance = 0.0;
                return a;
            }
            if a.final_result {
                a.status = Status::OffTrack;
                return a;
            }
            let pace_needed = needed / f64::from(t_year - b_year);
            let pace = done / f64::from(l_year - b_year);
            a.ratio = Some(pace / pace_needed);
        }
        TargetKind::AnnualDecrease | TargetKind::AnnualIncrease => {
            let sign = if target.kind == TargetKind::AnnualDecrease { -1.0 } else { 1.0 };
            let change = sign * (x - b) / f64::from(l_year - b_year);
            a.measured = Some(change);
            // the whole way is `goal` a year over the target's span; the pace is `change / goal`
            let way = goal * f64::from(t_year - b_year);
            let travelled = sign * (x - b);
            a.distance = if way.abs() < 1e-12 { 1.0 } else { (travelled / way).clamp(0.0, 1.0) };
            let met = cmp.holds(change, goal);
            if a.final_result {
                a.status = if met { Status::Achieved } else { Status::OffTrack };
                return a;
            }
            if met {
                a.status = Status::OnTrack;
                a.ratio = (goal.abs() > 1e-12).then(|| change / goal);
                return a;
            }
            if !cmp.wants_more() || goal <= 0.0 {
                a.status = Status::OffTrack;
                return a;
            }
            a.ratio = Some(change / goal);
        }
    }
    a.status = match a.ratio {
        Some(r) if r >= 1.0 => Status::OnTrack,
        Some(r) if r >= 0.5 => Status::AtRisk,
        _ => Status::OffTrack,
    };
    a
}

#[cfg(test)]
mod tests;

//! Figures of a unit for the years before it was formed: the aggregate of the units it was
//! formed from, when the data allow (issue 9, item 7; README, "How progress is judged").
//!
//! The new Lào Cai (from 1 July 2025) has no 2020 figure of its own, but Lào Cai and Yên Bái,
//! merged into it, do. Counts and lengths add up; rates and averages are the mean of the
//! former units weighted by their population (else their households) from `geo.yaml`. When a
//! former unit lacks the figure or the weight, was split among several units, or the unit is
//! met/not-met or custom, there is no comparable figure and a target whose baseline predates
//! the merger is "not comparable".

use crate::geo::Geo;
use crate::indicator::{Indicator, UnitKind};

/// How the figures of several units make one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Combine {
    Sum,
    WeightedMean,
}

fn combine_of(unit: UnitKind) -> Option<Combine> {
    match unit {
        UnitKind::Count | UnitKind::Km => Some(Combine::Sum),
        UnitKind::Percent
        | UnitKind::Points
        | UnitKind::Vnd
        | UnitKind::MillionVnd
        | UnitKind::DaysPerWeek
        | UnitKind::Per1000
        | UnitKind::Ratio => Some(Combine::WeightedMean),
        UnitKind::Boolean | UnitKind::Custom => None,
    }
}

/// Whether `unit` had not yet been formed at the end of `year` and was formed from others.
pub fn formed_after(geo: &Geo, unit: usize, year: i32) -> bool {
    let u = &geo.units[unit];
    !u.merged_from.is_empty() && u.from.is_some_and(|f| f.year > year)
}

/// The figure of `unit` in `year`, before it was formed, from the units it was formed from.
pub fn formed_value(
    ind: &Indicator,
    geo: &Geo,
    unit: usize,
    breakdown: &[Option<u16>],
    year: i32,
) -> Option<f64> {
    formed_value_at(ind, geo, unit, breakdown, year, 0)
}

fn formed_value_at(
    ind: &Indicator,
    geo: &Geo,
    unit: usize,
    breakdown: &[Option<u16>],
    year: i32,
    depth: usize,
) -> Option<f64> {
    if depth > 4 || !formed_after(geo, unit, year) {
        return None;
    }
    let how = combine_of(ind.unit)?;
    let former = &geo.units[unit].merged_from;
    let mut parts = Vec::with_capacity(former.len());
    for &f in former {
        if geo.units[f].merged_into.len() != 1 {
            return None; // split among several units: its figure cannot be given to one
        }
        let value = ind
            .value(f, breakdown, year)
            .or_else(|| formed_value_at(ind, geo, f, breakdown, year, depth + 1))?;
        parts.push((f, value));
    }
    match how {
        Combine::Sum => Some(parts.iter().map(|p| p.1).sum()),
        Combine::WeightedMean => {
            let by = |w: fn(&crate::geo::Unit) -> Option<f64>| -> Option<Vec<f64>> {
                parts.iter().map(|&(f, _)| w(&geo.units[f]).filter(|x| *x > 0.0)).collect()
            };
            let weights = by(|u| u.population).or_else(|| by(|u| u.households))?;
            let total: f64 = weights.iter().sum();
            Some(parts.iter().zip(&weights).map(|(p, w)| p.1 * w).sum::<f64>() / total)
        }
    }
}

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

/// The figure of `unit` in `year`, before it was formed, from the units it was formed from,
/// rounded to the indicator's `decimals` as a statistics office publishes a computed figure:
/// the figure judged is the figure shown (7.875 % with one decimal is judged and shown as 7.9 %).
pub fn formed_value(
    ind: &Indicator,
    geo: &Geo,
    unit: usize,
    breakdown: &[Option<u16>],
    year: i32,
) -> Option<f64> {
    let scale = 10f64.powi(i32::try_from(ind.decimals.min(6)).unwrap_or(6));
    formed_value_at(ind, geo, unit, breakdown, year, 0).map(|v| (v * scale).round() / scale)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::parse_geo;
    use crate::indicator::Series;
    use crate::source::SourceFile;

    /// a (weight 3) and b (weight 1) formed c on 1 July 2025; d was split between c and e.
    const GEO: &str = "units:
  - {id: a, name: A, type: tỉnh, until: 2025-06-30, merged_into: c, population: 300}
  - {id: b, name: B, type: tỉnh, until: 2025-06-30, merged_into: c, population: 100}
  - {id: c, name: C, type: tỉnh, from: 2025-07-01}
  - {id: d, name: D, type: tỉnh, until: 2025-06-30, merged_into: [e, f]}
  - {id: e, name: E, type: tỉnh, from: 2025-07-01}
  - {id: f, name: F, type: tỉnh, from: 2025-07-01}
";

    fn indicator(unit: UnitKind, series: Vec<Series>) -> Indicator {
        Indicator::for_tests(unit, series)
    }

    fn series(geo: usize, points: &[(i32, f64)]) -> Series {
        Series { geo, breakdown: vec![], points: points.to_vec() }
    }

    #[test]
    fn issue_9_rates_are_weighted_by_population_and_counts_add_up() {
        let geo = parse_geo(&SourceFile::new("content/geo.yaml", GEO)).unwrap();
        let data = vec![series(0, &[(2020, 8.0)]), series(1, &[(2020, 16.0), (2021, 1.0)])];
        let rate = indicator(UnitKind::Percent, data.clone());
        // 0.75 × 8 + 0.25 × 16 = 10
        assert_eq!(formed_value(&rate, &geo, 2, &[], 2020), Some(10.0));
        // a former unit without a figure that year: none
        assert_eq!(formed_value(&rate, &geo, 2, &[], 2021), None);
        // the unit exists at the end of 2025: its own figure is needed
        assert_eq!(formed_value(&rate, &geo, 2, &[], 2025), None);
        assert_eq!(formed_value(&indicator(UnitKind::Count, data.clone()), &geo, 2, &[], 2020), Some(24.0));
        assert_eq!(formed_value(&indicator(UnitKind::Custom, data), &geo, 2, &[], 2020), None);
    }

    #[test]
    fn issue_9_a_unit_split_among_several_gives_no_aggregate() {
        let geo = parse_geo(&SourceFile::new("content/geo.yaml", GEO)).unwrap();
        let ind = indicator(UnitKind::Count, vec![series(3, &[(2020, 5.0)])]);
        assert!(formed_after(&geo, 4, 2020));
        assert_eq!(formed_value(&ind, &geo, 4, &[], 2020), None);
    }
}

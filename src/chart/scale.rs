//! Value axes: a "nice" range and tick step (1, 2, 2.5 or 5 × 10^k) around the data.

/// A value axis: its range, the ticks to label and how many decimals the labels need.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Scale {
    /// Lowest value on the axis.
    pub(crate) min: f64,
    /// Highest value on the axis (always above `min`).
    pub(crate) max: f64,
    /// Values to draw grid lines and labels at, ascending, within `min..=max`.
    pub(crate) ticks: Vec<f64>,
    /// Decimals that write every tick exactly (0 for a step of 5, 1 for 2.5).
    pub(crate) decimals: usize,
}

impl Scale {
    /// Where `value` falls between `from` (at `min`) and `to` (at `max`).
    pub(crate) fn map(&self, value: f64, (from, to): (f64, f64)) -> f64 {
        let span = self.max - self.min;
        let t = if span.is_finite() {
            (value - self.min) / span
        } else {
            // halves keep the span finite for ranges near f64::MAX
            (value / 2.0 - self.min / 2.0) / (self.max / 2.0 - self.min / 2.0)
        };
        from + t * (to - from)
    }
}

/// The lowest and highest finite value, or `None` when there is none.
pub(crate) fn extent(values: impl IntoIterator<Item = f64>) -> Option<(f64, f64)> {
    values.into_iter().filter(|v| v.is_finite()).fold(None, |acc, v| match acc {
        None => Some((v, v)),
        Some((lo, hi)) => Some((lo.min(v), hi.max(v))),
    })
}

/// Stretch `(lo, hi)` to zero when zero is nearer than the data's own span, so that bars and
/// rates keep an honest baseline while a series of values near 97 % still shows its changes.
pub(crate) fn include_zero_if_near((lo, hi): (f64, f64)) -> (f64, f64) {
    if lo >= 0.0 && lo <= hi - lo {
        (0.0, hi)
    } else if hi <= 0.0 && -hi <= hi - lo {
        (lo, 0.0)
    } else {
        (lo, hi)
    }
}

/// A nice scale covering `lo..=hi` with at most `max_intervals` steps (at least 2).
///
/// Equal values get a little room around them. Inputs must be finite (see [`extent`]).
pub(crate) fn nice_scale(lo: f64, hi: f64, max_intervals: usize) -> Scale {
    let (lo, hi) = if lo <= hi { (lo, hi) } else { (hi, lo) };
    let (lo, hi) = widen_if_flat(lo, hi);
    let max_intervals = max_intervals.max(2);
    nice_steps(lo, hi, max_intervals)
        .into_iter()
        .find_map(|step| scale_with_step(lo, hi, step, max_intervals))
        .unwrap_or_else(|| Scale { min: lo, max: hi, ticks: vec![lo, hi], decimals: 0 })
}

/// Give a single value some room: ±10 % of it, or ±1 around zero.
fn widen_if_flat(lo: f64, hi: f64) -> (f64, f64) {
    if lo < hi {
        return (lo, hi);
    }
    let pad = if lo == 0.0 { 1.0 } else { (lo.abs() * 0.1).max(f64::MIN_POSITIVE) };
    let (below, above) = (lo - pad, hi + pad);
    match (below.is_finite() && below < lo, above.is_finite() && above > hi) {
        (true, true) => (below, above),
        (true, false) => (below, hi),
        (false, true) => (lo, above),
        (false, false) => (lo - 1.0, hi + 1.0),
    }
}

/// Candidate steps, smallest first: 1, 2, 2.5, 5 × 10^k from about span / intervals upward.
fn nice_steps(lo: f64, hi: f64, max_intervals: usize) -> Vec<f64> {
    let span = hi / 2.0 - lo / 2.0;
    let raw = span / max_intervals as f64 * 2.0;
    if !(raw.is_finite() && raw > 0.0) {
        return Vec::new();
    }
    let exponent = raw.log10().floor() as i32;
    (exponent - 1..=exponent + 2)
        .flat_map(|e| [1.0, 2.0, 2.5, 5.0].map(|m| m * 10f64.powi(e)))
        .filter(|step| step.is_finite() && *step > 0.0)
        .collect()
}

fn scale_with_step(lo: f64, hi: f64, step: f64, max_intervals: usize) -> Option<Scale> {
    // a tolerance keeps 0.30000000000000004 from adding a whole step
    let mut first = (lo / step + 1e-9).floor();
    let mut last = (hi / step - 1e-9).ceil();
    if first * step > lo {
        first -= 1.0;
    }
    if last * step < hi {
        last += 1.0;
    }
    let intervals = last - first;
    if !(intervals >= 1.0 && intervals <= max_intervals as f64) {
        return None;
    }
    let (min, max) = (first * step, last * step);
    if !(min.is_finite() && max.is_finite() && min < max) {
        return None;
    }
    let ticks = (0..=intervals as usize).map(|i| (first + i as f64) * step).collect();
    Some(Scale { min, max, ticks, decimals: step_decimals(step) })
}

/// Decimals needed to write multiples of `step` exactly (at most 12).
fn step_decimals(step: f64) -> usize {
    (0..12)
        .find(|&d| {
            let scaled = step * 10f64.powi(d as i32);
            scaled.round() >= 1.0 && (scaled - scaled.round()).abs() < 1e-6 * scaled
        })
        .unwrap_or(12)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn poor_household_rates_get_steps_of_five() {
        let scale = nice_scale(0.0, 25.12, 6);
        assert_eq!(scale.ticks, [0.0, 5.0, 10.0, 15.0, 20.0, 25.0, 30.0]);
        assert_eq!(scale.decimals, 0);
    }

    #[test]
    fn enrolment_near_one_hundred_keeps_its_detail() {
        let scale = nice_scale(96.2, 99.6, 6);
        assert_eq!((scale.min, scale.max), (96.0, 100.0));
        assert_eq!(scale.decimals, 0);
    }

    #[test]
    fn small_spans_use_steps_of_two_and_a_half() {
        let scale = nice_scale(0.0, 9.6, 4);
        assert_eq!(scale.ticks, [0.0, 2.5, 5.0, 7.5, 10.0]);
        assert_eq!(scale.decimals, 1);
    }

    #[test]
    fn a_flat_series_gets_room_around_it() {
        let scale = nice_scale(40.0, 40.0, 5);
        assert!(scale.min < 40.0 && scale.max > 40.0);
        let zero = nice_scale(0.0, 0.0, 5);
        assert!(zero.min < 0.0 && zero.max > 0.0);
    }

    #[test]
    fn negative_values_are_covered() {
        let scale = nice_scale(-3.2, 4.1, 6);
        assert_eq!((scale.min, scale.max), (-4.0, 6.0));
        assert!(scale.ticks.contains(&0.0));
    }

    #[test]
    fn zero_is_included_only_when_near() {
        assert_eq!(include_zero_if_near((4.0, 25.0)), (0.0, 25.0));
        assert_eq!(include_zero_if_near((96.0, 99.0)), (96.0, 99.0));
        assert_eq!(include_zero_if_near((-30.0, -5.0)), (-30.0, 0.0));
        assert_eq!(include_zero_if_near((-3.0, 5.0)), (-3.0, 5.0));
    }

    #[test]
    fn extent_skips_nan_and_infinity() {
        assert_eq!(extent([f64::NAN, 3.0, f64::INFINITY, -1.0]), Some((-1.0, 3.0)));
        assert_eq!(extent([f64::NAN]), None);
    }

    #[test]
    fn tick_decimals_follow_the_step() {
        assert_eq!(step_decimals(5000.0), 0);
        assert_eq!(step_decimals(0.25), 2);
        assert_eq!(step_decimals(1e-7), 7);
    }

    #[test]
    fn maps_linearly_onto_pixels() {
        let scale = nice_scale(0.0, 100.0, 5);
        assert_eq!(scale.map(50.0, (300.0, 100.0)), 200.0);
    }

    proptest! {
        #[test]
        fn any_finite_series_gets_a_finite_ordered_covering_scale(
            values in prop::collection::vec(any::<f64>().prop_filter("finite", |v| v.is_finite()), 1..20),
            max_intervals in 0usize..12,
        ) {
            let (lo, hi) = extent(values.iter().copied()).unwrap();
            let scale = nice_scale(lo, hi, max_intervals);
            prop_assert!(scale.min.is_finite() && scale.max.is_finite());
            prop_assert!(scale.min < scale.max);
            prop_assert!(scale.min <= lo && hi <= scale.max);
            prop_assert!(!scale.ticks.is_empty() && scale.ticks.len() <= max_intervals.max(2) + 1);
            prop_assert!(scale.ticks.windows(2).all(|w| w[0] < w[1]));
            prop_assert!(scale.ticks.iter().all(|t| t.is_finite() && scale.min <= *t && *t <= scale.max));
            let mapped = scale.map(lo, (0.0, 100.0));
            prop_assert!(mapped.is_finite());
        }

        #[test]
        fn realistic_series_get_nice_steps(lo in -1e6f64..1e6, span in 1e-2f64..1e6) {
            let scale = nice_scale(lo, lo + span, 6);
            let step = (scale.max - scale.min) / (scale.ticks.len() - 1) as f64;
            let mantissa = step / 10f64.powf(step.log10().floor());
            prop_assert!([1.0, 2.0, 2.5, 5.0].iter().any(|m| (m - mantissa).abs() < 1e-6), "step {}", step);
        }
    }
}

//! Derived figures of a series: latest value, change since the previous year, average annual
//! change since a baseline, and ranks among units. Pure arithmetic, unit-tested by hand.

use super::Direction;

/// The latest point of a series, with the one before it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Latest {
    /// Latest year.
    pub year: i32,
    /// Its value.
    pub value: f64,
    /// The previous year with a value and its value.
    pub previous: Option<(i32, f64)>,
}

impl Latest {
    /// Change from the previous value (latest − previous).
    pub fn change(&self) -> Option<f64> {
        self.previous.map(|(_, v)| self.value - v)
    }
}

/// Latest point at or before `until` (any year when `None`).
pub fn latest(points: &[(i32, f64)], until: Option<i32>) -> Option<Latest> {
    let usable: Vec<&(i32, f64)> = points.iter().filter(|p| until.is_none_or(|u| p.0 <= u)).collect();
    let last = usable.last()?;
    let previous = usable.len().checked_sub(2).map(|i| *usable[i]);
    Some(Latest { year: last.0, value: last.1, previous })
}

/// The value in a given year.
pub fn value_in(points: &[(i32, f64)], year: i32) -> Option<f64> {
    points.iter().find(|p| p.0 == year).map(|p| p.1)
}

/// Average change per year from `from_year` to the latest year after it:
/// (value(latest) − value(from)) / (latest − from). `None` without both values.
pub fn average_annual_change(
    points: &[(i32, f64)],
    from_year: i32,
    until: Option<i32>,
) -> Option<(f64, i32)> {
    let base = value_in(points, from_year)?;
    let last = latest(points, until)?;
    (last.year > from_year).then(|| ((last.value - base) / f64::from(last.year - from_year), last.year))
}

/// Whether `a` is better than `b` for an indicator of this direction.
pub fn better(direction: Direction, a: f64, b: f64) -> bool {
    match direction {
        Direction::Lower => a < b,
        Direction::Higher => a > b,
    }
}

/// Ranks of values (1 = best for the direction; ties share the better rank), in input order.
pub fn ranks(values: &[f64], direction: Direction) -> Vec<usize> {
    values.iter().map(|v| 1 + values.iter().filter(|o| better(direction, **o, *v)).count()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const POOR: [(i32, f64); 5] = [(2019, 33.1), (2020, 30.2), (2021, 26.9), (2022, 23.8), (2024, 17.3)];

    #[test]
    fn latest_and_change_skip_missing_years() {
        let l = latest(&POOR, None).unwrap();
        assert_eq!((l.year, l.value, l.previous), (2024, 17.3, Some((2022, 23.8))));
        assert!((l.change().unwrap() - -6.5).abs() < 1e-9);
        let l = latest(&POOR, Some(2021)).unwrap();
        assert_eq!(l.year, 2021);
        assert_eq!(latest(&POOR, Some(2018)), None);
    }

    #[test]
    fn average_annual_change_since_the_baseline() {
        // (17.3 − 26.9) / 3 = −3.2 points a year
        let (change, year) = average_annual_change(&POOR, 2021, None).unwrap();
        assert!((change - -3.2).abs() < 1e-9);
        assert_eq!(year, 2024);
        assert_eq!(average_annual_change(&POOR, 2023, None), None, "no baseline value");
        assert_eq!(average_annual_change(&POOR, 2024, None), None, "nothing after the baseline");
    }

    #[test]
    fn ranks_follow_the_direction() {
        assert_eq!(ranks(&[40.0, 10.0, 25.0, 10.0], Direction::Lower), [4, 1, 3, 1]);
        assert_eq!(ranks(&[40.0, 10.0, 25.0], Direction::Higher), [1, 3, 2]);
    }
}

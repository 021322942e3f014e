//! The figures a unit carries in geo.yaml (population, households, area): counts are whole
//! and nothing is negative, so `households: 181.603` (a thousands dot) is refused, not shown
//! as "182" (issue 9).

use super::RawUnit;
use crate::error::{Error, Errors, Location};
use crate::source::numbers::{negative, not_finite, not_whole};

/// Check the figures of one unit; `at` locates a field of it.
pub(super) fn check_figures(unit: &RawUnit, at: impl Fn(&str) -> Location, errors: &mut Errors) {
    let figures = [
        ("population", unit.population, true),
        ("households", unit.households, true),
        ("area_km2", unit.area_km2, false),
    ];
    for (field, value, whole) in figures {
        let Some(value) = value else { continue };
        let error: Option<Error> = not_finite(&format!("`{field}`"), value)
            .or_else(|| negative(&format!("`{field}`"), value))
            .or_else(|| whole.then(|| not_whole(&format!("`{field}`"), value)).flatten());
        if let Some(error) = error {
            errors.push(error.at(at(field)));
        }
    }
}

//! Geography over time: the rules that tie a unit's period to its parent, its successors and
//! the top of the tree (issue 9, items 5 and 7).
//!
//! - A parent is a larger unit (by level, which comes from the unit type) that existed for the
//!   whole period of its child: a commune formed on 1 July 2025 cannot sit under a district
//!   abolished on 30 June 2025, and a province cannot sit under a province.
//! - A unit is merged into units of its own level that still exist after it ends.
//! - Units without a parent are provinces; there may be several, over time (Lào Cai and Yên
//!   Bái until 30 June 2025, the new Lào Cai from 1 July) or at once (a national portal).

use super::{Level, Unit};
use crate::date::Date;
use crate::error::{Error, ErrorKind, Errors};
use crate::source::YamlPlaces;

/// "from 01/07/2025", "until 30/06/2025", "from 01/01/2020 to 30/06/2025" or "always".
pub fn describe_period(unit: &Unit) -> String {
    match (unit.from, unit.until) {
        (Some(f), Some(u)) => format!("from {} to {}", f.dmy(), u.dmy()),
        (Some(f), None) => format!("from {}", f.dmy()),
        (None, Some(u)) => format!("until {}", u.dmy()),
        (None, None) => "with no end".to_string(),
    }
}

/// Whether `outer` existed on every day `inner` did.
fn covers(outer: &Unit, inner: &Unit) -> bool {
    let starts_before = outer.from.is_none_or(|of| inner.from.is_some_and(|f: Date| f >= of));
    let ends_after = outer.until.is_none_or(|ou| inner.until.is_some_and(|u: Date| u <= ou));
    starts_before && ends_after
}

/// Check every unit's parent: a larger unit that existed for the whole of its period.
pub(super) fn check_parents(units: &[Unit], yaml: &YamlPlaces<'_>, errors: &mut Errors) {
    for (i, unit) in units.iter().enumerate() {
        let Some(p) = unit.parent else { continue };
        let parent = &units[p];
        let at = || yaml.locate(&["units", &i.to_string(), "parent"]);
        if parent.level >= unit.level {
            errors.push(
                Error::new(
                    ErrorKind::Value,
                    format!(
                        "`{}` ({}) cannot be under `{}` ({}): a parent is a larger unit",
                        unit.id, unit.kind, parent.id, parent.kind
                    ),
                )
                .at(at())
                .help(parent_help(unit.level)),
            );
        } else if !covers(parent, unit) {
            errors.push(
                Error::new(
                    ErrorKind::Value,
                    format!(
                        "`{}` exists {}, but its parent `{}` existed {}",
                        unit.id,
                        describe_period(unit),
                        parent.id,
                        describe_period(parent)
                    ),
                )
                .at(at())
                .help(period_help(units, p, unit)),
            );
        }
    }
}

fn parent_help(level: Level) -> String {
    match level {
        Level::Province => "a province has no parent: remove `parent:`".to_string(),
        Level::District => "give it the id of its province, e.g. parent: son-cao".to_string(),
        Level::Commune => "give it the id of its district (before 1 July 2025) or its province".to_string(),
    }
}

/// Suggest a unit that existed for the whole period: the parent's successor or an ancestor.
fn period_help(units: &[Unit], parent: usize, unit: &Unit) -> String {
    let mut candidates: Vec<usize> = units[parent].merged_into.clone();
    let mut up = units[parent].parent;
    while let Some(a) = up.filter(|_| candidates.len() < units.len()) {
        candidates.push(a);
        up = units[a].parent;
    }
    match candidates.into_iter().find(|&c| units[c].level < unit.level && covers(&units[c], unit)) {
        Some(c) => format!(
            "give it a parent that existed for its whole period, e.g. parent: {} ({} {})",
            units[c].id, units[c].kind, units[c].name
        ),
        None => {
            "give it a parent that existed for its whole period, or fix the from:/until: dates".to_string()
        }
    }
}

/// Check `merged_into`: units of the same level that still existed after this one ended.
pub(super) fn check_mergers(units: &[Unit], yaml: &YamlPlaces<'_>, errors: &mut Errors) {
    for (i, unit) in units.iter().enumerate() {
        for &m in &unit.merged_into {
            let target = &units[m];
            let at = || yaml.locate(&["units", &i.to_string(), "merged_into"]);
            if target.level != unit.level {
                errors.push(
                    Error::new(
                        ErrorKind::Value,
                        format!(
                            "`{}` ({}) cannot be merged into `{}` ({}): a merger joins units of one level",
                            unit.id, unit.kind, target.id, target.kind
                        ),
                    )
                    .at(at())
                    .help(format!("name the {} it became part of", unit.level.name())),
                );
            } else if let (Some(end), Some(target_end)) = (unit.until, target.until)
                && target_end <= end
            {
                errors.push(
                    Error::new(
                        ErrorKind::Value,
                        format!(
                            "`{}` ended on {} but `{}`, which it was merged into, ended on {}",
                            unit.id,
                            end.dmy(),
                            target.id,
                            target_end.dmy()
                        ),
                    )
                    .at(at())
                    .help("name the unit that existed after the merger (the new one)"),
                );
            }
        }
    }
}

/// Check the units without a parent: there is at least one, and each is a province.
pub(super) fn check_roots(units: &[Unit], roots: &[usize], yaml: &YamlPlaces<'_>, errors: &mut Errors) {
    if roots.is_empty() {
        errors.push(
            Error::new(ErrorKind::Schema, "no unit is a province without a parent (every unit has a parent)")
                .at(yaml.yaml.location(1, 1))
                .help("leave out `parent:` on the province (or on each province of a national site)"),
        );
    }
    for &r in roots.iter().filter(|&&r| units[r].level != Level::Province) {
        errors.push(
            Error::new(
                ErrorKind::Schema,
                format!(
                    "`{}` ({}) has no parent; only a province may be without one",
                    units[r].id, units[r].kind
                ),
            )
            .at(yaml.locate(&["units", &r.to_string(), "id"]))
            .help(parent_help(units[r].level)),
        );
    }
}

/// The province a single-province site is about: the only parentless unit that still exists.
pub(super) fn current_root(units: &[Unit], roots: &[usize]) -> Option<usize> {
    let current: Vec<usize> = roots.iter().copied().filter(|&r| units[r].until.is_none()).collect();
    match current.as_slice() {
        [one] => Some(*one),
        [] if roots.len() == 1 => roots.first().copied(),
        _ => None,
    }
}

/// An error when `data.province` names a unit that no longer exists (a province merged on
/// 1 July 2025): headline figures are about the current one.
pub fn check_home(units: &[Unit], home: usize) -> Option<Error> {
    let unit = &units[home];
    let until = unit.until?;
    let successor = unit.merged_into.first().map(|&s| &units[s]);
    let merged = successor.map(|s| format!(", merged into `{}`", s.id)).unwrap_or_default();
    let help = match successor {
        Some(s) => format!("name the {} that exists today: province: {}", unit.level.name(), s.id),
        None => "name a unit of content/geo.yaml that exists today (without `until:`)".to_string(),
    };
    Some(
        Error::new(
            ErrorKind::Value,
            format!("`{}` no longer exists (it ended on {}{merged})", unit.id, until.dmy()),
        )
        .help(help),
    )
}

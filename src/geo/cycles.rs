//! Units that are their own ancestors (a cycle of `parent:` links in geo.yaml).

use super::Unit;
use crate::error::{Error, ErrorKind, Errors};
use crate::source::YamlPlaces;

/// Record an error for every unit on a cycle of parents.
pub(super) fn check_cycles(units: &[Unit], places: &YamlPlaces<'_>, errors: &mut Errors) {
    for i in units_on_cycles(units) {
        errors.push(
            Error::new(ErrorKind::Value, format!("unit `{}` is its own ancestor", units[i].id))
                .at(places.locate(&["units", &i.to_string(), "parent"]))
                .help("a parent must be a larger unit that contains this one"),
        );
    }
}

/// The units (in file order) that are their own ancestors, in time linear in the number of
/// units: each chain of parents is walked once, not once per unit (a chain of 100,000
/// units would take 10^10 steps; issue 8).
fn units_on_cycles(units: &[Unit]) -> Vec<usize> {
    #[derive(Clone, Copy, PartialEq)]
    enum Seen {
        No,
        OnPath,
        Done,
    }
    let mut seen = vec![Seen::No; units.len()];
    let mut on_cycle = vec![false; units.len()];
    let mut path = Vec::new();
    for start in 0..units.len() {
        let mut current = Some(start);
        while let Some(c) = current.filter(|&c| seen[c] == Seen::No) {
            seen[c] = Seen::OnPath;
            path.push(c);
            current = units[c].parent;
        }
        if let Some(c) = current.filter(|&c| seen[c] == Seen::OnPath)
            && let Some(first) = path.iter().position(|&p| p == c)
        {
            for &p in &path[first..] {
                on_cycle[p] = true;
            }
        }
        for p in path.drain(..) {
            seen[p] = Seen::Done;
        }
    }
    (0..units.len()).filter(|&i| on_cycle[i]).collect()
}

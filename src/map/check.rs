//! Geometry checks of one polygon: rings that pass twice through a point, rings that cross
//! themselves, flat rings and holes outside their polygon. Each check is linear in the
//! number of positions (the crossing test is bounded by a grid and a cap on comparisons).

use std::collections::HashMap;

use super::geojson::{Polygon, Ring};
use crate::error::{Error, ErrorKind};

/// Comparisons of segment pairs allowed per segment in the crossing test.
const PAIRS_PER_SEGMENT: usize = 64;

/// The error for a problem found in polygon `p` of a feature.
pub(super) fn ring_error(feature: &str, p: usize, why: String) -> Error {
    Error::new(ErrorKind::Value, format!("{feature}, polygon {p}: {why}"))
        .help("fix the shape in a GIS tool (e.g. QGIS “Fix geometries”) and export it again as GeoJSON")
}

/// Every problem of one polygon, in words.
pub(super) fn check_polygon(polygon: &Polygon) -> Vec<String> {
    let mut problems = Vec::new();
    for (r, ring) in polygon.iter().enumerate() {
        if let Some(why) = check_ring(ring) {
            problems.push(format!("ring {r} {why}"));
        }
    }
    if let Some(outer) = polygon.first() {
        for (r, hole) in polygon.iter().enumerate().skip(1) {
            if let Some(&first) = hole.first()
                && !contains(outer, first)
            {
                problems.push(format!("ring {r} is a hole outside the outer ring"));
            }
        }
    }
    problems
}

fn check_ring(ring: &Ring) -> Option<String> {
    let mut seen: HashMap<(u64, u64), usize> = HashMap::with_capacity(ring.len());
    for (k, &(x, y)) in ring.iter().enumerate() {
        if k > 0 && ring[k - 1] == (x, y) {
            continue;
        }
        if seen.insert((x.to_bits(), y.to_bits()), k).is_some() {
            return Some(format!("passes twice through ({x}, {y})"));
        }
    }
    if let Some((x, y)) = crossing(ring) {
        return Some(format!("crosses itself near ({x:.5}, {y:.5})"));
    }
    (area(ring).abs() < 1e-14).then(|| "encloses no area".to_string())
}

/// Twice the signed area (shoelace).
pub(super) fn area(ring: &[(f64, f64)]) -> f64 {
    let n = ring.len();
    (0..n)
        .map(|i| {
            let (a, b) = (ring[i], ring[(i + 1) % n]);
            a.0 * b.1 - b.0 * a.1
        })
        .sum()
}

/// Whether `point` is inside `ring` (even–odd rule).
pub(super) fn contains(ring: &[(f64, f64)], (x, y): (f64, f64)) -> bool {
    let n = ring.len();
    let mut inside = false;
    for i in 0..n {
        let (a, b) = (ring[i], ring[(i + n - 1) % n]);
        if (a.1 > y) != (b.1 > y) && x < (b.0 - a.0) * (y - a.1) / (b.1 - a.1) + a.0 {
            inside = !inside;
        }
    }
    inside
}

/// A point where two non-adjacent segments of the ring cross, if one is found.
fn crossing(ring: &Ring) -> Option<(f64, f64)> {
    let n = ring.len();
    let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for &(x, y) in ring {
        (x0, y0, x1, y1) = (x0.min(x), y0.min(y), x1.max(x), y1.max(y));
    }
    let cells = ((n as f64).sqrt().ceil() as usize).clamp(1, 1024);
    let size = ((x1 - x0).max(y1 - y0) / cells as f64).max(f64::MIN_POSITIVE);
    let cell = |v: f64, origin: f64| (((v - origin) / size) as usize).min(cells - 1);
    let mut grid: HashMap<(usize, usize), Vec<usize>> = HashMap::new();
    for i in 0..n {
        let (a, b) = (ring[i], ring[(i + 1) % n]);
        let (cx0, cx1) = (cell(a.0.min(b.0), x0), cell(a.0.max(b.0), x0));
        let (cy0, cy1) = (cell(a.1.min(b.1), y0), cell(a.1.max(b.1), y0));
        if (cx1 - cx0 + 1) * (cy1 - cy0 + 1) > 64 {
            continue;
        }
        for cx in cx0..=cx1 {
            for cy in cy0..=cy1 {
                grid.entry((cx, cy)).or_default().push(i);
            }
        }
    }
    let mut budget = PAIRS_PER_SEGMENT * n + 1000;
    let mut keys: Vec<_> = grid.keys().copied().collect();
    keys.sort_unstable();
    for key in keys {
        let list = &grid[&key];
        for (k, &i) in list.iter().enumerate() {
            for &j in &list[k + 1..] {
                if budget == 0 {
                    return None;
                }
                budget -= 1;
                let adjacent = j == i + 1 || i == j + 1 || (i == 0 && j == n - 1) || (j == 0 && i == n - 1);
                if !adjacent && segments_cross(ring[i], ring[(i + 1) % n], ring[j], ring[(j + 1) % n]) {
                    return Some(ring[i]);
                }
            }
        }
    }
    None
}

fn orient(a: (f64, f64), b: (f64, f64), c: (f64, f64)) -> f64 {
    (b.0 - a.0) * (c.1 - a.1) - (b.1 - a.1) * (c.0 - a.0)
}

/// Whether segments ab and cd cross at a point inside both.
fn segments_cross(a: (f64, f64), b: (f64, f64), c: (f64, f64), d: (f64, f64)) -> bool {
    let (d1, d2) = (orient(a, b, c), orient(a, b, d));
    let (d3, d4) = (orient(c, d, a), orient(c, d, b));
    d1 * d2 < 0.0 && d3 * d4 < 0.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn square() -> Ring {
        vec![(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0)]
    }

    #[test]
    fn a_square_has_no_problem() {
        assert!(check_polygon(&vec![square()]).is_empty());
    }

    #[test]
    fn a_bow_tie_crosses_itself() {
        let bow = vec![(0.0, 0.0), (1.0, 1.0), (1.0, 0.0), (0.0, 1.0)];
        assert_eq!(check_polygon(&vec![bow]), ["ring 0 crosses itself near (0.00000, 0.00000)"]);
    }

    #[test]
    fn a_hole_outside_its_polygon_is_wrong_nesting() {
        let hole: Ring = square().iter().map(|&(x, y)| (x + 5.0, y)).collect();
        assert_eq!(check_polygon(&vec![square(), hole]), ["ring 1 is a hole outside the outer ring"]);
    }

    #[test]
    fn a_ring_through_one_point_twice_is_reported() {
        let ring = vec![(0.0, 0.0), (1.0, 0.0), (0.5, 0.5), (1.0, 1.0), (0.0, 1.0), (0.5, 0.5)];
        assert_eq!(check_polygon(&vec![ring]), ["ring 0 passes twice through (0.5, 0.5)"]);
    }
}

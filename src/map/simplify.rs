//! Visvalingam–Whyatt simplification of one arc with fixed ends: the position whose
//! triangle with its neighbours is smallest goes first, until every triangle left is at
//! least `min_area`. O(n log n) with a heap; a closed arc keeps at least a triangle.

use std::cmp::{Ordering, Reverse};
use std::collections::BinaryHeap;

/// A heap entry: the effective area of a position.
#[derive(PartialEq)]
struct Entry(f64, usize);

impl Eq for Entry {}

impl PartialOrd for Entry {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Entry {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0.total_cmp(&other.0).then(self.1.cmp(&other.1))
    }
}

fn triangle(a: (f64, f64), b: (f64, f64), c: (f64, f64)) -> f64 {
    ((b.0 - a.0) * (c.1 - a.1) - (c.0 - a.0) * (b.1 - a.1)).abs() / 2.0
}

/// The positions of `points` kept when triangles under `min_area` are removed.
pub(super) fn simplify(points: &[(f64, f64)], min_area: f64) -> Vec<(f64, f64)> {
    let n = points.len();
    let closed = n > 1 && points[0] == points[n - 1];
    let floor = if closed { 4 } else { 2 };
    if n <= floor {
        return points.to_vec();
    }
    let mut prev: Vec<usize> = (0..n).map(|i| i.saturating_sub(1)).collect();
    let mut next: Vec<usize> = (0..n).map(|i| (i + 1).min(n - 1)).collect();
    let mut area = vec![f64::INFINITY; n];
    let mut heap = BinaryHeap::with_capacity(n);
    for i in 1..n - 1 {
        area[i] = triangle(points[i - 1], points[i], points[i + 1]);
        heap.push(Reverse(Entry(area[i], i)));
    }
    let mut left = n;
    let mut last = 0.0_f64;
    while let Some(Reverse(Entry(a, i))) = heap.pop() {
        if a != area[i] || !a.is_finite() {
            continue;
        }
        if a >= min_area || left <= floor {
            break;
        }
        last = last.max(a);
        area[i] = f64::NAN;
        left -= 1;
        let (p, q) = (prev[i], next[i]);
        next[p] = q;
        prev[q] = p;
        for j in [p, q] {
            if j != 0 && j != n - 1 {
                area[j] = triangle(points[prev[j]], points[j], points[next[j]]).max(last);
                heap.push(Reverse(Entry(area[j], j)));
            }
        }
    }
    let mut out = Vec::with_capacity(left);
    let mut i = 0;
    loop {
        out.push(points[i]);
        if i == n - 1 {
            break;
        }
        i = next[i];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_ends_and_drops_small_wiggles() {
        let line = [(0.0, 0.0), (1.0, 0.01), (2.0, 0.0), (3.0, 5.0), (4.0, 0.0)];
        assert_eq!(simplify(&line, 0.5), [(0.0, 0.0), (2.0, 0.0), (3.0, 5.0), (4.0, 0.0)]);
    }

    #[test]
    fn a_closed_arc_keeps_a_triangle() {
        let ring = [(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0), (0.0, 0.0)];
        assert_eq!(simplify(&ring, 100.0).len(), 4);
    }
}

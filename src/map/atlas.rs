//! The atlas of a build: boundaries turned once into shared arcs, projected, simplified arc
//! by arc and written as SVG path data per unit, ready for every map of the site.

use super::geojson::Boundaries;
use super::project::{Frame, bounds};
use super::simplify::simplify;
use super::topology::{self, STEP, Topology};

/// Width of a map's viewBox.
pub const MAP_WIDTH: u32 = 400;
/// Width of a national map's viewBox: as narrow as a provincial one, so its 16-unit text
/// stays at 12 px or more on a 360 px phone (Vietnam with its archipelagos is about square).
pub const NATIONAL_WIDTH: u32 = 400;
/// Triangles smaller than this (in viewBox units²) are simplified away.
pub const MIN_AREA: f64 = 0.6;

/// Shapes of the site's units, drawn once for all maps.
#[derive(Debug, Clone, PartialEq)]
pub struct Atlas {
    /// The projection shared by every map of the site.
    pub frame: Frame,
    /// Whether the frame is national (it then takes in Hoàng Sa and Trường Sa).
    pub national: bool,
    /// SVG path data of each unit by unit index (`None`: no shape).
    paths: Vec<Option<String>>,
    /// Simplified arcs in tenths of viewBox units (for the topology tests).
    pub arcs: Vec<Vec<(i64, i64)>>,
    /// The shared-arc topology of the shapes.
    pub topology: Topology,
    /// Unit index of each shape of the topology.
    pub units: Vec<usize>,
}

impl Atlas {
    /// The path data of a unit's shape.
    pub fn path(&self, unit: usize) -> Option<&str> {
        self.paths.get(unit).and_then(|p| p.as_deref())
    }

    /// Whether the unit has a shape.
    pub fn has_shape(&self, unit: usize) -> bool {
        self.path(unit).is_some()
    }
}

/// Build the atlas of `boundaries` for a geography of `unit_count` units.
pub fn build_atlas(boundaries: &Boundaries, unit_count: usize, national: bool) -> Option<Atlas> {
    let topology = topology::build(&boundaries.shapes);
    let degrees = |&(x, y): &(i64, i64)| (x as f64 * STEP, y as f64 * STEP);
    let b = bounds(topology.arcs.iter().flatten().map(degrees), national)?;
    let width = if national { NATIONAL_WIDTH } else { MAP_WIDTH };
    let frame = Frame::fit(b, width, width * 2);
    let arcs: Vec<Vec<(i64, i64)>> = topology
        .arcs
        .iter()
        .map(|arc| {
            let projected: Vec<(f64, f64)> = arc.iter().map(|p| frame.project(degrees(p))).collect();
            let mut out: Vec<(i64, i64)> = Vec::with_capacity(projected.len());
            for (x, y) in simplify(&projected, MIN_AREA) {
                let t = ((x * 10.0).round() as i64, (y * 10.0).round() as i64);
                if out.last() != Some(&t) {
                    out.push(t);
                }
            }
            out
        })
        .collect();
    let mut paths = vec![None; unit_count];
    let units: Vec<usize> = boundaries.shapes.iter().map(|s| s.unit).collect();
    for (shape, &unit) in topology.shapes.iter().zip(&units) {
        let d = path_data(shape, &arcs);
        if unit < unit_count && !d.is_empty() {
            paths[unit] = Some(d);
        }
    }
    Some(Atlas { frame, national, paths, arcs, topology, units })
}

/// The simplified ring of arcs, in tenths of viewBox units, without repeated positions.
pub fn ring_tenths(ring: &topology::ArcRing, arcs: &[Vec<(i64, i64)>]) -> Vec<(i64, i64)> {
    let mut out: Vec<(i64, i64)> = Vec::new();
    for &(arc, reversed) in ring {
        let chain = &arcs[arc];
        let mut push = |p: &(i64, i64)| {
            if out.last() != Some(p) {
                out.push(*p);
            }
        };
        if reversed {
            chain.iter().rev().for_each(&mut push);
        } else {
            chain.iter().for_each(&mut push);
        }
    }
    if out.len() > 1 && out.first() == out.last() {
        out.pop();
    }
    out
}

/// SVG path data: each ring as `M` and relative `l` steps in tenths (exact, so a border
/// drawn from either side lands on the same positions), closed with `z`.
fn path_data(polygons: &[Vec<topology::ArcRing>], arcs: &[Vec<(i64, i64)>]) -> String {
    let mut d = String::new();
    for ring in polygons.iter().flatten() {
        let points = ring_tenths(ring, arcs);
        if points.len() < 3 {
            continue;
        }
        d.push('M');
        push_pair(&mut d, points[0]);
        d.push('l');
        let mut first = true;
        for w in points.windows(2) {
            let step = (w[1].0 - w[0].0, w[1].1 - w[0].1);
            let text = pair(step);
            if !first && !text.starts_with('-') {
                d.push(' ');
            }
            d.push_str(&text);
            first = false;
        }
        d.push('z');
    }
    d
}

fn push_pair(d: &mut String, p: (i64, i64)) {
    d.push_str(&pair(p));
}

/// `12.3 -4` from tenths: the shortest form, the separator left out before a minus.
fn pair((x, y): (i64, i64)) -> String {
    let (a, b) = (tenths(x), tenths(y));
    if b.starts_with('-') { format!("{a}{b}") } else { format!("{a} {b}") }
}

/// A number of tenths as the shortest decimal: 123 → `12.3`, 5 → `.5`, -5 → `-.5`, 30 → `3`.
fn tenths(t: i64) -> String {
    let sign = if t < 0 { "-" } else { "" };
    let (whole, frac) = (t.abs() / 10, t.abs() % 10);
    match (whole, frac) {
        (w, 0) => format!("{sign}{w}"),
        (0, f) => format!("{sign}.{f}"),
        (w, f) => format!("{sign}{w}.{f}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tenths_are_written_in_their_shortest_form() {
        assert_eq!(
            [tenths(123), tenths(5), tenths(-5), tenths(30), tenths(0), tenths(-123)],
            ["12.3", ".5", "-.5", "3", "0", "-12.3"]
        );
        assert_eq!(pair((5, -5)), ".5-.5");
    }
}

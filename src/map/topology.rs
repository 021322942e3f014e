//! Shared arcs: the rings of all shapes cut at junctions, so each border between two
//! neighbours is stored (and later simplified) once and drawn identically on both sides.
//!
//! Positions are quantized to 10⁻⁶ degree (about 0.1 m). A junction is a position with more
//! than two distinct neighbours over all rings; between junctions every position has the same
//! two neighbours wherever it occurs, so the chain from a junction is fixed by its first
//! edge and two rings sharing a border share the very same arc. A ring without junction (an
//! island, an enclave) is one closed arc starting at its smallest position.

use std::collections::HashMap;

use super::geojson::Shape;

/// A quantized position.
pub type Point = (i64, i64);

/// Quantization step, in degrees.
pub const STEP: f64 = 1e-6;

/// A ring as a list of arcs, each used forwards or backwards.
pub type ArcRing = Vec<(usize, bool)>;

/// All arcs and, for each shape, its polygons as rings of arcs.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Topology {
    /// Arcs: chains of positions from junction to junction (a closed arc repeats its start).
    pub arcs: Vec<Vec<Point>>,
    /// For each shape (in the order given): polygons → rings → arcs.
    pub shapes: Vec<Vec<Vec<ArcRing>>>,
}

/// Quantize a longitude/latitude position.
pub fn quantize((x, y): (f64, f64)) -> Point {
    ((x / STEP).round() as i64, (y / STEP).round() as i64)
}

/// Build the shared arcs of `shapes`.
pub fn build(shapes: &[Shape]) -> Topology {
    let rings: Vec<Vec<Vec<Vec<Point>>>> = shapes
        .iter()
        .map(|s| s.polygons.iter().map(|p| p.iter().map(|r| clean(r)).collect()).collect())
        .collect();
    let mut neighbours: HashMap<Point, [Option<Point>; 3]> = HashMap::new();
    for ring in rings.iter().flatten().flatten() {
        let n = ring.len();
        for i in 0..n {
            let entry = neighbours.entry(ring[i]).or_insert([None; 3]);
            for other in [ring[(i + n - 1) % n], ring[(i + 1) % n]] {
                add_neighbour(entry, other);
            }
        }
    }
    let junction = |p: &Point| neighbours.get(p).is_some_and(|n| n[2].is_some());
    let mut topology = Topology::default();
    let mut index: HashMap<(Point, Point), usize> = HashMap::new();
    for shape in &rings {
        let polygons = shape
            .iter()
            .map(|polygon| {
                polygon.iter().map(|ring| cut(ring, &junction, &mut topology.arcs, &mut index)).collect()
            })
            .collect();
        topology.shapes.push(polygons);
    }
    topology
}

fn add_neighbour(slots: &mut [Option<Point>; 3], p: Point) {
    for slot in slots.iter_mut() {
        match slot {
            Some(q) if *q == p => return,
            Some(_) => {}
            None => {
                *slot = Some(p);
                return;
            }
        }
    }
}

/// Quantized ring without repeated consecutive positions.
fn clean(ring: &[(f64, f64)]) -> Vec<Point> {
    let mut out: Vec<Point> = Vec::with_capacity(ring.len());
    for &p in ring {
        let q = quantize(p);
        if out.last() != Some(&q) {
            out.push(q);
        }
    }
    while out.len() > 1 && out.first() == out.last() {
        out.pop();
    }
    out
}

/// Cut a ring at its junctions into arcs, reusing arcs already met.
fn cut(
    ring: &[Point],
    junction: &impl Fn(&Point) -> bool,
    arcs: &mut Vec<Vec<Point>>,
    index: &mut HashMap<(Point, Point), usize>,
) -> ArcRing {
    let n = ring.len();
    if n < 3 {
        return Vec::new();
    }
    let Some(start) = (0..n).find(|&i| junction(&ring[i])) else {
        return vec![closed_arc(ring, arcs, index)];
    };
    let mut out = Vec::new();
    let mut chain = vec![ring[start]];
    for k in 1..=n {
        let p = ring[(start + k) % n];
        chain.push(p);
        if junction(&p) || k == n {
            out.push(intern(std::mem::replace(&mut chain, vec![p]), arcs, index));
        }
    }
    out
}

/// A ring without junction as one closed arc, from its smallest position, in the direction
/// of its smaller neighbour (so the ring and its twin, e.g. an enclave's hole, agree).
fn closed_arc(
    ring: &[Point],
    arcs: &mut Vec<Vec<Point>>,
    index: &mut HashMap<(Point, Point), usize>,
) -> (usize, bool) {
    let n = ring.len();
    let (m, _) = ring.iter().enumerate().min_by_key(|(_, p)| **p).unwrap_or((0, &ring[0]));
    let mut chain: Vec<Point> = (0..=n).map(|k| ring[(m + k) % n]).collect();
    let reversed = chain[n - 1] < chain[1];
    if reversed {
        chain.reverse();
    }
    let key = (chain[0], chain[1]);
    let arc = *index.entry(key).or_insert_with(|| {
        arcs.push(chain);
        arcs.len() - 1
    });
    (arc, reversed)
}

/// The arc of a chain between junctions, in a direction fixed by its ends.
fn intern(
    mut chain: Vec<Point>,
    arcs: &mut Vec<Vec<Point>>,
    index: &mut HashMap<(Point, Point), usize>,
) -> (usize, bool) {
    let last = chain.len() - 1;
    let reversed = (chain[last], chain[last - 1]) < (chain[0], chain[1]);
    if reversed {
        chain.reverse();
    }
    let key = (chain[0], chain[1]);
    let arc = *index.entry(key).or_insert_with(|| {
        arcs.push(chain);
        arcs.len() - 1
    });
    (arc, reversed)
}

/// The positions of a ring of arcs, in order, without the closing repeat.
pub fn ring_points<'a>(ring: &ArcRing, arcs: &'a [Vec<Point>]) -> Vec<&'a Point> {
    let mut out = Vec::new();
    for &(arc, reversed) in ring {
        let chain = &arcs[arc];
        let points: Box<dyn Iterator<Item = &Point>> =
            if reversed { Box::new(chain.iter().rev()) } else { Box::new(chain.iter()) };
        out.extend(points.skip(1));
    }
    out
}

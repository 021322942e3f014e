//! Placing labels that want the same spot: end-of-line values are pushed apart, in order.

/// Move label centres apart so that neighbours are at least `gap` apart, keeping them within
/// `lo..=hi` while there is room; returns positions in the order of `wanted`.
///
/// Labels keep their order along the axis, so a label never swaps places with its neighbour.
pub(crate) fn spread_labels(wanted: &[f64], gap: f64, (lo, hi): (f64, f64)) -> Vec<f64> {
    let mut order: Vec<usize> = (0..wanted.len()).collect();
    order.sort_by(|&a, &b| wanted[a].total_cmp(&wanted[b]).then(a.cmp(&b)));
    let mut placed: Vec<f64> = Vec::with_capacity(wanted.len());
    for &i in &order {
        let floor = placed.last().map_or(lo, |prev| prev + gap);
        placed.push(wanted[i].max(floor));
    }
    let mut ceiling = hi;
    for position in placed.iter_mut().rev() {
        *position = position.min(ceiling);
        ceiling = *position - gap;
    }
    let mut out = vec![0.0; wanted.len()];
    for (&i, &position) in order.iter().zip(&placed) {
        out[i] = position;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_far_apart_stay_where_they_are() {
        assert_eq!(spread_labels(&[50.0, 10.0], 20.0, (0.0, 100.0)), [50.0, 10.0]);
    }

    #[test]
    fn close_labels_are_pushed_apart_in_order() {
        assert_eq!(spread_labels(&[50.0, 45.0], 20.0, (0.0, 100.0)), [65.0, 45.0]);
    }

    #[test]
    fn labels_at_the_bottom_edge_move_up() {
        assert_eq!(spread_labels(&[100.0, 99.0, 98.0], 20.0, (0.0, 100.0)), [100.0, 80.0, 60.0]);
    }

    #[test]
    fn gaps_hold_for_many_labels() {
        let placed = spread_labels(&[5.0; 6], 20.0, (0.0, 200.0));
        let mut sorted = placed.clone();
        sorted.sort_by(f64::total_cmp);
        assert!(sorted.windows(2).all(|w| w[1] - w[0] >= 20.0 - 1e-9));
        assert!(sorted.iter().all(|p| (0.0..=200.0).contains(p)));
    }
}

//! Sparklines for cards: the shape of a series in a small box, no axes, last point marked.

use super::canvas::{Area, Drawn, draw_chart, draw_line, fill_circle};
use super::meta::{ChartMeta, no_data};
use super::scale::extent;
use super::style::{BLUE, PAPER, VERMILLION};
use super::svg::Svg;
use crate::error::Error;

/// A tiny line of one series, e.g. on a key-figure card.
#[derive(Debug, Clone, PartialEq)]
pub struct Sparkline {
    /// Identity and accessible text (the `desc` should state the values the line shows).
    pub meta: ChartMeta,
    /// (year, value) pairs in any order; non-finite values are left out.
    pub points: Vec<(i32, f64)>,
    /// Mark the last point larger and in the highlight colour.
    pub highlight_last: bool,
}

/// The viewBox: a 10:3 box that fits a card; lines stay crisp at 4 units a pixel or less.
const SIZE: (u32, u32) = (240, 72);
/// Room around the line for the last point's mark.
const INSET: f64 = 9.0;

/// Draw a sparkline.
///
/// # Errors
/// A `Chart` error naming the chart when there is no finite point (leave the sparkline out),
/// or when the id cannot prefix element ids.
pub fn render_sparkline(spark: &Sparkline) -> Result<Svg, Error> {
    let mut points: Vec<(i32, f64)> = spark.points.iter().copied().filter(|(_, v)| v.is_finite()).collect();
    points.sort_by_key(|&(year, _)| year);
    if points.is_empty() {
        return Err(no_data(&spark.meta));
    }
    let placed = place_points(&points);
    draw_chart(&spark.meta, SIZE, |area| draw_sparkline(area, &placed, spark.highlight_last))
}

/// Positions in the viewBox: years across, values up; a flat series runs through the middle.
fn place_points(points: &[(i32, f64)]) -> Vec<(f64, f64)> {
    let (width, height) = (f64::from(SIZE.0), f64::from(SIZE.1));
    let first = points.first().map_or(0, |p| p.0);
    let last = points.last().map_or(0, |p| p.0);
    let (lo, hi) = extent(points.iter().map(|p| p.1)).unwrap_or((0.0, 0.0));
    let across = |year: i32| {
        if first == last {
            width / 2.0
        } else {
            INSET + f64::from(year - first) / f64::from(last - first) * (width - 2.0 * INSET)
        }
    };
    let up = |value: f64| {
        if hi > lo {
            height - INSET - (value - lo) / (hi - lo) * (height - 2.0 * INSET)
        } else {
            height / 2.0
        }
    };
    points.iter().map(|&(year, value)| (across(year), up(value))).collect()
}

fn draw_sparkline(area: &Area<'_>, placed: &[(f64, f64)], highlight_last: bool) -> Drawn {
    if placed.len() > 1 {
        draw_line(area, placed, BLUE, 3)?;
    }
    let Some(&last) = placed.last() else { return Ok(()) };
    if highlight_last {
        fill_circle(area, last, 8.0, PAPER)?;
        fill_circle(area, last, 6.0, VERMILLION)
    } else {
        fill_circle(area, last, 4.0, BLUE)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_span_the_box_with_the_lowest_value_at_the_bottom() {
        let placed = place_points(&[(2019, 25.0), (2025, 10.0)]);
        assert_eq!(placed, [(INSET, INSET), (240.0 - INSET, 72.0 - INSET)]);
    }

    #[test]
    fn a_single_point_sits_in_the_centre() {
        assert_eq!(place_points(&[(2024, 3.0)]), [(120.0, 36.0)]);
    }
}

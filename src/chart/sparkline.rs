//! Sparklines for cards: the shape of a series in a small box, no axes, last point marked.

use std::fmt::Write as _;

use plotters::style::RGBColor;

use super::meta::{ChartMeta, check_meta, no_data};
use super::scale::extent;
use super::style::{BLUE, PAPER, VERMILLION};
use super::svg::{Svg, write_document};
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
    check_meta(&spark.meta)?;
    let placed = place_points(&points);
    Ok(write_document(&spark.meta, SIZE, &sparkline_body(&placed, spark.highlight_last)))
}

/// The body plotters and `chart::tidy` would write, written directly (issue 9, item 8): a
/// national site draws 700,000 sparklines, and going through plotters cost a third of the
/// build. `the_direct_body_is_what_plotters_draws` keeps the two byte-identical.
fn sparkline_body(placed: &[(f64, f64)], highlight_last: bool) -> String {
    let px = |(x, y): (f64, f64)| (x.round() as i32, y.round() as i32);
    let mut out = String::with_capacity(300 + 8 * placed.len());
    // writing into a String cannot fail
    let _ = write!(out, "<rect x=\"0\" y=\"0\" width=\"{}\" height=\"{}\" fill=\"", SIZE.0, SIZE.1);
    push_hex(&mut out, PAPER);
    out.push_str("\"/>\n");
    if placed.len() > 1 {
        out.push_str("<polyline fill=\"none\" stroke=\"");
        push_hex(&mut out, BLUE);
        out.push_str("\" stroke-width=\"3\" points=\"");
        for (i, &p) in placed.iter().enumerate() {
            let (x, y) = px(p);
            let _ = write!(out, "{}{x},{y}", if i == 0 { "" } else { " " });
        }
        out.push_str("\" stroke-linejoin=\"round\" stroke-linecap=\"round\"/>\n");
    }
    let Some(&last) = placed.last() else { return out };
    let (x, y) = px(last);
    let marks: &[(u32, RGBColor)] =
        if highlight_last { &[(8, PAPER), (6, VERMILLION)] } else { &[(4, BLUE)] };
    for &(r, colour) in marks {
        let _ = write!(out, "<circle cx=\"{x}\" cy=\"{y}\" r=\"{r}\" fill=\"");
        push_hex(&mut out, colour);
        out.push_str("\"/>\n");
    }
    out
}

/// `#0072B2`, as plotters writes a colour.
fn push_hex(out: &mut String, c: RGBColor) {
    let _ = write!(out, "#{:02X}{:02X}{:02X}", c.0, c.1, c.2);
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

/// The plotters drawing the direct body must match.
#[cfg(test)]
fn draw_sparkline(
    area: &super::canvas::Area<'_>,
    placed: &[(f64, f64)],
    highlight_last: bool,
) -> super::canvas::Drawn {
    use super::canvas::{draw_line, fill_circle};
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
    fn the_direct_body_is_what_plotters_draws() {
        use super::super::canvas::draw_chart;
        let meta = crate::chart::samples::poor_households_sparkline().meta;
        let mut seed = 7u64;
        for n in 0..40 {
            let flat = n % 5 == 0;
            let points: Vec<(i32, f64)> = (0..(n % 12 + 1))
                .map(|i| {
                    seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                    (2010 + i, if flat { 4.5 } else { ((seed >> 33) % 10_000) as f64 / 100.0 - 20.0 })
                })
                .collect();
            for highlight in [true, false] {
                let placed = place_points(&points);
                let direct = write_document(&meta, SIZE, &sparkline_body(&placed, highlight));
                let drawn = draw_chart(&meta, SIZE, |area| draw_sparkline(area, &placed, highlight)).unwrap();
                assert_eq!(direct.as_str(), drawn.as_str(), "{points:?}");
            }
        }
    }

    #[test]
    fn a_single_point_sits_in_the_centre() {
        assert_eq!(place_points(&[(2024, 3.0)]), [(120.0, 36.0)]);
    }
}

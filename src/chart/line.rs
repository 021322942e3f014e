//! Line charts: yearly series with markers, an optional dashed target path and baseline rule.
//!
//! Every series has its own colour *and* marker shape; the latest value of each series (and
//! the target's final value) is written at the right end with a leader line, so no reader
//! has to match colours to read the chart.

use plotters::style::RGBColor;

use super::axis::{PAD, Plot, ValueAxis, draw_value_axis};
use super::canvas::{Align, Area, Drawn, Ink, draw_chart, draw_dashed, draw_line, draw_text};
use super::labels::spread_labels;
use super::legend::{Legend, LegendEntry, Swatch, draw_legend, layout_legend};
use super::marker::{MARKER_RADIUS, MARKERS, Marker, draw_marker};
use super::meta::{ChartMeta, NumberStyle, Word, chart_error, no_data, word};
use super::scale::{Scale, extent, include_zero_if_near, nice_scale};
use super::style::{CHART_WIDTH, FONT_SIZE, INK, LINE_HEIGHT, MUTED_TEXT, RULE, SERIES_COLOURS, text_width};
use super::svg::Svg;
use super::years::{YearAxis, draw_year_axis};
use crate::error::Error;

/// A time-series chart of one or more series against the years.
#[derive(Debug, Clone, PartialEq)]
pub struct LineChart {
    /// Identity and accessible text.
    pub meta: ChartMeta,
    /// How values are written.
    pub number: NumberStyle,
    /// Up to six series; the first is drawn on top.
    pub series: Vec<LineSeries>,
    /// A path from the baseline value to the target value, drawn dashed.
    pub target: Option<TargetLine>,
    /// Marked with a vertical rule and the word "baseline" under its year.
    pub baseline_year: Option<i32>,
    /// Fixed value range (e.g. 0–100 for percent), widened if data fall outside it;
    /// otherwise a nice range around the data and the target.
    pub y_range: Option<(f64, f64)>,
}

/// One series of a line chart.
#[derive(Debug, Clone, PartialEq)]
pub struct LineSeries {
    /// Name shown in the legend, e.g. `Sơn Cao`.
    pub label: String,
    /// (year, value) pairs in any order; non-finite values are left out.
    pub points: Vec<(i32, f64)>,
}

/// A target path, e.g. from the 2021 baseline value to the 2025 target value.
#[derive(Debug, Clone, PartialEq)]
pub struct TargetLine {
    /// Name shown in the legend, e.g. `Mục tiêu Nghị quyết 25/2021`.
    pub label: String,
    /// (year, value) pairs; non-finite values are left out.
    pub points: Vec<(i32, f64)>,
}

/// The most series a reader can tell apart by colour and marker.
const MAX_SERIES: usize = 6;
/// Height of the plot area, in viewBox units.
const PLOT_HEIGHT: f64 = 220.0;
/// Most grid intervals on the value axis.
const MAX_INTERVALS: usize = 6;
/// Room between a line's end and its value label.
const LEADER: f64 = 14.0;

/// Draw a line chart.
///
/// # Errors
/// A `Chart` error naming the chart when no series has a finite value (leave such a chart
/// out), when there are more than six series, when `y_range` is empty or not finite, or when
/// the id cannot prefix element ids.
pub fn render_line_chart(chart: &LineChart) -> Result<Svg, Error> {
    let lines = clean_lines(chart)?;
    let layout = layout_line_chart(chart, &lines)?;
    draw_chart(&chart.meta, layout.size, |area| draw_line_chart(area, chart, &lines, &layout))
}

/// The colour of the `i`-th series (at most six are drawn, see [`MAX_SERIES`]).
fn series_colour(i: usize) -> RGBColor {
    SERIES_COLOURS[i % SERIES_COLOURS.len()]
}

/// The marker of the `i`-th series.
fn series_marker(i: usize) -> Marker {
    MARKERS[i % MARKERS.len()]
}

/// Series and target with non-finite values removed and points sorted by year.
struct Lines {
    series: Vec<(usize, Vec<(i32, f64)>)>,
    target: Option<Vec<(i32, f64)>>,
}

fn clean_points(points: &[(i32, f64)]) -> Vec<(i32, f64)> {
    let mut clean: Vec<_> = points.iter().copied().filter(|(_, v)| v.is_finite()).collect();
    clean.sort_by_key(|&(year, _)| year);
    clean
}

fn clean_lines(chart: &LineChart) -> Result<Lines, Error> {
    if chart.series.len() > MAX_SERIES {
        let message = format!("has {} series; at most {MAX_SERIES} can be told apart", chart.series.len());
        return Err(chart_error(&chart.meta, message, "split the chart or leave some series out"));
    }
    let series: Vec<_> = chart
        .series
        .iter()
        .enumerate()
        .map(|(i, s)| (i, clean_points(&s.points)))
        .filter(|(_, points)| !points.is_empty())
        .collect();
    if series.is_empty() {
        return Err(no_data(&chart.meta));
    }
    let target = chart.target.as_ref().map(|t| clean_points(&t.points)).filter(|p| !p.is_empty());
    Ok(Lines { series, target })
}

struct Layout {
    size: (u32, u32),
    plot: Plot,
    legend: Legend,
    values: ValueAxis,
    years: YearAxis,
}

fn layout_line_chart(chart: &LineChart, lines: &Lines) -> Result<Layout, Error> {
    let width = f64::from(CHART_WIDTH);
    let values = ValueAxis::new(value_scale(chart, lines)?, &chart.number, chart.meta.lang);
    let legend = layout_legend(legend_entries(chart, lines), width - 2.0 * PAD);
    let legend_room = if legend.height > 0.0 { legend.height + 10.0 } else { 0.0 };
    let top = PAD + legend_room + values.head_room() + 4.0;
    let labels = end_labels(chart, lines);
    let label_width = labels.iter().map(|(_, text, _)| text_width(text, FONT_SIZE)).fold(0.0, f64::max);
    let (first, last) = year_extent(chart, lines);
    let right_room = (LEADER + label_width).max(text_width("2000", FONT_SIZE) / 2.0);
    let left = PAD + values.width();
    let right = (width - PAD - right_room).max(left + 1.0);
    let plot = Plot { left, top, right, bottom: top + PLOT_HEIGHT };
    let years = YearAxis::new((first, last), plot.right - plot.left, chart.baseline_year);
    let height = plot.bottom + years.height() + PAD;
    Ok(Layout { size: (CHART_WIDTH, height.ceil() as u32), plot, legend, values, years })
}

fn nice_scale_from((lo, hi): (f64, f64)) -> Scale {
    nice_scale(lo, hi, MAX_INTERVALS)
}

fn value_scale(chart: &LineChart, lines: &Lines) -> Result<Scale, Error> {
    let points = lines.series.iter().flat_map(|(_, p)| p.iter()).chain(lines.target.iter().flatten());
    let (lo, hi) = extent(points.map(|&(_, v)| v)).ok_or_else(|| no_data(&chart.meta))?;
    let Some((min, max)) = chart.y_range else {
        return Ok(nice_scale_from(include_zero_if_near((lo, hi))));
    };
    if !(min.is_finite() && max.is_finite() && min < max) {
        let message = format!("y_range {min}..{max} is not a range");
        return Err(chart_error(
            &chart.meta,
            message,
            "give y_range as (low, high) with low < high, e.g. (0, 100)",
        ));
    }
    let (min, max) = (min.min(lo), max.max(hi));
    let nice = nice_scale_from((min, max));
    let ticks: Vec<f64> = nice.ticks.iter().copied().filter(|t| (min..=max).contains(t)).collect();
    Ok(Scale { min, max, ticks, decimals: nice.decimals })
}

fn year_extent(chart: &LineChart, lines: &Lines) -> (i32, i32) {
    let years = lines.series.iter().flat_map(|(_, p)| p.iter().map(|&(year, _)| year));
    let years = years.chain(lines.target.iter().flat_map(|p| p.iter().map(|&(year, _)| year)));
    let years: Vec<i32> = years.chain(chart.baseline_year).collect();
    let first = years.iter().copied().min().unwrap_or_default();
    (first, years.iter().copied().max().unwrap_or(first))
}

fn legend_entries(chart: &LineChart, lines: &Lines) -> Vec<LegendEntry> {
    if lines.series.len() < 2 && lines.target.is_none() {
        return Vec::new();
    }
    let mut entries: Vec<LegendEntry> = lines
        .series
        .iter()
        .map(|&(i, _)| LegendEntry {
            label: chart.series[i].label.clone(),
            swatch: Swatch::Line(series_colour(i), series_marker(i)),
        })
        .collect();
    if let (Some(target), Some(_)) = (&chart.target, &lines.target) {
        let label =
            if target.label.trim().is_empty() { word(Word::Target, chart.meta.lang) } else { &target.label };
        entries.push(LegendEntry { label: label.to_string(), swatch: Swatch::Dashed(INK) });
    }
    entries
}

/// (last point, value text, is the target) for each series and the target.
fn end_labels(chart: &LineChart, lines: &Lines) -> Vec<((i32, f64), String, bool)> {
    let ends = lines.series.iter().filter_map(|(_, p)| p.last().map(|&end| (end, false)));
    let ends = ends.chain(lines.target.iter().filter_map(|p| p.last().map(|&end| (end, true))));
    ends.map(|(end, is_target)| (end, chart.number.value_on_axis(end.1, chart.meta.lang), is_target))
        .collect()
}

fn draw_line_chart(area: &Area<'_>, chart: &LineChart, lines: &Lines, layout: &Layout) -> Drawn {
    let plot = &layout.plot;
    draw_legend(area, &layout.legend, (PAD, PAD))?;
    draw_value_axis(area, plot, &layout.values)?;
    draw_year_axis(area, plot, &layout.years, chart.meta.lang)?;
    if let Some(year) = chart.baseline_year {
        let x = layout.years.x(plot, year);
        draw_line(area, &[(x, plot.top), (x, plot.bottom)], RULE, 1)?;
    }
    let to_px =
        |&(year, value): &(i32, f64)| (layout.years.x(plot, year), plot.y(&layout.values.scale, value));
    if let Some(target) = &lines.target {
        let points: Vec<_> = target.iter().map(to_px).collect();
        draw_dashed(area, &points, INK, 2, (7, 4))?;
    }
    for (i, points) in lines.series.iter().rev() {
        let points: Vec<_> = points.iter().map(to_px).collect();
        draw_line(area, &points, series_colour(*i), 3)?;
        for &point in &points {
            draw_marker(area, series_marker(*i), point, series_colour(*i))?;
        }
    }
    let labels = end_labels(chart, lines);
    let ends: Vec<_> = labels.iter().map(|(end, _, _)| to_px(end)).collect();
    let wanted: Vec<f64> = ends.iter().map(|&(_, y)| y).collect();
    let placed = spread_labels(&wanted, LINE_HEIGHT, (plot.top, plot.bottom));
    for (((_, text, is_target), &(x, y)), &label_y) in labels.iter().zip(&ends).zip(&placed) {
        let label_x = plot.right + LEADER;
        let colour = if *is_target { INK } else { MUTED_TEXT };
        draw_line(area, &[(x + MARKER_RADIUS + 3.0, y), (label_x - 4.0, label_y)], colour, 1)?;
        draw_text(area, text, (label_x, label_y), Align::Start, Ink { colour: INK, bold: !is_target })?;
    }
    Ok(())
}

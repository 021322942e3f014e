//! Grouped bars: a disaggregation (e.g. age groups) by series (e.g. years) against each
//! group's target.
//!
//! Groups are rows of horizontal bars so long group names and value labels fit on a phone.
//! A group's target is a thick vertical mark across its bars and is also written in words
//! under the group's name, so the chart reads without telling colours apart.

use plotters::style::RGBColor;

use super::axis::PAD;
use super::canvas::{Align, Area, Drawn, Ink, draw_chart, draw_line, draw_text, fill_rect};
use super::legend::{Legend, LegendEntry, Swatch, draw_legend, layout_legend};
use super::meta::{ChartMeta, NumberStyle, Word, chart_error, no_data, word};
use super::rows::{LabelColumn, VALUE_GAP, ValueSpan, bar_area, draw_label, draw_value_label, layout_labels};
use super::scale::extent;
use super::style::{
    BAR_SERIES_COLOURS, CHART_WIDTH, FONT_SIZE, INK, LINE_HEIGHT, MUTED_TEXT, RULE, text_width,
};
use super::svg::Svg;
use crate::error::Error;

/// Groups of bars, one bar per series in each group, with an optional target per group.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupedBarChart {
    /// Identity and accessible text.
    pub meta: ChartMeta,
    /// How values are written.
    pub number: NumberStyle,
    /// Groups from top to bottom.
    pub groups: Vec<BarGroup>,
    /// Names of the series (e.g. `2024`, `2025`); 1 to 6, one per value of each group.
    pub series_labels: Vec<String>,
}

/// One group, e.g. an age group.
#[derive(Debug, Clone, PartialEq)]
pub struct BarGroup {
    /// The group's name, e.g. `3–5 tuổi`.
    pub label: String,
    /// One value per series; `None` (or a non-finite value) is written as `–`.
    pub values: Vec<Option<f64>>,
    /// The group's target, drawn as a marker across its bars.
    pub target: Option<f64>,
}

const BAR_HEIGHT: f64 = 18.0;
const BAR_GAP: f64 = 3.0;
const GROUP_GAP: f64 = 16.0;
/// Written for a missing value, as in statistical tables.
const MISSING: &str = "–";

/// Draw grouped bars.
///
/// # Errors
/// A `Chart` error naming the chart when there are no series or more than six, when a group
/// has a different number of values than there are series, when no value is finite (leave
/// such a chart out), or when the id cannot prefix element ids.
pub fn render_grouped_bar_chart(chart: &GroupedBarChart) -> Result<Svg, Error> {
    check_grouped(chart)?;
    let layout = layout_grouped(chart);
    draw_chart(&chart.meta, layout.size, |area| draw_grouped(area, chart, &layout))
}

fn finite(value: Option<f64>) -> Option<f64> {
    value.filter(|v| v.is_finite())
}

fn check_grouped(chart: &GroupedBarChart) -> Result<(), Error> {
    let series = chart.series_labels.len();
    if !(1..=BAR_SERIES_COLOURS.len()).contains(&series) {
        let message = format!("has {series} series; give 1 to {}", BAR_SERIES_COLOURS.len());
        return Err(chart_error(
            &chart.meta,
            message,
            "name each series in series_labels, e.g. [\"2024\", \"2025\"]",
        ));
    }
    if let Some(group) = chart.groups.iter().find(|g| g.values.len() != series) {
        let message =
            format!("group `{}` has {} values for {series} series", group.label, group.values.len());
        return Err(chart_error(&chart.meta, message, "give one value per series, None where it is missing"));
    }
    if !chart.groups.iter().flat_map(|g| &g.values).any(|v| finite(*v).is_some()) {
        return Err(no_data(&chart.meta));
    }
    Ok(())
}

struct Layout {
    size: (u32, u32),
    legend: Legend,
    labels: LabelColumn,
    /// "Target: 98,6 %" under each group's name, when it has a target.
    targets: Vec<Option<String>>,
    span: ValueSpan,
    /// Top of each group's first bar.
    groups: Vec<f64>,
    top: f64,
    bottom: f64,
}

fn layout_grouped(chart: &GroupedBarChart) -> Layout {
    let (lang, series) = (chart.meta.lang, chart.series_labels.len());
    let legend = layout_legend(legend_entries(chart), f64::from(CHART_WIDTH) - 2.0 * PAD);
    let targets: Vec<Option<String>> = chart
        .groups
        .iter()
        .map(|g| {
            finite(g.target).map(|t| format!("{}: {}", word(Word::Target, lang), chart.number.value(t, lang)))
        })
        .collect();
    let mut labels = layout_labels(chart.groups.iter().map(|g| g.label.as_str()));
    let target_width = targets.iter().flatten().map(|t| text_width(t, FONT_SIZE)).fold(0.0, f64::max);
    labels.width = labels.width.max(target_width);
    let values = chart.groups.iter().flat_map(|g| g.values.iter().copied().filter_map(finite));
    let values: Vec<f64> = values.chain(chart.groups.iter().filter_map(|g| finite(g.target))).collect();
    let (lo, hi) = extent(values.iter().copied()).unwrap_or((0.0, 1.0));
    let label_width =
        values.iter().map(|&v| text_width(&chart.number.value(v, lang), FONT_SIZE)).fold(0.0, f64::max);
    // a value label may start after its group's target mark instead of its bar's end
    let span = ValueSpan::new((lo, hi), bar_area(labels.width, label_width + 4.0, lo < 0.0));
    let block = block_height(series);
    let top = PAD + legend.height + GROUP_GAP;
    let mut groups = Vec::with_capacity(chart.groups.len());
    let mut y = top;
    for (lines, target) in labels.lines.iter().zip(&targets) {
        let text_lines = lines.len() + usize::from(target.is_some());
        let row = block.max(text_lines as f64 * LINE_HEIGHT);
        groups.push(y + (row - block) / 2.0);
        y += row + GROUP_GAP;
    }
    let bottom = y - GROUP_GAP / 2.0;
    Layout {
        size: (CHART_WIDTH, (bottom + PAD).ceil() as u32),
        legend,
        labels,
        targets,
        span,
        groups,
        top,
        bottom,
    }
}

fn legend_entries(chart: &GroupedBarChart) -> Vec<LegendEntry> {
    let series = chart.series_labels.iter().zip(BAR_SERIES_COLOURS);
    let mut entries: Vec<LegendEntry> = series
        .map(|(label, colour)| LegendEntry { label: label.clone(), swatch: Swatch::Block(colour) })
        .collect();
    if chart.groups.iter().any(|g| finite(g.target).is_some()) {
        entries.push(LegendEntry {
            label: word(Word::Target, chart.meta.lang).into(),
            swatch: Swatch::Tick(INK),
        });
    }
    entries
}

fn draw_grouped(area: &Area<'_>, chart: &GroupedBarChart, layout: &Layout) -> Drawn {
    draw_legend(area, &layout.legend, (PAD, PAD))?;
    let zero = layout.span.x(0.0);
    draw_line(area, &[(zero, layout.top - GROUP_GAP / 2.0), (zero, layout.bottom)], RULE, 1)?;
    let rows = layout.groups.iter().zip(&layout.labels.lines).zip(&layout.targets);
    for (group, ((&top, lines), target)) in chart.groups.iter().zip(rows) {
        draw_group_bars(area, chart, &layout.span, top, group)?;
        let right = PAD + layout.labels.width;
        let centre = top + block_height(group.values.len()) / 2.0;
        match target {
            Some(target) => {
                draw_label(area, lines, (right, centre - LINE_HEIGHT / 2.0), false)?;
                let below = centre + lines.len() as f64 * LINE_HEIGHT / 2.0;
                draw_text(area, target, (right, below), Align::End, Ink { colour: MUTED_TEXT, bold: false })?;
            }
            None => draw_label(area, lines, (right, centre), false)?,
        }
    }
    Ok(())
}

/// Height of a group's bars, gaps included.
fn block_height(series: usize) -> f64 {
    series as f64 * (BAR_HEIGHT + BAR_GAP) - BAR_GAP
}

/// The colour of the `j`-th series (at most six, see `check_grouped`).
fn bar_colour(j: usize) -> RGBColor {
    BAR_SERIES_COLOURS[j % BAR_SERIES_COLOURS.len()]
}

fn draw_group_bars(
    area: &Area<'_>,
    chart: &GroupedBarChart,
    span: &ValueSpan,
    top: f64,
    group: &BarGroup,
) -> Drawn {
    let target_x = finite(group.target).map(|t| span.x(t));
    let zero = span.x(0.0);
    for (j, value) in group.values.iter().enumerate() {
        let y = top + j as f64 * (BAR_HEIGHT + BAR_GAP) + BAR_HEIGHT / 2.0;
        let Some(value) = finite(*value) else {
            draw_value_label(area, MISSING, (zero, y), 0.0, false)?;
            continue;
        };
        let end = span.x(value);
        fill_rect(
            area,
            (zero.min(end), y - BAR_HEIGHT / 2.0),
            (zero.max(end), y + BAR_HEIGHT / 2.0),
            bar_colour(j),
        )?;
        let text = chart.number.value(value, chart.meta.lang);
        let label_end = end + VALUE_GAP + text_width(&text, FONT_SIZE);
        // move the label past the target mark rather than write over it
        let end = match target_x {
            Some(x) if value >= 0.0 && x >= end - 2.0 && x <= label_end + 2.0 => x + 3.0,
            _ => end,
        };
        draw_value_label(area, &text, (end, y), value, false)?;
    }
    if let Some(x) = target_x {
        draw_line(area, &[(x, top - 5.0), (x, top + block_height(group.values.len()) + 5.0)], INK, 3)?;
    }
    Ok(())
}

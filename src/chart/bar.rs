//! Ranking bars: one horizontal bar per unit (e.g. the ten poorest communes), value at its end.
//!
//! Highlighted bars differ by colour *and* by bold label and value. An optional reference
//! (e.g. the province value) is a dashed vertical line labelled in words.

use super::axis::PAD;
use super::canvas::{Align, Area, Drawn, Ink, draw_chart, draw_dashed, draw_line, draw_text, fill_rect};
use super::meta::{ChartMeta, NumberStyle, no_data};
use super::rows::{LABEL_GAP, LabelColumn, ValueSpan, bar_area, draw_label, draw_value_label, layout_labels};
use super::scale::extent;
use super::style::{BLUE, CHART_WIDTH, FONT_SIZE, INK, LINE_HEIGHT, RULE, VERMILLION, text_width};
use super::svg::Svg;
use crate::error::Error;

/// A ranking of units by value, drawn as horizontal bars in the given order.
#[derive(Debug, Clone, PartialEq)]
pub struct BarChart {
    /// Identity and accessible text.
    pub meta: ChartMeta,
    /// How values are written.
    pub number: NumberStyle,
    /// Bars from top to bottom; bars with a non-finite value are left out.
    pub bars: Vec<Bar>,
    /// A labelled vertical reference line, e.g. (`Toàn tỉnh`, 14.92).
    pub reference: Option<(String, f64)>,
}

/// One bar of a ranking.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// The unit's name, e.g. `Xã Tà Lùng`; long names wrap.
    pub label: String,
    /// Its value.
    pub value: f64,
    /// Drawn in the highlight colour with a bold label (e.g. the unit the page is about).
    pub highlight: bool,
}

/// Thickness of a bar.
const BAR_HEIGHT: f64 = 20.0;
/// Space between bars of one-line labels.
const ROW_GAP: f64 = 10.0;

/// Draw a ranking.
///
/// # Errors
/// A `Chart` error naming the chart when no bar has a finite value (leave such a chart out),
/// or when the id cannot prefix element ids.
pub fn render_bar_chart(chart: &BarChart) -> Result<Svg, Error> {
    let bars: Vec<&Bar> = chart.bars.iter().filter(|b| b.value.is_finite()).collect();
    if bars.is_empty() {
        return Err(no_data(&chart.meta));
    }
    let layout = layout_bar_chart(chart, &bars);
    draw_chart(&chart.meta, layout.size, |area| draw_bar_chart(area, chart, &bars, &layout))
}

struct Layout {
    size: (u32, u32),
    labels: LabelColumn,
    values: Vec<String>,
    span: ValueSpan,
    /// Vertical centre of each bar.
    rows: Vec<f64>,
    /// Top and bottom of the bar area.
    top: f64,
    bottom: f64,
}

fn layout_bar_chart(chart: &BarChart, bars: &[&Bar]) -> Layout {
    let lang = chart.meta.lang;
    let labels = layout_labels(bars.iter().map(|b| b.label.as_str()));
    let values: Vec<String> = bars.iter().map(|b| chart.number.value(b.value, lang)).collect();
    let value_width = values.iter().map(|v| text_width(v, FONT_SIZE)).fold(0.0, f64::max);
    let reference = chart.reference.as_ref().filter(|(_, v)| v.is_finite());
    let data = bars.iter().map(|b| b.value).chain(reference.map(|r| r.1));
    let (lo, hi) = extent(data).unwrap_or((0.0, 1.0));
    let span = ValueSpan::new((lo, hi), bar_area(labels.width, value_width, lo < 0.0));
    let top = PAD + if reference.is_some() { LINE_HEIGHT + 8.0 } else { 0.0 };
    // one row height for all, so bars stay evenly spaced when some labels wrap
    let most_lines = labels.lines.iter().map(Vec::len).max().unwrap_or(1);
    let row = (most_lines as f64 * LINE_HEIGHT).max(BAR_HEIGHT) + ROW_GAP;
    let rows: Vec<f64> = (0..bars.len()).map(|i| top + (i as f64 + 0.5) * row).collect();
    let y = top + bars.len() as f64 * row;
    let size = (CHART_WIDTH, (y + PAD).ceil() as u32);
    Layout { size, labels, values, span, rows, top, bottom: y }
}

fn draw_bar_chart(area: &Area<'_>, chart: &BarChart, bars: &[&Bar], layout: &Layout) -> Drawn {
    let span = &layout.span;
    let zero = span.x(0.0);
    for (bar, &y) in bars.iter().zip(&layout.rows) {
        let colour = if bar.highlight { VERMILLION } else { BLUE };
        let end = span.x(bar.value);
        fill_rect(
            area,
            (zero.min(end), y - BAR_HEIGHT / 2.0),
            (zero.max(end), y + BAR_HEIGHT / 2.0),
            colour,
        )?;
    }
    draw_line(area, &[(zero, layout.top), (zero, layout.bottom)], RULE, 1)?;
    // the reference goes over the bars but under the text
    if let Some((label, value)) = chart.reference.as_ref().filter(|(_, v)| v.is_finite()) {
        let text = format!("{}: {}", label.trim(), chart.number.value(*value, chart.meta.lang));
        draw_reference(area, &text, span.x(*value), layout)?;
    }
    for (((bar, lines), value), &y) in
        bars.iter().zip(&layout.labels.lines).zip(&layout.values).zip(&layout.rows)
    {
        draw_label(area, lines, (PAD + layout.labels.width, y), bar.highlight)?;
        draw_value_label(area, value, (span.x(bar.value), y), bar.value, bar.highlight)?;
    }
    Ok(())
}

/// A dashed line across all bars with its label above, kept inside the chart.
fn draw_reference(area: &Area<'_>, text: &str, x: f64, layout: &Layout) -> Drawn {
    draw_dashed(area, &[(x, layout.top - 4.0), (x, layout.bottom)], INK, 2, (6, 4))?;
    let width = text_width(text, FONT_SIZE);
    let label_left = PAD + layout.labels.width + LABEL_GAP;
    let (at, align) = if x + width <= f64::from(CHART_WIDTH) - PAD {
        (x - 2.0, Align::Start)
    } else if x - width >= label_left {
        (x + 2.0, Align::End)
    } else {
        (f64::from(CHART_WIDTH) - PAD, Align::End)
    };
    draw_text(area, text, (at, PAD + LINE_HEIGHT / 2.0), align, Ink { colour: INK, bold: false })
}

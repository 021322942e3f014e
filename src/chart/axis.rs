//! The plot rectangle and the value axis drawn along its left side: light grid, tick labels.

use super::canvas::{Align, Area, Drawn, Ink, draw_line, draw_text};
use super::meta::NumberStyle;
use super::scale::Scale;
use super::style::{FONT_SIZE, GRID, LINE_HEIGHT, MUTED_TEXT, RULE, text_width};
use crate::locale::Lang;

/// Outer padding of every chart, in viewBox units.
pub(crate) const PAD: f64 = 8.0;
/// Space between a tick label and the plot.
pub(crate) const TICK_GAP: f64 = 8.0;

/// Where data are drawn, in viewBox units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Plot {
    /// Left edge.
    pub(crate) left: f64,
    /// Top edge.
    pub(crate) top: f64,
    /// Right edge.
    pub(crate) right: f64,
    /// Bottom edge.
    pub(crate) bottom: f64,
}

impl Plot {
    /// The vertical position of `value` on `scale`.
    pub(crate) fn y(&self, scale: &Scale, value: f64) -> f64 {
        scale.map(value, (self.bottom, self.top))
    }
}

/// The labelled ticks of a value axis, and the unit written once above it (if long).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ValueAxis {
    /// The scale.
    pub(crate) scale: Scale,
    /// One label a tick.
    pub(crate) labels: Vec<String>,
    /// A long unit such as `triệu đồng`, written above the axis.
    pub(crate) unit: Option<String>,
}

impl ValueAxis {
    /// Label the ticks of `scale` in `lang`.
    pub(crate) fn new(scale: Scale, number: &NumberStyle, lang: Lang) -> Self {
        let labels = scale.ticks.iter().map(|&t| number.tick(t, scale.decimals, lang)).collect();
        ValueAxis { scale, labels, unit: number.axis_unit().map(str::to_string) }
    }

    /// Room the labels take left of the plot, gap included.
    pub(crate) fn width(&self) -> f64 {
        self.labels.iter().map(|l| text_width(l, FONT_SIZE)).fold(0.0, f64::max) + TICK_GAP
    }

    /// Room needed above the plot for the top label (and the unit line).
    pub(crate) fn head_room(&self) -> f64 {
        FONT_SIZE / 2.0 + if self.unit.is_some() { LINE_HEIGHT } else { 0.0 }
    }
}

/// Grid lines across `plot` at each tick with their labels on the left; the lowest line and
/// the zero line are drawn darker, as the base the data stand on.
pub(crate) fn draw_value_axis(area: &Area<'_>, plot: &Plot, axis: &ValueAxis) -> Drawn {
    let ink = Ink { colour: MUTED_TEXT, bold: false };
    for (i, (&tick, label)) in axis.scale.ticks.iter().zip(&axis.labels).enumerate() {
        let y = plot.y(&axis.scale, tick);
        let colour = if i == 0 || tick == 0.0 { RULE } else { GRID };
        draw_line(area, &[(plot.left, y), (plot.right, y)], colour, 1)?;
        draw_text(area, label, (plot.left - TICK_GAP, y), Align::End, ink)?;
    }
    if let Some(unit) = &axis.unit {
        draw_text(area, unit, (PAD, plot.top - FONT_SIZE / 2.0 - LINE_HEIGHT / 2.0), Align::Start, ink)?;
    }
    Ok(())
}

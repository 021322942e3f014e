//! Charts: chart specifications in, accessible and deterministic SVG out.
//!
//! A pure room: it knows nothing of indicators, templates or files. The render stage turns
//! an indicator into one of the specifications below and calls the matching function:
//!
//! | chart | input | function |
//! |---|---|---|
//! | time series with target | [`LineChart`] | [`render_line_chart`] |
//! | ranking of units | [`BarChart`] | [`render_bar_chart`] |
//! | disaggregation against targets | [`GroupedBarChart`] | [`render_grouped_bar_chart`] |
//! | small trend on a card | [`Sparkline`] | [`render_sparkline`] |
//! | progress from baseline to target | [`ProgressBar`] | [`render_progress_bar`] |
//!
//! Every chart is an `<svg>` with a `viewBox` and no fixed size (the page's CSS sets the
//! width), `role="img"` and `aria-labelledby` pointing at its `<title>` and `<desc>`. Colours
//! come from the Okabe–Ito palette and never carry meaning alone: series also differ by marker
//! shape or dash pattern, and values are written as text. Text is at least 16 units in a
//! 400-unit-wide viewBox, about 12.8 px on a 360 px phone. Output is byte-identical from run to
//! run: layout uses a font-free width estimate, never the fonts of the machine.
//!
//! Charts carry no visible title, unit note or source line: the page's `<figure>` and
//! `<figcaption>` show those, while `<title>` and `<desc>` name the chart for screen readers.
//!
//! A chart with nothing to draw (no finite value) is an [`Error`](crate::Error) of kind
//! `Chart`; the caller leaves such charts out rather than publishing an empty frame.

mod axis;
mod bar;
mod canvas;
mod grouped;
mod labels;
mod legend;
mod line;
mod marker;
mod meta;
mod progress;
mod rows;
mod scale;
mod sparkline;
mod style;
mod svg;
mod tidy;
mod years;

#[cfg(test)]
mod samples;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod wellformed;

pub use bar::{Bar, BarChart, render_bar_chart};
pub use grouped::{BarGroup, GroupedBarChart, render_grouped_bar_chart};
pub use line::{LineChart, LineSeries, TargetLine, render_line_chart};
pub use meta::{ChartMeta, NumberStyle};
pub use progress::{ProgressBar, render_progress_bar};
pub use sparkline::{Sparkline, render_sparkline};
pub use svg::Svg;

// for the maps of `crate::map` (issue 16), drawn on the same canvas
pub(crate) use canvas::{Align, Area, Drawn, Ink, draw_chart, draw_text, fill_circle, fill_rect};
pub(crate) use style::{FONT_SIZE, FONT_STACK, MUTED_TEXT, text_width};
pub(crate) use svg::{escape_xml, write_document};
#[cfg(test)]
pub(crate) use wellformed::check_wellformed_with;

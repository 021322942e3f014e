//! Progress bars: how far a unit has come from its baseline towards its target.

use super::axis::PAD;
use super::canvas::{Align, Area, Drawn, Ink, draw_chart, draw_text, fill_rect};
use super::meta::{ChartMeta, no_data};
use super::style::{BLUE, CHART_WIDTH, FONT_SIZE, INK, LINE_HEIGHT, TRACK, text_width, wrap_text};
use super::svg::Svg;
use crate::error::Error;
use crate::locale::{Lang, format_number};

/// A horizontal bar filled to the share of the way from baseline to target.
#[derive(Debug, Clone, PartialEq)]
pub struct ProgressBar {
    /// Identity and accessible text.
    pub meta: ChartMeta,
    /// Share of the way from baseline to target; clamped to 0..=1.
    pub fraction: f64,
    /// What the bar measures, written above it; wraps when long.
    pub label: String,
}

const BAR_HEIGHT: f64 = 16.0;

/// Draw a progress bar; the share is also written as a percentage.
///
/// # Errors
/// A `Chart` error naming the chart when `fraction` is NaN (leave the bar out), or when the
/// id cannot prefix element ids.
pub fn render_progress_bar(progress: &ProgressBar) -> Result<Svg, Error> {
    if progress.fraction.is_nan() {
        return Err(no_data(&progress.meta));
    }
    let fraction = progress.fraction.clamp(0.0, 1.0);
    let percent = percent_text(fraction, progress.meta.lang);
    let width = f64::from(CHART_WIDTH);
    let room = width - 2.0 * PAD - text_width(&percent, FONT_SIZE) - 12.0;
    let lines = wrap_text(&progress.label, room, FONT_SIZE);
    let bar_top = PAD + lines.len() as f64 * LINE_HEIGHT + 6.0;
    let height = (bar_top + BAR_HEIGHT + PAD).ceil() as u32;
    draw_chart(&progress.meta, (CHART_WIDTH, height), |area| {
        draw_progress(area, &lines, &percent, fraction, bar_top)
    })
}

/// `62 %` in Vietnamese, `62%` in English.
fn percent_text(fraction: f64, lang: Lang) -> String {
    let number = format_number(fraction * 100.0, 0, lang);
    match lang {
        Lang::Vi => format!("{number} %"),
        Lang::En => format!("{number}%"),
    }
}

fn draw_progress(area: &Area<'_>, lines: &[String], percent: &str, fraction: f64, bar_top: f64) -> Drawn {
    let (left, right) = (PAD, f64::from(CHART_WIDTH) - PAD);
    for (i, line) in lines.iter().enumerate() {
        let y = PAD + LINE_HEIGHT / 2.0 + i as f64 * LINE_HEIGHT;
        draw_text(area, line, (left, y), Align::Start, Ink { colour: INK, bold: false })?;
    }
    draw_text(area, percent, (right, PAD + LINE_HEIGHT / 2.0), Align::End, Ink { colour: INK, bold: true })?;
    fill_rect(area, (left, bar_top), (right, bar_top + BAR_HEIGHT), TRACK)?;
    if fraction > 0.0 {
        let end = left + fraction * (right - left);
        fill_rect(area, (left, bar_top), (end.max(left + 2.0), bar_top + BAR_HEIGHT), BLUE)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_follow_the_language() {
        assert_eq!(percent_text(0.62, Lang::Vi), "62 %");
        assert_eq!(percent_text(0.626, Lang::En), "63%");
    }
}

//! The year axis of line charts: whole years as plain integers (2019, never 2.019).

use super::axis::Plot;
use super::canvas::{Align, Area, Drawn, Ink, draw_line, draw_text};
use super::meta::{Word, word};
use super::style::{FONT_SIZE, LINE_HEIGHT, MUTED_TEXT, RULE, text_width};
use crate::locale::Lang;

/// Which years are labelled, and where years fall across the plot.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct YearAxis {
    /// Left end of the axis, half a year or so before the first year.
    lo: f64,
    /// Right end of the axis.
    hi: f64,
    /// Every year from the first to the last (small tick marks).
    years: Vec<i32>,
    /// The labelled years.
    labelled: Vec<i32>,
    /// The baseline year, labelled with the word "baseline" under it.
    baseline: Option<i32>,
}

/// Room left at each end so markers do not sit on the plot edge, in years.
const END_ROOM: f64 = 0.4;
/// Label every year, or every 2nd, 5th … year when years are too close for their labels.
const STEPS: [i32; 8] = [1, 2, 5, 10, 20, 50, 100, 200];

impl YearAxis {
    /// An axis from `first` to `last` across `plot_width` viewBox units.
    pub(crate) fn new((first, last): (i32, i32), plot_width: f64, baseline: Option<i32>) -> Self {
        let (lo, hi) = if first == last {
            (f64::from(first) - 1.0, f64::from(last) + 1.0)
        } else {
            (f64::from(first) - END_ROOM, f64::from(last) + END_ROOM)
        };
        let per_year = plot_width / (hi - lo);
        let needed = text_width("2000", FONT_SIZE) + 10.0;
        let step = STEPS.into_iter().find(|&s| per_year * f64::from(s) >= needed).unwrap_or(200);
        let baseline = baseline.filter(|b| (first..=last).contains(b));
        let anchor = baseline.unwrap_or(first);
        let labelled = (first..=last).filter(|y| (y - anchor).rem_euclid(step) == 0).collect();
        YearAxis { lo, hi, years: (first..=last).collect(), labelled, baseline }
    }

    /// The horizontal position of `year`.
    pub(crate) fn x(&self, plot: &Plot, year: i32) -> f64 {
        plot.left + (f64::from(year) - self.lo) / (self.hi - self.lo) * (plot.right - plot.left)
    }

    /// Room the axis takes under the plot.
    pub(crate) fn height(&self) -> f64 {
        6.0 + LINE_HEIGHT + if self.baseline.is_some() { LINE_HEIGHT } else { 0.0 }
    }
}

/// Tick marks under the plot for every year, labels for the labelled ones.
pub(crate) fn draw_year_axis(area: &Area<'_>, plot: &Plot, axis: &YearAxis, lang: Lang) -> Drawn {
    let ink = Ink { colour: MUTED_TEXT, bold: false };
    // years can be many (a century of data): tick marks only while they stay apart
    if axis.years.len() <= 60 {
        for &year in &axis.years {
            let x = axis.x(plot, year);
            draw_line(area, &[(x, plot.bottom), (x, plot.bottom + 4.0)], RULE, 1)?;
        }
    }
    let label_y = plot.bottom + 6.0 + LINE_HEIGHT / 2.0;
    for &year in &axis.labelled {
        draw_text(area, &year.to_string(), (axis.x(plot, year), label_y), Align::Middle, ink)?;
    }
    if let Some(year) = axis.baseline {
        let text = word(Word::Baseline, lang);
        draw_text(area, text, (axis.x(plot, year), label_y + LINE_HEIGHT), Align::Middle, ink)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seven_years_on_a_wide_plot_are_all_labelled() {
        let axis = YearAxis::new((2019, 2025), 360.0, None);
        assert_eq!(axis.labelled, (2019..=2025).collect::<Vec<_>>());
    }

    #[test]
    fn crowded_years_are_labelled_every_few_years_through_the_baseline() {
        let axis = YearAxis::new((2000, 2025), 300.0, Some(2021));
        assert_eq!(axis.labelled, [2001, 2006, 2011, 2016, 2021]);
    }

    #[test]
    fn a_single_year_sits_in_the_middle() {
        let axis = YearAxis::new((2024, 2024), 300.0, None);
        let plot = Plot { left: 0.0, top: 0.0, right: 300.0, bottom: 100.0 };
        assert_eq!(axis.x(&plot, 2024), 150.0);
    }
}

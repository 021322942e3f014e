//! Horizontal bar layouts: a column of category labels on the left, bars growing from zero.

use super::axis::PAD;
use super::canvas::{Align, Area, Drawn, Ink, draw_text};
use super::style::{CHART_WIDTH, FONT_SIZE, INK, LINE_HEIGHT, text_width, wrap_text};

/// The label column may take this share of the chart width before labels wrap.
const LABEL_SHARE: f64 = 0.4;
/// Space between the label column and the bars.
pub(crate) const LABEL_GAP: f64 = 8.0;
/// Space between a bar's end and its value label.
pub(crate) const VALUE_GAP: f64 = 6.0;

/// Category labels broken into lines that fit the label column.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct LabelColumn {
    /// The lines of each label, in input order.
    pub(crate) lines: Vec<Vec<String>>,
    /// Width of the widest line.
    pub(crate) width: f64,
}

/// Wrap `labels` to at most 40 % of the chart width; a label that fits stays on one line.
pub(crate) fn layout_labels<'a>(labels: impl IntoIterator<Item = &'a str>) -> LabelColumn {
    let room = f64::from(CHART_WIDTH) * LABEL_SHARE;
    let lines: Vec<Vec<String>> = labels.into_iter().map(|l| wrap_text(l, room, FONT_SIZE)).collect();
    let width = lines.iter().flatten().map(|l| text_width(l, FONT_SIZE)).fold(0.0, f64::max);
    LabelColumn { lines, width }
}

/// Draw a label's lines right-aligned at `right`, centred as a block on `centre_y`.
pub(crate) fn draw_label(
    area: &Area<'_>,
    lines: &[String],
    (right, centre_y): (f64, f64),
    bold: bool,
) -> Drawn {
    let first = centre_y - (lines.len() as f64 - 1.0) * LINE_HEIGHT / 2.0;
    for (i, line) in lines.iter().enumerate() {
        let at = (right, first + i as f64 * LINE_HEIGHT);
        draw_text(area, line, at, Align::End, Ink { colour: INK, bold })?;
    }
    Ok(())
}

/// Where values fall across the bar area: a linear map from `lo..=hi` (which holds zero).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct ValueSpan {
    lo: f64,
    hi: f64,
    left: f64,
    right: f64,
}

impl ValueSpan {
    /// Bars for values in `lo..=hi` (zero included) between `left` and `right`.
    pub(crate) fn new((lo, hi): (f64, f64), (left, right): (f64, f64)) -> Self {
        let (lo, hi) = (lo.min(0.0), hi.max(0.0));
        // all-zero data still need a span to divide by
        let hi = if hi > lo { hi } else { lo + 1.0 };
        ValueSpan { lo, hi, left, right }
    }

    /// The horizontal position of `value`.
    pub(crate) fn x(&self, value: f64) -> f64 {
        self.left + (value - self.lo) / (self.hi - self.lo) * (self.right - self.left)
    }
}

/// Left and right ends of the bar area, leaving room for the widest value label at either
/// end (negative values are labelled to the left of their bar).
pub(crate) fn bar_area(label_width: f64, value_width: f64, has_negative: bool) -> (f64, f64) {
    let left = PAD + label_width + LABEL_GAP + if has_negative { value_width + VALUE_GAP } else { 0.0 };
    let right = f64::from(CHART_WIDTH) - PAD - value_width - VALUE_GAP;
    (left, right.max(left + 1.0))
}

/// Write `text` beyond the end of a bar for `value` ending at `end_x`: right of it for
/// positive values, left of it for negative ones.
pub(crate) fn draw_value_label(
    area: &Area<'_>,
    text: &str,
    (end_x, y): (f64, f64),
    value: f64,
    bold: bool,
) -> Drawn {
    let ink = Ink { colour: INK, bold };
    if value < 0.0 {
        draw_text(area, text, (end_x - VALUE_GAP, y), Align::End, ink)
    } else {
        draw_text(area, text, (end_x + VALUE_GAP, y), Align::Start, ink)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_labels_stay_on_one_line() {
        let column = layout_labels(["Tà Lùng", "Pa Cheo"]);
        assert_eq!(column.lines, [vec!["Tà Lùng".to_string()], vec!["Pa Cheo".to_string()]]);
        assert!(column.width < 80.0);
    }

    #[test]
    fn long_vietnamese_labels_wrap_within_the_column() {
        let column = layout_labels(["Xã Nậm Khao, huyện Nậm Xe (cũ), nay thuộc xã Tà Lùng"]);
        assert!(column.lines[0].len() >= 2);
        assert!(column.width <= f64::from(CHART_WIDTH) * LABEL_SHARE);
    }

    #[test]
    fn value_span_always_holds_zero() {
        let span = ValueSpan::new((20.0, 60.0), (100.0, 400.0));
        assert_eq!(span.x(0.0), 100.0);
        assert_eq!(span.x(60.0), 400.0);
        let negative = ValueSpan::new((-10.0, 10.0), (0.0, 200.0));
        assert_eq!(negative.x(0.0), 100.0);
        let flat = ValueSpan::new((0.0, 0.0), (0.0, 200.0));
        assert_eq!(flat.x(0.0), 0.0);
    }
}

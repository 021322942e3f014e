//! Legends: a sample of each series' mark beside its name, flowing into rows.

use plotters::style::RGBColor;

use super::canvas::{Align, Area, Drawn, Ink, draw_dashed, draw_line, draw_text, fill_rect};
use super::marker::{Marker, draw_marker};
use super::style::{FONT_SIZE, INK, LINE_HEIGHT, text_width, wrap_text};

/// The mark shown beside a legend label.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Swatch {
    /// A line with a marker on it (line series).
    Line(RGBColor, Marker),
    /// A dashed line (targets over time).
    Dashed(RGBColor),
    /// A filled block (bars).
    Block(RGBColor),
    /// A short thick line (target markers over bars).
    Tick(RGBColor),
}

/// One legend item.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct LegendEntry {
    /// The series name.
    pub(crate) label: String,
    /// Its mark.
    pub(crate) swatch: Swatch,
}

/// Entries placed in rows; positions are relative to the legend's top-left corner.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Legend {
    placed: Vec<(LegendEntry, Vec<String>, (f64, f64))>,
    /// Total height in viewBox units (0 for no entries).
    pub(crate) height: f64,
}

const SWATCH_WIDTH: f64 = 28.0;
const SWATCH_GAP: f64 = 6.0;
const ENTRY_GAP: f64 = 18.0;

/// Flow `entries` into rows no wider than `width`; long labels wrap.
pub(crate) fn layout_legend(entries: Vec<LegendEntry>, width: f64) -> Legend {
    // a tenth kept free: DejaVu Sans (the sans-serif of many Linux phones and desktops) runs
    // wider than the estimate, and a legend line is as wide as the chart (issue 12)
    let text_room = ((width - SWATCH_WIDTH - SWATCH_GAP) * 0.9).max(FONT_SIZE * 4.0);
    let mut placed = Vec::with_capacity(entries.len());
    let (mut x, mut y, mut row_height) = (0.0_f64, 0.0_f64, 0.0_f64);
    for entry in entries {
        let lines = wrap_text(&entry.label, text_room, FONT_SIZE);
        let label_width = lines.iter().map(|l| text_width(l, FONT_SIZE)).fold(0.0, f64::max);
        let entry_width = SWATCH_WIDTH + SWATCH_GAP + label_width;
        if x > 0.0 && x + entry_width > width {
            (x, y) = (0.0, y + row_height);
            row_height = 0.0;
        }
        row_height = row_height.max(lines.len() as f64 * LINE_HEIGHT);
        placed.push((entry, lines, (x, y)));
        x += entry_width + ENTRY_GAP;
    }
    Legend { placed, height: y + row_height }
}

/// Draw `legend` with its top-left corner at `origin`.
pub(crate) fn draw_legend(area: &Area<'_>, legend: &Legend, origin: (f64, f64)) -> Drawn {
    for (entry, lines, (dx, dy)) in &legend.placed {
        let (x, y) = (origin.0 + dx, origin.1 + dy + LINE_HEIGHT / 2.0);
        draw_swatch(area, entry.swatch, (x, y))?;
        for (i, line) in lines.iter().enumerate() {
            let at = (x + SWATCH_WIDTH + SWATCH_GAP, y + i as f64 * LINE_HEIGHT);
            draw_text(area, line, at, Align::Start, Ink { colour: INK, bold: false })?;
        }
    }
    Ok(())
}

fn draw_swatch(area: &Area<'_>, swatch: Swatch, (x, y): (f64, f64)) -> Drawn {
    let ends = [(x, y), (x + SWATCH_WIDTH, y)];
    match swatch {
        Swatch::Line(colour, marker) => {
            draw_line(area, &ends, colour, 3)?;
            draw_marker(area, marker, (x + SWATCH_WIDTH / 2.0, y), colour)
        }
        Swatch::Dashed(colour) => draw_dashed(area, &ends, colour, 2, (7, 4)),
        Swatch::Block(colour) => fill_rect(area, (x + 6.0, y - 8.0), (x + 22.0, y + 8.0), colour),
        Swatch::Tick(colour) => draw_line(area, &[(x + 4.0, y), (x + 24.0, y)], colour, 3),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::style::BLUE;

    fn entry(label: &str) -> LegendEntry {
        LegendEntry { label: label.into(), swatch: Swatch::Block(BLUE) }
    }

    #[test]
    fn short_entries_share_a_row() {
        let legend = layout_legend(vec![entry("2024"), entry("2025"), entry("Mục tiêu")], 460.0);
        assert_eq!(legend.height, LINE_HEIGHT);
        assert!(legend.placed.iter().all(|(_, _, (_, y))| *y == 0.0));
    }

    #[test]
    fn entries_that_do_not_fit_start_a_new_row() {
        let long = "Tỷ lệ hộ nghèo của các xã đặc biệt khó khăn";
        let legend = layout_legend(vec![entry(long), entry(long)], 460.0);
        assert_eq!(legend.height, 2.0 * LINE_HEIGHT);
        assert_eq!(legend.placed[1].2, (0.0, LINE_HEIGHT));
    }

    #[test]
    fn a_label_wider_than_the_legend_wraps() {
        let long = "Tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều của các xã đặc biệt khó khăn vùng cao";
        let legend = layout_legend(vec![entry(long)], 300.0);
        assert!(legend.height >= 2.0 * LINE_HEIGHT);
    }
}

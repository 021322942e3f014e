//! Point markers: each line series gets its own shape, so series differ by more than colour.

use plotters::style::RGBColor;

use super::canvas::{Area, Drawn, draw_line, fill_circle, fill_polygon, fill_rect};

/// A marker shape; series take them in this order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Marker {
    /// A filled circle.
    Circle,
    /// A filled square.
    Square,
    /// A filled triangle pointing up.
    Triangle,
    /// A filled diamond.
    Diamond,
    /// A filled triangle pointing down.
    TriangleDown,
    /// An ×.
    Cross,
}

/// Shapes in the order series get them, matching `style::SERIES_COLOURS`.
pub(crate) const MARKERS: [Marker; 6] =
    [Marker::Circle, Marker::Square, Marker::Triangle, Marker::Diamond, Marker::TriangleDown, Marker::Cross];

/// Half the width of a marker, in viewBox units.
pub(crate) const MARKER_RADIUS: f64 = 5.0;

/// Draw `marker` centred on `(x, y)`.
pub(crate) fn draw_marker(area: &Area<'_>, marker: Marker, (x, y): (f64, f64), colour: RGBColor) -> Drawn {
    let r = MARKER_RADIUS;
    match marker {
        Marker::Circle => fill_circle(area, (x, y), r, colour),
        Marker::Square => fill_rect(area, (x - r * 0.85, y - r * 0.85), (x + r * 0.85, y + r * 0.85), colour),
        Marker::Triangle => fill_polygon(
            area,
            &[(x, y - r * 1.2), (x + r * 1.1, y + r * 0.8), (x - r * 1.1, y + r * 0.8)],
            colour,
        ),
        Marker::TriangleDown => fill_polygon(
            area,
            &[(x, y + r * 1.2), (x + r * 1.1, y - r * 0.8), (x - r * 1.1, y - r * 0.8)],
            colour,
        ),
        Marker::Diamond => fill_polygon(
            area,
            &[(x, y - r * 1.2), (x + r * 1.2, y), (x, y + r * 1.2), (x - r * 1.2, y)],
            colour,
        ),
        Marker::Cross => {
            let d = r * 0.9;
            draw_line(area, &[(x - d, y - d), (x + d, y + d)], colour, 3)?;
            draw_line(area, &[(x - d, y + d), (x + d, y - d)], colour, 3)
        }
    }
}

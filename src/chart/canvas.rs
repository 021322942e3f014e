//! Drawing through plotters: the canvas a chart draws on and the few strokes charts use.
//!
//! Charts lay themselves out in viewBox units (see `style`) and hand plotters pixel
//! coordinates; plotters' SVG backend draws, [`tidy_plotters_svg`] cleans its output and
//! [`write_document`] wraps it. Layout is ours because plotters measures text by byte length.

use plotters::coord::Shift;
use plotters::element::{Circle, DashedPathElement, PathElement, Polygon, Rectangle, Text};
use plotters::prelude::{DrawingArea, DrawingAreaErrorKind, IntoDrawingArea, SVGBackend};
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{Color, FontDesc, FontFamily, FontStyle, RGBColor, TextStyle};

use super::meta::{ChartMeta, chart_error, check_meta};
use super::style::{FONT_SIZE, PAPER};
use super::svg::{Svg, write_document};
use super::tidy::tidy_plotters_svg;
use crate::error::Error;

/// The drawing area of a whole chart, in viewBox units (1 unit = 1 plotters pixel).
pub(crate) type Area<'a> = DrawingArea<SVGBackend<'a>, Shift>;

/// What every drawing step returns.
pub(crate) type Drawn = Result<(), DrawingAreaErrorKind<std::io::Error>>;

/// Draw a chart of `size` viewBox units with `draw` and wrap it into an accessible document.
pub(crate) fn draw_chart(
    meta: &ChartMeta,
    size: (u32, u32),
    draw: impl FnOnce(&Area<'_>) -> Drawn,
) -> Result<Svg, Error> {
    check_meta(meta)?;
    let mut raw = String::new();
    {
        let root = SVGBackend::with_string(&mut raw, size).into_drawing_area();
        let drawn = root.fill(&PAPER).and_then(|()| draw(&root)).and_then(|()| root.present());
        drawn.map_err(|e| bug(meta, &e.to_string()))?;
    }
    let body = tidy_plotters_svg(&raw).map_err(|e| bug(meta, &e))?;
    Ok(write_document(meta, size, &body))
}

fn bug(meta: &ChartMeta, message: &str) -> Error {
    chart_error(meta, format!("drawing failed: {message}"), "this is a bug in gazette; please report it")
}

/// A viewBox coordinate as a plotters pixel.
fn px((x, y): (f64, f64)) -> (i32, i32) {
    (x.round() as i32, y.round() as i32)
}

/// Horizontal alignment of a label at its point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Align {
    /// The text starts at the point.
    Start,
    /// The text is centred on the point.
    Middle,
    /// The text ends at the point.
    End,
}

/// How a label looks.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Ink {
    /// Text colour.
    pub(crate) colour: RGBColor,
    /// Bold (values, highlights) or regular.
    pub(crate) bold: bool,
}

/// Write one line of text, vertically centred on `at`.
pub(crate) fn draw_text(area: &Area<'_>, text: &str, at: (f64, f64), align: Align, ink: Ink) -> Drawn {
    let h_pos = match align {
        Align::Start => HPos::Left,
        Align::Middle => HPos::Center,
        Align::End => HPos::Right,
    };
    let weight = if ink.bold { FontStyle::Bold } else { FontStyle::Normal };
    // plotters' SVG backend writes font-size as size / 1.24
    let font = FontDesc::new(FontFamily::SansSerif, FONT_SIZE * 1.24, weight);
    let style = TextStyle::from(font).color(&ink.colour).pos(Pos::new(h_pos, VPos::Center));
    let clean: String = text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    area.draw(&Text::new(clean, px(at), style))
}

/// A solid polyline.
pub(crate) fn draw_line(area: &Area<'_>, points: &[(f64, f64)], colour: RGBColor, width: u32) -> Drawn {
    let points: Vec<_> = points.iter().copied().map(px).collect();
    area.draw(&PathElement::new(points, colour.stroke_width(width)))
}

/// A dashed polyline: `dash` units drawn, `gap` units left out.
pub(crate) fn draw_dashed(
    area: &Area<'_>,
    points: &[(f64, f64)],
    colour: RGBColor,
    width: u32,
    (dash, gap): (u32, u32),
) -> Drawn {
    let points: Vec<_> = points.iter().copied().map(px).collect();
    area.draw(&DashedPathElement::new(points, dash, gap, colour.stroke_width(width)))
}

/// A filled rectangle between two corners.
pub(crate) fn fill_rect(area: &Area<'_>, a: (f64, f64), b: (f64, f64), colour: RGBColor) -> Drawn {
    area.draw(&Rectangle::new([px(a), px(b)], colour.filled()))
}

/// A filled polygon.
pub(crate) fn fill_polygon(area: &Area<'_>, points: &[(f64, f64)], colour: RGBColor) -> Drawn {
    let points: Vec<_> = points.iter().copied().map(px).collect();
    area.draw(&Polygon::new(points, colour.filled()))
}

/// A filled circle.
pub(crate) fn fill_circle(area: &Area<'_>, centre: (f64, f64), radius: f64, colour: RGBColor) -> Drawn {
    area.draw(&Circle::new(px(centre), radius.round().max(1.0) as u32, colour.filled()))
}

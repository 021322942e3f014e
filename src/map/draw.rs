//! Drawing a map: plotters draws the paper, the legend and the archipelago labels (as the
//! charts are drawn), and the units, which need holes, links and tooltips that plotters
//! cannot write, are set in after the paper as `<a><path><title>` elements.

use std::fmt::Write as _;

use plotters::style::RGBColor;

use super::atlas::Atlas;
use super::classes::hex;
use super::project::{HOANG_SA, TRUONG_SA};
use crate::chart::{
    Align, Area, ChartMeta, Drawn, FONT_SIZE, FONT_STACK, Ink, MUTED_TEXT, Svg, draw_chart, draw_text,
    escape_xml, fill_circle, fill_rect, text_width, write_document,
};
use crate::error::Error;

/// One legend entry.
#[derive(Debug, Clone, PartialEq)]
pub struct MapClass {
    /// What the colour means (`10,5–12,3 %`, `Đạt`).
    pub label: String,
    /// Its fill.
    pub colour: RGBColor,
}

/// One unit on a map.
#[derive(Debug, Clone, PartialEq)]
pub struct MapUnit {
    /// Index of the unit in the geography.
    pub unit: usize,
    /// Its class (`None`: no data, hatched).
    pub class: Option<usize>,
    /// Tooltip and accessible name: name, value and year (empty: none, for small multiples
    /// whose `<desc>` says what they show).
    pub title: String,
    /// Link to its profile page.
    pub url: Option<String>,
}

/// What a map shows.
#[derive(Debug, Clone, PartialEq)]
pub struct MapSpec {
    /// Identity and accessible text (the `<desc>` names the highest and lowest units).
    pub meta: ChartMeta,
    /// The classes, in legend order.
    pub classes: Vec<MapClass>,
    /// Units drawn, in drawing order.
    pub units: Vec<MapUnit>,
    /// The legend label of hatched units (`Không có số liệu`).
    pub no_data: String,
    /// Whether to draw the legend (small multiples and locator maps leave it out).
    pub legend: bool,
}

/// Height of a legend row.
const ROW: f64 = 26.0;
/// Swatch size.
const SWATCH: (f64, f64) = (22.0, 16.0);
/// Grey of the hatching and of outlines.
const HATCH: &str = "#767676";

/// Draw a map of the atlas's units.
pub fn render_map(atlas: &Atlas, spec: &MapSpec) -> Result<Svg, Error> {
    let frame = atlas.frame;
    let has_no_data = spec.units.iter().any(|u| u.class.is_none() && atlas.has_shape(u.unit));
    let mut entries: Vec<(&str, Option<RGBColor>)> =
        spec.classes.iter().map(|c| (c.label.as_str(), Some(c.colour))).collect();
    if has_no_data {
        entries.push((&spec.no_data, None));
    }
    let columns = legend_columns(&entries, frame.width);
    let rows = if spec.legend { entries.len().div_ceil(columns) } else { 0 };
    let legend_top = f64::from(frame.height) + 6.0;
    let height = frame.height + if rows > 0 { (rows as f64 * ROW + 10.0) as u32 } else { 0 };
    let col_width = f64::from(frame.width) / columns as f64;
    let place = |k: usize| (4.0 + (k % columns) as f64 * col_width, legend_top + (k / columns) as f64 * ROW);
    let svg = draw_chart(&spec.meta, (frame.width, height), |area| {
        if spec.legend {
            for (k, (label, colour)) in entries.iter().enumerate() {
                draw_entry(area, place(k), label, *colour)?;
            }
        }
        if atlas.national {
            draw_archipelagos(atlas, area)?;
        }
        Ok(())
    })?;
    let id = escape_xml(&spec.meta.id);
    let units = units_markup(atlas, spec, &id);
    let mut swatch = String::new();
    if spec.legend && has_no_data {
        let (x, y) = place(entries.len() - 1);
        let _ = writeln!(
            swatch,
            "<rect x=\"{x}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"url(#{id}-nd)\" stroke=\"{HATCH}\"/>",
            y - SWATCH.1 / 2.0,
            SWATCH.0,
            SWATCH.1
        );
    }
    let mut markup = splice(svg.into_string(), &units, &swatch);
    if spec.units.iter().any(|u| u.url.is_some()) {
        // links inside role="img" are hidden from assistive technology (axe:
        // nested-interactive); a map of links is a named group, a map without is an image
        markup = markup.replacen("role=\"img\"", "role=\"group\"", 1);
    }
    Ok(Svg::from_trusted(markup))
}

/// Id of the group that holds a locator base's drawing, for `<use href="….svg#base"/>`.
pub const BASE_ID: &str = "base";

/// A locator base (issue 16): the map of `spec` with its whole drawing in `<g id="base">`, so
/// every profile of its level and period shows it with `<use>` and draws only its own unit.
pub fn render_base(atlas: &Atlas, spec: &MapSpec) -> Result<Svg, Error> {
    let svg = render_map(atlas, spec)?.into_string();
    let start = svg.find("</desc>\n").map_or(0, |i| i + "</desc>\n".len());
    let end = svg.rfind("</svg>").unwrap_or(svg.len()).max(start);
    let mut out = String::with_capacity(svg.len() + 256);
    out.push_str(&svg[..start]);
    // the font travels with the group: a `<use>` clone inherits from the page's <svg>, not this one
    let _ = writeln!(out, "<g id=\"{BASE_ID}\" font-family=\"{}\">", escape_xml(FONT_STACK));
    out.push_str(&svg[start..end]);
    out.push_str("</g>\n");
    out.push_str(&svg[end..]);
    Ok(Svg::from_trusted(out))
}

/// A profile's locator map (issue 16): the shared base at `base_href` and the unit's own
/// shapes (`own`) over it in `colour`; an image (`role="img"`) named and described by `meta`.
/// A few hundred bytes, where drawing every unit again cost tens of kilobytes per profile.
pub fn render_locator(
    atlas: &Atlas,
    meta: &ChartMeta,
    base_href: &str,
    own: &[usize],
    colour: RGBColor,
) -> Svg {
    let mut body = format!("<use href=\"{}#{BASE_ID}\"/>\n", escape_xml(base_href));
    let _ = writeln!(
        body,
        "<g fill=\"{}\" fill-rule=\"evenodd\" stroke=\"#fff\" stroke-width=\".6\" stroke-linejoin=\"round\">",
        hex(colour)
    );
    for d in own.iter().filter_map(|&u| atlas.path(u)) {
        let _ = writeln!(body, "<path d=\"{d}\"/>");
    }
    body.push_str("</g>\n");
    write_document(meta, (atlas.frame.width, atlas.frame.height), &body)
}

/// Two columns when every label fits in half the width, else one.
fn legend_columns(entries: &[(&str, Option<RGBColor>)], width: u32) -> usize {
    let widest = entries.iter().map(|(l, _)| text_width(l, FONT_SIZE)).fold(0.0, f64::max);
    if widest + SWATCH.0 + 16.0 <= f64::from(width) / 2.0 { 2 } else { 1 }
}

fn draw_entry(area: &Area<'_>, (x, y): (f64, f64), label: &str, colour: Option<RGBColor>) -> Drawn {
    if let Some(c) = colour {
        fill_rect(area, (x, y - SWATCH.1 / 2.0), (x + SWATCH.0, y + SWATCH.1 / 2.0), c)?;
    }
    draw_text(area, label, (x + SWATCH.0 + 6.0, y), Align::Start, Ink { colour: MUTED_TEXT, bold: false })
}

/// Marks and names of Hoàng Sa and Trường Sa on a national map.
fn draw_archipelagos(atlas: &Atlas, area: &Area<'_>) -> Drawn {
    let ink = Ink { colour: MUTED_TEXT, bold: false };
    for ((x0, y0, x1, y1), name, below) in
        [(HOANG_SA, "Quần đảo Hoàng Sa", true), (TRUONG_SA, "Quần đảo Trường Sa", false)]
    {
        let (left, top) = atlas.frame.project((x0, y1));
        let (right, bottom) = atlas.frame.project((x1, y0));
        for k in 0..5 {
            let t = f64::from(k) / 4.0;
            let p = (left + (right - left) * t, top + (bottom - top) * (1.0 - t * t));
            fill_circle(area, p, 1.5, RGBColor(0x44, 0x44, 0x44))?;
        }
        let half = text_width(name, FONT_SIZE) / 2.0;
        let cx = ((left + right) / 2.0).clamp(half + 2.0, f64::from(atlas.frame.width) - half - 2.0);
        let y = if below { bottom + 12.0 } else { top - 12.0 };
        draw_text(area, name, (cx, y), Align::Middle, ink)?;
    }
    Ok(())
}

/// The hatching pattern and a link, path and tooltip per unit.
fn units_markup(atlas: &Atlas, spec: &MapSpec, id: &str) -> String {
    let mut out = String::with_capacity(spec.units.len() * 200);
    let _ = writeln!(
        out,
        "<defs><pattern id=\"{id}-nd\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" \
         patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#fff\"/>\
         <rect width=\"2\" height=\"6\" fill=\"{HATCH}\"/></pattern></defs>"
    );
    out.push_str("<g fill-rule=\"evenodd\" stroke=\"#fff\" stroke-width=\".6\" stroke-linejoin=\"round\">\n");
    for u in &spec.units {
        let Some(d) = atlas.path(u.unit) else { continue };
        let fill = match u.class.and_then(|c| spec.classes.get(c)) {
            Some(c) => hex(c.colour),
            None => format!("url(#{id}-nd)"),
        };
        let title = escape_xml(&u.title);
        match &u.url {
            Some(url) => {
                let _ = writeln!(
                    out,
                    "<a href=\"{}\"><path d=\"{d}\" fill=\"{fill}\"><title>{title}</title></path></a>",
                    escape_xml(url)
                );
            }
            None if title.is_empty() => {
                let _ = writeln!(out, "<path d=\"{d}\" fill=\"{fill}\"/>");
            }
            None => {
                let _ = writeln!(out, "<path d=\"{d}\" fill=\"{fill}\"><title>{title}</title></path>");
            }
        }
    }
    out.push_str("</g>\n");
    out
}

/// Put the units right after the paper (the first line after `<desc>`), the swatch last.
fn splice(svg: String, units: &str, swatch: &str) -> String {
    let Some(desc_end) = svg.find("</desc>\n").map(|i| i + "</desc>\n".len()) else { return svg };
    let paper_end = svg[desc_end..].find('\n').map_or(desc_end, |i| desc_end + i + 1);
    let body_end = svg.rfind("</svg>").unwrap_or(svg.len());
    let mut out = String::with_capacity(svg.len() + units.len() + swatch.len());
    out.push_str(&svg[..paper_end]);
    out.push_str(units);
    out.push_str(&svg[paper_end..body_end]);
    out.push_str(swatch);
    out.push_str(&svg[body_end..]);
    out
}

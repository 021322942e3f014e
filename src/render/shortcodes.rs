//! Fill shortcode placeholders in rendered Markdown with charts, values and tables.
//!
//! The arguments were checked when the site was derived, so a shortcode that cannot be drawn
//! here (no data for the requested year, say) is an error naming the item.

use serde::Serialize;
use tera::Context;

use super::Renderer;
use super::data::charts::{ChartOut, DataTable, groups, ranking, trend};
use super::data::words::Words;
use super::template::Template;
use crate::content::Item;
use crate::content::markdown::{PLACEHOLDER_CLOSE, PLACEHOLDER_OPEN, html_attr};
use crate::content::shortcode::{ArgValue, Shortcode, ShortcodeKind};
use crate::error::{Error, ErrorKind, Location};
use crate::geo::Level;
use crate::model::{ChartKind, Site};

/// The body of `item` with every placeholder replaced.
pub fn expand(r: &Renderer, site: &Site, item: &Item) -> Result<String, Error> {
    let html = &item.body.html;
    if item.body.shortcodes.is_empty() {
        return Ok(html.clone());
    }
    let w = Words { strings: &r.strings, lang: site.config.lang };
    let mut out = String::with_capacity(html.len() + 8192);
    let mut rest = html.as_str();
    while let Some(start) = rest.find(PLACEHOLDER_OPEN) {
        out.push_str(&rest[..start]);
        let after = &rest[start + PLACEHOLDER_OPEN.len_utf8()..];
        let Some(end) = after.find(PLACEHOLDER_CLOSE) else {
            // no closing mark (cannot come from the Markdown stage): keep the rest as it is
            rest = &rest[start..];
            break;
        };
        let n: usize = after[..end].parse().unwrap_or(usize::MAX);
        if let Some(sc) = item.body.shortcodes.get(n) {
            let location = Location::at(&item.path, sc.line, sc.column);
            let fragment = draw(r, &w, site, sc, n).map_err(|e| e.at(location))?;
            out.push_str(&fragment);
        }
        rest = &after[end + PLACEHOLDER_CLOSE.len_utf8()..];
    }
    out.push_str(rest);
    Ok(out)
}

fn draw(r: &Renderer, w: &Words<'_>, site: &Site, sc: &Shortcode, n: usize) -> Result<String, Error> {
    if sc.kind == ShortcodeKind::Contact {
        // the partial reads `site.contact`, as the footer does: one source for both
        return r.render_template(Template::Contact, &Context::new());
    }
    let data = &site.data;
    let i = sc
        .text("indicator")
        .and_then(|id| data.indicator(id))
        .ok_or_else(|| fail(sc, "names no indicator of this site"))?;
    if sc.kind == ShortcodeKind::Map {
        let year = sc.integer("year").map(|y| y as i32);
        let map = super::data::maps::indicator_map(w, site, i, year, &format!("sc{n}-map"), false)
            .ok_or_else(|| fail(sc, "has nothing to draw"))?;
        return figure(r, Template::MapFigure, &MapFigure { map });
    }
    let entry = &data.indicators[i];
    let ind = &entry.indicator;
    let geo = match sc.text("geo") {
        Some(g) => data.geo.find(g),
        None => entry.headline,
    }
    .ok_or_else(|| fail(sc, "has no unit to show"))?;
    let breakdown = ind
        .breakdown_of(sc.args.iter().filter_map(|(k, v)| match v {
            ArgValue::Text(t) if ind.dims.iter().any(|d| &d.id == k) => Some((k.as_str(), t.as_str())),
            _ => None,
        }))
        .unwrap_or_else(|_| ind.total_key());
    let id = format!("sc{n}-{}", ind.id);
    match sc.kind {
        // drawn above, before the unit is looked up
        ShortcodeKind::Contact => r.render_template(Template::Contact, &Context::new()),
        ShortcodeKind::Map => Err(fail(sc, "has nothing to draw")),
        ShortcodeKind::Value => {
            let points = &ind
                .series_for(geo, &breakdown)
                .ok_or_else(|| fail(sc, "has no figures for this unit"))?
                .points;
            let year = sc.integer("year").map(|y| y as i32);
            let point = match year {
                Some(y) => points.iter().find(|p| p.0 == y),
                None => points.last(),
            }
            .ok_or_else(|| fail(sc, "has no figure for that year"))?;
            let text = w.value(ind, point.1);
            let shown = if year.is_some() { text } else { format!("{text} ({})", point.0) };
            Ok(format!("<span class=\"sc-value\">{}</span>", html_attr(&shown)))
        }
        ShortcodeKind::Table => {
            let table = series_table(w, site, i, geo);
            let title =
                format!("{}: {}", ind.title, super::data::capitalize(&data.geo.units[geo].full_name()));
            figure(r, Template::TableFigure, &TableFigure { title, table, url: site.config.url(&entry.path) })
        }
        ShortcodeKind::Chart => {
            // the kind was checked when the site was derived
            let kind = sc.text("kind").and_then(ChartKind::from_name).unwrap_or(ChartKind::Trend);
            let chart: Option<ChartOut> = match kind {
                ChartKind::Ranking => {
                    let level = match sc.text("level") {
                        Some("district") => Level::District,
                        _ => entry.ranking.map_or(Level::Commune, |r| r.level),
                    };
                    let year = sc.integer("year").map(|y| y as i32).or(entry.ranking.map(|r| r.year));
                    let top = sc.integer("top").map_or(10, |t| t.clamp(1, 50) as usize);
                    year.and_then(|y| ranking(w, site, i, level, y, top, &id))
                }
                ChartKind::Groups => groups(w, site, i, geo, &id),
                ChartKind::Trend => trend(w, site, i, geo, &id),
            };
            let chart = chart.ok_or_else(|| fail(sc, "has nothing to draw"))?;
            figure(r, Template::ChartFigure, &ChartFigure { chart })
        }
    }
}

#[derive(Serialize)]
struct ChartFigure {
    chart: ChartOut,
}

#[derive(Serialize)]
struct MapFigure {
    map: super::data::maps::MapView,
}

#[derive(Serialize)]
struct TableFigure {
    title: String,
    table: DataTable,
    url: String,
}

fn figure<T: Serialize>(r: &Renderer, template: Template, view: &T) -> Result<String, Error> {
    let ctx = Context::from_serialize(view).map_err(|e| Error::new(ErrorKind::Template, e.to_string()))?;
    r.render_template(template, &ctx)
}

/// Years × (total or breakdown groups) of one unit.
fn series_table(w: &Words<'_>, site: &Site, i: usize, geo: usize) -> DataTable {
    let ind = &site.data.indicators[i].indicator;
    let series: Vec<&crate::indicator::Series> = ind.series.iter().filter(|s| s.geo == geo).collect();
    let years = ind.years();
    let mut head = vec![w.t("year").to_string()];
    head.extend(series.iter().map(|s| {
        let names = ind.breakdown_names(&s.breakdown);
        if names.is_empty() { ind.short_title.clone() } else { names.join(", ") }
    }));
    let rows = years
        .iter()
        .filter(|y| series.iter().any(|s| s.points.iter().any(|p| p.0 == **y)))
        .map(|y| {
            let mut row = vec![y.to_string()];
            row.extend(series.iter().map(|s| {
                s.points.iter().find(|p| p.0 == *y).map_or_else(|| "–".to_string(), |p| w.value(ind, p.1))
            }));
            row
        })
        .collect();
    DataTable { head, rows }
}

fn fail(sc: &Shortcode, what: &str) -> Error {
    Error::new(ErrorKind::Chart, format!("the shortcode `{}` {what}", sc.name()))
        .help("check its arguments against the indicator's data")
}

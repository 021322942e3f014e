//! Maps on pages (issue 16): the choropleth of an indicator's latest year, inline (its units
//! are links), with earlier years as small multiples in files of their own shown as images,
//! and the `map` shortcode. Each map comes with the table of what it shows. Target maps are in
//! `target_maps`, profiles' locator maps in `locator`.

use serde::Serialize;

use super::charts::{DataTable, chart_id, level_key, number_style, unit_label};
use super::words::Words;
use crate::chart::ChartMeta;
use crate::date::Date;
use crate::geo::Level;
use crate::indicator::{Direction, UnitKind};
use crate::map::classes::{BLUES, CLASSES, class_of, palette, quantile_classes, range_label};
use crate::map::{Atlas, MapClass, MapSpec, MapUnit, render_map};
use crate::model::Site;
use crate::render::i18n::fill;

/// Earlier years shown as small multiples beside the latest.
const EARLIER_YEARS: usize = 3;

/// A drawn map with its caption and table.
#[derive(Debug, Serialize)]
pub struct MapView {
    /// Element id, unique on the page.
    pub id: String,
    /// Caption.
    pub title: String,
    /// The SVG markup.
    pub svg_html: String,
    /// What the map shows, as a table (unit, value).
    pub table: DataTable,
    /// Earlier years, small and without legend (same classes as the main map).
    pub earlier: Vec<SmallMap>,
}

/// One small multiple: a map without links in a file of its own (`Routes::map_year`), shown
/// with `<img>` so the page stays light and the browser caches and lazy-loads it.
#[derive(Debug, Serialize)]
pub struct SmallMap {
    /// Its year.
    pub year: i32,
    /// URL of its SVG file.
    pub url: String,
    /// Text alternative: the map's title and description.
    pub alt: String,
    /// Intrinsic width and height (the viewBox), so the page does not jump as it loads.
    pub width: u32,
    /// See `width`.
    pub height: u32,
}

/// The figure of each unit on a map (`None`: no data), in the order they are drawn.
type Values = Vec<(usize, Option<f64>)>;

/// How an indicator's values are classed: ranges and colours, fixed for all its maps.
struct Classing {
    ranges: Vec<(f64, f64)>,
    classes: Vec<MapClass>,
    boolean: bool,
}

impl Classing {
    fn of(&self, value: f64) -> Option<usize> {
        if self.boolean { Some(usize::from(value < 0.5)) } else { class_of(&self.ranges, value) }
    }
}

/// The values of the units of `level` on the map of `year` (under the home unit on a
/// provincial site): one generation of units, never old and new on top of each other — the
/// units of the year's last day when any of them has a figure, else those of its first day.
fn values(site: &Site, i: usize, level: Level, year: i32) -> Vec<(usize, Option<f64>)> {
    let ind = &site.data.indicators[i].indicator;
    let total = ind.total_key();
    let within = site.data.geo.root.and(site.data.home);
    let all = site.data.geo.units_of(level, year, within);
    let on = |day: Date| -> Vec<(usize, Option<f64>)> {
        all.iter()
            .filter(|&&u| existed_on(site, u, Some(day)))
            .map(|&u| (u, ind.value(u, &total, year)))
            .collect()
    };
    let last = on(Date { year, month: 12, day: 31 });
    if last.iter().any(|v| v.1.is_some()) { last } else { on(Date { year, month: 1, day: 1 }) }
}

/// The classes of `values`; their legend labels only when `labelled` (finding the decimals to
/// write means formatting every value, wasted on a small multiple, which has no legend).
fn classing(
    w: &Words<'_>,
    site: &Site,
    i: usize,
    values: &[(usize, Option<f64>)],
    labelled: bool,
) -> Classing {
    let ind = &site.data.indicators[i].indicator;
    if ind.unit == UnitKind::Boolean {
        let classes = vec![
            MapClass { label: w.t("boolean_yes").to_string(), colour: BLUES[1] },
            MapClass { label: w.t("boolean_no").to_string(), colour: BLUES[4] },
        ];
        return Classing { ranges: Vec::new(), classes, boolean: true };
    }
    let shown: Vec<f64> = values.iter().filter_map(|v| v.1).collect();
    let ranges = quantile_classes(&shown, CLASSES);
    let number = labelled.then(|| number_style(w, ind, shown.iter().copied()));
    let colours = palette(ranges.len(), ind.direction == Direction::Higher);
    let classes = ranges
        .iter()
        .zip(colours)
        .map(|(&r, colour)| MapClass {
            label: number.as_ref().map(|n| range_label(r, n, w.lang)).unwrap_or_default(),
            colour,
        })
        .collect();
    Classing { ranges, classes, boolean: false }
}

/// The map of indicator `i` for `year` (its ranking year when `None`), with earlier years
/// as small multiples when `earlier`.
pub fn indicator_map(
    w: &Words<'_>,
    site: &Site,
    i: usize,
    year: Option<i32>,
    id: &str,
    earlier: bool,
) -> Option<MapView> {
    let atlas = site.data.atlas.as_ref()?;
    let entry = &site.data.indicators[i];
    let ind = &entry.indicator;
    let r = entry.ranking?;
    let year = year.unwrap_or(r.year);
    let vals = values(site, i, r.level, year);
    if !vals.iter().any(|(u, v)| v.is_some() && atlas.has_shape(*u)) {
        return None;
    }
    // one set of classes for the year and its small multiples, so colours compare across years
    let pooled_years = if earlier { earlier_years(site, i, year) } else { Vec::new() };
    let classing = pooled_classing(w, site, i, &pooled_years, &vals, true);
    let level = w.t(level_key(r.level));
    let title = fill(
        w.t("map_title"),
        &[("indicator", &ind.short_title), ("level", level), ("year", &year.to_string())],
    );
    let id = chart_id(id);
    // each unit's name and value written once, for its tooltip and for the table
    let written: Vec<(String, String)> = vals
        .iter()
        .map(|&(u, v)| {
            (unit_label(site, u), v.map_or_else(|| w.t("no_data").to_string(), |v| w.value(ind, v)))
        })
        .collect();
    let meta = ChartMeta {
        id: id.clone(),
        title: title.clone(),
        desc: describe(w, site, i, &vals, &classing),
        lang: w.lang,
    };
    let spec = spec(w, site, atlas, (&vals, year), &classing, meta, Some(&written));
    let svg_html = render_map(atlas, &spec).ok()?.into_string();
    let earlier = if earlier && year == r.year { small_multiples(w, site, i, &classing) } else { Vec::new() };
    let mut rows: Vec<(String, Vec<String>)> =
        written.into_iter().map(|(name, value)| (crate::slug::slugify(&name), vec![name, value])).collect();
    rows.sort();
    let table = DataTable {
        head: vec![w.t("geo").to_string(), format!("{} {year}", w.t("value"))],
        rows: rows.into_iter().map(|r| r.1).collect(),
    };
    Some(MapView { id, title, svg_html, table, earlier })
}

/// The units of a map. With `written` (each unit's name and value, in the order of `vals`),
/// each is a link with a tooltip; without (a small multiple), a bare path and no legend.
fn spec(
    w: &Words<'_>,
    site: &Site,
    atlas: &Atlas,
    (vals, year): (&[(usize, Option<f64>)], i32),
    classing: &Classing,
    meta: ChartMeta,
    written: Option<&[(String, String)]>,
) -> MapSpec {
    let year_text = year.to_string();
    let units = vals
        .iter()
        .enumerate()
        .filter(|(_, (u, _))| atlas.has_shape(*u))
        .map(|(k, &(u, v))| {
            let class = v.and_then(|v| classing.of(v));
            match written.and_then(|wr| wr.get(k)) {
                None => MapUnit { unit: u, class, title: String::new(), url: None },
                Some((name, value)) => MapUnit {
                    unit: u,
                    class,
                    title: fill(
                        w.t("map_unit_title"),
                        &[("name", name), ("value", value), ("year", &year_text)],
                    ),
                    url: Some(site.config.url(&site.data.geo_paths[u])),
                },
            }
        })
        .collect();
    MapSpec {
        meta,
        classes: classing.classes.clone(),
        units,
        no_data: w.t("no_data").to_string(),
        legend: written.is_some(),
    }
}

/// "Highest: …; lowest: …" (or how many meet it, for a met/not-met indicator).
fn describe(
    w: &Words<'_>,
    site: &Site,
    i: usize,
    vals: &[(usize, Option<f64>)],
    classing: &Classing,
) -> String {
    let ind = &site.data.indicators[i].indicator;
    let known: Vec<(usize, f64)> = vals.iter().filter_map(|&(u, v)| v.map(|v| (u, v))).collect();
    let missing = vals.len() - known.len();
    let mut desc = if classing.boolean {
        let met = known.iter().filter(|k| k.1 >= 0.5).count();
        fill(w.t("map_desc_met"), &[("met", &met.to_string()), ("n", &known.len().to_string())])
    } else {
        let cmp = |a: &&(usize, f64), b: &&(usize, f64)| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0));
        let (Some(high), Some(low)) = (known.iter().max_by(cmp), known.iter().min_by(cmp)) else {
            return String::new();
        };
        let item = |&(u, v): &(usize, f64)| format!("{} ({})", unit_label(site, u), w.value(ind, v));
        fill(w.t("map_desc"), &[("high", &item(high)), ("low", &item(low))])
    };
    if missing > 0 {
        desc.push(' ');
        desc.push_str(&fill(w.t("map_desc_missing"), &[("n", &missing.to_string())]));
    }
    desc
}

/// Up to [`EARLIER_YEARS`] years before `year`, oldest first.
fn earlier_years(site: &Site, i: usize, year: i32) -> Vec<i32> {
    let years = site.data.indicators[i].indicator.years();
    let mut out: Vec<i32> = years.into_iter().filter(|&y| y < year).rev().take(EARLIER_YEARS).collect();
    out.reverse();
    out
}

/// The classes of a map and its small multiples: pooled over `years` and the map's values.
fn pooled_classing(
    w: &Words<'_>,
    site: &Site,
    i: usize,
    years: &[i32],
    vals: &[(usize, Option<f64>)],
    labelled: bool,
) -> Classing {
    let Some(r) = site.data.indicators[i].ranking else { return classing(w, site, i, vals, labelled) };
    let pooled: Vec<(usize, Option<f64>)> =
        years.iter().flat_map(|&y| values(site, i, r.level, y)).chain(vals.iter().copied()).collect();
    classing(w, site, i, &pooled, labelled)
}

/// The earlier years of indicator `i` drawn as small multiples on its page, each a file
/// (`PageKind::MapSvg`): up to `EARLIER_YEARS` before its ranking year with a figure on a
/// shape.
pub fn earlier_map_years(site: &Site, i: usize) -> Vec<i32> {
    let (Some(atlas), Some(r)) = (site.data.atlas.as_ref(), site.data.indicators[i].ranking) else {
        return Vec::new();
    };
    let drawn = |y: i32| values(site, i, r.level, y).iter().any(|&(u, v)| v.is_some() && atlas.has_shape(u));
    if !drawn(r.year) {
        return Vec::new();
    }
    earlier_years(site, i, r.year).into_iter().filter(|&y| drawn(y)).collect()
}

/// Title and description of the small multiple of indicator `i` in `year`, with its values.
fn small_meta(
    w: &Words<'_>,
    site: &Site,
    i: usize,
    year: i32,
    classing: &Classing,
) -> Option<(ChartMeta, Values)> {
    let entry = &site.data.indicators[i];
    let r = entry.ranking?;
    let vals = values(site, i, r.level, year);
    let title = fill(
        w.t("map_title"),
        &[
            ("indicator", &entry.indicator.short_title),
            ("level", w.t(level_key(r.level))),
            ("year", &year.to_string()),
        ],
    );
    let meta = ChartMeta {
        id: chart_id(&format!("{}-map-{year}", entry.indicator.id)),
        title,
        desc: describe(w, site, i, &vals, classing),
        lang: w.lang,
    };
    Some((meta, vals))
}

/// The small multiples of indicator `i`'s page: an `<img>` of each earlier year's file.
fn small_multiples(w: &Words<'_>, site: &Site, i: usize, classing: &Classing) -> Vec<SmallMap> {
    let Some(atlas) = site.data.atlas.as_ref() else { return Vec::new() };
    let id = &site.data.indicators[i].indicator.id;
    earlier_map_years(site, i)
        .into_iter()
        .filter_map(|year| {
            let (meta, _) = small_meta(w, site, i, year, classing)?;
            Some(SmallMap {
                year,
                url: site.config.url(&site.routes.map_year(id, year)),
                alt: format!("{}. {}", meta.title, meta.desc),
                width: atlas.frame.width,
                height: atlas.frame.height,
            })
        })
        .collect()
}

/// The file of indicator `i`'s map of an earlier `year` (a small multiple), with the classes
/// of its page's map.
pub fn year_map_file(w: &Words<'_>, site: &Site, i: usize, year: i32) -> Option<String> {
    let atlas = site.data.atlas.as_ref()?;
    let r = site.data.indicators[i].ranking?;
    let latest = values(site, i, r.level, r.year);
    let classing = pooled_classing(w, site, i, &earlier_years(site, i, r.year), &latest, false);
    let (meta, vals) = small_meta(w, site, i, year, &classing)?;
    let spec = spec(w, site, atlas, (&vals, year), &classing, meta, None);
    render_map(atlas, &spec).ok().map(crate::chart::Svg::into_string)
}

/// Whether unit `u` existed on `day` (`None`: whether it exists today).
pub fn existed_on(site: &Site, u: usize, day: Option<Date>) -> bool {
    let unit = &site.data.geo.units[u];
    match day {
        Some(d) => unit.from.is_none_or(|f| f <= d) && unit.until.is_none_or(|t| t >= d),
        None => unit.until.is_none(),
    }
}

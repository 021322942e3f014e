//! Charts of indicators: turn model data into chart specifications, draw them, and give
//! each the data table that goes next to it.

mod bars;
mod share;

pub use bars::{groups, ranked_units, ranking, unit_label};
pub use share::share_trend;

use serde::Serialize;

use super::words::Words;
use crate::chart::{
    ChartMeta, LineChart, LineSeries, NumberStyle, ProgressBar, Sparkline, TargetLine, render_line_chart,
    render_progress_bar, render_sparkline,
};
use crate::geo::Level;
use crate::goal::{ScopeKind, TargetKind};
use crate::indicator::{Breakdown, Indicator};
use crate::model::Site;
use crate::model::data::IndicatorEntry;
use crate::render::i18n::fill;

/// A drawn chart with its accessible table.
#[derive(Debug, Serialize)]
pub struct ChartOut {
    /// Element id prefix, unique on the page.
    pub id: String,
    /// `trend`, `ranking` or `groups`.
    pub kind: &'static str,
    /// Caption.
    pub title: String,
    /// The SVG markup.
    pub svg_html: String,
    /// The same data as a table.
    pub table: DataTable,
    /// Site URL of the standalone SVG file, when one is published.
    pub download: Option<String>,
}

impl ChartOut {
    /// A drawn chart without a standalone file (yet).
    pub fn new(
        id: &str,
        kind: &'static str,
        title: String,
        svg: crate::chart::Svg,
        table: DataTable,
    ) -> ChartOut {
        ChartOut { id: id.to_string(), kind, title, svg_html: svg.into_string(), table, download: None }
    }
}

/// A table: header row and body rows (first cell of each row is its header).
#[derive(Debug, Serialize, Default)]
pub struct DataTable {
    /// Column headers.
    pub head: Vec<String>,
    /// Rows of cells.
    pub rows: Vec<Vec<String>>,
}

/// Value labels of a chart of typed figures: the indicator's decimals, or more when a value
/// shown was typed with more (issue 9: a label never rounds away what the table shows).
pub fn number_style(w: &Words<'_>, ind: &Indicator, values: impl IntoIterator<Item = f64>) -> NumberStyle {
    let typed = values.into_iter().map(crate::locale::typed_decimals).max().unwrap_or(0);
    NumberStyle { decimals: ind.decimals.max(typed), unit_suffix: w.unit_suffix(ind) }
}

fn meta(w: &Words<'_>, id: &str, title: &str, desc: String) -> ChartMeta {
    ChartMeta { id: chart_id(id), title: title.to_string(), desc, lang: w.lang }
}

/// Element ids of a chart start with a letter whatever the indicator id is (`c-2030-muc-tieu`).
pub fn chart_id(id: &str) -> String {
    format!("c-{id}")
}

/// The series a trend chart shows for a unit: the total, else every breakdown (up to six).
fn trend_series(ind: &Indicator, geo: usize) -> Vec<(&Breakdown, &[(i32, f64)])> {
    if let Some(s) = ind.total(geo) {
        return vec![(&s.breakdown, &s.points)];
    }
    ind.series.iter().filter(|s| s.geo == geo).take(6).map(|s| (&s.breakdown, s.points.as_slice())).collect()
}

/// The target path for a series: (label, baseline point, target point).
fn target_line(
    w: &Words<'_>,
    site: &Site,
    entry: &IndicatorEntry,
    geo: usize,
    breakdown: &[Option<u16>],
    points: &[(i32, f64)],
) -> Option<TargetLine> {
    entry.targets.iter().find_map(|&(p, t)| {
        let prog = &site.data.programmes[p].programme;
        let target = &prog.targets[t];
        let fits = target.scope.kind == ScopeKind::One
            && target.scope.units == [geo]
            && target.breakdown == breakdown;
        if !fits || target.kind == TargetKind::Share {
            return None;
        }
        let (by, b) = points.iter().find(|p| p.0 == target.baseline_year).copied()?;
        let span = f64::from(target.target_year - target.baseline_year);
        let goal = match target.kind {
            TargetKind::Level | TargetKind::Share => target.value,
            TargetKind::AnnualDecrease => b - target.value * span,
            TargetKind::AnnualIncrease => b + target.value * span,
        };
        let label =
            format!("{}: {} ({})", w.t("target"), w.target_phrase(target, &entry.indicator), prog.number);
        Some(TargetLine { label, points: vec![(by, b), (target.target_year, goal)] })
    })
}

/// Line chart of a unit over the years, with its target when one applies.
pub fn trend(w: &Words<'_>, site: &Site, i: usize, geo: usize, id: &str) -> Option<ChartOut> {
    let entry = &site.data.indicators[i];
    let ind = &entry.indicator;
    let unit = &site.data.geo.units[geo];
    let chosen = trend_series(ind, geo);
    let first = chosen.iter().filter_map(|s| s.1.first()).map(|p| p.0).min()?;
    let last = chosen.iter().filter_map(|s| s.1.last()).map(|p| p.0).max()?;
    let label_of = |b: &Breakdown| {
        let names = ind.breakdown_names(b);
        if names.is_empty() { unit.name.clone() } else { names.join(", ") }
    };
    let series: Vec<LineSeries> =
        chosen.iter().map(|(b, p)| LineSeries { label: label_of(b), points: p.to_vec() }).collect();
    let target = chosen.first().and_then(|(b, p)| target_line(w, site, entry, geo, b, p));
    let title = fill(
        w.t("trend_title"),
        &[
            ("indicator", &ind.short_title),
            ("geo", &unit.full_name()),
            ("from", &first.to_string()),
            ("to", &last.to_string()),
            ("years", &w.years(first, last)),
        ],
    );
    let mut desc_parts: Vec<String> = chosen
        .iter()
        .filter_map(|(b, p)| {
            let (f, l) = (p.first()?, p.last()?);
            Some(w.series_desc(&label_of(b), (f.0, &w.value(ind, f.1)), (l.0, &w.value(ind, l.1))))
        })
        .collect();
    if let Some(t) = &target {
        desc_parts.push(fill(w.t("chart_target_desc"), &[("target", &t.label)]));
    }
    let desc = fill(w.t("chart_trend_desc"), &[("series", &desc_parts.join(" "))]);
    let chart = LineChart {
        meta: meta(w, id, &title, desc),
        number: number_style(w, ind, series.iter().flat_map(|s| s.points.iter().map(|p| p.1))),
        baseline_year: target.as_ref().and_then(|t| t.points.first().map(|p| p.0)),
        target,
        series,
        y_range: None,
    };
    let svg = render_line_chart(&chart).ok()?;
    let mut years: Vec<i32> = chosen.iter().flat_map(|s| s.1.iter().map(|p| p.0)).collect();
    years.sort_unstable();
    years.dedup();
    let mut head = vec![w.t("year").to_string()];
    head.extend(chosen.iter().map(|(b, _)| label_of(b)));
    let rows = years
        .iter()
        .map(|y| {
            let mut row = vec![y.to_string()];
            row.extend(chosen.iter().map(|(_, p)| {
                p.iter().find(|q| q.0 == *y).map_or_else(|| "–".to_string(), |q| w.value(ind, q.1))
            }));
            row
        })
        .collect();
    Some(ChartOut::new(id, crate::model::ChartKind::Trend.name(), title, svg, DataTable { head, rows }))
}

/// A sparkline for a card.
pub fn sparkline(
    w: &Words<'_>,
    ind: &Indicator,
    points: &[(i32, f64)],
    id: &str,
    title: &str,
) -> Option<String> {
    let (first, last) = (points.first()?, points.last()?);
    let desc = fill(
        w.t("chart_spark_desc"),
        &[
            ("from", &first.0.to_string()),
            ("to", &last.0.to_string()),
            ("years", &w.years(first.0, last.0)),
            ("first", &w.value(ind, first.1)),
            ("last", &w.value(ind, last.1)),
        ],
    );
    let chart = Sparkline { meta: meta(w, id, title, desc), points: points.to_vec(), highlight_last: true };
    render_sparkline(&chart).ok().map(crate::chart::Svg::into_string)
}

/// A progress bar from the baseline to the target.
pub fn progress_bar(w: &Words<'_>, fraction: f64, label: &str, id: &str) -> Option<String> {
    let percent = format!("{}\u{a0}%", crate::locale::format_number(fraction * 100.0, 0, w.lang));
    let desc = fill(w.t("chart_progress_desc"), &[("percent", &percent)]);
    let chart = ProgressBar { meta: meta(w, id, label, desc), fraction, label: label.to_string() };
    render_progress_bar(&chart).ok().map(crate::chart::Svg::into_string)
}

/// The i18n key naming the units of a level.
pub fn level_key(level: Level) -> &'static str {
    match level {
        Level::Province => "level_province",
        Level::District => "level_district",
        Level::Commune => "level_commune",
    }
}

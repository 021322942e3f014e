//! Charts of indicators: turn model data into chart specifications, draw them, and give
//! each the data table that goes next to it.

use serde::Serialize;

use super::words::{Words, lower_first};
use crate::chart::{
    Bar, BarChart, BarGroup, ChartMeta, GroupedBarChart, LineChart, LineSeries, NumberStyle, ProgressBar,
    Sparkline, TargetLine, render_bar_chart, render_grouped_bar_chart, render_line_chart,
    render_progress_bar, render_sparkline,
};
use crate::geo::Level;
use crate::indicator::{Breakdown, Indicator};
use crate::model::Site;
use crate::model::data::IndicatorEntry;
use crate::render::i18n::fill;
use crate::target::{ScopeKind, TargetKind};

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

/// A table: header row and body rows (first cell of each row is its header).
#[derive(Debug, Serialize, Default)]
pub struct DataTable {
    /// Column headers.
    pub head: Vec<String>,
    /// Rows of cells.
    pub rows: Vec<Vec<String>>,
}

fn number_style(w: &Words<'_>, ind: &Indicator) -> NumberStyle {
    NumberStyle { decimals: ind.decimals, unit_suffix: w.unit_suffix(ind) }
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
        ],
    );
    let mut desc_parts: Vec<String> = chosen
        .iter()
        .filter_map(|(b, p)| {
            let (f, l) = (p.first()?, p.last()?);
            Some(fill(
                w.t("chart_series_desc"),
                &[
                    ("name", &label_of(b)),
                    ("first", &w.value(ind, f.1)),
                    ("first_year", &f.0.to_string()),
                    ("last", &w.value(ind, l.1)),
                    ("last_year", &l.0.to_string()),
                ],
            ))
        })
        .collect();
    if let Some(t) = &target {
        desc_parts.push(fill(w.t("chart_target_desc"), &[("target", &t.label)]));
    }
    let desc = fill(w.t("chart_trend_desc"), &[("series", &desc_parts.join(" "))]);
    let chart = LineChart {
        meta: meta(w, id, &title, desc),
        number: number_style(w, ind),
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
    Some(ChartOut {
        id: id.to_string(),
        kind: "trend",
        title,
        svg_html: svg.into_string(),
        table: DataTable { head, rows },
        download: None,
    })
}

/// The units of a level with a value in a year, worst first (the "poorest" first for a
/// lower-is-better indicator).
pub fn ranked_units(site: &Site, ind: &Indicator, level: Level, year: i32) -> Vec<(usize, f64)> {
    let total = ind.total_key();
    let mut units: Vec<(usize, f64)> = ind
        .series
        .iter()
        .filter(|s| s.breakdown == total && site.data.geo.units[s.geo].level == level)
        .filter_map(|s| s.points.iter().find(|p| p.0 == year).map(|p| (s.geo, p.1)))
        .collect();
    let worse_first = ind.direction == crate::indicator::Direction::Lower;
    units.sort_by(|a, b| {
        let order = a.1.total_cmp(&b.1);
        (if worse_first { order.reverse() } else { order }).then(a.0.cmp(&b.0))
    });
    units
}

/// "Xã Tà Lùng (huyện Mường Tùng)": the unit with its parent when the parent is not the root.
pub fn unit_label(site: &Site, unit: usize) -> String {
    let geo = &site.data.geo;
    let u = &geo.units[unit];
    let name = super::capitalize(&u.full_name());
    match u.parent.filter(|p| Some(*p) != geo.root) {
        Some(p) => format!("{name} ({})", geo.units[p].full_name()),
        None => name,
    }
}

/// Ranking bars: the `top` worst units of a level in a year, with the home unit as reference.
pub fn ranking(
    w: &Words<'_>,
    site: &Site,
    i: usize,
    level: Level,
    year: i32,
    top: usize,
    id: &str,
) -> Option<ChartOut> {
    let ind = &site.data.indicators[i].indicator;
    let all = ranked_units(site, ind, level, year);
    let shown: Vec<(usize, f64)> = all.iter().take(top.max(1)).copied().collect();
    if shown.is_empty() {
        return None;
    }
    let level_words = w.t(level_key(level));
    // the worst units first: the highest values when lower is better, else the lowest
    let which = w.t(if ind.direction == crate::indicator::Direction::Lower {
        "ranking_highest"
    } else {
        "ranking_lowest"
    });
    let title = fill(
        w.t("ranking_title"),
        &[
            ("indicator", &ind.short_title),
            ("n", &shown.len().to_string()),
            ("level", level_words),
            ("which", which),
            ("year", &year.to_string()),
        ],
    );
    let reference = site.data.indicators[i]
        .headline
        .and_then(|h| ind.value(h, &ind.total_key(), year).map(|v| (site.data.geo.units[h].name.clone(), v)));
    let bars: Vec<Bar> =
        shown.iter().map(|&(u, v)| Bar { label: unit_label(site, u), value: v, highlight: false }).collect();
    let items: Vec<String> =
        shown.iter().map(|&(u, v)| format!("{} {}", unit_label(site, u), w.value(ind, v))).collect();
    let desc =
        fill(w.t("chart_ranking_desc"), &[("n", &shown.len().to_string()), ("items", &items.join("; "))]);
    let chart = BarChart { meta: meta(w, id, &title, desc), number: number_style(w, ind), bars, reference };
    let svg = render_bar_chart(&chart).ok()?;
    let rows = shown
        .iter()
        .enumerate()
        .map(|(k, &(u, v))| vec![(k + 1).to_string(), unit_label(site, u), w.value(ind, v)])
        .collect();
    let head = vec![w.t("rank").to_string(), w.t("geo").to_string(), format!("{} {year}", w.t("value"))];
    Some(ChartOut {
        id: id.to_string(),
        kind: "ranking",
        title,
        svg_html: svg.into_string(),
        table: DataTable { head, rows },
        download: None,
    })
}

/// Grouped bars: the values of the first breakdown for the last two years, against targets.
pub fn groups(w: &Words<'_>, site: &Site, i: usize, geo: usize, id: &str) -> Option<ChartOut> {
    let entry = &site.data.indicators[i];
    let ind = &entry.indicator;
    let dim = ind.dims.first()?;
    let unit = &site.data.geo.units[geo];
    let keys: Vec<(String, Breakdown)> = dim
        .values
        .iter()
        .enumerate()
        .map(|(v, (_, name))| {
            let mut key = ind.total_key();
            key[0] = Some(v as u16);
            (name.clone(), key)
        })
        .filter(|(_, key)| ind.series_for(geo, key).is_some())
        .collect();
    let mut years: Vec<i32> = keys
        .iter()
        .filter_map(|(_, k)| ind.series_for(geo, k))
        .flat_map(|s| s.points.iter().map(|p| p.0))
        .collect();
    years.sort_unstable();
    years.dedup();
    let years: Vec<i32> = years.iter().rev().take(2).rev().copied().collect();
    if keys.is_empty() || years.is_empty() {
        return None;
    }
    let target_of = |key: &Breakdown| {
        entry.targets.iter().find_map(|&(p, t)| {
            let target = &site.data.programmes[p].programme.targets[t];
            (target.kind == TargetKind::Level && target.scope.units == [geo] && &target.breakdown == key)
                .then_some(target.value)
        })
    };
    let groups: Vec<BarGroup> = keys
        .iter()
        .map(|(name, key)| BarGroup {
            label: name.clone(),
            values: years.iter().map(|y| ind.value(geo, key, *y)).collect(),
            target: target_of(key),
        })
        .collect();
    let title = fill(
        w.t("groups_title"),
        &[("indicator", &ind.short_title), ("geo", &unit.full_name()), ("dim", &lower_first(&dim.name))],
    );
    let items: Vec<String> = groups
        .iter()
        .map(|g| {
            let values: Vec<String> = years
                .iter()
                .zip(&g.values)
                .map(|(y, v)| format!("{y}: {}", v.map_or_else(|| "–".to_string(), |v| w.value(ind, v))))
                .collect();
            let target =
                g.target.map(|t| format!(", {} {}", w.t("target"), w.value(ind, t))).unwrap_or_default();
            format!("{} ({}{target})", g.label, values.join(", "))
        })
        .collect();
    let desc = fill(w.t("chart_groups_desc"), &[("items", &items.join("; "))]);
    let chart = GroupedBarChart {
        meta: meta(w, id, &title, desc),
        number: number_style(w, ind),
        series_labels: years.iter().map(i32::to_string).collect(),
        groups,
    };
    let svg = render_grouped_bar_chart(&chart).ok()?;
    let mut head = vec![dim.name.clone()];
    head.extend(years.iter().map(i32::to_string));
    head.push(w.t("target").to_string());
    let rows = chart
        .groups
        .iter()
        .map(|g| {
            let mut row = vec![g.label.clone()];
            row.extend(g.values.iter().map(|v| v.map_or_else(|| "–".to_string(), |v| w.value(ind, v))));
            row.push(g.target.map_or_else(|| "–".to_string(), |t| w.value(ind, t)));
            row
        })
        .collect();
    Some(ChartOut {
        id: id.to_string(),
        kind: "groups",
        title,
        svg_html: svg.into_string(),
        table: DataTable { head, rows },
        download: None,
    })
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

/// Line chart of the share of units meeting a met/not-met indicator, with a share target.
pub fn share_trend(w: &Words<'_>, site: &Site, i: usize, id: &str) -> Option<ChartOut> {
    let entry = &site.data.indicators[i];
    let ind = &entry.indicator;
    let level = entry.ranking?.level;
    let points: Vec<(i32, f64)> = entry.share.iter().map(|s| (s.year, s.percent())).collect();
    let (first, last) = (points.first()?, points.last()?);
    let level_words = w.t(level_key(level));
    let pct = |v: f64| w.percent(v);
    let label = super::capitalize(level_words);
    let target = entry.targets.iter().find_map(|&(p, t)| {
        let prog = &site.data.programmes[p].programme;
        let target = &prog.targets[t];
        let b = points.iter().find(|q| q.0 == target.baseline_year)?;
        (target.kind == TargetKind::Share).then(|| TargetLine {
            label: format!("{}: {} ({})", w.t("target"), w.target_phrase(target, ind), prog.number),
            points: vec![*b, (target.target_year, target.value)],
        })
    });
    let title = fill(
        w.t("share_title"),
        &[
            ("level", level_words),
            ("indicator", &ind.short_title),
            ("from", &first.0.to_string()),
            ("to", &last.0.to_string()),
        ],
    );
    let mut desc = fill(
        w.t("chart_series_desc"),
        &[
            ("name", &label),
            ("first", &pct(first.1)),
            ("first_year", &first.0.to_string()),
            ("last", &pct(last.1)),
            ("last_year", &last.0.to_string()),
        ],
    );
    if let Some(t) = &target {
        desc = format!("{desc} {}", fill(w.t("chart_target_desc"), &[("target", &t.label)]));
    }
    let chart = LineChart {
        meta: meta(w, id, &title, fill(w.t("chart_trend_desc"), &[("series", &desc)])),
        number: NumberStyle { decimals: 1, unit_suffix: "\u{a0}%".to_string() },
        baseline_year: target.as_ref().and_then(|t| t.points.first().map(|p| p.0)),
        target,
        series: vec![LineSeries { label: label.clone(), points: points.clone() }],
        y_range: None,
    };
    let svg = render_line_chart(&chart).ok()?;
    let head = vec![w.t("year").to_string(), label, w.t("units_met").to_string()];
    let rows = entry
        .share
        .iter()
        .map(|s| vec![s.year.to_string(), pct(s.percent()), format!("{}/{}", s.met, s.units)])
        .collect();
    Some(ChartOut {
        id: id.to_string(),
        kind: "trend",
        title,
        svg_html: svg.into_string(),
        table: DataTable { head, rows },
        download: None,
    })
}

/// The i18n key naming the units of a level.
pub fn level_key(level: Level) -> &'static str {
    match level {
        Level::Province => "level_province",
        Level::District => "level_district",
        Level::Commune => "level_commune",
    }
}

//! Bar charts: the ranking of units, and a breakdown's groups against their targets.

use super::super::words::{Words, lower_first};
use super::{ChartOut, DataTable, level_key, meta, number_style};
use crate::chart::{Bar, BarChart, BarGroup, GroupedBarChart, render_bar_chart, render_grouped_bar_chart};
use crate::geo::Level;
use crate::goal::TargetKind;
use crate::indicator::Breakdown;
use crate::model::Site;
use crate::render::i18n::fill;

/// A unit in a ranking: its value and its rank.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RankedUnit {
    /// The unit.
    pub unit: usize,
    /// Its value in the ranked year.
    pub value: f64,
    /// Its rank, from [`IndicatorEntry::rank`](crate::model::data::IndicatorEntry::rank):
    /// 1 = best for the indicator's direction; ties share a rank (1, 2, 2, 4).
    pub rank: usize,
}

/// The units of a level with a value in a year, best first (rank 1 first; ties in unit order).
/// Issue 9: the table, the bars and the profiles all take their rank from the one function.
pub fn ranked_units(site: &Site, i: usize, level: Level, year: i32) -> Vec<RankedUnit> {
    let entry = &site.data.indicators[i];
    let ind = &entry.indicator;
    let total = ind.total_key();
    let mut units: Vec<RankedUnit> = ind
        .series
        .iter()
        .filter(|s| s.breakdown == total && site.data.geo.units[s.geo].level == level)
        .filter_map(|s| s.points.iter().find(|p| p.0 == year).map(|p| (s.geo, p.1)))
        .filter_map(|(unit, value)| {
            entry.rank(level, year, value).map(|(rank, _)| RankedUnit { unit, value, rank })
        })
        .collect();
    units.sort_by(|a, b| a.rank.cmp(&b.rank).then(a.unit.cmp(&b.unit)));
    units
}

/// "Xã Tà Lùng (huyện Mường Tùng)": the unit with its parent when the parent is not the root.
pub fn unit_label(site: &Site, unit: usize) -> String {
    let geo = &site.data.geo;
    let u = &geo.units[unit];
    let name = super::super::capitalize(&u.full_name());
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
    // the worst units first (the "poorest communes"), each with its rank counted from the best
    let mut shown = ranked_units(site, i, level, year);
    shown.sort_by(|a, b| b.rank.cmp(&a.rank).then(a.unit.cmp(&b.unit)));
    shown.truncate(top.max(1));
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
    let bars: Vec<Bar> = shown
        .iter()
        .map(|r| Bar { label: unit_label(site, r.unit), value: r.value, highlight: false })
        .collect();
    let items: Vec<String> =
        shown.iter().map(|r| format!("{} {}", unit_label(site, r.unit), w.value(ind, r.value))).collect();
    let desc =
        fill(w.t("chart_ranking_desc"), &[("n", &shown.len().to_string()), ("items", &items.join("; "))]);
    let number = number_style(w, ind, shown.iter().map(|r| r.value));
    let chart = BarChart { meta: meta(w, id, &title, desc), number, bars, reference };
    let svg = render_bar_chart(&chart).ok()?;
    let rows = shown
        .iter()
        .map(|r| vec![r.rank.to_string(), unit_label(site, r.unit), w.value(ind, r.value)])
        .collect();
    let head = vec![w.t("rank").to_string(), w.t("geo").to_string(), format!("{} {year}", w.t("value"))];
    Some(ChartOut::new(id, crate::model::ChartKind::Ranking.name(), title, svg, DataTable { head, rows }))
}

/// A group's name and its breakdown key.
type NamedGroup = (String, Breakdown);

/// The groups of the first disaggregation that unit `geo` has figures for, by name, and the
/// last two years of those figures; `None` when there is nothing to draw.
fn group_keys_and_years(
    ind: &crate::indicator::Indicator,
    geo: usize,
) -> Option<(Vec<NamedGroup>, Vec<i32>)> {
    let dim = ind.dims.first()?;
    let keys: Vec<NamedGroup> = dim
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
    (!keys.is_empty() && !years.is_empty()).then_some((keys, years))
}

/// Grouped bars: the values of the first breakdown for the last two years, against targets.
pub fn groups(w: &Words<'_>, site: &Site, i: usize, geo: usize, id: &str) -> Option<ChartOut> {
    let entry = &site.data.indicators[i];
    let ind = &entry.indicator;
    let dim = ind.dims.first()?;
    let unit = &site.data.geo.units[geo];
    let (keys, years) = group_keys_and_years(ind, geo)?;
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
        number: number_style(w, ind, groups.iter().flat_map(|g| g.values.iter().flatten().copied())),
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
    Some(ChartOut::new(id, crate::model::ChartKind::Groups.name(), title, svg, DataTable { head, rows }))
}

//! The indicator page: headline figure and its sentence, target statuses, charts with their
//! tables, the data table, metadata and provenance, downloads.

use super::Fallback;
use crate::model::localize::TextOf;
use serde::Serialize;

use super::charts::{
    ChartOut, DataTable, groups, level_key, ranked_units, ranking, share_trend, trend, unit_label,
};
use super::words::Words;
use super::{Link, StatusView, status_view};
use crate::geo::Level;
use crate::goal::progress::Status;
use crate::indicator::stats::latest;
use crate::model::Site;
use crate::model::data::ChartKind;
use crate::render::i18n::fill;

/// Everything the indicator template shows.
#[derive(Serialize)]
pub struct IndicatorView<'a> {
    id: &'a str,
    title: &'a str,
    short_title: &'a str,
    description: &'a str,
    theme: Option<Link>,
    unit_label: &'a str,
    headline: Option<Headline>,
    targets: Vec<TargetStatus<'a>>,
    charts: Vec<ChartOut>,
    /// The choropleth of the latest year, with earlier years (issue 16).
    map: Option<super::maps::MapView>,
    /// Met / not met per unit, for targets judged per unit (issue 16).
    target_maps: Vec<super::maps::MapView>,
    table: DataTable,
    /// No figure at all yet: the page says so (issue 9).
    no_data: bool,
    ranking_table: Option<RankingTable>,
    source: &'a str,
    source_url: Option<&'a str>,
    methodology_html: &'a str,
    notes_html: &'a str,
    updated: String,
    updated_iso: String,
    next_update: Option<String>,
    revisions: Vec<RevisionView<'a>>,
    downloads: Vec<Link>,
    /// Texts shown in the site's first language for want of a translation: field → language
    /// (`title`, `source`, `revisions.2025-03-01.note`, …).
    fallback: Fallback<'a>,
}

/// The latest figure of the headline unit.
#[derive(Serialize)]
pub struct Headline {
    geo: String,
    year: i32,
    value: String,
    change: Option<String>,
    change_dir: &'static str,
    change_good: bool,
    prev_year: Option<i32>,
    sentence: Option<String>,
}

/// A target about this indicator with its status.
#[derive(Serialize)]
pub struct TargetStatus<'a> {
    title: &'a str,
    phrase: String,
    programme: &'a str,
    url: String,
    status: StatusView<'a>,
    measured: Option<String>,
}

/// The full ranking at the ranking level.
#[derive(Serialize)]
pub struct RankingTable {
    title: String,
    head: Vec<String>,
    rows: Vec<RankRow>,
}

/// One unit in the full ranking.
#[derive(Serialize)]
pub struct RankRow {
    rank: usize,
    name: String,
    url: String,
    value: String,
    change: String,
}

#[derive(Serialize)]
struct RevisionView<'a> {
    date: String,
    date_iso: String,
    note: &'a str,
}

/// Build the view of indicator `i`.
pub fn view<'a>(w: &Words<'a>, site: &'a Site, i: usize) -> IndicatorView<'a> {
    let c = &site.config;
    let entry = &site.data.indicators[i];
    let ind = &entry.indicator;
    let targets = target_statuses(w, site, i);
    let charts = charts(w, site, i);
    let mut downloads = vec![
        Link { name: w.t("download_csv").to_string(), url: c.url(&entry.csv_path) },
        Link { name: w.t("download_json").to_string(), url: c.url(&entry.json_path) },
    ];
    for chart in &charts {
        if let Some(url) = &chart.download {
            downloads.push(Link {
                name: fill(w.t("download_chart"), &[("name", &chart.title)]),
                url: url.clone(),
            });
        }
    }
    IndicatorView {
        id: &ind.id,
        title: &ind.title,
        short_title: &ind.short_title,
        description: &ind.description,
        theme: site.data.theme_name(&ind.theme).map(|name| Link {
            name: name.to_string(),
            url: c.url(&site.routes.indicator_theme(&ind.theme)),
        }),
        unit_label: w.unit_label(ind),
        headline: headline(w, site, i),
        targets,
        charts,
        map: super::maps::indicator_map(w, site, i, None, &format!("{}-map", ind.id), true),
        target_maps: super::target_maps::target_maps(w, site, i),
        table: data_table(w, site, i),
        no_data: ind.series.iter().all(|s| s.points.is_empty()),
        ranking_table: ranking_table(w, site, i),
        source: &ind.source,
        source_url: ind.source_url.as_deref(),
        methodology_html: &entry.methodology_html,
        notes_html: &entry.notes_html,
        updated: w.date(ind.updated),
        updated_iso: ind.updated.iso(),
        next_update: ind.next_update.map(|d| w.date(d)),
        revisions: ind
            .revisions
            .iter()
            .map(|r| RevisionView { date: w.date(r.date), date_iso: r.date.iso(), note: &r.note })
            .collect(),
        downloads,
        fallback: site.data.fallbacks.langs(TextOf::Indicator(i)),
    }
}

/// The targets set on indicator `i`, each with its status.
fn target_statuses<'a>(w: &Words<'a>, site: &'a Site, i: usize) -> Vec<TargetStatus<'a>> {
    let c = &site.config;
    let entry = &site.data.indicators[i];
    let ind = &entry.indicator;
    entry
        .targets
        .iter()
        .map(|&(p, t)| {
            let pe = &site.data.programmes[p];
            let target = &pe.programme.targets[t];
            let a = &pe.progress[t].overall;
            TargetStatus {
                title: &target.title,
                phrase: w.target_phrase(target, ind),
                programme: &pe.programme.number,
                url: c.url(&site.routes.programme_target(&pe.programme.id, &target.id)),
                status: status_view(w, a.status, a.final_result),
                measured: a.measured.map(|m| {
                    super::programme::measured_text(w, target, ind, m, target.scope.units.len() == 1)
                }),
            }
        })
        .collect()
}

/// The charts of indicator `i` (trend, groups, ranking), each with its download link.
fn charts(w: &Words<'_>, site: &Site, i: usize) -> Vec<ChartOut> {
    let c = &site.config;
    let entry = &site.data.indicators[i];
    let ind = &entry.indicator;
    let mut charts = Vec::new();
    let download = |kind: ChartKind| entry.charts.iter().find(|f| f.kind == kind).map(|f| c.url(&f.path));
    let trend_chart = match entry.headline {
        Some(h) => trend(w, site, i, h, &format!("{}-trend", ind.id)),
        None => share_trend(w, site, i, &format!("{}-trend", ind.id)),
    };
    if let Some(mut chart) = trend_chart {
        chart.download = download(ChartKind::Trend);
        charts.push(chart);
    }
    if let Some(h) = entry.headline
        && !ind.dims.is_empty()
        && let Some(mut chart) = groups(w, site, i, h, &format!("{}-groups", ind.id))
    {
        chart.download = download(ChartKind::Groups);
        charts.push(chart);
    }
    if let Some(r) = entry.ranking.filter(|_| ind.unit != crate::indicator::UnitKind::Boolean)
        && let Some(mut chart) = ranking(w, site, i, r.level, r.year, 10, &format!("{}-ranking", ind.id))
    {
        chart.download = download(ChartKind::Ranking);
        charts.push(chart);
    }
    charts
}

/// The headline unit's latest figure, change and sentence (with the first target on that unit).
pub fn headline(w: &Words<'_>, site: &Site, i: usize) -> Option<Headline> {
    let entry = &site.data.indicators[i];
    let ind = &entry.indicator;
    let Some(points) = entry.headline.and_then(|h| ind.total(h)).map(|s| &s.points) else {
        return share_headline(w, site, i);
    };
    let h = entry.headline?;
    let last = latest(points, None)?;
    let unit = &site.data.geo.units[h];
    let target = entry.targets.iter().find_map(|&(p, t)| {
        let pe = &site.data.programmes[p];
        let target = &pe.programme.targets[t];
        (target.scope.units == [h] && target.breakdown == ind.total_key())
            .then(|| (target, &pe.progress[t].overall))
    });
    let verdict = target.map(|(t, a)| (verdict_key(a.status, a.final_result), w.target_phrase(t, ind)));
    let base_year = target.map(|(t, _)| t.baseline_year);
    let sentence = w.sentence(ind, unit, points, base_year, verdict.as_ref().map(|(k, p)| (*k, p.as_str())));
    let change = last.change();
    Some(Headline {
        geo: super::capitalize(&unit.full_name()),
        year: last.year,
        value: w.value(ind, last.value),
        change: change.map(|d| w.change(ind, d)),
        change_dir: match change {
            Some(d) if d > 1e-9 => "up",
            Some(d) if d < -1e-9 => "down",
            _ => "same",
        },
        change_good: change.is_some_and(|d| crate::indicator::stats::better(ind.direction, d, 0.0)),
        prev_year: last.previous.map(|p| p.0),
        sentence,
    })
}

/// Units × years, newest year first (province and districts, or the breakdown groups of the
/// headline unit).
fn data_table(w: &Words<'_>, site: &Site, i: usize) -> DataTable {
    let entry = &site.data.indicators[i];
    let ind = &entry.indicator;
    let geo = &site.data.geo;
    let mut rows_src: Vec<(String, &[(i32, f64)])> = ind
        .series
        .iter()
        .filter(|s| geo.units[s.geo].level != Level::Commune)
        .map(|s| {
            let mut name = super::capitalize(&geo.units[s.geo].full_name());
            let parts = ind.breakdown_names(&s.breakdown);
            if !parts.is_empty() {
                name = format!("{name}: {}", parts.join(", "));
            }
            (name, s.points.as_slice())
        })
        .collect();
    // the headline unit first, then the others in geo order (series are sorted by unit index)
    if let Some(h) = entry.headline {
        let name = super::capitalize(&geo.units[h].full_name());
        rows_src.sort_by_key(|(n, _)| !n.starts_with(&name));
    }
    // latest year first, beside the unit column that stays on screen: on a phone the figure
    // people look for is visible without scrolling sideways (issue 12)
    let years: Vec<i32> = ind.years().iter().rev().copied().collect();
    let mut head = vec![String::new()];
    head.extend(years.iter().map(i32::to_string));
    let rows = rows_src
        .iter()
        .map(|(name, points)| {
            let mut row = vec![name.clone()];
            row.extend(years.iter().map(|y| {
                points.iter().find(|p| p.0 == *y).map_or_else(|| "–".to_string(), |p| w.number(ind, p.1))
            }));
            row
        })
        .collect();
    DataTable { head, rows }
}

/// Every unit of the ranking level in the ranking year, best first, with rank and change.
fn ranking_table(w: &Words<'_>, site: &Site, i: usize) -> Option<RankingTable> {
    let entry = &site.data.indicators[i];
    let ind = &entry.indicator;
    let r = entry.ranking?;
    let units = ranked_units(site, i, r.level, r.year);
    let c = &site.config;
    let rows = units
        .iter()
        .map(|ru| {
            let (u, v) = (ru.unit, ru.value);
            let previous = ind.value(u, &ind.total_key(), r.year - 1);
            RankRow {
                rank: ru.rank,
                name: unit_label(site, u),
                url: c.url(&site.data.geo_paths[u]),
                value: w.value(ind, v),
                change: previous.map_or_else(
                    || "–".to_string(),
                    |p| crate::locale::format_signed(v - p, super::words::change_decimals(ind), w.lang),
                ),
            }
        })
        .collect();
    let head = vec![
        w.t("rank").to_string(),
        w.t("geo").to_string(),
        format!("{} {}", w.t("value"), r.year),
        fill(w.t("change_from"), &[("year", &(r.year - 1).to_string())]),
    ];
    let title = format!("{}: {} ({})", w.t("ranking"), ind.short_title, r.year);
    Some(RankingTable { title, head, rows })
}

/// The headline of a met/not-met indicator: the share of units meeting it.
fn share_headline(w: &Words<'_>, site: &Site, i: usize) -> Option<Headline> {
    let entry = &site.data.indicators[i];
    let last = entry.share.last()?;
    let previous = entry.share.len().checked_sub(2).map(|k| entry.share[k]);
    let level = w.t(level_key(entry.ranking?.level));
    let pct = |v: f64| w.percent(v);
    let change = previous.map(|p| last.percent() - p.percent());
    let target = entry.targets.iter().find_map(|&(p, t)| {
        let pe = &site.data.programmes[p];
        let target = &pe.programme.targets[t];
        (target.kind == crate::goal::TargetKind::Share).then(|| (target, &pe.progress[t].overall))
    });
    let mut sentence = fill(
        w.t("sentence_share"),
        &[
            ("year", &last.year.to_string()),
            ("share", &pct(last.percent())),
            ("level", level),
            ("met", &last.met.to_string()),
            ("n", &last.units.to_string()),
            ("indicator", &entry.indicator.title),
        ],
    );
    if let Some((t, a)) = target {
        let verdict = verdict_key(a.status, a.final_result);
        sentence.push_str(", ");
        sentence.push_str(&fill(w.t(verdict), &[("target", &w.target_phrase(t, &entry.indicator))]));
    }
    sentence.push('.');
    Some(Headline {
        geo: super::capitalize(level),
        year: last.year,
        value: pct(last.percent()),
        change: change.map(|d| {
            format!("{}\u{a0}{}", crate::locale::format_number(d.abs(), 1, w.lang), w.t("unit_points"))
        }),
        change_dir: match change {
            Some(d) if d > 1e-9 => "up",
            Some(d) if d < -1e-9 => "down",
            _ => "same",
        },
        change_good: change.is_some_and(|d| d > 0.0),
        prev_year: previous.map(|p| p.year),
        sentence: Some(sentence),
    })
}

/// The i18n key of the clause judging a target (`verdict_not_achieved` once the target year is past).
fn verdict_key(status: Status, final_result: bool) -> &'static str {
    match status {
        Status::Achieved => "verdict_achieved",
        Status::OnTrack => "verdict_on_track",
        Status::AtRisk => "verdict_at_risk",
        Status::OffTrack if final_result => "verdict_not_achieved",
        Status::OffTrack => "verdict_off_track",
        Status::NotEnoughData => "verdict_not_enough_data",
        Status::NotComparable => "verdict_not_comparable",
    }
}

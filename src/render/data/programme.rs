//! Programme pages, the list of programmes and the progress dashboard: each target with its
//! status, scope, measured result, progress bar, chart and unit-by-unit results.

use super::Fallback;
use crate::model::localize::TextOf;
use serde::Serialize;

use super::charts::{ChartOut, DataTable, level_key, progress_bar, unit_label};
use super::words::Words;
use super::{Link, StatusView, capitalize, status_view};
use crate::chart::{ChartMeta, LineChart, LineSeries, NumberStyle, TargetLine, render_line_chart};
use crate::goal::progress::Status;
use crate::goal::{ScopeKind, Target, TargetKind};
use crate::indicator::Indicator;
use crate::model::Site;
use crate::render::i18n::fill;

/// A programme page.
#[derive(Serialize)]
pub struct ProgrammeView<'a> {
    number: &'a str,
    title: &'a str,
    issuer: &'a str,
    date: String,
    date_iso: String,
    url: Option<&'a str>,
    summary_html: &'a str,
    counts: Vec<Count<'a>>,
    targets: Vec<TargetView<'a>>,
    /// Texts shown in the site's first language for want of a translation: field → language.
    fallback: Fallback<'a>,
}

/// How many targets have a status.
#[derive(Serialize)]
pub struct Count<'a> {
    status: StatusView<'a>,
    n: usize,
}

/// One target in full.
#[derive(Serialize)]
pub struct TargetView<'a> {
    id: &'a str,
    /// Internal URL of the target on its programme's page.
    url: String,
    title: &'a str,
    indicator: Link,
    scope: String,
    phrase: String,
    baseline_year: i32,
    target_year: i32,
    status: StatusView<'a>,
    baseline: Option<String>,
    latest: Option<String>,
    latest_year: Option<i32>,
    measured: Option<String>,
    /// The share of the way from the baseline to the target covered, in words.
    distance: Option<String>,
    /// The pace so far against the pace needed, in words.
    pace: Option<String>,
    progress_svg: Option<String>,
    chart: Option<ChartOut>,
    units: Vec<UnitRow<'a>>,
    /// Texts shown in the site's first language for want of a translation: field → language.
    fallback: Fallback<'a>,
}

/// One unit's result within a target.
#[derive(Serialize)]
pub struct UnitRow<'a> {
    name: String,
    url: String,
    status: StatusView<'a>,
    baseline: String,
    latest: String,
    measured: String,
    followed: Option<String>,
}

/// The measured quantity in words: a level (`28,9 %`) or a yearly change with its direction
/// (`giảm 9,19 điểm phần trăm mỗi năm`, and `tăng 1,24 …` for a rise against a decrease
/// target: issue 9). `single` says the level is one unit's typed figure, not a mean of units.
pub fn measured_text(w: &Words<'_>, target: &Target, ind: &Indicator, value: f64, single: bool) -> String {
    match target.kind {
        TargetKind::Level if single => w.value(ind, value),
        TargetKind::Level => w.rounded(ind, value),
        TargetKind::Share => w.percent(value),
        TargetKind::AnnualDecrease | TargetKind::AnnualIncrease => {
            // `value` is the change in the target's direction; the words need the real one
            let change = if target.kind == TargetKind::AnnualDecrease { -value } else { value };
            format!("{} {}", w.signed_change(ind, change), w.t("per_year"))
        }
    }
}

/// "28 % quãng đường …" and "bằng 111 % tốc độ cần thiết": the distance covered and the
/// pace, two numbers that must never share a label (issue 9).
fn distance_and_pace(
    w: &Words<'_>,
    a: &crate::goal::progress::Assessment,
) -> (Option<String>, Option<String>) {
    let pct = |f: f64| format!("{}\u{a0}%", crate::locale::format_number(f * 100.0, 0, w.lang));
    let known = a.status != Status::NotEnoughData;
    let distance = known.then(|| fill(w.t("distance_text"), &[("percent", &pct(a.distance))]));
    let pace = a.ratio.filter(|r| r.is_finite()).map(|r| {
        if r < 0.0 {
            w.t("pace_wrong_way").to_string()
        } else {
            fill(w.t("pace_text"), &[("percent", &pct(r))])
        }
    });
    (distance, pace)
}

/// How pages name a target's scope.
pub fn scope_text(w: &Words<'_>, site: &Site, target: &Target) -> String {
    if let Some(label) = &target.scope.label {
        return label.clone();
    }
    let geo = &site.data.geo;
    match &target.scope.kind {
        ScopeKind::One => target.scope.units.first().map(|&u| geo.units[u].full_name()).unwrap_or_default(),
        ScopeKind::List => {
            target.scope.units.iter().map(|&u| geo.units[u].full_name()).collect::<Vec<_>>().join(", ")
        }
        ScopeKind::Level { level, .. } => fill(w.t("scope_all"), &[("level", w.t(level_key(*level)))]),
    }
}

/// Counts of targets by status, in status order, for the given (status, final) pairs.
fn counts<'a>(w: &Words<'a>, statuses: &[(Status, bool)]) -> Vec<Count<'a>> {
    let mut out: Vec<Count<'a>> = Vec::new();
    for &(s, f) in statuses {
        let view = status_view(w, s, f);
        match out.iter_mut().find(|c| c.status.name == view.name) {
            Some(c) => c.n += 1,
            None => out.push(Count { status: view, n: 1 }),
        }
    }
    let order =
        ["achieved", "on_track", "at_risk", "off_track", "not_achieved", "not_enough_data", "not_comparable"];
    out.sort_by_key(|c| order.iter().position(|o| *o == c.status.name));
    out
}

/// The page of programme `p`.
pub fn view<'a>(w: &Words<'a>, site: &'a Site, p: usize) -> ProgrammeView<'a> {
    let pe = &site.data.programmes[p];
    let prog = &pe.programme;
    let statuses: Vec<(Status, bool)> =
        pe.progress.iter().map(|x| (x.overall.status, x.overall.final_result)).collect();
    ProgrammeView {
        number: &prog.number,
        title: &prog.title,
        issuer: &prog.issuer,
        date: w.date(prog.date),
        date_iso: prog.date.iso(),
        url: prog.url.as_deref(),
        summary_html: &pe.summary_html,
        counts: counts(w, &statuses),
        targets: (0..prog.targets.len()).map(|t| target_view(w, site, p, t, true)).collect(),
        fallback: site.data.fallbacks.langs(TextOf::Programme(p)),
    }
}

/// One target of programme `p`; `full` adds the chart and the unit table.
pub fn target_view<'a>(w: &Words<'a>, site: &'a Site, p: usize, t: usize, full: bool) -> TargetView<'a> {
    let c = &site.config;
    let pe = &site.data.programmes[p];
    let target = &pe.programme.targets[t];
    let progress = &pe.progress[t];
    let a = &progress.overall;
    let entry = &site.data.indicators[target.indicator];
    let ind = &entry.indicator;
    let single = target.scope.units.len() == 1;
    let level_value = |v: f64| scope_value(w, target, ind, v);
    let id = format!("{}-{}", pe.programme.id, target.id);
    let progress_svg = (!matches!(a.status, Status::NotEnoughData | Status::NotComparable))
        .then(|| progress_bar(w, a.distance, w.t("progress_bar_label"), &format!("{id}-progress")))
        .flatten();
    let (distance, pace) = distance_and_pace(w, a);
    let units = if full { unit_rows(w, site, p, t) } else { Vec::new() };
    TargetView {
        id: &target.id,
        url: c.url(&site.routes.programme_target(&pe.programme.id, &target.id)),
        title: &target.title,
        indicator: Link { name: ind.title.clone(), url: c.url(&entry.path) },
        scope: scope_text(w, site, target),
        phrase: w.target_phrase(target, ind),
        baseline_year: target.baseline_year,
        target_year: target.target_year,
        status: status_view(w, a.status, a.final_result),
        baseline: a.baseline.map(|b| level_value(b.1)),
        latest: a.latest.map(|l| level_value(l.1)),
        latest_year: a.latest.map(|l| l.0),
        measured: a.measured.map(|m| measured_text(w, target, ind, m, single)),
        distance,
        pace,
        progress_svg,
        chart: if full { target_chart(w, site, p, t, &format!("{id}-chart")) } else { None },
        units,
        fallback: site.data.fallbacks.langs(TextOf::Target(p, t)),
    }
}

fn unit_rows<'a>(w: &Words<'a>, site: &'a Site, p: usize, t: usize) -> Vec<UnitRow<'a>> {
    let pe = &site.data.programmes[p];
    let target = &pe.programme.targets[t];
    let ind = &site.data.indicators[target.indicator].indicator;
    let geo = &site.data.geo;
    let dash = || "–".to_string();
    pe.progress[t]
        .units
        .iter()
        .map(|u| {
            let a = &u.assessment;
            UnitRow {
                name: unit_label(site, u.unit),
                url: site.config.url(&site.data.geo_paths[u.unit]),
                status: status_view(w, a.status, a.final_result),
                baseline: a.baseline.map_or_else(dash, |b| w.value(ind, b.1)),
                latest: a.latest.map_or_else(dash, |l| format!("{} ({})", w.value(ind, l.1), l.0)),
                measured: a.measured.map_or_else(dash, |m| measured_text(w, target, ind, m, true)),
                followed: u
                    .followed
                    .map(|f| fill(w.t("followed_by"), &[("name", &capitalize(&geo.units[f].full_name()))])),
            }
        })
        .collect()
}

/// A figure of a target's scope: a share in per cent, one unit's typed figure, or a mean of
/// units rounded to the indicator's decimals.
fn scope_value(w: &Words<'_>, target: &Target, ind: &Indicator, v: f64) -> String {
    match target.kind {
        TargetKind::Share => w.percent(v),
        _ if target.scope.units.len() == 1 => w.value(ind, v),
        _ => w.rounded(ind, v),
    }
}

/// Value labels of a target chart, written as [`scope_value`] writes them.
fn scope_number_style(w: &Words<'_>, target: &Target, ind: &Indicator, series: &[(i32, f64)]) -> NumberStyle {
    match target.kind {
        TargetKind::Share => NumberStyle { decimals: 1, unit_suffix: "\u{a0}%".to_string() },
        _ if target.scope.units.len() == 1 => super::charts::number_style(w, ind, series.iter().map(|p| p.1)),
        _ => NumberStyle { decimals: ind.decimals, unit_suffix: w.unit_suffix(ind) },
    }
}

/// The scope's series (mean or share) with the target path.
fn target_chart(w: &Words<'_>, site: &Site, p: usize, t: usize, id: &str) -> Option<ChartOut> {
    let pe = &site.data.programmes[p];
    let target = &pe.programme.targets[t];
    let progress = &pe.progress[t];
    let ind = &site.data.indicators[target.indicator].indicator;
    let series = &progress.series;
    let (first, last) = (series.first()?, series.last()?);
    let b = progress.overall.baseline?;
    let span = f64::from(target.target_year - target.baseline_year);
    let goal = match target.kind {
        TargetKind::Level | TargetKind::Share => target.value,
        TargetKind::AnnualDecrease => b.1 - target.value * span,
        TargetKind::AnnualIncrease => b.1 + target.value * span,
    };
    let share = target.kind == TargetKind::Share;
    let fmt = |v: f64| scope_value(w, target, ind, v);
    let scope = scope_text(w, site, target);
    let label = if share || target.scope.units.len() == 1 {
        scope.clone()
    } else {
        format!("{} ({})", scope, w.t("mean_of_units"))
    };
    let target_label = format!("{}: {}", w.t("target"), w.target_phrase(target, ind));
    let desc = format!(
        "{} {}",
        w.series_desc(&label, (first.0, &fmt(first.1)), (last.0, &fmt(last.1))),
        fill(w.t("chart_target_desc"), &[("target", &target_label)])
    );
    let chart = LineChart {
        meta: ChartMeta { id: super::charts::chart_id(id), title: target.title.clone(), desc, lang: w.lang },
        number: scope_number_style(w, target, ind, series),
        series: vec![LineSeries { label: capitalize(&scope), points: series.clone() }],
        target: Some(TargetLine { label: target_label, points: vec![b, (target.target_year, goal)] }),
        baseline_year: Some(target.baseline_year),
        y_range: None,
    };
    let svg = render_line_chart(&chart).ok()?;
    let head = vec![w.t("year").to_string(), capitalize(&scope)];
    let rows = series.iter().map(|(y, v)| vec![y.to_string(), fmt(*v)]).collect();
    Some(ChartOut::new(
        id,
        crate::model::ChartKind::Trend.name(),
        target.title.clone(),
        svg,
        DataTable { head, rows },
    ))
}

/// A programme in a list.
#[derive(Serialize)]
pub struct ProgrammeCard<'a> {
    number: &'a str,
    title: &'a str,
    issuer: &'a str,
    date: String,
    url: String,
    counts: Vec<Count<'a>>,
}

/// All programmes.
pub fn index<'a>(w: &Words<'a>, site: &'a Site) -> Vec<ProgrammeCard<'a>> {
    site.data
        .programmes
        .iter()
        .map(|pe| {
            let statuses: Vec<(Status, bool)> =
                pe.progress.iter().map(|x| (x.overall.status, x.overall.final_result)).collect();
            ProgrammeCard {
                number: &pe.programme.number,
                title: &pe.programme.title,
                issuer: &pe.programme.issuer,
                date: w.date(pe.programme.date),
                url: site.config.url(&pe.path),
                counts: counts(w, &statuses),
            }
        })
        .collect()
}

/// The progress dashboard: counts over all targets, then each programme's targets.
#[derive(Serialize)]
pub struct Dashboard<'a> {
    counts: Vec<Count<'a>>,
    programmes: Vec<DashboardProgramme<'a>>,
}

/// One programme on the dashboard.
#[derive(Serialize)]
pub struct DashboardProgramme<'a> {
    card: ProgrammeCard<'a>,
    targets: Vec<TargetView<'a>>,
}

/// Build the dashboard.
pub fn dashboard<'a>(w: &Words<'a>, site: &'a Site) -> Dashboard<'a> {
    let all: Vec<(Status, bool)> = site
        .data
        .programmes
        .iter()
        .flat_map(|pe| pe.progress.iter().map(|x| (x.overall.status, x.overall.final_result)))
        .collect();
    let programmes = index(w, site)
        .into_iter()
        .enumerate()
        .map(|(p, card)| DashboardProgramme {
            card,
            targets: (0..site.data.programmes[p].programme.targets.len())
                .map(|t| target_view(w, site, p, t, false))
                .collect(),
        })
        .collect();
    Dashboard { counts: counts(w, &all), programmes }
}

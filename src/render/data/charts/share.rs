//! The share of units meeting a met/not-met indicator, year by year.

use super::super::words::Words;
use super::{ChartOut, DataTable, level_key, meta};
use crate::chart::{LineChart, LineSeries, NumberStyle, TargetLine, render_line_chart};
use crate::goal::TargetKind;
use crate::model::Site;
use crate::render::i18n::fill;

/// Line chart of the share of units meeting a met/not-met indicator, with a share target.
pub fn share_trend(w: &Words<'_>, site: &Site, i: usize, id: &str) -> Option<ChartOut> {
    let entry = &site.data.indicators[i];
    let ind = &entry.indicator;
    let level = entry.ranking?.level;
    let points: Vec<(i32, f64)> = entry.share.iter().map(|s| (s.year, s.percent())).collect();
    let (first, last) = (points.first()?, points.last()?);
    let level_words = w.t(level_key(level));
    let pct = |v: f64| w.percent(v);
    let label = super::super::capitalize(level_words);
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
            ("years", &w.years(first.0, last.0)),
        ],
    );
    let mut desc = w.series_desc(&label, (first.0, &pct(first.1)), (last.0, &pct(last.1)));
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
    Some(ChartOut::new(id, crate::model::ChartKind::Trend.name(), title, svg, DataTable { head, rows }))
}

//! Geography pages: the tree of units (current and former structure) and one profile per
//! unit with all its indicators, its rank among its peers, and its reorganisation history.

use super::Fallback;
use crate::model::localize::TextOf;
use serde::Serialize;

use super::charts::sparkline;
use super::words::Words;
use super::{Link, capitalize};
use crate::geo::{Level, Unit};
use crate::indicator::stats::{better, latest};
use crate::locale::format_number;
use crate::model::Site;
use crate::render::i18n::fill;

/// The geography index.
#[derive(Serialize)]
pub struct GeoIndex {
    root: Option<Link>,
    current: Vec<Link>,
    former: Vec<FormerDistrict>,
}

/// A former district with its communes.
#[derive(Serialize)]
pub struct FormerDistrict {
    district: Link,
    communes: Vec<Link>,
}

fn link(site: &Site, u: usize) -> Link {
    Link {
        name: capitalize(&site.data.geo.units[u].full_name()),
        url: site.config.url(&site.data.geo_paths[u]),
    }
}

/// Units under the province that exist today, and the former units with theirs. A site with
/// several provinces over time (a merger) also lists the former provinces; a national site
/// (several provinces at once) lists the provinces.
pub fn index(_w: &Words<'_>, site: &Site) -> GeoIndex {
    let geo = &site.data.geo;
    let (root, top) = match geo.root {
        Some(r) => {
            let former_roots = geo.roots.iter().copied().filter(|&x| x != r && geo.units[x].until.is_some());
            (Some(r), geo.units[r].children.iter().copied().chain(former_roots).collect::<Vec<_>>())
        }
        None => (None, geo.roots.clone()),
    };
    let current = top.iter().filter(|&&c| geo.units[c].until.is_none()).map(|&c| link(site, c)).collect();
    let former = top
        .iter()
        .filter(|&&c| geo.units[c].until.is_some())
        .map(|&d| FormerDistrict {
            district: link(site, d),
            communes: geo.units[d].children.iter().map(|&c| link(site, c)).collect(),
        })
        .collect();
    GeoIndex { root: root.map(|r| link(site, r)), current, former }
}

/// A unit's profile.
#[derive(Serialize)]
pub struct Profile<'a> {
    name: String,
    kind: &'a str,
    level: &'a str,
    parent: Option<Link>,
    existed: Option<String>,
    note: Option<&'a str>,
    merged_into: Vec<Link>,
    merged_from: Vec<Link>,
    facts: Vec<Fact>,
    /// Units within it today.
    children: Vec<Link>,
    /// Units once within it that no longer are (abolished or moved), with their period.
    former_children: Vec<FormerChild>,
    indicators: Vec<ProfileRow>,
    /// Texts shown in the site's first language for want of a translation: field → language.
    fallback: Fallback<'a>,
    /// Where the unit is: its shape among its peers (issue 16).
    locator_svg: Option<String>,
}

/// A unit that was once within another, with the period it existed.
#[derive(Serialize)]
pub struct FormerChild {
    name: String,
    url: String,
    /// `2019–30/06/2025`, `đến 30/06/2025`.
    period: String,
}

/// A labelled fact.
#[derive(Serialize)]
pub struct Fact {
    label: String,
    value: String,
}

/// One indicator on a profile.
#[derive(Serialize)]
pub struct ProfileRow {
    title: String,
    url: String,
    year: i32,
    value: String,
    change: Option<String>,
    /// `good`, `bad` or `same` (for styling; the sign is in the text).
    change_class: &'static str,
    rank: Option<String>,
    sparkline_svg: Option<String>,
}

/// Build the profile of unit `u`.
pub fn profile<'a>(w: &Words<'a>, site: &'a Site, u: usize) -> Profile<'a> {
    let geo = &site.data.geo;
    let unit = &geo.units[u];
    let level = w.t(match unit.level {
        Level::Province => "level_province_heading",
        Level::District => "level_district_heading",
        Level::Commune => "level_commune_heading",
    });
    let mut facts = Vec::new();
    let lang = site.config.lang;
    if let Some(p) = unit.population {
        facts.push(Fact { label: w.t("population").to_string(), value: as_typed(p, lang) });
    }
    if let Some(h) = unit.households {
        facts.push(Fact { label: w.t("households").to_string(), value: as_typed(h, lang) });
    }
    if let Some(a) = unit.area_km2 {
        facts.push(Fact { label: w.t("area").to_string(), value: as_typed(a, lang) });
    }
    let (now, before): (Vec<usize>, Vec<usize>) =
        unit.children.iter().partition(|&&c| geo.units[c].until.is_none());
    Profile {
        name: capitalize(&unit.full_name()),
        kind: &unit.kind,
        level,
        parent: unit.parent.map(|p| link(site, p)),
        existed: existed(w, unit),
        note: unit.note.as_deref(),
        merged_into: unit.merged_into.iter().map(|&m| link(site, m)).collect(),
        merged_from: unit.merged_from.iter().map(|&m| link(site, m)).collect(),
        facts,
        children: now.iter().map(|&c| link(site, c)).collect(),
        former_children: before
            .iter()
            .map(|&c| {
                let Link { name, url } = link(site, c);
                FormerChild { name, url, period: period(w, &geo.units[c]) }
            })
            .collect(),
        indicators: rows(w, site, u),
        fallback: site.data.fallbacks.langs(TextOf::Unit(u)),
        locator_svg: super::locator::locator(w, site, u),
    }
}

/// A fact as typed in geo.yaml, with every decimal written (issue 9: `6.364,25`, not `6.364,2`).
fn as_typed(value: f64, lang: crate::locale::Lang) -> String {
    format_number(value, crate::locale::typed_decimals(value), lang)
}

/// When a unit existed: `01/01/2019–30/06/2025`, or `đến 30/06/2025` without a start.
fn period(w: &Words<'_>, unit: &Unit) -> String {
    match (unit.from, unit.until) {
        (Some(f), Some(t)) => format!("{}–{}", w.date(f), w.date(t)),
        _ => existed(w, unit).unwrap_or_default(),
    }
}

fn existed(w: &Words<'_>, unit: &Unit) -> Option<String> {
    match (unit.from, unit.until) {
        (None, None) => None,
        (Some(f), None) => Some(fill(w.t("existed_from"), &[("date", &w.date(f))])),
        (None, Some(t)) => Some(fill(w.t("existed_until"), &[("date", &w.date(t))])),
        (Some(f), Some(t)) => Some(format!(
            "{} {}",
            fill(w.t("existed_from"), &[("date", &w.date(f))]),
            fill(w.t("existed_until"), &[("date", &w.date(t))])
        )),
    }
}

fn rows(w: &Words<'_>, site: &Site, u: usize) -> Vec<ProfileRow> {
    let geo = &site.data.geo;
    let level = geo.units[u].level;
    site.data
        .indicators
        .iter()
        .filter_map(|entry| {
            let ind = &entry.indicator;
            let points = &ind.total(u)?.points;
            let last = latest(points, None)?;
            let rank = entry
                .rank(level, last.year, last.value)
                .filter(|(_, n)| *n > 1 && ind.unit != crate::indicator::UnitKind::Boolean)
                .map(|(r, n)| fill(w.t("rank_of"), &[("rank", &r.to_string()), ("n", &n.to_string())]));
            // met/not-met figures have no meaningful change; a change that rounds to zero is none
            let decimals = super::words::change_decimals(ind);
            let change = last.change().filter(|_| ind.unit != crate::indicator::UnitKind::Boolean);
            let shown = change.filter(|d| (d * 10f64.powi(decimals as i32)).round() != 0.0);
            Some(ProfileRow {
                title: ind.short_title.clone(),
                url: site.config.url(&entry.path),
                year: last.year,
                value: w.value(ind, last.value),
                change: change.map(|d| crate::locale::format_signed(d, decimals, w.lang)),
                change_class: match shown {
                    Some(d) if better(ind.direction, d, 0.0) => "good",
                    Some(_) => "bad",
                    None => "same",
                },
                rank,
                sparkline_svg: (points.len() > 1)
                    .then(|| sparkline(w, ind, points, &format!("spark-{}", ind.id), &ind.short_title))
                    .flatten(),
            })
        })
        .collect()
}

//! The data side of the build: parse geography, indicators and programmes (all errors at
//! once), derive what the pages need, and check the shortcodes of news and pages.

use rayon::prelude::*;

use crate::config::Config;
use crate::content::Item;
use crate::content::markdown::{MarkdownOptions, render_markdown};
use crate::content::shortcode::{ArgValue, Shortcode};
use crate::error::{Error, ErrorKind, Errors, did_you_mean};
use crate::geo::{Geo, Level, parse_geo};
use crate::indicator::Indicator;
use crate::indicator::validate::{Tables, parse_indicator_with_warnings};
use crate::model::data::{ChartFile, ChartKind, Data, IndicatorEntry, ProgrammeEntry, Ranking, ShareYear};
use crate::site::load::SiteSource;
use crate::source::SourceFile;
use crate::target::Programme;
use crate::target::parse::parse_programme;
use crate::target::progress::evaluate;

/// Parsed data files, before deriving.
pub struct ParsedData {
    geo: Geo,
    indicators: Vec<Indicator>,
    programmes: Vec<Programme>,
    warnings: Errors,
}

/// Parse every data file; indicators and programmes need the geography, so a broken
/// `geo.yaml` stops there.
pub fn parse_data(source: &SiteSource, config: &Config) -> Result<ParsedData, Errors> {
    if source.geo.is_none() && source.indicators.is_empty() && source.programmes.is_empty() {
        return Ok(ParsedData {
            geo: Geo::default(),
            indicators: Vec::new(),
            programmes: Vec::new(),
            warnings: Errors::new(),
        });
    }
    let Some(geo_file) = &source.geo else {
        return Err(Error::new(ErrorKind::Io, "indicators need `content/geo.yaml`, which does not exist")
            .help("create content/geo.yaml listing the units your figures are about (see the README, “Geography”)")
            .into());
    };
    let geo = parse_geo(geo_file)?;
    let mut errors = Errors::new();
    let themes: Vec<String> = config.data.themes.iter().map(|t| t.id.clone()).collect();
    let results: Vec<Result<(Indicator, Errors), Errors>> = source
        .indicators
        .par_iter()
        .map(|f| {
            parse_indicator_with_warnings(
                f,
                Tables { csv: &source.tables, workbooks: &source.workbooks },
                &geo,
                &themes,
            )
        })
        .collect();
    // ids of indicator files with a mistake: they exist, so naming them elsewhere is no
    // second error (one cause, one message; issue 9)
    let broken: Vec<&str> = source
        .indicators
        .iter()
        .zip(&results)
        .filter(|(_, r)| r.is_err())
        .filter_map(|(f, _)| indicator_id(&f.path))
        .collect();
    let mut warnings = Errors::new();
    let mut indicators: Vec<Indicator> = results
        .into_iter()
        .filter_map(|r| errors.take_all(r))
        .map(|(indicator, w)| {
            warnings.extend(w);
            indicator
        })
        .collect();
    warnings.sort();
    indicators.sort_by(|a, b| a.id.cmp(&b.id));
    let programmes: Vec<Programme> = source
        .programmes
        .iter()
        .filter_map(|f| errors.take_all(parse_programme(f, &indicators, &broken, &geo)))
        .collect();
    check_config_refs(config, &source.config, &geo, &indicators, &broken, &mut errors);
    errors.into_result(ParsedData { geo, indicators, programmes, warnings })
}

/// The indicator id of `content/indicators/<id>.yaml` (or `.yml`).
fn indicator_id(path: &str) -> Option<&str> {
    let name = path.rsplit('/').next()?;
    name.strip_suffix(".yaml").or_else(|| name.strip_suffix(".yml"))
}

fn check_config_refs(
    config: &Config,
    file: &SourceFile,
    geo: &Geo,
    indicators: &[Indicator],
    broken: &[&str],
    errors: &mut Errors,
) {
    let yaml = crate::source::YamlText::file(file);
    if let Some(p) = config.data.province.as_deref().filter(|p| geo.find(p).is_none()) {
        errors.push(geo.unknown(p).at(yaml.locate(&["data", "province"])));
    }
    let home = config.data.province.as_deref().and_then(|p| geo.find(p));
    if let Some(e) = home.and_then(|h| crate::geo::periods::check_home(&geo.units, h)) {
        errors.push(e.at(yaml.locate(&["data", "province"])));
    }
    for (i, id) in config.data.key_figures.iter().enumerate() {
        if !indicators.iter().any(|x| &x.id == id) && !broken.contains(&id.as_str()) {
            let ids = indicators.iter().map(|x| x.id.as_str());
            errors.push(unknown_indicator(id, ids).at(yaml.locate(&["data", "key_figures", &i.to_string()])));
        }
    }
}

fn unknown_indicator<'a>(id: &str, ids: impl IntoIterator<Item = &'a str>) -> Error {
    let help = match did_you_mean(id, ids) {
        Some(best) => format!("did you mean `{best}`? Indicators are the files in content/indicators/"),
        None => "use the id of a file in content/indicators/ (its name without .yaml)".to_string(),
    };
    Error::new(ErrorKind::Reference, format!("unknown indicator `{id}`")).help(help)
}

/// Derive the data model: paths, rendered Markdown, progress, headline units, rankings.
pub fn derive_data(parsed: ParsedData, config: &Config, md: &MarkdownOptions<'_>) -> Data {
    let ParsedData { geo, indicators, programmes, warnings } = parsed;
    let home = config.data.province.as_deref().and_then(|p| geo.find(p)).or(geo.root);
    let markdown = |path: &str, text: &str| -> String {
        if text.trim().is_empty() {
            return String::new();
        }
        // data notes are plain Markdown: `{{ … }}` in them is text, so rendering cannot fail
        let plain = MarkdownOptions { shortcodes: false, ..*md };
        render_markdown(&SourceFile::new(path, text), 0, &plain).map(|b| b.html).unwrap_or_default()
    };
    let programmes: Vec<ProgrammeEntry> = programmes
        .into_iter()
        .map(|p| {
            let progress = p.targets.iter().map(|t| evaluate(t, &indicators[t.indicator], &geo)).collect();
            ProgrammeEntry {
                path: format!("/programmes/{}/", p.id),
                summary_html: markdown(&p.path, &p.summary),
                progress,
                programme: p,
            }
        })
        .collect();
    let entries: Vec<IndicatorEntry> = indicators
        .into_iter()
        .enumerate()
        .map(|(i, indicator)| {
            let targets = programmes
                .iter()
                .enumerate()
                .flat_map(|(p, e)| {
                    e.programme
                        .targets
                        .iter()
                        .enumerate()
                        .filter(|(_, t)| t.indicator == i)
                        .map(move |(t, _)| (p, t))
                })
                .collect();
            let headline = headline_unit(&indicator, &geo, home);
            let ranking = ranking_of(&indicator, &geo);
            let share = share_met(&indicator, &geo, ranking);
            let peers = peer_values(&indicator, &geo);
            let mut charts = Vec::new();
            let chart = |kind: ChartKind| ChartFile {
                kind,
                path: format!("/charts/{}/{}.svg", indicator.id, kind.name()),
            };
            if headline.is_some() || !share.is_empty() {
                charts.push(chart(ChartKind::Trend));
            }
            if ranking.is_some() && indicator.unit != crate::indicator::UnitKind::Boolean {
                charts.push(chart(ChartKind::Ranking));
            }
            if !indicator.dims.is_empty() && headline.is_some() {
                charts.push(chart(ChartKind::Groups));
            }
            IndicatorEntry {
                path: format!("/indicators/{}/", indicator.id),
                csv_path: format!("/data/{}.csv", indicator.id),
                json_path: format!("/data/{}.json", indicator.id),
                methodology_html: markdown(&indicator.path, &indicator.methodology),
                notes_html: markdown(&indicator.path, &indicator.notes),
                targets,
                headline,
                ranking,
                share,
                peers,
                charts,
                indicator,
            }
        })
        .collect();
    let themes = config
        .data
        .themes
        .iter()
        .filter(|t| entries.iter().any(|e| e.indicator.theme == t.id))
        .cloned()
        .collect();
    let key_figures = config
        .data
        .key_figures
        .iter()
        .filter_map(|id| entries.iter().position(|e| &e.indicator.id == id))
        .collect();
    let geo_paths = geo.units.iter().map(|u| format!("/geo/{}/", u.id)).collect();
    Data { geo, indicators: entries, programmes, themes, home, key_figures, geo_paths, warnings }
}

/// The home unit if it has figures, else the highest-level unit (never a commune) with the
/// latest figures; `None` for indicators published per commune only.
fn headline_unit(ind: &Indicator, geo: &Geo, home: Option<usize>) -> Option<usize> {
    if let Some(h) = home.filter(|&h| ind.series.iter().any(|s| s.geo == h)) {
        return Some(h);
    }
    ind.series
        .iter()
        .filter(|s| geo.units[s.geo].level != Level::Commune && !s.points.is_empty())
        .min_by_key(|s| (geo.units[s.geo].level, std::cmp::Reverse(s.points.last().map(|p| p.0)), s.geo))
        .map(|s| s.geo)
}

/// Total values by (level, year), sorted, for ranks on profile pages.
fn peer_values(ind: &Indicator, geo: &Geo) -> std::collections::BTreeMap<(Level, i32), Vec<f64>> {
    let total = ind.total_key();
    let mut peers: std::collections::BTreeMap<(Level, i32), Vec<f64>> = std::collections::BTreeMap::new();
    for s in ind.series.iter().filter(|s| s.breakdown == total) {
        for &(year, value) in &s.points {
            peers.entry((geo.units[s.geo].level, year)).or_default().push(value);
        }
    }
    for values in peers.values_mut() {
        values.sort_by(f64::total_cmp);
    }
    peers
}

/// For a met/not-met indicator: per year, the units of the ranking level that meet it.
fn share_met(ind: &Indicator, geo: &Geo, ranking: Option<Ranking>) -> Vec<ShareYear> {
    let Some(r) = ranking.filter(|_| ind.unit == crate::indicator::UnitKind::Boolean) else {
        return Vec::new();
    };
    let total = ind.total_key();
    let mut years: std::collections::BTreeMap<i32, (usize, usize)> = std::collections::BTreeMap::new();
    for s in ind.series.iter().filter(|s| s.breakdown == total && geo.units[s.geo].level == r.level) {
        for &(year, value) in &s.points {
            let e = years.entry(year).or_default();
            e.1 += 1;
            if value >= 0.5 {
                e.0 += 1;
            }
        }
    }
    years.into_iter().map(|(year, (met, units))| ShareYear { year, met, units }).collect()
}

/// The lowest level with at least three units having a value in one year, and the latest such year.
fn ranking_of(ind: &Indicator, geo: &Geo) -> Option<Ranking> {
    let total = ind.total_key();
    for level in [Level::Commune, Level::District] {
        let mut counts: std::collections::BTreeMap<i32, usize> = std::collections::BTreeMap::new();
        for s in ind.series.iter().filter(|s| s.breakdown == total && geo.units[s.geo].level == level) {
            for p in &s.points {
                *counts.entry(p.0).or_default() += 1;
            }
        }
        if let Some((&year, _)) = counts.iter().rev().find(|(_, n)| **n >= 3) {
            return Some(Ranking { level, year });
        }
    }
    None
}

/// Check every shortcode of every item against the data.
pub fn check_shortcodes(items: &[&Item], data: &Data, source: &SiteSource) -> Result<(), Errors> {
    let mut errors = Errors::new();
    for item in items {
        for sc in &item.body.shortcodes {
            if let Err(e) = check_shortcode(sc, data) {
                let file = source.news.iter().chain(&source.pages).find(|f| f.path == item.path);
                errors.push(match file {
                    Some(f) => e.at(f.location(sc.offset)),
                    None => e,
                });
            }
        }
    }
    errors.into_result(())
}

/// Arguments each shortcode takes (besides disaggregation ids, e.g. `age="3-5"`).
const ARGS: [(&str, &[&str]); 3] = [
    ("chart", &["indicator", "geo", "kind", "year", "top", "level"]),
    ("value", &["indicator", "geo", "year"]),
    ("table", &["indicator", "geo"]),
];

fn check_shortcode(sc: &Shortcode, data: &Data) -> Result<(), Error> {
    let Some((_, allowed)) = ARGS.iter().find(|(n, _)| *n == sc.name) else { return Ok(()) };
    let Some(id) = sc.text("indicator") else {
        return Err(Error::new(ErrorKind::Schema, format!("the shortcode `{}` needs `indicator`", sc.name))
            .help(format!("write e.g. {{{{ {}(indicator=\"ho-ngheo\") }}}}", sc.name)));
    };
    let Some(i) = data.indicator(id) else {
        return Err(unknown_indicator(id, data.indicators.iter().map(|e| e.indicator.id.as_str())));
    };
    let ind = &data.indicators[i].indicator;
    for (name, value) in &sc.args {
        let is_dim = ind.dims.iter().any(|d| &d.id == name);
        if !allowed.contains(&name.as_str()) && !is_dim {
            return Err(Error::new(
                ErrorKind::Schema,
                format!("the shortcode `{}` has no argument `{name}`", sc.name),
            )
            .help(format!("its arguments are {}", allowed.join(", "))));
        }
        if is_dim {
            let ArgValue::Text(v) = value else { continue };
            if ind.breakdown_of([(name.as_str(), v.as_str())]).is_err() {
                return Err(Error::new(
                    ErrorKind::Reference,
                    format!("`{v}` is not a value of `{name}` in `{}`", ind.id),
                )
                .help("use a value listed under the indicator's disaggregations"));
            }
        }
    }
    if let Some(g) = sc.text("geo") {
        let Some(unit) = data.geo.find(g) else { return Err(data.geo.unknown(g)) };
        if !ind.series.iter().any(|s| s.geo == unit) {
            return Err(Error::new(
                ErrorKind::Reference,
                format!("the indicator `{}` has no figures for `{g}`", ind.id),
            )
            .help("choose a unit the indicator has values for, or leave out geo= to use the province"));
        }
    }
    if sc.text("kind") == Some("groups") && ind.dims.is_empty() {
        return Err(Error::new(
            ErrorKind::Value,
            format!("the indicator `{}` has no groups to chart", ind.id),
        )
        .help("kind=\"groups\" needs an indicator with disaggregations; use kind=\"trend\""));
    }
    if sc.name == "value" {
        let unit = sc.text("geo").and_then(|g| data.geo.find(g)).or(data.indicators[i].headline);
        let pairs = sc.args.iter().filter_map(|(k, v)| match v {
            ArgValue::Text(t) if ind.dims.iter().any(|d| &d.id == k) => Some((k.as_str(), t.as_str())),
            _ => None,
        });
        let has =
            unit.zip(ind.breakdown_of(pairs).ok()).is_some_and(|(u, b)| ind.series_for(u, &b).is_some());
        if !has {
            return Err(Error::new(ErrorKind::Reference, format!("the indicator `{}` has no such figure", ind.id))
                .help("give geo= a unit with figures, and the group when the indicator is broken down, e.g. age=\"3-5\""));
        }
    }
    if let Some(kind) = sc.text("kind")
        && !["trend", "ranking", "groups"].contains(&kind)
    {
        return Err(Error::new(ErrorKind::Value, format!("chart kind `{kind}` does not exist"))
            .help("use kind=\"trend\" (default), \"ranking\" or \"groups\""));
    }
    if let Some(year) = sc.args.get("year") {
        let ok = sc.integer("year").is_some_and(|y| ind.years().contains(&(y as i32)));
        if !ok {
            let years = ind.years();
            let span = match (years.first(), years.last()) {
                (Some(a), Some(b)) if a == b => a.to_string(),
                (Some(a), Some(b)) => format!("{a}–{b}"),
                _ => "none".to_string(),
            };
            return Err(Error::new(
                ErrorKind::Value,
                format!("the indicator `{}` has no figures for the year {year}", ind.id),
            )
            .help(format!("its years are {span}")));
        }
    }
    Ok(())
}

//! The data side of the build: parse geography, indicators and programmes (all errors at
//! once), derive what the pages need, and check the shortcodes of news and pages.

use rayon::prelude::*;

use crate::config::Config;
use crate::content::Item;
use crate::content::markdown::{MarkdownOptions, render_markdown};
use crate::content::shortcode::{ArgValue, Shortcode, ShortcodeKind};
use crate::error::{Error, ErrorKind, Errors, did_you_mean};
use crate::geo::{Geo, Level, parse_geo};
use crate::goal::Programme;
use crate::goal::parse::parse_programme;
use crate::goal::progress::evaluate;
use crate::indicator::Indicator;
use crate::indicator::validate::{Tables, parse_indicator_with_warnings};
use crate::model::data::{ChartFile, ChartKind, Data, IndicatorEntry, ProgrammeEntry, Ranking, ShareYear};
use crate::model::localize::Fallbacks;
use crate::routes::Routes;
use crate::site::load::SiteSource;
use crate::source::SourceFile;

/// Parsed data files, before deriving.
pub struct ParsedData {
    geo: Geo,
    indicators: Vec<Indicator>,
    programmes: Vec<Programme>,
    boundaries: Option<crate::map::Boundaries>,
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
            boundaries: None,
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
    let boundaries = source
        .boundaries
        .as_ref()
        .and_then(|f| errors.take_all(crate::map::parse_boundaries(&f.path, &f.text, &geo)));
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
    errors.into_result(ParsedData { geo, indicators, programmes, boundaries, warnings })
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
    let ParsedData { geo, indicators, programmes, boundaries, mut warnings } = parsed;
    let routes = Routes::root();
    let home = config.data.province.as_deref().and_then(|p| geo.find(p)).or(geo.root);
    let markdown = |path: &str, text: &str| -> String {
        if text.trim().is_empty() {
            return String::new();
        }
        // data notes are plain Markdown: `{{ … }}` in them is text, so rendering cannot fail
        let plain = MarkdownOptions { shortcodes: false, ..*md };
        render_markdown(&SourceFile::new(path, text), 0, &plain).map(|b| b.html).unwrap_or_default()
    };
    let english = |path: &str, text: &Option<String>| text.as_deref().map(|t| markdown(path, t));
    let programmes: Vec<ProgrammeEntry> = programmes
        .into_iter()
        .map(|p| {
            let progress = p.targets.iter().map(|t| evaluate(t, &indicators[t.indicator], &geo)).collect();
            ProgrammeEntry {
                path: routes.programme(&p.id),
                summary_html: markdown(&p.path, &p.summary),
                summary_html_en: english(&p.path, &p.en.summary),
                progress,
                programme: p,
            }
        })
        .collect();
    let entries: Vec<IndicatorEntry> = indicators
        .into_iter()
        .enumerate()
        .map(|(i, indicator)| {
            let mut entry = indicator_entry(i, indicator, &programmes, &geo, home, &routes);
            let ind = &entry.indicator;
            entry.methodology_html = markdown(&ind.path, &ind.methodology);
            entry.notes_html = markdown(&ind.path, &ind.notes);
            entry.methodology_html_en = english(&ind.path, &ind.en.methodology);
            entry.notes_html_en = english(&ind.path, &ind.en.notes);
            entry
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
    let geo_paths = geo.units.iter().map(|u| routes.geo(&u.id)).collect();
    let atlas = boundaries.as_ref().and_then(|b| {
        warnings.extend(missing_shapes(b, &geo, &entries));
        crate::map::build_atlas(b, geo.units.len(), geo.root.is_none() && geo.roots.len() > 1)
            .map(std::sync::Arc::new)
    });
    Data {
        geo,
        indicators: entries,
        programmes,
        themes,
        home,
        key_figures,
        geo_paths,
        warnings,
        lang: config.lang,
        fallbacks: Fallbacks::none(config.lang),
        atlas,
    }
}

/// What the site derives for indicator `i` (its Markdown is rendered by the caller).
fn indicator_entry(
    i: usize,
    indicator: Indicator,
    programmes: &[ProgrammeEntry],
    geo: &Geo,
    home: Option<usize>,
    routes: &Routes,
) -> IndicatorEntry {
    let targets = programmes
        .iter()
        .enumerate()
        .flat_map(|(p, e)| {
            e.programme.targets.iter().enumerate().filter(|(_, t)| t.indicator == i).map(move |(t, _)| (p, t))
        })
        .collect();
    let headline = headline_unit(&indicator, geo, home);
    let ranking = ranking_of(&indicator, geo);
    let share = share_met(&indicator, geo, ranking);
    let peers = peer_values(&indicator, geo);
    let mut charts = Vec::new();
    let chart = |kind: ChartKind| ChartFile { kind, path: routes.chart(&indicator.id, kind) };
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
        path: routes.indicator(&indicator.id),
        csv_path: routes.data_csv(&indicator.id),
        json_path: routes.data_json(&indicator.id),
        methodology_html: String::new(),
        notes_html: String::new(),
        methodology_html_en: None,
        notes_html_en: None,
        targets,
        headline,
        ranking,
        share,
        peers,
        charts,
        indicator,
    }
}

/// A `map` shortcode needs boundaries and an indicator published by unit (issue 16).
fn check_map_shortcode(data: &Data, i: usize) -> Result<(), Error> {
    let Some(atlas) = &data.atlas else {
        return Err(Error::new(ErrorKind::Reference, "the shortcode `map` needs content/boundaries.geojson")
            .help("add the units' shapes as content/boundaries.geojson (see the README, “Maps”)"));
    };
    let entry = &data.indicators[i];
    let shaped = entry.ranking.is_some()
        && entry.indicator.series.iter().any(|s| {
            atlas.has_shape(s.geo)
                && data.geo.units[s.geo].level == entry.ranking.map_or(Level::Commune, |r| r.level)
        });
    if shaped {
        Ok(())
    } else {
        Err(Error::new(
            ErrorKind::Reference,
            format!("the indicator `{}` has no figures by unit to map", entry.indicator.id),
        )
        .help("map an indicator with figures for at least three communes or districts that have shapes"))
    }
}

/// Warnings for the units that have figures at a level maps show but no shape (issue 16).
fn missing_shapes(boundaries: &crate::map::Boundaries, geo: &Geo, entries: &[IndicatorEntry]) -> Errors {
    let mut shaped = vec![false; geo.units.len()];
    for s in &boundaries.shapes {
        shaped[s.unit] = true;
    }
    let mut missing = std::collections::BTreeSet::new();
    for e in entries {
        let Some(r) = e.ranking else { continue };
        let total = e.indicator.total_key();
        let series = e.indicator.series.iter().filter(|s| s.breakdown == total && !s.points.is_empty());
        missing.extend(series.map(|s| s.geo).filter(|&u| geo.units[u].level == r.level && !shaped[u]));
    }
    let mut warnings = Errors::new();
    for u in missing {
        let unit = &geo.units[u];
        warnings.push(
            Error::warning(
                ErrorKind::Reference,
                format!(
                    "`{}` has figures but no shape in {} for its period ({})",
                    unit.id,
                    boundaries.path,
                    crate::geo::periods::describe_period(unit)
                ),
            )
            .at(crate::error::Location::file(&boundaries.path))
            .help(format!(
                "add a feature with \"properties\": {{\"id\": \"{}\"}}; maps leave the unit out until then",
                unit.id
            )),
        );
    }
    warnings
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

fn check_shortcode(sc: &Shortcode, data: &Data) -> Result<(), Error> {
    let name = sc.name();
    if sc.kind == ShortcodeKind::Contact {
        return match sc.args.keys().next() {
            Some(arg) => {
                Err(Error::new(ErrorKind::Schema, format!("the shortcode `{name}` has no argument `{arg}`"))
                    .help("write {{ contact() }}: it shows the contact: details of site.yaml"))
            }
            None => Ok(()),
        };
    }
    let Some(id) = sc.text("indicator") else {
        return Err(Error::new(ErrorKind::Schema, format!("the shortcode `{name}` needs `indicator`"))
            .help(format!("write e.g. {{{{ {name}(indicator=\"ho-ngheo\") }}}}")));
    };
    let Some(i) = data.indicator(id) else {
        return Err(unknown_indicator(id, data.indicators.iter().map(|e| e.indicator.id.as_str())));
    };
    let ind = &data.indicators[i].indicator;
    check_arguments(sc, ind)?;
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
    match sc.kind {
        ShortcodeKind::Chart => check_chart_kind(sc, ind)?,
        ShortcodeKind::Value => check_value(sc, data, i)?,
        ShortcodeKind::Map => check_map_shortcode(data, i)?,
        // checked above: it names no indicator
        ShortcodeKind::Table | ShortcodeKind::Contact => {}
    }
    check_year(sc, ind)
}

/// Every argument is one the shortcode takes, or a disaggregation of the indicator with one
/// of its values.
fn check_arguments(sc: &Shortcode, ind: &Indicator) -> Result<(), Error> {
    let allowed = sc.kind.args();
    for (name, value) in &sc.args {
        let is_dim = ind.dims.iter().any(|d| &d.id == name);
        if !allowed.contains(&name.as_str()) && !is_dim {
            return Err(Error::new(
                ErrorKind::Schema,
                format!("the shortcode `{}` has no argument `{name}`", sc.name()),
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
    Ok(())
}

/// `kind=` names a chart kind, and `groups` has groups to draw.
fn check_chart_kind(sc: &Shortcode, ind: &Indicator) -> Result<(), Error> {
    let Some(name) = sc.text("kind") else { return Ok(()) };
    match ChartKind::from_name(name) {
        None => Err(Error::new(ErrorKind::Value, format!("chart kind `{name}` does not exist"))
            .help("use kind=\"trend\" (default), \"ranking\" or \"groups\"")),
        Some(ChartKind::Groups) if ind.dims.is_empty() => {
            Err(Error::new(ErrorKind::Value, format!("the indicator `{}` has no groups to chart", ind.id))
                .help("kind=\"groups\" needs an indicator with disaggregations; use kind=\"trend\""))
        }
        Some(ChartKind::Trend | ChartKind::Ranking | ChartKind::Groups) => Ok(()),
    }
}

/// A `value` names one figure that exists.
fn check_value(sc: &Shortcode, data: &Data, i: usize) -> Result<(), Error> {
    let ind = &data.indicators[i].indicator;
    let unit = sc.text("geo").and_then(|g| data.geo.find(g)).or(data.indicators[i].headline);
    let pairs = sc.args.iter().filter_map(|(k, v)| match v {
        ArgValue::Text(t) if ind.dims.iter().any(|d| &d.id == k) => Some((k.as_str(), t.as_str())),
        _ => None,
    });
    let has = unit.zip(ind.breakdown_of(pairs).ok()).is_some_and(|(u, b)| ind.series_for(u, &b).is_some());
    if !has {
        return Err(Error::new(ErrorKind::Reference, format!("the indicator `{}` has no such figure", ind.id))
            .help("give geo= a unit with figures, and the group when the indicator is broken down, e.g. age=\"3-5\""));
    }
    Ok(())
}

/// `year=` is a year the indicator has figures for.
fn check_year(sc: &Shortcode, ind: &Indicator) -> Result<(), Error> {
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

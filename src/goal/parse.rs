//! Check a programme file against indicators and geography; resolve each target's scope.

use crate::url::{Accept, UrlField, check_url};
use std::collections::HashSet;

use super::schema::{RawProgramme, RawScope, RawTarget, TargetKind};
use super::{Comparator, Programme, Scope, ScopeKind, Target};
use crate::date::Date;
use crate::error::{Error, ErrorKind, Errors, did_you_mean};
use crate::geo::Geo;
use crate::indicator::validate::YEARS;
use crate::indicator::{Breakdown, Indicator};
use crate::source::{SourceFile, YamlText};

/// Parse and validate one programme file.
///
/// `broken` names the indicator files that have mistakes of their own: a target naming one is
/// left out without a second error (one cause, one message).
pub fn parse_programme(
    file: &SourceFile,
    indicators: &[Indicator],
    broken: &[&str],
    geo: &Geo,
) -> Result<Programme, Errors> {
    let yaml = YamlText::file(file);
    let raw: RawProgramme = yaml.parse("the programme file")?;
    let mut errors = Errors::new();
    let id = programme_id(file, &yaml, &mut errors);
    const URL: UrlField =
        UrlField { name: "url", example: "url: https://vbpl.vn/", accept: Accept::WebAddress };
    if let Some(Err(e)) = raw.url.as_deref().map(|u| check_url(u, &URL)) {
        errors.push(e.at(yaml.locate(&["url"])));
    }
    let date = Date::parse(&raw.date).unwrap_or_else(|e| {
        errors.push(
            Error::new(ErrorKind::Value, e.message)
                .at(yaml.locate(&["date"]))
                .help("write the date as YYYY-MM-DD"),
        );
        Date { year: 1970, month: 1, day: 1 }
    });
    let targets = parse_targets(&raw.targets, &yaml, indicators, broken, geo, &mut errors);
    errors.into_result(Programme {
        id,
        path: file.path.clone(),
        number: raw.number,
        title: raw.title,
        issuer: raw.issuer,
        date,
        url: raw.url,
        summary: raw.summary.unwrap_or_default(),
        targets,
        en: raw.en.unwrap_or_default(),
    })
}

/// The programme id (the file name), which must be a slug.
fn programme_id(file: &SourceFile, yaml: &YamlText<'_>, errors: &mut Errors) -> String {
    let name = file.path.rsplit('/').next().unwrap_or("");
    let id = name.trim_end_matches(".yaml").trim_end_matches(".yml").to_string();
    if !crate::slug::is_slug(&id) {
        errors.push(
            Error::new(ErrorKind::Value, format!("the file name `{id}` is not a valid programme id"))
                .at(yaml.location(1, 1))
                .help(format!(
                    "rename the file with lower-case ASCII letters, digits and hyphens, e.g. {}.yaml",
                    crate::slug::slugify(&id)
                )),
        );
    }
    id
}

/// Every target with a unique slug id that checks out; the others are reported.
fn parse_targets(
    raw: &[RawTarget],
    yaml: &YamlText<'_>,
    indicators: &[Indicator],
    broken: &[&str],
    geo: &Geo,
    errors: &mut Errors,
) -> Vec<Target> {
    let mut seen = HashSet::new();
    let mut targets = Vec::new();
    for (i, t) in raw.iter().enumerate() {
        let index = i.to_string();
        let at = |path: &[&str]| {
            let mut full = vec!["targets", index.as_str()];
            full.extend_from_slice(path);
            yaml.locate(&full)
        };
        if !crate::slug::is_slug(&t.id) {
            errors.push(
                Error::new(ErrorKind::Value, format!("target id `{}` is not a slug", t.id))
                    .at(at(&["id"]))
                    .help(format!(
                        "use lower-case ASCII letters, digits and hyphens, e.g. id: {}",
                        crate::slug::slugify(&t.id)
                    )),
            );
        }
        if !seen.insert(t.id.clone()) {
            errors.push(
                Error::new(
                    ErrorKind::Duplicate,
                    format!("target id `{}` is used twice in this programme", t.id),
                )
                .at(at(&["id"]))
                .help("give each target its own id"),
            );
        }
        if let Some(target) = errors.take_all(parse_target(t, &at, indicators, broken, geo)) {
            targets.push(target);
        }
    }
    targets
}

type At<'a> = dyn Fn(&[&str]) -> crate::Location + 'a;

fn parse_target(
    t: &RawTarget,
    at: &At<'_>,
    indicators: &[Indicator],
    broken: &[&str],
    geo: &Geo,
) -> Result<Target, Errors> {
    if broken.contains(&t.indicator.as_str()) {
        return Err(Errors::new());
    }
    let Some(ind) = indicators.iter().position(|x| x.id == t.indicator) else {
        let help = match did_you_mean(&t.indicator, indicators.iter().map(|x| x.id.as_str())) {
            Some(best) => format!("did you mean `{best}`? Indicators are the files in content/indicators/"),
            None => "use the id of a file in content/indicators/ (its name without .yaml)".to_string(),
        };
        return Err(Error::new(ErrorKind::Reference, format!("unknown indicator `{}`", t.indicator))
            .at(at(&["indicator"]))
            .help(help)
            .into());
    };
    let mut errors = Errors::new();
    let indicator = &indicators[ind];
    let breakdown = target_breakdown(t, indicator, at, &mut errors);
    check_years(t, at, &mut errors);
    let condition = target_condition(t, at, &mut errors);
    let baseline_year = t.baseline_year.clamp(*YEARS.start(), *YEARS.end()) as i32;
    let scope = errors.take_all(resolve_scope(&t.scope, at, indicator, &breakdown, baseline_year, geo));
    let target = scope.map(|scope| Target {
        id: t.id.clone(),
        title: t.title.clone(),
        indicator: ind,
        breakdown,
        scope,
        kind: t.kind,
        comparator: t.comparator.unwrap_or(Comparator::AtLeast),
        value: t.value,
        condition,
        baseline_year,
        target_year: t.target_year.clamp(*YEARS.start(), *YEARS.end()) as i32,
        en: t.en.clone().unwrap_or_default(),
    });
    match target {
        Some(target) => errors.into_result(target),
        None => Err(errors),
    }
}

/// The breakdown the target's `disaggregation` names (the total when it names none that exists).
fn target_breakdown(t: &RawTarget, indicator: &Indicator, at: &At<'_>, errors: &mut Errors) -> Breakdown {
    let pairs = t.disaggregation.iter().map(|(k, v)| (k.as_str(), v.as_str()));
    let (dim, value) = match indicator.breakdown_of(pairs) {
        Ok(b) => return b,
        Err(missing) => missing,
    };
    let help = if indicator.dims.is_empty() {
        format!("the indicator `{}` has no disaggregations; remove `disaggregation:`", indicator.id)
    } else {
        let list: Vec<String> = indicator
            .dims
            .iter()
            .map(|d| {
                format!("{}: {}", d.id, d.values.iter().map(|v| v.0.as_str()).collect::<Vec<_>>().join(", "))
            })
            .collect();
        format!("the indicator `{}` has {}", indicator.id, list.join("; "))
    };
    errors.push(
        Error::new(ErrorKind::Reference, format!("the disaggregation `{dim}: {value}` does not exist"))
            .at(at(&["disaggregation"]))
            .help(help),
    );
    indicator.total_key()
}

/// Both years in range, the target year after the baseline year.
fn check_years(t: &RawTarget, at: &At<'_>, errors: &mut Errors) {
    for (field, year) in [("baseline_year", t.baseline_year), ("target_year", t.target_year)] {
        if !YEARS.contains(&year) {
            errors.push(
                Error::new(ErrorKind::Value, format!("{field} {year} is out of range"))
                    .at(at(&[field]))
                    .help("write a year such as 2025"),
            );
        }
    }
    if t.baseline_year >= t.target_year {
        errors.push(
            Error::new(
                ErrorKind::Value,
                format!(
                    "the target year {} is not after the baseline year {}",
                    t.target_year, t.baseline_year
                ),
            )
            .at(at(&["target_year"]))
            .help("the baseline year is when progress is measured from; the target year comes later"),
        );
    }
}

/// The `condition` of a `share` target (required there, refused elsewhere) and its value range.
fn target_condition(t: &RawTarget, at: &At<'_>, errors: &mut Errors) -> Option<(Comparator, f64)> {
    let condition = match (t.kind, &t.condition) {
        (TargetKind::Share, Some(c)) => Some((c.comparator, c.value)),
        (TargetKind::Share, None) => {
            errors.push(
                Error::new(ErrorKind::Schema, "a `share` target needs a `condition`").at(at(&["kind"])).help(
                    "say when a unit counts as meeting, e.g. condition: {comparator: \">=\", value: 2}",
                ),
            );
            None
        }
        (_, Some(_)) => {
            errors.push(
                Error::new(ErrorKind::Schema, "`condition` is only for targets of kind `share`")
                    .at(at(&["condition"]))
                    .help("remove `condition:`, or use kind: share"),
            );
            None
        }
        (_, None) => None,
    };
    if t.kind == TargetKind::Share && !(0.0..=100.0).contains(&t.value) {
        errors.push(
            Error::new(ErrorKind::Value, format!("a share is a percentage; {} is not", t.value))
                .at(at(&["value"]))
                .help("write e.g. value: 100"),
        );
    }
    condition
}

fn resolve_scope(
    s: &RawScope,
    at: &At<'_>,
    indicator: &Indicator,
    breakdown: &[Option<u16>],
    baseline_year: i32,
    geo: &Geo,
) -> Result<Scope, Errors> {
    let mut errors = Errors::new();
    let given = [s.geo.is_some(), s.units.is_some(), s.level.is_some()].iter().filter(|b| **b).count();
    if given != 1 {
        return Err(Error::new(ErrorKind::Schema, "a scope names exactly one of `geo`, `units` or `level`")
            .at(at(&["scope"]))
            .help("write `geo: son-cao` (one unit), `units: [a, b]` (a list) or `level: commune` (all communes)")
            .into());
    }
    if s.level.is_none() && (s.condition.is_some() || s.within.is_some()) {
        errors.push(
            Error::new(ErrorKind::Schema, "`where` and `within` go with `level`")
                .at(at(&["scope"]))
                .help("use level: commune (or district) with where:/within:, or remove them"),
        );
    }
    let mut find = |id: &str, path: &[&str]| match geo.find(id) {
        Some(i) => Some(i),
        None => {
            errors.push(geo.unknown(id).at(at(path)));
            None
        }
    };
    let (kind, units) = if let Some(id) = &s.geo {
        (ScopeKind::One, find(id, &["scope", "geo"]).into_iter().collect())
    } else if let Some(list) = &s.units {
        let units: Vec<usize> = list
            .iter()
            .enumerate()
            .filter_map(|(k, id)| find(id, &["scope", "units", &k.to_string()]))
            .collect();
        (ScopeKind::List, units)
    } else {
        let level = s.level.unwrap_or(crate::geo::Level::Commune);
        let within = s.within.as_deref().and_then(|id| find(id, &["scope", "within"]));
        if let Some(c) = s.condition.as_ref().filter(|c| !YEARS.contains(&c.year)) {
            errors.push(
                Error::new(
                    ErrorKind::Value,
                    format!("year {} of the scope's condition is out of range", c.year),
                )
                .at(at(&["scope", "where", "year"]))
                .help("write the year the condition is read in, e.g. year: 2021"),
            );
        }
        let condition = s
            .condition
            .as_ref()
            .map(|c| (c.year.clamp(*YEARS.start(), *YEARS.end()) as i32, c.comparator, c.value));
        let mut units = geo.units_of(level, baseline_year, within);
        if let Some((year, cmp, value)) = condition {
            units.retain(|&u| indicator.value(u, breakdown, year).is_some_and(|v| cmp.holds(v, value)));
        }
        (ScopeKind::Level { level, within, condition }, units)
    };
    if errors.is_empty() && units.is_empty() {
        errors.push(Error::new(ErrorKind::Value, "the scope contains no unit").at(at(&["scope"])).help(
            format!("check the level and the condition: no unit existed in {baseline_year} and met it"),
        ));
    }
    let label_en = s.en.as_ref().and_then(|e| e.label.clone());
    errors.into_result(Scope { kind, units, label: s.label.clone(), label_en })
}

//! Check an indicator file against the geography and turn it into an [`Indicator`].
//!
//! Every problem is collected (unknown geo ids, years out of range or outside the unit's
//! lifetime, impossible values, duplicates across the three observation forms), each pointing
//! at its line: in the YAML through the locator, in CSV files directly.

use std::collections::{BTreeMap, HashMap};

use super::csv::{Cell, read_csv};
use super::schema::{RawIndicator, UnitKind};
use super::{Breakdown, Dim, Indicator, Revision, Series};
use crate::date::Date;
use crate::error::{Error, ErrorKind, Errors, Location, did_you_mean};
use crate::geo::Geo;
use crate::slug::is_slug;
use crate::source::{SourceFile, YamlText};

/// Years a value may belong to.
pub const YEARS: std::ops::RangeInclusive<i64> = 1990..=2100;

/// Where an observation was written, to locate duplicates and bad values.
#[derive(Debug, Clone)]
enum Place {
    Series(usize, i64),
    Observation(usize),
    Csv(Location),
}

struct Ctx<'a> {
    yaml: YamlText<'a>,
    geo: &'a Geo,
    dims: &'a [Dim],
    bounds: (f64, f64),
    unit: UnitKind,
    errors: Errors,
    seen: HashMap<(usize, Breakdown, i32), Place>,
    values: BTreeMap<(usize, Breakdown), Vec<(i32, f64)>>,
}

/// Parse and validate one indicator file; `tables` are the CSV files under `content/indicators/`.
pub fn parse_indicator(
    file: &SourceFile,
    tables: &[SourceFile],
    geo: &Geo,
    themes: &[String],
) -> Result<Indicator, Errors> {
    let yaml = YamlText::file(file);
    let raw: RawIndicator = yaml.parse("the indicator file")?;
    let stem = file.path.rsplit('/').next().unwrap_or("").trim_end_matches(".yaml").trim_end_matches(".yml");
    let mut errors = Errors::new();
    check_metadata(&raw, stem, &yaml, themes, &mut errors);
    let dims = parse_dims(&raw, &yaml, &mut errors);
    let bounds = bounds(&raw);
    let updated =
        date(&yaml, &raw.updated, &["updated"], &mut errors).unwrap_or(Date { year: 1970, month: 1, day: 1 });
    let next_update = raw.next_update.as_ref().and_then(|d| date(&yaml, d, &["next_update"], &mut errors));
    let mut revisions: Vec<Revision> = raw
        .revisions
        .iter()
        .enumerate()
        .filter_map(|(i, r)| {
            let d = date(&yaml, &r.date, &["revisions", &i.to_string(), "date"], &mut errors)?;
            Some(Revision { date: d, note: r.note.clone() })
        })
        .collect();
    revisions.sort_by_key(|r| std::cmp::Reverse(r.date));
    let mut ctx = Ctx {
        yaml,
        geo,
        dims: &dims,
        bounds,
        unit: raw.unit,
        errors,
        seen: HashMap::new(),
        values: BTreeMap::new(),
    };
    read_series(&raw, &mut ctx);
    read_observations(&raw, &mut ctx);
    if let Some(name) = &raw.csv {
        read_table(file, name, tables, &mut ctx);
    }
    let Ctx { errors, values, .. } = ctx;
    let series = values
        .into_iter()
        .map(|((geo, breakdown), mut points)| {
            points.sort_by_key(|p| p.0);
            Series { geo, breakdown, points }
        })
        .collect();
    let indicator = Indicator {
        id: stem.to_string(),
        path: file.path.clone(),
        short_title: raw.short_title.clone().unwrap_or_else(|| raw.title.clone()),
        title: raw.title,
        theme: raw.theme,
        unit: raw.unit,
        unit_label: raw.unit_label,
        decimals: usize::from(raw.decimals.unwrap_or(default_decimals(raw.unit))),
        direction: raw.direction,
        description: raw.description.unwrap_or_default(),
        source: raw.source,
        source_url: raw.source_url,
        methodology: raw.methodology.unwrap_or_default(),
        notes: raw.notes.unwrap_or_default(),
        updated,
        next_update,
        revisions,
        dims,
        series,
    };
    errors.into_result(indicator)
}

fn default_decimals(unit: UnitKind) -> u8 {
    match unit {
        UnitKind::Percent
        | UnitKind::Points
        | UnitKind::Per1000
        | UnitKind::DaysPerWeek
        | UnitKind::MillionVnd => 1,
        UnitKind::Ratio | UnitKind::Km | UnitKind::Custom => 2,
        UnitKind::Count | UnitKind::Vnd | UnitKind::Boolean => 0,
    }
}

/// The allowed range of values: `min`/`max` when given, else what the unit allows.
fn bounds(raw: &RawIndicator) -> (f64, f64) {
    let (lo, hi) = match raw.unit {
        UnitKind::Percent => (0.0, 100.0),
        UnitKind::Boolean => (0.0, 1.0),
        UnitKind::DaysPerWeek => (0.0, 7.0),
        UnitKind::Per1000 => (0.0, 1000.0),
        UnitKind::Count | UnitKind::Vnd | UnitKind::MillionVnd | UnitKind::Km => (0.0, f64::INFINITY),
        UnitKind::Points | UnitKind::Ratio | UnitKind::Custom => (f64::NEG_INFINITY, f64::INFINITY),
    };
    (raw.min.unwrap_or(lo), raw.max.unwrap_or(hi))
}

fn check_metadata(
    raw: &RawIndicator,
    stem: &str,
    yaml: &YamlText<'_>,
    themes: &[String],
    errors: &mut Errors,
) {
    if !is_slug(stem) {
        errors.push(
            Error::new(ErrorKind::Value, format!("the file name `{stem}` is not a valid indicator id"))
                .at(yaml.location(1, 1))
                .help("name the file with lower-case ASCII letters, digits and hyphens, e.g. ho-ngheo.yaml"),
        );
    }
    if let Some(id) = raw.id.as_deref().filter(|id| *id != stem) {
        errors.push(
            Error::new(ErrorKind::Value, format!("id `{id}` differs from the file name `{stem}`"))
                .at(yaml.locate(&["id"]))
                .help(format!(
                    "remove the `id:` line or write id: {stem}; the file name is the indicator id"
                )),
        );
    }
    if !themes.contains(&raw.theme) {
        let names: Vec<&str> = themes.iter().map(String::as_str).collect();
        let help = match did_you_mean(&raw.theme, names.iter().copied()) {
            Some(best) => format!("did you mean `{best}`?"),
            None if names.is_empty() => {
                "list the themes under `data: themes:` in content/site.yaml".to_string()
            }
            None => format!(
                "use one of {}, or add the theme under `data: themes:` in content/site.yaml",
                names.join(", ")
            ),
        };
        errors.push(
            Error::new(ErrorKind::Reference, format!("unknown theme `{}`", raw.theme))
                .at(yaml.locate(&["theme"]))
                .help(help),
        );
    }
    if matches!(raw.unit, UnitKind::Count | UnitKind::Custom) && raw.unit_label.is_none() {
        errors.push(
            Error::new(ErrorKind::Schema, "this unit needs a `unit_label`")
                .at(yaml.locate(&["unit"]))
                .help("add e.g. unit_label: hộ (what is counted)"),
        );
    }
    if let Some(url) = raw.source_url.as_deref().filter(|u| !crate::slug::is_web_address(u)) {
        errors.push(
            Error::new(ErrorKind::Value, format!("`{url}` is not a web address"))
                .at(yaml.locate(&["source_url"]))
                .help("write the full address, starting with https:// or http://"),
        );
    }
    if raw.decimals.is_some_and(|d| d > 6) {
        errors.push(
            Error::new(ErrorKind::Value, "decimals must be between 0 and 6")
                .at(yaml.locate(&["decimals"]))
                .help("write e.g. decimals: 1"),
        );
    }
    if let (Some(lo), Some(hi)) = (raw.min, raw.max)
        && lo >= hi
    {
        errors.push(
            Error::new(ErrorKind::Value, format!("min ({lo}) must be below max ({hi})"))
                .at(yaml.locate(&["min"]))
                .help("check the bounds"),
        );
    }
}

fn parse_dims(raw: &RawIndicator, yaml: &YamlText<'_>, errors: &mut Errors) -> Vec<Dim> {
    let mut dims: Vec<Dim> = Vec::new();
    for (i, d) in raw.disaggregations.iter().enumerate() {
        if dims.iter().any(|x| x.id == d.id) {
            errors.push(
                Error::new(ErrorKind::Duplicate, format!("disaggregation `{}` is defined twice", d.id))
                    .at(yaml.locate(&["disaggregations", &i.to_string(), "id"]))
                    .help("keep one definition"),
            );
        }
        let mut values: Vec<(String, String)> = Vec::new();
        for (k, v) in d.values.iter().enumerate() {
            if v.id.is_empty() || values.iter().any(|x| x.0 == v.id) {
                errors.push(
                    Error::new(
                        ErrorKind::Duplicate,
                        format!("value `{}` of `{}` is empty or given twice", v.id, d.id),
                    )
                    .at(yaml.locate(&["disaggregations", &i.to_string(), "values", &k.to_string(), "id"]))
                    .help("give each value its own id"),
                );
            }
            values.push((v.id.clone(), v.name.clone()));
        }
        dims.push(Dim { id: d.id.clone(), name: d.name.clone(), values });
    }
    dims
}

fn date(yaml: &YamlText<'_>, text: &str, path: &[&str], errors: &mut Errors) -> Option<Date> {
    match Date::parse(text) {
        Ok(d) => Some(d),
        Err(e) => {
            errors.push(
                Error::new(ErrorKind::Value, e.message)
                    .at(yaml.locate(path))
                    .help("write the date as YYYY-MM-DD, e.g. 2025-12-20"),
            );
            None
        }
    }
}

impl Ctx<'_> {
    fn locate(&self, place: &Place, field: &str) -> Location {
        match place {
            Place::Series(i, year) => {
                self.yaml.locate(&["series", &i.to_string(), "values", &year.to_string()])
            }
            Place::Observation(i) => self.yaml.locate(&["observations", &i.to_string(), field]),
            Place::Csv(location) => location.clone(),
        }
    }

    fn resolve_geo(&mut self, id: &str, at: impl FnOnce() -> Location) -> Option<usize> {
        let found = self.geo.find(id);
        if found.is_none() {
            self.errors.push(self.geo.unknown(id).at(at()));
        }
        found
    }

    fn breakdown(
        &mut self,
        pairs: &BTreeMap<String, String>,
        at: impl Fn() -> Location,
    ) -> Option<Breakdown> {
        let mut key = vec![None; self.dims.len()];
        for (dim, value) in pairs {
            let Some(d) = self.dims.iter().position(|x| &x.id == dim) else {
                let known: Vec<&str> = self.dims.iter().map(|d| d.id.as_str()).collect();
                let help = if known.is_empty() {
                    "this indicator has no disaggregations; define them under `disaggregations:` first"
                        .to_string()
                } else {
                    format!("use one of: {}", known.join(", "))
                };
                self.errors.push(
                    Error::new(ErrorKind::Reference, format!("unknown disaggregation `{dim}`"))
                        .at(at())
                        .help(help),
                );
                return None;
            };
            let Some(v) = self.dims[d].values.iter().position(|x| &x.0 == value) else {
                let known: Vec<&str> = self.dims[d].values.iter().map(|x| x.0.as_str()).collect();
                self.errors.push(
                    Error::new(
                        ErrorKind::Reference,
                        format!("`{value}` is not a value of disaggregation `{dim}`"),
                    )
                    .at(at())
                    .help(format!("use one of: {}", known.join(", "))),
                );
                return None;
            };
            key[d] = Some(v as u16);
        }
        Some(key)
    }

    /// Check one observation and keep it.
    fn add(&mut self, geo: usize, breakdown: Breakdown, year: i64, value: f64, place: Place) {
        if !YEARS.contains(&year) {
            let e = Error::new(ErrorKind::Value, format!("year {year} is out of range"))
                .at(self.locate(&place, "year"))
                .help(format!("years go from {} to {}", YEARS.start(), YEARS.end()));
            self.errors.push(e);
            return;
        }
        let year = year as i32;
        let unit = &self.geo.units[geo];
        if !unit.existed_in(year) {
            let period = match (unit.from, unit.until) {
                (Some(f), Some(u)) => format!("from {} to {}", f.dmy(), u.dmy()),
                (Some(f), None) => format!("from {}", f.dmy()),
                (None, Some(u)) => format!("until {}", u.dmy()),
                (None, None) => String::new(),
            };
            let help = match unit.merged_into.first() {
                Some(&s) => format!(
                    "give this year's value to `{}`, the unit it was merged into",
                    self.geo.units[s].id
                ),
                None => "check the year and the unit's from:/until: dates in content/geo.yaml".to_string(),
            };
            let e = Error::new(
                ErrorKind::Value,
                format!("`{}` did not exist in {year} (it existed {period})", unit.id),
            )
            .at(self.locate(&place, "year"))
            .help(help);
            self.errors.push(e);
            return;
        }
        if !value.is_finite() || value < self.bounds.0 || value > self.bounds.1 {
            let (message, help) = self.bad_value(value);
            self.errors
                .push(Error::new(ErrorKind::Value, message).at(self.locate(&place, "value")).help(help));
            return;
        }
        if let Some(first) = self.seen.get(&(geo, breakdown.clone(), year)) {
            let first_at = self.locate(first, "year");
            let e = Error::new(
                ErrorKind::Duplicate,
                format!(
                    "the value for `{}` in {year} is given twice (first at {first_at})",
                    self.geo.units[geo].id
                ),
            )
            .at(self.locate(&place, "year"))
            .help("keep one of the two values");
            self.errors.push(e);
            return;
        }
        self.seen.insert((geo, breakdown.clone(), year), place);
        self.values.entry((geo, breakdown)).or_default().push((year, value));
    }

    fn bad_value(&self, value: f64) -> (String, String) {
        let (lo, hi) = self.bounds;
        let range = match (lo.is_finite(), hi.is_finite()) {
            (true, true) => format!("from {lo} to {hi}"),
            (true, false) => format!("at least {lo}"),
            (false, true) => format!("at most {hi}"),
            (false, false) => "a finite number".to_string(),
        };
        let help = match self.unit {
            UnitKind::Percent => "a percentage is between 0 and 100: write 12.5 for 12,5 %; set min:/max: if this indicator may go beyond".to_string(),
            UnitKind::Boolean => "write 1 for met (đạt) and 0 for not met (chưa đạt)".to_string(),
            _ => format!("check the value, or set min:/max: for this indicator ({range})"),
        };
        (format!("the value {value} is impossible here: it must be {range}"), help)
    }
}

fn read_series(raw: &RawIndicator, ctx: &mut Ctx<'_>) {
    for (i, s) in raw.series.iter().enumerate() {
        let yaml = ctx.yaml;
        let Some(geo) = ctx.resolve_geo(&s.geo, || yaml.locate(&["series", &i.to_string(), "geo"])) else {
            continue;
        };
        let Some(key) =
            ctx.breakdown(&s.disaggregation, || yaml.locate(&["series", &i.to_string(), "disaggregation"]))
        else {
            continue;
        };
        for (year, value) in &s.values {
            if let Some(v) = value {
                ctx.add(geo, key.clone(), *year, *v, Place::Series(i, *year));
            }
        }
    }
}

fn read_observations(raw: &RawIndicator, ctx: &mut Ctx<'_>) {
    for (i, o) in raw.observations.iter().enumerate() {
        let yaml = ctx.yaml;
        let Some(geo) = ctx.resolve_geo(&o.geo, || yaml.locate(&["observations", &i.to_string(), "geo"]))
        else {
            continue;
        };
        let Some(key) = ctx.breakdown(&o.disaggregation, || {
            yaml.locate(&["observations", &i.to_string(), "disaggregation"])
        }) else {
            continue;
        };
        ctx.add(geo, key, o.year, o.value, Place::Observation(i));
    }
}

fn read_table(file: &SourceFile, name: &str, tables: &[SourceFile], ctx: &mut Ctx<'_>) {
    let dir = file.path.rsplit_once('/').map_or("", |(d, _)| d);
    let wanted = format!("{dir}/{name}");
    let Some(table) = tables.iter().find(|t| t.path == wanted) else {
        ctx.errors.push(
            Error::new(ErrorKind::Io, format!("the CSV file `{wanted}` does not exist"))
                .at(ctx.yaml.locate(&["csv"]))
                .help("put the file next to this indicator file, or correct the name after `csv:`"),
        );
        return;
    };
    let rows = match read_csv(&table.text) {
        Ok(rows) => rows,
        Err(e) => {
            ctx.errors.push(
                Error::new(ErrorKind::Syntax, e.message)
                    .at_line(&table.path, e.line, e.column)
                    .help("check the quotes of this line"),
            );
            return;
        }
    };
    let Some((header, body)) = rows.split_first() else { return };
    let columns: Vec<&str> = header.iter().map(|c| c.text.as_str()).collect();
    let position = |name: &str| columns.iter().position(|c| *c == name);
    let (Some(g), Some(y), Some(v)) = (position("geo"), position("year"), position("value")) else {
        ctx.errors.push(
            Error::new(ErrorKind::Schema, "the first line must name the columns geo, year and value")
                .at_line(&table.path, 1, 1)
                .help("write the header as: geo,year,value (then one column per disaggregation id)"),
        );
        return;
    };
    let dim_columns: Vec<(usize, &str)> =
        columns.iter().enumerate().filter(|(i, _)| ![g, y, v].contains(i)).map(|(i, c)| (i, *c)).collect();
    for row in body {
        let cell = |i: usize| row.get(i);
        let at = |c: Option<&Cell>| {
            c.map_or_else(
                || Location::at(&table.path, row[0].line, 1),
                |c| Location::at(&table.path, c.line, c.column),
            )
        };
        let Some(geo) = cell(g).and_then(|c| ctx.resolve_geo(&c.text, || at(Some(c)))) else { continue };
        let Some(year) = number_cell(cell(y), &table.path, "year", ctx).map(|n| n as i64) else { continue };
        let Some(value) = number_cell(cell(v), &table.path, "value", ctx) else { continue };
        let pairs: BTreeMap<String, String> = dim_columns
            .iter()
            .filter_map(|(i, name)| {
                cell(*i).filter(|c| !c.text.is_empty()).map(|c| (name.to_string(), c.text.clone()))
            })
            .collect();
        let Some(key) = ctx.breakdown(&pairs, || at(cell(dim_columns.first().map_or(0, |d| d.0)))) else {
            continue;
        };
        ctx.add(geo, key, year, value, Place::Csv(at(cell(y))));
    }
}

fn number_cell(cell: Option<&Cell>, path: &str, what: &str, ctx: &mut Ctx<'_>) -> Option<f64> {
    let cell = cell.filter(|c| !c.text.is_empty())?;
    match cell.text.parse::<f64>() {
        Ok(n) if what != "year" || n.fract() == 0.0 => Some(n),
        _ => {
            let help = if cell.text.contains(',') || cell.text.matches('.').count() > 1 {
                "write numbers with a dot for decimals and no thousands separator, e.g. 12.5 or 1234"
            } else {
                "write a plain number"
            };
            ctx.errors.push(
                Error::new(ErrorKind::Value, format!("{what} must be a number, found \"{}\"", cell.text))
                    .at_line(path, cell.line, cell.column)
                    .help(help),
            );
            None
        }
    }
}

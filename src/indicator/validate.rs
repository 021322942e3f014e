//! Check an indicator file against the geography and turn it into an [`Indicator`].
//!
//! Every problem is collected (unknown geo ids, years out of range or outside the unit's
//! lifetime, impossible values, duplicates across the three observation forms), each pointing
//! at its line: in the YAML through the locator, in CSV files directly.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::from_table::read_table;
use super::observations::{Ctx, read_observations, read_series};
use super::schema::{IndicatorEn, RawIndicator, UnitKind};
use super::{Dim, Indicator, Revision, Series};
use crate::date::Date;
use crate::error::{Error, ErrorKind, Errors, did_you_mean};
use crate::geo::Geo;
use crate::slug::is_slug;
use crate::source::{BinaryFile, SourceFile, YamlPlaces, YamlText};
use crate::url::{Accept, UrlField, check_url};

/// Years a value may belong to.
pub const YEARS: std::ops::RangeInclusive<i64> = 1990..=2100;

/// The table files under `content/indicators/` an indicator may name.
#[derive(Debug, Clone, Copy, Default)]
pub struct Tables<'a> {
    /// CSV files.
    pub csv: &'a [SourceFile],
    /// Workbooks (`.xlsx`, `.xls`, `.ods`).
    pub workbooks: &'a [BinaryFile],
}

/// Parse and validate one indicator file; `tables` are the CSV files under `content/indicators/`.
pub fn parse_indicator(
    file: &SourceFile,
    tables: &[SourceFile],
    geo: &Geo,
    themes: &[String],
) -> Result<Indicator, Errors> {
    parse_indicator_with_warnings(file, Tables { csv: tables, workbooks: &[] }, geo, themes)
        .map(|(indicator, _)| indicator)
}

/// [`parse_indicator`], also returning the warnings (a figure of a unit that ceased that year).
pub fn parse_indicator_with_warnings(
    file: &SourceFile,
    tables: Tables<'_>,
    geo: &Geo,
    themes: &[String],
) -> Result<(Indicator, Errors), Errors> {
    let yaml = YamlText::file(file);
    let raw: RawIndicator = yaml.parse("the indicator file")?;
    let yaml = YamlPlaces::new(yaml);
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
            let note_en = r.en.as_ref().and_then(|e| e.note.clone());
            Some(Revision { date: d, note: r.note.clone(), note_en })
        })
        .collect();
    revisions.sort_by_key(|r| std::cmp::Reverse(r.date));
    let mut ctx = Ctx {
        yaml: &yaml,
        geo,
        dims: &dims,
        bounds,
        unit: raw.unit,
        errors,
        seen: HashMap::new(),
        values: BTreeMap::new(),
        unknown: HashMap::new(),
        names: None,
        notes: Vec::new(),
    };
    read_series(&raw, &mut ctx);
    read_observations(&raw, &mut ctx);
    read_table(file, &raw, tables, &mut ctx);
    let Ctx { errors, values, notes: table_notes, .. } = ctx;
    let series = values
        .into_iter()
        .map(|((geo, breakdown), mut points)| {
            points.sort_by_key(|p| p.0);
            Series { geo, breakdown, points }
        })
        .collect();
    let en = english(&raw);
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
        en,
        table_notes,
    };
    let (warnings, errors) = errors.split_warnings();
    errors.into_result((indicator, warnings))
}

/// The English texts as given; a short title not written falls back on the English title,
/// as the original does on its title.
fn english(raw: &RawIndicator) -> IndicatorEn {
    let mut en = raw.en.clone().unwrap_or_default();
    if raw.short_title.is_none() && en.short_title.is_none() {
        en.short_title.clone_from(&en.title);
    }
    en
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
    yaml: &YamlPlaces<'_>,
    themes: &[String],
    errors: &mut Errors,
) {
    if !is_slug(stem) {
        errors.push(
            Error::new(ErrorKind::Value, format!("the file name `{stem}` is not a valid indicator id"))
                .at(yaml.yaml.location(1, 1))
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
    const SOURCE_URL: UrlField = UrlField {
        name: "source_url",
        example: "source_url: https://thongke.gov.vn/",
        accept: Accept::WebAddress,
    };
    if let Some(Err(e)) = raw.source_url.as_deref().map(|u| check_url(u, &SOURCE_URL)) {
        errors.push(e.at(yaml.locate(&["source_url"])));
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

fn parse_dims(raw: &RawIndicator, yaml: &YamlPlaces<'_>, errors: &mut Errors) -> Vec<Dim> {
    let mut dims: Vec<Dim> = Vec::new();
    // sets, not scans of the lists so far: a list of 100,000 values stays linear (issue 8)
    let mut dim_ids = HashSet::new();
    for (i, d) in raw.disaggregations.iter().enumerate() {
        // the id names a column of the open-data CSV and a key of the JSON (issue 8)
        if !is_slug(&d.id) {
            errors.push(
                Error::new(ErrorKind::Value, format!("disaggregation id `{}` is not a slug", d.id))
                    .at(yaml.locate(&["disaggregations", &i.to_string(), "id"]))
                    .help(format!(
                        "use lower-case ASCII letters, digits and hyphens, e.g. id: {}",
                        crate::slug::slugify(&d.id)
                    )),
            );
        }
        if !dim_ids.insert(d.id.as_str()) {
            errors.push(
                Error::new(ErrorKind::Duplicate, format!("disaggregation `{}` is defined twice", d.id))
                    .at(yaml.locate(&["disaggregations", &i.to_string(), "id"]))
                    .help("keep one definition"),
            );
        }
        let mut values: Vec<(String, String)> = Vec::new();
        let mut value_ids = HashSet::new();
        for (k, v) in d.values.iter().enumerate() {
            if v.id.is_empty() || !value_ids.insert(v.id.as_str()) {
                errors.push(
                    Error::new(
                        ErrorKind::Duplicate,
                        format!("value `{}` of `{}` is empty or given twice", v.id, d.id),
                    )
                    .at(yaml.locate(&["disaggregations", &i.to_string(), "values", &k.to_string(), "id"]))
                    .help("give each value its own id"),
                );
            }
            if v.id == super::TOTAL_CODE {
                errors.push(
                    Error::new(
                        ErrorKind::Value,
                        format!("`{}` cannot be the id of a value of `{}`", v.id, d.id),
                    )
                    .at(yaml.locate(&["disaggregations", &i.to_string(), "values", &k.to_string(), "id"]))
                    .help("`_T` marks totals in the open data files; give the group another id, e.g. `tong`"),
                );
            }
            values.push((v.id.clone(), v.name.clone()));
        }
        if values.len() > usize::from(u16::MAX) {
            // a breakdown stores the index of a value in 16 bits
            errors.push(
                Error::new(
                    ErrorKind::Value,
                    format!("`{}` has {} values; at most 65,535 are allowed", d.id, values.len()),
                )
                .at(yaml.locate(&["disaggregations", &i.to_string(), "values"]))
                .help("group the values into fewer categories"),
            );
            values.truncate(usize::from(u16::MAX));
        }
        let name_en = d.en.as_ref().and_then(|e| e.name.clone());
        let values_en = d.values.iter().map(|v| v.en.as_ref().and_then(|e| e.name.clone())).collect();
        dims.push(Dim { id: d.id.clone(), name: d.name.clone(), values, name_en, values_en });
    }
    dims
}

fn date(yaml: &YamlPlaces<'_>, text: &str, path: &[&str], errors: &mut Errors) -> Option<Date> {
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

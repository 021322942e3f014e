//! An Open SDG data repository (as the open-sdg-data-starter lays it out: `data/indicator_*.csv`
//! with `Year`, disaggregation columns, `GeoCode`, `Units`, `Series`, `Value`; `meta/` and
//! `indicator-config/`) turned into gazette indicators: one `sdg-<code>.yaml` and its
//! `sdg-<code>.csv` per data file. What cannot be mapped is said, never guessed silently.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use super::meta::Meta;
use crate::config::parse_config;
use crate::error::{Error, ErrorKind, Errors};
use crate::geo::{Geo, parse_geo};
use crate::indicator::TOTAL_CODE;
use crate::indicator::csv::read_csv;
use crate::slug::slugify;
use crate::source::SourceFile;
use crate::source::numbers::{Decimal, figure_text};

/// What an import wrote and what it could not map.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportReport {
    /// Files written, relative to the site root.
    pub written: Vec<String>,
    /// One line per thing left out or set by default, for the user to check.
    pub unmapped: Vec<String>,
}

/// The site an import writes into: its first theme and its geography.
struct Site {
    root: PathBuf,
    theme: String,
    geo: Geo,
}

/// Import every `data/indicator_*.csv` of the Open SDG repository `dir` into the site `root`.
pub fn import_open_sdg(dir: &Path, root: &Path) -> Result<ImportReport, Errors> {
    let site = site(root)?;
    let data = dir.join("data");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&data)
        .map_err(|e| {
            Error::io(&data, "read", &e)
                .help("give the folder of an Open SDG data repository (the one holding data/ and meta/)")
        })?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("indicator_") && n.ends_with(".csv"))
        })
        .collect();
    files.sort();
    if files.is_empty() {
        let dir = dir.display();
        return Err(Error::new(ErrorKind::Io, format!("no data/indicator_*.csv in `{dir}`"))
            .help("give the folder of an Open SDG data repository (the one holding data/ and meta/)")
            .into());
    }
    let mut report = ImportReport::default();
    for file in &files {
        convert(dir, file, &site, &mut report)?;
    }
    if !report.written.is_empty() {
        report.unmapped.push(
            "direction: set to `higher` for every indicator (Open SDG does not say which way is better); check each"
                .to_string(),
        );
    }
    Ok(report)
}

fn site(root: &Path) -> Result<Site, Errors> {
    let read = |rel: &str| {
        let path = root.join(rel);
        std::fs::read_to_string(&path)
            .map(|text| SourceFile::new(rel, &text))
            .map_err(|e| Errors::from(Error::io(&path, "read", &e).help("give the site folder with --root")))
    };
    let config = parse_config(&read("content/site.yaml")?, None)?;
    let Some(theme) = config.data.themes.first().map(|t| t.id.clone()) else {
        return Err(Error::new(ErrorKind::Value, "the site has no theme for the imported indicators")
            .help("add one under data.themes in content/site.yaml, e.g. - {id: sdg, name: Mục tiêu phát triển bền vững}")
            .into());
    };
    let geo = parse_geo(&read("content/geo.yaml")?)?;
    Ok(Site { root: root.to_path_buf(), theme, geo })
}

/// The columns of a data file.
struct Columns {
    year: usize,
    value: usize,
    geo: Option<usize>,
    units: Option<usize>,
    series: Option<usize>,
    /// (index, header) of the disaggregation columns.
    dims: Vec<(usize, String)>,
}

fn columns(header: &[String]) -> Option<Columns> {
    let find = |name: &str| header.iter().position(|h| h == name);
    let (year, value) = (find("Year")?, find("Value")?);
    let (geo, units, series) = (find("GeoCode"), find("Units"), find("Series"));
    let used = [Some(year), Some(value), geo, units, series];
    let dims =
        (0..header.len()).filter(|i| !used.contains(&Some(*i))).map(|i| (i, header[i].clone())).collect();
    Some(Columns { year, value, geo, units, series, dims })
}

/// One figure as it will be written.
struct Row {
    geo: String,
    year: String,
    value: f64,
    dims: Vec<String>,
}

fn convert(dir: &Path, file: &Path, site: &Site, report: &mut ImportReport) -> Result<(), Errors> {
    let name = file.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
    let code = name.trim_start_matches("indicator_").trim_end_matches(".csv").to_string();
    let id = format!("sdg-{}", slugify(&code));
    let yaml_rel = format!("content/indicators/{id}.yaml");
    if site.root.join(&yaml_rel).exists() {
        report.unmapped.push(format!("data/{name}: `{yaml_rel}` already exists and was left as it is"));
        return Ok(());
    }
    let Ok(text) = std::fs::read_to_string(file) else {
        report.unmapped.push(format!("data/{name}: not UTF-8 text, left out"));
        return Ok(());
    };
    let rows = match read_csv(&text) {
        Ok(rows) => rows,
        Err(e) => {
            let (line, column, message) = (e.line, e.column, e.message);
            report.unmapped.push(format!("data/{name}:{line}:{column}: {message}, left out"));
            return Ok(());
        }
    };
    let cells: Vec<Vec<String>> = rows.into_iter().map(|r| r.into_iter().map(|c| c.text).collect()).collect();
    let Some((header, body)) = cells.split_first() else { return Ok(()) };
    let Some(cols) = columns(header) else {
        report.unmapped.push(format!("data/{name}: no Year or Value column, left out"));
        return Ok(());
    };
    let meta = Meta::read(dir, &code, &mut report.unmapped);
    let (rows, dim_values) = figures(&name, body, &cols, site, report);
    if rows.is_empty() {
        report.unmapped.push(format!("data/{name}: no figure could be imported"));
        return Ok(());
    }
    let csv_rel = format!("content/indicators/{id}.csv");
    write(&site.root, &csv_rel, &table_csv(&cols, &rows, &dim_values))?;
    let yaml = indicator_yaml(&code, &id, &meta, &cols, &dim_values, &rows, site);
    write(&site.root, &yaml_rel, &yaml)?;
    report.written.extend([yaml_rel, csv_rel]);
    Ok(())
}

/// The rows of one unit of measure and series (the first met), and each dimension's values.
fn figures(
    name: &str,
    body: &[Vec<String>],
    cols: &Columns,
    site: &Site,
    report: &mut ImportReport,
) -> (Vec<Row>, Vec<Vec<String>>) {
    let cell = |row: &[String], i: Option<usize>| i.and_then(|i| row.get(i)).cloned().unwrap_or_default();
    let mut kept: Option<(String, String)> = None;
    let (mut other, mut unknown_geo, mut not_numbers) = (BTreeSet::new(), BTreeSet::new(), 0);
    let mut dim_values: Vec<Vec<String>> = vec![Vec::new(); cols.dims.len()];
    let mut rows = Vec::new();
    let root = site.geo.root.map(|r| site.geo.units[r].id.clone()).unwrap_or_default();
    for row in body {
        let key = (cell(row, cols.units), cell(row, cols.series));
        if kept.get_or_insert_with(|| key.clone()) != &key {
            other.insert(format!("{} {}", key.0, key.1).trim().to_string());
            continue;
        }
        let value_text = cell(row, Some(cols.value));
        if value_text.is_empty() {
            continue;
        }
        let Ok(value) = figure_text(&value_text, Decimal::Dot) else {
            not_numbers += 1;
            continue;
        };
        let geo = match cell(row, cols.geo) {
            g if g.is_empty() => root.clone(),
            g if site.geo.find(&g).is_some() => g,
            g => {
                unknown_geo.insert(g);
                continue;
            }
        };
        let dims = cols
            .dims
            .iter()
            .enumerate()
            .map(|(d, (i, _))| {
                let v = row.get(*i).cloned().unwrap_or_default();
                if !v.is_empty() && v != TOTAL_CODE && !dim_values[d].contains(&v) {
                    dim_values[d].push(v.clone());
                }
                if v == TOTAL_CODE { String::new() } else { v }
            })
            .collect();
        rows.push(Row { geo, year: cell(row, Some(cols.year)), value, dims });
    }
    left_out(name, other, unknown_geo, not_numbers, report);
    (rows, dim_values)
}

/// Say which rows of a data file were left out, and why.
fn left_out(
    name: &str,
    other: BTreeSet<String>,
    unknown_geo: BTreeSet<String>,
    not_numbers: usize,
    report: &mut ImportReport,
) {
    if !other.is_empty() {
        let list: Vec<String> = other.into_iter().take(5).collect();
        let list = list.join(", ");
        report
            .unmapped
            .push(format!("data/{name}: only the first unit and series were imported; left out: {list}"));
    }
    if !unknown_geo.is_empty() {
        let list: Vec<String> = unknown_geo.into_iter().take(5).collect();
        let list = list.join(", ");
        report.unmapped.push(format!("data/{name}: GeoCode not in content/geo.yaml, rows left out: {list}"));
    }
    if not_numbers > 0 {
        report.unmapped.push(format!("data/{name}: {not_numbers} values are not numbers, left out"));
    }
}

/// A dimension value's id: its slug (or `v<n>` when it has no ASCII letter at all).
fn value_id(values: &[String], value: &str) -> String {
    let slug = slugify(value);
    if slug.is_empty() {
        format!("v{}", values.iter().position(|v| v == value).unwrap_or(0) + 1)
    } else {
        slug
    }
}

fn dim_id(header: &str, d: usize) -> String {
    match slugify(header) {
        s if s.is_empty() || ["geo", "year", "value"].contains(&s.as_str()) => format!("dim-{}", d + 1),
        s => s,
    }
}

fn table_csv(cols: &Columns, rows: &[Row], dim_values: &[Vec<String>]) -> String {
    let mut out = csv::Writer::from_writer(Vec::new());
    let mut header = vec!["geo".to_string(), "year".to_string(), "value".to_string()];
    header.extend(cols.dims.iter().enumerate().map(|(d, (_, h))| dim_id(h, d)));
    let _ = out.write_record(&header);
    for row in rows {
        let mut record = vec![row.geo.clone(), row.year.clone(), format!("{}", row.value)];
        let ids = row
            .dims
            .iter()
            .zip(dim_values)
            .map(|(v, all)| if v.is_empty() { String::new() } else { value_id(all, v) });
        record.extend(ids);
        let _ = out.write_record(&record);
    }
    String::from_utf8(out.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// The indicator file: metadata from Open SDG where it has it, defaults said in the report.
fn indicator_yaml(
    code: &str,
    id: &str,
    meta: &Meta,
    cols: &Columns,
    dim_values: &[Vec<String>],
    rows: &[Row],
    site: &Site,
) -> String {
    use serde_yaml::{Mapping, Value};
    let s = |v: &str| Value::String(v.to_string());
    let number = code.replace('-', ".");
    let title = meta
        .get(&["indicator_name", "graph_title", "SDG_SERIES_DESCR"])
        .map_or_else(|| ["Chỉ tiêu SDG ", &number].concat(), str::to_string);
    let units = meta.get(&["computation_units", "UNIT_MEASURE"]);
    let in_range = rows.iter().all(|r| (0.0..=100.0).contains(&r.value));
    let percent = in_range && units.is_some_and(|u| u.contains('%') || u.to_lowercase().contains("percent"));
    let mut m = Mapping::new();
    m.insert(s("title"), s(&title));
    m.insert(s("theme"), s(&site.theme));
    m.insert(s("unit"), s(if percent { "percent" } else { "custom" }));
    if !percent {
        m.insert(s("unit_label"), s(units.unwrap_or("giá trị")));
    }
    m.insert(s("direction"), s("higher"));
    if let Some(d) = meta.get(&["indicator_definition", "STAT_CONC_DEF"]) {
        m.insert(s("description"), s(d));
    }
    let source = meta.get(&["source_organisation_1", "DATA_SOURCE", "COMPILING_ORG", "un_custodian_agency"]);
    m.insert(s("source"), s(source.unwrap_or("Open SDG")));
    let last_year = rows.iter().filter_map(|r| r.year.parse::<i32>().ok()).max().unwrap_or(2000);
    let updated = meta
        .get(&["META_LAST_UPDATE"])
        .filter(|d| crate::date::Date::parse(d).is_ok())
        .map_or_else(|| format!("{last_year}-12-31"), str::to_string);
    m.insert(s("updated"), s(&updated));
    // content in the site's language, not a message (so no format string)
    let notes = ["Nhập từ Open SDG: data/indicator_", code, ".csv (chỉ tiêu ", &number, ")."].concat();
    m.insert(s("notes"), s(&notes));
    let dims = disaggregations(cols, dim_values);
    if !dims.is_empty() {
        m.insert(s("disaggregations"), Value::Sequence(dims));
    }
    m.insert(s("csv"), s(&format!("{id}.csv")));
    serde_yaml::to_string(&Value::Mapping(m)).unwrap_or_default()
}

/// The `disaggregations:` of the indicator: one per column that holds a value.
fn disaggregations(cols: &Columns, dim_values: &[Vec<String>]) -> Vec<serde_yaml::Value> {
    use serde_yaml::{Mapping, Value};
    let s = |v: &str| Value::String(v.to_string());
    cols.dims
        .iter()
        .enumerate()
        .filter(|(d, _)| !dim_values[*d].is_empty())
        .map(|(d, (_, header))| {
            let values: Vec<Value> = dim_values[d]
                .iter()
                .map(|v| {
                    let mut value = Mapping::new();
                    value.insert(s("id"), s(&value_id(&dim_values[d], v)));
                    value.insert(s("name"), s(v));
                    Value::Mapping(value)
                })
                .collect();
            let mut dim = Mapping::new();
            dim.insert(s("id"), s(&dim_id(header, d)));
            dim.insert(s("name"), s(header));
            dim.insert(s("values"), Value::Sequence(values));
            Value::Mapping(dim)
        })
        .collect()
}

/// Write one file of the site, its folder created.
fn write(root: &Path, rel: &str, text: &str) -> Result<(), Errors> {
    let path = root.join(rel);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| Errors::from(Error::io(parent, "create", &e)))?;
    }
    std::fs::write(&path, text).map_err(|e| Errors::from(Error::io(&path, "write", &e)))
}

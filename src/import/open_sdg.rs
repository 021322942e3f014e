//! An Open SDG data repository (as the open-sdg-data-starter lays it out: `data/indicator_*.csv`
//! with `Year`, disaggregation columns, `GeoCode`, `Units`, `Series`, `Value`; `meta/` and
//! `indicator-config/`) turned into gazette indicators: one `sdg-<code>.yaml` and its
//! `sdg-<code>.csv` per data file. What cannot be mapped is said, never guessed silently.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use super::meta::Meta;
use super::sdg_files::{Source, indicator_yaml, table_csv};
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
    /// One line per choice the import made that the user should know of (a data file with
    /// several Units/Series pairs split into one indicator per pair).
    pub notes: Vec<String>,
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
pub(super) struct Columns {
    year: usize,
    value: usize,
    geo: Option<usize>,
    units: Option<usize>,
    series: Option<usize>,
    /// (index, header) of the disaggregation columns.
    pub(super) dims: Vec<(usize, String)>,
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
pub(super) struct Row {
    pub(super) geo: String,
    pub(super) year: String,
    pub(super) value: f64,
    pub(super) dims: Vec<String>,
}

/// One Units/Series pair of a data file: the gazette indicator it becomes, and its rows.
pub(super) struct Part<'a> {
    /// The indicator's id: `sdg-<code>` for the first pair, then a suffix per pair.
    pub(super) id: String,
    pub(super) units: String,
    pub(super) series: String,
    /// Whether the file holds other pairs (the title then names this one).
    pub(super) shared: bool,
    rows: Vec<&'a [String]>,
}

/// The rows of a data file split by Units/Series pair, in the order first met. Each pair is
/// an indicator of its own: a gazette indicator has one unit, and a statistics office reads a
/// percentage and a count of people as two indicators, not one chart.
fn parts<'a>(code: &str, body: &'a [Vec<String>], cols: &Columns) -> Vec<Part<'a>> {
    let cell = |row: &[String], i: Option<usize>| i.and_then(|i| row.get(i)).cloned().unwrap_or_default();
    let mut parts: Vec<Part<'a>> = Vec::new();
    for row in body {
        let (units, series) = (cell(row, cols.units), cell(row, cols.series));
        match parts.iter_mut().find(|p| p.units == units && p.series == series) {
            Some(part) => part.rows.push(row),
            None => parts.push(Part { id: String::new(), units, series, shared: false, rows: vec![row] }),
        }
    }
    let base = format!("sdg-{}", slugify(code));
    let shared = parts.len() > 1;
    let mut taken: BTreeSet<String> = BTreeSet::new();
    for (i, part) in parts.iter_mut().enumerate() {
        let suffix = [&part.series, &part.units].into_iter().map(|t| slugify(t)).find(|s| !s.is_empty());
        let id = match suffix {
            _ if i == 0 => base.clone(),
            Some(s) if !taken.contains(&format!("{base}-{s}")) => format!("{base}-{s}"),
            _ => format!("{base}-{}", i + 1),
        };
        taken.insert(id.clone());
        (part.id, part.shared) = (id, shared);
    }
    parts
}

fn convert(dir: &Path, file: &Path, site: &Site, report: &mut ImportReport) -> Result<(), Errors> {
    let name = file.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
    let code = name.trim_start_matches("indicator_").trim_end_matches(".csv").to_string();
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
    let parts = parts(&code, body, &cols);
    if parts.len() > 1 {
        let n = parts.len();
        let list: Vec<String> = parts
            .iter()
            .map(|p| format!("{} ({})", p.id, [p.units.as_str(), &p.series].join(" ").trim()))
            .collect();
        let list = list.join(", ");
        report.notes.push(format!("data/{name}: {n} units and series, imported as {n} indicators: {list}"));
    }
    let mut dropped = Dropped::default();
    let data = DataFile { name: &name, code: &code, cols: &cols, meta: &meta };
    for part in &parts {
        convert_part(&data, part, site, &mut dropped, report)?;
    }
    dropped.report(&name, report);
    Ok(())
}

/// A data file being imported: its name, Open SDG code, columns and metadata.
struct DataFile<'a> {
    name: &'a str,
    code: &'a str,
    cols: &'a Columns,
    meta: &'a Meta,
}

/// Write the indicator of one Units/Series pair, unless it exists.
fn convert_part(
    data: &DataFile<'_>,
    part: &Part<'_>,
    site: &Site,
    dropped: &mut Dropped,
    report: &mut ImportReport,
) -> Result<(), Errors> {
    let DataFile { name, code, cols, meta } = *data;
    let id = &part.id;
    let yaml_rel = format!("content/indicators/{id}.yaml");
    if site.root.join(&yaml_rel).exists() {
        report.unmapped.push(format!("data/{name}: `{yaml_rel}` already exists and was left as it is"));
        return Ok(());
    }
    let (rows, dim_values) = figures(&part.rows, cols, site, dropped);
    if rows.is_empty() {
        report.unmapped.push(format!("data/{name}: no figure could be imported for {id}"));
        return Ok(());
    }
    let csv_rel = format!("content/indicators/{id}.csv");
    write(&site.root, &csv_rel, &table_csv(cols, &rows, &dim_values))?;
    let theme = site.theme.as_str();
    let yaml = indicator_yaml(&Source { code, part, meta, theme }, cols, &dim_values, &rows);
    write(&site.root, &yaml_rel, &yaml)?;
    report.written.extend([yaml_rel, csv_rel]);
    Ok(())
}

/// Rows left out of a data file, over all its pairs.
#[derive(Default)]
struct Dropped {
    unknown_geo: BTreeSet<String>,
    not_numbers: usize,
}

impl Dropped {
    /// Say which rows of a data file were left out, and why.
    fn report(self, name: &str, report: &mut ImportReport) {
        if !self.unknown_geo.is_empty() {
            let list: Vec<String> = self.unknown_geo.into_iter().take(5).collect();
            let list = list.join(", ");
            report
                .unmapped
                .push(format!("data/{name}: GeoCode not in content/geo.yaml, rows left out: {list}"));
        }
        let n = self.not_numbers;
        if n > 0 {
            report.unmapped.push(format!("data/{name}: {n} values are not numbers, left out"));
        }
    }
}

/// The figures of one pair's rows, and each dimension's values.
fn figures(
    body: &[&[String]],
    cols: &Columns,
    site: &Site,
    dropped: &mut Dropped,
) -> (Vec<Row>, Vec<Vec<String>>) {
    let cell = |row: &[String], i: Option<usize>| i.and_then(|i| row.get(i)).cloned().unwrap_or_default();
    let mut dim_values: Vec<Vec<String>> = vec![Vec::new(); cols.dims.len()];
    let mut rows = Vec::new();
    let root = site.geo.root.map(|r| site.geo.units[r].id.clone()).unwrap_or_default();
    for row in body {
        let value_text = cell(row, Some(cols.value));
        if value_text.is_empty() {
            continue;
        }
        let Ok(value) = figure_text(&value_text, Decimal::Dot) else {
            dropped.not_numbers += 1;
            continue;
        };
        let geo = match cell(row, cols.geo) {
            g if g.is_empty() => root.clone(),
            g if site.geo.find(&g).is_some() => g,
            g => {
                dropped.unknown_geo.insert(g);
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
    (rows, dim_values)
}

/// Write one file of the site, its folder created.
fn write(root: &Path, rel: &str, text: &str) -> Result<(), Errors> {
    let path = root.join(rel);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| Errors::from(Error::io(parent, "create", &e)))?;
    }
    std::fs::write(&path, text).map_err(|e| Errors::from(Error::io(&path, "write", &e)))
}

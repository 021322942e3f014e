//! The files an Open SDG Units/Series pair becomes: the gazette indicator (metadata from Open
//! SDG where it has it, defaults said in the import report) and its long-layout table.

use super::meta::Meta;
use super::open_sdg::{Columns, Part, Row};
use crate::slug::slugify;

/// Where an indicator comes from: its Open SDG code, its pair, the metadata, the theme.
pub(super) struct Source<'a> {
    pub(super) code: &'a str,
    pub(super) part: &'a Part<'a>,
    pub(super) meta: &'a Meta,
    pub(super) theme: &'a str,
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

/// The indicator's table, in the long layout.
pub(super) fn table_csv(cols: &Columns, rows: &[Row], dim_values: &[Vec<String>]) -> String {
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
/// A file holding several Units/Series pairs gives one indicator per pair, its title naming
/// the pair and its unit read from the Units column.
pub(super) fn indicator_yaml(
    from: &Source<'_>,
    cols: &Columns,
    dim_values: &[Vec<String>],
    rows: &[Row],
) -> String {
    use serde_yaml::{Mapping, Value};
    let s = |v: &str| Value::String(v.to_string());
    let (code, part, meta) = (from.code, from.part, from.meta);
    let number = code.replace('-', ".");
    let title = meta
        .get(&["indicator_name", "graph_title", "SDG_SERIES_DESCR"])
        .map_or_else(|| ["Chỉ tiêu SDG ", &number].concat(), str::to_string);
    let pair = [part.units.as_str(), part.series.as_str()]
        .iter()
        .filter(|t| !t.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(", ");
    let title =
        if part.shared && !pair.is_empty() { [title.as_str(), " (", &pair, ")"].concat() } else { title };
    // the metadata's label (often in the site's language) unless the Units column is what
    // tells this indicator from the file's others
    let column = Some(part.units.as_str()).filter(|u| !u.is_empty());
    let label = meta.get(&["computation_units", "UNIT_MEASURE"]);
    let units = if part.shared { column.or(label) } else { label.or(column) };
    let in_range = rows.iter().all(|r| (0.0..=100.0).contains(&r.value));
    let percent = in_range && units.is_some_and(|u| u.contains('%') || u.to_lowercase().contains("percent"));
    let mut m = Mapping::new();
    m.insert(s("title"), s(&title));
    m.insert(s("theme"), s(from.theme));
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
    let series = if part.series.is_empty() { String::new() } else { [", chuỗi ", &part.series].concat() };
    let notes =
        ["Nhập từ Open SDG: data/indicator_", code, ".csv (chỉ tiêu ", &number, &series, ")."].concat();
    m.insert(s("notes"), s(&notes));
    let dims = disaggregations(cols, dim_values);
    if !dims.is_empty() {
        m.insert(s("disaggregations"), Value::Sequence(dims));
    }
    m.insert(s("csv"), s(&format!("{}.csv", part.id)));
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

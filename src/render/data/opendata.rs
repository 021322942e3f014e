//! Open data files: per indicator `/data/<id>.csv` (UTF-8 with BOM, one row per observation)
//! and `/data/<id>.json`; `/data/catalog.json`; `/data/datapackage.json` (Frictionless Data
//! Package); and an Atom feed of data revisions (titles and summaries `type="text"`: plain
//! text escaped once, which Atom readers show as text). Numbers use `.` and full precision.

use std::fmt::Write as _;

use serde::Serialize;

use crate::indicator::TOTAL_CODE as TOTAL;
use crate::indicator::{Direction, UnitKind};
use crate::model::Site;
use crate::model::data::IndicatorEntry;
use crate::render::feed::xml_escape;
use crate::slug::slugify;

/// A number as data files write it: shortest round-trip form, `.` for decimals.
fn num(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 { format!("{}", value as i64) } else { format!("{value}") }
}

/// A number for JSON: whole values as integers (`20411`, never `20411.0`: issue 9).
fn json_num(value: f64) -> serde_json::Value {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        serde_json::Value::from(value as i64)
    } else {
        serde_json::Value::from(value)
    }
}

/// Whether every value of the indicator is a whole number and it is a count or has no
/// decimals: its values are then `integer` in the data package.
fn whole_numbers(ind: &crate::indicator::Indicator) -> bool {
    (ind.unit == UnitKind::Count || ind.decimals == 0)
        && ind.series.iter().all(|s| s.points.iter().all(|p| p.1.fract() == 0.0 && p.1.abs() < 1e15))
}

/// A text cell of a CSV file: quoted when needed, never a formula.
fn cell(text: &str) -> String {
    crate::escape::escape_csv_cell(text)
}

/// `/data/<id>.csv`: header `indicator,geo,geo_name,level,year,<dims…>,value,unit`, BOM first.
/// Text cells go through `escape_csv_cell` (ids are slugs already; names may start with `=`); years and
/// values are numbers, written as they are.
pub fn indicator_csv(site: &Site, i: usize) -> String {
    let ind = &site.data.indicators[i].indicator;
    let geo = &site.data.geo;
    let mut out = String::from("\u{feff}indicator,geo,geo_name,level,year");
    for d in &ind.dims {
        out.push(',');
        out.push_str(&cell(&d.id));
    }
    out.push_str(",value,unit\n");
    let unit = unit_name(ind.unit);
    for s in &ind.series {
        let u = &geo.units[s.geo];
        let dims: String = s
            .breakdown
            .iter()
            .zip(&ind.dims)
            .map(|(v, d)| {
                format!(",{}", v.map_or_else(|| TOTAL.to_string(), |v| cell(&d.values[v as usize].0)))
            })
            .collect();
        for (year, value) in &s.points {
            let _ = writeln!(
                out,
                "{},{},{},{},{year}{dims},{},{unit}",
                cell(&ind.id),
                cell(&u.id),
                cell(&u.full_name()),
                u.level.name(),
                num(*value)
            );
        }
    }
    out
}

fn unit_name(unit: UnitKind) -> &'static str {
    match unit {
        UnitKind::Percent => "percent",
        UnitKind::Points => "points",
        UnitKind::Count => "count",
        UnitKind::Vnd => "vnd",
        UnitKind::MillionVnd => "million_vnd",
        UnitKind::DaysPerWeek => "days_per_week",
        UnitKind::Per1000 => "per_1000",
        UnitKind::Boolean => "boolean",
        UnitKind::Ratio => "ratio",
        UnitKind::Km => "km",
        UnitKind::Custom => "custom",
    }
}

#[derive(Serialize)]
struct IndicatorJson<'a> {
    id: &'a str,
    title: &'a str,
    short_title: &'a str,
    description: &'a str,
    theme: &'a str,
    unit: &'static str,
    unit_label: Option<&'a str>,
    decimals: usize,
    direction: &'static str,
    source: &'a str,
    source_url: Option<&'a str>,
    methodology: &'a str,
    notes: &'a str,
    updated: String,
    next_update: Option<String>,
    revisions: Vec<RevisionJson<'a>>,
    page: String,
    csv: String,
    disaggregations: Vec<DimJson<'a>>,
    observations: Vec<ObservationJson<'a>>,
}

#[derive(Serialize)]
struct RevisionJson<'a> {
    date: String,
    note: &'a str,
}

#[derive(Serialize)]
struct DimJson<'a> {
    id: &'a str,
    name: &'a str,
    values: Vec<NameJson<'a>>,
}

#[derive(Serialize)]
struct NameJson<'a> {
    id: &'a str,
    name: &'a str,
}

#[derive(Serialize)]
struct ObservationJson<'a> {
    geo: &'a str,
    year: i32,
    #[serde(skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    disaggregation: std::collections::BTreeMap<&'a str, &'a str>,
    value: serde_json::Value,
}

/// `/data/<id>.json`: metadata and every observation.
pub fn indicator_json(site: &Site, i: usize) -> String {
    let entry = &site.data.indicators[i];
    let ind = &entry.indicator;
    let c = &site.config;
    let observations = ind
        .series
        .iter()
        .flat_map(|s| {
            let geo = site.data.geo.units[s.geo].id.as_str();
            let dis: std::collections::BTreeMap<&str, &str> =
                ind.breakdown_ids(&s.breakdown).into_iter().collect();
            s.points.iter().map(move |&(year, value)| ObservationJson {
                geo,
                year,
                disaggregation: dis.clone(),
                value: json_num(value),
            })
        })
        .collect();
    let doc = IndicatorJson {
        id: &ind.id,
        title: &ind.title,
        short_title: &ind.short_title,
        description: &ind.description,
        theme: &ind.theme,
        unit: unit_name(ind.unit),
        unit_label: ind.unit_label.as_deref(),
        decimals: ind.decimals,
        direction: if ind.direction == Direction::Lower { "lower" } else { "higher" },
        source: &ind.source,
        source_url: ind.source_url.as_deref(),
        methodology: &ind.methodology,
        notes: &ind.notes,
        updated: ind.updated.iso(),
        next_update: ind.next_update.map(|d| d.iso()),
        revisions: ind.revisions.iter().map(|r| RevisionJson { date: r.date.iso(), note: &r.note }).collect(),
        page: c.absolute(&entry.path),
        csv: c.absolute(&entry.csv_path),
        disaggregations: ind
            .dims
            .iter()
            .map(|d| DimJson {
                id: &d.id,
                name: &d.name,
                values: d.values.iter().map(|(id, name)| NameJson { id, name }).collect(),
            })
            .collect(),
        observations,
    };
    to_json(&doc)
}

fn to_json<T: Serialize>(value: &T) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    text.push('\n');
    text
}

#[derive(Serialize)]
struct CatalogJson<'a> {
    title: &'a str,
    description: &'a str,
    homepage: String,
    publisher: Option<&'a str>,
    license: Option<&'a str>,
    datasets: Vec<DatasetJson<'a>>,
}

#[derive(Serialize)]
struct DatasetJson<'a> {
    id: &'a str,
    title: &'a str,
    description: &'a str,
    theme: &'a str,
    source: &'a str,
    modified: String,
    page: String,
    distributions: Vec<Distribution>,
}

#[derive(Serialize)]
struct Distribution {
    format: &'static str,
    media_type: &'static str,
    url: String,
}

/// `/data/catalog.json`: every dataset with its files (DCAT-like).
pub fn catalog_json(site: &Site) -> String {
    let c = &site.config;
    let datasets = site
        .data
        .indicators
        .iter()
        .map(|e: &IndicatorEntry| {
            let ind = &e.indicator;
            DatasetJson {
                id: &ind.id,
                title: &ind.title,
                description: &ind.description,
                theme: site.data.theme_name(&ind.theme).unwrap_or(&ind.theme),
                source: &ind.source,
                modified: ind.updated.iso(),
                page: c.absolute(&e.path),
                distributions: vec![
                    Distribution { format: "CSV", media_type: "text/csv", url: c.absolute(&e.csv_path) },
                    Distribution {
                        format: "JSON",
                        media_type: "application/json",
                        url: c.absolute(&e.json_path),
                    },
                ],
            }
        })
        .collect();
    to_json(&CatalogJson {
        title: &c.title,
        description: &c.description,
        homepage: c.absolute(&site.routes.home()),
        publisher: c.footer.agency.as_deref(),
        license: c.data.licence.as_deref(),
        datasets,
    })
}

/// `/data/datapackage.json`: a Frictionless Data Package describing every CSV file.
pub fn datapackage_json(site: &Site) -> String {
    let c = &site.config;
    let resources: Vec<serde_json::Value> = site
        .data
        .indicators
        .iter()
        .map(|e| {
            let ind = &e.indicator;
            let mut fields = vec![
                field("indicator", "string", "Indicator id"),
                field("geo", "string", "Geo unit id (content/geo.yaml)"),
                field("geo_name", "string", "Geo unit name"),
                field("level", "string", "province, district or commune"),
                field("year", "year", "Year"),
            ];
            let mut key = vec!["geo".to_string(), "year".to_string()];
            for d in &ind.dims {
                fields.push(field(&d.id, "string", &format!("{} ({TOTAL}: all groups)", d.name)));
                key.push(d.id.clone());
            }
            let kind = if whole_numbers(ind) { "integer" } else { "number" };
            fields.push(field("value", kind, &ind.title));
            fields.push(field("unit", "string", "Unit of the value"));
            serde_json::json!({
                "name": ind.id,
                "path": format!("{}.csv", ind.id),
                "profile": "tabular-data-resource",
                "title": ind.title,
                "description": ind.description,
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8-sig",
                "sources": [{"title": ind.source}],
                // total rows write `_T` in the disaggregation columns, so the key is never empty
                "schema": serde_json::json!({"fields": fields, "primaryKey": key}),
            })
        })
        .collect();
    let mut package = serde_json::json!({
        "profile": "tabular-data-package",
        "name": slugify(&c.title),
        "title": c.title,
        "description": c.description,
        "homepage": c.absolute(&site.routes.home()),
        "resources": resources,
    });
    if let (Some(licence), Some(map)) = (&c.data.licence, package.as_object_mut()) {
        let mut l = serde_json::Map::new();
        l.insert("name".into(), licence.clone().into());
        if let Some(url) = &c.data.licence_url {
            l.insert("path".into(), url.clone().into());
        }
        map.insert("licenses".into(), serde_json::Value::Array(vec![serde_json::Value::Object(l)]));
    }
    to_json(&package)
}

fn field(name: &str, kind: &str, description: &str) -> serde_json::Value {
    serde_json::json!({"name": name, "type": kind, "description": description})
}

/// `/data/revisions.xml`: an Atom entry per revision note, newest first.
pub fn revisions_atom(site: &Site, feed_title: &str) -> String {
    let c = &site.config;
    let tz = c.tz_offset;
    let mut entries: Vec<(&IndicatorEntry, &crate::indicator::Revision, usize)> = site
        .data
        .indicators
        .iter()
        .flat_map(|e| e.indicator.revisions.iter().enumerate().map(move |(k, r)| (e, r, k)))
        .collect();
    entries.sort_by(|a, b| {
        b.1.date.cmp(&a.1.date).then(a.0.indicator.id.cmp(&b.0.indicator.id)).then(a.2.cmp(&b.2))
    });
    let stamp =
        |d: crate::date::Date| crate::date::DateTime { date: d, time: None, offset: None }.rfc3339(tz);
    let newest = entries
        .first()
        .map(|e| e.1.date)
        .or_else(|| site.data.indicators.iter().map(|e| e.indicator.updated).max());
    let self_url = c.absolute(&site.routes.revisions());
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n",
    );
    let _ = writeln!(out, "<title type=\"text\">{}</title>", xml_escape(feed_title));
    let _ = writeln!(out, "<id>{}</id>", xml_escape(&self_url));
    let _ = writeln!(out, "<link rel=\"self\" href=\"{}\"/>", xml_escape(&self_url));
    let _ = writeln!(out, "<link href=\"{}\"/>", xml_escape(&c.absolute(&site.routes.data_catalog())));
    if let Some(d) = newest {
        let _ = writeln!(out, "<updated>{}</updated>", stamp(d));
    }
    let _ = writeln!(
        out,
        "<author><name>{}</name></author>",
        xml_escape(c.footer.agency.as_deref().unwrap_or(&c.title))
    );
    for (entry, revision, k) in entries {
        let page = c.absolute(&entry.path);
        out.push_str("<entry>\n");
        let _ = writeln!(
            out,
            "<title type=\"text\">{}: {}</title>",
            xml_escape(&entry.indicator.title),
            crate::locale::format_date(revision.date, c.lang)
        );
        let _ = writeln!(out, "<id>{}#revision-{}-{k}</id>", xml_escape(&page), revision.date.iso());
        let _ = writeln!(out, "<link href=\"{}\"/>", xml_escape(&page));
        let _ = writeln!(out, "<updated>{}</updated>", stamp(revision.date));
        let _ = writeln!(out, "<summary type=\"text\">{}</summary>", xml_escape(&revision.note));
        out.push_str("</entry>\n");
    }
    out.push_str("</feed>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_cells_are_plain() {
        assert_eq!(num(33.1), "33.1");
        assert_eq!(num(2.0), "2");
        assert_eq!(num(0.125), "0.125");
        assert_eq!(cell("xã Tà Lùng"), "xã Tà Lùng");
        assert_eq!(cell("a, \"b\""), "\"a, \"\"b\"\"\"");
    }
}

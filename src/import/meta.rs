//! An Open SDG indicator's metadata: `indicator-config/<id>.yml`, then `meta/<id>.yml` or the
//! front matter of `meta/<id>.md`, then `csv-meta/<id>.csv` (the data starter's alternative:
//! one field and its value per row), merged (later files win), read as plain mappings.

use std::collections::BTreeMap;
use std::path::Path;

/// The metadata fields of one indicator, with text values only (numbers written as text).
#[derive(Debug, Clone, Default)]
pub(super) struct Meta {
    fields: BTreeMap<String, String>,
}

impl Meta {
    /// Read and merge the metadata files of `code` (e.g. `1-2-1`) under `dir`; files that
    /// do not parse are named in `unmapped`.
    pub(super) fn read(dir: &Path, code: &str, unmapped: &mut Vec<String>) -> Meta {
        let mut meta = Meta::default();
        let files =
            [format!("indicator-config/{code}.yml"), format!("meta/{code}.yml"), format!("meta/{code}.md")];
        for rel in files {
            let Ok(text) = std::fs::read_to_string(dir.join(&rel)) else { continue };
            let yaml = if rel.ends_with(".md") { front_matter(&text) } else { Some(text.as_str()) };
            match yaml.map(serde_yaml::from_str::<serde_yaml::Value>) {
                Some(Ok(serde_yaml::Value::Mapping(map))) => meta.merge(map),
                Some(Ok(_)) | None => {}
                Some(Err(_)) => unmapped.push(format!("{rel}: not YAML, its metadata was left out")),
            }
        }
        let rel = format!("csv-meta/{code}.csv");
        if let Ok(bytes) = std::fs::read(dir.join(&rel)) {
            match String::from_utf8(bytes) {
                Ok(text) => meta.merge_csv(&text, &rel, unmapped),
                Err(_) => unmapped.push(format!("{rel}: not UTF-8 text, its metadata was left out")),
            }
        }
        meta
    }

    /// Merge a two-column CSV of fields and values, without a header (as sdg-build reads it)
    /// or under a `Field,Value` one.
    fn merge_csv(&mut self, text: &str, rel: &str, unmapped: &mut Vec<String>) {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
        for (i, record) in reader.records().enumerate() {
            let Ok(record) = record else {
                return unmapped.push(format!("{rel}: not CSV, its metadata was left out"));
            };
            let (Some(key), Some(value)) = (record.get(0).map(str::trim), record.get(1).map(str::trim))
            else {
                continue;
            };
            let header = i == 0 && ["field", "field name"].contains(&key.to_lowercase().as_str());
            if !header && !key.is_empty() && !value.is_empty() {
                self.fields.insert(key.to_string(), value.to_string());
            }
        }
    }

    fn merge(&mut self, map: serde_yaml::Mapping) {
        for (key, value) in map {
            let (Some(key), Some(value)) = (key.as_str(), text(&value)) else { continue };
            if !value.trim().is_empty() {
                self.fields.insert(key.to_string(), value.trim().to_string());
            }
        }
    }

    /// The first of `keys` that has a value, skipping translation keys
    /// (`global_indicators.1-1-1-title`), which only Open SDG's own site resolves.
    pub(super) fn get(&self, keys: &[&str]) -> Option<&str> {
        keys.iter()
            .filter_map(|k| self.fields.get(*k))
            .map(String::as_str)
            .find(|v| !(v.contains('.') && !v.contains(' ') && v.contains('_')))
    }
}

fn text(value: &serde_yaml::Value) -> Option<String> {
    match value {
        serde_yaml::Value::String(s) => Some(s.clone()),
        serde_yaml::Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// The YAML between the first two `---` lines of a Markdown file.
fn front_matter(text: &str) -> Option<&str> {
    let rest = text.trim_start_matches('\u{feff}').strip_prefix("---")?;
    let end = rest.find("\n---")?;
    Some(&rest[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn translation_keys_are_skipped_and_front_matter_is_read_issue_14() {
        let mut meta = Meta::default();
        let map =
            serde_yaml::from_str("indicator_name: global_indicators.1-1-1-title\ngraph_title: Hộ nghèo\n")
                .unwrap();
        meta.merge(map);
        assert_eq!(meta.get(&["indicator_name", "graph_title"]), Some("Hộ nghèo"));
        assert_eq!(front_matter("---\na: 1\n---\n\ntext"), Some("\na: 1"));
    }

    #[test]
    fn csv_metadata_is_read_with_or_without_a_header_issue_14() {
        let (mut with, mut without, mut unmapped) = (Meta::default(), Meta::default(), Vec::new());
        with.merge_csv("Field,Value\nindicator_name,\"Hộ nghèo, theo xã\"\n", "a.csv", &mut unmapped);
        without.merge_csv("\u{feff}indicator_name,Hộ nghèo\nUNIT_MEASURE,\n", "b.csv", &mut unmapped);
        assert_eq!(with.get(&["indicator_name"]), Some("Hộ nghèo, theo xã"));
        assert_eq!(without.get(&["indicator_name"]), Some("Hộ nghèo"));
        assert_eq!(without.get(&["UNIT_MEASURE"]), None);
        assert!(with.get(&["Field"]).is_none() && unmapped.is_empty());
    }
}

//! JSON Schemas of every file kind, generated from the Rust types, so editors (VS Code with
//! the YAML extension, for instance) flag mistakes while staff type. Published with the site
//! under `/schemas/` and printed by `gazette schema`.

use crate::model::SchemaKind;

/// The JSON Schema of a file kind, pretty-printed (keys sorted, so byte-identical each build).
pub fn json_schema(kind: SchemaKind) -> String {
    let mut schema = match kind {
        SchemaKind::Site => crate::config::config_schema(),
        SchemaKind::FrontMatter => schemars::schema_for!(crate::content::front_matter::FrontMatter),
        SchemaKind::Geo => schemars::schema_for!(crate::geo::RawGeo),
        SchemaKind::Indicator => schemars::schema_for!(crate::indicator::schema::RawIndicator),
        SchemaKind::Programme => schemars::schema_for!(crate::goal::schema::RawProgramme),
    };
    schema.insert("title".into(), title(kind).into());
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

fn title(kind: SchemaKind) -> &'static str {
    match kind {
        SchemaKind::Site => "gazette content/site.yaml",
        SchemaKind::FrontMatter => "gazette news and page front matter",
        SchemaKind::Geo => "gazette content/geo.yaml",
        SchemaKind::Indicator => "gazette content/indicators/<id>.yaml",
        SchemaKind::Programme => "gazette content/programmes/<id>.yaml",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schemas_name_the_fields_and_forbid_others() {
        let indicator: serde_json::Value = serde_json::from_str(&json_schema(SchemaKind::Indicator)).unwrap();
        assert_eq!(indicator["additionalProperties"], false);
        let required = indicator["required"].as_array().unwrap();
        assert!(required.iter().any(|r| r == "title"));
        assert!(indicator["properties"]["unit"].is_object());
        let site: serde_json::Value = serde_json::from_str(&json_schema(SchemaKind::Site)).unwrap();
        assert!(
            site["properties"]["base_url"]["description"].as_str().unwrap().starts_with("Address the site")
        );
    }

    #[test]
    fn english_texts_are_in_every_data_schema_and_closed_issue_11() {
        // issue 11: editors validate the `en:` mappings like the rest of the file
        for (kind, name) in [
            (SchemaKind::Indicator, "IndicatorEn"),
            (SchemaKind::Geo, "UnitEn"),
            (SchemaKind::Programme, "ProgrammeEn"),
            (SchemaKind::Programme, "TargetEn"),
            (SchemaKind::Programme, "ScopeEn"),
            (SchemaKind::Site, "ThemeEn"),
        ] {
            let schema: serde_json::Value = serde_json::from_str(&json_schema(kind)).unwrap();
            let en = &schema["$defs"][name];
            assert_eq!(en["additionalProperties"], false, "{name}");
            assert!(en["properties"].as_object().is_some_and(|p| !p.is_empty()), "{name}");
        }
        let indicator: serde_json::Value = serde_json::from_str(&json_schema(SchemaKind::Indicator)).unwrap();
        assert!(indicator["properties"]["en"].is_object());
    }
}

//! Editor fields from a JSON Schema: each property of a file kind's schema (generated from the
//! Rust type that parses the file) becomes one field of the web editor, with its widget, whether
//! it is required, its choices and its help, so the editor asks for what gazette reads.

use serde_json::{Map, Value, json};

use super::labels::label_of;

/// What `slug::is_slug` accepts, as the editor's check of ids and slugs.
pub(super) const SLUG_PATTERN: &str = "^[a-z0-9]+(-[a-z0-9]+)*$";

/// Deepest nesting of objects and lists turned into fields (the schemas nest at most 5 deep).
const MAX_DEPTH: usize = 6;

/// Choices for fields by name (categories in use, themes, geo ids), from the site.
pub(super) type Choices<'a> = &'a dyn Fn(&str) -> Option<Vec<(String, String)>>;

/// How to turn one schema into fields.
pub(super) struct Shape<'a> {
    /// The whole schema (its `$defs` resolve `$ref`s).
    pub(super) root: &'a Value,
    /// Fields required by gazette beyond the schema's `required` (e.g. a news item's `date`).
    pub(super) required: &'a [&'a str],
    /// Fields shown first, in this order; the others follow by name.
    pub(super) first: &'a [&'a str],
    /// Choices by field name.
    pub(super) choices: Choices<'a>,
}

/// The editor fields of the object schema `object` (top level: `shape.root`).
pub(super) fn fields_of(shape: &Shape<'_>, object: &Value, depth: usize) -> Vec<Value> {
    let object = resolve(shape.root, object);
    let Some(props) = object.get("properties").and_then(Value::as_object) else { return Vec::new() };
    let required: Vec<&str> = object
        .get("required")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    let mut names: Vec<&String> = props.keys().collect();
    let rank = |n: &str| shape.first.iter().position(|f| *f == n).unwrap_or(usize::MAX);
    names.sort_by(|a, b| rank(a).cmp(&rank(b)).then(a.cmp(b)));
    names
        .into_iter()
        .filter_map(|name| {
            let must =
                required.contains(&name.as_str()) || (depth == 0 && shape.required.contains(&name.as_str()));
            field(shape, name, &props[name], must, depth)
        })
        .collect()
}

/// One field, or `None` for a map with free keys (kept as written: the editor cannot show it).
fn field(shape: &Shape<'_>, name: &str, schema: &Value, required: bool, depth: usize) -> Option<Value> {
    let (schema, _nullable) = unwrap_nullable(shape.root, schema);
    let (label, hint) = label_of(name);
    let mut f = Map::new();
    f.insert("name".into(), name.into());
    f.insert("label".into(), label.into());
    f.insert("required".into(), required.into());
    let description = schema.get("description").and_then(Value::as_str).unwrap_or_default();
    let hint = if hint.is_empty() { description } else { hint };
    if !hint.is_empty() {
        f.insert("hint".into(), hint.into());
    }
    if let Some(choices) = (shape.choices)(name) {
        f.insert("widget".into(), "select".into());
        f.insert("options".into(), options(&choices));
        return Some(Value::Object(f));
    }
    if let Some(consts) = constants(schema) {
        f.insert("widget".into(), "select".into());
        f.insert("options".into(), options(&consts));
        return Some(Value::Object(f));
    }
    for (key, value) in widget(shape, name, schema, description, depth)? {
        f.insert(key, value);
    }
    if name == "en" {
        // the English texts beside the Vietnamese ones: say which is which
        mark_english(f.get_mut("fields"));
    }
    Some(Value::Object(f))
}

/// Suffix the label of every field in `fields` (and in their own fields) with "(tiếng Anh)", so
/// the English `title` reads apart from the Vietnamese one in the editor.
fn mark_english(fields: Option<&mut Value>) {
    let Some(Value::Array(fields)) = fields else { return };
    for field in fields.iter_mut().filter_map(Value::as_object_mut) {
        if let Some(Value::String(label)) = field.get_mut("label") {
            label.push_str(" (tiếng Anh)");
        }
        mark_english(field.get_mut("fields"));
    }
}

/// The widget of a schema and its settings, as `(key, value)` pairs.
fn widget(
    shape: &Shape<'_>,
    name: &str,
    schema: &Value,
    description: &str,
    depth: usize,
) -> Option<Map<String, Value>> {
    let mut w = Map::new();
    let kind = type_of(schema);
    match kind {
        "boolean" => {
            w.insert("widget".into(), "boolean".into());
            w.insert("default".into(), false.into());
        }
        "integer" | "number" => {
            w.insert("widget".into(), "number".into());
            w.insert("value_type".into(), if kind == "integer" { "int" } else { "float" }.into());
        }
        "array" => {
            let items = resolve(shape.root, schema.get("items")?);
            w.insert("widget".into(), "list".into());
            if type_of(items) == "object" {
                if depth >= MAX_DEPTH {
                    return None;
                }
                w.insert("fields".into(), Value::Array(fields_of(shape, items, depth + 1)));
                w.insert("summary".into(), summary_of(items).into());
            }
        }
        "object" if resolve(shape.root, schema).get("properties").is_some() && depth < MAX_DEPTH => {
            w.insert("widget".into(), "object".into());
            w.insert("fields".into(), Value::Array(fields_of(shape, schema, depth + 1)));
        }
        // values by year (the compact series): a table of year and figure, `page::YEARS_WIDGET`
        "object" if name == "values" => {
            w.insert("widget".into(), "gazette-years".into());
        }
        // other maps with free keys (disaggregation) are kept as written
        "object" | "" => return None,
        _ if name == "date"
            || name == "updated"
            || name == "next_update"
            || name == "from"
            || name == "until" =>
        {
            w.insert("widget".into(), "datetime".into());
            w.insert("format".into(), "YYYY-MM-DD".into());
            w.insert("date_format".into(), "DD/MM/YYYY".into());
            w.insert("time_format".into(), false.into());
        }
        _ if description.contains("Markdown") => {
            w.insert("widget".into(), "markdown".into());
        }
        _ if name == "image" => {
            w.insert("widget".into(), "image".into());
            w.insert("choose_url".into(), false.into());
        }
        _ if name == "summary" || name == "description" || name == "note" || name == "notes" => {
            w.insert("widget".into(), "text".into());
        }
        _ => {
            w.insert("widget".into(), "string".into());
            if name == "id" || name == "slug" {
                w.insert(
                    "pattern".into(),
                    json!([SLUG_PATTERN, "chữ thường không dấu, số và dấu gạch ngang, ví dụ ho-ngheo"]),
                );
            }
        }
    }
    Some(w)
}

/// `{{name}}` of the first text field a list item has, for the collapsed list rows.
fn summary_of(items: &Value) -> String {
    let props = items.get("properties").and_then(Value::as_object);
    let name = ["name", "id", "indicator", "geo", "date"]
        .into_iter()
        .find(|n| props.is_some_and(|p| p.contains_key(*n)))
        .unwrap_or("id");
    format!("{{{{fields.{name}}}}}")
}

/// The schema's JSON type, ignoring `null` (`["string", "null"]` → `string`).
fn type_of(schema: &Value) -> &str {
    match schema.get("type") {
        Some(Value::String(t)) => t,
        Some(Value::Array(types)) => {
            types.iter().filter_map(Value::as_str).find(|t| *t != "null").unwrap_or("")
        }
        _ if schema.get("properties").is_some() => "object",
        _ => "",
    }
}

/// The schema without a `null` alternative, through `$ref`s.
fn unwrap_nullable<'a>(root: &'a Value, schema: &'a Value) -> (&'a Value, bool) {
    let schema = resolve(root, schema);
    if let Some(any) = schema.get("anyOf").and_then(Value::as_array) {
        let other: Vec<&Value> = any.iter().filter(|s| s.get("type") != Some(&json!("null"))).collect();
        if let [one] = other.as_slice() {
            return (resolve(root, one), true);
        }
        // one id or a list of ids: the editor writes a list, which gazette reads too
        if let Some(list) = other.iter().map(|s| resolve(root, s)).find(|s| type_of(s) == "array") {
            return (list, true);
        }
    }
    (schema, false)
}

/// Follow a local `$ref` (`#/$defs/Name`), keeping the referring schema's description.
fn resolve<'a>(root: &'a Value, schema: &'a Value) -> &'a Value {
    let Some(target) = schema.get("$ref").and_then(Value::as_str) else { return schema };
    target.strip_prefix("#/$defs/").and_then(|name| root.get("$defs")?.get(name)).unwrap_or(schema)
}

/// The allowed values of an enumeration (`oneOf` of `const`s, or `enum`), with their help.
fn constants(schema: &Value) -> Option<Vec<(String, String)>> {
    if let Some(values) = schema.get("enum").and_then(Value::as_array) {
        return Some(
            values.iter().filter_map(Value::as_str).map(|v| (v.to_string(), v.to_string())).collect(),
        );
    }
    let one_of = schema.get("oneOf")?.as_array()?;
    one_of
        .iter()
        .map(|s| {
            let value = s.get("const")?.as_str()?.to_string();
            let about = s.get("description").and_then(Value::as_str).unwrap_or(&value);
            Some((value.clone(), format!("{value}: {}", about.trim_end_matches('.'))))
        })
        .collect()
}

/// Select options from `(value, label)` pairs.
fn options(choices: &[(String, String)]) -> Value {
    Value::Array(choices.iter().map(|(value, label)| json!({ "label": label, "value": value })).collect())
}

//! Tests of the editor configuration (issue 13).

use super::*;

#[test]
fn slug_options_fold_vietnamese_titles_as_gazette_does_issue_13() {
    // the browser test saves the first title through Decap and expects this file name
    let cases = [
        ("Đắk Lắk: Hội nghị tổng kết giảm nghèo năm 2026!", "dak-lak-hoi-nghi-tong-ket-giam-ngheo-nam-2026"),
        ("Phấn đấu giảm tỷ lệ hộ nghèo", "phan-dau-giam-ty-le-ho-ngheo"),
        ("Trường Sa – Hoàng Sa (2025)", "truong-sa-hoang-sa-2025"),
        ("  Ứng dụng   CNTT  ", "ung-dung-cntt"),
    ];
    for (title, slug) in cases {
        assert_eq!(crate::slug::slugify(title), slug, "{title}");
    }
}

fn compiled(root: &str, base_url: Option<&str>) -> crate::site::Compiled {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(root);
    let opts = crate::site::BuildOptions {
        output: root.join("public"),
        root,
        base_url: base_url.map(str::to_string),
        drafts: false,
    };
    crate::site::compile(&opts).unwrap()
}

fn config_of(root: &str, base_url: Option<&str>) -> serde_json::Value {
    let text = config_yml(compiled(root, base_url).site());
    assert!(text.starts_with(HEADER));
    serde_json::from_str(&text[HEADER.len()..]).unwrap()
}

#[test]
fn the_config_of_the_minimal_site_is_stable_issue_13() {
    insta::assert_snapshot!(config_yml(compiled("tests/sites/minimal", None).site()));
}

/// Issue 13: collections follow the schemas, required fields and choices follow gazette.
#[test]
fn sample_config_requires_what_gazette_requires_and_offers_the_sites_choices_issue_13() {
    let c = config_of(".", None);
    let collection =
        |name: &str| c["collections"].as_array().unwrap().iter().find(|x| x["name"] == name).unwrap().clone();
    let field = |fields: &serde_json::Value, name: &str| {
        fields
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["name"] == name)
            .unwrap_or_else(|| panic!("{name}"))
            .clone()
    };
    let news = collection("news");
    assert_eq!(news["path"], "{{year}}/{{year}}-{{month}}-{{day}}-{{slug}}");
    assert_eq!(news["media_folder"], "/content/media");
    assert_eq!(field(&news["fields"], "title")["required"], true);
    assert_eq!(field(&news["fields"], "date")["required"], true);
    let category = field(&news["fields"], "category");
    assert_eq!(category["widget"], "select");
    assert!(category["options"].as_array().unwrap().iter().any(|o| o["value"] == "Giảm nghèo"));
    assert_eq!(field(&news["fields"], "image")["widget"], "image");
    assert_eq!(field(&collection("pages")["fields"], "title")["required"], true);
    assert!(collection("pages")["fields"].as_array().unwrap().iter().all(|f| f["name"] != "date"));

    let indicator = collection("indicators")["fields"].clone();
    assert_eq!(field(&indicator, "id")["required"], false, "the file name is the id");
    assert_eq!(field(&indicator, "id")["pattern"][0], fields::SLUG_PATTERN);
    for required in ["title", "theme", "unit", "source", "updated"] {
        assert_eq!(field(&indicator, required)["required"], true, "{required}");
    }
    let unit = field(&indicator, "unit");
    let units: Vec<&str> =
        unit["options"].as_array().unwrap().iter().map(|o| o["value"].as_str().unwrap()).collect();
    assert!(units.contains(&"percent") && units.len() >= 3, "{units:?}");
    assert!(
        field(&indicator, "theme")["options"].as_array().unwrap().iter().any(|o| o["value"] == "giam-ngheo")
    );
    let rows = field(&indicator, "observations");
    assert_eq!(rows["widget"], "list");
    assert_eq!(field(&rows["fields"], "geo")["widget"], "select", "units chosen from geo.yaml");
    assert_eq!(field(&rows["fields"], "year")["value_type"], "int");
    assert_eq!(field(&rows["fields"], "value")["required"], true);
    let series = field(&indicator, "series");
    assert_eq!(field(&series["fields"], "values")["widget"], "gazette-years", "years × figures as a table");
    assert!(
        series["fields"].as_array().unwrap().iter().all(|f| f["name"] != "disaggregation"),
        "kept as written"
    );
    let targets = field(&collection("programmes")["fields"], "targets");
    assert_eq!(targets["widget"], "list");
    assert_eq!(field(&targets["fields"], "indicator")["widget"], "select");
    // the English texts of an indicator are labelled apart from the Vietnamese ones
    let en = field(&indicator, "en");
    assert_eq!(en["label"], "Bản tiếng Anh (en)");
    assert_eq!(
        field(&en["fields"], "title")["label"],
        format!("{} (tiếng Anh)", field(&indicator, "title")["label"].as_str().unwrap())
    );
    let geo = &collection("geo")["files"][0];
    assert_eq!(geo["file"], "content/geo.yaml");
    assert_eq!(field(&field(&geo["fields"], "units")["fields"], "id")["required"], true);
    assert_eq!(c["locale"], "vi", "Decap's own buttons in Vietnamese");
    assert_eq!(c["backend"]["name"], "proxy");
    assert!(c.get("local_backend").is_none());
}

#[test]
fn a_build_for_this_machine_points_the_editor_at_the_serve_api_issue_13() {
    let c = config_of("tests/sites/minimal", Some("http://127.0.0.1:1111/"));
    assert_eq!(c["backend"]["proxy_url"], "http://127.0.0.1:1111/api/v1");
}

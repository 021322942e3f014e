//! The data side: indicator, programme, progress, geography and catalogue pages, open-data
//! files, charts and shortcodes, on the `full` fixture (hand-made data with known results).

use crate::harness::{Built, SiteTest, main_of};

fn full() -> Built {
    SiteTest::from_fixture("full").build().unwrap()
}

#[test]
fn data_page_kinds_render_as_expected() {
    let built = full();
    for (name, file) in [
        ("indicators", "indicators/index.html"),
        ("indicator", "indicators/ho-ngheo/index.html"),
        ("indicator_with_groups", "indicators/tre-den-truong/index.html"),
        ("indicator_met_or_not", "indicators/pho-cap/index.html"),
        ("programmes", "programmes/index.html"),
        ("programme", "programmes/nq-01/index.html"),
        ("progress", "progress/index.html"),
        ("geo_index", "geo/index.html"),
        ("geo_province", "geo/tn/index.html"),
        ("geo_former_commune", "geo/xa-a1/index.html"),
        ("geo_new_commune", "geo/xa-moi-a/index.html"),
        ("catalog", "data/index.html"),
    ] {
        insta::assert_snapshot!(format!("data_{name}"), main_of(&built.read(file)));
    }
}

#[test]
fn the_indicator_page_says_its_message_in_words() {
    let html = full().read("indicators/ho-ngheo/index.html");
    assert!(html.contains(
        "<p class=\"sentence\">Năm 2025, tỷ lệ hộ nghèo của tỉnh Thử Nghiệm là 18,0\u{a0}%, giảm 3,0\u{a0}điểm phần trăm so với năm 2024; bình quân giảm 3,0\u{a0}điểm phần trăm mỗi năm từ năm 2021, đã đạt mục tiêu giảm ≥ 3\u{a0}điểm phần trăm mỗi năm.</p>"
    ), "{}", main_of(&html));
}

#[test]
fn english_sites_get_english_sentences() {
    let site = SiteTest::from_fixture("full");
    let config = std::fs::read_to_string(site.root.join("content/site.yaml")).unwrap();
    site.write("content/site.yaml", &config.replace("title: Cổng", "language: en\ntitle: Cổng"));
    let html = site.build().unwrap().read("indicators/ho-ngheo/index.html");
    assert!(html.contains("In 2025, the tỷ lệ hộ nghèo of tỉnh Thử Nghiệm was 18.0\u{a0}%, down 3.0\u{a0}percentage points on 2024"), "{}", main_of(&html));
}

#[test]
fn statuses_follow_the_documented_method() {
    let html = full().read("progress/index.html");
    let status_of = |id: &str| {
        let at = html.find(&format!("#{id}\"")).unwrap_or_else(|| panic!("target {id}"));
        let row = &html[at..at + html[at..].find("</li>").unwrap()];
        let s = row.find("class=\"status status-").unwrap() + 21;
        row[s..s + row[s..].find('"').unwrap()].to_string()
    };
    // (30 − 18)/4 = 3.0 ≥ 3 and the target year's figure is in
    assert_eq!(status_of("giam-ngheo-tinh"), "achieved");
    // poor communes: mean 45.5 in 2021 → 14 in 2025 (through the merged commune): 7.875 < 9
    assert_eq!(status_of("giam-ngheo-xa-ngheo"), "not_achieved");
    // 0–2 years: needed (30 − 20)/4 = 2.5 a year, done (27.5 − 20)/3 = 2.5 → ratio 1
    assert_eq!(status_of("tre-0-2"), "on_track");
    // share: 2 of 4 old communes' successors meet it in 2025
    assert_eq!(status_of("pho-cap"), "not_achieved");
}

#[test]
fn merged_units_explain_their_history() {
    let built = full();
    let old = built.read("geo/xa-a1/index.html");
    assert!(
        old.contains("<dt>Đã sắp xếp vào</dt><dd><a href=\"/geo/xa-moi-a/\">Xã Tà Mới</a></dd>"),
        "{}",
        main_of(&old)
    );
    let new = built.read("geo/xa-moi-a/index.html");
    assert!(new.contains("<dt>Thành lập trên cơ sở</dt><dd><a href=\"/geo/xa-a2/\">Xã Tà Hai</a>, <a href=\"/geo/xa-a1/\">Xã Tà Một</a></dd>"), "{}", main_of(&new));
    let programme = built.read("programmes/nq-01/index.html");
    assert!(programme.contains("số liệu của Xã Tà Mới (đơn vị sau sắp xếp)"));
}

#[test]
fn open_data_files_describe_every_observation() {
    let built = full();
    let csv = built.read("data/ho-ngheo.csv");
    assert!(
        csv.starts_with("\u{feff}indicator,geo,geo_name,level,year,value,unit\n"),
        "UTF-8 BOM and header"
    );
    assert_eq!(csv.lines().count(), 1 + 5 + 2 * 4 + 4 * 4 + 2);
    assert!(csv.contains("ho-ngheo,xa-moi-a,xã Tà Mới,commune,2025,14,percent\n"));
    let groups = built.read("data/tre-den-truong.csv");
    assert!(groups.contains("\u{feff}indicator,geo,geo_name,level,year,age,value,unit\n"));
    assert!(groups.contains("tre-den-truong,tn,tỉnh Thử Nghiệm,province,2024,3-5,97.9,percent\n"));

    let json: serde_json::Value = serde_json::from_str(&built.read("data/ho-ngheo.json")).unwrap();
    assert_eq!(json["observations"].as_array().unwrap().len(), 31);
    assert_eq!(json["revisions"][0]["date"], "2025-12-20");
    let package: serde_json::Value = serde_json::from_str(&built.read("data/datapackage.json")).unwrap();
    let resources = package["resources"].as_array().unwrap();
    assert_eq!(resources.len(), 3);
    assert_eq!(package["licenses"][0]["name"], "CC-BY-4.0");
    for r in resources {
        assert!(built.exists(&format!("data/{}", r["path"].as_str().unwrap())), "{r}");
    }
    let catalog: serde_json::Value = serde_json::from_str(&built.read("data/catalog.json")).unwrap();
    assert_eq!(
        catalog["datasets"][0]["distributions"][0]["url"],
        "https://thu-nghiem.example.gov.vn/data/ho-ngheo.csv"
    );
    insta::assert_snapshot!("revisions_atom", built.read("data/revisions.xml"));
}

#[test]
fn charts_are_accessible_standalone_files_too() {
    let built = full();
    for file in [
        "charts/ho-ngheo/trend.svg",
        "charts/ho-ngheo/ranking.svg",
        "charts/tre-den-truong/groups.svg",
        "charts/pho-cap/trend.svg",
    ] {
        let svg = built.read(file);
        assert!(svg.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg"), "{file}");
        assert!(svg.contains("role=\"img\""), "{file}");
        assert!(svg.contains("<title id="), "{file}");
        assert!(svg.contains("<desc id="), "{file}");
        assert!(svg.contains("viewBox=\""), "{file}");
    }
    assert!(!built.exists("charts/pho-cap/ranking.svg"), "met/not-met indicators are not ranked");
    let page = built.read("indicators/ho-ngheo/index.html");
    assert_eq!(page.matches("<figure class=\"chart").count(), 2);
    assert!(page.contains("<a href=\"/charts/ho-ngheo/trend.svg\" download>"));
}

#[test]
fn shortcodes_embed_values_charts_and_tables() {
    let html = full().read("news/so-lieu-giam-ngheo/index.html");
    assert!(html.contains("tỷ lệ hộ nghèo toàn tỉnh là <span class=\"sc-value\">21,0\u{a0}%</span>; mới nhất là <span class=\"sc-value\">18,0\u{a0}% (2025)</span>."), "{}", main_of(&html));
    assert_eq!(html.matches("<figure class=\"chart").count(), 2);
    assert!(html.contains("id=\"c-sc2-ho-ngheo-title\""), "chart ids are unique per shortcode");
    assert!(html.contains("<figure class=\"table-figure\">"));
    assert!(!html.contains('\u{E000}'), "no placeholder is left");
}

#[test]
fn home_shows_key_figures_with_sparklines() {
    let html = full().read("index.html");
    let key = &html[html.find("class=\"key-figures\"").unwrap()..];
    let key = &key[..key.find("</section>").unwrap()];
    assert_eq!(key.matches("<article class=\"figure-card\">").count(), 2);
    assert!(key.contains("<span class=\"value\">18,0\u{a0}%</span>"));
    assert!(key.contains("<span class=\"value\">50,0\u{a0}%</span>"));
    assert!(key.contains("role=\"img\""));
}

#[test]
fn json_schemas_are_published_for_editors() {
    let built = full();
    for name in ["site", "front-matter", "geo", "indicator", "programme"] {
        let schema: serde_json::Value =
            serde_json::from_str(&built.read(&format!("schemas/{name}.json"))).unwrap();
        assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema", "{name}");
    }
}

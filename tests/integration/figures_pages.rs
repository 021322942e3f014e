//! Issue 9, "Numbers shown on pages": every figure on a page is the one the data say. The
//! `figures` fixture is hand-made so that each number below can be computed by hand.

use crate::harness::{Built, SiteTest, main_of};

fn figures() -> Built {
    SiteTest::from_fixture("figures").build().unwrap()
}

/// The text of the first `<td>`/`<th>` cells of the table row that links to `href`.
fn row_linking<'a>(html: &'a str, href: &str) -> &'a str {
    let at = html.find(&format!("href=\"{href}\"")).unwrap_or_else(|| panic!("no link to {href}"));
    let start = html[..at].rfind("<tr>").unwrap();
    let end = at + html[at..].find("</tr>").unwrap();
    &html[start..end]
}

#[test]
fn issue_9_ranks_count_from_the_best_in_the_table_the_bars_and_the_profile() {
    // 2024, lower is better: Bốn 10 → 1; Hai 20 and Ba 20 share 2; Một 30 → 4 (1, 2, 2, 4)
    let built = figures();
    let page = built.read("indicators/ho-ngheo/index.html");
    let table = &page[page.find("class=\"ranking-table\"").unwrap()..];
    assert!(table.contains("<th scope=\"col\">Hạng (1 = tốt nhất)</th>"), "{table}");
    for (unit, rank) in [("x4", 1), ("x2", 2), ("x3", 2), ("x1", 4)] {
        let row = row_linking(table, &format!("/geo/{unit}/"));
        assert!(row.starts_with(&format!("<tr><td>{rank}</td>")), "{unit}: {row}");
    }
    // the bars show the worst units first, each with the same rank
    let bars = &page[page.find("chart-ranking").unwrap()..page.find("class=\"ranking-table\"").unwrap()];
    assert!(
        bars.contains(
            "<tr><th scope=\"row\">4</th><td>Xã Một (huyện Mường A)</td><td>30,00\u{a0}%</td></tr>"
        ),
        "{bars}"
    );
    assert!(
        bars.contains("<tr><th scope=\"row\">1</th><td>Xã Bốn (huyện Pa B)</td><td>10,00\u{a0}%</td></tr>"),
        "{bars}"
    );
    // and the profile of the worst commune says 4 of 4 under the same heading
    let profile = built.read("geo/x1/index.html");
    assert!(profile.contains("<th scope=\"col\">Hạng (1 = tốt nhất)</th>"));
    assert!(row_linking(&profile, "/indicators/ho-ngheo/").contains("<td>4/4</td>"), "{}", main_of(&profile));
    let best = built.read("geo/x4/index.html");
    assert!(row_linking(&best, "/indicators/ho-ngheo/").contains("<td>1/4</td>"));
}

#[test]
fn issue_9_progress_shows_the_distance_covered_and_the_pace_as_two_numbers() {
    // Mường A: ≥ 7 points a year from 40,00 (2021) to 2025 is a way of 28 points; 16,93 in 2024
    // has covered 23,07 of them (82 %) at 7,69 a year (110 % of the pace needed)
    let page = figures().read("programmes/nq-09/index.html");
    let target = &page[page.find("id=\"huyen-a\"").unwrap()..];
    assert!(
        target.contains(
            "<div><dt>Quãng đường đã đi</dt><dd>82\u{a0}% quãng đường từ năm gốc đến mục tiêu</dd></div>"
        ),
        "{target}"
    );
    assert!(
        target
            .contains("<div><dt>Tốc độ</dt><dd>bằng 110\u{a0}% tốc độ bình quân cần đạt mỗi năm</dd></div>")
    );
    assert!(
        target.contains("Đã đi được 82\u{a0}% quãng đường từ năm gốc đến mục tiêu."),
        "the bar is the distance"
    );
    assert!(!target.contains("100\u{a0}%"), "the pace (capped) is never shown as the distance");
    // a province going the wrong way has covered none of the way
    let tinh = &page[page.find("id=\"tinh\"").unwrap()..page.find("id=\"huyen-a\"").unwrap()];
    assert!(tinh.contains("<dd>0\u{a0}% quãng đường từ năm gốc đến mục tiêu</dd>"), "{tinh}");
    assert!(tinh.contains("<dt>Tốc độ</dt><dd>ngược hướng mục tiêu</dd>"), "{tinh}");
}

#[test]
fn issue_9_a_yearly_change_says_whether_it_rose_or_fell() {
    // the province: 10,00 (2021) → 12,48 (2023): a rise of 1,24 a year against a decrease target
    let built = figures();
    let programme = built.read("programmes/nq-09/index.html");
    assert!(programme.contains("<div><dt>Kết quả</dt><dd>tăng 1,24\u{a0}điểm phần trăm mỗi năm</dd></div>"));
    // Mường A: 40,00 (2021) → 16,93 (2024): (40 − 16,93) / 3 = 7,69 a year down
    assert!(programme.contains("<div><dt>Kết quả</dt><dd>giảm 7,69\u{a0}điểm phần trăm mỗi năm</dd></div>"));
    let progress = built.read("progress/index.html");
    assert!(progress.contains("<strong>tăng 1,24\u{a0}điểm phần trăm mỗi năm</strong>"));
    let indicator = built.read("indicators/ho-ngheo/index.html");
    assert!(indicator.contains("Kết quả: giảm 7,69\u{a0}điểm phần trăm mỗi năm"));
}

#[test]
fn issue_9_figures_keep_every_decimal_they_were_typed_with() {
    let built = figures();
    // geo.yaml: area_km2: 6364.25
    let province = built.read("geo/sc/index.html");
    assert!(
        province.contains("<div><dt>Diện tích (km²)</dt><dd>6.364,25</dd></div>"),
        "{}",
        main_of(&province)
    );
    // thieu-viec declares one decimal but 9.94 was typed: never "9,9 %"
    let page = built.read("indicators/thieu-viec/index.html");
    assert!(page.contains("<span class=\"value\">9,94\u{a0}%</span>"), "{}", main_of(&page));
    assert!(!page.contains("9,9\u{a0}%"));
}

#[test]
fn issue_9_a_one_year_series_is_named_by_its_year() {
    let page = figures().read("indicators/thieu-viec/index.html");
    assert!(
        page.contains("<figcaption>Thiếu việc làm của tỉnh Sơn Cao, năm 2024</figcaption>"),
        "{}",
        main_of(&page)
    );
    assert!(page.contains("Biểu đồ đường. Sơn Cao: 9,94\u{a0}% năm 2024.</desc>"));
    assert!(!page.contains("2024–2024"));
    assert!(!page.contains("đến 9,94\u{a0}% năm 2024"));
}

#[test]
fn issue_9_open_data_has_keys_for_every_table_and_whole_counts() {
    let built = figures();
    let package: serde_json::Value = serde_json::from_str(&built.read("data/datapackage.json")).unwrap();
    let resource =
        package["resources"].as_array().unwrap().iter().find(|r| r["name"] == "so-ho-ngheo").unwrap();
    assert_eq!(resource["schema"]["primaryKey"], serde_json::json!(["geo", "year", "area"]));
    let value =
        resource["schema"]["fields"].as_array().unwrap().iter().find(|f| f["name"] == "value").unwrap();
    assert_eq!(value["type"], "integer");
    // the total row fills the disaggregation column, so the key is never empty
    let csv = built.read("data/so-ho-ngheo.csv");
    assert!(csv.contains("\nso-ho-ngheo,sc,tỉnh Sơn Cao,province,2024,_T,20411,count\n"), "{csv}");
    let json = built.read("data/so-ho-ngheo.json");
    assert!(json.contains("\"value\": 20411\n"), "{json}");
    assert!(!json.contains("20411.0"));
}

#[test]
fn issue_9_profiles_list_former_units_apart_with_their_period() {
    let page = figures().read("geo/sc/index.html");
    let main = main_of(&page);
    let current = main.find("<h2>Đơn vị trực thuộc hiện nay</h2>").expect("current units");
    let former = main.find("<h2>Đơn vị trực thuộc trước đây</h2>").expect("former units");
    assert!(main[current..former].contains("Xã Mới"));
    assert!(!main[current..former].contains("Mường A"));
    assert!(main[former..].contains("Huyện Mường A</a> <small>(01/01/2019–30/06/2025)</small>"), "{main}");
    assert!(main[former..].contains("Huyện Pa B</a> <small>(đến 30/06/2025)</small>"));
}

#[test]
fn issue_9_the_indicators_lead_names_only_the_themes_the_site_has() {
    // site.yaml declares "Y tế" too, but no indicator is about health
    let page = figures().read("indicators/index.html");
    assert!(
        page.contains("<p class=\"lead\">Số liệu về giảm nghèo và dân cư, cập nhật"),
        "{}",
        main_of(&page)
    );
    assert!(!main_of(&page).contains("y tế"));
    assert!(!main_of(&page).contains("hạ tầng"));
}

#[test]
fn issue_9_an_indicator_without_figures_says_so() {
    let page = figures().read("indicators/chua-co/index.html");
    assert!(page.contains("<p class=\"no-data\">Chưa có số liệu</p>"), "{}", main_of(&page));
}

#[test]
fn issue_9_the_total_code_of_open_data_is_not_a_group_id() {
    // `_T` marks totals in the CSV files: a group with that id would be read as the total
    let site = SiteTest::from_fixture("figures");
    let path = site.root.join("content/indicators/so-ho-ngheo.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    site.write("content/indicators/so-ho-ngheo.yaml", &text.replace("urban", "_T"));
    let errors = site.errors();
    assert!(errors.contains("content/indicators/so-ho-ngheo.yaml:13:14:"), "{errors}");
    assert!(errors.contains("`_T` cannot be the id of a value of `area`"), "{errors}");
}

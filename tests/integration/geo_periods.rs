//! Geography over time (issue 9, items 5–7): province mergers, the current province, targets
//! whose baseline predates a merger, and warnings for figures of units that ceased mid-year.

use crate::harness::{SiteTest, main_of};

/// Text of the `<main>` of a page without tags or charts, whitespace collapsed.
fn text_of(html: &str) -> String {
    let main = main_of(html);
    let mut out = String::new();
    let mut in_tag = false;
    let mut in_svg = 0usize;
    let mut rest = main;
    while let Some(c) = rest.chars().next() {
        if rest.starts_with("<svg") {
            in_svg += 1;
        }
        if rest.starts_with("</svg>") {
            in_svg = in_svg.saturating_sub(1);
        }
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag && in_svg == 0 => out.push(c),
            _ => {}
        }
        rest = &rest[c.len_utf8()..];
    }
    out.replace("&#x2F;", "/").split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Issue 9, item 7: Lào Cai and Yên Bái merged into the new Lào Cai on 1 July 2025.
#[test]
fn issue_9_merged_provinces_keep_their_series_and_judge_old_baselines_on_the_aggregate() {
    let site = SiteTest::from_fixture("province-merger");
    let built = site.build().unwrap();
    let programme = text_of(&built.read("programmes/nq-2030/index.html"));
    // 2020 baseline = 0.75 × 8.0 + 0.25 × 16.0 = 10.0 (population weights 750 000 and 250 000);
    // 2024 = 0.75 × 6.5 + 0.25 × 12.0 = 7.875; pace so far (7.0 − 10.0)/5 = −0.6 a year,
    // needed (6 − 10)/10 = −0.4 a year: ratio 1.5, on track
    assert!(programme.contains("Tỷ lệ hộ nghèo toàn tỉnh còn dưới 6 % ↗ Đúng tiến độ"), "{programme}");
    assert!(programme.contains("Năm gốc 2020: 10,0 %"), "{programme}");
    assert!(programme.contains("2024 7,9 %"), "{programme}");
    // an index (custom unit) cannot be combined: not comparable, not "not enough data"
    assert!(programme.contains("Chỉ số PCI đạt từ 70 điểm ? Không so sánh được"), "{programme}");
    let profile = text_of(&built.read("geo/lao-cai/index.html"));
    assert!(profile.contains("Thành lập trên cơ sở Tỉnh Lào Cai , Tỉnh Yên Bái"), "{profile}");
    let index = text_of(&built.read("geo/index.html"));
    assert!(index.contains("Tỉnh Yên Bái (1)"), "{index}");
    assert!(built.read("geo/yen-bai/index.html").contains("Đã sắp xếp vào"));
}

/// Issue 9, item 7: `data.province` names the province that exists today.
#[test]
fn issue_9_the_site_province_must_be_the_current_one() {
    let site = SiteTest::from_fixture("province-merger");
    let config = site.root.join("content/site.yaml");
    let text = std::fs::read_to_string(&config).unwrap().replace("province: lao-cai", "province: yen-bai");
    site.write("content/site.yaml", &text);
    let errors = site.errors();
    assert_eq!(
        errors,
        "content/site.yaml:4:13: error: `yen-bai` no longer exists (it ended on 30/06/2025, merged into `lao-cai`)\n  help: name the province that exists today: province: lao-cai"
    );
}

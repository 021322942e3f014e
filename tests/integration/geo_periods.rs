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

/// The merger fixture with a 2025 figure for the old Lào Cai (merged on 1 July 2025).
fn site_with_mid_year_figure() -> SiteTest {
    let site = SiteTest::from_fixture("province-merger");
    let path = site.root.join("content/indicators/ho-ngheo.yaml");
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace("values: {2020: 8.0, 2024: 6.5}", "values: {2020: 8.0, 2024: 6.5, 2025: 6.1}");
    site.write("content/indicators/ho-ngheo.yaml", &text);
    site
}

fn gazette(site: &SiteTest, args: &[&str]) -> std::process::Output {
    crate::harness::gazette_en().args(args).arg("--root").arg(&site.root).output().unwrap()
}

/// Issue 9, item 6: a year-end figure of a unit that ceased that year is a warning naming the
/// unit it was merged into; the build goes on.
#[test]
fn issue_9_a_figure_of_a_unit_merged_mid_year_is_a_warning_naming_its_successor() {
    let site = site_with_mid_year_figure();
    let (_, warnings) = gazette::site::build_with_warnings(&site.options(), false, &|_| {})
        .expect("warnings do not fail a build");
    assert_eq!(warnings.len(), 1);
    insta::assert_snapshot!("mid_year_figure_warning", warnings.to_string());
    assert!(site.root.join("public/index.html").exists());
}

/// Issue 9, item 6: `--deny-warnings` makes the build fail and leaves public/ alone.
#[test]
fn issue_9_deny_warnings_fails_the_build_and_writes_nothing() {
    let site = site_with_mid_year_figure();
    let out = gazette(&site, &["build", "--deny-warnings"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("content/indicators/ho-ngheo.yaml:11:42: error: `lao-cai-cu` ceased on 30/06/2025"),
        "{stderr}"
    );
    assert!(!site.root.join("public").exists());
    let out = gazette(&site, &["build"]);
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("ho-ngheo.yaml:11:42: warning: `lao-cai-cu` ceased"), "{stderr}");
    assert!(stderr.contains("1 warning"), "{stderr}");
}

/// Issue 9, item 6: warnings in the three formats of `gazette check`.
#[test]
fn issue_9_check_reports_warnings_in_every_format() {
    let site = site_with_mid_year_figure();
    let out = gazette(&site, &["check", "--format", "github"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.starts_with(
            "::warning file=content/indicators/ho-ngheo.yaml,line=11,col=42::`lao-cai-cu` ceased"
        ),
        "{text}"
    );
    let out = gazette(&site, &["check", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["ok"], true);
    assert_eq!(json["warnings"][0]["severity"], "warning");
    assert_eq!(json["warnings"][0]["line"], 11);
    let out = gazette(&site, &["check"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.ends_with("Checked 25 pages: 1 warning\n"), "{text}");
    let out = gazette(&site, &["check", "--deny-warnings", "--format", "github"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stdout).starts_with("::error file=content/indicators/ho-ngheo.yaml")
    );
}

//! Issue 14: `gazette import open-sdg DIR` turns an Open SDG data repository (laid out as
//! open-sdg/open-sdg-data-starter lays it out: `tests/sites/open-sdg-data`) into gazette
//! indicators, says what it could not map, and the site builds.

use gazette::import::import_open_sdg;

use crate::harness::{SiteTest, gazette_en, sites_dir};

#[test]
fn an_open_sdg_repository_is_imported_with_what_was_not_mapped_and_the_site_builds_issue_14() {
    let site = SiteTest::from_fixture("full");
    let report = import_open_sdg(&sites_dir().join("open-sdg-data"), &site.root).unwrap();
    assert_eq!(
        report.written,
        [
            "content/indicators/sdg-1-1-1.yaml",
            "content/indicators/sdg-1-1-1.csv",
            "content/indicators/sdg-1-2-1.yaml",
            "content/indicators/sdg-1-2-1.csv",
            "content/indicators/sdg-1-2-1-si-pov-nahc-num.yaml",
            "content/indicators/sdg-1-2-1-si-pov-nahc-num.csv"
        ]
    );
    insta::assert_snapshot!("open_sdg_unmapped", report.unmapped.join("\n"));
    let yaml = std::fs::read_to_string(site.root.join("content/indicators/sdg-1-2-1.yaml")).unwrap();
    insta::assert_snapshot!("open_sdg_indicator_yaml", yaml);
    let csv = std::fs::read_to_string(site.root.join("content/indicators/sdg-1-2-1.csv")).unwrap();
    assert!(csv.starts_with("geo,year,value,sex\ntn,2021,30,\ntn,2022,27,\ntn,2021,31.5,nu\n"), "{csv}");
    let built = site.build().unwrap_or_else(|e| panic!("{e}"));
    let data = built.read("data/sdg-1-2-1.csv");
    assert!(data.contains("sdg-1-2-1,tn,tỉnh Thử Nghiệm,province,2022,nu,28.1,percent\n"), "{data}");
    assert!(built.read("data/sdg-1-1-1.csv").contains(",2015,a,500,custom\n"));
}

#[test]
fn the_import_command_reports_and_refuses_to_overwrite_issue_14() {
    let site = SiteTest::from_fixture("full");
    let dir = sites_dir().join("open-sdg-data");
    let out =
        gazette_en().args(["import", "open-sdg"]).arg(&dir).arg("--root").arg(&site.root).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert!(stdout.contains("wrote content/indicators/sdg-1-2-1.yaml"), "{stdout}");
    assert!(
        stdout.contains("not mapped: data/indicator_1-2-1.csv: GeoCode not in content/geo.yaml"),
        "{stdout}"
    );
    assert!(stdout.contains("Imported 3 indicators"), "{stdout}");
    let again =
        gazette_en().args(["import", "open-sdg"]).arg(&dir).arg("--root").arg(&site.root).output().unwrap();
    let stdout = String::from_utf8_lossy(&again.stdout);
    assert!(
        stdout.contains("`content/indicators/sdg-1-2-1.yaml` already exists and was left as it is"),
        "{stdout}"
    );
    let missing = gazette_en()
        .args(["import", "open-sdg"])
        .arg(site.root.join("content"))
        .arg("--root")
        .arg(&site.root)
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(1));
}

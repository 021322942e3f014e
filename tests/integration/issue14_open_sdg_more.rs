//! Issue 14, the Open SDG importer completed: metadata from `csv-meta/*.csv` (the data
//! starter's alternative to `meta/*.yml`), each Units/Series pair of a data file imported as
//! an indicator of its own.

use gazette::import::import_open_sdg;

use crate::harness::{SiteTest, sites_dir};

#[test]
fn metadata_in_csv_meta_is_mapped_as_the_yaml_metadata_is_issue_14() {
    let site = SiteTest::from_fixture("full");
    let report = import_open_sdg(&sites_dir().join("open-sdg-csv-meta"), &site.root).unwrap();
    assert_eq!(report.written, ["content/indicators/sdg-3-2-1.yaml", "content/indicators/sdg-3-2-1.csv"]);
    let yaml = std::fs::read_to_string(site.root.join("content/indicators/sdg-3-2-1.yaml")).unwrap();
    assert!(yaml.contains("title: Tỷ suất tử vong trẻ em dưới 5 tuổi\n"), "{yaml}");
    assert!(yaml.contains("unit_label: Trên 1.000 trẻ đẻ sống\n"), "{yaml}");
    assert!(
        yaml.contains("description: Số trẻ em chết trước 5 tuổi trên 1.000 trẻ đẻ sống, theo giới tính.\n"),
        "{yaml}"
    );
    assert!(yaml.contains("source: Sở Y tế\n") && yaml.contains("updated: 2024-06-30\n"), "{yaml}");
    let built = site.build().unwrap_or_else(|e| panic!("{e}"));
    assert!(
        built.read("data/sdg-3-2-1.csv").contains(",2023,nu,18.2,"),
        "{}",
        built.read("data/sdg-3-2-1.csv")
    );
}

#[test]
fn each_units_and_series_pair_becomes_an_indicator_of_its_own_issue_14() {
    let site = SiteTest::from_fixture("full");
    let report = import_open_sdg(&sites_dir().join("open-sdg-data"), &site.root).unwrap();
    assert_eq!(
        report.notes,
        [
            "data/indicator_1-2-1.csv: 2 units and series, imported as 2 indicators: sdg-1-2-1 (Percent SI_POV_NAHC), sdg-1-2-1-si-pov-nahc-num (Number SI_POV_NAHC_NUM)"
        ]
    );
    assert!(!report.unmapped.iter().any(|l| l.contains("SI_POV_NAHC_NUM")), "{:?}", report.unmapped);
    let count =
        std::fs::read_to_string(site.root.join("content/indicators/sdg-1-2-1-si-pov-nahc-num.yaml")).unwrap();
    assert!(
        count.starts_with("title: Tỷ lệ dân số sống dưới chuẩn nghèo quốc gia (Number, SI_POV_NAHC_NUM)\n"),
        "{count}"
    );
    assert!(count.contains("unit: custom\nunit_label: Number\n"), "{count}");
    let percent = std::fs::read_to_string(site.root.join("content/indicators/sdg-1-2-1.yaml")).unwrap();
    assert!(percent.contains("(Percent, SI_POV_NAHC)\n") && percent.contains("unit: percent\n"), "{percent}");
    let built = site.build().unwrap_or_else(|e| panic!("{e}"));
    let count_data = built.read("data/sdg-1-2-1-si-pov-nahc-num.csv");
    assert!(
        count_data.contains("sdg-1-2-1-si-pov-nahc-num,tn,tỉnh Thử Nghiệm,province,2021,20411,custom\n"),
        "{count_data}"
    );
    assert!(!built.read("data/sdg-1-2-1.csv").contains("20411"));
}

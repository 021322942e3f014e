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

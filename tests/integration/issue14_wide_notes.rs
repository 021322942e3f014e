//! Issue 14: the wide layout (units in rows, years in columns) with a notes or sources column
//! beside the years, as officers keep one: the column is left aside and `gazette check` says
//! so; any other column that is not a year is refused at its header cell, with what is accepted.

use crate::harness::{SiteTest, gazette_en, sites_dir};
use crate::tables_excel::{C, xlsx};

/// The full fixture's commune table in the wide layout, with one more column headed `extra`
/// (text on each row) before the years.
fn wide_with(extra: &str) -> Vec<u8> {
    use std::collections::BTreeMap;
    let csv = std::fs::read_to_string(sites_dir().join("full/content/indicators/ho-ngheo-xa.csv")).unwrap();
    let mut by_unit: BTreeMap<String, BTreeMap<i32, f64>> = BTreeMap::new();
    for line in csv.lines().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        by_unit.entry(f[0].to_string()).or_default().insert(f[1].parse().unwrap(), f[2].parse().unwrap());
    }
    let years: Vec<i32> = (2012..=2025).filter(|y| by_unit.values().any(|v| v.contains_key(y))).collect();
    let mut rows = vec![vec![C::T("Đơn vị"), C::T(extra)]];
    rows[0].extend(years.iter().map(|y| C::N(f64::from(*y))));
    let units: Vec<(&String, &BTreeMap<i32, f64>)> = by_unit.iter().collect();
    for (unit, values) in units {
        let mut row = vec![C::T(unit.as_str()), C::T("số liệu sơ bộ")];
        row.extend(years.iter().map(|y| values.get(y).map_or(C::T(""), |v| C::N(*v))));
        rows.push(row);
    }
    xlsx("Sheet1", &rows, &[])
}

/// The full fixture reading its commune figures from `bytes` (an `.xlsx`).
fn full_with(bytes: &[u8]) -> SiteTest {
    let site = SiteTest::from_fixture("full");
    let yaml = site.root.join("content/indicators/ho-ngheo.yaml");
    let text =
        std::fs::read_to_string(&yaml).unwrap().replace("csv: ho-ngheo-xa.csv", "table: ho-ngheo-xa.xlsx");
    std::fs::write(&yaml, text).unwrap();
    std::fs::remove_file(site.root.join("content/indicators/ho-ngheo-xa.csv")).unwrap();
    std::fs::write(site.root.join("content/indicators/ho-ngheo-xa.xlsx"), bytes).unwrap();
    site
}

#[test]
fn a_notes_column_beside_the_years_is_left_aside_and_check_says_so_issue_14() {
    let from_csv = SiteTest::from_fixture("full").build().unwrap().read("data/ho-ngheo.csv");
    for header in ["Ghi chú", "Nguồn", "Note", "SOURCE"] {
        let site = full_with(&wide_with(header));
        let built = site.build().unwrap_or_else(|e| panic!("{header}: {e}"));
        assert_eq!(built.read("data/ho-ngheo.csv"), from_csv, "{header}");
    }
    let site = full_with(&wide_with("Ghi chú"));
    let out = gazette_en().args(["check", "--root"]).arg(&site.root).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert!(
        stdout.contains("content/indicators/ho-ngheo-xa.xlsx: Sheet1!B1: the column “Ghi chú” holds notes or sources and was left aside\n"),
        "{stdout}"
    );
}

#[test]
fn any_other_column_beside_the_years_is_refused_at_its_header_cell_issue_14() {
    let errors = full_with(&wide_with("Khu vực")).errors();
    assert!(
        errors.contains("content/indicators/ho-ngheo-xa.xlsx: Sheet1!B1: error: the column “Khu vực” is not a year, the unit column, a note column or a disaggregation"),
        "{errors}"
    );
    assert!(
        errors.contains(
            "note and source columns, left aside (Ghi chú, Chú thích, Nguồn, Nguồn số liệu, Note, Source)"
        ),
        "{errors}"
    );
    assert!(errors.contains("(none: this indicator has no disaggregations)"), "{errors}");
    assert_eq!(errors.matches("error:").count(), 1, "{errors}");
}

//! Validation rules of indicator files, one test per rule.

use super::validate::parse_indicator;
use crate::error::Errors;
use crate::geo::{Geo, parse_geo};
use crate::source::SourceFile;

fn geo() -> Geo {
    parse_geo(&SourceFile::new(
        "content/geo.yaml",
        "units:
  - {id: sc, name: Sơn Cao, type: tỉnh}
  - {id: mt, name: Mường Tùng, type: huyện, parent: sc, until: 2025-06-30}
  - {id: tl, name: Tà Lùng, type: xã, parent: mt, until: 2025-06-30, merged_into: tl2}
  - {id: tl2, name: Tà Lùng, type: xã, parent: sc, from: 2025-07-01}
",
    ))
    .unwrap()
}

fn themes() -> Vec<String> {
    vec!["giam-ngheo".to_string()]
}

const HEAD: &str = "title: Tỷ lệ hộ nghèo
theme: giam-ngheo
unit: percent
direction: lower
source: Sở Nông nghiệp và Môi trường
updated: 2025-12-20
";

fn parse(body: &str, csv: Option<&str>) -> Result<super::Indicator, Errors> {
    let file = SourceFile::new("content/indicators/ho-ngheo.yaml", &format!("{HEAD}{body}"));
    let tables: Vec<SourceFile> =
        csv.map(|t| SourceFile::new("content/indicators/ho-ngheo-xa.csv", t)).into_iter().collect();
    parse_indicator(&file, &tables, &geo(), &themes())
}

fn messages(errors: &Errors) -> Vec<String> {
    errors
        .0
        .iter()
        .map(|e| format!("{}: {}", e.location.as_ref().map(|l| l.to_string()).unwrap_or_default(), e.message))
        .collect()
}

#[test]
fn the_three_forms_make_one_sorted_series() {
    let ind = parse(
        "series:\n  - geo: sc\n    values: {2021: 26.9, 2019: 33.1}\nobservations:\n  - {geo: sc, year: 2020, value: 30.2}\ncsv: ho-ngheo-xa.csv\n",
        Some("geo,year,value\ntl,2019,61.2\ntl2,2025,40.5\n"),
    )
    .unwrap();
    let sc = ind.total(geo().find("sc").unwrap()).unwrap();
    assert_eq!(sc.points, [(2019, 33.1), (2020, 30.2), (2021, 26.9)]);
    assert_eq!(ind.value(geo().find("tl2").unwrap(), &[], 2025), Some(40.5));
    assert_eq!(ind.decimals, 1);
    assert_eq!(ind.years(), [2019, 2020, 2021, 2025]);
}

#[test]
fn an_impossible_percentage_points_at_its_value() {
    let err = parse("series:\n  - geo: sc\n    values: {2019: 140}\n", None).unwrap_err();
    assert_eq!(
        messages(&err),
        ["content/indicators/ho-ngheo.yaml:9:20: the value 140 is impossible here: it must be from 0 to 100"]
    );
    assert!(err.0[0].help.as_ref().unwrap().starts_with("a percentage is between 0 and 100"));
}

#[test]
fn unknown_geo_ids_get_a_suggestion() {
    let err = parse("observations:\n  - {geo: tl2x, year: 2025, value: 1}\n", None).unwrap_err();
    assert_eq!(messages(&err), ["content/indicators/ho-ngheo.yaml:8:11: unknown geo id `tl2x`"]);
    assert!(err.0[0].help.as_ref().unwrap().starts_with("did you mean `tl2`?"));
}

#[test]
fn duplicates_across_forms_name_the_first_place() {
    let err = parse(
        "series:\n  - geo: sc\n    values: {2020: 30.2}\ncsv: ho-ngheo-xa.csv\n",
        Some("geo,year,value\nsc,2020,30.3\n"),
    )
    .unwrap_err();
    assert_eq!(
        messages(&err),
        [
            "content/indicators/ho-ngheo-xa.csv:2:4: the value for `sc` in 2020 is given twice (first at content/indicators/ho-ngheo.yaml:9:20)"
        ]
    );
}

#[test]
fn years_must_be_in_range_and_in_the_units_lifetime() {
    let err = parse(
        "observations:\n  - {geo: sc, year: 1890, value: 1}\n  - {geo: tl, year: 2026, value: 1}\n",
        None,
    )
    .unwrap_err();
    let m = messages(&err);
    assert_eq!(m[0], "content/indicators/ho-ngheo.yaml:8:21: year 1890 is out of range");
    assert_eq!(
        m[1],
        "content/indicators/ho-ngheo.yaml:9:21: `tl` did not exist in 2026 (it existed until 30/06/2025)"
    );
    assert_eq!(
        err.0[1].help.as_deref(),
        Some("give this year's value to `tl2`, the unit it was merged into")
    );
}

#[test]
fn disaggregations_must_be_defined() {
    let body = "disaggregations:\n  - id: age\n    name: Nhóm tuổi\n    values:\n      - {id: \"0-2\", name: 0–2 tuổi}\nseries:\n  - geo: sc\n    disaggregation: {age: \"3-5\"}\n    values: {2020: 1}\n  - geo: sc\n    disaggregation: {sex: nam}\n    values: {2020: 1}\n";
    let err = parse(body, None).unwrap_err();
    let m = messages(&err);
    assert!(m[0].ends_with("`3-5` is not a value of disaggregation `age`"), "{m:?}");
    assert!(m[1].ends_with("unknown disaggregation `sex`"), "{m:?}");
}

#[test]
fn disaggregation_ids_are_slugs_because_they_head_csv_columns_issue_8() {
    let body = "disaggregations:\n  - id: \"=cmd|' /C calc'!A0\"\n    name: Nhóm\n    values:\n      - {id: a, name: A}\nseries:\n  - geo: sc\n    values: {2020: 1}\n";
    let err = parse(body, None).unwrap_err();
    let m = messages(&err);
    assert!(m[0].contains(":8:9: disaggregation id `=cmd|' /C calc'!A0` is not a slug"), "{m:?}");
    assert_eq!(
        err.0[0].help.as_deref(),
        Some("use lower-case ASCII letters, digits and hyphens, e.g. id: cmd-c-calc-a0")
    );
}

#[test]
fn csv_cells_are_checked_with_their_positions() {
    let err = parse("csv: ho-ngheo-xa.csv\n", Some("geo,year,value\nsc,2020,n/a\nsc,20x1,3\n")).unwrap_err();
    assert_eq!(
        messages(&err),
        [
            "content/indicators/ho-ngheo-xa.csv:2:9: \"n/a\" is not a number",
            "content/indicators/ho-ngheo-xa.csv:3:4: the year \"20x1\" is not a year",
        ]
    );
    let err = parse("csv: khong-co.csv\n", None).unwrap_err();
    assert_eq!(
        messages(&err),
        ["content/indicators/ho-ngheo.yaml:7:6: the table `content/indicators/khong-co.csv` does not exist"]
    );
}

#[test]
fn metadata_is_checked() {
    let file = SourceFile::new(
        "content/indicators/ho-ngheo.yaml",
        "id: ho-ngheo-2\ntitle: x\ntheme: giam-ngeo\nunit: count\ndirection: lower\nsource: x\nupdated: 2025-02-30\n",
    );
    let err = parse_indicator(&file, &[], &geo(), &themes()).unwrap_err();
    let m = messages(&err);
    assert!(m.iter().any(|e| e.ends_with("id `ho-ngheo-2` differs from the file name `ho-ngheo`")), "{m:?}");
    assert!(m.iter().any(|e| e.ends_with("unknown theme `giam-ngeo`")));
    assert!(m.iter().any(|e| e.ends_with("this unit needs a `unit_label`")));
    assert!(m.iter().any(|e| e.contains("`2025-02-30` is not a date")));
}

#[test]
fn unknown_units_of_measure_list_the_allowed_ones() {
    let file = SourceFile::new(
        "content/indicators/x.yaml",
        "title: x\ntheme: giam-ngheo\nunit: percentage\ndirection: lower\nsource: x\nupdated: 2025-01-01\n",
    );
    let err = parse_indicator(&file, &[], &geo(), &themes()).unwrap_err();
    assert_eq!(err.0[0].message, "`percentage` is not an allowed value in `unit`");
    assert!(err.0[0].help.as_ref().unwrap().starts_with("did you mean `percent`?"), "{:?}", err.0[0].help);
}

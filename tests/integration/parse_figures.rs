//! Issue 9, items 1–4, 9 and 11: figures are read as the officer meant them or refused with
//! the real cause (decimal commas, repeated keys, thousands dots, negatives, tabs, empty files,
//! Excel CSV exports), and one mistake gives one message.

use crate::harness::SiteTest;

/// Append `line` after the first line of `rel` that starts with `after`.
fn insert_after(site: &SiteTest, rel: &str, after: &str, line: &str) {
    let text = std::fs::read_to_string(site.root.join(rel)).unwrap();
    let at = format!("\n{text}").find(&format!("\n{after}")).unwrap();
    let end = at + text[at..].find('\n').unwrap() + 1;
    site.write(rel, &format!("{}{line}\n{}", &text[..end], &text[end..]));
}

#[test]
fn a_repeated_key_is_refused_in_every_kind_of_yaml_file_issue_9() {
    let cases = [
        ("content/site.yaml", "title:", "title: Cổng khác", "content/site.yaml:2:1"),
        ("content/geo.yaml", "    population:", "    population: 500000", "content/geo.yaml:6:5"),
        (
            "content/indicators/pho-cap.yaml",
            "title:",
            "title: Phổ cập",
            "content/indicators/pho-cap.yaml:2:1",
        ),
        ("content/programmes/nq-01.yaml", "title:", "title: Nghị quyết", "content/programmes/nq-01.yaml:3:1"),
        ("content/pages/gioi-thieu.md", "title:", "title: Giới thiệu lại", "content/pages/gioi-thieu.md:3:1"),
    ];
    for (rel, after, line, again) in cases {
        let site = SiteTest::from_fixture("full");
        insert_after(&site, rel, after, line);
        let errors = site.errors();
        assert!(errors.contains(&format!("{again}: error: `")), "{rel}: {errors}");
        assert!(errors.contains("is given twice in the same block (first at "), "{rel}: {errors}");
    }
}

#[test]
fn a_repeated_interface_string_is_refused_issue_9() {
    let site = SiteTest::from_fixture("full");
    site.write("i18n/vi.yaml", "read_more: Xem thêm\nread_more: Đọc tiếp\n");
    let errors = site.errors();
    assert!(
        errors.contains(
            "i18n/vi.yaml:2:1: error: `read_more` is given twice in the same block (first at i18n/vi.yaml:1:1)"
        ),
        "{errors}"
    );
}

#[test]
fn a_copied_year_line_is_refused_not_kept_last_issue_9() {
    let site = SiteTest::from_fixture("invalid/data-duplicate-year");
    let errors = site.errors();
    assert!(
        errors.contains("content/indicators/ho-ngheo.yaml:11:7: error: `2023` is given twice"),
        "{errors}"
    );
    assert!(errors.contains("(first at content/indicators/ho-ngheo.yaml:10:7)"), "{errors}");
}

#[test]
fn decimal_commas_in_a_compact_series_say_write_a_dot_issue_9() {
    let site = SiteTest::from_fixture("invalid/data-decimal-comma-series");
    let errors = site.errors();
    assert!(errors.contains("ho-ngheo.yaml:9:20: error: `14,94` is read as two entries"), "{errors}");
    assert!(errors.contains("help: write 14.94 (a dot for decimals)"), "{errors}");
    assert!(errors.contains("help: write 11.24 (a dot for decimals)"), "{errors}");
}

#[test]
fn a_year_that_is_not_plausible_or_has_no_value_is_an_error_issue_9() {
    let site = SiteTest::from_fixture("invalid/data-year-without-value");
    assert!(site.errors().contains("ho-ngheo.yaml:11:7: error: year 2024 has no value"), "{}", site.errors());
    let site = SiteTest::from_fixture("invalid/data-year-without-value");
    site.write(
        "content/indicators/ho-ngheo.yaml",
        &std::fs::read_to_string(site.root.join("content/indicators/ho-ngheo.yaml"))
            .unwrap()
            .replace("      2024:\n", "      24: 11.5\n"),
    );
    assert!(site.errors().contains("error: year 24 is out of range"), "{}", site.errors());
}

#[test]
fn thousands_dots_and_negatives_in_geo_figures_are_refused_issue_9() {
    let errors = SiteTest::from_fixture("invalid/geo-thousands-dot").errors();
    assert!(
        errors.contains("content/geo.yaml:5:17: error: `households` must be a whole number, found 181.603")
    );
    assert!(errors.contains("did you mean 181603? A dot is the decimal separator here"), "{errors}");
    let errors = SiteTest::from_fixture("invalid/geo-negative-figures").errors();
    for field in ["households", "population", "area_km2"] {
        assert!(errors.contains(&format!("error: `{field}` cannot be negative")), "{errors}");
    }
}

#[test]
fn a_count_indicator_value_must_be_whole_issue_9() {
    let errors = SiteTest::from_fixture("invalid/data-count-thousands-dot").errors();
    assert!(errors.contains("so-ho-ngheo.yaml:10:20: error: a count must be a whole number, found 20.411"));
    assert!(errors.contains("help: did you mean 20411?"), "{errors}");
}

#[test]
fn messages_name_the_real_cause_issue_9() {
    let cases = [
        ("data-tab-indent", "error: a tab character is used for indentation"),
        (
            "data-comma-in-braces",
            "help: put the value in double quotes: name: \"Dân tộc thiểu số, miền núi\"",
        ),
        ("data-decimal-comma-observation", "error: `12,5` is read as two entries"),
        ("data-empty-file", "content/indicators/ho-ngheo.yaml: error: the file is empty"),
        ("data-not-a-number", "ho-ngheo.yaml:9:20: error: the value is not a number"),
    ];
    for (case, expected) in cases {
        let errors = SiteTest::from_fixture(&format!("invalid/{case}")).errors();
        assert!(errors.contains(expected), "{case}: {errors}");
        assert!(!errors.contains("unknown field"), "{case}: {errors}");
        assert!(!errors.contains("must be from 0 to 100"), "{case}: {errors}");
    }
}

#[test]
fn a_broken_indicator_file_is_not_also_an_unknown_indicator_elsewhere_issue_9() {
    let site = SiteTest::from_fixture("full");
    let path = "content/indicators/ho-ngheo.yaml";
    let text = std::fs::read_to_string(site.root.join(path)).unwrap();
    site.write(path, &text.replace("unit: percent", "unit: phan-tram"));
    let errors = site.errors();
    assert!(errors.contains("content/indicators/ho-ngheo.yaml:"), "{errors}");
    assert!(!errors.contains("unknown indicator"), "{errors}");
    assert_eq!(errors.matches("error:").count(), 1, "{errors}");
}
